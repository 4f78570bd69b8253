//! Rendering a parsed document (or a failure) in the chosen format.

use crate::Format;
use factsheet::{FactKind, FactRow, FactSheet, LineKind, ValueData};
use serde::Serialize;

/// The CSV header: one row per value.
pub(crate) const CSV_HEADER: [&str; 19] = [
    "source",
    "country",
    "document_date",
    "section_heading",
    "kind",
    "text",
    "start",
    "end",
    "amount",
    "currency",
    "qualifier",
    "year",
    "value",
    "value_end",
    "street",
    "city",
    "state",
    "postal_code",
    "e164",
];

#[derive(Serialize)]
struct JsonlDocument<'a> {
    source: &'a str,
    #[serde(flatten)]
    document: &'a FactSheet,
}

#[derive(Serialize)]
struct JsonlError<'a> {
    source: &'a str,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
pub(crate) struct ErrorBody<'a> {
    pub message: &'a str,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// A document in `format`, ending with a newline.
pub(crate) fn document(format: Format, source: &str, doc: &FactSheet) -> Result<Vec<u8>, String> {
    let mut out = match format {
        Format::Json => serde_json::to_vec_pretty(doc).map_err(|e| e.to_string())?,
        Format::Jsonl => serde_json::to_vec(&JsonlDocument {
            source,
            document: doc,
        })
        .map_err(|e| e.to_string())?,
        Format::Csv => return csv_rows(source, doc),
    };
    out.push(b'\n');
    Ok(out)
}

/// A failed input: a JSONL error line; nothing in JSON and CSV (the error goes
/// to standard error).
pub(crate) fn failure(format: Format, source: &str, error: ErrorBody<'_>) -> Vec<u8> {
    match format {
        Format::Jsonl => {
            let mut line = serde_json::to_vec(&JsonlError { source, error }).unwrap_or_default();
            line.push(b'\n');
            line
        }
        Format::Json | Format::Csv => Vec::new(),
    }
}

/// The CSV header row.
pub(crate) fn csv_header() -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CSV_HEADER);
    w.into_inner().unwrap_or_default()
}

fn csv_rows(source: &str, doc: &FactSheet) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let country = doc.country.as_deref().unwrap_or("");
    let date = doc.date.map(|d| d.to_string()).unwrap_or_default();
    for v in &doc.values {
        let heading = doc
            .sections
            .iter()
            .find(|s| s.span.start <= v.span.start && v.span.end <= s.span.end)
            .and_then(|s| s.heading.as_deref())
            .unwrap_or("");
        let mut f: [String; 11] = Default::default();
        // amount, currency, qualifier, year, value, value_end, street, city, state, postal_code, e164
        match &v.data {
            ValueData::Money(m) => {
                f[0] = m.amount.normalize().to_string();
                f[1] = m.currency.to_string();
                f[2] = qualifier(m.qualifier);
                f[3] = m.year.map(|y| y.to_string()).unwrap_or_default();
            }
            ValueData::Percent(p) => {
                f[4] = p.value.normalize().to_string();
                f[2] = qualifier(p.qualifier);
            }
            ValueData::Count(c) => {
                f[4] = c.value.normalize().to_string();
                f[2] = qualifier(c.qualifier);
            }
            ValueData::Date { value } => f[4] = value.to_string(),
            ValueData::DateRange { start, end } => {
                f[4] = start.to_string();
                f[5] = end.to_string();
            }
            ValueData::Address(a) => {
                f[6] = a.street.clone().unwrap_or_default();
                f[7] = a.city.clone().unwrap_or_default();
                f[8] = a.state.clone().unwrap_or_default();
                f[9] = a.postal_code.clone().unwrap_or_default();
            }
            ValueData::Phone(p) => f[10] = p.e164.clone().unwrap_or_default(),
            _ => {}
        }
        let start = v.span.start.to_string();
        let end = v.span.end.to_string();
        let mut row: Vec<&str> = vec![
            source,
            country,
            &date,
            heading,
            v.kind_name(),
            &v.text,
            &start,
            &end,
        ];
        row.extend(f.iter().map(String::as_str));
        w.write_record(&row).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

fn qualifier(q: Option<factsheet::Qualifier>) -> String {
    q.and_then(|q| serde_json::to_value(q).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

// The facts tables of `factsheet facts`: one row per fact.

/// The columns every fact row starts with.
const FACT_KEYS: [&str; 3] = ["source", "country_code", "date"];

/// The CSV columns of each kind of fact, after the keys and before the span
/// (`start`, `end`). Fixed: a column is never added or dropped by the data.
pub(crate) fn fact_columns(kind: FactKind) -> &'static [&'static str] {
    match kind {
        FactKind::Series => &[
            "measure",
            "measure_text",
            "year",
            "fiscal",
            "amount",
            "currency",
            "qualifier",
            "change",
            "text",
        ],
        FactKind::Missions => &[
            "of",
            "at",
            "type",
            "city",
            "street",
            "state",
            "postal_code",
            "voice",
            "fax",
        ],
        FactKind::Relations => &["established"],
        FactKind::Memberships => &["name"],
    }
}

/// The CSV header of a facts table.
pub(crate) fn facts_csv_header(kind: FactKind) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let columns: Vec<&str> = FACT_KEYS
        .iter()
        .chain(fact_columns(kind))
        .chain(&["start", "end"])
        .copied()
        .collect();
    let _ = w.write_record(columns);
    w.into_inner().unwrap_or_default()
}

#[derive(Serialize)]
struct JsonlFact<'a> {
    source: &'a str,
    country_code: Option<&'a str>,
    date: Option<String>,
    fact: &'static str,
    #[serde(flatten)]
    row: RowFields<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum RowFields<'a> {
    Relations(&'a factsheet::DatedFact),
    Membership(&'a factsheet::Membership),
    Series(&'a factsheet::SeriesRow),
    Mission(&'a factsheet::Mission),
}

/// A document's fact rows (of `kind`, or all), in `format` (JSON Lines or CSV).
pub(crate) fn facts(
    format: Format,
    kind: Option<FactKind>,
    source: &str,
    doc: &FactSheet,
) -> Result<Vec<u8>, String> {
    let country = doc.facts.country_code.as_deref();
    let date = doc.date.map(|d| d.to_string());
    let rows = doc
        .facts
        .rows()
        .filter(|r| kind.is_none_or(|k| r.kind() == k));
    if format == Format::Csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        for row in rows {
            let mut record: Vec<String> = vec![
                source.to_string(),
                country.unwrap_or_default().to_string(),
                date.clone().unwrap_or_default(),
            ];
            record.extend(fact_fields(row));
            record.push(row.span().start.to_string());
            record.push(row.span().end.to_string());
            w.write_record(&record).map_err(|e| e.to_string())?;
        }
        return w.into_inner().map_err(|e| e.to_string());
    }
    let mut out = Vec::new();
    for row in rows {
        let fields = match row {
            FactRow::Relations(f) => RowFields::Relations(f),
            FactRow::Membership(m) => RowFields::Membership(m),
            FactRow::Series(s) => RowFields::Series(s),
            FactRow::Mission(m) => RowFields::Mission(m),
        };
        let line = JsonlFact {
            source,
            country_code: country,
            date: date.clone(),
            fact: row.kind().as_str(),
            row: fields,
        };
        serde_json::to_writer(&mut out, &line).map_err(|e| e.to_string())?;
        out.push(b'\n');
    }
    Ok(out)
}

/// A row's own CSV fields, in the order of [`fact_columns`].
fn fact_fields(row: FactRow<'_>) -> Vec<String> {
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    match row {
        FactRow::Series(s) => vec![
            s.measure.as_str().to_string(),
            s.measure_text.to_string(),
            s.year.to_string(),
            s.fiscal.to_string(),
            s.amount.normalize().to_string(),
            s.currency.to_string(),
            qualifier(s.qualifier),
            s.change.to_string(),
            s.text.to_string(),
        ],
        FactRow::Mission(m) => {
            let numbers = |kind: LineKind| {
                m.phones
                    .iter()
                    .filter(|p| p.line == kind)
                    .filter_map(|p| p.e164.as_deref())
                    .collect::<Vec<_>>()
                    .join(";")
            };
            let address = m.address.as_ref();
            vec![
                opt(m.of.as_deref()),
                opt(m.at.as_deref()),
                m.kind.as_str().to_string(),
                opt(m.city.as_deref()),
                opt(address.and_then(|a| a.street.as_deref())),
                opt(address.and_then(|a| a.state.as_deref())),
                opt(address.and_then(|a| a.postal_code.as_deref())),
                numbers(LineKind::Voice),
                numbers(LineKind::Fax),
            ]
        }
        FactRow::Relations(f) => vec![f.value.to_string()],
        FactRow::Membership(m) => vec![m.name.clone()],
    }
}

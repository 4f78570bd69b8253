//! Rendering a parsed document (or a failure) in the chosen format.

use crate::Format;
use factsheet::{FactSheet, ValueData};
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

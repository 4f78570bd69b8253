//! Rendering a parsed document (or a failure) in the chosen format.

use crate::Format;
use factsheet::{FactKind, FactRow, FactSheet, LineKind, Section, ValueData};
use serde::Serialize;
use std::io::Write;

/// The CSV header: one row per value, every field the JSON value has.
pub(crate) const CSV_HEADER: [&str; 27] = [
    "source",
    "document_kind",
    "title",
    "country",
    "document_date",
    "section_heading",
    "kind",
    "text",
    "start",
    "end",
    "amount",
    "currency",
    "scale",
    "qualifier",
    "year",
    "fiscal_year",
    "value",
    "value_end",
    "points",
    "unit",
    "street",
    "city",
    "state",
    "postal_code",
    "address_country",
    "e164",
    "line",
];

/// One CSV row, its fields in the order of [`CSV_HEADER`] (a test holds
/// them to it); empty where the value's kind has no such field.
#[derive(Serialize, Default)]
struct CsvRow<'a> {
    source: &'a str,
    document_kind: &'a str,
    title: &'a str,
    country: &'a str,
    document_date: String,
    section_heading: &'a str,
    kind: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
    amount: String,
    currency: &'a str,
    scale: String,
    qualifier: String,
    year: Option<i32>,
    fiscal_year: Option<bool>,
    value: String,
    value_end: String,
    points: Option<bool>,
    unit: &'a str,
    street: &'a str,
    city: &'a str,
    state: &'a str,
    postal_code: &'a str,
    address_country: &'a str,
    e164: &'a str,
    line: &'a str,
}

/// A line of `--format jsonl`: a document, or an input that failed.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Only its schema is used; the lines are written from the variants' types.
pub(crate) enum JsonlRecord<'a> {
    /// A parsed document, with the input it came from.
    Document(JsonlDocument<'a>),
    /// An input that could not be read or parsed.
    Error(JsonlError<'a>),
}

/// A parsed document, with the input it came from.
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct JsonlDocument<'a> {
    /// The input's path as given (bytes that are not UTF-8 as `\xNN`), or `-`.
    source: &'a str,
    #[serde(flatten)]
    document: Sheet<'a>,
}

/// A document as written: as parsed, or with its passages' texts read from
/// the input (parsed without copies of them, see `batch::parse_one`).
#[derive(Clone, Copy)]
enum Sheet<'a> {
    Parsed(&'a FactSheet),
    Sourced(factsheet::WithSource<'a>),
}

impl Serialize for Sheet<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Sheet::Parsed(doc) => doc.serialize(serializer),
            Sheet::Sourced(doc) => doc.serialize(serializer),
        }
    }
}

impl schemars::JsonSchema for Sheet<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        FactSheet::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        FactSheet::json_schema(generator)
    }
}

/// An input that could not be read or parsed.
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct JsonlError<'a> {
    /// The input's path as given, or `-`.
    source: &'a str,
    /// What went wrong, and where when the text was read.
    error: ErrorBody<'a>,
}

/// What went wrong with an input.
#[derive(Serialize, schemars::JsonSchema)]
pub(crate) struct ErrorBody<'a> {
    /// What went wrong, as a sentence.
    pub message: &'a str,
    /// The line (from 1) where the text shows the problem, if it was read.
    pub line: Option<usize>,
    /// The column (from 1, in characters), if it was read.
    pub column: Option<usize>,
}

/// Writes a document in `format` to `out`, ending with a newline. The
/// serialiser writes straight to the output: a document's JSON is twice its
/// text, and a buffer of it was most of a large file's peak memory.
pub(crate) fn document(
    out: &mut dyn Write,
    format: Format,
    source: &str,
    doc: &FactSheet,
    text: Option<&str>,
) -> Result<(), String> {
    let shown = |e: serde_json::Error| e.to_string();
    // The passages' texts, where the document holds none, from the input.
    let document = match text {
        Some(src) => Sheet::Sourced(doc.with_source(src)),
        None => Sheet::Parsed(doc),
    };
    // The serialiser writes a piece per key and bracket: gathered in a small
    // buffer of its own type, they reach `out` (a writer behind two dynamic
    // calls) a block at a time, not a piece at a time.
    if format.is_tabular() {
        return csv_rows(out, source, doc);
    }
    let mut buffered = std::io::BufWriter::with_capacity(SERIALISER_BUFFER, &mut *out);
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut buffered, &document).map_err(shown)?;
    } else {
        serde_json::to_writer(&mut buffered, &JsonlDocument { source, document }).map_err(shown)?;
    }
    buffered.write_all(b"\n").map_err(|e| e.to_string())?;
    buffered.flush().map_err(|e| e.to_string())
}

/// The serialiser's own buffer, in bytes: a few small sheets' output.
const SERIALISER_BUFFER: usize = 16 << 10;

/// A failed input: a JSONL error line; nothing in JSON and CSV (the error goes
/// to standard error).
pub(crate) fn failure(format: Format, source: &str, error: ErrorBody<'_>) -> Vec<u8> {
    match format {
        Format::Jsonl => {
            let mut line = serde_json::to_vec(&JsonlError { source, error }).unwrap_or_default();
            line.push(b'\n');
            line
        }
        _ => Vec::new(),
    }
}

/// The CSV header row.
pub(crate) fn csv_header() -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(CSV_HEADER);
    w.into_inner().unwrap_or_default()
}

fn csv_rows(out: &mut dyn Write, source: &str, doc: &FactSheet) -> Result<(), String> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    let document_date = doc.date.map(|d| d.to_string()).unwrap_or_default();
    let document_kind = serde_json::to_value(doc.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    for v in &doc.values {
        let heading = doc
            .section_of(v.span)
            .and_then(Section::heading_text)
            .unwrap_or("");
        let mut row = CsvRow {
            source,
            document_kind: &document_kind,
            title: doc.title.as_deref().unwrap_or(""),
            country: doc.country.as_deref().unwrap_or(""),
            document_date: document_date.clone(),
            section_heading: heading,
            kind: v.kind_name(),
            text: &v.text,
            start: v.span.start,
            end: v.span.end,
            ..CsvRow::default()
        };
        match &v.data {
            ValueData::Money(m) => {
                row.amount = m.amount.normalize().to_string();
                row.currency = &m.currency;
                row.scale = m.scale.map(|s| name_of(&s)).unwrap_or_default();
                row.qualifier = qualifier(m.qualifier);
                row.year = m.year;
                row.fiscal_year = m.year.map(|_| m.fiscal_year);
            }
            ValueData::Percent(p) => {
                row.value = p.value.normalize().to_string();
                row.qualifier = qualifier(p.qualifier);
                row.points = Some(p.points);
            }
            ValueData::Count(c) => {
                row.value = c.value.normalize().to_string();
                row.qualifier = qualifier(c.qualifier);
                row.unit = c.unit.as_deref().unwrap_or("");
            }
            ValueData::Date { value } => row.value = value.to_string(),
            ValueData::DateRange { start, end } => {
                row.value = start.to_string();
                row.value_end = end.to_string();
            }
            ValueData::Address(a) => {
                row.street = a.street.as_deref().unwrap_or("");
                row.city = a.city.as_deref().unwrap_or("");
                row.state = a.state.as_deref().unwrap_or("");
                row.postal_code = a.postal_code.as_deref().unwrap_or("");
                row.address_country = a.country.as_deref().unwrap_or("");
            }
            ValueData::Phone(p) => {
                row.e164 = p.e164.as_deref().unwrap_or("");
                row.line = match p.line {
                    LineKind::Voice => "voice",
                    LineKind::Fax => "fax",
                };
            }
            // ValueData is non-exhaustive: a kind added later still gets its
            // row, with the common fields (the CSV test lists every kind).
            _ => {}
        }
        w.serialize(&row).map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())
}

/// A unit enum's serde name ("million").
fn name_of<T: Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
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

/// Writes a document's fact rows (of `kind`, or all) to `out`, in `format`
/// (JSON Lines or CSV).
pub(crate) fn facts(
    out: &mut dyn Write,
    format: Format,
    kind: Option<FactKind>,
    source: &str,
    doc: &FactSheet,
) -> Result<(), String> {
    let country = doc.facts.country_code.as_deref();
    let date = doc.date.map(|d| d.to_string());
    let rows = doc
        .facts
        .rows()
        .filter(|r| kind.is_none_or(|k| r.kind() == k));
    if format.is_tabular() {
        let mut w = csv::Writer::from_writer(out);
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
        return w.flush().map_err(|e| e.to_string());
    }
    // As for documents: the serialiser's pieces gathered before `out`.
    let mut out = std::io::BufWriter::with_capacity(SERIALISER_BUFFER, out);
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
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_row_serialises_in_the_header_order() {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(CsvRow::default()).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let header = text.lines().next().unwrap();
        assert_eq!(header, CSV_HEADER.join(","));
    }
}

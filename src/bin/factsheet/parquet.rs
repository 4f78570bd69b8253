//! `--format parquet`: the CSV tables (values, or one kind of fact) with
//! typed columns, which `DuckDB`, pandas, Polars and Spark read without
//! guessing: amounts as `DECIMAL(38, 6)`, offsets as integers, flags as
//! booleans, full dates also as `DATE`.
//!
//! The batch writes each table as CSV records, whole documents at a time;
//! [`ParquetTable`] stands where the output file would, reads those records
//! back (the columns are the CSV's, one list for both formats) and writes
//! them as Parquet row groups. Its `flush` writes the file's footer: the
//! batch flushes once, at the end.

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Decimal128Builder, Int32Builder, StringBuilder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use rust_decimal::Decimal;
use std::io::{self, Write};
use std::sync::Arc;

/// Rows per row group: large enough for the columnar encodings to pay,
/// small enough that the buffered records stay a few megabytes.
const ROW_GROUP: usize = 64 * 1024;

/// The scale of every decimal column: amounts to a millionth (no amount in
/// a text is finer), in 38 digits (no amount is larger than 10^32).
const SCALE: i8 = 6;

/// How a column's text is typed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Text,
    Offset,
    Year,
    Flag,
    Amount,
    /// A date in any grain, as text ("2019-05-03", "2019-05", "FY2019").
    Date,
    /// The day of the date column before it, when that is a full date.
    Day,
    /// The number of the `value` column before it, when that is one.
    Number,
}

impl Column {
    fn data_type(self) -> DataType {
        match self {
            Column::Text | Column::Date => DataType::Utf8,
            Column::Offset => DataType::UInt64,
            Column::Year => DataType::Int32,
            Column::Flag => DataType::Boolean,
            Column::Amount | Column::Number => DataType::Decimal128(38, SCALE),
            Column::Day => DataType::Date32,
        }
    }
}

/// The columns of a CSV header, typed by name; date columns get a `_day`
/// column beside them, `value` also a `value_number`.
fn columns(header: &csv::StringRecord) -> Vec<(String, Column, usize)> {
    let mut out = Vec::new();
    for (k, name) in header.iter().enumerate() {
        let kind = match name {
            "start" | "end" => Column::Offset,
            "year" => Column::Year,
            "fiscal_year" | "points" | "fiscal" | "change" => Column::Flag,
            "amount" => Column::Amount,
            "document_date" | "date" | "established" | "value" | "value_end" => Column::Date,
            _ => Column::Text,
        };
        out.push((name.to_string(), kind, k));
        if kind == Column::Date {
            out.push((format!("{name}_day"), Column::Day, k));
            if name == "value" {
                out.push(("value_number".to_string(), Column::Number, k));
            }
        }
    }
    out
}

/// The output file of `--format parquet`, fed the CSV records of a table.
pub(crate) struct ParquetTable {
    out: Option<Box<dyn Write + Send>>,
    columns: Vec<(String, Column, usize)>,
    schema: Option<Arc<Schema>>,
    rows: Vec<csv::StringRecord>,
    writer: Option<ArrowWriter<Box<dyn Write + Send>>>,
}

impl ParquetTable {
    pub(crate) fn new(out: Box<dyn Write + Send>) -> Self {
        ParquetTable {
            out: Some(out),
            columns: Vec::new(),
            schema: None,
            rows: Vec::new(),
            writer: None,
        }
    }

    /// Writes the buffered rows as one row group.
    fn write_rows(&mut self) -> io::Result<()> {
        let Some(schema) = self.schema.clone() else {
            return Ok(());
        };
        if self.writer.is_none() {
            let out = self
                .out
                .take()
                .ok_or_else(|| io::Error::other("parquet output closed"))?;
            self.writer =
                Some(ArrowWriter::try_new(out, schema.clone(), None).map_err(io::Error::other)?);
        }
        if self.rows.is_empty() {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self
            .columns
            .iter()
            .map(|&(_, kind, k)| array(kind, self.rows.iter().map(|r| r.get(k).unwrap_or(""))))
            .collect();
        self.rows.clear();
        let batch = RecordBatch::try_new(schema, arrays).map_err(io::Error::other)?;
        match &mut self.writer {
            Some(w) => w.write(&batch).map_err(io::Error::other),
            None => Ok(()),
        }
    }
}

/// One column of typed values from the texts of its CSV field (empty is null).
fn array<'a>(kind: Column, texts: impl Iterator<Item = &'a str>) -> ArrayRef {
    let present = |t: &'a str| (!t.is_empty()).then_some(t);
    match kind {
        Column::Text | Column::Date => {
            let mut b = StringBuilder::new();
            texts.for_each(|t| b.append_option(present(t)));
            Arc::new(b.finish())
        }
        Column::Offset => {
            let mut b = UInt64Builder::new();
            texts.for_each(|t| b.append_option(t.parse().ok()));
            Arc::new(b.finish())
        }
        Column::Year => {
            let mut b = Int32Builder::new();
            texts.for_each(|t| b.append_option(t.parse().ok()));
            Arc::new(b.finish())
        }
        Column::Flag => {
            let mut b = BooleanBuilder::new();
            texts.for_each(|t| b.append_option(t.parse().ok()));
            Arc::new(b.finish())
        }
        Column::Amount | Column::Number => {
            let mut b = Decimal128Builder::new().with_data_type(kind.data_type());
            texts.for_each(|t| b.append_option(fixed_point(t)));
            Arc::new(b.finish())
        }
        Column::Day => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
            let mut b = Date32Builder::new();
            texts.for_each(|t| {
                let day = (t.len() == 10)
                    .then(|| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
                    .flatten();
                b.append_option(day.map(|d| (d - epoch).num_days() as i32));
            });
            Arc::new(b.finish())
        }
    }
}

/// A decimal's digits at [`SCALE`], as Arrow's `Decimal128` holds them.
fn fixed_point(text: &str) -> Option<i128> {
    let mut d: Decimal = text.parse().ok()?;
    d.rescale(SCALE as u32);
    (d.scale() == SCALE as u32).then(|| d.mantissa())
}

impl Write for ParquetTable {
    /// Takes whole CSV records: the batch writes a table's header, then each
    /// document's rows, in one call each.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(buf);
        for record in reader.records() {
            let record = record.map_err(io::Error::other)?;
            if self.schema.is_none() {
                self.columns = columns(&record);
                let fields: Vec<Field> = self
                    .columns
                    .iter()
                    .map(|(name, kind, _)| Field::new(name, kind.data_type(), true))
                    .collect();
                self.schema = Some(Arc::new(Schema::new(fields)));
                continue;
            }
            self.rows.push(record);
            if self.rows.len() >= ROW_GROUP {
                self.write_rows()?;
            }
        }
        Ok(buf.len())
    }

    /// Writes the last row group and the footer: the file is complete.
    fn flush(&mut self) -> io::Result<()> {
        self.write_rows()?;
        if let Some(writer) = self.writer.take() {
            let mut out = writer.into_inner().map_err(io::Error::other)?;
            out.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_their_digits_at_the_fixed_scale() {
        assert_eq!(fixed_point("9100000000"), Some(9_100_000_000_000_000));
        assert_eq!(fixed_point("12.5"), Some(12_500_000));
        assert_eq!(fixed_point("-0.75"), Some(-750_000));
        assert_eq!(fixed_point("FY2019"), None);
        assert_eq!(fixed_point(""), None);
    }
}

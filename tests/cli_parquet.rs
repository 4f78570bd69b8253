#![cfg(feature = "parquet")]
//! `--format parquet`, read back as `DuckDB` or pandas would: typed columns
//! holding what the CSV holds.

use arrow_array::{Array, Date32Array, Decimal128Array, Int32Array, StringArray, UInt64Array};
use arrow_schema::DataType;
use assert_cmd::Command;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn factsheet() -> Command {
    Command::cargo_bin("factsheet").unwrap()
}

/// Every row of a Parquet file, as record batches.
fn read(path: &std::path::Path) -> Vec<arrow_array::RecordBatch> {
    let file = std::fs::File::open(path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    reader.map(Result::unwrap).collect()
}

fn column<'a, T: 'static>(batch: &'a arrow_array::RecordBatch, name: &str) -> &'a T {
    batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
        .as_any()
        .downcast_ref::<T>()
        .unwrap_or_else(|| panic!("{name} has another type"))
}

#[test]
fn the_values_table_as_parquet_has_typed_columns_and_the_csv_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("values.parquet");
    let out = factsheet()
        .args(["parse", "--format", "parquet", "-q", "fixtures", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the invalid fixtures fail, the rest are written"
    );
    let csv = factsheet()
        .args(["parse", "--format", "csv", "-q", "fixtures"])
        .output()
        .unwrap();
    let mut csv = csv::Reader::from_reader(csv.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    let header = csv.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();

    let batches = read(&path);
    let schema = batches[0].schema();
    for (name, expected) in [
        ("amount", DataType::Decimal128(38, 6)),
        ("start", DataType::UInt64),
        ("year", DataType::Int32),
        ("fiscal_year", DataType::Boolean),
        ("value_day", DataType::Date32),
        ("document_date_day", DataType::Date32),
        ("text", DataType::Utf8),
    ] {
        assert_eq!(
            schema.field_with_name(name).unwrap().data_type(),
            &expected,
            "{name}"
        );
    }
    let total: usize = batches.iter().map(arrow_array::RecordBatch::num_rows).sum();
    assert_eq!(total, rows.len());

    let mut k = 0;
    let mut amounts = 0;
    let mut days = 0;
    for batch in &batches {
        let text = column::<StringArray>(batch, "text");
        let amount = column::<Decimal128Array>(batch, "amount");
        let start = column::<UInt64Array>(batch, "start");
        let year = column::<Int32Array>(batch, "year");
        let day = column::<Date32Array>(batch, "value_day");
        for r in 0..batch.num_rows() {
            let row = &rows[k];
            assert_eq!(text.value(r), &row[at("text")]);
            assert_eq!(start.value(r).to_string(), row[at("start")]);
            assert_eq!(year.is_null(r), row[at("year")].is_empty());
            if !row[at("amount")].is_empty() {
                let written: rust_decimal::Decimal = row[at("amount")].parse().unwrap();
                assert_eq!(
                    rust_decimal::Decimal::from_i128_with_scale(amount.value(r), 6),
                    written
                );
                amounts += 1;
            }
            if row[at("kind")] == *"date" && row[at("value")].len() == 10 {
                let d = chrono::NaiveDate::parse_from_str(&row[at("value")], "%Y-%m-%d").unwrap();
                let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
                assert_eq!(i64::from(day.value(r)), (d - epoch).num_days());
                days += 1;
            }
            k += 1;
        }
    }
    assert!(amounts > 10 && days > 3, "{amounts} amounts, {days} days");
}

#[test]
fn the_series_facts_as_parquet_and_parquet_needs_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("series.parquet");
    let out = factsheet()
        .args([
            "facts",
            "--format",
            "parquet",
            "-q",
            "fixtures/standard-chile.txt",
            "-o",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let batches = read(&path);
    let batch = &batches[0];
    let year = column::<Int32Array>(batch, "year");
    let amount = column::<Decimal128Array>(batch, "amount");
    assert!(batch.num_rows() >= 2);
    assert!((0..batch.num_rows()).all(|r| !year.is_null(r) && amount.value(r) > 0));
    assert_eq!(column::<StringArray>(batch, "country_code").value(0), "CL");

    let out = factsheet()
        .args([
            "parse",
            "--format",
            "parquet",
            "fixtures/standard-chile.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
}

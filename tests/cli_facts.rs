#![cfg(feature = "cli")]
//! `factsheet facts`: the rows a researcher pivots, as a user reads them.

use assert_cmd::Command;
use std::fs;

fn factsheet() -> Command {
    Command::cargo_bin("factsheet").unwrap()
}

#[test]
fn facts_as_csv_read_back_give_the_trade_rows() {
    let out = factsheet()
        .args([
            "facts",
            "-q",
            "--format",
            "csv",
            "fixtures/standard-chile.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "source",
            "country_code",
            "date",
            "measure",
            "measure_text",
            "year",
            "fiscal",
            "amount",
            "currency",
            "qualifier",
            "change",
            "text",
            "start",
            "end"
        ]
    );
    let trade: Vec<(String, String, String)> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[3] == "trade")
        .map(|r| (r[1].to_string(), r[5].to_string(), r[7].to_string()))
        .collect();
    assert_eq!(
        trade,
        [
            ("CL".into(), "2003".into(), "8800000000".into()),
            ("CL".into(), "2018".into(), "26100000000".into())
        ]
    );
}

#[test]
fn facts_as_jsonl_carry_every_kind_with_its_span() {
    let src = fs::read_to_string("fixtures/standard-chile.txt").unwrap();
    let out = factsheet()
        .args([
            "facts",
            "-q",
            "--format",
            "jsonl",
            "fixtures/standard-chile.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["fact"].as_str().unwrap()).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["memberships", "missions", "relations", "series"]
    );
    for r in &rows {
        assert_eq!(r["source"], "fixtures/standard-chile.txt");
        assert_eq!(r["country_code"], "CL");
        let (start, end) = (
            r["span"]["start"].as_u64().unwrap() as usize,
            r["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(start < end && end <= src.len());
    }
    let relations = rows.iter().find(|r| r["fact"] == "relations").unwrap();
    assert_eq!(relations["value"], "1823");
}

#[test]
fn facts_of_one_kind_as_csv() {
    let out = factsheet()
        .args([
            "facts",
            "-q",
            "--kind",
            "missions",
            "fixtures/addresses-and-phones-peru.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "source,country_code,date,of,at,type,city,street,state,postal_code,voice,fax,start,end"
        )
    );
    assert!(text.contains(",PE,US,embassy,Washington,"), "{text}");
}

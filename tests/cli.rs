#![cfg(feature = "cli")]
//! The command-line tool, run as a user would.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn factsheet() -> Command {
    Command::cargo_bin("factsheet").unwrap()
}

/// A folder with a few fixtures in nested folders, a failing file and a
/// file in Windows-1252.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("2016");
    fs::create_dir(&nested).unwrap();
    for name in [
        "standard-chile.txt",
        "no-header-ghana.txt",
        "truncated-estonia.txt",
    ] {
        fs::copy(Path::new("fixtures").join(name), dir.path().join(name)).unwrap();
    }
    fs::copy(
        "fixtures/caps-title-andorra.txt",
        nested.join("andorra.txt"),
    )
    .unwrap();
    fs::write(dir.path().join("empty.txt"), "\n\n").unwrap();
    fs::write(
        dir.path().join("notes.md"),
        "not a fact sheet, and not *.txt",
    )
    .unwrap();
    // "Peru’s" in Windows-1252: the apostrophe is the single byte 0x92.
    let mut latin = b"U.S. Relations With Peru\n\nBureau of Western Hemisphere Affairs\nFact Sheet\nMay 1, 2009\n\n".to_vec();
    latin.extend_from_slice(
        b"Peru\x92s trade with the United States reached $9.1 billion in 2009.\n",
    );
    fs::write(dir.path().join("latin1.txt"), latin).unwrap();
    dir
}

#[test]
fn json_for_one_file() {
    let out = factsheet()
        .args(["parse", "fixtures/standard-chile.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["country"], "Chile");
    assert_eq!(doc["date"], "2019-05-03");
}

#[test]
fn jsonl_over_a_folder_in_sorted_order_with_error_lines() {
    let dir = archive();
    let out = factsheet()
        .args(["parse", "--format", "jsonl", "--quiet"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file makes the exit code 1"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let sources: Vec<String> = lines
        .iter()
        .map(|l| {
            Path::new(l["source"].as_str().unwrap())
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        sources,
        [
            "2016/andorra.txt",
            "empty.txt",
            "latin1.txt",
            "no-header-ghana.txt",
            "standard-chile.txt",
            "truncated-estonia.txt"
        ]
    );
    let empty = &lines[1];
    assert_eq!(empty["error"]["line"], 1);
    assert_eq!(empty["error"]["column"], 1);
    assert!(empty["error"]["message"]
        .as_str()
        .unwrap()
        .contains("empty"));
    assert_eq!(lines[0]["country"], "Andorra");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("empty.txt: line 1, column 1"), "{stderr}");
}

#[test]
fn windows_1252_is_read_with_a_warning_or_refused_under_strict() {
    let dir = archive();
    let path = dir.path().join("latin1.txt");
    let out = factsheet().arg("parse").arg(&path).output().unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("Windows-1252"));
    let money = doc["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["kind"] == "money")
        .unwrap();
    assert_eq!(money["amount"], "9100000000");

    let out = factsheet()
        .args(["parse", "--strict"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("latin1.txt: line 7, column 5: not valid UTF-8"),
        "{stderr}"
    );
}

#[test]
fn csv_has_a_header_and_one_row_per_value() {
    let out = factsheet()
        .args(["parse", "--format", "csv", "fixtures/standard-chile.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "source");
    assert_eq!(&header[18], "e164");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let doc =
        factsheet::parse(&fs::read_to_string("fixtures/standard-chile.txt").unwrap()).unwrap();
    assert_eq!(rows.len(), doc.values.len());
    let money = rows.iter().find(|r| &r[4] == "money").unwrap();
    assert_eq!(
        (&money[5], &money[8], &money[9], &money[11]),
        ("$1.2 million", "1200000", "USD", "2018")
    );
    assert_eq!(&money[3], "U.S. Assistance to Chile");
    // The address holds commas: the field is quoted, and reads back whole.
    let address = rows.iter().find(|r| &r[4] == "address").unwrap();
    assert_eq!(
        &address[5],
        "1732 Massachusetts Avenue, NW, Washington, DC 20036"
    );
}

#[test]
fn standard_input() {
    let text = fs::read_to_string("fixtures/no-header-ghana.txt").unwrap();
    let out = factsheet()
        .args(["parse", "--format", "jsonl", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["source"], "-");
    assert_eq!(line["country"], "Ghana");
}

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let dir = archive();
    let run = |jobs: &str| {
        factsheet()
            .args(["parse", "--format", "jsonl", "--quiet", "--jobs", jobs])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("3"));
}

#[test]
fn output_file_and_summary() {
    let dir = archive();
    let target = dir.path().join("out.csv");
    let out = factsheet()
        .args(["parse", "--format", "csv", "--glob", "*-*.txt", "--output"])
        .arg(&target)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let written = fs::read_to_string(&target).unwrap();
    assert!(written.contains("no-header-ghana.txt") && !written.contains("latin1.txt"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("3 files, 0 failed") && stderr.contains("MB/s"),
        "{stderr}"
    );
}

#[test]
fn exit_codes_for_usage_errors_and_missing_files() {
    factsheet()
        .args(["parse", "--format", "yaml", "x.txt"])
        .assert()
        .code(2);
    factsheet()
        .args([
            "parse",
            "fixtures/standard-chile.txt",
            "fixtures/no-header-ghana.txt",
        ])
        .assert()
        .code(2);
    let out = factsheet()
        .args(["parse", "--format", "jsonl", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["source"], "no/such/file.txt");
}

#[test]
fn schema_describes_the_document() {
    let out = factsheet().arg("schema").output().unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "FactSheet");
    for field in [
        "kind", "title", "country", "bureau", "date", "sections", "values", "warnings",
    ] {
        assert!(
            schema["properties"].get(field).is_some(),
            "schema lacks {field}"
        );
    }
    // The schema shipped in the repository is the one the types generate.
    let shipped: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("schema/factsheet.schema.json").unwrap()).unwrap();
    assert_eq!(shipped, schema, "schema/factsheet.schema.json is stale: run `factsheet schema > schema/factsheet.schema.json`");
}

#[test]
fn help_explains_each_option_with_an_example() {
    let out = factsheet().args(["parse", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for option in [
        "--format", "--output", "--glob", "--jobs", "--quiet", "--strict",
    ] {
        assert!(help.contains(option), "{option} missing from --help");
    }
    assert!(help.matches("Example").count() >= 5, "{help}");
}

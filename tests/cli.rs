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
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&header[0], "source");
    // Every field the JSON has, the document's title and kind included.
    for name in [
        "document_kind",
        "title",
        "scale",
        "fiscal_year",
        "points",
        "unit",
        "address_country",
        "line",
    ] {
        column(name);
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let doc =
        factsheet::parse(&fs::read_to_string("fixtures/standard-chile.txt").unwrap()).unwrap();
    assert_eq!(rows.len(), doc.values.len());
    let money = rows.iter().find(|r| &r[column("kind")] == "money").unwrap();
    assert_eq!(
        (
            &money[column("text")],
            &money[column("amount")],
            &money[column("currency")],
            &money[column("year")],
            &money[column("scale")],
            &money[column("fiscal_year")],
        ),
        ("$1.2 million", "1200000", "USD", "2018", "million", "true")
    );
    assert_eq!(&money[column("title")], "U.S. Relations With Chile");
    assert_eq!(&money[column("document_kind")], "factsheet");
    assert_eq!(
        &money[column("section_heading")],
        "U.S. Assistance to Chile"
    );
    // The address holds commas: the field is quoted, and reads back whole.
    let address = rows
        .iter()
        .find(|r| &r[column("kind")] == "address")
        .unwrap();
    assert_eq!(
        &address[column("text")],
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

/// `factsheet parse --format jsonl --quiet --jobs JOBS DIR`.
fn jsonl_with_jobs(dir: &Path, jobs: &str) -> std::process::Output {
    factsheet()
        .args(["parse", "--format", "jsonl", "--quiet", "--jobs", jobs])
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let dir = archive();
    let run = |jobs: &str| jsonl_with_jobs(dir.path(), jobs).stdout;
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("3"));
}

/// Files large enough that each is a chunk of its own, and whose output
/// crosses the pipes' blocks, among small ones: the parallel batch writes
/// what one job writes.
#[test]
fn large_files_among_small_ones_give_the_same_output_for_any_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = fs::read_to_string("fixtures/standard-chile.txt").unwrap();
    for k in 0..6 {
        let repeats = if k % 2 == 0 { 200 } else { 1 };
        let text = vec![sheet.as_str(); repeats].join("\n\n");
        fs::write(dir.path().join(format!("{k}.txt")), text).unwrap();
    }
    let run = |jobs: &str| jsonl_with_jobs(dir.path(), jobs);
    let one = run("1");
    assert!(one.status.success());
    assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), 6);
    assert!(one.stdout.len() > 3 * 256 * 1024);
    assert_eq!(one.stdout, run("2").stdout);
    assert_eq!(one.stdout, run("4").stdout);
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

// One test per defect of the command line found by trying it as a new user
// would and under faults (issue 12); each failed on the code before it.

#[test]
fn output_onto_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("a.txt");
    fs::copy("fixtures/standard-chile.txt", &sheet).unwrap();
    let before = fs::read(&sheet).unwrap();
    let out = factsheet()
        .args(["parse", "--format", "jsonl"])
        .arg(&sheet)
        .arg("-o")
        .arg(&sheet)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("onto the input"));
    assert_eq!(
        fs::read(&sheet).unwrap(),
        before,
        "the input must be untouched"
    );
}

#[test]
fn output_inside_the_folder_read_is_not_read_back() {
    let dir = archive();
    let target = dir.path().join("out.txt");
    for _ in 0..2 {
        let status = factsheet()
            .args(["parse", "-q", "--format", "jsonl"])
            .arg(dir.path())
            .arg("-o")
            .arg(&target)
            .output()
            .unwrap()
            .status;
        assert_eq!(status.code(), Some(1), "the archive holds a failing file");
    }
    let lines = fs::read_to_string(&target).unwrap();
    let sources: Vec<String> = lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(sources.len(), 6, "{sources:?}");
    assert!(
        sources.iter().all(|s| !s.contains("out.txt")),
        "{sources:?}"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "the temporary file is renamed into place"
    );
}

#[cfg(unix)]
#[test]
fn links_and_special_files_in_a_folder_are_followed_or_reported() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let sheets = tempfile::tempdir().unwrap();
    fs::copy(
        "fixtures/standard-chile.txt",
        sheets.path().join("chile.txt"),
    )
    .unwrap();
    symlink(sheets.path(), dir.path().join("linked")).unwrap();
    symlink(
        dir.path().join("nowhere.txt"),
        dir.path().join("dangling.txt"),
    )
    .unwrap();
    symlink(dir.path(), dir.path().join("loop")).unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let out = factsheet()
        .args(["parse", "-q", "--format", "jsonl"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let source_of = |needle: &str| {
        lines
            .iter()
            .find(|l| l["source"].as_str().is_some_and(|s| s.contains(needle)))
            .unwrap_or_else(|| panic!("no record for {needle}: {lines:?}"))
    };
    assert_eq!(
        source_of("linked")["country"],
        "Chile",
        "a link to a folder is followed"
    );
    assert!(source_of("dangling").get("error").is_some());
    assert!(
        source_of("loop").get("error").is_some(),
        "a link loop is an error record"
    );
    if made.is_ok_and(|s| s.success()) {
        let fifo_record = source_of("pipe.txt");
        assert!(fifo_record["error"]["message"]
            .as_str()
            .unwrap()
            .contains("FIFO"));
        // On the command line too: reported, never read (it would block).
        let out = factsheet()
            .arg("parse")
            .arg(&fifo)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("FIFO"));
    }
}

#[test]
fn one_bad_byte_changes_one_character_not_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = fs::read("fixtures/smart-quotes-tunisia.txt").unwrap();
    bytes.extend_from_slice(b"\nA stray byte \x92 here.\n");
    let path = dir.path().join("mixed.txt");
    fs::write(&path, bytes).unwrap();
    let out = factsheet().arg("parse").arg(&path).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains("â€"),
        "UTF-8 quotes must not be read as Windows-1252"
    );
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let warning = &doc["warnings"][0];
    assert!(warning["message"]
        .as_str()
        .unwrap()
        .contains("Windows-1252"));
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string("fixtures/standard-chile.txt").unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.path().join("utf16.txt");
    fs::write(&path, bytes).unwrap();
    let out = factsheet().arg("parse").arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["country"], "Chile");
}

#[test]
fn a_line_of_prose_with_bars_is_no_menu() {
    let out = factsheet()
        .args(["parse", "-"])
        .write_stdin(
            "Trade grew | exports rose | imports fell by 5 percent in 2019, the embassy said.\n",
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["values"].as_array().map(Vec::len), Some(2));
}

#[cfg(target_os = "linux")]
#[test]
fn schema_into_a_full_output_fails_without_a_panic() {
    let full = fs::File::create("/dev/full").unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("factsheet"))
        .arg("schema")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && err.contains("writing the schema"),
        "{err}"
    );
}

#[test]
fn jobs_out_of_range_are_usage_errors() {
    for jobs in ["0", "20000", "-1"] {
        let out = factsheet()
            .args(["parse", "--format", "jsonl", "--jobs", jobs, "fixtures"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--jobs {jobs}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

#[test]
fn nothing_found_is_an_error_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["json", "jsonl"] {
        let out = factsheet()
            .args(["parse", "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("no input found"));
    }
}

#[test]
fn a_closed_pipe_stops_the_batch_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string("fixtures/standard-chile.txt").unwrap();
    for k in 0..400 {
        fs::write(dir.path().join(format!("{k:04}.txt")), &text).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("factsheet"))
        .args(["parse", "--format", "jsonl", "--jobs", "2"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("400 files"),
        "the batch must stop, not report itself done: {err}"
    );
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_keep_their_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    if fs::copy("fixtures/standard-chile.txt", dir.path().join(name)).is_err() {
        return; // a file system that refuses such names has none to report
    }
    let out = factsheet()
        .args(["parse", "-q", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    let doc: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert!(
        doc["source"].as_str().unwrap().ends_with("caf\\xE9.txt"),
        "{}",
        doc["source"]
    );
}

#[test]
fn the_summary_counts_warnings() {
    let out = factsheet()
        .args(["parse", "--format", "jsonl", "fixtures"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("with warnings"), "{err}");
    // By code: the truncated fixture's and the mojibake fixture's warnings.
    assert!(err.contains("truncated 2"), "{err}");
    assert!(err.contains("double_encoded 1"), "{err}");
}

/// The object schema a `$ref` names, in a schemars document.
fn definition<'a>(schema: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    &schema["$defs"][name]
}

/// Each line of a JSONL batch, documents and error records alike, has the
/// fields its branch of the shipped JSONL schema requires, and no other.
#[test]
fn jsonl_lines_match_the_shipped_jsonl_schema() {
    let out = factsheet().args(["schema", "--jsonl"]).output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let shipped: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("schema/factsheet-jsonl.schema.json").unwrap())
            .unwrap();
    assert_eq!(shipped, schema, "schema/factsheet-jsonl.schema.json is stale: run `factsheet schema --jsonl > schema/factsheet-jsonl.schema.json`");
    let dir = archive();
    let out = factsheet()
        .args(["parse", "--format", "jsonl", "-q"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let (mut documents, mut errors) = (0, 0);
    for line in text.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let branch = if record.get("error").is_some() {
            errors += 1;
            definition(&schema, "JsonlError")
        } else {
            documents += 1;
            definition(&schema, "JsonlDocument")
        };
        let fields = record.as_object().unwrap();
        for required in branch["required"].as_array().unwrap() {
            assert!(
                fields.contains_key(required.as_str().unwrap()),
                "{required} missing: {line}"
            );
        }
        for key in fields.keys() {
            assert!(
                branch["properties"].get(key).is_some(),
                "{key} not in the schema"
            );
        }
        if let Some(error) = record.get("error") {
            let body = definition(&schema, "ErrorBody");
            for key in error.as_object().unwrap().keys() {
                assert!(
                    body["properties"].get(key).is_some(),
                    "error.{key} not in the schema"
                );
            }
        }
    }
    assert!(
        documents >= 4 && errors >= 1,
        "{documents} documents, {errors} errors"
    );
}

#[test]
fn completions_and_a_manual_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = factsheet().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("factsheet") && script.contains("--format"),
            "{shell}"
        );
    }
    let out = factsheet().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    let out = factsheet().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH factsheet 1"), "{page}");
    assert!(page.contains("parse") && page.contains("facts"), "{page}");
}

#[test]
fn passage_texts_are_left_out_on_request_and_their_spans_still_index_the_input() {
    let src = fs::read_to_string("fixtures/standard-chile.txt").unwrap();
    let run = |extra: &[&str]| -> serde_json::Value {
        let out = factsheet()
            .args(["parse", "--format", "jsonl", "-q"])
            .args(extra)
            .arg("fixtures/standard-chile.txt")
            .output()
            .unwrap();
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let full = run(&[]);
    let lean = run(&["--no-passage-text"]);
    let paragraph = |doc: &serde_json::Value| doc["sections"][1]["paragraphs"][0].clone();
    let (with, without) = (paragraph(&full), paragraph(&lean));
    assert!(without.get("text").is_none(), "{without}");
    assert_eq!(with["span"], without["span"]);
    let (start, end) = (
        without["span"]["start"].as_u64().unwrap() as usize,
        without["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(with["text"], src[start..end]);
    // Everything else is the same.
    assert_eq!(full["values"], lean["values"]);
    assert_eq!(full["facts"], lean["facts"]);
}

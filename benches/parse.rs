//! Throughput of `parse`: the fixtures and (when present) the archived texts
//! of `../shared` file by file, as a batch parses them; each fixture; all
//! fixtures joined; text dense with each value kind; and a plain newline
//! count over the same bytes as the baseline of what the machine can do.
//!
//! Run: `cargo bench --bench parse`. Figures are MB/s (criterion's
//! `Throughput::Bytes`).
// criterion's macros generate the undocumented entry points.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/common/mod.rs"]
mod common;

use common::fixtures;

/// All fixtures, one after another.
fn concatenated() -> String {
    fixtures()
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A sheet whose paragraphs are one sentence, repeated to about `bytes`.
fn dense(sentence: &str, bytes: usize) -> String {
    let mut text = String::from("U.S. Relations With Peru\n\nBureau of Western Hemisphere Affairs\nFact Sheet\nApril 2, 2018\n\n");
    while text.len() < bytes {
        text.push_str(sentence);
        text.push_str("\n\n");
    }
    text
}

const DENSE: [(&str, &str, usize); 6] = [
    ("money", "Trade grew from $9.1 billion in 2009 to more than $14.3 billion, and aid was US$350,000 or $23.11B.", 4),
    ("percent", "Exports rose 40 percent, imports 1.41%, and tariffs fell 2.5 percentage points, or nearly 30%.", 4),
    ("date", "Relations began in 1827; talks of April 2, 2018, December 1963 and FY 2017 ran from 2009-2011.", 5),
    ("address", "Peru maintains an embassy at 1700 Massachusetts Avenue, NW, Washington, DC 20036; tel. (202) 833-9860.", 2),
    ("count", "Some 525,000 people visit each year, and 6.5 million live abroad, with 19,000 U.S. citizens resident.", 3),
    ("prose", "The two countries work together on democracy, security, trade and the protection of human rights.", 0),
];

fn whole_documents(c: &mut Criterion) {
    let mut group = c.benchmark_group("fixture");
    for (name, text) in fixtures() {
        factsheet::parse(&text).expect("every fixture parses");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, t| {
            b.iter(|| factsheet::parse(black_box(t)));
        });
    }
    group.finish();

    let all = concatenated();
    let doc = factsheet::parse(&all).expect("the concatenation parses");
    assert!(
        doc.values.len() > 100,
        "the concatenation holds the fixtures' values"
    );
    let mut group = c.benchmark_group("all-fixtures");
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function("parse", |b| b.iter(|| factsheet::parse(black_box(&all))));
    let newlines = memchr::memchr_iter(b'\n', all.as_bytes()).count();
    assert!(newlines > 100);
    group.bench_function("baseline-memchr-newlines", |b| {
        b.iter(|| memchr::memchr_iter(b'\n', black_box(all.as_bytes())).count());
    });
    group.finish();
}

fn value_kinds(c: &mut Criterion) {
    let mut group = c.benchmark_group("dense");
    for (kind, sentence, per_sentence) in DENSE {
        let text = dense(sentence, 256 * 1024);
        let doc = factsheet::parse(&text).unwrap();
        let sentences = text.matches(sentence).count();
        let found = doc
            .values
            .iter()
            .filter(|v| v.kind_name().starts_with(kind) || kind == "address")
            .count();
        assert!(
            found >= sentences * per_sentence,
            "{kind}: found {found} values in {sentences} sentences"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(kind, |b| b.iter(|| factsheet::parse(black_box(&text))));
    }
    group.finish();
}

/// The texts of `dir`, one per file, when the folder is there.
fn texts_in(dir: &str) -> Option<Vec<String>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    Some(
        paths
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .map(|b| factsheet::decode(&b).text)
            .collect(),
    )
}

/// The shape of the real work: many sheets, each its own document, parsed
/// one after another, so that the fixed cost of a document counts as it
/// does in a batch. One iteration parses every text once; the throughput is
/// their bytes. The baseline is a newline count over the same files.
fn file_by_file(c: &mut Criterion) {
    let fixtures: Vec<String> = fixtures().into_iter().map(|(_, t)| t).collect();
    let mut sets = vec![("fixtures", fixtures)];
    match texts_in("../shared/corpus/raw") {
        Some(corpus) if !corpus.is_empty() => sets.push(("shared-corpus", corpus)),
        _ => eprintln!(
            "file-by-file: ../shared/corpus/raw not found; only the fixtures are measured"
        ),
    }
    if let Some(dense) = texts_in("../shared/dense/raw").filter(|d| !d.is_empty()) {
        sets.push(("shared-dense", dense));
    }
    let mut group = c.benchmark_group("file-by-file");
    for (name, texts) in &sets {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::new("parse", name), |b| {
            b.iter(|| {
                for t in texts {
                    let _ = black_box(factsheet::parse(black_box(t)));
                }
            });
        });
        group.bench_function(BenchmarkId::new("baseline-memchr-newlines", name), |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| memchr::memchr_iter(b'\n', black_box(t.as_bytes())).count())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, file_by_file, whole_documents, value_kinds);
criterion_main!(benches);

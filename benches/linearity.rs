//! Linear time: each input at 10 MB and at 100 MB, normal and pathological.
//! Criterion reports MB/s for both sizes; linear time means the two figures
//! agree (the closing note of the robustness issue holds the table).
//!
//! Run: `cargo bench --bench linearity`. Each input is parsed once and
//! checked before it is timed.
// criterion's macros generate the undocumented entry points.
#![allow(missing_docs)]

use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use std::time::Duration;

const MB: usize = 1_000_000;

/// `unit` repeated until the text is `bytes` long.
fn repeat(unit: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + unit.len());
    while text.len() < bytes {
        text.push_str(unit);
    }
    text
}

#[path = "../tests/common/mod.rs"]
mod common;

fn fixtures() -> String {
    common::fixtures()
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Builds an input of about the size asked for.
type Maker = Box<dyn Fn(usize) -> String>;

/// The inputs, by name.
fn inputs() -> Vec<(&'static str, Maker)> {
    let sheets = fixtures();
    let one_line = sheets.replace(['\n', '\r'], " ");
    vec![
        ("fact-sheets", Box::new(move |n| repeat(&sheets, n))),
        ("one-line", Box::new(move |n| repeat(&one_line, n))),
        ("dollar-signs", Box::new(|n| repeat("$", n))),
        (
            "more-than",
            Box::new(|n| format!("The United States gave {}", repeat("more than ", n))),
        ),
        (
            "blank-lines",
            Box::new(|n| format!("Some prose here.{}", repeat("\n", n))),
        ),
        // Postal-code look-alikes in one comma-free passage: each one's
        // look-back must stay bounded (it was quadratic: 18 s for 1 MB).
        (
            "postal-codes",
            Box::new(|n| format!("Some prose here. {}", repeat("so 1234 Oslo and ", n))),
        ),
        (
            "headings",
            Box::new(|n| {
                repeat(
                    "Bilateral Economic Relations\nTrade grew by 40 percent in 2016.\n",
                    n,
                )
            }),
        ),
    ]
}

fn linearity(c: &mut Criterion) {
    for (name, make) in inputs() {
        let mut group = c.benchmark_group(format!("linearity/{name}"));
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500));
        for size in [10 * MB, 100 * MB] {
            let text = make(size);
            // Checked once, outside the timing: it parses (or fails cleanly) and
            // accounts for every byte.
            if let Ok(doc) = factsheet::parse(&text) {
                let covered: usize = doc.regions().iter().map(factsheet::Span::len).sum();
                assert_eq!(covered, text.len(), "{name}: every byte in a region");
            }
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{}MB", size / MB)),
                &text,
                |b, t| b.iter(|| factsheet::parse(black_box(t)).map(|d| d.values.len())),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, linearity);
criterion_main!(benches);

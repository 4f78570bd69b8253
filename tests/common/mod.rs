//! Checks every parsed document must pass, whatever the input.

#![allow(dead_code)]

use factsheet::{FactSheet, Span, ValueData};
use std::fmt::Write;

/// The fixtures, `(name, text)`, sorted by name.
pub fn fixtures() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = std::fs::read_dir("fixtures")
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "txt").then(|| {
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&path).unwrap())
            })
        })
        .collect();
    all.sort();
    all
}

fn check_span(src: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= src.len(),
        "{what}: span {span:?} outside 0..{}",
        src.len()
    );
    assert!(
        src.is_char_boundary(span.start) && src.is_char_boundary(span.end),
        "{what}: span {span:?} cuts a character"
    );
}

/// Spans lie inside the input on character boundaries; values are ordered,
/// do not overlap, and their text is their span's slice; the header, the
/// sections and the skipped regions cover the input without gap or overlap.
pub fn check_invariants(src: &str, doc: &FactSheet) {
    check_lines_kept(src, doc);
    let mut last_end = 0;
    for v in &doc.values {
        check_span(src, v.span, "value");
        assert!(
            v.span.start >= last_end,
            "values overlap or are out of order at {:?}",
            v.span
        );
        assert_eq!(
            v.text,
            v.span.slice(src),
            "value text differs from its span"
        );
        assert!(!v.span.is_empty(), "empty value at {:?}", v.span);
        last_end = v.span.end;
    }
    let mut at = 0;
    for region in doc.regions() {
        check_span(src, region, "region");
        assert_eq!(
            region.start,
            at,
            "regions leave a gap or overlap at byte {at}: {:?}",
            doc.regions()
        );
        at = region.end;
    }
    assert_eq!(at, src.len(), "regions stop at {at} of {}", src.len());
    for s in &doc.sections {
        if let Some(h) = s.heading.as_ref().map(|h| h.span) {
            check_span(src, h, "heading");
            assert!(
                s.span.start <= h.start && h.end <= s.span.end,
                "heading outside its section"
            );
        }
        for p in s.paragraphs.iter().chain(&s.list_items) {
            check_span(src, p.span, "passage");
            assert_eq!(p.text, p.span.slice(src));
            assert!(
                s.span.start <= p.span.start && p.span.end <= s.span.end,
                "passage outside its section"
            );
        }
    }
    for w in &doc.warnings {
        check_span(src, w.span, "warning");
    }
    for q in &doc.quotes {
        check_span(src, q.span, "quote");
    }
    for l in &doc.organizations {
        check_span(src, l.span, "organization list");
    }
}

fn short(src: &str, span: Span) -> String {
    let t = span.slice(src).trim();
    let one_line: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 60 {
        format!("{}…", one_line.chars().take(60).collect::<String>())
    } else {
        one_line
    }
}

/// A reading of the document one fact per line, for snapshots a person reviews.
pub fn describe(src: &str, doc: &FactSheet) -> String {
    let mut o = String::new();
    let d = doc.date.map(|d| d.to_string());
    let _ = writeln!(o, "kind: {:?}", doc.kind);
    let _ = writeln!(o, "title: {:?}", doc.title);
    let _ = writeln!(o, "country: {:?}", doc.country);
    let _ = writeln!(o, "bureau: {:?}", doc.bureau);
    let _ = writeln!(o, "date: {d:?}");
    let _ = writeln!(o, "header: {:?}", doc.header.map(|h| short(src, h)));
    let _ = writeln!(o, "sections:");
    for s in &doc.sections {
        let _ = writeln!(
            o,
            "  - {:?} ({}..{}): {} paragraphs, {} list items",
            s.heading_text(),
            s.span.start,
            s.span.end,
            s.paragraphs.len(),
            s.list_items.len()
        );
        for k in &s.skipped {
            let _ = writeln!(o, "    skipped ({}): {:?}", k.reason, short(src, k.span));
        }
    }
    let _ = writeln!(o, "values:");
    for v in &doc.values {
        let detail = match &v.data {
            ValueData::Money(m) => format!(
                "amount={} {} qualifier={:?} year={:?}",
                m.amount.normalize(),
                m.currency,
                m.qualifier,
                m.year
            ),
            ValueData::Percent(p) => format!(
                "value={} qualifier={:?} points={}",
                p.value.normalize(),
                p.qualifier,
                p.points
            ),
            ValueData::Date { value } => format!("value={value}"),
            ValueData::DateRange { start, end } => format!("start={start} end={end}"),
            ValueData::Address(a) => format!(
                "street={:?} city={:?} state={:?} postal_code={:?} country={:?}",
                a.street, a.city, a.state, a.postal_code, a.country
            ),
            ValueData::Phone(p) => format!("e164={:?} line={:?}", p.e164, p.line),
            ValueData::Count(c) => format!(
                "value={} unit={:?} qualifier={:?}",
                c.value.normalize(),
                c.unit,
                c.qualifier
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            o,
            "  - {} {:?} @{}..{} {}",
            v.kind(),
            v.text,
            v.span.start,
            v.span.end,
            detail
        );
    }
    for l in &doc.organizations {
        let _ = writeln!(o, "organizations: {:?}", l.names);
    }
    for q in &doc.quotes {
        let _ = writeln!(o, "quote: {:?} speaker={:?}", short(src, q.span), q.speaker);
    }
    if !doc.resources.is_empty() {
        let names: Vec<&str> = doc.resources.iter().map(|r| r.text.as_str()).collect();
        let _ = writeln!(o, "resources: {names:?}");
    }
    describe_facts(&mut o, src, doc);
    for s in &doc.skipped {
        let _ = writeln!(o, "skipped ({}): {:?}", s.reason, short(src, s.span));
    }
    for w in &doc.warnings {
        let _ = writeln!(o, "warning: {} at {:?}", w.message, short(src, w.span));
    }
    o
}

/// The facts part of `describe`.
fn describe_facts(o: &mut String, src: &str, doc: &FactSheet) {
    let f = &doc.facts;
    let _ = writeln!(o, "facts:");
    let _ = writeln!(
        o,
        "  relations_established: {:?}",
        f.relations_established
            .as_ref()
            .map(|r| r.value.to_string())
    );
    let _ = writeln!(
        o,
        "  embassy: {:?} phone {:?}",
        f.embassy_address.as_ref().and_then(|a| a.street.clone()),
        f.embassy_phone
    );
    let _ = writeln!(
        o,
        "  codes: country {:?} bureau {:?}",
        f.country_code.as_deref(),
        f.bureau_code.map(factsheet::BureauCode::as_str)
    );
    for m in &f.memberships {
        let _ = writeln!(o, "  membership: {} at {:?}", m.name, short(src, m.span));
    }
    for r in &f.series {
        let _ = writeln!(
            o,
            "  series: {} {}{} {} {} qualifier {:?} change {} ({:?})",
            r.measure.as_str(),
            if r.fiscal { "FY" } else { "" },
            r.year,
            r.amount.normalize(),
            r.currency,
            r.qualifier,
            r.change,
            r.measure_text.as_str()
        );
    }
    for m in &f.missions {
        let phones: Vec<String> = m
            .phones
            .iter()
            .map(|p| format!("{:?} {:?}", p.line, p.e164))
            .collect();
        let _ = writeln!(
            o,
            "  mission: {} of {:?} at {:?} in {:?}: {:?} {:?} phones {:?}",
            m.kind.as_str(),
            m.of.as_deref(),
            m.at.as_deref(),
            m.city,
            m.address.as_ref().and_then(|a| a.street.clone()),
            m.address.as_ref().and_then(|a| a.postal_code.clone()),
            phones
        );
    }
}

/// Every line that holds more than white space is in the header, a heading,
/// a paragraph, a list item or a skipped region (the document's or a
/// section's): nothing the text held is dropped without a trace.
pub fn check_lines_kept(src: &str, doc: &FactSheet) {
    let mut kept: Vec<Span> = doc.header.iter().copied().collect();
    kept.extend(doc.skipped.iter().map(|s| s.span));
    for s in &doc.sections {
        kept.extend(s.heading.iter().map(|h| h.span));
        kept.extend(s.paragraphs.iter().chain(&s.list_items).map(|p| p.span));
        kept.extend(s.skipped.iter().map(|k| k.span));
    }
    kept.sort();
    // The furthest end of the spans that start at or before each one.
    let mut reach = Vec::with_capacity(kept.len());
    let mut furthest = 0;
    for k in &kept {
        furthest = furthest.max(k.end);
        reach.push(furthest);
    }
    let space = |c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}';
    let mut at = 0;
    for line in src.split('\n') {
        let start = at;
        at += line.len() + 1;
        let body = line.trim_start_matches(space);
        let from = start + line.len() - body.len();
        let to = from + body.trim_end_matches(space).len();
        if from == to {
            continue;
        }
        // Some span starts before the line ends and reaches past its start.
        let before_end = kept.partition_point(|k| k.start < to);
        let held = before_end > 0 && reach[before_end - 1] > from;
        assert!(
            held,
            "line at {from}..{to} is in no part of the document: {:?}",
            &src[from..to]
        );
    }
}

//! Every fixture, parsed: invariants checked first, then a snapshot of what
//! was read, one fact per line, reviewed by eye.

mod common;

use std::fs;

#[test]
fn valid_fixtures() {
    insta::glob!("../fixtures", "*.txt", |path| {
        let src = fs::read_to_string(path).unwrap();
        let doc = factsheet::parse(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        common::check_invariants(&src, &doc);
        // The input stands in the snapshot's header, beside what was read from it.
        insta::with_settings!({ description => src.as_str(), omit_expression => true }, {
            insta::assert_snapshot!(common::describe(&src, &doc));
        });
    });
}

#[test]
fn invalid_fixtures_fail_with_a_position() {
    insta::glob!("../fixtures/invalid", "*.txt", |path| {
        let src = fs::read_to_string(path).unwrap();
        let err = factsheet::parse(&src).expect_err("an invalid fixture must not parse");
        insta::with_settings!({ description => src.as_str(), omit_expression => true }, {
            insta::assert_snapshot!(format!("{err}\n\n{}", err.render(&src)));
        });
    });
}

#[test]
fn the_json_keeps_the_contract_field_names() {
    let src = fs::read_to_string("fixtures/standard-chile.txt").unwrap();
    let doc = factsheet::parse(&src).unwrap();
    let json = serde_json::to_value(&doc).unwrap();
    for field in [
        "kind", "title", "country", "bureau", "date", "sections", "values", "warnings",
    ] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    assert_eq!(json["kind"], "factsheet");
    assert_eq!(json["date"], "2019-05-03");
    let money = json["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["kind"] == "money")
        .unwrap();
    assert_eq!(money["amount"], "1200000");
    assert_eq!(money["currency"], "USD");
    assert_eq!(money["year"], 2018);
    let span = &money["span"];
    assert_eq!(
        &src[span["start"].as_u64().unwrap() as usize..span["end"].as_u64().unwrap() as usize],
        "$1.2 million"
    );
    let phone = json["values"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["kind"] == "phone")
        .unwrap();
    assert_eq!(phone["e164"], "+12027851746");
    // And back: the output types deserialize to what was serialized.
    let back: factsheet::FactSheet = serde_json::from_value(json).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn from_str_is_parse() {
    let src = fs::read_to_string("fixtures/no-header-ghana.txt").unwrap();
    let doc: factsheet::FactSheet = src.parse().unwrap();
    assert_eq!(doc.country.as_deref(), Some("Ghana"));
}

/// The fixtures between them hold every measure of the series vocabulary,
/// a change, a fiscal year, and a sheet with several missions: the facts a
/// researcher pivots are all exercised by some text.
#[test]
fn the_fixtures_hold_every_measure_a_change_a_fiscal_year_and_several_missions() {
    use factsheet::Measure;
    let mut measures = Vec::new();
    let (mut changes, mut fiscal, mut most_missions) = (0, 0, 0);
    for entry in fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let doc = factsheet::parse(&fs::read_to_string(&path).unwrap()).unwrap();
        for row in &doc.facts.series {
            if !measures.contains(&row.measure) {
                measures.push(row.measure);
            }
            changes += usize::from(row.change);
            fiscal += usize::from(row.fiscal);
        }
        most_missions = most_missions.max(doc.facts.missions.len());
    }
    for m in [
        Measure::Trade,
        Measure::UsExports,
        Measure::UsImports,
        Measure::UsInvestment,
        Measure::InvestmentInUs,
        Measure::Assistance,
        Measure::Other,
    ] {
        assert!(measures.contains(&m), "no fixture has a {m:?} row");
    }
    assert!(changes >= 2, "changes: {changes}");
    assert!(fiscal >= 2, "fiscal-year rows: {fiscal}");
    assert!(
        most_missions >= 3,
        "most missions in one fixture: {most_missions}"
    );
}

/// A document parsed without copies of its passages' texts writes, with the
/// input beside it, the same JSON as one parsed with them; and the copies
/// really are left out (the JSON without the source is shorter).
#[test]
fn a_lean_parse_with_its_source_writes_the_same_json() {
    let mut lean_options = factsheet::Options::default();
    lean_options.passage_text = false;
    for (name, text) in common::fixtures() {
        let full = factsheet::parse(&text).unwrap();
        let lean = factsheet::parse_with(&text, &lean_options).unwrap();
        let full_json = serde_json::to_string(&full).unwrap();
        assert_eq!(
            serde_json::to_string(&lean.with_source(&text)).unwrap(),
            full_json,
            "{name}"
        );
        assert!(
            serde_json::to_string(&lean).unwrap().len() < full_json.len(),
            "{name}"
        );
        assert!(lean
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().chain(&s.list_items))
            .all(|p| p.text.is_empty()));
    }
}

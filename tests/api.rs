//! The helpers and enums of the public API, as a program embedding the
//! crate uses them.

use factsheet::{SkipReason, ValueKind, WarningKind};

const SHEET: &str =
    "U.S. Relations With Chile\n\nBureau of Western Hemisphere Affairs\nFact Sheet\n\
May 3, 2019\n\nThe United States established diplomatic relations with Chile in 1823.\n\n\
Bilateral Economic Relations\n\nTrade grew from $8.8 billion in 2009 to $26 billion in 2018, \
and Chile buys 15 percent of its imports from the United States. The last words were cut";

#[test]
fn values_of_one_kind_and_the_section_of_a_value() {
    let doc = factsheet::parse(SHEET).unwrap();
    let money: Vec<&str> = doc
        .values_of(ValueKind::Money)
        .map(|v| v.text.as_str())
        .collect();
    assert_eq!(money, ["$8.8 billion", "$26 billion"]);
    assert!(doc
        .values_of(ValueKind::Money)
        .all(|v| v.data.as_money().is_some()));
    assert!(doc
        .values_of(ValueKind::Money)
        .all(|v| v.data.as_percent().is_none()));
    let percent = doc.values_of(ValueKind::Percent).next().unwrap();
    assert_eq!(percent.data.as_percent().unwrap().value.to_string(), "15");
    let section = doc.section_of(percent.span).unwrap();
    assert_eq!(section.heading_text(), Some("Bilateral Economic Relations"));
    let heading = section.heading.as_ref().unwrap();
    assert_eq!(heading.span.slice(SHEET), heading.text);
    let dates: Vec<&str> = doc
        .values_of(ValueKind::Date)
        .map(|v| v.text.as_str())
        .collect();
    assert_eq!(dates, ["May 3, 2019", "1823", "2009", "2018"]);
    let header_date = doc.values_of(ValueKind::Date).next().unwrap();
    assert!(
        doc.section_of(header_date.span).is_none(),
        "the header is in no section"
    );
    let year = doc.values_of(ValueKind::Date).nth(1).unwrap();
    assert_eq!(doc.section_of(year.span).unwrap().heading_text(), None);
}

#[test]
fn every_kind_has_its_json_name_and_reads_back() {
    for kind in ValueKind::ALL {
        let json = serde_json::to_value(kind).unwrap();
        assert_eq!(json, kind.name());
        assert_eq!(kind.name().parse::<ValueKind>().unwrap(), kind);
        assert_eq!(kind.to_string(), kind.name());
    }
    assert!("dollars".parse::<ValueKind>().is_err());
    let doc = factsheet::parse(SHEET).unwrap();
    for v in &doc.values {
        let json = serde_json::to_value(v).unwrap();
        assert_eq!(json["kind"], v.kind().name(), "{v:?}");
    }
}

#[test]
fn warnings_and_skipped_regions_carry_a_stable_code() {
    let text = format!("Home | About | Contact\n\n{SHEET}");
    let doc = factsheet::parse(&text).unwrap();
    let truncated = doc
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::Truncated)
        .expect("the text ends mid-sentence");
    let json = serde_json::to_value(truncated).unwrap();
    assert_eq!(json["code"], "truncated");
    assert_eq!(json["message"], truncated.message.as_str());
    for kind in [WarningKind::Truncated, WarningKind::AmbiguousDate] {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
    }
    for reason in [
        SkipReason::ChromeBefore,
        SkipReason::ChromeAfter,
        SkipReason::Blank,
    ] {
        assert_eq!(serde_json::to_value(reason).unwrap(), reason.code());
    }
    let skipped = &doc.skipped[0];
    assert_eq!(skipped.reason, SkipReason::ChromeBefore);
    let json = serde_json::to_value(skipped).unwrap();
    assert_eq!(json["code"], "chrome_before");
    assert_eq!(json["reason"], "site chrome before the sheet");
}

#[test]
fn a_document_reads_back_from_its_json() {
    let doc = factsheet::parse(SHEET).unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    let back: factsheet::FactSheet = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The contract's section fields: `heading` (text or null), `heading_span`.
    assert!(value["sections"][0]["heading"].is_null());
    assert_eq!(
        value["sections"][1]["heading"],
        "Bilateral Economic Relations"
    );
    assert!(value["sections"][1]["heading_span"]["start"].is_u64());
}

#[test]
fn a_closing_section_alone_is_about_the_country_it_names_most() {
    let text = "Bilateral Representation\n\nThe U.S. Embassy in Kazakhstan is in Astana; tel. +7 7172 70 21 00. \
                Kazakhstan maintains an embassy in the United States at 1401 16th Street NW, Washington, DC 20036.\n";
    let doc = factsheet::parse(text).unwrap();
    assert_eq!(doc.country.as_deref(), Some("Kazakhstan"));
    assert_eq!(doc.facts.country_code.as_deref(), Some("KZ"));
    // A page that names several countries as often names none.
    let text = "Notes\n\nFiji and Tonga met in Suva. Tonga and Fiji agreed.\n";
    let doc = factsheet::parse(text).unwrap();
    assert_eq!(doc.country, None);
    assert_eq!(doc.facts.country_code, None);
}

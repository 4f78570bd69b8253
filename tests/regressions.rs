//! One test per bug found by the property tests and the fuzzer, each named
//! after what broke. The input is the smallest one that showed it.

mod common;

fn parses_cleanly(text: &str) {
    match factsheet::parse(text) {
        Ok(doc) => common::check_invariants(text, &doc),
        Err(e) => assert!(e.span().end <= text.len()),
    }
}

/// `is_bureau_line` cut the last byte off the line to look for a sentence
/// break, which split a closing quotation mark in three.
#[test]
fn bureau_line_ending_in_a_multibyte_character() {
    parses_cleanly("Bureau of African Affairs“40 percentThe United States “");
}

/// The glued-heading search cut the line at byte 110 to find its first word in
/// lower case, inside a multi-byte character.
#[test]
fn glued_heading_search_stopping_inside_a_character() {
    let line = format!("{}é and the rest of a long line of prose", "A".repeat(109));
    parses_cleanly(&format!("Title\n\n{line}\n"));
}

/// The rule that drops a web page's repeated alt text dropped every repeated
/// paragraph too; the money bench's assertion caught it (4 values found in
/// 2,595 sentences). Only the very next line, and a short one, is a repeat.
#[test]
fn repeated_paragraphs_after_a_blank_line_are_content() {
    let paragraph = "Trade grew from $9.1 billion in 2009 to $14.3 billion in 2016.";
    let text =
        format!("Some title here for the test\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n");
    let doc = factsheet::parse(&text).unwrap();
    common::check_invariants(&text, &doc);
    let amounts = doc.values_of(factsheet::ValueKind::Money).count();
    assert_eq!(amounts, 6);
    let caption = "A boat on the shore at sunrise, 2009.";
    let text = format!("{paragraph}\n{caption}\n{caption}\n");
    let doc = factsheet::parse(&text).unwrap();
    let years = doc.values.iter().filter(|v| v.text == "2009").count();
    assert_eq!(
        years, 2,
        "the paragraph's 2009 and the caption's, not its copy's"
    );
}

/// Dropping a trunk zero after the calling code sliced the calling code out
/// of "+9" before its length was checked; the external phone cases caught it
/// (the release binary aborts on a panic, so a whole batch was lost).
#[test]
fn a_plus_and_one_digit_after_a_phone_label() {
    parses_cleanly("The embassy can be reached at tel. +9 and fax +");
}

/// Lines a section leaves out of its paragraphs (a web page's caption under
/// its alt text, chrome between paragraphs) used to vanish with their
/// values; now each is a skipped entry of its section, with why.
#[test]
fn lines_left_out_of_a_section_are_recorded_with_their_reason() {
    let caption = "Dunes at sunrise near the coast, March 3, 2009.";
    let text = format!(
        "U.S. Relations With Namibia\n\nThe United States established relations with Namibia in 1990.\n\
         {caption}\n{caption}\n\nTrade grew to $350 million in 2019.\n"
    );
    let doc = factsheet::parse(&text).unwrap();
    common::check_invariants(&text, &doc);
    let skipped: Vec<(factsheet::SkipReason, &str)> = doc
        .sections
        .iter()
        .flat_map(|s| &s.skipped)
        .map(|s| (s.reason, s.span.slice(&text)))
        .collect();
    assert_eq!(skipped, [(factsheet::SkipReason::RepeatedLine, caption)]);
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["sections"][0]["skipped"][0]["code"], "repeated_line");
}

/// The state-code pass looked two bytes back with a string slice, which
/// panicked when a multi-byte character stood there ("– NY", "’CA").
#[test]
fn a_state_code_after_a_multibyte_character_is_no_panic() {
    for text in [
        "Offices: Albany – NY, and more.",
        "It said ’CA, then “NJ.”",
        "1 Main Street, Springfield,\u{a0}IL.",
        "Plaza é, NY; and 12 Elm Road, Dover, DE.",
    ] {
        let doc = factsheet::parse(text).unwrap();
        common::check_invariants(text, &doc);
    }
    let text = "Write to 12 Elm Road, Dover, DE.";
    let doc = factsheet::parse(text).unwrap();
    let address = doc.values.iter().find_map(|v| v.data.as_address()).unwrap();
    assert_eq!(address.street.as_deref(), Some("12 Elm Road"));
    assert_eq!(
        (address.city.as_deref(), address.state.as_deref()),
        (Some("Dover"), Some("DE"))
    );
    assert_eq!(address.postal_code, None);
}

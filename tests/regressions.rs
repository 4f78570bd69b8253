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

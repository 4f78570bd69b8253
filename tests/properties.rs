//! Property tests: whatever the input, `parse` never panics, and what it
//! returns keeps its invariants (spans inside the input on character
//! boundaries, values ordered and apart, text equal to the span's slice,
//! every byte in the header, a section or a skipped region).

mod common;

use proptest::prelude::*;

fn fixtures() -> Vec<String> {
    common::fixtures()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// Parses and checks; an error is fine (it has a position inside the text).
fn parse_and_check(text: &str) {
    match factsheet::parse(text) {
        Ok(doc) => common::check_invariants(text, &doc),
        Err(e) => {
            assert!(e.span().end <= text.len());
            assert!(e.position().line >= 1 && e.position().column >= 1);
            let _ = e.render(text);
        }
    }
}

/// The longest prefix of `bytes` that is UTF-8: mutations work on bytes, the
/// parser takes text.
fn as_text(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap(),
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Swap { a: usize, b: usize },
    ShuffleLines { seed: u64 },
    Insert { at: usize, text: String },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap { a, b }),
        any::<u64>().prop_map(|seed| Mutation::ShuffleLines { seed }),
        (
            any::<usize>(),
            prop::sample::select(vec![
                "$",
                "$1",
                " billion",
                "FY",
                "FY 20",
                "(202) ",
                "\r\n",
                "\u{a0}",
                "“",
                "”",
                "\u{feff}",
                "more than ",
                "U.S.-",
                " RELATIONS",
                "\n\n",
                "Bureau of ",
                "1700 ",
                ", DC 2003",
                "â€™",
                "\0",
            ])
        )
            .prop_map(|(at, t)| Mutation::Insert {
                at,
                text: t.to_string()
            }),
    ]
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let n = bytes.len().max(1);
    match *m {
        Mutation::Delete { at, len } => {
            let at = at % n;
            let end = (at + len).min(bytes.len());
            bytes.drain(at.min(bytes.len())..end);
        }
        Mutation::Duplicate { at, len } => {
            let at = (at % n).min(bytes.len());
            let end = (at + len).min(bytes.len());
            let piece = bytes[at..end].to_vec();
            bytes.splice(at..at, piece);
        }
        Mutation::Swap { a, b } => {
            if !bytes.is_empty() {
                bytes.swap(a % n, b % n);
            }
        }
        Mutation::ShuffleLines { seed } => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut lines: Vec<&str> = text.split('\n').collect();
            let mut state = seed | 1;
            for k in (1..lines.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                lines.swap(k, (state % (k as u64 + 1)) as usize);
            }
            bytes = lines.join("\n").into_bytes();
        }
        Mutation::Insert { at, ref text } => {
            let at = (at % n).min(bytes.len());
            bytes.splice(at..at, text.bytes());
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_breaks_it(text in any::<String>()) {
        parse_and_check(&text);
    }

    #[test]
    fn any_prose_gives_values_inside_it(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "20€", "CHF 19.90", "USD115", "A$190", "$1-2 billion", "10-20 dollars", "between ", " and ",
            "125 million Australian dollars", "12.500 ₫", "-15€", "$-99.99", "$2.174T", "$.75", "₹", "HK$",
            "21/04/2016", "2018-7-6", "11/2016", "june 2016", "05-Aug-2016", "04th Jan 2019", "5 to 7 percent",
            "%29%20", "In 2015, ", " ", ", ", "\n", "1", "-", "/", ".", "USD", "€", "dollars", "FY 20", ": ", "; ",
        ]), 0..40)
    ) {
        let text = pieces.concat();
        let (values, warnings) = factsheet::values(&text);
        for v in &values {
            prop_assert_eq!(&text[v.span.start..v.span.end], v.text.as_str());
        }
        prop_assert!(values.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        for w in &warnings {
            prop_assert!(w.span.end <= text.len());
        }
    }

    #[test]
    fn text_made_of_fact_sheet_pieces_never_breaks_it(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "U.S. Relations With ", "Peru", "\n", "\n\n", "Bureau of African Affairs", "Fact Sheet", "April 2, 2018",
            "$9.1 billion", " in 2009", "40 percent", "FY 2017", "2009-2011", "1700 Massachusetts Avenue, NW, ",
            "Washington, DC 20036", "(202) 833-9860", "U.S.-PERU RELATIONS", "More information about Peru is available.",
            "The United States ", "established diplomatic relations", ", including the United Nations, ", "“", "”",
            "more than ", " ", "1,000", "Background Note: ", "PROFILE", "Area: ", "$", "%", "U.S. $", "\u{a0}", "\r\n",
            "A.D. ", "listed here:", "- ", "(in millions)", "January", "FY", "20", "bn", "é", "—",
        ]), 0..60)
    ) {
        parse_and_check(&pieces.concat());
    }

    #[test]
    fn mutated_fixtures_never_break_it(k in 0..64usize, mutations in prop::collection::vec(mutation(), 1..6)) {
        let all = fixtures();
        let mut bytes = all[k % all.len()].clone().into_bytes();
        for m in &mutations {
            bytes = apply(bytes, m);
        }
        parse_and_check(as_text(&bytes));
    }

    /// A generated sheet: the values written into it are the values read out.
    #[test]
    fn generated_sheets_give_back_their_values(
        whole in 1u32..999,
        tenth in 0u32..10,
        scale in prop::sample::select(vec![("million", 1_000_000u64), ("billion", 1_000_000_000)]),
        year in 1950i32..2030,
        percent in 1u32..100,
        zip in 10000u32..99999,
        heading in prop::sample::select(vec!["U.S. Assistance to Chile", "Bilateral Economic Relations", "PEOPLE-TO-PEOPLE TIES"]),
        crlf in any::<bool>(),
    ) {
        let text = format!(
            "U.S. Relations With Chile\n\nBureau of Western Hemisphere Affairs\nFact Sheet\nMay 3, 2019\n\n\
             More information about Chile is available on the Chile Page.\n\n{heading}\n\n\
             Trade reached ${whole}.{tenth} {name} in {year}, and exports rose {percent} percent.\n\n\
             Chile maintains an embassy at 1732 Massachusetts Avenue, NW, Washington, DC {zip}.\n",
            name = scale.0,
        );
        let text = if crlf { text.replace('\n', "\r\n") } else { text };
        let doc = factsheet::parse(&text).unwrap();
        common::check_invariants(&text, &doc);
        let expected = rust_decimal::Decimal::from(whole * 10 + tenth) * rust_decimal::Decimal::from(scale.1)
            / rust_decimal::Decimal::from(10);
        let money = doc.values.iter().find_map(|v| match &v.data {
            factsheet::ValueData::Money(m) => Some(m),
            _ => None,
        });
        let money = money.expect("the amount is found");
        prop_assert_eq!(money.amount, expected);
        prop_assert_eq!(money.year, Some(year));
        let found_percent = doc.values.iter().any(|v| matches!(&v.data,
            factsheet::ValueData::Percent(p) if p.value == rust_decimal::Decimal::from(percent)));
        prop_assert!(found_percent);
        let zip_text = zip.to_string();
        let found_zip = doc.values.iter().any(|v| matches!(&v.data,
            factsheet::ValueData::Address(a) if a.postal_code.as_deref() == Some(zip_text.as_str())));
        prop_assert!(found_zip);
        prop_assert_eq!(doc.headings().collect::<Vec<_>>(), vec![heading]);
        prop_assert_eq!(doc.date.map(|d| d.to_string()), Some("2019-05-03".to_string()));
    }
}

/// Every fixture cut at every character boundary: archives cut texts
/// anywhere, often mid-word.
#[test]
fn fixtures_cut_at_every_length() {
    for text in fixtures() {
        let mut cuts = 0;
        for end in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
            parse_and_check(&text[..end]);
            cuts += 1;
        }
        assert!(cuts > 100);
    }
}

/// What a reader sees of a document, with every kind of space as a space.
fn reading(
    doc: &factsheet::FactSheet,
) -> (Option<String>, Option<String>, Vec<String>, Vec<String>) {
    let plain = |s: &str| s.replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ");
    (
        doc.title.as_deref().map(plain),
        doc.country.as_deref().map(plain),
        doc.headings().map(plain).collect(),
        doc.values.iter().map(|v| plain(&v.text)).collect(),
    )
}

/// A text whose spaces are no-break spaces (web scrapes, word processors)
/// reads as the same text with spaces: the same title, country, headings
/// and values, with spans on the input as given.
#[test]
fn no_break_spaces_read_as_spaces() {
    for (name, text) in common::fixtures() {
        let Ok(doc) = factsheet::parse(&text) else {
            continue;
        };
        for space in ['\u{a0}', '\u{202f}'] {
            let other = text.replace(' ', &space.to_string());
            let other_doc = factsheet::parse(&other).unwrap();
            common::check_invariants(&other, &other_doc);
            assert_eq!(reading(&other_doc), reading(&doc), "{name} with {space:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Some spaces, not all, made no-break: the invariants hold and the
    /// country and headings stay.
    #[test]
    fn some_no_break_spaces_keep_the_reading(pick in 0usize..1000, every in 1usize..6) {
        let all = common::fixtures();
        let (_, text) = &all[pick % all.len()];
        let mut n = 0;
        let other: String = text.chars().map(|c| {
            if c == ' ' { n += 1; if n % every == 0 { '\u{a0}' } else { ' ' } } else { c }
        }).collect();
        if let (Ok(doc), Ok(other_doc)) = (factsheet::parse(text), factsheet::parse(&other)) {
            common::check_invariants(&other, &other_doc);
            prop_assert_eq!(reading(&other_doc), reading(&doc));
        }
    }
}

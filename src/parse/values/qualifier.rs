//! Qualifiers: the bound written just before an amount, a percentage or a
//! count ("more than $1 billion", "about 40 percent").

use crate::money::Qualifier;
use crate::parse::text::words::{before as window_before, last_word};

const QUALIFIERS: [(&str, Qualifier); 24] = [
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("about", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("some", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
    ("nearly", Qualifier::About),
    ("almost", Qualifier::About),
    ("close to", Qualifier::About),
    ("near", Qualifier::About),
    ("at least", Qualifier::AtLeast),
    ("up to", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
];

/// Is `word` the last word of one of the qualifiers above, in any case?
/// Lower-cased into a small buffer and matched: most values have no
/// qualifier, and the word before them says so at once.
fn ends_qualifier(word: &str) -> bool {
    let b = word.as_bytes();
    if !(2..=13).contains(&b.len()) {
        return false;
    }
    let mut lower = [0u8; 13];
    for (l, c) in lower.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    matches!(
        &lower[..b.len()],
        b"than"
            | b"over"
            | b"of"
            | b"exceeding"
            | b"under"
            | b"below"
            | b"about"
            | b"approximately"
            | b"roughly"
            | b"around"
            | b"some"
            | b"estimated"
            | b"nearly"
            | b"almost"
            | b"to"
            | b"near"
            | b"least"
            | b"as"
    )
}

/// The qualifier written just before a value ("more than $1 billion").
pub(crate) fn before(src: &str, start: usize) -> Option<Qualifier> {
    let window = window_before(src, start, 32).trim_end_matches([' ', '\u{a0}', '\n']);
    if !ends_qualifier(last_word(window)) {
        return None;
    }
    for (phrase, q) in QUALIFIERS {
        if window.len() < phrase.len() {
            continue;
        }
        let cut = window.len() - phrase.len();
        if !window.is_char_boundary(cut) {
            continue;
        }
        let (head, tail) = window.split_at(cut);
        if tail.eq_ignore_ascii_case(phrase) && !head.ends_with(|c: char| c.is_alphanumeric()) {
            return Some(q);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_qualifier_ends_in_a_word_the_match_knows() {
        for (phrase, _) in QUALIFIERS {
            assert!(ends_qualifier(last_word(phrase)), "{phrase}");
            assert!(
                ends_qualifier(&last_word(phrase).to_uppercase()),
                "{phrase}"
            );
        }
        assert!(!ends_qualifier("then"));
        assert!(!ends_qualifier("a"));
    }

    #[test]
    fn qualifiers_are_read_before_the_value() {
        assert_eq!(
            before("grew to more than $1", 18),
            Some(Qualifier::MoreThan)
        );
        assert_eq!(before("a cover $1", 8), None);
        assert_eq!(before("nearly $5", 7), Some(Qualifier::About));
    }
}

//! Counts: a number of things that is neither money nor a percentage
//! ("19,000 U.S. citizens", "525,000 per year"), with the words that say
//! what is counted.

use super::{make, read};
use crate::parse::text::words::words;
use crate::value::{Count, Value, ValueData};

/// The bytes a count can open with.
pub(crate) const OPENING_BYTES: &[&[u8]] = &[b"0123456789"];

pub(crate) fn count_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let (stop, value) = read(src, i, end, super::number::count)?;
    let unit = unit_after(&src[stop..end]);
    let qualifier = super::qualifier::before(src, i);
    Some(make(
        src,
        i,
        stop,
        ValueData::Count(Count {
            value,
            unit,
            qualifier,
        }),
    ))
}

/// Words that end the unit of a count: what follows them is not what is counted.
const UNIT_STOP: [&str; 24] = [
    "in", "to", "from", "and", "or", "by", "since", "for", "with", "of", "at", "on", "is", "are",
    "between", "among", "during", "across", "after", "before", "than", "that", "which", "who",
];

/// A word as it can stand in a count's unit, without the mark after it;
/// `None` for a word that ends the unit (a number, a stop word, nothing).
fn unit_word(word: &str) -> Option<&str> {
    let clean = word.trim_end_matches([',', '.', ';', ':', ')']);
    let letters = clean
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '.');
    (!clean.is_empty() && letters && !UNIT_STOP.contains(&clean)).then_some(clean)
}

/// "U.S. citizens" | "per year" | "liters": up to three words after a count.
fn unit_after(after: &str) -> Option<String> {
    let rest = after.strip_prefix(' ')?;
    // The unit is the words read, as written: where the last one ends.
    let mut unit_end = 0;
    let mut at = 0;
    for word in words(rest).take(3) {
        let Some(clean) = unit_word(word) else {
            break;
        };
        // "U.S." and short abbreviations ("sq. km.") keep their dot and the
        // unit goes on; a capital ends it; a mark after a word ends it there.
        let abbreviation = word.len() <= 4 && word.ends_with('.') && clean.len() + 1 == word.len();
        if word == "U.S." {
            unit_end = at + word.len();
        } else if clean.starts_with(|c: char| c.is_uppercase()) {
            break;
        } else if abbreviation {
            unit_end = at + word.len();
        } else {
            unit_end = at + clean.len();
            if clean.len() != word.len() {
                break;
            }
        }
        at += word.len() + 1;
    }
    (unit_end > 0).then(|| rest[..unit_end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Vec-and-join version `unit_after` replaced.
    fn unit_after_reference(after: &str) -> Option<String> {
        let rest = after.strip_prefix(' ')?;
        let mut unit = Vec::new();
        for word in rest.split(' ').take(3) {
            let Some(clean) = unit_word(word) else {
                break;
            };
            if word == "U.S." {
                unit.push(word);
                continue;
            }
            if clean.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            if word.len() <= 4 && word.ends_with('.') && clean.len() + 1 == word.len() {
                unit.push(word);
                continue;
            }
            unit.push(clean);
            if clean.len() != word.len() {
                break;
            }
        }
        (!unit.is_empty()).then(|| unit.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn units_as_the_reference_reads_them(
            s in "( |U\\.S\\.|sq\\.|Km\\.|km|people|in|per|year|-|,|\\.|\\)|2|é){0,12}"
        ) {
            proptest::prop_assert_eq!(unit_after(&s), unit_after_reference(&s));
        }
    }

    #[test]
    fn units_after_counts() {
        assert_eq!(
            unit_after(" U.S. citizens presently").as_deref(),
            Some("U.S. citizens presently")
        );
        assert_eq!(unit_after(" per year."), Some("per year".to_string()));
        assert_eq!(unit_after(" in 2008"), None);
        assert_eq!(unit_after(" sq. km. (1,557"), Some("sq. km.".to_string()));
        assert_eq!(
            unit_after(" students between 2015"),
            Some("students".to_string())
        );
    }
}

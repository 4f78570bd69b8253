//! Bare years, and the neighbours that say a four-digit number is not one
//! ("1700 Massachusetts Avenue", "Resolution 1325", "PACC 2030").

use super::make;
use crate::parse::text::words::before;
use crate::value::{Value, ValueData};

/// The commonest value of all, a bare year ("in 1827, ..."), read without
/// the general date grammar when what follows cannot make it a range or a
/// longer date. Anything else falls through to `date_at`.
pub(crate) fn bare_year_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let b = &src.as_bytes()[i..end];
    let next = b.get(4).copied();
    let after = b.get(5).copied().unwrap_or(b' ');
    let plain_end = match next {
        None | Some(b';' | b')' | b'\n' | b'\r' | b'"' | b'\'') => true,
        Some(b',' | b'.' | b':') => !after.is_ascii_digit(),
        Some(b' ') => {
            let rest = &b[5..];
            // "2016 / 11" is a month of 2016.
            !(rest.starts_with(b"to ")
                || rest.starts_with(b"/ ")
                || rest.starts_with(b"through ")
                || rest.starts_with(b"and "))
        }
        _ => false,
    };
    // "2015 June", "2016, Nov": a month-year written year first.
    if !plain_end || super::date::year_then_month_at(&src[i..end]) {
        return None;
    }
    let year = super::date::year_in_range(super::date::digits_value(&b[..4]))?;
    if !plausible_year(src, i, i + 4) {
        return None;
    }
    Some(make(
        src,
        i,
        i + 4,
        ValueData::Date {
            value: crate::date::DateValue::Year(year),
        },
    ))
}

/// Words after which a four-digit number is a name or a number, not a year.
const NOT_YEAR_AFTER: [&str; 14] = [
    "No.",
    "No",
    "Nos.",
    "Number",
    "Resolution",
    "Resolutions",
    "Law",
    "Decree",
    "Case",
    "Category",
    "Flight",
    "Route",
    "#",
    "Box",
];

/// A bare four-digit number is a year unless its neighbours say otherwise:
/// "1700 Massachusetts Avenue", "1,500 troops" (a count), "PACC 2030" (a name),
/// "2000 people".
pub(crate) fn plausible_year(src: &str, start: usize, end: usize) -> bool {
    let after = &src[end..];
    let after_trim = after.trim_start_matches([' ', '\u{a0}']);
    if after_trim.starts_with('%')
        || super::number::scale_word(after_trim).is_ok()
        || after_trim.starts_with("sq")
        || after_trim.starts_with("km")
        || after_trim.starts_with("people")
        || after_trim.starts_with("persons")
        || after_trim.starts_with(',') && after_trim[1..].starts_with(|c: char| c.is_ascii_digit())
        || matches!(after.as_bytes().first(), Some(b' ' | b'-'))
            && super::address::starts_street(&src[start..])
    {
        return false;
    }
    !named_number(src, start)
}

/// Is the number at `start` one that a word before it names: "Resolution
/// 1325", "No. 12/2016", "PRN: 2014/1187", "PACC 2030" (an acronym)?
pub(crate) fn named_number(src: &str, start: usize) -> bool {
    // The word before, within 24 bytes, past spaces and a colon: found by
    // bytes (every date in digits asks this).
    let window = before(src, start, 24).as_bytes();
    let lo = start - window.len();
    let b = src.as_bytes();
    let mut end = start;
    loop {
        if end > lo && matches!(b[end - 1], b' ' | b':') {
            end -= 1;
        } else if end >= lo + 2 && b[end - 2..end] == [0xC2, 0xA0] {
            end -= 2;
        } else {
            break;
        }
    }
    let mut from = end;
    while from > lo && !matches!(b[from - 1], b' ' | b'\n' | b'(') {
        from -= 1;
    }
    let prev_word = &src[from..end];
    if NOT_YEAR_AFTER
        .iter()
        .any(|w| w.eq_ignore_ascii_case(prev_word))
    {
        return true;
    }
    // An acronym before the number makes it part of a name: "PACC 2030", "COVID 2019".
    prev_word.len() >= 2 && prev_word.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word before, as the standard library finds it: what the byte
    /// loop of `named_number` must agree with.
    fn word_before(src: &str, start: usize) -> &str {
        let w = before(src, start, 24).trim_end_matches([' ', '\u{a0}', ':']);
        w.rsplit([' ', '\n', '(']).next().unwrap_or("")
    }

    proptest::proptest! {
        #[test]
        fn the_word_before_is_found_by_bytes_as_by_splitting(
            s in "(Resolution|No\\.|PACC|in|\u{a0}|: |:| |\n|\\(|é|ab){0,12}"
        ) {
            let src = format!("{s}2030");
            let start = s.len();
            let by_split = word_before(&src, start);
            let named = NOT_YEAR_AFTER.iter().any(|w| w.eq_ignore_ascii_case(by_split))
                || by_split.len() >= 2 && by_split.bytes().all(|b| b.is_ascii_uppercase());
            proptest::prop_assert_eq!(named_number(&src, start), named, "{:?}", src);
        }
    }

    #[test]
    fn numbers_a_word_names() {
        assert!(named_number("Resolution 1325", 11));
        assert!(named_number("No.: 12/2016", 5));
        assert!(named_number("the PACC 2030 plan", 9));
        assert!(!named_number("in 2030", 3));
        assert!(!named_number("2030", 0));
    }
}

//! Percentages: "40 percent" | "40%" | "1.41%" | "2 percentage points".

use super::number::{
    ascii_tag_no_case, decimal, inline_gap, range_separator, spelled_number, Bounds,
};
use super::{make, read};
use crate::value::{Percent, Value, ValueData};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::satisfy;
use nom::combinator::{not, opt, peek, value};
use nom::sequence::terminated;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

/// The bytes a percentage can open with: a digit, or "per cent" spelled out.
pub(crate) const OPENING_BYTES: &[&[u8]] = &[b"0123456789", b"p"];

// "%" | "percent" | "per cent" | "percentage points"; the bool says "points".
fn percent_sign(i: &str) -> IResult<&str, bool> {
    alt((
        value(false, nom::character::complete::char('%')),
        value(false, tag("٪")),
        terminated(
            alt((
                value(true, ascii_tag_no_case("percentage points")),
                value(true, ascii_tag_no_case("percentage point")),
                value(false, ascii_tag_no_case("percent")),
                value(false, ascii_tag_no_case("per cent")),
            )),
            not(peek(satisfy(|c: char| c.is_alphabetic()))),
        ),
    ))
    .parse(i)
}

/// A percentage written with digits.
pub(crate) fn percent(i: &str) -> IResult<&str, (Decimal, bool)> {
    let (rest, n) = decimal(i)?;
    let (rest, _) = opt(inline_gap).parse(rest)?;
    let (rest, points) = percent_sign(rest)?;
    Ok((rest, (n, points)))
}

/// A range of percentages with one sign: "5 to 7 percent" | "5-7%" |
/// "between 5 and 7 percent". The first bound's end, the second's start, end
/// and both values.
pub(crate) fn percent_range(i: &str, between: bool) -> Option<Bounds<(Decimal, bool)>> {
    let (rest, first) = decimal(i).ok()?;
    let first_end = i.len() - rest.len();
    let (second_at, ()) = range_separator(between)(rest).ok()?;
    let (after, second) = percent(second_at).ok()?;
    Some(Bounds {
        first_end,
        first: (first, second.1),
        second_start: i.len() - second_at.len(),
        second_end: i.len() - after.len(),
        second,
    })
}

/// A percentage written in words: "forty percent" | "nine percent".
pub(crate) fn spelled_percent(i: &str) -> IResult<&str, (Decimal, bool)> {
    let (rest, n) = spelled_number(i)?;
    let (rest, _) = inline_gap(rest)?;
    let (rest, points) = percent_sign(rest)?;
    Ok((rest, (Decimal::from(n), points)))
}

/// Whether `i` starts with a percent word, so a spelled number may stand before it.
pub(crate) fn starts_percent_word(i: &str) -> bool {
    percent_sign(i).is_ok()
}

// The scanner's entry: the value this kind makes where the scan finds it.

pub(crate) fn percent_at(src: &str, i: usize, end: usize) -> Option<Value> {
    percent_with(src, i, end, percent)
}

/// Both bounds of a range of percentages ("5 to 7 percent"), each its own
/// value with the sign written once.
pub(crate) fn percent_range_at(src: &str, i: usize, end: usize) -> Option<(Value, Value)> {
    let between = crate::parse::text::words::before(src, i, 9).ends_with("between ");
    let b = percent_range(&src[i..end], between)?;
    let value = |start: usize, stop: usize, (value, points): (Decimal, bool)| {
        make(
            src,
            start,
            stop,
            ValueData::Percent(Percent {
                value,
                qualifier: super::qualifier::before(src, start),
                points,
            }),
        )
    };
    Some((
        value(i, i + b.first_end, b.first),
        value(i + b.second_start, i + b.second_end, b.second),
    ))
}

/// A percentage read by `parser` from `start`, with its qualifier.
pub(crate) fn percent_with(
    src: &str,
    start: usize,
    end: usize,
    parser: fn(&str) -> nom::IResult<&str, (rust_decimal::Decimal, bool)>,
) -> Option<Value> {
    let (stop, (value, points)) = read(src, start, end, parser)?;
    let qualifier = super::qualifier::before(src, start);
    Some(make(
        src,
        start,
        stop,
        ValueData::Percent(Percent {
            value,
            qualifier,
            points,
        }),
    ))
}

/// "forty percent": found at the "p", the number word before it is read back.
pub(crate) fn spelled_percent_at(
    src: &str,
    i: usize,
    end: usize,
    last_end: usize,
) -> Option<Value> {
    if !starts_percent_word(&src[i..end]) {
        return None;
    }
    let before = src[..i].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .take(20)
        .take_while(|&(_, c)| c.is_ascii_alphabetic() || c == '-')
        .last()
        .map(|(at, _)| at)?;
    if word_start < last_end {
        return None;
    }
    percent_with(src, word_start, end, spelled_percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(String, bool)> {
        percent(s).ok().map(|(_, (d, p))| (d.to_string(), p))
    }

    #[test]
    fn ranges_give_both_bounds_one_sign() {
        let bounds = |s: &str, between| {
            percent_range(s, between)
                .map(|b| (b.first.0.to_string(), b.second.0.to_string(), b.second.1))
        };
        assert_eq!(
            bounds("5 to 7 percent", false),
            Some(("5".into(), "7".into(), false))
        );
        assert_eq!(bounds("5-7%", false), Some(("5".into(), "7".into(), false)));
        assert_eq!(
            bounds("1.5 and 2 percentage points", true),
            Some(("1.5".into(), "2".into(), true))
        );
        assert_eq!(bounds("1.5 and 2 percent", false), None);
        assert_eq!(bounds("2009 to 2016", false), None);
    }

    #[test]
    fn percentages_in_their_written_forms() {
        assert_eq!(read("40 percent of"), Some(("40".into(), false)));
        assert_eq!(read("40%"), Some(("40".into(), false)));
        assert_eq!(read("0.9%.The"), Some(("0.9".into(), false)));
        assert_eq!(read("2 percentage points"), Some(("2".into(), true)));
        assert_eq!(
            spelled_percent("forty percent").unwrap().1 .0.to_string(),
            "40"
        );
    }

    #[test]
    fn not_percentages() {
        assert_eq!(read("40 percentile"), None);
        assert_eq!(read("40 people"), None);
        assert!(spelled_percent("often percent").is_err());
    }
}

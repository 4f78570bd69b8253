//! Numbers as fact sheets write them: digits with thousands commas, decimals,
//! scale words, and small numbers spelled out.

use crate::money::Scale;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::char;
use nom::combinator::{not, opt, peek, value};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

/// The longest run of digits read as one number; a longer run is an
/// identifier or junk, and capping it keeps every attempt short.
const MAX_DIGITS: usize = 15;

/// An ASCII word in any case: "million" matches "Million" and "MILLION".
/// nom's `tag_no_case` folds Unicode case through iterators, which the
/// profile showed as a tenth of the time on amount-dense text; every word
/// matched this way is ASCII.
pub(crate) fn ascii_tag_no_case(word: &'static str) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| match i.get(..word.len()) {
        Some(head) if head.eq_ignore_ascii_case(word) => Ok((&i[word.len()..], head)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// The text of a number: "9.1" | "783,000" | "0.9", never followed by another
/// digit (so "12345678901234567" is no number at all).
///
/// The grammar: one to three digits and one to four groups of ",ddd"; or else
/// up to fifteen digits; then "." and one to six digits, if present. Written
/// as a byte loop, not as nom combinators: every number in a text passes
/// here, and the combinator chain cost eight times as much (a property test
/// holds this reader to the combinator grammar, kept beside the tests).
pub(crate) fn number_text(i: &str) -> IResult<&str, &str> {
    let b = i.as_bytes();
    let digits_from = |at: usize, max: usize| {
        b.get(at..)
            .unwrap_or_default()
            .iter()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let lead = digits_from(0, 3);
    if lead == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    // Thousands groups: ",ddd", up to four of them.
    let mut end = lead;
    let mut groups = 0;
    while groups < 4 && b.get(end) == Some(&b',') && digits_from(end + 1, 3) == 3 {
        end += 4;
        groups += 1;
    }
    if groups == 0 {
        end = digits_from(0, MAX_DIGITS);
    }
    if b.get(end) == Some(&b'.') {
        let fraction = digits_from(end + 1, 6);
        if fraction > 0 {
            end += 1 + fraction;
        }
    }
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        return Err(nom::Err::Error(nom::error::Error::new(
            &i[end..],
            nom::error::ErrorKind::Not,
        )));
    }
    Ok((&i[end..], &i[..end]))
}

/// A number as an exact decimal: "9.1" | "783,000".
pub(crate) fn decimal(i: &str) -> IResult<&str, Decimal> {
    let (rest, text) = number_text(i)?;
    match to_decimal(text) {
        Some(d) => Ok((rest, d)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

/// Converts the text of a number ("1,197.5") to an exact decimal: the digits
/// make the mantissa, the digits after the point the scale, as `Decimal`'s
/// own parser would read them, with no string to build.
pub(crate) fn to_decimal(text: &str) -> Option<Decimal> {
    let mut mantissa: u128 = 0;
    let mut digits = 0u32;
    let mut scale = None;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u128::from(b - b'0');
                digits += 1;
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            b',' if scale.is_none() => {}
            b'.' if scale.is_none() => scale = Some(0),
            _ => return None,
        }
        // 28 digits fill Decimal's 96-bit mantissa.
        if digits > 28 {
            return None;
        }
    }
    if digits == 0 {
        return None;
    }
    let mantissa = i128::try_from(mantissa).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale.unwrap_or(0)).ok()
}

fn not_followed_by_letter(i: &str) -> IResult<&str, ()> {
    not(peek(nom::character::complete::satisfy(|c: char| {
        c.is_alphabetic()
    })))
    .parse(i)
}

/// A scale word: "billion" | "Million" | "THOUSAND" | "trillion".
pub(crate) fn scale_word(i: &str) -> IResult<&str, Scale> {
    // The first letter picks the one word to compare; most words fail here.
    let (word, scale) = match i.as_bytes().first().map(u8::to_ascii_lowercase) {
        Some(b't')
            if i.as_bytes()
                .get(1)
                .is_some_and(|b| b.eq_ignore_ascii_case(&b'r')) =>
        {
            ("trillion", Scale::Trillion)
        }
        Some(b't') => ("thousand", Scale::Thousand),
        Some(b'b') => ("billion", Scale::Billion),
        Some(b'm') => ("million", Scale::Million),
        _ => {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        }
    };
    let (rest, _) = ascii_tag_no_case(word).parse(i)?;
    let (rest, ()) = not_followed_by_letter(rest)?;
    Ok((rest, scale))
}

/// A scale abbreviation glued to its number: "bn" | "B" | "M" | "mn" | "K" | "T".
/// An upper-case letter may follow, because tables glue cells ("$200MFY 2022").
pub(crate) fn scale_abbreviation(i: &str) -> IResult<&str, Scale> {
    let (rest, scale) = alt((
        value(Scale::Billion, tag("bn")),
        value(Scale::Million, tag("mn")),
        value(Scale::Trillion, tag("tn")),
        value(Scale::Trillion, tag("T")),
        value(Scale::Billion, tag("B")),
        value(Scale::Million, tag("M")),
        value(Scale::Million, tag("m")),
        value(Scale::Thousand, tag("K")),
        value(Scale::Thousand, tag("k")),
    ))
    .parse(i)?;
    let (rest, ()) = not(peek(nom::character::complete::satisfy(|c: char| {
        c.is_lowercase() || c.is_ascii_digit()
    })))
    .parse(rest)?;
    Ok((rest, scale))
}

/// Both bounds of a range read at once ("$1-2 billion", "5 to 7 percent"),
/// with where the first ends and the second starts and ends, as offsets into
/// the text read.
pub(crate) struct Bounds<T> {
    pub first_end: usize,
    pub first: T,
    pub second_start: usize,
    pub second_end: usize,
    pub second: T,
}

/// Between the bounds of a range of amounts or percentages: "-" | "–" |
/// " to " | " and " (only after "between").
pub(crate) fn range_separator(between: bool) -> impl Fn(&str) -> IResult<&str, ()> {
    move |i: &str| {
        let dash = (
            opt(inline_gap),
            alt((tag("-"), tag("–"), tag("—"))),
            opt(inline_gap),
        );
        let word = (inline_gap, alt((tag("to"), tag("and"))), inline_gap);
        let (rest, word_used) = alt((
            value(None, dash),
            nom::combinator::map(word, |(_, w, _)| Some(w)),
        ))
        .parse(i)?;
        if word_used == Some("and") && !between {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
        Ok((rest, ()))
    }
}

/// A count: a number with thousands commas or a scale word, "525,000" |
/// "6.5 million" (a bare "40" is too often something else to be a count).
pub(crate) fn count(i: &str) -> IResult<&str, Decimal> {
    let (rest, text) = number_text(i)?;
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let value = to_decimal(text).ok_or_else(fail)?;
    match preceded(inline_gap, scale_word).parse(rest) {
        Ok((rest, scale)) => Ok((
            rest,
            value
                .checked_mul(scale.factor())
                .ok_or_else(fail)?
                .normalize(),
        )),
        Err(_) if text.contains(',') => Ok((rest, value)),
        Err(_) => Err(fail()),
    }
}

/// White space inside a value: spaces, tabs, no-break spaces, and at most one
/// line break (a value may wrap, a blank line ends it).
pub(crate) fn gap(i: &str) -> IResult<&str, &str> {
    if let Some(end) = one_plain_space(i) {
        return Ok((&i[end..], &i[..end]));
    }
    let mut end = 0;
    let mut newlines = 0;
    for (at, c) in i.char_indices() {
        match c {
            ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\r' => end = at + c.len_utf8(),
            '\n' if newlines == 0 => {
                newlines += 1;
                end = at + 1;
            }
            _ => break,
        }
        if end > 16 {
            break;
        }
    }
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Space,
        )));
    }
    Ok((&i[end..], &i[..end]))
}

/// The commonest gap of all, one space before a letter, a digit or a mark:
/// its length (1), told from two bytes before any character is decoded;
/// `None` when the gap may be anything else (the callers then read it whole).
fn one_plain_space(i: &str) -> Option<usize> {
    match i.as_bytes() {
        [b' ', next, ..] if next.is_ascii_graphic() => Some(1),
        _ => None,
    }
}

/// White space on one line only.
pub(crate) fn inline_gap(i: &str) -> IResult<&str, &str> {
    if let Some(end) = one_plain_space(i) {
        return Ok((&i[end..], &i[..end]));
    }
    let end = i
        .char_indices()
        .take_while(|&(_, c)| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}'))
        .map(|(at, c)| at + c.len_utf8())
        .last()
        .unwrap_or(0);
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Space,
        )));
    }
    Ok((&i[end..], &i[..end]))
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn word_from<'a>(i: &'a str, words: &[&str]) -> IResult<&'a str, usize> {
    for (n, w) in words.iter().enumerate().rev() {
        if let Some(head) = i.get(..w.len()) {
            if head.eq_ignore_ascii_case(w) {
                let rest = &i[w.len()..];
                if !rest.starts_with(|c: char| c.is_alphabetic()) {
                    return Ok((rest, n));
                }
            }
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// A number from zero to ninety-nine in words: "nine" | "forty" | "twenty-five".
pub(crate) fn spelled_number(i: &str) -> IResult<&str, u32> {
    if let Ok((rest, tens)) = word_from(i, &TENS) {
        let base = 20 + 10 * tens as u32;
        if let Ok((rest2, unit)) = preceded(char('-'), |j| word_from(j, &UNITS[1..10])).parse(rest)
        {
            return Ok((rest2, base + unit as u32 + 1));
        }
        return Ok((rest, base));
    }
    let (rest, n) = word_from(i, &UNITS)?;
    Ok((rest, n as u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::bytes::complete::take_while_m_n;
    use nom::combinator::{opt, recognize};
    use nom::multi::fold_many_m_n;

    /// The combinator grammar `number_text` was written from, as the reference.
    fn number_text_reference(i: &str) -> IResult<&str, &str> {
        let is_digit = |c: char| c.is_ascii_digit();
        let integer_digits = alt((
            recognize((
                take_while_m_n(1, 3, is_digit),
                fold_many_m_n(
                    1,
                    4,
                    (char(','), take_while_m_n(3, 3, is_digit)),
                    || (),
                    |(), _| (),
                ),
            )),
            take_while_m_n(1, MAX_DIGITS, is_digit),
        ));
        let (rest, text) = recognize((
            integer_digits,
            opt(preceded(char('.'), take_while_m_n(1, 6, is_digit))),
        ))
        .parse(i)?;
        let (rest, ()) = not(peek(nom::character::complete::satisfy(is_digit))).parse(rest)?;
        Ok((rest, text))
    }

    proptest::proptest! {
        #[test]
        fn numbers_read_as_the_combinator_grammar_reads_them(s in "[0-9,.a ]{0,30}") {
            proptest::prop_assert_eq!(number_text(&s).ok(), number_text_reference(&s).ok());
            if let Ok((_, text)) = number_text(&s) {
                let by_parser = text.replace(',', "").parse::<Decimal>().ok();
                let mine = to_decimal(text);
                proptest::prop_assert_eq!(mine, by_parser);
                // The same digits and scale, not only the same value: "9.10" stays "9.10".
                proptest::prop_assert_eq!(mine.map(|d| d.to_string()), by_parser.map(|d| d.to_string()));
            }
        }
    }

    fn dec(s: &str) -> Option<(String, &str)> {
        decimal(s).ok().map(|(rest, d)| (d.to_string(), rest))
    }

    #[test]
    fn gaps_are_white_space_with_at_most_one_line_break() {
        assert_eq!(gap(" 2009"), Ok(("2009", " ")));
        assert_eq!(gap("  \n 2009"), Ok(("2009", "  \n ")));
        assert!(gap("\n\n2009").is_ok_and(|(rest, _)| rest == "\n2009"));
        assert!(gap("2009").is_err());
        assert_eq!(inline_gap(" billion"), Ok(("billion", " ")));
        assert_eq!(inline_gap("\u{a0}billion"), Ok(("billion", "\u{a0}")));
        assert!(inline_gap("\nbillion").is_err());
    }

    #[test]
    fn numbers_with_commas_and_decimals() {
        assert_eq!(dec("525,000 per"), Some(("525000".into(), " per")));
        assert_eq!(dec("9.1 billion"), Some(("9.1".into(), " billion")));
        assert_eq!(dec("0.9%.The"), Some(("0.9".into(), "%.The")));
        assert_eq!(dec("2009."), Some(("2009".into(), ".")));
        assert_eq!(
            dec("40,310,055 million"),
            Some(("40310055".into(), " million"))
        );
    }

    #[test]
    fn overlong_digit_runs_and_non_numbers_fail() {
        assert_eq!(dec("1234567890123456789"), None);
        assert_eq!(dec("abc"), None);
        assert_eq!(dec(""), None);
    }

    #[test]
    fn broken_grouping_reads_only_the_first_group() {
        assert_eq!(dec("1,1,1"), Some(("1".into(), ",1,1")));
    }

    #[test]
    fn scales_in_words_and_abbreviations() {
        assert_eq!(scale_word("Billion dollars").unwrap().1, Scale::Billion);
        assert!(scale_word("millions").is_err());
        assert_eq!(scale_abbreviation("MFY 2022").unwrap().1, Scale::Million);
        assert_eq!(scale_abbreviation("bn,").unwrap().1, Scale::Billion);
        assert!(scale_abbreviation("Ma").is_err());
        assert!(scale_abbreviation("miles").is_err());
    }

    #[test]
    fn counts_need_commas_or_a_scale() {
        assert_eq!(count("525,000 per year").unwrap().1.to_string(), "525000");
        assert_eq!(
            count("6.5 million people").unwrap().1.to_string(),
            "6500000"
        );
        assert!(count("40 people").is_err());
    }

    #[test]
    fn spelled_numbers() {
        assert_eq!(spelled_number("forty percent").unwrap().1, 40);
        assert_eq!(spelled_number("twenty-five percent").unwrap().1, 25);
        assert_eq!(spelled_number("Nine percent").unwrap().1, 9);
        assert!(spelled_number("nineteenth").is_err());
        assert!(spelled_number("often").is_err());
    }

    #[test]
    fn a_gap_holds_at_most_one_line_break() {
        assert_eq!(gap(" \n x").unwrap().0, "x");
        assert_eq!(gap("\n\nx").unwrap().0, "\nx");
        assert!(gap("x").is_err());
    }
}

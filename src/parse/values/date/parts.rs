//! The parts of a written date: month names (packed for the scanner's
//! commonest question), days, four-digit years, and the dates that open
//! with a month's name or a day ("April 2, 2018", "08 January 2015").

use super::super::number::{gap, inline_gap};
use crate::date::DateValue;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{map_opt, not, opt, peek};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// A three-letter month key packed as the month test packs the text's.
const fn k(s: [u8; 3]) -> u32 {
    u32::from_le_bytes([s[0], s[1], s[2], 0])
}

/// A month's name from its first three letters, in any case.
///
/// The three letters are packed in one integer, so that the scanner's
/// commonest question (is this capitalised word a month?) is one `match`.
pub(super) fn month_name(b: &[u8]) -> Option<(&'static str, u32)> {
    let [a, b, c, ..] = *b else {
        return None;
    };
    let key = u32::from_le_bytes([a | 0x20, b | 0x20, c | 0x20, 0]);
    Some(match key {
        x if x == k(*b"jan") => ("january", 1),
        x if x == k(*b"feb") => ("february", 2),
        x if x == k(*b"mar") => ("march", 3),
        x if x == k(*b"apr") => ("april", 4),
        x if x == k(*b"may") => ("may", 5),
        x if x == k(*b"jun") => ("june", 6),
        x if x == k(*b"jul") => ("july", 7),
        x if x == k(*b"aug") => ("august", 8),
        x if x == k(*b"sep") => ("september", 9),
        x if x == k(*b"oct") => ("october", 10),
        x if x == k(*b"nov") => ("november", 11),
        x if x == k(*b"dec") => ("december", 12),
        _ => return None,
    })
}

/// For each letter that opens a month's name, the second letters that can
/// follow it, as bits ('a' is bit 0): a table lookup rules out "State",
/// "Minister", "Office" and "and" before any comparison.
pub(super) static MONTH_SECOND_LETTERS: [u32; 256] = {
    let names: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < names.len() {
        let upper = names[k][0].to_ascii_uppercase();
        table[upper as usize] |= 1 << (names[k][1] - b'a');
        table[names[k][0] as usize] |= 1 << (names[k][1] - b'a');
        k += 1;
    }
    table
};

/// Could a month's name start here? (Two bytes looked up; `month` decides.)
pub(super) fn may_be_month(b: &[u8]) -> bool {
    match *b {
        [first, second, _, ..] => {
            let second = second | 0x20;
            second.is_ascii_lowercase()
                && MONTH_SECOND_LETTERS[first as usize] & (1 << (second - b'a')) != 0
        }
        _ => false,
    }
}

// "December" | "DECEMBER" | "Sept." | "Dec" | "june" — in any case, but the
// verb "may" in lower case is never a month.
pub(super) fn month(i: &str) -> IResult<&str, u32> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag));
    let b = i.as_bytes();
    if b.len() < 3 || !b[0].is_ascii_alphabetic() {
        return Err(fail());
    }
    let (full, n) = month_name(b).ok_or_else(fail)?;
    if n == 5 && b[0] == b'm' {
        return Err(fail());
    }
    let starts_with = |name: &str| {
        i.get(..name.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(name))
    };
    let len = if starts_with(full) {
        full.len()
    } else if n == 9 && starts_with("sept") {
        4
    } else {
        3
    };
    let rest = &i[len..];
    if rest.starts_with(|c: char| c.is_alphabetic()) {
        return Err(fail());
    }
    let rest = if len <= 4 {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    Ok((rest, n))
}

pub(super) fn digits(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, u32> {
    move |i: &str| {
        let (rest, d) = terminated(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            not(peek(satisfy(|c: char| c.is_ascii_alphanumeric()))),
        )
        .parse(i)?;
        Ok((rest, d.parse().unwrap_or(0)))
    }
}

pub(super) fn digits_then_digit_free(
    min: usize,
    max: usize,
) -> impl FnMut(&str) -> IResult<&str, u32> {
    move |i: &str| {
        let (rest, d) = terminated(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            not(peek(satisfy(|c: char| c.is_ascii_digit()))),
        )
        .parse(i)?;
        Ok((rest, d.parse().unwrap_or(0)))
    }
}

/// A four-digit number as a year, if it is one the texts write: 1500 to 2099.
pub(crate) fn year_in_range(y: u32) -> Option<i32> {
    (1500..=2099).contains(&y).then_some(y as i32)
}

/// The value of a run of ASCII digits (the caller has checked them), as
/// the byte-level fast paths read them.
pub(crate) fn digits_value(b: &[u8]) -> u32 {
    b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
}

/// A four-digit year from 1500 to 2099: "1827" | "2016".
pub(super) fn year4(i: &str) -> IResult<&str, i32> {
    map_opt(digits(4, 4), year_in_range).parse(i)
}

// Tables glue cells to years ("2021$200M"), so a full date's year may be
// followed by anything but another digit or a letter.
pub(super) fn year4_glued(i: &str) -> IResult<&str, i32> {
    map_opt(digits_then_digit_free(4, 4), year_in_range).parse(i)
}

pub(super) fn day(i: &str) -> IResult<&str, u32> {
    let (rest, d) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    let (rest, _) = opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))).parse(rest)?;
    let (rest, ()) = not(peek(satisfy(|c: char| c.is_ascii_alphanumeric()))).parse(rest)?;
    Ok((rest, d.parse().unwrap_or(0)))
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<DateValue> {
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(DateValue::Day)
}

// What follows month `m` in "April 2, 2018" | "Sept 12, 2014" |
// "DECEMBER 09, 2022" | "December 1963" | "July of 2015" | "july 4th of 1995"
// | "Dec. 31 , 1994" | "Dec-2018" | "Dec/2018" | "Dec, 2018" | "Sep-23-2020".
pub(super) fn month_first_after(m: u32, rest: &str) -> IResult<&str, DateValue> {
    let spaced = (
        inline_gap,
        alt((
            map_opt(
                (
                    day,
                    opt(tag(" of")),
                    opt((opt(inline_gap), char(','))),
                    gap,
                    year4_glued,
                ),
                move |(d, _, _, _, y)| ymd(y, m, d),
            ),
            map_opt(preceded(opt(tag("of ")), year4), move |y| {
                DateValue::month(y, m)
            }),
        )),
    );
    alt((
        nom::combinator::map(spaced, |(_, d)| d),
        // "Sep-23-2020" | "Dec-2018" | "Dec/2018": one mark between the parts.
        map_opt(
            (one_of_marks, digits(1, 2), one_of_marks, year4),
            move |(a, d, b, y)| (a == b).then(|| ymd(y, m, d)).flatten(),
        ),
        map_opt(preceded(one_of_marks, year4), move |y| {
            DateValue::month(y, m)
        }),
        map_opt(preceded((char(','), inline_gap), year4), move |y| {
            DateValue::month(y, m)
        }),
    ))
    .parse(rest)
}

/// The mark between the parts of a numeric date: "-" | "/" | ".".
pub(super) fn one_of_marks(i: &str) -> IResult<&str, char> {
    alt((char('-'), char('/'), char('.'))).parse(i)
}

// "08 January 2015" | "24 February 2022" | "25th march 2015" | "16. Nov.
// 2016" | "14april 2015" | "4th of july of 1995" | "05-Aug-2016" | "31/Oct/1974"
pub(super) fn day_first(i: &str) -> IResult<&str, DateValue> {
    alt((
        map_opt(
            (
                day_glued,
                opt(char('.')),
                opt(inline_gap),
                opt(tag("of ")),
                month,
                opt(tag(" of")),
                opt(char(',')),
                inline_gap,
                year4,
            ),
            |(d, _, _, _, m, _, _, _, y)| ymd(y, m, d),
        ),
        map_opt(
            (digits(1, 2), one_of_marks, month, one_of_marks, year4),
            |(d, a, m, b, y)| (a == b).then(|| ymd(y, m, d)).flatten(),
        ),
    ))
    .parse(i)
}

/// A day that a month's name may follow at once: "14april", "02nd", "4th".
pub(super) fn day_glued(i: &str) -> IResult<&str, u32> {
    let (rest, d) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    let (rest, _) = opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))).parse(rest)?;
    let (rest, ()) = not(peek(satisfy(|c: char| c.is_ascii_digit()))).parse(rest)?;
    Ok((rest, d.parse().unwrap_or(0)))
}

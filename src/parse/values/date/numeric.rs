//! Dates in digits: "2025-01-24", "05/07/2013", "21/04/2016" (the day
//! decides the order when it can; otherwise month first, with a warning),
//! and month-years "11/2016", "2016-11".

use super::super::number::inline_gap;
use super::parts::{digits, digits_then_digit_free, month, one_of_marks, year4, year4_glued, ymd};
use crate::date::DateValue;
use nom::branch::alt;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::char;
use nom::combinator::{map_opt, opt, value};
use nom::{IResult, Parser};

/// A year of a numeric date: four digits, or two ("03/18/40"), which fall
/// in 1930-2029: a fixed window, so that a text parses the same every year,
/// and one that suits texts written around 2000-2030 about the century before.
pub(super) fn numeric_year(i: &str) -> IResult<&str, (i32, bool)> {
    alt((
        nom::combinator::map(year4_glued, |y| (y, false)),
        map_opt(digits(2, 2), |yy| {
            let yy = yy as i32;
            Some((if yy < 30 { 2000 + yy } else { 1900 + yy }, true))
        }),
    ))
    .parse(i)
}

/// A numeric date, and whether its order was a guess:
/// "2025-01-24" | "2018-7-6" | "2019/aug/01" (year first);
/// "05/07/2013" | "10.31.1974" | "9-18-15" (month first, as U.S. texts write);
/// "21/04/2016" | "13.5.2015" (day first, which the day itself shows: no
/// month is 13 or more). Both parts 12 or less: month first, guessed.
pub(super) fn numeric(i: &str) -> IResult<&str, (DateValue, bool)> {
    alt((
        map_opt(
            (
                year4_glued,
                one_of_marks,
                digits_then_digit_free(1, 2),
                one_of_marks,
                digits(1, 2),
            ),
            |(y, a, m, b, d)| (a == b).then(|| ymd(y, m, d)).flatten().map(|v| (v, false)),
        ),
        map_opt(
            (year4_glued, one_of_marks, month, one_of_marks, digits(1, 2)),
            |(y, a, m, b, d)| (a == b).then(|| ymd(y, m, d)).flatten().map(|v| (v, false)),
        ),
        map_opt(
            (
                digits_then_digit_free(1, 2),
                one_of_marks,
                digits_then_digit_free(1, 2),
                one_of_marks,
                numeric_year,
            ),
            |(a, m1, b, m2, (y, two_digits))| {
                // Two-digit years only with "/" and "-": "1.2.15" is a version.
                if m1 != m2 || m1 == '.' && two_digits {
                    return None;
                }
                either_order(y, a, b)
            },
        ),
        // "08/12,2015" | "8/12, 2015": the year after a comma.
        map_opt(
            (
                digits_then_digit_free(1, 2),
                char('/'),
                digits_then_digit_free(1, 2),
                char(','),
                opt(inline_gap),
                year4,
            ),
            |(a, _, b, _, _, y)| either_order(y, a, b),
        ),
    ))
    .parse(i)
}

/// The day of `a` and `b` in year `y`, and whether the order was a guess:
/// the one over 12 is the day; with neither, month first.
fn either_order(y: i32, a: u32, b: u32) -> Option<(DateValue, bool)> {
    match (a > 12, b > 12) {
        (false, true) => ymd(y, a, b).map(|v| (v, false)),
        (true, false) => ymd(y, b, a).map(|v| (v, false)),
        (false, false) => ymd(y, a, b).map(|v| (v, a != b)),
        (true, true) => None,
    }
}

/// A range of days in digits with the year written once, month first as
/// U.S. texts write it: "5/1-5/7/2020" | "5/1-5/7, 2020" | "10/1-11/2/2017".
/// Without the year it is none ("5/1-5/7" may be a ratio or a score).
pub(super) fn numeric_day_range(i: &str) -> IResult<&str, (DateValue, DateValue)> {
    map_opt(
        (
            (
                digits_then_digit_free(1, 2),
                char('/'),
                digits_then_digit_free(1, 2),
            ),
            alt((char('-'), char('–'))),
            (
                digits_then_digit_free(1, 2),
                char('/'),
                digits_then_digit_free(1, 2),
            ),
            alt((
                nom::sequence::preceded(char('/'), year4),
                nom::sequence::preceded((char(','), opt(inline_gap)), year4),
            )),
        ),
        |((m1, _, d1), _, (m2, _, d2), y)| {
            let (first, last) = (ymd(y, m1, d1)?, ymd(y, m2, d2)?);
            (first < last).then_some((first, last))
        },
    )
    .parse(i)
}

/// Between a month and its year in digits: "/" with spaces on either side
/// or none, or "-" with a space after it at most ("11- 2016").
pub(super) fn month_year_mark(i: &str) -> IResult<&str, ()> {
    alt((
        value((), (opt(inline_gap), char('/'), opt(inline_gap))),
        value((), (char('-'), opt(inline_gap))),
    ))
    .parse(i)
}

/// A month and its year in digits: "11/2016" | "11-2016" | "11 / 2016" |
/// "2016/11" | "2015-3" | "2016 / 11". After a year, two digits that could
/// end a range running forward ("2009-11", "2007/08") are a range, read by
/// [`super::year_or_range`]; here only those that cannot ("2016-11", "2015-3").
pub(super) fn numeric_month(i: &str) -> IResult<&str, DateValue> {
    let mark = month_year_mark;
    alt((
        map_opt(
            (
                year4,
                mark,
                take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            ),
            |(y, (), m): (i32, (), &str)| {
                let month: u32 = m.parse().ok()?;
                let forward_range = m.len() == 2 && month as i32 > y % 100;
                (!forward_range)
                    .then(|| DateValue::month(y, month))
                    .flatten()
            },
        ),
        map_opt((digits_then_digit_free(1, 2), mark, year4), |(m, (), y)| {
            DateValue::month(y, m)
        }),
    ))
    .parse(i)
    .and_then(|(rest, v)| {
        // "2016-11-05" is a full date, and "11/2016/3" no month at all.
        if rest.starts_with(|c: char| {
            c.is_ascii_digit()
                || matches!(c, '/' | '-' | '.')
                    && rest[1..].starts_with(|c: char| c.is_ascii_digit())
        }) {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )))
        } else {
            Ok((rest, v))
        }
    })
}

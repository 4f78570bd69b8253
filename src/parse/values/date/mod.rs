//! Dates: full dates, month-years, years, fiscal years, and ranges of them.
//!
//! [`parts`] reads month names, days and years and the dates written with
//! words; [`mod@numeric`] the dates in digits; this file the fiscal years, the
//! ranges, and the entry the scanner calls.

mod numeric;
mod parts;

use super::number::{ascii_tag_no_case, gap, inline_gap};
use super::{make, read};
use crate::date::DateValue;
use crate::error::Warning;
use crate::value::{Value, ValueData};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, satisfy};
use nom::combinator::{map_opt, not, opt, peek, value};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};
use numeric::{numeric, numeric_day_range, numeric_month};
use parts::{
    day, day_first, digits, digits_then_digit_free, may_be_month, month, month_first_after, year4,
    year4_glued, ymd,
};
pub(crate) use parts::{digits_value, year_in_range};

/// The bytes a date can open with: a digit, a month's name in either case
/// ("June", "june"), "FY", "fiscal year", "A.D.".
pub(crate) const OPENING_BYTES: &[&[u8]] =
    &[b"0123456789", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"jfmasond"];

/// A date or a range of dates as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dated {
    One(DateValue),
    Range(DateValue, DateValue),
}

/// Whether a bare year was read (it needs its context checked by the caller:
/// "1700 Massachusetts Avenue" is not a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    BareYear,
    /// A numeric date whose day and month could be either way ("04/05/2016"),
    /// read month first, as U.S. texts write it.
    MonthFirstGuessed,
    Other,
}

// "FY 2017" | "FY2019" | "FY 20" | "FY16" | "fiscal year 2018" | "Fiscal Year (FY) 2010" | "FYs 2010"
fn fiscal_year(i: &str) -> IResult<&str, DateValue> {
    let (rest, _) = alt((
        terminated(
            ascii_tag_no_case("fiscal year"),
            opt(preceded(inline_gap, tag("(FY)"))),
        ),
        tag("FYs"),
        tag("FY"),
    ))
    .parse(i)?;
    let (rest, _) = opt(inline_gap).parse(rest)?;
    let (rest, y) = alt((
        year4_glued,
        map_opt(digits_then_digit_free(2, 2), |y| Some(2000 + y as i32)),
    ))
    .parse(rest)?;
    let (rest, ()) = not(peek(satisfy(|c: char| c.is_alphabetic()))).parse(rest)?;
    Ok((rest, DateValue::FiscalYear(y)))
}

fn range_separator(i: &str) -> IResult<&str, ()> {
    alt((
        value(
            (),
            (
                opt(inline_gap),
                alt((char('-'), char('–'), char('—'))),
                opt(inline_gap),
            ),
        ),
        value((), char('/')),
        value(
            (),
            (
                inline_gap,
                alt((tag("to"), tag("through"), tag("and"))),
                inline_gap,
            ),
        ),
    ))
    .parse(i)
}

/// The end of a range after a year: "2011" | "11" (same century, later).
fn range_end_year(start: i32) -> impl FnMut(&str) -> IResult<&str, i32> {
    move |i: &str| {
        alt((
            map_opt(year4, move |y| (y > start).then_some(y)),
            map_opt(digits(2, 2), move |yy| {
                let y = start - start % 100 + yy as i32;
                (y > start).then_some(y)
            }),
        ))
        .parse(i)
    }
}

// "FY 2015–2016" | "FY2019- FY2028" | "FY 2022 to FY 2025"
fn fiscal_range(i: &str) -> IResult<&str, Dated> {
    let (rest, start) = fiscal_year(i)?;
    let y = start.year();
    let (rest, end) = opt(preceded(
        range_separator,
        alt((
            map_opt(fiscal_year, move |f| (f.year() > y).then_some(f)),
            nom::combinator::map(range_end_year(y), DateValue::FiscalYear),
        )),
    ))
    .parse(rest)?;
    Ok((
        rest,
        end.map_or(Dated::One(start), |e| Dated::Range(start, e)),
    ))
}

// "2009-2011" | "1980-88" | "2007/08" | "2009 to 2016" | "1827"
fn year_or_range(i: &str) -> IResult<&str, Dated> {
    let (rest, y) = year4(i)?;
    let (rest, end) = opt(preceded(range_separator, range_end_year(y))).parse(rest)?;
    Ok((
        rest,
        end.map_or(Dated::One(DateValue::Year(y)), |e| {
            Dated::Range(DateValue::Year(y), DateValue::Year(e))
        }),
    ))
}

/// Does a month-year written year first ("2015 June", "2016, Nov") start
/// here? (The scanner's bare-year path asks before it settles on a year.)
pub(crate) fn year_then_month_at(s: &str) -> bool {
    year_then_month(s).is_ok()
}

// "2015 June" | "2016, Nov" | "2016 , nov": a month-year written year
// first. A month after a year in lower case is one only when abbreviated:
// "2016 march" may be the noun.
fn year_then_month(i: &str) -> IResult<&str, DateValue> {
    let (rest, y) = year4(i)?;
    let (rest, comma) = alt((
        value(true, tag(", ")),
        value(true, tag(" , ")),
        value(false, tag(" ")),
    ))
    .parse(rest)?;
    let (after, m) = month(rest)?;
    let abbreviated = rest.len() - after.len() <= 4;
    let capital = rest.starts_with(|c: char| c.is_ascii_uppercase());
    // After "In 2016, " a capital opens the sentence ("May said", "March
    // saw"): there only an abbreviation, and never "May", is a month.
    let month_here = if comma {
        abbreviated && m != 5
    } else {
        capital || abbreviated
    };
    match DateValue::month(y, m) {
        Some(d) if month_here => Ok((after, d)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

// "A.D. 301": an early year, written with its era.
fn anno_domini(i: &str) -> IResult<&str, DateValue> {
    map_opt(preceded(tag("A.D. "), digits(1, 4)), |y| {
        (y > 0).then_some(DateValue::Year(y as i32))
    })
    .parse(i)
}

// What follows the first month in "July through December 2015" |
// "June-to-September 2015" | "April to June in 2017": both months take the
// year. A range that runs back ("Nov-Feb 2017", a winter) starts in the
// year before.
fn month_range_after<'a>(i: &'a str, first: u32, rest: &'a str) -> IResult<&'a str, Dated> {
    let (rest, ()) = month_range_separator(rest)?;
    let (rest, last) = month(rest)?;
    let (rest, _) = inline_gap(rest)?;
    let (rest, _) = opt(tag("in ")).parse(rest)?;
    let (rest, year) = year4(rest)?;
    let first_year = if first > last { year - 1 } else { year };
    match (
        DateValue::month(first_year, first),
        DateValue::month(year, last),
    ) {
        (Some(a), Some(b)) if first != last => Ok((rest, Dated::Range(a, b))),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// Between the ends of a range of months or days: " through " | " to " |
/// "-to-" | a dash, spaced or not.
fn month_range_separator(i: &str) -> IResult<&str, ()> {
    alt((
        value((), tag(" through ")),
        value((), tag(" to ")),
        value((), tag("-to-")),
        day_dash,
    ))
    .parse(i)
}

/// A dash between the ends of a range of days: "-" | "–" | "—", spaced or not.
fn day_dash(i: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            opt(inline_gap),
            alt((char('-'), char('–'), char('—'))),
            opt(inline_gap),
        ),
    )
    .parse(i)
}

/// The year after a range of days: ", 2019" | " 2019" | " , 2019".
fn range_year(i: &str) -> IResult<&str, i32> {
    preceded(
        alt((value((), (opt(inline_gap), char(','), gap)), value((), gap))),
        year4_glued,
    )
    .parse(i)
}

// What follows month `m` in a range of days that shares the year written
// once: "July 24-26, 2019" | "March 31–April 2, 2019" | "Nov 18-Dec 19, 2015";
// or a range from a day to a month: "Feb 1st to March 2019".
fn day_range_after(m: u32, rest: &str) -> IResult<&str, Dated> {
    let fail = || nom::Err::Error(nom::error::Error::new(rest, nom::error::ErrorKind::Verify));
    let (rest, _) = inline_gap(rest)?;
    let (rest, first_day) = day(rest)?;
    if let Ok((after, (last_month, y))) = (
        preceded(
            alt((value((), tag(" through ")), value((), tag(" to ")))),
            month,
        ),
        preceded(inline_gap, year4),
    )
        .parse(rest)
    {
        return match (ymd(y, m, first_day), DateValue::month(y, last_month)) {
            (Some(a), Some(b)) if m < last_month => Ok((after, Dated::Range(a, b))),
            _ => Err(fail()),
        };
    }
    let (rest, ()) = day_dash(rest)?;
    let (rest, (last_month, last_day)) = alt((
        (terminated(month, inline_gap), day),
        nom::combinator::map(day, move |d| (m, d)),
    ))
    .parse(rest)?;
    let (rest, y) = range_year(rest)?;
    match (ymd(y, m, first_day), ymd(y, last_month, last_day)) {
        (Some(a), Some(b)) if a < b => Ok((rest, Dated::Range(a, b))),
        _ => Err(fail()),
    }
}

// "4-22 January, 1995" | "24–26 July 2019": a range of days, day first.
fn day_first_range(i: &str) -> IResult<&str, Dated> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let (rest, first_day) = day(i)?;
    let (rest, ()) = day_dash(rest)?;
    let (rest, last_day) = day(rest)?;
    let (rest, _) = inline_gap(rest)?;
    let (rest, month_n) = month(rest)?;
    let (rest, year) = range_year(rest)?;
    match (ymd(year, month_n, first_day), ymd(year, month_n, last_day)) {
        (Some(first), Some(last)) if first < last => Ok((rest, Dated::Range(first, last))),
        _ => Err(fail()),
    }
}

/// A date that opens with a month's name: a range of months or one date.
/// The month is read once for both forms.
fn month_dated(i: &str) -> IResult<&str, (Dated, Form)> {
    let (rest, m) = month(i)?;
    if let Some(found) = month_first_plain(m, rest) {
        return Ok(found);
    }
    if let Ok((after, range)) = month_range_after(i, m, rest) {
        return Ok((after, (range, Form::Other)));
    }
    if let Ok((after, range)) = day_range_after(m, rest) {
        return Ok((after, (range, Form::Other)));
    }
    let (after, d) = month_first_after(m, rest)?;
    Ok((after, (Dated::One(d), Form::Other)))
}

/// The two commonest dates after a month's name, read by bytes: " 2, 2018"
/// and " 1963" (then no letter or digit). What they match, the general
/// forms below match the same way (no range of months or days opens with a
/// day and a comma, or with a year); anything else is left to them.
fn month_first_plain(m: u32, rest: &str) -> Option<(&str, (Dated, Form))> {
    let b = rest.as_bytes();
    if b.first() != Some(&b' ') {
        return None;
    }
    let digits_at = |k: usize| {
        b[k..]
            .iter()
            .take(5)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let number = |from: usize, len: usize| digits_value(&b[from..from + len]);
    let one = |d| (Dated::One(d), Form::Other);
    match digits_at(1) {
        day @ (1 | 2) => {
            let at = 1 + day;
            if b.get(at..at + 2) != Some(b", ") || digits_at(at + 2) != 4 {
                return None;
            }
            let y = year_in_range(number(at + 2, 4))?;
            let d = parts::ymd(y, m, number(1, day))?;
            Some((&rest[at + 6..], one(d)))
        }
        4 if !b.get(5).is_some_and(u8::is_ascii_alphanumeric) => {
            let y = year_in_range(number(1, 4))?;
            Some((&rest[5..], one(DateValue::month(y, m)?)))
        }
        _ => None,
    }
}

/// The commonest fiscal year, "FY 2017" with no range after it, read by
/// bytes; what it matches, `fiscal_range` matches the same way.
fn fiscal_year_plain(i: &str) -> Option<(&str, (Dated, Form))> {
    let b = i.as_bytes();
    let digits = b.get(3..7)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // After the year: no digit, no letter (a byte beyond ASCII may open
    // one: left to the general form), and no range's separator.
    let after = &i[7..];
    match after.as_bytes().first() {
        Some(c) if c.is_ascii_alphanumeric() || *c >= 0x80 => return None,
        _ => {}
    }
    if range_separator(after).is_ok() {
        return None;
    }
    let y = year_in_range(digits_value(digits))?;
    Some((after, (Dated::One(DateValue::FiscalYear(y)), Form::Other)))
}

/// Whether a date can start here: a digit, a month's name, "FY", "fiscal
/// year", "A.D.". A cheap test the scanner runs before the parsers.
pub(crate) fn may_start(i: &str) -> bool {
    let b = i.as_bytes();
    match b.first() {
        Some(b'0'..=b'9') => true,
        // "FY", "FYs", "fiscal year": "five", "first" and "film" are no dates.
        Some(b'F' | b'f')
            if b.get(1).is_some_and(|c| c.eq_ignore_ascii_case(&b'y'))
                || b.get(..11)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"fiscal year")) =>
        {
            true
        }
        Some(b'A') if i.starts_with("A.D.") => true,
        // A whole month's name: "Marshall" and "Decade" are no months.
        _ => may_be_month(b) && month(i).is_ok(),
    }
}

/// Any date form, and whether it was a bare year.
pub(crate) fn date(i: &str) -> IResult<&str, (Dated, Form)> {
    let one = |d| (Dated::One(d), Form::Other);
    // The first byte says which forms can follow; trying only those keeps
    // the scanner from running every branch at every capital letter.
    match i.as_bytes().first() {
        Some(b'0'..=b'9') => digit_dated(i),
        Some(b'F') if i.starts_with("FY ") => {
            if let Some(found) = fiscal_year_plain(i) {
                return Ok(found);
            }
            alt((
                nom::combinator::map(fiscal_range, |d| (d, Form::Other)),
                month_dated,
            ))
            .parse(i)
        }
        Some(b'F' | b'f') => alt((
            nom::combinator::map(fiscal_range, |d| (d, Form::Other)),
            month_dated,
        ))
        .parse(i),
        Some(b'A') => alt((nom::combinator::map(anno_domini, one), month_dated)).parse(i),
        _ => month_dated(i),
    }
}

/// A date that opens with a digit. How many digits lead, and the byte after
/// them, say which forms can match: every day form opens with one or two
/// digits, every year-first form with four, and only a mark or a space can
/// follow a year that more of a date follows. The forms are tried in the
/// same order as one `alt` of them all would, so the first that matches
/// wins as before; those that cannot match are not run (a bare year ran
/// seven parsers before).
fn digit_dated(i: &str) -> IResult<&str, (Dated, Form)> {
    let one = |d| (Dated::One(d), Form::Other);
    let b = i.as_bytes();
    let lead = b.iter().take(5).take_while(|c| c.is_ascii_digit()).count();
    let next = b.get(lead).copied().unwrap_or(b'\n');
    let numeric_form = |(d, guessed)| {
        let form = if guessed {
            Form::MonthFirstGuessed
        } else {
            Form::Other
        };
        (Dated::One(d), form)
    };
    match lead {
        // "6.5 million": after a point and a digit only a numeric date
        // ("10.31.1974") can go on, and it needs a second point.
        1 | 2
            if next == b'.' && b.get(lead + 1).is_some_and(u8::is_ascii_digit) && {
                let second = b[lead + 1..]
                    .iter()
                    .take(3)
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                !(second <= 2 && b.get(lead + 1 + second) == Some(&b'.'))
            } =>
        {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Digit,
            )))
        }
        1 | 2 => alt((
            nom::combinator::map(numeric_day_range, |(a, b)| {
                (Dated::Range(a, b), Form::Other)
            }),
            nom::combinator::map(numeric, numeric_form),
            nom::combinator::map(day_first_range, |d| (d, Form::Other)),
            nom::combinator::map(day_first, one),
            nom::combinator::map(numeric_month, one),
        ))
        .parse(i),
        4 => {
            // "2009-2011": three digits or more after the mark make neither
            // a full date nor a month in digits (their day and month have
            // one or two digits), only a range of years.
            let long_after_mark = b
                .get(lead + 1..)
                .is_some_and(|r| r.iter().take(3).filter(|c| c.is_ascii_digit()).count() == 3);
            if matches!(next, b'-' | b'/' | b'.') && !long_after_mark {
                if let Ok((rest, found)) = numeric(i) {
                    return Ok((rest, numeric_form(found)));
                }
            }
            if matches!(next, b'-' | b'/' | b' ' | b'\t' | 0xC2 | 0xE2) && !long_after_mark {
                if let Ok((rest, d)) = numeric_month(i) {
                    return Ok((rest, one(d)));
                }
            }
            if matches!(next, b',' | b' ') {
                if let Ok((rest, d)) = year_then_month(i) {
                    return Ok((rest, one(d)));
                }
            }
            let (rest, d) = year_or_range(i)?;
            let form = if matches!(d, Dated::One(_)) {
                Form::BareYear
            } else {
                Form::Other
            };
            Ok((rest, (d, form)))
        }
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

// The scanner's entry: the value this kind makes where the scan finds it.

pub(crate) fn date_at(
    src: &str,
    i: usize,
    end: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Value> {
    let (stop, (dated, form)) = read(src, i, end, date)?;
    if form == Form::BareYear && !super::year::plausible_year(src, i, stop) {
        return None;
    }
    // "No. 12/2016", "Resolution 3/2015": a number, not a date.
    if form != Form::BareYear
        && src.as_bytes()[i].is_ascii_digit()
        && super::year::named_number(src, i)
    {
        return None;
    }
    if form == Form::MonthFirstGuessed {
        warnings.push(Warning::new(
            crate::error::WarningKind::AmbiguousDate,
            "day and month of this date could be either way; read month first, as U.S. texts write it",
            crate::span::Span::new(i, stop),
        ));
    }
    let data = match dated {
        Dated::One(value) => ValueData::Date { value },
        Dated::Range(start, end) => ValueData::DateRange { start, end },
    };
    Some(make(src, i, stop, data))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Option<String> {
        match date(s) {
            Ok((_, (Dated::One(d), _))) => Some(d.to_string()),
            Ok((_, (Dated::Range(a, b), _))) => Some(format!("{a}..{b}")),
            Err(_) => None,
        }
    }

    #[test]
    fn month_openings_by_table() {
        for name in [
            "January", "FEBRUARY", "Mar.", "April", "May", "Jun", "July", "Aug", "Sept", "Oct",
            "Nov", "DECEMBER",
        ] {
            assert!(may_be_month(name.as_bytes()), "{name}");
            assert!(may_start(name), "{name}");
        }
        for word in [
            "State", "Minister", "Office", "Nations", "Jo", "may", "Marshall", "Decade",
        ] {
            assert!(!may_start(word), "{word}");
        }
    }

    #[test]
    fn full_dates_in_their_written_forms() {
        assert_eq!(one("April 2, 2018").as_deref(), Some("2018-04-02"));
        assert_eq!(one("Sept 12, 2014").as_deref(), Some("2014-09-12"));
        assert_eq!(one("Sept. 12, 2014").as_deref(), Some("2014-09-12"));
        assert_eq!(one("DECEMBER 09, 2022$275M").as_deref(), Some("2022-12-09"));
        assert_eq!(one("08 January 2015").as_deref(), Some("2015-01-08"));
        assert_eq!(one("05/07/2013").as_deref(), Some("2013-05-07"));
        assert_eq!(one("2025-01-24").as_deref(), Some("2025-01-24"));
    }

    #[test]
    fn month_years_years_and_fiscal_years() {
        assert_eq!(one("December 1963").as_deref(), Some("1963-12"));
        assert_eq!(one("July of 2015").as_deref(), Some("2015-07"));
        assert_eq!(one("1827 following").as_deref(), Some("1827"));
        assert_eq!(one("FY 2017").as_deref(), Some("FY2017"));
        assert_eq!(one("FY2019").as_deref(), Some("FY2019"));
        assert_eq!(one("FY 20 from").as_deref(), Some("FY2020"));
        assert_eq!(one("FY16").as_deref(), Some("FY2016"));
        assert_eq!(one("fiscal year 2018").as_deref(), Some("FY2018"));
        assert_eq!(one("Fiscal Year (FY) 2010").as_deref(), Some("FY2010"));
    }

    #[test]
    fn ranges() {
        assert_eq!(one("2009-2011").as_deref(), Some("2009..2011"));
        assert_eq!(one("1980-88 Iran").as_deref(), Some("1980..1988"));
        assert_eq!(one("2007/08").as_deref(), Some("2007..2008"));
        assert_eq!(one("2009 to 2016").as_deref(), Some("2009..2016"));
        assert_eq!(one("2009 and 2013").as_deref(), Some("2009..2013"));
        assert_eq!(one("FYs 2010-2014").as_deref(), Some("FY2010..FY2014"));
        assert_eq!(one("FY 2015–2016").as_deref(), Some("FY2015..FY2016"));
        assert_eq!(one("FY2019- FY2028").as_deref(), Some("FY2019..FY2028"));
        assert_eq!(
            one("July through December 2015").as_deref(),
            Some("2015-07..2015-12")
        );
        assert_eq!(one("A.D. 301").as_deref(), Some("0301"));
    }

    fn guessed(s: &str) -> Option<bool> {
        date(s)
            .ok()
            .map(|(_, (_, form))| form == Form::MonthFirstGuessed)
    }

    #[test]
    fn numeric_dates_in_each_order() {
        assert_eq!(one("2018-7-6").as_deref(), Some("2018-07-06"));
        assert_eq!(one("2019/aug/01").as_deref(), Some("2019-08-01"));
        assert_eq!(one("10.31.1974").as_deref(), Some("1974-10-31"));
        assert_eq!(one("21/04/2016").as_deref(), Some("2016-04-21"));
        assert_eq!(one("13.5.2015").as_deref(), Some("2015-05-13"));
        assert_eq!(one("9-18-15").as_deref(), Some("2015-09-18"));
        assert_eq!(one("03/18/40").as_deref(), Some("1940-03-18"));
        assert_eq!(one("3-7-27").as_deref(), Some("2027-03-07"));
        // Only the order the day rules out is certain.
        assert_eq!(guessed("21/04/2016"), Some(false));
        assert_eq!(guessed("04/05/2016"), Some(true));
        assert_eq!(guessed("05/05/2016"), Some(false));
        assert_eq!(one("1.2.15"), None, "a version number");
    }

    #[test]
    fn month_years_in_digits() {
        assert_eq!(one("11/2016").as_deref(), Some("2016-11"));
        assert_eq!(one("11 / 2016").as_deref(), Some("2016-11"));
        assert_eq!(one("11- 2016").as_deref(), Some("2016-11"));
        assert_eq!(one("2016/11").as_deref(), Some("2016-11"));
        assert_eq!(one("2015-3").as_deref(), Some("2015-03"));
        // Two digits that run forward from the year end a range instead.
        assert_eq!(one("2009-11").as_deref(), Some("2009..2011"));
        assert_eq!(one("2007/08").as_deref(), Some("2007..2008"));
    }

    #[test]
    fn month_names_in_any_case_and_arrangement() {
        assert_eq!(one("june 2016").as_deref(), Some("2016-06"));
        assert_eq!(one("march 3 2015").as_deref(), Some("2015-03-03"));
        assert_eq!(one("july 4th of 1995").as_deref(), Some("1995-07-04"));
        assert_eq!(one("Dec. 31 , 1994").as_deref(), Some("1994-12-31"));
        assert_eq!(one("Dec-2018").as_deref(), Some("2018-12"));
        assert_eq!(one("Dec/2018").as_deref(), Some("2018-12"));
        assert_eq!(one("Dec, 2018").as_deref(), Some("2018-12"));
        assert_eq!(one("Sep-23-2020").as_deref(), Some("2020-09-23"));
        assert_eq!(one("02nd Jan 2019").as_deref(), Some("2019-01-02"));
        assert_eq!(one("14april 2015").as_deref(), Some("2015-04-14"));
        assert_eq!(one("16. Nov. 2016").as_deref(), Some("2016-11-16"));
        assert_eq!(one("4th of july of 1995").as_deref(), Some("1995-07-04"));
        assert_eq!(one("05-Aug-2016").as_deref(), Some("2016-08-05"));
        assert_eq!(one("31/Oct/1974").as_deref(), Some("1974-10-31"));
        assert_eq!(one("may 2012"), None, "the verb");
    }

    #[test]
    fn ranges_of_days_share_the_year_written_once() {
        assert_eq!(
            one("July 24-26, 2019").as_deref(),
            Some("2019-07-24..2019-07-26")
        );
        assert_eq!(
            one("March 31–April 2, 2019").as_deref(),
            Some("2019-03-31..2019-04-02")
        );
        assert_eq!(
            one("Nov 18-Dec 19, 2015").as_deref(),
            Some("2015-11-18..2015-12-19")
        );
        assert_eq!(
            one("4-22 January, 1995").as_deref(),
            Some("1995-01-04..1995-01-22")
        );
        assert_eq!(
            one("24–26 July 2019").as_deref(),
            Some("2019-07-24..2019-07-26")
        );
        // A range that runs backwards is no range of days.
        assert_eq!(one("July 26-24, 2019"), None);
        // In digits, month first, the year once: "5/1-5/7/2020", "5/1-5/7, 2020".
        for (text, range) in [
            ("5/1-5/7/2020", "2020-05-01..2020-05-07"),
            ("5/1-5/7, 2020", "2020-05-01..2020-05-07"),
            ("10/1-11/2/2017", "2017-10-01..2017-11-02"),
        ] {
            assert_eq!(one(text).as_deref(), Some(range), "{text}");
        }
        // Without the year it may be a score or a ratio.
        assert_eq!(numeric_day_range("5/1-5/7 and").ok(), None);
        assert_eq!(numeric_day_range("5/7-5/1/2020").ok(), None);
        // From a day to a month.
        assert_eq!(
            one("Feb 1st to March 2019").as_deref(),
            Some("2019-02-01..2019-03")
        );
    }

    #[test]
    fn ranges_of_months_and_month_years_written_year_first() {
        assert_eq!(
            one("April to June in 2017").as_deref(),
            Some("2017-04..2017-06")
        );
        assert_eq!(
            one("June - September 2015").as_deref(),
            Some("2015-06..2015-09")
        );
        // A range running back over the new year starts the year before.
        assert_eq!(one("Nov-Feb 2017").as_deref(), Some("2016-11..2017-02"));
        assert_eq!(one("2015 June").as_deref(), Some("2015-06"));
        assert_eq!(one("2016, nov").as_deref(), Some("2016-11"));
        assert_eq!(one("2016 Nov. 3").as_deref(), Some("2016-11"));
        // "In 2016, May said": a capital after the comma opens the sentence.
        assert_eq!(one("2016, May said").as_deref(), Some("2016"));
        assert_eq!(one("2016, March saw").as_deref(), Some("2016"));
        assert_eq!(one("2016 march on").as_deref(), Some("2016"));
        assert_eq!(one("08/12,2015").as_deref(), Some("2015-08-12"));
    }

    #[test]
    fn not_dates() {
        for s in [
            "May 21 ",
            "may 2012",
            "1990s",
            "12345",
            "G-20",
            "Feb 30, 2020",
            "1400",
            "2016-2012x",
            "FY",
            "13/40/2013",
        ] {
            let got = one(s);
            assert!(got.is_none() || s == "2016-2012x", "{s} gave {got:?}");
        }
        // A range that runs backwards is only its first year.
        assert_eq!(one("2016-2012").as_deref(), Some("2016"));
    }
}

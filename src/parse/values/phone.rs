//! Telephone and fax numbers, normalised to E.164 where that is certain.

use super::{make, read};
use crate::address::{LineKind, Phone};
use crate::parse::lines::before;
use crate::value::{Value, ValueData};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, opt, peek, recognize, verify};
use nom::multi::fold_many_m_n;
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};

fn digits(n: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |i: &str| take_while_m_n(n, n, |c: char| c.is_ascii_digit()).parse(i)
}

fn sep(i: &str) -> IResult<&str, char> {
    one_of("-. \u{a0}").parse(i)
}

fn no_more_digits(i: &str) -> IResult<&str, ()> {
    not(peek(satisfy(|c: char| c.is_ascii_alphanumeric()))).parse(i)
}

// "(202) 833-9860" | "202-223-2418" | "202.223.2418" | "1-202-223-2418"
fn north_american(i: &str) -> IResult<&str, String> {
    let (rest, (_, area, (), exchange, _, line)) = (
        opt(terminated(char('1'), sep)),
        alt((
            delimited(char('('), digits(3), terminated(char(')'), opt(sep))),
            terminated(digits(3), sep),
        )),
        nom::combinator::success(()),
        digits(3),
        one_of("-. "),
        terminated(digits(4), no_more_digits),
    )
        .parse(i)?;
    // An area code never starts with 0 or 1; without that check "100-200-3000"
    // would be a phone number.
    if area.starts_with(['0', '1']) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, format!("+1{area}{exchange}{line}")))
}

// "[968] 698989" | "[1] (202) 364-6792"
fn bracketed(i: &str) -> IResult<&str, Option<String>> {
    let (rest, cc) = delimited(
        char('['),
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        (char(']'), opt(sep)),
    )
    .parse(i)?;
    if cc == "1" {
        let (rest, e164) = north_american(rest)?;
        return Ok((rest, Some(e164)));
    }
    let (rest, local) = local_digits(rest)?;
    Ok((rest, Some(format!("+{cc}{local}"))))
}

// "+1 202 555 0100" | "+968 2464 3400"
fn international(i: &str) -> IResult<&str, Option<String>> {
    let (rest, cc) = nom::sequence::preceded(
        char('+'),
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
    )
    .parse(i)?;
    let (rest, _) = sep(rest)?;
    if cc == "1" {
        if let Ok((rest, e164)) = north_american(rest) {
            return Ok((rest, Some(e164)));
        }
    }
    let (rest, local) = local_digits(rest)?;
    Ok((rest, Some(format!("+{cc}{local}"))))
}

/// Digits of a foreign number, in groups: "698989" | "2464 3400".
fn local_digits(i: &str) -> IResult<&str, String> {
    let (rest, text) = verify(
        recognize((
            take_while_m_n(1, 8, |c: char| c.is_ascii_digit()),
            fold_many_m_n(
                0,
                4,
                (opt(sep), take_while_m_n(2, 6, |c: char| c.is_ascii_digit())),
                || (),
                |(), _| (),
            ),
            no_more_digits,
        )),
        |t: &str| (5..=12).contains(&t.bytes().filter(u8::is_ascii_digit).count()),
    )
    .parse(i)?;
    Ok((rest, text.chars().filter(char::is_ascii_digit).collect()))
}

/// A telephone number and its E.164 form.
pub(crate) fn phone(i: &str) -> IResult<&str, Option<String>> {
    alt((
        bracketed,
        international,
        nom::combinator::map(north_american, Some),
    ))
    .parse(i)
}

/// The label before a number says whether it is a fax line: "fax", "FAX:".
pub(crate) fn is_fax_label(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    tail.to_ascii_lowercase().contains("fax")
}

/// "through 1982" after "387-1980" names the last of a block of lines; the
/// digits are part of the phone, not a year.
pub(crate) fn block_suffix(i: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(1, 3, |c: char| c == ' '),
        alt((tag("through"), tag("to"), tag("-"))),
        take_while_m_n(1, 3, |c: char| c == ' '),
        take_while_m_n(2, 4, |c: char| c.is_ascii_digit()),
        no_more_digits,
    ))
    .parse(i)
}

// The scanner's entry: the value this kind makes where the scan finds it.

pub(crate) fn phone_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let (stop, e164) = read(src, i, end, phone)?;
    let line = if is_fax_label(before(src, i, 16)) {
        LineKind::Fax
    } else {
        LineKind::Voice
    };
    Some(make(src, i, stop, ValueData::Phone(Phone { e164, line })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(s: &str) -> Option<String> {
        phone(s).ok().and_then(|(_, e)| e)
    }

    #[test]
    fn us_numbers_in_their_written_forms() {
        assert_eq!(e164("(202) 833-9860.").as_deref(), Some("+12028339860"));
        assert_eq!(e164("202-223-2418").as_deref(), Some("+12022232418"));
        assert_eq!(e164("202.223.2418").as_deref(), Some("+12022232418"));
        assert_eq!(
            e164("[1] (202) 364-6792 through").as_deref(),
            Some("+12023646792")
        );
        assert_eq!(e164("+1 202 555 0100").as_deref(), Some("+12025550100"));
    }

    #[test]
    fn foreign_numbers_keep_their_country_code() {
        assert_eq!(e164("[968] 698989").as_deref(), Some("+968698989"));
        assert_eq!(e164("+968 2464 3400").as_deref(), Some("+96824643400"));
        assert_eq!(e164("[51] 1 618 2000").as_deref(), Some("+5116182000"));
    }

    #[test]
    fn numbers_that_are_not_phones() {
        for s in [
            "123-456-7890",
            "202-223-24189",
            "2009-2011",
            "(202) 833",
            "[12345] 1",
            "1,000,000",
        ] {
            assert_eq!(e164(s), None, "{s}");
        }
    }

    #[test]
    fn labels_and_blocks() {
        assert!(is_fax_label("FAX: [1] "));
        assert!(!is_fax_label("Telephone: "));
        assert_eq!(block_suffix(" through 1982.").unwrap().1, " through 1982");
    }
}

//! Percentages: "40 percent" | "40%" | "1.41%" | "2 percentage points".

use super::number::{ascii_tag_no_case, decimal, inline_gap, spelled_number};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::satisfy;
use nom::combinator::{not, opt, peek, value};
use nom::sequence::terminated;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(String, bool)> {
        percent(s).ok().map(|(_, (d, p))| (d.to_string(), p))
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

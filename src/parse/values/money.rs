//! Amounts of money: a currency marker, a number, a scale.

use super::number::{ascii_tag_no_case, decimal, gap, inline_gap, scale_abbreviation, scale_word};
use super::{make, read};
use crate::error::Warning;
use crate::money::Money;
use crate::money::Scale;
use crate::span::Span;
use crate::value::{Value, ValueData};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{opt, value};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

/// An amount as read, before context (qualifier, year) is added.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::struct_field_names)] // `amount.amount` reads as the money it is
pub(crate) struct Amount {
    pub amount: Decimal,
    pub currency: &'static str,
    pub scale: Option<Scale>,
}

// "$" | "US$" | "U.S. $" | "U.S.$" | "USD " | "€" | "EUR " | "£"
fn currency_prefix(i: &str) -> IResult<&str, &'static str> {
    alt((
        value("USD", tag("$")),
        value("USD", tag("US$")),
        value("USD", tag("U.S.$")),
        value("USD", tag("U.S. $")),
        value("USD", tag("USD ")),
        value("EUR", tag("€")),
        value("EUR", tag("EUR ")),
        value("GBP", tag("£")),
        value("GBP", tag("GBP ")),
    ))
    .parse(i)
}

// "dollars" | "U.S. dollars" | "euros"
pub(crate) fn currency_word(i: &str) -> IResult<&str, &'static str> {
    alt((
        value("USD", ascii_tag_no_case("dollars")),
        value("USD", tag("U.S. dollars")),
        value("USD", tag("US dollars")),
        value("EUR", ascii_tag_no_case("euros")),
        value("GBP", ascii_tag_no_case("pounds sterling")),
        value("JPY", ascii_tag_no_case("yen")),
    ))
    .parse(i)
}

// " billion" | "Billion" | "bn" | "M"
fn scale(i: &str) -> IResult<&str, Scale> {
    alt((preceded(opt(gap), scale_word), scale_abbreviation)).parse(i)
}

/// A prefixed amount: "$9.1 billion" | "US$350,000" | "$23.11B" | "€5 million".
fn prefixed(i: &str) -> IResult<&str, Amount> {
    let (rest, currency) = currency_prefix(i)?;
    let (rest, number) = preceded(opt(inline_gap), decimal).parse(rest)?;
    let (rest, scale) = match scale(rest) {
        // "$40,310,055 million": an amount already written out in full takes
        // no scale word; in PDF text the word belongs to a neighbouring cell.
        Ok(_) if number >= Decimal::from(1_000_000) => (rest, None),
        Ok((after, s)) => (after, Some(s)),
        Err(_) => (rest, None),
    };
    // "$5 million dollars" happens; the trailing word belongs to the amount.
    let (rest, _) = opt(preceded(inline_gap, ascii_tag_no_case("dollars"))).parse(rest)?;
    Ok((rest, Amount::new(number, currency, scale)))
}

/// An amount named by a currency word after it: "1.7 billion dollars" |
/// "500 million euros" | "a billion dollars".
fn suffixed(i: &str) -> IResult<&str, Amount> {
    let (rest, number) = alt((decimal, value(Decimal::ONE, ascii_tag_no_case("a")))).parse(i)?;
    let (rest, scale) = opt(preceded(gap, scale_word)).parse(rest)?;
    let (rest, currency) = preceded(gap, currency_word).parse(rest)?;
    Ok((rest, Amount::new(number, currency, scale)))
}

/// Any amount of money. "a" alone needs a scale word ("a billion dollars"),
/// or "a dollars" would be money.
pub(crate) fn amount(i: &str) -> IResult<&str, Amount> {
    let (rest, found) = alt((prefixed, suffixed)).parse(i)?;
    if found.scale.is_none() && i.starts_with(['a', 'A']) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, found))
}

impl Amount {
    fn new(number: Decimal, currency: &'static str, scale: Option<Scale>) -> Self {
        let amount = match scale {
            Some(s) => number.checked_mul(s.factor()).unwrap_or(number).normalize(),
            None => number,
        };
        Amount {
            amount,
            currency,
            scale,
        }
    }
}

// The scanner's entry: the value this kind makes where the scan finds it.

pub(crate) fn money_at(
    src: &str,
    i: usize,
    end: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Value> {
    let (stop, found) = read(src, i, end, amount)?;
    // An archive cut at "Exports--$12.8 " leaves an amount whose scale word
    // may be lost; a careful reader leaves it out, and so do we, saying so.
    if found.scale.is_none() && cut_scale_word(&src[stop..]) {
        warnings.push(Warning::new(
            "amount cut off by the end of the text; its scale word may be missing, so it is left out",
            Span::new(i, stop),
        ));
        return None;
    }
    let money = Money {
        amount: found.amount,
        currency: std::borrow::Cow::Borrowed(found.currency),
        qualifier: super::qualifier::before(src, i),
        year: None,
        fiscal_year: false,
        scale: found.scale,
    };
    Some(make(src, i, stop, ValueData::Money(money)))
}

/// What follows an amount at the very end of the text: nothing, or the start
/// of a scale word the cut went through ("$3.3 bi").
pub(crate) fn cut_scale_word(rest: &str) -> bool {
    let tail = rest.trim();
    tail.len() < 8
        && ["billion", "million", "trillion", "thousand"]
            .iter()
            .any(|w| {
                w.get(..tail.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(tail))
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(String, &'static str, &str)> {
        amount(s)
            .ok()
            .map(|(rest, a)| (a.amount.normalize().to_string(), a.currency, rest))
    }

    #[test]
    fn dollar_amounts_with_scales() {
        assert_eq!(
            read("$9.1 billion in 2009"),
            Some(("9100000000".into(), "USD", " in 2009"))
        );
        assert_eq!(read("$783,000."), Some(("783000".into(), "USD", ".")));
        assert_eq!(
            read("$1.197 billion"),
            Some(("1197000000".into(), "USD", ""))
        );
        assert_eq!(read("$807bn"), Some(("807000000000".into(), "USD", "")));
        assert_eq!(read("$23.11B);"), Some(("23110000000".into(), "USD", ");")));
        assert_eq!(
            read("$200MFY 2022"),
            Some(("200000000".into(), "USD", "FY 2022"))
        );
        assert_eq!(
            read("$51.01Billion"),
            Some(("51010000000".into(), "USD", ""))
        );
        assert_eq!(
            read("$983\nmillion."),
            Some(("983000000".into(), "USD", "."))
        );
        assert_eq!(
            read("$40,310,055 million"),
            Some(("40310055".into(), "USD", " million"))
        );
    }

    #[test]
    fn other_markers_and_currencies() {
        assert_eq!(read("U.S. $130 million").unwrap().0, "130000000");
        assert_eq!(read("US$350,000").unwrap().0, "350000");
        assert_eq!(read("USD 5,373").unwrap().0, "5373");
        assert_eq!(read("€5 million").unwrap().1, "EUR");
        assert_eq!(read("1.7 billion dollars").unwrap().0, "1700000000");
        assert_eq!(read("a billion dollars").unwrap().0, "1000000000");
        assert_eq!(read("500 million euros").unwrap().1, "EUR");
    }

    #[test]
    fn things_that_are_not_money() {
        assert_eq!(read("$ and"), None);
        assert_eq!(read("a dollars"), None);
        assert_eq!(read("1.7 billion people"), None);
        assert_eq!(read("USDA"), None);
        assert_eq!(read("$"), None);
    }
}

//! Amounts of money: a currency marker, a number, a scale.

use super::currency;
use super::number::{
    ascii_tag_no_case, gap, inline_gap, number_text, range_separator as amount_range_separator,
    scale_abbreviation, scale_word, to_decimal, Bounds,
};
use super::{make, read};
use crate::error::Warning;
use crate::money::Money;
use crate::money::Scale;
use crate::parse::text::words::before;
use crate::span::Span;
use crate::value::{Value, ValueData};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{opt, value};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

/// The bytes an amount can open with: a digit, "$", a minus, a capital (an
/// ISO code, "US$", "A billion"), "a billion", and the first bytes of the
/// currency signs ("€" "₹" "₪" E2, "£" "¥" C2, "฿" E0, "៛" E1).
pub(crate) const OPENING_BYTES: &[&[u8]] = &[
    b"0123456789",
    b"$-a",
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    &[0xC2, 0xE0, 0xE1, 0xE2],
];

/// An amount as read, before context (qualifier, year) is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_field_names)] // `amount.amount` reads as the money it is
pub(crate) struct Amount {
    pub amount: Decimal,
    pub currency: &'static str,
    pub scale: Option<Scale>,
    /// The currency was named by an ISO code ("CAD 3.03"), which may also be
    /// a word in a line of capitals ("TOP 10").
    pub by_code: bool,
}

/// A minus sign: "-15€", "$-99.99", "−5" (U+2212).
fn minus(i: &str) -> IResult<&str, ()> {
    value((), alt((tag("-"), tag("\u{2212}")))).parse(i)
}

fn fail<T>(i: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// The marker before a number: a sign ("$", "€", "HK$", "U.S. $") or an ISO
/// code, spaced or glued ("CHF 19.90", "USD115"). Whether it was a code.
fn marker_before(i: &str) -> IResult<&str, (&'static str, bool)> {
    if let Some((code, len)) = currency::sign(i) {
        return Ok((&i[len..], (code, false)));
    }
    let b = i.as_bytes();
    if let Some(code) = b.get(..3).and_then(currency::iso_code) {
        let rest = &i[3..];
        // The number follows at once, after a space, or after "$" ("USD$ 15").
        let rest = rest.strip_prefix('$').unwrap_or(rest);
        let at_number = |r: &str| r.starts_with(|c: char| c.is_ascii_digit() || c == '-');
        if at_number(rest) {
            return Ok((rest, (code, true)));
        }
        if let Ok((after, _)) = inline_gap(rest) {
            if at_number(after) {
                return Ok((rest, (code, true)));
            }
        }
    }
    fail(i)
}

/// The marker after a number: a sign ("20€", "10 $", "3.14US$", "1 GH₵"),
/// an ISO code ("3 CNY", "10MNT", "75 USD million"), or a currency's name
/// ("125 million Australian dollars"). Its currency, whether it was a code,
/// and a scale written after a code.
fn marker_after(i: &str) -> IResult<&str, (&'static str, bool, Option<Scale>)> {
    let (spaced, gap_len) = match inline_gap(i) {
        Ok((rest, g)) => (rest, g.len()),
        Err(_) => (i, 0),
    };
    // A sign or a code followed by a number opens the next amount instead:
    // "in 2019 USD 5 million", "10 $5 bills".
    let opens_next = |r: &str| {
        let r = r.trim_start_matches([' ', '\u{a0}']);
        r.starts_with(|c: char| c.is_ascii_digit())
    };
    if let Some((code, len)) = currency::sign(spaced) {
        let rest = &spaced[len..];
        if !opens_next(rest) && !rest.starts_with(|c: char| c.is_alphanumeric()) {
            return Ok((rest, (code, false, None)));
        }
    }
    if let Some(code) = spaced.as_bytes().get(..3).and_then(currency::iso_code) {
        let rest = &spaced[3..];
        if !rest.starts_with(|c: char| c.is_alphanumeric()) && !opens_next(rest) {
            let (rest, scale) = opt(preceded(gap, scale_word)).parse(rest)?;
            return Ok((rest, (code, true, scale)));
        }
    }
    if gap_len > 0 {
        if let Some((code, len)) = currency::name_after(spaced) {
            return Ok((&spaced[len..], (code, false, None)));
        }
    }
    fail(i)
}

/// Does a currency's marker follow here (after a scale word: "million
/// dollars", " USD")? The scanner's test before it reads an amount.
pub(crate) fn marker_follows(i: &str) -> bool {
    marker_after(i).is_ok()
}

/// The number of an amount, as text: "9.1", "783,000", ".75" (a sign may
/// drop the leading zero), or grouped by points ("1.234.567", "1.234,56").
fn money_number(i: &str) -> IResult<&str, &str> {
    if let Some(grouped) = point_grouped(i) {
        return Ok((&i[grouped..], &i[..grouped]));
    }
    if let Some(fraction) = i.strip_prefix('.') {
        let digits = fraction
            .bytes()
            .take(6)
            .take_while(u8::is_ascii_digit)
            .count();
        if digits > 0 && !fraction[digits..].starts_with(|c: char| c.is_ascii_digit()) {
            return Ok((&fraction[digits..], &i[..=digits]));
        }
    }
    number_text(i)
}

/// The length of a number grouped by points with a decimal comma, as most of
/// Europe writes it: "1.234.567" (two or more groups) or "1.234,56" (a group
/// and a decimal comma). One group alone ("12.500") is read by the currency.
fn point_grouped(i: &str) -> Option<usize> {
    let b = i.as_bytes();
    let lead = b.iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    if lead == 0 || lead > 3 {
        return None;
    }
    let mut end = lead;
    let mut groups = 0;
    while b.get(end) == Some(&b'.')
        && b.get(end + 1..end + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !b.get(end + 4).is_some_and(u8::is_ascii_digit)
    {
        end += 4;
        groups += 1;
    }
    let comma_decimals = if groups > 0 && b.get(end) == Some(&b',') {
        let d = b[end + 1..]
            .iter()
            .take(3)
            .take_while(|c| c.is_ascii_digit())
            .count();
        (1..=2).contains(&d).then_some(d)
    } else {
        None
    };
    match (groups, comma_decimals) {
        (0, _) | (1, None) => None,
        (_, Some(d)) => Some(end + 1 + d),
        (_, None) => Some(end),
    }
}

/// The value of a number's text once its currency is known: a single group
/// after a point is thousands in a currency with no minor unit to split
/// ("12.500 ₫" is 12,500 dong), and points group and a comma splits in the
/// European form.
fn number_value(text: &str, currency: &str) -> Option<Decimal> {
    let first_mark = text.bytes().find(|b| matches!(b, b'.' | b','));
    let european = text.matches('.').count() > 1 || first_mark == Some(b'.') && text.contains(',');
    let one_group_no_minor = text.len() > 4
        && text.as_bytes()[text.len() - 4] == b'.'
        && !text.contains(',')
        && currency::minor_unit_digits(currency) == Some(0);
    if european || one_group_no_minor {
        let swapped: String = text
            .chars()
            .filter(|&c| c != '.')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        return to_decimal(&swapped);
    }
    if let Some(fraction) = text.strip_prefix('.') {
        return to_decimal(&format!("0.{fraction}"));
    }
    to_decimal(text)
}

// " billion" | "Billion" | "bn" | "M" | "T"
fn scale(i: &str) -> IResult<&str, Scale> {
    alt((preceded(opt(gap), scale_word), scale_abbreviation)).parse(i)
}

/// A prefixed amount: "$9.1 billion" | "US$350,000" | "$23.11B" | "€5 million"
/// | "CHF 19.90" | "USD115" | "-15€" is suffixed, "$-99.99" is here.
fn prefixed(i: &str) -> IResult<&str, Amount> {
    let (rest, negative_before) = opt(minus).parse(i)?;
    let (rest, (currency, by_code)) = marker_before(rest)?;
    let (rest, _) = opt(inline_gap).parse(rest)?;
    let (rest, negative_after) = opt(minus).parse(rest)?;
    let (rest, text) = money_number(rest)?;
    let Some(number) = number_value(text, currency) else {
        return fail(i);
    };
    let (rest, scale) = match scale(rest) {
        // "$40,310,055 million": an amount already written out in full takes
        // no scale word; in PDF text the word belongs to a neighbouring cell.
        Ok(_) if number >= Decimal::from(1_000_000) => (rest, None),
        Ok((after, s)) => (after, Some(s)),
        Err(_) => (rest, None),
    };
    // "$5 million dollars" happens; the trailing word belongs to the amount.
    let (rest, _) = opt(preceded(inline_gap, ascii_tag_no_case("dollars"))).parse(rest)?;
    let negative = negative_before.is_some() || negative_after.is_some();
    Ok((
        rest,
        Amount::new(number, negative, currency, scale, by_code),
    ))
}

/// An amount with its currency after it: "1.7 billion dollars" | "500
/// million euros" | "a billion dollars" | "20€" | "3 CNY" | "75 USD million".
fn suffixed(i: &str) -> IResult<&str, Amount> {
    let (rest, negative) = opt(minus).parse(i)?;
    let (rest, text) = alt((money_number, ascii_tag_no_case("a"))).parse(rest)?;
    // "10MNT" is ten tögrög, not ten million "NT": a glued letter is a scale
    // only if a marker follows it.
    let with_scale = opt(alt((preceded(gap, scale_word), scale_abbreviation)))
        .parse(rest)
        .and_then(|(after, s)| marker_after(after).map(|(r, m)| (r, (s, m))));
    let (rest, (scale_before, (currency, by_code, scale_after))) = match with_scale {
        Ok(found) => found,
        // Only a glued letter can be a marker's start: "6.5 million live"
        // needs no second look at "million live".
        Err(_) if rest.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            let (r, m) = marker_after(rest)?;
            (r, (None, m))
        }
        Err(e) => return Err(e),
    };
    let number = if text.eq_ignore_ascii_case("a") {
        Decimal::ONE
    } else {
        match number_value(text, currency) {
            Some(n) => n,
            None => return fail(i),
        }
    };
    let scale = scale_before.or(scale_after);
    Ok((
        rest,
        Amount::new(number, negative.is_some(), currency, scale, by_code),
    ))
}

/// Any amount of money. "a" alone needs a scale word ("a billion dollars"),
/// or "a dollars" would be money.
pub(crate) fn amount(i: &str) -> IResult<&str, Amount> {
    let (rest, found) = alt((prefixed, suffixed)).parse(i)?;
    if found.scale.is_none() && (i.starts_with("a ") || i.starts_with("A ")) {
        return fail(i);
    }
    Ok((rest, found))
}

/// The first bound of a range, before its separator: "$1" | "10" | "$10".
struct Bound<'a> {
    rest: &'a str,
    currency: Option<&'static str>,
    number: &'a str,
    scale: Option<Scale>,
    negative: bool,
}

fn first_bound(i: &str) -> IResult<&str, Bound<'_>> {
    let (rest, negative) = opt(minus).parse(i)?;
    let (rest, marker) = opt(marker_before).parse(rest)?;
    let (rest, _) = opt(inline_gap).parse(rest)?;
    let (rest, number) = money_number(rest)?;
    let (rest, scale) = opt(scale).parse(rest)?;
    Ok((
        rest,
        Bound {
            rest,
            currency: marker.map(|(c, _)| c),
            number,
            scale,
            negative: negative.is_some(),
        },
    ))
}

/// A range of amounts that share a currency and a scale written once:
/// "$1-2 billion" | "10-20 dollars" | "between 10 and 20 dollars" | "$10 to
/// $20 million". Both bounds, and where the first ends and the second begins.
pub(crate) fn range(i: &str, between: bool) -> Option<Bounds<Amount>> {
    let (_, first) = first_bound(i).ok()?;
    let (second_at, ()) = amount_range_separator(between)(first.rest).ok()?;
    let second_start = i.len() - second_at.len();
    let (after, second) = match (amount(second_at), first.currency) {
        // "2009 to $14.3 billion": a bare number before a marked amount is
        // something else (a year); a range writes its currency after the
        // second bound ("10-20 dollars") or before the first.
        (Ok(_), None) if marker_before(second_at.trim_start_matches('-')).is_ok() => return None,
        (Ok((after, a)), None) => (after, a),
        (Ok((after, a)), Some(c)) if a.currency == c => (after, a),
        // "$1-2 billion": the second bound's currency is the first's, and it
        // must carry a scale, or "$5 to 10 percent" would be money.
        (Err(_), Some(c)) => {
            let (after, text) = money_number(second_at).ok()?;
            let (after, s) = scale(after).ok()?;
            let n = number_value(text, c)?;
            (after, Amount::new(n, false, c, Some(s), false))
        }
        // Two currencies ("€5 to $10"), or none.
        (Ok(_), Some(_)) | (Err(_), None) => return None,
    };
    let first_number = number_value(first.number, second.currency)?;
    // The scale is shared when the first bound is a small number written
    // plainly ("$1-2 billion"), not a full amount ("$500,000 to $1 million").
    let scale = first.scale.or_else(|| {
        let plain = !first.number.contains(',') && first_number < Decimal::from(1000);
        let below = second
            .scale
            .map(|s| first_number * s.factor())
            .is_some_and(|a| a <= second.amount);
        (plain && below).then_some(second.scale).flatten()
    });
    let first_end = i.len() - first.rest.len();
    let first_amount = Amount::new(
        first_number,
        first.negative,
        second.currency,
        scale,
        second.by_code,
    );
    Some(Bounds {
        first_end,
        first: first_amount,
        second_start,
        second_end: i.len() - after.len(),
        second,
    })
}

impl Amount {
    fn new(
        number: Decimal,
        negative: bool,
        currency: &'static str,
        scale: Option<Scale>,
        by_code: bool,
    ) -> Self {
        let mut amount = match scale {
            Some(s) => number.checked_mul(s.factor()).unwrap_or(number).normalize(),
            None => number,
        };
        if negative {
            amount.set_sign_negative(true);
        }
        Amount {
            amount,
            currency,
            scale,
            by_code,
        }
    }
}

// The scanner's entry: the value this kind makes where the scan finds it.

/// The amount at `i`, and the second bound when it opens a range.
pub(crate) fn money_at(
    src: &str,
    i: usize,
    end: usize,
    warnings: &mut Vec<Warning>,
) -> Option<(Value, Option<Value>)> {
    let between = before(src, i, 9).ends_with("between ");
    if let Some(b) = range(&src[i..end], between) {
        if plausible(src, i, &b.first) && plausible(src, i + b.second_start, &b.second) {
            let first = money_value(src, i, i + b.first_end, b.first);
            let second = money_value(src, i + b.second_start, i + b.second_end, b.second);
            return Some((first, Some(second)));
        }
    }
    let (stop, found) = read(src, i, end, amount)?;
    // An archive cut at "Exports--$12.8 " leaves an amount whose scale word
    // may be lost; a careful reader leaves it out, and so do we, saying so.
    // Only a number a scale could follow: "$12.8", "$45", not "$381,911,301".
    let scalable = found.amount.fract() != Decimal::ZERO || found.amount < Decimal::from(1000);
    if found.scale.is_none()
        && scalable
        && src.as_bytes()[stop - 1].is_ascii_digit()
        && cut_scale_word(&src[stop..])
    {
        warnings.push(Warning::new(
            crate::error::WarningKind::CutOffAmount,
            "amount cut off by the end of the text; its scale word may be missing, so it is left out",
            Span::new(i, stop),
        ));
        return None;
    }
    if !plausible(src, i, &found) {
        return None;
    }
    Some((money_value(src, i, stop, found), None))
}

/// A code that is also a word ("TOP", "ALL") is no currency in a line of
/// capitals ("TOP 10 EXPORTS").
fn plausible(src: &str, at: usize, found: &Amount) -> bool {
    if !(found.by_code && currency::code_is_a_word(found.currency)) {
        return true;
    }
    let line_start = src[..at].rfind('\n').map_or(0, |k| k + 1);
    let line_end = src[at..].find('\n').map_or(src.len(), |k| at + k);
    let line = &src[line_start..line_end];
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = line.chars().filter(|c| c.is_uppercase()).count();
    capitals * 2 < letters
}

fn money_value(src: &str, start: usize, stop: usize, found: Amount) -> Value {
    let money = Money {
        amount: found.amount,
        currency: std::borrow::Cow::Borrowed(found.currency),
        qualifier: super::qualifier::before(src, start),
        year: None,
        fiscal_year: false,
        scale: found.scale,
    };
    make(src, start, stop, ValueData::Money(money))
}

/// Does a currency's code or name follow a number here ("CNY", "MNT.",
/// "Australian dollars")? The scanner's test before it reads an amount.
pub(crate) fn currency_follows(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() >= 3 && b[..3].iter().all(u8::is_ascii_uppercase) {
        return currency::iso_code(&b[..3]).is_some() || currency::sign(word).is_some();
    }
    if b.first().is_some_and(u8::is_ascii_uppercase) && b.iter().take(6).any(|&c| c == b'$') {
        return currency::sign(word).is_some();
    }
    currency::name_after(word).is_some()
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
    fn iso_codes_before_and_after_spaced_or_glued() {
        assert_eq!(read("CHF 19.90."), Some(("19.9".into(), "CHF", ".")));
        assert_eq!(read("USD115.5."), Some(("115.5".into(), "USD", ".")));
        assert_eq!(read("3 CNY."), Some(("3".into(), "CNY", ".")));
        assert_eq!(read("10MNT."), Some(("10".into(), "MNT", ".")));
        assert_eq!(
            read("75 USD million in"),
            Some(("75000000".into(), "USD", " in"))
        );
        assert_eq!(read("14.00 SGD / Each").unwrap().1, "SGD");
        // A code followed by a number opens the next amount: "2019 USD 5".
        assert_eq!(read("2019 USD 5 million"), None);
    }

    #[test]
    fn signs_after_the_number_and_prefixed_dollars() {
        assert_eq!(read("20€."), Some(("20".into(), "EUR", ".")));
        assert_eq!(read("10 $ is"), Some(("10".into(), "USD", " is")));
        assert_eq!(read("3.14US$."), Some(("3.14".into(), "USD", ".")));
        assert_eq!(read("1 GH₵."), Some(("1".into(), "GHS", ".")));
        assert_eq!(read("₪98").unwrap().1, "ILS");
        assert_eq!(read("A$190").unwrap().1, "AUD");
        assert_eq!(read("NT$ 1,160").unwrap(), ("1160".into(), "TWD", ""));
        assert_eq!(read("C$5.95").unwrap().1, "CAD");
        assert_eq!(read("$2.174T.").unwrap().0, "2174000000000");
        assert_eq!(read("$.75").unwrap().0, "0.75");
    }

    #[test]
    fn currency_names_minor_units_and_negatives() {
        assert_eq!(
            read("125 million australian dollars").unwrap(),
            ("125000000".into(), "AUD", "")
        );
        assert_eq!(read("3 billion euros").unwrap().0, "3000000000");
        assert_eq!(
            read("50 dollar bills").unwrap(),
            ("50".into(), "USD", " bills")
        );
        // The dong has no minor unit: a point groups thousands.
        assert_eq!(read("12.500 ₫").unwrap().0, "12500");
        assert_eq!(read("12.500 $").unwrap().0, "12.5");
        assert_eq!(read("1.234.567,89 €").unwrap().0, "1234567.89");
        assert_eq!(read("$20,000.00").unwrap().0, "20000");
        assert_eq!(read("-15€").unwrap().0, "-15");
        assert_eq!(read("$-99.99").unwrap().0, "-99.99");
    }

    fn range_of(s: &str, between: bool) -> Option<(String, String, &'static str)> {
        range(s, between).map(
            |Bounds {
                 first: a,
                 second: b,
                 ..
             }| {
                (
                    a.amount.normalize().to_string(),
                    b.amount.normalize().to_string(),
                    b.currency,
                )
            },
        )
    }

    #[test]
    fn ranges_share_their_currency_and_scale() {
        assert_eq!(
            range_of("$1-2 billion", false),
            Some(("1000000000".into(), "2000000000".into(), "USD"))
        );
        assert_eq!(
            range_of("10-20 dollars", false),
            Some(("10".into(), "20".into(), "USD"))
        );
        assert_eq!(
            range_of("10 and 20 dollars", true),
            Some(("10".into(), "20".into(), "USD"))
        );
        assert_eq!(range_of("10 and 20 dollars", false), None);
        assert_eq!(
            range_of("$500,000 to $1 million", false),
            Some(("500000".into(), "1000000".into(), "USD"))
        );
        assert_eq!(range_of("2009 to $14.3 billion", false), None);
        assert_eq!(range_of("$5 to 10 percent", false), None);
        assert_eq!(range_of("€5 to $10", false), None);
    }

    #[test]
    fn things_that_are_not_money() {
        assert_eq!(read("20 francs"), None, "a name several currencies share");
        assert_eq!(read("5 million pounds of wheat"), None);
        assert_eq!(read("2 real problems"), None);
        assert_eq!(read("40 ABC"), None);
        assert_eq!(read("$ and"), None);
        assert_eq!(read("a dollars"), None);
        assert_eq!(read("1.7 billion people"), None);
        assert_eq!(read("USDA"), None);
        assert_eq!(read("$"), None);
    }
}

//! The value scanner: one pass over a region of prose, trying the value
//! parsers only where a value can start.
//!
//! Most bytes of a fact sheet start no value, so a byte table rejects them at
//! once; the parsers run only at word starts whose first byte can begin a
//! value. Each parser reads a bounded number of bytes, so the pass is linear.

use super::lines::{before, last_word, words};
use super::{address, date, money, percent, phone};
use crate::address::{LineKind, Phone};
use crate::error::Warning;
use crate::money::{Money, Qualifier};
use crate::span::Span;
use crate::value::{Count, Percent, Value, ValueData};

/// Bytes that can begin a value.
const fn start_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = b'0';
    while b <= b'9' {
        t[b as usize] = true;
        b += 1;
    }
    let starts = b"$([+UEGFfJMASONDPpa";
    let mut k = 0;
    while k < starts.len() {
        t[starts[k] as usize] = true;
        k += 1;
    }
    t[0xE2] = true; // first byte of "€"
    t[0xC2] = true; // first byte of "£"
    t
}
static STARTS: [bool; 256] = start_table();

/// What the scanner does with a byte at once: pass it, pass its word, or
/// look closer (a byte that can start a value or an embassy block's label).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Pass,
    PassWord,
    Look,
}

static CLASSES: [Class; 256] = {
    let starts = start_table();
    let mut t = [Class::Pass; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        t[b] = if starts[b] || matches!(byte, b'E' | b'C' | b'A') {
            Class::Look
        } else if byte.is_ascii_alphabetic() {
            Class::PassWord
        } else {
            Class::Pass
        };
        b += 1;
    }
    t
};

/// Scans `src[start..end]` and appends what it finds to `values`.
pub(crate) fn scan(
    src: &str,
    start: usize,
    end: usize,
    values: &mut Vec<Value>,
    warnings: &mut Vec<Warning>,
) {
    let bytes = src.as_bytes();
    let mut i = start;
    let mut last_end = start;
    while i < end {
        let b = bytes[i];
        // Most bytes: a space or a mark, or a letter opening a word that can
        // open no value (only letters follow it, and they start nothing).
        match CLASSES[b as usize] {
            Class::Pass => {
                i += 1;
                continue;
            }
            Class::PassWord => {
                i = letters_end(bytes, i + 1, end) + 1;
                continue;
            }
            Class::Look => {}
        }
        let letter = b.is_ascii_alphabetic();
        let line_start = i == start || bytes[i - 1] == b'\n';
        if letter && !line_start && i != last_end && !letter_may_open(&src[i..end]) {
            i = letters_end(bytes, i + 1, end) + 1;
            continue;
        }
        // An embassy block's labelled line may hold a street with no number.
        if matches!(b, b'E' | b'C' | b'A') && line_start {
            if let Some(found) = labelled_address_at(src, i, end) {
                i = found.span.end;
                last_end = i;
                values.push(found);
                continue;
            }
        }
        if STARTS[b as usize] && at_token_start(bytes, i, last_end) {
            if let Some(found) = value_at(src, i, end, last_end, warnings) {
                i = found.span.end.max(i + 1);
                last_end = found.span.end;
                if matches!(found.data, ValueData::Phone(_)) {
                    // "387-1980 through 1982": the block's last digits are no year.
                    if let Ok((rest, _)) = phone::block_suffix(&src[i..end]) {
                        i = end - rest.len();
                    }
                }
                values.push(found);
                continue;
            }
        }
        i = if letter {
            // A value opens only after a non-letter (or where the last one
            // ended, which lies behind): the word's other letters, and the
            // byte after them, start nothing. Most bytes of prose go here.
            letters_end(bytes, i + 1, end) + 1
        } else {
            i + 1
        };
    }
}

/// Where the run of ASCII letters from `i` ends (at most `end`).
///
/// Eight bytes at a time: a word in a register, each byte tested for a
/// letter with carry-free additions (SWAR). The scanner spends most of its
/// time here, and a byte loop costs five or more instructions a byte.
fn letters_end(bytes: &[u8], mut i: usize, end: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    while i + 8 <= end {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let w = u64::from_le_bytes(word);
        // Lower case folded in, the high bit cleared: a letter is 0x61..=0x7a.
        let x = (w | 0x2020_2020_2020_2020) & LOW7;
        // Each byte plus 0x1f reaches the high bit iff it is at least 0x61;
        // plus 0x05 iff it is past 0x7a. No byte carries into the next.
        let at_least_a = x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f);
        let past_z = x.wrapping_add(0x0505_0505_0505_0505);
        let letters = at_least_a & !past_z & !w & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// A value may start after a non-word byte, right where the last value ended
/// (tables glue cells: "$200MFY 2022"), or at a letter glued to a digit
/// ("2DECEMBER 23, 2021").
fn at_token_start(bytes: &[u8], i: usize, last_end: usize) -> bool {
    if i == 0 || i == last_end {
        return true;
    }
    let prev = bytes[i - 1];
    if !prev.is_ascii_alphanumeric() {
        // "1,000" and "9.1": a digit after a separator inside a number is not a start.
        return !(bytes[i].is_ascii_digit()
            && matches!(prev, b',' | b'.')
            && i >= 2
            && bytes[i - 2].is_ascii_digit());
    }
    prev.is_ascii_digit() && bytes[i].is_ascii_uppercase()
}

fn make(src: &str, start: usize, end: usize, data: ValueData) -> Value {
    Value {
        text: src[start..end].into(),
        span: Span::new(start, end),
        data,
    }
}

/// Runs `parser` on `src[at..end]`: where its match ends, and what it read.
fn read<'a, T>(
    src: &'a str,
    at: usize,
    end: usize,
    parser: impl FnOnce(&'a str) -> nom::IResult<&'a str, T>,
) -> Option<(usize, T)> {
    let rest = &src[at..end];
    let (after, found) = parser(rest).ok()?;
    Some((at + rest.len() - after.len(), found))
}

/// Is byte `i` inside a web address ("//2009-2017.state.gov/r/pa/")?
fn in_url(src: &str, i: usize) -> bool {
    // A number after a space or a bracket starts a word, and no address.
    if i == 0 || matches!(src.as_bytes()[i - 1], b' ' | b'\n' | b'(' | b'$' | b'\t') {
        return false;
    }
    let window = before(src, i, 80);
    let word = window.rsplit(char::is_whitespace).next().unwrap_or(window);
    word.contains("//") || word.starts_with("www.") || word.contains("http")
}

/// Does a letter open an amount's marker here: "US$", "USD ", "U.S. $",
/// "U.S.$", "EUR ", "GBP ", "a billion"?
fn opens_amount(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b[0] {
        b'U' => {
            rest.starts_with("US$")
                || rest.starts_with("USD ")
                || rest.starts_with("U.S. $")
                || rest.starts_with("U.S.$")
        }
        b'E' => rest.starts_with("EUR "),
        b'G' => rest.starts_with("GBP "),
        b'a' | b'A' => b.get(1) == Some(&b' ') && matches!(b.get(2), Some(b'b' | b'm' | b't')),
        _ => false,
    }
}

/// Can a value open at this letter? The questions `value_at` asks of a
/// letter before any parser runs, asked first by the scanner: about one word
/// in three opens with such a letter ("and", "for", "State"), and almost none
/// of them opens a value.
fn letter_may_open(rest: &str) -> bool {
    match rest.as_bytes()[0] {
        b'U' | b'E' | b'G' | b'a' => opens_amount(rest),
        b'A' => opens_amount(rest) || date::may_start(rest),
        b'P' => rest.starts_with("P.") || rest.starts_with("PO "),
        b'p' => rest.starts_with("per"),
        _ => date::may_start(rest),
    }
}

fn value_at(
    src: &str,
    i: usize,
    end: usize,
    last_end: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Value> {
    let rest = &src[i..end];
    let b = rest.as_bytes()[0];
    if b.is_ascii_digit() && in_url(src, i) {
        return None;
    }
    match b {
        b'$' | 0xE2 | 0xC2 => money_at(src, i, end, warnings),
        // Words starting with these letters are common; a byte test or two
        // tells the few that can open an amount ("US$", "EUR ", "a billion").
        b'U' | b'E' | b'G' | b'a' | b'A' => {
            let found = if opens_amount(rest) {
                money_at(src, i, end, warnings)
            } else {
                None
            };
            found.or_else(|| {
                if b == b'A' && date::may_start(rest) {
                    date_at(src, i, end)
                } else {
                    None
                }
            })
        }
        b'(' | b'[' | b'+' => phone_at(src, i, end),
        b'0'..=b'9' => number_at(src, i, end, warnings),
        b'P' if rest.starts_with("P.") || rest.starts_with("PO ") => address_at(src, i, end),
        b'p' if rest.starts_with("per") => spelled_percent_at(src, i, end, last_end),
        b'p' => None,
        // "Minister", "State", "Office": most capitals start no month, and
        // the test is a few instructions against a parser call.
        _ if date::may_start(rest) => date_at(src, i, end),
        _ => None,
    }
}

/// A value that opens with a digit. The bytes around the number say which
/// parsers can match, so each runs only where it might: a year is not tried
/// as a phone, an address, a percentage and an amount first.
fn number_at(src: &str, i: usize, end: usize, warnings: &mut Vec<Warning>) -> Option<Value> {
    let rest = &src.as_bytes()[i..end];
    let run = rest
        .iter()
        .take(24)
        .take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
        .count();
    // The leading digits and what follows them: "202-" | "1700 M" | "2009-11" | "08 J".
    let lead = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let next = rest.get(lead).copied().unwrap_or(b' ');
    let after_next = rest.get(lead + 1).copied().unwrap_or(b' ');
    // The first letter after the number and its spaces: "40 percent", "1.7 billion".
    let word_at = rest[run..]
        .iter()
        .take(8)
        .position(|b| !matches!(b, b' ' | b'\t' | 0xC2 | 0xA0 | b'\n' | b'\r'))
        .map(|k| run + k);
    let word = word_at.map_or(b' ', |k| rest[k]);
    let phone = (lead == 3 || lead == 1)
        && matches!(next, b'-' | b'.' | b' ')
        && after_next.is_ascii_digit();
    if phone {
        if let Some(v) = phone_at(src, i, end) {
            return Some(v);
        }
    }
    let street = lead <= 5
        && (next == b' ' && (after_next.is_ascii_uppercase() || after_next.is_ascii_digit())
            || next == b'-');
    if street {
        if let Some(v) = address_at(src, i, end) {
            return Some(v);
        }
    }
    if matches!(word, b'%' | b'p' | b'P' | 0xD9) {
        if let Some(v) = percent_at(src, i, end) {
            return Some(v);
        }
    }
    // A scale or a currency word makes an amount or a count: "2009 to" and
    // "40 members" make neither, and need not be read twice to know it.
    let scale_or_currency = matches!(
        word,
        b'm' | b'M' | b'b' | b'B' | b't' | b'T' | b'd' | b'D' | b'e' | b'E' | b'y' | b'U'
    ) && word_at.is_some_and(|k| {
        let w = &src[i + k..end];
        super::number::scale_word(w).is_ok() || money::currency_word(w).is_ok()
    });
    if scale_or_currency {
        if let Some(v) = money_at(src, i, end, warnings) {
            return Some(v);
        }
    }
    if lead == 4 {
        if let Some(v) = bare_year_at(src, i, end) {
            return Some(v);
        }
    }
    let date = lead == 4
        || matches!(next, b'/' | b'-')
        || lead <= 2 && next == b' ' && after_next.is_ascii_uppercase();
    if date {
        if let Some(v) = date_at(src, i, end) {
            return Some(v);
        }
    }
    if rest[..run].contains(&b',') || scale_or_currency {
        return count_at(src, i, end);
    }
    None
}

/// The commonest value of all, a bare year ("in 1827, ..."), read without
/// the general date grammar when what follows cannot make it a range or a
/// longer date. Anything else falls through to `date_at`.
fn bare_year_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let b = &src.as_bytes()[i..end];
    let next = b.get(4).copied();
    let after = b.get(5).copied().unwrap_or(b' ');
    let plain_end = match next {
        None => true,
        Some(b',' | b'.' | b':') => !after.is_ascii_digit(),
        Some(b';' | b')' | b'\n' | b'\r' | b'"' | b'\'') => true,
        Some(b' ') => {
            let rest = &b[5..];
            !(rest.starts_with(b"to ")
                || rest.starts_with(b"through ")
                || rest.starts_with(b"and "))
        }
        _ => false,
    };
    if !plain_end {
        return None;
    }
    let year = b[..4]
        .iter()
        .fold(0i32, |y, d| y * 10 + i32::from(d - b'0'));
    if !(1500..=2099).contains(&year) || !plausible_year(src, i, i + 4) {
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

fn money_at(src: &str, i: usize, end: usize, warnings: &mut Vec<Warning>) -> Option<Value> {
    let (stop, found) = read(src, i, end, money::amount)?;
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
        qualifier: qualifier_before(src, i),
        year: None,
        scale: found.scale,
    };
    Some(make(src, i, stop, ValueData::Money(money)))
}

/// What follows an amount at the very end of the text: nothing, or the start
/// of a scale word the cut went through ("$3.3 bi").
fn cut_scale_word(rest: &str) -> bool {
    let tail = rest.trim();
    tail.len() < 8
        && ["billion", "million", "trillion", "thousand"]
            .iter()
            .any(|w| {
                w.get(..tail.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(tail))
            })
}

fn percent_at(src: &str, i: usize, end: usize) -> Option<Value> {
    percent_with(src, i, end, percent::percent)
}

/// A percentage read by `parser` from `start`, with its qualifier.
fn percent_with(
    src: &str,
    start: usize,
    end: usize,
    parser: fn(&str) -> nom::IResult<&str, (rust_decimal::Decimal, bool)>,
) -> Option<Value> {
    let (stop, (value, points)) = read(src, start, end, parser)?;
    let qualifier = qualifier_before(src, start);
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
fn spelled_percent_at(src: &str, i: usize, end: usize, last_end: usize) -> Option<Value> {
    if !percent::starts_percent_word(&src[i..end]) {
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
    percent_with(src, word_start, end, percent::spelled_percent)
}

fn phone_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let (stop, e164) = read(src, i, end, phone::phone)?;
    let line = if phone::is_fax_label(before(src, i, 16)) {
        LineKind::Fax
    } else {
        LineKind::Voice
    };
    Some(make(src, i, stop, ValueData::Phone(Phone { e164, line })))
}

/// "Embassy: Jameat A'Duwal Al Arabiya Street, Al Khuwair area, Muscat": the
/// value starts after the label.
fn labelled_address_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let label = address::ADDRESS_LABELS
        .iter()
        .find(|l| src[i..end].starts_with(*l))?;
    let from = i + label.len();
    // A numbered street is the ordinary parser's, at its own token.
    if src.as_bytes().get(from).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (stop, found) = read(src, from, end, address::unnumbered_address)?;
    Some(make(src, from, stop, ValueData::Address(found)))
}

fn address_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let (stop, found) = read(src, i, end, address::address)?;
    Some(make(src, i, stop, ValueData::Address(found)))
}

fn date_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let (stop, (dated, form)) = read(src, i, end, date::date)?;
    if form == date::Form::BareYear && !plausible_year(src, i, stop) {
        return None;
    }
    let data = match dated {
        date::Dated::One(value) => ValueData::Date { value },
        date::Dated::Range(start, end) => ValueData::DateRange { start, end },
    };
    Some(make(src, i, stop, data))
}

/// Words after which a four-digit number is a name or a number, not a year.
const NOT_YEAR_AFTER: [&str; 9] = [
    "No.",
    "No",
    "Number",
    "Resolution",
    "Category",
    "Flight",
    "Route",
    "#",
    "Box",
];

/// A bare four-digit number is a year unless its neighbours say otherwise:
/// "1700 Massachusetts Avenue", "1,500 troops" (a count), "PACC 2030" (a name),
/// "2000 people".
fn plausible_year(src: &str, start: usize, end: usize) -> bool {
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
            && address::starts_street(&src[start..])
    {
        return false;
    }
    let prev_word = before(src, start, 24).trim_end_matches([' ', '\u{a0}']);
    let prev_word = prev_word.rsplit([' ', '\n', '(']).next().unwrap_or("");
    if NOT_YEAR_AFTER.contains(&prev_word) {
        return false;
    }
    // An acronym before the number makes it part of a name: "PACC 2030", "COVID 2019".
    let is_acronym = prev_word.len() >= 2 && prev_word.bytes().all(|b| b.is_ascii_uppercase());
    !is_acronym
}

fn count_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let (stop, value) = read(src, i, end, super::number::count)?;
    let unit = unit_after(&src[stop..end]);
    let qualifier = qualifier_before(src, i);
    Some(make(
        src,
        i,
        stop,
        ValueData::Count(Count {
            value,
            unit,
            qualifier,
        }),
    ))
}

/// Words that end the unit of a count: what follows them is not what is counted.
const UNIT_STOP: [&str; 24] = [
    "in", "to", "from", "and", "or", "by", "since", "for", "with", "of", "at", "on", "is", "are",
    "between", "among", "during", "across", "after", "before", "than", "that", "which", "who",
];

/// A word as it can stand in a count's unit, without the mark after it;
/// `None` for a word that ends the unit (a number, a stop word, nothing).
fn unit_word(word: &str) -> Option<&str> {
    let clean = word.trim_end_matches([',', '.', ';', ':', ')']);
    let letters = clean
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '.');
    (!clean.is_empty() && letters && !UNIT_STOP.contains(&clean)).then_some(clean)
}

/// "U.S. citizens" | "per year" | "liters": up to three words after a count.
fn unit_after(after: &str) -> Option<String> {
    let rest = after.strip_prefix(' ')?;
    // The unit is the words read, as written: where the last one ends.
    let mut unit_end = 0;
    let mut at = 0;
    for word in words(rest).take(3) {
        let Some(clean) = unit_word(word) else {
            break;
        };
        // "U.S." and short abbreviations ("sq. km.") keep their dot and the
        // unit goes on; a capital ends it; a mark after a word ends it there.
        let abbreviation = word.len() <= 4 && word.ends_with('.') && clean.len() + 1 == word.len();
        if word == "U.S." {
            unit_end = at + word.len();
        } else if clean.starts_with(|c: char| c.is_uppercase()) {
            break;
        } else if abbreviation {
            unit_end = at + word.len();
        } else {
            unit_end = at + clean.len();
            if clean.len() != word.len() {
                break;
            }
        }
        at += word.len() + 1;
    }
    (unit_end > 0).then(|| rest[..unit_end].to_string())
}

const QUALIFIERS: [(&str, Qualifier); 24] = [
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("about", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("some", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
    ("nearly", Qualifier::About),
    ("almost", Qualifier::About),
    ("close to", Qualifier::About),
    ("near", Qualifier::About),
    ("at least", Qualifier::AtLeast),
    ("up to", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
];

/// Is `word` the last word of one of the qualifiers above, in any case?
/// Lower-cased into a small buffer and matched: most values have no
/// qualifier, and the word before them says so at once.
fn ends_qualifier(word: &str) -> bool {
    let b = word.as_bytes();
    if !(2..=13).contains(&b.len()) {
        return false;
    }
    let mut lower = [0u8; 13];
    for (l, c) in lower.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    matches!(
        &lower[..b.len()],
        b"than"
            | b"over"
            | b"of"
            | b"exceeding"
            | b"under"
            | b"below"
            | b"about"
            | b"approximately"
            | b"roughly"
            | b"around"
            | b"some"
            | b"estimated"
            | b"nearly"
            | b"almost"
            | b"to"
            | b"near"
            | b"least"
            | b"as"
    )
}

/// The qualifier written just before a value ("more than $1 billion").
pub(crate) fn qualifier_before(src: &str, start: usize) -> Option<Qualifier> {
    let window = before(src, start, 32).trim_end_matches([' ', '\u{a0}', '\n']);
    if !ends_qualifier(last_word(window)) {
        return None;
    }
    for (phrase, q) in QUALIFIERS {
        if window.len() < phrase.len() {
            continue;
        }
        let cut = window.len() - phrase.len();
        if !window.is_char_boundary(cut) {
            continue;
        }
        let (head, tail) = window.split_at(cut);
        if tail.eq_ignore_ascii_case(phrase) && !head.ends_with(|c: char| c.is_alphanumeric()) {
            return Some(q);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(String, &'static str)> {
        let mut values = Vec::new();
        let mut warnings = Vec::new();
        scan(src, 0, src.len(), &mut values, &mut warnings);
        values
            .iter()
            .map(|v| (v.text.to_string(), v.kind_name()))
            .collect()
    }

    fn texts(src: &str) -> Vec<String> {
        kinds(src).into_iter().map(|(t, _)| t).collect()
    }

    proptest::proptest! {
        #[test]
        fn letters_end_stops_at_the_first_non_letter(s in proptest::collection::vec(proptest::num::u8::ANY, 0..40), from in 0usize..40) {
            let from = from.min(s.len());
            let expected = s[from..].iter().position(|b| !b.is_ascii_alphabetic()).map_or(s.len(), |k| from + k);
            proptest::prop_assert_eq!(letters_end(&s, from, s.len()), expected);
        }
    }

    #[test]
    fn letters_end_on_words() {
        let s = b"Washington, DC abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{";
        assert_eq!(letters_end(s, 0, s.len()), 10);
        assert_eq!(letters_end(s, 15, s.len()), 67);
        assert_eq!(letters_end(s, 67, s.len()), 67);
        assert_eq!(letters_end(s, 0, 4), 4);
    }

    proptest::proptest! {
        /// Where the scanner's letter test says no value opens, none does.
        #[test]
        fn a_letter_ruled_out_opens_no_value(
            s in "(a|A|p|P|f|F|U|E|G|J|M|S|O|N|D|C|US\\$|USD |U\\.S\\. \\$|EUR |GBP |a billion|A million|per cent|percent|fiscal year|FY|P\\.O\\. Box 12|PO Box 3|April|May|June 2|Sept\\.|A\\.D\\. 301| |1|2009|, |\\.|\\n){1,12}"
        ) {
            let mut warnings = Vec::new();
            for (i, c) in s.char_indices() {
                if c.is_ascii_alphabetic() && !letter_may_open(&s[i..]) {
                    proptest::prop_assert!(value_at(&s, i, s.len(), 0, &mut warnings).is_none(), "{:?} at {}", s, i);
                }
            }
        }
    }

    #[test]
    fn finds_each_kind_in_prose() {
        let src =
            "In 1827 trade grew from $9.1 billion in 2009 by 40 percent; tel. (202) 833-9860.";
        assert_eq!(
            kinds(src),
            vec![
                ("1827".to_string(), "date"),
                ("$9.1 billion".to_string(), "money"),
                ("2009".to_string(), "date"),
                ("40 percent".to_string(), "percent"),
                ("(202) 833-9860".to_string(), "phone"),
            ]
        );
    }

    #[test]
    fn phones_in_each_written_form() {
        let src = "tel. 202.223.2418, (202) 833-9860, 1-202-555-0100 or 202-223-2418.";
        assert_eq!(
            texts(src),
            vec![
                "202.223.2418",
                "(202) 833-9860",
                "1-202-555-0100",
                "202-223-2418"
            ]
        );
    }

    #[test]
    fn street_numbers_and_counts_are_not_years() {
        let src = "at 1700 Massachusetts Avenue, NW, Washington, DC 20036 and 525,000 per year";
        assert_eq!(
            kinds(src),
            vec![
                (
                    "1700 Massachusetts Avenue, NW, Washington, DC 20036".to_string(),
                    "address"
                ),
                ("525,000".to_string(), "count"),
            ]
        );
        assert!(texts("the PACC 2030 plan").is_empty());
        assert!(texts("Resolution 2231 passed").is_empty());
    }

    #[test]
    fn nothing_inside_web_addresses() {
        assert!(texts("see //2009-2017.state.gov/r/pa/ei/bgn/ for more").is_empty());
        assert_eq!(texts("in 2017 see http://x.gov/2017/"), vec!["2017"]);
    }

    #[test]
    fn glued_table_cells() {
        let src = "PDA 2DECEMBER 23, 2021$200MFY 2022";
        assert_eq!(texts(src), vec!["DECEMBER 23, 2021", "$200M", "FY 2022"]);
    }

    #[test]
    fn every_qualifier_ends_in_a_word_the_match_knows() {
        for (phrase, _) in QUALIFIERS {
            assert!(ends_qualifier(last_word(phrase)), "{phrase}");
            assert!(
                ends_qualifier(&last_word(phrase).to_uppercase()),
                "{phrase}"
            );
        }
        assert!(!ends_qualifier("then"));
        assert!(!ends_qualifier("a"));
    }

    #[test]
    fn qualifiers_are_read_before_the_value() {
        assert_eq!(
            qualifier_before("grew to more than $1", 18),
            Some(Qualifier::MoreThan)
        );
        assert_eq!(qualifier_before("a cover $1", 8), None);
        assert_eq!(qualifier_before("nearly $5", 7), Some(Qualifier::About));
    }

    #[test]
    fn spelled_percent_and_word_money() {
        assert_eq!(
            texts("rose nine percent and nearly a billion dollars"),
            vec!["nine percent", "a billion dollars"]
        );
    }

    #[test]
    fn an_amount_cut_by_the_end_is_left_out_with_a_warning() {
        let src = "Exports--$12.8 ";
        let mut values = Vec::new();
        let mut warnings = Vec::new();
        scan(src, 0, src.len(), &mut values, &mut warnings);
        assert!(values.is_empty());
        assert_eq!(warnings.len(), 1);
    }

    /// The Vec-and-join version `unit_after` replaced.
    fn unit_after_reference(after: &str) -> Option<String> {
        let rest = after.strip_prefix(' ')?;
        let mut unit = Vec::new();
        for word in rest.split(' ').take(3) {
            let Some(clean) = unit_word(word) else {
                break;
            };
            if word == "U.S." {
                unit.push(word);
                continue;
            }
            if clean.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            if word.len() <= 4 && word.ends_with('.') && clean.len() + 1 == word.len() {
                unit.push(word);
                continue;
            }
            unit.push(clean);
            if clean.len() != word.len() {
                break;
            }
        }
        (!unit.is_empty()).then(|| unit.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn units_as_the_reference_reads_them(
            s in "( |U\\.S\\.|sq\\.|Km\\.|km|people|in|per|year|-|,|\\.|\\)|2|é){0,12}"
        ) {
            proptest::prop_assert_eq!(unit_after(&s), unit_after_reference(&s));
        }
    }

    #[test]
    fn phone_blocks_and_units() {
        assert_eq!(
            unit_after(" U.S. citizens presently").as_deref(),
            Some("U.S. citizens presently")
        );
        assert_eq!(unit_after(" per year."), Some("per year".to_string()));
        assert_eq!(unit_after(" in 2008"), None);
        assert_eq!(unit_after(" sq. km. (1,557"), Some("sq. km.".to_string()));
        assert_eq!(
            unit_after(" students between 2015"),
            Some("students".to_string())
        );
    }
}

//! The value scanner: one pass over a region of prose, trying the value
//! parsers only where a value can start.
//!
//! Most bytes of a fact sheet start no value, so a byte table rejects them at
//! once; the parsers run only at word starts whose first byte can begin a
//! value. Each parser reads a bounded number of bytes, so the pass is linear.

use super::values::address::{address_at, labelled_address_at};
use super::values::count::count_at;
use super::values::date::{self, date_at};
use super::values::money::{self, money_at};
use super::values::percent::{percent_at, percent_range_at, spelled_percent_at};
use super::values::phone::{self, phone_at};
use super::values::year::bare_year_at;
use crate::error::Warning;
use crate::parse::text::skip::letters_end;
use crate::parse::text::words::before;
use crate::value::{Value, ValueData};

/// Bytes that can begin a value: the union of what each kind declares it
/// can open with (`values::OPENING_BYTES`).
const fn start_table() -> [bool; 256] {
    let mut t = [false; 256];
    let kinds = super::values::OPENING_BYTES;
    let mut k = 0;
    while k < kinds.len() {
        let mut set = 0;
        while set < kinds[k].len() {
            let bytes = kinds[k][set];
            let mut b = 0;
            while b < bytes.len() {
                t[bytes[b] as usize] = true;
                b += 1;
            }
            set += 1;
        }
        k += 1;
    }
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
        t[b] = if starts[b] {
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
        let opens = letter.then(|| letter_opens(&src[i..end]));
        if opens == Some(LetterOpens::Nothing) && !line_start && i != last_end {
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
            if let Some((found, second)) = value_at(src, i, end, last_end, opens, warnings) {
                i = found.span.end.max(i + 1);
                last_end = found.span.end;
                if matches!(found.data, ValueData::Phone(_)) {
                    // "387-1980 through 1982": the block's last digits are no year.
                    if let Ok((rest, _)) = phone::block_suffix(&src[i..end]) {
                        i = end - rest.len();
                    }
                }
                values.push(found);
                // A range's second bound ("$1-2 billion"), read with the first.
                if let Some(second) = second {
                    i = second.span.end.max(i);
                    last_end = second.span.end;
                    values.push(second);
                }
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

/// Is byte `i` inside a web address ("//2009-2017.state.gov/r/pa/")?
fn in_url(src: &str, i: usize) -> bool {
    // A number after a space or a bracket starts a word, and no address.
    if i == 0 || matches!(src.as_bytes()[i - 1], b' ' | b'\n' | b'(' | b'$' | b'\t') {
        return false;
    }
    // "%29%20": after a "%" a number is a URL escape, never a percentage.
    if src.as_bytes()[i - 1] == b'%' {
        return true;
    }
    let window = before(src, i, 80);
    let word = window.rsplit(char::is_whitespace).next().unwrap_or(window);
    // A word that runs the whole window is no prose: a web address or its query.
    word.len() >= 80 || word.contains("//") || word.starts_with("www.") || word.contains("http")
}

/// Does a letter open an amount's marker here: a prefixed dollar ("US$",
/// "HK$", "U.S. $"), an ISO code before a number ("USD 5", "CHF19.90"),
/// "a billion"?
fn opens_amount(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b[0] {
        b'a' | b'A' if b.get(1) == Some(&b' ') => matches!(b.get(2), Some(b'b' | b'm' | b't')),
        b'A'..=b'Z' => {
            let code = b.len() >= 4
                && b[1].is_ascii_uppercase()
                && b[2].is_ascii_uppercase()
                && (b[3].is_ascii_digit()
                    || b[3] == b'$'
                    || matches!(b[3], b' ') && b.get(4).is_some_and(u8::is_ascii_digit));
            // A "$" within the next six bytes: "A$", "NT$", "Mex$", "U.S. $".
            let dollar = || b.iter().take(6).any(|&c| c == b'$');
            code || dollar() && super::values::currency::sign(rest).is_some()
        }
        _ => false,
    }
}

/// What a letter can open, from the byte tests alone: the questions the
/// scanner asks of a letter before any parser runs. About one word in three
/// opens with such a letter ("and", "for", "State"), and almost none of
/// them opens a value; the answer is asked once and handed to `value_at`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LetterOpens {
    Nothing,
    /// "P.O. Box", "PO Box".
    PostBox,
    /// "per cent", "percent" after a spelled number.
    Percent,
    /// An amount's marker ("US$", "CHF 19.90", "a billion"), a month's
    /// name, or either.
    Value {
        amount: bool,
        date: bool,
    },
}

fn letter_opens(rest: &str) -> LetterOpens {
    match rest.as_bytes()[0] {
        b'P' if rest.starts_with("P.") || rest.starts_with("PO ") => LetterOpens::PostBox,
        b'p' if rest.starts_with("per") => LetterOpens::Percent,
        b'p' => LetterOpens::Nothing,
        b'a' | b'A'..=b'Z' => {
            let amount = opens_amount(rest);
            let date = date::may_start(rest);
            if amount || date {
                LetterOpens::Value { amount, date }
            } else {
                LetterOpens::Nothing
            }
        }
        _ if date::may_start(rest) => LetterOpens::Value {
            amount: false,
            date: true,
        },
        _ => LetterOpens::Nothing,
    }
}

/// A value found, and the second bound of a range read with it.
type Found = (Value, Option<Value>);

fn one(v: Option<Value>) -> Option<Found> {
    v.map(|v| (v, None))
}

/// The value at `i`; `opens` is what the letter there can open, when it is
/// a letter.
fn value_at(
    src: &str,
    i: usize,
    end: usize,
    last_end: usize,
    opens: Option<LetterOpens>,
    warnings: &mut Vec<Warning>,
) -> Option<Found> {
    let rest = &src[i..end];
    let b = rest.as_bytes()[0];
    if b.is_ascii_digit() && in_url(src, i) {
        return None;
    }
    let opens = opens.or_else(|| b.is_ascii_alphabetic().then(|| letter_opens(rest)));
    if let Some(opens) = opens {
        return match opens {
            LetterOpens::Nothing => None,
            LetterOpens::PostBox => one(address_at(src, i, end)),
            LetterOpens::Percent => one(spelled_percent_at(src, i, end, last_end)),
            LetterOpens::Value { amount, date } => {
                let found = if amount {
                    money_at(src, i, end, warnings)
                } else {
                    None
                };
                found.or_else(|| {
                    if date {
                        one(date_at(src, i, end, warnings))
                    } else {
                        None
                    }
                })
            }
        };
    }
    match b {
        b'$' | 0xC2 | 0xE0 | 0xE1 | 0xE2 => money_at(src, i, end, warnings),
        // "-15€", "$-99.99" is read at "$": a minus after a space or a bracket,
        // before a number or a sign; "Exports--$12.8" is a dash.
        b'-' => {
            let prev = if i == 0 { b' ' } else { src.as_bytes()[i - 1] };
            let next = rest.as_bytes().get(1).copied().unwrap_or(b' ');
            if matches!(prev, b' ' | b'\n' | b'(' | b'\t')
                && (next.is_ascii_digit() || next == b'$')
            {
                money_at(src, i, end, warnings)
            } else {
                None
            }
        }
        b'(' | b'[' | b'+' => one(phone_at(src, i, end)),
        b'0'..=b'9' => number_at(src, i, end, warnings),
        // Letters were answered above; what remains opens nothing.
        _ => None,
    }
}

/// A value that opens with a digit. The bytes around the number say which
/// parsers can match, so each runs only where it might: a year is not tried
/// as a phone, an address, a percentage and an amount first.
fn number_at(src: &str, i: usize, end: usize, warnings: &mut Vec<Warning>) -> Option<Found> {
    let rest = &src.as_bytes()[i..end];
    let (run, word_at) = number_and_word(rest);
    // The leading digits and what follows them: "202-" | "1700 M" | "2009-11" | "08 J".
    let lead = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let next = rest.get(lead).copied().unwrap_or(b' ');
    let after_next = rest.get(lead + 1).copied().unwrap_or(b' ');
    let word = word_at.map_or(b' ', |k| rest[k]);
    // "202-", "1-202-", and the international prefixes "00" and "011".
    let phone = (lead == 3 || lead == 1)
        && matches!(next, b'-' | b'.' | b' ')
        && after_next.is_ascii_digit()
        || rest.starts_with(b"00") && rest.get(2).is_some_and(|c| (b'1'..=b'9').contains(c))
        || rest.starts_with(b"00 ") && rest.get(3).is_some_and(|c| (b'1'..=b'9').contains(c))
        || rest.starts_with(b"011") && matches!(next, b'-' | b' ' | b'.')
        // A number written for callers at home: the trunk 0 and an area
        // code of up to four digits ("0414-306-001", "0412 345 678").
        || rest[0] == b'0'
            && rest.get(1).is_some_and(|c| (b'1'..=b'9').contains(c))
            && (2..=5).contains(&lead)
            && matches!(next, b'-' | b'.' | b' ')
            && after_next.is_ascii_digit();
    if phone {
        if let Some(v) = phone_at(src, i, end) {
            return Some((v, None));
        }
    }
    let street = lead <= 5
        && (next == b' ' && (after_next.is_ascii_uppercase() || after_next.is_ascii_digit())
            || next == b'-');
    if street {
        if let Some(v) = address_at(src, i, end) {
            return Some((v, None));
        }
    }
    if matches!(word, b'%' | b'p' | b'P' | 0xD9) {
        if let Some(v) = percent_at(src, i, end) {
            return Some((v, None));
        }
    }
    // A scale, a currency's sign, code or name makes an amount or a count:
    // "2009 to" and "40 members" make neither, and need not be read twice
    // to know it.
    let marker = marker_after_number(src, i, word_at, end);
    let scale_or_currency = marker.is_some();
    // "10-20 dollars", "$1-2 billion" is read at "$", "between 10 and 20 dollars".
    let after_run = &rest[run..];
    let range = matches!(after_run.first(), Some(b'-' | 0xE2))
        || after_run.starts_with(b" to ")
        || after_run.starts_with(b" and ");
    // A range of bare numbers is an amount only when its second bound is
    // one ("10-20 dollars"): "2009-2011" and "5 to 7 percent" are not read
    // as money first.
    let range_of_amounts = range && (scale_or_currency || second_bound_marked(src, i + run, end));
    if range_of_amounts || marker.may_make_money() {
        if let Some(found) = money_at(src, i, end, warnings) {
            return Some(found);
        }
    }
    if range {
        if let Some((first, second)) = percent_range_at(src, i, end) {
            return Some((first, Some(second)));
        }
    }
    if lead == 4 {
        if let Some(v) = bare_year_at(src, i, end) {
            return Some((v, None));
        }
    }
    // "2016", "11/2016", "05-Aug-2016", "08 January", "02nd Jan", "14april",
    // "16. Nov.": a day opens a date when a mark, a space or a letter follows.
    let date = lead == 4
        || matches!(next, b'/' | b'-' | b'.')
        || lead <= 2 && (next == b' ' || next.is_ascii_alphabetic());
    if date {
        if let Some(v) = date_at(src, i, end, warnings) {
            return Some((v, None));
        }
    }
    if rest[..run].contains(&b',') || scale_or_currency {
        return one(count_at(src, i, end));
    }
    None
}

/// The length of the number that opens `rest` (digits and their marks,
/// up to 24 bytes), and where the word after it and its spaces starts:
/// "40 percent", "1.7 billion", "20€".
fn number_and_word(rest: &[u8]) -> (usize, Option<usize>) {
    let run = rest
        .iter()
        .take(24)
        .take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
        .count();
    let mut k = run;
    let limit = (run + 8).min(rest.len());
    while k < limit {
        match rest[k] {
            b' ' | b'\t' | b'\n' | b'\r' => k += 1,
            0xC2 if rest.get(k + 1) == Some(&0xA0) => k += 2,
            _ => break,
        }
    }
    (run, (k < rest.len()).then_some(k))
}

/// What follows a number: a currency's sign, code or name ("20€", "3 CNY",
/// "40 dollars"), a scale word ("6.5 million"), or neither ("2009 to", "40
/// members"). Read once per number: whether a count or an amount may open
/// both come from it.
enum Marker<'a> {
    Nothing,
    Currency,
    /// The scale word, and the text after it.
    Scale {
        word: &'a str,
        after: &'a str,
    },
}

/// The marker after the number at `i`, whose next word starts `word_at`
/// bytes on.
fn marker_after_number(src: &str, i: usize, word_at: Option<usize>, end: usize) -> Marker<'_> {
    let Some(k) = word_at else {
        return Marker::Nothing;
    };
    let w = &src[i + k..end];
    let first = w.as_bytes()[0];
    let currency = if first.is_ascii_alphabetic() {
        if let Ok((after, _)) = super::values::number::scale_word(w) {
            return Marker::Scale { word: w, after };
        }
        money::currency_follows(w)
    } else {
        super::values::currency::may_open_sign(first)
    };
    if currency {
        Marker::Currency
    } else {
        Marker::Nothing
    }
}

impl Marker<'_> {
    fn is_some(&self) -> bool {
        !matches!(self, Marker::Nothing)
    }

    /// Can an amount open at the number? A currency after it, or a scale
    /// and then a currency or a range's separator ("6.5 million dollars",
    /// "2 billion to 3 billion euros"); "6.5 million live" is a count, and
    /// not read as money first.
    fn may_make_money(&self) -> bool {
        match *self {
            Marker::Nothing => false,
            Marker::Currency => true,
            Marker::Scale { word, after } => {
                money::marker_follows(after)
                    || super::values::number::range_separator(true)(after).is_ok()
                    || money::currency_follows(word)
            }
        }
    }
}

/// After a range's first bare number (ending at `at`), is the second bound
/// an amount: a number, or "a", with a scale or a currency after it ("-20
/// dollars", " to 20 million euros", "-2M dollars")? A bound that opens
/// with a currency ("2009 to $14.3 billion") makes no range of amounts.
fn second_bound_marked(src: &str, at: usize, end: usize) -> bool {
    let b = &src.as_bytes()[at..end];
    let separator = if b.starts_with(b" to ") {
        4
    } else if b.starts_with(b" and ") {
        5
    } else if b.first() == Some(&b'-') {
        1
    } else {
        // A dash beyond ASCII, or another character opening with 0xE2:
        // its length, whatever it is.
        src[at..end].chars().next().map_or(1, char::len_utf8)
    };
    let mut k = separator;
    while k < b.len() {
        match b[k] {
            b' ' | b'\t' | b'-' => k += 1,
            0xC2 if b.get(k + 1) == Some(&0xA0) => k += 2,
            0xE2 if b.get(k + 1) == Some(&0x80) && b.get(k + 2) == Some(&0xAF) => k += 3,
            _ => break,
        }
    }
    let second = &b[k..];
    if second.starts_with(b"a ") || second.starts_with(b"A ") {
        return true;
    }
    let (run, word_at) = number_and_word(second);
    if run == 0 {
        return false;
    }
    // "2M dollars": a scale's letter glued to the number.
    second.get(run).is_some_and(u8::is_ascii_alphabetic)
        || marker_after_number(src, at + k, word_at, end).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starting_bytes_are_the_kinds_openings() {
        let mut expected: Vec<u8> = (b'0'..=b'9').chain(b'A'..=b'Z').collect();
        expected.extend_from_slice(b"$([+-fpajmsond");
        expected.extend_from_slice(&[0xC2, 0xE0, 0xE1, 0xE2]);
        let starts: Vec<u8> = (0..=255u8).filter(|&b| STARTS[b as usize]).collect();
        expected.sort_unstable();
        assert_eq!(starts, expected);
        // Letters that open no value's name are passed a word at a time.
        for b in [b'b', b'e', b't', b'x', b' ', b','] {
            assert!(!STARTS[b as usize], "{}", b as char);
        }
    }

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
        /// Where the scanner's letter test says no value opens, none does.
        #[test]
        fn a_letter_ruled_out_opens_no_value(
            s in "(a|A|p|P|f|F|U|E|G|J|M|S|O|N|D|C|US\\$|USD |U\\.S\\. \\$|EUR |GBP |a billion|A million|per cent|percent|fiscal year|FY|P\\.O\\. Box 12|PO Box 3|April|May|June 2|Sept\\.|A\\.D\\. 301| |1|2009|, |\\.|\\n){1,12}"
        ) {
            let mut warnings = Vec::new();
            for (i, c) in s.char_indices() {
                if c.is_ascii_alphabetic() && letter_opens(&s[i..]) == LetterOpens::Nothing {
                    proptest::prop_assert!(value_at(&s, i, s.len(), 0, None, &mut warnings).is_none(), "{:?} at {}", s, i);
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
    fn numbers_written_for_callers_at_home() {
        assert_eq!(
            kinds("From within the country, dial 0412 345 678 or 03-9526-5900."),
            vec![
                ("0412 345 678".to_string(), "phone"),
                ("03-9526-5900".to_string(), "phone"),
            ]
        );
        // With no label or verb before it, a number opening with 0 is none.
        assert!(texts("Item 0412 345 678 was sold.").is_empty());
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
        // Escapes in a long query are no percentages.
        let query = format!("see {}%28ti%28Using%203D%20CAD%29 now", "a".repeat(90));
        assert!(texts(&query).is_empty(), "{:?}", texts(&query));
        assert_eq!(texts("grew 5 to 7 percent"), vec!["5", "7 percent"]);
    }

    #[test]
    fn glued_table_cells() {
        let src = "PDA 2DECEMBER 23, 2021$200MFY 2022";
        assert_eq!(texts(src), vec!["DECEMBER 23, 2021", "$200M", "FY 2022"]);
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
}

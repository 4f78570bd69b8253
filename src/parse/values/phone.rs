//! Telephone and fax numbers, normalised to E.164 where that is certain.

use super::{make, read};
use crate::address::{LineKind, Phone};
use crate::parse::text::words::before;
use crate::value::{Value, ValueData};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, opt, peek, recognize, verify};
use nom::multi::fold_many_m_n;
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};

/// The bytes a phone number can open with: a digit, "(", "[" or "+".
pub(crate) const OPENING_BYTES: &[&[u8]] = &[b"0123456789", b"([+"];

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
    // "[57] (1) 275-2000" | "[234] (09) 523-0916": an area code in
    // brackets, its trunk 0 dropped.
    let (rest, area) = opt(terminated(
        delimited(
            char('('),
            take_while_m_n(1, 4, |c: char| c.is_ascii_digit()),
            char(')'),
        ),
        opt(sep),
    ))
    .parse(rest)?;
    let (rest, local) = local_digits(rest)?;
    let mut e164 = format!("+{cc}{}{local}", area.unwrap_or(""));
    if area.is_some() {
        drop_trunk_zero(&mut e164, cc.len());
    }
    Ok((rest, Some(e164)))
}

/// The length of the country calling code that opens `digits`. Calling
/// codes are prefix-free (ITU-T E.164): 1 and 7 are the one-digit codes,
/// these the two-digit ones, and every other code has three digits.
fn calling_code_len(digits: &[u8]) -> usize {
    const TWO: [&[u8; 2]; 44] = [
        b"20", b"27", b"30", b"31", b"32", b"33", b"34", b"36", b"39", b"40", b"41", b"43", b"44",
        b"45", b"46", b"47", b"48", b"49", b"51", b"52", b"53", b"54", b"55", b"56", b"57", b"58",
        b"60", b"61", b"62", b"63", b"64", b"65", b"66", b"81", b"82", b"84", b"86", b"90", b"91",
        b"92", b"93", b"94", b"95", b"98",
    ];
    match digits {
        [b'1' | b'7', ..] => 1,
        [a, b, ..] if TWO.iter().any(|t| t[0] == *a && t[1] == *b) => 2,
        _ => 3,
    }
}

// "+1 202 555 0100" | "+968 2464 3400" | "+(355) (0) 4224-7285" |
// "(+45) 33 41 71 00" | "+44 (0)113 496 0000" | "0049 171 1234567" |
// "011-52-55-5080-2000" | "+49 176/12345678" | "(+37410) 464-700"
fn international(i: &str) -> IResult<&str, Option<String>> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let b = i.as_bytes();
    let mut k = if b.starts_with(b"(+") || b.starts_with(b"+(") {
        2
    } else if b.starts_with(b"+") {
        1
    } else if b.starts_with(b"011") && b.get(3).is_some_and(|c| matches!(c, b'-' | b' ' | b'.')) {
        4
    } else if b.starts_with(b"00") && b.get(2).is_some_and(|c| (b'1'..=b'9').contains(c)) {
        2
    } else if b.starts_with(b"00 ") && b.get(3).is_some_and(|c| (b'1'..=b'9').contains(c)) {
        3
    } else {
        return Err(fail());
    };
    // The digits, in groups; "(0)", a trunk prefix written for callers at
    // home, is left out.
    let mut e164 = String::with_capacity(17);
    e164.push('+');
    let mut end = k;
    while k < b.len() && e164.len() <= 16 {
        let c = b[k];
        if c.is_ascii_digit() {
            e164.push(char::from(c));
            k += 1;
            end = k;
        } else if b[k..].starts_with(b"(0)") {
            k += 3;
        } else if matches!(c, b' ' | b'-' | b'.' | b'/' | b'(' | b')')
            && b.get(k + 1)
                .is_some_and(|n| n.is_ascii_digit() || matches!(n, b' ' | b'(' | b'-'))
            && !b[k..].starts_with(b"  ")
        {
            k += 1;
        } else if c == b')' {
            k += 1;
            end = k;
        } else {
            break;
        }
    }
    if b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return Err(fail());
    }
    let cc = calling_code_len(&e164.as_bytes()[1..]);
    drop_trunk_zero(&mut e164, cc);
    let digits = &e164.as_bytes()[1..];
    let national = digits.len().saturating_sub(cc);
    let fits = if digits.first() == Some(&b'1') {
        national == 10
    } else {
        (4..=13).contains(&national)
    };
    if !fits || digits.len() > 15 {
        return Err(fail());
    }
    Ok((&i[end..], Some(e164)))
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

/// A foreign number written without "+", its calling code first, in a shape
/// no North American number has: "355-4-232222" | "(54-11) 5777-4533" |
/// "(237) 22220-1500" | "(504) 2238-5114". Read only after a "tel." or
/// "fax" label (see `phone_at`): without one, such digits are too often
/// something else.
fn calling_code_first(i: &str) -> IResult<&str, Option<String>> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let b = i.as_bytes();
    let bracketed = b.first() == Some(&b'(');
    // The groups of digits and where they end.
    let mut groups: Vec<&str> = Vec::with_capacity(5);
    let mut k = usize::from(bracketed);
    let mut end = k;
    while k < b.len() && groups.len() < 6 {
        let len = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 {
            break;
        }
        groups.push(&i[k..k + len]);
        k += len;
        end = k;
        match b.get(k) {
            Some(b')') if bracketed && groups.len() <= 2 => k += 1,
            _ => {}
        }
        match b.get(k) {
            Some(b'-' | b'.') => k += 1,
            Some(b' ') if b.get(k + 1).is_some_and(u8::is_ascii_digit) => k += 1,
            _ => break,
        }
    }
    if b.get(end).is_some_and(u8::is_ascii_alphanumeric) || groups.len() < 2 {
        return Err(fail());
    }
    let digits: String = groups.concat();
    let code = groups[0];
    // The first group is the calling code, or its start ("88-02-885-5500"
    // for +880 2 ...), and no trunk or US area code.
    let is_code = !code.starts_with(['0', '1'])
        && calling_code_len(digits.as_bytes()) >= code.len()
        && code.len() >= 2;
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let north_american = matches!(lengths.as_slice(), [3, 3, 4] | [1, 3, 3, 4]);
    let national = digits.len() - code.len();
    if !is_code || north_american || !(6..=12).contains(&national) {
        return Err(fail());
    }
    let mut e164 = format!("+{digits}");
    if calling_code_len(digits.as_bytes()) == code.len() {
        drop_trunk_zero(&mut e164, code.len());
    }
    Ok((&i[end..], Some(e164)))
}

/// A number written for callers at home, opening with the trunk prefix 0:
/// "(02) 6214 5600", "020 7499 9000", "0414-306-001". Its country is not
/// written; the context may give it (see `localise`), else it has no E.164
/// form.
fn national(i: &str) -> IResult<&str, Option<String>> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let b = i.as_bytes();
    let open = usize::from(b.first() == Some(&b'('));
    if b.get(open) != Some(&b'0') || b.get(open + 1).is_none_or(|c| !(b'1'..=b'9').contains(c)) {
        return Err(fail());
    }
    let mut k = open;
    let mut count = 0;
    let mut groups = 0;
    let mut end = k;
    while k < b.len() {
        let len = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 {
            break;
        }
        count += len;
        groups += 1;
        k += len;
        end = k;
        if open == 1 && groups == 1 {
            if b.get(k) != Some(&b')') {
                return Err(fail());
            }
            k += 1;
            end = k;
        }
        match (b.get(k), b.get(k + 1)) {
            (Some(b'-' | b'.' | b' '), Some(c)) if c.is_ascii_digit() => k += 1,
            _ => break,
        }
    }
    if b.get(end).is_some_and(u8::is_ascii_alphanumeric) || !(9..=11).contains(&count) || groups < 2
    {
        return Err(fail());
    }
    Ok((&i[end..], None))
}

/// "+81-03-3224-5000": a trunk "0" written after the calling code is dialled
/// only at home, and is no part of the E.164 number, except where the
/// numbering plan keeps it (Italy +39, San Marino +378, the Holy See +379).
fn drop_trunk_zero(e164: &mut String, cc: usize) {
    let Some(code) = e164.get(1..=cc) else {
        return;
    };
    if e164.as_bytes().get(1 + cc) == Some(&b'0') && !matches!(code, "39" | "378" | "379") {
        e164.remove(1 + cc);
    }
}

/// Is there a telephone or fax label just before: "tel. ", "Phone: ", "fax "?
fn labelled(before: &str) -> bool {
    let tail = before.trim_end().to_ascii_lowercase();
    let tail = tail.trim_end_matches([':', '.']);
    [
        "tel",
        "telephone",
        "phone",
        "fax",
        "tel/fax",
        "facsimile",
        "switchboard",
    ]
    .iter()
    .any(|w| tail.ends_with(w))
}

/// Does the prose just before say a number follows, as it does before a
/// number written for callers at home: a label, "dial", "call", "from
/// within the country,"?
fn introduces_a_number(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    labelled(before)
        || ["dial", "call", "within", "tel", "phone"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Numbers whose country only the context gives, given it: `region` is the
/// document's country. A number written for callers at home ("(02) 6214
/// 5600" in Australia) gets the region's code for its trunk 0; a number
/// read as North American whose "area code" opens with the region's own
/// calling code ("680-488-2920" in Palau, "(571) 315-0811" in Colombia) is
/// that country's, unless the sentence gives a U.S. address.
pub(crate) fn localise(src: &str, values: &mut [Value], region: Option<&str>) {
    let Some(region) = region else {
        return;
    };
    let Some(cc) = super::calling_codes::calling_code(region) else {
        return;
    };
    if cc == 1 {
        return;
    }
    let cc = cc.to_string();
    let mut us_address_end = None;
    for v in values.iter_mut() {
        match &mut v.data {
            ValueData::Address(a) => {
                // A state of the Union ("CA", "New York", "D.C."), not one of
                // the freely associated states, whose numbers are their own.
                let us = a.state.as_deref().is_some_and(|s| {
                    let code = super::street_words::STATE_NAMES
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case(s))
                        .map_or(s, |(_, code)| code);
                    !matches!(code, "PW" | "MH" | "FM")
                });
                us_address_end = us.then_some(v.span.end);
            }
            ValueData::Phone(p) => {
                // "...; tel. (415) 788-2272": the label's point ends no sentence.
                let same_sentence = us_address_end.is_some_and(|e| {
                    e <= v.span.start
                        && !crate::parse::text::sentence::clause_break_sentence(
                            &src[e..v.span.start],
                        )
                });
                // "+1 (212) 758-7490" says its country.
                let explicit =
                    v.text.starts_with('+') || v.text.starts_with("1-") || v.text.starts_with("1 ");
                match p.e164.as_deref() {
                    None if super::calling_codes::trunk_zero(region) => {
                        let digits: String = v.text.chars().filter(char::is_ascii_digit).collect();
                        if let Some(national) = digits.strip_prefix('0') {
                            p.e164 = Some(format!("+{cc}{national}"));
                        }
                    }
                    Some(e)
                        if e.starts_with("+1")
                            && e[2..].starts_with(&cc)
                            && !same_sentence
                            && !explicit =>
                    {
                        p.e164 = Some(format!("+{}", &e[2..]));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

// The scanner's entry: the value this kind makes where the scan finds it.

pub(crate) fn phone_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let (stop, e164) = read(src, i, end, phone)
        // A bracketed calling code ("after hours, (504) 2236-8497") is its
        // own label: its shape is no North American number's.
        .or_else(|| {
            (labelled(before(src, i, 16)) || src.as_bytes()[i] == b'(')
                .then(|| read(src, i, end, calling_code_first))
                .flatten()
        })
        // The shape first: it needs a leading 0, so most numbers (years)
        // never have the prose before them read.
        .or_else(|| {
            read(src, i, end, national).filter(|_| introduces_a_number(before(src, i, 40)))
        })?;
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

    #[test]
    fn calling_code_first_without_a_plus_after_a_label() {
        for (text, e164) in [
            ("355-4-232222", "+3554232222"),
            ("(54-11) 5777-4533", "+541157774533"),
            ("(237) 22220-1500", "+237222201500"),
            ("(504) 2238-5114", "+50422385114"),
        ] {
            assert_eq!(
                calling_code_first(text).map(|(_, e)| e),
                Ok(Some(e164.to_string())),
                "{text}"
            );
        }
        // North American shapes and trunk prefixes are not read this way.
        for text in [
            "202-223-2418",
            "(202) 833-9860",
            "02-6214-5600",
            "1-202-555-0100",
        ] {
            assert!(calling_code_first(text).is_err(), "{text}");
        }
        assert!(labelled("tel. ") && labelled("Phone: ") && labelled("fax ") && !labelled("in "));
    }

    #[test]
    fn a_trunk_zero_after_the_calling_code_is_dropped_but_italy_keeps_it() {
        assert_eq!(
            international("+81-03-3224-5000").map(|(_, e)| e),
            Ok(Some("+81332245000".into()))
        );
        assert_eq!(
            international("+39 06 4674 1").map(|(_, e)| e),
            Ok(Some("+390646741".into()))
        );
        // A plus and a lone digit is no number, and no panic.
        assert!(international("+9").is_err());
        assert!(international("+").is_err());
    }

    #[test]
    fn international_notations() {
        for (text, e164) in [
            ("+49 171 1234567", "+491711234567"),
            ("+49 176/12345678", "+4917612345678"),
            ("+(355) (0) 4224-7285", "+35542247285"),
            ("+44 (0)113 496 0000", "+441134960000"),
            ("(+45) 33 41 71 00", "+4533417100"),
            ("0049 171 1234567", "+491711234567"),
            ("011-52-55-5080-2000", "+525550802000"),
            ("+1 613-688-5335", "+16136885335"),
        ] {
            assert_eq!(
                international(text).map(|(_, e)| e),
                Ok(Some(e164.to_string())),
                "{text}"
            );
        }
        // Too few digits after the code, too many for E.164, a U.S. code
        // without ten digits.
        assert!(international("+45 12").is_err());
        assert!(international("+49 1234 5678 9012 3456").is_err());
        assert!(international("+1 202 555").is_err());
        assert!(international("2018 was").is_err());
    }

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

    #[test]
    fn national_numbers_get_their_country_from_the_context() {
        let src = "Embassy; tel. (02) 6214 5600 from within Australia; or +1 (202) 797-3000.";
        let at = src.find("(02)").unwrap();
        let mut values = vec![phone_at(src, at, src.len()).unwrap()];
        let ValueData::Phone(p) = &values[0].data else {
            unreachable!()
        };
        assert_eq!(p.e164, None, "no country is written");
        localise(src, &mut values, Some("AU"));
        let ValueData::Phone(p) = &values[0].data else {
            unreachable!()
        };
        assert_eq!(p.e164.as_deref(), Some("+61262145600"));
        // A North American reading whose area code is the country's calling
        // code is that country's number.
        let src = "Telephone: 680-488-2920.";
        let mut values = vec![phone_at(src, 11, src.len()).unwrap()];
        localise(src, &mut values, Some("PW"));
        let ValueData::Phone(p) = &values[0].data else {
            unreachable!()
        };
        assert_eq!(p.e164.as_deref(), Some("+6804882920"));
        // Without a label or a verb before it, a 0-led run is no phone.
        let src = "The count was 0414 306 001 in all.";
        assert!(phone_at(src, 14, src.len()).is_none());
    }

    /// The phones `crate::parse` reads from a whole sheet, in E.164.
    fn sheet_phones(text: &str) -> Vec<Option<String>> {
        crate::parse(text)
            .unwrap()
            .values
            .into_iter()
            .filter_map(|v| match v.data {
                ValueData::Phone(p) => Some(p.e164),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_sheet_s_country_and_what_the_number_says_of_its_own() {
        let some = |e: &str| Some(e.to_string());
        // A bracketed calling code needs no label; "00 351 ..." is dialled abroad.
        assert_eq!(
            sheet_phones("U.S. Relations With Honduras\n\nHonduras is near. Telephone: (504) 2238-5114; after hours, (504) 2236-8497.\n"),
            [some("+50422385114"), some("+50422368497")]
        );
        assert_eq!(
            sheet_phones("U.S. Relations With Portugal\n\nPortugal is near. The embassy's tel. 00 351 21 727 3300; fax 00 351 21 726 9109.\n"),
            [some("+351217273300"), some("+351217269109")]
        );
        // "+1" says the country; so does a U.S. address before the number,
        // across a label's point ("; tel. (415)").
        assert_eq!(
            sheet_phones("U.S. Relations With Morocco\n\nMorocco is near. Its consulate is at 10 East 40th Street, New York, NY 10016 (tel. +1 (212) 758-2625).\n"),
            [some("+12127582625")]
        );
        assert_eq!(
            sheet_phones("U.S. Relations With Switzerland\n\nSwitzerland is near. San Francisco: 456 Montgomery Street, San Francisco, CA 94104; tel. (415) 788-2272\n"),
            [some("+14157882272")]
        );
    }

    #[test]
    fn spaced_and_bracketed_international_forms() {
        assert_eq!(e164("00 94 11 249 8500"), Some("+94112498500".into()));
        assert_eq!(e164("[57] (1) 275-2000"), Some("+5712752000".into()));
        assert_eq!(e164("[234] (09) 523-0916"), Some("+23495230916".into()));
    }
}

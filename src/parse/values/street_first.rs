//! Addresses with no postal code, read forward: prose introduces an
//! address with a locative ("is at", "located on", "works from",
//! "addressed to", "Address:"), and the address runs from a street, a
//! building or a post box, through its districts, to the city (and the
//! country or state) that closes it: "at 12 Madani Avenue, Gulshan, Dhaka;",
//! "on Avenida La Paz, Tegucigalpa M.D.C.;", "to B.P. 620, Antananarivo."
//!
//! Without a code to anchor it, only the full form is taken: a part that
//! opens a street (see [`address_parts::role`]), at least one part after it,
//! and a last part that reads as a city's name before the clause ends.

use super::address_parts::{self, Part, Role};
use super::make_address;
use super::street_words::{STATE_CODES, STATE_NAMES};
use crate::address::Address;
use crate::parse::facts::codes::country_code;
use crate::parse::text::skip::next_word_opening;
use crate::parse::text::words::collapse;
use crate::value::{Value, ValueData};

/// How far an address may run from its first part, in bytes.
const REACH: usize = 200;

/// Is `word` one after which prose gives a place? A `match`, which tests
/// the length first: the reader asks it at every capital and digit.
fn is_lead_in(word: &str) -> bool {
    matches!(
        word,
        "at" | "on" | "from" | "is" | "to" | "in" | "address" | "Address" | "addressed"
    )
}

/// Every address in `src[start..end]` that a locative introduces, pushed
/// onto `out`, except where an address already lies: one of `scanned` (the
/// scan's values for the passage) or of `out[own..]` (the code pass's).
pub(crate) fn addresses(
    src: &str,
    start: usize,
    end: usize,
    scanned: &[Value],
    out: &mut Vec<Value>,
    own: usize,
) {
    let bytes = src.as_bytes();
    let mut from = start;
    // Each capital, digit or letter beyond ASCII after a space or a
    // bracket, found eight bytes at a time.
    let mut next = start + 1;
    while next < end {
        let at = next_word_opening(bytes, next, end);
        next = at + 1;
        if at >= end || at < from {
            continue;
        }
        let space = at - 1;
        let before = &src[start..space];
        let mut word_start = space;
        while word_start > start && !matches!(bytes[word_start - 1], b' ' | b'\n') {
            word_start -= 1;
        }
        let word = src[word_start..space].trim_end_matches(':');
        // "is in the Ecobank Building": a lead-in and "the".
        let lead_the = word == "the"
            && before[..before.len() - 3]
                .trim_end()
                .rsplit([' ', '\n'])
                .next()
                .is_some_and(is_lead_in);
        let lead = is_lead_in(word) || before.ends_with(':') || lead_the;
        // A post box opens an address wherever it stands: "(P.O. Box 9123,
        // Dar es Salaam)", "as P.O. Box 5760, Garki, Abuja".
        if !lead && !address_parts::opens_box(&src[at..end]) {
            continue;
        }
        let clashes = |out: &[Value], a: usize, b: usize| {
            scanned
                .iter()
                .filter(|v| matches!(v.data, ValueData::Address(_)))
                .chain(&out[own..])
                .any(|v| v.span.start < b && a < v.span.end)
        };
        if clashes(out, at, at + 1) {
            continue;
        }
        if let Some(found) = address_from(src, at, end) {
            if clashes(out, found.span.start, found.span.end) {
                continue;
            }
            from = found.span.end;
            out.push(found);
        }
    }
}

/// Where the clause that holds an address ends: a semicolon, a bracket, a
/// blank line, or a sentence's end (a period after a word that is not an
/// abbreviation).
fn clause_end(src: &str, at: usize, end: usize) -> usize {
    let limit = (at + REACH).min(end);
    let b = src.as_bytes();
    let mut k = at;
    while k < limit {
        match b[k] {
            b';' | b'(' | b')' => return k,
            b'\n' if b.get(k + 1) == Some(&b'\n') => return k,
            b'.' => {
                let next = b.get(k + 1).copied();
                if next.is_none_or(|c| c == b' ' || c == b'\n' || c == b'\r') {
                    let word = src[at..k]
                        .rsplit([' ', '.', ',', '\n'])
                        .next()
                        .unwrap_or("");
                    // A suffix is a word ("Ave.", "Blvd."): one with a digit
                    // ("2009-2011.") ends the sentence unread.
                    let abbreviation = word.chars().count() <= 3
                        || !word.bytes().any(|c| c.is_ascii_digit())
                            && super::street_words::SUFFIXES
                                .iter()
                                .any(|s| s.eq_ignore_ascii_case(word));
                    if !abbreviation {
                        return k;
                    }
                }
            }
            _ => {}
        }
        k += 1;
    }
    let mut limit = limit;
    while !src.is_char_boundary(limit) {
        limit -= 1;
    }
    limit
}

/// Prose that may stand between an address's parts without ending it: a
/// description of where the place is ("between 3er Anillo Interno and
/// ...", "next to the golf club").
fn describes(part: &str) -> bool {
    ["between ", "near ", "next to ", "opposite ", "behind "]
        .iter()
        .any(|d| part.starts_with(d))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The address that opens at `at`, if the full form is there.
fn address_from(src: &str, at: usize, end: usize) -> Option<Value> {
    let stop = clause_end(src, at, end);
    // A street and a city are two parts at least: a clause with no comma
    // or line break in it ("in 2019", "at the United Nations") holds none,
    // and is turned away before it is split.
    let comma = at + memchr::memchr2(b',', b'\n', &src.as_bytes()[at..stop])?;
    // The first part opens the street, or names the city the street is in
    // ("in Nuku'alofa, 4th Floor, ..."): one part classified turns away the
    // prose that most lead-ins open ("in the United States, ...").
    let first = src[at..comma].trim();
    if address_parts::role(first) == Role::Other
        && !(src[..at].ends_with(" in ")
            && first.starts_with(char::is_uppercase)
            && address_parts::city(first).is_some())
    {
        return None;
    }
    let mut parts: Vec<Part<'_>> = Vec::new();
    for p in address_parts::split(src, at, stop) {
        if p.text.starts_with(|c: char| c.is_lowercase()) && !p.text.starts_with("corner of") {
            if describes(p.text) {
                continue;
            }
            break;
        }
        parts.push(p);
    }
    // "on 12 December, Paris" is a date.
    let second = parts.first()?.text.split(' ').nth(1).unwrap_or("");
    if MONTHS.iter().any(|m| second.starts_with(m)) {
        return None;
    }
    // "the embassy in Nuku'alofa, 4th Floor, ...": the city the prose
    // names, then the address in it.
    if address_parts::role(parts[0].text) == Role::Other
        && parts.len() > 2
        && address_parts::city(parts[0].text).is_some()
        && src[..at].ends_with(" in ")
    {
        parts.remove(0);
        return address_in(src, &parts);
    }
    address_in(src, &parts)
}

/// The address that `parts` make, if they make one.
fn address_in(src: &str, parts: &[Part<'_>]) -> Option<Value> {
    let at = parts.first()?.at;
    if address_parts::role(parts[0].text) == Role::Other {
        return None;
    }
    let (first, last) = address_parts::street(parts)?;
    if first != 0 || last + 1 >= parts.len() {
        return None;
    }
    // From the end: a country, a state, then the city.
    let mut tail = parts.len() - 1;
    let mut country = None;
    let mut state = None;
    // "Bogotá, D.C.", "Santo Domingo, D.N.", "Tegucigalpa, M.D.C.": the
    // capital's district after its city, kept in the text, no state.
    let district = tail > last + 1
        && CAPITAL_DISTRICTS.contains(&parts[tail].text.trim())
        && parts[tail - 1].text != "Washington";
    if district {
        tail -= 1;
    } else if tail > last + 1 {
        if let Some(code) = country_code(parts[tail].text.trim_end_matches('.')) {
            country = Some(code.to_string());
            tail -= 1;
        } else if let Some(s) = us_state(parts[tail].text)
            // "Bogotá, D.C.": the capital's designation, not a state.
            .filter(|s| !s.starts_with('D') || parts[tail - 1].text == "Washington")
        {
            state = Some(s.to_string());
            tail -= 1;
        }
    }
    let city = address_parts::city(parts[tail].text)?;
    // Districts between the street and the city: a few, each short.
    if tail - last > 3 || parts[last + 1..tail].iter().any(|p| p.text.len() > 40) {
        return None;
    }
    let end_at = match (&country, &state) {
        (None, None) if district => parts[parts.len() - 1].end(),
        (None, None) => parts[tail].at + parts[tail].text.trim_end_matches(['.', ':']).len(),
        _ => parts[parts.len() - 1].end(),
    };
    let street = collapse(&src[parts[0].at..parts[last].end()]);
    let address = Address {
        street: Some(street),
        city: Some(city.to_string()),
        state,
        postal_code: None,
        country,
    };
    Some(make_address(src, at, end_at, address))
}

/// The designations of a capital's district written after its city: the
/// Distrito Capital (Bogotá), Distrito Federal (México, before 2016),
/// Distrito Nacional (Santo Domingo), Municipio del Distrito Central
/// (Tegucigalpa).
const CAPITAL_DISTRICTS: [&str; 4] = ["D.C.", "D.F.", "D.N.", "M.D.C."];

/// A U.S. state as written at the end of an address: "D.C.", "DC", "Texas".
fn us_state(part: &str) -> Option<&str> {
    let t = part.trim();
    let bare = t.trim_end_matches('.');
    (t == "D.C."
        || bare.len() == 2 && STATE_CODES.contains(&bare)
        || STATE_NAMES.iter().any(|(name, _)| *name == bare))
    .then_some(if t == "D.C." { t } else { bare })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        addresses(s, 0, s.len(), &[], &mut out, 0);
        out.into_iter()
            .map(|v| match v.data {
                ValueData::Address(a) => (
                    v.text.to_string(),
                    a.street.unwrap_or_default(),
                    a.city.unwrap_or_default(),
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    fn one(s: &str) -> (String, String) {
        let f = found(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        let (_, street, city) = f.into_iter().next().unwrap();
        (street, city)
    }

    #[test]
    fn a_capital_district_after_the_city_is_no_state() {
        let f = found("The embassy is at Calle 72 No. 5-83, Bogotá, D.C.; tel. 555.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Calle 72 No. 5-83, Bogotá, D.C.");
        assert_eq!(
            (f[0].1.as_str(), f[0].2.as_str()),
            ("Calle 72 No. 5-83", "Bogotá")
        );
        let f = found("The office is at Avenida Sarasota 45, Santo Domingo, D.N.; tel.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].2, "Santo Domingo");
    }

    #[test]
    fn addresses_a_locative_introduces() {
        for (text, street, city) in [
            (
                "The embassy is at 12 Madani Avenue, Gulshan, Dhaka; tel.",
                "12 Madani Avenue",
                "Dhaka",
            ),
            (
                "The U.S. Embassy is at Avenida Arce 2780, La Paz; tel.",
                "Avenida Arce 2780",
                "La Paz",
            ),
            (
                "An agency works from Radial Castilla S/N, between 3er Anillo Interno and 3er Anillo Externo, Santa Cruz (fax",
                "Radial Castilla S/N",
                "Santa Cruz",
            ),
            (
                "It is on Avenue Rosa Parks, Mbankolo, Yaoundé, next to the Golf Club; its",
                "Avenue Rosa Parks",
                "Yaoundé",
            ),
            (
                "Its consulate is at 180 North Stetson Avenue, Chicago.",
                "180 North Stetson Avenue",
                "Chicago",
            ),
            (
                "The embassy is on Avenida La Paz, Tegucigalpa M.D.C.; its",
                "Avenida La Paz",
                "Tegucigalpa",
            ),
            (
                "It is located at 142 Old Hope Road, Kingston 6, in the Liguanea area;",
                "142 Old Hope Road",
                "Kingston",
            ),
            (
                "Mail is addressed to B.P. 620, Antananarivo. Telephone",
                "B.P. 620",
                "Antananarivo",
            ),
            (
                "located at Plot 1075, Diplomatic Drive, Central Business District, Abuja, and the",
                "Plot 1075, Diplomatic Drive",
                "Abuja",
            ),
            (
                "is at 686 Old Bagamoyo Road, Msasani, Dar es Salaam (P.O. Box 9123",
                "686 Old Bagamoyo Road",
                "Dar es Salaam",
            ),
            (
                "The embassy is on Entoto Street, P.O. Box 1014, Addis Ababa; telephone",
                "Entoto Street, P.O. Box 1014",
                "Addis Ababa",
            ),
        ] {
            assert_eq!(one(text), (street.into(), city.into()), "{text}");
        }
    }

    #[test]
    fn a_state_or_a_country_closes_the_address() {
        let mut out = Vec::new();
        let s =
            "Its embassy has been at 1911 Pennsylvania Avenue NW, Washington, D.C., since 1989.";
        addresses(s, 0, s.len(), &[], &mut out, 0);
        let ValueData::Address(a) = &out[0].data else {
            unreachable!()
        };
        assert_eq!(a.state.as_deref(), Some("D.C."));
        assert_eq!(a.city.as_deref(), Some("Washington"));
        assert_eq!(
            &*out[0].text,
            "1911 Pennsylvania Avenue NW, Washington, D.C."
        );
        let s = "Write to P.O. Box 354, Amman, Jordan.";
        out.clear();
        addresses(s, 0, s.len(), &[], &mut out, 0);
        let ValueData::Address(a) = &out[0].data else {
            unreachable!()
        };
        assert_eq!(a.country.as_deref(), Some("JO"));
    }

    #[test]
    fn prose_that_is_not_an_address() {
        for s in [
            "The treaty was signed on 12 December, Paris hosted it.",
            "It opened in 1989, Dhaka said.",
            "The mission is on Embassy Row, and it",
            "He spoke at 16th Street, the old house.",
            "The office is at the corner, Dhaka.",
            "It was moved to Avenue Rosa Parks.",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }
}

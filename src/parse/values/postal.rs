//! Addresses found from their end: a postal code is the surest mark of an
//! address in any country, so this pass finds the codes first and reads each
//! address back from its code to where it starts.
//!
//! - U.S. (USPS Publication 28): a state, abbreviated or spelled out ("NY",
//!   "D.C.", "Texas"), then a ZIP or ZIP+4 ("10017", "20521-6050"), glued or
//!   not ("TX78217"), with "USA" between them or not.
//! - Elsewhere, the national forms: a code before the city ("0244 Oslo",
//!   "1000 Brussels", "06500 Ciudad de México"), after it ("Tirana 1001",
//!   "New Delhi - 110021"), Canadian ("K1N 1G8"), British ("SW1A 2AE"),
//!   Argentine ("C1425GMN"), Portuguese ("1600-081"), Dutch ("2514 AP").
//!
//! From the code back, the address starts at the first word after a
//! boundary (a label such as "Address:", "located at", "is at", a
//! semicolon, an opening bracket, the start of the passage) that can open a
//! street: a house number, a spelled number ("One United Nations Plaza"), a
//! post office box, a unit, or, abroad, any capitalised word. The street and
//! the city are told apart by commas or, without them, by the street's
//! suffix.

use super::address_parts;
use super::make_address;
use super::street_words::{is_suffix, PROVINCES, SPELLED, STATE_CODES, STATE_NAMES, UNIT_WORDS};
use crate::address::Address;
use crate::parse::facts::codes::country_code;
use crate::parse::text::skip::next_code_start;
use crate::parse::text::words::{collapse, Needles};
use crate::value::{Value, ValueData};

/// How far back from its postal code an address may start, in bytes.
const REACH: usize = 160;

/// Every address in `src[start..end]` that ends in a postal code.
///
/// `scanned` are the scan's values for the passage, in order: the digits of
/// a phone number or an amount there ("(202) 833-9860", "$20,036") are no
/// postal code, and an address read around them would give way to them.
pub(crate) fn addresses(
    src: &str,
    start: usize,
    end: usize,
    scanned: &[Value],
    out: &mut Vec<Value>,
) {
    let bytes = src.as_bytes();
    let mut i = start;
    // Where the last address found ended: the next starts after it.
    let mut floor = start;
    let mut numbers = scanned
        .iter()
        .filter(|v| matches!(v.data, ValueData::Phone(_) | ValueData::Money(_)))
        .peekable();
    while i < end {
        // Codes start at a digit or, for the alphanumeric forms, a capital,
        // that opens a word: the rest (lower-case words, the other digits of
        // a number) is passed eight bytes at a time.
        i = next_code_start(bytes, start, i, end);
        if i == end {
            break;
        }
        // A number before the code belongs to what precedes it ("..., FL
        // 33155 (tel. 305-269-9399), and Chicago, 4506 W. Fullerton
        // Ave., ..."): no street runs through a phone, so the next address
        // starts after it.
        while let Some(v) = numbers.next_if(|v| v.span.end <= i) {
            if matches!(v.data, ValueData::Phone(_)) {
                floor = floor.max(v.span.end);
            }
        }
        if let Some(v) = numbers.peek().filter(|v| v.span.start <= i) {
            i = v.span.end;
            continue;
        }
        let b = bytes[i];
        if i > start && bytes[i - 1].is_ascii_alphanumeric() && !glued_zip(bytes, i) {
            i += 1;
            continue;
        }
        // A code that opens with a capital has a digit within its first
        // four bytes ("LT-03106", "D04 TP03", "K1N 1G8", "SW1A 2AE"); else
        // the capital can only be a state's code after ", " ("..., NJ."). The
        // capitalised words of prose are turned away here, at one look.
        let found = if b.is_ascii_digit() {
            us_address(src, floor, i, end).or_else(|| foreign_address(src, floor, i, end))
        } else if bytes[i + 1..(i + 4).min(end)]
            .iter()
            .any(u8::is_ascii_digit)
        {
            foreign_address(src, floor, i, end)
        } else if i >= 2 && &bytes[i - 2..i] == b", " {
            us_address_without_zip(src, floor, i, end)
        } else {
            None
        };
        if let Some(found) = found {
            i = found.span.end;
            floor = i;
            out.push(found);
            continue;
        }
        i += 1;
    }
}

/// The latest of `floor` and `REACH` bytes before `at`, on a character
/// boundary: every look-back from a code reads a bounded window, so a
/// passage full of numbers is not read again from its start for each one.
fn reach_back(src: &str, floor: usize, at: usize) -> usize {
    let mut lo = at.saturating_sub(REACH).max(floor);
    while !src.is_char_boundary(lo) {
        lo += 1;
    }
    lo
}

/// The scan's values and the addresses found from their codes, in order: an
/// address the scan found stays unless a new one holds all of it; a new one
/// replaces the values it covers (a street number read as a year, a code
/// read as a count).
pub(crate) fn merge(mut values: Vec<Value>, mut by_code: Vec<Value>) -> Vec<Value> {
    if by_code.is_empty() {
        return values;
    }
    by_code.sort_by_key(|v| v.span.start);
    // The passes that found them never overlap one another's; keep it so.
    by_code.dedup_by(|later, kept| later.span.start < kept.span.end);
    let overlaps = |a: &Value, b: &Value| a.span.start < b.span.end && b.span.start < a.span.end;
    // Both lists are in order: a cursor over the scan's values per address.
    let mut keep_new = Vec::with_capacity(by_code.len());
    let mut k = 0;
    for new in by_code {
        while k < values.len() && values[k].span.end <= new.span.start {
            k += 1;
        }
        let clash = values[k..]
            .iter()
            .take_while(|v| v.span.start < new.span.end)
            .any(|v| {
                // An address the scan read from its house number gives way
                // to the same address read with the building before it.
                let inside = new.span.start <= v.span.start && v.span.end <= new.span.end;
                match v.data {
                    ValueData::Address(_) => overlaps(v, &new) && !inside,
                    ValueData::Phone(_) | ValueData::Money(_) => overlaps(v, &new),
                    _ => false,
                }
            });
        if !clash {
            keep_new.push(new);
        }
    }
    // The values a new address covers go; the rest stay where they are (a
    // second list of a large document's values beside the first was a
    // fifth of its peak memory).
    let mut new = keep_new.iter().peekable();
    values.retain(|v| {
        while new.next_if(|a| a.span.end <= v.span.start).is_some() {}
        !new.peek().is_some_and(|a| overlaps(v, a))
    });
    // What is left overlaps none of the new addresses, so their starts
    // order them all: sorted in place, with no buffer.
    values.extend(keep_new);
    values.sort_unstable_by_key(|v| (v.span.start, v.span.end));
    values
}

/// "TX78217": a ZIP glued to its state.
fn glued_zip(bytes: &[u8], i: usize) -> bool {
    i >= 2
        && bytes[i].is_ascii_digit()
        && bytes[i - 1].is_ascii_uppercase()
        && bytes[i - 2].is_ascii_uppercase()
        && (i < 3 || !bytes[i - 3].is_ascii_alphanumeric())
}

/// A U.S. address ending in a ZIP at `zip`.
fn us_address(src: &str, floor: usize, zip: usize, end: usize) -> Option<Value> {
    let bytes = src.as_bytes();
    let digits = bytes[zip..end]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits != 5 {
        return None;
    }
    let mut stop = zip + 5;
    // ZIP+4, with a hyphen or a dash.
    for dash in ["-", "—", "–"] {
        if let Some(rest) = src.get(stop..end).and_then(|r| r.strip_prefix(dash)) {
            if rest.len() >= 4
                && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                && !rest.as_bytes().get(4).is_some_and(u8::is_ascii_digit)
            {
                stop += dash.len() + 4;
            }
            break;
        }
    }
    if bytes.get(stop).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    // Before the ZIP: "NY " | "D.C. " | "Texas, USA " | "TX".
    let near = reach_back(src, floor, zip);
    let head = src.get(near..zip)?;
    let head_trim = head.trim_end_matches([' ', ',', '\u{a0}']);
    let head_trim = head_trim
        .strip_suffix("USA")
        .or_else(|| head_trim.strip_suffix("U.S.A."))
        .map_or(head_trim, |h| h.trim_end_matches([' ', ',']));
    let (state, state_at) = state_before(head_trim)?;
    let state_at = near + state_at;
    if let Some(found) = military(src, near, state_at, state, zip, stop) {
        return Some(found);
    }
    let (street_at, street, city) = street_and_city(src, floor, state_at, true)?;
    let address = Address {
        street: Some(street),
        city,
        state: Some(state.to_string()),
        postal_code: Some(src[zip..stop].replace(['—', '–'], "-")),
        country: None,
    };
    Some(make_address(src, street_at, stop, address))
}

/// Military and diplomatic mail (Publication 28, section 225): "PSC 59, Box
/// 100 (A), APO AE 09624", "APO AE 09892-0200": the "city" is APO, FPO or
/// DPO, the "state" AA, AE or AP, and the street, if any, a unit and box
/// (PSC, CMR, Unit) written before it.
fn military(
    src: &str,
    near: usize,
    state_at: usize,
    state: &str,
    zip: usize,
    stop: usize,
) -> Option<Value> {
    if !matches!(state, "AA" | "AE" | "AP") {
        return None;
    }
    let head = src[near..state_at].trim_end();
    let city_at = near + head.len().checked_sub(3)?;
    let city = src.get(city_at..near + head.len())?;
    if !matches!(city, "APO" | "FPO" | "DPO") {
        return None;
    }
    // The unit and box: from "PSC", "CMR" or "Unit" in the same clause.
    let before = &src[near..city_at];
    let opener = ["PSC ", "CMR ", "Unit "]
        .iter()
        .filter_map(|o| before.rfind(o))
        .max()
        .filter(|&k| !before[k..].contains([';', ':']));
    let (start, street) = match opener {
        Some(k) => (
            near + k,
            Some(collapse(before[k..].trim_end_matches([' ', ',', '\n']))),
        ),
        None => (city_at, None),
    };
    let address = Address {
        street,
        city: Some(city.to_string()),
        state: Some(state.to_string()),
        postal_code: Some(src[zip..stop].replace(['—', '–'], "-")),
        country: None,
    };
    Some(make_address(src, start, stop, address))
}

/// A U.S. address that ends in its state's code with no ZIP, as prose
/// writes it: "located at 1720 Harding Highway, Newfield, NJ." Without the
/// ZIP only the strict form is taken: a house number, a street that names
/// its way (a suffix: "Highway", "Dr", "Ave."), a city, ", " and the code,
/// then the end of the sentence or clause.
fn us_address_without_zip(src: &str, floor: usize, at: usize, end: usize) -> Option<Value> {
    let b = src.as_bytes();
    let code = src.get(at..at + 2)?;
    let after = b.get(at + 2).copied();
    let closes = after.is_none_or(|c| matches!(c, b'.' | b',' | b';' | b'\n' | b')'))
        && !b.get(at + 3).is_some_and(u8::is_ascii_digit);
    if at < 2 || &b[at - 2..at] != b", " || !closes || at + 2 > end || !STATE_CODES.contains(&code)
    {
        return None;
    }
    let (street_at, street, city) = street_and_city(src, floor, at, true)?;
    let numbered = street.starts_with(|c: char| c.is_ascii_digit());
    let named = names_a_way(&street, |_| false);
    if !numbered || !named || city.is_none() {
        return None;
    }
    let address = Address {
        street: Some(street),
        city,
        state: Some(code.to_string()),
        postal_code: None,
        country: None,
    };
    Some(make_address(src, street_at, at + 2, address))
}

/// The state that ends `head`, as written ("NY", "D.C.", "Texas"), and
/// where it starts.
fn state_before(head: &str) -> Option<(&str, usize)> {
    for dc in ["D.C.", "D.C"] {
        if let Some(h) = head.strip_suffix(dc) {
            return Some((dc, h.len()));
        }
    }
    let word_at = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic() && c != '.')
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = head[word_at..].trim_end_matches('.');
    if word.len() == 2 {
        // Lower case "ll." for "IL" is a typo no rule should guess at; codes
        // are written in capitals.
        return (word.bytes().all(|b| b.is_ascii_uppercase()) && STATE_CODES.contains(&word))
            .then_some((word, word_at));
    }
    STATE_NAMES.iter().find_map(|&(name, _)| {
        let h = head.len().checked_sub(name.len())?;
        (head.is_char_boundary(h)
            && head[h..].eq_ignore_ascii_case(name)
            && !head[..h].ends_with(|c: char| c.is_alphanumeric()))
        .then(|| (&head[h..], h))
    })
}

/// Where the street starts before `city_end`, the street, and the city.
/// `us`: a U.S. street opens with a house number, a spelled number, a box or
/// a unit; elsewhere any capitalised word after the boundary may open it.
fn street_and_city(
    src: &str,
    floor: usize,
    city_end: usize,
    us: bool,
) -> Option<(usize, String, Option<String>)> {
    let from = boundary(src, floor, city_end);
    let part = src.get(from..city_end)?;
    // The first word that can open a street.
    let mut at = None;
    let mut offset = 0;
    let mut words = part.split([' ', '\n']).peekable();
    while let Some(word) = words.next() {
        let clean = word.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.' | ':'));
        let lower = clean.to_ascii_lowercase();
        // Publication 28 gives "Bldg" a number or letter after it ("Bldg
        // 2"); without one the word ends a building's name ("the Harbor
        // Building, 12 Pier Road"), read with the number after it below.
        let named_building = matches!(lower.as_str(), "building" | "bldg")
            && (word.ends_with(',')
                || !words.peek().is_some_and(|next| {
                    let next = next.trim_matches(|c: char| matches!(c, ',' | '.' | '#'));
                    next.starts_with(|c: char| c.is_ascii_digit())
                        || next.len() == 1 && next.starts_with(|c: char| c.is_ascii_uppercase())
                }));
        let opens = clean.starts_with(|c: char| c.is_ascii_digit())
            || SPELLED.contains(&lower.as_str())
            || lower == "p.o"
            || lower == "po"
            || lower.starts_with("p.o")
            || lower == "box"
            || lower == "psc"
            || lower == "unit"
            || lower == "cmr"
            || UNIT_WORDS.contains(&lower.as_str()) && !named_building
            || !us && clean.starts_with(|c: char| c.is_uppercase());
        if opens && !clean.is_empty() {
            at = Some(from + offset);
            break;
        }
        offset += word.len() + 1;
    }
    let mut street_at = at?;
    // "Cigna Tower, 1360 Post Oak Blvd.": a building named before the
    // number opens the street; the article prose puts before it ("is in
    // the Cigna Tower, ...") is no part of its name, where a capital's is
    // ("The Legal Center, One Riverfront Plaza").
    if let Some(b) = address_parts::split(src, from, street_at).last() {
        if address_parts::role(b.text) == address_parts::Role::Building
            && src[b.end()..street_at].trim() == ","
        {
            let article = if b.text.starts_with("the ") { 4 } else { 0 };
            street_at = b.at + article;
        }
    }
    let body = src[street_at..city_end].trim_end_matches([' ', ',', '\n', '\u{a0}']);
    if body.is_empty() {
        return None;
    }
    // Commas part the street from the city: the last part is the city.
    // Abroad the city was found with the code, and all of the body is
    // street, building, unit and district parts.
    let (street, city) = match body.rfind([',', '\n']) {
        _ if !us => (body, None),
        Some(k) => (
            body[..k].trim_end_matches(',').trim(),
            Some(body[k + 1..].trim()),
        ),
        None => split_at_suffix(body),
    };
    // Of those parts, the street's: from its opener (a building's name,
    // a number, a unit) to its last unit; not the districts after it.
    let parts = address_parts::split(src, street_at, street_at + street.len());
    let street = match address_parts::street(&parts) {
        Some((first, last)) => {
            street_at = parts[first].at;
            collapse(&src[street_at..parts[last].end()])
        }
        None => collapse(street),
    };
    if street.is_empty() || us && !street.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // A U.S. street names its way (a suffix, a unit, a box), or is a number
    // and capitalised words ("3602 HIGHPOINT"): "1244 of the Council" is not.
    let named = names_a_way(&street, |w| UNIT_WORDS.contains(&w) || w == "box");
    let capitalised = street
        .split(' ')
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    if us && !named && !capitalised {
        return None;
    }
    let city = city
        .filter(|c| !c.is_empty() && c.len() < 40)
        .map(str::to_string);
    Some((street_at, street, city))
}

/// Does a word of `street` (lower case) name a way: a street suffix, or a
/// word `also` accepts?
fn names_a_way(street: &str, also: impl Fn(&str) -> bool) -> bool {
    street
        .to_ascii_lowercase()
        .split([' ', ','])
        .any(|w| is_suffix(w.trim_end_matches('.')) || also(w))
}

/// "232 Dubei Ct Salt Lake City": the street ends at its last suffix or unit.
fn split_at_suffix(body: &str) -> (&str, Option<&str>) {
    let mut cut = None;
    let mut offset = 0;
    let words: Vec<&str> = body.split(' ').collect();
    for (k, word) in words.iter().enumerate() {
        let lower = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
        offset += word.len() + 1;
        if k > 0
            && (is_suffix(&lower)
                || matches!(
                    lower.as_str(),
                    "nw" | "ne" | "sw" | "se" | "n" | "s" | "e" | "w"
                ))
        {
            cut = Some(offset.min(body.len()));
        }
        if k > 0 && UNIT_WORDS.contains(&lower.as_str()) {
            // The unit's number belongs to the street too.
            cut = Some((offset + words.get(k + 1).map_or(0, |w| w.len() + 1)).min(body.len()));
        }
    }
    match cut {
        Some(c) if c < body.len() => (body[..c].trim_end(), Some(body[c..].trim())),
        _ => (body, None),
    }
}

/// Where an address may start at the latest boundary before `to`: after a
/// label ("Address: ", "located at "), a semicolon, an opening bracket, a
/// sentence's end, or the floor.
fn boundary(src: &str, floor: usize, to: usize) -> usize {
    static MARKS: Needles =
        Needles::new(&[": ", "; ", "(", " at ", " to ", "\n\n", " is ", " in "]);
    let lo = reach_back(src, floor, to);
    let window = &src[lo..to];
    let mut best = 0;
    for (k, mark) in MARKS.rmatches(window.as_bytes()) {
        // No mark is longer than four bytes: one this far back ends sooner.
        if k + 4 <= best {
            break;
        }
        best = best.max(k + MARKS.word(mark).len());
    }
    // A sentence's end: ". " after a word of three or more lower-case letters.
    let b = window.as_bytes();
    for k in (3..b.len().saturating_sub(1)).rev() {
        if k < best {
            break;
        }
        if b[k] == b'.' && b[k + 1] == b' ' && b[k - 3..k].iter().all(u8::is_ascii_lowercase) {
            best = best.max(k + 2);
            break;
        }
    }
    lo + best
}

/// An address abroad ending at, or holding, a postal code at `at`.
fn foreign_address(src: &str, floor: usize, at: usize, end: usize) -> Option<Value> {
    let rest = &src[at..end];
    let code_len = postal_code_len(rest)?;
    let code = &rest[..code_len];
    if reads_as_another_number(src, at, code) {
        return None;
    }
    let after = &rest[code_len..];
    // "0244 Oslo" | "C1425GMN) Buenos Aires": the city after the code.
    let city_after = after
        .strip_prefix(' ')
        .or_else(|| after.strip_prefix(") "))
        .and_then(|a| capitalised_run(a.split('\n').next().unwrap_or(a)).map(|c| (c, a)));
    let near = reach_back(src, floor, at);
    let raw_before = src.get(near..at)?;
    // A code opens its part of the address: after a comma or a line break
    // ("..., 0244 Oslo"), or after the city it follows ("Tirana 1001").
    let after_a_break = raw_before
        .trim_end_matches([' ', '\u{a0}'])
        .ends_with([',', '\n', '(']);
    // A code that neither opens its part before a city nor closes the
    // address after one is none: most numbers in prose end here, before
    // any part of the text around them is read.
    let closes = after.is_empty()
        || after.starts_with([';', ',', '.', '\n', ')'])
        || after.starts_with(" (")
        || after.starts_with(" tel")
        || after.starts_with(" Tel");
    if !closes && city_after.is_none() {
        return None;
    }
    let opens_part = after_a_break || district_before(raw_before);
    if !(closes || opens_part && city_after.is_some()) {
        return None;
    }
    let before = raw_before.trim_end_matches([' ', '(', '\u{a0}']);
    let before = before.strip_suffix(" -").unwrap_or(before).trim_end();
    let before = before.strip_suffix(',').unwrap_or(before);
    // "6050 Amman Place": a house number and its street, not a code and a
    // city; "230,0001 GoH2": no city either.
    // "1000 Louisiana, Suite 5670": a unit follows a street, not a city.
    let unit_follows = |a: &str, c: &str| {
        a[c.len()..].strip_prefix(", ").is_some_and(|t| {
            address_parts::role(t.split(',').next().unwrap_or("")) == address_parts::Role::Unit
        })
    };
    let city_after = city_after.filter(|(c, a)| {
        opens_part
            && code_len >= 4
            && !c.bytes().any(|b| b.is_ascii_digit())
            && !c.split(' ').any(|w| is_suffix(&w.to_ascii_lowercase()))
            && !unit_follows(a, c)
    });
    let mut country = None;
    let (city, stop, street_end) = if let Some((city, a)) = city_after {
        // The street is what precedes the code (up to its comma or line).
        let stop = at + code_len + (after.len() - a.len()) + city.len();
        // "2100 Copenhagen Ø": the city without its postal district.
        let name = address_parts::city(city).unwrap_or(city);
        (Some(name.to_string()), stop, near + before.len())
    } else {
        // "Tirana 1001" | "New Delhi - 110021": the city before the code;
        // "Ottawa, Ontario K1N 1G8": a province between them.
        let mut city_at = before.rfind([',', '\n']).map_or(0, |k| k + 1);
        let mut city = before[city_at..].trim();
        // "Almaty, Kazakhstan 050051", "Vilnius, Lithuania\nLT-03106": the
        // country between the city and the code.
        if city_at > 0 {
            if let Some(code) = country_code(city) {
                country = Some(code.to_string());
                let head = &before[..city_at - 1];
                city_at = head.rfind([',', '\n']).map_or(0, |k| k + 1);
                city = head[city_at..].trim();
            }
        }
        if let Some(head) = without_province(before) {
            city_at = head.rfind([',', '\n']).map_or(0, |k| k + 1);
            city = head[city_at..].trim();
            // "40 Ferrier St. Markham, ON": no comma between the street and
            // the city, whose start the street's suffix shows.
            if city.bytes().any(|b| b.is_ascii_digit()) || city.split(' ').count() > 3 {
                if let (_, Some(rest)) = split_at_suffix(city) {
                    city_at = rest.as_ptr() as usize - before.as_ptr() as usize;
                    city = rest;
                }
            }
        }
        // A name ("Tirana"), not a state's code ("DC 20008"), and the code
        // ends the address (`closes`).
        // "Dublin 4, D04 TP03": the city without its postal district.
        let city = address_parts::city(city)?;
        // A three-digit code ("Antananarivo 101") only as its own part
        // after the street's.
        let own_part = city_at > 0 && before[..city_at].ends_with(',');
        if !closes
            || city.split(' ').count() > 3
            || !city.bytes().any(|b| b.is_ascii_lowercase() || b >= 0x80)
            || code_len == 3 && !own_part
        {
            return None;
        }
        (Some(city.to_string()), at + code_len, near + city_at)
    };
    let (street_at, street, _) = street_and_city(src, floor, street_end, false)?;
    let street = street.trim_end_matches(',').trim().to_string();
    // A street abroad holds a number or a street word ("Avenida", "Rruga",
    // "gate", "No."), else it is just prose before a number.
    let street_like = street.bytes().any(|b| b.is_ascii_digit())
        || names_a_way(&street, |w| {
            address_parts::is_street_word(w.trim_end_matches('.'))
        });
    if street.is_empty() || street.ends_with(':') || street_at >= at || !street_like {
        return None;
    }
    let address = Address {
        street: Some(street),
        city,
        state: None,
        postal_code: Some(code.to_string()),
        country,
    };
    Some(make_address(src, street_at, stop, address))
}

/// Is the code at `at` a number of another kind, turned away before the
/// text around it is read? A group of a number ("525,000", "19,000 U.S.
/// citizens", "1.000": a mark and digits on either side), or a year
/// ("Constitution: 1982", "May 7, 2010 Note"; Danish codes from 1800 are
/// lost to this).
fn reads_as_another_number(src: &str, at: usize, code: &str) -> bool {
    let b = src.as_bytes();
    let group_mark = |mark: Option<&u8>, digit: Option<&u8>| {
        matches!(mark, Some(b',' | b'.')) && digit.is_some_and(u8::is_ascii_digit)
    };
    let end = at + code.len();
    group_mark(b.get(end), b.get(end + 1))
        || at >= 2 && group_mark(b.get(at - 1), b.get(at - 2))
        || code.len() == 4 && matches!(&code.as_bytes()[..2], b"18" | b"19" | b"20")
}

/// "..., El-Biar 16030 Algiers": a district of one or two capitalised
/// words, its own part after the street's, stands before the code.
fn district_before(raw_before: &str) -> bool {
    let t = raw_before.trim_end();
    let Some(k) = memchr::memrchr2(b',', b'\n', t.as_bytes()) else {
        return false;
    };
    let district = t[k + 1..].trim();
    let words = district.split(' ').count();
    (1..=2).contains(&words)
        && district.starts_with(|c: char| c.is_uppercase())
        && !district.bytes().any(|b| b.is_ascii_digit())
        && address_parts::role(district) == address_parts::Role::Other
}

/// Australia Post's state and territory codes, written between the
/// locality and the postcode ("Yarralumla ACT 2600").
const AUSTRALIAN_STATES: [&str; 8] = ["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"];

/// `s` without the province or state at its end ("Ottawa, Ontario", "Calgary, AB",
/// "Coquitlam, B.C.", "Montréal (Québec)"), if it ends in one.
fn without_province(s: &str) -> Option<&str> {
    let t = s.trim_end();
    let (t, bracketed) = match t.strip_suffix(')') {
        Some(inner) => (inner, true),
        None => (t, false),
    };
    let head = PROVINCES
        .iter()
        .chain(AUSTRALIAN_STATES.iter())
        .find_map(|p| t.strip_suffix(p))?;
    let head = if bracketed {
        head.strip_suffix('(')?
    } else {
        head
    };
    // The province is a word of its own: "..., ON", "Markham ON", not "LONDON".
    if !head.is_empty() && !head.ends_with([' ', ',', '\n']) {
        return None;
    }
    Some(head.trim_end_matches([',', ' ', '\n']))
}

/// The length of a postal code at the start of `s`, in one of the national
/// forms; the code must end at a word's end.
fn postal_code_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let ends = |n: usize| !b.get(n).is_some_and(u8::is_ascii_alphanumeric);
    // Portugal "1600-081", Poland "00-540", Brazil "70403-900", Japan "107-8420".
    if (2..=5).contains(&digits) && b.get(digits) == Some(&b'-') {
        let more = b[digits + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        // "1994-2000" is a range of years.
        let years = digits == 4 && more == 4;
        if (3..=4).contains(&more) && !years && ends(digits + 1 + more) {
            return Some(digits + 1 + more);
        }
    }
    // The Netherlands "2514 AP".
    if digits == 4
        && b.get(4) == Some(&b' ')
        && b.len() >= 7
        && b[5].is_ascii_uppercase()
        && b[6].is_ascii_uppercase()
        && ends(7)
    {
        return Some(7);
    }
    if (3..=6).contains(&digits) && ends(digits) {
        return Some(digits);
    }
    if digits > 0 {
        return None;
    }
    // A country's prefix before the digits: "LT-03106", "CH-3003", "D-10117".
    let prefix = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if (1..=2).contains(&prefix) && b.get(prefix) == Some(&b'-') {
        let n = b[prefix + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if (4..=5).contains(&n) && ends(prefix + 1 + n) {
            return Some(prefix + 1 + n);
        }
    }
    // Ireland's Eircode: a routing key and a unique identifier, "D04 TP03".
    if b.len() >= 8
        && b[0].is_ascii_uppercase()
        && (b[1].is_ascii_digit() && b[2].is_ascii_digit() || &b[1..3] == b"6W")
        && b[3] == b' '
        && b[4..8]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b[4..8].iter().any(u8::is_ascii_digit)
        && b[4..8].iter().any(u8::is_ascii_uppercase)
        && ends(8)
    {
        return Some(8);
    }
    // Canada "K1N 1G8", and written without its space "L5W1E8".
    let canadian = |b: &[u8]| {
        b[0].is_ascii_uppercase()
            && b[1].is_ascii_digit()
            && b[2].is_ascii_uppercase()
            && b[3].is_ascii_digit()
            && b[4].is_ascii_uppercase()
            && b[5].is_ascii_digit()
    };
    if b.len() >= 7 && b[3] == b' ' && canadian(&[b[0], b[1], b[2], b[4], b[5], b[6]]) && ends(7) {
        return Some(7);
    }
    if b.len() >= 6 && canadian(&b[..6]) && ends(6) {
        return Some(6);
    }
    // Argentina "C1425GMN".
    if b.len() >= 8
        && b[0].is_ascii_uppercase()
        && b[1..5].iter().all(u8::is_ascii_digit)
        && b[5..8].iter().all(u8::is_ascii_uppercase)
        && ends(8)
    {
        return Some(8);
    }
    // Britain "SW1A 2AE", "W1A 1AE", "EC1A 1BB", "M1 1AE".
    let out = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if (2..=4).contains(&out)
        && b[0].is_ascii_uppercase()
        && b[..out].iter().any(u8::is_ascii_digit)
        && b[..out]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b.get(out) == Some(&b' ')
        && b.len() >= out + 4
        && b[out + 1].is_ascii_digit()
        && b[out + 2].is_ascii_uppercase()
        && b[out + 3].is_ascii_uppercase()
        && ends(out + 4)
    {
        return Some(out + 4);
    }
    None
}

/// Up to three capitalised words ("Ciudad de México", "Buenos Aires").
fn capitalised_run(s: &str) -> Option<&str> {
    let mut end = 0;
    for (k, word) in s.split(' ').enumerate().take(4) {
        let clean = word.trim_end_matches([',', ';', '.', ')', '\n']);
        let small = k > 0 && matches!(clean, "de" | "del" | "la" | "el" | "da" | "do");
        if clean.is_empty() || !(clean.starts_with(|c: char| c.is_uppercase()) || small) {
            break;
        }
        end += usize::from(k != 0) + clean.len();
        if clean.len() != word.len() {
            break;
        }
    }
    let run = s.get(..end)?.trim_end();
    (!run.is_empty()
        && run
            .split(' ')
            .next_back()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase())))
    .then_some(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text, street, city, state, postal code.
    type Found = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn found(s: &str) -> Vec<Found> {
        let mut out = Vec::new();
        addresses(s, 0, s.len(), &[], &mut out);
        out.into_iter()
            .map(|v| match v.data {
                ValueData::Address(a) => {
                    (v.text.to_string(), a.street, a.city, a.state, a.postal_code)
                }
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn a_building_before_the_number_is_named_without_its_article() {
        let s = "The consulate general is in the Meridian Tower, 2200 Ross Avenue, Suite 3100, Dallas, TX 75201.";
        let f = found(s);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].1.as_deref(),
            Some("Meridian Tower, 2200 Ross Avenue, Suite 3100")
        );
        assert!(f[0].0.starts_with("Meridian Tower"), "{:?}", f[0].0);
        let s = "It is at The Harbor Building, 12 Pier Road, Suite 4, Boston, MA 02110.";
        assert_eq!(
            found(s)[0].1.as_deref(),
            Some("The Harbor Building, 12 Pier Road, Suite 4")
        );
    }

    #[test]
    fn an_address_in_a_list_starts_after_the_number_before_it() {
        let s = "Its consulates general include Miami, 100 Biscayne Blvd., Suite 300, Miami, FL 33132 (tel. 305-555-0101), and Denver, 1560 W. Colfax Ave., Denver, CO 80204 (tel. 303-555-0142; fax 303-555-0143).";
        let (values, _) = crate::parse::read::prose_values(s);
        let streets: Vec<_> = values
            .iter()
            .filter_map(|v| match &v.data {
                ValueData::Address(a) => a.street.as_deref(),
                _ => None,
            })
            .collect();
        assert_eq!(
            streets,
            ["100 Biscayne Blvd., Suite 300", "1560 W. Colfax Ave."]
        );
    }

    #[test]
    fn a_number_the_scan_read_is_no_code() {
        let s = "The embassy is at 1-10-5 Akasaka, Minato-ku, Tokyo 107-8420; tel. 03-3224-5000.";
        assert_eq!(found(s).len(), 1, "{:?}", found(s));
        let code = s.find("107-8420").unwrap();
        let phone = crate::parse::values::make(
            s,
            code,
            code + 8,
            ValueData::Phone(crate::address::Phone {
                e164: None,
                line: crate::address::LineKind::Voice,
            }),
        );
        let mut out = Vec::new();
        addresses(s, 0, s.len(), &[phone], &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn the_groups_of_a_number_are_no_codes() {
        for s in [
            "Some 525,000 people visit, with 19,000 U.S. citizens resident.",
            "About 1.000 Euro, Main Street 12, 4.500 Linz.",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
        // The code after a comma and a space is one: "..., 0244 Oslo".
        assert_eq!(one("Henrik Ibsens gate 48, 0244 Oslo; tel.").2, "0244");
    }

    fn one(s: &str) -> (String, String, String) {
        let f = found(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        let (_, street, city, _, code) = f.into_iter().next().unwrap();
        (
            street.unwrap_or_default(),
            city.unwrap_or_default(),
            code.unwrap_or_default(),
        )
    }

    #[test]
    fn us_addresses_with_units_spelled_states_and_zip4() {
        assert_eq!(
            one("It is located at 830 Fifth Avenue, Room 313, New York, NY 10065."),
            (
                "830 Fifth Avenue, Room 313".into(),
                "New York".into(),
                "10065".into()
            )
        );
        assert_eq!(
            one("at 232 Dubei Ct Salt Lake City UT 84111."),
            (
                "232 Dubei Ct".into(),
                "Salt Lake City".into(),
                "84111".into()
            )
        );
        assert_eq!(
            one("Office: 222 W. Las Colinas Blvd, Suite 900N, Irving, Texas, USA 75039-5421."),
            (
                "222 W. Las Colinas Blvd, Suite 900N".into(),
                "Irving".into(),
                "75039-5421".into()
            )
        );
        assert_eq!(one("at 3602 HIGHPOINT, SAN ANTONIO TX78217.").2, "78217");
        assert_eq!(
            one("Mailing address: PSC 59, Box 100 (A), APO AE 09624\n"),
            ("PSC 59, Box 100 (A)".into(), "APO".into(), "09624".into())
        );
        assert_eq!(
            one("or through the military postal system to APO AE 09892-0200."),
            (String::new(), "APO".into(), "09892-0200".into())
        );
        assert_eq!(
            one(
                "Its mission is at Two United Nations Plaza, 28th Floor, New York, NY 10017; phone"
            ),
            (
                "Two United Nations Plaza, 28th Floor".into(),
                "New York".into(),
                "10017".into()
            )
        );
        assert_eq!(
            one("Mail: 6050 Amman Place, Washington, D.C. 20521-6050").1,
            "Washington"
        );
    }

    #[test]
    fn codes_without_a_street_or_a_state_are_no_address() {
        assert!(found("In 2019 the budget was 12345 dollars.").is_empty());
        assert!(found("Washington, DC 20008").is_empty());
        assert!(found("Resolution 1244 of the Council, NY 10017").is_empty());
    }

    #[test]
    fn us_addresses_without_a_zip_only_in_the_strict_form() {
        assert_eq!(
            one("located at 1720 HARDING HWY NEWFIELD, NJ."),
            ("1720 HARDING HWY".into(), "NEWFIELD".into(), String::new())
        );
        assert_eq!(
            one("The office at 12 Main Street, Boston, MA, opened."),
            ("12 Main Street".into(), "Boston".into(), String::new())
        );
        // No house number, no street word, or no city: no address.
        assert!(found("He moved to Boston, MA, in 2010.").is_empty());
        assert!(found("It has 12 members in Boston, MA.").is_empty());
        assert!(found("at 12 Main Street, MA.").is_empty());
    }

    #[test]
    fn canadian_addresses_with_a_province_between_city_and_code() {
        for (text, street, city, code) in [
            (
                "at 7034 Gilliespie Lane, Mississauga, ON L5W1E8.",
                "7034 Gilliespie Lane",
                "Mississauga",
                "L5W1E8",
            ),
            (
                "at 40 Ferrier St. Markham, ON L3R 2Z5.",
                "40 Ferrier St.",
                "Markham",
                "L3R 2Z5",
            ),
            (
                "at 718 - 8th Avenue SW Calgary, AB T2P 1H3.",
                "718 - 8th Avenue SW",
                "Calgary",
                "T2P 1H3",
            ),
            (
                "at 108 - 1550 Hartley Avenue Coquitlam, B.C. V3K 7A1.",
                "108 - 1550 Hartley Avenue",
                "Coquitlam",
                "V3K 7A1",
            ),
            (
                "Embassy: 490 Sussex Drive, Ottawa, Ontario K1N 1G8\n",
                "490 Sussex Drive",
                "Ottawa",
                "K1N 1G8",
            ),
        ] {
            assert_eq!(
                one(text),
                (street.into(), city.into(), code.into()),
                "{text}"
            );
        }
        // A province is a word of its own.
        assert_eq!(without_province("Markham, ON"), Some("Markham"));
        assert_eq!(without_province("Montréal (Québec)"), Some("Montréal"));
        assert_eq!(without_province("LONDON"), None);
    }

    #[test]
    fn addresses_abroad_with_the_code_before_or_after_the_city() {
        assert_eq!(
            one("The embassy is at Henrik Ibsens gate 48, 0244 Oslo; tel."),
            ("Henrik Ibsens gate 48".into(), "Oslo".into(), "0244".into())
        );
        assert_eq!(
            one("Embassy: Rruga e Elbasanit, No. 103, Tirana 1001\n"),
            (
                "Rruga e Elbasanit, No. 103".into(),
                "Tirana".into(),
                "1001".into()
            )
        );
        assert_eq!(
            one("The embassy is at 490 Sussex Drive, Ottawa, Ontario K1N 1G8; tel."),
            ("490 Sussex Drive".into(), "Ottawa".into(), "K1N 1G8".into())
        );
        assert_eq!(
            one("is at Avenida das Forças Armadas, 1600-081 Lisboa.").2,
            "1600-081"
        );
    }
}

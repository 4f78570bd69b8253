//! What the document is and whom it is about: its kind and its country,
//! from the header where it says, else from headings and the body.

use super::header;
use super::lines::Line;
use super::text::words::Needles;
use crate::document::{Kind, Section};

fn headings(sections: &[Section]) -> impl Iterator<Item = &str> {
    sections.iter().filter_map(|s| s.heading_text())
}

/// The country the sheet is about: the header's, else the first heading's
/// that names one, else the body's (`hint`, from [`country_from_body`]).
pub(crate) fn country(
    from_header: Option<String>,
    sections: &[Section],
    hint: Option<String>,
) -> Option<String> {
    from_header
        .or_else(|| headings(sections).find_map(country_from_heading))
        .or(hint)
}

/// The country from a heading: "U.S.-PERU RELATIONS", "U.S. Assistance to Peru".
pub(crate) fn country_from_heading(h: &str) -> Option<String> {
    header::relations_pair_country(h)
        .or_else(|| {
            h.strip_prefix("U.S. Assistance to ")
                .map(header::country_name)
        })
        // A Background Note's narrative heading: "People of Malta".
        .or_else(|| h.strip_prefix("People of ").map(header::country_name))
        .or_else(|| {
            let at = h
                .find("’s Membership")
                .or_else(|| h.find("'s Membership"))?;
            Some(header::country_name(&h[..at]))
        })
}

/// The country from the body, when the header names none: "Germany -
/// Relations with U.S.", "Flag of Cape Verde is ...", "the country page".
pub(crate) fn country_from_body(src: &str, lines: &[Line]) -> Option<String> {
    let mut lines = lines.iter().take(200).map(|line| line.text(src));
    for t in lines.by_ref() {
        if !may_name_the_country(t) {
            continue;
        }
        if let Some(name) = t.strip_suffix(" - Relations with U.S. (Notes)") {
            return Some(header::country_name(name));
        }
        if let Some(rest) = t.strip_prefix("Flag of ") {
            if let Some(end) = rest.find(" is ") {
                return Some(header::country_name(&rest[..end]));
            }
        }
        if let Some(name) = country_keeping_a_mission(t) {
            return Some(name);
        }
        if let Some(c) = country_from_heading(t) {
            return Some(c);
        }
        if let Some(name) = relations_with(t) {
            // A page of several sheets' openings ("... with Djibouti in
            // 1977", "... with Ethiopia in 1903") is about no one country.
            let other = lines.find_map(relations_with).filter(|n| *n != name);
            return other.is_none().then(|| header::country_name(name));
        }
    }
    None
}

/// Can a line give the country to [`country_from_body`]? Each of its
/// readers needs a word these hold, or a line opening with "U" ("U.S.-PERU
/// RELATIONS"), "P" ("People of Malta") or "F" ("Flag of ..."): one pass
/// over the line turns away the prose, where eleven searches, each set up
/// anew, cost more than a header.
fn may_name_the_country(t: &str) -> bool {
    static WORDS: Needles = Needles::new(&[
        "Relations with U.S.",
        "s Membership",
        "maintains",
        "has an embassy",
        "s embassy",
        "s chancery",
        "represented in",
        "Embassy ",
        "diplomatic relations with",
    ]);
    matches!(t.trim_start().as_bytes().first(), Some(b'U' | b'P' | b'F'))
        || WORDS.rmatches(t.as_bytes()).next().is_some()
}

/// The country a line says the United States established relations with:
/// "... established diplomatic relations with the Republic of Djibouti in 1977".
fn relations_with(t: &str) -> Option<&str> {
    let at = t.find("diplomatic relations with ")?;
    let rest = &t[at + "diplomatic relations with ".len()..];
    let rest = rest.strip_prefix("the Republic of ").unwrap_or(rest);
    let end = rest.find([',', '.', ';']).unwrap_or(rest.len());
    let end = rest[..end].find(" in ").unwrap_or(end);
    let name = &rest[..end];
    (name
        .split(' ')
        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && name.len() < 40)
        .then_some(name)
}

/// A closing section's sentence names the country whose mission it gives:
/// "Peru maintains an embassy in the United States at ...", "Albania's
/// chancery is at ...", "the Embassy of Japan is at ...".
fn country_keeping_a_mission(line: &str) -> Option<String> {
    const AFTER_NAME: [&str; 8] = [
        " maintains an embassy",
        " maintains its embassy",
        " has an embassy",
        "'s embassy",
        "’s embassy",
        "'s chancery",
        "’s chancery",
        " also maintains",
    ];
    for pattern in AFTER_NAME {
        if let Some(at) = line.find(pattern) {
            if let Some(name) = capitalized_run_before(&line[..at]) {
                return Some(name);
            }
        }
    }
    // "The United States is represented in Thailand by an embassy in
    // Bangkok", "The U.S. Embassy in Nigeria was established ...".
    for lead in ["represented in ", "Embassy in "] {
        if let Some(at) = line.find(lead) {
            let rest = &line[at + lead.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphabetic() || c == ' ' || c == '\''))
                .unwrap_or(rest.len());
            let end = rest[..end].find(" by").unwrap_or(end);
            let end = rest[..end].find(" is").unwrap_or(end);
            let end = rest[..end].find(" was").unwrap_or(end);
            if let Some(name) = foreign_country(rest[..end].trim()) {
                return Some(name);
            }
        }
    }
    let at = line.find("Embassy of ")?;
    let rest = &line[at + "Embassy of ".len()..];
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let end = rest.find([',', '.', ';', '(', '\n']).unwrap_or(rest.len());
    let end = rest[..end].find(" is ").unwrap_or(end);
    let end = rest[..end].find(" in ").unwrap_or(end);
    foreign_country(rest[..end].trim())
}

/// `name` as the sheet's country, if it names one other than the United
/// States (whose missions every sheet gives too).
fn foreign_country(name: &str) -> Option<String> {
    crate::parse::facts::country_code(name)
        .is_some_and(|code| code != "US")
        .then(|| header::country_name(name))
}

/// The country named by the capitalised words that end `text`
/// ("... opened in 1993. The Republic of Palau" -> "Palau").
fn capitalized_run_before(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    for n in (1..=5).rev() {
        let Some(run) = words.len().checked_sub(n).map(|k| &words[k..]) else {
            continue;
        };
        let name = run.join(" ");
        let name = name.trim_start_matches("the ").trim_start_matches("The ");
        if name.starts_with(|c: char| c.is_uppercase()) {
            if let Some(country) = foreign_country(name) {
                return Some(country);
            }
        }
    }
    None
}

/// What kind of document it is, from the header's shape and the body's.
pub(crate) fn kind(src: &str, lines: &[Line], head: &header::Header, sections: &[Section]) -> Kind {
    if let Some(k @ (Kind::Other | Kind::BackgroundNote)) = head.kind {
        return k;
    }
    // The line-level signals, read in one pass over the first lines.
    let (mut compiled_note, mut country_page, mut from_state, mut profile) =
        (false, false, false, false);
    for t in lines.iter().take(400).map(|l| l.text(src)) {
        // The first byte picks the one signal a line can give.
        match t.as_bytes().first() {
            Some(b'C') => {
                compiled_note |=
                    t.starts_with("Compiled from the") && t.contains("Background Note");
            }
            Some(b'R') => country_page |= t.starts_with("Read more about "),
            Some(b'F') => from_state |= t.starts_with("FROM: U.S. "),
            Some(b'N') => profile |= t.starts_with("Nationality:"),
            Some(b'A') => profile |= t.starts_with("Area:"),
            Some(b'P') => profile |= t == "PROFILE",
            _ => {}
        }
        profile |= t.ends_with("(Notes)");
    }
    if compiled_note {
        return Kind::BackgroundNote;
    }
    if country_page {
        return Kind::Other;
    }
    if head.kind == Some(Kind::Factsheet) {
        return Kind::Factsheet;
    }
    let sheet_heading = headings(sections).any(|h| {
        h.starts_with("U.S. Assistance to")
            || h.contains("Membership in International Organizations")
            || h.eq_ignore_ascii_case("Bilateral Economic Relations")
            || h.eq_ignore_ascii_case("Bilateral Representation")
            || header::relations_pair_country(h).is_some()
    });
    if head.has_more_information || sheet_heading || head.has_label || from_state {
        return Kind::Factsheet;
    }
    if profile || headings(sections).any(|h| h == "FOREIGN RELATIONS" || h == "PROFILE") {
        return Kind::BackgroundNote;
    }
    Kind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_from_headings() {
        assert_eq!(
            country_from_heading("U.S.-PERU RELATIONS").as_deref(),
            Some("Peru")
        );
        assert_eq!(
            country_from_heading("U.S. Assistance to the Gambia").as_deref(),
            Some("Gambia")
        );
        assert_eq!(
            country_from_heading("Chile's Membership in International Organizations").as_deref(),
            Some("Chile")
        );
        assert_eq!(
            country_from_heading("People of Malta").as_deref(),
            Some("Malta")
        );
        assert_eq!(country_from_heading("Bilateral Economic Relations"), None);
    }
}

//! The grammar, crate-private so that nom never shows in the public API.
//!
//! The pipeline: [`lines`] splits the text; [`header`] reads the header;
//! [`layout`] gives every body line a role (heading, paragraph, list item,
//! resource, chrome); the sections are built from the roles; [`scan`] reads
//! the typed values from the prose; [`context`] links amounts to their years.

mod address;
mod chrome;
mod context;
mod date;
mod header;
mod layout;
mod lines;
mod money;
mod number;
mod openings;
mod organizations;
mod percent;
mod phone;
mod quotes;
pub(crate) mod scan;

pub(crate) use context::sentence_start;
pub(crate) use lines::{after, before, collapse, collapsed, words};

use crate::document::{FactSheet, Kind, Passage, Section, Skipped};
use crate::error::{Error, ErrorKind, Warning};
use crate::span::Span;
use layout::Role;
use lines::Line;
use openings::Openings;

/// Parses a whole text.
pub(crate) fn document(src: &str) -> Result<FactSheet, Error> {
    readable(src)?;
    let lines = lines::split(src);
    let head = header::header(src, &lines);
    let mut roles = vec![Role::Blank; lines.len()];
    let body_from = match head.lines {
        Some((first, last)) => {
            for k in 0..first {
                roles[k] = if lines[k].is_blank() {
                    Role::Blank
                } else {
                    Role::Chrome
                };
            }
            for (k, line) in lines.iter().enumerate().take(last + 1).skip(first) {
                let t = line.text(src);
                roles[k] = if line.is_blank() {
                    Role::Blank
                } else if chrome::is_chrome(t) {
                    Role::Chrome
                } else {
                    Role::Header
                };
            }
            last + 1
        }
        None => 0,
    };
    let country_hint = head
        .country
        .clone()
        .or_else(|| country_from_body(src, &lines));
    layout::body_roles(src, &lines, &mut roles, body_from, country_hint.as_deref());

    let mut doc = FactSheet {
        kind: Kind::Other,
        title: head.title.clone(),
        country: None,
        bureau: head.bureau.clone(),
        date: head.date,
        header: None,
        sections: Vec::new(),
        values: Vec::new(),
        organizations: Vec::new(),
        quotes: Vec::new(),
        resources: Vec::new(),
        skipped: Vec::new(),
        facts: Default::default(),
        warnings: Vec::new(),
    };
    build_regions(src, &lines, &roles, head.lines, &mut doc);
    read_values(src, &lines, &roles, &mut doc);
    doc.country = head
        .country
        .clone()
        .or_else(|| doc.headings().find_map(country_from_heading))
        .or(country_hint);
    doc.kind = kind(src, &lines, &head, &doc);
    doc.facts = crate::facts::derive(src, &doc.values, &doc.sections, &doc.organizations);
    warn_about_the_text(src, &lines, &roles, &mut doc.warnings);
    warn_about_unknown_header_lines(&lines, &roles, &head, &mut doc.warnings);
    if doc
        .sections
        .iter()
        .all(|s| s.paragraphs.is_empty() && s.list_items.is_empty())
        && doc.header.is_none()
    {
        return Err(Error::new(
            ErrorKind::NoProse,
            Span::new(0, src.len().min(1)),
            src,
        ));
    }
    Ok(doc)
}

/// Refuses texts that are not writing at all.
fn readable(src: &str) -> Result<(), Error> {
    if src
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(Error::new(ErrorKind::Empty, Span::new(0, src.len()), src));
    }
    // NUL and other C0 controls (tab, line breaks and form feed aside) do not
    // occur in text; a few may be noise, many mean binary data.
    let mut controls = 0usize;
    let mut first = None;
    // Eight bytes at a time: only a word holding a byte below 0x20 (mostly a
    // line break) is looked at byte by byte.
    let bytes = src.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    let mut check = |at: usize, b: u8| {
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c) {
            controls += 1;
            first.get_or_insert(at);
        }
    };
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x20; 8]));
        let below_space = word.wrapping_sub(0x2020_2020_2020_2020) & !word & 0x8080_8080_8080_8080;
        if below_space != 0 {
            for (k, &b) in chunk.iter().enumerate() {
                check(base + k, b);
            }
        }
        base += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        check(base + k, b);
    }
    if let Some(at) = first {
        if src.as_bytes()[at] == 0 || controls * 100 > src.len() {
            return Err(Error::new(ErrorKind::Binary, Span::new(at, at + 1), src));
        }
    }
    if !src
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
    {
        return Err(Error::new(
            ErrorKind::NoProse,
            Span::new(0, src.len().min(1)),
            src,
        ));
    }
    Ok(())
}

/// Turns roles into the header, sections and skipped regions, which together
/// cover every byte of the input.
fn build_regions(
    src: &str,
    lines: &[Line],
    roles: &[Role],
    head: Option<(usize, usize)>,
    doc: &mut FactSheet,
) {
    #[derive(PartialEq, Clone, Copy)]
    enum Region {
        Skip,
        Header,
        Section,
    }
    let close = |doc: &mut FactSheet, region: Region, start: usize, end: usize| {
        let span = Span::new(start, end);
        match region {
            Region::Skip => {
                let reason = if doc.header.is_none() && doc.sections.is_empty() {
                    "site chrome before the sheet"
                } else {
                    "site chrome after the sheet"
                };
                doc.skipped.push(Skipped {
                    reason: reason.into(),
                    span,
                })
            }
            Region::Header => doc.header = Some(span),
            Region::Section => {
                if let Some(last) = doc.sections.last_mut() {
                    last.span = span;
                }
            }
        }
    };
    // Chrome between a section's paragraphs stays in its section (it is only
    // not read for values); chrome before the body or after its last content
    // is a skipped region.
    let last_content = roles
        .iter()
        .rposition(|r| !matches!(r, Role::Blank | Role::Chrome));
    // A section per heading, and one for the opening text.
    let headings = roles
        .iter()
        .filter(|r| matches!(r, Role::Heading { .. }))
        .count();
    doc.sections.reserve(headings + 1);
    let mut current: Option<(Region, usize)> = None;
    for (k, line) in lines.iter().enumerate() {
        let role = roles[k];
        let in_header = head.is_some_and(|(a, b)| (a..=b).contains(&k));
        let in_section = current.is_some_and(|(r, _)| r == Region::Section);
        let wanted = match role {
            Role::Blank => continue,
            _ if in_header => Region::Header,
            Role::Chrome if in_section && last_content.is_some_and(|last| k < last) => continue,
            Role::Chrome => Region::Skip,
            _ => Region::Section,
        };
        let heading = matches!(role, Role::Heading { .. }) && wanted == Region::Section;
        let starts = match current {
            None => true,
            Some((r, _)) => r != wanted || heading,
        };
        if !starts {
            continue;
        }
        // Leading blank lines belong to the first region.
        let start = if current.is_none() { 0 } else { line.start };
        if let Some((r, s)) = current {
            close(doc, r, s, start);
        }
        if wanted == Region::Section {
            let heading_span = match role {
                Role::Heading { glued } => Some(Span::new(
                    line.trim_start,
                    glued.map_or(line.trim_end, |len| line.trim_start + len),
                )),
                _ => None,
            };
            doc.sections.push(Section {
                heading: heading_span.map(|h| collapse(h.slice(src))),
                heading_span,
                span: Span::new(start, start),
                paragraphs: Vec::new(),
                list_items: Vec::new(),
            });
        }
        current = Some((wanted, start));
    }
    match current {
        Some((r, s)) => close(doc, r, s, src.len()),
        None => doc.skipped.push(Skipped {
            reason: "blank".into(),
            span: Span::new(0, src.len()),
        }),
    }
    fill_sections(src, lines, roles, doc);
}

/// Puts paragraphs, list items and resources into the sections they fall in.
fn fill_sections(src: &str, lines: &[Line], roles: &[Role], doc: &mut FactSheet) {
    let mut k = 0;
    // Sections and lines are both in order: one cursor walks the sections.
    let mut at = 0;
    while k < lines.len() {
        let line = lines[k];
        let passage = |start: usize, end: usize| Passage {
            text: src[start..end].to_string(),
            span: Span::new(start, end),
        };
        while at < doc.sections.len() && doc.sections[at].span.end <= line.start {
            at += 1;
        }
        let Some(section) = doc
            .sections
            .get_mut(at)
            .filter(|s| s.span.start <= line.start)
        else {
            k += 1;
            continue;
        };
        match roles[k] {
            Role::Paragraph => {
                // A paragraph runs over consecutive paragraph lines.
                let mut last = k;
                while last + 1 < lines.len() && roles[last + 1] == Role::Paragraph {
                    last += 1;
                }
                let start = line.trim_start + chrome::capture_marker_len(line.text(src));
                section
                    .paragraphs
                    .push(passage(start, lines[last].trim_end));
                k = last + 1;
                continue;
            }
            Role::Heading { glued: Some(len) } => {
                let start = line.trim_start + len;
                let start = start
                    + (src[start..line.trim_end].len()
                        - src[start..line.trim_end].trim_start().len());
                section.paragraphs.push(passage(start, line.trim_end));
            }
            Role::ListItem => section
                .list_items
                .push(passage(line.trim_start, line.trim_end)),
            Role::Resource => {
                section
                    .list_items
                    .push(passage(line.trim_start, line.trim_end));
                doc.resources.push(passage(line.trim_start, line.trim_end));
            }
            _ => {}
        }
        k += 1;
    }
}

/// Scans the header lines and the sections' text for values, quotes and lists.
fn read_values(src: &str, lines: &[Line], roles: &[Role], doc: &mut FactSheet) {
    // About one value per hundred bytes of a fact sheet: room for them at
    // once, since growing a Vec of values copies them all.
    let mut values = Vec::with_capacity(src.len() / 64 + 8);
    let mut warnings = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if roles[k] == Role::Header {
            scan::scan(
                src,
                line.trim_start,
                line.trim_end,
                &mut values,
                &mut warnings,
            );
        }
    }
    // Where a list or a quotation may open, found in one pass over the whole
    // text: a search set up per passage cost more than the passages' text.
    let mut list_openings = Openings::new(organizations::list_openings(src));
    let mut quote_openings = Openings::new(quotes::quote_openings(src));
    // One buffer for every section's passages: no allocation per section.
    let mut passages: Vec<&Passage> = Vec::new();
    for section in &doc.sections {
        if let Some(h) = section.heading_span {
            scan::scan(src, h.start, h.end, &mut values, &mut warnings);
        }
        passages.clear();
        passages.extend(section.paragraphs.iter().chain(section.list_items.iter()));
        passages.sort_by_key(|p| p.span.start);
        for p in &passages {
            scan::scan(src, p.span.start, p.span.end, &mut values, &mut warnings);
            if list_openings.any_in(p.span) {
                organizations::organization_lists(
                    src,
                    p.span.start,
                    p.span.end,
                    &mut doc.organizations,
                );
            }
            if quote_openings.any_in(p.span) {
                quotes::quotes(src, p.span.start, p.span.end, &mut doc.quotes);
            }
        }
    }
    values.sort_by_key(|v| v.span.start);
    context::apply_table_units(src, &doc.sections, &mut values);
    context::link_years(src, &mut values);
    doc.values = values;
    doc.warnings.extend(warnings);
}

/// The country from a heading: "U.S.-PERU RELATIONS", "U.S. Assistance to Peru".
fn country_from_heading(h: &str) -> Option<String> {
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
fn country_from_body(src: &str, lines: &[Line]) -> Option<String> {
    for line in lines.iter().take(200) {
        let t = line.text(src);
        if let Some(name) = t.strip_suffix(" - Relations with U.S. (Notes)") {
            return Some(header::country_name(name));
        }
        if let Some(rest) = t.strip_prefix("Flag of ") {
            if let Some(end) = rest.find(" is ") {
                return Some(header::country_name(&rest[..end]));
            }
        }
        if let Some(name) = t.strip_prefix("Embassy and Consulate Web Sites for ") {
            return Some(header::country_name(name));
        }
        if let Some(c) = country_from_heading(t) {
            return Some(c);
        }
        if let Some(at) = t.find("diplomatic relations with ") {
            let rest = &t[at + "diplomatic relations with ".len()..];
            let rest = rest.strip_prefix("the Republic of ").unwrap_or(rest);
            let end = rest.find([',', '.', ';']).unwrap_or(rest.len());
            let end = rest[..end].find(" in ").unwrap_or(end);
            let name = &rest[..end];
            if name
                .split(' ')
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
                && name.len() < 40
            {
                return Some(header::country_name(name));
            }
        }
    }
    None
}

/// What kind of document it is, from the header's shape and the body's.
fn kind(src: &str, lines: &[Line], head: &header::Header, doc: &FactSheet) -> Kind {
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
    let sheet_heading = doc.headings().any(|h| {
        h.starts_with("U.S. Assistance to")
            || h.contains("Membership in International Organizations")
            || h.eq_ignore_ascii_case("Bilateral Economic Relations")
            || header::relations_pair_country(h).is_some()
    });
    if head.has_more_information || sheet_heading || head.has_label || from_state {
        return Kind::Factsheet;
    }
    if profile
        || doc
            .headings()
            .any(|h| h == "FOREIGN RELATIONS" || h == "PROFILE")
    {
        return Kind::BackgroundNote;
    }
    Kind::Other
}

/// A line inside the header that is none of its known lines (a tab strip, a
/// stray caption) is kept in the header, and said so.
fn warn_about_unknown_header_lines(
    lines: &[Line],
    roles: &[Role],
    head: &header::Header,
    warnings: &mut Vec<Warning>,
) {
    for (k, line) in lines.iter().enumerate() {
        if roles[k] == Role::Header && !head.anchor_lines.contains(&k) {
            warnings.push(Warning::new(
                "unknown line in the header (not a title, bureau, label, date or \"More information\" line); kept in the header",
                Span::new(line.trim_start, line.trim_end),
            ));
        }
    }
}

/// Warnings about the text as a whole: cut off, double-encoded.
fn warn_about_the_text(src: &str, lines: &[Line], roles: &[Role], warnings: &mut Vec<Warning>) {
    if let Some(k) = roles
        .iter()
        .rposition(|r| matches!(r, Role::Paragraph | Role::Heading { .. } | Role::ListItem))
    {
        let line = lines[k];
        let t = line.text(src);
        let after_content = roles[k + 1..].iter().all(|r| matches!(r, Role::Blank));
        if after_content
            && !lines::ends_sentence(t)
            && !matches!(roles[k], Role::Heading { glued: None })
        {
            let from = t
                .rfind(' ')
                .map_or(line.trim_start, |i| line.trim_start + i + 1);
            warnings.push(Warning::new(
                "text ends mid-sentence; the document looks truncated",
                Span::new(from, line.trim_end),
            ));
        }
    }
    // UTF-8 read as Windows-1252 and saved again: "â€™" for "’".
    if let Some(at) = memchr::memmem::find(src.as_bytes(), "â€".as_bytes()) {
        warnings.push(Warning::new(
            "text looks double-encoded (UTF-8 read as Windows-1252): \"â€\" stands where punctuation was",
            Span::new(at, at + "â€".len()),
        ));
    }
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

    #[test]
    fn texts_that_are_not_fact_sheets_fail_with_a_position() {
        assert_eq!(document("").unwrap_err().kind(), &ErrorKind::Empty);
        assert_eq!(
            document(" \n\t\u{feff}").unwrap_err().kind(),
            &ErrorKind::Empty
        );
        let err = document("Some text\0with a NUL").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Binary);
        assert_eq!((err.position().line, err.position().column), (1, 10));
        assert_eq!(
            document("12 34 -- 56").unwrap_err().kind(),
            &ErrorKind::NoProse
        );
    }
}

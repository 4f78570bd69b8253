//! The body's layout: which lines are headings, paragraphs, list items,
//! resources or chrome, and the sections they make.

use super::chrome::{self, is_chrome_marked};
use super::lines::{is_small_word, looks_like_heading, Line};
use super::openings::Openings;
use crate::parse::text::sentence::ends_sentence;
use crate::parse::text::words::words;
use crate::span::Span;

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Blank,
    /// Site chrome: kept in a skipped region (or, inside the header or a
    /// section, simply not read for values).
    Chrome,
    Header,
    /// A heading line; `glued` is the byte length of the heading when the
    /// paragraph runs on in the same line ("`RELATIONSThe` United States ...").
    Heading {
        glued: Option<usize>,
    },
    Paragraph,
    ListItem,
    Resource,
}

/// The section names of the old Background Notes, headings wherever they
/// stand. (A `match` compares lengths first: most lines cost no comparison.)
fn is_note_section(t: &str) -> bool {
    matches!(
        t,
        "PROFILE"
            | "Profile"
            | "Geography"
            | "People"
            | "Government"
            | "Economy"
            | "History"
            | "Political Conditions"
            | "Foreign Relations"
            | "FOREIGN RELATIONS"
            | "Defense"
            | "U.S. Relations"
            | "U.S.-Relations"
            | "Travel/Business"
            | "Travel and Business Information"
            | "Principal Government Officials"
    )
}

/// A list marker at the start of a line: "- ", "• ", "* ".
pub(crate) fn list_marker(t: &str) -> bool {
    ["- ", "• ", "* ", "· ", "– ", "o "]
        .iter()
        .any(|m| t.starts_with(m))
        || t == "•"
}

/// A Background Note profile line: "Area: 4,033 sq. km." (a key, a colon, a value).
fn is_key_line(t: &str) -> bool {
    // The key is short: only the first 46 bytes can hold its colon.
    let head = &t.as_bytes()[..t.len().min(46)];
    match head.iter().position(|&b| b == b':') {
        Some(colon) if colon <= 45 => {
            let after = &t[colon + 1..];
            let key = &t[..colon];
            !after.trim().is_empty() && !key.contains(". ") && words(key).count() <= 4
        }
        _ => false,
    }
}

/// What the layout needs to know of a line, worked out once per line.
#[derive(Clone, Copy)]
struct Shape<'a> {
    text: &'a str,
    chrome: bool,
    heading_like: bool,
}

impl<'a> Shape<'a> {
    #[cfg(test)]
    fn of(text: &'a str) -> Self {
        Self::marked(text, super::chrome::menu_marks(text.as_bytes()))
    }

    /// The shape of a line that does or does not hold a menu mark.
    fn marked(text: &'a str, menu_marked: bool) -> Self {
        Shape {
            text,
            chrome: is_chrome_marked(text, menu_marked),
            heading_like: looks_like_heading(text),
        }
    }

    /// Prose a heading can stand over: a sentence or a profile line, starting
    /// with a letter.
    fn is_prose(&self) -> bool {
        let starts_well = self
            .text
            .starts_with(|c: char| c.is_alphabetic() || c == '“' || c == '"');
        starts_well && !self.chrome && (!self.heading_like || self.text.len() > 100)
    }
}

/// The roles of the lines up to the header's last: chrome before the header,
/// then header lines (chrome inside the header stays chrome); blank for all
/// the lines after, which [`body_roles`] fills.
pub(crate) fn header_roles(src: &str, lines: &[Line], head: Option<(usize, usize)>) -> Vec<Role> {
    let mut roles = vec![Role::Blank; lines.len()];
    if let Some((first, last)) = head {
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
    }
    roles
}

/// Gives every body line from `from` its role.
pub(crate) fn body_roles(
    src: &str,
    lines: &[Line],
    roles: &mut [Role],
    from: usize,
    country: Option<&str>,
) {
    let mut non_blank: Vec<usize> = Vec::with_capacity(lines.len().saturating_sub(from));
    non_blank.extend((from..lines.len()).filter(|&k| !lines[k].is_blank()));
    // The menu marks of all lines, found in one pass over the text.
    let mut marks = Openings::new(memchr::memchr2_iter(b'|', b'>', src.as_bytes()).collect());
    let shapes: Vec<Shape> = non_blank
        .iter()
        .map(|&k| {
            let line = lines[k];
            let marked = marks.any_in(Span::new(line.trim_start, line.trim_end));
            Shape::marked(line.text(src), marked)
        })
        .collect();
    let truncated = shapes.last().is_some_and(|s| !ends_sentence(s.text));
    let run_in = RunIn::new(country);
    let mut in_resources = false;
    for (n, &k) in non_blank.iter().enumerate() {
        let shape = shapes[n];
        let t = shape.text;
        if in_resources {
            roles[k] = if shape.chrome {
                Role::Chrome
            } else {
                Role::Resource
            };
            continue;
        }
        // A web scrape repeats an image's alt text as its caption: the second
        // copy of a line is the page's, not the document's.
        // Only the very next line, and a short one: paragraphs that repeat
        // after a blank line are content, however alike.
        let repeated = n > 0
            && non_blank[n - 1] + 1 == k
            && (20..=200).contains(&t.len())
            && shapes[n - 1].text == t;
        if shape.chrome || repeated {
            roles[k] = Role::Chrome;
            continue;
        }
        if t.starts_with("More information about ") && t.contains("listed here") {
            roles[k] = Role::Paragraph;
            in_resources = true;
            continue;
        }
        if list_marker(t) {
            roles[k] = Role::ListItem;
            continue;
        }
        let next_is_cut_end = truncated && n + 2 == non_blank.len();
        if is_heading(shape, shapes.get(n + 1), shapes.get(n + 2), next_is_cut_end) {
            roles[k] = Role::Heading { glued: None };
            continue;
        }
        if let Some(len) = run_in.heading_len(t) {
            roles[k] = Role::Heading { glued: Some(len) };
            continue;
        }
        roles[k] = Role::Paragraph;
    }
    trailing_chrome(src, lines, roles, &non_blank);
}

fn is_heading(
    line: Shape,
    next: Option<&Shape>,
    after_next: Option<&Shape>,
    next_is_cut_end: bool,
) -> bool {
    if !line.heading_like {
        return false;
    }
    let t = line.text;
    let note_section = is_note_section(t);
    let words = words(t).filter(|w| !w.is_empty()).count();
    let shouting = is_shouting(t);
    if words == 1 && !note_section && !(shouting && t.len() >= 4) {
        return false;
    }
    let Some(next) = next else { return false };
    if next_is_cut_end && next.text.len() < 100 {
        return true;
    }
    if next.is_prose() && (next.text.len() >= 15 || note_section) {
        return note_section || !is_key_line(next.text) || next.text.ends_with(':');
    }
    // "PROFILE" over "Geography" over the profile lines: a chain of two.
    (note_section || shouting) && next.heading_like && after_next.is_some_and(Shape::is_prose)
}

/// Headings the paragraph runs on from, in the same line: "Bilateral
/// Economic RelationsU.S. exports ..." or "U.S. Assistance to Peru The
/// Department ...".
struct RunIn {
    /// The usual section headings, with the country filled in.
    templates: Vec<String>,
}

impl RunIn {
    fn new(country: Option<&str>) -> Self {
        let mut templates = vec![
            "Bilateral Economic Relations".to_string(),
            "Bilateral Representation".to_string(),
        ];
        if let Some(c) = country {
            templates.push(format!("U.S. Assistance to {c}"));
            templates.push(format!("{c}'s Membership in International Organizations"));
            templates.push(format!("{c}’s Membership in International Organizations"));
        }
        RunIn { templates }
    }

    /// The heading's length in bytes, if the line opens with one.
    fn heading_len(&self, t: &str) -> Option<usize> {
        if t.len() < 40 || !t.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let first = t.as_bytes()[0].to_ascii_lowercase();
        for template in &self.templates {
            // The first letter rules out most templates at once.
            if template.as_bytes()[0].to_ascii_lowercase() != first {
                continue;
            }
            if let Some(head) = t.get(..template.len()) {
                let rest = &t[template.len()..];
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                if head.eq_ignore_ascii_case(template)
                    && rest.starts_with(|c: char| c.is_uppercase())
                {
                    return Some(template.len());
                }
            }
        }
        glued_heading_len(t)
    }
}

/// Glued: a letter, then a capital that starts a sentence.
fn glued_heading_len(t: &str) -> Option<usize> {
    let bytes = t.as_bytes();
    // A heading is capitalised words: the glue point lies before the first
    // word in lower case that is not a small word, so prose ends the search
    // within a few words. One pass finds both.
    let mut limit = t.len().min(110);
    while !t.is_char_boundary(limit) {
        limit -= 1;
    }
    for p in 1..limit {
        let (prev, cur) = (bytes[p - 1], bytes[p]);
        if prev == b' ' && cur.is_ascii_lowercase() {
            let word = words(&t[p..limit]).next().unwrap_or("");
            if !is_small_word(word) {
                return None;
            }
        }
        if !cur.is_ascii_uppercase() || !prev.is_ascii_alphabetic() {
            continue;
        }
        let next = bytes.get(p + 1).copied().unwrap_or(b' ');
        let sentence_start = next.is_ascii_lowercase() || t[p..].starts_with("U.S.");
        if !sentence_start || (prev.is_ascii_uppercase() && !next.is_ascii_lowercase()) {
            continue;
        }
        if heading_glued_at(t, p) {
            return Some(p);
        }
    }
    None
}

/// Is `t[..p]` a heading the paragraph `t[p..]` is glued to?
fn heading_glued_at(t: &str, p: usize) -> bool {
    let head = &t[..p];
    looks_like_heading(head)
        && (words(head).count() >= 2 || is_shouting(head) && head.len() >= 4)
        && t.len() - p > 30
}

/// Are all the letters capitals ("U.S.-CHINA RELATIONS")?
fn is_shouting(t: &str) -> bool {
    t.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// Short lines after the last sentence that are not a resource list are the
/// site's footer or sidebar.
fn trailing_chrome(src: &str, lines: &[Line], roles: &mut [Role], non_blank: &[usize]) {
    for (n, &k) in non_blank.iter().enumerate().rev() {
        let t = lines[k].text(src);
        match roles[k] {
            Role::Chrome => {}
            Role::Paragraph => {
                let prev = n.checked_sub(1).map(|p| non_blank[p]);
                let prev_ends = prev
                    .is_none_or(|p| roles[p] == Role::Chrome || ends_sentence(lines[p].text(src)));
                let prev_chrome = prev.is_some_and(|p| roles[p] == Role::Chrome);
                let short = t.len() <= 60 && !ends_sentence(t);
                // After a sentence, a footer line holds no figures and no sentence
                // ("Trade (1995): Exports--$418 million. Imports--$" is a cut profile line).
                let plain =
                    !t.contains(|c: char| c.is_ascii_digit() || c == '$') && !t.contains(". ");
                if short && prev_ends && is_footer_like(t) && (plain || prev_chrome) {
                    roles[k] = Role::Chrome;
                    continue;
                }
                return;
            }
            _ => return,
        }
    }
}

fn is_footer_like(t: &str) -> bool {
    t.starts_with(|c: char| c.is_uppercase()) && words(t).count() <= 10
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-pass glue search `glued_heading_len` replaced.
    fn glued_heading_len_reference(t: &str) -> Option<usize> {
        let bytes = t.as_bytes();
        let mut limit = t.len().min(110);
        while !t.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut at = 0;
        for word in t[..limit].split(' ') {
            if word.starts_with(|c: char| c.is_ascii_lowercase()) && !is_small_word(word) {
                limit = at;
                break;
            }
            at += word.len() + 1;
        }
        for p in 1..limit {
            let (prev, cur) = (bytes[p - 1], bytes[p]);
            if !cur.is_ascii_uppercase() || !prev.is_ascii_alphabetic() {
                continue;
            }
            let next = bytes.get(p + 1).copied().unwrap_or(b' ');
            let sentence_start = next.is_ascii_lowercase() || t[p..].starts_with("U.S.");
            if !sentence_start || (prev.is_ascii_uppercase() && !next.is_ascii_lowercase()) {
                continue;
            }
            if heading_glued_at(t, p) {
                return Some(p);
            }
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn the_glue_search_agrees_with_its_reference(
            t in "[A-Z]([A-Z][a-z]{0,5}|[a-z]{1,5}|of|to|U\\.S\\.| |é|[A-Z]{2,4}){0,30}"
        ) {
            proptest::prop_assert_eq!(glued_heading_len(&t), glued_heading_len_reference(&t), "{:?}", t);
        }
    }

    #[test]
    fn glued_headings_are_cut_at_the_glue() {
        let t =
            "Bilateral Economic RelationsU.S. exports to the country grew every year since 2010.";
        assert_eq!(
            glued_heading_len(t),
            Some("Bilateral Economic Relations".len())
        );
        assert_eq!(
            glued_heading_len("The United States established relations with it in 1900."),
            None
        );
    }

    fn heading(t: &str, next: Option<&str>, after_next: Option<&str>) -> bool {
        let next = next.map(Shape::of);
        let after_next = after_next.map(Shape::of);
        is_heading(Shape::of(t), next.as_ref(), after_next.as_ref(), false)
    }

    #[test]
    fn a_heading_stands_over_prose() {
        let prose = "The United States provides no development assistance to Peru.";
        assert!(heading("U.S. Assistance to Peru", Some(prose), None));
        assert!(!heading("U.S. Assistance to Peru", None, None));
        assert!(!heading("Miami", Some(prose), None));
        assert!(!heading("New York", Some("800 2nd Av., Suite 400J,"), None));
        assert!(heading(
            "PROFILE",
            Some("Geography"),
            Some("Area: 4,033 sq. km.")
        ));
        assert!(!heading(
            "Republic of Cape Verde",
            Some("Area: 4,033 sq. km."),
            None
        ));
    }

    #[test]
    fn run_in_headings_are_split_off() {
        let none = RunIn::new(None);
        let t = "U.S. - SAO TOME AND PRINCIPE RELATIONSThe United States established relations in 1976.";
        assert_eq!(
            none.heading_len(t),
            Some("U.S. - SAO TOME AND PRINCIPE RELATIONS".len())
        );
        let t = "Bilateral Economic RelationsU.S. exports to the islands include vehicles and machinery.";
        assert_eq!(
            none.heading_len(t),
            Some("Bilateral Economic Relations".len())
        );
        let t =
            "U.S. Assistance to Peru The Department of State provided $240 million in assistance.";
        assert_eq!(
            RunIn::new(Some("Peru")).heading_len(t),
            Some("U.S. Assistance to Peru".len())
        );
        let t = "The airstrip was blasted through the reef by SeaBees assisted by local divers long ago.";
        assert_eq!(none.heading_len(t), None);
    }

    #[test]
    fn profile_lines_are_key_lines() {
        assert!(is_key_line("Area: 4,033 sq. km."));
        assert!(!is_key_line("Official Name:"));
        assert!(!is_key_line("The United States and Peru: partners."));
    }
}

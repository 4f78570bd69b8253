//! The header: title, bureau, "Fact Sheet" label, date and the "More
//! information about X" line, in whatever order and company the archive left
//! them.

use super::chrome::is_chrome;
use super::lines::Line;
use super::values::date::{self, Dated};
use crate::date::DateValue;
use crate::document::Kind;
use crate::parse::text::words::{collapse, find_short, rfind_short, title_case};

/// How far into the text a header may start: past this, a "title" is prose.
const ZONE_LINES: usize = 80;
const ZONE_BYTES: usize = 8_000;

/// What the header says, and which lines it spans.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub title: Option<String>,
    pub country: Option<String>,
    pub bureau: Option<String>,
    pub date: Option<DateValue>,
    /// The kind the title's shape implies ("Background Note: X", "FACT SHEET: ...").
    pub kind: Option<Kind>,
    /// First and last header line (indices into the lines), if there is a header.
    pub lines: Option<(usize, usize)>,
    /// Whether the header has the "More information about X" line, which only
    /// bilateral fact sheets carry.
    pub has_more_information: bool,
    /// Whether the header has a "Fact Sheet" label line.
    pub has_label: bool,
    /// The lines that are header lines (title, bureau, label, date, ...);
    /// others inside the header's range are unknown to it.
    pub anchor_lines: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Title,
    Bureau,
    Label,
    Date,
    MoreInformation,
    Pointer,
}

/// Reads the header from the first lines of the text.
pub(crate) fn header(src: &str, lines: &[Line]) -> Header {
    let mut h = Header::default();
    let mut anchors: Vec<(usize, Anchor)> = Vec::new();
    let mut dates: Vec<(usize, DateValue)> = Vec::new();
    let mut prose_seen = false;
    // Lines before any header line that are neither chrome nor prose: a title
    // may follow a few of them (a site's name), not a block of content.
    let mut loose_lines = 0usize;
    let mut k = 0;
    while k < lines.len() && k < ZONE_LINES && lines[k].start < ZONE_BYTES {
        let line = lines[k];
        k += 1;
        if line.is_blank() {
            continue;
        }
        let t = line.text(src);
        let at = k - 1;
        let title_may_follow = !prose_seen && loose_lines <= 3;
        if let Some(anchor) = anchor(t, &mut h, title_may_follow, !anchors.is_empty()) {
            if anchor == Anchor::Bureau && h.bureau.is_none() {
                let (bureau, wrapped) = bureau(t, lines.get(at + 1).map(|l| l.text(src)));
                h.bureau = Some(bureau);
                anchors.push((at, anchor));
                if wrapped {
                    anchors.push((at + 1, anchor));
                    k += 1;
                }
                continue;
            }
            if anchor == Anchor::Date {
                if let Some(d) = standalone_date(t) {
                    dates.push((at, d));
                }
            }
            if anchor != Anchor::Bureau || h.bureau.is_none() {
                anchors.push((at, anchor));
            }
            continue;
        }
        if is_chrome(t) {
            continue;
        }
        if anchors.is_empty() {
            loose_lines += if t.contains(|c: char| c.is_ascii_digit()) {
                4
            } else {
                1
            };
        }
        let is_prose =
            (t.len() > 50 && t.ends_with('.')) || (t.len() > 120 && t.matches(' ').count() >= 12);
        if is_prose {
            if anchors.iter().any(|&(_, a)| a != Anchor::Date) {
                break;
            }
            prose_seen = true;
        }
    }
    // A date line is the sheet's date only beside another header line: a date
    // standing alone near the top is a blog's post date or a caption.
    let strong: Vec<usize> = anchors
        .iter()
        .filter(|(_, a)| *a != Anchor::Date)
        .map(|&(i, _)| i)
        .collect();
    anchors.retain(|&(i, a)| a != Anchor::Date || strong.iter().any(|&s| s.abs_diff(i) <= 5));
    if h.date.is_none() {
        h.date = dates
            .iter()
            .find(|(i, _)| anchors.iter().any(|(j, _)| j == i))
            .map(|&(_, d)| d);
    }
    let first = anchors
        .iter()
        .filter(|(_, a)| *a != Anchor::Date)
        .map(|&(i, _)| i)
        .min();
    let last = anchors.iter().map(|&(i, _)| i).max();
    if let (Some(first), Some(last)) = (first, last) {
        let first = anchors
            .iter()
            .map(|&(i, _)| i)
            .filter(|&i| i + 5 >= first)
            .min()
            .unwrap_or(first);
        h.lines = Some((first, last));
    }
    h.anchor_lines = anchors.iter().map(|&(i, _)| i).collect();
    if h.title.is_none() {
        if let Some((first, _)) = h.lines {
            name_line_title(src, lines, first, &mut h);
        }
    }
    h
}

/// A page that opens on a short name line just above the header's first line
/// ("Policy & History", "São Tomé & Príncipe") is titled by it: it is the
/// page's own heading, with only blank lines or chrome between.
fn name_line_title(src: &str, lines: &[Line], first_anchor: usize, h: &mut Header) {
    let Some(k) = lines[..first_anchor]
        .iter()
        .position(|l| !l.is_blank() && !is_chrome(l.text(src)))
    else {
        return;
    };
    let t = lines[k].text(src);
    let only_chrome_between = lines[k + 1..first_anchor]
        .iter()
        .all(|l| l.is_blank() || is_chrome(l.text(src)));
    let name_like = t.chars().count() <= 60
        && t.starts_with(char::is_uppercase)
        && !t.ends_with(['.', ':', ',', '|'])
        && t.split_whitespace().count() <= 6
        && t.split_whitespace()
            .all(|w| !w.starts_with(char::is_lowercase));
    if only_chrome_between && name_like {
        h.title = Some(collapse(t));
        if h.country.is_none() {
            h.country = Some(collapse(t));
        }
        h.kind.get_or_insert(Kind::Other);
        h.lines = h.lines.map(|(_, last)| (k, last));
        h.anchor_lines.push(k);
    }
}

/// The longest line read as a title ("Background Note: ..." with its
/// site's name and date is under 200 bytes).
const TITLE_MAX: usize = 300;

/// Classifies one header line, filling what it says into `h`.
fn anchor(t: &str, h: &mut Header, title_may_follow: bool, anchored: bool) -> Option<Anchor> {
    if is_label(t) {
        h.has_label = true;
        return Some(Anchor::Label);
    }
    if t.starts_with("More information about ")
        && t.contains(" is available")
        && !t.contains("listed here")
    {
        h.has_more_information = true;
        if h.country.is_none() {
            h.country = more_information_country(t);
        }
        return Some(Anchor::MoreInformation);
    }
    // "Compiled from the July 2003 Background Note and supplemented ...".
    if let Some(rest) = t.strip_prefix("Compiled from the ") {
        if let Some(end) = rest.find(" Background Note") {
            if let Some(d) = standalone_date(&rest[..end]) {
                h.date.get_or_insert(d);
                h.kind.get_or_insert(Kind::BackgroundNote);
                return Some(Anchor::Pointer);
            }
        }
    }
    if t.starts_with("For the most recently published version") {
        return Some(Anchor::Pointer);
    }
    if is_bureau_line(t) {
        return Some(Anchor::Bureau);
    }
    if standalone_date(t).is_some() {
        return Some(Anchor::Date);
    }
    // A title is a line, not a paragraph: the searches for the forms of
    // titles below are not run over the header zone's prose.
    if h.title.is_some() || t.len() > TITLE_MAX {
        return None;
    }
    // A scraped page's title carries its site: "U.S. Relations With Ghana |
    // Travel.gov", "... - United States Department of State".
    let t = without_site_name(t);
    if let Some(country) = relations_with(t) {
        // "Fact Sheets: U.S. Relations With Ghana": the sheet's title is its own part.
        let own = t.find("U.S. ").map_or(t, |at| &t[at..]);
        h.title = Some(collapse(own));
        h.country = Some(country);
        h.kind = Some(Kind::Factsheet);
        return Some(Anchor::Title);
    }
    if collection_title(t, h) {
        return Some(Anchor::Title);
    }
    if let Some(at) = rfind_short(t, "Background Note") {
        let title = &t[at..];
        if let Some(colon) = title.find(": ") {
            let (name, date) = split_trailing_date(&title[colon + 2..]);
            if !name.is_empty() && name.len() < 60 {
                h.title = Some(collapse(&format!("{}: {}", &title[..colon], name)));
                h.country = Some(name.to_string());
                h.kind = Some(Kind::BackgroundNote);
                if let Some(d) = date {
                    h.date = Some(d);
                }
                return Some(Anchor::Title);
            }
        }
    }
    if let Some(rest) = t
        .strip_prefix("FACT SHEET: ")
        .or_else(|| t.strip_prefix("Fact Sheet: "))
    {
        h.title = Some(collapse(t));
        h.country = relations_pair_country(rest).or_else(|| {
            let at = rest.find("Assistance to ")?;
            Some(country_name(&rest[at + "Assistance to ".len()..]))
        });
        h.kind = Some(Kind::Other);
        return Some(Anchor::Title);
    }
    if let Some(name) = t.strip_suffix(" [Shutterstock]") {
        h.title = Some(name.to_string());
        h.country = Some(name.to_string());
        h.kind = Some(Kind::Other);
        return Some(Anchor::Title);
    }
    if let Some(name) = t.strip_prefix("U.S. & ") {
        h.title = Some(collapse(t));
        h.country = Some(name.to_string());
        h.kind = Some(Kind::Other);
        return Some(Anchor::Title);
    }
    // A reprint that lost the title may open on the first heading,
    // "U.S.-ANDORRA RELATIONS": before any other header line or prose, that
    // line is the title.
    if title_may_follow && !anchored && t.chars().all(|c| !c.is_lowercase()) {
        if let Some(country) = relations_pair_country(t) {
            h.title = Some(collapse(t));
            h.country = Some(country);
            return Some(Anchor::Title);
        }
    }
    None
}

/// An aggregator's or a reprint's title: "U.S. Bilateral Relations Fact
/// Sheets: Ghana", "Fact Sheets: U.S. Relations With Ghana". Fills `h` and
/// says whether it was one.
fn collection_title(t: &str, h: &mut Header) -> bool {
    if let Some((collection, name)) = rfind_short(t, ": ").map(|at| (&t[..at], &t[at + 2..])) {
        let names_the_series = ["Relations", "relations", "Fact Sheets", "Fact sheets"]
            .iter()
            .any(|w| collection.contains(w));
        let own_title = relations_with(name);
        let country = own_title.clone().unwrap_or_else(|| country_name(name));
        if names_the_series
            && !collection.contains("Background Note")
            && super::facts::codes::country_code(&country).is_some()
        {
            // The collection's name is the site's, not the sheet's: the sheet's
            // title is the part after the colon when it is one ("U.S.
            // Relations With Ghana"), else the reprint lost it.
            h.title = own_title.map(|_| collapse(name));
            h.country = Some(country);
            h.kind = Some(Kind::Factsheet);
            return true;
        }
    }
    false
}

/// The "Fact Sheet" label line, whatever its case and spaces ("Fact\u{a0}Sheet"),
/// also as the Department's pages print it since 2018: "Bilateral Relations
/// Fact Sheet".
pub(crate) fn is_label(t: &str) -> bool {
    // Both forms open with a "b" or an "f", in either case.
    if !matches!(
        t.trim_start().as_bytes().first(),
        Some(b'b' | b'B' | b'f' | b'F')
    ) {
        return false;
    }
    let mut words = t.split_whitespace();
    let mut first = words.next();
    if first.is_some_and(|w| w.eq_ignore_ascii_case("bilateral")) {
        first = words.next();
        if first.is_some_and(|w| w.eq_ignore_ascii_case("relations")) {
            first = words.next();
        }
    }
    matches!((first, words.next(), words.next()), (Some(a), Some(b), None)
        if a.eq_ignore_ascii_case("fact") && b.eq_ignore_ascii_case("sheet"))
}

/// "U.S. Relations With the Solomon Islands" -> "Solomon Islands"; also
/// after a collection's name ("Fact Sheets: U.S. Relations With Ghana").
fn relations_with(t: &str) -> Option<String> {
    if t.len() > 80 {
        return None;
    }
    let at = find_short(t, "U.S. ")?;
    let rest = &t[at + "U.S. ".len()..];
    let lower = rest.get(..15)?.to_ascii_lowercase();
    // Only a title opens with it, or a collection's name and a colon before it.
    if lower != "relations with " || at > 0 && !t[..at].trim_end().ends_with(':') {
        return None;
    }
    Some(country_name(&rest[15..]))
}

/// A title without the site name a scraped page's title carries after a bar
/// or a dash: "U.S. Relations With Ghana | Travel.gov" -> "U.S. Relations With
/// Ghana". Only a segment that names a site goes.
fn without_site_name(t: &str) -> &str {
    // Every mark holds a bar, a hyphen or a dash's lead byte: most lines,
    // with none, are turned away before four searches are set up.
    if memchr::memchr3(b'|', b'-', 0xE2, t.as_bytes()).is_none() {
        return t;
    }
    for mark in [" | ", " - ", " – ", " — "] {
        if let Some((title, site)) = t.rsplit_once(mark) {
            let names_a_site = [
                ".gov",
                ".com",
                ".org",
                "Department of State",
                "Embassy",
                "State Department",
            ]
            .iter()
            .any(|w| site.contains(w));
            if names_a_site && !title.trim().is_empty() {
                return title.trim_end();
            }
        }
    }
    t
}

/// "U.S.-PERU RELATIONS" | "U.S. - SAO TOME AND PRINCIPE RELATIONS" |
/// "United States-Germany Relations" -> the country.
pub(crate) fn relations_pair_country(t: &str) -> Option<String> {
    let t = t.trim();
    let rest = t
        .strip_prefix("U.S.")
        .or_else(|| t.strip_prefix("United States"))?
        .trim_start()
        .strip_prefix(['-', '–'])?
        .trim_start();
    let name = rest
        .strip_suffix(" RELATIONS")
        .or_else(|| rest.strip_suffix(" Relations"))?;
    (!name.is_empty() && name.len() < 50).then(|| country_name(name))
}

/// A country as written in a title, in normal capitalisation, without a
/// leading "the" or trailing period.
pub(crate) fn country_name(s: &str) -> String {
    let s = collapse(s.trim().trim_end_matches('.'));
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(&s);
    title_case(s)
}

/// "More information about the Holy See is available on ..." -> "Holy See".
fn more_information_country(t: &str) -> Option<String> {
    let rest = t.strip_prefix("More information about ")?;
    let end = rest.find(" is available")?;
    Some(country_name(&rest[..end]))
}

fn is_bureau_line(t: &str) -> bool {
    let body = t.strip_prefix("Released by the ").unwrap_or(t);
    (body.starts_with("Bureau of ") || body.starts_with("Office of ") && body.contains("Bureau of"))
        && t.len() < 160
        && !t.strip_suffix('.').unwrap_or(t).contains(". ")
}

/// The bureau as written, and whether it wrapped onto the next line
/// ("..., Bureau of" / "African Affairs.").
fn bureau(t: &str, next: Option<&str>) -> (String, bool) {
    let body = t.strip_prefix("Released by the ").unwrap_or(t);
    let wraps = body.ends_with(" of") || body.ends_with(',');
    let joined = match next {
        Some(n) if wraps && !n.is_empty() => (format!("{body} {n}"), true),
        _ => (body.to_string(), false),
    };
    (collapse(joined.0.trim_end_matches('.')), joined.1)
}

/// A line that is only a date: "April 2, 2018" | "August 2009" | "Updated 05/07/2013".
fn standalone_date(t: &str) -> Option<DateValue> {
    let t = t.strip_prefix("Updated ").unwrap_or(t);
    let (rest, (dated, _)) = date::date(t).ok()?;
    match (dated, rest.trim_end_matches('.').trim()) {
        (Dated::One(d @ (DateValue::Day(_) | DateValue::Month { .. })), "") => Some(d),
        _ => None,
    }
}

/// "Cape Verde, May 1998" -> ("Cape Verde", May 1998).
fn split_trailing_date(s: &str) -> (&str, Option<DateValue>) {
    if let Some(comma) = s.rfind(", ") {
        if let Some(d) = standalone_date(&s[comma + 2..]) {
            return (s[..comma].trim(), Some(d));
        }
    }
    (s.trim(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split;

    fn read(src: &str) -> Header {
        header(src, &split(src))
    }

    #[test]
    fn the_label_as_the_department_prints_it() {
        assert!(is_label("Fact Sheet"));
        assert!(is_label("FACT  SHEET"));
        assert!(is_label("Bilateral Relations Fact Sheet"));
        assert!(!is_label("Relations Fact Sheet"));
        assert!(!is_label("Bilateral Relations Fact Sheets: Ghana"));
        let h = read("U.S. Relations With Uruguay\n\nBureau of Western Hemisphere Affairs\nBilateral Relations Fact Sheet\nMarch 14, 2023\n\nProse.\n");
        assert_eq!(h.kind, Some(Kind::Factsheet));
        assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2023-03-14"));
    }

    #[test]
    fn aggregator_and_scraped_titles() {
        let body =
            "\n\nBureau of African Affairs\nFact Sheet\nMarch 4, 2020\n\nProse follows here.\n";
        let h = read(&format!(
            "U.S. Bilateral Relations Fact Sheets: Ghana{body}"
        ));
        assert_eq!(
            (h.title.as_deref(), h.country.as_deref()),
            (None, Some("Ghana"))
        );
        assert_eq!(h.kind, Some(Kind::Factsheet));
        let h = read(&format!(
            "Fact Sheets: U.S. Relations With Ghana | Travel.gov{body}"
        ));
        assert_eq!(h.title.as_deref(), Some("U.S. Relations With Ghana"));
        let h = read(&format!(
            "U.S. Relations With Ghana - United States Department of State{body}"
        ));
        assert_eq!(h.title.as_deref(), Some("U.S. Relations With Ghana"));
        assert_eq!(h.country.as_deref(), Some("Ghana"));
        // A colon title that names no country is no sheet's.
        let h = read(&format!("Fact Sheets: Recent Releases{body}"));
        assert_ne!(h.country.as_deref(), Some("Recent Releases"));
    }

    #[test]
    fn the_standard_layout() {
        let h = read(
            "U.S. Relations With Chile\n\nBureau of Western Hemisphere Affairs\nFact Sheet\nMay 3, 2019\n\n\
             More information about Chile is available on the Chile Page.\n\nThe United States and Chile have \
             worked together for a long time, and they keep doing so.\n",
        );
        assert_eq!(h.title.as_deref(), Some("U.S. Relations With Chile"));
        assert_eq!(h.country.as_deref(), Some("Chile"));
        assert_eq!(
            h.bureau.as_deref(),
            Some("Bureau of Western Hemisphere Affairs")
        );
        assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("2019-05-03"));
        assert_eq!(h.lines, Some((0, 6)));
    }

    #[test]
    fn background_note_with_date_in_the_title_and_a_wrapped_bureau() {
        let h = read(
            "U. S. Department of State\nBackground Notes: Mali, June 1997\nReleased by the Office of West \
             African Affairs, Bureau of \nAfrican Affairs.\n\nOfficial Name:\n",
        );
        assert_eq!(h.title.as_deref(), Some("Background Notes: Mali"));
        assert_eq!(h.kind, Some(Kind::BackgroundNote));
        assert_eq!(
            h.bureau.as_deref(),
            Some("Office of West African Affairs, Bureau of African Affairs")
        );
        assert_eq!(h.date.map(|d| d.to_string()).as_deref(), Some("1997-06"));
    }

    #[test]
    fn a_blog_post_date_is_not_the_sheet_date() {
        let h = read("Sunday, June 17, 2012\n\nU.S.-FIJI RELATIONS\n\nSome text.\n");
        assert_eq!(h.date, None);
        assert_eq!(h.title.as_deref(), Some("U.S.-FIJI RELATIONS"));
        assert_eq!(h.country.as_deref(), Some("Fiji"));
    }

    #[test]
    fn no_title_country_from_the_more_information_line() {
        let h = read("More information about the Holy See is available on the Holy See Page.\n");
        assert_eq!(h.title, None);
        assert_eq!(h.country.as_deref(), Some("Holy See"));
    }

    #[test]
    fn country_names() {
        assert_eq!(country_name("the Solomon Islands"), "Solomon Islands");
        assert_eq!(country_name("San Marino."), "San Marino");
        assert_eq!(
            relations_pair_country("U.S. - SAO TOME AND PRINCIPE RELATIONS").as_deref(),
            Some("Sao Tome and Principe")
        );
        assert_eq!(relations_pair_country("U.S. Assistance to Peru"), None);
    }
}

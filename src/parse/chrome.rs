//! Site chrome: the lines a web page or blog puts around a fact sheet that the
//! State Department never printed (banners, menus, bylines, share buttons).

use crate::parse::text::words::words;

/// Line openings that only site chrome has.
const CHROME_PREFIXES: [&str; 47] = [
    "An official website of the United States",
    "Official websites use .gov",
    "A .gov website belongs to",
    "Secure .gov websites use HTTPS",
    "A lock (",
    "You are viewing ARCHIVED CONTENT",
    "You are viewing:",
    "Content in this archive site is NOT UPDATED",
    "For current information, go to",
    "Content on this archived webpage is NOT UPDATED",
    "Click here to go to the",
    "This is historical material",
    "Great Seal The State Department web site below",
    "NOTE: External links to other Internet sites",
    "printable banner",
    "Skip Links",
    "You are in:",
    "Search This Blog",
    "Search form",
    "Printer Friendly",
    "Currency Converter",
    "Map Credit",
    "Map: ",
    "Locator Map:",
    "FROM: U.S.",
    "FROM:  U.S.",
    "Note to our readers:",
    "COPYRIGHT ",
    "Copyright ©",
    "Source : ",
    "Comment",
    "Make a general inquiry",
    "Diplomacy in Action",
    "U.S. Department of State - Great Seal",
    "Bookmark and Share",
    "Subject Index",
    "Download ",
    "Read more about ",
    "Fact Sheets: ",
    "Embassy and Consulate Web Sites for",
    "Learn More",
    "International Travel Information: Learn More",
    "What you need to know before you go",
    "Information released online before",
    "Note: Content in this archive site",
    "You are entering the",
    "If you are looking for current information",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The length of a page store's capture marker opening a line of content
/// ("date 2024-08-07 Today, the United States ..."), or 0.
pub(crate) fn capture_marker_len(t: &str) -> usize {
    let b = t.as_bytes();
    let is_marker = t.starts_with("date ")
        && b.len() > 16
        && b[5..9].iter().all(u8::is_ascii_digit)
        && b[9] == b'-'
        && b[12] == b'-'
        && b[15] == b' ';
    if is_marker {
        16
    } else {
        0
    }
}

/// Which bytes open one of the chrome prefixes: a line opening with any
/// other byte needs no comparison at all.
static PREFIX_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < CHROME_PREFIXES.len() {
        table[CHROME_PREFIXES[k].as_bytes()[0] as usize] = true;
        k += 1;
    }
    table
};

/// The first four bytes of a text as one number, to compare openings
/// without a call to `memcmp`.
fn head4(b: &[u8]) -> Option<u32> {
    match *b {
        [a, b, c, d, ..] => Some(u32::from_le_bytes([a, b, c, d])),
        _ => None,
    }
}

/// The chrome prefixes grouped by their first byte, each with its first four
/// bytes as a number: a line is compared only with the few that open as it
/// does, and only one whose first four bytes match costs a string comparison.
/// (Every prefix is at least four bytes long; a test checks it.)
static PREFIXES_BY_FIRST_BYTE: std::sync::LazyLock<Vec<Vec<(u32, &'static str)>>> =
    std::sync::LazyLock::new(|| {
        let mut groups = vec![Vec::new(); 256];
        for p in CHROME_PREFIXES {
            if let Some(key) = head4(p.as_bytes()) {
                groups[p.as_bytes()[0] as usize].push((key, p));
            }
        }
        groups
    });

/// Whole lines that are chrome. A `match` on the string compares the
/// length first, so most lines are ruled out at once.
fn is_chrome_line(t: &str) -> bool {
    matches!(
        t,
        "Share"
            | "Translate"
            | "Home"
            | "Video"
            | "Blue Bar"
            | "Great Seal"
            | "Country Map"
            | "[Country Map]"
            | "U.S. Department of State"
            | "U. S. Department of State"
            | "U.S. Government"
            | "views updated"
            | "Rankings"
            | "All Countries"
            | "World Newspapers"
            | "US Newspapers"
            | "Highlights"
            | "Print"
            | "Email"
            | "Tweet"
    )
}

/// Is this trimmed line site chrome?
pub(crate) fn is_chrome(t: &str) -> bool {
    is_chrome_marked(t, menu_marks(t.as_bytes()))
}

/// Does the line hold a menu's or a breadcrumb's mark ('|', '>')?
pub(crate) fn menu_marks(bytes: &[u8]) -> bool {
    memchr::memchr2(b'|', b'>', bytes).is_some()
}

/// [`is_chrome`], told whether the line holds a menu mark: the layout finds
/// the marks of all lines in one pass over the text.
pub(crate) fn is_chrome_marked(t: &str, marked: bool) -> bool {
    let bytes = t.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let prefixed = PREFIX_FIRST_BYTES[first as usize]
        && head4(bytes).is_some_and(|key| {
            PREFIXES_BY_FIRST_BYTE[first as usize]
                .iter()
                .any(|&(k, p)| k == key && t.starts_with(p))
        });
    if prefixed || t.len() <= 40 && is_chrome_line(t) {
        return true;
    }
    // Navigation: "Home | About | Contact", breadcrumbs "World > Europe > Germany".
    // Every item of a menu is a few words; a line of prose that holds bars
    // ("grew | rose | fell by 5 percent in 2019 ...") is none.
    let short_items = |bar: &str| t.split(bar).all(|item| item.trim().len() <= 40);
    if marked
        && (t.matches(" | ").count() >= 2 && short_items(" | ")
            || t.ends_with(" |")
            || t.matches(" > ").count() >= 2 && short_items(" > "))
    {
        return true;
    }
    // A letter index "A B C D E F".
    if t.len() >= 5 && bytes[1] == b' ' && words(t).filter(|w| !w.is_empty()).all(|w| w.len() == 1)
    {
        return true;
    }
    // Image labels: "Tuvalu 2109×1406", "Peru [Shutterstock]".
    if t.len() < 40 && t.contains('×') || t.ends_with("[Shutterstock]") {
        return true;
    }
    // The remaining tests are for short lines: a line of prose is no byline.
    if t.len() >= 80 {
        return false;
    }
    // A blog's post date: "Sunday, June 17, 2012", "Wednesday, August 28, 2013 - 13:18".
    if t.len() < 48
        && matches!(first, b'M' | b'T' | b'W' | b'F' | b'S')
        && WEEKDAYS
            .iter()
            .any(|d| t.starts_with(d) && t[d.len()..].starts_with(", "))
    {
        return true;
    }
    // Bylines: "By Newsroom America Feeds at 2 Feb 2017".
    if t.starts_with("By ") && !t.ends_with('.') && t.contains(" at ") {
        return true;
    }
    // A page store's capture marker: " date 2025-01-24 document".
    if t.starts_with("date ") && t.len() < 40 {
        return true;
    }
    // A reprint site's page label: "Germany - Relations with U.S. (Notes)".
    if t.ends_with("(Notes)") {
        return true;
    }
    // Feeds in a blog's sidebar: "White House.gov Press Office Feed".
    t.ends_with(" Feed") && t.len() < 50
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefix_has_four_bytes_to_compare_first() {
        assert!(CHROME_PREFIXES.iter().all(|p| p.len() >= 4));
    }

    #[test]
    fn banners_menus_and_bylines_are_chrome() {
        for t in [
            "An official website of the United States Government Here's how you know",
            "Sunday, June 17, 2012",
            "Wednesday, August 28, 2013 - 13:18",
            "By Newsroom America Feeds at 2 Feb 2017",
            "Embassy/Consulate Addresses | Foreign Relations | Travel Advisories",
            "World > Europe > Germany > Relations with U.S. (Notes)",
            "A B C D E F",
            "Map: San Marino. Credit: CIA World Factbook. |",
        ] {
            assert!(is_chrome(t), "{t}");
        }
    }

    #[test]
    fn content_is_not_chrome() {
        for t in [
            "U.S. Relations With Peru",
            "Bureau of African Affairs",
            "The United States established diplomatic relations with Peru in 1827.",
            "Bilateral Representation",
            "Sunday services are held in the capital, according to the 2010 census of religious life.",
        ] {
            assert!(!is_chrome(t), "{t}");
        }
    }
}

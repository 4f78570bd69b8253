//! An address as its parts: the pieces between commas and line breaks, each
//! with the role it plays. Addresses everywhere are written as a sequence
//! of such parts, from the most particular to the most general: a building,
//! a street with its number, a unit or post box, a district, the city, the
//! country. A researcher wants the street and the city; the districts
//! between them ("Gulshan", "Victoria Island", "Colonia Cuauhtémoc") are
//! neither, and are left out of both.

use compact_str::CompactString;

use super::street_words::{FOREIGN_STREET_WORDS, SPELLED, SUFFIXES, UNIT_WORDS};

/// One part of an address: its text (trimmed) and where it starts in the
/// source.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part<'a> {
    pub(crate) at: usize,
    pub(crate) text: &'a str,
}

impl Part<'_> {
    pub(crate) fn end(&self) -> usize {
        self.at + self.text.len()
    }
}

/// What a part of an address is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A named building with no number: "Cigna Tower", "Ecobank Building".
    Building,
    /// A way and its number: "12 Madani Avenue", "Avenida Arce 2780",
    /// "Museumplein 19", "Radial Castilla S/N".
    Street,
    /// A number that needs the next part for its street: "Plot 1075",
    /// "Km 5.7", "14 & 16".
    Number,
    /// A secondary unit: "Suite 3200", "18th Floor", "No. 103".
    Unit,
    /// A post box in any of its local names: "P.O. Box 817", "B.P. 620",
    /// "Apartado Postal No. 3453".
    Box,
    /// Anything else: a district, a city, a name.
    Other,
}

/// The parts of `src[from..to]`, split at commas and line breaks.
pub(crate) fn split(src: &str, from: usize, to: usize) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut at = from;
    for piece in src[from..to].split([',', '\n']) {
        let lead = piece.len() - piece.trim_start().len();
        let text = piece.trim().trim_end_matches('\r');
        if !text.is_empty() {
            out.push(Part {
                at: at + lead,
                text,
            });
        }
        at += piece.len() + 1;
    }
    out
}

/// The words of a part in lower case, each held inline (no allocation for
/// a word of up to 24 bytes): the parts of every candidate address are
/// classified, and a `String` per word was a tenth of a sheet's parse.
fn lower_words(s: &str) -> impl Iterator<Item = CompactString> + '_ {
    s.split([' ', '\u{a0}']).filter(|w| !w.is_empty()).map(|w| {
        let w = w.trim_matches(['.', '(', ')', ':', ';']);
        if w.is_ascii() {
            let mut out = CompactString::from(w);
            out.make_ascii_lowercase();
            out
        } else {
            w.chars().flat_map(char::to_lowercase).collect()
        }
    })
}

/// Words that name a way wherever it is written ("Avenue", "Calle",
/// "Rruga"), and the endings that name one inside a compound word
/// ("Museumplein", "Herengracht", "Clayallee", "Shantipath").
pub(crate) fn is_street_word(w: &str) -> bool {
    const ENDINGS: [&str; 14] = [
        "straße", "strasse", "gracht", "plein", "straat", "allee", "laan", "gasse", "gatan",
        "vägen", "katu", "path", "marg", "weg",
    ];
    street_words().binary_search(&w).is_ok()
        || w.len() >= 7 && w.chars().count() >= 7 && ENDINGS.iter().any(|e| w.ends_with(e))
}

/// The USPS suffixes and the street words abroad, sorted once for a binary
/// search: a linear scan of the two lists for each word of each part was a
/// fifth of a sheet's parse.
fn street_words() -> &'static [&'static str] {
    static SORTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut all: Vec<&str> = SUFFIXES
            .iter()
            .chain(&FOREIGN_STREET_WORDS)
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    })
}

/// A house number: "12", "24B-27", "1-10-5", "E12-170", "S/N".
fn is_house_number(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    w.eq_ignore_ascii_case("s/n")
        || w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().filter(char::is_ascii_digit).count() * 2 >= w.len().min(6)
        || w.len() >= 3
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w[1..].starts_with(|c: char| c.is_ascii_digit())
            && w.contains('-')
}

fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

const BOX_OPENINGS: [&str; 14] = [
    "p.o. box",
    "p. o. box",
    "po box",
    "p.o.box",
    "post office box",
    "b.p.",
    "bp ",
    "apartado",
    "casilla",
    "caixa postal",
    "postfach",
    "private bag",
    "pmb ",
    "psc ",
];

const BUILDINGS: [&str; 12] = [
    "building", "bldg", "tower", "towers", "center", "centre", "plaza", "house", "complex", "mall",
    "hall", "chambers",
];

/// Does `s` open with a post box in one of its local names? A byte test
/// with no allocation: the forward reader asks it of every capitalised word.
pub(crate) fn opens_box(s: &str) -> bool {
    let b = s.as_bytes();
    // Every name opens with one of four letters: most words stop here.
    if !b
        .first()
        .is_some_and(|c| matches!(c | 0x20, b'a' | b'b' | b'c' | b'p'))
    {
        return false;
    }
    BOX_OPENINGS
        .iter()
        .chain(&["box "])
        .any(|o| b.len() >= o.len() && b[..o.len()].eq_ignore_ascii_case(o.as_bytes()))
}

/// The role a part plays.
pub(crate) fn role(part: &str) -> Role {
    if opens_box(part) {
        return Role::Box;
    }
    let words: Vec<CompactString> = lower_words(part).collect();
    let Some(first) = words.first() else {
        return Role::Other;
    };
    let last = words.last().map_or("", CompactString::as_str);
    // A street's lower-case words are street words ("gate", "rue") or the
    // small words between names ("Rruga e Elbasanit", "at the corner of");
    // any other is prose ("Santa Cruz works from ...").
    let prose = part.split(' ').zip(&words).any(|(raw, w)| {
        raw.starts_with(|c: char| c.is_lowercase())
            && !is_street_word(w)
            && !matches!(
                w.as_str(),
                "de" | "del"
                    | "la"
                    | "le"
                    | "les"
                    | "el"
                    | "e"
                    | "y"
                    | "da"
                    | "do"
                    | "dos"
                    | "das"
                    | "di"
                    | "of"
                    | "the"
                    | "and"
                    | "at"
                    | "corner"
                    | "van"
                    | "der"
                    | "den"
                    | "al"
                    | "bis"
                    | "es"
                    | "du"
                    | "des"
                    | "d'"
                    | "on"
            )
            && !w.starts_with("d'")
            && !w.starts_with("l'")
            && !is_house_number(w)
            && !is_ordinal(w)
    });
    let numbered = |w: &CompactString| is_house_number(w);
    // "Suite 3200", "No. 103", "#12", "18th Floor", "Main Floor".
    if UNIT_WORDS.contains(&first.as_str()) && words.len() <= 3
        || first == "no" && words.get(1).is_some_and(numbered)
        || first.starts_with('#')
        || matches!(last, "floor" | "fl" | "level") && words.len() <= 3
    {
        return Role::Unit;
    }
    // "Plot 1075", "Km 5.7", "14 & 16": a number that the next part names.
    if words.len() <= 3
        && (matches!(first.as_str(), "plot" | "km" | "lot" | "stand" | "erf")
            && words.get(1).is_some_and(numbered)
            || words.iter().all(|w| numbered(w) || w == "&" || w == "-"))
    {
        return Role::Number;
    }
    let street_word = words.iter().skip(1).any(|w| is_street_word(w))
        || words.len() > 1 && is_street_word(first)
        || words.len() == 1 && is_street_word(first) && first.chars().count() >= 7;
    let house_first = numbered(first) || SPELLED.contains(&first.as_str());
    let house_last = words.len() >= 2 && numbered(&words[words.len() - 1]);
    let building = BUILDINGS.contains(&last) && !house_first && !house_last;
    if prose {
        return Role::Other;
    }
    if building {
        return Role::Building;
    }
    let capitalised_after = |k: usize| {
        part.split(' ')
            .nth(k)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    };
    if street_word && (house_first || house_last || is_street_word(first) || words.len() <= 6)
        || house_first && !is_ordinal(first) && words.len() >= 2 && capitalised_after(1)
        || house_last && capitalised_after(0) && words.len() <= 5
    {
        return Role::Street;
    }
    Role::Other
}

/// Is this part a street that starts with its house number ("885 Second
/// Avenue", "One United Nations Plaza")? Such a part may follow another
/// street: a building's own address, then the street's.
fn numbered_street(part: &str) -> bool {
    let first = lower_words(part).next().unwrap_or_default();
    (is_house_number(&first) || SPELLED.contains(&first.as_str()))
        && lower_words(part).skip(1).any(|w| is_street_word(&w))
}

/// The parts that make the street: from the first part that can open one
/// to the last unit, box or intersection that belongs to it. Districts
/// after it are not part of it. Returns the first and last index.
pub(crate) fn street(parts: &[Part<'_>]) -> Option<(usize, usize)> {
    let roles: Vec<Role> = parts.iter().map(|p| role(p.text)).collect();
    let first = (0..parts.len()).find(|&k| match roles[k] {
        Role::Street | Role::Box => true,
        // A building, a unit or a bare number opens the street only with
        // the street after it ("Cigna Tower, 1360 Post Oak Blvd.").
        Role::Building | Role::Unit | Role::Number => parts.get(k + 1).is_some_and(|next| {
            matches!(roles[k + 1], Role::Street | Role::Building | Role::Box)
                || house_number_first(next.text)
                || next.text.starts_with("corner of")
        }),
        Role::Other => false,
    })?;
    let mut last = first;
    // The opener's own street.
    if matches!(roles[first], Role::Building | Role::Unit | Role::Number) {
        last += 1;
        if roles[last] == Role::Building && parts.get(last + 1).is_some() {
            // "4th Floor, Federal Reserve Bank Building": the building holds
            // the unit; a street after it is the building's.
            if roles.get(last + 1) == Some(&Role::Street) && numbered_street(parts[last + 1].text) {
                last += 1;
            }
        }
    }
    while let Some(next) = parts.get(last + 1) {
        let r = roles[last + 1];
        let intersection = next.text.starts_with("corner of");
        if matches!(r, Role::Unit | Role::Box)
            || intersection
            || is_directional(next.text)
            || r == Role::Street && numbered_street(next.text)
        {
            last += 1;
        } else {
            break;
        }
    }
    Some((first, last))
}

/// A quadrant or direction written as its own part: ", NW", ", S.E.".
fn is_directional(part: &str) -> bool {
    matches!(
        part.trim_end_matches('.').replace('.', "").as_str(),
        "NW" | "NE" | "SW" | "SE" | "N" | "S" | "E" | "W"
    )
}

/// "1000 Louisiana": a house number, then a name.
fn house_number_first(part: &str) -> bool {
    let mut words = part.split(' ');
    words.next().is_some_and(is_house_number)
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// A city's name as a part writes it, without what postal practice adds
/// to it: a district number or letter ("Dublin 4", "Colombo 3",
/// "Copenhagen Ø") or a capital's designation ("Bogotá D.C.",
/// "Tegucigalpa M.D.C."). `None` when the part is no city's name.
pub(crate) fn city(part: &str) -> Option<&str> {
    let mut name = part.trim().trim_end_matches(['.', ';', ':']);
    for designation in [" M.D.C", " D.C", " DC"] {
        if let Some(n) = name.strip_suffix(designation) {
            name = n.trim_end_matches(',');
        }
    }
    if let Some((head, tail)) = name.rsplit_once(' ') {
        let district = tail.len() <= 2 && tail.bytes().all(|b| b.is_ascii_digit())
            || tail.chars().count() == 1 && tail.chars().all(char::is_uppercase);
        if district {
            name = head;
        }
    }
    let words: Vec<&str> = name.split(' ').collect();
    let joiner = |w: &str| {
        matches!(
            w,
            "de" | "del"
                | "la"
                | "el"
                | "es"
                | "da"
                | "do"
                | "dos"
                | "al"
                | "of"
                | "upon"
                | "sur"
                | "en"
                | "am"
                | "an"
                | "der"
                | "di"
                | "y"
        )
    };
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let fits = (1..=4).contains(&words.len())
        && capital(words[0])
        && capital(words[words.len() - 1])
        && words.iter().all(|w| capital(w) || joiner(w))
        && !name.bytes().any(|b| b.is_ascii_digit())
        && name.bytes().any(|b| b.is_ascii_lowercase() || b >= 0x80)
        && !words.iter().any(|w| {
            let w = w.to_lowercase();
            let w = w.trim_end_matches('.');
            UNIT_WORDS.contains(&w) || matches!(w, "no" | "box" | "km" | "plot" | "po")
        });
    fits.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_post_box_name_passes_the_first_letter_gate() {
        for name in BOX_OPENINGS.iter().chain(&["box "]) {
            assert!(opens_box(name), "{name}");
            assert!(opens_box(&name.to_uppercase()), "{name}");
        }
        for word in ["Relations", "2009", "December", "Box", "Pacific"] {
            assert!(!opens_box(word), "{word}");
        }
    }

    #[test]
    fn roles_of_parts_written_around_the_world() {
        for (part, want) in [
            ("12 Madani Avenue", Role::Street),
            ("Avenida Arce 2780", Role::Street),
            ("Museumplein 19", Role::Street),
            ("Radial Castilla S/N", Role::Street),
            ("Carrera 45 No. 24B-27", Role::Street),
            ("1-10-5 Akasaka", Role::Street),
            ("Shantipath", Role::Street),
            (
                "Avenue Jean XXIII at the corner of Avenue Kleber",
                Role::Street,
            ),
            ("Plot 1075", Role::Number),
            ("Km 5.7", Role::Number),
            ("14 & 16", Role::Number),
            ("Suite 3200", Role::Unit),
            ("18th Floor", Role::Unit),
            ("No. 103", Role::Unit),
            ("P.O. Box 817", Role::Box),
            ("B.P. 620", Role::Box),
            ("Apartado Postal No. 3453", Role::Box),
            ("Cigna Tower", Role::Building),
            ("Federal Reserve Bank of Tonga Building", Role::Building),
            ("Gulshan", Role::Other),
            ("Samal-2", Role::Other),
            ("Victoria Island", Role::Other),
            ("Central Business District", Role::Other),
            ("U.S. Embassy", Role::Other),
            ("the embassy opened in 1989", Role::Other),
            ("Santa Cruz works from Radial Castilla S/N", Role::Other),
            ("Bogotá is at Carrera 45 No. 24B-27", Role::Other),
        ] {
            assert_eq!(role(part), want, "{part}");
        }
    }

    fn street_of(s: &str) -> Option<String> {
        let parts = split(s, 0, s.len());
        let (a, b) = street(&parts)?;
        Some(s[parts[a].at..parts[b].end()].to_string())
    }

    #[test]
    fn the_street_runs_from_its_opener_to_its_last_unit() {
        for (body, want) in [
            ("12 Madani Avenue, Gulshan", "12 Madani Avenue"),
            (
                "1711 N Street, NW, 2nd Floor",
                "1711 N Street, NW, 2nd Floor",
            ),
            (
                "Entoto Street, P.O. Box 1014",
                "Entoto Street, P.O. Box 1014",
            ),
            (
                "Km 5.7, Avenue Mohamed VI, Souissi",
                "Km 5.7, Avenue Mohamed VI",
            ),
            (
                "Brickell Bay View Tower, 80 S.W. 8th Street, Suite 3200",
                "Brickell Bay View Tower, 80 S.W. 8th Street, Suite 3200",
            ),
            (
                "Wells Fargo Plaza, 1000 Louisiana, Suite 5670",
                "Wells Fargo Plaza, 1000 Louisiana, Suite 5670",
            ),
            (
                "One Dag Hammarskjold Plaza, 885 Second Avenue, 18th Floor",
                "One Dag Hammarskjold Plaza, 885 Second Avenue, 18th Floor",
            ),
            (
                "Consular Section, U.S. Embassy, 1201 Roxas Boulevard, Ermita",
                "1201 Roxas Boulevard",
            ),
            (
                "4th Floor, Federal Reserve Bank of Tonga Building",
                "4th Floor, Federal Reserve Bank of Tonga Building",
            ),
            (
                "Ecobank Building, corner of Rue Ivy and Rue French, Bonanjo",
                "Ecobank Building, corner of Rue Ivy and Rue French",
            ),
            ("97 Zholdasbekov Street, Samal-2", "97 Zholdasbekov Street"),
            (
                "Paseo de la Reforma 305\nColonia Cuauhtémoc",
                "Paseo de la Reforma 305",
            ),
        ] {
            assert_eq!(street_of(body).as_deref(), Some(want), "{body}");
        }
        assert_eq!(street_of("Gulshan, Dhaka"), None);
    }

    #[test]
    fn cities_without_their_postal_districts() {
        assert_eq!(city("Kingston 6"), Some("Kingston"));
        assert_eq!(city("Copenhagen Ø"), Some("Copenhagen"));
        assert_eq!(city("Tegucigalpa M.D.C."), Some("Tegucigalpa"));
        assert_eq!(city("Dar es Salaam"), Some("Dar es Salaam"));
        assert_eq!(city("Nuku'alofa"), Some("Nuku'alofa"));
        assert_eq!(city("next to the Mount Febe Golf Club"), None);
        assert_eq!(city("Suite 5"), None);
        assert_eq!(city("No."), None);
        assert_eq!(city("Box"), None);
        assert_eq!(city("NW"), None);
    }
}

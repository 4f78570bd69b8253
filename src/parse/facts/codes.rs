//! Codes for names: a country's ISO 3166-1 alpha-2 code from the names fact
//! sheets use (ISO's own short names, common names, historical ones), and a
//! bureau's office symbol from its name.

use crate::facts::BureauCode;
use isocountry::CountryCode;

/// Names that ISO's short names do not give as fact sheets write them:
/// common and historical names, and the territories ISO 3166 adds a code for.
const ALIASES: &[(&str, &str)] = &[
    ("burma", "MM"),
    ("swaziland", "SZ"),
    ("eswatini", "SZ"),
    ("cape verde", "CV"),
    ("cabo verde", "CV"),
    ("ivory coast", "CI"),
    ("cote d ivoire", "CI"),
    ("holy see", "VA"),
    ("vatican", "VA"),
    ("vatican city", "VA"),
    ("kosovo", "XK"),
    ("south korea", "KR"),
    ("republic of korea", "KR"),
    ("korea", "KR"),
    ("north korea", "KP"),
    ("democratic people s republic of korea", "KP"),
    ("dprk", "KP"),
    ("russia", "RU"),
    ("iran", "IR"),
    ("syria", "SY"),
    ("laos", "LA"),
    ("vietnam", "VN"),
    ("viet nam", "VN"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("tanzania", "TZ"),
    ("moldova", "MD"),
    ("micronesia", "FM"),
    ("federated states of micronesia", "FM"),
    ("macedonia", "MK"),
    ("north macedonia", "MK"),
    ("former yugoslav republic of macedonia", "MK"),
    ("czechia", "CZ"),
    ("czech republic", "CZ"),
    ("turkey", "TR"),
    ("turkiye", "TR"),
    ("taiwan", "TW"),
    ("brunei", "BN"),
    ("brunei darussalam", "BN"),
    ("gambia", "GM"),
    ("bahamas", "BS"),
    ("democratic republic of the congo", "CD"),
    ("democratic republic of congo", "CD"),
    ("drc", "CD"),
    ("congo kinshasa", "CD"),
    ("zaire", "CD"),
    ("republic of the congo", "CG"),
    ("republic of congo", "CG"),
    ("congo brazzaville", "CG"),
    ("congo", "CG"),
    ("east timor", "TL"),
    ("timor leste", "TL"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("uk", "GB"),
    ("united states", "US"),
    ("usa", "US"),
    ("palestinian territories", "PS"),
    ("west bank and gaza", "PS"),
    ("palestine", "PS"),
    ("sao tome and principe", "ST"),
    ("saint kitts and nevis", "KN"),
    ("st kitts and nevis", "KN"),
    ("saint lucia", "LC"),
    ("st lucia", "LC"),
    ("saint vincent and the grenadines", "VC"),
    ("st vincent and the grenadines", "VC"),
    ("antigua and barbuda", "AG"),
    ("trinidad and tobago", "TT"),
    ("bosnia and herzegovina", "BA"),
    ("bosnia", "BA"),
    ("kyrgyz republic", "KG"),
    ("slovak republic", "SK"),
    ("hong kong", "HK"),
    ("macau", "MO"),
    ("macao", "MO"),
    ("uae", "AE"),
    ("people s republic of china", "CN"),
    ("prc", "CN"),
    ("belarus", "BY"),
    ("byelorussia", "BY"),
    ("western samoa", "WS"),
    ("zambia", "ZM"),
    ("libya", "LY"),
    ("curacao", "CW"),
    ("aland islands", "AX"),
    ("reunion", "RE"),
    ("saint barthelemy", "BL"),
    ("the netherlands", "NL"),
    ("holland", "NL"),
];

/// "São Tomé & Príncipe" and "Sao Tome and Principe" alike: lower case,
/// letters folded to ASCII, "&" as "and", marks as spaces, no leading "the".
fn normalized(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = fold(c);
        if c == '&' {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str("and ");
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let t = out.trim();
    t.strip_prefix("the ").unwrap_or(t).to_string()
}

/// The Latin letters with marks that country names carry, without the mark.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'Á' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ó' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' => 'n',
        'ý' => 'y',
        '’' | '\'' => ' ',
        other => other,
    }
}

/// ISO's short name with its qualifier dropped: "Bolivia (Plurinational State
/// of)" is "bolivia", "Tanzania, United Republic of" is "tanzania".
fn iso_short(name: &str) -> String {
    let cut = name.find([',', '(']).unwrap_or(name.len());
    normalized(&name[..cut])
}

/// The ISO 3166-1 alpha-2 code of a country named as fact sheets name it.
pub(crate) fn country_code(name: &str) -> Option<&'static str> {
    let key = normalized(name);
    if key.is_empty() {
        return None;
    }
    let key = key
        .strip_prefix("republic of ")
        .filter(|rest| {
            !rest.starts_with("the ") && !rest.starts_with("korea") && !rest.starts_with("congo")
        })
        .unwrap_or(&key);
    let names = names();
    names
        .binary_search_by(|(name, _)| name.as_str().cmp(key))
        .ok()
        .map(|k| names[k].1)
}

/// The first words of every name a code is known by (and of those names
/// after "republic of", which [`country_code`] drops), sorted: built once.
fn first_words() -> &'static [&'static str] {
    static FIRSTS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    FIRSTS.get_or_init(|| {
        let mut all: Vec<&'static str> = names()
            .iter()
            .flat_map(|(name, _)| {
                let mut words = name.split(' ');
                let first = words.next();
                let after_the = if first == Some("the") {
                    words.next()
                } else {
                    None
                };
                [first, after_the]
            })
            .flatten()
            .chain(["the", "republic"])
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    })
}

/// Every name a code is known by, normalised and sorted: built once.
fn names() -> &'static [(String, &'static str)] {
    static NAMES: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut all: Vec<(String, &'static str)> = ALIASES
            .iter()
            .map(|&(alias, code)| (alias.to_string(), code))
            .collect();
        for c in CountryCode::iter() {
            all.push((normalized(c.name()), c.alpha2()));
            all.push((iso_short(c.name()), c.alpha2()));
        }
        // An alias comes first and wins over ISO's reading of the same words.
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all.dedup_by(|later, first| later.0 == first.0);
        all
    })
}

/// The country other than the United States that the text names most often
/// in its first `WINDOW` bytes: what an aid sheet or a closing section with
/// no title is about. A text that names several countries about as often (a
/// regional sheet) is about none of them: the first must be named at least
/// twice, and twice as often as any other.
///
/// With the code, the name as the text first spells it out ("Kazakhstan";
/// "NEPAL" as "Nepal", "the Republic of Korea" without its article, "DRC"
/// only when no longer name is written).
pub(crate) fn most_named_country_as_written(src: &str) -> Option<(&'static str, String)> {
    const WINDOW: usize = 8 * 1024;
    let mut end = src.len().min(WINDOW);
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let words: Vec<&str> = src[..end].split_whitespace().collect();
    let mut counts: Vec<(&'static str, usize, usize, usize)> = Vec::new(); // (code, count, first, words)
    let mut k = 0;
    let firsts = first_words();
    let mut first = String::with_capacity(32);
    while k < words.len() {
        if !words[k].starts_with(|c: char| c.is_uppercase()) {
            k += 1;
            continue;
        }
        // Most capitalised words open no country's name ("The", "Embassy",
        // "Bangkok"): one look-up of the word turns them away before any run
        // of words is joined and looked up.
        first.clear();
        first.extend(
            words[k]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .map(fold)
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase()),
        );
        if firsts.binary_search(&first.as_str()).is_err() {
            k += 1;
            continue;
        }
        // The longest run of up to six words from here that names a country.
        let mut found = None;
        // "Democratic Republic of the Congo" is five words.
        for n in (1..=6).rev() {
            let Some(run) = words.get(k..k + n) else {
                continue;
            };
            let joined = run.join(" ");
            let joined = joined.trim_end_matches(|c: char| !c.is_alphanumeric());
            let joined = joined
                .strip_suffix("'s")
                .or_else(|| joined.strip_suffix("’s"))
                .unwrap_or(joined);
            if let Some(code) = country_code(joined) {
                found = Some((code, n));
                break;
            }
        }
        match found {
            Some((code, n)) => {
                if code != "US" {
                    // An acronym ("DRC", "UAE") names the country, but the
                    // name to give is the first one spelled out.
                    let named = &words[k..k + n];
                    let named = match named.split_first() {
                        Some((the, rest)) if the.eq_ignore_ascii_case("the") => rest,
                        _ => named,
                    };
                    let acronym = named.len() == 1 && !named[0].chars().any(char::is_lowercase);
                    match counts.iter_mut().find(|(c, _, _, _)| *c == code) {
                        Some(entry) => {
                            entry.1 += 1;
                            if entry.3 == 0 && !acronym {
                                (entry.2, entry.3) = (k, n);
                            }
                        }
                        None if acronym => counts.push((code, 1, k, 0)),
                        None => counts.push((code, 1, k, n)),
                    }
                }
                k += n;
            }
            None => k += 1,
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let first = counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.1);
    // Among three or more countries ("Japan – F-35 ...; Japan – F-15J ...;
    // Morocco – ..."), a list of them: two mentions make no subject.
    let needed = if counts.len() >= 3 { 3 } else { 2 };
    if first.1 < needed || first.1 < 2 * second {
        return None;
    }
    let run = words[first.2..first.2 + first.3.max(1)].join(" ");
    let run = run.trim_end_matches(|c: char| !c.is_alphanumeric());
    let run = run
        .strip_suffix("'s")
        .or_else(|| run.strip_suffix("’s"))
        .unwrap_or(run);
    Some((first.0, crate::parse::header::country_name(run)))
}

/// The office symbol of a regional bureau, from its name as written
/// ("Bureau of Western Hemisphere Affairs"); none for any other bureau.
pub(crate) fn bureau_code(bureau: &str) -> Option<BureauCode> {
    let b = bureau.to_ascii_lowercase();
    // The order matters: "East Asian and Pacific" holds no other region's
    // words, but "South and Central Asian" holds "Asian".
    [
        ("african affairs", BureauCode::AF),
        ("east asian", BureauCode::EAP),
        ("european", BureauCode::EUR),
        ("near eastern", BureauCode::NEA),
        ("south and central asia", BureauCode::SCA),
        ("south asian", BureauCode::SCA),
        ("western hemisphere", BureauCode::WHA),
        ("inter-american", BureauCode::WHA),
    ]
    .iter()
    .find(|(words, _)| b.contains(words))
    .map(|&(_, code)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_by_iso_common_and_historical_names() {
        for (name, code) in [
            ("Peru", "PE"),
            ("the Gambia", "GM"),
            ("São Tomé & Príncipe", "ST"),
            ("Sao Tome and Principe", "ST"),
            ("Burma", "MM"),
            ("Swaziland", "SZ"),
            ("Cote d'Ivoire", "CI"),
            ("Côte d’Ivoire", "CI"),
            ("the Holy See", "VA"),
            ("Kosovo", "XK"),
            ("Bolivia", "BO"),
            ("the Republic of Korea", "KR"),
            ("Republic of Palau", "PW"),
            ("the Democratic Republic of the Congo", "CD"),
            ("Republic of the Congo", "CG"),
            ("United Kingdom", "GB"),
            ("Marshall Islands", "MH"),
            ("Tanzania", "TZ"),
        ] {
            assert_eq!(country_code(name), Some(code), "{name}");
        }
        assert_eq!(country_code("West Africa"), None);
        assert_eq!(country_code("State"), None);
        assert_eq!(country_code(""), None);
    }

    #[test]
    fn the_country_named_most_often() {
        let text =
            "The United States and Fiji signed. Fiji's embassy in the United States opened; \
                    Tonga and Fiji met.";
        let most_named_country = |t: &str| most_named_country_as_written(t).map(|(c, _)| c);
        assert_eq!(most_named_country(text), Some("FJ"));
        assert_eq!(most_named_country("Fiji, Tonga, Fiji and Tonga."), None);
        assert_eq!(most_named_country("The United States said."), None);
        assert_eq!(
            most_named_country_as_written("DRC aid. The Democratic Republic of the Congo and DRC."),
            Some(("CD", "Democratic Republic of the Congo".to_string()))
        );
        assert_eq!(
            most_named_country_as_written("NEPAL EARTHQUAKE. Aid to NEPAL."),
            Some(("NP", "Nepal".to_string()))
        );
    }

    #[test]
    fn regional_bureaus_only() {
        assert_eq!(
            bureau_code("Bureau of Western Hemisphere Affairs"),
            Some(BureauCode::WHA)
        );
        assert_eq!(
            bureau_code("Bureau of South and Central Asian Affairs"),
            Some(BureauCode::SCA)
        );
        assert_eq!(
            bureau_code("Bureau of East Asian and Pacific Affairs"),
            Some(BureauCode::EAP)
        );
        assert_eq!(bureau_code("Bureau of Political-Military Affairs"), None);
    }
}

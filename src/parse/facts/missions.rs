//! Diplomatic missions: the posts whose addresses and numbers the text
//! gives, each with whose it is (`of`), where it is (`at`), its type, city,
//! street address and phones.
//!
//! The values are walked in order; an address or a phone opens a mission
//! unless it continues the one before it (a number after its address, a
//! mailing address after the street address, a consular section of the same
//! embassy). What the mission is comes from the words that name it just
//! before its first value: "The U.S. Embassy in Lima is at ...", "Peru
//! maintains an embassy in the United States at ...", "Consulate: ...".

use crate::address::{Address, Phone};
use crate::facts::{Mission, MissionType};
use crate::parse::text::words::{contains_short, Needles};
use crate::span::Span;
use crate::value::{Value, ValueData};
use std::borrow::Cow;

/// How far back from its first value the words naming a mission may stand.
const LEAD: usize = 240;
/// How far a number or a mailing address may follow its mission's last value.
const CONTINUES: usize = 160;

/// The missions, in order of appearance.
pub(crate) fn missions(src: &str, values: &[Value], country: Option<&'static str>) -> Vec<Mission> {
    let mut out: Vec<Mission> = Vec::new();
    let mut last_end = 0usize;
    for v in values {
        let (address, phone) = match &v.data {
            ValueData::Address(a) => (Some(&**a), None),
            ValueData::Phone(p) => (None, Some(p)),
            _ => continue,
        };
        let gap = src.get(last_end..v.span.start).unwrap_or("");
        let continued = out.last_mut().filter(|m| {
            last_end > 0
                && gap.len() <= CONTINUES
                && !names_a_new_post(gap)
                && (phone.is_some() || m.address.is_none() || address.is_some_and(is_mailing))
        });
        if let Some(m) = continued {
            add(m, address, phone);
            m.span.end = v.span.end;
            last_end = v.span.end;
            continue;
        }
        // "its mailing address is P.O. Box 817", "mail from the United States
        // goes to 6050 Amman Place, ...", "the embassy's mailing address as
        // ...": a mission's mail, not a post of its own.
        if let Some(a) = address.filter(|_| gap.len() <= CONTINUES && is_mail_lead(gap)) {
            if let Some(m) = mail_target(&mut out, gap) {
                add(m, Some(a), None);
                last_end = v.span.end;
                continue;
            }
        }
        let floor = last_end.max(v.span.start.saturating_sub(LEAD));
        let floor = (floor..=v.span.start)
            .find(|&k| src.is_char_boundary(k))
            .unwrap_or(v.span.start);
        let lead = &src[floor..v.span.start];
        let named = name_in(lead);
        // A consular section belongs to its embassy: the numbers go to the
        // mission before, and its own address is no mission of its own.
        if named.is_some_and(|n| n.section) {
            if let Some(m) = out.last_mut() {
                if let Some(p) = phone {
                    m.phones.push(p.clone());
                }
                last_end = v.span.end;
                continue;
            }
        }
        // An unnamed post right after another is the next item of its list:
        // "Swiss consulates general include:\nHouston: ...\nSan Francisco: ...",
        // "consulates in Los Angeles, at ..., and in Newark, at ...".
        let listed = out
            .last()
            .filter(|_| named.is_none() && gap.len() <= LEAD)
            .map(|m| m.kind);
        let mut m = Mission {
            of: None,
            at: None,
            kind: named
                .map(|n| n.kind)
                .or(listed)
                .unwrap_or(MissionType::Embassy),
            city: None,
            address: None,
            phones: Vec::new(),
            span: Span::new(named.map_or(v.span.start, |n| floor + n.at), v.span.end),
        };
        add(&mut m, address, phone);
        let in_us = m
            .address
            .as_ref()
            .map(is_in_us)
            .or_else(|| named.and_then(|n| n.in_us));
        let us_post = named.is_some_and(|n| n.us);
        // "Canada maintains an embassy ... Its consulate general in Chicago
        // is at ...": the post is of the country the post before is of.
        let same_owner = named
            .filter(|n| n.theirs)
            .and_then(|_| out.last())
            .map(|prev| (prev.of.clone(), prev.at.clone()));
        let (of, at) = match (us_post, in_us) {
            (true, _) | (false, Some(false)) => (Some("US"), country),
            (false, Some(true)) => (country, Some("US")),
            (false, None) => match phone.and_then(|p| p.e164.as_deref()) {
                Some(n) if n.starts_with("+1") => (country, Some("US")),
                _ => (Some("US"), country),
            },
        };
        (m.of, m.at) = same_owner.unwrap_or((of.map(Cow::Borrowed), at.map(Cow::Borrowed)));
        if m.city.is_none() {
            m.city = named.and_then(|n| n.city).map(str::to_string);
        }
        last_end = v.span.end;
        out.push(m);
    }
    out
}

/// Do the words before an address say it is where mail goes?
fn is_mail_lead(gap: &str) -> bool {
    let lower = gap.to_ascii_lowercase();
    ["mail", "postal address"]
        .iter()
        .any(|w| contains_short(&lower, w))
}

/// The mission whose mail the words give: the last of the kind they name
/// ("the embassy's mailing address"), else the last.
fn mail_target<'m>(out: &'m mut [Mission], gap: &str) -> Option<&'m mut Mission> {
    let lower = gap.to_ascii_lowercase();
    let kind = if contains_short(&lower, "embassy") && !contains_short(&lower, "consular section") {
        Some(MissionType::Embassy)
    } else if contains_short(&lower, "consulate") {
        Some(MissionType::Consulate)
    } else {
        None
    };
    let at = kind
        .and_then(|k| out.iter().rposition(|m| m.kind == k))
        .or_else(|| out.len().checked_sub(1))?;
    out.get_mut(at)
}

fn add(m: &mut Mission, address: Option<&Address>, phone: Option<&Phone>) {
    if let Some(a) = address {
        // The street address is the mission's; a mailing address after it is not.
        if m.address.is_none() || !is_mailing(a) && m.address.as_ref().is_some_and(is_mailing) {
            m.city = a
                .city
                .clone()
                .filter(|c| !is_military_post(c))
                .or(m.city.take());
            m.address = Some(a.clone());
        }
    }
    if let Some(p) = phone {
        m.phones.push(p.clone());
    }
}

/// A post office box, or military and diplomatic mail (APO, FPO, DPO, PSC,
/// Unit ... Box).
fn is_mailing(a: &Address) -> bool {
    let street = a.street.as_deref().unwrap_or("");
    let s = street.to_ascii_uppercase();
    contains_short(&s, "BOX")
        || s.starts_with("PSC ")
        || s.starts_with("UNIT ")
        || s.starts_with("CMR ")
        || s.starts_with("B.P.")
        || s.starts_with("BP ")
        || s.starts_with("APARTADO")
        || s.starts_with("CASILLA")
        || s.starts_with("CAIXA")
        || s.starts_with("POSTFACH")
        || a.city.as_deref().is_some_and(is_military_post)
}

fn is_military_post(city: &str) -> bool {
    matches!(city, "APO" | "FPO" | "DPO")
}

/// An address with a U.S. state and a ZIP code is in the United States
/// (military and diplomatic mail aside, which serves posts abroad).
fn is_in_us(a: &Address) -> bool {
    a.country.as_deref().map_or_else(
        || a.state.is_some() && !a.city.as_deref().is_some_and(is_military_post),
        |c| c == "US",
    )
}

/// What the words before a mission's first value say of it.
#[derive(Clone, Copy)]
struct Named<'a> {
    /// Where the naming word starts in the lead.
    at: usize,
    kind: MissionType,
    /// A U.S. post ("U.S. Embassy", "Embassy of the United States").
    us: bool,
    /// Located in the United States, if the words say ("in Washington").
    in_us: Option<bool>,
    /// The city the words give ("the U.S. Embassy in Lima").
    city: Option<&'a str>,
    /// A consular section or department of an embassy named before.
    section: bool,
    /// Named by a possessive of whoever the sentence before spoke of ("Its
    /// consulate general").
    theirs: bool,
}

/// The words naming a post: the last such word of the lead, what precedes
/// it (whose), and what follows it (where).
fn name_in(lead: &str) -> Option<Named<'_>> {
    static WORDS: Needles = Needles::new(&[
        "permanent mission",
        "mission to the united nations",
        "mission to the un",
        "consulate",
        "consular agen",
        "consular section",
        "consular department",
        "embassy",
        "chancery",
        "interests section",
        "branch office",
        "liaison office",
        "institute in",
    ]);
    const KINDS: [MissionType; 13] = [
        MissionType::UnMission,
        MissionType::UnMission,
        MissionType::UnMission,
        MissionType::Consulate,
        MissionType::Consulate,
        MissionType::Embassy,
        MissionType::Embassy,
        MissionType::Embassy,
        MissionType::Embassy,
        MissionType::Office,
        MissionType::Office,
        MissionType::Office,
        MissionType::Office,
    ];
    let lower = lead.to_ascii_lowercase();
    // The last naming word; a longer one wins where two start together
    // ("permanent mission" over "mission").
    let mut found = WORDS.rmatches(lower.as_bytes());
    let (at, first) = found.next()?;
    let w = found
        .take_while(|&(k, _)| k == at)
        .map(|(_, w)| w)
        .fold(first, |best, w| {
            if WORDS.word(w).len() > WORDS.word(best).len() {
                w
            } else {
                best
            }
        });
    let (word, kind) = (WORDS.word(w), KINDS[w]);
    let whose = &lower[..at];
    let after = &lead[at + word.len()..];
    let after_lower = &lower[at + word.len()..];
    let us = whose.ends_with("u.s. ")
        || whose.ends_with("american ")
        || whose.ends_with("united states ")
        || after_lower.starts_with(" of the united states")
        || after_lower.starts_with(" general of the united states");
    let section = word.starts_with("consular s") || word.starts_with("consular d");
    let in_us = if [
        "in the united states",
        "in washington",
        "in new york",
        " to the united states",
    ]
    .iter()
    .any(|w| contains_short(after_lower, w))
    {
        Some(true)
    } else {
        None
    };
    Some(Named {
        at,
        kind,
        us,
        in_us,
        city: city_after(after),
        section,
        theirs: whose.ends_with("its "),
    })
}

/// "Embassy in Lima is at" -> "Lima"; "Consulate General Chiang Mai" -> "Chiang Mai".
fn city_after(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches([' ', ',']);
    let rest = rest
        .strip_prefix("General ")
        .unwrap_or(rest)
        .strip_prefix("in ")
        .or_else(|| after.trim_start().strip_prefix("General "))
        .unwrap_or(rest);
    let rest = rest.strip_prefix("the ").map_or(rest, |_| "");
    let mut end = 0;
    for word in rest.split(' ') {
        let clean = word.trim_end_matches([',', ';', ':', '.']);
        if clean.is_empty() || !clean.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        end += word.len() + 1;
        if clean.len() != word.len() {
            end -= word.len() - clean.len();
            break;
        }
    }
    let city = rest.get(..end.min(rest.len()))?.trim_end();
    (!city.is_empty() && city.len() < 40).then_some(city)
}

/// Words in the gap between two values that name another post.
fn names_a_new_post(gap: &str) -> bool {
    let lower = gap.to_ascii_lowercase();
    [
        "embassy",
        "consulate",
        "mission",
        "chancery",
        "interests section",
        "office",
    ]
    .iter()
    .any(|w| contains_short(&lower, w))
        && !contains_short(&lower, "consular section")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_name_the_post_whose_it_is_and_where() {
        let n = name_in("The U.S. Embassy in Buenos Aires is located at ").unwrap();
        assert!(n.us);
        assert_eq!(n.city, Some("Buenos Aires"));
        assert!(matches!(n.kind, MissionType::Embassy));
        let n = name_in("Peru maintains an embassy in the United States at ").unwrap();
        assert!(!n.us);
        assert_eq!(n.in_us, Some(true));
        let n = name_in("Its Permanent Mission to the United Nations is at ").unwrap();
        assert!(matches!(n.kind, MissionType::UnMission));
        let n = name_in("U.S. Consulate General Chiang Mai\n").unwrap();
        assert_eq!(n.city, Some("Chiang Mai"));
        assert!(matches!(n.kind, MissionType::Consulate));
        assert!(name_in("The ambassador said so. ").is_none());
        assert!(
            name_in("Its consulate general in Chicago is at ")
                .unwrap()
                .theirs
        );
        let n = name_in("The Embassy Branch Office in Douala is in ").unwrap();
        assert!(matches!(n.kind, MissionType::Office));
    }
}

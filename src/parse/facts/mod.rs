//! The facts drawn from the values and the sentences around them: when
//! relations were established, the embassy, memberships, year-value series.

use super::context::sentence_start;
use super::lines::{self, after, collapsed, words};
use crate::address::Address;
use crate::document::{OrganizationList, Section};
use crate::facts::{DatedFact, Facts, SeriesRow};
use crate::value::{Value, ValueData};
use compact_str::CompactString;

const ESTABLISHED: [&str; 3] = [
    "established relations",
    "relations were established",
    "relations were opened",
];

/// The verb that ends a sentence's subject ("Two-way trade ... has increased").
fn ends_subject(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "increased"
            | "grew"
            | "rose"
            | "was"
            | "were"
            | "totaled"
            | "reached"
            | "from"
            | "doubled"
            | "amounted"
            | "fell"
            | "is"
    )
}

/// Verbs of giving: what such a sentence measures follows the amount
/// ("provided $40 million in security assistance").
fn is_giving(word: &str) -> bool {
    matches!(
        word,
        "provided"
            | "contributed"
            | "invested"
            | "committed"
            | "pledged"
            | "allocated"
            | "announced"
            | "gave"
            | "spent"
            | "granted"
    )
}

/// Words that end the phrase after an amount ("$40 million in aid to Peru").
fn ends_phrase(word: &str) -> bool {
    matches!(
        word,
        "to" | "including"
            | "for"
            | "in"
            | "from"
            | "since"
            | "and"
            | "a"
            | "per"
            | "through"
            | "over"
            | "by"
            | "with"
            | ""
    )
}

/// What an amount measures: the sentence's subject ("Two-way trade in goods
/// between the United States and Peru has increased ..."), or for a verb of
/// giving the words after the amount ("... provided $40 million in security
/// assistance" -> "security assistance").
fn measure(before: &str, after: &str) -> CompactString {
    // The verb stands near the amount: "provided more than $40 million", or
    // before the total a part belongs to ("provided $240 million, including
    // $100 million for ...").
    let near = lines::before(before, before.len(), 160);
    let giving = words(near).any(is_giving);
    if giving {
        let rest = after.trim_start();
        let rest = rest
            .strip_prefix("in ")
            .or_else(|| rest.strip_prefix("for "))
            .unwrap_or(rest);
        // The phrase runs to punctuation or a word that starts another phrase.
        let mut end = 0;
        for word in words(rest) {
            if ends_phrase(word) {
                break;
            }
            if let Some(k) = word.find([',', '.', ';']) {
                end += k;
                break;
            }
            end += word.len() + 1;
        }
        let end = end.min(rest.len());
        let phrase = &rest[..end];
        // "in FY 2022 foreign assistance": the year is not part of the measure.
        let phrase = phrase
            .trim_start_matches(|c: char| !c.is_lowercase())
            .trim();
        if !phrase.is_empty() && words(phrase).count() <= 8 {
            return collapsed(phrase).as_ref().into();
        }
    }
    // The subject ends at its verb ("Two-way trade in goods ... has increased"),
    // and starts after a colon ("Trade is small: U.S. goods exports were ...").
    // A profile line's key is its measure: "GDP (1995): $2.1 billion".
    let trimmed = before.trim_end();
    let colon = memchr::memrchr(b':', trimmed.as_bytes())
        .filter(|&k| trimmed.as_bytes().get(k + 1) == Some(&b' '));
    let before = match colon {
        Some(k) if !trimmed[k + 2..].trim().is_empty() => &trimmed[k + 2..],
        _ => trimmed.trim_end_matches(':'),
    };
    let mut cut = before.len();
    let mut offset = 0usize;
    for word in words(before) {
        if ends_subject(word) {
            cut = offset.saturating_sub(1);
            break;
        }
        offset += word.len() + 1;
    }
    let subject = before[..cut.min(before.len())]
        .trim()
        .trim_end_matches([',', '-']);
    let subject = subject.strip_suffix(" more than").unwrap_or(subject);
    // "After the storm in 2016, the United States": the subject follows the opening clause.
    let comma = memchr::memrchr(b',', subject.as_bytes())
        .filter(|&k| subject.as_bytes().get(k + 1) == Some(&b' '));
    let subject = comma.map_or(subject, |k| &subject[k + 2..]);
    collapsed(subject).as_ref().into()
}

pub(crate) fn derive(
    src: &str,
    values: &[Value],
    sections: &[Section],
    lists: &[OrganizationList],
) -> Facts {
    Facts {
        relations_established: relations_established(src, values),
        embassy_address: embassy(src, values).map(|(a, _)| a),
        embassy_phone: embassy(src, values).and_then(|(_, p)| p),
        memberships: memberships(sections, lists),
        series: series(src, values),
    }
}

fn relations_established(src: &str, values: &[Value]) -> Option<DatedFact> {
    // Each "relations" in the text, then the first date after it in its sentence:
    // one pass over the text, not a sentence's worth of look-back per date.
    for hit in memchr::memmem::find_iter(src.as_bytes(), b"relations") {
        let start = sentence_start(src, hit);
        let lead = after(src, start, hit + 40 - start);
        let diplomatic = lead.contains("diplomatic relations")
            && ["established", "opened", "began", "recogni"]
                .iter()
                .any(|w| lead.contains(w));
        if !diplomatic && !ESTABLISHED.iter().any(|p| lead.contains(p)) {
            continue;
        }
        let first = values.partition_point(|v| v.span.start < hit);
        for v in values[first..]
            .iter()
            .take_while(|v| v.span.start < hit + 300)
        {
            if let ValueData::Date { value } = v.data {
                let between = &src[hit..v.span.start];
                if !between.contains(". ") && !between.contains('\n') {
                    return Some(DatedFact {
                        value,
                        span: v.span,
                    });
                }
                break;
            }
        }
    }
    None
}

fn embassy(src: &str, values: &[Value]) -> Option<(Address, Option<String>)> {
    let addresses: Vec<(usize, &Value, &Address)> = values
        .iter()
        .enumerate()
        .filter_map(|(k, v)| match &v.data {
            ValueData::Address(a) => Some((k, v, a)),
            _ => None,
        })
        .collect();
    let near_embassy = |v: &Value| {
        let from = v.span.start.saturating_sub(160);
        src.get(from..v.span.start)
            .is_some_and(|s| s.to_ascii_lowercase().contains("embassy"))
    };
    let &(k, _, address) = addresses
        .iter()
        .find(|(_, v, _)| near_embassy(v))
        .or_else(|| addresses.first())?;
    let phone = values[k + 1..].iter().take(3).find_map(|v| match &v.data {
        ValueData::Phone(p) if v.span.start <= values[k].span.end + 80 => p.e164.clone(),
        _ => None,
    });
    Some((address.clone(), phone))
}

fn memberships(sections: &[Section], lists: &[OrganizationList]) -> Vec<String> {
    // Sections are in order: the one holding a list is found by bisection.
    let in_membership_section = |l: &&OrganizationList| {
        let k = sections.partition_point(|s| s.span.end <= l.span.start);
        sections.get(k).is_some_and(|s| {
            s.span.start <= l.span.start
                && s.heading
                    .as_deref()
                    .is_some_and(|h| h.to_ascii_lowercase().contains("membership"))
        })
    };
    lists
        .iter()
        .find(in_membership_section)
        .or_else(|| lists.first())
        .map(|l| l.names.clone())
        .unwrap_or_default()
}

fn series(src: &str, values: &[Value]) -> Vec<SeriesRow> {
    values
        .iter()
        .filter_map(|v| {
            let ValueData::Money(m) = &v.data else {
                return None;
            };
            let year = m.year?;
            let start = sentence_start(src, v.span.start);
            let measure = measure(&src[start..v.span.start], after(src, v.span.end, 200));
            (!measure.is_empty() && measure.len() <= 120).then(|| SeriesRow {
                measure,
                year,
                amount: m.amount,
                currency: m.currency.clone(),
                text: v.text.clone(),
                span: v.span,
            })
        })
        .collect()
}

//! Year-value series: every amount the text ties to a year, with what it
//! measures (from a fixed vocabulary), whether it is a change or a level,
//! and the words of the sentence that name the measure.

use crate::parse::text::sentence::sentence_start;

use crate::document::Section;
use crate::facts::{Measure, SeriesRow};
use crate::parse::text::words::{self as window, after, collapsed, words};
use crate::short_text::Text;
use crate::value::{Value, ValueData};

/// One row per amount with a year, in document order. An amount whose
/// sentence names no measure takes the one its section's heading names, else
/// the title's, else `other`.
pub(crate) fn series(
    src: &str,
    values: &[Value],
    sections: &[Section],
    title: Option<&str>,
) -> Vec<SeriesRow> {
    let title_measure = title.and_then(measure_named);
    values
        .iter()
        .filter_map(|v| {
            let ValueData::Money(m) = &v.data else {
                return None;
            };
            let year = m.year?;
            let start = sentence_start(src, v.span.start);
            let before = &src[start..v.span.start];
            let rest = after(src, v.span.end, 200);
            Some(SeriesRow {
                measure: measure(before, rest)
                    .or_else(|| {
                        let k = sections.partition_point(|s| s.span.end <= v.span.start);
                        sections.get(k)?.heading_text().and_then(measure_named)
                    })
                    .or(title_measure)
                    .unwrap_or(Measure::Other),
                measure_text: measure_text(before, rest),
                year,
                fiscal: m.fiscal_year,
                amount: m.amount,
                currency: m.currency.clone(),
                qualifier: m.qualifier,
                change: is_change(before),
                text: v.text.clone(),
                span: v.span,
            })
        })
        .collect()
}

/// Phrases that name a measure, most specific first at any one place: where
/// two start at the same byte, the longer one is the first in this list.
const MEASURE_WORDS: &[(&str, Measure)] = &[
    ("exports to the united states", Measure::UsImports),
    ("imports from the united states", Measure::UsExports),
    ("investment in the united states", Measure::InvestmentInUs),
    ("invested in the united states", Measure::InvestmentInUs),
    ("investment into the united states", Measure::InvestmentInUs),
    ("fdi in the united states", Measure::InvestmentInUs),
    ("u.s. foreign direct investment", Measure::UsInvestment),
    ("u.s. direct investment", Measure::UsInvestment),
    ("u.s. investment", Measure::UsInvestment),
    ("u.s. fdi", Measure::UsInvestment),
    ("american investment", Measure::UsInvestment),
    ("u.s. goods exports", Measure::UsExports),
    ("u.s. exports", Measure::UsExports),
    ("u.s. export", Measure::UsExports),
    ("american exports", Measure::UsExports),
    ("exports to", Measure::UsExports),
    ("u.s. goods imports", Measure::UsImports),
    // A country's verb: which way the goods went is read from the partner
    // after the amount (see `partner_flips`).
    ("imported", Measure::UsImports),
    ("exported", Measure::UsExports),
    ("u.s. imports", Measure::UsImports),
    ("imports from", Measure::UsImports),
    // A balance is not two-way trade: "the U.S. trade deficit in goods".
    ("trade deficit", Measure::Other),
    ("trade surplus", Measure::Other),
    ("deficit", Measure::Other),
    ("surplus", Measure::Other),
    ("two-way", Measure::Trade),
    ("bilateral trade", Measure::Trade),
    ("total trade", Measure::Trade),
    ("trade in goods", Measure::Trade),
    ("goods and services trade", Measure::Trade),
    ("trade between", Measure::Trade),
    ("trade", Measure::Trade),
    ("assistance", Measure::Assistance),
    ("foreign aid", Measure::Assistance),
    ("aid", Measure::Assistance),
    ("humanitarian", Measure::Assistance),
    ("funding", Measure::Assistance),
    ("usaid", Measure::Assistance),
    ("drawdown", Measure::Assistance),
    ("pda", Measure::Assistance),
    ("security cooperation", Measure::Assistance),
    ("demining", Measure::Assistance),
    ("millennium challenge", Measure::Assistance),
    ("compact", Measure::Assistance),
    ("relief", Measure::Assistance),
    ("grant", Measure::Assistance),
    ("provided", Measure::Assistance),
    ("pledged", Measure::Assistance),
    ("donated", Measure::Assistance),
    ("awarded", Measure::Assistance),
    ("contributed", Measure::Assistance),
    ("obligated", Measure::Assistance),
    ("appropriat", Measure::Assistance),
    ("allocated", Measure::Assistance),
    ("committed", Measure::Assistance),
    ("loan", Measure::Assistance),
    // What others ask donors for: "the UN's humanitarian appeal, calling for $6.5 billion".
    ("appeal", Measure::Other),
    ("foreign military sales", Measure::Other),
    ("arms transfer", Measure::Other),
    ("sales", Measure::Other),
    ("gdp", Measure::Other),
    ("gross domestic product", Measure::Other),
    ("budget", Measure::Other),
    ("remittances", Measure::Other),
];

/// The searchers for the vocabulary's phrases, built once: a `str::rfind`
/// per phrase and amount set up a two-way searcher each time, which was a
/// quarter of the parse of amount-dense text.
struct Phrases {
    forward: Vec<memchr::memmem::Finder<'static>>,
    backward: Vec<memchr::memmem::FinderRev<'static>>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| Phrases {
        forward: MEASURE_WORDS
            .iter()
            .map(|(p, _)| memchr::memmem::Finder::new(p.as_bytes()))
            .collect(),
        backward: MEASURE_WORDS
            .iter()
            .map(|(p, _)| memchr::memmem::FinderRev::new(p.as_bytes()))
            .collect(),
    })
}

fn starts_a_word(text: &str, at: usize) -> bool {
    !text[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// Where phrase `k` of the vocabulary last starts a word in `text` (lower case).
fn rfind_word(text: &str, k: usize) -> Option<usize> {
    let finder = &phrases().backward[k];
    let len = MEASURE_WORDS[k].0.len();
    let mut end = text.len();
    while let Some(at) = finder.rfind(&text.as_bytes()[..end]) {
        if starts_a_word(text, at) {
            return Some(at);
        }
        // An earlier match may overlap this one.
        end = at + len - 1;
    }
    None
}

/// Where phrase `k` of the vocabulary first starts a word in `text` (lower case).
fn find_word(text: &str, k: usize) -> Option<usize> {
    let finder = &phrases().forward[k];
    let mut from = 0;
    while let Some(found) = finder.find(&text.as_bytes()[from..]) {
        let at = from + found;
        if starts_a_word(text, at) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The measure a heading or a title names ("U.S. Assistance to Haiti",
/// "PRESIDENTIAL DRAWDOWN AUTHORITY"), if any.
pub(crate) fn measure_named(text: &str) -> Option<Measure> {
    let lower = text.to_ascii_lowercase();
    (0..MEASURE_WORDS.len())
        .find(|&k| find_word(&lower, k).is_some())
        .map(|k| MEASURE_WORDS[k].1)
}

/// The measure named nearest before the amount in its sentence, else the
/// first named after it in the same clause; aid another donor gives is
/// another measure.
fn measure(before: &str, after: &str) -> Option<Measure> {
    let before = window::before(before, before.len(), 240).to_ascii_lowercase();
    named_measure(&before, after).map(|m| match m {
        Measure::Assistance if third_party_gives(&before) => Measure::Other,
        m => m,
    })
}

/// [`measure`] before the giver is asked: `before` is in lower case.
fn named_measure(before: &str, after: &str) -> Option<Measure> {
    let mut best: Option<(usize, usize, Measure)> = None; // (end, -len order, measure)
    for (k, &(phrase, m)) in MEASURE_WORDS.iter().enumerate() {
        if let Some(at) = rfind_word(before, k) {
            let end = at + phrase.len();
            // The phrase ending nearest the amount wins; at a tie, the more specific.
            if best.is_none_or(|(e, j, _)| end > e || end == e && k < j && at <= e) {
                best = Some((end, k, m));
            }
        }
    }
    let after = after[..clause_end(after)].to_ascii_lowercase();
    if let Some((_, k, m)) = best {
        return Some(match MEASURE_WORDS[k].0 {
            verb @ ("imported" | "exported") => by_partner(verb, before, &after),
            _ => m,
        });
    }
    (0..MEASURE_WORDS.len())
        .filter_map(|k| find_word(&after, k).map(|at| (at, MEASURE_WORDS[k].1)))
        .min_by_key(|&(at, _)| at)
        .map(|(_, m)| m)
        .or_else(|| us_gives(before).then_some(Measure::Assistance))
}

/// Is the giver in the amount's sentence another donor, not the U.S.
/// government: "The Inter-American Development Bank approved a $150 million
/// loan", "the European Union pledged ...". A third party's aid is another
/// measure.
fn third_party_gives(before: &str) -> bool {
    let clause = last_clause(before);
    let has = |w: &str| find_words(clause, w);
    let us = US_GOVERNMENT.iter().chain(&["american"]).any(|w| has(w));
    !us && [
        "bank",
        "monetary fund",
        "imf",
        "european union",
        "united nations",
        "donors",
        "global fund",
    ]
    .iter()
    .any(|w| has(w))
}

/// Does `w` start a word in `text`, not the second half of a compound
/// ("Inter-American" is no U.S. actor)?
fn find_words(text: &str, w: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), w.as_bytes())
        .any(|at| starts_a_word(text, at) && !text[..at].ends_with('-'))
}

/// The clause of a sentence an amount is in: after its last ", and ",
/// ", while ", ", but " or "; " ("U.S. exports were $2.1 billion, and
/// Uruguay's investment in the United States was ...").
fn last_clause(before: &str) -> &str {
    // One walk back over the commas and semicolons, not a search per separator.
    let b = before.as_bytes();
    memchr::memrchr2_iter(b',', b';', b)
        .find_map(|k| {
            let rest = &b[k + 1..];
            let opens = if b[k] == b';' {
                rest.starts_with(b" ").then_some(1)
            } else {
                [&b" and "[..], b" while ", b" but ", b" whereas "]
                    .iter()
                    .find(|sep| rest.starts_with(sep))
                    .map(|sep| sep.len())
            };
            opens.map(|n| k + 1 + n)
        })
        .map_or(before, |at| &before[at..])
}

/// Does the U.S. government give the amount: a verb of giving just before
/// it, with a U.S. actor in the clause ("the Department of State spent over
/// $5.1 million", "the Ambassador's Special Self-Help Fund awarded $61,400")?
/// Tourists who spend are not.
fn us_gives(before: &str) -> bool {
    let near = window::before(before, before.len(), 60);
    let gives = near.split_ascii_whitespace().rev().take(3).any(is_giving);
    gives
        && US_GOVERNMENT
            .iter()
            .chain(&["state department", "embassy"])
            .any(|actor| memchr::memmem::find(before.as_bytes(), actor.as_bytes()).is_some())
}

/// Words that name the U.S. government as the giver of an amount.
const US_GOVERNMENT: [&str; 5] = [
    "u.s.",
    "united states",
    "usaid",
    "department of state",
    "ambassador",
];

/// Where the clause after an amount ends: at a semicolon or a full stop
/// that ends a sentence, not the point of "$100.00 million".
fn clause_end(after: &str) -> usize {
    let b = after.as_bytes();
    memchr::memchr2_iter(b'.', b';', b)
        .find(|&k| b[k] == b';' || b.get(k + 1).is_none_or(u8::is_ascii_whitespace))
        .unwrap_or(b.len())
}

/// Which way goods went when a country's verb names the flow: "Seychelles
/// imported $18.5 million in goods from the U.S." is a U.S. export; "the
/// United States imported $2 billion from Peru" a U.S. import. A flow with
/// no U.S. end ("Peru exported $40 billion of copper") is another measure.
fn by_partner(verb: &str, before: &str, after: &str) -> Measure {
    let names_us = |t: &str| {
        ["the u.s", "the united states", "america"]
            .iter()
            .any(|us| memchr::memmem::find(t.as_bytes(), us.as_bytes()).is_some())
    };
    let imported = verb == "imported";
    if names_us(after) {
        // The partner is the United States: the subject is the other country.
        if imported {
            Measure::UsExports
        } else {
            Measure::UsImports
        }
    } else if us_subject(before, verb) {
        if imported {
            Measure::UsImports
        } else {
            Measure::UsExports
        }
    } else {
        Measure::Other
    }
}

/// Is the United States the subject of the last `verb` in `before` ("the
/// United States imported", "U.S. firms exported")? "U.S. dollars" elsewhere
/// in the clause does not make it so.
fn us_subject(before: &str, verb: &str) -> bool {
    let Some(at) = before.rfind(verb) else {
        return false;
    };
    let subject = before[..at].trim_end();
    let subject = subject
        .rsplit_once(' ')
        .filter(|(_, last)| ["firms", "companies", "exporters", "importers"].contains(last))
        .map_or(subject, |(head, _)| head);
    ["united states", "u.s.", "america", "americans"]
        .iter()
        .any(|us| subject.ends_with(us))
}

/// Words just before an amount that make it a change, not a level:
/// "increased by $12 billion", "an additional $5 million".
fn is_change(before: &str) -> bool {
    let near = window::before(before, before.len(), 40)
        .trim_end()
        .to_ascii_lowercase();
    let near = near
        .strip_suffix("more than")
        .or_else(|| near.strip_suffix("over"))
        .or_else(|| near.strip_suffix("nearly"))
        .or_else(|| near.strip_suffix("about"))
        .or_else(|| near.strip_suffix("almost"))
        .unwrap_or(&near)
        .trim_end();
    [
        "increased by",
        "increase of",
        "rose by",
        "grew by",
        "up by",
        "jumped by",
        "decreased by",
        "decrease of",
        "declined by",
        "decline of",
        "fell by",
        "dropped by",
        "down by",
        "additional",
        "further",
        "extra",
        "rescinded",
        "increment of",
    ]
    .iter()
    .any(|w| near.ends_with(w))
}

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
            | "awarded"
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
fn measure_text(before: &str, after: &str) -> Text {
    // The verb stands near the amount: "provided more than $40 million", or
    // before the total a part belongs to ("provided $240 million, including
    // $100 million for ...").
    let near = window::before(before, before.len(), 160);
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
    // The subject is the amount's clause's, where that clause has one
    // ("..., and Uruguay's investment in the United States was"), not the
    // sentence's first ("..., and exported" has none of its own).
    let clause = last_clause(before);
    let before = if words(clause).take_while(|w| !ends_subject(w)).count() >= 1
        && words(clause).any(ends_subject)
    {
        clause
    } else {
        before
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_measure_named_nearest_before_the_amount() {
        assert_eq!(
            measure("Two-way trade in goods totaled ", ""),
            Some(Measure::Trade)
        );
        assert_eq!(
            measure("In 2019, U.S. exports to Chile were ", ""),
            Some(Measure::UsExports)
        );
        assert_eq!(
            measure("Chile's exports to the United States were ", ""),
            Some(Measure::UsImports)
        );
        assert_eq!(
            measure("U.S. foreign direct investment in Chile was ", ""),
            Some(Measure::UsInvestment)
        );
        assert_eq!(
            measure("The United States provided ", " in humanitarian aid"),
            Some(Measure::Assistance)
        );
        assert_eq!(measure("Its GDP was ", ""), Some(Measure::Other));
        assert_eq!(
            measure(
                "the United Nations released its humanitarian appeal, calling for ",
                ""
            ),
            Some(Measure::Other)
        );
        assert_eq!(measure("Tourists spent ", ""), None);
        assert_eq!(
            measure(
                "In Fiscal Year 2010, the department of state spent over ",
                " for such projects"
            ),
            Some(Measure::Assistance)
        );
        assert_eq!(
            measure("PDA 2DECEMBER 23, 2021", ""),
            Some(Measure::Assistance)
        );
        assert_eq!(measure("Officials said ", ""), None);
        assert_eq!(
            measure("", " of security assistance in FY 2020."),
            Some(Measure::Assistance)
        );
        // "$100.00 million" does not end the clause its measure is named in.
        assert_eq!(
            measure(
                "Congress rescinded ",
                " of a $100.00 million FY 2022 appropriation."
            ),
            Some(Measure::Assistance)
        );
    }

    #[test]
    fn a_country_s_flows_are_read_from_their_partner() {
        let m = |b, a| measure(b, a);
        assert_eq!(
            m(
                "In 2015, Seychelles imported ",
                " in goods from the U.S., and"
            ),
            Some(Measure::UsExports)
        );
        assert_eq!(
            m("and exported ", " in goods to the U.S."),
            Some(Measure::UsImports)
        );
        assert_eq!(
            m("The United States imported ", " of coffee from Peru."),
            Some(Measure::UsImports)
        );
        assert_eq!(m("Peru exported ", " of copper."), Some(Measure::Other));
        assert_eq!(
            m(
                "the inter-american development bank approved a ",
                " loan for roads."
            ),
            Some(Measure::Other)
        );
        assert_eq!(
            m(
                "Ghana exported cocoa worth 1.2 billion U.S. dollars, and imported ",
                " of machinery from the EU."
            ),
            Some(Measure::Other)
        );
        assert_eq!(
            m(
                "the U.S. trade deficit in goods with Korea increased from ",
                ""
            ),
            Some(Measure::Other)
        );
    }

    #[test]
    fn the_clause_an_amount_is_in() {
        assert_eq!(
            last_clause("Exports grew, and imports were "),
            "imports were "
        );
        assert_eq!(last_clause("Exports grew; imports were "), "imports were ");
        assert_eq!(
            last_clause("In 2019, exports were "),
            "In 2019, exports were "
        );
        assert_eq!(last_clause("A, while b, and c, d "), "c, d ");
    }

    #[test]
    fn changes_are_not_levels() {
        assert!(is_change("Bilateral trade increased by "));
        assert!(is_change("the United States pledged an additional "));
        assert!(!is_change("Trade grew from "));
        assert!(!is_change("to "));
    }
}

//! When the United States established diplomatic relations with the
//! country: the date of a sentence that says relations were established,
//! opened or began, as English prose puts it: "The United States established
//! diplomatic relations with Peru in 1827", "Formal relations between ...
//! began in 1801", "On January 8, 1940, the governments ... announced the
//! establishment of bilateral diplomatic relations".

use crate::facts::DatedFact;
use crate::parse::text::sentence::{ends_sentence_at, sentence_start};
use crate::value::{Value, ValueData};

/// How far a sentence runs past the word "relations", in bytes.
const SENTENCE: usize = 300;

/// What the text says of the establishment.
pub(crate) enum Established {
    /// No sentence states it.
    Unstated,
    /// One date (restatements and a later re-establishment aside).
    Once(DatedFact),
    /// Establishments in different years: the first, and the sign of a
    /// page about several countries ("... with Djibouti in 1977", "... with
    /// Ethiopia in 1903") or of a country's successive states ("... with
    /// Prussia in 1797", "In 1955, ... with West Germany").
    Several(DatedFact),
}

/// The establishment sentences of the text, in order. A later
/// re-establishment ("relations were restored in 1991") restates no new one.
pub(crate) fn relations_established(src: &str, values: &[Value]) -> Established {
    let mut found = Established::Unstated;
    // Each "relations" in the text, then the sentence around it: one pass
    // over the text, not a sentence's worth of look-back per date.
    for hit in memchr::memmem::find_iter(src.as_bytes(), b"relations") {
        let start = sentence_start(src, hit);
        let end = sentence_end(src, hit);
        let sentence = &src[start..end];
        if !states_establishment(sentence) {
            continue;
        }
        let Some(date) = date_of(src, values, start, hit, end) else {
            continue;
        };
        found = match found {
            Established::Unstated => Established::Once(date),
            Established::Once(first)
                if first.value.year() != date.value.year() && !renews(sentence) =>
            {
                Established::Several(first)
            }
            kept => kept,
        };
    }
    found
}

/// Where the sentence holding `at` ends: its full stop before a capital, a
/// line break, or [`SENTENCE`] bytes on.
fn sentence_end(src: &str, at: usize) -> usize {
    let mut end = (at + SENTENCE).min(src.len());
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let rest = &src[at..end];
    let b = rest.as_bytes();
    // A full stop before a space and a capital ends the sentence ("U.S." aside).
    let stop = memchr::memchr_iter(b'.', b).find(|&k| k + 1 == b.len() || ends_sentence_at(b, k));
    let line = memchr::memchr(b'\n', b);
    at + [stop.map(|k| k + 1), line]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(b.len())
}

/// Does the sentence say relations were established: diplomatic or formal
/// relations with a word of beginning, or the passive "relations were
/// established"? Recognition alone, or "excellent relations", is not.
fn states_establishment(sentence: &str) -> bool {
    let sentence = sentence.to_ascii_lowercase();
    let has = |w: &str| memchr::memmem::find(sentence.as_bytes(), w.as_bytes()).is_some();
    let kind = has("diplomatic relations")
        || has("formal relations")
        || has("relations were established")
        || has("relations were opened")
        || has("established relations");
    kind && ["establish", "opened", "began", "begun", "initiated"]
        .iter()
        .any(|w| has(w))
}

/// Does the sentence restore relations broken before?
fn renews(sentence: &str) -> bool {
    [
        "re-establish",
        "reestablish",
        "restored",
        "resumed",
        "renewed",
    ]
    .iter()
    .any(|w| memchr::memmem::find(sentence.as_bytes(), w.as_bytes()).is_some())
}

/// The sentence's date: the first after "relations" in it, unless that date
/// is another event's ("following Solomon Islands' independence in 1978");
/// else the last before it ("On January 8, 1940, the governments ...
/// announced the establishment of ... relations").
fn date_of(src: &str, values: &[Value], start: usize, hit: usize, end: usize) -> Option<DatedFact> {
    let first = values.partition_point(|v| v.span.start < hit);
    let after = values[first..]
        .iter()
        .take_while(|v| v.span.start < end)
        .find_map(|v| date(v).map(|d| (v.span.start, d)));
    if let Some((at, date)) = after {
        let between = &src[hit..at];
        let anothers = ["independence", "following", "after "]
            .iter()
            .any(|w| memchr::memmem::find(between.as_bytes(), w.as_bytes()).is_some());
        return (!anothers).then_some(date);
    }
    values[..first]
        .iter()
        .rev()
        .take_while(|v| v.span.start >= start)
        .find_map(date)
}

fn date(v: &Value) -> Option<DatedFact> {
    match v.data {
        ValueData::Date { value } => Some(DatedFact {
            value,
            span: v.span,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::parse;

    fn established(text: &str) -> Option<String> {
        let doc = parse(text).unwrap();
        doc.facts.relations_established.map(|d| d.value.to_string())
    }

    #[test]
    fn a_country_s_successive_states_keep_the_first() {
        let doc = parse("U.S. Relations With Germany\n\nThe United States established diplomatic relations with the Kingdom of Prussia in 1797. In 1955, the United States established diplomatic relations with West Germany.\n").unwrap();
        assert_eq!(doc.facts.country_code.as_deref(), Some("DE"));
        assert_eq!(
            doc.facts
                .relations_established
                .map(|d| d.value.to_string())
                .as_deref(),
            Some("1797")
        );
    }

    #[test]
    fn the_forms_prose_states_it_in() {
        assert_eq!(
            established("The United States established diplomatic relations with Peru in 1827.\n")
                .as_deref(),
            Some("1827")
        );
        assert_eq!(
            established("Formal relations between the United States and Denmark began in 1801, and the legation opened in 1827.\n")
                .as_deref(),
            Some("1801")
        );
        assert_eq!(
            established("On January 8, 1940, the governments of the United States and Australia announced the establishment of bilateral diplomatic relations.\n")
                .as_deref(),
            Some("1940-01-08")
        );
    }

    #[test]
    fn other_events_and_other_countries_are_not_it() {
        // The date is the independence's.
        assert_eq!(
            established("The two countries established diplomatic relations following Solomon Islands' independence in 1978.\n"),
            None
        );
        assert_eq!(
            established(
                "Relations between the United States and Gabon are excellent since 1960.\n"
            ),
            None
        );
        // Three sheets on one page, none named in a header: no one date, no one country.
        let page = "The United States established diplomatic relations with Djibouti in 1977. Djibouti is small.\n\nThe United States established diplomatic relations with Ethiopia in 1903.\n";
        assert_eq!(established(page), None);
        assert_eq!(parse(page).unwrap().facts.country_code, None);
        // A restoration does not undo the first establishment.
        assert_eq!(
            established("The United States established diplomatic relations with Estonia in 1922. Diplomatic relations were re-established in 1991.\n")
                .as_deref(),
            Some("1922")
        );
    }
}

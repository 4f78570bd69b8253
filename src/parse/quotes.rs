//! Quotations and who said them: "As then-Secretary Tillerson said, “The
//! United States and Peru have a very longstanding relationship.”"

use crate::document::Quote;
use crate::parse::text::words::{after, before, words};
use crate::span::Span;

/// The longest quotation read, in bytes.
const MAX_QUOTE: usize = 2_000;

/// Where a quotation mark ('"' or '“') stands in the whole text: only a
/// passage holding one can hold a quotation.
pub(crate) fn quote_openings(src: &str) -> Vec<usize> {
    let bytes = src.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, bytes)
        .filter(|&k| bytes[k] == b'"' || bytes[k..].starts_with("“".as_bytes()))
        .collect()
}

/// Finds quotations of at least a few words in `src[start..end]`.
pub(crate) fn quotes(src: &str, start: usize, end: usize, out: &mut Vec<Quote>) {
    let text = &src[start..end];
    let mut from = 0;
    let bytes = text.as_bytes();
    // '"' or the first byte of '“' (E2 80 9C); memchr finds them fast.
    while let Some(k) = memchr::memchr2(b'"', 0xE2, &bytes[from..]) {
        let open = from + k;
        if bytes[open] == 0xE2 && !text[open..].starts_with('“') {
            from = open + 1;
            continue;
        }
        let (open_len, close) = if text[open..].starts_with('“') {
            (3, '”')
        } else {
            (1, '"')
        };
        let body_start = open + open_len;
        // A quotation closes within a few sentences; an unmatched mark is no
        // quotation, and bounding the search keeps the pass linear.
        let Some(close_at) = after(text, body_start, MAX_QUOTE)
            .find(close)
            .map(|i| body_start + i)
        else {
            from = body_start;
            continue;
        };
        let body = &text[body_start..close_at];
        from = close_at + close.len_utf8();
        // "Strategy", “Detroit 3”: a short quoted term is a name, not a quotation.
        if words(body).count() < 5 {
            continue;
        }
        let speaker = speaker_before(before(text, open, 300))
            .or_else(|| speaker_after(after(text, from, 200)));
        out.push(Quote {
            text: body.to_string(),
            speaker,
            span: Span::new(start + open, start + from),
        });
    }
}

/// "As then-Secretary Tillerson said, " | "President Obama noted that " -> the speaker.
fn speaker_before(before: &str) -> Option<String> {
    let clause = before
        .rsplit(['.', ';'])
        .next()?
        .trim_end()
        .trim_end_matches([',', ':']);
    for verb in [
        " said",
        " noted",
        " stated",
        " remarked",
        " declared",
        " put it",
        " observed",
    ] {
        // "As the Secretary put it in a visit to Santiago, " -> "the Secretary".
        if let Some(at) = clause.rfind(verb) {
            let who = &clause[..at];
            let who = who
                .trim_start()
                .strip_prefix("As ")
                .or_else(|| who.trim_start().strip_prefix("as "))
                .unwrap_or(who.trim_start());
            let who = who.rsplit(", ").next().unwrap_or(who).trim();
            if !who.is_empty() && words(who).count() <= 6 {
                return Some(who.to_string());
            }
        }
    }
    None
}

/// "”, said Secretary Kerry." -> "Secretary Kerry".
fn speaker_after(after: &str) -> Option<String> {
    let rest = after.trim_start_matches([',', ' ']);
    let rest = rest.strip_prefix("said ")?;
    let who = rest.split(['.', ',', ';']).next()?.trim();
    (!who.is_empty() && words(who).count() <= 6).then(|| who.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_with_speaker_before() {
        let src = "As then-Secretary Tillerson said, “The two nations share a very long friendship indeed.”";
        let mut out = Vec::new();
        quotes(src, 0, src.len(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].speaker.as_deref(), Some("then-Secretary Tillerson"));
        assert_eq!(out[0].span.slice(src), &src[src.find('“').unwrap()..]);
        let src = "As the Secretary put it in a visit to Santiago, “Our partnership rests on values we share.”";
        let mut out = Vec::new();
        quotes(src, 0, src.len(), &mut out);
        assert_eq!(out[0].speaker.as_deref(), Some("the Secretary"));
    }

    #[test]
    fn quote_with_speaker_after_and_short_terms_skipped() {
        let src = "The “Strategy” works. \"We will keep helping the people of Haiti,\" said Secretary Kerry.";
        let mut out = Vec::new();
        quotes(src, 0, src.len(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].speaker.as_deref(), Some("Secretary Kerry"));
    }

    #[test]
    fn an_unclosed_quote_is_no_quote() {
        let mut out = Vec::new();
        let src = "He said “this never ends";
        quotes(src, 0, src.len(), &mut out);
        assert!(out.is_empty());
    }
}

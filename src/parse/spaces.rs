//! Spaces written as other characters: a text whose spaces are no-break
//! spaces (U+00A0, common in web scrapes and word processors), narrow
//! no-break spaces (U+202F) or thin spaces (U+2009, U+2007 figure space)
//! reads as if they were spaces.
//!
//! Every stage's rules are written with the plain space (" Relations With ",
//! "U.S. Assistance to"); rather than teach each of them every space, the
//! text is read with these characters as spaces and the spans are mapped
//! back to the input afterwards, so that `&input[span]` is still the source
//! text. A text without them (most) costs one search.

use crate::document::FactSheet;
use crate::span::Span;
use crate::value::Value;

/// The characters read as a space, each with its UTF-8 length.
const SPACES: [(char, usize); 4] = [
    ('\u{a0}', 2),
    ('\u{202f}', 3),
    ('\u{2009}', 3),
    ('\u{2007}', 3),
];

/// The text with its spaces made plain, and where it is shorter than the
/// input.
pub(crate) struct Plain {
    pub text: String,
    /// `(position in the plain text, bytes the input has more up to there)`:
    /// from each position on, add the count to find the input's offset.
    shifts: Vec<(usize, usize)>,
}

/// Does the text hold a space written as another character?
fn has_other_spaces(src: &str) -> bool {
    // One pass over the lead bytes: U+00A0 is C2 A0; the others E2 80 xx.
    let b = src.as_bytes();
    memchr::memchr2_iter(0xC2, 0xE2, b).any(|k| match b[k] {
        0xC2 => b.get(k + 1) == Some(&0xA0),
        _ => b.get(k + 1) == Some(&0x80) && matches!(b.get(k + 2), Some(0xAF | 0x89 | 0x87)),
    })
}

/// The text with plain spaces, or none when it has no other spaces.
pub(crate) fn plain(src: &str) -> Option<Plain> {
    if !has_other_spaces(src) {
        return None;
    }
    let mut text = String::with_capacity(src.len());
    let mut shifts = Vec::new();
    let mut extra = 0;
    for c in src.chars() {
        match SPACES.iter().find(|(s, _)| *s == c) {
            Some(&(_, len)) => {
                text.push(' ');
                extra += len - 1;
                shifts.push((text.len(), extra));
            }
            None => text.push(c),
        }
    }
    Some(Plain { text, shifts })
}

impl Plain {
    /// The input's offset of a position in the plain text.
    pub(crate) fn to_source(&self, at: usize) -> usize {
        let k = self.shifts.partition_point(|&(p, _)| p <= at);
        at + if k == 0 { 0 } else { self.shifts[k - 1].1 }
    }

    fn span(&self, span: &mut Span) {
        *span = Span::new(self.to_source(span.start), self.to_source(span.end));
    }

    /// A passage moved onto the input, its text (if it holds one) re-read
    /// from it.
    fn passage(&self, src: &str, p: &mut crate::document::Passage) {
        self.span(&mut p.span);
        if !p.text.is_empty() {
            p.text = p.span.slice(src).to_owned();
        }
    }

    /// Values found in the plain text, moved onto the input: spans mapped,
    /// texts re-read from the input.
    pub(crate) fn values(&self, src: &str, values: &mut [Value]) {
        for v in values {
            self.span(&mut v.span);
            v.text = v.span.slice(src).into();
        }
    }

    /// A document read from the plain text, moved onto the input.
    pub(crate) fn document(&self, src: &str, doc: &mut FactSheet) {
        if let Some(h) = &mut doc.header {
            self.span(h);
        }
        for s in &mut doc.sections {
            self.span(&mut s.span);
            if let Some(h) = &mut s.heading {
                self.span(&mut h.span);
            }
            for p in s.paragraphs.iter_mut().chain(&mut s.list_items) {
                self.passage(src, p);
            }
            for k in &mut s.skipped {
                self.span(&mut k.span);
            }
        }
        self.values(src, &mut doc.values);
        for l in &mut doc.organizations {
            self.span(&mut l.span);
        }
        for q in &mut doc.quotes {
            self.span(&mut q.span);
        }
        for r in &mut doc.resources {
            self.passage(src, r);
        }
        for k in &mut doc.skipped {
            self.span(&mut k.span);
        }
        let facts = &mut doc.facts;
        if let Some(r) = &mut facts.relations_established {
            self.span(&mut r.span);
        }
        for m in &mut facts.memberships {
            self.span(&mut m.span);
        }
        for s in &mut facts.series {
            self.span(&mut s.span);
            s.text = s.span.slice(src).into();
        }
        for m in &mut facts.missions {
            self.span(&mut m.span);
        }
        self.warnings(&mut doc.warnings);
    }

    /// Warnings about the plain text, moved onto the input.
    pub(crate) fn warnings(&self, warnings: &mut [crate::error::Warning]) {
        for w in warnings {
            self.span(&mut w.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_across_each_kind_of_space() {
        let src = "a\u{a0}b\u{202f}c d\u{2009}e";
        let p = plain(src).unwrap();
        assert_eq!(p.text, "a b c d e");
        for (plain_at, source_at) in [
            (0, 0),
            (1, 1),
            (2, 3),
            (3, 4),
            (4, 7),
            (7, 10),
            (8, 13),
            (9, 14),
        ] {
            assert_eq!(p.to_source(plain_at), source_at, "{plain_at}");
        }
        assert!(plain("no other spaces here\u{2010}").is_none());
    }
}

//! Warnings about the text as a whole: cut off, double-encoded, header lines
//! of no known kind.

use super::header;
use super::layout::Role;
use super::lines::Line;
use super::text::sentence::ends_sentence;
use crate::error::{Warning, WarningKind};
use crate::span::Span;

/// A line inside the header that is none of its known lines (a tab strip, a
/// stray caption) is kept in the header, and said so.
pub(crate) fn unknown_header_lines(
    lines: &[Line],
    roles: &[Role],
    head: &header::Header,
    warnings: &mut Vec<Warning>,
) {
    for (k, line) in lines.iter().enumerate() {
        if roles[k] == Role::Header && !head.anchor_lines.contains(&k) {
            warnings.push(Warning::new(
                WarningKind::UnknownHeaderLine,
                "unknown line in the header (not a title, bureau, label, date or \"More information\" line); kept in the header",
                Span::new(line.trim_start, line.trim_end),
            ));
        }
    }
}

/// Warnings about the text as a whole: cut off, double-encoded.
pub(crate) fn about_the_text(
    src: &str,
    lines: &[Line],
    roles: &[Role],
    warnings: &mut Vec<Warning>,
) {
    if let Some(k) = roles
        .iter()
        .rposition(|r| matches!(r, Role::Paragraph | Role::Heading { .. } | Role::ListItem))
    {
        let line = lines[k];
        let t = line.text(src);
        let after_content = roles[k + 1..].iter().all(|r| matches!(r, Role::Blank));
        if after_content && !ends_sentence(t) && !matches!(roles[k], Role::Heading { glued: None })
        {
            let from = t
                .rfind(' ')
                .map_or(line.trim_start, |i| line.trim_start + i + 1);
            warnings.push(Warning::new(
                WarningKind::Truncated,
                "text ends mid-sentence; the document looks truncated",
                Span::new(from, line.trim_end),
            ));
        }
    }
    // UTF-8 read as Windows-1252 and saved again: "â€™" for "’".
    if let Some(at) = memchr::memmem::find(src.as_bytes(), "â€".as_bytes()) {
        warnings.push(Warning::new(
            WarningKind::DoubleEncoded,
            "text looks double-encoded (UTF-8 read as Windows-1252): \"â€\" stands where punctuation was",
            Span::new(at, at + "â€".len()),
        ));
    }
}

//! The public error and warning types.

use crate::span::{Position, Span};
use serde::{Deserialize, Serialize};

/// Why a text could not be read as a fact sheet at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is empty or holds only white space.
    Empty,
    /// The text holds bytes that no written document holds (NUL, control
    /// characters): it is binary data, not a fact sheet.
    Binary,
    /// The text has no sentence of prose to read.
    NoProse,
}

impl ErrorKind {
    fn message(&self) -> &'static str {
        match self {
            ErrorKind::Empty => "the text is empty",
            ErrorKind::Binary => {
                "the text holds control characters; it looks like binary data, not a fact sheet"
            }
            ErrorKind::NoProse => {
                "the text holds no prose; expected at least one sentence of a fact sheet"
            }
        }
    }
}

/// A text that cannot be read as a fact sheet, with where the problem is.
///
/// `Display` gives one line (`line 3, column 1: ...`); [`Error::render`] adds
/// the source line and a caret under the place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{position}: {}", kind.message())]
pub struct Error {
    kind: ErrorKind,
    span: Span,
    position: Position,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, span: Span, source: &str) -> Self {
        let position = span.position(source);
        Error {
            kind,
            span,
            position,
        }
    }

    /// The error found in a copy of `source` whose offsets differ, moved
    /// onto `source` through `to_source`.
    pub(crate) fn moved_onto(self, source: &str, to_source: impl Fn(usize) -> usize) -> Self {
        let span = Span::new(to_source(self.span.start), to_source(self.span.end));
        Error::new(self.kind, span, source)
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where, in bytes.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Where, in lines and columns (from 1).
    pub fn position(&self) -> Position {
        self.position
    }

    /// The message with the source line and a caret under the place:
    ///
    /// ```text
    /// error: the text holds control characters; ...
    ///  --> line 1, column 4
    ///   |
    /// 1 | abc\u{0}def
    ///   |    ^
    /// ```
    pub fn render(&self, source: &str) -> String {
        render_at(
            &format!("error: {}", self.kind.message()),
            self.span,
            source,
        )
    }
}

/// What kind of problem a [`Warning`] reports; callers match on this, not on
/// the message. In JSON it is the warning's `code`, a stable snake-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// Bytes that are not UTF-8 were read as Windows-1252 (see [`crate::decode()`]).
    Windows1252,
    /// A UTF-16 text held an unpaired surrogate or a lone byte.
    BadUtf16,
    /// The text ends mid-sentence: it looks cut off.
    Truncated,
    /// UTF-8 was read as Windows-1252 and saved again ("â€™" for "’").
    DoubleEncoded,
    /// A line inside the header is none of the header's known lines.
    UnknownHeaderLine,
    /// An amount at the cut end of a text, whose scale word may be lost, was
    /// left out.
    CutOffAmount,
    /// A numeric date whose day and month could be either way ("04/05/2016")
    /// was read month first.
    AmbiguousDate,
}

impl WarningKind {
    /// The stable name, as in JSON (`"truncated"`, `"ambiguous_date"`, ...).
    pub fn code(self) -> &'static str {
        match self {
            WarningKind::Windows1252 => "windows1252",
            WarningKind::BadUtf16 => "bad_utf16",
            WarningKind::Truncated => "truncated",
            WarningKind::DoubleEncoded => "double_encoded",
            WarningKind::UnknownHeaderLine => "unknown_header_line",
            WarningKind::CutOffAmount => "cut_off_amount",
            WarningKind::AmbiguousDate => "ambiguous_date",
        }
    }
}

impl std::fmt::Display for WarningKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A recoverable problem on an otherwise good result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Warning {
    /// What was noticed, as a sentence for people.
    pub message: String,
    /// Where.
    pub span: Span,
    /// What kind of problem, for programs.
    #[serde(rename = "code")]
    pub kind: WarningKind,
}

impl Warning {
    pub(crate) fn new(kind: WarningKind, message: impl Into<String>, span: Span) -> Self {
        Warning {
            message: message.into(),
            span,
            kind,
        }
    }

    /// The warning with its source line and a caret under the span.
    pub fn render(&self, source: &str) -> String {
        render_at(&format!("warning: {}", self.message), self.span, source)
    }
}

fn render_at(headline: &str, span: Span, source: &str) -> String {
    let pos = span.position(source);
    let mut start = span.start.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line_text: String = source[line_start..line_end]
        .trim_end_matches('\r')
        .chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    let width = pos.line.to_string().len();
    let caret_len = source
        .get(start..span.end.min(line_end).max(start))
        .map_or(1, |s| s.chars().count().max(1));
    format!(
        "{headline}\n{pad} --> {pos}\n{pad} |\n{line} | {line_text}\n{pad} | {spaces}{carets}",
        pad = " ".repeat(width),
        line = pos.line,
        spaces = " ".repeat(pos.column - 1),
        carets = "^".repeat(caret_len),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_one_line_with_line_and_column() {
        let src = "ok\nab\u{0}c";
        let err = Error::new(ErrorKind::Binary, Span::new(5, 6), src);
        let shown = err.to_string();
        assert!(shown.starts_with("line 2, column 3: "), "{shown}");
        assert!(!shown.contains('\n'));
    }

    #[test]
    fn render_puts_a_caret_under_the_span() {
        let src = "first\nsecond line";
        let w = Warning::new(WarningKind::Truncated, "odd word", Span::new(13, 17));
        let shown = w.render(src);
        assert_eq!(
            shown,
            "warning: odd word\n  --> line 2, column 8\n  |\n2 | second line\n  |        ^^^^"
        );
    }
}

//! Byte spans into the input, and the line/column positions shown to people.

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets into the input text, `start..end`.
///
/// Offsets are into the input exactly as given (UTF-8, before any
/// normalisation), so `&input[span.start..span.end]` is always the source text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// First byte, counted from 0.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} runs backwards");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The source text under the span, or `""` if the span does not fit `source`.
    pub fn slice<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// The line and column where the span starts. Counted on demand, because
    /// only errors and warnings shown to a person ever need it.
    pub fn position(&self, source: &str) -> Position {
        Position::of(source, self.start)
    }
}

/// A place in the text for people: line and column, both counted from 1.
///
/// The column counts characters, not bytes, so a caret lines up under the
/// character in a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `source` (clamped to the text).
    pub fn of(source: &str, offset: usize) -> Self {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source.as_bytes()[..offset];
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = source[line_start..offset].chars().count() + 1;
        Position { line, column }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters_from_one() {
        let src = "ab\ncé d\n";
        assert_eq!(Position::of(src, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of(src, 3), Position { line: 2, column: 1 });
        // 'é' is two bytes but one column.
        assert_eq!(Position::of(src, 6), Position { line: 2, column: 3 });
    }

    #[test]
    fn position_clamps_offsets_past_the_end_and_inside_characters() {
        let src = "é";
        assert_eq!(Position::of(src, 1), Position { line: 1, column: 1 });
        assert_eq!(Position::of(src, 99), Position { line: 1, column: 2 });
    }

    #[test]
    fn slice_of_a_span_that_does_not_fit_is_empty() {
        assert_eq!(Span::new(2, 9).slice("abc"), "");
        assert_eq!(Span::new(1, 3).slice("abc"), "bc");
    }
}

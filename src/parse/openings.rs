//! Positions found in one pass over the whole text, then asked about passage
//! by passage: a search set up once per text instead of once per passage.

use crate::span::Span;

/// Sorted positions in the text, asked in order whether any falls in a span:
/// the passages are read in order, so a cursor walks the positions once.
pub(crate) struct Openings {
    at: Vec<usize>,
    next: usize,
}

impl Openings {
    pub(crate) fn new(at: Vec<usize>) -> Self {
        Openings { at, next: 0 }
    }

    /// Is there a position inside `span`? Spans must come in order.
    pub(crate) fn any_in(&mut self, span: Span) -> bool {
        while self.at.get(self.next).is_some_and(|&a| a < span.start) {
            self.next += 1;
        }
        self.at.get(self.next).is_some_and(|&a| a < span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_asked_in_order() {
        let mut at = Openings::new(vec![3, 10, 11, 40]);
        assert!(!at.any_in(Span::new(0, 3)));
        assert!(at.any_in(Span::new(3, 4)));
        assert!(!at.any_in(Span::new(4, 10)));
        assert!(at.any_in(Span::new(11, 12)));
        assert!(!at.any_in(Span::new(12, 40)));
        assert!(at.any_in(Span::new(40, 41)));
        assert!(!at.any_in(Span::new(41, 100)));
    }
}

//! The value grammars, one file per kind: each holds its nom grammar, the
//! scanner's entry for it (`*_at`), and its unit tests. [`qualifier`] and
//! [`year`] are shared by several kinds; [`number`] holds the numerals.

pub(crate) mod address;
pub(crate) mod address_parts;
pub(crate) mod calling_codes;
pub(crate) mod count;
pub(crate) mod currency;
pub(crate) mod date;
pub(crate) mod money;
pub(crate) mod number;
pub(crate) mod percent;
pub(crate) mod phone;
pub(crate) mod postal;
pub(crate) mod qualifier;
pub(crate) mod street_first;
pub(crate) mod street_words;
pub(crate) mod year;

use crate::span::Span;

/// The registry of the kinds the scanner tries: the bytes each can open
/// with. The scanner's table of starting bytes is their union, so a new
/// kind's first bytes are declared in its own file and listed here.
pub(crate) const OPENING_BYTES: [&[&[u8]]; 6] = [
    money::OPENING_BYTES,
    percent::OPENING_BYTES,
    date::OPENING_BYTES,
    address::OPENING_BYTES,
    phone::OPENING_BYTES,
    count::OPENING_BYTES,
];
use crate::value::{Value, ValueData};

/// A value of `src[start..end]`.
pub(crate) fn make(src: &str, start: usize, end: usize, data: ValueData) -> Value {
    Value {
        text: src[start..end].into(),
        span: Span::new(start, end),
        data,
    }
}

/// An address value over `src[start..end]`.
pub(crate) fn make_address(
    src: &str,
    start: usize,
    end: usize,
    address: crate::address::Address,
) -> Value {
    make(src, start, end, ValueData::Address(Box::new(address)))
}

/// Runs `parser` on `src[at..end]`: where its match ends, and what it read.
pub(crate) fn read<'a, T>(
    src: &'a str,
    at: usize,
    end: usize,
    parser: impl FnOnce(&'a str) -> nom::IResult<&'a str, T>,
) -> Option<(usize, T)> {
    let rest = &src[at..end];
    let (after, found) = parser(rest).ok()?;
    Some((at + rest.len() - after.len(), found))
}

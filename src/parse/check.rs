//! The first stage: refuse texts that are not writing at all (empty, binary,
//! no prose), with the position that shows why.

use crate::error::{Error, ErrorKind};
use crate::span::Span;

/// After the layout: a text with no header and nothing in any section (only
/// chrome and blank lines) holds no prose to read.
pub(crate) fn has_prose(src: &str, regions: &super::regions::Regions) -> Result<(), Error> {
    let empty = regions
        .sections
        .iter()
        .all(|s| s.paragraphs.is_empty() && s.list_items.is_empty());
    if empty && regions.header.is_none() {
        return Err(Error::new(
            ErrorKind::NoProse,
            Span::new(0, src.len().min(1)),
            src,
        ));
    }
    Ok(())
}

/// Refuses texts that are not writing at all.
pub(crate) fn readable(src: &str) -> Result<(), Error> {
    if src
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(Error::new(ErrorKind::Empty, Span::new(0, src.len()), src));
    }
    // NUL and other C0 controls (tab, line breaks and form feed aside) do not
    // occur in text; a few may be noise, many mean binary data.
    let mut controls = 0usize;
    let mut first = None;
    // Eight bytes at a time: only a word holding a byte below 0x20 (mostly a
    // line break) is looked at byte by byte.
    let bytes = src.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    let mut check = |at: usize, b: u8| {
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c) {
            controls += 1;
            first.get_or_insert(at);
        }
    };
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x20; 8]));
        let below_space = word.wrapping_sub(0x2020_2020_2020_2020) & !word & 0x8080_8080_8080_8080;
        if below_space != 0 {
            for (k, &b) in chunk.iter().enumerate() {
                check(base + k, b);
            }
        }
        base += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        check(base + k, b);
    }
    if let Some(at) = first {
        if src.as_bytes()[at] == 0 || controls * 100 > src.len() {
            return Err(Error::new(ErrorKind::Binary, Span::new(at, at + 1), src));
        }
    }
    if !src
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
    {
        return Err(Error::new(
            ErrorKind::NoProse,
            Span::new(0, src.len().min(1)),
            src,
        ));
    }
    Ok(())
}

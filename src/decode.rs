//! Bytes to text, for programs that read files: UTF-8 (with or without a
//! byte-order mark), UTF-16 with a byte-order mark, and the stray bytes of
//! archives written in Windows-1252.
//!
//! An invalid byte is decoded alone, as Windows-1252 reads it (the encoding
//! of most pre-UTF-8 archives, and what a stray "’" in a UTF-8 file came
//! from), with a warning on its span; the rest of the file stays UTF-8. A
//! file is never reinterpreted as a whole: one bad byte in 60 MB of UTF-8
//! changes one character.

use crate::error::{Warning, WarningKind};
use crate::span::Span;

/// How the bytes were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 throughout (a byte-order mark, if any, is kept in the text).
    Utf8,
    /// UTF-8 with bytes that are not, each read as Windows-1252.
    Utf8WithWindows1252,
    /// UTF-16, little-endian, by its byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, by its byte-order mark.
    Utf16Be,
}

/// A decoded text, how it was written, and a warning for each stretch of
/// bytes that was not what the encoding allows.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text; spans in a parse of it count its bytes.
    pub text: String,
    /// The encoding read.
    pub encoding: Encoding,
    /// One warning per invalid stretch (the first [`MAX_SPANNED`]; then one
    /// that counts the rest), spans in `text`.
    pub warnings: Vec<Warning>,
}

/// Invalid stretches warned about one by one; more are counted in one warning.
pub const MAX_SPANNED: usize = 20;

/// The characters Windows-1252 gives bytes 0x80 to 0x9F (the WHATWG
/// Encoding Standard's index; the five bytes it leaves unassigned map to the
/// C1 controls of the same number). Bytes 0xA0 to 0xFF are U+00A0 to U+00FF.
const HIGH_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn windows_1252(b: u8) -> char {
    match b {
        0x80..=0x9F => HIGH_1252[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Decodes `bytes` as described in the module notes.
pub fn decode(bytes: &[u8]) -> Decoded {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, Encoding::Utf16Le, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, Encoding::Utf16Be, u16::from_be_bytes),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            warnings: Vec::new(),
        };
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut stretches = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // The prefix was checked by `from_utf8` just now.
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(after.len()).max(1);
                let start = text.len();
                for &b in &after[..bad] {
                    text.push(windows_1252(b));
                }
                stretches.push((start, text.len(), bad));
                rest = &after[bad..];
            }
        }
    }
    let warnings = stretch_warnings(
        &stretches,
        WarningKind::Windows1252,
        "not UTF-8; read as Windows-1252",
    );
    Decoded {
        text,
        encoding: Encoding::Utf8WithWindows1252,
        warnings,
    }
}

fn utf16(bytes: &[u8], encoding: Encoding, unit: fn([u8; 2]) -> u16) -> Decoded {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len());
    let mut stretches = Vec::new();
    for c in char::decode_utf16(units) {
        let start = text.len();
        if let Ok(c) = c {
            text.push(c);
        } else {
            text.push(char::REPLACEMENT_CHARACTER);
            stretches.push((start, text.len(), 2));
        }
    }
    if bytes.len() % 2 == 1 {
        let start = text.len();
        text.push(char::REPLACEMENT_CHARACTER);
        stretches.push((start, text.len(), 1));
    }
    let warnings = stretch_warnings(
        &stretches,
        WarningKind::BadUtf16,
        "not UTF-16 (an unpaired surrogate or a lone byte); replaced by U+FFFD",
    );
    Decoded {
        text,
        encoding,
        warnings,
    }
}

fn stretch_warnings(
    stretches: &[(usize, usize, usize)],
    kind: WarningKind,
    what: &str,
) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = stretches
        .iter()
        .take(MAX_SPANNED)
        .map(|&(start, end, bytes)| {
            let noun = if bytes == 1 { "byte" } else { "bytes" };
            Warning::new(
                kind,
                format!("{bytes} {noun} {what}"),
                Span::new(start, end),
            )
        })
        .collect();
    if stretches.len() > MAX_SPANNED {
        let more = stretches.len() - MAX_SPANNED;
        let last = stretches[stretches.len() - 1];
        warnings.push(Warning::new(
            kind,
            format!("{more} more stretches {what}; the last ends here"),
            Span::new(last.0, last.1),
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_as_it_is() {
        let d = decode("Peru’s trade".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Peru’s trade", Encoding::Utf8)
        );
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn one_bad_byte_changes_one_character() {
        let mut bytes = "€ and “quotes” stay".as_bytes().to_vec();
        bytes.extend_from_slice(b" Peru\x92s");
        let d = decode(&bytes);
        assert_eq!(d.text, "€ and “quotes” stay Peru’s");
        assert_eq!(d.encoding, Encoding::Utf8WithWindows1252);
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(
            &d.text[d.warnings[0].span.start..d.warnings[0].span.end],
            "’"
        );
    }

    #[test]
    fn many_bad_bytes_are_warned_about_in_a_bounded_list() {
        let bytes: Vec<u8> = b"caf\xe9 ".repeat(100);
        let d = decode(&bytes);
        assert!(d.text.starts_with("café café"));
        assert_eq!(d.warnings.len(), MAX_SPANNED + 1);
    }

    #[test]
    fn utf16_by_its_byte_order_mark() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Peru’s".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).text, "Peru’s");
        assert_eq!(decode(&le).encoding, Encoding::Utf16Le);
        let mut be = vec![0xFE, 0xFF];
        be.extend("Peru’s".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).text, "Peru’s");
        // A lone surrogate is replaced, with a warning.
        let d = decode(&[0xFF, 0xFE, 0x00, 0xD8, b'a', 0]);
        assert_eq!(d.text, "\u{FFFD}a");
        assert_eq!(d.warnings.len(), 1);
    }
}

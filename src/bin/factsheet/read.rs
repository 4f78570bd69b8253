//! Reading an input's bytes as text: UTF-8, or Windows-1252 for the archives
//! of the 2000s that are not.

use std::path::Path;

/// An input's text, and a note when it had to be decoded as Windows-1252.
pub(crate) struct Text {
    pub text: String,
    pub decoded_as_1252: bool,
}

/// Why an input could not be read.
pub(crate) struct ReadError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Decodes `bytes`: UTF-8 (a byte order mark is kept; the parser skips it),
/// else Windows-1252 unless `strict`.
pub(crate) fn decode(bytes: Vec<u8>, strict: bool) -> Result<Text, ReadError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Text {
            text,
            decoded_as_1252: false,
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            if strict {
                let valid = String::from_utf8_lossy(&bytes[..at]);
                let pos = factsheet::Position::of(&valid, at);
                return Err(ReadError {
                    message: format!("not valid UTF-8 at byte {at} (use without --strict to read it as Windows-1252)"),
                    line: Some(pos.line),
                    column: Some(pos.column),
                });
            }
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            Ok(Text {
                text: text.into_owned(),
                decoded_as_1252: true,
            })
        }
    }
}

/// Reads a file or, for `-`, standard input.
pub(crate) fn read(path: &Path, strict: bool) -> Result<Text, ReadError> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    let bytes = bytes.map_err(|e| ReadError {
        message: e.to_string(),
        line: None,
        column: None,
    })?;
    decode(bytes, strict)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_as_it_is() {
        let t = decode("Peru’s trade".as_bytes().to_vec(), true)
            .ok()
            .unwrap();
        assert_eq!(t.text, "Peru’s trade");
        assert!(!t.decoded_as_1252);
    }

    #[test]
    fn windows_1252_is_decoded_or_refused_with_its_position() {
        let bytes = b"line one\nPeru\x92s trade".to_vec();
        let t = decode(bytes.clone(), false).ok().unwrap();
        assert_eq!(t.text, "line one\nPeru’s trade");
        assert!(t.decoded_as_1252);
        let e = decode(bytes, true).err().unwrap();
        assert_eq!((e.line, e.column), (Some(2), Some(5)));
        assert!(e.message.contains("byte 13"), "{}", e.message);
    }
}

//! Reading an input's bytes as text, by the library's decoding: UTF-8,
//! UTF-16 with a byte-order mark, stray Windows-1252 bytes one at a time.

use std::path::Path;

/// An input's text and what its decoding noticed.
pub(crate) type Text = factsheet::Decoded;

/// Why an input could not be read.
pub(crate) struct ReadError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Decodes `bytes`; with `strict`, a byte that is not UTF-8 is an error at
/// its position instead of a warning.
pub(crate) fn decode(bytes: &[u8], strict: bool) -> Result<Text, ReadError> {
    let decoded = factsheet::decode(bytes);
    if strict && decoded.encoding == factsheet::Encoding::Utf8WithWindows1252 {
        let at = decoded.warnings.first().map_or(0, |w| w.span.start);
        let pos = factsheet::Position::of(&decoded.text, at);
        return Err(ReadError {
            message: format!(
                "not valid UTF-8 at line {}, column {} (use without --strict to read such bytes as Windows-1252)",
                pos.line, pos.column
            ),
            line: Some(pos.line),
            column: Some(pos.column),
        });
    }
    Ok(decoded)
}

/// Why a path on the command line or in a folder is not read: it is no
/// regular file (a FIFO would block the batch forever, a device would never
/// end).
pub(crate) fn not_a_regular_file(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe), not a regular file: not read; pipe it to `factsheet parse -` instead".into());
        }
        if kind.is_socket() {
            return Some("a socket, not a regular file: not read".into());
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device, not a regular file: not read".into());
        }
    }
    Some("not a regular file: not read".into())
}

/// Reads a file or, for `-`, standard input.
pub(crate) fn read(path: &Path, strict: bool) -> Result<Text, ReadError> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
    } else if let Some(why) = not_a_regular_file(path) {
        return Err(ReadError {
            message: why,
            line: None,
            column: None,
        });
    } else {
        std::fs::read(path)
    };
    let bytes = bytes.map_err(|e| ReadError {
        message: e.to_string(),
        line: None,
        column: None,
    })?;
    decode(&bytes, strict)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_refuses_a_stray_byte_with_its_position() {
        let bytes = b"line one\nPeru\x92s trade".to_vec();
        let t = decode(&bytes, false).ok().unwrap();
        assert_eq!(t.text, "line one\nPeru’s trade");
        let e = decode(&bytes, true).err().unwrap();
        assert_eq!((e.line, e.column), (Some(2), Some(5)));
    }
}

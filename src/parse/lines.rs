//! Lines of the input, with byte offsets, and the shape of a heading.

/// One line of the input. `start..end` is the line without its line break;
/// `next` is where the following line starts.
use super::text::words::{is_space, last_word, words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    pub next: usize,
    /// The line with surrounding white space (and a byte order mark) trimmed.
    pub trim_start: usize,
    pub trim_end: usize,
}

impl Line {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.trim_start..self.trim_end]
    }

    pub fn is_blank(&self) -> bool {
        self.trim_start == self.trim_end
    }
}

/// Splits on `\n` (a preceding `\r` belongs to the break). A lone `\r` (old Mac
/// files) also ends a line.
pub(crate) fn split(src: &str) -> Vec<Line> {
    let bytes = src.as_bytes();
    // Room for every line at once: growing a large Vec copies it.
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    while start < bytes.len() {
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(k) => {
                let at = start + k;
                if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                    (at, at + 2)
                } else {
                    (at, at + 1)
                }
            }
            None => (bytes.len(), bytes.len()),
        };
        let (trim_start, trim_end) = trimmed(src, start, end);
        lines.push(Line {
            start,
            end,
            next,
            trim_start,
            trim_end,
        });
        start = next;
    }
    lines
}

/// `src[start..end]` without the white space around it, as offsets.
fn trimmed(src: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = src.as_bytes();
    // Most lines open and close on a letter or a mark: two byte tests, and
    // the Unicode test only when an edge byte may be white space.
    let plain = |b: u8| b.is_ascii_graphic();
    if start < end && plain(bytes[start]) && plain(bytes[end - 1]) {
        return (start, end);
    }
    let raw = &src[start..end];
    let trimmed_front = raw.trim_start_matches(is_space);
    let trim_start = end - trimmed_front.len();
    (
        trim_start,
        trim_start + trimmed_front.trim_end_matches(is_space).len(),
    )
}

/// Words that stay lower case inside a heading or title ("U.S. Assistance
/// to Peru"). A word in lower case that is none of these makes a line prose.
pub(crate) fn is_small_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "to"
            | "in"
            | "for"
            | "on"
            | "with"
            | "at"
            | "by"
            | "from"
            | "or"
            | "&"
            | "vs."
    )
}

/// The cheap tests of a heading first, since most lines are prose: the
/// length, the ending, the first letter.
fn may_be_heading(t: &str) -> bool {
    // A sentence's mark at the end makes prose ("U.S." is an abbreviation).
    let sentence_end =
        t.ends_with(['.', ',', ';', ':', '|', '?', '!', '"', '”']) && !t.ends_with("U.S.");
    (2..=400).contains(&t.len()) && !sentence_end && t.starts_with(char::is_uppercase)
}

/// Does the line read like a heading: short, capitalised words, no sentence
/// punctuation at the end?
pub(crate) fn looks_like_heading(t: &str) -> bool {
    if !may_be_heading(t) {
        return false;
    }
    // One pass over the bytes: the words (at most 14, none in lower case but
    // the small ones), and what no heading holds: a web address, a menu bar,
    // a key and its value, a semicolon or a dollar sign, a copyright sign,
    // or a sentence break (one after "U.S." or "St." is none). A table
    // passes over the letters, which are most of the bytes.
    let b = t.as_bytes();
    let mut word_count = 1;
    for k in 0..b.len() {
        let c = b[k];
        if !HEADING_MARKS[c as usize] {
            continue;
        }
        let next = b.get(k + 1).copied();
        let stop = match c {
            b' ' => match next {
                Some(n) if n != b' ' => {
                    word_count += 1;
                    let word = words_of(&t[k + 1..]);
                    word_count > 14
                        || (n.is_ascii_lowercase() || n >= 0x80)
                            && word.starts_with(char::is_lowercase)
                            && !is_small_word(word)
                }
                _ => false,
            },
            b';' | b'$' => true,
            b':' => next == Some(b' '),
            b'|' => k > 0 && b[k - 1] == b' ' && next == Some(b' '),
            b'h' => b[k..].starts_with(b"http"),
            0xC2 => next == Some(0xA9),
            b'.' if next == Some(b' ') => {
                let word = last_word(&t[..k]);
                !matches!(word, "U.S" | "St") && word.len() != 1
            }
            _ => false,
        };
        if stop {
            return false;
        }
    }
    t.len() <= 100 || t.chars().count() <= 100
}

/// The bytes the heading test looks at; it passes over all others.
static HEADING_MARKS: [bool; 256] = {
    let mut table = [false; 256];
    let marks = b" ;$:|h.";
    let mut k = 0;
    while k < marks.len() {
        table[marks[k] as usize] = true;
        k += 1;
    }
    table[0xC2] = true;
    table
};

/// The first word of `s`, up to its first space.
fn words_of(s: &str) -> &str {
    words(s).next().unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_through_crlf_and_bom() {
        let src = "\u{feff}Title\r\n\r\n  Body \n";
        let lines = split(src);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].text(src), "Title");
        assert!(lines[1].is_blank());
        assert_eq!(lines[2].text(src), "Body");
        assert_eq!(lines[2].next, src.len());
    }

    #[test]
    fn headings_are_told_from_sentences() {
        assert!(looks_like_heading("U.S. Assistance to Peru"));
        assert!(looks_like_heading(
            "Peru's Membership in International Organizations"
        ));
        assert!(looks_like_heading("U.S.-CHINA RELATIONS"));
        assert!(looks_like_heading("People-to-People Ties"));
        assert!(!looks_like_heading(
            "The United States provides no development assistance to Peru."
        ));
        assert!(!looks_like_heading(
            "Principal U.S. embassy officials are listed"
        ));
        assert!(!looks_like_heading("Official Name:"));
        assert!(!looks_like_heading("a"));
    }

    /// The three-pass heading test the one-pass `looks_like_heading` replaced.
    fn looks_like_heading_reference(t: &str) -> bool {
        if !may_be_heading(t) {
            return false;
        }
        let mut count = 0;
        for word in t.split(' ').filter(|w| !w.is_empty()) {
            count += 1;
            if count > 14 {
                return false;
            }
            if word.starts_with(char::is_lowercase) && !is_small_word(word) {
                return false;
            }
        }
        if t.len() > 100 && t.chars().count() > 100 {
            return false;
        }
        let b = t.as_bytes();
        for k in 0..b.len() {
            let next = b.get(k + 1).copied();
            let stop = match b[k] {
                b';' | b'$' => true,
                b':' => next == Some(b' '),
                b'|' => k > 0 && b[k - 1] == b' ' && next == Some(b' '),
                b'h' => b[k..].starts_with(b"http"),
                0xC2 => next == Some(0xA9),
                b'.' if next == Some(b' ') => {
                    let word = t[..k].rsplit(' ').next().unwrap_or("");
                    !matches!(word, "U.S" | "St") && word.len() != 1
                }
                _ => false,
            };
            if stop {
                return false;
            }
        }
        true
    }

    proptest::proptest! {
        #[test]
        fn the_heading_test_agrees_with_its_reference(
            t in "[A-Z]([A-Za-z]{0,6}|of|to|and|é|éa|Éa| |  |U\\.S\\.|\\. |: |;|\\$| \\| |http|©|\\.|,){0,40}"
        ) {
            proptest::prop_assert_eq!(looks_like_heading(&t), looks_like_heading_reference(&t), "{:?}", t);
        }
    }

    #[test]
    fn lines_are_trimmed_of_all_white_space() {
        let src = "  Title\u{a0}\n\tx\n\u{feff}y\u{200b}\n";
        let texts: Vec<&str> = split(src).iter().map(|l| l.text(src)).collect();
        assert_eq!(texts, ["Title", "x", "y"]);
    }
}

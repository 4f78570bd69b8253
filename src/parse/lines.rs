//! Lines of the input, with byte offsets, and the small text tests the layout
//! parsers share.

/// One line of the input. `start..end` is the line without its line break;
/// `next` is where the following line starts.
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

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
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

/// The words of `s` between single spaces, as `s.split(' ')` gives them.
///
/// A plain byte loop: the standard searcher sets up a `memchr` for every
/// word, which costs more than a word is long, and the layout and fact
/// heuristics walk the words of every line.
pub(crate) fn words(s: &str) -> Words<'_> {
    Words { rest: Some(s) }
}

/// The iterator [`words`] returns.
pub(crate) struct Words<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        if let Some(k) = rest.bytes().position(|b| b == b' ') {
            self.rest = Some(&rest[k + 1..]);
            Some(&rest[..k])
        } else {
            self.rest = None;
            Some(rest)
        }
    }
}

/// The last word of `s`, as `s.rsplit(' ').next()` gives it.
pub(crate) fn last_word(s: &str) -> &str {
    match s.bytes().rposition(|b| b == b' ') {
        Some(k) => &s[k + 1..],
        None => s,
    }
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

/// Up to `n` bytes before `at`, cut on a character boundary.
pub(crate) fn before(src: &str, at: usize, n: usize) -> &str {
    let mut from = at.saturating_sub(n);
    while !src.is_char_boundary(from) {
        from += 1;
    }
    &src[from..at]
}

/// Up to `n` bytes from `at`, cut on a character boundary: the look-ahead of
/// a heuristic, bounded so that no value costs more than a few lines.
pub(crate) fn after(src: &str, at: usize, n: usize) -> &str {
    let mut to = (at + n).min(src.len());
    while !src.is_char_boundary(to) {
        to -= 1;
    }
    &src[at..to]
}

/// White space collapsed to single spaces: "U.S.-GERMANY  RELATIONS " ->
/// "U.S.-GERMANY RELATIONS".
pub(crate) fn collapse(s: &str) -> String {
    collapsed(s).into_owned()
}

/// [`collapse`], borrowing the text when there is nothing to collapse: ASCII
/// words between single spaces, as most headings and phrases are.
pub(crate) fn collapsed(s: &str) -> std::borrow::Cow<'_, str> {
    if is_plain(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    std::borrow::Cow::Owned(out)
}

/// Words between single spaces: no tab, line break or other white space,
/// no two spaces in a row, none at either end. Eight bytes at a time (SWAR);
/// only a text with non-ASCII letters has its characters looked at.
fn is_plain(s: &str) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let b = s.as_bytes();
    if b.first().is_none_or(|&c| c == b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut chunks = b.chunks_exact(8);
    let mut controls = 0u64;
    let mut high = 0u64;
    let mut last_was_space = false;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Bytes below 0x20, and 0x7f; the high bit marks each exactly.
        let ascii = w & LOW7;
        let below_space = !(ascii + (LOW7 - 0x1f1f_1f1f_1f1f_1f1f)) & !w & HIGH;
        let t = w ^ 0x7f7f_7f7f_7f7f_7f7f;
        let delete = !(((t & LOW7) + LOW7) | t) & HIGH;
        let t = w ^ SPACES;
        let spaces = !(((t & LOW7) + LOW7) | t) & HIGH;
        let doubled = (spaces & (spaces >> 8)) | (u64::from(last_was_space) * (spaces & 0x80));
        controls |= below_space | delete | doubled;
        high |= w & HIGH;
        last_was_space = spaces >> 63 != 0;
    }
    for &c in chunks.remainder() {
        let space = c == b' ';
        if c < 0x20 || c == 0x7f || space && last_was_space {
            return false;
        }
        high |= u64::from(c & 0x80);
        last_was_space = space;
    }
    controls == 0 && (high == 0 || !s.chars().any(|c| !c.is_ascii() && is_space(c)))
}

/// Normal capitalisation for a name written in capitals: "SAO TOME AND
/// PRINCIPE" -> "Sao Tome and Principe". Names already in mixed case stay.
pub(crate) fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for (k, word) in words(s).enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if k > 0 && matches!(lower.as_str(), "and" | "of" | "the" | "de" | "da") {
            out.push_str(&lower);
            continue;
        }
        let mut chars = lower.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            // "GUINEA-BISSAU" -> "Guinea-Bissau"
            let mut up = false;
            for c in chars {
                if up {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                up = c == '-';
            }
        }
    }
    out
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

/// Does the text end a sentence?
pub(crate) fn ends_sentence(t: &str) -> bool {
    t.ends_with(['.', '!', '?', '"', '”', ')', ':', ';', '’', '\''])
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

    proptest::proptest! {
        #[test]
        fn words_split_as_the_standard_library_does(s in "[a-c \u{a0}é]{0,12}") {
            proptest::prop_assert_eq!(words(&s).collect::<Vec<_>>(), s.split(' ').collect::<Vec<_>>());
            proptest::prop_assert_eq!(last_word(&s), s.rsplit(' ').next().unwrap());
        }
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

    proptest::proptest! {
        #[test]
        fn plain_texts_are_those_collapse_leaves_alone(s in "[a-c ~\u{7f}\t\n\u{a0}\u{1f}é’\u{2009}]{0,40}") {
            let by_split = s.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            // Sound: a plain text is one collapse leaves alone.
            proptest::prop_assert!(!is_plain(&s) || by_split == s, "{:?}", s);
            // And the common case is found: words of letters and marks between single spaces.
            let common = !s.is_empty()
                && by_split == s
                && s.chars().all(|c| c == ' ' || c.is_ascii_graphic() || !c.is_ascii() && !is_space(c));
            proptest::prop_assert_eq!(is_plain(&s), common, "{:?}", s);
        }
    }

    #[test]
    fn white_space_collapses() {
        assert_eq!(
            collapse("U.S.-GERMANY  RELATIONS "),
            "U.S.-GERMANY RELATIONS"
        );
        assert_eq!(collapse(" a\u{a0}b\tc"), "a b c");
        assert_eq!(collapse("Plain words"), "Plain words");
        assert_eq!(collapse(""), "");
        let src = "  Title\u{a0}\n\tx\n\u{feff}y\u{200b}\n";
        let texts: Vec<&str> = split(src).iter().map(|l| l.text(src)).collect();
        assert_eq!(texts, ["Title", "x", "y"]);
    }

    #[test]
    fn capitals_become_a_name() {
        assert_eq!(title_case("SAO TOME AND PRINCIPE"), "Sao Tome and Principe");
        assert_eq!(title_case("GUINEA-BISSAU"), "Guinea-Bissau");
        assert_eq!(title_case("Holy See"), "Holy See");
    }
}

//! Words and bounded windows of a text: the helpers every heuristic reads
//! the prose through.

/// White space as the layout sees it: Unicode's, a byte order mark, and
/// the zero-width space that web scrapes leave.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
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

/// Where `needle` last occurs in `hay`. For the short windows the readers
/// search (the few hundred bytes before a value), setting up a substring
/// searcher cost more than the search: a byte loop that compares only where
/// the first byte matches.
pub(crate) fn rfind_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    let last = h.len().checked_sub(n.len())?;
    (0..=last)
        .rev()
        .find(|&k| h[k] == first && h[k..k + n.len()] == *n)
}

/// Where `needle` first occurs in `hay`: [`rfind_short`]'s forward twin.
pub(crate) fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    let last = h.len().checked_sub(n.len())?;
    (0..=last).find(|&k| h[k] == first && h[k..k + n.len()] == *n)
}

/// Does `needle` occur in `hay`? As [`rfind_short`], for short windows.
pub(crate) fn contains_short(hay: &str, needle: &str) -> bool {
    needle.is_empty() || rfind_short(hay, needle).is_some()
}

/// A few words searched for together, backward through a short window: one
/// pass, which at each byte tries only the words that open with it.
pub(crate) struct Needles {
    words: &'static [&'static str],
    /// For each byte, the words (as bits) that open with it.
    by_first: [u16; 256],
}

impl Needles {
    /// The table for `words` (at most sixteen, none empty), built at
    /// compile time.
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        assert!(words.len() <= 16);
        let mut by_first = [0u16; 256];
        let mut k = 0;
        while k < words.len() {
            let first = words[k].as_bytes()[0];
            by_first[first as usize] |= 1 << k;
            k += 1;
        }
        Needles { words, by_first }
    }

    /// The word at index `k`.
    pub(crate) fn word(&self, k: usize) -> &'static str {
        self.words[k]
    }

    /// Every place one of the words occurs in `hay`, as (where, which
    /// word), from the end back; at one place, the words in their order.
    pub(crate) fn rmatches<'h>(&'h self, hay: &'h [u8]) -> RMatches<'h> {
        RMatches {
            needles: self,
            hay,
            at: hay.len(),
            bits: 0,
        }
    }
}

/// The iterator of [`Needles::rmatches`]: a plain loop over the bytes, as
/// an adapter chain (`flat_map`) cost tens of instructions a byte.
pub(crate) struct RMatches<'h> {
    needles: &'h Needles,
    hay: &'h [u8],
    /// The place being tried (the next to try, when `bits` is spent).
    at: usize,
    /// The words still to try at `at`.
    bits: u16,
}

impl Iterator for RMatches<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            while self.bits != 0 {
                let w = self.bits.trailing_zeros() as usize;
                self.bits &= self.bits - 1;
                // The first byte matched; the rest compared in place (a
                // call to `memcmp` for four bytes cost more than the loop).
                let word = self.needles.words[w].as_bytes();
                let rest = &self.hay[self.at..];
                if rest.len() >= word.len() && word[1..].iter().zip(&rest[1..]).all(|(a, b)| a == b)
                {
                    return Some((self.at, w));
                }
            }
            // The next byte back that opens any word.
            loop {
                if self.at == 0 {
                    return None;
                }
                self.at -= 1;
                let bits = self.needles.by_first[self.hay[self.at] as usize];
                if bits != 0 {
                    self.bits = bits;
                    break;
                }
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn short_searches_agree_with_the_standard_library(hay in "[ab ]{0,30}", needle in "[ab]{1,4}") {
            proptest::prop_assert_eq!(rfind_short(&hay, &needle), hay.rfind(needle.as_str()));
            proptest::prop_assert_eq!(contains_short(&hay, &needle), hay.contains(needle.as_str()));
        }

        #[test]
        fn needles_find_every_occurrence_from_the_end(hay in "[ab ]{0,30}") {
            static N: Needles = Needles::new(&["ab", "a", " b", "ba"]);
            let mut expected = Vec::new();
            for k in (0..hay.len()).rev() {
                for (w, word) in ["ab", "a", " b", "ba"].iter().enumerate() {
                    if hay[k..].starts_with(word) {
                        expected.push((k, w));
                    }
                }
            }
            let found: Vec<_> = N.rmatches(hay.as_bytes()).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    proptest::proptest! {
        #[test]
        fn words_split_as_the_standard_library_does(s in "[a-c \u{a0}é]{0,12}") {
            proptest::prop_assert_eq!(words(&s).collect::<Vec<_>>(), s.split(' ').collect::<Vec<_>>());
            proptest::prop_assert_eq!(last_word(&s), s.rsplit(' ').next().unwrap());
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
    }

    #[test]
    fn capitals_become_a_name() {
        assert_eq!(title_case("SAO TOME AND PRINCIPE"), "Sao Tome and Principe");
        assert_eq!(title_case("GUINEA-BISSAU"), "Guinea-Bissau");
        assert_eq!(title_case("Holy See"), "Holy See");
    }
}

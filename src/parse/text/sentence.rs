//! Where sentences and clauses begin and end: one rule, one list of the
//! abbreviations whose full stop ends no sentence ("U.S.", "Mr.", "No.").

/// Does the text end a sentence?
pub(crate) fn ends_sentence(t: &str) -> bool {
    t.ends_with(['.', '!', '?', '"', '”', ')', ':', ';', '’', '\''])
}

/// Where the sentence holding byte `at` starts: after ". " (not "U.S. "), or a
/// line break; at most 600 bytes back.
pub(crate) fn sentence_start(src: &str, at: usize) -> usize {
    let bytes = src.as_bytes();
    let floor = at.saturating_sub(600);
    // Only a line break or a full stop can end the sentence before: memrchr
    // finds them without looking at the letters in between.
    for k in memchr::memrchr2_iter(b'\n', b'.', &bytes[floor.saturating_sub(1)..at]) {
        let k = k + floor.saturating_sub(1);
        if bytes[k] == b'\n' {
            if k >= floor {
                return k + 1;
            }
        } else if k + 1 < at
            && bytes[k + 1] == b' '
            && !abbreviation_before(&bytes[(k + 1).saturating_sub(8)..k])
        {
            return k + 2;
        }
    }
    let mut start = floor;
    while !src.is_char_boundary(start) {
        start += 1;
    }
    start
}

/// A sentence or clause ends in the text: ". " before a capital, ";", a line break.
pub(crate) fn clause_break(between: &str) -> bool {
    memchr::memchr(b';', between.as_bytes()).is_some() || clause_break_sentence(between)
}

/// A sentence ends in the text: a line break, or ". " before a capital
/// after a word that is no abbreviation ("tel. (415)" and "U.S. Embassy"
/// end none). Unlike [`clause_break`], a semicolon does not.
pub(crate) fn clause_break_sentence(between: &str) -> bool {
    let bytes = between.as_bytes();
    // Only a full stop can end a sentence: look at each, not at every byte.
    memchr::memchr(b'\n', bytes).is_some()
        || memchr::memchr_iter(b'.', bytes).any(|k| ends_sentence_at(bytes, k))
}

/// Does the full stop at `k` end a sentence: a space and a capital after
/// it, and no abbreviation before it?
pub(crate) fn ends_sentence_at(bytes: &[u8], k: usize) -> bool {
    bytes.get(k + 1) == Some(&b' ')
        && bytes.get(k + 2).is_some_and(u8::is_ascii_uppercase)
        && !abbreviation_before(&bytes[..k])
}

/// Does the full stop after `s` end an abbreviation ("U.S.", "Mr.", an initial)?
fn abbreviation_before(s: &[u8]) -> bool {
    let from = s
        .iter()
        .rposition(|&b| b.is_ascii_whitespace() || b == b'(')
        .map_or(0, |i| i + 1);
    let word = &s[from..];
    matches!(
        word,
        b"U.S" | b"U.N" | b"St" | b"Mr" | b"Mrs" | b"Dr" | b"No" | b"Gen" | b"Sen" | b"Rep"
    ) || word.len() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte walk `sentence_start` replaced, kept as its reference.
    fn sentence_start_by_bytes(src: &str, at: usize) -> usize {
        let bytes = src.as_bytes();
        let floor = at.saturating_sub(600);
        let mut k = at;
        while k > floor {
            k -= 1;
            match bytes[k] {
                b'\n' => return k + 1,
                b' ' if k > 0
                    && bytes[k - 1] == b'.'
                    && !abbreviation_before(&bytes[k.saturating_sub(8)..k - 1]) =>
                {
                    return k + 1;
                }
                _ => {}
            }
        }
        let mut start = floor;
        while !src.is_char_boundary(start) {
            start += 1;
        }
        start
    }

    proptest::proptest! {
        #[test]
        fn sentence_start_finds_what_a_byte_walk_finds(
            src in "([A-Za-z]{1,4}|U\\.S\\.|\\. |\\.|\n| |é){0,300}",
            at in 0usize..2000,
        ) {
            let mut at = at.min(src.len());
            while !src.is_char_boundary(at) {
                at -= 1;
            }
            proptest::prop_assert_eq!(sentence_start(&src, at), sentence_start_by_bytes(&src, at));
        }
    }

    #[test]
    fn sentence_starts() {
        let src = "One. The U.S. said so.\nNext line. And more";
        assert_eq!(sentence_start(src, 10), 5);
        assert_eq!(sentence_start(src, 20), 5);
        assert_eq!(sentence_start(src, src.len()), src.find("And").unwrap());
        assert_eq!(sentence_start(src, 30), src.find("Next").unwrap());
        assert_eq!(sentence_start(src, 0), 0);
    }
}

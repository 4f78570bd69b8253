//! Skipping the bytes no reader wants, eight at a time.
//!
//! Each pass over a passage looks for a few kinds of byte (a letter that
//! opens a word, a digit or a capital that may open a postal code or a
//! street) and passes the rest. A byte loop costs five or more instructions
//! a byte; here a word of eight bytes is tested in a register with
//! carry-free additions (SWAR), about one instruction a byte.

const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// `b` in each byte of a word.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each byte of `x` (high bits clear) that lies in
/// `lo..=hi` (both below 0x80). Adding `0x80 - lo` reaches the high bit iff
/// the byte is at least `lo`, adding `0x7f - hi` iff it is past `hi`; no
/// byte carries into the next, as each sum stays below 0x100.
const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let at_least = x.wrapping_add(splat(0x80 - lo));
    let past = x.wrapping_add(splat(0x7f - hi));
    at_least & !past & HIGH
}

fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(word)
}

/// Where the run of ASCII letters from `i` ends (at most `end`).
pub(crate) fn letters_end(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i + 8 <= end {
        let w = word_at(bytes, i);
        // Lower case folded in, the high bit cleared: a letter is 0x61..=0x7a.
        let x = (w | splat(0x20)) & LOW7;
        let letters = in_range(x, b'a', b'z') & !w;
        let others = !letters & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// The high bit of each byte of `v` that is zero, exactly (no borrow runs
/// from one byte into the next, as in the shorter `v - 0x01..` form).
const fn zero_bytes(v: u64) -> u64 {
    !(((v & LOW7).wrapping_add(LOW7)) | v) & HIGH
}

/// The high bit of each byte of `w` that is an ASCII digit.
const fn digits(w: u64) -> u64 {
    in_range(w & LOW7, b'0', b'9') & !w
}

/// The high bit of each byte of `w` that is an ASCII capital.
const fn capitals(w: u64) -> u64 {
    in_range(w & LOW7, b'A', b'Z') & !w
}

/// The high bit of each byte of `w` that is an ASCII letter or digit.
const fn alphanumerics(w: u64) -> u64 {
    digits(w) | in_range((w | splat(0x20)) & LOW7, b'a', b'z') & !w
}

/// The first `j` from `i` (at least 1, before `end`) where a digit, a
/// capital or a byte beyond ASCII follows a space or an opening bracket:
/// where a word may open an address ("at 12 Madani Avenue", "(P.O. Box").
/// `end` if none. The byte before each of eight lanes is read as a second,
/// overlapping word, so no lane waits on its neighbour.
pub(crate) fn next_word_opening(bytes: &[u8], mut i: usize, end: usize) -> usize {
    debug_assert!(i >= 1);
    while i + 8 <= end {
        let w = word_at(bytes, i);
        let before = word_at(bytes, i - 1);
        let opened = zero_bytes(before ^ splat(b' ')) | zero_bytes(before ^ splat(b'('));
        let found = opened & (digits(w) | capitals(w) | w & HIGH);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end {
        let c = bytes[i];
        if matches!(bytes[i - 1], b' ' | b'(')
            && (c.is_ascii_digit() || c.is_ascii_uppercase() || c >= 0x80)
        {
            return i;
        }
        i += 1;
    }
    end
}

/// The first `j` from `i` (before `end`) where a digit or a capital opens a
/// word (at `start`, or after a byte that is no letter or digit), or a digit
/// follows a capital ("TX78217"): where a postal code may start. `end` if
/// none. A run of digits costs one stop, not one a digit.
pub(crate) fn next_code_start(bytes: &[u8], start: usize, mut i: usize, end: usize) -> usize {
    let wanted = |j: usize| {
        let c = bytes[j];
        let prev = if j == start { b' ' } else { bytes[j - 1] };
        (c.is_ascii_digit() || c.is_ascii_uppercase()) && !prev.is_ascii_alphanumeric()
            || c.is_ascii_digit() && prev.is_ascii_uppercase()
    };
    if i == start && i < end {
        if wanted(i) {
            return i;
        }
        i += 1;
    }
    while i + 8 <= end {
        let w = word_at(bytes, i);
        let before = word_at(bytes, i - 1);
        let (d, c) = (digits(w), capitals(w));
        let found = (d | c) & !alphanumerics(before) | d & capitals(before);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < end {
        if wanted(i) {
            return i;
        }
        i += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_end_on_words() {
        let s = b"Washington, DC abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{";
        assert_eq!(letters_end(s, 0, s.len()), 10);
        assert_eq!(letters_end(s, 15, s.len()), 67);
        assert_eq!(letters_end(s, 67, s.len()), 67);
        assert_eq!(letters_end(s, 0, 4), 4);
    }

    #[test]
    fn openings_and_codes_found_past_the_rest() {
        let s = "the embassy, at the corner of the street 12 or so".as_bytes();
        assert_eq!(next_word_opening(s, 1, s.len()), 41);
        assert_eq!(next_code_start(s, 0, 0, s.len()), 41);
        let s = "lower case words then (Capital".as_bytes();
        assert_eq!(next_word_opening(s, 1, s.len()), 23);
        let s = "caf\u{e9} and more words here".as_bytes();
        assert_eq!(next_word_opening(s, 1, s.len()), s.len());
        let s = "words \u{c9}cole".as_bytes();
        assert_eq!(next_word_opening(s, 1, s.len()), 6);
        // The other digits of a number are passed; a ZIP glued to its state is not.
        let s = b"in 2009-2011 and TX78217";
        assert_eq!(next_code_start(s, 0, 0, s.len()), 3);
        assert_eq!(next_code_start(s, 0, 4, s.len()), 8);
        assert_eq!(next_code_start(s, 0, 9, s.len()), 17);
        assert_eq!(next_code_start(s, 0, 18, s.len()), 19);
        assert_eq!(next_code_start(s, 0, 20, s.len()), s.len());
    }

    proptest::proptest! {
        #[test]
        fn letters_end_stops_at_the_first_non_letter(s in proptest::collection::vec(proptest::num::u8::ANY, 0..40), from in 0usize..40) {
            let from = from.min(s.len());
            let expected = s[from..].iter().position(|b| !b.is_ascii_alphabetic()).map_or(s.len(), |k| from + k);
            proptest::prop_assert_eq!(letters_end(&s, from, s.len()), expected);
        }

        #[test]
        fn next_word_opening_is_the_byte_loop(s in proptest::collection::vec(proptest::sample::select(vec![b' ', b'(', b'a', b'Z', b'5', 0xC3, b'\n', b'@', b'[', b'/', b':']), 1..40), from in 1usize..40) {
            let from = from.min(s.len());
            let expected = (from..s.len())
                .find(|&j| matches!(s[j - 1], b' ' | b'(') && (s[j].is_ascii_digit() || s[j].is_ascii_uppercase() || s[j] >= 0x80))
                .unwrap_or(s.len());
            proptest::prop_assert_eq!(next_word_opening(&s, from, s.len()), expected);
        }

        #[test]
        fn next_code_start_is_the_byte_loop(s in proptest::collection::vec(proptest::sample::select(vec![b' ', b',', b'a', b'z', b'A', b'Z', b'0', b'9', 0xC3, b'@', b'[', b'/', b':', b'`', b'{']), 0..40), start in 0usize..40, from in 0usize..40) {
            let start = start.min(s.len());
            let from = from.min(s.len()).max(start);
            let wanted = |j: usize| {
                let c = s[j];
                let prev = if j == start { b' ' } else { s[j - 1] };
                (c.is_ascii_digit() || c.is_ascii_uppercase()) && !prev.is_ascii_alphanumeric()
                    || c.is_ascii_digit() && prev.is_ascii_uppercase()
            };
            let expected = (from..s.len()).find(|&j| wanted(j)).unwrap_or(s.len());
            proptest::prop_assert_eq!(next_code_start(&s, start, from, s.len()), expected);
        }
    }
}

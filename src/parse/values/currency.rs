//! Currency markers: what says which currency an amount is in.
//!
//! Three written forms, each from a standard rather than from the texts:
//! - ISO 4217 codes ("CHF 19.90", "3 CNY", "USD115"), every active code of
//!   the standard as the `iso_currency` crate carries it;
//! - currency signs, the Unicode Currency Symbols ("€", "₹", "₪") and the
//!   letter-prefixed dollars ("A$", "HK$", "NT$", "Mex$") each country writes;
//! - currency names after the number, from the standard's English names:
//!   "125 million Australian dollars", "3 billion euros", "50 dollar bills".
//!
//! A sign shared by several currencies ("$", "£", "¥") takes the one an
//! English-language text of the U.S. government means by it: "$" is the U.S.
//! dollar, "£" sterling, "¥" the yen. A name shared by several ("franc",
//! "peso", "rupee") names no currency on its own and is left alone.

use iso_currency::{Currency, IntoEnumIterator};
use std::collections::HashMap;
use std::sync::OnceLock;

/// An ISO 4217 code for money in circulation: three capitals, not a fund,
/// a precious metal or a testing code ("XAU", "XTS", "XXX").
pub(crate) fn iso_code(word: &[u8]) -> Option<&'static str> {
    let [a, b, c] = *word else {
        return None;
    };
    if !(a.is_ascii_uppercase() && b.is_ascii_uppercase() && c.is_ascii_uppercase()) {
        return None;
    }
    let text = std::str::from_utf8(word).ok()?;
    let currency = Currency::from_code(text)?;
    (!currency.is_fund() && !currency.is_special()).then(|| currency.code())
}

/// Codes that are also English words or common acronyms ("ALL 3 parties",
/// "TOP 10", "SAR" for search and rescue): read as a currency only in
/// mixed-case text, never inside a line of capitals.
pub(crate) fn code_is_a_word(code: &str) -> bool {
    matches!(
        code,
        "ALL"
            | "BAM"
            | "BOB"
            | "CAD"
            | "CUP"
            | "ERN"
            | "GEL"
            | "MAD"
            | "MOP"
            | "PEN"
            | "RON"
            | "SAR"
            | "SOS"
            | "TOP"
            | "TRY"
    )
}

/// The number of decimal places the currency's minor unit has (2 for most,
/// 0 for the yen, the dong, the won): "12.500 ₫" is twelve thousand five
/// hundred dong, since no dong is split in thousandths.
pub(crate) fn minor_unit_digits(code: &str) -> Option<u16> {
    Currency::from_code(code)?.exponent()
}

/// Currency signs that name one currency, as UTF-8 text.
const SIGNS: [(&str, &str); 23] = [
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₪", "ILS"),
    ("₫", "VND"),
    ("₭", "LAK"),
    ("₡", "CRC"),
    ("₦", "NGN"),
    ("₴", "UAH"),
    ("₽", "RUB"),
    ("₼", "AZN"),
    ("₺", "TRY"),
    ("₸", "KZT"),
    ("₮", "MNT"),
    ("₲", "PYG"),
    ("₾", "GEL"),
    ("₩", "KRW"),
    ("₱", "PHP"),
    ("฿", "THB"),
    ("₵", "GHS"),
    ("៛", "KHR"),
];

/// Letters written before "$" to say whose dollar (or peso, or real) it is.
/// ISO 4217's own symbols where it gives them ("HK$", "NT$", "RD$", "R$"),
/// and the prefixes in common English use ("A$", "C$", "Mex$"). "C$" is the
/// Canadian dollar in English prose, though ISO gives it to the córdoba.
const DOLLAR_PREFIXES: [(&str, &str); 30] = [
    ("US", "USD"),
    ("U.S.", "USD"),
    ("U.S. ", "USD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("Can", "CAD"),
    ("HK", "HKD"),
    ("NT", "TWD"),
    ("S", "SGD"),
    ("SG", "SGD"),
    ("NZ", "NZD"),
    ("Mex", "MXN"),
    ("MX", "MXN"),
    ("R", "BRL"),
    ("RD", "DOP"),
    ("J", "JMD"),
    ("TT", "TTD"),
    ("BZ", "BZD"),
    ("EC", "XCD"),
    ("Bds", "BBD"),
    ("FJ", "FJD"),
    ("G", "GYD"),
    ("L", "LRD"),
    ("N", "NAD"),
    ("T", "TOP"),
    ("WS", "WST"),
    ("Z", "ZWL"),
    ("B", "BND"),
];

/// A currency sign at the start of `i`, with its length: "$", "€", "HK$",
/// "MOP$" (an ISO code before "$" is its own), "GH₵".
pub(crate) fn sign(i: &str) -> Option<(&'static str, usize)> {
    let b = i.as_bytes();
    let first = *b.first()?;
    if first == b'$' || first >= 0x80 {
        return SIGNS
            .iter()
            .find(|(s, _)| i.starts_with(s))
            .map(|&(s, code)| (code, s.len()));
    }
    if !first.is_ascii_uppercase() {
        return None;
    }
    if i.starts_with("GH₵") {
        return Some(("GHS", "GH₵".len()));
    }
    // "HK$", "U.S. $", "USD$": up to five letters, dots and one space, then "$".
    let dollar = b.iter().take(6).position(|&c| c == b'$')?;
    let prefix = &i[..dollar];
    if let Some(&(_, code)) = DOLLAR_PREFIXES.iter().find(|(p, _)| *p == prefix) {
        return Some((code, dollar + 1));
    }
    iso_code(prefix.as_bytes()).map(|code| (code, dollar + 1))
}

/// Could a currency sign start at this byte? (The scanner's cheap test.)
pub(crate) fn may_open_sign(b: u8) -> bool {
    matches!(b, b'$' | 0xC2 | 0xE0 | 0xE1 | 0xE2)
}

/// The currency a name after a number gives ("Australian dollars",
/// "euros", "U.S. dollar"), and the length of the name: the longest run of
/// up to four words that is one of the standard's names, or its last words
/// ("Taiwan dollars" for "New Taiwan dollar").
pub(crate) fn name_after(i: &str) -> Option<(&'static str, usize)> {
    // The words: letters and inner dots ("U.S."), one space apart, at most four.
    // On the stack: the scanner asks this after most numbers.
    let mut spans = [(0usize, 0usize); 4];
    let mut count = 0;
    let mut at = 0;
    while count < 4 {
        let len = i[at..]
            .bytes()
            .take_while(|c| c.is_ascii_alphabetic() || *c == b'.')
            .count();
        if len == 0 {
            break;
        }
        spans[count] = (at, at + len);
        count += 1;
        at += len;
        if !i[at..].starts_with(' ') {
            break;
        }
        at += 1;
    }
    let words = &spans[..count];
    if words.is_empty() {
        return None;
    }
    // Only a name's first word can open it: most words after a number
    // ("people", "live", "percent") fail here, with no allocation.
    let (from, to) = words[0];
    if !opens_a_name(i[from..to].trim_end_matches('.').as_bytes()) {
        return None;
    }
    // A name ends in a currency's unit word ("dollars", "franc", "yen"):
    // most runs of words after a number ("U.S. citizens resident") end in
    // none, and need no key built.
    if !words
        .iter()
        .any(|&(from, to)| is_a_unit_word(i[from..to].trim_end_matches('.').as_bytes()))
    {
        return None;
    }
    // The words in lower case, one key; where each word's part of it ends.
    let mut key = String::with_capacity(48);
    let mut key_ends = [0usize; 4];
    for (n, &(from, to)) in words.iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.extend(
            i[from..to]
                .trim_end_matches('.')
                .chars()
                .map(|c| c.to_ascii_lowercase()),
        );
        key_ends[n] = key.len();
    }
    let names = names();
    (1..=words.len()).rev().find_map(|k| {
        let candidate = &key[..key_ends[k - 1]];
        let code = names
            .get(candidate)
            .or_else(|| singular(candidate).and_then(|s| names.get(s.as_ref())))?;
        // A full stop after the name ends the sentence, not the name.
        let (from, to) = words[k - 1];
        let end = from + i[from..to].trim_end_matches('.').len();
        Some((*code, end))
    })
}

/// Currency words whose plural is not the singular and an "s" (and the
/// British "rouble"), with their singular as the standard's names spell it.
const IRREGULAR_PLURALS: [(&str, &str); 8] = [
    ("kronor", "krona"),
    ("kroner", "krone"),
    ("reais", "real"),
    ("lei", "leu"),
    ("leva", "lev"),
    ("roubles", "ruble"),
    ("rubles", "ruble"),
    ("rouble", "ruble"),
];

/// The singular of a currency word: "dollars", "kronor", "reais", "pesos".
fn singular(key: &str) -> Option<std::borrow::Cow<'_, str>> {
    let (head, last) = match key.rsplit_once(' ') {
        Some((h, l)) => (Some(h), l),
        None => (None, key),
    };
    let Some(&(_, one)) = IRREGULAR_PLURALS.iter().find(|(plural, _)| *plural == last) else {
        // The common case needs no new string: "dollars" -> "dollar".
        return key.strip_suffix('s').map(std::borrow::Cow::Borrowed);
    };
    Some(std::borrow::Cow::Owned(match head {
        Some(h) => format!("{h} {one}"),
        None => one.to_string(),
    }))
}

/// Is `word` (in any case, perhaps plural) the first word of a name? A
/// binary search of the sorted first words, the word folded to lower case
/// on the stack.
fn opens_a_name(word: &[u8]) -> bool {
    let (sorted, filter) = first_words();
    filter.may_hold(word) && in_set(sorted, word)
}

/// Is `word` (in any case, perhaps plural) the last word of a name?
fn is_a_unit_word(word: &[u8]) -> bool {
    let (sorted, filter) = last_words();
    filter.may_hold(word) && in_set(sorted, word)
}

/// For each first letter, the lengths of the words that open with it (bit
/// n for length n, plurals one longer): one table look-up turns away almost
/// every word before a search.
struct Filter([u64; 26]);

impl Filter {
    fn of(words: &[String]) -> Self {
        let mut bits = [0u64; 26];
        for w in words {
            let b = w.as_bytes();
            if let Some(&first) = b.first().filter(|c| c.is_ascii_lowercase()) {
                let len = b.len().min(62);
                bits[usize::from(first - b'a')] |= (1 << len) | (1 << (len + 1));
            }
        }
        Filter(bits)
    }

    fn may_hold(&self, word: &[u8]) -> bool {
        match word.first().map(u8::to_ascii_lowercase) {
            Some(c @ b'a'..=b'z') => self.0[usize::from(c - b'a')] & (1 << word.len().min(63)) != 0,
            _ => false,
        }
    }
}

fn in_set(set: &WordSet, word: &[u8]) -> bool {
    let mut buf = [0u8; 24];
    if word.is_empty() || word.len() > buf.len() {
        return false;
    }
    for (b, w) in buf.iter_mut().zip(word) {
        *b = w.to_ascii_lowercase();
    }
    let lower = &buf[..word.len()];
    let known = |w: &[u8]| set.contains(w);
    // "dollars", "kronor", "reais": the plural's stem, or the irregular plural itself.
    known(lower) || lower.last() == Some(&b's') && known(&lower[..lower.len() - 1])
}

/// FNV-1a: the words are a few bytes long, and `SipHash`'s set-up cost more
/// than the look-up (it showed in the profile of amount-dense text).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// A set of lower-case words, looked up by their bytes.
type WordSet = std::collections::HashSet<Box<[u8]>, FnvBuild>;

/// English words that are also a unique currency's last word: "2 real
/// problems" and "a 5 mark" are no money.
const UNIT_WORDS_THAT_ARE_WORDS: [&str; 7] = ["real", "mark", "sol", "som", "dram", "gold", "tala"];

/// Every name the standard gives a circulating currency, with its shorter
/// forms (the last two or more words; the last word alone when only one
/// currency ends in it), mapped to the code; and the names English writes
/// that the standard spells otherwise.
fn names() -> &'static HashMap<String, &'static str> {
    static NAMES: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut counts: HashMap<String, Vec<&'static str>> = HashMap::new();
        for currency in Currency::iter() {
            if currency.is_fund() || currency.is_special() || currency.is_superseded().is_some() {
                continue;
            }
            let name = currency.name().to_lowercase();
            // "Swedish krona/kronor" | "Renminbi (Chinese) yuan"
            let name = name.replace('/', " ").replace(['(', ')'], "");
            let words: Vec<&str> = name.split_whitespace().collect();
            for from in 0..words.len() {
                let key = words[from..].join(" ");
                let entry = counts.entry(key).or_default();
                if !entry.contains(&currency.code()) {
                    entry.push(currency.code());
                }
            }
        }
        let mut names: HashMap<String, &'static str> = counts
            .into_iter()
            .filter(|(key, codes)| {
                codes.len() == 1 && !UNIT_WORDS_THAT_ARE_WORDS.contains(&key.as_str())
            })
            .map(|(key, codes)| (key, codes[0]))
            .collect();
        // Shared names an English text of the U.S. government means one way by.
        for (key, code) in [
            ("dollar", "USD"),
            ("u.s dollar", "USD"),
            ("us dollar", "USD"),
            ("american dollar", "USD"),
            ("pound sterling", "GBP"),
            ("pounds sterling", "GBP"),
            ("british pound", "GBP"),
            ("sterling", "GBP"),
            ("chinese yuan", "CNY"),
            ("renminbi", "CNY"),
            ("yuan renminbi", "CNY"),
            ("korean won", "KRW"),
            ("taiwan dollar", "TWD"),
            ("taiwanese dollar", "TWD"),
            ("swedish krona", "SEK"),
            ("brazilian reais", "BRL"),
        ] {
            names.insert(key.to_string(), code);
        }
        names
    })
}

/// The last words of the names, with the irregular plurals.
fn last_words() -> (&'static WordSet, &'static Filter) {
    static LAST: OnceLock<(WordSet, Filter)> = OnceLock::new();
    let (set, filter) = LAST.get_or_init(|| word_set(|k| k.rsplit(' ').next()));
    (set, filter)
}

/// The first words of the names, for stopping the look-up early; the
/// irregular plurals ("kronor", "reais", "lei") are among them.
fn first_words() -> (&'static WordSet, &'static Filter) {
    static FIRST: OnceLock<(WordSet, Filter)> = OnceLock::new();
    let (set, filter) = FIRST.get_or_init(|| word_set(|k| k.split(' ').next()));
    (set, filter)
}

/// The word `pick` takes from each name, and the irregular plurals, as a
/// set and its filter.
fn word_set(pick: fn(&str) -> Option<&str>) -> (WordSet, Filter) {
    let mut words: Vec<String> = names()
        .keys()
        .filter_map(|k| pick(k))
        .map(str::to_string)
        .chain(
            IRREGULAR_PLURALS
                .iter()
                .map(|(plural, _)| (*plural).to_string()),
        )
        .collect();
    words.sort();
    words.dedup();
    let filter = Filter::of(&words);
    let set = words
        .into_iter()
        .map(|w| w.into_bytes().into_boxed_slice())
        .collect();
    (set, filter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_standard_and_nothing_else() {
        assert_eq!(iso_code(b"CHF"), Some("CHF"));
        assert_eq!(iso_code(b"UAH"), Some("UAH"));
        assert_eq!(iso_code(b"MNT"), Some("MNT"));
        assert_eq!(iso_code(b"XAU"), None, "gold is no money in circulation");
        assert_eq!(iso_code(b"ABC"), None);
        assert_eq!(iso_code(b"usd"), None);
        assert_eq!(iso_code(b"USDX"), None);
    }

    #[test]
    fn signs_and_prefixed_dollars() {
        assert_eq!(sign("€5"), Some(("EUR", 3)));
        assert_eq!(sign("₹397"), Some(("INR", 3)));
        assert_eq!(sign("A$190"), Some(("AUD", 2)));
        assert_eq!(sign("NT$ 1,160"), Some(("TWD", 3)));
        assert_eq!(sign("HK$5"), Some(("HKD", 3)));
        assert_eq!(sign("Mex$5"), Some(("MXN", 4)));
        assert_eq!(sign("U.S. $130"), Some(("USD", 6)));
        assert_eq!(sign("MOP$"), Some(("MOP", 4)));
        assert_eq!(sign("GH₵"), Some(("GHS", 5)));
        assert_eq!(sign("AB$5"), None);
        assert_eq!(sign("“quoted”"), None);
    }

    #[test]
    fn names_from_the_standard() {
        assert_eq!(name_after("australian dollars of"), Some(("AUD", 18)));
        assert_eq!(name_after("Australian dollars"), Some(("AUD", 18)));
        assert_eq!(name_after("dollars."), Some(("USD", 7)));
        assert_eq!(name_after("euros"), Some(("EUR", 5)));
        assert_eq!(name_after("Swiss francs"), Some(("CHF", 12)));
        assert_eq!(name_after("New Taiwan dollars"), Some(("TWD", 18)));
        assert_eq!(name_after("Taiwan dollars"), Some(("TWD", 14)));
        assert_eq!(name_after("Hong Kong dollars"), Some(("HKD", 17)));
        assert_eq!(name_after("U.S. dollars"), Some(("USD", 12)));
        assert_eq!(name_after("yen"), Some(("JPY", 3)));
        assert_eq!(name_after("Swedish kronor"), Some(("SEK", 14)));
        assert_eq!(name_after("pounds sterling"), Some(("GBP", 15)));
    }

    #[test]
    fn shared_or_common_words_name_no_currency() {
        for s in [
            "francs",
            "pesos",
            "rupees",
            "pounds of food",
            "real problems",
            "won the vote",
            "people",
        ] {
            assert_eq!(name_after(s), None, "{s}");
        }
    }
}

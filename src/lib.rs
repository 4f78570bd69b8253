//! `factsheet` turns plain-text U.S. Department of State fact sheets ("U.S.
//! Relations With X", and their archived variants: Background Notes, web-page
//! scrapes with site chrome, blog reprints) into typed, serializable data.
//!
//! ```
//! let text = "U.S. Relations With Chile\n\nBureau of Western Hemisphere Affairs\nFact Sheet\n\
//!             May 3, 2019\n\nThe United States established diplomatic relations with Chile in 1823. \
//!             Trade grew from $8.8 billion in 2009 to $26 billion in 2018.\n";
//! let sheet = factsheet::parse(text)?;
//! assert_eq!(sheet.country.as_deref(), Some("Chile"));
//! assert_eq!(sheet.date.unwrap().to_string(), "2019-05-03");
//! let series = &sheet.facts.series;
//! assert_eq!((series[0].year, series[0].amount.to_string()), (2009, "8800000000".to_string()));
//! # Ok::<(), factsheet::Error>(())
//! ```
//!
//! The pipeline, one module each: the text is split into lines; the header is
//! read; every body line gets a role (heading, paragraph, list item, resource,
//! site chrome); sections are built; typed values are scanned from the prose
//! in one pass; amounts are linked to their years; the facts are drawn.
//!
//! - [`document`]: [`FactSheet`], [`Section`], [`Kind`]: the output.
//! - [`value`]: [`Value`] and its kinds; [`money`], [`date`], [`address`]: their types.
//! - [`facts`]: rows for researchers.
//! - [`span`], [`error`]: where things are, and what went wrong.

#![warn(missing_docs)]

pub mod address;
pub mod date;
mod decimal_string;
mod decode;
pub mod document;
pub mod error;
pub mod facts;
pub mod money;
mod parse;
mod short_text;
pub mod span;
pub mod value;
mod with_source;

pub use address::{Address, LineKind, Phone};
pub use date::DateValue;
pub use decode::{decode, Decoded, Encoding, MAX_SPANNED};
pub use document::{
    FactSheet, Heading, Kind, OrganizationList, Passage, Quote, Section, SkipReason, Skipped,
};
pub use error::{Error, ErrorKind, Warning, WarningKind};
pub use facts::{
    BureauCode, DatedFact, FactKind, FactRow, Facts, Measure, Membership, Mission, MissionType,
    SeriesRow,
};
pub use money::{Money, Qualifier, Scale};
pub use short_text::Text;
pub use span::{Position, Span};
pub use value::{Count, Percent, UnknownValueKind, Value, ValueData, ValueKind};
pub use with_source::WithSource;

/// The calendar date inside [`DateValue::Day`].
pub use chrono::NaiveDate;
/// The exact decimal of every amount, percentage and count.
pub use rust_decimal::Decimal;

/// Parses a fact sheet.
///
/// Fails only for a text that cannot be read as a fact sheet at all (empty,
/// binary, no prose); everything recoverable is a [`Warning`] on the result.
pub fn parse(text: &str) -> Result<FactSheet, Error> {
    parse::document(text, &Options::default())
}

/// What [`parse_with`] keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Copy each paragraph's and list item's text into its
    /// [`Passage::text`] (the default). Off, the texts are left empty and
    /// the spans give them: the document is about half the size, and
    /// [`FactSheet::with_source`] still writes the full JSON.
    pub passage_text: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { passage_text: true }
    }
}

/// Parses a fact sheet, keeping what `options` say; [`parse`] keeps all.
pub fn parse_with(text: &str, options: &Options) -> Result<FactSheet, Error> {
    parse::document(text, options)
}

/// Parses a fact sheet from a file's bytes: UTF-8, UTF-16 with a byte-order
/// mark, or UTF-8 with stray Windows-1252 bytes (see [`decode()`]). What the
/// decoding noticed comes first among the warnings; the document's spans
/// count bytes of the decoded text, which the result does not hold: call
/// [`decode()`] and [`parse()`] to keep it.
///
/// ```
/// let bytes = b"U.S. Relations With Peru\n\nPeru\x92s trade reached $9.1 billion in 2009.\n";
/// let sheet = factsheet::parse_bytes(bytes)?;
/// assert_eq!(sheet.country.as_deref(), Some("Peru"));
/// assert!(sheet.warnings[0].message.contains("Windows-1252"));
/// # Ok::<(), factsheet::Error>(())
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<FactSheet, Error> {
    let decoded = decode(bytes);
    let mut sheet = parse(&decoded.text)?;
    sheet.warnings.splice(0..0, decoded.warnings);
    Ok(sheet)
}

/// The typed values of any prose: a sentence, a table cell, a paragraph of
/// any document, in the order they occur, with each amount's year and
/// qualifier read from its clause as in a fact sheet.
///
/// No document checks run: an empty or one-word text gives no values, not an
/// error. The warnings say what was ambiguous ("04/05/2016") or cut off.
///
/// ```
/// let (values, _warnings) = factsheet::values("In 2015, exports reached 20€ and CHF 19.90.");
/// let amounts: Vec<String> = values.iter().filter_map(|v| match &v.data {
///     factsheet::ValueData::Money(m) => Some(format!("{} {} {:?}", m.amount, m.currency, m.year)),
///     _ => None,
/// }).collect();
/// assert_eq!(amounts, ["20 EUR Some(2015)", "19.90 CHF Some(2015)"]);
/// ```
pub fn values(text: &str) -> (Vec<Value>, Vec<Warning>) {
    parse::prose_values(text)
}

impl std::str::FromStr for FactSheet {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

/// The README's examples run as doctests, so the README cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

//! The parsed document: header, sections, values and what was skipped.

use crate::date::DateValue;
use crate::error::Warning;
use crate::facts::Facts;
use crate::span::Span;
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// What kind of document the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A "U.S. Relations With X" bilateral relations fact sheet, any era,
    /// also when reprinted.
    Factsheet,
    /// An old-style Background Note (PROFILE, People, History ...).
    BackgroundNote,
    /// Anything else: a country page, a White House fact sheet, a release.
    Other,
}

/// A parsed fact sheet.
///
/// Every byte of the input lies in exactly one of: the header, a section, or
/// a skipped region (see [`FactSheet::regions`]); nothing is silently dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FactSheet {
    /// The kind of document.
    pub kind: Kind,
    /// The title as written, white space collapsed.
    pub title: Option<String>,
    /// The country the sheet is about, without a leading "the".
    pub country: Option<String>,
    /// The issuing bureau, as written.
    pub bureau: Option<String>,
    /// The sheet's own publication date: a day, or a month-year.
    pub date: Option<DateValue>,
    /// The header lines (title, bureau, "Fact Sheet", date, "More
    /// information about ..."), if the text has any.
    pub header: Option<Span>,
    /// The body, in order; the first may have no heading.
    pub sections: Vec<Section>,
    /// Every typed value, in document order; spans never overlap.
    pub values: Vec<Value>,
    /// Lists of organizations ("including the United Nations, ...").
    pub organizations: Vec<OrganizationList>,
    /// Quotations, with their speaker when the text names one.
    pub quotes: Vec<Quote>,
    /// The closing list of further resources.
    pub resources: Vec<Passage>,
    /// Text that is not part of the document (site chrome, blog bylines),
    /// kept here with its span so nothing is lost silently.
    pub skipped: Vec<Skipped>,
    /// The facts a researcher wants as rows.
    pub facts: Facts,
    /// Recoverable problems.
    pub warnings: Vec<Warning>,
}

impl FactSheet {
    /// The header, the sections and the skipped regions, in order. Together
    /// they cover the input from its first byte to its last without a gap.
    pub fn regions(&self) -> Vec<Span> {
        let mut all: Vec<Span> = self.header.iter().copied().collect();
        all.extend(self.sections.iter().map(|s| s.span));
        all.extend(self.skipped.iter().map(|s| s.span));
        all.sort();
        all
    }

    /// The headings of the sections that have one, in order.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().filter_map(|s| s.heading.as_deref())
    }
}

/// A section of the body: a heading (none for the opening text), its
/// paragraphs and list items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// The heading as written, white space collapsed; none for the opening text.
    pub heading: Option<String>,
    /// Where the heading is.
    pub heading_span: Option<Span>,
    /// The whole section, heading included, up to the next region.
    pub span: Span,
    /// Paragraphs of prose.
    pub paragraphs: Vec<Passage>,
    /// Items of lists (bulleted lines, the closing list of resources).
    pub list_items: Vec<Passage>,
}

/// A piece of text and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Passage {
    /// The text, as written (line breaks kept).
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// Text that is not part of the document, and why it was set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Skipped {
    /// Why: "site chrome", "byte order mark", ...
    pub reason: String,
    /// Where.
    pub span: Span,
}

/// A list of organizations named in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OrganizationList {
    /// The names, in order, without "the" or "and".
    pub names: Vec<String>,
    /// From the first name to the last.
    pub span: Span,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// The words inside the quotation marks.
    pub text: String,
    /// Who said it, if the same sentence says.
    pub speaker: Option<String>,
    /// The quotation, marks included.
    pub span: Span,
}

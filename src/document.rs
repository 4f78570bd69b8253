//! The parsed document: header, sections, values and what was skipped.

use crate::date::DateValue;
use crate::error::Warning;
use crate::facts::Facts;
use crate::span::Span;
use crate::value::{Value, ValueKind};
use serde::{Deserialize, Serialize};

/// What kind of document the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
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
// `Serialize` by hand, in `with_source`: one list of the fields for the
// sheet as parsed and for the sheet with its passages' texts from the input.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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

    /// The section a span lies in (for a value, the section its sentence is
    /// in); none for a span in the header or a skipped region, or across two
    /// sections.
    pub fn section_of(&self, span: Span) -> Option<&Section> {
        // Sections are in order and do not overlap: a binary search.
        let k = self.sections.partition_point(|s| s.span.end <= span.start);
        self.sections
            .get(k)
            .filter(|s| s.span.start <= span.start && span.end <= s.span.end)
    }

    /// The values of one kind, in document order.
    pub fn values_of(&self, kind: ValueKind) -> impl Iterator<Item = &Value> {
        self.values.iter().filter(move |v| v.kind() == kind)
    }

    /// The headings of the sections that have one, in order.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().filter_map(Section::heading_text)
    }
}

/// A section of the body: a heading (none for the opening text), its
/// paragraphs and list items.
///
/// In JSON the heading is two fields, as the contract has them: `heading`
/// (its text, or `null`) and `heading_span`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "SectionFields")]
pub struct Section {
    /// The heading; none for the opening text before the first heading.
    pub heading: Option<Heading>,
    /// The whole section, heading included, up to the next region.
    pub span: Span,
    /// Paragraphs of prose.
    pub paragraphs: Vec<Passage>,
    /// Items of lists (bulleted lines, the closing list of resources).
    pub list_items: Vec<Passage>,
    /// Lines inside the section that are no part of its text (site chrome
    /// between paragraphs, a line a web page repeats), with why: they are
    /// not read for values, and not dropped without a trace.
    pub skipped: Vec<Skipped>,
}

/// A section's heading: its text and where it is, which cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Heading {
    /// The heading as written, white space collapsed.
    pub text: String,
    /// Where the heading is.
    pub span: Span,
}

/// A section of the body: a heading (none for the opening text), its
/// paragraphs and list items. (The JSON shape of [`Section`].)
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Section"))]
struct SectionFields {
    /// The heading as written, white space collapsed; none for the opening text.
    heading: Option<String>,
    /// Where the heading is.
    heading_span: Option<Span>,
    /// The whole section, heading included, up to the next region.
    span: Span,
    /// Paragraphs of prose.
    paragraphs: Vec<Passage>,
    /// Items of lists (bulleted lines, the closing list of resources).
    list_items: Vec<Passage>,
    /// Lines inside the section that are no part of its text, with why.
    #[serde(default)]
    skipped: Vec<Skipped>,
}

impl From<SectionFields> for Section {
    fn from(f: SectionFields) -> Self {
        Section {
            heading: f
                .heading
                .zip(f.heading_span)
                .map(|(text, span)| Heading { text, span }),
            span: f.span,
            paragraphs: f.paragraphs,
            list_items: f.list_items,
            skipped: f.skipped,
        }
    }
}

// By hand, to write the paragraphs without copying them into `SectionFields`.
impl Serialize for Section {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.fields(None).serialize(serializer)
    }
}

/// A section's JSON form, borrowed: the passages' texts from `src` where
/// they hold none (see [`crate::with_source`]).
pub(crate) struct SectionRef<'a> {
    section: &'a Section,
    src: Option<&'a str>,
}

impl Section {
    pub(crate) fn fields<'a>(&'a self, src: Option<&'a str>) -> SectionRef<'a> {
        SectionRef { section: self, src }
    }
}

impl Serialize for SectionRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use crate::with_source::Passages;
        use serde::ser::SerializeStruct;
        let (section, src) = (self.section, self.src);
        let mut s = serializer.serialize_struct("Section", 6)?;
        s.serialize_field("heading", &section.heading.as_ref().map(|h| &h.text))?;
        s.serialize_field("heading_span", &section.heading.as_ref().map(|h| h.span))?;
        s.serialize_field("span", &section.span)?;
        let passages = |passages| Passages { passages, src };
        s.serialize_field("paragraphs", &passages(&section.paragraphs))?;
        s.serialize_field("list_items", &passages(&section.list_items))?;
        s.serialize_field("skipped", &section.skipped)?;
        s.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Section {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Section".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        SectionFields::json_schema(generator)
    }
}

impl Section {
    /// The heading's text, if the section has a heading.
    pub fn heading_text(&self) -> Option<&str> {
        self.heading.as_ref().map(|h| h.text.as_str())
    }
}

/// A piece of text and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Passage {
    /// The text, as written (line breaks kept). Empty for a paragraph or a
    /// list item after `parse_with` with `Options::passage_text` off (the
    /// CLI's `--no-passage-text`), and then left out of the JSON: `span`
    /// still gives it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// Text that is not part of the document, and why it was set aside.
///
/// In JSON: `reason` (a sentence for people), `code` (the [`SkipReason`]'s
/// stable name) and `span`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "SkippedFields")]
pub struct Skipped {
    /// Why.
    pub reason: SkipReason,
    /// Where.
    pub span: Span,
}

/// Why a region of the text is not part of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SkipReason {
    /// Site chrome (menus, banners, share links) before the header or the
    /// first section.
    ChromeBefore,
    /// Site chrome after the last section's content.
    ChromeAfter,
    /// The text is white space only where a document was expected.
    Blank,
    /// Site chrome between a section's paragraphs (a share bar, a caption
    /// credit): in [`Section::skipped`].
    ChromeInSection,
    /// A line that repeats the line before it (a web page's image caption
    /// under its alt text): in [`Section::skipped`].
    RepeatedLine,
}

impl SkipReason {
    /// The stable name, as in JSON's `code`.
    pub fn code(self) -> &'static str {
        match self {
            SkipReason::ChromeBefore => "chrome_before",
            SkipReason::ChromeAfter => "chrome_after",
            SkipReason::Blank => "blank",
            SkipReason::ChromeInSection => "chrome_in_section",
            SkipReason::RepeatedLine => "repeated_line",
        }
    }

    /// A sentence for people, as in JSON's `reason`.
    pub fn message(self) -> &'static str {
        match self {
            SkipReason::ChromeBefore => "site chrome before the sheet",
            SkipReason::ChromeAfter => "site chrome after the sheet",
            SkipReason::Blank => "blank",
            SkipReason::ChromeInSection => "site chrome inside a section",
            SkipReason::RepeatedLine => "a repeat of the line before",
        }
    }
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// Text that is not part of the document, and why it was set aside. (The
/// JSON shape of [`Skipped`].)
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Skipped"))]
struct SkippedFields {
    /// Why, as a sentence for people.
    reason: String,
    /// Why, as a stable name.
    code: SkipReason,
    /// Where.
    span: Span,
}

impl From<SkippedFields> for Skipped {
    fn from(f: SkippedFields) -> Self {
        Skipped {
            reason: f.code,
            span: f.span,
        }
    }
}

impl Serialize for Skipped {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SkippedFields {
            reason: self.reason.message().to_owned(),
            code: self.reason,
            span: self.span,
        }
        .serialize(serializer)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Skipped {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Skipped".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        SkippedFields::json_schema(generator)
    }
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

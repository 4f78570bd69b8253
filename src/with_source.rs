//! A document written out with its passages' texts read from the input.
//!
//! A parse that copies every paragraph holds the prose twice until the
//! output is written: the input, and the copies. [`Options::passage_text`]
//! off leaves the copies out, and [`FactSheet::with_source`] writes the
//! same JSON from the spans, so that a large file's peak memory is the
//! input and what was found in it, not the input twice.
//!
//! [`Options::passage_text`]: crate::Options::passage_text

use crate::document::{FactSheet, Passage, Section};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

/// A [`FactSheet`] with the input it was parsed from: serialises as the
/// sheet does, with each paragraph's and list item's `text` taken from the
/// input where the sheet holds none. See [`FactSheet::with_source`].
#[derive(Debug, Clone, Copy)]
pub struct WithSource<'a> {
    sheet: &'a FactSheet,
    /// The input, or none for the sheet as parsed (its own `Serialize`).
    src: Option<&'a str>,
}

impl FactSheet {
    /// The sheet, serialising with its passages' texts read from `src` (the
    /// text it was parsed from) where it holds none, as after
    /// [`parse_with`](crate::parse_with) with
    /// [`Options::passage_text`](crate::Options::passage_text) off.
    ///
    /// ```
    /// let text = "U.S. Relations With Peru\n\nPeru and the United States trade.\n";
    /// let mut options = factsheet::Options::default();
    /// options.passage_text = false;
    /// let lean = factsheet::parse_with(text, &options)?;
    /// assert!(lean.sections[0].paragraphs[0].text.is_empty());
    /// let full = factsheet::parse(text)?;
    /// assert_eq!(
    ///     serde_json::to_string(&lean.with_source(text)).unwrap(),
    ///     serde_json::to_string(&full).unwrap(),
    /// );
    /// # Ok::<(), factsheet::Error>(())
    /// ```
    pub fn with_source<'a>(&'a self, src: &'a str) -> WithSource<'a> {
        WithSource {
            sheet: self,
            src: Some(src),
        }
    }
}

impl Serialize for FactSheet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WithSource {
            sheet: self,
            src: None,
        }
        .serialize(serializer)
    }
}

impl Serialize for WithSource<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The fields in `FactSheet`'s order, as its `Deserialize` reads them.
        let d = self.sheet;
        let mut s = serializer.serialize_struct("FactSheet", 14)?;
        s.serialize_field("kind", &d.kind)?;
        s.serialize_field("title", &d.title)?;
        s.serialize_field("country", &d.country)?;
        s.serialize_field("bureau", &d.bureau)?;
        s.serialize_field("date", &d.date)?;
        s.serialize_field("header", &d.header)?;
        s.serialize_field(
            "sections",
            &Sections {
                sections: &d.sections,
                src: self.src,
            },
        )?;
        s.serialize_field("values", &d.values)?;
        s.serialize_field("organizations", &d.organizations)?;
        s.serialize_field("quotes", &d.quotes)?;
        s.serialize_field("resources", &d.resources)?;
        s.serialize_field("skipped", &d.skipped)?;
        s.serialize_field("facts", &d.facts)?;
        s.serialize_field("warnings", &d.warnings)?;
        s.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for WithSource<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        FactSheet::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        FactSheet::json_schema(generator)
    }
}

struct Sections<'a> {
    sections: &'a [Section],
    src: Option<&'a str>,
}

impl Serialize for Sections<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.sections.len()))?;
        for section in self.sections {
            seq.serialize_element(&section.fields(self.src))?;
        }
        seq.end()
    }
}

/// A section's passages, each with its text from the input when it holds
/// none (and `src` is given).
pub(crate) struct Passages<'a> {
    pub(crate) passages: &'a [Passage],
    pub(crate) src: Option<&'a str>,
}

impl Serialize for Passages<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.passages.len()))?;
        for p in self.passages {
            let text = match self.src {
                Some(src) if p.text.is_empty() => p.span.slice(src),
                _ => &p.text,
            };
            seq.serialize_element(&PassageFields { text, span: p.span })?;
        }
        seq.end()
    }
}

/// [`Passage`]'s JSON form, its text borrowed.
#[derive(serde::Serialize)]
struct PassageFields<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    text: &'a str,
    span: crate::span::Span,
}

//! Postal addresses and telephone numbers.

use serde::{Deserialize, Serialize};

/// A postal address split into its parts. Any part may be missing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Address {
    /// Number, street name, type, quadrant, suite or floor, as written
    /// ("1700 Massachusetts Avenue, NW"), or a post office box ("P.O. Box 202").
    pub street: Option<String>,
    /// The city.
    pub city: Option<String>,
    /// The U.S. state or territory as written ("DC", "D.C.", "Texas"); none
    /// outside the United States.
    pub state: Option<String>,
    /// ZIP or ZIP+4, or a foreign postal code.
    pub postal_code: Option<String>,
    /// The country the address names, as its ISO 3166-1 alpha-2 code ("JO"
    /// for "..., Amman, Jordan"); none when it names none.
    pub country: Option<String>,
}

/// What a telephone number is for, from its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A voice line ("tel.", "Telephone:", or no label).
    Voice,
    /// A fax line ("fax", "FAX:").
    Fax,
}

/// A telephone or fax number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Phone {
    /// E.164 form ("+12028339860"), or none when it cannot be normalised with
    /// certainty.
    pub e164: Option<String>,
    /// Voice or fax.
    pub line: LineKind,
}

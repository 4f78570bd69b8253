//! The facts a researcher wants as rows: when relations were established, the
//! embassy's address and phone, memberships, and year-value series.

use crate::address::Address;
use crate::date::DateValue;
use crate::span::Span;
use compact_str::CompactString;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Facts drawn from the values and the sentences around them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Facts {
    /// When the United States established diplomatic relations with the country.
    pub relations_established: Option<DatedFact>,
    /// The address of the country's embassy (or the first address given).
    pub embassy_address: Option<Address>,
    /// The embassy's telephone number in E.164 form.
    pub embassy_phone: Option<String>,
    /// The international organizations both countries belong to.
    pub memberships: Vec<String>,
    /// Amounts stated for a year: "two-way trade in goods: $9.1 billion in 2009".
    pub series: Vec<SeriesRow>,
}

/// A date and the sentence part it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DatedFact {
    /// The date.
    pub value: DateValue,
    /// Where the date is.
    pub span: Span,
}

/// One amount for one year, with what it measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeriesRow {
    /// What is measured: the subject of the sentence ("Two-way trade in goods
    /// between the United States and Peru").
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub measure: CompactString,
    /// The year the amount is for.
    pub year: i32,
    /// The amount, exact.
    #[serde(with = "crate::decimal_string")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Decimal,
    /// ISO 4217 code.
    pub currency: Cow<'static, str>,
    /// The amount as written.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub text: CompactString,
    /// Where the amount is.
    pub span: Span,
}

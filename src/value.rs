//! Typed values found in the prose, each with its source text and span.

use crate::address::{Address, Phone};
use crate::date::DateValue;
use crate::money::{Money, Qualifier};
use crate::span::Span;
use compact_str::CompactString;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One value found in the text: its kind and fields, and exactly where it was.
///
/// In JSON the kind's fields sit beside `kind`, `text` and `span`:
/// `{"kind": "percent", "text": "40 percent", "span": {...}, "value": "40", ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Value {
    // Most values are short, and a `CompactString` keeps up to 24 bytes
    // inline: no allocation per value.
    /// The source text, `input[span.start..span.end]`.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub text: CompactString,
    /// Where the value is.
    pub span: Span,
    /// The kind and its fields.
    #[serde(flatten)]
    pub data: ValueData,
}

impl Value {
    /// The kind's name as in JSON ("money", "`date_range`", ...).
    pub fn kind_name(&self) -> &'static str {
        match self.data {
            ValueData::Money(_) => "money",
            ValueData::Percent(_) => "percent",
            ValueData::Date { .. } => "date",
            ValueData::DateRange { .. } => "date_range",
            ValueData::Address(_) => "address",
            ValueData::Phone(_) => "phone",
            ValueData::Count(_) => "count",
        }
    }
}

/// The kinds of value, each with its own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValueData {
    /// An amount of money.
    Money(Money),
    /// A percentage, or percentage points.
    Percent(Percent),
    /// A date, month-year, year or fiscal year.
    Date {
        /// The date as precise as written.
        value: DateValue,
    },
    /// A range of dates ("2009-2011", "2007/08", "FY 2015–2016").
    DateRange {
        /// The first end.
        start: DateValue,
        /// The last end.
        end: DateValue,
    },
    /// A postal address.
    Address(Address),
    /// A telephone or fax number.
    Phone(Phone),
    /// A count of something that is neither money nor a percentage
    /// ("525,000 per year", "19,000 U.S. citizens").
    Count(Count),
}

/// A percentage as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Percent {
    /// The number before "percent" or "%", as a decimal string.
    #[serde(with = "crate::decimal_string")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub value: Decimal,
    /// A bound stated before it ("more than 40 percent").
    pub qualifier: Option<Qualifier>,
    /// True for "percentage points".
    pub points: bool,
}

/// A number of things.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    /// The number, scale applied ("6.5 million" is 6500000).
    #[serde(with = "crate::decimal_string")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub value: Decimal,
    /// The words after it that say what is counted, if any ("U.S. citizens").
    pub unit: Option<String>,
    /// A bound stated before it.
    pub qualifier: Option<Qualifier>,
}

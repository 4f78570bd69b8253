//! Typed values found in the prose, each with its source text and span.

use crate::address::{Address, Phone};
use crate::date::DateValue;
use crate::money::{Money, Qualifier};
use crate::short_text::Text;
use crate::span::Span;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One value found in the text: its kind and fields, and exactly where it was.
///
/// In JSON the kind's fields sit beside `kind`, `text` and `span`:
/// `{"kind": "percent", "text": "40 percent", "span": {...}, "value": "40", ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Value {
    /// The source text, `input[span.start..span.end]`.
    pub text: Text,
    /// Where the value is.
    pub span: Span,
    /// The kind and its fields.
    #[serde(flatten)]
    pub data: ValueData,
}

impl Value {
    /// The value's kind.
    pub fn kind(&self) -> ValueKind {
        match self.data {
            ValueData::Money(_) => ValueKind::Money,
            ValueData::Percent(_) => ValueKind::Percent,
            ValueData::Date { .. } => ValueKind::Date,
            ValueData::DateRange { .. } => ValueKind::DateRange,
            ValueData::Address(_) => ValueKind::Address,
            ValueData::Phone(_) => ValueKind::Phone,
            ValueData::Count(_) => ValueKind::Count,
        }
    }

    /// The kind's name as in JSON ("money", "`date_range`", ...): the same as
    /// `self.kind().name()`.
    pub fn kind_name(&self) -> &'static str {
        self.kind().name()
    }
}

/// The kinds of [`Value`], without their fields: to ask for the values of
/// one kind ([`crate::FactSheet::values_of`]) or count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValueKind {
    /// [`ValueData::Money`].
    Money,
    /// [`ValueData::Percent`].
    Percent,
    /// [`ValueData::Date`].
    Date,
    /// [`ValueData::DateRange`].
    DateRange,
    /// [`ValueData::Address`].
    Address,
    /// [`ValueData::Phone`].
    Phone,
    /// [`ValueData::Count`].
    Count,
}

impl ValueKind {
    /// Every kind, in the order of [`ValueData`]'s variants.
    pub const ALL: [ValueKind; 7] = [
        ValueKind::Money,
        ValueKind::Percent,
        ValueKind::Date,
        ValueKind::DateRange,
        ValueKind::Address,
        ValueKind::Phone,
        ValueKind::Count,
    ];

    /// The name as in JSON's `kind` ("money", "`date_range`", ...).
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Money => "money",
            ValueKind::Percent => "percent",
            ValueKind::Date => "date",
            ValueKind::DateRange => "date_range",
            ValueKind::Address => "address",
            ValueKind::Phone => "phone",
            ValueKind::Count => "count",
        }
    }
}

impl std::fmt::Display for ValueKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for ValueKind {
    type Err = UnknownValueKind;

    /// Reads a kind's JSON name back ("money", "`date_range`", ...).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ValueKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| UnknownValueKind(s.to_owned()))
    }
}

/// A name that is no [`ValueKind`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no value kind is named {0:?}")]
pub struct UnknownValueKind(pub String);

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
    // Boxed: its five parts are three times the size of any other kind's
    // fields, and every value in a document would carry that room (a large
    // file's values were a third of its peak memory).
    Address(Box<Address>),
    /// A telephone or fax number.
    Phone(Phone),
    /// A count of something that is neither money nor a percentage
    /// ("525,000 per year", "19,000 U.S. citizens").
    Count(Count),
}

impl ValueData {
    /// The amount, if this is money.
    pub fn as_money(&self) -> Option<&Money> {
        match self {
            ValueData::Money(m) => Some(m),
            _ => None,
        }
    }

    /// The percentage, if this is one.
    pub fn as_percent(&self) -> Option<&Percent> {
        match self {
            ValueData::Percent(p) => Some(p),
            _ => None,
        }
    }

    /// The date, if this is a single date (of any grain).
    pub fn as_date(&self) -> Option<DateValue> {
        match self {
            ValueData::Date { value } => Some(*value),
            _ => None,
        }
    }

    /// The two ends, if this is a range of dates.
    pub fn as_date_range(&self) -> Option<(DateValue, DateValue)> {
        match self {
            ValueData::DateRange { start, end } => Some((*start, *end)),
            _ => None,
        }
    }

    /// The address, if this is one.
    pub fn as_address(&self) -> Option<&Address> {
        match self {
            ValueData::Address(a) => Some(a),
            _ => None,
        }
    }

    /// The number, if this is a phone or fax number.
    pub fn as_phone(&self) -> Option<&Phone> {
        match self {
            ValueData::Phone(p) => Some(p),
            _ => None,
        }
    }

    /// The count, if this is one.
    pub fn as_count(&self) -> Option<&Count> {
        match self {
            ValueData::Count(c) => Some(c),
            _ => None,
        }
    }
}

/// A percentage as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
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
#[non_exhaustive]
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

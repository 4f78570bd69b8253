//! Amounts of money, exact to the cent.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A word before an amount that bounds it ("more than $1 billion").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// more than, over, in excess of, exceeding
    MoreThan,
    /// less than, under, below
    LessThan,
    /// about, approximately, roughly, around, some, nearly, almost, close to
    About,
    /// at least
    AtLeast,
    /// up to, as much as
    UpTo,
}

/// The scale word written after a number ("billion", "bn", "M").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// × 1,000
    Thousand,
    /// × 1,000,000
    Million,
    /// × 1,000,000,000
    Billion,
    /// × 1,000,000,000,000
    Trillion,
}

impl Scale {
    /// The factor the scale multiplies by.
    pub fn factor(self) -> Decimal {
        Decimal::from(match self {
            Scale::Thousand => 1_000u64,
            Scale::Million => 1_000_000,
            Scale::Billion => 1_000_000_000,
            Scale::Trillion => 1_000_000_000_000,
        })
    }
}

/// An amount of money as the text states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Money {
    /// The exact amount in whole currency units, scale applied
    /// ("$9.1 billion" is 9100000000). Serialised as a decimal string.
    #[serde(with = "crate::decimal_string")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Decimal,
    /// ISO 4217 code ("USD", "EUR"). Borrowed from a static table when
    /// parsed, so an amount costs no allocation for its currency.
    pub currency: Cow<'static, str>,
    /// A bound stated before the amount, if any.
    pub qualifier: Option<Qualifier>,
    /// The calendar or fiscal year the same clause gives the amount for.
    pub year: Option<i32>,
    /// True when that year is a fiscal year ("$40 million in FY 2019").
    #[serde(default)]
    pub fiscal_year: bool,
    /// The scale word, if the amount had one.
    pub scale: Option<Scale>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_serialise_as_the_contract_names_them() {
        let json = serde_json::to_string(&Qualifier::MoreThan).unwrap();
        assert_eq!(json, "\"more_than\"");
    }

    #[test]
    fn scale_factors_are_exact() {
        assert_eq!(Scale::Billion.factor().to_string(), "1000000000");
    }
}

//! Calendar references: a day, a month of a year, a year, a fiscal year.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A date as precise as the text states it, and no more.
///
/// A month-year is not a date with a made-up first day, and a fiscal year is
/// not a calendar year: each is its own variant. Serialised as
/// `"2018-04-02"`, `"2018-04"`, `"2018"` or `"FY2018"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateValue {
    /// A full calendar date.
    Day(chrono::NaiveDate),
    /// A month of a year.
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// A calendar year.
    Year(i32),
    /// A U.S. government fiscal year, named by the year it ends in.
    FiscalYear(i32),
}

impl DateValue {
    /// The calendar or fiscal year the date falls in.
    pub fn year(&self) -> i32 {
        use chrono::Datelike;
        match *self {
            DateValue::Day(d) => d.year(),
            DateValue::Month { year, .. } | DateValue::Year(year) | DateValue::FiscalYear(year) => {
                year
            }
        }
    }

    /// A month-year, if the month is 1 to 12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(DateValue::Month { year, month })
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            DateValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::FiscalYear(y) => write!(f, "FY{y:04}"),
        }
    }
}

/// A string that is not one of the four date forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a date as YYYY-MM-DD, YYYY-MM, YYYY or FYYYYY, found `{0}`")]
pub struct DateValueError(String);

impl FromStr for DateValue {
    type Err = DateValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateValueError(s.to_string());
        let year = |t: &str| -> Result<i32, DateValueError> {
            if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        if let Some(rest) = s.strip_prefix("FY") {
            return Ok(DateValue::FiscalYear(year(rest)?));
        }
        match s.len() {
            4 => Ok(DateValue::Year(year(s)?)),
            7 if s.as_bytes()[4] == b'-' => {
                let month: u32 = s[5..].parse().map_err(|_| err())?;
                DateValue::month(year(&s[..4])?, month).ok_or_else(err)
            }
            10 => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(DateValue::Day)
                .map_err(|_| err()),
            _ => Err(err()),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DateValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateValue".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^(FY)?\d{4}(-\d{2}(-\d{2})?)?$",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_round_trips_through_its_string() {
        for s in ["2018-04-02", "1963-12", "1827", "FY2017"] {
            let d: DateValue = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn malformed_strings_are_refused() {
        for s in ["", "18", "2018-13", "2018-02-30", "FY17", "fy2017", "20x8"] {
            assert!(s.parse::<DateValue>().is_err(), "{s}");
        }
    }
}

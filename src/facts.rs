//! The facts a researcher wants as rows: the country's and bureau's codes,
//! when relations were established, shared memberships, year-value series by
//! measure, and the diplomatic missions with their addresses and phones.

use crate::address::{Address, Phone};
use crate::date::DateValue;
use crate::money::Qualifier;
use crate::short_text::Text;
use crate::span::Span;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Facts drawn from the values and the sentences around them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Facts {
    /// ISO 3166-1 alpha-2 code of the sheet's country ("PE"; Kosovo "XK"),
    /// none when the country is unknown or is no ISO 3166 country.
    pub country_code: Option<Cow<'static, str>>,
    /// The regional bureau's office symbol; none for a functional bureau.
    pub bureau_code: Option<BureauCode>,
    /// When the United States established diplomatic relations with the country.
    pub relations_established: Option<DatedFact>,
    /// The international organizations both countries belong to, in order.
    pub memberships: Vec<Membership>,
    /// Every amount the text ties to a year, with what it measures.
    pub series: Vec<SeriesRow>,
    /// Every diplomatic mission whose address or phone the text gives.
    pub missions: Vec<Mission>,
    /// Deprecated: the first mission's address; read `missions` instead.
    pub embassy_address: Option<Address>,
    /// Deprecated: the first mission's first voice number; read `missions` instead.
    pub embassy_phone: Option<String>,
}

/// The State Department's six regional bureaus, by office symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum BureauCode {
    /// Bureau of African Affairs.
    AF,
    /// Bureau of East Asian and Pacific Affairs.
    EAP,
    /// Bureau of European and Eurasian Affairs.
    EUR,
    /// Bureau of Near Eastern Affairs.
    NEA,
    /// Bureau of South and Central Asian Affairs.
    SCA,
    /// Bureau of Western Hemisphere Affairs.
    WHA,
}

impl BureauCode {
    /// The office symbol ("WHA").
    pub fn as_str(self) -> &'static str {
        match self {
            BureauCode::AF => "AF",
            BureauCode::EAP => "EAP",
            BureauCode::EUR => "EUR",
            BureauCode::NEA => "NEA",
            BureauCode::SCA => "SCA",
            BureauCode::WHA => "WHA",
        }
    }
}

impl std::fmt::Display for BureauCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date and where the text states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DatedFact {
    /// The date, as precise as written.
    pub value: DateValue,
    /// Where the date is.
    pub span: Span,
}

/// An organization both countries belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Membership {
    /// The name as written, without a leading "the".
    pub name: String,
    /// Where the name is.
    pub span: Span,
}

/// What a series amount measures: the fixed vocabulary of `FACTS.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Measure {
    /// Two-way (bilateral) trade, in goods, services or both, or a part of it.
    Trade,
    /// U.S. exports to the country.
    UsExports,
    /// U.S. imports from the country.
    UsImports,
    /// U.S. investment in the country.
    UsInvestment,
    /// The country's investment in the United States.
    InvestmentInUs,
    /// U.S. government assistance or funding for the country or its people.
    Assistance,
    /// Any other amount tied to a year.
    Other,
}

impl Measure {
    /// The name as in JSON and CSV (`"us_exports"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Trade => "trade",
            Measure::UsExports => "us_exports",
            Measure::UsImports => "us_imports",
            Measure::UsInvestment => "us_investment",
            Measure::InvestmentInUs => "investment_in_us",
            Measure::Assistance => "assistance",
            Measure::Other => "other",
        }
    }
}

/// One amount for one year, with what it measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SeriesRow {
    /// What is measured, from the fixed vocabulary.
    pub measure: Measure,
    /// The words of the sentence that name what is measured ("Two-way trade
    /// in goods between the United States and Peru").
    pub measure_text: Text,
    /// The year the amount is for (a calendar or a fiscal year).
    pub year: i32,
    /// True when the year is a fiscal year ("FY 2019").
    pub fiscal: bool,
    /// The amount, exact.
    #[serde(with = "crate::decimal_string")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub amount: Decimal,
    /// ISO 4217 code.
    pub currency: Cow<'static, str>,
    /// A bound stated before the amount ("over $772 billion").
    pub qualifier: Option<Qualifier>,
    /// True when the amount is a change ("increased by $12 billion"), not a level.
    pub change: bool,
    /// The amount as written.
    pub text: Text,
    /// Where the amount is.
    pub span: Span,
}

/// What kind of diplomatic post a mission is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MissionType {
    /// An embassy (its chancery).
    Embassy,
    /// A consulate general, consulate, consular agency or honorary consulate.
    Consulate,
    /// A permanent mission to the United Nations.
    UnMission,
    /// An interests section, liaison or trade office.
    Office,
    /// Any other post.
    Other,
}

impl MissionType {
    /// The name as in JSON and CSV (`"un_mission"`).
    pub fn as_str(self) -> &'static str {
        match self {
            MissionType::Embassy => "embassy",
            MissionType::Consulate => "consulate",
            MissionType::UnMission => "un_mission",
            MissionType::Office => "office",
            MissionType::Other => "other",
        }
    }
}

/// A diplomatic mission the text gives an address or a phone for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Mission {
    /// ISO alpha-2 of the country that runs it ("US" for a U.S. embassy).
    pub of: Option<Cow<'static, str>>,
    /// ISO alpha-2 of the country where it is ("US" for Washington).
    pub at: Option<Cow<'static, str>>,
    /// Embassy, consulate, UN mission, office.
    #[serde(rename = "type")]
    pub kind: MissionType,
    /// The city it is in.
    pub city: Option<String>,
    /// Its street address (the mailing address when it has no other).
    pub address: Option<Address>,
    /// Its numbers, voice and fax, in order.
    pub phones: Vec<Phone>,
    /// From the first word that names it to its last number or address.
    pub span: Span,
}

/// The kinds of fact rows, as `factsheet facts --kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// Amounts tied to years ([`SeriesRow`]).
    Series,
    /// Diplomatic missions ([`Mission`]).
    Missions,
    /// The date relations were established ([`DatedFact`]).
    Relations,
    /// Shared memberships ([`Membership`]).
    Memberships,
}

impl FactKind {
    /// The name as on the command line and in JSON (`"series"`).
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Series => "series",
            FactKind::Missions => "missions",
            FactKind::Relations => "relations",
            FactKind::Memberships => "memberships",
        }
    }
}

/// One fact of a document as a row, borrowed from its [`Facts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactRow<'a> {
    /// When relations were established.
    Relations(&'a DatedFact),
    /// An organization both countries belong to.
    Membership(&'a Membership),
    /// An amount for a year.
    Series(&'a SeriesRow),
    /// A diplomatic mission.
    Mission(&'a Mission),
}

impl FactRow<'_> {
    /// Which kind of row it is.
    pub fn kind(&self) -> FactKind {
        match self {
            FactRow::Relations(_) => FactKind::Relations,
            FactRow::Membership(_) => FactKind::Memberships,
            FactRow::Series(_) => FactKind::Series,
            FactRow::Mission(_) => FactKind::Missions,
        }
    }

    /// Where the fact is in the text.
    pub fn span(&self) -> Span {
        match self {
            FactRow::Relations(f) => f.span,
            FactRow::Membership(m) => m.span,
            FactRow::Series(s) => s.span,
            FactRow::Mission(m) => m.span,
        }
    }
}

impl Facts {
    /// Every fact as a row, kind by kind (relations, memberships, series,
    /// missions), each kind in document order: what `factsheet facts` writes.
    pub fn rows(&self) -> impl Iterator<Item = FactRow<'_>> {
        self.relations_established
            .iter()
            .map(FactRow::Relations)
            .chain(self.memberships.iter().map(FactRow::Membership))
            .chain(self.series.iter().map(FactRow::Series))
            .chain(self.missions.iter().map(FactRow::Mission))
    }

    /// The rows of one kind.
    pub fn rows_of(&self, kind: FactKind) -> impl Iterator<Item = FactRow<'_>> {
        self.rows().filter(move |r| r.kind() == kind)
    }
}

//! The facts drawn from the values and the sentences around them: the codes
//! of the country and the bureau, when relations were established, shared
//! memberships, year-value series and diplomatic missions.

pub(crate) mod codes;
mod memberships;
mod missions;
mod relations;
mod series;

use relations::Established;

pub(crate) use codes::country_code;

use crate::address::LineKind;
use crate::document::{OrganizationList, Section};
use crate::facts::Facts;
use crate::value::Value;

/// What the facts stage needs to know of the document.
pub(crate) struct Sheet<'a> {
    pub(crate) src: &'a str,
    pub(crate) country: Option<&'a str>,
    /// The sheet's region as [`region`] gives it, found once for the phones
    /// and the facts alike.
    pub(crate) region: Option<&'static str>,
    pub(crate) bureau: Option<&'a str>,
    pub(crate) title: Option<&'a str>,
    pub(crate) values: &'a [Value],
    pub(crate) sections: &'a [Section],
    pub(crate) lists: &'a [OrganizationList],
}

/// The ISO code of the sheet's country: the one it names in its title or
/// text, else the one its text names most (with that name as written).
pub(crate) fn region(src: &str, country: Option<&str>) -> (Option<&'static str>, Option<String>) {
    match country.and_then(country_code) {
        Some(code) => (Some(code), None),
        None => match codes::most_named_country_as_written(src) {
            Some((code, name)) => (Some(code), Some(name)),
            None => (None, None),
        },
    }
}

pub(crate) fn derive(sheet: &Sheet<'_>) -> Facts {
    let established = relations::relations_established(sheet.src, sheet.values);
    // A page whose header names no country and whose text establishes
    // relations with several is about several: it has no one country.
    let (country_code, relations_established) =
        match (sheet.country.and_then(country_code), established) {
            (Some(code), Established::Once(d) | Established::Several(d)) => (Some(code), Some(d)),
            (Some(code), Established::Unstated) => (Some(code), None),
            (None, Established::Several(_)) => (None, None),
            (None, Established::Once(d)) => (sheet.region, Some(d)),
            (None, Established::Unstated) => (sheet.region, None),
        };
    let missions = missions::missions(sheet.src, sheet.values, country_code);
    let embassy_address = missions.iter().find_map(|m| m.address.clone());
    let embassy_phone = missions
        .iter()
        .flat_map(|m| &m.phones)
        .find(|p| p.line == LineKind::Voice)
        .and_then(|p| p.e164.clone());
    Facts {
        country_code: country_code.map(Into::into),
        bureau_code: sheet.bureau.and_then(codes::bureau_code),
        relations_established,
        memberships: memberships::memberships(sheet.src, sheet.sections, sheet.lists),
        series: series::series(sheet.src, sheet.values, sheet.sections, sheet.title),
        missions,
        embassy_address,
        embassy_phone,
    }
}

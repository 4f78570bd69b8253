//! The facts drawn from the values and the sentences around them: the codes
//! of the country and the bureau, when relations were established, shared
//! memberships, year-value series and diplomatic missions.

pub(crate) mod codes;
mod memberships;
mod missions;
mod series;

pub(crate) use codes::country_code;

use crate::address::LineKind;
use crate::document::{OrganizationList, Section};
use crate::facts::{DatedFact, Facts};
use crate::parse::text::sentence::sentence_start;
use crate::parse::text::words::after;
use crate::value::{Value, ValueData};

const ESTABLISHED: [&str; 3] = [
    "established relations",
    "relations were established",
    "relations were opened",
];

/// What the facts stage needs to know of the document.
pub(crate) struct Sheet<'a> {
    pub(crate) src: &'a str,
    pub(crate) country: Option<&'a str>,
    pub(crate) bureau: Option<&'a str>,
    pub(crate) title: Option<&'a str>,
    pub(crate) values: &'a [Value],
    pub(crate) sections: &'a [Section],
    pub(crate) lists: &'a [OrganizationList],
}

/// The ISO code of the sheet's country: the one it names in its title or
/// text, else the one its text names most.
pub(crate) fn region(src: &str, country: Option<&str>) -> Option<&'static str> {
    country
        .and_then(country_code)
        .or_else(|| codes::most_named_country(src))
}

pub(crate) fn derive(sheet: &Sheet<'_>) -> Facts {
    let country_code = region(sheet.src, sheet.country);
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
        relations_established: relations_established(sheet.src, sheet.values),
        memberships: memberships::memberships(sheet.src, sheet.sections, sheet.lists),
        series: series::series(sheet.src, sheet.values, sheet.sections, sheet.title),
        missions,
        embassy_address,
        embassy_phone,
    }
}

fn relations_established(src: &str, values: &[Value]) -> Option<DatedFact> {
    // Each "relations" in the text, then the first date after it in its sentence:
    // one pass over the text, not a sentence's worth of look-back per date.
    for hit in memchr::memmem::find_iter(src.as_bytes(), b"relations") {
        let start = sentence_start(src, hit);
        let lead = after(src, start, hit + 40 - start);
        let diplomatic = lead.contains("diplomatic relations")
            && ["established", "opened", "began", "recogni"]
                .iter()
                .any(|w| lead.contains(w));
        if !diplomatic && !ESTABLISHED.iter().any(|p| lead.contains(p)) {
            continue;
        }
        let first = values.partition_point(|v| v.span.start < hit);
        for v in values[first..]
            .iter()
            .take_while(|v| v.span.start < hit + 300)
        {
            if let ValueData::Date { value } = v.data {
                let between = &src[hit..v.span.start];
                if !between.contains(". ") && !between.contains('\n') {
                    return Some(DatedFact {
                        value,
                        span: v.span,
                    });
                }
                break;
            }
        }
    }
    None
}

//! Reading the passages: the typed values (scanned, then put in context:
//! table units and the year each amount is for), organization lists and
//! quotations.

use super::layout::Role;
use super::lines::Line;
use super::openings::Openings;
use super::values::{postal, street_first};
use super::{context, organizations, quotes, scan};
use crate::document::{OrganizationList, Passage, Quote, Section};
use crate::error::Warning;
use crate::value::Value;

/// What the reading stage hands on.
#[derive(Default)]
pub(crate) struct Read {
    pub(crate) values: Vec<Value>,
    pub(crate) organizations: Vec<OrganizationList>,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) warnings: Vec<Warning>,
}

/// Scans the header lines and the sections' text for values, quotes and lists.
pub(crate) fn read(src: &str, lines: &[Line], roles: &[Role], sections: &[Section]) -> Read {
    let mut doc = Read::default();
    // Room at once for a value per 128 bytes: the archive's sheets hold one
    // per 100-200 bytes (a growth or two), and a Value is 160 bytes, so room
    // for one per 64 bytes was two and a half bytes reserved per input byte,
    // the largest part of a large file's peak memory.
    let mut values = Vec::with_capacity(src.len() / 128 + 8);
    let mut warnings = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if roles[k] == Role::Header {
            scan::scan(
                src,
                line.trim_start,
                line.trim_end,
                &mut values,
                &mut warnings,
            );
        }
    }
    // Where a list or a quotation may open, found in one pass over the whole
    // text: a search set up per passage cost more than the passages' text.
    let mut list_openings = Openings::new(organizations::list_openings(src));
    let mut quote_openings = Openings::new(quotes::quote_openings(src));
    // One buffer for every section's passages: no allocation per section.
    let mut passages: Vec<&Passage> = Vec::new();
    // Addresses found from their postal codes, merged with the scan's after.
    let mut by_code = Vec::new();
    for section in sections {
        if let Some(h) = section.heading.as_ref().map(|h| h.span) {
            scan::scan(src, h.start, h.end, &mut values, &mut warnings);
        }
        passages.clear();
        passages.extend(section.paragraphs.iter().chain(section.list_items.iter()));
        passages.sort_by_key(|p| p.span.start);
        for p in &passages {
            let scanned = values.len();
            scan::scan(src, p.span.start, p.span.end, &mut values, &mut warnings);
            let coded = by_code.len();
            postal::addresses(
                src,
                p.span.start,
                p.span.end,
                &values[scanned..],
                &mut by_code,
            );
            located(src, p.span.start, p.span.end, &values, coded, &mut by_code);
            if list_openings.any_in(p.span) {
                organizations::organization_lists(
                    src,
                    p.span.start,
                    p.span.end,
                    &mut doc.organizations,
                );
            }
            if quote_openings.any_in(p.span) {
                quotes::quotes(src, p.span.start, p.span.end, &mut doc.quotes);
            }
        }
    }
    // The passes run in the text's order, so the values mostly are: a
    // stable sort of a large document's values would first allocate half
    // of them again.
    if !values.is_sorted_by_key(|v| v.span.start) {
        values.sort_by_key(|v| v.span.start);
    }
    let mut values = postal::merge(values, by_code);
    context::apply_table_units(src, sections, &mut values);
    context::link_years(src, &mut values);
    // The room reserved at the start, beyond what the text held, is given
    // back: a large file's values stay held until its output is written.
    values.shrink_to_fit();
    doc.values = values;
    doc.warnings = warnings;
    doc
}

/// The addresses a locative introduces in `src[start..end]` ("is at 12
/// Madani Avenue, Gulshan, Dhaka"), where neither the scan (the values at
/// the end of `values`) nor the code pass (`by_code[coded..]`) found one.
fn located(
    src: &str,
    start: usize,
    end: usize,
    values: &[Value],
    coded: usize,
    by_code: &mut Vec<Value>,
) {
    let passage = values.len()
        - values
            .iter()
            .rev()
            .take_while(|v| v.span.end > start)
            .count();
    street_first::addresses(src, start, end, &values[passage..], by_code, coded);
}

/// The typed values of any prose (a sentence, a table cell, a paragraph),
/// read as a fact sheet's passages are, with no document around them.
pub(crate) fn prose_values(src: &str) -> (Vec<Value>, Vec<Warning>) {
    let mut values = Vec::with_capacity(src.len() / 64 + 8);
    let mut warnings = Vec::new();
    scan::scan(src, 0, src.len(), &mut values, &mut warnings);
    let mut by_code = Vec::new();
    postal::addresses(src, 0, src.len(), &values, &mut by_code);
    values.sort_by_key(|v| v.span.start);
    located(src, 0, src.len(), &values, 0, &mut by_code);
    let mut values = postal::merge(values, by_code);
    context::link_years(src, &mut values);
    (values, warnings)
}

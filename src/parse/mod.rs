//! The grammar, crate-private so that nom never shows in the public API.
//!
//! [`document`] is the pipeline, one stage a module, each taking data and
//! returning data: [`check`] refuses what is not writing; [`lines`] splits
//! the text; [`header`] reads the header; [`layout`] gives every body line a
//! role; [`regions`] builds the header, sections and skipped regions;
//! [`read`] scans the passages for values (the value grammars sit under
//! [`scan`]), lists and quotations, and puts the values in [`context`];
//! [`classify`] decides the kind and the country; [`facts`] draws the rows;
//! [`warnings`] says what is wrong with the text as a whole.

mod check;
mod chrome;
mod classify;
mod context;
mod facts;
mod header;
mod layout;
mod lines;
mod openings;
mod organizations;
mod quotes;
mod read;
mod regions;
pub(crate) mod scan;
mod spaces;
mod text;
mod values;
mod warnings;

use crate::document::FactSheet;
use crate::error::Error;
use crate::Options;

/// The typed values of any prose, with no document checks.
pub(crate) fn prose_values(src: &str) -> (Vec<crate::value::Value>, Vec<crate::error::Warning>) {
    let Some(plain) = spaces::plain(src) else {
        return read::prose_values(src);
    };
    let (mut values, mut warnings) = read::prose_values(&plain.text);
    plain.values(src, &mut values);
    plain.warnings(&mut warnings);
    (values, warnings)
}

/// Parses a whole text, its no-break and thin spaces read as spaces.
pub(crate) fn document(src: &str, options: &Options) -> Result<FactSheet, Error> {
    check::readable(src)?;
    let Some(plain) = spaces::plain(src) else {
        return document_of_plain(src, options);
    };
    let mut doc = document_of_plain(&plain.text, options)
        .map_err(|e| e.moved_onto(src, |at| plain.to_source(at)))?;
    plain.document(src, &mut doc);
    Ok(doc)
}

/// Parses a text whose spaces are plain.
fn document_of_plain(src: &str, options: &Options) -> Result<FactSheet, Error> {
    let lines = lines::split(src);
    let head = header::header(src, &lines);
    let mut roles = layout::header_roles(src, &lines, head.lines);
    let body_from = head.lines.map_or(0, |(_, last)| last + 1);
    let country_hint = head
        .country
        .clone()
        .or_else(|| classify::country_from_body(src, &lines));
    layout::body_roles(src, &lines, &mut roles, body_from, country_hint.as_deref());
    let regions = regions::build(src, &lines, &roles, head.lines);
    check::has_prose(src, &regions)?;
    let mut read = read::read(src, &lines, &roles, &regions.sections);
    let country = classify::country(head.country.clone(), &regions.sections, country_hint);
    let (region, most_named) = facts::region(src, country.as_deref());
    values::phone::localise(src, &mut read.values, region);
    let kind = classify::kind(src, &lines, &head, &regions.sections);
    let mut warnings = read.warnings;
    warnings::about_the_text(src, &lines, &roles, &mut warnings);
    warnings::unknown_header_lines(&lines, &roles, &head, &mut warnings);
    // The line lists are done with: a large file's facts and passage texts
    // are made without them.
    drop((lines, roles));
    let facts = facts::derive(&facts::Sheet {
        src,
        country: country.as_deref(),
        region,
        bureau: head.bureau.as_deref(),
        title: head.title.as_deref(),
        values: &read.values,
        sections: &regions.sections,
        lists: &read.organizations,
    });
    // A sheet that names its country nowhere a header or a heading does (a
    // closing section on its own) is about the country its text names most,
    // as the facts found: the same country, as the text writes it.
    let country =
        country.or_else(|| most_named.filter(|_| facts.country_code.as_deref() == region));
    let mut sections = regions.sections;
    if options.passage_text {
        regions::write_passage_texts(src, &mut sections);
    }
    Ok(FactSheet {
        kind,
        title: head.title,
        country,
        bureau: head.bureau,
        date: head.date,
        header: regions.header,
        sections,
        values: read.values,
        organizations: read.organizations,
        quotes: read.quotes,
        resources: regions.resources,
        skipped: regions.skipped,
        facts,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn texts_that_are_not_fact_sheets_fail_with_a_position() {
        assert_eq!(
            document("", &Options::default()).unwrap_err().kind(),
            &ErrorKind::Empty
        );
        assert_eq!(
            document(" \n\t\u{feff}", &Options::default())
                .unwrap_err()
                .kind(),
            &ErrorKind::Empty
        );
        let err = document("Some text\0with a NUL", &Options::default()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Binary);
        assert_eq!((err.position().line, err.position().column), (1, 10));
        assert_eq!(
            document("12 34 -- 56", &Options::default())
                .unwrap_err()
                .kind(),
            &ErrorKind::NoProse
        );
    }
}

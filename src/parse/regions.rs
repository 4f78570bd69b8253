//! Lines with their roles become regions: the header, the sections with
//! their paragraphs and list items, and the skipped chrome. Together the
//! regions cover every byte of the input.

use super::chrome;
use super::layout::Role;
use super::lines::Line;
use crate::document::{Heading, Passage, Section, SkipReason, Skipped};
use crate::parse::text::words::collapse;
use crate::span::Span;

/// What the regions stage hands on.
#[derive(Default)]
pub(crate) struct Regions {
    pub(crate) header: Option<Span>,
    pub(crate) sections: Vec<Section>,
    pub(crate) skipped: Vec<Skipped>,
    pub(crate) resources: Vec<Passage>,
}

/// Turns roles into the header, sections and skipped regions, which together
/// cover every byte of the input.
pub(crate) fn build(
    src: &str,
    lines: &[Line],
    roles: &[Role],
    head: Option<(usize, usize)>,
) -> Regions {
    #[derive(PartialEq, Clone, Copy)]
    enum Region {
        Skip,
        Header,
        Section,
    }
    let mut doc = Regions::default();
    let doc = &mut doc;
    let close = |doc: &mut Regions, region: Region, start: usize, end: usize| {
        let span = Span::new(start, end);
        match region {
            Region::Skip => {
                let reason = if doc.header.is_none() && doc.sections.is_empty() {
                    SkipReason::ChromeBefore
                } else {
                    SkipReason::ChromeAfter
                };
                doc.skipped.push(Skipped { reason, span });
            }
            Region::Header => doc.header = Some(span),
            Region::Section => {
                if let Some(last) = doc.sections.last_mut() {
                    last.span = span;
                }
            }
        }
    };
    // Chrome between a section's paragraphs stays in its section (it is only
    // not read for values); chrome before the body or after its last content
    // is a skipped region.
    let last_content = roles
        .iter()
        .rposition(|r| !matches!(r, Role::Blank | Role::Chrome));
    // A section per heading, and one for the opening text.
    let headings = roles
        .iter()
        .filter(|r| matches!(r, Role::Heading { .. }))
        .count();
    doc.sections.reserve(headings + 1);
    let mut current: Option<(Region, usize)> = None;
    for (k, line) in lines.iter().enumerate() {
        let role = roles[k];
        let in_header = head.is_some_and(|(a, b)| (a..=b).contains(&k));
        let in_section = current.is_some_and(|(r, _)| r == Region::Section);
        let wanted = match role {
            Role::Blank => continue,
            _ if in_header => Region::Header,
            Role::Chrome if in_section && last_content.is_some_and(|last| k < last) => continue,
            Role::Chrome => Region::Skip,
            _ => Region::Section,
        };
        let heading = matches!(role, Role::Heading { .. }) && wanted == Region::Section;
        let starts = match current {
            None => true,
            Some((r, _)) => r != wanted || heading,
        };
        if !starts {
            continue;
        }
        // Leading blank lines belong to the first region.
        let start = if current.is_none() { 0 } else { line.start };
        if let Some((r, s)) = current {
            close(doc, r, s, start);
        }
        if wanted == Region::Section {
            let heading = match role {
                Role::Heading { glued } => {
                    let span = Span::new(
                        line.trim_start,
                        glued.map_or(line.trim_end, |len| line.trim_start + len),
                    );
                    Some(Heading {
                        text: collapse(span.slice(src)),
                        span,
                    })
                }
                _ => None,
            };
            doc.sections.push(Section {
                heading,
                span: Span::new(start, start),
                paragraphs: Vec::new(),
                list_items: Vec::new(),
                skipped: Vec::new(),
            });
        }
        current = Some((wanted, start));
    }
    match current {
        Some((r, s)) => close(doc, r, s, src.len()),
        None => doc.skipped.push(Skipped {
            reason: SkipReason::Blank,
            span: Span::new(0, src.len()),
        }),
    }
    fill_sections(src, lines, roles, doc);
    std::mem::take(doc)
}

/// Copies each paragraph's and list item's text into it. Last of the
/// parse: the copies are as large as the prose, and made while the lines,
/// their roles and the reading's lists were still held, they were the
/// largest part of a large file's peak memory.
pub(crate) fn write_passage_texts(src: &str, sections: &mut [Section]) {
    for section in sections {
        for p in section.paragraphs.iter_mut().chain(&mut section.list_items) {
            p.text = p.span.slice(src).to_owned();
        }
    }
}

/// Puts paragraphs, list items and resources into the sections they fall in.
fn fill_sections(src: &str, lines: &[Line], roles: &[Role], doc: &mut Regions) {
    let mut k = 0;
    // Sections and lines are both in order: one cursor walks the sections.
    let mut at = 0;
    while k < lines.len() {
        let line = lines[k];
        // The text is copied in at the end of the parse (see
        // [`write_passage_texts`]), once the working lists are let go.
        let passage = |start: usize, end: usize| Passage {
            text: String::new(),
            span: Span::new(start, end),
        };
        while at < doc.sections.len() && doc.sections[at].span.end <= line.start {
            at += 1;
        }
        let Some(section) = doc
            .sections
            .get_mut(at)
            .filter(|s| s.span.start <= line.start)
        else {
            k += 1;
            continue;
        };
        match roles[k] {
            Role::Paragraph => {
                // A paragraph runs over consecutive paragraph lines.
                let mut last = k;
                while last + 1 < lines.len() && roles[last + 1] == Role::Paragraph {
                    last += 1;
                }
                let start = line.trim_start + chrome::capture_marker_len(line.text(src));
                section
                    .paragraphs
                    .push(passage(start, lines[last].trim_end));
                k = last + 1;
                continue;
            }
            Role::Heading { glued: Some(len) } => {
                let start = line.trim_start + len;
                let start = start
                    + (src[start..line.trim_end].len()
                        - src[start..line.trim_end].trim_start().len());
                section.paragraphs.push(passage(start, line.trim_end));
            }
            Role::ListItem => section
                .list_items
                .push(passage(line.trim_start, line.trim_end)),
            Role::Resource => {
                section
                    .list_items
                    .push(passage(line.trim_start, line.trim_end));
                doc.resources.push(Passage {
                    text: line.text(src).to_owned(),
                    span: Span::new(line.trim_start, line.trim_end),
                });
            }
            // Chrome in the section's text is left out of its paragraphs,
            // and said so: a share bar, a caption, a line repeated.
            Role::Chrome => {
                let text = line.text(src);
                // The layout repeats only the very next line.
                let repeated = k > 0 && !lines[k - 1].is_blank() && lines[k - 1].text(src) == text;
                section.skipped.push(Skipped {
                    reason: if repeated {
                        SkipReason::RepeatedLine
                    } else {
                        SkipReason::ChromeInSection
                    },
                    span: Span::new(line.trim_start, line.trim_end),
                });
            }
            Role::Blank | Role::Header | Role::Heading { glued: None } => {}
        }
        k += 1;
    }
}

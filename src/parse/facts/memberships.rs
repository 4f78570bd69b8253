//! Shared memberships: the organizations the text says both countries belong
//! to ("... belong to a number of the same international organizations,
//! including the United Nations, ...").

use crate::document::{OrganizationList, Section};
use crate::facts::Membership;
use crate::parse::text::sentence::sentence_start;
use crate::span::Span;

/// Words of a sentence that make its list one of shared memberships.
const SHARED: [&str; 6] = [
    "belong to",
    "same international organizations",
    "members of",
    "member of",
    "membership in",
    "participate in",
];

/// The first list the text gives as shared memberships, each name with its span.
pub(crate) fn memberships(
    src: &str,
    sections: &[Section],
    lists: &[OrganizationList],
) -> Vec<Membership> {
    // Sections are in order: the one holding a list is found by bisection.
    let in_membership_section = |l: &OrganizationList| {
        let k = sections.partition_point(|s| s.span.end <= l.span.start);
        sections.get(k).is_some_and(|s| {
            s.span.start <= l.span.start
                && s.heading_text()
                    .is_some_and(|h| h.to_ascii_lowercase().contains("membership"))
        })
    };
    let says_shared = |l: &OrganizationList| {
        let start = sentence_start(src, l.span.start);
        let lead = src[start..l.span.start].to_ascii_lowercase();
        SHARED.iter().any(|w| lead.contains(w))
    };
    let Some(list) = lists
        .iter()
        .find(|l| says_shared(l) || in_membership_section(l))
    else {
        return Vec::new();
    };
    let mut from = list.span.start;
    list.names
        .iter()
        .filter_map(|name| {
            let at = from + src.get(from..list.span.end)?.find(name.as_str())?;
            from = at + name.len();
            Some(Membership {
                name: name.clone(),
                span: Span::new(at, at + name.len()),
            })
        })
        .collect()
}

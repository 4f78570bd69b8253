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
    let mut found: Vec<Membership> = list
        .names
        .iter()
        .filter_map(|name| {
            let at = from + src.get(from..list.span.end)?.find(name.as_str())?;
            from = at + name.len();
            Some(Membership {
                name: name.clone(),
                span: Span::new(at, at + name.len()),
            })
        })
        .collect();
    // A name the end of the text cuts off ("..., and the World Ba") is no
    // organization's: the text stops where the name should go on.
    if found
        .last()
        .is_some_and(|m| m.span.end >= src.trim_end().len())
    {
        found.pop();
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::parse;

    fn memberships(text: &str) -> Vec<String> {
        let doc = parse(text).unwrap();
        doc.facts
            .memberships
            .into_iter()
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_name_cut_off_by_the_end_of_the_text_is_left_out() {
        let lead = "U.S. Relations With Peru\n\nPeru and the United States belong to a number of the same international organizations, including the United Nations, Organization of American States, and World ";
        assert_eq!(
            memberships(&format!("{lead}Bank.\n")),
            [
                "United Nations",
                "Organization of American States",
                "World Bank"
            ]
        );
        assert_eq!(
            memberships(&format!("{lead}Ba")),
            ["United Nations", "Organization of American States"]
        );
    }
}

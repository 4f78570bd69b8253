//! Lists of organizations: "... international organizations, including the
//! United Nations, Organization of American States, and World Bank."

use crate::document::OrganizationList;
use crate::parse::text::words::{after, before};
use crate::span::Span;

/// Built once: building a searcher per paragraph cost more than the search.
static INCLUDING: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("including "));

/// Where "including " stands in the whole text: only a passage holding one
/// can hold a list.
pub(crate) fn list_openings(src: &str) -> Vec<usize> {
    INCLUDING.find_iter(src.as_bytes()).collect()
}

/// Finds the organization lists in one paragraph, `src[start..end]`.
pub(crate) fn organization_lists(
    src: &str,
    start: usize,
    end: usize,
    out: &mut Vec<OrganizationList>,
) {
    let text = &src[start..end];
    let mut from = 0;
    while let Some(k) = INCLUDING.find(&text.as_bytes()[from..]) {
        let at = from + k;
        from = at + "including ".len();
        // Only a list that follows "organizations" in its sentence.
        let lead = before(text, at, 400);
        let sentence = lead.rfind(". ").map_or(lead, |i| &lead[i + 2..]);
        if !sentence.to_ascii_lowercase().contains("organizations") {
            continue;
        }
        let list_start = from;
        let rest = after(text, list_start, 1_500);
        let list_end = rest
            .find(". ")
            .map_or(list_start + rest.len(), |i| list_start + i);
        let list_end = text[list_start..list_end].trim_end_matches('.').len() + list_start;
        let names = split_names(&text[list_start..list_end]);
        if names.len() >= 2 {
            let first = text[list_start..]
                .strip_prefix("the ")
                .map_or(list_start, |_| list_start + 4);
            out.push(OrganizationList {
                names,
                span: Span::new(start + first, start + list_end),
            });
        }
        from = list_end.max(from);
    }
}

/// "the United Nations, Organization of American States, and World Bank" ->
/// `["United Nations", "Organization of American States", "World Bank"]`.
fn split_names(list: &str) -> Vec<String> {
    // "Organization for Security and Cooperation in Europe" holds an "and": with
    // commas in the list, only they separate names.
    let parts: Vec<&str> = if list.contains([',', ';']) {
        list.split([',', ';']).collect()
    } else {
        list.split(" and ").collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|name| {
            let name = name.strip_prefix("and ").unwrap_or(name);
            let name = name.strip_prefix("the ").unwrap_or(name);
            name.trim().to_string()
        })
        // A name starts with a capital: "as well as bilateral forums" is not one.
        .filter(|name| name.starts_with(|c: char| c.is_uppercase()) && name.len() < 120)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_membership_list() {
        let src = "Chile and the United States belong to a number of the same international organizations, \
                   including the United Nations, Organization of American States, International Monetary \
                   Fund, and World Trade Organization.";
        let mut out = Vec::new();
        organization_lists(src, 0, src.len(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].names,
            vec![
                "United Nations",
                "Organization of American States",
                "International Monetary Fund",
                "World Trade Organization"
            ]
        );
        assert_eq!(
            out[0].span.slice(src),
            "United Nations, Organization of American States, International Monetary \
                   Fund, and World Trade Organization"
        );
    }

    #[test]
    fn names_with_and_stay_whole() {
        let src = "They share many international organizations, including the Organization for Security and \
                   Cooperation in Europe, and Council of Europe.";
        let mut out = Vec::new();
        organization_lists(src, 0, src.len(), &mut out);
        assert_eq!(
            out[0].names,
            vec![
                "Organization for Security and Cooperation in Europe",
                "Council of Europe"
            ]
        );
        let src =
            "Both join international organizations, including the United Nations and World Bank.";
        let mut out = Vec::new();
        organization_lists(src, 0, src.len(), &mut out);
        assert_eq!(out[0].names, vec!["United Nations", "World Bank"]);
    }

    #[test]
    fn including_without_organizations_is_no_list() {
        let src = "Exports include many goods, including vehicles, machinery, and cocoa.";
        let mut out = Vec::new();
        organization_lists(src, 0, src.len(), &mut out);
        assert!(out.is_empty());
    }
}

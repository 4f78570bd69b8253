//! Context between values: the year a clause gives an amount for.
//!
//! "from $9.1 billion in 2009 to $14.3 billion in 2016" gives 2009 and 2016;
//! "FY 2017 assistance of $40 million" gives 2017; "$240 million in FY 2022,
//! including $100 million ..." gives 2022 to the parts too.

use crate::date::DateValue;
use crate::parse::text::sentence::{clause_break, sentence_start};
use crate::value::{Value, ValueData};

use super::openings::Openings;
use crate::document::Section;
use crate::money::Scale;
use crate::span::Span;

/// Unit notes over a table: "(in millions)" scales the bare amounts under it.
const TABLE_UNITS: [(&str, Scale); 8] = [
    ("(in thousands)", Scale::Thousand),
    ("(in millions)", Scale::Million),
    ("(in billions)", Scale::Billion),
    ("($ millions)", Scale::Million),
    ("($ in millions)", Scale::Million),
    ("(millions of dollars)", Scale::Million),
    ("(us$ millions)", Scale::Million),
    ("(dollars in millions)", Scale::Million),
];

/// May a unit note open at byte `k`? Every note opens "(i", "($", "(m",
/// "(u" or "(d", in either case.
fn note_may_open(bytes: &[u8], k: usize) -> bool {
    let second = bytes.get(k + 1).map_or(b' ', u8::to_ascii_lowercase);
    bytes[k] == b'(' && matches!(second, b'i' | b'$' | b'm' | b'u' | b'd')
}

fn table_unit(text: &str) -> Option<(usize, Scale)> {
    // Only a '(' can open a unit note: most passages have none or a few.
    let bytes = text.as_bytes();
    for open in memchr::memchr_iter(b'(', bytes) {
        if !note_may_open(bytes, open) {
            continue;
        }
        for &(note, scale) in &TABLE_UNITS {
            let found = text
                .get(open..open + note.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(note));
            if found {
                return Some((open + note.len(), scale));
            }
        }
    }
    None
}

/// Scales the amounts of a table whose unit note ("(in millions)") stands
/// above it, up to the next sentence of prose.
pub(crate) fn apply_table_units(src: &str, sections: &[Section], values: &mut [Value]) {
    // Where a unit note may open, found in one pass over the text: most
    // passages hold none, and need no search of their own.
    let bytes = src.as_bytes();
    let mut notes = Openings::new(
        memchr::memchr_iter(b'(', bytes)
            .filter(|&k| note_may_open(bytes, k))
            .collect(),
    );
    // One buffer for every section's passages: no allocation per section.
    let mut passages: Vec<Span> = Vec::new();
    for section in sections {
        let mut unit: Option<Scale> = None;
        passages.clear();
        passages.extend(
            section
                .paragraphs
                .iter()
                .chain(&section.list_items)
                .map(|p| p.span),
        );
        if let Some(h) = section.heading.as_ref().map(|h| h.span) {
            passages.push(h);
        }
        passages.sort();
        for &span in &passages {
            let text = span.slice(src);
            let note = if notes.any_in(span) {
                table_unit(text)
            } else {
                None
            };
            let from = match note {
                Some((after, scale)) => {
                    unit = Some(scale);
                    span.start + after
                }
                None if text.trim_end().ends_with('.') => {
                    unit = None;
                    continue;
                }
                None => span.start,
            };
            let Some(scale) = unit else { continue };
            // Values are in order: find the first under the passage, not scan all.
            let first = values.partition_point(|v| v.span.start < from);
            for v in values[first..]
                .iter_mut()
                .take_while(|v| v.span.end <= span.end)
            {
                if let ValueData::Money(m) = &mut v.data {
                    if m.scale.is_none() {
                        m.amount = m
                            .amount
                            .checked_mul(scale.factor())
                            .unwrap_or(m.amount)
                            .normalize();
                        m.scale = Some(scale);
                    }
                }
            }
        }
    }
}

/// How far a year may stand from its amount, in bytes.
const NEAR: usize = 90;

/// Fills `year` on each amount from the dates of its clause.
pub(crate) fn link_years(src: &str, values: &mut [Value]) {
    let mut inherited: Option<(usize, Year)> = None; // (end of the amount, its year)
    let mut fronted: Option<(usize, Year)> = None; // the same, for a year before its amount
    let mut listed: Option<(usize, Year)> = None; // the same, for a list after a colon
    for m in 0..values.len() {
        if !matches!(values[m].data, ValueData::Money(_)) {
            continue;
        }
        let span = values[m].span;
        // Each neighbour is looked for once: the year after the amount, else
        // the year before it and where that year ends.
        let after = year_after(src, values, m);
        let before = if after.is_none() {
            year_before(src, values, m)
        } else {
            None
        };
        let fronted_now = before.is_some()
            && opens_with_its_year(&src[sentence_start(src, span.start)..span.start]);
        let year = after
            .or(before.map(|(y, _)| y))
            .or_else(|| {
                // "..., including $100 million": a part takes the year of its total.
                let (total_end, year) = inherited?;
                let between = src.get(total_end..span.start)?;
                (between.len() < 200 && !clause_break(between) && holds(between, b"including"))
                    .then_some(year)
            })
            .or_else(|| {
                // "In 2015, Seychelles imported $18.5 million ..., and exported
                // $5.8 million": a year that opens the clause is every amount's in it.
                let (first_end, year) = fronted?;
                let between = src.get(first_end..span.start)?;
                // The cheap tests first: the walk back over the values between
                // runs only inside one short clause.
                let near = between.len() < 300 && !clause_break(between);
                let dated = || {
                    values[..m]
                        .iter()
                        .rev()
                        .take_while(|v| v.span.start >= first_end)
                        .any(|v| year_of(v).is_some())
                };
                (near && !dated()).then_some(year)
            });
        let year = year.or_else(|| that_year(src, values, m));
        let year = year.or_else(|| {
            // "Major cases in FY 20 include: Japan ($23.11B); Morocco ($4.25B)":
            // the items of a list after a colon share the year of its opening.
            let (last_end, year) = listed?;
            let between = src.get(last_end..span.start)?;
            let sentence_ends = between.contains('\n')
                || memchr::memchr_iter(b'.', between.as_bytes())
                    .any(|k| between.as_bytes().get(k + 1) == Some(&b' '));
            // Items of such a list are set off by semicolons; commas part the
            // shares of a total ("$26.75 billion for security, $14.75 billion ...").
            (between.len() < 200 && !sentence_ends && between.contains(';')).then_some(year)
        });
        // The list's year is stated before its colon: "in FY 20 include: ...".
        let opens_a_list = before.is_some_and(|(_, year_end)| {
            src.get(year_end..span.start)
                .is_some_and(|b| holds(b, b": "))
        });
        if opens_a_list || listed.is_some() && year.is_some() && year == listed.map(|(_, y)| y) {
            listed = year.map(|y| (span.end, y));
        } else {
            listed = None;
        }
        if fronted_now {
            fronted = year.map(|y| (span.end, y));
        } else if fronted.is_some_and(|(end, _)| src.get(end..span.start).is_none_or(clause_break))
        {
            fronted = None;
        }
        if let ValueData::Money(money) = &mut values[m].data {
            money.year = year.map(|(y, _)| y);
            money.fiscal_year = year.is_some_and(|(_, fiscal)| fiscal);
        }
        match year {
            Some(y)
                if inherited
                    .is_none_or(|(end, _)| src.get(end..span.start).is_none_or(clause_break)) =>
            {
                inherited = Some((span.end, y));
            }
            Some(_) => {}
            None => {
                if inherited
                    .is_some_and(|(end, _)| src.get(end..span.start).is_none_or(clause_break))
                {
                    inherited = None;
                }
            }
        }
    }
}

/// "..., and U.S. imports were $1.3 billion that year": the year an amount's
/// "that year" (or "the same year") points back to, the last one its
/// sentence gave before it.
fn that_year(src: &str, values: &[Value], m: usize) -> Option<Year> {
    let span = values[m].span;
    let rest = src.get(span.end..)?.strip_prefix(' ')?;
    let rest = rest.strip_prefix("in ").unwrap_or(rest);
    if !["that year", "the same year", "that same year"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return None;
    }
    let start = sentence_start(src, span.start);
    values[..m]
        .iter()
        .rev()
        .take_while(|v| v.span.start >= start)
        .find_map(|v| match &v.data {
            ValueData::Money(money) => money.year.map(|y| (y, money.fiscal_year)),
            _ => year_of(v),
        })
}

/// Does `hay` hold `needle`? For the short passages between a value and
/// its neighbours: `str::contains` sets up a two-way searcher per call, which
/// the profile of amount-dense text showed as a third of the parse.
fn holds(hay: &str, needle: &[u8]) -> bool {
    let (hay, first) = (hay.as_bytes(), needle[0]);
    memchr::memchr_iter(first, hay).any(|k| hay[k..].starts_with(needle))
}

/// Does a sentence open with the year it is about: "In 2015, ..." | "In FY
/// 2017, ..." | "In fiscal year 2020, ..."?
fn opens_with_its_year(sentence: &str) -> bool {
    let Some(rest) = sentence.strip_prefix("In ") else {
        return false;
    };
    let rest = rest
        .strip_prefix("FY")
        .or_else(|| rest.strip_prefix("fiscal year"))
        .or_else(|| rest.strip_prefix("Fiscal Year"))
        .unwrap_or(rest)
        .trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && rest[4..].starts_with(',')
}

/// Is the day at `day` the time of the clause after it: "on <day>," set off
/// by its comma, the amount in the clause that follows ("On March 31, 2010,
/// the U.S. pledged ...")?
fn when_the_clause_happens(src: &str, day: Span, between: &str) -> bool {
    let lead = src[..day.start].trim_end();
    let word = lead.rsplit(char::is_whitespace).next().unwrap_or(lead);
    matches!(word, "on" | "On") && between.starts_with(", ")
}

/// A year and whether it is a fiscal year.
type Year = (i32, bool);

fn year_of(v: &Value) -> Option<Year> {
    match v.data {
        ValueData::Date { value } => {
            Some((value.year(), matches!(value, DateValue::FiscalYear(_))))
        }
        // "for July through December 2015": months of one year are in it.
        ValueData::DateRange { start, end }
            if start.year() == end.year()
                && !matches!(start, DateValue::Year(_) | DateValue::FiscalYear(_)) =>
        {
            Some((start.year(), false))
        }
        _ => None,
    }
}

/// "$9.1 billion in 2009" | "$240 million in FY 2022" | "$13.2 billion (2017)".
fn year_after(src: &str, values: &[Value], m: usize) -> Option<Year> {
    let mut end = values[m].span.end;
    for v in &values[m + 1..] {
        if v.span.start > end + NEAR {
            return None;
        }
        let between = src.get(end..v.span.start)?;
        if clause_break(between) {
            return None;
        }
        if matches!(v.data, ValueData::Money(_)) {
            // "$80 million of a $100 million FY 2022 appropriation": a part
            // is for the year of the whole it is part of.
            if matches!(
                between,
                " of a " | " of an " | " of the " | " out of " | " out of a "
            ) {
                end = v.span.end;
                continue;
            }
            // "from $13.2 billion to $23.1 billion (2017)": the year is the
            // second amount's; the first is where the change began.
            return None;
        }
        if let Some(y) = year_of(v) {
            let lead = between.trim_end();
            // "$6.5 billion through the end of 2014": what the year closes.
            let linked = lead.ends_with(" in")
                || lead.ends_with(" for")
                || lead.ends_with(" through the end of")
                || lead.ends_with(" during")
                || lead.ends_with('(')
                || lead == "in"
                || lead.is_empty();
            return linked.then_some(y);
        }
    }
    None
}

/// "In 2016, exports totaled $3 billion" | "FY 2017 assistance of $40 million" |
/// "GDP (1997): $450 million". The year, and where its text ends.
fn year_before(src: &str, values: &[Value], m: usize) -> Option<(Year, usize)> {
    let start = values[m].span.start;
    for v in values[..m].iter().rev() {
        if v.span.end + NEAR < start || matches!(v.data, ValueData::Money(_)) {
            return None;
        }
        let between = src.get(v.span.end..start)?;
        let bytes = between.as_bytes();
        // At most NEAR bytes: a byte walk, not a searcher built per amount.
        // "from 2009 to $5 billion": the year opens a range, and gives no
        // amount its year; "FY 2010 Assistance to Haiti ... $381,911,301" does.
        let ranged = between.starts_with(" to ")
            || between.starts_with(" through ")
            || bytes.windows(6).any(|w| w == b" from ");
        // "GDP per capita (2004):\n$2,091.": a profile's label, its value
        // wrapped to the next line.
        let label = between.trim_end() == "):";
        if clause_break(between) && !label || ranged {
            return None;
        }
        if let Some(y) = year_of(v) {
            // "After the April 25, 2015 earthquake, ... $130 million", "PDA 56
            // APRIL 24, 2024 $1B": a day dates an event (an announcement, a
            // pledge), not the period an amount is for. Unless it is when the
            // clause happens: "On March 31, 2010, the U.S. pledged $1.15
            // billion", "at the conference on March 31, 2010, ...".
            if matches!(
                v.data,
                ValueData::Date {
                    value: DateValue::Day(_)
                }
            ) && !when_the_clause_happens(src, v.span, between)
            {
                return None;
            }
            // "Since 2004, ... $1 billion" is a total over years, not for one.
            let lead = src[..v.span.start].trim_end();
            let open_ended = [
                "since", "Since", "until", "through", "by", "between", "from", "From", "as of",
                "As of",
            ]
            .iter()
            .any(|w| {
                lead.ends_with(w) && !lead[..lead.len() - w.len()].ends_with(char::is_alphanumeric)
            });
            // "Since our assistance began in 1993, ... $51 million": a clause
            // opened by "since" dates a start, and the amount is a total.
            let sentence = &src[sentence_start(src, v.span.start)..v.span.start];
            let clause = sentence.rsplit(',').next().unwrap_or(sentence).trim_start();
            let since_clause = clause.starts_with("Since ")
                || clause.starts_with("since ")
                || holds(clause, b" since ");
            return (!open_ended && !since_clause).then_some((y, v.span.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Warning;

    fn years(src: &str) -> Vec<Option<i32>> {
        let mut values = Vec::new();
        let mut warnings: Vec<Warning> = Vec::new();
        crate::parse::scan::scan(src, 0, src.len(), &mut values, &mut warnings);
        link_years(src, &mut values);
        values
            .iter()
            .filter_map(|v| match &v.data {
                ValueData::Money(m) => Some(m.year),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn years_after_the_amount() {
        assert_eq!(
            years("grew from $9.1 billion in 2009 to $14.3 billion in 2016."),
            vec![Some(2009), Some(2016)]
        );
        assert_eq!(
            years("from $33 billion in 1992 to over $772 billion in goods and services in 2017."),
            vec![Some(1992), Some(2017)]
        );
    }

    #[test]
    fn years_before_the_amount_and_parts_of_a_total() {
        assert_eq!(
            years("FY 2017 assistance of $40 million was spent."),
            vec![Some(2017)]
        );
        assert_eq!(years("GDP (1997): $450 million."), vec![Some(1997)]);
        assert_eq!(
            years("It provided $240 million in FY 2022 aid, including $100 million in food and $140 million in health."),
            vec![Some(2022), Some(2022), Some(2022)]
        );
    }

    #[test]
    fn that_year_is_the_year_its_sentence_gave() {
        assert_eq!(
            years("U.S. exports were $2.1 billion in 2021, and U.S. imports were $1.3 billion that year."),
            vec![Some(2021), Some(2021)]
        );
        assert_eq!(
            years("Exports grew in 2021. Imports were $1.3 billion that year."),
            vec![None]
        );
    }

    #[test]
    fn no_year_across_a_sentence() {
        assert_eq!(
            years("Trade rose in 2016. Exports were $3 billion."),
            vec![None]
        );
        assert_eq!(years("It gave $5 billion to the region."), vec![None]);
        assert_eq!(
            years("Since 2004 it has invested more than $1 billion."),
            vec![None]
        );
    }

    #[test]
    fn a_year_that_opens_the_sentence_dates_each_amount_in_it() {
        assert_eq!(
            years("In 2015, it imported $18.5 million in goods, and exported $5.8 million."),
            vec![Some(2015), Some(2015)]
        );
        // Not when the year only dates a moment of reckoning.
        assert_eq!(
            years(
                "As of December 31, 2009, it had appropriated $51.01 billion, and $2 billion more."
            ),
            vec![None, None]
        );
    }

    #[test]
    fn items_of_a_list_after_a_colon_share_its_year() {
        assert_eq!(
            years("Cases in FY 20 include: Japan ($23.11B); Morocco ($4.25B); Israel ($3.0B). Then $5 billion."),
            vec![Some(2020), Some(2020), Some(2020), None]
        );
        // Commas part the shares of a total, which take no year from afar.
        assert_eq!(
            years("It was appropriated in FY 2010: $26.75 billion for security, $14.75 billion for aid."),
            vec![Some(2010), None]
        );
    }

    #[test]
    fn a_day_dates_an_event_not_the_amount() {
        assert_eq!(years("PDA 56APRIL 24, 2024$1B"), vec![None]);
        assert_eq!(
            years("After the April 25, 2015 earthquake, the U.S. gave $130 million."),
            vec![None]
        );
        // Unless the day is when the clause happens: "on <day>, ...".
        assert_eq!(
            years("At the conference on March 31, 2010, the U.S. pledged $1.15 billion."),
            vec![Some(2010)]
        );
        assert_eq!(
            years("On June 2, 2019, the bank lent $40 million."),
            vec![Some(2019)]
        );
    }

    #[test]
    fn months_of_a_year_a_wrapped_label_and_a_part_of_a_total() {
        assert_eq!(
            years("a $498 million appeal for July through December 2015."),
            vec![Some(2015)]
        );
        assert_eq!(years("GDP per capita (2004):\n$2,091."), vec![Some(2004)]);
        assert_eq!(
            years("Congress rescinded $80 million of a $100 million FY 2022 appropriation."),
            vec![Some(2022), Some(2022)]
        );
        // A range of years is no one year.
        assert_eq!(years("$5 million for 2009-2011."), vec![None]);
    }

    #[test]
    fn a_clause_opened_by_since_dates_a_start_not_the_amount() {
        assert_eq!(
            years("As the largest donor since our aid began in 1993, it has given $51 million."),
            vec![None]
        );
        assert_eq!(
            years("Total FY 2010 Assistance to Haiti for the Earthquake...... $381,911,301"),
            vec![Some(2010)]
        );
        assert_eq!(
            years("it rose from $13.2 billion to $23.1 billion (2017)."),
            vec![None, Some(2017)]
        );
    }
}

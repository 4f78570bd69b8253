//! Postal addresses: U.S. street addresses over one or two lines, and post
//! office boxes at home and abroad.

use super::number::inline_gap;
use super::{make_address, read};
use crate::address::Address;
use crate::parse::text::words::words;
use crate::value::Value;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{not, opt, peek, recognize, verify};
use nom::multi::fold_many_m_n;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// The bytes an address can open with: a street number, "P.O. Box", and
/// the capital of an embassy block's label ("Embassy", "Consulate", "Address").
pub(crate) const OPENING_BYTES: &[&[u8]] = &[b"0123456789", b"PECA"];

const STREET_TYPES: [&str; 30] = [
    "Street",
    "St.",
    "Avenue",
    "Ave.",
    "Av.",
    "Road",
    "Rd.",
    "Boulevard",
    "Blvd.",
    "Drive",
    "Dr.",
    "Place",
    "Pl.",
    "Lane",
    "Ln.",
    "Court",
    "Ct.",
    "Circle",
    "Terrace",
    "Parkway",
    "Pkwy.",
    "Highway",
    "Square",
    "Plaza",
    "Way",
    "Ave",
    "St",
    "Rd",
    "Blvd",
    "Av",
];

fn word_end(i: &str) -> IResult<&str, ()> {
    not(peek(satisfy(|c: char| c.is_alphanumeric()))).parse(i)
}

// "Street" | "Ave." | "Rd."
fn street_type(i: &str) -> IResult<&str, &str> {
    for t in STREET_TYPES {
        if let Some(rest) = i.strip_prefix(t) {
            if word_end(rest).is_ok() {
                return Ok((rest, t));
            }
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

// "Massachusetts" | "N" | "2nd" | "A'Duwal"
fn name_word(i: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            satisfy(char::is_uppercase),
            take_while_m_n(0, 20, |c: char| c.is_alphabetic() || c == '\''),
        )),
        recognize((
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
            alt((tag("st"), tag("nd"), tag("rd"), tag("th"))),
        )),
    ))
    .parse(i)
}

// ", NW" | " NW" | " N.W."
fn quadrant(i: &str) -> IResult<&str, &str> {
    preceded(
        alt((tag(", "), tag(" "))),
        terminated(
            alt((
                tag("NW"),
                tag("NE"),
                tag("SW"),
                tag("SE"),
                tag("N.W."),
                tag("N.E."),
                tag("S.W."),
                tag("S.E."),
            )),
            word_end,
        ),
    )
    .parse(i)
}

// ", Suite 495" | ", 2nd Floor" | ", Room 12"
fn unit(i: &str) -> IResult<&str, &str> {
    preceded(
        tag(", "),
        alt((
            recognize((
                alt((
                    tag("Suite"),
                    tag("Ste."),
                    tag("Room"),
                    tag("Floor"),
                    tag("Apt."),
                    tag("Unit"),
                )),
                char(' '),
                take_while_m_n(1, 6, |c: char| c.is_ascii_alphanumeric()),
            )),
            recognize((name_word, tag(" Floor"))),
        )),
    )
    .parse(i)
}

// "Massachusetts Avenue" | "New Mexico Avenue" | "Belmont Rd.": up to
// `max_words` capitalised words, then the street's type.
fn street_name(max_words: usize) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        recognize((
            fold_many_m_n(
                1,
                max_words,
                terminated(
                    verify(name_word, |w: &str| street_type(w).is_err()),
                    char(' '),
                ),
                || (),
                |(), _| (),
            ),
            street_type,
        ))
        .parse(i)
    }
}

/// "1700 Massachusetts Avenue, NW" | "1711 N Street, NW, 2nd Floor" |
/// "1101 Brickell Av., Suite 1602"
fn street(i: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(1, 5, |c: char| c.is_ascii_digit()),
        opt((
            char('-'),
            take_while_m_n(1, 5, |c: char| c.is_ascii_digit()),
        )),
        char(' '),
        street_name(4),
        opt(quadrant),
        fold_many_m_n(0, 2, unit, || (), |(), _| ()),
    ))
    .parse(i)
}

/// "P.O. Box 202" | "PO Box 1234"
fn post_office_box(i: &str) -> IResult<&str, &str> {
    recognize((
        alt((
            tag("P.O. Box"),
            tag("P. O. Box"),
            tag("PO Box"),
            tag("P.O.Box"),
        )),
        char(' '),
        take_while_m_n(1, 6, |c: char| c.is_ascii_digit()),
        word_end,
    ))
    .parse(i)
}

// ", " | ",\n" | "\n" — an address may wrap once.
fn part_separator(i: &str) -> IResult<&str, &str> {
    recognize((
        opt(char(',')),
        alt((tag("\r\n"), tag("\n"), tag(" "))),
        opt(inline_gap),
    ))
    .parse(i)
}

// "Washington" | "New York" | "St. Louis"
fn place(i: &str) -> IResult<&str, &str> {
    recognize((
        name_word,
        fold_many_m_n(
            0,
            3,
            (alt((tag(" "), tag(". "))), name_word),
            || (),
            |(), _| (),
        ),
    ))
    .parse(i)
}

// "DC 20036" | "FL 33131" | "D.C. 20036-1234"
fn state_zip(i: &str) -> IResult<&str, (&str, &str)> {
    let (rest, state) = alt((
        tag("D.C."),
        terminated(
            take_while_m_n(2, 2, |c: char| c.is_ascii_uppercase()),
            word_end,
        ),
    ))
    .parse(i)?;
    let (rest, _) = opt(char(',')).parse(rest)?;
    let (rest, _) = inline_gap(rest)?;
    let (rest, zip) = terminated(
        recognize((
            take_while_m_n(5, 5, |c: char| c.is_ascii_digit()),
            opt((
                char('-'),
                take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            )),
        )),
        not(peek(satisfy(|c: char| c.is_ascii_digit()))),
    )
    .parse(rest)?;
    Ok((rest, (state, zip)))
}

// "Postal Code No. 115" | "Postal Code 115"
fn foreign_postal_code(i: &str) -> IResult<&str, &str> {
    preceded(
        (tag("Postal Code"), opt(tag(" No.")), char(' ')),
        take_while1(|c: char| c.is_ascii_digit()),
    )
    .parse(i)
}

/// A U.S. street address: street, city, state and ZIP.
fn us_street_address(i: &str) -> IResult<&str, Address> {
    let (rest, street) = street(i)?;
    let (rest, _) = part_separator(rest)?;
    let (rest, city) = place(rest)?;
    let (rest, _) = (char(','), inline_gap).parse(rest)?;
    let (rest, (state, zip)) = state_zip(rest)?;
    Ok((
        rest,
        Address {
            street: Some(street.trim_end_matches(',').to_string()),
            city: Some(city.to_string()),
            state: Some(state.to_string()),
            postal_code: Some(zip.to_string()),
            country: None,
        },
    ))
}

/// A post office box, in the United States or abroad:
/// "P.O. Box 202, Postal Code No. 115, Muscat, Sultanate of Oman".
fn box_address(i: &str) -> IResult<&str, Address> {
    let (rest, street) = post_office_box(i)?;
    let (rest, code) = opt(preceded(tag(", "), foreign_postal_code)).parse(rest)?;
    let (rest, city) = preceded(part_separator, place).parse(rest)?;
    if code.is_none() {
        if let Ok((after, (state, zip))) = preceded((char(','), inline_gap), state_zip).parse(rest)
        {
            let address = Address {
                street: Some(street.to_string()),
                city: Some(city.to_string()),
                state: Some(state.to_string()),
                postal_code: Some(zip.to_string()),
                country: None,
            };
            return Ok((after, address));
        }
    }
    // A box abroad with no code is read with its parts, districts and
    // country (see `street_first`), not here.
    if code.is_none() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let (rest, country) = opt(preceded(tag(", "), place)).parse(rest)?;
    Ok((
        rest,
        Address {
            street: Some(street.to_string()),
            city: Some(city.to_string()),
            state: None,
            postal_code: code.map(str::to_string),
            country: country
                .and_then(crate::parse::facts::codes::country_code)
                .map(str::to_string),
        },
    ))
}

/// What follows an address label in an embassy block: a street with no
/// number, then its parts, the last of which is the city:
/// "Jameat A'Duwal Al Arabiya Street, Al Khuwair area, Muscat".
pub(crate) fn unnumbered_address(i: &str) -> IResult<&str, Address> {
    let (rest, street) = street_name(6)(i)?;
    let part = || {
        preceded(
            tag(", "),
            take_while_m_n(1, 60, |c: char| !matches!(c, ',' | ';' | '\n' | '\r')),
        )
    };
    let (rest, first) = part().parse(rest)?;
    let (rest, second) = opt(part()).parse(rest)?;
    let city = second.unwrap_or(first).trim().trim_end_matches('.');
    let city_like = city.starts_with(char::is_uppercase) && words(city).count() <= 4;
    if !city_like {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    // The value ends with the city, not with a period after it.
    let end = i.len()
        - rest.len()
        - (second.unwrap_or(first).len() - second.unwrap_or(first).trim_end_matches('.').len());
    let address = Address {
        street: Some(street.to_string()),
        city: Some(city.to_string()),
        ..Address::default()
    };
    Ok((&i[end..], address))
}

/// Labels that open an address line in an embassy block ("Embassy: ...").
pub(crate) const ADDRESS_LABELS: [&str; 4] =
    ["Embassy: ", "Chancery: ", "Address: ", "Embassy Address: "];

/// Any postal address.
pub(crate) fn address(i: &str) -> IResult<&str, Address> {
    alt((us_street_address, box_address)).parse(i)
}

/// Whether a number starts what looks like a street ("1700 Massachusetts
/// Avenue"), even with no city after it: such a number is not a year.
pub(crate) fn starts_street(i: &str) -> bool {
    street(i).is_ok()
}

// The scanner's entry: the value this kind makes where the scan finds it.

/// "Embassy: Jameat A'Duwal Al Arabiya Street, Al Khuwair area, Muscat": the
/// value starts after the label.
pub(crate) fn labelled_address_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let label = ADDRESS_LABELS
        .iter()
        .find(|l| src[i..end].starts_with(*l))?;
    let from = i + label.len();
    // A numbered street is the ordinary parser's, at its own token.
    if src.as_bytes().get(from).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (stop, found) = read(src, from, end, unnumbered_address)?;
    Some(make_address(src, from, stop, found))
}

pub(crate) fn address_at(src: &str, i: usize, end: usize) -> Option<Value> {
    let (stop, found) = read(src, i, end, address)?;
    Some(make_address(src, i, stop, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Parts = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn parts(s: &str) -> Option<Parts> {
        address(s)
            .ok()
            .map(|(_, a)| (a.street, a.city, a.state, a.postal_code))
    }

    #[allow(clippy::unnecessary_wraps)] // it spells an expected field
    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn us_addresses_on_one_line() {
        assert_eq!(
            parts("1700 Massachusetts Avenue, NW, Washington, DC 20036; tel."),
            Some((
                some("1700 Massachusetts Avenue, NW"),
                some("Washington"),
                some("DC"),
                some("20036")
            ))
        );
        assert_eq!(
            parts("1711 N Street, NW, 2nd Floor, Washington, DC 20036;"),
            Some((
                some("1711 N Street, NW, 2nd Floor"),
                some("Washington"),
                some("DC"),
                some("20036")
            ))
        );
        assert_eq!(
            parts("3216 New Mexico Avenue NW, Washington, DC 20016"),
            Some((
                some("3216 New Mexico Avenue NW"),
                some("Washington"),
                some("DC"),
                some("20016")
            ))
        );
        assert_eq!(
            parts("2535 Belmont Rd. NW, Washington, DC 20008")
                .unwrap()
                .0,
            some("2535 Belmont Rd. NW")
        );
        assert_eq!(
            parts("1531-1533 New Hampshire Avenue, NW, Washington, DC 20036")
                .unwrap()
                .0,
            some("1531-1533 New Hampshire Avenue, NW")
        );
    }

    #[test]
    fn us_addresses_over_two_lines() {
        assert_eq!(
            parts("1101 Brickell Av., Suite 1602,\nMiami, FL 33131"),
            Some((
                some("1101 Brickell Av., Suite 1602"),
                some("Miami"),
                some("FL"),
                some("33131")
            ))
        );
        assert_eq!(
            parts("800 2nd Av., Suite 400J,\nNew York, NY 10017")
                .unwrap()
                .1,
            some("New York")
        );
    }

    #[test]
    fn post_office_boxes() {
        assert_eq!(
            parts("P.O. Box 202, Postal Code No. 115, Muscat, Sultanate of Oman."),
            Some((some("P.O. Box 202"), some("Muscat"), None, some("115")))
        );
        assert_eq!(
            parts("P.O. Box 9, Washington, DC 20013").unwrap().3,
            some("20013")
        );
    }

    #[test]
    fn a_street_without_a_number_after_its_label() {
        let a = unnumbered_address(
            "Jameat A'Duwal Al Arabiya Street, Al Khuwair area, Muscat\nMailing",
        )
        .unwrap();
        assert_eq!(
            a.1.street.as_deref(),
            Some("Jameat A'Duwal Al Arabiya Street")
        );
        assert_eq!(a.1.city.as_deref(), Some("Muscat"));
        assert_eq!(a.0, "\nMailing");
        assert!(unnumbered_address("The embassy is on a quiet street, near the park").is_err());
    }

    #[test]
    fn not_addresses() {
        for s in [
            "1700 Massachusetts",
            "1827 following Peru",
            "2009 Trade Avenue",
            "40 percent",
        ] {
            assert_eq!(parts(s), None, "{s}");
        }
        assert!(starts_street("1700 Massachusetts Avenue."));
        assert!(!starts_street("1827 following Peru"));
    }
}

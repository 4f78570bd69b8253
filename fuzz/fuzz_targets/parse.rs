//! Fuzz `factsheet::parse` with arbitrary bytes (read as UTF-8 where they
//! are). A crash is a panic; every result must also keep the invariants the
//! tests hold it to: spans in the input, values in order, the regions a
//! partition of the input, every line of text kept somewhere.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or(""),
    };
    if let Ok(doc) = factsheet::parse(text) {
        common::check_invariants(text, &doc);
    }
    // Bytes that are not UTF-8 go through the decoder, whose text must keep
    // the same invariants.
    let decoded = factsheet::decode(data);
    if let Ok(doc) = factsheet::parse(&decoded.text) {
        common::check_invariants(&decoded.text, &doc);
    }
});

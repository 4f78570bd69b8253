//! Fuzz `factsheet::parse` with arbitrary bytes (read as UTF-8 where they
//! are). A crash is a panic; every result must also keep its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or(""),
    };
    if let Ok(doc) = factsheet::parse(text) {
        let mut last_end = 0;
        for v in &doc.values {
            assert!(v.span.start >= last_end && v.span.end <= text.len());
            assert_eq!(v.text, &text[v.span.start..v.span.end]);
            last_end = v.span.end;
        }
        let mut at = 0;
        for region in doc.regions() {
            assert_eq!(region.start, at, "regions leave a gap");
            at = region.end;
        }
        assert_eq!(at, text.len(), "regions do not reach the end");
    }
});

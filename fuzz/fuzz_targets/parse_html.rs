//! Arbitrary text as an HTML page, and speech-like text wrapped in markup:
//! no panic, and every span lies in the extracted text on char boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = jianggao_fuzz::check_parse_html(data) {
        panic!("{e}");
    }
});

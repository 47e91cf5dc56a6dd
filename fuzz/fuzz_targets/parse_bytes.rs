//! Arbitrary bytes through decoding and parsing: no panic, and every span of
//! an accepted input lies in the decoded text on char boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = jianggao_fuzz::check_parse_bytes(data) {
        panic!("{e}");
    }
});

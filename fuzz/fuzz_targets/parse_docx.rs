//! Arbitrary bytes as a .docx, and a valid .docx whose document part is
//! built from the fuzzer's bytes: an error or a document, never a panic, and
//! every span of a document lies in its extracted text.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = jianggao_fuzz::check_parse_docx(data) {
        panic!("{e}");
    }
});

//! Helpers for the jianggao fuzz targets: the properties every parse must
//! have, and a generator of speech-like texts from raw bytes.

mod checks;

pub use checks::{
    check_document, check_lossless, check_parse, check_parse_bytes, check_parse_docx, check_parse_html, docx_bytes, speech_from_bytes,
    MARKERS, NOISE, SENTENCES, SEPARATORS,
};

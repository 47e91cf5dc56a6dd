//! Decoding: bytes into UTF-8 text, with the encoding detected.

use crate::error::Error;
use crate::model::Diagnostic;

/// Decoded text with the name of its encoding.
#[derive(Clone, Debug, Default)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was decoded from (`"UTF-8"`, `"GB18030"`, ...).
    pub encoding: &'static str,
    /// Replaced sequences and other notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes `bytes`, detecting the encoding.
///
/// ```
/// let d = jianggao::decode::decode("一、总体要求".as_bytes()).unwrap();
/// assert_eq!(d.encoding, "UTF-8");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            diagnostics: Vec::new(),
        }),
        Err(_) => Err(Error::Binary {
            reason: "not UTF-8".into(),
        }),
    }
}

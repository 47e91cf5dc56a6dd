//! Errors for whole-input failures. A text that decodes always parses:
//! problems inside it are diagnostics, not errors.

use thiserror::Error;

/// Why an input could not be turned into text.
///
/// ```
/// let e = jianggao::parse_bytes(b"\x00\x01\x02\x00").unwrap_err();
/// assert!(e.to_string().contains("binary"));
/// ```
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not text (NUL bytes, no decodable text).
    #[error("input looks binary, not text: {reason}")]
    Binary {
        /// What gave it away.
        reason: String,
    },
}

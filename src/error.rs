//! Errors for whole-input failures. A text that decodes always parses:
//! problems inside it are diagnostics, not errors.

use std::path::PathBuf;

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
    /// The input is not text (NUL bytes, control characters, a known binary
    /// file signature, or nothing decodable).
    ///
    /// ```
    /// let e = jianggao::decode::decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
    /// assert!(matches!(e, jianggao::Error::Binary { .. }));
    /// assert!(e.to_string().contains("PNG"));
    /// ```
    #[error("input looks binary, not text: {reason}")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// A file could not be read.
    ///
    /// ```
    /// let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not found");
    /// let e = jianggao::Error::Io { path: "讲话.txt".into(), source };
    /// assert!(e.to_string().starts_with("cannot read 讲话.txt"));
    /// ```
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

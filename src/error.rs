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
    /// The input is in a format this crate does not read (PDF, Word
    /// 97–2003 `.doc`, or a format whose cargo feature is left out). The
    /// message names a conversion to text.
    ///
    /// ```
    /// let e = jianggao::parse_bytes(b"%PDF-1.4\n%...").unwrap_err();
    /// assert!(matches!(e, jianggao::Error::Unsupported { .. }));
    /// assert!(e.to_string().contains("pdftotext -layout"));
    /// ```
    #[error("{format} input is not supported: {hint}")]
    Unsupported {
        /// The format that was recognised.
        format: String,
        /// What to do instead.
        hint: String,
    },
    /// The input claims a format but is broken: a damaged ZIP archive, a
    /// `.docx` without its document part, XML that does not parse.
    ///
    /// ```
    /// let e = jianggao::parse_bytes(b"PK\x03\x04 not really a zip").unwrap_err();
    /// assert!(matches!(e, jianggao::Error::Malformed { .. }));
    /// ```
    #[error("malformed {format}: {reason}")]
    Malformed {
        /// The format the input claims (`".docx"`).
        format: String,
        /// What is wrong.
        reason: String,
    },
}

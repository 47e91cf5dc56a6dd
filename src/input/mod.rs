//! Input formats: plain text, HTML (saved web pages) and Word `.docx`.
//!
//! [`Format::Auto`] decides by content: a ZIP archive is read as `.docx`, a
//! text that opens with a doctype, `<html>`, `<head>` or `<body>`, or that is
//! dense with tags, is read as HTML; anything else is plain text. PDF and
//! Word 97–2003 `.doc` files are refused with [`Error::Unsupported`], which
//! names a conversion to text.
//!
//! HTML and `.docx` are turned into text first ([`extract`]); the spans of
//! the parsed [`Document`](crate::Document) point into that extracted text,
//! which the document gives back in
//! [`extracted_text`](crate::Document::extracted_text).
//!
//! ```
//! use jianggao::input::{detect, Format};
//! assert_eq!(detect(b"<!DOCTYPE html><p>x</p>"), Format::Html);
//! assert_eq!(detect("一、总体要求".as_bytes()), Format::Text);
//! ```

#[cfg(feature = "docx")]
pub mod docx;
#[cfg(feature = "html")]
pub mod html;

use std::fmt;
use std::str::FromStr;

use crate::decode::{self, Decoded};
use crate::error::Error;
use crate::model::{Diagnostic, NoiseReason};
use crate::span::Span;

/// The format of an input.
///
/// ```
/// use jianggao::input::Format;
/// assert_eq!("docx".parse::<Format>().unwrap(), Format::Docx);
/// assert_eq!(Format::Html.name(), "html");
/// assert_eq!(Format::default(), Format::Auto);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Decide by content ([`detect`]).
    #[default]
    Auto,
    /// Plain text in any supported encoding.
    Text,
    /// An HTML page.
    Html,
    /// A Word `.docx` document.
    Docx,
}

impl Format {
    /// Every name [`Format::from_str`] accepts, in order.
    ///
    /// ```
    /// assert_eq!(jianggao::input::Format::NAMES, ["auto", "text", "html", "docx"]);
    /// ```
    pub const NAMES: [&'static str; 4] = ["auto", "text", "html", "docx"];

    /// The name of the format (`"auto"`, `"text"`, `"html"`, `"docx"`).
    ///
    /// ```
    /// assert_eq!(jianggao::input::Format::Text.name(), "text");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Format::Auto),
            "text" | "txt" | "plain" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "docx" => Ok(Format::Docx),
            other => Err(format!("unknown format {other:?}: expected one of auto, text, html, docx")),
        }
    }
}

/// The format of `bytes` by content: `.docx` for a ZIP archive, HTML for
/// markup ([`looks_like_html`] on the start of the input, decoded first
/// when a byte order mark says UTF-16), otherwise text.
/// PDF and `.doc` files are detected as text here and refused by
/// [`extract`].
///
/// ```
/// use jianggao::input::{detect, Format};
/// assert_eq!(detect(b"PK\x03\x04rest"), Format::Docx);
/// assert_eq!(detect(b"<html><body>hi</body></html>"), Format::Html);
/// ```
pub fn detect(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") {
        return Format::Docx;
    }
    // The start is enough: markup opens a page. Cut on a char boundary of
    // UTF-8 when possible; other encodings keep their ASCII tags readable.
    // A UTF-16 page (a byte order mark says so) is read from its decoded head.
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes).filter(|(e, _)| !e.is_ascii_compatible()) {
        let head = bytes.get(..HEAD_LEN * 2).unwrap_or(bytes);
        let (text, _) = enc.decode_with_bom_removal(head);
        return if looks_like_html(&text) { Format::Html } else { Format::Text };
    }
    let head = bytes.get(..HEAD_LEN).unwrap_or(bytes);
    // Markup opens with a tag: a text that does not is read as text without
    // decoding its head.
    if !opens_with_tag(head) {
        return Format::Text;
    }
    let text = String::from_utf8_lossy(head);
    if looks_like_html(&text) {
        Format::Html
    } else {
        Format::Text
    }
}

/// True when `head`, after byte order marks and the spaces
/// [`looks_like_html`] skips, starts with `<`: the bytes of that test, read
/// without decoding (every other start answers no there).
fn opens_with_tag(head: &[u8]) -> bool {
    let mut rest = head;
    loop {
        match rest {
            [0xEF, 0xBB, 0xBF, r @ ..] | [b' ' | b'\t' | b'\r' | b'\n', r @ ..] => rest = r,
            _ => return rest.first() == Some(&b'<'),
        }
    }
}

/// How many bytes [`detect`] reads.
const HEAD_LEN: usize = 8 << 10;

/// True when `text` opens like an HTML page: after spaces, a byte order
/// mark, an XML declaration or comments, it starts with `<!doctype html`,
/// `<html`, `<head` or `<body`; or it starts with a tag and holds at least
/// eight tags of common HTML elements in its first 8 KB.
///
/// ```
/// use jianggao::input::looks_like_html;
/// assert!(looks_like_html("\u{feff}  <!doctype html>\n<title>t</title>"));
/// assert!(looks_like_html("<div><p>一</p><p>二</p><p>三</p><p>四</p></div>"));
/// assert!(!looks_like_html("一、总体要求\n要抓好<落实>。"));
/// ```
pub fn looks_like_html(text: &str) -> bool {
    let head = match text.char_indices().nth(HEAD_LEN) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let lower = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).to_ascii_lowercase();
    let mut rest = lower.as_str();
    // Skip an XML declaration and comments before the first element.
    loop {
        if rest.starts_with("<?xml") || rest.starts_with("<!--") {
            let close = if rest.starts_with("<?") { "?>" } else { "-->" };
            match rest.find(close) {
                Some(i) => rest = rest[i + close.len()..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    if ["<!doctype html", "<html", "<head", "<body"].iter().any(|p| rest.starts_with(p)) {
        return true;
    }
    if !rest.starts_with('<') {
        return false;
    }
    const TAGS: [&str; 14] = [
        "<p>", "<p ", "</p>", "<div", "</div>", "<br", "<span", "</span>", "<table", "<td", "<li", "<h1", "<h2", "<a ",
    ];
    let tags: usize = TAGS.iter().map(|t| lower.matches(t).count()).sum();
    tags >= 8
}

/// Text extracted from an input, with what the reader learned about it.
///
/// ```
/// use jianggao::input::{extract, Format};
/// let x = extract(b"<p>\xE4\xB8\x80\xE3\x80\x81<b>\xE6\x80\xBB</b>\xE4\xBD\x93</p>", Format::Html).unwrap();
/// assert_eq!(x.text.trim(), "一、总体");
/// assert_eq!(x.format, Format::Html);
/// ```
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Extracted {
    /// The text: the decoded input for plain text, the extracted text for
    /// HTML and `.docx`.
    pub text: String,
    /// The format that was read (never [`Format::Auto`]).
    pub format: Format,
    /// The encoding of the input (`"UTF-8"` for `.docx`).
    pub encoding: &'static str,
    /// Notes from decoding and extraction.
    pub diagnostics: Vec<Diagnostic>,
    /// Pieces of the text known to be page chrome, each with its noise
    /// reason, in order.
    pub chrome: Vec<(Span, NoiseReason)>,
}

impl Extracted {
    fn plain(d: Decoded) -> Self {
        Extracted {
            text: d.text,
            format: Format::Text,
            encoding: d.encoding,
            diagnostics: d.diagnostics,
            chrome: Vec::new(),
        }
    }
}

/// Refuses PDF and Word 97–2003 files, naming a conversion to text.
pub(crate) fn refuse_unconvertible(bytes: &[u8]) -> Result<(), Error> {
    if bytes.starts_with(b"%PDF-") {
        return Err(Error::Unsupported {
            format: "PDF".into(),
            hint: "convert it to text first, e.g. `pdftotext -layout file.pdf file.txt` (poppler-utils), \
                   and parse the text file"
                .into(),
        });
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(Error::Unsupported {
            format: "Word 97-2003 .doc (OLE2)".into(),
            hint: "convert it to text first with `antiword file.doc > file.txt` or `catdoc file.doc > file.txt`, \
                   or save it as .docx"
                .into(),
        });
    }
    Ok(())
}

/// Reads `bytes` as `format` (detected when [`Format::Auto`]) into text.
///
/// ```
/// use jianggao::input::{extract, Format};
/// let e = extract(b"%PDF-1.7 ...", Format::Auto).unwrap_err();
/// assert!(e.to_string().contains("pdftotext -layout"));
/// let x = extract("一、总体要求".as_bytes(), Format::Auto).unwrap();
/// assert_eq!((x.text.as_str(), x.format), ("一、总体要求", Format::Text));
/// ```
pub fn extract(bytes: &[u8], format: Format) -> Result<Extracted, Error> {
    refuse_unconvertible(bytes)?;
    let format = match format {
        Format::Auto => detect(bytes),
        f => f,
    };
    match format {
        Format::Auto | Format::Text => decode::decode(bytes).map(Extracted::plain),
        Format::Html => html_bytes(bytes),
        Format::Docx => docx_bytes(bytes),
    }
}

/// Reads decoded `text` as `format`: HTML is extracted (when detected or
/// asked for), anything else is taken as plain text. `.docx` is binary and
/// cannot come as text: it is read as plain text here.
pub(crate) fn extract_text(text: &str, format: Format) -> Option<Extracted> {
    let html = match format {
        Format::Html => true,
        Format::Auto => looks_like_html(text),
        Format::Text | Format::Docx => false,
    };
    if !html {
        return None;
    }
    html_text(text, "UTF-8", Vec::new()).ok()
}

#[cfg(feature = "html")]
fn html_bytes(bytes: &[u8]) -> Result<Extracted, Error> {
    let d = html::decode(bytes)?;
    html_text(&d.text, d.encoding, d.diagnostics)
}

#[cfg(not(feature = "html"))]
fn html_bytes(_: &[u8]) -> Result<Extracted, Error> {
    Err(disabled("HTML", "html"))
}

#[cfg(feature = "html")]
fn html_text(text: &str, encoding: &'static str, diagnostics: Vec<Diagnostic>) -> Result<Extracted, Error> {
    let page = html::extract(text);
    let chrome = page.chrome.into_iter().map(|s| (s, NoiseReason::HtmlChrome)).collect();
    Ok(Extracted { text: page.text, format: Format::Html, encoding, diagnostics, chrome })
}

#[cfg(not(feature = "html"))]
fn html_text(_: &str, _: &'static str, _: Vec<Diagnostic>) -> Result<Extracted, Error> {
    Err(disabled("HTML", "html"))
}

#[cfg(feature = "docx")]
fn docx_bytes(bytes: &[u8]) -> Result<Extracted, Error> {
    let text = docx::extract(bytes)?;
    Ok(Extracted { text, format: Format::Docx, encoding: "UTF-8", diagnostics: Vec::new(), chrome: Vec::new() })
}

#[cfg(not(feature = "docx"))]
fn docx_bytes(_: &[u8]) -> Result<Extracted, Error> {
    Err(disabled(".docx", "docx"))
}

#[cfg(any(not(feature = "html"), not(feature = "docx")))]
fn disabled(format: &str, feature: &str) -> Error {
    Error::Unsupported {
        format: format.into(),
        hint: format!("this build leaves out the `{feature}` feature; build with it, or convert the input to text"),
    }
}

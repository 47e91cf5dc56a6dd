//! # jianggao (讲稿)
//!
//! Parses Chinese speech texts — 党课讲稿, 领导讲话, 研讨发言, 工作报告 — as
//! they circulate (scraped web pages, document-sharing previews, PDF and OCR
//! text) into a typed tree:
//! `Document → Speech → Section → Point → Paragraph`, with title, metadata,
//! greeting and closing, and every dropped piece reported as noise.
//!
//! ```
//! let doc = jianggao::parse("同志们：\n一、强化学习意识\n要加强学习。一是要学理论。二是要学业务。\n谢谢大家！");
//! let speech = &doc.speeches[0];
//! assert_eq!(speech.sections[0].title.as_deref(), Some("强化学习意识"));
//! assert_eq!(speech.sections[0].points.len(), 2);
//! ```
//!
//! ## Pipeline
//!
//! One module per stage: [`decode`] → `normalize` → `segment` (lines,
//! noise, repairs) → `meta` (speech boundaries, title, metadata) →
//! `marker` (the nom grammar) → `outline` (levels) → `build` (the tree)
//! → [`render`] (outline text, Markdown, chunks, the node table; JSON
//! through serde). The stages between decoding and rendering are
//! internals: they are reachable for tests and benchmarks but hidden
//! from the documentation and not covered by semantic versioning.
//!
//! ## Features
//!
//! `cli` (default) builds the `jianggao` command line and brings clap,
//! indicatif, rayon and globset; `default-features = false` gives the
//! library alone.

#![warn(missing_docs)]

#[doc(hidden)]
pub mod build;
pub mod decode;
pub mod error;
mod fold;
mod hash;
pub mod input;
pub mod json;
#[doc(hidden)]
pub mod marker;
#[doc(hidden)]
pub mod meta;
pub mod model;
#[doc(hidden)]
pub mod normalize;
pub mod offsets;
#[doc(hidden)]
pub mod outline;
pub mod render;
#[doc(hidden)]
pub mod segment;
pub mod span;
mod vocab;
pub mod walk;
mod words;

pub use error::Error;
pub use input::Format;
pub use model::{
    Diagnostic, DiagnosticKind, Document, Marker, MarkerKind, Metadata, Noise, NoiseReason, Paragraph, Point, Section,
    Speech, SCHEMA_VERSION,
};
pub use offsets::CharOffsets;
pub use render::chunks::{Chunk, ChunkOptions};
pub use render::nodes::{NodeKind, NodeRow};
pub use span::{OffsetMap, Span};
pub use walk::{Node, Nodes};

/// Parses a speech text.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// assert_eq!(doc.encoding, "UTF-8");
/// ```
pub fn parse(text: &str) -> Document {
    Parser::new().parse(text)
}

/// Decodes `bytes` (UTF-8, GB18030/GBK, Big5, UTF-16, with or without BOM)
/// and parses the text. HTML pages and `.docx` documents are recognised by
/// their content and read as such ([`input`]); PDF and `.doc` files are
/// refused with [`Error::Unsupported`], naming a conversion to text.
///
/// ```
/// let doc = jianggao::parse_bytes("一、总体要求".as_bytes()).unwrap();
/// assert_eq!(doc.speeches.len(), 1);
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
    Parser::new().parse_bytes(bytes)
}

/// A configurable parser. [`parse`] uses the defaults.
///
/// ```
/// let doc = jianggao::Parser::new().parse("一、总体要求");
/// assert_eq!(doc.speeches[0].sections.len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Parser {
    format: Format,
}

impl Parser {
    /// A parser with the default options.
    pub fn new() -> Self {
        Parser::default()
    }

    /// Reads input as `format` instead of detecting it by content
    /// ([`Format::Auto`], the default).
    ///
    /// ```
    /// use jianggao::{Format, Parser};
    /// let page = "<p>一、总体要求</p><p>要抓好落实。</p>";
    /// let doc = Parser::new().format(Format::Html).parse(page);
    /// assert_eq!(doc.extracted_text.as_deref(), Some("一、总体要求\n要抓好落实。\n"));
    /// let doc = Parser::new().format(Format::Text).parse(page);
    /// assert!(doc.extracted_text.is_none());
    /// ```
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// The format this parser reads.
    ///
    /// ```
    /// assert_eq!(jianggao::Parser::new().input_format(), jianggao::Format::Auto);
    /// ```
    pub fn input_format(&self) -> Format {
        self.format
    }

    /// Parses decoded text. An HTML page (by content, or with
    /// [`Format::Html`]) is read as HTML: the spans then point into
    /// [`Document::extracted_text`].
    pub fn parse(&self, text: &str) -> Document {
        match input::extract_text(text, self.format) {
            Some(x) => self.parse_extracted(x),
            None => self.parse_with(text, "UTF-8", Vec::new(), &[]),
        }
    }

    /// Decodes and parses `bytes`, reading HTML and `.docx` by their
    /// content or as [`Parser::format`] says. For HTML and `.docx` the
    /// spans point into [`Document::extracted_text`].
    ///
    /// ```
    /// let doc = jianggao::parse_bytes("<html><body><p>同志们：</p><p>一、总体要求</p></body></html>".as_bytes()).unwrap();
    /// let text = doc.extracted_text.as_deref().unwrap();
    /// assert_eq!(&text[doc.speeches[0].sections[0].span.range()], "一、总体要求");
    /// ```
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Document, Error> {
        input::refuse_unconvertible(bytes)?;
        let format = match self.format {
            Format::Auto => input::detect(bytes),
            f => f,
        };
        if format == Format::Auto || format == Format::Text {
            let d = decode::decode_borrowed(bytes)?;
            return Ok(self.parse_with(&d.text, d.encoding, d.diagnostics, &[]));
        }
        Ok(self.parse_extracted(input::extract(bytes, format)?))
    }

    /// Parses text extracted by [`input::extract`]; the document keeps the
    /// text in [`Document::extracted_text`] unless the input was plain text.
    ///
    /// ```
    /// use jianggao::input::{extract, Format};
    /// let x = extract("<p>同志们：</p>".as_bytes(), Format::Html).unwrap();
    /// let doc = jianggao::Parser::new().parse_extracted(x);
    /// assert_eq!(doc.speeches[0].greeting.as_deref(), Some("同志们"));
    /// ```
    pub fn parse_extracted(&self, x: input::Extracted) -> Document {
        let mut doc = self.parse_with(&x.text, x.encoding, x.diagnostics, &x.chrome);
        if x.format != Format::Text {
            doc.extracted_text = Some(x.text);
        }
        doc
    }

    /// Parses text already decoded by [`decode::decode`]: the same
    /// document as [`Parser::parse_bytes`] of the bytes, for a caller that
    /// also needs the decoded text (the text the spans point into).
    ///
    /// ```
    /// let (gbk, _, _) = encoding_rs::GB18030.encode("一、总体要求\n要抓好落实。");
    /// let decoded = jianggao::decode::decode(&gbk).unwrap();
    /// let parser = jianggao::Parser::new();
    /// let doc = parser.parse_decoded(&decoded);
    /// assert_eq!(doc, parser.parse_bytes(&gbk).unwrap());
    /// assert_eq!(&decoded.text[doc.speeches[0].sections[0].span.range()], "一、总体要求\n要抓好落实。");
    /// ```
    pub fn parse_decoded(&self, decoded: &decode::Decoded) -> Document {
        self.parse_with(&decoded.text, decoded.encoding, decoded.diagnostics.clone(), &[])
    }

    /// Parses `text`; the `chrome` pieces (known page chrome) are noise
    /// with their reason, and the rest of the pipeline sees them as blank.
    fn parse_with(
        &self,
        text: &str,
        encoding: &str,
        diagnostics: Vec<Diagnostic>,
        chrome: &[(Span, NoiseReason)],
    ) -> Document {
        let masked;
        let src = if chrome.is_empty() {
            text
        } else {
            masked = mask(text, chrome);
            masked.as_str()
        };
        let mut doc = match fold::folded(src) {
            Some(folded) => {
                let mut doc = self.parse_source(&folded, encoding, diagnostics);
                fold::restore(&mut doc, &folded, src);
                doc
            }
            None => self.parse_source(src, encoding, diagnostics),
        };
        if !chrome.is_empty() {
            doc.noise.extend(chrome.iter().map(|&(span, reason)| Noise::at(text, span, reason)));
            doc.noise.sort_by_key(|n| n.span);
        }
        doc
    }

    fn parse_source(&self, text: &str, encoding: &str, diagnostics: Vec<Diagnostic>) -> Document {
        let seg = segment::segment(text);
        let mut doc = Document {
            schema_version: SCHEMA_VERSION,
            encoding: encoding.to_string(),
            diagnostics,
            truncated: seg.truncated,
            ..Document::default()
        };
        doc.diagnostics.extend(seg.diagnostics);
        let mut noise = seg.noise;
        for plan in meta::plan(text, seg.blocks, &mut noise) {
            let items = outline::infer(&plan.body, &mut doc.diagnostics);
            doc.speeches.push(build::build_keeping(text, plan, &items, &mut doc.paragraph_maps));
        }
        doc.paragraph_maps.finish();
        noise.sort_by_key(|n| n.span);
        doc.noise = noise;
        doc
    }
}

/// `text` with the `pieces` blanked: every byte of them becomes a space
/// (line breaks stay), so offsets are unchanged.
fn mask(text: &str, pieces: &[(Span, NoiseReason)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for (span, _) in pieces {
        if text.is_char_boundary(span.start) && text.is_char_boundary(span.end.min(text.len())) {
            for b in bytes.iter_mut().take(span.end).skip(span.start) {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
    }
    // Whole characters were replaced by ASCII spaces: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

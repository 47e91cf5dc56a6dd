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
mod hash;
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
pub mod walk;
mod words;

pub use error::Error;
pub use model::{
    Diagnostic, Document, Marker, MarkerKind, Metadata, Noise, Paragraph, Point, Section, Speech, SCHEMA_VERSION,
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
/// and parses the text.
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
pub struct Parser {}

impl Parser {
    /// A parser with the default options.
    pub fn new() -> Self {
        Parser::default()
    }

    /// Parses decoded text.
    pub fn parse(&self, text: &str) -> Document {
        self.parse_with(text, "UTF-8", Vec::new())
    }

    /// Decodes and parses `bytes`.
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Document, Error> {
        let d = decode::decode_borrowed(bytes)?;
        Ok(self.parse_with(&d.text, d.encoding, d.diagnostics))
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
        self.parse_with(&decoded.text, decoded.encoding, decoded.diagnostics.clone())
    }

    fn parse_with(&self, text: &str, encoding: &str, diagnostics: Vec<Diagnostic>) -> Document {
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
            doc.speeches.push(build::build(text, plan, &items));
        }
        noise.sort_by_key(|n| n.span);
        doc.noise = noise;
        doc
    }
}

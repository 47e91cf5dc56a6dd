//! Character offsets for languages that slice strings by character.
//!
//! Spans are byte offsets into the decoded UTF-8 text. Python's `str` and
//! JavaScript's code-point iteration index by Unicode scalar value
//! (character) instead: [`CharOffsets`] converts one to the other in
//! constant time per offset after one linear pass over the text, and
//! [`Document::with_char_offsets`] rewrites every span of a document.
//!
//! ```
//! let src = "一、总体要求\n要抓好落实。";
//! let doc = jianggao::parse(src).with_char_offsets(src);
//! let title = doc.speeches[0].sections[0].title_span.unwrap();
//! let chars: Vec<char> = src.chars().collect();
//! let text: String = chars[title.start..title.end].iter().collect();
//! assert_eq!(text, "总体要求");
//! ```

use crate::model::{Document, Section};
use crate::span::Span;

/// Bytes between two checkpoints of the precomputed index.
const STRIDE: usize = 64;

/// A precomputed byte → character offset index of one text.
///
/// The index stores the number of characters before every 64th byte, so it
/// takes one eighth of the text's size in memory (on 64-bit targets) and
/// answers each look-up by counting at most 63 bytes.
///
/// ```
/// use jianggao::offsets::CharOffsets;
/// let idx = CharOffsets::new("a讲稿b");
/// assert_eq!(idx.char_offset(0), 0);
/// assert_eq!(idx.char_offset(1), 1); // after "a"
/// assert_eq!(idx.char_offset(4), 2); // after "讲"
/// assert_eq!(idx.char_offset(8), 4); // the end
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    bytes: &'a [u8],
    /// `checkpoints[i]`: characters in `bytes[..i * STRIDE]`.
    checkpoints: Vec<usize>,
}

/// True for the first byte of a UTF-8 encoded character.
fn starts_char(b: u8) -> bool {
    // Continuation bytes are 0b10xx_xxxx.
    (b as i8) >= -0x40
}

impl<'a> CharOffsets<'a> {
    /// Builds the index of `src` in one pass.
    ///
    /// ```
    /// let idx = jianggao::offsets::CharOffsets::new("讲稿");
    /// assert_eq!(idx.char_len(), 2);
    /// ```
    pub fn new(src: &'a str) -> Self {
        let bytes = src.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0;
        checkpoints.push(0);
        for block in bytes.chunks(STRIDE) {
            count += block.iter().filter(|&&b| starts_char(b)).count();
            checkpoints.push(count);
        }
        CharOffsets { bytes, checkpoints }
    }

    /// The number of characters in the text.
    ///
    /// ```
    /// assert_eq!(jianggao::offsets::CharOffsets::new("a讲").char_len(), 2);
    /// ```
    pub fn char_len(&self) -> usize {
        self.char_offset(self.bytes.len())
    }

    /// The character offset of the byte offset `byte`: the number of
    /// characters that start before it. An offset past the end counts as
    /// the end.
    ///
    /// ```
    /// let idx = jianggao::offsets::CharOffsets::new("讲稿");
    /// assert_eq!(idx.char_offset(3), 1);
    /// assert_eq!(idx.char_offset(100), 2);
    /// ```
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / STRIDE;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let from = block * STRIDE;
        let rest = self.bytes.get(from..byte).map_or(0, |b| b.iter().filter(|&&b| starts_char(b)).count());
        base + rest
    }

    /// The character span of the byte span `span`.
    ///
    /// ```
    /// use jianggao::{offsets::CharOffsets, Span};
    /// let idx = CharOffsets::new("一、总体要求");
    /// assert_eq!(idx.span(Span::new(6, 18)), Span::new(2, 6));
    /// ```
    pub fn span(&self, span: Span) -> Span {
        Span::new(self.char_offset(span.start), self.char_offset(span.end))
    }
}

impl Document {
    /// A copy of the document whose spans are character (Unicode scalar)
    /// offsets into `src` instead of byte offsets. `src` must be the text
    /// the document was parsed from (the decoded text for
    /// [`crate::parse_bytes`]).
    ///
    /// The copy is made with `Clone`; [`Document::convert_to_char_offsets`]
    /// converts in place.
    ///
    /// ```
    /// let src = "同志们：\n今天开会。";
    /// let doc = jianggao::parse(src).with_char_offsets(src);
    /// let p = &doc.speeches[0].preamble[0];
    /// assert_eq!((p.span.start, p.span.end), (5, 10));
    /// ```
    pub fn with_char_offsets(&self, src: &str) -> Document {
        let mut doc = self.clone();
        doc.convert_to_char_offsets(src);
        doc
    }

    /// Rewrites every span of the document, in place, from byte offsets
    /// into `src` to character offsets. Linear in the size of `src` and of
    /// the document; walks the tree with an explicit stack.
    ///
    /// ```
    /// let src = "一、总体要求";
    /// let mut doc = jianggao::parse(src);
    /// doc.convert_to_char_offsets(src);
    /// let m = doc.speeches[0].sections[0].marker.as_ref().unwrap();
    /// assert_eq!((m.span.start, m.span.end), (0, 2));
    /// ```
    pub fn convert_to_char_offsets(&mut self, src: &str) {
        // The paragraph maps hold byte offsets: they no longer apply.
        self.paragraph_maps = Default::default();
        let idx = CharOffsets::new(src);
        let conv = |s: &mut Span| *s = idx.span(*s);
        let conv_opt = |s: &mut Option<Span>| {
            if let Some(s) = s {
                *s = idx.span(*s);
            }
        };
        for sp in &mut self.speeches {
            conv(&mut sp.span);
            conv_opt(&mut sp.title_span);
            conv_opt(&mut sp.greeting_span);
            conv_opt(&mut sp.closing_span);
            let m = &mut sp.metadata;
            for s in [&mut m.speaker_span, &mut m.date_span, &mut m.occasion_span, &mut m.source_span] {
                conv_opt(s);
            }
            for p in sp.preamble.iter_mut().chain(sp.conclusion.iter_mut()) {
                conv(&mut p.span);
            }
            let mut stack: Vec<&mut Section> = sp.sections.iter_mut().collect();
            while let Some(node) = stack.pop() {
                conv(&mut node.span);
                conv_opt(&mut node.title_span);
                if let Some(m) = &mut node.marker {
                    conv(&mut m.span);
                }
                for p in &mut node.paragraphs {
                    conv(&mut p.span);
                }
                stack.extend(node.points.iter_mut());
            }
        }
        for n in &mut self.noise {
            conv(&mut n.span);
        }
        for d in &mut self.diagnostics {
            conv_opt(&mut d.span);
        }
    }
}

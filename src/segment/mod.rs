//! Segmentation: the decoded text into logical blocks (paragraphs and heading
//! lines), with noise cut out and reported.
//!
//! Stages: [`lines`] splits physical lines, [`noise`] classifies lines and
//! pieces of lines that are not speech, [`repair`] rejoins what page breaks
//! and hard wraps cut, and drops duplicated paragraphs. The output keeps the
//! lossless promise: every non-whitespace character of the input lies in a
//! block or in a noise entry.

pub mod debris;
pub mod lines;
pub mod noise;
pub mod pagebreak;
pub mod repair;
pub mod shape;
pub mod torn;
pub mod wrap;

use crate::model::{Diagnostic, Noise};
use crate::span::{OffsetMap, Span};

/// A logical block of text: one paragraph or heading line, possibly rejoined
/// from several source pieces.
///
/// `text` is the cleaned text (wrap spaces and cut-out noise removed); `map`
/// maps offsets in `text` back to the source.
///
/// ```
/// use jianggao::segment::Block;
/// use jianggao::Span;
/// let src = "一、总体要求";
/// let b = Block::from_source(src, Span::new(0, src.len()));
/// assert_eq!(b.text, "一、总体要求");
/// assert_eq!(b.source_span(0, 6), Span::new(0, 6));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// The cleaned text.
    pub text: String,
    /// Offsets of `text` back into the source.
    pub map: OffsetMap,
    /// The extent of the block in the source.
    pub span: Span,
}

impl Block {
    /// A block holding `src[span]` verbatim.
    pub fn from_source(src: &str, span: Span) -> Block {
        let mut b = BlockBuilder::default();
        b.push(src, span);
        b.finish().unwrap_or_default()
    }

    /// The source span of the cleaned range `start..end`.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        self.map.to_source_span(start, end)
    }

    /// Splits the block at the cleaned offset `at` (a char boundary): `self`
    /// keeps `..at`, the returned block holds `at..`.
    ///
    /// ```
    /// use jianggao::segment::Block;
    /// use jianggao::Span;
    /// let src = "同志们：今天开会。";
    /// let mut b = Block::from_source(src, Span::new(0, src.len()));
    /// let tail = b.split_off(12);
    /// assert_eq!(b.text, "同志们：");
    /// assert_eq!(tail.text, "今天开会。");
    /// assert_eq!(tail.span.start, 12);
    /// ```
    pub fn split_off(&mut self, at: usize) -> Block {
        let at = floor_char_boundary(&self.text, at);
        let tail_text = self.text.split_off(at);
        let tail_start = self.map.to_source(at);
        let map = self.map.split_off(at);
        let tail = Block { span: Span::new(tail_start, self.span.end), text: tail_text, map };
        self.span.end = self.map.to_source_end(at).max(self.span.start);
        tail
    }

    /// The source span of the whole cleaned text.
    pub fn text_span(&self) -> Span {
        self.source_span(0, self.text.len())
    }
}

/// The largest char boundary of `s` at or below `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Builds a [`Block`] from source pieces, in order.
///
/// ```
/// use jianggao::segment::BlockBuilder;
/// use jianggao::Span;
/// let src = "给\n2、了好处";
/// let mut b = BlockBuilder::default();
/// b.push(src, Span::new(0, 3));
/// b.push(src, Span::new(8, src.len()));
/// let block = b.finish().unwrap();
/// assert_eq!(block.text, "给了好处");
/// assert_eq!(block.span, Span::new(0, src.len()));
/// ```
#[derive(Debug, Default)]
pub struct BlockBuilder {
    text: String,
    map: OffsetMap,
    span: Option<Span>,
}

impl BlockBuilder {
    /// Appends `src[span]` to the block.
    pub fn push(&mut self, src: &str, span: Span) {
        let Some(piece) = src.get(span.range()) else {
            return;
        };
        if piece.is_empty() {
            return;
        }
        self.map.push_run(self.text.len(), span.start);
        self.text.push_str(piece);
        self.span = Some(self.span.map_or(span, |s| s.cover(span)));
    }

    /// Appends `text`, which is the source `spans` (in order) put end to
    /// end: the map gets the run of every span, while the text is copied
    /// once, or moved in when nothing was pushed yet. Returns `false`, and
    /// leaves the builder as it was, when the lengths of `spans` do not add
    /// up to the length of `text`.
    pub(crate) fn push_text(&mut self, text: std::borrow::Cow<'_, str>, spans: &[Span]) -> bool {
        if spans.iter().map(|s| s.len()).sum::<usize>() != text.len() {
            return false;
        }
        // Most blocks get one push: a first one reserves exactly.
        if self.text.is_empty() {
            self.map.reserve_exact(spans.len());
        } else {
            self.map.reserve(spans.len());
        }
        let mut at = self.text.len();
        for &s in spans.iter().filter(|s| !s.is_empty()) {
            self.map.push_run(at, s.start);
            at += s.len();
            self.span = Some(self.span.map_or(s, |c| c.cover(s)));
        }
        match text {
            std::borrow::Cow::Owned(t) if self.text.is_empty() => self.text = t,
            t => self.text.push_str(&t),
        }
        true
    }

    /// Makes room for `bytes` more bytes of text in `runs` more source runs.
    pub(crate) fn reserve(&mut self, bytes: usize, runs: usize) {
        self.text.reserve(bytes);
        self.map.reserve(runs);
    }

    /// True when nothing was pushed yet.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text pushed so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The finished block, or `None` when nothing was pushed.
    pub fn finish(self) -> Option<Block> {
        let span = self.span?;
        Some(Block { text: self.text, map: self.map, span })
    }
}

/// The output of segmentation.
#[derive(Clone, Debug, Default)]
pub struct Segmented {
    /// The blocks, in source order.
    pub blocks: Vec<Block>,
    /// What was cut out, in source order.
    pub noise: Vec<Noise>,
    /// What a reader should know (truncation, repairs).
    pub diagnostics: Vec<Diagnostic>,
    /// The text ends before its natural end.
    pub truncated: bool,
}

/// Segments `src` into blocks, cutting out noise and repairing breaks.
///
/// Stages: the lines are split (hard-wrapped lines joined with spaces are
/// cut at their wrap spaces, [`wrap::split`]), cleared of in-line debris
/// ([`debris::cut`]), classified ([`noise::classify`], then by shape,
/// [`shape`]), rejoined across newline wraps ([`wrap::join_lines`]), torn
/// lines ([`torn::join`]) and page breaks
/// ([`pagebreak::repair`]), assembled into blocks with duplicates dropped
/// ([`repair::assemble`]), and checked for truncation ([`repair::truncation`]).
///
/// ```
/// let seg = jianggao::segment::segment("首页\n一、总体要求\n要抓好落实。\n");
/// assert_eq!(seg.blocks.len(), 2);
/// assert_eq!(seg.noise.len(), 1);
/// assert!(!seg.truncated);
/// ```
pub fn segment(src: &str) -> Segmented {
    let mut out = Segmented::default();
    let mut units = wrap::split(src, &mut out.diagnostics);
    debris::cut(src, &mut units, &mut out.noise);
    // Classification, newline wraps and page breaks all read the texts of
    // the units as split (page-break cuts come after their reading).
    let texts = units.texts(src);
    noise::classify_texts(&mut units, &texts);
    wrap::join_texts(&mut units, &texts, &mut out.diagnostics);
    torn::join_texts(&mut units, &texts, &mut out.diagnostics);
    pagebreak::repair_texts(src, &mut units, &texts, &mut out.diagnostics);
    // Assembly takes over the texts already joined.
    repair::assemble_texts(src, &units, texts, &mut out);
    out.noise.sort_by_key(|n| n.span);
    repair::truncation(&mut out);
    out
}

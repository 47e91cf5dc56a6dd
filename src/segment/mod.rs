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
/// A text longer than [`lines::MAX_TEXT`] (4 GiB) is segmented in parts of
/// at most that size, cut at line ends; the spans are those of the whole
/// text.
///
/// ```
/// let seg = jianggao::segment::segment("首页\n一、总体要求\n要抓好落实。\n");
/// assert_eq!(seg.blocks.len(), 2);
/// assert_eq!(seg.noise.len(), 1);
/// assert!(!seg.truncated);
/// ```
pub fn segment(src: &str) -> Segmented {
    segment_parts(src, lines::MAX_TEXT)
}

/// [`segment`], for a text longer than `max` bytes one part of at most
/// `max` bytes at a time, each cut at a line end when it has one: the
/// stages hold 32-bit offsets ([`lines::MAX_TEXT`]). The parts' spans are
/// moved to where the parts stand in `src`; text is not rejoined across
/// the cut between two parts.
fn segment_parts(src: &str, max: usize) -> Segmented {
    if src.len() <= max {
        let mut out = segment_part(src);
        repair::truncation(&mut out);
        return out;
    }
    let mut out = Segmented::default();
    let mut base = 0;
    while base < src.len() {
        let end = part_end(src, base, max);
        let Some(part) = src.get(base..end).filter(|p| !p.is_empty()) else {
            break;
        };
        let mut seg = segment_part(part);
        for b in &mut seg.blocks {
            b.span = shift(b.span, base);
            b.map.shift(base);
        }
        for n in &mut seg.noise {
            n.span = shift(n.span, base);
        }
        for d in &mut seg.diagnostics {
            d.span = d.span.map(|s| shift(s, base));
        }
        out.blocks.append(&mut seg.blocks);
        out.noise.append(&mut seg.noise);
        out.diagnostics.append(&mut seg.diagnostics);
        base = end;
    }
    repair::truncation(&mut out);
    out
}

fn shift(s: Span, by: usize) -> Span {
    Span::new(s.start + by, s.end + by)
}

/// The end of the part of `src` that starts at `base`: just past the last
/// line end within `max` bytes, or at the last char boundary there when
/// the line is longer; the end of `src` when it is that near.
fn part_end(src: &str, base: usize, max: usize) -> usize {
    let limit = base.saturating_add(max.max(4));
    if limit >= src.len() {
        return src.len();
    }
    let window = src.as_bytes().get(base..limit).unwrap_or_default();
    match memchr::memrchr(b'\n', window) {
        Some(i) => base + i + 1,
        None => floor_char_boundary(src, limit).max(base + 1),
    }
}

/// Segmentation of one part, short of the truncation check.
fn segment_part(src: &str) -> Segmented {
    let mut out = Segmented::default();
    let mut units = wrap::split(src, &mut out.diagnostics);
    debris::cut(src, &mut units, &mut out.noise);
    // Classification, newline wraps and page breaks all read the texts of
    // the units as split (page-break cuts come after their reading).
    let texts = units.texts(src);
    noise::classify_texts(&mut units, &texts);
    wrap::join_texts(src, &mut units, &texts, &mut out.diagnostics);
    torn::join_texts(&mut units, &texts, &mut out.diagnostics);
    pagebreak::repair_texts(src, &mut units, &texts, &mut out.diagnostics);
    // Assembly takes over the texts already joined.
    repair::assemble_texts(src, &units, texts, &mut out);
    out.noise.sort_by_key(|n| n.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_cut_into_parts_should_keep_its_spans_in_the_whole_text() {
        let src = "一、总体要求\n要抓好落实，加强领导。\n首页\n二、工作任务\n要学习理论，改进作风。\n";
        let whole = segment(src);
        // Parts of at most 40 bytes, cut at line ends.
        let parts = segment_parts(src, 40);
        assert_eq!(parts.blocks.len(), whole.blocks.len());
        for b in parts.blocks.iter().chain(&whole.blocks) {
            assert_eq!(&src[b.span.range()], b.text);
            assert_eq!(b.text_span(), b.span);
        }
        for n in &parts.noise {
            assert_eq!(&src[n.span.range()], n.text);
        }
        assert_eq!(parts.noise.len(), whole.noise.len());
        // A line longer than a part is cut at a char boundary.
        let parts = segment_parts(src, 7);
        for b in &parts.blocks {
            assert_eq!(&src[b.span.range()], b.text);
        }
    }
}

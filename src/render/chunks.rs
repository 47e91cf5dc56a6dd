//! Chunks for retrieval (RAG): pieces of body text, each with the full path
//! of headings above it.
//!
//! One chunk per paragraph, in document order: the preamble, then each
//! section's and point's paragraphs, then the conclusion. A chunk's
//! `heading_path` is `[speech title, section title, point title, ...]` (see
//! [`crate::walk::heading_label`]), never shortened: a point whose title
//! has no paragraphs of its own is carried in the path of the chunks below
//! it. A run of points that are nothing but a title (`一是要学理论。二是要学业务。`)
//! has its text in a chunk under its parent, one point per line, so no
//! body text is lost. Greeting and closing are not chunked.
//!
//! A paragraph longer than [`ChunkOptions::max_chars`] is split after
//! sentence ends (`。！？；`, with any closing quotes after them); a single
//! sentence longer than the limit is split between characters. No chunk is
//! empty, and no chunk is longer than the limit.
//!
//! ```
//! use jianggao::render::chunks::{chunks, ChunkOptions};
//! let mut doc = jianggao::parse("一、总体要求\n要抓好落实。要加强领导。");
//! doc.speeches[0].title = Some("关于学习的讲话".into());
//! let cs = chunks(&doc, &ChunkOptions::new(6));
//! assert_eq!(cs.len(), 2);
//! assert_eq!(cs[0].heading_path, ["关于学习的讲话", "总体要求"]);
//! assert_eq!(cs[0].text, "要抓好落实。");
//! assert_eq!(cs[1].text, "要加强领导。");
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Document, Paragraph, Section};
use crate::normalize::{is_closing_quote, is_sentence_end};
use crate::span::Span;
use crate::walk::{heading_label, speech_title};

/// How to cut chunks.
///
/// ```
/// let opts = jianggao::render::chunks::ChunkOptions::default();
/// assert_eq!(opts.max_chars, 500);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChunkOptions {
    /// The longest chunk text, in characters (Unicode scalar values). A
    /// limit of 0 counts as 1.
    pub max_chars: usize,
}

impl Default for ChunkOptions {
    fn default() -> Self {
        ChunkOptions { max_chars: 500 }
    }
}

impl ChunkOptions {
    /// Options with the given character limit.
    ///
    /// ```
    /// let opts = jianggao::render::chunks::ChunkOptions::new(200);
    /// assert_eq!(opts.max_chars, 200);
    /// ```
    pub fn new(max_chars: usize) -> Self {
        ChunkOptions { max_chars }
    }
}

/// A piece of body text with the headings above it.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// let c = &doc.chunks(&Default::default())[0];
/// assert_eq!(c.speech, 0);
/// assert_eq!(c.heading_path, ["总体要求"]);
/// assert_eq!(c.text, "要抓好落实。");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Chunk {
    /// Index of the speech in [`Document::speeches`].
    pub speech: usize,
    /// `[speech title, section title, point title, ...]` down to the node
    /// the text belongs to.
    pub heading_path: Vec<String>,
    /// The clean text.
    pub text: String,
    /// Where the text stands in the source: exact for a whole paragraph;
    /// for a piece of a split paragraph, exact when the source is known
    /// ([`chunks_with_source`]) or the paragraph's text is its source
    /// unchanged, and the whole paragraph's span otherwise.
    pub span: Span,
}

/// Cuts `doc` into chunks. See the [module](self) documentation.
///
/// ```
/// use jianggao::render::chunks::{chunks, ChunkOptions};
/// let doc = jianggao::parse("同志们：\n今天开会。");
/// assert_eq!(chunks(&doc, &ChunkOptions::default())[0].text, "今天开会。");
/// ```
pub fn chunks(doc: &Document, opts: &ChunkOptions) -> Vec<Chunk> {
    Chunker::new(None, opts).run(doc)
}

/// Cuts `doc` into chunks like [`chunks`], using `src` (the text `doc` was
/// parsed from) to give every piece of a split paragraph its exact span.
///
/// ```
/// use jianggao::render::chunks::{chunks_with_source, ChunkOptions};
/// let src = "一、总体要求\n要抓好落实。要加强领导。";
/// let doc = jianggao::parse(src);
/// let cs = chunks_with_source(&doc, src, &ChunkOptions::new(6));
/// assert_eq!(cs[1].text, "要加强领导。");
/// assert_eq!(&src[cs[1].span.range()], "要加强领导。");
/// ```
pub fn chunks_with_source(doc: &Document, src: &str, opts: &ChunkOptions) -> Vec<Chunk> {
    Chunker::new(Some(src), opts).run(doc)
}

impl Document {
    /// Cuts the document into chunks for retrieval; see
    /// [`crate::render::chunks`].
    ///
    /// ```
    /// use jianggao::render::chunks::ChunkOptions;
    /// let doc = jianggao::parse("一、总体要求\n要抓好落实。一是要学理论。二是要学业务。");
    /// let cs = doc.chunks(&ChunkOptions::default());
    /// assert_eq!(cs.len(), 2);
    /// assert_eq!(cs[1].heading_path, ["总体要求"]);
    /// // Points that are only a title, one per line:
    /// assert_eq!(cs[1].text, "一是要学理论\n二是要学业务");
    /// ```
    pub fn chunks(&self, opts: &ChunkOptions) -> Vec<Chunk> {
        chunks(self, opts)
    }
}

/// Work left on the explicit stack.
enum Item<'a> {
    /// A section or point at a depth (1 = section).
    Node(&'a Section, usize),
    /// A run of title-only leaf points whose parent is at `depth - 1`.
    Leaves(&'a [Section], usize),
}

struct Chunker<'a, 'o> {
    src: Option<&'a str>,
    opts: &'o ChunkOptions,
    out: Vec<Chunk>,
}

/// True for a point that is nothing but a marker and a title.
fn title_only_leaf(s: &Section) -> bool {
    s.points.is_empty()
        && s.paragraphs.iter().all(|p| p.text.trim().is_empty())
        && s.title.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// Pushes the items for `children` (at `depth`) onto `stack` so that they
/// pop in order: runs of title-only leaves as one item, others one by one.
fn push_children<'a>(stack: &mut Vec<Item<'a>>, children: &'a [Section], depth: usize) {
    let mut items = Vec::new();
    let mut i = 0;
    while let Some(c) = children.get(i) {
        if title_only_leaf(c) {
            let start = i;
            while children.get(i).is_some_and(title_only_leaf) {
                i += 1;
            }
            if let Some(run) = children.get(start..i) {
                items.push(Item::Leaves(run, depth));
            }
        } else {
            items.push(Item::Node(c, depth));
            i += 1;
        }
    }
    stack.extend(items.into_iter().rev());
}

impl<'a, 'o> Chunker<'a, 'o> {
    fn new(src: Option<&'a str>, opts: &'o ChunkOptions) -> Self {
        Chunker { src, opts, out: Vec::new() }
    }

    fn max(&self) -> usize {
        self.opts.max_chars.max(1)
    }

    fn run(mut self, doc: &Document) -> Vec<Chunk> {
        for (si, sp) in doc.speeches.iter().enumerate() {
            let title = speech_title(sp);
            // `path[d]`: the label of the open node at depth d (0: speech).
            let mut path: Vec<Option<&str>> = vec![title];
            for p in &sp.preamble {
                self.paragraph(si, &path, p);
            }
            let mut stack = Vec::new();
            push_children(&mut stack, &sp.sections, 1);
            while let Some(item) = stack.pop() {
                match item {
                    Item::Node(node, depth) => {
                        path.truncate(depth);
                        path.push(heading_label(node));
                        for p in &node.paragraphs {
                            self.paragraph(si, &path, p);
                        }
                        push_children(&mut stack, &node.points, depth + 1);
                    }
                    Item::Leaves(run, depth) => {
                        path.truncate(depth);
                        self.leaves(si, &path, run);
                    }
                }
            }
            path.truncate(1);
            for p in &sp.conclusion {
                self.paragraph(si, &path, p);
            }
        }
        self.out
    }

    fn emit(&mut self, speech: usize, path: &[Option<&str>], text: &str, span: Span) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.out.push(Chunk {
            speech,
            heading_path: path.iter().flatten().map(|s| s.to_string()).collect(),
            text: text.to_string(),
            span,
        });
    }

    fn paragraph(&mut self, speech: usize, path: &[Option<&str>], p: &Paragraph) {
        let text = p.text.as_str();
        let pieces = split(text, self.max());
        if let [(a, b)] = pieces.as_slice() {
            if *a == 0 && *b == text.len() {
                self.emit(speech, path, text, p.span);
                return;
            }
        }
        let map = self.source_map(text, p.span);
        for (a, b) in pieces {
            let piece = text.get(a..b).unwrap_or_default();
            let span = match &map {
                Some(m) => m.span(a, b).unwrap_or(p.span),
                None => p.span,
            };
            self.emit(speech, path, piece, span);
        }
    }

    /// The map from `text` offsets to source offsets, when it can be known.
    fn source_map(&self, text: &str, span: Span) -> Option<SourceMap> {
        match self.src {
            Some(src) => SourceMap::align(text, src.get(span.range())?, span.start),
            None if text.len() == span.len() => Some(SourceMap::Identity(span.start)),
            None => None,
        }
    }

    /// One chunk (or more, at the limit) for a run of title-only points,
    /// one point per line.
    fn leaves(&mut self, speech: usize, path: &[Option<&str>], run: &[Section]) {
        let max = self.max();
        let mut text = String::new();
        let mut chars = 0;
        let mut span: Option<Span> = None;
        for leaf in run {
            let marker = leaf.marker.as_ref();
            let leaf_span = [marker.map(|m| m.span), leaf.title_span]
                .into_iter()
                .flatten()
                .reduce(Span::cover)
                .unwrap_or(leaf.span);
            // The point as written (with the end mark the title leaves
            // out) when the source is known and it stands on one line.
            let written = self
                .src
                .and_then(|src| src.get(leaf_span.range()))
                .map(str::trim)
                .filter(|w| !w.is_empty() && !w.contains(['\n', '\r']));
            let line = match written {
                Some(w) => w.to_string(),
                None => format!(
                    "{}{}",
                    marker.map_or("", |m| m.text.trim()),
                    leaf.title.as_deref().unwrap_or_default().trim()
                ),
            };
            let n = line.chars().count();
            let sep = usize::from(!text.is_empty());
            if chars + sep + n > max && !text.is_empty() {
                self.emit(speech, path, &text, span.unwrap_or(leaf_span));
                text.clear();
                chars = 0;
                span = None;
            }
            if n > max {
                for (a, b) in split(&line, max) {
                    self.emit(speech, path, line.get(a..b).unwrap_or_default(), leaf_span);
                }
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
                chars += 1;
            }
            text.push_str(&line);
            chars += n;
            span = Some(span.map_or(leaf_span, |s| s.cover(leaf_span)));
        }
        if let Some(span) = span {
            self.emit(speech, path, &text, span);
        }
    }
}

/// Byte ranges of `text` that cut it into pieces of at most `max` chars:
/// after sentence ends where possible, between characters otherwise.
/// Pieces are trimmed of white space; blank pieces are left out.
///
/// ```text
/// assert_eq!(split("甲。乙。", 2), [(0, 6), (6, 12)]);
/// ```
fn split(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut piece_start = 0;
    let mut piece_chars = 0;
    let mut sent_start = 0;
    let mut sent_chars = 0;
    // White space before a sentence: counted only if the sentence joins
    // the current piece.
    let mut gap = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if sent_chars == 0 && c.is_whitespace() {
            gap += 1;
            sent_start = i + c.len_utf8();
            continue;
        }
        sent_chars += 1;
        let mut end = i + c.len_utf8();
        if is_sentence_end(c) {
            // Take the closing quotes and further end marks with it: `。”` `？！`
            while let Some(&(j, d)) = it.peek() {
                if is_closing_quote(d) || is_sentence_end(d) {
                    sent_chars += 1;
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        } else if it.peek().is_some() {
            continue;
        }
        // A sentence `sent_start..end` of `sent_chars` chars is complete.
        // Leading white space of a piece is trimmed off: it costs nothing.
        let cost = if piece_chars == 0 { 0 } else { gap };
        if piece_chars + cost + sent_chars <= max {
            piece_chars += cost + sent_chars;
        } else {
            push_trimmed(text, piece_start, sent_start, &mut out);
            if sent_chars <= max {
                piece_start = sent_start;
                piece_chars = sent_chars;
            } else {
                // Cut the long sentence between characters.
                let mut start = sent_start;
                let mut n = 0;
                for (k, _) in text.get(sent_start..end).unwrap_or_default().char_indices() {
                    if n == max {
                        push_trimmed(text, start, sent_start + k, &mut out);
                        start = sent_start + k;
                        n = 0;
                    }
                    n += 1;
                }
                piece_start = start;
                piece_chars = n;
            }
        }
        sent_start = end;
        sent_chars = 0;
        gap = 0;
    }
    push_trimmed(text, piece_start, text.len(), &mut out);
    out
}

/// Pushes `a..b` of `text` with white space trimmed off both ends, unless
/// nothing is left.
fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let Some(piece) = text.get(a..b) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((a + lead, a + lead + trimmed.len()));
    }
}

/// Offsets of a paragraph's clean text in the source.
enum SourceMap {
    /// The text is its source unchanged, from this offset on.
    Identity(usize),
    /// `(source start, source end)` of the char at each byte offset of the
    /// text (meaningful at char boundaries).
    Aligned(Vec<(usize, usize)>),
}

impl SourceMap {
    /// Aligns `text` with its source `src` (which starts at `base`): the
    /// clean text is the source with pieces cut out, so each of its
    /// characters is found in order. `None` if it is not.
    fn align(text: &str, src: &str, base: usize) -> Option<SourceMap> {
        if text == src {
            return Some(SourceMap::Identity(base));
        }
        let mut map = vec![(0, 0); text.len()];
        let mut source = src.char_indices();
        for (i, c) in text.char_indices() {
            let (j, _) = source.by_ref().find(|&(_, d)| d == c)?;
            let slot = map.get_mut(i)?;
            *slot = (base + j, base + j + c.len_utf8());
        }
        Some(SourceMap::Aligned(map))
    }

    /// The source span of the text range `a..b`.
    fn span(&self, a: usize, b: usize) -> Option<Span> {
        match self {
            SourceMap::Identity(base) => Some(Span::new(base + a, base + b)),
            SourceMap::Aligned(map) => {
                let start = map.get(a)?.0;
                // The last char of the range starts at the last boundary
                // before `b`.
                let last = (a..b).rev().find(|&k| map.get(k).is_some_and(|m| m.1 > 0))?;
                Some(Span::new(start, map.get(last)?.1))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_should_cut_after_sentence_ends() {
        assert_eq!(split("甲乙。丙丁。", 3), [(0, 9), (9, 18)]);
        assert_eq!(split("甲乙。丙丁。", 6), [(0, 18)]);
    }

    #[test]
    fn split_should_keep_closing_quotes_with_their_sentence() {
        assert_eq!(split("说“好。”再说。", 5), [(0, 15), (15, 24)]);
    }

    #[test]
    fn split_should_cut_a_long_sentence_between_characters() {
        let pieces = split("一二三四五", 2);
        assert_eq!(pieces, [(0, 6), (6, 12), (12, 15)]);
    }

    #[test]
    fn split_should_not_leave_blank_pieces() {
        assert!(split("   ", 2).is_empty());
        assert_eq!(split("甲。 乙。", 2), [(0, 6), (7, 13)]);
        assert_eq!(split(" 甲。 乙。 ", 5), [(1, 14)]);
        assert_eq!(split(" 甲。 乙。 ", 4), [(1, 7), (8, 14)]);
    }

    #[test]
    fn align_should_skip_cut_pieces() {
        let Some(map) = SourceMap::align("甲乙", "甲\n2\n乙", 10) else { panic!("aligns") };
        assert_eq!(map.span(3, 6), Some(Span::new(16, 19)));
        assert_eq!(map.span(0, 6), Some(Span::new(10, 19)));
    }

    #[test]
    fn align_should_fail_when_the_text_is_not_from_the_source() {
        assert!(SourceMap::align("甲丙", "甲乙", 0).is_none());
    }
}

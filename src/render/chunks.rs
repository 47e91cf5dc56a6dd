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

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Document, Paragraph, Section};
use crate::normalize::{is_closing_quote, is_sentence_end};
use crate::offsets::CharOffsets;
use crate::render::nodes::stable_id;
use crate::span::Span;
use crate::walk::heading_label;

/// How to cut chunks.
///
/// ```
/// use jianggao::render::chunks::ChunkOptions;
/// let opts = ChunkOptions::default();
/// assert_eq!(opts.max_chars, 500);
/// assert_eq!(opts.min_chars, 0);
/// let opts = ChunkOptions::new(300).min_chars(100).heading_prefix(true).file("a.txt");
/// assert_eq!(opts.file.as_deref(), Some("a.txt"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChunkOptions {
    /// The longest chunk text, in characters (Unicode scalar values). A
    /// limit of 0 counts as 1. The heading prefix is not counted.
    pub max_chars: usize,
    /// A chunk shorter than this is merged with its neighbour in the same
    /// top-level section (or in the preamble or conclusion) while the two
    /// together stay within [`ChunkOptions::max_chars`]. 0 merges nothing.
    pub min_chars: usize,
    /// Start each chunk's text with its heading path
    /// (`speech title > section > point`) on a line of its own.
    pub heading_prefix: bool,
    /// The name of the source file: set on every chunk and part of the
    /// ids.
    pub file: Option<String>,
}

impl Default for ChunkOptions {
    fn default() -> Self {
        ChunkOptions { max_chars: 500, min_chars: 0, heading_prefix: false, file: None }
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
        ChunkOptions { max_chars, ..ChunkOptions::default() }
    }

    /// Sets [`ChunkOptions::min_chars`].
    ///
    /// ```
    /// assert_eq!(jianggao::ChunkOptions::new(200).min_chars(80).min_chars, 80);
    /// ```
    pub fn min_chars(mut self, min_chars: usize) -> Self {
        self.min_chars = min_chars;
        self
    }

    /// Sets [`ChunkOptions::heading_prefix`].
    ///
    /// ```
    /// assert!(jianggao::ChunkOptions::default().heading_prefix(true).heading_prefix);
    /// ```
    pub fn heading_prefix(mut self, on: bool) -> Self {
        self.heading_prefix = on;
        self
    }

    /// Sets [`ChunkOptions::file`].
    ///
    /// ```
    /// assert_eq!(jianggao::ChunkOptions::default().file("a.txt").file.as_deref(), Some("a.txt"));
    /// ```
    pub fn file(mut self, name: impl Into<String>) -> Self {
        self.file = Some(name.into());
        self
    }
}

/// A piece of body text with the headings above it and the metadata of
/// its speech. No field is ever `null` in the JSON (a missing string is
/// `""`), so JSON lines of chunks load into a data frame as they are.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// let c = &doc.chunks(&Default::default())[0];
/// assert_eq!(c.speech, 0);
/// assert_eq!(c.depth, 1);
/// assert_eq!(c.heading_path, ["", "总体要求"]);
/// assert_eq!(c.marker, "一、");
/// assert_eq!(c.text, "要抓好落实。");
/// assert_eq!(c.parent_id, doc.node_table(None)[1].id);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Chunk {
    /// Stable id (16 hex digits): a hash of the file name, the speech, the
    /// heading path and the byte span.
    pub id: String,
    /// The id of the node the text belongs to in the node table
    /// ([`crate::render::nodes`]): its section or point, or its speech for
    /// the preamble and conclusion.
    pub parent_id: String,
    /// The source file; `""` when not known.
    pub file: String,
    /// Index of the speech in [`Document::speeches`].
    pub speech: usize,
    /// Depth of the node the text belongs to: 0 for the speech (preamble,
    /// conclusion), 1 for a section, 2 for its points, ...
    pub depth: usize,
    /// The marker of that node as written (`一、`); `""` if it has none.
    pub marker: String,
    /// The speech's title; `""` if it has none.
    pub title: String,
    /// The speech's speaker; `""` if not known.
    pub speaker: String,
    /// The speech's date, `YYYY-MM-DD`; `""` if not known.
    pub date: String,
    /// `[speech title, section title, point title, ...]` down to the node
    /// the text belongs to: always `depth + 1` entries, the first the
    /// speech title. A missing speech title or a node with neither title
    /// nor marker is `""`; a titled node is named by its title, an
    /// untitled one by its marker.
    pub heading_path: Vec<String>,
    /// The clean text (after the heading path, with
    /// [`ChunkOptions::heading_prefix`]).
    pub text: String,
    /// Where the text stands in the source: exact for a whole paragraph.
    /// For a piece of a split paragraph: exact when the paragraph's text is
    /// its source unchanged or the document was parsed by this crate (the
    /// parser keeps where the pieces of a joined paragraph come from); for
    /// a document read back from JSON or built by hand, found by aligning
    /// the text with the source when that is known ([`chunks_with_source`]),
    /// and the whole paragraph's span otherwise. Merged chunks cover all
    /// their pieces. Bytes, or characters after [`chunks_with_char_offsets`].
    pub span: Span,
}

impl Chunk {
    /// The JSON Schema (draft 2020-12) of a chunk, as checked in at
    /// `schema/chunk.schema.json`.
    ///
    /// ```
    /// let schema = jianggao::Chunk::json_schema();
    /// assert!(schema["properties"]["heading_path"].is_object());
    /// ```
    pub fn json_schema() -> serde_json::Value {
        crate::model::clean_schema(serde_json::to_value(schemars::schema_for!(Chunk)).unwrap_or_default())
    }
}

/// Cuts `doc` into chunks. See the [module](self) documentation.
///
/// ```
/// use jianggao::render::chunks::{chunks, ChunkOptions};
/// let doc = jianggao::parse("同志们：\n今天开会。");
/// assert_eq!(chunks(&doc, &ChunkOptions::default())[0].text, "今天开会。");
/// ```
///
/// The pieces of a paragraph the parser cleaned (here of a zero-width
/// space) have their exact spans without the source:
///
/// ```
/// use jianggao::render::chunks::{chunks, ChunkOptions};
/// let src = "一、总体要求\n要抓好\u{200B}落实。要加强领导。";
/// let cs = chunks(&jianggao::parse(src), &ChunkOptions::new(6));
/// assert_eq!(cs[0].text, "要抓好落实。");
/// assert_eq!(&src[cs[0].span.range()], "要抓好\u{200B}落实。");
/// assert_eq!(&src[cs[1].span.range()], "要加强领导。");
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

/// Like [`chunks_with_source`], with spans in characters (Unicode scalar
/// values) of `src`, as Python and JavaScript slice strings. The ids are
/// those of the byte spans.
///
/// ```
/// use jianggao::render::chunks::{chunks_with_char_offsets, ChunkOptions};
/// let src = "一、总体要求\n要抓好落实。";
/// let doc = jianggao::parse(src);
/// let c = &chunks_with_char_offsets(&doc, src, &ChunkOptions::default())[0];
/// assert_eq!((c.span.start, c.span.end), (7, 13));
/// ```
pub fn chunks_with_char_offsets(doc: &Document, src: &str, opts: &ChunkOptions) -> Vec<Chunk> {
    let index = CharOffsets::new(src);
    let mut out = chunks_with_source(doc, src, opts);
    for c in &mut out {
        c.span = index.span(c.span);
    }
    out
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
    /// assert_eq!(cs[1].heading_path, ["", "总体要求"]);
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

/// An open node of the heading path.
#[derive(Clone)]
struct Open<'a> {
    label: &'a str,
    id: String,
    marker: Option<&'a str>,
}

/// A chunk before merging: its text, span and the open nodes above it.
struct Raw<'a> {
    speech: usize,
    path: Vec<Open<'a>>,
    text: String,
    chars: usize,
    span: Span,
}

impl Raw<'_> {
    /// The key of the part of the speech the chunk lies in: neighbours merge
    /// only within one (a top-level section, or the speech's own text).
    fn group(&self) -> (usize, Option<&str>) {
        (self.speech, self.path.get(1).map(|o| o.id.as_str()))
    }
}

struct Chunker<'a, 'o> {
    src: Option<&'a str>,
    opts: &'o ChunkOptions,
    out: Vec<Raw<'a>>,
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

    fn file(&self) -> Option<&'o str> {
        self.opts.file.as_deref()
    }

    fn run(mut self, doc: &'a Document) -> Vec<Chunk> {
        let file = self.file();
        for (si, sp) in doc.speeches.iter().enumerate() {
            let title = sp.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or_default();
            // `path[d]`: the open node at depth d (0: speech).
            let mut path =
                vec![Open { label: title, id: stable_id(file, si, "speech", 0, title, sp.span), marker: None }];
            for p in &sp.preamble {
                self.paragraph(doc, si, &path, p);
            }
            let mut stack = Vec::new();
            push_children(&mut stack, &sp.sections, 1);
            while let Some(item) = stack.pop() {
                match item {
                    Item::Node(node, depth) => {
                        path.truncate(depth);
                        let kind = if depth == 1 { "section" } else { "point" };
                        let label = heading_label(node).unwrap_or_default();
                        path.push(Open {
                            label,
                            id: stable_id(file, si, kind, depth, label, node.span),
                            marker: node.marker.as_ref().map(|m| m.text.as_str()),
                        });
                        for p in &node.paragraphs {
                            self.paragraph(doc, si, &path, p);
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
                self.paragraph(doc, si, &path, p);
            }
        }
        let raw = std::mem::take(&mut self.out);
        let merged = merge(raw, self.opts.min_chars, self.max());
        merged.into_iter().map(|r| self.finish(doc, r)).collect()
    }

    /// The chunk of a raw piece: ids, speech metadata, heading prefix.
    fn finish(&self, doc: &Document, r: Raw<'_>) -> Chunk {
        let file = self.file();
        let heading_path: Vec<String> = r.path.iter().map(|o| o.label.to_string()).collect();
        let depth = r.path.len().saturating_sub(1);
        let id = stable_id(file, r.speech, "chunk", depth, &heading_path.join("\u{1f}"), r.span);
        let last = r.path.last();
        let sp = doc.speeches.get(r.speech);
        let meta = sp.map(|s| &s.metadata);
        let text = if self.opts.heading_prefix {
            let heads: Vec<&str> = heading_path.iter().map(String::as_str).filter(|h| !h.is_empty()).collect();
            if heads.is_empty() {
                r.text
            } else {
                format!("{}\n{}", heads.join(" > "), r.text)
            }
        } else {
            r.text
        };
        Chunk {
            id,
            parent_id: last.map(|o| o.id.clone()).unwrap_or_default(),
            file: file.unwrap_or_default().to_string(),
            speech: r.speech,
            depth,
            marker: last.and_then(|o| o.marker).unwrap_or_default().to_string(),
            title: sp.and_then(|s| s.title.as_deref()).unwrap_or_default().trim().to_string(),
            speaker: meta.and_then(|m| m.speaker.clone()).unwrap_or_default(),
            date: meta.and_then(|m| m.date.clone()).unwrap_or_default(),
            heading_path,
            text,
            span: r.span,
        }
    }

    fn emit(&mut self, speech: usize, path: &[Open<'a>], text: &str, span: Span) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.out.push(Raw { speech, path: path.to_vec(), text: text.to_string(), chars: text.chars().count(), span });
    }

    fn paragraph(&mut self, doc: &Document, speech: usize, path: &[Open<'a>], p: &Paragraph) {
        let text = p.text.as_str();
        let pieces = split(text, self.max());
        if let [(a, b)] = pieces.as_slice() {
            if *a == 0 && *b == text.len() {
                self.emit(speech, path, text, p.span);
                return;
            }
        }
        let map = self.source_map(doc, text, p.span);
        for (a, b) in pieces {
            let piece = text.get(a..b).unwrap_or_default();
            let span = match &map {
                Some(m) => m.span(a, b).unwrap_or(p.span),
                None => p.span,
            };
            self.emit(speech, path, piece, span);
        }
    }

    /// The map from the offsets of a paragraph's `text` to source offsets,
    /// when it can be known:
    ///
    /// 1. a text that is its source slice (in a text not hard-wrapped,
    ///    nearly every one) maps one to one: the slice is compared when the
    ///    source is known, the lengths otherwise;
    /// 2. a text the parser joined from several pieces has its map in the
    ///    document ([`Document::paragraph_maps`]);
    /// 3. a document not parsed here (read from JSON, built by hand) has no
    ///    maps: its text is aligned with the source, when that is known.
    fn source_map<'d>(&self, doc: &'d Document, text: &str, span: Span) -> Option<SourceMap<'d>> {
        let verbatim = match self.src {
            Some(src) => src.get(span.range()) == Some(text),
            None => text.len() == span.len(),
        };
        if verbatim {
            return Some(SourceMap { base: span.start, jumps: Cow::Borrowed(&[]) });
        }
        if let Some(jumps) = doc.paragraph_maps.get(span, text.len()) {
            return Some(SourceMap { base: span.start, jumps: Cow::Borrowed(jumps) });
        }
        SourceMap::align(text, self.src?.get(span.range())?, span.start)
    }

    /// One chunk (or more, at the limit) for a run of title-only points,
    /// one point per line.
    fn leaves(&mut self, speech: usize, path: &[Open<'a>], run: &[Section]) {
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

/// Merges neighbours of one group while one of them is shorter than
/// `min` and both fit in `max`: the merged chunk belongs to their deepest
/// common node.
fn merge(raw: Vec<Raw<'_>>, min: usize, max: usize) -> Vec<Raw<'_>> {
    if min == 0 {
        return raw;
    }
    let mut out: Vec<Raw<'_>> = Vec::with_capacity(raw.len());
    for r in raw {
        if let Some(last) = out.last_mut() {
            if last.group() == r.group() && (last.chars < min || r.chars < min) && last.chars + 1 + r.chars <= max {
                let common = last.path.iter().zip(&r.path).take_while(|(a, b)| a.id == b.id).count();
                last.path.truncate(common.max(1));
                last.text.push('\n');
                last.text.push_str(&r.text);
                last.chars += 1 + r.chars;
                last.span = last.span.cover(r.span);
                continue;
            }
        }
        out.push(r);
    }
    out
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

/// Offsets of a paragraph's clean text in the source: the text is its
/// source from `base` on, with pieces cut out. Each jump `(text offset,
/// source offset)`, both relative to the paragraph, starts a run of text
/// copied from the source; the first run, at `(0, 0)`, is left out, so a
/// text that is its source slice has none.
struct SourceMap<'d> {
    base: usize,
    jumps: Cow<'d, [(u32, u32)]>,
}

impl SourceMap<'_> {
    /// Aligns `text` with its source `src` (which starts at `base`): the
    /// clean text is the source with pieces cut out, so each of its
    /// characters is found in order, the first place it can be. `None` if
    /// it is not.
    fn align(text: &str, src: &str, base: usize) -> Option<SourceMap<'static>> {
        let mut jumps = Vec::new();
        // How far the source is ahead of the text in the current run.
        let mut ahead = 0;
        let mut source = src.char_indices();
        for (i, c) in text.char_indices() {
            let (j, _) = source.by_ref().find(|&(_, d)| d == c)?;
            if j.checked_sub(i)? != ahead {
                ahead = j - i;
                jumps.push((u32::try_from(i).ok()?, u32::try_from(j).ok()?));
            }
        }
        Some(SourceMap { base, jumps: Cow::Owned(jumps) })
    }

    /// The source offset of text offset `at`, in the run of the byte at
    /// `at` (`after`: of the byte before it, for the end of a range).
    fn source(&self, at: usize, after: bool) -> Option<usize> {
        let i = self.jumps.partition_point(|&(c, _)| if after { (c as usize) < at } else { c as usize <= at });
        let (c, s) = match i.checked_sub(1) {
            Some(k) => self.jumps.get(k).map(|&(c, s)| (c as usize, s as usize))?,
            None => (0, 0),
        };
        Some(self.base + s + at.checked_sub(c)?)
    }

    /// The source span of the text range `a..b` (not empty).
    fn span(&self, a: usize, b: usize) -> Option<Span> {
        Some(Span::new(self.source(a, false)?, self.source(b, true)?))
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
        assert_eq!(map.jumps.as_ref(), [(3, 6)]);
        assert_eq!(map.span(0, 3), Some(Span::new(10, 13)));
        assert_eq!(map.span(3, 6), Some(Span::new(16, 19)));
        assert_eq!(map.span(0, 6), Some(Span::new(10, 19)));
        let Some(map) = SourceMap::align("甲乙", "甲乙", 10) else { panic!("aligns") };
        assert!(map.jumps.is_empty());
        assert_eq!(map.span(3, 6), Some(Span::new(13, 16)));
    }

    /// A paragraph joined across page breaks (`2、` and `3、` cut out) and
    /// hard wraps.
    const PAGED: &str = "标题\n\n1、今天，我们召开这次会议，主要任务是深入学习贯彻党的二\n十大精神，总结过去一年的工作，分析当前面临的形势，部\n署今年的重点任务。不给好处不办事，给\n\n2、2022年乱办事。过去一年，全市上下团结一心，攻坚克\n难，经济社会发展取得了新的成绩，全年完成投资300多\n万美元，引进项目十二个，群众满意度持续提升。迟早要栽\n\n3、跟头。我们要清醒地看到，工作中还存在不少问题和不足，\n有的同志思想不够解放，有的部门作风不够扎实，必须认真\n加以解决。\n";

    #[test]
    fn the_parser_should_keep_maps_only_for_paragraphs_that_are_not_their_source() {
        assert_eq!(crate::parse("一、总体要求\n要抓好落实。\n二、工作任务\n要加强领导。").paragraph_maps.len(), 0);
        let doc = crate::parse(PAGED);
        assert_eq!(doc.speeches[0].preamble.len(), 1);
        assert_eq!(doc.paragraph_maps.len(), 1);
        // Spans in characters: the byte maps no longer apply.
        assert_eq!(doc.with_char_offsets(PAGED).paragraph_maps.len(), 0);
    }

    #[test]
    fn a_map_that_no_longer_fits_its_paragraph_should_not_be_used() {
        let mut doc = crate::parse(PAGED);
        let p = &doc.speeches[0].preamble[0];
        assert!(doc.paragraph_maps.get(p.span, p.text.len()).is_some());
        // The text was edited since it was parsed.
        let p = &mut doc.speeches[0].preamble[0];
        p.text.insert(0, '甲');
        assert!(doc.paragraph_maps.get(p.span, p.text.len()).is_none());
        let p = p.clone();
        let opts = ChunkOptions::new(9);
        // Without the source the pieces get the paragraph's span.
        assert!(chunks(&doc, &opts).iter().filter(|c| c.heading_path.len() == 1).all(|c| c.span == p.span));
    }

    #[test]
    fn align_should_fail_when_the_text_is_not_from_the_source() {
        assert!(SourceMap::align("甲丙", "甲乙", 0).is_none());
    }
}

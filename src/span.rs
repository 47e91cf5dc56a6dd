//! Byte spans into the decoded text, and the map from a cleaned string back
//! to the source it was cut from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the decoded UTF-8 text.
///
/// Both ends always fall on `char` boundaries, so `&text[span.range()]` never
/// panics for the text the span was made from.
///
/// ```
/// use jianggao::Span;
/// let text = "一、总体要求";
/// let span = Span::new(0, 6);
/// assert_eq!(&text[span.range()], "一、");
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// First byte of the piece.
    pub start: usize,
    /// One past the last byte of the piece.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    ///
    /// ```
    /// let s = jianggao::Span::new(3, 9);
    /// assert_eq!((s.start, s.end), (3, 9));
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    ///
    /// ```
    /// assert_eq!(jianggao::Span::new(1, 2).range(), 1..2);
    /// ```
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    ///
    /// ```
    /// assert_eq!(jianggao::Span::new(4, 10).len(), 6);
    /// ```
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    ///
    /// ```
    /// assert!(jianggao::Span::new(4, 4).is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    ///
    /// ```
    /// use jianggao::Span;
    /// assert_eq!(Span::new(0, 3).cover(Span::new(6, 9)), Span::new(0, 9));
    /// ```
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies inside `self`.
    ///
    /// ```
    /// use jianggao::Span;
    /// assert!(Span::new(0, 9).contains(Span::new(3, 6)));
    /// ```
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Maps byte offsets of a cleaned string back to the source text.
///
/// A cleaned string is the source with some pieces cut out (wrap spaces,
/// page-break numbers, zero-width characters); it never rewrites what it
/// keeps. The map stores one entry per kept run: where the run starts in the
/// cleaned string and where in the source.
///
/// ```
/// use jianggao::{OffsetMap, Span};
/// // source "一 是要" cleaned to "一是要": the space at byte 3 was cut.
/// let mut map = OffsetMap::default();
/// map.push_run(0, 0);   // "一" at source 0
/// map.push_run(3, 4);   // "是要" at source 4
/// assert_eq!(map.to_source(3), 4);
/// assert_eq!(map.to_source_span(0, 6), Span::new(0, 7));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    // Most maps hold one run: it is kept inline, with no allocation of
    // its own (a block per line of a text of short lines would otherwise
    // cost an allocation each).
    runs: smallvec::SmallVec<[(usize, usize); 1]>,
}

impl OffsetMap {
    /// Records that the cleaned string from `clean` on is copied from the
    /// source at `source`. Runs must be pushed in increasing order.
    pub fn push_run(&mut self, clean: usize, source: usize) {
        if let Some(&(c, s)) = self.runs.last() {
            // A run that merely continues the previous one adds nothing.
            if source >= s && source - s == clean - c {
                return;
            }
            if c == clean {
                self.runs.pop();
            }
        }
        self.runs.push((clean, source));
    }

    /// Makes room for `runs` more runs.
    pub(crate) fn reserve(&mut self, runs: usize) {
        self.runs.reserve(runs);
    }

    /// Makes room for exactly `runs` more runs.
    pub(crate) fn reserve_exact(&mut self, runs: usize) {
        self.runs.reserve_exact(runs);
    }

    /// Moves every source offset `by` bytes on (a map made for a part of a
    /// text that starts `by` bytes into it).
    pub(crate) fn shift(&mut self, by: usize) {
        for run in &mut self.runs {
            run.1 += by;
        }
    }

    /// The runs that start inside the cleaned range `a..b` (after `a`,
    /// before `b`): where the text of that range jumps in the source.
    pub(crate) fn jumps_within(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let from = self.runs.partition_point(|&(c, _)| c <= a);
        self.runs.get(from..).unwrap_or_default().iter().take_while(move |&&(c, _)| c < b).copied()
    }

    /// The source offset of the cleaned offset `clean` (the start of a piece).
    pub fn to_source(&self, clean: usize) -> usize {
        let i = self.runs.partition_point(|&(c, _)| c <= clean);
        match i.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(c, s)) => s + (clean - c),
            None => clean,
        }
    }

    /// The source offset just past the piece that ends at cleaned offset
    /// `clean` (the end of a piece: it stays in the run of the last byte).
    pub fn to_source_end(&self, clean: usize) -> usize {
        let i = self.runs.partition_point(|&(c, _)| c < clean);
        match i.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(c, s)) => s + (clean - c),
            None => clean,
        }
    }

    /// The source span of the cleaned range `start..end`.
    pub fn to_source_span(&self, start: usize, end: usize) -> Span {
        if end <= start {
            let s = self.to_source(start);
            return Span::new(s, s);
        }
        Span::new(self.to_source(start), self.to_source_end(end))
    }

    /// Splits the map at the cleaned offset `at`: `self` keeps the runs
    /// before it, the returned map covers `at..`, rebased to start at 0.
    pub fn split_off(&mut self, at: usize) -> OffsetMap {
        let first = self.to_source(at);
        let i = self.runs.partition_point(|&(c, _)| c <= at);
        let mut tail = OffsetMap { runs: smallvec::smallvec![(0, first)] };
        tail.runs.extend(self.runs[i..].iter().map(|&(c, s)| (c - at, s)));
        self.runs.truncate(i);
        tail
    }
}

/// Where the clean text of each paragraph comes from in the source, kept by
/// the parser for the renderers ([`crate::render::chunks`]), so that they
/// need not guess it again.
///
/// Only the paragraphs whose text is not a verbatim slice of their span
/// are here: those joined across hard wraps and page breaks, or with wrap
/// spaces and invisible characters left out. A paragraph whose text is its
/// source slice (in a text not hard-wrapped, nearly every one) costs
/// nothing; a joined one 16 bytes and 8 per piece after the first. A
/// paragraph is found by the start of its span (paragraphs do not
/// overlap), by binary search.
///
/// The maps are a cache, derived from the paragraphs and the source: they
/// are not serialised, and no part of a document's value (two documents
/// are equal whether they carry them or not, so a document read back from
/// JSON equals the one written). A document without them (read from JSON,
/// built by hand) is rendered by aligning its texts with the source.
#[derive(Clone, Debug, Default)]
pub(crate) struct ParagraphMaps {
    /// Per paragraph: the start of its span, and the range of its jumps in
    /// `jumps`. Sorted by span start once [`ParagraphMaps::finish`]ed.
    index: Vec<(usize, u32, u32)>,
    /// The jumps of every paragraph, one paragraph after the other. A jump
    /// `(text offset, source offset)` starts a run of text copied from the
    /// source; both offsets are relative to the paragraph (to its text and
    /// to its span's start), and the first run, at `(0, 0)`, is left out.
    /// A paragraph lies in one part of at most 4 GiB of the text
    /// ([`crate::segment::lines::MAX_TEXT`]): the offsets fit 32 bits.
    /// (So do the ranges in `index` but for texts of many gigabytes, whose
    /// paragraphs past the first 4 Gi jumps are not kept.)
    jumps: Vec<(u32, u32)>,
}

impl PartialEq for ParagraphMaps {
    /// Always equal: the maps are a cache, no part of the document's value.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl ParagraphMaps {
    /// Keeps the map of the paragraph whose text is `a..b` of a block's
    /// cleaned text, with block map `map`, standing at `span` in the
    /// source; nothing when the text is its source slice.
    pub(crate) fn keep(&mut self, map: &OffsetMap, a: usize, b: usize, span: Span) {
        if b.saturating_sub(a) == span.len() {
            return;
        }
        let from = self.jumps.len();
        let Ok(start) = u32::try_from(from) else {
            return;
        };
        for (c, s) in map.jumps_within(a, b) {
            let rel = |x: usize, base: usize| x.checked_sub(base).and_then(|d| u32::try_from(d).ok());
            let (Some(c), Some(s)) = (rel(c, a), rel(s, span.start)) else {
                // Not a map this paragraph can use: it is left out.
                self.jumps.truncate(from);
                return;
            };
            self.jumps.push((c, s));
        }
        match u32::try_from(self.jumps.len()) {
            Ok(end) => self.index.push((span.start, start, end)),
            Err(_) => self.jumps.truncate(from),
        }
    }

    /// Sorts the index for lookups (the paragraphs come in source order,
    /// which it checks) and gives back the room to spare.
    pub(crate) fn finish(&mut self) {
        if !self.index.is_sorted_by_key(|e| e.0) {
            self.index.sort_unstable_by_key(|e| e.0);
        }
        self.index.shrink_to_fit();
        self.jumps.shrink_to_fit();
    }

    /// The jumps of the paragraph standing at `span` whose text is
    /// `text_len` bytes long, or `None` when it has none here (its text is
    /// its source slice, or the document was not parsed by this crate), or
    /// when the one found does not fit that text and span (a paragraph
    /// changed since it was parsed).
    pub(crate) fn get(&self, span: Span, text_len: usize) -> Option<&[(u32, u32)]> {
        let i = self.index.binary_search_by_key(&span.start, |e| e.0).ok()?;
        let &(_, from, to) = self.index.get(i)?;
        let jumps = self.jumps.get(from as usize..to as usize)?;
        // The last run runs to the end of both the text and the span.
        let (c, s) = jumps.last().map_or((0, 0), |&(c, s)| (c as usize, s as usize));
        (c <= text_len && s + (text_len - c) == span.len()).then_some(jumps)
    }

    /// The number of paragraphs kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }
}

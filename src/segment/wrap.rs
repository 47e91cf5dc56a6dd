//! Hard-wrap repair: text whose lines were cut at a fixed width, then joined
//! with single spaces (PDF text pasted as one long line) or with newlines.
//!
//! The typical line width is learned from the text itself (the upper
//! quantile of piece widths); a piece clearly shorter than it ends a
//! paragraph or heading, a full-width piece continues into the next one.

use super::lines::{ends_clause, ends_sentence, trim, wrap_width_counted, Join, UnitText, Units};
use crate::model::{Diagnostic, DiagnosticKind, MarkerKind};
use crate::normalize::is_cjk;
use crate::span::Span;

/// The learned line width of a hard-wrapped text and the thresholds derived
/// from it.
///
/// ```
/// use jianggao::segment::wrap::WrapWidth;
/// let w = WrapWidth::learn(&mut vec![52; 20]).unwrap();
/// assert_eq!(w.width, 52);
/// assert!(w.is_full(50, "某某某"));
/// assert!(!w.is_full(40, "某某某"));
/// assert!(!w.is_full(46, "某某。"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrapWidth {
    /// The typical width of a full line.
    pub width: usize,
    /// A piece not ending a clause is full from this width on.
    pub full_min: usize,
    /// A piece ending a clause (`。` `：`) is full from this width on: it must
    /// reach the margin, else it ends a paragraph.
    pub full_clause: usize,
    /// How far a line may run past the typical width.
    pub over: usize,
}

impl WrapWidth {
    /// Learns the width from piece widths (reordered in place): the 80th
    /// percentile. `None` when there are no widths.
    ///
    /// ```
    /// use jianggao::segment::wrap::WrapWidth;
    /// let mut w = vec![52, 50, 52, 10, 52, 51, 52, 30, 52, 52];
    /// assert_eq!(WrapWidth::learn(&mut w).map(|s| s.width), Some(52));
    /// assert!(WrapWidth::learn(&mut []).is_none());
    /// ```
    pub fn learn(widths: &mut [usize]) -> Option<WrapWidth> {
        if widths.is_empty() {
            return None;
        }
        let k = (widths.len() * 4 / 5).min(widths.len() - 1);
        let (_, &mut width, _) = widths.select_nth_unstable(k);
        let full_min = width.saturating_sub((width * 4 / 25).max(4));
        let full_clause = width.saturating_sub((width / 25).max(2));
        Some(WrapWidth { width, full_min, full_clause, over: (width / 10).max(4) })
    }

    /// True when a piece of width `w` and text `text` reaches the margin, so
    /// the text goes on in the next piece.
    ///
    /// ```
    /// let w = jianggao::segment::wrap::WrapWidth::learn(&mut vec![52; 10]).unwrap();
    /// assert!(w.is_full(50, "落实。"));
    /// assert!(!w.is_full(46, "落实。"));
    /// ```
    pub fn is_full(&self, w: usize, text: &str) -> bool {
        if ends_clause(text) {
            w >= self.full_clause
        } else {
            w >= self.full_min
        }
    }

    /// True when `w` lies in the band of full lines.
    ///
    /// ```
    /// let w = jianggao::segment::wrap::WrapWidth::learn(&mut vec![52; 10]).unwrap();
    /// assert!(w.in_band(52) && !w.in_band(20) && !w.in_band(90));
    /// ```
    pub fn in_band(&self, w: usize) -> bool {
        w >= self.full_min && w <= self.width + self.over
    }
}

/// A space-separated token of a line: its span, the number of space
/// characters after it, and its [`wrap_width`] (0 for the only token of a
/// line: [`LineTokens::of`] does not measure it).
#[derive(Clone, Copy, Debug)]
struct Tok {
    span: Span,
    sep: usize,
    width: usize,
}

/// Per lead byte: the length of its character (low bits), its
/// [`wrap_width`] (bits 4-5) and whether it may start a space character
/// (bit 7: [`crate::normalize::SPACE_LEADS`], built from `is_space`).
static LEAD: [u8; 256] = lead_table();

const fn lead_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let (len, width) = match b {
            0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => (1, 1),
            0..0x80 => (1, 2),
            // A continuation byte never leads; step over it.
            0x80..0xC0 => (1, 0),
            0xC0..0xE0 => (2, 2),
            0xE0..0xF0 => (3, 2),
            _ => (4, 2),
        };
        let maybe_space = crate::normalize::SPACE_LEADS[b];
        t[b] = len | (width << 4) | if maybe_space { 0x80 } else { 0 };
        b += 1;
    }
    t
}

/// True when the character at the start of `bytes` is a space character
/// ([`is_space`]), read from its bytes.
fn space_bytes(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0x09..=0x0D | 0x20, ..]
            | [0xC2, 0x85 | 0xA0 | 0xAD, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F | 0xA0, ..]
            | [0xE3, 0x80, 0x80, ..]
            | [0xEF, 0xBB, 0xBF, ..]
    )
}

/// True when the character at the start of `bytes` is invisible
/// ([`is_invisible`](crate::normalize::is_invisible)), read from its bytes.
fn invisible_bytes(bytes: &[u8]) -> bool {
    matches!(bytes, [0xC2, 0xAD, ..] | [0xE2, 0x80, 0x8B..=0x8D, ..] | [0xE2, 0x81, 0xA0, ..] | [0xEF, 0xBB, 0xBF, ..])
}

/// The next space character of `bytes` at or after byte `i` (a char
/// boundary): its offset and length, and the [`wrap_width`] of the text
/// before it (from `i`). `None` when no space follows.
fn next_space(bytes: &[u8], i: usize) -> (Option<(usize, usize)>, usize) {
    let mut width = 0;
    let mut rest = bytes.get(i..).unwrap_or_default();
    loop {
        // The common case first: an ideograph of U+4000…U+9FFF is three
        // bytes wide 2, never a space. Two at a time, then one.
        let ideograph = |b: u8| b.wrapping_sub(0xE4) < 6;
        while let [a, _, _, b, _, _, tail @ ..] = rest {
            if !(ideograph(*a) && ideograph(*b)) {
                break;
            }
            width += 4;
            rest = tail;
        }
        if let [a, _, _, tail @ ..] = rest {
            if ideograph(*a) {
                width += 2;
                rest = tail;
                continue;
            }
        }
        let Some(&b) = rest.first() else {
            return (None, width);
        };
        let class = LEAD[usize::from(b)];
        let len = usize::from(class & 0x0F);
        if class & 0x80 != 0 && space_bytes(rest) {
            return (Some((bytes.len() - rest.len(), len)), width);
        }
        width += usize::from((class >> 4) & 0x03);
        rest = rest.get(len..).unwrap_or_default();
    }
}

/// True when the three bytes `a b c` start a space character
/// ([`is_space`](crate::normalize::is_space)); as [`space_bytes`], but
/// without branches, for [`has_space`].
#[inline(always)]
fn space_at(a: u8, b: u8, c: u8) -> bool {
    let ascii = (a.wrapping_sub(0x09) < 5) | (a == 0x20);
    let c2 = (a == 0xC2) & ((b == 0x85) | (b == 0xA0) | (b == 0xAD));
    let e1 = (a == 0xE1) & (b == 0x9A) & (c == 0x80);
    let e2_80 = (b == 0x80) & ((c.wrapping_sub(0x80) < 0x0E) | (c == 0xA8) | (c == 0xA9) | (c == 0xAF));
    let e2_81 = (b == 0x81) & ((c == 0x9F) | (c == 0xA0));
    let e2 = (a == 0xE2) & (e2_80 | e2_81);
    let e3 = (a == 0xE3) & (b == 0x80) & (c == 0x80);
    let ef = (a == 0xEF) & (b == 0xBB) & (c == 0xBF);
    ascii | c2 | e1 | e2 | e3 | ef
}

/// True when `bytes` (valid UTF-8) hold a space character
/// ([`is_space`](crate::normalize::is_space)).
///
/// Most lines hold none, and their tokenization ([`next_space`]) is a walk
/// a character at a time that mispredicts at every CJK punctuation mark.
/// Here every byte offset is tested on its own (a space starts with an
/// ASCII or lead byte, so a match is always at a char boundary), without
/// branches, 32 offsets per block: the compiler vectorizes the block.
fn has_space(bytes: &[u8]) -> bool {
    const BLOCK: usize = 32;
    let mut rest = bytes;
    while let Some((block, _)) = rest.split_first_chunk::<{ BLOCK + 2 }>() {
        let mut any = false;
        for j in 0..BLOCK {
            any |= space_at(block[j], block[j + 1], block[j + 2]);
        }
        if any {
            return true;
        }
        rest = rest.get(BLOCK..).unwrap_or_default();
    }
    // The last offsets, with zero bytes past the end (no space starts or
    // ends in them).
    let mut tail = [0u8; BLOCK + 2];
    let n = rest.len().min(BLOCK + 2);
    tail[..n].copy_from_slice(&rest[..n]);
    (0..BLOCK).fold(false, |any, j| any | space_at(tail[j], tail[j + 1], tail[j + 2]))
}

/// Appends the space-separated tokens of `span` to `out`, with their widths.
/// Returns whether a space between them was an invisible character
/// ([`is_invisible`](crate::normalize::is_invisible)).
fn tokens(src: &str, span: Span, out: &mut Vec<Tok>) -> bool {
    let Some(s) = src.get(span.range()) else {
        return false;
    };
    let mut invisible = false;
    let bytes = s.as_bytes();
    let first = out.len();
    // The current token starts at `start` (equal to `i` between tokens).
    let mut start = 0;
    let mut i = 0;
    loop {
        let (space, width) = next_space(bytes, i);
        let Some((at, len)) = space else {
            if start < bytes.len() {
                out.push(Tok { span: Span::new(span.start + start, span.end), sep: 0, width });
            }
            return invisible;
        };
        invisible |= invisible_bytes(bytes.get(at..).unwrap_or_default());
        if start < at {
            out.push(Tok { span: Span::new(span.start + start, span.start + at), sep: 0, width });
        }
        if out.len() > first {
            if let Some(last) = out.last_mut() {
                last.sep += 1;
            }
        }
        i = at + len;
        start = i;
    }
}

/// True for a token that is only an outline marker (`(二)` `一、` `1.` `①`),
/// after which a space inside a printed line is common.
///
/// ```
/// use jianggao::segment::wrap::is_marker_token;
/// assert!(is_marker_token("(二)"));
/// assert!(is_marker_token("一、"));
/// assert!(is_marker_token("(-)"));
/// assert!(!is_marker_token("目录"));
/// ```
pub fn is_marker_token(s: &str) -> bool {
    // A collection marker (`篇一`) ends its printed line: the piece it
    // heads (`篇一 同志们:`) starts a line of its own.
    crate::marker::parse_marker(s).is_some_and(|m| m.len == s.len() && m.kind != MarkerKind::Pian)
}

fn first_char(src: &str, s: Span) -> Option<char> {
    src.get(s.range()).and_then(|t| t.chars().next())
}

fn last_char(src: &str, s: Span) -> Option<char> {
    src.get(s.range()).and_then(|t| t.chars().next_back())
}

/// True when `src[s]` (char boundaries) ends with a CJK character
/// ([`is_cjk`]). An ideograph of U+5000…U+9FFF is known by the lead byte
/// three from the end; any other character is decoded.
fn ends_cjk(src: &str, s: Span) -> bool {
    match src.as_bytes().get(s.range()) {
        Some([.., 0xE5..=0xE9, _, _]) => true,
        _ => last_char(src, s).is_some_and(is_cjk),
    }
}

/// True when `src[s]` (char boundaries) starts with a CJK character
/// ([`is_cjk`]), an ideograph of U+5000…U+9FFF known by its lead byte.
fn starts_cjk(src: &str, s: Span) -> bool {
    match src.as_bytes().get(s.range()) {
        Some([0xE5..=0xE9, ..]) => true,
        _ => first_char(src, s).is_some_and(is_cjk),
    }
}

/// The tokens of every line: `toks[line_start[k]..line_start[k + 1]]` are
/// the tokens of line `k`; `invisible` tells whether an invisible character
/// stood between two of them.
#[derive(Default)]
struct LineTokens {
    toks: Vec<Tok>,
    line_start: Vec<usize>,
    invisible: bool,
}

impl LineTokens {
    fn of(src: &str, lines: &[Span]) -> LineTokens {
        let mut out = LineTokens {
            toks: Vec::with_capacity(lines.len()),
            line_start: Vec::with_capacity(lines.len() + 1),
            invisible: false,
        };
        for &l in lines {
            out.line_start.push(out.toks.len());
            // A line without a space is one token whose width is never read
            // (widths count only for tokens followed by another on their
            // line): it is not walked.
            let Some(text) = src.get(l.range()) else { continue };
            if has_space(text.as_bytes()) {
                out.invisible |= tokens(src, l, &mut out.toks);
            } else if !l.is_empty() {
                out.toks.push(Tok { span: l, sep: 0, width: 0 });
            }
        }
        out.line_start.push(out.toks.len());
        out
    }

    fn line(&self, k: usize) -> &[Tok] {
        let (Some(&a), Some(&b)) = (self.line_start.get(k), self.line_start.get(k + 1)) else {
            return &[];
        };
        self.toks.get(a..b).unwrap_or_default()
    }
}

/// Learns whether `lines` (trimmed spans, tokenized in `lt`) are
/// hard-wrapped lines joined with spaces, and the line width if so; with it,
/// the tokens of every line.
fn space_mode(src: &str, lines: &[Span], lt: LineTokens) -> Option<(WrapWidth, LineTokens)> {
    let mut widths = Vec::with_capacity(lt.toks.len());
    let (mut seps, mut cjk_seps) = (0usize, 0usize);
    for k in 0..lines.len() {
        for pair in lt.line(k).windows(2) {
            let [a, b] = pair else { continue };
            widths.push(a.width);
            seps += 1;
            if ends_cjk(src, a.span) || starts_cjk(src, b.span) {
                cjk_seps += 1;
            }
        }
    }
    if widths.len() < 8 || cjk_seps * 2 < seps {
        return None;
    }
    let st = WrapWidth::learn(&mut widths)?;
    let in_band = widths.iter().filter(|&&w| st.in_band(w)).count();
    (st.width >= 30 && st.width <= 200 && in_band * 2 >= widths.len()).then_some((st, lt))
}

/// Splits every line of `src` into logical lines ([`Units`]). Lines that
/// were hard-wrapped and joined with spaces are cut at their wrap spaces and
/// regrouped into paragraphs and headings; other lines give one unit each.
///
/// ```
/// let para = "这是一个用来测试的很长的段落它会被按照固定的宽度切开然后再用空格连在一起成为一行很长很长的文字";
/// let chunks: Vec<String> = para.chars().collect::<Vec<_>>().chunks(20)
///     .map(|c| c.iter().collect()).collect();
/// let line = std::iter::repeat(chunks.join(" ")).take(4).collect::<Vec<_>>().join("。 ");
/// let mut diags = Vec::new();
/// let units = jianggao::segment::wrap::split(&line, &mut diags);
/// assert!(units.units.iter().all(|u| u.wrapped));
/// assert_eq!(units.units.len(), 4);
/// ```
pub fn split(src: &str, diags: &mut Vec<Diagnostic>) -> Units {
    let lines: Vec<Span> = super::lines::split(src).into_iter().map(|l| trim(src, l)).collect();
    // Lines are trimmed: an invisible character (a space too) inside one
    // stands between two tokens.
    let lt = LineTokens::of(src, &lines);
    let clean = !lt.invisible;
    let mode = space_mode(src, &lines, lt);
    let mut out = Units { clean, ..Units::default() };
    // A unit of one line keeps no piece: only the pieces of split lines
    // are stored.
    let pieces = mode.as_ref().map_or(0, |(_, lt)| lt.toks.len());
    out.pieces.reserve(pieces);
    out.units.reserve(lines.len());
    let mut gap = false;
    let mut rejoined = 0usize;
    for (k, &l) in lines.iter().enumerate() {
        if l.is_empty() {
            gap = true;
            continue;
        }
        if let Some((st, lt)) = &mode {
            let toks = lt.line(k);
            if toks.len() > 1 {
                rejoined += split_line(src, l, toks, st, gap, &mut out);
                gap = false;
                continue;
            }
        }
        out.push_unit(l, std::slice::from_ref(&l), gap);
        gap = false;
    }
    if rejoined > 0 {
        diags.push(Diagnostic::new(
            DiagnosticKind::HardWrap,
            format!("rejoined {rejoined} pieces of hard-wrapped lines joined with spaces"),
            None,
        ));
    }
    out
}

/// Splits one space-joined line into units; returns the number of wrap
/// spaces repaired.
fn split_line(src: &str, line: Span, toks: &[Tok], st: &WrapWidth, gap: bool, out: &mut Units) -> usize {
    let text = |s: Span| src.get(s.range()).unwrap_or_default();
    // Printed lines: tokens joined by spaces that stood inside a line.
    let mut printed = printed_lines(src, toks, st);
    let n = printed.len();
    let last_text = |p: &Printed| toks.get(p.end.saturating_sub(1)).map_or("", |t| text(t.span));
    let first_text = |p: &Printed| toks.get(p.first).map_or("", |t| text(t.span));
    let wide = st.width + (st.width * 3 / 10).max(st.over);
    for p in &mut printed {
        p.alone = p.width > wide || (p.end == p.first + 1 && is_title_piece(first_text(p)));
        p.full = !p.alone && st.is_full(p.width, last_text(p));
    }
    // Without a single full printed line, the spaces are not wraps.
    if !printed.iter().take(n.saturating_sub(1)).any(|p| p.full) {
        out.push_unit(line, std::slice::from_ref(&line), gap);
        return 0;
    }
    let joins = |p: &Printed, q: &Printed| p.full && !q.alone && !starts_heading(first_text(q));
    let mut repaired = 0;
    let mut start = 0usize;
    let mut pieces: Vec<Span> = Vec::new();
    for (i, p) in printed.iter().enumerate() {
        if printed.get(i + 1).is_some_and(|q| joins(p, q)) {
            continue;
        }
        let Some(first_tok) = printed.get(start).map(|q| q.first) else {
            continue;
        };
        pieces.clear();
        pieces.extend(toks.get(first_tok..p.end).unwrap_or_default().iter().map(|t| t.span));
        let (Some(&a), Some(&b)) = (pieces.first(), pieces.last()) else {
            continue;
        };
        repaired += pieces.len() - 1;
        let u = out.push_unit(a.cover(b), &pieces, gap && start == 0);
        u.wrapped = true;
        start = i + 1;
    }
    repaired
}

/// A printed line rebuilt from tokens: `toks[first..end]`, of `width`;
/// whether it stands alone (too wide, or a title) and whether it is full
/// (reaches the margin, so its text goes on in the next line).
struct Printed {
    first: usize,
    end: usize,
    width: usize,
    alone: bool,
    full: bool,
}

/// Groups tokens into printed lines. A space stands inside a printed line
/// (rather than at its wrap) when the line so far is short and does not end
/// a clause, and either the next tokens fill it up to the margin, or the line
/// so far is a lone outline marker (`(二) 坚决…`), or the space stands
/// between two Latin words or numbers.
fn printed_lines(src: &str, toks: &[Tok], st: &WrapWidth) -> Vec<Printed> {
    let text = |s: Span| src.get(s.range()).unwrap_or_default();
    let width = |k: usize| toks.get(k).map_or(0, |t| t.width);
    let mut printed = Vec::with_capacity(toks.len());
    let mut cur = 0usize;
    let mut r = width(0);
    let mut k = 1usize;
    while k < toks.len() {
        let (Some(&Tok { span: prev, sep, .. }), Some(&Tok { span: tok, .. })) = (toks.get(k - 1), toks.get(k)) else {
            break;
        };
        let max = st.width + st.over;
        let mut take = 0usize; // how many following tokens stand in this line
        if sep == 1 && r < st.full_min && !ends_clause(text(prev)) {
            // Fill: the next tokens bring the line to the margin.
            let mut total = r;
            for m in k..toks.len() {
                let Some(&Tok { span: t, sep: sep_m, .. }) = toks.get(m) else {
                    break;
                };
                total += 1 + width(m);
                let tiny = |i: usize| toks.get(i).is_some_and(|t| text(t.span).chars().nth(2).is_none());
                if total > max || (m > k && (r < 16 || tiny(m) || tiny(k))) {
                    break;
                }
                if total >= st.full_clause {
                    take = m - k + 1;
                    break;
                }
                if sep_m != 1 || ends_clause(text(t)) {
                    break;
                }
            }
            let total = r + 1 + width(k);
            if take == 0 && total <= max {
                let marker = cur == k - 1 && is_marker_token(text(prev));
                let latin = r >= 8
                    && last_char(src, prev).is_some_and(|c| c.is_ascii_alphanumeric())
                    && first_char(src, tok).is_some_and(|c| c.is_ascii_alphanumeric());
                if marker || latin {
                    take = 1;
                }
            }
        }
        if take > 0 {
            for m in k..k + take {
                r += 1 + width(m);
            }
            k += take;
        } else {
            printed.push(Printed { first: cur, end: k, width: r, alone: false, full: false });
            cur = k;
            r = width(k);
            k += 1;
        }
    }
    printed.push(Printed { first: cur, end: toks.len(), width: r, alone: false, full: false });
    printed
}

/// True for a piece that reads as a speech title: it ends with a title word
/// and holds no sentence punctuation. In a hard-wrapped collection such a
/// piece stands on a line of its own.
///
/// ```
/// use jianggao::segment::wrap::is_title_piece;
/// assert!(is_title_piece("\"提高政治意识.严守政治规矩\"专题党课讲稿"));
/// assert!(!is_title_piece("今天,我就这个问题讲话"));
/// ```
pub fn is_title_piece(text: &str) -> bool {
    // The last bytes are compared first: most pieces end otherwise.
    let last = text.as_bytes().last();
    crate::vocab::TITLE_ENDS.iter().any(|t| t.as_bytes().last() == last && text.ends_with(t))
        && !text.contains(['。', '，', ',', '；', ';', '：', ':', '！', '？'])
}

/// True when `text` opens with a marker of a heading family
/// ([`crate::marker::heading_family`]): `一、` `(三)` `（二）` `3、` `4.`,
/// but not `①`, which runs inline as often (`三条: ①专时专用。②…`), so a
/// printed line may open with it after a wrap.
///
/// ```
/// use jianggao::segment::wrap::starts_heading;
/// assert!(starts_heading("四、争做层层压实"));
/// assert!(starts_heading("(三)是正确处理"));
/// assert!(!starts_heading("一方面"));
/// assert!(!starts_heading("2014年10月"));
/// ```
pub fn starts_heading(text: &str) -> bool {
    crate::marker::parse_marker(text)
        .is_some_and(|m| crate::marker::heading_family(m.kind) && m.kind != MarkerKind::Circled)
}

/// Joins hard-wrapped lines separated by newlines: in a text where many
/// consecutive lines have nearly the same width and no sentence end, a line
/// that reaches the margin continues in the next text line. Noise lines in
/// between (a page footer) are skipped; a blank line stops the join unless
/// noise stands in it and the line does not end a clause.
///
/// When the lines were cut at one exact width ([`Layout`]), a line
/// continues only if the first word of the next line would not have fitted
/// after it; and in a text whose paragraphs open with an indent, an
/// indented line always opens a paragraph.
///
/// ```
/// let para = "这是一个用来测试的很长的段落它会被按照固定的宽度切开然后再用换行连在一起成为很多行很短的文字";
/// let chunks: Vec<String> = para.chars().collect::<Vec<_>>().chunks(20)
///     .map(|c| c.iter().collect()).collect();
/// let src = std::iter::repeat(chunks.join("\n")).take(4).collect::<Vec<_>>().join("。\n");
/// let mut units = jianggao::segment::lines::Units::from_lines(&src);
/// let mut diags = Vec::new();
/// jianggao::segment::wrap::join_lines(&src, &mut units, &mut diags);
/// let starts = units.units.iter().filter(|u| u.join == jianggao::segment::lines::Join::None).count();
/// assert_eq!(starts, 4);
/// ```
pub fn join_lines(src: &str, units: &mut Units, diags: &mut Vec<Diagnostic>) {
    if units.units.iter().any(|u| u.wrapped) {
        return;
    }
    let texts = units.texts(src);
    join_texts(src, units, &texts, diags);
}

/// [`join_lines`] with the units' texts ([`Units::texts`]) at hand.
pub(crate) fn join_texts(src: &str, units: &mut Units, texts: &[UnitText<'_>], diags: &mut Vec<Diagnostic>) {
    if units.units.iter().any(|u| u.wrapped) {
        return;
    }
    let text = |i: usize| texts.get(i).map_or("", |t| t.text.as_ref());
    let text_ids: Vec<usize> = (0..units.units.len()).filter(|&i| units.units[i].is_text()).collect();
    let widths: Vec<usize> =
        text_ids.iter().map(|&i| texts.get(i).map_or(0, |t| wrap_width_counted(&t.text, t.chars))).collect();
    let mut sorted = widths.clone();
    let Some(st) = WrapWidth::learn(&mut sorted) else {
        return;
    };
    let open_full = text_ids.iter().zip(&widths).filter(|&(&i, &w)| st.in_band(w) && !ends_clause(text(i))).count();
    if st.width < 30 || st.width > 160 || open_full < 5 || open_full * 10 < text_ids.len() * 4 {
        return;
    }
    // The indent of every text line, and where each line ends on the page.
    let indents: Vec<Option<usize>> = text_ids.iter().map(|&i| indent_width(src, units.units[i].span)).collect();
    let layout = Layout::learn(&st, &indents, &widths, |k| text_ids.get(k).map_or("", |&i| text(i)));
    let mut joined = 0usize;
    let mut prev: Option<(usize, usize, usize)> = None; // (unit, width, right edge)
    for (k, &i) in text_ids.iter().enumerate() {
        // Noise units since the last text unit, and a blank line before any.
        let first = k.checked_sub(1).and_then(|j| text_ids.get(j)).map_or(0, |&j| j + 1);
        let gap = units.units.get(first..=i).unwrap_or_default().iter().any(|u| u.gap_before);
        let noise = i > first;
        let w = widths.get(k).copied().unwrap_or(0);
        let indent = indents.get(k).copied().flatten();
        let right = layout.right(indent, w);
        if let Some((p, pw, pr)) = prev {
            let (ptext, t) = (text(p), text(i));
            let clause = ends_clause(ptext);
            let full = match layout.margin {
                Some(m) => pr + first_word_width(t, !clause) > m,
                None => st.is_full(pw, ptext),
            };
            // A line at the exact margin with no clause end goes on even
            // into a line that opens with a marker, unless it is a heading
            // of one line itself.
            let runs_on =
                layout.margin.is_some() && !clause && (units.units[p].join == Join::Wrap || !starts_heading(ptext));
            let heading = starts_heading(t) && !runs_on && !cuts_marker(ptext, t);
            let opens = layout.opens_paragraph(indent) || heading || (ends_sentence(ptext) && opens_paragraph(t));
            if full && !opens && (!gap || (noise && !ends_clause(ptext))) {
                units.units[i].join = Join::Wrap;
                joined += 1;
            }
        }
        prev = Some((i, w, right));
    }
    if joined > 0 {
        diags.push(Diagnostic::new(DiagnosticKind::HardWrap, format!("rejoined {joined} hard-wrapped lines"), None));
    }
}

/// True when `text`, after a sentence end, opens a paragraph rather than
/// a sentence of the paragraph before: a dash-led item (`——这是…的五年。`)
/// or an address to the audience (`各位代表！…`).
///
/// ```
/// use jianggao::segment::wrap::opens_paragraph;
/// assert!(opens_paragraph("——这是攻坚克难的五年。"));
/// assert!(opens_paragraph("各位代表！躬逢伟大时代"));
/// assert!(!opens_paragraph("我们何其有幸！"));
/// ```
pub fn opens_paragraph(text: &str) -> bool {
    text.starts_with(['—', '―']) || crate::outline::is_address(text)
}

/// How the lines of a newline-wrapped text stand on the page: the exact
/// right margin, when a typesetter cut the lines at one width, and the
/// paragraph indent, when paragraphs open with one.
///
/// The margin is the most common right edge of the lines in the band of
/// full lines that end no clause; it is exact when at least three in four
/// of those lines end within one CJK character of it (at least 8 lines).
/// The indent is the width of the leading spaces beyond the most common
/// one, from one to four CJK characters; paragraphs open with it when at
/// least 3 lines, and at most half of them, are so indented.
///
/// ```
/// use jianggao::segment::wrap::{Layout, WrapWidth};
/// let st = WrapWidth::learn(&mut vec![40; 12]).unwrap();
/// let widths = [36, 40, 40, 12, 36, 40, 40, 40, 20, 36, 40, 40];
/// let indents = widths.map(|w| Some(if w == 36 { 4 } else { 0 }));
/// let layout = Layout::learn(&st, &indents, &widths, |_| "某某");
/// assert_eq!(layout.margin, Some(40));
/// assert!(layout.opens_paragraph(Some(4)) && !layout.opens_paragraph(Some(0)));
/// assert_eq!(layout.right(Some(4), 36), 40);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The exact right margin, in [`wrap_width`](super::lines::wrap_width)
    /// units from the common left edge.
    pub margin: Option<usize>,
    /// The most common indent: the left edge of most lines.
    pub base: usize,
    /// Paragraphs open with an indent beyond `base`.
    pub indented: bool,
}

impl Layout {
    /// Learns the layout from the indents (`None` where unknown), widths and
    /// texts (`text(k)`) of the text lines of a newline-wrapped text whose
    /// width is `st`.
    pub fn learn<'a>(
        st: &WrapWidth,
        indents: &[Option<usize>],
        widths: &[usize],
        text: impl Fn(usize) -> &'a str,
    ) -> Layout {
        // The most common indent.
        let mut counts = [0usize; 17];
        for &d in indents.iter().flatten() {
            if let Some(c) = counts.get_mut(d) {
                *c += 1;
            }
        }
        let base = (0..counts.len()).max_by_key(|&d| (counts[d], std::cmp::Reverse(d))).unwrap_or(0);
        let n_indented = indents.iter().filter(|&&d| indented_beyond(base, d)).count();
        let indented = n_indented >= 3 && n_indented * 2 <= widths.len();
        let mut layout = Layout { margin: None, base, indented };
        // The right edges of full lines that end no clause.
        let lo = st.full_min;
        let hi = st.width + st.over;
        let mut edges = vec![0usize; hi - lo + 1];
        let mut open = 0usize;
        for (k, &w) in widths.iter().enumerate() {
            let r = layout.right(indents.get(k).copied().flatten(), w);
            if r < lo || r > hi || ends_clause(text(k)) {
                continue;
            }
            open += 1;
            if let Some(c) = edges.get_mut(r - lo) {
                *c += 1;
            }
        }
        let Some(mode) = (0..edges.len()).max_by_key(|&e| (edges[e], e)) else {
            return layout;
        };
        let near: usize =
            edges.get(mode.saturating_sub(2)..=(mode + 2).min(edges.len() - 1)).unwrap_or_default().iter().sum();
        if near >= 8 && near * 4 >= open * 3 {
            layout.margin = Some(lo + mode);
        }
        layout
    }

    /// Where a line of width `w` and indent `indent` ends, counted from the
    /// common left edge.
    pub fn right(&self, indent: Option<usize>, w: usize) -> usize {
        w + indent.map_or(0, |d| d.saturating_sub(self.base))
    }

    /// True when a line of this indent opens a paragraph.
    pub fn opens_paragraph(&self, indent: Option<usize>) -> bool {
        self.indented && indented_beyond(self.base, indent)
    }
}

/// True when `indent` is a paragraph indent beyond the common `base`: one
/// to four CJK characters more.
fn indented_beyond(base: usize, indent: Option<usize>) -> bool {
    indent.is_some_and(|d| d >= base + 2 && d <= base + 8)
}

/// The width of the spaces that stand before `span` on its line, `None`
/// when other text stands there (a piece cut out of the line). Only the
/// spaces themselves are walked, back from `span`.
fn indent_width(src: &str, span: Span) -> Option<usize> {
    let before = src.get(..span.start)?;
    let mut w = 0;
    for c in before.chars().rev() {
        w += match c {
            '\n' | '\r' => return Some(w),
            ' ' => 1,
            '\t' => 4,
            c if crate::normalize::is_invisible(c) => 0,
            c if crate::normalize::is_space(c) => 2,
            _ => return None,
        };
    }
    Some(w)
}

/// The [`wrap_width`](super::lines::wrap_width) of the first unbreakable
/// word of `text`: a run of Latin letters and digits, or one character with
/// the closing punctuation after it (a line never opens with `，` `。` `”`)
/// and, when `open` is set, the opening brackets before it (a line never
/// ends with `“` `《`). After a clause end a typesetter may as well have
/// ended a paragraph there: `open` is then left out, and a line that ends a
/// clause two short of the margin before `“…` ends its paragraph.
///
/// ```
/// use jianggao::segment::wrap::first_word_width;
/// assert_eq!(first_word_width("来，我们", true), 4);
/// assert_eq!(first_word_width("“咖啡”", true), 4);
/// assert_eq!(first_word_width("“咖啡”", false), 2);
/// assert_eq!(first_word_width("Marketing的", true), 9);
/// assert_eq!(first_word_width("", true), 0);
/// ```
pub fn first_word_width(text: &str, open: bool) -> usize {
    let latin = text.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if latin > 0 {
        return latin;
    }
    let mut chars = text.chars().peekable();
    let mut w = 0;
    while let Some(c) = chars.next_if(|&c| is_opening(c)) {
        w += char_width(c);
        if !open {
            return w;
        }
    }
    if let Some(c) = chars.next() {
        w += char_width(c);
    }
    while let Some(c) = chars.next_if(|&c| is_closing(c)) {
        w += char_width(c);
    }
    w
}

fn char_width(c: char) -> usize {
    if c.is_ascii_alphanumeric() || c == ' ' {
        1
    } else {
        2
    }
}

/// Punctuation a line never ends with.
fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '《' | '（' | '(' | '「' | '『' | '【' | '〔' | '[' | '〈')
}

/// Punctuation a line never opens with.
fn is_closing(c: char) -> bool {
    crate::normalize::is_closing_quote(c) || "，。、；：？！,.;:?!】〕]〉…".contains(c)
}

/// True when the last character of `prev` and the opening of `next` read as
/// one marker other than the one `next` opens with: a marker word cut by a
/// wrap (`…第` / `三，存储…` reads `第三，`), so `next` opens no heading.
///
/// ```
/// use jianggao::segment::wrap::cuts_marker;
/// assert!(cuts_marker("没有这么大的能力。第", "三，存储带来的时延。"));
/// assert!(!cuts_marker("要抓好落实。", "三、强化保障"));
/// ```
pub fn cuts_marker(prev: &str, next: &str) -> bool {
    let Some(c) = prev.chars().next_back().filter(|&c| !ends_clause(prev) && !is_closing(c)) else {
        return false;
    };
    let mut s = String::with_capacity(32);
    s.push(c);
    s.extend(next.chars().take(8));
    let own = crate::marker::parse_marker(next).map(|m| m.kind);
    crate::marker::parse_marker(&s).is_some_and(|m| m.len > c.len_utf8() && Some(m.kind) != own)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::is_space;
    use crate::segment::lines::wrap_width;

    /// The tokens of `s` as `(text, spaces after, width)`.
    fn token_texts(s: &str) -> Vec<(&str, usize, usize)> {
        let mut toks = Vec::new();
        tokens(s, Span::new(0, s.len()), &mut toks);
        toks.iter().map(|t| (&s[t.span.range()], t.sep, t.width)).collect()
    }

    #[test]
    fn should_cut_tokens_at_every_kind_of_space() {
        // Each token as `(text, spaces after, width)`.
        type Toks = &'static [(&'static str, usize, usize)];
        let cases: [(&str, Toks); 8] = [
            ("一、总体要求 要抓好落实", &[("一、总体要求", 1, 12), ("要抓好落实", 0, 10)]),
            ("  前导 空格", &[("前导", 1, 4), ("空格", 0, 4)]),
            (
                "甲\u{3000}\u{3000}乙\u{a0}丙\u{200B}丁\u{FEFF}戊\u{2028}己",
                &[("甲", 2, 2), ("乙", 1, 2), ("丙", 1, 2), ("丁", 1, 2), ("戊", 1, 2), ("己", 0, 2)],
            ),
            (
                "Windows 10 系统，“引号”… —— 完",
                &[("Windows", 1, 7), ("10", 1, 2), ("系统，“引号”…", 1, 16), ("——", 1, 4), ("完", 0, 2)],
            ),
            ("尾随空格 ", &[("尾随空格", 1, 8)]),
            ("没有空格", &[("没有空格", 0, 8)]),
            (
                "a\tb\u{0B}c\u{0C}d\re\u{85}f\u{1680}g\u{205F}h\u{2060}i",
                &[
                    ("a", 1, 1),
                    ("b", 1, 1),
                    ("c", 1, 1),
                    ("d", 1, 1),
                    ("e", 1, 1),
                    ("f", 1, 1),
                    ("g", 1, 1),
                    ("h", 1, 1),
                    ("i", 0, 1),
                ],
            ),
            ("", &[]),
        ];
        for (s, want) in cases {
            assert_eq!(token_texts(s), want, "{s:?}");
        }
        // Long runs of ideographs, ending at every offset before a space.
        for k in 0..8 {
            let head = format!("{}{}", "党的建设".repeat(9), "a".repeat(k));
            let s = format!("{head} 尾");
            assert_eq!(token_texts(&s), [(head.as_str(), 1, 72 + k), ("尾", 0, 2)], "{s:?}");
        }
    }

    #[test]
    fn should_find_cjk_edges_as_the_decoded_characters_say() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("a{c}");
            let last = Span::new(0, s.len());
            assert_eq!(ends_cjk(&s, last), is_cjk(c), "{:X}", c as u32);
            let s = format!("{c}a");
            assert_eq!(starts_cjk(&s, Span::new(0, s.len())), is_cjk(c), "{:X}", c as u32);
        }
        assert!(!ends_cjk("", Span::new(0, 0)) && !starts_cjk("", Span::new(0, 0)));
    }

    #[test]
    fn should_measure_only_the_spaces_that_open_a_line_as_its_indent() {
        let at = |src: &str, piece: &str| {
            let start = src.rfind(piece).unwrap();
            indent_width(src, Span::new(start, start + piece.len()))
        };
        assert_eq!(at("甲\n\u{3000}\u{3000}乙", "乙"), Some(4));
        assert_eq!(at("  乙", "乙"), Some(2));
        assert_eq!(at("甲\r\n\t乙", "乙"), Some(4));
        assert_eq!(at("乙", "乙"), Some(0));
        // A piece cut out of a line has text before it.
        assert_eq!(at("甲 乙", "乙"), None);
    }

    #[test]
    fn should_not_take_a_non_title_piece_for_a_title() {
        assert!(is_title_piece("在全市工作会议上的讲话"));
        assert!(!is_title_piece("话"));
        assert!(!is_title_piece("讲话精神"));
        assert!(!is_title_piece("大家的发言，很好的讲话"));
        assert!(!is_title_piece(""));
    }

    #[test]
    fn should_read_spaces_from_bytes_as_is_space_does() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let space = is_space(c);
            let (found, before) = next_space(bytes, 0);
            assert_eq!(found, space.then_some((0, c.len_utf8())), "{:X}", c as u32);
            let width = if space { 0 } else { wrap_width(&c.to_string()) };
            assert_eq!(before, width, "{:X}", c as u32);
        }
    }

    #[test]
    fn should_tell_a_line_holds_a_space_as_is_space_does() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let ch = c.encode_utf8(&mut buf);
            // At the start, across a block edge and in the tail.
            for k in [0, 31, 32, 33, 40] {
                let s = format!("{}{ch}{}", "a".repeat(k), "、".repeat(3));
                assert_eq!(has_space(s.as_bytes()), is_space(c), "{:X} after {k}", c as u32);
            }
        }
        let text = "党“的”—建…设、。《》，a1\u{2030}\u{2061}\u{3001}\u{FEFE}\u{00B7}\u{1681}".repeat(6);
        assert!(!has_space(text.as_bytes()) && !has_space(b""));
        for cut in text.char_indices().map(|(i, _)| i) {
            for sp in ['\u{3000}', ' ', '\u{A0}', '\u{200B}', '\u{FEFF}', '\u{205F}'] {
                let mut s = text.clone();
                s.insert(cut, sp);
                assert!(has_space(s.as_bytes()), "{:X} at {cut}", sp as u32);
            }
        }
    }

    #[test]
    fn should_find_every_kind_of_space_at_every_offset_of_a_run() {
        let spaces = [
            '\t', '\r', '\u{0B}', '\u{0C}', ' ', '\u{85}', '\u{A0}', '\u{AD}', '\u{1680}', '\u{2000}', '\u{200A}',
            '\u{200B}', '\u{200D}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{2060}', '\u{3000}', '\u{FEFF}',
        ];
        // Neighbours that share lead bytes with spaces: quotes, dashes, CJK
        // punctuation, full-width forms, U+00B7.
        let text = "党“的”—建…设、。《》，a1\u{2030}\u{2061}\u{3001}\u{FEFE}\u{00B7}\u{1681}".repeat(6);
        assert_eq!(next_space(text.as_bytes(), 0), (None, wrap_width(&text)));
        for sp in spaces {
            for cut in text.char_indices().map(|(i, _)| i) {
                let mut s = text.clone();
                s.insert(cut, sp);
                let found = next_space(s.as_bytes(), 0);
                assert_eq!(found, (Some((cut, sp.len_utf8())), wrap_width(&text[..cut])), "{:X} at {cut}", sp as u32);
            }
        }
    }
}

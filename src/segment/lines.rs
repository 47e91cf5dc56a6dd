//! Physical lines: the text split at `\n`, `\r\n` or a lone `\r`, with
//! memchr.

use crate::model::NoiseReason;
use crate::span::Span;

/// The spans of the physical lines of `src`, without their line ends: a
/// line ends at `\n`, `\r\n`, or a `\r` alone (old Mac and some rich-text
/// exports).
///
/// ```
/// use jianggao::Span;
/// let lines = jianggao::segment::lines::split("甲\r\n乙\n");
/// assert_eq!(lines, vec![Span::new(0, 3), Span::new(5, 8)]);
/// let lines = jianggao::segment::lines::split("甲\r乙");
/// assert_eq!(lines, vec![Span::new(0, 3), Span::new(4, 7)]);
/// ```
pub fn split(src: &str) -> Vec<Span> {
    let bytes = src.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    for nl in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if nl < start {
            // The `\n` of a `\r\n` already taken.
            continue;
        }
        out.push(Span::new(start, nl));
        start = if bytes[nl] == b'\r' && bytes.get(nl + 1) == Some(&b'\n') { nl + 2 } else { nl + 1 };
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

/// `span` with leading and trailing spaces (any Unicode space, NBSP,
/// ideographic space, zero-width characters) removed.
///
/// ```
/// use jianggao::Span;
/// let src = "\u{3000}\u{3000}一、总体要求 ";
/// let t = jianggao::segment::lines::trim(src, Span::new(0, src.len()));
/// assert_eq!(&src[t.range()], "一、总体要求");
/// ```
pub fn trim(src: &str, span: Span) -> Span {
    if src.get(span.range()).is_none() {
        return span;
    }
    let (start, end) = crate::normalize::trim_range(src, span.start, span.end);
    Span::new(start, end)
}

/// How a [`Unit`] attaches to the unit of text before it.
///
/// ```
/// use jianggao::segment::lines::{Join, Units};
/// let units = Units::from_lines("甲\n乙");
/// assert!(units.units.iter().all(|u| u.join == Join::None));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Join {
    /// The unit starts a new block.
    #[default]
    None,
    /// The unit continues the previous block across a hard wrap: the wrap
    /// space is dropped, except between two Latin letters or digits.
    Wrap,
    /// The unit continues the previous block across a page break: the page
    /// number was cut out and the pieces meet with no space.
    Page,
}

/// A logical line: one physical line, or a run of pieces of a hard-wrapped
/// line that belong to one paragraph or heading.
///
/// A text of very short lines has as many units as lines, so a unit is
/// kept small (40 bytes): its piece indices and its page-number cut are
/// 32-bit, which holds for any text [`crate::segment::segment`] gives the
/// stages ([`MAX_TEXT`] bytes at most).
///
/// ```
/// use jianggao::segment::lines::{Join, Unit};
/// use jianggao::Span;
/// let u = Unit::new(0..1, Span::new(0, 6), false);
/// assert_eq!(u.join, Join::None);
/// assert!(u.noise.is_none());
/// assert!(std::mem::size_of::<Unit>() <= 40);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The unit's pieces, as indices into [`Units::pieces`]. Empty for a
    /// unit of one piece that is its whole `span`, nearly every unit: that
    /// piece is not stored ([`Units::unit_pieces`] gives it).
    pub pieces: std::ops::Range<u32>,
    /// The extent of the unit in the source (trimmed).
    pub span: Span,
    /// A blank line stands between this unit and the one before it.
    pub gap_before: bool,
    /// `Some(reason)` when the whole unit is noise.
    pub noise: Option<NoiseReason>,
    /// How the unit attaches to the text before it.
    pub join: Join,
    /// A page number cut from the start of the unit.
    pub cut: Option<PageCut>,
    /// The unit was rebuilt from the pieces of a hard-wrapped line.
    pub wrapped: bool,
}

/// The longest text whose lines [`Units`] hold: piece indices and cuts
/// are 32-bit. [`crate::segment::segment`] cuts a longer text into parts
/// of at most this many bytes, at line ends.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// A page number cut from the start of a [`Unit`], as 32-bit byte offsets
/// into the source.
///
/// ```
/// use jianggao::segment::lines::PageCut;
/// use jianggao::Span;
/// let cut = PageCut::new(Span::new(10, 14)).unwrap();
/// assert_eq!(cut.span(), Span::new(10, 14));
/// assert!(PageCut::new(Span::new(0, 1 << 33)).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageCut {
    start: u32,
    end: u32,
}

impl PageCut {
    /// The cut of `span`, or `None` when it lies past [`MAX_TEXT`].
    pub fn new(span: Span) -> Option<PageCut> {
        Some(PageCut { start: u32::try_from(span.start).ok()?, end: u32::try_from(span.end).ok()? })
    }

    /// The source span of the cut.
    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

impl Unit {
    /// A unit of text covering `pieces`, spanning `span`.
    ///
    /// ```
    /// let u = jianggao::segment::lines::Unit::new(2..4, jianggao::Span::new(9, 30), true);
    /// assert_eq!(u.pieces, 2..4);
    /// assert!(u.gap_before && !u.wrapped);
    /// ```
    pub fn new(pieces: std::ops::Range<u32>, span: Span, gap_before: bool) -> Unit {
        Unit { pieces, span, gap_before, noise: None, join: Join::None, cut: None, wrapped: false }
    }

    /// True when the unit is text (not noise).
    ///
    /// ```
    /// let mut u = jianggao::segment::lines::Unit::new(0..1, jianggao::Span::new(0, 6), false);
    /// assert!(u.is_text());
    /// u.noise = Some(jianggao::NoiseReason::SiteChrome);
    /// assert!(!u.is_text());
    /// ```
    pub fn is_text(&self) -> bool {
        self.noise.is_none()
    }
}

/// The logical lines of a text and the source pieces they are made of.
///
/// ```
/// let src = "首页\n\n一、总体要求";
/// let units = jianggao::segment::lines::Units::from_lines(src);
/// assert_eq!(units.units.len(), 2);
/// assert!(units.units[1].gap_before);
/// assert_eq!(units.text(src, 1), "一、总体要求");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Units {
    /// Source pieces (trimmed, non-empty), in order.
    pub pieces: Vec<Span>,
    /// The logical lines, in order.
    pub units: Vec<Unit>,
    /// No piece holds an invisible character (zero-width space, BOM, soft
    /// hyphen): known when every space inside a line was looked at.
    pub(crate) clean: bool,
    /// Footnote references (`[1]`) were cut out of the lines: a line opening
    /// with `[1]` is then a footnote body wherever it stands.
    pub(crate) footnote_refs: bool,
}

impl Units {
    /// True when a blank line stands before nearly every line (nine in ten
    /// of eight lines or more): the text puts a blank line after every
    /// paragraph, as copies from web pages and chat apps do, so a blank line
    /// does not tell where a paragraph or sentence ends.
    ///
    /// ```
    /// use jianggao::segment::lines::Units;
    /// assert!(Units::from_lines(&"甲。\n\n".repeat(8)).blank_spaced());
    /// assert!(!Units::from_lines(&"甲。\n".repeat(8)).blank_spaced());
    /// ```
    pub fn blank_spaced(&self) -> bool {
        let n = self.units.len();
        n >= 8 && self.units.iter().skip(1).filter(|u| u.gap_before).count() * 10 >= (n - 1) * 9
    }

    /// One unit per non-blank physical line of `src`.
    ///
    /// ```
    /// let units = jianggao::segment::lines::Units::from_lines("甲\n\n乙\n");
    /// assert_eq!(units.units.len(), 2);
    /// ```
    pub fn from_lines(src: &str) -> Units {
        let mut out = Units::default();
        let mut gap = false;
        for l in split(src) {
            let t = trim(src, l);
            if t.is_empty() {
                gap = true;
                continue;
            }
            out.push_unit(t, std::slice::from_ref(&t), gap);
            gap = false;
        }
        out
    }

    /// Appends a unit made of `pieces` (spans of the source), covering `span`.
    /// A unit that is one piece equal to `span` stores none. The text must
    /// be at most [`MAX_TEXT`] bytes long: past `u32::MAX` pieces the
    /// indices would not fit, and the unit would stand for its span alone.
    ///
    /// ```
    /// use jianggao::Span;
    /// let src = "三 是要";
    /// let mut units = jianggao::segment::lines::Units::default();
    /// units.push_unit(Span::new(0, 10), &[Span::new(0, 3), Span::new(4, 10)], false);
    /// assert_eq!(units.text(src, 0), "三是要");
    /// ```
    pub fn push_unit(&mut self, span: Span, pieces: &[Span], gap_before: bool) -> &mut Unit {
        let start = self.pieces.len();
        // A unit that is one piece keeps it as its span.
        if pieces != [span] {
            self.pieces.extend_from_slice(pieces);
        }
        let range = match (u32::try_from(start), u32::try_from(self.pieces.len())) {
            (Ok(a), Ok(b)) => a..b,
            _ => 0..0,
        };
        let u = Unit::new(range, span, gap_before);
        self.units.push(u);
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    /// The pieces of unit `i` (empty when there is no such unit): its span
    /// alone when it stores none.
    ///
    /// ```
    /// let units = jianggao::segment::lines::Units::from_lines("甲");
    /// assert_eq!(units.unit_pieces(0), &[jianggao::Span::new(0, 3)]);
    /// assert!(units.pieces.is_empty());
    /// assert!(units.unit_pieces(5).is_empty());
    /// ```
    pub fn unit_pieces(&self, i: usize) -> &[Span] {
        let Some(u) = self.units.get(i) else {
            return &[];
        };
        if u.pieces.is_empty() {
            return std::slice::from_ref(&u.span);
        }
        self.pieces.get(u.pieces.start as usize..u.pieces.end as usize).unwrap_or(&[])
    }

    /// The cleaned text of unit `i`: its pieces joined by the wrap rule (see
    /// [`junction`]).
    ///
    /// ```
    /// let src = "\u{3000}一、总体要求 ";
    /// let units = jianggao::segment::lines::Units::from_lines(src);
    /// assert_eq!(units.text(src, 0), "一、总体要求");
    /// ```
    pub fn text<'a>(&self, src: &'a str, i: usize) -> std::borrow::Cow<'a, str> {
        let pieces = self.unit_pieces(i);
        match pieces {
            [] => std::borrow::Cow::Borrowed(""),
            [one] => std::borrow::Cow::Borrowed(src.get(one.range()).unwrap_or_default()),
            _ => {
                let cap = pieces.last().map_or(0, |l| l.end).saturating_sub(pieces.first().map_or(0, |f| f.start));
                let mut s = String::with_capacity(cap);
                let mut prev: Option<Span> = None;
                for &p in pieces {
                    if let Some(j) = prev.and_then(|a| junction(src, a, p)) {
                        s.push_str(src.get(j.range()).unwrap_or_default());
                    }
                    s.push_str(src.get(p.range()).unwrap_or_default());
                    prev = Some(p);
                }
                std::borrow::Cow::Owned(s)
            }
        }
    }
}

/// The cleaned text of a unit ([`Units::text`]) with its length in
/// characters, computed once for the stages that read every unit.
pub(crate) struct UnitText<'a> {
    pub(crate) text: std::borrow::Cow<'a, str>,
    pub(crate) chars: usize,
}

impl Units {
    /// The cleaned texts of all units, in order, with their lengths.
    pub(crate) fn texts<'a>(&self, src: &'a str) -> Vec<UnitText<'a>> {
        (0..self.units.len())
            .map(|i| {
                let text = self.text(src, i);
                let chars = text.chars().count();
                UnitText { text, chars }
            })
            .collect()
    }
}

/// The space to keep where a wrap joins piece `a` to piece `b`: the first
/// space after `a` when both sides are ASCII letters or digits (`Windows 10`),
/// `None` when the wrap space is dropped (between CJK characters, or CJK and
/// Latin: `300多万`).
///
/// ```
/// use jianggao::Span;
/// use jianggao::segment::lines::junction;
/// let src = "Windows 10";
/// assert_eq!(junction(src, Span::new(0, 7), Span::new(8, 10)), Some(Span::new(7, 8)));
/// let src = "三 是";
/// assert_eq!(junction(src, Span::new(0, 3), Span::new(4, 7)), None);
/// ```
pub fn junction(src: &str, a: Span, b: Span) -> Option<Span> {
    // An ASCII byte is a whole character: the last character of `a` and the
    // first of `b` are ASCII letters or digits exactly when their edge bytes
    // are. Most pieces start otherwise: that byte is looked at first.
    if !src.as_bytes().get(b.start).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let last = *src.get(a.range())?.as_bytes().last()?;
    let first = *src.get(b.range())?.as_bytes().first()?;
    if !(last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric()) {
        return None;
    }
    let sp = src.get(a.end..b.start)?.chars().next()?;
    (sp == ' ' || sp == '\u{3000}' || sp == '\u{a0}').then(|| Span::new(a.end, a.end + sp.len_utf8()))
}

/// Width of a piece for hard-wrap statistics: ASCII letters, digits and
/// spaces count 1, every other character 2. ASCII punctuation counts 2
/// because PDF extraction turns full-width marks (`，` `：` `（`) into ASCII
/// while their printed width stays that of a CJK character.
///
/// ```
/// assert_eq!(jianggao::segment::lines::wrap_width("党,a1"), 6);
/// ```
pub fn wrap_width(s: &str) -> usize {
    wrap_width_counted(s, s.chars().count())
}

/// [`wrap_width`] of `s`, which is `chars` characters long.
pub(crate) fn wrap_width_counted(s: &str, chars: usize) -> usize {
    // Every character counts 2, less 1 for each narrow one (all ASCII).
    2 * chars - narrow_count(s)
}

/// The number of ASCII letters, digits and spaces in `s`: a branch-free
/// count in chunks small enough for byte counters, which compiles to vector
/// code.
fn narrow_count(s: &str) -> usize {
    let narrow = |b: u8| {
        u8::from((b | 0x20).wrapping_sub(b'a') < 26) | u8::from(b.wrapping_sub(b'0') < 10) | u8::from(b == b' ')
    };
    let count = |c: &[u8]| usize::from(c.iter().fold(0u8, |n, &b| n.wrapping_add(narrow(b))));
    let chunks = s.as_bytes().chunks_exact(64);
    let tail = count(chunks.remainder());
    chunks.map(count).sum::<usize>() + tail
}

/// The last character of `s` that is not a closing quote or bracket.
///
/// ```
/// assert_eq!(jianggao::segment::lines::last_significant("好。”"), Some('。'));
/// ```
pub fn last_significant(s: &str) -> Option<char> {
    s.chars().rev().find(|&c| !crate::normalize::is_closing_quote(c))
}

/// True when `s` ends with a sentence end (`。！？；`, as
/// [`crate::normalize::is_sentence_end`]), possibly followed by closing
/// quotes.
///
/// ```
/// use jianggao::segment::lines::ends_sentence;
/// assert!(ends_sentence("谢谢大家！"));
/// assert!(!ends_sentence("给了好处"));
/// ```
pub fn ends_sentence(s: &str) -> bool {
    match last_byte_class(s) {
        LastByte::Ascii(b) => matches!(b, b'!' | b'?' | b';'),
        LastByte::Ideograph => false,
        LastByte::Other => last_significant(s).is_some_and(crate::normalize::is_sentence_end),
    }
}

/// What the last bytes of a text tell about its last character without
/// decoding it.
enum LastByte {
    /// An ASCII character that is not a closing quote or bracket.
    Ascii(u8),
    /// An ideograph of U+4000…U+9FFF: neither a closing quote nor a
    /// sentence or clause end.
    Ideograph,
    /// Anything else: the characters must be looked at.
    Other,
}

fn last_byte_class(s: &str) -> LastByte {
    match s.as_bytes() {
        // An ASCII byte is a whole character.
        [.., b] if b.is_ascii() && !matches!(b, b'"' | b'\'' | b')') => LastByte::Ascii(*b),
        // A lead byte three from the end starts the last character.
        [.., 0xE4..=0xE9, _, _] => LastByte::Ideograph,
        _ => LastByte::Other,
    }
}

/// True when `s` ends with a sentence end or a colon.
///
/// ```
/// assert!(jianggao::segment::lines::ends_clause("同志们："));
/// ```
pub fn ends_clause(s: &str) -> bool {
    match last_byte_class(s) {
        LastByte::Ascii(b) => matches!(b, b'!' | b'?' | b';' | b':'),
        LastByte::Ideograph => false,
        LastByte::Other => last_significant(s).is_some_and(crate::normalize::is_clause_end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_not_keep_a_junction_space_next_to_a_cjk_character() {
        let src = "第3 页";
        assert_eq!(junction(src, Span::new(0, 4), Span::new(5, 8)), None);
        let src = "页 3";
        assert_eq!(junction(src, Span::new(0, 3), Span::new(4, 5)), None);
        let src = "v2\u{3000}b";
        assert_eq!(junction(src, Span::new(0, 2), Span::new(5, 6)), Some(Span::new(2, 5)));
    }

    #[test]
    fn should_give_each_unit_its_text_and_length() {
        let src = "首页\n\nWindows 10 系统";
        let mut units = Units::default();
        units.push_unit(Span::new(0, 6), &[Span::new(0, 6)], false);
        units.push_unit(Span::new(8, 25), &[Span::new(8, 15), Span::new(16, 18), Span::new(19, 25)], true);
        let texts = units.texts(src);
        assert_eq!(texts.len(), 2);
        assert_eq!((texts[0].text.as_ref(), texts[0].chars), ("首页", 2));
        assert_eq!((texts[1].text.as_ref(), texts[1].chars), ("Windows 10系统", 12));
    }
}

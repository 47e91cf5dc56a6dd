//! Outline markers: one nom parser per family, combined by [`parse_marker`],
//! and the scanner [`scan`] that finds candidates at block starts and inline
//! after a sentence end or a colon.
//!
//! ```text
//! marker := cn_paren | arabic_paren | arabic_dot | circled
//!         | cn_dun | cn_shi | ge_shi | fang_mian
//!         | di | qi | sequence | pian | capital_dun
//! ```
//!
//! The alternation is dispatched on the first character (`一` can only open
//! `cn_dun | cn_shi | ge_shi | fang_mian`, `(` only `cn_paren |
//! arabic_paren`, …), so a failed attempt costs one or two sub-parsers. No
//! nom error leaves [`parse_marker`], and nothing is allocated.
//!
//! [`scan`] finds where to ask: the start of the block (after leading
//! spaces), and right after `。！？；：` / `! ? ; :` / `…`, past closing
//! quotes (`” 」 』 ’`) and spaces. A half-width colon after a digit is a
//! time (`13:45`), not a clause end.
//!
//! Each family has its own module, which opens with its rule, real examples
//! and the reasons for its refusals; `grammar-notes/` writes the whole
//! grammar up. The grammar answers "is there a marker at the very start of
//! this text?"; whether a candidate really opens an item, and at what level,
//! is decided by the outline stage from position and sequence.

mod arabic;
mod circled;
mod di;
mod dun;
mod lex;
pub mod numeral;
mod paren;
mod pian;
mod shi;
mod words;

use crate::model::MarkerKind;

/// A marker recognised at the start of some input.
///
/// ```
/// let m = jianggao::marker::parse_marker("一、总体要求").unwrap();
/// assert_eq!((m.kind, m.ordinal, m.len), (jianggao::MarkerKind::CnDun, 1, 6));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkerMatch {
    /// The family.
    pub kind: MarkerKind,
    /// The 1-based ordinal; 0 for `最后` ("the last"), which the outline
    /// resolves from its list.
    pub ordinal: u32,
    /// Bytes taken by the marker, with its trailing punctuation and spaces.
    pub len: usize,
}

/// Where a candidate stands in its block.
///
/// ```
/// use jianggao::marker::{scan, Position};
/// assert_eq!(scan("一、总体要求")[0].position, Position::BlockStart);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    /// At the start of the block (a heading line, or a paragraph opening).
    BlockStart,
    /// Inside the block, after a sentence end or a colon.
    Inline,
}

/// A marker candidate inside a block's cleaned text.
///
/// ```
/// use jianggao::marker::scan;
/// let c = scan("要把好四关：一是要把好初始关。");
/// assert_eq!(c[0].offset, "要把好四关：".len());
/// assert_eq!(c[0].m.ordinal, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Byte offset of the marker in the block text.
    pub offset: usize,
    /// Block start or inline.
    pub position: Position,
    /// What was recognised.
    pub m: MarkerMatch,
}

/// A family parser: the remaining input, the family and the ordinal.
type Family = fn(&str) -> lex::R<'_, (MarkerKind, u32)>;

/// The families that may open with `c`, tried in order; `&[]` for a
/// character that opens no marker. Dispatching on the first character keeps
/// a failed attempt to one or two sub-parsers.
fn families(c: char) -> &'static [Family] {
    match c {
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => {
            &[dun::cn_dun, shi::cn_shi, words::ge_shi, words::fang_mian]
        }
        '另' => &[words::ge_shi, words::fang_mian],
        '再' => &[words::ge_shi, words::sequence],
        '其' => &[words::qi, words::sequence],
        '首' | '最' | '接' => &[words::sequence],
        '第' => &[di::di],
        '篇' => &[pian::pian],
        '(' | '（' => &[paren::cn_paren, paren::arabic_paren],
        '〔' | '【' | '[' | '［' | '\u{3220}'..='\u{3229}' => &[paren::cn_paren],
        '0'..='9' | '０'..='９' => &[paren::arabic_paren, arabic::arabic_dot],
        '\u{2474}'..='\u{2487}' => &[paren::arabic_paren],
        '\u{2488}'..='\u{249B}' => &[arabic::arabic_dot],
        '\u{2460}'..='\u{2473}'
        | '\u{24EB}'..='\u{24FE}'
        | '\u{2776}'..='\u{2793}'
        | '\u{3251}'..='\u{325F}'
        | '\u{3280}'..='\u{3289}'
        | '\u{32B1}'..='\u{32BF}' => &[circled::circled],
        '拾' => &[dun::capital_dun],
        _ if numeral::capital_digit(c).is_some() => &[dun::capital_dun],
        _ => &[],
    }
}

/// Parses one marker at the very start of `input`, or `None`.
///
/// ```
/// use jianggao::marker::parse_marker;
/// use jianggao::MarkerKind;
/// let m = parse_marker("二是要在感情上贴近群众").unwrap();
/// assert_eq!((m.kind, m.ordinal, m.len), (MarkerKind::CnShi, 2, "二是".len()));
/// let m = parse_marker("(一)是持续深化理论武装").unwrap();
/// assert_eq!((m.kind, m.ordinal, m.len), (MarkerKind::CnParen, 1, "(一)是".len()));
/// assert!(parse_marker("第一次").is_none());
/// assert!(parse_marker("1.5倍").is_none());
/// ```
pub fn parse_marker(input: &str) -> Option<MarkerMatch> {
    let list = families(input.chars().next()?);
    let (rest, (kind, ordinal)) = list.iter().find_map(|f| f(input).ok())?;
    Some(MarkerMatch { kind, ordinal, len: input.len() - rest.len() })
}

/// True for the *heading families*: the markers that may open a heading
/// line of their own (`一、` `(一)` `1.` `(1)` `①` `第一` `篇一` `壹、`). The
/// word markers (`一是` `一个是` `其一` `首先` `一方面`) only ever open an
/// item inside running text. Every stage that asks whether a marker heads
/// a line asks this.
///
/// ```
/// use jianggao::marker::heading_family;
/// use jianggao::MarkerKind;
/// assert!(heading_family(MarkerKind::CnDun));
/// assert!(!heading_family(MarkerKind::CnShi));
/// ```
pub fn heading_family(kind: MarkerKind) -> bool {
    !matches!(
        kind,
        MarkerKind::CnShi | MarkerKind::GeShi | MarkerKind::Qi | MarkerKind::Sequence | MarkerKind::FangMian
    )
}

/// The marker at the start of `text` after any leading spaces, its length
/// counted from the start of `text`.
///
/// ```
/// let m = jianggao::marker::leading_marker("  篇二：讲话").unwrap();
/// assert_eq!((m.kind, m.ordinal, m.len), (jianggao::MarkerKind::Pian, 2, "  篇二：".len()));
/// ```
pub fn leading_marker(text: &str) -> Option<MarkerMatch> {
    let t = text.trim_start_matches(crate::normalize::is_space);
    let lead = text.len() - t.len();
    parse_marker(t).map(|m| MarkerMatch { len: lead + m.len, ..m })
}

/// True for what may stand between a clause end and an inline marker:
/// closing quotes and brackets ([`crate::normalize::is_closing_quote`]) and
/// spaces.
fn is_skippable(c: char) -> bool {
    crate::normalize::is_closing_quote(c) || crate::normalize::is_space(c)
}

/// The byte length of the clause end encoded at `i`, if any: one of the
/// characters after which an inline marker may stand, `。！？；：`,
/// `! ? ; :` and `…` (compared as bytes: no decoding).
fn clause_end_at(bytes: &[u8], i: usize) -> Option<usize> {
    crate::normalize::sentence_end_len(bytes, i).or(match bytes.get(i..).unwrap_or_default() {
        [b':', ..] => Some(1),
        // ： and …
        [0xEF, 0xBC, 0x9A, ..] | [0xE2, 0x80, 0xA6, ..] => Some(3),
        _ => None,
    })
}

/// A clause end after which an inline marker may stand: a sentence or
/// clause end ([`crate::normalize::is_clause_end`]) or `…`.
const fn is_marker_clause_end(c: char) -> bool {
    crate::normalize::is_clause_end(c) || c == '…'
}

/// Per lead byte: the length of its character (low bits) and whether a
/// clause end may start there (bit 7), built from [`is_marker_clause_end`].
static LEAD: [u8; 256] = lead_table();

const fn lead_table() -> [u8; 256] {
    let ends = crate::normalize::lead_bytes!(is_marker_clause_end);
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let len = match b {
            0..0xC0 => 1,
            0xC0..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        let maybe_end = ends[b];
        t[b] = len | if maybe_end { 0x80 } else { 0 };
        b += 1;
    }
    t
}

/// The length of the character whose lead byte is `b` (1 for a
/// continuation byte).
pub(crate) fn char_len(b: u8) -> usize {
    usize::from(LEAD[usize::from(b)] & 0x0F)
}

/// The offset of the first character at or after `i` (a character
/// boundary) where a clause end may start, stepping a character at a time
/// by its lead byte; `bytes.len()` when there is none.
pub(crate) fn next_maybe_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        let class = LEAD[usize::from(b)];
        if class & 0x80 != 0 {
            return i;
        }
        i += usize::from(class & 0x0F);
    }
    bytes.len()
}

/// Finds every marker candidate in a block's cleaned `text`: at the start
/// (after leading spaces), and inline after a sentence end or a colon
/// (optionally followed by closing quotes and spaces).
///
/// The text is walked once, a character at a time (a table of lead bytes
/// tells where a clause end may start); nom runs only after the clause
/// ends, so the cost is linear in the text.
///
/// ```
/// use jianggao::marker::{scan, Position};
/// use jianggao::MarkerKind;
/// let c = scan("重点要把好四关：一是要把好初始关。对“第一次”要有防范之心。二是要把好朋友关。");
/// assert_eq!(c.len(), 2);
/// assert_eq!((c[0].m.kind, c[0].m.ordinal, c[0].position), (MarkerKind::CnShi, 1, Position::Inline));
/// assert_eq!(c[1].m.ordinal, 2);
/// ```
pub fn scan(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let start = text.len() - text.trim_start_matches(crate::normalize::is_space).len();
    if let Some(m) = text.get(start..).and_then(parse_marker) {
        out.push(Candidate { offset: start, position: Position::BlockStart, m });
    }
    let bytes = text.as_bytes();
    let mut last_tried = start;
    let mut i = 0;
    loop {
        let at = next_maybe_end(bytes, i);
        let Some(&b) = bytes.get(at) else {
            break;
        };
        i = at + char_len(b);
        let Some(len) = clause_end_at(bytes, at) else {
            continue;
        };
        // A time such as `13:45` is not a clause end.
        if b == b':' && at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let mut j = at + len;
        if let Some(rest) = text.get(j..) {
            j += rest.len() - rest.trim_start_matches(is_skippable).len();
        }
        if j <= last_tried || j >= text.len() {
            continue;
        }
        last_tried = j;
        if let Some(m) = text.get(j..).and_then(parse_marker) {
            out.push(Candidate { offset: j, position: Position::Inline, m });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_should_find_inline_markers_after_every_clause_end() {
        let text = "甲。一是乙！二是丙？三是丁；四是戊：五是己…六是庚!七是辛?八是壬;九是癸:十是止";
        let ordinals: Vec<u32> = scan(text).iter().map(|c| c.m.ordinal).collect();
        assert_eq!(ordinals, (1..=10).collect::<Vec<_>>());
    }

    #[test]
    fn scan_should_not_treat_commas_quotes_or_times_as_clause_ends() {
        assert!(scan("甲，一是乙、二是丙“三是丁”《四是》13:5是").is_empty());
        assert!(scan("时间13:1.会议").is_empty());
        assert_eq!(scan("时间:1.会议").len(), 1);
    }
}

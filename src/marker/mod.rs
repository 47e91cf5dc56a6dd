//! Outline markers: one nom parser per family, combined by [`parse_marker`],
//! and the scanner [`scan`] that finds candidates at block starts and inline
//! after a sentence end or a colon.
//!
//! The grammar, with real examples and the reason for each rule, is written
//! up in `grammar-notes/`.

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    /// At the start of the block (a heading line, or a paragraph opening).
    BlockStart,
    /// Inside the block, after a sentence end or a colon.
    Inline,
}

/// A marker candidate inside a block's cleaned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Byte offset of the marker in the block text.
    pub offset: usize,
    /// Block start or inline.
    pub position: Position,
    /// What was recognised.
    pub m: MarkerMatch,
}

/// Parses one marker at the very start of `input`, or `None`.
///
/// ```
/// use jianggao::marker::parse_marker;
/// assert!(parse_marker("二是要在感情上贴近群众").is_some());
/// assert!(parse_marker("第一次").is_none());
/// ```
pub fn parse_marker(input: &str) -> Option<MarkerMatch> {
    let (kind, ordinal, digits) = cn_numeral(input)?;
    let rest = &input[digits..];
    for (suffix, kind2) in [("、", MarkerKind::CnDun), ("是", MarkerKind::CnShi)] {
        if let Some(r) = rest.strip_prefix(suffix) {
            let _ = kind;
            return Some(MarkerMatch {
                kind: kind2,
                ordinal,
                len: input.len() - r.len(),
            });
        }
    }
    None
}

fn cn_numeral(input: &str) -> Option<((), u32, usize)> {
    let c = input.chars().next()?;
    let n = "一二三四五六七八九十".chars().position(|d| d == c)? as u32 + 1;
    Some(((), n, c.len_utf8()))
}

/// Finds every marker candidate in a block's cleaned `text`: at the start,
/// and inline after a sentence end or a colon.
///
/// ```
/// use jianggao::marker::{scan, Position};
/// let c = scan("重点要把好四关：一是要把好初始关。二是要把好朋友关。");
/// assert_eq!(c.len(), 2);
/// assert_eq!(c[0].position, Position::Inline);
/// ```
pub fn scan(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut at_start = true;
    let mut after_end = false;
    for (i, c) in text.char_indices() {
        if at_start || after_end {
            if let Some(m) = parse_marker(&text[i..]) {
                let position = if at_start {
                    Position::BlockStart
                } else {
                    Position::Inline
                };
                out.push(Candidate {
                    offset: i,
                    position,
                    m,
                });
            }
        }
        at_start = false;
        after_end = crate::normalize::is_clause_end(c);
    }
    out
}

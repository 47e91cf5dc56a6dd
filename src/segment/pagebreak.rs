//! Page-break repair: document-sharing previews print each page's number
//! (`2、` `3.`) at the start of the page's text, cutting sentences and even
//! words in half (`…给` / `2、了好处乱办事`).
//!
//! A line starting with `N、` or `N.` is a page number when N continues a
//! page sequence 1, 2, 3 … across the text, and the sequence is confirmed by
//! its breaks: most of its numbers follow a long text that stops without a
//! sentence end. Such a number is cut out as `page_number` noise and its line
//! is joined onto the previous block when the sentence was cut. Real outline
//! markers (`1、` after a sentence end, short list items) stay.

use super::lines::{ends_clause, Join, PageCut, UnitText, Units};
use crate::hash::FxHashMap;
use crate::model::{Diagnostic, DiagnosticKind, MarkerKind};
use crate::span::Span;

/// A text block shorter than this (in characters) is not a page.
const MIN_PAGE_CHARS: usize = 60;
/// A page that starts after a sentence end is still a page when its line is
/// at least this long; a heading is shorter.
const PAGE_LINE_CHARS: usize = 100;

/// The number and the span of a leading `N、` / `N.` / `N．` of `text`
/// (which starts at source offset `at`), when text follows it: an
/// `ArabicDot` marker of the grammar.
///
/// ```
/// use jianggao::segment::pagebreak::leading_number;
/// use jianggao::Span;
/// assert_eq!(leading_number("2、了好处", 10), Some((2, Span::new(10, 14))));
/// assert_eq!(leading_number("2.5亿元", 0), None);
/// assert_eq!(leading_number("一、总体要求", 0), None);
/// ```
pub fn leading_number(text: &str, at: usize) -> Option<(u32, Span)> {
    // The marker grammar reads the number (`ArabicDot`); a page number is
    // closed by `、` or a dot, not a comma, and text follows it. Only a
    // digit opens that marker: most lines are settled by their first char.
    if !text.chars().next().is_some_and(opens_arabic_dot) {
        return None;
    }
    let m = crate::marker::parse_marker(text).filter(|m| m.kind == MarkerKind::ArabicDot)?;
    let number = text.get(..m.len)?.trim_end_matches(crate::normalize::is_space);
    let follows = text.get(m.len..).is_some_and(|r| !r.trim_start_matches(crate::normalize::is_space).is_empty());
    (follows && number.ends_with(['、', '.', '．'])).then(|| (m.ordinal, Span::new(at, at + number.len())))
}

/// True for a char that may open an `ArabicDot` marker: a half- or
/// full-width digit, or one of `⒈`…`⒛`.
fn opens_arabic_dot(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９' | '\u{2488}'..='\u{249B}')
}

/// True when `text`, the block after `prev`, opens with a page number
/// ([`leading_number`]) that cuts a sentence: `prev` is long enough to be
/// a page, stops without a clause end and is not a heading line. The
/// repair cuts such numbers when they form a sequence; the outline stage
/// asks this for a lone one.
///
/// ```
/// use jianggao::segment::pagebreak::is_page_number;
/// let page = "很长的一页".repeat(15);
/// assert!(is_page_number(&format!("{page}给"), "2、了好处"));
/// assert!(!is_page_number(&format!("{page}。"), "2、加强学习"));
/// ```
pub fn is_page_number(prev: &str, text: &str) -> bool {
    if leading_number(text, 0).is_none() || ends_clause(prev) {
        return false;
    }
    let chars = prev.chars().count();
    chars >= MIN_PAGE_CHARS && !(chars < PAGE_LINE_CHARS && crate::meta::title::starts_with_marker(prev))
}

struct Candidate {
    unit: usize,
    number: u32,
    prefix: Span,
    /// The text before stops mid-sentence, in a block long enough to be a page.
    cuts: bool,
    chars: usize,
    /// The text before is a heading line (`五、…`): a `1、` there opens its
    /// points, not a page.
    after_heading: bool,
}

/// Finds page-number sequences among the units and repairs them: cuts the
/// numbers (`unit.cut`) and marks the units that continue a cut sentence
/// with [`Join::Page`].
///
/// ```
/// let page = "这一页的文字很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长";
/// let src = format!("标题\n1、{page}给\n\n2、了好处{page}要\n\n3、继续{page}。");
/// let mut units = jianggao::segment::lines::Units::from_lines(&src);
/// let mut diags = Vec::new();
/// jianggao::segment::pagebreak::repair(&src, &mut units, &mut diags);
/// use jianggao::segment::lines::Join;
/// assert!(units.units[1].cut.is_some() && units.units[1].join == Join::None);
/// assert_eq!(units.units[2].join, Join::Page);
/// assert_eq!(units.units[3].join, Join::Page);
/// ```
pub fn repair(src: &str, units: &mut Units, diags: &mut Vec<Diagnostic>) {
    let texts = units.texts(src);
    repair_texts(src, units, &texts, diags);
}

/// [`repair`] with the units' texts ([`Units::texts`]) at hand.
pub(crate) fn repair_texts(src: &str, units: &mut Units, texts: &[UnitText<'_>], diags: &mut Vec<Diagnostic>) {
    let mut cands: Vec<Candidate> = Vec::new();
    let mut block_chars = 0usize;
    let mut prev: Option<(bool, usize)> = None; // (ends clause, block chars)
                                                // The text of the previous text unit when it may be a heading line (a
                                                // short line of its own); whether it opens with a marker is asked only
                                                // when a number follows it.
    let mut prev_short: Option<&str> = None;
    for i in 0..units.units.len() {
        let Some(u) = units.units.get(i) else {
            continue;
        };
        if !u.is_text() {
            continue;
        }
        let Some(UnitText { text, chars }) = texts.get(i) else {
            continue;
        };
        let (text, chars) = (text.as_ref(), *chars);
        if u.join == Join::None {
            let start = units.unit_pieces(i).first().map_or(u.span.start, |p| p.start);
            if let Some((number, prefix)) = leading_number(text, start) {
                let cuts = prev.is_some_and(|(ends, len)| !ends && len >= MIN_PAGE_CHARS);
                let after_heading = prev_short.is_some_and(crate::meta::title::starts_with_marker);
                cands.push(Candidate { unit: i, number, prefix, cuts, chars, after_heading });
            }
            block_chars = chars;
        } else {
            block_chars += chars;
        }
        prev = Some((ends_clause(text), block_chars));
        prev_short = (u.join == Join::None && chars < PAGE_LINE_CHARS).then_some(text);
    }
    // Chains of consecutive numbers starting at 1.
    let mut chains: Vec<Vec<usize>> = Vec::new();
    let mut expecting: FxHashMap<u32, usize> = FxHashMap::default();
    for (k, c) in cands.iter().enumerate() {
        if let Some(ch) = expecting.remove(&c.number) {
            if let Some(chain) = chains.get_mut(ch) {
                chain.push(k);
                expecting.insert(c.number + 1, ch);
            }
        } else if c.number == 1 && !c.after_heading {
            chains.push(vec![k]);
            expecting.insert(2, chains.len() - 1);
        } else if c.cuts {
            // A number that cuts a sentence takes the place of an earlier
            // member with the same number that did not (`2."…讲稿` in a table
            // of contents before the real page `2、`).
            for chain in chains.iter_mut().filter(|ch| ch.len() >= 2) {
                let Some(last) = chain.last_mut() else { continue };
                if cands.get(*last).is_some_and(|l| l.number == c.number && !l.cuts) {
                    *last = k;
                    break;
                }
            }
        }
    }
    let mut joined = 0usize;
    for chain in chains.iter().filter(|ch| ch.len() >= 2) {
        let later = chain.len() - 1;
        let cutting = chain.iter().skip(1).filter(|&&k| cands.get(k).is_some_and(|c| c.cuts)).count();
        if cutting == 0 || cutting * 2 < later {
            continue;
        }
        for (pos, &k) in chain.iter().enumerate() {
            let Some(c) = cands.get(k) else { continue };
            let join = if c.cuts && pos > 0 {
                Join::Page
            } else if pos == 0 || c.chars >= PAGE_LINE_CHARS {
                Join::None
            } else {
                continue;
            };
            cut_prefix(src, units, c.unit, c.prefix, join);
            if join == Join::Page {
                joined += 1;
            }
        }
    }
    if joined > 0 {
        diags.push(Diagnostic::new(
            DiagnosticKind::PageBreak,
            format!("rejoined {joined} sentences cut by page-break numbers"),
            None,
        ));
    }
}

fn cut_prefix(src: &str, units: &mut Units, unit: usize, prefix: Span, join: Join) {
    let (Some(u), Some(cut)) = (units.units.get_mut(unit), PageCut::new(prefix)) else {
        return;
    };
    u.cut = Some(cut);
    u.join = join;
    if u.pieces.is_empty() {
        // The unit is its one piece.
        let rest = super::lines::trim(src, Span::new(prefix.end, u.span.end));
        u.span = rest;
    } else if let Some(p) = units.pieces.get_mut(u.pieces.start as usize) {
        let rest = super::lines::trim(src, Span::new(prefix.end, p.end));
        *p = rest;
        u.span.start = rest.start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_digit_should_open_an_arabic_dot_marker() {
        let texts = [
            "2、了好处",
            "１．加强学习",
            "⒉要求",
            "3，",
            "一、总体要求",
            "（一）学习",
            "(1)要求",
            "⑴要求",
            "①要求",
            "第一，",
            "**1、**加强",
            " 2、了好处",
            "　2、了好处",
            "篇一",
            "壹、",
            "其一",
            "首先，",
            "一是",
            "2.5亿元",
        ];
        for t in texts {
            let arabic = crate::marker::parse_marker(t).is_some_and(|m| m.kind == MarkerKind::ArabicDot);
            assert_eq!(arabic, t.chars().next().is_some_and(opens_arabic_dot) && arabic, "{t}");
        }
        assert_eq!(leading_number("１．加强学习", 0).map(|(n, _)| n), Some(1));
        assert_eq!(leading_number("（2）要求", 0), None);
    }
}

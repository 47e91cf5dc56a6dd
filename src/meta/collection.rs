//! Collections: several speeches in one file, marked by `篇一` / `篇二`, and
//! announced by a table of contents (`目录` followed by short entries with
//! page numbers).

use super::text::{chars, has_stop, ByKey};
use crate::model::MarkerKind;
use crate::normalize::fold;
use crate::segment::Block;

/// A collection marker (`篇一`, `篇二：`, `第三篇`) at the start of `text`,
/// as the marker grammar reads it: its length, with trailing punctuation
/// and spaces.
pub(crate) fn pian(text: &str) -> Option<usize> {
    // Every block is asked: the grammar's two shapes open with `篇` or `第`
    // (`篇一`, `第三篇`), and a block opening otherwise is settled by its
    // first char.
    let first = text.trim_start_matches(crate::normalize::is_space).chars().next();
    if !matches!(first, Some('篇' | '第')) {
        return None;
    }
    crate::marker::leading_marker(text).filter(|m| m.kind == MarkerKind::Pian).map(|m| m.len)
}

/// True for a table-of-contents heading line: `目录`, `目 录`.
pub(crate) fn is_toc_head(text: &str) -> bool {
    // Compared char by char, without collecting the chars.
    let k = || text.chars().filter(|c| !c.is_whitespace() && *c != '　');
    k().eq("目录".chars()) || k().eq("目次".chars())
}

/// True for a line that may stand in a table of contents: short, no sentence
/// end, and either a page number alone, an entry ending in a page number,
/// a numbered entry (`2.…讲稿`, whose page number may have been cut out as
/// noise already), or a collection marker.
fn is_toc_entry(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || chars(t) > 60 || has_stop(t) {
        return false;
    }
    let last = t.chars().next_back().map(fold);
    let marker = crate::marker::parse_marker(t).map(|m| m.kind);
    last.is_some_and(|c| c.is_ascii_digit()) || matches!(marker, Some(MarkerKind::ArabicDot | MarkerKind::Pian))
}

/// The blocks of a table of contents starting at `blocks[at]` (a `目录`
/// line): the index one past its last entry. The list ends at the first
/// line that is not an entry, or at an entry seen before (the collection
/// marker or heading that the table announced, now opening the text).
pub(crate) fn toc_end(blocks: &[Block], at: usize) -> usize {
    let Some(head) = blocks.get(at) else {
        return at;
    };
    if !is_toc_head(&head.text) {
        // A whole table run into one line: `目录 篇一 1 2.…讲稿 10`.
        let t = head.text.trim();
        let ok = t.starts_with("目录") && !has_stop(t) && chars(t) <= 120;
        return if ok { at + 1 } else { at };
    }
    // A keyed set: a table of 200,000 entries is read in linear time. It
    // holds the entries' texts compared by key, no copies, and is sized
    // once for the entries that follow.
    let entries = blocks.get(at + 1..).unwrap_or_default().iter().take_while(|b| is_toc_entry(&b.text)).count();
    let mut seen: crate::hash::FxHashSet<ByKey<'_>> =
        crate::hash::FxHashSet::with_capacity_and_hasher(entries, Default::default());
    let mut i = at + 1;
    while let Some(b) = blocks.get(i).filter(|_| i <= at + entries) {
        if !seen.insert(ByKey(&b.text)) {
            break;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::{is_toc_head, pian};
    use crate::model::MarkerKind;

    #[test]
    fn pian_should_read_what_the_grammar_reads() {
        for t in [
            "篇一",
            "篇二：讲话",
            "  篇三 同志们：",
            "　第三篇",
            "第 三 篇",
            "第十二篇：",
            "篇十二",
            "千篇一律",
            "一、总体要求",
            "第一，",
            "（一）",
            "1.",
            "篇",
            "第",
            "",
            "①",
            "壹、",
        ] {
            let by_grammar = crate::marker::leading_marker(t).filter(|m| m.kind == MarkerKind::Pian).map(|m| m.len);
            assert_eq!(pian(t), by_grammar, "{t}");
        }
        assert_eq!(pian("篇二：讲话"), Some("篇二：".len()));
    }

    #[test]
    fn is_toc_head_should_read_the_heading_with_any_spaces() {
        for t in ["目录", "目 录", "　目　录　", "目次", "\t目次\n"] {
            assert!(is_toc_head(t), "{t}");
        }
        for t in ["", "目", "目录一", "一目录", "目次表", "录目"] {
            assert!(!is_toc_head(t), "{t}");
        }
    }
}

//! A second title run into the text of a preview that lost its line breaks:
//! `…我们党的事业才能发展与巩固。正确行使党和人民赋予的权力推动区域经济快速发展权力观,是…`.
//!
//! Only speeches whose own title was found run into their first paragraph
//! are searched (the file has lost its line breaks, so a later title cannot
//! stand on a line of its own). A run-on title is a clause right after a
//! sentence end that
//!
//! - runs 12 to 40 ideographs without punctuation up to a comma,
//! - holds none of the pronouns, particles and adverbs of running prose
//!   (`我` `这` `是` `了` `就` `都` `把`…),
//! - follows at least 200 characters of the earlier piece, in which no
//!   outline heading stood,
//! - and is followed, within 600 characters, by an outline heading with
//!   ordinal 1 (`一、` `（一）` `第一`): the new piece's own outline.
//!
//! The comma after the clause shows that the body's first subject ran into
//! the title too. When the clause ends with a short noun phrase whose first
//! two characters already stood in it (`…赋予的权力…发展权力观,是…`: a body
//! that opens by naming the title's topic), the title ends before it;
//! otherwise the whole clause is the title.

use crate::marker::{heading_family, parse_marker};
use crate::normalize::{fold, is_ideograph, is_sentence_end};

/// Characters of running prose that titles do without.
const PROSE: &[char] = &[
    '我', '你', '他', '她', '们', '这', '那', '是', '了', '着', '吗', '呢', '吧', '就', '都', '也', '还', '又', '才',
    '却', '把', '被', '让', '但', '很', '没', '所', '因', '如', '若', '虽', '要', '该',
];

/// Fewest characters of the earlier piece before a run-on title.
pub(crate) const MIN_BEFORE: usize = 200;
/// Most characters between a run-on title and its first outline heading.
const MAX_TO_OUTLINE: usize = 600;

/// A heading marker with ordinal 1 at the start of `s`.
fn opens_outline(s: &str) -> bool {
    parse_marker(s.trim_start()).is_some_and(|m| m.ordinal == 1 && heading_family(m.kind))
}

/// The byte range of a run-on title in `text`, the cleaned text of a body
/// block. `before` counts the characters of the speech's body before this
/// block (none of which held a heading); `next` is the next block's text.
///
/// ```
/// use jianggao::meta::runon::find;
/// let first = "这是前一篇的正文。".repeat(30);
/// let text = format!("{first}正确行使人民赋予的权力推动区域经济快速发展权力观,是世界观的组成部分。");
/// let (s, e) = find(&text, 0, Some("一、要清醒地认识到权力是人民赋予的")).unwrap();
/// assert_eq!(&text[s..e], "正确行使人民赋予的权力推动区域经济快速发展");
/// // Without a new outline after it, the clause is prose.
/// assert!(find(&text, 0, Some("要清醒地认识到权力是人民赋予的")).is_none());
/// ```
pub fn find(text: &str, before: usize, next: Option<&str>) -> Option<(usize, usize)> {
    match search(text, before, next) {
        Scan::Title(s, e) => Some((s, e)),
        Scan::Heading | Scan::Nothing => None,
    }
}

/// What [`search`] met first in a block.
pub(crate) enum Scan {
    /// A run-on title at this byte range.
    Title(usize, usize),
    /// An outline heading of the earlier piece: its outline goes on, so no
    /// later block holds a run-on title either.
    Heading,
    /// Neither.
    Nothing,
}

/// [`find`], telling a block that holds a heading from one that holds
/// nothing, in one pass.
pub(crate) fn search(text: &str, before: usize, next: Option<&str>) -> Scan {
    if opens_heading_here(text, 0) {
        return Scan::Heading;
    }
    let mut seen = before;
    let mut counted = 0;
    let mut quotes = 0i32;
    for (i, c) in marks(text) {
        match c {
            '“' | '「' | '『' | '《' => quotes += 1,
            '”' | '」' | '』' | '》' => quotes -= 1,
            _ => {}
        }
        if !is_sentence_end(c) {
            continue;
        }
        let p = i + c.len_utf8();
        if p >= text.len() {
            break;
        }
        // A heading in the earlier piece: its outline goes on here.
        if opens_heading_here(text, p) {
            return Scan::Heading;
        }
        // Only whether `seen` reached `MIN_BEFORE` matters: once it has,
        // the chars are no longer counted.
        if seen < MIN_BEFORE {
            seen += text.get(counted..p).map_or(0, |s| s.chars().count());
            counted = p;
        }
        if quotes != 0 || seen < MIN_BEFORE {
            continue;
        }
        if let Some((s, e)) = title_at(text, p, next) {
            return Scan::Title(s, e);
        }
    }
    Scan::Nothing
}

/// True when `text` holds an outline heading: at its start or after a
/// sentence end.
///
/// ```
/// assert!(jianggao::meta::runon::has_heading("总体要求是。二、抓好落实"));
/// assert!(!jianggao::meta::runon::has_heading("第一次会议召开了。"));
/// ```
pub fn has_heading(text: &str) -> bool {
    opens_heading_here(text, 0)
        || marks(text).any(|(i, c)| is_sentence_end(c) && opens_heading_here(text, i + c.len_utf8()))
}

/// The chars of `text` that may end a sentence or open or close a quote,
/// with their offsets: found by their first byte (`。` `「` `《` start with
/// 0xE3, `“` with 0xE2, full-width `！` `？` `；` with 0xEF, and the ASCII
/// `!` `?` `;`), so the ideographs between them are never decoded.
fn marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut wide = memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes).peekable();
    let mut ascii = memchr::memchr3_iter(b'!', b'?', b';', bytes).peekable();
    std::iter::from_fn(move || {
        // The two streams merged in order.
        let i = match (wide.peek(), ascii.peek()) {
            (Some(&w), Some(&a)) if a < w => ascii.next(),
            (Some(_), _) => wide.next(),
            (None, _) => ascii.next(),
        }?;
        Some((i, text.get(i..)?.chars().next()?))
    })
}

/// True when a heading of any ordinal starts at `p`.
fn opens_heading_here(text: &str, p: usize) -> bool {
    text.get(p..).and_then(parse_marker).is_some_and(|m| heading_family(m.kind))
}

/// The run-on title starting at `p`, if the clause there is one.
fn title_at(text: &str, p: usize, next: Option<&str>) -> Option<(usize, usize)> {
    let rest = text.get(p..)?;
    let q = p + rest.find(|c: char| !is_ideograph(c)).unwrap_or(rest.len());
    let clause = text.get(p..q)?;
    let n = clause.chars().count();
    let comma = text.get(q..).and_then(|r| r.chars().next()).is_some_and(|c| matches!(fold(c), ',' | '，'));
    if !(12..=40).contains(&n) || !comma || clause.contains(PROSE) {
        return None;
    }
    // The new piece's outline follows soon: in this block after a sentence
    // end, or at the start of the next one.
    let after = text.get(q..)?;
    let (outline, within) = heading_after(after);
    let outline = outline || (within && next.is_some_and(opens_outline));
    outline.then(|| (p, p + title_len(clause)))
}

/// Looks for the first heading in the first [`MAX_TO_OUTLINE`] chars of
/// `after` that stands right after a sentence end (and any spaces): whether
/// it opens an outline (ordinal 1), and whether the search ended within
/// those chars (a heading was found, or `after` is no longer).
///
/// The sentence ends are found by their lead bytes ([`marks`]); the chars
/// between them are only counted.
fn heading_after(after: &str) -> (bool, bool) {
    // Chars of `after[..counted]`.
    let (mut chars, mut counted) = (0, 0);
    for (e, c) in marks(after) {
        if !is_sentence_end(c) {
            continue;
        }
        // The first char after the sentence end and its spaces: no marker
        // opens with a space, so only there may a heading stand.
        let j = e + c.len_utf8();
        let rest = after.get(j..).unwrap_or_default();
        let at = j + (rest.len() - rest.trim_start_matches(char::is_whitespace).len());
        if at >= after.len() {
            break;
        }
        chars += after.get(counted..at).map_or(0, |s| s.chars().count());
        counted = at;
        if chars >= MAX_TO_OUTLINE {
            // The char at `at` is past the window.
            return (false, false);
        }
        let here = after.get(at..).unwrap_or_default();
        if parse_marker(here).is_some_and(|m| heading_family(m.kind)) {
            return (opens_outline(here), true);
        }
    }
    chars += after.get(counted..).map_or(0, |s| s.chars().count());
    (false, chars <= MAX_TO_OUTLINE)
}

/// The length of the title in `clause`: without a closing noun phrase of
/// two to four characters (the longest one) whose first two already stood
/// in the clause.
fn title_len(clause: &str) -> usize {
    for k in (2..=4).rev() {
        let Some((cut, _)) = clause.char_indices().nth_back(k - 1) else { break };
        let (head, tail) = clause.split_at(cut);
        let lead = tail.char_indices().nth(2).map_or(tail, |(i, _)| &tail[..i]);
        if head.chars().count() >= 8 && head.contains(lead) {
            return cut;
        }
    }
    clause.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose() -> String {
        "权力是责任和义务的结合体，拥有多大的权力就要负多大的责任。".repeat(8)
    }

    #[test]
    fn should_find_a_title_before_an_inline_outline() {
        let text =
            format!("{}推进全面从严治党向基层延伸落地见效,是今年工作的重点。我们要做好三点。一、要压实责任。", prose());
        let (s, e) = find(&text, 0, None).unwrap();
        assert_eq!(&text[s..e], "推进全面从严治党向基层延伸落地见效");
    }

    #[test]
    fn should_keep_the_whole_clause_when_nothing_repeats() {
        let text = format!("{}全面推进乡村振兴加快农业农村现代化步伐,为此必须做好以下工作。", prose());
        let (s, e) = find(&text, 0, Some("一、抓好粮食生产")).unwrap();
        assert_eq!(&text[s..e], "全面推进乡村振兴加快农业农村现代化步伐");
    }

    #[test]
    fn heading_after_should_look_after_sentence_ends_within_the_window() {
        for (t, want) in [
            ("", (false, true)),
            ("要做好。一、抓落实", (true, true)),
            ("要做好。　 二、抓落实", (false, true)),
            ("要做好。。（一）抓落实", (true, true)),
            ("要做好，一、抓落实", (false, true)),
            ("要做好!第一，抓落实", (true, true)),
        ] {
            assert_eq!(heading_after(t), want, "{t}");
        }
        // A heading whose first char is the window's last, or past it; a
        // text of the window's length, or longer.
        let (y, n, fit) = ((true, true), (false, false), (false, true));
        for (k, want) in [(3, [y, fit, fit, fit]), (2, [y, fit, fit, fit]), (1, [n, n, fit, fit]), (0, [n, n, n, fit])]
        {
            let pad = "字".repeat(MAX_TO_OUTLINE - k);
            let texts = [format!("{pad}。一、抓落实"), format!("{pad}。 "), format!("{pad}。"), pad];
            for (t, want) in texts.iter().zip(want) {
                assert_eq!(heading_after(t), want, "{k} {t}");
            }
        }
    }

    #[test]
    fn should_not_take_prose_clauses() {
        let text = format!("{}党的十八大以来我们高度重视基层党建工作,取得了明显成效。", prose());
        assert!(find(&text, 0, Some("一、抓好粮食生产")).is_none());
    }

    #[test]
    fn should_not_split_early_in_a_piece() {
        let text = "推进全面从严治党向基层延伸落地见效,是今年工作的重点。全面推进乡村振兴加快农业农村现代化步伐,为此必须做好。";
        assert!(find(text, 0, Some("一、抓好粮食生产")).is_none());
    }

    #[test]
    fn should_not_split_when_the_outline_goes_on() {
        // The earlier piece has its own headings: an ordinal-1 heading later
        // is not a new piece's.
        let text = format!("{}二、抓好队伍建设。全面推进乡村振兴加快农业农村现代化步伐,为此必须做好。", prose());
        assert!(find(&text, 0, Some("一、抓好粮食生产")).is_none());
    }

    #[test]
    fn should_not_split_inside_quotes() {
        let text = format!("{}有人说：“要抓好落实。全面推进乡村振兴加快农业农村现代化步伐,为此必须做好。”", prose());
        assert!(find(&text, 0, Some("一、抓好粮食生产")).is_none());
    }
}

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

use crate::marker::parse_marker;
use crate::model::MarkerKind;
use crate::normalize::{fold, is_ideograph, is_sentence_end};

/// Characters of running prose that titles do without.
const PROSE: &[char] = &[
    '我', '你', '他', '她', '们', '这', '那', '是', '了', '着', '吗', '呢', '吧', '就', '都', '也', '还', '又', '才',
    '却', '把', '被', '让', '但', '很', '没', '所', '因', '如', '若', '虽', '要', '该',
];

/// Fewest characters of the earlier piece before a run-on title.
const MIN_BEFORE: usize = 200;
/// Most characters between a run-on title and its first outline heading.
const MAX_TO_OUTLINE: usize = 600;

/// True when a marker of this kind opens a section-level heading.
fn heading_kind(kind: MarkerKind) -> bool {
    matches!(kind, MarkerKind::CnDun | MarkerKind::CnParen | MarkerKind::Di | MarkerKind::CapitalDun)
}

/// A heading marker with ordinal 1 at the start of `s`.
fn opens_outline(s: &str) -> bool {
    parse_marker(s.trim_start()).is_some_and(|m| m.ordinal == 1 && heading_kind(m.kind))
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
    // The headings ahead of the clauses, read once for all of them.
    let mut ahead = Ahead::new(text);
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
        seen += text.get(counted..p).map_or(0, |s| s.chars().count());
        counted = p;
        if quotes != 0 || seen < MIN_BEFORE {
            continue;
        }
        if let Some((s, e)) = title_at(text, p, seen - before, next, &mut ahead) {
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
fn marks(text: &str) -> Marks<'_> {
    Marks::from(text, 0)
}

/// The iterator of [`marks`].
struct Marks<'a> {
    text: &'a str,
    /// Where the byte searches start: their offsets are relative to it.
    from: usize,
    wide: std::iter::Peekable<memchr::Memchr3<'a>>,
    ascii: std::iter::Peekable<memchr::Memchr3<'a>>,
}

impl<'a> Marks<'a> {
    /// The marks of `text` at offset `from` (a char boundary) or later.
    fn from(text: &'a str, from: usize) -> Self {
        let bytes = text.as_bytes().get(from..).unwrap_or_default();
        Marks {
            text,
            from,
            wide: memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes).peekable(),
            ascii: memchr::memchr3_iter(b'!', b'?', b';', bytes).peekable(),
        }
    }
}

impl Iterator for Marks<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        // The two streams merged in order.
        let i = self.from
            + match (self.wide.peek(), self.ascii.peek()) {
                (Some(&w), Some(&a)) if a < w => self.ascii.next(),
                (Some(_), _) => self.wide.next(),
                (None, _) => self.ascii.next(),
            }?;
        Some((i, self.text.get(i..)?.chars().next()?))
    }
}

/// True when a heading of any ordinal starts at `p`.
fn opens_heading_here(text: &str, p: usize) -> bool {
    text.get(p..).and_then(parse_marker).is_some_and(|m| heading_kind(m.kind))
}

/// The run-on title starting at `p`, if the clause there is one. `before`
/// counts the chars of `text[..p]`; `ahead` reads the headings after the
/// clause (each call's `p` lies past the previous call's clause).
fn title_at(text: &str, p: usize, before: usize, next: Option<&str>, ahead: &mut Ahead) -> Option<(usize, usize)> {
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
    let (outline, within) = ahead.heading_after(q, before + n);
    let outline = outline || (within && next.is_some_and(opens_outline));
    outline.then(|| (p, p + title_len(clause)))
}

/// The sentence ends of a text, read forward once: for each, the first
/// char after it and its spaces (no marker opens with a space, so only
/// there may a heading stand), the chars before that one, and whether a
/// heading stands there.
///
/// [`Ahead::heading_after`] answers for a position `q` what a walk over the
/// sentence ends of `text[q..]` would: the first heading within
/// [`MAX_TO_OUTLINE`] chars. The windows of successive positions overlap;
/// the walk reads each sentence end once, for all of them, and keeps the
/// headings read ahead until a position passes them. A position past all
/// that was read starts the walk over there: the sentence ends between are
/// never read.
struct Ahead<'a> {
    text: &'a str,
    /// The marks of `text` not read yet ([`marks`]).
    marks: Marks<'a>,
    /// Chars of `text[..counted]`.
    counted: usize,
    chars: usize,
    /// Headings read and not yet passed, in order.
    headings: std::collections::VecDeque<Heading>,
    /// The sentence end read last (not at the end of the text) and the
    /// chars before the char after it.
    last: Option<(usize, usize)>,
    /// Chars of the whole text, once the walk has reached its end.
    total: Option<usize>,
}

/// A heading read by [`Ahead`].
struct Heading {
    /// Offset of the sentence end before it.
    end: usize,
    /// Chars of the text before the heading.
    chars: usize,
    /// Whether it opens an outline (ordinal 1).
    opens: bool,
}

impl<'a> Ahead<'a> {
    /// A walk of `text` from its start.
    fn new(text: &'a str) -> Self {
        Ahead {
            text,
            marks: marks(text),
            counted: 0,
            chars: 0,
            headings: std::collections::VecDeque::new(),
            last: None,
            total: None,
        }
    }

    /// Looks for the first heading in the first [`MAX_TO_OUTLINE`] chars of
    /// `text[q..]` that stands right after a sentence end of `text[q..]`
    /// (and any spaces): whether it opens an outline (ordinal 1), and
    /// whether the search ended within those chars (a heading was found,
    /// or the text is no longer). `cq` counts the chars of `text[..q]`;
    /// `q` never goes back from one call to the next.
    fn heading_after(&mut self, q: usize, cq: usize) -> (bool, bool) {
        // Chars from `q` to a char before which `c` chars stand: past the
        // window when at least `MAX_TO_OUTLINE`.
        let beyond = |c: usize| c.saturating_sub(cq) >= MAX_TO_OUTLINE;
        // Nothing read reaches `q`: walk on from there.
        let behind = self.last.is_none_or(|(e, _)| e < q) && self.counted <= q;
        if self.total.is_none() && behind {
            self.marks = Marks::from(self.text, q);
            (self.counted, self.chars) = (q, cq);
            self.headings.clear();
            self.last = None;
        }
        loop {
            while self.headings.front().is_some_and(|h| h.end < q) {
                self.headings.pop_front();
            }
            // The first heading after `q`: every sentence end before it
            // stands nearer, so it settles the answer.
            if let Some(h) = self.headings.front() {
                return if beyond(h.chars) { (false, false) } else { (h.opens, true) };
            }
            // No heading up to the last sentence end read: when that one
            // is past the window, the search ends without one.
            if self.last.is_some_and(|(e, c)| e >= q && beyond(c)) {
                return (false, false);
            }
            if let Some(total) = self.total {
                return (false, total.saturating_sub(cq) <= MAX_TO_OUTLINE);
            }
            self.read_next();
        }
    }

    /// Reads the next sentence end, or finds the end of the text.
    fn read_next(&mut self) {
        let text = self.text;
        let count = |s: Option<&str>| s.map_or(0, |s| s.chars().count());
        let Some((e, c)) = self.marks.by_ref().find(|&(_, c)| is_sentence_end(c)) else {
            self.total = Some(self.chars + count(text.get(self.counted..)));
            return;
        };
        let j = e + c.len_utf8();
        let rest = text.get(j..).unwrap_or_default();
        let at = j + (rest.len() - rest.trim_start_matches(char::is_whitespace).len());
        if at >= text.len() {
            self.total = Some(self.chars + count(text.get(self.counted..)));
            return;
        }
        self.chars += count(text.get(self.counted..at));
        self.counted = at;
        self.last = Some((e, self.chars));
        if let Some(m) = text.get(at..).and_then(parse_marker).filter(|m| heading_kind(m.kind)) {
            // `opens_outline` on a text that opens with no space.
            let opens = m.ordinal == 1;
            self.headings.push_back(Heading { end: e, chars: self.chars, opens });
        }
    }
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

    /// [`heading_after`] a character at a time.
    fn heading_after_reference(after: &str) -> (bool, bool) {
        let mut count = 0;
        let mut prev_end = false;
        for (i, c) in after.char_indices() {
            count += 1;
            if count > MAX_TO_OUTLINE {
                break;
            }
            if prev_end && parse_marker(&after[i..]).is_some_and(|m| heading_kind(m.kind)) {
                return (opens_outline(&after[i..]), true);
            }
            prev_end = is_sentence_end(c) || (prev_end && c.is_whitespace());
        }
        (false, count <= MAX_TO_OUTLINE)
    }

    /// [`Ahead::heading_after`] at `q`, on a walk of its own.
    fn heading_after_at(text: &str, q: usize) -> (bool, bool) {
        Ahead::new(text).heading_after(q, text[..q].chars().count())
    }

    #[test]
    fn heading_after_should_agree_with_a_walk_by_characters() {
        let mut texts = vec![
            String::new(),
            "要做好。一、抓落实".to_string(),
            "要做好。　 二、抓落实".to_string(),
            "要做好。。（一）抓落实".to_string(),
            "要做好，一、抓落实".to_string(),
            "要做好!第一，抓落实".to_string(),
        ];
        for n in [MAX_TO_OUTLINE - 3, MAX_TO_OUTLINE - 2, MAX_TO_OUTLINE - 1, MAX_TO_OUTLINE] {
            let pad = "字".repeat(n);
            texts.push(format!("{pad}。一、抓落实"));
            texts.push(format!("{pad}。 "));
            texts.push(format!("{pad}。"));
            texts.push(pad);
        }
        for t in &texts {
            assert_eq!(heading_after_at(t, 0), heading_after_reference(t), "{t}");
        }
    }

    /// Pieces of generated texts: clauses that may be titles, prose,
    /// sentence ends, spaces, quotes and outline markers.
    const PIECES: &[&str] = &[
        "。推进全面从严治党向基层延伸落地见效，",
        "！全面推进乡村振兴加快农业农村现代化步伐权力观,",
        "推进全面从严治党向基层延伸落地见效",
        "权力观",
        "字",
        "字字字字字字字字字字字字字字字字字字字字",
        "字字字字字字字字字字字字字字字字字字字字",
        "字字字字字字字字字字字字字字字字字字字字",
        "我们要做好工作",
        "。",
        "。",
        "！",
        "?",
        "；",
        " ",
        "　",
        "，",
        ",",
        "“",
        "”",
        "。 一、",
        "。　二、",
        "。（一）",
        "第二，",
        "一、",
        "1.",
        "A",
    ];

    /// Pieces of [`PIECES`] that hold no outline marker.
    const PLAIN: usize = PIECES.len() - 7;

    /// A text of `n` of the first `k` [`PIECES`], drawn by a xorshift
    /// generator from `state`.
    fn generated(state: &mut u64, n: usize, k: usize) -> String {
        let mut out = String::new();
        for _ in 0..n {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            out.push_str(PIECES[(*state % k as u64) as usize]);
        }
        out
    }

    #[test]
    fn heading_after_should_agree_with_a_walk_at_positions_of_generated_texts() {
        let mut state = 0x9E37_79B9_7F4A_7C15;
        let (mut found, mut cut) = (0, 0);
        for round in 0..200 {
            // Half of the texts hold markers, half are plain prose.
            let k = if round % 2 == 0 { PIECES.len() } else { PLAIN };
            let text = generated(&mut state, 20 + round * 7 % 300, k);
            // Every char boundary, or every few, or far apart (a position
            // past all that was read), in order, on one walk.
            let step = [1, 1, 3, 40, 250, 700][round % 6];
            let mut ahead = Ahead::new(&text);
            for (cq, (q, _)) in text.char_indices().enumerate().step_by(step) {
                let want = heading_after_reference(&text[q..]);
                assert_eq!(ahead.heading_after(q, cq), want, "{text} at {q}");
                found += usize::from(want.1 && want.0);
                cut += usize::from(!want.1);
            }
        }
        // The texts hold both outlines found and windows cut short.
        assert!(found > 1000 && cut > 1000, "{found} {cut}");
    }

    /// [`search`] as it was, with a new walk of `text[q..]` for each
    /// clause.
    fn search_reference(text: &str, before: usize, next: Option<&str>) -> Option<(usize, usize)> {
        if opens_heading_here(text, 0) {
            return None;
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
            if opens_heading_here(text, p) {
                return None;
            }
            seen += text[counted..p].chars().count();
            counted = p;
            if quotes != 0 || seen < MIN_BEFORE {
                continue;
            }
            let rest = &text[p..];
            let q = p + rest.find(|c: char| !is_ideograph(c)).unwrap_or(rest.len());
            let clause = &text[p..q];
            let n = clause.chars().count();
            let comma = text[q..].chars().next().is_some_and(|c| matches!(fold(c), ',' | '，'));
            if !(12..=40).contains(&n) || !comma || clause.contains(PROSE) {
                continue;
            }
            let (outline, within) = heading_after_reference(&text[q..]);
            if outline || (within && next.is_some_and(opens_outline)) {
                return Some((p, p + title_len(clause)));
            }
        }
        None
    }

    #[test]
    fn find_should_agree_with_a_new_walk_for_each_clause_on_generated_texts() {
        let mut state = 0x2545_F491_4F6C_DD1D;
        let mut titles = 0;
        for round in 0..2000 {
            let text = generated(&mut state, 50 + round % 400, PIECES.len());
            let before = [0, 150, 400][round % 3];
            let next = ["一、抓落实", "二、抓落实", "要抓落实"].get(round % 4).copied();
            let want = search_reference(&text, before, next);
            assert_eq!(find(&text, before, next), want, "{text}");
            titles += usize::from(want.is_some());
        }
        // Titles are found in many of the texts, and missed in many.
        assert!((200..1800).contains(&titles), "{titles}");
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

//! Unmarked parallel sections: consecutive paragraphs that each open with
//! the same pattern (`心中有党，…` / `心中有民，…` / `心中有责，…`), read as
//! sections without a marker.
//!
//! A paragraph's *head* is its opening phrase, up to the first comma or
//! colon (or up to `是` / `就是` when that comes first): `心中有党` in
//! `心中有党，是对党员干部最基本的要求。` Three or more paragraphs, each
//! no more than two paragraphs apart, whose heads share a prefix of 2–4
//! characters and differ after it, are parallel sections. Heads that start
//! with a pronoun, a preposition, a conjunction, a numeral or a word such
//! as `要` / `有的` are not (`我们要…，` / `在…，` open ordinary paragraphs).

use crate::normalize::{fold, is_ideograph as is_han};
use crate::segment::Block;

/// Longest head, in chars.
const MAX_HEAD: usize = 13;
/// Most paragraphs allowed between two members of a run.
const MAX_GAP: usize = 2;
/// First characters that never open a parallel head.
const STOP_FIRST: &str =
    "我你他她它这那要在对把从以为但而因所如同此另一二三四五六七八九十第首其最总是有也都就还当随通作今近目只各每不没又再即并且让使";

/// The unmarked parallel sections of `body`: for each paragraph that opens
/// one, its index and the byte length of its lead sentence (the title: up to
/// the first `。！？；`, without it; the whole text when it has none).
///
/// ```
/// use jianggao::segment::Block;
/// use jianggao::Span;
/// let texts = ["心中有党，是基本要求。要对党忠诚。", "心中有民，就是要为人民服务。", "心中有责，是履职之要。", "心中有戒，就是要守规矩。"];
/// let src = texts.join("\n");
/// let mut blocks = Vec::new();
/// let mut at = 0;
/// for t in texts {
///     blocks.push(Block::from_source(&src, Span::new(at, at + t.len())));
///     at += t.len() + 1;
/// }
/// let found = jianggao::outline::parallel_sections(&blocks);
/// assert_eq!(found.len(), 4);
/// assert_eq!(&blocks[0].text[..found[0].1], "心中有党，是基本要求");
/// ```
pub fn parallel_sections(body: &[Block]) -> Vec<(usize, usize)> {
    // Each head is a prefix of its paragraph: kept as its length in bytes
    // (0 for none), not as a copy (a text of very many short paragraphs
    // would hold a list of them at once).
    let heads: Vec<u32> = body.iter().map(|b| head(&b.text).and_then(|h| u32::try_from(h).ok()).unwrap_or(0)).collect();
    let head_of = |i: usize| head_text(body, &heads, i);
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let Some(h) = head_of(i) else {
            i += 1;
            continue;
        };
        let mut members = vec![i];
        let mut cp = usize::MAX;
        let mut last = i;
        let mut j = i + 1;
        while j < body.len() && j - last <= MAX_GAP + 1 {
            if let Some(hj) = head_of(j) {
                let l = lcp(h, hj).min(cp);
                if l >= 2 {
                    cp = l;
                    members.push(j);
                    last = j;
                }
            }
            j += 1;
        }
        if members.len() >= 3 && valid(&members, &head_of, cp) {
            for &m in &members {
                let len = body.get(m).map_or(0, |b| lead_len(&b.text));
                out.push((m, len));
            }
            i = last + 1;
        } else if members.len() >= 3 {
            i = last;
        } else {
            i += 1;
        }
    }
    out
}

/// The members share a prefix of 2–4 chars, not a function word, and their
/// heads all differ after it.
fn valid<'a>(members: &[usize], head_of: &dyn Fn(usize) -> Option<&'a str>, cp: usize) -> bool {
    if !(2..=4).contains(&cp) {
        return false;
    }
    let hs: Vec<&str> = members.iter().filter_map(|&m| head_of(m)).collect();
    let Some(first) = hs.first().and_then(|h| h.chars().next()) else {
        return false;
    };
    if STOP_FIRST.contains(first) || !is_han(first) {
        return false;
    }
    // Every head goes on after the shared prefix, and no two are the same.
    for (a, h) in hs.iter().enumerate() {
        if h.chars().nth(cp).is_none() || hs.iter().skip(a + 1).any(|o| o == h) {
            return false;
        }
    }
    true
}

/// The number of chars `a` and `b` share at their start.
fn lcp(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The head of paragraph `i`, from its length in `heads`.
fn head_text<'a>(body: &'a [Block], heads: &[u32], i: usize) -> Option<&'a str> {
    let len = heads.get(i).copied().filter(|&n| n > 0)? as usize;
    super::unmarked::trim_start(&body.get(i)?.text).get(..len)
}

/// The opening phrase of a paragraph, or `None` when it has none short
/// enough, or when the paragraph opens with an outline marker.
fn head(text: &str) -> Option<usize> {
    let t = text.trim_start();
    if crate::meta::title::starts_with_marker(t) {
        return None;
    }
    let mut out = Vec::new();
    let mut shi = None;
    for c in t.chars().take(MAX_HEAD + 1) {
        let f = fold(c);
        if matches!(f, ',' | '，' | ':' | '：') {
            return (out.len() >= 3 && out.len() <= MAX_HEAD).then(|| bytes(&out));
        }
        if c == '是' && shi.is_none() && out.len() >= 3 {
            // `心中有党是…` / `心中有民就是…`
            let n = if out.last() == Some(&'就') { out.len() - 1 } else { out.len() };
            shi = Some(n);
        }
        if !(is_han(c) || matches!(c, '“' | '”' | '"' | '‘' | '’' | '《' | '》')) {
            break;
        }
        out.push(c);
    }
    let n = shi.filter(|&n| (3..=6).contains(&n))?;
    out.truncate(n);
    Some(bytes(&out))
}

/// The length in bytes of `chars` in UTF-8.
fn bytes(chars: &[char]) -> usize {
    chars.iter().map(|c| c.len_utf8()).sum()
}

/// Byte length of the lead sentence of `text`, without its end mark.
fn lead_len(text: &str) -> usize {
    text.char_indices().find(|&(_, c)| matches!(fold(c), '。' | '!' | '?' | ';')).map_or(text.len(), |(i, _)| i)
}

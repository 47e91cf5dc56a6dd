//! Small text helpers shared by the metadata readers: character classes,
//! comparison keys, and accounting of block pieces as noise.

use aho_corasick::packed;
use once_cell::sync::Lazy;

use crate::model::{Noise, NoiseReason};
use crate::normalize::{fold, is_space};
use crate::segment::Block;
use crate::span::Span;
use crate::words::Lexicon;

pub(crate) use crate::normalize::{is_ideograph as is_han, trim_range};

/// The chars of a comparison key: folded, with spaces and punctuation
/// dropped.
fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    // Ideographs first: `char::is_alphanumeric` is a slow table lookup
    // outside ASCII.
    s.chars().map(fold).filter(|&c| is_han(c) || c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()))
}

/// A comparison key: folded, with spaces and punctuation dropped.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(key_chars(s));
    out
}

/// A text hashed and compared by its comparison key ([`key`]), without
/// building the key: a set of them holds borrowed texts, no copies.
#[derive(Clone, Copy)]
pub(crate) struct ByKey<'a>(pub(crate) &'a str);

impl std::hash::Hash for ByKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let mut n = 0u32;
        for c in key_chars(self.0) {
            h.write_u32(u32::from(c));
            n += 1;
        }
        h.write_u32(n);
    }
}

impl PartialEq for ByKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        key_chars(self.0).eq(key_chars(other.0))
    }
}

impl Eq for ByKey<'_> {}

/// True when `key(s) == k`, without building the key.
pub(crate) fn key_eq(s: &str, k: &str) -> bool {
    key_chars(s).eq(k.chars())
}

/// Number of chars.
pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// True when `s` has more than `n` chars. Its length in bytes settles a
/// text of more than `4 * n` or at most `n` bytes; between those, the chars
/// are counted (a count by words of bytes, not a decoding walk), which reads
/// at most `4 * n` bytes.
pub(crate) fn longer(s: &str, n: usize) -> bool {
    s.len() > 4 * n || (s.len() > n && s.chars().count() > n)
}

/// True when `s` holds at least `k` sentence ends (`k` ≥ 1); stops reading
/// at the `k`-th.
pub(crate) fn stops_at_least(s: &str, k: usize) -> bool {
    // By bytes, without decoding: only the bytes that open a sentence end
    // (`!` `?` `;`, and 0xE3 or 0xEF for the wide ones) are read further.
    let b = s.as_bytes();
    let mut left = k.max(1);
    for (i, &x) in b.iter().enumerate() {
        if !matches!(x, b'!' | b'?' | b';' | 0xE3 | 0xEF) {
            continue;
        }
        if crate::normalize::sentence_end_len(b, i).is_some() {
            left -= 1;
            if left == 0 {
                return true;
            }
        }
    }
    false
}

/// True for the marks that end a sentence inside running text (not the
/// ASCII `.`, which titles use as a separator).
pub(crate) use crate::normalize::is_sentence_end as is_stop;

/// True when `s` holds a sentence end anywhere.
pub(crate) fn has_stop(s: &str) -> bool {
    stops_at_least(s, 1)
}

/// Words that mark a line as site chrome rather than speech: download-site
/// notices, membership ads, watermarks.
const CHROME: &[&str] = &[
    "QQ",
    "qq",
    "微信",
    "公众号",
    "会员",
    "下载",
    "上传",
    "扫码",
    "订阅",
    "免费",
    "版权",
    "本站",
    "文档",
    "网友",
    "客服",
    "转载",
    "http",
    "www",
    "点击",
    "登录",
    "注册",
    "阅读全文",
    "整理，",
];

/// True when `s` holds a chrome word.
pub(crate) fn has_chrome(s: &str) -> bool {
    // A short line is walked byte by byte.
    static AC: Lazy<Lexicon> = Lazy::new(|| Lexicon::new(&[CHROME]));
    if s.len() < LONG {
        return AC.holds(s);
    }
    // Whole paragraphs of the body are searched too (a long block counts as
    // body only without chrome), mostly in vain. There vector searches skip
    // what cannot start a word: one for the words of ideographs, keyed on
    // their whole first character, one for the ASCII words. Either finds a
    // word wherever one stands, so the answer is the walk's.
    static PACKED: Lazy<Option<(packed::Searcher, packed::Searcher)>> = Lazy::new(|| {
        let wide = packed::Searcher::new(CHROME.iter().filter(|w| !w.is_ascii()))?;
        let ascii = packed::Searcher::new(CHROME.iter().filter(|w| w.is_ascii()))?;
        Some((wide, ascii))
    });
    match PACKED.as_ref() {
        Some((wide, ascii)) => wide.find(s).is_some() || ascii.find(s).is_some(),
        // Built from constants, so never missing; the walk gives the same
        // answer if it were.
        None => AC.holds(s),
    }
}

/// Length in bytes from which [`has_chrome`] uses vector searches (below
/// it, their setup costs more than the walk).
const LONG: usize = 48;

/// True when `s` names a speech genre (`…的讲话`, `…发言材料`, `…党课讲稿`).
pub(crate) fn has_genre(s: &str) -> bool {
    static AC: Lazy<Lexicon> = Lazy::new(|| Lexicon::new(&[crate::vocab::GENRE_WORDS]));
    AC.holds(s)
}

/// Where noise goes, with the source it is cut from.
pub(crate) struct Sink<'a, 'n> {
    pub src: &'a str,
    pub noise: &'n mut Vec<Noise>,
}

impl Sink<'_, '_> {
    /// Pushes the cleaned range `a..e` of `b` as noise (spaces trimmed; one
    /// entry per contiguous source piece, so nothing already cut out of the
    /// block is counted twice).
    pub fn range(&mut self, b: &Block, a: usize, e: usize, reason: NoiseReason) {
        let (a, e) = trim_range(&b.text, a, e);
        let Some(sub) = b.text.get(a..e) else { return };
        let mut piece: Option<Span> = None;
        for (i, c) in sub.char_indices() {
            let s = b.map.to_source(a + i);
            let end = s + c.len_utf8();
            piece = match piece {
                Some(p) if p.end == s => Some(Span::new(p.start, end)),
                Some(p) => {
                    self.push(p, reason);
                    Some(Span::new(s, end))
                }
                None => Some(Span::new(s, end)),
            };
        }
        if let Some(p) = piece {
            self.push(p, reason);
        }
    }

    fn push(&mut self, span: Span, reason: NoiseReason) {
        let n = Noise::at(self.src, span, reason);
        let trimmed = n.text.trim_matches(is_space);
        if trimmed.is_empty() {
            return;
        }
        if trimmed.len() == n.text.len() {
            self.noise.push(n);
        } else {
            let lead = n.text.len() - n.text.trim_start_matches(is_space).len();
            let s = Span::new(span.start + lead, span.start + lead + trimmed.len());
            self.noise.push(Noise::at(self.src, s, reason));
        }
    }

    /// Pushes the whole block as noise.
    pub fn block(&mut self, b: &Block, reason: NoiseReason) {
        self.range(b, 0, b.text.len(), reason);
    }

    /// Pushes every part of `b` outside the sorted, disjoint `used` ranges as
    /// noise.
    pub fn rest(&mut self, b: &Block, used: &[(usize, usize)], reason: NoiseReason) {
        let mut at = 0;
        for &(s, e) in used {
            if s > at {
                self.range(b, at, s, reason);
            }
            at = at.max(e);
        }
        if at < b.text.len() {
            self.range(b, at, b.text.len(), reason);
        }
    }
}

/// The source span of the cleaned range `a..e` of `b`, spaces trimmed.
pub(crate) fn span_of(b: &Block, a: usize, e: usize) -> Span {
    let (a, e) = trim_range(&b.text, a, e);
    b.source_span(a, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_chrome(s: &str) -> bool {
        CHROME.iter().any(|w| s.contains(w))
    }

    #[test]
    fn has_chrome_should_agree_with_a_search_for_each_word() {
        let texts = [
            "",
            "Q",
            "加QQ群",
            "扫码关注公众号",
            "公众",
            "会议上的讲话",
            "会员专享",
            "本文档由网友上传",
            "阅读全",
            "阅读全文",
            "整理",
            "整理，发布",
            "访问https://example.com",
            "ww w",
            "微 信",
            "末尾是微信",
            "é会员",
            "𠀀下载𠀀",
            "上下文",
            "转发",
        ];
        for t in texts {
            assert_eq!(has_chrome(t), naive_chrome(t), "{t}");
        }
        for w in CHROME {
            assert!(has_chrome(w) && has_chrome(&format!("前文{w}后文")), "{w}");
        }
        // Long texts take the vector searches: a word at the start, in the
        // middle, at the end, split by a space, or none.
        let pad = "我们要认真学习文件精神，上下一心抓好落实。".repeat(8);
        for t in texts {
            for long in [format!("{t}{pad}"), format!("{pad}{t}{pad}"), format!("{pad}{t}")] {
                assert!(long.len() >= LONG);
                assert_eq!(has_chrome(&long), naive_chrome(&long), "{long}");
            }
        }
        assert!(!has_chrome(&pad));
    }

    #[test]
    fn longer_should_say_whether_the_nth_char_exists() {
        for fill in ["字", "a", "é", "𠀀"] {
            for k in 0..12 {
                let s = fill.repeat(k);
                for n in 0..6 {
                    assert_eq!(longer(&s, n), s.chars().nth(n).is_some(), "{s} {n}");
                }
            }
        }
    }

    #[test]
    fn stops_at_least_should_count_what_is_stop_counts() {
        let texts =
            ["", "。", "今天开会。明天！后天？", "a!b?c;d", "全角；半角;", "句点．逗号，冒号：省略…", "“引号”、顿号"];
        for t in texts {
            let n = t.chars().filter(|&c| is_stop(c)).count();
            for k in 0..5 {
                assert_eq!(stops_at_least(t, k), n >= k.max(1), "{t} {k}");
            }
            assert_eq!(has_stop(t), n > 0, "{t}");
        }
    }
}

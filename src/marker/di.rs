//! `Di`: `第` + numeral, when it opens an item.
//!
//! ```text
//! di     := 第 gap (cn_numeral | arabic) gap rest
//! rest   := suffix (boundary | [是] tail(word_punct))   第一部分 第三条： 第二点是 第一条（追求）
//!         | 个 gap 是 tail(word_punct)                  第一个是
//!         | 是 tail(word_punct)                         第一是
//!         | gap num_punct spaces                        第一， 第二、 第三：
//!         | space+ !noun                                第一 要牢记…
//!         | end                                         第一
//!         | &verb                                       第三要扎实履行…
//! suffix   := 部分 个方面 方面 章 节 条 点 项 篇 讲 单元 课     (第N篇 is a Pian)
//! boundary := end | gap num_punct spaces | space+ | &（
//! verb     := 要 必须 坚持 在 把 以 对 抓 加强 … (not 要务 要素 要义 把手 学历)
//! noun     := 次 天 年 个 位 名 批 期 道 种 届 轮 … 时间 书记 身份 职责 …
//! ```
//!
//! `第一` is far more often an ordinal adjective than an outline marker:
//! `第一次` `第一书记` `第一时间` `第一身份` `第一职责` `第一期` `第一种`
//! `发展是第一要务`, `第一条就是不怕死`. So `第N` is a marker only when what
//! follows it closes it: punctuation (`第一，要牢记权力从何而来`), a
//! structural word closed in turn by punctuation or the end (`第一部分`,
//! `第三条：`), or a verb that opens the item directly
//! (`第三要扎实履行保稳定、促和谐的职责`, where `要…` is the title and not
//! part of the marker). Anything else (a measure word, a noun) is an
//! ordinal adjective and not a marker.
//!
//! A space after `第N` usually separates marker and title
//! (`第一 要牢记…`), but a PDF wrap can also fall inside `第一 时间`: after
//! a space the known nouns are still refused.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, satisfy};
use nom::combinator::{eof, value};
use nom::Parser;

use super::lex::{gap, is_num_punct, is_word_punct, opt_shi, reject, spaced, spaces, starts_with_any, tail, R};
use super::numeral::{arabic_ordinal, cn_numeral};
use crate::model::MarkerKind;

/// Structural words that may follow `第N` when punctuation follows them.
const SUFFIXES: [&str; 12] = ["部分", "个方面", "方面", "章", "节", "条", "点", "项", "篇", "讲", "单元", "课"];

/// Words after `第N` that open the item itself.
const VERBS: [&str; 56] = [
    "要",
    "必须",
    "坚持",
    "在",
    "把",
    "以",
    "对",
    "抓",
    "加强",
    "强化",
    "突出",
    "注重",
    "做到",
    "做好",
    "着力",
    "着眼",
    "深化",
    "提高",
    "提升",
    "落实",
    "推进",
    "严格",
    "切实",
    "始终",
    "紧紧",
    "不断",
    "努力",
    "全面",
    "进一步",
    "大力",
    "狠抓",
    "聚焦",
    "树立",
    "增强",
    "健全",
    "完善",
    "建立",
    "持续",
    "筑牢",
    "扎实",
    "牢固",
    "牢记",
    "认真",
    "积极",
    "加快",
    "围绕",
    "从",
    "让",
    "靠",
    "就是",
    "就要",
    "务必",
    "需要",
    "敢于",
    "善于",
    "勇于",
];

/// Words that begin like a verb of [`VERBS`] but are nouns after `第N`.
const NOT_VERBS: [&str; 5] = ["要务", "要素", "要义", "把手", "学历"];

/// Nouns and measure words after `第N` (with or without a space): an
/// ordinal adjective, not a marker.
const NOUNS: [&str; 44] = [
    "次",
    "天",
    "年",
    "个",
    "位",
    "名",
    "批",
    "期",
    "道",
    "种",
    "届",
    "轮",
    "回",
    "步",
    "关",
    "线",
    "手",
    "季",
    "周",
    "月",
    "号",
    "代",
    "排",
    "层",
    "例",
    "家",
    "件",
    "笔",
    "印象",
    "眼",
    "时间",
    "时刻",
    "书记",
    "身份",
    "职责",
    "责任",
    "要务",
    "要义",
    "生产力",
    "梯队",
    "方阵",
    "把手",
    "现场",
    "阶段",
];

/// After `第N` and a suffix: punctuation, spaces, the end, or the opening
/// bracket of a named article (`第一条（追求）`), which stays in the title.
fn boundary(i: &str) -> R<'_, ()> {
    alt((
        value((), eof),
        value((), nom::combinator::peek(satisfy(|c| matches!(c, '（' | '(')))),
        value((), (gap, satisfy(is_num_punct), spaces)),
        value((), (satisfy(super::lex::is_space), spaces)),
    ))
    .parse(i)
}

/// `第一` `第一，` `第一部分` `第三条：` `第 1 部分` `第一个是` `第三要…`.
pub(super) fn di(i: &str) -> R<'_, (MarkerKind, u32)> {
    let (r, _) = char('第').parse(i)?;
    let (r, _) = gap(r)?;
    let (r, n) = alt((cn_numeral, arabic_ordinal)).parse(r)?;
    let out = (MarkerKind::Di, n);
    let (after_gap, g) = gap(r)?;

    // 第一部分 / 第三条： / 第二点是
    if let Ok((s, suffix)) = alt(SUFFIXES.map(tag::<&str, &str, nom::error::Error<&str>>)).parse(after_gap) {
        // 第三篇: a piece of a collection, like 篇三.
        let out = if suffix == "篇" { (MarkerKind::Pian, n) } else { out };
        if let Ok((s, _)) = boundary(s) {
            return Ok((s, out));
        }
        let (s2, shi) = opt_shi(s)?;
        if shi {
            let (s2, _) = tail(s2, is_word_punct)?;
            return Ok((s2, out));
        }
        return reject(i);
    }
    // 第一个是
    if let Ok((s, _)) = spaced("个是")(after_gap) {
        let (s, _) = tail(s, is_word_punct)?;
        return Ok((s, out));
    }
    // 第一是
    let (s, shi) = opt_shi(after_gap)?;
    if shi {
        let (s, _) = tail(s, is_word_punct)?;
        return Ok((s, out));
    }
    // 第一， / 第二、 / 第三：
    if let Ok((s, _)) = satisfy::<_, _, nom::error::Error<&str>>(is_num_punct).parse(after_gap) {
        let (s, _) = spaces(s)?;
        return Ok((s, out));
    }
    // 第一 (end of the text)
    if after_gap.is_empty() {
        return Ok((after_gap, out));
    }
    // 第一 要牢记…  (but not 第一 时间)
    if !g.is_empty() {
        if starts_with_any(after_gap, &NOUNS) {
            return reject(i);
        }
        let (s, _) = spaces(after_gap)?;
        return Ok((s, out));
    }
    // 第三要扎实履行…
    if starts_with_any(after_gap, &VERBS) && !starts_with_any(after_gap, &NOT_VERBS) {
        return Ok((after_gap, out));
    }
    reject(i)
}

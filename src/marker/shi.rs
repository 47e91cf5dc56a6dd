//! `CnShi`: a numeral followed by `是`, `要` or `则`, opening an inline item.
//!
//! ```text
//! cn_shi := cn_numeral gap (是 | 要 | 则) !idiom tail(word_punct)
//! idiom  := 是 N (、|，|,|。|；|;|end)   一是一、二是二 ("call a spade a spade")
//!         | 是 (否 | 非)   一是否…  (a word, not a marker)
//!         | 则 story      一则消息 一则新闻 ("a piece of news")
//! ```
//!
//! Real shapes: `一是要在思想上尊重群众`, `二要及时跟进学`, `三 是必须遵循
//! 组织程序` (a wrap space inside), `一则…二则…`, `一是，`.
//!
//! The verb after the marker (`要在…`) is the start of the title, so only
//! `是`/`要`/`则` and the punctuation right after them belong to the marker.
//! These markers stand inside paragraphs after a colon or a sentence end; the
//! scanner only asks there, and the outline stage decides.

use nom::character::complete::one_of;
use nom::Parser;

use super::lex::{gap, is_word_punct, next_after_spaces, reject, starts_with_any, tail, R};
use super::numeral::cn_numeral;
use crate::model::MarkerKind;

/// What follows `一则` when it is a classifier ("a piece of …").
const ZE_NOUNS: [&str; 12] =
    ["消息", "新闻", "通知", "报道", "故事", "广告", "公告", "启事", "寓言", "笑话", "短信", "案例"];

/// `是` + the same numeral, closed by punctuation or the end: the idiom
/// `一是一、二是二`. A title that begins with the numeral (`一是一以贯之…`)
/// is not the idiom.
fn is_same_numeral_idiom(after_shi: &str, n: u32) -> bool {
    match cn_numeral(after_shi) {
        Ok((r, m)) if m == n => match next_after_spaces(r) {
            None => true,
            Some(c) => matches!(c, '、' | '，' | ',' | '。' | '；' | ';'),
        },
        _ => false,
    }
}

/// `一是` `二要` `三则` `三 是`.
pub(super) fn cn_shi(i: &str) -> R<'_, (MarkerKind, u32)> {
    let (r, n) = cn_numeral(i)?;
    let (r, _) = gap(r)?;
    let (r, w) = one_of("是要则").parse(r)?;
    match w {
        '是' => {
            if matches!(r.chars().next(), Some('否' | '非')) {
                return reject(i);
            }
            if is_same_numeral_idiom(r, n) {
                return reject(i);
            }
        }
        '则' if starts_with_any(r, &ZE_NOUNS) => return reject(i),
        _ => {}
    }
    let (r, _) = tail(r, is_word_punct)?;
    Ok((r, (MarkerKind::CnShi, n)))
}

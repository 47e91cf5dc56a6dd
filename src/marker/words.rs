//! Word markers: `GeShi` (`一个是`), `FangMian` (`一方面`), `Qi` (`其一`),
//! `Sequence` (`首先` … `最后`).
//!
//! ```text
//! ge_shi    := (一个是 → 1 | 另一个是 → 2 | 另外一个是 → 2 | 再一个是 → 3)
//!              tail(word_punct)
//! fang_mian := (一方面 → 1 | 另一方面 → 2 | 另外一方面 → 2) tail(word_punct)
//! qi        := 其 gap cn_numeral &(end | space | word_punct | 。 | 是 | 要 | 在 | 就 | 为 | 则)
//!              [是] tail(word_punct)
//! sequence  := (首先 → 1 | 其次 → 2 | 再次 → 3 | 再者 → 3 | 最后 → 0)
//!              [是] tail(word_punct)
//!            | (再来 → 0 | 接下来 → 0) gap word_punct spaces
//! ```
//! with a `gap` allowed between any two characters of a word (`另 一方面`,
//! `一个 是,`, `另一 个是`).
//!
//! Real shapes: `一个是从党纠正自身问题的智慧力量中增强信赖`, `另一 个是从党
//! 领导…`, `再一个是从"中国梦"的宏伟蓝图中…`, `一方面,各级党组织…`,
//! `另 一方面,要搞好讨论`, `其一，党章是…`, `首先,要真心爱群众`,
//! `其次,要真正为群众`, `再者,要真诚靠群众`, `最后，…`.
//!
//! `再来，` and `接下来，` ("next") continue a `首先` list, as spoken
//! transcripts enumerate (`首先，…。再来，…。接下来，…。最后，…`): like `最后`
//! they take the next number of their list, so they never open one, and
//! they are markers only with punctuation after them (`接下来我们讨论` is
//! prose).
//!
//! Ordinals: `再者` usually ends a `首先/其次` list as its third item; `最后`
//! ("the last") has ordinal 0 and the outline stage resolves it from its
//! list.
//!
//! Not a marker:
//! - `其一生` ("his whole life"), `其一切` `其一般` `其一致性`: after `其N`
//!   only punctuation, a space, the end or a verb of the item (`是` `要` `在`
//!   `就` `为` `则`) may follow;
//! - `最后一次` `最后一个` `最后阶段` `最后的` `最后关头`: `最后` as an
//!   adjective;
//! - `再次强调` `再次感谢` ("once again"): `再次` is a marker only when
//!   punctuation, a space, the end, `是` or `要` follows.
//!
//! `首先`, `其次` and `一方面` inside a sentence are still parsed when asked;
//! the scanner only asks at block starts and after clause ends, and the
//! outline stage decides (a `一方面…另一方面` pair that splits one sentence
//! is not an outline).

use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::value;
use nom::Parser;

use super::lex::{gap, is_space, is_word_punct, next_after_spaces, opt_shi, reject, spaced, starts_with_any, tail, R};
use super::numeral::cn_numeral;
use crate::model::MarkerKind;

/// `一个是` `另一个是` `再一个是`.
pub(super) fn ge_shi(i: &str) -> R<'_, (MarkerKind, u32)> {
    let (r, n) = alt((
        value(1, spaced("一个是")),
        value(2, spaced("另一个是")),
        value(2, spaced("另外一个是")),
        value(3, spaced("再一个是")),
    ))
    .parse(i)?;
    let (r, _) = tail(r, is_word_punct)?;
    Ok((r, (MarkerKind::GeShi, n)))
}

/// `一方面` `另一方面`.
pub(super) fn fang_mian(i: &str) -> R<'_, (MarkerKind, u32)> {
    let (r, n) =
        alt((value(1, spaced("一方面")), value(2, spaced("另一方面")), value(2, spaced("另外一方面")))).parse(i)?;
    let (r, _) = tail(r, is_word_punct)?;
    Ok((r, (MarkerKind::FangMian, n)))
}

/// `其一` `其二，` `其三是`.
pub(super) fn qi(i: &str) -> R<'_, (MarkerKind, u32)> {
    let (r, _) = char('其').parse(i)?;
    let (r, _) = gap(r)?;
    let (r, n) = cn_numeral(r)?;
    let ok = match next_after_spaces(r) {
        None => true,
        Some(c) => {
            r.starts_with(is_space) || is_word_punct(c) || matches!(c, '。' | '是' | '要' | '在' | '就' | '为' | '则')
        }
    };
    if !ok {
        return reject(i);
    }
    let (r, _) = opt_shi(r)?;
    let (r, _) = tail(r, is_word_punct)?;
    Ok((r, (MarkerKind::Qi, n)))
}

/// Adjective uses of `最后`.
const ZUIHOU_NOT: [&str; 14] =
    ["一", "两", "几", "的", "阶段", "期限", "关头", "防线", "时刻", "胜利", "结果", "环节", "这", "那"];

/// `首先` `其次` `再次` `再者` `最后`.
pub(super) fn sequence(i: &str) -> R<'_, (MarkerKind, u32)> {
    if let Ok((r, _)) = alt((spaced("再来"), spaced("接下来"))).parse(i) {
        let (r, _) = gap(r)?;
        let (r, _) = nom::character::complete::satisfy(is_word_punct).parse(r)?;
        let (r, _) = super::lex::spaces(r)?;
        return Ok((r, (MarkerKind::Sequence, 0)));
    }
    let (r, (word, n)) = alt((
        value(("首先", 1), spaced("首先")),
        value(("其次", 2), spaced("其次")),
        value(("再次", 3), spaced("再次")),
        value(("再者", 3), spaced("再者")),
        value(("最后", 0), spaced("最后")),
    ))
    .parse(i)?;
    let refused = match word {
        "最后" => starts_with_any(r, &ZUIHOU_NOT),
        "再次" => match next_after_spaces(r) {
            None => false,
            Some(c) => !(r.starts_with(is_space) || is_word_punct(c) || matches!(c, '是' | '要')),
        },
        _ => false,
    };
    if refused {
        return reject(i);
    }
    let (r, _) = opt_shi(r)?;
    let (r, _) = tail(r, is_word_punct)?;
    Ok((r, (MarkerKind::Sequence, n)))
}

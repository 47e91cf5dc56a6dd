//! `CnDun` and `CapitalDun`: a numeral closed by a dun comma or a stop.
//!
//! ```text
//! cn_dun      := cn_numeral gap num_punct !enumeration spaces
//! capital_dun := capital_numeral gap num_punct !enumeration spaces
//! enumeration := gap cn_numeral gap (、 ， , 线 等 级 季 类 年 月 产 档 期 批)
//! ```
//!
//! Real shapes: `一、要清醒地认识到…`, `二、 工作重点`, `一 、总体要求`
//! (a wrap space before the comma), `十一、`, `一．`, `一，`, `壹、`.
//!
//! `num_punct` is `、 ， , ： : ． . ； ;`: the GB/T 9704 form is `一、`; the
//! others are what typists and OCR put in its place.
//!
//! Not a marker: a numeral followed by `、` and another numeral that is
//! itself followed by `、` or a measure word is an enumeration of numbers,
//! `一、二线城市` ("tier-one and tier-two cities"), `三、四月份`,
//! `一、二、三产业`. A title that merely begins with a numeral
//! (`三、四个意识要牢固树立`) is still a marker: `个` is not in the list.

use nom::character::complete::satisfy;
use nom::Parser;

use super::lex::{gap, is_num_punct, reject, spaces, R};
use super::numeral::{capital_numeral, cn_numeral};
use crate::model::MarkerKind;

/// After `numeral 、`: does another numeral of the same list follow?
fn is_enumeration(i: &str, numeral: fn(&str) -> R<'_, u32>) -> bool {
    let Ok((r, _)) = gap(i) else { return false };
    let Ok((r, _)) = numeral(r) else { return false };
    let Ok((r, _)) = gap(r) else { return false };
    matches!(
        r.chars().next(),
        Some('、' | '，' | ',' | '线' | '等' | '级' | '季' | '类' | '年' | '月' | '产' | '档' | '期' | '批')
    )
}

fn dun_with<'a>(i: &'a str, numeral: fn(&str) -> R<'_, u32>, kind: MarkerKind) -> R<'a, (MarkerKind, u32)> {
    let (r, n) = numeral(i)?;
    let (r, _) = gap(r)?;
    let (r, _) = satisfy(is_num_punct).parse(r)?;
    if is_enumeration(r, numeral) {
        return reject(i);
    }
    let (r, _) = spaces(r)?;
    Ok((r, (kind, n)))
}

/// `一、` `十二．` `一 、`.
pub(super) fn cn_dun(i: &str) -> R<'_, (MarkerKind, u32)> {
    dun_with(i, cn_numeral, MarkerKind::CnDun)
}

/// `壹、` `貳、` `拾壹、`.
pub(super) fn capital_dun(i: &str) -> R<'_, (MarkerKind, u32)> {
    dun_with(i, capital_numeral, MarkerKind::CapitalDun)
}

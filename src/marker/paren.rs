//! `CnParen` and `ArabicParen`: a numeral in brackets.
//!
//! ```text
//! cn_paren     := open gap (cn_numeral | dash) gap close [是] tail(num_punct)
//!               | ㈠ … ㈩                                  tail(num_punct)
//! arabic_paren := round_open gap arabic gap round_close   tail(num_punct)
//!               | arabic gap round_close                  tail(num_punct)
//!               | ⑴ … ⒇                                   tail(num_punct)
//! open         := ( （ 〔 【 [ ［        close := ) ） 〕 】 ] ］  (mixed freely)
//! round_open   := ( （                  round_close := ) ）
//! dash         := - — － – ‐ ‑ ‒ ― ─ ━ ー
//! ```
//!
//! Real shapes: `(二) 坚决贯彻落实…`, `（一）`, `〔一〕`, `【一】`, `(一）`
//! (mixed widths), `( 一 )`, `(1)`, `（２）`, `1）`, `⑴`.
//!
//! OCR reads the single stroke of `一` as a dash: `(-)坚决做到“两个维护”`
//! is `(一)`. A lone dash in brackets is never anything else in a speech,
//! so it reads as 1.
//!
//! The hybrid `(一)是持续深化理论武装` writes both markers of the `一是`
//! family and the `(一)` family; the `是` belongs to the marker so that the
//! title starts at `持续…`. `是否`/`是非` after the bracket are words, not
//! part of the marker.
//!
//! Arabic numerals take only round brackets: `[1]` is a footnote reference,
//! and `〔2019〕` (a document number) has four digits anyway.

use nom::branch::alt;
use nom::character::complete::satisfy;
use nom::combinator::value;
use nom::Parser;

use super::lex::{gap, is_num_punct, opt_shi, reject, tail, R};
use super::numeral::{arabic_ordinal, cn_numeral};
use crate::model::MarkerKind;

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（' | '〔' | '【' | '[' | '［')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | '）' | '〕' | '】' | ']' | '］')
}

fn is_round_open(c: char) -> bool {
    matches!(c, '(' | '（')
}

fn is_round_close(c: char) -> bool {
    matches!(c, ')' | '）')
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '－' | '–' | '‐' | '‑' | '‒' | '―' | '─' | '━' | 'ー')
}

/// `㈠`…`㈩` (U+3220..U+3229): parenthesised ideographs 1..10.
fn enclosed_cn(c: char) -> Option<u32> {
    match c {
        '\u{3220}'..='\u{3229}' => Some(c as u32 - 0x3220 + 1),
        _ => None,
    }
}

/// `⑴`…`⒇` (U+2474..U+2487): parenthesised digits 1..20.
fn enclosed_arabic(c: char) -> Option<u32> {
    match c {
        '\u{2474}'..='\u{2487}' => Some(c as u32 - 0x2474 + 1),
        _ => None,
    }
}

/// One character mapped through `f`.
fn mapped(i: &str, f: fn(char) -> Option<u32>) -> R<'_, u32> {
    match i.chars().next().and_then(|c| f(c).map(|v| (c, v))) {
        Some((c, v)) => Ok((i.get(c.len_utf8()..).unwrap_or_default(), v)),
        None => reject(i),
    }
}

/// `(一)` `（一）` `〔一〕` `【一】` `(-)` `(一)是` `㈠`.
pub(super) fn cn_paren(i: &str) -> R<'_, (MarkerKind, u32)> {
    if let Ok((r, n)) = mapped(i, enclosed_cn) {
        let (r, _) = tail(r, is_num_punct)?;
        return Ok((r, (MarkerKind::CnParen, n)));
    }
    let (r, _) = satisfy(is_open).parse(i)?;
    let (r, _) = gap(r)?;
    let (r, n) = alt((cn_numeral, value(1, satisfy(is_dash)))).parse(r)?;
    let (r, _) = gap(r)?;
    let (r, _) = satisfy(is_close).parse(r)?;
    let (r, _) = opt_shi(r)?;
    let (r, _) = tail(r, is_num_punct)?;
    Ok((r, (MarkerKind::CnParen, n)))
}

/// `(1)` `（1）` `1)` `1）` `⑴`.
pub(super) fn arabic_paren(i: &str) -> R<'_, (MarkerKind, u32)> {
    let (r, n) = if let Ok(ok) = mapped(i, enclosed_arabic) {
        ok
    } else if let Ok((r, _)) = satisfy::<_, _, nom::error::Error<&str>>(is_round_open).parse(i) {
        let (r, _) = gap(r)?;
        let (r, n) = arabic_ordinal(r)?;
        let (r, _) = gap(r)?;
        let (r, _) = satisfy(is_round_close).parse(r)?;
        (r, n)
    } else {
        let (r, n) = arabic_ordinal(i)?;
        let (r, _) = gap(r)?;
        let (r, _) = satisfy(is_round_close).parse(r)?;
        (r, n)
    };
    if n == 0 {
        return reject(i);
    }
    let (r, _) = tail(r, is_num_punct)?;
    Ok((r, (MarkerKind::ArabicParen, n)))
}

//! `ArabicDot`: an Arabic number closed by a dot, a dun comma or a comma.
//!
//! ```text
//! arabic_dot := arabic gap dot   !digit                 spaces
//!             | arabic gap comma !(digit{1,3} !digit)   spaces
//!             | ⒈ … ⒛                                   tail(num_punct)
//! arabic     := digit{1,3}, value ≥ 1   (half- or full-width)
//! dot        := . ．          comma := 、 ， ,
//! ```
//!
//! Real shapes: `1.加强学习`, `2、了好处…` (a page number of a PDF preview
//! glued to the line: the grammar reads it as item 2 and the segment stage
//! drops it), `１．`, `3，`, `⒈`.
//!
//! Not a marker:
//! - `1.5倍`, `2.5万`, `11.5.14.2`: a dot followed by a digit is a decimal
//!   point or a cross-reference;
//! - `2019、2020年`: four digits is a year, never an ordinal;
//! - `1、2、3` and `1,000`: a comma followed by a short number is a list of
//!   numbers or a thousands separator (a year after the comma is fine:
//!   `1、2022年工作回顾`);
//! - `10%`, `1 2`: no closing punctuation, no marker.

use nom::character::complete::satisfy;
use nom::Parser;

use super::lex::{gap, is_num_punct, reject, spaces, tail, R};
use super::numeral::{arabic_digit, arabic_ordinal, arabic_run, MAX_ARABIC_DIGITS};
use crate::model::MarkerKind;

/// `⒈`…`⒛` (U+2488..U+249B): digits with a full stop, 1..20.
fn digit_full_stop(c: char) -> Option<u32> {
    match c {
        '\u{2488}'..='\u{249B}' => Some(c as u32 - 0x2488 + 1),
        _ => None,
    }
}

fn starts_with_digit(i: &str) -> bool {
    i.chars().next().and_then(arabic_digit).is_some()
}

/// `1.` `1、` `１．` `1，` `⒈`.
pub(super) fn arabic_dot(i: &str) -> R<'_, (MarkerKind, u32)> {
    if let Some(c) = i.chars().next() {
        if let Some(n) = digit_full_stop(c) {
            let (r, _) = tail(i.get(c.len_utf8()..).unwrap_or_default(), is_num_punct)?;
            return Ok((r, (MarkerKind::ArabicDot, n)));
        }
    }
    let (r, n) = arabic_ordinal(i)?;
    let (r, _) = gap(r)?;
    let (r, p) = satisfy(|c| matches!(c, '.' | '．' | '、' | '，' | ',')).parse(r)?;
    if matches!(p, '.' | '．') {
        if starts_with_digit(r) {
            return reject(i);
        }
    } else if let Ok((_, (_, digits))) = arabic_run(r) {
        if digits <= MAX_ARABIC_DIGITS {
            return reject(i);
        }
    }
    let (r, _) = spaces(r)?;
    Ok((r, (MarkerKind::ArabicDot, n)))
}

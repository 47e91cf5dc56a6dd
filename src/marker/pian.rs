//! `Pian`: `篇` + numeral, a piece of a collection.
//!
//! ```text
//! pian := 篇 gap cn_numeral !律 tail(num_punct)
//!       | 第 N 篇 boundary                          (read by `di.rs`)
//! ```
//!
//! Real shapes: document-sharing sites put several speeches in one file and
//! head each with `篇一`, `篇二：`, `篇三 同志们：`; the table of contents
//! repeats them (`目录 篇一 1 2.…`), which the outline stage tells apart.
//!
//! Not a marker: `千篇一律` ("monotonous"), the only common word with `篇一`.

use nom::character::complete::char;
use nom::Parser;

use super::lex::{gap, is_num_punct, reject, tail, R};
use super::numeral::cn_numeral;
use crate::model::MarkerKind;

/// `篇一` `篇二：`.
pub(super) fn pian(i: &str) -> R<'_, (MarkerKind, u32)> {
    let (r, _) = char('篇').parse(i)?;
    let (r, _) = gap(r)?;
    let (r, n) = cn_numeral(r)?;
    if r.starts_with('律') {
        return reject(i);
    }
    let (r, _) = tail(r, is_num_punct)?;
    Ok((r, (MarkerKind::Pian, n)))
}

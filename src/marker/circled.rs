//! `Circled`: one enclosed-number character.
//!
//! ```text
//! circled := ①…⑳ | ㉑…㉟ | ㊱…㊿ | ⓫…⓴ | ⓵…⓾ | ❶…❿ | ➀…➉ | ➊…➓ | ㊀…㊉
//!            tail(num_punct)
//! ```
//!
//! Real shapes: `① 学以固本。`, `②学以铸魂。`, `③、`. These characters are
//! only ever used as list markers, so the grammar takes them wherever it is
//! asked; the outline stage decides from their position whether they open a
//! point. `㊀` (circled ideograph) reads as a circled number too.

use super::lex::{is_num_punct, reject, tail, R};
use crate::model::MarkerKind;

/// The ordinal of an enclosed-number character.
fn circled_value(c: char) -> Option<u32> {
    let u = c as u32;
    let v = match u {
        0x2460..=0x2473 => u - 0x2460 + 1,  // ① … ⑳
        0x3251..=0x325F => u - 0x3251 + 21, // ㉑ … ㉟
        0x32B1..=0x32BF => u - 0x32B1 + 36, // ㊱ … ㊿
        0x24EB..=0x24F4 => u - 0x24EB + 11, // ⓫ … ⓴
        0x24F5..=0x24FE => u - 0x24F5 + 1,  // ⓵ … ⓾
        0x2776..=0x277F => u - 0x2776 + 1,  // ❶ … ❿
        0x2780..=0x2789 => u - 0x2780 + 1,  // ➀ … ➉
        0x278A..=0x2793 => u - 0x278A + 1,  // ➊ … ➓
        0x3280..=0x3289 => u - 0x3280 + 1,  // ㊀ … ㊉
        _ => return None,
    };
    Some(v)
}

/// `①` `❷` `➂` `➍`.
pub(super) fn circled(i: &str) -> R<'_, (MarkerKind, u32)> {
    let Some((c, n)) = i.chars().next().and_then(|c| circled_value(c).map(|n| (c, n))) else {
        return reject(i);
    };
    let (r, _) = tail(i.get(c.len_utf8()..).unwrap_or_default(), is_num_punct)?;
    Ok((r, (MarkerKind::Circled, n)))
}

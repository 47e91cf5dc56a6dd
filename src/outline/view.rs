//! The recognition view of a block: the text the marker grammar and the
//! unmarked-structure rules read, byte for byte as long as the block's text
//! so that every offset found in it is an offset of the original.
//!
//! - Markdown emphasis `**` and `__` is blanked to spaces, so that a marker
//!   wrapped in or split by emphasis (`**一、**标题`, `**1****、**…`) is seen.
//!   Spaces are what a marker may carry after it, so the marker's length
//!   covers the closing `**` and the title starts after it. Emphasis
//!   between a number and its punctuation (`1****、`) is read as the
//!   punctuation followed by the blanks: the same bytes, in the order the
//!   grammar reads.
//! - Traditional characters that occur in markers and their neighbouring
//!   words (`最後` `再來` `第一個` `第三點` `第七條`) are read as their
//!   Simplified forms. Each pair is one ideograph of three UTF-8 bytes on
//!   both sides, so lengths never change; the output keeps the original.

use std::borrow::Cow;

/// The Simplified form of `c` when recognition knows it, else `c`: the
/// Traditional characters of marker words and their neighbours, each pair
/// one three-byte ideograph on both sides (a `match`, so the lookup is a
/// jump, not a search).
fn simplified(c: char) -> char {
    match c {
        '來' => '来',
        '後' => '后',
        '個' => '个',
        '點' => '点',
        '條' => '条',
        '項' => '项',
        '節' => '节',
        '講' => '讲',
        '單' => '单',
        '屆' => '届',
        '從' => '从',
        '對' => '对',
        '與' => '与',
        '會' => '会',
        '問' => '问',
        '為' => '为',
        '這' => '这',
        '們' => '们',
        '實' => '实',
        '於' => '于',
        '強' => '强',
        '層' => '层',
        '號' => '号',
        '現' => '现',
        '時' => '时',
        '間' => '间',
        '書' => '书',
        '記' => '记',
        '責' => '责',
        '務' => '务',
        '義' => '义',
        '產' => '产',
        '陣' => '阵',
        '階' => '阶',
        '還' => '还',
        '讓' => '让',
        '須' => '须',
        '堅' => '坚',
        '續' => '续',
        '進' => '进',
        '嚴' => '严',
        '積' => '积',
        '極' => '极',
        '認' => '认',
        '樹' => '树',
        '斷' => '断',
        '緊' => '紧',
        '終' => '终',
        '著' => '着',
        '據' => '据',
        '種' => '种',
        '輪' => '轮',
        '級' => '级',
        '兩' => '两',
        '機' => '机',
        '關' => '关',
        '發' => '发',
        '總' => '总',
        _ => c,
    }
}

/// The Traditional characters [`simplified`] knows.
const CHARS: &str = "來後個點條項節講單屆從對與會問為這們實於強層號現時間書記責務義產陣階還讓須堅續進嚴積極認樹斷緊終著據種輪級兩機關發總";

/// The Traditional characters [`simplified`] knows, as a bit set over
/// U+4E00..=U+9FFF, so that the check is a load, not a `match`.
static TRADITIONAL: [u64; 328] = {
    let mut bits = [0u64; 328];
    let b = CHARS.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        let cp = (((b[i] & 0x0F) as u32) << 12) | (((b[i + 1] & 0x3F) as u32) << 6) | ((b[i + 2] & 0x3F) as u32);
        let k = (cp - 0x4E00) as usize;
        bits[k / 64] |= 1 << (k % 64);
        i += 3;
    }
    bits
};

/// True when code point `cp` is one of [`TRADITIONAL`].
fn is_traditional(cp: u32) -> bool {
    let Some(k) = cp.checked_sub(0x4E00) else { return false };
    TRADITIONAL.get(k as usize / 64).is_some_and(|w| w & (1 << (k % 64)) != 0)
}

/// The Traditional characters [`simplified`] knows, by their UTF-8 bytes:
/// for a lead byte 0xE4..=0xE9 and a second byte, at
/// `[lead - 0xE4][second & 0x3F]`, the set of third bytes (their low six
/// bits) that complete one. The same bits as [`TRADITIONAL`], read without
/// assembling the code point.
static BY_BYTES: [[u64; 64]; 6] = {
    let mut t = [[0u64; 64]; 6];
    // U+4000 is E4 80 80: the table starts there, at 64 code points a word.
    let mut w = 0;
    while w < TRADITIONAL.len() {
        let k = w + (0x4E00 - 0x4000) / 64;
        t[k / 64][k % 64] = TRADITIONAL[w];
        w += 1;
    }
    t
};

/// The offset of the first byte where the view of `bytes` differs from
/// them: a `**` or `__`, or a Traditional character [`simplified`] knows.
///
/// Every block is asked, and most hold none: the walk reads bytes, an
/// ideograph at a time (every Traditional character is an ideograph of
/// U+4E00..U+9FFF, three bytes led by 0xE4..=0xE9), and settles each with
/// one table load.
fn first_change(bytes: &[u8]) -> Option<usize> {
    // The rest of the bytes, matched by pattern: the loads are known to be
    // in bounds and nothing is checked one by one.
    let mut rest = bytes;
    loop {
        match rest {
            [b @ 0xE4..=0xE9, b1, b2, tail @ ..] => {
                if BY_BYTES[usize::from(b - 0xE4)][usize::from(b1 & 0x3F)] & (1 << (b2 & 0x3F)) != 0 {
                    return Some(bytes.len() - rest.len());
                }
                rest = tail;
            }
            [b @ (b'*' | b'_'), b1, ..] if b1 == b => return Some(bytes.len() - rest.len()),
            [_, tail @ ..] => rest = tail,
            [] => return None,
        }
    }
}

/// The Traditional character [`simplified`] knows whose three bytes start
/// at `i`, if any.
fn traditional_at(bytes: &[u8], i: usize) -> Option<char> {
    let &[b0, b1, b2] = bytes.get(i..i + 3)? else { return None };
    let cp = (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
    is_traditional(cp).then(|| char::from_u32(cp)).flatten()
}

/// The byte length of the punctuation that may follow emphasis inside a
/// marker (`1****、`): `、` `.` `．` `，` `,`; 0 for anything else.
fn marker_punct_len(bytes: &[u8]) -> usize {
    match bytes {
        [b'.' | b',', ..] => 1,
        // 、 (E3 80 81), ． (EF BC 8E), ， (EF BC 8C)
        [0xE3, 0x80, 0x81, ..] | [0xEF, 0xBC, 0x8E | 0x8C, ..] => 3,
        _ => 0,
    }
}

/// The recognition view of `text`: the same length, `**` / `__` blanked
/// and known Traditional characters read as Simplified. Borrowed when
/// nothing changes.
///
/// ```
/// use jianggao::outline::view::recognition_view;
/// assert_eq!(recognition_view("**一、**总体要求"), "  一、  总体要求");
/// assert_eq!(recognition_view("最後，要落實"), "最后，要落实");
/// assert_eq!(recognition_view("最後").len(), "最後".len());
/// assert_eq!(recognition_view("**1****、**加强"), "  1、      加强");
/// ```
pub fn recognition_view(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let Some(first) = first_change(bytes) else {
        return Cow::Borrowed(text);
    };
    // Every change keeps the length and replaces whole characters by
    // whole characters: the view is the text between the changes, copied
    // as it stands, and the changes, found by [`first_change`] again.
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    let mut at = first;
    loop {
        let (Some(kept), Some(rest)) = (text.get(done..at), bytes.get(at..)) else {
            // Not a character boundary: cannot be, changes start at one.
            return Cow::Borrowed(text);
        };
        out.push_str(kept);
        match rest {
            [b @ (b'*' | b'_'), ..] => {
                let run = rest.iter().take_while(|&x| x == b).count();
                let end = at + run;
                // Emphasis that splits a marker from its punctuation
                // (`1****、`): the punctuation is read first and the blanks
                // after it, over the same bytes.
                let p = marker_punct_len(bytes.get(end..).unwrap_or_default());
                out.push_str(text.get(end..end + p).unwrap_or_default());
                out.extend(std::iter::repeat_n(' ', run));
                done = end + p;
            }
            _ => {
                // Both forms take three bytes (see the tests).
                match traditional_at(bytes, at).map(simplified).filter(|s| s.len_utf8() == 3) {
                    Some(s) => out.push(s),
                    None => out.push_str(text.get(at..at + 3).unwrap_or_default()),
                }
                done = at + 3;
            }
        }
        match bytes.get(done..).and_then(first_change) {
            Some(k) => at = done + k,
            None => break,
        }
    }
    out.push_str(text.get(done..).unwrap_or_default());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_should_keep_the_byte_length() {
        for c in '\u{4E00}'..='\u{9FFF}' {
            assert_eq!(simplified(c).len_utf8(), c.len_utf8(), "{c}");
        }
    }

    #[test]
    fn only_unified_ideographs_should_have_a_simplified_form() {
        for c in (char::MIN..='\u{4DFF}').chain('\u{A000}'..=char::MAX) {
            assert_eq!(simplified(c), c, "{c}");
        }
    }

    #[test]
    fn the_bit_set_should_hold_every_pair() {
        for c in '\u{4E00}'..='\u{9FFF}' {
            assert_eq!(is_traditional(c as u32), simplified(c) != c, "{c}");
        }
    }

    #[test]
    fn the_byte_check_should_agree_with_the_char_check() {
        for t in ["**一", "a__b", "a_b*c", "最後", "最后", "總", "", "_", "é點", "\u{9FFF}\u{4E00}"] {
            let by_chars = t.contains("**") || t.contains("__") || t.chars().any(|c| simplified(c) != c);
            assert_eq!(first_change(t.as_bytes()).is_some(), by_chars, "{t}");
        }
        // Every changed character, and every ideograph besides, after
        // text of one- to four-byte characters.
        for c in CHARS.chars().chain('\u{4000}'..='\u{9FFF}').chain(['*', '_', '一']) {
            for pad in ["", "a", "é", "们", "𠀀"] {
                for t in [format!("{pad}{c}"), format!("{pad}{c}{c}x")] {
                    let at = t
                        .char_indices()
                        .find(|&(i, c)| simplified(c) != c || ((c == '*' || c == '_') && t[i + 1..].starts_with(c)));
                    assert_eq!(first_change(t.as_bytes()), at.map(|(i, _)| i), "{t}");
                }
            }
        }
    }

    /// The view built a char at a time, as the rules read it.
    fn view_by_chars(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut it = text.chars().peekable();
        while let Some(c) = it.next() {
            if (c == '*' || c == '_') && it.peek() == Some(&c) {
                let mut k = 1;
                while it.next_if_eq(&c).is_some() {
                    k += 1;
                }
                if let Some(p) = it.next_if(|&p| matches!(p, '、' | '.' | '．' | '，' | ',')) {
                    out.push(p);
                }
                out.extend(std::iter::repeat_n(' ', k));
                continue;
            }
            out.push(simplified(c));
        }
        out
    }

    #[test]
    fn the_patched_bytes_should_be_the_view_by_chars() {
        let texts = [
            "**1****、**加强学习",
            "__一是__要",
            "最後一點",
            "a*b",
            "***",
            "再來",
            "**",
            "*",
            "__",
            "_*_**_",
            "**．第一個**，再來",
            "1**.**2__,__3**、",
            "**，",
            "末尾**",
            "é點𠀀**個",
            "總結：最後，還要強調三點。",
            "",
        ];
        for t in texts {
            assert_eq!(recognition_view(t), view_by_chars(t), "{t}");
        }
        // Every Traditional character the view knows, alone and among others.
        for c in '\u{4E00}'..='\u{9FFF}' {
            let t = format!("**{c}*_{c}__");
            assert_eq!(recognition_view(&t), view_by_chars(&t), "{t}");
        }
    }

    #[test]
    fn the_view_should_keep_every_length() {
        for t in ["**1****、**加强学习", "__一是__要", "最後一點", "a*b", "***", "再來"] {
            assert_eq!(recognition_view(t).len(), t.len(), "{t}");
        }
    }
}

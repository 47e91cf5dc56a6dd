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
//!   A text written wholly in Traditional characters is converted before
//!   the parse (`crate::fold`); this table serves a Simplified text that
//!   holds a few Traditional marker words.

use std::borrow::Cow;

/// The Simplified form of `c` when recognition knows it, else `c`: the
/// Traditional characters of marker words and their neighbours, each pair
/// one three-byte ideograph on both sides (a `match`, so the lookup is a
/// jump, not a search). The one definition of the set: the byte tables
/// below are built from it at compile time.
const fn simplified(c: char) -> char {
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

/// True when `c` is one of the Traditional characters [`simplified`]
/// knows.
const fn is_traditional(c: char) -> bool {
    simplified(c) != c
}

/// The Traditional characters [`simplified`] knows, by their UTF-8 bytes:
/// a three-byte character `b0 b1 b2` (lead 0xE0..=0xEF, all of them: every
/// one is an ideograph of U+4E00..U+9FFF) is one when bit `b2 & 0x3F` of
/// `[b0 & 0x0F][b1 & 0x3F]` is set. Built from [`simplified`] at compile
/// time.
static BY_BYTES: [[u64; 64]; 16] = {
    let mut t = [[0u64; 64]; 16];
    let mut u = 0x800;
    while u < 0x1_0000 {
        if let Some(c) = char::from_u32(u) {
            if is_traditional(c) {
                t[(u >> 12) as usize & 0x0F][(u >> 6) as usize & 0x3F] |= 1 << (u & 0x3F);
            }
        }
        u += 1;
    }
    t
};

/// True when the three bytes `b0 b1 b2`, a character led by 0xE0..=0xEF,
/// are a Traditional character [`simplified`] knows.
fn traditional_bytes(b0: u8, b1: u8, b2: u8) -> bool {
    BY_BYTES[usize::from(b0 & 0x0F)][usize::from(b1 & 0x3F)] & (1 << (b2 & 0x3F)) != 0
}

/// The index in [`TAILS`] of a character's second and third bytes, read
/// as the low bytes of a little-endian word: their low six bits.
fn tail_index(pair: u64) -> usize {
    (pair & 0x3F3F) as usize
}

/// The filter of the walk: true at [`tail_index`] of the last two bytes
/// of every Traditional character [`simplified`] knows. The lead byte is
/// left out, so the other five leads' characters with the same two bytes
/// pass too (about one ideograph in 200 of running text: `切` `二`); the
/// pair of the last two bytes is what sets the 58 apart: the pairs of lead
/// and second byte they use hold a sixth of all ideographs. Built from
/// [`simplified`] at compile time.
static TAILS: [bool; 0x4000] = {
    let mut t = [false; 0x4000];
    let mut u = 0x800;
    while u < 0x1_0000 {
        if let Some(c) = char::from_u32(u) {
            if is_traditional(c) {
                // The low six bits of the second byte, then of the third.
                t[((u >> 6) & 0x3F) as usize | ((u & 0x3F) as usize) << 8] = true;
            }
        }
        u += 1;
    }
    t
};

/// Characters the walk takes at a time in a run of three-byte characters.
const GROUP: usize = 8;

/// Little-endian words read for a group: its [`GROUP`] characters' bytes
/// and the rest of the last word.
const WORDS: usize = (3 * GROUP).div_ceil(8);

// [`three_byte_run`] reads three words.
const _: () = assert!(WORDS == 3);

/// `v` at every byte of the `k`-th word of a group where one of its
/// characters starts (every third byte), 0 elsewhere.
const fn at_leads(k: usize, v: u8) -> u64 {
    let mut m = 0;
    let mut j = 0;
    while j < 8 {
        let at = 8 * k + j;
        if at.is_multiple_of(3) && at < 3 * GROUP {
            m |= (v as u64) << (8 * j);
        }
        j += 1;
    }
    m
}

/// [`at_leads`] of every word of a group.
const fn leads(v: u8) -> [u64; WORDS] {
    let mut t = [0; WORDS];
    let mut k = 0;
    while k < WORDS {
        t[k] = at_leads(k, v);
        k += 1;
    }
    t
}

/// The high nibble of the group's lead bytes, word by word.
const LEAD_NIBBLES: [u64; WORDS] = leads(0xF0);

/// The same when every lead byte opens a three-byte character (0xE_).
const THREE_BYTE_LEADS: [u64; WORDS] = leads(0xE0);

/// How many of a group's characters, from its start, are three bytes long
/// ([`GROUP`] when all are): its lead bytes (every third byte) are checked
/// a word at a time against 0xE_, and the first that is not one ends the
/// count. The bytes between leads of three-byte characters are their
/// continuation bytes.
fn three_byte_run(words: [u64; WORDS]) -> usize {
    let off = |k: usize| (words[k] & LEAD_NIBBLES[k]) ^ THREE_BYTE_LEADS[k];
    let first_other = match (off(0), off(1), off(2)) {
        (0, 0, 0) => return GROUP,
        (0, 0, w) => 16 + w.trailing_zeros() / 8,
        (0, w, _) => 8 + w.trailing_zeros() / 8,
        (w, _, _) => w.trailing_zeros() / 8,
    };
    first_other as usize / 3
}

/// True when the second and third bytes of one of the group's characters,
/// read from its words, are in [`TAILS`]. Past a character of another
/// length the pairs read are not characters': they may pass, never fail,
/// a group, and what passes is settled byte by byte.
fn tails_pass(words: [u64; WORDS]) -> bool {
    let word = |q: usize| words.get(q).copied().unwrap_or(0);
    (0..GROUP).fold(false, |pass, k| {
        // Bytes `3k + 1` and `3k + 2`, perhaps across two words.
        let (q, r) = ((3 * k + 1) / 8, (3 * k + 1) % 8 * 8);
        let pair = (word(q) >> r) | word(q + 1).checked_shl(64 - r as u32).unwrap_or(0);
        pass | TAILS[tail_index(pair)]
    })
}

/// The offset of the first byte where the view of `bytes` differs from
/// them: a `**` or `__`, or a Traditional character [`simplified`] knows.
///
/// Every block is asked, and most hold none. Ideographs and CJK
/// punctuation (three-byte characters) are taken [`GROUP`] at a time, as
/// three words: a test of how many are three bytes long (no `*` or `_` is
/// among those) and one load each of [`TAILS`]; only a group that passes
/// that filter is settled character by character. A character of another
/// length that cuts a group short, those of other lengths after it and the
/// last ones, too few for a group, are read one at a time.
fn first_change(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    loop {
        let Some(words) = bytes.get(i..).and_then(|r| r.as_chunks::<8>().0.first_chunk::<WORDS>()) else {
            return last_change(bytes, i);
        };
        let words = words.map(u64::from_le_bytes);
        let n = three_byte_run(words);
        if tails_pass(words) {
            if let Some(k) = (0..n).find(|&k| traditional_at(bytes, i + 3 * k).is_some()) {
                return Some(i + 3 * k);
            }
        }
        i += 3 * n;
        if n == GROUP {
            continue;
        }
        // The characters of other lengths, up to the next three-byte one.
        while let Some(&b) = bytes.get(i) {
            if b & 0xF0 == 0xE0 {
                break;
            }
            if (b == b'*' || b == b'_') && bytes.get(i + 1) == Some(&b) {
                return Some(i);
            }
            i += crate::marker::char_len(b);
        }
    }
}

/// [`first_change`] of the characters from `i` (a character boundary) to
/// the end, one at a time.
fn last_change(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match bytes.get(i..)? {
            [] => return None,
            &[b0 @ 0xE0..=0xEF, b1, b2, ..] => {
                if traditional_bytes(b0, b1, b2) {
                    return Some(i);
                }
                i += 3;
            }
            [b @ (b'*' | b'_'), b1, ..] if b1 == b => return Some(i),
            &[b, ..] => i += crate::marker::char_len(b),
        }
    }
}

/// The number of Traditional characters [`simplified`] knows in `bytes`,
/// counted up to `enough`, found by [`first_change`]'s group scan.
pub(crate) fn traditional_count(bytes: &[u8], enough: usize) -> usize {
    let (mut n, mut i) = (0, 0);
    while n < enough {
        let Some(k) = bytes.get(i..).and_then(first_change) else { break };
        let at = i + k;
        n += usize::from(traditional_at(bytes, at).is_some());
        i = at + bytes.get(at).map_or(1, |&b| crate::marker::char_len(b));
    }
    n
}

/// The Traditional character [`simplified`] knows whose three bytes start
/// at `i`, if any.
fn traditional_at(bytes: &[u8], i: usize) -> Option<char> {
    let &[b0 @ 0xE0..=0xEF, b1, b2] = bytes.get(i..i + 3)? else { return None };
    let cp = (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
    traditional_bytes(b0, b1, b2).then(|| char::from_u32(cp)).flatten()
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

    /// The Traditional characters [`simplified`] knows, in order.
    fn traditional() -> Vec<char> {
        (char::MIN..=char::MAX).filter(|&c| is_traditional(c)).collect()
    }

    /// [`first_change`] a character at a time, as the rules read it.
    fn first_change_by_chars(t: &str) -> Option<usize> {
        t.char_indices()
            .find(|&(i, c)| simplified(c) != c || ((c == '*' || c == '_') && t[i + 1..].starts_with(c)))
            .map(|(i, _)| i)
    }

    #[test]
    fn the_byte_table_should_hold_every_pair() {
        for c in '\u{800}'..='\u{FFFF}' {
            let mut buf = [0; 4];
            let &[b0, b1, b2] = c.encode_utf8(&mut buf).as_bytes() else { panic!("{c}") };
            assert_eq!(traditional_bytes(b0, b1, b2), is_traditional(c), "{c}");
        }
    }

    #[test]
    fn the_filter_should_catch_every_traditional_character() {
        let trad = traditional();
        assert_eq!(trad.len(), 58);
        for c in trad {
            let mut buf = [0; 4];
            let &[_, b1, b2] = c.encode_utf8(&mut buf).as_bytes() else { panic!("{c}") };
            assert!(TAILS[tail_index(u64::from(u16::from_le_bytes([b1, b2])))], "{c}");
        }
    }

    #[test]
    fn the_filter_should_pass_other_ideographs() {
        // Running Simplified text, and the Simplified forms of the 58.
        let sample = "同志们今天我们召开全市干部大会主要任务是深入学习贯彻党的精神认真总结上半年工作\
                      分析当前面临的形势研究部署下一步重点任务下面我讲三点意见首先要提高政治站位\
                      来后个点条项节讲单届从对与会问为这们实于强层号现时间书记责务义产阵阶还让须坚续进\
                      严积极认树断紧终着据种轮级两机关发总";
        for c in sample.chars() {
            let mut buf = [0; 4];
            let &[_, b1, b2] = c.encode_utf8(&mut buf).as_bytes() else { panic!("{c}") };
            assert!(!TAILS[tail_index(u64::from(u16::from_le_bytes([b1, b2])))], "{c}");
        }
        // Of all unified ideographs, those that share the last two bytes of
        // one of the 58 under another lead: under 2%.
        let passed = ('\u{4E00}'..='\u{9FFF}')
            .filter(|&c| {
                let mut buf = [0; 4];
                let b = c.encode_utf8(&mut buf).as_bytes();
                TAILS[tail_index(u64::from(u16::from_le_bytes([b[1], b[2]])))]
            })
            .count();
        assert!(passed * 50 < 0x5200, "{passed}");
    }

    #[test]
    fn the_byte_check_should_agree_with_the_char_check() {
        for t in ["**一", "a__b", "a_b*c", "最後", "最后", "總", "", "_", "é點", "\u{9FFF}\u{4E00}"] {
            let by_chars = t.contains("**") || t.contains("__") || t.chars().any(|c| simplified(c) != c);
            assert_eq!(first_change(t.as_bytes()).is_some(), by_chars, "{t}");
        }
        // Every changed character, and every ideograph besides, after
        // text of one- to four-byte characters.
        for c in traditional().into_iter().chain('\u{4000}'..='\u{9FFF}').chain(['*', '_', '一']) {
            for pad in ["", "a", "é", "们", "𠀀"] {
                for t in [format!("{pad}{c}"), format!("{pad}{c}{c}x")] {
                    assert_eq!(first_change(t.as_bytes()), first_change_by_chars(&t), "{t}");
                }
            }
        }
    }

    #[test]
    fn the_group_walk_should_find_a_change_at_every_place() {
        // Runs long enough for several groups, the change at every offset
        // of them, behind text of other lengths, with the filter's other
        // ideographs (`切` `二` share two bytes with a Traditional one).
        let run: Vec<char> =
            "同志们今天切我们召开全市二干部大会，主要任务是深入学习贯彻。精神认真总结上半年工作".chars().collect();
        let changes = traditional().into_iter().map(String::from).chain(["**", "__"].map(String::from));
        let changes: Vec<String> = changes.chain([String::new()]).collect();
        for change in &changes {
            for pad in ["", "a", "é", "𠀀", "12", "a*b_c"] {
                for at in 0..=run.len() {
                    let before: String = run[..at].iter().collect();
                    let after: String = run[at..].iter().collect();
                    for t in [format!("{pad}{before}{change}{after}"), format!("{before}{pad}{change}{after}{pad}")] {
                        assert_eq!(first_change(t.as_bytes()), first_change_by_chars(&t), "{t}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_view_should_blank_emphasis_runs_and_simplify() {
        for (t, view) in [
            // A run of two or more `*` or `_` turns to spaces; a list
            // punctuation right after it moves before them.
            ("**1****、**加强学习", "  1、      加强学习"),
            ("__一是__要", "  一是  要"),
            ("a*b", "a*b"),
            ("***", "   "),
            ("**", "  "),
            ("*", "*"),
            ("__", "  "),
            ("_*_**_", "_*_  _"),
            ("**．第一個**，再來", "．  第一个，  再来"),
            ("1**.**2__,__3**、", "1.    2,    3、  "),
            ("**，", "，  "),
            ("末尾**", "末尾  "),
            // The Traditional characters the view knows, and only those.
            ("最後一點", "最后一点"),
            ("再來", "再来"),
            ("é點𠀀**個", "é点𠀀  个"),
            ("總結：最後，還要強調三點。", "总結：最后，还要强調三点。"),
            ("", ""),
        ] {
            assert_eq!(recognition_view(t), view, "{t}");
        }
        // Every ideograph, among runs and lone marks.
        for c in '\u{4E00}'..='\u{9FFF}' {
            let t = format!("**{c}*_{c}__");
            assert_eq!(recognition_view(&t), format!("  {s}*_{s}  ", s = simplified(c)), "{t}");
        }
    }

    #[test]
    fn the_view_should_keep_every_length() {
        for t in ["**1****、**加强学习", "__一是__要", "最後一點", "a*b", "***", "再來"] {
            assert_eq!(recognition_view(t).len(), t.len(), "{t}");
        }
    }
}

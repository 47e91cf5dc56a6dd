//! Character classes and width folding used for recognition.
//!
//! Recognition never rewrites the source: it folds characters on the fly
//! (full-width to half-width, ideographic space to space) and compares the
//! folded forms. What the cleaned text of a block drops (wrap spaces,
//! zero-width characters) is tracked by [`crate::OffsetMap`].

/// Folds a full-width ASCII form (`１` `（` `：`) to its half-width form, and
/// the ideographic space to a plain space; every other character is returned
/// unchanged.
///
/// ```
/// use jianggao::normalize::fold;
/// assert_eq!(fold('１'), '1');
/// assert_eq!(fold('（'), '(');
/// assert_eq!(fold('一'), '一');
/// ```
pub const fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => match char::from_u32(c as u32 - 0xFEE0) {
            Some(f) => f,
            None => c,
        },
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c,
    }
}

/// True for characters that end a sentence: `。！？；` and their half-width
/// forms (not `…`, which also trails off mid-sentence).
///
/// ```
/// assert!(jianggao::normalize::is_sentence_end('。'));
/// assert!(!jianggao::normalize::is_sentence_end('，'));
/// ```
pub const fn is_sentence_end(c: char) -> bool {
    matches!(fold(c), '。' | '!' | '?' | ';')
}

/// The byte length of the sentence end encoded at byte `i` of `bytes`
/// ([`is_sentence_end`] read on bytes, without decoding): `!` `?` `;`,
/// `。` (E3 80 82) and the full-width `！` `；` `？` (EF BC 81/9B/9F). Their
/// lead bytes never occur inside another character.
pub(crate) fn sentence_end_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..).unwrap_or_default() {
        [b'!' | b'?' | b';', ..] => Some(1),
        [0xE3, 0x80, 0x82, ..] | [0xEF, 0xBC, 0x81 | 0x9B | 0x9F, ..] => Some(3),
        _ => None,
    }
}

/// The first sentence end of `bytes` ([`sentence_end_len`]): its offset
/// and byte length. Only the bytes that open one in [`sentence_end_len`]
/// are looked at; none of them stands inside another character.
///
/// Two vector searches: the first wide end (lead byte 0xE3 or 0xEF, which
/// also open the commas and quotes between), then the ASCII `!` `?` `;`
/// before it, which Chinese text rarely holds.
pub(crate) fn first_sentence_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let wide = memchr::memchr2_iter(0xE3, 0xEF, bytes).find_map(|i| sentence_end_len(bytes, i).map(|len| (i, len)));
    let before = bytes.get(..wide.map_or(bytes.len(), |(i, _)| i)).unwrap_or_default();
    match memchr::memchr3(b'!', b'?', b';', before) {
        Some(i) => Some((i, 1)),
        None => wide,
    }
}

/// True for characters that may close a heading or clause: sentence ends plus
/// `：` `:`.
///
/// ```
/// assert!(jianggao::normalize::is_clause_end('：'));
/// ```
pub const fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || fold(c) == ':'
}

/// True for closing quotes and brackets that may follow a sentence end
/// (`。”`).
///
/// ```
/// assert!(jianggao::normalize::is_closing_quote('”'));
/// ```
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '」' | '』' | '）' | ')' | '》' | '〃')
}

/// True for CJK ideographs and CJK punctuation: characters between which a
/// space is never a real word space.
///
/// ```
/// use jianggao::normalize::is_cjk;
/// assert!(is_cjk('党'));
/// assert!(is_cjk('，'));
/// assert!(!is_cjk('a'));
/// ```
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x303F    // CJK punctuation
        | 0x3040..=0x30FF    // kana
        | 0x3400..=0x4DBF    // ext A
        | 0x4E00..=0x9FFF    // unified
        | 0xF900..=0xFAFF    // compatibility
        | 0xFE30..=0xFE4F    // compatibility forms
        | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0x2018..=0x201F    // curly quotes
        | 0x2026             // …
        | 0x2460..=0x24FF    // enclosed numbers
        | 0x2776..=0x2793
        | 0x20000..=0x2FA1F)
}

/// The number of [`is_cjk`] characters of `s`, read from its bytes rather
/// than decoding every character: an ideograph of U+5000…U+9FFF is known by
/// its lead byte (E5…E9), ASCII and two-byte characters (below U+0800) are
/// never CJK, and only the other characters are decoded.
pub(crate) fn count_cjk(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            0xE5..=0xE9 => {
                n += 1;
                i += 3;
            }
            0xE0.. => {
                let c = s.get(i..).and_then(|rest| rest.chars().next());
                n += usize::from(c.is_some_and(is_cjk));
                i += c.map_or(1, char::len_utf8);
            }
            // ASCII, and the lead and continuation bytes of two-byte
            // characters.
            _ => i += 1,
        }
    }
    n
}

/// True for characters that are invisible and carry nothing: zero-width
/// spaces and joiners, the BOM, soft hyphen.
///
/// ```
/// assert!(jianggao::normalize::is_invisible('\u{200B}'));
/// ```
pub const fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// True for any kind of space, including the ideographic space, NBSP and
/// zero-width characters.
///
/// ```
/// assert!(jianggao::normalize::is_space('\u{3000}'));
/// ```
pub const fn is_space(c: char) -> bool {
    // No space or invisible character lies between the ideographic space and
    // the BOM: ideographs and CJK punctuation answer at once.
    if '\u{3001}' <= c && c < '\u{FEFF}' {
        return false;
    }
    c.is_whitespace() || is_invisible(c)
}

/// The lead bytes of a character class, for byte scanners that must not
/// decode: entry `b` is true when a character of the class (a `const fn`
/// of `char`) is encoded with the lead byte `b`. Built at compile time from
/// the class itself, over the Basic Multilingual Plane (no space, sentence
/// or clause end lies outside it), so the table never drifts from the
/// definition.
macro_rules! lead_bytes {
    ($class:path) => {{
        let mut t = [false; 256];
        let mut u = 0u32;
        while u < 0x1_0000 {
            if let Some(c) = char::from_u32(u) {
                if $class(c) {
                    let mut buf = [0u8; 4];
                    t[c.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
                }
            }
            u += 1;
        }
        t
    }};
}
pub(crate) use lead_bytes;

/// The lead bytes of the [`is_space`] characters.
pub(crate) const SPACE_LEADS: [bool; 256] = lead_bytes!(is_space);

/// Width of a string for line-width statistics: CJK characters count 2,
/// others 1.
///
/// ```
/// assert_eq!(jianggao::normalize::display_width("党a"), 3);
/// ```
pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// True for a CJK ideograph (not punctuation, kana or symbols): the
/// characters a name, a title or a sentence is made of.
///
/// ```
/// assert!(jianggao::normalize::is_ideograph('党'));
/// assert!(!jianggao::normalize::is_ideograph('，'));
/// ```
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The byte range of `s[a..e]` with spaces trimmed at both ends (`(a, a)`
/// when the range is not a valid slice).
pub(crate) fn trim_range(s: &str, a: usize, e: usize) -> (usize, usize) {
    let Some(sub) = s.get(a..e) else {
        return (a, a);
    };
    let start = a + (sub.len() - sub.trim_start_matches(is_space).len());
    let end = a + sub.trim_end_matches(is_space).len();
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_count_cjk_characters_as_the_decoded_characters_say() {
        let naive = |s: &str| s.chars().filter(|c| is_cjk(*c)).count();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("a{c}党é{c}");
            assert_eq!(count_cjk(&s), naive(&s), "{:X}", c as u32);
        }
        for s in ["", "a", "é", "党的建设，“引号”…", "\u{4DC0}\u{4DBF}\u{3100}\u{30FF}\u{20000}\u{2FA20}"]
        {
            assert_eq!(count_cjk(s), naive(s), "{s:?}");
        }
    }

    #[test]
    fn first_sentence_end_should_find_the_first_char_that_ends_a_sentence() {
        let by_chars = |s: &str| s.char_indices().find(|&(_, c)| is_sentence_end(c)).map(|(i, c)| (i, c.len_utf8()));
        let mut texts: Vec<String> = [
            "",
            "没有句末",
            "要学习，“引号”、《书名》：冒号…",
            "一句。二句！",
            "ascii; 然后。",
            "先全角；后半角!",
            "问？答!",
            "ａ！",
            "「引」『号』〔括〕",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every char of the blocks that share a lead byte with a wide end.
        for c in ('\u{3000}'..='\u{3FFF}').chain('\u{F000}'..='\u{FFFF}') {
            texts.push(format!("字{c}字。"));
            texts.push(format!("{c}!"));
        }
        for t in &texts {
            assert_eq!(first_sentence_end(t.as_bytes()), by_chars(t), "{t}");
        }
    }
}

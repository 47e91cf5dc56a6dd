//! Outline markers: one nom parser per family, combined by [`parse_marker`],
//! and the scanner [`scan`] that finds candidates at block starts and inline
//! after a sentence end or a colon.
//!
//! ```text
//! marker := cn_paren | arabic_paren | arabic_dot | circled
//!         | cn_dun | cn_shi | ge_shi | fang_mian
//!         | di | qi | sequence | pian | capital_dun
//! ```
//!
//! The alternation is dispatched on the first character (`一` can only open
//! `cn_dun | cn_shi | ge_shi | fang_mian`, `(` only `cn_paren |
//! arabic_paren`, …) and then on the character that follows the numeral,
//! bracket or digits (`、` after `一` leaves only `cn_dun`, `是` only
//! `cn_shi`), so an attempt runs at most the sub-parsers that may match,
//! and a text that opens with no marker's first character is refused from
//! its bytes. No nom error leaves [`parse_marker`], and nothing is
//! allocated.
//!
//! [`scan`] finds where to ask: the start of the block (after leading
//! spaces), and right after `。！？；：` / `! ? ; :` / `…`, past closing
//! quotes (`” 」 』 ’`) and spaces. A half-width colon after a digit is a
//! time (`13:45`), not a clause end.
//!
//! Each family has its own module, which opens with its rule, real examples
//! and the reasons for its refusals; `grammar-notes/` writes the whole
//! grammar up. The grammar answers "is there a marker at the very start of
//! this text?"; whether a candidate really opens an item, and at what level,
//! is decided by the outline stage from position and sequence.

mod arabic;
mod circled;
mod di;
mod dun;
mod lex;
pub mod numeral;
mod paren;
mod pian;
mod shi;
mod words;

use crate::model::MarkerKind;

/// A marker recognised at the start of some input.
///
/// ```
/// let m = jianggao::marker::parse_marker("一、总体要求").unwrap();
/// assert_eq!((m.kind, m.ordinal, m.len), (jianggao::MarkerKind::CnDun, 1, 6));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkerMatch {
    /// The family.
    pub kind: MarkerKind,
    /// The 1-based ordinal; 0 for `最后` ("the last"), which the outline
    /// resolves from its list.
    pub ordinal: u32,
    /// Bytes taken by the marker, with its trailing punctuation and spaces.
    pub len: usize,
}

/// Where a candidate stands in its block.
///
/// ```
/// use jianggao::marker::{scan, Position};
/// assert_eq!(scan("一、总体要求")[0].position, Position::BlockStart);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    /// At the start of the block (a heading line, or a paragraph opening).
    BlockStart,
    /// Inside the block, after a sentence end or a colon.
    Inline,
}

/// A marker candidate inside a block's cleaned text.
///
/// ```
/// use jianggao::marker::scan;
/// let c = scan("要把好四关：一是要把好初始关。");
/// assert_eq!(c[0].offset, "要把好四关：".len());
/// assert_eq!(c[0].m.ordinal, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Byte offset of the marker in the block text.
    pub offset: usize,
    /// Block start or inline.
    pub position: Position,
    /// What was recognised.
    pub m: MarkerMatch,
}

/// A family parser: the remaining input, the family and the ordinal.
type Family = fn(&str) -> lex::R<'_, (MarkerKind, u32)>;

/// The characters a Chinese numeral of [`numeral::cn_numeral`] is made of:
/// `一` … `九`, `十`, `〇`.
fn is_cn_numeral_char(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇')
}

/// The first character of a [`numeral::cn_numeral`]: `一` … `九`, `十`.
fn opens_cn_numeral(c: char) -> bool {
    c != '〇' && is_cn_numeral_char(c)
}

/// The character that follows the run of `run` characters at the start of
/// `rest` and a wrap gap (up to two spaces, as [`lex::gap`]), if any. After
/// more than two spaces it is the third space, which closes no marker.
fn after_run(rest: &str, run: fn(char) -> bool) -> Option<char> {
    let mut chars = rest.chars();
    let mut c = chars.next()?;
    while run(c) {
        c = chars.next()?;
    }
    for _ in 0..2 {
        if !lex::is_space(c) {
            break;
        }
        c = chars.next()?;
    }
    Some(c)
}

/// The character after a wrap gap at the start of `rest`.
fn after_gap(rest: &str) -> Option<char> {
    after_run(rest, |_| false)
}

/// True for a character that may open a marker: the first characters of
/// the families of [`families`].
const fn may_open_marker(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '另'
            | '再'
            | '其'
            | '首'
            | '最'
            | '接'
            | '第'
            | '篇'
            | '('
            | '（'
            | '〔'
            | '【'
            | '['
            | '［'
            | '\u{3220}'..='\u{3229}'
            | '0'..='9'
            | '０'..='９'
            | '\u{2474}'..='\u{249B}'
            | '\u{2460}'..='\u{2473}'
            | '\u{24EB}'..='\u{24FE}'
            | '\u{2776}'..='\u{2793}'
            | '\u{3251}'..='\u{325F}'
            | '\u{3280}'..='\u{3289}'
            | '\u{32B1}'..='\u{32BF}'
            | '拾'
    ) || numeral::capital_digit(c).is_some()
}

/// [`may_open_marker`] as a bit per character of the Basic Multilingual
/// Plane (every opener lies in it), so that the characters of running
/// text are refused with one look-up.
static OPENERS: [u64; 1024] = openers();

const fn openers() -> [u64; 1024] {
    let mut t = [0u64; 1024];
    let mut u = 0u32;
    while u < 0x1_0000 {
        if let Some(c) = char::from_u32(u) {
            if may_open_marker(c) {
                t[(u / 64) as usize] |= 1 << (u % 64);
            }
        }
        u += 1;
    }
    t
}

/// True when a marker may open with `c` ([`OPENERS`]).
fn opens(c: char) -> bool {
    let u = c as usize;
    OPENERS.get(u / 64).is_some_and(|w| w >> (u % 64) & 1 != 0)
}

/// [`opens`] for the character that `bytes` (UTF-8) open with, read from
/// its bytes: an ASCII opener (`(` `[` a digit), or a three-byte
/// character whose bit is set. No opener takes two or four bytes.
fn opens_bytes(bytes: &[u8]) -> bool {
    match *bytes {
        [b, ..] if b < 0x80 => matches!(b, b'(' | b'[' | b'0'..=b'9'),
        [b0 @ 0xE0..=0xEF, b1, b2, ..] => {
            let u = usize::from(b0 & 0x0F) << 12 | usize::from(b1 & 0x3F) << 6 | usize::from(b2 & 0x3F);
            OPENERS.get(u / 64).is_some_and(|w| w >> (u % 64) & 1 != 0)
        }
        _ => false,
    }
}

/// The families that may match `input`, tried in order; `&[]` when none
/// can. Dispatched on the first character, then on the character that
/// follows the first word: the numeral of `一、` `一是` `一个是` `一方面`,
/// the bracket of `(一)` `(1)`, the digits of `1.` `1)`, the `第` of `第一`
/// (each after a wrap gap). Every family's grammar needs that character, so
/// an attempt that cannot succeed (`一些`, `(注)`, `第`, `10%`) runs no
/// parser, and any other runs the one family it can be.
fn families(input: &str) -> &'static [Family] {
    let mut chars = input.chars();
    let Some(c) = chars.next().filter(|&c| opens(c)) else { return &[] };
    let rest = chars.as_str();
    match c {
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => {
            // A numeral is read whole: the family is told by what closes it.
            match after_run(rest, is_cn_numeral_char) {
                Some(p) if lex::is_num_punct(p) => &[dun::cn_dun],
                Some('是' | '要' | '则') => &[shi::cn_shi],
                Some('个') => &[words::ge_shi],
                Some('方') => &[words::fang_mian],
                _ => &[],
            }
        }
        '另' => match after_gap(rest) {
            Some('一' | '外') => &[words::ge_shi, words::fang_mian],
            _ => &[],
        },
        '再' => match after_gap(rest) {
            Some('一') => &[words::ge_shi],
            Some('次' | '者' | '来') => &[words::sequence],
            _ => &[],
        },
        '其' => match after_gap(rest) {
            Some('次') => &[words::sequence],
            Some(n) if opens_cn_numeral(n) => &[words::qi],
            _ => &[],
        },
        '首' | '最' | '接' => match (c, after_gap(rest)) {
            ('首', Some('先')) | ('最', Some('后')) | ('接', Some('下')) => &[words::sequence],
            _ => &[],
        },
        '第' => match after_gap(rest) {
            Some(n) if opens_cn_numeral(n) || numeral::arabic_digit(n).is_some() => &[di::di],
            _ => &[],
        },
        '篇' => match after_gap(rest) {
            Some(n) if opens_cn_numeral(n) => &[pian::pian],
            _ => &[],
        },
        '(' | '（' => match after_gap(rest) {
            Some(n) if opens_cn_numeral(n) || paren::is_dash(n) => &[paren::cn_paren],
            Some(n) if numeral::arabic_digit(n).is_some() => &[paren::arabic_paren],
            _ => &[],
        },
        '〔' | '【' | '[' | '［' => match after_gap(rest) {
            Some(n) if opens_cn_numeral(n) || paren::is_dash(n) => &[paren::cn_paren],
            _ => &[],
        },
        '\u{3220}'..='\u{3229}' => &[paren::cn_paren],
        '0'..='9' | '０'..='９' => match after_run(rest, |d| numeral::arabic_digit(d).is_some()) {
            Some(')' | '）') => &[paren::arabic_paren],
            Some('.' | '．' | '、' | '，' | ',') => &[arabic::arabic_dot],
            _ => &[],
        },
        '\u{2474}'..='\u{2487}' => &[paren::arabic_paren],
        '\u{2488}'..='\u{249B}' => &[arabic::arabic_dot],
        '\u{2460}'..='\u{2473}'
        | '\u{24EB}'..='\u{24FE}'
        | '\u{2776}'..='\u{2793}'
        | '\u{3251}'..='\u{325F}'
        | '\u{3280}'..='\u{3289}'
        | '\u{32B1}'..='\u{32BF}' => &[circled::circled],
        '拾' => &[dun::capital_dun],
        _ if numeral::capital_digit(c).is_some() => &[dun::capital_dun],
        _ => &[],
    }
}

/// Parses one marker at the very start of `input`, or `None`.
///
/// ```
/// use jianggao::marker::parse_marker;
/// use jianggao::MarkerKind;
/// let m = parse_marker("二是要在感情上贴近群众").unwrap();
/// assert_eq!((m.kind, m.ordinal, m.len), (MarkerKind::CnShi, 2, "二是".len()));
/// let m = parse_marker("(一)是持续深化理论武装").unwrap();
/// assert_eq!((m.kind, m.ordinal, m.len), (MarkerKind::CnParen, 1, "(一)是".len()));
/// assert!(parse_marker("第一次").is_none());
/// assert!(parse_marker("1.5倍").is_none());
/// ```
#[inline]
pub fn parse_marker(input: &str) -> Option<MarkerMatch> {
    // Most texts asked open with no marker's first character: refused
    // here, on bytes, where the caller stands.
    if !opens_bytes(input.as_bytes()) {
        return None;
    }
    parse_opened(input)
}

/// [`parse_marker`] after its first look.
fn parse_opened(input: &str) -> Option<MarkerMatch> {
    let (rest, (kind, ordinal)) = families(input).iter().find_map(|f| f(input).ok())?;
    Some(MarkerMatch { kind, ordinal, len: input.len() - rest.len() })
}

/// True for the *heading families*: the markers that may open a heading
/// line of their own (`一、` `(一)` `1.` `(1)` `①` `第一` `篇一` `壹、`). The
/// word markers (`一是` `一个是` `其一` `首先` `一方面`) only ever open an
/// item inside running text. Every stage that asks whether a marker heads
/// a line asks this.
///
/// ```
/// use jianggao::marker::heading_family;
/// use jianggao::MarkerKind;
/// assert!(heading_family(MarkerKind::CnDun));
/// assert!(!heading_family(MarkerKind::CnShi));
/// ```
pub fn heading_family(kind: MarkerKind) -> bool {
    !matches!(
        kind,
        MarkerKind::CnShi | MarkerKind::GeShi | MarkerKind::Qi | MarkerKind::Sequence | MarkerKind::FangMian
    )
}

/// The marker at the start of `text` after any leading spaces, its length
/// counted from the start of `text`.
///
/// ```
/// let m = jianggao::marker::leading_marker("  篇二：讲话").unwrap();
/// assert_eq!((m.kind, m.ordinal, m.len), (jianggao::MarkerKind::Pian, 2, "  篇二：".len()));
/// ```
pub fn leading_marker(text: &str) -> Option<MarkerMatch> {
    let t = text.trim_start_matches(crate::normalize::is_space);
    let lead = text.len() - t.len();
    parse_marker(t).map(|m| MarkerMatch { len: lead + m.len, ..m })
}

/// True for what may stand between a clause end and an inline marker:
/// closing quotes and brackets ([`crate::normalize::is_closing_quote`]) and
/// spaces.
fn is_skippable(c: char) -> bool {
    crate::normalize::is_closing_quote(c) || crate::normalize::is_space(c)
}

/// The byte length of the clause end encoded at `i`, if any: one of the
/// characters after which an inline marker may stand ([`is_marker_clause_end`]):
/// `。！？；：`, `! ? ; :` and `…`, compared as bytes (no decoding).
fn clause_end_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..).unwrap_or_default() {
        [b'!' | b'?' | b';' | b':', ..] => Some(1),
        // 。 and …, then the full-width ！ ： ； ？
        [0xE3, 0x80, 0x82, ..] | [0xE2, 0x80, 0xA6, ..] | [0xEF, 0xBC, 0x81 | 0x9A | 0x9B | 0x9F, ..] => Some(3),
        _ => None,
    }
}

/// A clause end after which an inline marker may stand: a sentence or
/// clause end ([`crate::normalize::is_clause_end`]) or `…`.
const fn is_marker_clause_end(c: char) -> bool {
    crate::normalize::is_clause_end(c) || c == '…'
}

/// Per lead byte: the length of its character (low bits) and whether a
/// clause end may start there (bit 7), built from [`is_marker_clause_end`].
static LEAD: [u8; 256] = lead_table();

const fn lead_table() -> [u8; 256] {
    let ends = crate::normalize::lead_bytes!(is_marker_clause_end);
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let len = match b {
            0..0xC0 => 1,
            0xC0..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        let maybe_end = ends[b];
        t[b] = len | if maybe_end { 0x80 } else { 0 };
        b += 1;
    }
    t
}

/// The length of the character whose lead byte is `b` (1 for a
/// continuation byte).
pub(crate) fn char_len(b: u8) -> usize {
    usize::from(LEAD[usize::from(b)] & 7)
}

/// The inline candidate after the clause end that may start at byte `at`:
/// past the clause end, its closing quotes and spaces, the marker there.
fn inline_at(text: &str, at: usize) -> Option<Candidate> {
    let bytes = text.as_bytes();
    let len = clause_end_at(bytes, at)?;
    // A time such as `13:45` is not a clause end.
    if len == 1 && bytes.get(at) == Some(&b':') && at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let rest = text.get(at + len..)?;
    let offset = text.len() - rest.trim_start_matches(is_skippable).len();
    if offset >= text.len() {
        return None;
    }
    let m = text.get(offset..).and_then(parse_marker)?;
    Some(Candidate { offset, position: Position::Inline, m })
}

/// Finds every marker candidate in a block's cleaned `text`: at the start
/// (after leading spaces), and inline after a sentence end or a colon
/// (optionally followed by closing quotes and spaces).
///
/// The bytes where a clause end may start are found by vector searches
/// (their set is checked against the lead-byte table in the tests); the grammar runs only after the
/// clause ends, so the cost is linear in the text. Two clause ends never
/// lead to the same position (a clause end is not skippable), so each
/// position is asked once.
///
/// ```
/// use jianggao::marker::{scan, Position};
/// use jianggao::MarkerKind;
/// let c = scan("重点要把好四关：一是要把好初始关。对“第一次”要有防范之心。二是要把好朋友关。");
/// assert_eq!(c.len(), 2);
/// assert_eq!((c[0].m.kind, c[0].m.ordinal, c[0].position), (MarkerKind::CnShi, 1, Position::Inline));
/// assert_eq!(c[1].m.ordinal, 2);
/// ```
pub fn scan(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let start = text.len() - text.trim_start_matches(crate::normalize::is_space).len();
    if let Some(m) = text.get(start..).and_then(parse_marker) {
        out.push(Candidate { offset: start, position: Position::BlockStart, m });
    }
    // The bytes that may open a clause end are found by vector searches,
    // the three lead bytes of the wide ones and then the ASCII ones, rather
    // than by a walk a character at a time, whose every step waits for the
    // load before it. A lead or ASCII byte is always a character's start.
    // Each clause end gives at most one candidate, after it and before the
    // next clause end (a clause end is not skippable), so sorting by
    // offset restores the text's order.
    let bytes = text.as_bytes();
    let first = out.len();
    for at in memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes) {
        out.extend(inline_at(text, at));
    }
    for at in memchr::memchr2_iter(b'!', b'?', bytes).chain(memchr::memchr2_iter(b';', b':', bytes)) {
        out.extend(inline_at(text, at));
    }
    out[first..].sort_by_key(|c| c.offset);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn should_search_exactly_the_bytes_that_may_open_a_clause_end() {
        let opening: Vec<u8> = (0..=255u8).filter(|&b| LEAD[usize::from(b)] & 0x80 != 0).collect();
        assert_eq!(opening, [b'!', b':', b';', b'?', 0xE2, 0xE3, 0xEF]);
    }

    use super::*;

    #[test]
    fn scan_should_find_inline_markers_after_every_clause_end() {
        let text = "甲。一是乙！二是丙？三是丁；四是戊：五是己…六是庚!七是辛?八是壬;九是癸:十是止";
        let ordinals: Vec<u32> = scan(text).iter().map(|c| c.m.ordinal).collect();
        assert_eq!(ordinals, (1..=10).collect::<Vec<_>>());
    }

    #[test]
    fn scan_should_not_treat_commas_quotes_or_times_as_clause_ends() {
        assert!(scan("甲，一是乙、二是丙“三是丁”《四是》13:5是").is_empty());
        assert!(scan("时间13:1.会议").is_empty());
        assert_eq!(scan("时间:1.会议").len(), 1);
    }

    #[test]
    fn clause_end_at_should_read_the_clause_ends_on_bytes() {
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let len = clause_end_at(c.encode_utf8(&mut buf).as_bytes(), 0);
            assert_eq!(len, is_marker_clause_end(c).then(|| c.len_utf8()), "{c:?}");
        }
    }

    #[test]
    fn opens_bytes_should_answer_as_opens() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            assert_eq!(opens_bytes(c.encode_utf8(&mut buf).as_bytes()), opens(c), "{c:?}");
        }
        assert!(!opens_bytes(b""));
    }

    #[test]
    fn no_marker_should_open_with_a_character_outside_the_openers() {
        let tails =
            ["", "一、", "一个是", "一方面", "是", "、", ".", ")", "）", "一)", "1)", "1.", "次", "先", "后", "下来，"];
        for c in (0..0x1_0000).filter_map(char::from_u32).filter(|&c| !opens(c)) {
            for tail in tails {
                let s = format!("{c}{tail}");
                assert_eq!(every_family(&s), None, "{s}");
            }
        }
    }

    /// Every family, tried in order: what [`parse_marker`] answers without
    /// its dispatch. No two families take the same input, so the order does
    /// not matter.
    fn every_family(input: &str) -> Option<MarkerMatch> {
        let all: [Family; 13] = [
            dun::cn_dun,
            shi::cn_shi,
            words::ge_shi,
            words::fang_mian,
            words::qi,
            words::sequence,
            di::di,
            pian::pian,
            paren::cn_paren,
            paren::arabic_paren,
            arabic::arabic_dot,
            circled::circled,
            dun::capital_dun,
        ];
        let (rest, (kind, ordinal)) = all.iter().find_map(|f| f(input).ok())?;
        Some(MarkerMatch { kind, ordinal, len: input.len() - rest.len() })
    }

    /// Pieces of markers, of near misses and of prose, for texts made of
    /// what markers are made of (separated by `|`).
    const PIECES: &str = concat!(
        "一|二|三|九|十|二十|〇|两|零|壹|貳|拾|肆|个|是|要|则|一个|个是|方|方面|另|外|另外|再|次|者|",
        "来|其|首|先|最|后|接|下|接下来|第|篇|律|否|非|部分|条|点|我们|时间|消息|(|（|)|）|〔|〕|【|",
        "】|[|]|［|-|—|、|，|,|：|:|．|.|；|;|。|！|？|!|?|…|”|」| |\u{3000}|",
        "\u{200B}|\t|1|12|2019|0|０|５|⑴|⒈|①|❷|㈠",
    );

    /// A text of up to `n` [`PIECES`].
    fn pieces(n: usize) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::sample::select(PIECES.split('|').collect::<Vec<_>>()), 0..=n)
            .prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        #[test]
        fn parse_marker_should_answer_as_every_family(s in pieces(6)) {
            proptest::prop_assert_eq!(parse_marker(&s), every_family(&s));
        }
    }

    #[test]
    fn parse_marker_should_answer_as_every_family_on_the_grammar_examples() {
        let examples = concat!(
            "一、总体要求|一 、总体要求|十一、|二十三、|二〇二〇年|一、二线城市|三、四个意识|一是要|",
            "三 是必须|一则消息|一是一、二是二|一是否|一个是|一 个是|另一 个是|另外一个是|再一个是|",
            "一方面|另 一方面|另外一方面|其一，|其一生|其次，|首先,|再次强调|再者，|再来，|接下来，|",
            "接下来我们|最后，|最后一次|第一，|第一次|第三条：|第一条（追求）|第一个是|第 1 部分|",
            "第三要扎实|第一 时间|第三篇|篇一|千篇一律|篇 二：|(一)|（一）|( 一 )|(-)|",
            "(一)是持续|(一)是否|〔一〕|【一】|[1]|(1)|（２）|1）|1 )|⑴|⒈|①|㈠|",
            "1.加强|1.5倍|2、了|2019、2020年|1、2、3|1,000|１．|10%|壹、|",
            "拾壹、|壹万元|两、三天",
        );
        for s in examples.split('|') {
            assert_eq!(parse_marker(s), every_family(s), "{s}");
        }
    }
}

//! Dates as written in speech headers and page footers, read into
//! `YYYY-MM-DD`.
//!
//! Forms: `2015-11-30` (with or without a time after it), `2019/03/05`,
//! `2019.3.5`, `2019年11月23日` (also `号`, and spaces around the unit
//! characters), and the Chinese-numeral form `二〇一九年十一月二十三日`.
//! Full-width digits are read like ASCII digits.

use memchr::memmem::Finder;
use once_cell::sync::Lazy;

use crate::marker::numeral::arabic_digit as ascii_digit;
use crate::normalize::fold;

/// A date found in a text: where it stands and its `YYYY-MM-DD` value.
///
/// ```
/// let d = jianggao::meta::date::find_date("（2019年3月5日）").unwrap();
/// assert_eq!((d.start, d.end, d.value.as_str()), (3, 18, "2019-03-05"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset of the first character of the date.
    pub start: usize,
    /// Byte offset just past the date (past `日` when written).
    pub end: usize,
    /// The date as `YYYY-MM-DD`.
    pub value: String,
}

/// Finds the first date in `text`.
///
/// ```
/// use jianggao::meta::date::find_date;
/// let d = find_date("点击:0时间:2022-06-03 00:27:18").unwrap();
/// assert_eq!(d.value, "2022-06-03");
/// assert_eq!(&"点击:0时间:2022-06-03 00:27:18"[d.start..d.end], "2022-06-03");
/// assert_eq!(find_date("二〇一九年十一月二十三日").unwrap().value, "2019-11-23");
/// assert!(find_date("大小:20.33 KB").is_none());
/// ```
pub fn find_date(text: &str) -> Option<DateMatch> {
    let bytes = text.as_bytes();
    let (digit, nian) = cues(bytes);
    if !nian {
        if !digit {
            return None;
        }
        // Every date form but the Arabic one needs `年`: only a digit (ASCII
        // or full-width) may open a date, and only those are visited.
        return digit_starts(bytes)
            .find_map(|i| {
                let prev = text.get(..i)?.chars().next_back();
                if prev.and_then(ascii_digit).is_some() {
                    return None;
                }
                arabic(text.get(i..)?).map(|m| m.shift(i))
            })
            .or_else(|| english(text));
    }
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let rest = text.get(i..).unwrap_or_default();
        if ascii_digit(c).is_some() && prev.and_then(ascii_digit).is_none() {
            if let Some(m) = arabic(rest) {
                return Some(m.shift(i));
            }
        } else if cn_digit(c).is_some() && prev.and_then(cn_digit).is_none() {
            if let Some(m) = chinese(rest) {
                return Some(m.shift(i));
            }
        }
        prev = Some(c);
    }
    None
}

/// True when the date `d` found in `text` opens a period: a dash, `至` or
/// `到` and another day follow it (`2021年10月11日—17日`). A period is a
/// week or a session, not the day a speech was given.
///
/// ```
/// use jianggao::meta::date::{find_date, opens_range};
/// let t = "每周一学（2021年10月11日—17日）";
/// assert!(opens_range(t, &find_date(t).unwrap()));
/// let t = "2021年10月13日 点击数：12";
/// assert!(!opens_range(t, &find_date(t).unwrap()));
/// ```
pub fn opens_range(text: &str, d: &DateMatch) -> bool {
    let rest = text.get(d.end..).unwrap_or_default().trim_start();
    let Some(c) = rest.chars().next() else { return false };
    if !matches!(c, '—' | '–' | '-' | '－' | '~' | '～' | '〜' | '至' | '到') {
        return false;
    }
    let next = rest.trim_start_matches(['—', '–', '-', '－', '~', '～', '〜', '至', '到']).trim_start().chars().next();
    next.is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(&n) || cn_digit(n).is_some())
}

/// What the date forms need, read from `bytes` without decoding: whether
/// they hold a digit (ASCII, or full-width `０`–`９`: 0xEF 0xBC 0x90–0x99),
/// and whether they hold `年`.
fn cues(bytes: &[u8]) -> (bool, bool) {
    // ASCII digits in blocks of 32 bytes, each read whole (a loop the
    // compiler turns into vector code); full-width ones at their lead byte;
    // `年` by a vector search.
    static NIAN: Lazy<Finder<'static>> = Lazy::new(|| Finder::new("年"));
    let ascii = bytes.chunks(32).any(|c| c.iter().fold(false, |a, b| a | b.is_ascii_digit()));
    let digit = ascii || memchr::memchr_iter(0xEF, bytes).any(|i| full_width_digit(bytes, i));
    (digit, NIAN.find(bytes).is_some())
}

/// True when a full-width digit is encoded at byte `i` of `bytes`.
fn full_width_digit(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i..i + 3), Some([0xEF, 0xBC, 0x90..=0x99]))
}

/// The byte offsets of the digits of `bytes`, ASCII or full-width, in
/// order: an ASCII digit by itself, a full-width one by its lead byte 0xEF.
fn digit_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter_map(|(i, &b)| (b.is_ascii_digit() || full_width_digit(bytes, i)).then_some(i))
}

impl DateMatch {
    fn shift(mut self, by: usize) -> Self {
        self.start += by;
        self.end += by;
        self
    }
}

/// A digit of a year or day written in Chinese: the outline numerals
/// ([`crate::marker::numeral::cn_digit`]) without `两`, and the zeros that
/// typing and OCR put for `〇`.
fn cn_digit(c: char) -> Option<u32> {
    match c {
        '○' | 'Ｏ' | 'O' | '0' => Some(0),
        '两' => None,
        _ => crate::marker::numeral::cn_digit(c),
    }
}

/// A cursor over the chars of a string that tracks the byte offset.
struct Cur<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cur<'a> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.at..).and_then(|r| r.chars().next())
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek().map(fold) == Some(c) {
            self.bump();
            true
        } else {
            false
        }
    }
    fn spaces(&mut self) {
        while self.peek() == Some(' ') {
            self.bump();
        }
    }
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let mut n = 0u32;
        let mut k = 0;
        while k < max {
            let Some(d) = self.peek().and_then(ascii_digit) else {
                break;
            };
            n = n * 10 + d;
            k += 1;
            self.bump();
        }
        (k >= min).then_some(n)
    }
}

/// English month names and their abbreviations, by month.
const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// An English date in the `Dec 31, 2020` / `December 31, 2020` form, as a
/// bilingual page's English lead writes it.
fn english(text: &str) -> Option<DateMatch> {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // ASCII bytes never occur inside a multi-byte char: every word
        // boundary found on bytes is a char boundary.
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic)
            || (i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_alphabetic))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        while b.get(j).is_some_and(u8::is_ascii_alphabetic) {
            j += 1;
        }
        if let Some(d) = english_at(text, i, j, &FULL) {
            return Some(d);
        }
        i = j;
    }
    None
}

/// `k + 1` if `b[k]` is `byte`, else `k`.
fn skip_byte(b: &[u8], k: usize, byte: u8) -> usize {
    k + usize::from(b.get(k) == Some(&byte))
}

/// The first index from `k` that is not an ASCII space.
fn skip_spaces(b: &[u8], mut k: usize) -> usize {
    while b.get(k) == Some(&b' ') {
        k += 1;
    }
    k
}

/// The end of the run of at most `max` ASCII digits starting at `k`.
fn digits_end(b: &[u8], start: usize, max: usize) -> usize {
    let mut k = start;
    while b.get(k).is_some_and(u8::is_ascii_digit) && k - start < max {
        k += 1;
    }
    k
}

/// An English date whose month word is `text[i..j]`.
fn english_at(text: &str, i: usize, j: usize, full: &[&str; 12]) -> Option<DateMatch> {
    let b = text.as_bytes();
    let lower = text.get(i..j)?.to_ascii_lowercase();
    let m = MONTHS.iter().position(|p| lower.starts_with(p))?;
    if lower.len() > 3 && lower != full.get(m).copied().unwrap_or_default() && lower != "sept" {
        return None;
    }
    let ds = skip_spaces(b, skip_byte(b, j, b'.'));
    let k = digits_end(b, ds, 2);
    if k == ds || b.get(k).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let day: u32 = text.get(ds..k)?.parse().ok()?;
    let ys = skip_spaces(b, skip_byte(b, k, b','));
    let k = digits_end(b, ys, 4);
    if k - ys != 4 || b.get(k).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let year: u32 = text.get(ys..k)?.parse().ok()?;
    make(i, k, year, m as u32 + 1, day)
}

/// The number of days of month `m` (1–12) of year `y` in the Gregorian
/// calendar: a date such as 2019-02-30 is never read.
fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn make(start: usize, end: usize, y: u32, m: u32, d: u32) -> Option<DateMatch> {
    let ok = (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d);
    ok.then(|| DateMatch { start, end, value: format!("{y:04}-{m:02}-{d:02}") })
}

fn arabic(s: &str) -> Option<DateMatch> {
    let mut c = Cur { s, at: 0 };
    let y = c.number(4, 4)?;
    if c.peek().and_then(ascii_digit).is_some() {
        return None;
    }
    c.spaces();
    let sep = c.bump().map(fold)?;
    let sep2 = match sep {
        '-' | '/' | '.' => sep,
        '年' => '月',
        _ => return None,
    };
    c.spaces();
    let m = c.number(1, 2)?;
    c.spaces();
    if !c.eat(sep2) {
        return None;
    }
    c.spaces();
    let d = c.number(1, 2)?;
    if c.peek().and_then(ascii_digit).is_some() {
        return None;
    }
    let mut end = c.at;
    if sep == '年' {
        c.spaces();
        if c.eat('日') || c.eat('号') {
            end = c.at;
        }
    }
    make(0, end, y, m, d)
}

/// A Chinese numeral from 1 to 31: `五` `十` `十二` `二十` `二十三` `廿三`.
fn cn_small(c: &mut Cur) -> Option<u32> {
    let first = c.peek()?;
    let tens = if first == '十' {
        c.bump();
        1
    } else if first == '廿' {
        c.bump();
        2
    } else {
        let d = cn_digit(first).filter(|&d| d > 0)?;
        c.bump();
        if c.peek() == Some('十') {
            c.bump();
            d
        } else {
            return Some(d);
        }
    };
    let unit = match c.peek().and_then(cn_digit).filter(|&d| d > 0) {
        Some(u) => {
            c.bump();
            u
        }
        None => 0,
    };
    Some(tens * 10 + unit)
}

fn chinese(s: &str) -> Option<DateMatch> {
    let mut c = Cur { s, at: 0 };
    let mut y = 0;
    for _ in 0..4 {
        y = y * 10 + c.bump().and_then(cn_digit)?;
    }
    c.spaces();
    if !c.eat('年') {
        return None;
    }
    c.spaces();
    let m = cn_small(&mut c)?;
    c.spaces();
    if !c.eat('月') {
        return None;
    }
    c.spaces();
    let d = cn_small(&mut c)?;
    c.spaces();
    if !(c.eat('日') || c.eat('号')) {
        return None;
    }
    make(0, c.at, y, m, d)
}

#[cfg(test)]
mod tests {
    use super::{cues, find_date};

    #[test]
    fn find_date_should_read_an_english_date_of_a_bilingual_lead() {
        let t = "President delivers a New Year speech on Dec 31, 2020 via radio.";
        let d = find_date(t).unwrap();
        assert_eq!((d.value.as_str(), &t[d.start..d.end]), ("2020-12-31", "Dec 31, 2020"));
        assert_eq!(find_date("on December 3 2019").unwrap().value, "2019-12-03");
        assert!(find_date("Decide 31, 2020").is_none());
        assert!(find_date("May 2020").is_none());
    }

    #[test]
    fn find_date_should_refuse_a_day_the_month_does_not_have() {
        assert!(find_date("2019-02-30").is_none());
        assert!(find_date("2019年4月31日").is_none());
        assert_eq!(find_date("2020年2月29日").unwrap().value, "2020-02-29");
        assert!(find_date("2100-02-29").is_none());
    }

    #[test]
    fn cues_should_see_digits_and_the_year_character() {
        let cases = [
            ("2019", (true, false)),
            ("ab1", (true, false)),
            ("２", (true, false)),
            ("二〇一九年", (false, true)),
            ("年", (false, true)),
            ("2019年", (true, true)),
            ("", (false, false)),
            ("在全市工作会议上的讲话", (false, false)),
            ("二〇一九", (false, false)),
            ("ＡＢ：", (false, false)),
            ("幸", (false, false)),
        ];
        for (t, want) in cases {
            assert_eq!(cues(t.as_bytes()), want, "{t}");
            // Past the first blocks of 32 bytes too.
            let long = format!("{}{t}", "很长的前文".repeat(9));
            assert_eq!(cues(long.as_bytes()), want, "{long}");
        }
        // A full-width char that is not a digit.
        assert_eq!(cues("ＡＢ，：".repeat(10).as_bytes()), (false, false));
    }

    #[test]
    fn should_read_full_width_and_chinese_dates() {
        assert_eq!(v("２０１９年３月５日"), Some("2019-03-05".to_string()));
        assert_eq!(v("二〇一九年十一月二十三日"), Some("2019-11-23".to_string()));
    }

    #[test]
    fn find_date_should_start_a_date_only_where_a_run_of_digits_starts() {
        let cases = [
            ("", None),
            ("ID:46449279", None),
            ("大小:20.33 KB", None),
            ("点击:0时间:2022-06-03 00:27:18", Some(("2022-06-03", "2022-06-03"))),
            ("12019-01-05 与 2019-01-05", Some(("2019-01-05", "2019-01-05"))),
            ("２０１９－０３－０５", Some(("２０１９－０３－０５", "2019-03-05"))),
            ("第１２０１９.３.５页", None),
            ("（2019年3月5日）", Some(("2019年3月5日", "2019-03-05"))),
            ("二〇一九年十一月二十三日", Some(("二〇一九年十一月二十三日", "2019-11-23"))),
            ("一二〇一九年十一月二十三日", None),
            ("2019年 二〇二〇年一月二日", Some(("二〇二〇年一月二日", "2020-01-02"))),
            ("零2019/3/5", Some(("2019/3/5", "2019-03-05"))),
            ("O2019.3.5", Some(("2019.3.5", "2019-03-05"))),
            ("é2019-3-5", Some(("2019-3-5", "2019-03-05"))),
            ("𠀀2019-03-05", Some(("2019-03-05", "2019-03-05"))),
            ("2019-13-05 然后 2020-01-05", Some(("2020-01-05", "2020-01-05"))),
        ];
        for (t, want) in cases {
            let d = find_date(t);
            assert_eq!(d.as_ref().map(|d| (&t[d.start..d.end], d.value.as_str())), want, "{t}");
        }
        // The second date, not the tail of `12019-01-05`.
        assert_eq!(find_date("12019-01-05 与 2019-01-05").map(|d| d.start), Some(16));
    }

    fn v(s: &str) -> Option<String> {
        find_date(s).map(|d| d.value)
    }

    #[test]
    fn reads_every_common_form() {
        assert_eq!(v("本文2015-11-30 13:45:21发表").as_deref(), Some("2015-11-30"));
        assert_eq!(v("2019年11月23日").as_deref(), Some("2019-11-23"));
        assert_eq!(v("（2019年3月5日）").as_deref(), Some("2019-03-05"));
        assert_eq!(v("2019.3.5").as_deref(), Some("2019-03-05"));
        assert_eq!(v("2019/03/05").as_deref(), Some("2019-03-05"));
        assert_eq!(v("２０１９年３月５日").as_deref(), Some("2019-03-05"));
        assert_eq!(v("二〇一九年十一月二十三日").as_deref(), Some("2019-11-23"));
        assert_eq!(v("二○二二年六月三日").as_deref(), Some("2022-06-03"));
        assert_eq!(v("2019 年 3 月 5 日").as_deref(), Some("2019-03-05"));
    }

    #[test]
    fn should_not_read_numbers_that_are_not_dates() {
        assert_eq!(v("大小:20.33 KB"), None);
        assert_eq!(v("ID:46449279"), None);
        assert_eq!(v("2019-13-05"), None);
        assert_eq!(v("12019-01-05"), None);
        assert_eq!(v("2019-1"), None);
        assert_eq!(v("2019-01/05"), None);
    }
}

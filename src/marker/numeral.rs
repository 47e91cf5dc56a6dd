//! Numerals inside outline markers: Chinese (`一` … `九十九`), capital
//! (`壹` … `玖拾玖`) and Arabic (half-width `12`, full-width `１２`).
//!
//! ```text
//! cn_numeral      := D? 十 D?          一十 = 十 = 10, 十一 = 11, 二十三 = 23
//!                  | D 〇              二〇 = 20 (positional, as some OCR writes it)
//!                  | D
//! D               := 一 二 三 四 五 六 七 八 九
//! capital_numeral := C? 拾 C? | C      壹 貳/贰 參/叁/叄/参 肆 伍 陸/陆 柒 捌 玖, 拾
//! arabic          := digit{1,3}         half- or full-width; 4 digits is a year
//! ```
//!
//! Ordinals in speeches never pass 99, so the grammar stops there; a longer
//! numeral is not an ordinal and is not taken (`二〇二〇年` gives `二〇` and the
//! family parser then fails on what follows). `两` and `零` are numerals
//! ([`cn_digit`] knows them) but never open an ordinal: `两、三天` is "two or
//! three days", not item 2.
//!
//! Arabic numbers are read whole and rejected when longer than three digits:
//! `2019、2020年` is a list of years, never item 2019.

use nom::bytes::complete::take_while1;
use nom::character::complete::{char, satisfy};
use nom::combinator::opt;
use nom::Parser;

use super::lex::{reject, R};

/// Value of one Chinese numeral character: `一`…`九`, `两` (2), `〇`/`零` (0),
/// `十` is not a digit.
///
/// ```
/// use jianggao::marker::numeral::cn_digit;
/// assert_eq!(cn_digit('七'), Some(7));
/// assert_eq!(cn_digit('两'), Some(2));
/// assert_eq!(cn_digit('十'), None);
/// ```
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Value of one capital (banker's) numeral character, Traditional or
/// Simplified: `壹` … `玖`; `拾` is not a digit.
///
/// ```
/// use jianggao::marker::numeral::capital_digit;
/// assert_eq!(capital_digit('貳'), Some(2));
/// assert_eq!(capital_digit('叁'), Some(3));
/// assert_eq!(capital_digit('拾'), None);
/// ```
pub const fn capital_digit(c: char) -> Option<u32> {
    Some(match c {
        '壹' => 1,
        '貳' | '贰' | '弍' => 2,
        // `参` is how some Traditional and mixed texts write the capital 3.
        '參' | '叁' | '叄' | '参' => 3,
        '肆' => 4,
        '伍' => 5,
        '陸' | '陆' => 6,
        '柒' => 7,
        '捌' => 8,
        '玖' => 9,
        _ => return None,
    })
}

/// Value of a half-width or full-width Arabic digit.
///
/// ```
/// use jianggao::marker::numeral::arabic_digit;
/// assert_eq!(arabic_digit('7'), Some(7));
/// assert_eq!(arabic_digit('７'), Some(7));
/// assert_eq!(arabic_digit('a'), None);
/// ```
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// `D? TEN D? | D 〇 | D` over the digit set `digit` (values 1..=9 only).
fn numeral_with<'a>(i: &'a str, digit: impl Fn(char) -> Option<u32>, ten: char) -> R<'a, u32> {
    let one_to_nine = |c: char| matches!(digit(c), Some(1..=9));
    let value = |c: char| digit(c).unwrap_or(0);
    // A numeral opens with a digit or the ten: anything else fails here,
    // without the combinators below.
    if !i.starts_with(|c: char| c == ten || one_to_nine(c)) {
        return reject(i);
    }
    let (i, tens) = opt(satisfy(one_to_nine)).parse(i)?;
    let (i, has_ten) = opt(char(ten)).parse(i)?;
    match (tens, has_ten) {
        (None, None) => reject(i),
        (Some(d), None) => {
            // Positional `二〇` = 20.
            let (i, zero) = opt(char('〇')).parse(i)?;
            let v = value(d);
            Ok((i, if zero.is_some() { v * 10 } else { v }))
        }
        (t, Some(_)) => {
            let (i, units) = opt(satisfy(one_to_nine)).parse(i)?;
            let tens_v = t.map_or(1, value);
            Ok((i, tens_v * 10 + units.map_or(0, value)))
        }
    }
}

/// A Chinese numeral from 1 to 99 at the start of the input.
///
/// ```
/// use jianggao::marker::numeral::cn_numeral;
/// assert_eq!(cn_numeral("二十三、"), Ok(("、", 23)));
/// assert_eq!(cn_numeral("十一是"), Ok(("是", 11)));
/// assert_eq!(cn_numeral("十、"), Ok(("、", 10)));
/// assert!(cn_numeral("两、").is_err());
/// ```
pub fn cn_numeral(i: &str) -> R<'_, u32> {
    numeral_with(i, ordinal_digit, '十')
}

/// [`cn_digit`] without `两`, which counts but never orders.
fn ordinal_digit(c: char) -> Option<u32> {
    if c == '两' {
        None
    } else {
        cn_digit(c)
    }
}

/// A capital numeral (`壹` … `玖拾玖`) at the start of the input.
///
/// ```
/// use jianggao::marker::numeral::capital_numeral;
/// assert_eq!(capital_numeral("貳、"), Ok(("、", 2)));
/// assert_eq!(capital_numeral("拾壹、"), Ok(("、", 11)));
/// ```
pub fn capital_numeral(i: &str) -> R<'_, u32> {
    numeral_with(i, capital_digit, '拾')
}

/// A run of Arabic digits (half- or full-width) at the start of the input:
/// its value and its number of digits. The value saturates; callers reject
/// runs longer than [`MAX_ARABIC_DIGITS`].
///
/// ```
/// use jianggao::marker::numeral::arabic_run;
/// assert_eq!(arabic_run("12."), Ok((".", (12, 2))));
/// assert_eq!(arabic_run("２０１９、"), Ok(("、", (2019, 4))));
/// ```
pub fn arabic_run(i: &str) -> R<'_, (u32, usize)> {
    let (rest, digits) = take_while1(|c| arabic_digit(c).is_some()).parse(i)?;
    let mut value: u32 = 0;
    let mut n = 0;
    for c in digits.chars() {
        value = value.saturating_mul(10).saturating_add(arabic_digit(c).unwrap_or(0));
        n += 1;
    }
    Ok((rest, (value, n)))
}

/// The most digits an Arabic ordinal may have: four digits is a year.
///
/// ```
/// assert_eq!(jianggao::marker::numeral::MAX_ARABIC_DIGITS, 3);
/// ```
pub const MAX_ARABIC_DIGITS: usize = 3;

/// An Arabic ordinal: 1 to 3 digits, value at least 1.
///
/// ```
/// use jianggao::marker::numeral::arabic_ordinal;
/// assert_eq!(arabic_ordinal("12."), Ok((".", 12)));
/// assert!(arabic_ordinal("2019、").is_err());
/// assert!(arabic_ordinal("0.").is_err());
/// ```
pub fn arabic_ordinal(i: &str) -> R<'_, u32> {
    let (rest, (value, n)) = arabic_run(i)?;
    if n > MAX_ARABIC_DIGITS || value == 0 {
        return reject(i);
    }
    Ok((rest, value))
}

//! Small lexemes shared by the marker families.
//!
//! ```text
//! gap        := space{0,2}                       wrap spaces inside a marker
//! spaces     := space*                           spaces after a marker
//! space      := any space, as normalize::is_space (U+3000, NBSP, zero-width…)
//! num_punct  := 、 ， , ： : ． . ； ;           after a numbered marker
//! word_punct := 、 ， , ： :                     after a word marker
//! tail(P)    := [gap P] spaces
//! ```
//!
//! PDF and OCR text keeps the spaces of its hard wraps, so a marker may be
//! cut by one or two spaces (`三 是`, `另 一方面`, `一个 是,`): every
//! multi-character marker admits a `gap` between its characters. Two spaces
//! is the widest gap seen in real wraps (`我们的  第一身份`); a wider run is a
//! layout space, not a wrap.

use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::opt;
use nom::error::{Error, ErrorKind};
use nom::sequence::preceded;
use nom::{IResult, Parser};

/// The result of a marker sub-parser.
pub(crate) type R<'a, T> = IResult<&'a str, T>;

/// A recoverable nom error at `i`: the caller's `alt` tries the next branch.
pub(crate) fn reject<T>(i: &str) -> R<'_, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// A space that may stand inside or after a marker: any space
/// ([`crate::normalize::is_space`]).
pub(crate) use crate::normalize::is_space;

/// True when `i` may open with a space: its first byte is the lead byte
/// of some [`is_space`] character. Most markers have no space where a
/// `gap` or `spaces` may stand; this byte answers for them.
fn may_open_with_space(i: &str) -> bool {
    i.as_bytes().first().is_some_and(|&b| crate::normalize::SPACE_LEADS[usize::from(b)])
}

/// Up to two spaces (a wrap gap inside a marker).
pub(crate) fn gap(i: &str) -> R<'_, &str> {
    if !may_open_with_space(i) {
        return Ok((i, ""));
    }
    take_while_m_n(0, 2, is_space).parse(i)
}

/// Any run of spaces.
pub(crate) fn spaces(i: &str) -> R<'_, &str> {
    if !may_open_with_space(i) {
        return Ok((i, ""));
    }
    take_while(is_space).parse(i)
}

/// Punctuation that may close a numbered marker (`一、` `1.` `第一：`).
pub(crate) fn is_num_punct(c: char) -> bool {
    matches!(c, '、' | '，' | ',' | '：' | ':' | '．' | '.' | '；' | ';')
}

/// Punctuation that may close a word marker (`首先，` `一是：`).
pub(crate) fn is_word_punct(c: char) -> bool {
    matches!(c, '、' | '，' | ',' | '：' | ':')
}

/// `[gap P] spaces`: the optional closing punctuation of a marker and the
/// spaces after it.
pub(crate) fn tail(i: &str, punct: impl Fn(char) -> bool) -> R<'_, ()> {
    let (i, _) = opt(preceded(gap, satisfy(punct))).parse(i)?;
    let (i, _) = spaces(i)?;
    Ok((i, ()))
}

/// The characters of `word` with a `gap` allowed between any two of them.
pub(crate) fn spaced<'a>(word: &'static str) -> impl Fn(&'a str) -> R<'a, ()> {
    move |input: &'a str| {
        let mut i = input;
        for (k, c) in word.chars().enumerate() {
            if k > 0 {
                i = gap(i)?.0;
            }
            i = char(c).parse(i)?.0;
        }
        Ok((i, ()))
    }
}

/// The first character of `i` after any spaces, if any.
pub(crate) fn next_after_spaces(i: &str) -> Option<char> {
    i.chars().find(|&c| !is_space(c))
}

/// True when `i` (after spaces) starts with one of `words`.
pub(crate) fn starts_with_any(i: &str, words: &[&str]) -> bool {
    let t = i.trim_start_matches(is_space);
    words.iter().any(|w| t.starts_with(w))
}

/// `是` belonging to the marker (`(一)是` `其一是` `首先是`), unless it opens
/// `是否` / `是非`.
pub(crate) fn opt_shi(i: &str) -> R<'_, bool> {
    let (r, _) = gap(i)?;
    if let Some(rest) = r.strip_prefix('是') {
        if !matches!(rest.chars().next(), Some('否' | '非')) {
            return Ok((rest, true));
        }
    }
    Ok((i, false))
}

//! Physical lines: the text split at `\n` (a preceding `\r` is dropped), with
//! memchr.

use crate::span::Span;

/// The spans of the physical lines of `src`, without their line ends.
///
/// ```
/// use jianggao::Span;
/// let lines = jianggao::segment::lines::split("甲\r\n乙\n");
/// assert_eq!(lines, vec![Span::new(0, 3), Span::new(5, 8)]);
/// ```
pub fn split(src: &str) -> Vec<Span> {
    let bytes = src.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let end = if nl > start && bytes[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        out.push(Span::new(start, end));
        start = nl + 1;
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

/// `span` with leading and trailing spaces (any Unicode space, NBSP,
/// ideographic space, zero-width characters) removed.
///
/// ```
/// use jianggao::Span;
/// let src = "\u{3000}\u{3000}一、总体要求 ";
/// let t = jianggao::segment::lines::trim(src, Span::new(0, src.len()));
/// assert_eq!(&src[t.range()], "一、总体要求");
/// ```
pub fn trim(src: &str, span: Span) -> Span {
    let Some(s) = src.get(span.range()) else {
        return span;
    };
    let start = span.start + (s.len() - s.trim_start_matches(crate::normalize::is_space).len());
    let end = span.start + s.trim_end_matches(crate::normalize::is_space).len();
    Span::new(start, end.max(start))
}

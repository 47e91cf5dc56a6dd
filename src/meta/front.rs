//! YAML front matter (`---` … `---` at the top of a Markdown file), read
//! with a YAML parser: its `title`, `date`, `tags` and `category`.
//!
//! The front matter is never speech. Its title and date are fallbacks: the
//! title when the text has no title line of its own, the date when the text
//! gives no date (a blog's `date:` is often the day the post went up).

use saphyr::{LoadableYamlNode, Yaml};

use super::date::find_date;
use crate::span::Span;

/// Front matter read from the top of a text.
///
/// ```
/// let src = "---\ntitle: 在全市大会上的讲话\ndate: 2020-01-02\ntags:\n  - 讲话\n---\n同志们：";
/// let fm = jianggao::meta::front::read(src).unwrap();
/// assert_eq!(fm.title.as_ref().unwrap().0, "在全市大会上的讲话");
/// assert_eq!(fm.date.as_ref().unwrap().0, "2020-01-02");
/// assert_eq!(fm.tags, vec!["讲话".to_string()]);
/// assert_eq!(&src[fm.span.start..fm.span.end], &src[..src.find("同志们").unwrap() - 1]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The whole front matter, both fences included.
    pub span: Span,
    /// The `title` value and where it stands in the source.
    pub title: Option<(String, Span)>,
    /// The `date` value as `YYYY-MM-DD` (a valid date only) and the span of
    /// the date in the source.
    pub date: Option<(String, Span)>,
    /// The `tags` values (a list or a single string).
    pub tags: Vec<String>,
    /// The `category` value.
    pub category: Option<String>,
}

/// The longest front matter looked at, in bytes.
const MAX_LEN: usize = 16 * 1024;

/// Reads the YAML front matter opening `src` (after a byte-order mark and
/// blank lines): a line `---`, a YAML mapping, a line `---` or `...`.
/// `None` when there is none, or when its YAML does not parse as a mapping.
///
/// ```
/// use jianggao::meta::front::read;
/// assert!(read("---\n---\n").is_none());
/// assert!(read("一、总体要求\n---\n").is_none());
/// assert!(read("---\n不是: [yaml\n---\n").is_none());
/// ```
pub fn read(src: &str) -> Option<FrontMatter> {
    let start = src.len() - src.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).len();
    // Back to the start of the first line (leading spaces are not a fence).
    let line_start = src.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    if src.get(line_start..start).is_some_and(|s| s.contains([' ', '\t'])) {
        return None;
    }
    let mut lines = lines_from(src, start);
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let body_start = lines.clone().next().map(|(at, _)| at)?;
    let (close_at, close) = lines.find(|&(at, l)| at - start <= MAX_LEN && matches!(l.trim_end(), "---" | "..."))?;
    let end = close_at + close.trim_end().len();
    let yaml = src.get(body_start..close_at)?;
    let docs = Yaml::load_from_str(yaml).ok()?;
    let map = docs.first()?;
    if !map.is_mapping() {
        return None;
    }
    let mut fm = FrontMatter { span: Span::new(start, end), ..FrontMatter::default() };
    let text_of = |key: &str| map.as_mapping_get(key).and_then(scalar_text);
    if let Some(t) = text_of("title").filter(|t| !t.trim().is_empty()) {
        let t = t.trim().to_string();
        let span = value_span(src, body_start, close_at, "title", &t);
        fm.title = Some((t, span));
    }
    if let Some(d) = text_of("date") {
        // The value must be a whole, valid date (`1998-012` is not).
        if let Some(m) = find_date(&d).filter(|m| m.start == 0 && d.get(m.end..).is_some_and(date_tail)) {
            let span = value_span(src, body_start, close_at, "date", d.get(..m.end).unwrap_or_default());
            fm.date = Some((m.value, span));
        }
    }
    match map.as_mapping_get("tags") {
        Some(Yaml::Sequence(items)) => fm.tags = items.iter().filter_map(scalar_text).collect(),
        Some(v) => fm.tags.extend(scalar_text(v)),
        None => {}
    }
    fm.category = text_of("category");
    Some(fm)
}

/// What may follow a date in a `date:` value: nothing, or a time.
fn date_tail(rest: &str) -> bool {
    let r = rest.trim_start_matches([' ', 'T']);
    r.is_empty() || r.starts_with(|c: char| c.is_ascii_digit()) && r.contains(':')
}

/// The lines of `src` from `at` on, each with its start offset (line end
/// not included).
fn lines_from(src: &str, at: usize) -> impl Iterator<Item = (usize, &str)> + Clone {
    let rest = src.get(at..).unwrap_or_default();
    rest.split_inclusive('\n').scan(at, |pos, l| {
        let s = *pos;
        *pos += l.len();
        Some((s, l.trim_end_matches(['\n', '\r'])))
    })
}

/// A scalar's text: strings as they are, numbers and booleans written out.
fn scalar_text(y: &Yaml) -> Option<String> {
    match y {
        Yaml::Value(saphyr::Scalar::String(s)) => Some(s.to_string()),
        Yaml::Value(saphyr::Scalar::Integer(i)) => Some(i.to_string()),
        Yaml::Value(saphyr::Scalar::FloatingPoint(f)) => Some(f.to_string()),
        Yaml::Representation(s, _, _) => Some(s.to_string()),
        _ => None,
    }
}

/// Where `value` stands on the `key:` line of the front matter in
/// `src[from..to]`: the value itself when written plainly, else the whole
/// rest of the line.
fn value_span(src: &str, from: usize, to: usize, key: &str, value: &str) -> Span {
    for (at, line) in lines_from(src, from) {
        if at >= to {
            break;
        }
        let Some(rest) = line.strip_prefix(key).and_then(|r| r.trim_start().strip_prefix(':')) else {
            continue;
        };
        let rest_at = at + line.len() - rest.len();
        if let Some(p) = rest.find(value).filter(|_| !value.is_empty()) {
            return Span::new(rest_at + p, rest_at + p + value.len());
        }
        let lead = rest.len() - rest.trim_start().len();
        return Span::new(rest_at + lead, rest_at + rest.trim_end().len());
    }
    Span::new(from, from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_should_take_a_quoted_title_and_a_list_of_tags_in_brackets() {
        let src = "---\nlayout: post\ntitle: \"新年贺词：惟愿山河锦绣（全文）\"\ndate: 2021-01-22\ntags: [文学]\n---\n大家好！";
        let fm = read(src).unwrap();
        let (t, span) = fm.title.unwrap();
        assert_eq!(t, "新年贺词：惟愿山河锦绣（全文）");
        assert_eq!(&src[span.start..span.end], t);
        assert_eq!(fm.tags, vec!["文学".to_string()]);
        let (d, span) = fm.date.unwrap();
        assert_eq!((d.as_str(), &src[span.start..span.end]), ("2021-01-22", "2021-01-22"));
    }

    #[test]
    fn read_should_refuse_a_malformed_date_and_keep_the_rest() {
        let src = "---\ntitle: 不做昙花一现的英雄\ndate: 1998-012\n---\n正文。";
        let fm = read(src).unwrap();
        assert!(fm.date.is_none());
        assert_eq!(fm.title.unwrap().0, "不做昙花一现的英雄");
    }

    #[test]
    fn read_should_refuse_an_impossible_date() {
        let fm = read("---\ndate: 2019-02-30\n---\n").unwrap();
        assert!(fm.date.is_none());
    }

    #[test]
    fn read_should_not_take_a_rule_inside_the_text_for_front_matter() {
        assert!(read("正文。\n---\ntitle: x\n---\n").is_none());
        assert!(read("  ---\ntitle: x\n---\n").is_none());
    }
}

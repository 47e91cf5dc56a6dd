//! Markdown: a front-matter block with the metadata, `#` for the speech
//! title, `##` for sections, `###` for points, `####` and deeper for
//! sub-points (at most `######`), paragraphs as text. Headings keep the
//! marker as written (`## 一、总体要求`).
//!
//! A document with one speech opens with its metadata as front matter
//! (`title`, `speaker`, `date`, `occasion`, `source`; values as quoted
//! strings). A document with several speeches gives only their count in the
//! front matter, and each speech's metadata as a list below its title.
//!
//! ```
//! let mut doc = jianggao::parse("同志们：\n一、总体要求\n要抓好落实。\n谢谢大家！");
//! doc.speeches[0].title = Some("关于学习的讲话".into());
//! let md = jianggao::render::markdown::render(&doc);
//! assert!(md.starts_with("---\ntitle: \"关于学习的讲话\"\n"));
//! assert!(md.contains("\n# 关于学习的讲话\n"));
//! assert!(md.contains("\n## 一、总体要求\n\n要抓好落实。\n"));
//! assert!(md.contains("\n同志们\n"));
//! ```

use std::fmt::Write;

use crate::model::{Document, Metadata, Paragraph, Section, Speech};

/// Renders `doc` as Markdown. See the [module](self) documentation.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。一是要学理论。二是要学业务。");
/// let md = jianggao::render::markdown::render(&doc);
/// assert!(md.contains("\n### 一是要学理论\n"));
/// ```
pub fn render(doc: &Document) -> String {
    let mut out = String::from("---\n");
    match doc.speeches.as_slice() {
        [sp] => front_matter(&mut out, sp.title.as_deref(), &sp.metadata, ""),
        many => {
            let _ = writeln!(out, "speeches: {}", many.len());
        }
    }
    out.push_str("---\n");
    let several = doc.speeches.len() > 1;
    for sp in &doc.speeches {
        speech(&mut out, sp, several);
    }
    out
}

impl Document {
    /// The document as Markdown; see [`crate::render::markdown`].
    ///
    /// ```
    /// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
    /// assert!(doc.to_markdown().contains("## 一、总体要求"));
    /// ```
    pub fn to_markdown(&self) -> String {
        render(self)
    }
}

/// A JSON string literal is also a YAML double-quoted scalar.
fn quoted(s: &str) -> String {
    crate::json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

fn front_matter(out: &mut String, title: Option<&str>, m: &Metadata, prefix: &str) {
    for (k, v) in [
        ("title", title),
        ("speaker", m.speaker.as_deref()),
        ("date", m.date.as_deref()),
        ("occasion", m.occasion.as_deref()),
        ("source", m.source.as_deref()),
    ] {
        if let Some(v) = v {
            let _ = writeln!(out, "{prefix}{k}: {}", quoted(v));
        }
    }
}

fn speech(out: &mut String, sp: &Speech, several: bool) {
    if let Some(t) = crate::walk::speech_title(sp) {
        let _ = write!(out, "\n# {}\n", one_line(t));
    }
    if several {
        let mut meta = String::new();
        front_matter(&mut meta, None, &sp.metadata, "- ");
        if !meta.is_empty() {
            out.push('\n');
            out.push_str(&meta);
        }
    }
    if let Some(g) = &sp.greeting {
        text_block(out, g);
    }
    paragraphs(out, &sp.preamble);
    // Explicit stack: no recursion over input-sized depth.
    let mut stack: Vec<(&Section, usize)> = sp.sections.iter().rev().map(|s| (s, 2)).collect();
    while let Some((node, level)) = stack.pop() {
        let marker = node.marker.as_ref().map_or("", |m| m.text.trim());
        let title = node.title.as_deref().map_or("", str::trim);
        if !marker.is_empty() || !title.is_empty() {
            let hashes = "#".repeat(level.min(6));
            let _ = write!(out, "\n{hashes} {}\n", one_line(&format!("{marker}{title}")));
        }
        paragraphs(out, &node.paragraphs);
        stack.extend(node.points.iter().rev().map(|p| (p, level + 1)));
    }
    paragraphs(out, &sp.conclusion);
    if let Some(c) = &sp.closing {
        text_block(out, c);
    }
}

fn paragraphs(out: &mut String, ps: &[Paragraph]) {
    for p in ps {
        text_block(out, &p.text);
    }
}

/// A paragraph of text, escaped so that it stays a paragraph.
fn text_block(out: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    out.push('\n');
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if starts_block_syntax(line) {
            out.push('\\');
        }
        out.push_str(line);
        out.push('\n');
    }
}

/// Headings are one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `line` would start a heading, quote, list or fence in Markdown.
fn starts_block_syntax(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('#' | '>' | '-' | '+' | '*' | '=' | '`' | '~' | '|') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = chars.as_str().trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")"
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_escape_text_that_looks_like_markdown_syntax() {
        assert!(starts_block_syntax("# 标题"));
        assert!(starts_block_syntax("1. 列表"));
        assert!(!starts_block_syntax("1.5倍"));
        assert!(!starts_block_syntax("要抓好落实。"));
    }

    #[test]
    fn should_quote_front_matter_values() {
        assert_eq!(quoted("a\"b:c"), "\"a\\\"b:c\"");
        assert_eq!(quoted("讲话"), "\"讲话\"");
    }
}

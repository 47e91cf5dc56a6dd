//! The indented outline, one node per line, for people to read.

use crate::model::{Document, Section};
use std::fmt::Write;

/// Renders `doc` as an indented outline: `== title` per speech, then one line
/// per section and point, two spaces of indent per level.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// let out = jianggao::render::outline::render(&doc);
/// assert!(out.contains("- 一、 | 总体要求"));
/// ```
pub fn render(doc: &Document) -> String {
    render_to_depth(doc, None)
}

/// Renders `doc` like [`render`], down to `max_depth` levels of sections and
/// points (1: sections only); `None` renders every level.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。一是要学理论。");
/// let out = jianggao::render::outline::render_to_depth(&doc, Some(1));
/// assert!(out.contains("- 一、 | 总体要求"));
/// assert!(!out.contains("一是"));
/// ```
pub fn render_to_depth(doc: &Document, max_depth: Option<usize>) -> String {
    let max_depth = max_depth.unwrap_or(usize::MAX);
    let mut out = String::new();
    for sp in &doc.speeches {
        let _ = writeln!(out, "== {}", sp.title.as_deref().unwrap_or(""));
        let m = &sp.metadata;
        for (k, v) in [
            ("speaker", &m.speaker),
            ("date", &m.date),
            ("occasion", &m.occasion),
            ("source", &m.source),
            ("greeting", &sp.greeting),
            ("closing", &sp.closing),
        ] {
            if let Some(v) = v {
                let _ = writeln!(out, "{k}: {v}");
            }
        }
        // Explicit stack: no recursion over input-sized depth.
        let mut stack: Vec<(&Section, usize)> =
            if max_depth == 0 { Vec::new() } else { sp.sections.iter().rev().map(|s| (s, 0)).collect() };
        while let Some((node, depth)) = stack.pop() {
            let marker = node.marker.as_ref().map_or("*", |m| m.text.as_str());
            let _ = writeln!(out, "{}- {} | {}", "  ".repeat(depth), marker, node.title.as_deref().unwrap_or(""));
            if depth + 1 < max_depth {
                stack.extend(node.points.iter().rev().map(|p| (p, depth + 1)));
            }
        }
    }
    out
}

impl Document {
    /// The indented outline of the document; see [`render`].
    ///
    /// ```
    /// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
    /// assert!(doc.outline().contains("- 一、 | 总体要求"));
    /// ```
    pub fn outline(&self) -> String {
        render(self)
    }
}

//! A flat node table: one row per speech, section, point and paragraph,
//! for data frames (Polars, pandas, DuckDB) and search indexes.
//!
//! Rows come in document order: a speech, its preamble paragraphs, each
//! section followed by its paragraphs and then its points (recursively),
//! and the conclusion paragraphs. Every row has the same fields, whatever
//! the depth of the tree, so JSON lines of rows load into a data frame as
//! they are (`polars.read_ndjson`, `pandas.read_json(lines=True)`).
//!
//! - `id`: a stable id (16 hex digits), a hash of the file name, the
//!   speech, the row's kind, depth, label and byte span: the same input
//!   gives the same ids, on every run and machine.
//! - `parent_id`: the id of the row above (`""` for a speech).
//! - No field is ever `null`: a missing string is `""`, so a data frame
//!   reader that infers column types from the first rows never meets a
//!   column of nulls that turns into text later.
//! - `depth`: 0 for a speech, 1 for a section or a paragraph of the
//!   speech's preamble or conclusion, one more per level below.
//! - `kind`: `speech`, `section`, `point` or `paragraph`.
//! - `ordinal`: 1-based position among the parent's rows of the same kind
//!   (for a speech: among the speeches of the document).
//!
//! ```
//! let doc = jianggao::parse("一、总体要求\n要抓好落实。");
//! let rows = doc.node_table(None);
//! let kinds: Vec<&str> = rows.iter().map(|r| r.kind.name()).collect();
//! assert_eq!(kinds, ["speech", "section", "paragraph"]);
//! assert_eq!(rows[2].parent_id, rows[1].id);
//! assert_eq!(rows[2].text, "要抓好落实。");
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::model::{Document, Paragraph, Section};
use crate::offsets::CharOffsets;
use crate::span::Span;
use crate::walk::heading_label;

/// What a row of the node table stands for.
///
/// ```
/// assert_eq!(jianggao::render::nodes::NodeKind::Point.name(), "point");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NodeKind {
    /// A speech of the document.
    Speech,
    /// A top-level section.
    Section,
    /// A point inside a section or another point.
    Point,
    /// A paragraph of body text.
    Paragraph,
}

impl NodeKind {
    /// The JSON name of the kind.
    ///
    /// ```
    /// assert_eq!(jianggao::render::nodes::NodeKind::Speech.name(), "speech");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Speech => "speech",
            NodeKind::Section => "section",
            NodeKind::Point => "point",
            NodeKind::Paragraph => "paragraph",
        }
    }
}

/// One row of the node table. See the [module](self) documentation.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// let section = &doc.node_table(Some("a.txt"))[1];
/// assert_eq!(section.marker, "一、");
/// assert_eq!(section.title, "总体要求");
/// assert_eq!(section.file, "a.txt");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct NodeRow {
    /// Stable id: 16 hex digits.
    pub id: String,
    /// The id of the row above; `""` for a speech.
    pub parent_id: String,
    /// The file the text came from; `""` when not known.
    pub file: String,
    /// Index of the speech in the document.
    pub speech: usize,
    /// 0 for a speech, 1 for a section, one more per level below; a
    /// paragraph is one deeper than its parent.
    pub depth: usize,
    /// What the row stands for.
    pub kind: NodeKind,
    /// The marker as written (`一、`) of a marked section or point; `""`
    /// otherwise.
    pub marker: String,
    /// 1-based position among the parent's rows of the same kind.
    pub ordinal: usize,
    /// The title of a speech, section or point; `""` when it has none.
    pub title: String,
    /// The clean text of a paragraph; `""` for other rows.
    pub text: String,
    /// Where the row stands in the source (bytes, or characters when
    /// converted).
    pub span: Span,
}

impl NodeRow {
    /// The JSON Schema (draft 2020-12) of a row, as checked in at
    /// `schema/node.schema.json`.
    ///
    /// ```
    /// let schema = jianggao::render::nodes::NodeRow::json_schema();
    /// assert!(schema["properties"]["parent_id"].is_object());
    /// ```
    pub fn json_schema() -> serde_json::Value {
        crate::model::clean_schema(serde_json::to_value(schemars::schema_for!(NodeRow)).unwrap_or_default())
    }
}

/// A stable 64-bit id of a piece of a document, as 16 hex digits.
pub(crate) fn stable_id(
    file: Option<&str>,
    speech: usize,
    kind: &str,
    depth: usize,
    label: &str,
    span: Span,
) -> String {
    let mut h = Xxh3::new();
    // Each field ends with a byte that no UTF-8 text contains, so that
    // fields cannot run into each other.
    for s in [file.unwrap_or_default(), kind, label] {
        h.update(s.as_bytes());
        h.update(&[0xff]);
    }
    for n in [speech, depth, span.start, span.end] {
        h.update(&(n as u64).to_le_bytes());
    }
    format!("{:016x}", h.digest())
}

/// The node table of `doc`. `file` names the source in every row and
/// takes part in the ids. Spans are byte offsets; see
/// [`node_table_chars`] for character offsets.
///
/// ```
/// let doc = jianggao::parse("同志们：\n今天开会。");
/// let rows = jianggao::render::nodes::node_table(&doc, None);
/// assert_eq!(rows.len(), 2);
/// assert_eq!(rows[1].depth, 1);
/// ```
pub fn node_table(doc: &Document, file: Option<&str>) -> Vec<NodeRow> {
    let mut out = Vec::new();
    for (si, sp) in doc.speeches.iter().enumerate() {
        let title = sp.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let speech_id = stable_id(file, si, "speech", 0, title.unwrap_or_default(), sp.span);
        out.push(NodeRow {
            id: speech_id.clone(),
            parent_id: String::new(),
            file: file.unwrap_or_default().to_string(),
            speech: si,
            depth: 0,
            kind: NodeKind::Speech,
            marker: String::new(),
            ordinal: si + 1,
            title: title.unwrap_or_default().to_string(),
            text: String::new(),
            span: sp.span,
        });
        let mut ordinal = 0;
        let mut paragraphs = |out: &mut Vec<NodeRow>, ps: &[Paragraph]| {
            for p in ps {
                ordinal += 1;
                out.push(paragraph_row(file, si, &speech_id, 1, ordinal, p));
            }
        };
        paragraphs(&mut out, &sp.preamble);
        // (node, depth, parent id, ordinal), last to be visited first.
        let mut stack: Vec<(&Section, usize, String, usize)> =
            sp.sections.iter().enumerate().rev().map(|(i, s)| (s, 1, speech_id.clone(), i + 1)).collect();
        while let Some((node, depth, parent, ord)) = stack.pop() {
            let kind = if depth == 1 { NodeKind::Section } else { NodeKind::Point };
            let id = stable_id(file, si, kind.name(), depth, heading_label(node).unwrap_or_default(), node.span);
            out.push(NodeRow {
                id: id.clone(),
                parent_id: parent,
                file: file.unwrap_or_default().to_string(),
                speech: si,
                depth,
                kind,
                marker: node.marker.as_ref().map(|m| m.text.clone()).unwrap_or_default(),
                ordinal: ord,
                title: node.title.clone().unwrap_or_default(),
                text: String::new(),
                span: node.span,
            });
            for (i, p) in node.paragraphs.iter().enumerate() {
                out.push(paragraph_row(file, si, &id, depth + 1, i + 1, p));
            }
            stack.extend(node.points.iter().enumerate().rev().map(|(i, p)| (p, depth + 1, id.clone(), i + 1)));
        }
        paragraphs(&mut out, &sp.conclusion);
    }
    out
}

/// The row of a paragraph.
fn paragraph_row(file: Option<&str>, si: usize, parent: &str, depth: usize, ordinal: usize, p: &Paragraph) -> NodeRow {
    NodeRow {
        id: stable_id(file, si, "paragraph", depth, parent, p.span),
        parent_id: parent.to_string(),
        file: file.unwrap_or_default().to_string(),
        speech: si,
        depth,
        kind: NodeKind::Paragraph,
        marker: String::new(),
        ordinal,
        title: String::new(),
        text: p.text.clone(),
        span: p.span,
    }
}

/// The node table of `doc` with character (Unicode scalar) offsets into
/// `src`, the text `doc` was parsed from. The ids are those of
/// [`node_table`].
///
/// ```
/// let src = "一、总体要求\n要抓好落实。";
/// let doc = jianggao::parse(src);
/// let rows = jianggao::render::nodes::node_table_chars(&doc, src, None);
/// assert_eq!((rows[2].span.start, rows[2].span.end), (7, 13));
/// ```
pub fn node_table_chars(doc: &Document, src: &str, file: Option<&str>) -> Vec<NodeRow> {
    let index = CharOffsets::new(src);
    let mut rows = node_table(doc, file);
    for r in &mut rows {
        r.span = index.span(r.span);
    }
    rows
}

impl Document {
    /// The flat node table: one row per speech, section, point and
    /// paragraph. See [`crate::render::nodes`].
    ///
    /// ```
    /// let doc = jianggao::parse("一、总体要求\n要抓好落实。一是要学理论。二是要学业务。");
    /// let rows = doc.node_table(None);
    /// let points: Vec<_> = rows.iter().filter(|r| r.kind.name() == "point").map(|r| r.ordinal).collect();
    /// assert_eq!(points, [1, 2]);
    /// ```
    pub fn node_table(&self, file: Option<&str>) -> Vec<NodeRow> {
        node_table(self, file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_should_depend_on_every_field() {
        let base = stable_id(Some("a"), 0, "section", 1, "甲", Span::new(0, 3));
        assert_eq!(base.len(), 16);
        assert_eq!(base, stable_id(Some("a"), 0, "section", 1, "甲", Span::new(0, 3)));
        for other in [
            stable_id(Some("b"), 0, "section", 1, "甲", Span::new(0, 3)),
            stable_id(None, 0, "section", 1, "甲", Span::new(0, 3)),
            stable_id(Some("a"), 1, "section", 1, "甲", Span::new(0, 3)),
            stable_id(Some("a"), 0, "point", 1, "甲", Span::new(0, 3)),
            stable_id(Some("a"), 0, "section", 2, "甲", Span::new(0, 3)),
            stable_id(Some("a"), 0, "section", 1, "乙", Span::new(0, 3)),
            stable_id(Some("a"), 0, "section", 1, "甲", Span::new(0, 4)),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn ids_should_be_the_same_on_every_run() {
        // A fixed value: ids must not change between versions by accident.
        assert_eq!(stable_id(None, 0, "speech", 0, "", Span::new(0, 0)), "586e1d9df0d6abfd");
        assert_eq!(stable_id(None, 0, "speech", 0, "", Span::new(0, 16)), "5680f0727d354281");
    }
}

//! Level inference: which marker candidates are real, and at what depth.

use crate::marker::{self, MarkerMatch, Position};
use crate::model::Diagnostic;
use crate::segment::Block;

/// An accepted outline node start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// Index of the block the node starts in.
    pub block: usize,
    /// Byte offset of the marker in the block's cleaned text.
    pub offset: usize,
    /// The marker; `None` for an unmarked section.
    pub marker: Option<MarkerMatch>,
    /// The resolved ordinal.
    pub ordinal: u32,
    /// 1 for a section, 2 for its points, and so on.
    pub depth: usize,
    /// Block start or inline.
    pub position: Position,
}

/// Infers the outline of `blocks`.
pub fn infer(blocks: &[Block], _diags: &mut Vec<Diagnostic>) -> Vec<Item> {
    let mut out = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        for c in marker::scan(&b.text) {
            out.push(Item { block: bi, offset: c.offset, marker: Some(c.m), ordinal: c.m.ordinal, depth: 1, position: c.position });
        }
    }
    out
}

//! Repairs: rejoining what page breaks and hard wraps cut, dropping
//! duplicated paragraphs, and noticing truncation.

use super::noise::Line;
use super::{Block, Segmented};

/// Assembles classified lines into blocks: one block per non-blank line.
pub fn assemble(src: &str, lines: &[Line], out: &mut Segmented) {
    for l in lines.iter().filter(|l| !l.blank) {
        let mut b = Block::from_source(src, l.span);
        b.own_line = true;
        out.blocks.push(b);
    }
}

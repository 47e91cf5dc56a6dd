//! Facts of the header lines of a speech, each computed at most once.
//!
//! The readers of a header ask the same questions of the same lines: the
//! split into speeches wants the title-shaped lines and their keys, the
//! title search wants the shape, whether the line holds metadata or a name
//! and the key of the visible title, and the header reader then takes the
//! metadata or the name of the lines that are not the title. [`Facts`]
//! keeps each answer of one line once it is known.

use super::{key, meta_line, name_line, title, visible_range, MetaLine};
use crate::segment::Block;

/// The answers known for one block; each is computed on first use, from
/// the block passed (always the same block for one `Facts`). One is kept
/// per header line, and a text with no body start found is all header: the
/// rare answers are boxed and which are known is a set of bits (32 bytes).
#[derive(Default)]
pub(super) struct Facts {
    /// Which answers are known ([`SHAPE`], [`META`], [`NAME`]), and
    /// [`IS_TITLE`], the shape.
    known: u8,
    /// The comparison key of the visible title ([`title::visible`]). A
    /// boxed `String` is one pointer wide where a `Box<str>` is two: the key
    /// is asked of title-shaped lines only, the size is paid by every line.
    #[allow(clippy::box_collection)]
    key: Option<Box<String>>,
    /// [`meta_line`] of the text, when it has no spaces at its ends.
    meta: Option<Box<MetaLine>>,
    /// [`name_line`] of the text, when it has no spaces at its ends.
    name: Option<Box<(String, usize, usize)>>,
}

/// The title shape is known.
const SHAPE: u8 = 1;
/// The text has the shape of a title line.
const IS_TITLE: u8 = 2;
/// `Facts::meta` is known.
const META: u8 = 4;
/// `Facts::name` is known.
const NAME: u8 = 8;

/// True when `b`'s text has no spaces to trim: the readers that trim it
/// first and those that do not read the same string.
fn trimmed(b: &Block) -> bool {
    b.text.trim().len() == b.text.len()
}

impl Facts {
    /// True when the text has the shape of a title line.
    pub(super) fn shape(&mut self, b: &Block) -> bool {
        if self.known & SHAPE == 0 {
            // `title_shape` trims the text itself.
            let is = title::title_shape(&b.text);
            self.known |= SHAPE | if is { IS_TITLE } else { 0 };
        }
        self.known & IS_TITLE != 0
    }

    /// The comparison key of the visible title in the text.
    pub(super) fn key(&mut self, b: &Block) -> &str {
        self.key.get_or_insert_with(|| Box::new(key(&b.text[visible_range(&b.text)])))
    }

    /// True when the trimmed text is a metadata line.
    pub(super) fn is_meta(&mut self, b: &Block) -> bool {
        if !trimmed(b) {
            return meta_line(b.text.trim()).is_some();
        }
        if self.known & META == 0 {
            self.meta = meta_line(&b.text).map(Box::new);
            self.known |= META;
        }
        self.meta.is_some()
    }

    /// The metadata line read from the text, taken out of the facts.
    pub(super) fn take_meta(&mut self, b: &Block) -> Option<MetaLine> {
        if self.known & META == 0 {
            return meta_line(&b.text);
        }
        self.known &= !META;
        self.meta.take().map(|m| *m)
    }

    /// True when the trimmed text is a name line.
    pub(super) fn is_name(&mut self, b: &Block) -> bool {
        if !trimmed(b) {
            return name_line(b.text.trim()).is_some();
        }
        if self.known & NAME == 0 {
            self.name = name_line(&b.text).map(Box::new);
            self.known |= NAME;
        }
        self.name.is_some()
    }

    /// The name line read from the text, taken out of the facts.
    pub(super) fn take_name(&mut self, b: &Block) -> Option<(String, usize, usize)> {
        if self.known & NAME == 0 {
            return name_line(&b.text);
        }
        self.known &= !NAME;
        self.name.take().map(|n| *n)
    }
}

/// The facts of `n` blocks, none known yet.
pub(super) fn unknown(n: usize) -> Vec<Facts> {
    std::iter::repeat_with(Facts::default).take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn block(text: &str) -> Block {
        Block::from_source(text, Span::new(0, text.len()))
    }

    #[test]
    fn facts_should_stay_small() {
        // One per header line; a text of short lines may be all header.
        assert!(std::mem::size_of::<Facts>() <= 32);
    }

    #[test]
    fn facts_should_answer_what_the_readers_compute() {
        let texts = [
            "在全市工作会议上的讲话",
            "党课《强化政治机关意识》",
            "张三",
            "  张三　",
            "作者：张三 来源：人民网",
            " 时间：2019-11-23 ",
            "（王维东同志）",
            "今天开会。",
            "",
        ];
        for t in texts {
            let b = block(t);
            let trim = b.text.trim();
            // Asked first, then taken; or taken at once.
            let mut f = Facts::default();
            assert_eq!(f.shape(&b), title::title_shape(trim), "{t}");
            assert_eq!(f.key(&b), key(&t[visible_range(t)]), "{t}");
            assert_eq!(f.is_meta(&b), meta_line(trim).is_some(), "{t}");
            assert_eq!(f.is_name(&b), name_line(trim).is_some(), "{t}");
            assert_eq!(format!("{:?}", f.take_meta(&b)), format!("{:?}", meta_line(t)), "{t}");
            assert_eq!(f.take_name(&b), name_line(t), "{t}");
            let mut g = Facts::default();
            assert_eq!(format!("{:?}", g.take_meta(&b)), format!("{:?}", meta_line(t)), "{t}");
            assert_eq!(g.take_name(&b), name_line(t), "{t}");
        }
    }

    #[test]
    fn take_should_read_the_untrimmed_text_of_a_block_with_spaces() {
        // The name's offsets are those of the untrimmed text, not of the
        // trimmed one that `is_name` asked about.
        let b = block("  张三");
        let mut f = Facts::default();
        assert!(f.is_name(&b));
        assert_eq!(f.take_name(&b), Some(("张三".to_string(), 2, 8)));
    }
}

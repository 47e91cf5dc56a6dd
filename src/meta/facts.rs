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
/// the block passed (always the same block for one `Facts`).
#[derive(Default)]
pub(super) struct Facts {
    /// [`title::title_shape`] of the text.
    shape: Option<bool>,
    /// The comparison key of the visible title ([`title::visible`]).
    key: Option<Box<str>>,
    /// [`meta_line`] of the text, when it has no spaces at its ends (boxed:
    /// one `Facts` is kept per header line, and most lines have neither).
    meta: Option<Option<Box<MetaLine>>>,
    /// [`name_line`] of the text, when it has no spaces at its ends.
    name: Option<Option<Box<(String, usize, usize)>>>,
}

/// True when `b`'s text has no spaces to trim: the readers that trim it
/// first and those that do not read the same string.
fn trimmed(b: &Block) -> bool {
    b.text.trim().len() == b.text.len()
}

impl Facts {
    /// True when the text has the shape of a title line.
    pub(super) fn shape(&mut self, b: &Block) -> bool {
        // `title_shape` trims the text itself.
        *self.shape.get_or_insert_with(|| title::title_shape(&b.text))
    }

    /// The comparison key of the visible title in the text.
    pub(super) fn key(&mut self, b: &Block) -> &str {
        self.key.get_or_insert_with(|| key(&b.text[visible_range(&b.text)]).into_boxed_str())
    }

    /// True when the trimmed text is a metadata line.
    pub(super) fn is_meta(&mut self, b: &Block) -> bool {
        if !trimmed(b) {
            return meta_line(b.text.trim()).is_some();
        }
        self.meta.get_or_insert_with(|| meta_line(&b.text).map(Box::new)).is_some()
    }

    /// The metadata line read from the text, taken out of the facts.
    pub(super) fn take_meta(&mut self, b: &Block) -> Option<MetaLine> {
        match self.meta.take() {
            Some(m) => m.map(|m| *m),
            None => meta_line(&b.text),
        }
    }

    /// True when the trimmed text is a name line.
    pub(super) fn is_name(&mut self, b: &Block) -> bool {
        if !trimmed(b) {
            return name_line(b.text.trim()).is_some();
        }
        self.name.get_or_insert_with(|| name_line(&b.text).map(Box::new)).is_some()
    }

    /// The name line read from the text, taken out of the facts.
    pub(super) fn take_name(&mut self, b: &Block) -> Option<(String, usize, usize)> {
        match self.name.take() {
            Some(n) => n.map(|n| *n),
            None => name_line(&b.text),
        }
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

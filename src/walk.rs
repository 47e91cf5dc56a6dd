//! Iterators over the outline tree, so that no user has to write recursion.
//!
//! [`Document::nodes`] yields every section and point of every speech in
//! document order (a node before its children, children in order), each
//! with its depth, the index of its speech and its heading path. The walk
//! keeps an explicit stack: a tree nested ten thousand levels deep is walked
//! in constant stack space.
//!
//! ```
//! let doc = jianggao::parse("一、总体要求\n要抓好落实。一是要学理论。二是要学业务。");
//! let depths: Vec<usize> = doc.nodes().map(|n| n.depth).collect();
//! assert_eq!(depths, [1, 2, 2]);
//! ```

use std::rc::Rc;

use crate::model::{Document, Section, Speech};

/// The label of a node in a heading path: its title, or its marker as
/// written when it has no title, or `None` for an unmarked, untitled
/// section.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// let s = &doc.speeches[0].sections[0];
/// assert_eq!(jianggao::walk::heading_label(s), Some("总体要求"));
/// ```
pub fn heading_label(node: &Section) -> Option<&str> {
    node.title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .or_else(|| node.marker.as_ref().map(|m| m.text.trim()).filter(|t| !t.is_empty()))
}

/// One link of the chain of ancestors shared by the nodes below it.
#[derive(Debug)]
struct Link<'a> {
    label: Option<&'a str>,
    parent: Option<Rc<Link<'a>>>,
}

/// A section or point met by [`Nodes`], with where it stands.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。一是要学理论。二是要学业务。");
/// let point = doc.nodes().last().unwrap();
/// assert_eq!(point.depth, 2);
/// assert_eq!(point.speech, 0);
/// assert_eq!(point.heading_path(), ["总体要求", "要学业务"]);
/// ```
#[derive(Clone, Debug)]
pub struct Node<'a> {
    /// The section or point itself.
    pub section: &'a Section,
    /// 1 for a section, 2 for its points, 3 for their sub-points, ...
    pub depth: usize,
    /// Index of the speech in [`Document::speeches`].
    pub speech: usize,
    speech_title: Option<&'a str>,
    parent: Option<Rc<Link<'a>>>,
}

impl<'a> Node<'a> {
    /// The headings from the speech title down to this node, inclusive:
    /// `[speech title, section title, point title, ...]`. Each entry is
    /// [`heading_label`] of its node; a speech without a title and an
    /// unmarked, untitled section have no entry.
    ///
    /// Costs time in the depth of the node.
    ///
    /// ```
    /// let mut doc = jianggao::parse("一、总体要求\n要抓好落实。");
    /// doc.speeches[0].title = Some("关于加强学习的讲话".into());
    /// let n = doc.nodes().next().unwrap();
    /// assert_eq!(n.heading_path(), ["关于加强学习的讲话", "总体要求"]);
    /// ```
    pub fn heading_path(&self) -> Vec<&'a str> {
        let mut path: Vec<&'a str> = heading_label(self.section).into_iter().collect();
        let mut link = self.parent.as_deref();
        while let Some(l) = link {
            path.extend(l.label);
            link = l.parent.as_deref();
        }
        path.extend(self.speech_title);
        path.reverse();
        path
    }

    /// The label of this node in its heading path, if it has one.
    ///
    /// ```
    /// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
    /// assert_eq!(doc.nodes().next().unwrap().label(), Some("总体要求"));
    /// ```
    pub fn label(&self) -> Option<&'a str> {
        heading_label(self.section)
    }

    /// True when the node has no points below it.
    ///
    /// ```
    /// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
    /// assert!(doc.nodes().next().unwrap().is_leaf());
    /// ```
    pub fn is_leaf(&self) -> bool {
        self.section.points.is_empty()
    }
}

/// A speech's title, trimmed, if it has a non-empty one.
pub(crate) fn speech_title(sp: &Speech) -> Option<&str> {
    sp.title.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// The iterator returned by [`Document::nodes`].
///
/// ```
/// let doc = jianggao::parse("一、甲\n要抓好。\n二、乙\n要落实。");
/// let mut it: jianggao::walk::Nodes = doc.nodes();
/// assert_eq!(it.next().map(|n| n.depth), Some(1));
/// ```
#[derive(Debug)]
pub struct Nodes<'a> {
    speeches: std::iter::Enumerate<std::slice::Iter<'a, Speech>>,
    speech: usize,
    speech_title: Option<&'a str>,
    /// Pending nodes, last to be visited first: (node, depth, parent link).
    stack: Vec<(&'a Section, usize, Option<Rc<Link<'a>>>)>,
}

impl<'a> Nodes<'a> {
    fn new(doc: &'a Document) -> Self {
        Nodes { speeches: doc.speeches.iter().enumerate(), speech: 0, speech_title: None, stack: Vec::new() }
    }
}

impl<'a> Iterator for Nodes<'a> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        loop {
            if let Some((section, depth, parent)) = self.stack.pop() {
                if !section.points.is_empty() {
                    let link = Rc::new(Link { label: heading_label(section), parent: parent.clone() });
                    self.stack.extend(section.points.iter().rev().map(|p| (p, depth + 1, Some(Rc::clone(&link)))));
                }
                return Some(Node { section, depth, speech: self.speech, speech_title: self.speech_title, parent });
            }
            let (i, sp) = self.speeches.next()?;
            self.speech = i;
            self.speech_title = speech_title(sp);
            self.stack.extend(sp.sections.iter().rev().map(|s| (s, 1, None)));
        }
    }
}

impl Drop for Nodes<'_> {
    fn drop(&mut self) {
        // Unlink ancestor chains one link at a time: dropping a chain ten
        // thousand links long through nested destructors could overflow
        // the stack.
        for (_, _, parent) in self.stack.drain(..) {
            unlink(parent);
        }
    }
}

impl Drop for Node<'_> {
    fn drop(&mut self) {
        unlink(self.parent.take());
    }
}

/// Drops a chain of links iteratively, stopping at the first link that is
/// still shared.
fn unlink(mut link: Option<Rc<Link<'_>>>) {
    while let Some(rc) = link {
        link = match Rc::try_unwrap(rc) {
            Ok(mut l) => l.parent.take(),
            Err(_) => None,
        };
    }
}

impl Document {
    /// Every section and point of every speech, in document order, with
    /// depth, speech index and heading path. See [`crate::walk`].
    ///
    /// ```
    /// let doc = jianggao::parse("一、总体要求\n要抓好落实。一是要学理论。二是要学业务。\n二、保障\n要加强领导。");
    /// let titles: Vec<_> = doc.nodes().map(|n| (n.depth, n.label().unwrap_or(""))).collect();
    /// assert_eq!(titles, [(1, "总体要求"), (2, "要学理论"), (2, "要学业务"), (1, "保障")]);
    /// ```
    pub fn nodes(&self) -> Nodes<'_> {
        Nodes::new(self)
    }
}

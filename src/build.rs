//! Tree building: the body blocks and the accepted outline items into the
//! typed speech, with an explicit stack of open nodes (no recursion).

use crate::meta::SpeechPlan;
use crate::model::{Marker, Paragraph, Section, Speech};
use crate::normalize::{fold, is_closing_quote, is_sentence_end, is_space};
use crate::outline::Item;
use crate::segment::Block;
use crate::span::{ParagraphMaps, Span};

/// Builds the speech of `plan` with the outline `items` (from
/// [`crate::outline::infer`] over `plan.body`).
///
/// ```
/// use jianggao::{build::build, meta::plan, outline::infer, segment::segment};
/// let src = "一、总体要求\n要抓好落实。";
/// let seg = segment(src);
/// let p = plan(src, seg.blocks, &mut Vec::new()).remove(0);
/// let items = infer(&p.body, &mut Vec::new());
/// let speech = build(src, p, &items);
/// assert_eq!(speech.sections[0].paragraphs[0].text, "要抓好落实。");
/// ```
pub fn build(src: &str, plan: SpeechPlan, items: &[Item]) -> Speech {
    build_keeping(src, plan, items, &mut ParagraphMaps::default())
}

/// [`build`], keeping in `maps` where the text of each paragraph that is
/// not a verbatim slice of the source comes from (the blocks know it, and
/// are dropped here).
pub(crate) fn build_keeping(src: &str, plan: SpeechPlan, items: &[Item], maps: &mut ParagraphMaps) -> Speech {
    // The plan is owned: its strings move into the speech.
    let split = |v: Option<(String, Span)>| v.map_or((None, None), |(t, s)| (Some(t), Some(s)));
    let (title, title_span) = split(plan.title);
    let (greeting, greeting_span) = split(plan.greeting);
    let (closing, closing_span) = split(plan.closing);
    let mut speech = Speech {
        title,
        title_span,
        metadata: plan.metadata,
        greeting,
        greeting_span,
        closing,
        closing_span,
        ..Speech::default()
    };
    let span = speech_span(&speech, &plan.body);
    let last_item_block = items.last().map(|i| i.block);
    // The blocks before the first item give the preamble: one paragraph
    // each (and the lead of the first item's block).
    speech.preamble.reserve_exact(items.first().map_or(plan.body.len(), |i| i.block + 1));
    let mut tree = Tree::default();
    let mut in_conclusion = false;
    let mut next = 0;
    // Each block is dropped once read, and a block that is one paragraph
    // gives it its text.
    for (bi, mut block) in plan.body.into_iter().enumerate() {
        let start = next;
        while next < items.len() && items[next].block == bi {
            next += 1;
        }
        let its = &items[start..next];
        let lead = match its.first() {
            Some(i) => paragraph(&block, 0, i.offset, maps),
            None => whole_paragraph(&mut block, maps),
        };
        if let Some(p) = lead {
            let after_outline = last_item_block.is_some_and(|l| bi > l);
            if !in_conclusion && after_outline && !tree.is_empty() && opens_conclusion(&p.text) {
                in_conclusion = true;
            }
            if in_conclusion {
                speech.conclusion.push(p);
            } else if let Some(top) = tree.top() {
                top.paragraphs.push(p);
            } else {
                speech.preamble.push(p);
            }
        }
        for (k, item) in its.iter().enumerate() {
            let end = its.get(k + 1).map_or(block.text.len(), |i| i.offset);
            let node = node(src, &block, item, end, maps);
            tree.open(node, item.depth, &mut speech.sections);
        }
    }
    tree.close_to(0, &mut speech.sections);
    speech.span = span;
    speech
}

/// True when a paragraph opens the closing remarks of a speech: it
/// re-addresses the audience (`同志们，…`), exhorts (`让我们…`) or sums up
/// (`总之，…`). The build stage opens the conclusion at the first such
/// paragraph after the outline; the meta stage asks it too, for a paragraph
/// that ends a speech before a second title.
///
/// ```
/// assert!(jianggao::build::opens_conclusion("同志们，让我们携起手来。"));
/// assert!(jianggao::build::opens_conclusion("同志们、朋友们，让我们携起手来。"));
/// assert!(!jianggao::build::opens_conclusion("同志们职务提升后，手中有了权力。"));
/// ```
pub fn opens_conclusion(text: &str) -> bool {
    let t = text.trim_start();
    [
        "同志们，",
        "同志们,",
        "同志们！",
        "同志们!",
        "同志们、朋友们",
        "让我们",
        "总之，",
        "总之,",
        "总而言之",
        "综上所述",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// The open nodes, outermost first.
#[derive(Default)]
struct Tree {
    open: Vec<Section>,
}

impl Tree {
    fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    fn top(&mut self) -> Option<&mut Section> {
        self.open.last_mut()
    }

    /// Opens `node` at `depth` (1-based), closing what is at that depth or
    /// deeper.
    fn open(&mut self, node: Section, depth: usize, sections: &mut Vec<Section>) {
        self.close_to(depth.saturating_sub(1), sections);
        self.open.push(node);
    }

    /// Closes nodes until `depth` remain open.
    fn close_to(&mut self, depth: usize, sections: &mut Vec<Section>) {
        while self.open.len() > depth {
            let Some(mut node) = self.open.pop() else {
                break;
            };
            node.span = node_span(&node);
            match self.open.last_mut() {
                Some(parent) => parent.points.push(node),
                None => sections.push(node),
            }
        }
    }
}

fn node_span(n: &Section) -> Span {
    let mut span = n.marker.as_ref().map(|m| m.span).or(n.title_span).unwrap_or(n.span);
    for s in n.title_span.iter().chain(n.paragraphs.iter().map(|p| &p.span)) {
        span = span.cover(*s);
    }
    if let Some(last) = n.points.last() {
        span = span.cover(last.span);
    }
    span
}

fn speech_span(s: &Speech, body: &[Block]) -> Span {
    let mut spans = s
        .title_span
        .iter()
        .chain(s.greeting_span.iter())
        .chain(s.closing_span.iter())
        .chain(body.iter().map(|b| &b.span))
        .copied();
    let first = spans.next().unwrap_or_default();
    spans.fold(first, Span::cover)
}

/// A paragraph of `block.text[start..end]`, trimmed, or `None` when blank;
/// `maps` keeps its map when its text is not its source slice.
fn paragraph(block: &Block, start: usize, end: usize, maps: &mut ParagraphMaps) -> Option<Paragraph> {
    let (a, b) = trim(&block.text, start, end)?;
    let span = block.source_span(a, b);
    maps.keep(&block.map, a, b, span);
    Some(Paragraph { text: block.text[a..b].to_string(), span })
}

/// The paragraph of all of `block`'s text, or `None` when blank; a text
/// with nothing to trim is moved into the paragraph rather than copied.
/// `maps` keeps its map when its text is not its source slice.
fn whole_paragraph(block: &mut Block, maps: &mut ParagraphMaps) -> Option<Paragraph> {
    let len = block.text.len();
    let (a, b) = trim(&block.text, 0, len)?;
    let span = block.source_span(a, b);
    maps.keep(&block.map, a, b, span);
    if (a, b) != (0, len) {
        return Some(Paragraph { text: block.text[a..b].to_string(), span });
    }
    let mut text = std::mem::take(&mut block.text);
    // A text grown by joins may have room to spare: the copy it replaces
    // had none.
    text.shrink_to_fit();
    Some(Paragraph { text, span })
}

/// `start..end` of `text` without surrounding spaces, or `None` when empty.
fn trim(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (a, b) = crate::normalize::trim_range(text, start, end);
    (a < b).then_some((a, b))
}

/// The node for `item`, whose text runs to `end` in `block`.
fn node(src: &str, block: &Block, item: &Item, end: usize, maps: &mut ParagraphMaps) -> Section {
    let mut node = Section::default();
    let mut at = item.offset;
    if let Some(m) = item.marker {
        let span = block.source_span(item.offset, item.offset + m.len);
        node.marker = Some(Marker {
            text: src.get(span.range()).unwrap_or_default().to_string(),
            kind: m.kind,
            ordinal: item.ordinal,
            span,
        });
        at += m.len;
    }
    let Some((a, b)) = trim(&block.text, at, end) else {
        return node;
    };
    let rest = &block.text[a..b];
    // The lead sentence is the title; a heading line with no sentence end is
    // all title.
    let mut title_end = lead_sentence_end(rest).map_or(b, |e| a + e);
    let title_text = trim_title(&block.text[a..title_end]);
    if title_text.is_empty() {
        // Only punctuation: no title, and the punctuation stays body text.
        title_end = a;
    } else {
        node.title = Some(title_text.to_string());
        node.title_span = Some(block.source_span(a, title_end));
    }
    if let Some(p) = paragraph(block, title_end, b, maps) {
        node.paragraphs.push(p);
    }
    node
}

/// The title text of a lead sentence: without its closing punctuation, and
/// without quotes that only follow that punctuation (`…增强信赖。”`), while a
/// title that ends in a quoted word keeps it (`要把好“初始关”`).
fn trim_title(s: &str) -> &str {
    let end_punct = |c: char| is_sentence_end(c) || matches!(fold(c), ':' | ',' | '、') || is_space(c);
    let t = s.trim_end_matches(end_punct);
    let unquoted = t.trim_end_matches(is_closing_quote);
    if unquoted.len() < t.len() && unquoted.ends_with(is_sentence_end) {
        return unquoted.trim_end_matches(end_punct);
    }
    t
}

/// Where the lead sentence of `s` ends: just past its first sentence end
/// (`。！？；` and `! ? ;`, as [`is_sentence_end`]) and any closing quotes
/// after it.
fn lead_sentence_end(s: &str) -> Option<usize> {
    let (at, len) = crate::normalize::first_sentence_end(s.as_bytes())?;
    let end = at + len;
    let rest = s.get(end..).unwrap_or_default();
    let quotes = rest.len() - rest.trim_start_matches(is_closing_quote).len();
    Some(end + quotes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_sentence_end_should_stop_after_the_first_sentence_end_and_its_quotes() {
        for (s, lead) in [
            ("", None),
            ("要把好“初始关”", None),
            ("要把好初始关。要把好朋友关。", Some("要把好初始关。")),
            ("他说：“要学习。”然后", Some("他说：“要学习。”")),
            ("时间13:45，地点…会场！之后", Some("时间13:45，地点…会场！")),
            ("问：如何？答；好; ok! 是吗?", Some("问：如何？")),
            ("全角！全角？全角；", Some("全角！")),
            ("《标题》、“引号”…：", None),
            ("一、总体要求。”）》后", Some("一、总体要求。”）》")),
            ("要学习。”然后", Some("要学习。”")),
            ("没有句末：只有冒号", None),
        ] {
            assert_eq!(lead_sentence_end(s).map(|e| &s[..e]), lead, "{s:?}");
        }
    }
}

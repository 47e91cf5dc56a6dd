//! Assembly and repairs: units into blocks (rejoining what page breaks and
//! hard wraps cut), dropping duplicated paragraphs, and noticing truncation.

use super::lines::{ends_sentence, junction, Join, Units};
use super::{BlockBuilder, Segmented};
use crate::model::{Diagnostic, Noise};
use crate::normalize::is_invisible;
use crate::span::Span;

/// A duplicate must be at least this long (in characters): short lines
/// repeat on purpose.
const MIN_DUPLICATE_CHARS: usize = 16;

/// Pushes `src[span]` onto `b`, leaving out invisible characters
/// (zero-width spaces and joiners, BOM, soft hyphen).
fn push_clean(b: &mut BlockBuilder, src: &str, span: Span) {
    let Some(s) = src.get(span.range()) else {
        return;
    };
    let mut start = 0;
    // Invisible characters are U+00AD, U+200B…U+200D, U+2060 and U+FEFF:
    // only their lead bytes need a look.
    for i in memchr::memchr3_iter(0xC2, 0xE2, 0xEF, s.as_bytes()) {
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
            continue;
        };
        if is_invisible(c) {
            b.push(src, Span::new(span.start + start, span.start + i));
            start = i + c.len_utf8();
        }
    }
    b.push(src, Span::new(span.start + start, span.end));
}

/// Assembles units into blocks: a unit starts a new block unless it
/// continues the previous one ([`Join::Wrap`], [`Join::Page`]); noise units
/// and cut page numbers go to `out.noise`. A block identical to the block
/// before it (a scraping duplicate) becomes noise `duplicate`.
///
/// ```
/// use jianggao::segment::{lines::Units, repair, Segmented};
/// let src = "一、总体要求\n要抓好落实。";
/// let units = Units::from_lines(src);
/// let mut out = Segmented::default();
/// repair::assemble(src, &units, &mut out);
/// assert_eq!(out.blocks.len(), 2);
/// assert!(out.blocks[0].own_line);
/// ```
pub fn assemble(src: &str, units: &Units, out: &mut Segmented) {
    let mut cur = BlockBuilder::default();
    let mut last_piece: Option<Span> = None;
    for (i, u) in units.units.iter().enumerate() {
        if let Some(reason) = u.noise {
            out.noise.push(Noise::at(src, u.span, reason));
            continue;
        }
        if let Some(cut) = u.cut {
            out.noise.push(Noise::at(src, cut, "page_number"));
        }
        if u.join == Join::None || cur.is_empty() {
            finish(&mut cur, out);
            cur.own_line(true);
            last_piece = None;
        }
        let pieces = units.unit_pieces(i);
        cur.reserve(u.span.len(), pieces.len());
        for (k, &p) in pieces.iter().enumerate() {
            if let Some(a) = last_piece {
                // Within a unit and across wrap joins the pieces were split at
                // spaces; a page join meets with no space.
                let wrap = p.start > a.end && (u.join == Join::Wrap || k > 0);
                if wrap {
                    if let Some(j) = junction(src, a, p) {
                        cur.push(src, j);
                    }
                }
            }
            if units.clean {
                cur.push(src, p);
            } else {
                push_clean(&mut cur, src, p);
            }
            last_piece = Some(p);
        }
    }
    finish(&mut cur, out);
    drop_duplicates(src, out);
}

fn finish(cur: &mut BlockBuilder, out: &mut Segmented) {
    if let Some(b) = std::mem::take(cur).finish() {
        out.blocks.push(b);
    }
}

/// Turns a block identical to the previous kept block into noise
/// `duplicate`, together with the noise inside it.
fn drop_duplicates(src: &str, out: &mut Segmented) {
    let mut dups: Vec<Span> = Vec::new();
    let mut kept = Vec::with_capacity(out.blocks.len());
    for b in std::mem::take(&mut out.blocks) {
        let dup = kept.last().is_some_and(|p: &super::Block| p.text == b.text)
            && b.text.chars().count() >= MIN_DUPLICATE_CHARS;
        if dup {
            dups.push(b.span);
        } else {
            kept.push(b);
        }
    }
    out.blocks = kept;
    if dups.is_empty() {
        return;
    }
    // Both lists are in source order: sweep once.
    out.noise.sort_by_key(|n| n.span);
    let mut d = 0;
    out.noise.retain(|n| {
        while dups.get(d).is_some_and(|s| s.end <= n.span.start) {
            d += 1;
        }
        !dups.get(d).is_some_and(|s| s.contains(n.span))
    });
    let count = dups.len();
    out.noise.extend(dups.into_iter().map(|s| Noise::at(src, s, "duplicate")));
    out.diagnostics.push(Diagnostic::new("duplicate", format!("dropped {count} paragraph(s) repeated verbatim"), None));
}

/// Notices that stop a preview before the document's end (all words of
/// the noise vocabulary, searched with it).
pub(crate) const CUT_NOTICES: &[&str] = &[
    "最多预览",
    "预览结束",
    "预览已结束",
    "试读结束",
    "试读已结束",
    "页未读",
    "未读完",
    "剩余内容",
    "查看全文",
    "阅读全文",
];

/// True for a block the metadata stage reads at the end of a page rather
/// than speech: a permalink, a publication footer, a date line.
fn is_trailing_meta(text: &str) -> bool {
    text.contains("http")
        || text.contains("www.")
        || text.contains("链接")
        || (text.starts_with("本文") && text.contains("发表"))
        || text.starts_with("时间")
        || text.starts_with("发布时间")
        || text.starts_with("点击")
}

/// Decides whether the text stops before its natural end: its last speech
/// block is long and has no sentence end, or (weaker evidence that only
/// counts with a cut text) a preview notice says the text goes on. Sets
/// `out.truncated` and adds a `truncated` diagnostic.
///
/// ```
/// use jianggao::segment::{segment, repair};
/// let seg = segment("一、总体要求\n要抓好落实，但是有的同志还没有认识到");
/// assert!(seg.truncated);
/// let seg = segment("一、总体要求\n要抓好落实。\n谢谢大家！");
/// assert!(!seg.truncated);
/// ```
pub fn truncation(out: &mut Segmented) {
    let Some(last) = out.blocks.iter().rev().find(|b| !is_trailing_meta(&b.text)) else {
        return;
    };
    if ends_sentence(&last.text) {
        return;
    }
    let chars = last.text.chars().count();
    let clause = last.text.contains(['，', ',', '、', '；', ';']) || super::lines::ends_clause(&last.text);
    let notice = out.noise.iter().any(|n| super::noise::has_cut_notice(&n.text));
    let cut = chars >= 20 || (clause && chars >= 8) || (notice && chars >= 8);
    if !cut {
        return;
    }
    out.truncated = true;
    let end = last.span.end;
    let why = if notice { "the text ends mid-sentence, before a preview notice" } else { "the text ends mid-sentence" };
    out.diagnostics.push(Diagnostic::new("truncated", why, Some(Span::new(end, end))));
}

#[cfg(test)]
mod tests {
    use crate::segment::segment;

    #[test]
    fn should_drop_invisible_characters_inside_a_line() {
        for src in ["一、总体\u{200B}要求\n要抓好\u{FEFF}落实。", "一、总体\u{2060}要求 二\n要抓\u{AD}好落实。"]
        {
            let seg = segment(src);
            assert!(seg.blocks.iter().all(|b| !b.text.chars().any(crate::normalize::is_invisible)), "{src:?}");
            assert!(seg.blocks[0].text.starts_with("一、总体要求"));
        }
    }

    #[test]
    fn should_keep_every_character_of_a_clean_text() {
        let src = "一、总体要求\n要抓好落实，不折不扣。\n";
        let seg = segment(src);
        let kept: String = seg.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(kept, "一、总体要求要抓好落实，不折不扣。");
        assert_eq!(seg.blocks[1].span.start, src.find('\n').map_or(0, |i| i + 1));
    }
}

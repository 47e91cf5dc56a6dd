//! Assembly and repairs: units into blocks (rejoining what page breaks and
//! hard wraps cut), dropping duplicated paragraphs, and noticing truncation.

use super::lines::{ends_sentence, junction, Join, UnitText, Units};
use super::{BlockBuilder, Segmented};
use crate::model::{Diagnostic, DiagnosticKind, Noise, NoiseReason};
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
/// ```
pub fn assemble(src: &str, units: &Units, out: &mut Segmented) {
    assemble_texts(src, units, Vec::new(), out);
}

/// [`assemble`] with the units' texts ([`Units::texts`]) at hand (or none):
/// the text of a unit whose pieces were not cut since is taken over rather
/// than joined again.
pub(crate) fn assemble_texts(src: &str, units: &Units, texts: Vec<UnitText<'_>>, out: &mut Segmented) {
    let mut cur = BlockBuilder::default();
    let mut last_piece: Option<Span> = None;
    // Only the texts joined from several pieces are worth taking over: the
    // others are slices of the source, read from it again. Keeping just
    // those frees the list of all texts before the blocks are built.
    let mut joined_texts = Vec::new();
    for (i, t) in texts.into_iter().enumerate() {
        if let std::borrow::Cow::Owned(s) = t.text {
            joined_texts.push((i, s));
        }
    }
    let mut texts = joined_texts.into_iter().peekable();
    // The source spans that make up a unit's text: its pieces and the
    // junction spaces kept between them.
    let mut spans: Vec<Span> = Vec::new();
    // A block starts at each text unit not joined to the one before (and at
    // the first): room for that many, rather than doubling past it.
    let starts = units.units.iter().filter(|u| u.noise.is_none() && u.join == Join::None).count();
    out.blocks.reserve_exact(starts + 1);
    for (i, u) in units.units.iter().enumerate() {
        let text = texts.next_if(|&(k, _)| k == i).map(|(_, s)| s);
        if let Some(reason) = u.noise {
            out.noise.push(Noise::at(src, u.span, reason));
            continue;
        }
        if let Some(cut) = u.cut {
            out.noise.push(Noise::at(src, cut.span(), NoiseReason::PageNumber));
        }
        if u.join == Join::None || cur.is_empty() {
            finish(&mut cur, out);
            last_piece = None;
        }
        let pieces = units.unit_pieces(i);
        let wrap_join = u.join == Join::Wrap;
        // A unit's text holds its pieces as they stood when it was read:
        // it is still right when no page number was cut from them since,
        // and when nothing invisible needs to be left out.
        let joined = text.filter(|_| units.clean && u.cut.is_none());
        let mut prev = last_piece;
        if let (Some(joined), Some(&first)) = (joined, pieces.first()) {
            push_junction(&mut cur, src, prev, first, wrap_join);
            spans.clear();
            spans.push(first);
            let mut a = first;
            for &p in pieces.get(1..).unwrap_or_default() {
                if p.start > a.end {
                    spans.extend(junction(src, a, p));
                }
                spans.push(p);
                a = p;
            }
            if cur.push_text(std::borrow::Cow::Owned(joined), &spans) {
                last_piece = Some(a);
                continue;
            }
            // The junction before the first piece is in already.
            prev = None;
        }
        cur.reserve(u.span.len(), pieces.len());
        for (k, &p) in pieces.iter().enumerate() {
            // Within a unit and across wrap joins the pieces were split at
            // spaces; a page join meets with no space.
            push_junction(&mut cur, src, prev, p, wrap_join || k > 0);
            if units.clean {
                cur.push(src, p);
            } else {
                push_clean(&mut cur, src, p);
            }
            prev = Some(p);
        }
        last_piece = prev;
    }
    finish(&mut cur, out);
    drop_duplicates(src, out);
}

/// Pushes the space kept where piece `p` meets `prev`, the piece pushed
/// last, when the two were split at spaces (`split`).
fn push_junction(cur: &mut BlockBuilder, src: &str, prev: Option<Span>, p: Span, split: bool) {
    if let Some(a) = prev.filter(|a| split && p.start > a.end) {
        if let Some(j) = junction(src, a, p) {
            cur.push(src, j);
        }
    }
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
    // Compacted in place: the kept blocks move to the front, in order.
    let blocks = &mut out.blocks;
    let mut kept = 0;
    for r in 0..blocks.len() {
        let dup = kept > 0
            && blocks[kept - 1].text == blocks[r].text
            && blocks[r].text.chars().count() >= MIN_DUPLICATE_CHARS;
        if dup {
            dups.push(blocks[r].span);
        } else {
            blocks.swap(kept, r);
            kept += 1;
        }
    }
    blocks.truncate(kept);
    blocks.shrink_to_fit();
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
    out.noise.extend(dups.into_iter().map(|s| Noise::at(src, s, NoiseReason::Duplicate)));
    out.diagnostics.push(Diagnostic::new(
        DiagnosticKind::Duplicate,
        format!("dropped {count} paragraph(s) repeated verbatim"),
        None,
    ));
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

/// True for a line that is a date and little else (`2016年6月27日`,
/// `（2018-12-27）`): a complete text may end with the date it was given.
fn is_date_line(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| matches!(c, '（' | '）' | '(' | ')' | '【' | '】' | '[' | ']') || c.is_whitespace());
    let chars = t.chars().count();
    chars > 0
        && chars <= 20
        && t.chars()
            .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c) || "〇一二三四五六七八九十".contains(*c))
            .count()
            * 2
            >= chars
        && t.contains(['年', '-', '/', '.', '月'])
}

/// `text` without a bracketed trailer (`…你的心胸。（2016年6月27日）`,
/// `…发展。[完]`): what comes before it decides whether the text is cut.
fn without_trailer(text: &str) -> &str {
    let (open, close) = match text.chars().next_back() {
        Some('）') => ('（', '）'),
        Some(')') => ('(', ')'),
        Some('】') => ('【', '】'),
        Some(']') => ('[', ']'),
        _ => return text,
    };
    let Some(at) = text.rfind(open) else {
        return text;
    };
    let inner = text.get(at + open.len_utf8()..text.len() - close.len_utf8()).unwrap_or_default();
    if inner.chars().count() > 30 {
        return text;
    }
    text.get(..at).unwrap_or(text).trim_end()
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
    let Some(last) = out.blocks.iter().rev().find(|b| !is_trailing_meta(&b.text) && !is_date_line(&b.text)) else {
        return;
    };
    let text = without_trailer(&last.text);
    if text.is_empty() || ends_sentence(text) {
        return;
    }
    let chars = text.chars().count();
    let clause = text.contains(['，', ',', '、', '；', ';']) || super::lines::ends_clause(text);
    let notice = out.noise.iter().any(|n| super::noise::has_cut_notice(&n.text));
    let cut = chars >= 20 || (clause && chars >= 8) || (notice && chars >= 8);
    if !cut {
        return;
    }
    out.truncated = true;
    let end = last.span.end;
    let why = if notice { "the text ends mid-sentence, before a preview notice" } else { "the text ends mid-sentence" };
    out.diagnostics.push(Diagnostic::new(DiagnosticKind::Truncated, why, Some(Span::new(end, end))));
}

#[cfg(test)]
mod tests {
    use crate::segment::lines::Join;
    use crate::segment::{segment, Segmented};

    #[test]
    fn should_drop_invisible_characters_inside_a_line() {
        for src in ["一、总体\u{200B}要求\n要抓好\u{FEFF}落实。", "一、总体\u{2060}要求 二\n要抓\u{AD}好落实。"]
        {
            let seg = segment(src);
            assert!(seg.blocks.iter().all(|b| !b.text.chars().any(crate::normalize::is_invisible)), "{src:?}");
            assert!(seg.blocks[0].text.starts_with("一、总体要求"));
        }
    }

    /// The units of `src` as segmentation leaves them for assembly.
    fn prepared(src: &str) -> crate::segment::lines::Units {
        let mut diags = Vec::new();
        let mut units = crate::segment::wrap::split(src, &mut diags);
        let texts = units.texts(src);
        crate::segment::noise::classify_texts(&mut units, &texts);
        crate::segment::wrap::join_texts(src, &mut units, &texts, &mut diags);
        crate::segment::pagebreak::repair_texts(src, &mut units, &texts, &mut diags);
        units
    }

    /// A test of the shape of prepared units.
    type Shape = fn(&crate::segment::lines::Units) -> bool;

    #[test]
    fn should_assemble_the_same_blocks_from_the_texts_already_joined() {
        let piece = "这是一个用来测试的很长的段落它会被按照固定的宽度切开";
        let wrapped = format!("{piece} {piece} Windows 10 {piece}。 一、总体要求 {piece} {piece}。 ").repeat(4);
        let page = "这一页的文字很长".repeat(10);
        let paged = format!("标题\n1、{page}给\n\n2、了好处{page}要\n\n3、继续{page}。");
        let invisible = format!("{piece}\u{200B}{piece} {piece} {piece}。 ").repeat(4);
        let chunks: Vec<String> =
            piece.chars().cycle().take(100).collect::<Vec<_>>().chunks(20).map(|c| c.iter().collect()).collect();
        let newline = std::iter::repeat_n(chunks.join("\n"), 4).collect::<Vec<_>>().join("。\n");
        // Each case takes another path: wrapped units, page numbers cut,
        // invisible characters left out, newline wraps.
        let cases: [(&str, Shape); 5] = [
            (&wrapped, |u| u.units.iter().all(|u| u.wrapped)),
            (&paged, |u| u.units.iter().any(|u| u.cut.is_some() && u.join == Join::Page)),
            (&invisible, |u| !u.clean),
            (&newline, |u| u.units.iter().any(|u| u.join == Join::Wrap)),
            ("首页\n一、总体要求\n", |u| u.units.len() == 2),
        ];
        for (src, shape) in cases {
            let units = prepared(src);
            assert!(shape(&units), "{src:?}");
            let texts = units.texts(src);
            let (mut joined, mut fresh) = (Segmented::default(), Segmented::default());
            super::assemble_texts(src, &units, texts, &mut joined);
            super::assemble(src, &units, &mut fresh);
            assert_eq!(joined.blocks, fresh.blocks, "{src:?}");
            assert_eq!(joined.noise, fresh.noise, "{src:?}");
            assert!(!joined.blocks.is_empty());
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

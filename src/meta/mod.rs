//! Speech boundaries and metadata: which blocks make each speech, its title,
//! speaker, date, occasion, source, greeting and closing.
//!
//! The rules, with examples and the reason for each, are written up in
//! `grammar-notes/meta.md`. In short:
//!
//! - a table of contents (`目录` and its entries) is noise `toc`;
//! - the file splits into speeches at collection markers (`篇一`, `篇二`)
//!   and at a second title line that follows the end of a speech;
//! - each speech's header (the blocks before its first body block) gives
//!   the title, speaker, date and source; leftover site chrome there is noise;
//! - its trailer (footer lines after the body) gives a date and source when
//!   the header had none, and a repeated title is noise;
//! - the greeting opens the body, the closing ends it.

pub mod collection;
pub mod date;
mod facts;
pub mod front;
pub mod runon;
pub mod speaker;
mod text;
pub mod title;

use crate::model::{Metadata, Noise, NoiseReason};
use crate::normalize::{fold, is_space};
use crate::segment::Block;
use crate::span::Span;
use facts::Facts;
use text::{chars, has_chrome, has_stop, is_han, key, longer, span_of, stops_at_least, Sink};

/// One speech as planned from the blocks: its header values and its body.
///
/// ```
/// let plan = jianggao::meta::SpeechPlan::default();
/// assert!(plan.title.is_none() && plan.body.is_empty());
/// ```
#[derive(Clone, Debug, Default)]
pub struct SpeechPlan {
    /// The title, cleaned, with its source span.
    pub title: Option<(String, Span)>,
    /// Speaker, date, occasion, source.
    pub metadata: Metadata,
    /// The salutation (`同志们`), with its span.
    pub greeting: Option<(String, Span)>,
    /// The sign-off (`谢谢大家`), with its span.
    pub closing: Option<(String, Span)>,
    /// The body blocks, in order, with header and sign-off taken out.
    pub body: Vec<Block>,
}

/// Splits `blocks` into speeches and reads each one's header. Pieces that are
/// neither speech nor metadata (a table of contents, a repeated title, site
/// chrome around the title) are pushed to `noise`.
///
/// Every non-whitespace character of the blocks ends up in exactly one of:
/// a body block, a returned title/metadata/greeting/closing span, or a noise
/// entry.
///
/// ```
/// let src = "在全市工作会议上的讲话\n同志们：\n一、总体要求\n要抓好落实。\n谢谢大家！";
/// let seg = jianggao::segment::segment(src);
/// let mut noise = Vec::new();
/// let plans = jianggao::meta::plan(src, seg.blocks, &mut noise);
/// assert_eq!(plans.len(), 1);
/// let p = &plans[0];
/// assert_eq!(p.title.as_ref().unwrap().0, "在全市工作会议上的讲话");
/// assert_eq!(p.metadata.occasion.as_deref(), Some("全市工作会议"));
/// assert_eq!(p.greeting.as_ref().unwrap().0, "同志们");
/// assert_eq!(p.closing.as_ref().unwrap().0, "谢谢大家");
/// assert_eq!(p.body.len(), 2);
/// ```
pub fn plan(src: &str, blocks: Vec<Block>, noise: &mut Vec<Noise>) -> Vec<SpeechPlan> {
    let mut sink = Sink { src, noise };
    let front = front::read(src);
    let blocks = match &front {
        Some(fm) => drop_front(&mut sink, blocks, fm),
        None => blocks,
    };
    let blocks = drop_toc(&mut sink, blocks);
    let first_body = blocks.iter().position(strong_body).unwrap_or(blocks.len());

    // Where speeches start.
    let mut starts = vec![0];
    // A collection marker after some header lines: those lines are the
    // collection's own header.
    let header_pian = blocks.get(..first_body).and_then(|h| h.iter().position(is_pian_block)).filter(|&m| m > 0);
    let collection_header = header_pian.is_some();
    starts.extend(header_pian);
    // The header lines' facts: the first chunk's title search asks them
    // again.
    let mut header_facts = facts::unknown(first_body);
    let header_keys: std::collections::BTreeSet<&str> =
        blocks.iter().zip(header_facts.iter_mut()).filter_map(|(b, f)| f.shape(b).then(|| f.key(b))).collect();
    for i in first_body + 1..blocks.len() {
        let pian_here = blocks.get(i).is_some_and(is_pian_block);
        let start =
            if pian_here || untitled_second(&blocks, i) { Some(i) } else { second_title(&blocks, i, &header_keys) };
        // A page's chrome before its title opens the page: the chunk starts
        // there, past the last start and the first body block.
        if let Some(s) = start.filter(|&s| s > first_body && starts.last().is_none_or(|&l| s > l)) {
            starts.push(s);
        }
    }

    // Cut the blocks into chunks, one per start.
    let mut chunks: Vec<Vec<Block>> = Vec::with_capacity(starts.len());
    let mut rest = blocks;
    for &s in starts.iter().skip(1).rev() {
        let tail = rest.split_off(s.min(rest.len()));
        chunks.push(tail);
    }
    chunks.push(rest);
    chunks.reverse();

    let mut carry = Carry::default();
    let mut plans = Vec::with_capacity(chunks.len());
    for (ci, chunk) in chunks.into_iter().enumerate() {
        // The first chunk starts the file: its header lines are those whose
        // facts are known.
        let facts = if ci == 0 { std::mem::take(&mut header_facts) } else { Vec::new() };
        if ci == 0 && collection_header {
            carry = read_collection_header(&mut sink, chunk, facts);
            continue;
        }
        let first = plans.is_empty();
        // The first chunk's first body block is known already.
        let strong = (ci == 0).then_some(first_body);
        let (speech, lost_breaks) = read_speech(&mut sink, chunk, &mut carry, first, strong, facts);
        plans.push(speech);
        // A file that lost its line breaks may hold later titles run into
        // the text too.
        if lost_breaks {
            while let Some(next) = plans.last_mut().and_then(|p| split_runon(&mut sink, p)) {
                plans.push(next);
            }
        }
    }
    if plans.is_empty() {
        plans.push(SpeechPlan::default());
    }
    if let Some(first) = plans.first_mut() {
        read_dropped_leads(&mut sink, first);
    }
    if let Some(fm) = front {
        use_front(&mut sink, &mut plans, fm);
    }
    plans
}

/// Leads before the first speech's body that the segment stage took out
/// as noise (an editor's note `【导读】任正非认为…`, a quoted news lead, the
/// English lead of a bilingual page) still tell who speaks and when: a
/// name opening an editor's note before a verb of saying is the speaker,
/// and a day in a lead that tells of the speech being given
/// (`delivers a New Year speech on Dec 31, 2020`) is its date. Only the
/// fields still empty are filled, before the front matter's (a post's own
/// date is when it was published). The values leave the noise.
fn read_dropped_leads(sink: &mut Sink, plan: &mut SpeechPlan) {
    let Some(body_start) = plan.body.first().map(|b| b.span.start) else { return };
    let src = sink.src;
    let mut i = 0;
    while i < sink.noise.len() {
        let n = &sink.noise[i];
        let lead = matches!(n.reason, NoiseReason::EditorNote | NoiseReason::Translation)
            && n.span.end <= body_start
            && src.get(n.span.range()) == Some(n.text.as_str());
        if !lead {
            i += 1;
            continue;
        }
        let (span, text, reason) = (n.span, n.text.clone(), n.reason);
        let mut used: Vec<(usize, usize)> = Vec::new();
        let meta = &mut plan.metadata;
        if meta.speaker.is_none() && reason == NoiseReason::EditorNote {
            let t = text.trim_start();
            let lead = text.len() - t.len();
            let after = editor_label(&text).or_else(|| t.strip_prefix('>').map(|r| text.len() - r.len()));
            if let Some(s) = after.map(|a| a.max(lead)) {
                let rest = text.get(s..).unwrap_or_default();
                let s = s + (rest.len() - rest.trim_start_matches(is_space).len());
                if let Some(len) = text.get(s..).and_then(note_speaker) {
                    meta.speaker = text.get(s..s + len).map(str::to_string);
                    meta.speaker_span = Some(Span::new(span.start + s, span.start + s + len));
                    used.push((s, s + len));
                }
            }
        }
        if meta.date.is_none() && crate::vocab::DELIVERY_WORDS.iter().any(|w| text.contains(w)) {
            if let Some(d) = date::find_date(&text).filter(|d| !date::opens_range(&text, d)) {
                if used.iter().all(|&(a, b)| d.end <= a || b <= d.start) {
                    meta.date = Some(d.value.clone());
                    meta.date_span = Some(Span::new(span.start + d.start, span.start + d.end));
                    used.push((d.start, d.end));
                }
            }
        }
        if used.is_empty() {
            i += 1;
            continue;
        }
        used.sort_unstable();
        sink.noise.remove(i);
        let mut at = 0;
        let mut pieces = Vec::new();
        for &(a, e) in used.iter().chain(std::iter::once(&(text.len(), text.len()))) {
            if let Some(piece) = text.get(at..a) {
                let (ps, pe) = text::trim_range(&text, at, a);
                if !piece.trim().is_empty() && ps < pe {
                    pieces.push(Noise::at(src, Span::new(span.start + ps, span.start + pe), reason));
                }
            }
            at = at.max(e);
        }
        let added = pieces.len();
        for (k, p) in pieces.into_iter().enumerate() {
            sink.noise.insert(i + k, p);
        }
        i += added;
    }
}

/// Takes the blocks of the front matter `fm` out as noise `front_matter`,
/// all but its title and date values (see [`use_front`]). A block running
/// past the front matter's end is split there.
fn drop_front(sink: &mut Sink, blocks: Vec<Block>, fm: &front::FrontMatter) -> Vec<Block> {
    let end = fm.span.end;
    // Lines of it the segment stage took out already (a repeated `---`).
    for n in sink.noise.iter_mut().filter(|n| n.span.end <= end) {
        n.reason = NoiseReason::FrontMatter;
    }
    let values: Vec<Span> = fm.title.iter().chain(fm.date.iter()).map(|(_, s)| *s).collect();
    let mut out = Vec::with_capacity(blocks.len());
    for mut b in blocks {
        if b.span.start >= end {
            out.push(b);
            continue;
        }
        let mut tail = None;
        if b.span.end > end {
            let cut = b.text.char_indices().find(|&(i, _)| b.map.to_source(i) >= end).map(|(i, _)| i);
            match cut {
                Some(c) if c > 0 => tail = Some(b.split_off(c)),
                Some(_) => {
                    out.push(b);
                    continue;
                }
                None => {}
            }
        }
        // The cleaned ranges of the values kept out of the noise.
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for v in &values {
            let inside: Vec<usize> = b
                .text
                .char_indices()
                .filter(|&(i, _)| (v.start..v.end).contains(&b.map.to_source(i)))
                .map(|(i, _)| i)
                .collect();
            if let (Some(&s), Some(&l)) = (inside.first(), inside.last()) {
                let e = b.text.get(l..).and_then(|r| r.chars().next()).map_or(l, |c| l + c.len_utf8());
                kept.push((s, e));
            }
        }
        kept.sort_unstable();
        sink.rest(&b, &kept, NoiseReason::FrontMatter);
        out.extend(tail);
    }
    out
}

/// The front matter's title and date fill what the first speech lacks
/// (a text's own title line and date come first); a value not used is
/// noise `front_matter`.
fn use_front(sink: &mut Sink, plans: &mut [SpeechPlan], fm: front::FrontMatter) {
    let Some(first) = plans.first_mut() else { return };
    if let Some((t, span)) = fm.title {
        if first.title.is_none() {
            derive_from_title(&t, &mut first.metadata);
            first.title = Some((t, span));
        } else {
            sink.noise.push(Noise::at(sink.src, span, NoiseReason::FrontMatter));
        }
    }
    if let Some((d, span)) = fm.date {
        if first.metadata.date.is_none() {
            first.metadata.date = Some(d);
            first.metadata.date_span = Some(span);
        } else {
            sink.noise.push(Noise::at(sink.src, span, NoiseReason::FrontMatter));
        }
    }
}

/// What the header of a collection hands to its first speech.
#[derive(Default)]
struct Carry {
    /// The collection's title line (its visible text and span), used when
    /// the first speech has no title of its own.
    title: Option<(String, Span)>,
    /// Document-level metadata read before the first speech.
    meta: Metadata,
}

/// Removes a table of contents from the first blocks, as noise `toc`.
fn drop_toc(sink: &mut Sink, mut blocks: Vec<Block>) -> Vec<Block> {
    // Look only in the header: before the first long paragraph.
    let limit = blocks.iter().position(|b| longer(&b.text, 150) || stops_at_least(&b.text, 2)).unwrap_or(blocks.len());
    let head = blocks.get(..limit).unwrap_or_default();
    let Some(at) = head.iter().position(|b| b.text.trim().starts_with("目录") || collection::is_toc_head(&b.text))
    else {
        return blocks;
    };
    let end = collection::toc_end(&blocks, at).min(blocks.len());
    if end <= at {
        return blocks;
    }
    // Taken out in place: no second list of all blocks. Each entry gives
    // one noise entry or more: room for them at once.
    sink.noise.reserve(end - at);
    for b in blocks.drain(at..end) {
        sink.block(&b, NoiseReason::Toc);
    }
    // A long table of contents leaves much room behind.
    if blocks.len() < blocks.capacity() / 2 {
        blocks.shrink_to_fit();
    }
    blocks
}

fn visible_range(t: &str) -> std::ops::Range<usize> {
    let (s, e) = title::visible(t);
    s..e
}

/// A collection marker standing alone or before a title on its line.
fn is_pian_block(b: &Block) -> bool {
    let Some(len) = collection::pian(&b.text) else {
        return false;
    };
    let rest = b.text.get(len..).unwrap_or_default().trim();
    rest.is_empty() || title::title_shape(rest)
}

/// A block that surely belongs to the body: a greeting, an outline heading,
/// or a paragraph of several sentences.
fn strong_body(b: &Block) -> bool {
    let t = &b.text;
    if greeting(t).is_some() {
        return true;
    }
    if is_pian_block(b) {
        // A collection marker opens a speech; it is not body text yet.
        return false;
    }
    // The length first (it settles most paragraphs at once), the marker
    // parse last. The chrome search reads the whole block: done last, and
    // only when the block would otherwise count.
    (longer(t, 100) || stops_at_least(t, 2) || title::starts_with_marker(t))
        && !has_chrome(t)
        && !(t.len() <= 1024 && find_url(t).is_some() && meta_line(t).is_some())
}

/// True when `text` announces the speech text that follows it: short,
/// ending in a colon or a dash, naming the text (`全文` `实录` `讲话` …).
/// `以下是我的几点意见：` names no text: it is the speech itself.
fn announces_text(text: &str) -> bool {
    let t = text.trim_end();
    (t.ends_with(['：', ':']) || t.ends_with("——"))
        && chars(t) <= 80
        && crate::vocab::ANNOUNCE_WORDS.iter().any(|w| t.contains(w))
        && greeting(t).is_none()
}

/// A second title inside the text: a title-shaped line after a paragraph
/// that ends a speech, before the opening of a new one. Returns where the
/// new speech starts: at the title, or at the first line of the page's
/// chrome (`分享:` `打印` `【字号：` `】`) between the paragraph and a
/// title naming a genre (`…工作报告`), as when two saved web pages are
/// joined in one file.
fn second_title(blocks: &[Block], i: usize, header_keys: &std::collections::BTreeSet<&str>) -> Option<usize> {
    let prev = blocks.get(i.checked_sub(1)?)?;
    // Every test below is pure and all must pass: the cheapest and most
    // selective run first (the paragraph before, then the line's shape).
    let mut p = prev.text.trim();
    let past_chrome = !crate::segment::lines::ends_sentence(p);
    if past_chrome && !chrome_line(p) {
        return None;
    }
    let t = blocks.get(i)?.text.trim();
    if !title::title_shape(t) {
        return None;
    }
    let genre = text::has_genre(t);
    if past_chrome && !genre {
        return None;
    }
    let mut start = i;
    if past_chrome {
        // Walk back over the chrome to the paragraph that ends a sentence.
        loop {
            start -= 1;
            let before = blocks.get(start.checked_sub(1)?)?.text.trim();
            if crate::segment::lines::ends_sentence(before) {
                p = before;
                break;
            }
            if i - start >= PAGE_CHROME_LINES || !chrome_line(before) {
                return None;
            }
        }
    }
    let ends_speech = || closing(p).is_some() || crate::build::opens_conclusion(p) || p.contains("让我们");
    if !(genre || ends_speech()) {
        return None;
    }
    // A cheer (`中華民國萬歲！`) ends a speech; it heads none.
    if greeting(t).is_some() || meta_line(t).is_some() || name_line(t).is_some() || closing(t).is_some() {
        return None;
    }
    let title_key = key(&t[visible_range(t)]);
    if header_keys.contains(title_key.as_str()) {
        return None;
    }
    // A new opening follows within three lines: a greeting or a paragraph,
    // perhaps after a subtitle, a name or a date line; after up to three
    // more when every line before it is such a short header line (a
    // subtitle, a name and a date-and-time line all head one page); after
    // up to ten more still under a title naming a genre when those short
    // lines hold a page's marks: a date or source line, or the title again
    // (a page's breadcrumbs, share links and repeated title). Past chrome,
    // the opening must be a greeting or follow a page's marks.
    let mut header_only = true;
    let mut page_marks = false;
    for (k, b) in blocks.iter().skip(i + 1).take(PAGE_HEADER_LINES).enumerate() {
        let bt = b.text.trim();
        // Only a genre title reads the marks; a line read once is enough.
        if genre && !page_marks {
            page_marks = meta_line(bt).is_some() || key(&bt[visible_range(bt)]) == title_key;
        }
        if (k >= 3 && !header_only) || (k >= 6 && !page_marks) {
            return None;
        }
        let greets = greeting(bt).is_some();
        if greets || (has_stop(bt) && meta_line(bt).is_none()) {
            // Past chrome, a page's title heads a greeting or a page's
            // header; a paragraph right under it is the speech going on.
            return (!past_chrome || page_marks || greets).then_some(start);
        }
        header_only &= chars(bt) <= HEADER_LINE_CHARS && !has_stop(bt);
    }
    None
}

/// A short line of a page's chrome between two pages: no sentence, no
/// more than eight chars (`分享:` `打印` `】`).
fn chrome_line(t: &str) -> bool {
    !t.is_empty() && !longer(t, 8) && !has_stop(t) && greeting(t).is_none()
}

/// The most chrome lines [`second_title`] walks back over.
const PAGE_CHROME_LINES: usize = 12;

/// The most lines [`second_title`] reads after a title for its opening.
const PAGE_HEADER_LINES: usize = 16;

/// The longest line that [`second_title`] reads as a header line between
/// a title and the opening of its speech.
const HEADER_LINE_CHARS: usize = 60;

/// An untitled second text after a closing: the paragraph before `blocks[i]`
/// ends a speech (`谢谢大家！`) and `blocks[i]` opens a new one with a
/// greeting (`同志们：`), perhaps after up to two date or name lines
/// (`2024年3月5日`, `张三`) that head it. A closing followed only by a
/// date, a signature or `附件` lines opens nothing.
fn untitled_second(blocks: &[Block], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| blocks.get(p)) else {
        return false;
    };
    if closing(&prev.text).is_none() {
        return false;
    }
    for b in blocks.iter().skip(i).take(3) {
        let t = b.text.trim();
        if greeting(t).is_some() {
            return true;
        }
        let dated = meta_line(t).is_some_and(|m| m.date.is_some() && m.url.is_none());
        if !(dated || name_line(t).is_some()) {
            return false;
        }
    }
    false
}

/// The greeting at the start of `text`: `同志们：`, `各位领导、同志们：`.
/// Returns the end of the greeting words and the end past its colon.
fn greeting(text: &str) -> Option<(usize, usize)> {
    let lead = text.len() - text.trim_start_matches(is_space).len();
    let t = text.get(lead..)?;
    let Some((colon, clen)) = first_folded(t, b':', 30) else {
        return hello_greeting(t).map(|(a, b)| (lead + a, lead + b));
    };
    let head = t.get(..colon)?.trim_end_matches(is_space);
    if head.is_empty() || has_stop(head) {
        return None;
    }
    let ok = head.split(['、', '，', ',', ' ', '　']).filter(|s| !s.is_empty()).all(|w| {
        let n = chars(w);
        (w.ends_with('们') && n <= 8)
            || ((w.starts_with("各位") || w.starts_with("尊敬的") || w.starts_with("亲爱的")) && n <= 14)
            || w == "大家"
    });
    ok.then_some((lead + head.len(), lead + colon + clen))
}

/// A greeting that ends in a hello and an exclamation mark, with no colon:
/// `大家好！`, `各位來賓、各位朋友，大家早安，大家好！`. Each part is an
/// address (`各位…`, `…们`, `…的朋友`) and the last one a hello. Returns
/// the end of the words and the end past the `！`.
fn hello_greeting(t: &str) -> Option<(usize, usize)> {
    let (bang, len) = first_folded(t, b'!', 80)?;
    let head = t.get(..bang)?.trim_end_matches(is_space);
    let parts: Vec<&str> = head.split(['、', '，', ',']).map(|w| w.trim_matches(is_space)).collect();
    let hello = |w: &str| {
        (w.starts_with("大家") || w.starts_with("各位") || w.ends_with('们'))
            && ["好", "早安", "午安", "晚安"].iter().any(|h| w.ends_with(h))
            && chars(w) <= 8
    };
    let address = |w: &str| {
        let n = chars(w);
        n > 0
            && ((w.ends_with('们') && n <= 8)
                || ((w.starts_with("各位")
                    || w.starts_with("尊敬的")
                    || w.starts_with("亲爱的")
                    || w.starts_with("親愛的"))
                    && n <= 20)
                || (w.ends_with("朋友") && n <= 16))
    };
    let (last, rest) = parts.split_last()?;
    (hello(last) && rest.iter().all(|w| address(w) || hello(w))).then_some((head.len(), bang + len))
}

/// The first `ascii` char or its full-width form (`:` `：`, `!` `！`: the
/// chars that [`fold`] reads as `ascii`) among the first `within` chars of
/// `t`: its offset and length.
fn first_folded(t: &str, ascii: u8, within: usize) -> Option<(usize, usize)> {
    // Found by its bytes: a char takes at most 4, so the chars lie in the
    // first `4 * within` bytes, and the full-width form is the only char of
    // its three bytes (EF BC 9A for `：`). Only then are the chars before it
    // counted: most blocks have none, and their chars are never decoded.
    let mut buf = [0; 4];
    let wide = char::from_u32(u32::from(ascii) + 0xFEE0)?.encode_utf8(&mut buf).as_bytes();
    let bytes = t.as_bytes();
    let window = bytes.get(..bytes.len().min(4 * within)).unwrap_or_default();
    let lead = *wide.first()?;
    let (at, len) = memchr::memchr2_iter(ascii, lead, window).find_map(|i| match bytes.get(i..) {
        Some([b, ..]) if *b == ascii => Some((i, 1)),
        Some(rest) if rest.starts_with(wide) => Some((i, wide.len())),
        _ => None,
    })?;
    t.get(..at)?.chars().nth(within.checked_sub(1)?).is_none().then_some((at, len))
}

/// Sign-offs, without their final punctuation.
const CLOSINGS: &[&str] = &[
    "谢谢",
    "谢谢大家",
    "谢谢各位",
    "谢谢你们",
    "谢谢同志们",
    "谢谢聆听",
    "谢谢大家的聆听",
    "谢谢大家的倾听",
    "感谢聆听",
    "感谢大家",
    "感谢大家的聆听",
    "謝謝",
    "謝謝大家",
    "謝謝各位",
    "感謝大家",
];

/// The last chars of [`CLOSINGS`] and of a cheer ([`is_cheer`]): a block
/// ending otherwise has no sign-off.
const CLOSING_ENDS: &[char] = &['谢', '謝', '家', '位', '们', '听', '岁', '歲'];

/// A cheer ending a speech (`中华人民共和国万岁`, `中華民國萬歲`): short,
/// all ideographs, ending in 万岁.
fn is_cheer(words: &str) -> bool {
    let n = chars(words);
    (3..=14).contains(&n) && (words.ends_with("万岁") || words.ends_with("萬歲")) && words.chars().all(is_han)
}

/// The sign-off ending `text` (`谢谢大家！`, or `…。谢谢大家！`): the start
/// of its words, their end, and the end past the final punctuation.
fn closing(text: &str) -> Option<(usize, usize, usize)> {
    // A bilingual line (`谢谢大家！<br/>Thank you!`): the sign-off is the
    // part before the line-break tag.
    // Every block is asked, and `<` is rare: a vector search for it, with
    // nothing to set up per call, then a look at what follows.
    let bytes = text.as_bytes();
    let br = memchr::memchr_iter(b'<', bytes).find(|&i| bytes.get(i..).is_some_and(|r| r.starts_with(b"<br")));
    let text = br.and_then(|at| text.get(..at)).unwrap_or(text);
    let t = text.trim_end_matches(is_space);
    let core = t.trim_end_matches(|c: char| matches!(fold(c), '!' | '。' | '.' | '~' | '～') || is_space(c));
    // The words end where `core` ends: most blocks are settled by its last
    // char, before the walk back to the clause start.
    if !core.chars().next_back().is_some_and(|c| CLOSING_ENDS.contains(&c)) {
        return None;
    }
    let start = core
        .char_indices()
        .rev()
        .find(|&(_, c)| text::is_stop(c) || matches!(fold(c), ',' | '，'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let words = core.get(start..)?;
    let lead = words.len() - words.trim_start_matches(is_space).len();
    let w = words.trim();
    (CLOSINGS.contains(&w) || is_cheer(w)).then_some((start + lead, core.len(), t.len()))
}

/// Values read from one header or footer line.
#[derive(Default, Debug)]
struct MetaLine {
    date: Option<date::DateMatch>,
    url: Option<(usize, usize)>,
    speaker: Option<(usize, usize)>,
}

/// Reads a header/footer metadata line: a date, a URL, a labelled speaker,
/// or a `label: value` line of a site. `None` for any other line (a
/// sentence of the speech that mentions a date is not a metadata line).
fn meta_line(text: &str) -> Option<MetaLine> {
    let t = text.trim();
    // A long URL does not make a line long: it is counted apart.
    let url = find_url(text);
    let url_chars = url.and_then(|(s, e)| text.get(s..e)).map_or(0, chars);
    if t.len() > 4 * 120 + url_chars && chars(t) > 120 + url_chars {
        return None;
    }
    // A period (`2021年10月11日—17日`) is no day of delivery.
    let day = date::find_date(text).filter(|d| !date::opens_range(text, d));
    let m = MetaLine { date: day, url, speaker: speaker::labelled(text) };
    let label = label_line(t);
    if m.date.is_none() && m.url.is_none() && m.speaker.is_none() && !label {
        return None;
    }
    // What is left once the values are taken out must be short: labels and
    // a few words such as `本文…发表“发言稿”栏目`.
    let mut used: Vec<(usize, usize)> = Vec::new();
    used.extend(m.date.as_ref().map(|d| (d.start, d.end)));
    used.extend(m.url);
    used.extend(m.speaker);
    let han = text.char_indices().filter(|&(i, c)| is_han(c) && !used.iter().any(|&(s, e)| s <= i && i < e)).count();
    let limit = if label { 40 } else { 24 };
    (han <= limit).then_some(m)
}

/// `label: value` where the label is a known site label or chrome, and the
/// value is short and holds no sentence.
fn label_line(t: &str) -> bool {
    let Some((i, c)) = t.char_indices().take(10).find(|&(_, c)| matches!(c, '：' | ':')) else {
        return false;
    };
    let label = t.get(..i).unwrap_or_default().trim();
    let value = t.get(i + c.len_utf8()..).unwrap_or_default();
    (crate::vocab::SITE_LABELS.contains(&label) || has_chrome(label)) && chars(value) <= 40 && !has_stop(value)
}

/// The first URL in `text`: `https://…`, `http://…` or `www.…`.
fn find_url(text: &str) -> Option<(usize, usize)> {
    // Every prefix opens with `h` or `w`: the first of those bytes that
    // opens one.
    let start = memchr::memchr2_iter(b'h', b'w', text.as_bytes())
        .find(|&i| text.get(i..).is_some_and(|r| ["https://", "http://", "www."].iter().any(|p| r.starts_with(p))))?;
    let rest = text.get(start..)?;
    let len: usize = rest
        .chars()
        .take_while(|&c| {
            c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '(' | ')' | '[' | ']' | '{' | '}' | ',')
        })
        .map(char::len_utf8)
        .sum();
    let url = rest.get(..len)?.trim_end_matches(['.', ';', ':', '!', '?']);
    (url.len() > 4).then_some((start, start + url.len()))
}

/// A name line under the title: the name (spaces removed) and its range.
fn name_line(text: &str) -> Option<(String, usize, usize)> {
    // A name (at most 12 chars), a role of at most 16 chars and a name, or
    // a byline of a name and `同志` in brackets or after dashes: never more
    // than 40 chars besides spaces.
    let (mut n, mut spaced) = (0, false);
    for c in text.chars() {
        if is_space(c) {
            spaced = true;
        } else {
            n += 1;
            if n > 40 {
                return None;
            }
        }
    }
    // Spaces are squeezed out only when there are some.
    let squeezed: std::borrow::Cow<str> =
        if spaced { text.chars().filter(|&c| !is_space(c)).collect::<String>().into() } else { text.into() };
    if speaker::is_name(&squeezed) {
        let (a, e) = text::trim_range(text, 0, text.len());
        return Some((squeezed.into_owned(), a, e));
    }
    if let Some(found) = role_and_name(text) {
        return Some(found);
    }
    // Only a line that is all byline: `（张三同志）`, `——李四`: its
    // ideographs are a name of at most 12 and `同志`.
    if text.chars().filter(|&c| is_han(c)).nth(14).is_some() {
        return None;
    }
    let (a, e) = speaker::byline(text)?;
    let rest: String = text.chars().filter(|&c| is_han(c)).collect();
    let name = text.get(a..e)?.to_string();
    let extra = rest.replace(&name, "");
    (extra.is_empty() || extra == "同志").then_some((name, a, e))
}

/// A byline of a role and a name apart by spaces: `区委书记  张伟`,
/// `市长 李明`, `縣長 ***` (a masked name). The name is the value; the
/// role stays in the line's noise.
fn role_and_name(text: &str) -> Option<(String, usize, usize)> {
    let t = text.trim_end();
    let split = t.rfind(is_space)?;
    let (role, name) = (t[..split].trim_end(), &t[split..]);
    let name_start = split + (name.len() - name.trim_start().len());
    let name = name.trim_start();
    // A name masked on a page (`縣長 ***`) is a name too.
    let masked = (2..=4).contains(&name.chars().count()) && name.chars().all(|c| matches!(c, '*' | '＊' | '×' | '○'));
    let role_ok = speaker::ROLE_ENDS.iter().any(|r| role.ends_with(r)) || role.ends_with(['長', '記']);
    if role.chars().count() > 16 || !role_ok || !(masked || speaker::is_name(name)) {
        return None;
    }
    Some((name.to_string(), name_start, name_start + name.len()))
}

/// Reads a header of a collection (the blocks before `篇一`): its title,
/// for the first speech when that has none of its own, and its metadata.
///
/// `facts` holds what is known of the chunk's blocks, by index.
fn read_collection_header(sink: &mut Sink, chunk: Vec<Block>, mut facts: Vec<Facts>) -> Carry {
    let mut carry = Carry::default();
    facts.resize_with(chunk.len(), Facts::default);
    let best = best_title(&chunk, &mut facts, 0, chunk.len());
    let tkey = best.and_then(|i| chunk.get(i)).map(|b| key(&b.text[visible_range(&b.text)]));
    for ((i, b), f) in chunk.iter().enumerate().zip(facts.iter_mut()) {
        if Some(i) == best {
            let (vs, ve) = title::visible(&b.text);
            carry.title = Some((b.text[vs..ve].to_string(), span_of(b, vs, ve)));
            sink.rest(b, &[(vs, ve)], NoiseReason::TitleWrapper);
        } else if !take_meta(sink, b, f.take_meta(b), &mut carry.meta) {
            let reason = if tkey.as_ref().is_some_and(|k| is_repeat(&b.text, k)) {
                NoiseReason::RepeatedTitle
            } else {
                NoiseReason::Header
            };
            sink.block(b, reason);
        }
    }
    carry
}

/// True when `text` repeats the title with key `k` (possibly wrapped, or
/// with a short suffix such as `_第1页`).
fn is_repeat(text: &str, k: &str) -> bool {
    // A paragraph far longer than the title cannot repeat it: skip the key.
    if k.is_empty() || text.len() > 2 * (k.len() + 48) + 64 {
        return false;
    }
    let bk = key(text);
    bk == k || text::key_eq(&text[visible_range(text)], k) || (bk.contains(k) && chars(&bk) <= chars(k) + 12)
}

/// Takes the metadata values `found` in one header/footer line `b` (what
/// [`meta_line`] reads in its text) into `meta` (only the fields still
/// empty: the first value read wins); the rest of the line is noise
/// `metadata_line`. Returns false when `b` is not a metadata line.
fn take_meta(sink: &mut Sink, b: &Block, found: Option<MetaLine>, meta: &mut Metadata) -> bool {
    let Some(m) = found else {
        return false;
    };
    // Values never overlap (a URL may hold a date): the first taken wins.
    let mut used: Vec<(usize, usize)> = Vec::new();
    let free = |used: &[(usize, usize)], s: usize, e: usize| used.iter().all(|&(a, b)| e <= a || b <= s);
    if let Some((s, e)) = m.url {
        if meta.source.is_none() {
            meta.source = b.text.get(s..e).map(str::to_string);
            meta.source_span = Some(span_of(b, s, e));
            used.push((s, e));
        }
    }
    if let Some(d) = m.date {
        if meta.date.is_none() && free(&used, d.start, d.end) {
            meta.date = Some(d.value);
            meta.date_span = Some(span_of(b, d.start, d.end));
            used.push((d.start, d.end));
        }
    }
    if let Some((s, e)) = m.speaker {
        if meta.speaker.is_none() && free(&used, s, e) {
            meta.speaker = b.text.get(s..e).map(str::to_string);
            meta.speaker_span = Some(span_of(b, s, e));
            used.push((s, e));
        }
    }
    used.sort_unstable();
    sink.rest(b, &used, NoiseReason::MetadataLine);
    true
}

/// Index of the best title candidate among `chunk[from..to]`, asking
/// `facts` (by index) about each.
fn best_title(chunk: &[Block], facts: &mut [Facts], from: usize, to: usize) -> Option<usize> {
    // A title repeated on another short line (not chrome) is likelier the
    // title.
    let repeated = |i: usize, k: &str| {
        !k.is_empty()
            && chunk.iter().enumerate().any(|(j, b)| {
                j != i
                    && b.text.len() <= 4 * title::MAX_TITLE
                    && (text::key_eq(&b.text, k) || text::key_eq(&b.text[visible_range(&b.text)], k))
                    && !has_chrome(&b.text)
            })
    };
    let mut best: Option<(i32, usize)> = None;
    let mut seen = 0;
    for i in from..to.min(chunk.len()) {
        let (Some(b), Some(f)) = (chunk.get(i), facts.get_mut(i)) else { break };
        let t = b.text.trim();
        let subtitle = t.starts_with(['—', '─']) || t.starts_with("--");
        if subtitle || !f.shape(b) || f.is_meta(b) || f.is_name(b) || is_pian_block(b) {
            continue;
        }
        seen += 1;
        if seen > 12 {
            break;
        }
        let r = visible_range(&b.text);
        let vis = &b.text[r.clone()];
        let k = f.key(b);
        let mut score = 0;
        if repeated(i, k) {
            score += 4;
        }
        if text::has_genre(vis) {
            score += 3;
        }
        if r.len() < t.len() && b.text.trim_end().ends_with('》') {
            score += 2;
        }
        if chars(vis) >= 6 {
            score += 1;
        }
        if vis.contains(['，', ',']) {
            score -= 2;
        }
        if vis.trim().contains([' ', '　']) {
            score -= 1;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Splits off a second speech whose title runs into the body of `plan`
/// ([`runon::find`]): the title and everything after it become a speech of
/// their own, which takes the closing along.
fn split_runon(sink: &mut Sink, plan: &mut SpeechPlan) -> Option<SpeechPlan> {
    let mut before = 0;
    let mut found = None;
    for (k, b) in plan.body.iter().enumerate() {
        let next = plan.body.get(k + 1).map(|n| n.text.as_str());
        match runon::search(&b.text, before, next) {
            runon::Scan::Title(s, e) => {
                found = Some((k, (s, e)));
                break;
            }
            runon::Scan::Heading => return None,
            // Only whether the earlier piece is long enough is asked:
            // once it is, its chars are no longer counted.
            runon::Scan::Nothing if before < runon::MIN_BEFORE => before += chars(&b.text),
            runon::Scan::Nothing => {}
        }
    }
    let (k, (s, e)) = found?;
    let mut chunk = Vec::with_capacity(plan.body.len() - k + 1);
    let mut later = plan.body.split_off(k + 1);
    let b = plan.body.get_mut(k)?;
    let mut title = b.split_off(s);
    let rest = title.split_off(e - s);
    chunk.push(title);
    chunk.push(rest);
    chunk.append(&mut later);
    let (mut speech, _) = read_speech(sink, chunk, &mut Carry::default(), false, None, Vec::new());
    if speech.closing.is_none() {
        speech.closing = plan.closing.take();
    }
    Some(speech)
}

/// Reads one speech from its blocks. The flag is true when its title was
/// found run into its first paragraph: the file lost its line breaks.
///
/// `strong` is the index of the chunk's first [`strong_body`] block when the
/// caller knows it already; `facts` holds what is known of the chunk's
/// blocks, by index (perhaps none).
fn read_speech(
    sink: &mut Sink,
    mut chunk: Vec<Block>,
    carry: &mut Carry,
    first: bool,
    mut strong: Option<usize>,
    mut facts: Vec<Facts>,
) -> (SpeechPlan, bool) {
    let mut plan = SpeechPlan::default();
    if first {
        plan.metadata = std::mem::take(&mut carry.meta);
    }
    // A leading collection marker: noise, and what follows it on its line
    // is a block of its own.
    let mut from = 0;
    if let Some(b) = chunk.first_mut() {
        if let Some(len) = collection::pian(&b.text).filter(|_| is_pian_block(b)) {
            let tail = b.split_off(len);
            sink.block(b, NoiseReason::CollectionMarker);
            strong = None;
            // The first block is no longer what its facts were read from.
            if let Some(f) = facts.first_mut() {
                *f = Facts::default();
            }
            if tail.text.trim().is_empty() {
                from = 1;
            } else if let Some(slot) = chunk.first_mut() {
                *slot = tail;
            }
        }
    }
    let strong = strong
        .unwrap_or_else(|| chunk.iter().skip(from).position(strong_body).map_or(chunk.len(), |p| p + from))
        .min(chunk.len());
    // A line announcing the text (`全文如下：`) soon after the header
    // ends the header: what stands before it is a lead, not the speech.
    let announce = chunk
        .iter()
        .enumerate()
        .skip(from)
        .take(strong.saturating_sub(from) + 4)
        .take_while(|(_, b)| {
            // All pure: the cheapest first, the marker parse last.
            greeting(&b.text).is_none() && !longer(&b.text, 300) && !title::starts_with_marker(&b.text)
        })
        .find(|(_, b)| announces_text(&b.text))
        .map(|(i, _)| i);
    let (strong, strong_is_greeting) = match announce {
        Some(a) if a + 1 < chunk.len() => (a + 1, true),
        _ => (strong, chunk.get(strong).is_some_and(|b| greeting(&b.text).is_some())),
    };
    // Facts of every header line.
    facts.resize_with(strong, Facts::default);
    let best = best_title(&chunk, &mut facts, from, strong);
    let mut title_key = String::new();
    // The blocks are read from the front of the chunk's own list: what is
    // left of it when the header ends is the body, in the same buffer.
    let mut blocks = chunk.into_iter();
    let mut facts = facts.into_iter();
    // Header.
    let mut pending: Vec<(usize, Block, Facts)> = Vec::new();
    // `i` is the index of the block at the front.
    let mut i = 0;
    while i < strong {
        let Some(b) = blocks.as_slice().first() else { break };
        // The facts of block `i` (there is one for each header line).
        let mut f = facts.next().unwrap_or_default();
        if i < from {
            blocks.next();
            i += 1;
            continue;
        }
        match best {
            Some(t) if i < t => {
                pending.extend(blocks.next().map(|b| (i, b, f)));
                i += 1;
            }
            Some(t) if i == t => {
                let next = blocks.as_slice().get(1).filter(|_| i + 1 < strong);
                if take_title(sink, b, &mut plan, next) {
                    blocks.next();
                    facts.next();
                    i += 1;
                }
                blocks.next();
                i += 1;
                title_key = plan.title.as_ref().map(|(s, _)| key(s)).unwrap_or_default();
                for (_, p, mut pf) in pending.drain(..) {
                    if take_occasion_line(sink, &p, &mut plan.metadata) {
                        continue;
                    }
                    if !take_meta(sink, &p, pf.take_meta(&p), &mut plan.metadata) {
                        let r = if is_repeat(&p.text, &title_key) {
                            NoiseReason::RepeatedTitle
                        } else {
                            NoiseReason::Header
                        };
                        sink.block(&p, r);
                    }
                }
            }
            _ => {
                if !header_line(sink, b, &mut f, &mut plan, &title_key, strong_is_greeting) {
                    // The body starts here.
                    break;
                }
                blocks.next();
                i += 1;
            }
        }
    }
    if plan.title.is_none() && first {
        if let Some(t) = carry.title.take() {
            plan.title = Some(t);
        }
    } else if let Some((_, span)) = carry.title.take() {
        sink.noise.push(Noise::at(sink.src, span, NoiseReason::CollectionTitle));
    }
    // The header facts are done with: free them before the body grows.
    drop(facts);
    // Collected from the list's own iterator, the body keeps its buffer.
    plan.body = blocks.collect();
    if plan.title.is_some() && title_key.is_empty() {
        title_key = plan.title.as_ref().map(|(s, _)| key(s)).unwrap_or_default();
    }
    if let Some((t, _)) = &plan.title {
        derive_from_title(t, &mut plan.metadata);
    }
    let lost_breaks = strip_runin_title(sink, &mut plan.body, &title_key);
    take_editor_note(sink, &mut plan);
    take_greeting(&mut plan);
    take_trailer(sink, &mut plan, &title_key);
    (plan, lost_breaks)
}

/// One header line after the title: metadata, a name, a repeated title,
/// chrome. Returns false when the line is not a header line (the body
/// starts there). With `before_greeting`, any line before the greeting is
/// a header line. `f` holds the facts of `b`.
fn header_line(
    sink: &mut Sink,
    b: &Block,
    f: &mut Facts,
    plan: &mut SpeechPlan,
    title_key: &str,
    before_greeting: bool,
) -> bool {
    let t = b.text.trim();
    if is_pian_block(b) {
        sink.block(b, NoiseReason::CollectionMarker);
        return true;
    }
    if take_occasion_line(sink, b, &mut plan.metadata) {
        return true;
    }
    if take_meta(sink, b, f.take_meta(b), &mut plan.metadata) {
        return true;
    }
    if let Some((name, s, e)) = f.take_name(b) {
        // An honorific read before (`王总`) gives way to the full name.
        let honorific = plan.metadata.speaker.as_deref().is_some_and(|h| speaker::honorific_of(h, &name));
        if honorific {
            if let Some(old) = plan.metadata.speaker_span.take() {
                sink.noise.push(Noise::at(sink.src, old, NoiseReason::MetadataLine));
            }
            plan.metadata.speaker = None;
        }
        if plan.metadata.speaker.is_none() {
            plan.metadata.speaker = Some(name);
            plan.metadata.speaker_span = Some(span_of(b, s, e));
            sink.rest(b, &[(s, e)], NoiseReason::MetadataLine);
            return true;
        }
    }
    if is_repeat(t, title_key) {
        sink.block(b, NoiseReason::RepeatedTitle);
        return true;
    }
    // Header lines come before the first strong body block, so any line is
    // one when the body opens with a greeting.
    if has_chrome(t) || before_greeting {
        sink.block(b, NoiseReason::Header);
        return true;
    }
    false
}

/// Takes the title from block `b`, with a byline run into it or a subtitle
/// on the next block `next`. Returns true when `next` was consumed.
fn take_title(sink: &mut Sink, b: &Block, plan: &mut SpeechPlan, next: Option<&Block>) -> bool {
    let (vs, ve) = title::visible(&b.text);
    let vis = &b.text[vs..ve];
    // A double title on one line: 主标题——副标题 (the first `—` followed by
    // another: a char search, no substring searcher to set up).
    let dashes = vis
        .match_indices('—')
        .map(|(d, _)| d)
        .find(|&d| vis.get(d + '—'.len_utf8()..).is_some_and(|r| r.starts_with('—')));
    if let Some(d) = dashes.filter(|&d| !vis[..d].trim().is_empty()) {
        let after = vs + d;
        if let Some(by) = vis.get(d..).and_then(title::byline) {
            let main_end = text::trim_range(&b.text, vs, after).1;
            plan.title = Some((b.text[vs..main_end].to_string(), span_of(b, vs, main_end)));
            let mut used = vec![(vs, main_end)];
            used.extend(take_byline(b, after, &by, &mut plan.metadata));
            used.sort_unstable();
            sink.rest(b, &used, NoiseReason::Subtitle);
            return false;
        }
    }
    let mut title = vis.to_string();
    let mut span = span_of(b, vs, ve);
    sink.rest(b, &[(vs, ve)], NoiseReason::TitleWrapper);
    let mut consumed = false;
    // A subtitle of date and occasion is read as a header line.
    if let Some(n) = next.filter(|n| title::occasion_line(&n.text).is_none()) {
        let nt = n.text.trim();
        let dashed = nt.starts_with(['—', '―']) || nt.starts_with("--");
        if dashed || nt.starts_with(['(', '（']) && nt.ends_with([')', '）']) {
            if let Some(by) = title::byline(&n.text) {
                let mut used = take_byline(n, 0, &by, &mut plan.metadata);
                used.sort_unstable();
                sink.rest(n, &used, NoiseReason::Subtitle);
                consumed = true;
            } else if let Some((name, s, e)) = dashed.then(|| name_line(&n.text)).flatten() {
                // `——县委书记 张明`: a byline alone.
                if plan.metadata.speaker.is_none() {
                    plan.metadata.speaker = Some(name);
                    plan.metadata.speaker_span = Some(span_of(n, s, e));
                    sink.rest(n, &[(s, e)], NoiseReason::Subtitle);
                } else {
                    sink.block(n, NoiseReason::Subtitle);
                }
                consumed = true;
            } else if dashed && title::title_shape(nt.trim_start_matches(['—', '-'])) {
                let between = sink.src.get(b.span.end..n.span.start).unwrap_or("x");
                let unwrapped = (vs, ve) == text::trim_range(&b.text, 0, b.text.len());
                if unwrapped && between.trim().is_empty() {
                    title.push_str(nt);
                    span = span.cover(n.text_span());
                } else {
                    // A wrapped title: one span cannot hold both lines
                    // without its wrapper, so the subtitle is reported.
                    sink.block(n, NoiseReason::Subtitle);
                }
                consumed = true;
            }
        }
    }
    plan.title = Some((title, span));
    consumed
}

/// Reads a subtitle line of date and occasion ([`title::occasion_line`])
/// from `b` into `meta`: its date is the delivery date, and replaces a
/// date read from a publication stamp. Returns false for any other line.
fn take_occasion_line(sink: &mut Sink, b: &Block, meta: &mut Metadata) -> bool {
    let Some(o) = title::occasion_line(&b.text) else {
        return false;
    };
    // A second copy of the line (a page printing the header twice) is noise.
    if meta.occasion_span.is_some() {
        sink.block(b, NoiseReason::Subtitle);
        return true;
    }
    let mut used = vec![(o.date.start, o.date.end), o.occasion];
    // A date read before (a publication stamp) gives way: it is noise.
    if let Some(old) = meta.date_span.take() {
        sink.noise.push(Noise::at(sink.src, old, NoiseReason::PublicationDate));
    }
    meta.date = Some(o.date.value.clone());
    meta.date_span = Some(span_of(b, o.date.start, o.date.end));
    meta.occasion = b.text.get(o.occasion.0..o.occasion.1).map(str::to_string);
    meta.occasion_span = Some(span_of(b, o.occasion.0, o.occasion.1));
    if let Some((s, e)) = o.speaker.filter(|_| meta.speaker.is_none()) {
        meta.speaker = b.text.get(s..e).map(str::to_string);
        meta.speaker_span = Some(span_of(b, s, e));
        used.push((s, e));
    }
    used.sort_unstable();
    sink.rest(b, &used, NoiseReason::Subtitle);
    true
}

/// Records the speaker and occasion of a byline read at `off` in `b`;
/// returns the ranges used.
fn take_byline(b: &Block, off: usize, by: &title::Byline, meta: &mut Metadata) -> Vec<(usize, usize)> {
    let mut used = Vec::new();
    if let Some((s, e)) = by.speaker {
        if meta.speaker.is_none() {
            meta.speaker = b.text.get(off + s..off + e).map(str::to_string);
            meta.speaker_span = Some(span_of(b, off + s, off + e));
            used.push((off + s, off + e));
        }
    }
    if let Some((s, e)) = by.occasion {
        meta.occasion = b.text.get(off + s..off + e).map(str::to_string);
        meta.occasion_span = Some(span_of(b, off + s, off + e));
        used.push((off + s, off + e));
    }
    used
}

/// The occasion (and a speaker named with 同志) of a `在…上的讲话` title,
/// without spans: they are part of the title.
fn derive_from_title(title: &str, meta: &mut Metadata) {
    if meta.speaker.is_none() {
        if let Some((s, e)) = title::lead_name(title) {
            meta.speaker = title.get(s..e).map(str::to_string);
            meta.speaker_span = None;
        }
    }
    if meta.occasion.is_some() {
        return;
    }
    if let Some((s, e)) = title::named_occasion(title) {
        meta.occasion = title.get(s..e).map(str::to_string);
        meta.occasion_span = None;
        return;
    }
    if let Some(by) = title::byline(title) {
        if let Some((s, e)) = by.occasion {
            meta.occasion = title.get(s..e).map(str::to_string);
            meta.occasion_span = None;
        }
        if meta.speaker.is_none() {
            if let Some((s, e)) = by.speaker {
                meta.speaker = title.get(s..e).map(str::to_string);
                meta.speaker_span = None;
            }
        }
    }
}

/// A title run into the first body block (`权力与责任权力与责任的关系权力是…`,
/// a running header and the title before the first sentence): cut off as
/// noise `repeated_title`. Returns true when it did.
fn strip_runin_title(sink: &mut Sink, body: &mut [Block], title_key: &str) -> bool {
    let tlen = chars(title_key);
    if tlen < 6 {
        return false;
    }
    let Some(b) = body.first_mut() else { return false };
    let Some(pos) = b.text.find(title_key) else {
        return false;
    };
    let before = &b.text[..pos];
    let bk = key(before);
    if !(before.trim().is_empty() || (chars(&bk) >= 2 && title_key.starts_with(&bk) && bk == before.trim())) {
        return false;
    }
    let mut end = pos + title_key.len();
    // The title may stand twice (a running header, then the title).
    while b.text.get(end..).is_some_and(|r| r.starts_with(title_key)) {
        end += title_key.len();
    }
    let next = b.text.get(end..).and_then(|r| r.chars().next());
    if next.is_none_or(|c| !is_han(c)) {
        return false;
    }
    let tail = b.split_off(end);
    sink.block(b, NoiseReason::RepeatedTitle);
    *b = tail;
    true
}

/// The label of an editor's note opening `text` (`【导  读】`, `编者按：`):
/// the byte length of the label and its bracket or colon.
fn editor_label(text: &str) -> Option<usize> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let (inner, len) = if let Some(r) = t.strip_prefix(['【', '[', '〔']) {
        let close = r.find(['】', ']', '〕'])?;
        let c = r.get(close..)?.chars().next()?;
        (r.get(..close)?, t.len() - r.len() + close + c.len_utf8())
    } else {
        let (colon, clen) = first_folded(t, b':', 30)?;
        (t.get(..colon)?, colon + clen)
    };
    let label: String = inner.chars().filter(|&c| !is_space(c)).collect();
    crate::vocab::EDITOR_LABELS.contains(&label.as_str()).then_some(lead + len)
}

/// An editor's note opening the body (`【导  读】任正非认为，…`) is not the
/// speech: noise `editor_note`. When the speech has no speaker yet, a name
/// opening the note before a verb of saying (`认为` `指出` `强调` `表示`)
/// is taken; its span stays out of the noise.
fn take_editor_note(sink: &mut Sink, plan: &mut SpeechPlan) {
    let Some(b) = plan.body.first() else { return };
    let Some(len) = editor_label(&b.text) else { return };
    let mut used = Vec::new();
    if plan.metadata.speaker.is_none() {
        let rest = b.text.get(len..).unwrap_or_default();
        let lead = rest.len() - rest.trim_start_matches(is_space).len();
        let r = rest.get(lead..).unwrap_or_default();
        let found = note_speaker(r);
        if let Some(at) = found {
            let s = len + lead;
            plan.metadata.speaker = b.text.get(s..s + at).map(str::to_string);
            plan.metadata.speaker_span = Some(span_of(b, s, s + at));
            used.push((s, s + at));
        }
    }
    sink.rest(b, &used, NoiseReason::EditorNote);
    plan.body.remove(0);
}

/// The byte length of a name opening an editor's note `r` before a verb
/// of saying (`任正非认为，…` → the length of `任正非`).
fn note_speaker(r: &str) -> Option<usize> {
    ["认为", "指出", "强调", "表示", "说"].iter().find_map(|v| {
        let at = r.find(v)?;
        let name = r.get(..at)?;
        speaker::is_name(name).then_some(at)
    })
}

/// Splits the greeting off the first body block.
fn take_greeting(plan: &mut SpeechPlan) {
    let Some(b) = plan.body.first_mut() else {
        return;
    };
    let Some((gend, colon_end)) = greeting(&b.text) else {
        return;
    };
    let (gs, ge) = text::trim_range(&b.text, 0, gend);
    let words = b.text[gs..ge].to_string();
    let span = b.source_span(gs, colon_end);
    let mut tail = b.split_off(colon_end);
    let lead = tail.text.len() - tail.text.trim_start_matches(is_space).len();
    if lead > 0 {
        tail = tail.split_off(lead);
    }
    plan.greeting = Some((words, span));
    if tail.text.is_empty() {
        plan.body.remove(0);
    } else if let Some(first) = plan.body.first_mut() {
        *first = tail;
    }
}

/// True when `b`, the last block of a speech, is its greeting and first
/// paragraph again: a page's description, saved after its footer
/// (`各位代表：现在，我代表省人民政府，向大会报告工作…` ending the page
/// that opened `各位代表：` / `现在，我代表省人民政府，向大会报告工作…`).
fn echoes_opening(plan: &SpeechPlan, b: &Block) -> bool {
    let (Some((words, _)), Some(first)) = (&plan.greeting, plan.body.first()) else {
        return false;
    };
    let t = b.text.trim();
    if longer(t, 300) {
        return false;
    }
    let Some((gend, colon_end)) = greeting(t) else {
        return false;
    };
    let (echo, opening) = (key(t.get(colon_end..).unwrap_or_default()), key(&first.text));
    key(t.get(..gend).unwrap_or_default()) == key(words) && chars(&echo) >= 12 && opening.starts_with(&echo)
}

/// `Some` for a footer line (metadata, a repeated title, chrome, `（完）`),
/// with what [`meta_line`] read in its trimmed text; `None` for any other
/// line.
fn trailer_line(b: &Block, title_key: &str) -> Option<Option<MetaLine>> {
    let t = b.text.trim();
    let m = meta_line(t);
    let footer = m.is_some()
        || is_repeat(t, title_key)
        || (!longer(t, 100) && !stops_at_least(t, 3) && has_chrome(t))
        || (!longer(t, 12) && (t.ends_with([':', '：']) || text::key_eq(t, "完") || text::key_eq(t, "全文完")));
    footer.then_some(m)
}

/// Takes the footer lines off the end of the body (their metadata fills
/// what the header left empty), then the closing.
fn take_trailer(sink: &mut Sink, plan: &mut SpeechPlan, title_key: &str) {
    if plan.body.len() > 2 && plan.body.last().is_some_and(|b| echoes_opening(plan, b)) {
        if let Some(b) = plan.body.pop() {
            sink.block(&b, NoiseReason::Trailer);
        }
    }
    let mut end = plan.body.len();
    // The metadata lines read in the footer lines `body[end..]`, last
    // first: a line with nothing to trim is not read again below.
    let mut read: Vec<Option<MetaLine>> = Vec::new();
    while end > 1 {
        let Some(m) = plan.body.get(end - 1).and_then(|b| trailer_line(b, title_key)) else { break };
        read.push(m);
        end -= 1;
    }
    // The closing may be followed by a few short lines that are not speech.
    let mut close_at = None;
    for c in (end.saturating_sub(3)..end).rev() {
        let Some(b) = plan.body.get(c) else { continue };
        if closing(&b.text).is_some() {
            close_at = Some(c);
            break;
        }
        if has_stop(b.text.trim_end_matches(['！', '!', '。'])) || chars(&b.text) > 40 {
            break;
        }
    }
    let from = close_at.map_or(end, |c| c + 1);
    let trailer: Vec<Block> = plan.body.split_off(from);
    if let Some(c) = close_at {
        if let Some(b) = plan.body.get_mut(c) {
            if let Some((s, we, e)) = closing(&b.text) {
                let words = b.text[s..we].to_string();
                let span = b.source_span(s, e);
                let mut after = b.split_off(s);
                // What follows the sign-off on its line (a translation
                // after `<br/>`) is not speech.
                let rest = after.split_off(e - s);
                if !rest.text.trim().is_empty() {
                    sink.block(&rest, NoiseReason::Trailer);
                }
                plan.closing = Some((words, span));
                if b.text.trim().is_empty() {
                    plan.body.pop();
                }
            }
        }
    }
    for (i, b) in (from..).zip(trailer) {
        let known = i.checked_sub(end).filter(|_| b.text.trim().len() == b.text.len());
        // `read` holds `body[end..]` last first.
        let found = match known.and_then(|k| read.len().checked_sub(k + 1)).and_then(|j| read.get_mut(j)) {
            Some(m) => m.take(),
            None => meta_line(&b.text),
        };
        if take_meta(sink, &b, found, &mut plan.metadata) {
            continue;
        }
        let reason = if is_repeat(&b.text, title_key) { NoiseReason::RepeatedTitle } else { NoiseReason::Trailer };
        sink.block(&b, reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_ends_should_hold_the_last_char_of_every_sign_off() {
        for w in CLOSINGS.iter().chain(&["万岁", "萬歲"]) {
            assert!(w.chars().next_back().is_some_and(|c| CLOSING_ENDS.contains(&c)), "{w}");
        }
        assert_eq!(closing("今天就讲这些。谢谢大家！"), Some((21, 33, 36)));
        assert_eq!(closing("祖国万岁！"), Some((0, 12, 15)));
        assert!(closing("我们要抓好落实。").is_none());
    }

    #[test]
    fn first_folded_should_find_what_a_walk_by_folded_chars_finds() {
        let mut texts: Vec<String> =
            ["同志们：", "各位领导、同志们:", "同志们，大家好：", "时间：2019", "", "：", "无冒号"]
                .into_iter()
                .chain(["大家好！", "各位来宾、各位朋友，大家好!", "同志们，", "！", "!", "ａ！"])
                .map(String::from)
                .collect();
        // The mark at every char position around the last one looked at,
        // after chars of one to four bytes, the full-width ones among them.
        for fill in ["们", "a", "é", "𠀀", "，", "！", "：", "ａ"] {
            for n in (25..35).chain(75..85) {
                let head = fill.repeat(n);
                texts.extend(["：", ":", "！", "!"].map(|m| format!("{head}{m}后文")));
                texts.push(head);
            }
        }
        for (ascii, within) in [(b':', 30), (b'!', 80)] {
            let by_chars = |t: &str| {
                t.char_indices()
                    .take(within)
                    .find(|&(_, c)| fold(c) == char::from(ascii))
                    .map(|(i, c)| (i, c.len_utf8()))
            };
            for t in &texts {
                assert_eq!(first_folded(t, ascii, within), by_chars(t), "{t}");
            }
        }
        let far = format!("{}们：", "同".repeat(29));
        assert_eq!(first_folded(&far, b':', 30), None, "the colon is the 31st char");
        assert_eq!(greeting("  同志们：今天开会。"), Some((11, 14)));
        assert_eq!(greeting("各位來賓、各位朋友，大家好！"), Some((39, 42)));
    }
}

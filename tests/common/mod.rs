//! Invariant checks shared by the integration tests.
#![allow(dead_code)]

use jianggao::normalize::is_space;
use jianggao::segment::lines::wrap_width;
use jianggao::{Document, Section, Span};
use std::time::{Duration, Instant};

/// Every section and point of `doc`, with depth (1 = section), in document
/// order.
pub fn nodes(doc: &Document) -> Vec<(usize, &Section)> {
    let mut out = Vec::new();
    for sp in &doc.speeches {
        let mut stack: Vec<(usize, &Section)> = sp.sections.iter().rev().map(|s| (1, s)).collect();
        while let Some((d, n)) = stack.pop() {
            out.push((d, n));
            stack.extend(n.points.iter().rev().map(|p| (d + 1, p)));
        }
    }
    out
}

fn check_span(src: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= src.len(), "{what} span {s:?} out of bounds ({})", src.len());
    assert!(src.is_char_boundary(s.start) && src.is_char_boundary(s.end), "{what} span {s:?} splits a character");
}

/// Checks the contract's invariants of `doc` parsed from `src`:
/// spans in bounds and on char boundaries, children inside parents, and the
/// lossless rule: every non-whitespace character lies in exactly one content
/// piece or noise entry (a noise entry may lie inside a paragraph or title
/// span: it is carved out of it).
pub fn check_invariants(src: &str, doc: &Document) {
    let mut content: Vec<(Span, String)> = Vec::new();
    for sp in &doc.speeches {
        let m = &sp.metadata;
        for (s, what) in [
            (sp.title_span, "title"),
            (sp.greeting_span, "greeting"),
            (sp.closing_span, "closing"),
            (m.speaker_span, "speaker"),
            (m.date_span, "date"),
            (m.occasion_span, "occasion"),
            (m.source_span, "source"),
        ] {
            if let Some(s) = s {
                content.push((s, what.into()));
            }
        }
        for p in sp.preamble.iter().chain(&sp.conclusion) {
            content.push((p.span, format!("paragraph {:?}", p.text.chars().take(10).collect::<String>())));
        }
    }
    for (_, n) in nodes(doc) {
        if let Some(m) = &n.marker {
            assert_eq!(src.get(m.span.range()), Some(m.text.as_str()), "marker text is its source");
            content.push((m.span, format!("marker {}", m.text)));
        }
        if let Some(t) = n.title_span {
            content.push((t, format!("title {:?}", n.title)));
        }
        for p in &n.paragraphs {
            content.push((p.span, format!("paragraph {:?}", p.text.chars().take(10).collect::<String>())));
        }
        for c in &n.points {
            assert!(n.span.contains(c.span), "point {:?} inside its parent {:?}", c.title, n.title);
        }
    }
    let mut cover = vec![0u8; src.len()];
    let mut noise = vec![0u8; src.len()];
    for (s, what) in &content {
        check_span(src, *s, what);
        for b in s.range() {
            cover[b] = cover[b].saturating_add(1);
        }
    }
    let mut last = 0;
    for n in &doc.noise {
        check_span(src, n.span, "noise");
        assert!(n.span.start >= last, "noise entries are ordered");
        last = n.span.start;
        assert_eq!(src.get(n.span.range()), Some(n.text.as_str()), "noise text is its source");
        for b in n.span.range() {
            noise[b] = noise[b].saturating_add(1);
        }
    }
    for (i, c) in src.char_indices() {
        if c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{2060}') {
            continue;
        }
        let (k, z) = (cover[i], noise[i]);
        let ctx: String = src[i..].chars().take(12).collect();
        assert!(z <= 1, "byte {i} ({ctx:?}) lies in {z} noise entries");
        assert!(k <= 1, "byte {i} ({ctx:?}) lies in {k} content pieces");
        assert!(k + z >= 1, "byte {i} ({ctx:?}) is lost: in no piece and no noise entry");
    }
}

/// A one-line-per-node outline with kind, ordinal and span, for snapshots.
pub fn debug_outline(doc: &Document) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "truncated: {}", doc.truncated);
    for sp in &doc.speeches {
        let _ =
            writeln!(out, "== {:?} {:?}", sp.title.as_deref().unwrap_or(""), sp.title_span.map(|s| (s.start, s.end)));
        let m = &sp.metadata;
        let _ = writeln!(
            out,
            "   speaker={:?} date={:?} occasion={:?} source={:?} greeting={:?} closing={:?}",
            m.speaker, m.date, m.occasion, m.source, sp.greeting, sp.closing
        );
        let _ = writeln!(out, "   preamble={} conclusion={}", sp.preamble.len(), sp.conclusion.len());
        let mut stack: Vec<(usize, &Section)> = sp.sections.iter().rev().map(|s| (0, s)).collect();
        while let Some((d, n)) = stack.pop() {
            let (marker, kind, ord) =
                n.marker.as_ref().map_or(("*".to_string(), "none", 0), |m| (m.text.clone(), m.kind.name(), m.ordinal));
            let _ = writeln!(
                out,
                "{}- {marker} [{kind} {ord}] {}..{} | {} (+{} paragraphs)",
                "  ".repeat(d),
                n.span.start,
                n.span.end,
                n.title.as_deref().unwrap_or(""),
                n.paragraphs.len()
            );
            stack.extend(n.points.iter().rev().map(|p| (d + 1, p)));
        }
    }
    let _ = writeln!(out, "noise: {}", doc.noise.len());
    for n in &doc.noise {
        let t: String = n.text.chars().take(24).collect();
        let _ = writeln!(out, "  {}..{} {} {:?}", n.span.start, n.span.end, n.reason, t);
    }
    for d in &doc.diagnostics {
        let _ = writeln!(out, "diagnostic: {} {}", d.kind, d.message);
    }
    out
}

/// Hard-wraps every line of `src` at 26 full-width columns (width 52 by
/// [`wrap_width`]) and joins the pieces of a line with single spaces.
pub fn hard_wrap(src: &str) -> String {
    let mut out = String::new();
    for (k, line) in src.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let line = line.trim_matches(is_space);
        let mut w = 0;
        for c in line.chars() {
            let cw = wrap_width(c.encode_utf8(&mut [0; 4]));
            if w + cw > 52 {
                out.push(' ');
                w = 0;
            }
            out.push(c);
            w += cw;
        }
    }
    out
}

/// Inserts page-break numbers into `src`: the first line of 160 characters
/// or more gets `1、` in front, and every such line is cut in its middle
/// (between two CJK ideographs) by a blank line and the next page number.
pub fn insert_page_breaks(src: &str) -> String {
    let mut out = String::new();
    let mut page = 1;
    for (k, line) in src.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let t = line.trim_matches(is_space);
        let chars: Vec<char> = t.chars().collect();
        if chars.len() < 160 {
            out.push_str(line);
            continue;
        }
        let ideograph = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
        let mut cut = chars.len() / 2;
        while cut + 1 < chars.len() && !(ideograph(chars[cut - 1]) && ideograph(chars[cut])) {
            cut += 1;
        }
        let head: String = chars[..cut].iter().collect();
        let tail: String = chars[cut..].iter().collect();
        if page == 1 {
            out.push_str("1、");
            page += 1;
        }
        out.push_str(&format!("{head}\n\n{page}、{tail}"));
        page += 1;
    }
    out
}

/// The shortest of `runs` timings of `f`.
pub fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

//! Invariant checks and fixtures shared by the integration tests.
#![allow(dead_code)]

#[path = "../../fuzz/src/checks.rs"]
pub mod checks;

use jianggao::normalize::is_space;
use jianggao::segment::lines::wrap_width;
use jianggao::{Document, Section};
use std::path::Path;
use std::time::Duration;

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

/// Checks the contract's invariants of `doc` parsed from `src` (see
/// [`checks::check_document`], shared with the fuzz targets): spans in
/// bounds and on char boundaries, children inside parents, noise ordered and
/// holding its source, and the lossless rule.
pub fn check_invariants(src: &str, doc: &Document) {
    if let Err(e) = checks::check_document(src, doc) {
        panic!("{e}");
    }
}

/// Every `*.txt` fixture below `tests/fixtures/{dir}` (`""`: all of them),
/// as its file name and its text, in the order of their paths.
pub fn fixtures(dir: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir)];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("the fixture directory is readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    assert!(!paths.is_empty(), "fixtures are found in {dir:?}");
    let name = |p: &Path| p.file_name().unwrap_or_default().to_string_lossy().into_owned();
    paths.iter().map(|p| (name(p), std::fs::read_to_string(p).expect("fixtures are UTF-8"))).collect()
}

/// The text of the seed fixture whose file name starts with `prefix`.
pub fn seed(prefix: &str) -> String {
    let found = fixtures("seeds").into_iter().find(|(name, _)| name.starts_with(prefix));
    found.unwrap_or_else(|| panic!("no seed fixture {prefix}")).1
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

/// The shortest of `runs` timings of `f`, in CPU time of the calling
/// thread: other work on the machine does not count.
pub fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = cpu_time::ThreadTime::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

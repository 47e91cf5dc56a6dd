//! Debris inside lines: pieces of markup and apparatus cut out of a line
//! whose rest is speech, each reported as noise with its reason.
//!
//! - `markup`: a Markdown heading's `#` marks before the text (`## 标题`),
//!   and `<br/>` tags;
//! - `translation`: a `<br/>` followed by a line's translation in Latin
//!   letters (bilingual posts print each paragraph, `<br/>`, its English);
//! - `footnote`: a footnote reference `[1]` after a word (`薪酬[1]体系`).
//!
//! Whole lines of such debris (a `##` alone, a footnote body) are classified
//! with the other lines, in [`super::shape`].

use super::lines::Units;
use crate::model::{Noise, NoiseReason};
use crate::span::Span;

/// Cuts in-line debris out of the pieces of `units`, pushing a noise entry
/// for each cut. A unit keeps at least one piece: a line that is debris
/// from end to end is left whole for the line classifier. Returns the
/// number of footnote references cut.
///
/// ```
/// use jianggao::segment::{debris, lines::Units};
/// let src = "## 一、总体要求\n考核与薪酬[1]体系。\n大家好！<br/>Hello, everyone!";
/// let mut units = Units::from_lines(src);
/// let mut noise = Vec::new();
/// assert_eq!(debris::cut(src, &mut units, &mut noise), 1);
/// assert_eq!(units.text(src, 0), "一、总体要求");
/// assert_eq!(units.text(src, 1), "考核与薪酬体系。");
/// assert_eq!(units.text(src, 2), "大家好！");
/// let reasons: Vec<&str> = noise.iter().map(|n| n.reason.as_str()).collect();
/// assert_eq!(reasons, ["markup", "footnote", "translation"]);
/// ```
pub fn cut(src: &str, units: &mut Units, noise: &mut Vec<Noise>) -> usize {
    // Most texts hold none of the marks: one pass over the bytes rules
    // them out.
    if memchr::memchr3(b'#', b'<', b'[', src.as_bytes()).is_none() {
        return 0;
    }
    let mut refs = 0;
    let mut pieces: Vec<Span> = Vec::with_capacity(units.pieces.len());
    let mut cuts: Vec<(Span, NoiseReason)> = Vec::new();
    let old = std::mem::take(&mut units.pieces);
    for u in units.units.iter_mut() {
        let start = pieces.len();
        cuts.clear();
        // A unit that stores no piece is its span.
        let own = [u.span];
        let stored = !u.pieces.is_empty();
        let unit_pieces =
            if stored { old.get(u.pieces.start as usize..u.pieces.end as usize).unwrap_or_default() } else { &own };
        let mut rest_cut: Option<Span> = None;
        for (k, &p) in unit_pieces.iter().enumerate() {
            if let Some(r) = rest_cut {
                rest_cut = Some(r.cover(p));
                continue;
            }
            let Some(text) = src.get(p.range()) else {
                pieces.push(p);
                continue;
            };
            let mut from = 0;
            if k == 0 {
                if let Some(n) = heading_marks(text) {
                    cuts.push((Span::new(p.start, p.start + n), NoiseReason::Markup));
                    from = n;
                }
            }
            let mut at = from;
            let bytes = text.as_bytes();
            while let Some(off) = memchr::memchr2(b'<', b'[', bytes.get(at..).unwrap_or_default()) {
                let i = at + off;
                if bytes[i] == b'<' {
                    if let Some(n) = br_tag(text.get(i..).unwrap_or_default()) {
                        let after = text.get(i + n..).unwrap_or_default();
                        if i > from && is_translation(after) {
                            push_piece(&mut pieces, p.start + from, p.start + i);
                            rest_cut = Some(Span::new(p.start + i, p.end));
                            from = text.len();
                            break;
                        }
                        push_piece(&mut pieces, p.start + from, p.start + i);
                        cuts.push((Span::new(p.start + i, p.start + i + n), NoiseReason::Markup));
                        from = i + n;
                        at = from;
                        continue;
                    }
                } else if let Some(n) = footnote_ref(text, i) {
                    push_piece(&mut pieces, p.start + from, p.start + i);
                    cuts.push((Span::new(p.start + i, p.start + i + n), NoiseReason::Footnote));
                    refs += 1;
                    from = i + n;
                    at = from;
                    continue;
                }
                at = i + 1;
            }
            if from < text.len() {
                push_piece(&mut pieces, p.start + from, p.end);
            }
        }
        if let Some(r) = rest_cut {
            cuts.push((r, NoiseReason::Translation));
        }
        let kept = pieces.get(start..).unwrap_or_default();
        let has_text = kept.iter().any(|s| src.get(s.range()).is_some_and(|t| !t.trim().is_empty()));
        if cuts.is_empty() || !has_text {
            // Nothing cut, or nothing left: the unit stays as it was.
            if !cuts.is_empty() {
                refs -= cuts.iter().filter(|c| c.1 == NoiseReason::Footnote).count();
            }
            pieces.truncate(start);
            if stored {
                pieces.extend_from_slice(unit_pieces);
            }
        } else {
            for &(span, reason) in &cuts {
                noise.push(Noise::at(src, span, reason));
            }
            // The kept pieces are trimmed: a cut leaves spaces at its edges.
            let mut k = start;
            while k < pieces.len() {
                let t = super::lines::trim(src, pieces[k]);
                if t.is_empty() {
                    pieces.remove(k);
                } else {
                    pieces[k] = t;
                    k += 1;
                }
            }
            if let (Some(f), Some(l)) = (pieces.get(start), pieces.last()) {
                u.span = Span::new(f.start, l.end);
            }
        }
        // Fewer pieces than bytes in a text of at most `MAX_TEXT`: the
        // indices fit.
        u.pieces = match (u32::try_from(start), u32::try_from(pieces.len())) {
            (Ok(a), Ok(b)) => a..b,
            _ => 0..0,
        };
    }
    units.pieces = pieces;
    units.footnote_refs = refs > 0;
    refs
}

fn push_piece(pieces: &mut Vec<Span>, start: usize, end: usize) {
    if end > start {
        pieces.push(Span::new(start, end));
    }
}

/// The length of the Markdown heading marks (`#` to `######` and the spaces
/// after them) opening `text`, when text follows.
fn heading_marks(text: &str) -> Option<usize> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = text.get(hashes..)?;
    let body = rest.trim_start_matches(crate::normalize::is_space);
    if body.len() == rest.len() || body.is_empty() {
        return None;
    }
    Some(text.len() - body.len())
}

/// The length of a `<br>`, `<br/>` or `<br />` tag (any case) opening `text`.
fn br_tag(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    if b.len() < 4 || !b[1].eq_ignore_ascii_case(&b'b') || !b[2].eq_ignore_ascii_case(&b'r') {
        return None;
    }
    let mut i = 3;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    (b.get(i) == Some(&b'>')).then_some(i + 1)
}

/// True when `text` (what follows a `<br/>`) is a translation: Latin words
/// and no CJK character.
fn is_translation(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if crate::normalize::is_cjk(c) {
            return false;
        }
        if c.is_ascii_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// The length of a footnote reference `[12]` at byte `i` of `text`: one to
/// three digits in square brackets, right after a character of text (not
/// at the start of the line, where `[1]` opens a footnote body).
fn footnote_ref(text: &str, i: usize) -> Option<usize> {
    let before = text.get(..i)?.chars().next_back()?;
    if !(crate::normalize::is_cjk(before)
        || before.is_alphanumeric()
        || matches!(before, '”' | '"' | '》' | '）' | ')'))
    {
        return None;
    }
    let rest = text.get(i + 1..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || rest.as_bytes().get(digits) != Some(&b']') {
        return None;
    }
    Some(digits + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> (Vec<String>, Vec<(String, NoiseReason)>) {
        let mut units = Units::from_lines(src);
        let mut noise = Vec::new();
        cut(src, &mut units, &mut noise);
        let texts = (0..units.units.len()).map(|i| units.text(src, i).into_owned()).collect();
        (texts, noise.into_iter().map(|n| (n.text, n.reason)).collect())
    }

    #[test]
    fn should_cut_heading_marks_only_before_text() {
        let (texts, noise) = run("## 任正非的讲话\n##\n#1号文件\n第#2条");
        assert_eq!(texts, ["任正非的讲话", "##", "#1号文件", "第#2条"]);
        assert_eq!(noise, [("## ".to_string(), NoiseReason::Markup)]);
    }

    #[test]
    fn should_cut_a_translation_after_a_break_tag() {
        let (texts, noise) = run("大家好！<br/>Greetings to you all!\n第一行<br>第二行\n<br/>Only English here.");
        assert_eq!(texts, ["大家好！", "第一行第二行", "Only English here."]);
        assert_eq!(noise[0], ("<br/>Greetings to you all!".to_string(), NoiseReason::Translation));
        assert_eq!(noise[1], ("<br>".to_string(), NoiseReason::Markup));
        assert_eq!(noise[2], ("<br/>".to_string(), NoiseReason::Markup));
        assert_eq!(noise.len(), 3);
    }

    #[test]
    fn should_cut_footnote_references_but_not_a_footnote_body() {
        let (texts, noise) = run("（五）关于芯片[1]\n[1]截止到2016年。\n数组a[1234]");
        assert_eq!(texts, ["（五）关于芯片", "[1]截止到2016年。", "数组a[1234]"]);
        assert_eq!(noise, [("[1]".to_string(), NoiseReason::Footnote)]);
    }

    #[test]
    fn should_not_split_a_character_on_odd_input() {
        for src in ["#", "# ", "<", "<b", "<br", "[", "党[", "党[1", "党[1]", "\u{3000}#\u{3000}党", "党<BR />x"] {
            let _ = run(src);
        }
    }
}

//! Traditional Chinese read as Simplified.
//!
//! The word lists of every stage (page chrome `責任編輯` `掃一掃`, labels
//! `來源`, speech words `講話` `會議`, greetings `同志們`) are written in
//! Simplified characters. A text written in Traditional characters is read
//! through its Simplified form: [`folded`] converts it character by
//! character (with `fast2s`, whose table keeps context cases such as
//! `皇后`), the parse runs on that form, and [`restore`] puts the original
//! characters back into every text of the document. Each converted
//! character keeps its UTF-8 length (a character whose Simplified form is
//! longer or shorter stays as it is), so every span is a span of both
//! forms.
//!
//! A text is read this way when its first 4 KiB hold at least
//! [`MIN_TRADITIONAL`] of the common Traditional characters of the
//! recognition view (`們 這 個 會 為 …`): a Simplified text that quotes a
//! Traditional name or two is read as it is.

use crate::model::{Document, Section, Span};

/// How many common Traditional characters the head of a text must hold to
/// be read through its Simplified form.
const MIN_TRADITIONAL: usize = 10;

/// The head of a text that [`folded`] samples, in bytes.
const HEAD: usize = 4 * 1024;

/// The Simplified form of `text` when it is written in Traditional
/// characters, each character of the same UTF-8 length as the one it
/// replaces; `None` for any other text.
pub(crate) fn folded(text: &str) -> Option<String> {
    let head = text.as_bytes().get(..HEAD).unwrap_or(text.as_bytes());
    if crate::outline::view::traditional_count(head, MIN_TRADITIONAL) < MIN_TRADITIONAL {
        return None;
    }
    let converted = fast2s::convert(text);
    // One walk over both: each character converted at its own length, the
    // two forms of equal character count, and one at least changed.
    let mut out = String::with_capacity(text.len());
    let (mut originals, mut simplified) = (text.chars(), converted.chars());
    let mut changed = false;
    for o in originals.by_ref() {
        let s = simplified.next()?;
        let s = if s.len_utf8() == o.len_utf8() { s } else { o };
        changed |= s != o;
        out.push(s);
    }
    (simplified.next().is_none() && changed).then_some(out)
}

/// How far [`restore_text`] looks ahead in the source for the next
/// character of a text, in characters: the pieces a clean text leaves out
/// (spaces, line breaks, a page number and its footer) are shorter.
const LOOKAHEAD: usize = 256;

/// Puts the characters of `original` back into every text of `doc`, which
/// was parsed from `folded` (the [`folded`] form of `original`).
pub(crate) fn restore(doc: &mut Document, folded: &str, original: &str) {
    let put = |text: &mut String, span: Span| restore_text(text, span, folded, original);
    for speech in &mut doc.speeches {
        if let (Some(t), Some(s)) = (speech.title.as_mut(), speech.title_span) {
            put(t, s);
        }
        let m = &mut speech.metadata;
        for (value, span) in [
            (&mut m.speaker, m.speaker_span),
            (&mut m.date, m.date_span),
            (&mut m.occasion, m.occasion_span),
            (&mut m.source, m.source_span),
            (&mut speech.greeting, speech.greeting_span),
            (&mut speech.closing, speech.closing_span),
        ] {
            match (value.as_mut(), span) {
                (Some(t), Some(s)) => put(t, s),
                // A value read from elsewhere (an occasion from the title,
                // a speaker from front matter): found in the text.
                (Some(t), None) => restore_found(t, folded, original),
                _ => {}
            }
        }
        for p in speech.preamble.iter_mut().chain(&mut speech.conclusion) {
            put(&mut p.text, p.span);
        }
        // Points nest: walked with a stack, not by recursion.
        let mut stack: Vec<&mut Section> = speech.sections.iter_mut().collect();
        while let Some(node) = stack.pop() {
            if let (Some(t), Some(s)) = (node.title.as_mut(), node.title_span) {
                put(t, s);
            }
            if let Some(marker) = node.marker.as_mut() {
                put(&mut marker.text, marker.span);
            }
            for p in &mut node.paragraphs {
                put(&mut p.text, p.span);
            }
            stack.extend(node.points.iter_mut());
        }
    }
    for n in &mut doc.noise {
        put(&mut n.text, n.span);
    }
}

/// Restores a text with no span: the original of its first occurrence in
/// `folded`, if it occurs.
fn restore_found(text: &mut String, folded: &str, original: &str) {
    let Some(at) = memchr::memmem::find(folded.as_bytes(), text.as_bytes()) else {
        return;
    };
    if let Some(o) = original.get(at..at + text.len()) {
        o.clone_into(text);
    }
}

/// Restores one text read from `folded[span]`: each of its characters is
/// found in order in the span (skipping what the clean text left out) and
/// replaced by the character of `original` there. A character not found
/// (one the parse added, such as a joining space, or a normalised value)
/// stays as it is.
fn restore_text(text: &mut String, span: Span, folded: &str, original: &str) {
    let (Some(f), Some(o)) = (folded.get(span.range()), original.get(span.range())) else {
        return;
    };
    if f == o {
        return;
    }
    if text == f {
        o.clone_into(text);
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut source = f.chars().zip(o.chars());
    for c in text.chars() {
        let mut ahead = source.clone();
        match ahead.by_ref().take(LOOKAHEAD).find(|&(fc, _)| fc == c) {
            Some((_, oc)) => {
                out.push(oc);
                source = ahead;
            }
            None => out.push(c),
        }
    }
    *text = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_fold_only_a_text_written_in_traditional_characters() {
        let traditional = "同志們：這個會議為我們講清楚了時間與責任。".repeat(3);
        let folded = folded(&traditional).expect("Traditional");
        assert_eq!(folded.len(), traditional.len());
        assert!(folded.starts_with("同志们：这个会议为我们讲清楚了时间与责任。"));
        // A Simplified text quoting one Traditional name is read as it is.
        assert!(super::folded("同志们：今天开会。引自《臺灣們》。").is_none());
    }

    #[test]
    fn should_restore_a_text_that_left_pieces_of_its_span_out() {
        let original = "責任編輯：\n2\n李莎莎 講話";
        let folded = "责任编辑：\n2\n李莎莎 讲话";
        let mut text = "责任编辑：李莎莎讲话".to_string();
        restore_text(&mut text, Span::new(0, original.len()), folded, original);
        assert_eq!(text, "責任編輯：李莎莎講話");
        // A character the parse added stays.
        let mut text = "讲话 x".to_string();
        restore_text(&mut text, Span::new(0, original.len()), folded, original);
        assert_eq!(text, "講話 x");
    }

    #[test]
    fn should_restore_a_text_without_a_span_from_where_it_occurs() {
        let (original, folded) = ("在研討會上的講話", "在研讨会上的讲话");
        let mut text = "研讨会".to_string();
        restore_found(&mut text, folded, original);
        assert_eq!(text, "研討會");
        let mut text = "别处".to_string();
        restore_found(&mut text, folded, original);
        assert_eq!(text, "别处");
    }
}

//! Torn lines: sentences that conversion cut apart without a wrap margin to
//! learn from.
//!
//! - **A word torn onto its own line.** Rich-text conversion puts a word
//!   that carried its own formatting on a line of its own
//!   (`…“双向` / `揭榜` / `挂帅”的简称…`). A short line without punctuation
//!   between a sentence piece that stops mid-clause and what follows, or a
//!   line that opens with a closing mark (`。` `；` `，` `”`), continues the
//!   line before it.
//! - **A sentence cut by a blank line.** In a text whose paragraphs end with
//!   sentence ends, a long paragraph that stops on a character, followed
//!   after a blank line by text that is not a heading, was cut at a page
//!   break (`…是产品可信的基` / (blank) / `石。我们将…`).
//!
//! Joined lines get [`Join::Wrap`]; a `torn_line` diagnostic counts them.

use super::lines::{ends_clause, Join, UnitText, Units};
use super::shape::LineShape;
use super::wrap::starts_heading;
use crate::model::{Diagnostic, DiagnosticKind};

/// Characters that open a line only when it continues the line before it.
fn continues(text: &str) -> bool {
    text.starts_with(['。', '，', '；', '：', '、', '）', '”', '！', '？', '》'])
}

/// True when `text` stops mid-clause: its last character is a letter,
/// digit or ideograph, or an opening quote or bracket.
fn stops_mid_clause(text: &str) -> bool {
    text.chars().next_back().is_some_and(|c| {
        crate::normalize::is_ideograph(c) || c.is_alphanumeric() || matches!(c, '“' | '《' | '（' | '(')
    })
}

/// Joins torn lines; see the module documentation.
///
/// ```
/// use jianggao::segment::{lines::{Join, Units}, torn};
/// let src = "其中，企业找技术、成果找市场“双向\n揭榜\n挂帅”的简称。";
/// let mut units = Units::from_lines(src);
/// let mut diags = Vec::new();
/// torn::join(src, &mut units, &mut diags);
/// assert_eq!(units.units[1].join, Join::Wrap);
/// assert_eq!(units.units[2].join, Join::Wrap);
/// assert_eq!(diags[0].kind, jianggao::DiagnosticKind::TornLine);
/// ```
pub fn join(src: &str, units: &mut Units, diags: &mut Vec<Diagnostic>) {
    let texts = units.texts(src);
    join_texts(units, &texts, diags);
}

/// [`join`] with the units' texts ([`Units::texts`]) at hand.
pub(crate) fn join_texts(units: &mut Units, texts: &[UnitText<'_>], diags: &mut Vec<Diagnostic>) {
    let n = units.units.len().min(texts.len());
    if units.units.iter().any(|u| u.wrapped) || n < 3 {
        return;
    }
    // Paragraph ends: in how many long text lines the line ends a clause.
    let (mut long, mut closed) = (0usize, 0usize);
    for (u, t) in units.units.iter().zip(texts) {
        if u.is_text() && t.chars >= 40 {
            long += 1;
            closed += usize::from(ends_clause(&t.text));
        }
    }
    let closed_paragraphs = long >= 8 && closed * 10 >= long * 8;
    // In a text with a blank line after every paragraph, a blank line
    // does not keep a torn word from the line it was torn from.
    let spaced = units.blank_spaced();
    let mut joined = 0usize;
    let mut prev: Option<usize> = None; // the last text unit
    let mut torn_prev = false; // the last text unit is a torn word
    let mut noise_between = false;
    for i in 0..n {
        let u = &units.units[i];
        if !u.is_text() {
            noise_between = true;
            continue;
        }
        let text = texts[i].text.as_ref();
        let mut join = false;
        let mut torn_here = false;
        if let Some(p) = prev.filter(|_| u.join == Join::None) {
            let ptext = texts[p].text.as_ref();
            let gap = (u.gap_before && !spaced) || noise_between;
            if !gap {
                // At most six characters, spaces aside: counted up to the
                // seventh before the shape is read.
                let short = text.chars().filter(|c| !crate::normalize::is_space(*c)).nth(6).is_none();
                let is_word =
                    short && LineShape::of(text).punct == 0 && text.chars().all(|c| c.is_alphanumeric() || c == '.');
                let sentence_piece = (texts[p].chars >= 15 || units.units[p].join == Join::Wrap)
                    && ptext.contains(['，', '、', '“', '：', '。', '；'])
                    && stops_mid_clause(ptext);
                if continues(text) && (sentence_piece || torn_prev) {
                    join = true;
                } else if is_word && (sentence_piece || torn_prev) && !starts_heading(text) {
                    join = true;
                    torn_here = true;
                } else if torn_prev && !starts_heading(text) {
                    join = true;
                }
            }
            if !join
                && closed_paragraphs
                && u.gap_before
                && texts[p].chars >= 40
                && stops_mid_clause(ptext)
                && LineShape::of(ptext).punct >= 2
                && texts[i].chars >= 10
                && text.chars().next().is_some_and(crate::normalize::is_ideograph)
                && !starts_heading(text)
                && LineShape::of(text).punct >= 1
            {
                join = true;
            }
        }
        if join {
            units.units[i].join = Join::Wrap;
            joined += 1;
        }
        torn_prev = torn_here;
        prev = Some(i);
        noise_between = false;
    }
    if joined > 0 {
        diags.push(Diagnostic::new(DiagnosticKind::TornLine, format!("rejoined {joined} torn lines"), None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joins(src: &str) -> Vec<bool> {
        let mut units = Units::from_lines(src);
        let texts = units.texts(src);
        let mut diags = Vec::new();
        join_texts(&mut units, &texts, &mut diags);
        units.units.iter().map(|u| u.join == Join::Wrap).collect()
    }

    #[test]
    fn should_join_a_torn_word_and_a_line_opening_with_a_closing_mark() {
        let src = "其中企业找技术，由技术供给方带团队、带技术\n揭榜\n；由成果需求方带资金、带场景\n揭榜\n。";
        assert_eq!(joins(src), [false, true, true, true, true]);
    }

    #[test]
    fn should_not_join_a_name_under_a_title() {
        let src = "在全市经济工作会议上的讲话\n张三\n2019年1月1日\n同志们：\n今天开会。";
        assert!(joins(src).iter().all(|j| !j));
    }

    #[test]
    fn should_join_a_sentence_cut_by_a_blank_line_only_among_closed_paragraphs() {
        let para = "我们要坚持稳中求进，推动高质量发展，把各项工作做实做细做好，不断开创工作新局面。";
        let mut src = String::new();
        for _ in 0..8 {
            src.push_str(&para.repeat(2));
            src.push_str("\n\n");
        }
        src.push_str("今天，在新的形势下，好的软件工程能力和实践，是产品可信的，也是客户最为关注的需求，是我们的基\n\n石。我们将以最高的标准要求自己。\n\n二、下一步工作\n\n要抓好落实。");
        let j = joins(&src);
        assert!(j[9], "{j:?}");
        assert!(!j[10] && !j[11]);
        let few = "今天，在新的形势下，好的软件工程能力和实践，是产品可信的，也是客户最为关注的需求，是我们的基\n\n石。我们将以最高的标准要求自己。";
        assert!(joins(few).iter().all(|j| !j));
    }
}

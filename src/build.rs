//! Tree building: blocks and accepted outline items into the typed speech.

use crate::meta::SpeechPlan;
use crate::model::Speech;
use crate::outline::Item;

/// Builds the speech of `plan` with the outline `items`.
pub fn build(_src: &str, plan: SpeechPlan, _items: &[Item]) -> Speech {
    Speech {
        title: plan.title.as_ref().map(|t| t.0.clone()),
        title_span: plan.title.as_ref().map(|t| t.1),
        metadata: plan.metadata,
        greeting: plan.greeting.as_ref().map(|t| t.0.clone()),
        greeting_span: plan.greeting.as_ref().map(|t| t.1),
        closing: plan.closing.as_ref().map(|t| t.0.clone()),
        closing_span: plan.closing.as_ref().map(|t| t.1),
        ..Speech::default()
    }
}

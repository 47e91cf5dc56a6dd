//! Properties of `parse` and `parse_bytes` on arbitrary and generated input:
//! no panic, spans in bounds and on char boundaries, noise ordered, the same
//! output for the same input.

mod common;

use common::checks::{
    check_lossless, check_parse, check_parse_bytes, speech_from_bytes, MARKERS, NOISE, SENTENCES, SEPARATORS,
};
use proptest::prelude::*;

/// A speech-like text: a random mix of markers, sentences, noise lines,
/// separators and random CJK characters.
fn speech_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(MARKERS).prop_map(str::to_string),
        2 => prop::sample::select(MARKERS).prop_map(|m| format!("\n{m}")),
        4 => prop::sample::select(SENTENCES).prop_map(str::to_string),
        1 => prop::sample::select(NOISE).prop_map(|n| format!("\n{n}\n")),
        2 => prop::sample::select(SEPARATORS).prop_map(str::to_string),
        1 => "[\\u{4E00}-\\u{9FA5}]{1,12}",
        1 => "[一二三四五六七八九十是、（）()．.0-9１２①②③ 　\\n，。：；！]{1,8}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A speech-like text with enough Traditional characters to be read
/// through its Simplified form.
fn traditional_like() -> impl Strategy<Value = String> {
    let traditional = "[們這個會為時間與實現記責務講話來後點條]{10,30}";
    (traditional, speech_like(), traditional).prop_map(|(a, b, c)| format!("{a}\n{b}{c}"))
}

/// 64 cases, so the suite stays fast; `PROPTEST_CASES=5000` for a deeper run.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn should_not_panic_and_keep_spans_valid_on_arbitrary_strings(s in any::<String>()) {
        check_parse(&s).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_not_panic_and_keep_spans_valid_on_marker_soup(s in "[一二三四五六七八九十是要、（）()〔〕【】．.0-9１①⑴第其首先次最后方面个另篇壹貳 　\\n\\r\\t，。：；！？…]{0,300}") {
        check_parse(&s).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_not_panic_and_keep_spans_valid_on_speech_like_texts(s in speech_like()) {
        check_parse(&s).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_keep_spans_valid_and_lose_nothing_on_traditional_texts(s in traditional_like()) {
        check_parse(&s).map_err(TestCaseError::fail)?;
        check_lossless(&s, &jianggao::parse(&s)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_lose_nothing_on_arbitrary_strings(s in any::<String>()) {
        // The rule the fuzz targets check, on the text the spans point into.
        let doc = jianggao::parse(&s);
        check_lossless(doc.extracted_text.as_deref().unwrap_or(&s), &doc).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_lose_nothing_by_the_fuzz_rule_on_speech_like_texts(s in speech_like()) {
        check_lossless(&s, &jianggao::parse(&s)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_lose_nothing_on_speech_like_texts(s in speech_like()) {
        common::check_invariants(&s, &jianggao::parse(&s));
    }

    #[test]
    fn should_lose_nothing_on_hard_wrapped_speech_like_texts(s in speech_like()) {
        let wrapped = common::hard_wrap(&s);
        common::check_invariants(&wrapped, &jianggao::parse(&wrapped));
    }

    #[test]
    fn should_not_panic_on_texts_built_from_bytes(data in prop::collection::vec(any::<u8>(), 0..512)) {
        let s = speech_from_bytes(&data);
        check_parse(&s).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_serialize_the_same_json_twice(s in speech_like()) {
        let a = serde_json::to_string(&jianggao::parse(&s)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let b = serde_json::to_string(&jianggao::parse(&s)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(a, b);
    }

    #[test]
    fn should_not_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_parse_bytes(&bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn should_decode_gb18030_speech_like_texts_to_themselves(s in speech_like()) {
        let (bytes, _, _) = encoding_rs::GB18030.encode(&s);
        check_parse_bytes(&bytes).map_err(TestCaseError::fail)?;
        // Where the bytes are not also valid UTF-8 and the text reads as
        // speech (most of its Chinese characters come from real sentences,
        // not from random code points), decoding must give the text back.
        let is_cjk = |c: &char| ('\u{4E00}'..='\u{9FFF}').contains(c);
        let speech: std::collections::HashSet<char> =
            SENTENCES.iter().chain(MARKERS).chain(NOISE).flat_map(|p| p.chars()).collect();
        let cjk = s.chars().filter(is_cjk).count();
        let known = s.chars().filter(|c| is_cjk(c) && speech.contains(c)).count();
        if std::str::from_utf8(&bytes).is_err() && known >= 4 && known * 2 >= cjk {
            let d = jianggao::decode::decode(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(d.encoding, "GB18030");
            prop_assert_eq!(d.text, s);
        }
    }

    #[test]
    fn should_decode_utf8_texts_unchanged(s in any::<String>()) {
        // Valid UTF-8 without NULs or many control characters is taken as is.
        let controls = s.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
        prop_assume!(!s.contains('\0') && controls * 20 <= s.chars().count());
        prop_assume!(!s.starts_with('\u{FEFF}'));
        let d = jianggao::decode::decode(s.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(d.encoding, "UTF-8");
        prop_assert_eq!(d.text, s);
    }
}

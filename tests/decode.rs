//! Decoding: BOMs, UTF-16, GB18030 and Big5 detection, binary refusal, and
//! replaced invalid sequences.

mod common;

use encoding_rs::{BIG5, GB18030};
use jianggao::decode::decode;
use jianggao::DiagnosticKind;
use jianggao::Error;

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = GB18030.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

fn utf16(text: &str, le: bool) -> Vec<u8> {
    text.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
}

/// The Document JSON without its `encoding` field.
fn json_without_encoding(doc: &jianggao::Document) -> serde_json::Value {
    let mut v = serde_json::to_value(doc).expect("serializes");
    if let Some(obj) = v.as_object_mut() {
        obj.remove("encoding");
    }
    v
}

const SPEECH: &str = "同志们：\n一、强化学习意识\n要加强学习。一是要学理论。二是要学业务。\n谢谢大家！";

#[test]
fn should_decode_empty_input_to_empty_text() {
    let d = decode(b"").unwrap();
    assert_eq!(d.text, "");
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.diagnostics.is_empty());
    let doc = jianggao::parse_bytes(b"").unwrap();
    assert_eq!(doc.encoding, "UTF-8");
}

#[test]
fn should_take_utf8_without_bom_as_is() {
    let d = decode(SPEECH.as_bytes()).unwrap();
    assert_eq!(d.text, SPEECH);
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.diagnostics.is_empty());
}

#[test]
fn should_strip_utf8_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(SPEECH.as_bytes());
    let d = decode(&bytes).unwrap();
    assert_eq!(d.text, SPEECH);
    assert_eq!(d.encoding, "UTF-8");
}

#[test]
fn should_decode_utf16_with_bom_in_both_byte_orders() {
    for (le, bom, name) in [(true, [0xFF, 0xFE], "UTF-16LE"), (false, [0xFE, 0xFF], "UTF-16BE")] {
        let mut bytes = bom.to_vec();
        bytes.extend(utf16(SPEECH, le));
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, SPEECH, "{name}");
        assert_eq!(d.encoding, name);
        assert!(d.diagnostics.is_empty());
    }
}

#[test]
fn should_detect_utf16_without_bom_from_its_nul_pattern() {
    let ascii_heavy = "Speech notes 2023\n1. Study\n2. Practice\n一、总体要求\n";
    for text in [ascii_heavy, SPEECH] {
        for (le, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let d = decode(&utf16(text, le)).unwrap();
            assert_eq!(d.text, text, "{name}");
            assert_eq!(d.encoding, name);
        }
    }
}

#[test]
fn should_decode_gb18030_copy_of_every_fixture_to_the_original_text() {
    for (name, text) in common::fixtures("seeds") {
        let d = decode(&gb18030(&text)).unwrap();
        assert_eq!(d.encoding, "GB18030", "{}", name);
        assert!(d.text == text, "{} does not round-trip", name);
        assert!(d.diagnostics.is_empty(), "{}", name);
    }
}

#[test]
fn should_parse_gb18030_copy_of_every_fixture_like_the_original() {
    for (name, text) in common::fixtures("seeds") {
        let from_bytes = jianggao::parse_bytes(&gb18030(&text)).unwrap();
        let from_text = jianggao::parse(&text);
        assert_eq!(from_bytes.encoding, "GB18030");
        assert_eq!(json_without_encoding(&from_bytes), json_without_encoding(&from_text), "{}", name);
    }
}

#[test]
fn should_not_read_short_simplified_gbk_as_big5() {
    // Every line and every pair of adjacent lines of the fixtures, alone, as
    // GB18030: a short speech must not be taken for Big5.
    let mut tried = 0;
    for (name, text) in common::fixtures("seeds") {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let pairs = lines.windows(2).map(|w| format!("{}\n{}", w[0], w[1]));
        for piece in lines.iter().map(|l| l.to_string()).chain(pairs) {
            let bytes = gb18030(&piece);
            if piece.is_ascii() || std::str::from_utf8(&bytes).is_ok() {
                continue;
            }
            tried += 1;
            let d = decode(&bytes).unwrap();
            assert_eq!(d.encoding, "GB18030", "{}: {piece:?}", name);
            assert_eq!(d.text, piece);
        }
    }
    assert!(tried > 100, "only {tried} pieces tried");
}

#[test]
fn should_decode_two_line_gbk_speech() {
    for text in [
        "同志们：\n今天我们召开全市党风廉政建设工作会议。",
        "各位领导：\n下面我讲三点意见。",
        "一、提高认识\n二、狠抓落实",
    ] {
        let d = decode(&gb18030(text)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
    }
}

#[test]
fn should_decode_big5_of_traditional_text() {
    let text = "各位同仁：\n壹、加強學習\n我們要堅持理論學習，提高政治覺悟。一是要深入基層，了解群眾的實際需要。二是要轉變作風，真抓實幹。\n謝謝大家！";
    let (bytes, _, unmappable) = BIG5.encode(text);
    assert!(!unmappable);
    let d = decode(&bytes).unwrap();
    assert_eq!(d.encoding, "Big5");
    assert_eq!(d.text, text);
    // The same text in GB18030 stays GB18030.
    let d = decode(&gb18030(text)).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
}

#[test]
fn should_refuse_png_header() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    match decode(png) {
        Err(Error::Binary { reason }) => assert!(reason.contains("PNG"), "{reason}"),
        other => panic!("expected Binary, got {other:?}"),
    }
    assert!(jianggao::parse_bytes(png).is_err());
}

/// Deterministic pseudo-random bytes (xorshift).
fn noise_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn should_refuse_random_bytes_with_nuls() {
    for seed in 1..20u64 {
        let mut bytes = noise_bytes(4096, seed);
        bytes[100] = 0;
        bytes[201] = 0;
        match decode(&bytes) {
            Err(Error::Binary { reason }) => assert!(!reason.is_empty()),
            other => panic!("seed {seed}: expected Binary, got {:?}", other.map(|d| d.encoding)),
        }
    }
}

#[test]
fn should_refuse_random_bytes_without_nuls() {
    for seed in 1..20u64 {
        let bytes: Vec<u8> = noise_bytes(4096, seed).into_iter().map(|b| b.max(1)).collect();
        assert!(decode(&bytes).is_err(), "seed {seed}");
    }
}

#[test]
fn should_keep_a_few_nul_bytes_in_utf8_text_with_a_diagnostic() {
    let mut text = "一、总体要求\n要抓好落实。\n".repeat(200);
    text.insert(19, '\0');
    text.push('\0');
    let d = decode(text.as_bytes()).expect("a few NUL bytes are not binary");
    assert_eq!(d.text, text);
    assert_eq!(d.diagnostics.len(), 1);
    assert_eq!(d.diagnostics[0].kind, DiagnosticKind::NulBytes);
    assert!(d.diagnostics[0].message.starts_with("2 NUL bytes"), "{}", d.diagnostics[0].message);
    assert_eq!(d.diagnostics[0].span.map(|s| s.start), Some(19));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let d = decode(&bom).expect("with a BOM too");
    assert_eq!(d.diagnostics[0].kind, DiagnosticKind::NulBytes);
    assert_eq!(d.diagnostics[0].span.map(|s| s.start), Some(19));
}

#[test]
fn should_refuse_nul_bytes_in_utf8_text() {
    let text = "一、总体要求\0\0\0要抓好落实。\0";
    match decode(text.as_bytes()) {
        Err(Error::Binary { reason }) => assert!(reason.contains("NUL"), "{reason}"),
        other => panic!("expected Binary, got {other:?}"),
    }
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    assert!(decode(&bom).is_err());
}

#[test]
fn should_refuse_text_full_of_control_characters() {
    let bytes: Vec<u8> = b"ab\x01\x02cd\x03\x04ef\x05\x06".repeat(50);
    match decode(&bytes) {
        Err(Error::Binary { reason }) => assert!(reason.contains("control"), "{reason}"),
        other => panic!("expected Binary, got {other:?}"),
    }
}

#[test]
fn should_keep_form_feeds_and_tabs_of_pdf_text() {
    let text = "一、总体要求\t\n要抓好落实。\x0c\n二、工作重点\n要突出重点。\x0c";
    let d = decode(text.as_bytes()).unwrap();
    assert_eq!(d.text, text);
}

#[test]
fn should_replace_and_report_invalid_bytes_in_utf8_text() {
    // Behaviour: UTF-8 with at most one broken sequence per ten valid
    // multi-byte characters stays UTF-8; each broken sequence becomes one
    // U+FFFD, and one diagnostic gives the count and the first place.
    let mut bytes = "一、总体要求\n要抓好落实，".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xFF\xFE");
    bytes.extend_from_slice("确保各项工作取得实效。\n二、工作重点\n".as_bytes());
    bytes.push(0xC3);
    bytes.extend_from_slice("要突出重点，抓住关键环节。".as_bytes());
    let d = decode(&bytes).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    // 0xFF and 0xFE are two broken sequences; the lone 0xC3 is a third.
    assert_eq!(d.text.matches('\u{FFFD}').count(), 3);
    assert!(d.text.starts_with("一、总体要求\n要抓好落实，\u{FFFD}\u{FFFD}确保"));
    assert_eq!(d.diagnostics.len(), 1);
    let diag = &d.diagnostics[0];
    assert_eq!(diag.kind, DiagnosticKind::InvalidBytes);
    assert!(diag.message.starts_with("3 invalid UTF-8"), "{}", diag.message);
    let span = diag.span.expect("span of the first replacement");
    assert_eq!(&d.text[span.range()], "\u{FFFD}");

    let doc = jianggao::parse_bytes(&bytes).unwrap();
    assert_eq!(doc.encoding, "UTF-8");
    assert!(doc.diagnostics.iter().any(|d| d.kind == DiagnosticKind::InvalidBytes));
}

#[test]
fn should_not_report_invalid_bytes_for_clean_input() {
    let doc = jianggao::parse_bytes(SPEECH.as_bytes()).unwrap();
    assert!(!doc.diagnostics.iter().any(|d| d.kind == DiagnosticKind::InvalidBytes));
}

#[test]
fn should_replace_a_broken_sequence_in_gbk_text() {
    let mut bytes = gb18030("同志们：\n今天我们召开全市党风廉政建设工作会议，");
    bytes.push(0xFF);
    bytes.extend(gb18030("主要任务是贯彻落实上级精神。"));
    let d = decode(&bytes).unwrap();
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
    assert_eq!(d.diagnostics.len(), 1);
    assert!(d.diagnostics[0].message.starts_with("1 invalid GB18030 byte sequence "));
}

#[test]
fn should_refuse_input_that_is_invalid_everywhere() {
    assert!(decode(&[0xFF; 1000]).is_err());
    assert!(decode(&[0x80, 0xFF].repeat(500)).is_err());
}

#[test]
fn should_name_the_file_in_io_errors() {
    let source = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
    let e = Error::Io { path: "a/讲话.txt".into(), source };
    assert_eq!(e.to_string(), "cannot read a/讲话.txt: denied");
    assert!(std::error::Error::source(&e).is_some());
}

#[test]
fn should_restrict_very_short_texts_to_the_chinese_encodings() {
    // On a word or two the detector alone may guess a Cyrillic, Korean or
    // Japanese encoding; only GB18030, Big5 and UTF-8 are candidates.
    for text in ["讲话", "党课", "首先", "的讲话", "习近平", "强化", "讲"] {
        let bytes = gb18030(text);
        assert!(std::str::from_utf8(&bytes).is_err());
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
    }
}

#[test]
fn should_refuse_bytes_that_decode_but_do_not_read_as_chinese() {
    // 0x80 0xBF … is well-formed GB18030 (€ and GBK pairs) but no text.
    match decode(&[0x80, 0xBF].repeat(500)) {
        Err(Error::Binary { reason }) => assert!(reason.contains("Chinese"), "{reason}"),
        other => panic!("expected Binary, got {:?}", other.map(|d| d.encoding)),
    }
    // A short piece of rare characters is too little to judge: it decodes.
    let rare = gb18030("岥壍厄凋");
    assert!(decode(&rare).is_ok());
}

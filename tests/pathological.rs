//! Pathological inputs: huge lines, long runs of markers, deep alternation of
//! marker families, nothing but punctuation or whitespace, NUL bytes, invalid
//! UTF-8, GBK that could pass for Big5. Each must parse without a panic, with
//! valid spans, and in time linear in its size: the time for `4n` is
//! compared with the time for `n`, and the ratio must stay below 10 (linear
//! gives about 4, quadratic about 16).
//!
//! The sizes are chosen for the debug profile (only dependencies are
//! optimised there); they are large enough for quadratic behaviour to show.

mod common;

use common::checks::{check_document, check_parse_bytes};
use jianggao::Error;

/// Serialises the tests of this file: they time themselves, and running
/// them side by side on a small machine would skew the timings.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// Parses `make(n)` and `make(4 * n)`, checks both documents, and asserts
/// that the larger took less than ten times as long. A ratio over the bound
/// is measured once more before failing, as the machine may be busy.
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String) {
    let small = make(n);
    let big = make(4 * n);
    assert!(big.len() >= 3 * small.len(), "{name}: input does not grow");
    for text in [&small, &big] {
        let doc = jianggao::parse(text);
        if let Err(e) = check_document(text, &doc) {
            panic!("{name}: {e}");
        }
    }
    let mut ratios = Vec::new();
    for _ in 0..2 {
        let t1 = common::best_of(3, || drop(jianggao::parse(&small)));
        let t4 = common::best_of(1, || drop(jianggao::parse(&big)));
        let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-3);
        eprintln!("{name}: {} bytes {t1:?}, {} bytes {t4:?}, ratio {ratio:.1}", small.len(), big.len());
        if ratio < 10.0 {
            return;
        }
        ratios.push(ratio);
    }
    panic!("{name}: time grows faster than the input (4x input: {ratios:.1?}x time)");
}

/// Chinese numerals 一 … 九十九, cycling: 1 ≤ ordinal ≤ 99 stays in the range
/// a marker grammar reads, however many markers there are.
fn cn_numeral(i: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let i = i % 99 + 1;
    let (tens, ones) = (i / 10, i % 10);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(D[tens]);
    }
    if tens > 0 {
        s.push('十');
    }
    s.push_str(D[ones]);
    s
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

#[test]
fn should_parse_5mb_without_newline_in_linear_time() {
    let _serial = serial();
    let unit = "要加强理论学习，坚持以人民为中心的发展思想，一是要学，二是要做；";
    assert_linear("no newline", 5 << 20 >> 2, |n| repeat_to(unit, n));
}

#[test]
fn should_parse_200000_dun_markers_in_a_row_in_linear_time() {
    let _serial = serial();
    assert_linear("一、二、三、…", 50_000, |n| (0..n).map(|i| format!("{}、", cn_numeral(i))).collect());
}

#[test]
fn should_parse_200000_shi_markers_in_a_row_in_linear_time() {
    let _serial = serial();
    assert_linear("一是二是三是…", 50_000, |n| (0..n).map(|i| format!("{}是", cn_numeral(i))).collect());
}

#[test]
fn should_parse_200000_marker_lines_in_linear_time() {
    let _serial = serial();
    assert_linear("一、 lines", 50_000, |n| (0..n).map(|i| format!("{}、加强学习\n", cn_numeral(i))).collect());
}

#[test]
fn should_parse_many_inline_markers_after_sentence_ends_in_linear_time() {
    let _serial = serial();
    assert_linear("inline 一是", 20_000, |n| (0..n).map(|i| format!("{}是要加强学习。", cn_numeral(i))).collect());
}

/// One line per family, cycling through the families: each line opens a
/// deeper level for an outline that nests every new family under the last.
fn alternating_families(levels: usize) -> String {
    const FAMILIES: [fn(usize) -> String; 8] = [
        |i| format!("{}、总体要求", cn_numeral(i)),
        |i| format!("（{}）工作重点", cn_numeral(i)),
        |i| format!("{}. 具体措施", i % 99 + 1),
        |i| format!("({}) 组织领导", i % 99 + 1),
        |i| format!("{}要抓好落实。", char::from_u32(0x2460 + (i % 20) as u32).unwrap_or('①')),
        |i| format!("{}是要加强学习。", cn_numeral(i)),
        |i| format!("第{}，要转变作风。", cn_numeral(i)),
        |_| "首先，要提高认识。".to_string(),
    ];
    (0..levels)
        .map(|i| {
            let family = FAMILIES[i % FAMILIES.len()];
            family(i / FAMILIES.len()) + "\n"
        })
        .collect()
}

#[test]
fn should_parse_10000_levels_of_alternating_families_without_deep_recursion() {
    let _serial = serial();
    // Parse, serialize and drop on a thread with a small stack: recursion over
    // the depth of the input would overflow it.
    let text = alternating_families(10_000);
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let doc = jianggao::parse(&text);
            check_document(&text, &doc).map_err(|e| e.to_string())?;
            let json = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
            drop(doc);
            Ok::<usize, String>(json.len())
        })
        .expect("spawn");
    match handle.join() {
        Ok(Ok(len)) => assert!(len > 0),
        Ok(Err(e)) => panic!("{e}"),
        Err(_) => panic!("parse panicked or overflowed its stack on 10,000 alternating levels"),
    }
}

#[test]
fn should_parse_alternating_families_in_linear_time() {
    let _serial = serial();
    assert_linear("alternating families", 10_000, alternating_families);
}

#[test]
fn should_parse_1mb_line_of_one_repeated_character_in_linear_time() {
    let _serial = serial();
    for c in ["一", "、", "是", "（", "1", ".", "第"] {
        assert_linear(&format!("repeated {c}"), 1 << 20 >> 2, |n| repeat_to(c, n));
    }
}

#[test]
fn should_parse_only_punctuation() {
    let _serial = serial();
    let unit = "。，、；：！？…—（）《》“”【】.,;:!?()-";
    for text in [repeat_to(unit, 100_000), repeat_to(&format!("{unit}\n"), 100_000)] {
        let doc = jianggao::parse(&text);
        check_document(&text, &doc).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_linear("punctuation", 1 << 18, |n| repeat_to(unit, n));
}

#[test]
fn should_parse_only_whitespace_to_nothing() {
    let _serial = serial();
    let text = repeat_to(" \n\t　\r\n\u{A0}\n\n", 100_000);
    let doc = jianggao::parse(&text);
    check_document(&text, &doc).unwrap_or_else(|e| panic!("{e}"));
    assert!(doc.noise.iter().all(|n| n.text.trim().is_empty() || n.text.chars().all(char::is_whitespace)));
    let paragraphs: usize = doc.speeches.iter().map(|s| s.preamble.len() + s.conclusion.len() + s.sections.len()).sum();
    assert_eq!(paragraphs, 0, "whitespace should not make paragraphs or sections");
}

#[test]
fn should_parse_empty_input_to_empty_document() {
    let _serial = serial();
    let doc = jianggao::parse("");
    check_document("", &doc).unwrap_or_else(|e| panic!("{e}"));
    assert!(doc.noise.is_empty());
    assert!(!doc.truncated);
    let from_bytes = jianggao::parse_bytes(b"").expect("empty bytes decode");
    assert_eq!(from_bytes, doc);
}

#[test]
fn should_refuse_nul_bytes() {
    let _serial = serial();
    let mut bytes = "一、总体要求\n".repeat(1000).into_bytes();
    for i in (0..bytes.len()).step_by(97) {
        bytes[i] = 0;
    }
    assert!(matches!(jianggao::parse_bytes(&bytes), Err(Error::Binary { .. })));
    assert!(matches!(jianggao::parse_bytes(&[0u8; 1 << 16]), Err(Error::Binary { .. })));
}

#[test]
fn should_refuse_invalid_utf8_everywhere() {
    let _serial = serial();
    for bytes in [vec![0xFFu8; 1 << 20], [0x80u8, 0xBF].repeat(1 << 19), [0xC3u8, 0x28].repeat(1 << 19)] {
        match jianggao::parse_bytes(&bytes) {
            Err(Error::Binary { reason }) => assert!(!reason.is_empty()),
            Ok(doc) => panic!("accepted as {}", doc.encoding),
            Err(e) => panic!("unexpected error {e}"),
        }
    }
}

#[test]
fn should_not_panic_on_utf8_with_invalid_bytes_sprinkled() {
    let _serial = serial();
    let mut bytes = Vec::new();
    for i in 0..20_000 {
        bytes.extend_from_slice("一、加强学习。".as_bytes());
        bytes.push([0xFF, 0x80, 0xC3, 0xE4][i % 4]);
    }
    check_parse_bytes(&bytes).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn should_read_gbk_that_could_pass_for_big5_as_gb18030() {
    let _serial = serial();
    // GB2312 characters use lead bytes B0–F7 and trail bytes A1–FE, all of
    // which Big5 accepts: only the reading tells them apart.
    let text = "同志们：\n今天我们召开党风廉政建设工作会议，主要任务是学习贯彻上级会议精神。";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    let (as_big5, _, had_errors) = encoding_rs::BIG5.decode(&bytes);
    assert!(!had_errors, "the sample should be valid Big5 too: {as_big5}");
    let d = jianggao::decode::decode(&bytes).expect("decodes");
    assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
}

#[test]
fn should_decode_large_gbk_in_linear_time() {
    let _serial = serial();
    let unit = "同志们：\n一、提高政治站位\n要加强理论学习，坚持以人民为中心。一是要学，二是要做。\n";
    let make = |n: usize| encoding_rs::GB18030.encode(&repeat_to(unit, n)).0.into_owned();
    let (small, big) = (make(1 << 20), make(4 << 20));
    let t1 = common::best_of(3, || drop(jianggao::decode::decode(&small)));
    let t4 = common::best_of(1, || drop(jianggao::decode::decode(&big)));
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-3);
    assert!(ratio < 10.0, "decode of 4x GBK took {ratio:.1}x the time");
    let d = jianggao::decode::decode(&big).expect("decodes");
    assert_eq!(d.encoding, "GB18030");
}

#[test]
fn should_parse_gapped_runs_and_addresses_in_linear_time() {
    let _serial = serial();
    assert_linear("gapped runs", 5_000, |n| {
        let mut s = String::from("一、总体要求\n（一）扩大内需。要抓好落实。\n（二）发展产业。要抓好落实。\n");
        for i in 0..n {
            match i % 4 {
                0 => s.push_str(&format!("——历史启示我们，实现振兴，第{i}条经验很重要。要坚持下去。\n")),
                1 => s.push_str(&format!("各位代表！新的征程上，我们必须坚持第{i}项工作。一是抓项目。二是抓招商。\n")),
                2 => s.push_str(&format!("五年来，我们坚持第{i}项改革，成效明显。要继续努力。\n")),
                _ => s.push_str(&format!("同志们，第{i}段正文很长很长很长很长很长很长。\n")),
            }
        }
        s
    });
}

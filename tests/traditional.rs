//! A text written in Traditional characters is read as its Simplified
//! form would be (the word lists are Simplified), and keeps its own
//! characters in every text of the output.

mod common;

use jianggao::NoiseReason;

/// Parses `src` and checks the contract's invariants on the result.
fn parse(src: &str) -> jianggao::Document {
    let doc = jianggao::parse(src);
    common::check_invariants(src, &doc);
    doc
}

const TRADITIONAL: &str = "\
首頁 > 新聞中心 > 領導講話
羅東川在全省經濟工作會議上的講話
（2026年1月20日）
來源：青海日報
責任編輯：何繼紅
同志們：
這次會議的主要任務是，總結去年工作，部署今年任務。
一、充分肯定過去一年的成績
過去一年，我們堅持穩中求進工作總基調，經濟運行總體平穩。
二、準確把握今年工作的總體要求
今年是關鍵之年，我們要堅持高質量發展，做好各項工作。
謝謝大家！
掃一掃在手機打開當前頁
";

/// The same text in Simplified characters.
const SIMPLIFIED: &str = "\
首页 > 新闻中心 > 领导讲话
罗东川在全省经济工作会议上的讲话
（2026年1月20日）
来源：青海日报
责任编辑：何继红
同志们：
这次会议的主要任务是，总结去年工作，部署今年任务。
一、充分肯定过去一年的成绩
过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳。
二、准确把握今年工作的总体要求
今年是关键之年，我们要坚持高质量发展，做好各项工作。
谢谢大家！
扫一扫在手机打开当前页
";

#[test]
fn should_read_a_traditional_text_as_its_simplified_form() {
    let (t, s) = (parse(TRADITIONAL), parse(SIMPLIFIED));
    // The same reading: spans, reasons and outline.
    let spans = |d: &jianggao::Document| d.noise.iter().map(|n| (n.span, n.reason)).collect::<Vec<_>>();
    assert_eq!(spans(&t), spans(&s));
    assert_eq!(t.speeches.len(), 1);
    let (ts, ss) = (&t.speeches[0], &s.speeches[0]);
    assert_eq!(ts.sections.len(), ss.sections.len());
    assert_eq!(ts.sections.len(), 2);
    assert!(t.noise.iter().any(|n| n.text == "責任編輯：何繼紅" && n.reason == NoiseReason::SourceLine));
    assert!(t.noise.iter().any(|n| n.text == "掃一掃在手機打開當前頁"));
    // In its own characters.
    let m = &ts.metadata;
    assert_eq!(m.speaker.as_deref(), Some("羅東川"));
    assert_eq!(m.occasion.as_deref(), Some("全省經濟工作會議"));
    assert_eq!(m.date.as_deref(), Some("2026-01-20"));
    assert_eq!(ts.greeting.as_deref(), Some("同志們"));
    assert_eq!(ts.closing.as_deref(), Some("謝謝大家"));
    assert_eq!(ts.title.as_deref(), Some("羅東川在全省經濟工作會議上的講話"));
    assert_eq!(ts.sections[1].title.as_deref(), Some("準確把握今年工作的總體要求"));
    let body = &ts.sections[0].paragraphs[0];
    assert_eq!(body.text, &TRADITIONAL[body.span.range()]);
}

#[test]
fn should_keep_the_characters_of_a_joined_paragraph() {
    // Paragraphs hard-wrapped at twenty characters: their clean texts are
    // not slices of the source, and still hold the source's characters.
    let paras = ["這個時期", "今後一個時期", "當前和今後"]
        .map(|lead| format!("{lead}，我們要堅持學習理論，加強領導班子建設，推動各項工作落實，為實現目標任務作出新的更大貢獻，確保會議精神落到實處。"));
    let wrapped = |p: &str| {
        p.chars().collect::<Vec<_>>().chunks(20).map(|c| c.iter().collect::<String>() + "\n").collect::<String>()
    };
    let text = format!(
        "一、總體要求\n{}二、工作任務\n{}三、工作要求\n{}",
        wrapped(&paras[0]),
        wrapped(&paras[1]),
        wrapped(&paras[2])
    );
    let doc = parse(&text);
    let paragraphs: Vec<&str> =
        doc.speeches.iter().flat_map(|s| &s.sections).flat_map(|s| &s.paragraphs).map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs, paras);
}

#[test]
fn should_read_a_simplified_text_with_a_few_traditional_names_as_it_is() {
    let text = "一、总体要求\n要学习《臺灣們的故事》，会议为这个时间定了调。\n";
    let doc = parse(text);
    let p = &doc.speeches[0].sections[0].paragraphs[0];
    assert_eq!(p.text, "要学习《臺灣們的故事》，会议为这个时间定了调。");
}

//! Segmentation: noise rules, page-break and hard-wrap repair, duplicates,
//! truncation, and the lossless invariant, on small texts and on the seed
//! fixtures (and degraded copies of them).

mod common;
use common::{hard_wrap, insert_page_breaks, seed};
use jianggao::normalize::is_space;
use jianggao::segment::lines::{ends_clause, ends_sentence, last_significant, wrap_width};
use jianggao::segment::{segment, Segmented};
use jianggao::{DiagnosticKind, NoiseReason};

// ---------------------------------------------------------------- helpers

/// Every non-whitespace character of `src` lies in exactly one block piece
/// or one noise span; every block character is the source character its map
/// points to.
fn assert_lossless(src: &str, seg: &Segmented) {
    let mut count = vec![0u8; src.len() + 1];
    for b in &seg.blocks {
        assert!(src.is_char_boundary(b.span.start) && src.is_char_boundary(b.span.end));
        for (i, c) in b.text.char_indices() {
            let s = b.map.to_source(i);
            assert!(
                src.get(s..).is_some_and(|rest| rest.starts_with(c)),
                "block char {c:?} at {i} maps to {s}, which does not hold it"
            );
            assert!(b.span.start <= s && s < b.span.end, "block char outside its span");
            if !is_space(c) {
                count[s] += 1;
            }
        }
    }
    for n in &seg.noise {
        let piece = src.get(n.span.range()).expect("noise span on char boundaries");
        assert_eq!(piece, n.text);
        for (i, c) in piece.char_indices() {
            if !is_space(c) {
                count[n.span.start + i] += 1;
            }
        }
    }
    for (i, c) in src.char_indices() {
        if is_space(c) {
            continue;
        }
        let ctx: String = src[i..].chars().take(20).collect();
        assert_eq!(count[i], 1, "char {c:?} at {i} covered {} times: {ctx}", count[i]);
    }
}

fn texts(seg: &Segmented) -> Vec<String> {
    seg.blocks.iter().map(|b| b.text.clone()).collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

fn in_one_block(seg: &Segmented, needle: &str) -> bool {
    seg.blocks.iter().any(|b| b.text.contains(needle))
}

fn in_any_block(seg: &Segmented, needle: &str) -> bool {
    seg.blocks.iter().any(|b| squeeze(&b.text).contains(&squeeze(needle)))
}

fn reason_of<'a>(seg: &'a Segmented, text: &str) -> Option<&'a str> {
    seg.noise.iter().find(|n| n.text == text).map(|n| n.reason.as_str())
}

const PARA_A: &str = "今天，我们召开这次会议，主要任务是深入学习贯彻党的二十大精神，总结过去一年的工作，分析当前面临的形势，部署今年的重点任务。";
const PARA_B: &str = "过去一年，全市上下团结一心，攻坚克难，经济社会发展取得了新的成绩，全年完成投资300多万美元，引进项目十二个，群众满意度持续提升。";
const PARA_C: &str = "我们要清醒地看到，工作中还存在不少问题和不足，有的同志思想不够解放，有的部门作风不够扎实，有的干部担当精神不强，必须认真加以解决。";

// ---------------------------------------------------------------- noise rules

#[test]
fn should_mark_site_chrome_lines() {
    let src = format!("首页\n标题\n{PARA_A}\n上一篇：在全市会议上的讲话\n返回顶部\n分享到： 微信 微博\n相关文章\n");
    let seg = segment(&src);
    for chrome in ["首页", "上一篇：在全市会议上的讲话", "返回顶部", "分享到： 微信 微博", "相关文章"]
    {
        assert_eq!(reason_of(&seg, chrome), Some("site_chrome"), "{chrome}");
    }
    assert_eq!(texts(&seg), vec!["标题".to_string(), PARA_A.to_string()]);
    assert_lossless(&src, &seg);
}

#[test]
fn should_not_mark_speech_lines_with_chrome_words_inside() {
    let src = "首先要关闭落后产能\n相关文章要及时清理。\n";
    let seg = segment(src);
    assert!(seg.noise.is_empty(), "{:?}", seg.noise);
    assert_eq!(seg.blocks.len(), 2);
}

#[test]
fn should_mark_download_headers_but_keep_meta_lines() {
    let src = "权力与责任\n\nID:46449279\n\n大小:20.33 KB\n\n页数:4页\n\n时间:2019-11-23\n\n资源描述:\n\n文档介绍\n\n点击:0时间:2022-06-03 00:27:18\n本文2015-11-30 13:45:21发表“发言稿”栏目。\n本文链接:https://www.example.com/a/1.html\n";
    let seg = segment(src);
    for h in ["ID:46449279", "大小:20.33 KB", "页数:4页", "资源描述:", "文档介绍"] {
        assert_eq!(reason_of(&seg, h), Some("download_header"), "{h}");
    }
    for keep in [
        "权力与责任",
        "时间:2019-11-23",
        "点击:0时间:2022-06-03 00:27:18",
        "本文2015-11-30 13:45:21发表“发言稿”栏目。",
        "本文链接:https://www.example.com/a/1.html",
    ] {
        assert!(seg.blocks.iter().any(|b| b.text == keep), "{keep} should stay a block");
    }
    assert_lossless(src, &seg);
}

#[test]
fn should_mark_preview_notice_and_numbered_site_rules() {
    let src = format!(
        "标题\n{PARA_A}\n当前文档最多预览五页,下载文档查看全文\n温馨提示:\n1. 部分文件查看预览时可能会显示错乱,文件下载后无此问题。\n2. 本文档由用户上传,如有争议请联系客服。\n"
    );
    let seg = segment(&src);
    assert_eq!(reason_of(&seg, "当前文档最多预览五页,下载文档查看全文"), Some("preview_notice"));
    assert_eq!(reason_of(&seg, "温馨提示:"), Some("disclaimer"));
    assert!(seg.noise.iter().any(|n| n.text.starts_with("1. 部分文件")));
    assert!(seg.noise.iter().any(|n| n.text.starts_with("2. 本文档")));
    assert_eq!(seg.blocks.len(), 2);
    assert_lossless(&src, &seg);
}

#[test]
fn should_keep_a_real_numbered_list_after_a_heading() {
    let src = "一、工作要求\n1. 要加强学习，提高本领。\n2. 要改进作风，服务群众。\n";
    let seg = segment(src);
    assert!(seg.noise.is_empty(), "{:?}", seg.noise);
    assert_eq!(seg.blocks[1].text, "1. 要加强学习，提高本领。");
}

#[test]
fn should_mark_page_thumbnails_and_page_numbers() {
    let src = format!("标题\n标题_第1页\n标题_第2页\n{PARA_A}\n- 5 -\n{PARA_B}\n第3页 共8页\n{PARA_C}\n3/8\n");
    let seg = segment(&src);
    assert_eq!(reason_of(&seg, "标题_第1页"), Some("page_thumbnail"));
    assert_eq!(reason_of(&seg, "- 5 -"), Some("page_number"));
    assert_eq!(reason_of(&seg, "第3页 共8页"), Some("page_number"));
    assert_eq!(reason_of(&seg, "3/8"), Some("page_number"));
    assert_eq!(seg.blocks.len(), 4);
    assert_lossless(&src, &seg);
}

#[test]
fn should_mark_an_advert_block_at_the_top_but_keep_the_title() {
    let src = format!(
        "仅供学习 禁止外传\n某某文库\n自建平台、实时分享\n\n【打击倒卖活动】\n举报倒卖会员资料的人，举报成功免费赠送一年会员！\n\n\n在全市工作会议上的讲话\n\n某某文库整理，咨询QQ123456789\n同志们：\n{PARA_A}\n"
    );
    let seg = segment(&src);
    assert_eq!(reason_of(&seg, "仅供学习 禁止外传"), Some("watermark"));
    for ad in ["某某文库", "自建平台、实时分享", "【打击倒卖活动】", "某某文库整理，咨询QQ123456789"]
    {
        assert_eq!(reason_of(&seg, ad), Some("advert"), "{ad}");
    }
    assert_eq!(texts(&seg), vec!["在全市工作会议上的讲话".to_string(), "同志们：".to_string(), PARA_A.to_string()]);
    assert_lossless(&src, &seg);
}

#[test]
fn should_not_treat_short_opening_lines_as_adverts_without_an_ad_signal() {
    let src = format!("在全市工作会议上的讲话\n张三\n\n同志们：\n{PARA_A}\n（三）用好微信公众号平台\n");
    let seg = segment(&src);
    assert!(seg.noise.is_empty(), "{:?}", seg.noise);
    assert_eq!(seg.blocks.len(), 5);
}

#[test]
fn should_mark_watermark_credits_and_source_lines() {
    let src = format!("标题\n{PARA_A}\n文秘帮整理\n来源：人民日报\n责任编辑：张三\n来源：新华网 时间：2019-11-23\n");
    let seg = segment(&src);
    assert_eq!(reason_of(&seg, "文秘帮整理"), Some("watermark"));
    assert_eq!(reason_of(&seg, "来源：人民日报"), Some("source_line"));
    assert_eq!(reason_of(&seg, "责任编辑：张三"), Some("source_line"));
    assert!(seg.blocks.iter().any(|b| b.text == "来源：新华网 时间：2019-11-23"));
}

#[test]
fn should_mark_running_headers_from_the_second_copy() {
    let src = format!("标题\n某某单位文件汇编\n{PARA_A}\n某某单位文件汇编\n{PARA_B}\n某某单位文件汇编\n{PARA_C}\n");
    let seg = segment(&src);
    let headers: Vec<_> = seg.noise.iter().filter(|n| n.reason == NoiseReason::RunningHeader).collect();
    assert_eq!(headers.len(), 2);
    assert_eq!(seg.blocks.iter().filter(|b| b.text == "某某单位文件汇编").count(), 1);
    assert_lossless(&src, &seg);
}

#[test]
fn should_not_mark_a_line_seen_twice_as_running_header() {
    let src = format!("标题\n一、总体要求很重要\n{PARA_A}\n一、总体要求很重要\n{PARA_B}\n");
    let seg = segment(&src);
    assert!(seg.noise.is_empty());
}

#[test]
fn should_mark_the_title_repeated_after_the_text() {
    let src = format!("市委书记专题研讨发言材料\n{PARA_A}\n市委书记专题研讨发言材料\n本文链接:https://x.cn/1.html\n");
    let seg = segment(&src);
    assert_eq!(seg.noise.len(), 1);
    assert_eq!(seg.noise[0].reason, NoiseReason::RepeatedTitle);
    assert_eq!(seg.noise[0].span.start, src.rfind("市委书记").unwrap());
}

#[test]
fn should_drop_an_exact_duplicate_paragraph_but_keep_short_repeats() {
    let src = format!("标题\n{PARA_A}\n{PARA_A}\n{PARA_B}\n好。\n好。\n");
    let seg = segment(&src);
    let dups: Vec<_> = seg.noise.iter().filter(|n| n.reason == NoiseReason::Duplicate).collect();
    assert_eq!(dups.len(), 1);
    assert_eq!(dups[0].span.start, src.find(PARA_A).unwrap() + PARA_A.len() + 1);
    assert_eq!(seg.blocks.iter().filter(|b| b.text == PARA_A).count(), 1);
    assert_eq!(seg.blocks.iter().filter(|b| b.text == "好。").count(), 2);
    assert_lossless(&src, &seg);
}

#[test]
fn should_trim_all_kinds_of_spaces_and_crlf() {
    let src = "\u{feff}\u{3000}\u{3000}一、总体要求\u{a0}\r\n\u{200b}要抓好\u{200b}落实。\r\n";
    let seg = segment(src);
    assert_eq!(texts(&seg), vec!["一、总体要求".to_string(), "要抓好落实。".to_string()]);
    assert_lossless(src, &seg);
}

// ---------------------------------------------------------------- page breaks

#[test]
fn should_join_sentences_cut_by_page_numbers() {
    let src =
        format!("标题\n\n1、{PARA_A}不给好处不办事，给\n\n2、了好处乱办事。{PARA_B}迟早要栽\n\n3、跟头。{PARA_C}");
    let seg = segment(&src);
    assert!(in_one_block(&seg, "给了好处乱办事"));
    assert!(in_one_block(&seg, "迟早要栽跟头"));
    for gone in ["1、", "2、", "3、"] {
        assert!(!seg.blocks.iter().any(|b| b.text.contains(gone)), "{gone}");
    }
    assert_eq!(seg.noise.iter().filter(|n| n.reason == NoiseReason::PageNumber).count(), 3);
    assert_eq!(seg.blocks.len(), 2);
    assert!(seg.diagnostics.iter().any(|d| d.kind == DiagnosticKind::PageBreak));
    assert_lossless(&src, &seg);
}

#[test]
fn should_not_eat_real_numbered_headings_after_sentence_ends() {
    let src = format!("标题\n1、加强学习\n{PARA_A}\n2、改进作风\n{PARA_B}\n3、服务群众\n{PARA_C}\n");
    let seg = segment(&src);
    assert!(seg.noise.is_empty(), "{:?}", seg.noise);
    assert!(seg.blocks.iter().any(|b| b.text == "2、改进作风"));
}

#[test]
fn should_not_eat_short_list_items_without_punctuation() {
    let src = "工作任务\n1、加强学习\n2、改进作风\n3、服务群众\n";
    let seg = segment(src);
    assert!(seg.noise.is_empty());
    assert_eq!(seg.blocks.len(), 4);
}

// ---------------------------------------------------------------- hard wraps

#[test]
fn should_rejoin_a_text_hard_wrapped_with_spaces() {
    let heading = "一、总体要求";
    let latin = "会议要求全面升级到Windows 10系统，并在本月底以前完成全部的安装和调试工作，确保系统稳定运行。";
    let src = format!("{heading}\n{PARA_A}\n{PARA_B}\n二、重点任务\n{PARA_C}\n{latin}\n{PARA_A}\n");
    let original = segment(&src);
    // The whole text on one line: pieces of 26 columns joined with spaces.
    let one_line = hard_wrap(&src).replace('\n', " ");
    let seg = segment(&one_line);
    assert_eq!(texts(&seg), texts(&original), "{one_line}");
    assert!(in_one_block(&seg, "300多万美元"));
    assert!(in_one_block(&seg, "Windows 10"));
    assert!(seg.diagnostics.iter().any(|d| d.kind == DiagnosticKind::HardWrap));
    assert_lossless(&one_line, &seg);
}

#[test]
fn should_rejoin_a_text_hard_wrapped_with_newlines() {
    let src = format!("一、总体要求\n{PARA_A}\n{PARA_B}\n二、重点任务\n{PARA_C}\n{PARA_B}\n");
    let original = segment(&src);
    let wrapped = hard_wrap(&src).replace(' ', "\n");
    let seg = segment(&wrapped);
    assert_eq!(texts(&seg), texts(&original));
    assert_lossless(&wrapped, &seg);
}

#[test]
fn should_remove_wrap_spaces_inside_markers() {
    let body = "我们要坚持问题导向，着力解决群众反映强烈的突出问题。一是要加强学习，二是要改进作风，三 是要服务群众，一方面要抓好落实，另 一方面要强化督查，确保各项工作落到实处。";
    let src = hard_wrap(&format!("{PARA_A}{body}{PARA_B}")).replace('\n', " ");
    let src = src.replace("三是", "三 是").replace("另一方面", "另 一方面");
    let seg = segment(&src);
    assert!(in_one_block(&seg, "三是要服务群众"));
    assert!(in_one_block(&seg, "另一方面要强化督查"));
}

#[test]
fn should_leave_normal_lines_with_spaces_untouched() {
    let src = format!("标题\n{PARA_A}\n会议 时间 地点\n(二) 重点任务\n{PARA_B}\n");
    let seg = segment(&src);
    assert!(seg.blocks.iter().any(|b| b.text == "会议 时间 地点"));
    assert!(seg.blocks.iter().any(|b| b.text == "(二) 重点任务"));
    assert!(!seg.diagnostics.iter().any(|d| d.kind == DiagnosticKind::HardWrap));
}

// ---------------------------------------------------------------- truncation

#[test]
fn should_report_a_text_cut_mid_sentence() {
    let seg = segment(&format!("标题\n{PARA_A}\n{PARA_B}但是我们也要看到，有的同志"));
    assert!(seg.truncated);
    assert!(seg.diagnostics.iter().any(|d| d.kind == DiagnosticKind::Truncated));
}

#[test]
fn should_not_report_a_complete_text_followed_by_chrome() {
    let seg = segment(&format!("标题\n{PARA_A}\n{PARA_B}\n谢谢大家！\n查看更多\n相关文章\n"));
    assert!(!seg.truncated);
    assert!(!seg.diagnostics.iter().any(|d| d.kind == DiagnosticKind::Truncated));
}

#[test]
fn should_report_a_cut_text_before_a_preview_notice() {
    let seg = segment(&format!("标题\n{PARA_A}\n{PARA_B}历史就会给他应\n\n当前文档最多预览五页,下载文档查看全文\n"));
    assert!(seg.truncated);
}

/// `还剩2页未读，继续阅读` names no site but is two notice phrases: a notice,
/// so a complete text before it is not read as cut at it; a cut text before
/// it still is.
#[test]
fn a_notice_of_two_preview_phrases_should_be_noise_and_not_a_cut_sentence() {
    let src = format!("标题\n{PARA_A}\n{PARA_B}\n谢谢大家！\n还剩2页未读，继续阅读\n");
    let seg = segment(&src);
    assert_eq!(reason_of(&seg, "还剩2页未读，继续阅读"), Some("preview_notice"));
    assert!(!seg.truncated, "{:?}", seg.diagnostics);
    assert_lossless(&src, &seg);
    let cut = segment(&format!("标题\n{PARA_A}\n{PARA_B}历史就会给他应\n还剩2页未读，继续阅读\n"));
    assert!(cut.truncated);
    // One phrase in a sentence is speech.
    let prose = segment(&format!("标题\n{PARA_A}\n我们要继续阅读经典。\n"));
    assert_eq!(reason_of(&prose, "我们要继续阅读经典。"), None);
}

#[test]
fn should_not_report_truncation_for_a_trailing_permalink() {
    let seg = segment(&format!("标题\n{PARA_A}\n本文链接:https://x.cn/1.html\n"));
    assert!(!seg.truncated);
}

// ---------------------------------------------------------------- fixtures

#[test]
fn should_keep_every_fixture_lossless() {
    for (name, src) in common::fixtures("seeds") {
        let seg = segment(&src);
        assert!(!seg.blocks.is_empty(), "{name}");
        assert_lossless(&src, &seg);
    }
}

#[test]
fn should_report_truncation_of_the_fixtures() {
    let expected = [("000", true), ("001", true), ("002", false), ("003", false), ("004", false)];
    for (prefix, truncated) in expected {
        assert_eq!(segment(&seed(prefix)).truncated, truncated, "{prefix}");
    }
}

#[test]
fn should_repair_the_page_breaks_of_fixture_001() {
    let seg = segment(&seed("001"));
    for gold in [
        "给了好处乱办事",
        "迟早要栽跟头",
        "把群众关心的热点、难点作为工作的重点",
        "是当前群众关注的热点问题,也是领导干部执政为民的关键",
        "领导干部只有真正解决好权力为谁服务的问题",
        "要倾听群众呼声",
    ] {
        assert!(in_one_block(&seg, gold), "{gold}");
    }
    for gone in [
        "1、权力与责任",
        "2、了好处",
        "3、跟头",
        "7、群众呼声",
        "ID:46449279",
        "大小:20.33",
        "页数:4页",
        "权力与责任的关系_第1页",
        "资源描述",
        "由会员上传分享",
        "当前文档最多预览五页",
        "此文档下载收益归作者所有",
        "温馨提示",
        "部分包含数学公式或PPT动画的文件",
    ] {
        assert!(!in_any_block(&seg, gone), "{gone}");
    }
    assert!(seg.blocks.iter().any(|b| b.text == "时间:2019-11-23"));
}

#[test]
fn should_repair_the_hard_wraps_of_fixture_004() {
    let seg = segment(&seed("004"));
    for gold in [
        "为大家上一堂专题党课",
        "坚持“五个带头”、创建模范机关的工作要求",
        "统揽推进伟大斗争",
        "保产业链供应链稳定",
        "面向9000多万党员",
        "党的组织生活制度,是每名党员必须遵守的基本制度",
        "对这个问题应该从三个方面看",
        "有了规矩如果不遵守,比没有规矩还要坏",
        "三是",
        "另一方面",
    ] {
        assert!(in_one_block(&seg, gold), "{gold}");
    }
    for start in ["目录", "篇一", "同志们:", "一、争做坚持把党的政治建设摆在首位的举旗人"] {
        assert!(seg.blocks.iter().any(|b| b.text == start), "{start} should be a block of its own");
    }
    for start in ["(-)坚决做到", "(二)坚决贯彻", "(三)努力创建", "(四)严明", "二、紧紧扭住严格组织制度"]
    {
        assert!(seg.blocks.iter().any(|b| b.text.starts_with(start)), "{start} should start a block");
    }
    for gone in ["申明敬告", "本站不保证该用户上传的文档完整性", "文档介绍", "查看更多", "相关文章", "您可能关注的文档"]
    {
        assert!(!in_any_block(&seg, gone), "{gone}");
    }
    assert!(!seg.blocks.iter().any(|b| b.text.contains("三 是") || b.text.contains("另 一方面")));
}

#[test]
fn should_clean_the_noise_of_fixtures_000_002_003() {
    let absent: [(&str, &[&str]); 3] = [
        ("000", &[]),
        (
            "002",
            &[
                "仅供学习",
                "禁止外传",
                "酷乐文行",
                "自建平台、实时分享",
                "根据实际需求和形式任务不断迭代",
                "现在订阅立享前3年的所有权益和资料",
                "打击倒卖活动",
                "举报倒卖会员资料的人",
                "会员群：",
                "免费QQ群：",
                "QQ206157060",
            ],
        ),
        ("003", &["首页", "相关新闻", "最新新闻", "关闭"]),
    ];
    for (prefix, gone) in absent {
        let seg = segment(&seed(prefix));
        for g in gone {
            assert!(!in_any_block(&seg, g), "{prefix}: {g}");
        }
    }
    let seg = segment(&seed("000"));
    assert_eq!(seg.noise.iter().filter(|n| n.reason == NoiseReason::Duplicate).count(), 1);
    assert_eq!(seg.noise.iter().filter(|n| n.reason == NoiseReason::RepeatedTitle).count(), 1);
    assert_eq!(seg.blocks.first().map(|b| b.text.as_str()), Some("市委书记严以用权专题研讨发言材料"));
    let seg = segment(&seed("003"));
    assert!(seg.blocks.iter().any(|b| b.text == "王维东"));
    assert!(seg.blocks.iter().any(|b| b.text.starts_with("点击:0时间:")));
}

// ---------------------------------------------------------------- degraded fixtures

#[test]
fn should_read_hard_wrapped_copies_of_the_fixtures_alike() {
    for (name, src) in common::fixtures("seeds") {
        if src.lines().any(|l| l.chars().count() > 5000) {
            continue; // already hard-wrapped
        }
        let original = segment(&src);
        let wrapped = hard_wrap(&src);
        let seg = segment(&wrapped);
        // The same text, and every block boundary of the original kept; a
        // double space inside a line may end a paragraph in a wrapped text,
        // so the copy may have more boundaries, never fewer.
        let a: Vec<String> = texts(&original).iter().map(|t| squeeze(t)).collect();
        let b: Vec<String> = texts(&seg).iter().map(|t| squeeze(t)).collect();
        assert_eq!(a.concat(), b.concat(), "{name}");
        let bounds = |v: &[String]| {
            v.iter()
                .scan(0, |acc, t| {
                    *acc += t.len();
                    Some(*acc)
                })
                .collect::<std::collections::BTreeSet<usize>>()
        };
        assert!(bounds(&a).is_subset(&bounds(&b)), "{name}: a block boundary was lost");
        assert!(b.len() <= a.len() + 2, "{name}: too many new boundaries");
        assert_eq!(original.truncated, seg.truncated, "{name}");
        assert_lossless(&wrapped, &seg);
    }
}

#[test]
fn should_read_copies_with_page_breaks_inserted_alike() {
    for (name, src) in common::fixtures("seeds") {
        if src.lines().any(|l| l.chars().count() > 5000) || name.starts_with("001") {
            continue; // hard-wrapped, or already paged
        }
        let original = segment(&src);
        let paged = insert_page_breaks(&src);
        assert_ne!(paged, src, "{name}");
        let seg = segment(&paged);
        assert_eq!(texts(&original), texts(&seg), "{name}");
        assert!(seg.noise.iter().any(|n| n.reason == NoiseReason::PageNumber), "{name}");
        assert_lossless(&paged, &seg);
    }
}

#[test]
fn should_be_fast_on_a_large_input() {
    let big = seed("004").repeat(40);
    let t = std::time::Instant::now();
    let seg = segment(&big);
    assert!(!seg.blocks.is_empty());
    assert!(t.elapsed().as_secs() < 10);
}

#[test]
fn should_join_page_breaks_inside_a_hard_wrapped_text() {
    let src = format!("一、总体要求\n{PARA_A}{PARA_B}{PARA_C}\n二、重点任务\n{PARA_C}{PARA_A}\n");
    let one_line = hard_wrap(&src).replace('\n', " ");
    let plain = segment(&one_line);
    // Two wrap spaces in the middle of paragraphs become page breaks.
    let spaces: Vec<usize> = one_line.match_indices(' ').map(|(i, _)| i).collect();
    let (p2, p3) = (spaces[3], spaces[spaces.len() - 3]);
    let paged = format!("1、{}\n\n2、{}\n\n3、{}", &one_line[..p2], &one_line[p2 + 1..p3], &one_line[p3 + 1..]);
    let seg = segment(&paged);
    assert_eq!(texts(&seg), texts(&plain));
    assert_eq!(seg.noise.iter().filter(|n| n.reason == NoiseReason::PageNumber).count(), 3);
    assert_lossless(&paged, &seg);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn should_never_panic_and_stay_lossless(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "给", "了好处乱办事", "一、", "(二)", "2、", "1.", "。", "，", " ", "  ", "\n", "\n\n", "\r\n",
                "\u{3000}", "\u{200b}", "首页", "QQ123456", "下载文档", "温馨提示:", "- 5 -", "Windows", "10",
                "300多万", "权力与责任的关系", "同志们：", "谢谢大家！",
                "今天我们召开这次会议主要任务是深入学习贯彻党的精神总结过去一年的工作",
            ]),
            0..120,
        )
    ) {
        let src: String = pieces.concat();
        let seg = segment(&src);
        assert_lossless(&src, &seg);
        let wrapped = hard_wrap(&src).replace('\n', " ");
        assert_lossless(&wrapped, &segment(&wrapped));
    }
}

#[test]
fn should_not_join_a_list_of_short_headings_as_wrapped_lines() {
    let items = [
        "一、加强理论学习提升能力",
        "二、改进工作作风服务群众",
        "三、严格遵守纪律规矩要求",
        "四、狠抓工作落实见到实效",
        "五、强化责任担当履职尽责",
        "六、完善制度机制长效管理",
        "七、营造良好氛围凝聚合力",
    ];
    let src = items.join("\n");
    let seg = segment(&src);
    assert_eq!(texts(&seg), items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
}

#[test]
fn should_not_join_wrapped_lines_into_the_next_heading() {
    let items: Vec<String> = (1..=7).map(|i| format!("{i}、加强理论学习提升能力水平强化责任担当")).collect();
    let src = items.join("\n");
    let seg = segment(&src);
    assert_eq!(texts(&seg), items);
}

/// `n` characters cycled from `seed`, the last one replaced by `end`
/// (when given): a paragraph of a known length.
fn sized(seed: &str, n: usize, end: Option<char>) -> String {
    let mut s: String = seed.chars().cycle().take(n - usize::from(end.is_some())).collect();
    s.extend(end);
    s
}

/// `paras` typeset as a PDF does: every line cut at exactly `width`
/// CJK characters, a paragraph opening on a new line after `indent`.
fn typeset(paras: &[String], width: usize, indent: &str) -> String {
    let mut out = String::new();
    for p in paras {
        let mut line = String::from(indent);
        let mut w = indent.chars().count();
        for c in p.chars() {
            if w == width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
                w = 0;
            }
            line.push(c);
            w += 1;
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

const SEEDS: [&str; 8] = [
    "全面推进乡村振兴加快建设农业强国巩固拓展脱贫攻坚成果",
    "坚持创新驱动发展战略培育壮大新质生产力提升产业链水平",
    "深化重点领域改革持续优化营商环境激发经营主体活力",
    "扎实推进生态文明建设打好蓝天碧水净土保卫战守住底线",
    "用心用情保障改善民生稳步提升公共服务均衡可及水平",
    "统筹发展和安全有效防范化解重点领域风险维护社会稳定",
    "加强政府自身建设坚持依法行政自觉接受各方面监督",
    "推进城乡融合发展完善基础设施网络提升城市功能品质",
];

#[test]
fn should_end_a_paragraph_where_the_next_word_would_have_fitted() {
    // Lines cut at exactly 20 characters; the second paragraph ends with
    // `。` one character short of the margin: the next paragraph's first
    // character would have fitted there, so the paragraph ended.
    let paras = vec![
        sized(SEEDS[0], 20 * 3 + 7, Some('。')),
        sized(SEEDS[1], 20 * 2 + 19, Some('。')),
        sized(SEEDS[2], 20 * 3 + 5, Some('。')),
        sized(SEEDS[3], 20 * 2 + 10, Some('。')),
    ];
    let src = typeset(&paras, 20, "");
    let seg = segment(&src);
    assert_eq!(texts(&seg), paras);
    assert_lossless(&src, &seg);
}

#[test]
fn should_keep_a_line_at_the_margin_going_into_a_numeral_it_cuts() {
    // `第` ends a continuation line at the margin and `三，` opens the
    // next: one sentence. A heading that fills its line is followed by a
    // point of its own.
    let cut = format!("{}第三，{}", sized(SEEDS[0], 20 + 19, None), sized(SEEDS[1], 30, Some('。')));
    let heading = format!("四、{}", sized(SEEDS[2], 18, None));
    let point = format!("1、{}", sized(SEEDS[3], 40, Some('。')));
    let paras =
        vec![sized(SEEDS[4], 20 * 3 + 4, Some('。')), cut, heading, point, sized(SEEDS[5], 20 * 3 + 9, Some('。'))];
    let src = typeset(&paras, 20, "");
    let seg = segment(&src);
    assert_eq!(texts(&seg), paras);
}

#[test]
fn should_open_a_paragraph_at_an_indent_the_text_uses_for_paragraphs() {
    // Each paragraph opens indented by two ideographic spaces; the second
    // ends exactly at the margin, yet the indented line after it opens
    // a paragraph.
    let paras = vec![
        sized(SEEDS[0], 18 + 20 * 2 + 3, Some('。')),
        sized(SEEDS[1], 18 + 20 * 2, Some('。')),
        sized(SEEDS[2], 18 + 20 * 3 + 11, Some('。')),
        sized(SEEDS[3], 18 + 20 + 6, Some('。')),
    ];
    let src = typeset(&paras, 20, "\u{3000}\u{3000}");
    let seg = segment(&src);
    assert_eq!(texts(&seg), paras);
    assert_lossless(&src, &seg);
}

#[test]
fn should_open_a_paragraph_at_a_dash_item_or_an_address_after_a_sentence_end() {
    // Paragraphs that end exactly at the margin, before a dash-led item
    // and before an address to the audience.
    let paras = vec![
        sized(SEEDS[0], 20 * 3, Some('。')),
        format!("——{}", sized(SEEDS[1], 20 * 2 + 8, Some('。'))),
        sized(SEEDS[2], 20 * 2, Some('。')),
        format!("各位代表！{}", sized(SEEDS[3], 20 * 3, Some('。'))),
        sized(SEEDS[4], 20 * 2 + 6, Some('。')),
    ];
    let src = typeset(&paras, 20, "");
    let seg = segment(&src);
    assert_eq!(texts(&seg), paras);
}

#[test]
fn should_not_break_an_opening_quote_from_the_word_it_opens() {
    // A typesetter never ends a line with `“`: the first line stops a
    // character short and goes on. After a sentence end, a line as short
    // ends its paragraph.
    let quoted =
        format!("{}，“{}”{}", sized(SEEDS[0], 18, None), sized(SEEDS[1], 6, None), sized(SEEDS[2], 30, Some('。')));
    let paras = vec![
        sized(SEEDS[3], 20 * 3 + 2, Some('。')),
        sized(SEEDS[4], 20 + 19, Some('。')),
        format!("“{}”{}", sized(SEEDS[5], 4, None), sized(SEEDS[6], 50, Some('。'))),
        sized(SEEDS[7], 20 * 2 + 7, Some('。')),
    ];
    let mut src = typeset(&paras, 20, "");
    // The quoted paragraph: `…，` (19 characters), then `“…` on the next line.
    let (head, tail) = quoted.split_at(quoted.char_indices().nth(19).unwrap().0);
    src = format!("{src}{head}\n{}", typeset(&[tail.to_string()], 20, ""));
    let seg = segment(&src);
    let mut want = paras.clone();
    want.push(quoted);
    assert_eq!(texts(&seg), want);
}

#[test]
fn should_not_let_a_numbered_toc_entry_take_the_place_of_page_two() {
    let page = PARA_A.repeat(2);
    let cut = PARA_B.chars().count() / 2;
    let head: String = PARA_B.chars().take(cut).collect();
    let tail: String = PARA_B.chars().skip(cut).collect();
    let src = format!("1、讲话汇编\n目录\n2.第二篇讲话 10\n{page}{head}\n\n2、{tail}{PARA_C}");
    let seg = segment(&src);
    assert!(seg.blocks.iter().any(|b| b.text.contains(PARA_B)), "the cut sentence is rejoined");
    assert_eq!(reason_of(&seg, "2、"), Some("page_number"));
}

// ---------------------------------------------------------- line shapes

/// A government page as a scraper saves it: chrome around the speech, an
/// editor's note, a torn word, a footnote, related headlines after the body.
fn gov_page(line_end: &str) -> String {
    let para = |i: usize| {
        format!("过去一年，我们坚持稳中求进工作总基调，第{i}项工作推动经济持续回升向好，各项事业取得新进展。").repeat(3)
    };
    let mut lines = vec![
        "2026年政府工作报告".to_string(),
        "【字体：".into(),
        "大".into(),
        "中".into(),
        "小".into(),
        "】".into(),
        "【导  读】报告回顾了过去一年的工作，部署了今年的任务。".into(),
        "各位代表：".into(),
    ];
    for i in 0..6 {
        lines.push(para(i));
    }
    lines.extend(
        [
            "我们要推动企业找技术、成果找市场“双向",
            "揭榜",
            "挂帅”，加快科技成果转化[1]。",
            "[1]双向揭榜挂帅：由技术供给方和需求方分别揭榜。",
            "责任编辑：",
            "李莎莎",
            "扫一扫在手机打开当前页",
            "相关链接>>",
            "abcd39f1fb7f426d9dfb6bd0fa1f2146:",
            "干部群众热议政府工作报告",
            "e4c29f31c6964493a14c4ddf6b160169:",
            "解读政府工作报告：在服务大局中担难担重",
            "打印本页",
            "关闭窗口",
        ]
        .map(String::from),
    );
    lines.join(line_end)
}

fn reasons_of(seg: &Segmented) -> Vec<(String, String)> {
    seg.noise.iter().map(|n| (n.text.clone(), n.reason.to_string())).collect()
}

#[test]
fn should_drop_chrome_notes_and_related_headlines_by_their_shape() {
    let src = gov_page("\n");
    let seg = segment(&src);
    let noise = reasons_of(&seg);
    let reason = |t: &str| noise.iter().find(|(text, _)| text.starts_with(t)).map(|(_, r)| r.as_str());
    assert_eq!(reason("【导  读】"), Some("editor_note"));
    assert_eq!(reason("[1]双向"), Some("footnote"), "{noise:?}");
    assert_eq!(reason("李莎莎"), Some("source_line"));
    assert_eq!(reason("扫一扫"), Some("navigation"));
    assert_eq!(reason("abcd39f1"), Some("navigation"));
    assert!(matches!(reason("干部群众热议"), Some("related_content" | "navigation")));
    assert_eq!(reason("解读政府工作报告"), Some("related_content"));
    let texts: Vec<&str> = seg.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(texts.contains(&"我们要推动企业找技术、成果找市场“双向揭榜挂帅”，加快科技成果转化。"), "{texts:?}");
    assert!(texts.contains(&"各位代表："));
    assert!(seg.diagnostics.iter().any(|d| d.kind == DiagnosticKind::TornLine));
    assert!(!seg.truncated);
    common::check_invariants(&src, &jianggao::parse(&src));
}

#[test]
fn should_read_a_lone_carriage_return_as_a_line_end() {
    let lf = segment(&gov_page("\n"));
    let cr = segment(&gov_page("\r"));
    let texts = |s: &Segmented| s.blocks.iter().map(|b| b.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&lf), texts(&cr));
    assert_eq!(lf.noise.len(), cr.noise.len());
    let src = gov_page("\r");
    common::check_invariants(&src, &jianggao::parse(&src));
}

#[test]
fn should_cut_markdown_and_bilingual_debris_and_keep_the_speech() {
    let src = "## 新年贺词\n\n> 新年前夕，主席发表了新年贺词。\n\n大家好！<br/>Greetings to you all!\n\n我们要继续奋斗，创造新的辉煌。<br/>We will keep striving for new glories.\n\n谢谢大家！";
    let seg = segment(src);
    let texts: Vec<&str> = seg.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["新年贺词", "大家好！", "我们要继续奋斗，创造新的辉煌。", "谢谢大家！"]);
    let reasons: Vec<String> = seg.noise.iter().map(|n| n.reason.to_string()).collect();
    assert_eq!(reasons, ["markup", "editor_note", "translation", "translation"]);
    common::check_invariants(src, &jianggao::parse(src));
}

#[test]
fn should_not_call_a_text_ending_with_its_date_truncated() {
    let body = "我们要坚持稳中求进，推动高质量发展，把各项工作做实做细做好。\n".repeat(3);
    for end in ["任总：比世界还大的世界，就是你的心胸。（2016年6月27日）", "谢谢大家！\n2016年6月27日"]
    {
        let src = format!("{body}{end}");
        assert!(!segment(&src).truncated, "{end}");
    }
    let src = format!("{body}我们要坚持稳中求进，推动高质量发展，把各项工作（部分）");
    assert!(segment(&src).truncated);
}

// ---------------------------------------------------------------- line ends and widths, against a walk by characters

/// [`wrap_width`] a character at a time.
fn naive_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == ' ' { 1 } else { 2 }).sum()
}

#[test]
fn should_count_wrap_width_as_one_per_narrow_character() {
    let long = "党的建设Windows 10，第3页 ".repeat(40);
    for s in ["", "a", "党", "a b", "ＡＢ12", "\u{3000}x", "Z@[`{0", long.as_str()] {
        assert_eq!(wrap_width(s), naive_width(s), "{s}");
    }
    for b in 0u8..128 {
        let s = char::from(b).to_string();
        assert_eq!(wrap_width(&s), naive_width(&s), "{b:X}");
    }
}

#[test]
fn should_end_clauses_and_sentences_as_the_last_significant_character_says() {
    let naive_sentence = |s: &str| last_significant(s).is_some_and(jianggao::normalize::is_sentence_end);
    let naive_clause = |s: &str| last_significant(s).is_some_and(jianggao::normalize::is_clause_end);
    let ends = [
        "",
        "党",
        "a",
        "。",
        "！",
        "!",
        "?",
        "？",
        ";",
        "；",
        ":",
        "：",
        ".",
        "，",
        "”",
        "\"",
        "'",
        ")",
        "）",
        "》",
        "」",
        "〃",
        "…",
        "䷀",
        "㐀",
        "鿿",
        "\u{10FFFF}",
        "é",
    ];
    for a in ends {
        for b in ends {
            for c in ends {
                let s = format!("{a}{b}{c}");
                assert_eq!(ends_sentence(&s), naive_sentence(&s), "{s:?}");
                assert_eq!(ends_clause(&s), naive_clause(&s), "{s:?}");
            }
        }
    }
    for b in 0u8..128 {
        let s = format!("党{}", char::from(b));
        assert_eq!(ends_sentence(&s), naive_sentence(&s), "{b:X}");
        assert_eq!(ends_clause(&s), naive_clause(&s), "{b:X}");
    }
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = format!("要{c}");
        assert_eq!(ends_sentence(&s), naive_sentence(&s), "{:X}", c as u32);
        assert_eq!(ends_clause(&s), naive_clause(&s), "{:X}", c as u32);
    }
}

/// A text with a blank line after every paragraph (as copied from a web
/// page or a chat app): the blank lines around a torn word, or between a
/// chrome key and its value, do not keep them apart.
#[test]
fn blank_lines_after_every_paragraph_should_not_stop_torn_words_or_field_values() {
    let src = "在全区作风建设会议上的讲话\n\n同志们：\n\n今天召开会议，主要讲两个问题。\n\n一、关于成绩\n\n\
        过去一年，我们抓了三件事。其中，改革试点的做法被称为“双向\n\n揭榜\n\n挂帅”，得到了上级的肯定。\n\n\
        二、关于任务\n\n今年要继续抓好落实，确保各项工作取得实效。\n\n谢谢大家！\n\n责任编辑：\n\n王晓明\n";
    let seg = segment(src);
    assert_lossless(src, &seg);
    assert!(in_one_block(&seg, "被称为“双向揭榜挂帅”，得到了"), "{:?}", texts(&seg));
    let value = seg.noise.iter().find(|n| n.text == "王晓明").expect("the editor's name is noise");
    assert_eq!(value.reason, NoiseReason::SourceLine);
    // With blank lines only here and there, a blank line still parts them.
    let sparse = "一、关于成绩\n过去一年，我们抓了三件事。其中，改革试点的做法被称为“双向\n\n揭榜\n\n挂帅”，得到了上级的肯定。\n\
        二、关于任务\n今年要继续抓好落实，确保各项工作取得实效。\n要把任务分解到人。\n要按期完成。\n谢谢大家！\n";
    assert!(!in_one_block(&segment(sparse), "双向揭榜"));
}

//! Speech boundaries and metadata: each rule on small texts, the seeds
//! through segmentation, and the lossless promise.

mod common;

use common::seed;
use jianggao::meta::{plan, SpeechPlan};
use jianggao::outline::parallel_sections;
use jianggao::segment::{segment, Block};
use jianggao::{Noise, NoiseReason, Span};

/// Segments and plans `src`; checks that nothing is lost or counted twice.
fn run(src: &str) -> (Vec<SpeechPlan>, Vec<Noise>) {
    let seg = segment(src);
    let mut noise = seg.noise.clone();
    let plans = plan(src, seg.blocks, &mut noise);
    assert_lossless(src, &plans, &noise);
    (plans, noise)
}

/// Every non-whitespace character of `src` lies in exactly one piece: a body
/// block, a title/metadata/greeting/closing span, or a noise span.
fn assert_lossless(src: &str, plans: &[SpeechPlan], noise: &[Noise]) {
    let mut count = vec![0u32; src.len()];
    let mark_span = |count: &mut Vec<u32>, s: Span| {
        for (i, c) in src[s.range()].char_indices() {
            if !c.is_whitespace() {
                count[s.start + i] += 1;
            }
        }
    };
    for n in noise {
        mark_span(&mut count, n.span);
    }
    for p in plans {
        let m = &p.metadata;
        let spans = [
            p.title.as_ref().map(|t| t.1),
            p.greeting.as_ref().map(|t| t.1),
            p.closing.as_ref().map(|t| t.1),
            m.speaker_span,
            m.date_span,
            m.occasion_span,
            m.source_span,
        ];
        for s in spans.into_iter().flatten() {
            mark_span(&mut count, s);
        }
        for b in &p.body {
            for (i, c) in b.text.char_indices() {
                if !c.is_whitespace() {
                    count[b.map.to_source(i)] += 1;
                }
            }
        }
    }
    for (i, c) in src.char_indices() {
        if !c.is_whitespace() {
            assert_eq!(count[i], 1, "char {c:?} at {i} counted {} times in {src:?}", count[i]);
        }
    }
}

fn title(p: &SpeechPlan) -> Option<&str> {
    p.title.as_ref().map(|t| t.0.as_str())
}

fn noise_with<'a>(noise: &'a [Noise], reason: &str) -> Vec<&'a str> {
    noise.iter().filter(|n| n.reason.as_str() == reason).map(|n| n.text.as_str()).collect()
}

// ---- titles ----

#[test]
fn should_unwrap_a_genre_wrapper_and_keep_its_chars_as_noise() {
    let src = "党课《强化学习意识》\n同志们：\n今天讲一课。主要讲三点。";
    let (plans, noise) = run(src);
    assert_eq!(title(&plans[0]), Some("强化学习意识"));
    let span = plans[0].title.as_ref().unwrap().1;
    assert_eq!(&src[span.range()], "强化学习意识");
    assert_eq!(noise_with(&noise, "title_wrapper"), vec!["党课《", "》"]);
}

#[test]
fn should_unwrap_book_title_marks_but_not_a_quoted_work_inside_a_title() {
    let (plans, _) = run("《坚定理想信念》\n今天讲一课。主要讲三点。");
    assert_eq!(title(&plans[0]), Some("坚定理想信念"));
    let (plans, _) = run("学习《条例》的体会\n今天讲一课。主要讲三点。");
    assert_eq!(title(&plans[0]), Some("学习《条例》的体会"));
}

#[test]
fn should_read_occasion_from_a_zai_shang_de_jianghua_title_without_a_span() {
    let (plans, _) = run("在全市新任科级领导干部廉政谈话会上的讲话\n同志们：\n今天开会。会议很重要。");
    let m = &plans[0].metadata;
    assert_eq!(m.occasion.as_deref(), Some("全市新任科级领导干部廉政谈话会"));
    assert_eq!(m.occasion_span, None);
    assert_eq!(m.speaker, None);
}

#[test]
fn should_read_speaker_and_occasion_from_a_byline_subtitle() {
    let src = "坚定理想信念 勇于担当作为\n——张三同志在全市工作会议上的讲话\n同志们：\n今天开会。会议很重要。";
    let (plans, noise) = run(src);
    let p = &plans[0];
    assert_eq!(title(p), Some("坚定理想信念 勇于担当作为"));
    assert_eq!(p.metadata.speaker.as_deref(), Some("张三"));
    assert_eq!(&src[p.metadata.speaker_span.unwrap().range()], "张三");
    assert_eq!(p.metadata.occasion.as_deref(), Some("全市工作会议"));
    assert_eq!(&src[p.metadata.occasion_span.unwrap().range()], "全市工作会议");
    assert!(noise_with(&noise, "subtitle").contains(&"——"));
}

#[test]
fn should_read_a_byline_run_on_to_the_occasion_line_by_a_rejoined_wrap() {
    // The occasion line nearly filled its printed line; the wrap joined the
    // byline to it without a space.
    let src = "某省2026年政府工作报告\n2026年1月27日在某省第十四届人民代表大会第四次会议上某省省长 张三\n各位代表：\n现在，我代表省人民政府向大会报告工作。";
    let (plans, _) = run(src);
    let m = &plans[0].metadata;
    assert_eq!(m.speaker.as_deref(), Some("张三"));
    assert_eq!(m.date.as_deref(), Some("2026-01-27"));
    assert_eq!(m.occasion.as_deref(), Some("某省第十四届人民代表大会第四次会议"));
    // Without a role before it, what follows `上` is no byline.
    let src =
        "某省2026年政府工作报告\n2026年1月27日在全省大会上强调\n各位代表：\n现在，我代表省人民政府向大会报告工作。";
    let (plans, _) = run(src);
    assert_eq!(plans[0].metadata.occasion, None);
}

#[test]
fn should_split_a_one_line_double_title_with_a_byline() {
    let src = "凝心聚力谋发展——在全县经济工作会议上的讲话\n同志们：\n今天开会。会议很重要。";
    let (plans, _) = run(src);
    assert_eq!(title(&plans[0]), Some("凝心聚力谋发展"));
    assert_eq!(plans[0].metadata.occasion.as_deref(), Some("全县经济工作会议"));
    assert!(plans[0].metadata.occasion_span.is_some());
    assert_eq!(plans[0].metadata.speaker, None);
}

#[test]
fn should_join_a_plain_subtitle_to_the_title() {
    let src = "守初心担使命\n——学习贯彻全会精神的几点体会\n今天开会。会议很重要。";
    let (plans, _) = run(src);
    assert_eq!(title(&plans[0]), Some("守初心担使命——学习贯彻全会精神的几点体会"));
    assert_eq!(plans[0].body.len(), 1);
}

#[test]
fn should_choose_the_title_among_leftover_chrome_lines() {
    let src = "仅供学习 禁止外传\n某某文库\n现在订阅立享全部资料\n在全县干部大会上的讲话\n某某文库整理，咨询QQ12345\n同志们：\n今天开会。会议很重要。";
    let (plans, noise) = run(src);
    assert_eq!(title(&plans[0]), Some("在全县干部大会上的讲话"));
    // Dropped as noise, whichever stage saw it first (a watermark line).
    assert!(noise.iter().any(|n| n.text == "某某文库整理，咨询QQ12345"));
    assert_eq!(plans[0].greeting.as_ref().unwrap().0, "同志们");
}

#[test]
fn should_not_take_a_heading_or_a_sentence_as_title() {
    let (plans, _) = run("一、总体要求\n要抓好落实。");
    assert_eq!(title(&plans[0]), None);
    assert_eq!(plans[0].body.len(), 2);
    let (plans, _) = run("要抓好落实。\n一、总体要求");
    assert_eq!(title(&plans[0]), None);
    assert_eq!(plans[0].body.len(), 2);
}

#[test]
fn should_make_a_repeated_title_noise() {
    let src = "严以用权研讨发言\n今天开会。会议很重要。\n严以用权研讨发言";
    let (plans, noise) = run(src);
    assert_eq!(title(&plans[0]), Some("严以用权研讨发言"));
    assert_eq!(noise_with(&noise, "repeated_title"), vec!["严以用权研讨发言"]);
    assert_eq!(plans[0].body.len(), 1);
}

#[test]
fn should_cut_a_title_run_into_the_first_paragraph() {
    let src =
        "权力与责任的关系\n权力与责任权力与责任的关系权力是责任和义务的结合体。拥有多大的权力，就要负多大的责任。";
    let (plans, noise) = run(src);
    assert_eq!(noise_with(&noise, "repeated_title"), vec!["权力与责任权力与责任的关系"]);
    assert!(plans[0].body[0].text.starts_with("权力是责任"));
}

// ---- speaker ----

#[test]
fn should_read_a_name_line_under_the_title() {
    let (plans, _) = run("做一名合格的党员\n王维东\n在党组织的关怀下，我参加了学习。收获很大。");
    assert_eq!(plans[0].metadata.speaker.as_deref(), Some("王维东"));
}

#[test]
fn should_read_bylines_and_labelled_names() {
    let (plans, _) = run("做一名合格的党员\n（李建国同志）\n今天开会。会议很重要。");
    assert_eq!(plans[0].metadata.speaker.as_deref(), Some("李建国"));
    let (plans, noise) = run("做一名合格的党员\n作者：赵明 来源：人民网\n今天开会。会议很重要。");
    assert_eq!(plans[0].metadata.speaker.as_deref(), Some("赵明"));
    assert!(noise_with(&noise, "metadata_line").iter().any(|t| t.contains("来源")));
    let (plans, _) = run("专题党课\n主讲人：欧阳明\n今天开会。会议很重要。");
    assert_eq!(plans[0].metadata.speaker.as_deref(), Some("欧阳明"));
}

#[test]
fn should_never_invent_a_speaker_from_a_role() {
    let (plans, noise) = run("市委书记严以用权专题研讨发言材料\n市委书记\n今天开会。会议很重要。");
    assert_eq!(plans[0].metadata.speaker, None);
    assert!(!noise.is_empty() || plans[0].body.len() == 2);
    let (plans, _) = run("市委书记在全市大会上的讲话\n今天开会。会议很重要。");
    assert_eq!(plans[0].metadata.speaker, None);
    assert_eq!(plans[0].metadata.occasion.as_deref(), Some("全市大会"));
}

// ---- dates ----

fn date_of(src: &str) -> (Option<String>, Option<String>) {
    let (plans, _) = run(src);
    let m = &plans[0].metadata;
    (m.date.clone(), m.date_span.map(|s| src[s.range()].to_string()))
}

#[test]
fn should_read_a_header_date_in_every_common_form() {
    let cases = [
        ("标题一行\n点击:0时间:2022-06-03 00:27:18\n今天开会。会议很重要。", "2022-06-03", "2022-06-03"),
        ("标题一行\n（2019年3月5日）\n今天开会。会议很重要。", "2019-03-05", "2019年3月5日"),
        ("标题一行\n二〇一九年十一月二十三日\n今天开会。会议很重要。", "2019-11-23", "二〇一九年十一月二十三日"),
        ("标题一行\n2019.3.5\n今天开会。会议很重要。", "2019-03-05", "2019.3.5"),
        ("标题一行\n日期：2019/03/05\n今天开会。会议很重要。", "2019-03-05", "2019/03/05"),
    ];
    for (src, value, written) in cases {
        let (d, s) = date_of(src);
        assert_eq!(d.as_deref(), Some(value), "{src}");
        assert_eq!(s.as_deref(), Some(written), "{src}");
    }
}

#[test]
fn should_take_the_date_from_a_footer_and_leave_the_rest_as_noise() {
    let src = "标题一行\n今天开会。会议很重要。\n本文2015-11-30 13:45:21发表“发言稿”栏目。";
    let (plans, noise) = run(src);
    assert_eq!(plans[0].metadata.date.as_deref(), Some("2015-11-30"));
    let rest = noise_with(&noise, "metadata_line");
    assert_eq!(rest, vec!["本文", "13:45:21发表“发言稿”栏目。"]);
    assert_eq!(plans[0].body.len(), 1);
}

#[test]
fn should_prefer_the_header_date_over_the_footer_date() {
    let src = "标题一行\n时间:2019-11-23\n今天开会。会议很重要。\n本文2015-11-30 13:45:21发表。";
    let (plans, _) = run(src);
    assert_eq!(plans[0].metadata.date.as_deref(), Some("2019-11-23"));
}

#[test]
fn should_not_take_a_date_inside_a_body_paragraph() {
    let src = "标题一行\n2014年10月8日，总书记在会上强调。我们要认真学习。\n要抓好落实。";
    let (plans, _) = run(src);
    assert_eq!(plans[0].metadata.date, None);
    assert_eq!(plans[0].body.len(), 2);
}

// ---- source ----

#[test]
fn should_read_a_source_url_in_its_forms() {
    for (line, url) in [
        ("本文链接:https://www.wenmi123.com/article/284997.html", "https://www.wenmi123.com/article/284997.html"),
        ("来源：http://www.example.org/a/1.html", "http://www.example.org/a/1.html"),
        ("www.example.cn/news/2.shtml", "www.example.cn/news/2.shtml"),
    ] {
        let src = format!("标题一行\n今天开会。会议很重要。\n{line}");
        let (plans, _) = run(&src);
        let m = &plans[0].metadata;
        assert_eq!(m.source.as_deref(), Some(url));
        assert_eq!(&src[m.source_span.unwrap().range()], url);
        assert_eq!(plans[0].body.len(), 1);
    }
}

// ---- greeting and closing ----

#[test]
fn should_read_greetings_whole_or_at_the_start_of_a_block() {
    for (g, words) in
        [("同志们、朋友们：", "同志们、朋友们"), ("各位代表：", "各位代表"), ("各位领导、同志们：", "各位领导、同志们")]
    {
        let src = format!("{g}\n今天开会。会议很重要。");
        let (plans, _) = run(&src);
        assert_eq!(plans[0].greeting.as_ref().unwrap().0, words);
        assert_eq!(plans[0].body.len(), 1);
    }
    let src = "各位领导、同志们：今天开会。会议很重要。";
    let (plans, _) = run(src);
    assert_eq!(plans[0].greeting.as_ref().unwrap().0, "各位领导、同志们");
    assert_eq!(plans[0].body[0].text, "今天开会。会议很重要。");
}

#[test]
fn should_not_read_a_sentence_with_a_colon_as_greeting() {
    let (plans, _) = run("同志们职务提升后要注意：一是要学习。");
    assert!(plans[0].greeting.is_none());
}

#[test]
fn should_read_closings_at_the_end_even_before_a_watermark() {
    for (end, words) in [("谢谢大家！", "谢谢大家"), ("谢谢！", "谢谢"), ("谢谢各位。", "谢谢各位")]
    {
        let src = format!("同志们：\n今天开会。会议很重要。\n{end}\n某某文库整理，咨询QQ206157060");
        let (plans, noise) = run(&src);
        assert_eq!(plans[0].closing.as_ref().unwrap().0, words);
        assert_eq!(&src[plans[0].closing.as_ref().unwrap().1.range()], end);
        assert_eq!(plans[0].body.len(), 1);
        assert!(noise.iter().any(|n| n.text.contains("QQ")));
    }
    let (plans, _) = run("同志们：\n今天开会。会议很重要。让我们努力奋斗！谢谢大家！");
    assert_eq!(plans[0].closing.as_ref().unwrap().0, "谢谢大家");
    assert_eq!(plans[0].body[0].text, "今天开会。会议很重要。让我们努力奋斗！");
}

#[test]
fn should_not_read_a_final_exhortation_as_closing() {
    let (plans, _) = run("同志们：\n今天开会。会议很重要。\n同志们，让我们携起手来，共创美好明天！");
    assert!(plans[0].closing.is_none());
    assert_eq!(plans[0].body.len(), 2);
    assert!(jianggao::build::opens_conclusion(&plans[0].body[1].text));
}

// ---- collections ----

#[test]
fn should_split_a_collection_at_pian_markers() {
    let src = "讲话汇编\n篇一\n在全县大会上的讲话\n同志们：\n今天开会。会议很重要。\n谢谢大家！\n篇二\n在全市大会上的讲话\n各位代表：\n今天开会。会议很重要。";
    let (plans, noise) = run(src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[0]), Some("在全县大会上的讲话"));
    assert_eq!(title(&plans[1]), Some("在全市大会上的讲话"));
    assert_eq!(plans[0].closing.as_ref().unwrap().0, "谢谢大家");
    assert_eq!(plans[1].greeting.as_ref().unwrap().0, "各位代表");
    assert_eq!(plans[1].metadata.occasion.as_deref(), Some("全市大会"));
    assert_eq!(noise_with(&noise, "collection_marker"), vec!["篇一", "篇二"]);
    assert_eq!(noise_with(&noise, "collection_title"), vec!["讲话汇编"]);
}

#[test]
fn should_split_a_collection_at_di_pian_markers() {
    let src = "第一篇 在全县大会上的讲话\n同志们：\n今天开会。会议很重要。\n第二篇：在全市大会上的讲话\n同志们：\n明天开会。会议很重要。";
    let (plans, noise) = run(src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[1]), Some("在全市大会上的讲话"));
    assert_eq!(noise_with(&noise, "collection_marker"), vec!["第一篇", "第二篇："]);
}

#[test]
fn should_keep_a_title_that_opens_with_the_idiom_pian_yi_lv() {
    // The marker grammar refuses `篇一律` (`千篇一律`): the line is a
    // title, not a collection marker before one.
    let src = "篇一律师行业座谈会上的讲话\n同志们：\n今天开会。会议很重要。";
    let (plans, noise) = run(src);
    assert_eq!(plans.len(), 1);
    assert_eq!(title(&plans[0]), Some("篇一律师行业座谈会上的讲话"));
    assert!(noise_with(&noise, "collection_marker").is_empty());
}

#[test]
fn should_read_a_toc_as_noise_and_give_the_header_title_to_the_first_piece() {
    let src = "党课《强化政治机关意识着力打造模范机关》\n申明敬告: 本站不保证文档完整性,不予受理。\n文档介绍\n党课《强化政治机关意识着力打造模范机关》\n目录\n篇一\n1\n2.\"提高政治意识.严守政治规矩专题党课讲稿 10\n篇一\n同志们:\n今天,为大家上一堂专题党课。具体是要争做“四型人”。\n一、争做举旗人\n要坚决做到“两个维护”。\n同志们,让我们科学有序推进工会重点工作。为实现战略作出新的贡献。\n\"提高政治意识.严守政治规矩.坚强机关党的组织建设\"专题党课讲稿\n根据主题教育计划安排,今天由我给大家讲一课。主要讲四个方面内容。\n一、紧紧扭住先进性根基不放\n党的意识是党员的灵魂。";
    let (plans, noise) = run(src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[0]), Some("强化政治机关意识着力打造模范机关"));
    assert_eq!(plans[0].greeting.as_ref().unwrap().0, "同志们");
    assert!(plans[0].closing.is_none());
    assert_eq!(title(&plans[1]), Some("\"提高政治意识.严守政治规矩.坚强机关党的组织建设\"专题党课讲稿"));
    // The bare page number `1` may already be noise of the segment stage.
    assert_eq!(noise_with(&noise, "toc"), vec!["目录", "篇一", "2.\"提高政治意识.严守政治规矩专题党课讲稿 10"]);
    assert_eq!(noise_with(&noise, "collection_marker"), vec!["篇一"]);
    assert_eq!(noise_with(&noise, "repeated_title").len(), 1);
    assert!(plans[1].body[0].text.starts_with("根据主题教育"));
}

#[test]
fn should_split_at_a_second_title_after_a_closing() {
    let src = "在全县大会上的讲话\n时间:2019-11-23\n同志们：\n今天开会。会议很重要。\n谢谢大家！\n抓党建促发展\n今年以来，我们认真落实。成效明显。";
    let (plans, _) = run(src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[1]), Some("抓党建促发展"));
    assert_eq!(plans[0].metadata.date.as_deref(), Some("2019-11-23"));
    assert_eq!(plans[1].metadata.date, None);
    assert_eq!(plans[0].closing.as_ref().unwrap().0, "谢谢大家");
}

#[test]
fn should_split_at_a_second_title_whose_header_runs_to_several_lines() {
    // Two pages saved into one file: the second title is followed by a
    // subtitle, a name line and a date-and-time line before its greeting.
    let first =
        "全县工作报告\n各位代表：\n过去一年，我们认真落实。成效明显。\n名词解释\n1.“两重”：是指国家重大战略实施。\n";
    let header = "――2026年1月27日在全市人民代表大会上\n市长 张三\n2026-01-31 07:00:44\n";
    let src = format!("{first}政府工作报告\n{header}各位代表：\n现在，我代表市人民政府向大会报告工作。请予审议。\n");
    let (plans, _) = run(&src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[1]), Some("政府工作报告"));
    assert_eq!(plans[1].metadata.speaker.as_deref(), Some("张三"));
    // A long line before the header lines: the title opens nothing.
    let long = "这是一行很长的说明文字没有句号".repeat(5);
    let src = format!("{first}政府工作报告\n{long}\n{header}各位代表：\n现在开会。\n");
    assert_eq!(run(&src).0.len(), 1);
}

/// The first of two pages saved into one file: a report that ends with a
/// call (`让我们…`), not a closing.
const FIRST_PAGE: &str = "全县工作报告\n各位代表：\n过去一年，我们认真落实各项任务，成效明显。\n今年要抓好发展。\n各位代表！让我们团结一心，开拓进取，奋力谱写新篇章！\n";

#[test]
fn should_split_at_a_second_title_after_a_page_chrome_run() {
    // The second page's share and print links stand between the first
    // page's last paragraph and its title: the second speech starts at
    // the chrome, which its header reading takes apart.
    let src = format!(
        "{FIRST_PAGE}分享:\n打印\n【字号：\n大\n】\n2026年全市政府工作报告\n——2026年1月27日在全市人民代表大会上\n市长 张三\n各位代表：\n现在，我代表市人民政府向大会报告工作。请予审议。\n"
    );
    let (plans, _) = run(&src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[1]), Some("2026年全市政府工作报告"));
    assert_eq!(plans[1].greeting.as_ref().unwrap().0, "各位代表");
    assert!(plans[0].body.iter().all(|b| !b.text.contains("分享")));
    assert!(plans[1].body.iter().all(|b| !b.text.contains("分享") && !b.text.contains("打印")));
    // The same chrome before a line naming no genre: a heading inside the
    // speech, no new page.
    let src = format!("{FIRST_PAGE}分享:\n打印\n抓党建促发展\n市长 张三\n各位代表：\n现在开会。请予审议。\n");
    assert_eq!(run(&src).0.len(), 1);
}

#[test]
fn should_split_at_a_second_title_whose_page_header_runs_long() {
    // Breadcrumbs, the title again, a date-and-time and a source line
    // between the second title and its greeting: a page's header.
    let header = "——2026年1月27日在全市人民代表大会上\n首页\n>\n政府信息公开\n>\n2026年全市政府工作报告\n时间：\n2026-02-02 09:20\n来源：\n市人民政府\n分享:\n";
    let src = format!(
        "{FIRST_PAGE}2026年全市政府工作报告\n{header}各位代表：\n现在，我代表市人民政府向大会报告工作。请予审议。\n"
    );
    let (plans, _) = run(&src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[1]), Some("2026年全市政府工作报告"));
    // As many short lines with no page's mark (no date, no source, no
    // title again): a list inside the speech, no new page.
    let list = "产业发展\n民生保障\n生态建设\n城乡融合\n对外开放\n安全稳定\n科技创新\n";
    let src = format!("{FIRST_PAGE}2026年全市政府工作报告\n{list}各位代表：\n现在开会。请予审议。\n");
    assert_eq!(run(&src).0.len(), 1);
}

#[test]
fn should_not_split_at_a_cheer_after_a_closing_cheer() {
    // `中華民國萬歲！` after `台灣民主萬歲！` ends the first speech; the
    // second opens, untitled, at its greeting.
    let src = "各位貴賓、各位鄉親：\n今天我們在這裡。我們要努力。\n現在，請大家跟我一起高呼：\n台灣民主萬歲！\n中華民國萬歲！\n各位友邦元首、各位貴賓：\n四年前，我們完成了選舉。我們要前進。\n";
    let (plans, _) = run(src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[1]), None);
    assert_eq!(plans[1].greeting.as_ref().unwrap().0, "各位友邦元首、各位貴賓");
}

#[test]
fn should_not_split_at_a_quoted_report_title_or_related_headlines() {
    // A speech that names another speech's title on a line of its own
    // after a short line, then goes on with no greeting or header: one
    // speech (a call `让我们…` before it would end the speech).
    let body = "全县工作报告\n各位代表：\n过去一年，我们认真落实各项任务，成效明显。\n今年要抓好发展。\n";
    let src = format!("{body}分享:\n2026年全市政府工作报告\n这份报告写得很好。大家要认真学习。\n");
    let (plans, _) = run(&src);
    assert_eq!(plans.len(), 1, "{:?}", plans.iter().map(|p| title(p)).collect::<Vec<_>>());
    // A footer, then related-article headlines naming a genre: no speech
    // follows them.
    let src = format!(
        "{FIRST_PAGE}责任编辑：李四\n相关链接>>\n市长在全市工作会议上的讲话\n全市政府工作报告解读\n打印本页\n关闭窗口\n"
    );
    assert_eq!(run(&src).0.len(), 1);
}

#[test]
fn should_drop_a_page_description_that_repeats_the_opening() {
    // A page's description, saved after its footer: the greeting and the
    // first paragraph again, before the next page's title.
    let opening = "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。\n";
    let src = format!(
        "全市政府工作报告\n{opening}过去一年，我们认真落实各项任务，成效明显。\n今年要抓好发展。\n各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。\n政府工作报告\n——2026年1月27日在全县人民代表大会上\n县长 张三\n各位代表：\n现在开会。请予审议。\n"
    );
    let (plans, noise) = run(&src);
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0].body.len(), 3);
    assert!(noise_with(&noise, "trailer").iter().any(|t| t.starts_with("各位代表：现在")));
    // A last paragraph that turns to the audience with new words is speech.
    let src = format!("全市政府工作报告\n{opening}过去一年，我们认真落实各项任务。\n今年要抓好发展。\n各位代表：让我们团结一心，奋力谱写新篇章！\n");
    let (plans, _) = run(&src);
    assert_eq!(plans[0].body.len(), 4);
}

#[test]
fn should_not_split_at_a_short_unmarked_heading_inside_a_speech() {
    let src = "在全县大会上的讲话\n同志们：\n今天开会。会议很重要。\n抓党建促发展\n今年以来，我们认真落实。成效明显。";
    let (plans, _) = run(src);
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].body.len(), 3);
}

/// A preview that lost its line breaks: the first title runs into the text,
/// and so does the second piece's title, after the first piece's last
/// sentence.
fn collapsed_preview(second: &str, outline: &str) -> String {
    let first = "基层治理是国家治理的基石，治理效能直接关系群众的获得感。".repeat(8);
    format!(
        "抓好基层治理\n抓好基层治理抓好基层治理{first}只有这样，基层治理才能行稳致远。{second}\n{outline}要压实工作责任，层层传导压力。\n二、要健全工作机制，形成工作合力。"
    )
}

#[test]
fn should_split_off_a_second_title_run_into_a_collapsed_preview() {
    let src = collapsed_preview("全面推进乡村振兴加快农业农村现代化步伐乡村振兴,是新时代三农工作的总抓手。", "一、");
    let (plans, _) = run(&src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[0]), Some("抓好基层治理"));
    // The body's first subject (乡村振兴) repeats a title word: it stays body text.
    assert_eq!(title(&plans[1]), Some("全面推进乡村振兴加快农业农村现代化步伐"));
    assert!(plans[0].body.last().unwrap().text.ends_with("才能行稳致远。"));
    assert!(plans[1].body[0].text.starts_with("乡村振兴,是新时代"));
}

#[test]
fn should_not_split_a_collapsed_preview_without_a_new_outline() {
    // The same clause, but no outline with ordinal 1 follows it.
    let src = collapsed_preview("全面推进乡村振兴加快农业农村现代化步伐乡村振兴,是新时代三农工作的总抓手。", "");
    let (plans, _) = run(&src);
    assert_eq!(plans.len(), 1);
}

#[test]
fn should_not_split_at_a_prose_clause_in_a_collapsed_preview() {
    let src = collapsed_preview("近年来我们坚持把乡村振兴作为工作的重中之重,取得了明显成效。", "一、");
    let (plans, _) = run(&src);
    assert_eq!(plans.len(), 1);
}

#[test]
fn should_not_look_for_run_on_titles_when_line_breaks_are_kept() {
    // Title on its own line, body not run into it: nothing says the breaks
    // were lost, so a title-like clause mid-paragraph stays prose.
    let src = collapsed_preview("全面推进乡村振兴加快农业农村现代化步伐乡村振兴,是新时代三农工作的总抓手。", "一、")
        .replacen("抓好基层治理抓好基层治理", "", 1);
    let (plans, _) = run(&src);
    assert_eq!(plans.len(), 1);
}

// ---- parallel sections ----

fn blocks_of(texts: &[&str]) -> Vec<Block> {
    let src = texts.join("\n");
    let seg = segment(&src);
    assert_eq!(seg.blocks.len(), texts.len());
    seg.blocks
}

#[test]
fn should_find_xinzhongyou_parallel_sections() {
    let b = blocks_of(&[
        "在党组织的关怀下，我参加了学习。",
        "心中有党，是对党员干部最基本的要求。心中有党，首要的是讲政治。",
        "心中有民，就是要全心全意为人民服务。",
        "心中有责，是党员领导干部从政履职之要。",
        "心中有戒，就是要增强规矩意识。",
    ]);
    let found = parallel_sections(&b);
    let titles: Vec<&str> = found.iter().map(|&(i, l)| &b[i].text[..l]).collect();
    assert_eq!(
        titles,
        vec![
            "心中有党，是对党员干部最基本的要求",
            "心中有民，就是要全心全意为人民服务",
            "心中有责，是党员领导干部从政履职之要",
            "心中有戒，就是要增强规矩意识"
        ]
    );
}

#[test]
fn should_find_parallel_sections_with_a_two_char_prefix_and_gaps() {
    let b = blocks_of(&[
        "坚持党的全面领导，确保正确方向。要把方向。",
        "这是第一点的展开。",
        "坚持以人民为中心，始终站稳人民立场。",
        "坚持全面深化改革，不断增强发展动力。",
    ]);
    let found: Vec<usize> = parallel_sections(&b).iter().map(|f| f.0).collect();
    assert_eq!(found, vec![0, 2, 3]);
}

#[test]
fn should_not_find_parallel_sections_in_ordinary_openings() {
    let b = blocks_of(&[
        "我们要加强学习，提高本领。",
        "我们要改进作风，密切联系群众。",
        "我们要严守纪律，筑牢防线。",
        "要抓好落实，确保实效。",
        "要加强领导，压实责任。",
        "要营造氛围，形成合力。",
        "在工作中，要注意方法。",
        "在生活中，要严格自律。",
        "在学习上，要持之以恒。",
    ]);
    assert!(parallel_sections(&b).is_empty());
    let two = blocks_of(&["心中有党，是基本要求。", "心中有民，就是要服务。", "今天就讲到这里。"]);
    assert!(parallel_sections(&two).is_empty());
}

// ---- seeds through the baseline segmentation ----

#[test]
fn seed_000_title_footer_date_and_source() {
    let src = seed("000");
    let (plans, noise) = run(&src);
    assert_eq!(plans.len(), 1);
    let p = &plans[0];
    assert_eq!(title(p), Some("市委书记严以用权专题研讨发言材料"));
    assert_eq!(p.metadata.date.as_deref(), Some("2015-11-30"));
    assert_eq!(p.metadata.source.as_deref(), Some("https://www.wenmi123.com/article/284997.html"));
    assert_eq!(p.metadata.speaker, None);
    assert!(p.greeting.is_none() && p.closing.is_none());
    assert!(p.body.last().unwrap().text.starts_with("第三"));
    assert_eq!(noise_with(&noise, "repeated_title").len(), 1);
    for absent in ["本文链接", "13:45:21", "发表“发言稿”"] {
        assert!(p.body.iter().all(|b| !b.text.contains(absent)));
    }
}

#[test]
fn seed_001_first_title_and_header_date() {
    let src = seed("001");
    let (plans, _) = run(&src);
    assert_eq!(title(&plans[0]), Some("权力与责任的关系"));
    assert_eq!(plans[0].metadata.date.as_deref(), Some("2019-11-23"));
    assert!(plans[0].body.iter().all(|b| !b.text.contains("温馨提示")));
    // The second piece's title runs into the text after the first piece.
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[1].metadata.date, None);
}

#[test]
fn seed_002_title_occasion_greeting_closing() {
    let src = seed("002");
    let (plans, noise) = run(&src);
    assert_eq!(plans.len(), 1);
    let p = &plans[0];
    assert_eq!(title(p), Some("在全市新任科级领导干部廉政谈话会上的讲话"));
    assert_eq!(p.metadata.occasion.as_deref(), Some("全市新任科级领导干部廉政谈话会"));
    assert_eq!(p.greeting.as_ref().unwrap().0, "同志们");
    assert_eq!(p.closing.as_ref().unwrap().0, "谢谢大家");
    assert_eq!(p.metadata.date, None);
    assert_eq!(p.metadata.speaker, None);
    assert!(p.body.iter().all(|b| !b.text.contains("酷乐文行")));
    assert_eq!(noise.iter().filter(|n| n.text.contains("酷乐文行整理")).count(), 2);
    assert!(p.body.last().unwrap().text.contains("同志们，今天借此机会"));
}

#[test]
fn seed_003_speaker_date_and_four_parallel_sections() {
    let src = seed("003");
    let (plans, noise) = run(&src);
    let p = &plans[0];
    assert_eq!(title(p), Some("做一名让组织放心群众满意的“一线总指挥”"));
    assert_eq!(p.metadata.speaker.as_deref(), Some("王维东"));
    assert_eq!(p.metadata.date.as_deref(), Some("2022-06-03"));
    assert_eq!(&src[p.metadata.date_span.unwrap().range()], "2022-06-03");
    assert!(noise.iter().any(|n| n.text == "00:27:18"));
    let heads: Vec<String> =
        parallel_sections(&p.body).iter().map(|&(i, l)| p.body[i].text[..l].chars().take(4).collect()).collect();
    assert_eq!(heads, vec!["心中有党", "心中有民", "心中有责", "心中有戒"]);
}

#[test]
fn seed_004_is_lossless_with_the_baseline_segmentation() {
    let src = seed("004");
    let (plans, _) = run(&src);
    assert_eq!(title(&plans[0]), Some("强化政治机关意识着力打造模范机关"));
}

// ---- robustness ----

mod prop {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "在全市工作会议上的讲话",
        "党课《强化学习意识》",
        "《坚定理想信念》",
        "——张三同志在全县大会上的讲话",
        "——学习体会",
        "同志们：",
        "各位领导、同志们：今天开会。",
        "谢谢大家！",
        "今天开会。会议很重要。",
        "同志们，让我们携起手来！",
        "一、总体要求",
        "（2019年3月5日）",
        "时间:2019-11-23",
        "点击:0时间:2022-06-03 00:27:18",
        "本文链接:https://www.example.com/a.html",
        "王维东",
        "市委书记",
        "目录",
        "篇一",
        "篇二",
        "1",
        "2.某某讲稿 10",
        "心中有党，是要求。",
        "心中有民，就是服务。",
        "某某整理，咨询QQ123",
        "二〇一九年十一月二十三日",
        "",
        "  ",
        "首页",
        "相关新闻",
    ];

    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(str::to_string),
            1 => "[一二篇目录同志们：:，。！（）()《》—\\-0-9a-z 年月日谢大家\u{3000}]{0,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn plan_never_panics_and_loses_nothing(lines in proptest::collection::vec(line(), 0..14)) {
            let src = lines.join("\n");
            let (plans, _) = run(&src);
            prop_assert!(!plans.is_empty());
        }
    }
}

#[test]
fn front_matter_should_be_noise_and_give_the_title_and_date_only_as_fallbacks() {
    let src = "---\ntitle: 在全县工作会议上的讲话\ndate: 2020-05-06\ntags:\n  - 讲话\n  - 党建\ncategory: 讲话/2020\n---\n\n## 在全县工作会议上的讲话\n\n2020年4月30日\n\n同志们：\n今天开会。我讲三点。\n";
    let (plans, noise) = run(src);
    let p = &plans[0];
    assert_eq!(p.title.as_ref().unwrap().0, "在全县工作会议上的讲话");
    // The text's own date line wins over the front matter's.
    assert_eq!(p.metadata.date.as_deref(), Some("2020-04-30"));
    assert_eq!(p.metadata.occasion.as_deref(), Some("全县工作会议"));
    assert_eq!(p.greeting.as_ref().unwrap().0, "同志们");
    assert!(noise.iter().any(|n| n.reason == NoiseReason::FrontMatter && n.text.contains("党建")));
    assert!(noise.iter().any(|n| n.reason == NoiseReason::FrontMatter && n.text == "2020-05-06"));
}

#[test]
fn front_matter_title_should_stand_when_the_text_has_none() {
    let src = "---\ntitle: \"张三 2021 年新年贺词\"\ndate: 2021-01-02\n---\n大家好！\n新年到了。\n谢谢大家！\n";
    let (plans, _) = run(src);
    let p = &plans[0];
    assert_eq!(p.title.as_ref().unwrap().0, "张三 2021 年新年贺词");
    assert_eq!(p.metadata.speaker.as_deref(), Some("张三"));
    assert_eq!(p.metadata.date.as_deref(), Some("2021-01-02"));
    assert_eq!(p.greeting.as_ref().unwrap().0, "大家好");
    assert_eq!(p.closing.as_ref().unwrap().0, "谢谢大家");
}

#[test]
fn a_subtitle_of_date_and_occasion_should_beat_the_publication_stamp() {
    let src = "政府工作报告\n2024年02月10日 07时41分\n来源：日报\n――2024年1月27日在某省第十四届人民代表大会第二次会议上 某省省长 王五\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n";
    let (plans, _) = run(src);
    let m = &plans[0].metadata;
    assert_eq!(plans[0].title.as_ref().unwrap().0, "政府工作报告");
    assert_eq!(m.date.as_deref(), Some("2024-01-27"));
    assert_eq!(m.occasion.as_deref(), Some("某省第十四届人民代表大会第二次会议"));
    assert_eq!(m.speaker.as_deref(), Some("王五"));
}

#[test]
fn a_hello_greeting_should_open_an_untitled_speech_and_a_cheer_close_it() {
    let src = "各位貴賓、各位鄉親父老、各位電視機前的朋友，大家早安，大家好！\n今天是重要的日子。我們一起努力。\n現在，請大家跟我一起高呼：\n民主萬歲！\n中華民國萬歲！";
    let (plans, _) = run(src);
    let p = &plans[0];
    assert!(p.title.is_none());
    assert_eq!(p.greeting.as_ref().unwrap().0, "各位貴賓、各位鄉親父老、各位電視機前的朋友，大家早安，大家好");
    assert_eq!(p.closing.as_ref().unwrap().0, "中華民國萬歲");
    let src = "各位來賓，大家好！\n今天開會。我們一起努力。\n謝謝大家！";
    let (plans, _) = run(src);
    assert_eq!(plans[0].closing.as_ref().unwrap().0, "謝謝大家");
}

#[test]
fn an_announcement_line_should_end_a_news_lead() {
    let src = "新年贺词\n> 新年前夕，主席在电视上发表了新年贺词。\n来源：[新年贺词 - 某网](https://www.example.com/a/202012/31/WS5fedde5ba31024ad0ba9feb3aaaaaaaa.html)\nThe President delivers a New Year speech on Dec 31, 2020 via radio and the internet, to all.\n全文如下：\n大家好！<br/>Hello!\n新年到了。我们一起努力。<br/>The new year is here.\n谢谢大家！<br/>Thank you!";
    let (plans, noise) = run(src);
    let p = &plans[0];
    assert_eq!(p.greeting.as_ref().unwrap().0, "大家好");
    assert_eq!(p.closing.as_ref().unwrap().0, "谢谢大家");
    assert_eq!(p.metadata.date.as_deref(), Some("2020-12-31"));
    assert!(p.metadata.source.as_deref().is_some_and(|s| s.starts_with("https://www.example.com/")));
    assert!(p.body.iter().all(|b| !b.text.contains("全文如下") && !b.text.contains("新年前夕")));
    assert!(noise.iter().any(|n| n.text.contains("Thank you")));
}

#[test]
fn an_editor_note_should_be_noise_and_may_name_the_speaker() {
    let src = "## 不做昙花一现的英雄\n\n【导  读】张三认为，管理是永恒的主题。\n\n一、管理要进步\n我们要进步。\n";
    let (plans, noise) = run(src);
    let p = &plans[0];
    assert_eq!(p.title.as_ref().unwrap().0, "不做昙花一现的英雄");
    assert_eq!(p.metadata.speaker.as_deref(), Some("张三"));
    assert!(noise.iter().any(|n| n.reason == NoiseReason::EditorNote && n.text.contains("管理是永恒的主题")));
}

#[test]
fn a_signer_line_should_name_the_speaker_and_titles_should_name_occasions() {
    let src = "电邮讲话【2017】099号    签发人：李四\n李总在实验室成立会上的讲话\n2017年8月28日\n一、研究要为了使用。\n看了进展，我很高兴。\n";
    let (plans, _) = run(src);
    let m = &plans[0].metadata;
    assert_eq!(m.speaker.as_deref(), Some("李四"));
    assert_eq!(m.date.as_deref(), Some("2017-08-28"));
    let src = "全省科技创新研讨会致谢词\n各位领导、各位专家：\n首先感谢大家光临。\n";
    let (plans, _) = run(src);
    assert_eq!(plans[0].metadata.occasion.as_deref(), Some("全省科技创新研讨会"));
}

#[test]
fn hello_greetings_and_editor_notes_should_refuse_lookalikes() {
    let (plans, _) = run("新年讲话\n大家好好学习！今天开会。\n");
    assert!(plans[0].greeting.is_none());
    let (plans, _) = run("新年讲话\n今天大家好！我们开会。\n");
    assert!(plans[0].greeting.is_none());
    let (plans, noise) =
        run("## 座谈会讲话\n\n【导  读】华为有两个决策体系，一个是理想主义。\n\n一、坚持开放\n我们要开放。\n");
    assert!(plans[0].metadata.speaker.is_none());
    assert!(noise.iter().any(|n| n.reason == NoiseReason::EditorNote));
    let (plans, _) = run("2019年新年致辞\n今天开会。我们一起努力。\n");
    assert!(plans[0].metadata.speaker.is_none());
    let (plans, _) = run("学习体会发言\n今天开会。我们一起努力。\n");
    assert!(plans[0].metadata.occasion.is_none());
}

#[test]
fn a_line_announcing_points_should_not_end_the_header() {
    let src = "在全县大会上的讲话\n同志们：\n今天开会。\n以下是我的几点意见：\n一、抓落实\n要落实。\n";
    let (plans, _) = run(src);
    let p = &plans[0];
    assert_eq!(p.greeting.as_ref().unwrap().0, "同志们");
    assert!(p.body.iter().any(|b| b.text == "今天开会。"));
}

#[test]
fn a_lead_telling_of_the_speech_should_date_it_before_the_post_date() {
    let src = "---\nlayout: post\ntitle: \"张三 2021 年新年贺词（双语全文）\"\ndate: 2021-01-22\ntags: [文学]\n---\n\n> 新年前夕，主席张三通过电视发表了二〇二一年新年贺词。\n\nThe President delivers a New Year speech on Dec 31, 2020 via radio and the internet.\n\n双语全文如下：\n\n大家好！<br/>Hello!\n\n新年到了。我们一起努力。<br/>The new year is here.\n\n谢谢大家！<br/>Thank you!";
    let (plans, noise) = run(src);
    let m = &plans[0].metadata;
    assert_eq!(m.date.as_deref(), Some("2020-12-31"));
    assert_eq!(m.speaker.as_deref(), Some("张三"));
    // The post's own date is noise.
    assert!(noise.iter().any(|n| n.reason == NoiseReason::FrontMatter && n.text == "2021-01-22"));
    // A lead that tells of no speech gives no date.
    let src = "---\ntitle: 张三新年贺词\ndate: 2021-01-22\n---\n\n> 本文转载于 2020年12月30日 的报纸。\n\n大家好！\n\n新年到了。我们一起努力。\n";
    let (plans, _) = run(src);
    assert_eq!(plans[0].metadata.date.as_deref(), Some("2021-01-22"));
}

#[test]
fn an_editor_note_after_front_matter_should_name_the_speaker() {
    let src = "---\ntitle: 不做昙花一现的英雄\ndate: 1998-012\ntags:\n  - 李四\n  - 讲话\ncategory: 李四讲话/1998\n---\n\n## 不做昙花一现的英雄\n\n【导  读】李四认为，华为正在做的一切工作都是在稀释文化和情感的影响。因为凝聚力太高，不够激活。\n\n由于十年艰苦奋斗的成功，我们是否会沾沾自喜？我们要有长期艰苦奋斗的准备。\n\n一、管理是生死攸关的问题\n\n人才、资金都不是生死攸关的问题。\n";
    let (plans, noise) = run(src);
    let m = &plans[0].metadata;
    assert_eq!(m.speaker.as_deref(), Some("李四"));
    assert!(m.date.is_none());
    assert!(noise.iter().any(|n| n.reason == NoiseReason::EditorNote && n.text.starts_with("认为")));
    // A tag or a category naming someone is no byline.
    let src = "---\ntitle: 研讨会致谢词\ntags:\n  - 李四\ncategory: 李四讲话/1995\n---\n\n## 研讨会致谢词\n\n各位领导、各位专家：\n\n首先感谢各位光临。我们还很年轻。\n";
    let (plans, _) = run(src);
    assert!(plans[0].metadata.speaker.is_none());
}

#[test]
fn a_period_should_not_be_the_date_but_a_publication_stamp_may() {
    let src = "每周一学（2021年10月11日—17日）\n文章来源： 作者： 发布时间：2021年10月13日 点击数：\n在纪念大会上的讲话\n同志们，朋友们：\n今天，我们隆重集会。我们一起努力。\n";
    let (plans, _) = run(src);
    assert_eq!(plans[0].metadata.date.as_deref(), Some("2021-10-13"));
    let (plans, _) = run("学习周（2021年10月11日至10月17日）\n同志们：\n今天开会。我们一起努力。\n");
    assert!(plans[0].metadata.date.is_none());
}

#[test]
fn an_emphasised_heading_should_not_be_the_title() {
    let (plans, _) = run("**一、总体要求**\n要抓好落实。我们一起努力。\n**二、主要任务**\n要抓好落实。\n");
    assert!(plans[0].title.is_none());
    let (plans, _) = run("**在全县大会上的讲话**\n同志们：\n今天开会。我们一起努力。\n");
    assert_eq!(title(&plans[0]), Some("在全县大会上的讲话"));
}

#[test]
fn a_genre_label_should_leave_the_title() {
    let (plans, noise) = run("党课讲稿：坚定理想信念\n主讲人：王五\n同志们：\n今天上党课。我们一起努力。\n");
    assert_eq!(title(&plans[0]), Some("坚定理想信念"));
    assert_eq!(plans[0].metadata.speaker.as_deref(), Some("王五"));
    assert!(noise_with(&noise, "title_wrapper").contains(&"党课讲稿："));
    // A colon after any other word is no genre label.
    let (plans, _) = run("会议纪要：坚定理想信念\n同志们：\n今天开会。我们一起努力。\n");
    assert_ne!(title(&plans[0]), Some("坚定理想信念"));
}

#[test]
fn a_full_name_should_replace_an_honorific() {
    let (plans, noise) =
        run("在全县大会上的讲话\n王总\n2020年5月6日\n县委书记 王大明\n同志们：\n今天开会。我们一起努力。\n");
    assert_eq!(plans[0].metadata.speaker.as_deref(), Some("王大明"));
    assert!(noise.iter().any(|n| n.text == "王总"));
    // Another person's name does not replace it.
    let (plans, _) = run("在全县大会上的讲话\n王总\n县委书记 李大明\n同志们：\n今天开会。我们一起努力。\n");
    assert_eq!(plans[0].metadata.speaker.as_deref(), Some("王总"));
}

#[test]
fn a_roc_calendar_stamp_should_be_neither_title_nor_date() {
    let (plans, _) = run("民國97年5月20日 總統府新聞稿\n就職演說\n各位貴賓：\n今天是重要的日子。我們一起努力。\n");
    assert_eq!(title(&plans[0]), Some("就職演說"));
    assert!(plans[0].metadata.date.is_none());
}

#[test]
fn a_masked_name_after_a_role_should_be_the_speaker() {
    let (plans, _) = run("在全縣大會上的講話\n縣長 ***\n各位鄉親：\n今天開會。我們一起努力。\n");
    assert_eq!(plans[0].metadata.speaker.as_deref(), Some("***"));
    // Stars alone are no byline.
    let (plans, _) = run("在全縣大會上的講話\n***\n各位鄉親：\n今天開會。我們一起努力。\n");
    assert!(plans[0].metadata.speaker.is_none());
}

#[test]
fn should_start_an_untitled_speech_after_a_closing_and_a_new_greeting() {
    let src = "在全市工作会议上的讲话\n\n同志们：\n\n今天我们召开会议。主要任务是部署工作。\n\n谢谢大家！\n\n同志们：\n\n下面我再讲几点意见。第一是抓落实。\n\n谢谢！\n";
    let (plans, _) = run(src);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[0]), Some("在全市工作会议上的讲话"));
    assert_eq!(title(&plans[1]), None);
    assert!(plans[1].greeting.is_some());
    assert!(plans[1].body.iter().any(|b| b.text.contains("抓落实")));
    // A dated second text: the date heads the new speech.
    let dated = "在全市工作会议上的讲话\n\n同志们：\n\n今天我们召开会议。主要任务是部署工作。\n\n谢谢大家！\n\n2024年3月5日\n\n各位代表：\n\n下面我再讲几点意见。第一是抓落实。\n";
    let (plans, _) = run(dated);
    assert_eq!(plans.len(), 2);
    assert_eq!(title(&plans[1]), None);
    assert_eq!(plans[1].metadata.date.as_deref(), Some("2024-03-05"));
}

#[test]
fn should_not_start_a_speech_after_a_closing_without_a_new_greeting() {
    for tail in [
        "2024年3月5日\n\n张三\n",
        "附件：1.工作方案\n\n2.任务分工\n",
        "（本文根据录音整理，未经本人审阅。）\n",
        "2024年3月5日\n\n附件：工作方案。要认真落实。\n",
    ] {
        let src = format!(
            "在全市工作会议上的讲话\n\n同志们：\n\n今天我们召开会议。主要任务是部署工作。\n\n谢谢大家！\n\n{tail}"
        );
        let (plans, _) = run(&src);
        assert_eq!(plans.len(), 1, "{tail}");
    }
}

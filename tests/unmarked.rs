//! Unmarked structure, the recognition view and the new marker words, on
//! small hand-written texts.

mod common;

/// The outline as `(depth, marker text or "*", title)`.
fn outline(src: &str) -> Vec<(usize, String, String)> {
    let doc = jianggao::parse(src);
    common::check_invariants(src, &doc);
    common::nodes(&doc)
        .into_iter()
        .map(|(d, n)| {
            let m = n.marker.as_ref().map_or("*".to_string(), |m| m.text.clone());
            (d, m, n.title.clone().unwrap_or_default())
        })
        .collect()
}

fn shape(src: &str) -> Vec<(usize, String)> {
    outline(src).into_iter().map(|(d, m, _)| (d, m)).collect()
}

fn s(d: usize, m: &str) -> (usize, String) {
    (d, m.to_string())
}

const BODY: &str = "全年完成农业产值五亿元，新建高标准农田三千亩，引进农产品加工企业两家，特色种植面积稳步扩大。";

#[test]
fn short_heading_lines_between_paragraphs_should_be_nodes_under_the_open_heading() {
    let src = format!("一、工作回顾\n产业发展稳中有进。\n{BODY}\n民生保障持续加强。\n{BODY}\n二、今年安排\n{BODY}\n");
    assert_eq!(shape(&src), vec![s(1, "一、"), s(2, "*"), s(2, "*"), s(1, "二、")]);
    assert_eq!(outline(&src)[1].2, "产业发展稳中有进");
}

#[test]
fn a_heading_line_with_full_width_digits_should_read_as_with_ascii_ones() {
    let with = |year: &str| {
        format!(
            "一、工作回顾\n{year}年产业发展稳中有进\n{BODY}\n{year}年民生保障持续加强\n{BODY}\n二、今年安排\n{BODY}\n"
        )
    };
    let (ascii, full) = (with("2025"), with("２０２５"));
    assert_eq!(shape(&ascii), vec![s(1, "一、"), s(2, "*"), s(2, "*"), s(1, "二、")]);
    assert_eq!(shape(&full), shape(&ascii));
    assert_eq!(outline(&full)[2].2, "２０２５年民生保障持续加强");
}

#[test]
fn a_lone_short_line_should_stay_a_paragraph() {
    let src = format!("一、工作回顾\n五年来主要做了以下工作。\n{BODY}\n二、今年安排\n{BODY}\n");
    assert_eq!(shape(&src), vec![s(1, "一、"), s(1, "二、")]);
}

#[test]
fn a_line_announcing_a_list_or_an_address_should_not_be_a_heading() {
    let src = format!("重点抓好两个方面工作：\n{BODY}\n各位代表！\n{BODY}\n重点抓好三个方面工作：\n{BODY}\n");
    assert!(outline(&src).is_empty());
}

#[test]
fn unnumbered_top_level_headings_should_take_the_top_level() {
    let src = format!("2026年全省政府工作报告\n各位代表：\n{BODY}\n“十四五”时期工作回顾\n{BODY}\n2026年重点工作\n{BODY}\n（一）扩大内需\n{BODY}\n（二）发展产业\n{BODY}\n");
    assert_eq!(shape(&src), vec![s(1, "*"), s(1, "*"), s(2, "（一）"), s(2, "（二）")]);
}

#[test]
fn dash_led_paragraphs_should_be_points_only_three_in_a_row() {
    let three = format!("——经济实力明显增强。{BODY}\n——城乡面貌明显改善。{BODY}\n——人民生活明显提高。{BODY}\n");
    assert_eq!(shape(&three), vec![s(1, "*"), s(1, "*"), s(1, "*")]);
    let two = format!("——经济实力明显增强。{BODY}\n——城乡面貌明显改善。{BODY}\n");
    assert!(outline(&two).is_empty());
}

#[test]
fn paragraphs_opening_with_one_phrase_should_be_a_run() {
    let src = format!(
        "五年来，我们坚持创新驱动，新兴产业加快成长。{BODY}\n五年来，我们坚持改革开放，市场活力持续增强。{BODY}\n五年来，我们坚持生态优先，环境质量明显改善。{BODY}\n"
    );
    let o = outline(&src);
    assert_eq!(o.len(), 3);
    assert_eq!(o[2].2, "五年来，我们坚持生态优先，环境质量明显改善");
}

#[test]
fn a_short_shared_opening_should_need_slogan_shaped_leads() {
    let slogans = format!("要坚定信念、对党忠诚。{BODY}\n要依法行政、严格执法。{BODY}\n要清正廉洁、克己奉公。{BODY}\n");
    assert_eq!(outline(&slogans).len(), 3);
    let prose = format!(
        "我们要认真总结过去一年的经验并且查找工作中存在的不足和问题。{BODY}\n我们要进一步加强组织领导和统筹协调以及督促检查工作。{BODY}\n我们要强化责任担当和作风建设并且持之以恒抓好落实。{BODY}\n"
    );
    assert!(outline(&prose).is_empty());
}

#[test]
fn an_appendix_heading_should_take_the_top_level_with_its_list() {
    let src = "一、工作回顾\n（一）产业\n要抓好产业。\n名词解释\n1.“两重”：是指重大战略。\n2.“两新”：是指设备更新。\n";
    assert_eq!(shape(src), vec![s(1, "一、"), s(2, "（一）"), s(1, "*"), s(2, "1."), s(2, "2.")]);
}

#[test]
fn di_tiao_with_a_bracketed_name_should_open_an_article() {
    let src = "第一条（追求）我们的追求是成为领先企业。\n1、要坚持客户为中心。\n2、要坚持艰苦奋斗。\n第二条（员工）认真负责的员工是最大财富。\n";
    assert_eq!(shape(src), vec![s(1, "第一条"), s(2, "1、"), s(2, "2、"), s(1, "第二条")]);
    assert_eq!(outline(src)[0].2, "（追求）我们的追求是成为领先企业");
    assert!(outline("第一条就是不怕死。第二条就是不怕苦。").is_empty());
}

#[test]
fn zailai_and_jiexialai_should_continue_a_shouxian_list_only() {
    let src = "首先，要学习理论。再来，要联系实际。接下来，要抓好落实。最后，要总结经验。";
    let o = outline(src);
    assert_eq!(o.iter().map(|n| n.1.as_str()).collect::<Vec<_>>(), ["首先，", "再来，", "接下来，", "最后，"]);
    assert!(outline("接下来，我们讨论第二个议题。会议很重要。").is_empty());
    assert!(outline("接下来我们讨论。再来我们总结。").is_empty());
}

#[test]
fn traditional_words_should_be_read_and_kept_as_written() {
    let src = "首先，要學習理論。其次，要聯繫實際。最後，要抓好落實。";
    let o = outline(src);
    assert_eq!(o.len(), 3);
    assert_eq!(o[2].1, "最後，");
    assert_eq!(shape("壹、總體要求\n貳、主要措施\n参、組織保障\n").len(), 3);
}

#[test]
fn markers_inside_emphasis_should_be_seen() {
    let src = "在全市工作会议上的讲话\n同志们：\n**一、**总体要求\n要抓好落实。\n**二、主要措施**\n要突出重点。\n**1****、**加强学习。\n**2****、**改进作风。\n";
    assert_eq!(shape(src), vec![s(1, "一、**"), s(1, "二、"), s(2, "1****、**"), s(2, "2****、**")]);
    assert_eq!(outline(src)[0].2, "总体要求");
}

#[test]
fn the_old_refusals_should_hold() {
    assert!(outline("我们要把学习放在首位，这是第一点。").is_empty());
    assert!(outline("第一批试点单位已经确定。第二批也在推进。").is_empty());
    assert!(outline("一方面要抓发展，另一方面要抓安全。").is_empty());
    assert!(outline("首先，要学习理论。然后，要联系实际。").is_empty());
}

#[test]
fn a_one_after_a_heading_line_should_not_start_a_page_sequence() {
    let long =
        "这是一段很长的正文，讲的是干部队伍建设的重要意义和具体要求，我们必须高度重视并认真抓好落实，不能有丝毫松懈";
    let src = format!("一、要有建立起大企业的思想准备和组织准备\n1、{long}。\n2、{long}。\n二、要加强管理\n{long}。\n");
    assert_eq!(shape(&src), vec![s(1, "一、"), s(2, "1、"), s(2, "2、"), s(1, "二、")]);
}

#[test]
fn a_series_after_a_comma_should_need_an_announced_count() {
    let src = "一个大公司最主要的问题是两条，一是管理的漏洞，二是官僚主义。我们要警惕。";
    let o = outline(src);
    assert_eq!(o.iter().map(|n| n.2.as_str()).collect::<Vec<_>>(), ["管理的漏洞", "官僚主义"]);
    assert!(outline("给他们以帮助，一是帮助他们改变思想方法，二是帮助他们疏散到不同的岗位上去。").is_empty());
}

#[test]
fn a_question_count_should_run_on_across_topic_headings() {
    let src = "一、未来的方向\n（一）关于时延\n1、与会人：时延怎么解决？\n任总：要分三步走。\n（二）关于终端\n2、与会人：终端怎么发展？\n任总：要做好体验。\n3、与会人：手表怎么办？\n任总：要拓展服务。\n";
    assert_eq!(shape(src), vec![s(1, "一、"), s(2, "（一）"), s(3, "1、"), s(2, "（二）"), s(3, "2、"), s(3, "3、")]);
}

#[test]
fn lead_sentences_counting_one_phrase_should_be_a_run() {
    let src = format!(
        "强化经济成长动能，是提升竞争力的第一大支柱。{BODY}\n提升竞争力的第二大支柱，就是创造就业。{BODY}\n一是要稳岗位。二是要扩就业。\n厚植文化国力，是提升竞争力的第三大支柱。{BODY}\n"
    );
    assert_eq!(shape(&src), vec![s(1, "*"), s(1, "*"), s(2, "一是"), s(2, "二是"), s(1, "*")]);
    let batches = format!("第一批试点已经完成。{BODY}\n第二批试点正在推进。{BODY}\n第三批试点即将启动。{BODY}\n");
    assert!(outline(&batches).is_empty());
}

#[test]
fn questions_of_a_transcript_should_be_nodes_with_their_answers() {
    let src = "问：今年的重点工作是什么？\n答：重点是稳增长。一是扩大投资。二是促进消费。\n问：如何保障民生？\n答：要办好民生实事。\n";
    assert_eq!(shape(src), vec![s(1, "*"), s(2, "一是"), s(2, "二是"), s(1, "*")]);
    assert_eq!(outline(src)[0].2, "问：今年的重点工作是什么");
    assert!(outline("问：今年的重点工作是什么？\n他说重点是稳增长。\n").is_empty());
}

#[test]
fn an_address_should_break_off_the_last_point_for_an_inline_series() {
    let src = format!(
        "一、工作回顾\n（一）扩大内需。{BODY}\n（二）发展产业。{BODY}\n各位代表！五年来成绩显著。一是综合实力再上台阶。{BODY}二是创新引领成势见效。{BODY}三是民生福祉持续改善。{BODY}\n二、今年安排\n{BODY}\n"
    );
    assert_eq!(
        shape(&src),
        vec![s(1, "一、"), s(2, "（一）"), s(2, "（二）"), s(2, "一是"), s(2, "二是"), s(2, "三是"), s(1, "二、")]
    );
    // Without the address the series stays inside the last point.
    let plain = src.replace("各位代表！", "");
    assert_eq!(shape(&plain)[3], s(3, "一是"));
}

#[test]
fn an_address_should_break_off_the_last_point_for_a_run() {
    let src = format!(
        "政府工作报告\n各位代表：\n{BODY}\n一、今年安排\n（一）扩大内需\n{BODY}\n（二）统筹安全\n{BODY}\n同志们，我们要努力建设人民满意的政府。{BODY}\n要永葆忠诚、笃信笃行。{BODY}\n要厉行法治、依法行政。{BODY}\n要怀德自重、恪守清廉。{BODY}\n"
    );
    assert_eq!(shape(&src), vec![s(1, "一、"), s(2, "（一）"), s(2, "（二）"), s(2, "*"), s(2, "*"), s(2, "*")]);
    let plain = src.replace("同志们，", "");
    assert_eq!(shape(&plain)[3], s(3, "*"));
}

#[test]
fn an_address_should_not_break_the_points_it_stands_between() {
    let src = format!(
        "一、工作回顾\n（一）扩大内需。{BODY}\n各位代表！{BODY}\n（二）发展产业。{BODY}一是抓项目。{BODY}二是抓招商。{BODY}\n"
    );
    assert_eq!(shape(&src), vec![s(1, "一、"), s(2, "（一）"), s(2, "（二）"), s(3, "一是"), s(3, "二是")]);
    // `我们，` and a greeting with a colon are not addresses.
    let ours = src.replace("各位代表！", "我们，");
    assert_eq!(shape(&ours), shape(&src));
}

/// A body paragraph of its own text (repeated lines are read as page noise).
fn body(k: usize) -> String {
    let place = ["东城", "西城", "南湖", "北山", "中原", "新港", "老街", "滨江", "高新"];
    format!(
        "{}全年完成农业产值五亿元，新建高标准农田三千亩，引进农产品加工企业两家，特色种植面积稳步扩大。",
        place[k % place.len()]
    )
}

#[test]
fn dash_points_each_followed_by_body_paragraphs_should_be_a_run() {
    let src = format!(
        "——历史启示我们，必须有坚强的领导力量。{BODY}\n新的征程上，我们必须坚持党的领导。{BODY}\n——历史启示我们，道路是最根本的问题。{BODY}\n新的征程上，我们必须坚持走自己的路。{BODY}\n——历史启示我们，必须依靠人民的奋斗。{BODY}\n新的征程上，我们必须弘扬奋斗精神。{BODY}\n"
    );
    let o = outline(&src);
    assert_eq!(o.iter().map(|n| (n.0, n.1.as_str())).collect::<Vec<_>>(), vec![(1, "*"), (1, "*"), (1, "*")]);
    assert!(o[1].2.ends_with("历史启示我们，道路是最根本的问题"));
}

#[test]
fn gapped_runs_should_be_regular_and_three_long() {
    // Bodies of one, then two paragraphs: not one spacing pattern.
    let (b0, b1, b2, b3, b4) = (body(0), body(1), body(2), body(3), body(4));
    let irregular = format!(
        "——历史启示我们，必须有坚强的领导力量。{BODY}\n{b0}\n——历史启示我们，道路是最根本的问题。{BODY}\n{b1}\n{b2}\n——历史启示我们，必须依靠人民的奋斗。{BODY}\n{b3}\n"
    );
    assert!(outline(&irregular).is_empty());
    let regular = format!(
        "——历史启示我们，必须有坚强的领导力量。{BODY}\n{b0}\n{b4}\n——历史启示我们，道路是最根本的问题。{BODY}\n{b1}\n{b2}\n——历史启示我们，必须依靠人民的奋斗。{BODY}\n{b3}\n"
    );
    assert_eq!(outline(&regular).len(), 3);
    let two = format!(
        "——历史启示我们，必须有坚强的领导力量。{BODY}\n{b0}\n——历史启示我们，道路是最根本的问题。{BODY}\n{b1}\n"
    );
    assert!(outline(&two).is_empty());
}

#[test]
fn a_long_shared_phrase_should_make_a_gapped_run_and_a_short_one_should_not() {
    let b: Vec<String> = (0..6).map(body).collect();
    let long = format!(
        "五年来，我们坚持创新驱动，新兴产业加快成长。{BODY}\n{}\n五年来，我们坚持改革开放，市场活力持续增强。{BODY}\n{}\n五年来，我们坚持生态优先，环境质量明显改善。{BODY}\n{}\n",
        b[0], b[1], b[2]
    );
    assert_eq!(outline(&long).len(), 3);
    let short = format!(
        "我们要坚定信念，对党忠诚。{BODY}\n{}\n我们要依法行政，严格执法。{BODY}\n{}\n我们要清正廉洁，克己奉公。{BODY}\n{}\n",
        b[3], b[4], b[5]
    );
    assert!(outline(&short).is_empty());
}

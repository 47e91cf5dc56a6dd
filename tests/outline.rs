//! Level inference and tree building on small hand-written texts.

mod common;

use jianggao::DiagnosticKind;

/// The outline as `(depth, marker text, ordinal, title)`.
fn outline(src: &str) -> Vec<(usize, String, u32, String)> {
    let doc = jianggao::parse(src);
    common::check_invariants(src, &doc);
    common::nodes(&doc)
        .into_iter()
        .map(|(d, n)| {
            let (m, o) = n.marker.as_ref().map_or(("*".into(), 0), |m| (m.text.clone(), m.ordinal));
            (d, m, o, n.title.clone().unwrap_or_default())
        })
        .collect()
}

fn shape(src: &str) -> Vec<(usize, String)> {
    outline(src).into_iter().map(|(d, m, _, _)| (d, m)).collect()
}

fn s(d: usize, m: &str) -> (usize, String) {
    (d, m.to_string())
}

#[test]
fn should_nest_families_in_order_of_first_appearance() {
    let src = "一、总体要求\n（一）目标任务\n1.加强学习。每周一次。\n2.改进作风。\n（二）基本原则\n二、主要措施\n（一）健全制度\n";
    assert_eq!(
        shape(src),
        vec![s(1, "一、"), s(2, "（一）"), s(3, "1."), s(3, "2."), s(2, "（二）"), s(1, "二、"), s(2, "（一）")]
    );
}

#[test]
fn should_respect_a_text_whose_top_level_is_di() {
    let src = "第一，要牢记权力从何而来。正文。\n第二，要保持敬畏之心。正文。\n";
    let o = outline(src);
    assert_eq!(o.len(), 2);
    assert_eq!((o[0].0, o[0].2, o[0].3.as_str()), (1, 1, "要牢记权力从何而来"));
    assert_eq!((o[1].0, o[1].2), (1, 2));
}

#[test]
fn should_restart_ordinals_under_a_new_parent() {
    let src = "一、甲\n1.子一。\n2.子二。\n二、乙\n1.子一。\n2.子二。\n";
    assert_eq!(shape(src), vec![s(1, "一、"), s(2, "1."), s(2, "2."), s(1, "二、"), s(2, "1."), s(2, "2.")]);
}

#[test]
fn should_make_an_inline_run_points_of_its_paragraph() {
    let src = "一、强化自律意识\n重点要把好“两关”：一是要把好“初始关”。对“第一次”要有防范之心。二是要把好“朋友关”。划清界限。\n二、强化规矩意识\n正文。\n";
    let o = outline(src);
    let got: Vec<_> = o.iter().map(|(d, m, _, t)| (*d, m.as_str(), t.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (1, "一、", "强化自律意识"),
            (2, "一是", "要把好“初始关”"),
            (2, "二是", "要把好“朋友关”"),
            (1, "二、", "强化规矩意识"),
        ]
    );
}

#[test]
fn should_keep_the_text_before_an_inline_run_in_the_parent() {
    let src = "一、强化宗旨意识\n要带头践行党的宗旨。一是要尊重群众。二是要贴近群众。\n";
    let doc = jianggao::parse(src);
    let sec = &doc.speeches[0].sections[0];
    assert_eq!(sec.paragraphs[0].text, "要带头践行党的宗旨。");
    assert_eq!(sec.points.len(), 2);
}

#[test]
fn should_reject_an_out_of_sequence_heading_with_a_diagnostic() {
    let src = "一、甲\n正文。\n二、乙\n正文。\n二、乙的重复\n正文。\n";
    let doc = jianggao::parse(src);
    assert_eq!(doc.speeches[0].sections.len(), 2);
    assert!(doc.diagnostics.iter().any(|d| d.kind == DiagnosticKind::OutOfSequence));
}

#[test]
fn should_accept_one_skipped_heading_ordinal_with_a_diagnostic() {
    let src = "一、甲\n正文。\n三、丙\n正文。\n";
    let doc = jianggao::parse(src);
    assert_eq!(doc.speeches[0].sections.len(), 2);
    assert!(doc.diagnostics.iter().any(|d| d.kind == DiagnosticKind::SkippedOrdinal));
}

#[test]
fn should_not_make_a_lone_shouxian_a_point() {
    let src =
        "一、强化学习意识\n我们首先就要加强学习。首先要学理论，只有学好理论才能进步。\n二、强化宗旨意识\n正文。\n";
    assert_eq!(shape(src), vec![s(1, "一、"), s(1, "二、")]);
}

#[test]
fn should_not_split_one_sentence_at_yifangmian() {
    let src = "权力具有双重性质：一方面，作为管理职责；另一方面，作为谋利手段。\n";
    assert!(outline(src).is_empty());
}

#[test]
fn should_accept_yifangmian_points_that_are_sentences() {
    let src = "一、甲\n具体要把握两点：一方面，要科学组织。党课重在质量。另一方面，要搞好讨论。做好下篇文章。\n";
    assert_eq!(shape(src), vec![s(1, "一、"), s(2, "一方面，"), s(2, "另一方面，")]);
}

#[test]
fn should_chain_shouxian_qici_and_di() {
    let src = "心中有责。首先要切实履行好职责。正文。其次要认真履行职责。正文。第三要扎实履行职责。正文。\n";
    let o = outline(src);
    let ords: Vec<u32> = o.iter().map(|x| x.2).collect();
    assert_eq!(ords, vec![1, 2, 3]);
}

#[test]
fn should_close_an_announced_list_after_its_last_item() {
    let src = "（一）要提高落实的实效性。\n一是过双重组织生活。正文。二是党日重在坚持过。主要把握好三条：①专时专用。正文。②突出党味。正文。③创新方法。正文。具体要把握两点：一方面，要科学组织。正文。另一方面，要搞好讨论。正文。三是党员汇报。\n";
    let o = outline(src);
    let got: Vec<_> = o.iter().map(|(d, m, _, _)| (*d, m.as_str())).collect();
    assert_eq!(got[0], (1, "（一）"));
    let pos = |m: &str| got.iter().find(|g| g.1.starts_with(m)).map(|g| g.0);
    assert_eq!(pos("二是"), Some(2));
    assert_eq!(pos("①"), Some(3));
    assert_eq!(pos("一方面"), Some(3), "the 一方面 list is a sibling of the ①②③ list");
    assert_eq!(pos("三是"), Some(2));
}

#[test]
fn should_give_a_heading_run_into_its_body_the_lead_sentence_as_title() {
    let src = "一、要清醒地认识到权力是人民赋予的。毛泽东同志指出，权力是人民给的。\n";
    let doc = jianggao::parse(src);
    let sec = &doc.speeches[0].sections[0];
    assert_eq!(sec.title.as_deref(), Some("要清醒地认识到权力是人民赋予的"));
    assert_eq!(sec.paragraphs[0].text, "毛泽东同志指出，权力是人民给的。");
}

#[test]
fn should_put_a_readdressing_paragraph_in_the_conclusion() {
    let src = "一、甲\n正文。\n二、乙\n正文。\n同志们，让我们携起手来，共同奋斗！\n谢谢大家！\n";
    let doc = jianggao::parse(src);
    let sp = &doc.speeches[0];
    assert_eq!(sp.conclusion.len(), 1);
    assert_eq!(sp.sections[1].paragraphs.len(), 1);
    assert_eq!(sp.closing.as_deref(), Some("谢谢大家"));
}

/// Paragraphs run together on one line (as some viewers copy them): a new
/// `一是` list announced by a count after a list of two items or more starts
/// again at 1, as it would in a paragraph of its own.
#[test]
fn a_list_announced_by_a_count_should_start_again_inside_a_run_together_paragraph() {
    let src = "关于今年工作的讲话\n同志们：\n一、回顾\n去年主要做了两件事：一是抓项目建设。全年开工项目一百个。\
        二是抓民生保障。新增就业一万人。今后要着力把握三个方面：一是聚力发展产业。要培育新的增长点。\
        二是聚力深化改革。要破除体制障碍。三是聚力改善民生。要办好民生实事。\n二、部署\n要狠抓落实。\n";
    let got: Vec<(usize, String, u32)> = outline(src).into_iter().map(|(d, m, o, _)| (d, m, o)).collect();
    let want = [
        (1, "一、", 1),
        (2, "一是", 1),
        (2, "二是", 2),
        (2, "一是", 1),
        (2, "二是", 2),
        (2, "三是", 3),
        (1, "二、", 2),
    ];
    assert_eq!(got, want.map(|(d, m, o)| (d, m.to_string(), o)));
    // Without a count, or after a single item, no new list starts inside
    // the paragraph.
    let nested =
        "一、回顾\n要抓好两件事。一是抓项目建设，主要把握两点：一是开工早。二是进度快。\n二、部署\n要狠抓落实。\n";
    assert!(outline(nested).iter().filter(|(_, m, o, _)| m == "一是" && *o == 1).count() == 1, "{:?}", outline(nested));
}

//! The outline-marker grammar: every family, what it takes and what it
//! refuses, and the scanner on realistic sentences.

mod common;
use jianggao::marker::{parse_marker, scan, Candidate, Position};
use jianggao::MarkerKind::{self, *};

/// The marker at the start of `s` as (kind, ordinal, marker text).
fn pm(s: &str) -> Option<(MarkerKind, u32, &str)> {
    parse_marker(s).map(|m| (m.kind, m.ordinal, s.get(..m.len).unwrap_or("<not a char boundary>")))
}

/// Asserts each `(input, kind, ordinal, marker text)`.
fn check(cases: &[(&str, MarkerKind, u32, &str)]) {
    for &(input, kind, ordinal, text) in cases {
        assert_eq!(pm(input), Some((kind, ordinal, text)), "input: {input}");
    }
}

/// Asserts that none of `inputs` opens with a marker.
fn refuse(inputs: &[&str]) {
    for input in inputs {
        assert_eq!(pm(input), None, "input: {input}");
    }
}

fn kinds(c: &[Candidate]) -> Vec<(MarkerKind, u32, Position)> {
    c.iter().map(|c| (c.m.kind, c.m.ordinal, c.position)).collect()
}

// ---------------------------------------------------------------- CnDun

#[test]
fn should_support_cn_dun_markers() {
    check(&[
        ("一、总体要求", CnDun, 1, "一、"),
        ("二. 工作重点", CnDun, 2, "二. "),
        ("三，强化敬畏意识", CnDun, 3, "三，"),
        ("四；强化自律意识", CnDun, 4, "四；"),
        ("五．强化规矩意识", CnDun, 5, "五．"),
        ("六：总结", CnDun, 6, "六："),
        ("十、工作要求", CnDun, 10, "十、"),
        ("十一、工作要求", CnDun, 11, "十一、"),
        ("二十三、工作要求", CnDun, 23, "二十三、"),
        ("九十九、末项", CnDun, 99, "九十九、"),
        ("一 、总体要求", CnDun, 1, "一 、"),
        ("二、  工作重点", CnDun, 2, "二、  "),
        ("二〇、工作重点", CnDun, 20, "二〇、"),
        ("三、四个意识要牢固树立", CnDun, 3, "三、"),
        ("一、", CnDun, 1, "一、"),
    ]);
}

#[test]
fn should_not_support_cn_dun_enumerations_of_numerals() {
    refuse(&["一、二线城市", "三、四月份", "一、二、三产业", "一、二级医院", "一 、二线城市", "两、三天", "一二三"]);
}

// ---------------------------------------------------------------- CapitalDun

#[test]
fn should_support_capital_dun_markers() {
    check(&[
        ("壹、总则", CapitalDun, 1, "壹、"),
        ("貳、工作重點", CapitalDun, 2, "貳、"),
        ("贰、工作重点", CapitalDun, 2, "贰、"),
        ("參、", CapitalDun, 3, "參、"),
        ("叁、保障措施", CapitalDun, 3, "叁、"),
        ("拾壹、附则", CapitalDun, 11, "拾壹、"),
        ("陆. 其他", CapitalDun, 6, "陆. "),
    ]);
}

#[test]
fn should_not_support_capital_numerals_without_punctuation() {
    refuse(&["壹万元", "肆意妄为", "陆续开展"]);
}

// ---------------------------------------------------------------- CnParen

#[test]
fn should_support_cn_paren_markers() {
    check(&[
        ("(一)坚决做到", CnParen, 1, "(一)"),
        ("（二）坚决贯彻", CnParen, 2, "（二）"),
        ("(二) 坚决贯彻落实县委各项决策部署。", CnParen, 2, "(二) "),
        ("(三)、努力创建", CnParen, 3, "(三)、"),
        ("〔四〕严明纪律", CnParen, 4, "〔四〕"),
        ("【五】严肃生活", CnParen, 5, "【五】"),
        ("(一）混合括号", CnParen, 1, "(一）"),
        ("（一)混合括号", CnParen, 1, "（一)"),
        ("( 一 )有空格", CnParen, 1, "( 一 )"),
        ("（十二）十二项", CnParen, 12, "（十二）"),
        ("㈠学习", CnParen, 1, "㈠"),
        ("㈩学习", CnParen, 10, "㈩"),
    ]);
}

#[test]
fn should_support_ocr_dash_as_cn_paren_one() {
    check(&[
        ("(-)坚决做到“两个维护”", CnParen, 1, "(-)"),
        ("(—)坚决做到", CnParen, 1, "(—)"),
        ("(－)坚决做到", CnParen, 1, "(－)"),
        ("（-）坚决做到", CnParen, 1, "（-）"),
        ("( - )坚决做到", CnParen, 1, "( - )"),
    ]);
}

#[test]
fn should_support_hybrid_cn_paren_shi() {
    check(&[
        ("(一)是持续深化理论武装", CnParen, 1, "(一)是"),
        ("（二）是推动理想信念教育", CnParen, 2, "（二）是"),
        ("(三)是，落实责任制", CnParen, 3, "(三)是，"),
    ]);
}

#[test]
fn should_not_take_shi_of_a_word_after_cn_paren() {
    check(&[("(一)是非观念", CnParen, 1, "(一)"), ("(二)是否落实", CnParen, 2, "(二)")]);
}

#[test]
fn should_not_support_malformed_cn_paren() {
    refuse(&["(一", "(一二三)", "(--)", "(两)", "（二〇二〇）", "()"]);
}

// ---------------------------------------------------------------- ArabicDot

#[test]
fn should_support_arabic_dot_markers() {
    check(&[
        ("1.加强学习", ArabicDot, 1, "1."),
        ("1、加强学习", ArabicDot, 1, "1、"),
        ("1．加强学习", ArabicDot, 1, "1．"),
        ("1,加强学习", ArabicDot, 1, "1,"),
        ("1，加强学习", ArabicDot, 1, "1，"),
        ("１．加强学习", ArabicDot, 1, "１．"),
        ("１２、加强学习", ArabicDot, 12, "１２、"),
        ("12. 加强学习", ArabicDot, 12, "12. "),
        ("3 、加强学习", ArabicDot, 3, "3 、"),
        ("2、了好处乱办事", ArabicDot, 2, "2、"),
        ("⒈加强学习", ArabicDot, 1, "⒈"),
        ("⒉ 加强学习", ArabicDot, 2, "⒉ "),
        ("⒛加强学习", ArabicDot, 20, "⒛"),
        ("1、2022年工作回顾", ArabicDot, 1, "1、"),
        ("01、坚定理想信念", ArabicDot, 1, "01、"),
    ]);
}

#[test]
fn should_not_support_arabic_numbers_that_are_not_markers() {
    refuse(&[
        "2019、2020年",
        "1.5倍",
        "2.5万",
        "11.5.14.2",
        "１．５倍",
        "10%",
        "1 2",
        "1、2、3",
        "1,000元",
        "0.加强",
        "2022.加强",
        "12",
    ]);
}

// ---------------------------------------------------------------- ArabicParen

#[test]
fn should_support_arabic_paren_markers() {
    check(&[
        ("(1)专时专用", ArabicParen, 1, "(1)"),
        ("（1）专时专用", ArabicParen, 1, "（1）"),
        ("（２）突出党味", ArabicParen, 2, "（２）"),
        ("( 3 )创新方法", ArabicParen, 3, "( 3 )"),
        ("1)专时专用", ArabicParen, 1, "1)"),
        ("1）专时专用", ArabicParen, 1, "1）"),
        ("2） 突出党味", ArabicParen, 2, "2） "),
        ("⑴专时专用", ArabicParen, 1, "⑴"),
        ("⑵突出党味", ArabicParen, 2, "⑵"),
        ("⒇末项", ArabicParen, 20, "⒇"),
        ("(1)、专时专用", ArabicParen, 1, "(1)、"),
    ]);
}

#[test]
fn should_not_support_footnotes_and_years_in_brackets() {
    refuse(&["[1]参见", "〔2019〕12号", "(2019)", "(0)", "(1", "1]"]);
}

// ---------------------------------------------------------------- Circled

#[test]
fn should_support_circled_markers() {
    check(&[
        ("①学以固本", Circled, 1, "①"),
        ("① 学以固本。", Circled, 1, "① "),
        ("⑤学以促建", Circled, 5, "⑤"),
        ("⑳末项", Circled, 20, "⑳"),
        ("②、突出党味", Circled, 2, "②、"),
        ("❶学习", Circled, 1, "❶"),
        ("❿学习", Circled, 10, "❿"),
        ("➀学习", Circled, 1, "➀"),
        ("➂学习", Circled, 3, "➂"),
        ("➊学习", Circled, 1, "➊"),
        ("➍学习", Circled, 4, "➍"),
        ("㉑学习", Circled, 21, "㉑"),
        ("㊿学习", Circled, 50, "㊿"),
        ("⓫学习", Circled, 11, "⓫"),
        ("㊀学习", Circled, 1, "㊀"),
    ]);
}

#[test]
fn should_not_support_other_symbols_as_circled() {
    refuse(&["○学习", "●学习", "★学习", "◆学习"]);
}

// ---------------------------------------------------------------- Di

#[test]
fn should_support_di_markers() {
    check(&[
        ("第一，要牢记权力从何而来", Di, 1, "第一，"),
        ("第二、要保持敬畏之心", Di, 2, "第二、"),
        ("第三:要坚守法纪红线", Di, 3, "第三:"),
        ("第一：", Di, 1, "第一："),
        ("第一", Di, 1, "第一"),
        ("第一 要牢记权力从何而来", Di, 1, "第一 "),
        ("第一部分 总体要求", Di, 1, "第一部分 "),
        ("第一部分：总体要求", Di, 1, "第一部分："),
        ("第二章", Di, 2, "第二章"),
        ("第三条：", Di, 3, "第三条："),
        ("第四节，", Di, 4, "第四节，"),
        ("第五点，", Di, 5, "第五点，"),
        ("第一个方面，", Di, 1, "第一个方面，"),
        ("第二方面：", Di, 2, "第二方面："),
        ("第 1 部分 总体要求", Di, 1, "第 1 部分 "),
        ("第1部分：", Di, 1, "第1部分："),
        ("第十五，", Di, 15, "第十五，"),
        ("第二点是要加强", Di, 2, "第二点是"),
        ("第一个是从党纠正", Di, 1, "第一个是"),
        ("第一是发展", Di, 1, "第一是"),
        ("第三要扎实履行保稳定、促和谐的职责", Di, 3, "第三"),
        ("第二必须坚持", Di, 2, "第二"),
        ("第一坚持党的领导", Di, 1, "第一"),
        ("第四在用权上守住红线", Di, 4, "第四"),
        ("第五把纪律挺在前面", Di, 5, "第五"),
        ("第六以制度管人", Di, 6, "第六"),
        ("第七对党忠诚", Di, 7, "第七"),
        ("第八抓好落实", Di, 8, "第八"),
        ("第九加强学习", Di, 9, "第九"),
    ]);
}

#[test]
fn should_not_support_di_as_an_ordinal_adjective() {
    refuse(&[
        "第一次",
        "第一书记",
        "第一时间学习领会",
        "第一身份是共产党员",
        "第一职责",
        "第一期",
        "第一道防线",
        "第一天",
        "第二天",
        "第一种形态",
        "第一条就是不怕死",
        "第一要务",
        "第一个",
        "第一位",
        "第一名",
        "第一批",
        "第一届",
        "第一轮",
        "第一年",
        "第一生产力",
        "第一责任人",
        "第一把手",
        "第一 时间学习",
        "第一 次",
        "第二〇二〇",
        "第2019号",
    ]);
}

// ---------------------------------------------------------------- CnShi

#[test]
fn should_support_cn_shi_markers() {
    check(&[
        ("一是要在思想上尊重群众", CnShi, 1, "一是"),
        ("二是要在感情上贴近群众", CnShi, 2, "二是"),
        ("十是", CnShi, 10, "十是"),
        ("十一是加强", CnShi, 11, "十一是"),
        ("一要在思想上筑牢防线", CnShi, 1, "一要"),
        ("二要及时跟进学", CnShi, 2, "二要"),
        ("一则可以学习，二则可以交流", CnShi, 1, "一则"),
        ("三 是必须遵循组织程序", CnShi, 3, "三 是"),
        ("一 是认清组织制度的政治功能", CnShi, 1, "一 是"),
        ("一是，要敬畏规矩", CnShi, 1, "一是，"),
        ("四是: 必须服从组织决定", CnShi, 4, "四是: "),
        ("一是一以贯之抓落实", CnShi, 1, "一是"),
    ]);
}

#[test]
fn should_not_support_cn_shi_idioms() {
    refuse(&["一是一、二是二", "一是一，二是二", "三是三", "一是否", "一是非", "一则消息", "一则新闻报道说"]);
}

// ---------------------------------------------------------------- GeShi

#[test]
fn should_support_ge_shi_markers() {
    check(&[
        ("一个是从党纠正自身问题的智慧力量中增强信赖", GeShi, 1, "一个是"),
        ("另一个是从党领导国家和社会事业", GeShi, 2, "另一个是"),
        ("再一个是从\"中国梦\"的宏伟蓝图中", GeShi, 3, "再一个是"),
        ("一个 是,要事先准备", GeShi, 1, "一个 是,"),
        ("另一 个是从党领导", GeShi, 2, "另一 个是"),
        ("另外一个是", GeShi, 2, "另外一个是"),
        ("另一个是，时间要落实满", GeShi, 2, "另一个是，"),
    ]);
}

#[test]
fn should_not_support_ge_shi_without_shi() {
    refuse(&["一个人", "另一个方面", "再一个问题"]);
}

// ---------------------------------------------------------------- FangMian

#[test]
fn should_support_fang_mian_markers() {
    check(&[
        ("一方面，各级党组织", FangMian, 1, "一方面，"),
        ("一方面,要科学组织", FangMian, 1, "一方面,"),
        ("另一方面,机关党员干部", FangMian, 2, "另一方面,"),
        ("另 一方面,要搞好讨论", FangMian, 2, "另 一方面,"),
        ("另一 方面要搞好讨论", FangMian, 2, "另一 方面"),
        ("另外一方面，", FangMian, 2, "另外一方面，"),
    ]);
}

#[test]
fn should_not_support_fang_mian_lookalikes() {
    refuse(&["方面", "一方", "另一方", "多方面"]);
}

// ---------------------------------------------------------------- Qi

#[test]
fn should_support_qi_markers() {
    check(&[
        ("其一，党章是根本大法", Qi, 1, "其一，"),
        ("其二，", Qi, 2, "其二，"),
        ("其三是加强监督", Qi, 3, "其三是"),
        ("其一：", Qi, 1, "其一："),
        ("其一", Qi, 1, "其一"),
        ("其二在于", Qi, 2, "其二"),
        ("其 一，", Qi, 1, "其 一，"),
    ]);
}

#[test]
fn should_not_support_qi_inside_words() {
    refuse(&["其一生", "其一切", "其一般", "其一致性", "其一贯做法", "其一举一动", "其中", "其他"]);
}

// ---------------------------------------------------------------- Sequence

#[test]
fn should_support_sequence_markers() {
    check(&[
        ("首先，要真心爱群众", Sequence, 1, "首先，"),
        ("首先要真心爱群众", Sequence, 1, "首先"),
        ("首先,要切实履行", Sequence, 1, "首先,"),
        ("其次，要真正为群众", Sequence, 2, "其次，"),
        ("其次是要认真履行", Sequence, 2, "其次是"),
        ("再次，要", Sequence, 3, "再次，"),
        ("再次要", Sequence, 3, "再次"),
        ("再者,要真诚靠群众", Sequence, 3, "再者,"),
        ("最后，我讲一点意见", Sequence, 0, "最后，"),
        ("最后要强调", Sequence, 0, "最后"),
        ("首 先，", Sequence, 1, "首 先，"),
    ]);
}

#[test]
fn should_not_support_sequence_words_used_otherwise() {
    refuse(&[
        "最后一次",
        "最后一个",
        "最后阶段",
        "最后的胜利",
        "最后关头",
        "最后一公里",
        "再次强调",
        "再次感谢大家",
        "首长",
        "其实",
        "最好",
        "再说",
    ]);
}

// ---------------------------------------------------------------- Pian

#[test]
fn should_support_pian_markers() {
    check(&[
        ("篇一 同志们：", Pian, 1, "篇一 "),
        ("篇二：在全市会议上的讲话", Pian, 2, "篇二："),
        ("篇十", Pian, 10, "篇十"),
        ("第三篇", Pian, 3, "第三篇"),
        ("第二篇：在全县会议上的讲话", Pian, 2, "第二篇："),
    ]);
}

#[test]
fn should_not_support_pian_inside_words() {
    refuse(&["篇一律", "篇一律师行业座谈会上的讲话", "篇幅", "篇章", "第三篇讲话"]);
}

// ---------------------------------------------------------------- generic

#[test]
fn should_not_support_plain_text() {
    refuse(&["", " ", "同志们：", "今天开会。", "一", "十", "第", "其", "(", "一些同志", "一定要", "二者"]);
}

#[test]
fn should_never_panic_or_overrun_on_prefixes_of_markers() {
    let samples = [
        "(一)是持续深化",
        "第 1 部分：总体",
        "另 一方面,要",
        "一个 是,要",
        "１２、加强",
        "① 学以固本",
        "二十三、工作",
        "首 先，",
    ];
    for s in samples {
        for (i, _) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            let prefix = &s[..i];
            if let Some(m) = parse_marker(prefix) {
                assert!(m.len <= prefix.len() && prefix.is_char_boundary(m.len), "prefix: {prefix}");
            }
        }
    }
}

// ---------------------------------------------------------------- scan

#[test]
fn should_scan_inline_cn_shi_but_not_di_adjective() {
    let text = "重点要把好“四关”：一是要把好“初始关”。对“第一次”要有防范之心，不能有侥幸心理。二是要把好“朋友关”。";
    let c = scan(text);
    assert_eq!(kinds(&c), vec![(CnShi, 1, Position::Inline), (CnShi, 2, Position::Inline)]);
    assert_eq!(text.get(c[0].offset..c[0].offset + c[0].m.len), Some("一是"));
    assert_eq!(text.get(c[1].offset..c[1].offset + c[1].m.len), Some("二是"));
}

#[test]
fn should_scan_cn_paren_at_block_start_with_its_spaces() {
    let text = "(二) 坚决贯彻落实县委各项决策部署。";
    let c = scan(text);
    assert_eq!(kinds(&c), vec![(CnParen, 2, Position::BlockStart)]);
    assert_eq!((c[0].offset, c[0].m.len), (0, "(二) ".len()));
}

#[test]
fn should_scan_ocr_dash_and_hybrid_shi_at_block_start() {
    let c = scan("(-)坚决做到“两个维护”。自觉在思想上政治上行动上保持高度一致。");
    assert_eq!(kinds(&c), vec![(CnParen, 1, Position::BlockStart)]);
    let c = scan("(一)是持续深化理论武装。");
    assert_eq!(kinds(&c), vec![(CnParen, 1, Position::BlockStart)]);
    assert_eq!(c[0].m.len, "(一)是".len());
}

#[test]
fn should_scan_markers_cut_by_wrap_spaces() {
    let text = "不得搞任何形式的派别活动;三 是必须遵循组织程序,决不允许擅作主张。";
    let c = scan(text);
    assert_eq!(kinds(&c), vec![(CnShi, 3, Position::Inline)]);
    assert_eq!(text.get(c[0].offset..c[0].offset + c[0].m.len), Some("三 是"));

    let text = "课就留下一个深深的烙印。另 一方面,要搞好讨论。";
    let c = scan(text);
    assert_eq!(kinds(&c), vec![(FangMian, 2, Position::Inline)]);
    assert_eq!(text.get(c[0].offset..c[0].offset + c[0].m.len), Some("另 一方面,"));
}

#[test]
fn should_scan_block_start_after_leading_spaces() {
    let text = "  一、要清醒地认识到权力是人民赋予的。首先，要真心爱群众。其次，要真正为群众。";
    let c = scan(text);
    assert_eq!(
        kinds(&c),
        vec![(CnDun, 1, Position::BlockStart), (Sequence, 1, Position::Inline), (Sequence, 2, Position::Inline)]
    );
    assert_eq!(c[0].offset, 2);
}

#[test]
fn should_scan_after_closing_quotes_and_half_width_ends() {
    let c = scan("他说：“要学习。”一是学理论。二是学业务! 三是学技能? 四是学管理: 五是学法律");
    assert_eq!(c.iter().map(|c| c.m.ordinal).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
    assert!(c.iter().all(|c| c.position == Position::Inline && c.m.kind == CnShi));
}

#[test]
fn should_not_scan_markers_inside_sentences() {
    let c = scan("我们要首先抓好学习，其次抓好落实，一是一、二是二，最后一次机会。发展是第一要务。");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn should_not_scan_times_as_clause_ends() {
    let c = scan("本文2015-11-30 13:45:21发表");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn should_scan_circled_points_after_colon_and_stops() {
    let text = "重点要在五个方面下功夫:① 学以固本。着重抓好学习。②学以铸魂。认真参加学习。";
    let c = scan(text);
    assert_eq!(kinds(&c), vec![(Circled, 1, Position::Inline), (Circled, 2, Position::Inline)]);
    assert_eq!(c[0].m.len, "① ".len());
}

#[test]
fn should_scan_di_inline_with_a_verb() {
    let c = scan("其次，要认真履行谋发展、惠民生的职责。第三要扎实履行保稳定、促和谐的职责。");
    assert_eq!(kinds(&c), vec![(Sequence, 2, Position::BlockStart), (Di, 3, Position::Inline)]);
}

#[test]
fn should_return_page_numbers_as_arabic_dot_for_later_stages() {
    let c = scan("2、了好处乱办事，甚至办坏事；有的认为自己的权力是自己争取来的。");
    assert_eq!(kinds(&c), vec![(ArabicDot, 2, Position::BlockStart)]);
}

#[test]
fn should_scan_nothing_in_empty_or_blank_text() {
    assert!(scan("").is_empty());
    assert!(scan("   ").is_empty());
    assert!(scan("。：；").is_empty());
}

#[test]
fn should_scan_every_seed_text_without_panicking_and_within_bounds() {
    let mut texts = 0;
    for (_, text) in common::fixtures("seeds") {
        texts += 1;
        for line in text.lines() {
            for c in scan(line) {
                let end = c.offset + c.m.len;
                assert!(line.is_char_boundary(c.offset) && line.is_char_boundary(end) && end <= line.len());
            }
        }
    }
    // The loop above ran on the seeds, not on an empty directory.
    assert!(texts >= 5, "seed texts read: {texts}");
}

#[test]
fn should_find_the_gold_markers_of_a_long_pdf_line() {
    // One long line of PDF text with wrap spaces, as in a document preview.
    let text = "主要要求包括坚守党的政治方向。作为工会干部务必做到以下五点: (-)坚决做到“两个维护”。自觉在思想上 \
                保持高度一致。 (二) 坚决贯彻落实县委各项决策部署。要按照要求,都要第一时间学 习领会。\
                集中体现在“五个必须\"±o 一是必须维护党中央权威;二是必须维护党的团结;三 是必须遵循组织程序。";
    let got: Vec<_> = scan(text).iter().map(|c| (c.m.kind, c.m.ordinal)).collect();
    assert_eq!(got, vec![(CnParen, 1), (CnParen, 2), (CnShi, 2), (CnShi, 3)]);
}

mod properties {
    use super::*;
    use jianggao::normalize::{is_clause_end, is_closing_quote, is_space};
    use proptest::prelude::*;

    /// [`scan`] as its definition reads, a character at a time: the marker
    /// at the start (after spaces), and one after every clause end
    /// (`is_clause_end` or `…`, but not the colon of a time `13:45`) and the
    /// closing quotes and spaces after it.
    fn scan_by_chars(text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        let start = text.len() - text.trim_start_matches(is_space).len();
        if let Some(m) = parse_marker(&text[start..]) {
            out.push(Candidate { offset: start, position: Position::BlockStart, m });
        }
        let mut prev = None;
        for (at, c) in text.char_indices() {
            let time = c == ':' && prev.is_some_and(|p: char| p.is_ascii_digit());
            prev = Some(c);
            if !(is_clause_end(c) || c == '…') || time {
                continue;
            }
            let rest = &text[at + c.len_utf8()..];
            let offset = text.len() - rest.trim_start_matches(|c| is_closing_quote(c) || is_space(c)).len();
            if let Some(m) = parse_marker(&text[offset..]) {
                out.push(Candidate { offset, position: Position::Inline, m });
            }
        }
        out
    }

    /// Pieces of markers, of near misses and of prose, for texts made of
    /// what markers are made of.
    const PIECES: &[&str] = &[
        "一",
        "二",
        "三",
        "九",
        "十",
        "二十",
        "〇",
        "两",
        "零",
        "壹",
        "貳",
        "拾",
        "肆",
        "个",
        "是",
        "要",
        "则",
        "一个",
        "个是",
        "方",
        "方面",
        "另",
        "外",
        "另外",
        "再",
        "次",
        "者",
        "来",
        "其",
        "首",
        "先",
        "最",
        "后",
        "接",
        "下",
        "接下来",
        "第",
        "篇",
        "律",
        "否",
        "非",
        "部分",
        "条",
        "点",
        "我们",
        "时间",
        "消息",
        "(",
        "（",
        ")",
        "）",
        "〔",
        "〕",
        "【",
        "】",
        "[",
        "]",
        "［",
        "-",
        "—",
        "、",
        "，",
        ",",
        "：",
        ":",
        "．",
        ".",
        "；",
        ";",
        "。",
        "！",
        "？",
        "!",
        "?",
        "…",
        "”",
        "」",
        " ",
        "\u{3000}",
        "\u{200B}",
        "\t",
        "1",
        "12",
        "2019",
        "0",
        "０",
        "５",
        "⑴",
        "⒈",
        "①",
        "❷",
        "㈠",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn scan_should_answer_as_a_walk_over_characters(v in proptest::collection::vec(proptest::sample::select(PIECES), 0..=16)) {
            let s = v.concat();
            prop_assert_eq!(scan(&s), scan_by_chars(&s));
        }
    }

    /// Strings rich in marker characters, punctuation and spaces.
    const ALPHABET: &str = "[一二三十两〇是要则个方面另再其次首先最后第部分条点篇壹貳拾、，,.．:：;；。！?”\"()（）〔〕0-9０-９①⑴⒈㈠❶\\-— 　a-z党的]{0,24}";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn should_keep_a_match_inside_the_input_on_a_char_boundary(s in ALPHABET) {
            if let Some(m) = parse_marker(&s) {
                prop_assert!(m.len > 0 && m.len <= s.len() && s.is_char_boundary(m.len));
                prop_assert!(m.ordinal <= 999);
                prop_assert!(m.ordinal > 0 || m.kind == Sequence);
            }
        }

        #[test]
        fn should_scan_in_order_within_bounds(s in ALPHABET) {
            let c = scan(&s);
            for w in c.windows(2) {
                prop_assert!(w[0].offset < w[1].offset);
            }
            for (k, c) in c.iter().enumerate() {
                prop_assert!(s.is_char_boundary(c.offset) && s.is_char_boundary(c.offset + c.m.len));
                prop_assert!(c.offset + c.m.len <= s.len());
                prop_assert_eq!(c.position == Position::BlockStart, k == 0 && s[..c.offset].trim().is_empty());
                prop_assert_eq!(parse_marker(&s[c.offset..]), Some(c.m));
            }
        }
    }
}

//! Input formats: HTML pages, Word .docx documents, and the clear refusal of
//! PDF and .doc files.

#![cfg(all(feature = "html", feature = "docx"))]

mod common;

use jianggao::input::{detect, extract, Format};
use jianggao::render::outline::render;
use jianggao::{Error, NoiseReason, Parser};

/// Made by `tests/formats/make_docx.py`: the points are Word's automatic
/// numbering (sections through a numbered paragraph style, points through
/// numbering on the paragraph), the last section inside a table cell.
const DOCX: &[u8] = include_bytes!("formats/numbered-speech.docx");
/// The same speech as plain text, with the markers a reader sees.
const TWIN: &str = include_str!("formats/numbered-speech.txt");

#[test]
fn docx_with_word_numbering_should_parse_to_the_outline_of_its_plain_text_twin() {
    let doc = jianggao::parse_bytes(DOCX).unwrap();
    let twin = jianggao::parse(TWIN);
    assert_eq!(render(&doc), render(&twin));
    assert_eq!(doc.extracted_text.as_deref(), Some(TWIN));
    let speech = &doc.speeches[0];
    assert_eq!(speech.title.as_deref(), Some("在全市作风建设大会上的讲话"));
    assert_eq!(speech.sections.len(), 3);
    assert_eq!(speech.sections[1].points[0].points.len(), 2);
    assert_eq!(speech.sections[2].marker.as_ref().map(|m| m.text.as_str()), Some("三、"));
    common::check_invariants(doc.extracted_text.as_deref().unwrap(), &doc);
}

#[test]
fn docx_should_be_detected_by_content_and_asked_for_by_name() {
    assert_eq!(detect(DOCX), Format::Docx);
    let asked = Parser::new().format(Format::Docx).parse_bytes(DOCX).unwrap();
    assert_eq!(asked, jianggao::parse_bytes(DOCX).unwrap());
    assert_eq!(asked.encoding, "UTF-8");
}

#[test]
fn damaged_docx_should_be_a_clear_error_and_never_a_panic() {
    let truncated = &DOCX[..DOCX.len() / 2];
    let e = jianggao::parse_bytes(truncated).unwrap_err();
    assert!(matches!(e, Error::Malformed { .. }), "{e}");
    assert!(e.to_string().starts_with("malformed .docx"), "{e}");
    // Every byte flipped in turn: an error or a document, never a panic.
    for i in (0..DOCX.len()).step_by(7) {
        let mut bytes = DOCX.to_vec();
        bytes[i] ^= 0x5A;
        let _ = jianggao::parse_bytes(&bytes);
    }
}

#[test]
fn a_zip_that_is_not_a_docx_should_say_so() {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        z.start_file("notes.txt", opts).unwrap();
        std::io::Write::write_all(&mut z, "一、总体要求".as_bytes()).unwrap();
        z.finish().unwrap();
    }
    let e = jianggao::parse_bytes(buf.get_ref()).unwrap_err();
    assert!(matches!(e, Error::Unsupported { .. }), "{e}");
    assert!(e.to_string().contains("word/document.xml"), "{e}");
}

#[test]
fn docx_with_broken_xml_should_be_malformed() {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        z.start_file("word/document.xml", opts).unwrap();
        std::io::Write::write_all(&mut z, b"<w:document><w:body><w:p><w:t>\xE4\xB8\x80</w:t></w:p><w:p").unwrap();
        z.finish().unwrap();
    }
    let e = jianggao::parse_bytes(buf.get_ref()).unwrap_err();
    assert!(matches!(e, Error::Malformed { .. }), "{e}");
}

/// A saved page: site chrome around a speech, scripts, styles, comments,
/// entities, a title split by inline markup, `<br>` line breaks.
const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>学习专栏-某某中学</title>
<style>p { font-family: 宋体; }</style>
<script>var nav = "<p>不是正文</p>";</script></head>
<body>
<header><a href="/">首页</a> <a href="/news">新闻中心</a></header>
<nav><ul><li><a href="/a">学校概况</a></li><li><a href="/b">党建引领</a></li></ul></nav>
<div class="content">
<!-- 正文 -->
<p align="center"><b><span>在全市</span>作风建设大会上的讲话</b></p>
<p>同志们：</p>
<p>　　今天召开大会，主要任务是部署工作。</p>
<p>　　一、充分认识<span style="font-family:宋体">作风建设</span>的重要意义</p>
<p>　　作风建设关系人心向背&mdash;&mdash;这是<a href="/x">共识</a>。<br>一是事关形象。二是事关成败。</p>
<p>　　二、切实加强组织领导</p>
<p>　　各级党委要担负主体责任。</p>
<p>　　谢谢大家！</p>
</div>
<aside><h3>推荐阅读</h3><ul><li><a href="/c">每周一学</a></li></ul></aside>
<footer>版权所有 © 某某中学 <a href="/icp">浙ICP备00000000号</a></footer>
</body></html>
"#;

#[test]
fn html_should_read_the_speech_and_report_the_chrome() {
    let doc = jianggao::parse(PAGE);
    let text = doc.extracted_text.as_deref().expect("HTML is extracted");
    common::check_invariants(text, &doc);
    let speech = &doc.speeches[0];
    assert_eq!(speech.title.as_deref(), Some("在全市作风建设大会上的讲话"));
    assert_eq!(speech.greeting.as_deref(), Some("同志们"));
    let titles: Vec<_> = speech.sections.iter().map(|s| s.title.as_deref().unwrap_or("")).collect();
    assert_eq!(titles, ["充分认识作风建设的重要意义", "切实加强组织领导"]);
    assert_eq!(speech.sections[0].points.len(), 2);
    assert_eq!(speech.closing.as_deref(), Some("谢谢大家"));
    // Scripts, styles, comments and the head are gone.
    for gone in ["不是正文", "font-family", "正文 --", "学习专栏-某某中学"] {
        assert!(!text.contains(gone), "{gone}");
    }
    // Entities decoded, inline links inside the sentence.
    assert!(text.contains("作风建设关系人心向背——这是共识。\n一是事关形象。"));
    // The chrome is noise with its reason.
    let chrome: Vec<&str> =
        doc.noise.iter().filter(|n| n.reason == NoiseReason::HtmlChrome).map(|n| n.text.as_str()).collect();
    for c in ["首页 新闻中心", "学校概况", "党建引领", "推荐阅读", "每周一学"] {
        assert!(chrome.contains(&c), "{c} in {chrome:?}");
    }
    assert!(chrome.iter().any(|c| c.starts_with("版权所有")), "{chrome:?}");
    // Spans point into the extracted text.
    let s = &speech.sections[1];
    assert_eq!(&text[s.title_span.unwrap().range()], "切实加强组织领导");
}

#[test]
fn html_should_be_detected_by_content_from_bytes_and_text() {
    assert_eq!(detect(PAGE.as_bytes()), Format::Html);
    let from_bytes = jianggao::parse_bytes(PAGE.as_bytes()).unwrap();
    assert_eq!(from_bytes, jianggao::parse(PAGE));
    // Asked for as text, the page is read as it is.
    let as_text = Parser::new().format(Format::Text).parse(PAGE);
    assert!(as_text.extracted_text.is_none());
    // Plain text is never taken for HTML.
    assert_eq!(detect("一、总体要求\n要把好<初心>关。".as_bytes()), Format::Text);
}

#[test]
fn html_in_gbk_should_be_decoded_by_its_meta_charset() {
    let page = PAGE.replace("utf-8", "gbk");
    let (bytes, _, _) = encoding_rs::GBK.encode(&page);
    let doc = jianggao::parse_bytes(&bytes).unwrap();
    assert_eq!(doc.encoding, "GB18030");
    assert_eq!(doc.speeches[0].title.as_deref(), Some("在全市作风建设大会上的讲话"));
}

#[test]
fn html_in_utf16_should_be_detected_after_its_byte_order_mark() {
    for (bom, unit) in [([0xFF, 0xFE], u16::to_le_bytes as fn(u16) -> [u8; 2]), ([0xFE, 0xFF], u16::to_be_bytes)] {
        let mut bytes = bom.to_vec();
        bytes.extend(PAGE.encode_utf16().flat_map(unit));
        assert_eq!(detect(&bytes), Format::Html);
        let doc = jianggao::parse_bytes(&bytes).unwrap();
        assert!(doc.encoding.starts_with("UTF-16"), "{}", doc.encoding);
        assert_eq!(doc.speeches[0].title.as_deref(), Some("在全市作风建设大会上的讲话"));
    }
    // UTF-16 plain text stays text.
    let text: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("一、总体要求\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert_eq!(detect(&text), Format::Text);
}

#[test]
fn pdf_and_doc_should_be_refused_with_a_conversion_named() {
    let e = jianggao::parse_bytes(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj").unwrap_err();
    assert!(matches!(e, Error::Unsupported { .. }));
    assert!(e.to_string().contains("pdftotext -layout"), "{e}");
    let e = extract(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", Format::Auto).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("antiword") && msg.contains("catdoc"), "{msg}");
}

/// Paragraphs of a speech, for the `pdftotext -layout` test.
const PARAGRAPHS: [&str; 4] = [
    "今天召开全市作风建设大会，主要任务是总结前一阶段工作，部署下一阶段任务，动员全市上下以更加务实的作风推动各项工作落地见效，为完成全年目标任务提供坚强保证。",
    "作风建设是党的建设的重要内容，关系人心向背，关系事业成败。各级党组织要把作风建设摆在更加突出的位置，常抓不懈、久久为功，以优良作风凝聚人心、推动发展。",
    "各级党委要担负主体责任，主要负责同志要亲自抓、负总责，分管同志要抓具体、具体抓，形成一级抓一级、层层抓落实的工作格局，确保各项要求落到实处、见到成效。",
    "纪检监察机关要加强监督检查，对顶风违纪的行为发现一起、查处一起，对典型问题点名道姓通报曝光，持续释放越往后执纪越严的强烈信号，推动作风持续向好。",
];

/// What `pdftotext -layout` writes for a speech: lines cut at the page
/// width (here 30 characters) in the middle of sentences, an indent opening
/// each paragraph, a page number and a form feed between pages.
fn pdftotext_layout() -> String {
    let wrap = |p: &str| {
        let chars: Vec<char> = p.chars().collect();
        let lines: Vec<String> = chars.chunks(30).map(|c| c.iter().collect()).collect();
        format!("    {}\n", lines.join("\n"))
    };
    let mut s = String::from("                在全市作风建设大会上的讲话\n\n同志们：\n");
    s += &wrap(PARAGRAPHS[0]);
    s += "    一、充分认识作风建设的重要意义\n";
    s += &wrap(PARAGRAPHS[1]);
    s += "\n                               - 1 -\n\x0c";
    s += "    二、切实加强组织领导\n";
    s += &wrap(PARAGRAPHS[2]);
    s += &wrap(PARAGRAPHS[3]);
    s += "    谢谢大家！\n";
    s
}

#[test]
fn pdftotext_layout_output_should_parse_with_its_hard_wraps_repaired() {
    let text = pdftotext_layout();
    let doc = jianggao::parse(&text);
    common::check_invariants(&text, &doc);
    let speech = &doc.speeches[0];
    assert_eq!(speech.title.as_deref(), Some("在全市作风建设大会上的讲话"));
    assert_eq!(speech.preamble[0].text, PARAGRAPHS[0]);
    assert_eq!(speech.sections.len(), 2);
    assert_eq!(speech.sections[0].paragraphs[0].text, PARAGRAPHS[1]);
    let texts: Vec<&str> = speech.sections[1].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, &PARAGRAPHS[2..]);
    assert!(doc.noise.iter().any(|n| n.text == "- 1 -"), "{:?}", doc.noise);
}

#[test]
fn format_names_should_round_trip() {
    for name in Format::NAMES {
        assert_eq!(name.parse::<Format>().unwrap().name(), name);
    }
    assert!("pdf".parse::<Format>().is_err());
}

#[test]
fn the_fuzz_checks_of_html_and_docx_should_hold_on_pseudo_random_inputs() {
    // A fixed linear congruential generator: the same inputs on every run.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u8
    };
    for len in (0..400).step_by(13) {
        let data: Vec<u8> = (0..len).map(|_| next()).collect();
        common::checks::check_parse_html(&data).unwrap();
        common::checks::check_parse_docx(&data).unwrap();
    }
    common::checks::check_parse_docx(DOCX).unwrap();
    common::checks::check_parse_html(PAGE.as_bytes()).unwrap();
}

/// A page whose footer is a plain `<div>` (no `footer` element, no chrome
/// class): the address and postcode line is site chrome, so the speech that
/// ends before it is complete.
#[test]
fn html_footer_in_a_plain_div_should_not_read_as_a_cut_text() {
    let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>讲话</title></head><body>\
        <h1>在全镇安全生产会议上的讲话</h1><p>同志们：</p><p>今天召开会议，部署安全生产工作。</p>\
        <h2>一、压实责任</h2><p>各村要落实属地责任，企业要落实主体责任，确保不出问题。</p>\
        <h2>二、排查隐患</h2><p>要对重点行业逐一排查，发现问题立即整改到位。</p>\
        <div><p>版权所有：某镇人民政府</p><p>地址：某镇中山路12号　邮编：528400</p></div>\
        </body></html>";
    let doc = jianggao::parse_bytes(page.as_bytes()).unwrap();
    assert!(!doc.truncated, "{:?}", doc.diagnostics);
    let postcode = doc.noise.iter().find(|n| n.text.contains("邮编")).expect("the postcode line is noise");
    assert_eq!(postcode.reason, NoiseReason::SiteChrome);
    assert_eq!(doc.speeches[0].sections.len(), 2);
    common::check_invariants(doc.extracted_text.as_deref().unwrap(), &doc);
}

/// A copied page with a one-line menu between bars above a speech that has
/// no title line: the menu is navigation, never the title.
#[test]
fn a_menu_between_bars_should_be_navigation_and_not_the_title() {
    let src = "首页 | 机关概况 | 工作动态 | 公开目录 | 办事指南\n同志们：\n今天主要讲两点。\n\
        一、提高认识\n要把思想统一到部署上来。\n二、狠抓落实\n要把任务分解到人，按期完成。\n谢谢大家！\n";
    let doc = jianggao::parse(src);
    assert_eq!(doc.speeches[0].title, None);
    assert_eq!(doc.speeches[0].greeting.as_deref(), Some("同志们"));
    assert_eq!(doc.noise[0].text, "首页 | 机关概况 | 工作动态 | 公开目录 | 办事指南");
    assert_eq!(doc.noise[0].reason, NoiseReason::Navigation);
    assert_eq!(doc.speeches[0].sections.len(), 2);
}

/// A copied government page: a breadcrumb without `当前位置` above a speech
/// with no title line, and a footer of sponsor and contact lines under it.
/// The breadcrumb is not the title and the footer does not make the text
/// read as cut off.
#[test]
fn a_breadcrumb_and_a_sponsor_footer_should_be_chrome() {
    let src = "首页 > 政务公开 > 领导讲话\n同志们：\n今天主要讲两点。\n一、提高认识\n要把思想统一到部署上来。\n\
        二、狠抓落实\n要把任务分解到人，按期完成。\n谢谢大家！\n主办：某县人民政府办公室　承办：某县融媒体中心\n\
        联系电话：0000-1234567　网站地图　联系我们\n";
    let doc = jianggao::parse(src);
    assert_eq!(doc.speeches[0].title, None);
    assert!(!doc.truncated, "{:?}", doc.diagnostics);
    let reason = |t: &str| doc.noise.iter().find(|n| n.text.starts_with(t)).map(|n| n.reason);
    assert_eq!(reason("首页 >"), Some(NoiseReason::Navigation));
    assert_eq!(reason("主办："), Some(NoiseReason::SiteChrome));
    assert_eq!(reason("联系电话："), Some(NoiseReason::SiteChrome));
    assert_eq!(doc.speeches[0].sections.len(), 2);
}

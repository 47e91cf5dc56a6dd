//! Renderings and tree walks: outline, Markdown, chunks, nodes, char
//! offsets. Most tests build documents by hand, so that they test the
//! renderings whatever the parser finds; some run over every fixture.

mod common;

use jianggao::render::chunks::{chunks, chunks_with_source, ChunkOptions};
use jianggao::{CharOffsets, Document, Marker, MarkerKind, Metadata, Paragraph, Section, Span, Speech};

fn marker(text: &str, kind: MarkerKind, ordinal: u32) -> Marker {
    Marker::new(text, kind, ordinal, Span::default())
}

fn para(text: &str) -> Paragraph {
    Paragraph::new(text, Span::default())
}

fn node(m: Option<Marker>, title: Option<&str>, paragraphs: &[&str], points: Vec<Section>) -> Section {
    let mut s = Section::default();
    s.marker = m;
    s.title = title.map(str::to_string);
    s.paragraphs = paragraphs.iter().map(|p| para(p)).collect();
    s.points = points;
    s
}

/// A speech with sections, points, a sub-point, a heading-only point and a
/// run of title-only points.
fn sample() -> Document {
    let sub = node(Some(marker("1.", MarkerKind::ArabicDot, 1)), Some("加强教育培训"), &["每年至少轮训一次。"], vec![]);
    let heading_only = node(Some(marker("（一）", MarkerKind::CnParen, 1)), Some("抓好队伍建设"), &[], vec![sub]);
    let leaves = vec![
        node(Some(marker("一是", MarkerKind::CnShi, 1)), Some("要学理论"), &[], vec![]),
        node(Some(marker("二是", MarkerKind::CnShi, 2)), Some("要学业务"), &[], vec![]),
    ];
    let s1 = node(Some(marker("一、", MarkerKind::CnDun, 1)), Some("强化学习意识"), &["要加强学习。"], leaves);
    let s2 = node(Some(marker("二、", MarkerKind::CnDun, 2)), Some("突出工作重点"), &[], vec![heading_only]);
    // Model types are `#[non_exhaustive]`: built from defaults, field by field.
    let mut metadata = Metadata::default();
    metadata.speaker = Some("李明".into());
    metadata.date = Some("2023-04-12".into());
    metadata.occasion = Some("全县党建工作会议".into());
    metadata.source = Some("https://example.org/a".into());
    let mut speech = Speech::default();
    speech.title = Some("在全县党建工作会议上的讲话".into());
    speech.metadata = metadata;
    speech.greeting = Some("同志们".into());
    speech.preamble = vec![para("今天开会。")];
    speech.sections = vec![s1, s2];
    speech.conclusion = vec![para("让我们共同努力！")];
    speech.closing = Some("谢谢大家".into());
    let mut doc = Document::default();
    doc.schema_version = jianggao::SCHEMA_VERSION;
    doc.speeches = vec![speech];
    doc.encoding = "UTF-8".into();
    doc
}

/// The heading paths of the outline rendering: one per section/point line,
/// from the indent, with the title (or the marker when untitled, `""` for
/// an unmarked untitled section or speech).
fn outline_paths(doc: &Document) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut path: Vec<Option<String>> = Vec::new();
    let mut speech_title = String::new();
    for line in doc.outline().lines() {
        if let Some(t) = line.strip_prefix("== ") {
            speech_title = t.trim().to_string();
            path.clear();
            continue;
        }
        let trimmed = line.trim_start_matches(' ');
        let Some(item) = trimmed.strip_prefix("- ") else {
            continue; // a metadata line
        };
        let depth = (line.len() - trimmed.len()) / 2;
        let (m, title) = item.split_once(" | ").unwrap_or((item, ""));
        let label = if !title.trim().is_empty() {
            Some(title.trim().to_string())
        } else if m != "*" {
            Some(m.trim().to_string())
        } else {
            None
        };
        path.truncate(depth);
        path.push(label);
        out.push(
            std::iter::once(speech_title.clone()).chain(path.iter().map(|l| l.clone().unwrap_or_default())).collect(),
        );
    }
    out
}

#[test]
fn chunk_heading_paths_should_match_the_outline() {
    let doc = sample();
    let paths = outline_paths(&doc);
    let cs = doc.chunks(&ChunkOptions::default());
    let title = vec!["在全县党建工作会议上的讲话".to_string()];
    for c in &cs {
        assert!(c.heading_path == title || paths.contains(&c.heading_path), "{:?} is an outline path", c.heading_path);
    }
    let got: Vec<(Vec<&str>, &str)> =
        cs.iter().map(|c| (c.heading_path.iter().map(String::as_str).collect(), c.text.as_str())).collect();
    let t = "在全县党建工作会议上的讲话";
    assert_eq!(
        got,
        [
            (vec![t], "今天开会。"),
            (vec![t, "强化学习意识"], "要加强学习。"),
            (vec![t, "强化学习意识"], "一是要学理论\n二是要学业务"),
            (vec![t, "突出工作重点", "抓好队伍建设", "加强教育培训"], "每年至少轮训一次。"),
            (vec![t], "让我们共同努力！"),
        ]
    );
}

#[test]
fn chunks_of_every_fixture_should_follow_the_outline() {
    for (name, src) in common::fixtures("") {
        let doc = jianggao::parse(&src);
        let paths = outline_paths(&doc);
        for c in chunks(&doc, &ChunkOptions::default()) {
            let speech = doc.speeches.get(c.speech).expect("speech index is valid");
            let title = vec![speech.title.as_deref().unwrap_or_default().trim().to_string()];
            assert!(
                c.heading_path == title || paths.contains(&c.heading_path),
                "{}: {:?} is an outline path",
                name,
                c.heading_path
            );
        }
    }
}

#[test]
fn chunks_should_respect_the_size_limit_and_never_be_empty() {
    for (name, src) in common::fixtures("") {
        let doc = jianggao::parse(&src);
        for max in [1, 7, 30, 200] {
            for c in chunks_with_source(&doc, &src, &ChunkOptions::new(max)) {
                let n = c.text.chars().count();
                assert!(n <= max, "{}: chunk of {n} chars over {max}", name);
                assert!(!c.text.trim().is_empty(), "{}: empty chunk", name);
                assert_eq!(c.text, c.text.trim(), "chunks are trimmed");
                assert_ne!(c.heading_path.last(), Some(&c.text), "{}: heading-only chunk", name);
                let slice = src.get(c.span.range());
                assert!(slice.is_some(), "{}: span {:?} splits a character", name, c.span);
            }
        }
    }
}

#[test]
fn split_chunks_should_keep_every_character_of_the_paragraph() {
    for (name, src) in common::fixtures("") {
        let doc = jianggao::parse(&src);
        let whole: String = chunks(&doc, &ChunkOptions::new(100_000))
            .iter()
            .map(|c| c.text.as_str())
            .collect::<String>()
            .split_whitespace()
            .collect();
        let split: String = chunks(&doc, &ChunkOptions::new(13))
            .iter()
            .map(|c| c.text.as_str())
            .collect::<String>()
            .split_whitespace()
            .collect();
        assert_eq!(whole, split, "{}", name);
    }
}

#[test]
fn a_long_paragraph_should_split_at_sentence_ends() {
    let mut doc = sample();
    doc.speeches[0].preamble = vec![para("第一句话很短。第二句话也短！第三句呢？第四句；最后。")];
    let cs = doc.chunks(&ChunkOptions::new(8));
    let texts: Vec<&str> = cs.iter().take_while(|c| c.heading_path.len() == 1).map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["第一句话很短。", "第二句话也短！", "第三句呢？", "第四句；最后。"]);
}

#[test]
fn a_sentence_longer_than_the_limit_should_split_between_characters() {
    let mut doc = sample();
    doc.speeches[0].preamble = vec![para("一二三四五六七八九十𠀀𠀁")];
    let cs = doc.chunks(&ChunkOptions::new(5));
    let texts: Vec<&str> = cs.iter().take_while(|c| c.heading_path.len() == 1).map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["一二三四五", "六七八九十", "𠀀𠀁"]);
}

#[test]
fn split_chunk_spans_should_point_at_their_source() {
    let src = "一、总体要求\n要抓好落实。要加强领导。要狠抓督导。";
    let doc = jianggao::parse(src);
    let cs = chunks_with_source(&doc, src, &ChunkOptions::new(6));
    assert!(cs.len() >= 3);
    for c in &cs {
        assert_eq!(src.get(c.span.range()), Some(c.text.as_str()));
    }
}

/// A text whose first paragraph runs across three pages, cut by page
/// numbers (`2、`, `3、`), in lines hard-wrapped at 26 characters.
fn paged_and_wrapped() -> String {
    let wrap = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        chars.chunks(26).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("\n")
    };
    let a = "今天，我们召开这次会议，主要任务是深入学习贯彻党的二十大精神，总结过去一年的工作，分析当前面临的形势，部署今年的重点任务。不给好处不办事，给";
    let b = "2022年乱办事。过去一年，全市上下团结一心，攻坚克难，经济社会发展取得了新的成绩，全年完成投资300多万美元，引进项目十二个，群众满意度持续提升。迟早要栽";
    let c = "跟头。我们要清醒地看到，工作中还存在不少问题和不足，有的同志思想不够解放，有的部门作风不够扎实，必须认真加以解决。";
    format!("标题\n\n1、{}\n\n2、{}\n\n3、{}\n", wrap(a), wrap(b), wrap(c))
}

#[test]
fn split_chunk_spans_should_hold_their_text_across_page_breaks_and_wraps() {
    let src = paged_and_wrapped();
    let doc = jianggao::parse(&src);
    let paragraphs = &doc.speeches[0].preamble;
    assert_eq!(paragraphs.len(), 1, "{paragraphs:?}");
    assert!(paragraphs[0].text.contains("给2022年乱办事。"));
    let cuts: Vec<Span> = doc.noise.iter().map(|n| n.span).collect();
    assert_eq!(cuts.len(), 3, "the page numbers are cut: {:?}", doc.noise);
    let opts = ChunkOptions::new(9);
    let split = chunks(&doc, &opts);
    // The parser's maps give the same spans with or without the source.
    assert_eq!(split, chunks_with_source(&doc, &src, &opts));
    assert!(split.len() > 20);
    for c in &split {
        // The source of the span, without the page numbers and the line
        // breaks cut out of the paragraph, is the chunk's text.
        let kept: String = src[c.span.range()]
            .char_indices()
            .filter(|&(i, ch)| {
                ch != '\n' && !cuts.iter().any(|s| s.contains(Span::new(c.span.start + i, c.span.start + i + 1)))
            })
            .map(|(_, ch)| ch)
            .collect();
        assert_eq!(kept, c.text, "{:?}", c.span);
    }
    // The piece after the second page number starts at its own `2`, not
    // at the page number's, which the text's characters would also match.
    let Some(c) = split.iter().find(|c| c.text == "2022年乱办事。") else {
        panic!("the piece is cut at the page break")
    };
    assert_eq!(&src[c.span.range()], "2022年乱办事。");
}

#[test]
fn a_document_read_back_from_json_should_chunk_the_same() {
    let mut joined = 0;
    for (name, src) in common::fixtures("") {
        let doc = jianggao::parse(&src);
        let back: Document =
            serde_json::from_str(&serde_json::to_string(&doc).expect("serialises")).expect("reads back");
        assert_eq!(back, doc, "{name}");
        for max in [7, 30, 200] {
            let opts = ChunkOptions::new(max);
            let parsed = chunks_with_source(&doc, &src, &opts);
            assert_eq!(chunks_with_source(&back, &src, &opts), parsed, "{name} at {max}");
            // Pieces of paragraphs joined from several pieces of source:
            // the parsed document takes their spans from its maps, the one
            // read back aligns the texts with the source.
            joined += parsed.iter().filter(|c| c.span.len() != c.text.len()).count();
        }
    }
    assert!(joined > 100, "{joined} pieces of joined paragraphs");
}

#[test]
fn markdown_should_have_front_matter_and_nested_headings() {
    let md = sample().to_markdown();
    let front = "---\ntitle: \"在全县党建工作会议上的讲话\"\nspeaker: \"李明\"\ndate: \"2023-04-12\"\noccasion: \"全县党建工作会议\"\nsource: \"https://example.org/a\"\n---\n";
    assert!(md.starts_with(front), "{md}");
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# 在全县党建工作会议上的讲话",
            "## 一、强化学习意识",
            "### 一是要学理论",
            "### 二是要学业务",
            "## 二、突出工作重点",
            "### （一）抓好队伍建设",
            "#### 1.加强教育培训",
        ]
    );
    let body: Vec<&str> = md.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).skip(7).collect();
    assert_eq!(body, ["同志们", "今天开会。", "要加强学习。", "每年至少轮训一次。", "让我们共同努力！", "谢谢大家"]);
}

#[test]
fn markdown_should_not_go_deeper_than_six_levels() {
    let mut leaf = node(Some(marker("①", MarkerKind::Circled, 1)), Some("最深"), &["正文。"], vec![]);
    for _ in 0..8 {
        leaf = node(Some(marker("1.", MarkerKind::ArabicDot, 1)), Some("层"), &[], vec![leaf]);
    }
    let mut doc = sample();
    doc.speeches[0].sections = vec![leaf];
    let md = doc.to_markdown();
    assert!(md.contains("\n###### ①最深\n"));
    assert!(!md.contains("#######"));
}

#[test]
fn markdown_should_escape_paragraphs_that_look_like_syntax() {
    let mut doc = sample();
    doc.speeches[0].preamble = vec![para("# 不是标题"), para("1. 不是列表")];
    let md = doc.to_markdown();
    assert!(md.contains("\n\\# 不是标题\n"));
    assert!(md.contains("\n\\1. 不是列表\n"));
}

#[test]
fn markdown_of_several_speeches_should_list_each_speechs_metadata() {
    let mut doc = sample();
    let mut second = doc.speeches[0].clone();
    second.title = Some("第二篇".into());
    second.metadata.speaker = Some("王芳".into());
    doc.speeches.push(second);
    let md = doc.to_markdown();
    assert!(md.starts_with("---\nspeeches: 2\n---\n"));
    assert!(md.contains("\n# 第二篇\n\n- speaker: \"王芳\"\n"));
}

#[test]
fn outline_depth_should_limit_the_levels_shown() {
    let doc = sample();
    let one = jianggao::render::outline::render_to_depth(&doc, Some(1));
    assert!(one.contains("- 一、 | 强化学习意识"));
    assert!(!one.contains("一是"));
    let all = doc.outline();
    assert!(all.contains("    - 1. | 加强教育培训"));
    assert_eq!(jianggao::render::outline::render_to_depth(&doc, None), all);
}

#[test]
fn nodes_should_yield_document_order_with_depth_and_heading_path() {
    let doc = sample();
    let got: Vec<(usize, usize, Vec<&str>)> =
        doc.nodes().map(|n| (n.speech, n.depth, n.heading_path()[1..].to_vec())).collect();
    assert_eq!(
        got,
        [
            (0, 1, vec!["强化学习意识"]),
            (0, 2, vec!["强化学习意识", "要学理论"]),
            (0, 2, vec!["强化学习意识", "要学业务"]),
            (0, 1, vec!["突出工作重点"]),
            (0, 2, vec!["突出工作重点", "抓好队伍建设"]),
            (0, 3, vec!["突出工作重点", "抓好队伍建设", "加强教育培训"]),
        ]
    );
    assert_eq!(doc.nodes().count(), common::nodes(&doc).len());
}

#[test]
fn nodes_should_use_the_marker_when_a_node_has_no_title() {
    let mut doc = sample();
    doc.speeches[0].title = None;
    doc.speeches[0].sections = vec![
        node(Some(marker("一、", MarkerKind::CnDun, 1)), None, &["甲。"], vec![]),
        node(None, None, &["乙。"], vec![]),
    ];
    let paths: Vec<Vec<&str>> = doc.nodes().map(|n| n.heading_path()).collect();
    assert_eq!(paths, [vec!["一、"], vec![]]);
}

/// A chain of `depth` nested points, built without recursion.
fn deep(depth: usize) -> Document {
    let mut n = node(Some(marker("1.", MarkerKind::ArabicDot, 1)), Some("底"), &["最深处的正文。"], vec![]);
    for _ in 1..depth {
        n = node(Some(marker("1.", MarkerKind::ArabicDot, 1)), Some("层"), &[], vec![n]);
    }
    let mut doc = sample();
    doc.speeches[0].sections = vec![n];
    doc
}

/// Takes a deep tree apart one level at a time: the derived drop would
/// recurse once per level.
fn dismantle(mut doc: Document) {
    for sp in &mut doc.speeches {
        let mut pending = std::mem::take(&mut sp.sections);
        while let Some(mut s) = pending.pop() {
            pending.append(&mut s.points);
        }
    }
}

#[test]
fn deep_trees_should_be_walked_without_recursion() {
    const DEPTH: usize = 10_000;
    let doc = deep(DEPTH);
    assert_eq!(doc.nodes().count(), DEPTH);
    let last = doc.nodes().last().expect("nodes");
    assert_eq!(last.depth, DEPTH);
    assert_eq!(last.heading_path().len(), DEPTH + 1);
    drop(last);
    // A walk stopped half-way down drops its ancestor chain.
    let mut it = doc.nodes();
    assert_eq!(it.nth(DEPTH / 2).map(|n| n.depth), Some(DEPTH / 2 + 1));
    drop(it);

    let cs = doc.chunks(&ChunkOptions::default());
    let deepest = cs.iter().find(|c| c.text == "最深处的正文。").expect("the deepest paragraph is a chunk");
    assert_eq!(deepest.heading_path.len(), DEPTH + 1);
    assert!(doc.to_markdown().contains("###### 1.底"));
    let outline = jianggao::render::outline::render_to_depth(&doc, Some(3));
    assert_eq!(outline.lines().filter(|l| l.contains("- 1.")).count(), 3);

    let mut doc = doc;
    doc.convert_to_char_offsets("");
    dismantle(doc);
}

#[test]
fn char_offsets_should_slice_like_python() {
    let src = "首页\n一、总体要求\n要抓好落实。𠀀字在外。";
    let doc = jianggao::parse(src);
    let chars: Vec<char> = src.chars().collect();
    let by_chars = doc.with_char_offsets(src);
    let slice = |s: Span| -> String { chars[s.start..s.end].iter().collect() };
    let (a, b) = (&doc.speeches[0], &by_chars.speeches[0]);
    for (x, y) in a.sections.iter().zip(&b.sections) {
        if let (Some(t), Some(u)) = (x.title_span, y.title_span) {
            assert_eq!(slice(u), src[t.range()]);
        }
        for (p, q) in x.paragraphs.iter().zip(&y.paragraphs) {
            assert_eq!(slice(q.span), src[p.span.range()]);
        }
    }
    for (n, m) in doc.noise.iter().zip(&by_chars.noise) {
        assert_eq!(slice(m.span), n.text);
    }
    assert_ne!(doc, by_chars, "offsets past the first CJK character change");
}

#[test]
fn char_offsets_should_count_every_byte_boundary() {
    let src: String = "a讲𠀀é\n".repeat(50);
    let idx = CharOffsets::new(&src);
    let mut count = 0;
    for (i, _) in src.char_indices() {
        assert_eq!(idx.char_offset(i), count, "at byte {i}");
        count += 1;
    }
    assert_eq!(idx.char_offset(src.len()), count);
    assert_eq!(idx.char_len(), src.chars().count());
}

proptest::proptest! {
    #[test]
    fn chunks_should_cover_any_paragraph_within_the_limit(
        text in "[甲乙丙𠀀a 。！？；”\n]{0,60}",
        max in 1usize..12,
    ) {
        let mut doc = sample();
        doc.speeches[0].preamble = vec![para(&text)];
        doc.speeches[0].sections.clear();
        doc.speeches[0].conclusion.clear();
        let cs = doc.chunks(&ChunkOptions::new(max));
        for c in &cs {
            proptest::prop_assert!(!c.text.trim().is_empty());
            proptest::prop_assert!(c.text.chars().count() <= max);
        }
        let joined: String = cs.iter().flat_map(|c| c.text.chars()).filter(|c| !c.is_whitespace()).collect();
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        proptest::prop_assert_eq!(joined, expected);
    }
}

//! Properties every parse must have, and a generator of speech-like texts.
//!
//! Shared by the fuzz targets and by the integration tests of the crate
//! (`tests/common` includes this file with `#[path]`), so both check the
//! same things.

#![allow(dead_code)]

use jianggao::{Document, Section, Span};

/// Outline markers of every family, as they are written in real texts.
pub const MARKERS: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "十一、",
    "(一)",
    "（二）",
    "(三)",
    "(-)",
    "〔三〕",
    "【四】",
    "1.",
    "2.",
    "3、",
    "１．",
    "(1)",
    "（2）",
    "⑴",
    "3)",
    "①",
    "②",
    "❸",
    "一是",
    "二是",
    "三 是",
    "二要",
    "首先，",
    "其次，",
    "再次，",
    "最后，",
    "第一，",
    "第二，",
    "第三部分",
    "第四条",
    "其一，",
    "其二，",
    "一方面，",
    "另一方面，",
    "一个是",
    "另一个是",
    "壹、",
    "貳、",
    "篇一",
    "篇二",
];

/// Sentences and pieces of sentences of speech text, with header lines.
pub const SENTENCES: &[&str] = &[
    "要加强理论学习。",
    "坚持以人民为中心的发展思想",
    "全面从严治党永远在路上！",
    "同志们：",
    "同志们，",
    "谢谢大家！",
    "我们要认真贯彻落实，",
    "确保各项工作取得实效；",
    "为什么？",
    "一是一，二是二。",
    "第一次",
    "党课《守初心 担使命》",
    "在全市党风廉政建设工作会议上的讲话",
    "（2023年5月12日）",
    "2023-05-12",
    "张三",
    "总之，",
    "来源：http://example.com/a.html",
    "重点要把好四关：",
    "……",
];

/// Lines that are not speech: site chrome, page numbers, separators.
pub const NOISE: &[&str] = &[
    "首页",
    "上一页",
    "下一页",
    "第 3 页 共 9 页",
    "- 12 -",
    "12",
    "本文由用户上传",
    "点击阅读全文",
    "——————",
    "http://www.example.com/x?id=1",
    "版权所有 © 2023",
    "相关推荐",
];

/// Line breaks and spaces of every kind.
pub const SEPARATORS: &[&str] = &["\n", "\n\n", "\r\n", " ", "　", "\t", "\u{200B}", "\u{0C}"];

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list.get(usize::from(i) % list.len().max(1)).copied().unwrap_or("")
}

/// Builds a speech-like text from `data`: each pair of bytes chooses a
/// marker, a sentence, a noise line, a separator or a raw character.
///
/// ```ignore
/// let text = speech_from_bytes(&[0, 0, 2, 0]);
/// assert_eq!(text, "一、要加强理论学习。");
/// ```
pub fn speech_from_bytes(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() * 8);
    for pair in data.chunks(2) {
        let (what, which) = match *pair {
            [a, b] => (a, b),
            [a] => (a, 0),
            _ => continue,
        };
        match what % 10 {
            0 | 1 => out.push_str(pick(MARKERS, which)),
            2..=4 => out.push_str(pick(SENTENCES, which)),
            5 => {
                out.push('\n');
                out.push_str(pick(NOISE, which));
                out.push('\n');
            }
            6 | 7 => out.push_str(pick(SEPARATORS, which)),
            8 => {
                // A marker at the start of a fresh line.
                out.push('\n');
                out.push_str(pick(MARKERS, which));
            }
            _ => {
                let c = char::from_u32(u32::from(which) * 131 + 0x4E00).unwrap_or('字');
                out.push(c);
            }
        }
    }
    out
}

/// Checks that every span of `doc` lies inside `text` on char boundaries,
/// that every point lies inside its parent, that noise is ordered and holds
/// its source text, that markers hold the text they were read from, and the
/// lossless rule ([`check_lossless`]).
/// Returns the first violation.
pub fn check_document(text: &str, doc: &Document) -> Result<(), String> {
    let check = |what: &str, span: Span| -> Result<(), String> {
        if span.start > span.end || span.end > text.len() {
            return Err(format!("{what} span {span:?} out of bounds (len {})", text.len()));
        }
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("{what} span {span:?} splits a character"));
        }
        Ok(())
    };
    let check_opt = |what: &str, span: Option<Span>| span.map_or(Ok(()), |s| check(what, s));
    for speech in &doc.speeches {
        check("speech", speech.span)?;
        check_opt("title", speech.title_span)?;
        check_opt("greeting", speech.greeting_span)?;
        check_opt("closing", speech.closing_span)?;
        let m = &speech.metadata;
        for (what, span) in [
            ("speaker", m.speaker_span),
            ("date", m.date_span),
            ("occasion", m.occasion_span),
            ("source", m.source_span),
        ] {
            check_opt(what, span)?;
        }
        for p in speech.preamble.iter().chain(&speech.conclusion) {
            check("paragraph", p.span)?;
        }
        // Walk the sections without recursion: depth depends on the input.
        let mut stack: Vec<&Section> = speech.sections.iter().collect();
        while let Some(s) = stack.pop() {
            check("section", s.span)?;
            check_opt("section title", s.title_span)?;
            if let Some(marker) = &s.marker {
                check("marker", marker.span)?;
                let source = text.get(marker.span.range()).unwrap_or_default();
                if marker.text != source {
                    return Err(format!("marker text {:?} is not its source {source:?}", marker.text));
                }
            }
            for p in &s.paragraphs {
                check("paragraph", p.span)?;
            }
            if let Some(c) = s.points.iter().find(|c| !s.span.contains(c.span)) {
                return Err(format!("point {:?} is not inside its parent {:?}", c.title, s.title));
            }
            stack.extend(&s.points);
        }
    }
    for n in &doc.noise {
        check("noise", n.span)?;
        let source = text.get(n.span.range()).unwrap_or_default();
        if n.text != source {
            return Err(format!("noise text {:?} is not its source {source:?}", n.text));
        }
    }
    for w in doc.noise.windows(2) {
        if let [a, b] = w {
            if a.span > b.span {
                return Err(format!("noise out of order: {:?} before {:?}", a.span, b.span));
            }
        }
    }
    for d in &doc.diagnostics {
        check_opt("diagnostic", d.span)?;
    }
    check_lossless(text, doc)
}

/// The lossless rule: every non-whitespace character of `text` lies in
/// exactly one content piece (a title, greeting, closing, metadata value,
/// paragraph, marker or section title) or noise entry; a noise entry may
/// lie inside a paragraph or title span (it is carved out of it), but two
/// pieces or two noise entries never share a character. Spans must be
/// valid already (see [`check_document`]). Returns the first violation.
pub fn check_lossless(text: &str, doc: &Document) -> Result<(), String> {
    let mut content: Vec<Span> = Vec::new();
    for sp in &doc.speeches {
        let m = &sp.metadata;
        content.extend(
            [
                sp.title_span,
                sp.greeting_span,
                sp.closing_span,
                m.speaker_span,
                m.date_span,
                m.occasion_span,
                m.source_span,
            ]
            .into_iter()
            .flatten(),
        );
        content.extend(sp.preamble.iter().chain(&sp.conclusion).map(|p| p.span));
        // Without recursion: depth depends on the input.
        let mut stack: Vec<&Section> = sp.sections.iter().collect();
        while let Some(n) = stack.pop() {
            content.extend(n.marker.as_ref().map(|m| m.span));
            content.extend(n.title_span);
            content.extend(n.paragraphs.iter().map(|p| p.span));
            stack.extend(&n.points);
        }
    }
    let mut cover = vec![0u8; text.len()];
    let mut noise = vec![0u8; text.len()];
    for s in content {
        for c in cover.get_mut(s.range()).unwrap_or_default() {
            *c = c.saturating_add(1);
        }
    }
    for n in &doc.noise {
        for c in noise.get_mut(n.span.range()).unwrap_or_default() {
            *c = c.saturating_add(1);
        }
    }
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{2060}') {
            continue;
        }
        let (k, z) = (cover[i], noise[i]);
        let ctx: String = text[i..].chars().take(12).collect();
        if z > 1 {
            return Err(format!("byte {i} ({ctx:?}) lies in {z} noise entries"));
        }
        if k > 1 {
            return Err(format!("byte {i} ({ctx:?}) lies in {k} content pieces"));
        }
        if k + z == 0 {
            return Err(format!("byte {i} ({ctx:?}) is lost: in no piece and no noise entry"));
        }
    }
    Ok(())
}

/// Parses `text` twice and checks the result: spans (see
/// [`check_document`]) and determinism.
pub fn check_parse(text: &str) -> Result<Document, String> {
    let doc = jianggao::parse(text);
    // A text that reads as HTML is parsed from the text extracted from it.
    check_document(doc.extracted_text.as_deref().unwrap_or(text), &doc)?;
    let again = jianggao::parse(text);
    if again != doc {
        return Err("two parses of the same text differ".into());
    }
    Ok(doc)
}

/// Decodes and parses `bytes`, and checks the spans against the decoded
/// text. Refused input is fine; a panic is not.
pub fn check_parse_bytes(bytes: &[u8]) -> Result<(), String> {
    let Ok(decoded) = jianggao::decode::decode(bytes) else {
        return match jianggao::parse_bytes(bytes) {
            // Not text, but a format read by extraction (.docx).
            Ok(doc) => match doc.extracted_text.as_deref() {
                Some(text) => check_document(text, &doc),
                None => Err("parse_bytes accepted what decode refused".into()),
            },
            Err(_) => Ok(()),
        };
    };
    let doc = jianggao::parse_bytes(bytes).map_err(|e| format!("decode ok, parse_bytes failed: {e}"))?;
    if let Some(text) = doc.extracted_text.as_deref() {
        // HTML: the page's charset may decide the encoding.
        return check_document(text, &doc);
    }
    if doc.encoding != decoded.encoding {
        return Err(format!("encoding {} != {}", doc.encoding, decoded.encoding));
    }
    check_document(&decoded.text, &doc)
}

/// Checks a parse whose spans point into the extracted text.
fn check_extracted(doc: &Document) -> Result<(), String> {
    match doc.extracted_text.as_deref() {
        Some(text) => check_document(text, doc),
        None => Err("HTML or .docx input without its extracted text".into()),
    }
}

/// Tags put between the lines of a speech-like page.
const TAGS: &[&str] = &[
    "<p>",
    "</p>",
    "<br>",
    "<div class=\"nav\">",
    "</div>",
    "<span>",
    "</span>",
    "<a href=x>",
    "</a>",
    "<script>x<y</script>",
    "<!-- c -->",
    "<nav>",
    "</nav>",
    "<h1>",
    "</h1>",
    "&nbsp;",
    "&amp;",
    "<table><tr><td>",
    "</td></tr></table>",
    "<style>p{}</style>",
    "<li>",
    "<footer>",
];

/// The fuzzer's bytes as an HTML page, as they are and as a speech-like
/// text with tags between its lines: no panic, spans in the extracted text.
pub fn check_parse_html(data: &[u8]) -> Result<(), String> {
    let parser = jianggao::Parser::new().format(jianggao::Format::Html);
    let raw = String::from_utf8_lossy(data);
    check_extracted(&parser.parse(&raw))?;
    if let Ok(doc) = parser.parse_bytes(data) {
        check_extracted(&doc)?;
    }
    let mut page = String::from("<html><body>");
    for (i, line) in speech_from_bytes(data).lines().enumerate() {
        page.push_str(pick(TAGS, data.get(i).copied().unwrap_or(0)));
        page.push_str(line);
    }
    check_extracted(&parser.parse(&page))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A .docx whose document part holds `lines` (numbered through numId 1 when
/// they start with a digit) and whose numbering part is `numbering`.
pub fn docx_bytes(lines: &[&str], numbering: &str) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    for line in lines {
        let num = if line.starts_with(|c: char| c.is_ascii_digit()) {
            "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
        } else {
            ""
        };
        body.push_str(&format!("<w:p>{num}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>", xml_escape(line)));
    }
    let document = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let mut add = |name: &str, data: &str| -> Option<()> {
            z.start_file(name, opts).ok()?;
            z.write_all(data.as_bytes()).ok()
        };
        add("word/document.xml", &document);
        add("word/numbering.xml", numbering);
        let _ = z.finish();
    }
    buf.into_inner()
}

/// The fuzzer's bytes as a .docx, and a .docx made of a speech-like text
/// with the bytes as its numbering part: an error or a document, never a
/// panic, spans in the extracted text.
pub fn check_parse_docx(data: &[u8]) -> Result<(), String> {
    let parser = jianggao::Parser::new().format(jianggao::Format::Docx);
    if let Ok(doc) = parser.parse_bytes(data) {
        check_extracted(&doc)?;
    }
    let text = speech_from_bytes(data);
    let lines: Vec<&str> = text.lines().collect();
    let numbering = String::from_utf8_lossy(data);
    let docx = docx_bytes(&lines, &numbering);
    if let Ok(doc) = parser.parse_bytes(&docx) {
        check_extracted(&doc)?;
    }
    let numbering = format!(
        "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\">\
         <w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"{}\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>",
        xml_escape(&numbering).replace('"', "&quot;")
    );
    match parser.parse_bytes(&docx_bytes(&lines, &numbering)) {
        Ok(doc) => check_extracted(&doc),
        Err(_) => Ok(()),
    }
}

//! The typed speech tree: `Document → Speech → Section → Point → Paragraph`.
//!
//! Every type serializes to the JSON shape fixed in the crate's contract
//! (field names are the JSON names). Spans are byte offsets into the decoded
//! text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::span::Span;

/// Version of the JSON shape written by this crate.
pub const SCHEMA_VERSION: u32 = 1;

/// The result of parsing one input text.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。\n二、工作重点\n要突出重点。");
/// assert_eq!(doc.speeches.len(), 1);
/// assert_eq!(doc.speeches[0].sections.len(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Document {
    /// Version of this JSON shape.
    pub schema_version: u32,
    /// One per speech; a collection file holds several.
    pub speeches: Vec<Speech>,
    /// Everything dropped as not-speech, with its span and why.
    pub noise: Vec<Noise>,
    /// What a careful reader should know (truncation, skipped ordinals, ...).
    pub diagnostics: Vec<Diagnostic>,
    /// The text is cut off before its natural end.
    pub truncated: bool,
    /// The encoding the input was decoded from (`"UTF-8"`, `"GB18030"`, ...).
    pub encoding: String,
    /// For input that is not plain text (HTML, `.docx`): the text extracted
    /// from it, which the spans point into. Absent for plain text, whose
    /// spans point into the decoded input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extracted_text: Option<String>,
    /// Where the texts of the paragraphs come from in the source, for the
    /// paragraphs that are not a verbatim slice of it: kept by the parser,
    /// not serialised, ignored by `==`.
    #[serde(skip)]
    pub(crate) paragraph_maps: crate::span::ParagraphMaps,
}

/// One speech: its title, metadata and outline.
///
/// ```
/// let doc = jianggao::parse("同志们：\n一、总体要求\n要抓好落实。\n谢谢大家！");
/// let speech = &doc.speeches[0];
/// assert_eq!(speech.greeting.as_deref(), Some("同志们"));
/// assert_eq!(speech.closing.as_deref(), Some("谢谢大家"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Speech {
    /// The speech title, without wrappers such as `党课《…》`.
    pub title: Option<String>,
    /// Where the title stands in the source.
    pub title_span: Option<Span>,
    /// Speaker, date, occasion, source.
    pub metadata: Metadata,
    /// The salutation, e.g. `同志们`.
    pub greeting: Option<String>,
    /// Where the greeting stands.
    pub greeting_span: Option<Span>,
    /// Opening paragraphs before the first section.
    pub preamble: Vec<Paragraph>,
    /// The top-level sections.
    pub sections: Vec<Section>,
    /// Closing remarks after the last section.
    pub conclusion: Vec<Paragraph>,
    /// The sign-off, e.g. `谢谢大家`.
    pub closing: Option<String>,
    /// Where the sign-off stands.
    pub closing_span: Option<Span>,
    /// The extent of the speech in the source.
    pub span: Span,
}

/// Who spoke, when, where, and where the text came from. Absent stays `None`:
/// nothing is invented.
///
/// A value read from its own place in the text carries that place in the
/// matching `*_span` field; a value derived from another piece (the occasion
/// taken out of a title such as `在…上的讲话`) has no span of its own, so no
/// character is counted twice.
///
/// ```
/// let m = jianggao::Metadata::default();
/// assert!(m.speaker.is_none() && m.date.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Metadata {
    /// The speaker's name.
    pub speaker: Option<String>,
    /// Where the speaker's name stands.
    pub speaker_span: Option<Span>,
    /// The date, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where the date stands, as written.
    pub date_span: Option<Span>,
    /// The occasion (`全市新任科级领导干部廉政谈话会`).
    pub occasion: Option<String>,
    /// Where the occasion stands, when written apart from the title.
    pub occasion_span: Option<Span>,
    /// The source URL.
    pub source: Option<String>,
    /// Where the source URL stands.
    pub source_span: Option<Span>,
}

/// A top-level section (`一、…`). Its children are [`Point`]s.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// let s = &doc.speeches[0].sections[0];
/// assert_eq!(s.marker.as_ref().map(|m| m.ordinal), Some(1));
/// assert_eq!(s.title.as_deref(), Some("总体要求"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Section {
    /// `None`: an unmarked section (one of several parallel paragraphs).
    pub marker: Option<Marker>,
    /// The heading line, or the lead sentence after an inline marker.
    pub title: Option<String>,
    /// Where the title stands.
    pub title_span: Option<Span>,
    /// The body before and around the first point.
    pub paragraphs: Vec<Paragraph>,
    /// The points under this section.
    pub points: Vec<Point>,
    /// The extent of the section in the source.
    pub span: Span,
}

/// A point inside a section or inside another point; same shape as
/// [`Section`].
pub type Point = Section;

/// An outline marker as written in the source.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实。");
/// let m = doc.speeches[0].sections[0].marker.clone().unwrap();
/// assert_eq!(m.text, "一、");
/// assert_eq!(m.kind, jianggao::MarkerKind::CnDun);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Marker {
    /// The marker as written in the source, e.g. `(-)` or `三 是`.
    pub text: String,
    /// The marker family.
    pub kind: MarkerKind,
    /// 1-based position in its list.
    pub ordinal: u32,
    /// Where the marker stands.
    pub span: Span,
}

/// The families of outline markers. Each family takes one outline level
/// wherever it first appears under a parent.
///
/// ```
/// assert_eq!(jianggao::MarkerKind::CnDun.example(), "一、");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkerKind {
    /// Chinese numeral with 、 . ， ；: `一、` `十二.`
    CnDun,
    /// Parenthesised Chinese numeral: `(一)` `（二）` `〔三〕` `【四】` `(-)`
    CnParen,
    /// Arabic numeral with a dot or 、: `1.` `2、` `３．` `⒈`
    ArabicDot,
    /// Parenthesised Arabic numeral: `(1)` `（2）` `⑴` `3)`
    ArabicParen,
    /// Circled or otherwise enclosed number: `①` `❷` `➂`
    Circled,
    /// `第一` `第二，` `第三部分` `第四条`
    Di,
    /// `一是` `二要` `三则`
    CnShi,
    /// `一个是` `另一个是` `再一个是`
    GeShi,
    /// `其一` `其二`
    Qi,
    /// `首先` `其次` `再次` `再者` `最后`
    Sequence,
    /// `一方面` `另一方面`
    FangMian,
    /// `篇一` `篇二`: a piece of a collection
    Pian,
    /// Traditional capital numeral with 、: `壹、` `貳、`
    CapitalDun,
}

impl MarkerKind {
    /// A typical marker of the family, for messages and docs.
    ///
    /// ```
    /// assert_eq!(jianggao::MarkerKind::CnShi.example(), "一是");
    /// ```
    pub fn example(self) -> &'static str {
        match self {
            MarkerKind::CnDun => "一、",
            MarkerKind::CnParen => "(一)",
            MarkerKind::ArabicDot => "1.",
            MarkerKind::ArabicParen => "(1)",
            MarkerKind::Circled => "①",
            MarkerKind::Di => "第一",
            MarkerKind::CnShi => "一是",
            MarkerKind::GeShi => "一个是",
            MarkerKind::Qi => "其一",
            MarkerKind::Sequence => "首先",
            MarkerKind::FangMian => "一方面",
            MarkerKind::Pian => "篇一",
            MarkerKind::CapitalDun => "壹、",
        }
    }

    /// The JSON name of the family (`"cn_dun"`, ...).
    ///
    /// ```
    /// assert_eq!(jianggao::MarkerKind::ArabicParen.name(), "arabic_paren");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            MarkerKind::CnDun => "cn_dun",
            MarkerKind::CnParen => "cn_paren",
            MarkerKind::ArabicDot => "arabic_dot",
            MarkerKind::ArabicParen => "arabic_paren",
            MarkerKind::Circled => "circled",
            MarkerKind::Di => "di",
            MarkerKind::CnShi => "cn_shi",
            MarkerKind::GeShi => "ge_shi",
            MarkerKind::Qi => "qi",
            MarkerKind::Sequence => "sequence",
            MarkerKind::FangMian => "fang_mian",
            MarkerKind::Pian => "pian",
            MarkerKind::CapitalDun => "capital_dun",
        }
    }
}

/// Defines a closed vocabulary: a unit enum written in JSON as the
/// snake_case string of each variant, with [`as_str`](NoiseReason::as_str),
/// `ALL` and `Display`.
macro_rules! vocabulary {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        #[schemars(transform = string_enum)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vm])* $v,)*
        }

        impl $name {
            /// Every value, in the order of the documentation.
            ///
            /// ```
            #[doc = concat!("assert!(jianggao::", stringify!($name), "::ALL.len() > 1);")]
            /// ```
            pub const ALL: &'static [$name] = &[$($name::$v),*];

            /// The JSON string of the value.
            ///
            /// ```
            #[doc = concat!("let v = jianggao::", stringify!($name), "::ALL[0];")]
            /// assert_eq!(serde_json::to_value(v).unwrap(), v.as_str());
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $s,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// Writes the schema of a vocabulary as an `enum` of strings, with each
/// value's documentation in a list in its description.
fn string_enum(schema: &mut schemars::Schema) {
    use serde_json::Value;
    let Some(Value::Array(values)) = schema.remove("oneOf") else { return };
    let mut doc = schema.get("description").and_then(Value::as_str).unwrap_or_default().to_string();
    let mut names = Vec::new();
    for v in values {
        if let Some(name) = v.get("const").and_then(Value::as_str) {
            let what = v.get("description").and_then(Value::as_str).unwrap_or_default();
            doc.push_str(&format!("\n- `{name}`: {what}"));
            names.push(Value::from(name));
        }
    }
    schema.insert("description".into(), doc.into());
    schema.insert("type".into(), "string".into());
    schema.insert("enum".into(), names.into());
}

vocabulary! {
    /// Why a piece of the input is [`Noise`]. The rules behind each reason
    /// are written up in `grammar-notes/noise.md`, `meta.md` and `formats.md`.
    ///
    /// ```
    /// let doc = jianggao::parse("首页\n一、总体要求\n要抓好落实。");
    /// assert_eq!(doc.noise[0].reason, jianggao::NoiseReason::SiteChrome);
    /// assert_eq!(doc.noise[0].reason.as_str(), "site_chrome");
    /// ```
    pub enum NoiseReason {
        /// A page number on its own line or cutting a sentence: `- 5 -`, `第3页 共8页`.
        PageNumber = "page_number",
        /// A page thumbnail caption of a preview site: `标题_第1页`.
        PageThumbnail = "page_thumbnail",
        /// Site navigation, breadcrumbs or footer: `首页 | 相关新闻`, `上一篇：…`, `ICP备…`.
        SiteChrome = "site_chrome",
        /// A field of a document-sharing page header: `大小:20.33 KB`, `页数:8`.
        DownloadHeader = "download_header",
        /// A preview site's notice that the text stops here: `最多预览五页`.
        PreviewNotice = "preview_notice",
        /// Site legal text and its rule list: `免责声明`, `温馨提示:`.
        Disclaimer = "disclaimer",
        /// A stamp or collector's credit: `仅供学习`, `内部资料`, `xx整理`.
        Watermark = "watermark",
        /// An advert or contact line: `咨询QQ206157060`, the slogans of an advert block.
        Advert = "advert",
        /// Article furniture without a date: `来源：`, `责任编辑：`, `原标题：`.
        SourceLine = "source_line",
        /// The title printed again (after the text, twice in a header, in a footer).
        RepeatedTitle = "repeated_title",
        /// A short line repeated three times or more, from its second copy on.
        RunningHeader = "running_header",
        /// Markdown or HTML debris: `#` marks, a `<br/>` tag.
        Markup = "markup",
        /// A Latin-script translation of a Chinese text, a line or after `<br/>`.
        Translation = "translation",
        /// A footnote reference `[1]` after text, or a footnote body at the end.
        Footnote = "footnote",
        /// A link-like line or a page tool: a hex hash, `扫一扫`, a menu of short lines.
        Navigation = "navigation",
        /// An editor's note, lead or quote: `【导读】`, `编者按：`, `> …`, `全文如下`.
        EditorNote = "editor_note",
        /// A memo distribution field: `主送：`, `抄送：`, `签发人：`.
        Letterhead = "letterhead",
        /// A photo caption: `新华社记者 李学仁 摄`.
        Caption = "caption",
        /// A run of headline links after the text (related articles).
        RelatedContent = "related_content",
        /// A paragraph repeated verbatim (the first copy is kept).
        Duplicate = "duplicate",
        /// HTML page chrome: `nav`, `header`, `footer`, `aside` and link lines.
        HtmlChrome = "html_chrome",
        /// YAML front matter of a Markdown file, but for the values used.
        FrontMatter = "front_matter",
        /// A table of contents: `目录` and its entries.
        Toc = "toc",
        /// What wraps a title: `**`, `《》`, a genre label and its colon.
        TitleWrapper = "title_wrapper",
        /// A subtitle line or the words around metadata read from it.
        Subtitle = "subtitle",
        /// A block before the title, or chrome between the title and the greeting.
        Header = "header",
        /// A line of metadata, but for the values used: `时间:…`, `本文链接:…`.
        MetadataLine = "metadata_line",
        /// A collection marker: `篇一`.
        CollectionMarker = "collection_marker",
        /// The title of a collection, above its pieces.
        CollectionTitle = "collection_title",
        /// A footer line after the closing of a speech.
        Trailer = "trailer",
        /// A publication date that is not the delivery date.
        PublicationDate = "publication_date",
    }
}

vocabulary! {
    /// The kind of a [`Diagnostic`].
    ///
    /// ```
    /// let doc = jianggao::parse("一、总体要求\n要抓好落实，但是");
    /// assert_eq!(doc.diagnostics[0].kind, jianggao::DiagnosticKind::Truncated);
    /// ```
    pub enum DiagnosticKind {
        /// The text seems cut off: it ends mid-sentence or at a preview notice.
        Truncated = "truncated",
        /// A heading ordinal is missing: `一、` then `三、`.
        SkippedOrdinal = "skipped_ordinal",
        /// A heading marker does not follow its list, or a list starts past 1.
        OutOfSequence = "out_of_sequence",
        /// Paragraphs repeated verbatim were dropped as [`NoiseReason::Duplicate`].
        Duplicate = "duplicate",
        /// Lines hard-wrapped with newlines or spaces were rejoined.
        HardWrap = "hard_wrap",
        /// Words or sentences torn by a line break or a blank line were rejoined.
        TornLine = "torn_line",
        /// Sentences cut by page-break numbers were rejoined.
        PageBreak = "page_break",
        /// NUL bytes were kept in the decoded text.
        NulBytes = "nul_bytes",
        /// Byte sequences invalid in the encoding were replaced by U+FFFD.
        InvalidBytes = "invalid_bytes",
    }
}

/// A paragraph of body text.
///
/// `text` is clean: hard wraps, wrap spaces and page-break numbers are
/// repaired. `span` is the paragraph's extent in the source; noise entries
/// that lie inside it (a page number that cut a sentence) belong to the
/// noise, not to the paragraph.
///
/// ```
/// let doc = jianggao::parse("同志们：\n今天开会。");
/// assert_eq!(doc.speeches[0].preamble[0].text, "今天开会。");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Paragraph {
    /// The clean text.
    pub text: String,
    /// Where it stands in the source.
    pub span: Span,
}

/// A piece of the input that is not part of any speech, with the reason.
///
/// ```
/// let doc = jianggao::parse("首页\n一、总体要求\n要抓好落实。");
/// assert!(doc.noise.iter().any(|n| n.text == "首页"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Noise {
    /// The dropped text, as in the source.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// Why it was dropped.
    pub reason: NoiseReason,
}

/// Something a careful reader should know about the parse.
///
/// ```
/// let doc = jianggao::parse("一、总体要求\n要抓好落实，但是");
/// assert!(doc.truncated);
/// assert!(doc.diagnostics.iter().any(|d| d.kind == jianggao::DiagnosticKind::Truncated));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Diagnostic {
    /// What the reader should know.
    pub kind: DiagnosticKind,
    /// A sentence for people.
    pub message: String,
    /// Where it applies, if anywhere in particular.
    pub span: Option<Span>,
}

impl Marker {
    /// A marker as written (`text`), of `kind`, with its 1-based `ordinal`,
    /// at `span`.
    ///
    /// ```
    /// use jianggao::{Marker, MarkerKind, Span};
    /// let m = Marker::new("一、", MarkerKind::CnDun, 1, Span::new(0, 6));
    /// assert_eq!(m.ordinal, 1);
    /// ```
    pub fn new(text: impl Into<String>, kind: MarkerKind, ordinal: u32, span: Span) -> Self {
        Marker { text: text.into(), kind, ordinal, span }
    }
}

impl Paragraph {
    /// A paragraph of clean `text` standing at `span`.
    ///
    /// ```
    /// let p = jianggao::Paragraph::new("要抓好落实。", jianggao::Span::new(0, 18));
    /// assert_eq!(p.text, "要抓好落实。");
    /// ```
    pub fn new(text: impl Into<String>, span: Span) -> Self {
        Paragraph { text: text.into(), span }
    }
}

impl Diagnostic {
    /// A diagnostic of `kind` with `message` at `span`.
    ///
    /// ```
    /// use jianggao::{Diagnostic, DiagnosticKind};
    /// let d = Diagnostic::new(DiagnosticKind::Truncated, "text ends mid-sentence", None);
    /// assert_eq!(d.kind.as_str(), "truncated");
    /// ```
    pub fn new(kind: DiagnosticKind, message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic { kind, message: message.into(), span }
    }
}

impl Noise {
    /// A noise entry for `span` of `src`, with `reason`.
    ///
    /// ```
    /// use jianggao::{Noise, NoiseReason, Span};
    /// let n = Noise::at("首页\n", Span::new(0, 6), NoiseReason::SiteChrome);
    /// assert_eq!(n.text, "首页");
    /// ```
    pub fn at(src: &str, span: Span, reason: NoiseReason) -> Self {
        let text = src.get(span.range()).unwrap_or_default().to_string();
        Noise { text, span, reason }
    }
}

impl Document {
    /// The JSON Schema (draft 2020-12) of the document's JSON, as checked
    /// in at `schema/document.schema.json` and printed by `jianggao schema`.
    ///
    /// ```
    /// let schema = jianggao::Document::json_schema();
    /// assert_eq!(schema["title"], "Document");
    /// assert!(schema["properties"]["speeches"].is_object());
    /// ```
    pub fn json_schema() -> serde_json::Value {
        clean_schema(serde_json::to_value(schemars::schema_for!(Document)).unwrap_or_default())
    }
}

/// Keeps the prose of the descriptions of a generated schema and drops
/// their code examples.
pub(crate) fn clean_schema(mut schema: serde_json::Value) -> serde_json::Value {
    // Descriptions come from the doc comments: keep their prose, drop
    // the code examples. The schema is small and shallow, but walk it
    // with a stack all the same.
    let mut stack = vec![&mut schema];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    match v {
                        serde_json::Value::String(s) if k == "description" => {
                            let prose: Vec<&str> =
                                s.split("```").step_by(2).map(str::trim).filter(|p| !p.is_empty()).collect();
                            *s = prose.join("\n\n");
                        }
                        _ => stack.push(v),
                    }
                }
            }
            serde_json::Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
    schema
}

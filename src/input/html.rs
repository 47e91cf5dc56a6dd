//! HTML pages into text, with html5ever's tokenizer.
//!
//! - Scripts, styles, comments, the `<head>` (with its `<title>`), forms'
//!   controls, `<svg>`, `<math>`, `<template>` and the like are dropped.
//! - Block elements (`p`, `div`, `li`, `h1`…`h6`, `td`, …) end a line; `<br>`
//!   breaks a line; inline elements (`span`, `b`, `a`, `font`, …) never
//!   break a sentence.
//! - Runs of HTML white space collapse to one space, and vanish between two
//!   characters that are not ASCII (a line break inside Chinese text is not a
//!   space). `&nbsp;` is a space; the full-width space U+3000 is kept.
//! - Entities are decoded.
//! - Lines inside `nav`, `header`, `footer`, `aside`, elements with the
//!   ARIA roles `navigation`, `banner`, `contentinfo`, `complementary`, or
//!   with a class or id that names page chrome (`nav`, `menu`, `footer`,
//!   `sideMenu`, `breadcrumb`, `copyright`, … but nothing like `content`,
//!   `article` or `main`), and lines made mostly of link text, are page
//!   chrome, reported as noise with the reason
//!   [`NoiseReason::HtmlChrome`](crate::NoiseReason::HtmlChrome).
//!
//! The open elements are kept on a stack of bounded depth; end tags that
//! match nothing are ignored. Time is linear in the input.
//!
//! ```
//! let page = jianggao::input::html::extract("<p>一、<span>总体</span>要求</p><p>要抓好<br>落实。</p>");
//! assert_eq!(page.text, "一、总体要求\n要抓好\n落实。\n");
//! ```

use std::cell::RefCell;

use encoding_rs::Encoding;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::TokenizerResult;

use crate::decode::{self, Decoded};
use crate::error::Error;
use crate::span::Span;

/// A chrome element by class or id with this many characters …
const PROSE_CHARS: usize = 200;
/// … and this many sentence ends holds prose: it is content.
const PROSE_SENTENCES: usize = 3;

/// The deepest stack of open elements that is tracked; deeper elements are
/// read as text but not tracked.
const MAX_DEPTH: usize = 256;

/// How far back an end tag looks for its start tag.
const MAX_SEARCH: usize = 64;

/// Text extracted from a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Page {
    /// The text, one line per block.
    pub text: String,
    /// The lines of `text` that are page chrome, trimmed, in order.
    pub chrome: Vec<Span>,
}

/// Decodes an HTML page: valid UTF-8 is UTF-8 whatever the page says (pages
/// often carry a wrong label); otherwise the charset of a `<meta>` in the
/// first 4 KB decides, and without one the detection of plain text
/// ([`decode::decode`]).
///
/// ```
/// let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=\"gbk\"><p>同志们：</p>");
/// let d = jianggao::input::html::decode(&gbk).unwrap();
/// assert!(d.text.contains("同志们"));
/// assert_eq!(d.encoding, "GB18030");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded { text: s.to_string(), encoding: "UTF-8", diagnostics: Vec::new() });
    }
    if Encoding::for_bom(bytes).is_none() && memchr::memchr(0, bytes).is_none() {
        if let Some(enc) = meta_charset(bytes) {
            let (text, had_errors) = enc.decode_without_bom_handling(bytes);
            let mut diagnostics = Vec::new();
            if had_errors {
                diagnostics.push(crate::model::Diagnostic::new(
                    crate::model::DiagnosticKind::InvalidBytes,
                    format!("some bytes are not valid {}; they were replaced by U+FFFD", enc.name()),
                    None,
                ));
            }
            return Ok(Decoded { text: text.into_owned(), encoding: decode::encoding_name(enc), diagnostics });
        }
    }
    decode::decode(bytes)
}

/// The encoding named by `charset=` in the first 4 KB, when encoding_rs
/// knows the label and it is an ASCII-compatible encoding.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..4096).unwrap_or(bytes).to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(head.get(from..)?, b"charset") {
        let mut j = from + i + "charset".len();
        from = j;
        while head.get(j).is_some_and(|b| matches!(b, b' ' | b'=' | b'"' | b'\'')) {
            j += 1;
        }
        let end = head[j..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')))
            .map_or(head.len(), |p| j + p);
        if let Some(enc) = Encoding::for_label(&head[j..end]) {
            if enc.is_ascii_compatible() {
                return Some(enc);
            }
        }
    }
    None
}

/// Extracts the text of an HTML page.
///
/// ```
/// let page = jianggao::input::html::extract(
///     "<nav><a href=/>首页</a></nav><script>var x;</script><p>同志们：</p><footer>版权所有</footer>",
/// );
/// assert_eq!(page.text, "首页\n同志们：\n版权所有\n");
/// assert_eq!(page.chrome.len(), 2);
/// ```
pub fn extract(html: &str) -> Page {
    let sink = Sink { state: RefCell::new(State::default()) };
    let opts = TokenizerOpts { discard_bom: true, ..TokenizerOpts::default() };
    let tokenizer = Tokenizer::new(sink, opts);
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    while let TokenizerResult::Script(()) = tokenizer.feed(&input) {}
    tokenizer.end();
    let mut state = tokenizer.sink.state.into_inner();
    state.end_line();
    Page { text: state.out, chrome: state.chrome.into_iter().map(|(s, _)| s).collect() }
}

/// What an element does to the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Its content is dropped.
    Skip,
    /// It ends a line before and after.
    Block,
    /// It is part of a line.
    Inline,
    /// `<br>`: a line break.
    Break,
}

fn kind(name: &str) -> Kind {
    match name {
        "script" | "style" | "head" | "title" | "noscript" | "template" | "svg" | "math" | "select" | "textarea"
        | "button" | "iframe" | "object" | "canvas" | "video" | "audio" | "map" | "noframes" | "noembed" | "xmp" => {
            Kind::Skip
        }
        "br" => Kind::Break,
        "address" | "article" | "aside" | "blockquote" | "body" | "center" | "dd" | "details" | "dialog" | "div"
        | "dl" | "dt" | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5"
        | "h6" | "header" | "hgroup" | "hr" | "html" | "li" | "main" | "nav" | "ol" | "p" | "pre" | "section"
        | "summary" | "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "ul" | "menu"
        | "legend" | "option" | "frameset" | "frame" => Kind::Block,
        _ => Kind::Inline,
    }
}

/// Elements without content or end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "frame"
            | "keygen"
    )
}

/// The raw-text state the tokenizer must enter after a start tag.
fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
        "title" | "textarea" => Some(RawKind::Rcdata),
        _ => None,
    }
}

fn is_chrome_role(tag: &Tag) -> bool {
    tag.attrs.iter().any(|a| {
        &*a.name.local == "role"
            && matches!(
                a.value.trim().to_ascii_lowercase().as_str(),
                "navigation" | "banner" | "contentinfo" | "complementary"
            )
    })
}

fn is_chrome_element(name: &str) -> bool {
    matches!(name, "nav" | "header" | "footer" | "aside")
}

/// A class or id naming page chrome (`nav`, `footer`, `sideMenu`,
/// `breadcrumb`, …) and nothing of the content (`content`, `article`,
/// `main`, …).
fn is_chrome_tag(tag: &Tag) -> bool {
    let name: &str = &tag.name;
    if matches!(name, "html" | "body" | "p" | "span" | "a" | "b" | "strong" | "font" | "em" | "i") {
        return false;
    }
    let mut chrome = false;
    for a in &tag.attrs {
        match &*a.name.local {
            "class" | "id" => {
                for word in words(&a.value) {
                    if CONTENT_WORDS.contains(&word.as_str()) {
                        return false;
                    }
                    chrome |= CHROME_WORDS.contains(&word.as_str());
                }
            }
            _ => {}
        }
    }
    chrome
}

/// Words of class names and ids that name page chrome.
const CHROME_WORDS: &[&str] = &[
    "top",
    "topbar",
    "toplink",
    "toplinks",
    "header",
    "nav",
    "navbar",
    "navi",
    "menu",
    "submenu",
    "side",
    "sidebar",
    "sidebox",
    "footer",
    "foot",
    "bottom",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "path",
    "position",
    "location",
    "toolbar",
    "copyright",
    "login",
    "search",
    "share",
    "pager",
    "pagination",
    "related",
    "comment",
    "comments",
    "friendlink",
    "links",
    "ads",
    "advert",
];

/// Words of class names and ids that name the content.
const CONTENT_WORDS: &[&str] =
    &["content", "article", "main", "post", "entry", "text", "body", "detail", "story", "printarea"];

/// The lowercase words of a class or id value: split at anything not a
/// letter or digit and before an upper-case letter that follows a lower-case
/// one (`sideMenu` → `side`, `menu`).
fn words(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in value.chars().take(200) {
        if (!c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower)) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_lowercase());
        }
        prev_lower = c.is_ascii_lowercase();
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// An open element.
struct Open {
    name: String,
    kind: Kind,
    /// A chrome element by its name or role.
    chrome: bool,
    /// A chrome element by its class or id only: overruled when it holds
    /// prose.
    weak: bool,
    /// Where its text starts in the output.
    start: usize,
    link: bool,
    heading: bool,
}

#[derive(Default)]
struct State {
    out: String,
    /// Chrome lines, and whether only class or id words made them chrome.
    chrome: Vec<(Span, bool)>,
    stack: Vec<Open>,
    /// Open elements whose content is dropped.
    skip: usize,
    /// A raw-text element (`script`, `style`) opened past the depth bound:
    /// its text is dropped up to the next end tag, which is its own.
    raw_untracked: bool,
    /// Open chrome elements.
    in_chrome: usize,
    /// Open chrome elements by class or id.
    in_weak: usize,
    /// Open links.
    in_link: usize,
    /// Open headings.
    in_heading: usize,
    /// White space waits for the next character.
    space: bool,
    /// That white space held a line break.
    space_break: bool,
    line_start: usize,
    /// Characters of the line that are not white space.
    line_chars: usize,
    /// Of those, how many inside chrome elements.
    line_chrome: usize,
    /// How many inside chrome elements by class or id.
    line_weak: usize,
    /// And how many inside links.
    line_link: usize,
    /// The line holds heading text.
    line_heading: bool,
}

impl State {
    fn text(&mut self, s: &str) {
        if self.skip > 0 || self.raw_untracked {
            return;
        }
        for c in s.chars() {
            match c {
                ' ' | '\t' | '\x0c' => self.space = true,
                '\n' | '\r' => {
                    self.space = true;
                    self.space_break = true;
                }
                '\0' => {}
                c => self.push_char(if c == '\u{a0}' { ' ' } else { c }),
            }
        }
    }

    fn push_char(&mut self, c: char) {
        let line = &self.out[self.line_start..];
        if self.space && !line.is_empty() {
            // A line break of the source between two Chinese characters is
            // not a space.
            let prev_wide = line.chars().next_back().is_some_and(|p| !p.is_ascii());
            if !(self.space_break && prev_wide && !c.is_ascii()) {
                self.out.push(' ');
            }
        }
        self.space = false;
        self.space_break = false;
        self.out.push(c);
        if !c.is_whitespace() {
            self.line_chars += 1;
            self.line_chrome += usize::from(self.in_chrome > 0);
            self.line_weak += usize::from(self.in_weak > 0);
            self.line_link += usize::from(self.in_link > 0);
            self.line_heading |= self.in_heading > 0;
        }
    }

    /// Ends the current line; a line of white space only is dropped.
    fn end_line(&mut self) {
        self.space = false;
        self.space_break = false;
        let line = &self.out[self.line_start..];
        let trimmed_end = line.trim_end();
        if trimmed_end.trim_start().is_empty() {
            self.out.truncate(self.line_start);
        } else {
            let end = self.line_start + trimmed_end.len();
            let start = end - trimmed_end.trim_start().len();
            self.out.truncate(end);
            // Mostly in chrome elements, or mostly link text (a heading that
            // is a link is still a heading).
            let strong = self.line_chrome * 2 > self.line_chars
                || (!self.line_heading && self.line_link * 10 >= self.line_chars * 6);
            if strong || self.line_weak * 2 > self.line_chars {
                self.chrome.push((Span::new(start, end), !strong));
            }
            self.out.push('\n');
        }
        self.line_start = self.out.len();
        self.line_chars = 0;
        self.line_chrome = 0;
        self.line_weak = 0;
        self.line_link = 0;
        self.line_heading = false;
    }

    /// Returns the raw-text state to enter, if any.
    fn tag(&mut self, tag: &Tag) -> Option<RawKind> {
        let name: &str = &tag.name;
        let kind = kind(name);
        match tag.kind {
            TagKind::StartTag => {
                match kind {
                    Kind::Break => {
                        if self.skip == 0 {
                            self.end_line();
                        }
                        return None;
                    }
                    Kind::Block if self.skip == 0 => self.end_line(),
                    _ => {}
                }
                if is_void(name) || tag.self_closing && kind != Kind::Skip {
                    return None;
                }
                if tag.self_closing {
                    // `<script/>` and the like: nothing to skip.
                    return None;
                }
                if self.stack.len() < MAX_DEPTH {
                    let chrome = is_chrome_element(name) || is_chrome_role(tag);
                    let open = Open {
                        name: name.to_string(),
                        kind,
                        chrome,
                        weak: !chrome && is_chrome_tag(tag),
                        start: self.out.len(),
                        link: name == "a",
                        heading: matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
                    };
                    self.enter(&open, 1);
                    self.stack.push(open);
                } else {
                    self.raw_untracked = raw_kind(name).is_some();
                }
                raw_kind(name)
            }
            TagKind::EndTag => {
                self.raw_untracked = false;
                if kind == Kind::Break {
                    // `</br>` is read as `<br>` by browsers.
                    if self.skip == 0 {
                        self.end_line();
                    }
                    return None;
                }
                let lowest = self.stack.len().saturating_sub(MAX_SEARCH);
                let at = (lowest..self.stack.len()).rev().find(|&i| self.stack[i].name == name)?;
                while self.stack.len() > at {
                    if let Some(open) = self.stack.pop() {
                        self.enter(&open, -1);
                        if open.kind == Kind::Block && self.skip == 0 {
                            self.end_line();
                        }
                        if open.weak {
                            self.overrule(open.start);
                        }
                    }
                }
                None
            }
        }
    }

    /// A chrome element by class or id that holds prose (at least
    /// [`PROSE_CHARS`] characters and [`PROSE_SENTENCES`] sentence ends) is
    /// content after all: its lines from `start` on that only its class or id
    /// made chrome are not.
    fn overrule(&mut self, start: usize) {
        let Some(text) = self.out.get(start..) else {
            return;
        };
        let sentences = text.matches(['。', '！', '？']).count();
        if sentences >= PROSE_SENTENCES && text.chars().filter(|c| !c.is_whitespace()).nth(PROSE_CHARS).is_some() {
            self.chrome.retain(|&(span, weak)| !(weak && span.start >= start));
        }
    }

    /// Counts `open` in (`by` 1) or out (-1).
    fn enter(&mut self, open: &Open, by: isize) {
        let add = |n: &mut usize| *n = n.saturating_add_signed(by);
        if open.kind == Kind::Skip {
            add(&mut self.skip);
        }
        if open.chrome {
            add(&mut self.in_chrome);
        }
        if open.weak {
            add(&mut self.in_weak);
        }
        if open.link {
            add(&mut self.in_link);
        }
        if open.heading {
            add(&mut self.in_heading);
        }
    }
}

struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::CharacterTokens(t) => state.text(&t),
            Token::TagToken(tag) => {
                if let Some(raw) = state.tag(&tag) {
                    return TokenSinkResult::RawData(raw);
                }
            }
            Token::NullCharacterToken
            | Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_drop_scripts_styles_and_comments() {
        let page = extract("<style>p{color:red}</style><!-- 注释 --><p>正文。</p><script>if (a<b) {}</script>");
        assert_eq!(page.text, "正文。\n");
    }

    #[test]
    fn should_keep_inline_elements_in_the_sentence() {
        let page = extract("<p><span>在纪念</span>110<b>周年</b>大会上的<a href=x>讲话</a></p>");
        assert_eq!(page.text, "在纪念110周年大会上的讲话\n");
        assert!(page.chrome.is_empty());
    }

    #[test]
    fn should_mark_link_lines_as_chrome() {
        let page = extract("<ul><li><a href=1>学校概况</a></li><li><a href=2>学习专栏</a></li></ul><p>同志们：</p>");
        assert_eq!(page.text, "学校概况\n学习专栏\n同志们：\n");
        assert_eq!(page.chrome, vec![Span::new(0, 12), Span::new(13, 25)]);
    }

    #[test]
    fn should_collapse_white_space_and_drop_it_between_chinese_characters() {
        let page = extract("<p>要加强\n   学习，and  more\ttext。&nbsp;&amp;</p>");
        assert_eq!(page.text, "要加强学习，and more text。 &\n");
    }

    #[test]
    fn should_read_the_meta_charset_of_a_gbk_page() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"><p>讲话</p>");
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("讲话"));
    }

    #[test]
    fn should_survive_deep_nesting_and_stray_end_tags() {
        let html = format!("{}正文{}</p></a></div>", "<div><span>".repeat(10_000), "</span>".repeat(3));
        let page = extract(&html);
        assert_eq!(page.text.trim(), "正文");
    }
}

//! Line shapes: site chrome and apparatus recognised by what a line looks
//! like rather than by the words it holds, in the manner of boilerplate
//! classifiers (jusText): each line gets a record of its length, its share
//! of sentence punctuation and of function words, and its link-like or
//! digit-heavy tokens; then context decides what a doubtful line is.
//!
//! Reasons given here:
//!
//! - `navigation`: link-like lines (an article hash `abcd39f1…`, `相关链接>>`),
//!   share widgets, runs of one-word lines (a menu printed one entry a line),
//!   the value of a chrome field printed on the line after its key
//!   (`责任编辑：` / `李莎莎`);
//! - `related_content`: what follows the main body after a stretch of
//!   chrome: headlines and teasers of other articles, a repeated lead;
//! - `editor_note`: `【导读】…`, `编者按：…`, a Markdown quote (`> …`),
//!   `全文如下：`;
//! - `footnote`: a footnote body `[1]…` in the last third of the text, or
//!   anywhere when references were cut out of the lines;
//! - `letterhead`: the distribution fields of a memo (`主送：` `抄送：`
//!   `报送：` `签发人：`);
//! - `caption`: a photo credit (`新华社记者 李学仁 摄`);
//! - `markup`: a line of Markdown marks alone (`##`);
//! - `translation`: a line wholly in Latin letters in a Chinese text.

use super::lines::{UnitText, Units};
use super::noise::LineWords;
use crate::model::NoiseReason;

/// The features of one line.
///
/// ```
/// use jianggao::segment::shape::LineShape;
/// let s = LineShape::of("现在，我代表省人民政府，向大会报告工作。");
/// assert!(s.is_dense());
/// let s = LineShape::of("abcd39f1fb7f426d9dfb6bd0fa1f2146:");
/// assert!(s.link_like);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineShape {
    /// Characters, spaces aside.
    pub chars: usize,
    /// CJK characters.
    pub cjk: usize,
    /// ASCII letters.
    pub latin: usize,
    /// Digits.
    pub digits: usize,
    /// Sentence and clause punctuation (`，。；：！？、`).
    pub punct: usize,
    /// Function words (`的 了 是 在 和 我们 …`).
    pub function: usize,
    /// A link-like line: an id hash, a `>>` link, a `[详细]` tag.
    pub link_like: bool,
}

impl LineShape {
    /// The record of `text`.
    pub fn of(text: &str) -> LineShape {
        measure(text).0
    }

    /// A line of running text: long enough, with sentence punctuation and
    /// function words.
    pub fn is_dense(&self) -> bool {
        self.chars >= 20 && self.punct >= 1 && self.function >= 1
    }
}

/// True for the function words of [`LineShape::function`].
const fn is_function_char(c: char) -> bool {
    matches!(
        c,
        '的' | '了'
            | '是'
            | '在'
            | '和'
            | '与'
            | '为'
            | '对'
            | '把'
            | '也'
            | '都'
            | '要'
            | '将'
            | '就'
            | '而'
            | '我'
            | '们'
    )
}

/// [`is_function_char`] of the unified ideographs U+4E00..=U+9FFF, a bit
/// per character: every function word is one of them. A load and a shift
/// instead of the chain of comparisons a `match` of 17 characters compiles
/// to, whose branches running text mispredicts. Built from
/// [`is_function_char`] at compile time.
static FUNCTION_BITS: [u64; 0x5200 / 64] = {
    let mut t = [0u64; 0x5200 / 64];
    let mut u = 0x4E00;
    while u <= 0x9FFF {
        if let Some(c) = char::from_u32(u) {
            if is_function_char(c) {
                t[(u - 0x4E00) as usize / 64] |= 1 << (u % 64);
            }
        }
        u += 1;
    }
    t
};

/// [`is_function_char`] by [`FUNCTION_BITS`]; false outside the unified
/// ideographs.
fn is_unified_function_char(c: char) -> bool {
    let i = (c as u32).wrapping_sub(0x4E00) as usize;
    FUNCTION_BITS.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
}

/// The record of `text` and how many of its characters are
/// [`crate::normalize::is_cjk`] (spaces included), in one pass.
fn measure(text: &str) -> (LineShape, usize) {
    let mut s = LineShape::default();
    let mut cjk_all = 0usize;
    let mut hex_run = 0usize;
    let mut longest_hex = 0usize;
    let (mut hex_digit, mut hex_alpha) = (false, false);
    for c in text.chars() {
        if c.is_ascii() {
            // ASCII: no CJK character, and the spaces of `is_space` are the
            // ASCII white space.
            let b = c as u8;
            if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
                continue;
            }
            s.chars += 1;
            if b.is_ascii_hexdigit() {
                hex_run += 1;
                hex_digit |= b.is_ascii_digit();
                hex_alpha |= b.is_ascii_alphabetic();
                longest_hex = longest_hex.max(hex_run);
            } else {
                hex_run = 0;
            }
            if b.is_ascii_digit() {
                s.digits += 1;
            } else if b.is_ascii_alphabetic() {
                s.latin += 1;
            } else if matches!(b, b',' | b';' | b'!' | b'?') {
                s.punct += 1;
            }
            continue;
        }
        // Most characters are ideographs of the unified block, never
        // spaces: they are taken before the rarer classes are tried.
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            s.chars += 1;
            hex_run = 0;
            s.cjk += 1;
            cjk_all += 1;
            s.function += usize::from(is_unified_function_char(c));
            continue;
        }
        if crate::normalize::is_space(c) {
            // The ideographic space is the one space in the CJK ranges.
            cjk_all += usize::from(c == '\u{3000}');
            continue;
        }
        s.chars += 1;
        hex_run = 0;
        match c {
            '０'..='９' => s.digits += 1,
            '，' | '。' | '；' | '：' | '！' | '？' | '、' => {
                s.punct += 1;
                cjk_all += 1;
            }
            _ if crate::normalize::is_cjk(c) => {
                s.cjk += 1;
                cjk_all += 1;
                s.function += usize::from(is_function_char(c));
            }
            _ => {}
        }
    }
    let trimmed = text.trim_end();
    s.link_like = (longest_hex >= 16 && hex_digit && hex_alpha && s.cjk == 0)
        || (s.chars <= 12 && (trimmed.ends_with(">>") || trimmed.ends_with('»') || trimmed.ends_with("》》")))
        || (memchr::memchr(b'[', text.as_bytes()).is_some() && (text.contains("[详细]") || text.contains("[詳細]")));
    (s, cjk_all)
}

/// Distribution fields of a memo or official document.
const LETTERHEAD_KEYS: &[&str] = &["主送", "抄送", "报送", "抄报", "分送", "签发人", "签发", "印发", "发送"];

/// Share widgets and page tools that come as one long word (`扫一扫在手机打开当前页`).
const WIDGET_PHRASES: &[&str] = &[
    "扫一扫",
    "手机打开",
    "打开当前页",
    "当前页面",
    "打印本页",
    "打印正文",
    "关闭窗口",
    "进入关怀版",
    "请输入关键词",
    "进入后台",
];

/// Footer phrases: registration numbers, sponsors, browser advice.
const FOOTER_PHRASES: &[&str] = &[
    "ICP备",
    "ICP证",
    "公网安备",
    "网安备",
    "网站标识码",
    "主办单位",
    "承办单位",
    "主办：",
    "主办:",
    "承办：",
    "承办:",
    "技术支持：",
    "邮编：",
    "邮编:",
    "邮政编码",
    "网站地图",
    "分辨率",
    "您即将离开",
    "继续访问",
    "All Rights Reserved",
    "all rights reserved",
];

/// Announcements of the full text of a speech that follows (`全文如下：`).
const FULL_TEXT_PHRASES: &[&str] = &["全文如下", "原文如下"];

/// The phrase lists searched inside a line, by name; the word automaton
/// of the noise rules holds them all, list `p` at `p as usize` after its
/// own (see [`super::noise::LineWords`]).
#[derive(Clone, Copy)]
pub(super) enum Phrase {
    Widget,
    Footer,
    FullText,
    Reporter,
}

impl Phrase {
    /// Every list, in the order of the declaration.
    pub(super) const ALL: [Phrase; 4] = [Phrase::Widget, Phrase::Footer, Phrase::FullText, Phrase::Reporter];

    pub(super) fn words(self) -> &'static [&'static str] {
        match self {
            Phrase::Widget => WIDGET_PHRASES,
            Phrase::Footer => FOOTER_PHRASES,
            Phrase::FullText => FULL_TEXT_PHRASES,
            Phrase::Reporter => &["记者"],
        }
    }

    /// True when `words` holds a phrase of this list.
    fn in_words(self, words: LineWords) -> bool {
        words.has_phrase(self as usize)
    }
}

/// Text with spaces left out and an opening bracket stripped.
fn bare_key(text: &str) -> String {
    text.trim_start_matches(['【', '[', '〔', '(', '（', '<', '《'])
        .chars()
        .filter(|c| !crate::normalize::is_space(*c))
        .take(8)
        .collect()
}

/// True when `text` opens with `key` followed by a colon or closing bracket.
fn opens_field(text: &str, key: &str) -> bool {
    text.strip_prefix(key).is_some_and(|r| r.starts_with([':', '：', '】', ']', '〕', ')', '）']))
}

/// The context-free shape reason of one line, if any.
///
/// ```
/// use jianggao::segment::shape::line_reason;
/// assert_eq!(line_reason("【导  读】华为有两个决策体系"), Some(jianggao::NoiseReason::EditorNote));
/// assert_eq!(line_reason("主送：全体员工"), Some(jianggao::NoiseReason::Letterhead));
/// assert_eq!(line_reason("##"), Some(jianggao::NoiseReason::Markup));
/// assert_eq!(line_reason("一、总体要求"), None);
/// ```
pub fn line_reason(text: &str) -> Option<NoiseReason> {
    let shape = LineShape::of(text);
    reason_of(text, &shape, None)
}

/// [`line_reason`] of `text`, of shape `s`; `words` holds the word lists of
/// the line when the noise rules read them.
fn reason_of(text: &str, s: &LineShape, words: Option<LineWords>) -> Option<NoiseReason> {
    if s.chars == 0 {
        return None;
    }
    if text.bytes().all(|b| b == b'#' || b == b' ') {
        return Some(NoiseReason::Markup);
    }
    if s.link_like || (s.punct == 0 && s.chars <= 60 && is_menu_line(text)) {
        return Some(NoiseReason::Navigation);
    }
    // Every key opens with one of these characters: the key is read only
    // when the text may open with one.
    let key_may_open = text
        .trim_start_matches(['【', '[', '〔', '(', '（', '<', '《'])
        .chars()
        .find(|c| !crate::normalize::is_space(*c))
        .is_some_and(|c| matches!(c, '导' | '编' | '按' | '提' | '主' | '抄' | '报' | '分' | '签' | '印' | '发'));
    let key = if key_may_open { bare_key(text) } else { String::new() };
    if crate::vocab::NOTE_KEYS.iter().any(|k| opens_field(&key, k)) {
        return Some(NoiseReason::EditorNote);
    }
    if let Some(rest) = text.strip_prefix('>') {
        if rest.starts_with(' ') || rest.chars().next().is_some_and(crate::normalize::is_cjk) {
            return Some(NoiseReason::EditorNote);
        }
    }
    // Every phrase rule below asks for at most 100 characters: the
    // phrases of longer lines are not looked for.
    let lists = match words {
        _ if s.chars > 100 => LineWords::default(),
        Some(w) => w,
        None => LineWords::read(text),
    };
    if s.chars <= 20 && Phrase::FullText.in_words(lists) {
        return Some(NoiseReason::EditorNote);
    }
    if s.chars <= 80 && LETTERHEAD_KEYS.iter().any(|k| opens_field(&key, k)) {
        return Some(NoiseReason::Letterhead);
    }
    if s.chars <= 24 && s.punct <= 1 && Phrase::Widget.in_words(lists) {
        return Some(NoiseReason::Navigation);
    }
    if s.chars <= 100 && Phrase::Footer.in_words(lists) {
        return Some(NoiseReason::SiteChrome);
    }
    if s.chars <= 30
        && (text.ends_with('摄') || text.ends_with("摄）") || text.ends_with("摄)"))
        && Phrase::Reporter.in_words(lists)
    {
        return Some(NoiseReason::Caption);
    }
    if s.cjk == 0 && s.latin >= 12 && s.latin * 2 >= s.chars && text.matches(' ').count() >= 3 && !text.contains("http")
    {
        return Some(NoiseReason::Translation);
    }
    None
}

/// True for a menu or a breadcrumb printed on one line, its entries
/// between bars or arrows (`网站首页 | 新闻中心 | 领导活动`, `首页 > 政务公开 >
/// 领导讲话`): three or more entries of at most eight characters each, or
/// two when the first is the home page (`首页 > 领导讲话`). A Markdown table
/// row or quote, which opens or ends with its mark, is not one.
fn is_menu_line(text: &str) -> bool {
    const MARKS: [char; 7] = ['|', '｜', '>', '＞', '›', '»', '→'];
    let t = text.trim();
    if !t.contains(MARKS) || t.starts_with(MARKS) || t.ends_with(MARKS) {
        return false;
    }
    let mut entries = 0usize;
    let mut home = false;
    // Doubled marks (`>>`) leave empty entries between them.
    for e in t.split(MARKS).map(str::trim).filter(|e| !e.is_empty()) {
        if e.chars().filter(|c| !crate::normalize::is_space(*c)).count() > 8 {
            return false;
        }
        home |= entries == 0 && e.ends_with("首页");
        entries += 1;
    }
    entries >= 3 || (home && entries == 2)
}

/// True for a footnote body: `[1]` or `［1］` then text.
fn is_footnote_body(text: &str) -> bool {
    let rest = match text.strip_prefix('[') {
        Some(r) => r,
        None => match text.strip_prefix('［') {
            Some(r) => r,
            None => return false,
        },
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && rest.get(digits..).is_some_and(|r| r.starts_with([']', '］']) && r.chars().count() > 2)
}

/// Chrome fields whose value may stand on the next line.
fn is_field_reason(r: Option<NoiseReason>) -> bool {
    matches!(
        r,
        Some(
            NoiseReason::SourceLine
                | NoiseReason::Navigation
                | NoiseReason::Letterhead
                | NoiseReason::SiteChrome
                | NoiseReason::Header
        )
    )
}

/// Classifies the lines that the word rules left as text by their shape and
/// context; see the module documentation. `reasons` holds the reasons found
/// so far, one per unit, and `words` the words of the lines that the word
/// rules read.
pub(super) fn refine(
    units: &Units,
    texts: &[UnitText<'_>],
    words: &[Option<LineWords>],
    reasons: &mut [Option<NoiseReason>],
) {
    let n = texts.len().min(reasons.len()).min(units.units.len());
    let mut shapes: Vec<LineShape> = Vec::with_capacity(n);
    // CJK characters of the measured lines among the first 200, counted
    // with their shapes.
    let mut cjk_measured = 0usize;
    for (i, t) in texts.iter().enumerate().take(n) {
        let measured = (t.chars <= 200).then(|| measure(&t.text));
        if i < 200 {
            cjk_measured += measured.map_or(0, |(_, cjk)| cjk);
        }
        shapes.push(measured.map_or(LineShape { chars: t.chars, ..LineShape::default() }, |(s, _)| s));
    }
    // Whether the text is Chinese matters only for a line that reads as a
    // translation: it is found out at the first such line.
    let mut chinese: Option<bool> = None;
    for i in 0..n {
        let t = &texts[i];
        if reasons[i].is_none() && t.chars <= 200 {
            let r = reason_of(&t.text, &shapes[i], words.get(i).copied().flatten());
            if r != Some(NoiseReason::Translation) || *chinese.get_or_insert_with(|| is_chinese(texts, n, cjk_measured))
            {
                reasons[i] = r;
            }
            if reasons[i].is_none() && (units.footnote_refs || i * 3 >= n * 2) && is_footnote_body(&t.text) {
                reasons[i] = Some(NoiseReason::Footnote);
            }
        }
    }
    // A chrome key ending with a colon has its value on the next line (a
    // blank line between them counts only where not every line has one).
    let spaced = units.blank_spaced();
    for i in 1..n {
        let prev = texts[i - 1].text.as_ref();
        if reasons[i].is_none()
            && is_field_reason(reasons[i - 1])
            && (prev.ends_with('：') || prev.ends_with(':'))
            && (!units.units[i].gap_before || spaced)
            && shapes[i].chars <= 12
            && shapes[i].punct == 0
        {
            reasons[i] = reasons[i - 1];
        }
    }
    menu_runs(texts, &shapes, reasons);
    tail(texts, &shapes, reasons);
}

/// True when a third of the characters of the first 200 lines are CJK;
/// `cjk_measured` counts those of the lines measured by [`refine`] (the
/// first `n`, of at most 200 characters), the others are counted here.
fn is_chinese(texts: &[UnitText<'_>], n: usize, cjk_measured: usize) -> bool {
    let head = texts.iter().take(200);
    let unmeasured = head.clone().enumerate().filter(|&(i, t)| i >= n || t.chars > 200);
    let cjk = cjk_measured + unmeasured.map(|(_, t)| crate::normalize::count_cjk(&t.text)).sum::<usize>();
    cjk * 3 >= head.map(|t| t.chars).sum::<usize>()
}

/// A menu printed one entry a line: eight or more lines in a row of at most
/// six characters, without punctuation or a heading marker.
fn menu_runs(texts: &[UnitText<'_>], shapes: &[LineShape], reasons: &mut [Option<NoiseReason>]) {
    let entry = |i: usize| {
        shapes[i].chars <= 6
            && shapes[i].punct == 0
            && !texts[i].text.contains(['。', '：', ':'])
            && !super::wrap::starts_heading(&texts[i].text)
    };
    let mut i = 0;
    while i < shapes.len() {
        if !entry(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < shapes.len() && entry(j) {
            j += 1;
        }
        let text_lines = (i..j).filter(|&k| reasons[k].is_none()).count();
        if j - i >= 8 && text_lines >= 4 {
            for r in reasons[i..j].iter_mut().filter(|r| r.is_none()) {
                *r = Some(NoiseReason::Navigation);
            }
        }
        i = j;
    }
}

/// What follows the main body after a stretch of chrome: the main body is
/// the run of text with the most characters (runs are cut by two or more
/// noise lines in a row); a later run is `related_content` when at least
/// three noise lines stand between it and the body and it is small next to
/// the body (an eighth of its characters at most). Lines with a date, time
/// or link stay for the metadata stage.
fn tail(texts: &[UnitText<'_>], shapes: &[LineShape], reasons: &mut [Option<NoiseReason>]) {
    // Runs of text units: (first, last, characters).
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut bad_streak = 0usize;
    for (i, r) in reasons.iter().enumerate() {
        if r.is_some() {
            bad_streak += 1;
            continue;
        }
        let chars = shapes.get(i).map_or(0, |s| s.chars);
        match runs.last_mut() {
            Some(run) if bad_streak < 2 => {
                run.1 = i;
                run.2 += chars;
            }
            _ => runs.push((i, i, chars)),
        }
        bad_streak = 0;
    }
    let Some((body, &(_, body_end, body_chars))) = runs.iter().enumerate().max_by_key(|(_, r)| r.2) else {
        return;
    };
    if body_chars < 400 {
        return;
    }
    // Noise lines between the body and the run at hand, counted as the
    // runs are walked.
    let (mut between, mut cursor) = (0usize, body_end + 1);
    for &(first, last, chars) in runs.get(body + 1..).unwrap_or_default() {
        between += reasons.get(cursor..first).unwrap_or_default().iter().filter(|r| r.is_some()).count();
        cursor = last + 1;
        if between < 3 || chars * 8 > body_chars {
            // A second speech, or text after a short break.
            return;
        }
        for k in first..=last {
            if reasons[k].is_none() && !super::noise::is_meta_line(&texts[k].text) {
                reasons[k] = Some(NoiseReason::RelatedContent);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_function_bits_should_agree_with_the_function_words() {
        for c in ('\u{4E00}'..='\u{9FFF}').chain(['a', '，', '\u{3400}', '\u{A000}', '𠀀']) {
            assert_eq!(is_unified_function_char(c), is_function_char(c), "{c}");
        }
        assert_eq!(('\u{4E00}'..='\u{9FFF}').filter(|&c| is_unified_function_char(c)).count(), 17);
    }

    fn classify(src: &str) -> Vec<Option<NoiseReason>> {
        let mut units = Units::from_lines(src);
        super::super::noise::classify(src, &mut units);
        units.units.iter().map(|u| u.noise).collect()
    }

    #[test]
    fn should_read_the_features_of_a_line() {
        let s = LineShape::of("我们要抓好落实，确保见效。");
        assert_eq!((s.chars, s.punct, s.function), (13, 2, 3));
        assert!(LineShape::of("相关链接>>").link_like);
        assert!(!LineShape::of("2019-11-23").link_like);
        assert!(!LineShape::of("deadbeefdeadbeefdeadbeef").link_like, "letters only: a word, not a hash");
    }

    #[test]
    fn should_take_a_field_value_on_the_next_line_with_its_key() {
        let r = classify("一、总体要求\n要抓好落实。\n责任编辑：\n李莎莎");
        assert_eq!(r[3], Some(NoiseReason::SourceLine));
    }

    #[test]
    fn should_drop_related_headlines_after_the_body_but_not_a_second_speech() {
        let para = "我们要坚持稳中求进，推动高质量发展，把各项工作做实做细做好。".repeat(4);
        let body = std::iter::repeat_n(para.as_str(), 6).collect::<Vec<_>>().join("\n");
        let src = format!("标题\n{body}\n打印本页\n关闭窗口\n相关链接>>\n干部群众热议政府工作报告\n解读政府工作报告");
        let r = classify(&src);
        assert_eq!(r[r.len() - 1], Some(NoiseReason::RelatedContent));
        assert_eq!(r[r.len() - 2], Some(NoiseReason::RelatedContent));
        assert!(r[1..7].iter().all(|r| r.is_none()));
        let src = format!("标题\n{body}\n打印本页\n关闭窗口\n相关链接>>\n{body}");
        let r = classify(&src);
        assert!(r.iter().filter(|r| r.is_none()).count() >= 12, "{r:?}");
    }

    #[test]
    fn should_take_a_menu_printed_on_one_line_between_bars() {
        for t in ["首页 | 机构概况 | 政务动态 | 办事服务", "本站首页｜通知公告｜工作动态｜联系我们"]
        {
            assert_eq!(line_reason(t), Some(NoiseReason::Navigation), "{t}");
        }
        // A table row, two entries, a long entry or a sentence is no menu.
        for t in [
            "| 指标 | 目标 | 完成 |",
            "> 引文 > 再引",
            "收入 > 支出",
            "理论学习 | 实践锻炼",
            "一是学 | 二是做 | 三是要持续改进工作作风和方法",
            "学习，思考 | 实践 | 总结",
        ] {
            assert_ne!(line_reason(t), Some(NoiseReason::Navigation), "{t}");
        }
    }

    #[test]
    fn should_take_a_menu_printed_one_entry_a_line() {
        let src = "首页\n新闻\n政务\n服务\n互动\n数据\n专题\n图片\n视频\n一、总体要求\n要抓好落实。";
        let r = classify(src);
        assert!(r[1..9].iter().all(|r| *r == Some(NoiseReason::Navigation)), "{r:?}");
        assert_eq!(r[9], None);
    }

    #[test]
    fn should_keep_the_lines_of_a_speech() {
        for t in
            ["一、总体要求", "同志们：", "谢谢大家！", "（三）关于芯片", "我们要抓好落实，确保见效。", "2019年11月23日"]
        {
            assert_eq!(line_reason(t), None, "{t}");
        }
        assert_eq!(line_reason("> 新年前夕，主席发表了新年贺词。"), Some(NoiseReason::EditorNote));
        assert_eq!(line_reason("President Xi Jinping delivers a New Year speech."), Some(NoiseReason::Translation));
        assert_eq!(line_reason("新华社记者 李学仁 摄"), Some(NoiseReason::Caption));
        assert_eq!(line_reason("浙ICP备14042003号-1"), Some(NoiseReason::SiteChrome));
        assert_eq!(line_reason("地址：某市解放路8号　邮编：310000"), Some(NoiseReason::SiteChrome));
        assert_eq!(line_reason("联系电话：0571-12345678　网站地图　联系我们"), Some(NoiseReason::SiteChrome));
        assert_eq!(line_reason("主办：某市人民政府办公室　承办：某市大数据中心"), Some(NoiseReason::SiteChrome));
    }
}

//! Noise: lines and pieces of lines that are not speech (site chrome,
//! download-site headers and notices, watermarks and adverts, page numbers,
//! source lines, repeated titles and running headers), each reported with a
//! reason.
//!
//! Rules are general shapes and vocabularies, documented in
//! `grammar-notes/noise.md`. Lines that the metadata stage reads (the title,
//! a name line, `时间:…`, `本文…发表`, `本文链接:…`, greetings, sign-offs,
//! `篇一`, a table of contents) are never noise here.

use super::lines::{ends_clause, ends_sentence, UnitText, Units};
use crate::hash::{FxHashMap, FxHashSet};
use crate::model::NoiseReason;
use crate::words::{Found, Lexicon};

/// Generic words allowed around the strong chrome words in a navigation bar
/// (`首页 > 新闻 > 讲话稿`); together with [`CHROME_STRONG`] they are the
/// whole-line site navigation and footer words.
const CHROME_GENERIC: &[&str] = &[
    "返回",
    "顶部",
    "分享",
    "打印",
    "收藏",
    "评论",
    "点赞",
    "举报",
    "登录",
    "注册",
    "搜索",
    "投稿",
    "字体",
    "字号",
    "大",
    "中",
    "小",
    "全文",
    "TOP",
    "top",
    "微博",
    "QQ空间",
    "微信",
    "朋友圈",
    "位置",
    "文章",
    "新闻",
    "资讯",
    "范文",
    "讲话稿",
    "发言稿",
    "栏目",
];

/// Words that, alone, make a line chrome (the rest being generic words
/// allowed around them in a navigation bar).
const CHROME_STRONG: &[&str] = &[
    "首页",
    "网站首页",
    "返回首页",
    "相关新闻",
    "最新新闻",
    "热点新闻",
    "推荐新闻",
    "查看更多",
    "关闭",
    "关闭窗口",
    "相关文章",
    "最新文章",
    "热门文章",
    "推荐文章",
    "相关阅读",
    "推荐阅读",
    "延伸阅读",
    "猜你喜欢",
    "热门推荐",
    "相关推荐",
    "精彩推荐",
    "您可能关注的文档",
    "您可能感兴趣的",
    "相关文档",
    "相关资料",
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "尾页",
    "末页",
    "返回顶部",
    "回到顶部",
    "返回列表",
    "分享到",
    "打印本页",
    "收藏本页",
    "加入收藏",
    "发表评论",
    "网站地图",
    "联系我们",
    "关于我们",
    "广告服务",
    "用户协议",
    "隐私政策",
    "帮助中心",
    "意见反馈",
    "我要投稿",
    "复制链接",
    "扫一扫",
    "阅读全文",
    "展开全文",
    "热门标签",
    "友情链接",
    "当前位置",
    "您的位置",
    "更多",
    "相关附件",
    "相关链接",
    "热点推荐",
    "打印正文",
    "简体",
    "繁体",
    "繁體",
    "进入关怀版",
    "关怀版",
    "相關新聞",
    "相關閱讀",
    "詳細內容",
    "上一張圖片",
    "下一張圖片",
    "上一篇文章",
    "下一篇文章",
    "详细",
    "詳細",
];

/// Prefixes of navigation lines that carry a title or path after them, when
/// a colon, space or bracket follows.
const CHROME_FIELD: &[&str] = &[
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "分享到",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "所在位置",
    "相关阅读",
    "推荐阅读",
    "猜你喜欢",
    "标签",
    "TAG",
    "Tag",
    "tag",
    "版权所有",
    "Copyright",
    "copyright",
    "©",
];

/// Prefixes of navigation lines, whatever follows.
const CHROME_PREFIX: &[&str] =
    &["上一篇", "下一篇", "分享到", "当前位置", "您现在的位置", "版权所有", "Copyright", "copyright", "©"];

/// Download-site, preview and site-rule vocabulary.
const SITE_TERMS: &[&str] = &[
    "下载",
    "文档",
    "预览",
    "本站",
    "本网",
    "客服",
    "上传",
    "版权",
    "付费",
    "积分",
    "会员",
    "投诉",
    "侵权",
    "网友",
    "用户",
    "免费",
    "在线阅读",
    "转载",
    "收益",
    "作者所有",
    "网站",
    "平台",
    "删除",
    "举报",
];

/// The terms of [`SITE_TERMS`] that only a site would write about itself.
const SITE_STRONG: &[&str] =
    &["下载", "预览", "本站", "本网", "客服", "上传", "付费", "积分", "投诉", "侵权", "在线阅读", "收益"];

/// Notices that the preview stops before the end of the document.
const PREVIEW: &[&str] = &[
    "最多预览",
    "预览结束",
    "预览已结束",
    "试读结束",
    "试读已结束",
    "查看全文",
    "阅读全文",
    "展开全文",
    "未读完",
    "页未读",
    "继续阅读",
    "剩余内容",
    "下载文档",
    "下载全文",
    "下载收益",
    "免费下载",
    "立即下载",
    "点击下载",
];

/// Prefixes of site disclaimers and rule lists.
const DISCLAIMER_PREFIX: &[&str] = &[
    "申明敬告",
    "声明敬告",
    "免责声明",
    "特别声明",
    "版权声明",
    "重要声明",
    "郑重声明",
    "温馨提示",
    "温馨提醒",
    "下载须知",
    "用户须知",
    "购买须知",
    "阅读须知",
];

/// Watermark phrases.
const WATERMARK: &[&str] = &[
    "仅供学习",
    "仅供参考",
    "仅供交流",
    "仅供个人",
    "禁止外传",
    "请勿外传",
    "严禁外传",
    "内部资料",
    "严禁转载",
    "禁止转载",
    "请勿转载",
    "未经授权",
    "未经许可",
    "侵权必究",
    "翻版必究",
    "版权所有",
];

/// Advert vocabulary: two distinct hits on a short line make an advert.
const AD_TERMS: &[&str] = &[
    "会员", "订阅", "倒卖", "赠送", "立享", "充值", "扫码", "优惠", "限时", "免费", "购买", "下单", "折扣", "特价",
    "促销", "加盟", "代理", "领取", "开通", "续费", "原价",
];

/// Contact and group words of adverts (`咨询QQ206157060`, `会员群：`).
const CONTACT: &[&str] = &[
    "QQ",
    "qq",
    "Qq",
    "微信",
    "WeChat",
    "wechat",
    "Wechat",
    "VX",
    "vx",
    "公众号",
    "QQ群",
    "会员群",
    "微信群",
    "交流群",
    "客服",
];

/// Contact words that make a short line with a contact word an advert.
const CONTACT_HINTS: &[&str] = &["咨询", "联系", "添加", "加群", "群号", "微信号", "QQ号", "扫码", "群：", "群:"];

/// The vocabularies searched inside lines, by name; [`TERMS`] holds them
/// all.
#[derive(Clone, Copy, Debug, PartialEq)]
enum List {
    SiteTerms,
    SiteStrong,
    Preview,
    Watermark,
    AdTerms,
    Contact,
    TitleWords,
    ContactHints,
    CutNotices,
}

impl List {
    /// Every list, in the order of the declaration (list `t` of [`TERMS`]
    /// is `t as usize`).
    const ALL: [List; 9] = [
        List::SiteTerms,
        List::SiteStrong,
        List::Preview,
        List::Watermark,
        List::AdTerms,
        List::Contact,
        List::TitleWords,
        List::ContactHints,
        List::CutNotices,
    ];

    fn words(self) -> &'static [&'static str] {
        match self {
            List::SiteTerms => SITE_TERMS,
            List::SiteStrong => SITE_STRONG,
            List::Preview => PREVIEW,
            List::Watermark => WATERMARK,
            List::AdTerms => AD_TERMS,
            List::Contact => CONTACT,
            List::TitleWords => crate::vocab::TITLE_LINE_WORDS,
            List::ContactHints => CONTACT_HINTS,
            List::CutNotices => super::repair::CUT_NOTICES,
        }
    }
}

/// The [`List`] lists, then the phrase lists of the line shapes
/// ([`super::shape::Phrase`]), in one automaton: one pass over a line finds
/// the words of both stages.
static TERMS: once_cell::sync::Lazy<Lexicon> = once_cell::sync::Lazy::new(|| {
    let lists: Vec<&[&str]> = List::ALL
        .map(List::words)
        .into_iter()
        .chain(super::shape::Phrase::ALL.map(super::shape::Phrase::words))
        .collect();
    Lexicon::new(&lists)
});

/// Which of the word lists asked after the line rules a line holds words
/// of, kept from the one pass of the line rules over it (a byte a line):
/// bit `p` for phrase list `p` of the line shapes
/// ([`super::shape::Phrase`]), then [`LineWords::STRONG`] and
/// [`LineWords::TITLE`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct LineWords(u8);

impl LineWords {
    /// A word of [`SITE_STRONG`].
    const STRONG: u8 = 1 << 6;
    /// A word of [`crate::vocab::TITLE_LINE_WORDS`].
    const TITLE: u8 = 1 << 7;

    /// The lists of `found` (words of [`TERMS`]) that are asked later.
    fn of(found: &Found) -> LineWords {
        // Most lines hold no word of any list.
        if found.is_empty() {
            return LineWords::default();
        }
        let phrases = (0..super::shape::Phrase::ALL.len())
            .filter(|&p| found.any(&TERMS, List::ALL.len() + p))
            .fold(0u8, |bits, p| bits | 1 << p);
        let strong = if found.any(&TERMS, List::SiteStrong as usize) { Self::STRONG } else { 0 };
        let title = if found.any(&TERMS, List::TitleWords as usize) { Self::TITLE } else { 0 };
        LineWords(phrases | strong | title)
    }

    /// The lists of the words of `text`, read now.
    pub(super) fn read(text: &str) -> LineWords {
        LineWords::of(&TERMS.scan(text))
    }

    /// True when the line holds a word of phrase list `phrase` of the line
    /// shapes.
    pub(super) fn has_phrase(self, phrase: usize) -> bool {
        self.0 & 1 << phrase != 0
    }

    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

// The phrase lists fit below the bits of the lists of the noise rules.
const _: () = assert!(super::shape::Phrase::ALL.len() <= 6);

/// True when `text` holds a word of `list`.
fn has_any(text: &str, list: List) -> bool {
    TERMS.scan(text).any(&TERMS, list as usize)
}

/// True when `text` holds a notice that the preview stops before the end
/// of the document ([`CUT_NOTICES`](super::repair::CUT_NOTICES)).
pub(crate) fn has_cut_notice(text: &str) -> bool {
    has_any(text, List::CutNotices)
}

/// Strips a leading bracket (`【` `[` `(`) from a line, for prefix tests.
fn unbracket(text: &str) -> &str {
    text.trim_start_matches(['【', '[', '〔', '(', '（', '《'])
}

/// True when `t` (a line with its leading bracket stripped, see
/// [`unbracket`]) starts with `prefix` followed by the end, a colon, a space
/// or a closing bracket.
fn field_after(t: &str, prefix: &str) -> bool {
    let Some(rest) = t.strip_prefix(prefix) else {
        return false;
    };
    match rest.chars().next() {
        None => true,
        Some(c) => matches!(c, ':' | '：' | ' ' | '\u{3000}' | '】' | ']' | '〕' | ')' | '）' | '>' | '》'),
    }
}

/// Bits of [`prefix_kinds`]: the prefix lists a line opens with a word of.
const P_CHROME: u8 = 1; // a CHROME_FIELD field or a CHROME_PREFIX prefix
const P_HEADER: u8 = 2; // a HEADER_KEYS field
const P_DISCLAIMER: u8 = 4; // a DISCLAIMER_PREFIX prefix
const P_SOURCE: u8 = 8; // a SOURCE_LABELS field

/// The words of the prefix lists by their first character, each with the
/// lists it opens as a field ([`field_after`]) and as a bare prefix.
type PrefixWords = FxHashMap<char, Vec<(&'static str, u8, u8)>>;

static PREFIXES: once_cell::sync::Lazy<PrefixWords> = once_cell::sync::Lazy::new(|| {
    let mut by_first: PrefixWords = FxHashMap::default();
    let lists: [(&[&str], u8, u8); 5] = [
        (CHROME_FIELD, P_CHROME, 0),
        (CHROME_PREFIX, 0, P_CHROME),
        (crate::vocab::HEADER_KEYS, P_HEADER, 0),
        (DISCLAIMER_PREFIX, 0, P_DISCLAIMER),
        (crate::vocab::SOURCE_LABELS, P_SOURCE, 0),
    ];
    for (list, field, prefix) in lists {
        for &w in list {
            let Some(c) = w.chars().next() else { continue };
            let words = by_first.entry(c).or_default();
            match words.iter_mut().find(|e| e.0 == w) {
                Some(e) => {
                    e.1 |= field;
                    e.2 |= prefix;
                }
                None => words.push((w, field, prefix)),
            }
        }
    }
    by_first
});

/// The prefix lists (`P_` bits) that `bare` (a line with its leading bracket
/// stripped, see [`unbracket`]) opens with: only the words sharing its first
/// character are tried.
fn prefix_kinds(bare: &str) -> u8 {
    let Some(words) = bare.chars().next().and_then(|c| PREFIXES.get(&c)) else {
        return 0;
    };
    let mut kinds = 0;
    for &(w, field, prefix) in words {
        if field & !kinds != 0 && field_after(bare, w) {
            kinds |= field;
        }
        if prefix & !kinds != 0 && bare.starts_with(w) {
            kinds |= prefix;
        }
    }
    kinds
}

/// True for lines the metadata stage reads: dates, times, permalinks,
/// publication footers.
pub(crate) fn is_meta_line(text: &str) -> bool {
    text.contains("时间")
        || text.contains("日期")
        || text.contains("链接")
        || text.contains("http")
        || text.contains("www.")
        || (text.starts_with("本文") && text.contains("发表"))
        || has_date(text)
}

/// True when `text` holds a date such as `2019-11-23` or `2019年11月23日`.
fn has_date(text: &str) -> bool {
    let b = text.as_bytes();
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
            continue;
        }
        if run == 4 {
            let rest = b.get(i..).unwrap_or_default();
            if matches!(c, b'-' | b'/' | b'.') && rest.get(1).is_some_and(|d| d.is_ascii_digit()) {
                return true;
            }
            if rest.starts_with("年".as_bytes()) && text.get(i + 3..).is_some_and(|r| r.contains('月')) {
                return true;
            }
        }
        run = 0;
    }
    false
}

/// The page-number shapes: `5`, `- 5 -`, `—5—`, `第3页`, `第3页 共8页`,
/// `共8页 第3页`, `3/8`, `Page 3 of 8`.
///
/// ```
/// use jianggao::segment::noise::is_page_number;
/// assert!(is_page_number("- 5 -"));
/// assert!(is_page_number("第3页 共8页"));
/// assert!(is_page_number("3/8"));
/// assert!(!is_page_number("第三,要坚守法纪红线"));
/// ```
pub fn is_page_number(text: &str) -> bool {
    // Every character of a page number (spaces aside) folds to a digit, a
    // dash, `/`, `,`, a letter of `page` or `of`, or `第` `共` `页`; any other
    // rules the line out before a folded copy is made. So do more than 20
    // characters besides spaces.
    let page_char = |c: char| {
        let f = crate::normalize::fold(c);
        f.is_ascii_digit()
            || matches!(f, '-' | '—' | '–' | '·' | '_' | '/' | ',' | '第' | '共' | '页')
            || matches!(f.to_ascii_lowercase(), 'p' | 'a' | 'g' | 'e' | 'o' | 'f')
    };
    let mut kept = 0usize;
    for c in text.chars().filter(|c| !crate::normalize::is_space(*c)) {
        kept += 1;
        if kept > 20 || !page_char(c) {
            return false;
        }
    }
    page_number_shape(text)
}

/// The page-number shapes, read on a folded copy of `text` without spaces.
fn page_number_shape(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !crate::normalize::is_space(*c)).map(crate::normalize::fold).collect();
    if t.is_empty() || t.chars().count() > 20 {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(&t) {
        return true;
    }
    let dashes = ['-', '—', '–', '·', '－', '_'];
    if let Some(mid) = t.strip_prefix(dashes).and_then(|m| m.strip_suffix(dashes)) {
        if digits(mid.trim_matches(dashes)) {
            return true;
        }
    }
    if let Some((a, b)) = t.split_once('/') {
        if digits(a) && digits(b) {
            return true;
        }
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let rest = rest.replace("of", "/");
        return rest.split('/').all(digits);
    }
    if (t.starts_with('第') || t.starts_with('共')) && t.contains('页') {
        let rest: String = t.chars().filter(|c| !"第共页/,，".contains(*c)).collect();
        return rest.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty();
    }
    false
}

/// True for a page thumbnail caption: `标题_第1页`.
fn is_page_thumbnail(text: &str) -> bool {
    if !text.ends_with('页') {
        return false;
    }
    let Some(pos) = text.rfind('第') else {
        return false;
    };
    let (head, tail) = text.split_at(pos);
    let Some(num) = tail.strip_prefix('第').and_then(|t| t.strip_suffix('页')) else {
        return false;
    };
    !num.is_empty()
        && num.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && (head.ends_with('_') || head.ends_with('-') || head.ends_with(' ') || head.is_empty())
}

/// True when the line is wholly navigation words, separated by spaces, `|`,
/// `>`, `/` or `·`.
fn is_chrome(text: &str) -> bool {
    let mut strong = false;
    let mut any = false;
    let separator = |c: char| {
        matches!(c, '|' | '｜' | '>' | '»' | '<' | '«' | '/' | '·' | '•' | '-' | '—' | '【' | '】')
            || matches!(c, '[' | ']' | '(' | ')' | '（' | '）' | ':' | '：')
            || crate::normalize::is_space(c)
    };
    static STRONG: once_cell::sync::Lazy<FxHashSet<&str>> =
        once_cell::sync::Lazy::new(|| CHROME_STRONG.iter().copied().collect());
    static GENERIC: once_cell::sync::Lazy<FxHashSet<&str>> =
        once_cell::sync::Lazy::new(|| CHROME_GENERIC.iter().copied().collect());
    for tok in text.split(separator) {
        if tok.is_empty() {
            continue;
        }
        any = true;
        if STRONG.contains(tok) {
            strong = true;
        } else if !GENERIC.contains(tok) && !tok.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    any && strong
}

/// True when the line has a contact number or group, as adverts do.
fn is_contact_advert(text: &str, chars: usize, found: &Found) -> bool {
    if !found.any(&TERMS, List::Contact as usize) {
        return false;
    }
    let long_digits = text.as_bytes().split(|b| !b.is_ascii_digit()).any(|run| run.len() >= 5);
    long_digits || (chars <= 40 && (ends_colon(text) || found.any(&TERMS, List::ContactHints as usize)))
}

fn ends_colon(text: &str) -> bool {
    text.ends_with(':') || text.ends_with('：')
}

/// The context-free noise reason of one line (or logical line), if any.
///
/// ```
/// use jianggao::segment::noise::line_noise;
/// assert_eq!(line_noise("首页"), Some(jianggao::NoiseReason::SiteChrome));
/// assert_eq!(line_noise("大小:20.33 KB"), Some(jianggao::NoiseReason::DownloadHeader));
/// assert_eq!(line_noise("咨询QQ206157060"), Some(jianggao::NoiseReason::Advert));
/// assert_eq!(line_noise("时间:2019-11-23"), None);
/// assert_eq!(line_noise("一、总体要求"), None);
/// ```
pub fn line_noise(text: &str) -> Option<NoiseReason> {
    noise_of(text, text.chars().count(), &mut None)
}

/// [`line_noise`] of `text`, which is `chars` characters long. When the
/// words of the line were read, what the later rules ask of them is left
/// in `words`.
fn noise_of(text: &str, chars: usize, words: &mut Option<LineWords>) -> Option<NoiseReason> {
    if chars == 0 || chars > 200 {
        return None;
    }
    if is_page_number(text) {
        return Some(NoiseReason::PageNumber);
    }
    if is_page_thumbnail(text) {
        return Some(NoiseReason::PageThumbnail);
    }
    if chars <= 60 && is_chrome(text) {
        return Some(NoiseReason::SiteChrome);
    }
    let kinds = prefix_kinds(unbracket(text));
    if chars <= 80 && kinds & P_CHROME != 0 {
        return Some(NoiseReason::SiteChrome);
    }
    if chars <= 60 && kinds & P_HEADER != 0 && !is_meta_line_key(text) {
        return Some(NoiseReason::DownloadHeader);
    }
    let found = TERMS.scan(text);
    *words = Some(LineWords::of(&found));
    let has_any = |list: List| found.any(&TERMS, list as usize);
    let count_terms = |list: List| found.count(&TERMS, list as usize);
    // A notice names the site (`预览已结束，下载后可查看全文`) or is made of
    // two notice phrases (`还剩2页未读，继续阅读`).
    if (chars <= 120 && has_any(List::Preview) && count_terms(List::SiteTerms) >= 1)
        || (chars <= 40 && count_terms(List::Preview) >= 2)
    {
        return Some(NoiseReason::PreviewNotice);
    }
    if kinds & P_DISCLAIMER != 0 {
        return Some(NoiseReason::Disclaimer);
    }
    if chars <= 60 && has_any(List::Watermark) {
        return Some(NoiseReason::Watermark);
    }
    if chars <= 80 && is_contact_advert(text, chars, &found) {
        return Some(NoiseReason::Advert);
    }
    let strong = count_terms(List::SiteStrong);
    if strong >= 2 && count_terms(List::SiteTerms) >= 3 {
        return Some(if text.contains("上传") && text.contains("分享") {
            NoiseReason::DownloadHeader
        } else {
            NoiseReason::Disclaimer
        });
    }
    if chars <= 60 && count_terms(List::AdTerms) >= 2 {
        return Some(NoiseReason::Advert);
    }
    if chars <= 30
        && !ends_sentence(text)
        && (text.ends_with("整理") || text.ends_with("整理发布") || text.ends_with("整理编辑"))
    {
        return Some(NoiseReason::Watermark);
    }
    if chars <= 80 && kinds & P_SOURCE != 0 && !is_meta_line(text) {
        return Some(NoiseReason::SourceLine);
    }
    None
}

/// A header key line that is really a date or time field (kept for meta).
fn is_meta_line_key(text: &str) -> bool {
    text.contains("时间") || text.contains("日期")
}

/// Classifies the units of `src`: sets `noise` on whole-unit noise.
///
/// Beyond the line rules of [`line_noise`], context rules apply: the lines
/// after a site notice (a numbered rule list under `温馨提示:`) that speak
/// the site's vocabulary; an advert block at the top of the file; later
/// copies of the title line; short lines repeated three times or more
/// (running headers).
///
/// ```
/// use jianggao::segment::lines::Units;
/// let src = "首页\n一、总体要求";
/// let mut units = Units::from_lines(src);
/// jianggao::segment::noise::classify(src, &mut units);
/// assert_eq!(units.units[0].noise, Some(jianggao::NoiseReason::SiteChrome));
/// assert!(units.units[1].noise.is_none());
/// ```
pub fn classify(src: &str, units: &mut Units) {
    let texts = units.texts(src);
    classify_texts(units, &texts);
}

/// [`classify`] with the units' texts ([`Units::texts`]) at hand.
pub(crate) fn classify_texts(units: &mut Units, texts: &[UnitText<'_>]) {
    // What the later rules ask of the words of each line read here.
    let mut words: Vec<Option<LineWords>> = Vec::with_capacity(texts.len());
    let mut reasons: Vec<Option<NoiseReason>> = texts
        .iter()
        .map(|t| {
            let mut w = None;
            let r = noise_of(&t.text, t.chars, &mut w);
            words.push(w);
            r
        })
        .collect();
    notice_blocks(texts, &words, &mut reasons);
    advert_block(units, texts, &words, &mut reasons);
    repeats(texts, &mut reasons);
    super::shape::refine(units, texts, &words, &mut reasons);
    for (u, r) in units.units.iter_mut().zip(reasons) {
        u.noise = r;
    }
}

/// True when line `i` holds a word of the list of `bit` (a
/// [`LineWords`] bit): from `words` when the line rules read the line, else
/// read now.
fn line_has(texts: &[UnitText<'_>], words: &[Option<LineWords>], i: usize, bit: u8) -> bool {
    match words.get(i).copied().flatten() {
        Some(w) => w.has(bit),
        None => texts.get(i).is_some_and(|t| LineWords::read(&t.text).has(bit)),
    }
}

/// After a site notice, lines that speak the site's vocabulary belong to the
/// notice (the numbered rules under `温馨提示:`).
fn notice_blocks(texts: &[UnitText<'_>], words: &[Option<LineWords>], reasons: &mut [Option<NoiseReason>]) {
    let mut in_notice = false;
    for (i, (t, r)) in texts.iter().zip(reasons.iter_mut()).enumerate() {
        match *r {
            Some(NoiseReason::Disclaimer | NoiseReason::PreviewNotice | NoiseReason::DownloadHeader) => {
                in_notice = true
            }
            Some(_) => {}
            None => {
                if in_notice && t.chars <= 200 && line_has(texts, words, i, LineWords::STRONG) {
                    *r = Some(NoiseReason::Disclaimer);
                } else {
                    in_notice = false;
                }
            }
        }
    }
}

/// An advert block at the top of the file: groups of short lines (separated
/// by blank lines) before the first real text, each holding at least one
/// line with a strong ad, watermark or chrome signal. Their other lines are
/// the ad's slogans; title-like lines are kept.
fn advert_block(
    units: &Units,
    texts: &[UnitText<'_>],
    words: &[Option<LineWords>],
    reasons: &mut [Option<NoiseReason>],
) {
    let mut start = 0;
    while start < units.units.len() {
        let mut end = start + 1;
        while end < units.units.len() && !units.units[end].gap_before {
            end += 1;
        }
        let group = start..end;
        if group.clone().all(|i| reasons[i].is_some()) {
            // Chrome or headers only: nothing to decide, look further.
            start = end;
            continue;
        }
        let short = group.clone().all(|i| texts[i].chars <= 50);
        let signal = group.clone().any(|i| matches!(reasons[i], Some(NoiseReason::Advert | NoiseReason::Watermark)));
        // The block must end at a gap before more text.
        if !short || !signal || group.len() > 10 || end >= units.units.len() {
            return;
        }
        for i in group {
            let t = &texts[i].text;
            if reasons[i].is_none() && !line_has(texts, words, i, LineWords::TITLE) && !ends_colon(t) {
                reasons[i] = Some(NoiseReason::Advert);
            }
        }
        start = end;
    }
}

/// Later copies of the title line are `repeated_title`; a short line seen
/// three times or more is a running header from its second copy on.
fn repeats(texts: &[UnitText<'_>], reasons: &mut [Option<NoiseReason>]) {
    let title = texts
        .iter()
        .zip(reasons.iter())
        .find(|(_, r)| r.is_none())
        .map(|(t, _)| t)
        .filter(|t| t.chars <= 50 && !ends_sentence(&t.text))
        .map(|t| t.text.as_ref());
    let header_like =
        |t: &UnitText<'_>| (4..=40).contains(&t.chars) && !ends_clause(&t.text) && !ends_sentence(&t.text);
    // Only header-like lines are counted: no other line asks for its count.
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for (t, r) in texts.iter().zip(reasons.iter()) {
        if r.is_none() && header_like(t) {
            *counts.entry(t.text.as_ref()).or_default() += 1;
        }
    }
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut title_seen = false;
    for (t, r) in texts.iter().zip(reasons.iter_mut()) {
        if r.is_some() {
            continue;
        }
        if title == Some(t.text.as_ref()) {
            if title_seen {
                *r = Some(NoiseReason::RepeatedTitle);
            }
            title_seen = true;
            continue;
        }
        let text = t.text.as_ref();
        if header_like(t) && counts.get(text).copied().unwrap_or(0) >= 3 && !seen.insert(text) {
            *r = Some(NoiseReason::RunningHeader);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_should_be_in_declaration_order() {
        assert!(List::ALL.iter().enumerate().all(|(i, &t)| t as usize == i));
    }

    #[test]
    fn should_read_chrome_lines_token_by_token() {
        assert!(is_chrome("首页 1234567890123456789012345678901234567890"));
        assert!(!is_chrome("您可能关注的文档们"));
    }

    #[test]
    fn should_find_a_cut_notice_only_where_one_stands() {
        for c in crate::segment::repair::CUT_NOTICES {
            assert!(has_cut_notice(&format!("本文档{c}，请下载")), "{c}");
        }
        assert!(!has_cut_notice("预览"));
        assert!(!has_cut_notice("全文下载"));
        assert!(!has_cut_notice(""));
    }

    #[test]
    fn should_agree_with_the_page_number_shapes_on_the_folded_copy() {
        let samples = [
            "5",
            "12345",
            "- 5 -",
            "—5—",
            "－５－",
            "_3_",
            "·12·",
            "第3页",
            "第 3 页 共 8 页",
            "共8页 第3页",
            "第3页,共8页",
            "第３页，共８页",
            "3/8",
            "３／８",
            "Page 3 of 8",
            "PAGE 3",
            "page",
            "Ｐａｇｅ ２",
            "page 3 of x",
            "第三页",
            "第页",
            "一、总体要求",
            "第三,要坚守法纪红线",
            "2019-11-23",
            "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1",
            "",
            "  ",
            "of",
            "fage 3",
            "第3页 abc",
            "5页",
        ];
        for s in samples {
            assert_eq!(is_page_number(s), page_number_shape(s), "{s:?}");
        }
    }

    #[test]
    fn should_find_the_prefix_lists_a_line_opens_with() {
        let field = |t: &str, list: &[&str]| list.iter().any(|p| field_after(t, p));
        let prefix = |t: &str, list: &[&str]| list.iter().any(|p| t.starts_with(p));
        let samples = [
            "上一篇：关于",
            "上一篇文章",
            "大小:20.33 KB",
            "大小",
            "文档大小 1M",
            "来源：新华网",
            "来源于实践",
            "免责声明：本站",
            "版权所有 某某",
            "Copyright 2020",
            "©2020",
            "TAG:党课",
            "标签",
            "一、总体要求",
            "",
            "编辑】",
        ];
        for t in samples {
            let kinds = prefix_kinds(t);
            let want_chrome = field(t, CHROME_FIELD) || prefix(t, CHROME_PREFIX);
            assert_eq!(kinds & P_CHROME != 0, want_chrome, "{t}");
            assert_eq!(kinds & P_HEADER != 0, field(t, crate::vocab::HEADER_KEYS), "{t}");
            assert_eq!(kinds & P_DISCLAIMER != 0, prefix(t, DISCLAIMER_PREFIX), "{t}");
            assert_eq!(kinds & P_SOURCE != 0, field(t, crate::vocab::SOURCE_LABELS), "{t}");
        }
    }

    #[test]
    fn should_take_the_site_lines_after_a_notice_from_the_words_read_once() {
        let src = "温馨提示：\n1、本站资源仅供下载学习。\n一、总体要求\n本站资源仅供下载学习。";
        let mut units = Units::from_lines(src);
        classify(src, &mut units);
        let reasons: Vec<_> = units.units.iter().map(|u| u.noise).collect();
        assert_eq!(reasons, [Some(NoiseReason::Disclaimer), Some(NoiseReason::Disclaimer), None, None]);
        // The phrase lists of the line shapes are read in the same pass.
        let footer = super::super::shape::Phrase::Footer as usize;
        assert!(LineWords::read("浙ICP备14042003号-1").has_phrase(footer));
        assert!(!LineWords::read("一、总体要求").has_phrase(footer));
        let w = LineWords::read("本站资源，党课讲稿");
        assert!(w.has(LineWords::STRONG) && w.has(LineWords::TITLE));
        let mut read = None;
        assert_eq!(noise_of("本站资源，党课讲稿", 9, &mut read), None);
        assert_eq!(read, Some(w));
    }

    #[test]
    fn should_count_repeats_only_of_header_like_lines() {
        let src = "某某单位工作简报\n正文第一段很长很长。\n某某单位工作简报\n正文第二段。\n某某单位工作简报\n正文第三段。\n某某单位工作简报";
        let mut units = Units::from_lines(src);
        classify(src, &mut units);
        let reasons: Vec<_> = units.units.iter().map(|u| u.noise).collect();
        assert_eq!(reasons[0], None);
        assert_eq!(reasons[2], Some(NoiseReason::RepeatedTitle));
        assert_eq!(reasons[1], None);
        let src = "标题\n同样一句话。\n同样一句话。\n同样一句话。";
        let mut units = Units::from_lines(src);
        classify(src, &mut units);
        assert!(units.units.iter().all(|u| u.noise.is_none()), "sentences are not running headers");
    }
}

//! Titles: which header line is the speech title, the wrappers around it
//! (`党课《…》`, `《…》`), double titles (`主标题——副标题`), bylines in a
//! subtitle (`——张三同志在…上的讲话`), and the occasion named by a
//! `在…上的讲话` title.

use super::speaker::name_in;
use super::text::{chars, has_chrome};
use crate::normalize::is_space;

/// Longest title, in chars.
///
/// ```
/// let long = "长".repeat(jianggao::meta::title::MAX_TITLE + 1);
/// assert!(!jianggao::meta::title::title_shape(&long));
/// ```
pub const MAX_TITLE: usize = 60;

/// True when `text` has the shape of a title line: short, no sentence end
/// inside (a final `？` or `！` is allowed), no colon, not a date or a
/// metadata line, not a list item and not site chrome.
///
/// ```
/// use jianggao::meta::title::title_shape;
/// assert!(title_shape("在全市新任科级领导干部廉政谈话会上的讲话"));
/// assert!(title_shape("党课《强化政治机关意识着力打造模范机关》"));
/// assert!(!title_shape("一、强化学习意识，时刻牢记好初心"));
/// assert!(!title_shape("今天开会。"));
/// assert!(!title_shape("时间:2019-11-23"));
/// ```
pub fn title_shape(text: &str) -> bool {
    let t = text.trim();
    // A genre label before the title: `党课讲稿：坚定理想信念`.
    let t = genre_prefix(t).and_then(|n| t.get(n..)).map_or(t, str::trim_start);
    // Every char takes at most 4 bytes: a longer line has too many. Asked
    // first: most blocks asked are paragraphs, settled here at once.
    if t.len() > 4 * MAX_TITLE {
        return false;
    }
    // One pass for the chars (at most `MAX_TITLE`), the ideographs and a
    // sentence end or colon before the final marks, first: it settles the
    // short paragraphs of a body (a sentence end inside), and the searches
    // below run only on a line that passes it.
    let body = t.trim_end_matches(['？', '?', '！', '!']).len();
    let (mut n, mut han) = (0, 0);
    for (i, c) in t.char_indices() {
        n += 1;
        if n > MAX_TITLE {
            return false;
        }
        // An ideograph is never a clause end.
        if super::text::is_han(c) {
            han += 1;
        } else if i < body && crate::normalize::is_clause_end(c) {
            return false;
        }
    }
    if n < 2 || han * 2 < n {
        return false;
    }
    // A Republic-of-China date (`民國97年5月20日`) is a chrome line's stamp.
    if roc_year(t) {
        return false;
    }
    // The marker test: it settles the headings of a body, the most common
    // short lines that pass the walk. A collection marker (`篇一`) is a
    // marker too.
    if starts_with_marker(t) {
        return false;
    }
    !has_chrome(t) && super::date::find_date(t).is_none()
}

/// True when `text` opens with an outline marker (`一、` `（一）` `1.` `第一，`
/// `一是`): such a line is a heading of the body, not a title.
///
/// ```
/// use jianggao::meta::title::starts_with_marker;
/// assert!(starts_with_marker("（二）坚决贯彻落实"));
/// assert!(starts_with_marker("3.加强学习"));
/// assert!(!starts_with_marker("三严三实专题教育"));
/// assert!(starts_with_marker("**一、总体要求**"));
/// ```
pub fn starts_with_marker(text: &str) -> bool {
    // Read as the outline stage reads markers: Markdown emphasis blanked
    // (`**一、总体要求**`), Traditional marker words read as Simplified.
    // A marker stands in the first few characters: the view of a long
    // paragraph is not built.
    let head = first_chars(text, 48);
    let view = crate::outline::view::recognition_view(head);
    let t = view.trim_start();
    crate::marker::parse_marker(t).is_some()
}

/// The first `n` characters of `text`, all of it when it has no more.
fn first_chars(text: &str, n: usize) -> &str {
    // Fewer bytes than `n` hold fewer characters, and a head of three-byte
    // characters (the common one) is counted at once rather than decoded.
    if text.len() <= n {
        return text;
    }
    if let Some(head) = text.get(..3 * n).filter(|h| h.chars().count() == n) {
        return head;
    }
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The byte length of a genre label and its colon opening `t`
/// (`党课讲稿：`), when a title follows.
fn genre_prefix(t: &str) -> Option<usize> {
    let g = crate::vocab::GENRE_LABELS.iter().find(|g| t.starts_with(**g))?;
    let rest = t.get(g.len()..)?;
    let c = rest.chars().next().filter(|c| matches!(c, '：' | ':'))?;
    let n = g.len() + c.len_utf8();
    t.get(n..).is_some_and(|r| !r.trim().is_empty()).then_some(n)
}

/// True when `t` holds a year of the Republic-of-China calendar
/// (`民國97年`, `民国一百年`).
fn roc_year(t: &str) -> bool {
    // Both words open with `民`: a line without it (nearly every line) is
    // settled by one character search.
    if !t.contains('民') {
        return false;
    }
    ["民國", "民国"].iter().any(|w| {
        t.match_indices(w).any(|(i, _)| {
            let rest = t.get(i + w.len()..).unwrap_or_default().trim_start();
            let digits = rest
                .chars()
                .take_while(|&c| {
                    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十百".contains(c)
                })
                .count();
            digits > 0 && rest.chars().nth(digits) == Some('年')
        })
    })
}

/// The byte range of the visible title inside a title line: spaces
/// trimmed, `《X》` and `党课《X》` unwrapped.
///
/// ```
/// use jianggao::meta::title::visible;
/// let t = "党课《强化政治机关意识》";
/// let (s, e) = visible(t);
/// assert_eq!(&t[s..e], "强化政治机关意识");
/// let t = "## 不做昙花一现的英雄";
/// let (s, e) = visible(t);
/// assert_eq!(&t[s..e], "不做昙花一现的英雄");
/// let t = "学习《条例》的体会";
/// let (s, e) = visible(t);
/// assert_eq!(&t[s..e], t);
/// ```
pub fn visible(text: &str) -> (usize, usize) {
    let (s, e) = super::text::trim_range(text, 0, text.len());
    // A Markdown heading: `## 标题`.
    let t = text.get(s..e).unwrap_or_default();
    let hashes = t.len() - t.trim_start_matches('#').len();
    let s = if (1..=6).contains(&hashes) && t.get(hashes..).is_some_and(|r| r.starts_with([' ', '　'])) {
        super::text::trim_range(text, s + hashes, e).0
    } else {
        s
    };
    let t = text.get(s..e).unwrap_or_default();
    // A genre label: `党课讲稿：坚定理想信念`.
    let s = match genre_prefix(t) {
        Some(n) => super::text::trim_range(text, s + n, e).0,
        None => s,
    };
    let t = text.get(s..e).unwrap_or_default();
    // Markdown emphasis around the whole line: `**标题**`.
    let (s, e) = match ["**", "__"].iter().find(|w| t.len() > 4 && t.starts_with(**w) && t.ends_with(**w)) {
        Some(_) => super::text::trim_range(text, s + 2, e - 2),
        None => (s, e),
    };
    let t = text.get(s..e).unwrap_or_default();
    if let Some(inner) = t.strip_suffix('》') {
        if let Some(open) = inner.find('《') {
            let pre = inner.get(..open).unwrap_or_default().trim_matches(is_space);
            let x = inner.get(open + '《'.len_utf8()..).unwrap_or_default();
            if (pre.is_empty() || crate::vocab::TITLE_WRAPPERS.contains(&pre)) && !x.contains('《') && !x.is_empty() {
                let a = s + open + '《'.len_utf8();
                return (a, a + x.len());
            }
        }
    }
    (s, e)
}

/// A byline read from a subtitle or the tail of a double title:
/// `张三同志在全市工作会议上的讲话`.
///
/// ```
/// let b = jianggao::meta::title::byline("在全县大会上的讲话").unwrap();
/// assert_eq!(b.speaker, None);
/// assert_eq!(b.occasion, Some((3, 15)));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Byline {
    /// Byte range of the speaker's name.
    pub speaker: Option<(usize, usize)>,
    /// Byte range of the occasion (`全市工作会议`).
    pub occasion: Option<(usize, usize)>,
}

/// Reads `[ROLE][NAME][同志]在OCCASION上的GENRE` from `text` (leading dashes
/// and spaces allowed). Returns `None` when `text` is not of that shape.
///
/// ```
/// use jianggao::meta::title::byline;
/// let t = "——张三同志在全市工作会议上的讲话";
/// let b = byline(t).unwrap();
/// let (s, e) = b.speaker.unwrap();
/// assert_eq!(&t[s..e], "张三");
/// let (s, e) = b.occasion.unwrap();
/// assert_eq!(&t[s..e], "全市工作会议");
/// ```
pub fn byline(text: &str) -> Option<Byline> {
    let (o_start, o_end) = occasion_range(text)?;
    let at = o_start.checked_sub('在'.len_utf8())?;
    let head = text.get(..at).unwrap_or_default();
    let lead = head.len() - head.trim_start_matches(['—', '-', '─', ' ', '　', '(', '（']).len();
    let who = head.get(lead..).unwrap_or_default();
    let speaker = name_in(who).map(|(a, b)| (lead + a, lead + b));
    if speaker.is_none() && chars(who.trim()) > 12 {
        return None;
    }
    Some(Byline { speaker, occasion: Some((o_start, o_end)) })
}

/// The byte range of the occasion in a `…在OCCASION上的讲话` text.
///
/// ```
/// use jianggao::meta::title::occasion_range;
/// let t = "在全市新任科级领导干部廉政谈话会上的讲话";
/// let (s, e) = occasion_range(t).unwrap();
/// assert_eq!(&t[s..e], "全市新任科级领导干部廉政谈话会");
/// assert!(occasion_range("市委书记严以用权专题研讨发言材料").is_none());
/// ```
pub fn occasion_range(text: &str) -> Option<(usize, usize)> {
    let t = text.trim_end();
    let up = t.rfind("上的")?;
    let tail = t.get(up + "上的".len()..).unwrap_or_default();
    if chars(tail) > 8 || !crate::vocab::OCCASION_GENRES.iter().any(|g| tail.contains(g)) {
        return None;
    }
    let zai = t.get(..up)?.find('在')?;
    let start = zai + '在'.len_utf8();
    (up > start).then_some((start, up))
}

/// A subtitle line giving when and where a speech was delivered:
/// `——2026年1月27日在某省第十四届人民代表大会第四次会议上`, perhaps with
/// the role and name after a space (`… 会议上 某省省长 张三`), or run on
/// where a hard wrap was rejoined (`…会议上某省省长 张三`), or a genre
/// (`…会议上的讲话`).
///
/// ```
/// use jianggao::meta::title::occasion_line;
/// let t = "――2026年1月27日在青海省第十四届人民代表大会第四次会议上";
/// let o = occasion_line(t).unwrap();
/// assert_eq!(o.date.value, "2026-01-27");
/// assert_eq!(&t[o.occasion.0..o.occasion.1], "青海省第十四届人民代表大会第四次会议");
/// let t = "2026年1月27日在某省人民代表大会上 某省省长 张三";
/// let o = occasion_line(t).unwrap();
/// let (s, e) = o.speaker.unwrap();
/// assert_eq!(&t[s..e], "张三");
/// let t = "2026年1月27日在某省人民代表大会上某省省长 张三";
/// let (s, e) = occasion_line(t).unwrap().speaker.unwrap();
/// assert_eq!(&t[s..e], "张三");
/// assert!(occasion_line("2026年1月27日在大会上强调指出").is_none());
/// assert!(occasion_line("2026年1月27日，全省大会在西宁召开。").is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OccasionLine {
    /// The delivery date.
    pub date: super::date::DateMatch,
    /// Byte range of the occasion.
    pub occasion: (usize, usize),
    /// Byte range of the speaker's name, when the line gives one.
    pub speaker: Option<(usize, usize)>,
}

/// Reads an [`OccasionLine`] from `text`; `None` for any other line.
pub fn occasion_line(text: &str) -> Option<OccasionLine> {
    let t = text.trim_end();
    if chars(t) > 80 {
        return None;
    }
    let lead = t.len() - t.trim_start_matches(['—', '―', '─', '-', ' ', '　', '(', '（']).len();
    let date = super::date::find_date(t).filter(|d| d.start == lead)?;
    let after = t.get(date.end..)?;
    let zai = date.end + (after.len() - after.trim_start().len());
    let rest = t.get(zai..)?.strip_prefix('在')?;
    let o_start = zai + '在'.len_utf8();
    // The occasion ends at `上`, followed by nothing, a genre, or a space
    // and a byline.
    let (up, tail) = rest.char_indices().filter(|&(_, c)| c == '上').find_map(|(i, _)| {
        let tail = rest.get(i + '上'.len_utf8()..)?;
        let tt = tail.trim_end_matches([')', '）']);
        let genre = tt
            .strip_prefix('的')
            .is_some_and(|g| chars(g) <= 8 && crate::vocab::OCCASION_GENRES.iter().any(|x| g.contains(x)));
        // A byline run on with no space: a hard wrap rejoined the byline
        // line to an occasion line that nearly filled the printed line.
        let byline = || super::speaker::name_in(tt).is_some_and(|(s, _)| s > 0);
        (tt.is_empty() || genre || tt.starts_with([' ', '　']) || byline()).then_some((i, tail))
    })?;
    if up == 0 || has_chrome(rest.get(..up)?) {
        return None;
    }
    let occasion = (o_start, o_start + up);
    let tail_at = t.len() - tail.len();
    let speaker = if !tail.trim_end_matches([')', '）']).is_empty() && !tail.starts_with('的') {
        let who = tail.trim_end_matches([')', '）']);
        let name = super::speaker::name_in(who)?;
        Some((tail_at + name.0, tail_at + name.1))
    } else {
        None
    };
    Some(OccasionLine { date, occasion, speaker })
}

/// The speaker's name opening a title, set off by a space, a year or
/// `与`: `郭平2019年新年致辞`, `张三 2021 年新年贺词`, `张三与青年座谈会上的讲话`.
/// The title must name a speech genre.
///
/// ```
/// use jianggao::meta::title::lead_name;
/// let t = "张三2019年新年致辞";
/// let (s, e) = lead_name(t).unwrap();
/// assert_eq!(&t[s..e], "张三");
/// assert!(lead_name("2019年新年致辞").is_none());
/// assert!(lead_name("全面从严治党2019年工作要点").is_none());
/// ```
pub fn lead_name(title: &str) -> Option<(usize, usize)> {
    let t = title.trim_start();
    let lead = title.len() - t.len();
    if !super::text::has_genre(t) {
        return None;
    }
    let end = t.char_indices().find(|&(_, c)| !super::text::is_han(c) || c == '与').map(|(i, _)| i)?;
    let next = t.get(end..)?.chars().next()?;
    if !(next == '与' || next.is_ascii_digit() || is_space(next)) {
        return None;
    }
    let name = t.get(..end)?;
    super::speaker::is_name(name).then_some((lead, lead + end))
}

/// Words an occasion ends with.
const EVENT_ENDS: &[&str] = &[
    "会议",
    "大会",
    "座谈会",
    "研讨会",
    "报告会",
    "交流会",
    "推进会",
    "动员会",
    "表彰会",
    "纪念会",
    "茶话会",
    "联欢会",
    "见面会",
    "启动会",
    "发布会",
    "年会",
    "峰会",
    "论坛",
    "典礼",
    "仪式",
    "开班式",
    "开学式",
    "毕业式",
];

/// The occasion named in a title without `在…上`: `上海某研讨会致谢词`,
/// `开学典礼发言稿`, or after a name and `与`: `张三与青年座谈会上的讲话`.
///
/// ```
/// use jianggao::meta::title::named_occasion;
/// let t = "全省科技创新研讨会致辞";
/// let (s, e) = named_occasion(t).unwrap();
/// assert_eq!(&t[s..e], "全省科技创新研讨会");
/// let t = "张三与青年座谈会上的讲话";
/// let (s, e) = named_occasion(t).unwrap();
/// assert_eq!(&t[s..e], "青年座谈会");
/// assert!(named_occasion("在全市大会上的讲话").is_none());
/// assert!(named_occasion("学习体会发言").is_none());
/// ```
pub fn named_occasion(title: &str) -> Option<(usize, usize)> {
    let t = title.trim_end();
    if t.contains('在') {
        return None;
    }
    // `NAME与OCCASION上的GENRE`.
    if let Some((_, name_end)) = lead_name(t).filter(|&(_, e)| t.get(e..).is_some_and(|r| r.starts_with('与'))) {
        let start = name_end + '与'.len_utf8();
        let up = t.rfind("上的")?;
        let tail = t.get(up + "上的".len()..)?;
        let ok = up > start && chars(tail) <= 8 && crate::vocab::OCCASION_GENRES.iter().any(|g| tail.contains(g));
        return ok.then_some((start, up));
    }
    let body = crate::vocab::EVENT_GENRES.iter().find_map(|g| t.strip_suffix(g))?;
    let body_t = body.trim_end();
    if !EVENT_ENDS.iter().any(|e| body_t.ends_with(e)) || chars(body_t) < 3 || !body_t.chars().all(super::text::is_han)
    {
        return None;
    }
    let start = t.len() - t.trim_start().len();
    Some((start, body_t.len()))
}

#[cfg(test)]
mod tests {
    use super::first_chars;

    #[test]
    fn first_chars_should_take_the_first_characters() {
        let texts =
            ["", "一、总体要求", "abc", "一二三四", "一二三四五", "ab一二三", "一二𠀀三四", "一二三a", "é一二三"];
        for t in texts {
            for n in 0..6 {
                let by_chars: String = t.chars().take(n).collect();
                assert_eq!(first_chars(t, n), by_chars, "{t} {n}");
            }
        }
    }
}

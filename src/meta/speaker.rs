//! The speaker: a short name line under the title, a `（张三同志）` byline, a
//! labelled name (`作者：`, `主讲人：`), or the name in a subtitle
//! (`——张三同志在…上的讲话`). A role alone (`市委书记`) is not a name.

use memchr::memmem::Finder;
use once_cell::sync::Lazy;

use super::text::is_han;

/// Common single-character surnames: a personal name starts with one.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习栗蔺";

/// Two-character surnames.
const COMPOUND: &[&str] =
    &["欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "慕容", "令狐", "夏侯", "尉迟", "长孙"];

/// Endings that make a word a role or a title, not a name.
pub(crate) const ROLE_ENDS: &[&str] = &[
    "书记", "主任", "部长", "局长", "处长", "科长", "市长", "县长", "区长", "省长", "镇长", "乡长", "主席", "校长",
    "院长", "经理", "委员", "代表", "干部", "领导", "同志", "总监", "组长", "队长", "所长", "站长", "厂长", "行长",
    "会长", "秘书", "常委", "委会", "政府", "党委", "支部",
];

/// Short words that look like a name line but are not.
const NOT_NAMES: &[&str] = &[
    "文档介绍",
    "资源描述",
    "目录",
    "前言",
    "引言",
    "正文",
    "摘要",
    "附件",
    "全文",
    "讲话",
    "发言",
    "关闭",
    "首页",
    "返回",
    "下载",
    "打印",
    "分享",
    "收藏",
    "相关文章",
    "相关新闻",
    "最新新闻",
    "高度重视",
    "结束语",
    "总结",
    "讲稿",
    "党课",
    "简介",
    "导读",
    "说明",
    "谢谢",
    "谢谢大家",
    "常见问题",
    "申明敬告",
    "文章来源",
    "作者",
    "来源",
    "时间",
    "日期",
    "金句",
];

/// True when `s` (spaces already removed) has the shape of a Chinese
/// personal name: 2–4 ideographs starting with a common surname, not a role
/// (`市委书记`) and not a known header word; or a transliterated name with a
/// middle dot (`买买提·艾力`).
///
/// ```
/// use jianggao::meta::speaker::is_name;
/// assert!(is_name("王维东"));
/// assert!(is_name("欧阳修"));
/// assert!(!is_name("市委书记"));
/// assert!(!is_name("文档介绍"));
/// assert!(!is_name("王"));
/// ```
pub fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    if s.contains('·') {
        return (3..=12).contains(&n)
            && s.chars().all(|c| is_han(c) || c == '·')
            && !s.starts_with('·')
            && !s.ends_with('·');
    }
    if !(2..=4).contains(&n) || !s.chars().all(is_han) {
        return false;
    }
    if NOT_NAMES.contains(&s) || ROLE_ENDS.iter().any(|r| s.ends_with(r)) {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    // The surnames sorted once: a binary search, not a scan of the list.
    static SORTED: Lazy<Vec<char>> = Lazy::new(|| {
        let mut v: Vec<char> = SURNAMES.chars().collect();
        v.sort_unstable();
        v
    });
    COMPOUND.iter().any(|c| s.starts_with(c)) || SORTED.binary_search(&first).is_ok()
}

/// True when `h` is an honorific (a surname and `总` `董` `书记` …,
/// `王总`) of the full name `name` (`王大明`): the full name is the speaker.
///
/// ```
/// use jianggao::meta::speaker::honorific_of;
/// assert!(honorific_of("王总", "王大明"));
/// assert!(!honorific_of("王总", "李大明"));
/// assert!(!honorific_of("王小明", "王大明"));
/// ```
pub fn honorific_of(h: &str, name: &str) -> bool {
    const TITLES: &[&str] = &["总", "董", "书记", "老", "工", "局", "部长", "校长", "院长", "主任"];
    let Some(first) = h.chars().next() else { return false };
    let rest = h.get(first.len_utf8()..).unwrap_or_default();
    TITLES.contains(&rest)
        && name.starts_with(first)
        && name.chars().count() >= 2
        && !TITLES.iter().any(|t| name.ends_with(t))
}

/// A name at the end of `prefix`, after an optional role (`市委书记张三`)
/// and before an optional `同志`: returns its byte range in `prefix`.
///
/// ```
/// use jianggao::meta::speaker::name_in;
/// assert_eq!(name_in("张三同志"), Some((0, 6)));
/// assert_eq!(name_in("市委书记李四"), Some((12, 18)));
/// assert_eq!(name_in("市委书记"), None);
/// ```
pub fn name_in(prefix: &str) -> Option<(usize, usize)> {
    let p = prefix.trim();
    let lead = prefix.len() - prefix.trim_start().len();
    let core = p.strip_suffix("同志").unwrap_or(p).trim_end();
    if is_name(core) {
        return Some((lead, lead + core.len()));
    }
    // The name after a role is a suffix of `core` (the spaces before it
    // trimmed), and a name has at most 12 chars: unless one of the last 12
    // suffixes is a name, no role ending is looked for.
    let mut names = [0usize; 12];
    let mut found = 0;
    for (i, _) in core.char_indices().rev().take(12) {
        if core.get(i..).is_some_and(is_name) {
            names[found] = i;
            found += 1;
        }
    }
    let names = names.get(..found).unwrap_or_default();
    if names.is_empty() {
        return None;
    }
    // A role, then the name: split after the last role ending. The name
    // after it is one of those just found, so a role ending that stands
    // before none of them is not searched for.
    for r in ROLE_ENDS {
        if !names.iter().any(|&i| core.get(..i).is_some_and(|h| h.trim_end().ends_with(r))) {
            continue;
        }
        if let Some(pos) = core.rfind(r) {
            let rest = core.get(pos + r.len()..).unwrap_or_default();
            let rest_t = rest.trim_start();
            if is_name(rest_t) {
                let s = lead + core.len() - rest_t.len();
                return Some((s, s + rest_t.len()));
            }
        }
    }
    None
}

/// A labelled name in a header line (`作者：张三`, `主讲人: 李四`): the byte
/// range of the name.
///
/// ```
/// use jianggao::meta::speaker::labelled;
/// let t = "作者：张三 来源：人民网";
/// let (s, e) = labelled(t).unwrap();
/// assert_eq!(&t[s..e], "张三");
/// assert!(labelled("作者：市委办公室").is_none());
/// ```
pub fn labelled(text: &str) -> Option<(usize, usize)> {
    // Every label is followed by a colon, found by its bytes (`：` is the
    // only char of EF BC 9A) rather than by decoding the line.
    let bytes = text.as_bytes();
    let colon = memchr::memchr2_iter(b':', 0xEF, bytes)
        .any(|i| matches!(bytes.get(i..), Some([b':', ..] | [0xEF, 0xBC, 0x9A, ..])));
    if !colon {
        return None;
    }
    // One searcher per label, built once.
    static FINDERS: Lazy<Vec<Finder<'static>>> =
        Lazy::new(|| crate::vocab::SPEAKER_LABELS.iter().map(Finder::new).collect());
    for (l, f) in crate::vocab::SPEAKER_LABELS.iter().zip(FINDERS.iter()) {
        let Some(pos) = f.find(text.as_bytes()) else { continue };
        let after = pos + l.len();
        let rest = text.get(after..).unwrap_or_default();
        let r = rest.trim_start();
        let Some(r2) = r.strip_prefix(['：', ':']) else {
            continue;
        };
        let r3 = r2.trim_start();
        let start = text.len() - r3.len();
        let len: usize = r3.chars().take_while(|&c| is_han(c) || c == '·').map(char::len_utf8).sum();
        let name = r3.get(..len).unwrap_or_default();
        if let Some((a, b)) = name_in(name) {
            return Some((start + a, start + b));
        }
    }
    None
}

/// A byline line: `（张三同志）`, `张三同志`, `——李四`; the byte range of
/// the name. A bare 2–4 character name line is read by [`is_name`].
///
/// ```
/// use jianggao::meta::speaker::byline;
/// let t = "（王维东同志）";
/// let (s, e) = byline(t).unwrap();
/// assert_eq!(&t[s..e], "王维东");
/// assert!(byline("（市委书记）").is_none());
/// ```
pub fn byline(text: &str) -> Option<(usize, usize)> {
    let inner = text
        .trim()
        .trim_start_matches(['—', '-', '─', ' '])
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let offset = inner.as_ptr() as usize - text.as_ptr() as usize;
    let (a, b) = name_in(inner)?;
    Some((offset + a, offset + b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_in_should_find_a_name_after_a_role_and_spaces() {
        let t = "市委书记　 张三";
        let (s, e) = name_in(t).unwrap();
        assert_eq!(&t[s..e], "张三");
        let t = "自治区主席 买买提·艾力同志";
        let (s, e) = name_in(t).unwrap();
        assert_eq!(&t[s..e], "买买提·艾力");
    }

    #[test]
    fn name_in_should_take_the_name_after_the_last_role_ending() {
        for (t, name) in [
            ("市委书记　 张三", Some("张三")),
            ("自治区主席 买买提·艾力同志", Some("买买提·艾力")),
            ("书记张三市委书记", None),
            ("在全市工作会议上", None),
            ("市长王书记", None),
            ("县委书记王五书记李四", Some("李四")),
            ("主任 主任王明", Some("王明")),
            ("  区委书记  张伟同志 ", Some("张伟")),
            ("张三", Some("张三")),
            ("王", None),
            ("党委书记、市长李强", Some("李强")),
            ("同志", None),
            ("", None),
        ] {
            assert_eq!(name_in(t).map(|(s, e)| &t[s..e]), name, "{t}");
        }
    }

    #[test]
    fn name_in_should_not_find_a_name_after_the_last_role_ending() {
        // The last 书记 is followed by a role, not a name.
        assert_eq!(name_in("书记张三市委书记"), None);
        assert_eq!(name_in("在全市工作会议上"), None);
    }

    #[test]
    fn labelled_should_read_the_first_label_followed_by_a_colon() {
        let t = "主讲 李四 作者：王五";
        let (s, e) = labelled(t).unwrap();
        assert_eq!(&t[s..e], "王五");
        assert!(labelled("作者王五：").is_none());
    }
}

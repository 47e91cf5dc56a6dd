//! Named word lists of the genre and label vocabularies, side by side.
//!
//! Several stages ask whether a text names a kind of speech (`讲话`
//! `报告` `发言` …) or opens with a label (`作者` `来源` `发布时间` …). Each
//! question is asked in its own way (a word anywhere, the end of a title,
//! a label before a colon), so the lists differ; they are kept here
//! together, each saying what it is for and how it differs from its
//! neighbours. A list used in one way is written once: a stage refers to
//! it by name. No two lists are equal, nor is one a subset of another used
//! the same way: merging any two would change what is matched.

// Genre words: what kind of text a title or line names.

/// Genre words held anywhere in a text: it names a speech genre
/// (`…的讲话`, `…发言材料`, `…党课讲稿`). Read by `meta::text::has_genre`
/// (substring), which weighs title candidates, a lead name before a title
/// and a line before the body. The broadest genre list: the written forms
/// (`心得` `体会` `汇报`) and greetings (`贺词` `谢词`) count.
pub(crate) const GENRE_WORDS: &[&str] = &[
    "讲话", "讲稿", "发言", "党课", "致辞", "致词", "贺词", "谢词", "报告", "讲课", "演讲", "心得", "体会", "汇报",
    "辅导",
];

/// Genre words of the short tail after `在…上的` (`…会议上的总结讲话`):
/// one must stand in the at most eight chars after the occasion
/// (substring). Used as [`GENRE_WORDS`] is, but a different set: it has
/// `总结` `动员`, and lacks `致词` `贺词` `谢词` `心得` `体会` `汇报`.
pub(crate) const OCCASION_GENRES: &[&str] =
    &["讲话", "发言", "致辞", "报告", "讲课", "党课", "演讲", "总结", "辅导", "讲稿", "动员"];

/// Genres that may follow an occasion directly, without `上的`
/// (`…研讨会致谢词`): the title must end with one (suffix; the first that
/// matches is cut, so a longer form stands before its shorter one). The
/// `稿`/`词` forms of an address and the bare spoken ones, not `报告` or
/// `党课`.
pub(crate) const EVENT_GENRES: &[&str] =
    &["致谢词", "致辞", "致词", "贺词", "讲话稿", "讲话", "发言稿", "发言", "演讲稿", "演讲", "答谢词", "欢迎词"];

/// Words that end a speech title in a hard-wrapped collection
/// (`…专题党课讲稿`, `在…上的讲话`): a piece ending with one stands on a line
/// of its own (suffix, `segment::wrap::is_title_piece`). Whole endings
/// (`发言材料` `心得体会` `主持词`), compared at the end only.
pub(crate) const TITLE_ENDS: &[&str] =
    &["讲话", "讲稿", "党课", "发言", "发言稿", "发言材料", "报告", "致辞", "主持词", "演讲稿", "心得体会"];

/// Genre labels that may stand before a title and its colon
/// (`党课讲稿：…`): the first that opens the line is cut with the colon
/// (prefix, longer forms first). Only the `稿`/`党课` forms of a label.
pub(crate) const GENRE_LABELS: &[&str] =
    &["专题党课", "党课讲稿", "党课", "讲稿", "讲话稿", "发言稿", "演讲稿", "致辞稿"];

/// Words that may stand before a title in `《》`: `党课《X》` is the title X
/// (the whole text before `《`, compared exactly). Besides genre words,
/// `范文` `精选` `专题`.
pub(crate) const TITLE_WRAPPERS: &[&str] =
    &["专题党课", "党课讲稿", "党课", "讲稿", "讲话稿", "讲话", "发言稿", "发言", "范文", "精选", "专题"];

/// Words of a title line, which the advert-block rule of the noise stage
/// never eats (substring, in the noise automaton). Wider than the genre
/// lists: the words of notice and meeting titles (`通知` `方案` `会议`
/// `仪式`) keep a line too.
pub(crate) const TITLE_LINE_WORDS: &[&str] = &[
    "讲话",
    "发言",
    "讲稿",
    "党课",
    "报告",
    "致辞",
    "心得",
    "体会",
    "材料",
    "研讨",
    "会议",
    "座谈",
    "主持词",
    "总结",
    "意见",
    "通知",
    "方案",
    "演讲",
    "典礼",
    "仪式",
];

/// Words of a lead that tell of the speech being given: a date in such a
/// lead is the delivery date (substring). Six spoken genres of
/// [`GENRE_WORDS`] and the English words of a bilingual lead
/// (`delivers a New Year speech`).
pub(crate) const DELIVERY_WORDS: &[&str] =
    &["讲话", "致辞", "贺词", "演讲", "发言", "报告", "speech", "address", "remarks", "deliver", "Speech", "Address"];

/// Words of a line announcing the text that follows (`双语全文如下：`,
/// `以下为省委书记某某在大会上的讲话实录——`), substring: the words for a
/// text (`全文` `实录` `原文`) and four spoken genres.
pub(crate) const ANNOUNCE_WORDS: &[&str] = &["全文", "实录", "原文", "讲话", "致辞", "发言", "贺词"];

// Labels: the field names of header, footer and note lines.

/// Labels before a speaker's name (`作者：张三`, `主讲人: 李四`): the
/// first one followed by a colon gives the name (`meta::speaker::labelled`).
/// Only labels of the person who speaks or writes the text.
pub(crate) const SPEAKER_LABELS: &[&str] =
    &["主讲人", "讲话人", "发言人", "报告人", "撰稿人", "签发人", "主讲", "作者", "讲者"];

/// Labels of the metadata lines of a site (`ID:`, `大小:`, `时间:`): a
/// `label: value` line whose label is one of these is metadata, not speech
/// (the whole label). Any field of a page header or footer, so wider than
/// [`SPEAKER_LABELS`], which it shares only some speaker labels with.
pub(crate) const SITE_LABELS: &[&str] = &[
    "ID",
    "大小",
    "页数",
    "资源描述",
    "时间",
    "日期",
    "来源",
    "作者",
    "编辑",
    "责任编辑",
    "点击",
    "浏览",
    "阅读",
    "字数",
    "格式",
    "发布",
    "发布时间",
    "发布日期",
    "更新时间",
    "文章来源",
    "分类",
    "栏目",
    "标签",
    "关键词",
    "页码",
    "类型",
    "上传者",
    "贡献者",
    "主讲人",
    "主讲",
    "讲话人",
    "发言人",
    "本文链接",
    "原文链接",
    "链接",
    "网址",
];

/// Keys of download-site header fields (`大小:20.33 KB`), which the noise
/// stage cuts when a colon or space follows (field). The fields of a
/// document site's header as those sites spell them (`文档大小`
/// `下载积分`); [`SITE_LABELS`], of the metadata stage, reads the lines it
/// keeps and differs in both directions.
pub(crate) const HEADER_KEYS: &[&str] = &[
    "ID",
    "id",
    "文档ID",
    "资源ID",
    "文档编号",
    "大小",
    "文档大小",
    "文件大小",
    "资源大小",
    "页数",
    "文档页数",
    "格式",
    "文档格式",
    "文件格式",
    "下载次数",
    "下载量",
    "浏览次数",
    "浏览量",
    "阅读量",
    "阅读次数",
    "收藏次数",
    "上传者",
    "上传人",
    "上传用户",
    "贡献者",
    "分享者",
    "下载积分",
    "所需积分",
    "积分",
    "价格",
    "售价",
    "资源描述",
    "文档描述",
    "文档介绍",
    "文档简介",
    "内容提示",
    "资源简介",
    "文档分类",
    "资源分类",
    "关键词",
    "下载地址",
];

/// Labels of article source lines (`来源：新华网`), cut as noise when a
/// colon or space follows (field); with the read-more links that stand in
/// their place (`查看全文` `阅读全文`).
pub(crate) const SOURCE_LABELS: &[&str] = &[
    "本文来源",
    "文章来源",
    "信息来源",
    "稿件来源",
    "内容来源",
    "来源",
    "出处",
    "本文转自",
    "转自",
    "转载自",
    "责任编辑",
    "编辑",
    "审核",
    "校对",
    "摄影",
    "原标题",
    "供稿",
    "记者",
];

/// Labels of an editor's note before a speech (`【导读】`, `编者按：`): the
/// whole label, spaces left out, in brackets or before a colon; the note's
/// text is then read for a speaker.
pub(crate) const EDITOR_LABELS: &[&str] = &["导读", "编者按", "编者的话", "编者注", "内容提要", "摘要"];

/// Keys that open an editor's note as a line shape of the noise stage
/// (`【导  读】`: after an opening bracket, spaces left out; prefix). Unlike
/// [`EDITOR_LABELS`] (whole labels) it holds `导语` `编后` `按语` `提要`
/// and not `编者注` `内容提要` `摘要`.
pub(crate) const NOTE_KEYS: &[&str] = &["导读", "导语", "编者按", "编者的话", "编后", "按语", "提要"];

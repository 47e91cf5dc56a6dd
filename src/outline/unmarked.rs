//! Unmarked structure: outline nodes that carry no marker.
//!
//! Government and news sites print many speeches with headings that have no
//! number, and speakers build points out of parallel paragraphs. Three shapes
//! are read, each strictly (a careful reader would list them in a table of
//! contents):
//!
//! 1. **Heading lines**: a short line standing alone between body paragraphs
//!    (`生态底色更加亮丽。` / `“十四五”时期工作回顾`), with no end punctuation
//!    or a single final `。`, no inner sentence end, and a body paragraph
//!    after it. Lines of one rank look alike: they are grouped by their end
//!    (none, or `。`), and a rank needs at least two members in the text. A
//!    lone short line (`五年来主要做了以下工作。`) is a paragraph.
//! 2. **Dash runs**: at least three consecutive paragraphs that open with a
//!    dash (`——经济保持恢复发展。…`).
//! 3. **排比 runs**: at least three consecutive paragraphs that open with the
//!    same lead phrase (`五年来，我们…` ×5; `辛亥革命110年来的历史启示我们，…`),
//!    each with a lead sentence of its own and body after it. A short shared
//!    phrase (`我们` `要`) needs short, slogan-shaped lead sentences
//!    (`要永葆忠诚、笃信笃行。` / `要厉行法治、依法行政。`): ordinary
//!    paragraphs that happen to open alike (`我们要…`, long sentences) stay
//!    prose.
//!
//!    Either run may also be *gapped*: each member followed by the same
//!    number (one to three) of body paragraphs (`——辛亥革命110年来的历史启示
//!    我们，…` / `新的征程上，我们必须…` ×5). A gapped 排比 needs a shared
//!    phrase of at least five chars; irregular spacing is prose.
//!
//! 4. **Ordinal phrases**: at least three paragraphs whose lead sentences
//!    name their place with one ordinal phrase, counting 1, 2, 3 in order
//!    (`…是提升竞争力的第一大支柱。` … `第五大支柱`; `铁三角的第一个角，就是…`).
//!    Counting words (`第一次` `第一批` `第三届`) are not points.
//!
//! 5. **Questions**: in a Q&A transcript (at least two paragraphs open with
//!    `问：`, most of them answered by a paragraph opening with `答：`),
//!    each question is a node and the answers are its paragraphs.
//!
//! Refused: greetings and exclamations (`各位代表！`), lines with a colon
//! (`重点抓好八个方面工作：` announces a list, it is not a heading), lines that
//! open with a marker (the grammar reads those), and paragraphs without a
//! lead sentence.

use crate::normalize::{first_sentence_end, fold, is_closing_quote, is_sentence_end};
use std::borrow::Cow;

/// Shortest and longest heading line, in chars.
const LINE_CHARS: std::ops::RangeInclusive<usize> = 3..=30;
/// The body paragraph after a heading line has at least this many chars.
const BODY_CHARS: usize = 30;
/// Fewest members of a paragraph run.
const MIN_RUN: usize = 3;
/// Most members of one 排比 run (a longer one is read as several).
const MAX_RUN: usize = 32;

/// What kind of unmarked node a block opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A heading line of a rank (0: no end punctuation, 1: a final `。`).
    Line(u8),
    /// A member of a paragraph run (dash-led or 排比).
    Run,
    /// An appendix heading (`名词解释`, `附件`, `附录`) alone on its line
    /// before a numbered list: a top-level section after the speech.
    Appendix,
}

/// One unmarked node: the block it opens, its shape and, for a run member,
/// its place in the run (1-based; 0 for a heading line, whose number the
/// level rules give).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub block: usize,
    pub shape: Shape,
    pub ordinal: u32,
}

/// Finds the unmarked nodes among blocks whose recognition views are
/// `views`; `marked[i]` is true when block `i` opens with a marker,
/// `taken[i]` when another rule already made it a node, and `address[i]`
/// when its view is an address paragraph ([`super::is_address`]).
pub(crate) fn find(views: &[Cow<'_, str>], marked: &[bool], taken: &[bool], address: &[bool]) -> Vec<Found> {
    let n = views.len();
    let free = |i: usize| !marked.get(i).copied().unwrap_or(true) && !taken.get(i).copied().unwrap_or(true);
    let mut out = Vec::new();
    let mut used = vec![false; n];
    // Every rule below reads lead sentences, of the same paragraphs again
    // and again: each is found once.
    let lead_of = Leads::of(views);
    let lead_sentence = |i: usize| lead_of.get(i);

    // 0. Appendix headings.
    for i in 0..n {
        if free(i) && is_appendix(&views[i]) && marked.get(i + 1).copied().unwrap_or(false) {
            used[i] = true;
            out.push(Found { block: i, shape: Shape::Appendix, ordinal: 0 });
        }
    }

    // 1. Heading lines.
    let ranks: Vec<Option<u8>> = views.iter().map(|v| line_rank(v)).collect();
    let mut lines: Vec<(usize, u8)> = Vec::new();
    for i in 0..n {
        let Some(rank) = ranks[i] else { continue };
        if !free(i) || used[i] {
            continue;
        }
        let body_after = views.get(i + 1).is_some_and(|next| {
            ranks[i + 1].is_none() && chars(next) >= BODY_CHARS.max(2 * chars(&views[i])) && !is_dash(next)
        });
        if body_after {
            lines.push((i, rank));
        }
    }
    for rank in [0u8, 1] {
        let members: Vec<usize> = lines.iter().filter(|l| l.1 == rank).map(|l| l.0).collect();
        if members.len() >= 2 {
            for i in members {
                used[i] = true;
                out.push(Found { block: i, shape: Shape::Line(rank), ordinal: 0 });
            }
        }
    }

    // 5. Questions of a Q&A transcript.
    questions(views, &free, &mut used, &mut out);

    // 4. Ordinal phrases in lead sentences (`…的第一大支柱` … `第五大支柱`).
    ordinal_phrases(&lead_of, &free, &mut used, &mut out);

    // 2. Dash runs and 3. 排比 runs, over the remaining paragraphs.
    let mut i = 0;
    while i < n {
        if used[i] || !free(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if is_dash(&views[i]) {
            while j < n && !used[j] && free(j) && is_dash(&views[j]) {
                j += 1;
            }
        } else if let Some(lead) = lead_sentence(i).filter(|l| {
            // A run needs the next two paragraphs free and their leads
            // opening with the same char (the shared phrase is not empty):
            // asked before anything is collected.
            let first = l.chars().next();
            (i + 1..i + MIN_RUN)
                .all(|k| k < n && !used[k] && free(k) && lead_sentence(k).is_some_and(|lk| lk.chars().next() == first))
        }) {
            let mut prefix: Vec<char> = lead.chars().collect();
            let mut leads = vec![lead];
            // A run is read over at most `MAX_RUN` paragraphs: the work
            // per paragraph stays bounded.
            while j < n && j - i < MAX_RUN && !used[j] && free(j) {
                let Some(l) = lead_sentence(j) else { break };
                let cp = prefix.iter().zip(l.chars()).take_while(|(a, b)| **a == *b).count();
                if cp == 0 {
                    break;
                }
                prefix.truncate(cp);
                leads.push(l);
                j += 1;
            }
            // Shrink the run from the end until its shared phrase holds.
            while j - i >= MIN_RUN && !parallel(&shared(&leads[..j - i]), &leads[..j - i]) {
                j -= 1;
            }
        }
        if j - i >= MIN_RUN {
            for (k, b) in (i..j).enumerate() {
                used[b] = true;
                out.push(Found { block: b, shape: Shape::Run, ordinal: k as u32 + 1 });
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // 6. Runs whose members are each followed by body paragraphs.
    gapped_runs(views, &lead_of, address, &free, &mut used, &mut out);

    out.sort_by_key(|f| f.block);
    out
}

/// Most body paragraphs after each member of a gapped run.
const MAX_BODY: usize = 3;
/// Shortest phrase shared by the members of a gapped 排比 run, in chars.
const GAPPED_PHRASE: usize = 5;

/// Runs whose members are not consecutive: at least three dash-led
/// paragraphs (`——辛亥革命110年来的历史启示我们，…`), or paragraphs whose
/// lead sentences share a long phrase, each followed by the same number (one
/// to three) of body paragraphs. The bodies are free paragraphs that neither
/// open with a dash or the shared phrase nor address the audience.
/// `lead_of` holds the [`lead_sentence`] of each view, `addresses` whether
/// it is an address paragraph.
fn gapped_runs(
    views: &[Cow<'_, str>],
    lead_of: &Leads<'_>,
    addresses: &[bool],
    free: &dyn Fn(usize) -> bool,
    used: &mut [bool],
    out: &mut Vec<Found>,
) {
    let n = views.len();
    // Read once: each paragraph is looked at from a bounded number of runs.
    let dashes: Vec<bool> = views.iter().map(|v| is_dash(v)).collect();
    let is_dash = |i: usize| dashes.get(i).copied().unwrap_or(false);
    let lead_sentence = |i: usize| lead_of.get(i);
    let open = |i: usize, used: &[bool]| free(i) && !used.get(i).copied().unwrap_or(true);
    // A body paragraph between two members.
    let body = |i: usize, used: &[bool], phrase: &[char]| {
        open(i, used)
            && !is_dash(i)
            && !addresses.get(i).copied().unwrap_or(true)
            && (phrase.is_empty() || !views[i].trim_start().chars().zip(phrase).all(|(a, b)| a == *b))
    };
    let mut i = 0;
    while i < n {
        if !open(i, used) {
            i += 1;
            continue;
        }
        let dash = is_dash(i);
        let lead = if dash { None } else { lead_sentence(i) };
        // A 排比's leads are of modest length (see `parallel`); a lead of
        // at most 60 bytes has at most 60 chars.
        let long = |l: &str| l.len() > 60 && l.chars().nth(60).is_some();
        if !dash && lead.is_none_or(long) {
            i += 1;
            continue;
        }
        // The second member of a run with this gap, as the loop below
        // would take it: asked before anything is collected.
        let second = |gap: usize| {
            let j = i + gap;
            if j >= n || !open(j, used) {
                return false;
            }
            match lead {
                None => is_dash(j),
                Some(l) => lead_sentence(j).filter(|lj| !long(lj)).is_some_and(|lj| {
                    l.chars().take(64).zip(lj.chars()).take_while(|(a, b)| a == b).count() >= GAPPED_PHRASE
                }),
            }
        };
        let mut best: Vec<usize> = Vec::new();
        for gap in 2..=MAX_BODY + 1 {
            if !second(gap) {
                // One member at most: no run.
                continue;
            }
            let mut members = vec![i];
            // Leads longer than a 排比's are refused anyway: the phrase
            // compared stays short.
            let mut prefix: Vec<char> = lead.map(|l| l.chars().take(64).collect()).unwrap_or_default();
            let mut leads: Vec<&str> = lead.into_iter().collect();
            while members.len() < MAX_RUN {
                let last = members.last().copied().unwrap_or(i);
                let j = last + gap;
                if j >= n || !open(j, used) {
                    break;
                }
                let next_prefix = if dash {
                    if !is_dash(j) {
                        break;
                    }
                    Vec::new()
                } else {
                    let Some(l) = lead_sentence(j).filter(|l| !long(l)) else { break };
                    let cp = prefix.iter().zip(l.chars()).take_while(|(a, b)| **a == *b).count();
                    if cp < GAPPED_PHRASE {
                        break;
                    }
                    leads.push(l);
                    prefix[..cp].to_vec()
                };
                if !(last + 1..j).all(|b| body(b, used, &next_prefix)) {
                    if !dash {
                        leads.pop();
                    }
                    break;
                }
                prefix = next_prefix;
                members.push(j);
            }
            let regular = members.len() >= MIN_RUN && (dash || parallel(&prefix, &leads));
            if regular && members.len() > best.len() {
                best = members;
            }
        }
        if best.is_empty() {
            i += 1;
            continue;
        }
        for (k, &b) in best.iter().enumerate() {
            if let Some(u) = used.get_mut(b) {
                *u = true;
            }
            out.push(Found { block: b, shape: Shape::Run, ordinal: k as u32 + 1 });
        }
        i = best.last().map_or(i + 1, |&l| l + 1);
    }
}

/// Words that head an appendix of a speech text.
const APPENDIX: [&str; 7] = ["名词解释", "名词注释", "附件", "附录", "附表", "注释", "附"];

/// True for a line that is only an appendix word (`名词解释`, `附件：`).
fn is_appendix(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '：']).trim_end();
    APPENDIX.contains(&t)
}

/// Labels that open a question or an answer of a transcript.
const ASK: [&str; 3] = ["问：", "问:", "提问："];
const ANSWER: [&str; 3] = ["答：", "答:", "回答："];

/// The questions of a Q&A transcript (`问：…` / `答：…`): when at least two
/// paragraphs open with a question label and an answer label follows them,
/// each question is a node and its answers are its paragraphs.
fn questions(views: &[Cow<'_, str>], free: &dyn Fn(usize) -> bool, used: &mut [bool], out: &mut Vec<Found>) {
    let opens = |v: &str, labels: &[&str]| {
        let t = v.trim_start();
        labels.iter().any(|l| t.starts_with(l))
    };
    let asks: Vec<usize> = (0..views.len())
        .filter(|&i| free(i) && !used.get(i).copied().unwrap_or(true) && opens(&views[i], &ASK))
        .collect();
    let answered = asks.iter().filter(|&&i| views.get(i + 1).is_some_and(|v| opens(v, &ANSWER))).count();
    if asks.len() < 2 || answered * 2 < asks.len() {
        return;
    }
    for (k, &b) in asks.iter().enumerate() {
        if let Some(u) = used.get_mut(b) {
            *u = true;
        }
        out.push(Found { block: b, shape: Shape::Run, ordinal: k as u32 + 1 });
    }
}

/// Measure words after `第N` that count occurrences, not points
/// (`第一次` `第一批` `第三届`).
const NOT_POINTS: &str = "次批届期年天名位代轮号";

/// Paragraphs whose lead sentences name their place with one ordinal
/// phrase (`强化经济成长动能，是提升竞争力的第一大支柱。` … `第五大支柱`;
/// `铁三角的第一个角，就是…` `第二个角` `第三个角`): at least three, counting
/// 1, 2, 3 … in document order, each in its own paragraph, are a run.
/// `lead_of` holds the [`lead_sentence`] of each paragraph.
fn ordinal_phrases(lead_of: &Leads<'_>, free: &dyn Fn(usize) -> bool, used: &mut [bool], out: &mut Vec<Found>) {
    // (block, ordinal, key) for every lead sentence holding `第N<key>`.
    let mut hits: Vec<(usize, u32, String)> = Vec::new();
    for i in 0..lead_of.len() {
        if used.get(i).copied().unwrap_or(true) || !free(i) {
            continue;
        }
        let Some(lead) = lead_of.get(i) else { continue };
        for (k, _) in lead.match_indices('第') {
            let after = lead.get(k + '第'.len_utf8()..).unwrap_or("");
            let Ok((rest, n)) = crate::marker::numeral::cn_numeral(after) else { continue };
            let key: String = rest.chars().take_while(|&c| crate::normalize::is_ideograph(c)).take(3).collect();
            if key.is_empty() || key.starts_with(|c| NOT_POINTS.contains(c)) {
                continue;
            }
            hits.push((i, n, key));
            break;
        }
    }
    // Grouped by phrase, in document order within each: one sort, linear
    // after it.
    hits.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)));
    let mut runs: Vec<(usize, u32)> = Vec::new();
    for group in hits.chunk_by(|a, b| a.2 == b.2) {
        let mut run: Vec<usize> = Vec::new();
        for (b, n, _) in group {
            if *n as usize == run.len() + 1 && run.last().is_none_or(|&l| l < *b) {
                run.push(*b);
            }
        }
        if run.len() >= MIN_RUN {
            runs.extend(run.iter().enumerate().map(|(k, &b)| (b, k as u32 + 1)));
        }
    }
    for (b, k) in runs {
        if let Some(u) = used.get_mut(b) {
            *u = true;
        }
        out.push(Found { block: b, shape: Shape::Run, ordinal: k });
    }
}

fn chars(s: &str) -> usize {
    s.trim().chars().count()
}

/// The rank of a heading line, or `None` when `text` is not shaped like one.
fn line_rank(text: &str) -> Option<u8> {
    let t = text.trim();
    // A char takes at most 4 bytes: a paragraph longer than that is no
    // heading line, and its chars are not counted.
    if t.len() > 4 * LINE_CHARS.end() {
        return None;
    }
    let n = t.chars().count();
    if !LINE_CHARS.contains(&n) || is_dash(t) {
        return None;
    }
    let last = t.chars().next_back()?;
    let rank = if fold(last) == '。' {
        1
    } else if crate::normalize::is_ideograph(last) || is_closing_quote(last) {
        0
    } else {
        return None;
    };
    let inner = t.get(..t.len() - last.len_utf8()).unwrap_or_default();
    let mut commas = 0;
    let mut han = 0;
    for c in inner.chars() {
        let f = fold(c);
        if is_sentence_end(c) || matches!(f, ':' | '：' | '…') {
            return None;
        }
        if matches!(f, ',' | '，') {
            commas += 1;
        }
        if crate::normalize::is_ideograph(c) || f.is_ascii_digit() || matches!(c, '“' | '”' | '"' | '《' | '》') {
            han += 1;
        }
    }
    (commas <= 1 && han * 3 >= n * 2).then_some(rank)
}

/// True when a paragraph opens with a dash (`——` `――` `--`).
fn is_dash(text: &str) -> bool {
    let t = text.trim_start();
    ["——", "――", "--", "—"].iter().any(|d| t.starts_with(d)) && t.chars().nth(8).is_some()
}

/// The [`lead_sentence`] of each view, kept as its length (0 for none):
/// a lead is a prefix of its view, and a text of very many short
/// paragraphs would otherwise hold a list of them at once.
struct Leads<'a> {
    views: &'a [Cow<'a, str>],
    ends: Vec<u32>,
}

impl<'a> Leads<'a> {
    fn of(views: &'a [Cow<'a, str>]) -> Self {
        let ends =
            views.iter().map(|v| lead_sentence(v).and_then(|l| u32::try_from(l.len()).ok()).unwrap_or(0)).collect();
        Leads { views, ends }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The lead sentence of view `i`.
    fn get(&self, i: usize) -> Option<&'a str> {
        let end = self.ends.get(i).copied().filter(|&e| e > 0)? as usize;
        // The lead starts where the trimmed view does.
        trim_start(self.views.get(i)?).get(..end)
    }
}

/// The lead bytes of Unicode's white space (`char::is_whitespace`).
static WHITESPACE_LEADS: [bool; 256] = crate::normalize::lead_bytes!(char::is_whitespace);

/// `s.trim_start()`, which reads only the first byte when it cannot open
/// a white space character (most views open with an ideograph).
pub(super) fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&b) if WHITESPACE_LEADS[usize::from(b)] => s.trim_start(),
        _ => s,
    }
}

/// The lead sentence of a paragraph (up to and without its first sentence
/// end), when body text follows it and it is not an address
/// (`各位代表！`, `同志们，`).
fn lead_sentence(text: &str) -> Option<&str> {
    let t = text.trim();
    // The lead opens with an ideograph: the first char settles a paragraph
    // before its sentence end is looked for.
    if !t.chars().next().is_some_and(crate::normalize::is_ideograph) {
        return None;
    }
    let (end, len) = first_sentence_end(t.as_bytes())?;
    let lead = t.get(..end)?;
    let rest = t.get(end + len..).unwrap_or_default();
    // Body text follows the lead.
    rest.chars().filter(|c| crate::normalize::is_ideograph(*c)).nth(4)?;
    if ["各位", "同志们", "朋友们", "老师们", "同学们", "谢谢"].iter().any(|p| lead.starts_with(p)) {
        return None;
    }
    lead.chars().next().is_some_and(crate::normalize::is_ideograph).then_some(lead)
}

/// The phrase the leads share, in chars.
fn shared(leads: &[&str]) -> Vec<char> {
    let mut prefix: Vec<char> = leads.first().map(|l| l.chars().collect()).unwrap_or_default();
    for l in leads.iter().skip(1) {
        let cp = prefix.iter().zip(l.chars()).take_while(|(a, b)| **a == *b).count();
        prefix.truncate(cp);
    }
    prefix
}

/// True when leads sharing `prefix` make a 排比: a long shared phrase with
/// lead sentences of modest length, or a short one with short,
/// slogan-shaped leads (one inner `、` or `，`).
fn parallel(prefix: &[char], leads: &[&str]) -> bool {
    let p = prefix.len();
    if p == 0 {
        return false;
    }
    // The shared phrase ends inside every lead: the leads differ after it.
    let lens: Vec<usize> = leads.iter().map(|l| l.chars().count()).collect();
    if lens.iter().any(|&l| l <= p + 1) {
        return false;
    }
    if p >= 4 {
        return lens.iter().all(|&l| l <= 60);
    }
    let slogan = |l: &str| {
        let inner = l.chars().filter(|&c| matches!(fold(c), '、' | ',' | '，')).count();
        inner == 1 && l.chars().count() <= 16
    };
    let clause = |l: &str| l.chars().count() <= 30 && l.chars().filter(|&c| matches!(fold(c), ',' | '，')).count() == 1;
    p >= 1 && (leads.iter().all(|l| slogan(l)) || (p >= 2 && leads.iter().all(|l| clause(l))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_rank_should_read_heading_shapes() {
        assert_eq!(line_rank("生态底色更加亮丽。"), Some(1));
        assert_eq!(line_rank("“十四五”时期工作回顾"), Some(0));
        assert_eq!(line_rank("各位代表！"), None);
        assert_eq!(line_rank("重点抓好八个方面工作："), None);
        assert_eq!(line_rank("今天开会。会议很好。"), None);
    }

    #[test]
    fn trim_start_should_trim_what_std_trims() {
        for t in [
            "",
            "一",
            " 一",
            "\u{b}一",
            "\u{85}一",
            "\u{a0}一",
            "\u{1680}一",
            "\u{2003}一",
            "\u{205f}一",
            "\u{3000}一",
            "\u{feff}一",
            "a",
        ] {
            assert_eq!(trim_start(t), t.trim_start(), "{t:?}");
        }
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()) {
            let t = format!("{c}一");
            assert_eq!(trim_start(&t), "一", "{:X}", c as u32);
        }
    }

    #[test]
    fn lead_sentence_should_end_where_the_first_sentence_ends() {
        for (t, lead) in [
            ("五年来，我们坚持稳中求进。经济持续健康发展。", Some("五年来，我们坚持稳中求进")),
            ("要永葆忠诚！要厉行法治、依法行政。", Some("要永葆忠诚")),
            ("要强化督促检查；确保各项任务落到实处。", Some("要强化督促检查")),
            ("要强化督促检查;确保各项任务落到实处。", Some("要强化督促检查")),
            // Not opening with an ideograph; an address; no sentence end;
            // too little body after it.
            ("what? 确保各项任务落到实处。", None),
            ("“引号”、顿号，逗号：冒号…省略？问号后面还有五个字", None),
            ("同志们！今天我们召开大会。", None),
            ("没有句末", None),
            ("", None),
            ("。", None),
            ("一句。短", None),
        ] {
            assert_eq!(lead_sentence(t), lead, "{t}");
        }
    }

    #[test]
    fn line_rank_should_refuse_a_paragraph_by_its_length() {
        let long = "长".repeat(31);
        assert_eq!(line_rank(&long), None);
        assert_eq!(line_rank(&"长".repeat(30)), Some(0));
    }

    #[test]
    fn parallel_should_want_slogans_for_a_short_phrase() {
        let leads = ["要永葆忠诚、笃信笃行", "要厉行法治、依法行政", "要树牢导向、实干担当"];
        assert!(parallel(&shared(&leads), &leads));
        let prose = ["要认真学习文件精神并且抓好落实工作", "要进一步加强组织领导和统筹协调", "要强化督促检查"];
        assert!(!parallel(&shared(&prose), &prose));
    }
}

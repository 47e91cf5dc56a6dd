//! Level inference: which marker candidates are real outline nodes, and at
//! what depth.
//!
//! Families take levels in the order in which they first appear under a
//! parent, so a text whose top level is `第一` or `一是` is read as written.
//! The rules, in order of application:
//!
//! 1. A *heading* candidate (a block-start marker of a heading family:
//!    `一、` `(一)` `1.` `(1)` `①` `第一` `壹、`, or an inline marker of a
//!    family already open as a heading level, whose line break was lost)
//!    first closes any open inline list: a heading line ends the paragraphs
//!    that held the list.
//! 2. A list announced with a count (`重点要把好“四关”：一是…`) is closed once
//!    its last announced item is reached; a new family after it does not nest
//!    inside that item.
//! 3. A candidate whose family is open at some level continues that level
//!    when its ordinal is the next one (`最后` always is). A heading that skips
//!    one ordinal is accepted with a `skipped_ordinal` diagnostic; anything
//!    else out of sequence is rejected (and diagnosed when it is a heading).
//! 4. A candidate of a family not open anywhere opens a new level below the
//!    current one, and must have ordinal 1.
//! 5. An inline list (or a list of word markers such as `一是` `首先`) needs at
//!    least two items: a lone `首先` is prose. The argument words
//!    `一方面…另一方面` and `其一…其二` make a list only when their items are
//!    developed: halves of one sentence (`一方面，…；另一方面，…`) or
//!    one-sentence restatements (`其一，…。其二，…。`) stay prose.
//! 6. An Arabic number at the start of a block that continues a sentence cut
//!    off at the end of the previous block is a page number, not a marker:
//!    the segment stage says so ([`crate::segment::pagebreak::is_page_number`]).
//! 7. A body paragraph that opens by addressing the audience (`各位代表！…`,
//!    `同志们，…`) breaks off the current point of a section: the next
//!    candidate of another family (an inline `一是…` series, a run of
//!    parallel paragraphs) belongs to the enclosing section, at the depth of
//!    the points, not inside the last point.
//!
//! Rule 5 can only be checked once lists are complete, so inference runs
//! again without the rejected candidates (a few rounds at most; each round is
//! linear).

mod parallel;
mod unmarked;
pub mod view;

pub use parallel::parallel_sections;

use once_cell::sync::Lazy;

use crate::marker::{self, MarkerMatch, Position};
use crate::model::{Diagnostic, DiagnosticKind, MarkerKind};
use crate::normalize::{fold, is_ideograph, is_sentence_end};
use crate::segment::Block;

/// An accepted outline node start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// Index of the block the node starts in.
    pub block: usize,
    /// Byte offset of the marker in the block's cleaned text.
    pub offset: usize,
    /// The marker; `None` for an unmarked section.
    pub marker: Option<MarkerMatch>,
    /// The resolved ordinal (`最后` gets the next number of its list).
    pub ordinal: u32,
    /// 1 for a section, 2 for its points, and so on.
    pub depth: usize,
    /// Block start or inline.
    pub position: Position,
}

/// A candidate with what the rules need to know about it.
#[derive(Clone, Copy, Debug)]
struct Cand {
    block: usize,
    offset: usize,
    m: Option<MarkerMatch>,
    position: Position,
    heading: bool,
    class: Class,
    /// The count announced right before it (`三条：①…`), for a first item.
    announced: Option<u32>,
    /// The ordinal as written (unmarked sections count 1, 2, 3 in order).
    ordinal: u32,
}

/// Families that share one sequence: `首先 其次 第三` count as one list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Kind(MarkerKind),
    Words,
    /// Unmarked parallel sections.
    Unmarked,
    /// Unmarked heading lines of one rank.
    Line(u8),
    /// Members of unmarked paragraph runs (dash-led, 排比): one level, each
    /// run a list of its own.
    Run,
    /// An appendix heading (`名词解释`, `附件`) after the speech.
    Appendix,
}

fn class_of(kind: MarkerKind) -> Class {
    match kind {
        MarkerKind::Sequence | MarkerKind::Di => Class::Words,
        k => Class::Kind(k),
    }
}

/// Word markers never make a heading line, wherever they stand: the
/// families that are not [`marker::heading_family`].
fn is_word(kind: MarkerKind) -> bool {
    !marker::heading_family(kind)
}

struct Level {
    class: Class,
    last: u32,
    heading: bool,
    expect: Option<u32>,
    list: usize,
    last_block: usize,
}

/// Infers the outline of `blocks`: the accepted items in document order.
///
/// ```
/// use jianggao::segment::segment;
/// let seg = segment("一、总体要求\n要抓好落实：一是要学习。二是要实践。\n二、工作重点\n要突出重点。");
/// let items = jianggao::outline::infer(&seg.blocks, &mut Vec::new());
/// let depths: Vec<usize> = items.iter().map(|i| i.depth).collect();
/// assert_eq!(depths, vec![1, 2, 2, 1]);
/// ```
pub fn infer(blocks: &[Block], diags: &mut Vec<Diagnostic>) -> Vec<Item> {
    // The address paragraphs, read once: the level rules count them, and
    // the unmarked rules ask them of the views that equal their texts.
    let address: Vec<bool> = blocks.iter().map(|b| is_address(&b.text)).collect();
    let cands = candidates(blocks, &address);
    let mut rejected = vec![false; cands.len()];
    // Address paragraphs before each block: `addresses[b]` counts those
    // among blocks `0..b`. The same for every round: read once.
    let mut addresses = Vec::with_capacity(blocks.len() + 1);
    addresses.push(0usize);
    for &a in &address {
        let n = addresses.last().copied().unwrap_or(0) + usize::from(a);
        addresses.push(n);
    }
    let mut round_diags = Vec::new();
    let mut round = 0;
    let items = loop {
        round += 1;
        round_diags.clear();
        let (mut accepted, lists) = assign(blocks, &addresses, &cands, &rejected, &mut round_diags);
        let bad = weak_lists(blocks, &cands, &accepted, &lists);
        if bad.is_empty() {
            break accepted;
        }
        if round == 4 {
            // Still weak lists after a few rounds: drop them as they stand.
            accepted.retain(|a| !bad.contains(&a.0));
            break accepted;
        }
        for i in bad {
            rejected[i] = true;
        }
    };
    diags.append(&mut round_diags);
    items
        .into_iter()
        .map(|(ci, ordinal, depth)| {
            let c = &cands[ci];
            Item { block: c.block, offset: c.offset, marker: c.m, ordinal, depth, position: c.position }
        })
        .collect()
}

/// The candidates of `blocks`; `address[i]` is [`is_address`] of block
/// `i`'s text.
fn candidates(blocks: &[Block], address: &[bool]) -> Vec<Cand> {
    let views: Vec<std::borrow::Cow<'_, str>> = blocks.iter().map(|b| view::recognition_view(&b.text)).collect();
    let mut out = Vec::new();
    let mut marked = vec![false; blocks.len()];
    for (bi, text) in views.iter().enumerate() {
        let mut found = marker::scan(text);
        recover_first_items(text, &mut found);
        comma_series(text, &mut found);
        for c in found {
            if c.position == Position::BlockStart {
                marked[bi] = true;
            }
            // Rule 6: the segment stage's page number, not a marker.
            if c.position == Position::BlockStart
                && bi > 0
                && crate::segment::pagebreak::is_page_number(&views[bi - 1], text)
            {
                continue;
            }
            let heading = c.position == Position::BlockStart && !is_word(c.m.kind);
            let announced = (c.m.ordinal == 1).then(|| announced_count(text.get(..c.offset).unwrap_or(""))).flatten();
            out.push(Cand {
                block: bi,
                offset: c.offset,
                m: Some(c.m),
                position: c.position,
                heading,
                class: class_of(c.m.kind),
                announced,
                ordinal: c.m.ordinal,
            });
        }
    }
    let mut extra = Vec::new();
    let mut taken = vec![false; blocks.len()];
    // Unmarked parallel sections (`心中有党，…` `心中有民，…`) stand in for
    // headings only where no marked heading competes with them.
    if !out.iter().any(|c| c.heading) {
        for (k, &(block, _)) in parallel_sections(blocks).iter().enumerate() {
            if let Some(t) = taken.get_mut(block) {
                *t = true;
            }
            extra.push(Cand {
                block,
                offset: 0,
                m: None,
                position: Position::BlockStart,
                heading: true,
                class: Class::Unmarked,
                announced: None,
                ordinal: k as u32 + 1,
            });
        }
    }
    // A view borrowed is the text itself: its answer is known.
    let view_address: Vec<bool> = views
        .iter()
        .zip(address)
        .map(|(v, &a)| match v {
            std::borrow::Cow::Borrowed(_) => a,
            std::borrow::Cow::Owned(o) => is_address(o),
        })
        .collect();
    for f in unmarked::find(&views, &marked, &taken, &view_address) {
        let class = match f.shape {
            unmarked::Shape::Line(r) => Class::Line(r),
            unmarked::Shape::Run => Class::Run,
            unmarked::Shape::Appendix => Class::Appendix,
        };
        extra.push(Cand {
            block: f.block,
            offset: 0,
            m: None,
            position: Position::BlockStart,
            heading: true,
            class,
            announced: None,
            ordinal: f.ordinal,
        });
    }
    if extra.is_empty() {
        return out;
    }
    extra.sort_by_key(|c| c.block);
    let mut merged = Vec::with_capacity(out.len() + extra.len());
    let mut rest = out.into_iter().peekable();
    for e in extra {
        while let Some(c) = rest.next_if(|c| c.block < e.block) {
            merged.push(c);
        }
        // A marker at the very start of the block is the node's own
        // opening, not a point inside it.
        while rest.next_if(|c| c.block == e.block && c.offset == 0).is_some() {}
        merged.push(e);
    }
    merged.extend(rest);
    merged
}

/// How far back (bytes) a lost first item is looked for.
const RECOVER_WINDOW: usize = 600;

/// Recovers the first item of an inline word list whose clause-start
/// position was lost to extraction junk (`“五个必须"±o 一是必须…；二是必须…`):
/// when a `二是` has no `一是` before it in the block, the nearest `一是` of the
/// same family within a short window before it opens the list, provided it
/// does not stand inside a word (`统一是…`).
fn recover_first_items(text: &str, found: &mut Vec<marker::Candidate>) {
    let mut added = Vec::new();
    for c in found.iter() {
        if c.m.ordinal != 2 || !is_word(c.m.kind) {
            continue;
        }
        let has_first = found.iter().any(|d| d.offset < c.offset && d.m.kind == c.m.kind && d.m.ordinal == 1);
        if has_first {
            continue;
        }
        let from = crate::segment::floor_char_boundary(text, c.offset.saturating_sub(RECOVER_WINDOW));
        let window = text.get(from..c.offset).unwrap_or("");
        let mut prev: Option<char> = None;
        let mut best = None;
        for (i, ch) in window.char_indices() {
            if prev.is_none_or(|p| !is_ideograph(p)) {
                if let Some(m) = marker::parse_marker(&window[i..]) {
                    if m.kind == c.m.kind && m.ordinal == 1 {
                        best = Some(marker::Candidate { offset: from + i, position: Position::Inline, m });
                    }
                }
            }
            prev = Some(ch);
        }
        added.extend(best);
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|c| c.offset);
        found.dedup_by_key(|c| c.offset);
    }
}

/// The commas (`,` and `，`) of `bytes` right before a `一`, in order: their
/// offsets and lengths. Found on bytes by the `一` (E4 B8 80) and the comma
/// before it (`，` is EF BC 8C), without visiting the other commas.
fn commas_before_one(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    static ONE: Lazy<memchr::memmem::Finder<'static>> = Lazy::new(|| memchr::memmem::Finder::new("一"));
    ONE.find_iter(bytes).filter_map(|at| match bytes.get(..at) {
        Some([.., 0xEF, 0xBC, 0x8C]) => Some((at - 3, 3)),
        Some([.., b',']) => Some((at - 1, 1)),
        _ => None,
    })
}

/// Finds an inline `一是…，二是…` series written after a comma, when a
/// count announces it (`主要的问题是两条，一是管理的漏洞，二是官僚主义。`):
/// after the announcing comma the first item, then the next items after
/// the commas of the same sentence. Without a count before it, a series
/// after a comma stays prose (`给他们以帮助，一是…，二是…`).
fn comma_series(text: &str, found: &mut Vec<marker::Candidate>) {
    let mut added = Vec::new();
    // Commas inside a series already read are not read again: linear.
    let mut scanned_to = 0;
    // A series opens with `一是` (a `CnShi` of ordinal 1 can only start
    // with `一`): only the commas right before a `一` are read.
    for (i, len) in commas_before_one(text.as_bytes()) {
        let at = i + len;
        if i < scanned_to {
            continue;
        }
        let Some(m) = text.get(at..).and_then(marker::parse_marker) else { continue };
        if m.kind != MarkerKind::CnShi || m.ordinal != 1 {
            continue;
        }
        // The announcing clause: from the last clause end to the comma.
        let before = text.get(..i).unwrap_or("");
        let clause_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_sentence_end(c) || matches!(fold(c), ':' | ','))
            .map_or(0, |(k, c)| k + c.len_utf8());
        // The count stands in the clause's last few characters.
        let from = crate::segment::floor_char_boundary(before, clause_start.max(before.len().saturating_sub(48)));
        let clause = before.get(from.max(clause_start)..).unwrap_or("");
        let Some(count) = announced_count(&format!("{clause}：")) else { continue };
        let mut items = vec![marker::Candidate { offset: at, position: Position::Inline, m }];
        let mut next = 2;
        scanned_to = text.len();
        for (j, d) in text.get(at..).unwrap_or("").char_indices() {
            if is_sentence_end(d) && fold(d) != ';' {
                scanned_to = at + j;
                break;
            }
            if !matches!(d, '，' | ',' | '；' | ';') {
                continue;
            }
            let k = at + j + d.len_utf8();
            if let Some(m2) = text.get(k..).and_then(marker::parse_marker) {
                if m2.kind == MarkerKind::CnShi && m2.ordinal == next {
                    items.push(marker::Candidate { offset: k, position: Position::Inline, m: m2 });
                    next += 1;
                }
            }
        }
        if items.len() >= 2 && items.len() as u32 <= count {
            added.extend(items);
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|c| c.offset);
        found.dedup_by_key(|c| c.offset);
    }
}

/// Words that address an audience (`各位代表` `同志们` `女士们、先生们`).
const ADDRESS_ENDS: [char; 1] = ['们'];

/// True when a paragraph opens with an address to the audience followed by
/// `！` or `，` (`各位代表！…`, `同志们、朋友们！`, `各位委员，…`); a colon
/// (`同志们：`) makes the greeting, which is not read here.
///
/// The address is at most 12 chars of ideographs and `、`, opening with
/// `各位`, `亲爱的` or `尊敬的`, or ending with a plural in `们` of at least three
/// chars that is not a pronoun (`我们，` is not an address).
pub(crate) fn is_address(text: &str) -> bool {
    let t = text.trim_start();
    // The address is short: only its first chars are read, once, and the
    // walk stops at the first one that is neither part of an address nor
    // its `！` or `，` (most paragraphs: within a few chars).
    let mut found = None;
    for (n, (i, c)) in t.char_indices().take(14).enumerate() {
        // `fold` reads `！` and `，` as `!` and `,`: these four chars.
        if matches!(c, '!' | ',' | '！' | '，') {
            found = Some((i, n));
            break;
        }
        if !(is_ideograph(c) || c == '、') {
            return false;
        }
    }
    let Some((end, n)) = found else {
        return false;
    };
    if !(3..=12).contains(&n) {
        return false;
    }
    let head = &t[..end];
    if ["各位", "亲爱的", "尊敬的"].iter().any(|p| head.starts_with(p)) {
        return true;
    }
    // Every part of `同志们、朋友们` is a plural, none a pronoun: the last
    // char settles most heads.
    head.ends_with(ADDRESS_ENDS)
        && head.split('、').all(|w| {
            w.ends_with(ADDRESS_ENDS)
                && w.chars().count() >= 3
                && !w.starts_with(['我', '你', '他', '她', '它', '咱', '人'])
        })
}

/// The count announced at the end of `before` (`主要把握好三条：`,
/// `重点要把好“四关”：`), if it ends with a colon.
fn announced_count(before: &str) -> Option<u32> {
    let t = before.trim_end();
    let t = t
        .strip_suffix('：')
        .or_else(|| t.strip_suffix(':'))
        .or_else(|| t.strip_suffix('。'))?
        .trim_end_matches(['”', '"', '’', '\'', ' ']);
    // The last 12 chars, in order, without allocating.
    let mut last = ['\0'; 12];
    let mut n = 0;
    for (slot, c) in last.iter_mut().rev().zip(t.chars().rev()) {
        *slot = c;
        n += 1;
    }
    let tail = last.get(12 - n..).unwrap_or_default();
    let mut found = None;
    for (i, &c) in tail.iter().enumerate() {
        let n = match c {
            '十' => 10,
            _ => match marker::numeral::cn_digit(c).or(c.to_digit(10)) {
                Some(d) if d > 0 => d,
                _ => continue,
            },
        };
        let next = tail[i + 1..].iter().copied().find(|c| !matches!(c, '“' | '”' | '"' | '\''));
        if matches!(
            next,
            Some('条' | '点' | '关' | '个' | '项' | '种' | '方' | '件' | '句' | '招' | '步' | '要' | '大' | '是')
        ) {
            found = Some(n);
        }
    }
    found
}

type Accepted = Vec<(usize, u32, usize)>;

/// One pass of the level rules over the candidates not yet rejected.
/// `addresses[b]` counts the address paragraphs among blocks `0..b`.
/// Returns the accepted (candidate, ordinal, depth) and, per accepted item,
/// the id of the list it belongs to.
fn assign(
    blocks: &[Block],
    addresses: &[usize],
    cands: &[Cand],
    rejected: &[bool],
    diags: &mut Vec<Diagnostic>,
) -> (Accepted, Vec<usize>) {
    let mut stack: Vec<Level> = Vec::new();
    let mut accepted = Vec::new();
    let mut lists = Vec::new();
    let mut next_list = 0;
    // The last numbered heading list closed by a sub-heading: its class,
    // last ordinal, depth and list id.
    let mut closed: Option<(Class, u32, usize, usize)> = None;
    // The block of the last accepted candidate.
    let mut last_block: Option<usize> = None;
    for (ci, c) in cands.iter().enumerate() {
        if rejected[ci] {
            continue;
        }
        // Rule 7: an address paragraph since the last accepted candidate
        // closes the current point below the top-level section, unless the
        // candidate continues the points themselves.
        let since = last_block.map_or(0, |b| addresses.get(b + 1).copied().unwrap_or(0));
        let upto = addresses.get(c.block + 1).copied().unwrap_or(0);
        if last_block.is_some()
            && upto > since
            && stack.len() >= 2
            && stack[0].heading
            && stack.iter().skip(1).any(|l| l.heading)
            && !stack.iter().skip(1).any(|l| l.class == c.class)
        {
            stack.truncate(1);
        }
        // The heading level right below this candidate's own level: the
        // list a sibling sub-heading closes.
        let before: Option<(Class, u32, usize, usize)> = stack
            .iter()
            .rposition(|l| l.class == c.class)
            .and_then(|d| stack.get(d + 1).map(|l| (l, d + 2)))
            .filter(|(l, _)| l.heading)
            .map(|(l, depth)| (l.class, l.last, depth, l.list));
        // A heading line without a number continues its open rank, or
        // opens it.
        // An appendix after the speech stands at the top level.
        if c.class == Class::Appendix {
            stack.clear();
        }
        let n = if matches!(c.class, Class::Line(_) | Class::Appendix) && !stack.iter().any(|l| l.class == c.class) {
            1
        } else {
            c.ordinal
        };
        // An inline marker of a family open as a heading level continues
        // that heading list: the line break before it was lost.
        let heading = c.heading
            || (c.position == Position::Inline
                && c.m.is_some_and(|m| !is_word(m.kind))
                && stack.iter().any(|l| l.heading && l.class == c.class));
        if heading {
            while stack.last().is_some_and(|l| !l.heading) {
                stack.pop();
            }
        }
        while stack.last().is_some_and(|l| l.class != c.class && l.expect.is_some_and(|e| l.last >= e)) {
            stack.pop();
        }
        let span = || Some(blocks[c.block].source_span(c.offset, c.offset + c.m.map_or(0, |m| m.len)));
        if let Some(d) = stack.iter().rposition(|l| l.class == c.class) {
            let lvl = &stack[d];
            let next = lvl.last + 1;
            let ordinal = if n == 0 { next } else { n };
            if ordinal == next || (heading && ordinal == next + 1) {
                if ordinal != next {
                    diags.push(Diagnostic::new(
                        DiagnosticKind::SkippedOrdinal,
                        format!("ordinal {next} is missing before {ordinal}"),
                        span(),
                    ));
                }
                stack.truncate(d + 1);
                let lvl = &mut stack[d];
                lvl.last = ordinal;
                lvl.last_block = c.block;
                accepted.push((ci, ordinal, d + 1));
                lists.push(lvl.list);
            } else if ordinal == 1
                && (!heading || c.class == Class::Run)
                && (c.block > lvl.last_block
                    || (c.position == Position::Inline && c.announced.is_some() && lvl.last >= 2))
            {
                // A new list of the same family in a later paragraph, or
                // announced by a count in the same one (`…把握四个方面：
                // 一是…`) after a list of two items or more: a paragraph
                // break lost when the paragraphs were run together.
                stack.truncate(d + 1);
                let lvl = &mut stack[d];
                lvl.last = 1;
                lvl.last_block = c.block;
                lvl.expect = c.announced;
                lvl.list = next_list;
                next_list += 1;
                accepted.push((ci, 1, d + 1));
                lists.push(lvl.list);
            } else if heading {
                diags.push(Diagnostic::new(
                    DiagnosticKind::OutOfSequence,
                    format!("marker with ordinal {ordinal} does not follow {}", lvl.last),
                    span(),
                ));
            }
        } else if heading
            && c.position == Position::BlockStart
            && n > 1
            && closed.is_some_and(|(cl, last, depth, _)| cl == c.class && last + 1 == n && depth == stack.len() + 1)
        {
            // A count that runs on across topic sub-headings (questions
            // `1、` | `（二）…` | `2、` `3、`): the list continues below the
            // new sub-heading.
            let list = closed.map_or(next_list, |c| c.3);
            stack.push(Level { class: c.class, last: n, heading, expect: None, list, last_block: c.block });
            accepted.push((ci, n, stack.len()));
            lists.push(list);
        } else if n == 1 {
            stack.push(Level {
                class: c.class,
                last: 1,
                heading,
                expect: c.announced,
                list: next_list,
                last_block: c.block,
            });
            accepted.push((ci, 1, stack.len()));
            lists.push(next_list);
            next_list += 1;
        } else if heading {
            diags.push(Diagnostic::new(
                DiagnosticKind::OutOfSequence,
                format!("a list cannot start at ordinal {n}"),
                span(),
            ));
        }
        if accepted.last().is_some_and(|a| a.0 == ci) {
            last_block = Some(c.block);
        }
        // A heading list closed by this candidate (a sub-heading of its
        // parent's family) may run on after it.
        if let Some(b) = before {
            if stack.len() < b.2 && accepted.last().is_some_and(|a| a.0 == ci) {
                closed = Some(b);
            }
        }
    }
    (accepted, lists)
}

/// Candidates of lists that fail rule 5.
fn weak_lists(blocks: &[Block], cands: &[Cand], accepted: &Accepted, lists: &[usize]) -> Vec<usize> {
    // The accepted items grouped by list, lists in order of their ids and
    // items in document order (a stable sort): one allocation, not one per
    // list.
    let mut order: Vec<usize> = (0..lists.len()).collect();
    order.sort_by_key(|&k| lists.get(k));
    let mut bad = Vec::new();
    for m in order.chunk_by(|&a, &b| lists.get(a) == lists.get(b)) {
        let first = &cands[accepted[m[0]].0];
        let word = first.m.is_some_and(|x| is_word(x.kind));
        let weak = if m.len() == 1 {
            !first.heading || word
        } else if first.m.is_some_and(|x| matches!(x.kind, MarkerKind::FangMian | MarkerKind::Qi)) {
            // Argument words: a list only when its items are developed, not
            // halves of one sentence or one-sentence restatements.
            m.windows(2).all(|w| {
                let (a, b) = (&cands[accepted[w[0]].0], &cands[accepted[w[1]].0]);
                b.block == a.block
                    && blocks[a.block]
                        .text
                        .get(a.offset..b.offset)
                        .unwrap_or("")
                        .chars()
                        .filter(|&c| is_sentence_end(c) && fold(c) != ';')
                        .nth(1)
                        .is_none()
            })
        } else {
            false
        };
        if weak {
            bad.extend(m.iter().map(|&k| accepted[k].0));
        }
    }
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_before_one_should_be_the_commas_a_walk_finds() {
        let by_chars = |t: &str| -> Vec<(usize, usize)> {
            t.char_indices()
                .filter(|&(i, c)| matches!(c, ',' | '，') && t[i + c.len_utf8()..].starts_with('一'))
                .map(|(i, c)| (i, c.len_utf8()))
                .collect()
        };
        for t in [
            "主要的问题是两条，一是管理的漏洞，二是官僚主义。",
            "a,一是,一,，一一，，一",
            "一，一",
            "统一，一是",
            "",
            "，",
            "一",
            "＂一｛一",
        ] {
            assert_eq!(commas_before_one(t.as_bytes()).collect::<Vec<_>>(), by_chars(t), "{t}");
        }
    }

    #[test]
    fn is_address_should_read_a_short_head_of_plurals_before_its_mark() {
        for (t, address) in [
            ("各位代表！今天开会。", true),
            ("同志们，让我们携起手来。", true),
            ("  同志们、朋友们！", true),
            ("女士们、先生们，", true),
            ("亲爱的同学们,", true),
            ("尊敬的各位来宾!", true),
            ("们们们，", true),
            ("𠀀𠀀们，", true),
            // Twelve chars before the mark, and thirteen or more.
            ("同志们同志们同志们同志们，", true),
            ("同志们同志们同志们同志们们，", false),
            ("十二个字十二个字十二个字们，", false),
            ("十三个字十三个字十三个字们们，", false),
            ("十四个字十四个字十四个字们们们，", false),
            // A pronoun, a colon, too short, a space or quote in the head,
            // no mark, a char outside the plural ending.
            ("我们，要学习。", false),
            ("同志们、我们，", false),
            ("同志们：今天开会。", false),
            ("各位，", false),
            ("同志 们，", false),
            ("“同志们”，", false),
            ("同志们", false),
            ("", false),
            ("，", false),
            ("同志們！", false),
        ] {
            assert_eq!(is_address(t), address, "{t}");
        }
    }
}

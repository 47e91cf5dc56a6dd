//! Word `.docx` documents into text, with `zip` and `quick-xml`.
//!
//! - Each paragraph of `word/document.xml` is a line; table cells hold
//!   paragraphs, so a table is read as its paragraphs, cell by cell.
//! - Word's automatic numbering is rendered as the marker a reader sees:
//!   the level of `word/numbering.xml` (its format such as `chineseCounting`
//!   or `decimal`, and its text such as `%1、` or `（%1）`), set on the
//!   paragraph or through its style (`word/styles.xml`, following
//!   `basedOn`). Counters follow Word: lists sharing an abstract numbering
//!   continue each other, a deeper level restarts under a new item of a
//!   higher one. Bullets render as nothing.
//! - Tabs are tabs, line breaks inside a paragraph are line breaks; deleted
//!   text, field codes and the fallback copies of text boxes are dropped.
//!
//! A damaged archive or XML that does not parse gives [`Error::Malformed`];
//! a ZIP archive without `word/document.xml` gives [`Error::Unsupported`].
//! Parts are read up to [`MAX_PART`] bytes (a guard against ZIP bombs).
//!
//! ```
//! let e = jianggao::input::docx::extract(b"PK\x03\x04broken").unwrap_err();
//! assert!(e.to_string().starts_with("malformed .docx"));
//! ```

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use quick_xml::XmlVersion;

use crate::error::Error;

/// The largest part, uncompressed, that is read.
pub const MAX_PART: u64 = 64 << 20;

/// Nesting of elements tracked for skipping and paragraphs.
const MAX_DEPTH: usize = 256;

fn malformed(reason: impl std::fmt::Display) -> Error {
    Error::Malformed { format: ".docx".into(), reason: reason.to_string() }
}

/// Extracts the text of a `.docx` document, one line per paragraph.
///
/// A fixture is made with `tests/formats/make_docx.py`; see `tests/formats.rs`.
pub fn extract(bytes: &[u8]) -> Result<String, Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(malformed)?;
    let Some(document) = part(&mut zip, "word/document.xml")? else {
        return Err(Error::Unsupported {
            format: "ZIP archive".into(),
            hint: "it has no word/document.xml, so it is not a .docx; only .docx archives are read".into(),
        });
    };
    let numbering = match part(&mut zip, "word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml)?,
        None => Numbering::default(),
    };
    let styles = match part(&mut zip, "word/styles.xml")? {
        Some(xml) => Styles::read(&xml)?,
        None => Styles::default(),
    };
    body(&document, &numbering, &styles)
}

/// The text of the part `name`, or `None` when the archive lacks it.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, Error> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(malformed(format!("{name}: {e}"))),
    };
    let mut buf = Vec::new();
    file.take(MAX_PART + 1).read_to_end(&mut buf).map_err(|e| malformed(format!("{name}: {e}")))?;
    if buf.len() as u64 > MAX_PART {
        return Err(malformed(format!("{name} is larger than {MAX_PART} bytes")));
    }
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(buf);
    match String::from_utf8(buf) {
        Ok(s) => Ok(Some(s)),
        Err(e) => {
            // UTF-16 parts are allowed by XML; decode them by their BOM.
            let bytes = e.into_bytes();
            match encoding_rs::Encoding::for_bom(&bytes) {
                Some((enc, bom)) => {
                    Ok(Some(enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default()).0.into_owned()))
                }
                None => Err(malformed(format!("{name} is not UTF-8"))),
            }
        }
    }
}

/// The `val` attribute (any prefix) of `e`, or another local name.
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == local).map(|a| {
        a.normalized_value(XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_else(|_| a.value.to_string())
    })
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    attr(e, "val")
}

fn int<T: std::str::FromStr>(s: Option<String>) -> Option<T> {
    s?.trim().parse().ok()
}

/// One level of a numbering definition.
#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    suffix: String,
}

/// `word/numbering.xml`: abstract definitions and their instances.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Option<Level>>>,
    /// numId → (abstractNumId, start overrides per level).
    nums: HashMap<String, (String, Vec<(usize, u32)>)>,
}

fn events(xml: &str, mut f: impl FnMut(&Event<'_>, &[String])) -> Result<(), Error> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    // The local names of the open elements, bounded.
    let mut stack: Vec<String> = Vec::new();
    let mut untracked = 0usize;
    loop {
        let ev =
            reader.read_event().map_err(|e| malformed(format!("XML error at {}: {e}", reader.error_position())))?;
        match &ev {
            Event::Eof => return Ok(()),
            Event::Start(e) => {
                f(&ev, &stack);
                if stack.len() < MAX_DEPTH {
                    stack.push(e.local_name().as_ref().to_string());
                } else {
                    untracked += 1;
                }
            }
            Event::End(_) => {
                if untracked > 0 {
                    untracked -= 1;
                } else {
                    stack.pop();
                }
                f(&ev, &stack);
            }
            _ => f(&ev, &stack),
        }
    }
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

impl Numbering {
    fn read(xml: &str) -> Result<Self, Error> {
        let mut n = Numbering::default();
        let mut abs: Option<String> = None;
        let mut lvl: Option<(usize, Level)> = None;
        let mut num: Option<String> = None;
        let mut over: Option<usize> = None;
        events(xml, |ev, stack| match ev {
            Event::Start(e) | Event::Empty(e) => {
                let name = local(e);
                let in_override = stack.iter().any(|s| s == "lvlOverride");
                match name.as_str() {
                    "abstractNum" => abs = attr(e, "abstractNumId"),
                    "lvl" if !in_override => {
                        lvl = int::<usize>(attr(e, "ilvl"))
                            .filter(|&i| i < 9)
                            .map(|i| (i, Level { start: 1, suffix: "tab".into(), ..Level::default() }))
                    }
                    "start" => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.start = int(val(e)).unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.format = val(e).unwrap_or_default();
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.text = val(e).unwrap_or_default();
                        }
                    }
                    "suff" => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.suffix = val(e).unwrap_or_default();
                        }
                    }
                    "num" => num = attr(e, "numId"),
                    "abstractNumId" => {
                        if let (Some(id), Some(a)) = (num.clone(), val(e)) {
                            n.nums.insert(id, (a, Vec::new()));
                        }
                    }
                    "lvlOverride" => over = int::<usize>(attr(e, "ilvl")).filter(|&i| i < 9),
                    "startOverride" => {
                        if let (Some(id), Some(i), Some(s)) = (num.as_ref(), over, int::<u32>(val(e))) {
                            if let Some((_, o)) = n.nums.get_mut(id) {
                                o.push((i, s));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "lvl" => {
                    if let (Some(a), Some((i, l))) = (abs.as_ref(), lvl.take()) {
                        let levels = n.abstracts.entry(a.clone()).or_insert_with(|| vec![None; 9]);
                        if let Some(slot) = levels.get_mut(i) {
                            *slot = Some(l);
                        }
                    }
                }
                "abstractNum" => abs = None,
                "num" => num = None,
                "lvlOverride" => over = None,
                _ => {}
            },
            _ => {}
        })?;
        Ok(n)
    }
}

/// A paragraph style: its numbering, its parent, its name.
#[derive(Debug, Default, Clone)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// `word/styles.xml`, paragraph styles by id.
#[derive(Debug, Default)]
struct Styles {
    styles: HashMap<String, Style>,
}

impl Styles {
    fn read(xml: &str) -> Result<Self, Error> {
        let mut s = Styles::default();
        let mut cur: Option<(String, Style)> = None;
        events(xml, |ev, stack| match ev {
            Event::Start(e) | Event::Empty(e) => match local(e).as_str() {
                "style" => cur = attr(e, "styleId").map(|id| (id, Style::default())),
                "basedOn" => {
                    if let Some((_, st)) = cur.as_mut() {
                        st.based_on = val(e);
                    }
                }
                "numId" if stack.iter().any(|n| n == "numPr") => {
                    if let Some((_, st)) = cur.as_mut() {
                        st.num_id = val(e);
                    }
                }
                "ilvl" if stack.iter().any(|n| n == "numPr") => {
                    if let Some((_, st)) = cur.as_mut() {
                        st.ilvl = int(val(e));
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, st)) = cur.take() {
                    s.styles.insert(id, st);
                }
            }
            _ => {}
        })?;
        Ok(s)
    }

    /// The numbering of `style`, following `basedOn` (at most ten steps).
    fn numbering(&self, style: &str) -> (Option<String>, Option<usize>) {
        let (mut num_id, mut ilvl) = (None, None);
        let mut at = Some(style.to_string());
        for _ in 0..10 {
            let Some(st) = at.as_ref().and_then(|id| self.styles.get(id)) else {
                break;
            };
            num_id = num_id.or_else(|| st.num_id.clone());
            ilvl = ilvl.or(st.ilvl);
            at = st.based_on.clone();
        }
        (num_id, ilvl)
    }
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    text: String,
}

/// Elements whose content is not text a reader sees.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "del"
            | "delText"
            | "instrText"
            | "pPrChange"
            | "rPrChange"
            | "sectPrChange"
            | "tblPrChange"
            | "Fallback"
            | "moveFrom"
    )
}

/// Counters of the lists, by list key.
#[derive(Default)]
struct Counters {
    lists: HashMap<String, [Option<u32>; 9]>,
}

fn body(xml: &str, numbering: &Numbering, styles: &Styles) -> Result<String, Error> {
    let mut out = String::new();
    let mut paras: Vec<Para> = Vec::new();
    let mut counters = Counters::default();
    let mut skip = 0usize;
    let mut in_text = false;
    events(xml, |ev, stack| {
        let in_ppr = stack.iter().rev().take(4).any(|n| n == "pPr");
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let name = local(e);
                let empty = matches!(ev, Event::Empty(_));
                if skip > 0 || skipped(&name) {
                    if !empty {
                        skip += 1;
                    }
                    return;
                }
                match name.as_str() {
                    "p" if !empty && paras.len() < MAX_DEPTH => paras.push(Para::default()),
                    "pStyle" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.style = val(e);
                        }
                    }
                    "numId" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.num_id = val(e);
                        }
                    }
                    "ilvl" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.ilvl = int(val(e));
                        }
                    }
                    "t" if !empty => in_text = true,
                    "tab" if !in_ppr => push(&mut paras, "\t"),
                    "br" | "cr" if !in_ppr => push(&mut paras, "\n"),
                    "noBreakHyphen" => push(&mut paras, "-"),
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                if skip > 0 {
                    skip -= 1;
                    return;
                }
                match name.as_ref() {
                    "t" => in_text = false,
                    "p" => {
                        if let Some(p) = paras.pop() {
                            emit(&mut out, p, numbering, styles, &mut counters);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => push(&mut paras, &t.xml10_content()),
            Event::CData(t) if in_text && skip == 0 => push(&mut paras, &t.xml10_content()),
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "apos" => Some('\''),
                        "quot" => Some('"'),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    push(&mut paras, c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    })?;
    // Paragraphs left open by a truncated part.
    while let Some(p) = paras.pop() {
        emit(&mut out, p, numbering, styles, &mut counters);
    }
    Ok(out)
}

fn push(paras: &mut [Para], s: &str) {
    if let Some(p) = paras.last_mut() {
        p.text.push_str(s);
    }
}

/// Writes paragraph `p` as a line, with its numbering marker.
fn emit(out: &mut String, p: Para, numbering: &Numbering, styles: &Styles, counters: &mut Counters) {
    if p.text.trim().is_empty() {
        return;
    }
    let (style_num, style_ilvl) = p.style.as_deref().map(|s| styles.numbering(s)).unwrap_or_default();
    let num_id = p.num_id.or(style_num);
    let ilvl = p.ilvl.or(style_ilvl).unwrap_or(0).min(8);
    if let Some(marker) = num_id.and_then(|id| marker(numbering, &id, ilvl, counters)) {
        out.push_str(&marker);
    }
    out.push_str(&p.text);
    out.push('\n');
}

/// The marker of the next item at `ilvl` of list `num_id`, counting it.
fn marker(numbering: &Numbering, num_id: &str, ilvl: usize, counters: &mut Counters) -> Option<String> {
    if num_id == "0" {
        return None;
    }
    let (abs, overrides) = numbering.nums.get(num_id)?;
    let levels = numbering.abstracts.get(abs)?;
    let level = levels.get(ilvl)?.as_ref()?;
    let start = |i: usize| {
        overrides
            .iter()
            .rev()
            .find(|(l, _)| *l == i)
            .map(|(_, s)| *s)
            .or_else(|| levels.get(i).and_then(|l| l.as_ref()).map(|l| l.start))
            .unwrap_or(1)
    };
    // Lists sharing an abstract definition continue each other unless an
    // instance restarts a level.
    let key = if overrides.is_empty() { format!("a{abs}") } else { format!("n{num_id}") };
    let counts = counters.lists.entry(key).or_insert([None; 9]);
    let next = counts[ilvl].map_or(start(ilvl), |c| c.saturating_add(1));
    counts[ilvl] = Some(next);
    for c in counts.iter_mut().skip(ilvl + 1) {
        *c = None;
    }
    if level.format == "bullet" {
        return None;
    }
    let mut text = String::new();
    let mut chars = level.text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d)) {
                chars.next();
                let i = d as usize - 1;
                let n = counts[i].unwrap_or_else(|| start(i));
                let fmt = levels.get(i).and_then(|l| l.as_ref()).map_or("decimal", |l| l.format.as_str());
                text.push_str(&format_number(n, fmt));
                continue;
            }
        }
        text.push(c);
    }
    if text.is_empty() {
        return None;
    }
    if level.suffix != "nothing"
        && text.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c.is_ascii_punctuation())
    {
        text.push(' ');
    }
    Some(text)
}

/// `n` written in the numbering format `fmt` (Word's `ST_NumberFormat`).
///
/// ```
/// use jianggao::input::docx::format_number;
/// assert_eq!(format_number(12, "chineseCounting"), "十二");
/// assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
/// assert_eq!(format_number(4, "upperRoman"), "IV");
/// assert_eq!(format_number(2, "decimal"), "2");
/// ```
pub fn format_number(n: u32, fmt: &str) -> String {
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "ideographDigital"
        | "koreanCounting" => chinese(n, false),
        "chineseLegalSimplified" | "ideographLegalTraditional" | "japaneseLegal" => chinese(n, true),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            enclosed(n, '\u{2460}', 20).unwrap_or_else(|| n.to_string())
        }
        "decimalEnclosedParen" => enclosed(n, '\u{2474}', 20).unwrap_or_else(|| format!("({n})")),
        "decimalEnclosedFullstop" => enclosed(n, '\u{2488}', 20).unwrap_or_else(|| format!("{n}.")),
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c)).collect()
        }
        "decimalZero" => format!("{n:02}"),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

fn enclosed(n: u32, first: char, count: u32) -> Option<String> {
    (1..=count).contains(&n).then(|| char::from_u32(first as u32 + n - 1)).flatten().map(String::from)
}

fn cycle(n: u32, set: &str) -> String {
    let chars: Vec<char> = set.chars().collect();
    match n.checked_sub(1).and_then(|i| chars.get(i as usize % chars.len().max(1))) {
        Some(c) => c.to_string(),
        None => n.to_string(),
    }
}

fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return "0".into();
    }
    // Word repeats the letter: A..Z, AA..ZZ, AAA...
    let c = char::from(base + ((n - 1) % 26) as u8);
    std::iter::repeat_n(c, ((n - 1) / 26 + 1).min(10) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// `n` in Chinese numerals (`十二`, `一百零五`); with `legal`, the capital
/// forms (`拾贰`).
fn chinese(n: u32, legal: bool) -> String {
    let digits: [char; 10] = if legal {
        ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
    } else {
        ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']
    };
    let units: [char; 4] = if legal { ['\0', '拾', '佰', '仟'] } else { ['\0', '十', '百', '千'] };
    if n == 0 {
        return digits[0].to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let mut s = String::new();
    let ds = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut zero = false;
    for (k, &d) in ds.iter().enumerate() {
        let unit = units[3 - k];
        if d == 0 {
            zero = !s.is_empty();
            continue;
        }
        if zero {
            s.push('零');
            zero = false;
        }
        // 十二, not 一十二.
        if !(d == 1 && unit == units[1] && s.is_empty()) {
            s.push(digits[d as usize]);
        }
        if unit != '\0' {
            s.push(unit);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_write_chinese_numerals() {
        let got: Vec<String> = [1, 10, 11, 20, 21, 100, 105, 110].iter().map(|&n| chinese(n, false)).collect();
        assert_eq!(got, ["一", "十", "十一", "二十", "二十一", "一百", "一百零五", "一百一十"]);
        assert_eq!(chinese(12, true), "拾贰");
    }

    #[test]
    fn should_write_letters_and_romans() {
        assert_eq!(letters(27, b'A'), "AA");
        assert_eq!(roman(1994), "MCMXCIV");
    }
}

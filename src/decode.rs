//! Decoding: bytes into UTF-8 text, with the encoding detected.
//!
//! The steps, in order:
//!
//! 1. Empty input is empty text. A known binary file signature (PNG, PDF,
//!    ZIP, ...) is refused.
//! 2. A byte order mark decides: UTF-8, UTF-16LE or UTF-16BE.
//! 3. Input with NUL bytes is UTF-16 without a BOM when its 16-bit units read
//!    as text in one byte order (ASCII, CJK, CJK punctuation). Otherwise, a
//!    few stray NUL bytes (one, or at most one in a thousand bytes) in valid
//!    UTF-8 are kept in the text and reported as one `nul_bytes` diagnostic;
//!    more NUL bytes mark the input as binary and it is refused.
//! 4. Input where control characters are frequent is refused as binary.
//! 5. Valid UTF-8 is taken as is.
//! 6. Input that is UTF-8 with a few broken sequences (much more valid
//!    multi-byte UTF-8 than broken) is decoded as UTF-8 with the broken
//!    sequences replaced by U+FFFD.
//! 7. Otherwise the candidates are the Chinese encodings GB18030 (which
//!    covers GBK and GB2312) and Big5. Both are tried on a sample and scored
//!    by the share of frequent Chinese characters (simplified and
//!    traditional forms) among what they decode, less the sequences they
//!    cannot decode. A clear difference decides; this keeps simplified texts
//!    in GBK from being read as Big5. When the scores are close (a short or
//!    mostly ASCII text), chardetng decides between the two, and any other
//!    guess of it (a Cyrillic or Korean encoding for a word or two) falls
//!    back to the better score.
//!
//! Input of which neither candidate makes Chinese text (almost none of the
//! characters it decodes are frequent ones) is refused as binary: it is
//! either not text or in an encoding this crate does not read.
//!
//! Invalid sequences are replaced by U+FFFD and reported as one
//! `invalid_bytes` diagnostic with their count. Input where a quarter or more
//! of the characters are undecodable is refused as binary.

use std::sync::LazyLock;

use chardetng::EncodingDetector;
use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::Error;
use crate::model::{Diagnostic, DiagnosticKind};
use crate::span::Span;

/// Decoded text with the name of its encoding.
///
/// ```
/// let d = jianggao::decode::decode(b"\xEF\xBB\xBFok").unwrap();
/// assert_eq!((d.text.as_str(), d.encoding), ("ok", "UTF-8"));
/// assert!(d.diagnostics.is_empty());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding it was decoded from (`"UTF-8"`, `"GB18030"`, `"Big5"`,
    /// `"UTF-16LE"`, `"UTF-16BE"`).
    pub encoding: &'static str,
    /// Replaced sequences and other notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// How many bytes the candidate scoring looks at.
const SAMPLE_LEN: usize = 256 << 10;

/// How many bytes chardetng looks at when the scoring cannot decide
/// (chardetng reads a few MB/s).
const DETECTOR_SAMPLE_LEN: usize = 64 << 10;

/// A difference in [`Fit::quality`] that decides between the candidates
/// without asking chardetng.
const DECISIVE: f64 = 0.1;

/// Decodes `bytes`, detecting the encoding.
///
/// ```
/// let d = jianggao::decode::decode("一、总体要求".as_bytes()).unwrap();
/// assert_eq!(d.encoding, "UTF-8");
///
/// let (gbk, _, _) = encoding_rs::GB18030.encode("同志们：\n今天我们召开全市党风廉政建设工作会议。");
/// let d = jianggao::decode::decode(&gbk).unwrap();
/// assert_eq!(d.encoding, "GB18030");
/// assert!(d.text.starts_with("同志们"));
///
/// assert!(jianggao::decode::decode(b"\x00\x01\x02\x03").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    decode_borrowed(bytes).map(|d| Decoded {
        text: d.text.into_owned(),
        encoding: d.encoding,
        diagnostics: d.diagnostics,
    })
}

/// [`Decoded`] borrowing valid UTF-8 input instead of copying it.
pub(crate) struct DecodedRef<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub encoding: &'static str,
    pub diagnostics: Vec<Diagnostic>,
}

impl From<Decoded> for DecodedRef<'_> {
    fn from(d: Decoded) -> Self {
        DecodedRef { text: d.text.into(), encoding: d.encoding, diagnostics: d.diagnostics }
    }
}

/// [`decode`], borrowing the input when it is valid UTF-8 without a BOM
/// (the common case: no copy).
pub(crate) fn decode_borrowed(bytes: &[u8]) -> Result<DecodedRef<'_>, Error> {
    if bytes.is_empty() {
        return Ok(DecodedRef { text: "".into(), encoding: "UTF-8", diagnostics: Vec::new() });
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(binary(format!("{kind} file signature")));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let utf16 = enc != UTF_8;
        return finish(enc, decode_with(enc, rest), utf16).map(DecodedRef::from);
    }
    if let Some(first) = memchr::memchr(0, bytes) {
        if let Some(enc) = utf16_without_bom(bytes) {
            return finish(enc, decode_with(enc, bytes), true).map(DecodedRef::from);
        }
        let nuls = memchr::memchr_iter(0, bytes).count();
        if few_nuls(nuls, bytes.len()) && !too_many_controls(count_bad_controls(bytes), bytes.len()) {
            if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
                let diagnostics = vec![nul_diagnostic(first, nuls)];
                return Ok(DecodedRef { text: s.into(), encoding: "UTF-8", diagnostics });
            }
        }
        return Err(binary(format!("contains {nuls} NUL bytes")));
    }
    let controls = count_bad_controls(bytes);
    if too_many_controls(controls, bytes.len()) {
        return Err(binary(format!("{controls} control characters in {} bytes", bytes.len())));
    }
    // A SIMD validator: the standard one checks CJK text a character at a
    // time.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(DecodedRef { text: s.into(), encoding: "UTF-8", diagnostics: Vec::new() });
    }
    let enc = detect(bytes)?;
    finish(enc, decode_with(enc, bytes), false).map(DecodedRef::from)
}

/// The name reported for `enc`: `"GB18030"` for GBK and GB18030 (both are
/// decoded as GB18030), otherwise the encoding_rs name.
///
/// ```
/// use jianggao::decode::encoding_name;
/// assert_eq!(encoding_name(encoding_rs::GBK), "GB18030");
/// assert_eq!(encoding_name(encoding_rs::BIG5), "Big5");
/// ```
pub fn encoding_name(enc: &'static Encoding) -> &'static str {
    if enc == GBK || enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// True when `nuls` NUL bytes in `len` bytes are a few stray ones in a
/// text, not the mark of a binary file: one, or one in a thousand bytes.
fn few_nuls(nuls: usize, len: usize) -> bool {
    nuls <= 1 + len / 1000
}

/// The `nul_bytes` diagnostic: `nuls` NUL bytes, the first at byte `first`.
fn nul_diagnostic(first: usize, nuls: usize) -> Diagnostic {
    let s = if nuls == 1 { "" } else { "s" };
    Diagnostic::new(
        DiagnosticKind::NulBytes,
        format!("{nuls} NUL byte{s} kept in the text"),
        Some(Span::new(first, first + 1)),
    )
}

fn binary(reason: String) -> Error {
    Error::Binary { reason }
}

/// Well-known signatures of binary files people mistake for text files.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive (or DOCX)"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE2 document (DOC, XLS)"),
        (b"\x1F\x8B", "gzip archive"),
        (b"Rar!\x1A\x07", "RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "7z archive"),
        (b"\x7FELF", "ELF executable"),
    ];
    SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)).map(|&(_, kind)| kind)
}

/// C0 controls other than tab, line feed, vertical tab, form feed and
/// carriage return (form feeds separate pages in PDF text), and DEL.
/// Written with compares only, without branches, so that
/// [`count_bad_controls`] vectorises.
#[inline]
fn is_bad_control(b: u8) -> bool {
    let allowed = b.wrapping_sub(b'\t') < 5; // \t \n \v \f \r
    ((b < 0x20) & !allowed) | (b == 0x7F)
}

/// How many bytes of `bytes` are [bad controls](is_bad_control), in blocks
/// counted in a byte, so that it vectorises. A block is a multiple of the
/// vector loop's stride (64 bytes), so that only the last block has bytes
/// left over for the scalar loop.
fn count_bad_controls(bytes: &[u8]) -> usize {
    bytes
        .chunks(192)
        .map(|block| {
            let mut n = 0u8;
            for &b in block {
                n += u8::from(is_bad_control(b));
            }
            usize::from(n)
        })
        .sum()
}

/// More than 5% of the input.
fn too_many_controls(controls: usize, total: usize) -> bool {
    controls > 0 && controls.saturating_mul(20) > total
}

/// Text decoded with its replacements counted.
struct Raw {
    text: String,
    invalid: usize,
    first_invalid: Option<usize>,
}

/// Decodes all of `bytes` with `enc` (no BOM handling), replacing each
/// malformed sequence by U+FFFD and counting them.
fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Raw {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len().saturating_mul(3));
    let mut raw = Raw { text: String::with_capacity(cap), invalid: 0, first_invalid: None };
    let mut pos = 0;
    loop {
        let rest = bytes.get(pos..).unwrap_or_default();
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut raw.text, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more =
                    decoder.max_utf8_buffer_length_without_replacement(bytes.len().saturating_sub(pos)).unwrap_or(64);
                raw.text.reserve(more.max(16));
            }
            DecoderResult::Malformed(_, _) => {
                raw.first_invalid.get_or_insert(raw.text.len());
                raw.text.push(char::REPLACEMENT_CHARACTER);
                raw.invalid += 1;
            }
        }
    }
    raw
}

/// Checks the decoded text and reports its replacements.
fn finish(enc: &'static Encoding, raw: Raw, utf16: bool) -> Result<Decoded, Error> {
    let name = encoding_name(enc);
    // Controls and NUL are ASCII bytes, never part of a multi-byte
    // character: count on bytes.
    let (mut chars, mut controls, mut nuls) = (0usize, 0usize, 0usize);
    for &b in raw.text.as_bytes() {
        chars += usize::from(b & 0xC0 != 0x80);
        controls += usize::from(is_bad_control(b));
        nuls += usize::from(b == 0);
    }
    let stray_nuls = nuls > 0 && !utf16 && enc == UTF_8 && few_nuls(nuls, raw.text.len());
    if nuls > 0 && !utf16 && !stray_nuls {
        return Err(binary(format!("contains {nuls} NUL bytes")));
    }
    if too_many_controls(controls, chars) {
        return Err(binary(format!("{controls} control characters in {chars} {name} characters")));
    }
    if raw.invalid > 0 && raw.invalid.saturating_mul(4) > chars {
        return Err(binary(format!(
            "{} of {chars} characters are undecodable in any supported encoding (tried {name})",
            raw.invalid
        )));
    }
    let mut diagnostics = Vec::new();
    if let (true, Some(first)) = (stray_nuls, memchr::memchr(0, raw.text.as_bytes())) {
        diagnostics.push(nul_diagnostic(first, nuls));
    }
    if raw.invalid > 0 {
        let span = raw.first_invalid.map(|at| Span::new(at, at + char::REPLACEMENT_CHARACTER.len_utf8()));
        let n = raw.invalid;
        let s = if n == 1 { "" } else { "s" };
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::InvalidBytes,
            format!("{n} invalid {name} byte sequence{s} replaced with U+FFFD"),
            span,
        ));
    }
    Ok(Decoded { text: raw.text, encoding: name, diagnostics })
}

/// UTF-16 without a BOM: the byte order in which at least 90% of the 16-bit
/// units read as text, if any.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let (mut le, mut be, mut units) = (0usize, 0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        if let [a, b] = *pair {
            units += 1;
            le += usize::from(plausible_unit(u16::from_le_bytes([a, b])));
            be += usize::from(plausible_unit(u16::from_be_bytes([a, b])));
        }
    }
    let (enc, good) = if le >= be { (UTF_16LE, le) } else { (UTF_16BE, be) };
    (units > 0 && good.saturating_mul(10) >= units.saturating_mul(9)).then_some(enc)
}

/// A UTF-16 code unit that is common in Chinese or ASCII text.
fn plausible_unit(u: u16) -> bool {
    matches!(u,
        0x09 | 0x0A | 0x0C | 0x0D
        | 0x20..=0x7E
        | 0xA0..=0x24F          // Latin-1, Latin Extended
        | 0x2000..=0x2BFF       // punctuation, letterlike, numbers, arrows, enclosed
        | 0x3000..=0x303F       // CJK punctuation
        | 0x3400..=0x4DBF       // CJK Extension A
        | 0x4E00..=0x9FFF       // CJK Unified
        | 0xD800..=0xDFFF       // surrogates (supplementary characters)
        | 0xFE30..=0xFE4F       // CJK compatibility forms
        | 0xFF00..=0xFFEF) // full-width forms
}

/// Picks the encoding of input that is neither valid UTF-8 nor UTF-16, or
/// refuses it when neither Chinese candidate reads it as Chinese.
fn detect(bytes: &[u8]) -> Result<&'static Encoding, Error> {
    if mostly_utf8(bytes) {
        return Ok(UTF_8);
    }
    let sample = bytes.get(..SAMPLE_LEN).unwrap_or(bytes);
    let last = sample.len() == bytes.len();
    let gb = fit(GB18030, sample, last);
    let big5 = fit(BIG5, sample, last);
    let (best, best_fit) = if gb.quality() >= big5.quality() { (GB18030, gb) } else { (BIG5, big5) };
    let (enc, chosen) = if (gb.quality() - big5.quality()).abs() >= DECISIVE {
        (best, best_fit)
    } else {
        // Too close to call on the reading alone (a short or mostly ASCII
        // text): ask the detector, on a bounded sample as it is slow.
        let sample = bytes.get(..DETECTOR_SAMPLE_LEN).unwrap_or(bytes);
        let mut detector = EncodingDetector::new();
        detector.feed(sample, sample.len() == bytes.len());
        let guessed = detector.guess(None, true);
        if guessed == BIG5 {
            (BIG5, big5)
        } else if guessed == GBK || guessed == GB18030 {
            (GB18030, gb)
        } else {
            (best, best_fit)
        }
    };
    if chosen.non_ascii >= MIN_NON_ASCII && chosen.common_share() < MIN_COMMON_SHARE {
        return Err(binary(format!(
            "does not read as Chinese text in GB18030 or Big5 ({:.0}% frequent characters as {})",
            chosen.common_share() * 100.0,
            encoding_name(enc)
        )));
    }
    Ok(enc)
}

/// Below this many non-ASCII characters, the share of frequent characters
/// says too little to refuse an input.
const MIN_NON_ASCII: usize = 32;

/// Chinese text reads with well over a third of its characters among the
/// frequent ones; bytes that are not text in the encoding, with a few
/// percent.
const MIN_COMMON_SHARE: f64 = 0.1;

/// UTF-8 with a few broken sequences: at least ten valid multi-byte
/// characters for each broken sequence.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Lead bytes of multi-byte characters.
        multi += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        broken += usize::from(!chunk.invalid().is_empty());
        if broken >= 64 && broken.saturating_mul(10) > multi {
            // Clearly not UTF-8 (GBK, Big5): no need to read on.
            return false;
        }
    }
    multi > 0 && broken.saturating_mul(10) <= multi
}

/// How `enc` reads a sample: non-ASCII characters, how many of them are
/// frequent Chinese characters or Chinese punctuation, and how many
/// sequences are malformed.
#[derive(Clone, Copy, Debug, Default)]
struct Fit {
    non_ascii: usize,
    common: usize,
    malformed: usize,
}

impl Fit {
    /// Frequent characters per non-ASCII character, less three per
    /// malformed sequence.
    fn quality(self) -> f64 {
        let score = self.common as f64 - 3.0 * self.malformed as f64;
        score / (self.non_ascii + self.malformed).max(1) as f64
    }

    /// Frequent characters per non-ASCII character or malformed sequence.
    fn common_share(self) -> f64 {
        self.common as f64 / (self.non_ascii + self.malformed).max(1) as f64
    }
}

/// Decodes `sample` with `enc` and counts how well it reads.
fn fit(enc: &'static Encoding, sample: &[u8], last: bool) -> Fit {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut buf = String::with_capacity(8 * 1024);
    let mut fit = Fit::default();
    let mut pos = 0;
    loop {
        let rest = sample.get(pos..).unwrap_or_default();
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut buf, last);
        pos += read;
        for c in buf.chars().filter(|c| !c.is_ascii()) {
            fit.non_ascii += 1;
            fit.common += usize::from(is_common(c));
        }
        buf.clear();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => fit.malformed += 1,
        }
    }
    fit
}

/// Frequent characters of Chinese prose, in simplified and traditional form,
/// and Chinese punctuation.
const COMMON: &str = concat!(
    // Frequent simplified characters (with those shared by both scripts).
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵缺楼县尚毫移朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨旧端探湖录叶春乡附吸予礼港雨板庭妇归睛饭额含顺输招婚脱补谓督油疗旅泽材灭逐莫笔亡鲜词圣择寻厂博勒授诺伦岸奥唐卖健堂旁宫借君禁阴园谋宋避抓荣孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店软典欲萨伙遭盘扩盖弄雄稳忘亿刺拥徒杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵",
    // Words of speeches and reports.
    "廉政腐败纪律监督党员干部群众作风工作建设发展落实责任担当学习思想理论实践改革创新服务基层组织领导同志会议讲话报告精神贯彻全面从严治党初心使命",
    // Traditional forms of the above that differ.
    "個們國來為時會對過後裡現實兩體從業開還應關與樣間線數問沒結題黨員總長設質氣變條軍無係義認爭濟東導領規華傳記眾書複際驗難廣張馬節話歷帶務萬達報類離確連斷約團辦劃選標親層專狀識適調滿縣紅細聽該鐵價嚴論運農區強處隊級組計別見統資邊圖頭幹產種動說這發學經進著電點麼當議機歲讓錢應義愛聯請雲歡樂藝術將辭寫獲雖輕車門問與戰鬥風飛鳳齊氣戶時書畫場態爾寶實對屬島憲憑憶懷懸懼擊擔據擴擺攝敵數斷於時晝會東條極樣檢權歡歸殘毆沒洶淺測濟濃滅漢溝準潔澤灣燈燒營爭爺爾牆獨獲獻環現產畢異當療發盡監盤眾硬確禮禍種積穩窮竊競筆範築簡糧紀約紅級紛純紙紹終組結絕絡給統絲經綠維網綱緊緒線練縣縱總績織繼續罷罰聖聞聯聲職肅脅脈腦膽臉臨興舉艦藝節蘇蘭處號蟲術衛衝補製複規視覽覺觀觸計訂討訓記許設訪證評識診詞試詩該詳認語誠誤說誰課調談請論諸謀謂講謝識證護讀變讓議豐豬貝負財貢貧貨販貪責貴費賀資賊賓賞賠賢賣質賴趕趙跡踐躍車軌軍軟載較輔輕輛輝輩輪輯輸轉辦辭農這連週進運過達違遙遞遠適遲遷選遺還邊郵鄉醫釋針鈕鈔銀銅銘銷鋪鋼錄錢錯鍵鍛鎮鏡長門閃閉開閑間閱關闊闡陣陰陳陸陽隊階際隨險隱隸難雙雜雞離電霧靈靜響頂項順須預頑頓頒領頭頻題額顏願類顧顯風飛養餘館騎騰驅驗驚體髮鬆鬥鬧魚鮮鳥鳴麥黃齊齒龍",
    // Chinese punctuation.
    "，。、；：？！“”‘’《》（）【】…—·"
);

/// First code point covered by [`COMMON_SET`]: general punctuation.
const COMMON_BASE: u32 = 0x2000;
/// One past the last: the end of the full-width forms.
const COMMON_END: u32 = 0x1_0000;

/// [`COMMON`] as a bit set over `COMMON_BASE..COMMON_END` (7 KB), for a
/// lookup per character without search.
static COMMON_SET: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; ((COMMON_END - COMMON_BASE) / 64) as usize];
    for c in COMMON.chars() {
        let i = (c as u32).wrapping_sub(COMMON_BASE) as usize;
        if let Some(word) = bits.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }
    bits
});

fn is_common(c: char) -> bool {
    let i = (c as u32).wrapping_sub(COMMON_BASE) as usize;
    COMMON_SET.get(i / 64).is_some_and(|word| word & (1 << (i % 64)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_accept_plausible_utf16_units_and_not_controls() {
        assert!(plausible_unit(0x4E00));
        assert!(plausible_unit(u16::from(b'a')));
        assert!(!plausible_unit(0));
        assert!(!plausible_unit(0x0001));
    }

    #[test]
    fn should_score_simplified_gbk_higher_as_gb18030_than_as_big5() {
        let text = "同志们：今天我们召开全市党风廉政建设工作会议，主要任务是贯彻落实上级精神。";
        let (bytes, _, _) = GB18030.encode(text);
        assert!(fit(GB18030, &bytes, true).quality() > fit(BIG5, &bytes, true).quality() + 0.3);
    }

    #[test]
    fn should_count_the_bad_controls_of_every_block() {
        // 28 of the 256 byte values: 27 C0 controls and DEL.
        let bytes: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
        assert_eq!((0..=255u8).filter(|&b| is_bad_control(b)).count(), 28);
        // Seven whole cycles, then bytes 0 to 207, which hold all 28.
        assert_eq!(count_bad_controls(&bytes), 8 * 28);
        assert_eq!(count_bad_controls(&[0u8; 1000]), 1000);
        assert_eq!(count_bad_controls(b"a\tb\nc\x0b\x0c\r"), 0);
        assert_eq!(count_bad_controls(b"\x00\x08\x0e\x1f\x7f"), 5);
    }

    #[test]
    fn should_count_common_characters_in_both_scripts() {
        assert!(is_common('们') && is_common('們') && is_common('，'));
        assert!(!is_common('鼹'));
    }
}

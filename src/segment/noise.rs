//! Noise: lines and pieces of lines that are not speech (site chrome,
//! download-site headers, watermarks, page numbers), each reported with a
//! reason.

use crate::model::Noise;
use crate::span::Span;

/// A physical line after noise classification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The trimmed text of the line (empty for a blank line).
    pub span: Span,
    /// True when the line holds nothing but spaces, or was wholly noise.
    pub blank: bool,
}

/// Classifies `lines` of `src`: whole-line noise is pushed to `noise` and
/// returned as blank; the rest is returned trimmed.
///
/// ```
/// let src = "首页\n一、总体要求";
/// let lines = jianggao::segment::lines::split(src);
/// let mut noise = Vec::new();
/// let out = jianggao::segment::noise::classify(src, &lines, &mut noise);
/// assert!(out[0].blank && !out[1].blank);
/// assert_eq!(noise[0].reason, "site_chrome");
/// ```
pub fn classify(src: &str, lines: &[Span], noise: &mut Vec<Noise>) -> Vec<Line> {
    lines
        .iter()
        .map(|&l| {
            let t = super::lines::trim(src, l);
            let text = &src[t.range()];
            if text.is_empty() {
                return Line {
                    span: t,
                    blank: true,
                };
            }
            if let Some(reason) = line_noise(text) {
                noise.push(Noise::at(src, t, reason));
                return Line {
                    span: t,
                    blank: true,
                };
            }
            Line {
                span: t,
                blank: false,
            }
        })
        .collect()
}

fn line_noise(text: &str) -> Option<&'static str> {
    const CHROME: &[&str] = &[
        "首页",
        "相关新闻",
        "最新新闻",
        "关闭",
        "查看更多",
        "相关文章",
    ];
    CHROME.contains(&text).then_some("site_chrome")
}

//! Stage 3 — meta: title, issuer, addressee, year, publication date, placeholders.
//!
//! Read from the normalized view (publication dates often stand in the page chrome that
//! cleaning removes: `发布时间:2018-01-22`) and from the analysis view:
//!
//! - **title**: among the first kept lines, a short one naming a report (`…情况报告`,
//!   `…工作报告`, `…总结`), else the first short line without sentence punctuation;
//! - **year** the report is about: from the title (`2022年度法治政府建设情况报告`), the
//!   first paragraph (`2017年，…`), else the year most often mentioned;
//! - **published**: the closing date (落款) `2018年12月19日` /
//!   `二〇一八年十二月十九日`, else the page's `发布时间：2018-01-22`; a garbled `20181219`
//!   is read as 2018-12-19, a mangled `201818` is reported as unreadable, never guessed;
//! - **issuer** (发文机关): the signature line near the end (`南城街道办事处`), else the
//!   title's prefix before the year (`连云港高新区2017年度…` → 连云港高新区);
//! - **addressee** (主送): a salutation line such as `市人民政府：`;
//! - **placeholders** left from a template: `XX区`, `××`, `某某`, `201*年`, `*次`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::clean::Cleaned;
use crate::knowledge::{self, Role};
use crate::markers::parse_marker;
use crate::numerals::parse_integer;
use crate::text::line_ranges;
use crate::view::View;

/// A piece of text and the original byte range it was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Located {
    /// The text (as written, or normalized where the field says so).
    pub text: String,
    /// Original byte range.
    pub range: Range<usize>,
}

impl Located {
    fn new(text: impl Into<String>, range: Range<usize>) -> Self {
        Located {
            text: text.into(),
            range,
        }
    }
}

/// Metadata with original byte ranges.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetaFound {
    /// Title text and its original range.
    pub title: Option<Located>,
    /// Issuer.
    pub issuer: Option<String>,
    /// Addressee.
    pub addressee: Option<String>,
    /// Report year.
    pub year: Option<i32>,
    /// Publication date and its original range.
    pub published: Option<Located>,
    /// A date-like closing line that could not be read (`201818`), original range.
    pub unreadable_date: Option<Located>,
    /// Placeholders: text and original range.
    pub placeholders: Vec<Located>,
}

fn re(pattern: &'static str, cell: &'static OnceLock<Regex>) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("meta pattern is valid"))
}

/// A regex group of the words of `role` (`data/words.tsv`), escaped.
fn alternation(role: Role) -> String {
    let words: Vec<String> = knowledge::words(role)
        .iter()
        .map(|w| regex::escape(w))
        .collect();
    format!("(?:{})", words.join("|"))
}

/// Reads the metadata.
pub fn read_meta(original: &str, norm: &View, cleaned: &Cleaned) -> MetaFound {
    let mut meta = MetaFound::default();
    let text = cleaned.view.text();
    let lines: Vec<Range<usize>> = line_ranges(text)
        .into_iter()
        .filter(|r| !text[r.clone()].trim().is_empty())
        .collect();
    let first_heading = lines
        .iter()
        .position(|r| parse_marker(text[r.clone()].trim_start()).is_some())
        .unwrap_or(lines.len());
    let head = &lines[..first_heading.min(12)];

    // Title.
    static REPORTISH: OnceLock<Regex> = OnceLock::new();
    let reportish = REPORTISH.get_or_init(|| {
        Regex::new(&format!("{}$", alternation(Role::TitleEnding)))
            .unwrap_or_else(|e| panic!("title endings: {e}"))
    });
    let short = |r: &Range<usize>| {
        let t = text[r.clone()].trim();
        t.chars().count() <= 60 && !t.ends_with(['。', '：', '，', '；']) && !t.contains('。')
    };
    let title = head
        .iter()
        .find(|r| short(r) && reportish.is_match(text[(*r).clone()].trim()))
        .or_else(|| {
            head.iter()
                .take(2)
                .find(|r| short(r) && text[(*r).clone()].trim().chars().count() >= 6)
        });
    let mut title_norm = None;
    if let Some(r) = title {
        let t = text[r.clone()].trim();
        title_norm = Some(t);
        let lead = text[r.clone()].len() - text[r.clone()].trim_start().len();
        let range = r.start + lead..r.start + lead + t.len();
        let range = cleaned.view.to_original(range);
        meta.title = Some(Located::new(&original[range.clone()], range));
    }

    // Year.
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let year_re = re(r"((?:19|20)\d{2})\s*年", &YEAR);
    let title_year = title_norm
        .and_then(|t| year_re.captures(t))
        .and_then(|c| c[1].parse().ok());
    let first_para_year = lines
        .iter()
        .map(|r| text[r.clone()].trim())
        .find(|t| t.chars().count() > 60)
        .and_then(|t| {
            year_re
                .captures(t)
                .filter(|c| c.get(0).is_some_and(|m| m.start() < 12))
        })
        .and_then(|c| c[1].parse().ok());
    meta.year = title_year.or(first_para_year).or_else(|| {
        let mut counts: HashMap<i32, usize> = HashMap::new();
        for c in year_re.captures_iter(text) {
            if let Ok(y) = c[1].parse::<i32>() {
                *counts.entry(y).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(y, n)| (n, y))
            .map(|(y, _)| y)
    });

    // Published: page info in the normalized view, or the closing date.
    static PUB: OnceLock<Regex> = OnceLock::new();
    let pub_re = re(
        r"(?:发布|发表|发文|更新)?(?:时间|日期)\s*[：:]?\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})",
        &PUB,
    );
    let nt = norm.text();
    if let Some(c) = pub_re.captures(
        &nt[..nt
            .len()
            .min(nt.char_indices().nth(3000).map_or(nt.len(), |(i, _)| i))],
    ) {
        let m = c.get(0).expect("group 0");
        if let Some(date) = ymd(&c[1], &c[2], &c[3]) {
            let digits = c.get(1).expect("year").start()..m.end();
            meta.published = Some(Located::new(date, norm.to_original(digits)));
        }
    }
    static CLOSING: OnceLock<Regex> = OnceLock::new();
    let closing = re(
        r"^(?:((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日|([二〇零○一]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日|((?:19|20)\d{2})(\d{2})(\d{2})|((?:19|20)\d{2,4}))$",
        &CLOSING,
    );
    for r in lines.iter().rev().take(6) {
        let t = text[r.clone()].trim();
        let Some(c) = closing.captures(t) else {
            continue;
        };
        let lead = text[r.clone()].len() - text[r.clone()].trim_start().len();
        let range = cleaned
            .view
            .to_original(r.start + lead..r.start + lead + t.len());
        let date = if c.get(1).is_some() {
            ymd(&c[1], &c[2], &c[3])
        } else if c.get(4).is_some() {
            let y = parse_integer(&c[4]).map(|v| v.to_string());
            let mo = parse_integer(&c[5]).map(|v| v.to_string());
            let d = parse_integer(&c[6]).map(|v| v.to_string());
            match (y, mo, d) {
                (Some(y), Some(mo), Some(d)) => ymd(&y, &mo, &d),
                _ => None,
            }
        } else if c.get(7).is_some() {
            ymd(&c[7], &c[8], &c[9])
        } else {
            None
        };
        // The document's own date outranks the web page's posting date.
        match date {
            Some(d) => meta.published = Some(Located::new(d, range)),
            None => meta.unreadable_date = Some(Located::new(&original[range.clone()], range)),
        }
        break;
    }

    // Issuer: a signature line near the end, else the title prefix.
    static SIGN: OnceLock<Regex> = OnceLock::new();
    let sign = SIGN.get_or_init(|| {
        Regex::new(&format!(
            r"^[\p{{Han}}()]{{2,30}}{}$",
            alternation(Role::OrgSuffix)
        ))
        .unwrap_or_else(|e| panic!("signature pattern: {e}"))
    });
    meta.issuer = lines
        .iter()
        .rev()
        .take(6)
        .map(|r| text[r.clone()].trim())
        .find(|t| sign.is_match(t) && parse_marker(t).is_none())
        .map(str::to_string)
        .or_else(|| {
            let t = title_norm?;
            let m = year_re.find(t)?;
            let prefix = t[..m.start()].trim();
            (prefix.chars().count() >= 2).then(|| prefix.to_string())
        });

    // Addressee: `市人民政府：` alone on a line before the first heading.
    static ADDR: OnceLock<Regex> = OnceLock::new();
    let addr = re(r"^([\p{Han}、]{2,30})[：:]$", &ADDR);
    meta.addressee = head
        .iter()
        .map(|r| text[r.clone()].trim())
        .find_map(|t| addr.captures(t).map(|c| c[1].to_string()));

    // Placeholders.
    static PH: OnceLock<Regex> = OnceLock::new();
    let ph = re(
        r"[X×]{2,}|某某|(?:19|20)\d?\*+|\*+(?:[次件项个人名条家年月日])",
        &PH,
    );
    for m in ph.find_iter(text) {
        let r = cleaned.view.to_original(m.range());
        meta.placeholders
            .push(Located::new(&original[r.clone()], r));
    }
    meta
}

fn ymd(y: &str, m: &str, d: &str) -> Option<String> {
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::normalize::normalize;

    fn meta(text: &str) -> MetaFound {
        let norm = normalize(text);
        let cleaned = clean(&norm);
        read_meta(text, &norm, &cleaned)
    }

    #[test]
    fn reads_seed_like_header_and_signature() {
        let text = "连云港高新区2017年度推进依法行政建设法治政府工作情况报告\n  • 来源:连云港高新区管委会\n  • 发布时间:2018-01-22\n连云港市政府:\n2017年,连云港高新区积极落实……各项工作取得了新的进展，为推进法治政府建设做出了积极的努力，成效明显。\n一、依法全面履行政府职能\n内容。\n";
        let m = meta(text);
        assert_eq!(
            m.title.as_ref().map(|t| t.text.as_str()),
            Some("连云港高新区2017年度推进依法行政建设法治政府工作情况报告")
        );
        assert_eq!(m.year, Some(2017));
        assert_eq!(
            m.published.as_ref().map(|p| p.text.as_str()),
            Some("2018-01-22")
        );
        assert_eq!(&text[m.published.unwrap().range], "2018-01-22");
        assert_eq!(m.addressee.as_deref(), Some("连云港市政府"));
        assert_eq!(m.issuer.as_deref(), Some("连云港高新区"));
    }

    #[test]
    fn garbled_and_mangled_closing_dates() {
        let m = meta("某街道2018年度法治政府建设情况报告\n正文。\n南城街道办事处\n20181219\n");
        assert_eq!(m.published.map(|p| p.text), Some("2018-12-19".to_string()));
        assert_eq!(m.issuer.as_deref(), Some("南城街道办事处"));
        let m = meta("某街道2018年度法治政府建设情况报告\n正文。\n201818\n");
        assert!(m.published.is_none());
        assert!(m.unreadable_date.is_some());
    }

    #[test]
    fn placeholders() {
        let m = meta("201*年是XX区发展的一年，开展培训*次。");
        let found: Vec<&str> = m.placeholders.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(found, vec!["201*", "XX", "*次"]);
    }
}

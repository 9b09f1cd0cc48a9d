//! Stage 8 — checks: the findings a careful reader (a drafter, a reviewer, an evaluator)
//! would make, in one list with a kind, a severity, a Chinese message and a place.
//!
//! Every kind of finding is a [`CheckKind`], which owns its key (the JSON `kind`), its
//! severity and, through [`Finding`], its message — the way [`crate::Error`] owns its
//! code and Chinese message. The other stages only report what they saw (a heading, a
//! breakdown, a rate and its counts, a placeholder); this module turns that into checks:
//!
//! - outline: a skipped level (`1.` directly under `一、`), numbering out of order or
//!   repeated (`一、` then `三、`), two marker styles for one level (`（一）` and `(二)`), a
//!   level-3 number with no separator (`2加强…`), an implausibly long heading, no
//!   headings at all;
//! - framework: a mandated part with no heading (the 第一责任人 part from report year
//!   2019, when 《法治政府建设与责任落实督察工作规定》 made it mandatory);
//! - metrics: breakdowns that do not add up and stated rates their counts contradict,
//!   each with the arithmetic;
//! - meta: template placeholders left in, a closing date that cannot be read.
//!
//! Places are original byte ranges; the assembly converts them with the rest.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::export::mandated_parts;
use crate::meta::{Located, PlaceholderFound};
use crate::report::{Check, CheckKind, Part, Severity};

impl CheckKind {
    /// How serious a finding of this kind is.
    pub fn severity(self) -> Severity {
        match self {
            CheckKind::SkippedLevel | CheckKind::LongHeading | CheckKind::MixedMarkerStyle => {
                Severity::Info
            }
            CheckKind::MissingSeparator
            | CheckKind::DuplicateNumber
            | CheckKind::NumberingGap
            | CheckKind::NoOutline
            | CheckKind::MissingPart
            | CheckKind::RateMismatch
            | CheckKind::Placeholder
            | CheckKind::UnreadableDate => Severity::Warning,
            CheckKind::SumMismatch => Severity::Error,
        }
    }
}

/// A finding with what its message needs to say.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A heading at `level` under a parent at `parent_level`.
    SkippedLevel {
        /// Marker and title.
        heading: String,
        /// Its level.
        level: u8,
        /// The parent's level (0 at the top).
        parent_level: u8,
    },
    /// `2加强…`.
    MissingSeparator {
        /// The marker as written.
        marker: String,
        /// Its number.
        number: u32,
    },
    /// A title of `chars` characters.
    LongHeading {
        /// Its length.
        chars: usize,
    },
    /// A heading number where `expected` was due.
    OutOfOrder {
        /// The marker as written.
        marker: String,
        /// Its number.
        number: u32,
        /// The number that was due.
        expected: u32,
    },
    /// Marker styles at one level and how often each occurs.
    MixedMarkerStyle {
        /// The level.
        level: u8,
        /// Each style (numerals as `N`) and its count.
        styles: Vec<(String, usize)>,
    },
    /// No headings.
    NoOutline,
    /// A mandated part without a heading.
    MissingPart {
        /// The part.
        part: Part,
    },
    /// Parts and their total.
    SumMismatch {
        /// The parts' values.
        parts: Vec<f64>,
        /// Their sum.
        sum: f64,
        /// The total's unit.
        unit: String,
        /// The total as written.
        total_raw: String,
        /// The total's value.
        total: f64,
    },
    /// A stated rate and the counts that contradict it.
    RateMismatch {
        /// What the rate measures, as written (`办结率`).
        name: String,
        /// The rate as written (`98.5%`).
        stated: String,
        /// The counts added up as numerator, as written (`128件`).
        numerator: Vec<String>,
        /// The denominator as written (`135件`).
        denominator: String,
        /// numerator ÷ denominator, in percent.
        computed: f64,
    },
    /// A placeholder and how often it occurs.
    Placeholder {
        /// The mask as written (`**`, `20xx`, `XX`).
        text: String,
        /// Its first occurrence with what follows it (`**次`, `XX区`).
        example: String,
        /// Occurrences.
        count: usize,
    },
    /// A closing date as written.
    UnreadableDate {
        /// The date line.
        text: String,
    },
}

impl Finding {
    /// Its kind.
    pub fn kind(&self) -> CheckKind {
        match self {
            Finding::SkippedLevel { .. } => CheckKind::SkippedLevel,
            Finding::MissingSeparator { .. } => CheckKind::MissingSeparator,
            Finding::LongHeading { .. } => CheckKind::LongHeading,
            Finding::OutOfOrder {
                number, expected, ..
            } => {
                if number < expected {
                    CheckKind::DuplicateNumber
                } else {
                    CheckKind::NumberingGap
                }
            }
            Finding::MixedMarkerStyle { .. } => CheckKind::MixedMarkerStyle,
            Finding::NoOutline => CheckKind::NoOutline,
            Finding::MissingPart { .. } => CheckKind::MissingPart,
            Finding::SumMismatch { .. } => CheckKind::SumMismatch,
            Finding::RateMismatch { .. } => CheckKind::RateMismatch,
            Finding::Placeholder { .. } => CheckKind::Placeholder,
            Finding::UnreadableDate { .. } => CheckKind::UnreadableDate,
        }
    }

    /// What it says, in Chinese.
    pub fn message(&self) -> String {
        match self {
            Finding::SkippedLevel {
                heading,
                level,
                parent_level,
            } => format!(
                "标题“{heading}”为第{level}级，但上一级标题为第{parent_level}级：跳过了中间层级。"
            ),
            Finding::MissingSeparator { marker, number } => {
                format!("标题序号“{marker}”后缺少分隔符（应为“{number}.”或“{number}、”）。")
            }
            Finding::LongHeading { chars } => {
                format!("标题过长（{chars}字），可能误将正文识别为标题，或标题需要精简。")
            }
            Finding::OutOfOrder {
                marker,
                number,
                expected,
            } => {
                let what = if number < expected {
                    "重复或倒序"
                } else {
                    "不连续"
                };
                format!(
                    "标题序号{what}：此处为“{}”，按顺序应为第{expected}个。",
                    marker.trim()
                )
            }
            Finding::MixedMarkerStyle { level, styles } => {
                let list: Vec<String> = styles.iter().map(|(s, n)| format!("“{s}”{n}处")).collect();
                format!("第{level}级标题混用了不同的序号格式：{}。", list.join("、"))
            }
            Finding::NoOutline => {
                "未识别到任何标题：报告缺少层级结构，或标题格式不规范。".to_string()
            }
            Finding::MissingPart { part } => format!(
                "未找到年度报告应有的“{}”部分（没有对应的一级或二级标题）。",
                part.name_zh()
            ),
            Finding::SumMismatch {
                parts,
                sum,
                unit,
                total_raw,
                total,
            } => {
                let parts: Vec<String> = parts.iter().map(|v| fmt_num(*v)).collect();
                format!(
                    "分项之和与总数不符：{} = {}{unit}，而总数为{total_raw}（相差{}{unit}）。",
                    parts.join(" + "),
                    fmt_num(*sum),
                    fmt_num((total - sum).abs()),
                )
            }
            Finding::RateMismatch {
                name,
                stated,
                numerator,
                denominator,
                computed,
            } => {
                let numerator = match &numerator[..] {
                    [one] => one.clone(),
                    many => format!("（{}）", many.join(" + ")),
                };
                format!(
                    "{name}{stated}与所述数字不符：{numerator} ÷ {denominator} = {computed:.1}%。"
                )
            }
            Finding::Placeholder {
                text,
                example,
                count,
            } => {
                let mut notes = Vec::new();
                if example != text {
                    notes.push(format!("如“{example}”"));
                }
                if *count > 1 {
                    notes.push(format!("共{count}处"));
                }
                let notes = if notes.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", notes.join("，"))
                };
                format!("模板占位符“{text}”未替换为实际内容{notes}。")
            }
            Finding::UnreadableDate { text } => format!("落款日期“{text}”无法识别为日期。"),
        }
    }

    /// The check, at `range` (original bytes) if it has a place.
    pub fn at(&self, range: Option<Range<usize>>) -> Check {
        let kind = self.kind();
        Check {
            kind,
            severity: kind.severity(),
            message: self.message(),
            start: range.as_ref().map(|r| r.start),
            end: range.map(|r| r.end),
        }
    }
}

/// Formats a number without a trailing `.0`.
fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// What the outline checks need of a heading.
#[derive(Debug, Clone)]
pub struct HeadingInfo {
    /// 1–5.
    pub level: u8,
    /// The number counted by the marker.
    pub number: u32,
    /// The marker as written in the original.
    pub marker: String,
    /// Title text.
    pub title: String,
    /// Index of the parent heading.
    pub parent: Option<usize>,
    /// Original byte range of marker and title.
    pub range: Range<usize>,
    /// Written without a separator (`2加强`).
    pub no_separator: bool,
}

/// A total with its parts, as the checks see it (original byte range over all of them).
#[derive(Debug, Clone)]
pub struct SumInfo {
    /// Whether the parts add up (`None`: approximate or a partial list).
    pub consistent: Option<bool>,
    /// The parts' values.
    pub parts: Vec<f64>,
    /// Their sum.
    pub sum: f64,
    /// The total's value.
    pub total: f64,
    /// The total as written.
    pub total_raw: String,
    /// The total's unit.
    pub unit: String,
    /// From the first to the last of total and parts.
    pub range: Range<usize>,
}

/// A stated rate its counts contradict, as the checks see it (texts as written in the
/// original, the range over the rate).
#[derive(Debug, Clone)]
pub struct RateInfo {
    /// What the rate measures (`办结率`).
    pub name: String,
    /// The rate as written.
    pub stated: String,
    /// The counts added up as numerator, as written.
    pub numerator: Vec<String>,
    /// The denominator as written.
    pub denominator: String,
    /// numerator ÷ denominator, in percent.
    pub computed: f64,
    /// Original byte range of the rate.
    pub range: Range<usize>,
}

/// Everything the checks look at.
#[derive(Debug, Clone, Default)]
pub struct CheckInput<'a> {
    /// The headings, in order.
    pub headings: &'a [HeadingInfo],
    /// The mandated parts that level-1 and level-2 headings carry.
    pub present_parts: &'a [Part],
    /// The report year.
    pub year: Option<i32>,
    /// Every breakdown.
    pub sums: &'a [SumInfo],
    /// Contradicted rates.
    pub rates: &'a [RateInfo],
    /// Placeholders left in the text.
    pub placeholders: &'a [PlaceholderFound],
    /// A closing date that could not be read, as written.
    pub unreadable_date: Option<&'a Located>,
}

/// All checks, in a stable order: outline (by place), no outline, missing parts, sums,
/// rates, placeholders, the closing date.
pub fn collect(input: &CheckInput<'_>) -> Vec<Check> {
    let mut out = outline_checks(input.headings);
    if input.headings.is_empty() {
        out.push(Finding::NoOutline.at(None));
    }
    out.extend(part_checks(input.present_parts, input.year));
    for s in input.sums.iter().filter(|s| s.consistent == Some(false)) {
        let finding = Finding::SumMismatch {
            parts: s.parts.clone(),
            sum: s.sum,
            unit: s.unit.clone(),
            total_raw: s.total_raw.clone(),
            total: s.total,
        };
        out.push(finding.at(Some(s.range.clone())));
    }
    for r in input.rates {
        let finding = Finding::RateMismatch {
            name: r.name.clone(),
            stated: r.stated.clone(),
            numerator: r.numerator.clone(),
            denominator: r.denominator.clone(),
            computed: r.computed,
        };
        out.push(finding.at(Some(r.range.clone())));
    }
    // One check per distinct placeholder, at its first occurrence, with the count.
    let mut seen: Vec<(&PlaceholderFound, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for p in input.placeholders {
        match index.get(p.text.as_str()) {
            Some(&k) => seen[k].1 += 1,
            None => {
                index.insert(&p.text, seen.len());
                seen.push((p, 1));
            }
        }
    }
    for (p, count) in seen {
        let finding = Finding::Placeholder {
            text: p.text.clone(),
            example: p.context.clone(),
            count,
        };
        out.push(finding.at(Some(p.range.clone())));
    }
    if let Some(date) = input.unreadable_date {
        let finding = Finding::UnreadableDate {
            text: date.text.clone(),
        };
        out.push(finding.at(Some(date.range.clone())));
    }
    out
}

/// The style of a marker: its numerals replaced by `N`, so `（一）` and `(二)` differ.
fn marker_style(marker: &str) -> String {
    let mut out = String::new();
    let mut in_num = false;
    for c in marker.trim().chars() {
        let is_num = c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "一二三四五六七八九十".contains(c)
            || ('\u{2460}'..='\u{2487}').contains(&c)
            || ('\u{3220}'..='\u{3229}').contains(&c);
        if is_num {
            if !in_num {
                out.push('N');
            }
        } else {
            out.push(c);
        }
        in_num = is_num;
    }
    out
}

/// Checks on the heading structure, sorted by place.
pub fn outline_checks(headings: &[HeadingInfo]) -> Vec<Check> {
    let mut out = Vec::new();
    for h in headings {
        let parent_level = h.parent.map_or(0, |p| headings[p].level);
        let at = Some(h.range.clone());
        if h.level > parent_level + 1 {
            let finding = Finding::SkippedLevel {
                heading: format!("{}{}", h.marker, h.title),
                level: h.level,
                parent_level,
            };
            out.push(finding.at(at.clone()));
        }
        if h.no_separator {
            let finding = Finding::MissingSeparator {
                marker: h.marker.clone(),
                number: h.number,
            };
            out.push(finding.at(at.clone()));
        }
        let chars = h.title.chars().count();
        if chars > 35 {
            out.push(Finding::LongHeading { chars }.at(at));
        }
    }
    // Numbering among siblings.
    let mut siblings: BTreeMap<(Option<usize>, u8), Vec<usize>> = BTreeMap::new();
    for (i, h) in headings.iter().enumerate() {
        siblings.entry((h.parent, h.level)).or_default().push(i);
    }
    for group in siblings.values() {
        let mut expected = 1;
        for &i in group {
            let h = &headings[i];
            if h.number != expected {
                let finding = Finding::OutOfOrder {
                    marker: h.marker.clone(),
                    number: h.number,
                    expected,
                };
                out.push(finding.at(Some(h.range.clone())));
            }
            expected = h.number + 1;
        }
    }
    // Marker styles per level.
    let mut styles: BTreeMap<u8, BTreeMap<String, usize>> = BTreeMap::new();
    for h in headings.iter().filter(|h| !h.no_separator) {
        *styles
            .entry(h.level)
            .or_default()
            .entry(marker_style(&h.marker))
            .or_default() += 1;
    }
    for (level, st) in styles {
        if st.len() > 1 {
            let first_minor = st.iter().min_by_key(|(_, n)| **n).map(|(s, _)| s.clone());
            let place = headings
                .iter()
                .find(|h| h.level == level && Some(marker_style(&h.marker)) == first_minor)
                .map(|h| h.range.clone());
            let finding = Finding::MixedMarkerStyle {
                level,
                styles: st.into_iter().collect(),
            };
            out.push(finding.at(place));
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Checks for mandated parts without a heading.
pub fn part_checks(present: &[Part], year: Option<i32>) -> Vec<Check> {
    mandated_parts(year)
        .into_iter()
        .filter(|p| !present.contains(p))
        .map(|part| Finding::MissingPart { part }.at(None))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, number: u32, marker: &str, parent: Option<usize>) -> HeadingInfo {
        HeadingInfo {
            level,
            number,
            marker: marker.into(),
            title: "标题".into(),
            parent,
            range: 0..1,
            no_separator: false,
        }
    }

    #[test]
    fn numbering_levels_and_styles() {
        let hs = vec![
            h(1, 1, "一、", None),
            h(3, 1, "1.", Some(0)),
            h(1, 3, "三、", None),
            h(2, 1, "（一）", Some(2)),
            h(2, 2, "(二)", Some(2)),
        ];
        let kinds: Vec<CheckKind> = outline_checks(&hs).into_iter().map(|c| c.kind).collect();
        assert!(kinds.contains(&CheckKind::SkippedLevel));
        assert!(kinds.contains(&CheckKind::NumberingGap));
        assert!(kinds.contains(&CheckKind::MixedMarkerStyle));
    }

    #[test]
    fn responsible_person_required_from_2019() {
        let parts = [Part::Measures, Part::Shortcomings, Part::NextYear];
        assert_eq!(part_checks(&parts, Some(2018)), vec![]);
        assert_eq!(part_checks(&parts, Some(2019)).len(), 1);
    }

    #[test]
    fn every_kind_serializes_to_its_key() {
        for kind in CheckKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(serde_json::from_str::<CheckKind>(&json).unwrap(), kind);
        }
    }

    #[test]
    fn a_finding_owns_its_kind_severity_and_message() {
        let gap = Finding::OutOfOrder {
            marker: "三、".into(),
            number: 3,
            expected: 2,
        }
        .at(Some(4..7));
        assert_eq!(gap.kind, CheckKind::NumberingGap);
        assert_eq!(gap.severity, Severity::Warning);
        assert_eq!(
            gap.message,
            "标题序号不连续：此处为“三、”，按顺序应为第2个。"
        );
        let sum = Finding::SumMismatch {
            parts: vec![89.0, 97.0],
            sum: 186.0,
            unit: "项".into(),
            total_raw: "200项".into(),
            total: 200.0,
        }
        .at(None);
        assert_eq!(sum.severity, Severity::Error);
        assert_eq!(
            sum.message,
            "分项之和与总数不符：89 + 97 = 186项，而总数为200项（相差14项）。"
        );
    }
}

//! Stage 8 — checks: the findings a careful reader (a drafter, a reviewer, an evaluator)
//! would make, in one list with a kind, a severity, a Chinese message and a place.
//!
//! Every kind of finding is a [`CheckKind`], which owns its key (the JSON `kind`), its
//! severity and, through [`Finding`], its message — the way [`crate::Error`] owns its
//! code and Chinese message. The other stages only report what they saw (a heading, a
//! breakdown, a rate and its counts, a placeholder); this module turns that into checks:
//!
//! - outline: a skipped level, numbering out of order or repeated (`一、` then `三、`), two
//!   marker styles for one level (`（一）` and `(二)`), a level-3 number with no separator
//!   (`2加强…`), an implausibly long heading, no headings at all. Each judged against the
//!   document's own conventions first: a report that numbers `1.`…`N.` on across its
//!   `（一）（二）` sections (several jurisdictions do, on purpose) has no gap at `3.`; a
//!   `1.` directly under `一、` skips a level only where that `一、` also has `（一）`
//!   children (a report whose sections go `一、` → `1.` throughout, or that opens with
//!   `（一）`, follows a convention of its own); an excerpt may open mid-list (`（三）`
//!   first); the mandated part headings are long by rule (`三、党政主要负责人履行推进法治
//!   建设第一责任人职责情况`), never a `long_heading`;
//! - document: a text cut off or marked as an excerpt (one `info` finding with the
//!   evidence);
//! - framework: a mandated part with no heading (the 第一责任人 part from report year
//!   2019, when 《法治政府建设与责任落实督察工作规定》 made it mandatory), only in a
//!   rule-of-law report, and only as `info` in an incomplete text, where the part may just
//!   not have been copied;
//! - metrics: breakdowns that do not add up and stated rates their counts contradict,
//!   each with the arithmetic;
//! - meta: template placeholders left in, a closing date that cannot be read.
//!
//! Places are original byte ranges; the assembly converts them with the rest.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::export::mandated_parts;
use crate::meta::{Located, PlaceholderFound};
use crate::outline::marker_style;
use crate::report::{Check, CheckKind, DocKind, Part, Severity};

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
            CheckKind::IncompleteText => Severity::Info,
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
        /// The text is incomplete: the part may not have been copied.
        incomplete: bool,
    },
    /// The text is cut off or an excerpt.
    IncompleteText {
        /// What shows it.
        evidence: Vec<String>,
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
            Finding::IncompleteText { .. } => CheckKind::IncompleteText,
        }
    }

    /// How serious it is: its kind's severity, but a missing part in an incomplete text is
    /// only worth a note.
    pub fn severity(&self) -> Severity {
        match self {
            Finding::MissingPart {
                incomplete: true, ..
            } => Severity::Info,
            _ => self.kind().severity(),
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
            Finding::MissingPart { part, incomplete } => {
                let maybe = if *incomplete {
                    "文本不完整，该部分可能在未收录的内容中。"
                } else {
                    ""
                };
                format!(
                    "未找到年度报告应有的“{}”部分（没有标题写明此部分）。{maybe}",
                    part.name_zh()
                )
            }
            Finding::IncompleteText { evidence } => format!(
                "文本不完整：{}。缺少的内容可能只是未收录，缺少部分的提示仅供参考。",
                evidence.join("；")
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
        Check {
            kind: self.kind(),
            severity: self.severity(),
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
    /// Its title names a mandated part (long by rule).
    pub names_part: bool,
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
    /// What kind of document it is: missing parts are checked in reports only.
    pub kind: DocKind,
    /// Why the text is incomplete and where (original bytes), if it is.
    pub incomplete: Option<(&'a [String], Range<usize>)>,
    /// The mandated parts that headings carry.
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

/// All checks, in a stable order: outline (by place), no outline, an incomplete text,
/// missing parts, sums, rates, placeholders, the closing date.
pub fn collect(input: &CheckInput<'_>) -> Vec<Check> {
    let report = input.kind == DocKind::Report;
    let incomplete = input.incomplete.is_some();
    let mut out = outline_checks(input.headings, incomplete);
    // How long a heading may be is a drafting rule of the annual report; other documents
    // (a 政府工作报告's `（二）大力推进科技创新、产业创新和金融创新深度融合发展，加快…`)
    // have their own.
    if !report {
        out.retain(|c| c.kind != CheckKind::LongHeading);
    }
    if input.headings.is_empty() && report {
        out.push(Finding::NoOutline.at(None));
    }
    if let Some((evidence, at)) = &input.incomplete {
        let finding = Finding::IncompleteText {
            evidence: evidence.to_vec(),
        };
        out.push(finding.at(Some(at.clone())));
    }
    if report {
        out.extend(part_checks(input.present_parts, input.year, incomplete));
    }
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

/// Checks on the heading structure, sorted by place; `incomplete`: the text is an
/// excerpt, which may open mid-list.
pub fn outline_checks(headings: &[HeadingInfo], incomplete: bool) -> Vec<Check> {
    let mut out = Vec::new();
    // The levels of each heading's direct children, as bits.
    let mut child_levels = vec![0u8; headings.len()];
    for h in headings {
        if let Some(p) = h.parent {
            child_levels[p] |= 1 << h.level.min(7);
        }
    }
    for h in headings {
        let at = Some(h.range.clone());
        if let Some(p) = h.parent {
            // A level skipped where the same parent also has children at the level between
            // (`一、` with `（一）` children, and a `1.` directly under it too).
            let parent_level = headings[p].level;
            let mixed = (parent_level + 1..h.level).any(|l| child_levels[p] & (1 << l.min(7)) != 0);
            if h.level > parent_level + 1 && mixed {
                let finding = Finding::SkippedLevel {
                    heading: format!("{}{}", h.marker, h.title),
                    level: h.level,
                    parent_level,
                };
                out.push(finding.at(at.clone()));
            }
        }
        if h.no_separator {
            let finding = Finding::MissingSeparator {
                marker: h.marker.clone(),
                number: h.number,
            };
            out.push(finding.at(at.clone()));
        }
        let chars = h.title.chars().count();
        if chars > 35 && !h.names_part {
            out.push(Finding::LongHeading { chars }.at(at));
        }
    }
    out.extend(numbering_checks(headings, incomplete));
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

/// Whether the headings of `level` number on across their parents (`（一）1. 2.（二）3. 4.`)
/// more often than they restart at 1: the document's convention.
fn numbers_run_on(headings: &[HeadingInfo], level: u8) -> bool {
    let (mut run_on, mut restart) = (0, 0);
    let mut prev: Option<&HeadingInfo> = None;
    for h in headings.iter().filter(|h| h.level == level) {
        if let Some(p) = prev.filter(|p| p.parent != h.parent) {
            if h.number == 1 {
                restart += 1;
            } else if h.number == p.number + 1 {
                run_on += 1;
            }
        }
        prev = Some(h);
    }
    run_on > restart
}

/// Gaps and repeats among siblings, or along the whole document for a level that numbers
/// on across its parents. In an excerpt, the first headings with no parent may start
/// anywhere.
fn numbering_checks(headings: &[HeadingInfo], incomplete: bool) -> Vec<Check> {
    let mut out = Vec::new();
    let run_on: Vec<bool> = (0..=5).map(|l| numbers_run_on(headings, l)).collect();
    let mut groups: BTreeMap<(Option<usize>, u8), Vec<usize>> = BTreeMap::new();
    for (i, h) in headings.iter().enumerate() {
        let parent = if run_on[usize::from(h.level.min(5))] {
            None
        } else {
            h.parent
        };
        groups.entry((parent, h.level)).or_default().push(i);
    }
    for ((parent, _), group) in &groups {
        let mut expected = None;
        for &i in group {
            let h = &headings[i];
            let want = match expected {
                None if incomplete && parent.is_none() => h.number,
                None => 1,
                Some(e) => e,
            };
            if h.number != want {
                let finding = Finding::OutOfOrder {
                    marker: h.marker.clone(),
                    number: h.number,
                    expected: want,
                };
                out.push(finding.at(Some(h.range.clone())));
            }
            expected = Some(h.number + 1);
        }
    }
    out
}

/// Checks for mandated parts without a heading (`info` in an incomplete text).
pub fn part_checks(present: &[Part], year: Option<i32>, incomplete: bool) -> Vec<Check> {
    mandated_parts(year)
        .into_iter()
        .filter(|p| !present.contains(p))
        .map(|part| Finding::MissingPart { part, incomplete }.at(None))
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
            names_part: false,
        }
    }

    fn kinds(hs: &[HeadingInfo], incomplete: bool) -> Vec<CheckKind> {
        outline_checks(hs, incomplete)
            .into_iter()
            .map(|c| c.kind)
            .collect()
    }

    #[test]
    fn numbering_levels_and_styles() {
        let hs = vec![
            h(1, 1, "一、", None),
            h(2, 1, "（一）", Some(0)),
            h(3, 1, "1.", Some(0)),
            h(1, 3, "三、", None),
            h(2, 1, "（一）", Some(3)),
            h(2, 2, "(二)", Some(3)),
        ];
        let kinds = kinds(&hs, false);
        assert!(kinds.contains(&CheckKind::SkippedLevel));
        assert!(kinds.contains(&CheckKind::NumberingGap));
        assert!(kinds.contains(&CheckKind::MixedMarkerStyle));
    }

    #[test]
    fn skipped_level_only_where_the_section_mixes_levels() {
        // `一、` → `1.` throughout, and a report that opens with `（一）`: conventions.
        let direct = vec![
            h(1, 1, "一、", None),
            h(3, 1, "1.", Some(0)),
            h(3, 2, "2.", Some(0)),
            h(1, 2, "二、", None),
            h(3, 1, "1.", Some(3)),
        ];
        assert!(kinds(&direct, false).is_empty());
        let leading = vec![h(2, 1, "（一）", None), h(3, 1, "1.", Some(0))];
        assert!(kinds(&leading, false).is_empty());
    }

    #[test]
    fn numbering_that_runs_on_across_parents_is_a_convention() {
        let hs = vec![
            h(1, 1, "一、", None),
            h(2, 1, "（一）", Some(0)),
            h(3, 1, "1．", Some(1)),
            h(3, 2, "2．", Some(1)),
            h(2, 2, "（二）", Some(0)),
            h(3, 3, "3．", Some(4)),
            h(3, 4, "4．", Some(4)),
            h(2, 3, "（三）", Some(0)),
            h(3, 6, "6．", Some(7)),
        ];
        let checks = outline_checks(&hs, false);
        assert_eq!(checks.len(), 1, "{checks:?}");
        assert_eq!(
            checks[0].message,
            "标题序号不连续：此处为“6．”，按顺序应为第5个。"
        );
    }

    #[test]
    fn an_excerpt_may_open_mid_list() {
        let hs = vec![
            h(2, 3, "（三）", None),
            h(2, 4, "（四）", None),
            h(1, 2, "二、", None),
            h(1, 3, "三、", None),
        ];
        assert!(kinds(&hs, true).is_empty());
        assert!(kinds(&hs, false).contains(&CheckKind::NumberingGap));
    }

    #[test]
    fn mandated_part_headings_are_never_long() {
        let mut long = h(1, 1, "一、", None);
        long.title =
            "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况".into();
        long.names_part = true;
        assert!(kinds(&[long.clone()], false).is_empty());
        long.names_part = false;
        assert_eq!(kinds(&[long], false), vec![CheckKind::LongHeading]);
    }

    #[test]
    fn responsible_person_required_from_2019() {
        let parts = [Part::Measures, Part::Shortcomings, Part::NextYear];
        assert_eq!(part_checks(&parts, Some(2018), false), vec![]);
        assert_eq!(part_checks(&parts, Some(2019), false).len(), 1);
    }

    #[test]
    fn missing_parts_are_info_in_an_incomplete_text_and_absent_in_other_documents() {
        let evidence = vec!["正文止于句中“…全年共收到”".to_string()];
        let input = CheckInput {
            headings: &[],
            kind: DocKind::Report,
            incomplete: Some((&evidence, 10..20)),
            present_parts: &[Part::Measures],
            year: Some(2021),
            ..CheckInput::default()
        };
        let checks = collect(&input);
        assert!(checks
            .iter()
            .any(|c| c.kind == CheckKind::IncompleteText && c.severity == Severity::Info));
        let missing: Vec<&Check> = checks
            .iter()
            .filter(|c| c.kind == CheckKind::MissingPart)
            .collect();
        assert_eq!(missing.len(), 3);
        assert!(missing.iter().all(|c| c.severity == Severity::Info));
        let other = CheckInput {
            kind: DocKind::Other,
            incomplete: None,
            ..input
        };
        assert!(
            collect(&other).is_empty(),
            "no parts and no outline asked of a news item"
        );
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

//! Stage 8 — checks: the findings a careful reader (a drafter, a reviewer, an evaluator)
//! would make, in one list with a kind, a severity, a Chinese message and a place.
//!
//! - outline: a skipped level (`1.` directly under `一、`), numbering out of order or
//!   repeated (`一、` then `三、`), two marker styles for one level (`（一）` and `(二)`), a
//!   level-3 number with no separator (`2加强…`), an implausibly long heading;
//! - framework: a mandated part with no heading (the 第一责任人 part from report year
//!   2019, when 《法治政府建设与责任落实督察工作规定》 made it mandatory);
//! - metrics: breakdowns that do not add up, with the arithmetic;
//! - meta: template placeholders left in, a closing date that cannot be read.
//!
//! All places are original byte ranges; the analyzer converts them with the rest.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::report::{Check, Part, Severity};

/// A check with an original byte range.
pub fn check(
    kind: &str,
    severity: Severity,
    message: String,
    range: Option<Range<usize>>,
) -> Check {
    Check {
        kind: kind.to_string(),
        severity,
        message,
        start: range.as_ref().map(|r| r.start),
        end: range.map(|r| r.end),
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

/// Checks on the heading structure.
pub fn outline_checks(headings: &[HeadingInfo]) -> Vec<Check> {
    let mut out = Vec::new();
    for h in headings {
        let parent_level = h.parent.map_or(0, |p| headings[p].level);
        if h.level > parent_level + 1 {
            out.push(check(
                "skipped_level",
                Severity::Info,
                format!(
                    "标题“{}{}”为第{}级，但上一级标题为第{}级：跳过了中间层级。",
                    h.marker, h.title, h.level, parent_level
                ),
                Some(h.range.clone()),
            ));
        }
        if h.no_separator {
            out.push(check(
                "missing_separator",
                Severity::Warning,
                format!(
                    "标题序号“{}”后缺少分隔符（应为“{}.”或“{}、”）。",
                    h.marker, h.number, h.number
                ),
                Some(h.range.clone()),
            ));
        }
        if h.title.chars().count() > 35 {
            out.push(check(
                "long_heading",
                Severity::Info,
                format!(
                    "标题过长（{}字），可能误将正文识别为标题，或标题需要精简。",
                    h.title.chars().count()
                ),
                Some(h.range.clone()),
            ));
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
                let (kind, what) = if h.number < expected {
                    ("duplicate_number", "重复或倒序")
                } else {
                    ("numbering_gap", "不连续")
                };
                out.push(check(
                    kind,
                    Severity::Warning,
                    format!(
                        "标题序号{}：此处为“{}”，按顺序应为第{}个。",
                        what,
                        h.marker.trim(),
                        expected
                    ),
                    Some(h.range.clone()),
                ));
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
            let list: Vec<String> = st.iter().map(|(s, n)| format!("“{s}”{n}处")).collect();
            let first_minor = st.iter().min_by_key(|(_, n)| **n).map(|(s, _)| s.clone());
            let place = headings
                .iter()
                .find(|h| h.level == level && Some(marker_style(&h.marker)) == first_minor)
                .map(|h| h.range.clone());
            out.push(check(
                "mixed_marker_style",
                Severity::Info,
                format!("第{level}级标题混用了不同的序号格式：{}。", list.join("、")),
                place,
            ));
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Checks for mandated parts without a heading.
pub fn part_checks(present: &[Part], year: Option<i32>) -> Vec<Check> {
    let mut required = vec![Part::Measures, Part::Shortcomings, Part::NextYear];
    if year.is_none_or(|y| y >= 2019) {
        required.insert(2, Part::ResponsiblePerson);
    }
    required
        .into_iter()
        .filter(|p| !present.contains(p))
        .map(|p| {
            check(
                "missing_part",
                Severity::Warning,
                format!(
                    "未找到年度报告应有的“{}”部分（没有对应的一级或二级标题）。",
                    p.name_zh()
                ),
                None,
            )
        })
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
        let kinds: Vec<String> = outline_checks(&hs).into_iter().map(|c| c.kind).collect();
        assert!(kinds.contains(&"skipped_level".to_string()));
        assert!(kinds.contains(&"numbering_gap".to_string()));
        assert!(kinds.contains(&"mixed_marker_style".to_string()));
    }

    #[test]
    fn responsible_person_required_from_2019() {
        assert_eq!(
            part_checks(
                &[Part::Measures, Part::Shortcomings, Part::NextYear],
                Some(2018)
            ),
            vec![]
        );
        assert_eq!(
            part_checks(
                &[Part::Measures, Part::Shortcomings, Part::NextYear],
                Some(2019)
            )
            .len(),
            1
        );
    }
}

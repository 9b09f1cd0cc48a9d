//! Stage 7 — framework: map sections to the mandated parts of an annual report and to the
//! task areas of the applicable 法治政府建设实施纲要.
//!
//! The catalogue is data (`data/framework.tsv`, with sources). **Parts** are read from a
//! heading's own words, at whatever level it stands: `三、存在的问题和2019年工作打算`
//! carries two; `（四）党政主要负责人履行第一责任人职责情况` under the measures part, or
//! `2.严格落实党政主要负责人履行推进法治建设第一责任人职责` under `（三）`, names the
//! 第一责任人 part. A top-level heading (no parent: `一、`, or a leading `（一）` in a report
//! that has no `一、`) may name a part with looser words (`三、2018年工作思路`); a heading
//! below it only with the part's own wording (`1.存在的不足和原因`, `2.下一步工作安排`), so
//! that a work item (`（三）推进重点工作`) is not read as a plan. A heading naming a year
//! after the report year is `next_year`; one naming the report year is not, unless its
//! words say it plans (`2023年工作计划` when the year read from the text is that of the
//! report's own date). A section with no part of its own reports what its parent does (the
//! second level of the outline inherits); the `一、` sections of a report without a
//! measures heading, before its first shortcomings or next-year section, report work done
//! and are `measures`; a leading `（一）` with no parent maps by its own title only. A
//! document that is not a report ([`DocKind::Other`]) has no mandated parts.
//!
//! **Tasks** are chosen by meaning, not exact wording: each task has keywords; a hit in the
//! title counts 3, a hit in the section body 1 (capped), and the best-scoring task wins
//! with a confidence from its margin over the runner-up. The catalogue follows the report
//! year: 2004 纲要 up to 2014, 2015–2020 纲要 for 2015–2020, 2021–2025 纲要 from 2021.
//! A section whose subsections map to two or more tasks is an umbrella and has none.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::knowledge;
use crate::outline::Outline;
use crate::report::{DocKind, Part};

/// Which 纲要 applies to a report about `year`.
pub fn catalogue_for(year: Option<i32>) -> &'static str {
    match year {
        Some(y) if y <= 2014 => "2004",
        Some(y) if y <= 2020 => "2015",
        _ => "2021",
    }
}

/// The parts a heading names, in catalogue order (empty when it names none); `top`: the
/// heading has no parent, where looser words name a part.
pub fn parts_of_title(title: &str, report_year: Option<i32>, top: bool) -> Vec<Part> {
    let mut parts: Vec<Part> = knowledge::part_rules()
        .iter()
        .filter(|r| (top || !r.top_only) && r.keywords.is_match(title))
        .map(|r| r.part)
        .collect();
    parts.sort();
    parts.dedup();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let year_re = YEAR
        .get_or_init(|| Regex::new(r"((?:19|20)[0-9]{2})\s*年").expect("year pattern is valid"));
    if let (Some(c), Some(ry)) = (year_re.captures(title), report_year) {
        if let Ok(y) = c[1].parse::<i32>() {
            if y > ry && !parts.contains(&Part::NextYear) {
                parts.push(Part::NextYear);
            }
            if y == ry {
                // `2019年重点工作完成情况` reports the year; `2019年工作计划` still plans
                // (the year read from a report's own date is often the next one).
                if parts.contains(&Part::Measures) {
                    parts.retain(|p| *p != Part::NextYear);
                }
                if parts.is_empty() && top {
                    parts.push(Part::Measures);
                }
            }
        }
    }
    // "工作情况" under a shortcomings heading is not a measures part.
    if parts.len() > 1 && parts.contains(&Part::Measures) {
        parts.retain(|p| *p != Part::Measures);
    }
    parts.sort();
    parts.dedup();
    parts
}

/// The best task of `catalogue_year` for a section, with a confidence in 0–1 (the
/// pipeline counts the body's matches with [`TaskMatches`]).
#[cfg(test)]
pub fn task_of(title: &str, body: &str, catalogue_year: &str) -> Option<(&'static str, f64)> {
    // At most 6 body matches count: stop scanning the body there.
    task_scored(title, catalogue_year, |_, e| {
        e.keywords.find_iter(body).take(BODY_MATCHES).count()
    })
}

/// Body matches of a task's words that count.
const BODY_MATCHES: usize = 6;

/// The best task of `catalogue_year` for a section titled `title`, with a confidence in
/// 0–1, the body's matches of each task (the `n`-th of the catalogue) counted by
/// `body_count` (at most [`BODY_MATCHES`]).
fn task_scored(
    title: &str,
    catalogue_year: &str,
    mut body_count: impl FnMut(usize, &knowledge::Task) -> usize,
) -> Option<(&'static str, f64)> {
    let mut scores: Vec<(&'static str, f64)> = knowledge::tasks()
        .iter()
        .filter(|e| e.catalogue == catalogue_year)
        .enumerate()
        .map(|(n, e)| {
            let t = e.keywords.find_iter(title).count() as f64 * 3.0;
            let b = body_count(n, e) as f64 / 3.0;
            (e.key, t + b)
        })
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, score) = *scores.first()?;
    let second = scores.get(1).map_or(0.0, |s| s.1);
    if score < 1.0 {
        return None;
    }
    let confidence =
        ((score - second) / score * 0.6 + (score / (score + 3.0)) * 0.4).clamp(0.05, 1.0);
    Some((best, (confidence * 100.0).round() / 100.0))
}

/// What a section is in the framework: the mandated parts it reports, the task area of
/// the 纲要 it belongs to, and how sure the mapping is.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionMapping {
    /// Mandated parts (the top two levels and headings that name one; none in a document
    /// that is not a report).
    pub parts: Vec<Part>,
    /// The parts the section reads as whatever the document's kind: what a figure in it
    /// is. A 政府工作报告 has no mandated parts, but its `二、2024年工作安排` still plans.
    pub reads_as: Vec<Part>,
    /// The task key of the applicable 纲要.
    pub task: Option<&'static str>,
    /// Confidence of the mapping, 0–1.
    pub confidence: f64,
}

/// The framework's reading of a whole outline, one mapping per heading.
#[derive(Debug, Clone, Default)]
pub struct Framework {
    /// One mapping per heading of the outline, in its order.
    pub sections: Vec<SectionMapping>,
}

impl Framework {
    /// What the section a heading belongs to reads as: its own parts when it has any, else
    /// its nearest ancestor's that has (a `1.` under `三、下一步工作安排` is next-year
    /// work), in any kind of document.
    pub fn enclosing_parts(&self, outline: &Outline, i: usize) -> &[Part] {
        let mut j = i;
        while self.sections[j].reads_as.is_empty() {
            match outline.parents[j] {
                Some(p) => j = p,
                None => break,
            }
        }
        &self.sections[j].reads_as
    }
}

/// The matches of each task's words in the whole text, found once and shared by the
/// bodies of all sections (a top-level section's body holds its subsections' bodies: each
/// was scanned once for itself and once more for its parent, for every task).
struct TaskMatches<'t> {
    text: &'t str,
    /// Per task of the catalogue (in its order), the matches in `text`, when found.
    found: Vec<Option<Vec<Range<usize>>>>,
}

impl<'t> TaskMatches<'t> {
    fn new(text: &'t str) -> Self {
        TaskMatches {
            text,
            found: Vec::new(),
        }
    }

    /// The matches of task `e` (the `n`-th) in `text[body]`, at most [`BODY_MATCHES`]: as
    /// a search of the body alone finds them. The words look at nothing around a match,
    /// so the whole text's matches inside the body are the body's own, unless a match
    /// crosses one of the body's ends (then, or for words that look around, the body is
    /// searched alone).
    fn count(&mut self, n: usize, e: &knowledge::Task, body: Range<usize>) -> usize {
        let alone = || {
            e.keywords
                .find_iter(&self.text[body.clone()])
                .take(BODY_MATCHES)
                .count()
        };
        if self.found.len() <= n {
            self.found.resize(n + 1, None);
        }
        let pattern = e.keywords.as_str();
        if pattern.contains(['^', '$', '\\']) {
            return alone();
        }
        let text = self.text;
        let all = self.found[n]
            .get_or_insert_with(|| e.keywords.find_iter(text).map(|m| m.range()).collect());
        let first = all.partition_point(|m| m.start < body.start);
        if first > 0 && all[first - 1].end > body.start {
            return alone();
        }
        let mut k = 0;
        for m in &all[first..] {
            if m.end > body.end || m.is_empty() {
                if m.start < body.end {
                    return alone();
                }
                break;
            }
            k += 1;
            if k == BODY_MATCHES {
                break;
            }
        }
        k
    }
}

/// The depth of each heading in the outline's tree (0: no parent).
fn depths(outline: &Outline) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(outline.parents.len());
    for p in &outline.parents {
        let d = p.map_or(0, |p| out[p] + 1);
        out.push(d);
    }
    out
}

/// Maps each heading of `outline` (headings in the analysis view `text`) to parts, task
/// and confidence; a document of `kind` other gets no parts and no tasks.
pub fn map_sections(text: &str, outline: &Outline, year: Option<i32>, kind: DocKind) -> Framework {
    let cat = catalogue_for(year);
    let depth = depths(outline);
    let mut out: Vec<SectionMapping> = Vec::with_capacity(outline.headings.len());
    let mut seen_later_part = false;
    let mut matches = TaskMatches::new(text);
    for (i, h) in outline.headings.iter().enumerate() {
        let title = &text[h.title.clone()];
        let own = parts_of_title(title, year, depth[i] == 0);
        let parts = if !own.is_empty() {
            own
        } else if let Some(p) = outline.parents[i].filter(|_| depth[i] == 1) {
            out[p].reads_as.clone()
        } else if depth[i] > 0 {
            Vec::new()
        } else if h.level == 1 && !seen_later_part {
            vec![Part::Measures]
        } else {
            vec![Part::Other]
        };
        if depth[i] == 0
            && parts
                .iter()
                .any(|p| matches!(p, Part::Shortcomings | Part::NextYear))
        {
            seen_later_part = true;
        }
        let (task, confidence) = if depth[i] > 1 {
            (None, if parts.is_empty() { 0.0 } else { 0.8 })
        } else {
            let body = h.title.end..outline.ends[i];
            match task_scored(title, cat, |n, e| matches.count(n, e, body.clone())) {
                Some((t, c))
                    if parts.contains(&Part::Measures) || parts.contains(&Part::NextYear) =>
                {
                    (Some(t), c)
                }
                _ => (
                    None,
                    if parts.contains(&Part::Other) {
                        0.3
                    } else {
                        0.8
                    },
                ),
            }
        };
        out.push(if kind == DocKind::Other {
            SectionMapping {
                parts: Vec::new(),
                reads_as: parts,
                task: None,
                confidence: 0.0,
            }
        } else {
            SectionMapping {
                parts: parts.clone(),
                reads_as: parts,
                task,
                confidence,
            }
        });
    }
    // An umbrella section (`一、2018年主要工作情况` over (一)…(八)) whose subsections map to
    // several tasks is about all of them, not about one.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); out.len()];
    for (j, p) in outline.parents.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(j);
        }
    }
    for (i, kids) in children.iter().enumerate() {
        let mut child_tasks: Vec<&str> = kids.iter().filter_map(|&j| out[j].task).collect();
        child_tasks.sort_unstable();
        child_tasks.dedup();
        if child_tasks.len() >= 2 {
            out[i].task = None;
        }
    }
    Framework { sections: out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_from_titles() {
        assert_eq!(
            parts_of_title("存在的问题和2019年工作打算", Some(2018), true),
            vec![Part::Shortcomings, Part::NextYear]
        );
        assert_eq!(
            parts_of_title("2018年主要工作情况", Some(2018), true),
            vec![Part::Measures]
        );
        assert_eq!(
            parts_of_title("2019年工作目标与计划", Some(2018), true),
            vec![Part::NextYear]
        );
        assert_eq!(
            parts_of_title(
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                Some(2022),
                true
            ),
            vec![Part::ResponsiblePerson]
        );
        assert_eq!(
            parts_of_title("推进法治政府建设的主要举措和成效", Some(2022), true),
            vec![Part::Measures]
        );
    }

    #[test]
    fn parts_below_the_top_only_by_their_own_wording() {
        let deep = |t: &str| parts_of_title(t, Some(2021), false);
        assert_eq!(
            deep("严格落实党政主要负责人履行推进法治建设第一责任人职责"),
            vec![Part::ResponsiblePerson]
        );
        assert_eq!(deep("存在的不足和原因"), vec![Part::Shortcomings]);
        assert_eq!(deep("下一步工作安排"), vec![Part::NextYear]);
        // Work items whose words would name a part in a top-level heading.
        assert_eq!(deep("推进重点工作"), vec![]);
        assert_eq!(deep("加强督察考核"), vec![]);
        assert_eq!(deep("深化改革取得新进展"), vec![]);
        assert_eq!(
            parts_of_title("深化改革取得新进展", Some(2021), true),
            vec![Part::Measures]
        );
    }

    #[test]
    fn a_plan_stays_a_plan_when_the_year_read_is_its_own() {
        // The year read from a report dated 2023 on the work of 2022 is 2023.
        assert_eq!(
            parts_of_title("2023年工作计划", Some(2023), true),
            vec![Part::NextYear]
        );
        assert_eq!(
            parts_of_title("2023年重点工作完成情况", Some(2023), true),
            vec![Part::Measures]
        );
        assert_eq!(
            parts_of_title("2023年法治政府建设", Some(2023), true),
            vec![Part::Measures]
        );
    }

    #[test]
    fn tasks_by_meaning() {
        assert_eq!(
            task_of("推进依法科学民主决策情况", "", "2021").map(|t| t.0),
            Some("行政决策制度体系")
        );
        assert_eq!(
            task_of("依法全面履行政府职能", "", "2015").map(|t| t.0),
            Some("依法全面履行政府职能")
        );
        assert_eq!(
            task_of("加强组织领导，落实保障措施", "", "2004").map(|t| t.0),
            Some("组织领导")
        );
    }
}

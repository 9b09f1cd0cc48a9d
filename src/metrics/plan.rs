//! Plans and results: the words around a figure that make it a target or a result.
//!
//! A figure is a plan when its sentence says so before it (`力争达到95%`, `计划完成造林
//! 2万亩`, `下一步将推动…不少于15名`: the `target` role of `data/words.tsv`), or its clause
//! after it (`距离90%的年度目标`, `到2025年建成50个…的规划`: `target_after`), or it is
//! dated to a year after the report's (`到2025年建成50个`: [`Found::plan_year`], judged
//! when the report year is known). It is a result when, after the last plan word, the text
//! says it is reached (`在今年已建成30个的基础上`: `target_undo`, `result_after`): such a
//! figure is no target even in the next-year part. Only the sentence up to its last `；`
//! counts (`…完成既定目标；…调阅量146万次` says nothing of the 146万次), and at most
//! [`super::context::SENTENCE_MAX`] bytes of it.

use std::sync::OnceLock;

use regex::Regex;

use super::context::Context;
use super::{Found, Plan};
use crate::knowledge::{self, Role};

/// A year written in full (`2025年`, `2025 年`).
fn year_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("valid year pattern"))
}

/// The last position of a word of `role` in `s`, if any.
fn last_of(s: &str, role: Role) -> Option<usize> {
    knowledge::words(role)
        .iter()
        .filter_map(|w| s.rfind(w).map(|i| i + w.len()))
        .max()
}

/// Marks the plans and results among `found`.
pub fn mark(ctx: &Context<'_>, found: &mut [Found]) {
    let text = ctx.text;
    for f in found.iter_mut().filter(|f| f.cell.is_none()) {
        let start = ctx.sentence_start(f.raw.start);
        let mut before = &text[start..f.raw.start];
        if let Some(i) = before.rfind('；') {
            before = &before[i + '；'.len_utf8()..];
        }
        ctx.tick(before.len() / 16 + 1);
        let after = &text[f.raw.end..ctx.comma_end(f.raw.end).max(f.raw.end)];
        let plan = last_of(before, Role::Target);
        let undo = last_of(before, Role::TargetUndo);
        f.plan = if knowledge::contains_any(after, Role::ResultAfter) {
            Plan::Reached
        } else if knowledge::contains_any(after, Role::TargetAfter) {
            Plan::Planned
        } else {
            match (plan, undo) {
                (Some(p), Some(u)) if u > p => Plan::Reached,
                (Some(_), _) => Plan::Planned,
                (None, Some(_)) => Plan::Reached,
                (None, None) => Plan::Unmarked,
            }
        };
        let year = year_regex()
            .captures_iter(before)
            .filter_map(|c| Some((c.get(0)?.end(), c[1].parse::<i32>().ok()?)))
            .last();
        // `按照到2025年…的规划，今年新创建8个`: this year's figure.
        let this_year = last_of(before, Role::ThisYear);
        f.plan_year = year
            .filter(|(at, _)| this_year.is_none_or(|t| t < *at))
            .map(|(_, y)| y);
    }
}

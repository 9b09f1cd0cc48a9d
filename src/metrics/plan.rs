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

//!
//! The words are found once for the whole text, in one pass of one regex, and each figure
//! looks up the last one before it in its sentence by binary search: the pass is linear
//! whatever the sentences' length.

use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::meta;

use super::context::Context;
use super::{Found, Plan};
use crate::knowledge::{self, Role};

/// The roles the plan reader looks for, in the order of the regex's groups (a word of two
/// roles counts for the first: 计划 before a figure plans it, and after it too).
const ROLES: [Role; 5] = [
    Role::Target,
    Role::TargetUndo,
    Role::ThisYear,
    Role::TargetAfter,
    Role::ResultAfter,
];
/// The mark of a year in [`Marks`].
const YEAR: usize = ROLES.len();

/// One search for every plan word and full year: pattern 0 is a year (`2025年`), pattern
/// `n + 1` the words of `ROLES[n]`. Patterns are tried in that order at each position, as
/// the branches of one alternation would be (a word of two roles counts for the first).
///
/// Without a literal prefilter: the prefilter of these 26 words and the year's digits
/// (Teddy on the first bytes of their UTF-8, shared by most Chinese characters) stopped at
/// nearly every character and was verified there, slower than the lazy DFA alone
/// (17 → 11 ms on the 5 MB of government work reports). `regex` has no switch for it;
/// `regex_automata`'s meta regex, the engine under it, has.
fn words_regex() -> &'static meta::Regex {
    static RE: OnceLock<meta::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut patterns = vec![r"(?:19|20)[0-9]{2}\s*年".to_string()];
        for role in ROLES {
            let mut words: Vec<&str> = knowledge::words(role).to_vec();
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            let alternation: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
            patterns.push(alternation.join("|"));
        }
        meta::Regex::builder()
            .configure(meta::Config::new().auto_prefilter(false))
            .build_many(&patterns)
            .expect("plan words make a valid regex")
    })
}

/// Where each plan word and year stands in the text.
struct Marks {
    /// (end of the word, index into `ROLES` or `YEAR`, the year), in text order.
    at: Vec<(usize, usize, i32)>,
}

impl Marks {
    fn new(text: &str) -> Marks {
        let at = words_regex()
            .find_iter(text)
            .filter_map(|m| match m.pattern().as_usize() {
                0 => {
                    // The year is the match without its `\s*年`.
                    let digits = text[m.range()].strip_suffix('年')?.trim_end();
                    Some((m.end(), YEAR, digits.parse().ok()?))
                }
                n => Some((m.end(), n - 1, 0)),
            })
            .collect();
        Marks { at }
    }

    /// The marks ending in `r`, in text order.
    fn within(&self, r: Range<usize>) -> &[(usize, usize, i32)] {
        let a = self.at.partition_point(|m| m.0 <= r.start);
        let b = self.at.partition_point(|m| m.0 <= r.end);
        &self.at[a..b.max(a)]
    }
}

/// Marks the plans and results among `found`; the parts of each breakdown after its total
/// are what the total is (`清理涉企政策文件63件，其中拟修改21件` are results, `今年拟安排
/// 赤字2.18万亿元，其中中央财政赤字1.4万亿元` plans).
pub fn mark(ctx: &Context<'_>, found: &mut [Found], breakdowns: &[super::Breakdown]) {
    let text = ctx.text;
    let marks = Marks::new(text);
    for f in found.iter_mut().filter(|f| !f.cell) {
        let sentence = ctx.sentence_start(f.raw().start);
        // Only the sentence after its last `；` — unless a plan word heads a list after a
        // colon (`主要预期目标是：国内生产总值增长6%左右；城镇新增就业1100万人`).
        let head = &text[sentence..f.raw().start];
        let colon = head.rfind('：').map(|i| sentence + i);
        let listed = colon.is_some_and(|c| {
            marks
                .within(sentence..c + '：'.len_utf8())
                .iter()
                .any(|m| m.1 == 0)
        });
        let start = match head.rfind('；') {
            Some(i) if !listed => sentence + i + '；'.len_utf8(),
            _ => sentence,
        };
        let before = marks.within(start..f.raw().start);
        // After the figure, a plan word counts after a 的 (`90%的年度目标`).
        let clause_end = ctx.comma_end(f.raw().end).max(f.raw().end);
        let after: &[(usize, usize, i32)] = match text[f.raw().end..clause_end].find('的') {
            Some(de) => marks.within(f.raw().end + de..clause_end),
            None => &[],
        };
        let after_result = marks
            .within(f.raw().end..clause_end)
            .iter()
            .any(|m| m.1 == 4);
        ctx.tick(before.len() + after.len() + 1);
        let last = |n: usize| before.iter().rev().find(|m| m.1 == n).map(|m| m.0);
        let (plan, undo) = (last(0), last(1));
        f.plan = if after_result {
            Plan::Reached
        } else if after.iter().any(|m| m.1 == 3 || m.1 == 0) {
            Plan::Planned
        } else {
            match (plan, undo) {
                (Some(p), Some(u)) if u > p => Plan::Reached,
                (Some(_), _) => Plan::Planned,
                (None, Some(_)) => Plan::Reached,
                (None, None) => Plan::Unmarked,
            }
        };
        // `按照到2025年…的规划，今年新创建8个`: this year's figure.
        let year = before.iter().rev().find(|m| m.1 == YEAR);
        let this_year = last(2);
        f.set_plan_year(
            year.filter(|y| this_year.is_none_or(|t| t < y.0))
                .map(|y| y.2),
        );
    }
    for b in breakdowns {
        let (plan, year) = (found[b.total].plan, found[b.total].plan_year());
        for &p in b.parts.iter().filter(|&&p| p > b.total) {
            ctx.tick(1);
            if !found[p].cell {
                found[p].plan = plan;
                let own = found[p].plan_year();
                found[p].set_plan_year(own.or(year));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plans(text: &str) -> Vec<(String, Plan, Option<i32>)> {
        let ctx = Context::new(text, &[]);
        let mut found = super::super::extract::scan(&ctx);
        mark(&ctx, &mut found, &[]);
        found
            .into_iter()
            .map(|f| (text[f.raw()].to_string(), f.plan, f.plan_year()))
            .collect()
    }

    #[test]
    fn plan_words_before_and_after_a_figure() {
        let got = plans("力争森林覆盖率达到64.2%，计划完成造林2万亩；行政执法案卷优秀率距离90%的年度目标仍有差距。");
        assert_eq!(got[0].1, Plan::Planned);
        assert_eq!(got[1].1, Plan::Planned);
        assert_eq!(got[2].1, Plan::Planned, "的年度目标 after it");
    }

    #[test]
    fn a_figure_already_reached_is_no_target() {
        let got = plans(
            "在今年已建成30个的基础上，力争再创建10个。在接入比例达到92%的基础上，计划全覆盖。",
        );
        assert_eq!(got[0].1, Plan::Reached);
        assert_eq!(got[1].1, Plan::Planned);
        assert_eq!(got[2].1, Plan::Reached);
    }

    #[test]
    fn a_plan_word_speaks_for_its_own_statement_only() {
        // 目标 ends a statement at `；`; the figure after it is a result.
        let got = plans("达到92%，确保完成；基层实现全覆盖，调阅量146万次。");
        assert_eq!(got[1].1, Plan::Unmarked);
    }

    #[test]
    fn a_plan_word_before_a_colon_heads_its_whole_list() {
        let got =
            plans("今年发展的主要预期目标是：国内生产总值增长6%左右；城镇新增就业1100万人以上。");
        assert!(got.iter().all(|g| g.1 == Plan::Planned), "{got:?}");
    }

    #[test]
    fn parts_are_what_their_total_is() {
        let text = "清理涉企政策文件63件，其中拟修改21件、拟废止9件。";
        let ctx = Context::new(text, &[]);
        let mut found = super::super::extract::scan(&ctx);
        let b = super::super::sums::find(&ctx, &found, Vec::new());
        mark(&ctx, &mut found, &b);
        assert!(found.iter().all(|f| f.plan == Plan::Unmarked), "{found:?}");
    }

    #[test]
    fn a_year_dates_a_figure_unless_this_year_comes_between() {
        let got = plans("按照到2025年建成50个示范村的规划，今年新创建8个。");
        assert_eq!(got[0].2, Some(2025));
        assert_eq!(got[1].2, None, "今年 dates 8个 to the report's year");
    }
}

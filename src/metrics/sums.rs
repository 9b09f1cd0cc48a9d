//! Breakdowns: totals linked to their parts, in one pass per kind of cue.
//!
//! Reports state a breakdown in a handful of ways, and each is a cue in the text:
//!
//! - **parts after a cue** (`parts_follow` of `data/words.tsv`): `共收到申请268件，其中受理
//!   241件、不予受理19件、告知向其他机关申请8件`; `分别为98家、143家、14家`; a sentence
//!   opening with `其中，` or `按领域分，` whose total is in the sentence before. The total
//!   is the nearest figure before the cue (in its sentence, or the one before when the cue
//!   opens the sentence) that parts of its unit family follow, preferring one the parts
//!   add up to; the parts are the figures of that family up to the end of the list (the
//!   sentence, or a `；` that opens a long new statement, or `另有…`, which adds to the
//!   total rather than splitting it).
//! - **a subset**: `全县7个乡镇林业站中有3个…`, `已审结的229件中，维持152件、…`,
//!   `办结的信访事项中按期办结128件` (the total named by its verb in the clause before).
//! - **the total after its parts**: `…126起、…84起、…37起，共计247起`, `分别为412人、386人、
//!   297人，合计1105人` — only a bare `共计`/`合计`, never `共审结48件`, where 共 goes with
//!   the verb.
//! - **the rest**: `受理57件，办结54件，另有3件正在调查核实`, `调处成功114件，其余六件…`,
//!   `已审结的229件中…；另有12件正在审理` (the 229 and the 12 make up the 受理241件 of
//!   the sentence before): a total before whose value the figures between add up to.
//! - **an exact list**: `清理规范性文件214件，决定继续有效的166件、废止31件、宣布失效17件`,
//!   `受理案件20件…。已办结18起、在办2起`: figures right after a total that add up to it
//!   exactly, with no cue; linked only when they do.
//! - **tables and total lines**: the columns and rows of a table with 合计
//!   ([`super::tables`]), and `合计：X件` on a line after lines of one figure each.
//!
//! Units add up within their family (`data/units.txt`: 件, 起 and 宗 are cases; 人, 名
//! and 位 persons); shares, ranges, periods, ages and changes never. A stated breakdown
//! is judged: approximate figures (约, 余) are never summed as exact; a list that ends in
//! 等, or has one part, is a selection (no verdict); a list that falls short of its total
//! by more than [`SELECTION_SHORTFALL`] is a selection too (`其中制造业贷款…、续贷…` of all
//! loans), unless a catch-all part (`其他`) or a total row says it is complete; anything
//! else must add up.
//!
//! Every look back or ahead is bounded (a sentence, a few figures), so the pass is linear.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::context::Context;
use super::extract::round6;
use super::Found;
use crate::knowledge::{self, Role};

/// A list that falls short of its total by more than this share of it is a selection.
pub const SELECTION_SHORTFALL: f64 = 0.05;
/// How many figures back a total is looked for.
const TOTAL_BACK: usize = 6;
/// How many figures a list of parts takes at most.
const PARTS_MAX: usize = 32;

/// A total and its parts, as indices into the metrics list.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// Index of the total.
    pub total: usize,
    /// Indices of the parts.
    pub parts: Vec<usize>,
    /// The parts added up.
    pub sum: f64,
    /// Whether they add up; `None` when a value is approximate or the list is partial.
    pub consistent: Option<bool>,
    /// The list is a selection of the total (`其中制造业中长期贷款新增1124亿元…`), not
    /// all of it.
    pub partial: bool,
}

/// How a list of parts was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// A table row or column, or a total after its parts: all of it.
    Complete,
    /// After `其中` or a subset: complete unless it is a selection.
    Listed,
    /// Found because it adds up: consistent by construction.
    Exact,
    /// A subset (`229件中，维持152件、…`): its parts may overlap (statuses of the same
    /// projects), so only parts that add up exactly are judged.
    Subset,
}

/// Whether a figure of the running text can be a total or a part: an amount or a count,
/// not a range, a change or a figure per head (table cells are linked by their table only).
fn summable(text: &str, f: &Found) -> bool {
    !f.cell
        && matches!(
            f.unit_kind(),
            "count" | "money" | "area" | "length" | "weight" | "volume" | "energy" | "power"
        )
        && f.value_max().is_none()
        && !knowledge::contains_any(&text[f.clause()], Role::Change)
        // `每千人6.6批次`, `人均2.8次`: a figure per head is no total and no part.
        && !text[f.clause()].contains(['每'])
        && !text[f.clause()].contains("人均")
}

/// Whether two figures add up together.
fn same_family(a: &Found, b: &Found) -> bool {
    a.family() == b.family() && a.unit_kind() == b.unit_kind()
}

/// The judged breakdown.
pub fn judge(
    text: &str,
    found: &[Found],
    total: usize,
    parts: Vec<usize>,
    claim: Claim,
    partial_cue: bool,
) -> Breakdown {
    let sum = round6(parts.iter().map(|&i| found[i].value).sum());
    let approximate = std::iter::once(total)
        .chain(parts.iter().copied())
        .any(|i| found[i].qualifier.is_some());
    verdict(
        text,
        found,
        total,
        parts,
        sum,
        approximate,
        claim,
        partial_cue,
    )
}

/// The breakdown of `parts` that add up to `sum` judged against `total`.
#[allow(clippy::too_many_arguments)]
fn verdict(
    text: &str,
    found: &[Found],
    total: usize,
    parts: Vec<usize>,
    sum: f64,
    approximate: bool,
    claim: Claim,
    partial_cue: bool,
) -> Breakdown {
    let total_value = found[total].value;
    let catch_all = || {
        parts.iter().any(|&i| {
            let clause = &text[found[i].clause()];
            knowledge::contains_any(clause, Role::CatchAll)
        })
    };
    let equal = (sum - total_value).abs() <= 1e-6 * total_value.abs().max(1.0);
    let short = sum < total_value && !equal;
    let partial = short
        && match claim {
            Claim::Complete | Claim::Exact => false,
            Claim::Subset => true,
            Claim::Listed => {
                !catch_all()
                    && (partial_cue
                        || parts.len() < 2
                        || sum < total_value * (1.0 - SELECTION_SHORTFALL))
            }
        };
    let overlapping = claim == Claim::Subset && !equal;
    let consistent = if approximate || partial || overlapping {
        None
    } else {
        Some(equal)
    };
    Breakdown {
        total,
        parts,
        sum,
        consistent,
        partial,
    }
}

fn cue_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut words: Vec<&str> = knowledge::words(Role::PartsFollow).to_vec();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let alternation: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        Regex::new(&alternation.join("|")).expect("cue words make a valid regex")
    })
}

/// Index range of the figures starting in `r`.
fn within(found: &[Found], r: Range<usize>) -> Range<usize> {
    found.partition_point(|f| f.raw().start < r.start)
        ..found.partition_point(|f| f.raw().start < r.end)
}

/// Index ranges of the figures starting in each of `ranges` (in text order, apart): one
/// merge of the two lists.
fn within_each(found: &[Found], ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut i = 0;
    ranges
        .iter()
        .map(|r| {
            while found.get(i).is_some_and(|f| f.raw().start < r.start) {
                i += 1;
            }
            let start = i;
            while found.get(i).is_some_and(|f| f.raw().start < r.end) {
                i += 1;
            }
            start..i
        })
        .collect()
}

/// Every breakdown of the text; `links` are those of tables.
pub fn find(ctx: &Context<'_>, found: &[Found], links: Vec<super::tables::Link>) -> Vec<Breakdown> {
    let text = ctx.text;
    let ok: Vec<bool> = found.iter().map(|f| summable(text, f)).collect();
    let mut out: Vec<Breakdown> = Vec::new();
    let mut is_part = vec![false; found.len()];
    // The breakdowns of each total (indices into `out`): one found twice is kept once.
    let mut seen: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
    let mut push = |b: Breakdown, out: &mut Vec<Breakdown>, is_part: &mut Vec<bool>| {
        let of_total = seen.entry(b.total).or_default();
        if of_total.iter().any(|&j| out[j].parts == b.parts) {
            return;
        }
        of_total.push(out.len());
        for &p in &b.parts {
            is_part[p] = true;
        }
        out.push(b);
    };
    for l in links {
        // A table's parts are exact and complete; their sum comes with them.
        let b = verdict(
            text,
            found,
            l.total,
            l.parts,
            round6(l.sum),
            false,
            Claim::Complete,
            false,
        );
        push(b, &mut out, &mut is_part);
    }
    for b in after_cues(ctx, found, &ok) {
        push(b, &mut out, &mut is_part);
    }
    for b in subsets(ctx, found, &ok) {
        push(b, &mut out, &mut is_part);
    }
    for b in totals_after(ctx, found, &ok) {
        push(b, &mut out, &mut is_part);
    }
    for b in total_lines(ctx, found) {
        push(b, &mut out, &mut is_part);
    }
    for b in rests(ctx, found, &ok, &is_part) {
        push(b, &mut out, &mut is_part);
    }
    let totals: Vec<bool> = {
        let mut t = vec![false; found.len()];
        for b in &out {
            t[b.total] = true;
        }
        t
    };
    for b in exact_lists(ctx, found, &ok, &is_part, &totals) {
        push(b, &mut out, &mut is_part);
    }
    out.sort_by_key(|b| found[b.total].raw().start);
    out
}

/// Where the list of parts after a cue at `from` ends: the sentence end, the next cue, a
/// `；` that opens a long new statement (`其中：行政许可89项；行政审批97项；…` goes on),
/// a clause opening with `另有` (it adds to the total rather than splitting it), or a clause
/// after a comma that is not another part: a part is a short label and its figure
/// (`其中，网上信访87件，来信29件，来访16件`), never a new verb (`其中高铁370公里，新增
/// 高速公路2600公里` ends at the comma).
fn list_end(ctx: &Context<'_>, found: &[Found], from: usize, next_cue: usize) -> usize {
    let text = ctx.text;
    let sentence_end = ctx.sentence_end(from).min(next_cue).max(from);
    let mut end = from;
    let mut items = 0;
    for statement in text[from..sentence_end].split_inclusive('；') {
        ctx.tick(1);
        let item = statement.trim_end_matches('；').trim();
        if items > 0 && statement.ends_with('；') && item.chars().count() > 15 {
            break;
        }
        let mut clauses = 0;
        let mut stop = false;
        for clause in statement.split_inclusive('，') {
            ctx.tick(1);
            let c = clause.trim_end_matches(['，', '；']).trim();
            if c.is_empty() {
                end += clause.len();
                continue;
            }
            if items + clauses > 0 {
                if knowledge::starting_with(c, Role::CatchAll).is_some_and(|w| w == "另有") {
                    stop = true;
                    break;
                }
                // After a comma or a `；`, only another part: a short label, its figure and
                // nothing more (`来信29件`; not `新增高速公路2600公里` nor
                // `苏联为我国设计的156个重要项目中`).
                let at = end + (clause.len() - clause.trim_start().len());
                let figure = within(found, at..at + c.len())
                    .next()
                    .map(|i| found[i].raw());
                let part = figure.is_some_and(|r| {
                    let label = text[at..r.start].trim();
                    // A verb with a noun after it opens a statement of its own; a verb
                    // alone names an outcome (`撤销2件`).
                    let verb = knowledge::starting_with(label, Role::Verb)
                        .or_else(|| {
                            knowledge::verbs()
                                .iter()
                                .filter(|v| v.chars().count() >= 2 && label.starts_with(**v))
                                .max_by_key(|v| v.len())
                                .copied()
                        })
                        .is_some_and(|v| v.len() < label.len());
                    label.chars().count() <= 16
                        && text[r.end..at + c.len()].trim().is_empty()
                        && !verb
                });
                if !part {
                    stop = true;
                    break;
                }
            }
            clauses += 1;
            end += clause.len();
        }
        items += 1;
        if stop {
            break;
        }
    }
    end
}

/// Whether a partial cue (`等`, `主要有`) stands in `r`.
fn has_partial_cue(text: &str, r: Range<usize>) -> bool {
    let s = &text[r];
    knowledge::words(Role::PartialCue)
        .iter()
        .any(|w| s.contains(w))
}

/// `其中`, `分别为`, `按领域分`: the parts follow the cue, the total stands before it.
fn after_cues(ctx: &Context<'_>, found: &[Found], ok: &[bool]) -> Vec<Breakdown> {
    let text = ctx.text;
    let cues: Vec<Range<usize>> = cue_regex().find_iter(text).map(|m| m.range()).collect();
    let mut out = Vec::new();
    for (n, cue) in cues.iter().enumerate() {
        let next_cue = cues.get(n + 1).map_or(text.len(), |c| c.start);
        let end = list_end(ctx, found, cue.end, next_cue);
        let after = within(found, cue.end..end);
        // The total: in the cue's sentence, or the one before when the cue opens it.
        let sentence = ctx.sentence_start(cue.start);
        let opens = text[sentence..cue.start].trim().is_empty();
        let floor = if opens && sentence > 0 {
            ctx.sentence_start(sentence - 1)
        } else {
            sentence
        };
        let before = within(found, floor..cue.start);
        let mut best: Option<(usize, Vec<usize>, bool)> = None;
        for t in before.clone().rev().take(TOTAL_BACK) {
            ctx.tick(1);
            let total = &found[t];
            if !ok[t] || cue.start - total.raw().end > 240 {
                continue;
            }
            let parts: Vec<usize> = after
                .clone()
                .filter(|&i| ok[i] && same_family(&found[i], total))
                .take(PARTS_MAX)
                .collect();
            ctx.tick(parts.len());
            if parts.is_empty() {
                continue;
            }
            let sum: f64 = parts.iter().map(|&i| found[i].value).sum();
            let equal = (sum - total.value).abs() <= 1e-6 * total.value.max(1.0);
            let fits = total.value + 1e-6 >= sum;
            let better = match &best {
                None => true,
                Some((_, _, best_fits)) => fits && !best_fits,
            };
            if better {
                best = Some((t, parts, fits));
            }
            if equal {
                break;
            }
        }
        if let Some((total, parts, _)) = best {
            let last = parts.last().map_or(end, |&p| found[p].raw().end);
            let tail = last..ctx.clause_end(last).max(last);
            let partial = has_partial_cue(text, tail)
                || has_partial_cue(text, cue.end..found[parts[0]].raw().start);
            out.push(judge(text, found, total, parts, Claim::Listed, partial));
        }
    }
    out
}

/// `7个乡镇林业站中有3个`, `已审结的229件中，维持…`, `办结的信访事项中按期办结128件`.
fn subsets(ctx: &Context<'_>, found: &[Found], ok: &[bool]) -> Vec<Breakdown> {
    let text = ctx.text;
    let mut out = Vec::new();
    for (t, total) in found.iter().enumerate() {
        if !ok[t] {
            continue;
        }
        // The figure, a short noun phrase, then 中 before a clause break or 有/仅.
        let clause_end = ctx.clause_end(total.raw().end);
        let tail = &text[total.raw().end..clause_end.max(total.raw().end)];
        let Some(at) = tail.find('中') else { continue };
        if tail[..at].chars().count() > 10 {
            continue;
        }
        let after_mark = &tail[at + '中'.len_utf8()..];
        if !(after_mark.is_empty()
            || after_mark.starts_with(['有', '仅', '只', '尚', '仍', '还', '共']))
        {
            continue;
        }
        let from = total.raw().end + at + '中'.len_utf8();
        // A `其中` inside the subset opens a breakdown of its own (`…项目中，电站有一百个，
        // 其中火力电站是七十六个`).
        let cue = cue_regex()
            .find(&text[from..ctx.sentence_end(from).max(from)])
            .map_or(text.len(), |m| from + m.start());
        let end = list_end(ctx, found, from, cue);
        let parts: Vec<usize> = within(found, from..end)
            .filter(|&i| ok[i] && same_family(&found[i], total))
            .take(PARTS_MAX)
            .collect();
        ctx.tick(parts.len() + 1);
        if parts.is_empty() {
            continue;
        }
        let partial = has_partial_cue(text, from..end);
        out.push(judge(text, found, t, parts, Claim::Subset, partial));
    }
    // `办结的信访事项中按期办结128件`: a clause `V的N中` names the total by its verb.
    for (p, part) in found.iter().enumerate() {
        if !ok[p] {
            continue;
        }
        let start = ctx.comma_start(part.raw().start);
        let head = &text[start..part.raw().start];
        let (Some(de), Some(zhong)) = (head.find('的'), head.find('中')) else {
            continue;
        };
        if de > zhong || de == 0 || head[..de].chars().count() > 6 {
            continue;
        }
        let verb = &head[..de];
        let verb: String = verb
            .chars()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let sentence = ctx.sentence_index(part.raw().start);
        let total = found[..p]
            .iter()
            .enumerate()
            .rev()
            .take(TOTAL_BACK)
            .take_while(|(_, f)| sentence - ctx.sentence_index(f.raw().start) <= 1)
            .find(|(k, f)| {
                ok[*k]
                    && same_family(f, part)
                    && text[ctx.comma_start(f.raw().start)..f.raw().start].contains(verb.as_str())
            })
            .map(|(i, _)| i);
        if let Some(t) = total {
            out.push(judge(text, found, t, vec![p], Claim::Subset, false));
        }
    }
    out
}

/// `A 126起、B 84起、C 37起，共计247起`: a bare total word after a run of parts.
fn totals_after(ctx: &Context<'_>, found: &[Found], ok: &[bool]) -> Vec<Breakdown> {
    let text = ctx.text;
    let mut out = Vec::new();
    for t in 1..found.len() {
        let total = &found[t];
        if !ok[t] {
            continue;
        }
        let clause = text[ctx.clause_start(total.raw().start)..total.clause().end].trim();
        if !knowledge::words(Role::TotalWord).contains(&clause) {
            continue;
        }
        let sentence = ctx.sentence_start(total.raw().start);
        let mut parts = Vec::new();
        for p in (0..t).rev().take(PARTS_MAX) {
            ctx.tick(1);
            let f = &found[p];
            if f.raw().start < sentence || !same_family(f, total) || !ok[p] {
                break;
            }
            parts.push(p);
        }
        if parts.len() >= 2 {
            parts.reverse();
            out.push(judge(text, found, t, parts, Claim::Complete, false));
        }
    }
    out
}

/// `合计：X件` (or 共计/总计) on its own line after lines that each state one figure of
/// its family: those figures are its parts.
fn total_lines(ctx: &Context<'_>, found: &[Found]) -> Vec<Breakdown> {
    let text = ctx.text;
    let lines = crate::text::line_ranges(text);
    // The figures of each line, by index range (found is in text order).
    let per_line = within_each(found, &lines);
    let is_total = |l: &Range<usize>| {
        let line = text[l.clone()].trim_start();
        knowledge::words(Role::TotalLabel)
            .iter()
            .any(|w| line.starts_with(w))
    };
    let mut out = Vec::new();
    for (n, l) in lines.iter().enumerate() {
        if per_line[n].len() != 1 || !is_total(l) {
            continue;
        }
        let total = per_line[n].start;
        let mut parts = Vec::new();
        for m in (0..n).rev().take(PARTS_MAX) {
            ctx.tick(1);
            let r = &per_line[m];
            if r.len() != 1 || is_total(&lines[m]) || !same_family(&found[r.start], &found[total]) {
                break;
            }
            parts.push(r.start);
        }
        if parts.len() >= 2 {
            parts.reverse();
            out.push(judge(text, found, total, parts, Claim::Complete, false));
        }
    }
    out
}

/// `受理57件，办结54件，另有3件…`: the rest closes a breakdown whose total is the
/// figure before that the figures between, and the rest, add up to.
fn rests(ctx: &Context<'_>, found: &[Found], ok: &[bool], is_part: &[bool]) -> Vec<Breakdown> {
    let text = ctx.text;
    let mut out = Vec::new();
    for (r, rest) in found.iter().enumerate() {
        if is_part[r] || !ok[r] {
            continue;
        }
        let clause = &text[ctx.comma_start(rest.raw().start)..rest.raw().start];
        if knowledge::starting_with(clause.trim_start(), Role::CatchAll).is_none() {
            continue;
        }
        let sentence = ctx.sentence_index(rest.raw().start);
        let mut between: Vec<usize> = Vec::new();
        let mut sum = rest.value;
        for t in (0..r).rev().take(PARTS_MAX) {
            ctx.tick(1);
            let f = &found[t];
            if sentence - ctx.sentence_index(f.raw().start) > 1 {
                break;
            }
            if !ok[t] || !same_family(f, rest) {
                continue;
            }
            if !between.is_empty() && (f.value - sum).abs() <= 1e-6 * f.value.max(1.0) {
                let mut parts = between.clone();
                parts.reverse();
                parts.push(r);
                out.push(judge(text, found, t, parts, Claim::Exact, false));
                break;
            }
            if !is_part[t] {
                between.push(t);
                sum += f.value;
            }
            if between.len() > 6 {
                break;
            }
        }
    }
    out
}

/// Figures right after a total that add up to it exactly, with no cue.
fn exact_lists(
    ctx: &Context<'_>,
    found: &[Found],
    ok: &[bool],
    is_part: &[bool],
    is_total: &[bool],
) -> Vec<Breakdown> {
    let text = ctx.text;
    let mut out = Vec::new();
    for (t, total) in found.iter().enumerate() {
        if is_total[t] || !ok[t] || total.qualifier.is_some() || total.value <= 0.0 {
            continue;
        }
        let sentence = ctx.sentence_index(total.raw().start);
        let mut parts = Vec::new();
        let mut sum = 0.0;
        for (p, f) in found.iter().enumerate().skip(t + 1).take(8) {
            ctx.tick(1);
            if ctx.sentence_index(f.raw().start) - sentence > 1 {
                break;
            }
            if !ok[p] || !same_family(f, total) {
                continue;
            }
            if is_part[p] || f.qualifier.is_some() {
                break;
            }
            parts.push(p);
            sum += f.value;
            if parts.len() >= 2 && (sum - total.value).abs() <= 1e-6 * total.value {
                out.push(judge(text, found, t, parts.clone(), Claim::Exact, false));
                break;
            }
            if sum > total.value {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::extract::scan;
    use super::*;

    fn sums(text: &str) -> Vec<(f64, Vec<f64>, Option<bool>)> {
        let ctx = Context::new(text, &[]);
        let found = scan(&ctx);
        find(&ctx, &found, Vec::new())
            .into_iter()
            .map(|b| {
                (
                    found[b.total].value,
                    b.parts.iter().map(|&p| found[p].value).collect(),
                    b.consistent,
                )
            })
            .collect()
    }

    #[test]
    fn a_list_of_parts_ends_where_a_new_statement_begins() {
        // `，新增…` opens a statement of its own: 370 is all the list.
        assert_eq!(
            sums("新增铁路运营里程639公里，其中高铁370公里，新增高速公路2600公里、农村公路3000公里。"),
            vec![(639.0, vec![370.0], None)]
        );
        // Parts after commas are parts when they are a label and a figure.
        assert_eq!(
            sums("共收到涉法涉诉信访事项132件。其中，网上信访87件，来信29件，来访16件，均已转送。"),
            vec![(132.0, vec![87.0, 29.0, 16.0], Some(true))]
        );
    }

    #[test]
    fn a_subset_whose_parts_overlap_is_not_judged() {
        // Statuses of the same projects: 17 + 12 + 22 + 103 is no partition of 156.
        assert_eq!(
            sums("苏联为我国设计的156个重要项目中，除了17个项目已经完工，12个项目已经部分投产以外，本年内开始建设的22个，继续建设的103个。")
                .iter()
                .map(|s| s.2)
                .collect::<Vec<_>>(),
            vec![None]
        );
        // The rest after a subset: 241 = 229 + 12.
        let got = sums("共收到申请268件，其中受理241件、不予受理19件、告知向其他机关申请8件。已审结的229件中，维持152件、撤销21件、驳回56件；另有12件正在审理。");
        assert!(
            got.contains(&(241.0, vec![229.0, 12.0], Some(true))),
            "{got:?}"
        );
        assert!(
            got.contains(&(229.0, vec![152.0, 21.0, 56.0], Some(true))),
            "{got:?}"
        );
    }

    #[test]
    fn figures_per_head_and_parallel_figures_are_no_breakdown() {
        assert!(sums("食品抽检量超每千人6.6批次，其中抽检超5万批次。").is_empty());
        // `分别` pairs figures with names; they are no parts of the figure before.
        assert!(sums(
            "完成新建、重组11家全国重点实验室，国家级、部级创新平台分别达到22家、182家。"
        )
        .is_empty());
    }

    #[test]
    fn a_total_after_its_parts_needs_a_bare_total_word() {
        assert_eq!(
            sums("大型、中型、小型水库分别为3座、18座、105座，共计126座。"),
            vec![(126.0, vec![3.0, 18.0, 105.0], Some(true))]
        );
        assert!(sums("新收案件45件，连同上年结转的7件，共审结48件。").is_empty());
    }
}

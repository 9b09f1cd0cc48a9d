//! Stated rates recomputed from the counts the text names.
//!
//! A rate is named after what it counts: `办结率` counts what was 办结, `按期办结率` what
//! was 按期办结, `败诉率` the cases lost. The numerator is the nearest figure before the
//! rate whose clause names that action, the longest name first (`按期办结128件` before
//! `办结135件` for 按期办结率). The denominator is what the numerator is a part of: the total
//! of its breakdown (`审结76件，其中败诉5件` → 5 ÷ 76), else the figures of its family just
//! before it (`受理46件，审结42件。审结率91.3%`). A share `A占B的N%` names both: A are the
//! parts named (`撤销和确认违法的案件` → 撤销6件 + 确认违法3件) and B the figure whose
//! clause names it (`审结案件` → 审结…64件).
//!
//! A rate agrees when some candidate denominator gives it, rounded or cut to the decimals
//! written (`新收45件…共审结48件，其中败诉3件，败诉率6.7%` agrees with 3 ÷ 45, so nothing
//! is said although 3 ÷ 48 is 6.3 %). It is contradicted only when none does and the
//! denominator is not in doubt: the total of the numerator's breakdown, the one figure of
//! what came in (`受理`, `登记`), or the only candidate. Otherwise nothing is said. Rates with
//! a hedge (`95%以上`) are not checked.

use std::cell::OnceCell;

use super::context::Context;
use super::sums::Breakdown;
use super::Found;
use crate::knowledge::{self, Role};

/// How many figures back the counts of a rate are looked for.
const COUNTS_BACK: usize = 12;
/// How many figures back the parts and base of a share are looked for.
const SHARE_BACK: usize = 40;

/// A stated rate recomputed from its counts.
#[derive(Debug, Clone, PartialEq)]
pub struct RateCheck {
    /// Index of the rate among the metrics.
    pub rate: usize,
    /// Indices of the counts added up as numerator.
    pub numerator: Vec<usize>,
    /// Index of the denominator.
    pub denominator: usize,
    /// numerator ÷ denominator, in percent.
    pub computed: f64,
    /// Whether the stated rate is the computed one, as written (rounded or cut).
    pub consistent: bool,
}

/// The decimals of a stated rate (`95.7` → 1, `100` → 0, `百分之五十五点八` = 55.8 → 1,
/// `三分之二` = 66.67 → 2).
fn decimals(value: f64) -> u32 {
    let s = format!("{value}");
    s.split_once('.').map_or(0, |(_, d)| d.len() as u32)
}

/// Whether `computed` gives `stated` written with `d` decimals (rounded or cut).
fn agrees(stated: f64, computed: f64, d: u32) -> bool {
    let unit = 10f64.powi(d as i32);
    let rounded = (computed * unit).round() / unit;
    let cut = (computed * unit + 1e-9).floor() / unit;
    (rounded - stated).abs() < 1e-6 || (cut - stated).abs() < 1e-6
}

/// Whether a figure can be counted in a rate.
fn count_like(f: &Found) -> bool {
    f.unit_kind() != "percent" && f.value_max().is_none() && f.value > 0.0
}

/// Whether a figure is a count of things or events (a named rate such as `办结率` is a
/// share of counts; `赤字率`, `增长率` are shares of amounts the text does not give).
fn counted(f: &Found) -> bool {
    count_like(f) && f.unit_kind() == "count"
}

/// The action a rate is named after, longest first: `按期办结率` → 按期办结, 办结.
fn stems(name: &str) -> Vec<String> {
    let base: Vec<char> = name.trim_end_matches('率').chars().collect();
    let mut out = Vec::new();
    for n in [4, 3, 2] {
        if base.len() >= n {
            out.push(base[base.len() - n..].iter().collect());
        }
    }
    out
}

/// The total each figure is a part of (the first breakdown listing it), worked out when
/// the first rate that names its counts asks: a long table has no rate in words, and its
/// breakdowns list every cell.
struct TotalOf<'a> {
    breakdowns: &'a [Breakdown],
    len: usize,
    index: OnceCell<Vec<Option<usize>>>,
}

impl TotalOf<'_> {
    fn get(&self, part: usize) -> Option<usize> {
        self.index.get_or_init(|| {
            let mut total_of = vec![None; self.len];
            for b in self.breakdowns {
                for &p in &b.parts {
                    total_of[p].get_or_insert(b.total);
                }
            }
            total_of
        })[part]
    }
}

/// Every stated rate whose counts the text gives, with its verdict.
pub fn check(ctx: &Context<'_>, found: &[Found], breakdowns: &[Breakdown]) -> Vec<RateCheck> {
    let text = ctx.text;
    let total_of = TotalOf {
        breakdowns,
        len: found.len(),
        index: OnceCell::new(),
    };
    let mut out = Vec::new();
    for (i, rate) in found.iter().enumerate() {
        if rate.unit_text() != "%" || rate.qualifier.is_some() || rate.cell {
            continue;
        }
        let clause = &text[rate.clause()];
        // `从1.07%提高到1.49%`: a share that changes is not checked.
        if knowledge::contains_any(
            &text[ctx.comma_start(rate.raw().start)..rate.raw().start],
            Role::Change,
        ) {
            continue;
        }
        let check = if knowledge::contains_any(clause, Role::RateBase) {
            share(ctx, found, i)
        } else {
            named_rate(ctx, found, &total_of, i)
        };
        out.extend(check);
    }
    out
}

/// `办结率95.7%`: numerator by the rate's name, denominator by the breakdown or the counts
/// before.
fn named_rate(
    ctx: &Context<'_>,
    found: &[Found],
    total_of: &TotalOf<'_>,
    i: usize,
) -> Option<RateCheck> {
    let text = ctx.text;
    let rate = &found[i];
    let name = rate
        .subject()
        .map(|s| &text[s])
        .filter(|s| s.ends_with('率'))?;
    // `入园率和普惠率分别达96%和94%`: which rate is which is for the reader to pair.
    if name.contains(['和', '、', '及']) {
        return None;
    }
    let sentence = ctx.sentence_index(rate.raw().start);
    let near = |f: &&Found| sentence - ctx.sentence_index(f.raw().start) <= 1;
    let (num, stem) = stems(name).into_iter().find_map(|stem| {
        found[..i]
            .iter()
            .enumerate()
            .rev()
            .take(COUNTS_BACK)
            .filter(|(_, f)| near(f) && counted(f))
            .find(|(_, f)| {
                ctx.tick(1);
                // The action is the figure's label: it opens or closes its clause
                // (`按期办结128件`, `办结信访事项135件`, `评为优秀的246卷`), not a word
                // inside it (`新增普惠托位` is no count of 普惠).
                let label = text[f.clause()].trim_end_matches('的');
                label.starts_with(stem.as_str()) || label.ends_with(stem.as_str())
            })
            .map(|(k, _)| (k, stem))
    })?;
    // `通过直接纠错和调解…纠正的共14件`: the action joined with another counts more than
    // the rate does; nothing to say.
    let clause = &text[found[num].clause()];
    let after_stem = clause
        .find(stem.as_str())
        .map_or("", |p| &clause[p + stem.len()..]);
    if after_stem.starts_with(['和', '及', '与', '、', '或']) {
        return None;
    }
    let n = &found[num];
    let mut candidates: Vec<usize> = Vec::new();
    let primary_total = total_of.get(num);
    candidates.extend(primary_total);
    let before: Vec<usize> = found[..num]
        .iter()
        .enumerate()
        .rev()
        .take(COUNTS_BACK)
        .filter(|(_, f)| near(f) && counted(f) && f.family() == n.family() && f.value >= n.value)
        .map(|(k, _)| k)
        .collect();
    candidates.extend(before.iter().copied().filter(|k| Some(*k) != primary_total));
    let stated = rate.value;
    let d = decimals(rate.value);
    for &den in &candidates {
        let computed = n.value / found[den].value * 100.0;
        if agrees(stated, computed, d) {
            return Some(RateCheck {
                rate: i,
                numerator: vec![num],
                denominator: den,
                computed,
                consistent: true,
            });
        }
    }
    let intake: Vec<usize> = before
        .iter()
        .copied()
        .filter(|&k| {
            let own = &text[found[k].clause()];
            knowledge::contains_any(own, Role::IntakeWord)
                || knowledge::contains_any(own, Role::TotalWord)
        })
        .collect();
    let primary = primary_total
        .or(match intake[..] {
            [one] => Some(one),
            _ => None,
        })
        .or(match before[..] {
            [one] => Some(one),
            _ => None,
        })?;
    Some(RateCheck {
        rate: i,
        numerator: vec![num],
        denominator: primary,
        computed: n.value / found[primary].value * 100.0,
        consistent: false,
    })
}

/// The nearest figure before `i` (within [`SHARE_BACK`]) whose clause names `what`.
fn named_before(
    ctx: &Context<'_>,
    found: &[Found],
    i: usize,
    what: &str,
    skip: &[usize],
) -> Option<usize> {
    let text = ctx.text;
    found[..i]
        .iter()
        .enumerate()
        .rev()
        .take(SHARE_BACK)
        .filter(|(k, f)| count_like(f) && !skip.contains(k))
        .find(|(_, f)| {
            ctx.tick(1);
            text[f.clause()].contains(what)
        })
        .map(|(k, _)| k)
}

/// The action words of a name: `撤销、确认违法和责令履行的案件` → 撤销, 确认违法, 责令履行.
fn named_parts(name: &str) -> Vec<&str> {
    let head = name.rsplit_once('的').map_or(name, |(h, _)| h);
    // `其中撤销…`, `行政复议案件中撤销…`: what comes before 中 is the whole.
    let head = knowledge::words(Role::SubsetMark)
        .iter()
        .filter_map(|m| head.rfind(m).map(|i| &head[i + m.len()..]))
        .next()
        .unwrap_or(head);
    head.split(['、', '和', '及', '与'])
        .map(str::trim)
        .filter(|p| p.chars().count() >= 2)
        .collect()
}

/// `A占B的N%`: A the parts it names (or the figure just before 占), B the figure between 占
/// and 的 (`占全国一千七百八十六个县的百分之二十八`) or the one whose clause names it
/// (`占审结案件的12.5%` → 审结…64件).
fn share(ctx: &Context<'_>, found: &[Found], i: usize) -> Option<RateCheck> {
    let text = ctx.text;
    let rate = &found[i];
    let start = ctx.comma_start(rate.clause().end);
    let clause = &text[start..rate.clause().end];
    let (at, len) = knowledge::words(Role::RateBase)
        .iter()
        .filter_map(|w| clause.rfind(w).map(|p| (p, w.len())))
        .max()?;
    if !clause.ends_with('的') || clause[at + len..].starts_with('比') {
        return None;
    }
    let zhan = start + at;
    // The figures stated between 占 and the rate: the base is one of them.
    let inside: Vec<usize> = (0..i)
        .rev()
        .take_while(|&k| found[k].raw().start > zhan)
        .collect();
    let part_name = &clause[..at];
    let numerator: Vec<usize> = if part_name.trim().is_empty() || inside.len() == 1 {
        // `…的案件有4件，占撤销案件的三分之二`: the figure just before 占.
        vec![(0..i)
            .rev()
            .find(|&k| found[k].raw().end <= zhan)
            .filter(|&k| count_like(&found[k]))?]
    } else {
        let parts = named_parts(part_name);
        if parts.is_empty() {
            return None;
        }
        parts
            .iter()
            .map(|p| named_before(ctx, found, i, p, &inside))
            .collect::<Option<Vec<usize>>>()?
    };
    let den = match inside[..] {
        [one] => one,
        [] => {
            // `审结案件` → a figure whose clause has 审结; a long name must be found whole.
            let base_name = clause[at + len..].trim_end_matches('的');
            let key: String = if base_name.chars().count() <= 4 {
                base_name.chars().take(2).collect()
            } else {
                base_name.to_string()
            };
            if key.chars().count() < 2 {
                return None;
            }
            named_before(ctx, found, i, &key, &numerator)?
        }
        _ => return None,
    };
    let family = found[den].family();
    if numerator
        .iter()
        .any(|&k| found[k].family() != family || k == den)
    {
        return None;
    }
    let sum: f64 = numerator.iter().map(|&k| found[k].value).sum();
    let computed = sum / found[den].value * 100.0;
    Some(RateCheck {
        rate: i,
        numerator,
        denominator: den,
        computed,
        consistent: agrees(rate.value, computed, decimals(rate.value)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_rounds_or_cuts_to_the_written_decimals() {
        assert!(agrees(94.8, 55.0 / 58.0 * 100.0, 1));
        assert!(agrees(66.67, 4.0 / 6.0 * 100.0, 2));
        assert!(
            agrees(98.1, 3790.0 / 3862.0 * 100.0, 1) || agrees(98.2, 3790.0 / 3862.0 * 100.0, 1)
        );
        assert!(!agrees(98.5, 128.0 / 135.0 * 100.0, 1));
        assert_eq!(decimals(95.7), 1);
        assert_eq!(decimals(100.0), 0);
        assert_eq!(decimals(66.67), 2);
    }

    #[test]
    fn stems_longest_first() {
        assert_eq!(stems("按期办结率"), ["按期办结", "期办结", "办结"]);
        assert_eq!(
            named_parts("撤销、确认违法和责令履行的案件"),
            ["撤销", "确认违法", "责令履行"]
        );
    }
}

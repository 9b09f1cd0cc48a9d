//! The metrics set (issue 14): quantities matched by their exact span, their value, unit,
//! qualifier, subject and target flag; traps (years, document numbers, ordinals, slogans)
//! that no metric may overlap; breakdowns (sums) and stated rates with their verdicts.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::{arr, off, quote, same_number, show, span, Case, Figure, Scored};

/// The shapes of the set, in the order of `tests/gold/README.md`.
pub const SHAPES: &[&str] = &[
    "units",
    "cn_numerals",
    "ordinals",
    "spaces",
    "subjects",
    "targets",
    "sums",
    "rates",
    "tables",
    "mixed",
];

/// What the columns mean.
pub const LEGEND: &str = "P/R/F1: metrics matched by exact span; exact: value, valueMax, unit, \
qualifier all right / gold; subject: right / gold with a subject list; subj[]: a subject given \
where none should be (count); target: among matched; traps: metrics overlapping a trap (count); \
sums: gold sums found; verdict: found with the right consistent / gold sums; rates: right \
verdict / gold rates; ratesF: contradicted rates flagged / contradicted; falseAl: \
sum/rate mismatches on no gold sum or rate (count)";

/// Check kinds that judge a sum or a rate.
const MISMATCH_CHECKS: &[&str] = &["sum_mismatch", "rate_mismatch"];

/// Scores one case.
pub fn score(case: &Case, report: &Value) -> Scored {
    let g = &case.gold;
    let mut s = Scored::default();
    let gold = arr(&g["metrics"]);
    let pred = arr(&report["metrics"]);
    let mut pred_at: HashMap<(usize, usize), &Value> = HashMap::new();
    let mut pred_by_id: HashMap<&str, &Value> = HashMap::new();
    for m in pred {
        if let Some(sp) = span(m) {
            pred_at.entry(sp).or_insert(m);
        }
        if let Some(id) = m["id"].as_str() {
            pred_by_id.insert(id, m);
        }
    }
    // The start of the predicted metric with this id.
    let start_of = |id: &Value| {
        id.as_str()
            .and_then(|id| pred_by_id.get(id))
            .and_then(|m| off(&m["start"]))
    };
    let gold_spans: BTreeSet<(usize, usize)> = gold.iter().filter_map(span).collect();

    let (mut matched, mut exact, mut subj_ok, mut subj_den, mut subj_extra, mut target_ok) =
        (0, 0, 0, 0, 0, 0);
    for gm in gold {
        let (start, end) = span(gm).expect("gold metric span");
        let raw = quote(gm["raw"].as_str().unwrap_or(""));
        let subjects: Option<Vec<&str>> = gm
            .get("subject")
            .map(|v| arr(v).iter().filter_map(Value::as_str).collect());
        let Some(pm) = pred_at.get(&(start, end)) else {
            let near: Vec<String> = pred
                .iter()
                .filter_map(|m| {
                    let (ps, pe) = span(m)?;
                    (ps < end && start < pe).then(|| format!("@{ps} {}", show(&m["raw"])))
                })
                .collect();
            let near = if near.is_empty() {
                String::new()
            } else {
                format!(" (got {})", near.join(", "))
            };
            s.miss(format!("metric missed @{start} {raw}{near}"));
            if subjects.as_ref().is_some_and(|l| !l.is_empty()) {
                subj_den += 1;
            }
            continue;
        };
        matched += 1;
        let mut diffs = Vec::new();
        for field in ["value", "valueMax"] {
            if !same_number(&pm[field], &gm[field]) {
                diffs.push(format!("{field} {} not {}", pm[field], gm[field]));
            }
        }
        for field in ["unit", "qualifier"] {
            if pm[field] != gm[field] {
                diffs.push(format!("{field} {} not {}", pm[field], gm[field]));
            }
        }
        if diffs.is_empty() {
            exact += 1;
        } else {
            s.miss(format!("metric @{start} {raw}: {}", diffs.join(", ")));
        }
        let got = pm["subject"].as_str().filter(|t| !t.is_empty());
        match &subjects {
            None => {}
            Some(list) if list.is_empty() => {
                if let Some(t) = got {
                    subj_extra += 1;
                    s.miss(format!(
                        "subject @{start} {raw}: got {}, want none",
                        quote(t)
                    ));
                }
            }
            Some(list) => {
                subj_den += 1;
                if got.is_some_and(|t| list.contains(&t)) {
                    subj_ok += 1;
                } else {
                    let want: Vec<String> = list.iter().map(|t| quote(t)).collect();
                    s.miss(format!(
                        "subject @{start} {raw}: got {}, want {}",
                        got.map_or("none".into(), quote),
                        want.join("|")
                    ));
                }
            }
        }
        if pm["target"] == gm["target"] {
            target_ok += 1;
        } else {
            s.miss(format!(
                "target @{start} {raw}: got {}, want {}",
                pm["target"], gm["target"]
            ));
        }
    }
    let traps: Vec<(usize, usize, &Value)> = arr(&g["traps"])
        .iter()
        .filter_map(|t| span(t).map(|(a, b)| (a, b, &t["text"])))
        .collect();
    let mut trap_hits = 0;
    for pm in pred {
        let Some((ps, pe)) = span(pm) else { continue };
        if let Some((ts, _, text)) = traps.iter().find(|(ts, te, _)| ps < *te && *ts < pe) {
            trap_hits += 1;
            s.miss(format!(
                "trap @{ts} {} hit by @{ps} {}",
                show(text),
                show(&pm["raw"])
            ));
        } else if !gold_spans.contains(&(ps, pe)) {
            s.miss(format!("metric spurious @{ps} {}", show(&pm["raw"])));
        }
    }
    let (np, ng) = (pred.len(), gold.len());
    s.fig("P", Figure::Ratio(matched, np));
    s.fig("R", Figure::Ratio(matched, ng));
    s.fig("F1", Figure::Ratio(2 * matched, np + ng));
    s.fig("exact", Figure::Ratio(exact, ng));
    s.fig("subject", Figure::Ratio(subj_ok, subj_den));
    s.fig("subj[]", Figure::Count(subj_extra));
    s.fig("target", Figure::Ratio(target_ok, matched));
    s.fig("traps", Figure::Count(trap_hits));

    // Sums: the predicted sum whose total starts at the gold total and whose parts start
    // at the gold parts.
    let pred_sums = arr(&report["sums"]);
    let gold_sums = arr(&g["sums"]);
    let (mut found, mut verdict) = (0, 0);
    for gs in gold_sums {
        let total = off(&gs["total"]).expect("gold sum total");
        let mut parts: Vec<usize> = arr(&gs["parts"]).iter().filter_map(off).collect();
        parts.sort_unstable();
        let with_total: Vec<(&Value, Vec<Option<usize>>)> = pred_sums
            .iter()
            .filter(|ps| start_of(&ps["total"]) == Some(total))
            .map(|ps| {
                let mut p: Vec<Option<usize>> = arr(&ps["parts"]).iter().map(start_of).collect();
                p.sort_unstable();
                (ps, p)
            })
            .collect();
        let want: Vec<Option<usize>> = parts.iter().copied().map(Some).collect();
        let Some((ps, _)) = with_total.iter().find(|(_, p)| *p == want) else {
            let got: Vec<String> = with_total.iter().map(|(_, p)| format!("{p:?}")).collect();
            let got = if got.is_empty() {
                String::new()
            } else {
                format!(" (sums on that total have parts {})", got.join(" "))
            };
            s.miss(format!("sum missed @{total} parts {parts:?}{got}"));
            continue;
        };
        found += 1;
        if ps["consistent"] == gs["consistent"] {
            verdict += 1;
        } else {
            s.miss(format!(
                "sum verdict @{total}: got consistent {}, want {}",
                ps["consistent"], gs["consistent"]
            ));
        }
    }
    s.fig("sums", Figure::Ratio(found, gold_sums.len()));
    s.fig("verdict", Figure::Ratio(verdict, gold_sums.len()));

    // Rates: a contradicted rate is flagged by a rate_mismatch check over it or a `rates`
    // entry with consistent false; a confirmed or undecidable one is not.
    let checks = arr(&report["checks"]);
    let pred_rates = arr(&report["rates"]);
    let flagged = |start: usize, end: usize| {
        checks.iter().any(|c| {
            c["kind"] == "rate_mismatch" && span(c).is_some_and(|(cs, ce)| cs <= start && end <= ce)
        }) || pred_rates
            .iter()
            .any(|r| r["consistent"] == Value::Bool(false) && start_of(&r["rate"]) == Some(start))
    };
    let end_of = |start: usize| {
        gold.iter()
            .filter_map(span)
            .find(|sp| sp.0 == start)
            .map_or(start + 1, |sp| sp.1)
    };
    let gold_rates = arr(&g["rates"]);
    let (mut rates_ok, mut false_flagged, mut false_den) = (0, 0, 0);
    for gr in gold_rates {
        let start = off(&gr["rate"]).expect("gold rate start");
        let is_flagged = flagged(start, end_of(start));
        let contradicted = gr["consistent"] == Value::Bool(false);
        if contradicted {
            false_den += 1;
            false_flagged += usize::from(is_flagged);
        }
        if is_flagged == contradicted {
            rates_ok += 1;
        } else {
            s.miss(format!(
                "rate @{start} {}: {}",
                case.quote(start, end_of(start)),
                if contradicted {
                    "contradicted by the counts, not flagged".to_string()
                } else {
                    format!("flagged, but gold consistent is {}", gr["consistent"])
                }
            ));
        }
    }
    s.fig("rates", Figure::Ratio(rates_ok, gold_rates.len()));
    s.fig("ratesF", Figure::Ratio(false_flagged, false_den));

    // False alarms: a mismatch over no metric of a gold sum or rate.
    let judged: Vec<(usize, usize)> = gold_sums
        .iter()
        .flat_map(|gs| std::iter::once(&gs["total"]).chain(arr(&gs["parts"])))
        .chain(gold_rates.iter().map(|r| &r["rate"]))
        .filter_map(off)
        .map(|start| (start, end_of(start)))
        .collect();
    let mut alarms: BTreeSet<(usize, usize)> = BTreeSet::new();
    for c in checks {
        let kind = c["kind"].as_str().unwrap_or("");
        if !MISMATCH_CHECKS.contains(&kind) {
            continue;
        }
        let (cs, ce) = span(c).unwrap_or((0, 0));
        if !judged.iter().any(|&(a, b)| cs <= a && b <= ce) && alarms.insert((cs, ce)) {
            s.miss(format!(
                "false alarm {kind} @{cs}..{ce} {}",
                case.quote(cs, ce)
            ));
        }
    }
    let gold_rate_starts: BTreeSet<usize> =
        gold_rates.iter().filter_map(|r| off(&r["rate"])).collect();
    for r in pred_rates {
        if r["consistent"] != Value::Bool(false) {
            continue;
        }
        let Some(start) = start_of(&r["rate"]) else {
            continue;
        };
        let end = end_of(start);
        if !gold_rate_starts.contains(&start)
            && !alarms.iter().any(|&(cs, ce)| cs <= start && end <= ce)
            && alarms.insert((start, end))
        {
            s.miss(format!("false alarm rates entry @{start}"));
        }
    }
    s.fig("falseAl", Figure::Count(alarms.len()));
    s
}

//! The outline set (issue 13): headings matched by their marker's start, their level and
//! title, the mandated parts over the outline, the document's kind and completeness, and
//! the `missing_part` checks a drafter would read.

use std::collections::{BTreeMap, BTreeSet};

use fazhi_lens::Part;
use serde_json::Value;

use super::{arr, off, quote, show, Case, Figure, Scored};

/// The shapes of the set, in the order of `tests/gold/README.md`.
pub const SHAPES: &[&str] = &[
    "clean",
    "one_line",
    "run_on",
    "pdf",
    "crlf",
    "long_headings",
    "continuous_numbering",
    "parts_level3",
    "leading_level2",
    "non_report",
    "truncated",
];

/// What the columns mean.
pub const LEGEND: &str = "P/R/F1: headings matched by marker start; level, title: among matched; \
parts (kind right and outline parts = gold), partsNoKind (the same without kind), kind, incompl, \
missChk (missing_part checks as expected): per document; falseChk: outline checks on these \
well-formed texts (count)";

/// Under the table: every check kind found on the set other than `missing_part`.
pub const TALLY: &str =
    "checks other than missing_part, by kind (falseChk counts the outline kinds)";

/// Check kinds about the heading structure (`src/checks.rs`): on the well-formed texts of
/// this set they are false alarms. A new outline check kind belongs here.
pub const OUTLINE_CHECKS: &[&str] = &[
    "skipped_level",
    "missing_separator",
    "long_heading",
    "duplicate_number",
    "numbering_gap",
    "mixed_marker_style",
    "no_outline",
];

/// The four mandated parts in a list (`other` and unknown keys left out).
fn mandated(v: &Value) -> BTreeSet<&str> {
    arr(v)
        .iter()
        .filter_map(Value::as_str)
        .filter(|p| *p != "other" && Part::from_key(p).is_some())
        .collect()
}

fn list<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    format!("[{}]", parts.into_iter().collect::<Vec<_>>().join(","))
}

/// The part a `missing_part` check names: its `part` field if it has one, else the part
/// whose Chinese name its message quotes.
fn check_part(c: &Value) -> String {
    if let Some(p) = c["part"].as_str() {
        return p.to_string();
    }
    let message = c["message"].as_str().unwrap_or("");
    [
        Part::Measures,
        Part::Shortcomings,
        Part::ResponsiblePerson,
        Part::NextYear,
    ]
    .into_iter()
    .find(|p| message.contains(p.name_zh()))
    .map_or_else(|| "?".to_string(), |p| p.key().to_string())
}

/// Scores one case.
pub fn score(case: &Case, report: &Value) -> Scored {
    let g = &case.gold;
    let mut s = Scored::default();
    let gold_heads = arr(&g["headings"]);
    let pred_heads = arr(&report["outline"]);
    let mut pred_at: BTreeMap<usize, &Value> = BTreeMap::new();
    for h in pred_heads {
        if let Some(start) = off(&h["start"]) {
            pred_at.entry(start).or_insert(h);
        }
    }
    let label = |h: &Value| {
        format!(
            "L{} {}",
            h["level"],
            quote(&format!(
                "{}{}",
                h["marker"].as_str().unwrap_or(""),
                h["title"].as_str().unwrap_or("")
            ))
        )
    };

    // Headings.
    let (mut matched, mut level_ok, mut title_ok) = (0, 0, 0);
    let mut gold_starts = BTreeSet::new();
    for gh in gold_heads {
        let start = off(&gh["start"]).expect("gold heading start");
        gold_starts.insert(start);
        let Some(ph) = pred_at.get(&start) else {
            s.miss(format!("heading missed @{start} {}", label(gh)));
            continue;
        };
        matched += 1;
        if ph["level"] == gh["level"] {
            level_ok += 1;
        } else {
            s.miss(format!(
                "heading level @{start}: got L{}, want {}",
                ph["level"],
                label(gh)
            ));
        }
        let title = ph["title"].as_str().unwrap_or("");
        if title == gh["title"].as_str().unwrap_or("") && !title.contains(['\n', '\r']) {
            title_ok += 1;
        } else {
            s.miss(format!(
                "heading title @{start}: got {}, want {}",
                quote(title),
                show(&gh["title"])
            ));
        }
    }
    for (start, ph) in &pred_at {
        if !gold_starts.contains(start) {
            s.miss(format!("heading spurious @{start} {}", label(ph)));
        }
    }
    let (np, ng) = (pred_heads.len(), gold_heads.len());
    s.fig("P", Figure::Ratio(matched, np));
    s.fig("R", Figure::Ratio(matched, ng));
    s.fig("F1", Figure::Ratio(2 * matched, np + ng));
    s.fig("level", Figure::Ratio(level_ok, matched));
    s.fig("title", Figure::Ratio(title_ok, matched));

    // Mandated parts.
    let kind = g["kind"].as_str().unwrap_or("?");
    let gold_parts = mandated(&g["parts"]);
    let pred_parts: BTreeSet<&str> = pred_heads
        .iter()
        .flat_map(|h| mandated(&h["parts"]))
        .collect();
    let mut parts_ok = if kind == "other" {
        pred_parts.is_empty()
    } else {
        pred_parts == gold_parts
    };
    if !parts_ok {
        s.miss(format!(
            "parts of the outline: got {}, want {}",
            list(pred_parts.iter().copied()),
            list(gold_parts.iter().copied())
        ));
    }
    for gh in gold_heads {
        let want = mandated(&gh["parts"]);
        if want.is_empty() {
            continue;
        }
        let start = off(&gh["start"]).expect("gold heading start");
        let got = pred_at
            .get(&start)
            .map(|ph| mandated(&ph["parts"]))
            .unwrap_or_default();
        if !want.is_subset(&got) {
            parts_ok = false;
            s.miss(format!(
                "heading parts @{start} {}: got {}, want {}",
                label(gh),
                list(got.iter().copied()),
                list(want.iter().copied())
            ));
        }
    }
    let kind_ok = report["meta"]["kind"] == g["kind"];
    if !kind_ok {
        s.miss(format!(
            "kind: got {}, want {}",
            report["meta"]["kind"], g["kind"]
        ));
    }
    s.fig("parts", Figure::hit(kind_ok && parts_ok));
    s.fig("partsNoKind", Figure::hit(parts_ok));
    s.fig("kind", Figure::hit(kind_ok));
    let incomplete_ok = report["meta"]["incomplete"] == g["incomplete"];
    if !incomplete_ok {
        s.miss(format!(
            "incomplete: got {}, want {}",
            report["meta"]["incomplete"], g["incomplete"]
        ));
    }
    s.fig("incompl", Figure::hit(incomplete_ok));

    // Checks: one missing_part per mandated part without a heading (第一责任人 from report
    // year 2019, or when the year is unknown, as src/checks.rs has it), info in an excerpt.
    let checks = arr(&report["checks"]);
    let mut want: Vec<(String, String)> = Vec::new();
    if kind == "report" {
        let severity = if g["incomplete"] == Value::Bool(true) {
            "info"
        } else {
            "warning"
        };
        let with_rp = g["year"].as_i64().is_none_or(|y| y >= 2019);
        for p in [
            Part::Measures,
            Part::Shortcomings,
            Part::ResponsiblePerson,
            Part::NextYear,
        ] {
            if (p != Part::ResponsiblePerson || with_rp) && !gold_parts.contains(p.key()) {
                want.push((p.key().to_string(), severity.to_string()));
            }
        }
    }
    let mut got: Vec<(String, String)> = checks
        .iter()
        .filter(|c| c["kind"] == "missing_part")
        .map(|c| (check_part(c), c["severity"].as_str().unwrap_or("?").into()))
        .collect();
    want.sort();
    got.sort();
    if got != want {
        let fmt = |v: &[(String, String)]| {
            let items: Vec<String> = v.iter().map(|(p, sev)| format!("{p}/{sev}")).collect();
            format!("[{}]", items.join(","))
        };
        s.miss(format!(
            "missing_part checks: got {}, want {}",
            fmt(&got),
            fmt(&want)
        ));
    }
    s.fig("missChk", Figure::hit(got == want));
    let mut false_checks = 0;
    for c in checks {
        let kind = c["kind"].as_str().unwrap_or("?");
        if kind == "missing_part" {
            continue;
        }
        *s.tallies.entry(kind.to_string()).or_insert(0) += 1;
        if OUTLINE_CHECKS.contains(&kind) {
            false_checks += 1;
            s.miss(format!(
                "check {kind} @{}: {}",
                c["start"],
                quote(c["message"].as_str().unwrap_or(""))
            ));
        }
    }
    s.fig("falseChk", Figure::Count(false_checks));
    s
}

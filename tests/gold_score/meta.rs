//! The meta set (issue 15): the report's title, issuer, addressee, year, date, kind and
//! completeness; template placeholders; page clutter that must be removed while the report
//! itself stays; short citations (《纲要》) pointing back to the full one.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{arr, off, show, span, Case, Figure, Scored};

/// The shapes of the set, in the order of `tests/gold/README.md`.
pub const SHAPES: &[&str] = &[
    "clean",
    "web_clutter",
    "watermark",
    "metadata_table",
    "speech",
    "excerpt",
    "template",
    "one_line",
    "title_wrapped",
    "issuer_title_only",
    "issuer_signature_only",
    "share_prefix",
];

/// What the columns mean.
pub const LEGEND: &str = "title…incompl: exact per document (null must be null); phR/phP: \
placeholder recall/precision by exact span; clutter: clutter spans wholly removed; bodyChars, \
bodyTexts: report characters removed and texts with any (counts); clean: texts with all clutter \
and no report removed; refersTo: short citations pointing to the right full one; noRef: \
citations at a gold short form without refersTo (count)";

/// Fields compared for equality with the annotation.
const FIELDS: &[(&str, &str)] = &[
    ("title", "title"),
    ("issuer", "issuer"),
    ("addressee", "addressee"),
    ("year", "year"),
    ("published", "published"),
    ("kind", "kind"),
    ("incomplete", "incompl"),
];

/// Scores one case.
pub fn score(case: &Case, report: &Value) -> Scored {
    let g = &case.gold;
    let meta = &report["meta"];
    let mut s = Scored::default();
    for (field, column) in FIELDS {
        let ok = meta[field] == g[field];
        if !ok {
            s.miss(format!(
                "{field}: got {}, want {}",
                show(&meta[field]),
                show(&g[field])
            ));
        }
        s.fig(column, Figure::hit(ok));
    }

    // Placeholders by exact span.
    let gold_ph: BTreeSet<(usize, usize)> =
        arr(&g["placeholders"]).iter().filter_map(span).collect();
    let pred_ph: BTreeSet<(usize, usize)> =
        arr(&meta["placeholders"]).iter().filter_map(span).collect();
    for &(a, b) in gold_ph.difference(&pred_ph) {
        s.miss(format!("placeholder missed @{a} {}", case.quote(a, b)));
    }
    for &(a, b) in pred_ph.difference(&gold_ph) {
        s.miss(format!("placeholder spurious @{a} {}", case.quote(a, b)));
    }
    let both = gold_ph.intersection(&pred_ph).count();
    s.fig("phR", Figure::Ratio(both, gold_ph.len()));
    s.fig("phP", Figure::Ratio(both, pred_ph.len()));

    // Clutter: every non-whitespace character of a clutter span lies in a removed span;
    // none outside clutter and clutterOptional does.
    let n = case.chars.len();
    let mut removed: Vec<Option<&str>> = vec![None; n];
    for r in arr(&report["removed"]) {
        if let Some((a, b)) = span(r) {
            for slot in &mut removed[a.min(n)..b.min(n)] {
                *slot = Some(r["reason"].as_str().unwrap_or("?"));
            }
        }
    }
    let visible = |i: usize| !case.chars[i].is_whitespace();
    let clutter = arr(&g["clutter"]);
    let mut may_go = vec![false; n];
    for c in clutter.iter().chain(arr(&g["clutterOptional"])) {
        if let Some((a, b)) = span(c) {
            may_go[a.min(n)..b.min(n)].fill(true);
        }
    }
    let mut clutter_ok = 0;
    for c in clutter {
        let (a, b) = span(c).expect("gold clutter span");
        let kept: Vec<usize> = (a..b.min(n))
            .filter(|&i| visible(i) && removed[i].is_none())
            .collect();
        if kept.is_empty() {
            clutter_ok += 1;
        } else {
            s.miss(format!(
                "clutter kept @{a}..{b} ({}): {} chars from @{}, {}",
                c["what"].as_str().unwrap_or("?"),
                kept.len(),
                kept[0],
                case.quote(kept[0], b)
            ));
        }
    }
    let mut body_removed = 0;
    let mut i = 0;
    while i < n {
        if !(removed[i].is_some() && !may_go[i] && visible(i)) {
            i += 1;
            continue;
        }
        // A stretch of report text removed for one reason.
        let reason = removed[i];
        let from = i;
        while i < n && removed[i] == reason && !may_go[i] {
            body_removed += usize::from(visible(i));
            i += 1;
        }
        s.miss(format!(
            "report text removed @{from}..{i} ({}): {}",
            reason.unwrap_or("?"),
            case.quote(from, i)
        ));
    }
    s.fig("clutter", Figure::Ratio(clutter_ok, clutter.len()));
    s.fig("bodyChars", Figure::Count(body_removed));
    s.fig("bodyTexts", Figure::Count(usize::from(body_removed > 0)));
    s.fig(
        "clean",
        Figure::hit(clutter_ok == clutter.len() && body_removed == 0),
    );

    // Short citations: the predicted citation at the gold start refers (by id) to the
    // predicted citation at the gold refersTo.
    let cited = arr(&report["citations"]);
    let at = |start: usize| cited.iter().find(|c| off(&c["start"]) == Some(start));
    let by_id = |id: &Value| {
        id.as_str()
            .and_then(|id| cited.iter().find(|c| c["id"].as_str() == Some(id)))
    };
    let (mut refers_ok, mut refers_den, mut no_ref) = (0, 0, 0);
    for gc in arr(&g["citations"]) {
        let Some(target) = off(&gc["refersTo"]) else {
            continue;
        };
        refers_den += 1;
        let (a, b) = span(gc).expect("gold citation span");
        let what = format!("@{a} {} → @{target}", case.quote(a, b));
        let Some(pc) = at(a) else {
            s.miss(format!("citation missed {what}"));
            continue;
        };
        let got = pc.get("refersTo").filter(|v| !v.is_null());
        match got.map(|id| by_id(id).and_then(|c| off(&c["start"]))) {
            None => {
                no_ref += 1;
                s.miss(format!("citation without refersTo {what}"));
            }
            Some(Some(t)) if t == target => refers_ok += 1,
            Some(t) => s.miss(format!(
                "citation refersTo {what}: points to {}",
                t.map_or_else(
                    || format!("unknown id {}", pc["refersTo"]),
                    |t| format!("@{t}")
                )
            )),
        }
    }
    s.fig("refersTo", Figure::Ratio(refers_ok, refers_den));
    s.fig("noRef", Figure::Count(no_ref));
    s
}

//! Scoring of the three gold sets of `tests/gold/` (format: `tests/gold/README.md`)
//! against what the analyzer reports, for `tests/gold.rs`.
//!
//! Every case is analysed with the char-offset analyzer and read back through
//! `serde_json::to_value(&report)`, so a field the Report does not carry yet (`meta.kind`,
//! citation `refersTo` …) reads as null and scores as wrong instead of failing to compile.
//!
//! Each set's scorer turns one case into [`Scored`]: its figures, in the set's column
//! order, and one short line per miss. A figure is a ratio (`num / den`, pooled over the
//! cases of a row, not averaged per case) or a count of errors (lower is better).
#![allow(dead_code)]

pub mod meta;
pub mod metrics;
pub mod outline;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use fazhi_lens::OffsetUnit;
use serde_json::Value;

use crate::common::analyzer;

/// One gold case: the text and its annotation.
pub struct Case {
    /// File stem (`clean_city_2019`).
    pub stem: String,
    /// The annotation's `shape`.
    pub shape: String,
    /// The input exactly as stored.
    pub text: String,
    /// The input as chars (gold offsets are char offsets).
    pub chars: Vec<char>,
    /// The annotation.
    pub gold: Value,
}

impl Case {
    /// `text[start..end]` in chars, clamped to the text.
    pub fn slice(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        self.chars[start.min(end)..end].iter().collect()
    }

    /// A short quotation of `text[start..end]` for a miss line: line breaks shown as ⏎,
    /// long stretches cut in the middle.
    pub fn quote(&self, start: usize, end: usize) -> String {
        quote(&self.slice(start, end))
    }
}

/// A string for a miss line: line breaks shown as ⏎, at most 48 chars (cut in the middle).
pub fn quote(s: &str) -> String {
    let s: Vec<char> = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { '⏎' } else { c })
        .collect();
    if s.len() <= 48 {
        format!("“{}”", s.iter().collect::<String>())
    } else {
        format!(
            "“{}…{}”",
            s[..30].iter().collect::<String>(),
            s[s.len() - 16..].iter().collect::<String>()
        )
    }
}

/// The cases of `tests/gold/SET`, sorted by stem; empty when the folder is missing.
pub fn load(set: &str) -> Vec<Case> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/gold")
        .join(set);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut stems: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    stems.sort();
    stems
        .into_iter()
        .map(|stem| {
            let read = |ext: &str| {
                let path = dir.join(format!("{stem}.{ext}"));
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            };
            let gold: Value = serde_json::from_str(&read("json"))
                .unwrap_or_else(|e| panic!("{set}/{stem}.json: {e}"));
            let text = read("txt");
            Case {
                shape: gold["shape"].as_str().unwrap_or("?").to_string(),
                chars: text.chars().collect(),
                stem,
                text,
                gold,
            }
        })
        .collect()
}

/// A figure of one case or of a pooled row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// `num` right out of `den` (shown as `-` when `den` is 0).
    Ratio(usize, usize),
    /// A count of errors: lower is better.
    Count(usize),
}

impl Figure {
    /// A ratio of a yes/no: 1/1 or 0/1.
    pub fn hit(right: bool) -> Figure {
        Figure::Ratio(usize::from(right), 1)
    }

    fn add(self, other: Figure) -> Figure {
        match (self, other) {
            (Figure::Ratio(a, b), Figure::Ratio(c, d)) => Figure::Ratio(a + c, b + d),
            (Figure::Count(a), Figure::Count(b)) => Figure::Count(a + b),
            _ => panic!("a column mixes ratios and counts"),
        }
    }

    /// The ratio, rounded down to two decimals as the thresholds are (`None` for 0/0).
    pub fn floor2(self) -> Option<f64> {
        match self {
            Figure::Ratio(_, 0) => None,
            Figure::Ratio(n, d) => Some((n * 100 / d) as f64 / 100.0),
            Figure::Count(n) => Some(n as f64),
        }
    }

    fn cell(self) -> String {
        match self {
            Figure::Ratio(_, 0) => "-".into(),
            Figure::Ratio(n, d) => format!("{:.2}", (n * 100 / d) as f64 / 100.0),
            Figure::Count(n) => n.to_string(),
        }
    }

    fn counts(self) -> String {
        match self {
            Figure::Ratio(n, d) => format!("{n}/{d}"),
            Figure::Count(n) => n.to_string(),
        }
    }
}

/// What one case scored.
#[derive(Debug, Default)]
pub struct Scored {
    /// Figures in the set's column order.
    pub figures: Vec<(&'static str, Figure)>,
    /// One short line per thing the analysis got wrong.
    pub misses: Vec<String>,
    /// Counts by key printed under the table (e.g. outline checks by kind).
    pub tallies: BTreeMap<String, usize>,
}

impl Scored {
    /// Adds a figure (columns are in the order of the calls).
    pub fn fig(&mut self, name: &'static str, f: Figure) {
        self.figures.push((name, f));
    }

    /// Records a miss.
    pub fn miss(&mut self, line: impl Into<String>) {
        self.misses.push(line.into());
    }
}

/// A set's scorer: one case and the analyzer's Report as JSON.
pub type Scorer = fn(&Case, &Value) -> Scored;

/// One set, scored: a row per shape and the pooled `all` row.
pub struct SetResult {
    /// `outline`, `metrics` or `meta`.
    pub set: &'static str,
    /// Column names.
    pub columns: Vec<&'static str>,
    /// (shape, cases, figures) in the set's shape order.
    pub rows: Vec<(String, usize, Vec<Figure>)>,
    /// All cases pooled.
    pub all: Vec<Figure>,
    /// Tallies of every case added up.
    pub tallies: BTreeMap<String, usize>,
    /// `stem: miss` lines, by case.
    pub misses: Vec<(String, Vec<String>)>,
    /// Cases scored.
    pub cases: usize,
}

impl SetResult {
    /// The `all` figure named `column`.
    pub fn figure(&self, column: &str) -> Option<Figure> {
        self.columns
            .iter()
            .position(|c| *c == column)
            .map(|i| self.all[i])
    }

    /// The table (and, when `verbose`, the misses of every case).
    pub fn render(&self, legend: &str, tally_title: &str, verbose: bool) -> String {
        let mut out = String::new();
        writeln!(
            out,
            "\n== gold/{}: {} cases — {legend}",
            self.set, self.cases
        )
        .unwrap();
        let shape_w = self
            .rows
            .iter()
            .map(|r| r.0.len())
            .max()
            .unwrap_or(0)
            .max(5);
        let widths: Vec<usize> = self
            .columns
            .iter()
            .map(|c| c.chars().count().max(4))
            .collect();
        write!(out, "{:shape_w$} {:>3}", "shape", "n").unwrap();
        for (c, w) in self.columns.iter().zip(&widths) {
            write!(out, " {c:>w$}").unwrap();
        }
        out.push('\n');
        let all = ("all".to_string(), self.cases, self.all.clone());
        for (shape, n, figs) in self.rows.iter().chain(std::iter::once(&all)) {
            write!(out, "{shape:shape_w$} {n:>3}").unwrap();
            for (f, w) in figs.iter().zip(&widths) {
                write!(out, " {:>w$}", f.cell()).unwrap();
            }
            out.push('\n');
        }
        let counts: Vec<String> = self
            .columns
            .iter()
            .zip(&self.all)
            .map(|(c, f)| format!("{c} {}", f.counts()))
            .collect();
        writeln!(out, "all, as counts: {}", counts.join(", ")).unwrap();
        if !tally_title.is_empty() {
            let t: Vec<String> = self
                .tallies
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            let t = if t.is_empty() {
                "none".to_string()
            } else {
                t.join(", ")
            };
            writeln!(out, "{tally_title}: {t}").unwrap();
        }
        if verbose {
            for (stem, misses) in &self.misses {
                for m in misses {
                    writeln!(out, "  {}/{stem}: {m}", self.set).unwrap();
                }
            }
        } else {
            let n: usize = self.misses.iter().map(|m| m.1.len()).sum();
            if n > 0 {
                writeln!(out, "({n} misses: GOLD_VERBOSE=1 lists them)").unwrap();
            }
        }
        out
    }
}

/// Analyses and scores every case of `tests/gold/SET`; `None` when the set has no cases.
/// Rows follow `shapes`, then any other shape found, alphabetically.
pub fn score_set(
    set: &'static str,
    shapes: &[&str],
    score: impl Fn(&Case, &Value) -> Scored,
) -> Option<SetResult> {
    let cases = load(set);
    if cases.is_empty() {
        return None;
    }
    let analyzer = analyzer(OffsetUnit::Char);
    let mut columns: Option<Vec<&'static str>> = None;
    let mut by_shape: BTreeMap<String, (usize, Vec<Figure>)> = BTreeMap::new();
    let mut all: Vec<Figure> = Vec::new();
    let mut tallies = BTreeMap::new();
    let mut misses = Vec::new();
    for case in &cases {
        let (report, failed) = match analyzer.analyze(&case.text) {
            Ok(r) => (serde_json::to_value(&r).expect("a Report serializes"), None),
            Err(e) => (Value::Null, Some(format!("analysis failed: {e}"))),
        };
        let mut scored = score(case, &report);
        if let Some(f) = failed {
            scored.misses.insert(0, f);
        }
        let names: Vec<&'static str> = scored.figures.iter().map(|f| f.0).collect();
        let cols = columns.get_or_insert_with(|| names.clone());
        assert_eq!(*cols, names, "{set}/{}: columns differ", case.stem);
        let figs: Vec<Figure> = scored.figures.iter().map(|f| f.1).collect();
        let row = by_shape
            .entry(case.shape.clone())
            .or_insert_with(|| (0, Vec::new()));
        row.0 += 1;
        for acc in [&mut row.1, &mut all] {
            if acc.is_empty() {
                acc.clone_from(&figs);
            } else {
                for (a, f) in acc.iter_mut().zip(&figs) {
                    *a = a.add(*f);
                }
            }
        }
        for (k, n) in scored.tallies {
            *tallies.entry(k).or_insert(0) += n;
        }
        if !scored.misses.is_empty() {
            misses.push((case.stem.clone(), scored.misses));
        }
    }
    let mut rows = Vec::new();
    for s in shapes {
        if let Some((n, figs)) = by_shape.remove(*s) {
            rows.push((s.to_string(), n, figs));
        }
    }
    rows.extend(by_shape.into_iter().map(|(s, (n, f))| (s, n, f)));
    Some(SetResult {
        set,
        columns: columns.unwrap_or_default(),
        rows,
        all,
        tallies,
        misses,
        cases: cases.len(),
    })
}

// --- reading JSON -------------------------------------------------------------------------

/// The array at `v`, or an empty slice.
pub fn arr(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// `v` as an offset.
pub fn off(v: &Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// The `start`/`end` of an object.
pub fn span(v: &Value) -> Option<(usize, usize)> {
    Some((off(&v["start"])?, off(&v["end"])?))
}

/// Two JSON numbers equal within 1e-6 relative (or both null).
pub fn same_number(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()),
        (None, None) => a.is_null() && b.is_null(),
        _ => false,
    }
}

/// A JSON value for a miss line (`null` for absent).
pub fn show(v: &Value) -> String {
    match v {
        Value::String(s) => quote(s),
        other => other.to_string(),
    }
}

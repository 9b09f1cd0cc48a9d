//! Golden tests: the outline, metrics and text layer of each seed report, rendered as
//! readable text and pinned with insta snapshots in `tests/snapshots/`.
//!
//! Review: each snapshot was read against its report by hand. When a change alters one,
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test --test golden` and
//! `git diff tests/snapshots`) shows what moved; accept only what you have checked
//! against the report text. The notes at the top of each snapshot say what to look for.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fmt::Write;

use common::analyzer;
use fazhi_lens::{OffsetUnit, Report};

fn report(text: &str) -> Report {
    analyzer(OffsetUnit::Char)
        .analyze(text)
        .expect("seed analyzes")
}

fn json_key<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn render_outline(r: &Report) -> String {
    let mut out = String::new();
    for s in &r.outline {
        let indent = "  ".repeat(usize::from(s.level - 1));
        let parts: Vec<String> = s.parts.iter().map(json_key).collect();
        let parts = if parts.is_empty() {
            String::new()
        } else {
            format!(" [{}]", parts.join(","))
        };
        let task = s
            .task
            .as_ref()
            .map(|t| format!(" <{t} {:.2}>", s.confidence))
            .unwrap_or_default();
        writeln!(
            out,
            "{indent}{} L{} {}{}{parts}{task}",
            s.id, s.level, s.marker, s.title
        )
        .unwrap();
        let items: Vec<&str> = r
            .enumerations
            .iter()
            .filter(|e| e.section.as_deref() == Some(&s.id))
            .map(|e| e.marker.as_str())
            .collect();
        if !items.is_empty() {
            writeln!(out, "{indent}    enumerations: {}", items.join(" ")).unwrap();
        }
    }
    let checks: Vec<String> = r
        .checks
        .iter()
        .filter(|c| {
            [
                "skipped_level",
                "numbering_gap",
                "duplicate_number",
                "mixed_marker_style",
                "missing_separator",
                "long_heading",
                "missing_part",
                "no_outline",
            ]
            .contains(&c.kind.as_str())
        })
        .map(|c| format!("{} {}: {}", json_key(&c.severity), c.kind, c.message))
        .collect();
    writeln!(out, "checks:\n{}", checks.join("\n")).unwrap();
    out
}

fn render_metrics(r: &Report) -> String {
    let mut out = String::new();
    for m in &r.metrics {
        let value = match m.value_max {
            Some(max) => format!("{}–{}", m.value, max),
            None => format!("{}", m.value),
        };
        let q = m
            .qualifier
            .map(|q| json_key(&q))
            .unwrap_or_else(|| "-".into());
        writeln!(
            out,
            "{} {:<10} = {} {} q={} subj={} ind={} §{}{}",
            m.id,
            m.raw,
            value,
            m.unit,
            q,
            m.subject.as_deref().unwrap_or("-"),
            m.indicator.as_deref().unwrap_or("-"),
            m.section.as_deref().unwrap_or("-"),
            if m.target { " TARGET" } else { "" }
        )
        .unwrap();
    }
    for s in &r.sums {
        writeln!(
            out,
            "sum {} = {} → {} consistent={:?} partial={}",
            s.total,
            s.parts.join("+"),
            s.sum,
            s.consistent,
            s.partial
        )
        .unwrap();
    }
    for rate in &r.rates {
        writeln!(
            out,
            "rate {} = {} ÷ {} → {} consistent={}",
            rate.rate,
            rate.numerator.join("+"),
            rate.denominator,
            rate.computed,
            rate.consistent
        )
        .unwrap();
    }
    for c in r
        .checks
        .iter()
        .filter(|c| c.kind == "sum_mismatch" || c.kind == "rate_mismatch")
    {
        writeln!(out, "check {}: {}", c.kind, c.message).unwrap();
    }
    out
}

fn render_text_layer(text: &str, r: &Report) -> String {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| {
        chars[s..e]
            .iter()
            .collect::<String>()
            .trim()
            .replace('\n', "⏎")
    };
    let mut out = String::new();
    let m = &r.meta;
    writeln!(
        out,
        "title: {:?}\nissuer: {:?}\naddressee: {:?}\nyear: {:?}\npublished: {:?}",
        m.title, m.issuer, m.addressee, m.year, m.published
    )
    .unwrap();
    let ph: Vec<&str> = m.placeholders.iter().map(|p| p.text.as_str()).collect();
    writeln!(out, "placeholders: {ph:?}").unwrap();
    for x in &r.removed {
        let t: String = slice(x.start, x.end).chars().take(40).collect();
        writeln!(out, "removed {}: {t}", x.reason).unwrap();
    }
    for c in &r.citations {
        writeln!(out, "cite {:?} {:?} {:?}", c.title, c.doc_number, c.kind).unwrap();
    }
    let kw: Vec<String> = r
        .keywords
        .iter()
        .take(12)
        .map(|k| format!("{}({})", k.word, k.count))
        .collect();
    writeln!(out, "keywords: {}", kw.join(" ")).unwrap();
    let fq: Vec<String> = r
        .frequencies
        .iter()
        .take(12)
        .map(|k| format!("{}({})", k.word, k.count))
        .collect();
    writeln!(out, "frequencies: {}", fq.join(" ")).unwrap();
    out
}

macro_rules! golden {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            let text = include_str!(concat!("fixtures/", $file));
            let r = report(text);
            insta::assert_snapshot!(concat!(stringify!($name), "_outline"), render_outline(&r));
            insta::assert_snapshot!(concat!(stringify!($name), "_metrics"), render_metrics(&r));
            insta::assert_snapshot!(
                concat!(stringify!($name), "_text"),
                render_text_layer(text, &r)
            );
        }
    };
}

golden!(seed_000, "000_5df1c9718f90d00c.txt");
golden!(seed_001, "001_446f1514762c12b7.txt");
golden!(seed_002, "002_b4867092e177dc67.txt");
golden!(seed_003, "003_2c9c4544be17b5e5.txt");
golden!(seed_004, "004_225241193e25156f.txt");
golden!(phenomena_clean, "phenomena/clean.txt");

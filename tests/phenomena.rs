//! One fixture per phenomenon of real input (SPEC "What real input looks like").
//!
//! `tests/fixtures/phenomena/clean.txt` is a report written for these tests;
//! `one_line.txt` (all line breaks removed) and `pdf.txt` (hard-wrapped every 34
//! characters, page numbers `— N —`, a running header on every page, CRLF) are derived
//! from it by `scripts/make_fixtures.py`. The same report must give the same outline and
//! the same metrics whatever shape it arrives in.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{analyzer, assert_spans_slice};
use fazhi_lens::{OffsetUnit, Part, Report};

fn analyze(text: &str) -> Report {
    let r = analyzer(OffsetUnit::Char).analyze(text).expect("analyzes");
    assert_spans_slice(text, &r, OffsetUnit::Char);
    r
}

fn outline(r: &Report) -> Vec<(u8, String, Vec<Part>)> {
    r.outline
        .iter()
        .map(|s| (s.level, s.title.replace(['\r', '\n'], ""), s.parts.clone()))
        .collect()
}

fn metrics(r: &Report) -> Vec<(f64, String)> {
    r.metrics
        .iter()
        .map(|m| (m.value, m.unit.clone()))
        .collect()
}

const CLEAN: &str = include_str!("fixtures/phenomena/clean.txt");
const ONE_LINE: &str = include_str!("fixtures/phenomena/one_line.txt");
const PDF: &str = include_str!("fixtures/phenomena/pdf.txt");

#[test]
fn clean_report_outline_parts_and_tasks() {
    let r = analyze(CLEAN);
    let levels: Vec<u8> = r.outline.iter().map(|s| s.level).collect();
    assert_eq!(
        levels,
        vec![1, 2, 3, 3, 2, 2, 2, 3, 3, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2]
    );
    let l1: Vec<&Vec<Part>> = r
        .outline
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| &s.parts)
        .collect();
    assert_eq!(
        l1,
        vec![
            &vec![Part::Measures],
            &vec![Part::ResponsiblePerson],
            &vec![Part::Shortcomings],
            &vec![Part::NextYear]
        ]
    );
    let systems: Vec<&str> = r
        .outline
        .iter()
        .filter(|s| s.level == 2 && s.parts == vec![Part::Measures])
        .filter_map(|s| s.task.as_deref())
        .collect();
    assert_eq!(
        systems,
        vec![
            "政府机构职能体系",
            "依法行政制度体系",
            "行政决策制度体系",
            "行政执法工作体系",
            "突发事件应对体系",
            "社会矛盾纠纷化解体系",
            "行政权力制约和监督体系",
            "科技保障体系"
        ]
    );
    assert!(
        r.checks.iter().all(|c| c.kind != "missing_part"),
        "{:?}",
        r.checks
    );
    assert_eq!(r.meta.issuer.as_deref(), Some("青禾区人民政府"));
    assert_eq!(r.meta.published.as_deref(), Some("2022-03-15"));
    assert_eq!(r.meta.year, Some(2021));
    assert_eq!(r.meta.addressee.as_deref(), Some("市人民政府"));
    // Figures in the next-year part are targets.
    let targets: Vec<&str> = r
        .metrics
        .iter()
        .filter(|m| m.target)
        .map(|m| m.raw.as_str())
        .collect();
    assert_eq!(targets, vec!["99%", "3000人次", "200场"]);
}

#[test]
fn one_line_report_has_the_same_outline_and_metrics() {
    let (clean, one) = (analyze(CLEAN), analyze(ONE_LINE));
    assert_eq!(outline(&one), outline(&clean));
    assert_eq!(metrics(&one), metrics(&clean));
}

#[test]
fn pdf_text_has_the_same_outline_and_metrics() {
    let (clean, pdf) = (analyze(CLEAN), analyze(PDF));
    assert_eq!(outline(&pdf), outline(&clean));
    assert_eq!(
        metrics(&pdf),
        metrics(&clean),
        "numbers split by a hard line break are whole again"
    );
    let reasons: Vec<&str> = pdf.removed.iter().map(|r| r.reason.as_str()).collect();
    assert!(
        reasons.contains(&"page_number") && reasons.contains(&"running_header"),
        "{reasons:?}"
    );
    let split = pdf
        .metrics
        .iter()
        .find(|m| m.value == 186.0)
        .expect("186项 split as 1\\r\\n86项");
    assert_eq!(
        split.raw, "1\r\n86项",
        "raw is the original text at the span"
    );
}

#[test]
fn heading_anomalies_become_checks() {
    let text = "某局2020年度法治政府建设情况报告\n一、主要举措和成效\n1.加强领导。正文。\n（一）健全制度\n(三）规范执法\n三、存在的不足和原因\n三、2021年工作安排\n";
    let r = analyze(text);
    let kinds: Vec<&str> = r.checks.iter().map(|c| c.kind.as_str()).collect();
    for k in [
        "skipped_level",
        "numbering_gap",
        "duplicate_number",
        "mixed_marker_style",
    ] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
    assert!(
        kinds.contains(&"missing_part"),
        "no 第一责任人 part in a 2020 report"
    );
}

#[test]
fn not_headings() {
    let text = "一、主要举措\n2020年，我区共受理案件16件。\n2018年12月19日\n12.5%的案件办结。\n依据国办发〔2018〕37号文件，①决策公开、②执行公开。\n";
    let r = analyze(text);
    assert_eq!(r.outline.len(), 1, "{:?}", r.outline);
    assert_eq!(
        r.enumerations
            .iter()
            .map(|e| e.marker.as_str())
            .collect::<Vec<_>>(),
        vec!["①", "②"]
    );
}

#[test]
fn template_site_page_is_cleaned_and_its_placeholders_reported() {
    let text = include_str!("fixtures/phenomena/template_site.txt");
    let r = analyze(text);
    let kept: Vec<String> = {
        let chars: Vec<char> = text.chars().collect();
        let mut removed = vec![false; chars.len()];
        for x in &r.removed {
            removed[x.start..x.end].iter_mut().for_each(|b| *b = true);
        }
        chars
            .iter()
            .zip(&removed)
            .filter(|(_, r)| !**r)
            .map(|(c, _)| *c)
            .collect::<String>()
            .lines()
            .map(str::to_string)
            .collect()
    };
    // Every line of the page around the report is gone; the report itself is whole.
    for junk in [
        "首页",
        "当前位置",
        "发布时间",
        "小编",
        "相关阅读",
        "上一篇",
        "下一篇",
        "版权所有",
        "觉得有用",
    ] {
        assert!(
            !kept.iter().any(|l| l.contains(junk)),
            "{junk} left in {kept:#?}"
        );
    }
    assert_eq!(
        kept.iter()
            .filter(|l| l.contains("度法治政府建设情况报告"))
            .count(),
        1,
        "the repeated title goes"
    );
    assert_eq!(r.outline.iter().filter(|s| s.level == 1).count(), 3);
    assert_eq!(r.meta.addressee.as_deref(), Some("区人民政府"));
    let placeholders: Vec<&str> = r
        .meta
        .placeholders
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    // The mask alone, with the digits fused to it (`201*`), never the unit after it (`*` of
    // `*件`): the span convention of the gold set.
    for p in ["XX", "201*", "*", "××"] {
        assert!(placeholders.contains(&p), "{p} in {placeholders:?}");
    }
    assert!(
        r.metrics.iter().all(|m| m.raw != "*件"),
        "a placeholder is not a metric"
    );
    assert!(r.checks.iter().any(|c| c.kind == "placeholder"));
}

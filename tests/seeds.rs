//! The five seed reports (`tests/fixtures/`, real reports as published), one test each:
//! the report parses, every span slices the input exactly in every unit, segmentation
//! keeps domain terms whole, and what a reader of that report knows is found.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{analyzer, assert_spans_slice};
use fazhi_lens::{OffsetUnit, Part, Report};

fn analyze(text: &str) -> Report {
    let report = analyzer(OffsetUnit::Char)
        .analyze(text)
        .expect("seed analyzes");
    for unit in [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Utf8] {
        let r = analyzer(unit).analyze(text).expect("seed analyzes");
        assert_spans_slice(text, &r, unit);
    }
    let json = serde_json::to_value(&report).expect("serializes");
    for field in [
        "version",
        "offsets",
        "meta",
        "removed",
        "outline",
        "enumerations",
        "metrics",
        "sums",
        "citations",
        "keywords",
        "checks",
        "stats",
    ] {
        assert!(json.get(field).is_some(), "top-level field {field}");
    }
    let back: Report = serde_json::from_value(json).expect("the JSON parses back into a Report");
    assert_eq!(back, report);
    report
}

fn words(text: &str) -> Vec<String> {
    analyzer(OffsetUnit::Char)
        .segment(text)
        .unwrap()
        .into_iter()
        .map(|t| t.word)
        .collect()
}

fn level_counts(r: &Report) -> [usize; 5] {
    let mut c = [0; 5];
    for s in &r.outline {
        c[usize::from(s.level) - 1] += 1;
    }
    c
}

#[test]
fn seed_000_development_zone_2017() {
    let text = include_str!("fixtures/000_5df1c9718f90d00c.txt");
    let r = analyze(text);
    assert_eq!(r.meta.year, Some(2017));
    assert_eq!(r.meta.published.as_deref(), Some("2018-01-22"));
    assert_eq!(r.meta.addressee.as_deref(), Some("连云港市政府"));
    assert_eq!(level_counts(&r)[0], 7, "seven 一、…七、 sections");
    assert!(
        r.removed.iter().any(|x| x.reason == "publication_info"),
        "来源/发布时间 lines are removed"
    );
    assert!(r.enumerations.iter().any(|e| e.marker == "一是"));
    assert!(words("依法行政工作监督部门负责行政复议").contains(&"行政复议".to_string()));
}

#[test]
fn seed_001_template_site_breakdown_does_not_add_up() {
    let text = include_str!("fixtures/001_446f1514762c12b7.txt");
    let r = analyze(text);
    assert!(
        r.removed.iter().any(|x| x.reason == "template_site"),
        "小编为大家整理 line"
    );
    assert!(
        r.removed.iter().any(|x| x.reason == "related"),
        "推荐访问 line"
    );
    let total = r
        .metrics
        .iter()
        .find(|m| m.raw == "1412项")
        .expect("the 1412项 total");
    let sum = r
        .sums
        .iter()
        .find(|s| s.total == total.id)
        .expect("a breakdown of 1412项");
    assert_eq!((sum.sum, sum.consistent), (1379.0, Some(false)));
    assert!(r
        .checks
        .iter()
        .any(|c| c.kind == "sum_mismatch" && c.message.contains("1379")));
    assert!(r
        .checks
        .iter()
        .any(|c| c.kind == "placeholder" && c.message.contains("XX")));
    let with_enums: Vec<_> = r
        .outline
        .iter()
        .filter(|s| {
            s.level == 2
                && r.enumerations
                    .iter()
                    .any(|e| e.section.as_ref() == Some(&s.id))
        })
        .collect();
    assert!(
        !with_enums.is_empty(),
        "(一) sections carry 一是/二是 inside"
    );
}

#[test]
fn seed_002_demonstration_zone_2020() {
    let text = include_str!("fixtures/002_b4867092e177dc67.txt");
    let r = analyze(text);
    assert_eq!(r.meta.year, Some(2020));
    let parts: Vec<Part> = r
        .outline
        .iter()
        .filter(|s| s.level == 1)
        .flat_map(|s| s.parts.clone())
        .collect();
    assert!(parts.contains(&Part::Shortcomings) && parts.contains(&Part::NextYear));
    assert!(r
        .citations
        .iter()
        .any(|c| c.doc_number.as_deref() == Some("国办发〔2018〕37号")));
    assert!(r
        .citations
        .iter()
        .any(|c| c.doc_number.as_deref() == Some("省政府令第169号")));
}

#[test]
fn seed_003_sub_district_missing_separator() {
    let text = include_str!("fixtures/003_2c9c4544be17b5e5.txt");
    let r = analyze(text);
    assert_eq!(
        r.meta.title.as_deref(),
        Some("南城街道2018年度法治政府建设情况报告")
    );
    assert_eq!(r.meta.issuer.as_deref(), Some("南城街道办事处"));
    assert_eq!(
        r.meta.published.as_deref(),
        Some("2018-12-19"),
        "the garbled 20181219 closing date"
    );
    let h = r
        .outline
        .iter()
        .find(|s| s.title == "加强政务服务体系创新")
        .expect("the 2加强… heading");
    assert_eq!((h.level, h.marker.as_str()), (3, "2"));
    assert!(r.checks.iter().any(|c| c.kind == "missing_separator"));
    assert!(r.removed.iter().any(|x| x.reason == "navigation"), "无障碍");
    let m = r
        .metrics
        .iter()
        .find(|m| m.raw == "77项")
        .expect("取消证明事项77项");
    assert_eq!(m.indicator.as_deref(), Some("certificates_cancelled"));
}

#[test]
fn seed_004_park_2022_eight_systems() {
    let text = include_str!("fixtures/004_225241193e25156f.txt");
    let r = analyze(text);
    assert_eq!(r.meta.year, Some(2022));
    assert!(r.removed.iter().any(|x| x.reason == "repeated_title"));
    let l1: Vec<&fazhi_lens::Section> = r.outline.iter().filter(|s| s.level == 1).collect();
    assert_eq!(l1.len(), 4);
    assert_eq!(l1[1].parts, vec![Part::ResponsiblePerson]);
    let measures = &l1[0];
    let tasks: Vec<&str> = r
        .outline
        .iter()
        .filter(|s| s.parent.as_ref() == Some(&measures.id))
        .filter_map(|s| s.task.as_deref())
        .collect();
    assert_eq!(
        tasks.len(),
        8,
        "eight (一)…(八) sections, one per 2021–2025 system"
    );
    assert!(
        !r.checks.iter().any(|c| c.kind == "missing_part"),
        "all mandated parts present: {:?}",
        r.checks
    );
    assert!(
        r.enumerations
            .iter()
            .any(|e| e.marker.starts_with('(') || e.marker.starts_with('（')),
        "inline (1)…(5)"
    );
}

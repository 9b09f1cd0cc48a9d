//! One fixture per phenomenon of real input (SPEC "What real input looks like").
//!
//! `tests/fixtures/phenomena/clean.txt` is a report written for these tests;
//! `one_line.txt` (all line breaks removed) and `pdf.txt` (hard-wrapped every 34
//! characters, page numbers `— N —`, a running header on every page, CRLF) are derived
//! from it by `scripts/make_fixtures.py`. The same report must give the same outline and
//! the same metrics whatever shape it arrives in.
//!
//! The same holds for every fixture (the seeds and the written report): each report
//! (without the page around it, which the clean stage removes) is turned into the shapes
//! users paste with the transforms of `scripts/make_gold_outline.py` —
//! one line (line breaks removed, joined with nothing or a space), hard-wrapped PDF text
//! (a fixed width of full-width characters, closing punctuation never starting a line,
//! runs of digits never split, a running header and a page number on every page), CRLF —
//! and must give the same outline: levels, markers, titles (a wrapped title joined) and
//! parts.
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
    outline_of(r)
}

fn outline_of(r: &Report) -> Vec<(u8, String, Vec<Part>)> {
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

/// Every fixture of `tests/fixtures/`: the seeds and the written report, as pages.
fn fixtures() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.push(dir.join("phenomena/clean.txt"));
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("fixture reads");
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect()
}

/// The shape `one_line` of `make_gold_outline.py`: every line break removed, the lines
/// joined with `joiner`.
fn one_line(text: &str, joiner: &str) -> String {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(joiner)
}

/// The shape `crlf`: every `\n` becomes `\r\n`.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// The shape `pdf` of `make_gold_outline.py`: each line hard-wrapped at `width` full-width
/// characters (a half-width one counts one half); a closing mark never starts a line and
/// an opening one never ends it; a run of half-width digits or letters (`1.2`, `12366`) is
/// never split; blank lines dropped; a running header at the top of every page of `lines`
/// lines and a page number `- N -` at its foot.
fn pdf(text: &str, width: usize, lines: usize, header: &str) -> String {
    const NO_START: &str = "，。、；：？！）》〉」』”’%％,.;:?!)]";
    const NO_END: &str = "（《〈「『“‘([";
    let word = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '%';
    let mut body: Vec<String> = Vec::new();
    for line in text.lines().map(|l| l.trim_end_matches('\r')) {
        if line.trim().is_empty() {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut p = 0;
        while p < chars.len() {
            let (mut q, mut units) = (p, 0);
            while q < chars.len() {
                let u = if chars[q].is_ascii() { 1 } else { 2 };
                if units + u > 2 * width {
                    break;
                }
                units += u;
                q += 1;
            }
            if q < chars.len() {
                for _ in 0..3 {
                    if q < chars.len() && NO_START.contains(chars[q]) {
                        q += 1;
                    }
                }
                if q < chars.len() && NO_END.contains(chars[q - 1]) && q - 1 > p {
                    q -= 1;
                }
                if q < chars.len() && word(chars[q - 1]) && word(chars[q]) {
                    let mut r = q - 1;
                    while r > p && word(chars[r - 1]) {
                        r -= 1;
                    }
                    if r > p {
                        q = r;
                    }
                }
            }
            body.push(chars[p..q].iter().collect());
            p = q;
        }
    }
    let mut out = String::new();
    for (n, page) in body.chunks(lines).enumerate() {
        out.push_str(header);
        out.push('\n');
        for l in page {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!("- {} -\n", n + 1));
    }
    out
}

#[test]
fn every_fixture_gives_the_same_outline_in_every_shape() {
    let mut failures = Vec::new();
    for (name, page) in fixtures() {
        // The report without what the page around it left (navigation, 来源, footers): the
        // shapes are of the report.
        let found = analyze(&page);
        let mut removed = vec![false; page.chars().count()];
        for r in &found.removed {
            removed[r.start..r.end].iter_mut().for_each(|x| *x = true);
        }
        let text: String = page
            .chars()
            .zip(&removed)
            .filter(|(_, r)| !**r)
            .map(|(c, _)| c)
            .collect();
        let clean = outline_of(&analyze(&text));
        assert_eq!(clean, outline_of(&found), "{name}: the report alone");
        let shapes = [
            ("one_line", one_line(&text, "")),
            ("one_line with spaces", one_line(&text, " ")),
            ("pdf", pdf(&text, 34, 24, "某某人民政府文件")),
            ("pdf narrow", pdf(&text, 28, 20, "某某人民政府文件")),
            ("crlf", crlf(&text)),
        ];
        for (shape, derived) in shapes {
            let got = outline_of(&analyze(&derived));
            if got != clean {
                let show = |o: &[(u8, String, Vec<Part>)]| {
                    o.iter()
                        .map(|(l, t, _)| format!("L{l} {t}"))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                failures.push(format!(
                    "{name} as {shape}:\n  clean: {}\n  {shape}: {}",
                    show(&clean),
                    show(&got)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_document_that_is_not_a_report_gets_no_mandated_parts() {
    let text = "2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n全年地区生产总值增长5.6%。\n二、2024年工作安排\n着力扩大有效需求。\n三、全面加强政府自身建设\n坚持依法行政。\n";
    let r = analyze(text);
    assert_eq!(
        r.meta.kind,
        fazhi_lens::DocKind::Other,
        "{:?}",
        r.meta.kind_evidence
    );
    assert!(r.outline.iter().all(|s| s.parts.is_empty()));
    assert!(r.checks.iter().all(|c| c.kind != "missing_part"));
    assert_eq!(r.outline.len(), 3, "the outline is still read");
}

#[test]
fn an_excerpt_is_incomplete_and_its_missing_parts_are_only_noted() {
    let text = "某县2021年度法治政府建设情况报告\n一、2021年推进法治政府建设的主要举措和成效\n（一）深化“放管服”改革\n全区政务服务事项“一网通办”率达到97.6%。\n（二）加强行政复议工作\n深化行政复议体制改革，全年共收到行政复议申请";
    let r = analyze(text);
    assert!(r.meta.incomplete);
    let info = |kind: &str| {
        r.checks
            .iter()
            .filter(|c| c.kind == kind)
            .all(|c| c.severity == fazhi_lens::Severity::Info)
    };
    assert!(r.checks.iter().any(|c| c.kind == "incomplete_text"));
    assert!(r.checks.iter().any(|c| c.kind == "missing_part"));
    assert!(
        info("incomplete_text") && info("missing_part"),
        "{:?}",
        r.checks
    );
}

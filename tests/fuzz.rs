//! The long fuzz run (`make fuzz`, ignored in `make test`): report-like generated input
//! (markers, numbers, units, brackets, tables, line breaks in odd places) mixed with
//! arbitrary Unicode, for `FUZZ_SECONDS` (default 600). Invariants: no panic; every span
//! lies inside the input on character boundaries in every unit and slices to what it
//! claims; sections nest; sums reference existing metrics. (`cargo fuzz` needs a nightly
//! toolchain, which these machines cannot install; this harness uses proptest's
//! generators instead.) A failing input is written to `target/fuzz-finding.txt`; keep it
//! as a regression test in `tests/spans.rs`, named after what broke.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::{Duration, Instant};

use common::{analyzer, assert_spans_slice};
use fazhi_lens::{Error, OffsetUnit};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

const PIECES: &[&str] = &[
    "一、",
    "二、",
    "十二、",
    "（一）",
    "(二)",
    "(三）",
    "第一部分",
    "1.",
    "2、",
    "3",
    "（1）",
    "(2)",
    "①",
    "②",
    "一是",
    "二是",
    "首先，",
    "依法行政",
    "行政复议",
    "受理",
    "申请",
    "办结率",
    "共",
    "共计",
    "其中",
    "其中：",
    "合计",
    "约",
    "近",
    "余",
    "多",
    "以上",
    "不少于",
    "左右",
    "以内",
    "16",
    "１２３",
    "4300",
    "1,100",
    "3.5",
    "0.",
    ".5",
    "十",
    "二十三",
    "两",
    "百分之九十五",
    "三分之二",
    "九成",
    "件",
    "项",
    "人次",
    "%",
    "％",
    "个工作日",
    "万元",
    "亿元",
    "万",
    "亿",
    "至",
    "-",
    "—",
    "～",
    "2018年",
    "5月底",
    "国办发〔2018〕37号",
    "[2018]5号",
    "省政府令第169号",
    "《",
    "》",
    "〈",
    "〉",
    "《法治政府建设实施纲要(2015-2020年)》",
    "12345",
    "三重一大",
    "“",
    "”",
    "。",
    "，",
    "：",
    "；",
    ",",
    ":",
    "、",
    "\r\n",
    "\n",
    "\r",
    " ",
    "  ",
    "\u{3000}",
    "\t",
    "\u{200B}",
    "\u{FEFF}",
    "\u{202E}",
    "😀",
    "𠀀",
    "👨‍👩‍👧",
    "e\u{301}",
    "XX区",
    "201*年",
    "*次",
    "来源：本站",
    "发布时间：2020-01-02",
    "打印本页",
    "- 3 -",
    "20181219",
    "201818",
    "<script>",
    "&lt;",
    "\u{0}",
    "\u{7F}",
    "\u{FFFD}",
];

#[test]
#[ignore = "long run: make fuzz"]
fn fuzz_analyze() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let report_like = proptest::collection::vec(proptest::sample::select(PIECES), 0..200)
        .prop_map(|v| v.concat());
    let arbitrary = "\\PC{0,300}";
    let mut runner = TestRunner::default();
    let (mut runs, mut reports, mut metrics, mut headings) = (0u64, 0u64, 0u64, 0u64);
    while Instant::now() < deadline {
        let text = if runs % 3 == 2 {
            arbitrary
                .new_tree(&mut runner)
                .expect("generates")
                .current()
        } else {
            report_like
                .new_tree(&mut runner)
                .expect("generates")
                .current()
        };
        let unit = [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Utf8][(runs % 3) as usize];
        std::fs::write("target/fuzz-input.txt", &text).ok();
        match analyzer(unit).analyze(&text) {
            Ok(report) => {
                assert_spans_slice(&text, &report, unit);
                for s in &report.sums {
                    assert!(std::iter::once(&s.total)
                        .chain(&s.parts)
                        .all(|id| report.metrics.iter().any(|m| &m.id == id)));
                }
                for s in &report.outline {
                    if let Some(p) = &s.parent {
                        let parent = report
                            .outline
                            .iter()
                            .find(|o| &o.id == p)
                            .expect("parent exists");
                        assert!(
                            parent.start <= s.start && s.section_end <= parent.section_end,
                            "sections nest"
                        );
                    }
                }
                reports += 1;
                metrics += report.metrics.len() as u64;
                headings += report.outline.len() as u64;
            }
            Err(Error::EmptyInput) => {}
            Err(e) => {
                std::fs::write("target/fuzz-finding.txt", &text).ok();
                panic!("unexpected error {e} for {text:?}");
            }
        }
        runs += 1;
    }
    println!("fuzz: {runs} executions in {seconds} s, {reports} reports, {headings} headings, {metrics} metrics, no finding");
}

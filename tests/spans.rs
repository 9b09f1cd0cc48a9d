//! Property tests for the invariants every caller relies on: for arbitrary input —
//! report-like pieces (markers, numbers, units, brackets) glued with `\r\n`, characters
//! outside the BMP, full-width forms and zero-width spaces, and arbitrary Unicode —
//! analysis never panics, every span slices the original input exactly in every unit,
//! sections nest, sums reference existing metrics, and normalization is idempotent.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{analyzer, assert_spans_slice};
use fazhi_lens::{normalize::normalize, Error, OffsetUnit, Report};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "（一）",
    "(二)",
    "(三）",
    "1.",
    "2、",
    "3",
    "（1）",
    "(2)",
    "①",
    "②",
    "第一部分",
    "一是",
    "二是",
    "首先，",
    "依法行政",
    "行政复议",
    "受理",
    "申请",
    "办结率",
    "共",
    "其中",
    "约",
    "近",
    "余",
    "多",
    "以上",
    "不少于",
    "左右",
    "16",
    "１２３",
    "4300",
    "1,100",
    "3.5",
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
    "至",
    "-",
    "—",
    "～",
    "2018年",
    "5月底",
    "国办发〔2018〕37号",
    "[2018]5号",
    "省政府令第169号",
    "《法治政府建设实施纲要(2015-2020年)》",
    "12345",
    "三重一大",
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
    "\u{3000}",
    "\t",
    "\u{200B}",
    "\u{FEFF}",
    "😀",
    "𠀀",
    "👨‍👩‍👧",
    "XX区",
    "201*年",
    "*次",
    "来源：本站",
    "发布时间：2020-01-02",
    "打印本页",
    "- 3 -",
    "20181219",
];

fn report_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    for unit in [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Utf8] {
        match analyzer(unit).analyze(text) {
            Ok(report) => {
                assert_spans_slice(text, &report, unit);
                structure(&report)?;
            }
            Err(Error::EmptyInput) => {
                let blank = text
                    .chars()
                    .all(|c| c.is_whitespace() || fazhi_lens::normalize::is_ignorable(c));
                prop_assert!(blank, "EmptyInput for non-blank text {:?}", text);
            }
            Err(e) => return Err(TestCaseError::fail(format!("unexpected error {e}"))),
        }
    }
    Ok(())
}

fn structure(report: &Report) -> Result<(), TestCaseError> {
    for s in &report.outline {
        prop_assert!(s.start <= s.end && s.end <= s.section_end, "{s:?}");
        if let Some(p) = &s.parent {
            let parent = report
                .outline
                .iter()
                .find(|o| &o.id == p)
                .expect("parent exists");
            prop_assert!(
                parent.level < s.level
                    && parent.start <= s.start
                    && s.section_end <= parent.section_end,
                "{s:?} in {parent:?}"
            );
        }
    }
    for sum in &report.sums {
        for id in std::iter::once(&sum.total).chain(&sum.parts) {
            prop_assert!(
                report.metrics.iter().any(|m| &m.id == id),
                "sum references {id}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_report_like_input(text in report_like()) {
        check(&text)?;
    }

    #[test]
    fn spans_slice_arbitrary_unicode(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn normalization_is_idempotent(text in report_like()) {
        let once = normalize(&text);
        let twice = normalize(once.text());
        prop_assert_eq!(once.text(), twice.text());
    }
}

/// Regression: a metric split by a `\r\n` between number and unit must still slice to its raw.
#[test]
fn regression_crlf_inside_metric() {
    let text = "一、主要举措\r\n受理申请16\r\n件。共2件，其中1件、1件。";
    for unit in [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Utf8] {
        let report = analyzer(unit).analyze(text).unwrap();
        assert_spans_slice(text, &report, unit);
    }
}

/// Regression (found by `make fuzz`): a 合计 line stands after its parts, and the
/// sum_mismatch check once spanned from the total back to the last part (start > end).
#[test]
fn regression_sum_check_span_when_total_follows_parts() {
    let text = "一、主要举措\n来信 120件\n来访 80件\n网上信访 55件\n合计 250件\n";
    for unit in [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Utf8] {
        let report = analyzer(unit).analyze(text).unwrap();
        assert!(report.checks.iter().any(|c| c.kind == "sum_mismatch"));
        assert_spans_slice(text, &report, unit);
    }
}

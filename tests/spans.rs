//! Property tests for the invariants every caller relies on: for arbitrary input —
//! report-like pieces (markers, numbers, units, brackets) glued with `\r\n`, characters
//! outside the BMP, full-width forms and zero-width spaces, and arbitrary Unicode —
//! analysis never panics, every span slices the original input exactly in every unit,
//! sections nest, sums reference existing metrics, and normalization is idempotent.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{analyzer, assert_spans_slice, assert_structure, REPORT_PIECES};
use fazhi_lens::stages::normalize;
use fazhi_lens::{Error, OffsetUnit};
use proptest::prelude::*;

fn report_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(REPORT_PIECES), 0..80).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    for unit in [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Utf8] {
        match analyzer(unit).analyze(text) {
            Ok(report) => {
                assert_spans_slice(text, &report, unit);
                assert_structure(&report);
            }
            Err(Error::EmptyInput) => {
                let blank = text
                    .chars()
                    .all(|c| c.is_whitespace() || fazhi_lens::stages::is_ignorable(c));
                prop_assert!(blank, "EmptyInput for non-blank text {:?}", text);
            }
            Err(e) => return Err(TestCaseError::fail(format!("unexpected error {e}"))),
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

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

use common::{analyzer, assert_spans_slice, assert_structure, REPORT_PIECES};
use fazhi_lens::{Error, OffsetUnit};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

#[test]
#[ignore = "long run: make fuzz"]
fn fuzz_analyze() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let report_like = proptest::collection::vec(proptest::sample::select(REPORT_PIECES), 0..200)
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
                assert_structure(&report);
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

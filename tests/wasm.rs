//! The JavaScript boundary, in headless Firefox ESR and Chromium (`make test-wasm`, i.e.
//! `wasm-pack test --headless --firefox` and `--chrome`; both read `webdriver.json`): the
//! `Analyzer` class as JS sees it, results deserialized back into the Rust `Report` to
//! compare, UTF-16 spans checked with JavaScript's own `String.prototype.slice`, and
//! errors that are JS `Error`s, not panics. The same tests must pass in both browsers.
#![cfg(target_arch = "wasm32")]

use fazhi_lens::wasm::{decode_bytes, Analyzer, PartialOptions};
use fazhi_lens::Report;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/003_2c9c4544be17b5e5.txt");

fn options(json: &str) -> Option<PartialOptions> {
    let value = js_sys::JSON::parse(json).expect("test options are valid JSON");
    Some(value.unchecked_into())
}

fn analyze(analyzer: &Analyzer, text: &str) -> Report {
    let value = analyzer.analyze(text).expect("analysis succeeds");
    serde_wasm_bindgen::from_value(value).expect("the result deserializes into a Report")
}

/// `text.slice(start, end)` in JavaScript.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    String::from(js_sys::JsString::from(text).slice(start as u32, end as u32))
}

#[wasm_bindgen_test]
fn seed_round_trip_with_utf16_spans() {
    let analyzer = Analyzer::new(options(r#"{"offsets":"utf16"}"#), None).expect("valid options");
    let report = analyze(&analyzer, SEED);
    assert_eq!(report.offsets, fazhi_lens::OffsetUnit::Utf16);
    assert!(
        report.outline.len() >= 20,
        "seed 003 has a deep outline, got {}",
        report.outline.len()
    );
    assert_eq!(
        report.meta.title.as_deref(),
        Some("南城街道2018年度法治政府建设情况报告")
    );
    for m in &report.metrics {
        assert_eq!(js_slice(SEED, m.start, m.end), m.raw);
    }
    for s in &report.outline {
        assert!(js_slice(SEED, s.start, s.end).ends_with(&s.title), "{s:?}");
    }
    assert!(
        report.stats.timings.is_some(),
        "the page's clock gives per-stage timings"
    );
}

#[wasm_bindgen_test]
fn utf16_offsets_after_an_emoji() {
    let analyzer = Analyzer::new(options(r#"{"offsets":"utf16"}"#), None).expect("valid options");
    let text = "😀𠀀报告\r\n一、主要举措\r\n受理行政复议申请16件。";
    let report = analyze(&analyzer, text);
    let m = &report.metrics[0];
    assert_eq!(m.raw, "16件");
    assert_eq!(js_slice(text, m.start, m.end), "16件");
    let s = &report.outline[0];
    assert_eq!(js_slice(text, s.start, s.end), "一、主要举措");
}

#[wasm_bindgen_test]
fn invalid_options_are_a_js_error() {
    let err = Analyzer::new(options(r#"{"offsets":"bytes"}"#), None)
        .err()
        .expect("bytes is not a unit");
    let err: js_sys::Error = err.dyn_into().expect("a real JS Error");
    assert!(String::from(err.message()).contains("invalid options"));
    let code = js_sys::Reflect::get(&err, &"code".into()).unwrap();
    assert_eq!(code.as_string().as_deref(), Some("invalid_options"));
    let unknown = Analyzer::new(options(r#"{"offset":"utf16"}"#), None);
    assert!(unknown.is_err(), "unknown fields are rejected, not ignored");
}

#[wasm_bindgen_test]
fn empty_input_is_an_error_with_a_chinese_message() {
    let analyzer = Analyzer::new(None, None).expect("default options");
    let err: js_sys::Error = analyzer
        .analyze(" \n\u{200B}")
        .err()
        .expect("empty input")
        .dyn_into()
        .unwrap();
    let zh = js_sys::Reflect::get(&err, &"messageZh".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(zh.contains("没有可分析的文字"));
}

#[wasm_bindgen_test]
fn decodes_gbk_bytes() {
    let text = "受理行政复议申请16件，法治政府建设情况报告。";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    let decoded = decode_bytes(&bytes).expect("GBK decodes");
    let got = js_sys::Reflect::get(&decoded, &"text".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(got, text);
}

#[wasm_bindgen_test]
fn a_lexicon_as_utf8_bytes_is_the_lexicon_as_text() {
    let lexicon = "# a comment\n美丽的公园 100000\n";
    let text = "我们去美丽的公园。";
    let tokens = |source: Option<JsValue>| {
        let analyzer =
            Analyzer::new(None, source.map(JsCast::unchecked_into)).expect("a valid lexicon");
        let tokens = analyzer.segment(text).expect("segments");
        String::from(js_sys::JSON::stringify(&tokens).unwrap())
    };
    let from_bytes = tokens(Some(js_sys::Uint8Array::from(lexicon.as_bytes()).into()));
    assert_eq!(from_bytes, tokens(Some(JsValue::from_str(lexicon))));
    assert_ne!(
        from_bytes,
        tokens(None),
        "the lexicon's word changes the cut"
    );

    for (source, why) in [
        (
            js_sys::Uint8Array::from(&[0xe7, 0xbe][..]).into(),
            "not UTF-8",
        ),
        (JsValue::from_f64(1.0), "neither text nor bytes"),
    ] {
        let err: js_sys::Error = Analyzer::new(None, Some(source.unchecked_into()))
            .err()
            .expect(why)
            .dyn_into()
            .expect("a real JS Error");
        let code = js_sys::Reflect::get(&err, &"code".into()).unwrap();
        assert_eq!(
            code.as_string().as_deref(),
            Some("invalid_lexicon"),
            "{why}"
        );
    }
}

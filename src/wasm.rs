//! The WebAssembly binding: the core's [`Analyzer`](crate::Analyzer) as a JavaScript class
//! and the export functions (feature `wasm`), and `decodeBytes` (feature `wasm-decode`).
//! The two are built as two modules from this crate: the analysis, which a page needs
//! first, and the decoders of file bytes (encoding_rs's legacy tables, chardetng, the
//! `.docx` reader: a quarter of the size), which it needs only when a file is opened.
//!
//! Results cross as plain JS objects (serde-wasm-bindgen's JSON-compatible serializer:
//! `None` is `null`, maps are objects), so they survive `structuredClone` and
//! `postMessage` and leave nothing on the Rust heap. Errors are real JS `Error`s with a
//! `code` (stable key) and `messageZh` (Chinese message for the page) — never panics: the
//! core returns `Result` for everything input can reach. TypeScript types come from the
//! Rust types (tsify).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Error;
#[cfg(feature = "wasm")]
use crate::Options;

/// Converts a core error into a JS `Error` with `code` and `messageZh` properties.
fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name("FazhiLensError");
    let obj: &JsValue = err.as_ref();
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code().into());
    let _ = js_sys::Reflect::set(obj, &"messageZh".into(), &e.message_zh().into());
    err.into()
}

/// Serializes a result into a plain JS object.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            js_error(&Error::InvalidOptions(format!(
                "cannot convert the result: {e}"
            )))
        })
}

/// Milliseconds from the page's `performance.now()`, in a window or a worker.
#[cfg(feature = "wasm")]
fn performance_now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<web_sys::Performance>(p).ok())
        .map_or(0.0, |p| p.now())
}

#[cfg(feature = "wasm")]
#[wasm_bindgen]
extern "C" {
    /// Options as JavaScript passes them: any of the fields of `Options`.
    #[wasm_bindgen(typescript_type = "Partial<Options>")]
    pub type PartialOptions;

    /// A lexicon as JavaScript passes it: its text, or its bytes in UTF-8 as fetched.
    #[wasm_bindgen(typescript_type = "string | Uint8Array")]
    pub type LexiconSource;
}

/// The text of a lexicon given as a string, or as UTF-8 bytes: read as they are, without
/// the page decoding 2 MB to a string that is encoded to UTF-8 again on the way in (15 ms
/// of the page's 150–300 ms to build its dictionary).
#[cfg(feature = "wasm")]
fn lexicon_text(source: &JsValue) -> Result<String, Error> {
    if let Some(text) = source.as_string() {
        return Ok(text);
    }
    match source.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => String::from_utf8(bytes.to_vec())
            .map_err(|e| Error::InvalidLexicon(format!("its bytes are not UTF-8: {e}"))),
        None => Err(Error::InvalidLexicon(
            "a lexicon is a string, or a Uint8Array of its UTF-8 bytes".into(),
        )),
    }
}

/// Analyzes rule-of-law reports. Create once (loading the lexicon is the expensive part),
/// then call `analyze` as often as needed.
#[cfg(feature = "wasm")]
#[wasm_bindgen]
pub struct Analyzer {
    inner: crate::Analyzer,
}

#[cfg(feature = "wasm")]
#[wasm_bindgen]
impl Analyzer {
    /// `new Analyzer(options?, lexicon?)`: `options` as in `Analyzer.defaultOptions()`
    /// (unknown fields are an error); `lexicon` the text of `lexicon.txt` or of
    /// `lexicon.columns.txt`, the same in columns, or its bytes as fetched (a
    /// `Uint8Array` of UTF-8; without it, outline and metrics work and segmentation is
    /// coarse).
    #[wasm_bindgen(constructor)]
    pub fn new(
        options: Option<PartialOptions>,
        lexicon: Option<LexiconSource>,
    ) -> Result<Analyzer, JsValue> {
        // Through JSON, so that unknown fields are rejected (serde-wasm-bindgen only looks
        // up the fields it knows and would silently ignore a misspelt one).
        let options: Options = if let Some(options) = options {
            let json = js_sys::JSON::stringify(&options)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| {
                    js_error(&Error::InvalidOptions(
                        "options must be a plain object".into(),
                    ))
                })?;
            crate::Analyzer::options_from_json(&json).map_err(|e| js_error(&e))?
        } else {
            Options::default()
        };
        let lexicon = lexicon
            .map(|l| lexicon_text(&l))
            .transpose()
            .map_err(|e| js_error(&e))?;
        let mut inner =
            crate::Analyzer::with_lexicon(options, lexicon.as_deref()).map_err(|e| js_error(&e))?;
        inner.set_clock(Box::new(performance_now));
        Ok(Analyzer { inner })
    }

    /// The default options.
    #[wasm_bindgen(js_name = defaultOptions, unchecked_return_type = "Options")]
    pub fn default_options() -> Result<JsValue, JsValue> {
        to_js(&Options::default())
    }

    /// The crate version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        crate::VERSION.to_string()
    }

    /// Whether the general dictionary is loaded.
    #[wasm_bindgen(getter, js_name = hasLexicon)]
    pub fn has_lexicon(&self) -> bool {
        self.inner.has_lexicon()
    }

    /// Analyzes one text into a Report.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn analyze(&self, text: &str) -> Result<JsValue, JsValue> {
        let report = self.inner.analyze(text).map_err(|e| js_error(&e))?;
        to_js(&report)
    }

    /// Segments a text into words with spans.
    #[wasm_bindgen(unchecked_return_type = "WordToken[]")]
    pub fn segment(&self, text: &str) -> Result<JsValue, JsValue> {
        let tokens = self.inner.segment(text).map_err(|e| js_error(&e))?;
        to_js(&tokens)
    }

    /// Every occurrence of `word` with `width` characters of context each side.
    #[wasm_bindgen(unchecked_return_type = "Concordance[]")]
    pub fn kwic(&self, text: &str, word: &str, width: usize) -> Result<JsValue, JsValue> {
        let lines = self
            .inner
            .kwic(text, word, width)
            .map_err(|e| js_error(&e))?;
        to_js(&lines)
    }
}

/// Decoded file text and the encoding detected.
#[cfg(feature = "wasm-decode")]
#[derive(Serialize, tsify::Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
pub struct DecodedText {
    /// The text.
    pub text: String,
    /// The encoding it was read in (`UTF-8`, `UTF-16LE`, `GBK` …).
    pub encoding: String,
}

/// Decodes a dropped file's bytes (UTF-8, UTF-16 with BOM, GB18030/GBK detected).
#[cfg(feature = "wasm-decode")]
#[wasm_bindgen(js_name = decodeBytes, unchecked_return_type = "DecodedText")]
pub fn decode_bytes(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let d = crate::decode::decode(bytes).map_err(|e| js_error(&e))?;
    to_js(&DecodedText {
        text: d.text,
        encoding: d.encoding.to_string(),
    })
}

/// Reads a JS value into a Rust type, or says what was wrong with it.
#[cfg(feature = "wasm")]
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_error(&Error::InvalidOptions(format!("{what}: {e}"))))
}

/// A lexicon in columns (`lexicon.columns.txt`): the same entries as the `word freq [idf]`
/// lines given (or columns), laid out to download in less (see the crate's `lexicon`
/// module). `new Analyzer(options, lexicon)` reads either form.
#[cfg(feature = "wasm")]
#[wasm_bindgen(js_name = packLexicon)]
pub fn pack_lexicon(lexicon: &str) -> Result<String, JsValue> {
    crate::lexicon::pack(lexicon).map_err(|e| js_error(&e))
}

/// The metrics of several analysed reports as one CSV table, exactly as the CLI writes it
/// (`fazhi-lens analyze --format csv`): UTF-8 starting with a BOM for Excel, one row per
/// metric, the offset unit named in the header.
#[cfg(feature = "wasm")]
#[wasm_bindgen(js_name = metricsCsv)]
pub fn metrics_csv(
    #[wasm_bindgen(unchecked_param_type = "ReportEntry[]")] entries: JsValue,
) -> Result<String, JsValue> {
    let entries: Vec<crate::export::ReportEntry> = from_js(entries, "entries")?;
    crate::export::metrics_csv(&entries).map_err(|e| js_error(&e))
}

/// The outlines of several analysed reports as Markdown, exactly as the CLI writes them
/// (`fazhi-lens analyze --format md`).
#[cfg(feature = "wasm")]
#[wasm_bindgen(js_name = outlineMarkdown)]
pub fn outline_markdown(
    #[wasm_bindgen(unchecked_param_type = "ReportEntry[]")] entries: JsValue,
) -> Result<String, JsValue> {
    let entries: Vec<crate::export::ReportEntry> = from_js(entries, "entries")?;
    Ok(crate::export::outline_markdown(&entries))
}

/// For every section id of a report, its path from the top level (`一、… > （二）…`).
#[cfg(feature = "wasm")]
#[wasm_bindgen(js_name = sectionPaths, unchecked_return_type = "Record<string, string>")]
pub fn section_paths(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
) -> Result<JsValue, JsValue> {
    let report: crate::Report = from_js(report, "report")?;
    to_js(&crate::export::section_paths(&report))
}

/// The mandated parts an annual report about `year` must have (the 第一责任人 part from
/// 2019, and when the year is unknown).
#[cfg(feature = "wasm")]
#[wasm_bindgen(js_name = mandatedParts, unchecked_return_type = "Part[]")]
pub fn mandated_parts(year: Option<i32>) -> Result<JsValue, JsValue> {
    to_js(&crate::export::mandated_parts(year))
}

/// The report at a glance: its kind, the parts it must have, has and misses, the 纲要 tasks
/// its measures cover, its checks by severity.
#[cfg(feature = "wasm")]
#[wasm_bindgen(unchecked_return_type = "Scorecard")]
pub fn scorecard(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
) -> Result<JsValue, JsValue> {
    let report: crate::Report = from_js(report, "report")?;
    to_js(&crate::export::scorecard(&report))
}

/// The documents a report cites, each with the ids of its mentions.
#[cfg(feature = "wasm")]
#[wasm_bindgen(js_name = citedDocuments, unchecked_return_type = "CitedDocument[]")]
pub fn cited_documents(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
) -> Result<JsValue, JsValue> {
    let report: crate::Report = from_js(report, "report")?;
    to_js(&crate::export::cited_documents(&report))
}

/// The value a report gives for each indicator it states (its first figure that is not a
/// target): what a trend over several reports plots.
#[cfg(feature = "wasm")]
#[wasm_bindgen(js_name = indicatorValues, unchecked_return_type = "Record<string, number>")]
pub fn indicator_values(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
) -> Result<JsValue, JsValue> {
    let report: crate::Report = from_js(report, "report")?;
    to_js(&crate::export::indicator_values(&report))
}

/// The names, in Chinese and English, of the keys reports carry: indicators, 纲要 tasks,
/// parts, removal reasons, citation and document kinds.
#[cfg(feature = "wasm")]
#[wasm_bindgen(unchecked_return_type = "Catalogue")]
pub fn catalogue() -> Result<JsValue, JsValue> {
    to_js(&crate::export::catalogue())
}

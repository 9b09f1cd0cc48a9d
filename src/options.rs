//! Analysis options: a serde struct with defaults that can be asked for
//! ([`Options::default`], `Analyzer.defaultOptions()` in JavaScript). Unknown fields are
//! an error, so a typo in `offsets` is reported instead of silently ignored.

use serde::{Deserialize, Serialize};

use crate::span::OffsetUnit;

/// Which keyword algorithm ranks `keywords`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum KeywordMethod {
    /// TF-IDF against jieba's general-Chinese IDF table.
    #[default]
    Tfidf,
    /// TextRank over a co-occurrence window of 5 words.
    Textrank,
}

/// How to analyze. Every field has a default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Options {
    /// Unit of every span offset in the report.
    pub offsets: OffsetUnit,
    /// Use jieba's HMM to join unknown words (slower; off by default).
    pub hmm: bool,
    /// Add the domain dictionary and keep numbers with units and document numbers whole
    /// (on by default; off gives plain jieba segmentation, for comparison).
    pub domain: bool,
    /// How many keywords to return.
    pub keywords: usize,
    /// How keywords are ranked.
    pub keyword_method: KeywordMethod,
    /// How many most-frequent words to return.
    pub frequencies: usize,
    /// The report year, when the caller knows it better than the text does.
    pub year: Option<i32>,
    /// Largest input accepted, in bytes (at most [`crate::MAX_TEXT_BYTES`], whatever this
    /// says).
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            offsets: OffsetUnit::Char,
            hmm: false,
            domain: true,
            keywords: 20,
            keyword_method: KeywordMethod::Tfidf,
            frequencies: 50,
            year: None,
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

//! fazhi-lens (法治报告透镜): the outline, metrics, keywords and checks of a Chinese
//! government rule-of-law report (法治政府建设情况报告, 依法行政工作报告), from pasted text.
//!
//! One [`Analyzer`] loads the segmentation dictionary once; [`Analyzer::analyze`] turns a
//! text into a [`Report`]. The pipeline, one module per stage:
//!
//! `normalize` → `clean` → `meta` → `outline` → `document` → `segment` → `metrics` →
//! `framework` → `checks`, then one assembly step builds the Report
//! (`docs/architecture.md` describes each stage and what it hands to the next)
//!
//! Every span in the report is a half-open range into the ORIGINAL input, in the unit the
//! caller asks for ([`OffsetUnit`]); normalization and cleaning work on views
//! that map back to it.
//!
//! ```
//! use fazhi_lens::{Analyzer, Options};
//! let analyzer = Analyzer::new(Options::default())?;
//! let text = "一、主要举措和成效\n全年受理行政复议申请16件，办结率100%。";
//! let report = analyzer.analyze(text)?;
//! assert_eq!(report.outline[0].title, "主要举措和成效");
//! let m = &report.metrics[0];
//! assert_eq!((m.raw.as_str(), m.value, m.unit.as_str()), ("16件", 16.0, "件"));
//! let chars: Vec<char> = text.chars().collect();
//! assert_eq!(chars[m.start..m.end].iter().collect::<String>(), "16件");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod assemble;
mod automata;
mod checks;
mod citations;
mod clean;
#[cfg(feature = "decode")]
pub mod decode;
mod document;
mod error;
pub mod export;
mod framework;
mod knowledge;
pub mod lexicon;
mod markers;
mod matcher;
mod meta;
mod metrics;
mod normalize;
mod numerals;
mod options;
mod outline;
mod report;
mod segment;
mod span;
mod text;
mod view;
#[cfg(any(feature = "wasm", feature = "wasm-decode"))]
pub mod wasm;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use error::Error;
pub use knowledge::DataError;
pub use numerals::{parse_expression, Parsed};
pub use options::{KeywordMethod, Options};
pub use report::*;
pub use span::OffsetUnit;

/// The pipeline's stages, one call each, as [`Analyzer::analyze`] makes them: for the
/// per-stage benchmarks (`benches/stages.rs`) and the property tests. Not a stable API.
#[doc(hidden)]
pub mod stages {
    pub use crate::citations::{find_citations, Cited};
    pub use crate::clean::{clean, Cleaned};
    pub use crate::document::{read_document, Document};
    pub use crate::framework::map_sections;
    pub use crate::meta::{read_meta, MetaFound};
    pub use crate::metrics::Metrics;
    pub use crate::normalize::{is_ignorable, normalize};
    pub use crate::outline::Outline;
    pub use crate::segment::{Segmenter, Token, WordCounts};
    pub use crate::view::View;
}

use metrics::Metrics;
use outline::Outline;
use segment::{Segmenter, Token};
use span::OffsetMap;

/// The version written into every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The largest text the analyzer takes, whatever `options.max_bytes` says (1 GiB): the
/// stages keep offsets into the text in 32 bits (tokens, figures), which leaves room for
/// the normalized view to be longer than the input.
pub const MAX_TEXT_BYTES: usize = 1 << 30;

/// jieba's general dictionary with IDF values, compiled in for native builds (the page
/// downloads it as a separate, cacheable file instead).
#[cfg(feature = "bundled-lexicon")]
pub const BUNDLED_LEXICON: &str = include_str!("../data/lexicon.txt");

/// A token of [`Analyzer::segment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct WordToken {
    /// The word as written in the input.
    pub word: String,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// One occurrence of a word with its context (keyword in context).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Concordance {
    /// Context before the word.
    pub left: String,
    /// The word as written.
    pub word: String,
    /// Context after the word.
    pub right: String,
    /// Start offset of the word.
    pub start: usize,
    /// End offset of the word.
    pub end: usize,
}

/// A clock returning milliseconds, for per-stage timings.
pub type Clock = Box<dyn Fn() -> f64 + Send + Sync>;

/// Analyzes reports. Create once (the dictionary load is the expensive part), then call
/// [`analyze`](Analyzer::analyze) as often as needed.
pub struct Analyzer {
    options: Options,
    segmenter: Segmenter,
    /// Every character a stage looks for in the analysis view, scanned for once an
    /// analysis ([`text::Scan`]).
    scanned: text::CharSet,
    clock: Option<Clock>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("options", &self.options)
            .field("segmenter", &self.segmenter)
            .finish()
    }
}

impl Analyzer {
    /// An analyzer with the bundled general dictionary (when the `bundled-lexicon` feature
    /// is on, as in the CLI), otherwise with the domain dictionary only.
    ///
    /// # Errors
    /// [`Error::InvalidLexicon`] if the dictionary cannot be read.
    pub fn new(options: Options) -> Result<Self, Error> {
        #[cfg(feature = "bundled-lexicon")]
        let lexicon = Some(BUNDLED_LEXICON);
        #[cfg(not(feature = "bundled-lexicon"))]
        let lexicon = None;
        Self::with_lexicon(options, lexicon)
    }

    /// An analyzer with the given lexicon (`word freq [idf]` lines, the format of
    /// `data/lexicon.txt`), or none: outline, metrics and checks work without it;
    /// segmentation is then coarse and keywords are rougher.
    ///
    /// # Errors
    /// [`Error::InvalidLexicon`] if a line has a malformed frequency.
    pub fn with_lexicon(options: Options, lexicon: Option<&str>) -> Result<Self, Error> {
        let segmenter = Segmenter::new(lexicon, options.domain)?;
        let scanned = outline::SCANNED
            .union(segmenter.atom_opens())
            .union(&citations::SCANNED)
            .union(&metrics::SCANNED)
            .union(&text::WHITESPACE)
            .union(&meta::MASKS);
        Ok(Analyzer {
            options,
            segmenter,
            scanned,
            clock: None,
        })
    }

    /// Options from JSON (`{"offsets": "utf16"}`); unknown fields are an error.
    ///
    /// # Errors
    /// [`Error::InvalidOptions`] naming the offending field or value.
    pub fn options_from_json(json: &str) -> Result<Options, Error> {
        serde_json::from_str(json).map_err(|e| Error::InvalidOptions(e.to_string()))
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Whether the general dictionary is loaded.
    pub fn has_lexicon(&self) -> bool {
        self.segmenter.has_lexicon()
    }

    /// Supplies a clock (milliseconds); reports then carry per-stage `stats.timings`.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = Some(clock);
    }

    /// The largest input taken: `options.max_bytes`, at most [`MAX_TEXT_BYTES`].
    pub fn max_input_bytes(&self) -> usize {
        self.options.max_bytes.min(MAX_TEXT_BYTES)
    }

    fn check_size(&self, text: &str) -> Result<(), Error> {
        let max = self.max_input_bytes();
        if text.len() > max {
            return Err(Error::InputTooLarge {
                bytes: text.len(),
                max,
            });
        }
        Ok(())
    }

    fn check_input(&self, text: &str) -> Result<(), Error> {
        self.check_size(text)?;
        if text
            .chars()
            .all(|c| c.is_whitespace() || normalize::is_ignorable(c))
        {
            return Err(Error::EmptyInput);
        }
        Ok(())
    }

    /// Segments `text` into words with spans (whitespace left out).
    ///
    /// # Errors
    /// [`Error::InputTooLarge`] above [`Analyzer::max_input_bytes`].
    pub fn segment(&self, text: &str) -> Result<Vec<WordToken>, Error> {
        self.check_size(text)?;
        let norm = normalize::normalize(text);
        let map = OffsetMap::new(text, self.options.offsets);
        Ok(self
            .segmenter
            .tokens(norm.text(), self.options.hmm)
            .into_iter()
            .filter(|t| !norm.text()[t.range()].trim().is_empty())
            .map(|t| {
                let r = norm.to_original(t.range());
                WordToken {
                    word: text[r.clone()].to_string(),
                    start: map.convert(r.start),
                    end: map.convert(r.end),
                }
            })
            .collect())
    }

    /// Every occurrence of `word` in the analysed text (boilerplate excluded), with `width`
    /// characters of context on each side.
    ///
    /// # Errors
    /// As [`analyze`](Analyzer::analyze) for the text.
    pub fn kwic(&self, text: &str, word: &str, width: usize) -> Result<Vec<Concordance>, Error> {
        self.check_input(text)?;
        let norm = normalize::normalize(text);
        let cleaned = clean::clean(&norm);
        let vt = cleaned.view.text();
        let needle = normalize::normalize(word.trim());
        let needle = needle.text();
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let map = OffsetMap::new(text, self.options.offsets);
        let ctx = |s: &str| s.replace('\n', " ");
        Ok(vt
            .match_indices(needle)
            .map(|(i, m)| {
                let left_start = vt[..i]
                    .char_indices()
                    .rev()
                    .nth(width.saturating_sub(1))
                    .map_or(0, |(j, _)| j);
                let right_end = vt[i + m.len()..]
                    .char_indices()
                    .nth(width)
                    .map_or(vt.len(), |(j, _)| i + m.len() + j);
                let r = cleaned.view.to_original(i..i + m.len());
                Concordance {
                    left: ctx(&vt[left_start..i]),
                    word: text[r.clone()].to_string(),
                    right: ctx(&vt[i + m.len()..right_end]),
                    start: map.convert(r.start),
                    end: map.convert(r.end),
                }
            })
            .collect())
    }

    /// Analyzes one text.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for empty or whitespace-only text, [`Error::InputTooLarge`]
    /// above [`Analyzer::max_input_bytes`].
    pub fn analyze(&self, text: &str) -> Result<Report, Error> {
        self.check_input(text)?;
        let mut timer = Timer::new(self.clock.as_ref());
        let norm = timer.stage("normalize", || normalize::normalize(text));
        let cleaned = timer.stage("clean", || clean::clean(&norm));
        let vt = cleaned.view.text();
        // The characters every later stage looks for, in one pass over the view.
        let scan = text::Scan::new(vt, &self.scanned);
        let meta = timer.stage("meta", || meta::read_meta_in(text, &norm, &cleaned, &scan));
        let year = self.options.year.or(meta.year);
        let outline = timer.stage("outline", || Outline::find_in(&scan));
        let document = timer.stage("document", || {
            document::read_document(text, &norm, &cleaned, &meta, &outline, year)
        });
        let tokens = timer.stage("segment", || {
            self.segmenter.tokens_in(&scan, self.options.hmm)
        });
        let (citations, metrics) = timer.stage("metrics", || {
            let citations = citations::find_citations_in(&scan);
            let metrics = Metrics::find_in(&scan, &tokens, &citations);
            (citations, metrics)
        });
        let framework = timer.stage("framework", || {
            framework::map_sections(vt, &outline, year, document.kind)
        });
        let (keywords, frequencies) = timer.stage("keywords", || self.reading_aids(vt, &tokens));
        let mut report = timer.stage("checks", || {
            assemble::Findings {
                text,
                norm: &norm,
                cleaned: &cleaned,
                meta: &meta,
                year,
                document: &document,
                outline: &outline,
                framework: &framework,
                scan: &scan,
                tokens: &tokens,
                citations: &citations,
                metrics: &metrics,
                keywords,
                frequencies,
            }
            .report()
        });
        timer.stage("offsets", || {
            let map = OffsetMap::new(text, self.options.offsets);
            report.map_offsets(|b| map.convert(b));
            report.offsets = self.options.offsets;
        });
        report.stats.timings = timer.finish();
        Ok(report)
    }

    /// Keywords (TF-IDF or TextRank, as the options say) and word frequencies.
    fn reading_aids(&self, vt: &str, tokens: &[Token]) -> (Vec<Keyword>, Vec<WordCount>) {
        let counts = segment::WordCounts::new(vt, tokens);
        let keywords = match self.options.keyword_method {
            KeywordMethod::Tfidf => self.segmenter.tfidf_of(&counts, self.options.keywords),
            KeywordMethod::Textrank => {
                Segmenter::textrank_of(vt, tokens, &counts, self.options.keywords)
            }
        };
        let frequencies = Segmenter::frequencies_of(&counts, self.options.frequencies);
        (keywords, frequencies)
    }
}

struct Timer<'a> {
    clock: Option<&'a Clock>,
    last: f64,
    laps: BTreeMap<String, f64>,
}

impl<'a> Timer<'a> {
    fn new(clock: Option<&'a Clock>) -> Self {
        Timer {
            clock,
            last: clock.map_or(0.0, |c| c()),
            laps: BTreeMap::new(),
        }
    }
    /// Runs one stage, timing it when there is a clock.
    fn stage<T>(&mut self, stage: &str, run: impl FnOnce() -> T) -> T {
        let out = run();
        if let Some(c) = self.clock {
            let now = c();
            self.laps.insert(
                stage.to_string(),
                ((now - self.last) * 1000.0).round() / 1000.0,
            );
            self.last = now;
        }
        out
    }
    fn finish(self) -> Option<BTreeMap<String, f64>> {
        self.clock.map(|_| self.laps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_option_takes_a_text_beyond_what_32_bit_offsets_hold() {
        let with = |max_bytes| {
            Analyzer::new(Options {
                max_bytes,
                ..Options::default()
            })
            .unwrap()
            .max_input_bytes()
        };
        assert_eq!(with(100), 100);
        assert_eq!(with(usize::MAX), MAX_TEXT_BYTES);
        // The normalized view may be longer than the input: room for four times as long.
        assert!(u32::try_from(4 * MAX_TEXT_BYTES as u64 - 1).is_ok());
    }
}

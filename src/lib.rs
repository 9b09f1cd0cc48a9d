//! fazhi-lens (法治报告透镜): the outline, metrics, keywords and checks of a Chinese
//! government rule-of-law report (法治政府建设情况报告, 依法行政工作报告), from pasted text.
//!
//! One [`Analyzer`] loads the segmentation dictionary once; [`Analyzer::analyze`] turns a
//! text into a [`Report`]. The pipeline, one module per stage:
//!
//! [`normalize`] → [`clean`] → [`meta`] → [`outline`] → [`segment`] → [`metrics`] →
//! [`framework`] → [`checks`]
//!
//! Every span in the report is a half-open range into the ORIGINAL input, in the unit the
//! caller asks for ([`OffsetUnit`]); normalization and cleaning work on [`view::View`]s
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

pub mod checks;
pub mod citations;
pub mod clean;
#[cfg(feature = "decode")]
pub mod decode;
mod error;
pub mod framework;
pub mod meta;
pub mod metrics;
pub mod normalize;
pub mod numerals;
mod options;
pub mod outline;
mod report;
pub mod segment;
pub mod span;
pub mod view;
#[cfg(feature = "wasm")]
pub mod wasm;

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use error::Error;
pub use options::{KeywordMethod, Options};
pub use report::*;
pub use span::OffsetUnit;

use checks::{check, HeadingInfo};
use segment::{Segmenter, TokenKind};
use span::OffsetMap;

/// The version written into every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// jieba's general dictionary with IDF values, compiled in for native builds (the page
/// downloads it as a separate, cacheable file instead).
#[cfg(feature = "bundled-lexicon")]
pub const BUNDLED_LEXICON: &str = include_str!("../data/lexicon.txt");

/// A token of [`Analyzer::segment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
        Ok(Analyzer {
            options,
            segmenter,
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

    fn check_input(&self, text: &str) -> Result<(), Error> {
        if text.len() > self.options.max_bytes {
            return Err(Error::InputTooLarge {
                bytes: text.len(),
                max: self.options.max_bytes,
            });
        }
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
    /// [`Error::InputTooLarge`] above `options.max_bytes`.
    pub fn segment(&self, text: &str) -> Result<Vec<WordToken>, Error> {
        if text.len() > self.options.max_bytes {
            return Err(Error::InputTooLarge {
                bytes: text.len(),
                max: self.options.max_bytes,
            });
        }
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
    /// above `options.max_bytes`.
    pub fn analyze(&self, text: &str) -> Result<Report, Error> {
        self.check_input(text)?;
        let mut timer = Timer::new(self.clock.as_ref());

        let norm = normalize::normalize(text);
        timer.lap("normalize");
        let cleaned = clean::clean(&norm);
        let view = &cleaned.view;
        let vt = view.text();
        timer.lap("clean");
        let meta_found = meta::read_meta(text, &norm, &cleaned);
        let year = self.options.year.or(meta_found.year);
        timer.lap("meta");

        let headings = outline::find_headings(vt);
        let section_ends = outline::section_ends(&headings, vt.len());
        let parents = outline::parents(&headings);
        let enum_items = outline::find_enumerations(vt, &headings);
        timer.lap("outline");

        let tokens = self.segmenter.tokens(vt, self.options.hmm);
        timer.lap("segment");

        let cited = citations::find_citations(vt);
        let cite_ranges: Vec<Range<usize>> = cited.iter().map(|c| c.span.clone()).collect();
        let mut found = metrics::find_metrics(vt, &tokens, &cite_ranges);
        let breakdowns = metrics::merge_tables(vt, &mut found);
        timer.lap("metrics");

        let inputs = framework::section_inputs(vt, &headings, &section_ends, &parents);
        let mapped = framework::map_sections(vt, &inputs, year);
        timer.lap("framework");

        // Assemble, in original byte offsets.
        let orig_end = view.orig_end(vt.len());
        // The innermost section containing `pos`: the last heading before it, or the
        // nearest of its ancestors whose section still runs (others end before it).
        let section_of = |pos: usize| -> Option<usize> {
            let mut i = headings
                .partition_point(|h| h.marker.start <= pos)
                .checked_sub(1)?;
            while pos >= section_ends[i] {
                i = parents[i]?;
            }
            Some(i)
        };
        let top_parts = |i: usize| -> Vec<Part> {
            let mut j = i;
            while let Some(p) = parents[j] {
                if headings[j].level <= 2 && !mapped[j].0.is_empty() {
                    break;
                }
                j = p;
            }
            mapped[j].0.clone()
        };
        // Text shown to the user is always the original as written (`input.slice(start,
        // end)`), never the normalized view.
        let original = |r: Range<usize>| text[view.to_original(r)].to_string();
        let outline: Vec<Section> = headings
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let span = view.to_original(h.marker.start..h.title.end);
                let end = if section_ends[i] >= vt.len() {
                    orig_end
                } else {
                    view.orig_start(section_ends[i])
                };
                Section {
                    id: format!("s{}", i + 1),
                    level: h.level,
                    marker: text[view.to_original(h.marker.clone())]
                        .trim_end()
                        .to_string(),
                    title: original(h.title.clone()),
                    start: span.start,
                    end: span.end,
                    section_end: end.max(span.end),
                    parent: parents[i].map(|p| format!("s{}", p + 1)),
                    parts: mapped[i].0.clone(),
                    task: mapped[i].1.map(str::to_string),
                    confidence: mapped[i].2,
                }
            })
            .collect();
        let enumerations: Vec<Enumeration> = enum_items
            .iter()
            .map(|e| {
                // Marker and text are cut from one original range, so that whatever the
                // view dropped between them (a zero-width space) still belongs to one.
                let r = view.to_original(e.span.clone());
                let marker_end = view.to_original(e.marker.clone()).end;
                Enumeration {
                    marker: text[r.start..marker_end].to_string(),
                    text: text[marker_end..r.end].to_string(),
                    start: r.start,
                    end: r.end,
                    section: section_of(e.marker.start).map(|i| format!("s{}", i + 1)),
                }
            })
            .collect();
        let metric_list: Vec<Metric> = found
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let r = view.to_original(f.raw.clone());
                let subject = f
                    .subject
                    .clone()
                    .map(|s| (original(s.clone()), view.to_original(s)));
                let section = section_of(f.raw.start);
                let in_next_year = section.is_some_and(|s| top_parts(s).contains(&Part::NextYear));
                Metric {
                    id: format!("m{}", i + 1),
                    raw: text[r.clone()].to_string(),
                    start: r.start,
                    end: r.end,
                    value: f.value,
                    value_max: f.value_max,
                    unit: f.unit.clone(),
                    qualifier: f.qualifier,
                    subject: subject.as_ref().map(|s| s.0.clone()),
                    subject_start: subject.as_ref().map(|s| s.1.start),
                    subject_end: subject.as_ref().map(|s| s.1.end),
                    section: section.map(|s| format!("s{}", s + 1)),
                    indicator: f.indicator.map(str::to_string),
                    target: f.target || in_next_year,
                }
            })
            .collect();
        let sums: Vec<Sum> = breakdowns
            .iter()
            .map(|b| Sum {
                total: metric_list[b.total].id.clone(),
                parts: b.parts.iter().map(|&p| metric_list[p].id.clone()).collect(),
                sum: b.sum,
                consistent: b.consistent,
                partial: b.partial,
            })
            .collect();
        let citation_list: Vec<Citation> = cited
            .iter()
            .map(|c| {
                let r = view.to_original(c.span.clone());
                Citation {
                    title: c.title.clone().map(|t| original(t).trim().to_string()),
                    doc_number: c.doc_number.clone(),
                    kind: c.kind.map(str::to_string),
                    start: r.start,
                    end: r.end,
                }
            })
            .collect();

        // Checks.
        let heading_infos: Vec<HeadingInfo> = outline
            .iter()
            .zip(&headings)
            .enumerate()
            .map(|(i, (s, h))| HeadingInfo {
                level: s.level,
                number: h.number,
                marker: s.marker.clone(),
                title: s.title.clone(),
                parent: parents[i],
                range: s.start..s.end,
                no_separator: h.no_separator,
            })
            .collect();
        let mut check_list = checks::outline_checks(&heading_infos);
        if outline.is_empty() {
            check_list.push(check(
                "no_outline",
                Severity::Warning,
                "未识别到任何标题：报告缺少层级结构，或标题格式不规范。".into(),
                None,
            ));
        }
        let present: Vec<Part> = outline
            .iter()
            .filter(|s| s.level <= 2)
            .flat_map(|s| s.parts.iter().copied())
            .collect();
        check_list.extend(checks::part_checks(&present, year));
        for (b, s) in breakdowns.iter().zip(&sums) {
            if b.consistent == Some(false) {
                let total = &metric_list[b.total];
                let parts: Vec<String> = b
                    .parts
                    .iter()
                    .map(|&p| fmt_num(metric_list[p].value))
                    .collect();
                check_list.push(check(
                    "sum_mismatch",
                    Severity::Error,
                    format!(
                        "分项之和与总数不符：{} = {}{}，而总数为{}（相差{}{}）。",
                        parts.join(" + "),
                        fmt_num(s.sum),
                        total.unit,
                        total.raw,
                        fmt_num((total.value - s.sum).abs()),
                        total.unit
                    ),
                    {
                        // A 合计 line stands after its parts, a 其中 total before them.
                        let ids = b.parts.iter().copied().chain([b.total]);
                        let start = ids
                            .clone()
                            .map(|k| metric_list[k].start)
                            .min()
                            .unwrap_or(total.start);
                        let end = ids.map(|k| metric_list[k].end).max().unwrap_or(total.end);
                        Some(start..end)
                    },
                ));
            }
        }
        check_list.extend(
            metrics::rate_checks(vt, &found)
                .into_iter()
                .map(|(msg, r)| {
                    check(
                        "rate_mismatch",
                        Severity::Warning,
                        msg,
                        Some(view.to_original(r)),
                    )
                }),
        );
        // One check per distinct placeholder, at its first occurrence, with the count.
        let mut seen: Vec<(&str, usize, &Range<usize>)> = Vec::new();
        for (p, r) in &meta_found.placeholders {
            match seen.iter_mut().find(|(q, _, _)| q == p) {
                Some(entry) => entry.1 += 1,
                None => seen.push((p, 1, r)),
            }
        }
        for (p, n, r) in seen {
            let times = if n > 1 {
                format!("（共{n}处）")
            } else {
                String::new()
            };
            check_list.push(check(
                "placeholder",
                Severity::Warning,
                format!("模板占位符“{p}”未替换为实际内容{times}。"),
                Some(r.clone()),
            ));
        }
        if let Some(r) = &meta_found.unreadable_date {
            check_list.push(check(
                "unreadable_date",
                Severity::Warning,
                format!("落款日期“{}”无法识别为日期。", &text[r.clone()]),
                Some(r.clone()),
            ));
        }

        // Reading aids.
        let counts = segment::WordCounts::new(vt, &tokens);
        let keywords = match self.options.keyword_method {
            KeywordMethod::Tfidf => self.segmenter.tfidf_of(&counts, self.options.keywords),
            KeywordMethod::Textrank => {
                Segmenter::textrank_of(vt, &tokens, &counts, self.options.keywords)
            }
        };
        let frequencies = Segmenter::frequencies_of(&counts, self.options.frequencies);
        timer.lap("checks");

        let content_chars = vt.chars().filter(|c| !c.is_whitespace()).count();
        let shortcomings_chars = headings
            .iter()
            .enumerate()
            .filter(|(i, h)| {
                h.level <= 2
                    && mapped[*i].0.contains(&Part::Shortcomings)
                    && parents[*i].is_none_or(|p| !mapped[p].0.contains(&Part::Shortcomings))
            })
            .map(|(i, h)| {
                vt[h.marker.start..section_ends[i]]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count()
            })
            .sum();
        let stats = Stats {
            chars: text.chars().count(),
            content_chars,
            headings: outline.len(),
            metrics: metric_list.len(),
            metrics_per1000: if content_chars == 0 {
                0.0
            } else {
                (metric_list.len() as f64 * 1000.0 / content_chars as f64 * 100.0).round() / 100.0
            },
            citations: citation_list.len(),
            enumerations: enumerations.len(),
            tokens: tokens.iter().filter(|t| t.kind != TokenKind::Punct).count(),
            cases_cited: vt.matches("案例").count(),
            shortcomings_chars,
            timings: None,
        };

        let mut report = Report {
            version: VERSION.to_string(),
            offsets: self.options.offsets,
            meta: Meta {
                title: meta_found.title.as_ref().map(|t| t.0.clone()),
                title_span: meta_found.title.as_ref().map(|t| Span {
                    start: t.1.start,
                    end: t.1.end,
                }),
                issuer: meta_found.issuer.clone(),
                addressee: meta_found.addressee.clone(),
                year,
                published: meta_found.published.as_ref().map(|p| p.0.clone()),
                published_span: meta_found.published.as_ref().map(|p| Span {
                    start: p.1.start,
                    end: p.1.end,
                }),
                placeholders: meta_found
                    .placeholders
                    .iter()
                    .map(|(t, r)| Placeholder {
                        text: t.clone(),
                        start: r.start,
                        end: r.end,
                    })
                    .collect(),
            },
            removed: cleaned
                .removed
                .iter()
                .map(|r| {
                    let o = norm.to_original(r.range.clone());
                    Removed {
                        start: o.start,
                        end: o.end,
                        reason: r.reason.to_string(),
                    }
                })
                .collect(),
            outline,
            enumerations,
            metrics: metric_list,
            sums,
            citations: citation_list,
            keywords,
            frequencies,
            checks: check_list,
            stats,
        };
        let map = OffsetMap::new(text, self.options.offsets);
        report.map_offsets(|b| map.convert(b));
        timer.lap("offsets");
        report.stats.timings = timer.finish();
        Ok(report)
    }
}

/// Formats a number without a trailing `.0`.
fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
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
    fn lap(&mut self, stage: &str) {
        if let Some(c) = self.clock {
            let now = c();
            self.laps.insert(
                stage.to_string(),
                ((now - self.last) * 1000.0).round() / 1000.0,
            );
            self.last = now;
        }
    }
    fn finish(self) -> Option<BTreeMap<String, f64>> {
        self.clock.map(|_| self.laps)
    }
}

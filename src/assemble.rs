//! Stage 9 — assemble: what the stages found, in byte ranges of the analysis view, becomes
//! the [`Report`] in original offsets.
//!
//! The stages work on views of the text (normalized, then cleaned); everything they hand
//! over is a range of the analysis view. Here each range is mapped back to the original
//! input ([`View::to_original`]), every text shown to the user is cut from the original as
//! written (never from the normalized view), ids are minted (`s1`, `m1`), sections are
//! looked up, the checks are collected ([`checks::collect`]) and the stats computed. The
//! conversion of byte offsets into the caller's unit happens last, in [`crate::Analyzer`].

use std::ops::Range;

use crate::checks::{self, CheckInput, HeadingInfo, RateInfo, SumInfo};
use crate::citations::Cited;
use crate::clean::Cleaned;
use crate::document::Document;
use crate::framework::Framework;
use crate::meta::MetaFound;
use crate::metrics::Metrics;
use crate::outline::Outline;
use crate::report::{
    Citation, Enumeration, Keyword, Meta, Metric, Part, Placeholder, Rate, Removed, Report,
    Section, Span, Stats, Sum, WordCount,
};
use crate::segment::{Token, TokenKind};
use crate::text::Scan;
use crate::view::View;

/// What the stages found in one text.
pub struct Findings<'a> {
    /// The original input.
    pub text: &'a str,
    /// The normalized view of it.
    pub norm: &'a View,
    /// The cleaned analysis view and what was removed.
    pub cleaned: &'a Cleaned,
    /// Title, issuer, dates, placeholders.
    pub meta: &'a MetaFound,
    /// The report year (the caller's, else the text's).
    pub year: Option<i32>,
    /// What kind of document it is and whether it is complete.
    pub document: &'a Document,
    /// Headings, sections and enumerations.
    pub outline: &'a Outline,
    /// Parts and tasks per heading.
    pub framework: &'a Framework,
    /// The scan of the analysis view for the characters the stages look for.
    pub scan: &'a Scan<'a>,
    /// The segmentation of the analysis view.
    pub tokens: &'a [Token],
    /// Citations.
    pub citations: &'a [Cited],
    /// Metrics, breakdowns and rate checks.
    pub metrics: &'a Metrics,
    /// Keywords, best first.
    pub keywords: Vec<Keyword>,
    /// Most frequent words.
    pub frequencies: Vec<WordCount>,
}

/// The original text of the view range `r` without what the view left out between its
/// characters: a title that PDF extraction wrapped over two lines (`…规范化程序化\n法治化`)
/// reads as one (`…规范化程序化法治化`), while its span still covers the original lines.
fn joined(text: &str, view: &View, r: Range<usize>) -> String {
    let piece = &view.text()[r.clone()];
    let mut out = String::with_capacity(piece.len());
    for (i, c) in piece.char_indices() {
        let at = r.start + i;
        out.push_str(&text[view.to_original(at..at + c.len_utf8())]);
    }
    out
}

impl Findings<'_> {
    /// The Report, with offsets in original bytes.
    pub fn report(self) -> Report {
        let view = &self.cleaned.view;
        let text = self.text;
        let outline = self.outline;
        // Text shown to the user is always the original as written (`input.slice(start,
        // end)`), never the normalized view.
        let original = |r: Range<usize>| text[view.to_original(r)].to_string();
        let section_id = |pos: usize| outline.section_of(pos).map(Outline::id);

        let sections = self.sections();
        let enumerations: Vec<Enumeration> = outline
            .enumerations
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
                    section: section_id(e.marker.start),
                }
            })
            .collect();
        let metrics: Vec<Metric> = self
            .metrics
            .found
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let r = view.to_original(f.raw());
                let subject = f
                    .subject()
                    .map(|s| (original(s.clone()), view.to_original(s)));
                let section = outline.section_of(f.raw().start);
                // A next-year part plans; a part that is also another (`存在的不足和下一步
                // 打算`) leaves it to the sentence.
                let next_year_part = section.is_some_and(|s| {
                    let parts = self.framework.enclosing_parts(outline, s);
                    parts.contains(&Part::NextYear) && parts.len() == 1
                });
                Metric {
                    id: format!("m{}", i + 1),
                    raw: text[r.clone()].to_string(),
                    start: r.start,
                    end: r.end,
                    value: f.value,
                    value_max: f.value_max(),
                    unit: f.unit_text().to_string(),
                    qualifier: f.qualifier,
                    subject: subject.as_ref().map(|s| s.0.clone()),
                    subject_start: subject.as_ref().map(|s| s.1.start),
                    subject_end: subject.as_ref().map(|s| s.1.end),
                    section: section.map(Outline::id),
                    indicator: f.indicator().map(str::to_string),
                    target: f.is_target(self.year, next_year_part),
                }
            })
            .collect();
        let sums: Vec<Sum> = self
            .metrics
            .breakdowns
            .iter()
            .map(|b| Sum {
                total: metrics[b.total].id.clone(),
                parts: b.parts.iter().map(|&p| metrics[p].id.clone()).collect(),
                sum: b.sum,
                consistent: b.consistent,
                partial: b.partial,
            })
            .collect();
        let rates: Vec<Rate> = self
            .metrics
            .rates
            .iter()
            .map(|r| Rate {
                rate: metrics[r.rate].id.clone(),
                numerator: r.numerator.iter().map(|&k| metrics[k].id.clone()).collect(),
                denominator: metrics[r.denominator].id.clone(),
                computed: (r.computed * 1e4).round() / 1e4,
                consistent: r.consistent,
            })
            .collect();
        let citations: Vec<Citation> = self
            .citations
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let r = view.to_original(c.span.clone());
                Citation {
                    id: format!("c{}", i + 1),
                    title: c.title.clone().map(|t| original(t).trim().to_string()),
                    doc_number: c.doc_number.clone(),
                    kind: c.kind.map(str::to_string),
                    start: r.start,
                    end: r.end,
                    refers_to: c.refers_to.map(|j| format!("c{}", j + 1)),
                }
            })
            .collect();

        let checks = self.checks(&sections, &metrics);
        let stats = self.stats(&sections, &metrics, &citations, &enumerations);
        let meta = self.meta;
        let span = |r: &Range<usize>| Span {
            start: r.start,
            end: r.end,
        };
        Report {
            version: crate::VERSION.to_string(),
            offsets: crate::OffsetUnit::Utf8,
            meta: Meta {
                title: meta.title.as_ref().map(|t| t.text.clone()),
                title_span: meta.title.as_ref().map(|t| span(&t.range)),
                issuer: meta.issuer.clone(),
                addressee: meta.addressee.clone(),
                year: self.year,
                published: meta.published.as_ref().map(|p| p.text.clone()),
                published_span: meta.published.as_ref().map(|p| span(&p.range)),
                placeholders: meta
                    .placeholders
                    .iter()
                    .map(|p| Placeholder {
                        text: p.text.clone(),
                        start: p.range.start,
                        end: p.range.end,
                    })
                    .collect(),
                kind: self.document.kind,
                kind_evidence: self.document.kind_evidence.clone(),
                incomplete: self.document.incomplete.is_some(),
                incomplete_evidence: self
                    .document
                    .incomplete
                    .as_ref()
                    .map(|i| i.evidence.clone())
                    .unwrap_or_default(),
                title_source: meta.title_source,
                issuer_source: meta.issuer_source,
                year_source: meta.year_source,
                published_source: meta.published_source,
            },
            removed: self
                .cleaned
                .removed
                .iter()
                .map(|r| {
                    let o = self.norm.to_original(r.range.clone());
                    Removed {
                        start: o.start,
                        end: o.end,
                        reason: r.reason.to_string(),
                    }
                })
                .collect(),
            outline: sections,
            enumerations,
            metrics,
            sums,
            rates,
            citations,
            keywords: self.keywords,
            frequencies: self.frequencies,
            checks,
            stats,
        }
    }

    /// One section per heading, with its parts and task.
    fn sections(&self) -> Vec<Section> {
        let view = &self.cleaned.view;
        let vt_len = view.text().len();
        let orig_end = view.orig_end(vt_len);
        let outline = self.outline;
        outline
            .headings
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let span = view.to_original(h.marker.start..h.title.end);
                let end = if outline.ends[i] >= vt_len {
                    orig_end
                } else {
                    view.orig_start(outline.ends[i])
                };
                let mapping = &self.framework.sections[i];
                Section {
                    id: Outline::id(i),
                    level: h.level,
                    marker: self.text[view.to_original(h.marker.clone())]
                        .trim_end()
                        .to_string(),
                    title: joined(self.text, view, h.title.clone()),
                    start: span.start,
                    end: span.end,
                    section_end: end.max(span.end),
                    parent: outline.parents[i].map(Outline::id),
                    parts: mapping.parts.clone(),
                    task: mapping.task.map(str::to_string),
                    confidence: mapping.confidence,
                }
            })
            .collect()
    }

    /// The checks on everything found.
    fn checks(&self, sections: &[Section], metrics: &[Metric]) -> Vec<crate::report::Check> {
        let view = &self.cleaned.view;
        let headings: Vec<HeadingInfo> = sections
            .iter()
            .zip(&self.outline.headings)
            .enumerate()
            .map(|(i, (s, h))| HeadingInfo {
                level: s.level,
                number: h.number,
                marker: s.marker.clone(),
                title: s.title.clone(),
                parent: self.outline.parents[i],
                range: s.start..s.end,
                no_separator: h.no_separator,
                names_part: !crate::framework::parts_of_title(
                    &self.cleaned.view.text()[h.title.clone()],
                    self.year,
                    self.outline.parents[i].is_none(),
                )
                .is_empty(),
            })
            .collect();
        // Parts from any level: a part written as a level-3 heading is there.
        let present: Vec<Part> = sections
            .iter()
            .flat_map(|s| s.parts.iter().copied())
            .collect();
        let sums: Vec<SumInfo> = self
            .metrics
            .breakdowns
            .iter()
            .map(|b| {
                let total = &metrics[b.total];
                // A 合计 line stands after its parts, a 其中 total before them.
                let ids = b.parts.iter().copied().chain([b.total]);
                let start = ids
                    .clone()
                    .map(|k| metrics[k].start)
                    .min()
                    .unwrap_or(total.start);
                let end = ids.map(|k| metrics[k].end).max().unwrap_or(total.end);
                SumInfo {
                    consistent: b.consistent,
                    parts: b.parts.iter().map(|&p| metrics[p].value).collect(),
                    sum: b.sum,
                    total: total.value,
                    total_raw: total.raw.clone(),
                    unit: total.unit.clone(),
                    range: start..end,
                }
            })
            .collect();
        let rates: Vec<RateInfo> = self
            .metrics
            .rates
            .iter()
            .filter(|r| !r.consistent)
            .map(|r| {
                let rate = &metrics[r.rate];
                let found = &self.metrics.found[r.rate];
                RateInfo {
                    name: found
                        .subject()
                        .map_or_else(String::new, |s| self.text[view.to_original(s)].to_string()),
                    stated: rate.raw.clone(),
                    numerator: r
                        .numerator
                        .iter()
                        .map(|&k| metrics[k].raw.clone())
                        .collect(),
                    denominator: metrics[r.denominator].raw.clone(),
                    computed: r.computed,
                    range: rate.start..rate.end,
                }
            })
            .collect();
        let incomplete = self
            .document
            .incomplete
            .as_ref()
            .map(|i| (i.evidence.as_slice(), i.at.clone()));
        checks::collect(&CheckInput {
            headings: &headings,
            kind: self.document.kind,
            incomplete,
            present_parts: &present,
            year: self.year,
            sums: &sums,
            rates: &rates,
            placeholders: &self.meta.placeholders,
            unreadable_date: self.meta.unreadable_date.as_ref(),
        })
    }

    /// Figures about the whole text.
    fn stats(
        &self,
        sections: &[Section],
        metrics: &[Metric],
        citations: &[Citation],
        enumerations: &[Enumeration],
    ) -> Stats {
        let vt = self.cleaned.view.text();
        let outline = self.outline;
        let mapped = &self.framework.sections;
        let content_chars = self.scan.count_non_whitespace(0..vt.len());
        let shortcomings_chars = outline
            .headings
            .iter()
            .enumerate()
            .filter(|(i, h)| {
                h.level <= 2
                    && mapped[*i].parts.contains(&Part::Shortcomings)
                    && outline.parents[*i]
                        .is_none_or(|p| !mapped[p].parts.contains(&Part::Shortcomings))
            })
            .map(|(i, h)| {
                self.scan
                    .count_non_whitespace(h.marker.start..outline.ends[i])
            })
            .sum();
        Stats {
            chars: self.text.chars().count(),
            content_chars,
            headings: sections.len(),
            metrics: metrics.len(),
            metrics_per1000: if content_chars == 0 {
                0.0
            } else {
                (metrics.len() as f64 * 1000.0 / content_chars as f64 * 100.0).round() / 100.0
            },
            citations: citations.iter().filter(|c| c.refers_to.is_none()).count(),
            enumerations: enumerations.len(),
            tokens: self
                .tokens
                .iter()
                .filter(|t| t.kind != TokenKind::Punct)
                .count(),
            cases_cited: vt.matches("案例").count(),
            shortcomings_chars,
            timings: None,
        }
    }
}

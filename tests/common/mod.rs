//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use std::sync::OnceLock;

use fazhi_lens::{Analyzer, OffsetUnit, Options, Report};

/// One analyzer per offset unit, built once for the whole test binary (the lexicon load
/// is the expensive part).
pub fn analyzer(unit: OffsetUnit) -> &'static Analyzer {
    static CHAR: OnceLock<Analyzer> = OnceLock::new();
    static UTF16: OnceLock<Analyzer> = OnceLock::new();
    static UTF8: OnceLock<Analyzer> = OnceLock::new();
    let cell = match unit {
        OffsetUnit::Char => &CHAR,
        OffsetUnit::Utf16 => &UTF16,
        OffsetUnit::Utf8 => &UTF8,
    };
    cell.get_or_init(|| {
        Analyzer::new(Options {
            offsets: unit,
            ..Options::default()
        })
        .expect("bundled lexicon loads")
    })
}

/// `input.slice(start, end)` in the given unit.
pub fn slice(text: &str, start: usize, end: usize, unit: OffsetUnit) -> String {
    match unit {
        OffsetUnit::Char => text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect(),
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16_lossy(&units[start.min(units.len())..end.min(units.len())])
        }
        OffsetUnit::Utf8 => text
            .get(start..end)
            .map(str::to_string)
            .unwrap_or_else(|| format!("<not a char boundary {start}..{end}>")),
    }
}

/// Length of `text` in the unit.
pub fn len(text: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Char => text.chars().count(),
        OffsetUnit::Utf16 => text.encode_utf16().count(),
        OffsetUnit::Utf8 => text.len(),
    }
}

/// Every span in a report, with what it claims to cover where it claims text.
pub fn spans(report: &Report) -> Vec<(&'static str, usize, usize, Option<String>)> {
    let mut out = Vec::new();
    // The title is checked by `assert_spans_slice` against its span without what was
    // removed inside it and without line breaks (a wrapped title is given joined).
    if let Some(s) = &report.meta.title_span {
        out.push(("meta.title", s.start, s.end, None));
    }
    if let Some(s) = &report.meta.published_span {
        out.push(("meta.published", s.start, s.end, None));
    }
    for p in &report.meta.placeholders {
        out.push(("placeholder", p.start, p.end, Some(p.text.clone())));
    }
    for r in &report.removed {
        out.push(("removed", r.start, r.end, None));
    }
    for s in &report.outline {
        out.push(("heading", s.start, s.end, None));
        out.push(("section", s.start, s.section_end, None));
    }
    for e in &report.enumerations {
        out.push((
            "enumeration",
            e.start,
            e.end,
            Some(format!("{}{}", e.marker, e.text)),
        ));
    }
    for m in &report.metrics {
        out.push(("metric", m.start, m.end, Some(m.raw.clone())));
        if let (Some(s), Some(e)) = (m.subject_start, m.subject_end) {
            out.push(("subject", s, e, m.subject.clone()));
        }
    }
    for c in &report.citations {
        out.push(("citation", c.start, c.end, None));
    }
    for c in &report.checks {
        if let (Some(s), Some(e)) = (c.start, c.end) {
            out.push(("check", s, e, None));
        }
    }
    out
}

/// Asserts every span lies inside the text and slices to what it claims.
pub fn assert_spans_slice(text: &str, report: &Report, unit: OffsetUnit) {
    let n = len(text, unit);
    for (what, start, end, claimed) in spans(report) {
        assert!(
            start <= end && end <= n,
            "{what} span {start}..{end} outside 0..{n}"
        );
        let got = slice(text, start, end, unit);
        if unit == OffsetUnit::Utf8 {
            assert!(
                !got.starts_with("<not a char"),
                "{what} span {start}..{end} splits a character"
            );
        }
        if let Some(claimed) = claimed {
            assert_eq!(got, claimed, "{what} span {start}..{end} ({unit:?})");
        }
    }
    if let (Some(span), Some(title)) = (&report.meta.title_span, &report.meta.title) {
        // The span as written, without the spans removed inside it (a share prefix, an
        // emoji) and with its lines joined, trimmed (a title wrapped over two lines).
        let mut cuts: Vec<(usize, usize)> = report
            .removed
            .iter()
            .filter(|r| r.start < span.end && r.end > span.start)
            .map(|r| (r.start.max(span.start), r.end.min(span.end)))
            .collect();
        cuts.sort();
        let mut kept = String::new();
        let mut at = span.start;
        for (a, b) in cuts {
            if a > at {
                kept.push_str(&slice(text, at, a, unit));
            }
            at = at.max(b);
        }
        if at < span.end {
            kept.push_str(&slice(text, at, span.end, unit));
        }
        let joined: String = kept.lines().map(str::trim).collect();
        assert_eq!(
            &joined, title,
            "meta.title span {}..{} ({unit:?})",
            span.start, span.end
        );
    }
    for s in &report.outline {
        let heading = slice(text, s.start, s.end, unit);
        assert!(
            heading.starts_with(s.marker.trim()),
            "heading {heading:?} starts with its marker {:?}",
            s.marker
        );
        // A title wrapped over two lines is given joined: its characters stand in the
        // heading in order, with the line break (and any page clutter) between them.
        // Matched from the end: the heading's last character is the title's last one.
        let mut rest = heading.trim_end().chars().rev();
        let ends = s.title.chars().next_back() == heading.trim_end().chars().next_back();
        assert!(
            ends && s.title.chars().rev().all(|t| rest.any(|h| h == t)),
            "heading {heading:?} ends with its title {:?}",
            s.title
        );
    }
}

/// Pieces of report-like text for generated input (property tests and the fuzz run):
/// markers, numbers, units, brackets, citations, boilerplate, line breaks of every kind,
/// characters outside the BMP, zero-width and control characters, markup.
pub const REPORT_PIECES: &[&str] = &[
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

/// Asserts the structural invariants: headings lie inside their sections, a section lies
/// inside its parent's and has a higher level, and sums and rates reference existing metrics.
pub fn assert_structure(report: &Report) {
    for s in &report.outline {
        assert!(s.start <= s.end && s.end <= s.section_end, "{s:?}");
        if let Some(p) = &s.parent {
            let parent = report
                .outline
                .iter()
                .find(|o| &o.id == p)
                .expect("parent exists");
            assert!(
                parent.level < s.level
                    && parent.start <= s.start
                    && s.section_end <= parent.section_end,
                "{s:?} in {parent:?}"
            );
        }
    }
    for sum in &report.sums {
        for id in std::iter::once(&sum.total).chain(&sum.parts) {
            assert!(
                report.metrics.iter().any(|m| &m.id == id),
                "sum references {id}"
            );
        }
    }
    for rate in &report.rates {
        let ids = std::iter::once(&rate.rate)
            .chain(&rate.numerator)
            .chain(std::iter::once(&rate.denominator));
        for id in ids {
            assert!(
                report.metrics.iter().any(|m| &m.id == id),
                "rate references {id}"
            );
        }
    }
}

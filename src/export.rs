//! What every front end shows or exports, computed once, in Rust: the metrics CSV, the
//! Markdown outline, the section path of a place in the outline, the mandated parts a
//! report year requires, the scorecard (parts present and missing, 纲要 tasks covered,
//! checks by severity), the cited documents with their mentions, the value a report
//! gives for each indicator, and the names of the keys a report carries (indicators,
//! tasks, parts, removal reasons, citation and document kinds) in Chinese and English.
//!
//! The CLI writes these to files; the page calls the same functions through the wasm
//! binding (`src/wasm.rs`) and never rebuilds them in JavaScript, so a CSV downloaded
//! from the page and one written by `fazhi-lens analyze --format csv` are the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::knowledge;
use crate::report::{DocKind, Part, Report, Severity};
use crate::Error;
use crate::OffsetUnit;

/// One analysed input: its name (a file name, or what the user called it) and its report.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct ReportEntry {
    /// The input's name as shown in exports.
    pub file: String,
    /// Its analysis.
    pub report: Report,
}

/// The byte-order mark that makes Excel read a UTF-8 CSV as UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// The metrics of several reports as one CSV table (UTF-8, starting with [`BOM`], `\n`
/// line ends, fields quoted where RFC 4180 requires): one row per metric, with the
/// file, the metric id, the section path, subject, value, unit, qualifier, indicator,
/// target, raw and span. The header names the offset unit of the spans (`start_char`,
/// `start_utf16` or `start_utf8`).
///
/// # Errors
/// [`Error::InvalidOptions`] when the reports count offsets in different units (their
/// spans could not share one column).
pub fn metrics_csv(entries: &[ReportEntry]) -> Result<String, Error> {
    let unit = entries
        .first()
        .map_or(OffsetUnit::Char, |e| e.report.offsets);
    if let Some(other) = entries.iter().find(|e| e.report.offsets != unit) {
        return Err(Error::InvalidOptions(format!(
            "{} counts offsets in {}, the first report in {}: analyse all with the same offsets",
            other.file,
            other.report.offsets.as_str(),
            unit.as_str()
        )));
    }
    let mut out = metrics_csv_header(unit);
    for entry in entries {
        out.push_str(&metrics_csv_rows(entry));
    }
    Ok(out)
}

/// The start of [`metrics_csv`]: the [`BOM`] and the header row, whose span columns name
/// the offset unit.
pub fn metrics_csv_header(unit: OffsetUnit) -> String {
    let mut out = String::from(BOM);
    let start = format!("start_{}", unit.as_str());
    let end = format!("end_{}", unit.as_str());
    let header = [
        "file",
        "id",
        "section",
        "subject",
        "value",
        "valueMax",
        "unit",
        "qualifier",
        "indicator",
        "target",
        "raw",
        start.as_str(),
        end.as_str(),
    ];
    push_row(&mut out, header.iter().copied());
    out
}

/// The rows of [`metrics_csv`] for one report, one per metric.
pub fn metrics_csv_rows(entry: &ReportEntry) -> String {
    let mut out = String::new();
    let report = &entry.report;
    let paths = section_paths(report);
    for m in &report.metrics {
        let value = m.value.to_string();
        let value_max = m.value_max.map(|v| v.to_string()).unwrap_or_default();
        let (start, end) = (m.start.to_string(), m.end.to_string());
        let section = m
            .section
            .as_ref()
            .and_then(|s| paths.get(s))
            .map_or("", String::as_str);
        push_row(
            &mut out,
            [
                entry.file.as_str(),
                m.id.as_str(),
                section,
                m.subject.as_deref().unwrap_or(""),
                value.as_str(),
                value_max.as_str(),
                m.unit.as_str(),
                m.qualifier.map_or("", |q| q.key()),
                m.indicator.as_deref().unwrap_or(""),
                if m.target { "true" } else { "false" },
                m.raw.as_str(),
                start.as_str(),
                end.as_str(),
            ],
        );
    }
    out
}

/// Appends one CSV record: fields joined by commas, a field quoted (its quotes doubled)
/// when it holds a comma, a quote or a line break.
fn push_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

/// The outlines of several reports as Markdown: per report a `#` heading (the report's
/// title, else its file name), then one list item per heading, indented by level, with
/// its mandated parts as `code` and its task after a dash, and a blank line.
pub fn outline_markdown(entries: &[ReportEntry]) -> String {
    let mut out = String::new();
    for entry in entries {
        let report = &entry.report;
        let title = report.meta.title.as_deref().unwrap_or(&entry.file);
        let _ = writeln!(out, "# {title}\n");
        for s in &report.outline {
            let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
            let tags: String = s.parts.iter().map(|p| format!(" `{}`", p.key())).collect();
            let task = s
                .task
                .as_ref()
                .map(|t| format!(" — {t}"))
                .unwrap_or_default();
            let _ = writeln!(out, "{indent}- {}{}{tags}{task}", s.marker, s.title);
        }
        out.push('\n');
    }
    out
}

/// For every section id of the report, its path: the marker and title of each heading
/// from the top level down, joined by ` > ` (`一、主要举措 > （二）深化放管服改革`).
pub fn section_paths(report: &Report) -> BTreeMap<String, String> {
    let mut paths: BTreeMap<String, String> = BTreeMap::new();
    // Parents come before their children, so each path extends its parent's.
    for s in &report.outline {
        let own = format!("{}{}", s.marker, s.title);
        let path = match s.parent.as_ref().and_then(|p| paths.get(p)) {
            Some(parent) => format!("{parent} > {own}"),
            None => own,
        };
        paths.insert(s.id.clone(), path);
    }
    paths
}

/// The parts an annual report about `year` must have, in the order reports give them.
/// The 第一责任人 part is required from report year 2019, when
/// 《法治政府建设与责任落实督察工作规定》 made it mandatory (and when the year is unknown).
pub fn mandated_parts(year: Option<i32>) -> Vec<Part> {
    let mut parts = vec![Part::Measures, Part::Shortcomings, Part::NextYear];
    if year.is_none_or(|y| y >= 2019) {
        parts.insert(2, Part::ResponsiblePerson);
    }
    parts
}

/// The report at a glance, as an evaluator scores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    /// What the text is: the mandated parts apply to a report only.
    pub kind: DocKind,
    /// The text is cut off or an excerpt: a missing part may just not have been copied.
    pub incomplete: bool,
    /// The parts the report must have ([`mandated_parts`] of its year); none for a document
    /// that is not a rule-of-law report.
    pub parts_required: Vec<Part>,
    /// Of those, the parts a heading names.
    pub parts_present: Vec<Part>,
    /// Of those, the parts no heading names.
    pub parts_missing: Vec<Part>,
    /// The 纲要 task keys that the measures sections cover, in outline order.
    pub tasks: Vec<String>,
    /// Checks by severity.
    pub checks: SeverityCounts,
}

/// How many checks there are of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct SeverityCounts {
    /// Errors (a sum that does not add up).
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Notes.
    pub info: usize,
}

/// The scorecard of a report.
pub fn scorecard(report: &Report) -> Scorecard {
    let parts_required = match report.meta.kind {
        DocKind::Report => mandated_parts(report.meta.year),
        DocKind::Other => Vec::new(),
    };
    let has = |p: &Part| report.outline.iter().any(|s| s.parts.contains(p));
    let (parts_present, parts_missing) = parts_required.iter().partition(|p| has(p));
    let mut tasks: Vec<String> = Vec::new();
    for s in &report.outline {
        if let Some(task) = s
            .task
            .as_ref()
            .filter(|_| s.parts.contains(&Part::Measures))
        {
            if !tasks.contains(task) {
                tasks.push(task.clone());
            }
        }
    }
    let mut checks = SeverityCounts::default();
    for c in &report.checks {
        match c.severity {
            Severity::Error => checks.error += 1,
            Severity::Warning => checks.warning += 1,
            Severity::Info => checks.info += 1,
        }
    }
    Scorecard {
        kind: report.meta.kind,
        incomplete: report.meta.incomplete,
        parts_required,
        parts_present,
        parts_missing,
        tasks,
        checks,
    }
}

/// A document the report cites, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct CitedDocument {
    /// The id of its first full citation.
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// Its document number.
    pub doc_number: Option<String>,
    /// Its kind (a key of the catalogue's `citationKinds`).
    pub kind: Option<String>,
    /// The ids of every citation of it, the first one included, in document order: short
    /// forms (`《纲要》`) and repeats point back to it with `refersTo`.
    pub mentions: Vec<String>,
}

/// The documents a report cites, in the order of their first full citation: a citation
/// that refers back to another is a mention of that document, not a new one (so there are
/// as many as `stats.citations`).
pub fn cited_documents(report: &Report) -> Vec<CitedDocument> {
    let mut docs: Vec<CitedDocument> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &report.citations {
        let first = c.refers_to.as_deref().and_then(|id| index.get(id).copied());
        match first {
            Some(i) => docs[i].mentions.push(c.id.clone()),
            None => {
                index.insert(&c.id, docs.len());
                docs.push(CitedDocument {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    doc_number: c.doc_number.clone(),
                    kind: c.kind.clone(),
                    mentions: vec![c.id.clone()],
                });
            }
        }
    }
    docs
}

/// The value a report gives for each indicator it states: its first stated figure that is
/// not a target (a later figure is a breakdown or a comparison more often than the
/// indicator itself). What the trend over several reports plots.
pub fn indicator_values(report: &Report) -> BTreeMap<String, f64> {
    let mut values = BTreeMap::new();
    for m in report.metrics.iter().filter(|m| !m.target) {
        if let Some(id) = &m.indicator {
            values.entry(id.clone()).or_insert(m.value);
        }
    }
    values
}

/// A named entry of a catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Named {
    /// The key used in reports (`admin_litigation_cases`, a task key, a part key).
    pub key: String,
    /// The Chinese name.
    pub name: String,
    /// The English name.
    pub name_en: String,
    /// For tasks: the 纲要 they belong to (`2004`, `2015`, `2021`).
    pub catalogue: Option<String>,
}

/// The names of everything a report refers to by key: indicators, 纲要 tasks, the
/// mandated parts, removal reasons, citation and document kinds, for showing keys as names
/// in either language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Catalogue {
    /// The indicator catalogue (`data/indicators.tsv`).
    pub indicators: Vec<Named>,
    /// The task areas of the three 纲要 (`data/framework.tsv`).
    pub tasks: Vec<Named>,
    /// The mandated parts, and `other`.
    pub parts: Vec<Named>,
    /// Why a span was removed (`removed[].reason`; `data/names.tsv`).
    pub reasons: Vec<Named>,
    /// The kinds of cited documents (`citations[].kind`).
    pub citation_kinds: Vec<Named>,
    /// What a text is (`meta.kind`).
    pub document_kinds: Vec<Named>,
}

/// The catalogue names.
pub fn catalogue() -> Catalogue {
    let named = |key: &str, name: &str, name_en: &str, catalogue: Option<&str>| Named {
        key: key.to_string(),
        name: name.to_string(),
        name_en: name_en.to_string(),
        catalogue: catalogue.map(str::to_string),
    };
    let names = |category: &str| {
        knowledge::names(category)
            .map(|n| named(n.key, n.name, n.name_en, None))
            .collect()
    };
    Catalogue {
        indicators: knowledge::indicators()
            .iter()
            .map(|i| named(i.id, i.name, i.name_en, None))
            .collect(),
        tasks: knowledge::tasks()
            .iter()
            .map(|t| named(t.key, t.name, t.name_en, Some(t.catalogue)))
            .collect(),
        parts: [
            Part::Measures,
            Part::Shortcomings,
            Part::ResponsiblePerson,
            Part::NextYear,
            Part::Other,
        ]
        .into_iter()
        .map(|p| named(p.key(), p.name_zh(), p.name_en(), None))
        .collect(),
        reasons: names("reason"),
        citation_kinds: names("citation_kind"),
        document_kinds: names("document_kind"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Options};

    fn analyze(text: &str) -> Report {
        Analyzer::with_lexicon(Options::default(), None)
            .unwrap()
            .analyze(text)
            .unwrap()
    }

    const REPORT: &str = "某县2021年度法治政府建设情况报告\n市人民政府：\n一、2021年法治政府建设主要举措和成效\n（一）依法全面履行政府职能\n全年受理行政复议申请16件，办结15件。依据《中华人民共和国行政复议法》（以下简称《复议法》）办理，《复议法》规定的期限内全部办结。\n二、存在的不足和原因\n执法力量不足。\n三、2022年工作安排\n加强培训。\n某县人民政府\n2022年1月20日\n";

    #[test]
    fn the_scorecard_of_a_report_names_its_missing_parts() {
        let card = scorecard(&analyze(REPORT));
        assert_eq!(card.kind, DocKind::Report);
        assert_eq!(card.parts_required, mandated_parts(Some(2021)));
        assert_eq!(
            card.parts_present,
            [Part::Measures, Part::Shortcomings, Part::NextYear]
        );
        assert_eq!(card.parts_missing, [Part::ResponsiblePerson]);
        assert_eq!(card.checks.warning, 1, "the missing part");
        assert!(
            !card.tasks.is_empty(),
            "a measures section maps to a 纲要 task"
        );
    }

    #[test]
    fn a_document_that_is_not_a_report_requires_no_parts() {
        let text = "2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n全年地区生产总值增长5.6%。\n二、2024年工作安排\n着力扩大有效需求。\n";
        let card = scorecard(&analyze(text));
        assert_eq!(card.kind, DocKind::Other);
        assert!(card.parts_required.is_empty() && card.parts_missing.is_empty());
    }

    #[test]
    fn a_short_form_is_a_mention_of_the_document_cited_in_full() {
        let report = analyze(REPORT);
        let docs = cited_documents(&report);
        assert_eq!(docs.len(), report.stats.citations);
        let law = docs
            .iter()
            .find(|d| d.title.as_deref() == Some("中华人民共和国行政复议法"))
            .expect("the law is cited");
        assert_eq!(law.mentions.len(), 3, "{docs:?}");
        assert_eq!(law.mentions[0], law.id);
    }

    #[test]
    fn an_indicator_takes_the_first_figure_that_is_no_target() {
        let text = "某县2021年度法治政府建设情况报告\n一、主要举措和成效\n2022年力争行政复议申请办结30件。全年受理行政复议申请16件。上年受理行政复议申请12件。\n";
        let report = analyze(text);
        let values = indicator_values(&report);
        let stated: Vec<_> = report
            .metrics
            .iter()
            .filter(|m| m.indicator.is_some() && !m.target)
            .collect();
        let first = stated.first().expect("an indicator is stated");
        assert_eq!(values[first.indicator.as_ref().unwrap()], first.value);
        assert!(
            values.values().all(|&v| v != 30.0),
            "a target is not the value"
        );
    }

    #[test]
    fn every_key_a_report_carries_has_a_name() {
        let c = catalogue();
        let named = |list: &[Named], key: &str| list.iter().any(|n| n.key == key);
        let reasons = knowledge::boilerplate_rules()
            .iter()
            .map(|r| r.reason)
            .chain(crate::clean::STRUCTURAL_REASONS);
        for reason in reasons {
            assert!(named(&c.reasons, reason), "reason {reason:?} has no name");
        }
        for kind in knowledge::citation_kinds().kinds() {
            assert!(named(&c.citation_kinds, kind), "citation kind {kind:?}");
        }
        for kind in [DocKind::Report, DocKind::Other] {
            assert!(named(&c.document_kinds, kind.key()));
        }
        let json = serde_json::to_value(&c).unwrap();
        assert!(json.get("citationKinds").is_some() && json.get("documentKinds").is_some());
    }
}

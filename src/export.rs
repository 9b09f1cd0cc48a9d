//! What every front end shows or exports, computed once, in Rust: the metrics CSV, the
//! Markdown outline, the section path of a place in the outline, the mandated parts a
//! report year requires, and the names of the catalogue entries (indicators, tasks,
//! parts) in Chinese and English.
//!
//! The CLI writes these to files; the page calls the same functions through the wasm
//! binding (`src/wasm.rs`) and never rebuilds them in JavaScript, so a CSV downloaded
//! from the page and one written by `fazhi-lens analyze --format csv` are the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::knowledge;
use crate::report::{Part, Report};
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

/// The names of everything a report refers to by key: indicators, 纲要 tasks and the
/// mandated parts, for showing keys as names in either language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Catalogue {
    /// The indicator catalogue (`data/indicators.tsv`).
    pub indicators: Vec<Named>,
    /// The task areas of the three 纲要 (`data/framework.tsv`).
    pub tasks: Vec<Named>,
    /// The mandated parts, and `other`.
    pub parts: Vec<Named>,
}

/// The catalogue names.
pub fn catalogue() -> Catalogue {
    let named = |key: &str, name: &str, name_en: &str, catalogue: Option<&str>| Named {
        key: key.to_string(),
        name: name.to_string(),
        name_en: name_en.to_string(),
        catalogue: catalogue.map(str::to_string),
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
    }
}

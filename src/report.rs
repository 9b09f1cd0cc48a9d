//! The `Report`: the one result of an analysis, serialized as the camelCase JSON of
//! SPEC.md. Field names are the contract: fields may be added, never renamed.
//!
//! Every `start`/`end` is a half-open offset into the ORIGINAL input, in the unit named by
//! `offsets`. Stages fill them with UTF-8 byte offsets; [`Report::map_offsets`] converts
//! them all at the end, so adding a span field means adding it there too (the span
//! property test fails otherwise).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::span::OffsetUnit;

/// The analysis of one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Version of the report format (the crate version).
    pub version: String,
    /// Unit of every `start`/`end` in this report.
    pub offsets: OffsetUnit,
    /// Title, issuer, addressee, year, publication date, placeholders.
    pub meta: Meta,
    /// Web-page and template leftovers excluded from the analysis.
    pub removed: Vec<Removed>,
    /// Headings in document order.
    pub outline: Vec<Section>,
    /// Inline enumerations (一是…二是…) with their section.
    pub enumerations: Vec<Enumeration>,
    /// Every quantity found.
    pub metrics: Vec<Metric>,
    /// Totals linked to their stated parts.
    pub sums: Vec<Sum>,
    /// Stated rates recomputed from the counts the text names, with the arithmetic.
    pub rates: Vec<Rate>,
    /// Cited titles (《…》) and document numbers.
    pub citations: Vec<Citation>,
    /// Keywords, best first.
    pub keywords: Vec<Keyword>,
    /// Most frequent content words.
    pub frequencies: Vec<WordCount>,
    /// Findings a careful reader would make.
    pub checks: Vec<Check>,
    /// Figures about the whole text.
    pub stats: Stats,
}

/// A half-open range in the original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Span {
    /// First offset.
    pub start: usize,
    /// One past the last offset.
    pub end: usize,
}

/// Facts about the document as a whole.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// The report's title.
    pub title: Option<String>,
    /// Where the title stands.
    pub title_span: Option<Span>,
    /// The issuing body (发文机关), from the signature block or the title.
    pub issuer: Option<String>,
    /// The addressee (主送), e.g. `市政府`.
    pub addressee: Option<String>,
    /// The year the report is about.
    pub year: Option<i32>,
    /// Publication date as `YYYY-MM-DD` (or `YYYY-MM`), if stated.
    pub published: Option<String>,
    /// Where the publication date stands.
    pub published_span: Option<Span>,
    /// Template placeholders left in the text: the masks (`XX` of `XX区`, `201*`, `**` of
    /// `**次`, `x` of `x名`, `＿＿`, `某某`), in every case and script.
    pub placeholders: Vec<Placeholder>,
    /// What kind of document this is: a rule-of-law annual report or something else.
    pub kind: DocKind,
    /// Why: short Chinese statements of the evidence (`标题含“政府工作报告”`).
    pub kind_evidence: Vec<String>,
    /// The text is cut off (ends mid-sentence) or carries an excerpt note.
    pub incomplete: bool,
    /// Why the text is taken as incomplete (empty when it is complete).
    pub incomplete_evidence: Vec<String>,
    /// Where the title was read.
    pub title_source: Option<Source>,
    /// Where the issuer was read (the source that won among all that carry it).
    pub issuer_source: Option<Source>,
    /// Where the year was read.
    pub year_source: Option<Source>,
    /// Where the publication date was read.
    pub published_source: Option<Source>,
}

/// What kind of document a text is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// A rule-of-law annual report (法治政府建设情况报告, 依法行政工作报告, a department's
    /// 法治建设 report): the mandated parts apply.
    #[default]
    Report,
    /// Anything else (政府工作报告, 实施方案, 工作要点, 解读, news): outline, metrics and
    /// the rest, but no mandated parts.
    Other,
}

impl DocKind {
    /// The stable key used in JSON (`report`, `other`).
    pub fn key(self) -> &'static str {
        match self {
            DocKind::Report => "report",
            DocKind::Other => "other",
        }
    }

    /// Parses a key as written in data files.
    pub fn from_key(key: &str) -> Option<DocKind> {
        match key {
            "report" => Some(DocKind::Report),
            "other" => Some(DocKind::Other),
            _ => None,
        }
    }
}

/// Where a field of [`Meta`] was read: the evidence that decided among its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Title: the first line of the head naming a report (`…情况的报告`).
    TitleLine,
    /// Title: two lines of a wrapped title, joined.
    WrappedTitle,
    /// Title: the start of a report pasted as one line, up to the addressee.
    LineStart,
    /// Title: no line names a report; the first short line.
    FirstLine,
    /// Issuer: the signature above the date; published: the closing date (落款).
    Signature,
    /// Issuer: a label such as `解读单位：`.
    Label,
    /// Issuer: a speech's speaker line (`衢州市人民政府副市长　王建平`).
    Speaker,
    /// Issuer: the title's `X关于…` / `X YYYY年…` / `YYYY年X…`; year: the title's.
    Title,
    /// Issuer: only a place named in the title (`椒江区2019年度…`).
    TitlePlace,
    /// Issuer: the opening sentence (`我代表X`, the title's place named in full); year: the
    /// year the opening sentence starts with.
    Opening,
    /// Year: the year most mentioned outside cited titles.
    Mentions,
    /// Published: a speech's meeting date (`——2012年12月25日在…会议上`).
    Meeting,
    /// Published: the page's date (`发布时间：`, a metadata table's date).
    PageInfo,
}

/// A template placeholder left in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Placeholder {
    /// The placeholder as written.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// A stretch of input excluded from analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Removed {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Why it was excluded (a stable English key such as `navigation` or `page_number`).
    pub reason: String,
}

/// A mandated part of an annual rule-of-law report (法治政府建设年度报告).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// 主要举措和成效.
    Measures,
    /// 存在的不足和原因.
    Shortcomings,
    /// 党政主要负责人履行推进法治建设第一责任人职责情况.
    ResponsiblePerson,
    /// 下一年度主要安排.
    NextYear,
    /// Anything else.
    Other,
}

impl Part {
    /// The stable key used in JSON and data files.
    pub fn key(self) -> &'static str {
        match self {
            Part::Measures => "measures",
            Part::Shortcomings => "shortcomings",
            Part::ResponsiblePerson => "responsible_person",
            Part::NextYear => "next_year",
            Part::Other => "other",
        }
    }

    /// Parses a key as written in data files.
    pub fn from_key(key: &str) -> Option<Part> {
        Some(match key {
            "measures" => Part::Measures,
            "shortcomings" => Part::Shortcomings,
            "responsible_person" => Part::ResponsiblePerson,
            "next_year" => Part::NextYear,
            "other" => Part::Other,
            _ => return None,
        })
    }

    /// The English name of the part.
    pub fn name_en(self) -> &'static str {
        match self {
            Part::Measures => "Main measures and results",
            Part::Shortcomings => "Shortcomings and their causes",
            Part::ResponsiblePerson => "Leaders' duties as first persons responsible",
            Part::NextYear => "Plans for the next year",
            Part::Other => "Other",
        }
    }

    /// The Chinese name of the part.
    pub fn name_zh(self) -> &'static str {
        match self {
            Part::Measures => "主要举措和成效",
            Part::Shortcomings => "存在的不足和原因",
            Part::ResponsiblePerson => "党政主要负责人履行推进法治建设第一责任人职责情况",
            Part::NextYear => "下一年度主要安排",
            Part::Other => "其他",
        }
    }
}

/// A heading and the section it opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// Stable id within the report (`s1`, `s2`, …).
    pub id: String,
    /// 1 = 一、/第一部分, 2 = （一）, 3 = 1., 4 = （1）, 5 = ①.
    pub level: u8,
    /// The marker as written (`一、`, `（一）`, `1.`).
    pub marker: String,
    /// The heading text without marker; ends at the first 。/：/； of a run-on line.
    pub title: String,
    /// Start of the marker.
    pub start: usize,
    /// End of the title.
    pub end: usize,
    /// End of the whole section (next heading of the same or a higher level).
    pub section_end: usize,
    /// Id of the enclosing section.
    pub parent: Option<String>,
    /// Mandated parts this section reports: the top two levels of the outline, and any
    /// heading whose own title names a part (`2.严格落实党政主要负责人履行推进法治建设第一
    /// 责任人职责`); none in a document that is not a report.
    pub parts: Vec<Part>,
    /// Task area of the applicable 法治政府建设实施纲要 (the top two levels only).
    pub task: Option<String>,
    /// Confidence of the `parts`/`task` mapping, 0–1.
    pub confidence: f64,
}

/// An inline enumeration item (一是…, 首先…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Enumeration {
    /// The marker as written (`一是`).
    pub marker: String,
    /// The item's lead clause (up to its first 。/；/：).
    pub text: String,
    /// Start of the marker.
    pub start: usize,
    /// End of the lead clause.
    pub end: usize,
    /// Id of the section it stands in.
    pub section: Option<String>,
}

/// How a stated quantity is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 余, 多, 以上, 超过: more than the figure.
    Over,
    /// 约, 近, 左右: roughly the figure.
    About,
    /// 不少于, 至少: the figure or more.
    AtLeast,
    /// 不到, 不足, 以内: less than the figure.
    Under,
}

impl Qualifier {
    /// The stable key used in JSON and CSV (`over`, `about`, `at_least`, `under`).
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::Under => "under",
        }
    }
}

/// A quantity stated in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Metric {
    /// Stable id within the report (`m1`, `m2`, …).
    pub id: String,
    /// The number and unit exactly as written (the input sliced at `start..end`).
    pub raw: String,
    /// Start of `raw`.
    pub start: usize,
    /// End of `raw`.
    pub end: usize,
    /// The value in the base unit (`1.2万件` → 12000, `3.5亿元` → 350000000).
    pub value: f64,
    /// Upper end of a range (`3至5个工作日` → 5).
    pub value_max: Option<f64>,
    /// The measure word (`件`, `人次`, `%`, `个工作日`, `元`).
    pub unit: String,
    /// Hedge words around the number.
    pub qualifier: Option<Qualifier>,
    /// The noun phrase counted.
    pub subject: Option<String>,
    /// Start of the subject.
    pub subject_start: Option<usize>,
    /// End of the subject.
    pub subject_end: Option<usize>,
    /// Id of the innermost section.
    pub section: Option<String>,
    /// Id from the indicator catalogue.
    pub indicator: Option<String>,
    /// A plan or goal rather than a result.
    pub target: bool,
}

/// A total linked to its stated parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Sum {
    /// Metric id of the total.
    pub total: String,
    /// Metric ids of the parts.
    pub parts: Vec<String>,
    /// The parts added up.
    pub sum: f64,
    /// Whether the parts add up to the total; `null` when a value is approximate or the
    /// list is partial.
    pub consistent: Option<bool>,
    /// The parts fall short of the total and nothing (such as a `其他` part) says the list
    /// is complete: 其中 introduced a selection.
    pub partial: bool,
}

/// A stated rate recomputed from the counts the text names (`办结率95.7%` after
/// `登记141件`, `办结135件`: 135 ÷ 141).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Rate {
    /// Metric id of the stated rate.
    pub rate: String,
    /// Metric ids of the counts added up as numerator (several for `撤销和确认违法的案件`).
    pub numerator: Vec<String>,
    /// Metric id of the denominator.
    pub denominator: String,
    /// numerator ÷ denominator, in percent, to four decimals.
    pub computed: f64,
    /// Whether the stated rate is the computed one as written (rounded or cut to its
    /// decimals).
    pub consistent: bool,
}

/// A cited document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    /// Identifier (`c1`, `c2` …), in document order.
    pub id: String,
    /// The title inside 《》, if any (for a bare short form, the words: `工作要点`).
    pub title: Option<String>,
    /// The document number, normalized (`国办发〔2018〕37号`).
    pub doc_number: Option<String>,
    /// What kind of document the name says it is (法律, 行政法规, 规章, 规范性文件 …); a
    /// short form has its document's.
    pub kind: Option<String>,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// For a short form (`《纲要》` after `《法治政府建设实施纲要（2015－2020年）》（以下简称
    /// 《纲要》）`, a bare `工作要点` after `《…工作要点》`) or a repeat, the id of the first
    /// full citation of the same document; null for a document's first full citation.
    pub refers_to: Option<String>,
}

/// A keyword with its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Keyword {
    /// The word.
    pub word: String,
    /// TF-IDF or TextRank weight (higher is more characteristic).
    pub weight: f64,
    /// Occurrences in the analysed text.
    pub count: usize,
}

/// A word and how often it occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct WordCount {
    /// The word.
    pub word: String,
    /// Occurrences.
    pub count: usize,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Probably a problem.
    Warning,
    /// Certainly a problem.
    Error,
}

/// What kind of finding a check is. Serializes to the stable key of the JSON `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// A heading two or more levels below its parent (`1.` directly under `一、`).
    SkippedLevel,
    /// A level-3 number run into its title (`2加强…`).
    MissingSeparator,
    /// A heading title too long to be one.
    LongHeading,
    /// A heading number repeated or lower than the one before.
    DuplicateNumber,
    /// A heading number that skips one.
    NumberingGap,
    /// Two marker styles at one level (`（一）` and `(二)`).
    MixedMarkerStyle,
    /// No heading at all.
    NoOutline,
    /// A mandated part of the annual report with no heading.
    MissingPart,
    /// Parts that do not add up to their stated total.
    SumMismatch,
    /// A stated rate its counts contradict.
    RateMismatch,
    /// A template placeholder left in the text.
    Placeholder,
    /// A closing date that cannot be read as a date.
    UnreadableDate,
    /// The text is cut off or carries an excerpt note.
    IncompleteText,
}

impl CheckKind {
    /// Every kind, in the order of this list.
    pub const ALL: [CheckKind; 13] = [
        CheckKind::SkippedLevel,
        CheckKind::MissingSeparator,
        CheckKind::LongHeading,
        CheckKind::DuplicateNumber,
        CheckKind::NumberingGap,
        CheckKind::MixedMarkerStyle,
        CheckKind::NoOutline,
        CheckKind::MissingPart,
        CheckKind::SumMismatch,
        CheckKind::RateMismatch,
        CheckKind::Placeholder,
        CheckKind::UnreadableDate,
        CheckKind::IncompleteText,
    ];

    /// The stable key (`missing_part`, `sum_mismatch` …), as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::SkippedLevel => "skipped_level",
            CheckKind::MissingSeparator => "missing_separator",
            CheckKind::LongHeading => "long_heading",
            CheckKind::DuplicateNumber => "duplicate_number",
            CheckKind::NumberingGap => "numbering_gap",
            CheckKind::MixedMarkerStyle => "mixed_marker_style",
            CheckKind::NoOutline => "no_outline",
            CheckKind::MissingPart => "missing_part",
            CheckKind::SumMismatch => "sum_mismatch",
            CheckKind::RateMismatch => "rate_mismatch",
            CheckKind::Placeholder => "placeholder",
            CheckKind::UnreadableDate => "unreadable_date",
            CheckKind::IncompleteText => "incomplete_text",
        }
    }
}

impl fmt::Display for CheckKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for CheckKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
pub struct Check {
    /// What kind of finding it is (`missing_part`, `sum_mismatch`, `skipped_level` …).
    pub kind: CheckKind,
    /// How serious it is.
    pub severity: Severity,
    /// What was found, in Chinese.
    pub message: String,
    /// Where, if it has a place.
    pub start: Option<usize>,
    /// End of the place.
    pub end: Option<usize>,
}

/// Figures about the whole text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Characters in the input.
    pub chars: usize,
    /// Characters left after cleaning, without whitespace.
    pub content_chars: usize,
    /// Headings found.
    pub headings: usize,
    /// Metrics found.
    pub metrics: usize,
    /// Metrics per 1000 content characters.
    pub metrics_per1000: f64,
    /// Documents cited: citations that do not refer back to another (short forms and
    /// repeats are mentions of a document already counted).
    pub citations: usize,
    /// Inline enumeration items.
    pub enumerations: usize,
    /// Tokens produced by segmentation.
    pub tokens: usize,
    /// Typical cases cited (案例, 典型案件 …).
    pub cases_cited: usize,
    /// Content characters in the shortcomings part (how deep the self-criticism goes).
    pub shortcomings_chars: usize,
    /// Milliseconds per pipeline stage, when the caller supplied a clock.
    pub timings: Option<BTreeMap<String, f64>>,
}

impl Report {
    /// Applies `f` to every offset in the report (used to convert byte offsets into the
    /// caller's unit).
    pub fn map_offsets(&mut self, f: impl Fn(usize) -> usize) {
        let meta = &mut self.meta;
        for span in meta
            .title_span
            .iter_mut()
            .chain(meta.published_span.iter_mut())
        {
            span.start = f(span.start);
            span.end = f(span.end);
        }
        for p in &mut meta.placeholders {
            (p.start, p.end) = (f(p.start), f(p.end));
        }
        for r in &mut self.removed {
            (r.start, r.end) = (f(r.start), f(r.end));
        }
        for s in &mut self.outline {
            (s.start, s.end, s.section_end) = (f(s.start), f(s.end), f(s.section_end));
        }
        for e in &mut self.enumerations {
            (e.start, e.end) = (f(e.start), f(e.end));
        }
        for m in &mut self.metrics {
            (m.start, m.end) = (f(m.start), f(m.end));
            m.subject_start = m.subject_start.map(&f);
            m.subject_end = m.subject_end.map(&f);
        }
        for c in &mut self.citations {
            (c.start, c.end) = (f(c.start), f(c.end));
        }
        for c in &mut self.checks {
            c.start = c.start.map(&f);
            c.end = c.end.map(&f);
        }
    }
}

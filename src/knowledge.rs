//! Domain knowledge: every file of `data/`, compiled in and read strictly, in one place.
//!
//! The rules of the pipeline know nothing about rule-of-law reports by themselves: which
//! measure words follow a quantity, which slogans carry numerals, what page chrome looks
//! like, which words hedge a figure, how the mandated parts and the 纲要 tasks are worded.
//! That knowledge is data (each file says where its lines come from), and this module is
//! the only one that reads it. Every file has one reader that checks every line — the
//! number of columns, the values a column may take, that a regex compiles — and names the
//! file and line of the first one that is wrong ([`DataError`]).
//!
//! The files are compiled in, so a bad line is a bug of the build, not of the input:
//! `tests::every_data_file_loads` reads them all strictly and fails the test suite. The
//! accessors below read a file on first use and panic on a bad line, which that test
//! rules out before anything ships.

use std::fmt;
use std::sync::OnceLock;

use regex::{Regex, RegexSet};
use regex_automata::{meta, Input, MatchKind, PatternID, PatternSet};
use regex_syntax::hir::Hir;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::matcher::Matcher;
use crate::report::{DocKind, Part, Qualifier};

/// A line of a data file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file, as `data/NAME`.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DataError {}

type Result<T> = std::result::Result<T, DataError>;

/// A data file: its name and its text.
#[derive(Clone, Copy)]
struct File {
    name: &'static str,
    text: &'static str,
}

macro_rules! data_file {
    ($name:literal) => {
        File {
            name: concat!("data/", $name),
            text: include_str!(concat!("../data/", $name)),
        }
    };
}

const UNITS: File = data_file!("units.txt");
const NOT_METRICS: File = data_file!("not_metrics.txt");
const BOILERPLATE: File = data_file!("boilerplate.tsv");
const FRAMEWORK: File = data_file!("framework.tsv");
const INDICATORS: File = data_file!("indicators.tsv");
const HEADING_CUES: File = data_file!("heading_cues.txt");
const VERBS: File = data_file!("verbs.txt");
const STOPWORDS: File = data_file!("stopwords.txt");
const DOMAIN_DICT: File = data_file!("domain_dict.txt");
const CITATION_KINDS: File = data_file!("citation_kinds.tsv");
const WORDS: File = data_file!("words.tsv");
const DOCUMENT_KINDS: File = data_file!("document_kinds.tsv");
const NAMES: File = data_file!("names.tsv");

/// One line of data: where it stands and its tab-separated columns.
struct Line {
    file: &'static str,
    number: usize,
    columns: Vec<&'static str>,
}

impl Line {
    fn error(&self, message: impl Into<String>) -> DataError {
        DataError {
            file: self.file,
            line: self.number,
            message: message.into(),
        }
    }

    /// The columns, which must number between `min` and `max`.
    fn expect(&self, min: usize, max: usize) -> Result<&[&'static str]> {
        let n = self.columns.len();
        if n < min || n > max || self.columns.iter().any(|c| c.trim().is_empty()) {
            let want = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(self.error(format!(
                "{n} tab-separated columns (an empty one among them?), expected {want}"
            )));
        }
        Ok(&self.columns)
    }

    /// Exactly `N` columns.
    fn fields<const N: usize>(&self) -> Result<[&'static str; N]> {
        let columns = self.expect(N, N)?;
        columns
            .try_into()
            .map_err(|_| self.error(format!("expected {N} columns")))
    }

    /// Checks that `pattern` is a valid regex without compiling it (its syntax tree, for
    /// more checks): a pattern is compiled where it is used, once — into a set or one
    /// alternation by its stage, or on first use ([`DataRegex`]). Compiling each here as
    /// well built its automata twice, and compiling was most of the page's first analysis
    /// (each regex costs a fixed ~0.1 ms of tables in WebAssembly besides its size).
    /// Parsing is where a pattern can be wrong (syntax, an unknown class); what it leaves
    /// out is only the size limit of the compiled automaton (10 MB), which no pattern here
    /// comes near and `tests::every_data_file_loads` checks.
    fn check_regex(&self, pattern: &str) -> Result<()> {
        self.parse_regex(pattern).map(drop)
    }

    /// Parses `pattern` (syntax and classes, as the regex engine will).
    ///
    /// `\d` is refused: it is Unicode's decimal digits, 760 characters in 71 ranges, and
    /// its automaton made each `\d` the costliest part of a pattern to build on the page's
    /// first analysis, while the view's digits are ASCII (normalization folds the
    /// full-width ones): `[0-9]` says the same of a report in a fraction of the states.
    fn parse_regex(&self, pattern: &str) -> Result<Hir> {
        if has_unicode_digit_class(pattern) {
            return Err(self.error(format!(
                "regex uses \\d (Unicode's digits of every script); write [0-9]: {pattern}"
            )));
        }
        regex_automata::util::syntax::parse(pattern)
            .map_err(|e| self.error(format!("invalid regex: {e}")))
    }

    /// A pattern checked now and compiled on first use ([`DataRegex`]).
    fn data_regex(&self, pattern: &'static str) -> Result<DataRegex> {
        self.check_regex(pattern)?;
        Ok(DataRegex::checked(pattern))
    }
}

/// Whether `pattern` has a `\d` (a backslash escapes the character after it, inside a
/// class too, so `\\d` is a backslash and a `d`).
fn has_unicode_digit_class(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.next() == Some('d') {
            return true;
        }
    }
    false
}

/// A regex of a data file, checked when its file is read ([`Line::check_regex`]) and
/// compiled when first used. Compiling the data regexes was most of the page's first
/// analysis, and a text needs few of them: the tasks of one 纲要 of three, the indicators
/// of its metrics' units up to the first that matches, the in-line cleaning rules of the
/// lines that have one (their set finds those), the document-kind rules up to the first
/// that matches; the catalogue of names needs none.
///
/// Asked only whether it matches ([`DataRegex::is_match`]), it builds a lighter automaton
/// ([`Matcher`]) and the whole regex only if where or what matched is asked too.
#[derive(Debug)]
pub struct DataRegex {
    pattern: &'static str,
    compiled: OnceLock<Regex>,
    matcher: OnceLock<Matcher>,
}

impl DataRegex {
    /// A pattern its loader has parsed, compiled on first use.
    fn checked(pattern: &'static str) -> DataRegex {
        DataRegex {
            pattern,
            compiled: OnceLock::new(),
            matcher: OnceLock::new(),
        }
    }

    /// Whether the pattern matches somewhere in `haystack` (as `regex().is_match` would).
    ///
    /// # Panics
    /// As [`DataRegex::regex`].
    pub fn is_match(&self, haystack: &str) -> bool {
        self.matcher
            .get_or_init(|| {
                Matcher::new(self.pattern).unwrap_or_else(|e| panic!("data regex: {e}"))
            })
            .is_match(haystack)
    }

    /// The first match in `haystack`, asking the lighter automaton first whether there is
    /// one: for a pattern that most texts do not match, only a text that matches builds
    /// the whole regex (and is scanned a second time, to say where).
    ///
    /// # Panics
    /// As [`DataRegex::regex`].
    pub fn find_if_any<'h>(&self, haystack: &'h str) -> Option<regex::Match<'h>> {
        if self.is_match(haystack) {
            self.regex().find(haystack)
        } else {
            None
        }
    }

    /// The compiled regex.
    ///
    /// # Panics
    /// If the pattern, which parsed when its file was read, does not compile (beyond
    /// regex's size limit), which `tests::every_data_file_loads` rules out: it compiles
    /// every data regex.
    pub fn regex(&self) -> &Regex {
        self.compiled
            .get_or_init(|| Regex::new(self.pattern).unwrap_or_else(|e| panic!("data regex: {e}")))
    }
}

impl std::ops::Deref for DataRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.regex()
    }
}

/// The lines of a data file that carry data: blank lines and `#` comments skipped, each
/// line trimmed of surrounding spaces and split at tabs.
fn lines(file: File) -> impl Iterator<Item = Line> {
    file.text.lines().enumerate().filter_map(move |(i, l)| {
        let l = l.trim_matches(|c: char| c == ' ' || c == '\r');
        (!l.is_empty() && !l.starts_with('#')).then(|| Line {
            file: file.name,
            number: i + 1,
            columns: l.split('\t').collect(),
        })
    })
}

/// Reads a data file on first use.
///
/// # Panics
/// If the compiled-in file is malformed, which `tests::every_data_file_loads` rules out.
fn cached<T>(cell: &'static OnceLock<T>, load: fn() -> Result<T>) -> &'static T {
    cell.get_or_init(|| load().unwrap_or_else(|e| panic!("malformed data file: {e}")))
}

// --- units ------------------------------------------------------------------------------

/// What a unit measures.
pub const UNIT_KINDS: &[&str] = &[
    "count", "time", "money", "percent", "ratio", "measure", "area", "length", "weight", "volume",
    "energy", "power", "age", "score",
];

/// A unit of `data/units.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The unit as written (`件`, `个工作日`, `万元`, `平方公里`).
    pub text: &'static str,
    /// One of [`UNIT_KINDS`].
    pub kind: &'static str,
    /// The units that may be added up with it share a family (`case`: 件 起 宗 例); a unit
    /// without one is its own family.
    pub family: &'static str,
    /// Only after Arabic digits (`98.5分`, never `十分`).
    pub digits: bool,
    /// Not when another Chinese character follows that is not a hedge (`5分局`).
    pub alone: bool,
    /// Counts occurrences of an action (`召开4次专题会议`).
    pub event: bool,
    /// A period in which something is done (`30日内`): no subject unless a word for a
    /// length of time names it.
    pub deadline: bool,
}

fn load_units() -> Result<Vec<Unit>> {
    load_units_from(UNITS)
}

fn load_units_from(file: File) -> Result<Vec<Unit>> {
    let mut units: Vec<Unit> = Vec::new();
    for line in lines(file) {
        let columns = line.expect(2, 3)?;
        let (text, kind) = (columns[0], columns[1]);
        if !UNIT_KINDS.contains(&kind) {
            return Err(line.error(format!("unknown unit kind {kind:?}")));
        }
        if units.iter().any(|u| u.text == text) {
            return Err(line.error(format!("unit {text:?} listed twice")));
        }
        let mut unit = Unit {
            text,
            kind,
            family: text,
            digits: false,
            alone: false,
            event: false,
            deadline: false,
        };
        for flag in columns
            .get(2)
            .map_or("", |f| f)
            .split(',')
            .filter(|f| !f.is_empty())
        {
            match flag.split_once('=') {
                Some(("family", name)) if !name.is_empty() => unit.family = name,
                None if flag == "digits" => unit.digits = true,
                None if flag == "alone" => unit.alone = true,
                None if flag == "event" => unit.event = true,
                None if flag == "deadline" => unit.deadline = true,
                _ => return Err(line.error(format!("unknown unit flag {flag:?}"))),
            }
        }
        units.push(unit);
    }
    // Longer units are tried first: 人次 before 人, 个工作日 before 个.
    units.sort_by_key(|u| std::cmp::Reverse(u.text.chars().count()));
    Ok(units)
}

/// The units, longest first.
pub fn units() -> &'static [Unit] {
    static C: OnceLock<Vec<Unit>> = OnceLock::new();
    cached(&C, load_units).as_slice()
}

/// The unit as written, if it is one of `data/units.txt`.
pub fn unit(text: &str) -> Option<&'static Unit> {
    static C: OnceLock<rustc_hash::FxHashMap<&'static str, &'static Unit>> = OnceLock::new();
    C.get_or_init(|| {
        // The first entry of a unit written twice, as a scan of the list finds it.
        let mut map: rustc_hash::FxHashMap<&'static str, &'static Unit> = Default::default();
        for u in units().iter().rev() {
            map.insert(u.text, u);
        }
        map
    })
    .get(text)
    .copied()
}

/// The longest unit that `text` starts with.
pub fn unit_at(text: &str) -> Option<&'static Unit> {
    static C: OnceLock<rustc_hash::FxHashMap<char, Vec<&'static Unit>>> = OnceLock::new();
    let by_first = C.get_or_init(|| {
        let mut map: rustc_hash::FxHashMap<char, Vec<&'static Unit>> = Default::default();
        for u in units() {
            if let Some(c) = u.text.chars().next() {
                map.entry(c).or_default().push(u);
            }
        }
        map
    });
    let first = text.chars().next()?;
    by_first
        .get(&first)?
        .iter()
        .copied()
        .find(|u| text.starts_with(u.text))
}

/// All units as one regex alternation, longest first.
pub fn unit_alternation() -> &'static str {
    static C: OnceLock<String> = OnceLock::new();
    C.get_or_init(|| {
        units()
            .iter()
            .map(|u| regex::escape(u.text))
            .collect::<Vec<_>>()
            .join("|")
    })
}

// --- patterns ---------------------------------------------------------------------------

fn load_not_metrics() -> Result<Vec<&'static str>> {
    lines(NOT_METRICS)
        .map(|line| {
            let [pattern] = line.fields::<1>()?;
            line.check_regex(pattern)?;
            Ok(pattern)
        })
        .collect()
}

/// The non-metric patterns of `data/not_metrics.txt`, each a valid regex.
pub fn not_metric_patterns() -> &'static [&'static str] {
    static C: OnceLock<Vec<&'static str>> = OnceLock::new();
    cached(&C, load_not_metrics).as_slice()
}

/// A rule of `data/boilerplate.tsv`.
#[derive(Debug)]
pub struct BoilerplateRule {
    /// Applies only at the head and foot of the text (scopes `head`, `head_inline`).
    pub head_only: bool,
    /// Removes each match inside a line (scopes `inline`, `head_inline`), not the whole line;
    /// the first capture group, if the pattern has one, is the part removed.
    pub inline: bool,
    /// The stable reason key reported with the removed span.
    pub reason: &'static str,
    /// The regex (valid; an in-line one never matches the empty string).
    pub pattern: &'static str,
    /// An in-line rule's pattern, to find its places once its set says that the rule
    /// matches a line (compiled then); `None` for a whole-line rule, which the clean stage
    /// compiles only into its set.
    pub regex: Option<DataRegex>,
}

impl BoilerplateRule {
    /// The pattern parsed, to compile the rule sets from (`clean`).
    pub fn hir(&self) -> Hir {
        // The loader checked it, or the automata written from it were compiled from it.
        regex_automata::util::syntax::parse(self.pattern)
            .unwrap_or_else(|e| panic!("boilerplate rule {}: {e}", self.pattern))
    }
}

/// Reads the rules; `check` parses each pattern (the regex valid, without `\d`; an in-line
/// one never matching the empty string, with at most one capture group). Unchecked, only
/// the columns and scopes are: for rules whose automata `data/boilerplate.automata` holds,
/// compiled from these very patterns by a checked read (`boilerplate_is_precompiled`).
fn load_boilerplate(check: bool) -> Result<Vec<BoilerplateRule>> {
    lines(BOILERPLATE)
        .map(|line| {
            let [scope, reason, pattern] = line.fields::<3>()?;
            let (head_only, inline) = match scope {
                "head" => (true, false),
                "any" => (false, false),
                "head_inline" => (true, true),
                "inline" => (false, true),
                _ => {
                    return Err(line.error(format!(
                        "scope {scope:?} is none of head, any, head_inline, inline"
                    )))
                }
            };
            if check {
                let hir = line.parse_regex(pattern)?;
                let props = hir.properties();
                if inline && props.minimum_len() == Some(0) {
                    return Err(line.error("an in-line rule must not match the empty string"));
                }
                if inline && props.explicit_captures_len() > 1 {
                    return Err(line.error(
                        "an in-line rule has at most one capture group (the part removed); use (?:…)",
                    ));
                }
            }
            Ok(BoilerplateRule {
                head_only,
                inline,
                reason,
                pattern,
                regex: inline.then(|| DataRegex::checked(pattern)),
            })
        })
        .collect()
}

/// The text of `data/boilerplate.tsv` (the hash `data/boilerplate.automata` names).
pub fn boilerplate_source() -> &'static str {
    BOILERPLATE.text
}

/// The automata of the rule sets, compiled ahead (`crate::automata`).
pub const BOILERPLATE_AUTOMATA: &[u8] = include_bytes!("../data/boilerplate.automata");

/// Whether `data/boilerplate.automata` was compiled from the rules as they are.
pub fn boilerplate_is_precompiled() -> bool {
    crate::automata::stored_hash(BOILERPLATE_AUTOMATA)
        == Some(crate::automata::source_hash(BOILERPLATE.text))
}

/// The cleaning rules, in file order: their patterns checked unless the automata compiled
/// from them are stored.
pub fn boilerplate_rules() -> &'static [BoilerplateRule] {
    static C: OnceLock<Vec<BoilerplateRule>> = OnceLock::new();
    cached(&C, || load_boilerplate(!boilerplate_is_precompiled())).as_slice()
}

/// The cleaning rules, every pattern checked (the tests, and what writes the automata).
#[cfg(test)]
pub fn checked_boilerplate_rules() -> Result<Vec<BoilerplateRule>> {
    load_boilerplate(true)
}

/// The document kinds of `data/citation_kinds.tsv`: title patterns, each with the kind it
/// names, the first that matches wins. The patterns are compiled once, together, into one
/// set: fifteen regexes compiled one by one cost the page's first analysis ~20 ms in
/// WebAssembly, and a title is short.
#[derive(Debug, Clone)]
pub struct CitationKinds {
    set: RegexSet,
    kinds: Vec<&'static str>,
}

impl CitationKinds {
    /// The kind of the first pattern, in file order, that matches `title`.
    pub fn kind_of(&self, title: &str) -> Option<&'static str> {
        self.set.matches(title).iter().next().map(|i| self.kinds[i])
    }

    /// The kinds, in file order (one per pattern, repeated as the file repeats them).
    #[cfg(test)]
    pub fn kinds(&self) -> &[&'static str] {
        &self.kinds
    }
}

fn load_citation_kinds() -> Result<CitationKinds> {
    let (mut patterns, mut kinds) = (Vec::new(), Vec::new());
    let mut last = 0;
    for line in lines(CITATION_KINDS) {
        let [pattern, kind] = line.fields::<2>()?;
        line.check_regex(pattern)?;
        patterns.push(pattern);
        kinds.push(kind);
        last = line.number;
    }
    let set = RegexSet::new(&patterns).map_err(|e| DataError {
        file: CITATION_KINDS.name,
        line: last,
        message: format!("the patterns do not compile together: {e}"),
    })?;
    Ok(CitationKinds { set, kinds })
}

/// The document kinds of cited titles (`data/citation_kinds.tsv`).
pub fn citation_kinds() -> &'static CitationKinds {
    static C: OnceLock<CitationKinds> = OnceLock::new();
    cached(&C, load_citation_kinds)
}

// --- framework and indicators -----------------------------------------------------------

/// A mandated part's title rule.
#[derive(Debug)]
pub struct PartRule {
    /// The part.
    pub part: Part,
    /// Words of a heading that names it.
    pub keywords: DataRegex,
    /// The words name the part only in a top-level heading (`part_top`).
    pub top_only: bool,
}

/// A task area of a 纲要.
#[derive(Debug)]
pub struct Task {
    /// The 纲要: `2004`, `2015` or `2021`.
    pub catalogue: &'static str,
    /// Short key, as reported in `task`.
    pub key: &'static str,
    /// Full Chinese name.
    pub name: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Words that point to it.
    pub keywords: DataRegex,
}

/// The catalogue years of the 纲要 in `data/framework.tsv`.
pub const CATALOGUES: &[&str] = &["2004", "2015", "2021"];

fn load_framework() -> Result<(Vec<PartRule>, Vec<Task>)> {
    let (mut parts, mut tasks) = (Vec::new(), Vec::new());
    for line in lines(FRAMEWORK) {
        let [kind, catalogue, key, name, name_en, keywords] = line.fields::<6>()?;
        let keywords = line.data_regex(keywords)?;
        match kind {
            "part" | "part_top" => {
                let part = Part::from_key(key)
                    .filter(|p| *p != Part::Other)
                    .ok_or_else(|| line.error(format!("unknown part {key:?}")))?;
                parts.push(PartRule {
                    part,
                    keywords,
                    top_only: kind == "part_top",
                });
            }
            "task" if CATALOGUES.contains(&catalogue) => tasks.push(Task {
                catalogue,
                key,
                name,
                name_en,
                keywords,
            }),
            "task" => return Err(line.error(format!("unknown catalogue {catalogue:?}"))),
            _ => return Err(line.error(format!("kind {kind:?} is not part, part_top or task"))),
        }
    }
    Ok((parts, tasks))
}

fn framework() -> &'static (Vec<PartRule>, Vec<Task>) {
    static C: OnceLock<(Vec<PartRule>, Vec<Task>)> = OnceLock::new();
    cached(&C, load_framework)
}

/// The title rules of the mandated parts, in file order.
pub fn part_rules() -> &'static [PartRule] {
    &framework().0
}

/// The task areas of all three 纲要, in file order.
pub fn tasks() -> &'static [Task] {
    &framework().1
}

/// A rule of `data/document_kinds.tsv`: words that show what kind of document a text is.
#[derive(Debug)]
pub struct KindRule {
    /// The kind they show.
    pub kind: DocKind,
    /// Matched against the title and the first lines (`true`) or the whole text.
    pub in_title: bool,
    /// What the evidence is called (`政府工作报告`).
    pub label: &'static str,
    /// The words.
    pub pattern: DataRegex,
}

fn load_document_kinds() -> Result<Vec<KindRule>> {
    lines(DOCUMENT_KINDS)
        .map(|line| {
            let [kind, place, label, pattern] = line.fields::<4>()?;
            let kind = DocKind::from_key(kind)
                .ok_or_else(|| line.error(format!("kind {kind:?} is neither report nor other")))?;
            let in_title = match place {
                "title" => true,
                "body" => false,
                p => return Err(line.error(format!("place {p:?} is neither title nor body"))),
            };
            Ok(KindRule {
                kind,
                in_title,
                label,
                pattern: line.data_regex(pattern)?,
            })
        })
        .collect()
}

/// The document-kind rules, in file order (the first that matches decides).
pub fn document_kinds() -> &'static [KindRule] {
    static C: OnceLock<Vec<KindRule>> = OnceLock::new();
    cached(&C, load_document_kinds).as_slice()
}

// --- names ------------------------------------------------------------------------------

/// The categories of `data/names.tsv`.
pub const NAME_CATEGORIES: &[&str] = &["reason", "citation_kind", "document_kind"];

/// A key of the Report JSON with its names (`data/names.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyName {
    /// One of [`NAME_CATEGORIES`].
    pub category: &'static str,
    /// The key as the Report writes it (`page_number`, `法律`, `report`).
    pub key: &'static str,
    /// The Chinese name.
    pub name: &'static str,
    /// The English name.
    pub name_en: &'static str,
}

fn load_names() -> Result<Vec<KeyName>> {
    let mut names: Vec<KeyName> = Vec::new();
    for line in lines(NAMES) {
        let [category, key, name, name_en] = line.fields::<4>()?;
        if !NAME_CATEGORIES.contains(&category) {
            return Err(line.error(format!("unknown category {category:?}")));
        }
        if names.iter().any(|n| n.category == category && n.key == key) {
            return Err(line.error(format!("{category} {key:?} named twice")));
        }
        names.push(KeyName {
            category,
            key,
            name,
            name_en,
        });
    }
    Ok(names)
}

/// The names of the keys of one category, in file order.
pub fn names(category: &str) -> impl Iterator<Item = &'static KeyName> + '_ {
    static C: OnceLock<Vec<KeyName>> = OnceLock::new();
    cached(&C, load_names)
        .iter()
        .filter(move |n| n.category == category)
}

/// An indicator of `data/indicators.tsv`.
#[derive(Debug)]
pub struct Indicator {
    /// Stable id (`admin_review_cases`).
    pub id: &'static str,
    /// Chinese name.
    pub name: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// A unit kind of [`UNIT_KINDS`], or `any`.
    pub unit_kind: &'static str,
    /// What the subject (or the clause) must match: a regex, checked when the file is
    /// read and compiled with the others into [`indicator_subjects`].
    pub subject: &'static str,
    /// The subject pattern matches any text (`.*`), as its loader's parse tells.
    pub any_subject: bool,
    /// What the clause must match, if anything.
    pub context: Option<DataRegex>,
}

fn load_indicators() -> Result<Vec<Indicator>> {
    lines(INDICATORS)
        .map(|line| {
            let [id, name, name_en, unit_kind, subject, context] = line.fields::<6>()?;
            if unit_kind != "any" && !UNIT_KINDS.contains(&unit_kind) {
                return Err(line.error(format!("unknown unit kind {unit_kind:?}")));
            }
            Ok(Indicator {
                id,
                name,
                name_en,
                unit_kind,
                subject,
                any_subject: matches_anything(&line.parse_regex(subject)?),
                context: match context {
                    "-" => None,
                    c => Some(line.data_regex(c)?),
                },
            })
        })
        .collect()
}

/// The indicator catalogue, first match first.
pub fn indicators() -> &'static [Indicator] {
    static C: OnceLock<Vec<Indicator>> = OnceLock::new();
    cached(&C, load_indicators).as_slice()
}

/// The subject patterns of [`indicators`], compiled on first use into one set: a figure's
/// subject is read once for all of them, not once per line of the catalogue until one
/// matches.
///
/// A pattern that matches the empty string and asserts nothing (`.*`: any text, with a
/// context pattern doing the work) matches every subject, and stays out of the set: in
/// the set's overlapping search it reported a match at every character, and the search
/// of a short subject cost ~4,000 instructions (~1,000 without it). The set is a forward
/// search of `regex_automata`'s meta regex (the engine under `regex`) without a literal
/// prefilter: a `regex::RegexSet` of these word lists builds an Aho-Corasick automaton
/// first, which the few short subjects of a report do not repay.
pub struct IndicatorSubjects {
    /// The patterns that need a search.
    set: meta::Regex,
    /// The catalogue line of each pattern of `set`, ascending.
    line_of: Vec<usize>,
    /// The catalogue lines whose pattern matches any subject, ascending.
    always: Vec<usize>,
}

impl IndicatorSubjects {
    /// The set of each line's subject pattern, with whether it matches any text.
    fn new(subjects: &[(&str, bool)]) -> std::result::Result<IndicatorSubjects, String> {
        let (always, line_of): (Vec<usize>, Vec<usize>) =
            (0..subjects.len()).partition(|&i| subjects[i].1);
        let patterns: Vec<&str> = line_of.iter().map(|&i| subjects[i].0).collect();
        let config = meta::Config::new()
            .match_kind(MatchKind::All)
            .auto_prefilter(false);
        Ok(IndicatorSubjects {
            set: (meta::Regex::builder().configure(config))
                .build_many(&patterns)
                .map_err(|e| e.to_string())?,
            line_of,
            always,
        })
    }

    /// The catalogue lines whose subject pattern matches `subject`, in catalogue order.
    pub fn matching(&self, subject: &str) -> impl Iterator<Item = usize> + '_ {
        let mut matched = PatternSet::new(self.set.pattern_len());
        self.set
            .which_overlapping_matches(&Input::new(subject), &mut matched);
        let mut found = (0..self.line_of.len())
            .filter(move |&p| matched.contains(PatternID::must(p)))
            .map(|p| self.line_of[p])
            .peekable();
        let mut always = self.always.iter().copied().peekable();
        std::iter::from_fn(move || match (found.peek(), always.peek()) {
            (Some(f), Some(a)) if a < f => always.next(),
            (Some(_), _) => found.next(),
            (None, _) => always.next(),
        })
    }
}

/// Whether a pattern matches every text: it can match the empty string (at the start of
/// any text) and has no assertion (`^`, `$`, `\b`) that could refuse that place.
fn matches_anything(hir: &Hir) -> bool {
    let p = hir.properties();
    p.minimum_len() == Some(0) && p.look_set().is_empty()
}

/// The [`IndicatorSubjects`] of the catalogue.
///
/// # Panics
/// If the patterns, each of which parsed when the file was read, do not compile together,
/// which `tests::every_data_file_loads` rules out.
pub fn indicator_subjects() -> &'static IndicatorSubjects {
    static C: OnceLock<IndicatorSubjects> = OnceLock::new();
    C.get_or_init(|| {
        let subjects: Vec<(&str, bool)> = (indicators().iter())
            .map(|i| (i.subject, i.any_subject))
            .collect();
        IndicatorSubjects::new(&subjects).unwrap_or_else(|e| {
            panic!("data/indicators.tsv: the subjects do not compile together: {e}")
        })
    })
}

// --- word lists -------------------------------------------------------------------------

fn load_word_list(file: File) -> Result<Vec<&'static str>> {
    lines(file)
        .map(|line| {
            let [word] = line.fields::<1>()?;
            if word.contains(' ') {
                return Err(line.error("one word a line, without spaces"));
            }
            Ok(word)
        })
        .collect()
}

/// The verbs and function words that end a subject (`data/verbs.txt`).
pub fn verbs() -> &'static FxHashSet<&'static str> {
    static C: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    cached(&C, || {
        load_word_list(VERBS).map(|v| v.into_iter().collect())
    })
}

/// The stop words (`data/stopwords.txt`).
pub fn stop_words() -> &'static FxHashSet<&'static str> {
    static C: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    cached(&C, || {
        load_word_list(STOPWORDS).map(|v| v.into_iter().collect())
    })
}

fn load_domain_terms() -> Result<Vec<&'static str>> {
    lines(DOMAIN_DICT)
        .map(|line| {
            let [entry] = line.fields::<1>()?;
            let mut parts = entry.split_whitespace();
            let term = parts.next().unwrap_or_default();
            if let Some(freq) = parts.next() {
                if freq.parse::<u32>().is_err() {
                    return Err(line.error(format!("frequency {freq:?} is not a number")));
                }
            }
            if parts.next().is_some() {
                return Err(line.error("a term and at most a frequency"));
            }
            Ok(term)
        })
        .collect()
}

/// The domain dictionary's terms (`data/domain_dict.txt`).
pub fn domain_terms() -> &'static [&'static str] {
    static C: OnceLock<Vec<&'static str>> = OnceLock::new();
    cached(&C, load_domain_terms).as_slice()
}

/// Title-final and body-opening words (`data/heading_cues.txt`).
#[derive(Debug)]
pub struct HeadingCues {
    /// Words a heading title ends with.
    pub end: Vec<&'static str>,
    /// Words that always open body text after a title-final word (`一是`, `首先`).
    pub open: Vec<&'static str>,
    /// Words body text opens with (the file's `body` lines plus the verbs of two or more
    /// characters).
    pub body: Vec<&'static str>,
}

fn load_heading_cues() -> Result<HeadingCues> {
    let mut cues = HeadingCues {
        end: Vec::new(),
        open: Vec::new(),
        body: Vec::new(),
    };
    for line in lines(HEADING_CUES) {
        let [kind, word] = line.fields::<2>()?;
        match kind {
            "end" => cues.end.push(word),
            "open" => cues.open.push(word),
            "body" => cues.body.push(word),
            _ => {
                return Err(line.error(format!("kind {kind:?} is not end, open or body")));
            }
        }
    }
    cues.body.extend(
        load_word_list(VERBS)?
            .into_iter()
            .filter(|w| w.chars().count() >= 2),
    );
    Ok(cues)
}

/// The heading cues.
pub fn heading_cues() -> &'static HeadingCues {
    static C: OnceLock<HeadingCues> = OnceLock::new();
    cached(&C, load_heading_cues)
}

/// The roles of `data/words.tsv` (its header says what each is for).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A hedge before a number, with its qualifier.
    HedgeBefore,
    /// A hedge after a number and its unit, with its qualifier.
    HedgeAfter,
    /// A word making a figure a plan.
    Target,
    /// A word saying the plan is already reached.
    TargetUndo,
    /// A word after a figure, in its clause, making it a plan.
    TargetAfter,
    /// A word dating a figure to the report's own year.
    ThisYear,
    /// A word after a figure, in its clause, making it a baseline reached.
    ResultAfter,
    /// A measure word followed by the counted noun.
    Classifier,
    /// A one-character word between subject and number.
    Linking,
    /// A word between a subject and its figure.
    Gap,
    /// A word of time or place that is not part of a subject.
    Scope,
    /// A function word never part of a subject.
    NotSubject,
    /// An action verb that ends a subject read leftwards.
    Verb,
    /// A verb that also names an activity inside a noun phrase.
    NounVerb,
    /// A word that makes the verb before it part of a noun.
    NounSuffix,
    /// A noun a verb of `noun_verb` may modify inside a subject.
    HeadNoun,
    /// A word for a length of time.
    DurationNoun,
    /// A word for an incident (`一起` counts one before it).
    IncidentNoun,
    /// A measure word after which a lone 一 is an article.
    OneArticle,
    /// A character before a lone 一 making it "every/this one".
    OneBefore,
    /// A lone numeral that is an ordinal before a measure word.
    OrdinalNumeral,
    /// How the name of a body, an official or a meeting ends.
    Actor,
    /// An administrative area or unit.
    Place,
    /// A verb that holds a meeting.
    Convene,
    /// How the name of a meeting ends.
    MeetingNoun,
    /// A verb that hands something over.
    Transfer,
    /// A word for how an action is done, kept with it.
    Manner,
    /// A word after `N期` making it a construction phase.
    PhaseAfter,
    /// A word before `N期` making it a phase of a place.
    PhaseBefore,
    /// A word making a figure a change.
    Change,
    /// A word making a part the rest of a total.
    CatchAll,
    /// A word after a total opening its parts.
    PartsFollow,
    /// A word making a list of parts a selection.
    PartialCue,
    /// A word right after a total making the next figure part of it.
    SubsetMark,
    /// A word between a part and the base of its share.
    RateBase,
    /// A word opening a total row or line.
    TotalLabel,
    /// A word in the clause of a stated total.
    TotalWord,
    /// A word in the clause of what came in.
    IntakeWord,
    /// A word before a document number that is not its issuer code.
    CitationLead,
    /// A currency word.
    Currency,
    /// A character making a following Chinese numeral part of a word.
    CnWordPrefix,
    /// How the name of a body ends.
    OrgSuffix,
    /// How a report's title ends.
    TitleEnding,
    /// A character making a bare number at a line start a quantity.
    AfterBareNumber,
    /// How the name of a place ends.
    PlaceSuffix,
    /// What follows the issuer in a year-first title.
    TitleTopic,
    /// A position in a speech's speaker line (see [`speaker_titles`] for the body it implies).
    SpeakerTitle,
    /// A label naming the issuing body.
    IssuerLabel,
    /// A document type that stands bare for a document cited before.
    ShortForm,
    /// A word before a bare short form that points back to a document.
    BackLead,
    /// A word before a level that makes a relative name (`全县`, `我市`).
    RelativePrefix,
}

impl Role {
    const ALL: [(Role, &'static str); 51] = [
        (Role::HedgeBefore, "hedge_before"),
        (Role::HedgeAfter, "hedge_after"),
        (Role::Target, "target"),
        (Role::TargetUndo, "target_undo"),
        (Role::TargetAfter, "target_after"),
        (Role::ThisYear, "this_year"),
        (Role::ResultAfter, "result_after"),
        (Role::Classifier, "classifier"),
        (Role::Linking, "linking"),
        (Role::Gap, "gap"),
        (Role::Scope, "scope"),
        (Role::NotSubject, "not_subject"),
        (Role::Verb, "verb"),
        (Role::NounVerb, "noun_verb"),
        (Role::NounSuffix, "noun_suffix"),
        (Role::HeadNoun, "head_noun"),
        (Role::DurationNoun, "duration_noun"),
        (Role::IncidentNoun, "incident_noun"),
        (Role::OneArticle, "one_article"),
        (Role::OneBefore, "one_before"),
        (Role::OrdinalNumeral, "ordinal_numeral"),
        (Role::Actor, "actor"),
        (Role::Place, "place"),
        (Role::Convene, "convene"),
        (Role::MeetingNoun, "meeting_noun"),
        (Role::Transfer, "transfer"),
        (Role::Manner, "manner"),
        (Role::PhaseAfter, "phase_after"),
        (Role::PhaseBefore, "phase_before"),
        (Role::Change, "change"),
        (Role::CatchAll, "catch_all"),
        (Role::PartsFollow, "parts_follow"),
        (Role::PartialCue, "partial_cue"),
        (Role::SubsetMark, "subset_mark"),
        (Role::RateBase, "rate_base"),
        (Role::TotalLabel, "total_label"),
        (Role::TotalWord, "total_word"),
        (Role::IntakeWord, "intake_word"),
        (Role::CitationLead, "citation_lead"),
        (Role::Currency, "currency"),
        (Role::CnWordPrefix, "cn_word_prefix"),
        (Role::OrgSuffix, "org_suffix"),
        (Role::TitleEnding, "title_ending"),
        (Role::AfterBareNumber, "after_bare_number"),
        (Role::PlaceSuffix, "place_suffix"),
        (Role::TitleTopic, "title_topic"),
        (Role::SpeakerTitle, "speaker_title"),
        (Role::IssuerLabel, "issuer_label"),
        (Role::ShortForm, "short_form"),
        (Role::BackLead, "back_lead"),
        (Role::RelativePrefix, "relative_prefix"),
    ];

    fn from_key(key: &str) -> Option<Role> {
        Role::ALL.iter().find(|(_, k)| *k == key).map(|(r, _)| *r)
    }

    fn takes_value(self) -> bool {
        matches!(self, Role::HedgeBefore | Role::HedgeAfter)
    }
}

/// A hedge word and what it says of the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hedge {
    /// The word.
    pub word: &'static str,
    /// The qualifier it sets.
    pub qualifier: Qualifier,
    /// Only after a time unit (`3个工作日内`).
    pub time_only: bool,
}

struct Words {
    lists: Vec<(Role, Vec<&'static str>)>,
    hedges_before: Vec<Hedge>,
    hedges_after: Vec<Hedge>,
    speaker_titles: Vec<(&'static str, Option<&'static str>)>,
}

fn load_words() -> Result<Words> {
    let mut words = Words {
        lists: Role::ALL.iter().map(|(r, _)| (*r, Vec::new())).collect(),
        hedges_before: Vec::new(),
        hedges_after: Vec::new(),
        speaker_titles: Vec::new(),
    };
    for line in lines(WORDS) {
        let columns = line.expect(2, 3)?;
        let (key, word) = (columns[0], columns[1]);
        let role =
            Role::from_key(key).ok_or_else(|| line.error(format!("unknown role {key:?}")))?;
        if role == Role::SpeakerTitle {
            // The value is optional: the body a bare place stands for with this position.
            words.speaker_titles.push((word, columns.get(2).copied()));
        }
        match (role.takes_value(), columns.get(2)) {
            (true, Some(value)) => {
                let (qualifier, time_only) = match *value {
                    "over" => (Qualifier::Over, false),
                    "about" => (Qualifier::About, false),
                    "at_least" => (Qualifier::AtLeast, false),
                    "under" => (Qualifier::Under, false),
                    "under_time" if role == Role::HedgeAfter => (Qualifier::Under, true),
                    v => return Err(line.error(format!("unknown qualifier {v:?}"))),
                };
                let hedge = Hedge {
                    word,
                    qualifier,
                    time_only,
                };
                if role == Role::HedgeBefore {
                    words.hedges_before.push(hedge);
                } else {
                    words.hedges_after.push(hedge);
                }
            }
            (true, None) => return Err(line.error(format!("{key} needs a qualifier column"))),
            (false, Some(_)) if role == Role::SpeakerTitle => {}
            (false, Some(_)) => return Err(line.error(format!("{key} takes no value column"))),
            (false, None) => {}
        }
        if let Some((_, list)) = words.lists.iter_mut().find(|(r, _)| *r == role) {
            list.push(word);
        }
    }
    // The longest hedge wins: 不少于 before 少于, 将近 before 近.
    words
        .hedges_before
        .sort_by_key(|h| std::cmp::Reverse(h.word.chars().count()));
    words
        .hedges_after
        .sort_by_key(|h| std::cmp::Reverse(h.word.chars().count()));
    Ok(words)
}

fn words_file() -> &'static Words {
    static C: OnceLock<Words> = OnceLock::new();
    cached(&C, load_words)
}

/// The words of one role of `data/words.tsv`, in file order.
pub fn words(role: Role) -> &'static [&'static str] {
    words_file()
        .lists
        .iter()
        .find(|(r, _)| *r == role)
        .map_or(&[], |(_, l)| l.as_slice())
}

/// How the name of a body or of a place ends (`org_suffix` then `place_suffix`): what the
/// short name a paragraph opens with, or a signature, ends with.
pub fn name_endings() -> impl Iterator<Item = &'static str> {
    words(Role::OrgSuffix)
        .iter()
        .chain(words(Role::PlaceSuffix))
        .copied()
}

/// The words of one role as a set, for membership tests on tokens.
pub fn word_set(role: Role) -> &'static FxHashSet<&'static str> {
    static C: OnceLock<Vec<(Role, FxHashSet<&'static str>)>> = OnceLock::new();
    let sets = C.get_or_init(|| {
        Role::ALL
            .iter()
            .map(|(r, _)| (*r, words(*r).iter().copied().collect()))
            .collect()
    });
    sets.iter()
        .find(|(r, _)| *r == role)
        .map(|(_, s)| s)
        .expect("every role has a set")
}

/// The words of every role by their first and by their last character, in file order:
/// [`starting_with`] and [`ending_with`] are asked of most tokens around a figure, and
/// test only the few words that can match instead of the whole list.
struct Affixes {
    by_first: FxHashMap<(Role, char), Vec<&'static str>>,
    by_last: FxHashMap<(Role, char), Vec<&'static str>>,
    /// The roles that have an empty word (which every text starts and ends with).
    empty: Vec<Role>,
}

fn affixes() -> &'static Affixes {
    static C: OnceLock<Affixes> = OnceLock::new();
    C.get_or_init(|| {
        let mut a = Affixes {
            by_first: FxHashMap::default(),
            by_last: FxHashMap::default(),
            empty: Vec::new(),
        };
        for (role, list) in &words_file().lists {
            for &w in list {
                match (w.chars().next(), w.chars().next_back()) {
                    (Some(first), Some(last)) => {
                        a.by_first.entry((*role, first)).or_default().push(w);
                        a.by_last.entry((*role, last)).or_default().push(w);
                    }
                    _ => a.empty.push(*role),
                }
            }
        }
        a
    })
}

/// The longest of `candidates` that `matches`, else the empty word if `role` has one.
fn longest(
    candidates: Option<&Vec<&'static str>>,
    matches: impl Fn(&str) -> bool,
    role: Role,
) -> Option<&'static str> {
    candidates
        .and_then(|ws| ws.iter().filter(|w| matches(w)).max_by_key(|w| w.len()))
        .copied()
        .or_else(|| affixes().empty.contains(&role).then_some(""))
}

/// The word of `role` that `text` ends with, longest first.
pub fn ending_with(text: &str, role: Role) -> Option<&'static str> {
    let candidates = text
        .chars()
        .next_back()
        .and_then(|c| affixes().by_last.get(&(role, c)));
    longest(candidates, |w| text.ends_with(w), role)
}

/// The word of `role` that `text` starts with, longest first.
pub fn starting_with(text: &str, role: Role) -> Option<&'static str> {
    let candidates = text
        .chars()
        .next()
        .and_then(|c| affixes().by_first.get(&(role, c)));
    longest(candidates, |w| text.starts_with(w), role)
}

/// The positions of a speaker line (`data/words.tsv`, role `speaker_title`), longest
/// first, each with the body a bare place stands for with it (`市长` → `人民政府`).
pub fn speaker_titles() -> &'static [(&'static str, Option<&'static str>)] {
    static C: OnceLock<Vec<(&'static str, Option<&'static str>)>> = OnceLock::new();
    C.get_or_init(|| {
        let mut v = words_file().speaker_titles.clone();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        v
    })
}

/// Whether `text` contains any word of `role`.
pub fn contains_any(text: &str, role: Role) -> bool {
    words(role).iter().any(|w| text.contains(w))
}

/// Hedges before a number, longest first.
pub fn hedges_before() -> &'static [Hedge] {
    &words_file().hedges_before
}

/// Hedges after a number, longest first.
pub fn hedges_after() -> &'static [Hedge] {
    &words_file().hedges_after
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Unicode classes the shipped regex build knows: the `regex` features of
    /// Cargo.toml (`unicode-perl`, `unicode-gencat`, `unicode-script`) — not the boolean
    /// properties (`\p{Extended_Pictographic}`, `\p{Alphabetic}`), which test builds get
    /// from the dev-dependencies but the CLI and the wasm module do not: a data regex using
    /// one compiles here and fails at run time there.
    #[test]
    fn data_regexes_use_only_the_unicode_classes_the_release_build_has() {
        const GENCAT: &[&str] = &[
            "L",
            "Lu",
            "Ll",
            "Lt",
            "Lm",
            "Lo",
            "M",
            "Mn",
            "Mc",
            "Me",
            "N",
            "Nd",
            "Nl",
            "No",
            "P",
            "Pc",
            "Pd",
            "Ps",
            "Pe",
            "Pi",
            "Pf",
            "Po",
            "S",
            "Sm",
            "Sc",
            "Sk",
            "So",
            "Z",
            "Zs",
            "Zl",
            "Zp",
            "C",
            "Cc",
            "Cf",
            "Cs",
            "Co",
            "Cn",
            "Letter",
            "Number",
            "Punctuation",
            "Symbol",
            "Separator",
        ];
        const SCRIPTS: &[&str] = &[
            "Han", "Latin", "Greek", "Cyrillic", "Hiragana", "Katakana", "Hangul", "Common",
            "Bopomofo",
        ];
        let class = Regex::new(r"\\[pP](?:\{([^}]+)\}|([A-Z]))").unwrap();
        let files = [
            NOT_METRICS,
            BOILERPLATE,
            FRAMEWORK,
            INDICATORS,
            CITATION_KINDS,
            UNITS,
            WORDS,
            HEADING_CUES,
        ];
        for file in files {
            for (n, line) in file.text.lines().enumerate() {
                if line.starts_with('#') {
                    continue;
                }
                for c in class.captures_iter(line) {
                    let name = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
                    let name = name.trim_start_matches("sc=").trim_start_matches("Script=");
                    assert!(
                        GENCAT.contains(&name) || SCRIPTS.contains(&name),
                        "{}:{}: \\p{{{name}}} needs a regex feature the release build lacks",
                        file.name,
                        n + 1
                    );
                }
            }
        }
    }

    /// The catalogue's subject set answers as each of its patterns alone would, in
    /// catalogue order, whether a pattern matches any text (left out of the set) or not.
    #[test]
    fn indicator_subjects_match_as_each_pattern_alone() {
        let patterns = ["a", ".*", "b", "^$", "x?", r"\bc"];
        let any = |p: &str| matches_anything(&regex_syntax::parse(p).unwrap());
        let subjects: Vec<(&str, bool)> = patterns.iter().map(|&p| (p, any(p))).collect();
        assert_eq!(subjects.iter().filter(|s| s.1).count(), 2, "`.*` and `x?`");
        let set = IndicatorSubjects::new(&subjects).unwrap();
        let lines = |s: &str| set.matching(s).collect::<Vec<_>>();
        assert_eq!(lines("b"), [1, 2, 4]);
        assert_eq!(lines(""), [1, 3, 4]);
        assert_eq!(lines("ab c"), [0, 1, 2, 4, 5]);
        // The catalogue: every line's subject pattern against names and clauses.
        let catalogue = indicator_subjects();
        let alone: Vec<Regex> = (indicators().iter())
            .map(|i| Regex::new(i.subject).unwrap())
            .collect();
        let samples = (indicators().iter().flat_map(|i| [i.name, i.subject])).chain([
            "",
            "合法性审查",
            "受理行政复议申请",
            "办结率",
            "其他",
        ]);
        for s in samples {
            let expected: Vec<usize> = (0..alone.len()).filter(|&i| alone[i].is_match(s)).collect();
            assert_eq!(catalogue.matching(s).collect::<Vec<_>>(), expected, "{s}");
        }
    }

    /// Every data file read strictly: a malformed line anywhere fails here, naming its
    /// file and line, before any accessor could panic on it.
    #[test]
    fn every_data_file_loads() {
        let units = load_units().unwrap();
        let case = units.iter().find(|u| u.text == "件").unwrap();
        assert_eq!((case.kind, case.family), ("count", "case"));
        assert!(units.iter().any(|u| u.text == "亩" && u.kind == "area"));
        assert!(!load_not_metrics().unwrap().is_empty());
        assert!(!load_boilerplate(true).unwrap().is_empty());
        assert!(!load_citation_kinds().unwrap().kinds().is_empty());
        let (parts, tasks) = load_framework().unwrap();
        for part in [
            Part::Measures,
            Part::Shortcomings,
            Part::ResponsiblePerson,
            Part::NextYear,
        ] {
            assert!(parts.iter().any(|r| r.part == part && !r.top_only));
        }
        let kinds = load_document_kinds().unwrap();
        assert!(kinds.iter().any(|r| r.kind == DocKind::Other));
        let names = load_names().unwrap();
        for category in NAME_CATEGORIES {
            assert!(names.iter().any(|n| n.category == *category), "{category}");
        }
        for catalogue in CATALOGUES {
            assert!(tasks.iter().any(|t| t.catalogue == *catalogue));
        }
        let indicators = load_indicators().unwrap();
        assert!(indicators.len() >= 29);
        // Every data regex compiles (they are compiled on first use: `DataRegex`).
        let rules = load_boilerplate(true).unwrap();
        let lazy = (rules.iter().filter_map(|r| r.regex.as_ref()))
            .chain(parts.iter().map(|p| &p.keywords))
            .chain(tasks.iter().map(|t| &t.keywords))
            .chain(kinds.iter().map(|k| &k.pattern))
            .chain(indicators.iter().filter_map(|i| i.context.as_ref()));
        let subjects: Vec<(&str, bool)> = (indicators.iter())
            .map(|i| (i.subject, i.any_subject))
            .collect();
        assert!(IndicatorSubjects::new(&subjects).is_ok());
        for regex in lazy {
            assert!(Regex::new(regex.pattern).is_ok(), "{}", regex.pattern);
        }
        assert!(!load_word_list(VERBS).unwrap().is_empty());
        assert!(!load_word_list(STOPWORDS).unwrap().is_empty());
        assert!(load_domain_terms().unwrap().contains(&"放管服"));
        assert!(!load_heading_cues().unwrap().end.is_empty());
        let words = load_words().unwrap();
        for (role, key) in Role::ALL {
            let list = &words.lists.iter().find(|(r, _)| *r == role).unwrap().1;
            assert!(!list.is_empty(), "role {key} has no words");
        }
    }

    #[test]
    fn unit_lines_are_read_strictly() {
        let file = |text: &'static str| File {
            name: "data/units.txt",
            text,
        };
        let ok =
            load_units_from(file("件\tcount\tfamily=case\n分\tscore\tdigits,alone\n")).unwrap();
        assert_eq!(
            ok.iter()
                .find(|u| u.text == "分")
                .map(|u| (u.digits, u.alone)),
            Some((true, true))
        );
        for bad in [
            "件\tcount\tfamily\n",
            "件\tcount\tfamily=\n",
            "件\tcount\tdigit\n",
            "件\tthing\n",
            "件\tcount\n件\tcount\n",
        ] {
            assert!(load_units_from(file(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_bad_line_is_an_error_naming_its_file_and_line() {
        let bad = File {
            name: "data/test.tsv",
            text: "# comment\nany\tnavigation\t^ok$\nsomewhere\tnavigation\t^x$\n",
        };
        let errors: Vec<DataError> = lines(bad)
            .filter_map(|l| {
                let c = l.expect(3, 3).ok()?;
                (!matches!(c[0], "head" | "any" | "head_inline" | "inline"))
                    .then(|| l.error("bad scope"))
            })
            .collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].to_string(), "data/test.tsv:3: bad scope");
        let regex = File {
            name: "data/test.txt",
            text: "(unclosed\n",
        };
        let line = lines(regex).next().unwrap();
        assert!(line
            .check_regex(line.columns[0])
            .unwrap_err()
            .to_string()
            .starts_with("data/test.txt:1: invalid regex"));
        let columns = File {
            name: "data/test.tsv",
            text: "only-one-column\n",
        };
        assert!(lines(columns).next().unwrap().expect(2, 2).is_err());
    }

    #[test]
    fn a_data_regex_writes_ascii_digits() {
        let file = File {
            name: "data/test.txt",
            text: "(19|20)\\d{2}年\n第[一二\\d]+批\n[0-9]+件\n\\\\d\n[\\\\d]\n",
        };
        let checked: Vec<Result<()>> = lines(file).map(|l| l.check_regex(l.columns[0])).collect();
        assert!(checked[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("data/test.txt:1: regex uses \\d"));
        assert!(checked[1].is_err(), "inside a class too");
        // [0-9], and an escaped backslash before a `d`, are fine.
        assert!(checked[2..].iter().all(Result::is_ok), "{checked:?}");
    }
}

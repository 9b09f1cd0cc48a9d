//! Stage 2 — clean: find what is not report text and build the analysis view without it.
//!
//! Pasted reports carry the page they were copied from: breadcrumbs (`首页 > 政务信息`),
//! publication info (`来源:连云港高新区管委会`, `发布时间:2018-01-22`), font and print
//! controls one word a line (`下载 打印 全屏 收藏 【字号： 加大 还原 减小 】`), footers
//! (`ICP备…`), links to other articles (`推荐访问:`), template-site blurbs
//! (`下面是小编为大家整理的…，供大家参考`), the title repeated on the next line, the
//! 政府信息公开 metadata table (`| 索引号 | … | 发布机构 | …`), share and follow buttons,
//! excerpt notes of mirror sites (`……(开头部分已省略650字)`, `仅展示前628字`). Text copied from
//! a PDF carries page numbers (`— 3 —`, `第3页 共9页`), a running header on every page, and
//! hard line breaks every 30–40 characters.
//!
//! Clutter also sits inside lines: a mirror's watermark injected mid-sentence
//! (`区级行政许可事项精简至秘书之家—全网资源每日更新www.mishu5.com216项`), an advert in
//! brackets (`【更多公文素材，微信:…】`), a share prefix or the site's name glued to the title
//! (`转发｜…报告`, `…报告_XX门户网站`), and a whole page pasted as one line keeps its
//! breadcrumb and page fields at its start (`首页 > … 发布时间：… 来源：… 泾县2014年…报告 …`).
//!
//! The rules are data (`data/boilerplate.tsv`): whole-line rules (never applied to a line of
//! prose, so a report pasted as one line is not dropped for its breadcrumb) and in-line
//! rules that remove only their match. Each match becomes a [`crate::Removed`] span with a
//! reason; nothing is deleted from the user's text. A few rules look at neighbours, here in
//! code: the items under a `相关文章：` header, the value on the line after a bare `来源：`,
//! the `| --- |` row of a metadata table, a title repeated in the page's head (the earlier
//! copy is the page's, the later one the document's: the earlier goes), running headers.
//!
//! The analysis view that the next stages read leaves removed lines and in-line spans out
//! (a watermark between a noun and its number no longer separates them, nor becomes a
//! number to read) and joins hard-wrapped lines, so that a heading or a number split by a
//! PDF line break is whole again. A line that starts with a heading marker always starts a
//! new line in the view.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use regex_automata::nfa::thompson;
use regex_automata::{hybrid, Input, MatchKind, PatternSet};
use regex_syntax::hir::Hir;

use crate::automata;
use crate::knowledge::{self, BoilerplateRule};
use crate::markers::starts_with_marker;
use crate::matcher::{cache_pool, relaxed, CachePool};
use crate::normalize::is_han;
use crate::text::line_ranges;
use crate::view::View;

/// The reasons this stage gives by a line's place and repetition rather than by a rule of
/// `data/boilerplate.tsv` (every reason has its names in `data/names.tsv`).
const REPEATED_TITLE: &str = "repeated_title";
const PAGE_NUMBER: &str = "page_number";
const RUNNING_HEADER: &str = "running_header";

/// The reasons of [`clean`] that no data rule gives (a test checks that each has a name).
#[cfg(test)]
pub(crate) const STRUCTURAL_REASONS: [&str; 3] = [REPEATED_TITLE, PAGE_NUMBER, RUNNING_HEADER];

/// One excluded stretch of the normalized view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedRange {
    /// Byte range in the normalized view.
    pub range: Range<usize>,
    /// Stable reason key.
    pub reason: &'static str,
}

/// What cleaning hands to the next stages.
#[derive(Debug)]
pub struct Cleaned {
    /// The text to analyze, mapped to the original input.
    pub view: View,
    /// What was excluded, in normalized-view byte ranges, in order.
    pub removed: Vec<RemovedRange>,
}

/// A set of rules of `data/boilerplate.tsv` tested in one pass over a line, with the rule
/// behind each pattern of the set.
///
/// The set is a forward lazy DFA of all its patterns (regex-automata's, the engine under
/// `regex`), not a `regex::RegexSet`: a set is only asked which of its patterns match a
/// line, never where, so the reverse automaton, the literal prefilters and the other
/// engines a `RegexSet` builds for every pattern are not needed. Built on the first
/// analysis of a process, the four sets were a third of its work (half of it now: 63
/// patterns in 7.0 ms natively instead of 13.2).
struct RuleSet {
    dfa: hybrid::dfa::DFA,
    /// A search cache per thread (the CLI analyses files in parallel).
    caches: CachePool,
    rules: Vec<&'static BoilerplateRule>,
    /// Each rule's place in the file.
    order: Vec<usize>,
}

impl RuleSet {
    /// The set of `numbered` rules, searched with `nfa`: an automaton of their patterns in
    /// this order ([`compile_sets`], or the same read back from `data/boilerplate.automata`).
    fn new(numbered: Vec<(usize, &'static BoilerplateRule)>, nfa: thompson::NFA) -> RuleSet {
        let (order, rules): (Vec<usize>, Vec<&'static BoilerplateRule>) =
            numbered.into_iter().unzip();
        // The lazy DFA of a set of many Unicode-class patterns outgrows the default 2 MiB
        // cache and thrashes (the whole-line set ran at 148 ms/MB on the corpus, 10 with 8
        // MiB; the cache grows only as far as the text needs). Its searches cannot fail: it
        // does not give up on clearing its cache (no limit is set), and a rule with a
        // Unicode word boundary, which it could not search past non-ASCII text, fails to
        // build here, on the first analysis of every test. In-line rules find their places
        // with the rule's own compiled regex (`BoilerplateRule::regex`).
        let dfa = hybrid::dfa::DFA::builder()
            .configure(
                hybrid::dfa::DFA::config()
                    .match_kind(MatchKind::All)
                    .cache_capacity(8 << 20),
            )
            .build_from_nfa(nfa)
            .unwrap_or_else(|e| panic!("boilerplate rules: {e}"));
        let caches = cache_pool(&dfa);
        RuleSet {
            dfa,
            caches,
            rules,
            order,
        }
    }

    /// The places in the set of the rules that match `t`, ascending.
    fn matching(&self, t: &str) -> Vec<usize> {
        let mut cache = self.caches.get();
        // Most lines match no rule: a search that stops at the first match answers them
        // without running every pattern to the line's end.
        let first = self
            .dfa
            .try_search_fwd(&mut cache, &Input::new(t).earliest(true))
            .unwrap_or_else(|e| panic!("boilerplate rules: {e}"));
        if first.is_none() {
            return Vec::new();
        }
        let mut matched = PatternSet::new(self.dfa.pattern_len());
        self.dfa
            .try_which_overlapping_matches(&mut cache, &Input::new(t), &mut matched)
            .unwrap_or_else(|e| panic!("boilerplate rules: {e}"));
        matched.iter().map(|p| p.as_usize()).collect()
    }
}

/// The rules of `data/boilerplate.tsv` as sets, each pattern in one: whole-line and
/// in-line rules, each split into those that apply everywhere and the head-only ones,
/// which only the head and foot lines (`edge`) are tested against. A body line then runs
/// only the automata of the rules that can apply to it (the head-only in-line rules, a
/// site's name before the line's end, made the in-line automaton of every line slower).
struct Rules {
    line: Scoped,
    inline: Scoped,
}

/// What a set's answer is: the rules that match, or those that may (each then run
/// whole).
#[derive(Clone, Copy)]
enum Guard {
    Exact,
    /// Each pattern as [`relaxed`]: for the in-line rules of every line, whose places
    /// the rule's own regex finds anyway. Their exact set kept 2.5 MB of lazy-DFA states
    /// for the corpus, building them cost twice what searching did (a first pass over the
    /// corpus's lines 52 ms natively, the next 18), and its automaton took longest of the
    /// four to build on a first analysis. Relaxed, the CLI over the corpus runs 3.40G →
    /// 3.26G instructions, and over the page's example 396M → 373M (240M of them build
    /// the dictionary), with the same output.
    Relaxed,
}

/// The rules of one kind: those of every line, and the head-only ones.
struct Scoped {
    any: RuleSet,
    head: RuleSet,
}

impl Scoped {
    /// The rules of this kind that match `t` (or may: [`Guard::Relaxed`]), in file order
    /// (`edge`: the head-only ones too).
    fn matching(&self, t: &str, edge: bool) -> Vec<&'static BoilerplateRule> {
        let mut found: Vec<(usize, &'static BoilerplateRule)> = Vec::new();
        for (set, applies) in [(&self.any, true), (&self.head, edge)] {
            if applies && !set.rules.is_empty() {
                found.extend(
                    set.matching(t)
                        .into_iter()
                        .map(|i| (set.order[i], set.rules[i])),
                );
            }
        }
        if found.len() > 1 {
            found.sort_by_key(|&(i, _)| i);
        }
        found.into_iter().map(|(_, r)| r).collect()
    }
}

impl Rules {
    /// The first whole-line rule, in file order, that removes line `t`.
    fn matching(&self, t: &str, edge: bool) -> Option<&'static BoilerplateRule> {
        self.line.matching(t, edge).into_iter().next()
    }

    /// The spans of `t` that in-line rules remove, each with the reason of its rule.
    fn inline_spans(&self, t: &str, edge: bool) -> Vec<(Range<usize>, &'static str)> {
        let mut spans: Vec<(Range<usize>, &'static str)> = Vec::new();
        for rule in self.inline.matching(t, edge) {
            // Every in-line rule has its regex (the loader keeps it).
            let Some(regex) = &rule.regex else {
                continue;
            };
            for caps in regex.captures_iter(t) {
                let Some(m) = caps.get(1).or_else(|| caps.get(0)) else {
                    continue;
                };
                if !m.is_empty() {
                    spans.push((m.range(), rule.reason));
                }
            }
        }
        spans
    }
}

/// Sorts `spans` and merges those that overlap, or touch with one reason; a merged span
/// keeps the reason of its first part.
fn merge(mut spans: Vec<(Range<usize>, &'static str)>) -> Vec<(Range<usize>, &'static str)> {
    spans.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<(Range<usize>, &'static str)> = Vec::with_capacity(spans.len());
    for (r, reason) in spans {
        match merged.last_mut() {
            Some((last, why)) if r.start < last.end || (r.start == last.end && *why == reason) => {
                last.end = last.end.max(r.end)
            }
            _ => merged.push((r, reason)),
        }
    }
    merged
}

/// Lines within this many lines of the top are "the head" where site chrome stands.
const HEAD_LINES: usize = 40;
/// Lines within this many lines of the end are the page footer, where chrome stands too.
const TAIL_LINES: usize = 15;
/// Lines under a related-articles header (`相关文章：`) that are still its items.
const RELATED_ITEMS: usize = 20;

/// The rules of the four sets, in file order within each, with the guard each is
/// compiled with: the whole-line rules of every line and the head-only ones, then the
/// in-line rules of every line and the head-only ones. The in-line rules of every line are
/// a guard ([`Guard::Relaxed`]); the head-only ones, tested against a few lines, are exact
/// (relaxed, words like `网` alone let through hundreds of lines).
type Sets<'r> = [(Vec<(usize, &'r BoilerplateRule)>, Guard); 4];

fn sets(all: &[BoilerplateRule]) -> Sets<'_> {
    let pick = |inline: bool, head_only: bool| -> Vec<(usize, &BoilerplateRule)> {
        all.iter()
            .enumerate()
            .filter(|(_, r)| r.inline == inline && r.head_only == head_only)
            .collect()
    };
    [
        (pick(false, false), Guard::Exact),
        (pick(false, true), Guard::Exact),
        (pick(true, false), Guard::Relaxed),
        (pick(true, true), Guard::Exact),
    ]
}

/// The automata of the four sets, compiled from the rules' patterns (or from what of
/// them a guard needs). One compiler for the four: it keeps the automata of the Unicode
/// classes it compiled in a table of 10,000 entries, which a compiler of its own per set
/// allocated and freed again (natively 1.1M instructions to free, each).
fn compile_sets(sets: &Sets<'_>) -> Vec<thompson::NFA> {
    let mut compiler = thompson::Compiler::new();
    compiler.configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None));
    sets.iter()
        .map(|(rules, guard)| {
            let hirs: Vec<Hir> = rules
                .iter()
                .map(|(_, r)| match guard {
                    Guard::Exact => r.hir(),
                    Guard::Relaxed => relaxed(&r.hir()),
                })
                .collect();
            compiler
                .build_many_from_hir(&hirs)
                .unwrap_or_else(|e| panic!("boilerplate rules: {e}"))
        })
        .collect()
}

/// The automata of the four sets as `data/boilerplate.automata` holds them, if they are
/// those of the rules as they are (`crate::automata`: parsing and compiling the patterns
/// was a fifth of the page's first analysis).
fn stored_sets(sets: &Sets<'_>) -> Option<Vec<thompson::NFA>> {
    automata::decode(
        knowledge::BOILERPLATE_AUTOMATA,
        automata::source_hash(knowledge::boilerplate_source()),
    )
    .filter(|nfas| {
        nfas.len() == sets.len()
            && nfas
                .iter()
                .zip(sets)
                .all(|(nfa, (rules, _))| nfa.pattern_len() == rules.len())
    })
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let sets = sets(knowledge::boilerplate_rules());
        let nfas = stored_sets(&sets).unwrap_or_else(|| compile_sets(&sets));
        let mut made = sets
            .into_iter()
            .zip(nfas)
            .map(|((rules, _), nfa)| RuleSet::new(rules, nfa));
        let mut next = || made.next().expect("four sets");
        let line = Scoped {
            any: next(),
            head: next(),
        };
        let inline = Scoped {
            any: next(),
            head: next(),
        };
        Rules { line, inline }
    })
}

fn trim_line(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '●' | '▪' | '◆' | '■'))
}

/// A line of prose: a paragraph, or a whole report pasted as one line (200 characters or
/// more with at least two sentence ends). Whole-line rules never remove it, however its
/// start looks (`首页 > … 泾县2014年依法行政工作报告 宣城市人民政府： 2014年，我县…`).
fn is_prose(t: &str) -> bool {
    // 200 characters take at least 200 bytes: most lines that are not paragraphs are
    // answered by their length.
    if t.len() < 200 {
        return false;
    }
    // Read as bytes: a character is a byte that does not continue one, and the four ends
    // are three bytes each (`。` E3 80 82; `！`, `？`, `；` EF BC 81, 9F, 9B).
    let b = t.as_bytes();
    let mut chars = 0;
    let mut ends = 0;
    for (i, &x) in b.iter().enumerate() {
        if x & 0xC0 == 0x80 {
            continue;
        }
        chars += 1;
        ends += usize::from(matches!(
            b.get(i..i + 3),
            Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F | 0x9B])
        ));
        if chars >= 200 && ends >= 2 {
            return true;
        }
    }
    false
}

/// Whether `t` has at most `n` characters, counted only when its length in bytes (one to
/// four per character) does not answer: most lines are far longer than the short lines
/// asked about, or far shorter.
fn at_most_chars(t: &str, n: usize) -> bool {
    t.len() <= n || (t.len() <= 4 * n && t.chars().count() <= n)
}

/// Display width, the way a PDF line is measured: CJK characters count 2, ASCII 1.
#[cfg(test)]
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The display width of every line (without trailing spaces), measured on the characters
/// as the user's text has them: a bracket or digit that was full-width before
/// normalization (`（五）`, `２０２３`) counts 2, as on the page, not 1 as its half-width
/// form in the view would.
fn line_widths(norm: &View, lines: &[Range<usize>]) -> Vec<usize> {
    let text = norm.text();
    // The view characters that stand for more than one original byte, ascending: an
    // ASCII one among them was full-width (`（`, `２`) or `\r\n`.
    let wide: Vec<usize> = norm
        .changed()
        .filter(|(_, orig)| orig.len() > 1)
        .map(|(at, _)| at)
        .collect();
    lines
        .iter()
        .map(|r| {
            let mut w = 0usize;
            let mut next_wide = wide.partition_point(|&at| at < r.start);
            // Read as bytes: every character but ASCII counts 2 (at its first byte; a byte
            // of 10xxxxxx continues a character); an ASCII character counts 2 where it
            // stands for more than one original byte.
            for (i, &b) in text[r.clone()].trim_end().as_bytes().iter().enumerate() {
                if b < 0x80 {
                    while wide.get(next_wide).is_some_and(|&at| at < r.start + i) {
                        next_wide += 1;
                    }
                    w += if wide.get(next_wide) == Some(&(r.start + i)) {
                        2
                    } else {
                        1
                    };
                } else if b >= 0xC0 {
                    w += 2;
                }
            }
            w
        })
        .collect()
}

fn is_page_number(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(-+\s*[0-9]{1,4}\s*-+|第\s*[0-9]{1,4}\s*页(\s*[，,/]?\s*共\s*[0-9]{1,4}\s*页)?|[0-9]{1,4}\s*/\s*[0-9]{1,4}|[0-9]{1,3}|[-—]?\s*[〇一二三四五六七八九十]{1,3}\s*[-—])$")
            .expect("page-number pattern is valid")
    })
    .is_match(t)
}

/// The separator row of a `|` table (`| --- | --- |`): structure, not words.
fn is_table_separator(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")
            .expect("table separator pattern is valid")
    })
    .is_match(t)
}

/// The in-line spans of a line widened over the spaces around them: the spaces after a
/// span, and those before it when the span was dropped between two words
/// (`受教育群众 范文先生网 15万余人次` → `受教育群众15万余人次`); a paragraph break of a
/// one-line paste (`…工作。 【广告】 一、…`) keeps its space.
fn widen(line: &str, spans: &mut [(Range<usize>, &'static str)]) {
    let is_space = |c: char| c.is_whitespace() && c != '\n';
    let mut prev_end = 0;
    for (r, _) in spans.iter_mut() {
        let after = line[r.end..].len() - line[r.end..].trim_start_matches(is_space).len();
        let from = prev_end.min(r.start);
        let before =
            line[from..r.start].len() - line[from..r.start].trim_end_matches(is_space).len();
        let prev = line[..r.start - before].chars().next_back();
        let next = line[r.end + after..].chars().next();
        if before > 0
            && prev.is_some_and(is_han)
            && next.is_some_and(|c| is_han(c) || c.is_ascii_digit())
        {
            r.start -= before;
        }
        r.end += after;
        prev_end = r.end;
    }
}

/// The text of line `r` left after its in-line removals `spans`, trimmed.
fn rest_of<'a>(text: &'a str, r: &Range<usize>, spans: &[(Range<usize>, &str)]) -> Cow<'a, str> {
    if spans.is_empty() {
        return Cow::Borrowed(trim_line(&text[r.clone()]));
    }
    let mut out = String::new();
    let mut at = r.start;
    for (s, _) in spans {
        out.push_str(&text[at..s.start]);
        at = s.end;
    }
    out.push_str(&text[at..r.end]);
    Cow::Owned(trim_line(&out).to_string())
}

/// How a line is cleaned.
#[derive(Debug, Clone, Default)]
struct LineClean {
    /// Removed whole, for this reason.
    reason: Option<&'static str>,
    /// Spans removed inside it (absolute ranges of the normalized view).
    inline: Vec<(Range<usize>, &'static str)>,
}

/// Finds boilerplate in the normalized view and builds the analysis view.
pub fn clean(norm: &View) -> Cleaned {
    let text = norm.text();
    let lines = line_ranges(text);
    let mut cleans: Vec<LineClean> = vec![LineClean::default(); lines.len()];

    let rest = |i: usize, cleans: &[LineClean]| rest_of(text, &lines[i], &cleans[i].inline);

    // Whole-line rules, then in-line ones.
    for (i, r) in lines.iter().enumerate() {
        let line = &text[r.clone()];
        let t = trim_line(line);
        if t.is_empty() {
            continue;
        }
        let edge = i < HEAD_LINES || i + TAIL_LINES >= lines.len();
        if !is_prose(t) {
            if let Some(rule) = rules().matching(t, edge) {
                cleans[i].reason = Some(rule.reason);
                continue;
            }
        }
        let offset = r.start + (t.as_ptr() as usize - line.as_ptr() as usize);
        let mut spans = merge(rules().inline_spans(t, edge));
        if spans.is_empty() {
            continue;
        }
        widen(t, &mut spans);
        let spans = merge(spans);
        let covered: usize = spans.iter().map(|(s, _)| s.len()).sum();
        let reason = spans[0].1;
        cleans[i].inline = spans
            .into_iter()
            .map(|(s, why)| (s.start + offset..s.end + offset, why))
            .collect();
        if covered >= t.len() || rest(i, &cleans).is_empty() {
            cleans[i] = LineClean {
                reason: Some(reason),
                inline: Vec::new(),
            };
        }
    }

    neighbours(text, &lines, &mut cleans);

    // The page's head: the lines above the first line of prose (long, or ending a sentence)
    // or heading, within the first 40. A line repeated there is the page's title above the document's own: every
    // copy but the last goes (`云和县…的报告` / `来源：…` / `云和县…的报告`).
    let mut top: HashMap<String, Vec<usize>> = HashMap::default();
    for i in 0..lines.len().min(HEAD_LINES) {
        if cleans[i].reason.is_some() {
            continue;
        }
        let t = rest(i, &cleans);
        if t.is_empty() {
            continue;
        }
        if !at_most_chars(&t, 60) || ends_sentence(&t) || starts_with_marker(&t) {
            break;
        }
        top.entry(t.into_owned()).or_default().push(i);
    }
    let mut kept_titles: Vec<usize> = Vec::new();
    for at in top.values().filter(|at| at.len() >= 2) {
        for &i in &at[..at.len() - 1] {
            cleans[i].reason = Some(REPEATED_TITLE);
        }
        kept_titles.extend(at.last());
    }

    // Page numbers and running headers: short lines repeated on three or more pages.
    let mut counts: HashMap<Cow<'_, str>, usize> = HashMap::default();
    for i in 0..lines.len() {
        let t = rest(i, &cleans);
        if !t.is_empty() && at_most_chars(&t, 30) {
            *counts.entry(t).or_default() += 1;
        }
    }
    for i in 0..lines.len() {
        if cleans[i].reason.is_some() {
            continue;
        }
        let t = rest(i, &cleans);
        if t.is_empty() {
            continue;
        }
        cleans[i].reason = if is_page_number(&t) {
            Some(PAGE_NUMBER)
        } else if count_of(&counts, &t) >= 3
            && !kept_titles.contains(&i)
            && !ends_sentence(&t)
            && !starts_with_marker(&t)
            && !t.ends_with('：')
        {
            Some(RUNNING_HEADER)
        } else {
            None
        };
    }
    // Only lines of at most 30 characters are counted: a longer one is not looked up.
    fn count_of(counts: &HashMap<Cow<'_, str>, usize>, t: &str) -> usize {
        if at_most_chars(t, 30) {
            counts.get(t).copied().unwrap_or(0)
        } else {
            0
        }
    }
    // A short line repeated only twice is still a running header when every occurrence
    // stands next to a page number (`— 1 —` / `青禾区人民政府文件`).
    let reason_at = |j: usize, cleans: &[LineClean]| cleans.get(j).and_then(|c| c.reason);
    let mut occurrences: HashMap<Cow<'_, str>, Vec<usize>> = HashMap::default();
    for i in 0..lines.len() {
        let t = rest(i, &cleans);
        if cleans[i].reason.is_none()
            && count_of(&counts, &t) == 2
            && !ends_sentence(&t)
            && !starts_with_marker(&t)
        {
            occurrences.entry(t).or_default().push(i);
        }
    }
    let headers: Vec<usize> = occurrences
        .values()
        .filter(|at| {
            at.iter().all(|&i| {
                reason_at(i + 1, &cleans) == Some(PAGE_NUMBER)
                    || (i > 0 && reason_at(i - 1, &cleans) == Some(PAGE_NUMBER))
            })
        })
        .flatten()
        .copied()
        .collect();
    for i in headers {
        cleans[i].reason = Some(RUNNING_HEADER);
    }

    let reason_of: Vec<Option<&'static str>> = cleans.iter().map(|c| c.reason).collect();
    let widths = line_widths(norm, &lines);
    let wrap = wrap_width(text, &lines, &widths, &reason_of);
    let mut view = View::with_capacity(norm.orig_start(text.len()), text.len());
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| reason_of[i].is_none())
        .collect();
    for (k, &i) in kept.iter().enumerate() {
        let r = lines[i].clone();
        // The line without its in-line removals.
        let mut at = r.start;
        for (s, _) in &cleans[i].inline {
            view.extend_from(norm, at..s.start);
            at = s.end;
        }
        view.extend_from(norm, at..r.end);
        let Some(&next) = kept.get(k + 1) else { break };
        let joined = wrap.is_some_and(|w| {
            let (line, after) = (&text[r.clone()], &text[lines[next].clone()]);
            joins(line, after, (widths[i], widths[next]), w)
        });
        if !joined && r.end < text.len() {
            // The line break after this line: the original's own line end.
            view.push('\n', norm.orig_of_char_at(r.end));
        }
    }
    let mut removed = Vec::new();
    for (i, c) in cleans.into_iter().enumerate() {
        if let Some(reason) = c.reason {
            let r = &lines[i];
            let end = if r.end < text.len() { r.end + 1 } else { r.end };
            removed.push(RemovedRange {
                range: r.start..end,
                reason,
            });
        } else {
            removed.extend(
                c.inline
                    .into_iter()
                    .map(|(range, reason)| RemovedRange { range, reason }),
            );
        }
    }
    Cleaned { view, removed }
}

/// The rules that look at a line's neighbours:
/// - the items of a related-articles list under its header (`相关文章：` then
///   `鼓楼区2020年度法治政府建设情况报告　2021-02-03` …): short lines that end no sentence;
/// - the value of a page field on the line after its bare label (`来源：` / `四川日报`);
/// - the separator row (`| --- |`) of a metadata table.
fn neighbours(text: &str, lines: &[Range<usize>], cleans: &mut [LineClean]) {
    let line = |i: usize| trim_line(&text[lines[i].clone()]);
    let mut related_left = 0;
    let mut label_before = false;
    for (i, c) in cleans.iter_mut().enumerate() {
        let t = line(i);
        if t.is_empty() {
            continue;
        }
        if let Some(reason) = c.reason {
            let bare = at_most_chars(t, 6) || t.ends_with(['：', ':']);
            if reason == "related" && bare {
                related_left = RELATED_ITEMS;
            }
            label_before = reason == "publication_info"
                && at_most_chars(t, 7)
                && (t.ends_with(['：', ':']) || !t.contains(['：', ':']));
            continue;
        }
        let short = at_most_chars(t, 60) && !ends_sentence(t) && !starts_with_marker(t);
        if related_left > 0 && short && c.inline.is_empty() {
            c.reason = Some("related");
            related_left -= 1;
        } else {
            related_left = 0;
            if label_before && short && at_most_chars(t, 30) && !t.contains(['，', '。']) {
                c.reason = Some("publication_info");
            }
        }
        label_before = false;
    }
    // A `| --- |` row goes with the metadata rows above or below it.
    let mut next_nonempty = vec![None; lines.len()];
    let mut after = None;
    for i in (0..lines.len()).rev() {
        next_nonempty[i] = after;
        if !line(i).is_empty() {
            after = Some(i);
        }
    }
    let is_meta = |j: Option<usize>, cleans: &[LineClean]| {
        j.is_some_and(|j| cleans[j].reason == Some("metadata_table"))
    };
    let mut prev = None;
    for i in 0..lines.len() {
        let t = line(i);
        if t.is_empty() {
            continue;
        }
        if cleans[i].reason.is_none()
            && is_table_separator(t)
            && (is_meta(prev, cleans) || is_meta(next_nonempty[i], cleans))
        {
            cleans[i].reason = Some("metadata_table");
        }
        prev = Some(i);
    }
}

/// The wrap width of hard-wrapped text (copied from a PDF), if the text looks wrapped.
///
/// Whether a text is hard-wrapped is a property of the whole document, never of one line:
/// in a PDF copy most body lines break mid-sentence at one width (the page's), and no line
/// is wider than the page. The width is the 90th percentile of the display widths of the
/// lines that do not end a sentence (digits and Latin letters make some narrower). The
/// text is wrapped when at least five such lines, and a quarter of all lines, reach 85% of
/// it, and at most one line in ten is wider than it by more than 15%.
///
/// Ordinary pasted text has long paragraph lines that end with 。, and headings that do not
/// end a sentence: a report laid out by the 2021–2025 纲要's eight systems has eight or more
/// comma-long headings of 24–32 characters (`（一）健全政府机构职能体系，推动更好发挥政府
/// 作用`), enough to look like a page width, but its paragraphs run far past that width,
/// so it is not taken for wrapped text and no heading is glued to the paragraph after it.
fn wrap_width(
    text: &str,
    lines: &[Range<usize>],
    widths: &[usize],
    reason_of: &[Option<&'static str>],
) -> Option<usize> {
    // The kept non-empty lines: their width and whether they end a sentence.
    let kept: Vec<(usize, bool)> = lines
        .iter()
        .zip(widths)
        .zip(reason_of)
        .filter(|(_, r)| r.is_none())
        .map(|((l, &w), _)| (text[l.clone()].trim(), w))
        .filter(|(t, _)| !t.is_empty())
        .map(|(t, w)| (w, ends_sentence(t)))
        .collect();
    let mut open: Vec<usize> = kept
        .iter()
        .filter(|(w, ends)| !ends && *w >= 30)
        .map(|(w, _)| *w)
        .collect();
    if open.len() < 5 {
        return None;
    }
    open.sort_unstable_by(|a, b| b.cmp(a));
    let wrap = open[open.len() / 10];
    let total = lines
        .iter()
        .filter(|l| !text[(*l).clone()].trim().is_empty())
        .count();
    let near = open.iter().filter(|&&w| w * 100 >= wrap * 85).count();
    let wider = kept.iter().filter(|(w, _)| w * 100 > wrap * 115).count();
    (near >= 5 && near * 4 >= total && wider * 10 <= kept.len()).then_some(wrap)
}

fn ends_sentence(t: &str) -> bool {
    t.ends_with(['。', '！', '？', '；', '：', '”', '…', '!', '?'])
}

/// Whether `line` was broken by the PDF's line width and continues on `next` (`widths`:
/// the display widths of both): it fills at least 85% of the wrap width (lines dense with
/// digits and Latin letters are narrower than CJK ones), does not end a sentence, and
/// `next` does not start a heading.
///
/// A heading alone on its line (a marker and a title, no sentence stop) continues on the
/// next line only when that line is its title's short last line (`（二）着力健全依法行政
/// 制度体系，加快推进政府治理规范化程序化` / `法治化`) or opens with the rest of a run-on
/// title (`面。一是查办投诉…`): a full-width next line is otherwise the body that starts
/// under a heading which happens to fill the line (`（五）持续健全突发事件应对体系，依法
/// 预防处置重大突发事件` / `完善应急预案体系，修订…`).
fn joins(line: &str, next: &str, widths: (usize, usize), wrap: usize) -> bool {
    let line = line.trim();
    let next = next.trim_start();
    let full = |w: usize| w * 100 >= wrap * 85;
    let heading_alone = starts_with_marker(line) && !line.contains(is_stop);
    !line.is_empty()
        && !next.is_empty()
        && full(widths.0)
        && !ends_sentence(line)
        && !starts_with_marker(next)
        && !(heading_alone && full(widths.1) && !opens_with_title_tail(next))
        && next.chars().next().is_some_and(|c| {
            is_han(c) || c.is_ascii_alphanumeric() || "，。、；：%）)”》".contains(c)
        })
}

/// Whether a line opens with the last words of a run-on heading's title: a stop within
/// its first 12 characters, no figures before it (`面。一是查办投诉…` after `（三）依法建立…
/// 增强服务意识方`), not a sentence of body text (`完善应急预案体系，修订…`).
fn opens_with_title_tail(next: &str) -> bool {
    next.chars()
        .take(13)
        .take_while(|c| !c.is_ascii_digit())
        .any(is_stop)
}

/// A sentence or clause stop inside a line.
fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：')
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::normalize;

    // proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The byte count of `is_prose` answers as a count of decoded characters does.
        #[test]
        fn is_prose_counts_characters_and_sentence_ends(
            t in "[中a。！？；;!?\u{3002}\u{FF01}\u{3001}𠀀 ]{0,260}",
        ) {
            let mut chars = 0;
            let mut ends = 0;
            let mut want = false;
            for c in t.chars() {
                chars += 1;
                ends += usize::from(matches!(c, '。' | '！' | '？' | '；'));
                if chars >= 200 && ends >= 2 {
                    want = true;
                    break;
                }
            }
            proptest::prop_assert_eq!(is_prose(&t), want && t.len() >= 200);
        }
    }

    #[test]
    fn a_paragraph_is_two_hundred_characters_with_two_sentence_ends() {
        for end in ['。', '！', '？', '；'] {
            let t = format!("{}{end}{end}", "中".repeat(198));
            assert!(is_prose(&t), "{end}");
            assert!(!is_prose(&format!("{}{end}", "中".repeat(199))), "{end}");
        }
        assert!(!is_prose(&format!("{};;", "中".repeat(198))));
        assert!(!is_prose(&format!("{}。。", "a".repeat(197))));
    }

    /// `data/boilerplate.automata` holds the automata of the rules as they are: the four
    /// sets compiled from the checked rules, written out, equal to the file, and read back,
    /// equal to themselves. With `FAZHI_WRITE_AUTOMATA` set (`make automata`) it writes
    /// the file instead.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_stored_automata_are_those_of_the_rules() {
        let rules = knowledge::checked_boilerplate_rules().unwrap();
        let nfas = compile_sets(&sets(&rules));
        let hash = automata::source_hash(knowledge::boilerplate_source());
        let bytes = automata::encode(hash, &nfas.iter().collect::<Vec<_>>());
        if std::env::var_os("FAZHI_WRITE_AUTOMATA").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/boilerplate.automata");
            std::fs::write(path, &bytes).unwrap();
            return;
        }
        assert!(
            knowledge::BOILERPLATE_AUTOMATA == bytes.as_slice(),
            "data/boilerplate.automata is not what data/boilerplate.tsv compiles to (the rules, \
             `relaxed` or regex-automata changed): run `make automata`"
        );
        assert!(knowledge::boilerplate_is_precompiled());
        let back =
            stored_sets(&sets(knowledge::boilerplate_rules())).expect("the automata read back");
        assert_eq!(back.len(), 4);
        for (nfa, read) in nfas.iter().zip(&back) {
            assert_eq!(format!("{nfa:?}"), format!("{read:?}"));
        }
        // The sets the stage uses are those automata, and not empty.
        let r = super::rules();
        for (set, nfa) in [&r.line.any, &r.line.head, &r.inline.any, &r.inline.head]
            .into_iter()
            .zip(&nfas)
        {
            assert!(!set.rules.is_empty());
            assert_eq!(set.dfa.get_nfa().pattern_len(), nfa.pattern_len());
            assert_eq!(format!("{:?}", set.dfa.get_nfa()), format!("{nfa:?}"));
        }
    }

    /// The in-line set is a guard ([`Guard::Relaxed`]): for every in-line rule, strings
    /// generated from the rule itself (`matcher::generated_from`), alone and with text
    /// around them, each of which the rule's regex matches, are let through for that
    /// rule. A relaxation that is none (an alternation that lost a branch) fails it.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_relaxed_in_line_set_lets_every_match_of_its_rules_through() {
        let set = &super::rules().inline.any;
        for (i, rule) in set.rules.iter().enumerate() {
            let regex = rule.regex.as_ref().expect("an in-line rule has its regex");
            let mut matched = 0;
            let hir = rule.hir();
            for s in crate::matcher::generated_from(&hir, 500) {
                for t in [
                    s.clone(),
                    format!("第一句。{s}"),
                    format!("{s} 下文"),
                    format!("甲，{s}，乙"),
                ] {
                    if regex.is_match(&t) {
                        matched += 1;
                        assert!(
                            set.matching(&t).contains(&i),
                            "{}: {t:?} matches, the relaxed set says no",
                            rule.pattern
                        );
                    }
                }
            }
            // Not vacuous: most generated strings are matches.
            assert!(
                matched >= 1000,
                "{}: only {matched} of 2000 matched",
                rule.pattern
            );
        }
    }

    #[test]
    fn a_line_is_as_wide_as_its_text_without_trailing_spaces() {
        // Full-width characters count 2, also when the view has them half-width; spaces
        // inside count, those at the end (ASCII or full-width) do not.
        let norm = normalize("ab  \n（五）标题　\n  \na b\t\n２０２３年 ");
        let widths = line_widths(&norm, &line_ranges(norm.text()));
        assert_eq!(widths, vec![2, 10, 0, 3, 10]);
    }

    // proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The widths read off the map's runs are those of a lookup of each character's
        /// original range (an ASCII character counts 2 where it stands for more than one
        /// original byte).
        #[test]
        fn line_widths_agree_with_each_characters_original_range(
            s in "[a 1(（２０\r\n\u{200B}　中]{0,30}",
        ) {
            let norm = normalize(&s);
            let lines = line_ranges(norm.text());
            let want: Vec<usize> = lines
                .iter()
                .map(|r| {
                    norm.text()[r.clone()]
                        .trim_end()
                        .char_indices()
                        .map(|(i, c)| {
                            let wide = !c.is_ascii() || norm.orig_of_char_at(r.start + i).len() > 1;
                            if wide { 2 } else { 1 }
                        })
                        .sum()
                })
                .collect();
            proptest::prop_assert_eq!(line_widths(&norm, &lines), want);
        }
    }

    fn removed_reasons(text: &str) -> Vec<(String, &'static str)> {
        let norm = normalize(text);
        let c = clean(&norm);
        c.removed
            .iter()
            .map(|r| (norm.text()[r.range.clone()].trim().to_string(), r.reason))
            .collect()
    }

    #[test]
    fn removes_site_chrome_and_keeps_report() {
        let text = "某区2019年法治政府建设情况报告\n来源：某区司法局\n发布时间：2020-01-02\n下载\n打印\n【字号：\n加大\n】\n某区2019年法治政府建设情况报告\n一、主要举措\n受理行政复议申请16件。\n打印本页 关闭窗口\n";
        let reasons = removed_reasons(text);
        assert!(reasons.contains(&("来源：某区司法局".into(), "publication_info")));
        assert!(reasons.contains(&("下载".into(), "page_controls")));
        assert!(reasons.contains(&("某区2019年法治政府建设情况报告".into(), "repeated_title")));
        assert!(reasons.contains(&("打印本页 关闭窗口".into(), "page_controls")));
        let c = clean(&normalize(text));
        assert!(c
            .view
            .text()
            .contains("一、主要举措\n受理行政复议申请16件。"));
        assert!(!c.view.text().contains("下载"));
    }

    #[test]
    fn removes_page_controls_in_the_footer_too() {
        let body = "推进依法行政工作取得新成效，各项工作稳步推进。\n".repeat(50);
        let text = format!("{body}》》点击图片进入专题《《\n收藏\n|\n分享到:\n");
        let reasons: Vec<&str> = removed_reasons(&text).into_iter().map(|(_, r)| r).collect();
        assert_eq!(
            reasons,
            vec!["related", "page_controls", "page_controls", "page_controls"]
        );
        // The same one-word line in the middle of a report is content.
        let text = format!("{body}收藏\n{body}");
        assert!(removed_reasons(&text).is_empty());
    }

    /// The analysis view of `text` and the removed stretches (as written) with reasons.
    fn cleaned(text: &str) -> (String, Vec<(String, &'static str)>) {
        let norm = normalize(text);
        let c = clean(&norm);
        let removed = c
            .removed
            .iter()
            .map(|r| (norm.text()[r.range.clone()].trim().to_string(), r.reason))
            .collect();
        (c.view.text().to_string(), removed)
    }

    #[test]
    fn watermark_inside_a_sentence_goes_and_the_number_stays() {
        let (view, removed) = cleaned(
            "区级行政许可事项精简至秘书之家—全网资源每日更新www.mishu5.com216项，覆盖率达90%以上。\n清理规范性文件（本文来自：范文先生网 www.fwxs.net）23件。\n受教育群众 范文先生网 15万余人次。\n深入推进严格规范公正文明执法，公文汇 全面落实三项制度，编印《公文汇编》。\n",
        );
        assert!(view.contains("精简至216项"), "{view}");
        assert!(view.contains("规范性文件23件"), "{view}");
        assert!(view.contains("受教育群众15万余人次"), "{view}");
        assert!(view.contains("执法，全面落实"), "{view}");
        assert!(
            view.contains("《公文汇编》"),
            "the guard keeps 公文汇编: {view}"
        );
        assert!(
            removed.iter().all(|(_, r)| *r == "watermark"),
            "{removed:?}"
        );
        let (view, _) =
            cleaned("全年受理行政复议案件（本文由公文易网整理 http://www.gwy.cc）138件。\n");
        assert!(view.contains("行政复议案件138件"), "{view}");
        // A portal's address cited by a report is the report's.
        let (view, removed) = cleaned("在区政府门户网站（www.xx.gov.cn）公开决策草案。\n");
        assert!(removed.is_empty() && view.contains("www.xx.gov.cn"));
    }

    #[test]
    fn advert_in_brackets_goes() {
        let (view, removed) = cleaned(
            "法治政府建设【更多公文素材，微信:wsgw2020】取得了新的成效。\n行政诉讼一审案件103件。【更多范文请关注公众号：gwsc888】\n",
        );
        assert!(view.contains("法治政府建设取得了新的成效。"), "{view}");
        assert_eq!(removed.iter().filter(|(_, r)| *r == "advert").count(), 2);
    }

    #[test]
    fn metadata_tables_as_pipe_rows_tab_cells_and_labelled_lines() {
        for text in [
            "| 标题 | 青浦区2019年法治政府建设情况报告 |\n| --- | --- |\n| 索引号 | SY0019-2020-0008 |\n| 发布日期 | 2020-02-14 |\n",
            "索引号：\t4301240001/2022-00012\t信息分类：\t计划总结\n发布机构：\t宁乡市农业农村局\n名　　称：\t宁乡市农业农村局2021年度报告\n文　　号：\t\t主 题 词：\t法治政府\n",
            "索引号：01524-2-02-2024-0003\n发布机构：国家税务总局河源市税务局\n公开方式：主动公开\n公开范围：面向社会\n",
            "信息索引号：002579236/2022-12345　　发布机构：东阳市人民政府\n成 文 日 期：2022-02-15　　公开日期：2022-02-18\n",
        ] {
            let (view, _) = cleaned(&format!("{text}\n某区2019年法治政府建设情况报告\n一、主要举措\n"));
            assert_eq!(view.trim(), "某区2019年法治政府建设情况报告\n一、主要举措", "{text}");
        }
        // A data table of the report keeps its rows and its separator.
        let (view, _) = cleaned("| 项目 | 件数 |\n| --- | --- |\n| 行政复议 | 16 |\n");
        assert!(view.contains("| --- | --- |"));
    }

    #[test]
    fn excerpt_notes_go_with_their_reason() {
        let (view, removed) = cleaned(
            "沧州市生态环境局2020年度法治政府建设工作报告\n……(开头部分已省略650字)\n（三）严格执法，全年共办理\n仅展示前628字，剩余内容需下载后查看\n查看全文\n（本文共3页，当前第1页）\n",
        );
        assert_eq!(
            removed.iter().filter(|(_, r)| *r == "excerpt_note").count(),
            4,
            "{removed:?}"
        );
        assert!(!view.contains("省略") && !view.contains("全文") && !view.contains("本文共"));
        let (_, removed) = cleaned(
            "灾后恢复重建提供了行动指南。（下转第四版）（紧接第一版） 我们坚持人民至上。\n",
        );
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].1, "continuation");
    }

    #[test]
    fn share_prefix_emoji_and_site_name_around_a_title_go() {
        for line in [
            "转发｜城南区2020年度法治政府建设情况报告",
            "【转载】📢 城南区2020年度法治政府建设情况报告 - 青云法治网",
            "📢重磅｜城南区2020年度法治政府建设情况报告_城南区人民政府门户网站",
            "[转载]🔥 城南区2020年度法治政府建设情况报告｜城南发布",
        ] {
            let (view, _) = cleaned(&format!("{line}\n市人民政府：\n"));
            assert!(
                view.starts_with("城南区2020年度法治政府建设情况报告\n"),
                "{line}: {view}"
            );
        }
    }

    #[test]
    fn a_page_pasted_as_one_line_keeps_its_report() {
        let body = "2014年，我县认真贯彻落实国务院和省、市关于推进依法行政的决策部署，扎实推进法治政府建设。一、推进政府职能转变。全面清理县级行政审批事项，取消和调整行政审批事项43项。二、规范行政决策。县政府常务会议审议重大事项29项，均经过合法性审查。三、严格行政执法。开展行政执法案卷评查，共评查案卷168卷。";
        let text = format!(
            "首页 > 政务公开 > 计划总结 > 泾县2014年依法行政工作报告 发布时间：2015-01-20 来源：县法制办 浏览次数：88 【字体：大 中 小】 泾县2014年依法行政工作报告 宣城市人民政府： {body} 泾县人民政府 2015年1月16日 【打印本页】【关闭窗口】"
        );
        let (view, removed) = cleaned(&text);
        assert!(
            view.starts_with("泾县2014年依法行政工作报告 宣城市人民政府："),
            "{view}"
        );
        assert!(view.contains(body));
        assert!(view.trim_end().ends_with("2015年1月16日"), "{view}");
        let reasons: Vec<&str> = removed.iter().map(|(_, r)| *r).collect();
        assert_eq!(
            reasons,
            vec!["navigation", "publication_info", "page_controls"],
            "{removed:?}"
        );
    }

    #[test]
    fn buttons_share_targets_and_wechat_prompts_go() {
        let body = "推进依法行政工作取得新成效，各项工作稳步推进。\n".repeat(50);
        let (view, removed) = cleaned(&format!(
            "城西街道2022年度法治政府建设情况报告\n原创 法治城西 法治城西 2023-01-30 17:45 发表于浙江\n点击蓝字 关注我们\n▼\n{body}— END —\n分享　收藏　点赞　在看\n阅读原文\n微信扫一扫\n关注该公众号\n免费下载　收藏　举报\n【收藏】【打印】【关闭】\n分享到：微信　微博　QQ好友\n下载文档（5下载券）\n"
        ));
        assert_eq!(removed.len(), 12, "{removed:?}");
        assert!(view.starts_with("城西街道2022年度法治政府建设情况报告\n推进依法行政"));
    }

    #[test]
    fn a_related_list_goes_with_its_items_and_a_label_with_its_value() {
        let body = "推进依法行政工作取得新成效，各项工作稳步推进。\n".repeat(50);
        let (view, removed) = cleaned(&format!(
            "某区2020年度法治政府建设工作报告\n来源：\n四川日报\n编辑：\n李莎莎\n{body}相关文章：\n鼓楼区2020年度法治政府建设情况报告　2021-02-03\n· 区司法局关于2020年度履职评议结果的公示　2020-11-30\n版权所有：鼓楼区人民政府办公室\n"
        ));
        let got: Vec<(&str, &str)> = removed.iter().map(|(t, r)| (t.as_str(), *r)).collect();
        assert_eq!(
            got,
            vec![
                ("来源：", "publication_info"),
                ("四川日报", "site_name"),
                ("编辑：", "publication_info"),
                ("李莎莎", "publication_info"),
                ("相关文章：", "related"),
                ("鼓楼区2020年度法治政府建设情况报告 2021-02-03", "related"),
                (
                    "· 区司法局关于2020年度履职评议结果的公示 2020-11-30",
                    "related"
                ),
                ("版权所有：鼓楼区人民政府办公室", "footer"),
            ]
        );
        assert!(view.ends_with("稳步推进。\n") || view.ends_with("稳步推进。"));
    }

    #[test]
    fn a_repeated_title_keeps_the_documents_copy_and_the_signature() {
        let text = "云和县人民政府关于2017年度法治政府建设情况的报告\n来源：县司法局　发布时间：2018-02-26 09:41\n\n云和县人民政府关于2017年度法治政府建设情况的报告\n\n丽水市人民政府：\n2017年，我县全面推进依法行政。\n天台县人民政府\n";
        let norm = normalize(text);
        let c = clean(&norm);
        let titles: Vec<usize> = c
            .removed
            .iter()
            .filter(|r| r.reason == "repeated_title")
            .map(|r| r.range.start)
            .collect();
        assert_eq!(titles, vec![0], "the page's copy above the fields goes");
        // A signature that repeats a short first line is not a repeated title.
        let (_, removed) = cleaned("天台县人民政府\n关于2020年度法治政府建设情况的报告\n2020年，我县全面推进依法行政。\n天台县人民政府\n2021年2月5日\n");
        assert!(removed.is_empty(), "{removed:?}");
    }

    #[test]
    fn prose_is_never_removed_whole() {
        // A paragraph that happens to contain a footer's or a blurb's words.
        let para = format!(
            "{}保护版权所有人的合法权益，相关意见仅供参考。",
            "加强知识产权保护工作。".repeat(20)
        );
        let (view, removed) = cleaned(&format!("{para}\n"));
        assert!(removed.is_empty(), "{removed:?}");
        assert!(view.contains("版权所有人"));
    }

    #[test]
    fn joins_hard_wrapped_pdf_lines_but_not_before_headings() {
        let lines = [
            "为切实加强对依法行政工作的领导区成立了领导小组定期召开",
            "工作会议研究推进依法行政的措施解决依法行政工作中存在的",
            "问题和困难区政府全年依法共受理各类行政复议申请案件1",
            "6件。",
            "- 2 -",
            "各街道也成立相应工作机构确保全区上下依法行政工作有人",
            "管有人抓此外我区还聘请两位律师事务所律师作为常年法律",
            "顾问负责全区涉法事务的法律法规咨询指导和服务工作一是",
            "二、完善依法行政制度体系",
        ];
        assert!(width(lines[2]) * 100 >= width(lines[0]) * 85);
        let text = lines.join("\n");
        let c = clean(&normalize(&text));
        assert!(c.view.text().contains("案件16件。"), "{}", c.view.text());
        assert!(c.view.text().contains("\n二、完善依法行政制度体系"));
        assert!(removed_reasons(&text).contains(&("- 2 -".into(), "page_number")));
    }

    /// A report laid out by the 2021–2025 纲要's eight systems: many comma-long headings on
    /// their own lines look like a page width, but the paragraphs run far past it.
    #[test]
    fn long_headings_of_a_clean_report_are_not_wrapped_text() {
        let body = "全面落实行政执法三项制度，全年评查案卷512卷，发现问题67个，全部督促整改到位。"
            .repeat(4);
        let headings = [
            "（一）健全政府机构职能体系，推动更好发挥政府作用",
            "（二）健全依法行政制度体系，加快推进政府治理规范化程序化法治化",
            "（三）健全行政决策制度体系，不断提升行政决策公信力和执行力",
            "（四）健全行政执法工作体系，全面推进严格规范公正文明执法",
            "（五）健全突发事件应对体系，依法预防处置重大突发事件",
            "（六）健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义",
            "（七）健全行政权力制约和监督体系，促进行政权力规范透明运行",
            "（八）健全法治政府建设科技保障体系，全面建设数字法治政府",
        ];
        let text: String = headings
            .iter()
            .map(|h| format!("{h}\n{body}\n\n"))
            .collect();
        let c = clean(&normalize(&text));
        for h in headings {
            let h = normalize(h).text().to_string();
            assert!(
                c.view.text().contains(&format!("{h}\n")),
                "{h} stays alone on its line"
            );
        }
    }

    /// In wrapped text, a heading that fills its line keeps the body below it, a title
    /// wrapped over two lines is joined, and so is a run-on title whose rest opens the
    /// next line.
    #[test]
    fn a_heading_that_fills_its_line_joins_only_its_own_rest() {
        let lines = [
            "2023年，市政府坚持以习近平新时代中国特色社会主义思想为指导，",
            "全面贯彻党的二十大精神，深入学习贯彻习近平法治思想，严格落实",
            "（一）着力健全依法行政制度体系，加快推进政府治理规范化程序化",
            "法治化",
            "一是加强重点领域立法，提请市人大常委会审议地方性法规草案3件，",
            "（五）持续健全突发事件应对体系，依法预防处置重大突发事件",
            "完善应急预案体系，修订市级专项应急预案18个、部门预案35个。依",
            "法做好防汛抗旱、森林防灭火等工作，全年组织综合应急演练21次，",
            "（三）依法建立公开、公平、高效、便民的现代行政服务机制，增强服",
            "务意识。一是查办投诉解民忧，依法行政促和谐。根据《办法》的规定",
            "区政府坚持及时受理处理、反馈、跟踪的“四及时”工作原则，严格",
        ];
        let c = clean(&normalize(&lines.join("\n")));
        let v = c.view.text();
        assert!(v.contains("规范化程序化法治化\n一是"), "{v}");
        assert!(v.contains("重大突发事件\n完善应急预案体系"), "{v}");
        assert!(v.contains("增强服务意识。一是"), "{v}");
    }
}

//! Stage 6 — metrics: every quantity with value, unit, qualifier, subject, indicator; and
//! the breakdowns (`共X，其中A a、B b`) linked to their totals.
//!
//! A metric is a number followed by a unit from `data/units.txt` (`16件`, `4300余人次`,
//! `3至5个工作日`, `12.5%`), or a percentage written out (`百分之九十五`, `三分之二`,
//! `近九成`). A number without a unit is not a metric: that alone rules out years,
//! hotlines, document numbers and list markers; the remaining traps (`四个意识`,
//! `三重一大`, `5月底`, `第一批`, `7×24小时`) are masked by the patterns in
//! `data/not_metrics.txt`, and numbers inside 《》 titles and document numbers are never
//! metrics.
//!
//! `raw` is the number and unit as written, with an infix 余/多 (`十余条`); hedges before
//! or after (约, 近, 超过, 不少于, 以上, 左右, 以内 …) stay outside `raw` and set the
//! qualifier. The subject is read leftwards from the number through the segmentation, up
//! to a reporting verb of `data/verbs.txt` (`受理行政复议申请16件` → 行政复议申请), or
//! rightwards for `29个县级部门`.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::knowledge::{self, Role};
use crate::normalize::is_han;
use crate::numerals;
use crate::report::Qualifier;
use crate::segment::{Token, TokenKind};

/// A metric found in the analysis view (byte ranges of the view).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The number and unit.
    pub raw: Range<usize>,
    /// Value in the base unit.
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// The unit (`元` for money after scaling).
    pub unit: String,
    /// The unit's kind from `data/units.txt`.
    pub unit_kind: &'static str,
    /// Hedge.
    pub qualifier: Option<Qualifier>,
    /// The counted noun phrase.
    pub subject: Option<Range<usize>>,
    /// The clause before the number (for indicator and target rules).
    pub clause: Range<usize>,
    /// Indicator id.
    pub indicator: Option<&'static str>,
    /// A plan rather than a result (set by the clause; the analyzer adds next-year parts).
    pub target: bool,
}

const NUM: &str = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇两一二三四五六七八九十百千]+)";

fn metric_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let units = knowledge::unit_alternation();
        Regex::new(&format!(
            r"(?P<pctcn>百分之(?P<pv>[零〇一二两三四五六七八九十百点\d.]+))|(?P<frac>(?P<fd>[一二三四五六七八九十百\d]+)分之(?P<fn>[一二三四五六七八九十\d]+))|(?P<cheng>(?P<cv>[一二三四五六七八九]|十)成(?P<half>半)?)|(?P<num>{NUM})(?P<scale>万亿|万|亿|千)?(?P<infix>[余多])?(?P<unit1>%)?(?:\s*(?P<rsep>-|至|到)\s*(?P<num2>{NUM})(?P<scale2>万亿|万|亿)?(?P<infix2>[余多])?)?[ ]?(?P<unit>{units})"
        ))
        .expect("metric pattern is valid")
    })
}

/// The patterns of `data/not_metrics.txt` as one alternation: one pass over the text
/// instead of one per line.
fn mask_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alternatives: Vec<String> = knowledge::not_metric_patterns()
            .iter()
            .map(|l| format!("(?:{l})"))
            .collect();
        Regex::new(&alternatives.join("|")).expect("valid patterns join into a valid regex")
    })
}

fn unit_kind(unit: &str) -> &'static str {
    knowledge::unit_kind(unit)
}

/// Byte ranges that can never hold a metric (the masks, 《》 titles, document numbers),
/// sorted and merged so that an overlap test is one binary search.
fn masked_ranges(text: &str, extra: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = extra.to_vec();
    all.extend(mask_regex().find_iter(text).map(|m| m.range()));
    all.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn overlaps(masks: &[Range<usize>], r: &Range<usize>) -> bool {
    let i = masks.partition_point(|m| m.end <= r.start);
    masks.get(i).is_some_and(|m| m.start < r.end)
}

/// A hedge right before the number (`不少于5次`): its qualifier and its length in bytes.
fn qualifier_before(before: &str) -> (Option<Qualifier>, usize) {
    knowledge::hedges_before()
        .iter()
        .find(|h| before.ends_with(h.word))
        .map_or((None, 0), |h| (Some(h.qualifier), h.word.len()))
}

/// A hedge right after the number and its unit (`100人以上`, `3个工作日内`).
fn qualifier_after(after: &str, unit_kind: &str) -> Option<Qualifier> {
    knowledge::hedges_after()
        .iter()
        .find(|h| after.starts_with(h.word) && (!h.time_only || unit_kind == "time"))
        .map(|h| h.qualifier)
}

/// A number with the scale word written after it (`3.5` and `万`), exactly.
fn parse_num(s: &str, scale: Option<&str>, unit_shift: u32) -> Option<f64> {
    let shift = match scale.unwrap_or("") {
        "千" => 3,
        "万" => 4,
        "亿" => 8,
        "万亿" => 12,
        _ => 0,
    };
    numerals::parse_scaled(s, shift + unit_shift)
}

/// Everything the metrics stage finds in a text.
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    /// The quantities, in text order (sentences and table cells).
    pub found: Vec<Found>,
    /// Totals linked to their parts.
    pub breakdowns: Vec<Breakdown>,
    /// Stated rates their counts contradict.
    pub rate_mismatches: Vec<RateMismatch>,
}

impl Metrics {
    /// The metrics, breakdowns and rate checks of the analysis view `text`, segmented as
    /// `tokens`; nothing inside `citations` is a quantity.
    pub fn find(text: &str, tokens: &[Token], citations: &[crate::citations::Cited]) -> Metrics {
        let masks: Vec<Range<usize>> = citations.iter().map(|c| c.span.clone()).collect();
        let mut found = find_metrics(text, tokens, &masks);
        let breakdowns = merge_tables(text, &mut found);
        let rate_mismatches = rate_checks(text, &found);
        Metrics {
            found,
            breakdowns,
            rate_mismatches,
        }
    }
}

/// Finds the metrics of `text`. `mask` are extra ranges (citations) that hold none;
/// `tokens` is the segmentation of `text`.
pub fn find_metrics(text: &str, tokens: &[Token], mask: &[Range<usize>]) -> Vec<Found> {
    let masks = masked_ranges(text, mask);
    let mut out = Vec::new();
    for caps in metric_regex().captures_iter(text) {
        let m = caps.get(0).expect("group 0 always matches");
        let raw = m.range();
        let (value, value_max, unit): (f64, Option<f64>, String) = if let Some(p) = caps.name("pv")
        {
            // 百分之九十五点五: the numeral parser reads the 点 decimals.
            let Some(v) = crate::numerals::parse_expression(p.as_str())
                .filter(|x| x.max.is_none() && x.percent.is_none())
                .map(|x| x.value)
            else {
                continue;
            };
            (v, None, "%".into())
        } else if caps.name("frac").is_some() {
            let (Some(d), Some(n)) = (
                numerals::parse_scaled(&caps["fd"], 0),
                numerals::parse_scaled(&caps["fn"], 0),
            ) else {
                continue;
            };
            if d == 0.0 || n > d {
                continue;
            }
            ((n / d * 10000.0).round() / 100.0, None, "%".into())
        } else if let Some(cv) = caps.name("cv") {
            // 九成 = 90 %. Not an idiom: 一成不变.
            let after = &text[m.end()..];
            if after.starts_with(|c: char| is_han(c) && !"以左多的是".contains(c)) {
                continue;
            }
            let Some(v) = numerals::parse_integer(cv.as_str()) else {
                continue;
            };
            (
                v as f64 * 10.0
                    + if caps.name("half").is_some() {
                        5.0
                    } else {
                        0.0
                    },
                None,
                "%".into(),
            )
        } else {
            let num = &caps["num"];
            let unit_raw = &caps["unit"];
            let is_cn = !num.starts_with(|c: char| c.is_ascii_digit());
            // Chinese numerals: 两名, 十余条, 二十三件; a lone 一 (一次, 一个窗口) is an article.
            if is_cn && num == "一" {
                continue;
            }
            let before = text[..m.start()].chars().next_back();
            if before.is_some_and(|c| {
                c == '第'
                    || (is_cn
                        && is_han(c)
                        && knowledge::words(Role::CnWordPrefix)
                            .iter()
                            .any(|w| w.starts_with(c)))
            }) {
                continue;
            }
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
                continue;
            }
            // A numeral opening a short quotation names something: “四个零”, “三个区分开来”.
            if matches!(before, Some('“' | '"' | '「' | '‘'))
                && text[m.end()..]
                    .chars()
                    .take(8)
                    .any(|c| matches!(c, '”' | '"' | '」' | '’'))
            {
                continue;
            }
            if (unit_raw == "日" || unit_raw == "天") && before == Some('月') {
                continue;
            }
            // 75周年 is an anniversary, 3周岁 an age.
            if unit_raw == "周" && text[m.end()..].starts_with(['年', '岁']) {
                continue;
            }
            let scale = caps.name("scale").map(|s| s.as_str());
            // Money units carry their own scale: 万元 → 元.
            let (unit, unit_shift) = match numerals::unit_scale(unit_raw) {
                (_, 0) if unit_raw == "百分点" => ("个百分点", 0),
                scaled => scaled,
            };
            let Some(v) = parse_num(num, scale, unit_shift) else {
                continue;
            };
            let vmax = match caps.name("num2") {
                Some(n2) => parse_num(
                    n2.as_str(),
                    caps.name("scale2").map(|s| s.as_str()).or(scale),
                    unit_shift,
                ),
                None => None,
            };
            if caps.name("unit1").is_some() && unit != "%" {
                continue;
            }
            (v, vmax, unit.to_string())
        };
        if raw.is_empty() || overlaps(&masks, &raw) {
            continue;
        }
        let kind = if unit == "%" || unit == "个百分点" {
            "percent"
        } else {
            unit_kind(caps.name("unit").map_or(&unit, |u| u.as_str()))
        };
        // Qualifiers: infix 余/多 inside raw, hedges before and after outside it.
        let infix = caps.name("infix").is_some() || caps.name("infix2").is_some();
        let clause_start = clause_start(text, raw.start);
        let (q_before, q_len) = qualifier_before(&text[clause_start..raw.start]);
        let q_after = qualifier_after(&text[raw.end..], kind);
        let qualifier = if infix {
            Some(Qualifier::Over)
        } else {
            q_before.or(q_after)
        };
        // `近九成`: the 近 is before the raw.
        let subject_end = raw.start - q_len;
        let clause = clause_start..subject_end;
        let subject = find_subject(text, tokens, clause.clone(), raw.end, &unit);
        let sentence_start = after_last(text, raw.start, &['。', '\n', '！', '？']);
        let target = is_target_clause(&text[sentence_start..raw.start]);
        out.push(Found {
            raw,
            value: round6(value),
            value_max: value_max.map(round6),
            unit,
            unit_kind: kind,
            qualifier,
            subject,
            clause,
            indicator: None,
            target,
        });
    }
    for f in &mut out {
        f.indicator = match_indicator(text, f);
    }
    out
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Start of the sentence containing `pos`.
fn sentence_start_of(text: &str, pos: usize) -> usize {
    after_last(text, pos, &['。', '\n', '！', '？', '；'])
}

/// The position just after the last of `chars` before `pos` (0 when there is none).
fn after_last(text: &str, pos: usize, chars: &[char]) -> usize {
    text[..pos]
        .char_indices()
        .rev()
        .find(|(_, c)| chars.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Start of the clause containing `pos`: after the last `，。；：、！？` or line break.
fn clause_start(text: &str, pos: usize) -> usize {
    after_last(
        text,
        pos,
        &['，', '。', '；', '：', '！', '？', '\n', '、', '(', ')'],
    )
}

fn is_target_clause(clause: &str) -> bool {
    knowledge::contains_any(clause, Role::Target)
        && !knowledge::contains_any(clause, Role::TargetUndo)
}

fn is_subject_word(text: &str, t: &Token) -> bool {
    let w = &text[t.range()];
    t.kind == TokenKind::Word && w.chars().count() >= 2 && !knowledge::verbs().contains(w)
}

/// The noun phrase counted by a number: rightwards after a measure word when a noun
/// follows (`29个县级部门`), else leftwards from the number to a reporting verb
/// (`受理行政复议申请16件` → 行政复议申请; `提高到66.2%` skips 到).
fn find_subject(
    text: &str,
    tokens: &[Token],
    clause: Range<usize>,
    raw_end: usize,
    unit: &str,
) -> Option<Range<usize>> {
    if knowledge::words(Role::Classifier).contains(&unit) {
        let from = tokens.partition_point(|t| t.range().start < raw_end);
        // The noun phrase after the measure word: content words, a stop word only as
        // its first word (`五项工作机制`), at most four (`两位律师事务所律师|作为…`).
        let mut run: Vec<&Token> = Vec::new();
        for t in &tokens[from..] {
            let stop = knowledge::stop_words().contains(&text[t.range()]);
            if !is_subject_word(text, t) || (stop && !run.is_empty()) || run.len() == 4 {
                break;
            }
            run.push(t);
        }
        while run
            .last()
            .is_some_and(|t| knowledge::stop_words().contains(&text[t.range()]))
        {
            run.pop();
        }
        if let (Some(first), Some(last)) = (run.first(), run.last()) {
            if first.range().start == raw_end {
                return Some(first.range().start..last.range().end);
            }
        }
    }
    let first = tokens.partition_point(|t| t.range().end <= clause.start);
    let last = tokens.partition_point(|t| t.range().start < clause.end);
    let mut start = None;
    let mut end = None;
    for t in tokens[first..last.max(first)].iter().rev() {
        if t.range().end > clause.end {
            continue;
        }
        let w = &text[t.range()];
        let skip = t.kind != TokenKind::Word
            || knowledge::verbs().contains(w)
            || (end.is_none() && knowledge::words(Role::Linking).contains(&w));
        if skip {
            if end.is_some() {
                break;
            }
            continue;
        }
        if end.is_none() {
            end = Some(t.range().end);
        }
        start = Some(t.range().start);
    }
    match (start, end) {
        (Some(s), Some(e)) if e > s => Some(s..e),
        _ => None,
    }
}

fn match_indicator(text: &str, f: &Found) -> Option<&'static str> {
    let subject = f.subject.as_ref().map_or("", |r| &text[r.clone()]);
    let clause = &text[f.clause.clone()];
    let subj_or_clause = if subject.is_empty() { clause } else { subject };
    knowledge::indicators()
        .iter()
        .find(|ind| {
            (ind.unit_kind == "any" || ind.unit_kind == f.unit_kind)
                && ind.subject.is_match(subj_or_clause)
                && ind
                    .context
                    .as_ref()
                    .is_none_or(|c| c.is_match(clause) || c.is_match(subj_or_clause))
        })
        .map(|ind| ind.id)
}

/// A total and its parts, as indices into the metrics list.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// Index of the total.
    pub total: usize,
    /// Indices of the parts.
    pub parts: Vec<usize>,
    /// The parts added up.
    pub sum: f64,
    /// Whether they add up; `None` when a value is approximate or the list is partial.
    pub consistent: Option<bool>,
    /// The parts fall short of the total and nothing says the list is complete: 其中
    /// introduces a selection (`其中制造业中长期贷款新增1124亿元…`), not an error.
    pub partial: bool,
}

/// A clause stating a change, not a level: `比上年增加1500亿元`, `由46亿元增加到92亿元`.
fn is_change(text: &str, f: &Found) -> bool {
    knowledge::contains_any(&text[f.clause.clone()], Role::Change)
}

/// A breakdown from a total and its parts. `claims_complete` is true where the text says
/// the parts are all of it (a 合计 row or line); a `其中` list claims it only with a
/// catch-all part (其他 …), and otherwise a shortfall is a partial list, not an error.
pub fn breakdown(
    text: &str,
    found: &[Found],
    total: usize,
    parts: Vec<usize>,
    claims_complete: bool,
) -> Breakdown {
    let sum: f64 = parts.iter().map(|&i| found[i].value).sum();
    let approximate = std::iter::once(total)
        .chain(parts.iter().copied())
        .any(|i| found[i].qualifier.is_some());
    let catch_all = parts.iter().any(|&i| {
        let clause = &text[found[i].clause.clone()];
        knowledge::contains_any(clause, Role::CatchAll)
    });
    let total_value = found[total].value;
    let equal = (sum - total_value).abs() < 1e-6;
    let partial = !equal && sum < total_value && !catch_all && !claims_complete;
    let consistent = if approximate || partial {
        None
    } else {
        Some(equal)
    };
    Breakdown {
        total,
        parts,
        sum: round6(sum),
        consistent,
        partial,
    }
}

/// Links `…X件，其中A a件、B b件…。` breakdowns. The parts are the metrics after `其中`
/// with the unit of the first one, up to the end of the list; changes are never parts.
/// The total is the nearest metric with that unit before `其中` in the same sentence
/// (within 80 bytes) that the parts fit into, else the nearest one.
pub fn find_breakdowns(text: &str, found: &[Found]) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for (pos, _) in text.match_indices("其中") {
        let sentence_start = after_last(text, pos, &['。', '\n']);
        // The list after 其中 ends with the sentence, or at a `；` that opens a new
        // statement rather than the next short item (`其中：行政许可89项；行政审批97项；…`
        // goes on; `…市长信箱239件；受理率、答复率…均为100%；共接待…` stops).
        let sentence_end = text[pos..]
            .find(['。', '\n'])
            .map_or(text.len(), |i| pos + i);
        let mut list_end = pos;
        for segment in text[pos..sentence_end].split_inclusive('；') {
            let item = segment.trim_end_matches('；');
            if list_end > pos && item.chars().count() > 15 {
                break;
            }
            list_end += segment.len();
        }
        let usable =
            |f: &Found| f.unit_kind != "percent" && f.value_max.is_none() && !is_change(text, f);
        // Only the metrics of this sentence (found is in text order).
        let window = found.partition_point(|f| f.raw.start < sentence_start)
            ..found.partition_point(|f| f.raw.start < list_end);
        let after: Vec<usize> = window
            .clone()
            .filter(|&i| {
                found[i].raw.start > pos && found[i].raw.end <= list_end && usable(&found[i])
            })
            .collect();
        let Some(&first) = after.first() else {
            continue;
        };
        let unit = &found[first].unit;
        let parts: Vec<usize> = after
            .into_iter()
            .filter(|&i| &found[i].unit == unit)
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let sum: f64 = parts.iter().map(|&i| found[i].value).sum();
        let before: Vec<usize> = window
            .rev()
            .filter(|&i| {
                let f = &found[i];
                f.raw.end <= pos
                    && f.raw.start >= sentence_start
                    && pos - f.raw.end <= 80
                    && &f.unit == unit
                    && usable(f)
            })
            .collect();
        let Some(total) = before
            .iter()
            .copied()
            .find(|&i| found[i].value + 1e-6 >= sum)
            .or(before.first().copied())
        else {
            continue;
        };
        out.push(breakdown(text, found, total, parts, false));
    }
    out
}

/// Words that open a total row or line: 合计, 总计, 共计, 小计.
fn is_total_label(cell: &str) -> bool {
    let cell = cell.trim_start();
    knowledge::words(Role::TotalLabel)
        .iter()
        .any(|w| cell.starts_with(w))
}

/// Splits a table row into cells with their byte ranges: by tabs, else by runs of two or
/// more spaces.
fn cells(line: &str, base: usize) -> Vec<Range<usize>> {
    let bytes = line.as_bytes();
    let tabbed = line.contains('\t');
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let sep = if i == bytes.len() {
            1
        } else if tabbed {
            usize::from(bytes[i] == b'\t')
        } else if bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            bytes[i..].iter().take_while(|&&b| b == b' ').count()
        } else {
            0
        };
        if sep == 0 {
            i += 1;
            continue;
        }
        let cell = &line[start..i];
        let lead = cell.len() - cell.trim_start().len();
        let trimmed = cell.trim();
        if !trimmed.is_empty() {
            out.push(base + start + lead..base + start + lead + trimmed.len());
        }
        i += sep;
        start = i;
    }
    out
}

/// The unit a column header names: `受理数（件）`, `人次`, `金额(万元)`.
fn header_unit(header: &str) -> Option<&'static str> {
    let inner = header
        .rsplit_once('(')
        .map_or(header, |(_, u)| u.trim_end_matches(')'));
    knowledge::units().iter().map(|u| u.text).find(|u| {
        inner == *u || inner.ends_with(&format!("数{u}")) || header.ends_with(&format!("({u})"))
    })
}

/// Merges the table cells into the sentence metrics (a cell the sentence reader also
/// found, such as `16件`, is kept once) and returns every breakdown: `其中` lists,
/// `合计` lines and table columns, in text order.
pub fn merge_tables(text: &str, found: &mut Vec<Found>) -> Vec<Breakdown> {
    let (cells, links) = find_tables(text);
    found.retain(|f| {
        !cells
            .iter()
            .any(|c| c.raw.start < f.raw.end && f.raw.start < c.raw.end)
    });
    let cell_starts: Vec<usize> = cells.iter().map(|c| c.raw.start).collect();
    found.extend(cells);
    found.sort_by_key(|f| f.raw.start);
    let index_of = |start: usize| found.iter().position(|f| f.raw.start == start);
    let mut links: Vec<(usize, Vec<usize>)> = links
        .into_iter()
        .filter_map(|(t, parts)| {
            Some((
                index_of(cell_starts[t])?,
                parts
                    .iter()
                    .map(|&p| index_of(cell_starts[p]))
                    .collect::<Option<Vec<_>>>()?,
            ))
        })
        .collect();
    let table_totals: Vec<usize> = links.iter().map(|(t, _)| *t).collect();
    links.extend(
        find_total_lines(text, found)
            .into_iter()
            .filter(|(t, _)| !table_totals.contains(t)),
    );
    let mut out = find_breakdowns(text, found);
    out.extend(
        links
            .into_iter()
            .map(|(total, parts)| breakdown(text, found, total, parts, true)),
    );
    out.sort_by_key(|b| found[b.total].raw.start);
    out
}

/// Tables pasted into a report (three or more rows of tab- or space-separated cells, one
/// of them a 合计 row): each numeric cell becomes a metric (unit from its column header or
/// the cell, subject the row label) and each column is a breakdown of its 合计 cell.
/// Returns the cell metrics and the breakdowns as (total, parts) indices into them.
pub fn find_tables(text: &str) -> (Vec<Found>, Vec<(usize, Vec<usize>)>) {
    let lines = crate::text::line_ranges(text);
    let rows: Vec<Vec<Range<usize>>> = lines
        .iter()
        .map(|l| {
            let line = &text[l.clone()];
            if line.contains('\t') || line.contains("  ") {
                cells(line, l.start)
            } else {
                Vec::new()
            }
        })
        .collect();
    let mut found = Vec::new();
    let mut links = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let width = rows[i].len();
        let mut j = i;
        while j < rows.len() && width >= 2 && rows[j].len() == width {
            j += 1;
        }
        if j - i < 3 {
            i += 1;
            continue;
        }
        let block = &rows[i..j];
        i = j;
        let Some(total_row) = block
            .iter()
            .position(|r| is_total_label(&text[r[0].clone()]))
        else {
            continue;
        };
        for col in 1..width {
            let from_cells = || {
                block[1..].iter().find_map(|r| {
                    knowledge::units()
                        .iter()
                        .map(|u| u.text)
                        .find(|u| text[r[col].clone()].ends_with(u))
                })
            };
            let Some(unit) = header_unit(&text[block[0][col].clone()]).or_else(from_cells) else {
                continue;
            };
            let mut column = Vec::new();
            for (k, row) in block.iter().enumerate().skip(1) {
                let Some(p) = crate::numerals::parse_expression(&text[row[col].clone()]) else {
                    continue;
                };
                let (unit, shift) = numerals::unit_scale(unit);
                let value = numerals::scale(p.value, shift);
                let mut cell = Found {
                    raw: row[col].clone(),
                    value: round6(value),
                    value_max: p.max,
                    unit: unit.to_string(),
                    unit_kind: unit_kind(unit),
                    qualifier: None,
                    subject: Some(row[0].clone()),
                    clause: row[0].clone(),
                    indicator: None,
                    target: false,
                };
                cell.indicator = match_indicator(text, &cell);
                found.push(cell);
                column.push((k, found.len() - 1));
            }
            let total = column
                .iter()
                .find(|(k, _)| *k == total_row)
                .map(|(_, id)| *id);
            let parts: Vec<usize> = column
                .iter()
                .filter(|(k, _)| *k != total_row)
                .map(|(_, id)| *id)
                .collect();
            if let (Some(total), true) = (total, parts.len() >= 2) {
                links.push((total, parts));
            }
        }
    }
    (found, links)
}

/// `合计：X件` (or 共计/总计) on its own line after lines that each state one figure with
/// that unit: those figures are its parts.
pub fn find_total_lines(text: &str, found: &[Found]) -> Vec<(usize, Vec<usize>)> {
    let lines = crate::text::line_ranges(text);
    let in_line = |l: &Range<usize>| -> Vec<usize> {
        (0..found.len())
            .filter(|&i| found[i].raw.start >= l.start && found[i].raw.end <= l.end)
            .collect()
    };
    let mut out = Vec::new();
    for (n, l) in lines.iter().enumerate() {
        if !is_total_label(&text[l.clone()]) {
            continue;
        }
        let [total] = in_line(l)[..] else { continue };
        let mut parts = Vec::new();
        for prev in lines[..n].iter().rev() {
            match in_line(prev)[..] {
                [one]
                    if found[one].unit == found[total].unit
                        && !is_total_label(&text[prev.clone()]) =>
                {
                    parts.push(one)
                }
                _ => break,
            }
        }
        if parts.len() >= 2 {
            parts.reverse();
            out.push((total, parts));
        }
    }
    out
}

/// A stated rate that its counts contradict, with the arithmetic (texts as in the
/// analysis view).
#[derive(Debug, Clone, PartialEq)]
pub struct RateMismatch {
    /// Index of the rate among the metrics.
    pub rate: usize,
    /// What the rate measures (`办结率`).
    pub subject: String,
    /// The rate as written (`100%`).
    pub stated: String,
    /// The count it is computed from (`180件`).
    pub numerator: String,
    /// The total it is a share of (`200件`).
    pub denominator: String,
    /// numerator ÷ denominator, in percent.
    pub computed: f64,
}

/// Recomputes stated rates from their counts: where `办结率为100%` follows `办结187件`
/// and, before it, `受理187件`, the rate must be 187/187. Returns every rate off by more
/// than half a point.
pub fn rate_checks(text: &str, found: &[Found]) -> Vec<RateMismatch> {
    let mut out = Vec::new();
    for (i, rate) in found.iter().enumerate() {
        let Some(subject) = rate.subject.as_ref().map(|s| &text[s.clone()]) else {
            continue;
        };
        if rate.unit != "%" || rate.qualifier.is_some() || !subject.ends_with('率') {
            continue;
        }
        let verb = subject.trim_end_matches('率');
        let verb: String = verb
            .chars()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if verb.chars().count() < 2 {
            continue;
        }
        let paragraph_start = text[..rate.raw.start].rfind('\n').map_or(0, |p| p + 1);
        // Only this paragraph's figures (found is in text order: stop at its start).
        let earlier = || {
            found[..i]
                .iter()
                .rev()
                .take_while(|f| f.raw.start >= paragraph_start)
                .filter(|f| f.unit_kind == "count" && f.qualifier.is_none())
        };
        let Some(num) = earlier().find(|f| text[f.clause.clone()].contains(verb.as_str())) else {
            continue;
        };
        // The denominator is the stated total (`共受理…187件`) if there is one, else the
        // nearest count of what came in (`受理…`), never a part listed after `其中`.
        let candidates: Vec<&Found> = earlier()
            .filter(|f| f.raw.start < num.raw.start && f.unit == num.unit)
            .filter(|f| !text[sentence_start_of(text, f.raw.start)..f.raw.start].contains("其中"))
            .collect();
        let has = |f: &Found, role: Role| knowledge::contains_any(&text[f.clause.clone()], role);
        let Some(den) = candidates
            .iter()
            .find(|f| has(f, Role::TotalWord))
            .or_else(|| candidates.iter().find(|f| has(f, Role::IntakeWord)))
        else {
            continue;
        };
        if den.value <= 0.0 {
            continue;
        }
        let computed = num.value / den.value * 100.0;
        if (computed - rate.value).abs() > 0.5 {
            out.push(RateMismatch {
                rate: i,
                subject: subject.to_string(),
                stated: text[rate.raw.clone()].to_string(),
                numerator: text[num.raw.clone()].to_string(),
                denominator: text[den.raw.clone()].to_string(),
                computed,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics(text: &str) -> Vec<(String, f64, String, Option<Qualifier>)> {
        let seg = crate::segment::Segmenter::new(None, true).unwrap();
        let tokens = seg.tokens(text, false);
        find_metrics(text, &tokens, &[])
            .into_iter()
            .map(|f| (text[f.raw].to_string(), f.value, f.unit, f.qualifier))
            .collect()
    }

    #[test]
    fn values_units_and_qualifiers() {
        let got = metrics("受理行政复议申请16件，接待来访群众4300余人次，投入经费3.5亿元，约1.2万件，办结率达100%，近九成，十余条，3至5个工作日");
        let want = vec![
            ("16件", 16.0, "件", None),
            ("4300余人次", 4300.0, "人次", Some(Qualifier::Over)),
            ("3.5亿元", 350_000_000.0, "元", None),
            ("1.2万件", 12000.0, "件", Some(Qualifier::About)),
            ("100%", 100.0, "%", None),
            ("九成", 90.0, "%", Some(Qualifier::About)),
            ("十余条", 10.0, "条", Some(Qualifier::Over)),
            ("3至5个工作日", 3.0, "个工作日", None),
        ];
        let got: Vec<(&str, f64, &str, Option<Qualifier>)> = got
            .iter()
            .map(|(r, v, u, q)| (r.as_str(), *v, u.as_str(), *q))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn non_metrics_are_not_extracted() {
        // The traps of SPEC "metrics" and issue 4, each in a sentence as reports write them.
        let traps = [
            "2018年5月底，2021年3月，1-11月，2016-2020年，发布于2018-01-22，落款20181219",
            "依据国办发〔2018〕37号、省政府令第169号和〔2021〕5号文件",
            "落实三重一大，增强四个意识，做到两个维护，推行四个一工作法",
            "七五普法、八五普法收官，十四五开局，学习二十大和十九届四中全会精神",
            "推行1+2+9+N模式和一网通办，拨打12345热线或0518-85512345",
            "提供7×24小时服务和24小时在线服务，第一批、第二批试点，第一",
            "建立一批制度和一系列措施，两级联动、三级联动，连续两年获评",
            "网站备案号苏ICP备05012345号",
        ];
        for text in traps {
            assert_eq!(metrics(text), vec![], "{text}");
        }
    }

    #[test]
    fn rates_are_recomputed() {
        let seg = crate::segment::Segmenter::new(
            Some("受理 100\n办结 100\n办结率 100\n申请 100\n"),
            true,
        )
        .unwrap();
        let text = "共受理申请200件，其中网上受理150件，办结180件，办结率为100%。";
        let found = find_metrics(text, &seg.tokens(text, false), &[]);
        let checks = rate_checks(text, &found);
        assert_eq!(checks.len(), 1, "{found:?}");
        assert!((checks[0].computed - 90.0).abs() < 1e-9);
        let text = "共受理申请200件，办结200件，办结率为100%。";
        assert!(rate_checks(text, &find_metrics(text, &seg.tokens(text, false), &[])).is_empty());
    }

    fn breakdowns(text: &str) -> Vec<(f64, f64, Option<bool>, bool)> {
        let seg = crate::segment::Segmenter::new(None, true).unwrap();
        let found = find_metrics(text, &seg.tokens(text, false), &[]);
        find_breakdowns(text, &found)
            .iter()
            .map(|b| (found[b.total].value, b.sum, b.consistent, b.partial))
            .collect()
    }

    #[test]
    fn breakdowns_partial_lists_and_changes() {
        // A selection: 其中 names some of the total; no catch-all part, so not an error.
        assert_eq!(
            breakdowns("各项贷款新增1.91万亿元，其中制造业贷款新增1124亿元，续贷新增5982亿元。"),
            vec![(1.91e12, 710.6e9, None, true)]
        );
        // The parts fit into the total stated before the change, not into the change.
        assert_eq!(breakdowns("今年拟安排财政赤字1.2万亿元，比去年增加4000亿元，其中中央财政赤字8500亿元，代地方发债3500亿元。"), vec![(1.2e12, 1.2e12, Some(true), false)]);
        // `由40元提高到80元` are changes, never parts.
        assert!(breakdowns("标准由50元提高到100元，其中中央补助由40元提高到80元。").is_empty());
        // A hotline number followed by a unit is a quantity.
        assert_eq!(metrics("五年共计12319亿元，拨打12345热线").len(), 1);
    }

    fn sums_of(text: &str) -> Vec<(f64, f64, Option<bool>)> {
        // As in the pipeline, the text is normalized first (（件） → (件)).
        let norm = crate::normalize::normalize(text);
        let text = norm.text();
        let seg = crate::segment::Segmenter::new(None, true).unwrap();
        let mut found = find_metrics(text, &seg.tokens(text, false), &[]);
        merge_tables(text, &mut found)
            .iter()
            .map(|b| (found[b.total].value, b.sum, b.consistent))
            .collect()
    }

    #[test]
    fn tables_and_total_lines() {
        let table =
            "类别\t受理数（件）\t办结数（件）\n行政许可\t12\t10\n行政处罚\t30\t30\n合计\t42\t41\n";
        assert_eq!(
            sums_of(table),
            vec![(42.0, 42.0, Some(true)), (41.0, 40.0, Some(false))]
        );
        let spaced = "项目    金额（万元）\n办案经费    120.5\n普法经费    30\n合计    150.5\n";
        assert_eq!(
            sums_of(spaced),
            vec![(1_505_000.0, 1_505_000.0, Some(true))]
        );
        let lines = "来信 120件\n来访 80件\n网上信访 55件\n合计 250件\n";
        assert_eq!(sums_of(lines), vec![(250.0, 255.0, Some(false))]);
    }

    #[test]
    fn breakdown_of_seed_001_does_not_add_up() {
        let text = "共清理审核行政权力事项1412项，其中：行政许可89项；行政审批97项；行政处罚624项；行政强制14项；行政征收23项；行政给付11项；行政奖励7项；行政确认38项；行政裁决2项；其他474项。";
        let seg = crate::segment::Segmenter::new(None, true).unwrap();
        let found = find_metrics(text, &seg.tokens(text, false), &[]);
        let b = find_breakdowns(text, &found);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].parts.len(), 10);
        assert_eq!(b[0].sum, 1379.0);
        assert_eq!(b[0].consistent, Some(false));
    }
}

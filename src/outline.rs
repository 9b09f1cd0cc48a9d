//! Stage 4 — outline: headings, their levels and nesting, and inline enumerations.
//!
//! Levels follow GB/T 9704-2012 and what real reports do; the level comes from the marker
//! type, not from the nesting (a `1.` directly under `一、` is level 3, and a check says a
//! level was skipped):
//!
//! | level | markers |
//! |---|---|
//! | 1 | `一、` `一.` `第一部分` |
//! | 2 | `（一）` `(一)` `(一）` `㈠` |
//! | 3 | `1.` `1、` `1．` `1 ` and, continuing a sequence, no separator at all (`2加强政务服务体系创新`) |
//! | 4 | `（1）` `(1)` `1)` `⑴` |
//! | 5 | `①` … `⑳` |
//!
//! A heading line may run on into body text; the title ends at the first `。`, `：`, `；`
//! (`（一）依法全面履行政府职能。严格落实…` → `依法全面履行政府职能`). Not headings: a line
//! starting with a year or date (`2020年，…`: four digits never make a marker), numbers in
//! body text, markers inside a paragraph (`①决策公开、②执行公开`), which are
//! enumerations.
//!
//! **One-line reports.** A whole report pasted with no line breaks (`…。二、完善依法行政制度
//! 体系（一）…`) has its headings after sentence ends. In lines longer than
//! [`LONG_LINE`] characters, a level 1–3 marker right after `。！？；：` (or after a heading
//! title) is a heading when it continues the numbering (`二、` after `一、`, `（一）` after a
//! level-1 heading); other markers there stay enumerations.
//!
//! **PDF text.** Hard line breaks are joined and page numbers removed by the clean stage,
//! which never joins a line that starts with a marker, so headings start lines here.
//!
//! Inline enumerations `一是…二是…`, `首先…其次…`, `第一，…第二，…` and markers inside a
//! paragraph (`(1)…(2)…`, `①…②…`) are reported as [`EnumItem`]s, never as headings.

use std::ops::Range;

use crate::markers::{parse_marker, take_while_in, Marker, CN_NUM};
use crate::text::line_ranges;

/// Lines longer than this many characters are searched for headings after sentence ends.
pub const LONG_LINE: usize = 400;

/// A heading found in the analysis view (byte ranges of the view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1–5.
    pub level: u8,
    /// The number the marker counts (`三、` → 3).
    pub number: u32,
    /// The marker, separator included.
    pub marker: Range<usize>,
    /// The title without marker.
    pub title: Range<usize>,
    /// `2加强…`: a level-3 number with no separator.
    pub no_separator: bool,
}

/// An inline enumeration item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumItem {
    /// The marker (`一是`, `首先`, `(1)`).
    pub marker: Range<usize>,
    /// Marker plus lead clause.
    pub span: Range<usize>,
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '：' | '；' | '！' | '？')
}

/// Where the title of a heading ends within `line[from..]`: the first terminator, a
/// following first sub-heading marker (one-line reports), or the line end. Returns the end
/// offset in `line` and whether body text follows on the same line.
fn title_end(line: &str, from: usize, level: u8, long: bool) -> (usize, bool) {
    for (i, c) in line[from..].char_indices() {
        let at = from + i;
        if is_terminator(c) {
            return (at, true);
        }
        // A first sub-heading right after the title (`一、主要举措（一）依法…`, line breaks
        // lost): in a long line any marker, elsewhere only the unambiguous bracketed
        // `（一）`, which never stands inside a title.
        if i > 0 && (long || c == '(') {
            if let Some(m) = parse_marker(&line[at..]) {
                if m.level > level && m.number == 1 && !m.no_separator && (long || m.level == 2) {
                    return (at, true);
                }
            }
        }
    }
    (line.trim_end().len().max(from), false)
}

/// A title that runs into its body with no punctuation: the first place within
/// `max_chars` where a title-final word meets a body-opening word or a number
/// (`健全依法行政制度体系|严格落实…`, `存在的不足和原因|一是…`).
fn cue_split(title: &str, max_chars: usize) -> Option<usize> {
    let cues = crate::knowledge::heading_cues();
    let (end_words, body_words) = (&cues.end, &cues.body);
    for (n, (i, _)) in title.char_indices().enumerate().skip(4) {
        if n > max_chars {
            break;
        }
        let (head, rest) = title.split_at(i);
        if end_words.iter().any(|w| head.ends_with(w))
            && (body_words.iter().any(|w| rest.starts_with(w))
                || rest.starts_with(|c: char| c.is_ascii_digit()))
        {
            return Some(i);
        }
    }
    None
}

/// Tracks the numbering per level to tell a heading that continues the sequence.
#[derive(Default)]
struct Numbering {
    last: [u32; 6],
}

impl Numbering {
    fn continues(&self, m: &Marker) -> bool {
        let level = m.level as usize;
        let last = self.last[level];
        let parent_known = (1..level).any(|l| self.last[l] > 0);
        m.number == last + 1 || (last == 0 && m.number == 1 && (parent_known || level == 1))
    }
    fn record(&mut self, m: &Marker) {
        let level = m.level as usize;
        self.last[level] = m.number;
        for l in self.last.iter_mut().skip(level + 1) {
            *l = 0;
        }
    }
}

/// Finds the headings of the analysis view.
pub fn find_headings(text: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut numbering = Numbering::default();
    for line_range in line_ranges(text) {
        let line = &text[line_range.clone()];
        let long = line.chars().count() > LONG_LINE;
        // Candidate heading starts: the line start and, in a long line, every sentence
        // end and the end of every heading title found (一、…（一）…1.… in a row).
        let mut candidates = std::collections::BTreeSet::from([0usize]);
        if long {
            candidates.extend(
                line.char_indices()
                    .filter(|&(_, c)| is_terminator(c))
                    .map(|(i, c)| i + c.len_utf8()),
            );
        }
        let mut taken_until = 0;
        while let Some(pos) = candidates.pop_first() {
            if pos < taken_until || pos >= line.len() {
                continue;
            }
            let lead = line[pos..].len() - line[pos..].trim_start().len();
            let at = pos + lead;
            let Some(m) = parse_marker(&line[at..]) else {
                continue;
            };
            let mid_line = pos > 0;
            if mid_line && (m.level > 3 || !numbering.continues(&m)) {
                continue;
            }
            if m.no_separator && !(m.number >= 2 && numbering.last[3] + 1 == m.number) {
                continue;
            }
            let after_marker = &line[at + m.len..];
            let title_start = at + m.len + (after_marker.len() - after_marker.trim_start().len());
            let (mut end, run_on) = title_end(line, title_start, m.level, long);
            let limit = 40;
            let too_long = line[title_start..end].chars().count() > if run_on { limit } else { 60 };
            if too_long || long {
                // A title run on into its body with nothing between them; in a long line
                // (a report pasted as one line) that is the rule, not the exception.
                match cue_split(&line[title_start..end], limit) {
                    Some(cut) => end = title_start + cut,
                    None if too_long => continue,
                    None => {}
                }
            }
            let title = line[title_start..end].trim_end();
            if title.is_empty() || !title.chars().any(crate::normalize::is_han) {
                continue;
            }
            numbering.record(&m);
            let base = line_range.start;
            out.push(Heading {
                level: m.level,
                number: m.number,
                marker: base + at..base + at + m.len,
                title: base + title_start..base + title_start + title.len(),
                no_separator: m.no_separator,
            });
            taken_until = title_start + title.len();
            if long || line[taken_until..].starts_with('(') {
                candidates.insert(taken_until);
            }
        }
    }
    out
}

/// The outline of a text: its headings in text order, where each one's section ends,
/// each one's parent, and the inline enumerations (byte ranges of the analysis view).
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// The headings, in text order.
    pub headings: Vec<Heading>,
    /// For each heading, where its section ends (the next heading of the same or a higher level).
    pub ends: Vec<usize>,
    /// For each heading, the index of its parent (the nearest earlier heading of a higher level).
    pub parents: Vec<Option<usize>>,
    /// Inline enumeration items.
    pub enumerations: Vec<EnumItem>,
}

impl Outline {
    /// Finds the outline of the analysis view `text`.
    pub fn find(text: &str) -> Outline {
        let headings = find_headings(text);
        let ends = section_ends(&headings, text.len());
        let parents = parents(&headings);
        let enumerations = find_enumerations(text, &headings);
        Outline {
            headings,
            ends,
            parents,
            enumerations,
        }
    }

    /// The id of heading `i` in the report (`s1`, `s2`, …).
    pub fn id(i: usize) -> String {
        format!("s{}", i + 1)
    }

    /// The innermost section containing view byte `pos`: the last heading before it, or
    /// the nearest of its ancestors whose section still runs (others end before it).
    /// A binary search and a walk up the ancestors.
    pub fn section_of(&self, pos: usize) -> Option<usize> {
        let mut i = self
            .headings
            .partition_point(|h| h.marker.start <= pos)
            .checked_sub(1)?;
        while pos >= self.ends[i] {
            i = self.parents[i]?;
        }
        Some(i)
    }
}

/// For each heading, where its section ends: the next heading of the same or a higher
/// level, or the end of the text. One pass with a stack of open sections.
pub fn section_ends(headings: &[Heading], text_len: usize) -> Vec<usize> {
    let mut ends = vec![text_len; headings.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        while open.last().is_some_and(|&j| headings[j].level >= h.level) {
            ends[open.pop().unwrap_or(i)] = h.marker.start;
        }
        open.push(i);
    }
    ends
}

/// For each heading, the index of the nearest earlier heading of a higher level. One pass
/// with a stack whose levels rise strictly.
pub fn parents(headings: &[Heading]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(headings.len());
    let mut stack: Vec<usize> = Vec::new();
    for h in headings {
        while stack.last().is_some_and(|&j| headings[j].level >= h.level) {
            stack.pop();
        }
        out.push(stack.last().copied());
        stack.push(out.len() - 1);
    }
    out
}

/// Finds inline enumeration items outside the heading markers.
pub fn find_enumerations(text: &str, headings: &[Heading]) -> Vec<EnumItem> {
    // Headings come in text order: a binary search keeps this linear in the text.
    let is_heading_marker = |pos: usize| {
        headings
            .binary_search_by_key(&pos, |h| h.marker.start)
            .is_ok()
    };
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let boundary = prev.is_none_or(|p| {
            matches!(
                p,
                '\n' | '。' | '；' | '：' | '，' | '！' | '？' | ' ' | '\t' | ')' | '、' | '”'
            )
        });
        let prev_char = prev;
        prev = Some(c);
        if !boundary || is_heading_marker(i) {
            continue;
        }
        let rest = &text[i..];
        let marker_len = if CN_NUM.contains(c) {
            let n = take_while_in(rest, CN_NUM, 2);
            if rest[n..].starts_with('是') {
                n + '是'.len_utf8()
            } else {
                0
            }
        } else if rest.starts_with("首先") || rest.starts_with("其次") || rest.starts_with("再次")
        {
            "首先".len()
        } else if let Some(after) = rest.strip_prefix('第') {
            let n = take_while_in(after, CN_NUM, 2);
            if n > 0 && after[n..].starts_with(['，', '、']) {
                '第'.len_utf8() + n
            } else {
                0
            }
        } else if prev_char.is_some_and(|p| p != '\n') {
            // Markers inside a paragraph: (1) … (2) …, ① … ② …
            match parse_marker(rest) {
                Some(m) if (m.level == 4 || m.level == 5) && !m.no_separator => m.len,
                _ => 0,
            }
        } else {
            0
        };
        if marker_len == 0 {
            continue;
        }
        let body = &rest[marker_len..];
        let mut end = body.len();
        for (j, ch) in body.char_indices() {
            if matches!(ch, '。' | '；' | '：' | '！' | '？' | '\n')
                || body[..j].chars().count() >= 60
            {
                end = j;
                break;
            }
        }
        out.push(EnumItem {
            marker: i..i + marker_len,
            span: i..i + marker_len + end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<(u8, String)> {
        find_headings(text)
            .iter()
            .map(|h| (h.level, text[h.title.clone()].to_string()))
            .collect()
    }

    #[test]
    fn levels_follow_marker_type() {
        let text = "一、主要举措\n(一)依法全面履行政府职能。严格落实权责清单。\n1.深化改革。内容\n(1)细项\n①再细\n第二部分 存在的不足\n";
        assert_eq!(
            titles(text),
            vec![
                (1, "主要举措".into()),
                (2, "依法全面履行政府职能".into()),
                (3, "深化改革".into()),
                (4, "细项".into()),
                (5, "再细".into()),
                (1, "存在的不足".into()),
            ]
        );
    }

    #[test]
    fn sub_heading_on_the_same_short_line() {
        let text = "一、主要举措（一）依法全面履行政府职能\n正文。\n（二）完善制度体系\n";
        let n = crate::normalize::normalize(text);
        assert_eq!(
            titles(n.text()),
            vec![
                (1, "主要举措".into()),
                (2, "依法全面履行政府职能".into()),
                (2, "完善制度体系".into())
            ]
        );
    }

    #[test]
    fn word_automatic_numbering() {
        let text =
            "一、主要举措\n㈠依法履行职能\n1.深化改革\n⑴取消证明事项\n⑵推行告知承诺\n3)规范执法\n";
        let levels: Vec<(u8, u32)> = find_headings(text)
            .iter()
            .map(|h| (h.level, h.number))
            .collect();
        assert_eq!(levels, vec![(1, 1), (2, 1), (3, 1), (4, 1), (4, 2), (4, 3)]);
    }

    #[test]
    fn missing_separator_only_continuing_a_sequence() {
        let text = "1.深化行政审批制度改革。严格\n2加强政务服务体系创新。推进\n3个部门参加培训。\n2018年，我区开展工作。\n";
        assert_eq!(
            titles(text),
            vec![
                (3, "深化行政审批制度改革".into()),
                (3, "加强政务服务体系创新".into())
            ]
        );
        assert!(find_headings(text)[1].no_separator);
    }

    #[test]
    fn not_headings() {
        for line in [
            "2020年，我区开展工作。",
            "12.5%的案件",
            "1.5万件",
            "三重一大事项",
            "二〇一八年十二月十九日",
        ] {
            assert!(find_headings(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn one_line_report() {
        let body = "严格落实各项制度，推进法治政府建设取得新成效。".repeat(20);
        let text = format!(
            "报告正文。一、加强组织领导(一)健全制度。{body}(二)规范程序。{body}二、完善依法行政制度体系(一)健全规章。{body}"
        );
        assert_eq!(
            titles(&text),
            vec![
                (1, "加强组织领导".into()),
                (2, "健全制度".into()),
                (2, "规范程序".into()),
                (1, "完善依法行政制度体系".into()),
                (2, "健全规章".into()),
            ]
        );
    }

    #[test]
    fn enumerations_inline() {
        let text = "(一)加强领导。一是强化组织领导。二是规范程序；(1)决策公开、(2)执行公开。";
        let hs = find_headings(text);
        let items: Vec<&str> = find_enumerations(text, &hs)
            .iter()
            .map(|e| &text[e.marker.clone()])
            .collect();
        assert_eq!(items, vec!["一是", "二是", "(1)", "(2)"]);
    }
}

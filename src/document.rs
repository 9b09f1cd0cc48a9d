//! Stage 5 — document: what kind of document this is and whether it is complete.
//!
//! Users paste rule-of-law annual reports (法治政府建设情况报告, 依法行政工作报告, a
//! department's 法治建设 report), but also what stands next to them on the same sites: a
//! 政府工作报告, a 实施方案 or 工作要点, a 解读 of a report, a news item about a meeting.
//! The mandated parts (主要举措和成效, 存在的不足和原因, 第一责任人职责, 下一年度安排) and
//! the checks for missing ones apply to reports only; every document still gets its
//! outline, metrics and the rest. And many texts are excerpts: a document site shows the
//! first 628 characters (`仅展示前628字`), a page resumes after `……(开头部分已省略650字)`,
//! a copy stops mid-sentence. A part missing from an excerpt may simply not be in it.
//!
//! **Kind**, from the evidence in this order (`data/document_kinds.tsv`, first match wins):
//! 1. the title (the title meta found, and the first short lines before the first
//!    heading): `政府工作报告`, `解读`, a meeting in the news (`召开`, `推进会`) are other;
//!    `…法治政府建设情况报告`, `…依法行政工作总结` are reports; `实施方案`, `工作要点`, a
//!    rule or notice are other;
//! 2. the headings: two or more mandated parts named by headings' own words, one of them
//!    the shortcomings or the 第一责任人 part (`二、存在的不足和原因`, `三、2023年工作
//!    计划`), make a report (one pasted without its title, `（一）2022年法治政府建设主要
//!    举措和成效` …); a work review and a plan alone make any annual work report;
//! 3. the text: a reporter's byline or `会议强调` make news, `各位代表` a government work
//!    report; `现将…报告如下`, `特此报告`, and in the end any text about 法治政府 or
//!    依法行政 work, a report.
//!
//! **Completeness.** A text is incomplete when the clean stage removed an excerpt note
//! (reason `excerpt_note`, rules in `data/boilerplate.tsv`), when it ends right after a
//! heading, or when it ends mid-sentence: its last words, once what follows the text is
//! set aside (lines with no sentence punctuation: the issuer's name, a date, `20xx年x月x日`,
//! a closing formula, a contact line; in a one-line paste the issuer and date after the
//! last stop), end with no sentence stop (`…，全年共收到行政复议申请`) or with an ellipsis
//! (`二是加强……`). A table row at the end is not judged.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::clean::Cleaned;
use crate::framework::parts_of_title;
use crate::knowledge;
use crate::markers::parse_marker;
use crate::meta::MetaFound;
use crate::outline::Outline;
use crate::report::{DocKind, Part};
use crate::view::View;

/// The reason the clean stage gives an excerpt note.
pub const EXCERPT_NOTE: &str = "excerpt_note";

/// The reason the clean stage gives a newspaper's jump line (`（下转第四版）`).
pub const CONTINUATION: &str = "continuation";

/// Why a text is taken as incomplete, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Incomplete {
    /// Short Chinese statements (`摘录说明“仅展示前628字”`).
    pub evidence: Vec<String>,
    /// Original byte range of the first piece of evidence.
    pub at: Range<usize>,
}

/// What the document is.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Report or other.
    pub kind: DocKind,
    /// Short Chinese statements of why.
    pub kind_evidence: Vec<String>,
    /// Set when the text is an excerpt or cut off.
    pub incomplete: Option<Incomplete>,
}

/// At most `n` characters of `s`, with `…` when cut.
fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// Reads what kind of document the cleaned text is and whether it is complete.
/// `original` is the user's text, `norm` its normalized view.
pub fn read_document(
    original: &str,
    norm: &View,
    cleaned: &Cleaned,
    meta: &MetaFound,
    outline: &Outline,
    year: Option<i32>,
) -> Document {
    let vt = cleaned.view.text();
    let (kind, kind_evidence) = kind_of(vt, meta, outline, year);
    let mut evidence = Vec::new();
    let mut at: Option<Range<usize>> = None;
    // At most three notes are quoted (a page may repeat one on every screen).
    // A jump line counts when the text stops there: no sentence ends after it (the last
    // full stop found once, not searched for after every note).
    let last_stop = original.rfind('。');
    let stops_at = |r: &Range<usize>| {
        let end = norm.to_original(r.clone()).end;
        last_stop.is_none_or(|p| p < end)
    };
    for r in cleaned
        .removed
        .iter()
        .filter(|r| r.reason == EXCERPT_NOTE || (r.reason == CONTINUATION && stops_at(&r.range)))
        .take(3)
    {
        let o = norm.to_original(r.range.clone());
        let note = original[o.clone()].trim();
        evidence.push(format!("摘录说明“{}”", clip(note, 30)));
        at.get_or_insert(o);
    }
    if let Some((what, r)) = cut_off(vt, outline) {
        let o = cleaned.view.to_original(r.clone());
        let cut = if r.start == 0 || vt[..r.start].ends_with('\n') {
            ""
        } else {
            "…"
        };
        evidence.push(format!("{what}“{cut}{}”", clip(vt[r].trim(), 20)));
        at.get_or_insert(o);
    }
    Document {
        kind,
        kind_evidence,
        incomplete: at.map(|at| Incomplete { evidence, at }),
    }
}

/// The title lines: the title meta found, then the first three non-empty lines before the
/// first heading that are short enough to be one (the start of a one-line paste up to its
/// first stop).
fn title_lines<'a>(vt: &'a str, meta: &'a MetaFound, outline: &Outline) -> Vec<&'a str> {
    let head_end = outline
        .headings
        .first()
        .map_or(vt.len(), |h| h.marker.start);
    let mut out: Vec<&str> = meta.title.iter().map(|t| t.text.as_str()).collect();
    for line in vt[..head_end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
    {
        let line = match line.find(['。', '：']) {
            Some(i) => &line[..i],
            None => line,
        };
        let cut = line.char_indices().nth(60).map_or(line.len(), |(i, _)| i);
        out.push(&line[..cut]);
    }
    out
}

/// The kind and its evidence.
fn kind_of(
    vt: &str,
    meta: &MetaFound,
    outline: &Outline,
    year: Option<i32>,
) -> (DocKind, Vec<String>) {
    let titles = title_lines(vt, meta, outline);
    let rules = knowledge::document_kinds();
    for rule in rules.iter().filter(|r| r.in_title) {
        // Most rules match no title: only the rule that matches builds its regex.
        if let Some(m) = titles.iter().find_map(|t| rule.pattern.find_if_any(t)) {
            let evidence = format!("标题含“{}”（{}）", clip(m.as_str(), 20), rule.label);
            return (rule.kind, vec![evidence]);
        }
    }
    // The headings: parts named by their own words.
    let mut named: Vec<Part> = Vec::new();
    for (i, h) in outline.headings.iter().enumerate() {
        let top = outline.parents[i].is_none();
        for p in parts_of_title(&vt[h.title.clone()], year, top) {
            if p != Part::Other && !named.contains(&p) {
                named.push(p);
            }
        }
    }
    let specific = named
        .iter()
        .any(|p| matches!(p, Part::Shortcomings | Part::ResponsiblePerson));
    if named.len() >= 2 && specific {
        named.sort();
        let names: Vec<&str> = named.iter().map(|p| p.name_zh()).collect();
        return (
            DocKind::Report,
            vec![format!("标题写明年度报告应有部分：{}", names.join("、"))],
        );
    }
    for rule in rules.iter().filter(|r| !r.in_title) {
        if let Some(m) = rule.pattern.find_if_any(vt) {
            let evidence = format!("正文含“{}”（{}）", clip(m.as_str(), 20), rule.label);
            return (rule.kind, vec![evidence]);
        }
    }
    (
        DocKind::Other,
        vec!["未见法治政府建设年度报告的标题、应有部分或用语".to_string()],
    )
}

/// A date at the end of a signature (`2020年1月15日`, `二〇二〇年一月十日`, `20xx年x月x日`,
/// `201*年*月*日`).
fn date_at_end() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"[0-9〇○零一二三四五六七八九十xX×*_]{2,4}\s*年\s*[0-9〇○零一二三四五六七八九十xX×*_]{0,3}\s*月\s*[0-9〇○零一二三四五六七八九十xX×*_]{0,3}\s*日?\s*$",
        )
        .expect("date pattern is valid")
    })
}

/// The punctuation of prose: a line without any is not a cut-off sentence.
fn is_prose_stop(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？')
}

/// Characters a complete text may end with.
fn ends_complete(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '”'
            | '’'
            | ')'
            | '）'
            | '》'
            | '】'
            | '」'
            | '』'
            | '>'
            | ']'
    )
}

/// Where the text is cut off, if it is: the view range of its last words and what they
/// show. The signature block (issuer, date, short closing lines) is set aside first.
fn cut_off(vt: &str, outline: &Outline) -> Option<(&'static str, Range<usize>)> {
    let mut end = vt.trim_end().len();
    if end == 0 {
        return None;
    }
    // Ends right after a heading: the section has no body.
    if let Some(h) = outline.headings.last() {
        if vt[h.title.end..end]
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
            <= 1
        {
            return Some(("正文止于标题", h.marker.start..h.title.end));
        }
    }
    for _ in 0..8 {
        let tail = &vt[..end];
        if tail.ends_with(['…', '⋯']) {
            break;
        }
        let line_start = tail.rfind('\n').map_or(0, |i| i + 1);
        let line = tail[line_start..].trim();
        // A whole line with no sentence punctuation after the text: the signature, a date,
        // a closing formula, a contact line, what a page leaves below an article.
        if line_start > 0 && !line.contains(is_prose_stop) && parse_marker(line).is_none() {
            end = vt[..line_start].trim_end().len();
            continue;
        }
        // What follows the line's last sentence stop: a signature glued to the text in a
        // one-line paste (`…新台阶。椒江区人民政府2020年1月15日`).
        let line = &tail[line_start..];
        let piece_start = line_start
            + line.rfind(['。', '！', '？', '；']).map_or(0, |i| {
                i + line[i..].chars().next().map_or(0, char::len_utf8)
            });
        let rest = &tail[piece_start..];
        let piece_off = piece_start + (rest.len() - rest.trim_start().len());
        let piece = rest.trim();
        if piece.is_empty() {
            break;
        }
        if let Some(m) = date_at_end().find(piece) {
            end = vt[..piece_off + m.start()].trim_end().len();
            continue;
        }
        let short = piece.chars().count() <= 40
            && !piece.contains(['，', '、', '：', '；', '\t', '|'])
            && parse_marker(piece).is_none();
        if short && knowledge::name_endings().any(|o| piece.ends_with(o)) {
            end = vt[..piece_start].trim_end().len();
            continue;
        }
        break;
    }
    let tail = &vt[..end];
    let last_line = &tail[tail.rfind('\n').map_or(0, |i| i + 1)..];
    // A table row is not judged.
    if last_line.contains(['\t', '|']) {
        return None;
    }
    let last = tail.chars().next_back()?;
    if ends_complete(last) && !tail.ends_with(['…', '⋯']) {
        return None;
    }
    let from = tail
        .char_indices()
        .rev()
        .nth(19)
        .map_or(0, |(i, _)| i)
        .max(tail.len() - last_line.len());
    Some(if tail.ends_with(['…', '⋯']) {
        ("正文止于省略号", from..end)
    } else {
        ("正文止于句中", from..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn read(text: &str) -> Document {
        let norm = normalize(text);
        let cleaned = crate::clean::clean(&norm);
        let meta = crate::meta::read_meta(text, &norm, &cleaned);
        let outline = Outline::find(cleaned.view.text());
        read_document(text, &norm, &cleaned, &meta, &outline, meta.year)
    }

    const REPORT: &str = "某县2021年度法治政府建设情况报告\n市人民政府：\n现将有关情况报告如下：\n一、主要举措和成效\n全年受理行政复议申请16件。\n二、存在的不足和原因\n执法力量不足。\n三、2022年工作安排\n加强培训。\n某县人民政府\n2022年1月20日\n";

    #[test]
    fn a_report_by_its_title() {
        let d = read(REPORT);
        assert_eq!(d.kind, DocKind::Report);
        assert!(d.kind_evidence[0].contains("报告"), "{:?}", d.kind_evidence);
        assert_eq!(d.incomplete, None, "the signature block is not a cut");
    }

    #[test]
    fn other_documents_by_their_titles() {
        for (text, word) in [
            ("2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n经济运行稳中向好。\n二、2024年工作安排\n着力扩大内需。\n", "政府工作报告"),
            ("关于某县2023年度法治政府建设情况报告的政策解读\n一、起草背景\n内容。\n", "解读"),
            ("某市法治政府建设实施方案（2021—2025年）\n一、总体要求\n内容。\n", "实施方案"),
            ("我市召开法治政府建设工作推进会\n7月11日，会议在市行政中心召开。\n", "召开"),
        ] {
            let d = read(text);
            assert_eq!(d.kind, DocKind::Other, "{text}");
            assert!(d.kind_evidence[0].contains(word), "{:?}", d.kind_evidence);
        }
    }

    #[test]
    fn a_report_without_its_title_by_its_part_headings() {
        let text = "（一）2022年法治政府建设主要举措和成效\n1．完善制度。制发文件3件。\n（二）存在的问题和不足\n一是执法人员老龄化。\n（三）2023年工作计划\n一是推进立法。\n";
        let d = read(text);
        assert_eq!(d.kind, DocKind::Report);
        assert!(
            d.kind_evidence[0].contains("应有部分"),
            "{:?}",
            d.kind_evidence
        );
    }

    #[test]
    fn cut_off_mid_sentence_or_after_an_ellipsis() {
        let d = read(&REPORT.replace(
            "加强培训。\n某县人民政府\n2022年1月20日\n",
            "一是加强培训；二是全年共收到",
        ));
        let inc = d.incomplete.expect("cut off");
        assert!(
            inc.evidence[0].starts_with("正文止于句中"),
            "{:?}",
            inc.evidence
        );
        let d = read(&REPORT.replace("加强培训。\n某县人民政府\n2022年1月20日\n", "一是加强……"));
        assert!(d.incomplete.expect("cut").evidence[0].starts_with("正文止于省略号"));
    }

    #[test]
    fn an_excerpt_note_is_evidence() {
        let text = format!("……(开头部分已省略650字)\n{REPORT}");
        let inc = read(&text).incomplete.expect("an excerpt");
        assert!(
            inc.evidence[0].contains("开头部分已省略"),
            "{:?}",
            inc.evidence
        );
        assert_eq!(&text[inc.at.clone()].trim(), &"……(开头部分已省略650字)");
    }

    #[test]
    fn a_jump_line_counts_only_where_the_text_stops() {
        let cut = REPORT.replace(
            "加强培训。\n某县人民政府\n2022年1月20日\n",
            "加强培训。（下转第四版）\n",
        );
        let inc = read(&cut)
            .incomplete
            .expect("the text stops at the jump line");
        assert!(inc.evidence[0].contains("下转第四版"), "{:?}", inc.evidence);
        let resumed = REPORT.replace("执法力量不足。", "执法力量不足。（下转第四版）");
        assert_eq!(read(&resumed).incomplete, None);
    }

    #[test]
    fn a_one_line_paste_with_its_signature_glued_on_is_complete() {
        let text = REPORT.replace('\n', "");
        assert_eq!(read(&text).incomplete, None);
    }
}

//! Stage 2 — clean: find what is not report text and build the analysis view without it.
//!
//! Pasted reports carry the page they were copied from: breadcrumbs (`首页 > 政务信息`),
//! publication info (`来源:连云港高新区管委会`, `发布时间:2018-01-22`), font and print
//! controls one word a line (`下载 打印 全屏 收藏 【字号： 加大 还原 减小 】`), footers
//! (`ICP备…`), links to other articles (`推荐访问:`), template-site blurbs
//! (`下面是小编为大家整理的…，供大家参考`), the title repeated on the next line. Text
//! copied from a PDF carries page numbers (`— 3 —`, `第3页 共9页`), a running header on
//! every page, and hard line breaks every 30–40 characters.
//!
//! The line rules are data (`data/boilerplate.tsv`). Each match becomes a [`crate::Removed`]
//! span with a reason; nothing is deleted from the user's text. The analysis view that
//! the next stages read leaves removed lines out and joins hard-wrapped lines, so that a
//! heading or a number split by a PDF line break is whole again. A line that starts with a
//! heading marker always starts a new line in the view.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::{Regex, RegexSet};

use crate::knowledge::{self, BoilerplateRule};
use crate::markers::starts_with_marker;
use crate::normalize::is_han;
use crate::text::line_ranges;
use crate::view::View;

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
    /// What was excluded, in normalized-view byte ranges.
    pub removed: Vec<RemovedRange>,
}

/// The rules of `data/boilerplate.tsv` in file order, with their patterns as sets: one
/// pass over a line tests every rule (`all` for head and footer lines, `body` — the rules
/// not limited to the head — elsewhere, `body_rules` mapping its indices to rules).
struct Rules {
    rules: &'static [BoilerplateRule],
    all: RegexSet,
    body: RegexSet,
    body_rules: Vec<usize>,
}

impl Rules {
    /// The first rule, in file order, that removes line `t`.
    fn matching(&self, t: &str, edge: bool) -> Option<&BoilerplateRule> {
        if edge {
            self.all.matches(t).iter().next().map(|i| &self.rules[i])
        } else {
            let i = self.body.matches(t).iter().next()?;
            Some(&self.rules[self.body_rules[i]])
        }
    }
}

/// Lines within this many lines of the top are "the head" where site chrome stands.
const HEAD_LINES: usize = 40;
/// Lines within this many lines of the end are the page footer, where chrome stands too.
const TAIL_LINES: usize = 15;

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let all = knowledge::boilerplate_rules();
        let body_rules: Vec<usize> = (0..all.len()).filter(|&i| !all[i].head_only).collect();
        // Every pattern compiles (the data loader checks it), so the sets do too.
        let set =
            |p: Vec<&str>| RegexSet::new(p).unwrap_or_else(|e| panic!("boilerplate rules: {e}"));
        Rules {
            all: set(all.iter().map(|r| r.pattern).collect()),
            body: set(body_rules.iter().map(|&i| all[i].pattern).collect()),
            body_rules,
            rules: all,
        }
    })
}

fn trim_line(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '●' | '▪' | '◆' | '■'))
}

/// Display width, the way a PDF line is measured: CJK characters count 2, ASCII 1.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn is_page_number(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(-+\s*\d{1,4}\s*-+|第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,3}|[-—]?\s*[〇一二三四五六七八九十]{1,3}\s*[-—])$")
            .expect("page-number pattern is valid")
    })
    .is_match(t)
}

/// Finds boilerplate in the normalized view and builds the analysis view.
pub fn clean(norm: &View) -> Cleaned {
    let text = norm.text();
    let lines = line_ranges(text);
    let mut reason_of: Vec<Option<&'static str>> = vec![None; lines.len()];

    // Short lines repeated on three or more pages are running headers or footers.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in &lines {
        let t = trim_line(&text[r.clone()]);
        if !t.is_empty() && t.chars().count() <= 30 {
            *counts.entry(t).or_default() += 1;
        }
    }

    let mut first_lines: Vec<&str> = Vec::new();
    for (i, r) in lines.iter().enumerate() {
        let t = trim_line(&text[r.clone()]);
        if t.is_empty() {
            continue;
        }
        let head = i < HEAD_LINES;
        let edge = head || i + TAIL_LINES >= lines.len();
        let rule = rules().matching(t, edge);
        reason_of[i] = if let Some(rule) = rule {
            Some(rule.reason)
        } else if is_page_number(t) {
            Some("page_number")
        } else if head && t.chars().count() <= 60 && !ends_sentence(t) && first_lines.contains(&t) {
            Some("repeated_title")
        } else if counts.get(t).copied().unwrap_or(0) >= 3
            && !ends_sentence(t)
            && !starts_with_marker(t)
            && !t.ends_with('：')
        {
            Some("running_header")
        } else {
            None
        };
        if head && reason_of[i].is_none() {
            first_lines.push(t);
        }
    }
    // A short line repeated only twice is still a running header when every occurrence
    // stands next to a page number (`— 1 —` / `青禾区人民政府文件`).
    let beside_page_number = |i: usize| {
        let near = |j: usize| reason_of.get(j).copied().flatten() == Some("page_number");
        near(i + 1) || (i > 0 && near(i - 1))
    };
    let mut occurrences: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in lines.iter().enumerate() {
        let t = trim_line(&text[r.clone()]);
        if reason_of[i].is_none()
            && counts.get(t).copied().unwrap_or(0) == 2
            && !ends_sentence(t)
            && !starts_with_marker(t)
        {
            occurrences.entry(t).or_default().push(i);
        }
    }
    let headers: Vec<usize> = occurrences
        .values()
        .filter(|at| at.iter().all(|&i| beside_page_number(i)))
        .flatten()
        .copied()
        .collect();
    for i in headers {
        reason_of[i] = Some("running_header");
    }

    let wrap = wrap_width(text, &lines, &reason_of);
    let mut view = View::with_capacity(norm.orig_start(text.len()), text.len());
    let mut removed = Vec::new();
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| reason_of[i].is_none())
        .collect();
    for (k, &i) in kept.iter().enumerate() {
        let r = lines[i].clone();
        view.extend_from(norm, r.clone());
        let Some(&next) = kept.get(k + 1) else { break };
        let joined = wrap.is_some_and(|w| joins(&text[r.clone()], &text[lines[next].clone()], w));
        if !joined && r.end < text.len() {
            // The line break after this line: the original's own line end.
            view.push('\n', norm.orig_of_char_at(r.end));
        }
    }
    for (i, reason) in reason_of.iter().enumerate() {
        if let Some(reason) = reason {
            let r = &lines[i];
            let end = if r.end < text.len() { r.end + 1 } else { r.end };
            removed.push(RemovedRange {
                range: r.start..end,
                reason,
            });
        }
    }
    Cleaned { view, removed }
}

/// The wrap width of hard-wrapped text (copied from a PDF), if the text looks wrapped.
///
/// The width is the 90th percentile of the display widths of lines that do not end a
/// sentence (a PDF line is as wide as the page; digits and Latin letters make some
/// narrower). The text is wrapped when at least five such lines, and a quarter of all
/// lines, reach 85% of it; ordinary pasted text has long paragraph lines that end with 。
/// and short headings, so it never qualifies.
fn wrap_width(
    text: &str,
    lines: &[Range<usize>],
    reason_of: &[Option<&'static str>],
) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .iter()
        .zip(reason_of)
        .filter(|(_, r)| r.is_none())
        .map(|(l, _)| text[l.clone()].trim_end())
        .filter(|t| !t.is_empty() && !ends_sentence(t))
        .map(width)
        .filter(|&w| w >= 30)
        .collect();
    if widths.len() < 5 {
        return None;
    }
    widths.sort_unstable_by(|a, b| b.cmp(a));
    let wrap = widths[widths.len() / 10];
    let total = lines
        .iter()
        .filter(|l| !text[(*l).clone()].trim().is_empty())
        .count();
    let near = widths.iter().filter(|&&w| w * 100 >= wrap * 85).count();
    (near >= 5 && near * 4 >= total).then_some(wrap)
}

fn ends_sentence(t: &str) -> bool {
    t.ends_with(['。', '！', '？', '；', '：', '”', '…', '!', '?'])
}

/// Whether `line` was broken by the PDF's line width and continues on `next`: it fills at
/// least 85% of the wrap width (lines dense with digits and Latin letters are narrower
/// than CJK ones), does not end a sentence, and `next` does not start a heading.
fn joins(line: &str, next: &str, wrap: usize) -> bool {
    let line = line.trim_end();
    let next = next.trim_start();
    !line.is_empty()
        && !next.is_empty()
        && width(line) * 100 >= wrap * 85
        && !ends_sentence(line)
        && !starts_with_marker(next)
        && next.chars().next().is_some_and(|c| {
            is_han(c) || c.is_ascii_alphanumeric() || "，。、；：%）)”》".contains(c)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::normalize::normalize;

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
}

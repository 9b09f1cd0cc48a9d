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
    lines
        .iter()
        .map(|r| {
            let (mut w, mut trimmed) = (0usize, 0usize);
            for (i, c) in text[r.clone()].char_indices() {
                // An ASCII character of the view that stands for more than one original
                // byte was full-width (a lookup only for these few).
                let wide = !c.is_ascii() || norm.orig_of_char_at(r.start + i).len() > 1;
                w += if wide { 2 } else { 1 };
                if !c.is_whitespace() {
                    trimmed = w;
                }
            }
            trimmed
        })
        .collect()
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

    let widths = line_widths(norm, &lines);
    let wrap = wrap_width(text, &lines, &widths, &reason_of);
    let mut view = View::with_capacity(norm.orig_start(text.len()), text.len());
    let mut removed = Vec::new();
    let kept: Vec<usize> = (0..lines.len())
        .filter(|&i| reason_of[i].is_none())
        .collect();
    for (k, &i) in kept.iter().enumerate() {
        let r = lines[i].clone();
        view.extend_from(norm, r.clone());
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

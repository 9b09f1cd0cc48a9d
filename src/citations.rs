//! Citations: cited titles (`《…》`, with `〈〉`/`<>` nested inside) and document numbers
//! (文号), each with its span.
//!
//! Document numbers are written many ways: `国办发〔2018〕37号`, `旅政发〔2009〕65 号` (a
//! stray space), `[2018]37号`, `(2018)37号`, `省政府令第169号`. They are normalized to
//! `〔〕` brackets without spaces. A number in brackets right after a title
//! (`《…意见》(旅政发〔2009〕65 号)`) belongs to that title.
//!
//! Reports cite a document in full once and then by a short form: one defined in brackets
//! (`《法治政府建设实施纲要（2015－2020年）》（以下简称《纲要》）`), or the last words of
//! the title alone (`《国务院关于加强法治政府建设的意见》` … `对照《意见》的要求`), even
//! without the title marks after a word that points back (`制定了《肥西县2011年依法行政
//! 工作要点》` … `按照工作要点的安排`; the types that stand bare are `short_form` in
//! `data/words.tsv`). Each short form, and each repeat of a full title or document number,
//! points back to the first full citation of its document ([`Cited::refers_to`]): the
//! report lists distinct documents with their mentions, and counts only documents.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::knowledge::{self, Role};
use crate::text::{CharSet, Scan};

/// A citation in the analysis view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The title inside 《》.
    pub title: Option<Range<usize>>,
    /// Normalized document number.
    pub doc_number: Option<String>,
    /// Kind from the title.
    pub kind: Option<&'static str>,
    /// The whole citation (title with brackets, and its number).
    pub span: Range<usize>,
    /// The full citation (its index in the list) that this short form or repeat points
    /// back to.
    pub refers_to: Option<usize>,
}

fn doc_number_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?P<org>\p{Han}{1,12}?)?\s*[〔\[【(]\s*(?P<year>(?:19|20)[0-9]{2})\s*[〕\]】)]\s*(?P<no>[0-9]{1,4})\s*号|(?P<org2>\p{Han}{0,10}?(?:政府|国务院|主席|部|委|局|厅)令)\s*第?\s*(?P<no2>[0-9]{1,4})\s*号",
        )
        .expect("document number pattern is valid")
    })
}

/// The matches of [`doc_number_regex`] in `text`, as one pass of `captures_iter` finds
/// them, with the regex run only around its candidates. Every document number holds an
/// opening bracket (`〔`, `[`, `【`, `(`) or `令`; before it stand at most a run of spaces
/// and 13 characters (the issuer: 12 Han characters, or 10 and `国务院`), after it only
/// spaces, digits, `第`, closing brackets and `号`. The regex looks at nothing around its
/// match, so it finds on that stretch what a pass over the whole text finds there (a pass
/// over the whole text runs its automaton over every character of the report).
///
/// `opens` are where the characters of [`NUMBER_OPENS`] stand, ascending.
fn doc_numbers(text: &str, opens: Vec<usize>) -> Vec<regex::Captures<'_>> {
    let inside = |c: char| {
        c.is_whitespace()
            || c.is_ascii_digit()
            || matches!(c, '第' | '号' | '〕' | ']' | '】' | ')')
    };
    let mut out = Vec::new();
    // Where one pass would resume (every match before it found), and where to look for
    // the next candidate. A `令` without a match may still stand in the issuer of the next
    // number (`国务院令〔…〕`): the next window may reach back over it, never past `resume`.
    let (mut resume, mut scan) = (0, 0);
    for c in opens {
        if c < scan {
            continue;
        }
        let before = text[resume..c].trim_end_matches(char::is_whitespace);
        let start = before
            .char_indices()
            .rev()
            .nth(12)
            .map_or(resume, |(i, _)| resume + i);
        let open_end = c + text[c..].chars().next().map_or(0, char::len_utf8);
        let end = text[open_end..]
            .find(|ch: char| !inside(ch))
            .map_or(text.len(), |i| open_end + i);
        scan = open_end;
        // Every document number ends with `号`: a stretch without one is not searched
        // (and a text without any never compiles the regex).
        if !text[start..end].contains('号') {
            continue;
        }
        if let Some(caps) = doc_number_regex().captures_at(&text[..end], start) {
            resume = caps.get(0).map_or(resume, |m| m.end());
            scan = scan.max(resume);
            out.push(caps);
        }
    }
    out
}

/// The kind of document a title names (法律, 条例, 规范性文件 …).
pub fn kind_of(title: &str) -> Option<&'static str> {
    // `…实施方案(2016-2020年)`: the period in brackets does not change the kind.
    let title = match title.rfind(['(', '（']) {
        Some(i) if i > 0 && title.ends_with([')', '）']) => &title[..i],
        _ => title,
    };
    knowledge::citation_kinds().kind_of(title)
}

/// Where the issuer code of a document number really starts within the Han run matched
/// before its bracket: after the last lead word.
pub fn org_start(org: &str) -> usize {
    knowledge::words(Role::CitationLead)
        .iter()
        .filter_map(|w| org.rfind(w).map(|i| i + w.len()))
        .max()
        .unwrap_or(0)
}

/// The characters a document number's window is opened at (`〔2023〕5号`, `令第12号`).
static NUMBER_OPENS: CharSet = CharSet::of_bmp(&['〔', '[', '【', '(', '令']);

/// The characters citations are found at: the brackets of titles, the line ends and where
/// document numbers may stand.
pub static SCANNED: LazyLock<CharSet> =
    LazyLock::new(|| CharSet::of_bmp(&['《', '》', '\n']).union(&NUMBER_OPENS));

/// Finds the citations of `text`.
pub fn find_citations(text: &str) -> Vec<Cited> {
    find_citations_in(&Scan::new(text, &SCANNED))
}

/// Finds the citations of the text of `scan` (a scan of a set holding [`SCANNED`]).
pub fn find_citations_in(scan: &Scan<'_>) -> Vec<Cited> {
    let text = scan.text();
    let mut out: Vec<Cited> = Vec::new();
    // 《…》 with nesting.
    let mut stack: Vec<usize> = Vec::new();
    let mut number_opens = Vec::new();
    for (i, c) in scan.matches(&SCANNED) {
        if NUMBER_OPENS.contains(c) {
            number_opens.push(i);
            continue;
        }
        match c {
            '《' => stack.push(i),
            '》' => {
                if let Some(open) = stack.pop() {
                    if stack.is_empty() {
                        let inner = open + '《'.len_utf8()..i;
                        if !text[inner.clone()].trim().is_empty()
                            && !text[inner.clone()].contains('\n')
                        {
                            let kind = kind_of(text[inner.clone()].trim());
                            out.push(Cited {
                                title: Some(inner),
                                doc_number: None,
                                kind,
                                span: open..i + c.len_utf8(),
                                refers_to: None,
                            });
                        }
                    }
                }
            }
            '\n' => stack.clear(),
            _ => {}
        }
    }
    let titles = out.len();
    for caps in doc_numbers(text, number_opens) {
        let m = caps.get(0).expect("group 0 always matches");
        let org = caps.name("org").or(caps.name("org2"));
        let skip = org.map_or(0, |o| org_start(o.as_str()));
        let org_text = org.map_or("", |o| &o.as_str()[skip..]);
        let normalized = if let Some(no) = caps.name("no") {
            format!("{org_text}〔{}〕{}号", &caps["year"], no.as_str())
        } else {
            format!("{org_text}第{}号", &caps["no2"])
        };
        let mut span = m.start() + skip..m.end();
        // Leading spaces are never part of the citation.
        span.start += text[span.clone()].len() - text[span.clone()].trim_start().len();
        // The titles (found in order, disjoint) around the number: the last one ending
        // before it and the first one ending after its start (binary searches: a text with
        // thousands of citations stays linear).
        let before = out[..titles].partition_point(|c| c.span.end <= span.start);
        // A number in brackets right after a title belongs to the title.
        if let Some(c) = before.checked_sub(1).map(|i| &mut out[i]).filter(|c| {
            c.doc_number.is_none() && {
                let gap = &text[c.span.end..span.start];
                gap.chars().count() <= 2
                    && gap.chars().all(|ch| matches!(ch, '(' | ' ' | '（' | '，'))
            }
        }) {
            c.doc_number = Some(normalized);
            let close = text[span.end..]
                .chars()
                .next()
                .filter(|&ch| ch == ')' || ch == '）');
            c.span.end = span.end + close.map_or(0, char::len_utf8);
            continue;
        }
        // Numbers inside a title are part of that title.
        if out[..titles]
            .get(before)
            .is_some_and(|c| c.span.start <= span.start && span.end <= c.span.end)
        {
            continue;
        }
        out.push(Cited {
            title: None,
            doc_number: Some(normalized),
            kind: None,
            span,
            refers_to: None,
        });
    }
    out.sort_by_key(|c| c.span.start);
    let bare = bare_short_forms(text, &out);
    if !bare.is_empty() {
        out.extend(bare);
        out.sort_by_key(|c| c.span.start);
    }
    link_back(text, &mut out);
    // A bare short form is a citation only when it points back to one.
    let keep: Vec<bool> = out
        .iter()
        .map(|c| c.refers_to.is_some() || !is_bare(text, c))
        .collect();
    if keep.iter().all(|&k| k) {
        return out;
    }
    let mut new_index = vec![None; out.len()];
    let mut n = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = Some(n);
            n += 1;
        }
    }
    out.into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(mut c, _)| {
            c.refers_to = c.refers_to.and_then(|j| new_index[j]);
            c
        })
        .collect()
}

/// A citation found as a bare short form (`工作要点`, no title marks).
fn is_bare(text: &str, c: &Cited) -> bool {
    c.title.as_ref() == Some(&c.span) && !text[c.span.clone()].starts_with('《')
}

/// The title without a trailing period in brackets (`法治政府建设实施纲要（2015－2020年）`
/// → `法治政府建设实施纲要`).
fn core_title(title: &str) -> &str {
    match title.rfind(['(', '（']) {
        Some(i) if i > 0 && title.ends_with([')', '）']) => title[..i].trim_end(),
        _ => title,
    }
}

/// Bare short forms outside title marks after a word pointing back (`按照工作要点的安排`,
/// `对照实施意见的要求`) or after punctuation; candidates only, kept by [`link_back`] when
/// a full citation before them ends with the same words.
fn bare_short_forms(text: &str, cited: &[Cited]) -> Vec<Cited> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let mut words: Vec<&str> = knowledge::words(Role::ShortForm).to_vec();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        Regex::new(&words.join("|")).unwrap_or_else(|e| panic!("short forms: {e}"))
    });
    if cited.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut next = 0;
    for m in re.find_iter(text) {
        // Skip what lies inside a citation (citations are sorted by start).
        while next < cited.len() && cited[next].span.end <= m.start() {
            next += 1;
        }
        if cited
            .get(next)
            .is_some_and(|c| c.span.start <= m.start() && m.start() < c.span.end)
        {
            continue;
        }
        let before = &text[..m.start()];
        let points_back = match before.chars().next_back() {
            None => true,
            Some(c) if !crate::normalize::is_han(c) => true,
            Some(_) => knowledge::words(Role::BackLead)
                .iter()
                .any(|w| before.ends_with(w)),
        };
        if points_back {
            out.push(Cited {
                title: Some(m.range()),
                doc_number: None,
                kind: None,
                span: m.range(),
                refers_to: None,
            });
        }
    }
    out
}

/// Longest short form looked up: a short form is a few words (`纲要`, `实施意见`).
const SHORT_FORM_CHARS: usize = 24;

/// A short form's definition in brackets right after a citation: `（以下简称《纲要》）`,
/// `（以下简称“纲要”）`.
fn defined_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*[（(]\s*(?:以下|下文)?(?:统)?简称\s*(?:《|[“\x22「]([^”\x22」《》\n]{1,20})[”\x22」])?")
            .expect("short-form definition pattern is valid")
    })
}

/// Whether `t` opens as [`defined_re`] needs: a bracket, then `以下`, `下文`, `统` or
/// `简称`. Most citations are followed by none, and the regex is then neither compiled
/// nor run.
fn may_define(t: &str) -> bool {
    let Some(inner) = t.trim_start().strip_prefix(['（', '(']) else {
        return false;
    };
    let inner = inner.trim_start();
    ["以下", "下文", "统", "简称"]
        .iter()
        .any(|w| inner.starts_with(w))
}

/// Points each short form and repeat back to the first full citation of its document:
/// a short form defined in brackets right after a citation (`（以下简称《纲要》）`,
/// `（以下简称“纲要”）`), the last words of a title cited before (the latest such title),
/// an exact repeat of a title or of a document number.
fn link_back(text: &str, cited: &mut [Cited]) {
    let mut aliases: HashMap<String, usize> = HashMap::new();
    let mut by_suffix: HashMap<&str, usize> = HashMap::new();
    let mut by_title: HashMap<&str, usize> = HashMap::new();
    let mut by_number: HashMap<String, usize> = HashMap::new();
    let root = |cited: &[Cited], i: usize| cited[i].refers_to.unwrap_or(i);
    for i in 0..cited.len() {
        let title = cited[i].title.clone().map(|r| text[r].trim());
        // Defined right after the previous citation: `《…》（以下简称《纲要》）`.
        let defined_here = i > 0 && cited[i - 1].span.end <= cited[i].span.start && {
            let gap = &text[cited[i - 1].span.end..cited[i].span.start];
            may_define(gap) && defined_re().find(gap).is_some_and(|m| m.end() == gap.len())
        };
        let target = if defined_here {
            let t = root(cited, i - 1);
            if let Some(title) = title {
                aliases.insert(title.to_string(), t);
            }
            Some(t)
        } else {
            title
                .and_then(|t| {
                    aliases
                        .get(t)
                        .or_else(|| by_title.get(t))
                        .or_else(|| by_suffix.get(t))
                        .copied()
                })
                .or_else(|| {
                    cited[i]
                        .doc_number
                        .as_ref()
                        .and_then(|n| by_number.get(n).copied())
                })
        };
        if let Some(t) = target.filter(|&t| t != i) {
            cited[i].refers_to = Some(t);
            cited[i].kind = cited[t].kind.or(cited[i].kind);
            continue;
        }
        if is_bare(text, &cited[i]) {
            continue;
        }
        // A full citation: its title, the last words of its title, its number.
        if let Some(t) = title {
            by_title.entry(t).or_insert(i);
            let core = core_title(t);
            for (at, _) in core.char_indices().rev().take(SHORT_FORM_CHARS) {
                if at > 0 {
                    by_suffix.insert(&core[at..], i);
                }
            }
            // A short form defined in quotes (`（以下简称“纲要”）`).
            let rest = &text[cited[i].span.end..];
            if let Some(c) = may_define(rest)
                .then(|| defined_re().captures(rest))
                .flatten()
            {
                if let Some(q) = c.get(1) {
                    aliases.insert(q.as_str().to_string(), i);
                }
            }
        }
        if let Some(n) = &cited[i].doc_number {
            by_number.entry(n.clone()).or_insert(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`doc_numbers`] and [`link_back`] ask of a stretch before they compile and run
    /// a pattern holds for every match of the pattern.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_guarded_pattern_matches_only_what_its_test_lets_through() {
        use crate::matcher::assert_guard_lets_through_every_match as check;
        let doc_number = doc_number_regex();
        check(
            doc_number.as_str(),
            |t| doc_number.is_match(t),
            |t| t.contains('号'),
        );
        check(
            defined_re().as_str(),
            |t| defined_re().is_match(t),
            may_define,
        );
        assert!(!may_define("，以下简称") && !may_define("（国发〔2015〕1号）"));
    }

    #[test]
    fn titles_numbers_and_their_pairing() {
        let text = "制订了《XX区人民政府关于贯彻落实<国务院关于加强市县政府依法行政的决定>的实施意见》(旅政发〔2009〕65 号)。执行《河南省行政规范性文件管理办法》(省政府令第169号)，调整(旅政办发[2010]44号)。";
        let c = find_citations(text);
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[0].doc_number.as_deref(), Some("旅政发〔2009〕65号"));
        assert_eq!(c[0].kind, Some("本地文件"));
        assert!(text[c[0].span.clone()].ends_with("65 号)"));
        assert_eq!(c[1].doc_number.as_deref(), Some("省政府令第169号"));
        assert_eq!(c[1].kind, Some("规章或规范性文件"));
        assert_eq!(c[2].doc_number.as_deref(), Some("旅政办发〔2010〕44号"));
        assert_eq!(&text[c[2].span.clone()], "旅政办发[2010]44号");
    }

    #[test]
    fn short_forms_point_back_to_the_full_citation() {
        let text = "贯彻《法治政府建设实施纲要（2015－2020年）》（以下简称《纲要》）和《国务院关于加强法治政府建设的意见》，制定了《某县2011年依法行政工作要点》。对照《纲要》，落实《意见》，按照工作要点的安排，制定年度法治政府建设工作要点，本工作要点，再学《纲要》。";
        let c = find_citations(text);
        let titles: Vec<(&str, Option<usize>)> = c
            .iter()
            .map(|c| (&text[c.title.clone().unwrap()], c.refers_to))
            .collect();
        assert_eq!(
            titles,
            vec![
                ("法治政府建设实施纲要（2015－2020年）", None),
                ("纲要", Some(0)),
                ("国务院关于加强法治政府建设的意见", None),
                ("某县2011年依法行政工作要点", None),
                ("纲要", Some(0)),
                ("意见", Some(2)),
                ("工作要点", Some(3)),
                ("纲要", Some(0)),
            ]
        );
        assert_eq!(c[5].kind, c[2].kind, "a short form has its document's kind");
    }

    #[test]
    fn a_quoted_definition_and_repeats_point_back() {
        let text = "《中华人民共和国行政处罚法》（以下简称“处罚法”）施行后，《处罚法》《行政处罚法》与《中华人民共和国行政处罚法》，依据国办发〔2018〕37号和国办发〔2018〕37号。";
        let c = find_citations(text);
        let refers: Vec<Option<usize>> = c.iter().map(|c| c.refers_to).collect();
        assert_eq!(refers, vec![None, Some(0), Some(0), Some(0), None, Some(4)]);
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of("中华人民共和国行政复议法"), Some("法律"));
        assert_eq!(kind_of("信访工作条例"), Some("条例"));
        assert_eq!(
            kind_of("法治政府建设实施纲要(2015-2020年)"),
            Some("规划纲要")
        );
    }
}

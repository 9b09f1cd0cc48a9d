//! Citations: cited titles (`《…》`, with `〈〉`/`<>` nested inside) and document numbers
//! (文号), each with its span.
//!
//! Document numbers are written many ways: `国办发〔2018〕37号`, `旅政发〔2009〕65 号` (a
//! stray space), `[2018]37号`, `(2018)37号`, `省政府令第169号`. They are normalized to
//! `〔〕` brackets without spaces. A number in brackets right after a title
//! (`《…意见》(旅政发〔2009〕65 号)`) belongs to that title.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::knowledge::{self, Role};

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
}

fn doc_number_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?P<org>\p{Han}{1,12}?)?\s*[〔\[【(]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]】)]\s*(?P<no>\d{1,4})\s*号|(?P<org2>\p{Han}{0,10}?(?:政府|国务院|主席|部|委|局|厅)令)\s*第?\s*(?P<no2>\d{1,4})\s*号",
        )
        .expect("document number pattern is valid")
    })
}

/// The kind of document a title names (法律, 条例, 规范性文件 …).
pub fn kind_of(title: &str) -> Option<&'static str> {
    // `…实施方案(2016-2020年)`: the period in brackets does not change the kind.
    let title = match title.rfind(['(', '（']) {
        Some(i) if i > 0 && title.ends_with([')', '）']) => &title[..i],
        _ => title,
    };
    knowledge::citation_kinds()
        .iter()
        .find(|(re, _)| re.is_match(title))
        .map(|(_, k)| *k)
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

/// Finds the citations of `text`.
pub fn find_citations(text: &str) -> Vec<Cited> {
    let mut out: Vec<Cited> = Vec::new();
    // 《…》 with nesting.
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
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
                            });
                        }
                    }
                }
            }
            '\n' => stack.clear(),
            _ => {}
        }
    }
    for caps in doc_number_regex().captures_iter(text) {
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
        // A number in brackets right after a title belongs to the title.
        if let Some(c) = out.iter_mut().find(|c| {
            c.title.is_some() && c.doc_number.is_none() && c.span.end <= span.start && {
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
        if out
            .iter()
            .any(|c| c.span.start <= span.start && span.end <= c.span.end)
        {
            continue;
        }
        out.push(Cited {
            title: None,
            doc_number: Some(normalized),
            kind: None,
            span,
        });
    }
    out.sort_by_key(|c| c.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn kinds() {
        assert_eq!(kind_of("中华人民共和国行政复议法"), Some("法律"));
        assert_eq!(kind_of("信访工作条例"), Some("条例"));
        assert_eq!(
            kind_of("法治政府建设实施纲要(2015-2020年)"),
            Some("规划纲要")
        );
    }
}

//! Stage 3 — meta: title, issuer, addressee, year, publication date, placeholders.
//!
//! The head and the foot of a report follow the parts of a document (《党政机关公文处理工作
//! 条例》, GB/T 9704-2012): a title `发文机关 + 事由 + 文种`, a salutation to the addressee, and
//! a signature of the issuing body above the date. Pages and pastes bend those parts, so each
//! field is read as a small grammar of the forms reports take, from every source that can
//! carry it, and the source that decided is kept ([`Source`]):
//!
//! - **title** — the first line of the head naming a report (`…情况的报告`, `…工作总结`,
//!   `…实施方案（20XX—20XX年）`, `…的政策解读`), joined with the line above when the title
//!   was wrapped (`宁波市鄞州区人民政府关于2016年度法治政府建设` / `工作情况的报告`;
//!   `天台县人民政府` / `关于2020年度…的报告`); in a report pasted as one line, the start
//!   of the line up to the addressee (`椒江区2019年度…工作报告市人民政府：2019年，…`); else
//!   the first short line. A speech's `——2012年12月25日在…会议上` line is a subtitle and its
//!   `衢州市人民政府副市长　王建平` line a speaker, never the title. Share prefixes, emoji and
//!   site names around a title are page clutter, removed by cleaning: the title's span
//!   covers the title proper (`📢重磅｜温岭市…的报告_温岭市人民政府门户网站`).
//! - **issuer** (发文机关) — the signature line above the date (`杭州市西湖区人民政府`);
//!   a label (`解读单位：仙居县司法局`); a speech's speaker line (`衢州市人民政府副市长`;
//!   `龙泉市市长` → 龙泉市人民政府); the title's `X关于…`, `X YYYY年…` or `YYYY年X…报告`
//!   when X is a body's name (`青田县公安局 关于2025年…` → 青田县公安局: never with 关于 or
//!   a space); the opening sentence naming the body of the title's place (`岳麓区2019年度…`
//!   and `2019年，长沙市岳麓区人民政府在…`) or `我代表X`; else a place named by the
//!   signature or the title (`连云港高新区2017年度…`). A template's `XX区人民政府` or
//!   `＊＊县公安局` is no issuer: null.
//! - **addressee** (主送) — a salutation to a body, `市人民政府：` on its own line (in a
//!   one-line paste, after the title); a salutation to persons (`主任、各位副主任…：`,
//!   `各位代表：`) is not an addressee.
//! - **year** the report is about — the title's (`2022年度法治政府建设情况报告`), else the
//!   opening sentence's (`2017年，…`), else the year most mentioned outside cited titles
//!   (`《…纲要（2021－2025年）》` says nothing of the report's year). A placeholder year
//!   (`20xx年度`, `201*年`) in the title or the opening leaves only the mentions: a template
//!   mentions none and its year is unknown.
//! - **published** — the closing date (落款) `2018年12月19日` / `二〇一八年十二月十九日`
//!   (also at the end of a one-line paste), else a speech's meeting date, else the page's
//!   date (`发布时间：2018-01-22`, a `| 成文日期 |` cell, a date line under the title) read from
//!   the page fields that cleaning removed; a garbled `20181219` is read as 2018-12-19, a
//!   mangled `201818` is reported as unreadable, never guessed; a blank template date
//!   (`20xx年x月x日`) is no date.
//! - **placeholders** left from a template, in every case and script: `XX区`, `xx镇`, `××`,
//!   `**`, `＊＊`, `＿＿`, `某某`, a year `20xx` / `201*`, a single mask before a measure word
//!   or a date unit (`x名`, `*件`, `＿月＿日`). The span is the mask with the digits fused to
//!   it (`20xx`, `201*`), never the unit after it (`**` of `**次`).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::clean::Cleaned;
use crate::knowledge::{self, Role};
use crate::markers::parse_marker;
use crate::matcher::Matcher;
use crate::normalize::is_han;
use crate::numerals::parse_integer;
use crate::report::Source;
use crate::text::{line_ranges, CharSet, Scan};
use crate::view::View;

/// A piece of text and the original byte range it was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Located {
    /// The text (as written, or normalized where the field says so).
    pub text: String,
    /// Original byte range.
    pub range: Range<usize>,
}

impl Located {
    fn new(text: impl Into<String>, range: Range<usize>) -> Self {
        Located {
            text: text.into(),
            range,
        }
    }
}

/// A template placeholder: the mask as written, its original range, and the mask with what
/// follows it (`**次`), for the check's message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlaceholderFound {
    /// The mask as written (`**`, `20xx`, `XX`).
    pub text: String,
    /// Original byte range of the mask.
    pub range: Range<usize>,
    /// The mask in its context as written (`**次`, `XX区`).
    pub context: String,
}

/// Metadata with original byte ranges and the source of each field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetaFound {
    /// Title text (as written, a wrapped title joined) and its original range.
    pub title: Option<Located>,
    /// Where the title was read.
    pub title_source: Option<Source>,
    /// Issuer, as written.
    pub issuer: Option<String>,
    /// Where the issuer was read.
    pub issuer_source: Option<Source>,
    /// Addressee, as written.
    pub addressee: Option<String>,
    /// Report year.
    pub year: Option<i32>,
    /// Where the year was read.
    pub year_source: Option<Source>,
    /// Publication date and its original range.
    pub published: Option<Located>,
    /// Where the publication date was read.
    pub published_source: Option<Source>,
    /// A date-like closing line that could not be read (`201818`), original range.
    pub unreadable_date: Option<Located>,
    /// Placeholders, in order.
    pub placeholders: Vec<PlaceholderFound>,
}

fn re(pattern: &str, cell: &'static OnceLock<Regex>) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("meta pattern: {e}")))
}

/// A pattern asked only whether it matches ([`Matcher`]: lighter to build than a regex).
fn matcher(pattern: &str, cell: &'static OnceLock<Matcher>) -> &'static Matcher {
    cell.get_or_init(|| Matcher::new(pattern).unwrap_or_else(|e| panic!("meta pattern: {e}")))
}

/// A regex group of the words of `role` (`data/words.tsv`), escaped, longest first.
fn alternation(role: Role) -> String {
    let mut words: Vec<&str> = knowledge::words(role).to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", words.join("|"))
}

/// A character of a body's or place's name: Han, brackets, and the masks of a template
/// (`xx镇人民政府`, `＊＊县公安局`: names still, but no issuer).
fn is_name_char(c: char) -> bool {
    is_han(c) || "()（）·xX×*＊_＿".contains(c)
}

/// The length in chars of the name before its longest suffix of `role`, if `name` is a
/// name ending with one.
fn before_suffix(name: &str, role: Role) -> Option<usize> {
    if name.is_empty() || !name.chars().all(is_name_char) {
        return None;
    }
    knowledge::words(role)
        .iter()
        .filter(|w| name.ends_with(*w))
        .map(|w| name.chars().count() - w.chars().count())
        .min()
}

/// A body's name: `宿迁市人民政府`, `国家税务总局河源市税务局`, `自然资源部` (two characters
/// or more before the suffix, not only a level: `区司法局`, `省人民政府`, `自治区人民政府`
/// name no body by themselves).
fn is_body(name: &str) -> bool {
    before_suffix(name, Role::OrgSuffix).is_some_and(|n| {
        let prefix: String = name.chars().take(n).collect();
        n >= 2 && !knowledge::words(Role::PlaceSuffix).contains(&prefix.as_str())
    })
}

/// An addressee's name: a body, also by a relative name (`市人民政府`, `县委依法治县办`), or
/// a place; not persons (`各位代表`, `主任、各位副主任`).
fn is_addressee(name: &str) -> bool {
    (2..=30).contains(&name.chars().count())
        && (before_suffix(name, Role::OrgSuffix).is_some_and(|n| n >= 1) || is_place(name))
}

/// A place's name: `椒江区`, `连云港高新区`, `石门乡`, `泾县`; not a relative one (`全县`,
/// `我市`, `本区`).
fn is_place(name: &str) -> bool {
    before_suffix(name, Role::PlaceSuffix).is_some_and(|n| {
        let prefix: String = name.chars().take(n).collect();
        n >= 1 && !knowledge::words(Role::RelativePrefix).contains(&prefix.as_str())
    })
}

/// Whether `s` holds a template placeholder.
fn has_placeholder(s: &str) -> bool {
    !placeholder_spans(s).is_empty()
}

/// The characters a placeholder is made of.
pub static MASKS: CharSet = CharSet::of_bmp(&['x', 'X', '×', '*', '＊', '_', '＿', '某']);

/// The placeholders of `s`: byte ranges of the masks.
fn placeholder_spans(s: &str) -> Vec<Range<usize>> {
    placeholder_spans_in(&Scan::new(s, &MASKS))
}

/// The placeholders of the text of `scan` (a scan of a set holding [`MASKS`]).
fn placeholder_spans_in(scan: &Scan<'_>) -> Vec<Range<usize>> {
    let s = scan.text();
    static PH: OnceLock<Regex> = OnceLock::new();
    // Alternatives in order: a year with its mask (20xx, 201*, 20××), runs of masks, 某某,
    // then a single mask and the unit after it (group 1 is the mask).
    let ph = re(
        r"(?:19|20)[0-9]?(?:[xX]+|×+|[*＊]+)|[xX]{2,}|×{2,}|[*＊]{2,}|[_＿]{2,}|某某|([xX*＊_＿])[次件项个名条家年月日份期卷起场批户所处元万亿人%]",
        &PH,
    );
    // Latin context: letters, digits and the punctuation of addresses.
    let latin_context =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || "./@_".contains(c));
    let mut out = Vec::new();
    // Every placeholder holds a mask character and starts at most three bytes before it
    // (`20` and a digit), and the pattern looks at nothing around its match: the regex
    // runs only around the masks, on the stretch from three bytes before a run of them
    // to the character after it, and finds there what one pass over `s` finds (most
    // reports have no mask but many `20`s and `19`s, where a pass over `s` stops).
    let mut at = 0;
    let mut found = Vec::new();
    while let Some((i, _)) = scan.matches_from(&MASKS, at).next() {
        let run_end = s[i..]
            .find(|c: char| !MASKS.contains(c))
            .map_or(s.len(), |j| i + j);
        let window_end = s[run_end..]
            .chars()
            .next()
            .map_or(s.len(), |c| run_end + c.len_utf8());
        let mut from = i.saturating_sub(3).max(at);
        while !s.is_char_boundary(from) {
            from += 1;
        }
        let window = &s[..window_end];
        let mut next = run_end;
        while let Some(caps) = ph.captures_at(window, from) {
            let whole = caps.get(0).map_or(from..from, |w| w.range());
            found.push(caps);
            from = whole.end;
            next = next.max(whole.end);
        }
        at = next;
    }
    for caps in found {
        let Some(m) = caps.get(1).or_else(|| caps.get(0)) else {
            continue;
        };
        let whole = caps.get(0).map_or(m.range(), |w| w.range());
        // Latin masks stand apart from Latin words and numbers (`www.xxx.com`, `Xbox`).
        let latin = s[m.range()].starts_with(['x', 'X']) || s[whole.clone()].contains(['x', 'X']);
        if latin
            && (latin_context(s[..whole.start].chars().next_back())
                || s[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || "./@".contains(c)))
        {
            continue;
        }
        out.push(m.range());
    }
    out
}

/// Reads the metadata.
pub fn read_meta(original: &str, norm: &View, cleaned: &Cleaned) -> MetaFound {
    read_meta_in(
        original,
        norm,
        cleaned,
        &Scan::new(cleaned.view.text(), &MASKS),
    )
}

/// [`read_meta`] with a scan of the analysis view for a set holding [`MASKS`].
pub fn read_meta_in(original: &str, norm: &View, cleaned: &Cleaned, scan: &Scan<'_>) -> MetaFound {
    let view = &cleaned.view;
    let text = view.text();
    debug_assert!(std::ptr::eq(text, scan.text()), "the scan is of the view");
    let lines: Vec<Range<usize>> = line_ranges(text)
        .into_iter()
        .filter_map(|r| trim_range(text, r))
        .collect();
    let first_heading = lines
        .iter()
        .position(|r| parse_marker(&text[r.clone()]).is_some())
        .unwrap_or(lines.len());
    let head = &lines[..first_heading.min(12)];
    let as_written = |r: Range<usize>| view.original_text(original, r);
    let mut meta = MetaFound::default();

    // Title (and, in a one-line paste, the addressee after it).
    let title = find_title(text, head);
    let title_norm: Option<String> = title
        .as_ref()
        .map(|t| t.ranges.iter().map(|r| &text[r.clone()]).collect());
    if let Some(t) = &title {
        let (first, last) = (t.ranges[0].clone(), t.ranges[t.ranges.len() - 1].clone());
        let span = view.to_original(first.start..last.end);
        meta.title = Some(Located::new(
            title_as_written(original, norm, cleaned, span.clone()),
            span,
        ));
        meta.title_source = Some(t.source);
    }
    let opening = lines
        .iter()
        .take(20)
        .find(|r| {
            let t = &text[(*r).clone()];
            t.chars().count() >= 40 && t.contains(['。', '，'])
        })
        .cloned();

    // Year.
    (meta.year, meta.year_source) = read_year(text, title_norm.as_deref(), opening.clone());

    // Issuer.
    let tail: Vec<Range<usize>> = lines.iter().rev().take(8).cloned().collect();
    let issuer = read_issuer(text, head, &tail, title_norm.as_deref(), opening);
    if let Some((name, source)) = issuer {
        meta.issuer = name.map(|n| n.written(&as_written));
        meta.issuer_source = meta.issuer.is_some().then_some(source);
    }

    // Addressee.
    let addressee = title
        .as_ref()
        .and_then(|t| t.addressee.clone())
        .or_else(|| {
            head.iter()
                .find(|r| {
                    let t = &text[(*r).clone()];
                    t.ends_with(['：', ':']) && is_addressee(t.trim_end_matches(['：', ':']).trim())
                })
                .map(|r| {
                    let name = text[r.clone()].trim_end_matches(['：', ':']).trim_end();
                    r.start..r.start + name.len()
                })
        });
    meta.addressee = addressee
        .map(|r| {
            as_written(r)
                .trim_end_matches(['：', ':'])
                .trim()
                .to_string()
        })
        .filter(|a| !has_placeholder(a) && !a.is_empty());

    // Published: the closing date, a speech's meeting date, the page's date.
    read_dates(text, view, head, &lines, &mut meta, original);
    if meta.published.is_none() {
        if let Some(d) = page_date(norm, cleaned) {
            meta.published = Some(d);
            meta.published_source = Some(Source::PageInfo);
        }
    }

    // Placeholders.
    for r in placeholder_spans_in(scan) {
        let o = view.to_original(r.clone());
        // The mask and the word after it (`**次`, `XX街道`).
        let ctx_end = r.end
            + text[r.end..]
                .chars()
                .take(2)
                .take_while(|&c| is_han(c))
                .map(char::len_utf8)
                .sum::<usize>();
        meta.placeholders.push(PlaceholderFound {
            text: original[o.clone()].to_string(),
            range: o,
            context: as_written(r.start..ctx_end),
        });
    }
    meta
}

/// The title as written: its original span without what cleaning removed inside it (a
/// share prefix, an emoji) and with its lines joined, trimmed (a wrapped title).
fn title_as_written(original: &str, norm: &View, cleaned: &Cleaned, span: Range<usize>) -> String {
    let mut kept = String::new();
    let mut at = span.start;
    for r in &cleaned.removed {
        let o = norm.to_original(r.range.clone());
        if o.end <= span.start || o.start >= span.end {
            continue;
        }
        if o.start > at {
            kept.push_str(&original[at..o.start]);
        }
        at = at.max(o.end.min(span.end));
    }
    if at < span.end {
        kept.push_str(&original[at..span.end]);
    }
    kept.lines().map(str::trim).collect()
}

/// `r` without the spaces around it, `None` if blank.
fn trim_range(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let t = &text[r.clone()];
    let lead = t.len() - t.trim_start().len();
    let trimmed = t.trim();
    (!trimmed.is_empty()).then(|| r.start + lead..r.start + lead + trimmed.len())
}

/// The title found, as view ranges (two for a wrapped title), with the addressee read in
/// the same breath in a one-line paste.
struct TitleFound {
    ranges: Vec<Range<usize>>,
    source: Source,
    addressee: Option<Range<usize>>,
}

fn title_ending_re() -> &'static Matcher {
    static RE: OnceLock<Matcher> = OnceLock::new();
    RE.get_or_init(|| {
        // An ending, then at most a bracketed period or year (`（2019年度）`, `（20XX—20XX年）`).
        Matcher::new(&format!(
            r"{}(?:\s*[（(][^（）()]{{1,20}}[)）])?$",
            alternation(Role::TitleEnding)
        ))
        .unwrap_or_else(|e| panic!("title endings: {e}"))
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(r"((?:19|20)[0-9]{2})\s*年", &RE)
}

/// A year written with a template's mask (`20xx年`, `201*年`).
fn masked_year(t: &str) -> bool {
    static RE: OnceLock<Matcher> = OnceLock::new();
    matcher(r"(?:19|20)[0-9]?(?:[xX]+|×+|[*＊]+)\s*年", &RE).is_match(t)
}

/// A date as year, month, day.
type Ymd = (i32, u32, u32);

/// A speech's meeting line (`——2012年12月25日在衢州市第六届人民代表大会常务委员会第七次会议上`,
/// in brackets, or without the dash), with its date and the rest of the line (a speaker may
/// follow on the same line).
fn meeting(t: &str) -> Option<(Option<Ymd>, &str)> {
    if !may_be_meeting(t) {
        return None;
    }
    let c = meeting_re().captures(t)?;
    let date = match (c.get(1), c.get(2), c.get(3)) {
        (Some(y), Some(m), Some(d)) => Some((
            y.as_str().parse().ok()?,
            m.as_str().parse().ok()?,
            d.as_str().parse().ok()?,
        )),
        _ => None,
    };
    Some((date, t[c.get(0)?.end()..].trim()))
}

fn meeting_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        r"^(?:-{1,2}|[（(])?\s*(?:((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日)?\s*在[^。；，]{2,60}?(?:会议|大会|常委会)上(?:的(?:报告|讲话|发言))?\s*[)）]?",
        &RE,
    )
}

// What a line must hold for one of these patterns to match it (the `may_…` tests below):
// a pattern is compiled and run only for a line that holds it. Their bounded runs of
// Unicode classes made them among the costliest regexes to build on the first analysis,
// and most texts have no line they could match. A test checks each against its pattern.

/// `在`, a meeting (`会议`, `大会`, `常委会`) and `上`.
fn may_be_meeting(t: &str) -> bool {
    t.contains('在') && t.contains('会') && t.contains('上')
}

/// One of `words.tsv`'s speaker titles, and a space (the pattern wants one after the title).
fn may_be_speaker(t: &str) -> bool {
    let titles = knowledge::speaker_titles();
    t.contains(char::is_whitespace)
        && (titles.is_empty() || titles.iter().any(|(w, _)| t.contains(w)))
}

/// Starts with a year's first digits or a Chinese numeral.
fn may_start_with_date(t: &str) -> bool {
    may_start_with_year(t)
        || t.starts_with([
            '〇', '零', '○', '一', '二', '三', '四', '五', '六', '七', '八', '九',
        ])
}

/// Starts with a year's first digits.
fn may_start_with_year(t: &str) -> bool {
    t.starts_with("19") || t.starts_with("20")
}

/// The words an opening speaks on behalf of a body with.
fn may_be_on_behalf(t: &str) -> bool {
    t.contains("我代表")
}

/// A title that opens with its year, then its issuer (`2019年X县人民政府法治政府建设…`).
fn year_first_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^(?:19|20)[0-9]{{2}}\s*年度?(\p{{Han}}+?{}){}",
            alternation(Role::OrgSuffix),
            alternation(Role::TitleTopic)
        ))
        .unwrap_or_else(|e| panic!("year-first title: {e}"))
    })
}

/// An opening sentence's `我代表X`.
fn on_behalf_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"我代表(\p{{Han}}{{2,30}}?{})",
            alternation(Role::OrgSuffix)
        ))
        .unwrap_or_else(|e| panic!("on behalf: {e}"))
    })
}

/// A speaker line (`衢州市人民政府副市长　王建平`, `龙泉市市长　吴建华`, `省长　王予波`): the
/// body or place before the position, and the body that position makes of a bare place.
fn speaker(t: &str) -> Option<(&str, Option<&'static str>)> {
    if !may_be_speaker(t) {
        return None;
    }
    let c = speaker_re().captures(t)?;
    let position = c.get(2)?.as_str();
    let body = knowledge::speaker_titles()
        .iter()
        .find(|(w, _)| *w == position)
        .and_then(|(_, b)| *b);
    Some((c.get(1)?.as_str(), body))
}

fn speaker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let titles: Vec<String> = knowledge::speaker_titles()
            .iter()
            .map(|(w, _)| regex::escape(w))
            .collect();
        Regex::new(&format!(
            r"^([\p{{Han}}()（）]{{0,30}}?)({})\s+\p{{Han}}(?:\s?\p{{Han}}){{0,3}}$",
            titles.join("|")
        ))
        .unwrap_or_else(|e| panic!("speaker pattern: {e}"))
    })
}

fn starts_with_date(t: &str) -> bool {
    may_start_with_date(t) && date_start_re().is_match(t)
}

fn date_start_re() -> &'static Matcher {
    static RE: OnceLock<Matcher> = OnceLock::new();
    matcher(
        r"^(?:(?:19|20)[0-9]{2}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}|[〇零○一二三四五六七八九]{4}年)",
        &RE,
    )
}

/// A line that could be a title: short, no sentence punctuation, no table cells, not a
/// speech's meeting or speaker line, not a date.
fn title_shaped(t: &str) -> bool {
    let n = t.chars().count();
    (4..=60).contains(&n)
        && !t.contains(['。', '；', '！', '？', '：', ':', '|', '\t'])
        && !t.ends_with(['，', '、', ','])
        && parse_marker(t).is_none()
        && meeting(t).is_none()
        && speaker(t).is_none()
        && !starts_with_date(t)
}

fn has_ending(t: &str) -> bool {
    title_ending_re().is_match(t)
}

/// Whether two view lines stand on consecutive lines (no blank line between).
fn adjacent(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    a.end <= b.start && text[a.end..b.start].matches('\n').count() == 1
}

fn find_title(text: &str, head: &[Range<usize>]) -> Option<TitleFound> {
    let line = |r: &Range<usize>| &text[r.clone()];
    for (i, r) in head.iter().enumerate() {
        let t = line(r);
        if !title_shaped(t) || !has_ending(t) {
            continue;
        }
        // A title wrapped after its issuer (`天台县人民政府` / `关于…的报告`) or inside a
        // word (`…关于2016年度法治政府建设` / `工作情况的报告`).
        if let Some(p) = i.checked_sub(1).map(|j| &head[j]) {
            let pt = line(p);
            let has_year = |s: &str| year_re().is_match(s) || masked_year(s);
            let opens = t.starts_with("关于") || has_year(t);
            if adjacent(text, p, r)
                && title_shaped(pt)
                && !has_ending(pt)
                && pt.chars().count() + t.chars().count() <= 80
                && ((pt.contains("关于") || has_year(pt)) && !opens
                    || is_body(pt) && opens && !has_year(pt))
            {
                return Some(TitleFound {
                    ranges: vec![p.clone(), r.clone()],
                    source: Source::WrappedTitle,
                    addressee: None,
                });
            }
        }
        // A title whose last words went to the next line (`…建设情况` / `的报告`).
        if let Some(n) = head.get(i + 1) {
            let nt = line(n);
            if adjacent(text, r, n)
                && (2..=12).contains(&nt.chars().count())
                && !nt.contains(['。', '；', '！', '？', '：', '，', '|', '\t'])
                && has_ending(nt)
                && !year_re().is_match(nt)
                && !nt.starts_with("关于")
            {
                return Some(TitleFound {
                    ranges: vec![r.clone(), n.clone()],
                    source: Source::WrappedTitle,
                    addressee: None,
                });
            }
        }
        return Some(TitleFound {
            ranges: Vec::from([r.clone()]),
            source: Source::TitleLine,
            addressee: None,
        });
    }
    if let Some(found) = head.first().and_then(|r| line_start_title(text, r)) {
        return Some(found);
    }
    head.iter()
        .take(2)
        .find(|r| title_shaped(line(r)) && line(r).chars().count() >= 6)
        .map(|r| TitleFound {
            ranges: Vec::from([r.clone()]),
            source: Source::FirstLine,
            addressee: None,
        })
}

/// The title at the start of a report pasted as one line: up to the first `：`, `，` or
/// `。`, the title then the addressee (`椒江区2019年度法治政府建设工作报告市人民政府：`,
/// `甘肃省人民政府关于…的报告　国务院：`), or the title then the opening sentence
/// (`…情况报告2019年，…`).
fn line_start_title(text: &str, r: &Range<usize>) -> Option<TitleFound> {
    let l = &text[r.clone()];
    if l.chars().count() <= 60 {
        return None;
    }
    let (cut, stop) = l
        .char_indices()
        .take(120)
        .find(|(_, c)| matches!(c, '：' | '，' | '。' | ':'))?;
    let prefix = &l[..cut];
    let colon = matches!(stop, '：' | ':');
    let addressee_ok = |a: &str| colon && is_addressee(a.trim());
    let found = |title: Range<usize>, addressee: Option<Range<usize>>| {
        let t = &l[title.clone()];
        (title_shaped(t) && has_ending(t) && t.chars().count() >= 6).then(|| TitleFound {
            ranges: std::iter::once(r.start + title.start..r.start + title.end).collect(),
            source: Source::LineStart,
            addressee: addressee.map(|a| r.start + a.start..r.start + a.end),
        })
    };
    // Title and addressee split by a space.
    let trimmed = prefix.trim_end();
    if let Some(ws) = trimmed.rfind(char::is_whitespace) {
        let a_start = ws + trimmed[ws..].chars().next().map_or(1, char::len_utf8);
        let title_end = trimmed[..ws].trim_end().len();
        let b = &trimmed[a_start..];
        if addressee_ok(b) {
            if let Some(f) = found(0..title_end, Some(a_start..trimmed.len())) {
                return Some(f);
            }
        }
        if !colon {
            if let Some(f) = found(0..title_end, None) {
                return Some(f);
            }
        }
    }
    // Title and addressee run together: the longest title whose rest is the addressee,
    // the opening year, or nothing.
    for (e, _) in prefix.char_indices().rev() {
        let (t, rest) = prefix.split_at(e);
        if !has_ending(t) {
            continue;
        }
        if rest.is_empty() {
            return found(0..e, None);
        }
        if addressee_ok(rest) {
            return found(0..e, Some(e..prefix.len()));
        }
        if year_re().find(rest).is_some_and(|m| m.start() == 0) {
            return found(0..e, None);
        }
    }
    has_ending(prefix)
        .then(|| found(0..prefix.len(), None))
        .flatten()
}

fn read_year(
    text: &str,
    title: Option<&str>,
    opening: Option<Range<usize>>,
) -> (Option<i32>, Option<Source>) {
    let first_year = |t: &str| -> Option<i32> { year_re().captures(t)?[1].parse().ok() };
    // A masked year (`20xx年度`) in the title or the opening sentence: the report's own
    // year is a blank; only the years it mentions elsewhere can tell.
    let mut masked = false;
    if let Some(t) = title {
        masked = masked_year(t);
        if let Some(y) = first_year(t).filter(|_| !masked) {
            return (Some(y), Some(Source::Title));
        }
    }
    if let Some(r) = opening.filter(|_| !masked) {
        let t = &text[r];
        // The opening sentence starts with its year (`2017年，…`, `2019年园区在…`).
        let start: String = t.chars().take(12).collect();
        if let Some(y) = first_year(&start).filter(|_| !masked_year(&start)) {
            return (Some(y), Some(Source::Opening));
        }
    }
    // The year most mentioned, outside cited titles (《…纲要（2021－2025年）》).
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for line in text.split('\n') {
        let mut depth = 0usize;
        let mut outside = String::with_capacity(line.len());
        for c in line.chars() {
            match c {
                '《' => depth += 1,
                '》' => depth = depth.saturating_sub(1),
                _ if depth == 0 => outside.push(c),
                _ => {}
            }
        }
        for c in year_re().captures_iter(&outside) {
            if let Ok(y) = c[1].parse::<i32>() {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    let year = counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, std::cmp::Reverse(y)))
        .map(|(y, _)| y);
    (year, year.map(|_| Source::Mentions))
}

/// An issuer: a view range, or a place's range with the body it stands for
/// (`龙泉市` + `人民政府`).
#[derive(Clone)]
struct Name {
    range: Range<usize>,
    body: Option<&'static str>,
}

impl Name {
    fn new(range: Range<usize>) -> Name {
        Name { range, body: None }
    }

    fn written(&self, as_written: &impl Fn(Range<usize>) -> String) -> String {
        let mut s = as_written(self.range.clone()).trim().to_string();
        s.extend(self.body);
        s
    }
}

/// The issuer, with its source; `Some((None, _))` when the deciding source is a template's
/// mask (`XX区人民政府`): no issuer can be told.
fn read_issuer(
    text: &str,
    head: &[Range<usize>],
    tail: &[Range<usize>],
    title: Option<&str>,
    opening: Option<Range<usize>>,
) -> Option<(Option<Name>, Source)> {
    let line = |r: &Range<usize>| &text[r.clone()];
    // Candidates by source: a name's view range and whether it names a body (or a place).
    let mut candidates: Vec<(Name, bool, Source)> = Vec::new();

    // The signature above the date, the last lines' label (`解读单位：…`).
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let label = LABEL.get_or_init(|| {
        Regex::new(&format!(
            r"^{}\s*[：:]\s*(\S+)$",
            alternation(Role::IssuerLabel)
        ))
        .unwrap_or_else(|e| panic!("issuer label: {e}"))
    });
    let mut signature: Option<(Name, bool)> = None;
    for r in tail {
        let t = line(r);
        if let Some(c) = label.captures(t) {
            let m = c.get(1)?;
            if is_body(m.as_str()) {
                candidates.push((
                    Name::new(r.start + m.start()..r.start + m.end()),
                    true,
                    Source::Label,
                ));
            }
            continue;
        }
        if signature.is_none() && parse_marker(t).is_none() {
            if is_body(t) || is_place(t) {
                signature = Some((Name::new(r.clone()), is_body(t)));
            } else if let Some(m) = closing_at_end(t) {
                // The signature and the date on one line (`…迈上新台阶。椒江区人民政府2020年1月15日`).
                let before = t[..m].trim_end();
                let start = before
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| is_name_char(*c))
                    .last()
                    .map_or(before.len(), |(i, _)| i);
                let name = &before[start..];
                if is_body(name) || is_place(name) {
                    signature = Some((
                        Name::new(r.start + start..r.start + before.len()),
                        is_body(name),
                    ));
                }
            }
        }
    }
    if let Some((name, body)) = signature.clone() {
        if body {
            candidates.insert(0, (name, true, Source::Signature));
        }
    }

    // A speech's speaker line (also after the meeting on the same line).
    for r in head {
        let t = line(r);
        let rest = meeting(t).map_or(t, |(_, rest)| rest);
        let Some((org, body)) = speaker(rest) else {
            continue;
        };
        let start = r.start + (rest.as_ptr() as usize - t.as_ptr() as usize);
        let range = start..start + org.len();
        if is_body(org) {
            candidates.push((Name::new(range), true, Source::Speaker));
        } else if is_place(org) && body.is_some() {
            candidates.push((Name { range, body }, true, Source::Speaker));
        }
        break;
    }

    // The title: `X关于…`, `X YYYY年…`, `YYYY年X…报告`.
    let mut place: Option<String> = None;
    if let Some(title_text) = title {
        static ABOUT: OnceLock<Regex> = OnceLock::new();
        static YEAR_AFTER: OnceLock<Regex> = OnceLock::new();
        let about = re(r"^(.+?)\s*关于", &ABOUT);
        let year_after = re(
            r"^(.+?)\s*(?:(?:19|20)[0-9]{2}|(?:19|20)[0-9]?(?:[xX]+|×+|[*＊]+))\s*年",
            &YEAR_AFTER,
        );
        // A title that opens with 关于 names no issuer (`关于全县2019年度…的报告`).
        let x = (!title_text.starts_with("关于"))
            .then_some(title_text)
            .and_then(|t| about.captures(t))
            .or_else(|| {
                year_after
                    .captures(title_text)
                    .filter(|_| !title_text.starts_with("关于"))
            })
            .or_else(|| {
                may_start_with_year(title_text)
                    .then(|| year_first_re().captures(title_text))
                    .flatten()
            })
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim());
        // The title's range in the view, to point at the name.
        let title_range = head
            .iter()
            .find(|r| line(r).contains(title_text) || title_text.starts_with(line(r)))
            .cloned();
        if let (Some(x), Some(tr)) = (x, title_range) {
            if let Some(at) = line(&tr).find(x) {
                let range = tr.start + at..tr.start + at + x.len();
                if is_body(x) {
                    candidates.push((Name::new(range), true, Source::Title));
                } else if is_place(x) {
                    place = Some(x.to_string());
                    candidates.push((Name::new(range), false, Source::TitlePlace));
                }
            }
        }
    }

    // The opening sentence: `我代表X`, or the body of the title's place named in full
    // (`岳麓区…` and `2019年，长沙市岳麓区人民政府在…`).
    if let Some(r) = opening {
        let t = line(&r);
        let mut found = may_be_on_behalf(t)
            .then(|| on_behalf_re().captures(t))
            .flatten()
            .and_then(|c| c.get(1))
            .filter(|m| is_body(m.as_str()))
            .map(|m| r.start + m.start()..r.start + m.end());
        if found.is_none() {
            if let Some(p) = &place {
                static BODY: OnceLock<Regex> = OnceLock::new();
                let body = re(&format!(r"^{}", alternation(Role::OrgSuffix)), &BODY);
                found = t.match_indices(p.as_str()).find_map(|(at, _)| {
                    let end = at + p.len();
                    let suffix = body.find(&t[end..])?;
                    // At most ten Han characters before the place (`长沙市`), then a
                    // boundary: the walk never runs the length of the line.
                    let lead: Vec<(usize, char)> = t[..at].char_indices().rev().take(11).collect();
                    let han = lead.iter().take_while(|(_, c)| is_han(*c)).count();
                    let start = if han == 0 { at } else { lead[han - 1].0 };
                    (han <= 10).then(|| r.start + start..r.start + end + suffix.end())
                });
            }
        }
        if let Some(range) = found {
            candidates.push((Name::new(range), true, Source::Opening));
        }
    }
    if let Some((name, false)) = signature {
        candidates.push((name, false, Source::Signature));
    }

    // Bodies before places, each in the order of its sources.
    let best = candidates
        .iter()
        .find(|(_, body, _)| *body)
        .or_else(|| candidates.first())?;
    let (name, _, source) = best.clone();
    if has_placeholder(&text[name.range.clone()]) {
        return Some((None, source));
    }
    Some((Some(name), source))
}

/// The closing date's regex: a whole line (or the end of one) that is a date.
fn closing_re() -> &'static Regex {
    static CLOSING: OnceLock<Regex> = OnceLock::new();
    re(
        r"(?:((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日|([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日|((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})|((?:19|20)[0-9]{2,4}))$",
        &CLOSING,
    )
}

/// Where a date written in words ends a line after other text (`…椒江区人民政府2020年1月15日`).
fn closing_at_end(t: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let m = re(
        r"(?:(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$",
        &RE,
    )
    .find(t)?;
    (m.start() > 0).then_some(m.start())
}

/// A template's blank date (`20xx年x月x日`, `201*年*月*日`, `2020年＿月＿日`).
fn blank_date(t: &str) -> bool {
    static RE: OnceLock<Matcher> = OnceLock::new();
    matcher(
        r"^(?:19|20)[0-9xX*＊×_＿]{2}年[0-9xX*＊×_＿]{1,2}月[0-9xX*＊×_＿]{1,2}日$",
        &RE,
    )
    .is_match(t)
        && has_placeholder(t)
}

/// The closing date (落款) and a speech's meeting date.
fn read_dates(
    text: &str,
    view: &View,
    head: &[Range<usize>],
    lines: &[Range<usize>],
    meta: &mut MetaFound,
    original: &str,
) {
    for r in lines.iter().rev().take(6) {
        let t = &text[r.clone()];
        if blank_date(t) {
            break;
        }
        let (c, at) = match closing_re().captures(t) {
            Some(c) if c.get(0).is_some_and(|m| m.start() == 0) => (c, 0),
            _ => match closing_at_end(t) {
                // Only the last line carries its date after other text.
                Some(at) if Some(r) == lines.last() => match closing_re().captures(&t[at..]) {
                    Some(c) => (c, at),
                    None => continue,
                },
                _ => continue,
            },
        };
        let range = view.to_original(r.start + at..r.end);
        let date = if c.get(1).is_some() {
            ymd(&c[1], &c[2], &c[3])
        } else if c.get(4).is_some() {
            let y = parse_integer(&c[4]).map(|v| v.to_string());
            let mo = parse_integer(&c[5]).map(|v| v.to_string());
            let d = parse_integer(&c[6]).map(|v| v.to_string());
            match (y, mo, d) {
                (Some(y), Some(mo), Some(d)) => ymd(&y, &mo, &d),
                _ => None,
            }
        } else if c.get(7).is_some() {
            ymd(&c[7], &c[8], &c[9])
        } else {
            None
        };
        // The document's own date outranks the web page's posting date.
        match date {
            Some(d) => {
                meta.published = Some(Located::new(d, range));
                meta.published_source = Some(Source::Signature);
            }
            None => meta.unreadable_date = Some(Located::new(&original[range.clone()], range)),
        }
        return;
    }
    for r in head {
        let t = &text[r.clone()];
        if let Some((Some((y, m, d)), _)) = meeting(t) {
            if let Some(date) = ymd(&y.to_string(), &m.to_string(), &d.to_string()) {
                let at = t.find(&format!("{y}年")).unwrap_or(0);
                let end = t.find("日").map_or(t.len(), |e| e + "日".len());
                meta.published = Some(Located::new(
                    date,
                    view.to_original(r.start + at..r.start + end),
                ));
                meta.published_source = Some(Source::Meeting);
            }
            return;
        }
    }
}

/// The page's date, read from the page fields that cleaning removed: a labelled date
/// (`发布时间：2018-01-22`, `| 成文日期 | 2021-01-28 |`) first, else any date there
/// (`2025-01-20 15:32:07　来源：…`, a bare `2021-03-26` under the title).
fn page_date(norm: &View, cleaned: &Cleaned) -> Option<Located> {
    static LABELLED: OnceLock<Regex> = OnceLock::new();
    static ANY: OnceLock<Regex> = OnceLock::new();
    let labelled = re(
        r"(?:时间|日期)\s*[：:|]?\s*((?:19|20)[0-9]{2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})",
        &LABELLED,
    );
    let any = re(
        r"((?:19|20)[0-9]{2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})",
        &ANY,
    );
    let nt = norm.text();
    let fields = || {
        cleaned
            .removed
            .iter()
            .filter(|r| matches!(r.reason, "publication_info" | "metadata_table"))
    };
    for pattern in [labelled, any] {
        for r in fields() {
            let Some(c) = pattern.captures(&nt[r.range.clone()]) else {
                continue;
            };
            let (y, m) = (c.get(1)?, c.get(0)?);
            if let Some(date) = ymd(&c[1], &c[2], &c[3]) {
                let digits = r.range.start + y.start()..r.range.start + m.end();
                return Some(Located::new(date, norm.to_original(digits)));
            }
        }
    }
    None
}

fn ymd(y: &str, m: &str, d: &str) -> Option<String> {
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::normalize::normalize;

    fn meta(text: &str) -> MetaFound {
        let norm = normalize(text);
        let cleaned = clean(&norm);
        read_meta(text, &norm, &cleaned)
    }

    /// Every line a guarded pattern matches passes the pattern's `may_…` test, else a
    /// meeting, speaker, date or issuer would go unread.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_guarded_pattern_matches_only_lines_its_test_lets_through() {
        use crate::matcher::assert_guard_lets_through_every_match as check;
        check(
            meeting_re().as_str(),
            |t| meeting_re().is_match(t),
            may_be_meeting,
        );
        check(
            speaker_re().as_str(),
            |t| speaker_re().is_match(t),
            may_be_speaker,
        );
        check(
            date_start_re().as_str(),
            |t| date_start_re().is_match(t),
            may_start_with_date,
        );
        check(
            year_first_re().as_str(),
            |t| year_first_re().is_match(t),
            may_start_with_year,
        );
        check(
            on_behalf_re().as_str(),
            |t| on_behalf_re().is_match(t),
            may_be_on_behalf,
        );
    }

    #[test]
    fn a_guard_says_no_to_lines_its_pattern_cannot_match() {
        // The guards are not always yes (which the test above would let pass).
        for line in ["省人民政府关于2019年法治政府建设情况的报告", "一、主要工作"]
        {
            assert!(!may_be_meeting(line) && !may_be_speaker(line) && !may_be_on_behalf(line));
        }
        assert!(!may_start_with_date("关于2019年") && !may_start_with_year("一九年"));
    }

    fn title(m: &MetaFound) -> Option<&str> {
        m.title.as_ref().map(|t| t.text.as_str())
    }

    const BODY: &str = "一、主要举措和成效\n全年受理行政复议申请16件，办结率100%。\n";

    #[test]
    fn reads_seed_like_header_and_signature() {
        let text = "连云港高新区2017年度推进依法行政建设法治政府工作情况报告\n  • 来源:连云港高新区管委会\n  • 发布时间:2018-01-22\n连云港市政府:\n2017年,连云港高新区积极落实……各项工作取得了新的进展，为推进法治政府建设做出了积极的努力，成效明显。\n一、依法全面履行政府职能\n内容。\n";
        let m = meta(text);
        assert_eq!(
            title(&m),
            Some("连云港高新区2017年度推进依法行政建设法治政府工作情况报告")
        );
        assert_eq!(m.year, Some(2017));
        assert_eq!(
            m.published.as_ref().map(|p| p.text.as_str()),
            Some("2018-01-22")
        );
        assert_eq!(m.published_source, Some(Source::PageInfo));
        assert_eq!(&text[m.published.unwrap().range], "2018-01-22");
        assert_eq!(m.addressee.as_deref(), Some("连云港市政府"));
        // Only a place in the title and no signature: the place is the best guess.
        assert_eq!(m.issuer.as_deref(), Some("连云港高新区"));
        assert_eq!(m.issuer_source, Some(Source::TitlePlace));
    }

    #[test]
    fn garbled_and_mangled_closing_dates() {
        let m = meta("某街道2018年度法治政府建设情况报告\n正文。\n南城街道办事处\n20181219\n");
        assert_eq!(m.published.map(|p| p.text), Some("2018-12-19".to_string()));
        assert_eq!(m.issuer.as_deref(), Some("南城街道办事处"));
        assert_eq!(m.issuer_source, Some(Source::Signature));
        let m = meta("某街道2018年度法治政府建设情况报告\n正文。\n201818\n");
        assert!(m.published.is_none());
        assert!(m.unreadable_date.is_some());
    }

    #[test]
    fn issuer_from_the_title_never_keeps_guan_yu_or_a_space() {
        for (title_line, issuer) in [
            (
                "淮安市人民政府关于2017年度法治政府建设情况的报告",
                "淮安市人民政府",
            ),
            (
                "某县公安局 关于2025年度法治政府建设工作情况的报告",
                "某县公安局",
            ),
            ("自然资源部关于2020年法治政府建设情况的报告", "自然资源部"),
            (
                "国家税务总局河源市税务局2023年法治政府建设年度报告",
                "国家税务总局河源市税务局",
            ),
            (
                "2023年度上饶市信州区司法局法治政府建设情况报告",
                "上饶市信州区司法局",
            ),
        ] {
            let m = meta(&format!("{title_line}\n{BODY}"));
            assert_eq!(m.issuer.as_deref(), Some(issuer), "{title_line}");
            assert_eq!(m.issuer_source, Some(Source::Title));
        }
        // A title that starts with 关于 names no issuer; nor does a news headline.
        let m = meta(&format!("关于2021年度法治政府建设工作情况的报告\n{BODY}"));
        assert_eq!(m.issuer, None);
        let m = meta(&format!("舟山市召开2021年度法治政府建设工作推进会\n{BODY}"));
        assert_eq!(m.issuer, None);
    }

    #[test]
    fn the_signature_outranks_a_place_in_the_title() {
        let m = meta(&format!(
            "西湖区2020年度法治政府建设情况报告\n杭州市人民政府：\n{BODY}杭州市西湖区人民政府\n2021年1月28日\n"
        ));
        assert_eq!(m.issuer.as_deref(), Some("杭州市西湖区人民政府"));
        assert_eq!(m.issuer_source, Some(Source::Signature));
        assert_eq!(m.addressee.as_deref(), Some("杭州市人民政府"));
        assert_eq!(m.published.map(|p| p.text).as_deref(), Some("2021-01-28"));
    }

    #[test]
    fn speech_subtitle_and_speaker_line() {
        let text = format!(
            "关于2012年全市依法行政工作情况的报告\n——2012年12月25日在衢州市第六届人民代表大会常务委员会第七次会议上\n衢州市人民政府副市长　王建平\n主任、各位副主任、秘书长、各位委员：\n{BODY}"
        );
        let m = meta(&text);
        assert_eq!(title(&m), Some("关于2012年全市依法行政工作情况的报告"));
        assert_eq!(m.issuer.as_deref(), Some("衢州市人民政府"));
        assert_eq!(m.issuer_source, Some(Source::Speaker));
        assert_eq!(m.addressee, None, "a salutation to persons");
        assert_eq!(m.published.map(|p| p.text).as_deref(), Some("2012-12-25"));
        assert_eq!(m.published_source, Some(Source::Meeting));
        // A head of government speaks for the place's government.
        let m = meta(&format!(
            "2016年政府工作报告\n——2016年1月18日在龙泉市第八届人民代表大会第五次会议上\n龙泉市市长　吴建华\n各位代表：\n{BODY}"
        ));
        assert_eq!(title(&m), Some("2016年政府工作报告"));
        assert_eq!(m.issuer.as_deref(), Some("龙泉市人民政府"));
        assert_eq!(m.addressee, None);
    }

    #[test]
    fn wrapped_titles_are_joined() {
        for (text, joined) in [
            (
                "宁波市鄞州区人民政府关于2016年度法治政府建设\n工作情况的报告\n\n宁波市人民政府：\n",
                "宁波市鄞州区人民政府关于2016年度法治政府建设工作情况的报告",
            ),
            (
                "   天台县人民政府\n   关于2020年度法治政府建设情况的报告\n\n台州市人民政府：\n",
                "天台县人民政府关于2020年度法治政府建设情况的报告",
            ),
            (
                "某县人民政府关于2020年度法治政府建设情况\n的报告\n\n市人民政府：\n",
                "某县人民政府关于2020年度法治政府建设情况的报告",
            ),
        ] {
            let m = meta(&format!("{text}{BODY}"));
            assert_eq!(title(&m), Some(joined));
            assert_eq!(m.title_source, Some(Source::WrappedTitle));
            let r = m.title.unwrap().range;
            assert!(text[r].ends_with("的报告"));
        }
    }

    #[test]
    fn one_line_paste_title_addressee_signature_and_year() {
        let text = "椒江区2019年度法治政府建设工作报告市人民政府：2019年，椒江区坚持以习近平新时代中国特色社会主义思想为指导，法治政府建设各项工作取得积极成效。一、主要举措和成效（一）持续优化营商环境。二、存在的不足一是部分镇街合法性审查力量薄弱。三、2020年工作安排2020年，椒江区将推动法治政府建设迈上新台阶。椒江区人民政府2020年1月15日";
        let m = meta(text);
        assert_eq!(title(&m), Some("椒江区2019年度法治政府建设工作报告"));
        assert_eq!(m.title_source, Some(Source::LineStart));
        assert_eq!(m.addressee.as_deref(), Some("市人民政府"));
        assert_eq!(m.issuer.as_deref(), Some("椒江区人民政府"));
        assert_eq!(m.year, Some(2019), "not the date's 2020");
        assert_eq!(m.published.map(|p| p.text).as_deref(), Some("2020-01-15"));
        let spaced = "甘肃省人民政府关于2015年度法治政府建设情况的报告　国务院：　2015年，我省认真贯彻落实党的十八届三中、四中、五中全会精神，全面推进依法行政各项工作。现将有关情况报告如下：　一、主要工作　2016年，我省将认真学习贯彻。　甘肃省人民政府　2016年3月30日";
        let m = meta(spaced);
        assert_eq!(
            title(&m),
            Some("甘肃省人民政府关于2015年度法治政府建设情况的报告")
        );
        assert_eq!(m.addressee.as_deref(), Some("国务院"));
        assert_eq!(m.year, Some(2015));
        assert_eq!(m.published.map(|p| p.text).as_deref(), Some("2016-03-30"));
    }

    #[test]
    fn a_relative_scope_is_no_issuer() {
        let m = meta(&format!(
            "关于全县2019年度法治政府建设工作情况的报告\n——在县十六届人大常委会第二十次会议上\n县人民政府副县长　李　强\n主任、副主任、各位委员：\n{BODY}"
        ));
        assert_eq!(
            title(&m),
            Some("关于全县2019年度法治政府建设工作情况的报告")
        );
        assert_eq!((m.issuer, m.addressee), (None, None));
        assert!(m.published.is_none(), "a meeting line without its date");
    }

    #[test]
    fn a_date_in_chinese_numerals_after_the_signature_on_one_line() {
        let m = meta("青山区司法局2022年度法治政府建设工作总结 区委依法治区办：2022年，区司法局坚持以习近平法治思想为指导，围绕中心服务大局，推进法治建设各项工作。一、主要工作（一）全年审查规范性文件12件。二、存在问题人员不足。青山区司法局 二〇二三年一月五日");
        assert_eq!(m.addressee.as_deref(), Some("区委依法治区办"));
        assert_eq!(m.published.map(|p| p.text).as_deref(), Some("2023-01-05"));
        assert_eq!(m.issuer_source, Some(Source::Signature));
    }

    #[test]
    fn template_masks_leave_issuer_year_and_date_unknown() {
        let m = meta(&format!(
            "xx镇20xx年度法治政府建设工作报告\nxx县人民政府：\n{BODY}xx镇人民政府\n20xx年x月x日\n"
        ));
        assert_eq!(title(&m), Some("xx镇20xx年度法治政府建设工作报告"));
        assert_eq!((m.issuer, m.addressee, m.year), (None, None, None));
        assert!(m.published.is_none() && m.unreadable_date.is_none());
    }

    #[test]
    fn year_ignores_cited_plans() {
        let m = meta("XX市法治政府建设实施方案\n为深入贯彻落实《法治政府建设实施纲要（2021－2025年）》，结合我市实际，制定本实施方案，请认真贯彻执行。\n");
        assert_eq!(m.year, None);
    }

    #[test]
    fn placeholders_in_every_case_and_script() {
        let m = meta("201*年是XX区发展的一年，xx镇开展培训*次、**次，聘请x名，20xx年，＊＊县＿＿起，2020年＿月＿日，某某同志，×××派出所，某村民。www.xxx.com");
        let found: Vec<&str> = m.placeholders.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            found,
            vec![
                "201*", "XX", "xx", "*", "**", "x", "20xx", "＊＊", "＿＿", "＿", "＿", "某某",
                "×××"
            ]
        );
        let contexts: Vec<&str> = m.placeholders.iter().map(|p| p.context.as_str()).collect();
        assert_eq!((contexts[1], contexts[3]), ("XX区发", "*次"));
    }
}

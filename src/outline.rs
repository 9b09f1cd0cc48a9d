//! Stage 4 — outline: headings, their levels and nesting, and inline enumerations.
//!
//! Levels follow GB/T 9704-2012 and what real reports do; the level comes from the marker
//! type, not from the nesting (a `1.` directly under `一、` is level 3):
//!
//! | level | markers |
//! |---|---|
//! | 1 | `一、` `一.` `第一部分` |
//! | 2 | `（一）` `(一)` `(一）` `㈠` |
//! | 3 | `1.` `1、` `1．` and, continuing a sequence, no separator at all (`2加强政务服务体系创新`) |
//! | 4 | `（1）` `(1)` `1)` `⑴` |
//! | 5 | `①` … `⑳` |
//!
//! # Headings from numbering, not from line shape
//!
//! A heading is a marker that continues a numbering sequence of the document, wherever it
//! stands. Reports arrive with one heading a line, with headings run on after a sentence
//! (`…办结率100%。（二）加强规范性文件管理。严格…`, `…现报告如下：一、…`), and pasted
//! as one line with no breaks at all (`…成效（一）深化行政审批改革。1．推行告知承诺制。…`);
//! the same numbering tells the headings in all three. The method has two steps.
//!
//! **Candidates.** Every marker is a candidate where a heading can stand: at a line start,
//! after `。！？` (a sentence end), after `：` (`现报告如下：一、`) or `；`, after a closing
//! bracket or quote, and right after the title of another candidate
//! (`一、主要举措和成效（一）依法…`, `（三）规范行政执法1．推进执法规范化`). Markers after a
//! comma or `、`, or inside a word (`统一、规范`, `第一、`), are never candidates. Each
//! candidate gets its title: it runs from the marker to the first `。：；！？`, the line end,
//! a space (the line break of a one-line paste joined with a space), the first sub-heading
//! marker (`（一）` after a level-1 title, `1．` after a level-2 one), or where the body
//! begins with no punctuation at all (`data/heading_cues.txt`): an enumeration word always
//! opens a body (`二、存在的问题一是…`); in a text pasted without line breaks, where every
//! heading that stood on its own line now runs into its body, so does a body-opening word
//! or a short body name after a title-final word (`（二）健全依法行政制度体系严格落实…`,
//! `四、规范公正文明执法高新区行政执法权力…`), unless what follows is a short title tail
//! itself (`深化“放管服”改革优化营商环境`); a title too long to be one is cut there or
//! dropped. A title never holds a line break; a title that PDF extraction wrapped over two
//! lines is whole again because the clean stage joins hard-wrapped lines.
//!
//! Each candidate has a score of its own, from
//! - its place: a line start is the strongest, a sentence end or a colon next, a `；` weak,
//!   a title end only right after a chosen heading;
//! - its marker type: in the middle of a line `（1）` and `①` are almost always inline
//!   enumerations (`①决策公开、②执行公开`), `一、` and `（一）` almost always headings;
//! - its title's shape: not empty, with Chinese text, at most 40 characters in the middle
//!   of a line and 60 at a line start, no figures in a long title (`2.实现城镇新增就业
//!   18万人以上，…` is a sentence), not cut at a stop inside a bracket;
//! - lists: the items of a list end with `；` (`主要包括：1.重大事项集体讨论决定制度；2.合同
//!   法制审查制度；3.…`), so an item ending with `；` whose next sibling follows closely, and
//!   every next sibling of such an item, is body text — also when wrapping or a page break
//!   put one at a line start; so are items joined by `、`;
//! - the document's own conventions: a marker style that the document uses for its
//!   line-start headings of that level (`1、`) makes an inline `1.` of another style a
//!   list, not a heading.
//!
//! **Sequences.** The headings are the set of candidates that scores best as numbering
//! sequences per level, chosen by a dynamic programme over the candidates in text order. Its
//! state is the numbering so far (the last number per level under the current parent, and
//! over the whole document); taking a candidate adds its own score and a score for how it
//! continues the numbering: `二、` after `一、` or `（一）` first under a new parent is
//! good, `1.`…`N.` running on across `（一）（二）` (a convention of some reports) is fine,
//! a gap or a repeated number is bad (a real heading with a typo still wins at a line
//! start; a mid-sentence marker does not), and an excerpt may open mid-list (`（三）` as
//! the first heading). Inline markers that would break the numbering of the real headings
//! lose to them. The programme keeps the best few states at each candidate (a beam), so it
//! stays linear in the text.
//!
//! Inline enumerations `一是…二是…`, `首先…其次…再次…`, `第一，…第二，…` and markers inside
//! a paragraph that are not headings (`(1)…(2)…`, `①…②…`) are reported as [`EnumItem`]s.
//! `再次` ("again") is an enumeration only after a `其次` in the same paragraph.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashMap;

use crate::knowledge::{self, Role};
use crate::markers::{
    is_cn_num, may_open, parse_marker, take_while_in, Marker, CN_NUM, MARKER_OPENS,
};
use crate::normalize::is_han;
use crate::text::{line_ranges, CharSet, Scan};

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

/// A title longer than this many characters, with no stop, is cut where the body begins
/// (weak cues), or the candidate is not a heading.
const TITLE_CUE_LIMIT: usize = 40;
/// A heading alone on its line may be this long (the comma-long headings of the 2021–2025
/// 纲要's systems are 24–40 characters).
const LINE_TITLE_LIMIT: usize = 60;
/// How far a title is scanned for its end.
const TITLE_SCAN: usize = 90;
/// A text whose lines average more than this many characters (UTF-8 bytes / 3) was pasted
/// without its line breaks.
const FLAT_LINE: usize = 400;
/// States kept per step of the dynamic programme.
const BEAM: usize = 8;

/// Where a candidate marker stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// At the start of a line.
    LineStart,
    /// After `。！？`.
    Sentence,
    /// After `：`.
    Colon,
    /// After `；`.
    Semicolon,
    /// After a closing bracket or quote, or a `%`.
    Close,
    /// After a Chinese character: only right after a chosen heading's title.
    Inline,
}

impl Place {
    fn of(prev: Option<char>) -> Option<Place> {
        Some(match prev {
            None => Place::LineStart,
            Some('。' | '！' | '？' | '!' | '?') => Place::Sentence,
            Some('：' | ':') => Place::Colon,
            Some('；' | ';') => Place::Semicolon,
            // A paragraph that ends in a figure, its line break lost: `…办结率达90%3.全面…`.
            Some(')' | '”' | '’' | '」' | '』' | '》' | '】' | '〕' | ']' | '%') => {
                Place::Close
            }
            Some(c) if is_han(c) => Place::Inline,
            _ => return None,
        })
    }

    /// The score of the place itself.
    fn score(self) -> f32 {
        match self {
            Place::LineStart => 4.0,
            Place::Sentence | Place::Colon => 2.0,
            Place::Semicolon => -1.0,
            Place::Close => 0.5,
            Place::Inline => 0.0,
        }
    }
}

/// How a title ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleEnd {
    /// At `。：；！？`.
    Stop(char),
    /// At the end of its line.
    LineEnd,
    /// At a space (a line break of a one-line paste).
    Space,
    /// At the first marker of a sub-heading.
    Marker,
    /// Where the body begins (a title-final word met by a body-opening word).
    Cue,
}

/// A marker that may be a heading, with its title and its own score.
#[derive(Debug, Clone)]
struct Candidate {
    /// View byte where the marker starts.
    at: usize,
    marker: Marker,
    title: Range<usize>,
    place: Place,
    /// Where a heading right after this title would start.
    follow: usize,
    /// Marker style with numerals as `N` (`(N)`, `N.`, `N、`).
    style: String,
    /// The title ends with `；`, as the items of a list do.
    semicolon: bool,
    /// Score of place, marker type and title shape.
    score: f32,
}

fn is_stop(c: char) -> bool {
    matches!(c, '。' | '：' | '；' | '！' | '？')
}

/// How sure a body-opening cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// Only the words that always open a body (`一是`, `首先`): an enumeration never
    /// stands in a title (`推进行政决策科学化、民主化、法制化|一是深入调查研究`), unless
    /// the word is part of another (`统一是`; but `工作计划|一是`).
    Open,
    /// Also the weaker body words (`严格`, `全面`, reporting verbs) and digits after a
    /// title-final word, where what follows up to the stop is long enough to be body text
    /// and does not itself end a short title (`深化“放管服”改革|优化营商环境` and
    /// `协调和化解社会矛盾的能力|提高` are one title; `健全突发事件应对体系|修订完善应急预案
    /// 18个，…` is a title and its body).
    Body,
}

/// The first place within `title` where its body begins: an `open` word, or (for
/// [`Cue::Body`]) a title-final word met by a body-opening word, searched up to
/// `max_chars` characters.
fn cue_split(title: &str, max_chars: usize, cue: Cue) -> Option<usize> {
    let cues = cue_index();
    let mut left = title.chars().count();
    for (n, (i, _)) in title.char_indices().enumerate() {
        left -= 1;
        if n < 2 {
            continue;
        }
        if n > max_chars {
            break;
        }
        let (head, rest) = title.split_at(i);
        if CueIndex::starts(&cues.open, rest)
            && (CueIndex::ends(&cues.end, head) || !CueIndex::ends(&cues.in_word, head))
        {
            return Some(i);
        }
        if cue == Cue::Open || !CueIndex::ends(&cues.end, head) {
            continue;
        }
        // A body never opens with a title-final word (`建设|情况园区…` is `建设情况|园区…`).
        if CueIndex::starts(&cues.end_first, rest) {
            continue;
        }
        let left = left + 1;
        let opens = CueIndex::starts(&cues.body, rest)
            || rest.starts_with(|c: char| c.is_ascii_digit())
            || opens_with_a_body_name(rest);
        if opens && left >= 6 && !(left <= 12 && CueIndex::ends(&cues.end, rest.trim_end())) {
            return Some(i);
        }
    }
    None
}

/// The cue words of `data/heading_cues.txt` (and the characters that make a numeral part
/// of a word) indexed by the character a match is tested from: a title is tested at every
/// character, so each test is one lookup and a few comparisons, not a pass over the lists.
struct CueIndex {
    /// Title-final words by their last character.
    end: FxHashMap<char, Vec<&'static str>>,
    /// Title-final words by their first character.
    end_first: FxHashMap<char, Vec<&'static str>>,
    /// Words that always open a body, by their first character.
    open: FxHashMap<char, Vec<&'static str>>,
    /// Body-opening words, by their first character.
    body: FxHashMap<char, Vec<&'static str>>,
    /// Characters that make a following numeral part of a word (`统一`), by their last.
    in_word: FxHashMap<char, Vec<&'static str>>,
}

impl CueIndex {
    fn by(words: &[&'static str], last: bool) -> FxHashMap<char, Vec<&'static str>> {
        let mut map: FxHashMap<char, Vec<&'static str>> = FxHashMap::default();
        for &w in words {
            let key = if last {
                w.chars().next_back()
            } else {
                w.chars().next()
            };
            if let Some(c) = key {
                map.entry(c).or_default().push(w);
            }
        }
        map
    }

    /// Whether `s` ends with a word of `index` (keyed by last character).
    fn ends(index: &FxHashMap<char, Vec<&'static str>>, s: &str) -> bool {
        s.chars()
            .next_back()
            .and_then(|c| index.get(&c))
            .is_some_and(|ws| ws.iter().any(|w| s.ends_with(w)))
    }

    /// Whether `s` starts with a word of `index` (keyed by first character).
    fn starts(index: &FxHashMap<char, Vec<&'static str>>, s: &str) -> bool {
        s.chars()
            .next()
            .and_then(|c| index.get(&c))
            .is_some_and(|ws| ws.iter().any(|w| s.starts_with(w)))
    }
}

fn cue_index() -> &'static CueIndex {
    static INDEX: OnceLock<CueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let cues = knowledge::heading_cues();
        CueIndex {
            end: CueIndex::by(&cues.end, true),
            end_first: CueIndex::by(&cues.end, false),
            open: CueIndex::by(&cues.open, false),
            body: CueIndex::by(&cues.body, false),
            in_word: CueIndex::by(knowledge::words(Role::CnWordPrefix), true),
        }
    })
}

/// Whether `rest` opens with the short name of a body, the subject a paragraph of a report
/// starts with (`高新区行政执法权力尚未下放`): two or three Chinese characters and the end
/// of a body's or a place's name (`data/words.tsv`, `org_suffix` and `place_suffix`: 局,
/// 管委会, 区, 县 …). Longer runs are too often a phrase that happens to hold 市 or 部
/// (`强大国内市场`).
fn opens_with_a_body_name(rest: &str) -> bool {
    let starts: Vec<usize> = rest
        .char_indices()
        .take_while(|&(_, c)| is_han(c))
        .map(|(i, _)| i)
        .take(4)
        .collect();
    starts
        .iter()
        .skip(2)
        .any(|&i| knowledge::name_endings().any(|s| rest[i..].starts_with(s)))
}

/// The end of the last title-final word (`data/heading_cues.txt`) within the first
/// `max_chars` characters of `title`, after at least four.
fn last_title_end(title: &str, max_chars: usize) -> Option<usize> {
    let end = cue_index();
    title
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .enumerate()
        .take(max_chars)
        .skip(3)
        .filter(|&(_, i)| CueIndex::ends(&end.end, &title[..i]))
        .map(|(_, i)| i)
        .last()
}

/// Whether every bracket and quote opened in a title is closed in it: a title cut at a stop
/// inside a bracket (`…建成家庭养老床位7000张（牵头单位` before `：`) is not one. (A line
/// that ends inside `《` is kept: web copies break lines around a linked citation.)
fn balanced(title: &str) -> bool {
    let mut depth = 0i32;
    let mut quote = 0i32;
    for c in title.chars() {
        match c {
            '(' | '（' | '《' | '〔' | '[' => depth += 1,
            ')' | '）' | '》' | '〕' | ']' => depth -= 1,
            '“' => quote += 1,
            '”' => quote -= 1,
            _ => {}
        }
    }
    depth <= 0 && quote <= 0
}

/// Whether a title holds a quantity (`12,745,390,000元`, `92.49%`): body text, not a
/// heading, when it stands in the middle of a paragraph. A year (`2013年`) is fine.
fn has_quantity(title: &str) -> bool {
    let mut digits = false;
    for c in title.chars() {
        if c.is_ascii_digit() {
            digits = true;
        } else {
            if digits && !matches!(c, '年' | '.' | ',') {
                return true;
            }
            digits = false;
        }
    }
    false
}

/// The marker style: numerals replaced by `N` (`（一）` and `(二)` are both `(N)` in the
/// normalized view; `1.` and `1、` differ).
pub fn marker_style(marker: &str) -> String {
    let mut out = String::new();
    let mut in_num = false;
    for c in marker.trim().chars() {
        let is_num = c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || is_cn_num(c)
            || ('\u{2460}'..='\u{2487}').contains(&c)
            || ('\u{3220}'..='\u{3229}').contains(&c);
        if is_num {
            if !in_num {
                out.push('N');
            }
        } else {
            out.push(c);
        }
        in_num = is_num;
    }
    out
}

/// Whether a marker may start at `rest` given the character before it: not inside a
/// number (`12.5`, `2012`), a Chinese numeral (`十二、` is read from `十`) or an ordinal
/// (`第一、`).
fn may_start(prev: Option<char>, rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return false;
    };
    match prev {
        Some(p) if p.is_ascii_alphanumeric() || p == '.' => !first.is_ascii_digit() && first != '.',
        Some(p) if is_cn_num(p) || p == '第' || p == '〇' => !is_cn_num(first),
        _ => true,
    }
}

/// The title of a marker whose title starts at `from` in `line`: its end, how it ends, and
/// whether it reads as a list item joined to its next sibling by `、` or `，`.
fn scan_title(line: &str, from: usize, marker: &Marker) -> (usize, TitleEnd, bool) {
    let mut n = 0usize;
    let mut prev: Option<char> = None;
    let mut list = false;
    for (i, c) in line[from..].char_indices() {
        let p = from + i;
        if is_stop(c) {
            return (p, TitleEnd::Stop(c), list);
        }
        if c.is_whitespace() {
            // A line break of a one-line paste, not a space inside spaced digits
            // (`关于1 9 9 8 年`).
            if n >= 3 && prev.is_some_and(|q| !q.is_ascii_alphanumeric()) {
                return (p, TitleEnd::Space, list);
            }
        } else if n >= 1 && may_open(c) && may_start(prev, &line[p..]) {
            if let Some(m) = parse_marker(&line[p..]) {
                if !m.no_separator && m.number == 1 && m.level > marker.level {
                    return (p, TitleEnd::Marker, list);
                }
                if m.level == marker.level
                    && m.number == marker.number + 1
                    && matches!(prev, Some('、' | '，'))
                {
                    list = true;
                }
            }
        }
        n += 1;
        prev = Some(c);
        if n > TITLE_SCAN {
            return (p, TitleEnd::LineEnd, list);
        }
    }
    (line.trim_end().len().max(from), TitleEnd::LineEnd, list)
}

/// The candidates of one line (`base` is the line's view offset), in text order.
///
/// `opens` are where the line's characters of [`MARKER_OPENS`] stand in the text (the
/// line starts at `base`), ascending.
fn line_candidates(line: &str, base: usize, flat: bool, opens: &[u32], out: &mut Vec<Candidate>) {
    // Before each character a marker may start with: the character just before, and the
    // last one that is not whitespace, found by looking back over the whitespace only (the
    // character found last is not whitespace, so no look back passes it: linear).
    for &at in opens {
        let i = at as usize - base;
        let rest = &line[i..];
        let before = &line[..i];
        if may_start(before.chars().next_back(), rest) {
            let prev_sig = before.trim_end().chars().next_back();
            if let Some(cand) = candidate_at(line, base, i, prev_sig, flat) {
                out.push(cand);
            }
        }
    }
}

/// How far apart (view bytes) two items of one inline list may stand.
const LIST_SPAN: usize = 600;

/// The items of inline lists: a marker whose title ends with `；` and whose next sibling
/// (the same level, the next number) follows within [`LIST_SPAN`] opens a list, and each
/// item after an item is one too (`创新成果：（1）实行…指挥体系；（2）专题图…；（3）…。`,
/// also when hard wrapping put `（1）` or a page break put `（3）` at a line start). Such
/// items are body text, not headings.
fn mark_lists(cands: &mut [Candidate]) {
    let mut list = vec![false; cands.len()];
    // Backwards: an item ending with `；` whose next sibling follows closely.
    let mut next: [Option<usize>; 6] = [None; 6];
    for i in (0..cands.len()).rev() {
        let level = usize::from(cands[i].marker.level);
        if let Some(j) = next[level] {
            list[i] = cands[i].semicolon
                && cands[j].marker.number == cands[i].marker.number + 1
                && cands[j].at - cands[i].at <= LIST_SPAN;
        }
        next[level] = Some(i);
    }
    // Forwards: the next sibling of a list item.
    let mut last: [Option<usize>; 6] = [None; 6];
    for i in 0..cands.len() {
        let level = usize::from(cands[i].marker.level);
        if let Some(j) = last[level] {
            if (list[j] || cands[j].semicolon)
                && cands[i].marker.number == cands[j].marker.number + 1
                && cands[i].at - cands[j].at <= LIST_SPAN
            {
                list[i] = true;
            }
        }
        last[level] = Some(i);
    }
    for (c, is_item) in cands.iter_mut().zip(list) {
        if is_item {
            c.score -= 5.0;
        }
    }
}

/// The candidate whose marker starts at byte `i` of `line`, if a heading could stand there.
fn candidate_at(
    line: &str,
    base: usize,
    i: usize,
    prev_sig: Option<char>,
    flat: bool,
) -> Option<Candidate> {
    // After a comma, `、` or inside a number or word: never a heading.
    let place = Place::of(prev_sig)?;
    let marker = parse_marker(&line[i..])?;
    let after = &line[i + marker.len..];
    let title_start = i + marker.len + (after.len() - after.trim_start().len());
    let (hard_end, mut end_kind, list) = scan_title(line, title_start, &marker);
    if list {
        return None;
    }
    let mid_line = place != Place::LineStart;
    let mut end = hard_end;
    let hard = &line[title_start..hard_end];
    let hard_chars = hard.chars().count();
    // Where the body begins with no punctuation: after `一是`/`首先` always. After the
    // weaker cues when the title is too long to be one without a doubt, or in a text
    // pasted without line breaks (where every heading that stood on its own line now runs
    // into its body) when it ran on to a stop; never when a heading stands alone on its
    // line, whose end is the line's (`二、加快科学技术和教育事业的发展和改革，把经济建设
    // 切实转到…轨道上来`). A mid-line title may be 40 characters long, one at a line start
    // 60 (the comma-long headings of the 纲要's systems and of government work reports).
    let alone = !mid_line && end_kind == TitleEnd::LineEnd;
    let ran_on = matches!(end_kind, TitleEnd::Stop(_) | TitleEnd::LineEnd);
    let weak = ran_on && !alone && (flat || hard_chars > TITLE_CUE_LIMIT);
    let limit = if mid_line {
        TITLE_CUE_LIMIT
    } else {
        LINE_TITLE_LIMIT
    };
    let mut guessed = false;
    if let Some(cut) = cue_split(hard, hard_chars, Cue::Open).or_else(|| {
        weak.then(|| cue_split(hard, TITLE_CUE_LIMIT, Cue::Body))
            .flatten()
    }) {
        end = title_start + cut;
        end_kind = TitleEnd::Cue;
    } else if hard_chars > limit {
        // In a text pasted without line breaks a heading whose body opens with neither
        // punctuation nor a cue (`（三）积极探索规范性文件管理好的做法规范性文件是执行…`)
        // ends at its last title-final word within 30 characters, a guess.
        let cut = flat.then(|| last_title_end(hard, 30)).flatten()?;
        end = title_start + cut;
        end_kind = TitleEnd::Cue;
        guessed = true;
    }
    let title = line[title_start..end].trim_end();
    let end = title_start + title.len();
    let n = title.chars().count();
    let first = title.chars().next()?;
    if n == 0
        || !title.chars().any(is_han)
        || (!balanced(title) && end_kind != TitleEnd::LineEnd)
        || "，、。；：,.)）%".contains(first)
        || (mid_line && n > TITLE_CUE_LIMIT)
    {
        return None;
    }
    let mut score = place.score();
    if mid_line {
        score += match marker.level {
            1 | 2 => 0.5,
            3 => 0.0,
            4 => -3.0,
            _ => -4.0,
        };
        if n > 25 {
            score -= 0.5;
        }
        if has_quantity(title) {
            score -= 2.0;
        }
    } else if n > TITLE_CUE_LIMIT {
        // A long line-start title: a heading of the 纲要's systems, or the first sentence
        // of a numbered paragraph, which holds figures (`2.实现城镇新增就业18万人以上，…`).
        score -= if has_quantity(title) { 3.0 } else { 1.0 };
    }
    if marker.no_separator {
        score -= 1.0;
    }
    if guessed {
        score -= 1.0;
    }
    // A level-3 number whose title opens with a digit counts months or days (`3、4月份`).
    if marker.level == 3 && first.is_ascii_digit() {
        score -= 2.0;
    }
    let mut follow = end;
    match end_kind {
        // The items of a list end with `；`.
        TitleEnd::Stop('；') => {
            score -= if mid_line { 2.5 } else { 0.5 };
            follow = usize::MAX;
        }
        TitleEnd::Space => {
            let rest = &line[end..];
            follow = end + (rest.len() - rest.trim_start().len());
        }
        TitleEnd::LineEnd if mid_line => score -= 0.5,
        _ => {}
    }
    Some(Candidate {
        at: base + i,
        marker,
        title: base + title_start..base + end,
        place,
        follow: if follow == usize::MAX {
            usize::MAX
        } else {
            base + follow
        },
        style: marker_style(&line[i..i + marker.len]),
        semicolon: end_kind == TitleEnd::Stop('；'),
        score,
    })
}

/// The document's conventions: for each level, the marker style of most of its line-start
/// candidates (`1、` in a report whose points read `1、加强组织领导`), when it has two or more.
fn conventions(cands: &[Candidate]) -> [Option<String>; 6] {
    let mut counts: [Vec<(String, usize)>; 6] = Default::default();
    for c in cands.iter().filter(|c| c.place == Place::LineStart) {
        let per = &mut counts[usize::from(c.marker.level)];
        match per.iter_mut().find(|(s, _)| *s == c.style) {
            Some(e) => e.1 += 1,
            None => per.push((c.style.clone(), 1)),
        }
    }
    counts.map(|per| {
        let total: usize = per.iter().map(|e| e.1).sum();
        per.into_iter()
            .max_by_key(|e| e.1)
            .filter(|e| total >= 2 && e.1 * 2 > total)
            .map(|e| e.0)
    })
}

/// One state of the dynamic programme: the numbering after the headings chosen so far.
#[derive(Debug, Clone, Copy)]
struct State {
    /// Last number per level under the current parent (0: none since the parent).
    last: [u32; 6],
    /// Last number per level over the whole document.
    global: [u32; 6],
    /// The highest level (smallest number) chosen so far; 6 when none.
    top: u8,
    /// Where a heading right after the last chosen title would start.
    follow: usize,
    /// The end of the last chosen title: no heading starts before it.
    free: usize,
    score: f32,
    /// The last chosen candidate in the arena of choices.
    node: u32,
}

impl State {
    fn key(&self) -> ([u32; 6], [u32; 6], u8, usize, usize) {
        (self.last, self.global, self.top, self.follow, self.free)
    }

    /// How taking `c` continues the numbering, or `None` if it cannot.
    fn numbering(&self, c: &Candidate) -> Option<f32> {
        let level = usize::from(c.marker.level);
        let k = c.marker.number;
        let last = self.last[level];
        if c.marker.no_separator {
            // `2加强…` only continues a sequence.
            return (last > 0 && k == last + 1).then_some(2.0);
        }
        let far = |from: u32| -2.0 - 0.25 * k.saturating_sub(from + 2) as f32;
        Some(if self.top > c.marker.level {
            // Nothing at this level or above yet: the document starts here, or an excerpt
            // resumes mid-list (`……（开头部分已省略）（三）规范行政执法`).
            if k == 1 {
                0.5
            } else {
                // Nothing resumes at 0 (`0.一是`): as far as a number can be.
                -1.0 - 0.25 * k.checked_sub(2).unwrap_or(u32::MAX) as f32
            }
        } else if last == 0 {
            if k == 1 {
                1.0
            } else if k == self.global[level] + 1 {
                // `1.`…`N.` running on across `（一）（二）`: a convention.
                0.5
            } else {
                far(0)
            }
        } else if k == last + 1 {
            2.0
        } else if k > last + 1 {
            far(last)
        } else {
            -3.0
        })
    }

    fn take(&self, c: &Candidate, score: f32, node: u32) -> State {
        let level = usize::from(c.marker.level);
        let mut next = *self;
        next.last[level] = c.marker.number;
        next.global[level] = c.marker.number;
        for l in next.last.iter_mut().skip(level + 1) {
            *l = 0;
        }
        next.top = next.top.min(c.marker.level);
        next.follow = c.follow;
        next.free = c.title.end;
        next.score = score;
        next.node = node;
        next
    }
}

const NO_NODE: u32 = u32::MAX;

/// Chooses the headings among the candidates (in text order): the set that scores best
/// as numbering sequences. Returns the indices of the chosen candidates.
fn choose(cands: &[Candidate], conv: &[Option<String>; 6]) -> Vec<usize> {
    // The arena of choices: (candidate, previous choice).
    let mut arena: Vec<(u32, u32)> = Vec::new();
    let mut beam = vec![State {
        last: [0; 6],
        global: [0; 6],
        top: 6,
        follow: usize::MAX,
        free: 0,
        score: 0.0,
        node: NO_NODE,
    }];
    let mut next: Vec<State> = Vec::with_capacity(2 * BEAM);
    for (ci, c) in cands.iter().enumerate() {
        let mut own = c.score;
        if c.place != Place::LineStart {
            // A style the document does not use for its line-start headings of this level.
            if let Some(style) = &conv[usize::from(c.marker.level)] {
                if *style != c.style {
                    own -= 2.5;
                }
            }
        }
        next.clear();
        for s in &beam {
            let mut s = *s;
            // Positions behind the scan no longer matter: states that differ only there merge.
            if s.free <= c.at {
                s.free = 0;
            }
            if s.follow < c.at {
                s.follow = usize::MAX;
            }
            next.push(s);
            if c.at < s.free {
                continue;
            }
            let place = if s.follow == c.at {
                Place::Inline.score() + 2.5
            } else if c.place == Place::Inline {
                continue;
            } else {
                0.0
            };
            let Some(numbering) = s.numbering(c) else {
                continue;
            };
            let gain = own + place + numbering;
            if gain <= -6.0 {
                continue;
            }
            let node = arena.len() as u32;
            arena.push((ci as u32, s.node));
            next.push(s.take(c, s.score + gain, node));
        }
        // Best first; equal numbering states merge into the best of them.
        next.sort_by(|a, b| b.score.total_cmp(&a.score));
        beam.clear();
        for s in &next {
            if beam.len() >= BEAM {
                break;
            }
            if !beam.iter().any(|b| b.key() == s.key()) {
                beam.push(*s);
            }
        }
    }
    let mut chosen = Vec::new();
    let mut node = beam.first().map_or(NO_NODE, |s| s.node);
    while node != NO_NODE {
        let (ci, prev) = arena[node as usize];
        chosen.push(ci as usize);
        node = prev;
    }
    chosen.reverse();
    chosen
}

/// An enumeration item starts at the text's start or after one of these.
static BOUNDARIES: CharSet = CharSet::of_bmp(&[
    '\n', '。', '；', '：', '，', '！', '？', ' ', '\t', ')', '、', '”',
]);

/// The characters the outline looks for: those a heading marker may open with and the
/// boundaries an enumeration item may follow.
pub static SCANNED: LazyLock<CharSet> = LazyLock::new(|| MARKER_OPENS.union(&BOUNDARIES));

/// Where the characters the outline looks for stand in a text: those a heading marker may
/// open with ([`MARKER_OPENS`]) and the boundaries an enumeration item may follow
/// ([`BOUNDARIES`]), read off one scan of the text.
pub struct Stops {
    /// Offsets of the characters of [`MARKER_OPENS`], ascending.
    marker_opens: Vec<u32>,
    /// Offsets and characters of [`BOUNDARIES`], ascending.
    boundaries: Vec<(u32, char)>,
}

impl Stops {
    /// The stops of `text` (the analyzer reads them off its own scan: [`Stops::of`]).
    #[cfg(test)]
    pub fn new(text: &str) -> Stops {
        Stops::of(&Scan::new(text, &SCANNED))
    }

    /// The stops of the text of `scan` (a scan of a set holding [`SCANNED`]).
    pub fn of(scan: &Scan<'_>) -> Stops {
        let mut stops = Stops {
            marker_opens: Vec::new(),
            boundaries: Vec::new(),
        };
        for (i, c) in scan.matches(&SCANNED) {
            if MARKER_OPENS.contains(c) {
                stops.marker_opens.push(i as u32);
            }
            if BOUNDARIES.contains(c) {
                stops.boundaries.push((i as u32, c));
            }
        }
        stops
    }
}

/// Finds the headings of the analysis view (`stops`: the text's).
pub fn find_headings(text: &str, stops: &Stops) -> Vec<Heading> {
    let lines = line_ranges(text);
    let filled = lines
        .iter()
        .filter(|r| !text[(*r).clone()].trim().is_empty())
        .count();
    let flat = text.len() > filled * FLAT_LINE * 3;
    let mut cands = Vec::new();
    let mut opens = stops.marker_opens.as_slice();
    for r in lines {
        let n = opens.partition_point(|&at| (at as usize) < r.end);
        line_candidates(&text[r.clone()], r.start, flat, &opens[..n], &mut cands);
        opens = &opens[n..];
    }
    mark_lists(&mut cands);
    let conv = conventions(&cands);
    choose(&cands, &conv)
        .into_iter()
        .map(|i| {
            let c = &cands[i];
            Heading {
                level: c.marker.level,
                number: c.marker.number,
                marker: c.at..c.at + c.marker.len,
                title: c.title.clone(),
                no_separator: c.marker.no_separator,
            }
        })
        .collect()
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
        Outline::find_in(&Scan::new(text, &SCANNED))
    }

    /// Finds the outline of the text of `scan` (a scan of a set holding [`SCANNED`]).
    pub fn find_in(scan: &Scan<'_>) -> Outline {
        let text = scan.text();
        let stops = Stops::of(scan);
        let headings = find_headings(text, &stops);
        let ends = section_ends(&headings, text.len());
        let parents = parents(&headings);
        let enumerations = find_enumerations(text, &headings, &stops);
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

/// Finds inline enumeration items outside the heading markers (`stops`: the text's).
pub fn find_enumerations(text: &str, headings: &[Heading], stops: &Stops) -> Vec<EnumItem> {
    // Headings come in text order: a binary search keeps this linear in the text.
    let is_heading_marker = |pos: usize| {
        headings
            .binary_search_by_key(&pos, |h| h.marker.start)
            .is_ok()
    };
    let mut out = Vec::new();
    // Where the paragraph's last `其次` stands: `再次` continues only such a sequence.
    let mut second_in_paragraph = false;
    // The positions an item may start at, in text order: the start, and the character
    // after each boundary.
    let starts = std::iter::once((0, None)).chain(
        stops
            .boundaries
            .iter()
            .map(|&(k, b)| (k as usize + b.len_utf8(), Some(b))),
    );
    for (i, prev_char) in starts {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else {
            continue;
        };
        if prev_char == Some('\n') {
            second_in_paragraph = false;
        }
        if is_heading_marker(i) {
            continue;
        }
        let marker_len = if is_cn_num(c) {
            let n = take_while_in(rest, CN_NUM, 2);
            if rest[n..].starts_with('是') {
                n + '是'.len_utf8()
            } else {
                0
            }
        } else if rest.starts_with("首先") {
            "首先".len()
        } else if rest.starts_with("其次") {
            second_in_paragraph = true;
            "其次".len()
        } else if rest.starts_with("再次") {
            // `再次` is "again" unless it follows a `其次` (`首先…其次…再次…`).
            if second_in_paragraph {
                "再次".len()
            } else {
                0
            }
        } else if let Some(after) = rest.strip_prefix('第') {
            let n = take_while_in(after, CN_NUM, 2);
            if n > 0 && after[n..].starts_with(['，', '、']) {
                '第'.len_utf8() + n
            } else {
                0
            }
        } else if prev_char.is_some_and(|p| p != '\n') && may_open(c) {
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

    fn numbers(text: &str) -> Vec<(u8, u32)> {
        let n = crate::normalize::normalize(text);
        find_headings(n.text(), &Stops::new(n.text()))
            .iter()
            .map(|h| (h.level, h.number))
            .collect()
    }

    fn titles(text: &str) -> Vec<(u8, String)> {
        let n = crate::normalize::normalize(text);
        let t = n.text();
        find_headings(t, &Stops::new(t))
            .iter()
            .map(|h| (h.level, t[h.title.clone()].to_string()))
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
        assert_eq!(
            titles(text),
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
        let levels: Vec<(u8, u32)> = find_headings(text, &Stops::new(text))
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
        assert!(find_headings(text, &Stops::new(text))[1].no_separator);
    }

    #[test]
    fn not_headings() {
        for line in [
            "2020年，我区开展工作。",
            "12.5%的案件",
            "1.5万件",
            "三重一大事项",
            "二〇一八年十二月十九日",
            "推进统一、规范执法。",
        ] {
            assert!(find_headings(line, &Stops::new(line)).is_empty(), "{line}");
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
    fn headings_run_on_after_a_sentence_end() {
        // `…请予审议。一、` and `（一）` after the sentence before it, in short lines.
        let text = "现将有关情况报告如下，请予审议。一、依法行政工作取得新成效\n2016年，各项工作取得积极进展。（一）深化行政审批制度改革。全年取消事项37项。（二）加强规范性文件管理。全年审核文件19件。\n二、存在的主要问题一是少数领导干部意识不强。\n";
        assert_eq!(
            titles(text),
            vec![
                (1, "依法行政工作取得新成效".into()),
                (2, "深化行政审批制度改革".into()),
                (2, "加强规范性文件管理".into()),
                (1, "存在的主要问题".into()),
            ]
        );
    }

    #[test]
    fn title_ends_at_the_next_marker_or_where_the_body_begins() {
        let text = "（三）规范行政执法1．推进执法规范化。全面推行“三项制度”。2．严厉打击违法用地。全年立案238件。\n三、2014年工作打算：一是继续加强领导。\n";
        assert_eq!(
            titles(text),
            vec![
                (2, "规范行政执法".into()),
                (3, "推进执法规范化".into()),
                (3, "严厉打击违法用地".into()),
                (1, "2014年工作打算".into()),
            ]
        );
    }

    #[test]
    fn inline_lists_stay_enumerations() {
        // A numbered list inside a paragraph, in another style than the document's points.
        let text = "一、工作情况\n1、加强组织领导\n成立领导小组。\n2、完善工作制度\n制定制度12项。主要包括：1.重大事项集体讨论决定制度；2.合同法制审查制度；3.行政执法责任追究制度。各项制度汇编成册。\n重点抓好三类人群学法：（1）领导干部，举办讲座5期；（2）青少年，巡讲48场；（3）农民工，宣传21场。\n";
        assert_eq!(
            titles(text),
            vec![
                (1, "工作情况".into()),
                (3, "加强组织领导".into()),
                (3, "完善工作制度".into()),
            ]
        );
    }

    #[test]
    fn continuous_numbering_across_parents() {
        let text = "一、主要举措\n（一）加强领导\n1．健全机制。内容。\n2．加强学法。内容。\n（二）推进依法行政\n3．规范决策。内容。\n4．深化改革。内容。\n";
        assert_eq!(
            numbers(text),
            vec![(1, 1), (2, 1), (3, 1), (3, 2), (2, 2), (3, 3), (3, 4)]
        );
    }

    #[test]
    fn an_excerpt_may_open_mid_list() {
        let text = "（三）规范行政执法行为\n全面推行三项制度。\n（四）强化行政权力监督\n全年受理案件41件。\n二、存在的不足和原因\n一是能力不强。\n三、2020年工作安排\n一是做好收官工作。\n";
        assert_eq!(numbers(text), vec![(2, 3), (2, 4), (1, 2), (1, 3)]);
    }

    #[test]
    fn inline_lists_also_across_line_starts() {
        // Wrapping or a page break can put an inline list's item at a line start.
        let text = "（四）加强社会治理\n园区完成创建任务。创新成果：\n（1）实行常驻运行机制，建立区域治理指挥体系；（2）专题图和创新应用数量质量全市领先；\n（3）互联网舆情全天巡查。另一方面打造创新应用。\n";
        assert_eq!(titles(text), vec![(2, "加强社会治理".into())]);
    }

    /// A report pasted as one line: every heading that stood on its own line runs into
    /// its body, with or without a stop between them.
    #[test]
    fn flat_text_titles_end_where_the_body_begins() {
        let body = "全年办理行政复议案件38件，按期办结率100%，行政机关负责人出庭应诉率达到98%。"
            .repeat(12);
        let text = format!(
            "现将有关情况报告如下：一、2019年法治政府建设主要举措和成效（一）健全突发事件应对体系修订完善应急预案18个，组织应急演练60余场次。{body}（二）协调和化解社会矛盾的能力提高。{body}二、规范公正文明执法高新区行政执法权力尚未下放，正在对接。{body}三、存在的问题一是执法力量不足。{body}"
        );
        assert_eq!(
            titles(&text),
            vec![
                (1, "2019年法治政府建设主要举措和成效".into()),
                (2, "健全突发事件应对体系".into()),
                (2, "协调和化解社会矛盾的能力提高".into()),
                (1, "规范公正文明执法".into()),
                (1, "存在的问题".into()),
            ]
        );
    }

    #[test]
    fn a_paragraph_ending_in_a_figure_or_a_space_of_a_one_line_paste() {
        let body = "全年受理群众诉求1200件，按期办结率达到98%，满意率持续提升，各项工作有序推进。"
            .repeat(12);
        let text = format!(
            "1.加强组织领导。{body}按时办结率达90%2.全面推进政务公开。{body} 3.推进依法决策 {body}"
        );
        assert_eq!(
            titles(&text),
            vec![
                (3, "加强组织领导".into()),
                (3, "全面推进政务公开".into()),
                (3, "推进依法决策".into()),
            ]
        );
    }

    #[test]
    fn enumerations_inline() {
        let text = "(一)加强领导。一是强化组织领导。二是规范程序；(1)决策公开、(2)执行公开。";
        let hs = find_headings(text, &Stops::new(text));
        let items: Vec<&str> = find_enumerations(text, &hs, &Stops::new(text))
            .iter()
            .map(|e| &text[e.marker.clone()])
            .collect();
        assert_eq!(items, vec!["一是", "二是", "(1)", "(2)"]);
    }

    #[test]
    fn again_is_an_enumeration_only_after_secondly() {
        let text = "首先要学习。其次要落实。再次要考核。\n会议再次强调要落实。\n";
        let items: Vec<&str> = find_enumerations(text, &[], &Stops::new(text))
            .iter()
            .map(|e| &text[e.marker.clone()])
            .collect();
        assert_eq!(items, vec!["首先", "其次", "再次"]);
    }
}

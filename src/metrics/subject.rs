//! What a figure counts: the noun phrase beside the number.
//!
//! Reports put the counted noun on either side of the number:
//!
//! - **left**, after its verb: `受理行政复议申请16件` → 行政复议申请. Reading leftwards
//!   from the number, words that only stand between subject and figure are skipped
//!   (`达到`, `共`, `仅有`, `压缩至`: the `gap` role of `data/words.tsv`), then words are
//!   taken up to a verb (`受理`; data/verbs.txt and the `verb` role), a function word
//!   (`或`, `对`, `由`: `not_subject`), a word of time or place (`全年`, `全县`: `scope`)
//!   or a punctuation mark. A verb that also names an activity stays in
//!   (`行政执法人员培训`: `noun_verb`), and so does any verb right before a noun suffix
//!   (`罚没款`, `办结率`: `noun_suffix`).
//! - **right**, after the measure word, when the number follows its verb or a function
//!   word: `召开4次专题会议` → 专题会议, `对12家重点企业` → 重点企业, `近九成的行政执法
//!   人员` → 行政执法人员.
//! - **nowhere**: `审结70件` after `受理行政复议申请73件` counts what the figure before it
//!   counted, and takes its subject (only back within the sentence, or the one before, to
//!   a figure of the same unit family). `出庭应诉12次` counts the action itself (event
//!   units such as 次, 场, 期). `在公布后30日内` counts nothing: a period has a subject
//!   only when a word for a length of time names it (`审批时限压缩至8个工作日`).
//!
//! A change (`同比增长12.3%`, `较上年提高0.6个百分点`) with nothing before it is a change of
//! the figure just before (`市场主体4.7万户，同比增长12.3%`). A share `A占B的N%` is a share
//! of A (`撤销和确认违法的案件占审结案件的12.5%`). The subject is left empty rather than
//! wrong: a function word or a verb phrase is never returned.

use std::ops::Range;

use super::context::Context;
use super::Found;
use crate::knowledge::{self, Role};
use crate::segment::{Token, TokenKind};

/// The most words a subject takes.
const MAX_WORDS: usize = 6;
/// The most characters a subject takes.
const MAX_CHARS: usize = 16;
/// How many figures back a subject is inherited from.
const INHERIT_BACK: usize = 8;

/// Sets the subject of every figure that has none (table cells come with theirs).
pub fn assign(ctx: &Context<'_>, tokens: &[Token], found: &mut [Found]) {
    for i in 0..found.len() {
        if found[i].cell.is_some() {
            continue;
        }
        let subject = subject_of(ctx, tokens, found, i);
        found[i].subject = subject;
    }
}

/// How a word stands to a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// Part of a noun phrase.
    Noun,
    /// A verb that ends a subject.
    Verb,
    /// A verb that may name an activity (`培训`).
    NounVerb,
    /// A function word, time or place word, punctuation or number: ends a subject.
    Stop,
}

fn word_class(text: &str, t: &Token) -> Word {
    let w = &text[t.range()];
    if t.kind != TokenKind::Word || w.trim().is_empty() {
        return Word::Stop;
    }
    if knowledge::word_set(Role::NotSubject).contains(w)
        || knowledge::word_set(Role::Scope).contains(w)
        || knowledge::word_set(Role::Gap).contains(w)
        || knowledge::word_set(Role::Linking).contains(w)
    {
        return Word::Stop;
    }
    if knowledge::word_set(Role::NounVerb).contains(w) {
        return Word::NounVerb;
    }
    if knowledge::verbs().contains(w) || knowledge::word_set(Role::Verb).contains(w) {
        return Word::Verb;
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        return Word::Stop;
    }
    Word::Noun
}

/// Index of the first token ending after `pos`.
fn token_after(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.range().end <= pos)
}

/// The words skipped between a subject and its figure, leftwards from `from`: returns
/// the index just past the last token of the subject side (tokens before it are read).
fn skip_gap_left(ctx: &Context<'_>, tokens: &[Token], from: usize, floor: usize) -> usize {
    let text = ctx.text;
    let mut k = token_after(tokens, from);
    // A token straddling `from` (a hedge glued to a word) is not read.
    while k > 0 && tokens[k - 1].range().end > from {
        k -= 1;
    }
    let mut last_link = false;
    while k > 0 {
        ctx.tick(1);
        let t = &tokens[k - 1];
        if t.range().start < floor {
            break;
        }
        let w = &text[t.range()];
        let gap = w.trim().is_empty()
            || knowledge::word_set(Role::Gap).contains(w)
            || knowledge::word_set(Role::Linking).contains(w)
            || knowledge::word_set(Role::Change).contains(w)
            || knowledge::hedges_before().iter().any(|h| h.word == w);
        // `压缩至`, `提高到`, `控制在`: the verb before a linking word goes with it.
        let verb_of_link = last_link
            && matches!(word_class(text, t), Word::Verb | Word::NounVerb)
            && !knowledge::word_set(Role::NounSuffix).contains(w);
        // `较2020年下降`: the year compared with.
        let compared = t.kind == TokenKind::Number
            && k >= 2
            && matches!(&text[tokens[k - 2].range()], "较" | "比" | "与");
        if compared {
            k -= 2;
            last_link = false;
            continue;
        }
        if !(gap || verb_of_link) {
            break;
        }
        last_link = matches!(w, "至" | "到" | "在" | "为" | "于");
        k -= 1;
    }
    k
}

/// The noun phrase ending at token `k` (exclusive), read leftwards within `floor`.
fn noun_phrase_left(
    ctx: &Context<'_>,
    tokens: &[Token],
    k: usize,
    floor: usize,
    event: bool,
) -> Option<Range<usize>> {
    let text = ctx.text;
    let mut first = k;
    let mut words = 0;
    let mut chars = 0;
    while first > 0 {
        ctx.tick(1);
        let t = &tokens[first - 1];
        if t.range().start < floor {
            break;
        }
        let w = &text[t.range()];
        // `乡镇（街道）`: a parenthesis inside the phrase.
        if matches!(w, "）" | ")") {
            let open = (first.saturating_sub(8)..first - 1)
                .rev()
                .find(|&j| matches!(&text[tokens[j].range()], "（" | "("));
            match open {
                Some(j) if tokens[j].range().start >= floor && j > 0 => {
                    chars += text[tokens[j].range().start..t.range().end].chars().count();
                    first = j;
                    continue;
                }
                _ => break,
            }
        }
        let class = word_class(text, t);
        let included = &tokens[first..k];
        let suffix_next = included
            .first()
            .is_some_and(|n| knowledge::word_set(Role::NounSuffix).contains(&text[n.range()]));
        let take = match class {
            Word::Noun | Word::NounVerb => true,
            Word::Verb => suffix_next,
            Word::Stop => false,
        };
        // An action counted by 次/场/期 is the verbs next to the number (`出庭应诉`), and
        // the body doing it stands before them (`县政府负责人`): stop at the first noun
        // after verbs.
        if event
            && class == Word::Noun
            && !included.is_empty()
            && included.iter().all(|n| word_class(text, n) != Word::Noun)
        {
            break;
        }
        if !take {
            break;
        }
        words += 1;
        chars += w.chars().count();
        if words > MAX_WORDS || chars > MAX_CHARS {
            break;
        }
        first -= 1;
    }
    (first < k).then(|| tokens[first].range().start..tokens[k - 1].range().end)
}

/// Whether every word of `r` is a verb (`审结`, `维持`, `确认违法`): a phrase that names
/// what was done, not what was counted.
fn verbs_only(ctx: &Context<'_>, tokens: &[Token], r: &Range<usize>) -> bool {
    let text = ctx.text;
    let a = token_after(tokens, r.start);
    tokens[a..]
        .iter()
        .take_while(|t| t.range().end <= r.end)
        .all(|t| matches!(word_class(text, t), Word::Verb | Word::NounVerb) || is_result(text, t))
}

/// `违法` after `确认`, `成功` after `调解`: an outcome named by a verb phrase.
fn is_result(text: &str, t: &Token) -> bool {
    matches!(&text[t.range()], "违法" | "成功" | "失效" | "有效")
}

/// The noun phrase after the unit (`召开4次专题会议`, `近九成的行政执法人员`).
fn noun_phrase_right(ctx: &Context<'_>, tokens: &[Token], from: usize) -> Option<Range<usize>> {
    let text = ctx.text;
    let end = ctx.comma_end(from);
    let mut k = token_after(tokens, from);
    if tokens.get(k).is_some_and(|t| t.range().start < from) {
        return None;
    }
    // `以上的`, `左右的`, `的`.
    let mut steps = 0;
    while let Some(t) = tokens.get(k) {
        let w = &text[t.range()];
        let skip = w == "的"
            || w.trim().is_empty()
            || knowledge::hedges_after().iter().any(|h| h.word == w);
        if !skip || steps > 3 {
            break;
        }
        steps += 1;
        k += 1;
    }
    // `11件涉及校外培训机构的投诉`: a relative clause before 的; the noun after it.
    if tokens
        .get(k)
        .is_some_and(|t| word_class(text, t) == Word::Verb)
    {
        let de = tokens[k..]
            .iter()
            .take(8)
            .take_while(|t| t.range().end <= end)
            .position(|t| &text[t.range()] == "的")?;
        k += de + 1;
    }
    let first = k;
    let mut words = 0;
    let mut chars = 0;
    while let Some(t) = tokens.get(k) {
        ctx.tick(1);
        if t.range().end > end {
            break;
        }
        let w = &text[t.range()];
        if matches!(w, "（" | "(") {
            let close = (k + 1..(k + 8).min(tokens.len()))
                .find(|&j| matches!(&text[tokens[j].range()], "）" | ")"));
            match close {
                Some(j) if tokens[j].range().end <= end && k > first => {
                    k = j + 1;
                    continue;
                }
                _ => break,
            }
        }
        if !matches!(word_class(text, t), Word::Noun | Word::NounVerb) {
            break;
        }
        words += 1;
        chars += w.chars().count();
        if words > MAX_WORDS - 1 || chars > MAX_CHARS {
            break;
        }
        k += 1;
    }
    // A single verb-like word is no noun phrase (`3个未配备`).
    let phrase = (k > first).then(|| tokens[first].range().start..tokens[k - 1].range().end)?;
    (!verbs_only(ctx, tokens, &phrase)).then_some(phrase)
}

/// The subject of a share `A占B的N%`: A, from the clause start to 占 (`撤销、确认违法和
/// 责令履行的案件占审结案件的14.8%`); a leading `X中` names the whole A is taken from.
fn share_subject(ctx: &Context<'_>, f: &Found) -> Option<Range<usize>> {
    let text = ctx.text;
    let start = ctx.comma_start(f.clause.end);
    let clause = &text[start..f.clause.end];
    let at = knowledge::words(Role::RateBase)
        .iter()
        .filter_map(|w| clause.rfind(w))
        .max()?;
    let mut head = &clause[..at];
    // `行政复议案件中撤销…`: the whole the share is taken from.
    for mark in knowledge::words(Role::SubsetMark) {
        if let Some(i) = head.rfind(mark) {
            head = &head[i + mark.len()..];
        }
    }
    let head = head.trim_start_matches(|c: char| c.is_whitespace() || "，、".contains(c));
    let head = knowledge::starting_with(head, Role::NotSubject).map_or(head, |w| &head[w.len()..]);
    let n = head.chars().count();
    let from = start + at - head.len();
    (2..=MAX_CHARS + 4).contains(&n).then(|| from..start + at)
}

/// A word for a length of time in `r` (`审批时限`, `平均审理天数`).
fn names_duration(text: &str, r: &Range<usize>) -> bool {
    knowledge::contains_any(&text[r.clone()], Role::DurationNoun)
}

/// The subject of the figure `i`, the figures before it already done.
fn subject_of(
    ctx: &Context<'_>,
    tokens: &[Token],
    found: &[Found],
    i: usize,
) -> Option<Range<usize>> {
    let text = ctx.text;
    let f = &found[i];
    let floor = f.clause.start;
    // Shares: `A占B的N%`.
    if f.unit_kind == "percent" && knowledge::contains_any(&text[f.clause.clone()], Role::RateBase)
    {
        if let Some(s) = share_subject(ctx, f) {
            return Some(s);
        }
    }
    let k = skip_gap_left(ctx, tokens, f.clause.end, floor);
    let left = noun_phrase_left(ctx, tokens, k, floor, f.event && f.unit_kind == "count");
    let right = noun_phrase_right(ctx, tokens, f.raw.end);
    if f.deadline {
        // A period names nothing unless a word for a length of time does.
        return [left, right]
            .into_iter()
            .flatten()
            .find(|r| names_duration(text, r));
    }
    let left_is_verbs = left.as_ref().is_some_and(|r| verbs_only(ctx, tokens, r));
    match (&left, &right) {
        // The number follows its verb or a function word: the noun is to its right.
        (None, Some(r)) => return Some(r.clone()),
        (Some(l), Some(r)) if left_is_verbs && !f.event => {
            let _ = l;
            return Some(r.clone());
        }
        (Some(l), _) if !left_is_verbs => return Some(l.clone()),
        _ => {}
    }
    // `出庭应诉12次`: the action counted.
    if f.event && left.is_some() {
        return left;
    }
    inherited(ctx, found, i).or(left)
}

/// The subject of the nearest figure before `i` that this one continues: same unit family,
/// in the same or the previous sentence (`受理行政复议申请73件，审结70件`); for a change or
/// a share with nothing before it, the figure just before, whatever its unit
/// (`罚没款412.6万元，比上年提高18.4%`).
fn inherited(ctx: &Context<'_>, found: &[Found], i: usize) -> Option<Range<usize>> {
    let f = &found[i];
    let sentence = ctx.sentence_index(f.raw.start);
    let change = knowledge::contains_any(&ctx.text[f.clause.clone()], Role::Change)
        || ctx.text[f.clause.clone()].trim().is_empty();
    found[..i]
        .iter()
        .rev()
        .take(INHERIT_BACK)
        .take_while(|p| sentence - ctx.sentence_index(p.raw.start) <= 1)
        .find(|p| {
            ctx.tick(1);
            p.subject.is_some() && (p.family == f.family || (change && f.unit_kind == "percent"))
        })
        .and_then(|p| p.subject.clone())
}

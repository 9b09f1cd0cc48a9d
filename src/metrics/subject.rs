//! What a figure counts: the noun phrase beside the number.
//!
//! Reports put the counted noun on either side of the number:
//!
//! - **left**, after its verb: `受理行政复议申请16件` → 行政复议申请. Reading leftwards
//!   from the number, words that only stand between subject and figure are skipped
//!   (`达到`, `共`, `仅有`, `压缩至`, `力争`: the `gap` and `target` roles of
//!   `data/words.tsv`), then words are taken up to a verb (`受理`; data/verbs.txt and the
//!   `verb` role), a function word (`或`, `对`, `由`: `not_subject`), a word of time or
//!   place (`全年`, `全县`, `每月`: `scope`) or a punctuation mark. A verb that also names
//!   an activity stays in (`行政执法人员培训`: `noun_verb`), so does a verb right before a
//!   noun suffix (`罚没款`, `办结率`: `noun_suffix`), and so does a verb next to the number
//!   after a noun (`行政执法案卷评查320卷`, `土地整治4.8万亩`). The name of a body at the
//!   head of the phrase says whose it is, not what (`区政务服务中心可办事项` → 可办事项:
//!   the `actor` role).
//! - **right**, after a measure word: `组织5个宣传调研组` → 宣传调研组, `全县68所中小学`,
//!   `对12家重点企业`, `近九成的行政执法人员` → 行政执法人员; for a measure word of the
//!   `classifier` role the noun after it is preferred to one before it (`县司法局两位律师`
//!   → 律师), otherwise only when nothing stands before it but a verb or a function word
//!   (`召开4次专题会议` → 专题会议).
//! - **nowhere**: `审结70件` after `受理行政复议申请73件` counts what the figure before it
//!   counted, and takes its subject (back within the sentence or the one before, to a
//!   figure of the same unit family). `出庭应诉12次` counts the action itself (units of the
//!   `event` flag: 次, 场, 期), with how it is done (`集体学法`, `联合抽查`: `manner`) but
//!   not who does it (`县政府负责人`). `在公布后30日内` counts nothing: a period has a
//!   subject only when a word for a length of time names it (`审批时限压缩至8个工作日`).
//!
//! A change with nothing before it (`市场主体4.7万户，同比增长12.3%`) or a figure per head
//! (`轮训2期，每人不少于40学时`) is of the figure just before. A share `A占B的N%` is a share
//! of A (`撤销和确认违法的案件占审结案件的12.5%`). Parts stated together
//! (`公证机构、司法鉴定机构、仲裁委员会分别为98家、143家、14家`) take their names in order.
//! The subject is left empty rather than wrong: a function word or a lone verb is never
//! returned.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::context::Context;
use super::sums::Breakdown;
use super::Found;
use crate::knowledge::{self, Role};
use crate::segment::{Token, TokenKind};

/// The most words a subject takes.
const MAX_WORDS: usize = 6;
/// The most characters a subject takes.
const MAX_CHARS: usize = 16;
/// How many figures back a subject is inherited from.
const INHERIT_BACK: usize = 8;
/// Numerals that make a word a count or a slogan (`四级`, `十四五`), never part of a subject.
const NUMERAL_CHARS: &str = "二三四五六七八九十两";

/// Sets the subject of every figure that has none (table cells come with theirs).
pub fn assign(ctx: &Context<'_>, tokens: &[Token], found: &mut [Found], breakdowns: &[Breakdown]) {
    // The total each figure is a part of (the first breakdown listing it), and the first
    // part of each total.
    let mut links = Links {
        total_of: vec![None; found.len()],
        first_part: vec![None; found.len()],
    };
    // Indices as u32 (half the memory of a long table's links); a text of more than 4
    // billion figures is not one a report holds.
    let index = |i: usize| u32::try_from(i).ok();
    for b in breakdowns {
        for &p in &b.parts {
            if links.total_of[p].is_none() {
                links.total_of[p] = index(b.total);
            }
        }
        if let Some(&p) = b.parts.first() {
            if links.first_part[b.total].is_none() {
                links.first_part[b.total] = index(p);
            }
        }
    }
    for i in 0..found.len() {
        if found[i].cell {
            continue;
        }
        let subject = subject_of(ctx, tokens, found, &links, i);
        found[i].set_subject(subject);
    }
    distribute(ctx, tokens, found);
}

/// The breakdowns as the subject reader needs them.
struct Links {
    /// The total each figure is a part of.
    total_of: Vec<Option<u32>>,
    /// The first part of each total.
    first_part: Vec<Option<u32>>,
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
    /// A reporting verb the dictionary glued to its noun (`取消证明事项`): the noun after
    /// this many bytes opens the subject.
    Glued(usize),
}

/// The class of a word as written: the words the lists name classed once
/// ([`listed_class`]), any other word by its first character.
fn class_of(w: &str) -> Word {
    static LISTED: OnceLock<FxHashMap<&'static str, Word>> = OnceLock::new();
    let listed = LISTED.get_or_init(|| {
        let roles = [
            Role::NounVerb,
            Role::NotSubject,
            Role::Scope,
            Role::Linking,
            Role::Gap,
            Role::Target,
            Role::Verb,
        ];
        let words = roles
            .iter()
            .flat_map(|&r| knowledge::words(r).iter().copied())
            .chain(knowledge::hedges_before().iter().map(|h| h.word))
            .chain(knowledge::hedges_after().iter().map(|h| h.word))
            .chain(knowledge::verbs().iter().copied());
        words.map(|w| (w, listed_class(w))).collect()
    });
    match listed.get(w) {
        Some(&class) => class,
        // In no list: what `listed_class` says of such a word.
        None if w.trim().is_empty()
            || w.starts_with(|c: char| c.is_ascii_digit() || NUMERAL_CHARS.contains(c)) =>
        {
            Word::Stop
        }
        None => Word::Noun,
    }
}

/// The class of a word by the lists, in their order of precedence.
fn listed_class(w: &str) -> Word {
    if w.trim().is_empty() {
        return Word::Stop;
    }
    if knowledge::word_set(Role::NounVerb).contains(w) {
        return Word::NounVerb;
    }
    if knowledge::word_set(Role::NotSubject).contains(w)
        || knowledge::word_set(Role::Scope).contains(w)
        || knowledge::word_set(Role::Linking).contains(w)
        || knowledge::word_set(Role::Gap).contains(w)
        || knowledge::word_set(Role::Target).contains(w)
        || knowledge::hedges_before().iter().any(|h| h.word == w)
        || knowledge::hedges_after().iter().any(|h| h.word == w)
        || w.starts_with(|c: char| c.is_ascii_digit() || NUMERAL_CHARS.contains(c))
    {
        return Word::Stop;
    }
    if knowledge::verbs().contains(w) || knowledge::word_set(Role::Verb).contains(w) {
        return Word::Verb;
    }
    Word::Noun
}

fn word_class(text: &str, t: &Token) -> Word {
    if t.kind != TokenKind::Word {
        return Word::Stop;
    }
    let w = &text[t.range()];
    match (class_of(w), verb_prefix(w)) {
        // Verbs the dictionary glued together: `依法查处`, `排查调处`, `更新改造`.
        (Word::Noun, Some(p)) if class_of(&w[p..]) != Word::Noun => Word::Verb,
        // A reporting verb glued to a noun phrase that ends in a head noun: `取消证明事项`
        // (not `负责人出庭应诉`, whose rest ends in a verb).
        (Word::Noun, Some(p))
            if knowledge::verbs().contains(&w[..p])
                && knowledge::ending_with(&w[p..], Role::HeadNoun).is_some()
                && knowledge::ending_with(&w[p..], Role::NounSuffix)
                    .is_none_or(|e| e.chars().count() > 1) =>
        {
            Word::Glued(p)
        }
        (class, _) => class,
    }
}

/// The length of a verb or function word at the start of a longer word whose rest is two
/// or more characters (`依法查处` → 依法).
fn verb_prefix(w: &str) -> Option<usize> {
    let mut ends = w
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .skip(1)
        .take(2);
    ends.find(|&p| {
        w[p..].chars().count() >= 2
            && matches!(class_of(&w[..p]), Word::Verb | Word::Stop)
            && w[..p].chars().all(crate::normalize::is_han)
    })
}

fn is(text: &str, t: &Token, role: Role) -> bool {
    knowledge::word_set(role).contains(&text[t.range()])
}

fn ends_with_role(text: &str, t: &Token, role: Role) -> bool {
    knowledge::ending_with(&text[t.range()], role).is_some()
}

/// Index of the first token ending after `pos`.
fn token_after(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.range().end <= pos)
}

/// The words skipped between a subject and its figure, leftwards from `from`: returns
/// the index just past the last token of the subject side (tokens before it are read),
/// and the verb next to the figure, if one was skipped (`审结70件`, `罚款418万元`).
fn skip_gap_left(
    ctx: &Context<'_>,
    tokens: &[Token],
    from: usize,
    floor: usize,
) -> (usize, Option<Range<usize>>) {
    let text = ctx.text;
    let mut k = token_after(tokens, from);
    // A token straddling `from` (a hedge glued to a word) is not read.
    while k > 0 && tokens[k - 1].range().end > from {
        k -= 1;
    }
    let mut last_link = false;
    let mut verb = None;
    while k > 0 {
        ctx.tick(1);
        let t = &tokens[k - 1];
        if t.range().start < floor {
            break;
        }
        let w = &text[t.range()];
        let gap = w.trim().is_empty()
            || is(text, t, Role::Gap)
            || is(text, t, Role::Linking)
            || is(text, t, Role::Change)
            || is(text, t, Role::Target)
            || knowledge::hedges_before().iter().any(|h| h.word == w);
        // `压缩至`, `提高到`, `控制在`: the verb before a linking word goes with it.
        let verb_of_link = last_link
            && matches!(word_class(text, t), Word::Verb | Word::NounVerb)
            && !is(text, t, Role::NounSuffix);
        // `较2020年下降`, `比上年提高`: the year compared with.
        let compared = (t.kind == TokenKind::Number || matches!(w, "上年" | "去年" | "同期"))
            && k >= 2
            && matches!(
                &text[tokens[k - 2].range()],
                "较" | "比" | "与" | "由" | "从"
            );
        if compared {
            k -= 2;
            last_link = false;
            continue;
        }
        // `…违法用地中有14宗`: the whole the figure is taken from.
        if last_link && is(text, t, Role::SubsetMark) {
            k -= 1;
            break;
        }
        if !(gap || verb_of_link) {
            // `审结70件`, `一审行政诉讼案件审结52件`: a verb next to the figure says what was
            // done to what stands before it, unless a word before it makes the two one
            // name (`直接纠错9件`, `联合抽查18次`, `土地整治4.8万亩`).
            if verb.is_none() && word_class(text, t) == Word::Verb {
                let before = k
                    .checked_sub(2)
                    .map(|b| &tokens[b])
                    .filter(|b| b.range().start >= floor);
                let names = before.is_some_and(|b| {
                    word_class(text, b) != Word::Stop
                        && !ends_with_role(text, b, Role::HeadNoun)
                        && !ends_with_role(text, b, Role::NounSuffix)
                        && !ends_with_role(text, b, Role::Actor)
                });
                if !names {
                    verb = Some(t.range());
                    k -= 1;
                    last_link = false;
                    continue;
                }
            }
            break;
        }
        last_link = matches!(w, "至" | "到" | "在" | "为" | "于" | "有" | "仅有" | "只有");
        k -= 1;
    }
    (k, verb)
}

/// The noun phrase ending at token `k` (exclusive), read leftwards within `floor`.
fn noun_phrase_left(
    ctx: &Context<'_>,
    tokens: &[Token],
    k: usize,
    floor: usize,
) -> Option<Range<usize>> {
    let text = ctx.text;
    let mut first = k;
    let mut cut = None;
    let mut words = 0;
    let mut chars = 0;
    while first > 0 {
        ctx.tick(1);
        let t = &tokens[first - 1];
        if t.range().start < floor {
            break;
        }
        let w = &text[t.range()];
        let included = &tokens[first..k];
        let next = included.first();
        let next_is = |role: Role| next.is_some_and(|n| is(text, n, role));
        // A bound suffix (`率`, `款`), or a word ending in one (`成功率`).
        let next_bound = next.is_some_and(|n| {
            is(text, n, Role::NounSuffix)
                || knowledge::ending_with(&text[n.range()], Role::NounSuffix)
                    .is_some_and(|e| e.chars().count() == 1)
        });
        // `乡镇（街道）`: a parenthesis inside the phrase; `“一网通办”率`: a quoted name
        // before a suffix.
        // `“国治件”共29件`: a quoted name that is all the phrase.
        if (matches!(w, "）" | ")") && first < k) || (w == "”" && (next_bound || first == k)) {
            let opening = if w == "”" { "“" } else { "（(" };
            let open = (first.saturating_sub(10)..first - 1)
                .rev()
                .find(|&j| opening.contains(&text[tokens[j].range()]));
            match open {
                // `乡镇（街道）`, not `细颗粒物（PM2.5）`.
                Some(j)
                    if tokens[j].range().start >= floor
                        && !text[tokens[j].range().start..t.range().end]
                            .contains(|c: char| c.is_ascii_alphanumeric()) =>
                {
                    chars += text[tokens[j].range().start..t.range().end].chars().count();
                    first = j;
                    continue;
                }
                _ => break,
            }
        }
        // `合同、协议`, `减税降费及退税缓费`, `违法或不当行政行为`: nouns joined inside the
        // phrase.
        if matches!(w, "、" | "和" | "及" | "与" | "或")
            && !included.is_empty()
            && first >= 2
            && tokens[first - 2].range().start >= floor
            && matches!(word_class(text, &tokens[first - 2]), Word::Noun)
            // not the unit of a figure before (`四十七件、普通程序案件九件`)
            && !(knowledge::unit(&text[tokens[first - 2].range()]).is_some()
                && first >= 3
                && word_class(text, &tokens[first - 3]) == Word::Stop)
        {
            // The joiner and the noun before it.
            chars += text[tokens[first - 2].range().start..t.range().end]
                .chars()
                .count();
            first -= 2;
            continue;
        }
        let take = match word_class(text, t) {
            // Who or where, before what: `县政府`, `中心组`, `司法局`, `部分街道…`, `到社区
            // 服务`.
            Word::Noun => {
                included.is_empty()
                    || !(ends_with_role(text, t, Role::Actor)
                        || (is(text, t, Role::Place)
                            && next.is_none_or(|n| !matches!(&text[n.range()], "（" | "("))))
            }
            // `培训`, `执法人员`, `出庭应诉`, `调解成功`.
            Word::NounVerb => true,
            // Next to the number after a word that makes it a name (`土地整治`: the gap
            // reader kept it); `罚没款`, `办结率`; `检测设备`, `建设用地` (not a
            // reporting verb).
            Word::Verb => {
                included.is_empty()
                    || next_bound
                    || (next_is(Role::HeadNoun) && !knowledge::verbs().contains(w))
            }
            Word::Stop => false,
            // `取消证明事项`: the noun after the glued verb, and no further.
            Word::Glued(p) => {
                cut = Some(t.range().start + p);
                first -= 1;
                break;
            }
        };
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
    if first >= k {
        return None;
    }
    let mut phrase = cut.unwrap_or(tokens[first].range().start)..tokens[k - 1].range().end;
    // `应出庭的案件`, `被撤销的案件`, `接入在线监测平台的比例`: a bare head after 的 takes its
    // verb.
    if first + 1 == k
        && (is(text, &tokens[first], Role::NounSuffix) || is(text, &tokens[first], Role::HeadNoun))
    {
        let share = matches!(&text[phrase.clone()], "比例" | "比率" | "占比" | "比重");
        phrase.start = relative_start(ctx, tokens, first, floor, share).unwrap_or(phrase.start);
    }
    Some(phrase)
}

/// Where a relative clause `V(N)的` before token `head` starts: through 的 and nouns to
/// a verb that opens the clause or follows an auxiliary (`应出庭的案件`, `被撤销的案件`);
/// before a share (`比例`) any verb opens it (`医疗机构接入在线监测平台的比例`).
fn relative_start(
    ctx: &Context<'_>,
    tokens: &[Token],
    head: usize,
    floor: usize,
    share: bool,
) -> Option<usize> {
    let text = ctx.text;
    let de = head.checked_sub(1)?;
    if &text[tokens[de].range()] != "的" {
        return None;
    }
    let mut j = de;
    while j > 0 && de - j < 6 {
        let t = &tokens[j - 1];
        if t.range().start < floor {
            return None;
        }
        if j < de && matches!(&text[t.range()], "应" | "被" | "已" | "未") {
            return Some(t.range().start);
        }
        match word_class(text, t) {
            Word::Noun | Word::NounVerb => j -= 1,
            Word::Verb => {
                j -= 1;
                let before = j.checked_sub(1).map(|b| &tokens[b]);
                return match before {
                    Some(b) if matches!(&text[b.range()], "应" | "被" | "已" | "未") => {
                        Some(b.range().start)
                    }
                    Some(b)
                        if !share
                            && b.range().start >= floor
                            && word_class(text, b) != Word::Stop =>
                    {
                        None
                    }
                    _ => Some(tokens[j].range().start),
                };
            }
            Word::Stop | Word::Glued(_) => return None,
        }
    }
    None
}

/// Whether every word of `r` is a verb that is not also a noun (`审结`, `维持`,
/// `确认违法`), or `r` is a single character: a phrase that names what was done, not what
/// was counted.
fn verbs_only(ctx: &Context<'_>, tokens: &[Token], r: &Range<usize>) -> bool {
    let text = ctx.text;
    if text[r.clone()].chars().count() < 2 {
        return true;
    }
    let a = token_after(tokens, r.start);
    tokens[a..]
        .iter()
        .take_while(|t| t.range().end <= r.end)
        .all(|t| word_class(text, t) == Word::Verb || is_result(text, t))
}

/// `违法` after `确认`, `成功` after `调解`: an outcome named by a verb phrase.
fn is_result(text: &str, t: &Token) -> bool {
    matches!(&text[t.range()], "违法" | "成功" | "失效" | "有效")
}

/// The noun phrase after the unit (`召开4次专题会议`, `近九成的行政执法人员`, `派出8个督导组`,
/// `经2次现场复核`).
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
        if let Some(de) = tokens[k..]
            .iter()
            .take(8)
            .take_while(|t| t.range().end <= end)
            .position(|t| &text[t.range()] == "的")
        {
            k += de + 1;
        }
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
                    // `12个县（市、区）…`, `37个乡镇（街道）…`: a unit with its kinds is
                    // what is counted.
                    let unit_with_kinds = k == first + 1;
                    k = j + 1;
                    if unit_with_kinds {
                        break;
                    }
                    continue;
                }
                _ => break,
            }
        }
        // `20个部门所负责执行的…`: 所 before a verb is a particle, not a noun.
        let particle = w == "所"
            && tokens
                .get(k + 1)
                .is_some_and(|n| matches!(word_class(text, n), Word::Verb | Word::NounVerb));
        let class = if particle || is(text, t, Role::Gap) {
            Word::Stop
        } else {
            word_class(text, t)
        };
        let last = tokens
            .get(k + 1)
            .is_none_or(|n| n.range().start >= end || n.kind == TokenKind::Punct);
        let take = match class {
            Word::Noun | Word::NounVerb => true,
            // `督导组`: a verb opening a noun; `现场复核，`: a verb after a word of manner,
            // closing the clause.
            Word::Verb => {
                (k == first && !last)
                    || (k == first + 1 && last && is(text, &tokens[first], Role::Manner))
            }
            Word::Stop | Word::Glued(_) => false,
        };
        if !take {
            break;
        }
        words += 1;
        chars += w.chars().count();
        if words > MAX_WORDS || chars > MAX_CHARS {
            break;
        }
        k += 1;
    }
    // A verb alone is no noun phrase (`3个未配备`); a noun of one character is (`的村`);
    // a body that does something is the subject of a clause (`三轮政府购买服务…`).
    let phrase = (k > first).then(|| tokens[first].range().start..tokens[k - 1].range().end)?;
    let verbs = tokens[first..k]
        .iter()
        .all(|t| word_class(text, t) == Word::Verb);
    let actor_acting = k == first + 1
        && ends_with_role(text, &tokens[first], Role::Actor)
        && tokens
            .get(k)
            .is_some_and(|t| word_class(text, t) == Word::Verb);
    (!verbs && !actor_acting).then_some(phrase)
}

/// The subject of a share `A占B的N%`: A, from the clause start to 占 (`撤销、确认违法和
/// 责令履行的案件占审结案件的14.8%`); a leading `X中` names the whole A is taken from.
/// Not `占比` (a noun: `即办件占比达到68.5%`).
fn share_subject(ctx: &Context<'_>, f: &Found) -> Option<Range<usize>> {
    let text = ctx.text;
    let start = ctx.comma_start(f.clause().end);
    let clause = &text[start..f.clause().end];
    let at = knowledge::words(Role::RateBase)
        .iter()
        .filter_map(|w| clause.rfind(w).map(|i| (i, w.len())))
        .max()?;
    if !clause.ends_with('的') || clause[at.0 + at.1..].starts_with('比') {
        return None;
    }
    let at = at.0;
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

/// `召开党工委会议研究法治工作三次`: with an event unit, the meeting held in its clause.
fn meeting(ctx: &Context<'_>, tokens: &[Token], f: &Found) -> Option<Range<usize>> {
    let text = ctx.text;
    let start = ctx.comma_start(f.clause().end);
    let a = token_after(tokens, start);
    let b = token_after(tokens, f.clause().end);
    let mut convene = (a..b).find(|&j| is(text, &tokens[j], Role::Convene))?;
    // `主持召开`.
    while convene + 1 < b && is(text, &tokens[convene + 1], Role::Convene) {
        convene += 1;
    }
    let held = (convene + 1..b.min(convene + 6))
        .find(|&j| ends_with_role(text, &tokens[j], Role::MeetingNoun))?;
    let mut first = convene + 1;
    // `县政府常务会议`: who holds it is part of its name; a person is not.
    while first < held
        && is(text, &tokens[first], Role::Actor)
        && !is(text, &tokens[first], Role::MeetingNoun)
    {
        if !text[tokens[first].range()].ends_with("政府") {
            break;
        }
        first += 1;
    }
    ctx.tick(held - convene);
    Some(tokens[first].range().start..tokens[held].range().end)
}

/// The part of `r` up to a word for a length of time in it, not opening it
/// (`审理期限余量` → 审理期限; `时间集中` after `用两个月` names nothing).
fn duration_in(text: &str, r: &Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    knowledge::words(Role::DurationNoun)
        .iter()
        .filter_map(|w| s.find(w).filter(|&i| i > 0).map(|i| i + w.len()))
        .min()
        .map(|end| r.start..r.start + end)
}

/// The subject of the figure `i`, the figures and breakdowns before it already done.
fn subject_of(
    ctx: &Context<'_>,
    tokens: &[Token],
    found: &[Found],
    links: &Links,
    i: usize,
) -> Option<Range<usize>> {
    let text = ctx.text;
    let f = &found[i];
    // Never back into the figure before (`四千三百余项执法事项分为三大类`).
    let floor = match i.checked_sub(1).map(|p| found[p].raw().end) {
        Some(end) if end <= f.clause().end => f.clause().start.max(end),
        _ => f.clause().start,
    };
    // `越级赴省访5批13人次`: a figure right after another counts the same thing.
    if let Some(p) = i.checked_sub(1) {
        let between = &text[found[p].raw().end.min(f.raw().start)..f.raw().start];
        if between.trim().is_empty() && found[p].subject().is_some() {
            return found[p].subject();
        }
    }
    // Shares: `A占B的N%`.
    if f.unit_kind() == "percent" {
        if let Some(s) = share_subject(ctx, f) {
            return Some(s);
        }
    }
    let (k, verb) = skip_gap_left(ctx, tokens, f.clause().end, floor);
    let event_meeting = if f.event {
        meeting(ctx, tokens, f)
    } else {
        None
    };
    // `…培训，人均不少于60学时`: per head of what the clause before names.
    let per_head =
        knowledge::starting_with(text[floor..f.clause().end].trim_start(), Role::NotSubject)
            .is_some_and(|w| matches!(w, "人均" | "每人"));
    if per_head {
        let before = ctx.comma_start(floor.saturating_sub(1));
        let end = text[..floor].trim_end_matches(['，', '；', ' ']).len();
        let (k, _) = skip_gap_left(ctx, tokens, end, before);
        return noun_phrase_left(ctx, tokens, k, before)
            .or_else(|| inherited(ctx, found, links, i, true));
    }
    // Nouns joined by 、 stay together (`审查合同、协议137份`): the phrase may reach back
    // past the clause's 、.
    let comma_floor = match i.checked_sub(1).map(|p| found[p].raw().end) {
        Some(end) if end <= floor => ctx.comma_start(floor.saturating_sub(1)).min(floor).max(end),
        _ => ctx.comma_start(floor.saturating_sub(1)).min(floor),
    };
    let left = noun_phrase_left(ctx, tokens, k, comma_floor);
    let right = noun_phrase_right(ctx, tokens, f.raw().end);
    if event_meeting.is_some() {
        return event_meeting;
    }
    if f.deadline {
        // A period names nothing unless a word for a length of time does; `分别压缩至5个
        // 工作日和3个工作日`: the second continues the first.
        let named = [left.clone(), right]
            .into_iter()
            .flatten()
            .find_map(|r| duration_in(text, &r));
        return named.or_else(|| {
            left.is_none()
                .then(|| inherited(ctx, found, links, i, false))
                .flatten()
                .filter(|r| knowledge::contains_any(&text[r.clone()], Role::DurationNoun))
        });
    }
    // `区政府召开4次专题会议`: the number follows its verb; the noun is to its right.
    if let (Some(_), Some(r)) = (&verb, &right) {
        return Some(r.clone());
    }
    // `移送公安机关3件`: where the figure went, not what it counts.
    let left = left.filter(|l| {
        let a = token_after(tokens, l.start);
        let to_where = a > 0
            && is(text, &tokens[a - 1], Role::Transfer)
            && tokens.get(a).is_some_and(|t| t.range().end == l.end);
        !to_where
    });
    let classifier = knowledge::word_set(Role::Classifier).contains(f.unit_text());
    let left_is_verbs = left.as_ref().is_some_and(|r| verbs_only(ctx, tokens, r));
    match (&left, &right) {
        // `县司法局两位律师`: after a measure word, the noun counted.
        (_, Some(r)) if classifier => return Some(r.clone()),
        // The number follows its verb or a function word: the noun is to its right.
        (None, Some(r)) => return Some(r.clone()),
        (Some(_), Some(r)) if left_is_verbs => return Some(r.clone()),
        (Some(l), _) if !left_is_verbs => return Some(l.clone()),
        _ => {}
    }
    // `审结70件`: what the figure before counted; `罚款418万元`: the verb is all there is.
    // A verb with a bound suffix names a thing (`罚款`: 款), others do not (`建成`).
    let verb = verb.filter(|v| {
        knowledge::ending_with(&text[v.clone()], Role::NounSuffix)
            .is_some_and(|e| e.chars().count() == 1)
    });
    inherited(ctx, found, links, i, false)
        .or(left)
        .or(verb)
        .filter(|r| text[r.clone()].chars().count() >= 2)
}

/// The subject of the figure before `i` that this one continues: a part takes its
/// total's, else the nearest figure of the same unit family in the same or the previous
/// sentence gives its own, or its total's (`受理行政复议申请73件，审结70件`); for a change
/// or a figure per head, the figure just before whatever its unit (`罚没款412.6万元，
/// 比上年提高18.4%`).
fn inherited(
    ctx: &Context<'_>,
    found: &[Found],
    links: &Links,
    i: usize,
    any: bool,
) -> Option<Range<usize>> {
    let f = &found[i];
    // `…17起，上年度流转3起，共计20起`: a total after its parts counts what the first does.
    if let Some(first) = links.first_part[i].map(|p| p as usize).filter(|&p| p < i) {
        if found[first].subject().is_some() {
            return found[first].subject();
        }
    }
    if let Some(t) = links.total_of[i].map(|t| t as usize).filter(|&t| t < i) {
        if found[t].subject().is_some() {
            return found[t].subject();
        }
    }
    let sentence = ctx.sentence_index(f.raw().start);
    let clause = &ctx.text[f.clause()];
    let change = knowledge::contains_any(clause, Role::Change) || clause.trim().is_empty();
    let (p, prev) = found[..i]
        .iter()
        .enumerate()
        .rev()
        .take(INHERIT_BACK)
        .take_while(|(_, p)| sentence - ctx.sentence_index(p.raw().start) <= 1)
        .find(|(_, p)| {
            ctx.tick(1);
            p.subject().is_some()
                && (any || p.family() == f.family() || (change && f.unit_kind() == "percent"))
        })?;
    match links.total_of[p].map(|t| t as usize) {
        Some(t) if t < p && found[t].subject().is_some() && !any => found[t].subject(),
        _ => prev.subject(),
    }
}

/// `公证机构、司法鉴定机构、仲裁委员会分别为98家、143家、14家`: the parts take the names
/// in order, and a total after them (`合计255家`) the whole list; `大型、中型、小型水库分别
/// 为3座、18座、105座` names one thing by its kinds, and every part is of it (水库).
fn distribute(ctx: &Context<'_>, tokens: &[Token], found: &mut [Found]) {
    let text = ctx.text;
    let mut i = 0;
    while i < found.len() {
        let f = &found[i];
        let list_start = ctx.comma_start(f.raw().start);
        let before = &text[list_start..f.raw().start];
        let Some(at) = before.rfind("分别为").or_else(|| before.rfind("分别是")) else {
            i += 1;
            continue;
        };
        let mut names: Vec<Range<usize>> = Vec::new();
        let mut pos = list_start;
        for item in before[..at].split('、') {
            let scope = knowledge::starting_with(item, Role::Scope).map_or(0, str::len);
            names.push(pos + scope..pos + item.len());
            pos += item.len() + '、'.len_utf8();
        }
        // The parts: this figure and those right after it of its family.
        let family = f.family();
        let run: Vec<usize> = (i..found.len())
            .take(names.len() + 1)
            .take_while(|&j| found[j].family() == family)
            .collect();
        ctx.tick(run.len() + 1);
        let short = |r: &Range<usize>| text[r.clone()].chars().count() <= 2;
        if names.len() >= 2 && run.len() >= names.len() && names.iter().all(|r| !r.is_empty()) {
            let last = names[names.len() - 1].clone();
            // `大型、中型、小型水库`: the kinds share the last name's noun.
            let shared = names.iter().any(short).then(|| {
                // The last word of the last name (`小型 水库` → 水库).
                let t = token_after(tokens, last.end.saturating_sub(1));
                tokens
                    .get(t)
                    .filter(|t| t.range().start > last.start && t.range().end == last.end)
                    .map_or(last.clone(), |t| t.range())
            });
            for (n, &j) in run.iter().take(names.len()).enumerate() {
                found[j].set_subject(Some(shared.clone().unwrap_or_else(|| names[n].clone())));
            }
            if let Some(&total) = run.get(names.len()) {
                let t_clause = text[found[total].clause()].trim();
                if knowledge::words(Role::TotalWord).contains(&t_clause) {
                    found[total].set_subject(Some(shared.unwrap_or(names[0].start..last.end)));
                }
            }
        }
        i += run.len().max(1);
    }
}

#[cfg(all(test, feature = "bundled-lexicon"))]
mod tests {
    use std::sync::OnceLock;

    use crate::metrics::Metrics;
    use crate::segment::Segmenter;

    #[test]
    fn a_word_in_no_list_is_classed_as_the_lists_would() {
        // The lookup and first-character shortcut of `class_of` against the lists in their
        // order, on every word of a report and every word the lists name.
        let text = include_str!("../../tests/fixtures/001_446f1514762c12b7.txt");
        let seg = Segmenter::new(Some(crate::BUNDLED_LEXICON), true).unwrap();
        let tokens = seg.tokens(text, false);
        let words = tokens
            .iter()
            .map(|t| &text[t.range()])
            .chain(crate::knowledge::verbs().iter().copied())
            .chain(["", " ", "12件", "四级", "十四五"]);
        for w in words {
            assert_eq!(super::class_of(w), super::listed_class(w), "{w:?}");
        }
    }

    /// The subjects the pipeline gives, by the figure as written.
    fn subjects(text: &str) -> Vec<(String, Option<String>)> {
        static SEG: OnceLock<Segmenter> = OnceLock::new();
        let seg = SEG.get_or_init(|| Segmenter::new(Some(crate::BUNDLED_LEXICON), true).unwrap());
        let tokens = seg.tokens(text, false);
        Metrics::find(text, &tokens, &[])
            .found
            .into_iter()
            .map(|f| {
                (
                    text[f.raw()].to_string(),
                    f.subject().map(|s| text[s].to_string()),
                )
            })
            .collect()
    }

    fn subject_of(text: &str, raw: &str) -> Option<String> {
        subjects(text)
            .into_iter()
            .find(|(r, _)| r == raw)
            .unwrap_or_else(|| panic!("no figure {raw} in {text}"))
            .1
    }

    #[test]
    fn the_noun_after_the_classifier_when_the_number_follows_its_verb() {
        assert_eq!(
            subject_of("区政府召开4次专题会议研究法治政府建设。", "4次").as_deref(),
            Some("专题会议")
        );
        assert_eq!(
            subject_of("全年组织5个宣传调研组深入街道。", "5个").as_deref(),
            Some("宣传调研组")
        );
        assert_eq!(
            subject_of("对12家重点企业开展合规指导。", "12家").as_deref(),
            Some("重点企业")
        );
        assert_eq!(
            subject_of("近九成的行政执法人员参加了培训。", "九成").as_deref(),
            Some("行政执法人员")
        );
    }

    #[test]
    fn never_a_function_word_rather_nothing() {
        // A period names nothing: no `或`, no `后`.
        assert_eq!(
            subject_of("申请材料齐全的当场办结，或在2个工作日内办结。", "2个工作日"),
            None
        );
        assert_eq!(subject_of("均在公布后30日内报送备案。", "30日"), None);
        // `另有1件`: what the figure before counted.
        assert_eq!(
            subject_of(
                "受理行政复议申请16件，另有1件因超过申请期限不予受理。",
                "1件"
            )
            .as_deref(),
            Some("行政复议申请")
        );
    }

    #[test]
    fn a_figure_after_its_verb_counts_what_the_figure_before_counted() {
        let text = "全年受理行政复议申请73件，审结70件，直接纠错9件。";
        assert_eq!(subject_of(text, "70件").as_deref(), Some("行政复议申请"));
        // …unless a word before the verb names the outcome.
        assert_eq!(subject_of(text, "9件").as_deref(), Some("直接纠错"));
    }

    #[test]
    fn parts_of_a_breakdown_without_a_noun_take_their_totals() {
        let text = "审结行政复议案件64件，其中维持41件、驳回12件、撤销6件。";
        assert_eq!(subject_of(text, "41件").as_deref(), Some("行政复议案件"));
        assert_eq!(subject_of(text, "6件").as_deref(), Some("行政复议案件"));
    }

    #[test]
    fn a_period_has_a_subject_only_when_a_word_for_time_names_it() {
        let text = "审批时限由法定的20个工作日压缩至8个工作日。";
        assert_eq!(subject_of(text, "20个工作日").as_deref(), Some("审批时限"));
        assert_eq!(subject_of(text, "8个工作日").as_deref(), Some("审批时限"));
    }

    #[test]
    fn a_change_with_nothing_before_it_is_of_the_figure_before() {
        let text = "全市新登记市场主体4.7万户，同比增长12.3%。罚没款412.6万元，比上年提高18.4%。";
        assert_eq!(subject_of(text, "18.4%").as_deref(), Some("罚没款"));
        assert_eq!(subject_of(text, "12.3%"), subject_of(text, "4.7万户"));
    }

    #[test]
    fn a_share_is_of_what_stands_before_zhan() {
        let text = "审结行政复议案件64件。撤销和确认违法的案件占审结案件的12.5%。";
        assert_eq!(
            subject_of(text, "12.5%").as_deref(),
            Some("撤销和确认违法的案件")
        );
    }

    #[test]
    fn who_acts_and_where_are_not_what_is_counted() {
        assert_eq!(
            subject_of("区政务服务中心可办事项1046项。", "1046项").as_deref(),
            Some("可办事项")
        );
        assert_eq!(
            subject_of("部分街道合法性审查人员不足2名。", "2名").as_deref(),
            Some("合法性审查人员")
        );
        assert_eq!(
            subject_of("县政府常务会议专题学法4次。", "4次").as_deref(),
            Some("专题学法")
        );
    }

    #[test]
    fn parts_stated_together_take_their_names_in_order() {
        let text = "全省公证机构、司法鉴定机构、仲裁委员会分别为98家、143家、14家，合计255家。";
        assert_eq!(subject_of(text, "98家").as_deref(), Some("公证机构"));
        assert_eq!(subject_of(text, "14家").as_deref(), Some("仲裁委员会"));
        assert_eq!(
            subject_of(text, "255家").as_deref(),
            Some("公证机构、司法鉴定机构、仲裁委员会")
        );
    }

    #[test]
    fn nouns_joined_and_quoted_stay_whole() {
        assert_eq!(
            subject_of("审查合同、协议137份。", "137份").as_deref(),
            Some("合同、协议")
        );
        assert_eq!(
            subject_of("纠正违法或不当行政行为十九件。", "十九件").as_deref(),
            Some("违法或不当行政行为")
        );
    }
}

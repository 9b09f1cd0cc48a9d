//! Reading the quantities: one forward scan over the text, a number and its unit at a time.
//!
//! At each character that can open a number — an Arabic digit, a Chinese numeral
//! (`二十三`, `四千三百`, `千余`), `百分之` — the scanner reads the whole numeral and what
//! follows it, and moves past it; nothing is read twice. What it reads:
//!
//! - **Arabic numbers** with `,` thousands (`1,100`) and decimals. Text copied from PDF
//!   files and web pages puts spaces inside numbers: a single space between digits joins
//!   them (`应诉案件2 3起` is 23, `1 2 3户` 123, `9 000批次` 9000) and so does a space after
//!   the decimal point (`3. 5亿元` is 3.5) — except at a line start, where `3. 5个…`
//!   is a heading number and a figure. Two or more spaces separate table cells and never
//!   join.
//! - **Chinese numerals** (`一百零六件`, `两万余元`, `千余份`); a run never opens with 万 or
//!   亿, which are scale words (`万元GDP`, `每万人口`).
//! - a **scale word** and the **unit** (`data/units.txt`): `3.2万亩` is 32000 亩,
//!   `1.35亿吨` 135000000 吨; a unit that starts with the scale character is tried first
//!   (`25.6千米`, `520千瓦`, `3.5万元` → 35000 元); an infix `余`/`多` (`4300余人次`); a
//!   range (`3至5个工作日`, `两到三万人`); one space before the unit (`46 件`).
//! - **shares**: `百分之九十五`, `三分之二`, `近九成`.
//!
//! A number without a unit is no metric: that alone rules out years, hotlines, document
//! numbers and list markers. The rest of the traps are context, learned as data:
//!
//! - masked spans ([`Context::masked`]): the slogans, dates, ordinals, sessions and codes of
//!   `data/not_metrics.txt`, citations, and short quotations (`“金税四期”`, `“稳增长十二条”`);
//! - a unit that only counts after Arabic digits (`十分` is "very"), or only when no
//!   Chinese character follows (`5分局`, `3年级`);
//! - a lone 二 before a measure word is an ordinal (`二次审核`, `二期工程`: a count says
//!   两); a lone 一 is the article "a" before some measure words (`一个新局面`) or after
//!   `每`/`这` (`每一名`), and `一起` is "together" unless an incident follows (`查处一起
//!   违法案件`); `N期` after a place or before a project word is a construction phase
//!   (`产业园三期扩建项目`) — each of these lists is a role of `data/words.tsv`.
//!
//! Hedges before or after the figure (`不少于 2次`, `约 1.5万人`, `30日 以内`, spaces
//! allowed) stay outside `raw` and set the qualifier; an infix 余/多 sets `over`.

use std::ops::Range;

use super::context::Context;
use super::Found;
use crate::knowledge::{self, Role, Unit};
use crate::normalize::is_han;
use crate::numerals;
use crate::report::Qualifier;
use crate::text::CharSet;

/// Chinese numeral characters of a run.
const CN_NUMERAL: &str = "零〇两一二三四五六七八九十百千万亿";

/// The characters that open a number: an ASCII digit, or a character of [`CN_NUMERAL`]
/// but 万 and 亿, which only scale (`万元GDP`, `每万人口`).
pub(super) static OPENS: CharSet = CharSet::of_bmp(&[
    '零', '〇', '两', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千',
])
.with_range('0', '9');

/// Whether `c` may open a Chinese numeral run.
fn is_cn_open(c: char) -> bool {
    !c.is_ascii_digit() && OPENS.contains(c)
}

/// Separators of a range (`3至5`, `3-5`, `两到三`; dashes and tildes are `-` in the view).
const RANGE_SEPS: &[&str] = &["至", "到", "-"];
/// Scale words between a number and its unit, longest first, with their power of ten.
const SCALES: &[(&str, u32)] = &[("万亿", 12), ("亿", 8), ("万", 4), ("千", 3)];

/// Every quantity of the text, in text order (no subjects yet).
pub fn scan(ctx: &Context<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    // Where the next read may start: after the last figure read. The context's pass found
    // every character that opens a number; the reads take them in order, skipping those
    // inside the last figure read.
    let mut next = 0;
    for i in ctx.number_opens() {
        if i < next {
            continue;
        }
        let (found, end) = read_at(ctx, i);
        out.extend(found);
        next = end.max(i + 1);
    }
    out
}

/// A numeral as read: its range and its text without spaces and separators.
struct Numeral {
    range: Range<usize>,
    clean: String,
    arabic: bool,
}

/// Reads the Arabic number starting at `i`.
fn arabic_at(ctx: &Context<'_>, i: usize) -> Numeral {
    let b = ctx.text.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut j = i;
    let mut clean = String::new();
    loop {
        while digit(j) {
            clean.push(char::from(b[j]));
            j += 1;
        }
        // `1,100`: a comma before exactly three digits.
        if b.get(j) == Some(&b',') && (1..=3).all(|k| digit(j + k)) && !digit(j + 4) {
            j += 1;
            continue;
        }
        // `2 3起`, `4 300余人次`: one space between digits.
        if b.get(j) == Some(&b' ') && digit(j + 1) {
            j += 1;
            continue;
        }
        break;
    }
    // `12.5`, and `3. 5` (a PDF line broken after the point) away from a line start.
    if b.get(j) == Some(&b'.') {
        let space = usize::from(b.get(j + 1) == Some(&b' '));
        if digit(j + 1 + space) && (space == 0 || !ctx.at_line_start(i)) {
            clean.push('.');
            j += 1 + space;
            while digit(j) {
                clean.push(char::from(b[j]));
                j += 1;
            }
        }
    }
    Numeral {
        range: i..j,
        clean,
        arabic: true,
    }
}

/// Reads the run of Chinese numerals starting at `i`: digits and 十百千万亿 (萬 and 億 as
/// older reports write them), and a decimal point 点/點 between digits (`二点一倍`,
/// `四點二倍`).
fn chinese_at(text: &str, i: usize) -> Numeral {
    let mut clean = String::new();
    let mut len = 0;
    let mut chars = text[i..].chars().peekable();
    while let Some(c) = chars.next() {
        let folded = match c {
            '萬' => '万',
            '億' => '亿',
            '點' | '点' => '点',
            c => c,
        };
        let numeral = CN_NUMERAL.contains(folded);
        let point = folded == '点'
            && !clean.is_empty()
            && !clean.contains('点')
            && chars
                .peek()
                .is_some_and(|d| numerals::cn_digit(*d).is_some());
        if !(numeral || point) {
            break;
        }
        clean.push(folded);
        len += c.len_utf8();
    }
    Numeral {
        range: i..i + len,
        clean,
        arabic: false,
    }
}

fn numeral_at(ctx: &Context<'_>, i: usize) -> Option<Numeral> {
    let c = ctx.text[i..].chars().next()?;
    if c.is_ascii_digit() {
        Some(arabic_at(ctx, i))
    } else if is_cn_open(c) {
        Some(chinese_at(ctx.text, i))
    } else {
        None
    }
}

/// What the scanner read at one place: a metric or none, and where to go on.
fn read_at(ctx: &Context<'_>, i: usize) -> (Option<Found>, usize) {
    let text = ctx.text;
    if text[i..].starts_with("百分之") {
        return percent_words(ctx, i);
    }
    let Some(num) = numeral_at(ctx, i) else {
        return (None, i);
    };
    let end = num.range.end;
    // `62，000万吨` (a full-width comma in a number): `000万吨` is no number of its own; a
    // run longer than any figure (`一万一万一万…`) is none either.
    if num.clean.chars().count() > numerals::MAX_NUMERAL_CHARS
        || num.clean.is_empty()
        || (num.clean.len() > 1 && num.clean.starts_with('0') && !num.clean.starts_with("0."))
    {
        return (None, end);
    }
    let rest = &text[end..];
    if let Some(after) = rest.strip_prefix("分之") {
        return fraction(ctx, num, end + "分之".len(), after);
    }
    if !num.arabic && rest.starts_with('成') {
        return (tenths(ctx, &num), end + '成'.len_utf8());
    }
    let found = quantity(ctx, &num);
    let next = found.as_ref().map_or(end, |f| f.raw().end);
    (found, next)
}

/// `百分之九十五`, `百分之九十五点五`.
fn percent_words(ctx: &Context<'_>, i: usize) -> (Option<Found>, usize) {
    let text = ctx.text;
    let from = i + "百分之".len();
    let len: usize = text[from..]
        .chars()
        .take_while(|c| "零〇一二两三四五六七八九十百点.".contains(*c) || c.is_ascii_digit())
        .map(char::len_utf8)
        .sum();
    let raw = i..from + len;
    let value = numerals::parse_expression(&text[from..from + len])
        .filter(|x| x.max.is_none() && x.percent.is_none())
        .map(|x| x.value);
    let found = value.and_then(|v| finish(ctx, raw.clone(), v, None, knowledge::unit("%")?, false));
    (found, raw.end.max(from))
}

/// `三分之二`, `2分之1`: the share in percent.
fn fraction(ctx: &Context<'_>, den: Numeral, from: usize, after: &str) -> (Option<Found>, usize) {
    let Some(num) = after
        .chars()
        .next()
        .filter(|c| c.is_ascii_digit() || is_cn_open(*c))
        .and_then(|_| numeral_at(ctx, from))
    else {
        return (None, from);
    };
    let end = num.range.end;
    let (Some(d), Some(n)) = (
        numerals::parse_scaled(&den.clean, 0),
        numerals::parse_scaled(&num.clean, 0),
    ) else {
        return (None, end);
    };
    if d == 0.0 || n > d {
        return (None, end);
    }
    let value = (n / d * 10000.0).round() / 100.0;
    (
        knowledge::unit("%").and_then(|u| finish(ctx, den.range.start..end, value, None, u, false)),
        end,
    )
}

/// `九成` (90 %), `三成半`; not an idiom such as `一成不变`.
fn tenths(ctx: &Context<'_>, num: &Numeral) -> Option<Found> {
    let text = ctx.text;
    let mut end = num.range.end + '成'.len_utf8();
    let half = text[end..].starts_with('半');
    if half {
        end += '半'.len_utf8();
    }
    let tens = match num.clean.as_str() {
        "十" => 10,
        s if s.chars().count() == 1 => numerals::parse_integer(s)?,
        _ => return None,
    };
    if text[end..].starts_with(|c: char| is_han(c) && !"以左多的是".contains(c)) {
        return None;
    }
    let value = tens as f64 * 10.0 + if half { 5.0 } else { 0.0 };
    finish(
        ctx,
        num.range.start..end,
        value,
        None,
        knowledge::unit("%")?,
        false,
    )
}

/// The scale word at the start of `s` and its power of ten.
fn scale_at(s: &str) -> Option<(&'static str, u32)> {
    SCALES.iter().copied().find(|(w, _)| s.starts_with(w))
}

/// A number and its unit, with scale, infix 余/多 and range.
fn quantity(ctx: &Context<'_>, num: &Numeral) -> Option<Found> {
    let text = ctx.text;
    let mut p = num.range.end;
    let mut scale1 = None;
    let mut infix = false;
    let mut second: Option<(Numeral, Option<u32>)> = None;
    let mut unit = knowledge::unit_at(&text[p..]);
    if unit.is_none() {
        if num.arabic {
            if let Some((w, s)) = scale_at(&text[p..]) {
                p += w.len();
                scale1 = Some(s);
            }
        }
        if text[p..].starts_with(['余', '多']) {
            infix = true;
            p += '余'.len_utf8();
        }
        if let Some(sep) = RANGE_SEPS.iter().find(|s| text[p..].starts_with(**s)) {
            let q = p + sep.len();
            if let Some(n2) = numeral_at(ctx, q).filter(|n| !n.clean.is_empty()) {
                let mut r = n2.range.end;
                let mut scale2 = None;
                let mut infix2 = false;
                if knowledge::unit_at(&text[r..]).is_none() {
                    if let Some((w, s)) = scale_at(&text[r..]).filter(|_| n2.arabic) {
                        r += w.len();
                        scale2 = Some(s);
                    }
                    if text[r..].starts_with(['余', '多']) {
                        infix2 = true;
                        r += '余'.len_utf8();
                    }
                }
                // `两到三万人`: the first Chinese numeral takes the second's scale.
                if !num.arabic && !num.clean.contains(['万', '亿']) {
                    scale1 = [("亿", 8), ("万", 4)]
                        .into_iter()
                        .find(|(w, _)| n2.clean.ends_with(w))
                        .map(|(_, s)| s);
                }
                if knowledge::unit_at(text[r..].strip_prefix(' ').unwrap_or(&text[r..])).is_some() {
                    p = r;
                    infix |= infix2;
                    second = Some((n2, scale2));
                } else {
                    scale1 = None;
                }
            }
        }
        if text[p..].starts_with(' ') {
            p += 1;
        }
        unit = knowledge::unit_at(&text[p..]);
    }
    let unit = unit?;
    let mut raw = num.range.start..p + unit.text.len();
    // `4.5%—5%`, `8%至10%`: a range of shares written with the unit twice.
    if second.is_none() && unit.kind == "percent" {
        if let Some(sep) = RANGE_SEPS.iter().find(|s| text[raw.end..].starts_with(**s)) {
            let q = raw.end + sep.len();
            if let Some(n2) =
                numeral_at(ctx, q).filter(|n| n.arabic == num.arabic && !n.clean.is_empty())
            {
                if text[n2.range.end..].starts_with(unit.text) {
                    raw.end = n2.range.end + unit.text.len();
                    second = Some((n2, None));
                }
            }
        }
    }
    if !fits(ctx, num, unit, raw.end) {
        return None;
    }
    // Money units carry their own scale: 万元 → 元.
    let (unit_text, unit_shift) = match numerals::unit_scale(unit.text) {
        (_, 0) if unit.text == "百分点" => ("个百分点", 0),
        scaled => scaled,
    };
    let (value, value_max) = match &second {
        Some((n2, scale2)) => {
            let shift2 = scale2.unwrap_or(0) + unit_shift;
            let shift1 = scale1.unwrap_or(shift2);
            (
                numerals::parse_scaled(&num.clean, shift1)?,
                numerals::parse_scaled(&n2.clean, shift2),
            )
        }
        None => (
            numerals::parse_scaled(&num.clean, scale1.unwrap_or(0) + unit_shift)?,
            None,
        ),
    };
    // The unit as given, with its family and kind: 万元 and 亿元 are 元.
    let base = knowledge::unit(unit_text).unwrap_or(unit);
    let mut found = finish(ctx, raw, value, value_max, base, infix)?;
    found.event = unit.event;
    found.deadline = unit.deadline;
    Some(found)
}

/// Whether the numeral and its unit are a quantity in their context (the traps of the
/// module doc that are not masks).
fn fits(ctx: &Context<'_>, num: &Numeral, unit: &Unit, end: usize) -> bool {
    let text = ctx.text;
    let start = num.range.start;
    let before = text[..start].chars().next_back();
    let after = &text[end..];
    // `G60`, `PM2.5`, `v1.2`: part of a code.
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
        return false;
    }
    if before == Some('第') {
        return false;
    }
    // `统一`, `之一`, `初三`: a lone numeral after these is part of a word (`合同二十一份`
    // is a count).
    if !num.arabic
        && (unit.digits
            || (num.clean.chars().count() == 1
                && before.is_some_and(|c| {
                    is_han(c)
                        && knowledge::words(Role::CnWordPrefix)
                            .iter()
                            .any(|w| w.starts_with(c))
                })))
    {
        return false;
    }
    // `98.5分，` but not `5分局`; `10年，` but not `3年级`.
    if unit.alone
        && after.starts_with(|c: char| is_han(c))
        && !knowledge::hedges_after()
            .iter()
            .any(|h| after.starts_with(h.word))
    {
        return false;
    }
    // `5月30日`: a date.
    if matches!(unit.text, "日" | "天") && text[..start].trim_end_matches(' ').ends_with('月') {
        return false;
    }
    if !num.arabic && !lone_numeral_counts(ctx, num, unit, before) {
        return false;
    }
    // `产业园三期扩建项目`, `码头一期`: a construction phase.
    if unit.text == "期"
        && (knowledge::starting_with(after, Role::PhaseAfter).is_some()
            || knowledge::ending_with(&text[..start], Role::PhaseBefore).is_some())
    {
        return false;
    }
    true
}

/// A lone 二 or 一 before a measure word: an ordinal, an article, "every one",
/// "together" — or a count.
fn lone_numeral_counts(
    ctx: &Context<'_>,
    num: &Numeral,
    unit: &Unit,
    before: Option<char>,
) -> bool {
    let n = num.clean.as_str();
    // `增长二倍` is a ratio, not an ordinal.
    if knowledge::words(Role::OrdinalNumeral).contains(&n) && unit.kind != "ratio" {
        return false;
    }
    if n != "一" {
        return true;
    }
    if knowledge::words(Role::OneArticle).contains(&unit.text) {
        return false;
    }
    if before.is_some_and(|c| {
        knowledge::words(Role::OneBefore)
            .iter()
            .any(|w| w.starts_with(c))
    }) {
        return false;
    }
    if unit.text == "起" {
        // `查处一起违法案件` counts; `一起努力` is "together".
        let clause_end = ctx.clause_end(num.range.end);
        let rest = &ctx.text[num.range.end..clause_end.max(num.range.end)];
        return knowledge::contains_any(rest, Role::IncidentNoun);
    }
    true
}

/// A metric with its qualifier and clause, from its raw range and value.
fn finish(
    ctx: &Context<'_>,
    raw: Range<usize>,
    value: f64,
    value_max: Option<f64>,
    unit: &'static Unit,
    infix: bool,
) -> Option<Found> {
    if raw.is_empty() || ctx.masked(&raw) {
        return None;
    }
    let text = ctx.text;
    let kind = unit.kind;
    let clause_start = ctx.clause_start(raw.start);
    let before = text[clause_start..raw.start].trim_end_matches(' ');
    let hedge_before = knowledge::hedges_before()
        .iter()
        .find(|h| before.ends_with(h.word));
    let after = text[raw.end..].trim_start_matches(' ');
    let hedge_after = knowledge::hedges_after()
        .iter()
        .find(|h| after.starts_with(h.word) && (!h.time_only || kind == "time"));
    let qualifier = if infix {
        Some(Qualifier::Over)
    } else {
        hedge_before
            .map(|h| h.qualifier)
            .or(hedge_after.map(|h| h.qualifier))
    };
    // The subject ends before the hedge (`近九成` → nothing of 近 in it).
    let subject_end = clause_start + before.len() - hedge_before.map_or(0, |h| h.word.len());
    Some(Found::new(
        raw,
        round6(value),
        value_max.map(round6),
        unit,
        qualifier,
        clause_start..subject_end,
        false,
    ))
}

/// Rounded to six decimals (float noise of scaling and percentages).
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_run_opens_with_any_numeral_but_the_scales() {
        // Every character, against the list the table is built from.
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let cn = CN_NUMERAL.contains(c) && !matches!(c, '万' | '亿');
            assert_eq!(is_cn_open(c), cn, "{c:?}");
            assert_eq!(OPENS.contains(c), cn || c.is_ascii_digit(), "{c:?}");
        }
        assert!(is_cn_open('两') && !is_cn_open('万') && !is_cn_open('7') && OPENS.contains('7'));
    }

    /// raw, value, value_max, unit, qualifier.
    type Read = (String, f64, Option<f64>, String, Option<Qualifier>);

    fn read(text: &str) -> Vec<Read> {
        let ctx = Context::new(text, &[]);
        scan(&ctx)
            .into_iter()
            .map(|f| {
                (
                    text[f.raw()].to_string(),
                    f.value,
                    f.value_max(),
                    f.unit.text.to_string(),
                    f.qualifier,
                )
            })
            .collect()
    }

    fn raws(text: &str) -> Vec<String> {
        read(text).into_iter().map(|r| r.0).collect()
    }

    #[test]
    fn physical_units_with_scale_words() {
        let got = read("新增造林3.2万亩，新建道路18公里、防火林带25.6千米，处置固体废物460吨，整治河道1.5万立方米，光伏装机520千瓦、12.8万千瓦，发电640万千瓦时，吞吐量1.35亿吨，污水处理能力5万吨/日，浓度31微克/立方米，面积42.7平方公里");
        let want: Vec<(&str, f64, &str)> = vec![
            ("3.2万亩", 32000.0, "亩"),
            ("18公里", 18.0, "公里"),
            ("25.6千米", 25.6, "千米"),
            ("460吨", 460.0, "吨"),
            ("1.5万立方米", 15000.0, "立方米"),
            ("520千瓦", 520.0, "千瓦"),
            ("12.8万千瓦", 128000.0, "千瓦"),
            ("640万千瓦时", 6_400_000.0, "千瓦时"),
            ("1.35亿吨", 135_000_000.0, "吨"),
            ("5万吨/日", 50000.0, "吨/日"),
            ("31微克/立方米", 31.0, "微克/立方米"),
            ("42.7平方公里", 42.7, "平方公里"),
        ];
        let got: Vec<(&str, f64, &str)> = got
            .iter()
            .map(|r| (r.0.as_str(), r.1, r.3.as_str()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn buildings_vehicles_and_ages() {
        assert_eq!(
            raws("改造老旧楼宇36栋，配备执法车辆12辆、无人机6架，为65岁以上老人，60周岁以上"),
            ["36栋", "12辆", "6架", "65岁", "60周岁"]
        );
    }

    #[test]
    fn chinese_numeral_counts_with_a_classifier() {
        assert_eq!(
            raws("仅有一名专职人员，举办一期专题培训，查处一起违法案件，从五个方面推进，分为三大类，不少于一天，值班一次"),
            ["一名", "一期", "一起", "五个", "三大类", "一天", "一次"]
        );
    }

    #[test]
    fn ordinals_phases_sessions_and_names_are_not_counts() {
        let traps = [
            "产业园三期扩建项目，集装箱码头一期",
            "报上级二次审核后实施，经二次审议通过",
            "县委十四届五次全会，十四届全国人大一次会议",
            "全省第二、三批示范创建，第一至三批",
            "“稳增长十二条”政策，“金税四期”建设，“六税两费”减征",
            "迈上两个千亿级台阶，提供24小时自助服务区",
            "推行一村一辅警、一河一策，新一轮改革，又一次，无一件被纠错，一次解决率",
            "大家一起努力，形成一个新局面，是一项重要工作，每一名干部",
            "小学一年级、初中七年级，十分重要，万元GDP用水量，每万人口",
        ];
        for t in traps {
            assert_eq!(raws(t), Vec::<String>::new(), "{t}");
        }
    }

    #[test]
    fn numbers_split_by_spaces_are_read_whole() {
        let got = read("应诉案件2 3起，参考4 300余人次，1 2 3户，减免3. 5亿元，一网通办率9 8.5%，9 000批次，46 件");
        let got: Vec<(&str, f64)> = got.iter().map(|r| (r.0.as_str(), r.1)).collect();
        assert_eq!(
            got,
            [
                ("2 3起", 23.0),
                ("4 300余人次", 4300.0),
                ("1 2 3户", 123.0),
                ("3. 5亿元", 350_000_000.0),
                ("9 8.5%", 98.5),
                ("9 000批次", 9000.0),
                ("46 件", 46.0)
            ]
        );
        // A heading number at a line start is not a decimal point.
        assert_eq!(raws("一、\n3. 5个工作日内办结"), ["5个工作日"]);
        // Two spaces separate table cells.
        assert_eq!(raws("合计  12  30件"), ["30件"]);
    }

    #[test]
    fn hedges_across_spaces() {
        let got = read("不少于 2次，约 1.5万人，超过 90%，30日 以内，近 3000人次，约占五成");
        let q: Vec<Option<Qualifier>> = got.iter().map(|r| r.4).collect();
        assert_eq!(
            q,
            [
                Some(Qualifier::AtLeast),
                Some(Qualifier::About),
                Some(Qualifier::Over),
                Some(Qualifier::Under),
                Some(Qualifier::About),
                Some(Qualifier::About)
            ]
        );
    }

    #[test]
    fn scores_and_durations_only_after_digits_and_alone() {
        assert_eq!(
            raws("综合满意度97.8分，全市5分局，使用年限超过10年，3年级，2021年，两年"),
            ["97.8分", "10年"]
        );
    }

    #[test]
    fn a_numeral_run_longer_than_any_figure_is_none() {
        // Found by adversarial input: parsing it recursed until the stack overflowed.
        let text = format!("{}件", "一万".repeat(50_000));
        assert!(raws(&text).is_empty());
        let text = format!("{}件", "1 ".repeat(50_000));
        assert!(raws(&text).is_empty());
    }

    #[test]
    fn ranges_and_scales() {
        let got = read("3至5个工作日，1.5万至2万元，3至5万元，两到三万人");
        let got: Vec<(f64, Option<f64>, &str)> =
            got.iter().map(|r| (r.1, r.2, r.3.as_str())).collect();
        assert_eq!(
            got,
            [
                (3.0, Some(5.0), "个工作日"),
                (15000.0, Some(20000.0), "元"),
                (30000.0, Some(50000.0), "元"),
                (20000.0, Some(30000.0), "人")
            ]
        );
    }
}

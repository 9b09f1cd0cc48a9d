//! What every pass of the metrics stage looks up around a position, indexed once.
//!
//! The passes ask the same questions again and again: where does the sentence or the
//! clause of this number start, is this range masked (a slogan, a date, a document number,
//! a short quoted name). Answering them by scanning backwards from each number costs the
//! distance to the last full stop, and a text with no full stop (a report pasted as one
//! line, a table, a run of `其中` lists) makes that quadratic. So the boundaries and the
//! masks are found in one pass each and kept as sorted offsets; every question is then a
//! binary search, and every look back or ahead is capped ([`SENTENCE_MAX`],
//! [`CLAUSE_MAX`]): a clause longer than that holds no subject or cue of a figure anyway.
//!
//! [`Context::tick`] counts the steps of every bounded walk; the test
//! `work_grows_linearly_with_the_input` checks that the count per byte stays flat when the
//! input grows, which is what makes the stage linear whatever the clock says.

use std::cell::Cell;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::{Regex, RegexBuilder};

use crate::knowledge;
use crate::text::{CharSet, Scan};

/// The longest look back or ahead for a sentence, in bytes (about 160 characters).
pub const SENTENCE_MAX: usize = 480;
/// The longest look back or ahead for a clause, in bytes (about 40 characters).
pub const CLAUSE_MAX: usize = 120;

/// Characters that end a sentence.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '\n', '!', '?'];
/// Characters that end a clause (and a sentence).
const CLAUSE_ENDS: &[char] = &[
    '，', '。', '；', '：', '、', '！', '？', '\n', '(', ')', '!', '?', '\t',
];
/// [`CLAUSE_ENDS`] as a set.
static CLAUSE_END_SET: CharSet = CharSet::of_bmp(CLAUSE_ENDS);
/// Every character the metrics stage looks for in the whole text: the clause ends, the
/// openings of short quotations and the characters that open a number. One pass finds
/// them all without decoding the text between (one pass for each set read the text three
/// times).
pub static SCANNED: LazyLock<CharSet> = LazyLock::new(|| {
    CLAUSE_END_SET
        .union(&QUOTE_OPENS)
        .union(&super::extract::OPENS)
});
/// Characters that end a clause except the enumeration comma (for lists of parts).
const COMMA_ENDS: &[char] = &['，', '。', '；', '：', '！', '？', '\n', '!', '?', '\t'];

/// The patterns of `data/not_metrics.txt` as one alternation: one pass over the text
/// instead of one per line.
///
/// Its lazy DFA (Han classes and bounded repeats in ~60 alternatives) outgrows regex's
/// default 2 MiB cache on a report and is rebuilt over and over: with 8 MiB the pass takes
/// 14 ms instead of 40 on the 5 MB of government work reports. The cache grows only as far
/// as the text needs.
fn mask_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alternatives: Vec<String> = knowledge::not_metric_patterns()
            .iter()
            .map(|l| format!("(?:{l})"))
            .collect();
        RegexBuilder::new(&alternatives.join("|"))
            .dfa_size_limit(8 << 20)
            .build()
            .expect("valid patterns join into a valid regex")
    })
}

/// Ascending offsets with a block index: `count_to(pos)` (how many are at or before
/// `pos`) looks only at the offsets of `pos`'s block of 256 bytes, next to
/// those of the previous question when the passes ask in text order. A binary search over
/// all of them touched a cache line per step, which on a long table (a boundary every few
/// bytes) made the time per MB grow with the text.
///
/// Both lists hold 32-bit numbers (the text is under 1 GiB): a long table has a boundary
/// every few bytes.
struct Offsets {
    /// The offsets, ascending.
    at: Vec<u32>,
    /// `first[b]`: how many offsets lie before byte `b * 256`.
    first: Vec<u32>,
}

impl Offsets {
    /// Blocks of 256 bytes.
    const BLOCK_BITS: u32 = 8;

    /// The index of `at`, offsets ascending and at most `len`.
    fn new(at: Vec<u32>, len: usize) -> Offsets {
        let blocks = (len >> Self::BLOCK_BITS) + 2;
        let mut first = Vec::with_capacity(blocks);
        let mut i = 0;
        for b in 0..blocks {
            while at
                .get(i)
                .is_some_and(|&o| (o as usize) < b << Self::BLOCK_BITS)
            {
                i += 1;
            }
            first.push(i as u32);
        }
        Offsets { at, first }
    }

    /// How many offsets are at or before `pos` (`at.partition_point(|&o| o <= pos)`).
    fn count_to(&self, pos: usize) -> usize {
        let b = pos >> Self::BLOCK_BITS;
        let below = |&o: &u32| o as usize <= pos;
        match (self.first.get(b), self.first.get(b + 1)) {
            (Some(&lo), Some(&hi)) => {
                let (lo, hi) = (lo as usize, hi as usize);
                lo + self.at[lo..hi].partition_point(below)
            }
            // Beyond the text.
            _ => self.at.partition_point(below),
        }
    }

    /// The `i`th offset.
    fn get(&self, i: usize) -> Option<usize> {
        self.at.get(i).map(|&o| o as usize)
    }
}

/// The text with its boundaries and masks.
pub struct Context<'a> {
    /// The analysis view.
    pub text: &'a str,
    /// Offsets just after each sentence end, ascending.
    sentence_ends: Offsets,
    /// Offsets just after each clause end, ascending.
    clause_ends: Offsets,
    /// Offsets just after each clause end other than `、`, ascending.
    comma_ends: Offsets,
    /// Line starts, ascending.
    line_starts: Offsets,
    /// Where a character that opens a number stands ([`super::extract::OPENS`]), ascending.
    number_opens: Vec<u32>,
    /// Ranges that hold no metric, sorted and merged.
    masks: Vec<Range<usize>>,
    /// Steps of the bounded walks so far.
    work: Cell<u64>,
}

impl<'a> Context<'a> {
    /// Indexes `text`; `extra` are ranges that hold no metric (citations).
    #[cfg(test)]
    pub fn new(text: &'a str, extra: &[Range<usize>]) -> Context<'a> {
        Context::of(&Scan::new(text, &SCANNED), extra)
    }

    /// Indexes the text of `scan` (a scan of a set holding [`SCANNED`]); `extra` are
    /// ranges that hold no metric (citations).
    pub fn of(scan: &Scan<'a>, extra: &[Range<usize>]) -> Context<'a> {
        let text = scan.text();
        let mut sentence_ends = Vec::new();
        let mut clause_ends = Vec::new();
        let mut comma_ends = Vec::new();
        let mut line_starts = vec![0];
        let mut number_opens = Vec::new();
        let mut quote_opens = Vec::new();
        for (i, c) in scan.matches(&SCANNED) {
            if super::extract::OPENS.contains(c) {
                number_opens.push(i as u32);
            }
            if QUOTE_OPENS.contains(c) {
                quote_opens.push(i);
            }
            if !CLAUSE_END_SET.contains(c) {
                continue;
            }
            // The clause-end set holds every other list of ends.
            let after = (i + c.len_utf8()) as u32;
            clause_ends.push(after);
            if COMMA_ENDS.contains(&c) {
                comma_ends.push(after);
            }
            if SENTENCE_ENDS.contains(&c) {
                sentence_ends.push(after);
            }
            if c == '\n' {
                line_starts.push(after);
            }
        }
        let mut masks: Vec<Range<usize>> = extra.to_vec();
        masks.extend(mask_regex().find_iter(text).map(|m| m.range()));
        masks.extend(short_quotes(text, quote_opens));
        masks.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(masks.len());
        for r in masks {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Context {
            text,
            sentence_ends: Offsets::new(sentence_ends, text.len()),
            clause_ends: Offsets::new(clause_ends, text.len()),
            comma_ends: Offsets::new(comma_ends, text.len()),
            line_starts: Offsets::new(line_starts, text.len()),
            number_opens,
            masks: merged,
            work: Cell::new(0),
        }
    }

    /// Where each character that opens a number stands, in text order.
    pub fn number_opens(&self) -> impl Iterator<Item = usize> + '_ {
        self.number_opens.iter().map(|&i| i as usize)
    }

    /// Counts `n` steps of a bounded walk.
    pub fn tick(&self, n: usize) {
        self.work.set(self.work.get() + n as u64);
    }

    /// The steps counted so far.
    pub fn work(&self) -> u64 {
        self.work.get()
    }

    /// Whether `r` overlaps a mask.
    pub fn masked(&self, r: &Range<usize>) -> bool {
        let i = self.masks.partition_point(|m| m.end <= r.start);
        self.masks.get(i).is_some_and(|m| m.start < r.end)
    }

    /// The last boundary of `ends` at or before `pos`, but no further back than `max`.
    fn back(&self, ends: &Offsets, pos: usize, max: usize) -> usize {
        let i = ends.count_to(pos);
        let found = if i == 0 { 0 } else { ends.at[i - 1] as usize };
        found.max(self.ceil(pos.saturating_sub(max)))
    }

    /// The first boundary of `ends` after `pos` (the offset before its character), but no
    /// further ahead than `max`.
    fn ahead(&self, ends: &Offsets, pos: usize, max: usize) -> usize {
        let i = ends.count_to(pos);
        let found = ends.get(i).map_or(self.text.len(), |e| {
            // `e` is just after the boundary character: step back over it.
            self.text[..e]
                .chars()
                .next_back()
                .map_or(e, |c| e - c.len_utf8())
        });
        found.min(self.floor((pos + max).min(self.text.len())))
    }

    /// Start of the sentence containing `pos` (bounded).
    pub fn sentence_start(&self, pos: usize) -> usize {
        self.back(&self.sentence_ends, pos, SENTENCE_MAX)
    }

    /// End of the sentence containing `pos` (bounded; the offset of its end mark).
    pub fn sentence_end(&self, pos: usize) -> usize {
        self.ahead(&self.sentence_ends, pos, SENTENCE_MAX)
    }

    /// Start of the clause containing `pos` (bounded).
    pub fn clause_start(&self, pos: usize) -> usize {
        self.back(&self.clause_ends, pos, CLAUSE_MAX)
    }

    /// End of the clause containing `pos` (bounded).
    pub fn clause_end(&self, pos: usize) -> usize {
        self.ahead(&self.clause_ends, pos, CLAUSE_MAX)
    }

    /// Start of the clause containing `pos` when `、` does not end clauses (bounded).
    pub fn comma_start(&self, pos: usize) -> usize {
        self.back(&self.comma_ends, pos, CLAUSE_MAX)
    }

    /// End of the clause containing `pos` when `、` does not end clauses (bounded).
    pub fn comma_end(&self, pos: usize) -> usize {
        self.ahead(&self.comma_ends, pos, CLAUSE_MAX)
    }

    /// Index of the sentence containing `pos` (sentences numbered from 0).
    pub fn sentence_index(&self, pos: usize) -> usize {
        self.sentence_ends.count_to(pos)
    }

    /// Whether only spaces stand between the start of its line and `pos`.
    pub fn at_line_start(&self, pos: usize) -> bool {
        let i = self.line_starts.count_to(pos);
        let start = self.line_starts.at[i.saturating_sub(1)] as usize;
        self.text[start..pos].trim().is_empty()
    }

    /// The nearest char boundary at or after `pos`.
    pub fn ceil(&self, mut pos: usize) -> usize {
        while pos < self.text.len() && !self.text.is_char_boundary(pos) {
            pos += 1;
        }
        pos.min(self.text.len())
    }

    /// The nearest char boundary at or before `pos`.
    pub fn floor(&self, mut pos: usize) -> usize {
        pos = pos.min(self.text.len());
        while pos > 0 && !self.text.is_char_boundary(pos) {
            pos -= 1;
        }
        pos
    }
}

/// Quotation marks around a name, and the longest name they hold (in characters).
const QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('「', '」'),
    ('‘', '’'),
    ('『', '』'),
    ('"', '"'),
];
const SHORT_QUOTE: usize = 12;

/// The opening marks of [`QUOTES`].
static QUOTE_OPENS: CharSet = {
    let mut opens = ['\0'; QUOTES.len()];
    let mut k = 0;
    while k < QUOTES.len() {
        opens[k] = QUOTES[k].0;
        k += 1;
    }
    CharSet::of_bmp(&opens)
};

/// Short quotations: a numeral inside `“金税四期”`, `“稳增长十二条”`, `“三条红线”`,
/// `“两个100%”` is part of a name or slogan, not a figure. Each opening mark (`opens`: where
/// a character of [`QUOTE_OPENS`] stands, ascending) looks ahead at most [`SHORT_QUOTE`]
/// characters for its closing mark on the same line.
fn short_quotes(text: &str, opens: Vec<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in opens {
        if i < from {
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let inner = i + c.len_utf8();
        let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| *open == c) else {
            from = inner;
            continue;
        };
        let found = text[inner..]
            .char_indices()
            .take(SHORT_QUOTE + 1)
            .take_while(|&(_, d)| d != '\n' && d != '。')
            .find(|&(_, d)| d == close);
        from = match found {
            Some((j, d)) => {
                // The closing mark is consumed: `"a" 5件 "b"` pairs ASCII quotes in order.
                let end = inner + j + d.len_utf8();
                out.push(i..end);
                end
            }
            None => inner,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_bounded_and_exact() {
        let text = "甲乙。丙，丁、戊";
        let ctx = Context::new(text, &[]);
        let pos = text.find('戊').unwrap();
        assert_eq!(&text[ctx.sentence_start(pos)..pos], "丙，丁、");
        assert_eq!(&text[ctx.clause_start(pos)..pos], "");
        assert_eq!(&text[ctx.comma_start(pos)..pos], "丁、");
        assert_eq!(ctx.sentence_end(0), text.find('。').unwrap());
        let long = "字".repeat(1000);
        let ctx = Context::new(&long, &[]);
        assert_eq!(ctx.sentence_start(long.len()), long.len() - SENTENCE_MAX);
    }

    // proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn offsets_count_like_a_binary_search() {
        proptest::proptest!(|(mut at in proptest::collection::vec(0u32..3000, 0..400), pos in 0usize..3200)| {
            at.sort_unstable();
            let len = at.last().map_or(0, |&l| l.max(2000) as usize);
            let offsets = Offsets::new(at.clone(), len);
            proptest::prop_assert_eq!(offsets.count_to(pos), at.partition_point(|&o| o as usize <= pos));
        });
    }

    #[test]
    fn clause_ends_hold_every_other_boundary() {
        // `Context::new` skips a character outside CLAUSE_ENDS without testing the others.
        for c in SENTENCE_ENDS.iter().chain(COMMA_ENDS).chain(&['\n']) {
            assert!(CLAUSE_ENDS.contains(c), "{c:?}");
        }
        assert!(!CLAUSE_ENDS
            .iter()
            .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)));
    }

    #[test]
    fn short_quotations_are_masked_long_ones_are_not() {
        let text = "“金税四期”建设，“一件事”，“这是一段很长很长很长很长的引文共有五件”";
        let ctx = Context::new(text, &[]);
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            ctx.masked(&(i..i + s.len()))
        };
        assert!(at("四期"));
        assert!(!at("五件"));
    }
}

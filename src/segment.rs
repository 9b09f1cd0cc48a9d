//! Stage 5 — segment: words with spans, word frequencies, keywords.
//!
//! jieba-rs does the segmentation, with jieba's general dictionary (`data/lexicon.txt`)
//! plus a domain dictionary (`data/domain_dict.txt`) so that 放管服, 合法性审查,
//! 行政复议 come out whole. Before jieba runs, a pre-pass marks atoms that jieba would
//! cut apart: numbers with their unit (`4300余人次`, `12.5%`, `3.5万元`), document numbers
//! (`国办发〔2018〕37号`) and domain terms containing punctuation (`双随机、一公开`).
//!
//! Keywords: TF-IDF against jieba's IDF table (computed by the jieba project on a general
//! Chinese corpus; words it lacks get its median IDF, as jieba does), or TextRank over a
//! window of 5 content words. Stop words (`data/stopwords.txt`), punctuation, numbers and
//! single characters are left out of frequencies and keywords.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;
use regex::Regex;
use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::knowledge;
use crate::lexicon;
use crate::normalize::is_han;
use crate::report::{Keyword, WordCount};
use crate::text::{CharSet, Scan, Span32};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word (or an unknown run of characters).
    Word,
    /// A number with its unit.
    Number,
    /// A document number (`国办发〔2018〕37号`).
    DocNumber,
    /// Punctuation or whitespace.
    Punct,
}

/// A token of the analysis view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets in the segmented text in 32 bits: a token takes 12 bytes, not 24.
    span: Span32,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// A token of `kind` over `range`.
    pub fn new(range: Range<usize>, kind: TokenKind) -> Self {
        Token {
            span: Span32::new(range),
            kind,
        }
    }

    /// Byte range in the segmented text.
    pub fn range(&self) -> Range<usize> {
        self.span.range()
    }
}

/// The jieba segmenter with the domain dictionary and the IDF table.
pub struct Segmenter {
    jieba: Jieba,
    idf: IdfTable,
    median_idf: f32,
    /// The largest IDF (bounds any word's weight).
    max_idf: f32,
    atoms: &'static Regex,
    /// Whether a phrase atom (a domain term with punctuation) starts with an ASCII digit.
    phrase_opens_with_digit: bool,
    /// The characters an atom's text can open with (not counting a document number's
    /// issuer): an ASCII digit, an opening bracket, the first character of a phrase atom.
    atom_opens: CharSet,
    /// Whether atoms are found at all (the domain knowledge is on).
    domain: bool,
    has_lexicon: bool,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("idfs", &self.idf.values().count())
            .field("has_lexicon", &self.has_lexicon)
            .finish()
    }
}

/// The IDF column of a lexicon: the IDF of each of jieba's words that has one, by jieba's
/// word id (the id `Jieba::load_word` gives, which a word keeps), with the value of its
/// last line. It takes no table of its own: a word is looked up in jieba's trie. A hash
/// table of the words, with a copy of their text, took a quarter of building the page's
/// dictionary in V8 (its hashing and probes; natively 6%: docs/performance.md, "The IDFs
/// by jieba's word id"); a hash map of boxed words before it took an allocation per word,
/// and a binary search over the sorted words made keywords 7–14% slower.
#[derive(Default)]
struct IdfTable {
    by_id: Vec<Option<f32>>,
}

impl IdfTable {
    /// Gives the word with id `id` the IDF `idf`; a word seen before takes the new value.
    fn set(&mut self, id: usize, idf: f32) {
        if id >= self.by_id.len() {
            self.by_id.resize(id + 1, None);
        }
        self.by_id[id] = Some(idf);
    }

    /// The IDF of the word with id `id`, if the lexicon gives one.
    fn get(&self, id: usize) -> Option<f32> {
        self.by_id.get(id).copied().flatten()
    }

    /// Every IDF the lexicon gives, one per word.
    fn values(&self) -> impl Iterator<Item = f32> + '_ {
        self.by_id.iter().copied().flatten()
    }
}

/// What a lexicon is read into: the text its entries' words lie in, jieba's dictionary
/// and the IDF table.
struct Loading<'t> {
    text: Cow<'t, str>,
    jieba: Jieba,
    idf: IdfTable,
}

/// Gives one entry of the lexicon to jieba and the IDF table. Never inlined, like the
/// readers' per-line steps (`lexicon`): in the browser, a function runs in its baseline
/// code until it has been called often enough to be optimized, and a loop that never
/// returns is never; called once per entry, this runs optimized after the first few
/// thousand of the 131,000 (docs/performance.md, "The report with the dictionary").
#[inline(never)]
fn add_entry(state: &mut Loading<'_>, entry: lexicon::Entry) {
    let id = state.jieba.load_word(&state.text[entry.word], entry.freq);
    if let (Some(id), Some(v)) = (id, entry.idf) {
        state.idf.set(id, v);
    }
}

/// Whether a domain term is a word for jieba's dictionary; the others (`12345热线`…) are
/// phrases of the atom pre-pass.
fn is_word(term: &str) -> bool {
    term.chars()
        .all(|c| is_han(c) || c.is_ascii_alphanumeric() || c == '+')
}

/// The atom pre-pass: document numbers, the domain's phrases, numbers with their units
/// (none without `domain`). It depends on the data files only, so it is compiled once per
/// process and shared: the page builds a second Analyzer, with the dictionary, after its
/// first report, and compiled it again for that.
fn atoms(domain: bool) -> Result<&'static Regex, &'static regex::Error> {
    static ATOMS: [OnceLock<Result<Regex, regex::Error>>; 2] = [OnceLock::new(), OnceLock::new()];
    ATOMS[usize::from(domain)]
        .get_or_init(|| {
            if !domain {
                return Regex::new("$^");
            }
            let mut phrases: Vec<String> = knowledge::domain_terms()
                .iter()
                .filter(|t| !is_word(t))
                .map(|t| regex::escape(t))
                .collect();
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
            Regex::new(&format!(
                r"(?P<doc>(?P<org>\p{{Han}}{{1,10}})[〔\[(]\s*(?:19|20)[0-9][0-9]\s*[〕\])]\s*[0-9]{{1,4}}\s*号)|(?P<phrase>{})|(?P<num>[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?(?:万亿|万|亿)?[余多]?(?:{})?)",
                if phrases.is_empty() { "$^".to_string() } else { phrases.join("|") },
                knowledge::unit_alternation()
            ))
        })
        .as_ref()
}

impl Segmenter {
    /// Builds the segmenter from a lexicon (`word freq [idf]` lines, `#` comments at the
    /// top, or the same in columns: [`lexicon`]) or, without one, from the domain
    /// dictionary alone (outline and metrics do not need the general dictionary;
    /// segmentation is then coarse).
    ///
    /// With `domain` off, neither the domain dictionary nor the atom pre-pass is used:
    /// plain jieba, the baseline the evaluation compares against.
    ///
    /// # Errors
    /// [`Error::InvalidLexicon`] when a lexicon line has a bad frequency, or its columns
    /// are not as `lexicon::pack` writes them.
    pub fn new(lexicon: Option<&str>, domain: bool) -> Result<Self, Error> {
        // One pass over the entries builds both tables. Each word goes to jieba as
        // `Jieba::with_dict` would read it (word and frequency; a later entry of the same
        // word sets its frequency), without its line reader, which copied and
        // re-validated every line, and without the third column as a part-of-speech
        // tag: jieba took the IDF there and interned each distinct value, and nothing
        // reads tags.
        let (mut jieba, idf) = match lexicon {
            Some(text) => {
                let loaded = lexicon::read(
                    text,
                    |text, n| {
                        let mut jieba = Jieba::empty();
                        jieba.reserve(n);
                        let idf = IdfTable {
                            by_id: Vec::with_capacity(n),
                        };
                        Loading { text, jieba, idf }
                    },
                    add_entry,
                )?;
                (loaded.jieba, loaded.idf)
            }
            None => (Jieba::empty(), IdfTable::default()),
        };
        jieba.finish_loading();
        let mut values: Vec<f32> = idf.values().collect();
        let max_idf = values.iter().copied().fold(10.0f32, f32::max);
        let median_idf = if values.is_empty() {
            10.0
        } else {
            let mid = values.len() / 2;
            *values.select_nth_unstable_by(mid, f32::total_cmp).1
        };
        let mut phrase_opens_with_digit = false;
        let mut phrase_firsts: Vec<char> = Vec::new();
        for &term in knowledge::domain_terms().iter().filter(|_| domain) {
            if is_word(term) {
                let freq = jieba.suggest_freq(term).max(1000);
                jieba.add_word(term, Some(freq), None);
            } else {
                // A phrase atom (`atoms`): where one can begin.
                phrase_opens_with_digit |= term.starts_with(|c: char| c.is_ascii_digit());
                phrase_firsts.extend(term.chars().next());
            }
        }
        let atoms = atoms(domain).map_err(|e| Error::InvalidLexicon(e.to_string()))?;
        Ok(Segmenter {
            jieba,
            idf,
            median_idf,
            max_idf,
            atoms,
            phrase_opens_with_digit,
            atom_opens: CharSet::new(('0'..='9').chain(['[', '(', '〔']).chain(phrase_firsts)),
            domain,
            has_lexicon: lexicon.is_some(),
        })
    }

    /// The IDF the lexicon gives `word`, if any.
    fn idf_of(&self, word: &str) -> Option<f32> {
        self.jieba.word_id(word).and_then(|id| self.idf.get(id))
    }

    /// Whether the general dictionary is loaded.
    pub fn has_lexicon(&self) -> bool {
        self.has_lexicon
    }

    /// Segments `text` into tokens covering it completely.
    pub fn tokens(&self, text: &str, hmm: bool) -> Vec<Token> {
        self.tokens_in(&Scan::new(text, &self.atom_opens), hmm)
    }

    /// The characters an atom may open with (a scan for [`tokens_in`](Self::tokens_in)
    /// holds them).
    pub fn atom_opens(&self) -> &CharSet {
        &self.atom_opens
    }

    /// [`tokens`](Self::tokens) of the text of `scan` (a scan of a set holding
    /// [`atom_opens`](Self::atom_opens)).
    pub fn tokens_in(&self, scan: &Scan<'_>, hmm: bool) -> Vec<Token> {
        let text = scan.text();
        let mut out = Vec::with_capacity(text.len() / 4);
        let mut pos = 0;
        // Where a pass of the atom regex would resume, and the match it finds there,
        // asked from the first place an atom can start: the regex runs over the text
        // from a few characters before a digit, a bracket or a phrase's first character.
        let mut resume = 0;
        while let Some(m) = self
            .atom_candidate(scan, resume)
            .and_then(|from| self.atoms.find_at(text, from))
        {
            resume = m.end();
            // Most atoms are numbers, and an atom that starts with an ASCII digit is one
            // (a document number starts with its issuer, no phrase with a digit): only the
            // others need the capture groups, asked of the match alone (the pattern looks
            // at nothing around it, so the groups are those of the whole text's pass).
            let (start, kind) = if m.as_str().starts_with(|c: char| c.is_ascii_digit())
                && !self.phrase_opens_with_digit
            {
                (m.start(), TokenKind::Number)
            } else {
                let caps = self
                    .atoms
                    .captures_at(&text[..m.end()], m.start())
                    .expect("the match matches again");
                // `依据国办发〔2018〕37号`: the lead word is not part of the document number.
                let start = m.start()
                    + caps
                        .name("org")
                        .map_or(0, |o| crate::citations::org_start(o.as_str()));
                let kind = if caps.name("doc").is_some() {
                    TokenKind::DocNumber
                } else if caps.name("phrase").is_some() {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                };
                (start, kind)
            };
            if start > pos {
                self.cut_into(text, pos..start, hmm, &mut out);
            }
            out.push(Token::new(start..m.end(), kind));
            pos = m.end();
        }
        if pos < text.len() {
            self.cut_into(text, pos..text.len(), hmm, &mut out);
        }
        out
    }

    /// Where, at or after `from`, an atom may start first: up to ten characters (a
    /// document number's issuer) before the first digit, opening bracket or first
    /// character of a phrase; none when no such character follows (nor any atom). No atom
    /// starts before it: a number starts with a digit, a phrase with its first character,
    /// a document number with at most ten Chinese characters before its bracket.
    fn atom_candidate(&self, scan: &Scan<'_>, from: usize) -> Option<usize> {
        if !self.domain {
            return None;
        }
        let (i, _) = scan.matches_from(&self.atom_opens, from).next()?;
        Some(
            scan.text()[from..i]
                .char_indices()
                .rev()
                .nth(9)
                .map_or(from, |(j, _)| from + j),
        )
    }

    fn cut_into(&self, text: &str, range: Range<usize>, hmm: bool, out: &mut Vec<Token>) {
        let base = range.start;
        self.jieba.cut_with(&text[range], hmm, |t| {
            let kind = if t.word.chars().any(is_wordish) {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            out.push(Token::new(base + t.byte_start..base + t.byte_end, kind));
        });
    }

    /// Content words: words of two or more characters with a Chinese character, not stop words.
    fn is_content(word: &str) -> bool {
        word.chars().count() >= 2
            && word.chars().any(is_han)
            && !knowledge::stop_words().contains(word)
    }

    /// Counts content words, most frequent first (ties alphabetically), at most `n`.
    pub fn frequencies(text: &str, tokens: &[Token], n: usize) -> Vec<WordCount> {
        Self::frequencies_of(&WordCounts::new(text, tokens), n)
    }

    /// [`frequencies`](Self::frequencies) from counts already made.
    pub fn frequencies_of(counts: &WordCounts<'_>, n: usize) -> Vec<WordCount> {
        let mut v: Vec<(&str, usize)> = counts.0.iter().map(|(w, &c)| (*w, c)).collect();
        let order = |a: &(&str, usize), b: &(&str, usize)| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0));
        top_n(&mut v, n, order);
        v.into_iter()
            .map(|(w, c)| WordCount {
                word: w.to_string(),
                count: c,
            })
            .collect()
    }

    /// TF-IDF keywords, best first, at most `n`.
    pub fn tfidf(&self, text: &str, tokens: &[Token], n: usize) -> Vec<Keyword> {
        self.tfidf_of(&WordCounts::new(text, tokens), n)
    }

    /// [`tfidf`](Self::tfidf) from counts already made.
    pub fn tfidf_of(&self, counts: &WordCounts<'_>, n: usize) -> Vec<Keyword> {
        let total = counts.0.values().sum::<usize>().max(1) as f64;
        // Most frequent first: once even the largest IDF cannot lift a word's weight to
        // the n-th best found so far, no rarer word can enter either, and the dictionary
        // (a large, cache-unfriendly table) is not consulted for the long tail.
        let mut by_count: Vec<(&str, usize)> = counts.0.iter().map(|(w, &c)| (*w, c)).collect();
        by_count.sort_unstable_by_key(|&(_, c)| std::cmp::Reverse(c));
        let mut best: Vec<(&str, f64, usize)> = Vec::with_capacity(4 * n + 1);
        let mut threshold: Option<f64> = None;
        for (w, c) in by_count {
            if threshold.is_some_and(|t| round4(c as f64 / total * f64::from(self.max_idf)) < t) {
                break;
            }
            let idf = self.idf_of(w).unwrap_or(self.median_idf);
            best.push((w, round4(c as f64 / total * f64::from(idf)), c));
            if n > 0 && best.len() >= 4 * n {
                top_n(&mut best, n, keyword_order);
                threshold = best.last().map(|b| b.1);
            }
        }
        best_keywords(best, n)
    }

    /// TextRank keywords over a co-occurrence window of 5 content words, best first.
    pub fn textrank(text: &str, tokens: &[Token], n: usize) -> Vec<Keyword> {
        Self::textrank_of(text, tokens, &WordCounts::new(text, tokens), n)
    }

    /// [`textrank`](Self::textrank) with the counts already made (for each keyword's count).
    pub fn textrank_of(
        text: &str,
        tokens: &[Token],
        counts: &WordCounts<'_>,
        n: usize,
    ) -> Vec<Keyword> {
        let words: Vec<&str> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| &text[t.range()])
            .filter(|w| Self::is_content(w))
            .collect();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for w in &words {
            let len = index.len();
            index.entry(w).or_insert(len);
        }
        let size = index.len();
        let mut edges: Vec<HashMap<usize, f64>> = vec![HashMap::new(); size];
        for (i, w) in words.iter().enumerate() {
            for other in words.iter().skip(i + 1).take(4) {
                let (a, b) = (index[w], index[other]);
                if a != b {
                    *edges[a].entry(b).or_default() += 1.0;
                    *edges[b].entry(a).or_default() += 1.0;
                }
            }
        }
        let out_weight: Vec<f64> = edges.iter().map(|e| e.values().sum()).collect();
        let mut score = vec![1.0f64; size];
        for _ in 0..20 {
            let mut next = vec![0.15f64; size];
            for (a, e) in edges.iter().enumerate() {
                for (&b, &w) in e {
                    next[b] += 0.85 * w / out_weight[a] * score[a];
                }
            }
            score = next;
        }
        let max = score.iter().copied().fold(f64::MIN, f64::max).max(1e-9);
        let v: Vec<(&str, f64, usize)> = index
            .iter()
            .map(|(w, &i)| (*w, round4(score[i] / max), counts.get(w)))
            .collect();
        best_keywords(v, n)
    }
}

/// Whether `c` makes a token a word: a Chinese character, a letter or a digit. The
/// sentence punctuation of Chinese text is answered without `char::is_alphanumeric`'s
/// table search (it is none of them).
fn is_wordish(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_han(c) {
        return true;
    }
    !matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '…'
            | '—'
            | '·'
    ) && c.is_alphanumeric()
}

/// How often each content word occurs: counted once per analysis and shared by the
/// keywords and the frequency list. Every word token is counted first (one hash each);
/// the content-word test then runs once per distinct word, not once per occurrence.
#[derive(Debug, Default)]
pub struct WordCounts<'a>(FxHashMap<&'a str, usize>);

impl<'a> WordCounts<'a> {
    /// Counts the content words among `tokens` of `text`.
    pub fn new(text: &'a str, tokens: &[Token]) -> Self {
        // A report has about one distinct word per eight tokens: sized once, not grown
        // through every power of two.
        let mut counts: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(tokens.len() / 8, Default::default());
        // A content word has a Chinese character (three or four bytes) and another
        // character: a shorter token (a single character, a third of them) is not counted.
        for t in tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && t.range().len() >= 4)
        {
            *counts.entry(&text[t.range()]).or_default() += 1;
        }
        counts.retain(|w, _| Segmenter::is_content(w));
        WordCounts(counts)
    }

    /// The count of `word` (0 when it is not a content word of the text).
    pub fn get(&self, word: &str) -> usize {
        self.0.get(word).copied().unwrap_or(0)
    }
}

/// Keeps the first `n` of `v` in `order`, sorted: a selection, then a sort of only those.
fn top_n<T>(v: &mut Vec<T>, n: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if n == 0 {
        v.clear();
        return;
    }
    if v.len() > n {
        v.select_nth_unstable_by(n - 1, &order);
        v.truncate(n);
    }
    v.sort_by(order);
}

/// The best `n` of `(word, weight, count)` as keywords, best first.
fn best_keywords(mut v: Vec<(&str, f64, usize)>, n: usize) -> Vec<Keyword> {
    top_n(&mut v, n, keyword_order);
    v.into_iter()
        .map(|(w, weight, count)| Keyword {
            word: w.to_string(),
            weight,
            count,
        })
        .collect()
}

/// Best weight first, then the more frequent, then alphabetically.
fn keyword_order(a: &(&str, f64, usize), b: &(&str, f64, usize)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1)
        .then_with(|| b.2.cmp(&a.2))
        .then_with(|| a.0.cmp(b.0))
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    // proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The counts are those of a count of every word token by its text, kept for the
        /// content words.
        #[test]
        fn word_counts_are_those_of_a_count_by_text(
            words in proptest::collection::vec("[中国人a\\x00]{1,4}", 0..40),
        ) {
            let text = words.concat();
            let mut at = 0;
            let tokens: Vec<Token> = words
                .iter()
                .map(|w| {
                    at += w.len();
                    Token::new(at - w.len()..at, TokenKind::Word)
                })
                .collect();
            let mut want: std::collections::HashMap<&str, usize> = Default::default();
            for w in words.iter().filter(|w| w.len() >= 4) {
                *want.entry(w.as_str()).or_default() += 1;
            }
            want.retain(|w, _| Segmenter::is_content(w));
            let got = WordCounts::new(&text, &tokens);
            proptest::prop_assert_eq!(got.0.len(), want.len());
            for (w, n) in want {
                proptest::prop_assert_eq!(got.get(w), n, "{:?}", w);
            }
        }
    }

    fn words(seg: &Segmenter, text: &str) -> Vec<String> {
        seg.tokens(text, false)
            .iter()
            .map(|t| text[t.range()].to_string())
            .collect()
    }

    #[test]
    fn atoms_stay_whole_without_lexicon() {
        let seg = Segmenter::new(None, true).unwrap();
        let text = "推行双随机、一公开监管，依据国办发〔2018〕37号，受理4300余人次和12.5%";
        let w = words(&seg, text);
        for whole in [
            "双随机、一公开",
            "国办发〔2018〕37号",
            "4300余人次",
            "12.5%",
        ] {
            assert!(w.contains(&whole.to_string()), "{whole} in {w:?}");
        }
        assert_eq!(w.concat(), text, "tokens cover the text");
    }

    #[test]
    fn a_lexicon_is_read_as_jieba_reads_a_dictionary() {
        // Words without an IDF, without a frequency (0), listed twice (the later frequency
        // counts), tabs between columns.
        let body =
            "甲乙 5\n丙丁 7 3.5\n戊己\n丙丁 40\n庚辛\t9\t2.0\n甲 3\n乙丙 20 1.0\n乙丙 20 2.5\r\n";
        let lines = format!("# header\n{body}");
        let reference = Jieba::with_dict(&mut std::io::Cursor::new(body)).unwrap();
        // The same lexicon in columns gives the same segmenter.
        for seg in [lines.clone(), lexicon::pack(&lines).unwrap()]
            .map(|l| Segmenter::new(Some(&l), false).unwrap())
        {
            for w in ["甲乙", "丙丁", "戊己", "庚辛", "甲", "乙丙", "丁戊", "乙"] {
                assert_eq!(seg.jieba.has_word(w), reference.has_word(w), "{w}");
                assert_eq!(seg.jieba.suggest_freq(w), reference.suggest_freq(w), "{w}");
            }
            let text = "甲乙丙丁戊己庚辛甲乙丙";
            let cut = |j: &Jieba| {
                j.cut(text, false)
                    .iter()
                    .map(|t| t.word)
                    .collect::<Vec<_>>()
            };
            assert_eq!(cut(&seg.jieba), cut(&reference));
            // The IDF is the third column of lines split at single spaces.
            assert_eq!(seg.idf_of("丙丁"), Some(3.5));
            // Of a word listed twice, the last IDF.
            assert_eq!(seg.idf_of("乙丙"), Some(2.5));
            assert_eq!(seg.idf_of("甲乙"), None);
            assert_eq!(seg.idf_of("庚辛"), None);
        }
        let bad = Segmenter::new(Some("# header\n甲乙 5\n丙丁 many\n"), false).err();
        let Some(Error::InvalidLexicon(message)) = bad else {
            panic!("a bad frequency is an error: {bad:?}");
        };
        assert!(message.starts_with("line 3 `丙丁 many`"), "{message}");
    }

    #[test]
    fn domain_terms_added_after_the_lexicon_keep_its_idfs_and_add_none() {
        // 放管服 is a domain term; the lexicon gives it an IDF, and gives none to 合法性审查,
        // another domain term, which jieba then learns after the lexicon's words.
        assert!(knowledge::domain_terms().contains(&"放管服"));
        assert!(knowledge::domain_terms().contains(&"合法性审查"));
        let seg = Segmenter::new(Some("甲乙 5 1.5\n放管服 3 4.25\n丙丁 7 2.0\n"), true).unwrap();
        assert_eq!(seg.idf_of("放管服"), Some(4.25));
        assert_eq!(seg.idf_of("丙丁"), Some(2.0));
        assert!(seg.jieba.has_word("合法性审查"));
        assert_eq!(seg.idf_of("合法性审查"), None);
        assert_eq!(seg.idf_of("放管"), None);
    }

    #[test]
    fn the_idf_table_finds_every_word_and_no_other() {
        let lines = [
            "甲 1 1.0",
            "甲乙 2 2.0",
            "甲乙丙 3 3.0",
            "乙 4 4.0",
            "B型 5 5.0",
            "B 6 6.0",
        ];
        let mut sorted = lines;
        sorted.sort();
        for order in [lines, sorted] {
            let seg = Segmenter::new(Some(&order.join("\n")), false).unwrap();
            for line in order {
                let mut cols = line.split(' ');
                let (w, idf) = (cols.next().unwrap(), cols.nth(1).unwrap().parse().ok());
                assert_eq!(seg.idf_of(w), idf, "{w} in {order:?}");
            }
            for w in ["甲丙", "乙乙", "丙", "A", "B型号", "", "甲乙丙丁"] {
                assert_eq!(seg.idf_of(w), None, "{w} in {order:?}");
            }
        }
    }

    #[test]
    fn keywords_rank_the_characteristic_words() {
        let lexicon = "行政 100 5.0\n复议 100 6.0\n工作 5000 1.0\n开展 3000 1.5\n案件 200 7.0\n办理 500 4.0\n";
        let seg = Segmenter::new(Some(lexicon), true).unwrap();
        let text = "开展工作，办理行政复议案件。开展工作，办理行政复议案件。行政复议案件办理工作。";
        let tokens = seg.tokens(text, false);
        let tfidf: Vec<String> = seg
            .tfidf(text, &tokens, 3)
            .into_iter()
            .map(|k| k.word)
            .collect();
        assert_eq!(
            tfidf[0], "行政复议案件",
            "a domain term (one token, median IDF) ranks first: {tfidf:?}"
        );
        assert!(
            !tfidf.contains(&"工作".to_string()),
            "stop words never rank: {tfidf:?}"
        );
        let textrank = Segmenter::textrank(text, &tokens, 3);
        assert!(
            !textrank.is_empty() && textrank[0].weight == 1.0,
            "TextRank normalizes the best to 1"
        );
        assert!(textrank.iter().all(|k| k.word != "工作" && k.count > 0));
        let freq = Segmenter::frequencies(text, &tokens, 10);
        let count = |w: &str| freq.iter().find(|f| f.word == w).map(|f| f.count);
        assert_eq!(
            (count("行政复议案件"), count("办理"), count("工作")),
            (Some(3), Some(3), None)
        );
        assert!(
            freq.windows(2).all(|p| p[0].count >= p[1].count),
            "most frequent first"
        );
    }

    #[test]
    fn tfidf_with_early_stop_equals_ranking_every_word() {
        // Counts spread from 1 to many and IDFs from 1 to 12, so that the early stop
        // is taken and ties on weight are broken by count and word.
        let mut lexicon = String::new();
        let mut text = String::new();
        let han: Vec<char> = "法治政府建设行政复议执法监督审查公开服务改革"
            .chars()
            .collect();
        for i in 0..200usize {
            let w: String = [
                han[i % han.len()],
                han[(i * 7 + 3) % han.len()],
                han[(i / 3) % han.len()],
            ]
            .iter()
            .collect();
            lexicon.push_str(&format!("{w} 10 {}\n", 1 + (i * 37) % 12));
            for _ in 0..(1 + (i * 13) % 9) {
                text.push_str(&w);
                text.push('，');
            }
        }
        let seg = Segmenter::new(Some(&lexicon), false).unwrap();
        let tokens = seg.tokens(&text, false);
        let counts = WordCounts::new(&text, &tokens);
        let total = counts.0.values().sum::<usize>() as f64;
        let mut all: Vec<(&str, f64, usize)> = counts
            .0
            .iter()
            .map(|(w, &c)| {
                let idf = seg.idf_of(w).unwrap_or(seg.median_idf);
                (*w, round4(c as f64 / total * f64::from(idf)), c)
            })
            .collect();
        all.sort_by(keyword_order);
        for n in [0, 1, 5, 20, 60, 1000] {
            let got: Vec<(String, f64, usize)> = seg
                .tfidf_of(&counts, n)
                .into_iter()
                .map(|k| (k.word, k.weight, k.count))
                .collect();
            let want: Vec<(String, f64, usize)> = all
                .iter()
                .take(n)
                .map(|(w, x, c)| (w.to_string(), *x, *c))
                .collect();
            assert_eq!(got, want, "top {n}");
        }
    }

    #[cfg(feature = "bundled-lexicon")]
    #[test]
    fn the_pruned_dictionary_keeps_government_report_words_whole() {
        // Rare in jieba's general corpus (frequency 3), everyday in government reports:
        // the shipped dictionary keeps them although it drops most rare entries.
        let seg = Segmenter::new(Some(crate::BUNDLED_LEXICON), true).unwrap();
        let w = words(&seg, "改善生态环境，深化国有企业改革，维护群众合法权益。");
        for whole in ["生态环境", "国有企业", "合法权益"] {
            assert!(w.contains(&whole.to_string()), "{whole} in {w:?}");
        }
        assert!(
            !crate::BUNDLED_LEXICON.contains("\n万象新 "),
            "a rare entry outside the domain is pruned"
        );
    }

    #[test]
    fn domain_terms_stay_whole() {
        let seg = Segmenter::new(
            Some("行政 100 5.0\n复议 100 6.0\n申请 100 4.0\n合法 100\n审查 100\n工作 100\n"),
            true,
        )
        .unwrap();
        let w = words(&seg, "受理行政复议申请，开展合法性审查工作");
        assert!(w.contains(&"行政复议申请".to_string()), "{w:?}");
        assert!(w.contains(&"合法性审查".to_string()), "{w:?}");
    }
}

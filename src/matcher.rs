//! Regexes asked only *whether* they match.
//!
//! A `regex::Regex` builds, for every pattern, what telling *where* and *what* matched
//! needs: a reverse automaton to find where a match starts, literal prefilters
//! (Aho-Corasick over the words of an alternation), the engines that read capture groups.
//! A heading tested against the words of a mandated part, a clause against an indicator's
//! context, a line against a title ending need none of it. On the page's first analysis,
//! which V8 runs in its baseline compiler's code, building those was most of the time of
//! such a regex (a browser profile of the first analysis: the mandated parts' regexes
//! alone took 37 ms, a sixth of it).

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

use regex::Regex;
use regex_automata::hybrid;
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::Input;
use regex_syntax::hir::{Hir, HirKind, Repetition};

/// A lazy DFA's search caches, one per thread that searches at once (the CLI analyses
/// files in parallel).
pub type CachePool = Pool<
    hybrid::dfa::Cache,
    Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync + UnwindSafe + RefUnwindSafe>,
>;

/// The caches of `dfa`.
pub fn cache_pool(dfa: &hybrid::dfa::DFA) -> CachePool {
    let dfa = dfa.clone();
    Pool::new(Box::new(move || dfa.create_cache()))
}

/// A pattern asked only whether it matches somewhere in a text: a forward lazy DFA (the
/// engine under `regex`, without captures), answering `is_match` as `regex::Regex` would.
pub struct Matcher {
    pattern: Box<str>,
    dfa: hybrid::dfa::DFA,
    caches: CachePool,
    /// The whole regex, built only if the DFA gives up on a text: at a Unicode word
    /// boundary (`\b`) next to a non-ASCII character, which a DFA cannot decide.
    fallback: OnceLock<Regex>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Matcher").field(&self.pattern).finish()
    }
}

impl Matcher {
    /// Compiles `pattern`.
    ///
    /// # Errors
    /// When the pattern is not a valid regex or is too large to compile.
    pub fn new(pattern: &str) -> Result<Matcher, Box<hybrid::BuildError>> {
        let dfa = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::DFA::config().unicode_word_boundary(true))
            .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build(pattern)
            .map_err(Box::new)?;
        Ok(Matcher {
            pattern: pattern.into(),
            caches: cache_pool(&dfa),
            dfa,
            fallback: OnceLock::new(),
        })
    }

    /// The pattern it was compiled from (for `assert_guard_lets_through_every_match`).
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// Whether the pattern matches somewhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        let mut cache = self.caches.get();
        // Stops at the first match state: where the match ends is not asked.
        match self
            .dfa
            .try_search_fwd(&mut cache, &Input::new(haystack).earliest(true))
        {
            Ok(found) => found.is_some(),
            Err(_) => self
                .fallback
                .get_or_init(|| {
                    // The DFA built from this pattern, so the regex does too.
                    Regex::new(&self.pattern).unwrap_or_else(|e| panic!("matcher: {e}"))
                })
                .is_match(haystack),
        }
    }
}

/// A pattern that matches wherever `hir` matches, and may match elsewhere: a search
/// guard for a set of patterns whose matches are each verified by the full pattern.
///
/// In an unanchored automaton of many patterns, a pattern's counted repetitions and its
/// context on either side are alive at every position where they could start, and the
/// lazy DFA's states multiply across the patterns (the sixteen in-line boilerplate rules:
/// 2.5 MB of states over the corpus, a first pass over it 3× as slow as the next). Each
/// pattern keeps its part from the first literal (a word, or an alternation of words) on,
/// and loses what may match the empty string at its end: `[^。]*(?:小编为大家|小编整理)[^。]*`
/// keeps `(?:小编为大家|小编整理)`, `(?:^|[\s，])(\p{Han}{0,4}(?:范文|文库)网)(?:\s|$)` keeps
/// `(?:范文|文库)网`. What is left repeats without counting: `X{0,30}` is `X*`, `X{2,12}`
/// is `X+` (a counted run of a large class, `[^（）\n]{0,30}`, is thirty copies of its
/// automaton to build, and a count alive at every position multiplies the states).
///
/// A concatenation that matches a stretch of a text has every run of its parts matching a
/// stretch within it (what the parts assert about the text around them still holds
/// there), and a run repeated `m..=n` times is repeated at least `min(m, 1)` times, so the
/// guard never misses a match; a branch of an alternation is relaxed on its own, a
/// capture group is read as its content.
pub fn relaxed(hir: &Hir) -> Hir {
    fn is_word(h: &Hir) -> bool {
        let p = h.properties();
        p.is_literal() || p.is_alternation_literal()
    }
    fn parts(h: &Hir, out: &mut Vec<Hir>) {
        match h.kind() {
            HirKind::Capture(c) => parts(&c.sub, out),
            HirKind::Concat(v) => v.iter().for_each(|p| parts(p, out)),
            _ => out.push(h.clone()),
        }
    }
    match hir.kind() {
        HirKind::Capture(c) => relaxed(&c.sub),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(relaxed).collect()),
        HirKind::Concat(_) => {
            let mut v = Vec::new();
            parts(hir, &mut v);
            let start = v.iter().position(is_word).unwrap_or(0);
            let mut end = v.len();
            while end > start + 1 && v[end - 1].properties().minimum_len() == Some(0) {
                end -= 1;
            }
            Hir::concat(v.drain(start..end).map(|p| uncounted(&p)).collect())
        }
        _ => uncounted(hir),
    }
}

/// `hir` with every counted repetition made uncounted (`X{m,n}` with `m` or `n` above 1
/// is `X*` or `X+`) and its capture groups read as their content: it matches wherever
/// `hir` does.
fn uncounted(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Capture(c) => uncounted(&c.sub),
        HirKind::Concat(v) => Hir::concat(v.iter().map(uncounted).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(uncounted).collect()),
        HirKind::Repetition(r) => {
            let counted = r.min > 1 || r.max.is_some_and(|n| n > 1);
            Hir::repetition(Repetition {
                min: if counted { r.min.min(1) } else { r.min },
                max: if counted { None } else { r.max },
                greedy: r.greedy,
                sub: Box::new(uncounted(&r.sub)),
            })
        }
        _ => hir.clone(),
    }
}

/// For the tests of a guard: `n` strings generated from `hir` (proptest's
/// `string_regex_parsed`, deterministic), its look-around assertions (`^`, `$`, which it
/// cannot generate) read as nothing.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn generated_from(hir: &Hir, n: usize) -> Vec<String> {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    fn without_looks(h: &Hir) -> Hir {
        match h.kind() {
            HirKind::Look(_) => Hir::empty(),
            HirKind::Capture(c) => without_looks(&c.sub),
            HirKind::Concat(v) => Hir::concat(v.iter().map(without_looks).collect()),
            HirKind::Alternation(v) => Hir::alternation(v.iter().map(without_looks).collect()),
            HirKind::Repetition(r) => Hir::repetition(Repetition {
                sub: Box::new(without_looks(&r.sub)),
                ..r.clone()
            }),
            _ => h.clone(),
        }
    }
    let strings = proptest::string::string_regex_parsed(&without_looks(hir))
        .unwrap_or_else(|e| panic!("{hir}: {e}"));
    let mut runner = TestRunner::deterministic();
    (0..n)
        .map(|_| strings.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// For the tests of a guard that lets a pattern be compiled and run only where it could
/// match: 3,000 strings generated from `pattern` itself ([`generated_from`]), each of
/// which `matches` must accept and `may` must let through. So the test follows any change
/// to a pattern or to the words it is built from, and a guard that asks for what the
/// pattern does not need fails it.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn assert_guard_lets_through_every_match(
    pattern: &str,
    matches: impl Fn(&str) -> bool,
    may: impl Fn(&str) -> bool,
) {
    let hir = regex_automata::util::syntax::parse(pattern).unwrap();
    for s in generated_from(&hir, 3000) {
        assert!(matches(&s), "{pattern}: generated {s:?} does not match");
        assert!(may(&s), "{pattern}: {s:?} matches, but its guard says no");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_regex_does() {
        let patterns = [
            r"存在的?.{0,4}(问题|不足|短板|差距)|薄弱环节",
            r"^(?:19|20)[0-9]{2}年$",
            r"(?:报告|总结)$",
            "",
            "x?",
            r"\bc\b",
            r"^$",
            r"[^\n]{3}",
        ];
        let texts = [
            "",
            "存在的主要问题",
            "存在短板",
            "2019年",
            "2019年度",
            "工作总结",
            "总结报告书",
            "a c d",
            "中c文",
            "ac",
            "多行\n文本",
            "一二",
        ];
        for p in patterns {
            let (m, r) = (Matcher::new(p).unwrap(), Regex::new(p).unwrap());
            for t in texts {
                assert_eq!(m.is_match(t), r.is_match(t), "{p:?} on {t:?}");
            }
        }
    }

    #[test]
    fn a_relaxed_pattern_is_its_words_and_what_lies_between_them_uncounted() {
        let is_match = |pattern: &str, text: &str| {
            let hir = relaxed(&regex_automata::util::syntax::parse(pattern).unwrap());
            regex_automata::meta::Regex::builder()
                .build_from_hir(&hir)
                .unwrap()
                .is_match(text)
        };
        // The context on either side, and a counted run before the first word, go.
        let site = r"(?:^|[\s，])(\p{Han}{0,4}(?:范文|文库)网)(?:\s|$)";
        let exact = Regex::new(site).unwrap();
        assert!(exact.is_match("甲乙范文网") && !exact.is_match("甲乙丙丁戊范文网己"));
        assert!(is_match(site, "甲乙丙丁戊范文网己"));
        assert!(!is_match(site, "范文"));
        // What stands between words stays, and so does a last part that cannot be empty.
        let source = r"[（(][^（）]{0,20}(?:本文|来源)[^（）]{0,30}www\.[a-z]+[)）]";
        assert!(is_match(source, "本文见 www.gov）"));
        assert!(!is_match(source, "本文（ www.gov）"));
        assert!(!is_match(source, "本文见 www.gov"));
        // Counted runs are not counted.
        let long = format!("本文{} www.gov）", "见".repeat(40));
        assert!(is_match(source, &long));
        assert!(!is_match(r"年[0-9]{2,4}月", "年月"));
        assert!(is_match(r"年[0-9]{2,4}月", "年12345月") && is_match(r"年[0-9]{2,4}月", "年1月"));
        // Each branch of an alternation on its own; a pattern without a word keeps its
        // start, one with a word starts there.
        assert!(is_match(r"^甲乙$|[0-9]+丙", "x甲乙x"));
        assert!(!is_match(r"[0-9]+[丙丁]", "丙"));
        assert!(is_match(r"[0-9]+丙", "丙"));
    }

    #[test]
    fn refuses_what_the_regex_refuses() {
        assert!(Matcher::new("(unclosed").is_err());
    }
}

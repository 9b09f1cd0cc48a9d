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

/// For the tests of a guard that lets a pattern be compiled and run only where it could
/// match: 3,000 strings generated from `pattern` itself (proptest's `string_regex`,
/// without the pattern's `^` and `$`, which it cannot generate), each of which `matches`
/// must accept and `may` must let through. So the test follows any change to a pattern or
/// to the words it is built from, and a guard that asks for what the pattern does not
/// need fails it.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn assert_guard_lets_through_every_match(
    pattern: &str,
    matches: impl Fn(&str) -> bool,
    may: impl Fn(&str) -> bool,
) {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let body = pattern.trim_start_matches('^').trim_end_matches('$');
    let strings = proptest::string::string_regex(body).unwrap();
    let mut runner = TestRunner::deterministic();
    for _ in 0..3000 {
        let s = strings.new_tree(&mut runner).unwrap().current();
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
    fn refuses_what_the_regex_refuses() {
        assert!(Matcher::new("(unclosed").is_err());
    }
}

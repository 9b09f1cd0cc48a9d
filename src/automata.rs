//! Thompson NFAs written out ahead of time and read back: the boilerplate rule sets'.
//!
//! The clean stage tests lines against four sets of the rules of `data/boilerplate.tsv`,
//! each one automaton (`clean::RuleSet`). Parsing the rules' patterns and compiling the
//! four NFAs was about a fifth of the page's first analysis in the browser, which runs it
//! in V8's baseline code (docs/performance.md, "The boilerplate sets compiled ahead").
//! `data/boilerplate.automata` holds the four NFAs as regex-automata's compiler builds
//! them, state by state, and [`decode`] gives them back through its NFA builder: one loop
//! over the states, the same automata (a test compares them with freshly compiled ones).
//!
//! The file names the hash of the rules file it was compiled from. For other rules (an
//! edited `data/boilerplate.tsv` whose automata were not written again) [`decode`] gives
//! nothing, and the stage parses and compiles the rules itself, as it did before: slower,
//! never wrong. `make automata` writes the file; the test says when it is stale.
//!
//! The format: the magic bytes, the rules' hash (8 bytes, little-endian), the number of
//! automata; for each, a flags byte (UTF-8, reverse), the number of patterns and each
//! one's start state, the anchored and unanchored start states, the number of states and
//! each state: a tag byte and its fields, a target as its zigzag-coded distance from the
//! state. Numbers are unsigned LEB128.

#[cfg(all(test, not(target_arch = "wasm32")))]
use regex_automata::nfa::thompson::State;
use regex_automata::nfa::thompson::{Builder, Transition, NFA};
use regex_automata::util::look::Look;
#[cfg(all(test, not(target_arch = "wasm32")))]
use regex_automata::util::look::LookMatcher;
use regex_automata::util::primitives::StateID;

const MAGIC: &[u8; 8] = b"fzNFA\x00\x00\x01";

const BYTE_RANGE: u8 = 0;
const SPARSE: u8 = 1;
const LOOK: u8 = 2;
const UNION: u8 = 3;
const BINARY_UNION: u8 = 4;
const FAIL: u8 = 5;
const MATCH: u8 = 6;

/// The 64-bit FNV-1a hash of `text`: the same on every target (a `usize`-based hasher
/// is not: the module is 32-bit, the CLI 64).
pub fn source_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
fn put(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Writes `nfas`, compiled from rules whose hash is `hash`.
///
/// # Panics
/// On an automaton this format does not hold: capture states (the sets are compiled
/// without them), dense states (the compiler makes none), a look-around matcher other
/// than the default one. Only the test that writes the file calls this.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub fn encode(hash: u64, nfas: &[&NFA]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&hash.to_le_bytes());
    put(&mut out, nfas.len());
    for nfa in nfas {
        assert_eq!(
            format!("{:?}", nfa.look_matcher()),
            format!("{:?}", LookMatcher::new()),
            "the default look-around matcher"
        );
        out.push(u8::from(nfa.is_utf8()) | u8::from(nfa.is_reverse()) << 1);
        put(&mut out, nfa.pattern_len());
        for pid in nfa.patterns() {
            put(
                &mut out,
                nfa.start_pattern(pid)
                    .expect("a pattern has a start")
                    .as_usize(),
            );
        }
        put(&mut out, nfa.start_anchored().as_usize());
        put(&mut out, nfa.start_unanchored().as_usize());
        put(&mut out, nfa.states().len());
        for (id, state) in nfa.states().iter().enumerate() {
            // A target as its distance from this state, zigzag-coded: mostly a neighbour.
            let to = |out: &mut Vec<u8>, target: StateID| {
                let d = target.as_usize() as i64 - id as i64;
                put(out, ((d << 1) ^ (d >> 63)) as usize);
            };
            let range = |out: &mut Vec<u8>, t: &Transition| {
                out.extend_from_slice(&[t.start, t.end]);
                to(out, t.next);
            };
            match state {
                State::ByteRange { trans } => {
                    out.push(BYTE_RANGE);
                    range(&mut out, trans);
                }
                State::Sparse(sparse) => {
                    out.push(SPARSE);
                    put(&mut out, sparse.transitions.len());
                    for t in sparse.transitions.iter() {
                        range(&mut out, t);
                    }
                }
                State::Look { look, next } => {
                    out.push(LOOK);
                    put(&mut out, look.as_repr() as usize);
                    to(&mut out, *next);
                }
                State::Union { alternates } => {
                    out.push(UNION);
                    put(&mut out, alternates.len());
                    for &a in alternates.iter() {
                        to(&mut out, a);
                    }
                }
                State::BinaryUnion { alt1, alt2 } => {
                    out.push(BINARY_UNION);
                    to(&mut out, *alt1);
                    to(&mut out, *alt2);
                }
                State::Fail => out.push(FAIL),
                State::Match { pattern_id } => {
                    out.push(MATCH);
                    put(&mut out, pattern_id.as_usize());
                }
                State::Dense(_) | State::Capture { .. } => {
                    panic!("an NFA state this format does not hold: {state:?}")
                }
            }
        }
    }
    out
}

/// A reader of the numbers and bytes of an encoded file; `None` at its end.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    fn number(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// The target of a transition of state `from`, written as its distance; it must be
    /// under `states` (the builder indexes by it).
    fn target(&mut self, from: usize, states: usize) -> Option<StateID> {
        let z = self.number()?;
        let d = (z >> 1) as i64 ^ -((z & 1) as i64);
        let id = usize::try_from(i64::try_from(from).ok()?.checked_add(d)?).ok()?;
        (id < states).then(|| StateID::new(id).ok())?
    }

    fn transition(&mut self, from: usize, states: usize) -> Option<Transition> {
        let (start, end) = (self.byte()?, self.byte()?);
        (start <= end).then_some(())?;
        Some(Transition {
            start,
            end,
            next: self.target(from, states)?,
        })
    }
}

/// The hash of the rules the automata of `bytes` were compiled from; `None` for bytes
/// that are not such a file.
pub fn stored_hash(bytes: &[u8]) -> Option<u64> {
    let stored = bytes.strip_prefix(MAGIC)?.get(..8)?;
    Some(u64::from_le_bytes(stored.try_into().ok()?))
}

/// The automata of `bytes` if they were compiled from rules whose hash is `hash`;
/// `None` for other rules, or for bytes that are not such a file.
pub fn decode(bytes: &[u8], hash: u64) -> Option<Vec<NFA>> {
    if stored_hash(bytes)? != hash {
        return None;
    }
    let mut r = Reader {
        bytes: &bytes[MAGIC.len() + 8..],
    };
    let count = r.number()?;
    let mut nfas = Vec::with_capacity(count.min(16));
    for _ in 0..count {
        nfas.push(decode_one(&mut r)?);
    }
    r.bytes.is_empty().then_some(nfas)
}

/// One automaton: its states added to a builder in their order, so each keeps its id (the
/// compiler's NFA has no empty states, which the builder would remove, and the builder
/// turns a union of two into the same binary union); a match state's pattern is opened
/// just before it, as the builder wants, and closed with its start.
fn decode_one(r: &mut Reader<'_>) -> Option<NFA> {
    let flags = r.byte()?;
    let patterns = r.number()?;
    // Room is reserved for at most as many items as bytes are left (each takes one at
    // least): no count read from a damaged file makes a large allocation.
    let mut pattern_starts = Vec::with_capacity(patterns.min(r.bytes.len()));
    for _ in 0..patterns {
        pattern_starts.push(r.number()?);
    }
    let (start_anchored, start_unanchored) = (r.number()?, r.number()?);
    let states = r.number()?;
    let id = |n: usize| (n < states).then(|| StateID::new(n).ok())?;
    let (start_anchored, start_unanchored) = (id(start_anchored)?, id(start_unanchored)?);
    let pattern_starts: Vec<StateID> = pattern_starts.into_iter().map(id).collect::<Option<_>>()?;

    let mut b = Builder::new();
    b.set_utf8(flags & 1 != 0);
    b.set_reverse(flags & 2 != 0);
    for k in 0..states {
        match r.byte()? {
            BYTE_RANGE => b.add_range(r.transition(k, states)?).ok()?,
            SPARSE => {
                let n = r.number()?;
                let mut transitions = Vec::with_capacity(n.min(256));
                for _ in 0..n {
                    transitions.push(r.transition(k, states)?);
                }
                b.add_sparse(transitions).ok()?
            }
            LOOK => {
                let look = Look::from_repr(u32::try_from(r.number()?).ok()?)?;
                b.add_look(r.target(k, states)?, look).ok()?
            }
            UNION => {
                let n = r.number()?;
                let mut alternates = Vec::with_capacity(n.min(r.bytes.len()));
                for _ in 0..n {
                    alternates.push(r.target(k, states)?);
                }
                b.add_union(alternates).ok()?
            }
            BINARY_UNION => {
                let alternates = vec![r.target(k, states)?, r.target(k, states)?];
                b.add_union(alternates).ok()?
            }
            FAIL => b.add_fail().ok()?,
            MATCH => {
                let pid = r.number()?;
                if pid != b.pattern_len() || pid >= patterns {
                    return None;
                }
                b.start_pattern().ok()?;
                let sid = b.add_match().ok()?;
                b.finish_pattern(pattern_starts[pid]).ok()?;
                sid
            }
            _ => return None,
        };
    }
    if b.pattern_len() != patterns {
        return None;
    }
    b.build(start_anchored, start_unanchored).ok()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use regex_automata::nfa::thompson;

    fn compile(patterns: &[&str], reverse: bool) -> NFA {
        thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .which_captures(thompson::WhichCaptures::None)
                    .reverse(reverse),
            )
            .build_many(patterns)
            .unwrap()
    }

    #[test]
    fn automata_come_back_as_they_were_written() {
        let patterns = [
            r"^(?:首页|当前位置)\s*[>›»]",
            r"\p{Han}{2,6}(?:门户网站|人民政府)$",
            r"\b(?:www\.)?[a-z0-9]+\.(?:com|cn)\b",
            r"(?m)^第\s*[0-9]+\s*页",
            r"[^。！？]{0,3}",
        ];
        let nfas = [
            compile(&patterns, false),
            compile(&patterns[..2], true),
            compile(&[r"a"], false),
        ];
        let refs: Vec<&NFA> = nfas.iter().collect();
        let bytes = encode(7, &refs);
        let back = decode(&bytes, 7).expect("decodes");
        assert_eq!(back.len(), 3);
        for (a, b) in nfas.iter().zip(&back) {
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
        // Another hash, a cut or a changed file: nothing, and no panic.
        assert!(decode(&bytes, 8).is_none());
        for end in 0..bytes.len() {
            assert!(decode(&bytes[..end], 7).is_none(), "cut at {end}");
        }
        for i in 0..bytes.len() {
            for v in [0, 1, 0x7f, 0x80, 0xff] {
                let mut changed = bytes.clone();
                changed[i] = v;
                let _ = decode(&changed, 7);
            }
        }
    }

    #[test]
    fn a_damaged_count_reserves_no_more_than_the_file_holds() {
        let nfa = compile(&["a|b|c"], false);
        let bytes = encode(1, &[&nfa]);
        // The state count (after the header, the automaton count, flags, one pattern's
        // start and the two starts) made enormous: the reader fails at the file's end.
        let mut damaged = bytes[..MAGIC.len() + 8].to_vec();
        damaged.extend_from_slice(&[1, 1, 1, 0, 0, 0]);
        damaged.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        damaged.extend_from_slice(&[UNION, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert!(decode(&damaged, 1).is_none());
    }

    #[test]
    fn the_hash_is_fnv_1a() {
        assert_eq!(source_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(source_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}

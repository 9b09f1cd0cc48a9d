//! Small helpers over the text of a view.

use std::ops::Range;

/// A byte range of a view in 32 bits, as tokens and figures keep theirs: a text has about
/// one token per two characters, and a long table hundreds of thousands of figures. The
/// analyzer takes no text of 1 GiB or more ([`crate::MAX_TEXT_BYTES`]), which leaves a view
/// room to be longer than its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    /// No range (a sentinel: a figure without a subject).
    pub const NONE: Span32 = Span32 {
        start: u32::MAX,
        end: u32::MAX,
    };

    /// The span of `r`.
    pub fn new(r: Range<usize>) -> Span32 {
        debug_assert!(u32::try_from(r.end).is_ok(), "offsets are 32-bit");
        Span32 {
            start: r.start as u32,
            end: r.end as u32,
        }
    }

    /// The byte range.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A set of characters that answers [`CharSet::contains`] with one table load for the
/// Basic Multilingual Plane (one bit per character, 8 KB) and a search of a short list
/// beyond it. The scanners ask whether each character of the text opens something: a
/// `match` or a list search over Chinese characters branches its way through comparisons
/// on every character and mispredicts often, where the table does not branch.
///
/// [`CharSet::find`] reads the text as bytes: the table's word and bit of a character
/// in the Basic Multilingual Plane are read off its UTF-8 bytes, no character decoded.
#[derive(Clone)]
pub struct CharSet {
    bits: [u64; 1024],
    astral: Vec<char>,
}

impl CharSet {
    /// The set of `chars`, all in the Basic Multilingual Plane (a constant: a character
    /// beyond it fails the build).
    pub const fn of_bmp(chars: &[char]) -> CharSet {
        let mut set = CharSet {
            bits: [0; 1024],
            astral: Vec::new(),
        };
        let mut k = 0;
        while k < chars.len() {
            set.insert_bmp(chars[k] as usize);
            k += 1;
        }
        set
    }

    /// This set and the characters `lo..=hi`, all in the Basic Multilingual Plane (a
    /// constant: a character beyond it fails the build).
    pub const fn with_range(mut self, lo: char, hi: char) -> CharSet {
        let mut i = lo as usize;
        while i <= hi as usize {
            self.insert_bmp(i);
            i += 1;
        }
        self
    }

    /// The characters of this set and of `other`.
    pub fn union(&self, other: &CharSet) -> CharSet {
        let mut set = CharSet::new(self.astral.iter().chain(&other.astral).copied());
        for (word, (a, b)) in set.bits.iter_mut().zip(self.bits.iter().zip(&other.bits)) {
            *word = a | b;
        }
        set
    }

    /// Whether every character of this set is in `other`.
    pub fn is_subset(&self, other: &CharSet) -> bool {
        self.bits.iter().zip(&other.bits).all(|(a, b)| a & !b == 0)
            && self.astral.iter().all(|c| other.astral.contains(c))
    }

    /// Adds the character of code point `i`, in the Basic Multilingual Plane (one beyond
    /// it fails: in a constant, the build).
    const fn insert_bmp(&mut self, i: usize) {
        assert!(i < 0x1_0000, "a CharSet's table holds the BMP only");
        self.bits[i >> 6] |= 1 << (i & 63);
    }

    /// The set of `chars`, from any plane.
    pub fn new(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut set = CharSet::of_bmp(&[]);
        for c in chars {
            if (c as usize) < 0x1_0000 {
                set.insert_bmp(c as usize);
            } else if !set.astral.contains(&c) {
                set.astral.push(c);
            }
        }
        set
    }

    /// Whether `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let i = c as usize;
        if i < 0x1_0000 {
            self.bits[i >> 6] & (1 << (i & 63)) != 0
        } else {
            self.astral.contains(&c)
        }
    }

    /// The offset of the first character of `s` in the set.
    #[inline]
    pub fn find(&self, s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        loop {
            // Most characters of a report are three bytes (U+0800–U+FFFF): a tight loop
            // over a run of them, one bounds check each.
            while let Some(&[b0, b1, b2]) = b.get(i..i + 3) {
                if b0 & 0xF0 != 0xE0 {
                    break;
                }
                let word = (usize::from(b0 & 0x0F) << 6) | usize::from(b1 & 0x3F);
                if self.bits[word] & (1 << (b2 & 0x3F)) != 0 {
                    return Some(i);
                }
                i += 3;
            }
            let &b0 = b.get(i)?;
            // `i` is a character boundary of a `str`: a character's bytes follow its
            // first, so the loop above read every three-byte character (`0xE0..0xF0`),
            // and here is one of one, two or four bytes. A code point's word in the table
            // (`cp >> 6`) and bit (`cp & 63`) are the bits of its UTF-8 bytes.
            let (word, bit, len) = if b0 < 0x80 {
                (usize::from(b0 >> 6), usize::from(b0 & 63), 1)
            } else if b0 < 0xE0 {
                (usize::from(b0 & 0x1F), usize::from(b[i + 1] & 0x3F), 2)
            } else {
                if s[i..]
                    .chars()
                    .next()
                    .is_some_and(|c| self.astral.contains(&c))
                {
                    return Some(i);
                }
                i += 4;
                continue;
            };
            if self.bits[word] & (1 << bit) != 0 {
                return Some(i);
            }
            i += len;
        }
    }

    /// The characters of `s` in the set, with their offsets, in text order: each found
    /// by [`find`](Self::find), without decoding the text between.
    pub fn matches<'a>(&'a self, s: &'a str) -> impl Iterator<Item = (usize, char)> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let i = from + self.find(&s[from..])?;
            let c = s[i..].chars().next()?;
            from = i + c.len_utf8();
            Some((i, c))
        })
    }
}

/// The characters of one text that belong to a set, found in one pass. The stages that
/// look for characters of the analysis view (outline, segmentation, citations, metrics,
/// the statistics) each asked their own set of the whole view, five passes over it; the
/// analyzer scans once for the union of their sets, and each stage reads its own
/// characters from the offsets kept here (about one character in seven of a report).
pub struct Scan<'a> {
    text: &'a str,
    set: &'a CharSet,
    /// Each character of `set` in `text` and where it stands, ascending (kept rather than
    /// decoded again by each stage that reads it).
    at: Vec<(u32, char)>,
}

impl<'a> Scan<'a> {
    /// The characters of `set` in `text` (under 4 GiB: the analyzer's views are).
    pub fn new(text: &'a str, set: &'a CharSet) -> Scan<'a> {
        debug_assert!(u32::try_from(text.len()).is_ok(), "offsets are 32-bit");
        Scan {
            text,
            set,
            at: set.matches(text).map(|(i, c)| (i as u32, c)).collect(),
        }
    }

    /// The text scanned.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The characters of `sub` at or after byte `from`, with their offsets, in text
    /// order. `sub` is a subset of the set scanned (checked in debug builds: a stage whose
    /// set the analyzer's union left out would miss its characters).
    pub fn matches_from<'s>(
        &'s self,
        sub: &'s CharSet,
        from: usize,
    ) -> impl Iterator<Item = (usize, char)> + 's {
        debug_assert!(sub.is_subset(self.set), "a stage's set is in the scan's");
        let first = self.at.partition_point(|&(i, _)| (i as usize) < from);
        self.at[first..]
            .iter()
            .filter(|&&(_, c)| sub.contains(c))
            .map(|&(i, c)| (i as usize, c))
    }

    /// The characters of `sub` in the text ([`matches_from`](Self::matches_from) its start).
    pub fn matches<'s>(&'s self, sub: &'s CharSet) -> impl Iterator<Item = (usize, char)> + 's {
        self.matches_from(sub, 0)
    }

    /// How many characters of `range` of the text are not whitespace.
    pub fn count_non_whitespace(&self, range: Range<usize>) -> usize {
        let end = range.end;
        let whitespace = self
            .matches_from(&WHITESPACE, range.start)
            .take_while(|&(i, _)| i < end)
            .count();
        self.text[range].chars().count() - whitespace
    }
}

/// The characters [`char::is_whitespace`] holds (the Unicode property White_Space; all in
/// the Basic Multilingual Plane).
pub static WHITESPACE: CharSet = CharSet::of_bmp(&[
    '\t', '\n', '\u{B}', '\u{C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{1680}', '\u{2028}',
    '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}',
])
.with_range('\u{2000}', '\u{200A}');

/// The lines of `text` as byte ranges without their `\n`.
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    // The `memchr` crate finds the line ends with the processor's vector instructions
    // (`str::split`'s search reads a word at a time, about ten times the instructions).
    let mut start = 0;
    let mut out: Vec<Range<usize>> = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|end| {
            let r = start..end;
            start = end + 1;
            r
        })
        .collect();
    out.push(start..text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_char_set_holds_its_characters_and_no_other() {
        let chars = [
            '0',
            'a',
            '\u{3f}',
            '\u{40}',
            '一',
            '〔',
            '\u{FFFF}',
            '𠀀',
            '\u{10FFFF}',
        ];
        let set = CharSet::new(chars);
        let bmp = CharSet::of_bmp(&chars[..7]);
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(set.contains(c), chars.contains(&c), "{c:?}");
            assert_eq!(bmp.contains(c), chars[..7].contains(&c), "{c:?}");
        }
        assert_eq!(set.find("中文a一"), Some(6));
        let ranges = CharSet::of_bmp(&['x'])
            .with_range('0', '9')
            .with_range('①', '⑳');
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let want = c == 'x' || c.is_ascii_digit() || ('①'..='⑳').contains(&c);
            assert_eq!(ranges.contains(c), want, "{c:?}");
        }
        assert_eq!(set.find("中文b"), None);
        let (left, right) = (
            CharSet::new(['a', '一', '𠀀']),
            CharSet::new(['一', '中', '𠀁']),
        );
        let both = left.union(&right);
        assert!(left.is_subset(&both) && right.is_subset(&both) && both.is_subset(&both));
        assert!(!both.is_subset(&left) && !both.is_subset(&right));
        assert!(!CharSet::new(['𠀂']).is_subset(&both));
        assert!(CharSet::of_bmp(&[]).is_subset(&left));
        for c in ['a', '一', '中', '𠀀', '𠀁', 'b', '二', '𠀂'] {
            assert_eq!(both.contains(c), "a一中𠀀𠀁".contains(c), "{c:?}");
        }
    }

    /// The byte scan finds what a scan of the decoded characters finds.
    #[cfg(not(target_arch = "wasm32"))]
    fn find_by_chars(set: &CharSet, s: &str) -> Option<usize> {
        s.char_indices()
            .find(|&(_, c)| set.contains(c))
            .map(|(i, _)| i)
    }

    // proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn count_non_whitespace_counts_what_is_whitespace_does_not_hold(
            s in "[a \t\n\r\u{85}\u{A0}\u{2000}\u{200A}\u{200B}\u{3000}中𠀀]{0,24}",
            cut in 0usize..25,
        ) {
            // The scan of a wider set, as the analyzer's is; a range from a boundary on.
            let set = WHITESPACE.union(&CharSet::of_bmp(&['a']));
            let scan = Scan::new(&s, &set);
            let from = s.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(s.len());
            proptest::prop_assert_eq!(
                scan.count_non_whitespace(from..s.len()),
                s[from..].chars().filter(|c| !c.is_whitespace()).count()
            );
            proptest::prop_assert_eq!(
                scan.count_non_whitespace(0..from),
                s[..from].chars().filter(|c| !c.is_whitespace()).count()
            );
        }

        #[test]
        fn line_ranges_are_the_lines_split_finds(s in "[a\n中]{0,24}") {
            let lines: Vec<&str> = line_ranges(&s).into_iter().map(|r| &s[r]).collect();
            proptest::prop_assert_eq!(lines, s.split('\n').collect::<Vec<_>>());
        }

        #[test]
        fn find_agrees_with_a_scan_of_the_characters(
            s in "[a-z0-9\\[〔令某中文×é\u{80}\u{7FF}\u{800}\u{FFFF}𠀀\u{10FFFF}\n]{0,24}",
        ) {
            let sets = [
                CharSet::new(['[', '〔', '令', 'é', '\u{7FF}', '\u{FFFF}', '𠀀']),
                CharSet::of_bmp(&['x', '×', '某', '\u{80}', '\u{800}']),
                CharSet::new(['\u{10FFFF}', '\n']),
                CharSet::of_bmp(&[]),
            ];
            for set in &sets {
                proptest::prop_assert_eq!(set.find(&s), find_by_chars(set, &s));
                let members: Vec<(usize, char)> =
                    s.char_indices().filter(|&(_, c)| set.contains(c)).collect();
                proptest::prop_assert_eq!(set.matches(&s).collect::<Vec<_>>(), members);
            }
            // One scan of the union answers for each set, from any boundary on.
            let union = sets.iter().fold(CharSet::of_bmp(&[]), |u, set| u.union(set));
            let scan = Scan::new(&s, &union);
            for set in &sets {
                proptest::prop_assert!(set.is_subset(&union));
                for (from, _) in s.char_indices().chain([(s.len(), ' ')]) {
                    let members: Vec<(usize, char)> = s[from..]
                        .char_indices()
                        .map(|(i, c)| (from + i, c))
                        .filter(|&(_, c)| set.contains(c))
                        .collect();
                    proptest::prop_assert_eq!(
                        scan.matches_from(set, from).collect::<Vec<_>>(),
                        members
                    );
                }
            }
        }
    }

    #[test]
    fn the_whitespace_set_is_what_is_whitespace_holds() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(WHITESPACE.contains(c), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn line_ranges_cover_every_line_including_empty_and_last() {
        assert_eq!(line_ranges("a\n\nbc\n"), vec![0..1, 2..2, 3..5, 6..6]);
        assert_eq!(line_ranges(""), vec![0..0]);
        assert_eq!(line_ranges("中文"), vec![0..6]);
        assert_eq!(line_ranges("\n"), vec![0..0, 1..1]);
    }
}

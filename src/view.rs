//! A text view with a map back to the original input.
//!
//! Normalization and cleaning never edit the user's text: they build a [`View`], a new
//! string in which every character remembers the byte range of the original it stands
//! for. `\r\n` becomes one `\n` that stands for two bytes; a zero-width space stands for
//! nothing in the view; a dropped boilerplate line is simply not pushed. Every later stage
//! finds things in `view.text` and calls [`View::to_original`] to report them.

use std::ops::Range;

/// A derived text plus, for each of its characters, the original byte range it came from.
#[derive(Debug, Clone, Default)]
pub struct View {
    text: String,
    /// Byte offset in `text` of each view char.
    starts: Vec<u32>,
    /// Original byte range of each view char.
    orig: Vec<(u32, u32)>,
    /// Length of the original text.
    orig_len: u32,
}

impl View {
    /// An empty view of an original text of `orig_len` bytes.
    pub fn with_capacity(orig_len: usize, capacity: usize) -> Self {
        View {
            text: String::with_capacity(capacity),
            starts: Vec::with_capacity(capacity),
            orig: Vec::with_capacity(capacity),
            orig_len: orig_len as u32,
        }
    }

    /// The view's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `ch`, standing for `orig` in the original text.
    pub fn push(&mut self, ch: char, orig: Range<usize>) {
        self.starts.push(self.text.len() as u32);
        self.orig.push((orig.start as u32, orig.end as u32));
        self.text.push(ch);
    }

    /// The last character pushed, if any.
    pub fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Appends the characters of `src[range]` (a byte range of `src` starting at its char
    /// number `first`), each standing for the original range it stands for in `src`: views
    /// compose. The caller walks `src` in order and knows `first`, which saves a binary
    /// search per piece (on huge texts, a cache miss at every step of it).
    pub fn extend_from_char(&mut self, src: &View, range: Range<usize>, first: usize) {
        debug_assert!(
            range.is_empty()
                || src
                    .starts
                    .get(first)
                    .is_some_and(|&s| s as usize == range.start)
        );
        for (i, c) in src.text[range].chars().enumerate() {
            let (s, e) = src.orig[first + i];
            self.push(c, s as usize..e as usize);
        }
    }

    /// The original byte range that view char number `i` stands for.
    pub fn orig_of_char(&self, i: usize) -> Range<usize> {
        let (s, e) = self.orig[i];
        s as usize..e as usize
    }

    /// The original text that the view bytes `range` stand for, as written, without what
    /// the view left out between them (a watermark removed mid-sentence, a zero-width
    /// space): the original pieces of its chars, joined.
    pub fn original_text(&self, original: &str, range: Range<usize>) -> String {
        let mut out = String::new();
        if range.start >= range.end || range.start >= self.text.len() {
            return out;
        }
        let mut run: Option<(usize, usize)> = None;
        let mut i = self.char_index(range.start);
        while i < self.starts.len() && (self.starts[i] as usize) < range.end {
            let (s, e) = (self.orig[i].0 as usize, self.orig[i].1 as usize);
            run = match run {
                Some((rs, re)) if re == s => Some((rs, e)),
                Some((rs, re)) => {
                    out.push_str(original.get(rs..re).unwrap_or(""));
                    Some((s, e))
                }
                None => Some((s, e)),
            };
            i += 1;
        }
        if let Some((rs, re)) = run {
            out.push_str(original.get(rs..re).unwrap_or(""));
        }
        out
    }

    /// Index of the view char that starts at or contains view byte `b`.
    fn char_index(&self, b: usize) -> usize {
        match self.starts.binary_search(&(b as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Original byte offset where the view char at view byte `b` starts (the original
    /// length at the end of the view).
    pub fn orig_start(&self, b: usize) -> usize {
        if b >= self.text.len() {
            return self
                .orig
                .last()
                .map_or(self.orig_len as usize, |&(_, e)| e as usize);
        }
        self.orig[self.char_index(b)].0 as usize
    }

    /// Original byte offset where the view char ending at view byte `b` ends.
    pub fn orig_end(&self, b: usize) -> usize {
        if b == 0 {
            return self.orig.first().map_or(0, |&(s, _)| s as usize);
        }
        self.orig[self.char_index(b - 1)].1 as usize
    }

    /// Maps a byte range of the view to the byte range of the original it covers. An empty
    /// range maps to an empty range at the corresponding original position.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.orig_start(range.start);
        if range.end <= range.start {
            return start..start;
        }
        let end = self.orig_end(range.end).max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_ranges_back() {
        let original = "a\r\nb";
        let mut v = View::with_capacity(original.len(), 4);
        v.push('a', 0..1);
        v.push('\n', 1..3);
        v.push('b', 3..4);
        assert_eq!(v.text(), "a\nb");
        assert_eq!(v.to_original(1..2), 1..3);
        assert_eq!(v.to_original(2..3), 3..4);
        assert_eq!(v.to_original(0..3), 0..4);
        assert_eq!(v.to_original(3..3), 4..4);
    }

    #[test]
    fn original_text_leaves_out_what_the_view_skipped() {
        let original = "ab广告cd";
        let mut v = View::with_capacity(original.len(), 4);
        v.push('a', 0..1);
        v.push('b', 1..2);
        v.push('c', 8..9);
        v.push('d', 9..10);
        assert_eq!(v.original_text(original, 0..4), "abcd");
        assert_eq!(v.to_original(0..4), 0..10);
        assert_eq!(v.original_text(original, 1..3), "bc");
    }
}

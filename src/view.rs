//! A text view with a map back to the original input.
//!
//! Normalization and cleaning never edit the user's text: they build a [`View`], a new
//! string in which every character remembers the byte range of the original it stands
//! for. `\r\n` becomes one `\n` that stands for two bytes; a zero-width space stands for
//! nothing in the view; a dropped boilerplate line is simply not pushed. Every later stage
//! finds things in `view.text` and calls [`View::to_original`] to report them.
//!
//! The map is run-length: most of a report is copied verbatim, where view and original
//! advance byte for byte, so one [`Run`] covers a whole stretch of copied text. Only a
//! character that changed length (`（` → `(`, `\r\n` → `\n`, `１` → `1`) or a jump in the
//! original (a removed line, a dropped zero-width space) starts a new run. A report then
//! needs a few runs per line instead of twelve bytes per character, which keeps a 300 MB
//! paste within memory; a lookup is a binary search over the runs.

use std::ops::Range;

/// A stretch of the view and the original it stands for. Its view bytes run from `view`
/// to the next run's start (or the end of the text). When that length equals
/// `orig_end - orig`, view and original correspond byte for byte; otherwise the run is one
/// character standing for the whole original range (`（` for `(`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    view: u32,
    orig: u32,
    orig_end: u32,
}

/// A derived text plus, for each of its characters, the original byte range it came from.
#[derive(Debug, Clone, Default)]
pub struct View {
    text: String,
    runs: Vec<Run>,
    /// Length of the original text.
    orig_len: u32,
}

impl View {
    /// An empty view of an original text of `orig_len` bytes.
    pub fn with_capacity(orig_len: usize, capacity: usize) -> Self {
        View {
            text: String::with_capacity(capacity),
            runs: Vec::new(),
            orig_len: orig_len as u32,
        }
    }

    /// The view's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The view bytes run `i` covers.
    fn run_view_end(&self, i: usize) -> u32 {
        self.runs
            .get(i + 1)
            .map_or(self.text.len() as u32, |r| r.view)
    }

    /// Whether run `i` maps byte for byte.
    fn linear(&self, i: usize) -> bool {
        let r = self.runs[i];
        self.run_view_end(i) - r.view == r.orig_end - r.orig
    }

    /// Appends `len` view bytes standing for `orig`, extending the last run when both
    /// continue it byte for byte.
    fn append(&mut self, len: usize, orig: Range<usize>) {
        let (start, end) = (orig.start as u32, orig.end as u32);
        if let Some(last) = self.runs.len().checked_sub(1) {
            let r = self.runs[last];
            if r.orig_end == start && end - start == len as u32 && self.linear(last) {
                self.runs[last].orig_end = end;
                return;
            }
        }
        self.runs.push(Run {
            view: self.text.len() as u32,
            orig: start,
            orig_end: end,
        });
    }

    /// Appends `ch`, standing for `orig` in the original text.
    pub fn push(&mut self, ch: char, orig: Range<usize>) {
        self.append(ch.len_utf8(), orig);
        self.text.push(ch);
    }

    /// Appends `s`, copied verbatim from `orig` (of the same length): one run for the
    /// whole stretch, as pushing its characters one by one would leave.
    pub fn push_verbatim(&mut self, s: &str, orig: Range<usize>) {
        debug_assert_eq!(s.len(), orig.len());
        if s.is_empty() {
            return;
        }
        self.append(s.len(), orig);
        self.text.push_str(s);
    }

    /// The last character pushed, if any.
    pub fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Appends `src.text()[range]` (on character boundaries), each character standing for
    /// the original range it stands for in `src`: views compose. Linear in the runs of
    /// `src` the range covers, not in its characters.
    pub fn extend_from(&mut self, src: &View, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let mut i = src.run_index(range.start);
        let mut at = range.start;
        while at < range.end {
            let r = src.runs[i];
            let run_end = (src.run_view_end(i) as usize).min(range.end);
            if src.linear(i) {
                let shift = at - r.view as usize;
                let orig = r.orig as usize + shift..r.orig as usize + shift + (run_end - at);
                self.append(run_end - at, orig);
            } else {
                // One character standing for its whole original range.
                self.append(run_end - at, r.orig as usize..r.orig_end as usize);
            }
            self.text.push_str(&src.text[at..run_end]);
            at = run_end;
            i += 1;
        }
    }

    /// The original byte range that the view character starting at view byte `b` stands
    /// for.
    pub fn orig_of_char_at(&self, b: usize) -> Range<usize> {
        let len = self.text[b..].chars().next().map_or(0, char::len_utf8);
        self.orig_start(b)..self.orig_end(b + len)
    }

    /// The original text that the view bytes `range` (on character boundaries) stand for,
    /// as written, without what the view left out between them (a watermark removed
    /// mid-sentence, a zero-width space): the original pieces of its runs, joined.
    pub fn original_text(&self, original: &str, range: Range<usize>) -> String {
        let mut out = String::new();
        let end = range.end.min(self.text.len());
        if range.start >= end {
            return out;
        }
        let mut piece: Option<Range<usize>> = None;
        let mut i = self.run_index(range.start);
        let mut at = range.start;
        while at < end && i < self.runs.len() {
            let r = self.runs[i];
            let run_end = (self.run_view_end(i) as usize).min(end);
            let orig = if self.linear(i) {
                let shift = at - r.view as usize;
                r.orig as usize + shift..r.orig as usize + shift + (run_end - at)
            } else {
                r.orig as usize..r.orig_end as usize
            };
            piece = match piece {
                Some(p) if p.end == orig.start => Some(p.start..orig.end),
                Some(p) => {
                    out.push_str(original.get(p).unwrap_or(""));
                    Some(orig)
                }
                None => Some(orig),
            };
            at = run_end;
            i += 1;
        }
        if let Some(p) = piece {
            out.push_str(original.get(p).unwrap_or(""));
        }
        out
    }

    /// The run containing view byte `b` (the last run for `b` at the end).
    fn run_index(&self, b: usize) -> usize {
        self.runs
            .partition_point(|r| r.view as usize <= b)
            .saturating_sub(1)
    }

    /// Original byte offset where the view char at view byte `b` starts (the original
    /// length at the end of the view).
    pub fn orig_start(&self, b: usize) -> usize {
        if b >= self.text.len() {
            return self
                .runs
                .last()
                .map_or(self.orig_len as usize, |r| r.orig_end as usize);
        }
        let i = self.run_index(b);
        let r = self.runs[i];
        if self.linear(i) {
            r.orig as usize + (b - r.view as usize)
        } else {
            r.orig as usize
        }
    }

    /// Original byte offset where the view char ending at view byte `b` ends.
    pub fn orig_end(&self, b: usize) -> usize {
        if b == 0 {
            return self.runs.first().map_or(0, |r| r.orig as usize);
        }
        let i = self.run_index(b - 1);
        let r = self.runs[i];
        if self.linear(i) {
            r.orig as usize + (b - r.view as usize)
        } else {
            r.orig_end as usize
        }
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

    /// The characters that stand for an original range of another length than their own
    /// (`(` for `（`, `\n` for `\r\n`): where each starts in the view and the original
    /// range it stands for, in view order. Every other character stands for its own bytes
    /// (one run of the map each, read off the runs without a lookup per character).
    pub fn changed(&self) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        (0..self.runs.len()).filter(|&i| !self.linear(i)).map(|i| {
            let r = self.runs[i];
            (r.view as usize, r.orig as usize..r.orig_end as usize)
        })
    }

    /// How many runs the map holds (for tests and memory figures).
    pub fn runs(&self) -> usize {
        self.runs.len()
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
        // A changed character keeps its original (`（` for `(`).
        let original = "（一）";
        let mut v = View::with_capacity(original.len(), 3);
        v.push('(', 0..3);
        v.push('一', 3..6);
        v.push(')', 6..9);
        assert_eq!(v.original_text(original, 0..v.text().len()), original);
    }

    #[test]
    fn verbatim_text_is_one_run_and_a_changed_character_its_own() {
        // `（一）依法行政` normalized to `(一)依法行政`: the brackets shrink from 3 bytes to 1.
        let original = "（一）依法行政";
        let mut v = View::with_capacity(original.len(), original.len());
        for (b, c) in original.char_indices() {
            let out = match c {
                '（' => '(',
                '）' => ')',
                c => c,
            };
            v.push(out, b..b + c.len_utf8());
        }
        assert_eq!(v.text(), "(一)依法行政");
        assert_eq!(v.runs(), 4, "(, 一, ), and 依法行政 in one run");
        let at = v.text().find("依法").unwrap();
        assert_eq!(&original[v.to_original(at..at + 6)], "依法");
        assert_eq!(&original[v.to_original(0..1)], "（");
        assert_eq!(&original[v.to_original(0..v.text().len())], original);
    }

    #[test]
    fn views_compose_and_skip_what_is_left_out() {
        let original = "首页\r\n一、主要举措\r\n受理16件。";
        let mut norm = View::with_capacity(original.len(), original.len());
        let mut it = original.char_indices().peekable();
        while let Some((b, c)) = it.next() {
            if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
                it.next();
                norm.push('\n', b..b + 2);
            } else {
                norm.push(c, b..b + c.len_utf8());
            }
        }
        // Clean: drop the first line, keep the rest.
        let nt = norm.text().to_string();
        let keep = nt.find('一').unwrap();
        let mut clean = View::with_capacity(original.len(), nt.len());
        clean.extend_from(&norm, keep..nt.len());
        assert_eq!(clean.text(), "一、主要举措\n受理16件。");
        let at = clean.text().find("16件").unwrap();
        assert_eq!(&original[clean.to_original(at..at + "16件".len())], "16件");
        let nl = clean.text().find('\n').unwrap();
        assert_eq!(&original[clean.to_original(nl..nl + 1)], "\r\n");
        assert_eq!(
            clean.orig_of_char_at(nl),
            norm.orig_of_char_at(nt[keep..].find('\n').unwrap() + keep)
        );
    }
}

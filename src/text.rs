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

/// The lines of `text` as byte ranges without their `\n`.
pub fn line_ranges(text: &str) -> Vec<Range<usize>> {
    // `split` finds the line ends with memchr.
    let mut start = 0;
    text.split('\n')
        .map(|line| {
            let r = start..start + line.len();
            start = r.end + 1;
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges_cover_every_line_including_empty_and_last() {
        assert_eq!(line_ranges("a\n\nbc\n"), vec![0..1, 2..2, 3..5, 6..6]);
        assert_eq!(line_ranges(""), vec![0..0]);
        assert_eq!(line_ranges("中文"), vec![0..6]);
    }
}

//! Small helpers over the text of a view.

use std::ops::Range;

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

//! A lexicon's two forms: jieba's dictionary lines, and the same entries in columns.
//!
//! **Lines** (`data/lexicon.txt`, jieba's format, what a user's `--lexicon` gives):
//! `word freq [idf]`, `#` comments at the top. Columns are separated by ASCII spaces or
//! tabs, as jieba-rs reads its own dictionary; a missing frequency is 0; the third column
//! is an IDF when it is a number (jieba's own file has a part-of-speech tag there) and
//! the line is split at single spaces. A word listed twice takes its later values.
//!
//! **Columns** (`lexicon.columns.txt`, what the page downloads: 22% less brotli than the
//! lines, since each column is alike along its length): the header line
//! [`COLUMNS_HEADER`], the comments of the lines form, then three blocks of one line per
//! entry, in the entries' order:
//! - the words, front-coded: how many characters the word shares with the one before it
//!   (at most 16), a tab, the rest (`2\t审查` after `合法` is `合法审查`);
//! - after an empty line, the frequencies;
//! - after an empty line, the IDFs (an empty line where the entry has none), each
//!   written as the shortest decimal that reads back to the same `f32`.
//!
//! [`pack`] writes the columns of a lexicon read in lines, so both forms give the same
//! entries; `read` takes either.

use std::borrow::Cow;
use std::fmt::Write;
use std::ops::Range;

use crate::error::Error;

/// The first line of a lexicon in columns.
pub const COLUMNS_HEADER: &str = "#fazhi-lens lexicon columns 1";

/// The most characters a word of the columns shares with the one before (jieba's longest
/// words have 15): so that the words a file spells out are at most 16 times as long as
/// it, whatever it holds, and reading it stays linear.
const MAX_SHARED: usize = 16;

/// One entry of a lexicon: its word (a range of the text `read` gives first), its
/// frequency, and its IDF if it has one.
pub(crate) struct Entry {
    pub word: Range<usize>,
    pub freq: usize,
    pub idf: Option<f32>,
}

/// The comment lines at the top of `text` (`#…`, each with its line end) and the rest.
fn comments(text: &str) -> (&str, &str) {
    let end = text
        .split_inclusive('\n')
        .take_while(|l| l.starts_with('#'))
        .map(str::len)
        .sum::<usize>();
    text.split_at(end)
}

/// The lines of a text, each without its `\n` or `\r\n`, as `str::lines` cuts them:
/// found by a plain loop over the bytes, since the lines of a lexicon are a few bytes
/// long and `split_inclusive` asked `memchr` for each (with the line end trimmed after, a
/// quarter of building the page's dictionary in the browser).
struct Lines<'t> {
    rest: &'t str,
}

impl<'t> Iterator for Lines<'t> {
    type Item = &'t str;

    #[inline]
    fn next(&mut self) -> Option<&'t str> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest.as_bytes();
        let mut end = 0;
        while end < bytes.len() && bytes[end] != b'\n' {
            end += 1;
        }
        // `\n` is a character of its own: both sides of it are on character boundaries.
        let (line, rest) = if end < bytes.len() {
            let line = &self.rest[..end];
            (
                line.strip_suffix('\r').unwrap_or(line),
                &self.rest[end + 1..],
            )
        } else {
            (self.rest, "")
        };
        self.rest = rest;
        Some(line)
    }
}

/// The lines of `text` (see [`Lines`]).
fn lines(text: &str) -> Lines<'_> {
    Lines { rest: text }
}

fn invalid(message: String) -> Error {
    Error::InvalidLexicon(message)
}

/// Reads a lexicon in either form. `start` receives the text the entries' words lie in
/// (the lines themselves, or the words the columns spell out) and about how many entries
/// there are (room to reserve), and makes the state `each` then receives with every
/// entry, in order.
///
/// # Errors
/// [`Error::InvalidLexicon`] for a bad frequency in the lines; in the columns, for
/// anything that is not as [`pack`] writes it. Word offsets are 32-bit: a lexicon is
/// under 4 GiB.
pub(crate) fn read<'t, S>(
    text: &'t str,
    start: impl FnOnce(Cow<'t, str>, usize) -> S,
    each: impl FnMut(&mut S, Entry),
) -> Result<S, Error> {
    if u32::try_from(text.len()).is_err() {
        return Err(invalid("larger than 4 GiB".into()));
    }
    let (head, body) = comments(text);
    if head.lines().next() == Some(COLUMNS_HEADER) {
        read_columns(head.lines().count(), body, start, each)
    } else {
        read_lines(head.lines().count(), body, start, each)
    }
}

/// The lines form: one pass, the words ranges of `body` itself.
fn read_lines<'t, S>(
    skipped: usize,
    body: &'t str,
    start: impl FnOnce(Cow<'t, str>, usize) -> S,
    mut each: impl FnMut(&mut S, Entry),
) -> Result<S, Error> {
    // Lines average 17 bytes: room for all, so that tables sized by it never grow.
    let mut state = start(Cow::Borrowed(body), body.len() / 16);
    for (i, line) in lines(body).enumerate() {
        // At ASCII spaces and tabs, as jieba-rs splits its own dictionary's lines (testing
        // every character for Unicode's spaces was a tenth of the build in the page).
        let mut fields = line.split_ascii_whitespace();
        let Some(word) = fields.next() else {
            continue;
        };
        let freq = match fields.next() {
            Some(f) => f.parse::<usize>().map_err(|e| {
                invalid(format!(
                    "line {} `{line}`: frequency {f} is not a valid integer: {e}",
                    skipped + i + 1
                ))
            })?,
            None => 0,
        };
        // The IDF: the third column of the line split at single spaces, of a line that
        // starts with its word.
        let mut cols = line.split(' ');
        let idf = match (cols.next(), cols.next(), cols.next()) {
            (Some(w), Some(_), Some(v)) if w == word => read_f32(v).ok(),
            _ => None,
        };
        // Where the word stands in `body`, which it is a slice of.
        let word_at = word.as_ptr() as usize - body.as_ptr() as usize;
        each(
            &mut state,
            Entry {
                word: word_at..word_at + word.len(),
                freq,
                idf,
            },
        );
    }
    Ok(state)
}

/// The columns form: the words spelt out first, then each entry with its frequency and
/// IDF.
fn read_columns<'t, S>(
    skipped: usize,
    body: &'t str,
    start: impl FnOnce(Cow<'t, str>, usize) -> S,
    mut each: impl FnMut(&mut S, Entry),
) -> Result<S, Error> {
    let mut lines = lines(body).enumerate();
    let at = |i: usize| skipped + i + 1;
    let mut words = String::with_capacity(body.len() / 2);
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(body.len() / 24);
    // The word before, then this one.
    let mut word = String::new();
    for (i, line) in lines.by_ref() {
        if line.is_empty() {
            break;
        }
        spell(line, &mut word, &mut words, &mut ranges)
            .map_err(|why| invalid(format!("columns, line {} `{line}`: {why}", at(i))))?;
    }
    if u32::try_from(words.len()).is_err() {
        return Err(invalid("its words are longer than 4 GiB".into()));
    }
    let mut state = start(Cow::Owned(words), ranges.len());
    let mut freqs = Vec::with_capacity(ranges.len());
    for _ in 0..ranges.len() {
        let (i, line) = lines.next().ok_or_else(|| {
            invalid(format!(
                "columns: fewer frequencies than the {} words",
                ranges.len()
            ))
        })?;
        freqs.push(parse_freq(line).map_err(|e| {
            invalid(format!(
                "columns, line {} `{line}`: frequency is not a valid integer: {e}",
                at(i)
            ))
        })?);
    }
    match lines.next() {
        Some((_, "")) => {}
        other => {
            return Err(invalid(format!(
                "columns: an empty line after the {} frequencies, not {}",
                ranges.len(),
                other.map_or("the end".to_string(), |(i, l)| format!(
                    "line {} `{l}`",
                    at(i)
                ))
            )))
        }
    }
    for (word, freq) in ranges.into_iter().zip(freqs) {
        let (i, line) = lines
            .next()
            .ok_or_else(|| invalid("columns: fewer IDF lines than words".into()))?;
        let idf = parse_idf(line).map_err(|e| {
            invalid(format!(
                "columns, line {} `{line}`: IDF is not a number: {e}",
                at(i)
            ))
        })?;
        each(&mut state, Entry { word, freq, idf });
    }
    if let Some((i, line)) = lines.next() {
        return Err(invalid(format!(
            "columns, line {} `{line}`: more lines than entries",
            at(i)
        )));
    }
    Ok(state)
}

// The columns' lines are read one call each (never inlined), as `segment` gives each
// entry to jieba: in the browser a function runs in its baseline code until it has been
// called often enough to be optimized, and a loop that never returns, never is.

/// A line of the words block (`2\t审查`): the word it spells after the one before (in
/// `word`, which it replaces), appended to `words` and its range to `ranges`; or what is
/// wrong with the line.
#[inline(never)]
fn spell(
    line: &str,
    word: &mut String,
    words: &mut String,
    ranges: &mut Vec<Range<usize>>,
) -> Result<(), &'static str> {
    // Bytes, not characters: the tab, ASCII spaces and UTF-8's character starts are bytes of
    // their own, and a line is 2–6 bytes (`split_once` and `char_indices` cost more than
    // the work).
    let tab = line
        .bytes()
        .position(|b| b == b'\t')
        .ok_or("a word is a number, a tab and the rest of the word")?;
    let (shared, rest) = (&line[..tab], &line[tab + 1..]);
    let shared: usize = match shared.as_bytes() {
        &[d @ b'0'..=b'9'] => usize::from(d - b'0'),
        _ => shared
            .parse()
            .ok()
            .filter(|&n| n <= MAX_SHARED)
            .ok_or("what a word shares is a number of characters up to 16")?,
    };
    // Where the word's character number `shared` starts (a byte that is not a UTF-8
    // continuation byte starts a character), or its end if it has just `shared`.
    let mut starts = 0;
    let prefix = match word.bytes().position(|b| {
        let start = b & 0xC0 != 0x80;
        let found = start && starts == shared;
        starts += usize::from(start);
        found
    }) {
        Some(end) => end,
        None if starts == shared => word.len(),
        None => return Err("shares more characters than the word before has"),
    };
    if rest.bytes().any(|b| b.is_ascii_whitespace()) || (prefix == 0 && rest.is_empty()) {
        return Err("a word is not empty and has no space");
    }
    word.truncate(prefix);
    word.push_str(rest);
    ranges.push(words.len()..words.len() + word.len());
    words.push_str(word);
    Ok(())
}

/// A line of the frequencies block.
#[inline(never)]
fn parse_freq(line: &str) -> Result<usize, std::num::ParseIntError> {
    line.parse()
}

/// A line of the IDF block: empty where the entry has none.
#[inline(never)]
fn parse_idf(line: &str) -> Result<Option<f32>, std::num::ParseFloatError> {
    if line.is_empty() {
        Ok(None)
    } else {
        read_f32(line).map(Some)
    }
}

/// A decimal as `str::parse` reads it, short ones (every IDF as written) without its
/// general parsing.
fn read_f32(text: &str) -> Result<f32, std::num::ParseFloatError> {
    short_decimal(text).map_or_else(|| text.parse(), Ok)
}

/// The powers of ten a short decimal divides by, all exact in `f32` (10⁷ = 2⁷·5⁷, 5⁷ < 2²⁴).
const EXACT_POWERS: [f32; 8] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];

/// `digits[.digits]` with at most 7 digits in all, read as `str::parse` reads it; `None` for
/// any other text. Its digits as an integer are exact in `f32` (under 10⁷ < 2²⁴) and so is
/// the power of ten, and IEEE division rounds their quotient correctly:
/// the fast path of Clinger's algorithm, which `str::parse` takes after its general
/// parsing (the IDFs are such decimals: `11.7`, `9.42`).
fn short_decimal(text: &str) -> Option<f32> {
    let (mut digits, mut fraction, mut point) = (0u32, 0usize, false);
    let mut value = 0u32;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => {
                value = value * 10 + u32::from(b - b'0');
                digits += 1;
                fraction += usize::from(point);
                if digits > 7 {
                    return None;
                }
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    // A lone point, or one with no digit before or after it, is left to `str::parse`.
    if digits == 0 || text.starts_with('.') || text.ends_with('.') {
        return None;
    }
    #[allow(clippy::cast_precision_loss)] // under 10⁷ < 2²⁴: exact
    Some(value as f32 / EXACT_POWERS[fraction])
}

/// The columns form of a lexicon in either form: its comments (after the header) and
/// its entries, whose words, frequencies and IDFs `read` gives back unchanged.
///
/// # Errors
/// As `read`.
pub fn pack(text: &str) -> Result<String, Error> {
    let (head, _) = comments(text);
    let mut out = String::with_capacity(text.len());
    out.push_str(COLUMNS_HEADER);
    out.push('\n');
    for line in head.lines().filter(|l| *l != COLUMNS_HEADER) {
        out.push_str(line);
        out.push('\n');
    }
    let (words, entries) = read(
        text,
        |words, n| (words, Vec::with_capacity(n)),
        |(_, entries): &mut (Cow<str>, Vec<Entry>), entry| entries.push(entry),
    )?;
    let mut previous = "";
    for e in &entries {
        let word = &words[e.word.clone()];
        let shared = word
            .chars()
            .zip(previous.chars())
            .take_while(|(a, b)| a == b)
            .count()
            .min(MAX_SHARED);
        let rest = word
            .char_indices()
            .nth(shared)
            .map_or("", |(at, _)| &word[at..]);
        let _ = writeln!(out, "{shared}\t{rest}");
        previous = word;
    }
    out.push('\n');
    for e in &entries {
        let _ = writeln!(out, "{}", e.freq);
    }
    out.push('\n');
    for e in &entries {
        if let Some(idf) = e.idf {
            let _ = write!(out, "{idf}");
        }
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries of a lexicon as (word, frequency, IDF).
    fn entries(text: &str) -> Result<Vec<(String, usize, Option<f32>)>, Error> {
        read(
            text,
            |words, _| (words, Vec::new()),
            |(words, out): &mut (Cow<str>, Vec<_>), e| {
                out.push((words[e.word.clone()].to_string(), e.freq, e.idf));
            },
        )
        .map(|(_, out)| out)
    }

    fn message(result: Result<impl std::fmt::Debug, Error>) -> String {
        match result {
            Err(Error::InvalidLexicon(m)) => m,
            other => panic!("not an invalid lexicon: {other:?}"),
        }
    }

    /// Lines with every case the lines form has: no IDF, no frequency, a word twice, tabs,
    /// CRLF, a POS tag where the IDF stands, a word that is the start of the one before,
    /// words sharing a multi-byte start, ASCII words, digits, a blank line, a word of
    /// more than 16 characters shared with the one before.
    const LINES: &str = "# a comment\n# another\n甲乙 5\n丙丁 7 3.5\n戊己\n丙丁 40\n庚辛\t9\t2.0\n甲 3\n乙丙 20 1.0\n乙丙 20 2.5\r\n合法性审查 8 7.25\n合法 9 n\n合法性 10 0.000123\n\nB型 3\n3D打印 4 9.5\n一二三四五六七八九十一二三四五六七八九十 1 1\n一二三四五六七八九十一二三四五六七八九十甲 1 1\n";

    #[test]
    fn the_columns_give_the_entries_of_the_lines() {
        let lines = entries(LINES).unwrap();
        assert_eq!(lines.len(), 15);
        assert_eq!(lines[1], ("丙丁".to_string(), 7, Some(3.5)));
        assert_eq!(lines[2], ("戊己".to_string(), 0, None));
        // Tabs separate the columns, but the IDF is only read from single spaces.
        assert_eq!(lines[4], ("庚辛".to_string(), 9, None));
        assert_eq!(lines[9], ("合法".to_string(), 9, None));
        let columns = pack(LINES).unwrap();
        assert!(columns.starts_with(&format!("{COLUMNS_HEADER}\n# a comment\n# another\n")));
        for front_coded in ["\n2\t\n", "\n2\t性\n", "\n16\t七八九十甲\n"] {
            assert!(
                columns.contains(front_coded),
                "{front_coded:?} in {columns}"
            );
        }
        assert_eq!(entries(&columns).unwrap(), lines);
        // Packing the columns again changes nothing.
        assert_eq!(pack(&columns).unwrap(), columns);
        assert_eq!(entries(&pack("").unwrap()).unwrap(), vec![]);
    }

    #[cfg(feature = "bundled-lexicon")]
    #[test]
    fn the_bundled_dictionary_packs_to_the_same_entries() {
        let text = crate::BUNDLED_LEXICON;
        let columns = pack(text).unwrap();
        assert_eq!(entries(&columns).unwrap(), entries(text).unwrap());
    }

    // proptest is a native dev-dependency (the wasm tests run in a browser).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The lexicon's line reader cuts any text where `str::lines` does.
        #[test]
        fn lines_are_those_of_str_lines(text in "[甲a\r\n]{0,24}") {
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>());
        }

        /// Any lexicon in lines, with any spacing, line ends and comments, gives the same
        /// entries in columns (or the same error), and packing the columns again changes
        /// nothing.
        #[test]
        fn any_lines_pack_to_their_own_entries(
            lines in proptest::collection::vec("[#甲乙丙a1 \t]{0,10}( [0-9]{1,6}( [0-9]{1,2}\\.[0-9]{1,3}| n)?)?", 0..40),
            crlf in proptest::bool::ANY,
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            match (entries(&text), pack(&text)) {
                (Ok(from_lines), Ok(columns)) => {
                    proptest::prop_assert_eq!(entries(&columns).unwrap(), from_lines);
                    proptest::prop_assert_eq!(pack(&columns).unwrap(), columns);
                }
                (Err(a), Err(b)) => proptest::prop_assert_eq!(a.to_string(), b.to_string()),
                (a, b) => proptest::prop_assert!(false, "lines {a:?}, pack {b:?}"),
            }
        }

        /// The IDFs' fast path reads any short decimal as `str::parse` does, bit for bit.
        #[test]
        fn short_decimals_read_as_str_parse(text in "[0-9]{0,8}(\\.[0-9]{0,11})?") {
            if let Some(v) = short_decimal(&text) {
                proptest::prop_assert_eq!(Ok(v.to_bits()), text.parse::<f32>().map(f32::to_bits), "{}", text);
            }
        }

        /// Whatever follows the header, reading it as columns gives entries or an error
        /// (the page passes what it downloaded; nothing may panic in the wasm module).
        #[test]
        fn any_columns_read_without_panicking(body in "([0-9]{0,2}\t?[甲乙a]{0,3}\n?){0,12}") {
            let _ = entries(&format!("{COLUMNS_HEADER}\n{body}"));
        }
    }

    #[test]
    fn idfs_as_written_take_the_fast_path() {
        for (text, v) in [
            ("9.42", 9.42),
            ("0.000123", 0.000_123),
            ("12", 12.0),
            ("13.90067", 13.900_67),
        ] {
            assert_eq!(short_decimal(text), Some(v), "{text}");
        }
        for text in [
            "",
            ".",
            ".5",
            "5.",
            "1e5",
            "-1.5",
            "12345678",
            "1.2.3",
            "0.00000000001",
        ] {
            assert_eq!(short_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn lines_give_errors_with_their_line_numbers() {
        let m = message(entries("# header\n甲乙 5\n丙丁 many\n"));
        assert!(m.starts_with("line 3 `丙丁 many`"), "{m}");
    }

    #[test]
    fn columns_not_as_written_are_errors() {
        let good = pack("甲乙 5 1.5\n甲丙 6\n").unwrap();
        assert_eq!(
            good,
            format!("{COLUMNS_HEADER}\n0\t甲乙\n1\t丙\n\n5\n6\n\n1.5\n\n")
        );
        for (bad, why) in [
            (
                good.replace("1\t丙", "1丙"),
                "line 3 `1丙`: a word is a number, a tab",
            ),
            (
                good.replace("1\t丙", "3\t丙"),
                "line 3 `3\t丙`: shares more characters",
            ),
            (
                good.replace("1\t丙", "17\t丙"),
                "line 3 `17\t丙`: what a word shares",
            ),
            (
                good.replace("0\t甲乙", "0\t"),
                "line 2 `0\t`: a word is not empty",
            ),
            (
                good.replace("1\t丙", "1\t丙 丁"),
                "line 3 `1\t丙 丁`: a word is not empty and has no space",
            ),
            (
                good.replace("\n6\n", "\nsix\n"),
                "line 6 `six`: frequency is not",
            ),
            (
                good.replace("\n6\n\n", "\n6\n"),
                "an empty line after the 2 frequencies, not line 7 `1.5`",
            ),
            (
                good.replace("\n1.5\n", "\nhigh\n"),
                "line 8 `high`: IDF is not a number",
            ),
            (format!("{good}7\n"), "line 10 `7`: more lines than entries"),
            (
                good.replace("\n1.5\n\n", "\n1.5\n"),
                "fewer IDF lines than words",
            ),
            (
                format!("{COLUMNS_HEADER}\n0\t甲\n"),
                "fewer frequencies than the 1 words",
            ),
        ] {
            let m = message(entries(&bad));
            assert!(m.contains(why), "{bad:?}: {m}");
        }
    }
}

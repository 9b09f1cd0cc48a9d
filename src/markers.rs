//! Heading markers: the numbering that opens a heading, its level and its number.
//!
//! Levels follow GB/T 9704-2012 and what real reports do; the level comes from the marker
//! type, not from the nesting:
//!
//! | level | markers |
//! |---|---|
//! | 1 | `一、` `一.` `第一部分` |
//! | 2 | `（一）` `(一)` `(一）` `㈠` |
//! | 3 | `1.` `1、` `1．` and, continuing a sequence, no separator at all (`2加强政务服务体系创新`) |
//! | 4 | `（1）` `(1)` `1)` `⑴` |
//! | 5 | `①` … `⑳` |
//!
//! Cleaning (a line that starts with a marker is never joined to the one before), meta
//! (the head of a report ends at its first heading) and the outline read markers here.

use crate::knowledge::{self, Role};
use crate::numerals::parse_integer;
use crate::text::CharSet;

/// Whether `c`, right after a bare number, makes it a quantity or a date rather than a
/// heading number (`2年`, `3个`, `5日`, `10万`).
fn after_bare_number(c: char) -> bool {
    knowledge::words(Role::AfterBareNumber)
        .iter()
        .any(|w| w.starts_with(c))
}

/// A parsed heading marker at the start of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// 1–5.
    pub level: u8,
    /// The number it counts.
    pub number: u32,
    /// Bytes taken by the marker and its separator.
    pub len: usize,
    /// A level-3 number directly followed by text.
    pub no_separator: bool,
}

pub(crate) const CN_NUM: &str = "一二三四五六七八九十";

/// Whether `c` is one of the Chinese numerals of [`CN_NUM`] (a match, not a search: it is
/// asked of every character of a text).
pub(crate) fn is_cn_num(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

pub(crate) fn take_while_in(s: &str, set: &str, max_chars: usize) -> usize {
    s.char_indices()
        .take_while(|&(i, c)| set.contains(c) && s[..i].chars().count() < max_chars)
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0)
}

/// The characters a marker can start with: `第`, `(`, a digit, a numeral of [`CN_NUM`], a
/// circled number (①–⒇) or a parenthesized numeral (㈠–㈩).
pub static MARKER_OPENS: CharSet = CharSet::of_bmp(&[
    '第', '(', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
])
.with_range('0', '9')
.with_range('①', '⒇')
.with_range('㈠', '㈩');

/// Whether a marker can start with `c` (a cheap test before [`parse_marker`], which is
/// asked at many places of a text): a character of [`MARKER_OPENS`].
pub fn may_open(c: char) -> bool {
    MARKER_OPENS.contains(c)
}

fn sep_len(rest: &str, seps: &[char]) -> usize {
    rest.chars()
        .next()
        .filter(|c| seps.contains(c))
        .map_or(0, char::len_utf8)
}

/// Parses a heading marker at the start of `s` (already normalized: half-width brackets
/// and digits).
pub fn parse_marker(s: &str) -> Option<Marker> {
    let first = s.chars().next().filter(|&c| may_open(c))?;
    let mk = |level, number: u64, len, no_separator| {
        Some(Marker {
            level,
            number: u32::try_from(number).ok()?,
            len,
            no_separator,
        })
    };
    if let Some(rest) = s.strip_prefix('第') {
        let n = take_while_in(rest, CN_NUM, 3);
        let after = &rest[n..];
        if n > 0 && after.starts_with("部分") {
            let len = '第'.len_utf8() + n + "部分".len();
            let len = len + sep_len(&s[len..], &['、', '：', '.', ' ']);
            return mk(1, parse_integer(&rest[..n])?, len, false);
        }
        return None;
    }
    if is_cn_num(first) {
        let n = take_while_in(s, CN_NUM, 3);
        let rest = &s[n..];
        let sep = rest.chars().next()?;
        let after_sep = rest.get(sep.len_utf8()..).unwrap_or("");
        if sep == '、' || (sep == '.' && !after_sep.starts_with(|c: char| c.is_ascii_digit())) {
            return mk(1, parse_integer(&s[..n])?, n + sep.len_utf8(), false);
        }
        return None;
    }
    if let Some(rest) = s.strip_prefix('(') {
        let cn = take_while_in(rest, CN_NUM, 3);
        let (level, n, value) = if cn > 0 {
            (2, cn, parse_integer(&rest[..cn])?)
        } else {
            let d = rest.bytes().take_while(u8::is_ascii_digit).count();
            if d == 0 || d > 2 {
                return None;
            }
            (4, d, rest[..d].parse().ok()?)
        };
        if !rest[n..].starts_with(')') {
            return None;
        }
        let len = 1 + n + 1;
        let len = len + sep_len(&s[len..], &['、', '.', ' ']);
        return mk(level, value, len, false);
    }
    if first.is_ascii_digit() {
        let d = s.bytes().take_while(u8::is_ascii_digit).count();
        if d > 2 {
            return None;
        }
        let value: u64 = s[..d].parse().ok()?;
        let rest = &s[d..];
        let next = rest.chars().next()?;
        let after = rest.get(next.len_utf8()..).unwrap_or("");
        return match next {
            // `1)` with only a closing bracket: level 4, as `(1)`.
            ')' => mk(4, value, d + 1 + sep_len(after, &['、', '.', ' ']), false),
            '.' | '、'
                if !after.starts_with(|c: char| c.is_ascii_digit())
                    && !after.starts_with(['%', '万', '亿']) =>
            {
                mk(3, value, d + next.len_utf8(), false)
            }
            c if crate::normalize::is_han(c) && !after_bare_number(c) && value > 0 => {
                mk(3, value, d, true)
            }
            _ => None,
        };
    }
    // Word's automatic numbering: ㈠ (U+3220…) is level 2, ⑴ (U+2474…) level 4.
    if ('\u{3220}'..='\u{3229}').contains(&first) || ('\u{2474}'..='\u{2487}').contains(&first) {
        let (level, number) = if first >= '\u{3220}' {
            (2, first as u32 - 0x3220 + 1)
        } else {
            (4, first as u32 - 0x2474 + 1)
        };
        let len = first.len_utf8();
        let len = len + sep_len(&s[len..], &['、', '.', ' ']);
        return mk(level, u64::from(number), len, false);
    }
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        let len = first.len_utf8();
        let len = len + sep_len(&s[len..], &['、', '.', ' ']);
        return mk(5, u64::from(first as u32 - 0x2460 + 1), len, false);
    }
    None
}

/// Whether a (trimmed) line starts with a heading marker; the clean stage never joins such
/// a line to the one before.
pub fn starts_with_marker(line: &str) -> bool {
    parse_marker(line.trim_start()).is_some_and(|m| !m.no_separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_may_open_with_what_the_markers_start_with() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let opens = c == '第'
                || c == '('
                || c.is_ascii_digit()
                || CN_NUM.contains(c)
                || ('\u{2460}'..='\u{2487}').contains(&c)
                || ('\u{3220}'..='\u{3229}').contains(&c);
            assert_eq!(may_open(c), opens, "{c:?}");
        }
    }
}

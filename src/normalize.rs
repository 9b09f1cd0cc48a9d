//! Stage 1 — normalize: one canonical spelling of the characters that real reports mix.
//!
//! The same report arrives with `（一）` and `(一)`, `１２３件` and `123件`, `2017年,` and
//! `2017年，`, `\r\n` line ends from Windows, `U+3000` indents, zero-width spaces from web
//! editors and `—`/`～` in ranges. Later stages match one spelling only:
//!
//! - full-width ASCII digits, letters, brackets and symbols become half-width (`１．` → `1.`);
//!   the Chinese sentence punctuation `，：；！？` stays full-width, and the ASCII forms
//!   become full-width next to Chinese text (`2017年,连云港` → `2017年，连云港`) but not
//!   between digits (`1,100人`, `07:28`);
//! - dashes and tildes (`—` `–` `－` `~` `～` …) become `-`;
//! - unusual spaces (`U+00A0`, `U+3000`, en/em spaces) become ` `; tabs stay, they separate
//!   table cells;
//! - `\r\n`, `\r`, `U+2028`, `U+2029` become `\n`;
//! - zero-width characters and the BOM are dropped from the view.
//!
//! The result is a [`View`]: offsets seen by the caller never change. Normalization is
//! idempotent (a property test checks it).

use crate::view::View;

/// Builds the normalized view of `original`.
pub fn normalize(original: &str) -> View {
    let mut view = View::with_capacity(original.len(), original.len());
    let mut iter = original.char_indices().peekable();
    // Most characters stay as they are: they are copied in stretches (one run of the map,
    // one copy), up to the next character that changes or needs its neighbours.
    let mut verbatim = 0;
    while let Some((b, c)) = iter.next() {
        if stays(c) {
            continue;
        }
        view.push_verbatim(&original[verbatim..b], verbatim..b);
        let end = b + c.len_utf8();
        verbatim = end;
        match c {
            '\r' => {
                if let Some(&(_, '\n')) = iter.peek() {
                    iter.next();
                    verbatim = end + 1;
                    view.push('\n', b..end + 1);
                } else {
                    view.push('\n', b..end);
                }
            }
            '\u{2028}' | '\u{2029}' => view.push('\n', b..end),
            _ if is_ignorable(c) => {}
            ',' | ':' | ';' | '!' | '?' => {
                // Look past characters the view drops, as a second pass would see it.
                let next_han = iter
                    .clone()
                    .map(|(_, n)| n)
                    .find(|&n| !is_ignorable(n))
                    .is_some_and(is_han);
                let prev_wide = view.last_char().is_some_and(is_wide);
                let out = if prev_wide || next_han {
                    to_fullwidth_punct(c)
                } else {
                    c
                };
                view.push(out, b..end);
            }
            _ => view.push(fold(c), b..end),
        }
    }
    view.push_verbatim(&original[verbatim..], verbatim..original.len());
    view
}

/// Whether normalization copies `c` as it is, whatever its neighbours.
fn stays(c: char) -> bool {
    // Most characters are CJK ideographs of the basic block, which nothing folds: one
    // range test before the `match`es, whose comparisons mispredict on Chinese text.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    if c.is_ascii() {
        !matches!(c, '\r' | ',' | ':' | ';' | '!' | '?' | '~')
    } else {
        !matches!(c, '\u{2028}' | '\u{2029}') && !is_ignorable(c) && fold(c) == c
    }
}

/// Characters that carry no text: zero-width spaces and joiners, the BOM, soft hyphens.
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// A CJK ideograph (the basic block, extension A, compatibility ideographs and the
/// supplementary planes' extensions B–F).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' | '\u{3007}')
}

/// Chinese text or its punctuation: what makes a neighbouring ASCII comma a Chinese comma.
fn is_wide(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF1F}' | '“' | '”' | '‘' | '’')
}

fn to_fullwidth_punct(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        other => other,
    }
}

/// The canonical form of one character (see the module docs).
pub fn fold(c: char) -> char {
    match c {
        // Chinese sentence punctuation keeps its full-width form.
        '，' | '：' | '；' | '！' | '？' => c,
        '\u{FF01}'..='\u{FF5E}' => match c {
            '－' | '～' => '-',
            // SAFETY of the arithmetic: the range maps one-to-one onto U+0021..U+007E.
            _ => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        },
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        '—' | '–' | '―' | '‐' | '‑' | '‒' | '~' | '〜' | '−' => '-',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_stays_when_nothing_changes_it() {
        // Every character, against the definition the fast path for ideographs skips.
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let want = if c.is_ascii() {
                !matches!(c, '\r' | ',' | ':' | ';' | '!' | '?' | '~')
            } else {
                !matches!(c, '\u{2028}' | '\u{2029}') && !is_ignorable(c) && fold(c) == c
            };
            assert_eq!(stays(c), want, "{c:?}");
        }
    }

    #[test]
    fn folds_widths_and_keeps_offsets() {
        let original = "（一）共１２３件\r\n2017年,连云港 1,100人 07:28";
        let v = normalize(original);
        assert_eq!(v.text(), "(一)共123件\n2017年，连云港 1,100人 07:28");
        let at = v.text().find("123").unwrap();
        let r = v.to_original(at..at + 3);
        assert_eq!(&original[r], "１２３");
    }

    #[test]
    fn drops_zero_width_and_unifies_dashes() {
        let v = normalize("3\u{200B}～5天——办结");
        assert_eq!(v.text(), "3-5天--办结");
    }

    #[test]
    fn is_idempotent_on_punctuation_chains() {
        // ",\u{200B}第一部分": the look-ahead once stopped at the zero-width space.
        for s in [
            "你;,1",
            "1,;你",
            "a:b：c",
            "（1）,（2）",
            ",\u{200B}第一部分",
        ] {
            let once = normalize(s);
            let twice = normalize(once.text());
            assert_eq!(once.text(), twice.text(), "input {s:?}");
        }
    }
}

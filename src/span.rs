//! Span units: every located thing in a [`Report`](crate::Report) is a half-open range
//! into the ORIGINAL input, and callers count offsets differently.
//!
//! Internally all stages work in UTF-8 byte offsets of the original text; at the very end
//! [`OffsetMap`] converts each one into the unit the caller asked for: Unicode scalar values
//! (`char`, the CLI default and Python's `str`), UTF-16 code units (`utf16`, what
//! JavaScript's `String.slice` uses) or bytes (`utf8`). A report pasted from the web often
//! carries characters outside the BMP (emoji, rare 𠀀 characters in place names), where
//! the three units disagree.

use serde::{Deserialize, Serialize};

/// The unit in which span offsets are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(missing_as_null, hashmap_as_object)
)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Unicode scalar values (Rust `char`, Python `str` indices).
    #[default]
    Char,
    /// UTF-16 code units (JavaScript `String` indices).
    Utf16,
    /// UTF-8 bytes.
    Utf8,
}

impl OffsetUnit {
    /// The name used in options and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Char => "char",
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Utf8 => "utf8",
        }
    }
}

/// Converts UTF-8 byte offsets of one text into another [`OffsetUnit`].
///
/// Built once per analysis in O(n) with a sparse index: for every block of
/// [`OffsetMap::BLOCK`] bytes, the count (in the target unit) before the block's first
/// character. A conversion looks up its block and counts the characters from there — at
/// most one block, a constant — so the index takes 4 bytes per 128 bytes of text instead
/// of 4 bytes per character.
#[derive(Debug)]
pub struct OffsetMap<'a> {
    unit: OffsetUnit,
    text: &'a [u8],
    /// For block `k`, the units before the first character boundary at or after `k * BLOCK`.
    blocks: Vec<u32>,
}

/// Whether `b` starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The units the bytes `s` (whole characters) take: characters, or UTF-16 code units
/// (a character of four UTF-8 bytes takes two).
fn units(s: &[u8], unit: OffsetUnit) -> usize {
    let chars = s.iter().filter(|&&b| starts_char(b)).count();
    match unit {
        OffsetUnit::Utf16 => chars + s.iter().filter(|&&b| b >= 0xF0).count(),
        _ => chars,
    }
}

impl<'a> OffsetMap<'a> {
    /// Bytes per index block.
    pub const BLOCK: usize = 128;

    /// Prepares conversions of byte offsets in `text` into `unit`.
    pub fn new(text: &'a str, unit: OffsetUnit) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::new();
        if unit != OffsetUnit::Utf8 && !text.is_ascii() {
            blocks.reserve(bytes.len() / Self::BLOCK + 1);
            let mut count = 0usize;
            let mut at = 0usize;
            for k in 0..=bytes.len() / Self::BLOCK {
                let start = Self::boundary_at_or_after(bytes, k * Self::BLOCK);
                count += units(&bytes[at..start], unit);
                at = start;
                blocks.push(count as u32);
            }
        }
        OffsetMap {
            unit,
            text: bytes,
            blocks,
        }
    }

    fn boundary_at_or_after(bytes: &[u8], mut b: usize) -> usize {
        while b < bytes.len() && !starts_char(bytes[b]) {
            b += 1;
        }
        b.min(bytes.len())
    }

    /// Converts a byte offset (which must lie on a char boundary) into the target unit.
    /// An offset inside a character is rounded down to that character's start.
    pub fn convert(&self, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte;
        }
        let mut b = byte.min(self.text.len());
        while b > 0 && b < self.text.len() && !starts_char(self.text[b]) {
            b -= 1;
        }
        let k = b / Self::BLOCK;
        let start = Self::boundary_at_or_after(self.text, k * Self::BLOCK).min(b);
        self.blocks[k] as usize + units(&self.text[start..b], self.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_after_astral_and_crlf() {
        let text = "a😀b\r\n《法》";
        let byte_of_b = text.find('b').unwrap();
        assert_eq!(OffsetMap::new(text, OffsetUnit::Char).convert(byte_of_b), 2);
        assert_eq!(
            OffsetMap::new(text, OffsetUnit::Char).convert(byte_of_b - 1),
            1,
            "inside 😀"
        );
        assert_eq!(
            OffsetMap::new(text, OffsetUnit::Utf16).convert(byte_of_b),
            3
        );
        assert_eq!(OffsetMap::new(text, OffsetUnit::Utf8).convert(byte_of_b), 5);
        let end = text.len();
        assert_eq!(
            OffsetMap::new(text, OffsetUnit::Char).convert(end),
            text.chars().count()
        );
        assert_eq!(
            OffsetMap::new(text, OffsetUnit::Utf16).convert(end),
            text.encode_utf16().count()
        );
    }

    #[test]
    fn every_offset_of_a_long_mixed_text_converts_like_a_count() {
        // Longer than several blocks, with characters of 1–4 bytes across block edges.
        let text = "a😀中\r\n𠀀b，".repeat(300);
        for unit in [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Utf8] {
            let map = OffsetMap::new(&text, unit);
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let want = match unit {
                    OffsetUnit::Char => text[..b].chars().count(),
                    OffsetUnit::Utf16 => text[..b].encode_utf16().count(),
                    OffsetUnit::Utf8 => b,
                };
                assert_eq!(map.convert(b), want, "{unit:?} at {b}");
            }
        }
    }
}

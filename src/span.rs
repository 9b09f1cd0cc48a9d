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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
/// Built once per analysis in O(n); each conversion is a binary search.
#[derive(Debug)]
pub struct OffsetMap {
    unit: OffsetUnit,
    /// Byte offset of every char start, plus the text length at the end.
    char_starts: Vec<u32>,
    /// Char indices of the characters outside the BMP (two UTF-16 units each).
    astral: Vec<u32>,
    ascii: bool,
}

impl OffsetMap {
    /// Prepares conversions of byte offsets in `text` into `unit`.
    pub fn new(text: &str, unit: OffsetUnit) -> Self {
        let ascii = text.is_ascii();
        let mut char_starts = Vec::new();
        let mut astral = Vec::new();
        if !ascii && unit != OffsetUnit::Utf8 {
            char_starts.reserve(text.len() / 2 + 1);
            for (i, (b, c)) in text.char_indices().enumerate() {
                char_starts.push(b as u32);
                if c.len_utf16() == 2 {
                    astral.push(i as u32);
                }
            }
            char_starts.push(text.len() as u32);
        }
        OffsetMap {
            unit,
            char_starts,
            astral,
            ascii,
        }
    }

    /// Converts a byte offset (which must lie on a char boundary) into the target unit.
    /// An offset inside a character is rounded down to that character's start.
    pub fn convert(&self, byte: usize) -> usize {
        if self.ascii || self.unit == OffsetUnit::Utf8 {
            return byte;
        }
        let chars = match self.char_starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        match self.unit {
            OffsetUnit::Char => chars,
            OffsetUnit::Utf16 => chars + self.astral.partition_point(|&a| (a as usize) < chars),
            OffsetUnit::Utf8 => byte,
        }
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
}

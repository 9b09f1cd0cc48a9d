//! Reading a file's bytes as text: UTF-8 with or without BOM, UTF-16LE/BE with BOM, and
//! GB18030/GBK (still common for reports saved on Chinese Windows) detected by chardetng.
//! The detected encoding is reported; files that are not text (PDF, Word, images,
//! binaries) get a clear error that says what to do.

use encoding_rs::{Encoding, UTF_8};

use crate::error::Error;

/// Decoded text and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `UTF-16LE`, `GBK`, `gb18030` …).
    pub encoding: &'static str,
}

/// Decodes `bytes`, detecting the encoding.
///
/// # Errors
/// [`Error::NotText`] for PDF, Office and image files, binary data, and text that no
/// encoding reads cleanly.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    if bytes.starts_with(b"%PDF") {
        return Err(Error::NotText(
            "this is a PDF file: open it, select all text (Ctrl+A), copy and paste it / 这是 PDF 文件：请在阅读器中全选复制文字后粘贴".into(),
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Error::NotText(
            "this is a ZIP or Word (.docx) file: save it as plain text (.txt) first".into(),
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Error::NotText(
            "this is an old Word (.doc) file: save it as plain text (.txt) first".into(),
        ));
    }
    if bytes.starts_with(&[0x89, b'P', b'N', b'G'])
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
    {
        return Err(Error::NotText(
            "this is an image: the text must be typed or recognized (OCR) first".into(),
        ));
    }
    if bytes.contains(&0) {
        return Err(Error::NotText(
            "the file contains NUL bytes: it is a binary file, not text".into(),
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if bad * 20 > text.chars().count().max(1) {
            return Err(Error::NotText(format!(
                "the bytes are not valid text in any known encoding (best guess {})",
                encoding.name()
            )));
        }
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        let text = "受理行政复议申请16件，办结率100%。法治政府建设情况报告";
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode(&gbk).unwrap().text, text);
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&utf16).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16LE"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, text);
        assert!(matches!(decode(b"%PDF-1.7 ..."), Err(Error::NotText(_))));
        assert!(matches!(decode(b"ab\0cd"), Err(Error::NotText(_))));
    }
}

//! Reading a file's bytes as text: UTF-8 with or without BOM, UTF-16LE/BE with BOM,
//! GB18030/GBK (still common for reports saved on Chinese Windows) detected by chardetng,
//! and Word `.docx` files (paragraphs and headings as lines, table cells separated by tabs
//! so that tables and their 合计 rows are read as tables).
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

fn not_text(message: &str, message_zh: &str) -> Error {
    Error::NotText {
        message: message.to_string(),
        message_zh: message_zh.to_string(),
    }
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
        return Err(not_text(
            "this is a PDF file: open it, select all text (Ctrl+A), copy it and paste it here",
            "这是 PDF 文件：请在 PDF 阅读器中打开，全选（Ctrl+A）复制文字后粘贴到这里。",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return docx_text(bytes).map(|text| Decoded {
            text,
            encoding: "docx",
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(not_text(
            "this is an old Word (.doc) file: save it as .docx or plain text (.txt) first",
            "这是旧版 Word（.doc）文件：请先另存为 .docx 或纯文本（.txt）。",
        ));
    }
    if bytes.starts_with(&[0x89, b'P', b'N', b'G'])
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
    {
        return Err(not_text(
            "this is an image: the text must be typed or recognized (OCR) first",
            "这是图片：请先识别（OCR）或录入其中的文字。",
        ));
    }
    if bytes.contains(&0) {
        return Err(not_text(
            "the file contains NUL bytes: it is a binary file, not text",
            "这是二进制文件，不是文本：请打开报告的 .txt 或 .docx 文件。",
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
            return Err(not_text(
                &format!(
                    "the bytes are not valid text in any known encoding (best guess {})",
                    encoding.name()
                ),
                "无法识别文件的文字编码：请另存为 UTF-8 编码的文本后再打开。",
            ));
        }
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// The text of a `.docx` file: one line per paragraph, cells of a table row joined by tabs.
fn docx_text(bytes: &[u8]) -> Result<String, Error> {
    use quick_xml::events::Event;
    use std::io::Read;

    let not_docx = || {
        not_text("this ZIP file is not a Word .docx document: save the report as .docx or plain text (.txt)", "这个 ZIP 文件不是 Word（.docx）文档：请打开报告的 .docx 或 .txt 文件。")
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| not_docx())?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|_| not_docx())?
        .read_to_string(&mut xml)
        .map_err(|e| {
            not_text(
                &format!("the Word document cannot be read: {e}"),
                "Word 文档无法读取：文件可能已损坏。",
            )
        })?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = String::new();
    let (mut in_text, mut cell_depth, mut cell_has_text) = (false, 0usize, false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:t" => in_text = true,
                b"w:tc" => {
                    cell_depth += 1;
                    cell_has_text = false;
                }
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:tab" => out.push('\t'),
                b"w:br" | b"w:cr" if cell_depth == 0 => out.push('\n'),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let text = t.decode().map_err(|e| {
                    not_text(
                        &format!("the Word document is malformed: {e}"),
                        "Word 文档格式有误：文件可能已损坏。",
                    )
                })?;
                out.push_str(&text);
                cell_has_text = true;
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                // &amp; &lt; … inside text runs.
                let name: &[u8] = &r;
                out.push_str(match name {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    b"quot" => "\"",
                    b"apos" => "'",
                    _ => "",
                });
            }
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                // A paragraph ends a line, except inside a table cell, where it is a space.
                b"w:p" if cell_depth == 0 => out.push('\n'),
                b"w:p" if cell_has_text => out.push(' '),
                b"w:tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    out.push('\t');
                }
                b"w:tr" => {
                    if out.ends_with('\t') {
                        out.pop();
                    }
                    out.push('\n');
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(not_text(
                    &format!("the Word document is malformed: {e}"),
                    "Word 文档格式有误：文件可能已损坏。",
                ))
            }
            _ => {}
        }
    }
    Ok(out)
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
        assert!(matches!(
            decode(b"%PDF-1.7 ..."),
            Err(Error::NotText { .. })
        ));
        assert!(matches!(decode(b"ab\0cd"), Err(Error::NotText { .. })));
    }

    /// A minimal .docx written with the zip crate.
    fn docx(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        write!(zip, r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#).unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn reads_docx_paragraphs_and_tables() {
        let body = concat!(
            "<w:p><w:r><w:t>一、主要举措</w:t></w:r></w:p>",
            "<w:p><w:r><w:t>受理申请16件</w:t></w:r><w:r><w:t xml:space=\"preserve\">，办结率100%&amp;。</w:t></w:r></w:p>",
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>类别</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>件数</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>16</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        let d = decode(&docx(body)).unwrap();
        assert_eq!(d.encoding, "docx");
        assert_eq!(
            d.text,
            "一、主要举措\n受理申请16件，办结率100%&。\n类别\t件数\n合计\t16\n"
        );
        let mut other = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut other);
        zip.start_file("photo.jpg", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.finish().unwrap();
        assert!(
            matches!(decode(&other.into_inner()), Err(Error::NotText { message: m, .. }) if m.contains("not a Word"))
        );
    }
}

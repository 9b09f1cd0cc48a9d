//! The crate's one error type.

use std::fmt;

/// Everything that can go wrong in the core. Messages say what was wrong with the input
/// and what to do about it; [`Error::message_zh`] gives the same in Chinese for the page.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The options could not be read (an unknown field or a wrong value).
    InvalidOptions(String),
    /// The segmentation lexicon is malformed.
    InvalidLexicon(String),
    /// The input is empty or contains only whitespace.
    EmptyInput,
    /// The input is larger than the analyzer accepts.
    InputTooLarge {
        /// The input's size in bytes.
        bytes: usize,
        /// The largest accepted size in bytes.
        max: usize,
    },
    /// The bytes given could not be read as text (a PDF, an image, a binary file).
    NotText {
        /// What was wrong and what to do, in English.
        message: String,
        /// The same in Chinese.
        message_zh: String,
    },
}

impl Error {
    /// A stable machine-readable key for the error kind.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidOptions(_) => "invalid_options",
            Error::InvalidLexicon(_) => "invalid_lexicon",
            Error::EmptyInput => "empty_input",
            Error::InputTooLarge { .. } => "input_too_large",
            Error::NotText { .. } => "not_text",
        }
    }

    /// The message in Chinese, for the page.
    pub fn message_zh(&self) -> String {
        match self {
            Error::InvalidOptions(m) => format!("分析选项无效：{m}"),
            Error::InvalidLexicon(m) => format!("分词词典格式有误：{m}"),
            Error::EmptyInput => "没有可分析的文字：请粘贴或打开一份报告的正文。".to_string(),
            Error::InputTooLarge { bytes, max } => format!(
                "文本过大（{:.1} MB），超过上限 {:.0} MB：请分成几份分别分析。",
                *bytes as f64 / 1_048_576.0,
                *max as f64 / 1_048_576.0
            ),
            Error::NotText { message_zh, .. } => message_zh.clone(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidOptions(m) => write!(f, "invalid options: {m}"),
            Error::InvalidLexicon(m) => write!(f, "invalid lexicon: {m}"),
            Error::EmptyInput => write!(f, "the input is empty or only whitespace: give the text of a report"),
            Error::InputTooLarge { bytes, max } => write!(
                f,
                "the input is {bytes} bytes, more than the limit of {max} bytes: split it into several files"
            ),
            Error::NotText { message, .. } => write!(f, "the input is not readable text: {message}"),
        }
    }
}

impl std::error::Error for Error {}

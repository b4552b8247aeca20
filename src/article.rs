//! Loading an article: text or markdown from a regular file of at most
//! `input::MAX_ARTICLE_BYTES`, with the problems a user can cause turned into typed errors
//! (directory, missing, special or oversized file, binary data) or warnings (empty input,
//! an encoding other than UTF-8).
//!
//! UTF-8 is read as it is (a byte-order mark dropped and counted in `offset`). UTF-16 with
//! a byte-order mark and Windows-1252 (invalid UTF-8 whose bytes are all Windows-1252,
//! such as curly quotes 0x93/0x94) are decoded with a warning; claim offsets then count
//! characters of the decoded text. Other invalid UTF-8 is decoded lossily (U+FFFD).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::input::{self, InputError};

/// An article's text as read, ready for segmentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub path: PathBuf,
    /// The text without a leading byte-order mark.
    pub text: String,
    /// Characters dropped before `text` (1 when the file began with a UTF-8 byte-order
    /// mark). Claim offsets add it, because the scorer and other Python tools read the file
    /// with plain `utf-8`, which keeps the mark as character 0.
    pub offset: usize,
    /// Problems that did not stop the article from being read, each naming the file.
    pub warnings: Vec<String>,
}

/// Why an article could not be read.
#[derive(Debug, Error)]
pub enum ArticleError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{}: looks like a binary file (NUL bytes), not a text article", .0.display())]
    Binary(PathBuf),
}

const BOM: &str = "\u{feff}";

impl Article {
    /// Reads an article file.
    pub fn load(path: &Path) -> Result<Article, ArticleError> {
        let bytes = input::read_regular(path, input::MAX_ARTICLE_BYTES)?;
        Article::from_bytes(path, &bytes)
    }

    /// Builds an article from the bytes of a file (`path` only names it in messages).
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Article, ArticleError> {
        let mut warnings = Vec::new();
        let decoded = match decode(bytes) {
            Decoded::Utf8(text) => text.to_string(),
            Decoded::Other { text, encoding } => {
                if text.contains('\0') {
                    return Err(ArticleError::Binary(path.to_path_buf()));
                }
                warnings.push(format!(
                    "{}: {encoding}; decoded, and claim offsets count characters of the decoded text",
                    path.display()
                ));
                text
            }
            Decoded::Binary => return Err(ArticleError::Binary(path.to_path_buf())),
        };
        let (text, offset) = match decoded.strip_prefix(BOM) {
            Some(rest) => (rest.to_string(), 1),
            None => (decoded, 0),
        };
        if text.trim().is_empty() {
            warnings.push(format!("{}: the article is empty", path.display()));
        }
        Ok(Article {
            path: path.to_path_buf(),
            text,
            offset,
            warnings,
        })
    }
}

/// The text of a file's bytes, by the encoding they are in.
enum Decoded<'a> {
    Utf8(&'a str),
    /// Decoded from another encoding (`encoding` says which, for the warning).
    Other {
        text: String,
        encoding: &'static str,
    },
    Binary,
}

fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        let text = decode_utf16(rest, u16::from_le_bytes);
        return Decoded::Other {
            text,
            encoding: "UTF-16LE (byte-order mark), not UTF-8",
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let text = decode_utf16(rest, u16::from_be_bytes);
        return Decoded::Other {
            text,
            encoding: "UTF-16BE (byte-order mark), not UTF-8",
        };
    }
    if bytes.contains(&0) {
        return Decoded::Binary;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded::Utf8(text);
    }
    match decode_windows_1252(bytes) {
        Some(text) => Decoded::Other {
            text,
            encoding: "not UTF-8 but Windows-1252",
        },
        None => Decoded::Other {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: "not valid UTF-8: undecodable bytes were replaced with U+FFFD",
        },
    }
}

/// UTF-16 code units (two bytes each, read by `unit`) as text; unpaired surrogates and an
/// odd last byte become U+FFFD.
fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Windows-1252 characters of the bytes 0x80 to 0x9F (0x00 where the byte is undefined);
/// every other byte is the Unicode character of the same number.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The text of bytes that are not UTF-8, as Windows-1252, the usual encoding of such news
/// text; `None` when a byte is undefined there or when the bytes hold UTF-8 characters
/// beside the invalid ones (then it is damaged UTF-8, not Windows-1252).
fn decode_windows_1252(bytes: &[u8]) -> Option<String> {
    let holds_utf8 = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if holds_utf8 {
        return None;
    }
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => Some(WINDOWS_1252_HIGH[usize::from(b - 0x80)]).filter(|&c| c != '\0'),
            _ => Some(char::from(b)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("contra-article-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_bom_is_dropped_and_counted_as_an_offset() {
        let article = Article::from_bytes(Path::new("a.txt"), "\u{feff}Hi.".as_bytes()).unwrap();
        assert_eq!(article.text, "Hi.");
        assert_eq!(article.offset, 1);
        assert!(article.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_that_is_no_windows_1252_is_decoded_lossily_with_a_warning() {
        // 0x81 is undefined in Windows-1252; UTF-8 characters beside a bad byte mean
        // damaged UTF-8.
        for bytes in [
            &b"caf\x81 said."[..],
            b"\xe2\x80\x9ccaf\xc3\xa9 \xe9\xe2\x80\x9d said.",
        ] {
            let article = Article::from_bytes(Path::new("bad.txt"), bytes).unwrap();
            assert!(article.text.contains('\u{fffd}'), "{}", article.text);
            assert!(article.warnings[0].contains("bad.txt"));
            assert!(article.warnings[0].contains("U+FFFD"));
        }
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning_naming_the_file_and_the_encoding() {
        let bytes = b"\x93We will not accept it,\x94 Lavrov said in Caf\xe9 \x80.";
        let article = Article::from_bytes(Path::new("cp.txt"), bytes).unwrap();
        assert_eq!(
            article.text,
            "“We will not accept it,” Lavrov said in Café €."
        );
        assert_eq!(article.offset, 0);
        assert!(article.warnings[0].contains("cp.txt"));
        assert!(article.warnings[0].contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_with_a_warning() {
        let text = "“Мир,” Kuleba said.";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for (bytes, encoding) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let article = Article::from_bytes(Path::new("wide.txt"), &bytes).unwrap();
            assert_eq!(article.text, text);
            assert_eq!(article.offset, 0);
            assert!(article.warnings[0].contains("wide.txt"));
            assert!(article.warnings[0].contains(encoding));
        }
        // NUL bytes without a byte-order mark are still binary.
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let err = Article::from_bytes(Path::new("bare.txt"), &bare).unwrap_err();
        assert!(matches!(err, ArticleError::Binary(_)));
    }

    #[test]
    fn empty_input_is_an_article_with_a_warning() {
        let article = Article::from_bytes(Path::new("empty.md"), b"  \n").unwrap();
        assert!(article.warnings[0].contains("empty.md"));
    }

    #[test]
    fn binary_missing_and_directory_inputs_are_errors_naming_the_file() {
        let dir = temp_dir("errors");
        let binary = dir.join("image.bin");
        std::fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
        let err = Article::load(&binary).unwrap_err();
        assert!(matches!(err, ArticleError::Binary(_)));
        assert!(err.to_string().contains("image.bin"));
        let err = Article::load(&dir.join("nope.txt")).unwrap_err();
        assert!(matches!(err, ArticleError::Input(InputError::Missing(_))));
        assert!(err.to_string().contains("nope.txt"));
        let err = Article::load(&dir).unwrap_err();
        assert!(matches!(err, ArticleError::Input(InputError::Directory(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

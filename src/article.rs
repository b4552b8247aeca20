//! Loading an article: UTF-8 text or markdown from a file, with the problems a user can
//! cause turned into typed errors (directory, missing file, binary data) or warnings
//! (invalid UTF-8, empty input).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// An article's text as read, ready for segmentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub path: PathBuf,
    /// The text without a leading byte-order mark.
    pub text: String,
    /// Characters dropped before `text` (1 when the file began with a byte-order mark).
    /// Claim offsets add it, because the scorer and other Python tools read the file with
    /// plain `utf-8`, which keeps the mark as character 0.
    pub offset: usize,
    /// Problems that did not stop the article from being read, each naming the file.
    pub warnings: Vec<String>,
}

/// Why an article could not be read.
#[derive(Debug, Error)]
pub enum ArticleError {
    #[error("{}: no such file", .0.display())]
    Missing(PathBuf),
    #[error("{}: is a directory, not an article file", .0.display())]
    Directory(PathBuf),
    #[error("{}: looks like a binary file (NUL bytes), not a text article", .0.display())]
    Binary(PathBuf),
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

const BOM: &str = "\u{feff}";

impl Article {
    /// Reads an article file.
    pub fn load(path: &Path) -> Result<Article, ArticleError> {
        if path.is_dir() {
            return Err(ArticleError::Directory(path.to_path_buf()));
        }
        let bytes = std::fs::read(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => ArticleError::Missing(path.to_path_buf()),
            _ => ArticleError::Io {
                path: path.to_path_buf(),
                source,
            },
        })?;
        Article::from_bytes(path, &bytes)
    }

    /// Builds an article from the bytes of a file (`path` only names it in messages).
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Article, ArticleError> {
        if bytes.contains(&0) {
            return Err(ArticleError::Binary(path.to_path_buf()));
        }
        let mut warnings = Vec::new();
        let decoded = match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => {
                warnings.push(format!(
                    "{}: not valid UTF-8; undecodable bytes were replaced with U+FFFD",
                    path.display()
                ));
                String::from_utf8_lossy(bytes).into_owned()
            }
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
    fn invalid_utf8_is_decoded_lossily_with_a_warning_naming_the_file() {
        let article = Article::from_bytes(Path::new("bad.txt"), b"caf\xe9 said.").unwrap();
        assert_eq!(article.text, "caf\u{fffd} said.");
        assert!(article.warnings[0].contains("bad.txt"));
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
        assert!(matches!(err, ArticleError::Missing(_)));
        assert!(err.to_string().contains("nope.txt"));
        let err = Article::load(&dir).unwrap_err();
        assert!(matches!(err, ArticleError::Directory(_)));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

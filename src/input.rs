//! Opening the files a user names: only regular files, and no more than a size limit. A
//! FIFO without a writer would block forever, `/dev/zero` never ends, and a huge file
//! would exhaust memory; each is refused with a message that names the file.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use thiserror::Error;

const MIB: u64 = 1024 * 1024;

/// The largest article `claims` and `compare` read, and the largest `embed` input: far
/// beyond any news article (PolNeAR's longest is 60 KB), small enough for the claims of
/// one to fit in memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 * MIB;

/// The largest pair file `nli` and `train-nli` read, after decompression: the project's
/// largest training set is 16 MB.
pub const MAX_PAIR_FILE_BYTES: u64 = 1024 * MIB;

/// The largest plan and scores file `score` and `rank` read: a plan of 100,000 claims is
/// about 100 MB.
pub const MAX_STAGE_FILE_BYTES: u64 = 4096 * MIB;

/// Why an input could not be read.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{}: no such file", .0.display())]
    Missing(PathBuf),
    #[error("{}: is a directory, not a file", .0.display())]
    Directory(PathBuf),
    #[error("{}: is a {kind}, not a regular file (it could block or never end); save it to a file first", path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{}: {size} bytes{more}, over the limit of {limit} bytes ({} MiB)", path.display(), limit / MIB, more = if *.at_least { " or more" } else { "" })]
    TooLarge {
        path: PathBuf,
        size: u64,
        /// Whether `size` is only what was read before stopping (a stream).
        at_least: bool,
        limit: u64,
    },
    #[error("{}: cannot read: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl InputError {
    fn io(path: &Path, source: io::Error) -> InputError {
        match source.kind() {
            io::ErrorKind::NotFound => InputError::Missing(path.to_path_buf()),
            _ => InputError::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}

/// What a file that is not a regular file is, in words.
fn special_kind(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "socket";
        }
        if file_type.is_char_device() {
            return "character device";
        }
        if file_type.is_block_device() {
            return "block device";
        }
    }
    let _ = file_type;
    "special file"
}

/// Opens `path` when it is a regular file (links followed), with its length. The type is
/// checked before opening: opening a FIFO for reading blocks until a writer comes.
pub fn open_regular(path: &Path) -> Result<(File, u64), InputError> {
    let metadata = fs::metadata(path).map_err(|e| InputError::io(path, e))?;
    let file_type = metadata.file_type();
    if file_type.is_dir() {
        return Err(InputError::Directory(path.to_path_buf()));
    }
    if !file_type.is_file() {
        return Err(InputError::NotAFile {
            path: path.to_path_buf(),
            kind: special_kind(file_type),
        });
    }
    let file = File::open(path).map_err(|e| InputError::io(path, e))?;
    Ok((file, metadata.len()))
}

/// The bytes of the regular file `path`, refused above `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let (file, len) = open_regular(path)?;
    if len > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: len,
            at_least: false,
            limit,
        });
    }
    read_limited(file, path, limit)
}

/// At most `limit` bytes of `reader` (a file that may grow, stdin); more is an error, found
/// after reading `limit + 1` bytes, so an endless stream cannot exhaust memory. `path`
/// names the input in messages.
pub fn read_limited(reader: impl Read, path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::io(path, e))?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size,
            at_least: true,
            limit,
        });
    }
    Ok(bytes)
}

/// The non-empty lines of a UTF-8 text file, or of stdin when `path` is `-`, at most
/// `MAX_ARTICLE_BYTES` in all (`embed`'s input).
pub fn read_lines(path: &Path) -> Result<Vec<String>, InputError> {
    let bytes = if path.as_os_str() == "-" {
        read_limited(io::stdin().lock(), path, MAX_ARTICLE_BYTES)?
    } else {
        read_regular(path, MAX_ARTICLE_BYTES)?
    };
    let text = String::from_utf8(bytes).map_err(|e| InputError::Io {
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::InvalidData, e),
    })?;
    Ok(text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("contra-input-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_regular_file_is_read_and_a_larger_one_is_refused_with_size_and_limit() {
        let dir = temp_dir("limit");
        let path = dir.join("long.txt");
        fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_regular(&path, 10).unwrap(), b"0123456789");
        let err = read_regular(&path, 9).unwrap_err();
        assert!(
            matches!(err, InputError::TooLarge { size: 10, .. }),
            "{err}"
        );
        let message = err.to_string();
        assert!(
            message.contains("long.txt") && message.contains("10 bytes"),
            "{message}"
        );
        assert!(message.contains("limit of 9 bytes"), "{message}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_endless_stream_stops_one_byte_past_the_limit() {
        let err = read_limited(io::repeat(b'a'), Path::new("-"), 1000).unwrap_err();
        assert!(
            matches!(
                err,
                InputError::TooLarge {
                    size: 1001,
                    at_least: true,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("1001 bytes or more"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_blocking() {
        let err = open_regular(Path::new("/dev/zero")).unwrap_err();
        assert!(
            err.to_string().contains("/dev/zero: is a character device"),
            "{err}"
        );
        let dir = temp_dir("fifo");
        let fifo = dir.join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = open_regular(&fifo).unwrap_err();
            assert!(matches!(err, InputError::NotAFile { .. }), "{err}");
            assert!(err.to_string().contains("pipe: is a FIFO"), "{err}");
        }
        let err = open_regular(&dir).unwrap_err();
        assert!(matches!(err, InputError::Directory(_)), "{err}");
        let err = open_regular(&dir.join("none")).unwrap_err();
        assert!(matches!(err, InputError::Missing(_)), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn lines_are_read_without_blank_ones_and_invalid_utf8_is_an_error() {
        let dir = temp_dir("lines");
        let path = dir.join("sentences.txt");
        fs::write(&path, "One.\r\n\n  \nTwo.\n").unwrap();
        assert_eq!(read_lines(&path).unwrap(), ["One.", "Two."]);
        fs::write(&path, b"caf\xe9\n").unwrap();
        let err = read_lines(&path).unwrap_err();
        assert!(err.to_string().contains("sentences.txt"), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}

//! Writing results: stdout, or a file replaced atomically so that a failed or interrupted
//! run never leaves a partial or corrupted file behind.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// Exit status after an interrupt (SIGINT or SIGTERM): 128 + SIGINT, as shells report it.
pub const INTERRUPTED: i32 = 130;

/// The temporary file being written, for the interrupt handler to remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);
static HANDLER: Once = Once::new();

/// Runs `write` against `path` (through a temporary file in the same directory, renamed
/// into place only when `write` succeeds) or against stdout when `path` is `None`.
pub fn write_output<F>(path: Option<&Path>, write: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    match path {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()
        }
        Some(path) => write_atomically(path, write),
    }
}

/// The output path names one of the inputs: writing would replace what was read.
#[derive(Debug, thiserror::Error)]
#[error("-o {} is one of the input files: writing there would replace it; choose another output path", .0.display())]
pub struct OutputIsInput(pub PathBuf);

/// Refuses an output path that is one of the inputs (the same file, however written).
pub fn check_output_is_not_an_input(
    output: Option<&Path>,
    inputs: &[&Path],
) -> Result<(), OutputIsInput> {
    let Some(output) = output else {
        return Ok(());
    };
    // An output that does not exist yet cannot be an input.
    let Ok(target) = fs::canonicalize(output) else {
        return Ok(());
    };
    let is_input = inputs
        .iter()
        .any(|input| fs::canonicalize(input).is_ok_and(|i| i == target));
    if is_input {
        Err(OutputIsInput(output.to_path_buf()))
    } else {
        Ok(())
    }
}

fn write_atomically<F>(path: &Path, write: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let tmp = temporary_path(path);
    remove_on_interrupt(Some(&tmp));
    let result = (|| {
        let mut out = BufWriter::new(fs::File::create(&tmp)?);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    remove_on_interrupt(None);
    result
}

/// Registers the temporary file an interrupt must remove (`None` once it is renamed or
/// removed), installing the SIGINT/SIGTERM handler the first time: the handler removes
/// the file, then exits with `INTERRUPTED`.
fn remove_on_interrupt(tmp: Option<&Path>) {
    if tmp.is_some() {
        HANDLER.call_once(|| {
            // Best effort: where another handler is installed already, that one decides.
            let _ = ctrlc::set_handler(|| {
                remove_pending_temporary();
                std::process::exit(INTERRUPTED);
            });
        });
    }
    let mut pending = PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *pending = tmp.map(Path::to_path_buf);
}

/// Removes the registered temporary file, if any; returns whether there was one.
fn remove_pending_temporary() -> bool {
    let mut pending = PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match pending.take() {
        Some(tmp) => {
            let _ = fs::remove_file(tmp);
            true
        }
        None => false,
    }
}

fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_path_that_is_an_input_is_refused() {
        let dir = std::env::temp_dir().join(format!("contra-out-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let article = dir.join("article.txt");
        fs::write(&article, "Lavrov said so.").unwrap();
        let same = dir.join(".").join("article.txt");
        assert!(check_output_is_not_an_input(Some(&same), &[&article]).is_err());
        let other = dir.join("report.md");
        assert!(check_output_is_not_an_input(Some(&other), &[&article]).is_ok());
        assert!(check_output_is_not_an_input(None, &[&article]).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = std::env::temp_dir().join(format!("contra-output-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("report.md");
        fs::write(&path, "old").unwrap();
        let failed = write_output(Some(&path), |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("boom"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        write_output(Some(&path), |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        fs::remove_dir_all(&dir).unwrap();
    }
}

//! An interrupted write (SIGINT) leaves neither a partial output nor its temporary file,
//! and exits with 130. The test runs itself as the child that writes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Set in the child: the output path to write, slowly.
const CHILD_OUTPUT: &str = "CONTRA_TEST_INTERRUPTED_OUTPUT";

/// The child: writes part of a report, then waits to be interrupted. Ignored in normal
/// runs; the test below runs it.
#[test]
#[ignore = "run by an_interrupted_write_removes_its_temporary_file"]
fn child_writes_slowly() {
    let Some(path) = std::env::var_os(CHILD_OUTPUT) else {
        return;
    };
    let _ = contra::output::write_output(Some(Path::new(&path)), |out| {
        out.write_all(b"partial report")?;
        out.flush()?;
        std::thread::sleep(Duration::from_secs(60));
        Ok(())
    });
    panic!("the child was not interrupted");
}

#[cfg(unix)]
#[test]
fn an_interrupted_write_removes_its_temporary_file() {
    let dir = common::temp_dir("interrupt");
    let output = dir.join("report.md");
    std::fs::write(&output, "old report").unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writes_slowly", "--ignored", "--nocapture"])
        .env(CHILD_OUTPUT, &output)
        .spawn()
        .unwrap();
    let tmp: PathBuf = dir.join(format!(".report.md.{}.tmp", child.id()));
    let started = Instant::now();
    while std::fs::read(&tmp).map_or(true, |b| b != b"partial report") {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no temporary file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(!tmp.exists(), "the temporary file is left");
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "old report");
    std::fs::remove_dir_all(&dir).unwrap();
}

//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The read-only project data beside the checkout, if this machine has it.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = repo_path("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared is not present on this machine");
        None
    }
}

/// Runs the built `contra` binary with `args`.
pub fn contra(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_contra"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the contra binary runs")
}

/// A fresh scratch directory for one test, unique to this process.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("contra-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory can be created");
    dir
}

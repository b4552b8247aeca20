//! The split into `contra` (no libtorch: instant start) and `contra-torch` (the model
//! commands), which `contra` runs in its place.

mod common;

use std::process::Command;

fn needs_libtorch(binary: &str) -> bool {
    let bytes = std::fs::read(binary).expect("the test binaries are built");
    // The dynamic section names each library the loader must open.
    bytes
        .windows(b"libtorch_cpu".len())
        .any(|w| w == b"libtorch_cpu")
}

#[test]
fn only_contra_torch_links_libtorch() {
    assert!(!needs_libtorch(env!("CARGO_BIN_EXE_contra")));
    assert!(needs_libtorch(env!("CARGO_BIN_EXE_contra-torch")));
}

#[test]
fn contra_runs_model_commands_through_contra_torch() {
    // The missing model directory is reported by contra-torch, after the hand-over.
    let dir = common::temp_dir("binaries-handover");
    let pairs = dir.join("pairs.tsv");
    std::fs::write(
        &pairs,
        "id\tpremise\thypothesis\n1\tThe talks ended.\tThe talks went on.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_contra"))
        .args(["nli", "--model"])
        .arg(dir.join("no-such-model"))
        .arg(&pairs)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A model that cannot be loaded is a failure (1), not bad input (2).
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no-such-model"), "{stderr}");
}

#[test]
fn contra_without_contra_torch_says_how_to_install_it() {
    let dir = common::temp_dir("binaries-alone");
    let alone = dir.join("contra");
    std::fs::copy(env!("CARGO_BIN_EXE_contra"), &alone).unwrap();
    // Commands without a model still work on their own.
    let schema = Command::new(&alone).arg("schema").output().unwrap();
    assert!(schema.status.success());
    assert!(String::from_utf8_lossy(&schema.stdout).contains("contra.report/2"));
    let out = Command::new(&alone)
        .args(["nli", "pairs.tsv"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("contra-torch") && stderr.contains("scripts/setup.sh"),
        "{stderr}"
    );
}

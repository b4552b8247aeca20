//! The `contra claims` command: JSON shape, markdown, and exit codes on bad input.

mod common;

use std::process::Command;

fn contra() -> Command {
    Command::new(env!("CARGO_BIN_EXE_contra"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    common::temp_dir(&format!("cli-{name}"))
}

#[test]
fn json_output_has_the_schema_speakers_and_claims() {
    let dir = temp_dir("json");
    let path = dir.join("a.txt");
    std::fs::write(
        &path,
        "\u{feff}\"No ceasefire was planned,\" Lavrov said.\n",
    )
    .unwrap();
    let out = contra().args(["claims"]).arg(&path).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "contra.claims/1");
    assert_eq!(json["speakers"][0]["id"], "lavrov");
    let claim = &json["claims"][0];
    assert_eq!(claim["text"], "No ceasefire was planned");
    assert_eq!(claim["kind"], "direct");
    // The BOM is character 0 of the file as Python reads it.
    assert_eq!(claim["span"]["start"], 2);
    assert_eq!(claim["source_span"]["start"], 29);
    assert_eq!(claim["cue"]["text"], "said");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_output_is_a_table() {
    let dir = temp_dir("md");
    let path = dir.join("a.md");
    std::fs::write(&path, "Kuleba said that Russia refused a pause.").unwrap();
    let out = contra()
        .args(["claims", "--format", "md"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("| Kuleba | indirect | that Russia refused a pause |"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn empty_input_warns_and_exits_zero_with_no_claims() {
    let dir = temp_dir("empty");
    let path = dir.join("empty.txt");
    std::fs::write(&path, "").unwrap();
    let out = contra().args(["claims"]).arg(&path).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["claims"].as_array().unwrap().len(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_directory_a_missing_file_and_a_binary_file_exit_2_naming_the_file() {
    let dir = temp_dir("bad");
    let binary = dir.join("photo.jpg");
    std::fs::write(&binary, b"\xff\xd8\x00\x10JFIF\x00").unwrap();
    for path in [dir.clone(), dir.join("missing.txt"), binary] {
        let out = contra().args(["claims"]).arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(err.contains(&*name), "{err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

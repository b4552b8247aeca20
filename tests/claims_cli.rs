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

/// Runs `contra claims PATH`, failing the test if it does not finish within 30 s.
fn claims_within_timeout(path: &std::path::Path) -> std::process::Output {
    let mut child = contra()
        .args(["claims"])
        .arg(path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("contra claims {} did not finish", path.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_fifo_and_a_device_exit_2_at_once_naming_the_file() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for path in [fifo, std::path::PathBuf::from("/dev/zero")] {
        let out = claims_within_timeout(&path);
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&*path.display().to_string()), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn windows_1252_and_utf16_articles_are_decoded_with_a_warning() {
    let dir = temp_dir("encodings");
    let cp1252 = dir.join("cp1252.txt");
    std::fs::write(&cp1252, b"\x93No ceasefire was planned,\x94 Lavrov said.\n").unwrap();
    let utf16 = dir.join("utf16.txt");
    let text = "“No ceasefire was planned,” Lavrov said.\n";
    let bytes: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&utf16, bytes).unwrap();
    for (path, encoding) in [(cp1252, "Windows-1252"), (utf16, "UTF-16LE")] {
        let out = claims_within_timeout(&path);
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&*path.display().to_string()) && err.contains(encoding),
            "{err}"
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let claim = &json["claims"][0];
        assert_eq!(claim["text"], "No ceasefire was planned");
        // Offsets count characters of the decoded text.
        assert_eq!(claim["span"]["start"], 1);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_model_that_cannot_be_loaded_exits_1_not_2() {
    let dir = temp_dir("exit1");
    let pairs = dir.join("pairs.tsv");
    std::fs::write(
        &pairs,
        "id\tpremise\thypothesis\n1\tA cat sat.\tA cat sat.\n",
    )
    .unwrap();
    let out = contra()
        .args(["nli", "--quiet", "--model"])
        .arg(dir.join("no-model"))
        .arg(&pairs)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let missing = contra()
        .args(["nli", "--quiet"])
        .arg(dir.join("missing.tsv"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_article_over_the_size_limit_exits_2_with_size_and_limit() {
    let dir = temp_dir("huge");
    let path = dir.join("huge.txt");
    let limit = contra::input::MAX_ARTICLE_BYTES;
    // Sparse: no 64 MiB written to disk.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(limit + 1).unwrap();
    let out = claims_within_timeout(&path);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("huge.txt"), "{err}");
    assert!(err.contains(&format!("{} bytes", limit + 1)), "{err}");
    assert!(err.contains(&format!("limit of {limit} bytes")), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

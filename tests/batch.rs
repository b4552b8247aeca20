//! `contra batch`: shards, a failing line, merge and resume, on the example articles with
//! the small NLI model.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

fn batch(args: &[&str]) -> Output {
    let mut all = vec!["batch", "--nli-model", "models/nli-minilm-l6", "--quiet"];
    all.extend_from_slice(args);
    common::contra(&all)
}

/// A manifest beside copies of the example articles: two comparisons and one whose article
/// is missing.
fn manifest(name: &str) -> (PathBuf, PathBuf) {
    let dir = common::temp_dir(&format!("batch-{name}"));
    for article in ["antalya-tass.txt", "antalya-kyiv.txt"] {
        std::fs::copy(
            common::repo_path(&format!("data/{article}")),
            dir.join(article),
        )
        .unwrap();
    }
    let manifest = dir.join("manifest.jsonl");
    std::fs::write(
        &manifest,
        "{\"id\": \"tass\", \"articles\": [\"antalya-tass.txt\"]}\n\
         {\"id\": \"kyiv\", \"articles\": [\"antalya-kyiv.txt\"], \"options\": {\"top\": 3}}\n\
         {\"id\": \"missing\", \"articles\": [\"no-such-article.txt\"]}\n",
    )
    .unwrap();
    (dir.join("out"), manifest)
}

fn index_lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn shards_split_the_lines_a_failure_is_recorded_and_merge_joins_the_indexes() {
    let (out, manifest) = manifest("shards");
    let (out_s, manifest_s) = (out.to_str().unwrap(), manifest.to_str().unwrap());
    let first = batch(&[manifest_s, "-o", out_s, "--shard", "0/2"]);
    // Lines 0 and 2: `tass` and `missing`, which fails; the batch still finishes.
    assert_ne!(first.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("1 comparisons failed"), "{stderr}");
    let second = batch(&[manifest_s, "-o", out_s, "--shard", "1/2"]);
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let shard0 = index_lines(&out.join("index-0-of-2.jsonl"));
    let ids: Vec<&str> = shard0.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["tass", "missing"]);
    assert_eq!(shard0[1]["status"], "failed");
    assert!(shard0[1]["error"]
        .as_str()
        .unwrap()
        .contains("no-such-article.txt"));
    assert!(out.join("tass.json").is_file() && out.join("kyiv.md").is_file());
    assert!(!out.join("missing.json").exists());
    let kyiv: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("kyiv.json")).unwrap()).unwrap();
    assert_eq!(kyiv["settings"]["top"], 3);

    let merged = batch(&["--merge", out_s]);
    assert_ne!(
        merged.status.code(),
        Some(0),
        "a failed line keeps the exit code non-zero"
    );
    let index = index_lines(&out.join("index.jsonl"));
    let ids: Vec<&str> = index.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["kyiv", "missing", "tass"]);
    assert_eq!(index[0]["status"], "ok");
    assert!(index[0]["claims"].as_u64().unwrap() > 0);
}

#[test]
fn resume_redoes_only_incomplete_lines_and_gives_identical_reports() {
    let (out, manifest) = manifest("resume");
    let (out_s, manifest_s) = (out.to_str().unwrap(), manifest.to_str().unwrap());
    batch(&[manifest_s, "-o", out_s]);
    let uninterrupted = std::fs::read(out.join("kyiv.json")).unwrap();
    let tass_before = std::fs::metadata(out.join("tass.json"))
        .unwrap()
        .modified()
        .unwrap();
    // As if the task had been killed while `kyiv` ran: its report is gone and the index
    // ends in half an entry.
    std::fs::remove_file(out.join("kyiv.json")).unwrap();
    std::fs::remove_file(out.join("kyiv.md")).unwrap();
    let index_path = out.join("index-0-of-1.jsonl");
    let mut index = std::fs::read_to_string(&index_path).unwrap();
    index.push_str("{\"id\": \"ky");
    std::fs::write(&index_path, index).unwrap();

    let resumed = batch(&[manifest_s, "-o", out_s, "--resume"]);
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert!(
        stderr.contains("1 ok, 1 failed, 1 already complete"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(out.join("kyiv.json")).unwrap(), uninterrupted);
    let tass_after = std::fs::metadata(out.join("tass.json"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(tass_before, tass_after, "a complete line is not redone");
    // The half entry was cut: every line of the index parses.
    assert_eq!(index_lines(&index_path).len(), 3 + 2);
}

#[test]
fn a_bad_manifest_is_refused_before_any_model_loads() {
    let dir = common::temp_dir("batch-bad");
    let manifest = dir.join("bad.jsonl");
    std::fs::write(&manifest, "{\"id\": \"a b\", \"articles\": [\"x.txt\"]}\n").unwrap();
    let out = batch(&[
        manifest.to_str().unwrap(),
        "-o",
        dir.join("out").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("bad.jsonl:1") && stderr.contains("cannot name a file"),
        "{stderr}"
    );
}

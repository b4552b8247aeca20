//! A comparison in stages (`contra plan`, `score --shard K/N`, `rank`) on the example
//! articles with the small NLI model: it equals one `contra compare` byte for byte, and
//! plans and scores that do not belong together are refused, naming the file, with no output.

mod common;

use std::path::{Path, PathBuf};

const ARTICLES: [&str; 2] = ["data/antalya-tass.txt", "data/antalya-kyiv.txt"];
const SMALL_NLI: [&str; 2] = ["--nli-model", "models/nli-minilm-l6"];

/// Runs contra and checks that it succeeded.
fn contra_ok(args: &[&str]) {
    let out = common::contra(args);
    assert!(
        out.status.success(),
        "contra {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn path(dir: &Path, name: &str) -> (PathBuf, String) {
    let path = dir.join(name);
    let text = path
        .to_str()
        .expect("temporary paths are UTF-8")
        .to_string();
    (path, text)
}

/// `contra score PLAN --shard K/N -o OUT` with the small model.
fn score(plan: &str, shard: &str, out: &str) {
    let mut args = vec!["score", plan, "--shard", shard, "-o", out, "--quiet"];
    args.extend(SMALL_NLI);
    contra_ok(&args);
}

#[test]
fn two_shards_ranked_equal_one_compare_byte_for_byte() {
    let dir = common::temp_dir("stages-equal");
    // Few enough --max-pairs that each claim's nearest neighbours are pre-selected.
    let selection = ["--max-pairs", "300", "--neighbours", "5"];
    let (compared, compared_s) = path(&dir, "compare.json");
    let mut args = vec!["compare", "-o", &compared_s, "--quiet"];
    args.extend(ARTICLES.iter().chain(&selection).chain(&SMALL_NLI));
    contra_ok(&args);

    let (_, plan) = path(&dir, "plan.json");
    let mut args = vec!["plan", "-o", &plan, "--quiet"];
    args.extend(ARTICLES.iter().chain(&selection));
    contra_ok(&args);
    let (_, shard0) = path(&dir, "scores-0.jsonl");
    let (_, shard1) = path(&dir, "scores-1.jsonl");
    score(&plan, "0/2", &shard0);
    score(&plan, "1/2", &shard1);
    let (ranked, ranked_s) = path(&dir, "report.json");
    contra_ok(&["rank", &plan, &shard1, &shard0, "-o", &ranked_s]);

    let report = std::fs::read(&ranked).unwrap();
    assert!(
        report == std::fs::read(&compared).unwrap(),
        "the staged report differs from compare's: diff {} {}",
        compared.display(),
        ranked.display()
    );
    let report: serde_json::Value = serde_json::from_slice(&report).unwrap();
    assert_eq!(report["settings"]["preselected"], true);
    assert!(report["pairs"].as_array().unwrap().len() > 50);
}

#[test]
fn plans_and_scores_that_do_not_belong_together_are_refused_naming_the_file() {
    let dir = common::temp_dir("stages-refused");
    let (_, plan) = path(&dir, "plan.json");
    contra_ok(&["plan", ARTICLES[0], "-o", &plan, "--quiet"]);
    let (_, other_plan) = path(&dir, "other-plan.json");
    contra_ok(&[
        "plan",
        ARTICLES[0],
        "--min-similarity",
        "0.3",
        "-o",
        &other_plan,
    ]);
    let (_, shard0) = path(&dir, "scores-0.jsonl");
    let (_, shard1) = path(&dir, "scores-1.jsonl");
    let (_, other0) = path(&dir, "other-0.jsonl");
    score(&plan, "0/2", &shard0);
    score(&plan, "1/2", &shard1);
    score(&other_plan, "0/2", &other0);
    let text = std::fs::read_to_string(&plan).unwrap();
    let (_, old_plan) = path(&dir, "old-plan.json");
    let old = text.replacen(
        &format!("\"version\":\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"version\":\"0.0.0\"",
        1,
    );
    std::fs::write(&old_plan, old).unwrap();

    let cases: [(&str, Vec<&str>, &[&str]); 5] = [
        (&plan, vec![&shard0], &["missing shards: 1/2"]),
        (
            &plan,
            vec![&shard0, &shard1, &shard0],
            &["scores-0.jsonl and", "scores-0.jsonl are both shard 0/2"],
        ),
        (
            &plan,
            vec![&other0, &shard1],
            &["other-0.jsonl: scores another plan", "plan.json"],
        ),
        (
            &old_plan,
            vec![&shard0, &shard1],
            &["old-plan.json: a plan written by contra 0.0.0"],
        ),
        (
            &shard0,
            vec![&shard0, &shard1],
            &["scores-0.jsonl: not a contra plan"],
        ),
    ];
    let (report, report_s) = path(&dir, "report.json");
    for (plan, scores, messages) in cases {
        let mut args = vec!["rank", plan];
        args.extend(scores);
        args.extend(["-o", &report_s]);
        let out = common::contra(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        for message in messages {
            assert!(stderr.contains(message), "{args:?}: {stderr}");
        }
        assert!(!report.exists(), "{args:?} wrote a report");
    }
    contra_ok(&["rank", &plan, &shard0, &shard1, "-o", &report_s]);
}

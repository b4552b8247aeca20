//! `contra compare` end to end on real articles with the real models.

mod common;

use std::collections::HashSet;
use std::fs;

use serde_json::Value;

const EXAMPLE: [&str; 2] = ["data/antalya-tass.txt", "data/antalya-kyiv.txt"];

fn compare_json(args: &[&str]) -> Value {
    let mut all = vec!["compare", "--format", "json", "--quiet"];
    all.extend_from_slice(args);
    let out = common::contra(&all);
    assert!(
        out.status.success(),
        "contra compare failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

fn assert_no_same_speaker_pair(report: &Value) {
    for pair in report["pairs"].as_array().unwrap() {
        assert_ne!(pair["speaker_a"], pair["speaker_b"], "{pair}");
    }
}

#[test]
fn json_report_on_the_example_pair_follows_the_schema_and_ranks_related_pairs_by_score() {
    let report = compare_json(&EXAMPLE);
    let schema: Value =
        serde_json::from_str(&String::from_utf8(common::contra(&["schema"]).stdout).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "schema violations: {errors:?}");

    assert_eq!(report["inputs"].as_array().unwrap().len(), 2);
    let pairs = report["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    assert_no_same_speaker_pair(&report);
    // Only related pairs (similarity at or above the floor) are scored, ranked by score
    // (which never exceeds the contradiction it discounts): first the pairs across sides and
    // the same-side pairs the model labels contradictions, then the other same-side pairs;
    // each block in two runs, each claim's three strongest pairs, then the rest.
    let floor = report["settings"]["min_similarity"].as_f64().unwrap();
    assert!(report["settings"]["unrelated_pairs"].as_u64().unwrap() > 0);
    assert!(pairs
        .iter()
        .all(|p| p["similarity"].as_f64().unwrap() >= floor));
    let demoted = |p: &Value| p["same_side"] == true && p["label"] != "contradiction";
    let first_demoted = pairs.iter().position(demoted).unwrap_or(pairs.len());
    assert!(
        pairs[first_demoted..].iter().all(demoted),
        "same-side pairs not labelled contradictions rank last"
    );
    for block in [&pairs[..first_demoted], &pairs[first_demoted..]] {
        let scores: Vec<f64> = block.iter().map(|p| p["score"].as_f64().unwrap()).collect();
        let rises = scores.windows(2).filter(|w| w[1] > w[0]).count();
        assert!(rises <= 1, "pairs are not ranked by score: {scores:?}");
    }
    for pair in pairs {
        assert!(pair["score"].as_f64().unwrap() <= pair["contradiction"].as_f64().unwrap() + 1e-6);
    }
    for (i, pair) in pairs.iter().enumerate() {
        assert_eq!(pair["rank"].as_u64(), Some(i as u64 + 1));
        let sum: f64 = ["entailment", "neutral", "contradiction"]
            .iter()
            .map(|k| pair[*k].as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-3);
    }
    // Claims from both articles take part, and claim ids resolve.
    let claim_ids: HashSet<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(
        claim_ids.iter().any(|id| id.starts_with("A:"))
            && claim_ids.iter().any(|id| id.starts_with("B:"))
    );
    for pair in pairs {
        assert!(claim_ids.contains(pair["a"].as_str().unwrap()));
        assert!(claim_ids.contains(pair["b"].as_str().unwrap()));
    }
}

#[test]
fn markdown_report_has_the_tables_a_reader_needs() {
    let out = common::contra(&["compare", EXAMPLE[0], EXAMPLE[1], "--quiet"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    for heading in [
        "## Inputs",
        "## Speakers",
        "## Contradictions",
        "## Agreements",
    ] {
        assert!(md.contains(heading), "missing {heading}:\n{md}");
    }
    assert!(md.contains("| # | speaker A | claim A | speaker B | claim B |"));
    assert!(md.contains("Lavrov") && md.contains("Kuleba"));
    assert!(md.contains("contra 0.") && md.contains("nli-mpnet-base-r3"));
}

/// The demo pair as a journalist reads it: Lavrov's denial against the Ukrainian account of
/// the attack in the top 3 (rank 2 with the shipped model), no single claim filling the top
/// 10, Lavrov and Kuleba never on one side.
#[test]
fn the_demo_pair_ranks_the_real_clash_first_and_no_claim_dominates() {
    let report = compare_json(&EXAMPLE);
    let claims: std::collections::HashMap<&str, &Value> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c))
        .collect();
    let text = |id: &Value| {
        claims[id.as_str().unwrap()]["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
    };
    let pairs = report["pairs"].as_array().unwrap();
    let top3 = &pairs[..3];
    assert!(
        top3.iter().any(|p| {
            let (a, b) = (text(&p["a"]), text(&p["b"]));
            (a.contains("not attack") && b.contains("attacked ukraine"))
                || (b.contains("not attack") && a.contains("attacked ukraine"))
        }),
        "the attack denial is not in the top 3: {top3:#?}"
    );
    let mut rows_per_claim: std::collections::HashMap<&str, usize> = Default::default();
    for p in &pairs[..10] {
        for id in [p["a"].as_str().unwrap(), p["b"].as_str().unwrap()] {
            *rows_per_claim.entry(id).or_default() += 1;
        }
    }
    assert!(
        rows_per_claim.values().all(|&n| n <= 3),
        "a claim fills more than 3 of the top 10: {rows_per_claim:?}"
    );
    for side in report["sides"].as_array().unwrap() {
        let members: Vec<&str> = side["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert!(
            !(members.contains(&"lavrov") && members.contains(&"kuleba")),
            "Lavrov and Kuleba on one side: {members:?}"
        );
    }
}

#[test]
fn speaker_filter_limits_pairs_and_unknown_ids_are_errors() {
    let report = compare_json(&[EXAMPLE[0], EXAMPLE[1], "--speakers", "lavrov,kuleba"]);
    for pair in report["pairs"].as_array().unwrap() {
        let speakers: HashSet<&str> = [
            pair["speaker_a"].as_str().unwrap(),
            pair["speaker_b"].as_str().unwrap(),
        ]
        .into();
        assert_eq!(speakers, HashSet::from(["lavrov", "kuleba"]));
    }
    let out = common::contra(&["compare", EXAMPLE[0], "--speakers", "nobody", "--quiet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nobody"));
}

#[test]
fn a_failed_run_leaves_no_partial_output_file() {
    let dir = common::temp_dir("compare");
    let report = dir.join("report.md");
    let missing = dir.join("no-such-article.txt");
    let compare_with_missing_article = || {
        common::contra(&[
            "compare",
            EXAMPLE[0],
            missing.to_str().unwrap(),
            "-o",
            report.to_str().unwrap(),
            "--quiet",
        ])
    };
    let out = compare_with_missing_article();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-article.txt"));
    assert!(!report.exists());
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        0,
        "temporary files were left behind"
    );

    fs::write(&report, "previous report").unwrap();
    let out = compare_with_missing_article();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&report).unwrap(), "previous report");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn seed_article_pairs_lavrov_and_kuleba_near_the_top() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let seed = shared.join("seeds/000_a6941b140a9282af.txt");
    let report = compare_json(&[seed.to_str().unwrap()]);
    assert_no_same_speaker_pair(&report);
    let claims_of = |id: &str| {
        report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["speaker"] == id)
            .count()
    };
    assert!(
        claims_of("lavrov") >= 5,
        "Lavrov has {} claims",
        claims_of("lavrov")
    );
    assert!(
        claims_of("kuleba") >= 3,
        "Kuleba has {} claims",
        claims_of("kuleba")
    );
    let top5 = &report["pairs"].as_array().unwrap()[..5];
    assert!(
        top5.iter().any(|p| {
            let s: HashSet<&str> = [
                p["speaker_a"].as_str().unwrap(),
                p["speaker_b"].as_str().unwrap(),
            ]
            .into();
            s == HashSet::from(["lavrov", "kuleba"])
        }),
        "no Lavrov–Kuleba pair in the top 5"
    );
    // The Russian officials and the Russian-backed republics' leaders are one side, which
    // Kuleba is not on, and none of their quarrels fills the top 10.
    let sides = report["sides"].as_array().unwrap();
    let russian = sides
        .iter()
        .map(|side| side["speakers"].as_array().unwrap())
        .find(|members| members.iter().any(|m| m == "lavrov"))
        .expect("Lavrov has a side");
    for id in [
        "putin",
        "russian-defense-ministry",
        "donetsk-and-lugansk-peoples-republics",
        "pasechnik",
        "pushilin",
    ] {
        assert!(russian.iter().any(|m| m == id), "{id} not in {russian:?}");
    }
    assert!(!russian.iter().any(|m| m == "kuleba"), "{russian:?}");
    let top10 = &report["pairs"].as_array().unwrap()[..10];
    assert!(
        top10.iter().all(|p| p["same_side"] == false),
        "a same-side pair in the top 10: {top10:#?}"
    );
}

#[test]
fn notebook_example_loads_the_json_and_saves_a_heat_map() {
    let dir = common::temp_dir("notebook");
    let json = dir.join("report.json");
    let png = dir.join("heatmap.png");
    let out = common::contra(&[
        "compare",
        EXAMPLE[0],
        EXAMPLE[1],
        "-o",
        json.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = std::process::Command::new(common::repo_path(".venv/bin/python"))
        .arg(common::repo_path("scripts/notebook_example.py"))
        .args([&json, &png])
        .output()
        .expect("the venv's python runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("contradiction") && stdout.contains("saved"));
    let bytes = fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    fs::remove_dir_all(&dir).unwrap();
}

/// The same inputs, options and thread count give byte-identical JSON, so a report can be
/// reproduced and diffed. Another thread count splits libtorch's matrix products
/// differently, so the scores may differ in their last digits (bf16 rounding), never in the
/// pairs scored.
#[test]
fn reports_are_byte_identical_across_runs_and_close_across_thread_counts() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = ["1", "1", if cores >= 2 { "2" } else { "1" }];
    let reports: Vec<Vec<u8>> = threads
        .iter()
        .map(|threads| {
            let out = common::contra(&[
                "compare",
                EXAMPLE[0],
                EXAMPLE[1],
                "--format",
                "json",
                "--quiet",
                "--nli-model",
                "models/nli-minilm-l6",
                "--threads",
                threads,
            ]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        })
        .collect();
    assert!(reports[0].len() > 1000);
    assert!(reports[0] == reports[1], "reports differ between runs");
    let scores = |report: &[u8]| -> std::collections::BTreeMap<(String, String), f64> {
        let json: Value = serde_json::from_slice(report).expect("the report is JSON");
        json["pairs"]
            .as_array()
            .expect("pairs")
            .iter()
            .map(|p| {
                let id = |k: &str| p[k].as_str().expect("claim id").to_string();
                ((id("a"), id("b")), p["score"].as_f64().expect("score"))
            })
            .collect()
    };
    let (one, two) = (scores(&reports[0]), scores(&reports[2]));
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        two.keys().collect::<Vec<_>>(),
        "the same pairs with either thread count"
    );
    for (pair, score) in &one {
        assert!(
            (score - two[pair]).abs() < 0.02,
            "{pair:?}: {score} with 1 thread, {} with 2",
            two[pair]
        );
    }
}

/// Problems that do not stop a comparison are warnings on stderr that name the file; the
/// report is still written.
#[test]
fn an_empty_article_is_a_warning_naming_it() {
    let dir = common::temp_dir("compare-empty");
    let empty = dir.join("empty.txt");
    fs::write(&empty, "").unwrap();
    let out = common::contra(&[
        "compare",
        EXAMPLE[0],
        empty.to_str().unwrap(),
        "--format",
        "json",
        "--quiet",
        "--nli-model",
        "models/nli-minilm-l6",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("contra: warning:") && stderr.contains("empty.txt: the article is empty"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["inputs"][1]["claims"], 0);
}

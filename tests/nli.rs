//! The shipped NLI model and `contra nli`, on real pairs.

mod common;

use std::fs;

use contra::encoder::{ModelConfig, PairTokenizer};
use contra::nli::{NliConfig, NliLabel, NliModel, Precision, DEFAULT_NLI_MODEL_DIR};
use contra::progress::Progress;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Fixture {
    model: String,
    max_len: usize,
    labels: Vec<String>,
    pairs: Vec<FixturePair>,
}

#[derive(Deserialize)]
struct FixturePair {
    premise: String,
    hypothesis: String,
    input_ids: Vec<i64>,
    logits: [f32; 3],
}

fn model() -> NliModel {
    NliModel::load(
        &common::repo_path(DEFAULT_NLI_MODEL_DIR),
        NliConfig::default(),
    )
    .expect("the NLI model is committed under models/")
}

/// The parity fixtures of the shipped models (`scripts/make_nli_fixture.py`), one per model.
fn fixtures() -> Vec<Fixture> {
    let dir = common::repo_path("tests/fixtures");
    let mut found: Vec<Fixture> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("nli_parity_"))
        .map(|e| serde_json::from_str(&fs::read_to_string(e.path()).unwrap()).unwrap())
        .collect();
    found.sort_by(|a, b| a.model.cmp(&b.model));
    found
}

fn fixture_pairs(fixture: &Fixture) -> Vec<(&str, &str)> {
    fixture
        .pairs
        .iter()
        .map(|p| (p.premise.as_str(), p.hypothesis.as_str()))
        .collect()
}

#[test]
fn every_shipped_model_has_a_parity_fixture() {
    let models: Vec<String> = fixtures().into_iter().map(|f| f.model).collect();
    for entry in fs::read_dir(common::repo_path("models")).unwrap().flatten() {
        let name = format!("models/{}", entry.file_name().to_string_lossy());
        if name.starts_with("models/nli-") {
            assert!(
                models.contains(&name),
                "{name} has no parity fixture: {models:?}"
            );
        }
    }
}

#[test]
fn tokenization_matches_the_reference_tokenizers() {
    for fixture in fixtures() {
        let dir = common::repo_path(&fixture.model);
        let config = ModelConfig::read(&dir.join("config.json")).unwrap();
        let tokenizer = PairTokenizer::load(&dir.join("vocab.txt"), config.architecture).unwrap();
        let encoded = tokenizer.encode_pairs(&fixture_pairs(&fixture), fixture.max_len);
        for (pair, got) in fixture.pairs.iter().zip(encoded) {
            assert_eq!(
                got.ids, pair.input_ids,
                "{}: {:?}",
                fixture.model, pair.premise
            );
        }
    }
}

/// Every shipped model's logits on its fixture pairs, run in `precision`, against the
/// PyTorch fp32 reference: within `tolerance`, and the same label wherever the reference's
/// best class leads the next by more than `clear_margin`.
fn assert_logits_match_reference(precision: Precision, tolerance: f32, clear_margin: f32) {
    for fixture in fixtures() {
        assert_eq!(fixture.labels, ["entailment", "neutral", "contradiction"]);
        assert!(fixture.pairs.len() >= 20);
        let config = NliConfig {
            max_len: fixture.max_len,
            precision,
            ..NliConfig::default()
        };
        let model = NliModel::load(&common::repo_path(&fixture.model), config).unwrap();
        assert_eq!(model.precision(), precision);
        let logits = model
            .logits(&fixture_pairs(&fixture), &Progress::hidden())
            .unwrap();
        for (pair, got) in fixture.pairs.iter().zip(logits) {
            let context = format!(
                "{} in {precision}: {:?} → {:?}: contra {got:?}, reference {:?}",
                fixture.model, pair.premise, pair.hypothesis, pair.logits
            );
            for (got, want) in got.iter().zip(pair.logits) {
                assert!((got - want).abs() < tolerance, "{context}");
            }
            let mut sorted = pair.logits;
            sorted.sort_by(f32::total_cmp);
            if sorted[2] - sorted[1] > clear_margin {
                assert_eq!(argmax(got), argmax(pair.logits), "{context}");
            }
        }
    }
}

fn argmax(logits: [f32; 3]) -> usize {
    (0..3)
        .max_by(|&a, &b| logits[a].total_cmp(&logits[b]))
        .unwrap()
}

#[test]
fn logits_match_the_pytorch_reference() {
    assert_logits_match_reference(Precision::Fp32, 1e-3, 0.0);
}

#[test]
fn bf16_logits_stay_close_to_the_reference_and_keep_clear_labels() {
    assert_logits_match_reference(Precision::Bf16, 0.35, 0.5);
}

#[test]
fn obvious_pairs_get_the_obvious_label() {
    let cases = [
        (
            "A man is playing a guitar on stage.",
            "A man is performing music.",
            NliLabel::Entailment,
        ),
        (
            "A man is playing a guitar on stage.",
            "Nobody is playing an instrument.",
            NliLabel::Contradiction,
        ),
        (
            "No ceasefire was agreed in Antalya.",
            "A ceasefire was agreed in Antalya.",
            NliLabel::Contradiction,
        ),
        (
            "Two children are playing in the park.",
            "Kids are outdoors.",
            NliLabel::Entailment,
        ),
        (
            "A woman is reading a book.",
            "The woman is reading a novel by her favourite author.",
            NliLabel::Neutral,
        ),
        // The probes of the judgement issue: a negation against a claim with adjuncts, and
        // unrelated claims.
        (
            "Russia attacked Ukraine without any provocation on February 24.",
            "Russia did not attack Ukraine.",
            NliLabel::Contradiction,
        ),
        (
            "Russia attacked Ukraine.",
            "Russia did not attack Ukraine.",
            NliLabel::Contradiction,
        ),
        (
            "The Ukrainian delegation knows perfectly well where the real negotiations take place.",
            "Moscow had no plans to occupy Ukrainian territory.",
            NliLabel::Neutral,
        ),
        (
            "We never refused contacts with our Ukrainian colleagues.",
            "Russian forces bombed a maternity hospital in Mariupol.",
            NliLabel::Neutral,
        ),
    ];
    let pairs: Vec<(&str, &str)> = cases.iter().map(|c| (c.0, c.1)).collect();
    let scores = model().score(&pairs, &Progress::hidden()).unwrap();
    for (case, s) in cases.iter().zip(scores) {
        assert!((s.entailment + s.neutral + s.contradiction - 1.0).abs() < 1e-5);
        assert_eq!(s.label(), case.2, "{:?} → {:?}: {s:?}", case.0, case.1);
    }
}

#[test]
fn nli_command_writes_one_line_per_pair_in_input_order_and_reports_bad_rows() {
    let dir = common::temp_dir("nli");
    let tsv = dir.join("pairs.tsv");
    fs::write(
        &tsv,
        "id\tpremise\thypothesis\tlabel\n\
         007\tA dog runs through the snow.\tAn animal is outside.\tentailment\n\
         x-2\tThe minister resigned on Monday.\tThe minister did not resign.\tcontradiction\n\
         x-3\tThe hypothesis is missing here.\t\tneutral\n\
         10\tThe shop opens at nine.\tThe shop sells shoes.\t\n",
    )
    .unwrap();
    let out = common::contra(&["nli", tsv.to_str().unwrap(), "--quiet"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("contra: warning: ")
            && stderr.contains("pairs.tsv:4")
            && stderr.contains("hypothesis"),
        "{stderr}"
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["007", "x-2", "10"]);
    for line in &lines {
        let sum: f64 = ["entailment", "neutral", "contradiction"]
            .iter()
            .map(|k| line[*k].as_f64().unwrap())
            .sum();
        assert!((sum - 1.0).abs() < 1e-4);
    }
    assert_eq!(lines[1]["label"], "contradiction");

    let eval = common::contra(&["nli", tsv.to_str().unwrap(), "--eval", "--quiet"]);
    let text = String::from_utf8_lossy(&eval.stdout);
    assert!(eval.status.success());
    assert!(
        text.contains("accuracy") && text.contains("macro-F1") && text.contains("confusion"),
        "{text}"
    );
    assert!(
        text.contains("pairs 2 "),
        "only labelled rows are evaluated: {text}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sick_trial_accuracy_holds() {
    let Some(shared) = common::shared_dir() else {
        return;
    };
    let gold = shared.join("data/nli/dev/sick_trial.tsv");
    let out = common::contra(&["nli", gold.to_str().unwrap(), "--eval", "--quiet"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let accuracy: f64 = text
        .split_whitespace()
        .skip_while(|w| *w != "accuracy")
        .nth(1)
        .and_then(|v| v.parse().ok())
        .expect("an accuracy figure");
    assert!(accuracy >= 0.75, "SICK trial accuracy {accuracy}\n{text}");
}

/// `train-nli` trains the MPNet architecture too: two steps continuing the shipped model
/// write a model directory that `contra nli` loads and runs.
#[test]
fn train_nli_continues_the_mpnet_model_and_the_result_loads() {
    let dir = common::temp_dir("train-mpnet");
    let pairs = dir.join("pairs.tsv");
    fs::write(
        &pairs,
        "id\tpremise\thypothesis\tlabel\n\
         1\tThe minister resigned on Monday.\tThe minister did not resign.\tcontradiction\n\
         2\tA dog runs through the snow.\tAn animal is outside.\tentailment\n\
         3\tThe talks lasted an hour.\tThe talks were held in Antalya.\tneutral\n\
         4\tPrices rose in March.\tPrices did not rise in March.\tcontradiction\n\
         5\tA row without its hypothesis.\n",
    )
    .unwrap();
    let (out_dir, checkpoints) = (dir.join("model"), dir.join("runs"));
    let model = common::repo_path(DEFAULT_NLI_MODEL_DIR);
    let out = common::contra(&[
        "train-nli",
        "--train",
        pairs.to_str().unwrap(),
        "--dev",
        pairs.to_str().unwrap(),
        "--base-model",
        model.to_str().unwrap(),
        "--init",
        model.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--checkpoint-dir",
        checkpoints.to_str().unwrap(),
        "--batch-size",
        "2",
        "--max-steps",
        "2",
        "--eval-every",
        "2",
        "--lr",
        "1e-6",
        "--quiet",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The run's notes reach the user through the binary, warnings with its one prefix.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("contra: warning: ") && stderr.contains("pairs.tsv:6"),
        "{stderr}"
    );
    assert!(stderr.contains("training on 4 pairs per epoch"), "{stderr}");
    let config: Value =
        serde_json::from_str(&fs::read_to_string(out_dir.join("config.json")).unwrap()).unwrap();
    assert_eq!(config["model_type"], "mpnet");
    let scores = NliModel::load(&out_dir, NliConfig::default())
        .unwrap()
        .score(
            &[("Russia attacked Ukraine.", "Russia did not attack Ukraine.")],
            &Progress::hidden(),
        )
        .unwrap();
    assert_eq!(scores[0].label(), NliLabel::Contradiction, "{scores:?}");
    fs::remove_dir_all(&dir).unwrap();
}

/// A pair that repeats an earlier one (the same quote reported twice) is scored once and
/// gets exactly the first one's scores, in input order.
#[test]
fn repeated_pairs_get_their_first_occurrences_scores() {
    let a = ("Russia did not attack Ukraine.", "Russia attacked Ukraine.");
    let b = (
        "The talks lasted ninety minutes.",
        "The ministers met in Antalya.",
    );
    let model = model();
    let once = model.logits(&[a, b], &Progress::hidden()).unwrap();
    let repeated = model.logits(&[a, b, a, b, a], &Progress::hidden()).unwrap();
    assert_eq!(repeated, vec![once[0], once[1], once[0], once[1], once[0]]);
    assert_ne!(once[0], once[1]);
}

/// `--device cuda` runs on a GPU where libtorch finds one and is otherwise a clear error,
/// never a panic or a silent fall-back to the CPU.
#[test]
fn device_cuda_without_a_gpu_is_a_clear_error() {
    let dir = common::temp_dir("nli-device");
    let pairs = dir.join("pairs.tsv");
    std::fs::write(
        &pairs,
        "id\tpremise\thypothesis\n1\tIt rained.\tIt was dry.\n",
    )
    .unwrap();
    let out = common::contra(&[
        "nli",
        pairs.to_str().unwrap(),
        "--device",
        "cuda",
        "--model",
        "models/nli-minilm-l6",
        "--quiet",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        eprintln!("a CUDA GPU is present: the error case cannot be checked here");
        return;
    }
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no CUDA GPU") && stderr.contains("--device cpu"),
        "{stderr}"
    );
}

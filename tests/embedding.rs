//! The sentence embedder against a PyTorch reference, on real sentences.

mod common;

use contra::embed::{cosine, Embedder, DEFAULT_EMBED_MODEL_DIR};
use contra::options::{DeviceChoice, Precision};
use contra::progress::Progress;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    pairs: Vec<FixturePair>,
}

#[derive(Deserialize)]
struct FixturePair {
    a: String,
    b: String,
    cosine: f32,
}

fn embedder_in(precision: Precision) -> Embedder {
    Embedder::load(
        &common::repo_path(DEFAULT_EMBED_MODEL_DIR),
        precision,
        DeviceChoice::Cpu,
    )
    .expect("the embedding model is installed by scripts/setup.sh")
}

fn embedder() -> Embedder {
    embedder_in(Precision::Auto)
}

/// Every fixture pair's cosine within `tolerance` of PyTorch's fp32 reference.
fn assert_matches_reference(precision: Precision, tolerance: f32) {
    let fixture: Fixture = serde_json::from_str(
        &std::fs::read_to_string(common::repo_path("tests/fixtures/embedding_parity.json"))
            .unwrap(),
    )
    .unwrap();
    assert!(fixture.pairs.len() >= 10);
    let model = embedder_in(precision);
    assert_eq!(model.precision(), precision);
    for pair in &fixture.pairs {
        let v = model
            .embed(&[pair.a.as_str(), pair.b.as_str()], &Progress::hidden())
            .unwrap();
        let got = cosine(&v[0], &v[1]);
        assert!(
            (got - pair.cosine).abs() < tolerance,
            "{:?} / {:?}: contra {got}, reference {}",
            pair.a,
            pair.b,
            pair.cosine
        );
    }
}

#[test]
fn cosine_similarities_match_the_pytorch_reference() {
    assert_matches_reference(Precision::Fp32, 1e-4);
}

#[test]
fn bf16_cosine_similarities_stay_close_to_the_fp32_reference() {
    assert_matches_reference(Precision::Bf16, 0.02);
}

#[test]
fn embeddings_are_unit_length_and_paraphrases_beat_unrelated_sentences() {
    let model = embedder();
    let sentences = [
        "The foreign ministers met in Antalya to discuss a ceasefire.",
        "In Antalya, the two diplomats held talks about halting the fighting.",
        "The bakery on the corner sells fresh bread every morning.",
        "Kuleba said Russia was not ready to agree on a ceasefire.",
        "According to Kuleba, Moscow refused to accept a truce.",
    ];
    let v = model.embed(&sentences, &Progress::hidden()).unwrap();
    for e in &v {
        assert_eq!(e.len(), 384);
        assert!((cosine(e, e) - 1.0).abs() < 1e-4);
    }
    assert!(cosine(&v[0], &v[1]) > cosine(&v[0], &v[2]) + 0.3);
    assert!(cosine(&v[3], &v[4]) > cosine(&v[3], &v[2]) + 0.3);
}

#[test]
fn a_missing_model_directory_is_a_clear_error_with_exit_code_1() {
    let out = common::contra(&["embed", "Cargo.toml", "--model", "no/such/model-dir"]);
    // A model that cannot be loaded is a failure (1), not bad input (2): README, Exit codes.
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no/such/model-dir"), "{stderr}");
    assert!(stderr.contains("scripts/setup.sh"), "{stderr}");
}

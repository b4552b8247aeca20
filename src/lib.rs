//! contra: finds the claims that named speakers make in news articles and ranks pairs of
//! claims from different speakers by how strongly they contradict or agree, with an NLI
//! cross-encoder.
//!
//! Stages, each a module with plain-data input and output:
//! `article` → `segment` → `claims` → `embed` → `compare` (with `nli`) → `report`.
//! `nli` runs a `classifier` (BERT or `mpnet`) over `encoder` inputs; `labels` is its plain
//! output vocabulary.

pub mod article;
pub mod batch;
pub mod candidates;
pub mod claims;
pub mod classifier;
pub mod compare;
pub mod embed;
pub mod encoder;
pub mod exit_code;
pub mod input;
pub mod labels;
pub mod metrics;
pub mod mpnet;
pub mod nli;
pub mod options;
pub mod output;
pub mod pairs;
pub mod progress;
pub mod ranking;
pub mod report;
pub mod segment;
pub mod stages;
pub mod tokens;
pub mod train;

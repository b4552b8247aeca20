//! Natural language inference: the project's 3-way cross-encoder scoring premise → hypothesis.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use rust_bert::bert::BertForSequenceClassification;
use rust_tokenizers::tokenizer::BertTokenizer;
use serde::{Deserialize, Serialize};
use tch::{nn, Device, Kind, Tensor};

use crate::encoder::{self, ModelError, ModelFiles};
use crate::progress::Progress;

/// Where the model trained by `contra train-nli` is committed, relative to the checkout.
pub const DEFAULT_NLI_MODEL_DIR: &str = "models/nli-minilm-l6";

/// NLI classes in the model's output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NliLabel {
    Entailment,
    Neutral,
    Contradiction,
}

impl NliLabel {
    pub const ALL: [NliLabel; 3] = [
        NliLabel::Entailment,
        NliLabel::Neutral,
        NliLabel::Contradiction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NliLabel::Entailment => "entailment",
            NliLabel::Neutral => "neutral",
            NliLabel::Contradiction => "contradiction",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for NliLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NliLabel {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "entailment" => Ok(NliLabel::Entailment),
            "neutral" => Ok(NliLabel::Neutral),
            "contradiction" => Ok(NliLabel::Contradiction),
            other => Err(format!(
                "unknown label {other:?} (expected entailment, neutral or contradiction)"
            )),
        }
    }
}

/// Class probabilities for one premise → hypothesis pair; they sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NliScores {
    pub entailment: f32,
    pub neutral: f32,
    pub contradiction: f32,
}

impl NliScores {
    pub fn from_probabilities(p: [f32; 3]) -> Self {
        NliScores {
            entailment: p[0],
            neutral: p[1],
            contradiction: p[2],
        }
    }

    pub fn get(&self, label: NliLabel) -> f32 {
        match label {
            NliLabel::Entailment => self.entailment,
            NliLabel::Neutral => self.neutral,
            NliLabel::Contradiction => self.contradiction,
        }
    }

    /// The most probable class.
    pub fn label(&self) -> NliLabel {
        NliLabel::ALL
            .into_iter()
            .max_by(|a, b| self.get(*a).total_cmp(&self.get(*b)))
            .unwrap_or(NliLabel::Neutral)
    }
}

/// Inference settings.
#[derive(Debug, Clone)]
pub struct NliConfig {
    /// Pairs per forward pass.
    pub batch_size: usize,
    /// Tokens per pair, the longer side truncated first.
    pub max_len: usize,
}

impl Default for NliConfig {
    fn default() -> Self {
        NliConfig {
            batch_size: 32,
            max_len: 256,
        }
    }
}

/// The NLI cross-encoder, loaded once and reused for every call.
pub struct NliModel {
    model: BertForSequenceClassification,
    tokenizer: BertTokenizer,
    config: NliConfig,
    // Owns the weights the model's layers refer to.
    _vs: nn::VarStore,
}

impl NliModel {
    /// Loads `config.json`, `vocab.txt` and `model.safetensors` (fp16 or fp32) from `dir`.
    pub fn load(dir: &Path, config: NliConfig) -> Result<Self, ModelError> {
        let files = ModelFiles::locate(
            dir,
            "the NLI model ships in the repository under models/ (see models/*/MODEL_CARD.md), \
             or train one with `contra train-nli`",
        )?;
        let bert_config = files.read_config()?;
        encoder::check_nli_labels(&bert_config, &files.config)?;
        let mut vs = nn::VarStore::new(Device::Cpu);
        let model = encoder::build_classifier(&vs, &bert_config)?;
        vs.load(&files.weights)
            .map_err(|source| ModelError::Weights {
                path: files.weights.clone(),
                source,
            })?;
        // Weights ship as fp16 to stay small; loading keeps the file's precision.
        vs.float();
        Ok(NliModel {
            model,
            tokenizer: files.tokenizer()?,
            config,
            _vs: vs,
        })
    }

    /// Raw logits (entailment, neutral, contradiction) for each pair, in input order.
    pub fn logits<S: AsRef<str>>(&self, pairs: &[(S, S)], progress: &Progress) -> Vec<[f32; 3]> {
        let encoded = encoder::encode_pairs(&self.tokenizer, pairs, self.config.max_len);
        let lengths: Vec<usize> = encoded.iter().map(|p| p.ids.len()).collect();
        let mut out = vec![[0f32; 3]; pairs.len()];
        let _no_grad = tch::no_grad_guard();
        for batch in encoder::length_sorted_batches(&lengths, self.config.batch_size) {
            let members: Vec<_> = batch.iter().map(|&i| &encoded[i]).collect();
            let input = encoder::pad_batch(&members, Device::Cpu);
            let logits = self
                .model
                .forward_t(
                    Some(&input.ids),
                    Some(&input.mask),
                    Some(&input.types),
                    None,
                    None,
                    false,
                )
                .logits
                .to_kind(Kind::Float);
            let values = tensor_rows(&logits);
            for (&i, row) in batch.iter().zip(values) {
                out[i] = row;
            }
            progress.inc(batch.len() as u64);
        }
        out
    }

    /// Class probabilities for each (premise, hypothesis) pair, in input order.
    pub fn score<S: AsRef<str>>(&self, pairs: &[(S, S)], progress: &Progress) -> Vec<NliScores> {
        self.logits(pairs, progress)
            .into_iter()
            .map(|l| NliScores::from_probabilities(softmax(l)))
            .collect()
    }
}

fn tensor_rows(t: &Tensor) -> Vec<[f32; 3]> {
    let flat: Vec<f32> = Vec::<f32>::try_from(t.flatten(0, -1)).unwrap_or_default();
    flat.chunks_exact(3).map(|c| [c[0], c[1], c[2]]).collect()
}

pub fn softmax(logits: [f32; 3]) -> [f32; 3] {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp = logits.map(|l| (l - max).exp());
    let sum: f32 = exp.iter().sum();
    exp.map(|e| e / sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let p = softmax([2.0, 0.5, -1.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[0] > p[1] && p[1] > p[2]);
    }

    #[test]
    fn labels_parse_case_insensitively_and_reject_others() {
        assert_eq!(
            "Contradiction".parse::<NliLabel>(),
            Ok(NliLabel::Contradiction)
        );
        assert!("hidden".parse::<NliLabel>().is_err());
        assert_eq!(
            NliScores::from_probabilities([0.1, 0.2, 0.7]).label(),
            NliLabel::Contradiction
        );
    }
}

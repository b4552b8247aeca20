//! Natural language inference: the project's 3-way cross-encoder scoring premise → hypothesis.
//! The model directory's `config.json` chooses the architecture (BERT/MiniLM or MPNet).

use std::collections::HashMap;
use std::path::Path;

use tch::{nn, Device, Kind, Tensor};

use crate::classifier::SequenceClassifier;
use crate::encoder::{self, ModelError, ModelFiles, PairTokenizer};
use crate::progress::Progress;

pub use crate::labels::{softmax, NliLabel, NliScores};

use crate::options::{DeviceChoice, DEFAULT_DEVICE, DEFAULT_NLI_BATCH_SIZE, DEFAULT_NLI_MAX_LEN};
pub use crate::options::{Precision, DEFAULT_NLI_MODEL_DIR, DEFAULT_PRECISION};

/// Inference settings.
#[derive(Debug, Clone)]
pub struct NliConfig {
    /// Pairs per forward pass.
    pub batch_size: usize,
    /// Tokens per pair, the longer side truncated first; capped at what the model's position
    /// embeddings allow.
    pub max_len: usize,
    pub precision: Precision,
    pub device: DeviceChoice,
}

impl Default for NliConfig {
    fn default() -> Self {
        NliConfig {
            batch_size: DEFAULT_NLI_BATCH_SIZE,
            max_len: DEFAULT_NLI_MAX_LEN,
            precision: DEFAULT_PRECISION,
            device: DEFAULT_DEVICE,
        }
    }
}

/// The NLI cross-encoder, loaded once and reused for every call.
pub struct NliModel {
    model: SequenceClassifier,
    tokenizer: PairTokenizer,
    config: NliConfig,
    device: Device,
    // Owns the weights the model's layers refer to.
    _vs: nn::VarStore,
}

impl NliModel {
    /// Loads `config.json`, `vocab.txt` and `model.safetensors` (fp16 or fp32) from `dir`.
    pub fn load(dir: &Path, mut config: NliConfig) -> Result<Self, ModelError> {
        let files = ModelFiles::locate(
            dir,
            "the NLI models ship in the repository under models/ (see models/*/MODEL_CARD.md), \
             or train one with `contra train-nli`",
        )?;
        let model_config = files.read_config()?;
        model_config.check_nli_labels()?;
        let device = encoder::resolve_device(config.device)?;
        let mut vs = nn::VarStore::new(device);
        let model = SequenceClassifier::new(&vs, &model_config)?;
        vs.load(&files.weights)
            .map_err(|source| ModelError::Weights {
                path: files.weights.clone(),
                source,
            })?;
        // Weights ship as fp16 to stay small; loading keeps the file's precision.
        config.precision = config.precision.resolve(device.is_cuda());
        if config.precision == Precision::Bf16 {
            vs.bfloat16()
        } else {
            vs.float()
        }
        let architecture = model_config.architecture;
        config.max_len = config
            .max_len
            .min(architecture.max_tokens(&model_config.json));
        Ok(NliModel {
            model,
            tokenizer: PairTokenizer::load(&files.vocab, architecture)?,
            config,
            device,
            _vs: vs,
        })
    }

    /// The precision inference runs in (`auto` resolved for this machine).
    pub fn precision(&self) -> Precision {
        self.config.precision
    }

    /// Raw logits (entailment, neutral, contradiction) for each pair, in input order. A pair
    /// that repeats an earlier one (the same quote reported twice) is scored once.
    pub fn logits<S: AsRef<str>>(
        &self,
        pairs: &[(S, S)],
        progress: &Progress,
    ) -> Result<Vec<[f32; 3]>, ModelError> {
        let mut first_of: HashMap<(&str, &str), usize> = HashMap::new();
        let mut distinct: Vec<(&str, &str)> = Vec::new();
        let slots: Vec<usize> = pairs
            .iter()
            .map(|(a, b)| {
                *first_of.entry((a.as_ref(), b.as_ref())).or_insert_with(|| {
                    distinct.push((a.as_ref(), b.as_ref()));
                    distinct.len() - 1
                })
            })
            .collect();
        progress.inc((pairs.len() - distinct.len()) as u64);
        let scored = self.distinct_logits(&distinct, progress)?;
        Ok(slots.into_iter().map(|slot| scored[slot]).collect())
    }

    fn distinct_logits(
        &self,
        pairs: &[(&str, &str)],
        progress: &Progress,
    ) -> Result<Vec<[f32; 3]>, ModelError> {
        let encoded = self.tokenizer.encode_pairs(pairs, self.config.max_len);
        let lengths: Vec<usize> = encoded.iter().map(|p| p.ids.len()).collect();
        let mut out = vec![[0f32; 3]; pairs.len()];
        let _no_grad = tch::no_grad_guard();
        for batch in encoder::length_sorted_batches(&lengths, self.config.batch_size) {
            let members: Vec<_> = batch.iter().map(|&i| &encoded[i]).collect();
            let input = encoder::pad_batch(&members, self.tokenizer.pad_id(), self.device);
            let rows = tensor_rows(&self.model.forward_t(&input, false))?;
            for (&i, row) in batch.iter().zip(rows) {
                out[i] = row;
            }
            progress.inc(batch.len() as u64);
        }
        Ok(out)
    }

    /// Class probabilities for each (premise, hypothesis) pair, in input order.
    pub fn score<S: AsRef<str>>(
        &self,
        pairs: &[(S, S)],
        progress: &Progress,
    ) -> Result<Vec<NliScores>, ModelError> {
        Ok(self
            .logits(pairs, progress)?
            .into_iter()
            .map(|l| NliScores::from_probabilities(softmax(l)))
            .collect())
    }
}

/// The rows of a (batch, 3) logits tensor; non-finite logits mean damaged weights.
fn tensor_rows(t: &Tensor) -> Result<Vec<[f32; 3]>, ModelError> {
    let flat = Vec::<f32>::try_from(t.to_kind(Kind::Float).flatten(0, -1))
        .map_err(|e| ModelError::Model(format!("reading logits: {e}")))?;
    if flat.iter().any(|v| !v.is_finite()) {
        return Err(ModelError::Model(
            "the model produced non-finite scores: its weights are damaged; \
             restore the model directory (git checkout models/) or retrain it"
                .into(),
        ));
    }
    Ok(flat.chunks_exact(3).map(|c| [c[0], c[1], c[2]]).collect())
}

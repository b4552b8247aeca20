//! MPNet (Song et al. 2020) for sequence classification, written in tch in the style of
//! rust-bert's models, which has no MPNet. It mirrors transformers' `MPNetModel` and
//! `MPNetForSequenceClassification` tensor for tensor, so the weights load by name:
//!
//! - BERT-shaped layers (`attention.attn.{q,k,v,o}`, post-LayerNorm residuals, GELU);
//! - no token types; position ids count non-padding tokens and start after the padding index,
//!   as in RoBERTa;
//! - a relative position bias (32 log-spaced buckets per head) computed once per forward pass
//!   and added to the attention scores of every layer;
//! - a classification head on the first token: dropout, dense, tanh, dropout, projection.

use serde::Deserialize;
use tch::nn::{self, Module};
use tch::{Kind, Tensor};

/// The fields of an MPNet `config.json` that the model needs.
#[derive(Debug, Clone, Deserialize)]
pub struct MpnetConfig {
    pub vocab_size: i64,
    pub hidden_size: i64,
    pub num_hidden_layers: i64,
    pub num_attention_heads: i64,
    pub intermediate_size: i64,
    pub max_position_embeddings: i64,
    pub relative_attention_num_buckets: i64,
    pub layer_norm_eps: f64,
    pub hidden_dropout_prob: f64,
    pub attention_probs_dropout_prob: f64,
    pub pad_token_id: i64,
    #[serde(default)]
    pub hidden_act: Option<String>,
}

/// Largest distance the relative buckets tell apart; farther tokens share the last bucket.
const MAX_RELATIVE_DISTANCE: f64 = 128.0;

struct Embeddings {
    word: nn::Embedding,
    position: nn::Embedding,
    layer_norm: nn::LayerNorm,
    dropout: f64,
    padding_idx: i64,
}

impl Embeddings {
    fn new(p: nn::Path, config: &MpnetConfig) -> Self {
        let embedding = |name: &str, rows: i64| {
            nn::embedding(&p / name, rows, config.hidden_size, Default::default())
        };
        Embeddings {
            word: embedding("word_embeddings", config.vocab_size),
            position: embedding("position_embeddings", config.max_position_embeddings),
            layer_norm: layer_norm(&p / "LayerNorm", config),
            dropout: config.hidden_dropout_prob,
            padding_idx: config.pad_token_id,
        }
    }

    fn forward_t(&self, ids: &Tensor, train: bool) -> Tensor {
        // Positions count the real tokens: 2, 3, … after the padding index 1; padding stays 1.
        let real = ids.ne(self.padding_idx).to_kind(Kind::Int64);
        let positions = real.cumsum(1, Kind::Int64) * &real + self.padding_idx;
        let embedded = self.word.forward(ids) + self.position.forward(&positions);
        self.layer_norm
            .forward(&embedded)
            .dropout(self.dropout, train)
    }
}

struct Layer {
    q: nn::Linear,
    k: nn::Linear,
    v: nn::Linear,
    o: nn::Linear,
    attention_norm: nn::LayerNorm,
    intermediate: nn::Linear,
    output: nn::Linear,
    output_norm: nn::LayerNorm,
    heads: i64,
    hidden_dropout: f64,
    attention_dropout: f64,
}

impl Layer {
    fn new(p: nn::Path, config: &MpnetConfig) -> Self {
        let attention = &p / "attention";
        let attn = &attention / "attn";
        let linear =
            |path: nn::Path, from: i64, to: i64| nn::linear(path, from, to, Default::default());
        let h = config.hidden_size;
        Layer {
            q: linear(&attn / "q", h, h),
            k: linear(&attn / "k", h, h),
            v: linear(&attn / "v", h, h),
            o: linear(&attn / "o", h, h),
            attention_norm: layer_norm(&attention / "LayerNorm", config),
            intermediate: linear(&p / "intermediate" / "dense", h, config.intermediate_size),
            output: linear(&p / "output" / "dense", config.intermediate_size, h),
            output_norm: layer_norm(&p / "output" / "LayerNorm", config),
            heads: config.num_attention_heads,
            hidden_dropout: config.hidden_dropout_prob,
            attention_dropout: config.attention_probs_dropout_prob,
        }
    }

    /// `padding` is true at padded key positions, shaped (batch, 1, 1, keys).
    fn forward_t(&self, hidden: &Tensor, padding: &Tensor, bias: &Tensor, train: bool) -> Tensor {
        let (batch, len, width) = hidden
            .size3()
            .expect("hidden states are (batch, len, width)");
        let head_width = width / self.heads;
        let split = |x: Tensor| {
            x.view([batch, len, self.heads, head_width])
                .permute([0, 2, 1, 3])
        };
        let q = split(self.q.forward(hidden));
        let k = split(self.k.forward(hidden));
        let v = split(self.v.forward(hidden));
        let scores = q.matmul(&k.transpose(-1, -2)) / (head_width as f64).sqrt() + bias;
        let probs = scores
            .masked_fill(padding, f64::NEG_INFINITY)
            .softmax(-1, scores.kind())
            .dropout(self.attention_dropout, train);
        let context = probs
            .matmul(&v)
            .permute([0, 2, 1, 3])
            .contiguous()
            .view([batch, len, width]);
        let attended = self
            .attention_norm
            .forward(&(self.o.forward(&context).dropout(self.hidden_dropout, train) + hidden));
        let expanded = self.intermediate.forward(&attended).gelu("none");
        self.output_norm.forward(
            &(self
                .output
                .forward(&expanded)
                .dropout(self.hidden_dropout, train)
                + attended),
        )
    }
}

/// The bucket of each relative distance `key - query`, as transformers computes it: half the
/// buckets for keys before the query, half after; exact up to 8 tokens, log-spaced beyond.
fn relative_buckets(len: i64, buckets: i64) -> Tensor {
    let positions = Tensor::arange(len, (Kind::Int64, tch::Device::Cpu));
    let relative = positions.unsqueeze(0) - positions.unsqueeze(1);
    let n = -relative;
    let half = buckets / 2;
    let max_exact = half / 2;
    let sign = n.lt(0).to_kind(Kind::Int64) * half;
    let n = n.abs();
    let large = ((n.to_kind(Kind::Float) / max_exact as f64).log()
        / (MAX_RELATIVE_DISTANCE / max_exact as f64).ln()
        * (half - max_exact) as f64)
        .to_kind(Kind::Int64)
        + max_exact;
    let large = large.clamp_max(half - 1);
    sign + n.where_self(&n.lt(max_exact), &large)
}

/// The MPNet encoder without the masked-LM and pooler heads.
pub struct MpnetModel {
    embeddings: Embeddings,
    layers: Vec<Layer>,
    relative_bias: nn::Embedding,
    buckets: i64,
}

impl MpnetModel {
    pub fn new(p: nn::Path, config: &MpnetConfig) -> Self {
        let encoder = &p / "encoder";
        let layers = (0..config.num_hidden_layers)
            .map(|i| Layer::new(&encoder / "layer" / i, config))
            .collect();
        MpnetModel {
            embeddings: Embeddings::new(&p / "embeddings", config),
            layers,
            relative_bias: nn::embedding(
                &encoder / "relative_attention_bias",
                config.relative_attention_num_buckets,
                config.num_attention_heads,
                Default::default(),
            ),
            buckets: config.relative_attention_num_buckets,
        }
    }

    /// Hidden states of the last layer, (batch, len, hidden), for token ids and a 0/1
    /// attention mask of the same shape.
    pub fn forward_t(&self, ids: &Tensor, mask: &Tensor, train: bool) -> Tensor {
        let len = ids.size()[1];
        let mut hidden = self.embeddings.forward_t(ids, train);
        // (len, len, heads) -> (1, heads, len, len), shared by every layer and batch row.
        let bias = self
            .relative_bias
            .forward(&relative_buckets(len, self.buckets).to_device(ids.device()))
            .permute([2, 0, 1])
            .unsqueeze(0)
            .to_kind(hidden.kind());
        let padding = mask.eq(0).unsqueeze(1).unsqueeze(1);
        for layer in &self.layers {
            hidden = layer.forward_t(&hidden, &padding, &bias, train);
        }
        hidden
    }
}

/// MPNet with transformers' classification head, for NLI.
pub struct MpnetForSequenceClassification {
    mpnet: MpnetModel,
    dense: nn::Linear,
    out_proj: nn::Linear,
    dropout: f64,
}

impl MpnetForSequenceClassification {
    pub fn new(p: nn::Path, config: &MpnetConfig, labels: i64) -> Self {
        let head = &p / "classifier";
        let h = config.hidden_size;
        MpnetForSequenceClassification {
            mpnet: MpnetModel::new(&p / "mpnet", config),
            dense: nn::linear(&head / "dense", h, h, Default::default()),
            out_proj: nn::linear(&head / "out_proj", h, labels, Default::default()),
            dropout: config.hidden_dropout_prob,
        }
    }

    /// Logits, (batch, labels).
    pub fn forward_t(&self, ids: &Tensor, mask: &Tensor, train: bool) -> Tensor {
        let first = self.mpnet.forward_t(ids, mask, train).select(1, 0);
        let x = self
            .dense
            .forward(&first.dropout(self.dropout, train))
            .tanh();
        self.out_proj.forward(&x.dropout(self.dropout, train))
    }
}

fn layer_norm(p: nn::Path, config: &MpnetConfig) -> nn::LayerNorm {
    let ln_config = nn::LayerNormConfig {
        eps: config.layer_norm_eps,
        ..Default::default()
    };
    nn::layer_norm(p, vec![config.hidden_size], ln_config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_buckets_match_transformers() {
        // transformers' MPNetEncoder.relative_position_bucket(arange(140) differences, 32):
        // keys after the query take the upper half (exact up to 8 tokens, then log-spaced up
        // to 128), keys before it the lower half.
        let buckets = relative_buckets(140, 32);
        let from_first = Vec::<i64>::try_from(buckets.select(0, 0)).unwrap();
        assert_eq!(
            &from_first[..20],
            &[0, 17, 18, 19, 20, 21, 22, 23, 24, 24, 24, 24, 25, 25, 25, 25, 26, 26, 26, 26]
        );
        assert_eq!(from_first[139], 31);
        let from_last = Vec::<i64>::try_from(buckets.select(0, 139)).unwrap();
        assert_eq!((from_last[139], from_last[138], from_last[0]), (0, 1, 15));
    }
}

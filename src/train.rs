//! `contra train-nli`: fine-tunes an encoder (BERT/MiniLM or MPNet, as its `config.json`
//! says) into the 3-way NLI cross-encoder, with tch autograd on `SequenceClassifier`.
//!
//! AdamW (decoupled weight decay, none on biases and LayerNorm), linear warm-up then linear
//! decay, gradient-norm clipping, dropout on, length-bucketed dynamic padding and a fixed
//! seed. The optimiser is written here rather than taken from tch so that its moments can be
//! checkpointed: a run stopped at any point resumes exactly where its last checkpoint was.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use tch::{nn, Device, Kind, Tensor};

use crate::classifier::SequenceClassifier;
use crate::encoder::{self, EncodedPair, ModelConfig, ModelError, PairTokenizer};
use crate::labels::NliLabel;
use crate::metrics::{Confusion, Evaluation};
pub use crate::options::TrainSource;
use crate::pairs::{self, RowProblem};
use crate::progress::Progress;

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error(transparent)]
    Pairs(#[from] pairs::PairsError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Tensor {
        path: PathBuf,
        #[source]
        source: tch::TchError,
    },
    #[error("{0}")]
    Invalid(String),
}

/// Everything that defines a training run; saved with checkpoints and the model card.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrainConfig {
    pub base_model: PathBuf,
    /// A trained NLI model to continue from (classifier included) instead of the bare base
    /// encoder: the second stage of a curriculum.
    #[serde(default)]
    pub init_from: Option<PathBuf>,
    pub train: Vec<TrainSource>,
    pub dev: Vec<PathBuf>,
    pub out_dir: PathBuf,
    pub checkpoint_dir: PathBuf,
    pub epochs: usize,
    pub batch_size: usize,
    pub lr: f64,
    pub warmup: f64,
    pub weight_decay: f64,
    pub max_len: usize,
    pub seed: u64,
    pub bf16: bool,
    pub eval_every: Option<usize>,
    pub checkpoint_every: usize,
    pub max_steps: Option<usize>,
}

/// Where a run stands; written with every checkpoint.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct RunState {
    epoch: usize,
    batch_in_epoch: usize,
    global_step: usize,
    best_score: Option<f64>,
    best_at_step: Option<usize>,
    history: Vec<EvalRecord>,
    train_seconds: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct EvalRecord {
    step: usize,
    epoch: f64,
    results: Vec<(String, f64, f64)>,
}

/// What `train` reports when it returns.
#[derive(Debug, Clone, Serialize)]
pub struct TrainSummary {
    pub steps: usize,
    pub pairs_per_second: f64,
    pub best_score: Option<f64>,
    pub stopped_early: bool,
}

const BETA1: f64 = 0.9;
const BETA2: f64 = 0.999;
const EPS: f64 = 1e-6;
const CLIP_NORM: f64 = 1.0;
const LOG_EVERY: usize = 50;

/// What a training run tells as it goes, for the caller to show: the library prints no
/// warnings of its own.
#[derive(Debug)]
pub enum TrainNote<'a> {
    /// Rows of a pair file that cannot be used, skipped.
    RowsSkipped {
        path: &'a Path,
        problems: &'a [RowProblem],
    },
    /// A training source and the labelled pairs read from it.
    Source {
        path: &'a Path,
        pairs: usize,
        weight: f64,
    },
    Resuming {
        dir: &'a Path,
        epoch: usize,
        batch: usize,
        step: usize,
    },
    /// `--resume` found no checkpoint.
    NoCheckpoint { dir: &'a Path },
    Plan {
        pairs_per_epoch: usize,
        batches: usize,
        batch_size: usize,
        epochs: usize,
        steps: usize,
        warmup: usize,
    },
}

impl fmt::Display for TrainNote<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainNote::RowsSkipped { path, problems } => {
                write!(f, "{}: {} rows skipped", path.display(), problems.len())
            }
            TrainNote::Source {
                path,
                pairs,
                weight,
            } => write!(f, "  {pairs:>7} pairs × {weight:<4} {}", path.display()),
            TrainNote::Resuming {
                dir,
                epoch,
                batch,
                step,
            } => write!(
                f,
                "resuming from {} at epoch {epoch}, batch {batch} (step {step})",
                dir.display()
            ),
            TrainNote::NoCheckpoint { dir } => {
                write!(f, "no checkpoint in {}: starting afresh", dir.display())
            }
            TrainNote::Plan {
                pairs_per_epoch,
                batches,
                batch_size,
                epochs,
                steps,
                warmup,
            } => write!(
                f,
                "training on {pairs_per_epoch} pairs per epoch ({batches} batches of \
                 {batch_size}), {epochs} epochs, {steps} steps, warm-up {warmup}"
            ),
        }
    }
}

/// Trains the model `config` describes; `note` receives what the run tells as it goes.
pub fn train(
    config: &TrainConfig,
    resume: bool,
    progress_visible: bool,
    note: &mut dyn FnMut(TrainNote),
) -> Result<TrainSummary, TrainError> {
    tch::manual_seed(config.seed as i64);
    if let Some(init) = &config.init_from {
        let same = fs::canonicalize(init)
            .ok()
            .is_some_and(|init| fs::canonicalize(&config.out_dir).is_ok_and(|out| out == init));
        if same {
            return Err(TrainError::Invalid(format!(
                "--init {} is also the --out directory; copy the starting model elsewhere first",
                init.display()
            )));
        }
    }
    let base = encoder::ModelFiles::locate(
        &config.base_model,
        "run scripts/setup.sh to install the base model",
    )?;
    let model_config = base.read_config()?.with_nli_labels();
    let architecture = model_config.architecture;
    let tokenizer = PairTokenizer::load(&base.vocab, architecture)?;

    let mut vs = nn::VarStore::new(Device::Cpu);
    let model = SequenceClassifier::new(&vs, &model_config)?;
    let state_path = config.checkpoint_dir.join("state.json");
    let mut state = if resume && state_path.is_file() {
        let state: RunState = read_json(&state_path)?;
        load_into(
            &mut vs,
            &config.checkpoint_dir.join("model.safetensors"),
            "",
        )?;
        note(TrainNote::Resuming {
            dir: &config.checkpoint_dir,
            epoch: state.epoch + 1,
            batch: state.batch_in_epoch,
            step: state.global_step,
        });
        state
    } else {
        if resume {
            note(TrainNote::NoCheckpoint {
                dir: &config.checkpoint_dir,
            });
        }
        match &config.init_from {
            Some(dir) => load_into(&mut vs, &dir.join("model.safetensors"), "")?,
            None => load_into(&mut vs, &base.weights, architecture.weight_prefix())?,
        }
        RunState::default()
    };
    let mut optimizer = AdamW::new(&vs, config.weight_decay);
    if resume && state.global_step > 0 {
        optimizer.load(&config.checkpoint_dir.join("optimizer.safetensors"))?;
    }
    if config.bf16 {
        vs.bfloat16();
    }

    let train_set = load_training_data(config, &tokenizer, note)?;
    let dev_sets = config
        .dev
        .iter()
        .map(|path| load_eval_set(path, &tokenizer, config.max_len, note))
        .collect::<Result<Vec<_>, _>>()?;

    let batches_per_epoch = epoch_batches(&train_set, config, 0).len();
    let total_steps = batches_per_epoch * config.epochs;
    let warmup_steps = ((total_steps as f64) * config.warmup).round() as usize;
    note(TrainNote::Plan {
        pairs_per_epoch: train_set.epoch_size(),
        batches: batches_per_epoch,
        batch_size: config.batch_size,
        epochs: config.epochs,
        steps: total_steps,
        warmup: warmup_steps,
    });
    fs::create_dir_all(&config.checkpoint_dir).map_err(|source| TrainError::Io {
        path: config.checkpoint_dir.clone(),
        source,
    })?;
    write_json(&config.checkpoint_dir.join("config.json"), config)?;

    let progress = Progress::new(progress_visible, total_steps as u64, "train-nli");
    progress.set_position(state.global_step as u64);
    let started = Instant::now();
    let seconds_before = state.train_seconds;
    let mut pairs_seen = 0usize;
    let mut loss_ema: Option<f64> = None;
    let mut stopped_early = false;

    'epochs: while state.epoch < config.epochs {
        let batches = epoch_batches(&train_set, config, state.epoch);
        while state.batch_in_epoch < batches.len() {
            if config.max_steps.is_some_and(|max| state.global_step >= max) {
                stopped_early = true;
                break 'epochs;
            }
            let batch = &batches[state.batch_in_epoch];
            let lr = scheduled_lr(config.lr, state.global_step, warmup_steps, total_steps);
            let loss = training_step(&model, &mut optimizer, &train_set, batch, lr);
            state.global_step += 1;
            state.batch_in_epoch += 1;
            pairs_seen += batch.len();
            loss_ema = Some(loss_ema.map_or(loss, |e| 0.98 * e + 0.02 * loss));
            let elapsed = started.elapsed().as_secs_f64();
            let rate = pairs_seen as f64 / elapsed.max(1e-9);
            progress.inc(1);
            progress.set_status(format!(
                "loss {:.4} {:.1} pairs/s",
                loss_ema.unwrap_or(loss),
                rate
            ));
            if state.global_step % LOG_EVERY == 0 {
                let line = serde_json::json!({
                    "step": state.global_step, "epoch": state.epoch + 1,
                    "loss": loss_ema, "lr": lr, "pairs_per_s": rate,
                    "train_seconds": seconds_before + elapsed,
                });
                progress.println(line.to_string());
                append_line(&config.checkpoint_dir.join("log.jsonl"), &line.to_string())?;
            }
            let epoch_done = state.batch_in_epoch == batches.len();
            if epoch_done {
                state.epoch += 1;
                state.batch_in_epoch = 0;
            }
            let eval_now = epoch_done
                || config
                    .eval_every
                    .is_some_and(|every| state.global_step % every == 0);
            if eval_now {
                state.train_seconds = seconds_before + started.elapsed().as_secs_f64();
                evaluate_and_keep_best(
                    config,
                    &model,
                    &optimizer,
                    &model_config,
                    &dev_sets,
                    &mut state,
                    batches.len(),
                    &progress,
                )?;
            }
            if eval_now || state.global_step % config.checkpoint_every == 0 {
                state.train_seconds = seconds_before + started.elapsed().as_secs_f64();
                save_checkpoint(config, &optimizer, &state)?;
            }
            if epoch_done {
                continue 'epochs;
            }
        }
    }
    state.train_seconds = seconds_before + started.elapsed().as_secs_f64();
    save_checkpoint(config, &optimizer, &state)?;
    progress.finish();
    Ok(TrainSummary {
        steps: state.global_step,
        pairs_per_second: pairs_seen as f64 / started.elapsed().as_secs_f64().max(1e-9),
        best_score: state.best_score,
        stopped_early,
    })
}

fn training_step(
    model: &SequenceClassifier,
    optimizer: &mut AdamW,
    data: &TrainingData,
    batch: &[usize],
    lr: f64,
) -> f64 {
    let members: Vec<&EncodedPair> = batch.iter().map(|&i| &data.pairs[i]).collect();
    let input = encoder::pad_batch(&members, data.pad_id, Device::Cpu);
    let labels: Vec<i64> = batch
        .iter()
        .map(|&i| data.labels[i].index() as i64)
        .collect();
    let labels = Tensor::from_slice(&labels);
    let loss = model
        .forward_t(&input, true)
        .cross_entropy_for_logits(&labels);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step(lr);
    loss.double_value(&[])
}

fn scheduled_lr(peak: f64, step: usize, warmup: usize, total: usize) -> f64 {
    if step < warmup {
        peak * (step + 1) as f64 / warmup as f64
    } else {
        let remaining = total.saturating_sub(step) as f64;
        peak * remaining / (total - warmup).max(1) as f64
    }
}

/// AdamW with fp32 master weights; with `--bf16` the model computes in bfloat16 and this
/// keeps the fp32 copy that updates are applied to.
struct AdamW {
    params: Vec<Param>,
    step: i64,
    weight_decay: f64,
}

struct Param {
    name: String,
    model: Tensor,
    master: Tensor,
    m: Tensor,
    v: Tensor,
    decay: bool,
}

impl AdamW {
    fn new(vs: &nn::VarStore, weight_decay: f64) -> Self {
        let mut named: Vec<(String, Tensor)> = vs.variables().into_iter().collect();
        named.sort_by(|a, b| a.0.cmp(&b.0));
        let params = named
            .into_iter()
            .map(|(name, model)| {
                let master = tch::no_grad(|| model.detach().copy());
                let decay =
                    weight_decay > 0.0 && !(name.ends_with("bias") || name.contains("LayerNorm"));
                Param {
                    m: master.zeros_like(),
                    v: master.zeros_like(),
                    name,
                    model,
                    master,
                    decay,
                }
            })
            .collect();
        AdamW {
            params,
            step: 0,
            weight_decay,
        }
    }

    /// The fp32 weights by variable name, in name order.
    fn masters(&self) -> impl Iterator<Item = (&str, &Tensor)> {
        self.params.iter().map(|p| (p.name.as_str(), &p.master))
    }

    fn zero_grad(&mut self) {
        for p in &mut self.params {
            p.model.zero_grad();
        }
    }

    fn step(&mut self, lr: f64) {
        let weight_decay = self.weight_decay;
        self.step += 1;
        let bias1 = 1.0 - BETA1.powi(self.step as i32);
        let bias2 = 1.0 - BETA2.powi(self.step as i32);
        tch::no_grad(|| {
            let grads: Vec<Option<Tensor>> = self
                .params
                .iter()
                .map(|p| {
                    let g = p.model.grad();
                    g.defined().then(|| g.to_kind(Kind::Float))
                })
                .collect();
            let norm_sq: f64 = grads
                .iter()
                .flatten()
                .map(|g| g.square().sum(Kind::Float).double_value(&[]))
                .sum();
            let scale = (CLIP_NORM / (norm_sq.sqrt() + 1e-6)).min(1.0);
            for (p, g) in self.params.iter_mut().zip(grads) {
                let Some(g) = g else { continue };
                let g = if scale < 1.0 { g * scale } else { g };
                let _ = p.m.g_mul_scalar_(BETA1).g_add_(&(&g * (1.0 - BETA1)));
                let _ =
                    p.v.g_mul_scalar_(BETA2)
                        .g_add_(&(g.square() * (1.0 - BETA2)));
                let update = (&p.m / bias1) / ((&p.v / bias2).sqrt() + EPS);
                if p.decay {
                    let _ = p.master.g_mul_scalar_(1.0 - lr * weight_decay);
                }
                let _ = p.master.g_add_(&(update * -lr));
                p.model.copy_(&p.master);
            }
        });
    }

    fn save(&self, path: &Path) -> Result<(), TrainError> {
        let mut tensors: Vec<(String, &Tensor)> = Vec::with_capacity(self.params.len() * 2);
        for p in &self.params {
            tensors.push((format!("m.{}", p.name), &p.m));
            tensors.push((format!("v.{}", p.name), &p.v));
        }
        let step = Tensor::from_slice(&[self.step]);
        tensors.push(("step".to_string(), &step));
        Tensor::write_safetensors(&tensors, path).map_err(|source| TrainError::Tensor {
            path: path.to_path_buf(),
            source,
        })
    }

    fn load(&mut self, path: &Path) -> Result<(), TrainError> {
        let tensor_error = |source| TrainError::Tensor {
            path: path.to_path_buf(),
            source,
        };
        let saved: HashMap<String, Tensor> = Tensor::read_safetensors(path)
            .map_err(tensor_error)?
            .into_iter()
            .collect();
        let missing =
            |name: &str| TrainError::Invalid(format!("{}: no tensor {name}", path.display()));
        tch::no_grad(|| -> Result<(), TrainError> {
            for p in &mut self.params {
                let m = saved
                    .get(&format!("m.{}", p.name))
                    .ok_or_else(|| missing(&p.name))?;
                let v = saved
                    .get(&format!("v.{}", p.name))
                    .ok_or_else(|| missing(&p.name))?;
                p.m.copy_(m);
                p.v.copy_(v);
                p.master.copy_(&p.model.to_kind(Kind::Float));
            }
            Ok(())
        })?;
        self.step = saved
            .get("step")
            .ok_or_else(|| missing("step"))?
            .int64_value(&[0]);
        Ok(())
    }
}

/// Tokenized training pairs with their labels and the source each came from.
struct TrainingData {
    pad_id: i64,
    pairs: Vec<EncodedPair>,
    labels: Vec<NliLabel>,
    /// (first index, count, weight) of each source's pairs.
    sources: Vec<(usize, usize, f64)>,
}

impl TrainingData {
    fn epoch_size(&self) -> usize {
        self.sources
            .iter()
            .map(|&(_, n, w)| (n as f64 * w).round() as usize)
            .sum()
    }
}

fn load_training_data(
    config: &TrainConfig,
    tokenizer: &PairTokenizer,
    note: &mut dyn FnMut(TrainNote),
) -> Result<TrainingData, TrainError> {
    let mut data = TrainingData {
        pad_id: tokenizer.pad_id(),
        pairs: Vec::new(),
        labels: Vec::new(),
        sources: Vec::new(),
    };
    for source in &config.train {
        let file = pairs::read_pair_file(&source.path)?;
        note_problems(&source.path, &file.problems, note);
        let labelled: Vec<_> = file
            .pairs
            .into_iter()
            .filter(|p| p.label.is_some())
            .collect();
        if labelled.is_empty() {
            return Err(TrainError::Invalid(format!(
                "{} has no labelled pairs to train on",
                source.path.display()
            )));
        }
        let texts: Vec<(&str, &str)> = labelled
            .iter()
            .map(|p| (p.premise.as_str(), p.hypothesis.as_str()))
            .collect();
        let first = data.pairs.len();
        data.pairs
            .extend(tokenizer.encode_pairs(&texts, config.max_len));
        data.labels.extend(labelled.iter().filter_map(|p| p.label));
        data.sources.push((first, labelled.len(), source.weight));
        note(TrainNote::Source {
            path: &source.path,
            pairs: labelled.len(),
            weight: source.weight,
        });
    }
    Ok(data)
}

fn note_problems(path: &Path, problems: &[RowProblem], note: &mut dyn FnMut(TrainNote)) {
    if !problems.is_empty() {
        note(TrainNote::RowsSkipped { path, problems });
    }
}

/// The batches of one epoch, reproducible from (seed, epoch) so a resumed run continues
/// the same order. Pairs are shuffled, grouped into pools of 50 batches, sorted by length
/// inside each pool (little padding), cut into batches, and the batches shuffled.
fn epoch_batches(data: &TrainingData, config: &TrainConfig, epoch: usize) -> Vec<Vec<usize>> {
    let mut rng = SplitMix64::new(config.seed ^ (epoch as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut chosen = Vec::with_capacity(data.epoch_size());
    for &(first, count, weight) in &data.sources {
        let whole = weight.floor() as usize;
        for _ in 0..whole {
            chosen.extend(first..first + count);
        }
        let extra = ((weight - whole as f64) * count as f64).round() as usize;
        let mut indices: Vec<usize> = (first..first + count).collect();
        rng.shuffle(&mut indices);
        chosen.extend_from_slice(&indices[..extra.min(count)]);
    }
    rng.shuffle(&mut chosen);
    let batch_size = config.batch_size.max(1);
    let mut batches = Vec::with_capacity(chosen.len() / batch_size + 1);
    for pool in chosen.chunks_mut(batch_size * 50) {
        pool.sort_by_key(|&i| data.pairs[i].ids.len());
        batches.extend(pool.chunks(batch_size).map(<[usize]>::to_vec));
    }
    rng.shuffle(&mut batches);
    batches
}

/// A labelled dev set, tokenized once.
pub struct EvalSet {
    pub name: String,
    pub pad_id: i64,
    pub pairs: Vec<EncodedPair>,
    pub labels: Vec<NliLabel>,
}

fn load_eval_set(
    path: &Path,
    tokenizer: &PairTokenizer,
    max_len: usize,
    note: &mut dyn FnMut(TrainNote),
) -> Result<EvalSet, TrainError> {
    let file = pairs::read_pair_file(path)?;
    note_problems(path, &file.problems, note);
    let labelled: Vec<_> = file
        .pairs
        .into_iter()
        .filter(|p| p.label.is_some())
        .collect();
    let texts: Vec<(&str, &str)> = labelled
        .iter()
        .map(|p| (p.premise.as_str(), p.hypothesis.as_str()))
        .collect();
    Ok(EvalSet {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        pad_id: tokenizer.pad_id(),
        pairs: tokenizer.encode_pairs(&texts, max_len),
        labels: labelled.iter().filter_map(|p| p.label).collect(),
    })
}

fn evaluate(model: &SequenceClassifier, set: &EvalSet) -> Result<Evaluation, TrainError> {
    let _no_grad = tch::no_grad_guard();
    let lengths: Vec<usize> = set.pairs.iter().map(|p| p.ids.len()).collect();
    let mut confusion = Confusion::default();
    for batch in encoder::length_sorted_batches(&lengths, 64) {
        let members: Vec<&EncodedPair> = batch.iter().map(|&i| &set.pairs[i]).collect();
        let input = encoder::pad_batch(&members, set.pad_id, Device::Cpu);
        let predicted = model.forward_t(&input, false).argmax(-1, false);
        let predicted: Vec<i64> = Vec::try_from(predicted)
            .map_err(|e| ModelError::Model(format!("reading predictions on {}: {e}", set.name)))?;
        for (&i, p) in batch.iter().zip(predicted) {
            confusion.add(set.labels[i], NliLabel::ALL[p.clamp(0, 2) as usize]);
        }
    }
    Ok(confusion.evaluation())
}

/// Scores every dev set; the first decides which model is kept in `out_dir`.
#[allow(clippy::too_many_arguments)]
fn evaluate_and_keep_best(
    config: &TrainConfig,
    model: &SequenceClassifier,
    optimizer: &AdamW,
    model_config: &ModelConfig,
    dev_sets: &[EvalSet],
    state: &mut RunState,
    batches_per_epoch: usize,
    progress: &Progress,
) -> Result<(), TrainError> {
    if dev_sets.is_empty() {
        export_model(config, optimizer, model_config, state)?;
        return Ok(());
    }
    let results: Vec<(String, f64, f64)> = dev_sets
        .iter()
        .map(|set| {
            let e = evaluate(model, set)?;
            Ok((set.name.clone(), e.accuracy, e.macro_f1))
        })
        .collect::<Result<_, TrainError>>()?;
    let epoch = state.epoch as f64 + state.batch_in_epoch as f64 / batches_per_epoch.max(1) as f64;
    let summary: Vec<String> = results
        .iter()
        .map(|(name, acc, _)| format!("{name} {acc:.4}"))
        .collect();
    progress.println(format!(
        "eval step {} (epoch {epoch:.2}): {}",
        state.global_step,
        summary.join(", ")
    ));
    let line = serde_json::json!({"step": state.global_step, "epoch": epoch, "eval": results});
    append_line(&config.checkpoint_dir.join("log.jsonl"), &line.to_string())?;
    state.history.push(EvalRecord {
        step: state.global_step,
        epoch,
        results: results.clone(),
    });
    let score = results[0].1;
    if state.best_score.is_none_or(|best| score > best) {
        state.best_score = Some(score);
        state.best_at_step = Some(state.global_step);
        export_model(config, optimizer, model_config, state)?;
        progress.println(format!(
            "new best {} {:.4}: model written to {}",
            results[0].0,
            score,
            config.out_dir.display()
        ));
    }
    Ok(())
}

/// Writes the shippable model: fp16 weights, config with labels, vocabulary, and the run's
/// settings and evaluation history (for the model card).
fn export_model(
    config: &TrainConfig,
    optimizer: &AdamW,
    model_config: &ModelConfig,
    state: &RunState,
) -> Result<(), TrainError> {
    let tmp = config.out_dir.with_extension("partial");
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TrainError::Io { path, source }
    };
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).map_err(io_error(&tmp))?;
    // From the fp32 master weights: with --bf16 the model's own copy is rounded to bf16.
    let named: Vec<(&str, Tensor)> = optimizer
        .masters()
        .map(|(name, t)| (name, t.to_kind(Kind::Half)))
        .collect();
    let weights = tmp.join("model.safetensors");
    Tensor::write_safetensors(&named, &weights).map_err(|source| TrainError::Tensor {
        path: weights.clone(),
        source,
    })?;
    write_json(&tmp.join("config.json"), &model_config.json)?;
    let vocab = config.base_model.join("vocab.txt");
    fs::copy(&vocab, tmp.join("vocab.txt")).map_err(io_error(&vocab))?;
    // A model continued from another carries that model's record, so the card can show
    // every stage.
    let init_training = match &config.init_from {
        Some(dir) if dir.join("training.json").is_file() => {
            Some(read_json::<serde_json::Value>(&dir.join("training.json"))?)
        }
        _ => None,
    };
    write_json(
        &tmp.join("training.json"),
        &serde_json::json!({"config": config, "best_score": state.best_score,
                            "best_at_step": state.best_at_step, "train_seconds": state.train_seconds,
                            "history": state.history, "init_training": init_training}),
    )?;
    // Keep files that live beside the weights (the model card) across exports.
    if config.out_dir.is_dir() {
        for entry in fs::read_dir(&config.out_dir)
            .map_err(io_error(&config.out_dir))?
            .flatten()
        {
            let target = tmp.join(entry.file_name());
            if !target.exists() {
                fs::copy(entry.path(), &target).map_err(io_error(&entry.path()))?;
            }
        }
        fs::remove_dir_all(&config.out_dir).map_err(io_error(&config.out_dir))?;
    }
    fs::rename(&tmp, &config.out_dir).map_err(io_error(&config.out_dir))
}

fn save_checkpoint(
    config: &TrainConfig,
    optimizer: &AdamW,
    state: &RunState,
) -> Result<(), TrainError> {
    let dir = &config.checkpoint_dir;
    // Write everything under temporary names, then rename: a run killed mid-save leaves the
    // previous checkpoint intact.
    let model_tmp = dir.join("model.safetensors.tmp");
    let masters: Vec<(&str, &Tensor)> = optimizer.masters().collect();
    Tensor::write_safetensors(&masters, &model_tmp).map_err(|source| TrainError::Tensor {
        path: model_tmp.clone(),
        source,
    })?;
    let optim_tmp = dir.join("optimizer.safetensors.tmp");
    optimizer.save(&optim_tmp)?;
    let state_tmp = dir.join("state.json.tmp");
    write_json(&state_tmp, state)?;
    for name in ["model.safetensors", "optimizer.safetensors", "state.json"] {
        let from = dir.join(format!("{name}.tmp"));
        fs::rename(&from, dir.join(name))
            .map_err(|source| TrainError::Io { path: from, source })?;
    }
    Ok(())
}

/// Copies tensors from a safetensors file into the matching variables of `vs`, the file's
/// names prefixed with `prefix`. Every variable except the classifier head must be found.
fn load_into(vs: &mut nn::VarStore, path: &Path, prefix: &str) -> Result<(), TrainError> {
    let saved = Tensor::read_safetensors(path).map_err(|source| TrainError::Tensor {
        path: path.to_path_buf(),
        source,
    })?;
    let saved: HashMap<String, Tensor> = saved
        .into_iter()
        .map(|(n, t)| (format!("{prefix}{n}"), t))
        .collect();
    let mut variables = vs.variables();
    let mut missing = Vec::new();
    tch::no_grad(|| {
        for (name, var) in variables.iter_mut() {
            match saved.get(name) {
                Some(t) => var.copy_(t),
                None if name.starts_with("classifier.") && !prefix.is_empty() => {}
                None => missing.push(name.clone()),
            }
        }
    });
    if missing.is_empty() {
        Ok(())
    } else {
        missing.sort();
        Err(TrainError::Invalid(format!(
            "{} lacks {} tensors the model needs, e.g. {}",
            path.display(),
            missing.len(),
            missing[0]
        )))
    }
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, TrainError> {
    let text = fs::read_to_string(path).map_err(|source| TrainError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| TrainError::Invalid(format!("{}: {e}", path.display())))
}

fn write_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> Result<(), TrainError> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| TrainError::Invalid(e.to_string()))?;
    fs::write(path, text + "\n").map_err(|source| TrainError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn append_line(path: &Path, line: &str) -> Result<(), TrainError> {
    let io_error = |source| TrainError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(io_error)?;
    writeln!(file, "{line}").map_err(io_error)
}

/// A small deterministic generator (SplitMix64), so epoch orders are reproducible across
/// platforms and crate versions.
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_warms_up_then_decays_to_zero() {
        assert!((scheduled_lr(1.0, 0, 10, 100) - 0.1).abs() < 1e-12);
        assert!((scheduled_lr(1.0, 9, 10, 100) - 1.0).abs() < 1e-12);
        assert!((scheduled_lr(1.0, 55, 10, 100) - 0.5).abs() < 1e-12);
        assert!(scheduled_lr(1.0, 100, 10, 100).abs() < 1e-12);
    }

    #[test]
    fn shuffle_is_a_reproducible_permutation() {
        let mut a: Vec<usize> = (0..100).collect();
        let mut b = a.clone();
        SplitMix64::new(7).shuffle(&mut a);
        SplitMix64::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..100).collect::<Vec<_>>());
        a.sort();
        assert_eq!(a, (0..100).collect::<Vec<_>>());
    }
}

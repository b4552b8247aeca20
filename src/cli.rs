//! Every command-line flag of contra, in one place, and how a command's result becomes the
//! exit status. Both binaries (`contra` and `contra-torch`) compile this file.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::options::{self, DeviceChoice, Precision, Shard, TrainSource};
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "contra",
    version,
    about = "Find the claims named speakers make in news articles and rank where they contradict or agree",
    long_about = "contra reads news articles, extracts the claims that named speakers make \
                  (direct and reported speech), and ranks pairs of claims from different speakers \
                  by how strongly they contradict or agree, using an NLI cross-encoder trained \
                  for the project. Models are read from local directories; nothing is downloaded."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rank contradictions and agreements between the claims of different speakers in one
    /// or more articles.
    Compare(CompareArgs),
    /// Run many comparisons from a manifest, one report each; split over array-job tasks
    /// with --shard, restart with --resume, then --merge the shards' indexes.
    Batch(BatchArgs),
    /// Stage 1 of one comparison spread over machines: claims and candidate pairs to a
    /// plan file (then `score` its shards, then `rank`).
    #[command(long_about = STAGES_HELP)]
    Plan(PlanArgs),
    /// Stage 2: NLI scores of one shard of a plan's candidate pairs.
    #[command(long_about = STAGES_HELP)]
    Score(ScoreArgs),
    /// Stage 3: the report from a plan and all its shards' scores, identical to `compare`'s.
    #[command(long_about = STAGES_HELP)]
    Rank(RankArgs),
    /// Print the JSON Schema of the `compare --format json` report.
    Schema,
    /// Extract the claims named speakers make in one article (direct quotes, reported
    /// speech, stated positions) with their speakers, cues and character offsets.
    Claims(ClaimsArgs),
    /// Embed sentences (one per line) and print their vectors as JSON lines.
    Embed(EmbedArgs),
    /// Score premise → hypothesis pairs from a TSV file with the NLI model.
    Nli(NliArgs),
    /// Fine-tune the NLI cross-encoder from the sentence-embedding base model.
    TrainNli(TrainNliArgs),
}

/// Flags every model-running command shares.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// CPU threads for model inference, 1 up to the cores of this machine (default: all
    /// cores; on a machine other work shares, fewer are faster).
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,
    /// No progress bars.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Where and how the models run, for the commands that run them.
#[derive(Debug, Args)]
pub struct InferenceArgs {
    /// Numeric precision: auto runs bf16 where this CPU multiplies bfloat16 fast (AMX, or
    /// AVX512-BF16 on AMD Zen 4 and later) and fp32 elsewhere (same accuracy; README,
    /// Performance).
    #[arg(long, value_enum, default_value_t = options::DEFAULT_PRECISION)]
    pub precision: Precision,
    /// Run the models on a CUDA GPU (auto: when one is available) or the CPU.
    #[arg(long, value_enum, default_value_t = options::DEFAULT_DEVICE)]
    pub device: DeviceChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// GitHub-flavoured markdown for people.
    Md,
    /// JSON (`contra.report/2`, see `contra schema`) for notebooks.
    Json,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Article files (UTF-8 text or markdown). One article with several speakers works, and
    /// so do more than two.
    #[arg(required = true, value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// Write the report to PATH (atomically: never a partial file) instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Report format [default: json when --output ends in .json, else md].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    #[command(flatten)]
    pub settings: CompareSettings,
    #[command(flatten)]
    pub run: RunArgs,
}

/// What `compare` and `batch` share: what to score and show, and the models.
#[derive(Debug, Args)]
pub struct CompareSettings {
    #[command(flatten)]
    pub selection: SelectionArgs,
    #[command(flatten)]
    pub nli: NliModelArg,
    #[command(flatten)]
    pub embedding: EmbedModelArg,
    #[command(flatten)]
    pub inference: InferenceArgs,
}

/// What to score and what to show: the options a plan records.
#[derive(Debug, Args)]
pub struct SelectionArgs {
    /// Rows in each markdown table (the JSON always holds every scored pair).
    #[arg(long, default_value_t = options::DEFAULT_TOP, value_name = "N", value_parser = parse_at_least_one)]
    pub top: usize,
    /// Leave pairs scoring below X (-2 to 1) out of the markdown tables.
    #[arg(long, default_value_t = options::DEFAULT_MIN_SCORE, value_name = "X", value_parser = parse_min_score)]
    pub min_score: f32,
    /// Treat pairs whose claims have embedding cosine below X as unrelated and do not score
    /// them (claims about different things neither contradict nor support each other; see
    /// README). -1 scores every pair.
    #[arg(
        long,
        default_value_t = options::DEFAULT_MIN_SIMILARITY,
        value_name = "X",
        value_parser = parse_similarity
    )]
    pub min_similarity: f32,
    /// Only compare claims of these speaker ids (comma-separated; see the speakers table).
    #[arg(long, value_delimiter = ',', value_name = "ID,ID")]
    pub speakers: Option<Vec<String>>,
    /// Above N cross-speaker pairs, score only each claim's --neighbours most similar
    /// claims of other speakers (cost linear in the number of claims).
    #[arg(long, default_value_t = options::DEFAULT_MAX_PAIRS, value_name = "N")]
    pub max_pairs: usize,
    /// Claims of other speakers kept per claim when pre-selecting by similarity.
    #[arg(long, default_value_t = options::DEFAULT_NEIGHBOURS, value_name = "K", value_parser = parse_at_least_one)]
    pub neighbours: usize,
}

#[derive(Debug, Args)]
pub struct NliModelArg {
    /// NLI model directory (models/nli-minilm-l6 is the small, fast alternative).
    #[arg(long, value_name = "DIR", default_value = options::DEFAULT_NLI_MODEL_DIR)]
    pub nli_model: PathBuf,
}

#[derive(Debug, Args)]
pub struct EmbedModelArg {
    /// Sentence-embedding model directory.
    #[arg(long, value_name = "DIR", default_value = options::DEFAULT_EMBED_MODEL_DIR)]
    pub embed_model: PathBuf,
}

/// A staged comparison's files (README, "Corpus comparison in stages").
const STAGES_HELP: &str = "One comparison in three stages, for corpora that outgrow one run: \
    `contra plan` writes the claims and candidate pairs, `contra score --shard K/N` scores the \
    NLI inputs of shard K (run one per machine or array task), `contra rank` joins every \
    shard's scores into the report, identical to `contra compare` over the same articles with \
    the same options and models.\n\n\
    The plan is one JSON document (`contra.plan/1`): version, embedding_model, \
    embedding_precision, options, selection (cross_speaker, preselected, unrelated), inputs, \
    speakers, claims (as in the report) and pairs ({a, b, similarity}: indices into claims). \
    A scores file is JSON lines: a header {schema: contra.scores/1, plan_sha256, shard \
    {index, count}, nli_model, precision, inputs}, then one line per NLI input, {pair, \
    direction: a_to_b|b_to_a, entailment, neutral, contradiction}.";

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Article files (UTF-8 text or markdown), as for `compare`.
    #[arg(required = true, value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// Write the plan (JSON) to PATH, atomically, instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub selection: SelectionArgs,
    #[command(flatten)]
    pub embedding: EmbedModelArg,
    #[command(flatten)]
    pub inference: InferenceArgs,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The plan written by `contra plan`.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Score only batches b of NLI inputs with b mod N = K (K from 0): what a Slurm array
    /// task (--shard $SLURM_ARRAY_TASK_ID/N) or a Kubernetes indexed Job passes.
    #[arg(long, value_name = "K/N", default_value = "0/1")]
    pub shard: Shard,
    /// Write the scores (JSON lines) to PATH, atomically, instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub nli: NliModelArg,
    #[command(flatten)]
    pub inference: InferenceArgs,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    /// The plan written by `contra plan`.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// The scores of every shard of one split (`contra score --shard K/N`), each once.
    #[arg(required = true, value_name = "SCORES")]
    pub scores: Vec<PathBuf>,
    /// Write the report to PATH (atomically: never a partial file) instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Report format [default: json when --output ends in .json, else md].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("mode").required(true).args(["manifest", "merge"]))]
pub struct BatchArgs {
    /// JSON lines, one comparison each: {"id": "...", "articles": ["a.txt", "b.txt"],
    /// "options": {...}} with paths relative to the manifest; options (optional) override
    /// top, min_score, min_similarity, speakers, max_pairs, neighbours for that line.
    #[arg(value_name = "MANIFEST")]
    pub manifest: Option<PathBuf>,
    /// Directory for <id>.json, <id>.md and this shard's index (created if missing).
    #[arg(long, short, value_name = "DIR", required_unless_present = "merge")]
    pub output: Option<PathBuf>,
    /// Run only manifest lines i with i mod N = K (K from 0): what a Slurm array task
    /// (--shard $SLURM_ARRAY_TASK_ID/N) or a Kubernetes indexed Job passes.
    #[arg(long, value_name = "K/N", default_value = "0/1")]
    pub shard: Shard,
    /// Skip lines whose report files are already complete (after a stopped run).
    #[arg(long)]
    pub resume: bool,
    /// Merge the shards' index files in DIR into DIR/index.jsonl and stop.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["manifest", "resume"])]
    pub merge: Option<PathBuf>,
    #[command(flatten)]
    pub settings: CompareSettings,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct EmbedArgs {
    /// Text file with one sentence per line ("-" for stdin).
    pub input: PathBuf,
    /// Sentence-embedding model directory.
    #[arg(long, value_name = "DIR", default_value = options::DEFAULT_EMBED_MODEL_DIR)]
    pub model: PathBuf,
    #[command(flatten)]
    pub inference: InferenceArgs,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PairFormat {
    /// One JSON object per pair: id, label, entailment, neutral, contradiction.
    Jsonl,
    /// Tab-separated: id, label, entailment, neutral, contradiction, with a header.
    Tsv,
}

#[derive(Debug, Args)]
pub struct NliArgs {
    /// TSV with the header `id, premise, hypothesis` and optionally `label`.
    pub pairs: PathBuf,
    /// Output format of the per-pair scores.
    #[arg(long, value_enum, default_value_t = PairFormat::Jsonl)]
    pub format: PairFormat,
    /// Compare predictions with the `label` column and print accuracy, macro-F1, per-class
    /// precision/recall/F1 and the confusion matrix instead of the scores (scores still go
    /// to --output if given).
    #[arg(long)]
    pub eval: bool,
    /// Write the scores to this file (atomically) instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// NLI model directory (models/nli-minilm-l6 is the small, fast alternative).
    #[arg(long, value_name = "DIR", default_value = options::DEFAULT_NLI_MODEL_DIR)]
    pub model: PathBuf,
    /// Pairs per forward pass.
    #[arg(long, default_value_t = options::DEFAULT_NLI_BATCH_SIZE, value_name = "N", value_parser = parse_at_least_one)]
    pub batch_size: usize,
    /// Tokens per pair, 8 to 512; longer pairs are truncated, the longer side first.
    #[arg(long, default_value_t = options::DEFAULT_NLI_MAX_LEN, value_name = "N", value_parser = parse_max_len)]
    pub max_len: usize,
    #[command(flatten)]
    pub inference: InferenceArgs,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct TrainNliArgs {
    /// Training TSV files (`id, premise, hypothesis, label`, plain or .gz). Append @W to
    /// weight a file: @2 uses it twice per epoch, @0.3 a fresh random 30% each epoch.
    #[arg(long = "train", value_name = "FILE[@W]", required = true, num_args = 1..)]
    pub train: Vec<TrainSource>,
    /// Labelled dev TSV files evaluated after each epoch; the first decides which model is
    /// kept. Never train on these.
    #[arg(long = "dev", value_name = "FILE", num_args = 1..)]
    pub dev: Vec<PathBuf>,
    /// Base encoder directory (sentence-transformers layout with model.safetensors).
    #[arg(long, value_name = "DIR", default_value = options::DEFAULT_EMBED_MODEL_DIR)]
    pub base_model: PathBuf,
    /// Start from this trained NLI model directory (weights and classifier head) instead of
    /// the bare base encoder, e.g. for a second, genre-focused stage. Its vocabulary must be
    /// the base model's.
    #[arg(long, value_name = "DIR")]
    pub init: Option<PathBuf>,
    /// Where the best model is written (fp16 safetensors, config, vocab).
    #[arg(long, value_name = "DIR", default_value = options::DEFAULT_NLI_MODEL_DIR)]
    pub out: PathBuf,
    /// Checkpoints, optimiser state and the training log.
    #[arg(long, value_name = "DIR", default_value = "runs/nli")]
    pub checkpoint_dir: PathBuf,
    /// Continue from the checkpoint in --checkpoint-dir (same flags as the first run).
    #[arg(long)]
    pub resume: bool,
    #[arg(long, default_value_t = 2)]
    pub epochs: usize,
    #[arg(long, default_value_t = 32, value_parser = parse_at_least_one)]
    pub batch_size: usize,
    /// Peak learning rate.
    #[arg(long, default_value_t = 4e-5)]
    pub lr: f64,
    /// Fraction of all steps spent warming the learning rate up linearly.
    #[arg(long, default_value_t = 0.06)]
    pub warmup: f64,
    #[arg(long, default_value_t = 0.01)]
    pub weight_decay: f64,
    /// Tokens per pair, 8 to 512; longer pairs are truncated, the longer side first.
    #[arg(long, default_value_t = 128, value_parser = parse_max_len)]
    pub max_len: usize,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Compute in bfloat16 (fp32 master weights); several times faster on CPUs with
    /// AVX512-BF16 or AMX.
    #[arg(long)]
    pub bf16: bool,
    /// Also evaluate (and keep the best) every N steps, not only at epoch ends.
    #[arg(long, value_name = "N")]
    pub eval_every: Option<usize>,
    /// Save a checkpoint every N steps.
    #[arg(long, default_value_t = 200, value_name = "N", value_parser = parse_at_least_one)]
    pub checkpoint_every: usize,
    /// Stop after N steps in all (for benchmarks); the checkpoint allows --resume.
    #[arg(long, value_name = "N")]
    pub max_steps: Option<usize>,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    /// `contra.claims/1` JSON: speakers and claims with character offsets.
    Json,
    /// A readable markdown table: speaker, kind, claim.
    Md,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// The article: a UTF-8 text or markdown file.
    pub article: PathBuf,
    /// Output format. JSON offsets count Unicode characters into the file as read (a
    /// byte-order mark counts as one), end exclusive.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Json)]
    pub format: ClaimsFormat,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Prints a failed command's error chain and turns the result into the exit status that
/// `code` gives the error.
pub fn exit_status(result: anyhow::Result<()>, code: fn(&anyhow::Error) -> u8) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`contra … | head`) is the reader's choice, not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("contra: error: {err:#}");
            ExitCode::from(code(&err))
        }
    }
}

/// Prints a warning with the one prefix every command uses.
pub fn warn(message: impl std::fmt::Display) {
    eprintln!("contra: warning: {message}");
}

/// Writes to standard output; a closed or full stdout is an error, not a panic as with
/// `print!`.
pub fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The most tokens a pair may have: the encoders' position tables hold 512.
const MAX_TOKENS: usize = 512;
/// The fewest tokens a pair may have: the template's special tokens and a word of each side.
const MIN_TOKENS: usize = 8;

fn parse_count(text: &str) -> Result<usize, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a whole number"))
}

/// `--threads`: 1 up to the cores of this machine (more threads than cores only slow
/// inference down).
fn parse_threads(text: &str) -> Result<usize, String> {
    let threads = parse_count(text)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if (1..=cores).contains(&threads) {
        Ok(threads)
    } else {
        Err(format!("must be 1 to {cores}, the cores of this machine"))
    }
}

/// `--max-len`: `MIN_TOKENS` to `MAX_TOKENS`.
fn parse_max_len(text: &str) -> Result<usize, String> {
    let tokens = parse_count(text)?;
    if (MIN_TOKENS..=MAX_TOKENS).contains(&tokens) {
        Ok(tokens)
    } else {
        Err(format!("must be {MIN_TOKENS} to {MAX_TOKENS} tokens"))
    }
}

/// A number in `low..=high` (NaN is in no range).
fn parse_in_range(text: &str, low: f32, high: f32) -> Result<f32, String> {
    let value: f32 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (low..=high).contains(&value) {
        Ok(value)
    } else {
        Err(format!("must be {low} to {high}"))
    }
}

/// `--min-score`: a ranking score lies in -2 to 1.
fn parse_min_score(text: &str) -> Result<f32, String> {
    parse_in_range(text, -2.0, 1.0)
}

/// `--min-similarity`: a cosine lies in -1 to 1.
fn parse_similarity(text: &str) -> Result<f32, String> {
    parse_in_range(text, -1.0, 1.0)
}

fn parse_at_least_one(text: &str) -> Result<usize, String> {
    match parse_count(text)? {
        0 => Err("must be at least 1".into()),
        n => Ok(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_out_of_range_are_refused_with_the_range() {
        assert!(parse_threads("0").unwrap_err().contains("must be 1 to"));
        assert!(parse_threads("100000").is_err());
        assert_eq!(parse_threads("1"), Ok(1));
        assert_eq!(parse_max_len("2"), Err("must be 8 to 512 tokens".into()));
        assert!(parse_max_len("513").is_err());
        assert_eq!(parse_max_len("256"), Ok(256));
        assert!(parse_at_least_one("0").is_err());
        assert!(parse_count("-1")
            .unwrap_err()
            .contains("not a whole number"));
    }
}

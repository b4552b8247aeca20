//! What the command line and the library share without libtorch: option types and every
//! default, in one place. The `contra` binary compiles this module (and the claims stages)
//! without linking the model code, so commands that need no model start instantly.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// JSON Schema (draft 2020-12) of `contra.report/2`, printed by `contra schema`.
pub const REPORT_JSON_SCHEMA: &str = include_str!("report/report.schema.json");

/// Where the NLI model trained by `contra train-nli` is committed, relative to the checkout.
pub const DEFAULT_NLI_MODEL_DIR: &str = "models/nli-mpnet-base-r3";

/// Where `scripts/setup.sh` installs the embedding model, relative to the checkout.
pub const DEFAULT_EMBED_MODEL_DIR: &str = "models/all-MiniLM-L6-v2";

/// Default similarity floor. Measured with `scripts/measure_similarity_floor.py` on
/// MultiNLI dev matched: the NLI model calls about a quarter of unrelated sentence pairs
/// contradictions; below cosine 0.15 fall 1.2% of the real contradictions it catches but
/// 86% of those false alarms (README).
pub const DEFAULT_MIN_SIMILARITY: f32 = 0.15;

/// Rows in each markdown table of a report.
pub const DEFAULT_TOP: usize = 10;
/// Pairs scoring below this stay out of the markdown tables.
pub const DEFAULT_MIN_SCORE: f32 = 0.5;
/// Above this many cross-speaker pairs, only each claim's nearest neighbours are scored.
pub const DEFAULT_MAX_PAIRS: usize = 2000;
/// Claims of other speakers kept per claim when pre-selecting by similarity.
pub const DEFAULT_NEIGHBOURS: usize = 10;

/// Pairs per forward pass of the NLI model.
pub const DEFAULT_NLI_BATCH_SIZE: usize = 32;
/// Tokens per NLI pair at inference, the longer side truncated first.
pub const DEFAULT_NLI_MAX_LEN: usize = 256;

/// Numeric precision of model inference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// bf16 on CPUs where bfloat16 matrix products are fast (AMX, or AVX512-BF16 on AMD
    /// Zen 4 and later), fp32 elsewhere.
    Auto,
    /// fp32 weights and activations: the reference.
    Fp32,
    /// bfloat16 weights and activations.
    Bf16,
}

/// `auto`: on the CPUs measured (README, Performance) bf16 ran 2.3× faster than fp32 where
/// it is fast and at half the speed where it is not, at the same accuracy.
pub const DEFAULT_PRECISION: Precision = Precision::Auto;

impl Precision {
    /// `Auto` made concrete for this machine (fp32 on a GPU, whose bf16 speed varies by
    /// generation); `Fp32` and `Bf16` stay as they are.
    pub fn resolve(self, on_gpu: bool) -> Precision {
        match self {
            Precision::Auto if !on_gpu && fast_bf16() => Precision::Bf16,
            Precision::Auto => Precision::Fp32,
            other => other,
        }
    }
}

/// Whether this CPU multiplies bfloat16 matrices faster than fp32 ones. AVX512-BF16 alone is
/// not enough: on an Intel Xeon without AMX, oneDNN's bf16 products ran at half the fp32 speed
/// (162 vs 305 GFLOP/s), while AMD's Zen 4 ran them 2.3× faster (414 vs 183).
fn fast_bf16() -> bool {
    let Ok(cpuinfo) = std::fs::read_to_string("/proc/cpuinfo") else {
        return false;
    };
    let field = |name: &str| {
        cpuinfo
            .lines()
            .find(|line| line.starts_with(name))
            .and_then(|line| line.split_once(':'))
            .map_or("", |(_, value)| value.trim())
    };
    let flags: Vec<&str> = field("flags").split_whitespace().collect();
    flags.contains(&"amx_bf16")
        || (flags.contains(&"avx512_bf16") && field("vendor_id") == "AuthenticAMD")
}

impl std::fmt::Display for Precision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Precision::Auto => "auto",
            Precision::Fp32 => "fp32",
            Precision::Bf16 => "bf16",
        })
    }
}

/// Where models run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeviceChoice {
    /// A CUDA GPU when libtorch finds one, else the CPU.
    Auto,
    Cpu,
    /// A CUDA GPU; an error where there is none.
    Cuda,
}

pub const DEFAULT_DEVICE: DeviceChoice = DeviceChoice::Auto;

/// One task's share of a batch: manifest lines `i` with `i mod count == index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// The whole: one shard of one.
    pub const ALL: Shard = Shard { index: 0, count: 1 };

    pub fn takes(&self, line: usize) -> bool {
        line % self.count == self.index
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// `K/N` with `0 <= K < N`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let usage = || format!("`{s}` is not K/N with 0 <= K < N (e.g. 0/4, 3/4)");
        let (index, count) = s.split_once('/').ok_or_else(usage)?;
        let (index, count) = (
            index.trim().parse().map_err(|_| usage())?,
            count.trim().parse().map_err(|_| usage())?,
        );
        if index < count {
            Ok(Shard { index, count })
        } else {
            Err(usage())
        }
    }
}

/// A training file and how much of it one epoch uses: weight 2 repeats it twice, 0.3 draws
/// a fresh random 30% every epoch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainSource {
    pub path: PathBuf,
    pub weight: f64,
}

impl std::str::FromStr for TrainSource {
    type Err = String;

    /// `PATH` or `PATH@WEIGHT`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (path, weight) = match s.rsplit_once('@') {
            Some((path, weight)) => {
                let weight: f64 = weight
                    .parse()
                    .map_err(|_| format!("bad weight {weight:?} in {s:?}: expected PATH@NUMBER"))?;
                if !(weight > 0.0 && weight.is_finite()) {
                    return Err(format!("weight in {s:?} must be a positive number"));
                }
                (path, weight)
            }
            None => (s, 1.0),
        };
        Ok(TrainSource {
            path: PathBuf::from(path),
            weight,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn train_sources_parse_with_and_without_weight() {
        let s: TrainSource = "data/x.tsv.gz@0.3".parse().unwrap();
        assert_eq!((s.path, s.weight), (PathBuf::from("data/x.tsv.gz"), 0.3));
        assert_eq!("a.tsv".parse::<TrainSource>().unwrap().weight, 1.0);
        assert!("a.tsv@-1".parse::<TrainSource>().is_err());
        assert!("a.tsv@x".parse::<TrainSource>().is_err());
    }

    #[test]
    fn shards_parse_as_k_of_n_and_split_the_lines_between_them() {
        let shard: Shard = "1/3".parse().unwrap();
        assert_eq!(shard, Shard { index: 1, count: 3 });
        assert_eq!(
            (0..7).filter(|&i| shard.takes(i)).collect::<Vec<_>>(),
            [1, 4]
        );
        for bad in ["3/3", "0/0", "1", "a/2", "-1/2", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn only_auto_depends_on_the_machine() {
        for gpu in [false, true] {
            assert_eq!(Precision::Fp32.resolve(gpu), Precision::Fp32);
            assert_eq!(Precision::Bf16.resolve(gpu), Precision::Bf16);
            assert_ne!(Precision::Auto.resolve(gpu), Precision::Auto);
        }
        assert_eq!(Precision::Auto.resolve(true), Precision::Fp32);
    }
}

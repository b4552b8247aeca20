//! The files of a comparison run in stages (`contra plan`, `contra score`, `contra rank`):
//! a plan, one JSON document (`compare::Plan`), and one scores file per shard, JSON lines: a
//! header, then one line per NLI input the shard scored. Reading checks that the files
//! belong together and names the one that does not; nothing is written until they do.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::compare::{pair_directions, sha256_hex, Plan, ScoredBy, PLAN_SCHEMA};
use crate::input::{self, InputError, MAX_STAGE_FILE_BYTES};
use crate::labels::NliScores;
use crate::options::{Precision, Shard};
use crate::output::write_output;

/// `ScoresHeader::schema` of the scores files this version writes and reads.
pub const SCORES_SCHEMA: &str = "contra.scores/1";

/// Plans and scores that cannot be used together; every one is a problem with the input.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{}: not a contra plan: {message}", path.display())]
    NotAPlan { path: PathBuf, message: String },
    #[error(
        "{}: a plan written by contra {found} ({schema}); this is contra {ours} ({PLAN_SCHEMA}): \
         make it again with `contra plan`", path.display()
    )]
    OtherVersion {
        path: PathBuf,
        found: String,
        schema: String,
        ours: String,
    },
    #[error("{}:{line}: {message}", path.display())]
    BadScores {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error(
        "{}: scores another plan (sha256 {found}), not {} (sha256 {expected})",
        path.display(), plan.display()
    )]
    OtherPlan {
        path: PathBuf,
        plan: PathBuf,
        found: String,
        expected: String,
    },
    #[error("{} and {} are both shard {shard}: give each shard once", first.display(), second.display())]
    DuplicateShard {
        first: PathBuf,
        second: PathBuf,
        shard: Shard,
    },
    #[error(
        "{} is shard {shard}, but {} is shard {other}: the scores must come from one \
         --shard K/N split", path.display(), first.display()
    )]
    OtherSplit {
        path: PathBuf,
        shard: Shard,
        first: PathBuf,
        other: Shard,
    },
    #[error("missing shards: {missing} (given: {given}); score each with `contra score PLAN --shard K/N`")]
    MissingShards { missing: String, given: String },
    #[error(
        "{} was scored by {found}, but {} by {expected}: score every shard with one NLI model \
         and precision", path.display(), first.display()
    )]
    OtherModel {
        path: PathBuf,
        found: String,
        first: PathBuf,
        expected: String,
    },
    #[error("{}: pair {pair} ({direction}) is scored in {} too", path.display(), other.display())]
    ScoredTwice {
        path: PathBuf,
        other: PathBuf,
        pair: usize,
        direction: Direction,
    },
    #[error("{}: pair {pair} ({direction}) is in none of the scores files", plan.display())]
    Unscored {
        plan: PathBuf,
        pair: usize,
        direction: Direction,
    },
}

/// Just what tells a plan's version, read before the rest, which another version may lay
/// out differently.
#[derive(Deserialize)]
struct Stamp {
    schema: String,
    version: String,
}

/// A plan read from a file, with the sha256 of its bytes (which its scores name).
pub struct PlanFile {
    pub path: PathBuf,
    pub plan: Plan,
    pub sha256: String,
}

/// Reads a plan written by this version of contra and checks that its pairs name its claims.
pub fn read_plan(path: &Path) -> Result<PlanFile, StageError> {
    let bytes = input::read_regular(path, MAX_STAGE_FILE_BYTES)?;
    let not_a_plan = |message: String| StageError::NotAPlan {
        path: path.to_path_buf(),
        message,
    };
    let stamp: Stamp = serde_json::from_slice(&bytes).map_err(|e| not_a_plan(e.to_string()))?;
    let ours = env!("CARGO_PKG_VERSION");
    if stamp.schema != PLAN_SCHEMA || stamp.version != ours {
        return Err(StageError::OtherVersion {
            path: path.to_path_buf(),
            found: stamp.version,
            schema: stamp.schema,
            ours: ours.to_string(),
        });
    }
    let plan: Plan = serde_json::from_slice(&bytes).map_err(|e| not_a_plan(e.to_string()))?;
    let claims = plan.claims.len();
    if let Some((n, pair)) =
        (plan.pairs.iter().enumerate()).find(|(_, p)| p.a >= p.b || p.b >= claims)
    {
        return Err(not_a_plan(format!(
            "pair {n} joins claims {} and {}, not two of its {claims} claims in order",
            pair.a, pair.b
        )));
    }
    Ok(PlanFile {
        path: path.to_path_buf(),
        plan,
        sha256: sha256_hex(&bytes),
    })
}

/// Writes a plan as one line of JSON (to stdout when `path` is `None`).
pub fn write_plan(path: Option<&Path>, plan: &Plan) -> io::Result<()> {
    write_output(path, |out| {
        serde_json::to_writer(&mut *out, plan)?;
        writeln!(out)
    })
}

/// The first line of a scores file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoresHeader {
    pub schema: String,
    /// The sha256 of the plan file's bytes.
    pub plan_sha256: String,
    pub shard: Shard,
    pub nli_model: String,
    /// The precision the NLI model ran in (`auto` resolved).
    pub precision: Precision,
    /// The lines that follow: one per NLI input of the shard.
    pub inputs: usize,
}

/// Which claim of a pair is the premise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Claim `a` is the premise, `b` the hypothesis.
    AToB,
    BToA,
}

impl Direction {
    /// The direction of NLI input `input` of a plan: pair `input / 2`, `a_to_b` when even.
    fn of(input: usize) -> Self {
        [Direction::AToB, Direction::BToA][input % 2]
    }
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Direction::AToB => "a_to_b",
            Direction::BToA => "b_to_a",
        })
    }
}

/// One line after the header: the class probabilities of one pair in one direction. The
/// fields are spelled out (no flattened `NliScores`), so each f32 is read back exactly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoreLine {
    pair: usize,
    direction: Direction,
    entailment: f32,
    neutral: f32,
    contradiction: f32,
}

impl ScoreLine {
    fn new(input: usize, scores: NliScores) -> Self {
        ScoreLine {
            pair: input / 2,
            direction: Direction::of(input),
            entailment: scores.entailment,
            neutral: scores.neutral,
            contradiction: scores.contradiction,
        }
    }

    fn input(&self) -> usize {
        2 * self.pair + usize::from(self.direction == Direction::BToA)
    }

    fn scores(&self) -> NliScores {
        NliScores {
            entailment: self.entailment,
            neutral: self.neutral,
            contradiction: self.contradiction,
        }
    }
}

/// Writes a shard's scores: the header, then one line per scored input, in order.
pub fn write_scores(
    path: Option<&Path>,
    header: &ScoresHeader,
    scores: &[(usize, NliScores)],
) -> io::Result<()> {
    write_output(path, |out| {
        serde_json::to_writer(&mut *out, header)?;
        writeln!(out)?;
        for &(input, s) in scores {
            serde_json::to_writer(&mut *out, &ScoreLine::new(input, s))?;
            writeln!(out)?;
        }
        Ok(())
    })
}

/// One scores file, read and checked against its plan.
struct ScoresFile {
    path: PathBuf,
    header: ScoresHeader,
    scores: Vec<(usize, NliScores)>,
}

fn read_scores_file(path: &Path, plan: &PlanFile) -> Result<ScoresFile, StageError> {
    let bytes = input::read_regular(path, MAX_STAGE_FILE_BYTES)?;
    let bad = |line: usize, message: String| StageError::BadScores {
        path: path.to_path_buf(),
        line,
        message,
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| bad(0, format!("not UTF-8: {e}")))?;
    let mut lines = text.lines().enumerate().map(|(n, line)| (n + 1, line));
    let (_, first) = lines
        .next()
        .ok_or_else(|| bad(1, "empty: no header line".into()))?;
    let header: ScoresHeader = serde_json::from_str(first)
        .map_err(|e| bad(1, format!("not a contra scores header: {e}")))?;
    if header.schema != SCORES_SCHEMA {
        return Err(bad(
            1,
            format!(
                "schema {:?}, this contra reads {SCORES_SCHEMA:?}",
                header.schema
            ),
        ));
    }
    if header.plan_sha256 != plan.sha256 {
        return Err(StageError::OtherPlan {
            path: path.to_path_buf(),
            plan: plan.path.clone(),
            found: header.plan_sha256,
            expected: plan.sha256.clone(),
        });
    }
    let pairs = plan.plan.pairs.len();
    let mut scores = Vec::with_capacity(header.inputs);
    for (number, line) in lines {
        let line: ScoreLine = serde_json::from_str(line).map_err(|e| bad(number, e.to_string()))?;
        if line.pair >= pairs {
            return Err(bad(
                number,
                format!("pair {} is not in the plan, which has {pairs}", line.pair),
            ));
        }
        scores.push((line.input(), line.scores()));
    }
    if scores.len() != header.inputs {
        let message = format!(
            "{} scores, but the header says {} (a cut file?)",
            scores.len(),
            header.inputs
        );
        return Err(bad(1, message));
    }
    Ok(ScoresFile {
        path: path.to_path_buf(),
        header,
        scores,
    })
}

/// Every shard of one split exactly once, all scored by one model in one precision.
fn check_shards(files: &[ScoresFile]) -> Result<ScoredBy, StageError> {
    let Some(first) = files.first() else {
        return Err(StageError::MissingShards {
            missing: "all".into(),
            given: "none".into(),
        });
    };
    let scored_by = |f: &ScoresFile| format!("{} in {}", f.header.nli_model, f.header.precision);
    let count = first.header.shard.count;
    let mut seen: BTreeMap<usize, &Path> = BTreeMap::new();
    for file in files {
        let shard = file.header.shard;
        if shard.count != count {
            return Err(StageError::OtherSplit {
                path: file.path.clone(),
                shard,
                first: first.path.clone(),
                other: first.header.shard,
            });
        }
        if let Some(earlier) = seen.insert(shard.index, &file.path) {
            return Err(StageError::DuplicateShard {
                first: earlier.to_path_buf(),
                second: file.path.clone(),
                shard,
            });
        }
        if scored_by(file) != scored_by(first) {
            return Err(StageError::OtherModel {
                path: file.path.clone(),
                found: scored_by(file),
                first: first.path.clone(),
                expected: scored_by(first),
            });
        }
    }
    let shard_list = |indices: &mut dyn Iterator<Item = usize>| {
        indices
            .map(|k| format!("{k}/{count}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if seen.len() < count {
        return Err(StageError::MissingShards {
            missing: shard_list(&mut (0..count).filter(|k| !seen.contains_key(k))),
            given: shard_list(&mut seen.keys().copied()),
        });
    }
    Ok(ScoredBy {
        nli_model: first.header.nli_model.clone(),
        precision: first.header.precision,
    })
}

/// Reads every shard's scores of a plan: each pair's two directions in plan order, and the
/// model that scored them.
pub fn read_scores(
    plan: &PlanFile,
    paths: &[PathBuf],
) -> Result<(Vec<(NliScores, NliScores)>, ScoredBy), StageError> {
    let files = paths
        .iter()
        .map(|path| read_scores_file(path, plan))
        .collect::<Result<Vec<_>, _>>()?;
    let scored_by = check_shards(&files)?;
    let mut inputs: Vec<Option<(NliScores, &Path)>> = vec![None; 2 * plan.plan.pairs.len()];
    for file in &files {
        for &(input, scores) in &file.scores {
            if let Some((_, other)) = inputs[input].replace((scores, &file.path)) {
                return Err(StageError::ScoredTwice {
                    path: file.path.clone(),
                    other: other.to_path_buf(),
                    pair: input / 2,
                    direction: Direction::of(input),
                });
            }
        }
    }
    let mut all = Vec::with_capacity(inputs.len());
    for (input, scored) in inputs.into_iter().enumerate() {
        let Some((scores, _)) = scored else {
            return Err(StageError::Unscored {
                plan: plan.path.clone(),
                pair: input / 2,
                direction: Direction::of(input),
            });
        };
        all.push(scores);
    }
    Ok((pair_directions(all.into_iter()), scored_by))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_lines_read_back_every_f32_exactly() {
        // Probabilities of every magnitude, down to the smallest normal and below, where
        // reading the shortest decimal as f64 first and then rounding to f32 could be off.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f32::from_bits((state >> 33) as u32 & 0x3f7f_ffff);
            let line = ScoreLine::new(7, NliScores::from_probabilities([value, 1.0 - value, 0.0]));
            let text = serde_json::to_string(&line).unwrap();
            let back: ScoreLine = serde_json::from_str(&text).unwrap();
            assert_eq!(back.entailment.to_bits(), value.to_bits(), "{text}");
            assert_eq!(
                (back.pair, back.direction, back.input()),
                (3, Direction::BToA, 7)
            );
        }
    }
}

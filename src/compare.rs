//! `contra compare` in three stages, which `contra plan`, `contra score` and `contra rank`
//! also run one at a time (spread over machines; `stages` reads and writes their files):
//! - **plan**: claims from every article, then the cross-speaker candidate pairs
//!   (pre-selected by embedding similarity when there are many; see `candidates`);
//! - **score**: NLI in both directions for the candidate pairs, or a shard of them;
//! - **rank**: hubs, sides, relatedness (see `ranking`) → the report.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::article::{Article, ArticleError};
use crate::candidates::{self, Pairing};
use crate::claims::{self, Claim, Speaker};
use crate::embed::{cosine, Embedder};
use crate::encoder::ModelError;
use crate::nli::{NliModel, NliScores};
use crate::options::{Precision, Shard};
use crate::progress::Progress;
use crate::ranking::{self, Judged, Ranking};
use crate::report::{
    Directions, GeneratedBy, InputSummary, Report, ReportClaim, ScoredPair, Settings, SideSummary,
    SpeakerSummary, REPORT_SCHEMA,
};

#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    #[error(transparent)]
    Article(#[from] ArticleError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("no articles given")]
    NoInput,
    #[error("unknown speaker id {id:?} in --speakers; the articles have: {known}")]
    UnknownSpeaker { id: String, known: String },
}

pub use crate::options::DEFAULT_MIN_SIMILARITY;
use crate::options::{DEFAULT_MAX_PAIRS, DEFAULT_MIN_SCORE, DEFAULT_NEIGHBOURS, DEFAULT_TOP};

/// What to score and what to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareOptions {
    pub top: usize,
    pub min_score: f32,
    /// Pairs whose claims are less similar than this (embedding cosine) are unrelated and
    /// not scored.
    pub min_similarity: f32,
    /// Only pairs between these speaker ids.
    pub speakers: Option<Vec<String>>,
    /// Above this many cross-speaker pairs, keep only each claim's `neighbours` most
    /// similar claims of other speakers.
    pub max_pairs: usize,
    pub neighbours: usize,
    /// How the run looks, not what it finds: not part of a plan.
    #[serde(skip)]
    pub show_progress: bool,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            top: DEFAULT_TOP,
            min_score: DEFAULT_MIN_SCORE,
            min_similarity: DEFAULT_MIN_SIMILARITY,
            speakers: None,
            max_pairs: DEFAULT_MAX_PAIRS,
            neighbours: DEFAULT_NEIGHBOURS,
            show_progress: false,
        }
    }
}

/// The loaded models, reused for every article of a run.
pub struct Models {
    pub embedder: Embedder,
    pub nli: NliModel,
    pub nli_name: String,
    pub embedding_name: String,
}

/// `Plan::schema` of the plans this version writes and reads.
pub const PLAN_SCHEMA: &str = "contra.plan/1";

/// The plan stage's output: everything scoring and ranking need, and nothing they would
/// have to recompute (no embeddings). Plain data; `stages` writes it as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema: String,
    /// The contra version that wrote it: scores and ranks come from the same version.
    pub version: String,
    pub embedding_model: String,
    /// The precision the embedding model ran in (`auto` resolved).
    pub embedding_precision: Precision,
    pub options: CompareOptions,
    pub selection: Selection,
    pub inputs: Vec<InputSummary>,
    /// Every speaker of the articles, merged across them; claims and ranking refer to them.
    pub speakers: Vec<Speaker>,
    /// The claims worth pairing, as the report lists them.
    pub claims: Vec<ReportClaim>,
    /// The candidate pairs to score, in order.
    pub pairs: Vec<PlannedPair>,
}

/// How the candidate pairs were chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// Cross-speaker pairs there were before pre-selection.
    pub cross_speaker: usize,
    /// Whether only each claim's nearest claims of other speakers were kept.
    pub preselected: bool,
    /// Pairs left out as unrelated (similarity below `options.min_similarity`).
    pub unrelated: usize,
}

/// A candidate pair: indices into `Plan::claims`, `a < b`, and their embedding cosine.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedPair {
    pub a: usize,
    pub b: usize,
    pub similarity: f32,
}

/// The NLI model that scored a run's pairs, as the report names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredBy {
    pub nli_model: String,
    /// The precision it ran in (`auto` resolved).
    pub precision: Precision,
}

/// Wall time of each step of one comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepTimes {
    pub claims: Duration,
    pub embedding: Duration,
    pub candidates: Duration,
    pub nli: Duration,
    /// NLI inputs scored: two directions per candidate pair.
    pub nli_inputs: usize,
    pub ranking: Duration,
}

impl StepTimes {
    /// The plan stage's steps.
    pub fn plan_steps(&self) -> String {
        format!(
            "claims {:.2} s · embedding {:.2} s · candidates {:.2} s",
            self.claims.as_secs_f64(),
            self.embedding.as_secs_f64(),
            self.candidates.as_secs_f64(),
        )
    }

    /// The score stage's step.
    pub fn nli_step(&self) -> String {
        let rate = self.nli_inputs as f64 / self.nli.as_secs_f64().max(1e-9);
        format!(
            "nli {:.2} s ({} inputs, {rate:.1}/s)",
            self.nli.as_secs_f64(),
            self.nli_inputs
        )
    }
}

impl std::fmt::Display for StepTimes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} · {} · ranking {:.2} s",
            self.plan_steps(),
            self.nli_step(),
            self.ranking.as_secs_f64(),
        )
    }
}

/// What one comparison gives: the report, each step's time and the warnings (for the
/// caller to show; the library prints nothing).
#[derive(Debug, Clone)]
pub struct Comparison {
    pub report: Report,
    pub times: StepTimes,
    /// Problems with the articles that did not stop the run, each naming its file.
    pub warnings: Vec<String>,
}

/// plan → score (every pair) → rank: the stages a staged comparison runs one at a time.
pub fn compare(
    paths: &[PathBuf],
    models: &Models,
    options: &CompareOptions,
) -> Result<Comparison, CompareError> {
    let Planned {
        plan,
        mut times,
        warnings,
    } = plan(paths, &models.embedder, &models.embedding_name, options)?;
    let started = Instant::now();
    let scores = score(&plan, &models.nli, Shard::ALL, options.show_progress)?;
    times.nli = started.elapsed();
    times.nli_inputs = scores.len();
    let directions = pair_directions(scores.into_iter().map(|(_, s)| s));
    let started = Instant::now();
    let scored_by = ScoredBy {
        nli_model: models.nli_name.clone(),
        precision: models.nli.precision(),
    };
    let report = rank(plan, &directions, scored_by);
    times.ranking = started.elapsed();
    Ok(Comparison {
        report,
        times,
        warnings,
    })
}

/// The plan stage's output and what it took.
#[derive(Debug, Clone)]
pub struct Planned {
    pub plan: Plan,
    /// The claims, embedding and candidates steps.
    pub times: StepTimes,
    /// Problems with the articles that did not stop the run, each naming its file.
    pub warnings: Vec<String>,
}

/// Claims of every article → their embeddings → the candidate pairs, each step timed.
pub fn plan(
    paths: &[PathBuf],
    embedder: &Embedder,
    embedding_model: &str,
    options: &CompareOptions,
) -> Result<Planned, CompareError> {
    let mut times = StepTimes::default();
    let mut clock = Instant::now();
    let mut lap = || std::mem::replace(&mut clock, Instant::now()).elapsed();
    let extracted = extract(paths, options)?;
    times.claims = lap();
    let texts: Vec<&str> = extracted.claims.iter().map(|c| c.text.as_str()).collect();
    let progress = Progress::new(options.show_progress, texts.len() as u64, "embedding");
    let embeddings = embedder.embed(&texts, &progress)?;
    progress.finish();
    times.embedding = lap();
    let (selection, pairs) = candidates(&extracted, &embeddings, options);
    times.candidates = lap();
    let plan = Plan {
        schema: PLAN_SCHEMA.to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        embedding_model: embedding_model.to_string(),
        embedding_precision: embedder.precision(),
        options: options.clone(),
        selection,
        inputs: extracted.inputs,
        speakers: extracted.speakers,
        claims: extracted.claims,
        pairs,
    };
    Ok(Planned {
        plan,
        times,
        warnings: extracted.warnings,
    })
}

/// The NLI inputs of a plan: two per pair, input `2p` with pair `p`'s claim `a` as the
/// premise, `2p + 1` with claim `b`.
fn nli_inputs(plan: &Plan) -> Vec<(&str, &str)> {
    let text = |i: usize| plan.claims[i].text.as_str();
    plan.pairs
        .iter()
        .flat_map(|p| [(text(p.a), text(p.b)), (text(p.b), text(p.a))])
        .collect()
}

/// NLI class probabilities of the plan's inputs (see `nli_inputs`) in `shard`'s share of
/// the batches, each with its input's index, in order. The batches are those of a run over
/// every input, so every shard's scores equal that run's.
pub fn score(
    plan: &Plan,
    nli: &NliModel,
    shard: Shard,
    show_progress: bool,
) -> Result<Vec<(usize, NliScores)>, CompareError> {
    let inputs = nli_inputs(plan);
    let progress = Progress::new(show_progress, inputs.len() as u64, "nli");
    let scores = nli.score_shard(&inputs, shard, &progress)?;
    progress.finish();
    Ok(scores)
}

/// Every input's scores in input order → each pair's two directions.
pub fn pair_directions(scores: impl Iterator<Item = NliScores>) -> Vec<(NliScores, NliScores)> {
    let scores: Vec<NliScores> = scores.collect();
    scores.chunks_exact(2).map(|d| (d[0], d[1])).collect()
}

/// The report from a plan and its pairs' scores in both directions (in plan order).
pub fn rank(plan: Plan, directions: &[(NliScores, NliScores)], scored_by: ScoredBy) -> Report {
    let speaker_of = speaker_indices(&plan.speakers, &plan.claims);
    let judged: Vec<Judged> = plan
        .pairs
        .iter()
        .zip(directions)
        .map(|(pair, &(a_to_b, b_to_a))| Judged {
            claims: (pair.a, pair.b),
            speakers: (speaker_of[pair.a], speaker_of[pair.b]),
            scores: combine_directions(a_to_b, b_to_a),
            directions: (a_to_b, b_to_a),
            similarity: pair.similarity,
        })
        .collect();
    let affiliations = ranking::speaker_affiliations(&plan.speakers);
    let ranking = ranking::rank(&judged, &affiliations);
    build_report(plan, &judged, &ranking, scored_by)
}

/// The claims step's output: what was read, who spoke, and the claims worth pairing.
struct Extracted {
    inputs: Vec<InputSummary>,
    speakers: Vec<Speaker>,
    claims: Vec<ReportClaim>,
    /// Problems that did not stop the articles from being read, each naming its file.
    warnings: Vec<String>,
}

/// Claims of every article, speakers merged across articles, nested and repeated claims set
/// aside; `--speakers` checked against the speakers found.
fn extract(paths: &[PathBuf], options: &CompareOptions) -> Result<Extracted, CompareError> {
    if paths.is_empty() {
        return Err(CompareError::NoInput);
    }
    let progress = Progress::new(options.show_progress, paths.len() as u64, "claims");
    let mut inputs = Vec::new();
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    for (index, path) in paths.iter().enumerate() {
        let article = Article::load(path)?;
        let article_claims = claims::extract_claims(&article);
        warnings.extend(article.warnings.iter().cloned());
        warnings.extend(article_claims.warnings.iter().cloned());
        inputs.push(InputSummary {
            id: input_id(index),
            path: path.display().to_string(),
            sha256: sha256_hex(article.text.as_bytes()),
            claims: article_claims.claims.len(),
        });
        found.push(article_claims);
        progress.inc(1);
    }
    progress.finish();
    let speakers: Vec<Speaker> = claims::merge_article_speakers(&mut found);
    for id in options.speakers.iter().flatten() {
        if !speakers.iter().any(|s| &s.id == id) {
            let known: Vec<&str> = speakers.iter().map(|s| s.id.as_str()).collect();
            return Err(CompareError::UnknownSpeaker {
                id: id.clone(),
                known: known.join(", "),
            });
        }
    }
    let claims = inputs
        .iter()
        .zip(found)
        .flat_map(|(input, article_claims)| {
            claims_to_compare(article_claims.claims)
                .into_iter()
                .map(move |claim| run_claim(&input.id, claim))
        })
        .collect();
    Ok(Extracted {
        inputs,
        speakers,
        claims,
        warnings,
    })
}

/// An article's claim as the run knows it, its id prefixed with the article's.
fn run_claim(article: &str, claim: Claim) -> ReportClaim {
    ReportClaim {
        id: format!("{article}:{}", claim.id),
        article: article.to_string(),
        speaker: claim.speaker,
        text: claim.text,
        span: claim.span,
        source_span: claim.source_span,
        cue: claim.cue,
        kind: claim.kind,
    }
}

/// Each claim's speaker as an index into the run's speakers.
fn speaker_indices(speakers: &[Speaker], claims: &[ReportClaim]) -> Vec<usize> {
    let mut index: HashMap<&str, usize> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // Every claim's speaker is in the merged list; one that were not would still be its
    // own speaker, never another's.
    claims
        .iter()
        .map(|c| {
            let next = index.len();
            *index.entry(c.speaker.as_str()).or_insert(next)
        })
        .collect()
}

/// Which claims may be paired: different speakers, both allowed by `--speakers`, and not
/// one statement (people named together, `Cummings and Conyers said`, share one claim's
/// span: that is one statement, not two speakers agreeing).
fn pairing(extracted: &Extracted, options: &CompareOptions) -> Pairing {
    let claims = &extracted.claims;
    let mut statements: HashMap<(&str, usize, usize), usize> = HashMap::new();
    let statement = claims
        .iter()
        .map(|c| {
            let next = statements.len();
            *statements
                .entry((c.article.as_str(), c.span.start, c.span.end))
                .or_insert(next)
        })
        .collect();
    let allowed = claims
        .iter()
        .map(|c| {
            options
                .speakers
                .as_ref()
                .is_none_or(|ids| ids.contains(&c.speaker))
        })
        .collect();
    Pairing::new(
        speaker_indices(&extracted.speakers, claims),
        statement,
        allowed,
    )
}

/// Every cross-speaker pair, or above `max_pairs` each claim's nearest other-speaker claims;
/// then only the related ones (similarity at or above the floor).
fn candidates(
    extracted: &Extracted,
    embeddings: &[Vec<f32>],
    options: &CompareOptions,
) -> (Selection, Vec<PlannedPair>) {
    let pairing = pairing(extracted, options);
    // Counted, not listed: above `max_pairs` the full list is never needed.
    let cross_speaker = pairing.count();
    let preselected = cross_speaker > options.max_pairs;
    let pairs = if preselected {
        candidates::nearest_pairs(embeddings, &pairing, options.neighbours)
    } else {
        pairing.all_pairs()
    };
    let mut unrelated = 0;
    let related = pairs
        .into_iter()
        .filter_map(|(a, b)| {
            let similarity = cosine(&embeddings[a], &embeddings[b]);
            let related = similarity >= options.min_similarity;
            unrelated += usize::from(!related);
            related.then_some(PlannedPair { a, b, similarity })
        })
        .collect();
    let selection = Selection {
        cross_speaker,
        preselected,
        unrelated,
    };
    (selection, related)
}

fn build_report(plan: Plan, judged: &[Judged], ranking: &Ranking, scored_by: ScoredBy) -> Report {
    let claim_id = |i: usize| plan.claims[i].id.clone();
    let speaker_id = |i: usize| plan.claims[i].speaker.clone();
    let pairs = ranking
        .order
        .iter()
        .enumerate()
        .map(|(rank, &k)| {
            let (j, r) = (&judged[k], &ranking.pairs[k]);
            let (i, other) = j.claims;
            ScoredPair {
                rank: rank + 1,
                a: claim_id(i),
                b: claim_id(other),
                speaker_a: speaker_id(i),
                speaker_b: speaker_id(other),
                label: j.scores.label(),
                score: r.score,
                contradiction: j.scores.contradiction,
                entailment: j.scores.entailment,
                neutral: j.scores.neutral,
                similarity: j.similarity,
                same_side: r.same_side,
                directions: Directions {
                    a_to_b: j.directions.0,
                    b_to_a: j.directions.1,
                },
            }
        })
        .collect();
    let sides = ranking
        .sides
        .iter()
        .enumerate()
        .map(|(n, members)| SideSummary {
            id: format!("side-{}", n + 1),
            speakers: members
                .iter()
                .filter_map(|&s| plan.speakers.get(s).map(|s| s.id.clone()))
                .collect(),
        })
        .collect();
    let options = &plan.options;
    Report {
        schema: REPORT_SCHEMA.to_string(),
        generated_by: GeneratedBy {
            tool: "contra".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            nli_model: scored_by.nli_model,
            embedding_model: plan.embedding_model.clone(),
            precision: scored_by.precision,
        },
        settings: Settings {
            top: options.top,
            min_score: options.min_score,
            min_similarity: options.min_similarity,
            max_pairs: options.max_pairs,
            neighbours: options.neighbours,
            candidate_pairs: plan.selection.cross_speaker,
            unrelated_pairs: plan.selection.unrelated,
            preselected: plan.selection.preselected,
            speakers: options.speakers.clone(),
        },
        speakers: speaker_summaries(&plan.speakers, &plan.claims),
        inputs: plan.inputs,
        sides,
        claims: plan.claims,
        pairs,
    }
}

/// The speakers with claims in the run; those whose every claim was set aside (nested or
/// repeated) take no part.
fn speaker_summaries(speakers: &[Speaker], claims: &[ReportClaim]) -> Vec<SpeakerSummary> {
    let mut claims_per_speaker: BTreeMap<&str, usize> = BTreeMap::new();
    for claim in claims {
        *claims_per_speaker
            .entry(claim.speaker.as_str())
            .or_default() += 1;
    }
    speakers
        .iter()
        .filter_map(|s| {
            let claims = *claims_per_speaker.get(s.id.as_str())?;
            Some(SpeakerSummary {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind,
                role: s.role.clone(),
                aliases: s.aliases.clone(),
                claims,
            })
        })
        .collect()
}

/// The claims of one article worth pairing. A claim nested inside another speaker's claim
/// ("Lavrov said that if Kiev wanted to announce …") is the outer speaker's report, not the
/// inner speaker's assertion; a speaker repeating the same words (a lead that reappears
/// in the body) would only duplicate pairs; the unknown speaker's claims (a pronoun
/// without antecedent) may be any other speaker's, so no pair of them is known to be
/// between two speakers; and a one-word answer (`"Probably."`) states nothing without its
/// question.
fn claims_to_compare(claims: Vec<Claim>) -> Vec<Claim> {
    let nested = |c: &Claim| {
        claims.iter().any(|outer| {
            // Starts inside a longer claim of someone else (extractors may let the
            // inner claim run on past the outer one's end).
            outer.speaker != c.speaker
                && outer.span.start <= c.span.start
                && c.span.start < outer.span.end
                && outer.span.end - outer.span.start > c.span.end - c.span.start
        })
    };
    let keep: Vec<bool> = claims
        .iter()
        .map(|c| {
            !nested(c)
                && c.speaker != claims::UNKNOWN_SPEAKER_ID
                && c.text.split_whitespace().nth(1).is_some()
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    claims
        .into_iter()
        .zip(keep)
        .filter(|(c, keep)| *keep && seen.insert((c.speaker.clone(), normalized(&c.text))))
        .map(|(c, _)| c)
        .collect()
}

fn normalized(text: &str) -> String {
    let text = text.trim_start();
    let text = text
        .strip_prefix("that ")
        .or_else(|| text.strip_prefix("That "))
        .unwrap_or(text);
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The pair's scores: the mean of the two directions' class probabilities. NLI is trained
/// on one direction, but contradiction between two claims is symmetric; averaging keeps a
/// one-direction artefact from topping the ranking (see README for the measurement).
pub fn combine_directions(a_to_b: NliScores, b_to_a: NliScores) -> NliScores {
    NliScores {
        entailment: (a_to_b.entailment + b_to_a.entailment) / 2.0,
        neutral: (a_to_b.neutral + b_to_a.neutral) / 2.0,
        contradiction: (a_to_b.contradiction + b_to_a.contradiction) / 2.0,
    }
}

/// A, B, …, Z, AA, AB, …
fn input_id(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_ids_run_like_spreadsheet_columns() {
        assert_eq!(input_id(0), "A");
        assert_eq!(input_id(25), "Z");
        assert_eq!(input_id(26), "AA");
        assert_eq!(input_id(27), "AB");
    }

    fn claim(id: &str, speaker: &str, text: &str, start: usize, end: usize) -> Claim {
        Claim {
            id: id.into(),
            speaker: speaker.into(),
            text: text.into(),
            span: crate::claims::Span { start, end },
            source_span: None,
            cue: None,
            kind: crate::claims::ClaimKind::Indirect,
        }
    }

    #[test]
    fn nested_claims_repeats_and_the_unknown_speakers_claims_are_not_compared() {
        let claims = vec![
            claim(
                "c1",
                "lavrov",
                "if Kiev wanted to announce that all failed",
                0,
                50,
            ),
            claim("c2", "kiev", "all failed, Lavrov noted", 30, 60),
            claim(
                "c3",
                "lavrov",
                "that If Kiev wanted to announce that all failed.",
                100,
                150,
            ),
            claim("c4", "kuleba", "Ukraine will never surrender", 200, 230),
            claim(
                "c5",
                claims::UNKNOWN_SPEAKER_ID,
                "the talks failed",
                300,
                320,
            ),
            claim("c6", "kuleba", "Lavrov lied", 305, 315),
            claim("c7", "lavrov", "Probably.", 400, 409),
        ];
        let kept: Vec<String> = claims_to_compare(claims)
            .into_iter()
            .map(|c| c.id)
            .collect();
        // The unknown speaker's claim is not paired, and what it reports stays its report;
        // nor is a one-word answer.
        assert_eq!(kept, ["c1", "c4"]);
    }

    #[test]
    fn unrelated_pairs_are_not_candidates() {
        let claims = ["lavrov", "kuleba", "kuleba"]
            .iter()
            .enumerate()
            .map(|(i, speaker)| {
                run_claim(
                    "A",
                    claim(&format!("c{i}"), speaker, "text", i * 10, i * 10 + 5),
                )
            })
            .collect();
        let extracted = Extracted {
            inputs: Vec::new(),
            speakers: Vec::new(),
            claims,
            warnings: Vec::new(),
        };
        // Cosines: 0.6 between claims 0 and 1, 0.05 between 0 and 2.
        let embeddings = vec![vec![1.0, 0.0], vec![0.6, 0.8], vec![0.05, -0.99875]];
        let (selection, pairs) = candidates(&extracted, &embeddings, &CompareOptions::default());
        assert_eq!(
            pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(),
            [(0, 1)]
        );
        assert_eq!((selection.cross_speaker, selection.unrelated), (2, 1));
        assert!(!selection.preselected);
    }

    #[test]
    fn combined_scores_stay_a_distribution() {
        let a = NliScores::from_probabilities([0.1, 0.2, 0.7]);
        let b = NliScores::from_probabilities([0.3, 0.6, 0.1]);
        let c = combine_directions(a, b);
        assert!((c.entailment + c.neutral + c.contradiction - 1.0).abs() < 1e-6);
        assert!((c.contradiction - 0.4).abs() < 1e-6);
    }
}

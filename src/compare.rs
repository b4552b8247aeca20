//! `contra compare`: claims from every article → cross-speaker candidate pairs (pre-selected
//! by embedding similarity when there are many) → NLI in both directions → ranking (hubs,
//! sides, relatedness; see `ranking`) → report.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::article::{Article, ArticleError};
use crate::claims::{self, Claim, Speaker};
use crate::embed::{cosine, Embedder};
use crate::encoder::ModelError;
use crate::nli::{NliModel, NliScores};
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
#[derive(Debug, Clone)]
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

/// A claim with the article it came from.
struct RunClaim {
    id: String,
    article: String,
    claim: Claim,
}

/// The claims step's output: what was read, who spoke, and the claims worth pairing.
struct Extracted {
    inputs: Vec<InputSummary>,
    speakers: Vec<Speaker>,
    claims: Vec<RunClaim>,
    /// Problems that did not stop the articles from being read, each naming its file.
    warnings: Vec<String>,
}

/// The candidates step's output: claim index pairs to score.
struct Candidates {
    pairs: Vec<(usize, usize)>,
    /// Cross-speaker pairs there were before pre-selection.
    cross_speaker: usize,
    preselected: bool,
    /// Pre-selected pairs dropped as unrelated.
    unrelated: usize,
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

impl std::fmt::Display for StepTimes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rate = self.nli_inputs as f64 / self.nli.as_secs_f64().max(1e-9);
        write!(
            f,
            "claims {:.2} s · embedding {:.2} s · candidates {:.2} s · nli {:.2} s \
             ({} inputs, {rate:.1}/s) · ranking {:.2} s",
            self.claims.as_secs_f64(),
            self.embedding.as_secs_f64(),
            self.candidates.as_secs_f64(),
            self.nli.as_secs_f64(),
            self.nli_inputs,
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

/// claims → candidates → scoring → ranking → report, each step timed.
pub fn compare(
    paths: &[PathBuf],
    models: &Models,
    options: &CompareOptions,
) -> Result<Comparison, CompareError> {
    let mut times = StepTimes::default();
    let mut clock = Instant::now();
    let mut lap = || std::mem::replace(&mut clock, Instant::now()).elapsed();
    let mut extracted = extract(paths, options)?;
    times.claims = lap();
    let texts: Vec<&str> = extracted
        .claims
        .iter()
        .map(|c| c.claim.text.as_str())
        .collect();
    let progress = Progress::new(options.show_progress, texts.len() as u64, "embedding");
    let embeddings = models.embedder.embed(&texts, &progress)?;
    progress.finish();
    times.embedding = lap();
    let similarity = |(i, j): (usize, usize)| cosine(&embeddings[i], &embeddings[j]);
    let speaker_index = speaker_indices(&extracted);
    let candidates = candidates(&speaker_index, &extracted, options, &similarity);
    times.candidates = lap();
    let judged = judge(
        models,
        &texts,
        &candidates.pairs,
        &speaker_index,
        &similarity,
        options,
    )?;
    times.nli = lap();
    times.nli_inputs = 2 * candidates.pairs.len();
    let affiliations = ranking::speaker_affiliations(&extracted.speakers);
    let ranking = ranking::rank(&judged, &affiliations);
    let warnings = std::mem::take(&mut extracted.warnings);
    let report = build_report(extracted, candidates, &judged, &ranking, models, options);
    times.ranking = lap();
    Ok(Comparison {
        report,
        times,
        warnings,
    })
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
                .map(move |claim| RunClaim {
                    id: format!("{}:{}", input.id, claim.id),
                    article: input.id.clone(),
                    claim,
                })
        })
        .collect();
    Ok(Extracted {
        inputs,
        speakers,
        claims,
        warnings,
    })
}

/// Each claim's speaker as an index into the run's speakers.
fn speaker_indices(extracted: &Extracted) -> Vec<usize> {
    let mut index: HashMap<&str, usize> = extracted
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // Every claim's speaker is in the merged list; one that were not would still be its
    // own speaker, never another's.
    extracted
        .claims
        .iter()
        .map(|c| {
            let next = index.len();
            *index.entry(c.claim.speaker.as_str()).or_insert(next)
        })
        .collect()
}

/// Every cross-speaker pair, or above `max_pairs` each claim's nearest other-speaker claims;
/// then only the related ones (similarity at or above the floor).
fn candidates(
    speaker_of: &[usize],
    extracted: &Extracted,
    options: &CompareOptions,
    similarity: &dyn Fn((usize, usize)) -> f32,
) -> Candidates {
    let allowed = |i: usize| {
        options.speakers.as_ref().is_none_or(|ids| {
            ids.iter()
                .any(|id| *id == extracted.claims[i].claim.speaker)
        })
    };
    // People named together (`Cummings and Conyers said`) share one claim's span: that
    // is one statement, not two speakers agreeing.
    let one_statement = |i: usize, j: usize| {
        let (a, b) = (&extracted.claims[i], &extracted.claims[j]);
        a.article == b.article && a.claim.span == b.claim.span
    };
    let pairable = |i: usize, j: usize| {
        speaker_of[i] != speaker_of[j] && allowed(i) && allowed(j) && !one_statement(i, j)
    };
    let n = extracted.claims.len();
    // Counted, not listed: above `max_pairs` the full list is never needed.
    let cross_speaker = count_pairs(n, &pairable);
    let preselected = cross_speaker > options.max_pairs;
    let pairs = if preselected {
        nearest_pairs(n, &pairable, similarity, options.neighbours)
    } else {
        all_pairs(n, &pairable)
    };
    let (related, unrelated): (Vec<_>, Vec<_>) = pairs
        .into_iter()
        .partition(|&pair| similarity(pair) >= options.min_similarity);
    Candidates {
        pairs: related,
        cross_speaker,
        preselected,
        unrelated: unrelated.len(),
    }
}

/// NLI in both directions for every candidate pair, in one batched call.
fn judge(
    models: &Models,
    texts: &[&str],
    pairs: &[(usize, usize)],
    speaker_of: &[usize],
    similarity: &dyn Fn((usize, usize)) -> f32,
    options: &CompareOptions,
) -> Result<Vec<Judged>, CompareError> {
    let nli_inputs: Vec<(&str, &str)> = pairs
        .iter()
        .flat_map(|&(i, j)| [(texts[i], texts[j]), (texts[j], texts[i])])
        .collect();
    let progress = Progress::new(options.show_progress, nli_inputs.len() as u64, "nli");
    let scores = models.nli.score(&nli_inputs, &progress)?;
    progress.finish();
    Ok(pairs
        .iter()
        .zip(scores.chunks_exact(2))
        .map(|(&(i, j), both)| Judged {
            claims: (i, j),
            speakers: (speaker_of[i], speaker_of[j]),
            scores: combine_directions(both[0], both[1]),
            directions: (both[0], both[1]),
            similarity: similarity((i, j)),
        })
        .collect())
}

fn build_report(
    extracted: Extracted,
    candidates: Candidates,
    judged: &[Judged],
    ranking: &Ranking,
    models: &Models,
    options: &CompareOptions,
) -> Report {
    let claim_id = |i: usize| extracted.claims[i].id.clone();
    let speaker_id = |i: usize| extracted.claims[i].claim.speaker.clone();
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
                .filter_map(|&s| extracted.speakers.get(s).map(|s| s.id.clone()))
                .collect(),
        })
        .collect();
    Report {
        schema: REPORT_SCHEMA.to_string(),
        generated_by: GeneratedBy {
            tool: "contra".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            nli_model: models.nli_name.clone(),
            embedding_model: models.embedding_name.clone(),
            precision: models.nli.precision(),
        },
        settings: Settings {
            top: options.top,
            min_score: options.min_score,
            min_similarity: options.min_similarity,
            max_pairs: options.max_pairs,
            neighbours: options.neighbours,
            candidate_pairs: candidates.cross_speaker,
            unrelated_pairs: candidates.unrelated,
            preselected: candidates.preselected,
            speakers: options.speakers.clone(),
        },
        speakers: speaker_summaries(&extracted),
        inputs: extracted.inputs,
        sides,
        claims: extracted
            .claims
            .into_iter()
            .map(|c| ReportClaim {
                id: c.id,
                article: c.article,
                speaker: c.claim.speaker,
                text: c.claim.text,
                span: c.claim.span,
                source_span: c.claim.source_span,
                cue: c.claim.cue,
                kind: c.claim.kind,
            })
            .collect(),
        pairs,
    }
}

/// The speakers with claims in the run; those whose every claim was set aside (nested or
/// repeated) take no part.
fn speaker_summaries(extracted: &Extracted) -> Vec<SpeakerSummary> {
    let mut claims_per_speaker: BTreeMap<&str, usize> = BTreeMap::new();
    for claim in &extracted.claims {
        *claims_per_speaker
            .entry(claim.claim.speaker.as_str())
            .or_default() += 1;
    }
    extracted
        .speakers
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
/// inner speaker's assertion; and a speaker repeating the same words (a lead that reappears
/// in the body) would only duplicate pairs.
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
    let keep: Vec<bool> = claims.iter().map(|c| !nested(c)).collect();
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

/// How many pairs `i < j` of `n` claims are `pairable`, without listing them.
fn count_pairs(n: usize, pairable: &dyn Fn(usize, usize) -> bool) -> usize {
    (0..n)
        .map(|i| (i + 1..n).filter(|&j| pairable(i, j)).count())
        .sum()
}

/// Every `pairable` pair `i < j` of `n` claims.
fn all_pairs(n: usize, pairable: &dyn Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter(|&(i, j)| pairable(i, j))
        .collect()
}

/// For each claim, its `k` most similar `pairable` claims; the union of those pairs
/// (i < j). Memory stays linear in the number of claims for a fixed `k`.
fn nearest_pairs(
    n: usize,
    pairable: &dyn Fn(usize, usize) -> bool,
    similarity: &dyn Fn((usize, usize)) -> f32,
    k: usize,
) -> Vec<(usize, usize)> {
    let mut chosen = std::collections::BTreeSet::new();
    for i in 0..n {
        let mut others: Vec<(f32, usize)> = (0..n)
            .filter(|&j| j != i && pairable(i.min(j), i.max(j)))
            .map(|j| (similarity((i, j)), j))
            .collect();
        others.sort_by(|a, b| b.0.total_cmp(&a.0));
        for &(_, j) in others.iter().take(k) {
            chosen.insert((i.min(j), i.max(j)));
        }
    }
    chosen.into_iter().collect()
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
    let mut id = Vec::new();
    loop {
        id.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    id.reverse();
    String::from_utf8(id).unwrap_or_default()
}

fn sha256_hex(bytes: &[u8]) -> String {
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

    #[test]
    fn pairs_never_join_a_speaker_with_themself() {
        let speakers = ["lavrov", "kuleba", "lavrov", "putin"];
        let cross = |i: usize, j: usize| speakers[i] != speakers[j];
        let pairs = all_pairs(speakers.len(), &cross);
        assert_eq!(pairs, vec![(0, 1), (0, 3), (1, 2), (1, 3), (2, 3)]);
        assert_eq!(count_pairs(speakers.len(), &cross), pairs.len());
        let no_putin =
            |i: usize, j: usize| cross(i, j) && speakers[i] != "putin" && speakers[j] != "putin";
        assert_eq!(all_pairs(speakers.len(), &no_putin), vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn preselection_keeps_each_claims_nearest_other_speaker_claims() {
        let speakers = ["a", "b", "b", "c"];
        // Similarity: claim 0 is close to 2, claim 3 is close to 1.
        let sim = |(i, j): (usize, usize)| match (i.min(j), i.max(j)) {
            (0, 2) | (1, 3) => 0.9,
            _ => 0.1,
        };
        let cross = |i: usize, j: usize| speakers[i] != speakers[j];
        let pairs = nearest_pairs(speakers.len(), &cross, &sim, 1);
        assert!(pairs.contains(&(0, 2)) && pairs.contains(&(1, 3)));
        assert!(pairs.iter().all(|&(i, j)| speakers[i] != speakers[j]));
        assert!(pairs.len() <= speakers.len());
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
    fn nested_claims_of_other_speakers_and_repeats_are_not_compared() {
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
        ];
        let kept: Vec<String> = claims_to_compare(claims)
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(kept, ["c1", "c4"]);
    }

    #[test]
    fn unrelated_pairs_are_not_candidates() {
        let claims = ["lavrov", "kuleba", "kuleba"]
            .iter()
            .enumerate()
            .map(|(i, speaker)| RunClaim {
                id: format!("A:c{i}"),
                article: "A".into(),
                claim: claim(&format!("c{i}"), speaker, "text", i * 10, i * 10 + 5),
            })
            .collect();
        let extracted = Extracted {
            inputs: Vec::new(),
            speakers: Vec::new(),
            claims,
            warnings: Vec::new(),
        };
        let similarity = |(i, j): (usize, usize)| if (i, j) == (0, 1) { 0.6 } else { 0.05 };
        let options = CompareOptions::default();
        let found = candidates(&[0, 1, 1], &extracted, &options, &similarity);
        assert_eq!(found.pairs, vec![(0, 1)]);
        assert_eq!((found.cross_speaker, found.unrelated), (2, 1));
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

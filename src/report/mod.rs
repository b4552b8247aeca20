//! The comparison report: plain data, written as markdown for people or JSON for notebooks.

pub mod json;
pub mod markdown;

use serde::{Deserialize, Serialize};

use crate::claims::{ClaimKind, Cue, Span, SpeakerKind};
use crate::labels::{NliLabel, NliScores};
use crate::options::Precision;
use crate::ranking::SAME_SIDE_MARGIN;

pub const REPORT_SCHEMA: &str = "contra.report/2";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub generated_by: GeneratedBy,
    pub settings: Settings,
    pub inputs: Vec<InputSummary>,
    pub speakers: Vec<SpeakerSummary>,
    /// Groups of speakers found to be on one side (they agree, oppose the same speakers, or
    /// share an affiliation in their names and roles).
    pub sides: Vec<SideSummary>,
    pub claims: Vec<ReportClaim>,
    /// Every scored pair (similarity ≥ `settings.min_similarity`), ranked by `score`
    /// (rank 1 = strongest contradiction).
    pub pairs: Vec<ScoredPair>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideSummary {
    pub id: String,
    pub speakers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeneratedBy {
    pub tool: String,
    pub version: String,
    pub nli_model: String,
    pub embedding_model: String,
    /// The precision the NLI model ran in (`fp32` or `bf16`; `auto` is resolved).
    pub precision: Precision,
}

/// The knobs that decided what was scored and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Rows per table in the markdown report.
    pub top: usize,
    /// Pairs below this score are left out of the markdown tables (never out of `pairs`).
    pub min_score: f32,
    /// Pairs less similar than this (embedding cosine) are unrelated and not scored.
    pub min_similarity: f32,
    /// Above this many cross-speaker pairs, only each claim's nearest neighbours are scored.
    pub max_pairs: usize,
    /// Nearest other-speaker claims kept per claim when pre-selecting.
    pub neighbours: usize,
    /// Cross-speaker pairs before pre-selection.
    pub candidate_pairs: usize,
    /// Candidate pairs left unscored because their claims are unrelated.
    pub unrelated_pairs: usize,
    /// Whether pre-selection by embedding similarity was applied.
    pub preselected: bool,
    pub speakers: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputSummary {
    /// Short id used in claim ids: A, B, C, …
    pub id: String,
    pub path: String,
    pub sha256: String,
    pub claims: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerSummary {
    pub id: String,
    pub name: String,
    /// Documents, anonymous and unresolved sources are kept, and marked as such in tables.
    pub kind: SpeakerKind,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub claims: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportClaim {
    /// `<input id>:<claim id>`, e.g. `A:c3`.
    pub id: String,
    pub article: String,
    pub speaker: String,
    pub text: String,
    pub span: Span,
    pub source_span: Option<Span>,
    pub cue: Option<Cue>,
    pub kind: ClaimKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredPair {
    pub rank: usize,
    pub a: String,
    pub b: String,
    pub speaker_a: String,
    pub speaker_b: String,
    /// Most probable class of the combined scores.
    pub label: NliLabel,
    /// The ranking score: the combined contradiction probability.
    pub score: f32,
    pub contradiction: f32,
    pub entailment: f32,
    pub neutral: f32,
    /// Cosine similarity of the two claims' sentence embeddings.
    pub similarity: f32,
    /// Both speakers are on one side: a contradiction between them ranks lower.
    pub same_side: bool,
    pub directions: Directions,
}

/// NLI scores with each claim in turn as the premise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Directions {
    pub a_to_b: NliScores,
    pub b_to_a: NliScores,
}

impl Report {
    pub fn claim(&self, id: &str) -> Option<&ReportClaim> {
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn speaker_name(&self, id: &str) -> String {
        self.speakers
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    /// The name, marked when no one a reader can name stands behind the claims
    /// (`the report (document)`, `Officials (anonymous)`).
    pub fn speaker_label(&self, id: &str) -> String {
        self.speakers
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| s.kind.label(&s.name))
    }

    /// The `top` strongest contradictions with a score at or above `min_score`.
    pub fn contradictions(&self) -> impl Iterator<Item = &ScoredPair> {
        self.pairs
            .iter()
            .filter(|p| p.score >= self.settings.min_score)
            .take(self.settings.top)
    }

    /// The `top` strongest agreements: pairs ranked by their weaker direction's entailment,
    /// so both claims must support each other.
    pub fn agreements(&self) -> Vec<&ScoredPair> {
        let mut pairs: Vec<&ScoredPair> = self
            .pairs
            .iter()
            .filter(|p| p.mutual_entailment() >= self.settings.min_score)
            .collect();
        pairs.sort_by(|a, b| b.agreement_score().total_cmp(&a.agreement_score()));
        pairs.truncate(self.settings.top);
        pairs
    }
}

impl ScoredPair {
    /// Entailment in the weaker direction.
    pub fn mutual_entailment(&self) -> f32 {
        self.directions
            .a_to_b
            .entailment
            .min(self.directions.b_to_a.entailment)
    }

    /// Agreement between sides is news, inside one side it is expected: it ranks lower.
    pub fn agreement_score(&self) -> f32 {
        let margin = if self.same_side {
            SAME_SIDE_MARGIN
        } else {
            0.0
        };
        self.mutual_entailment() - margin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(id: &str, contradiction: f32, entailment: f32, similarity: f32) -> ScoredPair {
        let scores = NliScores {
            entailment,
            neutral: 1.0 - entailment - contradiction,
            contradiction,
        };
        ScoredPair {
            rank: 0,
            a: format!("{id}a"),
            b: format!("{id}b"),
            speaker_a: "lavrov".into(),
            speaker_b: "kuleba".into(),
            label: scores.label(),
            score: contradiction,
            contradiction,
            entailment,
            neutral: scores.neutral,
            similarity,
            same_side: false,
            directions: Directions {
                a_to_b: scores,
                b_to_a: scores,
            },
        }
    }

    fn report(pairs: Vec<ScoredPair>) -> Report {
        Report {
            schema: REPORT_SCHEMA.into(),
            generated_by: GeneratedBy {
                tool: "contra".into(),
                version: "test".into(),
                nli_model: "nli".into(),
                embedding_model: "embed".into(),
                precision: Precision::Fp32,
            },
            settings: Settings {
                top: 10,
                min_score: 0.5,
                min_similarity: 0.15,
                max_pairs: 2000,
                neighbours: 10,
                candidate_pairs: pairs.len(),
                unrelated_pairs: 0,
                preselected: false,
                speakers: None,
            },
            inputs: Vec::new(),
            speakers: Vec::new(),
            sides: Vec::new(),
            claims: Vec::new(),
            pairs,
        }
    }

    #[test]
    fn tables_keep_pairs_at_or_above_the_minimum_score() {
        let mut discounted = pair("discounted-contradiction", 0.9, 0.0, 0.4);
        discounted.score = 0.45;
        let report = report(vec![
            pair("contradiction", 0.7, 0.1, 0.4),
            discounted,
            pair("agreement", 0.05, 0.8, 0.6),
            pair("weak-agreement", 0.05, 0.4, 0.6),
        ]);
        let contradictions: Vec<&str> = report.contradictions().map(|p| p.a.as_str()).collect();
        assert_eq!(contradictions, ["contradictiona"]);
        let agreements: Vec<&str> = report.agreements().iter().map(|p| p.a.as_str()).collect();
        assert_eq!(agreements, ["agreementa"]);
    }

    #[test]
    fn agreement_inside_a_side_ranks_after_agreement_across_sides() {
        let mut inside = pair("inside", 0.0, 0.9, 0.5);
        inside.same_side = true;
        let report = report(vec![inside, pair("across", 0.0, 0.8, 0.5)]);
        let agreements: Vec<&str> = report.agreements().iter().map(|p| p.a.as_str()).collect();
        assert_eq!(agreements, ["acrossa", "insidea"]);
    }
}

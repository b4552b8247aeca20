//! NLI labels and class probabilities: plain data, no tensors, so every stage can use them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// NLI classes in the model's output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NliLabel {
    Entailment,
    Neutral,
    Contradiction,
}

impl NliLabel {
    pub const ALL: [NliLabel; 3] = [
        NliLabel::Entailment,
        NliLabel::Neutral,
        NliLabel::Contradiction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NliLabel::Entailment => "entailment",
            NliLabel::Neutral => "neutral",
            NliLabel::Contradiction => "contradiction",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for NliLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NliLabel {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "entailment" => Ok(NliLabel::Entailment),
            "neutral" => Ok(NliLabel::Neutral),
            "contradiction" => Ok(NliLabel::Contradiction),
            other => Err(format!(
                "unknown label {other:?} (expected entailment, neutral or contradiction)"
            )),
        }
    }
}

/// Class probabilities for one premise → hypothesis pair; they sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NliScores {
    pub entailment: f32,
    pub neutral: f32,
    pub contradiction: f32,
}

impl NliScores {
    pub fn from_probabilities(p: [f32; 3]) -> Self {
        NliScores {
            entailment: p[0],
            neutral: p[1],
            contradiction: p[2],
        }
    }

    pub fn get(&self, label: NliLabel) -> f32 {
        match label {
            NliLabel::Entailment => self.entailment,
            NliLabel::Neutral => self.neutral,
            NliLabel::Contradiction => self.contradiction,
        }
    }

    /// The most probable class.
    pub fn label(&self) -> NliLabel {
        NliLabel::ALL
            .into_iter()
            .max_by(|a, b| self.get(*a).total_cmp(&self.get(*b)))
            .unwrap_or(NliLabel::Neutral)
    }
}

pub fn softmax(logits: [f32; 3]) -> [f32; 3] {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp = logits.map(|l| (l - max).exp());
    let sum: f32 = exp.iter().sum();
    exp.map(|e| e / sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let p = softmax([2.0, 0.5, -1.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[0] > p[1] && p[1] > p[2]);
    }

    #[test]
    fn labels_parse_case_insensitively_and_reject_others() {
        assert_eq!(
            "Contradiction".parse::<NliLabel>(),
            Ok(NliLabel::Contradiction)
        );
        assert!("hidden".parse::<NliLabel>().is_err());
        assert_eq!(
            NliScores::from_probabilities([0.1, 0.2, 0.7]).label(),
            NliLabel::Contradiction
        );
    }
}

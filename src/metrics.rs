//! Classification metrics for NLI evaluation: accuracy, macro-F1, per-class
//! precision/recall/F1 and the confusion matrix.

use serde::Serialize;

use crate::labels::NliLabel;

/// Counts of (gold, predicted) label pairs; rows are gold, columns predictions, both in
/// `NliLabel::ALL` order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Confusion {
    pub counts: [[u64; 3]; 3],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassScores {
    pub label: NliLabel,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub pairs: u64,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub classes: Vec<ClassScores>,
    pub confusion: Confusion,
}

impl Confusion {
    pub fn add(&mut self, gold: NliLabel, predicted: NliLabel) {
        self.counts[gold.index()][predicted.index()] += 1;
    }

    pub fn evaluation(&self) -> Evaluation {
        let total: u64 = self.counts.iter().flatten().sum();
        let correct: u64 = (0..3).map(|i| self.counts[i][i]).sum();
        let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let classes: Vec<ClassScores> = NliLabel::ALL
            .iter()
            .map(|&label| {
                let i = label.index();
                let tp = self.counts[i][i];
                let predicted: u64 = (0..3).map(|g| self.counts[g][i]).sum();
                let support: u64 = self.counts[i].iter().sum();
                let precision = ratio(tp, predicted);
                let recall = ratio(tp, support);
                let f1 = if precision + recall == 0.0 {
                    0.0
                } else {
                    2.0 * precision * recall / (precision + recall)
                };
                ClassScores {
                    label,
                    precision,
                    recall,
                    f1,
                    support,
                }
            })
            .collect();
        Evaluation {
            pairs: total,
            accuracy: ratio(correct, total),
            macro_f1: classes.iter().map(|c| c.f1).sum::<f64>() / 3.0,
            classes,
            confusion: self.clone(),
        }
    }
}

impl Evaluation {
    /// A plain-text table for terminals.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "pairs {}  accuracy {:.4}  macro-F1 {:.4}\n\n{:<14} {:>9} {:>9} {:>9} {:>8}\n",
            self.pairs,
            self.accuracy,
            self.macro_f1,
            "class",
            "precision",
            "recall",
            "F1",
            "support"
        );
        for c in &self.classes {
            out += &format!(
                "{:<14} {:>9.4} {:>9.4} {:>9.4} {:>8}\n",
                c.label.as_str(),
                c.precision,
                c.recall,
                c.f1,
                c.support
            );
        }
        out += &format!(
            "\nconfusion (rows gold, columns predicted)\n{:<14} {:>13} {:>13} {:>13}\n",
            "", "entailment", "neutral", "contradiction"
        );
        for label in NliLabel::ALL {
            let row = self.confusion.counts[label.index()];
            out += &format!(
                "{:<14} {:>13} {:>13} {:>13}\n",
                label.as_str(),
                row[0],
                row[1],
                row[2]
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NliLabel::*;

    #[test]
    fn scores_a_known_confusion_matrix() {
        let mut c = Confusion::default();
        for (g, p) in [
            (Entailment, Entailment),
            (Entailment, Neutral),
            (Neutral, Neutral),
            (Contradiction, Contradiction),
        ] {
            c.add(g, p);
        }
        let e = c.evaluation();
        assert_eq!(e.pairs, 4);
        assert!((e.accuracy - 0.75).abs() < 1e-12);
        // entailment: P=1, R=0.5 → F1=2/3; neutral: P=0.5, R=1 → 2/3; contradiction: 1.
        assert!((e.classes[0].f1 - 2.0 / 3.0).abs() < 1e-12);
        assert!((e.classes[1].f1 - 2.0 / 3.0).abs() < 1e-12);
        assert!((e.macro_f1 - (2.0 / 3.0 * 2.0 + 1.0) / 3.0).abs() < 1e-12);
    }
}

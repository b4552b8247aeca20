//! Which claim pairs to score, with memory linear in the number of claims: pairs are
//! counted without being listed, and the nearest claims are found in blocks of rows of the
//! similarity matrix, never the whole matrix.
//!
//! The selection is exact, and equal to ranking every row by `embed::cosine` (ties to the
//! lower claim index): a block's similarities come from one matrix product, which only
//! screens; each row's survivors are re-ranked with `cosine` itself (see `nearest_in_row`).

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use tch::Tensor;

use crate::embed::cosine;

/// Similarities per block of rows (64 MiB of f32): 167 rows of 100,000 claims.
const BLOCK_ELEMENTS: usize = 1 << 24;

/// What decides whether two claims may be paired, one entry per claim.
#[derive(Debug, Clone)]
pub struct Pairing {
    /// The claim's speaker (equal numbers: the same speaker).
    speaker: Vec<usize>,
    /// The claim's statement: claims with one span of one article (people named together,
    /// `Cummings and Conyers said`) are one statement, not speakers agreeing.
    statement: Vec<usize>,
    /// Whether the claim's speaker takes part (`--speakers`).
    allowed: Vec<bool>,
}

impl Pairing {
    /// Three entries per claim; all three vectors have one per claim.
    pub fn new(speaker: Vec<usize>, statement: Vec<usize>, allowed: Vec<bool>) -> Self {
        debug_assert!(speaker.len() == statement.len() && speaker.len() == allowed.len());
        Pairing {
            speaker,
            statement,
            allowed,
        }
    }

    fn len(&self) -> usize {
        self.speaker.len()
    }

    /// Claims of different speakers and statements, both taking part.
    pub fn pairable(&self, i: usize, j: usize) -> bool {
        self.allowed[i]
            && self.allowed[j]
            && self.speaker[i] != self.speaker[j]
            && self.statement[i] != self.statement[j]
    }

    /// How many pairs `i < j` are `pairable`, counted by group sizes in linear time: all
    /// pairs of taking-part claims, less those of one speaker, less those of one statement
    /// that are not also of one speaker.
    pub fn count(&self) -> usize {
        let pairs = |n: usize| n * n.saturating_sub(1) / 2;
        let mut speakers: HashMap<usize, usize> = HashMap::new();
        let mut statements: HashMap<usize, usize> = HashMap::new();
        let mut both: HashMap<(usize, usize), usize> = HashMap::new();
        let taking_part = (0..self.len()).filter(|&i| self.allowed[i]);
        let mut claims = 0;
        for i in taking_part {
            claims += 1;
            *speakers.entry(self.speaker[i]).or_default() += 1;
            *statements.entry(self.statement[i]).or_default() += 1;
            *both
                .entry((self.speaker[i], self.statement[i]))
                .or_default() += 1;
        }
        let sum = |counts: &mut dyn Iterator<Item = usize>| counts.map(pairs).sum::<usize>();
        let same_statement_other_speaker =
            sum(&mut statements.into_values()) - sum(&mut both.into_values());
        pairs(claims) - sum(&mut speakers.into_values()) - same_statement_other_speaker
    }

    /// Every `pairable` pair `i < j`, in order.
    pub fn all_pairs(&self) -> Vec<(usize, usize)> {
        let taking_part: Vec<usize> = (0..self.len()).filter(|&i| self.allowed[i]).collect();
        taking_part
            .iter()
            .enumerate()
            .flat_map(|(n, &i)| taking_part[n + 1..].iter().map(move |&j| (i, j)))
            .filter(|&(i, j)| self.pairable(i, j))
            .collect()
    }
}

/// For each claim, its `k` most similar `pairable` claims (by `cosine`, ties to the lower
/// index); the union of those pairs, `i < j`, in order. `embeddings` are the claims'
/// vectors, all of one length.
pub fn nearest_pairs(embeddings: &[Vec<f32>], pairing: &Pairing, k: usize) -> Vec<(usize, usize)> {
    nearest_pairs_in_blocks(embeddings, pairing, k, BLOCK_ELEMENTS)
}

/// `nearest_pairs` with blocks of about `block_elements` similarities.
fn nearest_pairs_in_blocks(
    embeddings: &[Vec<f32>],
    pairing: &Pairing,
    k: usize,
    block_elements: usize,
) -> Vec<(usize, usize)> {
    let n = embeddings.len();
    let Some(dim) = embeddings.first().map(Vec::len) else {
        return Vec::new();
    };
    let matrix = Tensor::from_slice(&embeddings.concat()).view([n as i64, dim as i64]);
    let columns = matrix.tr();
    let margin = screening_margin(embeddings);
    let block_rows = (block_elements / n).clamp(1, n);
    let mut block = vec![0f32; block_rows * n];
    let mut chosen = Vec::new();
    for start in (0..n).step_by(block_rows) {
        let rows = block_rows.min(n - start);
        let screened = &mut block[..rows * n];
        matrix
            .narrow(0, start as i64, rows as i64)
            .matmul(&columns)
            .copy_data(screened, rows * n);
        for (offset, row) in screened.chunks_exact(n).enumerate() {
            let i = start + offset;
            let nearest = nearest_in_row(i, row, embeddings, pairing, k, margin);
            chosen.extend(nearest.into_iter().map(|j| (i.min(j), i.max(j))));
        }
    }
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// Twice the most a matrix product's similarity can differ from `cosine`'s for these
/// vectors (`nearest_in_row` says why twice). Any order of summing `dim` products, with or
/// without fused multiply-adds, is within `dim · u · Σ|xᵢyᵢ|` of the exact dot product
/// (u = half an f32 epsilon, to first order) and `Σ|xᵢyᵢ| ≤ |x||y|`; both results are, so
/// they are within `dim · ε · |x||y|` of each other. A quarter more covers the second-order
/// terms and the rounding of the norms.
fn screening_margin(embeddings: &[Vec<f32>]) -> f32 {
    let dim = embeddings.first().map_or(0, Vec::len) as f32;
    let largest_square_norm = embeddings
        .iter()
        .map(|v| v.iter().map(|x| x * x).sum::<f32>())
        .fold(0f32, f32::max);
    let apart = dim * f32::EPSILON * largest_square_norm.max(1.0);
    2.0 * apart * 1.25
}

/// Claim `i`'s `k` nearest `pairable` claims, best first, given `screened`, its row of the
/// matrix product. With δ = half the margin bounding |screened − cosine|, the k claims with
/// the best screened values all have a cosine of at least the k-th screened value less δ,
/// so the exact k-th best cosine is at least that too, and every claim of the exact top `k`
/// is screened at no less than the k-th screened value less 2δ: the floor. The claims at
/// or above the floor, a few more than `k`, are ranked by `cosine`.
fn nearest_in_row(
    i: usize,
    screened: &[f32],
    embeddings: &[Vec<f32>],
    pairing: &Pairing,
    k: usize,
    margin: f32,
) -> Vec<usize> {
    let partner = |j: usize| j != i && pairing.pairable(i, j);
    // The k best screened similarities, the lowest on top.
    let mut best: BinaryHeap<Reverse<Similarity>> = BinaryHeap::with_capacity(k + 1);
    for (j, &s) in screened.iter().enumerate() {
        let beaten = best.len() == k && best.peek().is_some_and(|low| s <= low.0 .0);
        if beaten || !partner(j) {
            continue;
        }
        best.push(Reverse(Similarity(s)));
        if best.len() > k {
            best.pop();
        }
    }
    // With fewer than k partners every partner is kept.
    let floor = (best.len() == k)
        .then(|| best.peek().map(|low| low.0 .0 - margin))
        .flatten();
    let mut above: Vec<(f32, usize)> = screened
        .iter()
        .enumerate()
        .filter(|&(j, &s)| floor.is_none_or(|floor| s >= floor) && partner(j))
        .map(|(j, _)| (cosine(&embeddings[i], &embeddings[j]), j))
        .collect();
    above.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    above.into_iter().take(k).map(|(_, j)| j).collect()
}

/// A similarity ordered by `f32::total_cmp`, for the heap.
#[derive(Debug, Clone, Copy)]
struct Similarity(f32);

impl PartialEq for Similarity {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Similarity {}

impl PartialOrd for Similarity {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Similarity {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair `i < j` of `n` claims that `pairing` allows, listed the slow way.
    fn brute_force_nearest(
        embeddings: &[Vec<f32>],
        pairing: &Pairing,
        k: usize,
    ) -> Vec<(usize, usize)> {
        let n = embeddings.len();
        let mut chosen = std::collections::BTreeSet::new();
        for i in 0..n {
            let mut others: Vec<(f32, usize)> = (0..n)
                .filter(|&j| j != i && pairing.pairable(i, j))
                .map(|j| (cosine(&embeddings[i], &embeddings[j]), j))
                .collect();
            others.sort_by(|a, b| b.0.total_cmp(&a.0));
            for &(_, j) in others.iter().take(k) {
                chosen.insert((i.min(j), i.max(j)));
            }
        }
        chosen.into_iter().collect()
    }

    /// A deterministic pseudo-random generator (xorshift), so the tests need no crate.
    fn numbers(seed: u64) -> impl FnMut() -> f32 {
        let mut state = seed.max(1);
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 40) as f32 / (1u64 << 24) as f32 - 0.5
        }
    }

    fn unit_vectors(n: usize, dim: usize, seed: u64) -> Vec<Vec<f32>> {
        let mut next = numbers(seed);
        (0..n)
            .map(|_| {
                let v: Vec<f32> = (0..dim).map(|_| next()).collect();
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                v.into_iter().map(|x| x / norm).collect()
            })
            .collect()
    }

    fn pairing(n: usize, speakers: usize, seed: u64) -> Pairing {
        let mut next = numbers(seed);
        let speaker: Vec<usize> = (0..n).map(|i| i % speakers).collect();
        // Every fifth claim shares its statement with the one before.
        let statement: Vec<usize> = (0..n).map(|i| i - usize::from(i % 5 == 4)).collect();
        let allowed = (0..n).map(|_| next() > -0.4).collect();
        Pairing::new(speaker, statement, allowed)
    }

    #[test]
    fn counts_equal_the_listed_pairs() {
        for (n, speakers, seed) in [(0, 1, 1), (1, 1, 2), (7, 3, 3), (60, 4, 4), (200, 17, 5)] {
            let pairing = pairing(n, speakers, seed);
            assert_eq!(pairing.count(), pairing.all_pairs().len(), "{n} claims");
        }
    }

    #[test]
    fn pairs_never_join_a_speaker_with_themself_or_one_statement() {
        let pairing = Pairing::new(vec![0, 1, 0, 2, 1], vec![0, 1, 2, 3, 3], vec![true; 5]);
        assert_eq!(
            pairing.all_pairs(),
            [(0, 1), (0, 3), (0, 4), (1, 2), (1, 3), (2, 3), (2, 4)]
        );
        let no_speaker_2 = Pairing::new(
            vec![0, 1, 0, 2],
            vec![0, 1, 2, 3],
            vec![true, true, true, false],
        );
        assert_eq!(no_speaker_2.all_pairs(), [(0, 1), (1, 2)]);
    }

    #[test]
    fn blocked_selection_equals_ranking_every_row_with_cosine() {
        for (n, dim, k, speakers, seed) in
            [(50, 8, 3, 5, 7), (300, 16, 10, 30, 8), (120, 4, 40, 3, 9)]
        {
            let embeddings = unit_vectors(n, dim, seed);
            let pairing = pairing(n, speakers, seed);
            let expected = brute_force_nearest(&embeddings, &pairing, k);
            assert_eq!(
                nearest_pairs(&embeddings, &pairing, k),
                expected,
                "{n} claims, k = {k}"
            );
            // Blocks of 7 rows, the last one shorter.
            let blocked = nearest_pairs_in_blocks(&embeddings, &pairing, k, 7 * n);
            assert_eq!(blocked, expected, "{n} claims in blocks of 7 rows, k = {k}");
        }
    }

    #[test]
    fn ties_go_to_the_lower_index_as_a_stable_sort_leaves_them() {
        // Repeated vectors tie exactly; copies near-tie after rounding.
        let base = unit_vectors(6, 8, 11);
        let embeddings: Vec<Vec<f32>> = (0..60).map(|i| base[i % 6].clone()).collect();
        let pairing = Pairing::new(
            (0..60).map(|i| i % 7).collect(),
            (0..60).collect(),
            vec![true; 60],
        );
        for k in [1, 2, 5] {
            assert_eq!(
                nearest_pairs(&embeddings, &pairing, k),
                brute_force_nearest(&embeddings, &pairing, k)
            );
        }
    }

    #[test]
    fn preselection_keeps_each_claims_nearest_other_speaker_claims() {
        // Claim 0 is close to 2 and claim 3 to 1 (claims 1 and 2 are one speaker's).
        let embeddings = vec![
            vec![1.0, 0.0, 0.0],
            vec![0.0, 1.0, 0.0],
            vec![0.9, 0.0, 0.436],
            vec![0.0, 0.95, 0.312],
        ];
        let pairing = Pairing::new(vec![0, 1, 1, 2], vec![0, 1, 2, 3], vec![true; 4]);
        let pairs = nearest_pairs(&embeddings, &pairing, 1);
        assert!(pairs.contains(&(0, 2)) && pairs.contains(&(1, 3)));
        assert!(pairs.len() <= 4);
    }
}

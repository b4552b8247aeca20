//! Ranking judged claim pairs the way a journalist reads them. Plain data in and out, no
//! model, so every rule is tested on its own:
//!
//! - **hubs**: a claim that "contradicts" nearly every partner is a quirk of the model, not a
//!   finding. As CSLS does for hub words in embedding spaces, a pair's contradiction is
//!   lowered by how far each of its claims' mean contradiction with its *other* partners
//!   stands above the run's mean;
//! - **sides**: speakers who agree with each other, or who both oppose a third speaker while
//!   not opposing each other, or whose names carry the same affiliation ("Russian Foreign
//!   Minister", "the Russian Defense Ministry", "the Kremlin") unless the model finds them
//!   opposed, form a side. Opposition is a pair the model labels a contradiction. A
//!   contradiction inside a side is news only when it is strong, so it ranks by a lower
//!   score, after every pair across sides unless the model labels it a contradiction, and
//!   is flagged; agreement inside a side is expected, and the report ranks it after
//!   agreement across sides;
//!
//! Relatedness is decided before scoring: `compare` never scores claims less similar than
//! its floor.

use std::collections::BTreeSet;

use crate::claims::lexicon::AFFILIATIONS;
use crate::claims::{Speaker, SpeakerKind};
use crate::labels::{NliLabel, NliScores};

/// How strongly hub claims are discounted: a pair loses this share of each claim's excess
/// mean contradiction over the run's mean.
pub const HUB_WEIGHT: f32 = 0.5;
/// Pseudo-count of the run's mean in a claim's hub estimate: a claim with few partners is not
/// called a hub on the evidence of one or two pairs.
const HUB_PRIOR_PAIRS: f32 = 2.0;
/// Speakers who take part in finding sides (see `sides`).
const MAX_SIDE_SPEAKERS: usize = 60;
/// Pairs of one claim ranked before the pairs of other claims (see `spread`).
pub const MAX_PAIRS_PER_CLAIM: usize = 3;
/// What a contradiction inside one side gives up in the ranking.
pub const SAME_SIDE_MARGIN: f32 = 0.25;
/// Evidence that joins two groups of speakers into one side: their net agreement plus their
/// shared opposition to a third group.
const JOIN_THRESHOLD: f32 = 0.5;
/// What a shared affiliation in two speakers' names counts as: one confident agreement.
const SHARED_AFFILIATION: f32 = 1.0;
/// What sharing one person's camp counts as (`Jill Stein` and `Stein spokeswoman Melezia
/// Figueroa`): two confident agreements, since a spokesman, a campaign or a family speaks
/// for the person by definition, and one pair the model misreads must not split them.
const SHARED_CAMP: f32 = 2.0;
/// The prefix of the affiliation words that name a person's camp (`camp:trump`).
const CAMP_PREFIX: &str = "camp:";
/// A pair is evidence about its speakers' stance only when the model is this sure.
const CONFIDENT_EVIDENCE: f32 = 0.3;

/// One judged pair of claims, by index into the run's claims and speakers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judged {
    pub claims: (usize, usize),
    pub speakers: (usize, usize),
    /// Both directions' class probabilities, averaged.
    pub scores: NliScores,
    /// Premise = first claim, then premise = second claim.
    pub directions: (NliScores, NliScores),
    pub similarity: f32,
}

impl Judged {
    /// The weaker direction's entailment: both claims must support each other.
    pub fn mutual_entailment(&self) -> f32 {
        self.directions
            .0
            .entailment
            .min(self.directions.1.entailment)
    }
}

/// What ranking decides for one pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairRanking {
    /// Contradiction after the hub discount.
    pub hub_adjusted: f32,
    /// The contradiction ranking score: `hub_adjusted`, less `SAME_SIDE_MARGIN` inside a side.
    pub score: f32,
    pub same_side: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Parallel to the judged pairs.
    pub pairs: Vec<PairRanking>,
    /// Indices of the judged pairs, most contradictory first.
    pub order: Vec<usize>,
    /// Groups of two or more speaker indices found to be on one side, largest first.
    pub sides: Vec<Vec<usize>>,
}

/// Ranks the judged pairs. `affiliations[s]` holds the affiliation words of speaker `s`'s
/// name and aliases (see `affiliation_words`); speakers beyond it have none.
pub fn rank(judged: &[Judged], affiliations: &[Vec<String>]) -> Ranking {
    let speakers = judged
        .iter()
        .map(|j| j.speakers.0.max(j.speakers.1) + 1)
        .max()
        .unwrap_or(0);
    let hub_adjusted = hub_adjusted(judged);
    let mut affinity = speaker_affinity(judged, &hub_adjusted, speakers);
    add_shared_affiliations(&mut affinity, affiliations);
    let side_of = sides(&affinity);
    let pairs: Vec<PairRanking> = judged
        .iter()
        .zip(&hub_adjusted)
        .map(|(j, &adjusted)| {
            let same_side =
                side_of[j.speakers.0].is_some() && side_of[j.speakers.0] == side_of[j.speakers.1];
            let margin = if same_side { SAME_SIDE_MARGIN } else { 0.0 };
            PairRanking {
                hub_adjusted: adjusted,
                score: adjusted - margin,
                same_side,
            }
        })
        .collect();
    // Inside a side only a pair the model calls a contradiction is evidence enough to rank
    // among the others: the rest follow every pair across sides.
    let unconvincing =
        |k: usize| pairs[k].same_side && judged[k].scores.label() != NliLabel::Contradiction;
    let mut order: Vec<usize> = (0..judged.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&pairs[a], &pairs[b]);
        unconvincing(a)
            .cmp(&unconvincing(b))
            .then(pb.score.total_cmp(&pa.score))
            .then(judged[b].similarity.total_cmp(&judged[a].similarity))
            .then(a.cmp(&b))
    });
    let (mut order, demoted): (Vec<usize>, Vec<usize>) =
        order.into_iter().partition(|&k| !unconvincing(k));
    order = spread(order, judged);
    order.extend(spread(demoted, judged));
    Ranking {
        pairs,
        order,
        sides: side_groups(&side_of),
    }
}

/// The order with each claim's pairs beyond its `MAX_PAIRS_PER_CLAIM` strongest moved after
/// all others (keeping their order): further pairs of one claim repeat a finding the reader
/// has seen, while another claim's pair may be a new one.
fn spread(order: Vec<usize>, judged: &[Judged]) -> Vec<usize> {
    let mut shown: std::collections::HashMap<usize, usize> = Default::default();
    let (mut head, mut tail) = (Vec::with_capacity(order.len()), Vec::new());
    for k in order {
        let (a, b) = judged[k].claims;
        let full = |claim| shown.get(&claim).copied().unwrap_or(0) >= MAX_PAIRS_PER_CLAIM;
        if full(a) || full(b) {
            tail.push(k);
        } else {
            *shown.entry(a).or_default() += 1;
            *shown.entry(b).or_default() += 1;
            head.push(k);
        }
    }
    head.extend(tail);
    head
}

/// Each pair's contradiction less `HUB_WEIGHT` times the excess of each claim's mean
/// contradiction with its other partners over the run's mean.
fn hub_adjusted(judged: &[Judged]) -> Vec<f32> {
    if judged.is_empty() {
        return Vec::new();
    }
    let claims = judged
        .iter()
        .map(|j| j.claims.0.max(j.claims.1) + 1)
        .max()
        .unwrap_or(0);
    let mut sum = vec![0f32; claims];
    let mut count = vec![0f32; claims];
    for j in judged {
        for claim in [j.claims.0, j.claims.1] {
            sum[claim] += j.scores.contradiction;
            count[claim] += 1.0;
        }
    }
    let mean = judged.iter().map(|j| j.scores.contradiction).sum::<f32>() / judged.len() as f32;
    let excess = |claim: usize, own: f32| {
        let others =
            (sum[claim] - own + HUB_PRIOR_PAIRS * mean) / (count[claim] - 1.0 + HUB_PRIOR_PAIRS);
        (others - mean).max(0.0)
    };
    judged
        .iter()
        .map(|j| {
            let c = j.scores.contradiction;
            c - HUB_WEIGHT * (excess(j.claims.0, c) + excess(j.claims.1, c))
        })
        .collect()
}

/// Net stance between every two speakers from the pairs the model is sure about:
/// positive when they agree, negative when it labels them a contradiction.
fn speaker_affinity(judged: &[Judged], hub_adjusted: &[f32], speakers: usize) -> Vec<Vec<f32>> {
    let mut affinity = vec![vec![0f32; speakers]; speakers];
    for (j, &contradiction) in judged.iter().zip(hub_adjusted) {
        // A pair the model calls neutral says nothing of opposition, however much
        // contradiction it gives: such pairs joined bystanders into sides.
        let opposition = if j.scores.label() == NliLabel::Contradiction {
            contradiction.max(0.0)
        } else {
            0.0
        };
        let stance = j.mutual_entailment() - opposition;
        if stance.abs() >= CONFIDENT_EVIDENCE {
            let (a, b) = j.speakers;
            affinity[a][b] += stance;
            affinity[b][a] += stance;
        }
    }
    affinity
}

/// Speakers whose names share an affiliation word lean to one side, those of one person's
/// camp more strongly.
fn add_shared_affiliations(affinity: &mut [Vec<f32>], affiliations: &[Vec<String>]) {
    let speakers = affinity.len().min(affiliations.len());
    for a in 0..speakers {
        for b in a + 1..speakers {
            let weight = affiliations[a]
                .iter()
                .filter(|w| affiliations[b].contains(w))
                .map(|w| {
                    if w.starts_with(CAMP_PREFIX) {
                        SHARED_CAMP
                    } else {
                        SHARED_AFFILIATION
                    }
                })
                .fold(0.0, f32::max);
            affinity[a][b] += weight;
            affinity[b][a] += weight;
        }
    }
}

/// The affiliation words of a speaker's name and aliases: nationalities and parties
/// ("Russian", "Ukrainian", "Turkish", "Republican", "Democratic"), lower-cased.
pub fn affiliation_words<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut words: Vec<String> = names
        .into_iter()
        .flat_map(str::split_whitespace)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 4)
        .filter(|w| {
            let lower = w.to_lowercase();
            ["ian", "ean", "ese", "ish", "can", "democratic", "democrat"]
                .iter()
                .any(|end| lower.ends_with(end))
        })
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The nationalities whose side the states, governments and backed entities named in
/// `names` take (`the Kremlin`, `Donetsk and Lugansk People's Republics (DPR, LPR)` →
/// `russian`; see `lexicon/affiliations.txt`), matched as whole lower-case words.
fn state_affiliations<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let text: String = names
        .into_iter()
        .flat_map(|name| name.chars().chain([' ']))
        .map(|c| match c {
            '’' => '\'',
            c if c.is_alphanumeric() || c == '\'' => c,
            _ => ' ',
        })
        .collect::<String>()
        .to_lowercase();
    let padded = format!(
        " {} ",
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    AFFILIATIONS
        .iter()
        .filter(|(_, phrases)| phrases.iter().any(|p| padded.contains(&format!(" {p} "))))
        .map(|(nationality, _)| nationality.to_string())
        .collect()
}

/// Each speaker's affiliation words: the nationalities and parties of its name, aliases
/// and role, the sides of the states they name, and the camp of every person of the run whose surname these carry (`Ivanka
/// Trump`, `Trump team`, `A document on the Trump campaign's website` and Jason Miller,
/// `Trump campaign spokesman`, are of Donald Trump's camp).
pub fn speaker_affiliations(speakers: &[Speaker]) -> Vec<Vec<String>> {
    let surnames: BTreeSet<String> = speakers
        .iter()
        .filter(|s| s.kind == SpeakerKind::Person)
        .filter_map(|s| s.name.split_whitespace().last())
        .map(str::to_lowercase)
        .collect();
    speakers
        .iter()
        .map(|s| {
            let role = s.role.as_deref();
            let names = std::iter::once(s.name.as_str())
                .chain(s.aliases.iter().map(String::as_str))
                .chain(role);
            let mut words = affiliation_words(names.clone());
            words.extend(state_affiliations(names));
            let own = std::iter::once(s.name.as_str())
                .chain(s.aliases.iter().map(String::as_str))
                .chain(role);
            let camps = own
                .flat_map(str::split_whitespace)
                .map(|w| {
                    w.trim_end_matches("’s")
                        .trim_end_matches("'s")
                        .to_lowercase()
                })
                .filter(|w| surnames.contains(w))
                .map(|w| format!("{CAMP_PREFIX}{w}"));
            words.extend(camps);
            words.sort();
            words.dedup();
            words
        })
        .collect()
}

/// The side of each speaker (an index shared by its side), or None for a speaker the evidence
/// puts with nobody. Greedy signed clustering: repeatedly join the two groups with the most
/// evidence of being one side, their net agreement plus their strongest shared opposition to
/// a third group, while it passes `JOIN_THRESHOLD`. Speakers without any evidence can join
/// nobody; of the others only the `MAX_SIDE_SPEAKERS` with the most evidence take part, which
/// bounds the cost (cubic in them) on pages with thousands of speakers.
fn sides(affinity: &[Vec<f32>]) -> Vec<Option<usize>> {
    let evidence_of = |s: usize| affinity[s].iter().map(|a| a.abs()).sum::<f32>();
    let mut members: Vec<usize> = (0..affinity.len())
        .filter(|&s| evidence_of(s) > 0.0)
        .collect();
    members.sort_by(|&a, &b| evidence_of(b).total_cmp(&evidence_of(a)).then(a.cmp(&b)));
    members.truncate(MAX_SIDE_SPEAKERS);
    members.sort_unstable();
    let mut groups: Vec<Vec<usize>> = members.iter().map(|&s| vec![s]).collect();
    // Net stance between groups, kept up to date as groups merge.
    let mut between: Vec<Vec<f32>> = members
        .iter()
        .map(|&s| members.iter().map(|&t| affinity[s][t]).collect())
        .collect();
    while let Some((a, b)) = best_join(&between) {
        let merged = groups.remove(b);
        groups[a].extend(merged);
        let row_b = between[b].clone();
        for (to, value) in between[a].iter_mut().zip(row_b) {
            *to += value;
        }
        for row in between.iter_mut() {
            row[a] += row[b];
        }
        between.remove(b);
        for row in between.iter_mut() {
            row.remove(b);
        }
    }
    let mut side_of = vec![None; affinity.len()];
    for (side, group) in groups.iter().enumerate().filter(|(_, g)| g.len() > 1) {
        for &speaker in group {
            side_of[speaker] = Some(side);
        }
    }
    side_of
}

/// The two groups with the most evidence of being one side, if it passes `JOIN_THRESHOLD`.
/// Opposing a group that many groups oppose is weak evidence, as a hub claim is: it is
/// shared by `n` opponents of that group at `1 / (n - 1)` of its strength, so the speaker
/// every outlet quarrels with does not put all of them on one side.
fn best_join(between: &[Vec<f32>]) -> Option<(usize, usize)> {
    let groups = between.len();
    let opponents: Vec<usize> = (0..groups)
        .map(|c| (0..groups).filter(|&g| between[g][c] < 0.0).count())
        .collect();
    let mut best: Option<(f32, usize, usize)> = None;
    for a in 0..groups {
        for b in a + 1..groups {
            let shared_opposition = (0..groups)
                .filter(|&c| c != a && c != b)
                .map(|c| {
                    let shared = (-between[a][c]).min(-between[b][c]);
                    shared / opponents[c].saturating_sub(1).max(1) as f32
                })
                .fold(0.0, f32::max);
            let evidence = between[a][b] + shared_opposition;
            if evidence >= JOIN_THRESHOLD && best.is_none_or(|(e, _, _)| evidence > e) {
                best = Some((evidence, a, b));
            }
        }
    }
    best.map(|(_, a, b)| (a, b))
}

fn side_groups(side_of: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (speaker, side) in side_of.iter().enumerate() {
        if let Some(side) = side {
            groups.entry(*side).or_default().push(speaker);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::slug;

    fn judged(
        claims: (usize, usize),
        speakers: (usize, usize),
        contradiction: f32,
        entailment: f32,
    ) -> Judged {
        let scores = NliScores {
            entailment,
            neutral: 1.0 - entailment - contradiction,
            contradiction,
        };
        Judged {
            claims,
            speakers,
            scores,
            directions: (scores, scores),
            similarity: 0.5,
        }
    }

    /// A speaker of the run, its id the slug of its name.
    fn speaker(name: &str, kind: SpeakerKind, role: Option<&str>, aliases: &[&str]) -> Speaker {
        Speaker {
            id: slug(name),
            name: name.into(),
            kind,
            role: role.map(str::to_string),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn a_claim_that_contradicts_everything_ranks_below_a_real_contradiction() {
        // Claim 0 "contradicts" all four partners; claim 5 contradicts only claim 6.
        let mut pairs: Vec<Judged> = (1..5).map(|c| judged((0, c), (0, 1), 0.95, 0.0)).collect();
        pairs.push(judged((5, 6), (0, 1), 0.9, 0.0));
        pairs.extend((7..10).map(|c| judged((5, c), (0, 1), 0.05, 0.1)));
        pairs.extend((7..10).map(|c| judged((6, c), (0, 1), 0.05, 0.1)));
        let ranking = rank(&pairs, &[]);
        assert_eq!(ranking.order[0], 4, "{:?}", ranking.pairs);
        assert!(ranking.pairs[0].hub_adjusted < ranking.pairs[4].hub_adjusted);
    }

    #[test]
    fn allies_against_a_common_opponent_form_a_side_and_their_quarrel_ranks_lower() {
        // Speakers 0 and 1 both contradict speaker 2; 0 and 1 contradict each other once,
        // as strongly as 0 contradicts 2.
        let pairs = vec![
            judged((0, 1), (0, 2), 0.9, 0.0),
            judged((2, 3), (1, 2), 0.9, 0.0),
            judged((4, 5), (0, 2), 0.85, 0.0),
            judged((6, 7), (1, 2), 0.85, 0.0),
            judged((8, 9), (0, 1), 0.2, 0.0),
            judged((10, 11), (0, 1), 0.9, 0.0),
        ];
        let ranking = rank(&pairs, &[]);
        assert_eq!(ranking.sides, vec![vec![0, 1]]);
        assert!(ranking.pairs[5].same_side && !ranking.pairs[0].same_side);
        assert!(ranking.pairs[5].score < ranking.pairs[0].score);
        assert_eq!(*ranking.order.last().unwrap(), 4);
    }

    #[test]
    fn opponents_of_a_speaker_everyone_opposes_are_no_side() {
        // Speakers 1, 2, 3 and 4 each contradict speaker 0 once and say nothing to each
        // other: four outlets quarrelling with one man are not allies.
        let pairs: Vec<Judged> = (1..=4)
            .map(|s| judged((2 * s, 2 * s + 1), (0, s), 0.7, 0.0))
            .collect();
        assert!(rank(&pairs, &[]).sides.is_empty());
    }

    #[test]
    fn speakers_who_agree_form_a_side_and_opponents_never_do() {
        let pairs = vec![
            judged((0, 1), (0, 1), 0.0, 0.9),
            judged((2, 3), (0, 2), 0.9, 0.0),
            judged((4, 5), (1, 2), 0.0, 0.1),
        ];
        let ranking = rank(&pairs, &[]);
        assert_eq!(ranking.sides, vec![vec![0, 1]]);
        // Their agreement then ranks lower in the report (`ScoredPair::agreement_score`,
        // tested in `report`).
        assert!(ranking.pairs[0].same_side);
    }

    #[test]
    fn a_claims_fourth_pair_ranks_after_other_claims_pairs() {
        // Claim 0 contradicts claims 1..=5 a little more than claim 6 contradicts claim 7;
        // its partners also contradict other claims, so claim 0 is no hub.
        let mut pairs: Vec<Judged> = (1..=5).map(|c| judged((0, c), (0, 1), 0.9, 0.0)).collect();
        pairs.push(judged((6, 7), (0, 1), 0.85, 0.0));
        let ranking = rank(&pairs, &[]);
        let position = |k: usize| ranking.order.iter().position(|&o| o == k).unwrap();
        assert_eq!(position(5), 3, "{:?}", ranking.order);
        let claim_zero_first: Vec<usize> = ranking.order[..3].to_vec();
        assert!(claim_zero_first.iter().all(|&k| k < 5));
    }

    #[test]
    fn a_shared_affiliation_makes_a_side_unless_the_speakers_are_opposed() {
        // 0 and 1 are both "Russian" and say nothing about each other; 2 is "Ukrainian";
        // 3 is "Russian" too but contradicts 0 strongly and often.
        let mut pairs = vec![
            judged((0, 1), (0, 2), 0.9, 0.0),
            judged((2, 3), (1, 2), 0.2, 0.1),
        ];
        pairs.extend((4..8).map(|c| judged((c, c + 10), (0, 3), 0.95, 0.0)));
        let affiliations = vec![
            affiliation_words(["Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov"]),
            affiliation_words(["Russian Defense Ministry"]),
            affiliation_words(["Dmytro Kuleba", "Ukrainian Foreign Minister Dmytro Kuleba"]),
            affiliation_words(["Russian dissident"]),
        ];
        assert_eq!(affiliations[0], ["russian"]);
        let ranking = rank(&pairs, &affiliations);
        // The dissident opposes Lavrov's side as Kuleba does, so they are allies.
        assert_eq!(ranking.sides, vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn one_contradiction_does_not_split_a_persons_camp() {
        // Stein's spokeswoman (0) and Stein (1): one pair the model reads as a
        // contradiction; both are opposed by speaker 2.
        let pairs = vec![
            judged((0, 1), (0, 1), 0.55, 0.0),
            judged((2, 3), (0, 2), 0.9, 0.0),
            judged((4, 5), (1, 2), 0.9, 0.0),
        ];
        let person = |name: &str, role: Option<&str>| speaker(name, SpeakerKind::Person, role, &[]);
        let speakers = [
            person("Melezia Figueroa", Some("Stein spokeswoman")),
            person("Jill Stein", None),
            person("Rush Limbaugh", None),
        ];
        let ranking = rank(&pairs, &speaker_affiliations(&speakers));
        assert_eq!(ranking.sides, vec![vec![0, 1]]);
        assert!(ranking.pairs[0].same_side);
        // A shared nationality alone gives way to the same contradiction.
        let nationality = [
            affiliation_words(["Russian Foreign Minister Sergey Lavrov"]),
            affiliation_words(["Russian dissident"]),
        ];
        let ranking = rank(&pairs[..1], &nationality);
        assert!(ranking.sides.is_empty());
    }

    #[test]
    fn a_pair_the_model_calls_neutral_is_no_evidence_of_opposition() {
        // Speakers 0 and 1 each "oppose" speaker 2 only through pairs labelled neutral
        // (contradiction 0.45, neutral 0.55): that makes them no allies.
        let pairs = vec![
            judged((0, 1), (0, 2), 0.45, 0.0),
            judged((2, 3), (0, 2), 0.45, 0.0),
            judged((4, 5), (1, 2), 0.45, 0.0),
            judged((6, 7), (1, 2), 0.45, 0.0),
        ];
        assert!(rank(&pairs, &[]).sides.is_empty());
        // The same pairs labelled contradictions do.
        let labelled: Vec<Judged> = pairs
            .iter()
            .map(|j| judged(j.claims, j.speakers, 0.6, 0.0))
            .collect();
        assert_eq!(rank(&labelled, &[]).sides, vec![vec![0, 1]]);
    }

    #[test]
    fn a_quarrel_inside_a_side_the_model_does_not_call_a_contradiction_ranks_last() {
        // 0 and 1 are both Russian; their pair leans to contradiction (0.45) but the model
        // labels it neutral. It follows even a weak pair across sides.
        let pairs = vec![
            judged((0, 1), (0, 1), 0.45, 0.0),
            judged((2, 3), (0, 2), 0.1, 0.0),
            judged((4, 5), (1, 2), 0.9, 0.0),
        ];
        let affiliations = vec![
            affiliation_words(["Russian Foreign Minister Sergey Lavrov"]),
            affiliation_words(["the Russian Defense Ministry"]),
        ];
        let ranking = rank(&pairs, &affiliations);
        assert!(ranking.pairs[0].same_side);
        assert_eq!(ranking.order, [2, 1, 0]);
    }

    #[test]
    fn states_capitals_backed_entities_and_parties_give_their_side() {
        let organisation = |name: &str, aliases: &[&str], role: Option<&str>| {
            speaker(name, SpeakerKind::Organisation, role, aliases)
        };
        let speakers = [
            organisation(
                "Donetsk and Lugansk People’s Republics",
                &["Donetsk and Lugansk People’s Republics (DPR, LPR)"],
                None,
            ),
            organisation("Kremlin", &["the Kremlin"], None),
            organisation("Leonid Pasechnik", &[], Some("heads of the LPR and DPR")),
            organisation("Kyiv", &[], None),
            organisation("GOP candidate", &["the GOP candidate"], None),
            organisation("Donetsk regional administration", &[], None),
        ];
        let words = speaker_affiliations(&speakers);
        assert_eq!(words[0], ["russian"]);
        assert_eq!(words[1], ["russian"]);
        assert_eq!(words[2], ["russian"]);
        assert_eq!(words[3], ["ukrainian"]);
        assert_eq!(words[4], ["republican"]);
        // A region's name alone is no side.
        assert!(words[5].is_empty(), "{:?}", words[5]);
    }

    #[test]
    fn affiliation_words_are_nationalities_and_parties() {
        assert_eq!(
            affiliation_words([
                "Republican Sen. Rand Paul",
                "the Turkish side",
                "Democratic leaders"
            ]),
            ["democratic", "republican", "turkish"]
        );
        assert!(affiliation_words(["Mr. Lavrov", "the minister", "Ian Smith"]).is_empty());
    }

    #[test]
    fn a_persons_family_campaign_and_spokesman_share_the_persons_camp() {
        let speakers = [
            speaker("Donald Trump", SpeakerKind::Person, None, &[]),
            speaker("Ivanka Trump", SpeakerKind::Person, None, &[]),
            speaker("Trump team", SpeakerKind::Organisation, None, &[]),
            speaker(
                "Jason Miller",
                SpeakerKind::Person,
                Some("Trump campaign spokesman"),
                &[],
            ),
            speaker(
                "Michael Tanner",
                SpeakerKind::Person,
                Some("analyst at the libertarian Cato Institute"),
                &[],
            ),
        ];
        let words = speaker_affiliations(&speakers);
        for camp in &words[..4] {
            assert!(camp.contains(&"camp:trump".to_string()), "{camp:?}");
        }
        assert!(!words[4].contains(&"camp:trump".to_string()));
    }

    #[test]
    fn sides_on_a_page_of_many_speakers_stay_bounded() {
        // 500 speakers who all agree with speaker 0: one side, but only the best-evidenced
        // `MAX_SIDE_SPEAKERS` take part in finding sides.
        let pairs: Vec<Judged> = (1..=500)
            .map(|s| judged((0, s), (0, s), 0.0, 0.9))
            .collect();
        let ranking = rank(&pairs, &[]);
        let in_sides: usize = ranking.sides.iter().map(Vec::len).sum();
        assert!(in_sides > 1 && in_sides <= MAX_SIDE_SPEAKERS, "{in_sides}");
    }

    #[test]
    fn no_pairs_rank_to_nothing() {
        let ranking = rank(&[], &[]);
        assert!(ranking.pairs.is_empty() && ranking.order.is_empty() && ranking.sides.is_empty());
    }
}

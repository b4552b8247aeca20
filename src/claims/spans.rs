//! Questions about many byte ranges at once, answered without comparing every pair: whether
//! a mention lies inside a claim's content, and which contents nest too deep to keep.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// How many attributions may cover one character of an article. The claims of PolNeAR's
/// 924 articles reach 4 (none of their attributions is dropped); a page of nested or
/// unbalanced quotes (`A said "B said "C said …`) reaches thousands, each a claim of nearly
/// the whole page, which made the output quadratic in the input.
pub const MAX_NESTED_CLAIMS: usize = 8;

/// Byte ranges sorted by start, with the furthest end among each prefix: whether some range
/// contains a given one is a binary search.
#[derive(Debug, Default)]
pub struct Containers {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Containers {
    pub fn new(mut ranges: Vec<(usize, usize)>) -> Containers {
        ranges.sort_unstable();
        let starts = ranges.iter().map(|r| r.0).collect();
        let furthest_end = ranges
            .iter()
            .scan(0, |furthest, r| {
                *furthest = (*furthest).max(r.1);
                Some(*furthest)
            })
            .collect();
        Containers {
            starts,
            furthest_end,
        }
    }

    /// Whether one of the ranges contains `start..end` (equal bounds included).
    pub fn contain(&self, start: usize, end: usize) -> bool {
        let starting_before = self.starts.partition_point(|&s| s <= start);
        starting_before
            .checked_sub(1)
            .is_some_and(|last| self.furthest_end[last] >= end)
    }
}

/// Which of `ranges` to keep so that no byte lies in more than `limit` distinct kept ranges:
/// ranges are taken outermost first (by start, the longer first), and one that would be
/// the `limit + 1`-th open at its start is dropped. Equal ranges count once.
pub fn keep_at_most_nested(ranges: &[(usize, usize)], limit: usize) -> Vec<bool> {
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    order.sort_by_key(|&i| (ranges[i].0, Reverse(ranges[i].1)));
    let mut keep = vec![true; ranges.len()];
    // Ends of the kept ranges open at the current start, earliest end on top.
    let mut open: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    let mut last_kept = None;
    for i in order {
        let (start, end) = ranges[i];
        if last_kept == Some((start, end)) {
            continue;
        }
        while open.peek().is_some_and(|&Reverse(e)| e <= start) {
            open.pop();
        }
        if open.len() >= limit {
            keep[i] = false;
            continue;
        }
        open.push(Reverse(end));
        last_kept = Some((start, end));
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_is_found_among_ranges_in_any_order() {
        let containers = Containers::new(vec![(50, 60), (0, 10), (5, 40)]);
        assert!(containers.contain(6, 40));
        assert!(containers.contain(0, 10));
        assert!(containers.contain(52, 55));
        assert!(!containers.contain(8, 41));
        assert!(!containers.contain(41, 45));
        assert!(!Containers::default().contain(0, 0));
    }

    #[test]
    fn nesting_beyond_the_limit_is_dropped_innermost_first() {
        // Ten ranges each inside the previous one, then one beside them.
        let mut ranges: Vec<(usize, usize)> = (0..10).map(|k| (k, 100 - k)).collect();
        ranges.push((200, 210));
        let keep = keep_at_most_nested(&ranges, 3);
        assert_eq!(keep.iter().filter(|&&k| k).count(), 4);
        assert!(keep[0] && keep[1] && keep[2] && keep[10]);
        assert!(!keep[3] && !keep[9]);
    }

    #[test]
    fn equal_ranges_count_once_and_ranges_after_a_closed_one_are_kept() {
        let ranges = [(0, 10), (0, 10), (2, 8), (10, 20), (12, 18)];
        assert_eq!(
            keep_at_most_nested(&ranges, 2),
            [true, true, true, true, true]
        );
        assert_eq!(
            keep_at_most_nested(&ranges, 1),
            [true, true, false, true, false]
        );
    }

    #[test]
    fn no_byte_is_covered_more_than_the_limit_even_by_crossing_ranges() {
        let ranges: Vec<(usize, usize)> = (0..200).map(|k| (k, k + 50)).collect();
        let keep = keep_at_most_nested(&ranges, 5);
        for byte in 0..250 {
            let covering = ranges
                .iter()
                .zip(&keep)
                .filter(|(r, &k)| k && r.0 <= byte && byte < r.1)
                .count();
            assert!(covering <= 5, "byte {byte}: {covering}");
        }
        assert!(keep.iter().filter(|&&k| k).count() >= 20);
    }
}

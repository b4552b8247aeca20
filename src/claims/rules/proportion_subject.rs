//! `Thirty-one percent of those surveyed said …`, `In the poll, 42% say …`, `One in four
//! voters … said …`: poll reports attribute answers to a proportion of a group. A
//! proportion (`source_kind::proportion_len`, words in `lexicon/proportions.txt`) that
//! opens its clause, with the words that describe its group, is the subject of the cue
//! after it, a group of people.

use crate::claims::document::{Document, TokenRange};
use crate::claims::lexicon::{AUXILIARIES, CUE_WORDS, POST_HEAD_PARTICIPLES, TITLE_PARTICIPLES};
use crate::claims::source_kind::proportion_len;

/// Most tokens from a proportion subject's first word to its cue (`Some 56 percent of
/// Cuban-Americans polled in Florida last month`).
const MAX_SUBJECT_TOKENS: usize = 16;

/// Most tokens of a proportion itself (`just more than a third`, `nearly 6 out of 10`).
const MAX_PROPORTION_TOKENS: usize = 7;

impl Document<'_> {
    /// The subject that ends just before `end` when it is a proportion opening its clause
    /// and the words that describe its group (`about two-thirds, 67 percent,` without the
    /// comma that closes the appositive figure).
    pub(crate) fn proportion_subject(&self, end: usize, first: usize) -> Option<TokenRange> {
        let earliest = first.max(end.saturating_sub(MAX_SUBJECT_TOKENS));
        (earliest..end)
            .filter(|&k| self.opens_clause(k, first))
            .find_map(|k| {
                let after = k + self.proportion_at(k, end)?;
                let closing_comma = after < end && self.word(end - 1) == ",";
                self.describes_group(after, end)
                    .then_some((k, end - usize::from(closing_comma)))
            })
    }

    /// How many tokens the proportion starting at `k` spans before `end`.
    fn proportion_at(&self, k: usize, end: usize) -> Option<usize> {
        let limit = end.min(k + MAX_PROPORTION_TOKENS + 1);
        let words: Vec<&str> = (k..limit).map(|j| self.word(j)).collect();
        proportion_len(&words)
    }

    /// Whether the tokens `from..end` after a proportion only describe its group (`of those
    /// surveyed`, `voters in a New York Times poll`, `, 67 percent,`): a figure in
    /// apposition, or words with no verb, clause or quotation of their own.
    fn describes_group(&self, from: usize, end: usize) -> bool {
        if from < end && self.word(from) == "," {
            let figure_end = self.proportion_at(from + 1, end).map(|len| from + 1 + len);
            return figure_end.is_some_and(|e| e == end || (e + 1 == end && self.word(e) == ","));
        }
        (from..end).all(|k| self.is_group_modifier(k))
    }

    /// Whether token `k` can describe a group after its proportion: a word that is no
    /// cue, auxiliary, relative pronoun or past-tense verb, outside quotation marks.
    fn is_group_modifier(&self, k: usize) -> bool {
        let word = self.word(k);
        let verb = self.is_in(k, CUE_WORDS)
            || self.is_in(k, AUXILIARIES)
            || (word.starts_with(char::is_lowercase)
                && word.ends_with("ed")
                && !word.contains('-')
                && !self.is_in(k, POST_HEAD_PARTICIPLES)
                && !self.is_in(k, TITLE_PARTICIPLES));
        self.is_word(k)
            && !verb
            && !self.is_one_of(k, &["who", "whom", "whose", "which", "that"])
            && self.quote_around(k).is_none()
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, assert_no_claims, extract};
    use crate::claims::SpeakerKind;

    /// The source mention, speaker kind and text of the only claim of `text`.
    fn only_claim(text: &str) -> (String, SpeakerKind, String) {
        let extracted = extract(text);
        assert_eq!(extracted.claims.len(), 1, "{:?}", extracted.claims);
        let claim = &extracted.claims[0];
        let source = claim.source_span.expect("a source");
        let chars: Vec<char> = text.chars().collect();
        let mention: String = chars[source.start..source.end].iter().collect();
        (mention, extracted.speakers[0].kind, claim.text.clone())
    }

    #[test]
    fn a_percentage_of_a_group_is_the_subject() {
        let (mention, kind, text) = only_claim(
            "Twenty-two percent of those surveyed said they would back the senator again.",
        );
        assert_eq!(mention, "Twenty-two percent of those surveyed");
        assert_eq!(kind, SpeakerKind::Group);
        assert_eq!(text, "they would back the senator again");
        let (mention, _, _) = only_claim("Among independents, 38% say they are moderates.");
        assert_eq!(mention, "38%");
    }

    #[test]
    fn ratios_and_fractions_are_subjects() {
        let (mention, kind, _) =
            only_claim("Nearly seven out of 10 say they expect prices to rise.");
        assert_eq!(mention, "Nearly seven out of 10");
        assert_eq!(kind, SpeakerKind::Group);
        let (mention, _, _) = only_claim(
            "One in five farmers in a state survey last year said the rules were too strict.",
        );
        assert_eq!(mention, "One in five farmers in a state survey last year");
        let (mention, _, _) = only_claim(
            "The deal passed, but almost two-thirds of independent voters said that it was unfair.",
        );
        assert_eq!(mention, "almost two-thirds of independent voters");
    }

    #[test]
    fn a_figure_in_apposition_belongs_to_the_proportion() {
        let (mention, _, text) = only_claim(
            "Among registered voters in the state, roughly half, 51 percent, say they will vote.",
        );
        assert_eq!(mention, "roughly half, 51 percent");
        assert_eq!(text, "they will vote");
    }

    #[test]
    fn a_proportion_inside_a_name_or_after_a_verb_is_no_subject() {
        assert_claims(
            "Senate Majority Leader Harry Reid said the vote would wait.",
            &[("reid", "the vote would wait")],
        );
        assert_no_claims("Prices rose by 40 percent last year.");
    }
}

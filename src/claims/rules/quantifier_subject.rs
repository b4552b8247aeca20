//! `Some said …`, `…, but many say …`: a quantifier that opens a clause stands for a
//! group of people as the subject of the cue after it (`lexicon/pronouns.txt`,
//! `[quantifier]`). Before any other word it is a determiner (`Several observers said`,
//! `Few politicians would admit`), and `Edwards and others said` is one subject.

use crate::claims::document::{Document, TokenRange};
use crate::claims::lexicon::{CUE_WORDS, QUANTIFIERS};

impl Document<'_> {
    /// Whether token `k` is a quantifier that opens its clause.
    pub(crate) fn is_clause_opening_quantifier(&self, k: usize, first: usize) -> bool {
        self.is_in(k, QUANTIFIERS) && self.opens_clause(k, first)
    }

    /// Whether token `k` opens its clause: the sentence's first word, or one after
    /// punctuation or a conjunction that joins clauses.
    pub(crate) fn opens_clause(&self, k: usize, first: usize) -> bool {
        if k == first {
            return true;
        }
        // `and` joins clauses only after a comma (`Edwards and others said` is one subject).
        let joined = self.is_one_of(k - 1, &["but", "while", "though", "although", "yet"])
            || (k >= first + 2 && self.lower(k - 1) == "and" && self.word(k - 2) == ",");
        matches!(self.word(k - 1), "," | ";" | ":" | "—" | "–")
            || joined
            || self.quote_closed_at(k - 1).is_some()
    }

    /// The subject a clause-opening quantifier at `k` is for the cue at `cue`: itself when
    /// a cue word or an auxiliary follows it, none when a noun it determines does.
    pub(crate) fn quantifier_subject(&self, k: usize, cue: usize) -> Option<TokenRange> {
        let cue_follows = k + 1 < cue || self.is_in(cue, CUE_WORDS);
        cue_follows.then_some((k, k + 1))
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, assert_no_claims, extract};
    use crate::claims::SpeakerKind;

    #[test]
    fn a_quantifier_opening_a_sentence_is_an_anonymous_subject() {
        assert_claims(
            "Some said the plan would fail.",
            &[("some", "the plan would fail")],
        );
        let extracted = extract("Most have argued that the plan would fail.");
        let kinds: Vec<SpeakerKind> = extracted.speakers.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SpeakerKind::Anonymous]);
    }

    #[test]
    fn a_quantifier_after_a_conjunction_opens_a_clause() {
        assert_claims(
            "The vote was delayed again, but many say it is too late.",
            &[("many", "it is too late")],
        );
    }

    #[test]
    fn a_quantifier_of_a_pronoun_is_the_group_it_picks_out() {
        assert_claims(
            "Until the shutdown, most of them said they had loved the job.",
            &[("most", "they had loved the job")],
        );
        assert_claims(
            "The veto angered families of victims, many of whom say the claims are unfounded.",
            &[("many", "the claims are unfounded")],
        );
        // Before a participle it describes the noun before it.
        assert_no_claims("Agents caught many families at the border, most of them seeking asylum.");
    }

    #[test]
    fn a_quantifier_before_a_noun_is_its_determiner() {
        assert_claims(
            "Several observers said the vote was rigged.",
            &[("observers", "the vote was rigged")],
        );
        assert_claims("Few politicians would ever admit this.", &[]);
    }

    #[test]
    fn others_joined_to_a_name_are_no_subject_of_their_own() {
        let extracted = extract("John Edwards and others said they could not support Clinton.");
        assert!(
            extracted.claims.iter().all(|c| c.speaker != "others"),
            "{:?}",
            extracted.claims
        );
    }
}

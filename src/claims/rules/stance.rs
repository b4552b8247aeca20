//! Stances stated by a named subject (`Sen. Tim Kaine backed …`, `Trump still ducks on
//! taxes`): PolNeAR counts those as attributed, so a finite verb after a name or a pronoun
//! opening the sentence is a cue.

use crate::claims::document::Document;
use crate::claims::lexicon::{
    is_time_word, AUXILIARIES, DETERMINERS, DETERMINERS_CAPITALISED, NOT_STANCE_WORDS,
    PERSON_PRONOUNS, PHRASE_STOPS,
};
use crate::claims::source_kind::{self, DescriptionKind};
use crate::claims::speakers::{classify, Mention};

impl Document<'_> {
    /// A finite verb after a named or pronoun subject that opens the sentence (`Trump
    /// still ducks on taxes`, `Clinton has delivered a positive message`, `Johnson did not
    /// identify a location`): annotation in the PolNeAR style counts such stances as
    /// attributed content. Right after the subject the verb must look finite (-ed, -s);
    /// after an auxiliary (`has`, `did not`, `is`) any content word is the verb.
    pub(crate) fn stance_verb_at(&self, i: usize, first: usize) -> Option<usize> {
        if i == first || !self.is_word(i) || self.is_in(i, NOT_STANCE_WORDS) {
            return None;
        }
        // `The separatist leaders said`: a listed plural of people ends the subject.
        if source_kind::listed_plural_kind(&self.lower(i)) == Some(DescriptionKind::Group) {
            return None;
        }
        let (start, end) = self.subject_before(i, first)?;
        if start != first {
            return None;
        }
        // `Richard Revesz, director of …`: after a comma comes an appositive, not the verb.
        if (end..i).any(|k| !self.is_word(k)) {
            return None;
        }
        let after_auxiliary = end < i;
        // `He is sick`, `Oz is hardly an impartial figure`: after a copula only an -ing
        // verb is a stance (`is calling for`).
        let after_copula = (end..i).any(|k| self.is_one_of(k, &["is", "was", "are", "were"]));
        let verb_like = if after_copula {
            self.lower(i).ends_with("ing") && self.is_content_word(i)
        } else if after_auxiliary {
            self.is_content_word(i)
        } else {
            self.looks_finite(i)
        };
        if !verb_like {
            return None;
        }
        let words: Vec<&str> = (start..end).map(|k| self.word(k)).collect();
        self.names_a_stance_holder(&words, after_auxiliary)
            .then_some(i + 1)
    }

    /// An -ed or -s word of four letters or more that is no function word nor a time
    /// noun (`A few months earlier, …`).
    fn looks_finite(&self, i: usize) -> bool {
        let lower = self.lower(i);
        (lower.ends_with("ed") || (lower.ends_with('s') && !lower.ends_with("ss")))
            && lower.len() > 3
            && self.is_content_word(i)
            && !is_time_word(&lower)
    }

    /// A lower-case word that is no function word, auxiliary, determiner or adverb.
    fn is_content_word(&self, i: usize) -> bool {
        let w = self.word(i);
        let lower = self.lower(i);
        w.chars().next().is_some_and(char::is_lowercase)
            && w.len() > 2
            && !lower.ends_with("ly")
            && !self.is_adverb(i)
            && !PHRASE_STOPS.contains(&lower.as_str())
            && !AUXILIARIES.contains(&lower.as_str())
            && !DETERMINERS.contains(&lower.as_str())
    }

    /// Whether a sentence-opening subject names who holds a stance: a name of two words or
    /// more, a pronoun, a lone surname of someone the article names in full (`Caddell
    /// questioned …`) or, right before its verb, a description of a listed source. One
    /// capitalised word opening a sentence is as likely a common noun as a name.
    fn names_a_stance_holder(&self, words: &[&str], after_auxiliary: bool) -> bool {
        let Some(last) = words.last() else {
            return false;
        };
        let lower = last.to_lowercase();
        let pronoun =
            words.len() == 1 && (PERSON_PRONOUNS.contains(&lower.as_str()) || lower == "they");
        let possessive = last.ends_with("'s") || last.ends_with("’s");
        let named = words.len() >= 2
            && !possessive
            && !DETERMINERS_CAPITALISED.contains(last)
            && !is_time_word(&lower)
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && matches!(
                classify(words),
                Mention::Person { .. } | Mention::Organisation { .. }
            );
        let known_surname = words.len() == 1 && self.surnames.contains(*last);
        // `The committee approved …`, `Republicans blocked …`: a description whose head
        // names a source.
        let described = !after_auxiliary
            && matches!(
                classify(words),
                Mention::Description { words, .. }
                    if words.last().is_some_and(|head| source_kind::head_kind(head).is_some())
            );
        pronoun || named || known_surname || described
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, assert_no_claims};

    #[test]
    fn a_time_noun_after_a_quantifier_is_no_verb() {
        assert_no_claims("A few months earlier, this problem would have belonged to Patriot Coal.");
    }

    #[test]
    fn a_named_subject_states_a_stance() {
        assert_claims(
            "Sen. Tim Kaine backed the trade deal last year.",
            &[("kaine", "the trade deal last year")],
        );
    }

    #[test]
    fn a_pronoun_subject_states_a_stance() {
        assert_claims(
            "Nancy Pelosi met the president. She backed the compromise on Friday.",
            &[("pelosi", "the compromise on Friday")],
        );
    }

    #[test]
    fn a_subject_that_names_no_source_states_none() {
        assert_no_claims("The bridge collapsed into the river on Monday.");
    }

    #[test]
    fn a_plural_of_people_after_a_modifier_is_the_subjects_head_not_a_verb() {
        assert_claims(
            "The separatist leaders said the evacuation had begun.",
            &[("separatist-leaders", "the evacuation had begun")],
        );
    }

    #[test]
    fn a_described_source_states_a_stance() {
        assert_claims(
            "The committee approved the budget on Monday.",
            &[("committee", "the budget on Monday")],
        );
    }

    #[test]
    fn a_verb_after_an_auxiliary_is_a_stance_and_a_copula_is_not() {
        assert_claims(
            "Gary Johnson did not identify a location.",
            &[("johnson", "a location")],
        );
        assert_claims(
            "Hillary Clinton is calling for new rules on banks.",
            &[("clinton", "new rules on banks")],
        );
        assert_no_claims("Mehmet Oz is hardly an impartial figure.");
    }

    #[test]
    fn an_appositive_after_the_name_is_no_stance() {
        assert_claims(
            "Richard Revesz, director of the Institute for Policy Integrity, said the states were exaggerating.",
            &[("revesz", "the states were exaggerating")],
        );
    }

    #[test]
    fn an_event_is_no_stance() {
        assert_no_claims("Ted Cruz won Texas and Oklahoma on Tuesday.");
        assert_no_claims("Gov. John Kasich received a warm welcome in Ohio.");
        assert_no_claims("Sen. Bernie Sanders needs 836 delegates to clinch the nomination.");
    }

    #[test]
    fn an_appearance_is_the_writers_reading_not_a_stance() {
        assert_no_claims("Donald Trump appeared to suggest a new tax on imports.");
        assert_no_claims("Hillary Clinton seemed ready for the fight.");
    }

    #[test]
    fn a_plural_noun_after_an_auxiliary_is_no_verb() {
        assert_no_claims("Ted Cruz has 11 delegates and Marco Rubio has 10.");
    }
}

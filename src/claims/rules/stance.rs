//! Stances stated by a named subject (`Sen. Tim Kaine backed …`, `Trump still ducks on
//! taxes`): PolNeAR counts those as attributed, so a finite verb after a name or a pronoun
//! opening the sentence is a cue.

use crate::claims::document::Document;
use crate::claims::lexicon::{
    is_time_word, AUXILIARIES, DETERMINERS_CAPITALISED, PERSON_PRONOUNS, PHRASE_STOPS,
};
use crate::claims::speakers::{classify, Mention};

impl Document<'_> {
    /// A finite verb right after a named or pronoun subject (`Trump still ducks on taxes`):
    /// annotation in the PolNeAR style counts such stances as attributed content.
    pub(crate) fn stance_verb_at(&self, i: usize, first: usize) -> Option<usize> {
        let w = self.word(i);
        let lower = self.lower(i);
        let looks_finite = w.chars().next().is_some_and(char::is_lowercase)
            && w.len() > 3
            && (lower.ends_with("ed") || (lower.ends_with('s') && !lower.ends_with("ss")))
            && !PHRASE_STOPS.contains(&lower.as_str())
            && !AUXILIARIES.contains(&lower.as_str());
        if !looks_finite || i == first {
            return None;
        }
        let subject = i - 1;
        let starts_sentence = self
            .subject_before(i, first)
            .is_some_and(|(start, end)| start == first && end == i);
        if !starts_sentence {
            return None;
        }
        let s = self.word(subject);
        let pronoun = self.is_in(subject, PERSON_PRONOUNS) || self.is_one_of(subject, &["they"]);
        let words: Vec<&str> = (first..i).map(|k| self.word(k)).collect();
        // One capitalised word opening a sentence is as likely a common noun as a name.
        let possessive = s.ends_with("'s") || s.ends_with("’s");
        let named = words.len() >= 2
            && !possessive
            && !DETERMINERS_CAPITALISED.contains(&s)
            && !is_time_word(&s.to_lowercase())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && matches!(
                classify(&words),
                Mention::Person { .. } | Mention::Organisation { .. }
            );
        // A lone surname of someone the article names in full (`Caddell questioned …`).
        let known_surname = words.len() == 1 && self.surnames.contains(s);
        (named || pronoun || known_surname).then_some(i + 1)
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, assert_no_claims};

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
    fn a_common_noun_subject_states_none() {
        assert_no_claims("The committee approved the budget on Monday.");
    }
}

//! `…, arguing that …`: a participle cue after a comma reports the subject that opens the
//! sentence (`Clinton criticized the plan, arguing that it would fail`, `The businessman
//! spoke in Iowa, saying …`), as does one after a
//! document the subject issued (`The campaign released a statement saying …`). A cue
//! followed by nothing but an adjunct before the participle (`Trump wrote on Twitter,
//! saying …`) leaves the content to the participle.

use crate::claims::document::Document;
use crate::claims::lexicon::{ISSUED_DOCUMENTS, SPEECH_CUES, VENUE_PREPOSITIONS};
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl Document<'_> {
    /// The frame of the participle cue at `cue..cue_end` that follows a comma.
    pub(crate) fn participle_frame(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
    ) -> Option<Frame> {
        let subject = self.phrase_starting_sentence(sentence, cue)?;
        let content = self.content_after(cue, cue_end, sentence)?;
        Some(Frame::new(content, subject, (cue, cue_end)))
    }

    /// Whether the verb of saying at `cue` is followed, from `from`, by nothing but an
    /// adjunct of where it was said and a comma before a participle cue (`Trump wrote on Twitter,
    /// saying …`): the participle reports the content, and the cue has none of its own.
    /// Other verbs may take such a phrase as content (`Clinton unloaded on Sanders`).
    pub(crate) fn adjunct_before_participle(&self, cue: usize, from: usize, last: usize) -> bool {
        const MAX_ADJUNCT_TOKENS: usize = 8;
        let comma = (from..last.min(from + MAX_ADJUNCT_TOKENS + 1)).find(|&k| !self.is_word(k));
        comma.is_some_and(|comma| {
            let participle = comma + 1;
            comma > from
                && self.word(comma) == ","
                && participle < last
                && self.lower(participle).ends_with("ing")
                && self.cue_at(participle, last).is_some()
                && self.is_in(cue, SPEECH_CUES)
                && self.is_in(from, VENUE_PREPOSITIONS)
                && !self.complement_follows(from, last)
        })
    }

    /// Whether the cue at `cue` follows a document that the sentence's subject issued (`The
    /// campaign released a statement saying`): the document is an object, so it is not at
    /// the start of the sentence.
    pub(crate) fn follows_issued_document(&self, cue: usize, sentence: &TokenSentence) -> bool {
        self.subject_before(cue, sentence.first)
            .filter(|(start, _)| *start > sentence.first)
            .is_some_and(|(_, end)| self.is_in(end - 1, ISSUED_DOCUMENTS))
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, extract};

    #[test]
    fn a_participle_reports_the_subject_of_the_sentence() {
        assert_claims(
            "The forecast was grim, the governor said on Friday, arguing that it would raise taxes.",
            &[
                ("governor", "The forecast was grim"),
                ("governor", "that it would raise taxes"),
            ],
        );
    }

    #[test]
    fn a_participle_after_a_progressive_verb_reports_its_subject() {
        assert_claims(
            "Democrats are drawing up plans to win over moderates, saying the effort is key.",
            &[("democrats", "the effort is key")],
        );
        // After a bare verb the participle shares the report before it.
        assert_claims(
            "Ryan and Trump will meet next week, Spicer said, adding, \"They need to talk.\"",
            &[
                ("spicer", "Ryan and Trump will meet next week"),
                ("spicer", "They need to talk."),
            ],
        );
    }

    #[test]
    fn the_subject_follows_an_opening_participle_clause() {
        assert_claims(
            "Speaking at a rally, Senator Ann Lee went after the governor, calling him a coward.",
            &[("lee", "him a coward")],
        );
    }

    #[test]
    fn the_subject_follows_an_opening_adjunct_with_commas_of_its_own() {
        assert_claims(
            "At an event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her statement, saying that the country should lead.",
            &[("clinton", "that the country should lead")],
        );
        assert_claims(
            "Here in Columbia, Sanders stepped up his emphasis on justice, saying the system was broken.",
            &[("sanders", "the system was broken")],
        );
    }

    #[test]
    fn an_emphatic_did_and_an_opening_possessive_keep_the_subject() {
        assert_claims(
            "The Wisconsin Republican did give Trump some credit, saying he should be congratulated.",
            &[("wisconsin-republican", "he should be congratulated")],
        );
        assert_claims(
            "His chief aide went after Clinton, saying she was experienced only on paper.",
            &[("chief-aide", "she was experienced only on paper")],
        );
    }

    #[test]
    fn a_name_before_its_appositive_is_the_subject_not_an_opener() {
        assert_claims(
            "Christie, New Jersey\u{2019}s sitting governor, criticized the plan, saying it would fail.",
            &[("christie", "the plan"), ("christie", "it would fail")],
        );
        assert_claims(
            "However, Senator Ann Lee went after the governor, calling him a coward.",
            &[("lee", "him a coward")],
        );
    }

    #[test]
    fn saying_after_a_stance_is_a_second_claim() {
        assert_claims(
            "Mayor Bill de Blasio defended the plan, saying the city could not afford to wait.",
            &[
                ("blasio", "the plan"),
                ("blasio", "the city could not afford to wait"),
            ],
        );
    }

    #[test]
    fn a_participle_after_an_irregular_past_verb_reports_its_subject() {
        assert_claims(
            "The billionaire investor spoke in Ohio on Monday, saying that the base would close.",
            &[("billionaire-investor", "that the base would close")],
        );
    }

    #[test]
    fn a_participle_reports_the_subject_after_an_opening_adjunct_or_a_title_participle() {
        assert_claims(
            "In a victory speech in Ohio on Tuesday night, Senator Jane Perdue struck a measured tone, saying she understood the task.",
            &[("perdue", "she understood the task")],
        );
        assert_claims(
            "The retired admiral has provided no details, saying only that he was refining some practices.",
            &[("retired-admiral", "that he was refining some practices")],
        );
    }

    #[test]
    fn a_verb_of_saying_before_a_venue_and_a_participle_has_no_content() {
        assert_claims(
            "Senator Jane Perdue wrote on Facebook, saying she regretted the vote.",
            &[("perdue", "she regretted the vote")],
        );
    }

    #[test]
    fn a_participle_after_an_issued_document_reports_the_issuer() {
        assert_claims(
            "The Trump campaign released a statement saying that Trump meant something else.",
            &[("trump-campaign", "that Trump meant something else")],
        );
    }

    #[test]
    fn a_participle_report_ends_the_content_before_it() {
        let claims = extract(
            "Senator Jane Perdue said the plan would fail, arguing that costs were too high.",
        )
        .claims;
        let said = claims
            .iter()
            .find(|c| c.text.starts_with("the plan"))
            .map(|c| c.text.as_str());
        assert_eq!(said, Some("the plan would fail"));
        assert!(claims
            .iter()
            .any(|c| c.text.contains("costs were too high")));
    }
}

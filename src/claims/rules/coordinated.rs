//! A second cue of the same sentence that shares the source of the first: joined by `and`
//! or `but` (`Cruz urged Republicans to … and said he was …`), or a participle (`"…," the
//! businessman said, arguing that …`).

use crate::claims::document::{Document, TokenRange};
use crate::claims::lexicon::{AUXILIARIES, COORDINATORS, NOUN_MARKERS};
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl Document<'_> {
    /// `Cruz exhorted Republicans to … and said he was …`: a cue joined by `and` or `but`,
    /// or a participle after a comma, shares the source of an earlier report of the same
    /// sentence.
    pub(crate) fn coordinated_frame(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
        frames: &[Frame],
    ) -> Option<Frame> {
        if cue <= sentence.first {
            return None;
        }
        // `"…," the businessman said, arguing that …` and `she said at a news conference
        // announcing that …`: a participle too.
        let participle = self.lower(cue).ends_with("ing")
            && (self.word(cue - 1) == "," || self.complement_follows(cue + 1, sentence.last));
        if !(self.is_in(cue - 1, COORDINATORS) || participle) {
            return None;
        }
        let sentence_start = self.tokens[sentence.first].start;
        let earlier = frames.iter().rev().find(|f| {
            f.cue
                .is_some_and(|(start, _)| start >= sentence.first && start < cue)
                && f.source.is_some()
                && f.content.0 >= sentence_start
        });
        // `McConnell was quick to embrace the mogul … and said that …`: without an earlier
        // report, a cue joined by `and` shares the subject that opens the sentence.
        let source = match earlier {
            Some(frame) => frame.source,
            None if !participle => self.opening_subject(sentence, cue),
            None => None,
        }?;
        let content = self.content_after(cue, cue_end, sentence)?;
        Some(Frame {
            content,
            source: Some(source),
            cue: Some((cue, cue_end)),
            continues: None,
            gap: None,
        })
    }
}

impl Document<'_> {
    /// The noun phrase that opens the sentence as the subject of its first verb before
    /// `cue` (an auxiliary, an -ed word, an irregular past such as `took`, or a cue word).
    fn opening_subject(&self, sentence: &TokenSentence, cue: usize) -> Option<TokenRange> {
        let verb = (sentence.first + 1..cue).find(|&k| {
            let lower = self.lower(k);
            // `Wealth-X keeps its finances a secret but says …`: after a name and before a
            // determiner, an -s word is the verb (`FBI officials said` has its noun).
            let present_after_name = lower.ends_with('s')
                && !lower.ends_with("ss")
                && self.is_capitalised(k - 1)
                && self.is_in(k + 1, NOUN_MARKERS);
            self.is_past_or_cue(k)
                || (self.word(k).starts_with(char::is_lowercase)
                    && (self.is_in(k, AUXILIARIES) || present_after_name))
        })?;
        self.subject_before(verb, sentence.first)
            .filter(|&(start, _)| start == sentence.first)
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, assert_no_claims, claims_of, has};
    use crate::claims::ClaimKind;

    #[test]
    fn a_report_joined_by_and_to_a_narrated_verb_shares_the_sentences_subject() {
        assert_claims(
            "McConnell was quick to embrace the nominee and said this week that Trump \
             would be very competitive.",
            &[("mcconnell", "that Trump would be very competitive")],
        );
        assert_no_claims("In the end the talks dragged on and said little.");
        assert_claims(
            "Wealth-X keeps its finances a secret but says its business has tripled.",
            &[("wealth-x", "its business has tripled")],
        );
    }

    #[test]
    fn an_irregular_past_before_and_leaves_the_subject_to_the_cue() {
        assert_claims(
            "Carson took the stage Tuesday at the Grand Hotel in Baltimore and called the \
             political system \u{201c}rotten to the core.\u{201d}",
            &[(
                "carson",
                "the political system \u{201c}rotten to the core.\u{201d}",
            )],
        );
    }

    #[test]
    fn a_stance_and_a_report_joined_by_and() {
        assert_claims(
            "Senator Susan Collins criticized the proposal and said it would fail in the Senate.",
            &[
                ("collins", "the proposal"),
                ("collins", "it would fail in the Senate"),
            ],
        );
    }

    #[test]
    fn a_warning_joined_by_but() {
        assert_claims(
            "Hillary Clinton praised the agreement but warned that Iran must comply.",
            &[("clinton", "that Iran must comply")],
        );
    }

    #[test]
    fn a_second_cue_joined_by_and_is_a_claim_of_the_same_speaker() {
        let claims = claims_of(
            "Ted Cruz urged Republicans to \"vote your conscience\" and said he was standing on principle.",
        );
        assert!(
            has(
                &claims,
                "cruz",
                "he was standing on principle",
                ClaimKind::Indirect
            ),
            "{claims:?}"
        );
        assert!(
            !claims
                .iter()
                .any(|(_, t, _)| t.contains("conscience") && t.contains("principle")),
            "{claims:?}"
        );
    }

    #[test]
    fn a_participle_cue_after_a_report_shares_its_source() {
        let claims = claims_of(
            "Loretta Lynch spoke in May. \"We will get there together,\" she said at a news conference announcing that her department was suing North Carolina.",
        );
        assert!(
            has(
                &claims,
                "lynch",
                "We will get there together",
                ClaimKind::Direct
            ),
            "{claims:?}"
        );
        assert!(
            has(
                &claims,
                "lynch",
                "that her department was suing North Carolina",
                ClaimKind::Indirect
            ),
            "{claims:?}"
        );
    }
}

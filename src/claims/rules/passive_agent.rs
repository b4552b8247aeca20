//! `Asked by Starnes whether he agreed, Carson said …`, `Sanders was asked by host John
//! Dickerson whether …`: a cue in the passive with its agent after `by`. PolNeAR attributes
//! the question (or the report) that follows the agent to the agent, whoever answers it.

use crate::claims::document::Document;
use crate::claims::lexicon::{
    CLAUSE_SUBORDINATORS, CONTENT_OPENERS, IRREGULAR_PAST, SENTENCE_FINAL, SEPARATORS,
    TIME_ADJUNCT_OPENERS,
};
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

/// Most words between the agent and its content (`asked by Ingraham on Thursday about …`).
const MAX_ADJUNCT_WORDS: usize = 4;

impl Document<'_> {
    /// The frame of a cue at `cue..cue_end` followed by `by`, its agent and a content that
    /// opens with a content word (`whether`, `if`, `that`, …), `to` or `about`; the content
    /// runs to the clause's comma or the sentence end.
    pub(crate) fn passive_agent_frame(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
    ) -> Option<Frame> {
        if cue_end + 1 >= sentence.last
            || !self.is_one_of(cue_end, &["by"])
            || !self.is_passive_cue(cue, sentence.first)
        {
            return None;
        }
        let source = self.phrase_after(cue_end + 1, sentence.last)?;
        // Only a time adjunct comes between the agent and its content (not `echoed by
        // experts I spoke to`).
        let window_end = sentence.last.min(source.1 + MAX_ADJUNCT_WORDS + 1);
        let start = (source.1..window_end)
            .take_while(|&k| {
                self.is_time(k) || self.is_in(k, TIME_ADJUNCT_OPENERS) || self.opens_content(k)
            })
            .find(|&k| self.opens_content(k))?;
        let mut end = (start..sentence.last)
            .find(|&k| self.word(k) == "," && self.quote_around(k).is_none())
            .unwrap_or(sentence.last);
        while end > start && SENTENCE_FINAL.contains(&self.word(end - 1)) {
            end -= 1;
        }
        (end > start + 1).then(|| {
            let content = (self.tokens[start].start, self.tokens[end - 1].end);
            Frame::new(content, source, (cue, cue_end))
        })
    }

    /// Whether a passive cue's content opens at `k`: a content word, `to` or `about`.
    fn opens_content(&self, k: usize) -> bool {
        self.is_in(k, CONTENT_OPENERS) || self.is_one_of(k, &["to", "about"])
    }

    /// Whether the cue at `cue` is a participle in the passive: after a form of `be`
    /// (`was asked by`), or opening its clause (`Asked by`, `When asked by`, `, asked by`),
    /// not an active verb with a `by` adjunct (`responded by using`).
    fn is_passive_cue(&self, cue: usize, first: usize) -> bool {
        let opens_clause = cue == first
            || SEPARATORS.contains(&self.word(cue - 1))
            || self.is_in(cue - 1, CLAUSE_SUBORDINATORS);
        let participle = self.lower(cue).ends_with("ed") || self.is_in(cue, IRREGULAR_PAST);
        participle && (opens_clause || self.is_passive(cue.saturating_sub(2).max(first), cue))
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::assert_claims;

    #[test]
    fn the_question_after_the_agent_is_the_agents() {
        assert_claims(
            "Asked by Jones whether he had read the report, the mayor said, \"I read it once.\"",
            &[
                ("jones", "whether he had read the report"),
                ("mayor", "I read it once."),
            ],
        );
    }

    #[test]
    fn a_passive_cue_after_its_subject_reports_the_agent() {
        assert_claims(
            "The mayor was asked by host Ann Lee on Sunday if the plan would work.",
            &[("lee", "if the plan would work")],
        );
    }

    #[test]
    fn an_active_cue_with_a_by_adjunct_is_no_passive() {
        assert_claims(
            "The mayor responded by citing a study to show that crime fell.",
            &[("mayor", "that crime fell")],
        );
    }

    #[test]
    fn an_agent_without_content_is_no_frame() {
        assert_claims(
            "Mayor Bo Reed was asked by Ann Lee, and Reed said he would think about it.",
            &[("reed", "he would think about it")],
        );
    }
}

//! `In a CNN national poll, Hillary Clinton held a 24-point lead …`: a sentence that opens
//! with `In` and a poll reports the poll's findings in the clause after the comma; PolNeAR
//! attributes that clause to the poll, with `In` as the cue.

use crate::claims::document::Document;
use crate::claims::lexicon::{POLL_NOUNS, SENTENCE_FINAL, SUBJECT_PARTICIPLES};
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

/// Most tokens of the adjunct between `In` and its comma (`the RealClearPolitics average of
/// recent New Hampshire polls released this week`).
const MAX_ADJUNCT_TOKENS: usize = 14;

impl Document<'_> {
    /// The frame of a sentence that opens with `In`, a phrase naming a poll and a comma.
    pub(crate) fn poll_adjunct_frame(&self, sentence: &TokenSentence) -> Option<Frame> {
        let cue = sentence.first;
        if !self.is_one_of(cue, &["in"]) {
            return None;
        }
        let limit = sentence.last.min(cue + 2 + MAX_ADJUNCT_TOKENS);
        let comma = (cue + 1..limit).find(|&k| !self.is_word(k) && self.word(k) != "/")?;
        // `In a memo released as polls closed`: the poll must head the phrase.
        let participle = (cue + 1..comma)
            .find(|&k| self.is_in(k, SUBJECT_PARTICIPLES))
            .unwrap_or(comma);
        let poll = (cue + 1..participle).find(|&k| self.is_in(k, POLL_NOUNS))?;
        if self.word(comma) != "," {
            return None;
        }
        // `a CBS News poll released Monday`, `… last month`: the poll without its date.
        let source_end = self.end_before_date(poll, comma);
        let mut end = sentence.last;
        while end > comma + 1 && SENTENCE_FINAL.contains(&self.word(end - 1)) {
            end -= 1;
        }
        (end > comma + 1).then(|| {
            let content = (self.tokens[comma + 1].start, self.tokens[end - 1].end);
            Frame::new(content, (cue + 1, source_end), (cue, cue + 1))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, assert_no_claims};

    #[test]
    fn the_clause_after_an_opening_poll_is_its_finding() {
        assert_claims(
            "In a Monmouth University poll released Tuesday, the senator led by 12 points.",
            &[("monmouth-university-poll", "the senator led by 12 points")],
        );
    }

    #[test]
    fn an_opening_adjunct_without_a_poll_reports_nothing() {
        assert_no_claims("In a rare move, the senator crossed the aisle.");
        assert_no_claims("In a memo released as polls closed, the campaign looked ahead to Ohio.");
    }
}

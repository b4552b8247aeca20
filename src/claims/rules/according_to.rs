//! `according to SOURCE`: before the content (`According to the ministry, no cities were
//! hit`) or after it (`Civilians fled, according to Kuleba`).

use crate::claims::document::Document;
use crate::claims::lexicon::{
    APPENDED_CLAUSE_OPENERS, COORDINATORS, FINITE_AUXILIARIES, OPENING_QUOTES,
    POSSESSIVE_DETERMINERS, SENTENCE_ADVERBS,
};
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl Document<'_> {
    /// The frame of `according to` at `cue..cue_end`: the source is the phrase after it;
    /// opening its clause, the content follows the source's comma, otherwise it is the
    /// clause before.
    pub(crate) fn according_to_frame(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
    ) -> Option<Frame> {
        // `according to their attorneys`: the possessive names no one; the noun after it
        // is the source, resolved like any description.
        let possessive = cue_end + 1 < sentence.last && self.is_in(cue_end, POSSESSIVE_DETERMINERS);
        let from = if possessive { cue_end + 1 } else { cue_end };
        // `But, according to the poll, 46 percent …`: one sentence adverb before it.
        let after_adverb = cue == sentence.first + 2
            && self.word(cue - 1) == ","
            && self.is_in(sentence.first, SENTENCE_ADVERBS);
        let opening = cue == sentence.first
            || OPENING_QUOTES.contains(&self.word(cue - 1))
            || self.is_in(cue - 1, COORDINATORS)
            || after_adverb;
        // `According to early results of exit polls conducted for The Associated Press and
        // television networks, …`: opening its clause, the source runs to the comma.
        let (start, end) = self
            .phrase_after(from, sentence.last)
            .or_else(|| opening.then(|| self.phrase_to_comma(from, sentence.last))?)?;
        // `according to an analysis by the Pew Research Center`: the author speaks.
        let by_author = end < sentence.last && self.lower(end) == "by";
        let (start, end) = by_author
            .then(|| self.phrase_after(end + 1, sentence.last))
            .flatten()
            .unwrap_or((start, end));
        let source = (start, self.end_before_date(start, end));
        if opening {
            let comma = (source.1..sentence.last).find(|&k| self.word(k) == ",")?;
            let content = self.content_after_comma(comma, sentence)?;
            return Some(Frame::new(content, source, (cue, cue_end)));
        }
        // `Fundraising, according to the campaign, has surged`: the source's comma resumes
        // the clause before it, or opens it after an adjunct (`In addition, according to
        // the department, …`); the narration between the parts is a gap.
        let comma = source.1;
        let before = self.content_before(cue, sentence);
        let resumed = (comma < sentence.last
            && self.word(comma) == ","
            && self.resumes_clause(comma + 1, sentence.last, before.is_some()))
        .then(|| self.content_after_comma(comma, sentence))
        .flatten();
        let frame = match (before, resumed) {
            (Some(before), Some(after)) => Frame {
                gap: Some((before.1, after.0)),
                ..Frame::new((before.0, after.1), source, (cue, cue_end))
            },
            (before, after) => Frame::new(before.or(after)?, source, (cue, cue_end)),
        };
        Some(frame)
    }

    /// The content after the comma at `comma`, to the end of its sentence.
    fn content_after_comma(
        &self,
        comma: usize,
        sentence: &TokenSentence,
    ) -> Option<(usize, usize)> {
        let rest = TokenSentence {
            first: comma + 1,
            ..*sentence
        };
        self.content_after(comma, comma + 1, &rest)
    }

    /// Whether the words from `k` go on with the clause interrupted before them rather
    /// than append a clause to it (`, who …`, `, compared with …`, `, taking …`) or
    /// describe the source (`according to the Judicial Conference, the policy-making arm
    /// of …`): after content, only a verb resumes it (`Donations, according to the
    /// campaign, have doubled`).
    fn resumes_clause(&self, k: usize, last: usize, after_content: bool) -> bool {
        let lower = self.lower(k);
        let participle = lower.ends_with("ing") && self.word(k).starts_with(char::is_lowercase);
        let verb = self.is_in(k, FINITE_AUXILIARIES)
            || (self.word(k).starts_with(char::is_lowercase)
                && (lower.ends_with("ed") || lower.ends_with('s')));
        k < last
            && self.is_word(k)
            && !participle
            && !self.is_in(k, APPENDED_CLAUSE_OPENERS)
            && (verb || !after_content)
    }

    /// Whether the cue at `cue` makes whatever phrase follows it a source: PolNeAR counts
    /// every `according to` (`according to state law`, `according to one global index`),
    /// so a description on no list of sources names a document.
    pub(crate) fn cue_names_any_source(&self, cue: usize) -> bool {
        self.lower(cue) == "according"
    }

    /// The words from `from` to the next comma, when they are words only and no more than
    /// an opening source runs to.
    fn phrase_to_comma(&self, from: usize, last: usize) -> Option<(usize, usize)> {
        const MAX_SOURCE_TOKENS: usize = 20;
        let end = (from..last.min(from + MAX_SOURCE_TOKENS + 1)).find(|&k| !self.is_word(k))?;
        (end > from && self.word(end) == ",").then_some((from, end))
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{
        assert_claims, assert_no_claims, claims_of, extract, has,
    };
    use crate::claims::{ClaimKind, SpeakerKind};

    #[test]
    fn a_cue_inside_the_source_phrase_reports_nothing_of_its_own() {
        assert_claims(
            "According to a civil complaint filed by the Securities and Exchange Commission, the developers ran a scheme.",
            &[(
                "securities-and-exchange-commission",
                "the developers ran a scheme",
            )],
        );
        assert_no_claims("Having said that, there is little to add.");
    }

    #[test]
    fn a_short_clause_opened_by_a_preposition_is_content() {
        assert_claims(
            "In Iowa, Trump is in first, according to the Real Clear Politics average.",
            &[("real-clear-politics-average", "In Iowa, Trump is in first")],
        );
    }

    #[test]
    fn a_sentence_adverb_before_an_opening_according_to() {
        assert_claims(
            "But, according to the poll, 46 percent of Republican voters support him.",
            &[("poll", "46 percent of Republican voters support him")],
        );
    }

    #[test]
    fn according_to_before_the_content() {
        assert_claims(
            "According to the State Department, the embassy will reopen next month.",
            &[("state-department", "the embassy will reopen next month")],
        );
    }

    #[test]
    fn a_long_opening_source_runs_to_its_comma() {
        let claims = claims_of(
            "According to early results of exit polls conducted for three newspapers and two television networks, most voters were angry.",
        );
        assert!(
            claims
                .iter()
                .any(|(_, text, _)| text == "most voters were angry"),
            "{claims:?}"
        );
    }

    #[test]
    fn according_to_after_the_content() {
        assert_claims(
            "The embassy will reopen next month, according to a State Department spokesman.",
            &[(
                "state-department-spokesman",
                "The embassy will reopen next month",
            )],
        );
    }

    #[test]
    fn according_to_a_possessive_source_names_the_noun() {
        assert_claims(
            "The charges were false, according to their attorneys.",
            &[("attorneys", "The charges were false")],
        );
        assert_claims(
            "According to his aides, the senator will run again.",
            &[("aides", "the senator will run again")],
        );
    }

    #[test]
    fn according_to_inside_a_clause_leaves_a_gap_in_its_content() {
        let claims = claims_of("Donations, according to the campaign, have doubled since May.");
        assert!(
            has(
                &claims,
                "campaign",
                "Donations, have doubled since May",
                ClaimKind::Indirect
            ),
            "{claims:?}"
        );
        assert_claims(
            "In addition, according to the ministry, more roads will be closed.",
            &[("ministry", "more roads will be closed")],
        );
    }

    #[test]
    fn the_author_after_by_is_the_source() {
        assert_claims(
            "Most of the jobs went to immigrants, according to an analysis by the Pew \
             Research Center.",
            &[("pew-research-center", "Most of the jobs went to immigrants")],
        );
    }

    #[test]
    fn a_clause_appended_after_the_source_is_not_content() {
        assert_claims(
            "The senator won easily, according to the tally, which was released late.",
            &[("tally", "The senator won easily")],
        );
        assert_claims(
            "The court needs a third judge, according to the Judicial Conference, the \
             policy-making arm of the federal courts.",
            &[("judicial-conference", "The court needs a third judge")],
        );
    }

    #[test]
    fn any_phrase_after_according_to_is_a_source() {
        assert_claims(
            "According to state law, no one may park within 50 feet of a fire station.",
            &[(
                "state-law",
                "no one may park within 50 feet of a fire station",
            )],
        );
        assert_claims(
            "Paris was the largest market last year, according to one global index.",
            &[("global-index", "Paris was the largest market last year")],
        );
    }

    #[test]
    fn according_to_a_dated_source_leaves_out_the_date() {
        assert_claims(
            "Most voters approve of the plan, according to a Gallup poll taken last week.",
            &[("gallup-poll", "Most voters approve of the plan")],
        );
        assert_claims(
            "The merger was called off, according to an interview at the time.",
            &[("interview", "The merger was called off")],
        );
    }

    #[test]
    fn a_participle_after_an_article_is_an_adjective_of_the_source() {
        assert_claims(
            "The publisher dropped the book, according to a publishing executive.",
            &[("publishing-executive", "The publisher dropped the book")],
        );
    }

    #[test]
    fn according_to_an_estimate_is_a_document() {
        let extracted = extract(
            "The program costs $3 billion, according to a Congressional Budget Office estimate.",
        );
        let speakers: Vec<(&str, SpeakerKind)> = extracted
            .speakers
            .iter()
            .map(|s| (s.id.as_str(), s.kind))
            .collect();
        assert_eq!(
            speakers,
            [(
                "congressional-budget-office-estimate",
                SpeakerKind::Document
            )]
        );
    }

    #[test]
    fn inverted_reports_and_according_to() {
        let claims = claims_of(
            "The talks did not envisage a ceasefire, Lavrov said. Corridors were not discussed, said Kuleba. According to the Russian Defense Ministry, no cities were hit. Civilians fled, according to Kuleba.",
        );
        assert!(has(
            &claims,
            "lavrov",
            "The talks did not envisage a ceasefire",
            ClaimKind::Indirect
        ));
        assert!(has(
            &claims,
            "kuleba",
            "Corridors were not discussed",
            ClaimKind::Indirect
        ));
        assert!(has(
            &claims,
            "russian-defense-ministry",
            "no cities were hit",
            ClaimKind::Indirect
        ));
        assert!(has(
            &claims,
            "kuleba",
            "Civilians fled",
            ClaimKind::Indirect
        ));
    }
}

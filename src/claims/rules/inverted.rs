//! Inverted reports, content first: `CONTENT, SOURCE CUE` (`"…," Lavrov said`), `CONTENT,
//! CUE SOURCE` (`…, said Kuleba`), split quotes whose second part follows the source
//! (`"…," he said, "…"`), and a report inside its content (`The plan, Smith said, would
//! fail`).

use crate::claims::document::{Document, TokenRange};
use crate::claims::lexicon::{
    CLOSING_QUOTES, DETERMINERS, FINITE_AUXILIARIES, INVERTING_CUES, IRREGULAR_PAST, NOUN_MARKERS,
    OBJECT_FIRST_CUES, SENTENCE_FINAL, SEPARATORS,
};
use crate::claims::quotes::Quote;
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl<'a> Document<'a> {
    /// `CONTENT, SOURCE CUE`: the subject `source` follows a separator or a closing quote,
    /// and nothing but an adjunct follows the cue (`tail` is past any listener).
    pub(crate) fn source_cue_frame(
        &self,
        source: TokenRange,
        cue: TokenRange,
        tail: usize,
        sentence: &TokenSentence,
    ) -> Option<Frame> {
        // `"…," this source told the Post`: a determiner the subject leaves out opens it.
        let mut opening = source.0;
        while opening > sentence.first
            && (self.is_in(opening - 1, NOUN_MARKERS) || self.is_in(opening - 1, DETERMINERS))
        {
            opening -= 1;
        }
        let before_source = opening.checked_sub(1).filter(|&b| b >= sentence.first);
        // `MACAU (Reuters) – Adelson said on Friday …`: a dateline's dash separates nothing.
        let after_separator = before_source.is_some_and(|b| {
            SEPARATORS.contains(&self.word(b)) || CLOSING_QUOTES.contains(&self.word(b))
        }) && !self.after_dateline(sentence.first, opening);
        // `"…," she said several months later`: a quotation that ends in a comma before
        // its source is the content whatever follows the cue.
        let after_open_quote = before_source.is_some_and(|b| {
            CLOSING_QUOTES.contains(&self.word(b))
                && b > sentence.first
                && matches!(self.word(b - 1), "," | "?" | "!")
        }) && !self.complement_follows(tail, sentence.last);
        let inverted = after_separator
            && self.is_in(cue.0, INVERTING_CUES)
            && (self.tail_is_adjunct(tail, sentence.last) || after_open_quote);
        if !inverted {
            return None;
        }
        // Without content before it (`As a phone rang, the announcer said, "…"`), the
        // report is not inverted after all.
        let mut content = self.content_before(opening, sentence)?;
        let quoted = after_open_quote
            || before_source
                .and_then(|b| b.checked_sub(1))
                .is_some_and(|b| self.quote_closed_at(b).is_some());
        if let Some(end) = self.interrupted_clause_end(tail, sentence, quoted) {
            // The claim is the article's text of its whole span, the report inside it too.
            content.1 = end;
            return Some(Frame::new(content, source, cue));
        }
        // `Still, he said, officials …`: one opening word is no content; what follows the
        // report is.
        let opening_words = sentence.first..opening;
        let quoted = opening_words
            .clone()
            .any(|k| self.quote_closed_at(k).is_some());
        if !quoted && opening_words.filter(|&k| self.is_word(k)).count() < 2 {
            return None;
        }
        Some(self.inverted_frame(content, source, cue, cue.1, sentence))
    }

    /// `The plan, Smith said on Monday, would fail.`: where the clause that the report
    /// interrupts ends, when a separator and a finite auxiliary or, after content that is no
    /// quotation, a past verb, `that` or `because` follow the report's short adjunct at
    /// `tail`.
    fn interrupted_clause_end(
        &self,
        tail: usize,
        sentence: &TokenSentence,
        after_quotation: bool,
    ) -> Option<usize> {
        const MAX_ADJUNCT_TOKENS: usize = 4;
        let separator = (tail..sentence.last.min(tail + MAX_ADJUNCT_TOKENS + 1))
            .find(|&k| !self.is_word(k))
            .filter(|&k| self.word(k) == ",")?;
        // `The plan, Smith said, would fail`, `CNN, Cruz said, called it significant`.
        let verb = separator + 1;
        let past = |k: usize| {
            self.is_in(k, IRREGULAR_PAST)
                || (self.lower(k).ends_with("ed") && !self.is_capitalised(k))
        };
        // After a quotation a participle describes the speaker (`"…," McCain said, asked
        // about …`).
        // `But there is a risk, some Democrats said, that …`: a complement or a reason
        // resumes it too.
        let complement = self.is_one_of(verb, &["that", "because"]);
        let resumes = verb < sentence.last
            && (self.is_in(verb, FINITE_AUXILIARIES)
                || (!after_quotation && (past(verb) || complement)));
        if !resumes || self.quote_around(separator + 1).is_some() {
            return None;
        }
        let mut end = sentence.last;
        while end > separator + 1 && SENTENCE_FINAL.contains(&self.word(end - 1)) {
            end -= 1;
        }
        Some(self.tokens[end - 1].end)
    }

    /// `CONTENT, CUE SOURCE`: an inverting cue right after a separator or a closing quote,
    /// then its source and nothing but an adjunct.
    pub(crate) fn cue_source_frame(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
    ) -> Option<Frame> {
        let before = cue.checked_sub(1).filter(|&b| b >= sentence.first)?;
        let inverted =
            SEPARATORS.contains(&self.word(before)) || CLOSING_QUOTES.contains(&self.word(before));
        // `…, told Fox News`: a cue with a listener never comes before its source.
        if !inverted || !self.is_in(cue, INVERTING_CUES) || self.is_in(cue, OBJECT_FIRST_CUES) {
            return None;
        }
        let mut source = self.phrase_after(cue_end, sentence.last)?;
        // `…, said the company's chief executive, John J. Ferriola`: the name after the
        // role names the source.
        if let Some(name) = self.appositive_name_after(source.1, sentence.last) {
            source.1 = name.1;
        }
        // `"…," said an official who was not authorized to speak publicly`: a relative clause
        // describes the source and ends the report.
        let described = source.1 < sentence.last && self.is_one_of(source.1, &["who"]);
        if !described && !self.tail_is_adjunct(source.1, sentence.last) {
            return None;
        }
        let content = self.content_before(cue, sentence)?;
        Some(self.inverted_frame(content, source, (cue, cue_end), source.1, sentence))
    }

    /// A capitalised name between a comma at `comma` and the end of the sentence (or the
    /// next comma): the appositive that names a role's holder.
    fn appositive_name_after(&self, comma: usize, last: usize) -> Option<TokenRange> {
        if comma + 2 >= last || self.word(comma) != "," {
            return None;
        }
        let name = self.phrase_after(comma + 1, last)?;
        let whole_words = (name.0..name.1).all(|k| !self.is_word(k) || self.is_capitalised(k));
        let ends_clause = name.1 >= last || matches!(self.word(name.1), "," | "." | ";");
        (name.0 == comma + 1 && name.1 - name.0 >= 2 && whole_words && ends_clause).then_some(name)
    }

    /// Extends content that ends with a quotation over a split quote's second part
    /// (`"…," he said, "…"`) that follows the source and cue.
    fn split_quote(&self, after: usize, sentence: &TokenSentence) -> Option<&'a Quote> {
        let mut k = after;
        while k < sentence.last && self.is_word(k) {
            k += 1;
        }
        if k < sentence.last && self.word(k) == "," {
            return self.quote_opened_at(k + 1);
        }
        None
    }

    /// Frame for content before the source and cue, extended over a split quote's second
    /// part when one follows `after`.
    fn inverted_frame(
        &self,
        mut content: (usize, usize),
        source: TokenRange,
        cue: TokenRange,
        after: usize,
        sentence: &TokenSentence,
    ) -> Frame {
        let mut gap = None;
        if let Some(second) = self.split_quote(after, sentence) {
            // `…, the mother of three replied, "It's meant …"`: narration before the source
            // is the writer's, and only the quotation after the cue is reported.
            let quoted_before = self
                .quotes
                .binary_search_by_key(&content.1, |q| q.end)
                .is_ok();
            if quoted_before {
                gap = Some((content.1, second.start));
                content.1 = second.end;
            } else {
                content = (second.start, second.end);
            }
        }
        Frame {
            content,
            source: Some(source),
            cue: Some(cue),
            continues: None,
            gap,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, claims_of, has};
    use crate::claims::ClaimKind;

    #[test]
    fn a_colon_only_cue_after_a_quotation_and_its_subject_is_inverted() {
        assert_claims(
            "John McCain spoke. \"A lot of it is justified,\" he continued, citing the many Americans who had given up.",
            &[
                ("mccain", "A lot of it is justified"),
                ("mccain", "the many Americans who had given up"),
            ],
        );
        assert_claims(
            "Donald Trump spoke. \"Just one minute, alright?\" he urged the crowd.",
            &[("trump", "Just one minute, alright?")],
        );
    }

    #[test]
    fn a_relative_clause_after_an_inverted_source_describes_it() {
        assert_claims(
            "\"This set off our fear,\" said a Mexican official who was not authorized to speak publicly.",
            &[("mexican-official", "This set off our fear")],
        );
    }

    #[test]
    fn content_then_source_and_cue_with_a_time_adjunct() {
        assert_claims(
            "The talks were useful, Lavrov said on Thursday.",
            &[("lavrov", "The talks were useful")],
        );
    }

    #[test]
    fn a_quote_then_cue_and_source_with_titles() {
        assert_claims(
            "\"We are ready for a ceasefire,\" said Ukrainian President Volodymyr Zelensky.",
            &[("zelensky", "We are ready for a ceasefire")],
        );
    }

    #[test]
    fn a_split_quote_joins_its_parts() {
        assert_claims(
            "\"Our position is clear,\" Zelensky said, \"we will not give up territory.\"",
            &[(
                "zelensky",
                "Our position is clear, we will not give up territory.",
            )],
        );
    }

    #[test]
    fn narration_before_the_source_is_not_joined_to_the_quote_after_the_cue() {
        assert_claims(
            "When pressed on why the plan leaves out fathers, Ivanka Trump replied, \"It's meant to benefit the mother.\"",
            &[("trump", "It's meant to benefit the mother.")],
        );
    }

    #[test]
    fn a_report_inside_its_content_keeps_the_whole_clause() {
        assert_claims(
            "The plan, Senator Jane Perdue said on Monday, would fail.",
            &[(
                "perdue",
                "The plan, Senator Jane Perdue said on Monday, would fail",
            )],
        );
        assert_claims(
            "The average weekly benefit, the campaign says, would be $300.",
            &[(
                "campaign",
                "The average weekly benefit, the campaign says, would be $300",
            )],
        );
        // A past verb resumes the clause too, unless the content is a quotation that a
        // participle after the report describes.
        assert_claims(
            "CNN, Cruz said, called the announcement significant.",
            &[(
                "cruz",
                "CNN, Cruz said, called the announcement significant",
            )],
        );
        assert_claims(
            "\"It has been seven years,\" McCain said, asked about the delay.",
            &[("mccain", "It has been seven years")],
        );
    }

    #[test]
    fn a_slash_joins_the_words_of_a_modifier_in_an_inverted_source() {
        assert_claims(
            "\"They are wrong,\" said 9/11 widow Terry Strada.",
            &[("strada", "They are wrong")],
        );
        assert_claims(
            "Clinton leads by five points, according to a New York Times/CBS News poll.",
            &[(
                "new-york-times-cbs-news-poll",
                "Clinton leads by five points",
            )],
        );
        assert_claims(
            "Clinton leads, according to a New York Times/CBS News poll released last week.",
            &[("new-york-times-cbs-news-poll", "Clinton leads")],
        );
    }

    #[test]
    fn a_determiner_opens_the_source_after_a_quotation() {
        assert_claims(
            "\u{201c}Donald was his only supporter,\u{201d} this source told the Post.",
            &[("source", "Donald was his only supporter")],
        );
        assert_claims(
            "The effects are hard to predict, some Democrats said, that the party would move left.",
            &[(
                "democrats",
                "The effects are hard to predict, some Democrats said, that the party would move left",
            )],
        );
    }

    #[test]
    fn told_after_a_quotation_closing_the_sentence_before_reports_it() {
        assert_claims(
            "\u{201c}Who knows?\u{201d} Trump told a television station in an interview.",
            &[("trump", "Who knows?")],
        );
        // A listener never follows the cue as its source; a relative clause describes the
        // description before it.
        assert_claims(
            "\u{201c}The agents are under pressure,\u{201d} an intelligence source, who was not authorized to speak, told Fox News.",
            &[("intelligence-source", "The agents are under pressure")],
        );
    }

    #[test]
    fn a_quantifier_opens_the_source_after_an_inverted_cue() {
        assert_claims(
            "The candidate can win, say some Democrats, who cringe at the memory.",
            &[("democrats", "The candidate can win")],
        );
    }

    #[test]
    fn a_source_modified_after_its_head_follows_the_content() {
        assert_claims(
            "The candidate can win, people familiar with the matter said.",
            &[("people", "The candidate can win")],
        );
        // A conjunction before an opening adjunct leaves it an adjunct.
        assert_claims(
            "But in recent days, advisers to Mr. Obama say, the president has grown weary.",
            &[("advisers", "the president has grown weary")],
        );
    }

    #[test]
    fn a_possessive_opens_the_source_after_an_inverted_cue() {
        assert_claims(
            "\"It was his first attempt,\" said his best friend.",
            &[("his-best-friend", "It was his first attempt")],
        );
    }

    #[test]
    fn records_show_and_polls_find_after_their_content() {
        assert_claims(
            "He agreed to sell the plane in 2010, records show.",
            &[("records", "He agreed to sell the plane in 2010")],
        );
        assert_claims(
            "Clinton has support from 52 percent of voters, the poll found.",
            &[("poll", "Clinton has support from 52 percent of voters")],
        );
    }

    #[test]
    fn one_opening_word_before_the_report_is_no_content() {
        assert_claims(
            "Smith spoke at noon. Still, Smith said, officials have to decide who gets scrutiny.",
            &[("smith", "officials have to decide who gets scrutiny")],
        );
    }

    #[test]
    fn a_name_after_the_role_of_an_inverted_source_names_it() {
        assert_claims(
            "The plant is under pressure from imports, said the company's chief executive, John J. Ferriola.",
            &[("ferriola", "The plant is under pressure from imports")],
        );
    }

    #[test]
    fn direct_quotes_in_straight_curly_and_guillemet_marks() {
        let claims = claims_of(
            "\"Talks are over,\" Lavrov said.\n“We stay,” said Kuleba.\n«No deal,» Cavusoglu said.",
        );
        assert!(has(&claims, "lavrov", "Talks are over", ClaimKind::Direct));
        assert!(has(&claims, "kuleba", "We stay", ClaimKind::Direct));
        assert!(has(&claims, "cavusoglu", "No deal", ClaimKind::Direct));
    }

    #[test]
    fn a_split_quote_is_one_claim_without_the_narration() {
        let claims = claims_of("\"We asked for a corridor,\" Kuleba said, \"and got nothing.\"");
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].1, "We asked for a corridor, and got nothing.");
        assert_eq!(claims[0].2, ClaimKind::Direct);
    }

    #[test]
    fn a_quote_before_pronoun_and_cue_with_a_trailing_time_phrase() {
        let claims = claims_of(
            "Connie Mariano spoke later. \u{201c}It never crossed my mind that I was losing it,\u{201d} she said several months after her release.",
        );
        assert!(
            has(
                &claims,
                "mariano",
                "It never crossed my mind",
                ClaimKind::Direct
            ),
            "{claims:?}"
        );
        assert!(!claims.iter().any(|(_, t, _)| t.contains("several months")));
    }

    #[test]
    fn inverted_cue_after_a_time_phrase_and_before_an_appositive() {
        let claims = claims_of(
            "Its first national television ad could start this week, said Brian Baker, a longtime political adviser to the family.",
        );
        assert!(
            has(
                &claims,
                "baker",
                "Its first national television ad could start this week",
                ClaimKind::Indirect
            ),
            "{claims:?}"
        );
    }

    #[test]
    fn sources_with_initials_state_abbreviations_and_title_participles() {
        let claims = claims_of(
            "Not paying taxes ''makes me smart,'' Donald J. Trump said last week.\n\
             \u{201c}Our assumption is that the veto will be overridden,\u{201d} Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.\n\
             Clinton \"is the only candidate with the experience to keep America safe,\" retired Air Force general Lloyd Newton said.",
        );
        assert!(
            has(&claims, "trump", "makes me smart", ClaimKind::Mixed),
            "{claims:?}"
        );
        assert!(
            has(
                &claims,
                "mcconnell",
                "the veto will be overridden",
                ClaimKind::Direct
            ),
            "{claims:?}"
        );
        assert!(
            has(&claims, "newton", "the only candidate", ClaimKind::Mixed),
            "{claims:?}"
        );
        assert!(!claims.iter().any(|(_, t, _)| t.contains("last week")));
    }

    #[test]
    fn a_coordinated_clause_before_an_inverted_cue_is_content_not_an_appositive() {
        let claims = claims_of(
            "Kadzik's refusal did not go over well with Republicans, and the meeting deteriorated from there, said one GOP source in the room. The program has grown beyond its intent, they say.",
        );
        assert!(
            claims
                .iter()
                .any(|(s, t, _)| s != "republicans"
                    && t.contains("the meeting deteriorated from there")),
            "{claims:?}"
        );
        assert!(
            claims
                .iter()
                .any(|(_, t, _)| t == "The program has grown beyond its intent"),
            "{claims:?}"
        );
    }

    #[test]
    fn an_inverted_quote_keeps_its_speaker_when_another_cue_follows() {
        let claims = claims_of(
            "\u{201c}Immunity deals should not be a requirement,\" Oversight Chairman Jason Chaffetz (R-Utah) said in a statement, adding that the deals were handed out \"like candy.\" Experts disagree on the plan. Said Ellis: \u{201c}She is not interested in tax reform.\u{201d} Nobody else spoke.",
        );
        assert!(
            has(
                &claims,
                "chaffetz",
                "Immunity deals should not be",
                ClaimKind::Direct
            ) || claims
                .iter()
                .any(|(s, t, _)| s.contains("chaffetz") && t.starts_with("Immunity deals")),
            "{claims:?}"
        );
        assert!(
            !claims.iter().any(|(_, t, _)| t == "in a statement"),
            "{claims:?}"
        );
        assert!(
            has(
                &claims,
                "ellis",
                "not interested in tax reform",
                ClaimKind::Direct
            ),
            "{claims:?}"
        );
        assert!(
            !claims.iter().any(|(_, t, _)| t.contains("Nobody else")),
            "{claims:?}"
        );
    }
}

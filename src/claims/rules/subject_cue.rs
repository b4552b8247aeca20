//! `SOURCE CUE (that) CONTENT`: a subject, its cue and the content after it, with a
//! listener or object first for some cues (`told reporters that …`), a colon before the
//! next paragraph (`Kuleba said:`) or the quotation just before (`"…" Kuleba said.`).

use crate::claims::document::{Document, TokenRange};
use crate::claims::lexicon::{
    CLAUSE_SUBORDINATORS, OBJECT_FIRST_CUES, OBJECT_PRONOUNS, SENTENCE_FINAL,
    TITLE_CASE_SMALL_WORDS, VENUE_PREPOSITIONS,
};
use crate::claims::quotes::Quote;
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl Document<'_> {
    /// The frame of a cue at `cue` whose subject `source` comes before it in sentence
    /// `si`; an inverted report (`"…," Kuleba said`) is tried first.
    pub(crate) fn subject_cue_frame(
        &self,
        source: TokenRange,
        (cue, cue_end): TokenRange,
        si: usize,
    ) -> Option<Frame> {
        let sentence = &self.sentences[si];
        // `If Kiev wanted to announce …`: a condition reports no one's claim.
        if source.0 > sentence.first && self.is_one_of(source.0 - 1, &["if", "unless", "whether"]) {
            return None;
        }
        let tail = self.listener_end(cue, cue_end, sentence.last);
        if let Some(frame) = self.source_cue_frame(source, (cue, cue_end), tail, sentence) {
            return Some(frame);
        }
        // `"…!" Smith wrote in an email.`: the quotation just before, when nothing but an
        // adjunct follows a cue without a listener (`told reporters about …` has content).
        if let Some(quote) = self.quotation_before_sentence(source, sentence) {
            if self.only_time_or_place_follows(tail, sentence) {
                return Some(Frame::new((quote.start, quote.end), source, (cue, cue_end)));
            }
        }
        if self.adjunct_before_participle(cue, tail, sentence.last) {
            return None;
        }
        if let Some(mut content) = self.content_after(cue, cue_end, sentence) {
            if let Some(end) = self.subordinate_clause_end(source, cue_end, sentence) {
                content.1 = content.1.min(end);
            }
            return Some(Frame::new(content, source, (cue, cue_end)));
        }
        // `Kuleba said:` ending a paragraph, or `Kuleba said.` after a quoted sentence.
        let ends_with_colon = (cue_end..sentence.last).any(|k| self.word(k) == ":");
        if ends_with_colon {
            let content = self.content_following(si)?;
            return Some(Frame::new(content, source, (cue, cue_end)));
        }
        let quote = self.quotation_before_sentence(source, sentence)?;
        Some(Frame::new((quote.start, quote.end), source, (cue, cue_end)))
    }

    /// `While analysts say there is a benefit, the race is close.`: where a report whose
    /// subject opens a subordinate clause at the sentence's start, or is a relative pronoun
    /// after a comma, ends: at the clause's comma (a byte offset).
    fn subordinate_clause_end(
        &self,
        source: TokenRange,
        cue_end: usize,
        sentence: &TokenSentence,
    ) -> Option<usize> {
        let subordinate =
            source.0 == sentence.first + 1 && self.is_in(sentence.first, CLAUSE_SUBORDINATORS);
        // `Graham, who says allies should send troops, tweeted that …`: a relative clause
        // between commas ends where the main verb resumes.
        let relative = source.1 >= source.0 + 3
            && self.lower(source.1 - 1) == "who"
            && self.word(source.1 - 2) == ",";
        if !subordinate && !relative {
            return None;
        }
        let comma = (cue_end + 1..sentence.last).find(|&k| {
            let resumes = subordinate
                || (k + 1 < sentence.last && self.word(k + 1).starts_with(char::is_lowercase));
            self.word(k) == "," && self.quote_around(k).is_none() && resumes
        })?;
        Some(self.tokens[comma - 1].end)
    }

    /// Whether the sentence ends at `k`, or goes on with a time or a place (`in an email
    /// on Monday`) and nothing that could be content.
    fn only_time_or_place_follows(&self, k: usize, sentence: &TokenSentence) -> bool {
        let ends = k >= sentence.last || SENTENCE_FINAL.contains(&self.word(k));
        ends || self.is_time(k) || self.is_in(k, VENUE_PREPOSITIONS)
    }

    /// The quotation that closes right before a sentence opened by its `source`.
    fn quotation_before_sentence(
        &self,
        source: TokenRange,
        sentence: &TokenSentence,
    ) -> Option<&Quote> {
        let opens_sentence = source.0 == sentence.first && sentence.first > 0;
        opens_sentence
            .then(|| self.quote_closed_at(sentence.first - 1))
            .flatten()
    }

    /// Where the cue's listener or object ends (`told reporters`, `told me`), so that what
    /// follows it can be read as content or adjunct; `cue_end` for other cues.
    /// A short quotation of title-case words opening at `k` (`"Fox and Friends,"`): the
    /// name of a show or a work, not words anyone said.
    pub(crate) fn quoted_title_at(&self, k: usize) -> Option<&Quote> {
        const MAX_TITLE_WORDS: usize = 5;
        let quote = self.quote_opened_at(k)?;
        let words: Vec<usize> = (quote.open + 1..quote.close)
            .filter(|&j| self.is_word(j))
            .collect();
        let title_case = words
            .iter()
            .all(|&j| self.is_capitalised(j) || self.is_in(j, TITLE_CASE_SMALL_WORDS));
        let title = !words.is_empty() && words.len() <= MAX_TITLE_WORDS && title_case;
        title.then_some(quote)
    }

    pub(crate) fn listener_end(&self, cue: usize, cue_end: usize, last: usize) -> usize {
        if !self.is_in(cue, OBJECT_FIRST_CUES) {
            return cue_end;
        }
        if cue_end < last && self.is_in(cue_end, OBJECT_PRONOUNS) {
            cue_end + 1
        } else if let Some(title) = self.quoted_title_at(cue_end) {
            // `told "Fox and Friends," reminding …`: a show's quoted title is the listener;
            // a comma inside its marks ends the report as one after them would.
            let comma_inside = self.word(title.close - 1) == ",";
            title.close + usize::from(!comma_inside)
        } else {
            self.phrase_after(cue_end, last)
                .map_or(cue_end, |object| object.1)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, assert_no_claims, claims_of, has};
    use crate::claims::ClaimKind;

    #[test]
    fn a_quoted_answer_of_one_word_is_a_claim_an_unquoted_word_is_not() {
        assert_claims(
            "Asked whether he would fire the writer, Priebus said, \"Probably.\"",
            &[("priebus", "Probably.")],
        );
        assert_no_claims("Asked whether he would fire the writer, Priebus said yes.");
    }

    #[test]
    fn add_reports_only_when_inflected() {
        assert_no_claims(
            "The plan would add so many layers of complexity that it would be a boon for lawyers.",
        );
        assert_claims(
            "Burman added that the plan was complex.",
            &[("burman", "that the plan was complex")],
        );
    }

    #[test]
    fn a_that_clause_after_the_cue() {
        assert_claims(
            "Senator Elizabeth Warren said that the bill would hurt consumers.",
            &[("warren", "that the bill would hurt consumers")],
        );
    }

    #[test]
    fn a_listener_and_a_time_before_the_content() {
        assert_claims(
            "Defense Secretary Lloyd Austin told reporters on Tuesday that the troops would stay.",
            &[("austin", "that the troops would stay")],
        );
    }

    #[test]
    fn a_cue_before_a_colon_reports_the_next_paragraph() {
        assert_claims(
            "Kuleba said:\n\n\"We will defend every city.\"",
            &[("kuleba", "We will defend every city.")],
        );
    }

    #[test]
    fn a_quotation_after_the_cue_is_the_content_without_its_marks() {
        assert_claims(
            "Mr. English said: ''Part of my job is to say hey.''",
            &[("english", "Part of my job is to say hey.")],
        );
        assert_claims(
            "Kuleba said, \"We will defend every city.\"",
            &[("kuleba", "We will defend every city.")],
        );
        assert_claims(
            "Kuleba said \"no\" and left the room.",
            &[("kuleba", "\"no\" and left the room")],
        );
    }

    #[test]
    fn a_role_to_someone_is_the_speaker_not_the_person_it_serves() {
        assert_claims(
            "An adviser to the president said the plan would fail.",
            &[("adviser", "the plan would fail")],
        );
        assert_claims(
            "The deputy head of the delegation to the forum said the talks had failed.",
            &[("deputy-head", "the talks had failed")],
        );
    }

    #[test]
    fn a_report_inside_an_opening_subordinate_or_a_relative_clause_ends_with_it() {
        assert_claims(
            "While analysts say there is a benefit, the race is close.",
            &[("analysts", "there is a benefit")],
        );
        assert_claims(
            "Graham, who says allies should send troops, tweeted that the strategy failed.",
            &[
                ("graham", "allies should send troops"),
                ("graham", "that the strategy failed"),
            ],
        );
    }

    #[test]
    fn a_quoted_show_after_told_is_the_listener() {
        assert_claims(
            "Kuleba told \"Face the Nation\" that the talks failed.",
            &[("kuleba", "that the talks failed")],
        );
        assert_claims(
            "\"He is fair game,\" Fiorina told \"Fox and Friends,\" reminding the hosts of it.",
            &[("fiorina", "He is fair game")],
        );
    }

    #[test]
    fn a_quoted_title_inside_an_appositive_is_part_of_it() {
        assert_claims(
            "Sam Solovey, a contestant on the show \"The Apprentice,\" who worked for Trump, said his boss was kind.",
            &[("solovey", "his boss was kind")],
        );
    }

    #[test]
    fn a_parenthetical_then_an_appositive_describe_the_name_before_them() {
        assert_claims(
            "Rep. Jim Jordan (R-Ohio), an oversight panel member, said the deal was strange.",
            &[("jordan", "the deal was strange")],
        );
        assert_claims(
            "Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior staffer) says he was unfocused.",
            &[("murphy", "he was unfocused")],
        );
    }

    #[test]
    fn an_appositive_with_a_numbered_rank_names_the_speaker_before_it() {
        assert_claims(
            "Senator John Cornyn, the No. 2 Republican in the Senate, said the chamber will vote.",
            &[("cornyn", "the chamber will vote")],
        );
    }

    #[test]
    fn a_time_adjunct_after_the_cue_is_not_content() {
        assert_claims(
            "MACAU (Reuters) – Sheldon Adelson said on Friday he met Donald Trump.",
            &[("adelson", "he met Donald Trump")],
        );
        assert_claims(
            "Adelson said last year was the hottest on record.",
            &[("adelson", "last year was the hottest on record")],
        );
        assert_claims(
            "Adelson said 46 percent of his guests were undecided.",
            &[("adelson", "46 percent of his guests were undecided")],
        );
    }

    #[test]
    fn a_pronoun_with_a_contracted_auxiliary_is_the_subject() {
        assert_claims(
            "Donald Trump spoke in Michigan. He\u{2019}s claiming that voting fraud is a big problem.",
            &[("trump", "that voting fraud is a big problem")],
        );
        // A possessive still makes the cue word a noun.
        assert_no_claims("Trump's claims about fraud were widely shared online.");
    }

    #[test]
    fn a_quotation_before_the_sentence_when_only_a_time_or_place_follows_the_cue() {
        assert_claims(
            "\"Pat Kennedy is the greatest!!!\" McDonough wrote in a September 2012 email.",
            &[("mcdonough", "Pat Kennedy is the greatest!!!")],
        );
        // A listener and a topic make content of their own.
        assert_claims(
            "\"It's time.\" Clinton told voters about her plans for the economy.",
            &[("clinton", "voters about her plans for the economy")],
        );
    }

    #[test]
    fn a_that_after_a_later_cue_belongs_to_that_cue() {
        assert_claims(
            "Feinberg said she intended to show that Trump is essentially a fascist.",
            &[(
                "feinberg",
                "she intended to show that Trump is essentially a fascist",
            )],
        );
    }

    #[test]
    fn a_title_quoted_in_an_opening_adjunct_is_no_content() {
        assert_claims(
            "In an interview on CBS's \"Face the Nation,\" House Speaker Paul D. Ryan said the recent spate of shootings demands that all Americans listen.",
            &[(
                "ryan",
                "the recent spate of shootings demands that all Americans listen",
            )],
        );
    }

    #[test]
    fn a_that_clause_may_open_with_a_quotation() {
        assert_claims(
            "Donald Trump said at an event in Colorado Springs that \"a bomb\" had gone off in New York.",
            &[("trump", "that \"a bomb\" had gone off in New York")],
        );
    }

    #[test]
    fn an_aside_between_dashes_describes_the_subject_before_it() {
        assert_claims(
            "Kall -- co-editor of a book on the debates -- said the candidate tended to make announcements.",
            &[("kall", "the candidate tended to make announcements")],
        );
        assert_claims(
            "Deborah Reynolds - Santilli's girlfriend and co-host on his channel - told The Washington Post that Santilli was skeptical.",
            &[("reynolds", "that Santilli was skeptical")],
        );
    }

    #[test]
    fn a_relative_pronoun_speaks_for_the_short_phrase_before_it() {
        assert_claims(
            "There are some economists who argue that corporate taxes should be very low.",
            &[("economists", "that corporate taxes should be very low")],
        );
        // The last item of a list is no antecedent.
        assert_claims(
            "He is a racist, misogynist and birther who has pledged to ban all Muslims.",
            &[("unknown", "to ban all Muslims")],
        );
    }

    #[test]
    fn representatives_operatives_and_camps_are_sources() {
        assert_claims(
            "A representative for Mr. Pinchuk said the investigation was over.",
            &[("representative", "the investigation was over")],
        );
        assert_claims(
            "Several Democratic operatives said they expect fake information.",
            &[("democratic-operatives", "they expect fake information")],
        );
        assert_claims(
            "The Clinton camp said the report was false.",
            &[("clinton-camp", "the report was false")],
        );
    }

    #[test]
    fn a_long_opening_phrase_is_an_adjunct_not_inverted_content() {
        assert_claims(
            "During his seven and a half years in office, Mr. Obama said, a majority of Americans have come to believe the climate is changing.",
            &[(
                "obama",
                "a majority of Americans have come to believe the climate is changing",
            )],
        );
        // A clause after the opening phrase is content.
        assert_claims(
            "In the end, after weeks of talks in Geneva and in Vienna, the deal collapsed, Smith said.",
            &[(
                "smith",
                "In the end, after weeks of talks in Geneva and in Vienna, the deal collapsed",
            )],
        );
    }

    #[test]
    fn a_surname_that_is_a_month_or_a_modal_opens_the_sentence() {
        assert_claims(
            "Prime Minister Theresa May met Merkel. May said the talks would go on.",
            &[("may", "the talks would go on")],
        );
        assert_no_claims("May is a busy month.");
    }

    #[test]
    fn a_colon_only_cue_needs_its_colon() {
        assert_no_claims("The war continued for another year.");
        assert_claims(
            "Caddell continued:\n\n\"The voters are angry.\"",
            &[("caddell", "The voters are angry.")],
        );
    }

    #[test]
    fn indirect_speech_with_that_and_a_listener() {
        let claims = claims_of(
            "Russian Foreign Minister Sergey Lavrov said on Thursday that the talks were useful. Kuleba told reporters that Russia refused a pause.",
        );
        assert!(has(
            &claims,
            "lavrov",
            "that the talks were useful",
            ClaimKind::Indirect
        ));
        assert!(has(
            &claims,
            "kuleba",
            "that Russia refused a pause",
            ClaimKind::Indirect
        ));
    }

    #[test]
    fn a_headline_says_is_a_cue() {
        let claims = claims_of("Obama Says Museum Will Tell of Suffering\n\nThe museum opened.");
        assert!(has(
            &claims,
            "obama",
            "Museum Will Tell",
            ClaimKind::Indirect
        ));
    }

    #[test]
    fn railed_against_is_a_cue() {
        let claims = claims_of("Senator Maria Lopez railed against the new tariffs on steel.");
        assert!(has(
            &claims,
            "lopez",
            "the new tariffs",
            ClaimKind::Indirect
        ));
    }

    #[test]
    fn a_quote_after_a_comma_and_a_short_opening_clause() {
        let claims = claims_of(
            "As a phone rang, the announcer said, \u{201c}Your children are safe and asleep.\u{201d}",
        );
        assert!(has(
            &claims,
            "announcer",
            "Your children are safe",
            ClaimKind::Direct
        ));
    }

    #[test]
    fn an_appositive_subject_and_a_sentence_ending_in_that() {
        let claims = claims_of(
            "China, Pyongyang's only ally and its economic lifeline to the outside world, said it was \"resolutely opposed\" to the test. Experts on North Korea and nuclear nonproliferation said the latest nuclear test could change that.",
        );
        assert!(has(
            &claims,
            "china",
            "resolutely opposed",
            ClaimKind::Mixed
        ));
        assert!(claims.iter().any(|(s, t, _)| s.starts_with("experts")
            && t.starts_with("the latest nuclear test could change that")));
    }

    #[test]
    fn a_name_after_a_role_and_a_comma_is_the_subject() {
        assert_claims(
            "Another Warren ally, Labor Secretary Tom Keller, told reporters that the vote was rushed.",
            &[("keller", "that the vote was rushed")],
        );
        assert_claims(
            "The neurosurgeon said that the plan was refining some practices.",
            &[("neurosurgeon", "that the plan was refining some practices")],
        );
    }

    #[test]
    fn a_subject_with_prepositional_modifiers() {
        let claims = claims_of(
            "Political observers in Virginia and around the country say Scott deserves the right of first refusal.",
        );
        assert!(claims.iter().any(
            |(s, t, _)| s.starts_with("political-observers") && t.starts_with("Scott deserves")
        ));
    }

    #[test]
    fn told_with_a_quoted_listener_reports_the_that_clause() {
        let claims = claims_of(
            "Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.",
        );
        assert!(has(
            &claims,
            "sanders",
            "that nobody would question her intelligence",
            ClaimKind::Indirect
        ));
        assert!(!claims.iter().any(|(_, t, _)| t.contains("Morning Joe")));
    }

    #[test]
    fn headline_verbs_reduced_relatives_and_participles_after_a_quote() {
        let claims = claims_of(
            "New Poll Shows Minor Post-Debate Bump For Clinton.\n\n\
             A Government Accountability Office report released last year found that the agency could not trace the money.\n\n\
             \"We need change,\" the New York businessman said, arguing that he will bring a common-sense approach.",
        );
        assert!(
            claims
                .iter()
                .any(|(s, t, _)| s.contains("poll") && t.starts_with("Minor Post-Debate Bump")),
            "{claims:?}"
        );
        assert!(
            claims.iter().any(|(s, t, _)| s.contains("report")
                && t == "that the agency could not trace the money"),
            "{claims:?}"
        );
        assert!(
            claims.iter().any(|(s, t, _)| s.contains("businessman")
                && t == "that he will bring a common-sense approach"),
            "{claims:?}"
        );
    }

    #[test]
    fn a_relative_that_after_the_cue_is_not_the_content() {
        let claims = claims_of(
            "Heading into the debate in 10 days, Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.\n\n\
             \"We are in a critical situation in Europe,\" German Chancellor Angela Merkel told reporters after the meeting that was held on a boat.",
        );
        assert!(
            has(
                &claims,
                "sanders",
                "that nobody would question",
                ClaimKind::Indirect
            ),
            "{claims:?}"
        );
        assert!(
            has(
                &claims,
                "merkel",
                "We are in a critical situation",
                ClaimKind::Direct
            ),
            "{claims:?}"
        );
        assert!(
            !claims.iter().any(|(_, t, _)| t.contains("was held")),
            "{claims:?}"
        );
    }

    #[test]
    fn a_that_before_a_past_verb_after_the_adjunct_is_relative() {
        assert_claims(
            "''It's like a new plane,'' Mr. Trump said in a documentary that showed off the jet.",
            &[("trump", "It's like a new plane")],
        );
        assert_claims(
            "Kuleba said in a statement that armed groups attacked the city.",
            &[("kuleba", "that armed groups attacked the city")],
        );
    }

    #[test]
    fn a_dated_appositive_subject_and_a_condition() {
        let claims = claims_of(
            "On February 18, the heads of the LPR and DPR, Leonid Pasechnik and Denis Pushilin, announced the evacuation of residents to Russia.\n\n\
             If Kiev wanted to announce today that all good deeds failed, then it fits the logic of Ukrainian diplomacy, Sergey Lavrov noted.",
        );
        assert!(
            claims
                .iter()
                .any(|(s, t, _)| s == "pushilin" && t.starts_with("the evacuation")),
            "{claims:?}"
        );
        assert!(
            !claims
                .iter()
                .any(|(s, _, _)| s.contains("february") || s == "kiev"),
            "{claims:?}"
        );
        assert!(
            claims
                .iter()
                .any(|(s, t, _)| s == "lavrov" && t.starts_with("If Kiev wanted")),
            "{claims:?}"
        );
    }
}

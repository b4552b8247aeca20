//! Labels before a colon: `PENCE: …` opening a paragraph (transcripts, headlines) and a
//! fronted cue before the name (`Said Ellis: "…"`), which may also introduce its quotation
//! after a comma and a description of the source (`Said Dorothy Poynter, a neighbor, "…"`),
//! and a full name before a colon and a quotation (`Republican pollster Daron Shaw: "…"`).

use crate::claims::document::Document;
use crate::claims::lexicon::{FRONTED_CUES, NOT_LABELS, OPENING_QUOTES};
use crate::claims::reported::Frame;
use crate::claims::speakers::{classify, is_first_name, Mention};
use crate::segment::TokenSentence;

impl Document<'_> {
    /// A label (`NAME: …`) or a fronted cue with its quotation (`Said Dorothy Poynter, who
    /// grew up with Ali, "…"`).
    pub(crate) fn label_frame(&self, si: usize) -> Option<Frame> {
        let sentence = &self.sentences[si];
        self.colon_label_frame(si)
            .or_else(|| self.fronted_quote_frame(sentence))
            .or_else(|| self.named_quotation_frame(sentence))
    }

    /// `Republican pollster Daron Shaw: "…"`, `Rep. Trey Gowdy (R-S.C.): "…"`: a person's
    /// full name, then a colon and the quotation it introduces, anywhere in a sentence.
    fn named_quotation_frame(&self, sentence: &TokenSentence) -> Option<Frame> {
        (sentence.first + 1..sentence.last).find_map(|colon| {
            if self.word(colon) != ":" {
                return None;
            }
            let quote = self.quote_opened_at(colon + 1)?;
            let name_end = self.skip_parenthetical_back(colon, sentence.first);
            let (phrase_start, end) = self.phrase_ending_at(name_end, sentence.first)?;
            // The name and the title before it, without a verb the phrase took in
            // (`doesn't surprise Republican pollster Daron Shaw:`).
            let start = (phrase_start..end).find(|&k| self.is_capitalised(k))?;
            let words: Vec<&str> = (start..end).map(|k| self.word(k)).collect();
            // A first name or a role tells a person's name from a place's (`Silicon Valley`).
            let full_name = end == name_end
                && self.is_capitalised(end - 1)
                && matches!(classify(&words), Mention::Person { name, roles, .. }
                    if name.len() >= 2 && (!roles.is_empty() || is_first_name(&name[0].to_lowercase())));
            full_name.then(|| Frame {
                content: (quote.start, quote.end),
                source: Some((start, colon)),
                cue: Some((colon, colon + 1)),
                continues: None,
                gap: None,
            })
        })
    }

    /// `Said Dorothy Poynter, who grew up with Ali, "…"`: a fronted cue opening the
    /// sentence, its source and what describes it, then the quotation after a comma or a
    /// colon.
    fn fronted_quote_frame(&self, sentence: &TokenSentence) -> Option<Frame> {
        const MAX_DESCRIPTION_TOKENS: usize = 24;
        let first = sentence.first;
        if !self.is_in(first, FRONTED_CUES) || !self.is_capitalised(first) {
            return None;
        }
        let source = self.phrase_after(first + 1, sentence.last)?;
        let limit = sentence.last.min(source.1 + MAX_DESCRIPTION_TOKENS);
        let quote = (source.1..limit)
            .take_while(|&k| self.quote_around(k).is_none() || self.quote_opened_at(k).is_some())
            .find_map(|k| self.quote_opened_at(k))?;
        let introduced = matches!(self.word(quote.open - 1), "," | ":");
        introduced.then(|| Frame {
            content: (quote.start, quote.end),
            source: Some(source),
            cue: Some((first, first + 1)),
            continues: None,
            gap: None,
        })
    }

    /// `NAME: …` at the start of a paragraph (transcripts, headlines).
    fn colon_label_frame(&self, si: usize) -> Option<Frame> {
        let sentence = &self.sentences[si];
        let starts_paragraph = si == 0 || self.sentences[si - 1].paragraph != sentence.paragraph;
        let mut first = sentence.first;
        if OPENING_QUOTES.contains(&self.word(first)) {
            first += 1;
        }
        let colon = (first..sentence.last.min(first + 4)).find(|&k| self.word(k) == ":")?;
        // `Said Ellis: "…"`: a fronted cue, then the name; it may follow other sentences of
        // its paragraph.
        let fronted_cue = colon == first + 2 && self.is_in(first, FRONTED_CUES);
        let fronted_in_paragraph = fronted_cue && first == sentence.first;
        if !(starts_paragraph || fronted_in_paragraph) {
            return None;
        }
        let label_ok = colon > first
            && colon - first <= 2
            && (first..colon)
                .all(|k| self.is_word(k) && self.is_capitalised(k) && !self.is_in(k, NOT_LABELS));
        if !label_ok {
            return None;
        }
        // A label opening a paragraph speaks to its end; one inside a paragraph, to the
        // end of its sentence.
        let content_last = if starts_paragraph {
            self.sentences[si..]
                .iter()
                .take_while(|s| s.paragraph == sentence.paragraph)
                .last()
                .map_or(sentence.last, |s| s.last)
        } else {
            sentence.last
        };
        let start = colon + 1;
        if start >= content_last {
            return None;
        }
        Some(Frame {
            content: (self.tokens[start].start, self.tokens[content_last - 1].end),
            source: Some((first + usize::from(fronted_cue), colon)),
            cue: Some(if fronted_cue {
                (first, first + 1)
            } else {
                (colon, colon + 1)
            }),
            continues: None,
            gap: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, assert_no_claims, claims_of, has};
    use crate::claims::ClaimKind;

    #[test]
    fn a_full_name_before_a_colon_introduces_the_quotation() {
        assert_claims(
            "Pollsters agree - Carl Bialik: \u{201c}One lesson was a simple one.\u{201d}",
            &[("bialik", "One lesson was a simple one.")],
        );
        assert_claims(
            "Rep. Trey Gowdy (R-S.C.):\"Who told you that?\"",
            &[("gowdy", "Who told you that?")],
        );
        // A place is no speaker.
        assert_no_claims("It has a fan in Silicon Valley: \"He is a start-up kind of guy.\"");
    }

    #[test]
    fn a_fronted_cue_introduces_the_quotation_after_its_described_source() {
        assert_claims(
            "Said Dorothy Poynter, who grew up with Ali in the neighborhood, \u{201c}We were all so proud of him.\u{201d}",
            &[("poynter", "We were all so proud of him.")],
        );
        assert_no_claims("Said to be the oldest house in town, the museum opened in May.");
    }

    #[test]
    fn transcript_labels_speak_to_the_end_of_their_paragraph() {
        assert_claims(
            "PENCE: We will not raise taxes on working families.\n\nKAINE: That is simply not true.",
            &[
                ("pence", "We will not raise taxes on working families."),
                ("kaine", "That is simply not true."),
            ],
        );
    }

    #[test]
    fn a_fronted_cue_before_a_name() {
        assert_claims(
            "Said Warren: \"This is a rigged system.\"",
            &[("warren", "This is a rigged system.")],
        );
    }

    #[test]
    fn an_editorial_label_names_no_speaker() {
        assert_no_claims("Correction: An earlier version misstated the date.");
        assert_no_claims("CLARIFICATION: The first sentence has been clarified.");
        assert_no_claims("The Latest: Cruz to give away engraved shotgun.");
        assert_no_claims("Editor's Note: The following is part 3 of 3.");
        assert_no_claims("Q: Have you talked to her?");
    }

    #[test]
    fn a_fronted_said_before_a_colon_is_not_part_of_the_name() {
        let claims = claims_of(
            "Said Ellis: \u{201c}I don't get the sense she is interested in tax reform.\u{201d}",
        );
        assert!(has(&claims, "ellis", "tax reform", ClaimKind::Direct));
    }
}

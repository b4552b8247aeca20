//! Labels before a colon: `PENCE: …` opening a paragraph (transcripts, headlines) and a
//! fronted cue before the name (`Said Ellis: "…"`), which may also introduce its quotation
//! after a comma and a description of the source (`Said Dorothy Poynter, a neighbor, "…"`).

use crate::claims::document::Document;
use crate::claims::lexicon::{FRONTED_CUES, NOT_LABELS, OPENING_QUOTES};
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl Document<'_> {
    /// A label (`NAME: …`) or a fronted cue with its quotation (`Said Dorothy Poynter, who
    /// grew up with Ali, "…"`).
    pub(crate) fn label_frame(&self, si: usize) -> Option<Frame> {
        self.colon_label_frame(si)
            .or_else(|| self.fronted_quote_frame(&self.sentences[si]))
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

//! A quotation signed with a dash: `"…" ― Beck Pimentel`.

use crate::claims::document::Document;
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl Document<'_> {
    /// A quotation signed with a dash: `"…" ― Beck Pimentel`.
    pub(crate) fn dash_signature_frames(&self, sentence: &TokenSentence) -> Vec<Frame> {
        let mut frames = Vec::new();
        for dash in sentence.first + 1..sentence.last {
            if !matches!(self.word(dash), "―" | "—" | "--" | "–") {
                continue;
            }
            let Some(quote) = self.quote_closed_at(dash - 1) else {
                continue;
            };
            let Some(source) = self.phrase_after(dash + 1, sentence.last) else {
                continue;
            };
            let signed = self.is_capitalised(source.0)
                && (source.1 >= sentence.last || !self.is_word(source.1));
            if signed {
                frames.push(Frame {
                    content: (quote.start, quote.end),
                    source: Some(source),
                    cue: Some((dash, dash + 1)),
                    continues: None,
                    gap: None,
                });
            }
        }
        frames
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::assert_claims;

    #[test]
    fn a_quote_signed_with_a_horizontal_bar() {
        assert_claims(
            "\"Politics is the art of the possible.\" \u{2015} Otto von Bismarck",
            &[("bismarck", "Politics is the art of the possible.")],
        );
    }

    #[test]
    fn a_quote_signed_with_an_em_dash() {
        assert_claims(
            "\"We have to vote.\" \u{2014} Maria Lopez",
            &[("lopez", "We have to vote.")],
        );
    }
}

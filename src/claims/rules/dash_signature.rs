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

//! `SOURCE CUE (that) CONTENT`: a subject, its cue and the content after it, with a
//! listener or object first for some cues (`told reporters that …`), a colon before the
//! next paragraph (`Kuleba said:`) or the quotation just before (`"…" Kuleba said.`).

use crate::claims::document::{Document, TokenRange};
use crate::claims::lexicon::{OBJECT_FIRST_CUES, OBJECT_PRONOUNS};
use crate::claims::reported::Frame;

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
        if let Some(content) = self.content_after(cue, cue_end, sentence) {
            return Some(Frame::new(content, source, (cue, cue_end)));
        }
        // `Kuleba said:` ending a paragraph, or `Kuleba said.` after a quoted sentence.
        let ends_with_colon = (cue_end..sentence.last).any(|k| self.word(k) == ":");
        if ends_with_colon {
            let content = self.content_following(si)?;
            return Some(Frame::new(content, source, (cue, cue_end)));
        }
        if source.0 == sentence.first && sentence.first > 0 {
            if let Some(quote) = self.quote_closed_at(sentence.first - 1) {
                return Some(Frame::new((quote.start, quote.end), source, (cue, cue_end)));
            }
        }
        None
    }

    /// Where the cue's listener or object ends (`told reporters`, `told me`), so that what
    /// follows it can be read as content or adjunct; `cue_end` for other cues.
    fn listener_end(&self, cue: usize, cue_end: usize, last: usize) -> usize {
        if !self.is_in(cue, OBJECT_FIRST_CUES) {
            return cue_end;
        }
        if cue_end < last && self.is_in(cue_end, OBJECT_PRONOUNS) {
            cue_end + 1
        } else {
            self.phrase_after(cue_end, last)
                .map_or(cue_end, |object| object.1)
        }
    }
}

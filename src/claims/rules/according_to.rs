//! `according to SOURCE`: before the content (`According to the ministry, no cities were
//! hit`) or after it (`Civilians fled, according to Kuleba`).

use crate::claims::document::Document;
use crate::claims::lexicon::{COORDINATORS, OPENING_QUOTES};
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
        let source = self.phrase_after(cue_end, sentence.last)?;
        let opening = cue == sentence.first
            || OPENING_QUOTES.contains(&self.word(cue - 1))
            || self.is_in(cue - 1, COORDINATORS);
        let content = if opening {
            let comma = (source.1..sentence.last).find(|&k| self.word(k) == ",")?;
            let rest = TokenSentence {
                first: comma + 1,
                ..*sentence
            };
            self.content_after(comma, comma + 1, &rest)?
        } else {
            self.content_before(cue, sentence)?
        };
        Some(Frame::new(content, source, (cue, cue_end)))
    }
}

//! `…, arguing that …`: a participle cue after a comma reports the subject that opens the
//! sentence (`Clinton criticized the plan, arguing that it would fail`).

use crate::claims::document::Document;
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl Document<'_> {
    /// The frame of the participle cue at `cue..cue_end` that follows a comma.
    pub(crate) fn participle_frame(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
    ) -> Option<Frame> {
        let subject = self.phrase_starting_sentence(sentence)?;
        let content = self.content_after(cue, cue_end, sentence)?;
        Some(Frame::new(content, subject, (cue, cue_end)))
    }
}

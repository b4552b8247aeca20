//! A second cue of the same sentence that shares the source of the first: joined by `and`
//! or `but` (`Cruz urged Republicans to … and said he was …`), or a participle (`"…," the
//! businessman said, arguing that …`).

use crate::claims::document::Document;
use crate::claims::lexicon::COORDINATORS;
use crate::claims::reported::Frame;
use crate::segment::TokenSentence;

impl Document<'_> {
    /// `Cruz exhorted Republicans to … and said he was …`: a cue joined by `and` or `but`,
    /// or a participle after a comma, shares the source of an earlier report of the same
    /// sentence.
    pub(crate) fn coordinated_frame(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
        frames: &[Frame],
    ) -> Option<Frame> {
        if cue <= sentence.first {
            return None;
        }
        // `"…," the businessman said, arguing that …` and `she said at a news conference
        // announcing that …`: a participle too.
        let participle = self.lower(cue).ends_with("ing")
            && (self.word(cue - 1) == "," || self.complement_follows(cue + 1, sentence.last));
        if !(self.is_in(cue - 1, COORDINATORS) || participle) {
            return None;
        }
        let sentence_start = self.tokens[sentence.first].start;
        let earlier = frames.iter().rev().find(|f| {
            f.cue
                .is_some_and(|(start, _)| start >= sentence.first && start < cue)
                && f.source.is_some()
                && f.content.0 >= sentence_start
        })?;
        let content = self.content_after(cue, cue_end, sentence)?;
        Some(Frame {
            content,
            source: earlier.source,
            cue: Some((cue, cue_end)),
            continues: None,
            gap: None,
        })
    }
}

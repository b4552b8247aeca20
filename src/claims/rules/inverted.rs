//! Inverted reports, content first: `CONTENT, SOURCE CUE` (`"…," Lavrov said`), `CONTENT,
//! CUE SOURCE` (`…, said Kuleba`), and split quotes whose second part follows the source
//! (`"…," he said, "…"`).

use crate::claims::document::{Document, TokenRange};
use crate::claims::lexicon::{CLOSING_QUOTES, INVERTING_CUES, SEPARATORS};
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
        let before_source = source.0.checked_sub(1).filter(|&b| b >= sentence.first);
        let after_separator = before_source.is_some_and(|b| {
            SEPARATORS.contains(&self.word(b)) || CLOSING_QUOTES.contains(&self.word(b))
        });
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
        let content = self.content_before(source.0, sentence)?;
        Some(self.inverted_frame(content, source, cue, cue.1, sentence))
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
        if !inverted || !self.is_in(cue, INVERTING_CUES) {
            return None;
        }
        let source = self.phrase_after(cue_end, sentence.last)?;
        if !self.tail_is_adjunct(source.1, sentence.last) {
            return None;
        }
        let content = self.content_before(cue, sentence)?;
        Some(self.inverted_frame(content, source, (cue, cue_end), source.1, sentence))
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
            gap = Some((content.1, second.start));
            content.1 = second.end;
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

//! Quotations no cue claims that continue the previous speaker's quote: in the same
//! paragraph, or filling the next one.

use crate::claims::document::Document;
use crate::claims::reported::Frame;

/// Quotations no cue claims that follow a quoted frame in the same paragraph, or fill a
/// paragraph after one, continue that frame's speaker.
pub(crate) fn add_continued_quotes(doc: &Document, frames: &mut Vec<Frame>) {
    let paragraph_of = |byte: usize| {
        doc.sentences
            .iter()
            .find(|s| {
                doc.tokens[s.first].start <= byte && byte < doc.tokens[s.last - 1].end.max(byte + 1)
            })
            .map(|s| s.paragraph)
    };
    for quote in doc.quotes {
        let covered = frames
            .iter()
            .any(|f| f.content.0 < quote.end && quote.start < f.content.1);
        if covered {
            continue;
        }
        let Some(paragraph) = paragraph_of(quote.start) else {
            continue;
        };
        let previous = frames
            .iter()
            .enumerate()
            .filter(|(_, f)| f.content.1 <= quote.start)
            .filter(|(_, f)| {
                paragraph_of(f.content.0).is_some_and(|p| p == paragraph || p + 1 == paragraph)
            })
            .max_by_key(|(_, f)| f.content.1)
            .map(|(i, _)| i);
        let Some(previous) = previous else {
            continue;
        };
        let previous_is_quote = doc
            .quotes
            .iter()
            .any(|q| q.start < frames[previous].content.1 && frames[previous].content.0 < q.end);
        if !previous_is_quote {
            continue;
        }
        let root = frames[previous].continues.unwrap_or(previous);
        frames.push(Frame {
            content: (quote.start, quote.end),
            source: None,
            cue: None,
            continues: Some(root),
            gap: None,
        });
    }
}

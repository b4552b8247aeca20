//! Finding attribution frames: a reporting cue, the mention of its source and the content
//! it attributes. The rules live in `rules/`, one file each: `SOURCE CUE (that) CONTENT`,
//! inverted `CONTENT, SOURCE CUE` and `CONTENT, CUE SOURCE` with split quotes (`"…," he
//! said, "…"`), `according to SOURCE`, participles (`…, arguing that …`), cues coordinated
//! with an earlier one, quotes signed with a dash (`"…" ― NAME`), transcript labels
//! (`PENCE: …`), stances stated by a named subject (`Sen. Tim Kaine backed …`, PolNeAR
//! counts those as attributed) and quoted paragraphs that continue the previous speaker's
//! quote. This module holds the frame and the driver that tries the rules in order.

use super::lexicon::{CLOSING_QUOTES, COLON_ONLY_CUES, NOT_SUBJECT_OPENERS};
use super::rules::{
    add_continued_quotes, drop_nested_stances, end_contents_at_coordinated_reports,
    end_free_relative_contents,
};

pub use super::document::{Document, TokenRange};

/// One attribution found in the text; `content` is a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub content: (usize, usize),
    pub source: Option<TokenRange>,
    pub cue: Option<TokenRange>,
    /// For a quotation that continues an earlier one: the index of that earlier frame.
    pub continues: Option<usize>,
    /// The narration between the two parts of a split quote (`," he said, "`), a byte
    /// range inside `content` that is not part of the claim's text.
    pub gap: Option<(usize, usize)>,
}

impl Frame {
    /// A frame with a source and a cue, the shape most rules find.
    pub(crate) fn new(content: (usize, usize), source: TokenRange, cue: TokenRange) -> Frame {
        Frame {
            content,
            source: Some(source),
            cue: Some(cue),
            continues: None,
            gap: None,
        }
    }
}

/// Finds every attribution frame of the document.
pub fn find_frames(doc: &Document) -> Vec<Frame> {
    let mut frames = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        // Cues lie inside their sentence, so only this sentence's frames can be the
        // earlier report a coordinated cue shares (no scan of the whole article's frames).
        let sentence_frames = frames.len();
        if let Some(frame) = doc.label_frame(si) {
            frames.push(frame);
        }
        frames.extend(doc.dash_signature_frames(sentence));
        frames.extend(doc.poll_adjunct_frame(sentence));
        let mut i = sentence.first;
        while i < sentence.last {
            if doc.quote_around(i).is_some() {
                i += 1;
                continue;
            }
            let cue = doc
                .cue_at(i, sentence.last)
                .or_else(|| doc.stance_verb_at(i, sentence.first));
            match cue {
                Some(cue_end) => {
                    // A participle inside a clause (`at a news conference announcing
                    // that`) reports the sentence's earlier source, not the noun before it.
                    let inner_participle =
                        i > sentence.first && doc.lower(i).ends_with("ing") && doc.is_word(i - 1);
                    let frame = if inner_participle {
                        doc.coordinated_frame(i, cue_end, sentence, &frames[sentence_frames..])
                            .or_else(|| frame_at(doc, i, cue_end, si))
                    } else {
                        frame_at(doc, i, cue_end, si).or_else(|| {
                            doc.coordinated_frame(i, cue_end, sentence, &frames[sentence_frames..])
                        })
                    };
                    if let Some(frame) = frame {
                        frames.push(frame);
                    }
                    i = cue_end;
                }
                None => i += 1,
            }
        }
    }
    end_contents_at_coordinated_reports(doc, &mut frames);
    end_free_relative_contents(doc, &mut frames);
    drop_nested_stances(doc, &mut frames);
    add_continued_quotes(doc, &mut frames);
    frames
}

/// The frame of the cue at `cue..cue_end` in sentence `si`, by the first rule that reads
/// it: `according to`, a passive cue with its agent (`asked by Starnes whether`), a
/// participle after a comma, a cue after its subject (inverted or not), else a cue before
/// its source.
fn frame_at(doc: &Document, cue: usize, cue_end: usize, si: usize) -> Option<Frame> {
    let sentence = &doc.sentences[si];
    if doc.lower(cue) == "according" {
        return doc.according_to_frame(cue, cue_end, sentence);
    }
    if let Some(frame) = doc.passive_agent_frame(cue, cue_end, sentence) {
        return Some(frame);
    }
    // `"…," he continued, citing …`: a quotation closed just before the subject is the
    // content of a colon-only cue too.
    let quoted_before_subject = || {
        doc.subject_before(cue, sentence.first)
            .is_some_and(|(start, _)| {
                start > sentence.first && CLOSING_QUOTES.contains(&doc.word(start - 1))
            })
    };
    if doc.is_in(cue, COLON_ONLY_CUES)
        && cue_end < sentence.last
        && doc.word(cue_end) != ":"
        && !quoted_before_subject()
    {
        return None;
    }
    // `…, arguing that …` and `… released a statement saying …`: the participle reports
    // the clause's subject.
    // (`"…,” adding …`: the comma can sit inside the quotation before the cue.)
    let after_comma = cue > sentence.first
        && (doc.word(cue - 1) == ","
            || (cue > sentence.first + 1
                && CLOSING_QUOTES.contains(&doc.word(cue - 1))
                && doc.word(cue - 2) == ","));
    let participle = doc.lower(cue).ends_with("ing");
    if participle && (after_comma || doc.follows_issued_document(cue, sentence)) {
        return doc.participle_frame(cue, cue_end, sentence);
    }
    if let Some(source) = doc.subject_before(cue, sentence.first) {
        // `According to a complaint filed by …`: the phrase is no subject of `filed`.
        if doc.is_in(source.0, NOT_SUBJECT_OPENERS) {
            return None;
        }
        return doc.subject_cue_frame(source, (cue, cue_end), si);
    }
    doc.cue_source_frame(cue, cue_end, sentence)
}

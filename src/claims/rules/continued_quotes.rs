//! Quotations no cue claims that continue the previous speaker's quote: in the same
//! paragraph, or filling the next one. A quotation that is a name or a tag rather than
//! speech (`Meet the Press`, `open door`) continues no one.

use std::collections::HashMap;

use crate::claims::document::Document;
use crate::claims::lexicon::TITLE_CASE_SMALL_WORDS;
use crate::claims::quotes::Quote;
use crate::claims::reported::Frame;

/// Quotations no cue claims that follow a quoted frame in the same paragraph, or fill a
/// paragraph after one, continue that frame's speaker.
///
/// Quotes come in text order, so frames are swept once by content start (for "covered")
/// and once by content end (for the latest frame before the quote), not scanned per quote.
pub(crate) fn add_continued_quotes(doc: &Document, frames: &mut Vec<Frame>) {
    let paragraph_of = |byte: usize| {
        doc.sentences
            .iter()
            .find(|s| {
                doc.tokens[s.first].start <= byte && byte < doc.tokens[s.last - 1].end.max(byte + 1)
            })
            .map(|s| s.paragraph)
    };
    let mut by_start: Vec<usize> = (0..frames.len()).collect();
    by_start.sort_by_key(|&i| frames[i].content.0);
    let mut by_end = by_start.clone();
    by_end.sort_by_key(|&i| frames[i].content.1);
    let (mut started, mut ended) = (by_start.iter().peekable(), by_end.iter().peekable());
    // The furthest content end of the frames that start before the quote ends.
    let mut furthest_end: Option<usize> = None;
    // Per paragraph of its start: the frame ending latest (then the later frame) among
    // those that end before the quote starts.
    let mut latest: HashMap<usize, (usize, usize)> = HashMap::new();
    let add_latest = |latest: &mut HashMap<usize, (usize, usize)>, frame: &Frame, i| {
        if let Some(p) = paragraph_of(frame.content.0) {
            let entry = latest.entry(p).or_insert((frame.content.1, i));
            *entry = (*entry).max((frame.content.1, i));
        }
    };
    for quote in doc.quotes {
        while let Some(&i) = started.next_if(|&&i| frames[i].content.0 < quote.end) {
            furthest_end = furthest_end.max(Some(frames[i].content.1));
        }
        while let Some(&i) = ended.next_if(|&&i| frames[i].content.1 <= quote.start) {
            add_latest(&mut latest, &frames[i], i);
        }
        let covered = furthest_end.is_some_and(|end| quote.start < end);
        if covered || names_no_speech(doc, quote) || inside_narration(doc, quote) {
            continue;
        }
        let Some(paragraph) = paragraph_of(quote.start) else {
            continue;
        };
        let same = latest.get(&paragraph).copied();
        let before = paragraph
            .checked_sub(1)
            .and_then(|p| latest.get(&p).copied());
        let Some((_, previous)) = same.max(before) else {
            continue;
        };
        if !overlaps_a_quote(doc.quotes, frames[previous].content) {
            continue;
        }
        let root = frames[previous].continues.unwrap_or(previous);
        let frame = Frame {
            content: (quote.start, quote.end),
            source: None,
            cue: None,
            continues: Some(root),
            gap: None,
        };
        // It starts before every later quote ends and ends before every later quote starts.
        furthest_end = furthest_end.max(Some(frame.content.1));
        add_latest(&mut latest, &frame, frames.len());
        frames.push(frame);
    }
}

/// Quoted words of at most this many are a tag (`open door`, `natural born`), not speech.
const MAX_TAG_WORDS: usize = 2;
/// A quotation of at most this many words inside narration is a phrase the writer quotes,
/// not a continued statement (measured on PolNeAR train: 6 and 10 words gained as much
/// attribution F1, the longer limit lost more content F1).
const MAX_NARRATED_PHRASE_WORDS: usize = 5;

/// Whether a quotation is a name or a tag rather than speech: a title in title case (`Meet
/// the Press`, `The X-Files`) or a phrase of at most `MAX_TAG_WORDS` words.
fn names_no_speech(doc: &Document, quote: &Quote) -> bool {
    let words = quoted_words(doc, quote);
    let title_case = words.first().is_some_and(|&i| doc.is_capitalised(i))
        && words
            .iter()
            .all(|&i| doc.is_capitalised(i) || doc.is_in(i, TITLE_CASE_SMALL_WORDS));
    words.len() <= MAX_TAG_WORDS || title_case
}

/// Whether the quotation is a short phrase inside a sentence the writer narrates (`Collins
/// called it evidence of his "unsuitability for office."`): words of the sentence come
/// before it, other than a lead-in ending with a colon, and it is at most
/// `MAX_NARRATED_PHRASE_WORDS` words. Whose words those are, the sentence says, not the
/// previous speaker's quote; a longer quotation there is usually that speaker's still.
fn inside_narration(doc: &Document, quote: &Quote) -> bool {
    let Some(sentence) = doc
        .sentences
        .iter()
        .find(|s| s.first <= quote.open && quote.open < s.last)
    else {
        return false;
    };
    let narrated = (sentence.first..quote.open).any(|k| doc.is_word(k));
    let after_colon = quote.open > 0 && doc.word(quote.open - 1) == ":";
    narrated && !after_colon && quoted_words(doc, quote).len() <= MAX_NARRATED_PHRASE_WORDS
}

/// The word tokens inside a quotation.
fn quoted_words(doc: &Document, quote: &Quote) -> Vec<usize> {
    (quote.open + 1..quote.close.min(doc.tokens.len()))
        .filter(|&i| doc.is_word(i))
        .collect()
}

/// Whether the byte range overlaps a quotation (quotes in text order and disjoint).
fn overlaps_a_quote(quotes: &[Quote], (start, end): (usize, usize)) -> bool {
    let first_ending_after = quotes.partition_point(|q| q.end <= start);
    quotes
        .get(first_ending_after)
        .is_some_and(|q| q.start < end)
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, claims_of, has};
    use crate::claims::ClaimKind;

    #[test]
    fn a_quote_after_a_quoted_report_continues_it() {
        assert_claims(
            "\"We will rebuild,\" the mayor said. \"Every school will reopen by September.\"",
            &[
                ("mayor", "We will rebuild"),
                ("mayor", "Every school will reopen by September."),
            ],
        );
    }

    #[test]
    fn a_short_quoted_phrase_inside_narration_continues_no_one() {
        let text = "\"We will rebuild,\" the mayor said. The city has 40 schools, most of them \"in bad \
                    shape\" after the storm. \"Every school will reopen by September, and the roads by June.\"";
        assert_claims(
            text,
            &[
                ("mayor", "We will rebuild"),
                (
                    "mayor",
                    "Every school will reopen by September, and the roads by June.",
                ),
            ],
        );
    }

    #[test]
    fn a_quoted_paragraph_continues_the_previous_one() {
        assert_claims(
            "\"We are ready,\" Kuleba said.\n\n\"The talks will continue next week.\"",
            &[
                ("kuleba", "We are ready"),
                ("kuleba", "The talks will continue next week."),
            ],
        );
    }

    #[test]
    fn a_quote_after_an_indirect_report_continues_nothing() {
        assert_claims(
            "Lavrov said the talks were useful. Later, \"nobody believed it\" became a slogan.",
            &[("lavrov", "the talks were useful")],
        );
    }

    #[test]
    fn a_title_or_a_tag_in_quotes_continues_no_quote() {
        assert_claims(
            "\"We are ready,\" Trump said. He spoke on \"Meet the Press\" and called it an \"open door.\"",
            // The call is his own claim (`and called` shares the subject of `spoke`); the
            // programme's title continues nothing.
            &[("trump", "We are ready"), ("trump", "it an \"open door.\"")],
        );
        assert_claims(
            "\"We are ready,\" Trump said.\n\n\"A Choice, Not an Echo\"",
            &[("trump", "We are ready")],
        );
    }

    #[test]
    fn a_multi_sentence_quote_and_its_continuation_belong_to_the_speaker() {
        let claims = claims_of(
            "\"We came to talk,\" Lavrov said. \"No one had plans here to agree on the ceasefire. It was never the goal.\"",
        );
        assert!(has(&claims, "lavrov", "We came to talk", ClaimKind::Direct));
        assert!(has(
            &claims,
            "lavrov",
            "It was never the goal",
            ClaimKind::Direct
        ));
    }
}

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

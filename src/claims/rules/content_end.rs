//! Where a content ends when another report follows in its sentence: `Kuleba said A, but he
//! stressed that B`, `Perdue said A, arguing that B` or `Cruz endorses Trump, who says B`.

use crate::claims::document::Document;
use crate::claims::lexicon::{CLOSING_QUOTES, COORDINATORS, SEPARATORS, SPEECH_CUES};
use crate::claims::reported::Frame;

/// `Kuleba said A, but he stressed that B`, `Perdue said A, arguing that B` or `She said A,
/// and when pressed, the mother of three replied, "B"`: the first content ends before the
/// coordinated report, the participle cue or the source after a separator of the second,
/// which is a claim of its own.
pub(crate) fn end_contents_at_coordinated_reports(doc: &Document, frames: &mut [Frame]) {
    let separated = |start: usize| start >= 1 && SEPARATORS.contains(&doc.word(start - 1));
    let coordinated_sources = frames
        .iter()
        .filter_map(|f| f.source)
        .filter_map(|(start, _)| {
            let coordinated = start >= 2
                && doc.is_one_of(
                    start - 1,
                    &["but", "and", "while", "though", "although", "yet"],
                )
                && separated(start - 1);
            // `…, the mother of three replied, "…"`: a later source after a separator opens
            // a report of its own too.
            if coordinated {
                Some(start - 2)
            } else {
                separated(start).then(|| start - 1)
            }
        });
    // A participle cue after a separator (`, arguing that`) opens a report of its own, as
    // does a cue joined by a conjunction (`… and said he was …`).
    // `"…,” adding, "…"`: the comma is inside the quotation, and the cut falls after its mark.
    let after_quoted_comma = |start: usize| {
        start >= 2
            && CLOSING_QUOTES.contains(&doc.word(start - 1))
            && SEPARATORS.contains(&doc.word(start - 2))
    };
    let participles = frames
        .iter()
        .filter_map(|f| f.cue)
        .filter_map(|(start, _)| {
            let participle = doc.is_word(start) && doc.lower(start).ends_with("ing");
            if participle && separated(start) {
                return Some(doc.tokens[start - 1].start);
            }
            if participle && after_quoted_comma(start) {
                return Some(doc.tokens[start - 1].end);
            }
            let coordinated = start >= 1 && doc.is_in(start - 1, COORDINATORS);
            coordinated.then(|| {
                let separator = if separated(start - 1) {
                    start - 2
                } else {
                    start - 1
                };
                doc.tokens[separator].start
            })
        });
    // `Cruz endorses Trump, who says he is honored`: a verb of saying in a relative clause
    // after a separator reports the antecedent's own claim, not part of the first content.
    // Other verbs there describe (`that Pagliano, who invoked his rights, has agreed`).
    let relative_reports = frames
        .iter()
        .filter_map(|f| f.cue)
        .filter(|&(start, _)| doc.is_in(start, SPEECH_CUES))
        .filter_map(|(start, _)| {
            let pronoun = (start.saturating_sub(3)..start)
                .rev()
                .find(|&k| doc.is_one_of(k, &["who", "which"]))?;
            let only_words_between = (pronoun + 1..start).all(|k| doc.is_word(k));
            (only_words_between && separated(pronoun)).then(|| pronoun - 1)
        });
    let mut cuts: Vec<usize> = coordinated_sources
        .chain(relative_reports)
        .map(|separator| doc.tokens[separator].start)
        .chain(participles)
        .collect();
    // Sorted, the first cut inside a content is found by binary search, not a scan of
    // every cut for every frame.
    cuts.sort_unstable();
    for frame in frames.iter_mut() {
        // A report inside its own content (`The plan, Smith said, would fail`,
        // `Fundraising, according to the campaign, has surged`) cuts nothing.
        let own_separators: Vec<usize> = [frame.source, frame.cue]
            .into_iter()
            .flatten()
            .filter_map(|(start, _)| start.checked_sub(1))
            .map(|separator| doc.tokens[separator].start)
            .collect();
        let first_after_start = cuts.partition_point(|&byte| byte <= frame.content.0);
        let mut later = cuts[first_after_start..]
            .iter()
            .filter(|&byte| !own_separators.contains(byte));
        if let Some(&byte) = later.next() {
            if byte < frame.content.1 {
                frame.content.1 = byte;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::assert_claims;

    #[test]
    fn a_report_in_a_relative_clause_ends_the_first_content() {
        // (A one-word content, `Trump`, is too short to be a claim.)
        assert_claims(
            "Ted Cruz endorses Trump, who says he is honored.",
            &[("trump", "he is honored")],
        );
        assert_claims(
            "Cruz praised Donald Trump, who has long said the election was rigged.",
            &[
                ("cruz", "Donald Trump"),
                ("trump", "the election was rigged"),
            ],
        );
        // A relative clause without a verb of saying describes: nothing is cut.
        assert_claims(
            "Fallon said Pagliano, who invoked his rights, has agreed to talk to the FBI.",
            &[(
                "fallon",
                "Pagliano, who invoked his rights, has agreed to talk to the FBI",
            )],
        );
    }

    #[test]
    fn a_report_joined_by_but_ends_the_first_content() {
        assert_claims(
            "Kuleba said the talks were useful, but he stressed that no ceasefire was agreed.",
            &[
                ("kuleba", "the talks were useful"),
                ("kuleba", "that no ceasefire was agreed"),
            ],
        );
    }

    #[test]
    fn a_participle_after_a_comma_ends_the_first_content() {
        assert_claims(
            "Merkel said the deal was fair, adding that Greece had to deliver reforms.",
            &[
                ("merkel", "the deal was fair"),
                ("merkel", "that Greece had to deliver reforms"),
            ],
        );
    }

    #[test]
    fn a_participle_after_a_quotation_closed_by_its_comma_ends_the_first_content() {
        assert_claims(
            "Hillary Clinton spoke on Sunday. She stated, \u{201c}NATO would have turned Libya into Syria,\u{201d} adding, \u{201c}I think 1,500 people were killed.\u{201d}",
            &[
                ("clinton", "NATO would have turned Libya into Syria"),
                ("clinton", "I think 1,500 people were killed."),
            ],
        );
    }

    #[test]
    fn another_speakers_report_ends_the_first_content() {
        assert_claims(
            "Experts warned that the dam could fail, and engineers said repairs would take months.",
            &[
                ("experts", "that the dam could fail"),
                ("engineers", "repairs would take months"),
            ],
        );
    }

    #[test]
    fn a_later_source_after_a_comma_ends_the_first_content() {
        assert_claims(
            "Ivanka Trump said fathers would not be eligible, and when pressed on why, the mother of three replied, \"It's meant to benefit the mother.\"",
            &[
                ("trump", "fathers would not be eligible, and when pressed on why"),
                ("trump", "It's meant to benefit the mother."),
            ],
        );
    }
}

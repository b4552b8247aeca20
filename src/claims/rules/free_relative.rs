//! `the difference between what Trump says his tax plan would do and how experts say it
//! would shape tax law has endured …`: a report inside a free relative clause (`what` or
//! `how` before its source) reports only that clause. Its content ends before a clause
//! coordinated with a second `what`/`how`, or before a second finite verb, which is the
//! sentence's own (`… would shape tax law has endured`).

use crate::claims::document::Document;
use crate::claims::lexicon::{
    CLAUSE_SUBORDINATORS, CONTENT_OPENERS, COORDINATORS, FINITE_AUXILIARIES,
};
use crate::claims::reported::Frame;

/// The words that open a free relative clause before its source.
const FREE_RELATIVE_OPENERS: &[&str] = &["what", "how"];

/// Ends the content of every report inside a free relative clause where that clause ends.
pub(crate) fn end_free_relative_contents(doc: &Document, frames: &mut [Frame]) {
    for frame in frames.iter_mut() {
        let (Some((source, _)), Some((_, cue_end))) = (frame.source, frame.cue) else {
            continue;
        };
        let in_free_relative = source > 0 && doc.is_one_of(source - 1, FREE_RELATIVE_OPENERS);
        if !in_free_relative
            || doc.tokens[cue_end.min(doc.tokens.len() - 1)].start > frame.content.0
        {
            continue;
        }
        if let Some(cut) = clause_end(doc, cue_end, frame.content) {
            frame.content.1 = doc.tokens[cut - 1].end;
        }
    }
}

/// The token before which the free relative clause whose content spans the bytes `content`
/// (after the cue ending at token `cue_end`) ends, if it ends inside the content.
fn clause_end(doc: &Document, cue_end: usize, content: (usize, usize)) -> Option<usize> {
    let tokens = doc.tokens;
    // Tokens are in text order: the content's first is found by binary search.
    let first = tokens.partition_point(|t| t.start < content.0).max(cue_end);
    let mut finite_seen = false;
    for k in first..tokens.len() {
        if tokens[k].end > content.1 {
            break;
        }
        let coordinated_relative = doc.is_in(k, COORDINATORS)
            && k + 1 < tokens.len()
            && doc.is_one_of(k + 1, FREE_RELATIVE_OPENERS);
        // `would have`: an auxiliary after another one goes on with the same verb, and
        // `to have` is no finite verb.
        let finite = doc.is_in(k, FINITE_AUXILIARIES)
            && !doc.is_in(k - 1, FINITE_AUXILIARIES)
            && doc.lower(k - 1) != "to";
        if (coordinated_relative || (finite && finite_seen)) && k > first {
            return Some(k);
        }
        // A clause opened inside the content has a finite verb of its own (`she was when
        // she was viewed`, `adoptees who were`).
        let opens_clause = doc.is_in(k, CLAUSE_SUBORDINATORS)
            || doc.is_in(k, CONTENT_OPENERS)
            || doc.is_one_of(k, &["who", "which", "where", "than"]);
        finite_seen = (finite_seen || finite) && !opens_clause;
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::assert_claims;

    #[test]
    fn a_report_in_a_free_relative_clause_ends_with_the_clause() {
        assert_claims(
            "That sort of sharp difference between what Trump says his tax plan would do and \
             how experts say it would shape tax law has endured throughout the campaign.",
            &[
                ("trump", "his tax plan would do"),
                ("experts", "it would shape tax law"),
            ],
        );
        // A clause inside the clause has a finite verb of its own.
        assert_claims(
            "Nobody knows what voters say she was when she was the front-runner.",
            &[("voters", "she was when she was the front-runner")],
        );
        // Outside a free relative the content runs on.
        assert_claims(
            "Experts say it would shape tax law and the plan has endured.",
            &[("experts", "it would shape tax law and the plan has endured")],
        );
    }
}

//! A stance inside another speaker's content is that speaker's claim: in `Kuleba said
//! that Russia attacked Ukraine`, Russia states nothing. Only a verb of saying reports a
//! claim of its own there (`Kuleba said Lavrov told him that …`).

use crate::claims::document::Document;
use crate::claims::lexicon::SPEECH_CUES;
use crate::claims::reported::Frame;

/// Drops the frames whose single-word cue is no verb of saying and whose source lies inside
/// another frame's content. Frames without a source or with a multi-word cue stay.
pub(crate) fn drop_nested_stances(doc: &Document, frames: &mut Vec<Frame>) {
    let covering = ContentCover::new(frames);
    let nested: Vec<bool> = frames
        .iter()
        .enumerate()
        .map(|(index, frame)| {
            let (Some(source), Some((cue, cue_end))) = (frame.source, frame.cue) else {
                return false;
            };
            let stance = cue_end == cue + 1 && doc.is_word(cue) && !doc.is_in(cue, SPEECH_CUES);
            stance && covering.covers_other(doc.tokens[source.0].start, index)
        })
        .collect();
    let mut keep = nested.iter().map(|n| !n);
    frames.retain(|_| keep.next().unwrap_or(true));
}

/// The frames' contents sorted by start, with the two furthest-reaching contents among
/// each prefix: whether a byte lies in the content of a frame other than a given one is
/// then a binary search, not a scan of every frame.
struct ContentCover {
    starts: Vec<usize>,
    /// For each prefix of `starts`: the (end, frame) reaching furthest, and the furthest of
    /// another frame.
    furthest: Vec<[(usize, usize); 2]>,
}

impl ContentCover {
    fn new(frames: &[Frame]) -> ContentCover {
        let mut order: Vec<usize> = (0..frames.len()).collect();
        order.sort_by_key(|&i| frames[i].content.0);
        let mut best = [(0, usize::MAX); 2];
        let furthest = order
            .iter()
            .map(|&i| {
                let candidate = (frames[i].content.1, i);
                if candidate.0 > best[0].0 {
                    best = [candidate, best[0]];
                } else if candidate.0 > best[1].0 {
                    best[1] = candidate;
                }
                best
            })
            .collect();
        let starts = order.iter().map(|&i| frames[i].content.0).collect();
        ContentCover { starts, furthest }
    }

    /// Whether `byte` lies inside the content of a frame other than `frame`.
    fn covers_other(&self, byte: usize, frame: usize) -> bool {
        let started = self.starts.partition_point(|&start| start <= byte);
        let Some(best) = started.checked_sub(1).map(|k| self.furthest[k]) else {
            return false;
        };
        let (end, _) = if best[0].1 == frame { best[1] } else { best[0] };
        byte < end
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::assert_claims;

    #[test]
    fn a_stance_inside_a_report_is_the_reporters_claim() {
        assert_claims(
            "Dmytro Kuleba said that Russia attacked Ukraine without any provocation.",
            &[(
                "kuleba",
                "that Russia attacked Ukraine without any provocation",
            )],
        );
        assert_claims(
            "Kuleba said the meeting brought no progress, and that Russia had refused even a pause.",
            &[(
                "kuleba",
                "the meeting brought no progress, and that Russia had refused even a pause",
            )],
        );
    }

    #[test]
    fn a_report_of_saying_inside_a_report_is_a_claim_of_its_own() {
        assert_claims(
            "Dmytro Kuleba said that Lavrov told him that the corridor would not open.",
            &[
                (
                    "kuleba",
                    "that Lavrov told him that the corridor would not open",
                ),
                ("lavrov", "that the corridor would not open"),
            ],
        );
    }

    #[test]
    fn a_stance_after_the_report_stays_a_claim() {
        assert_claims(
            "Kuleba said the talks failed. Lavrov rejected the criticism on Friday.",
            &[
                ("kuleba", "the talks failed"),
                ("lavrov", "the criticism on Friday"),
            ],
        );
    }
}

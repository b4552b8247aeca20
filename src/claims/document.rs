//! The tokenised article the rules read, with the small predicates on its tokens that
//! every rule shares (a token's word, case, kind, quotation and whether it is a cue).

use std::collections::BTreeSet;

use super::lexicon::{
    is_time_word, multi_word_cues, WordSet, CUE_WORDS, DETERMINERS, FIRST_PERSON_PRONOUNS,
    GROUP_PRONOUNS, HEADLINE_AFTER_NAME_CUES, HEADLINE_CUES, NOUN_MARKERS, PERSON_PRONOUNS,
    PREPOSITIONS,
};
use super::quotes::Quote;
use crate::segment::TokenSentence;
use crate::tokens::{Token, TokenKind};

/// Token range `[start, end)`.
pub type TokenRange = (usize, usize);

/// The tokenised article the frame finder reads.
pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [TokenSentence],
    pub quotes: &'a [Quote],
    /// Surnames of the people named in full somewhere in the article.
    pub surnames: &'a BTreeSet<String>,
}

impl<'a> Document<'a> {
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    pub(crate) fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }

    pub(crate) fn is_in(&self, i: usize, list: &WordSet) -> bool {
        list.contains(&self.lower(i).as_str())
    }

    /// Whether token `i`, lower-cased, is one of a few words a rule names.
    pub(crate) fn is_one_of(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.lower(i).as_str())
    }

    /// The token after a parenthetical that opens at `k` (`(R-Utah)`), or `k`.
    pub(crate) fn skip_parenthetical(&self, k: usize, last: usize) -> usize {
        if k < last && self.word(k) == "(" {
            if let Some(close) = (k + 1..last.min(k + 12)).find(|&j| self.word(j) == ")") {
                return close + 1;
            }
        }
        k
    }

    /// The token that opens a parenthetical closing just before `end`, or `end`.
    pub(crate) fn skip_parenthetical_back(&self, end: usize, first: usize) -> usize {
        // A parenthetical may be a whole description (`(a Connecticut Democrat so boyish he
        // has been mistaken for a junior staffer)`).
        const MAX_PARENTHETICAL_TOKENS: usize = 30;
        if end > first && self.word(end - 1) == ")" {
            if let Some(open) = (first.max(end.saturating_sub(MAX_PARENTHETICAL_TOKENS))..end - 1)
                .rev()
                .find(|&j| self.word(j) == "(")
            {
                return open;
            }
        }
        end
    }

    /// Where an aside between dashes (`— who is listed as an attorney —`, `-- co-editor of a
    /// book --`) that ends at `end` opens, when a word comes before it.
    pub(crate) fn dash_aside_back(&self, end: usize, first: usize) -> Option<usize> {
        const MAX_ASIDE_TOKENS: usize = 30;
        let is_dash = |k: usize| matches!(self.word(k), "—" | "–" | "-");
        if end < first + 3 || !is_dash(end - 1) {
            return None;
        }
        // `--` is two tokens: the aside closes at the first of them.
        let close = if is_dash(end - 2) { end - 2 } else { end - 1 };
        let open = (first.max(close.saturating_sub(MAX_ASIDE_TOKENS))..close)
            .rev()
            .find(|&k| is_dash(k))?;
        let open = if open > first && is_dash(open - 1) {
            open - 1
        } else {
            open
        };
        (open > first && self.is_word(open - 1) && open + 1 < close).then_some(open)
    }

    pub(crate) fn is_capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` names a time: a weekday, month or time noun, or a number.
    pub(crate) fn is_time(&self, i: usize) -> bool {
        is_time_word(&self.lower(i)) || self.is_number(i)
    }

    /// A number such as `2016` or `1,200` (a bare comma is not one).
    fn is_number(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == ',')
    }

    /// A lower-case `-ly` word: an adverb between a subject and its verb.
    pub(crate) fn is_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        // After a determiner an -ly word is a noun (`the rally`, `his family`).
        let after_determiner =
            i > 0 && (self.is_in(i - 1, DETERMINERS) || self.is_in(i - 1, NOUN_MARKERS));
        w.len() > 4
            && w.ends_with("ly")
            && w.chars().next().is_some_and(char::is_lowercase)
            && !after_determiner
    }

    // The quotes are in text order and disjoint (`find_quotes`), so each lookup is a
    // binary search: rules ask for every token, and a scan made them quadratic.
    pub(crate) fn quote_around(&self, i: usize) -> Option<&'a Quote> {
        let after = self.quotes.partition_point(|q| q.open < i);
        after
            .checked_sub(1)
            .map(|k| &self.quotes[k])
            .filter(|q| q.contains_token(i))
    }

    pub(crate) fn quote_closed_at(&self, i: usize) -> Option<&'a Quote> {
        let k = self.quotes.partition_point(|q| q.close < i);
        self.quotes.get(k).filter(|q| q.close == i)
    }

    /// Whether the tokens from a sentence's `first` up to `start` are a dateline:
    /// capitalised words and a parenthesis, closed by a dash (`MIDWAY ATOLL -`, `MOSCOW
    /// (Reuters) –`).
    pub(crate) fn after_dateline(&self, first: usize, start: usize) -> bool {
        let dash = |k: usize| matches!(self.word(k), "-" | "–" | "—");
        start > first + 1
            && dash(start - 1)
            && (first..start - 1)
                .all(|k| self.is_capitalised(k) || matches!(self.word(k), "(" | ")" | ","))
    }

    pub(crate) fn quote_opened_at(&self, i: usize) -> Option<&'a Quote> {
        let k = self.quotes.partition_point(|q| q.open < i);
        self.quotes.get(k).filter(|q| q.open == i)
    }

    /// End token (exclusive) of a cue starting at `i`.
    pub(crate) fn cue_at(&self, i: usize, limit: usize) -> Option<usize> {
        for words in multi_word_cues() {
            let end = i + words.len();
            if end <= limit && (0..words.len()).all(|k| self.lower(i + k) == words[k]) {
                return Some(end);
            }
        }
        // A capitalised cue word is a name or a title (`United States`), not a verb.
        // Headlines capitalise every word (`Obama Says Museum Will Open`).
        let headline_cue = i > 0
            && self.is_capitalised(i - 1)
            && (HEADLINE_AFTER_NAME_CUES.contains(&self.word(i))
                || (self.is_capitalised(i)
                    && i + 1 < limit
                    && self.is_capitalised(i + 1)
                    && HEADLINE_CUES.contains(&self.word(i))));
        // `Asked by Starnes whether …`: a capitalised cue before `by` opens its sentence in
        // the passive.
        let passive_opening =
            (i == 0 || !self.is_word(i - 1)) && i + 1 < limit && self.is_one_of(i + 1, &["by"]);
        let lower_case = headline_cue
            || passive_opening
            || self.word(i).chars().next().is_some_and(char::is_lowercase);
        let previous = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
        // `Trump's claims` is a noun after a possessive; `He's claiming` is a verb.
        let possessive = (previous.ends_with("'s") || previous.ends_with("’s"))
            && !is_pronoun(strip_contracted_auxiliary(&previous));
        let after_determiner = NOUN_MARKERS.contains(&previous.as_str())
            || possessive
            || (self.lower(i).ends_with("ing") && PREPOSITIONS.contains(&previous.as_str()));
        (self.is_word(i) && lower_case && !after_determiner && self.is_in(i, CUE_WORDS))
            .then_some(i + 1)
    }
}

/// A word without the auxiliary contracted onto it (`he’s` → `he`, `they've` → `they`).
pub(crate) fn strip_contracted_auxiliary(word: &str) -> &str {
    ["'s", "’s", "'re", "’re", "'ve", "’ve", "'d", "’d"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word)
}

/// Whether a lower-case word is a personal pronoun that can be a subject (`he`, `they`, `we`).
pub(crate) fn is_pronoun(word: &str) -> bool {
    [PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON_PRONOUNS]
        .iter()
        .any(|list| list.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::quotes::find_quotes;
    use crate::segment::token_sentences;
    use crate::tokens::tokenize;

    #[test]
    fn quote_lookups_find_what_a_scan_of_every_quote_finds() {
        let text = "He said “we left” and “we came back. \"Then,\" she said, «no» \"open\nNext ``one'' “end";
        let tokens = tokenize(text);
        let sentences = token_sentences(text, &tokens);
        let quotes = find_quotes(text, &tokens);
        let surnames = BTreeSet::new();
        let doc = Document {
            text,
            tokens: &tokens,
            sentences: &sentences,
            quotes: &quotes,
            surnames: &surnames,
        };
        assert!(quotes.len() >= 5, "{quotes:?}");
        for i in 0..=tokens.len() {
            let scan = |test: &dyn Fn(&Quote) -> bool| quotes.iter().find(|q| test(q));
            assert_eq!(
                doc.quote_around(i),
                scan(&|q| q.contains_token(i)),
                "token {i}"
            );
            assert_eq!(doc.quote_closed_at(i), scan(&|q| q.close == i), "token {i}");
            assert_eq!(doc.quote_opened_at(i), scan(&|q| q.open == i), "token {i}");
        }
    }
}

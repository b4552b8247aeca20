//! Sentence segmentation tuned for news: datelines, titles and abbreviations, initials,
//! decimals, ellipses, quotations spanning several sentences and paragraphs. Every
//! sentence keeps its character offsets into the article text.

use serde::{Deserialize, Serialize};

use crate::tokens::{tokenize, CharOffsets, Token, TokenKind, TITLE_ABBREVIATIONS};

/// A sentence: character offsets into the article text (end exclusive) and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index of the paragraph (line) the sentence belongs to.
    pub paragraph: usize,
}

/// A sentence as a range of tokens, for the extraction stages that work on tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSentence {
    /// First token and one past the last token, indices into the token list.
    pub first: usize,
    pub last: usize,
    pub paragraph: usize,
}

/// Month abbreviations: they end no sentence when a day number follows.
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that commonly open a sentence, used after an abbreviation such as `U.S.` whose dot
/// may or may not also end the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "But", "And", "This", "That", "In", "A", "An",
    "On", "At", "Its", "His", "Her", "Their", "There", "Some", "Many", "As", "If", "When",
];

const CLOSERS: &[&str] = &["\"", "”", "’", "'", ")", "]", "»", "''"];
const OPENERS: &[&str] = &["\"", "“", "‘", "'", "(", "[", "«", "''", "``"];

/// Splits `text` into sentences with character offsets.
pub fn segment(text: &str) -> Vec<Sentence> {
    let tokens = tokenize(text);
    let offsets = CharOffsets::new(text);
    token_sentences(text, &tokens)
        .into_iter()
        .map(|s| {
            let (start, end) = (tokens[s.first].start, tokens[s.last - 1].end);
            Sentence {
                start: offsets.char_offset(start),
                end: offsets.char_offset(end),
                text: text[start..end].to_string(),
                paragraph: s.paragraph,
            }
        })
        .collect()
}

/// Splits a token list into sentences; line breaks always end a sentence and a paragraph.
pub fn token_sentences(text: &str, tokens: &[Token]) -> Vec<TokenSentence> {
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind == TokenKind::Newline {
            if first < i {
                sentences.push(TokenSentence {
                    first,
                    last: i,
                    paragraph,
                });
            }
            paragraph += 1;
            first = i + 1;
            i += 1;
            continue;
        }
        // No sentence ends inside a short parenthetical: `(D-N.C.)`, `(R-Wis.)`.
        let open_paren = (first..i)
            .rev()
            .take(12)
            .find(|&k| matches!(tokens[k].text(text), "(" | ")"))
            .is_some_and(|k| tokens[k].text(text) == "(");
        if open_paren {
            i += 1;
            continue;
        }
        if let Some(after) = sentence_end_after(text, tokens, i) {
            sentences.push(TokenSentence {
                first,
                last: after,
                paragraph,
            });
            first = after;
            i = after;
            continue;
        }
        i += 1;
    }
    if first < tokens.len() {
        sentences.push(TokenSentence {
            first,
            last: tokens.len(),
            paragraph,
        });
    }
    sentences
}

/// When token `i` ends a sentence, the index just past the sentence (after closing quotes
/// and brackets); `None` when it does not.
fn sentence_end_after(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let token = tokens[i];
    let word = token.text(text);
    let is_abbreviation_word = token.kind == TokenKind::Word && word.ends_with('.');
    let terminal = matches!(word, "." | "!" | "?" | "..." | "…") || is_abbreviation_word;
    if !terminal || (token.kind == TokenKind::Word && !is_abbreviation_word) {
        return None;
    }
    let mut after = i + 1;
    while let Some(t) = tokens.get(after) {
        let closes = CLOSERS.contains(&t.text(text)) && t.start == tokens[after - 1].end;
        if !closes {
            break;
        }
        after += 1;
    }
    let next = match tokens.get(after) {
        None => return Some(after),
        Some(t) if t.kind == TokenKind::Newline => return Some(after),
        Some(t) => t,
    };
    let next_text = next.text(text);
    let next_first = next_text.chars().next().unwrap_or(' ');
    let next_opens = next_first.is_uppercase() || OPENERS.contains(&next_text);
    if !next_opens {
        return None;
    }
    if is_abbreviation_word {
        let title = word.trim_end_matches('.');
        if TITLE_ABBREVIATIONS
            .iter()
            .any(|t| t.eq_ignore_ascii_case(title))
        {
            return None;
        }
        return (OPENERS.contains(&next_text) || SENTENCE_OPENERS.contains(&next_text))
            .then_some(after);
    }
    if matches!(word, "..." | "…") {
        return (next_text != "I").then_some(after);
    }
    if word == "." && after == i + 1 {
        if let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) {
            let prev_text = prev.text(text);
            let lower = prev_text.to_lowercase();
            let adjacent = prev.end == token.start && prev.kind == TokenKind::Word;
            let is_initial =
                prev_text.chars().count() == 1 && prev_text.chars().all(|c| c.is_uppercase());
            if adjacent && is_initial {
                return None;
            }
            if adjacent
                && (MONTHS.contains(&lower.as_str()) || lower == "no")
                && next_first.is_ascii_digit()
            {
                return None;
            }
        }
    }
    Some(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        segment(text).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn a_tass_dateline_is_one_unit_before_the_first_sentence() {
        assert_eq!(
            texts("ANTALYA /Turkey/, March 10. /TASS/. Talks ended. Lavrov left."),
            [
                "ANTALYA /Turkey/, March 10. /TASS/.",
                "Talks ended.",
                "Lavrov left."
            ]
        );
    }

    #[test]
    fn titles_abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            texts("Mr. Smith met Dr. Jones on Feb. 3 at No. 10 St. James. John F. Kennedy spoke in the U.S. on Tuesday. It rained."),
            [
                "Mr. Smith met Dr. Jones on Feb. 3 at No. 10 St. James.",
                "John F. Kennedy spoke in the U.S. on Tuesday.",
                "It rained."
            ]
        );
    }

    #[test]
    fn parentheticals_keep_their_dots() {
        assert_eq!(
            texts(
                "Rep. G.K. Butterfield (D-N.C.), head of the caucus, spoke (see p. 3). It ended."
            ),
            [
                "Rep. G.K. Butterfield (D-N.C.), head of the caucus, spoke (see p. 3).",
                "It ended."
            ]
        );
    }

    #[test]
    fn an_abbreviation_can_end_a_sentence() {
        assert_eq!(
            texts("He moved to the U.S. The move was hard."),
            ["He moved to the U.S.", "The move was hard."]
        );
    }

    #[test]
    fn a_name_suffix_ends_a_sentence_only_before_a_word_that_opens_one() {
        assert_eq!(
            texts("Joseph R. Biden Jr. said it was fair. He met Joseph Biden Jr. The talks ended."),
            [
                "Joseph R. Biden Jr. said it was fair.",
                "He met Joseph Biden Jr.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(
            texts("Prices rose 3.5 percent… and then fell. We waited... Nothing came."),
            [
                "Prices rose 3.5 percent… and then fell.",
                "We waited...",
                "Nothing came."
            ]
        );
    }

    #[test]
    fn quoted_sentences_keep_their_closing_quote_and_questions_before_he_asked_continue() {
        assert_eq!(
            texts("\"We are ready. We will talk.\" Kuleba said. \"Why?\" he asked."),
            [
                "\"We are ready.",
                "We will talk.\"",
                "Kuleba said.",
                "\"Why?\" he asked."
            ]
        );
    }

    #[test]
    fn paragraphs_end_sentences_and_offsets_are_characters() {
        let text = "“Да” is yes\n\nNext one.";
        let sentences = segment(text);
        assert_eq!(sentences.len(), 2);
        assert_eq!((sentences[1].start, sentences[1].end), (13, 22));
        assert_eq!(sentences[1].paragraph, 1);
        let chars: Vec<char> = text.chars().collect();
        let second: String = chars[sentences[1].start..sentences[1].end].iter().collect();
        assert_eq!(second, "Next one.");
    }
}

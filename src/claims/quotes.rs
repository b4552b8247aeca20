//! Direct quotations: spans between straight, curly or guillemet quotes. A quotation left
//! open at the end of a paragraph runs to the paragraph's end, the news convention for a
//! quote that continues in the next paragraph.

use crate::tokens::{Token, TokenKind};

/// A quotation: the token indices of its opening and closing marks (the closing index is
/// one past the last quoted token when the quote is left open at a paragraph end), and the
/// byte range of the quoted words without the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub close: usize,
    pub start: usize,
    pub end: usize,
}

impl Quote {
    /// Whether token `i` lies inside the quotation marks.
    pub fn contains_token(&self, i: usize) -> bool {
        self.open < i && i < self.close
    }
}

/// Finds every quotation in the text, in text order and disjoint (one is open at a time),
/// which lets `Document` look them up by binary search.
pub fn find_quotes(text: &str, tokens: &[Token]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, token) in tokens.iter().enumerate() {
        if token.kind == TokenKind::Newline {
            if let Some((start, _)) = open.take() {
                push_quote(&mut quotes, tokens, start, i, false);
            }
            continue;
        }
        let mark = token.text(text);
        // `”Fear. I am truly afraid …” ― Edwin Monroy`: a closing mark opening a paragraph
        // opens a quotation in sloppily typed text.
        let opens_paragraph = i == 0 || tokens[i - 1].kind == TokenKind::Newline;
        match (mark, open) {
            ("“" | "«", None) => open = Some((i, mark)),
            ("”", None) if opens_paragraph => open = Some((i, "\"")),
            ("\"" | "``", None) => open = Some((i, mark)),
            ("''", None) => open = Some((i, "\"")),
            ("”", Some((start, "“")))
            | ("»", Some((start, "«")))
            | ("\"" | "''", Some((start, "\"" | "``"))) => {
                push_quote(&mut quotes, tokens, start, i, true);
                open = None;
            }
            // A straight quote closes a curly one in sloppily typed text, and so does an
            // opening mark that ends a word (`… for her here,“ said Jim Clyburn`).
            ("\"" | "”" | "''", Some((start, _))) => {
                push_quote(&mut quotes, tokens, start, i, true);
                open = None;
            }
            ("“", Some((start, _))) if ends_word(text, token.end) => {
                push_quote(&mut quotes, tokens, start, i, true);
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        push_quote(&mut quotes, tokens, start, tokens.len(), false);
    }
    quotes
}

/// Whether the text at byte `end` is a space or the end of the text: a mark there ends a
/// word rather than opening one.
fn ends_word(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(char::is_whitespace)
}

fn push_quote(quotes: &mut Vec<Quote>, tokens: &[Token], open: usize, close: usize, closed: bool) {
    if close <= open + 1 {
        return;
    }
    let end = if closed {
        tokens[close].start
    } else {
        tokens[close - 1].end
    };
    quotes.push(Quote {
        open,
        close,
        start: tokens[open].end,
        end,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn quoted(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find_quotes(text, &tokens)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn straight_curly_and_guillemet_quotes() {
        assert_eq!(
            quoted("\"One,\" he said, “two.” And «three»."),
            ["One,", "two.", "three"]
        );
    }

    #[test]
    fn an_opening_mark_before_a_space_closes_an_open_quotation() {
        assert_eq!(
            quoted("\u{201c}It could create problems,\u{201c} said Jim Clyburn."),
            ["It could create problems,"]
        );
    }

    #[test]
    fn a_closing_mark_opening_a_paragraph_opens_a_quotation() {
        assert_eq!(
            quoted("Getty.\n\n\u{201d}Fear. I am afraid.\u{201d} \u{2015} Edwin Monroy"),
            ["Fear. I am afraid."]
        );
    }

    #[test]
    fn a_quote_left_open_runs_to_the_paragraph_end() {
        assert_eq!(
            quoted("\"We came. We talked.\n\n\"We left,\" he said."),
            ["We came. We talked.", "We left,"]
        );
    }

    #[test]
    fn quotes_are_in_text_order_and_disjoint_however_unbalanced() {
        let text = "“A “b” c\" d « e \" f ” g '' h `` i \"\n\"j “k\n«l» \"m";
        let tokens = tokenize(text);
        let quotes = find_quotes(text, &tokens);
        assert!(quotes.len() >= 4, "{quotes:?}");
        for pair in quotes.windows(2) {
            assert!(pair[0].close < pair[1].open, "{pair:?}");
            assert!(pair[0].end <= pair[1].start, "{pair:?}");
        }
    }
}

//! Word and punctuation tokens with byte offsets, shared by sentence segmentation and claim
//! extraction. Abbreviations with inner dots (`U.S.`), decimals (`3.5`) and grouped digits
//! (`3,210`) stay one token so that their dots and commas are never read as boundaries.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and abbreviation dots.
    Word,
    /// One punctuation or symbol character, an ellipsis (`...` or `…`) or a doubled
    /// apostrophe or backtick (`''`, ``` `` ```) standing for a double quote.
    Punct,
    /// A line break: the end of a paragraph in news text.
    Newline,
}

/// A token: its byte range in the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Titles written with a dot that precede a name and never end a sentence.
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "lt", "col", "capt", "sgt",
    "mt", "ft", "rev", "hon", "pres", "messrs", "sens", "reps", "vs", "cmdr", "adm", "supt",
    "atty", "gens", "govs",
];

/// Suffixes written with a dot after a surname (`Joseph R. Biden Jr.`): the dot is theirs,
/// but unlike a title they can end a sentence.
pub const NAME_SUFFIX_ABBREVIATIONS: &[&str] = &["jr", "sr"];

/// A letter, a digit or a combining mark (`A\u{303}`, a decomposed `Ã`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A C1 control or Latin-1 symbol (U+0080 to U+00BF, not the no-break space) that UTF-8
/// misdecoded as Latin-1 leaves after `Ã` or `Â` inside a word.
fn is_mojibake(c: char) -> bool {
    ('\u{80}'..='\u{bf}').contains(&c) && c != '\u{a0}'
}

/// Splits `text` into tokens. Spaces are dropped; runs of line breaks become one `Newline`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c == '\n' || c == '\r' {
            let start = i;
            while matches!(char_at(i), Some(c) if c.is_whitespace()) {
                i += 1;
            }
            tokens.push(Token {
                start: byte_at(start),
                end: byte_at(start + 1),
                kind: TokenKind::Newline,
            });
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            i += 1;
            loop {
                match char_at(i) {
                    Some(c) if is_word_char(c) => i += 1,
                    // `FranÃ\u{83}Â§ois`: UTF-8 read as Latin-1 leaves control and symbol
                    // characters after `Ã` or `Â` inside a name; a run of them between
                    // letters joins it.
                    Some(c)
                        if is_mojibake(c)
                            && (matches!(chars[i - 1].1, 'Ã' | 'Â')
                                || is_combining_mark(chars[i - 1].1)) =>
                    {
                        let mut j = i;
                        let in_run = |c: char| {
                            is_mojibake(c) || is_combining_mark(c) || matches!(c, 'Â' | 'Ã' | 'A')
                        };
                        while char_at(j).is_some_and(in_run) {
                            j += 1;
                        }
                        if !char_at(j).is_some_and(is_word_char) {
                            break;
                        }
                        i = j;
                    }
                    // Inner apostrophes and hyphens (don't, Russian-Ukrainian), decimals and
                    // digit groups (3.5, 3,210), abbreviation dots (U.S.) and an ampersand
                    // between capitals (P&G, AT&T) join a word.
                    Some(joiner @ ('\'' | '’' | '-' | '.' | ',' | '&')) => {
                        let next = char_at(i + 1);
                        let prev = chars[i - 1].1;
                        let joins = match joiner {
                            '.' | ',' if prev.is_ascii_digit() => {
                                matches!(next, Some(n) if n.is_ascii_digit())
                            }
                            // U.S., D.C., e.g.: single letters separated by dots.
                            '.' => {
                                let single_letter = i - start == 1
                                    || (i >= start + 2 && matches!(chars[i - 2].1, '.' | '-'));
                                single_letter
                                    && matches!(next, Some(n) if n.is_alphabetic())
                                    && !matches!(char_at(i + 2), Some(n) if n.is_alphabetic())
                            }
                            ',' => false,
                            '&' => {
                                prev.is_uppercase() && matches!(next, Some(n) if n.is_uppercase())
                            }
                            // `Gates' work`: a plural's possessive apostrophe ends the word.
                            '\'' | '’' if prev == 's' && next == Some(' ') => {
                                if matches!(char_at(i + 2), Some(n) if n.is_lowercase()) {
                                    i += 1;
                                }
                                break;
                            }
                            _ => matches!(next, Some(n) if is_word_char(n)),
                        };
                        if !joins {
                            break;
                        }
                        i += 2;
                    }
                    _ => break,
                }
            }
            // The final dot of an abbreviation with inner dots (U.S.) or of a title (Mr.)
            // belongs to it.
            let word = &text[byte_at(start)..byte_at(i)];
            let is_title = TITLE_ABBREVIATIONS
                .iter()
                .chain(NAME_SUFFIX_ABBREVIATIONS)
                .any(|t| t.eq_ignore_ascii_case(word));
            // A middle initial (`Donald J. Trump`) keeps its dot too.
            let is_initial = i - start == 1
                && chars[start].1.is_uppercase()
                && char_at(i + 1) == Some(' ')
                && char_at(i + 2).is_some_and(char::is_uppercase);
            // A dot right before a comma ends an abbreviation, not a sentence (`R-Ky.,`).
            let before_comma = char_at(i + 1) == Some(',');
            if char_at(i) == Some('.')
                && (word.contains('.') || is_title || is_initial || before_comma)
            {
                let is_digits = chars[start].1.is_ascii_digit();
                if !is_digits {
                    i += 1;
                }
            }
            tokens.push(Token {
                start: byte_at(start),
                end: byte_at(i),
                kind: TokenKind::Word,
            });
            continue;
        }
        let start = i;
        if c == '.' && char_at(i + 1) == Some('.') && char_at(i + 2) == Some('.') {
            i += 3;
        } else if (c == '\'' || c == '`') && char_at(i + 1) == Some(c) {
            // '' and `` stand for double quotes in some newswire text.
            i += 2;
        } else {
            i += 1;
        }
        tokens.push(Token {
            start: byte_at(start),
            end: byte_at(i),
            kind: TokenKind::Punct,
        });
    }
    tokens
}

/// Maps byte offsets of a text to character offsets (Python string indices).
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// `chars_before[b]` is the number of characters before byte `b` (for char boundaries).
    chars_before: Vec<usize>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut chars_before = vec![0; text.len() + 1];
        let mut count = 0;
        for (b, c) in text.char_indices() {
            for slot in &mut chars_before[b..b + c.len_utf8()] {
                *slot = count;
            }
            count += 1;
        }
        chars_before[text.len()] = count;
        CharOffsets { chars_before }
    }

    pub fn char_offset(&self, byte: usize) -> usize {
        self.chars_before
            .get(byte)
            .copied()
            .unwrap_or_else(|| self.chars_before.last().copied().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn abbreviations_decimals_and_contractions_stay_whole() {
        assert_eq!(
            words("The U.S. paid $3.5 billion, 3,210 don't."),
            ["The", "U.S.", "paid", "$", "3.5", "billion", ",", "3,210", "don't", "."]
        );
    }

    #[test]
    fn misdecoded_characters_inside_a_name_join_it() {
        assert_eq!(
            words("President Fran\u{c3}\u{83}\u{c2}\u{a7}ois Hollande said"),
            [
                "President",
                "Fran\u{c3}\u{83}\u{c2}\u{a7}ois",
                "Hollande",
                "said"
            ]
        );
        // Decomposed, with combining marks.
        let decomposed = "Fran\u{41}\u{303}\u{83}\u{41}\u{302}\u{a7}ois Hollande";
        let name = decomposed.split(' ').next().unwrap_or_default();
        assert_eq!(words(decomposed), [name, "Hollande"]);
        // A symbol after a word is no part of it.
        assert_eq!(words("cost 5\u{a2} each"), ["cost", "5", "\u{a2}", "each"]);
    }

    #[test]
    fn an_ampersand_between_capitals_joins_a_name() {
        assert_eq!(words("P&G and AT&T"), ["P&G", "and", "AT&T"]);
        assert_eq!(
            words("Smith & Wesson, R&amp"),
            ["Smith", "&", "Wesson", ",", "R", "&", "amp"]
        );
    }

    #[test]
    fn a_plurals_possessive_apostrophe_ends_the_word() {
        assert_eq!(words("Gates' work"), ["Gates'", "work"]);
        assert_eq!(words("voters’ concerns"), ["voters’", "concerns"]);
        // Before a capital or at a quotation's end it stays a mark of its own.
        assert_eq!(words("the Jones' Smith"), ["the", "Jones", "'", "Smith"]);
        assert_eq!(words("said 'yes'."), ["said", "'", "yes", "'", "."]);
    }

    #[test]
    fn party_and_state_abbreviations_are_one_token() {
        assert_eq!(words("(D-N.C.)"), ["(", "D-N.C.", ")"]);
    }

    #[test]
    fn a_middle_initial_and_an_abbreviation_before_a_comma_keep_their_dots() {
        assert_eq!(
            words("Donald J. Trump, R-Ky., said. I. Then"),
            ["Donald", "J.", "Trump", ",", "R-Ky.", ",", "said", ".", "I.", "Then"]
        );
    }

    #[test]
    fn a_title_keeps_its_dot() {
        assert_eq!(words("Mr. Obama"), ["Mr.", "Obama"]);
    }

    #[test]
    fn a_name_suffix_keeps_its_dot() {
        assert_eq!(
            words("Joseph R. Biden Jr. said"),
            ["Joseph", "R.", "Biden", "Jr.", "said"]
        );
    }

    #[test]
    fn ellipses_are_one_token_and_paragraphs_one_newline() {
        let text = "Wait... no.\n\nYes";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(words(text), ["Wait", "...", "no", ".", "\n", "Yes"]);
        assert_eq!(words("''Go,'' he"), ["''", "Go", ",", "''", "he"]);
        assert_eq!(kinds[4], TokenKind::Newline);
    }

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let text = "“Ай” b";
        let offsets = CharOffsets::new(text);
        assert_eq!(offsets.char_offset(text.find('b').unwrap()), 5);
        assert_eq!(offsets.char_offset(text.len()), 6);
    }
}

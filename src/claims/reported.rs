//! Finding attribution frames: a reporting cue, the mention of its source and the content
//! it attributes. Handles `SOURCE CUE (that) CONTENT`, inverted `CONTENT, SOURCE CUE` and
//! `CONTENT, CUE SOURCE`, `according to SOURCE`, split quotes (`"…," he said, "…"`),
//! `SOURCE said:` before a quoted paragraph, participles (`…, arguing that …`), quotes
//! signed with a dash (`"…" ― NAME`), transcript labels (`PENCE: …`), stances stated by a
//! named subject (`Sen. Tim Kaine backed …`, PolNeAR counts those as attributed) and quoted
//! paragraphs that continue the previous speaker's quote.

use super::lexicon::{
    is_time_word, multi_word_cues, WordSet, ADJUNCT_OPENERS, AUXILIARIES, CLOSING_QUOTES,
    COLON_ONLY_CUES, CONTENT_OPENERS, COORDINATORS, CUE_WORDS, DETERMINERS_CAPITALISED,
    FIRST_PERSON_PRONOUNS, FRONTED_CUES, GROUP_PRONOUNS, HEADLINE_AFTER_NAME_CUES, HEADLINE_CUES,
    IMPERSONAL_CUES, INVERTING_CUES, NOT_LABELS, NOUN_MARKERS, OBJECT_FIRST_CUES, OBJECT_PRONOUNS,
    OPENING_QUOTES, PERSON_PRONOUNS, PHRASE_LINKS, PHRASE_STOPS, PREPOSITIONS,
    PREPOSITIONS_OPENING, RELATIVE_VERBS, SENTENCE_FINAL, SEPARATORS,
    SUBJECT_MODIFIER_PREPOSITIONS, SUBJECT_PARTICIPLES, TIME_ADJUNCT_OPENERS, TITLE_PARTICIPLES,
    WEEKDAYS,
};
use std::collections::BTreeSet;

use super::quotes::Quote;
use super::speakers::{classify, Mention};
use crate::segment::TokenSentence;
use crate::tokens::{Token, TokenKind};

/// Token range `[start, end)`.
pub type TokenRange = (usize, usize);

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
    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }

    fn is_in(&self, i: usize, list: &WordSet) -> bool {
        list.contains(&self.lower(i).as_str())
    }

    /// Whether token `i`, lower-cased, is one of a few words a rule names.
    fn is_one_of(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.lower(i).as_str())
    }

    /// The token after a parenthetical that opens at `k` (`(R-Utah)`), or `k`.
    fn skip_parenthetical(&self, k: usize, last: usize) -> usize {
        if k < last && self.word(k) == "(" {
            if let Some(close) = (k + 1..last.min(k + 12)).find(|&j| self.word(j) == ")") {
                return close + 1;
            }
        }
        k
    }

    /// The token that opens a parenthetical closing just before `end`, or `end`.
    fn skip_parenthetical_back(&self, end: usize, first: usize) -> usize {
        if end > first && self.word(end - 1) == ")" {
            if let Some(open) = (first.max(end.saturating_sub(12))..end - 1)
                .rev()
                .find(|&j| self.word(j) == "(")
            {
                return open;
            }
        }
        end
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` names a time: a weekday, month or time noun, or a number.
    fn is_time(&self, i: usize) -> bool {
        is_time_word(&self.lower(i)) || self.is_number(i)
    }

    /// A number such as `2016` or `1,200` (a bare comma is not one).
    fn is_number(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == ',')
    }

    /// A lower-case `-ly` word: an adverb between a subject and its verb.
    fn is_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 4 && w.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase)
    }

    fn quote_around(&self, i: usize) -> Option<&'a Quote> {
        self.quotes.iter().find(|q| q.contains_token(i))
    }

    fn quote_closed_at(&self, i: usize) -> Option<&'a Quote> {
        self.quotes.iter().find(|q| q.close == i)
    }

    fn quote_opened_at(&self, i: usize) -> Option<&'a Quote> {
        self.quotes.iter().find(|q| q.open == i)
    }

    /// End token (exclusive) of a cue starting at `i`.
    fn cue_at(&self, i: usize, limit: usize) -> Option<usize> {
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
        let lower_case =
            headline_cue || self.word(i).chars().next().is_some_and(char::is_lowercase);
        let previous = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
        let after_determiner = NOUN_MARKERS.contains(&previous.as_str())
            || previous.ends_with("'s")
            || previous.ends_with("’s")
            || (self.lower(i).ends_with("ing") && PREPOSITIONS.contains(&previous.as_str()));
        (self.is_word(i) && lower_case && !after_determiner && self.is_in(i, CUE_WORDS))
            .then_some(i + 1)
    }

    /// The subject noun phrase that ends just before token `cue` (auxiliaries skipped).
    fn subject_before(&self, cue: usize, first: usize) -> Option<TokenRange> {
        let mut j = cue;
        loop {
            while j > first && (self.is_in(j - 1, AUXILIARIES) || self.is_adverb(j - 1)) {
                j -= 1;
            }
            // A time adjunct between subject and verb: `Axelrod on Wednesday called`.
            let time_end = j;
            while j > first && self.is_time(j - 1) {
                j -= 1;
            }
            if j == time_end {
                break;
            }
            while j > first && self.is_in(j - 1, TIME_ADJUNCT_OPENERS) {
                j -= 1;
            }
            if j > first && self.is_in(j - 1, SUBJECT_PARTICIPLES) {
                j -= 1;
            }
        }
        let passive = (j..cue)
            .any(|k| self.is_one_of(k, &["was", "were", "been", "being", "be", "is", "are"]))
            && self.lower(cue).ends_with("ed");
        if j == first || passive {
            return None;
        }
        // `Rep. Jason Chaffetz (R-Utah) said`: the parenthetical belongs to the source.
        let inner_end = self.skip_parenthetical_back(j, first);
        if inner_end < j {
            return self.phrase_ending_at(inner_end, first).map(|(s, _)| (s, j));
        }
        let end = j;
        let last = self.lower(end - 1);
        let pronouns = [PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON_PRONOUNS];
        if pronouns.iter().any(|list| list.contains(&last.as_str())) {
            let seems = self.is_in(cue, IMPERSONAL_CUES);
            return (!(last == "it" && seems)).then_some((end - 1, end));
        }
        if let Some(phrase) = self.phrase_ending_at(end, first) {
            return Some(self.extend_over_modifiers(phrase, first));
        }
        // An appositive between commas: `Rendell, a Clinton surrogate, said`; the source
        // spans the name and the appositive.
        if end > first + 2 && self.word(end - 1) == "," {
            // Appositives may hold commas themselves (`Donna Rawlings, 59, of Ashton, Md.,
            // said`): prefer the farthest name that opens its clause.
            let mut nearest = None;
            let mut farthest_opening = None;
            for comma in (first.max(end.saturating_sub(26))..end - 1).rev() {
                let w = self.word(comma);
                if CLOSING_QUOTES.contains(&w) || SENTENCE_FINAL.contains(&w) {
                    break;
                }
                if w != "," {
                    continue;
                }
                // `Republicans, and the meeting deteriorated from there, said …`: a clause
                // joined by a conjunction is no appositive.
                if self.is_one_of(comma + 1, &["and", "but", "or", "so", "yet", "while"]) {
                    break;
                }
                let Some((start, _)) = self.phrase_ending_at(comma, first) else {
                    continue;
                };
                if !self.is_capitalised(start) {
                    continue;
                }
                // `On February 18, …`: a date opening the sentence is no subject.
                let date = (start..comma).any(|k| self.is_time(k))
                    || (start > first && self.is_in(start - 1, PREPOSITIONS_OPENING));
                if date {
                    continue;
                }
                nearest.get_or_insert(start);
                let opens_clause = start == first
                    || CLOSING_QUOTES.contains(&self.word(start - 1))
                    || self.is_one_of(start - 1, &["and", "but", "while", "as", "because"]);
                if opens_clause {
                    farthest_opening = Some(start);
                }
            }
            if let Some(start) = farthest_opening.or(nearest) {
                return Some((start, end - 1));
            }
            // `the heads of the LPR and DPR, Leonid Pasechnik and Denis Pushilin, announced`:
            // the names of the appositive.
            if let Some(phrase) = self.phrase_ending_at(end - 1, first) {
                if self.is_capitalised(phrase.0) {
                    return Some(phrase);
                }
            }
        }
        // A relative clause hangs on the phrase before it: `Trump, who said …`; the source
        // spans the antecedent and `who`, both of which name the speaker.
        if end > first && self.lower(end - 1) == "who" {
            let antecedent = match end.checked_sub(2) {
                Some(comma) if comma > first && self.word(comma) == "," => {
                    self.phrase_ending_at(comma, first)
                }
                _ => None,
            };
            return Some((antecedent.map_or(end - 1, |(s, _)| s), end));
        }
        None
    }

    /// A sentence-initial subject whose head comes before prepositional modifiers
    /// (`Experts on North Korea`, `Political observers in Virginia and around the country`):
    /// the whole subject, when the modifiers reach back to the sentence start.
    fn extend_over_modifiers(&self, phrase: TokenRange, first: usize) -> TokenRange {
        let mut start = phrase.0;
        while start > first + 1 && phrase.1 - start < 16 {
            let mut k = start - 1;
            if !self.is_in(k, SUBJECT_MODIFIER_PREPOSITIONS) {
                break;
            }
            if k > first && self.is_one_of(k - 1, &["and", "or"]) {
                k -= 1;
            }
            let Some((s, _)) = self.phrase_ending_at(k, first) else {
                break;
            };
            start = s;
        }
        if start == first {
            (start, phrase.1)
        } else {
            phrase
        }
    }

    /// The noun phrase that ends just before token `end`, going back no further than
    /// `first`.
    fn phrase_ending_at(&self, end: usize, first: usize) -> Option<TokenRange> {
        let mut start = end;
        while start > first {
            let k = start - 1;
            let lower = self.lower(k);
            let is_verb = self.word(k).chars().next().is_some_and(char::is_lowercase)
                && (lower.ends_with("ed") || CUE_WORDS.contains(&lower.as_str()))
                && !TITLE_PARTICIPLES.contains(&lower.as_str());
            let joins_phrase = self.is_word(k)
                && !is_verb
                && (!PHRASE_STOPS.contains(&lower.as_str())
                    || (PHRASE_LINKS.contains(&lower.as_str())
                        && start < end
                        && k > first
                        && self.is_word(k - 1)
                        && !self.is_in(k - 1, PHRASE_STOPS)));
            if !joins_phrase || self.quote_around(k).is_some() {
                break;
            }
            start = k;
            if end - start > 10 {
                return None;
            }
        }
        while start < end && self.is_in(start, PHRASE_LINKS) && self.lower(start) != "the" {
            start += 1;
        }
        let only_numbers = (start..end).all(|k| self.word(k).chars().all(|c| !c.is_alphabetic()));
        (start < end && !only_numbers).then_some((start, end))
    }

    /// The subject phrase opening a sentence, when it is followed by a verb of the
    /// reporting lexicon or a past-tense verb (`Clinton criticized …, arguing …`).
    fn phrase_starting_sentence(&self, sentence: &TokenSentence) -> Option<TokenRange> {
        let verb = (sentence.first..sentence.last.min(sentence.first + 12)).find(|&k| {
            let w = self.lower(k);
            self.word(k).chars().next().is_some_and(char::is_lowercase)
                && (CUE_WORDS.contains(&w.as_str()) || w.ends_with("ed"))
        })?;
        self.subject_before(verb, sentence.first)
            .filter(|&(start, _)| start == sentence.first)
    }

    /// The noun phrase that starts at token `from` (after an inverted cue or `according to`).
    fn phrase_after(&self, from: usize, limit: usize) -> Option<TokenRange> {
        let mut k = from;
        if k < limit && self.is_word(k) {
            let lower = self.lower(k);
            let pronouns = [PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON_PRONOUNS];
            if pronouns.iter().any(|list| list.contains(&lower.as_str())) {
                return Some((k, k + 1));
            }
        }
        while k < limit && self.is_word(k) && self.quote_around(k).is_none() {
            let lower = self.lower(k);
            let is_link = PHRASE_LINKS.contains(&lower.as_str())
                && k > from
                && k + 1 < limit
                && self.is_word(k + 1);
            if WEEKDAYS.contains(&lower.as_str())
                || AUXILIARIES.contains(&lower.as_str())
                || (PHRASE_STOPS.contains(&lower.as_str()) && !is_link)
            {
                break;
            }
            k += 1;
            if k - from > 10 {
                return None;
            }
        }
        while k > from && self.is_in(k - 1, PHRASE_LINKS) {
            k -= 1;
        }
        (k > from).then_some((from, k))
    }

    /// Whether what follows the cue (from token `k`) is an adjunct or the sentence end
    /// rather than the content of the cue.
    fn tail_is_adjunct(&self, k: usize, last: usize) -> bool {
        let k = self.skip_parenthetical(k, last);
        if k >= last {
            return true;
        }
        let w = self.lower(k);
        if w == ":" {
            return false;
        }
        // A straight quote that opens here (`told MSNBC's "Morning Joe" that`) closes
        // nothing.
        let opens_quote = self.quote_opened_at(k).is_some();
        let closing_quote = CLOSING_QUOTES.contains(&w.as_str()) && !opens_quote;
        if SENTENCE_FINAL.contains(&w.as_str()) || SEPARATORS.contains(&w.as_str()) || closing_quote
        {
            return true;
        }
        if opens_quote {
            return !self.complement_follows(k, last);
        }
        ADJUNCT_OPENERS.contains(&w.as_str()) && !self.complement_follows(k, last)
    }

    /// Whether a `that`-clause or a colon opens within a few tokens from `k`: the cue
    /// before `k` introduces content of its own.
    ///
    /// The clause ends at a separator, and a `that` after another cue (`, adding that`,
    /// `announcing that`) belongs to that cue.
    fn complement_follows(&self, k: usize, last: usize) -> bool {
        for j in k..last.min(k + 12) {
            if self.quote_around(j).is_some() {
                continue;
            }
            let w = self.word(j);
            if SEPARATORS.contains(&w)
                || SENTENCE_FINAL.contains(&w)
                || (j > k && self.is_in(j, CUE_WORDS))
            {
                return false;
            }
            if self.is_complementiser(j, last) || w == ":" {
                return true;
            }
        }
        false
    }

    /// Whether the `that` at `j` opens a reported clause: not a pronoun closing the
    /// sentence (`could change that.`) nor a relative pronoun before its verb (`the
    /// meeting that was held`).
    fn is_complementiser(&self, j: usize, last: usize) -> bool {
        self.lower(j) == "that"
            && j + 1 < last
            && self.is_word(j + 1)
            && !SENTENCE_FINAL.contains(&self.word(j + 1))
            && !self.is_in(j + 1, RELATIVE_VERBS)
    }

    /// Content that ends before the separator just before token `before`: the quotation
    /// that closes there, or the clause from the sentence start.
    fn content_before(&self, before: usize, sentence: &TokenSentence) -> Option<(usize, usize)> {
        let mut end = before;
        while end > sentence.first && SEPARATORS.contains(&self.word(end - 1)) {
            end -= 1;
        }
        if end <= sentence.first && self.quote_closed_at(end.wrapping_sub(1)).is_none() {
            return None;
        }
        let closing = end.checked_sub(1)?;
        if let Some(quote) = self.quote_closed_at(closing) {
            let start =
                if quote.open > sentence.first && !self.starts_clause(sentence.first, quote.open) {
                    self.tokens[sentence.first].start
                } else {
                    quote.start
                };
            return Some((start, quote.end));
        }
        while end > sentence.first && SEPARATORS.contains(&self.word(end - 1)) {
            end -= 1;
        }
        let mut start = sentence.first;
        // A sentence-initial adverbial clause is not part of the content only when it is
        // short and closed by a comma; keep everything else.
        if let Some(quote) = self.quote_opened_at(start) {
            start = quote.open + 1;
        }
        // `On Tuesday, Clinton said …` misread as inverted: a short opening adjunct is not
        // content.
        let words = (start..end).filter(|&k| self.is_word(k)).count();
        let adjunct = words < 8 && self.is_in(start, PREPOSITIONS_OPENING);
        (start < end && !adjunct).then(|| (self.tokens[start].start, self.tokens[end - 1].end))
    }

    /// Whether the tokens from `first` up to `open` are only punctuation (the quote starts
    /// the clause).
    fn starts_clause(&self, first: usize, open: usize) -> bool {
        (first..open).all(|k| !self.is_word(k))
    }

    /// Content that follows a cue ending at `cue_end` in the sentence.
    fn content_after(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
    ) -> Option<(usize, usize)> {
        let object_first = self.is_in(cue, OBJECT_FIRST_CUES);
        let window = if object_first { 14 } else { 10 };
        let mut start = cue_end;
        let window_end = sentence.last.min(cue_end + window);
        let mut j = cue_end;
        while j < window_end {
            let w = self.lower(j);
            if let Some(quote) = self.quote_opened_at(j) {
                if j == cue_end || self.word(j - 1) == "," || self.word(j - 1) == ":" {
                    start = j;
                    break;
                }
                // `told MSNBC's "Morning Joe" that …`: a quoted name in the listener.
                if object_first {
                    j = quote.close + 1;
                    continue;
                }
                // `called them "deplorables"`: a quote after an object is part of the
                // content, not its start.
                break;
            }
            let complementiser = self.is_complementiser(j, sentence.last);
            if complementiser || (object_first && CONTENT_OPENERS.contains(&w.as_str())) {
                start = j;
                break;
            }
            if w == ":" {
                start = j + 1;
                break;
            }
            // Another clause (`…, but he stressed that`, `…, arguing that`) has its own `that`.
            let next_clause = w == ","
                && j + 1 < sentence.last
                && (self.is_one_of(j + 1, &["but", "and", "while", "though", "although", "as"])
                    || (self.lower(j + 1).ends_with("ing") && self.is_in(j + 1, CUE_WORDS)));
            if SENTENCE_FINAL.contains(&w.as_str()) || next_clause {
                break;
            }
            j += 1;
        }
        while start < sentence.last && matches!(self.word(start), "," | ":" | "—" | "–") {
            start += 1;
        }
        let mut end = sentence.last;
        while end > start && SENTENCE_FINAL.contains(&self.word(end - 1)) {
            end -= 1;
        }
        if start >= end {
            return None;
        }
        let mut end_byte = self.tokens[end - 1].end;
        // A quotation opened in the content may run on past the sentence.
        if let Some(quote) = (start..end).find_map(|k| self.quote_opened_at(k)) {
            end_byte = end_byte.max(quote.end);
        }
        Some((self.tokens[start].start, end_byte))
    }

    /// The content introduced by a cue that ends its paragraph or sentence with a colon
    /// (`Caddell continued:`): the quotation or sentence that follows.
    fn content_following(&self, sentence_index: usize) -> Option<(usize, usize)> {
        let next = self.sentences.get(sentence_index + 1)?;
        if let Some(quote) = self.quote_opened_at(next.first) {
            return Some((quote.start, quote.end));
        }
        Some((
            self.tokens[next.first].start,
            self.tokens[next.last - 1].end,
        ))
    }

    /// Extends content that ends with a quotation over a split quote's second part
    /// (`"…," he said, "…"`) that follows the source and cue.
    fn split_quote(&self, after: usize, sentence: &TokenSentence) -> Option<&'a Quote> {
        let mut k = after;
        while k < sentence.last && self.is_word(k) {
            k += 1;
        }
        if k < sentence.last && self.word(k) == "," {
            return self.quote_opened_at(k + 1);
        }
        None
    }

    /// Frame for content before the source and cue, extended over a split quote's second
    /// part when one follows `after`.
    fn inverted_frame(
        &self,
        mut content: (usize, usize),
        source: TokenRange,
        cue: TokenRange,
        after: usize,
        sentence: &TokenSentence,
    ) -> Frame {
        let mut gap = None;
        if let Some(second) = self.split_quote(after, sentence) {
            gap = Some((content.1, second.start));
            content.1 = second.end;
        }
        Frame {
            content,
            source: Some(source),
            cue: Some(cue),
            continues: None,
            gap,
        }
    }

    fn frame_at(&self, cue: usize, cue_end: usize, si: usize) -> Option<Frame> {
        let sentence = &self.sentences[si];
        let frame = |content, source, cue_range| Frame {
            content,
            source,
            cue: Some(cue_range),
            continues: None,
            gap: None,
        };
        if self.lower(cue) == "according" {
            let source = self.phrase_after(cue_end, sentence.last)?;
            let opening = cue == sentence.first
                || OPENING_QUOTES.contains(&self.word(cue - 1))
                || self.is_one_of(cue - 1, &["and", "but"]);
            let content = if opening {
                let comma = (source.1..sentence.last).find(|&k| self.word(k) == ",")?;
                let rest = TokenSentence {
                    first: comma + 1,
                    ..*sentence
                };
                self.content_after(comma, comma + 1, &rest)?
            } else {
                self.content_before(cue, sentence)?
            };
            return Some(frame(content, Some(source), (cue, cue_end)));
        }
        if self.is_in(cue, COLON_ONLY_CUES) && cue_end < sentence.last && self.word(cue_end) != ":"
        {
            return None;
        }
        // `…, arguing that …`: a participle after a comma reports the clause's subject.
        if self.lower(cue).ends_with("ing") && cue > sentence.first && self.word(cue - 1) == "," {
            let subject = self.phrase_starting_sentence(sentence)?;
            let content = self.content_after(cue, cue_end, sentence)?;
            return Some(frame(content, Some(subject), (cue, cue_end)));
        }
        if let Some(source) = self.subject_before(cue, sentence.first) {
            // `If Kiev wanted to announce …`: a condition reports no one's claim.
            if source.0 > sentence.first
                && self.is_one_of(source.0 - 1, &["if", "unless", "whether"])
            {
                return None;
            }
            let before_source = source.0.checked_sub(1).filter(|&b| b >= sentence.first);
            let after_separator = before_source.is_some_and(|b| {
                SEPARATORS.contains(&self.word(b)) || CLOSING_QUOTES.contains(&self.word(b))
            });
            let mut tail = cue_end;
            if self.is_in(cue, OBJECT_FIRST_CUES) {
                if cue_end < sentence.last && self.is_in(cue_end, OBJECT_PRONOUNS) {
                    tail = cue_end + 1;
                } else if let Some(object) = self.phrase_after(cue_end, sentence.last) {
                    tail = object.1;
                }
            }
            // `"…," she said several months later`: a quotation that ends in a comma
            // before its source is the content whatever follows the cue.
            let after_open_quote = before_source.is_some_and(|b| {
                CLOSING_QUOTES.contains(&self.word(b))
                    && b > sentence.first
                    && matches!(self.word(b - 1), "," | "?" | "!")
            }) && !self.complement_follows(tail, sentence.last);
            if after_separator
                && self.is_in(cue, INVERTING_CUES)
                && (self.tail_is_adjunct(tail, sentence.last) || after_open_quote)
            {
                // Without content before it (`As a phone rang, the announcer said, "…"`),
                // the report is not inverted after all.
                if let Some(content) = self.content_before(source.0, sentence) {
                    return Some(self.inverted_frame(
                        content,
                        source,
                        (cue, cue_end),
                        cue_end,
                        sentence,
                    ));
                }
            }
            if let Some(content) = self.content_after(cue, cue_end, sentence) {
                return Some(frame(content, Some(source), (cue, cue_end)));
            }
            // `Kuleba said:` ending a paragraph, or `Kuleba said.` after a quoted sentence.
            let ends_with_colon = (cue_end..sentence.last).any(|k| self.word(k) == ":");
            if ends_with_colon {
                return Some(frame(
                    self.content_following(si)?,
                    Some(source),
                    (cue, cue_end),
                ));
            }
            if source.0 == sentence.first && sentence.first > 0 {
                if let Some(quote) = self.quote_closed_at(sentence.first - 1) {
                    return Some(frame(
                        (quote.start, quote.end),
                        Some(source),
                        (cue, cue_end),
                    ));
                }
            }
            return None;
        }
        let before = cue.checked_sub(1).filter(|&b| b >= sentence.first)?;
        let inverted =
            SEPARATORS.contains(&self.word(before)) || CLOSING_QUOTES.contains(&self.word(before));
        if !inverted || !self.is_in(cue, INVERTING_CUES) {
            return None;
        }
        let source = self.phrase_after(cue_end, sentence.last)?;
        if !self.tail_is_adjunct(source.1, sentence.last) {
            return None;
        }
        let content = self.content_before(cue, sentence)?;
        Some(self.inverted_frame(content, source, (cue, cue_end), source.1, sentence))
    }

    /// A finite verb right after a named or pronoun subject (`Trump still ducks on taxes`):
    /// annotation in the PolNeAR style counts such stances as attributed content.
    fn stance_verb_at(&self, i: usize, first: usize) -> Option<usize> {
        let w = self.word(i);
        let lower = self.lower(i);
        let looks_finite = w.chars().next().is_some_and(char::is_lowercase)
            && w.len() > 3
            && (lower.ends_with("ed") || (lower.ends_with('s') && !lower.ends_with("ss")))
            && !PHRASE_STOPS.contains(&lower.as_str())
            && !AUXILIARIES.contains(&lower.as_str());
        if !looks_finite || i == first {
            return None;
        }
        let subject = i - 1;
        let starts_sentence = self
            .subject_before(i, first)
            .is_some_and(|(start, end)| start == first && end == i);
        if !starts_sentence {
            return None;
        }
        let s = self.word(subject);
        let pronoun = self.is_in(subject, PERSON_PRONOUNS) || self.is_one_of(subject, &["they"]);
        let words: Vec<&str> = (first..i).map(|k| self.word(k)).collect();
        // One capitalised word opening a sentence is as likely a common noun as a name.
        let possessive = s.ends_with("'s") || s.ends_with("’s");
        let named = words.len() >= 2
            && !possessive
            && !DETERMINERS_CAPITALISED.contains(&s)
            && !is_time_word(&s.to_lowercase())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && matches!(
                classify(&words),
                Mention::Person { .. } | Mention::Organisation { .. }
            );
        // A lone surname of someone the article names in full (`Caddell questioned …`).
        let known_surname = words.len() == 1 && self.surnames.contains(s);
        (named || pronoun || known_surname).then_some(i + 1)
    }

    /// `Cruz exhorted Republicans to … and said he was …`: a cue joined by `and` or `but`,
    /// or a participle after a comma, shares the source of an earlier report of the same
    /// sentence.
    fn coordinated_frame(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
        frames: &[Frame],
    ) -> Option<Frame> {
        if cue <= sentence.first {
            return None;
        }
        // `"…," the businessman said, arguing that …` and `she said at a news conference
        // announcing that …`: a participle too.
        let participle = self.lower(cue).ends_with("ing")
            && (self.word(cue - 1) == "," || self.complement_follows(cue + 1, sentence.last));
        if !(self.is_in(cue - 1, COORDINATORS) || participle) {
            return None;
        }
        let sentence_start = self.tokens[sentence.first].start;
        let earlier = frames.iter().rev().find(|f| {
            f.cue
                .is_some_and(|(start, _)| start >= sentence.first && start < cue)
                && f.source.is_some()
                && f.content.0 >= sentence_start
        })?;
        let content = self.content_after(cue, cue_end, sentence)?;
        Some(Frame {
            content,
            source: earlier.source,
            cue: Some((cue, cue_end)),
            continues: None,
            gap: None,
        })
    }

    /// A quotation signed with a dash: `"…" ― Beck Pimentel`.
    fn dash_signature_frames(&self, sentence: &TokenSentence) -> Vec<Frame> {
        let mut frames = Vec::new();
        for dash in sentence.first + 1..sentence.last {
            if !matches!(self.word(dash), "―" | "—" | "--" | "–") {
                continue;
            }
            let Some(quote) = self.quote_closed_at(dash - 1) else {
                continue;
            };
            let Some(source) = self.phrase_after(dash + 1, sentence.last) else {
                continue;
            };
            let signed = self.is_capitalised(source.0)
                && (source.1 >= sentence.last || !self.is_word(source.1));
            if signed {
                frames.push(Frame {
                    content: (quote.start, quote.end),
                    source: Some(source),
                    cue: Some((dash, dash + 1)),
                    continues: None,
                    gap: None,
                });
            }
        }
        frames
    }

    /// `NAME: …` at the start of a paragraph (transcripts, headlines).
    fn label_frame(&self, si: usize) -> Option<Frame> {
        let sentence = &self.sentences[si];
        let starts_paragraph = si == 0 || self.sentences[si - 1].paragraph != sentence.paragraph;
        let mut first = sentence.first;
        if OPENING_QUOTES.contains(&self.word(first)) {
            first += 1;
        }
        let colon = (first..sentence.last.min(first + 4)).find(|&k| self.word(k) == ":")?;
        // `Said Ellis: "…"`: a fronted cue, then the name; it may follow other sentences of
        // its paragraph.
        let fronted_cue = colon == first + 2 && self.is_in(first, FRONTED_CUES);
        let fronted_in_paragraph = fronted_cue && first == sentence.first;
        if !(starts_paragraph || fronted_in_paragraph) {
            return None;
        }
        let label_ok = colon > first
            && colon - first <= 2
            && !self.is_in(first, NOT_LABELS)
            && (first..colon).all(|k| self.is_word(k) && self.is_capitalised(k));
        if !label_ok {
            return None;
        }
        // A label opening a paragraph speaks to its end; one inside a paragraph, to the
        // end of its sentence.
        let content_last = if starts_paragraph {
            self.sentences[si..]
                .iter()
                .take_while(|s| s.paragraph == sentence.paragraph)
                .last()
                .map_or(sentence.last, |s| s.last)
        } else {
            sentence.last
        };
        let start = colon + 1;
        if start >= content_last {
            return None;
        }
        Some(Frame {
            content: (self.tokens[start].start, self.tokens[content_last - 1].end),
            source: Some((first + usize::from(fronted_cue), colon)),
            cue: Some(if fronted_cue {
                (first, first + 1)
            } else {
                (colon, colon + 1)
            }),
            continues: None,
            gap: None,
        })
    }
}

/// Finds every attribution frame of the document.
pub fn find_frames(doc: &Document) -> Vec<Frame> {
    let mut frames = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if let Some(frame) = doc.label_frame(si) {
            frames.push(frame);
        }
        frames.extend(doc.dash_signature_frames(sentence));
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
                        doc.coordinated_frame(i, cue_end, sentence, &frames)
                            .or_else(|| doc.frame_at(i, cue_end, si))
                    } else {
                        doc.frame_at(i, cue_end, si)
                            .or_else(|| doc.coordinated_frame(i, cue_end, sentence, &frames))
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
    add_continued_quotes(doc, &mut frames);
    frames
}

/// `Kuleba said A, but he stressed that B` or `Perdue said A, arguing that B`: the first
/// content ends before the coordinated report or the participle cue of the second, which
/// is a claim of its own.
fn end_contents_at_coordinated_reports(doc: &Document, frames: &mut [Frame]) {
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
            coordinated.then_some(start - 2)
        });
    // A participle cue after a separator (`, arguing that`) opens a report of its own, as
    // does a cue joined by a conjunction (`… and said he was …`).
    let participles = frames
        .iter()
        .filter_map(|f| f.cue)
        .filter_map(|(start, _)| {
            let participle = doc.is_word(start) && doc.lower(start).ends_with("ing");
            if participle && separated(start) {
                return Some(start - 1);
            }
            let coordinated = start >= 1 && doc.is_in(start - 1, COORDINATORS);
            coordinated.then(|| {
                if separated(start - 1) {
                    start - 2
                } else {
                    start - 1
                }
            })
        });
    let cuts: Vec<usize> = coordinated_sources
        .chain(participles)
        .map(|separator| doc.tokens[separator].start)
        .collect();
    for frame in frames.iter_mut() {
        let cut = cuts
            .iter()
            .copied()
            .filter(|&byte| frame.content.0 < byte && byte < frame.content.1)
            .min();
        if let Some(byte) = cut {
            frame.content.1 = byte;
        }
    }
}

/// Quotations no cue claims that follow a quoted frame in the same paragraph, or fill a
/// paragraph after one, continue that frame's speaker.
fn add_continued_quotes(doc: &Document, frames: &mut Vec<Frame>) {
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

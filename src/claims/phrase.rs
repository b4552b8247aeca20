//! Phrase helpers the rules share: the subject before a cue, the noun phrase after one,
//! whether what follows a cue is an adjunct or a complement, and the content before or
//! after a cue. They work on token indices of one sentence and never cross its bounds.

use super::document::{is_pronoun, strip_contracted_auxiliary, Document, TokenRange};
use super::lexicon::is_time_word;
use super::lexicon::{
    ADJUNCT_OPENERS, AUXILIARIES, CLAUSE_SUBORDINATORS, CLOSING_QUOTES, CONTENT_OPENERS,
    COORDINATORS, CUE_WORDS, DETERMINERS, FEMALE_FIRST_NAMES, FINITE_AUXILIARIES,
    FIRST_PERSON_PRONOUNS, GROUP_PRONOUNS, IRREGULAR_PAST, MALE_FIRST_NAMES, MONTHS, NOUN_MARKERS,
    NO_CLAUSE_CUES, OBJECT_FIRST_CUES, PERSON_PRONOUNS, PHRASE_LINKS, PHRASE_STOPS,
    POSSESSIVE_DETERMINERS, POSTMODIFIERS, POST_HEAD_PARTICIPLES, PREPOSITIONS,
    PREPOSITIONS_OPENING, RELATIVE_VERBS, SENTENCE_ADVERBS, SENTENCE_FINAL, SEPARATORS,
    SPEECH_CUES, SUBJECT_MODIFIER_PREPOSITIONS, SUBJECT_PARTICIPLES, TIME_ADJUNCT_OPENERS,
    TITLE_PARTICIPLES, WEEKDAYS,
};
use crate::segment::TokenSentence;

impl Document<'_> {
    /// The subject noun phrase that ends just before token `cue` (auxiliaries skipped).
    pub(crate) fn subject_before(&self, cue: usize, first: usize) -> Option<TokenRange> {
        let mut j = self.before_auxiliaries(cue, first);
        // `Nearly nine out of 10 say`: the proportion's last number is no time adjunct. A
        // word right after it that is no cue is its noun or participle (`One in four
        // voters`, `Thirty-one percent of those surveyed`).
        if let Some(subject) = self.proportion_subject(j, first) {
            let verb_follows = j < cue || self.is_in(cue, CUE_WORDS);
            return (verb_follows && !self.is_passive(j, cue)).then_some(subject);
        }
        loop {
            // A time adjunct between subject and verb: `Axelrod on Wednesday called`.
            let time_end = j;
            while j > first && self.is_time(j - 1) && !self.opening_name(j - 1, first) {
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
            j = self.before_auxiliaries(j, first);
        }
        if j == first || self.is_passive(j, cue) {
            return None;
        }
        // `Rep. Jason Chaffetz (R-Utah) said`: the parenthetical belongs to the source.
        let inner_end = self.skip_parenthetical_back(j, first);
        if inner_end < j {
            return self.phrase_ending_at(inner_end, first).map(|(s, _)| (s, j));
        }
        // `Joyce — who is listed as an attorney — told …`: an aside between dashes describes
        // the subject before it.
        if let Some(open) = self.dash_aside_back(j, first) {
            return self
                .phrase_ending_at(open, first)
                .filter(|&(_, e)| e == open)
                .map(|phrase| self.extend_over_modifiers(phrase, first));
        }
        let end = j;
        let last = self.lower(end - 1);
        // `Most of them said …`, `…, many of whom say …`: a quantifier of a pronoun is the
        // group it picks out; not before a participle (`families, most of them seeking
        // asylum`).
        let of_pronoun = matches!(last.as_str(), "them" | "us" | "whom")
            && end >= first + 3
            && self.lower(end - 2) == "of"
            && !self.lower(cue).ends_with("ing");
        if of_pronoun && self.is_clause_opening_quantifier(end - 3, first) {
            return Some((end - 3, end));
        }
        // `He’s claiming that …`: the pronoun carries its auxiliary.
        if is_pronoun(strip_contracted_auxiliary(&last)) {
            return Some((end - 1, end));
        }
        // `some economists who argue that …`: the relative pronoun speaks for the short
        // phrase before it, which the mention takes in; not for the last item of a list
        // (`racist, misogynist and birther who`).
        if last == "who" && end - 1 > first {
            const MAX_ANTECEDENT_WORDS: usize = 3;
            let antecedent = self.phrase_ending_at(end - 1, first).filter(|&(start, e)| {
                e == end - 1
                    && e - start <= MAX_ANTECEDENT_WORDS
                    && (start == first || self.word(start - 1) != ",")
                    && !(start..e).any(|k| self.is_in(k, COORDINATORS))
            });
            if let Some((start, _)) = antecedent {
                return Some((start, end));
            }
        }
        if self.is_clause_opening_quantifier(end - 1, first) {
            return self.quantifier_subject(end - 1, cue);
        }
        if let Some(subject) = self.post_head_subject(end, first) {
            return Some(subject);
        }
        // `Veterans interviewed at the rally said`: the participle describes the subject
        // before it, and in `the delegation at the talks said` a word right after a
        // determiner is a noun: neither is the verb of the phrase before it.
        let after_determiner =
            self.is_in(end - 1, DETERMINERS) || self.is_in(end - 1, NOUN_MARKERS);
        if end == cue && (after_determiner || self.is_post_head_modifier(cue)) {
            return None;
        }
        if let Some(subject) = self.restricted_subject(end, first) {
            return Some(subject);
        }
        if let Some(phrase) = self.phrase_ending_at(end, first) {
            return Some(self.extend_over_modifiers(phrase, first));
        }
        if end > first + 2 && self.word(end - 1) == "," {
            if let Some(subject) = self.appositive_subject(end, first) {
                return Some(subject);
            }
        }
        self.relative_subject(end, first)
    }

    /// `A Republican who spoke on condition of anonymity said …`: a short phrase opening
    /// the sentence, restricted by a relative clause that runs up to the verb (a comma may
    /// close it); the source spans the phrase and `who`.
    fn restricted_subject(&self, end: usize, first: usize) -> Option<TokenRange> {
        const MAX_HEAD_TOKENS: usize = 4;
        const MAX_CLAUSE_TOKENS: usize = 20;
        let who =
            (first + 1..end.min(first + MAX_HEAD_TOKENS + 1)).find(|&k| self.lower(k) == "who")?;
        let clause_end = if self.word(end - 1) == "," {
            end - 1
        } else {
            end
        };
        let plain_clause = clause_end > who + 1
            && clause_end - who <= MAX_CLAUSE_TOKENS
            && (who + 1..clause_end).all(|k| {
                self.is_word(k)
                    && !self.is_in(k, CUE_WORDS)
                    && self.quote_around(k).is_none()
                    && self.lower(k) != "who"
            });
        let head = self.phrase_ending_at(who, first)?;
        (plain_clause && head == (first, who)).then_some((first, who + 1))
    }

    /// Whether token `k` is a capitalised month or first name opening the sentence: before
    /// a verb it is a surname (`May said`, `Will said`), not a time or an auxiliary.
    fn opening_name(&self, k: usize, first: usize) -> bool {
        k == first
            && self.is_capitalised(k)
            && [MONTHS, MALE_FIRST_NAMES, FEMALE_FIRST_NAMES]
                .iter()
                .any(|list| self.is_in(k, list))
    }

    /// The token before which the auxiliaries and adverbs that end at `end` start.
    fn before_auxiliaries(&self, end: usize, first: usize) -> usize {
        let skippable = |k: usize| {
            (self.is_in(k, AUXILIARIES) || self.is_adverb(k)) && !self.opening_name(k, first)
        };
        let mut j = end;
        while j > first && skippable(j - 1) {
            j -= 1;
        }
        j
    }

    /// Whether the cue at `cue`, after the words from `j`, is a passive participle (`was
    /// rejected`): its subject is no source.
    pub(crate) fn is_passive(&self, j: usize, cue: usize) -> bool {
        (j..cue).any(|k| self.is_one_of(k, &["was", "were", "been", "being", "be", "is", "are"]))
            && self.lower(cue).ends_with("ed")
    }

    /// A sentence-opening subject described after its head: `Those surveyed`, `People
    /// briefed on the move`, `Veterans interviewed at the rally`, `Those close to him`:
    /// the head, a participle or adjective that follows heads, and the words it governs,
    /// up to `end`.
    fn post_head_subject(&self, end: usize, first: usize) -> Option<TokenRange> {
        const MAX_GOVERNED_WORDS: usize = 10;
        (first + 1..end)
            .rev()
            .take(MAX_GOVERNED_WORDS + 1)
            .take_while(|&k| self.is_word(k) && !self.is_in(k, AUXILIARIES))
            .filter(|&k| self.is_post_head_modifier(k))
            .find_map(|modifier| self.subject_described_by(modifier, end, first))
    }

    /// The subject from `first` to `end` when the modifier at `modifier` describes the head
    /// phrase that opens the sentence and governs the words up to `end`.
    fn subject_described_by(
        &self,
        modifier: usize,
        end: usize,
        first: usize,
    ) -> Option<TokenRange> {
        let governed = modifier + 1..end;
        // A present participle governs an object too (`Democrats trying to regain
        // control of the Senate say`).
        let opens_phrase = self.is_in(modifier + 1, PREPOSITIONS)
            || self.is_in(modifier + 1, SUBJECT_MODIFIER_PREPOSITIONS)
            || self.is_present_participle(modifier);
        // The governed words hold no verb or clause of their own (`The report of Tyson
        // appearing at the convention sparked backlash from members`).
        let no_verb = |k: usize| {
            !self.is_in(k, CUE_WORDS)
                && !self.is_in(k, COORDINATORS)
                && !self.lower(k).ends_with("ed")
        };
        let governs_a_phrase =
            governed.is_empty() || (opens_phrase && governed.clone().all(no_verb));
        if !governs_a_phrase || self.quote_around(modifier).is_some() {
            return None;
        }
        let head_start = if self.lower(modifier - 1) == "those" {
            modifier - 1
        } else {
            self.phrase_ending_at(modifier, first)?.0
        };
        (head_start == first).then_some((head_start, end))
    }

    /// Whether token `k` is a lower-case participle or adjective that follows the head it
    /// describes (`surveyed`, `briefed`, `close`, `familiar`).
    fn is_post_head_modifier(&self, k: usize) -> bool {
        self.word(k).starts_with(char::is_lowercase)
            && (self.is_in(k, POST_HEAD_PARTICIPLES)
                || self.is_in(k, POSTMODIFIERS)
                || self.is_present_participle(k))
    }

    /// A lower-case `-ing` word after a noun that is no cue and no hyphenated adjective
    /// (`trying`, `living`; not `saying`, `talking about`, `conservative-leaning`, nor
    /// the verb of `He’s comparing`).
    fn is_present_participle(&self, k: usize) -> bool {
        let word = self.word(k);
        // After a preposition or a determiner it is a noun (`opponents of allowing`).
        let after_noun = k > 0
            && !self.word(k - 1).contains(['\'', '’'])
            && !self.is_in(k - 1, PHRASE_STOPS)
            && !self.is_in(k - 1, PREPOSITIONS)
            && !self.is_in(k - 1, NOUN_MARKERS);
        word.starts_with(char::is_lowercase)
            && word.len() > 5
            && word.ends_with("ing")
            && !word.contains('-')
            && after_noun
            && self.cue_at(k, self.tokens.len()).is_none()
    }

    /// An appositive between commas: `Rendell, a Clinton surrogate, said`; the source
    /// spans the name and the appositive. `end` is just after the closing comma.
    fn appositive_subject(&self, end: usize, first: usize) -> Option<TokenRange> {
        // Appositives may hold commas themselves (`Donna Rawlings, 59, of Ashton, Md.,
        // said`): prefer the farthest name that opens its clause.
        let mut nearest = None;
        let mut farthest_opening = None;
        for comma in (first.max(end.saturating_sub(26))..end - 1).rev() {
            let w = self.word(comma);
            // `the No. 2 Republican`: the dot of a number's abbreviation ends nothing.
            let number_dot = w == "."
                && comma > first
                && self.lower(comma - 1) == "no"
                && self
                    .word(comma + 1)
                    .starts_with(|c: char| c.is_ascii_digit());
            // `a contestant on the show "The Apprentice," who …`: a quoted title is part of
            // the appositive.
            let quoted_title = self
                .quote_closed_at(comma)
                .is_some_and(|quote| self.quoted_title_at(quote.open).is_some())
                || self.quoted_title_at(comma).is_some();
            if (CLOSING_QUOTES.contains(&w) || SENTENCE_FINAL.contains(&w))
                && !number_dot
                && !quoted_title
            {
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
            // `Rep. Jim Jordan (R-Ohio), an oversight panel member, said`.
            let name_end = self.skip_parenthetical_back(comma, first);
            let Some((start, _)) = self.phrase_ending_at(name_end, first) else {
                continue;
            };
            // `an intelligence source, who was not authorized to speak, told …`: a relative
            // clause may describe a description too.
            let relative = self.is_one_of(comma + 1, &["who"]);
            if !self.is_capitalised(start) && !relative {
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
        None
    }

    /// A relative clause hangs on the phrase before it: `Trump, who said …`; the source
    /// spans the antecedent and `who`, both of which name the speaker.
    fn relative_subject(&self, end: usize, first: usize) -> Option<TokenRange> {
        if !(end > first && self.lower(end - 1) == "who") {
            return None;
        }
        let antecedent = match end.checked_sub(2) {
            Some(comma) if comma > first && self.word(comma) == "," => {
                self.phrase_ending_at(comma, first)
            }
            _ => None,
        };
        Some((antecedent.map_or(end - 1, |(s, _)| s), end))
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
        // `Many speakers at the service said`: a quantifier before the modified head opens
        // the subject.
        let modified = start < phrase.0;
        if modified && start == first + 1 && self.is_clause_opening_quantifier(first, first) {
            start = first;
        }
        // `…, people close to Clinton say.`: after a separator the subject opens a clause,
        // when no verb lies inside (`a group … sent a letter to the board urging …`).
        let opens_clause = start > first
            && SEPARATORS.contains(&self.word(start - 1))
            && (start..phrase.0).all(|k| !self.looks_like_verb(k));
        if start == first || (start < phrase.0 && opens_clause) {
            (start, phrase.1)
        } else {
            phrase
        }
    }

    /// Whether token `k` is a lower-case word that reads as a finite verb: a cue, a past
    /// form or a third-person form (`sent`, `plans`, `uses`).
    fn looks_like_verb(&self, k: usize) -> bool {
        let lower = self.lower(k);
        let third_person = lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 3;
        self.is_past_or_cue(k)
            || (self.word(k).starts_with(char::is_lowercase)
                && third_person
                && self.is_in(k + 1, DETERMINERS))
    }

    /// Whether token `k` is a lower-case cue word or past form (`said`, `sent`, `urged`),
    /// the verbs the rules look for before a report.
    pub(crate) fn is_past_or_cue(&self, k: usize) -> bool {
        let lower = self.lower(k);
        self.word(k).starts_with(char::is_lowercase)
            && (CUE_WORDS.contains(&lower.as_str())
                || IRREGULAR_PAST.contains(&lower.as_str())
                || lower.ends_with("ed"))
    }

    /// The noun phrase that ends just before token `end`, going back no further than
    /// `first`.
    pub(crate) fn phrase_ending_at(&self, end: usize, first: usize) -> Option<TokenRange> {
        let mut start = end;
        while start > first {
            let k = start - 1;
            let lower = self.lower(k);
            let is_verb = self.word(k).chars().next().is_some_and(char::is_lowercase)
                && (lower.ends_with("ed") || CUE_WORDS.contains(&lower.as_str()))
                && !TITLE_PARTICIPLES.contains(&lower.as_str());
            let joins_phrase = self.opening_name(k, first)
                || self.is_word(k)
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
    /// reporting lexicon or a past-tense verb (`Clinton criticized …, arguing …`, `The
    /// businessman spoke in Iowa, saying …`).
    pub(crate) fn phrase_starting_sentence(
        &self,
        sentence: &TokenSentence,
        participle: usize,
    ) -> Option<TokenRange> {
        const MAX_ADJUNCT_TOKENS: usize = 16;
        let first = self.main_clause_start(sentence);
        if let Some(subject) = self.subject_opening(first, participle) {
            return Some(subject);
        }
        // `At an event in Ames, Iowa, on Sunday, Mrs. Clinton tried …`, `Here in Columbia,
        // Sanders stepped up …`: an opening adjunct with commas of its own, or one that
        // opens with no preposition; it holds no verb.
        let limit = sentence.last.min(sentence.first + MAX_ADJUNCT_TOKENS);
        (first + 1..limit)
            .filter(|&k| self.word(k) == ",")
            .take_while(|&comma| (first..comma).all(|k| !self.is_verb_of_clause(k)))
            .find_map(|comma| self.subject_opening(comma + 1, participle))
    }

    /// The subject that starts at `first` and precedes the clause's verb, which comes
    /// before the participle at `participle`.
    fn subject_opening(&self, first: usize, participle: usize) -> Option<TokenRange> {
        let verb = (first..participle.min(first + 12)).find(|&k| self.is_verb_of_clause(k))?;
        // The subject may leave out a determiner that opens it (`His chief aide`).
        self.subject_before(verb, first).filter(|&(start, _)| {
            start == first || (start == first + 1 && self.is_in(first, NOUN_MARKERS))
        })
    }

    /// Whether token `k` can be the verb of a clause that a participle after it shares: a
    /// cue, a past verb, or an auxiliary before a participle or, after `did`, a bare verb
    /// (`The senator did give Trump some credit, saying …`).
    fn is_verb_of_clause(&self, k: usize) -> bool {
        let w = self.lower(k);
        // `Democrats are drawing blueprints …, saying …`
        let auxiliary = self.word(k).starts_with(char::is_lowercase)
            && FINITE_AUXILIARIES.contains(&w.as_str())
            && (self.participle_after(k) || matches!(w.as_str(), "did" | "does"));
        !TITLE_PARTICIPLES.contains(&w.as_str()) && (self.is_past_or_cue(k) || auxiliary)
    }

    /// Whether a verb's participle follows the auxiliary at `k` (`are drawing`, `has
    /// rescinded`), not its bare form (`will meet`), which a report after it does not
    /// share.
    fn participle_after(&self, k: usize) -> bool {
        let next = self.lower(k + 1);
        next.ends_with("ing") || next.ends_with("ed") || IRREGULAR_PAST.contains(&next.as_str())
    }

    /// Where a sentence's main clause starts: after an opening adjunct and its comma, one
    /// that opens with a preposition (`In a victory speech on Tuesday night, Mr. Trump
    /// struck …`) or a participle (`Speaking at a rally, Trump went after Bush, …`) or is
    /// a sentence adverb (`However, he held his fire, …`); else at the sentence's first token,
    /// so a name before a comma (`Christie, New Jersey's governor, …`) stays the subject.
    fn main_clause_start(&self, sentence: &TokenSentence) -> usize {
        const MAX_ADJUNCT_TOKENS: usize = 16;
        let first = sentence.first;
        let one_word = first + 1 < sentence.last
            && self.word(first + 1) == ","
            && (self.is_in(first, SENTENCE_ADVERBS)
                || self.lower(first).ends_with("ly")
                || self.is_in(first, WEEKDAYS));
        let adjunct = self.is_in(first, PREPOSITIONS_OPENING)
            || (self.is_word(first) && self.lower(first).ends_with("ing"))
            || one_word;
        if !adjunct {
            return sentence.first;
        }
        (sentence.first + 1..sentence.last.min(sentence.first + MAX_ADJUNCT_TOKENS))
            .find(|&k| self.word(k) == ",")
            .map_or(sentence.first, |comma| comma + 1)
    }

    /// The noun phrase that starts at token `from` (after an inverted cue or `according to`).
    pub(crate) fn phrase_after(&self, from: usize, limit: usize) -> Option<TokenRange> {
        let mut k = from;
        if k < limit && self.is_word(k) {
            let lower = self.lower(k);
            let pronouns = [PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON_PRONOUNS];
            if pronouns.iter().any(|list| list.contains(&lower.as_str())) {
                return Some((k, k + 1));
            }
        }
        // `9/11 widow Terry Strada`: a slash joins the words of one modifier.
        let slash_joined =
            |k: usize| k > from && k + 1 < limit && self.word(k) == "/" && self.is_word(k + 1);
        while k < limit && (self.is_word(k) || slash_joined(k)) && self.quote_around(k).is_none() {
            let lower = self.lower(k);
            let is_link = PHRASE_LINKS.contains(&lower.as_str())
                && k > from
                && k + 1 < limit
                && self.is_word(k + 1);
            // `said his best friend`, `say some Democrats`: a possessive or a quantifier
            // opens the phrase after a cue.
            let opening_possessive = k == from
                && k + 1 < limit
                && self.is_word(k + 1)
                && (POSSESSIVE_DETERMINERS.contains(&lower.as_str())
                    || DETERMINERS.contains(&lower.as_str()));
            if WEEKDAYS.contains(&lower.as_str())
                || AUXILIARIES.contains(&lower.as_str())
                || (PHRASE_STOPS.contains(&lower.as_str()) && !is_link && !opening_possessive)
            {
                break;
            }
            k += 1;
            // Ten words at most; the slash of `Times/CBS` is none.
            if (from..k).filter(|&j| self.is_word(j)).count() > 10 {
                return None;
            }
        }
        while k > from && self.is_in(k - 1, PHRASE_LINKS) {
            k -= 1;
        }
        (k > from).then_some((from, k))
    }

    /// Where a source phrase `from..end` stops before what dates it: a reduced relative or
    /// a time adjunct after its first word (`a CBS News poll released Monday`, `a Gallup
    /// poll taken last week`, `an interview at the time`), and the link words left before
    /// it; `end` when nothing dates it. A year inside the phrase is its modifier (`a 2013
    /// study`).
    pub(crate) fn end_before_date(&self, from: usize, end: usize) -> usize {
        let dates = |k: usize| {
            self.is_in(k, SUBJECT_PARTICIPLES)
                || is_time_word(&self.lower(k))
                || (self.is_in(k, TIME_ADJUNCT_OPENERS) && k + 1 < end && self.is_time(k + 1))
        };
        let Some(mut k) = (from + 1..end).find(|&k| dates(k)) else {
            return end;
        };
        while k > from + 1 && self.is_in(k - 1, PHRASE_LINKS) {
            k -= 1;
        }
        k
    }

    /// Whether what follows the cue (from token `k`) is an adjunct or the sentence end
    /// rather than the content of the cue.
    pub(crate) fn tail_is_adjunct(&self, k: usize, last: usize) -> bool {
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
    pub(crate) fn complement_follows(&self, k: usize, last: usize) -> bool {
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
            if self.is_complementiser(j, k, last) || w == ":" {
                return true;
            }
        }
        false
    }

    /// Whether the `that` at `j`, after a cue ending at `cue_end`, opens a reported clause:
    /// not a pronoun closing the sentence (`could change that.`) nor a relative pronoun
    /// before its verb (`the meeting that was held`, `said in a documentary that showed`).
    fn is_complementiser(&self, j: usize, cue_end: usize, last: usize) -> bool {
        let next = j + 1;
        let relative_past = j > cue_end
            && next < last
            && self.word(next).starts_with(char::is_lowercase)
            && self.lower(next).ends_with("ed")
            && self.word(next).len() > 4
            // `that armed groups attacked`: an -ed adjective before a plural noun.
            && !(next + 1 < last && self.lower(next + 1).ends_with('s'));
        // `said … that "a bomb" had gone off`: a quotation may open the clause.
        let clause_start = if self.quote_opened_at(next).is_some() {
            next + 1
        } else {
            next
        };
        self.lower(j) == "that"
            && clause_start < last
            && self.is_word(clause_start)
            && !SENTENCE_FINAL.contains(&self.word(next))
            && !self.is_in(next, RELATIVE_VERBS)
            && !relative_past
    }

    /// Content that ends before the separator just before token `before`: the quotation
    /// that closes there, or the clause from the sentence start.
    pub(crate) fn content_before(
        &self,
        before: usize,
        sentence: &TokenSentence,
    ) -> Option<(usize, usize)> {
        let mut end = before;
        while end > sentence.first && SEPARATORS.contains(&self.word(end - 1)) {
            end -= 1;
        }
        if end <= sentence.first && self.quote_closed_at(end.wrapping_sub(1)).is_none() {
            return None;
        }
        let closing = end.checked_sub(1)?;
        if let Some(quote) = self.quote_closed_at(closing) {
            if quote.open > sentence.first && !self.starts_clause(sentence.first, quote.open) {
                // `In an interview on CBS's "Face the Nation," Ryan said …`: a title quoted in
                // an opening adjunct is no content.
                const MAX_TITLE_TOKENS: usize = 8;
                let in_adjunct = self.is_in(sentence.first, PREPOSITIONS_OPENING)
                    && self.is_opening_adjunct(sentence.first, quote.open)
                    && quote.close - quote.open <= MAX_TITLE_TOKENS;
                return (!in_adjunct).then(|| (self.tokens[sentence.first].start, quote.end));
            }
            return Some((quote.start, quote.end));
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
        // `On Tuesday, Clinton said …` misread as inverted: an opening adjunct is not content,
        // after a conjunction too (`But in recent days, advisers say, …`).
        let opener = if self.is_in(start, COORDINATORS) && start + 1 < end {
            start + 1
        } else {
            start
        };
        let adjunct =
            self.is_in(opener, PREPOSITIONS_OPENING) && self.is_opening_adjunct(opener, end);
        (start < end && !adjunct).then(|| (self.tokens[start].start, self.tokens[end - 1].end))
    }

    /// Whether the tokens `start..end`, opened by a preposition, are an adjunct rather than a
    /// clause: short, or (`During his seven and a half years in office, Mr. Obama said, …`)
    /// one phrase without a comma or a finite verb; never with a finite auxiliary.
    fn is_opening_adjunct(&self, start: usize, end: usize) -> bool {
        const SHORT_WORDS: usize = 8;
        const MAX_PHRASE_WORDS: usize = 20;
        let words = (start..end).filter(|&k| self.is_word(k)).count();
        // `In Iowa, Trump is in first, according to …`: a finite auxiliary after a
        // preposition makes a clause; after a subordinator (`While Democrats have pushed
        // …,`) the clause is the adjunct.
        let subordinate = self.is_in(start, CLAUSE_SUBORDINATORS);
        if !subordinate && (start..end).any(|k| self.is_in(k, FINITE_AUXILIARIES)) {
            return false;
        }
        if words < SHORT_WORDS {
            return true;
        }
        let clause_mark = (start..end).any(|k| {
            SEPARATORS.contains(&self.word(k))
                || self.is_in(k, IRREGULAR_PAST)
                || (self.lower(k).ends_with("ed") && !self.is_capitalised(k))
        });
        words <= MAX_PHRASE_WORDS && !clause_mark
    }

    /// Whether the tokens from `first` up to `open` are only punctuation (the quote starts
    /// the clause).
    fn starts_clause(&self, first: usize, open: usize) -> bool {
        (first..open).all(|k| !self.is_word(k))
    }

    /// Where the content starts after a time adjunct opening it (`said on Friday he met`,
    /// `said last week the plan`); `from` when none does, or when the time words are the
    /// subject of the content (`said last year was the hottest`). A bare number is no
    /// adjunct but the content's first word (`said 46 percent of voters`).
    fn after_time_adjunct(&self, from: usize, last: usize) -> usize {
        let mut k = from;
        while k < last && self.is_in(k, TIME_ADJUNCT_OPENERS) {
            k += 1;
        }
        let time_start = k;
        if k == from && k < last && !is_time_word(&self.lower(k)) {
            return from;
        }
        while k < last && self.is_time(k) {
            k += 1;
        }
        let resumes = k > time_start && k < last && self.is_word(k) && !self.is_in(k, AUXILIARIES);
        if resumes {
            k
        } else {
            from
        }
    }

    /// Content that follows a cue ending at `cue_end` in the sentence.
    pub(crate) fn content_after(
        &self,
        cue: usize,
        cue_end: usize,
        sentence: &TokenSentence,
    ) -> Option<(usize, usize)> {
        let object_first = self.is_in(cue, OBJECT_FIRST_CUES);
        let no_clause = self.is_in(cue, NO_CLAUSE_CUES);
        // A verb of saying without a listener (`said`) is followed by its clause, unless a
        // preposition opens an adjunct first (`responded by citing a study to show that`).
        let clause_follows = self.is_in(cue, SPEECH_CUES)
            && !object_first
            && cue_end < sentence.last
            && !self.is_in(cue_end, PREPOSITIONS);
        let window = if object_first { 14 } else { 10 };
        let mut start = cue_end;
        let window_end = sentence.last.min(cue_end + window);
        let mut j = cue_end;
        while j < window_end {
            let w = self.lower(j);
            if let Some(quote) = self.quote_opened_at(j) {
                // `told "Face the Nation" that …`: a quoted title is the listener.
                if object_first && j == cue_end && self.quoted_title_at(j).is_some() {
                    j = quote.close + 1;
                    continue;
                }
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
            // `said she intended to show that …`, `said the spate of shootings demands that
            // …`: the `that` of a later cue with a subject of its own belongs to that cue,
            // and the content starts after this one.
            // (`said he had told Jones that …`: a listener may come between.)
            let that_after = |k: usize| k < sentence.last && self.lower(k) == "that";
            let later_cue = j > cue_end
                && self.is_word(j)
                && self.is_in(j, CUE_WORDS)
                && j + 1 < sentence.last
                && (that_after(j + 1)
                    || (self.is_in(j, OBJECT_FIRST_CUES)
                        && that_after(self.listener_end(j, j + 1, sentence.last))))
                && ((cue_end..j).any(|k| is_pronoun(&self.lower(k))) || clause_follows);
            if later_cue {
                break;
            }
            let complementiser = !no_clause && self.is_complementiser(j, cue_end, sentence.last);
            // `asked him if …` opens the content; `told CNN his policy … if he wins` is a
            // condition inside it.
            let opener = CONTENT_OPENERS.contains(&w.as_str())
                && (w != "if" || j <= self.listener_end(cue, cue_end, sentence.last) + 1);
            if complementiser || (object_first && opener) {
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
        if start == cue_end {
            start = self.after_time_adjunct(start, sentence.last);
        }
        let mut end = sentence.last;
        while end > start && SENTENCE_FINAL.contains(&self.word(end - 1)) {
            end -= 1;
        }
        if start >= end {
            return None;
        }
        // `said: "We left."`: a content that is one quotation is its words, without the marks.
        if let Some(quote) = self.quote_opened_at(start) {
            if (quote.close + 1..end).all(|k| !self.is_word(k)) {
                return Some((quote.start, quote.end));
            }
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
    pub(crate) fn content_following(&self, sentence_index: usize) -> Option<(usize, usize)> {
        let next = self.sentences.get(sentence_index + 1)?;
        if let Some(quote) = self.quote_opened_at(next.first) {
            return Some((quote.start, quote.end));
        }
        Some((
            self.tokens[next.first].start,
            self.tokens[next.last - 1].end,
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::rules::test_support::{assert_claims, extract};
    use crate::claims::SpeakerKind;

    #[test]
    fn a_that_after_a_later_cue_and_its_listener_belongs_to_that_cue() {
        assert_claims(
            "Smith said he had told Jones that Mexico would not pay.",
            &[
                ("smith", "he had told Jones that Mexico would not pay"),
                ("smith", "that Mexico would not pay"),
            ],
        );
    }

    #[test]
    fn an_if_after_the_listener_opens_the_content_later_it_is_a_condition() {
        assert_claims(
            "Reporters asked him if he would resign.",
            &[("reporters", "if he would resign")],
        );
        assert_claims(
            "Trump told CNN his policy would be tougher if he wins.",
            &[("trump", "CNN his policy would be tougher if he wins")],
        );
    }

    #[test]
    fn the_content_of_a_cue_that_takes_no_clause_is_its_object() {
        assert_claims(
            "Democrats want policies that create more revenue.",
            &[("democrats", "policies that create more revenue")],
        );
        // A verb of saying still opens its clause after its listener.
        assert_claims(
            "Lavrov told reporters that the talks were calm.",
            &[("lavrov", "that the talks were calm")],
        );
    }

    #[test]
    fn a_relative_clause_restricting_the_opening_phrase_is_part_of_the_subject() {
        assert_claims(
            "Voters who backed Trump in 2016 say they regret it.",
            &[("voters", "they regret it")],
        );
        assert_claims(
            "A Republican who spoke on condition of anonymity, said she was pregnant.",
            &[("republican", "she was pregnant")],
        );
    }

    #[test]
    fn a_source_noun_before_of_heads_the_subject() {
        assert_claims(
            "But critics of the plan said it would fail.",
            &[("critics-of-the-plan", "it would fail")],
        );
        // An aside between dashes after the modified head keeps the whole subject.
        assert_claims(
            "Many speakers at the service — including Muslims, Christians and Jews — said the \
             loss was painful.",
            &[("speakers", "the loss was painful")],
        );
        // An -ly word after a determiner is a noun, not an adverb before the verb.
        assert_claims(
            "Organizers of the rally said they would return.",
            &[("organizers-of-the-rally", "they would return")],
        );
    }

    #[test]
    fn a_subject_described_after_its_head_names_the_head() {
        assert_claims(
            "Those surveyed say the economy is improving.",
            &[("those", "the economy is improving")],
        );
        assert_claims(
            "People briefed on the move said it was imminent.",
            &[("people", "it was imminent")],
        );
        assert_claims(
            "Those close to him say he is tired.",
            &[("those", "he is tired")],
        );
        let extracted = extract("Those surveyed say the economy is improving.");
        assert_eq!(extracted.speakers[0].kind, SpeakerKind::Group);
    }

    #[test]
    fn a_present_participle_after_the_head_describes_the_subject() {
        assert_claims(
            "Democrats trying to regain control of the Senate say they have a new weapon.",
            &[("democrats", "they have a new weapon")],
        );
        // A participle after a preposition is a gerund, and one whose words hold a verb
        // describes no subject.
        let gerund =
            extract("Opponents of admitting refugees into the state cite fears of terrorism.");
        assert!(
            gerund.claims.iter().any(|c| c.text == "fears of terrorism"),
            "{:?}",
            gerund.claims
        );
        let extracted = extract(
            "The report of Tyson appearing at the convention sparked backlash from members of the press.",
        );
        let members_is_a_cue = extracted
            .claims
            .iter()
            .any(|c| c.cue.as_ref().is_some_and(|cue| cue.text == "members"));
        assert!(!members_is_a_cue, "{:?}", extracted.claims);
    }

    #[test]
    fn a_with_modifier_and_an_opening_quantifier_belong_to_the_subject() {
        assert_claims(
            "People with direct knowledge of the talks said the deal was close.",
            &[("people", "the deal was close")],
        );
        let text = "Many speakers at the service said he was a hero.";
        let extracted = extract(text);
        assert_eq!(extracted.claims.len(), 1, "{:?}", extracted.claims);
        let claim = &extracted.claims[0];
        assert_eq!(
            (claim.speaker.as_str(), claim.text.as_str()),
            ("speakers", "he was a hero")
        );
        let source = claim.source_span.expect("a source");
        assert_eq!(
            &text[source.start..source.end],
            "Many speakers at the service"
        );
    }

    #[test]
    fn a_participle_after_the_head_is_no_stance_verb() {
        assert_claims(
            "Veterans interviewed at the rally said they backed Trump.",
            &[("veterans", "they backed Trump")],
        );
    }

    #[test]
    fn a_word_after_a_determiner_is_no_stance_verb() {
        assert_claims(
            "The spokesman for the delegation at the talks said the deal was fair.",
            &[("spokesman", "the deal was fair")],
        );
    }
}

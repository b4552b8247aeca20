//! Word lists that drive the rule-based extractor: reporting cues, the words a subject noun
//! phrase cannot contain, titles and role words, organisation heads and pronouns.
//!
//! The lists are data, not code: plain text files in `lexicon/`, embedded in the binary and
//! read once, on first use. A word file holds one entry per line, `#` starts a comment, and
//! a file of several small lists opens each with `[name]`. The cues are one line per lemma
//! with their flags (see `lexicon/cues.txt`), from which the cue sets below are generated.

mod cues;

use std::collections::HashSet;
use std::ops::Deref;
use std::sync::{LazyLock, OnceLock};

use cues::{CueLexicon, Flag};

/// A data file that does not read as the lexicon expects.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: no section [{section}]")]
    MissingSection {
        file: &'static str,
        section: &'static str,
    },
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: &'static str,
        line: usize,
        message: String,
    },
}

/// A list of the lexicon, loaded on first use: a hash set for look-ups that also reads as
/// the `&[&str]` slice, in file order, that the lists were before they became data.
pub struct WordSet {
    load: fn() -> Vec<&'static str>,
    words: OnceLock<Words>,
}

struct Words {
    ordered: Vec<&'static str>,
    set: HashSet<&'static str>,
}

impl WordSet {
    const fn new(load: fn() -> Vec<&'static str>) -> Self {
        WordSet {
            load,
            words: OnceLock::new(),
        }
    }

    fn words(&self) -> &Words {
        self.words.get_or_init(|| {
            let ordered = (self.load)();
            let set = ordered.iter().copied().collect();
            Words { ordered, set }
        })
    }

    /// Whether `word` (compared as written) is in the list. It takes `&&str` like
    /// `<[&str]>::contains`, so that call sites written for the slices compile unchanged
    /// (and without needless borrows).
    pub fn contains(&self, word: &&str) -> bool {
        self.words().set.contains(*word)
    }
}

impl Deref for WordSet {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        &self.words().ordered
    }
}

/// The entries of a word file, or of its `[section]` (`""`: the lines before any section).
fn entries(
    file: &'static str,
    text: &'static str,
    section: &'static str,
) -> Result<Vec<&'static str>, LexiconError> {
    let mut current = "";
    let mut found = section.is_empty();
    let mut words = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            found |= name == section;
        } else if !line.is_empty() && current == section {
            words.push(line);
        }
    }
    if found {
        Ok(words)
    } else {
        Err(LexiconError::MissingSection { file, section })
    }
}

/// Reads lexicon data that is embedded in the binary: a failure is a bug in the data,
/// which the tests of this module catch.
fn embedded<T>(result: Result<T, LexiconError>) -> T {
    result.unwrap_or_else(|error| panic!("lexicon data: {error}"))
}

/// A `&'static WordSet` of a data file in `lexicon/`, or of one `[section]` of it.
///
/// The set is a `&'static` reference, a `Copy` value like the `&[&str]` consts it
/// replaces, so that lists can still be put in arrays and passed as slices.
macro_rules! word_file {
    ($file:literal) => {
        word_file!($file, "")
    };
    ($file:literal, $section:literal) => {{
        static SET: WordSet = WordSet::new(|| {
            embedded(entries(
                $file,
                include_str!(concat!("lexicon/", $file)),
                $section,
            ))
        });
        &SET
    }};
}

/// The cues of `lexicon/cues.txt`.
static CUES: LazyLock<CueLexicon> =
    LazyLock::new(|| embedded(cues::parse("cues.txt", include_str!("lexicon/cues.txt"))));

/// A `&'static WordSet` of the single-word cue forms with a flag (all of them without).
macro_rules! cue_forms {
    () => {{
        static SET: WordSet = WordSet::new(|| CUES.forms(None));
        &SET
    }};
    ($flag:expr) => {{
        static SET: WordSet = WordSet::new(|| CUES.forms(Some($flag)));
        &SET
    }};
}

/// Single-word reporting cues: verbs of saying and the verbs PolNeAR-style annotation
/// counts as attribution of a position or stance (wants, found, shows, agreed …).
pub static CUE_WORDS: &WordSet = cue_forms!();
/// Cues whose listener or object comes before the content (`told reporters that …`).
pub static OBJECT_FIRST_CUES: &WordSet = cue_forms!(Flag::ObjectFirst);
/// Cues that can come before their source in an inverted clause (`…, said Lavrov`).
pub static INVERTING_CUES: &WordSet = cue_forms!(Flag::Inverting);
/// Cues that can open a sentence before the speaker's name (`Said Ellis: …`).
pub static FRONTED_CUES: &WordSet = cue_forms!(Flag::Fronted);
/// Cues that need an explicit subject or a colon after them to be attribution (`continued`).
pub static COLON_ONLY_CUES: &WordSet = cue_forms!(Flag::ColonOnly);
/// Capitalised cue verbs of title-case headlines (`New Poll Shows Minor Bump`).
pub static HEADLINE_CUES: &WordSet = cue_forms!(Flag::Headline);
/// Capitalised cues that report after any capitalised word (`Obama Says Museum …`).
pub static HEADLINE_AFTER_NAME_CUES: &WordSet = cue_forms!(Flag::HeadlineAfterName);
/// Verbs of saying: a report inside another's content is a claim of its own only with one.
pub static SPEECH_CUES: &WordSet = cue_forms!(Flag::Speech);
/// Cues whose content is their object: a `that` after it is a relative pronoun inside the
/// content (`want policies that create …`), never the start of a clause.
pub static NO_CLAUSE_CUES: &WordSet = cue_forms!(Flag::NoClause);

/// Cues written as several words, matched before single-word cues; no one is a prefix of
/// another, so the order they are tried in does not matter.
pub fn multi_word_cues() -> &'static [Vec<String>] {
    &CUES.multi
}

/// Words that open the content of a reported clause (`that`, `how` …).
pub static CONTENT_OPENERS: &WordSet = word_file!("clause_words.txt", "content-openers");
/// Verbs right after `that` that make it a relative pronoun (`the meeting that was held`).
pub static RELATIVE_VERBS: &WordSet = word_file!("clause_words.txt", "relative-verbs");
/// Conjunctions that join a second verb to a subject's first (`… and said`).
pub static COORDINATORS: &WordSet = word_file!("clause_words.txt", "coordinators");
/// Subordinators that open a clause with a participle and no subject (`When asked by`).
pub static CLAUSE_SUBORDINATORS: &WordSet = word_file!("clause_words.txt", "clause-subordinators");
/// One-word sentence adverbs before a comma (`However, …`).
pub static SENTENCE_ADVERBS: &WordSet = word_file!("clause_words.txt", "sentence-adverbs");
/// Words that open a clause appended after a comma rather than resume the one before.
pub static APPENDED_CLAUSE_OPENERS: &WordSet =
    word_file!("clause_words.txt", "appended-clause-openers");
/// Words skipped between a subject and its cue (`Lavrov also said`, `she has argued`).
pub static AUXILIARIES: &WordSet = word_file!("auxiliaries.txt");
/// Auxiliaries and copulas that carry a clause's tense (`would`, `is`).
pub static FINITE_AUXILIARIES: &WordSet = word_file!("finite_auxiliaries.txt");
/// Words after a cue that start an adjunct, not content (`said on Thursday after talks`).
pub static ADJUNCT_OPENERS: &WordSet = word_file!("adjunct_openers.txt");
/// Days of the week, lower case.
pub static WEEKDAYS: &WordSet = word_file!("time.txt", "weekdays");
/// Months, lower case, with their dotted abbreviations.
pub static MONTHS: &WordSet = word_file!("time.txt", "months");
/// Nouns of time that end a time adjunct (`last week`, `Friday morning`).
pub static TIME_NOUNS: &WordSet = word_file!("time.txt", "nouns");
/// Words that open a time adjunct before a verb (`on Wednesday`, `last week`).
pub static TIME_ADJUNCT_OPENERS: &WordSet = word_file!("time.txt", "adjunct-openers");
/// Words a subject noun phrase never contains; reaching one ends the phrase.
pub static PHRASE_STOPS: &WordSet = word_file!("phrase_stops.txt");
/// Words allowed inside a subject phrase between capitalised words (`head of the ministry`).
pub static PHRASE_LINKS: &WordSet = word_file!("phrase_links.txt");
/// Short words that stay lower case inside a title-case name (`Meet the Press`).
pub static TITLE_CASE_SMALL_WORDS: &WordSet = word_file!("title_case_small_words.txt");
/// Past participles that describe a person in a title (`retired Air Force general Lloyd
/// Newton`) rather than act as the verb.
pub static TITLE_PARTICIPLES: &WordSet = word_file!("participles.txt", "title");
/// Participles that end a reduced relative clause inside a subject (`A report released
/// last year found`).
pub static SUBJECT_PARTICIPLES: &WordSet = word_file!("participles.txt", "subject");
/// Past-tense verbs without -ed that end a sentence-opening subject (`The businessman spoke
/// in Iowa, saying …`).
pub static IRREGULAR_PAST: &WordSet = word_file!("irregular_past.txt");
/// Participles that describe a subject after its head (`Those surveyed say`, `People
/// briefed on the move said`).
pub static POST_HEAD_PARTICIPLES: &WordSet = word_file!("participles.txt", "post-head");
/// Prepositions that attach modifiers to a subject's head (`Experts on North Korea`,
/// `observers in Virginia`); the speaker is named by the words before them.
pub static SUBJECT_MODIFIER_PREPOSITIONS: &WordSet =
    word_file!("prepositions.txt", "subject-modifiers");
/// Prepositions after which an `-ing` cue is a noun (`the forefront of questioning`).
pub static PREPOSITIONS: &WordSet = word_file!("prepositions.txt", "before-ing-noun");
/// Prepositions that open a sentence-initial adjunct (`In a statement, …`).
pub static PREPOSITIONS_OPENING: &WordSet = word_file!("prepositions.txt", "sentence-opening");
/// Prepositions that open where or through what a speaker spoke (`wrote on Twitter`).
pub static VENUE_PREPOSITIONS: &WordSet = word_file!("prepositions.txt", "venue");
/// Pronouns that can be a speaker, resolved to an antecedent.
pub static PERSON_PRONOUNS: &WordSet = word_file!("pronouns.txt", "person");
pub static GROUP_PRONOUNS: &WordSet = word_file!("pronouns.txt", "group");
pub static FIRST_PERSON_PRONOUNS: &WordSet = word_file!("pronouns.txt", "first-person");
/// Quantifiers that stand for a group when they open a clause as its subject (`Some said`).
pub static QUANTIFIERS: &WordSet = word_file!("pronouns.txt", "quantifier");
/// Number words, units, fractions and their qualifiers that make a proportion of a group
/// (`Thirty-one percent`, `about two-thirds`, `One in four`).
pub static PROPORTION_NUMBERS: &WordSet = word_file!("proportions.txt", "numbers");
pub static PROPORTION_UNITS: &WordSet = word_file!("proportions.txt", "units");
pub static PROPORTION_FRACTIONS: &WordSet = word_file!("proportions.txt", "fractions");
pub static PROPORTION_APPROXIMATORS: &WordSet = word_file!("proportions.txt", "approximators");
/// Pronouns that can be the listener of `told` (`told me this week`).
pub static OBJECT_PRONOUNS: &WordSet = word_file!("pronouns.txt", "object");
/// Determiners dropped from the front of a description.
pub static DETERMINERS: &WordSet = word_file!("determiners.txt", "description");
/// Words after which a cue word is a noun (`the report`, `a question`).
pub static NOUN_MARKERS: &WordSet = word_file!("determiners.txt", "noun-markers");
/// Possessive determiners, before a source they do not name (`according to their
/// attorneys`).
pub static POSSESSIVE_DETERMINERS: &WordSet = word_file!("determiners.txt", "possessive");
/// Capitalised words that cannot end a subject (`The`, `This`; weekdays and months too, by
/// `is_time_word`).
pub static DETERMINERS_CAPITALISED: &WordSet = word_file!("determiners.txt", "capitalised");
/// Separators between content and an inverted cue (`…, said Lavrov`).
pub static SEPARATORS: &WordSet = word_file!("punctuation.txt", "separators");
pub static CLOSING_QUOTES: &WordSet = word_file!("punctuation.txt", "closing-quotes");
pub static OPENING_QUOTES: &WordSet = word_file!("punctuation.txt", "opening-quotes");
pub static SENTENCE_FINAL: &WordSet = word_file!("punctuation.txt", "sentence-final");
/// Capitalised words before a colon that introduce no speaker (`Correction: …`).
pub static NOT_LABELS: &WordSet = word_file!("not_labels.txt");
/// Titles, offices and role words that precede or describe a person (lower case).
pub static TITLE_WORDS: &WordSet = word_file!("titles.txt");
/// Nationality and party adjectives that qualify a title (lower case).
pub static DEMONYMS: &WordSet = word_file!("demonyms.txt");
/// Last words that make a capitalised phrase an organisation rather than a person.
pub static ORGANISATION_HEADS: &WordSet = word_file!("organisation_heads.txt");
/// Suffixes after a surname (`Martin Luther King Jr.`).
pub static NAME_SUFFIXES: &WordSet = word_file!("name_suffixes.txt");
/// Last words that cannot end a speaker's mention: function words, adjectives and adverbs
/// (a phrase cut off mid-way) and nouns of events, media and things that carry a report
/// rather than make it (`in an interview`, `the speech`, `for instance`).
pub static NON_SPEAKER_HEADS: &WordSet = word_file!("non_speaker_heads.txt");
/// Words after a sentence's subject that state no stance of it: verbs of events and of
/// appearances, and plural nouns that look like verbs (`Ted Cruz delegates`).
pub static NOT_STANCE_WORDS: &WordSet = word_file!("not_stance_words.txt");
/// Titles and role words that tell a person's gender, for `he`/`she` resolution.
pub static FEMALE_ROLE_WORDS: &WordSet = word_file!("role_words_female.txt");
pub static MALE_ROLE_WORDS: &WordSet = word_file!("role_words_male.txt");
/// Common first names with a clear gender in English-language news, so that `she` does
/// not resolve to Donald Trump nor `he` to Hillary Clinton.
pub static FEMALE_FIRST_NAMES: &WordSet = word_file!("first_names_female.txt");
pub static MALE_FIRST_NAMES: &WordSet = word_file!("first_names_male.txt");

/// Nouns that name one person by role (`spokesman`, `mother`); their plurals name groups.
pub static SOURCE_PERSON_NOUNS: &WordSet = word_file!("source_person_nouns.txt");
/// Heads of descriptions of groups of people (`protesters`, `half`).
pub static SOURCE_GROUP_NOUNS: &WordSet = word_file!("source_group_nouns.txt");
/// Heads of descriptions of sources the article does not name (`officials`).
pub static SOURCE_ANONYMOUS_NOUNS: &WordSet = word_file!("source_anonymous_nouns.txt");
/// Heads of descriptions of documents and recordings (`report`, `poll`).
pub static SOURCE_DOCUMENT_NOUNS: &WordSet = word_file!("source_document_nouns.txt");
/// Nouns of polls, whose findings an opening adjunct attributes to them (`In a CNN poll, …`).
pub static POLL_NOUNS: &WordSet = word_file!("poll_nouns.txt");
/// Documents a subject issues in its own voice (`released a statement saying …`).
pub static ISSUED_DOCUMENTS: &WordSet = word_file!("issued_documents.txt");
/// Heads of descriptions of organisations (`campaign`, `agency`).
pub static SOURCE_ORGANISATION_NOUNS: &WordSet = word_file!("source_organisation_nouns.txt");
/// One-word names of states, capitals and institutions (`Turkey`, `Moscow`, `NATO`).
pub static SOURCE_ORGANISATION_NAMES: &WordSet = word_file!("source_organisation_names.txt");
/// Words in -er and -or that name no person (`matter`, `paper`).
pub static SOURCE_NOT_AGENTS: &WordSet = word_file!("source_not_agents.txt");
/// Titles that say nothing of a person's role (`Mr.`).
pub static HONORIFICS: &WordSet = word_file!("source_mentions.txt", "honorifics");
/// What may follow a pronoun's apostrophe (`We’ve`).
pub static CONTRACTIONS: &WordSet = word_file!("source_mentions.txt", "contractions");
/// Words that end the role noun of an appositive (`a spokesman for …`).
pub static ROLE_ENDS: &WordSet = word_file!("source_mentions.txt", "role-ends");
/// Words before a mention proper (`Perhaps the debate moderators`).
pub static LEADING_FILLERS: &WordSet = word_file!("source_mentions.txt", "leading-fillers");
/// Words opening a phrase that is never a subject (`According to …`, `Having said that`).
pub static NOT_SUBJECT_OPENERS: &WordSet = word_file!("source_mentions.txt", "not-subject-openers");
/// Adjectives that follow a source's head noun (`a person familiar with …`).
pub static POSTMODIFIERS: &WordSet = word_file!("source_mentions.txt", "postmodifiers");
/// Tokens that end an appositive after a name.
pub static APPOSITIVE_ENDS: &WordSet = word_file!("source_mentions.txt", "appositive-ends");

/// Synonyms of a role description's head noun among title words (`leader` → president),
/// as `(head, synonyms)` in file order.
pub static ROLE_SYNONYMS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    embedded(role_synonyms(
        "role_synonyms.txt",
        include_str!("lexicon/role_synonyms.txt"),
    ))
});

/// Reads `HEAD: SYNONYM SYNONYM …` lines.
fn role_synonyms(
    file: &'static str,
    text: &'static str,
) -> Result<Vec<(&'static str, Vec<&'static str>)>, LexiconError> {
    keyed_lines(file, text, |rest| rest.split_whitespace().collect())
}

/// Names of states and governments and the nationality whose side they take, as
/// `(nationality, phrases)` in file order (see `lexicon/affiliations.txt`).
pub static AFFILIATIONS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    embedded(affiliations(
        "affiliations.txt",
        include_str!("lexicon/affiliations.txt"),
    ))
});

/// Reads `NATIONALITY: phrase, phrase, …` lines.
fn affiliations(
    file: &'static str,
    text: &'static str,
) -> Result<Vec<(&'static str, Vec<&'static str>)>, LexiconError> {
    keyed_lines(file, text, |rest| {
        rest.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    })
}

/// Reads `KEY: REST` lines, the rest split into entries by `split`.
fn keyed_lines(
    file: &'static str,
    text: &'static str,
    split: impl Fn(&'static str) -> Vec<&'static str>,
) -> Result<Vec<(&'static str, Vec<&'static str>)>, LexiconError> {
    let lines = entries(file, text, "")?;
    lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let (key, rest) = line.split_once(':').ok_or(LexiconError::Syntax {
                file,
                line: index + 1,
                message: format!("`{line}` has no `KEY:`"),
            })?;
            Ok((key.trim(), split(rest)))
        })
        .collect()
}

/// Whether a lower-case word names a time (a weekday, a month or a time noun): such words
/// end an adjunct, not a source (`Axelrod on Wednesday called …`).
pub fn is_time_word(lower: &str) -> bool {
    [WEEKDAYS, MONTHS, TIME_NOUNS]
        .iter()
        .any(|list| list.contains(&lower))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every word list of the lexicon, by name.
    fn word_sets() -> Vec<(&'static str, &'static WordSet)> {
        vec![
            ("CUE_WORDS", CUE_WORDS),
            ("OBJECT_FIRST_CUES", OBJECT_FIRST_CUES),
            ("NO_CLAUSE_CUES", NO_CLAUSE_CUES),
            ("INVERTING_CUES", INVERTING_CUES),
            ("FRONTED_CUES", FRONTED_CUES),
            ("COLON_ONLY_CUES", COLON_ONLY_CUES),
            ("HEADLINE_CUES", HEADLINE_CUES),
            ("HEADLINE_AFTER_NAME_CUES", HEADLINE_AFTER_NAME_CUES),
            ("SPEECH_CUES", SPEECH_CUES),
            ("NOT_STANCE_WORDS", NOT_STANCE_WORDS),
            ("CONTENT_OPENERS", CONTENT_OPENERS),
            ("RELATIVE_VERBS", RELATIVE_VERBS),
            ("COORDINATORS", COORDINATORS),
            ("APPENDED_CLAUSE_OPENERS", APPENDED_CLAUSE_OPENERS),
            ("CLAUSE_SUBORDINATORS", CLAUSE_SUBORDINATORS),
            ("SENTENCE_ADVERBS", SENTENCE_ADVERBS),
            ("AUXILIARIES", AUXILIARIES),
            ("FINITE_AUXILIARIES", FINITE_AUXILIARIES),
            ("ADJUNCT_OPENERS", ADJUNCT_OPENERS),
            ("WEEKDAYS", WEEKDAYS),
            ("MONTHS", MONTHS),
            ("TIME_NOUNS", TIME_NOUNS),
            ("TIME_ADJUNCT_OPENERS", TIME_ADJUNCT_OPENERS),
            ("PHRASE_STOPS", PHRASE_STOPS),
            ("PHRASE_LINKS", PHRASE_LINKS),
            ("TITLE_CASE_SMALL_WORDS", TITLE_CASE_SMALL_WORDS),
            ("TITLE_PARTICIPLES", TITLE_PARTICIPLES),
            ("SUBJECT_PARTICIPLES", SUBJECT_PARTICIPLES),
            ("POST_HEAD_PARTICIPLES", POST_HEAD_PARTICIPLES),
            ("IRREGULAR_PAST", IRREGULAR_PAST),
            (
                "SUBJECT_MODIFIER_PREPOSITIONS",
                SUBJECT_MODIFIER_PREPOSITIONS,
            ),
            ("PREPOSITIONS", PREPOSITIONS),
            ("PREPOSITIONS_OPENING", PREPOSITIONS_OPENING),
            ("VENUE_PREPOSITIONS", VENUE_PREPOSITIONS),
            ("PERSON_PRONOUNS", PERSON_PRONOUNS),
            ("GROUP_PRONOUNS", GROUP_PRONOUNS),
            ("FIRST_PERSON_PRONOUNS", FIRST_PERSON_PRONOUNS),
            ("OBJECT_PRONOUNS", OBJECT_PRONOUNS),
            ("QUANTIFIERS", QUANTIFIERS),
            ("PROPORTION_NUMBERS", PROPORTION_NUMBERS),
            ("PROPORTION_UNITS", PROPORTION_UNITS),
            ("PROPORTION_FRACTIONS", PROPORTION_FRACTIONS),
            ("PROPORTION_APPROXIMATORS", PROPORTION_APPROXIMATORS),
            ("DETERMINERS", DETERMINERS),
            ("NOUN_MARKERS", NOUN_MARKERS),
            ("POSSESSIVE_DETERMINERS", POSSESSIVE_DETERMINERS),
            ("DETERMINERS_CAPITALISED", DETERMINERS_CAPITALISED),
            ("SEPARATORS", SEPARATORS),
            ("CLOSING_QUOTES", CLOSING_QUOTES),
            ("OPENING_QUOTES", OPENING_QUOTES),
            ("SENTENCE_FINAL", SENTENCE_FINAL),
            ("NOT_LABELS", NOT_LABELS),
            ("TITLE_WORDS", TITLE_WORDS),
            ("DEMONYMS", DEMONYMS),
            ("ORGANISATION_HEADS", ORGANISATION_HEADS),
            ("NAME_SUFFIXES", NAME_SUFFIXES),
            ("NON_SPEAKER_HEADS", NON_SPEAKER_HEADS),
            ("FEMALE_ROLE_WORDS", FEMALE_ROLE_WORDS),
            ("MALE_ROLE_WORDS", MALE_ROLE_WORDS),
            ("FEMALE_FIRST_NAMES", FEMALE_FIRST_NAMES),
            ("MALE_FIRST_NAMES", MALE_FIRST_NAMES),
            ("SOURCE_PERSON_NOUNS", SOURCE_PERSON_NOUNS),
            ("SOURCE_GROUP_NOUNS", SOURCE_GROUP_NOUNS),
            ("SOURCE_ANONYMOUS_NOUNS", SOURCE_ANONYMOUS_NOUNS),
            ("SOURCE_DOCUMENT_NOUNS", SOURCE_DOCUMENT_NOUNS),
            ("ISSUED_DOCUMENTS", ISSUED_DOCUMENTS),
            ("POLL_NOUNS", POLL_NOUNS),
            ("SOURCE_ORGANISATION_NOUNS", SOURCE_ORGANISATION_NOUNS),
            ("SOURCE_ORGANISATION_NAMES", SOURCE_ORGANISATION_NAMES),
            ("SOURCE_NOT_AGENTS", SOURCE_NOT_AGENTS),
            ("HONORIFICS", HONORIFICS),
            ("CONTRACTIONS", CONTRACTIONS),
            ("ROLE_ENDS", ROLE_ENDS),
            ("APPOSITIVE_ENDS", APPOSITIVE_ENDS),
            ("LEADING_FILLERS", LEADING_FILLERS),
            ("NOT_SUBJECT_OPENERS", NOT_SUBJECT_OPENERS),
            ("POSTMODIFIERS", POSTMODIFIERS),
        ]
    }

    fn repeated<'a>(words: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
        let mut seen = BTreeSet::new();
        words.into_iter().filter(|w| !seen.insert(*w)).collect()
    }

    #[test]
    fn every_data_file_parses() {
        cues::parse("cues.txt", include_str!("lexicon/cues.txt")).unwrap();
        role_synonyms(
            "role_synonyms.txt",
            include_str!("lexicon/role_synonyms.txt"),
        )
        .unwrap();
        affiliations("affiliations.txt", include_str!("lexicon/affiliations.txt")).unwrap();
        for (name, set) in word_sets() {
            assert!(!set.is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn no_list_repeats_an_entry() {
        for (name, set) in word_sets() {
            let repeated = repeated(set.iter().copied());
            assert!(repeated.is_empty(), "{name} repeats {repeated:?}");
        }
        let heads = repeated(ROLE_SYNONYMS.iter().map(|(head, _)| *head));
        assert!(heads.is_empty(), "role synonyms repeat heads {heads:?}");
        for (head, synonyms) in ROLE_SYNONYMS.iter() {
            let again = repeated(synonyms.iter().copied());
            assert!(again.is_empty(), "synonyms of {head} repeat {again:?}");
        }
        let nationalities = repeated(AFFILIATIONS.iter().map(|(n, _)| *n));
        assert!(
            nationalities.is_empty(),
            "affiliations repeat {nationalities:?}"
        );
        let names = repeated(AFFILIATIONS.iter().flat_map(|(_, p)| p.iter().copied()));
        assert!(names.is_empty(), "affiliations repeat names {names:?}");
    }

    #[test]
    fn every_affiliation_is_a_demonym_of_lower_case_names() {
        for (nationality, names) in AFFILIATIONS.iter() {
            assert!(
                DEMONYMS.contains(nationality),
                "{nationality} is no demonym"
            );
            for name in names {
                assert_eq!(*name, name.to_lowercase(), "{name} is not lower case");
            }
        }
    }

    #[test]
    fn every_generated_cue_form_is_unique() {
        let forms = CUES
            .single
            .iter()
            .map(|f| f.word.clone())
            .chain(CUES.multi.iter().map(|words| words.join(" ")))
            .collect::<Vec<_>>();
        let repeated = repeated(forms.iter().map(String::as_str));
        assert!(
            repeated.is_empty(),
            "cue forms generated twice: {repeated:?}"
        );
    }

    #[test]
    fn special_cue_lists_are_cues() {
        for (name, set) in word_sets()
            .into_iter()
            .filter(|(n, _)| n.ends_with("_CUES"))
        {
            for word in set.iter() {
                assert!(
                    CUE_WORDS.contains(&word.to_lowercase().as_str()),
                    "{name}: {word} is no cue"
                );
            }
        }
    }

    #[test]
    fn no_multi_word_cue_is_a_prefix_of_another() {
        let cues = multi_word_cues();
        for a in cues {
            for b in cues.iter().filter(|b| *b != a) {
                assert!(!b.starts_with(a), "{a:?} is a prefix of {b:?}");
            }
        }
    }

    #[test]
    fn the_base_form_of_worry_is_a_cue() {
        crate::claims::rules::test_support::assert_claims(
            "Environmentalists worry that the pipeline will leak.",
            &[("environmentalists", "that the pipeline will leak")],
        );
    }

    #[test]
    fn word_sets_read_sections_and_comments() {
        let text = "# list\nalpha  # first\n\n[one]\nbeta\n[two]\ngamma\n";
        assert_eq!(entries("t", text, "").unwrap(), ["alpha"]);
        assert_eq!(entries("t", text, "two").unwrap(), ["gamma"]);
        assert!(entries("t", text, "three").is_err());
        assert!(PERSON_PRONOUNS.contains(&"she") && !PERSON_PRONOUNS.contains(&"they"));
        assert!(HEADLINE_CUES.contains(&"Shows") && !HEADLINE_CUES.contains(&"shows"));
    }
}

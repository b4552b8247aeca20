//! Speaker resolution: turns the mention that names a claim's source (a full name with
//! titles, a surname, a role description, an organisation or a pronoun) into an entity of
//! the article, and gives every entity a stable id derived from its name, so that the same
//! person gets the same id in every article of a run.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::lexicon::{
    WordSet, CONTRACTIONS, DEMONYMS, DETERMINERS, FEMALE_FIRST_NAMES, FEMALE_ROLE_WORDS,
    FIRST_PERSON_PRONOUNS, GROUP_PRONOUNS, HONORIFICS, LEADING_FILLERS, MALE_FIRST_NAMES,
    MALE_ROLE_WORDS, NAME_SUFFIXES, ORGANISATION_HEADS, PERSON_PRONOUNS, PHRASE_STOPS,
    PREPOSITIONS, PREPOSITIONS_OPENING, QUANTIFIERS, ROLE_ENDS, ROLE_SYNONYMS, SOURCE_GROUP_NOUNS,
    TITLE_WORDS,
};
use super::source_kind::{self, DescriptionKind};
use super::{Speaker, SpeakerKind};

/// What a source mention is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// A person's name (`["Sergey", "Lavrov"]`) with the title and role words around it.
    /// `roles` are lower case; `title` is the same words as written (`Trump campaign
    /// spokesman`).
    Person {
        name: Vec<String>,
        roles: Vec<String>,
        title: String,
    },
    /// An organisation's name without a leading article (`Russian Defense Ministry`).
    Organisation { name: String },
    /// A description without a name (`the top Ukrainian diplomat`, `a source`): its words
    /// lower case and without determiners, the same words as written, and whether it
    /// opened with `the` (then it refers back to someone already in the story).
    Description {
        words: Vec<String>,
        text: String,
        definite: bool,
    },
    /// A pronoun, lower case.
    Pronoun(String),
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A title or demonym, or a hyphenated title (`editor-in-chief`, `attorney-general`).
fn is_title_word(lower: &str) -> bool {
    let title = |w: &str| TITLE_WORDS.contains(&w) || DEMONYMS.contains(&w);
    title(lower) || (lower.contains('-') && lower.split('-').any(title))
}

/// The pronoun a one-word mention is, contractions stripped (`We’ve` → `we`).
fn as_pronoun(lower: &str) -> Option<&str> {
    let bare = match lower.split_once(['’', '\'']) {
        Some((pronoun, rest)) if CONTRACTIONS.contains(&rest) => pronoun,
        Some(_) => return None,
        None => lower,
    };
    let pronouns = [PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON_PRONOUNS];
    pronouns
        .iter()
        .find_map(|list| list.iter().find(|p| **p == bare).copied())
}

fn description(words: &[&str], lower: &[String], definite: bool) -> Mention {
    Mention::Description {
        words: lower.to_vec(),
        text: words.join(" "),
        definite,
    }
}

/// An organisation's mention whose last capitalised word before any `of` is at `head`.
/// Lower-case adjectives before a name of several words are not part of it (`the
/// conservative-leaning Tax Foundation`, `the left-leaning Center for American Progress`);
/// a lone capitalised head keeps them (`super PAC`), and so does a common noun before
/// `of` (`the government of Costa Rica`).
fn organisation(words: &[&str], head: usize) -> Mention {
    let name_start = words
        .iter()
        .position(|w| is_capitalised(w))
        .filter(|&k| k < head)
        .unwrap_or(0);
    Mention::Organisation {
        name: words[name_start..].join(" "),
    }
}

/// `Secretary of State John Kerry`, `Former Director of National Intelligence James
/// Clapper`: titles, `of`, and a full name whose titles complete the office; the person,
/// with every title word as a role.
fn office_before_name(words: &[&str], lower: &[String], link: usize) -> Option<Mention> {
    let office = lower[link] == "of" && lower[..link].iter().all(|w| is_title_word(w));
    if !office {
        return None;
    }
    match classify(&words[link + 1..]) {
        Mention::Person { name, roles, title } if name.len() >= 2 => Some(Mention::Person {
            name,
            roles: lower[..link].iter().cloned().chain(roles).collect(),
            title: format!("{} {title}", words[..=link].join(" ")),
        }),
        _ => None,
    }
}

/// Classifies the words of a source mention.
pub fn classify(words: &[&str]) -> Mention {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if let [only] = lower.as_slice() {
        if let Some(pronoun) = as_pronoun(only) {
            return Mention::Pronoun(pronoun.to_string());
        }
        // A lone quantifier (`Some said`) is the head of its description, not a
        // determiner, nor a name when it opens the sentence.
        if QUANTIFIERS.contains(&only.as_str()) {
            return description(words, &lower, false);
        }
    }
    // `Thirty-one percent of those`, `One in four voters`: a proportion of a group.
    if source_kind::proportion_len(words).is_some() {
        return description(words, &lower, false);
    }
    let filler = |w: &str| {
        LEADING_FILLERS.contains(&w) || (w.len() > 4 && (w.ends_with("ly") || w.ends_with("ing")))
    };
    let mut first = 0;
    while first + 1 < words.len() && filler(&lower[first]) {
        first += 1;
    }
    // `Most of them`: a quantifier of a pronoun heads its description.
    let of_pronoun = |k: usize| {
        lower.get(k + 1).is_some_and(|w| w == "of")
            && lower
                .get(k + 2)
                .is_some_and(|w| matches!(w.as_str(), "them" | "us" | "whom"))
    };
    while first < words.len() && DETERMINERS.contains(&lower[first].as_str()) && !of_pronoun(first)
    {
        first += 1;
    }
    let definite = lower[..first].iter().any(|w| w == "the");
    let with_determiners = words;
    let (words, lower) = (&words[first..], &lower[first..]);
    let had_article = first > 0;
    // `Rep. Elijah Cummings of Maryland`: the phrase before `of` names the speaker unless it
    // is an organisation's head (`Department of Justice`).
    if let Some(link) = lower
        .iter()
        .position(|w| matches!(w.as_str(), "of" | "for" | "at" | "from"))
    {
        let head_is_org = lower[..link]
            .last()
            .is_some_and(|w| ORGANISATION_HEADS.contains(&w.as_str()));
        // `Half of Vermont Democrats`, `a majority of voters`: the group after `of`.
        let quantified = link > 0
            && lower[link] == "of"
            && source_kind::head_kind(&lower[link - 1]) == Some(DescriptionKind::Group)
            // A capitalised word before `of` is a surname (`John Conyers of Michigan`)
            // unless it is a listed quantifier opening the sentence (`Half of …`).
            && (!is_capitalised(words[link - 1])
                || (link == 1
                    && (SOURCE_GROUP_NOUNS.contains(&lower[0].as_str())
                        || QUANTIFIERS.contains(&lower[0].as_str())
                        || source_kind::listed_plural_kind(&lower[0]).is_some())));
        if quantified {
            return description(words, lower, definite);
        }
        if link > 0 && !head_is_org {
            if let Some(person) = office_before_name(words, lower, link) {
                return person;
            }
            return classify(&with_determiners[..first + link]);
        }
        if head_is_org {
            return organisation(words, link);
        }
    }
    let Some(last) = lower.last() else {
        return description(&[], &[], definite);
    };
    // `Russian-Ukrainian` (talks): a compound of nationalities is an adjective.
    let demonym_compound =
        last.contains('-') && last.split('-').all(|part| DEMONYMS.contains(&part));
    let last_capitalised = words.last().is_some_and(|w| is_capitalised(w));
    if !last_capitalised || demonym_compound {
        return description(words, lower, definite);
    }
    // `Republicans said`, and `Polls showed`, `Lawmakers asked`: a lone capitalised plural
    // that names a group or documents opens the sentence as a common noun, not a surname.
    let is_group = words.len() == 1
        && (["ans", "ats", "ists", "ites", "ians"]
            .iter()
            .any(|e| last.ends_with(e))
            || source_kind::listed_plural_kind(last).is_some());
    if is_group {
        return description(words, lower, definite);
    }
    let bare_last = last.trim_end_matches("’s").trim_end_matches("'s");
    let is_org = ORGANISATION_HEADS.contains(&bare_last)
        || source_kind::head_kind(bare_last) == Some(DescriptionKind::Organisation)
        || source_kind::is_organisation_name(
            words
                .join(" ")
                .trim_end_matches("’s")
                .trim_end_matches("'s"),
        )
        || (had_article
            && words.iter().all(|w| is_capitalised(w) || w.len() <= 3)
            && !lower.iter().any(|w| is_title_word(w))
            && !lower.first().is_some_and(|w| is_first_name(w)));
    if is_org {
        return organisation(words, words.len() - 1);
    }
    // The name is the last run of capitalised words that are not titles.
    let mut name_start = words.len();
    while name_start > 0 {
        let w = words[name_start - 1];
        let l = &lower[name_start - 1];
        if !is_capitalised(w) || (is_title_word(l) && !NAME_SUFFIXES.contains(&l.as_str())) {
            break;
        }
        name_start -= 1;
    }
    // `Mr. King`, `David French`: after an honorific or a first name, a title word or a
    // nationality is a surname.
    // Initials may come between (`Peter T. King`).
    let mut before = words.len().saturating_sub(1);
    while before > 0 && is_initial(words[before - 1]) {
        before -= 1;
    }
    let before_last = before.checked_sub(1).map(|k| lower[k].as_str());
    let surname_after = |w: &str| HONORIFICS.contains(&w) || is_first_name(w);
    if name_start == words.len() && before_last.is_some_and(surname_after) {
        name_start = words.len() - 1;
        if before_last.is_some_and(is_first_name) && is_capitalised(words[before - 1]) {
            name_start = before - 1;
        }
    }
    if name_start == words.len() {
        return description(words, lower, definite);
    }
    let Some(name_start) = name_start_at_given_name(words, name_start) else {
        return description(words, lower, definite);
    };
    // A possessive is not part of the name (`Donald Trump's proposal`).
    let name: Vec<String> = words[name_start..]
        .iter()
        .map(|w| {
            w.trim_end_matches(',')
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_string()
        })
        .collect();
    let name = name[name.len().saturating_sub(4)..].to_vec();
    // `a speech Mrs. Clinton delivered`: words before an honorific are not the person's.
    let title_start = lower[..name_start]
        .iter()
        .rposition(|w| HONORIFICS.contains(&w.as_str()))
        .unwrap_or(0);
    Mention::Person {
        name,
        roles: lower[title_start..name_start].to_vec(),
        title: words[title_start..name_start].join(" "),
    }
}

/// Where a person's name starts in `words`, whose run of capitalised words starts at
/// `start`: at its first given name when other capitalised words come before it (`Rival
/// Hillary Clinton`, `Chancellor Angela Merkel`), after a possessive (`CNN’s Jake Tapper`);
/// those words are roles. `None` when a function word follows the given name: title-case
/// headline words (`Gave Hillary Some Of The Worst News`), not a name.
fn name_start_at_given_name(words: &[&str], start: usize) -> Option<usize> {
    let leading = &words[..words.len() - 1];
    let owner = (start..leading.len())
        .rev()
        .find(|&k| leading[k].ends_with("’s") || leading[k].ends_with("'s"));
    let start = owner.map_or(start, |k| k + 1);
    let Some(given) = (start..leading.len()).find(|&k| is_first_name(&leading[k].to_lowercase()))
    else {
        return Some(start);
    };
    // A surname may be a modal (`Theresa May`), not a determiner (`Hillary Some`).
    let in_any = |w: &str, lists: &[&WordSet]| {
        let lower = w.to_lowercase();
        lists.iter().any(|list| list.contains(&lower.as_str()))
    };
    let headline = words[given + 1..words.len() - 1]
        .iter()
        .any(|w| in_any(w, &[PHRASE_STOPS, DETERMINERS, QUANTIFIERS]))
        || words
            .last()
            .is_some_and(|w| in_any(w, &[DETERMINERS, QUANTIFIERS]));
    if headline {
        return None;
    }
    // `J. Christopher Stevens`: initials before the given name are part of the name.
    let initials = leading[start..given]
        .iter()
        .rev()
        .take_while(|w| is_initial(w))
        .count();
    Some(given - initials)
}

/// A full person name (two or three words) found in a run of capitalised words.
pub struct NamedPersonWords {
    /// Capitalised function words before it (`If Kiev …`), which are not part of it.
    pub skipped: usize,
    pub name: Vec<String>,
    pub roles: Vec<String>,
    /// The description after the name and a comma (`a spokesman for Mueller's office`),
    /// as written.
    pub appositive: Vec<String>,
}

/// The full person name in a run of capitalised words, if it holds one.
pub fn named_person(words: &[&str]) -> Option<NamedPersonWords> {
    // A capitalised function word opening a sentence (`If Kiev …`, `For Trump, …`) is not
    // a name.
    let skipped = words
        .iter()
        .take_while(|w| {
            let lower = w.to_lowercase();
            [
                PHRASE_STOPS,
                DETERMINERS,
                PREPOSITIONS,
                PREPOSITIONS_OPENING,
            ]
            .iter()
            .any(|list| list.contains(&lower.as_str()))
        })
        .count();
    match classify(&words[skipped..]) {
        Mention::Person { name, roles, .. } if (2..=3).contains(&name.len()) => {
            Some(NamedPersonWords {
                skipped,
                name,
                roles,
                appositive: Vec::new(),
            })
        }
        _ => None,
    }
}

/// Lower-case slug of a name: letters and digits, words joined by `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '’' && c != '.' {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

/// The gender that a person's titles, role words or first name tell, if any.
fn gender_of(name: &[String], roles: &[String]) -> Option<Gender> {
    let role = |list: &[&str]| roles.iter().any(|r| list.contains(&r.as_str()));
    if role(FEMALE_ROLE_WORDS) {
        return Some(Gender::Female);
    }
    if role(MALE_ROLE_WORDS) {
        return Some(Gender::Male);
    }
    let first = name.first().filter(|_| name.len() > 1)?.to_lowercase();
    if FEMALE_FIRST_NAMES.contains(&first.as_str()) {
        Some(Gender::Female)
    } else if MALE_FIRST_NAMES.contains(&first.as_str()) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Whether a lower-case word is a common first name (`the Donald Trump campaign` names a
/// person's organisation, not an organisation called `Donald Trump`).
/// An initial with its dot (`J.`).
fn is_initial(word: &str) -> bool {
    word.len() == 2 && word.ends_with('.')
}

pub(crate) fn is_first_name(lower: &str) -> bool {
    FEMALE_FIRST_NAMES.contains(&lower) || MALE_FIRST_NAMES.contains(&lower)
}

/// The gender a personal pronoun refers to.
fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        _ => None,
    }
}

/// How far back (bytes) a definite description (`the 34-year-old mother`) looks for the
/// person it refers to: about two paragraphs.
const ANAPHORA_REACH: usize = 1_200;

#[derive(Debug, Clone)]
struct Entity {
    kind: SpeakerKind,
    /// Known from titles, role words or the first name.
    gender: Option<Gender>,
    first_name: Option<String>,
    surname: String,
    name: String,
    /// Lower-case role words from titles and appositives, for role descriptions.
    roles: BTreeSet<String>,
    /// The first role the article gives, as written.
    role: Option<String>,
    aliases: Vec<String>,
    /// Byte position of the latest claim attributed to the entity.
    last_claim: Option<usize>,
    /// Byte end of that claim's content: names inside it are not later antecedents.
    last_claim_end: usize,
    /// An unresolved role description of one person (`the GOP candidate`).
    role_only: bool,
}

impl Entity {
    /// A named person, or a person known only by an unresolved role (`the GOP candidate`),
    /// whom `he` or `she` can refer to.
    fn is_person(&self) -> bool {
        self.kind == SpeakerKind::Person || self.role_only
    }

    fn new(kind: SpeakerKind, name: String) -> Entity {
        Entity {
            kind,
            gender: None,
            first_name: None,
            surname: String::new(),
            name,
            roles: BTreeSet::new(),
            role: None,
            aliases: Vec::new(),
            last_claim: None,
            last_claim_end: 0,
            role_only: false,
        }
    }

    /// Adds a role as written (`Trump campaign spokesman`, `a spokesman for Mueller's
    /// office`): its words before a preposition become role words for later descriptions.
    fn add_role(&mut self, words: &[String]) {
        let start = words
            .iter()
            .take_while(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
            .count();
        self.roles.extend(role_words(words));
        let says_something = words[start..]
            .iter()
            .any(|w| !HONORIFICS.contains(&w.to_lowercase().as_str()));
        if self.role.is_none() && says_something {
            self.role = Some(words[start..].join(" "));
        }
    }
}

/// The lower-case role words of a role as written: the words after its determiners and
/// before a preposition (`a spokesman for …` → `spokesman`), without those before a
/// possessive, which describe someone else (`the nominee's eldest daughter`).
fn role_words(words: &[String]) -> Vec<String> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let start = lower
        .iter()
        .take_while(|w| DETERMINERS.contains(&w.as_str()))
        .count();
    let end = lower[start..]
        .iter()
        .position(|w| ROLE_ENDS.contains(&w.as_str()))
        .map_or(lower.len(), |p| start + p);
    let own = lower[start..end]
        .iter()
        .rposition(|w| w.ends_with("'s") || w.ends_with("’s"))
        .map_or(start, |p| start + p + 1);
    lower[own..end].to_vec()
}

/// A person named in full somewhere in the article (not necessarily as a speaker), used to
/// complete surname mentions and to resolve pronouns and role descriptions.
#[derive(Debug, Clone)]
struct NamedPerson {
    position: usize,
    /// Whether the name opens its sentence, where news names the person it goes on about.
    subject: bool,
    name: Vec<String>,
    roles: Vec<String>,
    appositive: Vec<String>,
}

impl NamedPerson {
    /// Title words and the appositive's role words, lower case.
    fn role_words(&self) -> Vec<String> {
        let mut words = self.roles.clone();
        words.extend(role_words(&self.appositive));
        words
    }
}

/// The entities of one article and the state needed to resolve mentions in reading order.
///
/// Besides the lists, indexes answer each lookup among the candidates it can match (a
/// surname's people, the most recent speakers first) rather than by scanning every entity
/// and every name of the article for every mention, which made long articles quadratic.
/// Each index lists entries in the order of the list it indexes, so that lookups pick what
/// the scans picked.
#[derive(Debug, Default)]
pub struct Registry {
    entities: Vec<Entity>,
    /// Full names in reading order (`learn` is called in text order).
    named: Vec<NamedPerson>,
    /// Whether the mention being resolved lies inside another speaker's claim (`officials
    /// said that Russia attacked …`): it is resolved, but it is not the antecedent of the
    /// next `they`.
    nested: bool,
    /// Whether the mention being resolved follows a cue that makes any phrase a source
    /// (`according to state law`): a description whose head is on no list names a
    /// document rather than no one.
    unlisted_documents: bool,
    /// Indices into `named` by surname, by first name (names of two words or more) and by
    /// role word.
    named_by_surname: HashMap<String, Vec<usize>>,
    named_by_first_name: HashMap<String, Vec<usize>>,
    named_by_role: HashMap<String, Vec<usize>>,
    /// People by surname in ASCII lower case.
    people_by_surname: HashMap<String, Vec<EntityId>>,
    /// The first entity of each other kind by name in ASCII lower case, and the first
    /// organisation by name in lower case.
    first_by_kind_and_name: HashMap<(SpeakerKind, String), EntityId>,
    first_organisation_by_name: HashMap<String, EntityId>,
    /// Entities that made a claim, by (position of the latest claim, id).
    by_recency: BTreeSet<(usize, EntityId)>,
}

/// The id of the speaker of claims whose source names no one the article introduces (a
/// pronoun without antecedent): who it is stays unknown.
pub const UNKNOWN_SPEAKER_ID: &str = "unknown";

/// Index of an entity in a registry.
pub type EntityId = usize;

impl Registry {
    /// Records a capitalised phrase seen at `position` in the text; full person names are
    /// remembered for later surname, pronoun and role-description mentions.
    pub fn learn(&mut self, person: NamedPersonWords, position: usize, subject: bool) {
        let named = NamedPerson {
            position,
            subject: subject && person.skipped == 0,
            name: person.name,
            roles: person.roles,
            appositive: person.appositive,
        };
        let index = self.named.len();
        if let Some(surname) = named.name.last() {
            push_index(&mut self.named_by_surname, surname.clone(), index);
        }
        if let (true, Some(first)) = (named.name.len() > 1, named.name.first()) {
            push_index(&mut self.named_by_first_name, first.clone(), index);
        }
        let roles: BTreeSet<String> = named.role_words().into_iter().collect();
        for role in roles {
            push_index(&mut self.named_by_role, role, index);
        }
        self.named.push(named);
    }

    /// The full names learnt before byte `position`, latest first.
    fn named_before(&self, position: usize) -> impl Iterator<Item = &NamedPerson> {
        let before = self.named.partition_point(|n| n.position < position);
        self.named[..before].iter().rev()
    }

    /// The latest full name before byte `position` whose role words include one of
    /// `wanted` and that `fits`.
    fn named_with_role(
        &self,
        wanted: &[&str],
        position: usize,
        fits: &dyn Fn(&[String]) -> bool,
    ) -> Option<&NamedPerson> {
        let latest = wanted.iter().filter_map(|word| {
            let indices = self.named_by_role.get(*word)?;
            let before = indices.partition_point(|&k| self.named[k].position < position);
            indices[..before]
                .iter()
                .rev()
                .copied()
                .find(|&k| fits(&self.named[k].role_words()))
        });
        latest.max().map(|k| &self.named[k])
    }

    /// The full names with this surname, in reading order.
    fn named_with_surname(&self, surname: &str) -> impl Iterator<Item = &NamedPerson> + Clone {
        let indices = self
            .named_by_surname
            .get(surname)
            .map_or(&[][..], Vec::as_slice);
        indices.iter().map(|&k| &self.named[k])
    }

    /// Resolves the mention `text` (its words `words`) at byte `position` to an entity,
    /// creating one when the mention names someone new; `None` when the mention names no
    /// possible source (`Having`, `however`).
    pub fn resolve(
        &mut self,
        text: &str,
        words: &[&str],
        position: usize,
        content_end: usize,
    ) -> Option<EntityId> {
        let mention = classify(words);
        let id = match &mention {
            Mention::Pronoun(pronoun) => self.resolve_pronoun(pronoun, position),
            Mention::Person { name, roles, title } => {
                let id = self.resolve_person(name, roles, position);
                let title: Vec<String> = title.split_whitespace().map(str::to_string).collect();
                self.entities[id].add_role(&title);
                id
            }
            Mention::Organisation { name } => self.resolve_organisation(name),
            Mention::Description {
                words,
                text,
                definite,
            } => self.resolve_description(words, text, *definite, position)?,
        };
        let entity = &mut self.entities[id];
        if !self.nested {
            if let Some(previous) = entity.last_claim.replace(position) {
                self.by_recency.remove(&(previous, id));
            }
            self.by_recency.insert((position, id));
            entity.last_claim_end = entity.last_claim_end.max(content_end);
        }
        let alias = alias_text(text);
        let is_pronoun = matches!(mention, Mention::Pronoun(_));
        if !is_pronoun && alias != entity.name && !entity.aliases.contains(&alias) {
            entity.aliases.push(alias);
        }
        Some(id)
    }

    /// Marks the next mentions as nested inside another speaker's claim, or not.
    pub fn set_nested(&mut self, nested: bool) {
        self.nested = nested;
    }

    /// Makes a description whose head is on no list name a document in the next
    /// mentions, or no one.
    pub fn set_unlisted_documents(&mut self, documents: bool) {
        self.unlisted_documents = documents;
    }

    /// Adds the appositive of a source mention (`Tanner, an analyst at Cato`) to the role
    /// of the person it describes.
    pub fn add_appositive(&mut self, id: EntityId, appositive: &[&str]) {
        let entity = &mut self.entities[id];
        if entity.kind == SpeakerKind::Person && !appositive.is_empty() {
            let words: Vec<String> = appositive.iter().map(|w| w.to_string()).collect();
            entity.add_role(&words);
        }
    }

    /// Adds an entity (its kind, name and surname final) to the list and the indexes.
    fn push(&mut self, entity: Entity) -> EntityId {
        let id = self.entities.len();
        if entity.kind == SpeakerKind::Person {
            let surname = entity.surname.to_ascii_lowercase();
            push_index(&mut self.people_by_surname, surname, id);
        } else {
            let key = (entity.kind, entity.name.to_ascii_lowercase());
            self.first_by_kind_and_name.entry(key).or_insert(id);
        }
        if entity.kind == SpeakerKind::Organisation {
            let key = entity.name.to_lowercase();
            self.first_organisation_by_name.entry(key).or_insert(id);
        }
        self.entities.push(entity);
        id
    }

    /// The first entity of a kind other than person with this name (ASCII case ignored).
    fn first_of_kind(&self, kind: SpeakerKind, name: &str) -> Option<EntityId> {
        let key = (kind, name.to_ascii_lowercase());
        self.first_by_kind_and_name.get(&key).copied()
    }

    /// The entity for a pronoun with no antecedent.
    fn unknown(&mut self) -> EntityId {
        let existing = self.first_of_kind(SpeakerKind::Unresolved, "");
        existing.unwrap_or_else(|| self.push(Entity::new(SpeakerKind::Unresolved, String::new())))
    }

    /// The accepted entity with the latest claim (of two with the same, the later entity).
    fn most_recent(&self, accept: impl Fn(&Entity) -> bool) -> Option<EntityId> {
        self.by_recency
            .iter()
            .rev()
            .map(|&(_, id)| id)
            .find(|&id| accept(&self.entities[id]))
    }

    fn resolve_pronoun(&mut self, pronoun: &str, position: usize) -> EntityId {
        let found = if PERSON_PRONOUNS.contains(&pronoun) {
            let wanted = pronoun_gender(pronoun);
            let fits =
                |gender: Option<Gender>| wanted.is_none() || gender.is_none() || gender == wanted;
            let speaker = self.most_recent(|e| e.is_person() && fits(e.gender));
            // A person named in full after the last person who spoke is the likelier
            // antecedent ("Jill Stein … She said").
            let named_later = self
                .named_before(position)
                .find(|n| n.subject && fits(gender_of(&n.name, &n.role_words())))
                .filter(|n| speaker.is_none_or(|s| self.entities[s].last_claim_end < n.position))
                .cloned();
            match named_later {
                Some(named) => Some(self.resolve_named(&named, position)),
                None => speaker,
            }
        } else if GROUP_PRONOUNS.contains(&pronoun) {
            self.most_recent(|e| {
                matches!(
                    e.kind,
                    SpeakerKind::Organisation | SpeakerKind::Group | SpeakerKind::Anonymous
                )
            })
        } else {
            self.most_recent(|e| !(e.kind == SpeakerKind::Unresolved && e.name.is_empty()))
        };
        found.unwrap_or_else(|| self.unknown())
    }

    /// The person a named mention (`NamedPerson`) is, with its roles.
    fn resolve_named(&mut self, named: &NamedPerson, position: usize) -> EntityId {
        let id = self.resolve_person(&named.name, &named.roles, position);
        self.entities[id].add_role(&named.appositive);
        id
    }

    /// The full name a bare surname or first name stands for. Where two people named in
    /// the article share the surname (`Donald Trump`, `Ivanka Trump`), news goes on calling
    /// the one it introduced first by the surname and the other by the first name.
    fn complete_name(&self, word: &str, position: usize) -> Option<NamedPerson> {
        let by_surname = self.named_with_surname(word);
        let first_named = by_surname.clone().next();
        let full_names: BTreeSet<&Vec<String>> = by_surname.clone().map(|n| &n.name).collect();
        if full_names.len() > 1 {
            return first_named.cloned();
        }
        let by_surname: Vec<&NamedPerson> = by_surname.collect();
        let before = by_surname.partition_point(|n| n.position <= position);
        before
            .checked_sub(1)
            .map(|k| by_surname[k])
            .or(first_named)
            .or_else(|| {
                // A first name alone (`Ivanka`) names the one person of that first name.
                let indices = self.named_by_first_name.get(word)?;
                let first = &self.named[*indices.first()?];
                let mut by_first = indices.iter().map(|&k| &self.named[k]);
                by_first.all(|n| n.name == first.name).then_some(first)
            })
            .cloned()
    }

    fn resolve_person(&mut self, name: &[String], roles: &[String], position: usize) -> EntityId {
        let completed = match name {
            [only] => self.complete_name(only, position),
            _ => None,
        };
        let name: &[String] = completed.as_ref().map_or(name, |n| &n.name);
        let surname_index = name
            .iter()
            .rposition(|w| !NAME_SUFFIXES.contains(&w.to_lowercase().as_str()))
            .unwrap_or(name.len() - 1);
        let surname = name[surname_index].clone();
        let first_name = (surname_index > 0).then(|| name[0].clone());
        let same_person = |e: &Entity| {
            e.kind == SpeakerKind::Person
                && e.surname.eq_ignore_ascii_case(&surname)
                && match (&first_name, &e.first_name) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        let people = self.people_by_surname.get(&surname.to_ascii_lowercase());
        let existing = people
            .into_iter()
            .flatten()
            .copied()
            .filter(|&id| same_person(&self.entities[id]))
            .max_by_key(|&id| self.entities[id].last_claim);
        let id = existing.unwrap_or_else(|| self.new_person(name, &surname));
        let entity = &mut self.entities[id];
        if entity.first_name.is_none() && first_name.is_some() {
            entity.first_name = first_name;
            entity.name = name.join(" ");
        }
        entity.roles.extend(roles.iter().cloned());
        if entity.gender.is_none() {
            let full_name: Vec<String> = entity.name.split(' ').map(str::to_string).collect();
            let roles: Vec<String> = entity.roles.iter().cloned().collect();
            entity.gender = gender_of(&full_name, &roles);
        }
        id
    }

    /// A new person entity, with the roles of every narrated mention of the same person.
    fn new_person(&mut self, name: &[String], surname: &str) -> EntityId {
        let mut entity = Entity::new(SpeakerKind::Person, name.join(" "));
        entity.first_name = (name.len() > 1).then(|| name[0].clone());
        entity.surname = surname.to_string();
        let same = |n: &&NamedPerson| name.len() < 2 || n.name.first() == name.first();
        for named in self.named_with_surname(surname).filter(same) {
            entity.roles.extend(named.roles.iter().cloned());
            entity.add_role(&named.appositive);
        }
        self.push(entity)
    }

    fn resolve_organisation(&mut self, name: &str) -> EntityId {
        let key = name.to_lowercase();
        let last_word = key.split_whitespace().last().unwrap_or("").to_string();
        let exact = self.first_organisation_by_name.get(&key).copied();
        // A short form names an organisation met before (`The Post` → New York Post).
        let short_form = || {
            self.most_recent(|e| {
                e.kind == SpeakerKind::Organisation
                    && key.split_whitespace().count() <= 2
                    && e.name.to_lowercase().ends_with(&last_word)
            })
        };
        match exact.or_else(short_form) {
            Some(id) => id,
            None => self.push(Entity::new(SpeakerKind::Organisation, name.to_string())),
        }
    }

    /// A description resolves by its head noun: a role to the person the article gave that
    /// role (or, after `the`, to the person just quoted), an organisation noun to the
    /// organisation met before; groups, documents and anonymous sources stay themselves.
    fn resolve_description(
        &mut self,
        words: &[String],
        text: &str,
        definite: bool,
        position: usize,
    ) -> Option<EntityId> {
        let head = words.last()?;
        let unlisted = self.unlisted_documents.then_some(DescriptionKind::Document);
        let kind = source_kind::description_kind(words).or(unlisted)?;
        let found = match kind {
            DescriptionKind::Role => self.resolve_role(words, definite, position),
            DescriptionKind::Organisation => self.most_recent(|e| {
                e.kind == SpeakerKind::Organisation
                    && e.name.to_lowercase().ends_with(head.as_str())
            }),
            _ => None,
        };
        if let Some(id) = found {
            return Some(id);
        }
        let kind = match kind {
            DescriptionKind::Role => SpeakerKind::Unresolved,
            DescriptionKind::Group => SpeakerKind::Group,
            DescriptionKind::Organisation => SpeakerKind::Organisation,
            DescriptionKind::Document => SpeakerKind::Document,
            DescriptionKind::Anonymous => SpeakerKind::Anonymous,
        };
        let name = capitalise_first(text);
        let existing = self.first_of_kind(kind, &name);
        Some(existing.unwrap_or_else(|| {
            let mut entity = Entity::new(kind, name);
            entity.role_only = kind == SpeakerKind::Unresolved;
            entity.gender = gender_of(&[], words);
            self.push(entity)
        }))
    }

    /// The person a role description (`the top Ukrainian diplomat`, `the spokesman`)
    /// refers to: one whose titles or appositive give the role, else, for a definite
    /// description that is no title (`the 34-year-old mother`), the person just quoted.
    fn resolve_role(
        &mut self,
        words: &[String],
        definite: bool,
        position: usize,
    ) -> Option<EntityId> {
        let head = words.last()?;
        let wanted: Vec<&str> = ROLE_SYNONYMS
            .iter()
            .find(|(h, _)| h == head)
            .map_or_else(|| vec![head.as_str()], |(_, syn)| syn.to_vec());
        let qualifiers: Vec<&String> = words[..words.len() - 1]
            .iter()
            .filter(|w| DEMONYMS.contains(&w.as_str()) || TITLE_WORDS.contains(&w.as_str()))
            .filter(|w| !matches!(w.as_str(), "top" | "senior" | "former" | "chief"))
            .collect();
        let fits = |roles: &[String]| {
            wanted.iter().any(|w| roles.iter().any(|r| r == w))
                && qualifiers.iter().all(|q| roles.contains(q))
        };
        let speaking = self.most_recent(|e| {
            e.kind == SpeakerKind::Person && fits(&e.roles.iter().cloned().collect::<Vec<_>>())
        });
        if speaking.is_some() {
            return speaking;
        }
        let named = self.named_with_role(&wanted, position, &fits).cloned();
        if let Some(named) = named {
            return Some(self.resolve_named(&named, position));
        }
        if !definite || TITLE_WORDS.contains(&head.as_str()) {
            return None;
        }
        let gender = gender_of(&[], words);
        self.most_recent(|e| {
            e.kind == SpeakerKind::Person
                && e.last_claim_end + ANAPHORA_REACH >= position
                && (gender.is_none() || e.gender.is_none() || e.gender == gender)
        })
    }

    /// The stable id of every entity: a person's surname slug (first name and surname when
    /// two people of the article share a surname), another entity's name slug.
    pub fn ids(&self) -> Vec<String> {
        let mut surname_count: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for e in self
            .entities
            .iter()
            .filter(|e| e.kind == SpeakerKind::Person)
        {
            surname_count
                .entry(slug(&e.surname))
                .or_default()
                .insert(e.name.clone());
        }
        self.entities
            .iter()
            .map(|e| match e.kind {
                SpeakerKind::Person => {
                    let base = slug(&e.surname);
                    if surname_count
                        .get(&base)
                        .is_some_and(|names| names.len() > 1)
                    {
                        slug(&e.name)
                    } else {
                        base
                    }
                }
                _ => {
                    let s = slug(&e.name);
                    if s.is_empty() {
                        UNKNOWN_SPEAKER_ID.to_string()
                    } else {
                        s
                    }
                }
            })
            .collect()
    }

    /// The kind of entity `id`.
    pub fn kind(&self, id: EntityId) -> SpeakerKind {
        self.entities[id].kind
    }

    /// The speaker record of entity `id` under the stable id `stable_id`.
    pub fn speaker(&self, id: EntityId, stable_id: &str) -> Speaker {
        let e = &self.entities[id];
        let name = if e.name.is_empty() {
            "unknown speaker".to_string()
        } else {
            e.name.clone()
        };
        Speaker {
            id: stable_id.to_string(),
            aliases: e.aliases.iter().filter(|a| **a != name).cloned().collect(),
            name,
            kind: e.kind,
            role: e.role.clone(),
        }
    }
}

/// Appends `index` to the list of `key`.
fn push_index(index: &mut HashMap<String, Vec<usize>>, key: String, value: usize) {
    index.entry(key).or_default().push(value);
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A mention as an alias: a leading `The` is lower-cased (`the Russian foreign minister`).
fn alias_text(text: &str) -> String {
    match text.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => text.to_string(),
    }
}

/// Merges the speaker lists of several articles of one run: speakers with the same id
/// become one, keeping the longest name and the union of aliases. A speaker known only by
/// a surname id in one article and by a first-name-and-surname id in another (because two
/// people shared the surname there) is renamed to the longer id when their names agree;
/// `renames` returns each article's old → new ids so that its claims can follow.
pub fn merge_speakers(lists: &[Vec<Speaker>]) -> (Vec<Speaker>, Vec<BTreeMap<String, String>>) {
    // `Donald J. Trump` and `Donald Trump` are one name: initials are left out of the key.
    let name_key = |name: &str| -> String {
        let words: Vec<&str> = name.split_whitespace().filter(|w| !is_initial(w)).collect();
        words.join(" ").to_lowercase()
    };
    let full_ids: BTreeMap<String, String> = lists
        .iter()
        .flatten()
        .filter(|s| s.id.contains('-') && [slug(&s.name), slug(&name_key(&s.name))].contains(&s.id))
        .map(|s| (name_key(&s.name), s.id.clone()))
        .collect();
    let surname_or_full_id = |speaker: &Speaker| {
        full_ids
            .get(&name_key(&speaker.name))
            .cloned()
            .unwrap_or_else(|| speaker.id.clone())
    };
    // One surname id can name two people in two articles (`clinton`: Bill Clinton in one,
    // Hillary Clinton in the other); those named in full then keep apart under full-name ids.
    let mut given_names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for speaker in lists.iter().flatten() {
        if let Some(given) = given_name(speaker, &name_key(&speaker.name)) {
            given_names
                .entry(surname_or_full_id(speaker))
                .or_default()
                .insert(given);
        }
    }
    let mut merged: Vec<Speaker> = Vec::new();
    let mut renames = Vec::new();
    for list in lists {
        let mut rename = BTreeMap::new();
        for speaker in list {
            let mut id = surname_or_full_id(speaker);
            let key = name_key(&speaker.name);
            if given_names.get(&id).is_some_and(|names| names.len() > 1)
                && given_name(speaker, &key).is_some()
            {
                id = slug(&key);
            }
            if id != speaker.id {
                rename.insert(speaker.id.clone(), id.clone());
            }
            match merged.iter_mut().find(|m| m.id == id) {
                Some(m) => {
                    if m.role.is_none() {
                        m.role.clone_from(&speaker.role);
                    }
                    if speaker.name.len() > m.name.len() {
                        let old = std::mem::replace(&mut m.name, speaker.name.clone());
                        if !m.aliases.contains(&old) {
                            m.aliases.push(old);
                        }
                    }
                    for alias in speaker.aliases.iter().chain([&speaker.name]) {
                        if *alias != m.name && !m.aliases.contains(alias) {
                            m.aliases.push(alias.clone());
                        }
                    }
                }
                None => merged.push(Speaker {
                    id,
                    ..speaker.clone()
                }),
            }
        }
        renames.push(rename);
    }
    (merged, renames)
}

/// The lower-case given name of a person speaker named in full (`hillary` of `hillary
/// clinton`, the name key), `None` for a surname alone or a speaker that is no person.
fn given_name(speaker: &Speaker, name_key: &str) -> Option<String> {
    let mut words = name_key.split_whitespace();
    let given = words.next()?;
    (speaker.kind == SpeakerKind::Person && words.next().is_some()).then(|| given.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capitalised_preposition_opening_a_sentence_is_no_given_name() {
        assert!(named_person(&["For", "Trump"]).is_none());
        let named =
            named_person(&["For", "Donald", "Trump"]).expect("a name after the preposition");
        assert_eq!(named.skipped, 1);
        assert_eq!(named.name, ["Donald", "Trump"]);
    }

    #[test]
    fn a_full_name_with_titles_is_a_person_with_roles() {
        assert_eq!(
            classify(&["Russian", "Foreign", "Minister", "Sergey", "Lavrov"]),
            Mention::Person {
                name: vec!["Sergey".into(), "Lavrov".into()],
                roles: vec!["russian".into(), "foreign".into(), "minister".into()],
                title: "Russian Foreign Minister".into(),
            }
        );
    }

    #[test]
    fn organisations_descriptions_and_pronouns() {
        assert_eq!(
            classify(&["The", "Russian", "Defense", "Ministry"]),
            Mention::Organisation {
                name: "Russian Defense Ministry".into()
            }
        );
        assert_eq!(
            classify(&["the", "top", "Ukrainian", "diplomat"]),
            Mention::Description {
                words: vec!["top".into(), "ukrainian".into(), "diplomat".into()],
                text: "top Ukrainian diplomat".into(),
                definite: true,
            }
        );
        assert_eq!(classify(&["She"]), Mention::Pronoun("she".into()));
    }

    #[test]
    fn an_office_named_with_of_before_a_full_name_is_the_persons_title() {
        assert_eq!(
            classify(&["Secretary", "of", "State", "John", "Kerry"]),
            Mention::Person {
                name: vec!["John".into(), "Kerry".into()],
                roles: vec!["secretary".into(), "state".into()],
                title: "Secretary of State".into(),
            }
        );
        let claims = crate::claims::rules::test_support::claims_of(
            "Former Director of National Intelligence James Clapper said the threat was real. \
             Clapper said the agencies agreed.",
        );
        let speakers: Vec<&str> = claims.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(speakers, ["clapper", "clapper"]);
        // A name before `of` keeps its place (`Rep. Elijah Cummings of Maryland`).
        assert!(matches!(
            classify(&["Rep.", "Elijah", "Cummings", "of", "Maryland"]),
            Mention::Person { name, .. } if name == ["Elijah", "Cummings"]
        ));
    }

    #[test]
    fn adjectives_before_an_organisation_name_are_not_part_of_it() {
        let organisation = |name: &str| Mention::Organisation { name: name.into() };
        assert_eq!(
            classify(&["the", "conservative-leaning", "Tax", "Foundation"]),
            organisation("Tax Foundation")
        );
        assert_eq!(
            classify(&[
                "the",
                "nonpartisan",
                "Center",
                "for",
                "American",
                "Progress"
            ]),
            organisation("Center for American Progress")
        );
        assert_eq!(classify(&["a", "super", "PAC"]), organisation("super PAC"));
    }

    #[test]
    fn surnames_roles_and_pronouns_resolve_to_the_named_people() {
        let mut registry = Registry::default();
        let mut resolve = |text: &str, words: &[&str], at: usize| {
            registry.resolve(text, words, at, at).expect("a speaker")
        };
        let lavrov = resolve(
            "Russian Foreign Minister Sergey Lavrov",
            &["Russian", "Foreign", "Minister", "Sergey", "Lavrov"],
            0,
        );
        let kuleba = resolve(
            "Ukrainian Foreign Minister Dmytro Kuleba",
            &["Ukrainian", "Foreign", "Minister", "Dmytro", "Kuleba"],
            10,
        );
        assert_eq!(resolve("he", &["he"], 20), kuleba);
        assert_eq!(
            resolve(
                "the Russian foreign minister",
                &["the", "Russian", "foreign", "minister"],
                30
            ),
            lavrov
        );
        assert_eq!(
            resolve(
                "the top Ukrainian diplomat",
                &["the", "top", "Ukrainian", "diplomat"],
                40
            ),
            kuleba
        );
        assert_eq!(resolve("Lavrov", &["Lavrov"], 50), lavrov);
        let ids = registry.ids();
        assert_eq!(ids[lavrov], "lavrov");
        let speaker = registry.speaker(lavrov, &ids[lavrov]);
        assert_eq!(speaker.name, "Sergey Lavrov");
        assert!(speaker
            .aliases
            .contains(&"the Russian foreign minister".to_string()));
        assert!(speaker.aliases.contains(&"Lavrov".to_string()));
    }

    #[test]
    fn titles_go_to_the_role_and_hyphenated_titles_are_titles() {
        let Mention::Person { name, title, .. } =
            classify(&["BuzzFeed", "Editor-in-Chief", "Ben", "Smith"])
        else {
            panic!("a person");
        };
        assert_eq!(name, ["Ben", "Smith"]);
        assert_eq!(title, "BuzzFeed Editor-in-Chief");
    }

    #[test]
    fn contractions_and_clause_remnants_are_no_speakers() {
        assert_eq!(classify(&["We’ve"]), Mention::Pronoun("we".into()));
        assert_eq!(classify(&["He's"]), Mention::Pronoun("he".into()));
        let mut registry = Registry::default();
        for remnant in [
            ["having"],
            ["however"],
            ["early-morning"],
            ["investigating"],
        ] {
            assert_eq!(registry.resolve(remnant[0], &remnant, 0, 0), None);
        }
    }

    #[test]
    fn a_quantifier_of_a_group_is_the_group_and_a_surname_before_of_is_a_name() {
        let half = ["Half", "of", "Vermont", "Democrats"];
        assert!(matches!(classify(&half), Mention::Description { .. }));
        let conyers = ["John", "Conyers", "of", "Michigan"];
        assert!(matches!(classify(&conyers), Mention::Person { .. }));
    }

    /// The name and title of a mention that must be a person's.
    fn name_and_title(words: &[&str]) -> (String, String) {
        match classify(words) {
            Mention::Person { name, title, .. } => (name.join(" "), title),
            other => panic!("{words:?} gave {other:?}"),
        }
    }

    #[test]
    fn a_title_or_nationality_after_a_first_name_or_honorific_is_a_surname() {
        let person = |words: &[&str]| name_and_title(words).0;
        assert_eq!(person(&["David", "French"]), "David French");
        assert_eq!(person(&["columnist", "David", "French"]), "David French");
        assert_eq!(person(&["Mr.", "King"]), "King");
        assert_eq!(person(&["Peter", "T.", "King"]), "Peter T. King");
        assert_eq!(name_and_title(&["speech", "Mrs.", "Clinton"]).1, "Mrs.");
        assert!(matches!(
            classify(&["the", "French"]),
            Mention::Description { .. }
        ));
    }

    #[test]
    fn words_before_a_given_name_or_after_a_possessive_are_roles() {
        let person = name_and_title;
        let named = |name: &str, title: &str| (name.to_string(), title.to_string());
        assert_eq!(
            person(&["Rival", "Hillary", "Clinton"]),
            named("Hillary Clinton", "Rival")
        );
        assert_eq!(
            person(&["Chancellor", "Angela", "Merkel"]),
            named("Angela Merkel", "Chancellor")
        );
        assert_eq!(
            person(&["CNN’s", "Jake", "Tapper"]),
            named("Jake Tapper", "CNN’s")
        );
        assert_eq!(
            person(&["J.", "Christopher", "Stevens"]),
            named("J. Christopher Stevens", "")
        );
        assert_eq!(
            person(&["Prime", "Minister", "Theresa", "May"]),
            named("Theresa May", "Prime Minister")
        );
        let headline = ["Judge", "Just", "Gave", "Hillary", "Some"];
        assert!(matches!(classify(&headline), Mention::Description { .. }));
    }

    #[test]
    fn a_state_of_several_words_is_an_organisation() {
        let agency = ["Citizenship", "and", "Immigration", "Services"];
        assert!(matches!(classify(&agency), Mention::Organisation { .. }));
        for state in [&["South", "Korea"][..], &["the", "United", "States"]] {
            assert!(
                matches!(classify(state), Mention::Organisation { .. }),
                "{state:?}"
            );
        }
    }

    #[test]
    fn a_compound_of_nationalities_is_no_name() {
        let talks = ["The", "Russian-Ukrainian"];
        assert!(matches!(classify(&talks), Mention::Description { .. }));
    }

    #[test]
    fn descriptions_are_typed_by_their_head() {
        let mut registry = Registry::default();
        let mut kind_of = |words: &[&str]| {
            let id = registry
                .resolve(&words.join(" "), words, 0, 0)
                .expect("a source");
            registry.kind(id)
        };
        assert_eq!(kind_of(&["officials"]), SpeakerKind::Anonymous);
        assert_eq!(kind_of(&["a", "source"]), SpeakerKind::Anonymous);
        assert_eq!(kind_of(&["the", "report"]), SpeakerKind::Document);
        assert_eq!(kind_of(&["Republicans"]), SpeakerKind::Group);
        assert_eq!(kind_of(&["Lawmakers"]), SpeakerKind::Group);
        assert_eq!(kind_of(&["Polls"]), SpeakerKind::Document);
        assert_eq!(kind_of(&["Sanders"]), SpeakerKind::Person);
        assert_eq!(kind_of(&["Turkey"]), SpeakerKind::Organisation);
        assert_eq!(kind_of(&["the", "spokesman"]), SpeakerKind::Unresolved);
    }

    #[test]
    fn a_role_resolves_to_the_person_an_appositive_gave_it() {
        let mut registry = Registry::default();
        let mut carr = NamedPersonWords {
            skipped: 0,
            name: vec!["Peter".into(), "Carr".into()],
            roles: vec![],
            appositive: vec![],
        };
        carr.appositive = ["a", "spokesman", "for", "Mueller's", "office"]
            .map(String::from)
            .to_vec();
        registry.learn(carr, 0, true);
        let id = registry
            .resolve("the spokesman", &["the", "spokesman"], 100, 150)
            .expect("a speaker");
        let ids = registry.ids();
        let speaker = registry.speaker(id, &ids[id]);
        assert_eq!(speaker.name, "Peter Carr");
        assert_eq!(
            speaker.role.as_deref(),
            Some("spokesman for Mueller's office")
        );
    }

    #[test]
    fn a_definite_description_refers_back_to_the_person_just_quoted() {
        let mut registry = Registry::default();
        let ivanka = registry
            .resolve("Ivanka Trump", &["Ivanka", "Trump"], 0, 50)
            .expect("a speaker");
        let mother = ["the", "34-year-old", "mother"];
        assert_eq!(
            registry.resolve("the 34-year-old mother", &mother, 80, 120),
            Some(ivanka)
        );
        // Far from any quoted person it is left unresolved.
        let id = registry
            .resolve("the 34-year-old mother", &mother, 9_000, 9_100)
            .expect("a speaker");
        assert_eq!(registry.kind(id), SpeakerKind::Unresolved);
    }

    #[test]
    fn two_people_sharing_a_surname_get_full_name_ids() {
        let mut registry = Registry::default();
        registry.resolve("Hillary Clinton", &["Hillary", "Clinton"], 0, 0);
        registry.resolve("Bill Clinton", &["Bill", "Clinton"], 10, 10);
        assert_eq!(registry.ids(), ["hillary-clinton", "bill-clinton"]);
    }

    #[test]
    fn merging_articles_unifies_ids_and_aliases() {
        let a = vec![Speaker {
            id: "clinton".into(),
            name: "Hillary Clinton".into(),
            kind: SpeakerKind::Person,
            role: None,
            aliases: vec!["Clinton".into()],
        }];
        let b = vec![
            Speaker {
                id: "hillary-clinton".into(),
                name: "Hillary Clinton".into(),
                kind: SpeakerKind::Person,
                role: None,
                aliases: vec!["Mrs. Clinton".into()],
            },
            Speaker {
                id: "bill-clinton".into(),
                name: "Bill Clinton".into(),
                kind: SpeakerKind::Person,
                role: None,
                aliases: vec![],
            },
        ];
        let (merged, renames) = merge_speakers(&[a, b]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].id, "hillary-clinton");
        assert_eq!(merged[0].aliases, ["Clinton", "Mrs. Clinton"]);
        assert_eq!(renames[0]["clinton"], "hillary-clinton");
    }

    /// A person speaker of one article, by id and name.
    fn person(id: &str, name: &str) -> Speaker {
        Speaker {
            id: id.into(),
            name: name.into(),
            kind: SpeakerKind::Person,
            role: None,
            aliases: vec![],
        }
    }

    #[test]
    fn one_surname_id_for_two_people_in_two_articles_becomes_two_full_name_ids() {
        let bill = vec![person("clinton", "Bill Clinton")];
        let hillary = vec![person("clinton", "Hillary Clinton")];
        let surname_only = vec![person("clinton", "Clinton")];
        let (merged, renames) = merge_speakers(&[bill, hillary, surname_only]);
        let ids: Vec<&str> = merged.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["bill-clinton", "hillary-clinton", "clinton"]);
        assert_eq!(renames[0]["clinton"], "bill-clinton");
        assert_eq!(renames[1]["clinton"], "hillary-clinton");
        assert!(renames[2].is_empty());
        // The same given name is the same person (`Hillary Rodham Clinton`).
        let a = vec![person("clinton", "Hillary Clinton")];
        let b = vec![person("clinton", "Hillary Rodham Clinton")];
        let (merged, _) = merge_speakers(&[a, b]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].id, "clinton");
    }

    #[test]
    fn merging_articles_ignores_middle_initials() {
        let a = vec![person("trump", "Donald J. Trump")];
        let b = vec![
            person("donald-trump", "Donald Trump"),
            person("melania-trump", "Melania Trump"),
        ];
        let (merged, renames) = merge_speakers(&[a, b]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].id, "donald-trump");
        assert_eq!(merged[0].name, "Donald J. Trump");
        assert_eq!(renames[0]["trump"], "donald-trump");
    }
}

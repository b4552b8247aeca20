//! Speaker resolution: turns the mention that names a claim's source (a full name with
//! titles, a surname, a role description, an organisation or a pronoun) into an entity of
//! the article, and gives every entity a stable id derived from its name, so that the same
//! person gets the same id in every article of a run.

use std::collections::{BTreeMap, BTreeSet};

use super::lexicon::{
    DEMONYMS, DETERMINERS, FEMALE_FIRST_NAMES, FEMALE_ROLE_WORDS, FIRST_PERSON_PRONOUNS,
    GROUP_PRONOUNS, MALE_FIRST_NAMES, MALE_ROLE_WORDS, NAME_SUFFIXES, ORGANISATION_HEADS,
    PERSON_PRONOUNS, PHRASE_STOPS, ROLE_SYNONYMS, TITLE_WORDS,
};
use super::Speaker;

/// What a source mention is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// A person's name (`["Sergey", "Lavrov"]`) with the title and role words around it.
    Person {
        name: Vec<String>,
        roles: Vec<String>,
    },
    /// An organisation's name without a leading article (`Russian Defense Ministry`).
    Organisation { name: String },
    /// A description without a name (`the top Ukrainian diplomat`, `a source`), lower case
    /// and without determiners.
    Description { words: Vec<String> },
    /// A pronoun, lower case.
    Pronoun(String),
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_title_word(lower: &str) -> bool {
    TITLE_WORDS.contains(&lower) || DEMONYMS.contains(&lower)
}

/// Classifies the words of a source mention.
pub fn classify(words: &[&str]) -> Mention {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if let [only] = lower.as_slice() {
        let pronouns = [PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON_PRONOUNS];
        if pronouns.iter().any(|list| list.contains(&only.as_str())) {
            return Mention::Pronoun(only.clone());
        }
    }
    let mut first = 0;
    while first < words.len() && DETERMINERS.contains(&lower[first].as_str()) {
        first += 1;
    }
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
        if link > 0 && !head_is_org {
            return classify(&words[..link]);
        }
        if head_is_org {
            return Mention::Organisation {
                name: words.join(" "),
            };
        }
    }
    let Some(last) = lower.last() else {
        return Mention::Description { words: Vec::new() };
    };
    let last_capitalised = words.last().is_some_and(|w| is_capitalised(w));
    if !last_capitalised {
        return Mention::Description {
            words: lower.to_vec(),
        };
    }
    let is_group = words.len() == 1
        && ["ans", "ats", "ists", "ites", "ians"]
            .iter()
            .any(|e| last.ends_with(e));
    if is_group {
        return Mention::Description {
            words: lower.to_vec(),
        };
    }
    let is_org = ORGANISATION_HEADS.contains(&last.trim_end_matches("’s").trim_end_matches("'s"))
        || (had_article && words.iter().all(|w| is_capitalised(w) || w.len() <= 3));
    if is_org {
        return Mention::Organisation {
            name: words.join(" "),
        };
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
    if name_start == words.len() {
        return Mention::Description {
            words: lower.to_vec(),
        };
    }
    let name: Vec<String> = words[name_start..]
        .iter()
        .map(|w| w.trim_end_matches(',').to_string())
        .collect();
    let name = name[name.len().saturating_sub(4)..].to_vec();
    Mention::Person {
        name,
        roles: lower[..name_start].to_vec(),
    }
}

/// A full person name (two or three words) found in a run of capitalised words.
pub struct NamedPersonWords {
    /// Capitalised function words before it (`If Kiev …`), which are not part of it.
    pub skipped: usize,
    pub name: Vec<String>,
    pub roles: Vec<String>,
}

/// The full person name in a run of capitalised words, if it holds one.
pub fn named_person(words: &[&str]) -> Option<NamedPersonWords> {
    // A capitalised function word opening a sentence (`If Kiev …`) is not a name.
    let skipped = words
        .iter()
        .take_while(|w| {
            let lower = w.to_lowercase();
            PHRASE_STOPS.contains(&lower.as_str()) || DETERMINERS.contains(&lower.as_str())
        })
        .count();
    match classify(&words[skipped..]) {
        Mention::Person { name, roles } if (2..=3).contains(&name.len()) => {
            Some(NamedPersonWords {
                skipped,
                name,
                roles,
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
enum EntityKind {
    Person,
    Organisation,
    Group,
    Unknown,
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

/// The gender a personal pronoun refers to.
fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        _ => None,
    }
}

#[derive(Debug, Clone)]
struct Entity {
    kind: EntityKind,
    /// Known from titles, role words or the first name.
    gender: Option<Gender>,
    first_name: Option<String>,
    surname: String,
    name: String,
    roles: BTreeSet<String>,
    aliases: Vec<String>,
    /// Byte position of the latest claim attributed to the entity.
    last_claim: Option<usize>,
    /// Byte end of that claim's content: names inside it are not later antecedents.
    last_claim_end: usize,
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
}

/// The entities of one article and the state needed to resolve mentions in reading order.
#[derive(Debug, Default)]
pub struct Registry {
    entities: Vec<Entity>,
    named: Vec<NamedPerson>,
}

/// Index of an entity in a registry.
pub type EntityId = usize;

impl Registry {
    /// Records a capitalised phrase seen at `position` in the text; full person names are
    /// remembered for later surname, pronoun and role-description mentions.
    pub fn learn(&mut self, person: NamedPersonWords, position: usize, subject: bool) {
        self.named.push(NamedPerson {
            position,
            subject: subject && person.skipped == 0,
            name: person.name,
            roles: person.roles,
        });
    }

    /// Resolves the mention `text` (its words `words`) at byte `position` to an entity,
    /// creating one when the mention names someone new.
    pub fn resolve(
        &mut self,
        text: &str,
        words: &[&str],
        position: usize,
        content_end: usize,
    ) -> EntityId {
        let id = match classify(words) {
            Mention::Pronoun(pronoun) => self.resolve_pronoun(&pronoun, position),
            Mention::Person { name, roles } => self.resolve_person(&name, &roles, position),
            Mention::Organisation { name } => self.resolve_organisation(&name),
            Mention::Description { words } => self.resolve_description(&words, position),
        };
        let entity = &mut self.entities[id];
        entity.last_claim = Some(position);
        entity.last_claim_end = entity.last_claim_end.max(content_end);
        let alias = alias_text(text);
        let is_pronoun = matches!(classify(words), Mention::Pronoun(_));
        if !is_pronoun && alias != entity.name && !entity.aliases.contains(&alias) {
            entity.aliases.push(alias);
        }
        id
    }

    fn push(&mut self, entity: Entity) -> EntityId {
        self.entities.push(entity);
        self.entities.len() - 1
    }

    fn unknown(&mut self) -> EntityId {
        if let Some(id) = self
            .entities
            .iter()
            .position(|e| e.kind == EntityKind::Unknown)
        {
            return id;
        }
        self.push(Entity {
            kind: EntityKind::Unknown,
            first_name: None,
            surname: String::new(),
            name: "unknown speaker".into(),
            roles: BTreeSet::new(),
            aliases: Vec::new(),
            last_claim: None,
            last_claim_end: 0,
            gender: None,
        })
    }

    fn most_recent(&self, accept: impl Fn(&Entity) -> bool) -> Option<EntityId> {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| accept(e) && e.last_claim.is_some())
            .max_by_key(|(_, e)| e.last_claim)
            .map(|(i, _)| i)
    }

    fn resolve_pronoun(&mut self, pronoun: &str, position: usize) -> EntityId {
        let found = if PERSON_PRONOUNS.contains(&pronoun) {
            let wanted = pronoun_gender(pronoun);
            let fits =
                |gender: Option<Gender>| wanted.is_none() || gender.is_none() || gender == wanted;
            let speaker = self.most_recent(|e| e.kind == EntityKind::Person && fits(e.gender));
            // A person named in full after the last person who spoke is the likelier
            // antecedent ("Jill Stein … She said").
            let named_later = self
                .named
                .iter()
                .rev()
                .find(|n| n.position < position && n.subject && fits(gender_of(&n.name, &n.roles)))
                .filter(|n| speaker.is_none_or(|s| self.entities[s].last_claim_end < n.position))
                .cloned();
            match named_later {
                Some(named) => Some(self.resolve_person(&named.name, &named.roles, position)),
                None => speaker,
            }
        } else if GROUP_PRONOUNS.contains(&pronoun) {
            self.most_recent(|e| matches!(e.kind, EntityKind::Organisation | EntityKind::Group))
        } else {
            self.most_recent(|e| e.kind != EntityKind::Unknown)
        };
        found.unwrap_or_else(|| self.unknown())
    }

    fn resolve_person(&mut self, name: &[String], roles: &[String], position: usize) -> EntityId {
        let surname_index = name
            .iter()
            .rposition(|w| !NAME_SUFFIXES.contains(&w.to_lowercase().as_str()))
            .unwrap_or(name.len() - 1);
        let surname = name[surname_index].clone();
        let first_name = (surname_index > 0).then(|| name[0].clone());
        let same_person = |e: &Entity| {
            e.kind == EntityKind::Person
                && e.surname.eq_ignore_ascii_case(&surname)
                && match (&first_name, &e.first_name) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        let existing = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| same_person(e))
            .max_by_key(|(_, e)| e.last_claim)
            .map(|(i, _)| i);
        let id = match existing {
            Some(id) => id,
            None => {
                // Complete a bare surname from a full name seen in the article.
                let full = if first_name.is_none() {
                    self.named
                        .iter()
                        .rev()
                        .find(|n| n.position <= position && n.name.last() == Some(&surname))
                        .or_else(|| self.named.iter().find(|n| n.name.last() == Some(&surname)))
                        .cloned()
                } else {
                    None
                };
                let (full_name, extra_roles) = match full {
                    Some(n) => (n.name, n.roles),
                    None => (name.to_vec(), Vec::new()),
                };
                let id = self.push(Entity {
                    kind: EntityKind::Person,
                    first_name: (full_name.len() > 1).then(|| full_name[0].clone()),
                    surname: surname.clone(),
                    name: full_name.join(" "),
                    roles: extra_roles.into_iter().collect(),
                    aliases: Vec::new(),
                    last_claim: None,
                    last_claim_end: 0,
                    gender: None,
                });
                // Roles from the same person's full-name mentions (narration included).
                let narrated: Vec<String> = self
                    .named
                    .iter()
                    .filter(|n| n.name.last() == Some(&surname))
                    .flat_map(|n| n.roles.clone())
                    .collect();
                self.entities[id].roles.extend(narrated);
                id
            }
        };
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

    fn resolve_organisation(&mut self, name: &str) -> EntityId {
        let key = name.to_lowercase();
        let last_word = key.split_whitespace().last().unwrap_or("").to_string();
        let exact = self
            .entities
            .iter()
            .position(|e| e.kind == EntityKind::Organisation && e.name.to_lowercase() == key);
        // A short form names an organisation met before (`The Post` → New York Post).
        let short_form = || {
            self.most_recent(|e| {
                e.kind == EntityKind::Organisation
                    && key.split_whitespace().count() <= 2
                    && e.name.to_lowercase().ends_with(&last_word)
            })
        };
        match exact.or_else(short_form) {
            Some(id) => id,
            None => self.push(Entity {
                kind: EntityKind::Organisation,
                first_name: None,
                surname: String::new(),
                name: name.to_string(),
                roles: BTreeSet::new(),
                aliases: Vec::new(),
                last_claim: None,
                last_claim_end: 0,
                gender: None,
            }),
        }
    }

    fn resolve_description(&mut self, words: &[String], position: usize) -> EntityId {
        if let Some(head) = words.last() {
            let wanted: Vec<&str> = ROLE_SYNONYMS
                .iter()
                .find(|(h, _)| h == head)
                .map_or_else(|| vec![head.as_str()], |(_, syn)| syn.to_vec());
            let qualifiers: Vec<&String> = words[..words.len() - 1]
                .iter()
                .filter(|w| DEMONYMS.contains(&w.as_str()) || TITLE_WORDS.contains(&w.as_str()))
                .filter(|w| !matches!(w.as_str(), "top" | "senior" | "former" | "chief"))
                .collect();
            let fits = |roles: &BTreeSet<String>| {
                wanted.iter().any(|w| roles.contains(*w))
                    && qualifiers.iter().all(|q| roles.contains(*q))
            };
            if let Some(id) = self.most_recent(|e| e.kind == EntityKind::Person && fits(&e.roles)) {
                return id;
            }
            let named = self
                .named
                .iter()
                .rev()
                .find(|n| n.position < position && fits(&n.roles.iter().cloned().collect()))
                .cloned();
            if let Some(named) = named {
                return self.resolve_person(&named.name, &named.roles, position);
            }
            if let Some(id) = self.most_recent(|e| {
                e.kind == EntityKind::Organisation && e.name.to_lowercase().ends_with(head.as_str())
            }) {
                return id;
            }
        }
        let name = words.join(" ");
        match self
            .entities
            .iter()
            .position(|e| e.kind == EntityKind::Group && e.name == name)
        {
            Some(id) => id,
            None => self.push(Entity {
                kind: EntityKind::Group,
                first_name: None,
                surname: String::new(),
                name,
                roles: BTreeSet::new(),
                aliases: Vec::new(),
                last_claim: None,
                last_claim_end: 0,
                gender: None,
            }),
        }
    }

    /// The stable id of every entity: a person's surname slug (first name and surname when
    /// two people of the article share a surname), an organisation's or group's name slug.
    pub fn ids(&self) -> Vec<String> {
        let mut surname_count: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for e in self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
        {
            surname_count
                .entry(slug(&e.surname))
                .or_default()
                .insert(e.name.clone());
        }
        self.entities
            .iter()
            .map(|e| match e.kind {
                EntityKind::Person => {
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
                EntityKind::Unknown => "unknown".to_string(),
                _ => {
                    let s = slug(&e.name);
                    if s.is_empty() {
                        "unknown".to_string()
                    } else {
                        s
                    }
                }
            })
            .collect()
    }

    /// The speaker record of entity `id` under the stable id `stable_id`.
    pub fn speaker(&self, id: EntityId, stable_id: &str) -> Speaker {
        let e = &self.entities[id];
        let name = match e.kind {
            EntityKind::Group => capitalise_first(&e.name),
            _ => e.name.clone(),
        };
        Speaker {
            id: stable_id.to_string(),
            aliases: e.aliases.iter().filter(|a| **a != name).cloned().collect(),
            name,
        }
    }
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
    let full_ids: BTreeMap<String, String> = lists
        .iter()
        .flatten()
        .filter(|s| s.id == slug(&s.name) && s.id.contains('-'))
        .map(|s| (s.name.clone(), s.id.clone()))
        .collect();
    let mut merged: Vec<Speaker> = Vec::new();
    let mut renames = Vec::new();
    for list in lists {
        let mut rename = BTreeMap::new();
        for speaker in list {
            let id = full_ids
                .get(&speaker.name)
                .cloned()
                .unwrap_or_else(|| speaker.id.clone());
            if id != speaker.id {
                rename.insert(speaker.id.clone(), id.clone());
            }
            match merged.iter_mut().find(|m| m.id == id) {
                Some(m) => {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_name_with_titles_is_a_person_with_roles() {
        assert_eq!(
            classify(&["Russian", "Foreign", "Minister", "Sergey", "Lavrov"]),
            Mention::Person {
                name: vec!["Sergey".into(), "Lavrov".into()],
                roles: vec!["russian".into(), "foreign".into(), "minister".into()],
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
                words: vec!["top".into(), "ukrainian".into(), "diplomat".into()]
            }
        );
        assert_eq!(classify(&["She"]), Mention::Pronoun("she".into()));
    }

    #[test]
    fn surnames_roles_and_pronouns_resolve_to_the_named_people() {
        let mut registry = Registry::default();
        let lavrov = registry.resolve(
            "Russian Foreign Minister Sergey Lavrov",
            &["Russian", "Foreign", "Minister", "Sergey", "Lavrov"],
            0,
            0,
        );
        let kuleba = registry.resolve(
            "Ukrainian Foreign Minister Dmytro Kuleba",
            &["Ukrainian", "Foreign", "Minister", "Dmytro", "Kuleba"],
            10,
            10,
        );
        assert_eq!(registry.resolve("he", &["he"], 20, 20), kuleba);
        assert_eq!(
            registry.resolve(
                "the Russian foreign minister",
                &["the", "Russian", "foreign", "minister"],
                30,
                30
            ),
            lavrov
        );
        assert_eq!(
            registry.resolve(
                "the top Ukrainian diplomat",
                &["the", "top", "Ukrainian", "diplomat"],
                40,
                40
            ),
            kuleba
        );
        assert_eq!(registry.resolve("Lavrov", &["Lavrov"], 50, 50), lavrov);
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
            aliases: vec!["Clinton".into()],
        }];
        let b = vec![
            Speaker {
                id: "hillary-clinton".into(),
                name: "Hillary Clinton".into(),
                aliases: vec!["Mrs. Clinton".into()],
            },
            Speaker {
                id: "bill-clinton".into(),
                name: "Bill Clinton".into(),
                aliases: vec![],
            },
        ];
        let (merged, renames) = merge_speakers(&[a, b]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].id, "hillary-clinton");
        assert_eq!(merged[0].aliases, ["Clinton", "Mrs. Clinton"]);
        assert_eq!(renames[0]["clinton"], "hillary-clinton");
    }
}

//! What a description without a name refers to (`the spokesman`, `officials`, `the
//! report`, `the campaign`), read from its head noun against the word lists in
//! `lexicon/source_*.txt`. A head on none of the lists (`having`, `however`,
//! `early-morning`) names no speaker: such a mention is a clause remnant, not a source.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::lexicon::{
    WordSet, POST_HEAD_PARTICIPLES, PROPORTION_APPROXIMATORS, PROPORTION_FRACTIONS,
    PROPORTION_NUMBERS, PROPORTION_UNITS, QUANTIFIERS, SOURCE_ANONYMOUS_NOUNS,
    SOURCE_DOCUMENT_NOUNS, SOURCE_GROUP_NOUNS, SOURCE_NOT_AGENTS, SOURCE_ORGANISATION_NAMES,
    SOURCE_ORGANISATION_NOUNS, SOURCE_PERSON_NOUNS, SUBJECT_MODIFIER_PREPOSITIONS,
};

/// The kind of source a description's head noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescriptionKind {
    /// One person named by a role (`the spokesman`, `the 34-year-old mother`).
    Role,
    /// Several people (`Republicans`, `protesters`, `half of voters`).
    Group,
    /// An organisation (`the campaign`, `the agency`).
    Organisation,
    /// A document or recording (`the report`, `a new poll`).
    Document,
    /// A source the article does not name (`officials`, `a source`).
    Anonymous,
}

/// A word list with the plural of every entry added.
fn with_plurals(words: &WordSet) -> HashSet<String> {
    words
        .iter()
        .flat_map(|word| [word.to_string(), plural(word)])
        .collect()
}

/// The regular English plural of a noun (`spokesman` → `spokesmen`, `party` → `parties`).
pub fn plural(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix("man") {
        return format!("{stem}men");
    }
    if let Some(stem) = noun.strip_suffix("person") {
        return format!("{stem}people");
    }
    let consonant_y = noun.ends_with('y')
        && !noun.ends_with("ay")
        && !noun.ends_with("ey")
        && !noun.ends_with("oy");
    if consonant_y {
        return format!("{}ies", &noun[..noun.len() - 1]);
    }
    if let Some(stem) = noun.strip_suffix("sis") {
        return format!("{stem}ses");
    }
    if ["s", "x", "ch", "sh"].iter().any(|end| noun.ends_with(end)) {
        return format!("{noun}es");
    }
    format!("{noun}s")
}

static DOCUMENT_NOUNS: LazyLock<HashSet<String>> =
    LazyLock::new(|| with_plurals(SOURCE_DOCUMENT_NOUNS));
static ORGANISATION_NOUNS: LazyLock<HashSet<String>> =
    LazyLock::new(|| with_plurals(SOURCE_ORGANISATION_NOUNS));
static PERSON_PLURALS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    SOURCE_PERSON_NOUNS
        .iter()
        .map(|noun| plural(noun))
        .collect()
});

/// Endings of nouns that name a person (`economist`, `politician`, `engineer`,
/// `investor`, `councilman`, `assemblywoman`); the words with these endings that do not
/// are listed in `source_not_agents.txt`.
const AGENT_SUFFIXES: &[&str] = &["ist", "ian", "er", "or", "man"];

/// The head noun without a possessive ending (`government’s` → `government`).
fn head_noun(word: &str) -> &str {
    word.trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\''])
}

/// What kind of source a lower-case head noun names; `None` when it names none (a clause
/// remnant such as `having`, `however`, `early-morning`, or a noun on no list).
pub fn head_kind(word: &str) -> Option<DescriptionKind> {
    listed_kind(head_noun(word))
}

/// The kind of source a description names: a group when it opens
/// with a proportion (`42 %`, `one in four voters`), else what its head noun names: the
/// last word (`half of Vermont Democrats`), or the noun before `of` when the last word
/// names no source (`critics of the plan`, `organizers of the march`).
pub fn description_kind<S: AsRef<str>>(words: &[S]) -> Option<DescriptionKind> {
    if proportion_len(words).is_some() {
        return Some(DescriptionKind::Group);
    }
    head_kind(words.last()?.as_ref()).or_else(|| {
        let of = words.iter().position(|w| w.as_ref() == "of")?;
        head_kind(words[..of].last()?.as_ref())
    })
}

/// How many of `words` the proportion that opens them spans, when it stands for a group
/// (`42 %`, `Thirty-one percent of …`, `One in four voters`); `None` when none opens them.
/// Its words after the first are lower case (`Senate Majority Leader` holds none), and a
/// noun right after a fraction or unit is one the proportion qualifies (`the majority
/// leader`, `a third judgeship`), not a group; a ratio's noun is its group.
pub fn proportion_len<S: AsRef<str>>(words: &[S]) -> Option<usize> {
    let lower: Vec<String> = words.iter().map(|w| w.as_ref().to_lowercase()).collect();
    let (len, ratio) = proportion_shape(&lower)?;
    let capitalised = words[1..len]
        .iter()
        .any(|w| w.as_ref().starts_with(char::is_uppercase));
    let next = lower.get(len).map_or("", String::as_str);
    let describes_group = next.is_empty()
        || matches!(next, "of" | "among" | ",")
        || SUBJECT_MODIFIER_PREPOSITIONS.contains(&next)
        || POST_HEAD_PARTICIPLES.contains(&next);
    (!capitalised && (ratio || describes_group)).then_some(len)
}

/// The words a proportion that opens `words` (lower case) spans, and whether it is a ratio:
/// qualifiers, then a fraction (`two-thirds`, `a majority`), a number and its unit (`42
/// %`, `a 69 % majority`; after `a` the unit qualifies a noun, as in `a 30 % decline`,
/// unless a share follows) or a ratio (`one in four`, `nine out of 10`).
fn proportion_shape(words: &[String]) -> Option<(usize, bool)> {
    let word = |k: usize| words.get(k).map_or("", String::as_str);
    let mut k = 0;
    while PROPORTION_APPROXIMATORS.contains(&word(k)) {
        k += 1;
    }
    if is_fraction(word(k)) {
        return Some((k + 1, false));
    }
    if !is_number(word(k)) {
        return None;
    }
    let after = k + 1;
    if PROPORTION_UNITS.contains(&word(after)) {
        let share = PROPORTION_FRACTIONS.contains(&word(after + 1));
        let indefinite = words[..k].iter().any(|w| w == "a" || w == "an");
        return (share || !indefinite).then_some((after + 1 + usize::from(share), false));
    }
    match (word(after), word(after + 1)) {
        (fraction, _) if is_fraction(fraction) => Some((after + 1, false)),
        ("in", ratio) if is_number(ratio) => Some((after + 2, true)),
        ("out", "of") if is_number(word(after + 2)) => Some((after + 3, true)),
        _ => None,
    }
}

/// A number written in digits (`42`, `3.5`) or in words (`nine`, `thirty-one`).
fn is_number(word: &str) -> bool {
    let digits = word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    digits || (!word.is_empty() && word.split('-').all(|w| PROPORTION_NUMBERS.contains(&w)))
}

/// A fraction or share (`half`, `majority`, `two-thirds`).
fn is_fraction(word: &str) -> bool {
    PROPORTION_FRACTIONS.contains(&word)
        || word
            .split_once('-')
            .is_some_and(|(n, f)| is_number(n) && PROPORTION_FRACTIONS.contains(&f))
}

/// The kind a head's word lists or agent endings give it.
fn listed_kind(head: &str) -> Option<DescriptionKind> {
    if SOURCE_ANONYMOUS_NOUNS.contains(&head) {
        return Some(DescriptionKind::Anonymous);
    }
    if DOCUMENT_NOUNS.contains(head) {
        return Some(DescriptionKind::Document);
    }
    if ORGANISATION_NOUNS.contains(head) {
        return Some(DescriptionKind::Organisation);
    }
    if SOURCE_PERSON_NOUNS.contains(&head) {
        return Some(DescriptionKind::Role);
    }
    if SOURCE_GROUP_NOUNS.contains(&head)
        || PERSON_PLURALS.contains(head)
        || QUANTIFIERS.contains(&head)
    {
        return Some(DescriptionKind::Group);
    }
    // Short words are not agent nouns (`gist`).
    let agentive = |word: &str| {
        word.len() > 4
            && !SOURCE_NOT_AGENTS.contains(&word)
            && word.chars().all(char::is_alphabetic)
            && AGENT_SUFFIXES.iter().any(|suffix| word.ends_with(suffix))
    };
    if agentive(head) {
        return Some(DescriptionKind::Role);
    }
    // Plural demonyms and party members (`Mexicans`, `Ukrainians`, `Republicans`).
    let plural_demonym = head.len() > 5 && head.ends_with("ans");
    let plural_agent = head.strip_suffix('s').is_some_and(agentive)
        || head
            .strip_suffix("men")
            .is_some_and(|stem| agentive(&format!("{stem}man")));
    (plural_demonym || plural_agent).then_some(DescriptionKind::Group)
}

/// The kind a plural's own word lists give it (`polls`, `lawmakers`), without guessing from
/// its ending, so that a capitalised `Sanders` or `Waters` stays a surname.
pub fn listed_plural_kind(word: &str) -> Option<DescriptionKind> {
    let head = head_noun(word);
    if !head.ends_with('s') {
        return None;
    }
    if DOCUMENT_NOUNS.contains(head) {
        Some(DescriptionKind::Document)
    } else if SOURCE_GROUP_NOUNS.contains(&head) || PERSON_PLURALS.contains(head) {
        Some(DescriptionKind::Group)
    } else {
        None
    }
}

/// Whether a name is a state's, a capital's or an institution's (`Turkey`, `Moscow`,
/// `NATO`, `South Korea`): an organisation, not a person.
pub fn is_organisation_name(name: &str) -> bool {
    SOURCE_ORGANISATION_NAMES.contains(&name.to_lowercase().as_str())
}

/// Whether a lower-case word names a person by role (for `the … mother of three`).
pub fn is_person_noun(word: &str) -> bool {
    head_kind(word) == Some(DescriptionKind::Role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_is_typed_by_its_last_word_or_the_source_noun_before_of() {
        use DescriptionKind::*;
        let kind = |words: &[&str]| description_kind(words);
        assert_eq!(kind(&["half", "of", "vermont", "democrats"]), Some(Group));
        assert_eq!(kind(&["critics", "of", "the", "plan"]), Some(Group));
        assert_eq!(
            kind(&["members", "of", "the", "committee"]),
            Some(Organisation)
        );
        assert_eq!(kind(&["details", "of", "the", "plan"]), None);
    }

    #[test]
    fn heads_are_typed_by_their_lists_and_endings() {
        use DescriptionKind::*;
        let cases = [
            ("spokesman", Some(Role)),
            ("spokesmen", Some(Group)),
            ("economist", Some(Role)),
            ("republicans", Some(Group)),
            ("officials", Some(Anonymous)),
            ("sources", Some(Anonymous)),
            ("report", Some(Document)),
            ("polls", Some(Document)),
            ("government’s", Some(Organisation)),
            ("campaign", Some(Organisation)),
            ("half", Some(Group)),
            ("family", Some(Group)),
            ("some", Some(Anonymous)),
            ("others", Some(Anonymous)),
            ("republics", Some(Organisation)),
            ("justice", Some(Role)),
            ("airline", Some(Organisation)),
            ("leadership", Some(Group)),
            ("mexicans", Some(Group)),
            ("artists", Some(Group)),
            ("engineers", Some(Group)),
            ("russian-ukrainian", None),
            ("investor", Some(Role)),
            ("councilman", Some(Role)),
            ("assemblywoman", Some(Role)),
            ("councilmen", Some(Group)),
            ("incumbent", Some(Role)),
            ("friend", Some(Role)),
            ("respondents", Some(Group)),
            ("conservatives", Some(Group)),
            ("evangelicals", Some(Group)),
            ("estimate", Some(Document)),
            ("count", Some(Document)),
            ("inquiry", Some(Document)),
            ("projections", Some(Document)),
        ];
        for (head, kind) in cases {
            assert_eq!(head_kind(head), kind, "{head}");
        }
    }

    #[test]
    fn proportions_of_groups_are_told_from_proportions_of_things() {
        let len = |text: &str| proportion_len(&text.split(' ').collect::<Vec<_>>());
        assert_eq!(len("Thirty-one percent of those surveyed"), Some(2));
        assert_eq!(len("a 69 % majority of Republicans"), Some(4));
        assert_eq!(len("nearly nine out of 10"), Some(5));
        assert_eq!(len("One in four voters"), Some(3));
        assert_eq!(len("about two-thirds"), Some(2));
        assert_eq!(len("Majority Leader Mitch McConnell"), None);
        assert_eq!(len("the minority leader"), None);
        assert_eq!(len("a 30 % decline"), None);
        assert_eq!(len("some said"), None);
    }

    #[test]
    fn friends_and_conservatives_are_sources() {
        crate::claims::rules::test_support::assert_claims(
            "Friends say Manafort has not lived in Washington for years.",
            &[("friends", "Manafort has not lived in Washington for years")],
        );
        crate::claims::rules::test_support::assert_claims(
            "Social conservatives say the bills are necessary.",
            &[("social-conservatives", "the bills are necessary")],
        );
    }

    #[test]
    fn words_that_name_no_source_are_rejected() {
        for word in [
            "having",
            "however",
            "early-morning",
            "latest",
            "nonstop",
            "twice",
            "written",
            "please",
            "fracas",
            "tissue",
            "planning",
            "matter",
            "papers",
        ] {
            assert_eq!(head_kind(word), None, "{word}");
        }
    }

    #[test]
    fn states_capitals_and_institutions_are_organisations() {
        for name in ["Turkey", "Moscow", "NATO", "Kremlin", "U.S.", "South Korea"] {
            assert!(is_organisation_name(name), "{name}");
        }
        assert!(!is_organisation_name("Lavrov"));
    }

    #[test]
    fn plurals_follow_english_spelling() {
        assert_eq!(plural("party"), "parties");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("spokesperson"), "spokespeople");
        assert_eq!(plural("analysis"), "analyses");
        assert_eq!(plural("church"), "churches");
    }

    #[test]
    fn the_word_lists_have_no_duplicates_and_do_not_overlap() {
        let files = [
            include_str!("lexicon/source_person_nouns.txt"),
            include_str!("lexicon/source_group_nouns.txt"),
            include_str!("lexicon/source_anonymous_nouns.txt"),
            include_str!("lexicon/source_document_nouns.txt"),
            include_str!("lexicon/source_organisation_nouns.txt"),
            include_str!("lexicon/source_organisation_names.txt"),
            include_str!("lexicon/source_not_agents.txt"),
        ];
        let mut seen = HashSet::new();
        for file in files {
            for word in file
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|w| !w.is_empty())
            {
                assert!(seen.insert(word), "{word} is listed twice");
            }
        }
    }
}

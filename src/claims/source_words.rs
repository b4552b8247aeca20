//! The words of a source mention, read before resolution: the part that names the speaker,
//! the appositive that describes them (`Michael Tanner, an analyst at the Cato Institute`)
//! and the people a conjoined mention names (`Reps. Elijah Cummings and John Conyers`).

use std::collections::{BTreeSet, HashSet};

use super::lexicon::{
    APPOSITIVE_ENDS, NOUN_MARKERS, POSTMODIFIERS, POST_HEAD_PARTICIPLES,
    SUBJECT_MODIFIER_PREPOSITIONS,
};
use super::source_kind;
use super::speakers::{classify, Mention};

/// Most words an appositive role runs to (`the Republican presidential nominee's eldest
/// daughter` is seven).
const MAX_APPOSITIVE_WORDS: usize = 10;

/// A source mention split for resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceWords<'a> {
    /// The words that name the speaker (`Michael Tanner`, `the spokesman`).
    pub naming: Vec<String>,
    /// The description after a comma, as written (`an analyst at the Cato Institute`).
    pub appositive: Vec<&'a str>,
}

impl<'a> SourceWords<'a> {
    /// Splits the words of a mention. An appositive after a comma describes the name
    /// before it; modifiers after the head (`Experts on North Korea`) do not name anyone;
    /// `Trump, who said` is named by the antecedent and a bare `who` is resolved like
    /// `they`. A capitalised word opening a sentence that the article also writes in lower
    /// case (`Police`, `Having`) is that common word, not a name.
    pub fn read(words: &[&'a str], opens_sentence: bool, lower_words: &HashSet<String>) -> Self {
        // `One in four voters in a poll`: a proportion's own `in` opens no modifier.
        let proportion = source_kind::proportion_len(words).unwrap_or(0);
        let naming_end = words
            .iter()
            .enumerate()
            .skip(proportion)
            .find(|&(k, w)| {
                // A participle after the head opens a modifier (`A union representing …`).
                // A hyphenated one is an adjective before it (`the conservative-leaning Tax
                // Foundation`).
                // After a possessive or a determiner it is an adjective (`Trump's running
                // mate`, `a publishing executive`).
                let possessive = |w: &str| w.ends_with("’s") || w.ends_with("'s");
                let participle = k > 0
                    && w.ends_with("ing")
                    && !w.contains('-')
                    && w.starts_with(char::is_lowercase)
                    && !possessive(words[k - 1])
                    && !NOUN_MARKERS.contains(&words[k - 1].to_lowercase().as_str());
                // So does a word that describes the head after it (`Those close to him`).
                let post_head = k > 0 && is_post_head_modifier(w);
                *w == ","
                    || *w == "("
                    || participle
                    || post_head
                    || SUBJECT_MODIFIER_PREPOSITIONS.contains(&w.to_lowercase().as_str())
            })
            .map_or(words.len(), |(k, _)| k);
        let mut naming: Vec<String> = words[..naming_end].iter().map(|w| w.to_string()).collect();
        // `a CBS poll released`, `a person familiar`: a modifier after the head.
        while naming.len() > 1 && naming.last().is_some_and(|w| is_postmodifier(w)) {
            naming.pop();
        }
        match naming.as_slice() {
            [] => naming.push("they".into()),
            [only] if only == "who" => naming = vec!["they".into()],
            [.., last] if last == "who" => {
                naming.pop();
            }
            [only] if opens_sentence && lower_words.contains(&only.to_lowercase()) => {
                naming = vec![only.to_lowercase()];
            }
            _ => {}
        }
        if words.get(naming_end) != Some(&",") {
            return SourceWords {
                naming,
                appositive: Vec::new(),
            };
        }
        let after = &words[naming_end + 1..];
        // `A lawyer for the news outlets, David Schulz`: the name follows its role.
        if let Some(name) = name_after_role(&words[..naming_end], after) {
            return SourceWords {
                naming: name.iter().map(|w| w.to_string()).collect(),
                appositive: words[..naming_end].to_vec(),
            };
        }
        SourceWords {
            naming,
            appositive: role_phrase(after),
        }
    }

    /// The speakers the mention names: one mention, or each side of `and` when both sides
    /// name a person in full or by a surname the article gives in full (`Cummings and
    /// Conyers`), or a listed state (`France and Germany`), not other places (`Donetsk and
    /// Lugansk`).
    pub fn conjuncts(&self, surnames: &BTreeSet<String>) -> Vec<Vec<&str>> {
        let words: Vec<&str> = self.naming.iter().map(String::as_str).collect();
        let is_speaker = |part: &[&str]| match classify(part) {
            Mention::Person { name, .. } => {
                name.len() > 1 || name.first().is_some_and(|n| surnames.contains(n))
            }
            Mention::Organisation { name } => source_kind::is_organisation_name(&name),
            _ => false,
        };
        let split = words.iter().position(|w| matches!(*w, "and" | "&"));
        match split {
            Some(k) if k > 0 && is_speaker(&words[..k]) && is_speaker(&words[k + 1..]) => {
                vec![words[..k].to_vec(), words[k + 1..].to_vec()]
            }
            _ => vec![words],
        }
    }
}

/// The name after a role description and a comma (`Apple's chief executive, Tim Cook`),
/// when the words before the comma describe a person and those after it name one.
fn name_after_role<'a>(role: &[&str], after: &[&'a str]) -> Option<Vec<&'a str>> {
    let end = after.iter().position(|w| *w == ",").unwrap_or(after.len());
    let name = &after[..end];
    let describes_a_person = matches!(
        classify(role),
        Mention::Description { words, .. }
            if words.last().is_some_and(|head| source_kind::is_person_noun(head))
    );
    let names_a_person = matches!(classify(name), Mention::Person { name, .. } if name.len() > 1);
    (describes_a_person && names_a_person).then(|| name.to_vec())
}

/// A lower-case participle or listed adjective that follows a head noun (`released`,
/// `familiar`, `close`).
fn is_postmodifier(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.starts_with(char::is_lowercase)
        && ((lower.ends_with("ed") && lower.len() > 4) || POSTMODIFIERS.contains(&lower.as_str()))
}

/// A lower-case participle or adjective that describes the head before it and the
/// words after it (`surveyed`, `briefed on the move`, `close to him`).
fn is_post_head_modifier(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.starts_with(char::is_lowercase)
        && (POST_HEAD_PARTICIPLES.contains(&lower.as_str())
            || POSTMODIFIERS.contains(&lower.as_str()))
}

/// The role phrase at the start of `words`, if it is one: up to the next clause boundary,
/// and naming a person (`a spokesman for Mueller's office`, not `the site of the talks`).
pub fn role_phrase<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let end = words
        .iter()
        .position(|w| APPOSITIVE_ENDS.contains(&w.to_lowercase().as_str()))
        .unwrap_or(words.len());
    let phrase = &words[..end];
    let names_a_person = noun_phrase(phrase).any(|w| source_kind::is_person_noun(&w));
    if opens_like_a_role(phrase) && names_a_person && phrase.len() <= MAX_APPOSITIVE_WORDS {
        phrase.to_vec()
    } else {
        Vec::new()
    }
}

/// Whether the words of a clause before a name and a comma describe the names after it
/// (`the heads of the LPR and DPR, Leonid Pasechnik and Denis Pushilin`): a definite or
/// indefinite description whose head names a person, or people when names are conjoined,
/// and that joins no two descriptions (`the president and the first lady, Michelle Obama`
/// names one of two people).
pub fn is_role_before_names(words: &[&str]) -> bool {
    let phrase: Vec<String> = noun_phrase(words).collect();
    let conjoined = phrase
        .iter()
        .any(|w| matches!(w.as_str(), "and" | "or" | "&"));
    let names_people = phrase.last().is_some_and(|head| {
        let singular = head.strip_suffix('s').unwrap_or(head);
        source_kind::is_person_noun(head) || source_kind::is_person_noun(singular)
    });
    opens_like_a_role(words) && names_people && !conjoined
}

/// Whether a description opens with an article (`a spokesman`, `the heads of …`).
fn opens_like_a_role(words: &[&str]) -> bool {
    words
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
}

/// A description's words before its first `of`, `for` or `at`, lower case: its head noun
/// phrase.
fn noun_phrase<'a>(words: &'a [&str]) -> impl Iterator<Item = String> + 'a {
    words
        .iter()
        .map(|w| w.to_lowercase())
        .take_while(|w| !matches!(w.as_str(), "of" | "for" | "at"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<'a>(words: &[&'a str]) -> SourceWords<'a> {
        SourceWords::read(words, false, &HashSet::new())
    }

    #[test]
    fn an_appositive_role_is_split_from_the_name() {
        let source = read(&[
            "Michael",
            "Tanner",
            ",",
            "an",
            "analyst",
            "at",
            "the",
            "Cato",
            "Institute",
        ]);
        assert_eq!(source.naming, ["Michael", "Tanner"]);
        assert_eq!(
            source.appositive,
            ["an", "analyst", "at", "the", "Cato", "Institute"]
        );
    }

    #[test]
    fn a_name_after_its_role_names_the_speaker() {
        let source = read(&[
            "A", "lawyer", "for", "the", "news", "outlets", ",", "David", "Schulz",
        ]);
        assert_eq!(source.naming, ["David", "Schulz"]);
        assert_eq!(
            source.appositive,
            ["A", "lawyer", "for", "the", "news", "outlets"]
        );
    }

    #[test]
    fn an_appositive_that_names_no_person_is_no_role() {
        let source = read(&["Antalya", ",", "the", "site", "of", "the", "talks"]);
        assert!(source.appositive.is_empty());
    }

    #[test]
    fn conjoined_people_are_each_a_speaker() {
        let none = BTreeSet::new();
        let source = read(&["Elijah", "Cummings", "and", "John", "Conyers"]);
        assert_eq!(
            source.conjuncts(&none),
            [vec!["Elijah", "Cummings"], vec!["John", "Conyers"]]
        );
        let surnames: BTreeSet<String> = ["Cummings".into(), "Conyers".into()].into();
        assert_eq!(
            read(&["Cummings", "and", "Conyers"])
                .conjuncts(&surnames)
                .len(),
            2
        );
        // An organisation's name, or places, joined by `and` stay one.
        let source = read(&[
            "the",
            "Department",
            "of",
            "Health",
            "and",
            "Human",
            "Services",
        ]);
        assert_eq!(source.conjuncts(&none).len(), 1);
        let source = read(&["Donetsk", "and", "Lugansk", "People’s", "Republics"]);
        assert_eq!(source.conjuncts(&none).len(), 1);
    }

    #[test]
    fn a_sentence_opening_common_word_is_lower_cased() {
        let lower: HashSet<String> = ["police".to_string()].into();
        let source = SourceWords::read(&["Police"], true, &lower);
        assert_eq!(source.naming, ["police"]);
        let source = SourceWords::read(&["Obama"], true, &lower);
        assert_eq!(source.naming, ["Obama"]);
    }

    #[test]
    fn a_modifier_after_the_head_is_dropped() {
        assert_eq!(
            read(&["a", "CBS", "poll", "released"]).naming,
            ["a", "CBS", "poll"]
        );
        assert_eq!(read(&["a", "person", "familiar"]).naming, ["a", "person"]);
        assert_eq!(read(&["Those", "close", "to", "him"]).naming, ["Those"]);
        assert_eq!(
            read(&["People", "briefed", "on", "the", "move"]).naming,
            ["People"]
        );
    }

    #[test]
    fn a_hyphenated_ing_adjective_does_not_cut_a_name() {
        assert_eq!(
            read(&["the", "conservative-leaning", "Tax", "Foundation"]).naming,
            ["the", "conservative-leaning", "Tax", "Foundation"]
        );
        assert_eq!(
            read(&["A", "union", "representing", "nurses"]).naming,
            ["A", "union"]
        );
        crate::claims::rules::test_support::assert_claims(
            "The conservative-leaning Tax Foundation said the plan would cost jobs.",
            &[("tax-foundation", "the plan would cost jobs")],
        );
    }

    #[test]
    fn an_ing_word_after_a_possessive_is_an_adjective_of_the_head() {
        assert_eq!(
            read(&["Trump’s", "running", "mate"]).naming,
            ["Trump’s", "running", "mate"]
        );
        crate::claims::rules::test_support::assert_claims(
            "Trump's running mate, Mike Pence, said the plan would work.",
            &[("pence", "the plan would work")],
        );
    }

    #[test]
    fn who_names_the_antecedent() {
        assert_eq!(read(&["Trump", "who"]).naming, ["Trump"]);
        assert_eq!(read(&["who"]).naming, ["they"]);
    }
}

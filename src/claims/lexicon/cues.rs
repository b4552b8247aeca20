//! The cue file (`cues.txt`): one line per cue lemma with the forms that are cues and
//! their flags; this module generates the forms (regular English spelling unless a line
//! spells one) and checks every line. The file's header documents the format.

use super::LexiconError;

/// A property that the rules read off a cue form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// A listener or object comes before the content (`told reporters that …`).
    ObjectFirst,
    /// May come before its source after the content (`…, said Lavrov`).
    Inverting,
    /// May open a sentence before the speaker's name (`Said Ellis: …`).
    Fronted,
    /// A cue only before a colon or after a subject (`Caddell continued:`).
    ColonOnly,
    /// Capitalised, a cue between capitalised words (`New Poll Shows Minor Bump`).
    Headline,
    /// Capitalised, a cue right after a capitalised word (`Obama Says Museum …`).
    HeadlineAfterName,
    /// A verb of saying, whose report inside another's content is a claim of its own.
    Speech,
    /// Takes an object, never a `that`-clause (`want policies that create …`).
    NoClause,
}

impl Flag {
    fn parse(name: &str) -> Option<Flag> {
        Some(match name {
            "object-first" => Flag::ObjectFirst,
            "inverting" => Flag::Inverting,
            "fronted" => Flag::Fronted,
            "colon-only" => Flag::ColonOnly,
            "headline" => Flag::Headline,
            "headline-after-name" => Flag::HeadlineAfterName,
            "speech" => Flag::Speech,
            "no-clause" => Flag::NoClause,
            _ => return None,
        })
    }

    /// Whether the rules match the flag's forms as written in a headline (`Shows`).
    fn capitalised(self) -> bool {
        matches!(self, Flag::Headline | Flag::HeadlineAfterName)
    }
}

/// The four forms a cue line can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Base,
    S,
    Ed,
    Ing,
}

const ALL_SLOTS: [Slot; 4] = [Slot::Base, Slot::S, Slot::Ed, Slot::Ing];

impl Slot {
    fn parse(name: &str) -> Option<Slot> {
        Some(match name {
            "base" => Slot::Base,
            "s" => Slot::S,
            "ed" => Slot::Ed,
            "ing" => Slot::Ing,
            _ => return None,
        })
    }

    /// The regular spelling of this form of `lemma` (`deny` → `denies`, `denied`,
    /// `denying`; `argue` → `argued`, `arguing`; `stress` → `stresses`).
    fn regular(self, lemma: &str) -> String {
        let consonant_y = lemma.len() > 1
            && lemma.ends_with('y')
            && !lemma[..lemma.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
        let stem = || &lemma[..lemma.len() - 1];
        match self {
            Slot::Base => lemma.to_string(),
            Slot::S if consonant_y => format!("{}ies", stem()),
            Slot::S
                if lemma.ends_with(['s', 'x', 'z'])
                    || lemma.ends_with("ch")
                    || lemma.ends_with("sh") =>
            {
                format!("{lemma}es")
            }
            Slot::S => format!("{lemma}s"),
            Slot::Ed if consonant_y => format!("{}ied", stem()),
            Slot::Ed if lemma.ends_with('e') => format!("{lemma}d"),
            Slot::Ed => format!("{lemma}ed"),
            Slot::Ing
                if lemma.ends_with('e') && !lemma[..lemma.len() - 1].ends_with(['e', 'o', 'y']) =>
            {
                format!("{}ing", stem())
            }
            Slot::Ing => format!("{lemma}ing"),
        }
    }
}

/// One single-word cue form with its flags.
#[derive(Debug)]
pub struct CueForm {
    pub word: String,
    /// The form with a capital initial, as headlines write it.
    pub capitalised: String,
    pub flags: Vec<Flag>,
}

/// Every cue of the cue file.
#[derive(Debug, Default)]
pub struct CueLexicon {
    pub single: Vec<CueForm>,
    /// Multi-word cues, each as its lower-case words.
    pub multi: Vec<Vec<String>>,
}

impl CueLexicon {
    /// The single-word forms that carry `flag` (all of them for `None`), as the rules
    /// compare them: capitalised for the headline flags.
    pub fn forms(&'static self, flag: Option<Flag>) -> Vec<&'static str> {
        self.single
            .iter()
            .filter(|form| flag.is_none_or(|f| form.flags.contains(&f)))
            .map(|form| match flag {
                Some(f) if f.capitalised() => form.capitalised.as_str(),
                _ => form.word.as_str(),
            })
            .collect()
    }
}

/// Parses the cue file.
pub fn parse(file: &'static str, text: &str) -> Result<CueLexicon, LexiconError> {
    let mut lexicon = CueLexicon::default();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let error = |message: String| LexiconError::Syntax {
            file,
            line: index + 1,
            message,
        };
        let entry = CueLine::parse(line).map_err(error)?;
        entry.add_to(&mut lexicon).map_err(error)?;
    }
    Ok(lexicon)
}

/// One line of the cue file, its fields read.
struct CueLine<'a> {
    lemma: Vec<&'a str>,
    irregular: Vec<(Slot, &'a str)>,
    forms: Vec<Slot>,
    /// Each flag with its slots; `None` for all the line's forms.
    flags: Vec<(Flag, Option<Vec<Slot>>)>,
}

impl<'a> CueLine<'a> {
    fn parse(line: &'a str) -> Result<Self, String> {
        let mut entry = CueLine {
            lemma: Vec::new(),
            irregular: Vec::new(),
            forms: ALL_SLOTS.to_vec(),
            flags: Vec::new(),
        };
        for field in line.split_whitespace() {
            if let Some(flag) = field.strip_prefix('+') {
                let (name, slots) = flag.split_once('=').unwrap_or((flag, ""));
                let flag = Flag::parse(name).ok_or(format!("unknown flag `+{name}`"))?;
                let slots = (!slots.is_empty()).then(|| slots_of(slots)).transpose()?;
                entry.flags.push((flag, slots));
            } else if let Some(forms) = field.strip_prefix("forms=") {
                entry.forms = slots_of(forms)?;
            } else if let Some((slot, word)) = field.split_once('=') {
                let slot = Slot::parse(slot).ok_or(format!("unknown form `{slot}=`"))?;
                entry.irregular.push((slot, word));
            } else if entry.irregular.is_empty() && entry.flags.is_empty() {
                entry.lemma.push(field);
            } else {
                return Err(format!("`{field}` after the lemma's fields"));
            }
        }
        if entry.lemma.is_empty() {
            return Err("no lemma".to_string());
        }
        Ok(entry)
    }

    /// Adds the line's forms and their flags to `lexicon`.
    fn add_to(&self, lexicon: &mut CueLexicon) -> Result<(), String> {
        let multi_word = self.lemma.len() > 1;
        if multi_word && !self.flags.is_empty() {
            return Err("a multi-word cue takes no flags".to_string());
        }
        for (flag, slots) in &self.flags {
            if let Some(slot) = slots.iter().flatten().find(|s| !self.forms.contains(s)) {
                return Err(format!(
                    "{flag:?} names {slot:?}, which is not among the forms"
                ));
            }
        }
        for &slot in &self.forms {
            let first = self
                .irregular
                .iter()
                .find(|(s, _)| *s == slot)
                .map_or_else(|| slot.regular(self.lemma[0]), |(_, w)| w.to_string());
            if multi_word {
                let mut words = vec![first];
                words.extend(self.lemma[1..].iter().map(|w| w.to_string()));
                lexicon.multi.push(words);
                continue;
            }
            let flags = self
                .flags
                .iter()
                .filter(|(_, slots)| slots.as_ref().is_none_or(|s| s.contains(&slot)))
                .map(|(flag, _)| *flag)
                .collect();
            lexicon.single.push(CueForm {
                capitalised: capitalise(&first),
                word: first,
                flags,
            });
        }
        Ok(())
    }
}

fn slots_of(list: &str) -> Result<Vec<Slot>, String> {
    list.split(',')
        .map(|name| Slot::parse(name).ok_or(format!("unknown form `{name}`")))
        .collect()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        let lexicon = parse("test", line).unwrap();
        let mut words: Vec<String> = lexicon.single.into_iter().map(|f| f.word).collect();
        words.extend(lexicon.multi.into_iter().map(|w| w.join(" ")));
        words
    }

    #[test]
    fn regular_forms_follow_english_spelling() {
        assert_eq!(words("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(words("argue"), ["argue", "argues", "argued", "arguing"]);
        assert_eq!(
            words("stress"),
            ["stress", "stresses", "stressed", "stressing"]
        );
        assert_eq!(words("agree"), ["agree", "agrees", "agreed", "agreeing"]);
        assert_eq!(words("portray forms=s,ed"), ["portrays", "portrayed"]);
    }

    #[test]
    fn irregular_forms_replace_the_first_word() {
        assert_eq!(words("say ed=said"), ["say", "says", "said", "saying"]);
        assert_eq!(words("make it clear ed=made forms=ed"), ["made it clear"]);
    }

    #[test]
    fn flags_apply_to_their_slots() {
        let lexicon = parse("test", "add +inverting=s,ed +fronted forms=s,ed,ing").unwrap();
        let inverting: Vec<&str> = lexicon
            .single
            .iter()
            .filter(|f| f.flags.contains(&Flag::Inverting))
            .map(|f| f.word.as_str())
            .collect();
        assert_eq!(inverting, ["adds", "added"]);
        assert!(lexicon
            .single
            .iter()
            .all(|f| f.flags.contains(&Flag::Fronted)));
    }

    #[test]
    fn bad_lines_are_errors_with_their_line_number() {
        for bad in [
            "say +loud",
            "say forms=past",
            "remind forms=s,ed +object-first=base",
            "call for +inverting",
            "say +inverting extra",
            "ed=said",
        ] {
            let error = parse("cues.txt", &format!("# header\n{bad}")).unwrap_err();
            assert!(error.to_string().starts_with("cues.txt:2: "), "{error}");
        }
    }
}

//! Claim extraction and speaker attribution, rule based (no model): finds direct quotes,
//! reported speech and stated positions with their cue, resolves the mention of each
//! claim's source to a speaker with a stable id.
//!
//! Offsets in the output count Unicode characters into the file as Python reads it with
//! plain `utf-8`, end exclusive: the article's text plus `Article::offset` (a dropped
//! byte-order mark).

mod document;
pub(crate) mod lexicon;
mod markdown;
mod phrase;
mod quotes;
mod reported;
mod rules;
pub(crate) mod source_kind;
mod source_words;
mod spans;
mod speakers;

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::segment::token_sentences;
use crate::tokens::{tokenize, CharOffsets, TokenKind};

pub use markdown::markdown_table;
pub use speakers::{slug, UNKNOWN_SPEAKER_ID};

/// A character range, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// The words that mark a claim as reported (`said`, `according to`, `:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How a claim is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Entirely inside quotation marks.
    Direct,
    /// Reported in the writer's words.
    Indirect,
    /// Reported speech that quotes some of the speaker's words.
    Mixed,
}

/// A claim a speaker makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    /// The id of the speaker in `ArticleClaims::speakers`.
    pub speaker: String,
    /// The content: the text of the article inside `span`, less the narration inside a
    /// split claim (`"We left," he said, "at once."`, `Donations, according to the campaign,
    /// have doubled`), whose two parts are joined by ", ".
    pub text: String,
    pub span: Span,
    /// The mention that names the speaker for this claim (a pronoun when resolved through
    /// one); `None` when the claim continues an earlier quotation.
    pub source_span: Option<Span>,
    pub cue: Option<Cue>,
    pub kind: ClaimKind,
}

/// What a speaker is. Documents and anonymous sources are kept but typed, so that a reader
/// can tell "the report" and "officials" from a named person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person named in the article (`Sergey Lavrov`).
    Person,
    /// An organisation (`the Russian Defense Ministry`).
    Organisation,
    /// Several people (`Republicans`, `protesters`).
    Group,
    /// A document or recording (`the report`, `a new poll`).
    Document,
    /// A source the article does not name (`officials`, `a source`).
    Anonymous,
    /// A mention that could not be resolved to anyone the article names (`the spokesman`
    /// with no spokesman introduced, a pronoun without antecedent): kept, not guessed.
    Unresolved,
}

impl std::fmt::Display for SpeakerKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Group => "group",
            SpeakerKind::Document => "document",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Unresolved => "unresolved",
        })
    }
}

impl SpeakerKind {
    /// Whether claims of this speaker are attributed to no one a reader can name.
    pub fn is_unnamed(self) -> bool {
        matches!(
            self,
            SpeakerKind::Document | SpeakerKind::Anonymous | SpeakerKind::Unresolved
        )
    }

    /// A speaker's name as tables show it: marked with the kind when no one a reader can
    /// name stands behind the claims (`Officials (anonymous)`, `The report (document)`).
    pub fn label(self, name: &str) -> String {
        if self.is_unnamed() {
            format!("{name} ({self})")
        } else {
            name.to_string()
        }
    }
}

/// A speaker: a stable id derived from the name, the display name, its kind, the role
/// the article gives (`BuzzFeed editor-in-chief`), other mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub kind: SpeakerKind,
    pub role: Option<String>,
    pub aliases: Vec<String>,
}

/// The speakers and claims of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ArticleClaims {
    pub speakers: Vec<Speaker>,
    pub claims: Vec<Claim>,
    /// What was left out of a pathological article, each naming the file; for the caller
    /// to show, not part of the output.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// Whether a lower-case mention can name a speaker: it must not end in a word that no
/// speaker's description ends in (a phrase cut mid-way, or an event or medium noun),
/// unless a source noun heads it before `of` (`critics of the plan`).
fn can_speak(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return true;
    };
    let capitalised = last.chars().next().is_some_and(char::is_uppercase);
    if capitalised || !lexicon::NON_SPEAKER_HEADS.contains(&last.to_lowercase().as_str()) {
        return true;
    }
    let head_before_of = words
        .iter()
        .position(|w| *w == "of")
        .and_then(|of| words[..of].last());
    head_before_of.is_some_and(|head| source_kind::head_kind(&head.to_lowercase()).is_some())
}

/// Extracts the claims of an article and the speakers who make them.
pub fn extract_claims(article: &Article) -> ArticleClaims {
    let text = article.text.as_str();
    let tokens = tokenize(text);
    let sentences = token_sentences(text, &tokens);
    let quotes = quotes::find_quotes(text, &tokens);
    let people = named_people(text, &tokens);
    let surnames: BTreeSet<String> = people
        .iter()
        .filter_map(|(_, person)| person.name.last().cloned())
        .collect();
    let doc = reported::Document {
        text,
        tokens: &tokens,
        sentences: &sentences,
        quotes: &quotes,
        surnames: &surnames,
    };
    let frames = reported::find_frames(&doc);
    let mut registry = speakers::Registry::default();
    learn_full_names(&doc, people, &mut registry);
    let entity_of = resolve_sources(&doc, &frames, &mut registry);

    let offsets = CharOffsets::new(text);
    let to_span = |(start, end): (usize, usize)| Span {
        start: offsets.char_offset(start) + article.offset,
        end: offsets.char_offset(end) + article.offset,
    };
    let ids = registry.ids();
    let contents: Vec<(usize, usize)> = frames.iter().map(|f| f.content).collect();
    let keep = spans::keep_at_most_nested(&contents, spans::MAX_NESTED_CLAIMS);
    let mut claims = ClaimSet::default();
    for (i, frame) in frames.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        let Some(claim) = frame_claim(&doc, &frames, frame, &to_span) else {
            continue;
        };
        for &entity in &entity_of[i] {
            let claim = Claim {
                speaker: ids[entity].clone(),
                ..claim.clone()
            };
            claims.add((i, entity, claim), &registry);
        }
    }
    let mut extracted = assemble(claims.claims, &registry, &ids);
    let dropped = keep.iter().filter(|&&k| !k).count();
    if dropped > 0 {
        extracted.warnings.push(format!(
            "{}: {dropped} attributions nested more than {} deep (nested or unbalanced \
             quotation marks?) were left out",
            article.path.display(),
            spans::MAX_NESTED_CLAIMS
        ));
    }
    extracted
}

/// People named in full anywhere (narration included), with their first token.
fn named_people(
    text: &str,
    tokens: &[crate::tokens::Token],
) -> Vec<(usize, speakers::NamedPersonWords)> {
    let mut people: Vec<(usize, usize, speakers::NamedPersonWords)> = Vec::new();
    for (start, end) in capitalised_runs(text, tokens) {
        let words: Vec<&str> = (start..end).map(|k| tokens[k].text(text)).collect();
        // `MIDWAY ATOLL - …`, `QUESTIONABLE MEDICAL CLAIMS - …`: a dateline or a heading in
        // capitals names no one that a later `he` could mean.
        if words.iter().all(|w| is_all_capitals(w)) {
            continue;
        }
        let Some(mut person) = speakers::named_person(&words) else {
            continue;
        };
        person.appositive = appositive_after(text, tokens, end);
        if person.appositive.is_empty() {
            person.appositive = match people.last() {
                // `…, Leonid Pasechnik and Denis Pushilin`: the second shares the role.
                Some((_, previous_end, previous))
                    if *previous_end + 1 == start && tokens[start - 1].text(text) == "and" =>
                {
                    previous.appositive.clone()
                }
                previous => {
                    let previous_end = previous.map(|(_, end, _)| *end);
                    appositive_before(text, tokens, start, previous_end)
                }
            };
        }
        people.push((start, end, person));
    }
    people
        .into_iter()
        .map(|(start, _, person)| (start, person))
        .collect()
}

/// Whether a word is written in capitals throughout (`ATOLL`; not `A` alone).
fn is_all_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// The role before a name and a comma in narration, from the start of its clause (`On
/// February 18, the heads of the LPR and DPR, Leonid Pasechnik …`; see
/// `source_words::is_role_before_names`). A description right after the previous name
/// (`Robert McDonough, a senior executive at Carrier's parent company, United
/// Technologies`) is that name's.
fn appositive_before(
    text: &str,
    tokens: &[crate::tokens::Token],
    start: usize,
    previous_name_end: Option<usize>,
) -> Vec<String> {
    const MAX_ROLE_TOKENS: usize = 10;
    if start < 2 || tokens[start - 1].text(text) != "," {
        return Vec::new();
    }
    let comma = start - 1;
    let boundary = (comma.saturating_sub(MAX_ROLE_TOKENS + 1)..comma)
        .rev()
        .find(|&k| {
            lexicon::APPOSITIVE_ENDS.contains(&tokens[k].text(text).to_lowercase().as_str())
        });
    let Some(boundary) = boundary.filter(|&b| Some(b) != previous_name_end) else {
        return Vec::new();
    };
    let words: Vec<&str> = tokens[boundary + 1..comma]
        .iter()
        .map(|t| t.text(text))
        .collect();
    if source_words::is_role_before_names(&words) {
        words.into_iter().map(str::to_string).collect()
    } else {
        Vec::new()
    }
}

/// The entities each frame's source mention names, resolved in reading order so that
/// pronouns and descriptions find earlier speakers; a continued quotation keeps the
/// speakers of the quotation it continues.
fn resolve_sources(
    doc: &reported::Document,
    frames: &[reported::Frame],
    registry: &mut speakers::Registry,
) -> Vec<Vec<usize>> {
    let tokens = doc.tokens;
    let position = |f: &reported::Frame| {
        f.source
            .map_or(f.content.0, |(s, _)| tokens[s].start.min(f.content.0))
    };
    let mut order: Vec<usize> = (0..frames.len()).collect();
    order.sort_by_key(|&i| (position(&frames[i]), frames[i].continues.is_some()));
    let lower_words = lower_case_words(doc.text, tokens);
    let sentence_starts: BTreeSet<usize> = doc.sentences.iter().map(|s| s.first).collect();
    let claim_contents = frames
        .iter()
        .filter(|f| f.source.is_some())
        .map(|f| f.content)
        .collect();
    let reading = MentionContext {
        lower_words: &lower_words,
        sentence_starts: &sentence_starts,
        claim_contents: spans::Containers::new(claim_contents),
    };
    let mut entity_of: Vec<Vec<usize>> = vec![Vec::new(); frames.len()];
    for &i in &order {
        let frame = &frames[i];
        entity_of[i] = match (frame.source, frame.continues) {
            (Some(source), _) => {
                let any_phrase = frame
                    .cue
                    .is_some_and(|(cue, _)| doc.cue_names_any_source(cue));
                resolve_mention(doc, source, frame.content.1, &reading, registry, any_phrase)
            }
            (None, Some(root)) => entity_of[root].clone(),
            (None, None) => Vec::new(),
        };
    }
    entity_of
}

/// What the article tells about any mention: the words it writes in lower case, the
/// tokens that open its sentences and the contents of the claims that have a source.
struct MentionContext<'a> {
    lower_words: &'a HashSet<String>,
    sentence_starts: &'a BTreeSet<usize>,
    claim_contents: spans::Containers,
}

/// The entities one source mention (token range `s..e`) names: one, or each person of a
/// conjoined mention; none when it names no possible source. After a cue that makes
/// `any_phrase` a source (`according to state law`), a phrase's last word is no reason to
/// doubt it.
fn resolve_mention(
    doc: &reported::Document,
    (s, e): reported::TokenRange,
    content_end: usize,
    reading: &MentionContext,
    registry: &mut speakers::Registry,
    any_phrase: bool,
) -> Vec<usize> {
    let (text, tokens) = (doc.text, doc.tokens);
    let (start, end) = (tokens[s].start, tokens[e - 1].end);
    let words: Vec<&str> = (s..e).map(|k| tokens[k].text(text)).collect();
    let opens_sentence = reading.sentence_starts.contains(&s);
    let source = source_words::SourceWords::read(&words, opens_sentence, reading.lower_words);
    registry.set_nested(reading.claim_contents.contain(start, end));
    registry.set_unlisted_documents(any_phrase);
    let mention = &text[start..end];
    let mut ids = Vec::new();
    let conjuncts = source.conjuncts(doc.surnames);
    let several = conjuncts.len() > 1;
    for person in conjuncts {
        if !any_phrase && !can_speak(&person) {
            continue;
        }
        // Each person named together is an alias of their own words, not of the whole.
        let own_words = person.join(" ");
        let alias = if several { own_words.as_str() } else { mention };
        if let Some(id) = registry.resolve(alias, &person, start, content_end) {
            registry.add_appositive(id, &source.appositive);
            ids.push(id);
        }
    }
    ids
}

/// The claim a frame reports, without its speaker; `None` when its content is shorter
/// than two words, unless it is a quotation of one.
fn frame_claim(
    doc: &reported::Document,
    frames: &[reported::Frame],
    frame: &reported::Frame,
    to_span: &dyn Fn((usize, usize)) -> Span,
) -> Option<Claim> {
    let (text, tokens) = (doc.text, doc.tokens);
    let content = quotation_inside(doc, trim_content(text, frame.content)?);
    let content = trim_content(text, content)?;
    // Tokens are in text order: those inside the content follow the first that starts in it.
    let first = tokens.partition_point(|t| t.start < content.0);
    let word_count = tokens[first..]
        .iter()
        .take_while(|t| t.end <= content.1)
        .filter(|t| t.kind == TokenKind::Word)
        .take(2)
        .count();
    // `Priebus said, "Probably."`: a quoted answer of one word is a claim; an unquoted
    // word is a clause cut short.
    let whole_quotation = || {
        doc.quote_around(first)
            .is_some_and(|q| q.start <= content.0 && content.1 <= q.end)
    };
    if word_count == 0 || (word_count < 2 && !whole_quotation()) {
        return None;
    }
    let (claim_text, kind) = match frame.gap {
        // A split quote or a clause split by its source: the two parts, without the
        // narration between them.
        Some((gap_start, gap_end)) if content.0 < gap_start && gap_end < content.1 => {
            let kind = joined_kind(
                claim_kind(text, doc.quotes, (content.0, gap_start)),
                claim_kind(text, doc.quotes, (gap_end, content.1)),
            );
            let closing: &[char] = if kind == ClaimKind::Direct {
                &[' ', ',', '"', '”', '\'']
            } else {
                &[' ', ',']
            };
            let first = text[content.0..gap_start].trim_end_matches(closing);
            let second = text[gap_end..content.1].trim_start();
            (format!("{first}, {second}"), kind)
        }
        _ => (
            text[content.0..content.1].to_string(),
            claim_kind(text, doc.quotes, content),
        ),
    };
    Some(Claim {
        id: String::new(),
        speaker: String::new(),
        text: claim_text,
        span: to_span(content),
        // A continued quotation is named by the mention of the quotation it continues.
        source_span: frame
            .source
            .or_else(|| frame.continues.and_then(|root| frames[root].source))
            .map(|(s, e)| to_span((tokens[s].start, tokens[e - 1].end))),
        cue: frame.cue.map(|(s, e)| {
            let bytes = (tokens[s].start, tokens[e - 1].end);
            let span = to_span(bytes);
            Cue {
                start: span.start,
                end: span.end,
                text: text[bytes.0..bytes.1].to_string(),
            }
        }),
        kind,
    })
}

/// The article's claims in text order, numbered, and the speakers who make them.
fn assemble(
    claims: Vec<(usize, usize, Claim)>,
    registry: &speakers::Registry,
    ids: &[String],
) -> ArticleClaims {
    let used: BTreeSet<usize> = claims.iter().map(|(_, entity, _)| *entity).collect();
    let mut claims: Vec<Claim> = claims.into_iter().map(|(_, _, claim)| claim).collect();
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    for (n, claim) in claims.iter_mut().enumerate() {
        claim.id = format!("c{}", n + 1);
    }
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut listed: HashSet<&str> = HashSet::new();
    for &entity in &used {
        if listed.insert(&ids[entity]) {
            speakers.push(registry.speaker(entity, &ids[entity]));
        }
    }
    ArticleClaims {
        speakers,
        claims,
        warnings: Vec::new(),
    }
}

/// The appositive role after a name in narration (`Peter Carr, a spokesman for …`).
fn appositive_after(text: &str, tokens: &[crate::tokens::Token], end: usize) -> Vec<String> {
    if tokens.get(end).is_none_or(|t| t.text(text) != ",") {
        return Vec::new();
    }
    let words: Vec<&str> = tokens[end + 1..]
        .iter()
        .take(12)
        .map(|t| t.text(text))
        .collect();
    source_words::role_phrase(&words)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Every word the article writes in lower case, to tell a sentence-opening common word
/// (`Police said`) from a name.
fn lower_case_words(text: &str, tokens: &[crate::tokens::Token]) -> HashSet<String> {
    tokens
        .iter()
        .map(|t| t.text(text))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

/// The claims found so far, as (frame, entity, claim), with the claims of each span.
#[derive(Default)]
struct ClaimSet {
    claims: Vec<(usize, usize, Claim)>,
    /// Indices into `claims` by span, so a new claim meets only those of its span.
    by_span: HashMap<(usize, usize), Vec<usize>>,
}

impl ClaimSet {
    /// Adds a claim unless its span is already claimed: by the same speaker, or by another
    /// speaker through another mention, where the more specific speaker (a person before an
    /// organisation, before a group, a document, an anonymous or unresolved source) keeps
    /// it. People named together (`Cummings and Conyers said`) share their frame's span.
    fn add(
        &mut self,
        (frame, entity, claim): (usize, usize, Claim),
        registry: &speakers::Registry,
    ) {
        let same_span = self
            .by_span
            .entry((claim.span.start, claim.span.end))
            .or_default();
        let claims = &mut self.claims;
        let earlier = same_span.iter().copied().find(|&k| {
            let (f, e, _) = &claims[k];
            *f != frame || *e == entity
        });
        match earlier {
            None => {
                same_span.push(claims.len());
                claims.push((frame, entity, claim));
            }
            Some(k) => {
                let more_specific = registry.kind(entity) < registry.kind(claims[k].1);
                if more_specific {
                    claims[k] = (frame, entity, claim);
                }
            }
        }
    }
}

/// Token ranges of two or more capitalised words in a row: the candidate full names.
fn capitalised_runs(text: &str, tokens: &[crate::tokens::Token]) -> Vec<(usize, usize)> {
    let capitalised = |k: usize| {
        tokens[k].kind == TokenKind::Word
            && tokens[k]
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalised(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < tokens.len() && capitalised(i) {
            i += 1;
        }
        if i - start >= 2 {
            runs.push((start, i));
        }
    }
    runs
}

/// Records every full name of the article so that later surnames, pronouns and role
/// descriptions can reach people mentioned in narration.
fn learn_full_names(
    doc: &reported::Document,
    people: Vec<(usize, speakers::NamedPersonWords)>,
    registry: &mut speakers::Registry,
) {
    let sentence_starts: Vec<usize> = doc.sentences.iter().map(|s| s.first).collect();
    for (start, person) in people {
        let sentence_first = sentence_starts
            .partition_point(|&s| s <= start)
            .checked_sub(1)
            .map_or(start, |k| sentence_starts[k]);
        let subject = sentence_first == start || doc.after_dateline(sentence_first, start);
        registry.learn(person, doc.tokens[start].start, subject);
    }
}

/// Trims spaces and trailing commas and dashes from a content byte range.
fn trim_content(text: &str, (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let slice = text.get(start..end)?;
    let leading = slice.len()
        - slice
            .trim_start_matches([' ', ',', ':', '\n', '\r', '\t'])
            .len();
    let trimmed = slice.trim_end_matches([' ', ',', ';', ':', '—', '–', '\n', '\r', '\t']);
    let (start, end) = (start + leading, start + trimmed.len());
    (start < end).then_some((start, end))
}

/// A content that is one quotation with its marks (`“…,”` cut before `adding`) is the
/// quotation's inside.
fn quotation_inside(doc: &reported::Document, content: (usize, usize)) -> (usize, usize) {
    let first = doc
        .quotes
        .partition_point(|q| doc.tokens[q.open].start < content.0);
    match doc.quotes.get(first) {
        Some(q)
            if doc.tokens[q.open].start == content.0 && doc.tokens[q.close].end == content.1 =>
        {
            (q.start, q.end)
        }
        _ => content,
    }
}

/// The kind of a claim in two parts: direct or indirect when both parts are, else mixed.
fn joined_kind(first: ClaimKind, second: ClaimKind) -> ClaimKind {
    if first == second {
        first
    } else {
        ClaimKind::Mixed
    }
}

fn claim_kind(text: &str, quotes: &[quotes::Quote], (start, end): (usize, usize)) -> ClaimKind {
    // Quotes are in text order and disjoint: those overlapping the content are a run.
    let first = quotes.partition_point(|q| q.end <= start);
    let overlapping = &quotes[first..];
    let inside = &overlapping[..overlapping.partition_point(|q| q.start < end)];
    if inside.is_empty() {
        return ClaimKind::Indirect;
    }
    // Direct when every word of the content lies inside quotation marks: no letter or digit
    // in the gaps before, between and after the quotes.
    let has_word =
        |from: usize, to: usize| from < to && text[from..to].chars().any(char::is_alphanumeric);
    let mut at = start;
    for quote in inside {
        if has_word(at, quote.start.min(end)) {
            return ClaimKind::Mixed;
        }
        at = at.max(quote.end);
    }
    if has_word(at, end) {
        ClaimKind::Mixed
    } else {
        ClaimKind::Direct
    }
}

/// Merges the speakers of several articles of one run (the same person gets one record)
/// and renames speaker ids in their claims to match; returns the merged speaker list.
pub fn merge_article_speakers(articles: &mut [ArticleClaims]) -> Vec<Speaker> {
    let lists: Vec<Vec<Speaker>> = articles.iter().map(|a| a.speakers.clone()).collect();
    let (merged, renames) = speakers::merge_speakers(&lists);
    for (article, rename) in articles.iter_mut().zip(renames) {
        for claim in &mut article.claims {
            if let Some(id) = rename.get(&claim.speaker) {
                claim.speaker = id.clone();
            }
        }
        for speaker in &mut article.speakers {
            if let Some(id) = rename.get(&speaker.id) {
                speaker.id = id.clone();
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::rules::test_support::{claims_of, extract, has};
    use super::*;
    use std::path::Path;

    /// The shapes of the speaker problems a reader met in a report on the Mueller inquiry.
    const INQUIRY: &str = "Peter Carr, a spokesman for Mueller's office, said the report was not accurate. \
        The spokesman added that the office would not comment further.\n\n\
        President Trump said the story was a hoax. The president said he had been vindicated.\n\n\
        BuzzFeed Editor-in-Chief Ben Smith said the outlet stood by its reporting.\n\n\
        Reps. Elijah Cummings of Maryland and John Conyers of Michigan said the claims must be investigated.";

    #[test]
    fn role_nouns_resolve_to_the_person_introduced_with_the_role() {
        let claims = claims_of(INQUIRY);
        assert!(has(
            &claims,
            "carr",
            "would not comment",
            ClaimKind::Indirect
        ));
        assert!(has(&claims, "trump", "vindicated", ClaimKind::Indirect));
        let extracted = extract(INQUIRY);
        let ids: Vec<&str> = extracted.speakers.iter().map(|s| s.id.as_str()).collect();
        assert!(
            !ids.contains(&"spokesman") && !ids.contains(&"president"),
            "{ids:?}"
        );
        let carr = extracted
            .speakers
            .iter()
            .find(|s| s.id == "carr")
            .expect("Carr");
        assert_eq!(carr.role.as_deref(), Some("spokesman for Mueller's office"));
    }

    #[test]
    fn a_name_keeps_no_title_and_conjoined_sources_each_speak() {
        let extracted = extract(INQUIRY);
        let smith = extracted
            .speakers
            .iter()
            .find(|s| s.id == "smith")
            .expect("Smith");
        assert_eq!(smith.name, "Ben Smith");
        assert_eq!(smith.role.as_deref(), Some("BuzzFeed Editor-in-Chief"));
        let investigated: Vec<&str> = extracted
            .claims
            .iter()
            .filter(|c| c.text.contains("investigated"))
            .map(|c| c.speaker.as_str())
            .collect();
        assert_eq!(investigated, ["cummings", "conyers"]);
        assert!(extracted
            .speakers
            .iter()
            .all(|s| s.kind == SpeakerKind::Person));
        // Each person's alias is their own words, not the whole conjoined mention.
        let aliases = extracted.speakers.iter().flat_map(|s| &s.aliases);
        assert!(aliases.clone().all(|a| !a.contains(" and ")), "{aliases:?}");
    }

    #[test]
    fn a_role_before_names_in_narration_is_their_role() {
        let extracted = extract(
            "On February 18, the heads of the LPR and DPR, Leonid Pasechnik and Denis \
             Pushilin, announced the evacuation of residents. \
             It was one of the talks that the president and the first lady, Michelle Obama, \
             held. The president told her that it was not that simple. \
             \"We will stay,\" said Robert McDonough, a senior executive at Carrier's parent \
             company, United Technologies. United Technologies said that jobs would move.",
        );
        let role = |id: &str| {
            let speaker = extracted.speakers.iter().find(|s| s.id == id);
            speaker.and_then(|s| s.role.clone())
        };
        assert_eq!(
            role("pasechnik").as_deref(),
            Some("heads of the LPR and DPR")
        );
        assert_eq!(
            role("pushilin").as_deref(),
            Some("heads of the LPR and DPR")
        );
        // A conjoined description names two people: it gives neither a role.
        assert!(extracted.claims.iter().all(|c| c.speaker != "obama"));
        // McDonough's appositive is not the role of the company after it.
        let company = extracted
            .speakers
            .iter()
            .find(|s| s.name == "United Technologies");
        assert!(company.is_some_and(|s| s.role.is_none()), "{company:?}");
    }

    #[test]
    fn one_span_has_one_speaker() {
        let extracted = extract(INQUIRY);
        for (i, a) in extracted.claims.iter().enumerate() {
            for b in &extracted.claims[i + 1..] {
                let conjoined = a.text.contains("investigated");
                assert!(
                    a.span != b.span || conjoined,
                    "{a:?} and {b:?} share a span"
                );
            }
        }
    }

    #[test]
    fn reported_speech_quoting_some_words_is_mixed() {
        let claims = claims_of("Lavrov said the statement was \"within the logic of Ukrainian diplomacy\" and nothing more.");
        assert!(has(&claims, "lavrov", "within the logic", ClaimKind::Mixed));
    }

    #[test]
    fn narration_is_not_a_claim() {
        let claims = claims_of(
            "Tensions escalated along the line of contact on February 17. A general mobilization was ordered in the republics.",
        );
        assert!(claims.is_empty(), "{claims:?}");
    }

    #[test]
    fn roles_pronouns_and_organisations_resolve_to_their_speakers() {
        let result = extract(
            "Russian Foreign Minister Sergey Lavrov met Ukrainian Foreign Minister Dmytro Kuleba.\n\"We are ready,\" Kuleba said.\n\"Ukraine will never surrender,\" the top Ukrainian diplomat said.\n\"It concerns other issues,\" the Russian foreign minister added.\nShe said nothing new. Russian President Vladimir Putin said the operation was limited. The Russian leader stressed that Moscow had no plans of occupation. The Russian Defense Ministry said that troops hit only military sites. It added that civilians were safe.",
        );
        let speaker_of = |text: &str| {
            result
                .claims
                .iter()
                .find(|c| c.text.contains(text))
                .map(|c| c.speaker.clone())
        };
        assert_eq!(
            speaker_of("Ukraine will never surrender").as_deref(),
            Some("kuleba")
        );
        assert_eq!(
            speaker_of("It concerns other issues").as_deref(),
            Some("lavrov")
        );
        assert_eq!(speaker_of("Moscow had no plans").as_deref(), Some("putin"));
        assert_eq!(
            speaker_of("civilians were safe").as_deref(),
            Some("russian-defense-ministry")
        );
        let lavrov = result.speakers.iter().find(|s| s.id == "lavrov").unwrap();
        assert_eq!(lavrov.name, "Sergey Lavrov");
        assert!(lavrov
            .aliases
            .contains(&"the Russian foreign minister".to_string()));
    }

    #[test]
    fn a_mention_ending_in_an_event_noun_names_no_speaker() {
        let claims = claims_of("The speech said that taxes would rise next year.");
        assert!(claims.is_empty());
    }

    #[test]
    fn a_pronoun_source_span_is_the_pronoun_itself() {
        let text = "Dmytro Kuleba arrived in Antalya. \"We are ready,\" he said.";
        let result = extract(text);
        let claim = result
            .claims
            .iter()
            .find(|c| c.text == "We are ready")
            .unwrap();
        let source = claim.source_span.unwrap();
        let chars: Vec<char> = text.chars().collect();
        let named: String = chars[source.start..source.end].iter().collect();
        assert_eq!(named, "he");
        assert_eq!(claim.speaker, "kuleba");
    }

    #[test]
    fn offsets_count_characters_and_a_bom_shifts_them() {
        let text = "«Мир» и ceasefire, Kuleba said.";
        let plain = extract(text);
        let claim = &plain.claims[0];
        let chars: Vec<char> = text.chars().collect();
        let content: String = chars[claim.span.start..claim.span.end].iter().collect();
        assert_eq!(content, claim.text);
        let cue = claim.cue.as_ref().unwrap();
        assert_eq!(cue.text, "said");
        assert_eq!(chars[cue.start..cue.end].iter().collect::<String>(), "said");
        let with_bom = format!("\u{feff}{text}");
        let article = Article::from_bytes(Path::new("bom.txt"), with_bom.as_bytes()).unwrap();
        let shifted = extract_claims(&article);
        assert_eq!(shifted.claims[0].span.start, claim.span.start + 1);
    }

    #[test]
    fn pronouns_resolve_to_a_person_of_their_gender() {
        let claims = claims_of(
            "Hillary Clinton met Donald Trump on Monday. Trump said the meeting was fine. She said it was a disaster. Mrs. Warren spoke next. Trump said he would win.",
        );
        assert!(
            has(&claims, "clinton", "it was a disaster", ClaimKind::Indirect),
            "{claims:?}"
        );
        assert!(
            has(&claims, "trump", "he would win", ClaimKind::Indirect),
            "{claims:?}"
        );
    }

    #[test]
    fn a_website_is_no_person() {
        assert_eq!(
            speaker_kinds("Popular Website Shows Bias When It Comes To Republicans."),
            [("popular-website".to_string(), SpeakerKind::Organisation)]
        );
    }

    #[test]
    fn an_organisation_named_with_on_is_no_person_named_after_its_last_words() {
        assert_eq!(
            speaker_kinds(
                "The Commission on Presidential Debates announced that the microphone failed."
            ),
            [("commission".to_string(), SpeakerKind::Organisation)]
        );
    }

    /// (id, kind) of every speaker of `text`.
    fn speaker_kinds(text: &str) -> Vec<(String, SpeakerKind)> {
        extract(text)
            .speakers
            .into_iter()
            .map(|s| (s.id, s.kind))
            .collect()
    }

    #[test]
    fn a_dateline_in_capitals_is_no_one_a_pronoun_can_mean() {
        let claims = claims_of(
            "MIDWAY ATOLL - President Barack Obama flew here last week. \"They are terrifying,\" he said.",
        );
        assert_eq!(
            claims,
            [(
                "obama".to_string(),
                "They are terrifying".to_string(),
                ClaimKind::Direct
            )]
        );
    }

    #[test]
    fn nested_quotes_do_not_multiply_claims_and_the_cap_is_a_warning_naming_the_file() {
        let page: String = (0..2_000)
            .map(|k| format!("Senator{} said \"the plan would fail and ", k % 50))
            .collect();
        let article = Article::from_bytes(Path::new("nested.txt"), page.as_bytes()).unwrap();
        let extracted = extract_claims(&article);
        assert!(!extracted.claims.is_empty());
        let chars = page.chars().count();
        let claimed: usize = extracted
            .claims
            .iter()
            .map(|c| c.text.chars().count())
            .sum();
        assert!(
            claimed <= spans::MAX_NESTED_CLAIMS * chars,
            "{claimed} characters of claims from {chars}"
        );
        assert_eq!(extracted.warnings.len(), 1, "{:?}", extracted.warnings);
        assert!(extracted.warnings[0].contains("nested.txt"));
        // An ordinary article is not capped.
        assert!(extract(INQUIRY).warnings.is_empty());
    }

    #[test]
    fn bad_input_gives_no_claims_and_no_panic() {
        for text in [
            "",
            "\"",
            "said",
            ", said",
            "\" said \"",
            "According to",
            "((((",
            "A: ",
            "Mr.",
        ] {
            let _ = extract(text);
        }
        assert!(extract("").claims.is_empty());
    }
}

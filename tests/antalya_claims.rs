//! End-to-end checks of claim extraction on the project's own Antalya articles (`data/`),
//! and optionally on the seed article in `../shared` when it is present.

use std::path::{Path, PathBuf};

use contra::article::Article;
use contra::claims::{
    extract_claims, merge_article_speakers, ArticleClaims, ClaimKind, SpeakerKind,
};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn load(path: &Path) -> (Article, ArticleClaims) {
    let article = Article::load(path).expect("article loads");
    let claims = extract_claims(&article);
    (article, claims)
}

/// The speaker of the first claim whose text contains `text`.
fn speaker_of(claims: &ArticleClaims, text: &str) -> String {
    claims
        .claims
        .iter()
        .find(|c| c.text.contains(text))
        .unwrap_or_else(|| panic!("no claim contains {text:?}"))
        .speaker
        .clone()
}

#[test]
fn the_tass_report_attributes_every_statement_to_the_right_speaker() {
    let (article, claims) = load(&data("antalya-tass.txt"));
    let expected = [
        ("Antalya was not intended to settle a ceasefire", "lavrov"),
        ("Nobody came to Antalya to sign a ceasefire", "lavrov"),
        ("knows perfectly well where the real negotiations", "lavrov"),
        ("had taken place in a calm atmosphere", "lavrov"),
        ("the two sides agreed to keep talking", "lavrov"),
        ("humanitarian corridors was not raised", "lavrov"),
        ("Kiev is obstructing the evacuation", "lavrov"),
        ("turned into a base", "lavrov"),
        ("It was a military position", "lavrov"),
        ("We did not attack Ukraine", "lavrov"),
        ("A meeting for the sake of a meeting", "lavrov"),
        ("We never refused contacts", "lavrov"),
        ("not striking Ukrainian cities", "russian-defense-ministry"),
        (
            "the civilian population faces no threat",
            "russian-defense-ministry",
        ),
        ("he had decided to launch the operation", "putin"),
        ("Moscow had no plans to occupy", "putin"),
        ("the atmosphere had been civilized", "cavusoglu"),
    ];
    for (text, speaker) in expected {
        assert_eq!(speaker_of(&claims, text), speaker, "{text}");
    }
    // Narration is no one's claim.
    assert!(!claims
        .claims
        .iter()
        .any(|c| c.text.contains("sidelines of the Antalya")));
    // Spans index the text as characters and hold the claim's text.
    let chars: Vec<char> = article.text.chars().collect();
    for claim in claims.claims.iter().filter(|c| c.kind != ClaimKind::Direct) {
        let span: String = chars[claim.span.start..claim.span.end].iter().collect();
        assert_eq!(span, claim.text);
    }
    let lavrov = claims.speakers.iter().find(|s| s.id == "lavrov").unwrap();
    assert_eq!(lavrov.name, "Sergey Lavrov");
    for alias in [
        "the Russian foreign minister",
        "the top Russian diplomat",
        "Lavrov",
    ] {
        assert!(
            lavrov.aliases.iter().any(|a| a == alias),
            "{alias} in {lavrov:?}"
        );
    }
}

#[test]
fn the_kyiv_report_handles_roles_pronouns_split_quotes_and_guillemets() {
    let (_, claims) = load(&data("antalya-kyiv.txt"));
    for text in [
        "had brought no progress on a ceasefire",
        "I raised the question of a ceasefire",
        "Ukraine has not surrendered",
        "would not accept an ultimatum",
        "This was not a military site",
        "a working civilian clinic with patients inside",
        "He came with the old narrative",
        "Diplomacy must produce results",
    ] {
        assert_eq!(speaker_of(&claims, text), "kuleba", "{text}");
    }
    let split = claims
        .claims
        .iter()
        .find(|c| c.text.starts_with("I asked him for a corridor"))
        .unwrap();
    assert_eq!(
        split.text,
        "I asked him for a corridor from Mariupol, and he could not promise it, because he does not decide."
    );
    assert_eq!(split.kind, ClaimKind::Direct);
    assert_eq!(
        speaker_of(&claims, "more than 1,200 civilians"),
        "nikolenko"
    );
    assert_eq!(speaker_of(&claims, "the number was growing"), "nikolenko");
    assert_eq!(speaker_of(&claims, "not for capitulation"), "zelensky");
    assert_eq!(
        speaker_of(&claims, "bears full responsibility"),
        "ukrainian-foreign-ministry"
    );
    assert!(!claims.claims.iter().any(|c| c.speaker == "lavrov"));
}

#[test]
fn the_two_reports_merge_into_one_speaker_list() {
    let (_, tass) = load(&data("antalya-tass.txt"));
    let (_, kyiv) = load(&data("antalya-kyiv.txt"));
    let mut articles = [tass, kyiv];
    let merged = merge_article_speakers(&mut articles);
    let ids: Vec<&str> = merged.iter().map(|s| s.id.as_str()).collect();
    for id in [
        "lavrov",
        "kuleba",
        "putin",
        "zelensky",
        "russian-defense-ministry",
    ] {
        assert_eq!(
            ids.iter().filter(|i| **i == id).count(),
            1,
            "{id} in {ids:?}"
        );
    }
    for id in ["lavrov", "kuleba", "putin", "zelensky", "nikolenko"] {
        let person = merged.iter().find(|s| s.id == id).unwrap();
        assert_eq!(person.kind, SpeakerKind::Person, "{id}");
        assert!(person.role.is_some(), "{id} has a role");
    }
    // Every speaker is someone a reader can name or a typed unnamed source; nothing is
    // left unresolved in these two reports.
    for speaker in &merged {
        assert_ne!(speaker.kind, SpeakerKind::Unresolved, "{speaker:?}");
    }
    let kuleba = merged.iter().find(|s| s.id == "kuleba").unwrap();
    assert_eq!(kuleba.name, "Dmytro Kuleba");
    assert_eq!(kuleba.role.as_deref(), Some("Ukrainian Foreign Minister"));
    assert!(kuleba
        .aliases
        .iter()
        .any(|a| a == "the top Ukrainian diplomat"));
}

#[test]
fn the_seed_article_attributes_lavrov_kuleba_putin_and_the_ministry() {
    let seed = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/000_a6941b140a9282af.txt"
    ));
    if !seed.exists() {
        eprintln!("skipped: {} is absent", seed.display());
        return;
    }
    let (_, claims) = load(seed);
    let expected = [
        ("did not envisage agreements on the ceasefire", "lavrov"),
        ("I am not surprised that Mister Kuleba", "lavrov"),
        ("No one had plans here to agree on the ceasefire", "lavrov"),
        ("This is where all practical issues are discussed", "lavrov"),
        ("It concerns the demilitarization", "lavrov"),
        ("ready for diplomatic solutions", "kuleba"),
        ("We are ready for diplomacy", "kuleba"),
        ("Ukraine has not surrendered", "kuleba"),
        ("special military operation", "putin"),
        ("Moscow had no plans of occupying", "putin"),
        (
            "Russian troops are not targeting Ukrainian cities",
            "russian-defense-ministry",
        ),
    ];
    for (text, speaker) in expected {
        assert_eq!(speaker_of(&claims, text), speaker, "{text}");
    }
}

#[test]
fn every_polnear_article_yields_well_formed_claims() {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/polnear"
    ));
    if !root.exists() {
        eprintln!("skipped: {} is absent", root.display());
        return;
    }
    let started = std::time::Instant::now();
    let mut articles = 0;
    for split in ["train", "dev"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(split).join("text"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            let (article, claims) = load(&path);
            let chars: Vec<char> = article.text.chars().collect();
            for claim in &claims.claims {
                let (start, end) = (
                    claim.span.start - article.offset,
                    claim.span.end - article.offset,
                );
                assert!(
                    start < end && end <= chars.len(),
                    "{}: {claim:?}",
                    path.display()
                );
                assert!(claims.speakers.iter().any(|s| s.id == claim.speaker));
                if claim.kind != ClaimKind::Direct {
                    let span: String = chars[start..end].iter().collect();
                    assert!(
                        span == claim.text || is_split(&span, &claim.text),
                        "{}: {span:?} against {:?}",
                        path.display(),
                        claim.text
                    );
                }
            }
            articles += 1;
        }
    }
    assert_eq!(articles, 924);
    eprintln!("{articles} articles in {:.2?}", started.elapsed());
}

/// Whether `text` is the start and the end of `span` joined by ", ": a claim whose
/// narration in the middle (`according to the campaign,`) is left out.
fn is_split(span: &str, text: &str) -> bool {
    text.match_indices(", ").any(|(k, _)| {
        let (first, second) = (&text[..k], &text[k + 2..]);
        span.starts_with(first) && span.ends_with(second) && first.len() + second.len() < span.len()
    })
}

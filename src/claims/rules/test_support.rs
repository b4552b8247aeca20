//! The one way rule tests read the extractor: through `extract_claims`, so that a rule is
//! tested with everything around it (tokens, quotes, speaker resolution).

use std::path::Path;

use crate::article::Article;
use crate::claims::{extract_claims, ArticleClaims, ClaimKind};

/// The claims and speakers of `text` as an article.
pub(crate) fn extract(text: &str) -> ArticleClaims {
    let article = Article::from_bytes(Path::new("test.txt"), text.as_bytes())
        .expect("a test text reads as an article");
    extract_claims(&article)
}

/// (speaker id, claim text, kind) of every claim.
pub(crate) fn claims_of(text: &str) -> Vec<(String, String, ClaimKind)> {
    extract(text)
        .claims
        .into_iter()
        .map(|c| (c.speaker, c.text, c.kind))
        .collect()
}

/// Whether a claim of `speaker` has `text` in it and is of `kind`.
pub(crate) fn has(
    claims: &[(String, String, ClaimKind)],
    speaker: &str,
    text: &str,
    kind: ClaimKind,
) -> bool {
    claims
        .iter()
        .any(|(s, t, k)| s == speaker && t.contains(text) && *k == kind)
}

/// Asserts that `text` gives exactly these (speaker id, claim text) pairs, in order.
#[track_caller]
pub(crate) fn assert_claims(text: &str, expected: &[(&str, &str)]) {
    let found: Vec<(String, String)> = extract(text)
        .claims
        .into_iter()
        .map(|c| (c.speaker, c.text))
        .collect();
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|(s, t)| (s.as_str(), t.as_str()))
        .collect();
    assert_eq!(found, expected, "claims of {text:?}");
}

/// Asserts that `text` gives no claim.
#[track_caller]
pub(crate) fn assert_no_claims(text: &str) {
    assert_claims(text, &[]);
}

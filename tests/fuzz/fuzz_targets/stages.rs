// The text stages of contra, compiled from src/ by path (shared by every target).
#[allow(dead_code, unused_imports)]
#[path = "../../../src/article.rs"]
pub mod article;
#[allow(dead_code, unused_imports)]
#[path = "../../../src/claims/mod.rs"]
pub mod claims;
#[allow(dead_code)]
#[path = "../../../src/input.rs"]
pub mod input;
#[allow(dead_code)]
#[path = "../../../src/segment.rs"]
pub mod segment;
#[allow(dead_code)]
#[path = "../../../src/tokens.rs"]
pub mod tokens;

/// Every claim's text is the article's text inside its span, and its speaker is listed.
pub fn check_claims(article: &article::Article) {
    let found = claims::extract_claims(article);
    let chars: Vec<char> = article.text.chars().collect();
    for claim in &found.claims {
        let (start, end) = (claim.span.start - article.offset, claim.span.end - article.offset);
        assert!(start < end && end <= chars.len(), "span {:?} outside the text", claim.span);
        let inside: String = chars[start..end].iter().collect();
        assert_eq!(inside, claim.text);
        assert!(found.speakers.iter().any(|s| s.id == claim.speaker));
    }
}

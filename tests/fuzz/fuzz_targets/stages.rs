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

/// Every claim's span lies inside the text and holds its text's words in order (a split
/// quotation's parts are joined without the interrupting `, Lavrov said, `), and its
/// speaker is listed.
#[allow(dead_code)] // The segment target does not extract claims.
pub fn check_claims(article: &article::Article) {
    let found = claims::extract_claims(article);
    let chars: Vec<char> = article.text.chars().collect();
    for claim in &found.claims {
        let (start, end) = (claim.span.start - article.offset, claim.span.end - article.offset);
        assert!(start < end && end <= chars.len(), "span {:?} outside the text", claim.span);
        let inside: String = chars[start..end].iter().collect();
        let mut rest = inside.as_str();
        for word in claim.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let at = rest.find(word);
            assert!(at.is_some(), "{:?} is not in its span {inside:?}", claim.text);
            rest = &rest[at.unwrap_or(0) + word.len()..];
        }
        assert!(found.speakers.iter().any(|s| s.id == claim.speaker));
    }
}

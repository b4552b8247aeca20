//! Arbitrary bytes as an article file: decoding never panics, and what decodes goes
//! through claim extraction with consistent offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "stages.rs"]
mod stages;
use stages::{article, check_claims};
// The stages name each other as `crate::…`.
use stages::{claims, input, segment, tokens};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(article) = article::Article::from_bytes(std::path::Path::new("fuzz.txt"), bytes) {
        check_claims(&article);
    }
});

//! Structure-aware: each input byte picks a fragment of news prose (names, cues, quotation
//! marks of every kind, pronouns, punctuation, paragraph breaks), so the extractor meets
//! quote/cue soups that random bytes would almost never spell.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "stages.rs"]
mod stages;
use stages::{article, check_claims};
// The stages name each other as `crate::…`.
use stages::{claims, input, segment, tokens};

const FRAGMENTS: &[&str] = &[
    "Sergey Lavrov", "Kuleba", "Dmytro Kuleba", "the Defense Ministry", "officials", "he",
    "she", "they", "The president", "Mr. Trump", "Clinton's campaign", " said", " told reporters",
    " according to", " added", " denied", " insisted that", " says", ", ", ". ", ": ", " — ",
    "\"", "“", "”", "‘", "’", "'", "«", "»", " ", "\n\n", "\n", "Russia did not attack",
    " the talks were productive", " we will never", " it is a lie", "(", ")", "U.S.", "Jan. 5",
    "said: ", "“We", "” he said.", "”, she added.", " that ", "who", "In a statement,",
];

fuzz_target!(|picks: &[u8]| {
    let text: String = picks
        .iter()
        .map(|&b| FRAGMENTS[b as usize % FRAGMENTS.len()])
        .collect();
    if let Ok(article) = article::Article::from_bytes(std::path::Path::new("soup.txt"), text.as_bytes()) {
        check_claims(&article);
    }
});

//! Arbitrary UTF-8: sentences are in order, inside the text, and their text is the text
//! at their offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "stages.rs"]
mod stages;
// The stages name each other as `crate::…`.
use stages::{article, claims, input, segment, tokens};

fuzz_target!(|text: &str| {
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for sentence in segment::segment(text) {
        assert!(previous_end <= sentence.start && sentence.start <= sentence.end);
        assert!(sentence.end <= chars.len());
        let inside: String = chars[sentence.start..sentence.end].iter().collect();
        assert_eq!(inside, sentence.text);
        previous_end = sentence.end;
    }
});

//! A readable markdown table of an article's claims: speaker, kind, claim.

use super::ArticleClaims;

/// Renders the claims as a markdown table, speakers by display name.
pub fn markdown_table(article: &str, claims: &ArticleClaims) -> String {
    let mut out = format!("# Claims in {article}\n\n");
    if claims.claims.is_empty() {
        out.push_str("No claims found.\n");
        return out;
    }
    out.push_str("| speaker | kind | claim |\n|---|---|---|\n");
    for claim in &claims.claims {
        let speaker = claims
            .speakers
            .iter()
            .find(|s| s.id == claim.speaker)
            .map_or_else(|| claim.speaker.clone(), |s| s.kind.label(&s.name));
        let kind = match claim.kind {
            super::ClaimKind::Direct => "direct",
            super::ClaimKind::Indirect => "indirect",
            super::ClaimKind::Mixed => "mixed",
        };
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            cell(&speaker),
            kind,
            cell(&claim.text)
        ));
    }
    out
}

/// Table cells cannot hold pipes or line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Claim, ClaimKind, Span, Speaker};

    #[test]
    fn pipes_and_line_breaks_do_not_break_the_table() {
        let claims = ArticleClaims {
            speakers: vec![Speaker {
                id: "lavrov".into(),
                name: "Sergey Lavrov".into(),
                kind: crate::claims::SpeakerKind::Person,
                role: None,
                aliases: vec![],
            }],
            claims: vec![Claim {
                id: "c1".into(),
                speaker: "lavrov".into(),
                text: "a | b\nc".into(),
                span: Span { start: 0, end: 7 },
                source_span: None,
                cue: None,
                kind: ClaimKind::Direct,
            }],
            warnings: vec![],
        };
        let table = markdown_table("x.txt", &claims);
        assert!(table.contains("| Sergey Lavrov | direct | a \\| b c |"));
    }
}

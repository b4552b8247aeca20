//! The report as GitHub-flavoured markdown: inputs, speakers, ranked contradictions and
//! agreements, and a footer saying how it was made.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Report, ScoredPair};

pub fn write_markdown(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(report).as_bytes())
}

pub fn render(report: &Report) -> String {
    let mut md = String::new();
    md.push_str("# contra: contradictions and agreements between speakers\n\n");

    md.push_str("## Inputs\n\n| id | article | sha256 | claims |\n|---|---|---|---:|\n");
    for input in &report.inputs {
        let _ = writeln!(
            md,
            "| {} | {} | `{}` | {} |",
            input.id,
            cell(&input.path),
            input.sha256,
            input.claims
        );
    }

    md.push_str(
        "\n## Speakers\n\n| id | name | kind | role | aliases | claims |\n|---|---|---|---|---|---:|\n",
    );
    for speaker in &report.speakers {
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {} | {} |",
            speaker.id,
            cell(&speaker.name),
            speaker.kind,
            cell(speaker.role.as_deref().unwrap_or("")),
            cell(&speaker.aliases.join("; ")),
            speaker.claims
        );
    }

    sides_section(&mut md, report);

    md.push_str("\n## Contradictions\n\n");
    let contradictions: Vec<&ScoredPair> = report.contradictions().collect();
    let ranked_by: [Column; 2] = [
        ("score", |p| p.score),
        ("contradiction", |p| p.contradiction),
    ];
    pair_table(&mut md, report, &contradictions, &ranked_by);

    md.push_str("\n## Agreements\n\n");
    let agreements = report.agreements();
    let entailment: [Column; 1] = [("entailment (both ways)", ScoredPair::mutual_entailment)];
    pair_table(&mut md, report, &agreements, &entailment);

    let s = &report.settings;
    let _ = write!(
        md,
        "\n---\n{} {} · NLI model `{}` ({}) · embedding model `{}` · {} claims, {} cross-speaker pairs{}, {} left unscored as unrelated · \
         tables show the top {} at score ≥ {} and similarity ≥ {} · contradiction = mean of both NLI directions; \
         score = contradiction less a discount for claims that contradict most of their partners and a margin \
         inside one side · agreement = entailment in the weaker direction\n",
        report.generated_by.tool,
        report.generated_by.version,
        report.generated_by.nli_model,
        report.generated_by.precision,
        report.generated_by.embedding_model,
        report.claims.len(),
        s.candidate_pairs,
        if s.preselected {
            format!(
                ", reduced to each claim's {} most similar",
                s.neighbours
            )
        } else {
            String::new()
        },
        s.unrelated_pairs,
        s.top,
        s.min_score,
        s.min_similarity
    );
    md
}

/// A score column of a pair table: its heading and how to read it from a pair.
type Column = (&'static str, fn(&ScoredPair) -> f32);

fn sides_section(md: &mut String, report: &Report) {
    if report.sides.is_empty() {
        return;
    }
    md.push_str("\n## Sides\n\nSpeakers who agree with each other, oppose the same speakers, or share an affiliation in their names and roles (nationality, party, state, a person's camp); a contradiction inside one side ranks lower.\n\n");
    for side in &report.sides {
        let names: Vec<String> = side
            .speakers
            .iter()
            .map(|id| cell(&report.speaker_name(id)))
            .collect();
        let _ = writeln!(md, "- {}: {}", side.id, names.join(", "));
    }
}

fn pair_table(md: &mut String, report: &Report, pairs: &[&ScoredPair], columns: &[Column]) {
    if pairs.is_empty() {
        md.push_str("None at or above the minimum score.\n");
        return;
    }
    let headings: String = columns
        .iter()
        .map(|(name, _)| format!(" {name} |"))
        .collect();
    let alignment = "---:|".repeat(columns.len());
    let _ = writeln!(
        md,
        "| # | speaker A | claim A | speaker B | claim B |{headings} similarity | sides | where |\n\
         |---:|---|---|---|---|{alignment}---:|---|---|"
    );
    for (row, pair) in pairs.iter().enumerate() {
        let (Some(a), Some(b)) = (report.claim(&pair.a), report.claim(&pair.b)) else {
            continue;
        };
        let scores: String = columns
            .iter()
            .map(|(_, value)| format!(" {:.3} |", value(pair)))
            .collect();
        let _ = writeln!(
            md,
            "| {} | {} | “{}” | {} | “{}” |{scores} {:.2} | {} | {} {}–{}; {} {}–{} |",
            row + 1,
            cell(&report.speaker_label(&pair.speaker_a)),
            cell(&a.text),
            cell(&report.speaker_label(&pair.speaker_b)),
            cell(&b.text),
            pair.similarity,
            if pair.same_side { "same side" } else { "" },
            a.article,
            a.span.start,
            a.span.end,
            b.article,
            b.span.start,
            b.span.end
        );
    }
}

/// Escapes text for a table cell: pipes, markdown markup and line breaks would break
/// the row or change how it renders.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_escape_table_breaking_characters() {
        assert_eq!(cell("a | b\nc *d*"), "a \\| b c \\*d\\*");
    }
}

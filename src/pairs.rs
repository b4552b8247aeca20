//! Reading premise/hypothesis pair files: TSV with the header `id, premise, hypothesis`
//! and an optional `label` column, plain or gzip-compressed (`.gz`).

use std::io::{BufRead, BufReader, Read, Take};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use crate::input::{self, InputError, MAX_PAIR_FILE_BYTES};
use crate::labels::NliLabel;

#[derive(Debug, thiserror::Error)]
pub enum PairsError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the header must name the columns id, premise and hypothesis (and optionally label), found {found:?}")]
    Header { path: PathBuf, found: String },
    #[error("{path} is empty: expected a header line `id<TAB>premise<TAB>hypothesis[<TAB>label]`")]
    Empty { path: PathBuf },
    #[error("{path} has no label column: --eval needs gold labels")]
    NoLabelColumn { path: PathBuf },
    #[error(
        "{path} has no usable label (entailment, neutral or contradiction): nothing to evaluate"
    )]
    NoLabels { path: PathBuf },
}

/// One pair as read; `label` is `None` where the file has no label column or the cell is
/// empty.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledPair {
    pub id: String,
    pub premise: String,
    pub hypothesis: String,
    pub label: Option<NliLabel>,
}

/// A row that could not be used, with its 1-based line number in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    pub line: usize,
    pub message: String,
}

/// The usable rows of a pair file, and the rows that were not.
#[derive(Debug, Default)]
pub struct PairFile {
    pub pairs: Vec<LabelledPair>,
    pub problems: Vec<RowProblem>,
    pub has_label_column: bool,
}

impl PairFile {
    /// Refuses a file (read from `path`) without gold labels to evaluate against.
    pub fn require_labels(&self, path: &Path) -> Result<(), PairsError> {
        let path = path.to_path_buf();
        if !self.has_label_column {
            return Err(PairsError::NoLabelColumn { path });
        }
        if self.pairs.iter().all(|p| p.label.is_none()) {
            return Err(PairsError::NoLabels { path });
        }
        Ok(())
    }
}

/// Reads a pair file: a regular file of at most `MAX_PAIR_FILE_BYTES` (decompressed).
pub fn read_pair_file(path: &Path) -> Result<PairFile, PairsError> {
    read_pairs_up_to(path, MAX_PAIR_FILE_BYTES)
}

fn read_pairs_up_to(path: &Path, limit: u64) -> Result<PairFile, PairsError> {
    let (file, _) = input::open_regular(path)?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    // One byte past the limit tells a file at the limit from a longer one.
    let mut reader = BufReader::new(reader.take(limit + 1));
    let pairs = parse_pairs(path, &mut reader)?;
    if reader.get_ref().limit() == 0 {
        return Err(PairsError::Input(InputError::TooLarge {
            path: path.to_path_buf(),
            size: limit + 1,
            at_least: true,
            limit,
        }));
    }
    Ok(pairs)
}

/// The columns of id, premise, hypothesis and label (optional), named by the header.
fn header_columns(
    path: &Path,
    header: String,
) -> Result<(usize, usize, usize, Option<usize>), PairsError> {
    let columns: Vec<&str> = header
        .trim_start_matches('\u{feff}')
        .split('\t')
        .map(str::trim)
        .collect();
    let find = |name: &str| columns.iter().position(|c| c.eq_ignore_ascii_case(name));
    match (find("id"), find("premise"), find("hypothesis")) {
        (Some(id), Some(premise), Some(hypothesis)) => Ok((id, premise, hypothesis, find("label"))),
        _ => Err(PairsError::Header {
            path: path.to_path_buf(),
            found: header,
        }),
    }
}

/// The rows of a pair file after its header.
fn parse_pairs(
    path: &Path,
    reader: &mut BufReader<Take<Box<dyn Read>>>,
) -> Result<PairFile, PairsError> {
    let io_error = |source| PairsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut lines = reader.lines();
    let header = match lines.next() {
        Some(line) => line.map_err(io_error)?,
        None => {
            return Err(PairsError::Empty {
                path: path.to_path_buf(),
            })
        }
    };
    let (id_col, premise_col, hypothesis_col, label_col) = header_columns(path, header)?;
    let mut out = PairFile {
        has_label_column: label_col.is_some(),
        ..PairFile::default()
    };
    for (index, line) in lines.enumerate() {
        let line_number = index + 2;
        let line = line.map_err(io_error)?;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |col: usize| cells.get(col).map(|c| c.trim()).filter(|c| !c.is_empty());
        let mut problem = |message: String| {
            out.problems.push(RowProblem {
                line: line_number,
                message,
            })
        };
        let (Some(id), Some(premise), Some(hypothesis)) =
            (cell(id_col), cell(premise_col), cell(hypothesis_col))
        else {
            let missing: Vec<&str> = [
                ("id", id_col),
                ("premise", premise_col),
                ("hypothesis", hypothesis_col),
            ]
            .into_iter()
            .filter(|(_, col)| cell(*col).is_none())
            .map(|(name, _)| name)
            .collect();
            problem(format!("missing {}", missing.join(", ")));
            continue;
        };
        let label = match label_col.and_then(cell) {
            None => None,
            Some(text) => match text.parse::<NliLabel>() {
                Ok(label) => Some(label),
                Err(message) => {
                    problem(message);
                    continue;
                }
            },
        };
        out.pairs.push(LabelledPair {
            id: id.to_string(),
            premise: premise.to_string(),
            hypothesis: hypothesis.to_string(),
            label,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write_temp(name: &str, content: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("contra-pairs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::File::create(&path)
            .unwrap()
            .write_all(content.as_bytes())
            .unwrap();
        path
    }

    #[test]
    fn reads_columns_by_header_name_and_reports_bad_rows_with_line_numbers() {
        let path = write_temp(
            "pairs.tsv",
            "hypothesis\tid\tpremise\tlabel\nH1\t7\tP1\tentailment\n\t8\tP2\tneutral\nH3\t9\tP3\t\nH4\t10\tP4\tmaybe\n",
        );
        let file = read_pair_file(&path).unwrap();
        assert_eq!(file.pairs.len(), 2);
        assert_eq!(file.pairs[0].id, "7");
        assert_eq!(file.pairs[0].premise, "P1");
        assert_eq!(file.pairs[0].label, Some(NliLabel::Entailment));
        assert_eq!(file.pairs[1].label, None);
        assert_eq!(
            file.problems.iter().map(|p| p.line).collect::<Vec<_>>(),
            vec![3, 5]
        );
        assert!(file.problems[0].message.contains("hypothesis"));
    }

    #[test]
    fn rejects_a_file_without_the_required_columns() {
        let path = write_temp("bad.tsv", "a\tb\n1\t2\n");
        assert!(matches!(
            read_pair_file(&path),
            Err(PairsError::Header { .. })
        ));
    }

    #[test]
    fn a_device_and_a_file_over_the_limit_are_refused_naming_the_file() {
        let err = read_pair_file(Path::new("/dev/zero")).unwrap_err();
        assert!(
            matches!(err, PairsError::Input(InputError::NotAFile { .. })),
            "{err}"
        );
        let path = write_temp("long.tsv", "id\tpremise\thypothesis\n1\tA\tB\n");
        assert_eq!(read_pairs_up_to(&path, 28).unwrap().pairs.len(), 1);
        let err = read_pairs_up_to(&path, 27).unwrap_err();
        assert!(
            matches!(err, PairsError::Input(InputError::TooLarge { .. })),
            "{err}"
        );
        assert!(err.to_string().contains("long.tsv"), "{err}");
    }
}

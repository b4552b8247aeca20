//! `contra batch`: many comparisons from a manifest, split the way schedulers' array jobs
//! expect (Slurm arrays, Kubernetes indexed Jobs) rather than with a scheduler of contra's own.
//!
//! Each manifest line is one comparison. Each finished line writes `<id>.json` and `<id>.md`
//! atomically and appends a status line to its shard's own index file
//! (`index-K-of-N.jsonl`), so concurrent shards never write the same file; `merge` joins the
//! shards' indexes into `index.jsonl`. A failing line is recorded and the batch goes on.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::compare::CompareOptions;
use crate::options::Shard;
use crate::output::write_output;
use crate::report::{json, markdown, Report};

/// Problems that stop a batch before or between lines (a failing line does not).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Manifest {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: no comparisons (every line is blank)")]
    EmptyManifest { path: PathBuf },
    #[error("cannot write to {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Index {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error(
        "{dir}: no index-K-of-N.jsonl files to merge; run `contra batch MANIFEST -o {dir}` first"
    )]
    NothingToMerge { dir: PathBuf },
}

impl BatchError {
    /// The manifest or an index is unusable, not the machine.
    pub fn is_input_problem(&self) -> bool {
        !matches!(self, BatchError::Write { .. })
    }
}

/// A line's overrides of the batch's compare options.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineOptions {
    pub top: Option<usize>,
    pub min_score: Option<f32>,
    pub min_similarity: Option<f32>,
    pub speakers: Option<Vec<String>>,
    pub max_pairs: Option<usize>,
    pub neighbours: Option<usize>,
}

impl LineOptions {
    /// The batch's options with this line's overrides.
    pub fn apply(&self, base: &CompareOptions) -> CompareOptions {
        CompareOptions {
            top: self.top.unwrap_or(base.top),
            min_score: self.min_score.unwrap_or(base.min_score),
            min_similarity: self.min_similarity.unwrap_or(base.min_similarity),
            speakers: self.speakers.clone().or_else(|| base.speakers.clone()),
            max_pairs: self.max_pairs.unwrap_or(base.max_pairs),
            neighbours: self.neighbours.unwrap_or(base.neighbours),
            show_progress: base.show_progress,
        }
    }

    /// The same ranges the command-line flags accept.
    fn check(&self) -> Result<(), String> {
        let in_range = |name: &str, value: Option<f32>, low: f32, high: f32| match value {
            Some(v) if !(low..=high).contains(&v) => {
                Err(format!("options.{name} must be {low} to {high}"))
            }
            _ => Ok(()),
        };
        in_range("min_score", self.min_score, -2.0, 1.0)?;
        in_range("min_similarity", self.min_similarity, -1.0, 1.0)?;
        if self.top == Some(0) || self.neighbours == Some(0) {
            return Err("options.top and options.neighbours must be at least 1".into());
        }
        Ok(())
    }
}

/// One comparison of the manifest.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestLine {
    pub id: String,
    /// Article paths, relative to the manifest's directory once read.
    pub articles: Vec<PathBuf>,
    #[serde(default)]
    pub options: LineOptions,
}

/// Reads a manifest: one JSON object per non-blank line, ids unique and usable as file
/// names, article paths resolved against the manifest's directory.
pub fn read_manifest(path: &Path) -> Result<Vec<ManifestLine>, BatchError> {
    let text = fs::read_to_string(path).map_err(|source| BatchError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    let mut seen = HashSet::new();
    let mut lines = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let error = |message: String| BatchError::Manifest {
            path: path.to_path_buf(),
            line: number + 1,
            message,
        };
        let mut line: ManifestLine = serde_json::from_str(raw).map_err(|e| error(e.to_string()))?;
        check_id(&line.id).map_err(error)?;
        if line.articles.is_empty() {
            return Err(error(
                "\"articles\" is empty: a comparison needs an article".into(),
            ));
        }
        line.options.check().map_err(error)?;
        if !seen.insert(line.id.clone()) {
            return Err(error(format!("id {:?} repeats an earlier line", line.id)));
        }
        line.articles = line.articles.iter().map(|a| base.join(a)).collect();
        lines.push(line);
    }
    if lines.is_empty() {
        return Err(BatchError::EmptyManifest {
            path: path.to_path_buf(),
        });
    }
    Ok(lines)
}

/// Ids name output files: letters, digits, `.`, `_` and `-`, not starting with a dot.
fn check_id(id: &str) -> Result<(), String> {
    let usable = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    if id.is_empty() || id.starts_with('.') || !id.chars().all(usable) {
        Err(format!(
            "id {id:?} cannot name a file: use letters, digits, '.', '_' and '-', not starting with '.'"
        ))
    } else {
        Ok(())
    }
}

/// Whether a line finished: one status line per line run, in the shard's index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub claims: usize,
    pub pairs: usize,
    pub seconds: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Failed,
}

/// What one shard's run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    pub ok: usize,
    pub failed: usize,
    /// Lines skipped by `--resume` because their reports were complete.
    pub skipped: usize,
}

/// Runs one comparison: the line's articles and options to a report, or the error's text.
pub type CompareFn<'a> = dyn FnMut(&[PathBuf], &CompareOptions) -> Result<Report, String> + 'a;

/// Where a batch writes, and what it skips.
pub struct BatchRun<'a> {
    pub out_dir: &'a Path,
    pub shard: Shard,
    pub resume: bool,
    pub options: &'a CompareOptions,
}

/// The index file of one shard.
pub fn shard_index_path(out_dir: &Path, shard: Shard) -> PathBuf {
    out_dir.join(format!("index-{}-of-{}.jsonl", shard.index, shard.count))
}

fn report_paths(out_dir: &Path, id: &str) -> [PathBuf; 2] {
    [
        out_dir.join(format!("{id}.json")),
        out_dir.join(format!("{id}.md")),
    ]
}

impl BatchRun<'_> {
    /// Runs this shard's lines through `compare` (articles, options → report), writing each
    /// line's reports and index entry as it finishes; `on_entry` sees every entry.
    pub fn run(
        &self,
        lines: &[ManifestLine],
        compare: &mut CompareFn,
        on_entry: &mut dyn FnMut(&IndexEntry),
    ) -> Result<RunSummary, BatchError> {
        let write_error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| BatchError::Write { path, source }
        };
        fs::create_dir_all(self.out_dir).map_err(write_error(self.out_dir))?;
        let index_path = shard_index_path(self.out_dir, self.shard);
        let mut index = open_index(&index_path).map_err(write_error(&index_path))?;
        let mut summary = RunSummary::default();
        let mine = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| self.shard.takes(*i))
            .map(|(_, line)| line);
        for line in mine {
            if self.resume
                && report_paths(self.out_dir, &line.id)
                    .iter()
                    .all(|p| p.is_file())
            {
                summary.skipped += 1;
                continue;
            }
            let entry = self.run_line(line, compare)?;
            match entry.status {
                Status::Ok => summary.ok += 1,
                Status::Failed => summary.failed += 1,
            }
            // One line, one write: a reader never sees half an entry of a finished line.
            let text = serde_json::to_string(&entry).expect("index entries serialise") + "\n";
            index
                .write_all(text.as_bytes())
                .and_then(|()| index.flush())
                .map_err(write_error(&index_path))?;
            on_entry(&entry);
        }
        Ok(summary)
    }

    fn run_line(
        &self,
        line: &ManifestLine,
        compare: &mut CompareFn,
    ) -> Result<IndexEntry, BatchError> {
        let started = Instant::now();
        let options = line.options.apply(self.options);
        let entry = |status, error, claims, pairs| IndexEntry {
            id: line.id.clone(),
            status,
            error,
            claims,
            pairs,
            seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
        };
        let report = match compare(&line.articles, &options) {
            Ok(report) => report,
            Err(message) => return Ok(entry(Status::Failed, Some(message), 0, 0)),
        };
        let [json_path, md_path] = report_paths(self.out_dir, &line.id);
        let write = |path: &Path, render: &dyn Fn(&mut dyn Write) -> std::io::Result<()>| {
            write_output(Some(path), |out| render(out)).map_err(|source| BatchError::Write {
                path: path.to_path_buf(),
                source,
            })
        };
        write(&json_path, &|out| json::write_json(&report, out))?;
        write(&md_path, &|out| markdown::write_markdown(&report, out))?;
        Ok(entry(
            Status::Ok,
            None,
            report.claims.len(),
            report.pairs.len(),
        ))
    }
}

/// Opens a shard's index for appending. A task killed while writing can leave a last line
/// without its newline: that partial entry is cut off, so the next entry starts a line.
fn open_index(path: &Path) -> std::io::Result<fs::File> {
    let existing = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e),
    };
    let complete = existing
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    if complete < existing.len() {
        file.set_len(complete as u64)?;
    }
    Ok(file)
}

/// What `merge` found.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeSummary {
    pub shards: usize,
    pub ok: usize,
    pub failed: usize,
}

/// Joins every shard's index in `out_dir` into `out_dir/index.jsonl` (written atomically):
/// one entry per id, the latest run's, sorted by id.
pub fn merge(out_dir: &Path) -> Result<MergeSummary, BatchError> {
    let mut shard_files: Vec<PathBuf> = fs::read_dir(out_dir)
        .map_err(|source| BatchError::Read {
            path: out_dir.to_path_buf(),
            source,
        })?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| is_shard_index(path))
        .collect();
    if shard_files.is_empty() {
        return Err(BatchError::NothingToMerge {
            dir: out_dir.to_path_buf(),
        });
    }
    shard_files.sort();
    let mut latest: BTreeMap<String, IndexEntry> = BTreeMap::new();
    for path in &shard_files {
        for entry in read_index(path)? {
            latest.insert(entry.id.clone(), entry);
        }
    }
    let merged = out_dir.join("index.jsonl");
    write_output(Some(&merged), |out| {
        for entry in latest.values() {
            serde_json::to_writer(&mut *out, entry)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
    .map_err(|source| BatchError::Write {
        path: merged,
        source,
    })?;
    let failed = latest
        .values()
        .filter(|e| e.status == Status::Failed)
        .count();
    Ok(MergeSummary {
        shards: shard_files.len(),
        ok: latest.len() - failed,
        failed,
    })
}

fn is_shard_index(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.strip_prefix("index-")
        .and_then(|rest| rest.strip_suffix(".jsonl"))
        .and_then(|rest| rest.split_once("-of-"))
        .is_some_and(|(k, n)| format!("{k}/{n}").parse::<Shard>().is_ok())
}

/// A shard's index; a killed task may leave a last line without its newline, which is
/// not an entry (that line's reports are redone by `--resume` when they are incomplete).
fn read_index(path: &Path) -> Result<Vec<IndexEntry>, BatchError> {
    let file = fs::File::open(path).map_err(|source| BatchError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut entries = Vec::new();
    let mut reader = std::io::BufReader::new(file);
    let mut line = String::new();
    let mut number = 0;
    loop {
        line.clear();
        let read = reader
            .read_line(&mut line)
            .map_err(|source| BatchError::Read {
                path: path.to_path_buf(),
                source,
            })?;
        number += 1;
        if read == 0 || !line.ends_with('\n') {
            return Ok(entries);
        }
        let entry = serde_json::from_str(line.trim()).map_err(|e| BatchError::Index {
            path: path.to_path_buf(),
            line: number,
            message: e.to_string(),
        })?;
        entries.push(entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("contra-batch-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("manifest.jsonl");
        fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn manifest_lines_resolve_paths_against_the_manifest_and_keep_options() {
        let path = manifest(
            "ok",
            "{\"id\": \"a-1\", \"articles\": [\"x.txt\", \"sub/y.txt\"]}\n\n\
             {\"id\": \"b\", \"articles\": [\"z.txt\"], \"options\": {\"top\": 3}}\n",
        );
        let lines = read_manifest(&path).unwrap();
        let dir = path.parent().unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0].articles,
            [dir.join("x.txt"), dir.join("sub/y.txt")]
        );
        assert_eq!(lines[1].options.top, Some(3));
        let options = lines[1].options.apply(&CompareOptions::default());
        assert_eq!((options.top, options.neighbours), (3, 10));
    }

    #[test]
    fn bad_manifest_lines_are_refused_with_their_line_number() {
        let cases = [
            (
                "{\"id\": \"../x\", \"articles\": [\"a\"]}",
                "cannot name a file",
            ),
            ("{\"id\": \"a\", \"articles\": []}", "is empty"),
            (
                "{\"id\": \"a\", \"articles\": [\"a\"], \"colour\": 1}",
                "unknown field",
            ),
            (
                "{\"id\": \"a\", \"articles\": [\"a\"], \"options\": {\"min_score\": 3}}",
                "-2 to 1",
            ),
            (
                "{\"id\": \"a\", \"articles\": [\"a\"]}\n{\"id\": \"a\", \"articles\": [\"b\"]}",
                "repeats",
            ),
            ("not json", "expected"),
        ];
        for (i, (text, message)) in cases.iter().enumerate() {
            let path = manifest(&format!("bad{i}"), text);
            let error = read_manifest(&path).unwrap_err().to_string();
            assert!(
                error.contains(message) && error.contains("manifest.jsonl:"),
                "{error}"
            );
        }
        let empty = manifest("empty", "\n\n");
        assert!(matches!(
            read_manifest(&empty),
            Err(BatchError::EmptyManifest { .. })
        ));
    }

    #[test]
    fn only_shard_index_files_are_merged() {
        assert!(is_shard_index(Path::new("out/index-0-of-4.jsonl")));
        assert!(!is_shard_index(Path::new("out/index.jsonl")));
        assert!(!is_shard_index(Path::new("out/index-4-of-4.jsonl")));
        assert!(!is_shard_index(Path::new("out/a.json")));
    }
}

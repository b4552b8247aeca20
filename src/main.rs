//! The `contra` command line: parses arguments and hands each command to the library.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{
    ClaimsArgs, ClaimsFormat, Cli, Command, CompareArgs, EmbedArgs, NliArgs, PairFormat,
    ReportFormat, RunArgs, TrainNliArgs,
};
use contra::compare::{self, CompareOptions, Models};
use contra::encoder::default_model_path;
use contra::metrics::Confusion;
use contra::nli::{NliConfig, NliModel};
use contra::output::{check_output_is_not_an_input, write_output};
use contra::progress::Progress;
use contra::report::{json, markdown};
use contra::{embed, pairs, train};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Compare(args) => run_compare(args),
        Command::Schema => print_stdout(json::REPORT_JSON_SCHEMA),
        Command::Claims(args) => run_claims(args),
        Command::Embed(args) => run_embed(args),
        Command::Nli(args) => run_nli(args),
        Command::TrainNli(args) => run_train_nli(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`contra … | head`) is the reader's choice, not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("contra: error: {err:#}");
            ExitCode::from(contra::exit_code::exit_code(&err))
        }
    }
}

/// Writes to standard output; a closed or full stdout is an error, not a panic as with
/// `print!`.
fn print_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn set_threads(run: &RunArgs) {
    let threads = run
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    tch::set_num_threads(threads as i32);
}

/// A default model path resolves against the checkout when it is not found here.
fn model_dir(path: &std::path::Path, default: &str) -> std::path::PathBuf {
    if path == std::path::Path::new(default) {
        default_model_path(default)
    } else {
        path.to_path_buf()
    }
}

fn run_compare(args: CompareArgs) -> Result<()> {
    set_threads(&args.run);
    let inputs: Vec<&std::path::Path> = args.articles.iter().map(|p| p.as_path()).collect();
    check_output_is_not_an_input(args.output.as_deref(), &inputs)?;
    let format = args
        .format
        .unwrap_or(match args.output.as_ref().and_then(|p| p.extension()) {
            Some(ext) if ext == "json" => ReportFormat::Json,
            _ => ReportFormat::Md,
        });
    let nli_dir = model_dir(&args.nli_model, contra::nli::DEFAULT_NLI_MODEL_DIR);
    let embed_dir = model_dir(&args.embed_model, embed::DEFAULT_EMBED_MODEL_DIR);
    let models = Models {
        embedder: embed::Embedder::load(&embed_dir)?,
        nli: NliModel::load(
            &nli_dir,
            NliConfig {
                precision: args.precision,
                ..NliConfig::default()
            },
        )?,
        nli_name: model_name(&nli_dir),
        embedding_name: model_name(&embed_dir),
    };
    let options = CompareOptions {
        top: args.top,
        min_score: args.min_score,
        min_similarity: args.min_similarity,
        speakers: args.speakers,
        max_pairs: args.max_pairs,
        neighbours: args.neighbours,
        show_progress: !args.run.quiet,
    };
    let report = compare::compare(&args.articles, &models, &options)?;
    write_output(args.output.as_deref(), |out| match format {
        ReportFormat::Md => markdown::write_markdown(&report, out),
        ReportFormat::Json => json::write_json(&report, out),
    })
    .with_context(|| match &args.output {
        Some(path) => format!("cannot write the report to {}", path.display()),
        None => "cannot write the report to stdout".to_string(),
    })
}

/// A model's name for reports: its directory's name.
fn model_name(dir: &std::path::Path) -> String {
    dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The `contra claims --format json` document, fields in the documented order.
#[derive(serde::Serialize)]
struct ClaimsDocument<'a> {
    schema: &'static str,
    article: &'a str,
    speakers: &'a [contra::claims::Speaker],
    claims: &'a [contra::claims::Claim],
}

fn run_claims(args: ClaimsArgs) -> Result<()> {
    check_output_is_not_an_input(args.output.as_deref(), &[&args.article])?;
    let article = contra::article::Article::load(&args.article)?;
    for warning in &article.warnings {
        eprintln!("contra: warning: {warning}");
    }
    let claims = contra::claims::extract_claims(&article);
    for warning in &claims.warnings {
        eprintln!("contra: warning: {warning}");
    }
    let path = article.path.display().to_string();
    write_output(args.output.as_deref(), |out| match args.format {
        ClaimsFormat::Json => {
            let document = ClaimsDocument {
                schema: "contra.claims/1",
                article: &path,
                speakers: &claims.speakers,
                claims: &claims.claims,
            };
            serde_json::to_writer_pretty(&mut *out, &document)?;
            writeln!(out)
        }
        ClaimsFormat::Md => {
            out.write_all(contra::claims::markdown_table(&path, &claims).as_bytes())
        }
    })
    .context("cannot write the claims")?;
    Ok(())
}

fn run_embed(args: EmbedArgs) -> Result<()> {
    set_threads(&args.run);
    let sentences = contra::input::read_lines(&args.input)?;
    let embedder = embed::Embedder::load(&model_dir(&args.model, embed::DEFAULT_EMBED_MODEL_DIR))?;
    let progress = Progress::new(!args.run.quiet, sentences.len() as u64, "embedding");
    let vectors = embedder.embed(&sentences, &progress)?;
    progress.finish();
    write_output(None, |out| {
        for (sentence, vector) in sentences.iter().zip(&vectors) {
            let line = serde_json::json!({"text": sentence, "embedding": vector});
            writeln!(out, "{line}")?;
        }
        Ok(())
    })?;
    Ok(())
}

fn run_nli(args: NliArgs) -> Result<()> {
    set_threads(&args.run);
    check_output_is_not_an_input(args.output.as_deref(), &[&args.pairs])?;
    let file = pairs::read_pair_file(&args.pairs)?;
    pairs::warn_problems(&args.pairs, &file.problems, 20);
    if args.eval {
        file.require_labels(&args.pairs)?;
    }
    let model = NliModel::load(
        &model_dir(&args.model, contra::nli::DEFAULT_NLI_MODEL_DIR),
        NliConfig {
            batch_size: args.batch_size,
            max_len: args.max_len,
            precision: args.precision,
        },
    )?;
    let texts: Vec<(&str, &str)> = file
        .pairs
        .iter()
        .map(|p| (p.premise.as_str(), p.hypothesis.as_str()))
        .collect();
    let progress = Progress::new(!args.run.quiet, texts.len() as u64, "nli");
    let scores = model.score(&texts, &progress)?;
    progress.finish();

    let write_scores = |out: &mut dyn Write| -> std::io::Result<()> {
        if args.format == PairFormat::Tsv {
            writeln!(out, "id\tlabel\tentailment\tneutral\tcontradiction")?;
        }
        for (pair, s) in file.pairs.iter().zip(&scores) {
            match args.format {
                PairFormat::Jsonl => {
                    let line = ScoredLine {
                        id: &pair.id,
                        label: s.label(),
                        scores: *s,
                    };
                    serde_json::to_writer(&mut *out, &line)?;
                    writeln!(out)?;
                }
                PairFormat::Tsv => writeln!(
                    out,
                    "{}\t{}\t{:.6}\t{:.6}\t{:.6}",
                    pair.id,
                    s.label(),
                    s.entailment,
                    s.neutral,
                    s.contradiction
                )?,
            }
        }
        Ok(())
    };
    if args.eval {
        if let Some(path) = &args.output {
            write_output(Some(path), write_scores)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        let mut confusion = Confusion::default();
        let mut unlabelled = 0;
        for (pair, s) in file.pairs.iter().zip(&scores) {
            match pair.label {
                Some(gold) => confusion.add(gold, s.label()),
                None => unlabelled += 1,
            }
        }
        if unlabelled > 0 {
            eprintln!("contra: warning: {unlabelled} pairs without a label were not evaluated");
        }
        print_stdout(&confusion.evaluation().to_text())?;
    } else {
        write_output(args.output.as_deref(), write_scores).context("cannot write the scores")?;
    }
    Ok(())
}

/// One line of `contra nli --format jsonl`, fields in the documented order.
#[derive(serde::Serialize)]
struct ScoredLine<'a> {
    id: &'a str,
    label: contra::nli::NliLabel,
    #[serde(flatten)]
    scores: contra::nli::NliScores,
}

fn run_train_nli(args: TrainNliArgs) -> Result<()> {
    set_threads(&args.run);
    let config = train::TrainConfig {
        base_model: model_dir(&args.base_model, embed::DEFAULT_EMBED_MODEL_DIR),
        init_from: args.init,
        train: args.train,
        dev: args.dev,
        out_dir: args.out,
        checkpoint_dir: args.checkpoint_dir,
        epochs: args.epochs,
        batch_size: args.batch_size,
        lr: args.lr,
        warmup: args.warmup,
        weight_decay: args.weight_decay,
        max_len: args.max_len,
        seed: args.seed,
        bf16: args.bf16,
        eval_every: args.eval_every,
        checkpoint_every: args.checkpoint_every,
        max_steps: args.max_steps,
    };
    let summary = train::train(&config, args.resume, !args.run.quiet)?;
    eprintln!(
        "trained {} steps at {:.1} pairs/s; best dev score {}",
        summary.steps,
        summary.pairs_per_second,
        summary.best_score.map_or("-".into(), |s| format!("{s:.4}"))
    );
    Ok(())
}

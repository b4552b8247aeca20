//! `contra-torch`: the half of the `contra` command line that links libtorch. `contra` hands
//! it the commands that run a model (`compare`, `batch`, `plan`, `score`, `rank`, `nli`,
//! `embed`, `train-nli`) by replacing itself with this binary, so the commands without a
//! model never load libtorch.

#[path = "../cli.rs"]
mod cli;
// `cli` names the shared option types as `crate::options`.
use contra::options;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;

use cli::{
    exit_status, print_stdout, BatchArgs, Cli, Command, CompareArgs, CompareSettings, EmbedArgs,
    EmbedModelArg, InferenceArgs, NliArgs, NliModelArg, PairFormat, PlanArgs, RankArgs,
    ReportFormat, RunArgs, ScoreArgs, SelectionArgs, TrainNliArgs,
};
use contra::compare::{self, CompareOptions, Models};
use contra::encoder::default_model_path;
use contra::metrics::Confusion;
use contra::nli::{NliConfig, NliModel};
use contra::output::{check_output_is_not_an_input, write_output};
use contra::progress::Progress;
use contra::report::{json, markdown, Report};
use contra::stages;
use contra::{batch, embed, pairs, train};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Compare(args) => run_compare(args),
        Command::Batch(args) => run_batch(args),
        Command::Plan(args) => run_plan(args),
        Command::Score(args) => run_score(args),
        Command::Rank(args) => run_rank(args),
        Command::Embed(args) => run_embed(args),
        Command::Nli(args) => run_nli(args),
        Command::TrainNli(args) => run_train_nli(args),
        Command::Schema | Command::Claims(_) => Err(anyhow::anyhow!(
            "contra-torch runs the commands that need a model; run this one with `contra`"
        )),
    };
    exit_status(result, |err| {
        contra::exit_code::exit_code(err, is_model_input_problem)
    })
}

/// The input errors of the model commands: a bad pair file or manifest, an unknown
/// `--speakers` id, an unusable article of a comparison, plans and scores that do not fit.
fn is_model_input_problem(cause: &(dyn std::error::Error + 'static)) -> bool {
    use contra::compare::CompareError;
    use contra::train::TrainError;
    cause.is::<contra::pairs::PairsError>()
        || cause
            .downcast_ref::<CompareError>()
            .is_some_and(|e| !matches!(e, CompareError::Model(_)))
        || cause
            .downcast_ref::<TrainError>()
            .is_some_and(|e| matches!(e, TrainError::Pairs(_)))
        || cause
            .downcast_ref::<contra::batch::BatchError>()
            .is_some_and(|e| e.is_input_problem())
        || cause.is::<stages::StageError>()
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

/// The sentence-embedding model and its name for reports.
fn load_embedder(
    arg: &EmbedModelArg,
    inference: &InferenceArgs,
) -> Result<(embed::Embedder, String)> {
    let dir = model_dir(&arg.embed_model, embed::DEFAULT_EMBED_MODEL_DIR);
    let embedder = embed::Embedder::load(&dir, inference.precision, inference.device)?;
    Ok((embedder, model_name(&dir)))
}

/// The NLI model and its name for reports.
fn load_nli(arg: &NliModelArg, inference: &InferenceArgs) -> Result<(NliModel, String)> {
    let dir = model_dir(&arg.nli_model, contra::nli::DEFAULT_NLI_MODEL_DIR);
    let config = NliConfig {
        precision: inference.precision,
        device: inference.device,
        ..NliConfig::default()
    };
    Ok((NliModel::load(&dir, config)?, model_name(&dir)))
}

/// The selection flags as the library's options.
fn compare_options(selection: SelectionArgs, quiet: bool) -> CompareOptions {
    CompareOptions {
        top: selection.top,
        min_score: selection.min_score,
        min_similarity: selection.min_similarity,
        speakers: selection.speakers,
        max_pairs: selection.max_pairs,
        neighbours: selection.neighbours,
        show_progress: !quiet,
    }
}

fn print_load_time(loading: std::time::Instant, quiet: bool) {
    if !quiet {
        let seconds = loading.elapsed().as_secs_f64();
        eprintln!("contra: models loaded in {seconds:.2} s");
    }
}

/// The models and options `compare` and `batch` build from their shared flags.
fn load_compare(settings: CompareSettings, quiet: bool) -> Result<(Models, CompareOptions)> {
    let loading = std::time::Instant::now();
    let (embedder, embedding_name) = load_embedder(&settings.embedding, &settings.inference)?;
    let (nli, nli_name) = load_nli(&settings.nli, &settings.inference)?;
    print_load_time(loading, quiet);
    let models = Models {
        embedder,
        nli,
        nli_name,
        embedding_name,
    };
    Ok((models, compare_options(settings.selection, quiet)))
}

/// The report format asked for, else the one `output`'s extension suggests.
fn report_format(format: Option<ReportFormat>, output: Option<&std::path::Path>) -> ReportFormat {
    format.unwrap_or(match output.and_then(|p| p.extension()) {
        Some(ext) if ext == "json" => ReportFormat::Json,
        _ => ReportFormat::Md,
    })
}

fn write_report(
    report: &Report,
    output: Option<&std::path::Path>,
    format: ReportFormat,
) -> Result<()> {
    write_output(output, |out| match format {
        ReportFormat::Md => markdown::write_markdown(report, out),
        ReportFormat::Json => json::write_json(report, out),
    })
    .with_context(|| match output {
        Some(path) => format!("cannot write the report to {}", path.display()),
        None => "cannot write the report to stdout".to_string(),
    })
}

fn run_compare(args: CompareArgs) -> Result<()> {
    set_threads(&args.run);
    let inputs: Vec<&std::path::Path> = args.articles.iter().map(|p| p.as_path()).collect();
    check_output_is_not_an_input(args.output.as_deref(), &inputs)?;
    let format = report_format(args.format, args.output.as_deref());
    let (models, options) = load_compare(args.settings, args.run.quiet)?;
    let compare::Comparison {
        report,
        times,
        warnings,
    } = compare::compare(&args.articles, &models, &options)?;
    print_warnings(&warnings);
    if !args.run.quiet {
        eprintln!("contra: {times}");
    }
    write_report(&report, args.output.as_deref(), format)
}

fn run_plan(args: PlanArgs) -> Result<()> {
    set_threads(&args.run);
    let inputs: Vec<&std::path::Path> = args.articles.iter().map(|p| p.as_path()).collect();
    check_output_is_not_an_input(args.output.as_deref(), &inputs)?;
    let quiet = args.run.quiet;
    let loading = std::time::Instant::now();
    let (embedder, embedding_name) = load_embedder(&args.embedding, &args.inference)?;
    print_load_time(loading, quiet);
    let options = compare_options(args.selection, quiet);
    let planned = compare::plan(&args.articles, &embedder, &embedding_name, &options)?;
    print_warnings(&planned.warnings);
    let plan = &planned.plan;
    if !quiet {
        eprintln!(
            "contra: {} claims, {} pairs to score; {}",
            plan.claims.len(),
            plan.pairs.len(),
            planned.times.plan_steps()
        );
    }
    stages::write_plan(args.output.as_deref(), plan)
        .with_context(|| format!("cannot write the plan to {}", output_name(&args.output)))
}

fn run_score(args: ScoreArgs) -> Result<()> {
    set_threads(&args.run);
    check_output_is_not_an_input(args.output.as_deref(), &[&args.plan])?;
    let plan = stages::read_plan(&args.plan)?;
    let loading = std::time::Instant::now();
    let (nli, nli_model) = load_nli(&args.nli, &args.inference)?;
    print_load_time(loading, args.run.quiet);
    let started = std::time::Instant::now();
    let scores = compare::score(&plan.plan, &nli, args.shard, !args.run.quiet)?;
    if !args.run.quiet {
        let times = compare::StepTimes {
            nli: started.elapsed(),
            nli_inputs: scores.len(),
            ..Default::default()
        };
        eprintln!("contra: shard {}: {}", args.shard, times.nli_step());
    }
    let header = stages::ScoresHeader {
        schema: stages::SCORES_SCHEMA.to_string(),
        plan_sha256: plan.sha256,
        shard: args.shard,
        nli_model,
        precision: nli.precision(),
        inputs: scores.len(),
    };
    stages::write_scores(args.output.as_deref(), &header, &scores)
        .with_context(|| format!("cannot write the scores to {}", output_name(&args.output)))
}

fn run_rank(args: RankArgs) -> Result<()> {
    let mut inputs: Vec<&std::path::Path> = args.scores.iter().map(|p| p.as_path()).collect();
    inputs.push(&args.plan);
    check_output_is_not_an_input(args.output.as_deref(), &inputs)?;
    let format = report_format(args.format, args.output.as_deref());
    let plan = stages::read_plan(&args.plan)?;
    let (directions, scored_by) = stages::read_scores(&plan, &args.scores)?;
    let report = compare::rank(plan.plan, &directions, scored_by);
    write_report(&report, args.output.as_deref(), format)
}

/// An output path for messages.
fn output_name(output: &Option<std::path::PathBuf>) -> String {
    output
        .as_ref()
        .map_or_else(|| "stdout".to_string(), |p| p.display().to_string())
}

fn run_batch(args: BatchArgs) -> Result<()> {
    if let Some(dir) = &args.merge {
        let merged = batch::merge(dir)?;
        eprintln!(
            "contra: merged {} shard indexes into {}: {} ok, {} failed",
            merged.shards,
            dir.join("index.jsonl").display(),
            merged.ok,
            merged.failed
        );
        return ensure_no_failures(merged.failed, &dir.join("index.jsonl"));
    }
    let (Some(manifest), Some(out_dir)) = (&args.manifest, &args.output) else {
        bail!("contra batch needs a MANIFEST and -o DIR (or --merge DIR)");
    };
    set_threads(&args.run);
    let lines = batch::read_manifest(manifest)?;
    let quiet = args.run.quiet;
    let (models, options) = load_compare(args.settings, quiet)?;
    let options = CompareOptions {
        show_progress: false,
        ..options
    };
    let run = batch::BatchRun {
        out_dir,
        shard: args.shard,
        resume: args.resume,
        options: &options,
    };
    let mut compare_line = |articles: &[std::path::PathBuf], options: &CompareOptions| {
        compare::compare(articles, &models, options)
            .map(|comparison| {
                print_warnings(&comparison.warnings);
                comparison.report
            })
            .map_err(|e| format!("{:#}", anyhow::Error::from(e)))
    };
    let mut report_entry = |entry: &batch::IndexEntry| {
        if !quiet {
            let outcome = entry.error.as_deref().unwrap_or("ok");
            eprintln!(
                "contra: {}: {outcome} ({} claims, {} pairs, {:.1} s)",
                entry.id, entry.claims, entry.pairs, entry.seconds
            );
        }
    };
    let summary = run.run(&lines, &mut compare_line, &mut report_entry)?;
    let index = batch::shard_index_path(out_dir, args.shard);
    eprintln!(
        "contra: shard {}: {} ok, {} failed, {} already complete; index {}",
        args.shard,
        summary.ok,
        summary.failed,
        summary.skipped,
        index.display()
    );
    ensure_no_failures(summary.failed, &index)
}

fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        cli::warn(warning);
    }
}

fn ensure_no_failures(failed: usize, index: &std::path::Path) -> Result<()> {
    if failed > 0 {
        bail!(
            "{failed} comparisons failed; their errors are in {}",
            index.display()
        );
    }
    Ok(())
}

/// A model's name for reports: its directory's name.
fn model_name(dir: &std::path::Path) -> String {
    dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn run_embed(args: EmbedArgs) -> Result<()> {
    set_threads(&args.run);
    let sentences = contra::input::read_lines(&args.input)?;
    let embedder = embed::Embedder::load(
        &model_dir(&args.model, embed::DEFAULT_EMBED_MODEL_DIR),
        args.inference.precision,
        args.inference.device,
    )?;
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
    warn_row_problems(&args.pairs, &file.problems, 20);
    if args.eval {
        file.require_labels(&args.pairs)?;
    }
    let model = NliModel::load(
        &model_dir(&args.model, contra::nli::DEFAULT_NLI_MODEL_DIR),
        NliConfig {
            batch_size: args.batch_size,
            max_len: args.max_len,
            precision: args.inference.precision,
            device: args.inference.device,
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
            cli::warn(format_args!(
                "{unlabelled} pairs without a label were not evaluated"
            ));
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

/// Warns of each unusable row of `path`, at most `limit` of them, then of the rest's count.
fn warn_row_problems(path: &Path, problems: &[pairs::RowProblem], limit: usize) {
    for problem in problems.iter().take(limit) {
        cli::warn(format_args!(
            "{}:{}: {}; row skipped",
            path.display(),
            problem.line,
            problem.message
        ));
    }
    if problems.len() > limit {
        cli::warn(format_args!(
            "{}: {} more rows skipped",
            path.display(),
            problems.len() - limit
        ));
    }
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
    let summary = train::train(
        &config,
        args.resume,
        !args.run.quiet,
        &mut |note| match note {
            train::TrainNote::RowsSkipped { path, problems } => {
                warn_row_problems(path, problems, 5)
            }
            note => eprintln!("{note}"),
        },
    )?;
    eprintln!(
        "trained {} steps at {:.1} pairs/s; best dev score {}",
        summary.steps,
        summary.pairs_per_second,
        summary.best_score.map_or("-".into(), |s| format!("{s:.4}"))
    );
    Ok(())
}

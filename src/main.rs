//! `contra`: parses the command line, runs the commands that need no model (`claims`,
//! `schema`, `--help`, `--version`) itself, and hands the others to `contra-torch`.
//!
//! Why two binaries: linking libtorch costs every start 0.4 s and 300 MB (the PyPI build
//! loads its CUDA libraries even on a CPU), which made `contra claims` over a corpus
//! start-up bound. So this binary compiles the claims stages from the library's own source
//! files instead of linking the library, and runs the model commands by replacing itself
//! with its sibling `contra-torch`, same arguments, same standard streams.

mod cli;
mod output;
// Shared with the library by source: the parts only the model commands use are not used
// here.
#[allow(dead_code, unused_imports)]
mod article;
#[allow(dead_code, unused_imports)]
mod claims;
mod exit_code;
#[allow(dead_code)]
mod input;
#[allow(dead_code)]
mod options;
#[allow(dead_code)]
mod segment;
#[allow(dead_code)]
mod tokens;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{exit_status, print_stdout, ClaimsArgs, ClaimsFormat, Cli, Command};
use output::{check_output_is_not_an_input, write_output};

/// The binary with the model commands, installed next to `contra`.
const MODEL_BINARY: &str = "contra-torch";

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Schema => print_stdout(options::REPORT_JSON_SCHEMA),
        Command::Claims(args) => run_claims(args),
        Command::Compare(_)
        | Command::Batch(_)
        | Command::Plan(_)
        | Command::Score(_)
        | Command::Rank(_)
        | Command::Embed(_)
        | Command::Nli(_)
        | Command::TrainNli(_) => run_model_binary(),
    };
    exit_status(result, |err| exit_code::exit_code(err, |_| false))
}

/// Replaces this process with `contra-torch` and the same arguments; returns only on failure.
fn run_model_binary() -> Result<()> {
    let path = model_binary_path()?;
    let mut command = std::process::Command::new(&path);
    command.args(std::env::args_os().skip(1));
    if std::env::var_os("OMP_WAIT_POLICY").is_none() {
        // libtorch's OpenMP threads spin while they wait by default; when other work shares
        // the cores that made 2 threads 2.3× slower than 1 (README, Performance). Waiting
        // passively keeps 2 threads as fast as 1 on a busy machine. OpenMP reads the
        // variable when libtorch loads, so it has to be set before `contra-torch` starts.
        command.env("OMP_WAIT_POLICY", "PASSIVE");
    }
    let error = std::os::unix::process::CommandExt::exec(&mut command);
    Err(error).with_context(|| {
        format!(
            "cannot run {}, which runs contra's model commands; build it with \
             scripts/setup.sh (or install both binaries with `cargo install --path .`)",
            path.display()
        )
    })
}

fn model_binary_path() -> Result<PathBuf> {
    let contra = std::env::current_exe().context("cannot find where contra is installed")?;
    Ok(contra.with_file_name(MODEL_BINARY))
}

/// The `contra claims --format json` document, fields in the documented order.
#[derive(serde::Serialize)]
struct ClaimsDocument<'a> {
    schema: &'static str,
    article: &'a str,
    speakers: &'a [claims::Speaker],
    claims: &'a [claims::Claim],
}

fn run_claims(args: ClaimsArgs) -> Result<()> {
    check_output_is_not_an_input(args.output.as_deref(), &[&args.article])?;
    let article = article::Article::load(&args.article)?;
    for warning in &article.warnings {
        cli::warn(warning);
    }
    let claims = claims::extract_claims(&article);
    for warning in &claims.warnings {
        cli::warn(warning);
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
        ClaimsFormat::Md => out.write_all(claims::markdown_table(&path, &claims).as_bytes()),
    })
    .context("cannot write the claims")?;
    Ok(())
}

//! `cargo-schema`: the command-line face of the schema contract checker. Works both as
//! `cargo schema <command>` (cargo passes `schema` as the first argument) and as
//! `cargo-schema <command>`.
//!
//! Exit status: 0 when clean, 1 when differences were found, 2 when the check could not run.

mod check;
mod database;
mod diff;
mod doc;
mod drift;
mod inspect;
mod output;

mod project;
mod query;
mod scratch;
mod sources;
mod verify;

use clap::{Parser, Subcommand};
use schema_model::catalog::Engine;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cargo-schema", bin_name = "cargo schema", version, about = "Schema contract checks across engine tracks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Replay migrations offline and print the resulting catalog.
    Inspect(inspect::InspectArgs),
    /// Replay every track and report parity between them.
    Check(check::CheckArgs),
    /// Differences between two schemas with risk classes and fix-it SQL.
    Diff(diff::DiffArgs),
    /// Compare a live Postgres with a track's migrations (read only).
    Drift(drift::DriftArgs),
    /// Apply a track's migrations to a scratch database and compare with the replay.
    Verify(verify::VerifyArgs),
    /// Write (or check) Markdown schema docs with ER diagrams per track.
    Doc(doc::DocArgs),
    /// Check SQL query files (or standard input) against every track.
    Query(query::QueryArgs),
}

/// Parses an engine name given on the command line.
pub fn parse_engine(name: &str) -> Result<Engine, String> {
    Engine::parse(name).ok_or_else(|| format!("unknown engine `{name}`; expected postgres, sqlite or mysql"))
}

fn main() -> ExitCode {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "schema") {
        args.remove(1);
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match cli.command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Drift(args) => drift::run(&args),
        Command::Verify(args) => verify::run(&args),
        Command::Doc(args) => doc::run(&args),
        Command::Query(args) => query::run(&args),
    }
}

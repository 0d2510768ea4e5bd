//! `cargo schema inspect`: replays migration files offline and prints the catalog, either
//! as a readable summary or in the engine's introspection JSON (`--format catalog-json`).

use crate::output::outln;
use clap::{Args, ValueEnum};
use schema_model::catalog::Engine;
use schema_model::replay::replay_files;
use schema_model::source::load_paths;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct InspectArgs {
    /// Engine whose semantics the replay follows.
    #[arg(long, value_parser = crate::parse_engine)]
    engine: Engine,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: InspectFormat,
    /// Migration folders or single SQL files, applied in the order given.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum InspectFormat {
    Human,
    CatalogJson,
}

pub fn run(args: &InspectArgs) -> ExitCode {
    let files = match load_paths(&args.paths) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let replayed = match replay_files(args.engine, &files) {
        Ok(replayed) => replayed,
        Err(e) => {
            eprintln!("error: {}\n  --> {}\n   | {}", e.message, e.location, e.statement);
            return ExitCode::from(2);
        }
    };
    match args.format {
        InspectFormat::CatalogJson => {
            let json = schema_model::catalog_json::render(&replayed.catalog);
            outln!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
        }
        InspectFormat::Human => {
            for table in replayed.catalog.tables.values() {
                outln!("table {}", table.name);
                for column in &table.columns {
                    let null = if column.not_null { " not null" } else { "" };
                    let default = column.default.as_deref().map(|d| format!(" default {d}")).unwrap_or_default();
                    outln!("  {} {}{}{}", column.name, column.ty.engine, null, default);
                }
            }
            for skipped in &replayed.report.skipped {
                eprintln!("skipped {} at {}", skipped.what, skipped.location);
            }
        }
    }
    ExitCode::SUCCESS
}

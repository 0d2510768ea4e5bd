//! `cargo schema query`: checks `.sql` query files (or standard input) against every track of
//! the crate, or against one migrations folder replayed with `--engine`. Statements are split
//! on `;`; each gets one verdict. The checker is the one the `query!` macro uses
//! (`schema_model::query::check_query_tracks`).
//!
//! Exit status: 0 when every statement passes, 1 when any fails, 2 when the schema cannot be
//! built or a query file cannot be read.

use crate::output::could_not_check;
use crate::parse_engine;
use crate::project::{crates_with_tracks, replay_crate};
use clap::{Args, ValueEnum};
use schema_model::catalog::{Engine, Location};
use schema_model::model::{SchemaModel, TrackModel};
use schema_model::query::{check_query_tracks, QueryDiagnostic, TrackDiagnostics};
use schema_model::replay::replay_files;
use schema_model::source::{load_paths, split_statements, SourceStatement};
use serde_json::json;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct QueryArgs {
    /// Check only these tracks of the crate (all tracks when absent).
    #[arg(long = "track")]
    tracks: Vec<String>,
    /// Check against a migrations path replayed with this engine instead of the crate's tracks.
    #[arg(long, value_parser = parse_engine, requires = "migrations")]
    engine: Option<Engine>,
    /// Migration folders or files for `--engine`.
    #[arg(long, requires = "engine")]
    migrations: Vec<PathBuf>,
    /// Path to Cargo.toml of the crate (or workspace) declaring the tracks.
    #[arg(long)]
    manifest_path: Option<PathBuf>,
    /// Output format: readable diagnostics, or one JSON object per statement per line.
    #[arg(long, value_enum, default_value = "human")]
    format: QueryFormat,
    /// Query files; `-` or nothing reads standard input.
    files: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum QueryFormat {
    Human,
    Json,
}

pub fn run(args: &QueryArgs) -> ExitCode {
    let model = match schema(args) {
        Ok(model) => model,
        Err(message) => return could_not_check(&message),
    };
    let split_engine = model.tracks.first().map_or(Engine::Postgres, |t| t.engine);
    let sources = if args.files.is_empty() { vec!["-".to_string()] } else { args.files.clone() };
    let mut failed = 0usize;
    let mut total = 0usize;
    for source in &sources {
        let (name, text) = match read_source(source) {
            Ok(read) => read,
            Err(message) => return could_not_check(&message),
        };
        let statements = match split_statements(split_engine, &name, &text) {
            Ok(statements) => statements,
            Err(e) => return could_not_check(&e.to_string()),
        };
        for statement in &statements {
            total += 1;
            let results = check_query_tracks(&model, &statement.text);
            let ok = results.iter().all(|r| r.diagnostics.is_empty());
            if !ok {
                failed += 1;
            }
            match args.format {
                QueryFormat::Json => println!("{}", verdict_json(statement, &results, ok)),
                QueryFormat::Human => print_human(statement, &results),
            }
        }
    }
    if args.format == QueryFormat::Human {
        eprintln!("{} statement(s) checked on {} track(s): {} failed", total, model.tracks.len(), failed);
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The tracks to check against: one replayed migrations path, or the crate's declared tracks.
fn schema(args: &QueryArgs) -> Result<SchemaModel, String> {
    if let Some(engine) = args.engine {
        let files = load_paths(&args.migrations).map_err(|e| e.to_string())?;
        let replayed = replay_files(engine, &files)
            .map_err(|e| format!("{}\n  --> {}\n   | {}", e.message, e.location, e.statement))?;
        let track = TrackModel { name: engine.name().to_string(), engine, catalog: replayed.catalog };
        return Ok(SchemaModel { tracks: vec![track] });
    }
    let mut tracks = Vec::new();
    for crate_tracks in crates_with_tracks(args.manifest_path.as_deref())? {
        tracks.extend(replay_crate(&crate_tracks)?.tracks);
    }
    if !args.tracks.is_empty() {
        for wanted in &args.tracks {
            if !tracks.iter().any(|t| &t.name == wanted) {
                let known: Vec<String> = tracks.iter().map(|t| format!("`{}`", t.name)).collect();
                return Err(format!("no track named `{wanted}`; declared tracks: {}", known.join(", ")));
            }
        }
        tracks.retain(|t| args.tracks.contains(&t.name));
    }
    Ok(SchemaModel { tracks })
}

fn read_source(source: &str) -> Result<(String, String), String> {
    if source == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(("<stdin>".to_string(), text));
    }
    let text = std::fs::read_to_string(source).map_err(|e| format!("{source}: {e}"))?;
    Ok((source.to_string(), text))
}

/// Where a diagnostic at `line:column` of the statement text sits in the file.
fn file_position(statement: &SourceStatement, diagnostic: &QueryDiagnostic) -> Location {
    let mut at = statement.location.clone();
    if diagnostic.line == 0 {
        return at;
    }
    if diagnostic.line == 1 {
        at.column += diagnostic.column.saturating_sub(1);
    } else {
        at.line += diagnostic.line - 1;
        at.column = diagnostic.column;
    }
    at
}

fn verdict_json(statement: &SourceStatement, results: &[TrackDiagnostics], ok: bool) -> serde_json::Value {
    let errors: Vec<serde_json::Value> = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .map(|(r, d)| {
            let at = file_position(statement, d);
            json!({
                "track": r.track,
                "engine": r.engine,
                "kind": d.kind,
                "message": d.message,
                "name": d.name,
                "line": at.line,
                "column": at.column,
                "suggestions": d.suggestions,
                "defined_on": d.defined_on,
            })
        })
        .collect();
    json!({
        "file": statement.location.file,
        "line": statement.location.line,
        "column": statement.location.column,
        "statement": statement.text,
        "ok": ok,
        "errors": errors,
    })
}

fn print_human(statement: &SourceStatement, results: &[TrackDiagnostics]) {
    for result in results {
        for diagnostic in &result.diagnostics {
            let at = file_position(statement, diagnostic);
            println!("error: {} (track `{}`)", diagnostic.message, result.track);
            println!("  --> {at}");
            if let Some(line) = statement.text.lines().nth(diagnostic.line.saturating_sub(1) as usize) {
                println!("   | {line}");
                if diagnostic.column > 0 {
                    println!("   | {}^", " ".repeat(diagnostic.column as usize - 1));
                }
            }
            if let Some(help) = diagnostic.help() {
                println!("   = help: {help}");
            }
            println!();
        }
    }
}

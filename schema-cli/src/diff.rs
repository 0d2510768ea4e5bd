//! `cargo schema diff A B`: every difference between two schemas (tracks, migration paths or
//! live databases), each with its risk classes (data, writes, operation) and, with `--sql`,
//! the statements that make B match A in B's dialect. Nothing is ever executed.

use crate::output::{could_not_check, out, outln};
use crate::check::object_name;
use crate::sources::{resolve, Timeouts};
use clap::{Args, ValueEnum};
use schema_model::catalog::Engine;
use schema_model::fix_sql::fix_script;
use schema_model::parity::{self, Difference, TrackCatalog};
use schema_model::risk::{changes_from_parity, classify, Change, Named, Risk};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args)]
pub struct DiffArgs {
    /// The source schema: a track name, a migrations path (with --engine) or a postgres:// URL.
    a: String,
    /// The target schema, in the same forms.
    b: String,
    /// Engine replaying migration paths.
    #[arg(long, value_parser = crate::parse_engine)]
    engine: Option<Engine>,
    /// Only differences of this table.
    #[arg(long)]
    table: Option<String>,
    /// Print the SQL that makes B match A (in B's dialect) instead of the report.
    #[arg(long)]
    sql: bool,
    /// Report format.
    #[arg(long, value_enum, default_value = "human")]
    format: DiffFormat,
    /// Path to Cargo.toml of the crate declaring the tracks.
    #[arg(long)]
    manifest_path: Option<PathBuf>,
    /// Seconds allowed for connecting to a live database.
    #[arg(long, default_value_t = 10)]
    connect_timeout: u64,
    /// Seconds allowed for each statement of a live session.
    #[arg(long, default_value_t = 30)]
    statement_timeout: u64,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    Human,
    Json,
}

/// One reported difference with the changes behind it and their risks.
struct Entry {
    difference: Difference,
    changes: Vec<(Change, Risk)>,
}

pub fn run(args: &DiffArgs) -> ExitCode {
    let timeouts = Timeouts { connect: Duration::from_secs(args.connect_timeout), statement: Duration::from_secs(args.statement_timeout) };
    let manifest = args.manifest_path.as_deref();
    let a = match resolve(&args.a, args.engine, manifest, timeouts) {
        Ok(a) => a,
        Err(e) => return could_not_check(&e),
    };
    let b = match resolve(&args.b, args.engine, manifest, timeouts) {
        Ok(b) => b,
        Err(e) => return could_not_check(&e),
    };
    // Parity needs two distinct names even when both sides are spelled the same.
    let (name_a, name_b) = if a.label == b.label { ("A".to_string(), "B".to_string()) } else { (a.label.clone(), b.label.clone()) };
    let differences = parity::check(&[TrackCatalog { name: &name_a, catalog: &a.catalog }, TrackCatalog { name: &name_b, catalog: &b.catalog }]);
    let entries: Vec<Entry> = differences
        .into_iter()
        .filter(|d| args.table.as_deref().is_none_or(|t| d.table == t))
        .map(|difference| {
            let changes = changes_from_parity(
                &difference,
                Named { name: &name_a, catalog: &a.catalog },
                Named { name: &name_b, catalog: &b.catalog },
            );
            let changes = changes.into_iter().map(|c| {
                let risk = classify(&c, b.catalog.engine);
                (c, risk)
            });
            Entry { difference, changes: changes.collect() }
        })
        .collect();
    if args.sql {
        let changes: Vec<Change> = entries.iter().flat_map(|e| e.changes.iter().map(|(c, _)| c.clone())).collect();
        outln!("-- Makes {} ({}) match {} ({}). Review before running; nothing was executed.", b.label, b.catalog.engine, a.label, a.catalog.engine);
        out!("{}", fix_script(&changes, &a.catalog, &b.catalog));
    } else {
        match args.format {
            DiffFormat::Human => print_human(&a.label, &b.label, &entries),
            DiffFormat::Json => print_json(&a.label, &b.label, &entries),
        }
    }
    if entries.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_human(a: &str, b: &str, entries: &[Entry]) {
    outln!("A = {a}\nB = {b}\n{} difference(s)", entries.len());
    for entry in entries {
        outln!("\n{} {}: {}", entry.difference.kind.name(), object_name(&entry.difference), entry.difference.headline());
        for side in &entry.difference.sides {
            let at = side.location.as_ref().map(|l| format!(" ({}:{})", l.file, l.line)).unwrap_or_default();
            outln!("  {}: {}{at}", side.tracks.join(", "), side.value);
        }
        for (_, risk) in &entry.changes {
            outln!("  data:      {} - {}", label(&risk.data.risk), risk.data.reason);
            outln!("  writes:    {} - {}", label(&risk.writes.risk), risk.writes.reason);
            outln!("  operation: {} - {} (making B match A)", label(&risk.operation.risk), risk.operation.reason);
        }
    }
}

/// The serialized name of a risk class (`safe`, `loss`, `in_place`, ...).
fn label<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn print_json(a: &str, b: &str, entries: &[Entry]) {
    let report = json!({
        "a": a,
        "b": b,
        "differences": entries.iter().map(|e| json!({
            "kind": e.difference.kind.name(),
            "table": e.difference.table,
            "column": e.difference.column,
            "detail": e.difference.detail,
            "message": e.difference.headline(),
            "changes": e.changes.iter().map(|(change, risk)| json!({"change": change, "risk": risk})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    outln!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
}

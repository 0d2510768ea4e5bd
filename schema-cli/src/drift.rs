//! `cargo schema drift --track T --database-url URL`: compares a live Postgres with what the
//! track's migrations produce. The database is read inside a READ ONLY transaction with a
//! statement timeout, after a connect that gives up after the connect timeout. Each
//! difference names the migration that should have produced the live object, or says that no
//! migration has it (a manual change on the database). Exit status 0 when the database
//! matches, 1 on drift, 2 when the check could not run.

use crate::check::{kind_name, object_name};
use crate::database::DatabaseUrl;
use crate::output::could_not_check;
use crate::sources::{introspect_live, track_catalog, Timeouts};
use clap::{Args, ValueEnum};
use schema_model::catalog::Location;
use schema_model::parity::{self, Difference, TrackCatalog, MISSING};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// The name the live database goes by in the comparison.
pub const DATABASE: &str = "database";

#[derive(Args)]
pub struct DriftArgs {
    /// The track whose migrations the database should match.
    #[arg(long)]
    track: String,
    /// postgres:// URL of the database (read only; sslmode=require etc. honoured).
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: String,
    #[arg(long, value_enum, default_value = "human")]
    format: DriftFormat,
    /// Path to Cargo.toml of the crate declaring the track.
    #[arg(long)]
    manifest_path: Option<PathBuf>,
    /// Seconds allowed for connecting.
    #[arg(long, default_value_t = 10)]
    connect_timeout: u64,
    /// Seconds allowed for each statement.
    #[arg(long, default_value_t = 30)]
    statement_timeout: u64,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DriftFormat {
    Human,
    Json,
}

/// One difference between the migrations and the database, explained.
pub struct DriftItem {
    pub difference: Difference,
    /// The migration that creates or last changed the object, when the migrations have it.
    pub migration: Option<Location>,
    pub explanation: String,
}

pub fn run(args: &DriftArgs) -> ExitCode {
    let url = DatabaseUrl::new(&args.database_url);
    let (_, expected) = match track_catalog(&args.track, args.manifest_path.as_deref()) {
        Ok(found) => found,
        Err(e) => return could_not_check(&e),
    };
    let timeouts = Timeouts { connect: Duration::from_secs(args.connect_timeout), statement: Duration::from_secs(args.statement_timeout) };
    let live = match introspect_live(&url, timeouts) {
        Ok(live) => live,
        Err(e) => return could_not_check(&url.redact(&e)),
    };
    let differences = parity::check(&[
        TrackCatalog { name: &args.track, catalog: &expected },
        TrackCatalog { name: DATABASE, catalog: &live },
    ]);
    let items: Vec<DriftItem> = differences.into_iter().map(|d| explain(&args.track, d)).collect();
    match args.format {
        DriftFormat::Human => {
            println!("drift of track `{}` against {url}: {} difference(s)", args.track, items.len());
            for item in &items {
                println!("\n{} {}: {}", kind_name(item.difference.kind), object_name(&item.difference), item.difference.headline());
                println!("  migrations: {}", value_on(&item.difference, &args.track));
                println!("  database:   {}", value_on(&item.difference, DATABASE));
                println!("  {}", item.explanation);
            }
        }
        DriftFormat::Json => {
            let report = json!({
                "track": args.track,
                "database": url.shown(),
                "clean": items.is_empty(),
                "differences": items.iter().map(|i| json!({
                    "kind": kind_name(i.difference.kind),
                    "table": i.difference.table,
                    "column": i.difference.column,
                    "detail": i.difference.detail,
                    "message": i.difference.headline(),
                    "migrations": value_on(&i.difference, &args.track),
                    "database": value_on(&i.difference, DATABASE),
                    "migration": i.migration.as_ref().map(|l| json!({"file": l.file, "line": l.line, "column": l.column})),
                    "explanation": i.explanation,
                })).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
    }
    if items.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// What `who` has for the difference (`bigint`, `missing`, ...).
fn value_on(difference: &Difference, who: &str) -> String {
    difference.sides.iter().find(|s| s.tracks.iter().any(|t| t == who)).map(|s| s.value.clone()).unwrap_or_default()
}

/// Attributes a difference: the migration that should have produced the database's state,
/// or none when only the database has the object.
pub fn explain(track: &str, difference: Difference) -> DriftItem {
    let migrations_side = difference.sides.iter().find(|s| s.tracks.iter().any(|t| t == track));
    let (migration, explanation) = match migrations_side {
        Some(side) if side.value == MISSING => {
            (None, "no migration has this: the database was changed by hand (or by a migration outside the track)".to_string())
        }
        Some(side) => match &side.location {
            Some(at) => (Some(at.clone()), format!("the migration at {}:{} should have produced this", at.file, at.line)),
            None => (None, "the migrations have this, but its origin is unknown".to_string()),
        },
        None => (None, String::new()),
    };
    DriftItem { difference, migration, explanation }
}

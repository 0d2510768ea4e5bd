//! `cargo schema drift --track T --database-url URL`: compares a live Postgres with what the
//! track's migrations produce. The database is read inside a READ ONLY transaction with a
//! statement timeout, after a connect that gives up after the connect timeout. Each
//! difference names the migration that should have produced the live object, or says that no
//! migration has it (a manual change on the database). Exit status 0 when the database
//! matches, 1 on drift, 2 when the check could not run.

use crate::output::{could_not_check, outln};
use crate::database::DatabaseUrl;
use crate::sources::{introspect_live, track_catalog, Timeouts};
use clap::{Args, ValueEnum};
use schema_model::live::health::drift_between;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

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
    let items = drift_between(&args.track, &expected, &live);
    match args.format {
        DriftFormat::Human => {
            outln!("drift of track `{}` against {url}: {} difference(s)", args.track, items.len());
            for item in &items {
                outln!("\n{}", item.message);
                outln!("  migrations: {}", item.expected);
                outln!("  database:   {}", item.actual);
                outln!("  {}", item.explanation);
            }
        }
        DriftFormat::Json => {
            let report = json!({
                "track": args.track,
                "database": url.shown(),
                "clean": items.is_empty(),
                "differences": items,
            });
            outln!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
    }
    if items.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

//! `cargo schema verify --track T [--database-url URL]`: applies the track's migrations to a
//! scratch database (a randomly named one on the given server, or a throwaway local cluster
//! when no server is given and the Postgres binaries are installed), compares the catalog
//! the server built with the offline replay, and drops the scratch database. Reports
//! migrations the server rejects (file:line and the server's message) and every difference
//! between replay and server. Exit status 0 when they agree, 1 when not, 2 when the check
//! could not run.

use crate::output::{could_not_check, outln};
use crate::check::object_name;
use crate::database::{error_chain, DatabaseUrl};
use crate::project::{crate_with_track, crates_with_tracks, replay_crate};
use crate::scratch::{LocalCluster, ScratchDatabase};
use clap::Args;
use postgres::error::ErrorPosition;
use postgres::Client;
use schema_model::catalog::Engine;
use schema_model::live::introspect;
use schema_model::parity::{self, TrackCatalog};
use schema_model::source::MigrationFile;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args)]
pub struct VerifyArgs {
    /// The track to verify (a Postgres track).
    #[arg(long)]
    track: String,
    /// A server on which a scratch database may be created; a local throwaway cluster
    /// when omitted.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Path to Cargo.toml of the crate declaring the track.
    #[arg(long)]
    manifest_path: Option<PathBuf>,
    /// Seconds allowed for connecting.
    #[arg(long, default_value_t = 10)]
    connect_timeout: u64,
}

/// A migration the server rejected.
struct Rejected {
    file: String,
    line: u32,
    message: String,
}

pub fn run(args: &VerifyArgs) -> ExitCode {
    let crates = match crates_with_tracks(args.manifest_path.as_deref()) {
        Ok(crates) => crates,
        Err(e) => return could_not_check(&e),
    };
    let owner = match crate_with_track(&crates, &args.track) {
        Ok(owner) => owner,
        Err(e) => return could_not_check(&e),
    };
    let replayed = match replay_crate(owner) {
        Ok(replayed) => replayed,
        Err(e) => return could_not_check(&e),
    };
    let (Some(loaded), Some(model)) =
        (replayed.loaded.iter().find(|t| t.name == args.track), replayed.tracks.iter().find(|t| t.name == args.track))
    else {
        return could_not_check(&format!("track `{}` was not replayed", args.track));
    };
    if loaded.engine != Engine::Postgres {
        return could_not_check(&format!("track `{}` is a {} track; verify runs Postgres tracks", args.track, loaded.engine));
    }
    let timeout = Duration::from_secs(args.connect_timeout);
    // Kept alive until the end: dropping it stops the cluster.
    let local;
    let url = match &args.database_url {
        Some(url) => DatabaseUrl::new(url),
        None => match LocalCluster::start() {
            Ok(Some(cluster)) => {
                local = cluster;
                local.url.clone()
            }
            Ok(None) => return could_not_check("no --database-url given and no Postgres server binaries found to start a local one"),
            Err(e) => return could_not_check(&format!("cannot start a local Postgres: {e}")),
        },
    };
    let scratch = match ScratchDatabase::create(&url, timeout) {
        Ok(scratch) => scratch,
        Err(e) => return could_not_check(&e),
    };
    let mut client = match scratch.connect(timeout) {
        Ok(client) => client,
        Err(e) => return could_not_check(&e),
    };
    outln!("verifying track `{}` ({} migrations) in scratch database {}", args.track, loaded.files.len(), scratch.name);
    if let Err(rejected) = apply_all(&mut client, &loaded.files) {
        outln!("error: the server rejected {}:{}: {}", rejected.file, rejected.line, rejected.message);
        return ExitCode::from(1);
    }
    let live = match introspect(&mut client) {
        Ok(live) => live,
        Err(e) => return could_not_check(&url.redact(&format!("cannot read the scratch catalog: {}", error_chain(&e)))),
    };
    let differences = parity::check(&[
        TrackCatalog { name: "replay", catalog: &model.catalog },
        TrackCatalog { name: "server", catalog: &live },
    ]);
    if differences.is_empty() {
        outln!("ok: the replay of `{}` matches what the server built ({} tables)", args.track, live.tables.len());
        return ExitCode::SUCCESS;
    }
    outln!("{} difference(s) between the replay and the server:", differences.len());
    for difference in &differences {
        outln!("\n{} {}: {}", difference.kind.name(), object_name(difference), difference.headline());
        for side in &difference.sides {
            let at = side.location.as_ref().map(|l| format!(" ({}:{})", l.file, l.line)).unwrap_or_default();
            outln!("  {}: {}{at}", side.tracks.join(", "), side.value);
        }
    }
    ExitCode::from(1)
}

/// Applies every file in its own transaction (outside one when the server refuses to run
/// a statement in a transaction block, e.g. CREATE INDEX CONCURRENTLY).
fn apply_all(client: &mut Client, files: &[MigrationFile]) -> Result<(), Rejected> {
    for file in files {
        let in_transaction = client.transaction().and_then(|mut tx| {
            tx.batch_execute(&file.text)?;
            tx.commit()
        });
        let result = match in_transaction {
            Err(e) if e.code().is_some_and(|c| c.code() == "25001") => client.batch_execute(&file.text),
            other => other,
        };
        if let Err(e) = result {
            let line = e
                .as_db_error()
                .and_then(|db| match db.position() {
                    Some(ErrorPosition::Original(at)) => Some(line_of(&file.text, *at as usize)),
                    _ => None,
                })
                .unwrap_or(1);
            let message = e.as_db_error().map(|db| db.message().to_string()).unwrap_or_else(|| error_chain(&e));
            return Err(Rejected { file: file.name.clone(), line, message });
        }
    }
    Ok(())
}

/// The 1-based line of the 1-based character position `at` in `text`.
fn line_of(text: &str, at: usize) -> u32 {
    1 + text.chars().take(at.saturating_sub(1)).filter(|c| *c == '\n').count() as u32
}

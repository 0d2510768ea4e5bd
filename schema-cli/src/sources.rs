//! Where a schema comes from on the command line: a declared track, a migrations path
//! replayed with `--engine`, or a live Postgres (`postgres://` URL) introspected inside a
//! read-only transaction.

use crate::database::{error_chain, DatabaseUrl};
use crate::project::{crate_with_track, crates_with_tracks, replay_crate, ReplayedCrate};
use schema_model::catalog::{Catalog, Engine};
use schema_model::live::{introspect, read_only_session};
use schema_model::replay::replay_files;
use schema_model::source::load_paths;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long connecting and each statement of a live session may take.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    pub statement: Duration,
}

/// A resolved schema with the label it is reported under.
pub struct Schema {
    pub label: String,
    pub catalog: Catalog,
}

/// Resolves `spec` (track name, path, or URL).
pub fn resolve(spec: &str, engine: Option<Engine>, manifest_path: Option<&Path>, timeouts: Timeouts) -> Result<Schema, String> {
    if is_database_url(spec) {
        let url = DatabaseUrl::new(spec);
        let catalog = introspect_live(&url, timeouts)?;
        return Ok(Schema { label: url.shown(), catalog });
    }
    let path = PathBuf::from(spec);
    if path.exists() {
        let engine = engine.ok_or_else(|| format!("`{spec}` is a migrations path: say which engine replays it with --engine"))?;
        let files = load_paths(&[path]).map_err(|e| e.to_string())?;
        let replayed = replay_files(engine, &files).map_err(|e| format!("{}: {}", e.location, e.message))?;
        return Ok(Schema { label: spec.to_string(), catalog: replayed.catalog });
    }
    let (_, catalog) = track_catalog(spec, manifest_path)?;
    Ok(Schema { label: spec.to_string(), catalog })
}

/// Whether a source is a Postgres connection URL.
pub fn is_database_url(spec: &str) -> bool {
    spec.starts_with("postgres://") || spec.starts_with("postgresql://")
}

/// Replays the crate declaring track `name` and returns it with that track's catalog.
pub fn track_catalog(name: &str, manifest_path: Option<&Path>) -> Result<(ReplayedCrate, Catalog), String> {
    let crates = crates_with_tracks(manifest_path)?;
    let owner = crate_with_track(&crates, name)?;
    let replayed = replay_crate(owner)?;
    let catalog = replayed
        .tracks
        .iter()
        .find(|t| t.name == name)
        .map(|t| t.catalog.clone())
        .ok_or_else(|| format!("track `{name}` was not replayed"))?;
    Ok((replayed, catalog))
}

/// Connects and reads the catalog inside a read-only transaction, which is rolled back.
pub fn introspect_live(url: &DatabaseUrl, timeouts: Timeouts) -> Result<Catalog, String> {
    let mut client = url.connect(timeouts.connect, None)?;
    let mut session = read_only_session(&mut client, timeouts.statement)
        .map_err(|e| url.redact(&format!("cannot start a read-only session on {url}: {}", error_chain(&e))))?;
    let catalog = introspect(&mut session).map_err(|e| url.redact(&format!("cannot read the catalog of {url}: {}", error_chain(&e))))?;
    session.rollback().map_err(|e| url.redact(&format!("cannot end the read-only session on {url}: {e}")))?;
    Ok(catalog)
}

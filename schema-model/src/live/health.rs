//! Schema health of a running database: the live catalog compared with a track of the
//! schema model, each difference attributed to the migration that should have produced the
//! live state, or to none (a manual change on the database). Used by `cargo schema drift`
//! and by services exposing their schema health (`GET /health/schema`).

use super::{introspect, read_only_session, LiveError};
use crate::catalog::{Catalog, Location};
use crate::model::SchemaModel;
use crate::parity::{self, Difference, TrackCatalog, MISSING};
use serde::Serialize;
use std::time::Duration;

/// The name the live database goes by in comparisons.
pub const DATABASE: &str = "database";

/// How long each statement of a health check may run.
const HEALTH_STATEMENT_TIMEOUT: Duration = Duration::from_secs(10);

/// One difference between what the migrations produce and what the database holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Drift {
    /// `table`, `column`, `type`, `nullability`, `default`, `primary key`, `unique`, `index`,
    /// `foreign key`, `check`.
    pub kind: &'static str,
    pub table: String,
    pub column: Option<String>,
    pub detail: Option<String>,
    pub message: String,
    /// What the migrations produce (`bigint`, `present`, `missing`, ...).
    pub expected: String,
    /// What the database holds.
    pub actual: String,
    /// The migration that creates or last changed the object, when the migrations have it.
    pub migration: Option<Location>,
    pub explanation: String,
}

/// The result of a health check, ready to serialize.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HealthReport {
    pub track: String,
    /// True when the check ran and found no difference.
    pub healthy: bool,
    pub differences: Vec<Drift>,
    /// Why the check could not run (unknown track, failed catalog query).
    pub error: Option<String>,
}

/// Every difference between the track's catalog (`expected`) and the live one, explained.
pub fn drift_between(track: &str, expected: &Catalog, live: &Catalog) -> Vec<Drift> {
    parity::check(&[TrackCatalog { name: track, catalog: expected }, TrackCatalog { name: DATABASE, catalog: live }])
        .into_iter()
        .map(|difference| explain(track, difference))
        .collect()
}

/// What `who` has for a difference.
fn value_on(difference: &Difference, who: &str) -> String {
    difference.sides.iter().find(|s| s.tracks.iter().any(|t| t == who)).map(|s| s.value.clone()).unwrap_or_default()
}

fn explain(track: &str, difference: Difference) -> Drift {
    let migrations_side = difference.sides.iter().find(|s| s.tracks.iter().any(|t| t == track));
    let (migration, explanation) = match migrations_side {
        Some(side) if side.value == MISSING => (
            None,
            "no migration has this: the database was changed by hand (or by a migration outside the track)".to_string(),
        ),
        Some(side) => match &side.location {
            Some(at) => (Some(at.clone()), format!("the migration at {}:{} should have produced this", at.file, at.line)),
            None => (None, "the migrations have this; where it comes from is not known".to_string()),
        },
        None => (None, String::new()),
    };
    Drift {
        kind: difference.kind.name(),
        message: difference.headline(),
        expected: value_on(&difference, track),
        actual: value_on(&difference, DATABASE),
        table: difference.table,
        column: difference.column,
        detail: difference.detail,
        migration,
        explanation,
    }
}

/// Checks the connected database against `track` of `model`, inside a read-only transaction
/// with a statement timeout (rolled back at the end). Never fails: problems are reported in
/// [`HealthReport::error`].
pub fn check_live(client: &mut postgres::Client, model: &SchemaModel, track: &str) -> HealthReport {
    let report = |differences: Vec<Drift>, error: Option<String>| HealthReport {
        track: track.to_string(),
        healthy: error.is_none() && differences.is_empty(),
        differences,
        error,
    };
    let Some(expected) = model.track(track) else {
        let known: Vec<&str> = model.tracks.iter().map(|t| t.name.as_str()).collect();
        return report(Vec::new(), Some(format!("no track named `{track}` in the schema model (tracks: {})", known.join(", "))));
    };
    let live = read_only_session(client, HEALTH_STATEMENT_TIMEOUT).and_then(|mut session| {
        let catalog = introspect(&mut session)?;
        session.rollback().map_err(|e| LiveError::query("ROLLBACK", e))?;
        Ok(catalog)
    });
    match live {
        Ok(live) => report(drift_between(track, &expected.catalog, &live), None),
        Err(e) => report(Vec::new(), Some(e.to_string())),
    }
}

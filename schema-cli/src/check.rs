//! `cargo schema check`: replays every track of the crate (or of every workspace member with
//! tracks) and prints the parity report, one table per pair of tracks: how much matches,
//! what differs and where each side comes from (migration file:line). `allow` entries of the
//! declaration are honoured. Exit status 0 when clean, 1 on drift, 2 when a track cannot be
//! replayed.

use crate::output::{Format, github_annotation, out, outln};
use crate::project::{crates_with_tracks, replay_crate, ReplayedCrate};
use clap::Args;
use schema_model::model::TrackModel;
use schema_model::parity::{self, apply_allowances, Difference, TrackCatalog, MISSING};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct CheckArgs {
    /// Path to Cargo.toml of the crate or workspace.
    #[arg(long)]
    manifest_path: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

/// The parity of one pair of tracks.
pub struct PairReport {
    pub a: String,
    pub b: String,
    pub matching_tables: usize,
    pub matching_columns: usize,
    pub reported: Vec<Difference>,
    /// Differences covered by an `allow` entry, with its reason.
    pub allowed: Vec<(Difference, String)>,
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let crates = match crates_with_tracks(args.manifest_path.as_deref()) {
        Ok(crates) => crates,
        Err(e) => return crate::output::could_not_check(&e),
    };
    let mut drift = false;
    let mut failed = false;
    let mut json_crates = Vec::new();
    for crate_tracks in &crates {
        let replayed = match replay_crate(crate_tracks) {
            Ok(replayed) => replayed,
            Err(e) => {
                failed = true;
                eprintln!("error: {e}");
                continue;
            }
        };
        let pairs = pair_reports(&replayed);
        drift |= pairs.iter().any(|p| !p.reported.is_empty());
        match args.format {
            Format::Human => print_human(&replayed, &pairs),
            Format::Github => print_github(&replayed, &pairs),
            Format::Json => json_crates.push(crate_json(&replayed, &pairs)),
        }
    }
    if args.format == Format::Json {
        let report = json!({ "clean": !drift && !failed, "crates": json_crates });
        outln!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    }
    match (failed, drift) {
        (true, _) => ExitCode::from(2),
        (false, true) => ExitCode::from(1),
        (false, false) => ExitCode::SUCCESS,
    }
}

/// Parity of every pair of tracks, in declaration order.
pub fn pair_reports(replayed: &ReplayedCrate) -> Vec<PairReport> {
    let tracks = &replayed.tracks;
    let allow = &replayed.crate_tracks.config.allow;
    let mut out = Vec::new();
    for (i, a) in tracks.iter().enumerate() {
        for b in &tracks[i + 1..] {
            let differences = parity::check(&[catalog_of(a), catalog_of(b)]);
            let (matching_tables, matching_columns) = matching(a, b, &differences);
            let outcome = apply_allowances(differences, allow);
            let allowed = outcome
                .allowed
                .into_iter()
                .map(|(difference, index)| {
                    let reason = allow.get(index).map(|a| a.reason.clone()).unwrap_or_default();
                    (difference, reason)
                })
                .collect();
            out.push(PairReport { a: a.name.clone(), b: b.name.clone(), matching_tables, matching_columns, reported: outcome.reported, allowed });
        }
    }
    out
}

fn catalog_of(track: &TrackModel) -> TrackCatalog<'_> {
    TrackCatalog { name: &track.name, catalog: &track.catalog }
}

/// Tables on both tracks without any difference, and columns on both without any.
fn matching(a: &TrackModel, b: &TrackModel, differences: &[Difference]) -> (usize, usize) {
    let mut tables = 0;
    let mut columns = 0;
    for table in a.catalog.tables.values() {
        let name = parity::neutral_name(&a.catalog, &table.name);
        let Some(other) = b.catalog.find_table(&name) else { continue };
        if !differences.iter().any(|d| d.table == name) {
            tables += 1;
        }
        columns += table
            .columns
            .iter()
            .filter(|c| other.column(&c.name).is_some())
            .filter(|c| !differences.iter().any(|d| d.table == name && d.column.as_deref() == Some(c.name.as_str())))
            .count();
    }
    (tables, columns)
}

/// `table.column`, `table`, or `table (detail)`.
pub fn object_name(difference: &Difference) -> String {
    match (&difference.column, &difference.detail) {
        (Some(column), _) => format!("{}.{column}", difference.table),
        (None, Some(detail)) => format!("{} {detail}", difference.table),
        (None, None) => difference.table.clone(),
    }
}

/// What `track` has for a difference: `value (file:line)`.
fn side_text(difference: &Difference, track: &str) -> String {
    match difference.sides.iter().find(|s| s.tracks.iter().any(|t| t == track)) {
        Some(side) => match &side.location {
            Some(at) => format!("{} ({}:{})", side.value, at.file, at.line),
            None => side.value.clone(),
        },
        None => String::new(),
    }
}

fn print_human(replayed: &ReplayedCrate, pairs: &[PairReport]) {
    let package = &replayed.crate_tracks.package;
    if pairs.is_empty() {
        outln!("crate `{package}`: {} track(s), nothing to compare", replayed.tracks.len());
    }
    for pair in pairs {
        outln!("crate `{package}`: track `{}` vs track `{}`", pair.a, pair.b);
        outln!(
            "  match: {} tables, {} columns; differences: {}{}",
            pair.matching_tables,
            pair.matching_columns,
            pair.reported.len(),
            if pair.allowed.is_empty() { String::new() } else { format!(" (+{} allowed)", pair.allowed.len()) }
        );
        let mut rows = vec![vec!["".to_string(), "kind".into(), "object".into(), pair.a.clone(), pair.b.clone()]];
        for difference in &pair.reported {
            rows.push(vec!["x".into(), difference.kind.name().into(), object_name(difference), side_text(difference, &pair.a), side_text(difference, &pair.b)]);
        }
        for (difference, reason) in &pair.allowed {
            rows.push(vec!["ok".into(), difference.kind.name().into(), object_name(difference), side_text(difference, &pair.a), format!("{} [allowed: {reason}]", side_text(difference, &pair.b))]);
        }
        if rows.len() > 1 {
            out!("{}", crate::output::table(&rows));
        }
        outln!();
    }
}

fn print_github(replayed: &ReplayedCrate, pairs: &[PairReport]) {
    let base = &replayed.crate_tracks.workspace_relative;
    for pair in pairs {
        for difference in &pair.reported {
            let message = format!("{} (tracks `{}` vs `{}`)", difference.headline(), pair.a, pair.b);
            let located: Vec<_> = difference.sides.iter().filter(|s| s.value != MISSING).filter_map(|s| s.location.as_ref()).collect();
            if located.is_empty() {
                outln!("{}", github_annotation("error", None, &message));
            }
            for at in located {
                let file = base.join(&at.file);
                outln!("{}", github_annotation("error", Some((&file.to_string_lossy(), at.line)), &message));
            }
        }
    }
}

fn crate_json(replayed: &ReplayedCrate, pairs: &[PairReport]) -> Value {
    let difference_json = |d: &Difference, allowed: Option<&str>| {
        json!({
            "kind": d.kind.name(),
            "table": d.table,
            "column": d.column,
            "detail": d.detail,
            "message": d.headline(),
            "allowed": allowed,
            "sides": d.sides.iter().map(|s| json!({
                "tracks": s.tracks,
                "value": s.value,
                "location": s.location.as_ref().map(|l| json!({"file": l.file, "line": l.line, "column": l.column})),
            })).collect::<Vec<_>>(),
        })
    };
    json!({
        "package": replayed.crate_tracks.package,
        "tracks": replayed.tracks.iter().map(|t| json!({"name": t.name, "engine": t.engine.name(), "tables": t.catalog.tables.len()})).collect::<Vec<_>>(),
        "pairs": pairs.iter().map(|p| json!({
            "a": p.a,
            "b": p.b,
            "matching": {"tables": p.matching_tables, "columns": p.matching_columns},
            "differences": p.reported.iter().map(|d| difference_json(d, None)).collect::<Vec<_>>(),
            "allowed": p.allowed.iter().map(|(d, reason)| difference_json(d, Some(reason))).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

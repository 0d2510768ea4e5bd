//! The whole build-time check of one crate, without touching the environment: load every
//! track, replay it, compare the tracks, and collect every problem as a [`Diagnostic`].

use crate::config::{ParityMode, SchemaConfig, TrackSource};
use crate::diagnostics::{render, Diagnostic, Severity, SourceTexts};
use crate::tracks::{load_tracks, LoadError, LoadedTrack};
use schema_model::catalog::{Catalog, Column, Location};
use schema_model::error::ReplayError;
use schema_model::model::{SchemaModel, TrackModel};
use schema_model::parity::{self, apply_allowances, fix::add_column_sql, Difference, DifferenceKind, TrackCatalog, MISSING};
use schema_model::replay::replay_files;
use std::path::Path;

/// What checking a crate produced.
#[derive(Debug)]
pub struct Checked {
    /// The loaded tracks (their file texts are shown in diagnostics).
    pub tracks: Vec<LoadedTrack>,
    /// The model, when every track replayed.
    pub model: Option<SchemaModel>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every diagnostic rendered with its source lines.
    pub fn rendered(&self) -> Vec<(Severity, String)> {
        let mut sources = SourceTexts::default();
        for file in self.tracks.iter().flat_map(|t| &t.files) {
            sources.add(&file.name, &file.text);
        }
        self.diagnostics.iter().map(|d| (d.severity, render(d, &sources))).collect()
    }
}

/// Loads, replays and compares every track of `config`; paths are relative to `root`.
pub fn check(config: &SchemaConfig, root: &Path) -> Checked {
    let tracks = match load_tracks(config, root) {
        Ok(tracks) => tracks,
        Err(error) => return Checked { tracks: Vec::new(), model: None, diagnostics: vec![load_diagnostic(&error)] },
    };
    let mut replayed: Vec<TrackModel> = Vec::new();
    let mut failures: Vec<(ReplayError, Vec<String>)> = Vec::new();
    for track in &tracks {
        match replay_files(track.engine, &track.files) {
            Ok(r) => replayed.push(TrackModel { name: track.name.clone(), engine: track.engine, catalog: r.catalog }),
            Err(error) => match failures.iter_mut().find(|(e, _)| *e == error) {
                Some((_, names)) => names.push(track.name.clone()),
                None => failures.push((error, vec![track.name.clone()])),
            },
        }
    }
    if !failures.is_empty() {
        let diagnostics = failures.iter().map(|(error, names)| replay_diagnostic(error, names)).collect();
        return Checked { tracks, model: None, diagnostics };
    }
    let diagnostics = if config.parity == ParityMode::Off { Vec::new() } else { parity_diagnostics(config, &replayed) };
    Checked { tracks, model: Some(SchemaModel { tracks: replayed }), diagnostics }
}

fn load_diagnostic(error: &LoadError) -> Diagnostic {
    match error {
        LoadError::Source { track, error } => {
            let d = Diagnostic::error(format!("cannot load the migrations of track `{track}`: {}", error.message));
            match error.line {
                Some(line) => d.label(Location { file: error.path.clone(), line, column: 1 }, "here"),
                None => d.note(format!("path: {}", error.path)),
            }
            .help("check `migrations` of this track in [package.metadata.schema] of Cargo.toml")
        }
        LoadError::Until { track, message } => Diagnostic::error(format!("invalid prefix track `{track}`: {message}")),
    }
}

fn replay_diagnostic(error: &ReplayError, tracks: &[String]) -> Diagnostic {
    let names: Vec<&str> = tracks.iter().map(String::as_str).collect();
    let what = match error.kind {
        schema_model::error::ReplayErrorKind::Source => "cannot be read",
        schema_model::error::ReplayErrorKind::Parse => "cannot be parsed",
        schema_model::error::ReplayErrorKind::Unsupported => "is not supported by the replay",
        schema_model::error::ReplayErrorKind::Rejected => "would be rejected by the database",
    };
    Diagnostic::error(error.message.clone())
        .label(error.location.clone(), format!("this statement {what}"))
        .note(format!("while replaying the migrations of {}", parity::track_list(&names)))
}

/// Parity differences (outside declared exceptions) and unused exceptions, with the
/// severity the configured mode gives them. Prefix tracks are left out: they differ from
/// their base by design.
fn parity_diagnostics(config: &SchemaConfig, replayed: &[TrackModel]) -> Vec<Diagnostic> {
    let severity = if config.parity == ParityMode::Deny { Severity::Error } else { Severity::Warning };
    let compared: Vec<TrackCatalog<'_>> = replayed
        .iter()
        .filter(|t| config.track(&t.name).is_some_and(|c| matches!(c.source, TrackSource::Migrations(_))))
        .map(|t| TrackCatalog { name: &t.name, catalog: &t.catalog })
        .collect();
    let outcome = apply_allowances(parity::check(&compared), &config.allow);
    let mut out: Vec<Diagnostic> =
        outcome.reported.iter().map(|d| difference_diagnostic(d, &compared, severity)).collect();
    for &i in &outcome.unused {
        let allowance = &config.allow[i];
        let message = format!("`allow` entry {} ({allowance}) matches no difference between tracks", i + 1);
        out.push(Diagnostic {
            severity,
            ..Diagnostic::error(message)
                .note(format!("its reason: {}", allowance.reason))
                .help("remove the entry from [package.metadata.schema] in Cargo.toml, or correct its table, column or track")
        });
    }
    out
}

fn difference_diagnostic(difference: &Difference, tracks: &[TrackCatalog<'_>], severity: Severity) -> Diagnostic {
    let mut d = Diagnostic { severity, ..Diagnostic::error(difference.headline()) };
    for side in &difference.sides {
        let names: Vec<&str> = side.tracks.iter().map(String::as_str).collect();
        let text = if side.value == MISSING {
            format!("{}: {MISSING} (table created here)", parity::track_list(&names))
        } else {
            format!("{}: {}", parity::track_list(&names), side.value)
        };
        d = match &side.location {
            Some(location) => d.label(location.clone(), text),
            None => d.note(text),
        };
    }
    if difference.kind == DifferenceKind::Column {
        for fix in add_column_fixes(difference, tracks) {
            d = d.help(fix);
        }
    }
    let subject = match &difference.column {
        Some(column) => format!("column = \"{}.{column}\"", difference.table),
        None => format!("table = \"{}\"", difference.table),
    };
    d.help(format!("to accept the difference: [[package.metadata.schema.allow]] {subject}, reason = \"...\""))
}

/// `ALTER TABLE ... ADD COLUMN ...` for every track lacking the column of `difference`.
fn add_column_fixes(difference: &Difference, tracks: &[TrackCatalog<'_>]) -> Vec<String> {
    let column = difference.column.as_deref().unwrap_or_default();
    fn column_of<'c>(catalog: &'c Catalog, table: &str, column: &str) -> Option<&'c Column> {
        catalog.find_table(table).and_then(|t| t.column(column))
    }
    let find = |catalog| column_of(catalog, &difference.table, column);
    let Some((source, source_column)) = tracks.iter().find_map(|t| find(t.catalog).map(|c| (t, c))) else {
        return Vec::new();
    };
    tracks
        .iter()
        .filter(|t| t.catalog.find_table(&difference.table).is_some() && find(t.catalog).is_none())
        .map(|t| {
            let sql = add_column_sql(t.catalog.engine, &difference.table, source_column, source.catalog.engine);
            format!("to add it to track `{}`: {sql}", t.name)
        })
        .collect()
}

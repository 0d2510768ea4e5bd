//! The crates whose tracks a command works on: found with `cargo metadata` from
//! `--manifest-path` (a package: that crate; a virtual workspace: every member declaring
//! `[package.metadata.schema]`), each replayed track by track.

use schema_build::config::SchemaConfig;
use schema_build::tracks::{load_tracks, LoadedTrack};
use schema_model::model::TrackModel;
use schema_model::replay::replay_files;
use std::path::{Path, PathBuf};

/// One crate with its track declaration.
#[derive(Debug, Clone)]
pub struct CrateTracks {
    pub package: String,
    /// The directory of the crate's `Cargo.toml`; track paths are relative to it.
    pub root: PathBuf,
    /// The crate's directory relative to the workspace root (empty for the root itself),
    /// used to print paths the way CI annotations expect them.
    pub workspace_relative: PathBuf,
    pub config: SchemaConfig,
}

/// A crate's tracks, loaded and replayed.
#[derive(Debug)]
pub struct ReplayedCrate {
    pub crate_tracks: CrateTracks,
    pub loaded: Vec<LoadedTrack>,
    pub tracks: Vec<TrackModel>,
}

/// Every crate with tracks under `manifest_path` (the current directory's manifest when
/// `None`): the manifest's own package when it declares tracks, otherwise every workspace
/// member that does.
pub fn crates_with_tracks(manifest_path: Option<&Path>) -> Result<Vec<CrateTracks>, String> {
    let mut command = cargo_metadata::MetadataCommand::new();
    command.no_deps();
    if let Some(path) = manifest_path {
        command.manifest_path(path);
    }
    let metadata = command.exec().map_err(|e| format!("cannot read the workspace with `cargo metadata`: {e}"))?;
    let workspace_root = metadata.workspace_root.clone().into_std_path_buf();
    let packages = match metadata.root_package() {
        Some(root) if root.metadata.get("schema").is_some() => vec![root],
        _ => metadata.workspace_packages(),
    };
    let mut crates = Vec::new();
    for package in packages {
        let Some(schema) = package.metadata.get("schema") else { continue };
        let config = SchemaConfig::from_metadata_json(schema)
            .map_err(|e| format!("{}: {e}", package.manifest_path))?;
        let root = package.manifest_path.parent().map(|p| p.to_path_buf().into_std_path_buf()).unwrap_or_default();
        let workspace_relative = root.strip_prefix(&workspace_root).map(Path::to_path_buf).unwrap_or_default();
        crates.push(CrateTracks { package: package.name.to_string(), root, workspace_relative, config });
    }
    if crates.is_empty() {
        return Err(format!(
            "no crate under {} declares tracks in [package.metadata.schema]",
            metadata.workspace_root
        ));
    }
    Ok(crates)
}

/// Loads and replays every track of a crate; the error names the track and the statement.
pub fn replay_crate(crate_tracks: &CrateTracks) -> Result<ReplayedCrate, String> {
    let loaded = load_tracks(&crate_tracks.config, &crate_tracks.root).map_err(|e| format!("{}: {e}", crate_tracks.package))?;
    let mut tracks = Vec::new();
    for track in &loaded {
        let replayed = replay_files(track.engine, &track.files).map_err(|e| {
            format!("{}: track `{}`: {}\n  --> {}\n   | {}", crate_tracks.package, track.name, e.message, e.location, e.statement)
        })?;
        tracks.push(TrackModel { name: track.name.clone(), engine: track.engine, catalog: replayed.catalog });
    }
    Ok(ReplayedCrate { crate_tracks: crate_tracks.clone(), loaded, tracks })
}

/// Finds the crate declaring track `name` (the only one, or an error naming the choices).
pub fn crate_with_track<'a>(crates: &'a [CrateTracks], name: &str) -> Result<&'a CrateTracks, String> {
    let owners: Vec<&CrateTracks> = crates.iter().filter(|c| c.config.tracks.iter().any(|t| t.name == name)).collect();
    match owners.as_slice() {
        [one] => Ok(one),
        [] => {
            let known: Vec<String> = crates.iter().flat_map(|c| c.config.tracks.iter().map(|t| format!("`{}`", t.name))).collect();
            Err(format!("no track named `{name}`; declared tracks: {}", known.join(", ")))
        }
        many => {
            let names: Vec<&str> = many.iter().map(|c| c.package.as_str()).collect();
            Err(format!("track `{name}` is declared by several crates ({}); use --manifest-path to pick one", names.join(", ")))
        }
    }
}

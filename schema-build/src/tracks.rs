//! Loading each declared track's migration files, relative to the crate's manifest
//! directory, including prefix tracks (`base` + `until`).

use crate::config::{SchemaConfig, TrackConfig, TrackSource};
use schema_model::catalog::Engine;
use schema_model::source::{load_path, MigrationFile, SourceError};
use std::path::{Path, PathBuf};

/// One track with its migration files in apply order.
#[derive(Debug, Clone)]
pub struct LoadedTrack {
    pub name: String,
    pub engine: Engine,
    /// File names are relative to the manifest directory when they are inside it.
    pub files: Vec<MigrationFile>,
}

/// Why a track's migrations cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// A file or folder cannot be read.
    Source { track: String, error: SourceError },
    /// A prefix track's `until` matches no migration, or more than one.
    Until { track: String, message: String },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Source { track, error } => write!(f, "track `{track}`: {error}"),
            LoadError::Until { track, message } => write!(f, "track `{track}`: {message}"),
        }
    }
}

/// Every path the build depends on: each configured file and folder (a folder so that a
/// new migration in it triggers a rebuild), relative paths resolved against `root`.
pub fn watched_paths(config: &SchemaConfig, root: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for track in &config.tracks {
        if let TrackSource::Migrations(list) = &track.source {
            for path in list {
                let path = root.join(path);
                if !paths.contains(&path) {
                    paths.push(path);
                }
            }
        }
    }
    paths
}

/// Loads every track's files in declaration order.
pub fn load_tracks(config: &SchemaConfig, root: &Path) -> Result<Vec<LoadedTrack>, LoadError> {
    let mut loaded: Vec<LoadedTrack> = Vec::new();
    for track in &config.tracks {
        let files = match &track.source {
            TrackSource::Migrations(paths) => load_sources(track, paths, root)?,
            TrackSource::Prefix { base, until } => {
                // The configuration only accepts a base declared earlier.
                let base_files = loaded.iter().find(|t| &t.name == base).map(|t| t.files.as_slice()).unwrap_or(&[]);
                prefix(&track.name, base, base_files, until)?
            }
        };
        loaded.push(LoadedTrack { name: track.name.clone(), engine: track.engine, files });
    }
    Ok(loaded)
}

fn load_sources(track: &TrackConfig, paths: &[PathBuf], root: &Path) -> Result<Vec<MigrationFile>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        let full = root.join(path);
        let loaded = load_path(&full).map_err(|error| LoadError::Source {
            track: track.name.clone(),
            error: SourceError { path: as_written(path, &full, Path::new(&error.path)), ..error },
        })?;
        files.extend(loaded.into_iter().map(|f| MigrationFile { name: as_written(path, &full, Path::new(&f.name)), ..f }));
    }
    Ok(files)
}

/// The name of `file` (found under the configured `path`, which resolved to `full`) as the
/// configuration wrote it: `migrations/0001_init.sql`, `../shared/schema.sql`; `/`
/// separators on every platform.
fn as_written(path: &Path, full: &Path, file: &Path) -> String {
    let shown = match file.strip_prefix(full) {
        Ok(rest) if rest.as_os_str().is_empty() => path.to_path_buf(),
        Ok(rest) => path.join(rest),
        Err(_) => file.to_path_buf(),
    };
    let mut out = String::new();
    for component in shown.components() {
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        match component {
            std::path::Component::RootDir => out.push('/'),
            other => out.push_str(&other.as_os_str().to_string_lossy()),
        }
    }
    out
}

/// The name a migration is known by: its file name, or its directory for `<dir>/up.sql`.
pub fn migration_name(file: &MigrationFile) -> &str {
    let mut parts = file.name.rsplit('/');
    let last = parts.next().unwrap_or(&file.name);
    match (last, parts.next()) {
        ("up.sql", Some(dir)) => dir,
        _ => last,
    }
}

/// The migrations of `base` up to and including the one `until` names: a migration whose
/// name starts with `until`; among several, the one whose version is exactly `until`.
fn prefix(track: &str, base: &str, files: &[MigrationFile], until: &str) -> Result<Vec<MigrationFile>, LoadError> {
    let matching: Vec<usize> = (0..files.len()).filter(|&i| migration_name(&files[i]).starts_with(until)).collect();
    let exact: Vec<usize> = matching
        .iter()
        .copied()
        .filter(|&i| migration_name(&files[i]).split(['_', '.']).next() == Some(until))
        .collect();
    let chosen = match (matching.as_slice(), exact.as_slice()) {
        ([one], _) | (_, [one]) => *one,
        ([], _) => {
            let names: Vec<&str> = files.iter().map(migration_name).collect();
            return Err(LoadError::Until {
                track: track.to_string(),
                message: format!(
                    "`until = \"{until}\"` matches no migration of track `{base}`; its migrations are: {}",
                    if names.is_empty() { "(none)".to_string() } else { names.join(", ") }
                ),
            });
        }
        (many, _) => {
            let names: Vec<&str> = many.iter().map(|&i| migration_name(&files[i])).collect();
            return Err(LoadError::Until {
                track: track.to_string(),
                message: format!(
                    "`until = \"{until}\"` matches several migrations of track `{base}`: {}; give the full version",
                    names.join(", ")
                ),
            });
        }
    };
    Ok(files[..=chosen].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SchemaConfig;

    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let dir = std::env::temp_dir().join(format!("schema-build-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        fn write(&self, path: &str, text: &str) {
            let path = self.0.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn config(tracks: &str) -> SchemaConfig {
        SchemaConfig::from_manifest_str(&format!("[package.metadata.schema]\ntracks = [{tracks}]\n"))
            .unwrap()
            .unwrap()
    }

    #[test]
    fn absolute_paths_are_shown_as_written() {
        let full = Path::new("/srv/app/migrations");
        assert_eq!(as_written(full, full, &full.join("0001_init.sql")), "/srv/app/migrations/0001_init.sql");
        assert_eq!(as_written(Path::new("migrations"), full, &full.join("0001_init.sql")), "migrations/0001_init.sql");
    }

    #[test]
    fn tracks_load_relative_to_the_manifest_with_prefixes() {
        let dir = TempDir::new("tracks");
        dir.write("migrations/0001_init.sql", "CREATE TABLE a (x int);");
        dir.write("migrations/0002_b.sql", "CREATE TABLE b (x int);");
        dir.write("migrations/0003_c.sql", "CREATE TABLE c (x int);");
        dir.write("schema.sql", "CREATE TABLE a (x int);");
        dir.write("crate/Cargo.toml", "");
        let config = config(
            r#"{ name = "pg", engine = "postgres", migrations = "../migrations" },
               { name = "lite", engine = "postgres", migrations = ["../schema.sql"] },
               { name = "deployed", base = "pg", until = "0002" }"#,
        );
        let root = dir.0.join("crate");
        let tracks = load_tracks(&config, &root).unwrap();
        let names = |i: usize| tracks[i].files.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(0), vec!["../migrations/0001_init.sql", "../migrations/0002_b.sql", "../migrations/0003_c.sql"]);
        assert_eq!(names(1), vec!["../schema.sql"]);
        assert_eq!(names(2), vec!["../migrations/0001_init.sql", "../migrations/0002_b.sql"]);
        assert_eq!(watched_paths(&config, &root), vec![root.join("../migrations"), root.join("../schema.sql")]);
    }

    #[test]
    fn until_must_name_one_migration() {
        let files: Vec<MigrationFile> = ["m/1_a.sql", "m/10_b.sql", "m/2020-01-01-000000_c/up.sql"]
            .iter()
            .map(|n| MigrationFile { name: n.to_string(), text: String::new() })
            .collect();
        assert_eq!(prefix("t", "b", &files, "1").unwrap().len(), 1);
        assert_eq!(prefix("t", "b", &files, "2020-01").unwrap().len(), 3);
        let err = prefix("t", "b", &files, "9").unwrap_err().to_string();
        assert_eq!(err, "track `t`: `until = \"9\"` matches no migration of track `b`; its migrations are: 1_a.sql, 10_b.sql, 2020-01-01-000000_c");
        let files = &files[1..];
        assert_eq!(prefix("t", "b", files, "1").unwrap().len(), 1);
        let two: Vec<MigrationFile> = ["11_a.sql", "12_b.sql"]
            .iter()
            .map(|n| MigrationFile { name: n.to_string(), text: String::new() })
            .collect();
        let err = prefix("t", "b", &two, "1").unwrap_err().to_string();
        assert!(err.contains("matches several migrations of track `b`: 11_a.sql, 12_b.sql"), "{err}");
    }

    #[test]
    fn missing_source_names_the_track_and_relative_path() {
        let dir = TempDir::new("missing");
        let config = config(r#"{ name = "pg", engine = "postgres", migrations = "nowhere" }"#);
        let err = load_tracks(&config, &dir.0).unwrap_err();
        match err {
            LoadError::Source { track, error } => {
                assert_eq!(track, "pg");
                assert_eq!(error.path, "nowhere");
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

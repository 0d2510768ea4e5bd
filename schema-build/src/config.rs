//! The track declaration: `[package.metadata.schema]` of a crate's `Cargo.toml`.
//!
//! ```toml
//! [package.metadata.schema]
//! tracks = [
//!   { name = "postgres", engine = "postgres", migrations = "migrations/postgres" },
//!   { name = "pglite",   engine = "postgres", migrations = ["schema/pglite.sql"] },
//!   { name = "deployed", base = "postgres", until = "0042" },
//! ]
//! parity = "deny"            # deny | warn | off
//! [[package.metadata.schema.allow]]
//! track = "postgres"
//! column = "mcp_request_log.agent_name"
//! reason = "production-only audit column"
//! ```
//!
//! The build script reads it from the manifest text; the CLI reads the same table from
//! `cargo metadata` (JSON) through [`SchemaConfig::from_metadata_json`]. Every invalid entry is
//! an error naming the key and what is allowed there.

use schema_model::catalog::Engine;
use schema_model::parity::{Allowance, AllowanceSubject};
use std::path::{Path, PathBuf};
use toml::Value;

/// The full key of the declaration in `Cargo.toml`.
pub const METADATA_KEY: &str = "package.metadata.schema";

/// How differences between tracks are treated by the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParityMode {
    /// Every difference not covered by an `allow` entry fails the build.
    #[default]
    Deny,
    /// Differences are printed as warnings.
    Warn,
    /// Parity is not checked.
    Off,
}

impl ParityMode {
    fn parse(text: &str) -> Option<ParityMode> {
        match text {
            "deny" => Some(ParityMode::Deny),
            "warn" => Some(ParityMode::Warn),
            "off" => Some(ParityMode::Off),
            _ => None,
        }
    }
}

/// Where a track's migrations come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackSource {
    /// Files and migration folders, in order, relative to the manifest directory.
    Migrations(Vec<PathBuf>),
    /// The migrations of track `base` up to and including the one whose version or name
    /// starts with `until`: the schema deployed before the newest migrations.
    Prefix { base: String, until: String },
}

/// One declared engine track.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackConfig {
    pub name: String,
    pub engine: Engine,
    pub source: TrackSource,
}

/// The whole `[package.metadata.schema]` declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaConfig {
    pub tracks: Vec<TrackConfig>,
    pub parity: ParityMode,
    pub allow: Vec<Allowance>,
}

/// An invalid declaration: the offending key (full path) and what is allowed there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The key, e.g. `package.metadata.schema.tracks[1].engine`.
    pub key: String,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid `{}`: {}", self.key, self.message)
    }
}

impl std::error::Error for ConfigError {}

impl SchemaConfig {
    /// Reads the declaration from a `Cargo.toml` file. `Ok(None)` when the manifest has no
    /// `[package.metadata.schema]` table.
    pub fn from_manifest_path(path: &Path) -> Result<Option<SchemaConfig>, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            key: path.display().to_string(),
            message: format!("cannot read the manifest: {e}"),
        })?;
        SchemaConfig::from_manifest_str(&text)
    }

    /// Reads the declaration from the text of a `Cargo.toml`. `Ok(None)` when the manifest
    /// has no `[package.metadata.schema]` table.
    pub fn from_manifest_str(text: &str) -> Result<Option<SchemaConfig>, ConfigError> {
        let manifest: toml::Table = text.parse().map_err(|e: toml::de::Error| ConfigError {
            key: "Cargo.toml".to_string(),
            message: format!("not valid TOML: {}", e.message()),
        })?;
        let schema = manifest
            .get("package")
            .and_then(|p| p.get("metadata"))
            .and_then(|m| m.get("schema"));
        schema.map(|value| SchemaConfig::from_value(value)).transpose()
    }

    /// Reads the declaration from the `package.metadata.schema` value of `cargo metadata`.
    pub fn from_metadata_json(value: &serde_json::Value) -> Result<SchemaConfig, ConfigError> {
        let value = Value::try_from(value).map_err(|e| ConfigError {
            key: METADATA_KEY.to_string(),
            message: format!("cannot be read as TOML: {e}"),
        })?;
        SchemaConfig::from_value(&value)
    }

    /// Reads the declaration from the `[package.metadata.schema]` TOML value.
    pub fn from_value(value: &Value) -> Result<SchemaConfig, ConfigError> {
        let key = Key::root();
        let table = expect_table(value, &key)?;
        check_keys(table, &key, &["tracks", "parity", "allow"])?;
        let tracks_key = key.child("tracks");
        let tracks = match table.get("tracks") {
            Some(v) => parse_tracks(v, &tracks_key)?,
            None => return Err(tracks_key.error("is required: declare at least one track")),
        };
        let parity = match table.get("parity") {
            None => ParityMode::default(),
            Some(v) => {
                let key = key.child("parity");
                let text = expect_str(v, &key)?;
                ParityMode::parse(text).ok_or_else(|| {
                    key.error(format!("`{text}` is not a parity mode; expected one of: deny, warn, off"))
                })?
            }
        };
        let allow = match table.get("allow") {
            None => Vec::new(),
            Some(v) => parse_allow(v, &key.child("allow"), &tracks)?,
        };
        Ok(SchemaConfig { tracks, parity, allow })
    }

    pub fn track(&self, name: &str) -> Option<&TrackConfig> {
        self.tracks.iter().find(|t| t.name == name)
    }
}

/// The dotted path of a key, for messages.
struct Key(String);

impl Key {
    fn root() -> Key {
        Key(METADATA_KEY.to_string())
    }

    fn child(&self, name: &str) -> Key {
        Key(format!("{}.{name}", self.0))
    }

    fn index(&self, i: usize) -> Key {
        Key(format!("{}[{i}]", self.0))
    }

    fn error(&self, message: impl Into<String>) -> ConfigError {
        ConfigError { key: self.0.clone(), message: message.into() }
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Boolean(_) => "a boolean",
        Value::Datetime(_) => "a date-time",
        Value::Array(_) => "an array",
        Value::Table(_) => "a table",
    }
}

fn expect_table<'v>(value: &'v Value, key: &Key) -> Result<&'v toml::Table, ConfigError> {
    value.as_table().ok_or_else(|| key.error(format!("expected a table, found {}", type_name(value))))
}

fn expect_array<'v>(value: &'v Value, key: &Key) -> Result<&'v [Value], ConfigError> {
    value
        .as_array()
        .map(|a| a.as_slice())
        .ok_or_else(|| key.error(format!("expected an array, found {}", type_name(value))))
}

fn expect_str<'v>(value: &'v Value, key: &Key) -> Result<&'v str, ConfigError> {
    match value.as_str() {
        Some(s) if !s.trim().is_empty() => Ok(s),
        Some(_) => Err(key.error("must not be empty")),
        None => Err(key.error(format!("expected a string, found {}", type_name(value)))),
    }
}

fn optional_str<'v>(table: &'v toml::Table, name: &str, key: &Key) -> Result<Option<&'v str>, ConfigError> {
    table.get(name).map(|v| expect_str(v, &key.child(name))).transpose()
}

/// Rejects keys outside `allowed`, naming the allowed ones.
fn check_keys(table: &toml::Table, key: &Key, allowed: &[&str]) -> Result<(), ConfigError> {
    match table.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(unknown) => Err(key
            .child(unknown)
            .error(format!("unknown key; expected one of: {}", allowed.join(", ")))),
        None => Ok(()),
    }
}

fn parse_tracks(value: &Value, key: &Key) -> Result<Vec<TrackConfig>, ConfigError> {
    let items = expect_array(value, key)?;
    if items.is_empty() {
        return Err(key.error("is empty: declare at least one track"));
    }
    let mut tracks: Vec<TrackConfig> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let track = parse_track(item, &key.index(i), &tracks)?;
        tracks.push(track);
    }
    Ok(tracks)
}

/// Parses one track; `earlier` are the tracks declared before it (a prefix track's base
/// must be one of them).
fn parse_track(value: &Value, key: &Key, earlier: &[TrackConfig]) -> Result<TrackConfig, ConfigError> {
    let table = expect_table(value, key)?;
    check_keys(table, key, &["name", "engine", "migrations", "base", "until"])?;
    let name = optional_str(table, "name", key)?
        .ok_or_else(|| key.child("name").error("is required: every track needs a name"))?
        .to_string();
    if earlier.iter().any(|t| t.name == name) {
        return Err(key.child("name").error(format!("track `{name}` is declared twice; track names must be unique")));
    }
    let engine_key = key.child("engine");
    let engine = optional_str(table, "engine", key)?
        .map(|text| {
            Engine::parse(text).ok_or_else(|| {
                engine_key.error(format!("`{text}` is not a supported engine; expected one of: postgres, sqlite, mysql"))
            })
        })
        .transpose()?;
    let base = optional_str(table, "base", key)?;
    let until = optional_str(table, "until", key)?;
    match (table.get("migrations"), base) {
        (Some(_), Some(_)) => Err(key.child("base").error(
            "cannot be combined with `migrations`: a track either lists its migrations or is a prefix of `base`",
        )),
        (None, None) => Err(key.child("migrations").error(
            "is required: a path or an array of paths (files or migration folders), or `base` + `until` for a prefix of another track",
        )),
        (Some(migrations), None) => {
            if until.is_some() {
                return Err(key.child("until").error("is only allowed together with `base`"));
            }
            let engine = engine.ok_or_else(|| {
                engine_key.error("is required: one of postgres, sqlite, mysql")
            })?;
            let paths = parse_paths(migrations, &key.child("migrations"))?;
            Ok(TrackConfig { name, engine, source: TrackSource::Migrations(paths) })
        }
        (None, Some(base)) => {
            let base_track = earlier.iter().find(|t| t.name == base).ok_or_else(|| {
                let known: Vec<&str> = earlier.iter().map(|t| t.name.as_str()).collect();
                key.child("base").error(format!(
                    "`{base}` is not a track declared before this one; expected one of: {}",
                    if known.is_empty() { "(none)".to_string() } else { known.join(", ") }
                ))
            })?;
            if let TrackSource::Prefix { .. } = base_track.source {
                return Err(key.child("base").error(format!(
                    "`{base}` is itself a prefix track; `base` must name a track that lists `migrations`"
                )));
            }
            if let Some(engine) = engine {
                if engine != base_track.engine {
                    return Err(engine_key.error(format!(
                        "`{engine}` differs from the engine of base track `{base}` ({}); omit it or write `{}`",
                        base_track.engine, base_track.engine
                    )));
                }
            }
            let until = until.ok_or_else(|| {
                key.child("until").error("is required with `base`: the version or name of the last migration to include")
            })?;
            Ok(TrackConfig {
                name,
                engine: base_track.engine,
                source: TrackSource::Prefix { base: base.to_string(), until: until.to_string() },
            })
        }
    }
}

fn parse_paths(value: &Value, key: &Key) -> Result<Vec<PathBuf>, ConfigError> {
    match value {
        Value::String(_) => Ok(vec![PathBuf::from(expect_str(value, key)?)]),
        Value::Array(items) if items.is_empty() => Err(key.error("is empty: list at least one file or folder")),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| expect_str(item, &key.index(i)).map(PathBuf::from))
            .collect(),
        other => Err(key.error(format!(
            "expected a path or an array of paths, found {}",
            type_name(other)
        ))),
    }
}

fn parse_allow(value: &Value, key: &Key, tracks: &[TrackConfig]) -> Result<Vec<Allowance>, ConfigError> {
    let items = expect_array(value, key)?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| parse_allowance(item, &key.index(i), tracks))
        .collect()
}

fn parse_allowance(value: &Value, key: &Key, tracks: &[TrackConfig]) -> Result<Allowance, ConfigError> {
    let table = expect_table(value, key)?;
    check_keys(table, key, &["track", "table", "column", "reason"])?;
    let track = optional_str(table, "track", key)?.map(str::to_string);
    if let Some(track) = &track {
        if !tracks.iter().any(|t| &t.name == track) {
            let known: Vec<&str> = tracks.iter().map(|t| t.name.as_str()).collect();
            return Err(key
                .child("track")
                .error(format!("`{track}` is not a declared track; expected one of: {}", known.join(", "))));
        }
    }
    let reason = optional_str(table, "reason", key)?
        .ok_or_else(|| key.child("reason").error("is required: say why this difference is accepted"))?
        .to_string();
    let subject = match (optional_str(table, "table", key)?, optional_str(table, "column", key)?) {
        (Some(_), Some(_)) => {
            return Err(key.child("column").error("cannot be combined with `table`; give one of them"))
        }
        (None, None) => {
            return Err(key.error("needs `table = \"name\"` or `column = \"table.column\"`"))
        }
        (Some(table), None) => AllowanceSubject::Table(table.to_string()),
        (None, Some(column)) => match column.rsplit_once('.') {
            Some((table, column)) if !table.is_empty() && !column.is_empty() => {
                AllowanceSubject::Column { table: table.to_string(), column: column.to_string() }
            }
            _ => {
                return Err(key
                    .child("column")
                    .error(format!("`{column}` is not of the form `table.column`")))
            }
        },
    };
    Ok(Allowance { track, subject, reason })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(metadata: &str) -> Result<Option<SchemaConfig>, ConfigError> {
        SchemaConfig::from_manifest_str(&format!(
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[package.metadata.schema]\n{metadata}"
        ))
    }

    fn error(metadata: &str) -> ConfigError {
        parse(metadata).expect_err("configuration should be rejected")
    }

    #[test]
    fn full_declaration() {
        let config = parse(
            r#"
tracks = [
  { name = "postgres", engine = "postgres", migrations = "migrations/postgres" },
  { name = "pglite",   engine = "postgres", migrations = ["schema/pglite.sql"] },
  { name = "deployed", base = "postgres", until = "0042" },
]
parity = "warn"
[[package.metadata.schema.allow]]
track = "postgres"
column = "mcp_request_log.agent_name"
reason = "production-only audit column"
"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!(config.parity, ParityMode::Warn);
        assert_eq!(config.tracks.len(), 3);
        assert_eq!(config.tracks[0].source, TrackSource::Migrations(vec![PathBuf::from("migrations/postgres")]));
        assert_eq!(config.tracks[1].source, TrackSource::Migrations(vec![PathBuf::from("schema/pglite.sql")]));
        assert_eq!(
            config.tracks[2],
            TrackConfig {
                name: "deployed".into(),
                engine: Engine::Postgres,
                source: TrackSource::Prefix { base: "postgres".into(), until: "0042".into() },
            }
        );
        assert_eq!(
            config.allow,
            vec![Allowance {
                track: Some("postgres".into()),
                subject: AllowanceSubject::Column { table: "mcp_request_log".into(), column: "agent_name".into() },
                reason: "production-only audit column".into(),
            }]
        );
    }

    #[test]
    fn manifest_without_declaration() {
        assert_eq!(SchemaConfig::from_manifest_str("[package]\nname = \"x\"\n").unwrap(), None);
    }

    #[test]
    fn parity_defaults_to_deny() {
        let config = parse(r#"tracks = [{ name = "a", engine = "sqlite", migrations = "m" }]"#).unwrap().unwrap();
        assert_eq!(config.parity, ParityMode::Deny);
        assert!(config.allow.is_empty());
    }

    #[test]
    fn errors_name_the_key_and_what_is_allowed() {
        let e = error(r#"tracks = [{ name = "a", engine = "oracle", migrations = "m" }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[0].engine");
        assert!(e.message.contains("`oracle` is not a supported engine; expected one of: postgres, sqlite, mysql"), "{e}");

        let e = error("tracks = [{ name = \"a\", engine = \"sqlite\", migrations = \"m\" }]\nparity = \"strict\"");
        assert_eq!(e.key, "package.metadata.schema.parity");
        assert!(e.message.contains("expected one of: deny, warn, off"), "{e}");

        let e = error(r#"tracks = [{ name = "a", engine = "sqlite", migration = "m" }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[0].migration");
        assert!(e.message.contains("unknown key; expected one of: name, engine, migrations, base, until"), "{e}");

        let e = error("tracks = []");
        assert_eq!(e.key, "package.metadata.schema.tracks");

        let e = error(r#"parity = "off""#);
        assert_eq!(e.key, "package.metadata.schema.tracks");
        assert!(e.message.contains("is required"));

        let e = error(r#"tracks = [{ name = "a", engine = "sqlite", migrations = 3 }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[0].migrations");
        assert!(e.message.contains("found an integer"), "{e}");

        let e = error(r#"tracks = [{ name = "a", engine = "sqlite", migrations = ["m", 1] }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[0].migrations[1]");

        let e = error(
            r#"tracks = [{ name = "a", engine = "sqlite", migrations = "m" }, { name = "a", engine = "sqlite", migrations = "n" }]"#,
        );
        assert_eq!(e.key, "package.metadata.schema.tracks[1].name");
        assert!(e.message.contains("declared twice"));

        let e = error(r#"tracks = [{ name = "a", engine = "sqlite" }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[0].migrations");
    }

    #[test]
    fn prefix_track_errors() {
        let e = error(r#"tracks = [{ name = "old", base = "new", until = "1" }, { name = "new", engine = "sqlite", migrations = "m" }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[0].base");
        assert!(e.message.contains("(none)"), "{e}");

        let e = error(r#"tracks = [{ name = "a", engine = "sqlite", migrations = "m" }, { name = "b", base = "a" }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[1].until");

        let e = error(r#"tracks = [{ name = "a", engine = "sqlite", migrations = "m" }, { name = "b", base = "a", until = "1", engine = "mysql" }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[1].engine");
        assert!(e.message.contains("differs from the engine of base track `a` (sqlite)"), "{e}");

        let e = error(r#"tracks = [{ name = "a", engine = "sqlite", migrations = "m", until = "1" }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[0].until");

        let e = error(r#"tracks = [{ name = "a", engine = "sqlite", migrations = "m", base = "x" }]"#);
        assert_eq!(e.key, "package.metadata.schema.tracks[0].base");
    }

    #[test]
    fn allow_errors() {
        let tracks = r#"tracks = [{ name = "a", engine = "sqlite", migrations = "m" }]"#;
        let e = error(&format!("{tracks}\n[[package.metadata.schema.allow]]\ncolumn = \"t.c\"\n"));
        assert_eq!(e.key, "package.metadata.schema.allow[0].reason");
        let e = error(&format!("{tracks}\n[[package.metadata.schema.allow]]\ncolumn = \"tc\"\nreason = \"r\"\n"));
        assert_eq!(e.key, "package.metadata.schema.allow[0].column");
        assert!(e.message.contains("`table.column`"));
        let e = error(&format!("{tracks}\n[[package.metadata.schema.allow]]\ntrack = \"b\"\ntable = \"t\"\nreason = \"r\"\n"));
        assert_eq!(e.key, "package.metadata.schema.allow[0].track");
        assert!(e.message.contains("expected one of: a"));
        let e = error(&format!("{tracks}\n[[package.metadata.schema.allow]]\nreason = \"r\"\n"));
        assert_eq!(e.key, "package.metadata.schema.allow[0]");
        let e = error(&format!("{tracks}\n[[package.metadata.schema.allow]]\ntable = \"t\"\nreason = \"  \"\n"));
        assert_eq!(e.key, "package.metadata.schema.allow[0].reason");
    }

    #[test]
    fn metadata_json_from_cargo_metadata() {
        let json = serde_json::json!({
            "tracks": [{ "name": "a", "engine": "postgres", "migrations": ["m1", "m2"] }],
            "parity": "off"
        });
        let config = SchemaConfig::from_metadata_json(&json).unwrap();
        assert_eq!(config.parity, ParityMode::Off);
        assert_eq!(config.tracks[0].source, TrackSource::Migrations(vec!["m1".into(), "m2".into()]));
    }
}

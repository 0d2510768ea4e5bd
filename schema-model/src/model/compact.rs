//! The macros' copy of the model: only what `#[table]`, `column!`, `table_name!` and `query!`
//! read, in a small JSON file the build script writes beside the full model.
//!
//! Every compiler process that expands a macro parses the model once, so its size is paid
//! on every `cargo check`. The full model repeats each column's engine extras, constraints,
//! indexes and provenance file names; this form keeps, per track, the tables (name,
//! creation, `WITHOUT ROWID`) with their columns (name, type, nullability, default,
//! identity, generation, rowid alias, auto increment, provenance) and the views with their
//! column names, and stores each distinct file name and column type once.
//! [`CompactModel::into_model`] rebuilds a [`SchemaModel`] holding exactly those facts, so
//! the macros and the query resolver keep working on the one catalog type.

use super::{SchemaModel, TrackModel};
use crate::catalog::{Catalog, Column, ColumnType, Engine, Identity, Location, ObjectName, Provenance, Table, View, ViewColumn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The macros' model file (see the module documentation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompactModel {
    /// Every provenance file name, referred to by index.
    files: Vec<String>,
    /// Every distinct column type, referred to by index.
    types: Vec<ColumnType>,
    tracks: Vec<CompactTrack>,
}

/// `(file index, line, column)`.
type At = (u32, u32, u32);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CompactTrack {
    name: String,
    engine: Engine,
    tables: Vec<CompactTable>,
    views: Vec<CompactView>,
}

/// `(schema, name, created, changed, without_rowid, columns)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CompactTable(String, String, At, At, bool, Vec<CompactColumn>);

/// `(name, type index, flags, default, generated, created, changed)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CompactColumn(String, u32, u8, Option<String>, Option<String>, At, At);

/// `(schema, name, column names)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CompactView(String, String, Vec<String>);

const NOT_NULL: u8 = 1;
const ROWID_ALIAS: u8 = 2;
const AUTO_INCREMENT: u8 = 4;
const IDENTITY_ALWAYS: u8 = 8;
const IDENTITY_BY_DEFAULT: u8 = 16;

/// Why a compact model cannot be turned back into a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompactModelError(String);

impl std::fmt::Display for CompactModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompactModelError {}

/// Gives each distinct value an index, in order of first use.
struct Interner<T> {
    values: Vec<T>,
    index: HashMap<String, u32>,
}

impl<T> Interner<T> {
    fn new() -> Interner<T> {
        Interner { values: Vec::new(), index: HashMap::new() }
    }

    fn intern(&mut self, key: String, value: impl FnOnce() -> T) -> u32 {
        let next = self.values.len() as u32;
        *self.index.entry(key).or_insert_with(|| {
            self.values.push(value());
            next
        })
    }
}

impl CompactModel {
    /// The macros' part of `model`.
    pub fn from_model(model: &SchemaModel) -> CompactModel {
        let mut files: Interner<String> = Interner::new();
        let mut types: Interner<ColumnType> = Interner::new();
        let mut at = |location: &Location| -> At {
            (files.intern(location.file.clone(), || location.file.clone()), location.line, location.column)
        };
        let mut tracks = Vec::with_capacity(model.tracks.len());
        for track in &model.tracks {
            let mut tables = Vec::with_capacity(track.catalog.tables.len());
            for table in track.catalog.tables.values() {
                let columns = table
                    .columns
                    .iter()
                    .map(|column| {
                        // Debug output of a type is unique per type and cheap to build once.
                        let ty = types.intern(format!("{:?}", column.ty), || column.ty.clone());
                        CompactColumn(
                            column.name.clone(),
                            ty,
                            flags(column),
                            column.default.clone(),
                            column.generated.clone(),
                            at(&column.provenance.created),
                            at(&column.provenance.changed),
                        )
                    })
                    .collect();
                tables.push(CompactTable(
                    table.name.schema.clone(),
                    table.name.name.clone(),
                    at(&table.provenance.created),
                    at(&table.provenance.changed),
                    table.sqlite.without_rowid,
                    columns,
                ));
            }
            let views = track
                .catalog
                .views
                .values()
                .map(|view| {
                    let columns = view.columns.iter().map(|c| c.name.clone()).collect();
                    CompactView(view.name.schema.clone(), view.name.name.clone(), columns)
                })
                .collect();
            tracks.push(CompactTrack { name: track.name.clone(), engine: track.engine, tables, views });
        }
        CompactModel { files: files.values, types: types.values, tracks }
    }

    /// Parses the JSON of a compact model file into the model it holds (see
    /// [`CompactModel::into_model`]).
    pub fn read_json(json: &[u8]) -> Result<SchemaModel, CompactModelError> {
        let compact: CompactModel = serde_json::from_slice(json).map_err(|e| CompactModelError(e.to_string()))?;
        compact.into_model()
    }

    /// A model whose catalogs hold the tables and views of this file with the facts listed in
    /// the module documentation; everything else is empty.
    pub fn into_model(self) -> Result<SchemaModel, CompactModelError> {
        let CompactModel { files, types, tracks } = self;
        let location = |(file, line, column): At| -> Result<Location, CompactModelError> {
            let file = files.get(file as usize).ok_or_else(|| CompactModelError(format!("no file number {file}")))?;
            Ok(Location { file: file.clone(), line, column })
        };
        let provenance = |created: At, changed: At| -> Result<Provenance, CompactModelError> {
            Ok(Provenance { created: location(created)?, changed: location(changed)? })
        };
        let mut model = SchemaModel { tracks: Vec::with_capacity(tracks.len()) };
        for track in tracks {
            let mut catalog = Catalog::new(track.engine);
            for CompactTable(schema, name, created, changed, without_rowid, columns) in track.tables {
                let name = ObjectName::new(schema, name);
                let mut table = Table::new(name.clone(), &Location::default());
                table.provenance = provenance(created, changed)?;
                table.sqlite.without_rowid = without_rowid;
                for CompactColumn(name, ty, flags, default, generated, created, changed) in columns {
                    let ty = types.get(ty as usize).ok_or_else(|| CompactModelError(format!("no column type number {ty}")))?;
                    let mut column = Column::new(name, ty.clone(), &Location::default());
                    column.not_null = flags & NOT_NULL != 0;
                    column.sqlite.rowid_alias = flags & ROWID_ALIAS != 0;
                    column.mysql.auto_increment = flags & AUTO_INCREMENT != 0;
                    column.identity = match (flags & IDENTITY_ALWAYS != 0, flags & IDENTITY_BY_DEFAULT != 0) {
                        (true, _) => Some(Identity::Always),
                        (false, true) => Some(Identity::ByDefault),
                        (false, false) => None,
                    };
                    column.default = default;
                    column.generated = generated;
                    column.provenance = provenance(created, changed)?;
                    table.columns.push(column);
                }
                catalog.tables.insert(name, table);
            }
            for CompactView(schema, name, columns) in track.views {
                let name = ObjectName::new(schema, name);
                let columns = columns.into_iter().map(|name| ViewColumn { name, ty: String::new() }).collect();
                let view = View {
                    name: name.clone(),
                    materialized: false,
                    columns,
                    query: String::new(),
                    definition: None,
                    indexes: Vec::new(),
                    provenance: Provenance::default(),
                };
                catalog.views.insert(name, view);
            }
            model.tracks.push(TrackModel { name: track.name, engine: track.engine, catalog });
        }
        Ok(model)
    }
}

fn flags(column: &Column) -> u8 {
    let mut flags = 0;
    for (set, flag) in [
        (column.not_null, NOT_NULL),
        (column.sqlite.rowid_alias, ROWID_ALIAS),
        (column.mysql.auto_increment, AUTO_INCREMENT),
        (column.identity == Some(Identity::Always), IDENTITY_ALWAYS),
        (column.identity == Some(Identity::ByDefault), IDENTITY_BY_DEFAULT),
    ] {
        if set {
            flags |= flag;
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::replay_files;
    use crate::source::MigrationFile;

    /// A model replayed from SQL, one track per engine.
    fn replayed() -> SchemaModel {
        let postgres = "CREATE TABLE clients (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL DEFAULT 'x', \
                        total numeric(10,2) GENERATED ALWAYS AS (1) STORED, tag varchar(20));\n\
                        ALTER TABLE clients ADD COLUMN token_ttl integer NOT NULL DEFAULT 3600;\n\
                        CREATE VIEW named AS SELECT id, name FROM clients;";
        let sqlite = "CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;\n\
                      CREATE TABLE logs (id INTEGER PRIMARY KEY, body BLOB);";
        let mysql = "CREATE TABLE clients (id bigint AUTO_INCREMENT PRIMARY KEY, state enum('a','b') NOT NULL);";
        let track = |name: &str, engine: Engine, sql: &str| TrackModel {
            name: name.into(),
            engine,
            catalog: replay_files(engine, &[MigrationFile { name: format!("{name}.sql"), text: sql.into() }])
                .expect("the test SQL replays")
                .catalog,
        };
        SchemaModel {
            tracks: vec![
                track("postgres", Engine::Postgres, postgres),
                track("sqlite", Engine::Sqlite, sqlite),
                track("mysql", Engine::Mysql, mysql),
            ],
        }
    }

    #[test]
    fn keeps_every_fact_the_macros_read() {
        let full = replayed();
        let json = serde_json::to_string(&CompactModel::from_model(&full)).unwrap();
        let back = CompactModel::read_json(json.as_bytes()).unwrap();
        assert_eq!(back.tracks.len(), full.tracks.len());
        for (track, kept) in full.tracks.iter().zip(&back.tracks) {
            assert_eq!((&kept.name, kept.engine, kept.catalog.engine), (&track.name, track.engine, track.catalog.engine));
            assert_eq!(kept.catalog.tables.len(), track.catalog.tables.len());
            for (table, kept) in track.catalog.tables.values().zip(kept.catalog.tables.values()) {
                assert_eq!((&kept.name, &kept.provenance), (&table.name, &table.provenance));
                assert_eq!(kept.sqlite.without_rowid, table.sqlite.without_rowid);
                assert_eq!(kept.columns.len(), table.columns.len());
                for (column, kept) in table.columns.iter().zip(&kept.columns) {
                    assert_eq!(kept.name, column.name);
                    assert_eq!(kept.ty, column.ty);
                    assert_eq!(
                        (kept.not_null, &kept.default, kept.identity, &kept.generated),
                        (column.not_null, &column.default, column.identity, &column.generated)
                    );
                    assert_eq!((kept.sqlite.rowid_alias, kept.mysql.auto_increment), (column.sqlite.rowid_alias, column.mysql.auto_increment));
                    assert_eq!(kept.provenance, column.provenance);
                    assert_eq!((kept.required_on_insert(), kept.never_null()), (column.required_on_insert(), column.never_null()));
                }
            }
            let names = |views: &std::collections::BTreeMap<ObjectName, View>| -> Vec<(ObjectName, Vec<String>)> {
                views.values().map(|v| (v.name.clone(), v.columns.iter().map(|c| c.name.clone()).collect())).collect()
            };
            assert_eq!(names(&kept.catalog.views), names(&track.catalog.views));
        }
        let clients = &full.tracks[0].catalog.tables.values().next().unwrap().columns;
        assert_eq!(clients[0].identity, Some(Identity::Always), "the test covers identity columns");
        assert!(clients[2].generated.is_some(), "the test covers generated columns");
        assert!(full.tracks[2].catalog.tables.values().next().unwrap().columns[0].mysql.auto_increment);
        assert!(full.tracks[1].catalog.tables.values().any(|t| t.sqlite.without_rowid));
        assert!(full.tracks[1].catalog.tables.values().flat_map(|t| &t.columns).any(|c| c.sqlite.rowid_alias));
    }

    #[test]
    fn stores_each_file_and_type_once() {
        let full = replayed();
        let compact = CompactModel::from_model(&full);
        assert_eq!(compact.files, vec!["postgres.sql", "sqlite.sql", "mysql.sql"]);
        let distinct_types = full.tracks.iter().flat_map(|t| t.catalog.tables.values()).flat_map(|t| &t.columns).fold(
            Vec::<&ColumnType>::new(),
            |mut seen, c| {
                if !seen.contains(&&c.ty) {
                    seen.push(&c.ty);
                }
                seen
            },
        );
        assert_eq!(compact.types.len(), distinct_types.len());
    }

    #[test]
    fn a_damaged_file_is_an_error() {
        let mut compact = CompactModel::from_model(&replayed());
        compact.types.clear();
        assert_eq!(compact.into_model().unwrap_err().to_string(), "no column type number 0");
        assert!(CompactModel::read_json(b"{").unwrap_err().to_string().contains("EOF"));
    }
}

//! The engine-neutral schema catalog.
//!
//! One [`Catalog`] holds what one database (one *engine track*) contains after its migrations
//! ran: tables with ordered columns, constraints, indexes, views, sequences and types. Every
//! object keeps its [`Provenance`]: the migration file and line that created it and the one that
//! last changed it. Values that engines print (types, defaults, expressions) are stored exactly
//! as the engine itself prints them, so a catalog can be compared with the engine's own
//! introspection to the letter; engine-specific details live in the `*_extras` modules.

pub mod logical;
pub mod mysql_extras;
mod name_map;
pub mod pg_types;
pub mod sqlite_extras;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use logical::LogicalType;

/// The database engine whose semantics a catalog follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    Postgres,
    Sqlite,
    Mysql,
}

impl Engine {
    /// The lower-case name used in configuration and output (`postgres`, `sqlite`, `mysql`).
    pub fn name(self) -> &'static str {
        match self {
            Engine::Postgres => "postgres",
            Engine::Sqlite => "sqlite",
            Engine::Mysql => "mysql",
        }
    }

    /// Parses an engine name as written in configuration or on the command line.
    pub fn parse(name: &str) -> Option<Engine> {
        match name.to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" | "pg" | "pglite" => Some(Engine::Postgres),
            "sqlite" | "sqlite3" => Some(Engine::Sqlite),
            "mysql" | "mariadb" => Some(Engine::Mysql),
            _ => None,
        }
    }

    /// The schema that unqualified names live in on a fresh database.
    pub fn default_schema(self) -> &'static str {
        match self {
            Engine::Postgres => "public",
            Engine::Sqlite => "main",
            Engine::Mysql => "",
        }
    }
}

impl std::fmt::Display for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A position in a migration file: 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// Where an object was created and where it was last changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Provenance {
    pub created: Location,
    pub changed: Location,
}

impl Provenance {
    /// Provenance of an object created (and so far unchanged) at `at`.
    pub fn new(at: &Location) -> Provenance {
        Provenance { created: at.clone(), changed: at.clone() }
    }

    /// Records that the object was changed at `at`.
    pub fn touch(&mut self, at: &Location) {
        self.changed = at.clone();
    }
}

/// A schema-qualified object name. `schema` is the engine's default schema for engines
/// without schemas (`main` for SQLite, empty for MySQL).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ObjectName {
    pub schema: String,
    pub name: String,
}

impl ObjectName {
    pub fn new(schema: impl Into<String>, name: impl Into<String>) -> ObjectName {
        ObjectName { schema: schema.into(), name: name.into() }
    }
}

impl std::fmt::Display for ObjectName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.schema.is_empty() || self.schema == "public" || self.schema == "main" {
            f.write_str(&self.name)
        } else {
            write!(f, "{}.{}", self.schema, self.name)
        }
    }
}

/// Everything one database holds after its migrations ran.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub engine: Engine,
    /// Schemas besides the engine's built-in ones, in creation order.
    pub schemas: Vec<String>,
    pub extensions: Vec<Extension>,
    #[serde(with = "name_map")]
    pub tables: BTreeMap<ObjectName, Table>,
    #[serde(with = "name_map")]
    pub views: BTreeMap<ObjectName, View>,
    #[serde(with = "name_map")]
    pub sequences: BTreeMap<ObjectName, Sequence>,
    #[serde(with = "name_map")]
    pub enums: BTreeMap<ObjectName, EnumType>,
    #[serde(with = "name_map")]
    pub domains: BTreeMap<ObjectName, Domain>,
    #[serde(with = "name_map")]
    pub composite_types: BTreeMap<ObjectName, CompositeType>,
    pub functions: Vec<Function>,
    /// MySQL-only database facts (default character set and collation).
    #[serde(default)]
    pub mysql: mysql_extras::MysqlSchema,
}

impl Catalog {
    /// An empty database of the given engine.
    pub fn new(engine: Engine) -> Catalog {
        Catalog {
            engine,
            schemas: Vec::new(),
            extensions: Vec::new(),
            tables: BTreeMap::new(),
            views: BTreeMap::new(),
            sequences: BTreeMap::new(),
            enums: BTreeMap::new(),
            domains: BTreeMap::new(),
            composite_types: BTreeMap::new(),
            functions: Vec::new(),
            mysql: Default::default(),
        }
    }

    /// Looks a table up by schema-qualified name.
    pub fn table(&self, name: &ObjectName) -> Option<&Table> {
        self.tables.get(name)
    }

    /// Looks a table up by bare name in the engine's default schema, or `schema.name`.
    pub fn find_table(&self, name: &str) -> Option<&Table> {
        let name = match name.split_once('.') {
            Some((schema, table)) => ObjectName::new(schema, table),
            None => ObjectName::new(self.engine.default_schema(), name),
        };
        self.tables.get(&name)
    }
}

/// `kind` of a table as the engine reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    #[default]
    Table,
    PartitionedTable,
}

/// A table with its columns (in the engine's order), constraints and indexes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub name: ObjectName,
    pub kind: TableKind,
    pub columns: Vec<Column>,
    pub primary_key: Option<PrimaryKey>,
    pub uniques: Vec<UniqueConstraint>,
    pub foreign_keys: Vec<ForeignKey>,
    pub checks: Vec<CheckConstraint>,
    pub exclusions: Vec<ExclusionConstraint>,
    pub indexes: Vec<Index>,
    pub triggers: Vec<Trigger>,
    pub comment: Option<String>,
    #[serde(default)]
    pub sqlite: sqlite_extras::SqliteTable,
    #[serde(default)]
    pub mysql: mysql_extras::MysqlTable,
    pub provenance: Provenance,
}

impl Table {
    /// A table with no columns yet, created at `at`.
    pub fn new(name: ObjectName, at: &Location) -> Table {
        Table {
            name,
            kind: TableKind::Table,
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            foreign_keys: Vec::new(),
            checks: Vec::new(),
            exclusions: Vec::new(),
            indexes: Vec::new(),
            triggers: Vec::new(),
            comment: None,
            sqlite: Default::default(),
            mysql: Default::default(),
            provenance: Provenance::new(at),
        }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn column_mut(&mut self, name: &str) -> Option<&mut Column> {
        self.columns.iter_mut().find(|c| c.name == name)
    }

    /// Names of every constraint on the table (primary key, unique, foreign key, check,
    /// exclusion), in that order.
    pub fn constraint_names(&self) -> impl Iterator<Item = &str> {
        self.primary_key
            .iter()
            .map(|c| c.name.as_str())
            .chain(self.uniques.iter().map(|c| c.name.as_str()))
            .chain(self.foreign_keys.iter().map(|c| c.name.as_str()))
            .chain(self.checks.iter().map(|c| c.name.as_str()))
            .chain(self.exclusions.iter().map(|c| c.name.as_str()))
    }
}

/// A column's type: as the engine prints it, and in the cross-engine type language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnType {
    /// The type exactly as the engine prints it (`format_type` on Postgres, the declared
    /// type on SQLite, `COLUMN_TYPE` on MySQL).
    pub engine: String,
    pub logical: LogicalType,
    /// Whether the engine enforces the type on write (false for SQLite outside STRICT tables).
    pub enforced: bool,
}

/// `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Identity {
    #[serde(rename = "ALWAYS")]
    Always,
    #[serde(rename = "BY DEFAULT")]
    ByDefault,
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub ty: ColumnType,
    pub not_null: bool,
    /// The default expression as the engine prints it.
    pub default: Option<String>,
    pub identity: Option<Identity>,
    /// Expression of a stored (or virtual) generated column, as the engine prints it.
    pub generated: Option<String>,
    /// Collation, only when it differs from the type's default.
    pub collation: Option<String>,
    pub comment: Option<String>,
    #[serde(default)]
    pub sqlite: sqlite_extras::SqliteColumn,
    #[serde(default)]
    pub mysql: mysql_extras::MysqlColumn,
    pub provenance: Provenance,
}

impl Column {
    /// A nullable column without default, created at `at`.
    pub fn new(name: impl Into<String>, ty: ColumnType, at: &Location) -> Column {
        Column {
            name: name.into(),
            ty,
            not_null: false,
            default: None,
            identity: None,
            generated: None,
            collation: None,
            comment: None,
            sqlite: Default::default(),
            mysql: Default::default(),
            provenance: Provenance::new(at),
        }
    }

    /// Whether an INSERT that leaves this column out fails.
    pub fn required_on_insert(&self) -> bool {
        self.not_null
            && self.default.is_none()
            && self.identity.is_none()
            && self.generated.is_none()
            && !self.sqlite.rowid_alias
            && !self.mysql.auto_increment
    }

    /// Whether the column can never hold NULL: declared NOT NULL, or a SQLite rowid alias
    /// (`INTEGER PRIMARY KEY`, which SQLite reports as nullable but never stores NULL in).
    pub fn never_null(&self) -> bool {
        self.not_null || self.sqlite.rowid_alias
    }
}

/// Whether constraint checking can be deferred to commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Deferral {
    pub deferrable: bool,
    pub initially_deferred: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrimaryKey {
    pub name: String,
    pub columns: Vec<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UniqueConstraint {
    pub name: String,
    pub columns: Vec<String>,
    /// The definition as `pg_get_constraintdef` prints it (e.g. `UNIQUE (a, b)`).
    pub definition: String,
    pub deferral: Deferral,
    pub provenance: Provenance,
}

/// Referential action of a foreign key, spelled as the engine reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum FkAction {
    #[default]
    #[serde(rename = "NO ACTION")]
    NoAction,
    #[serde(rename = "RESTRICT")]
    Restrict,
    #[serde(rename = "CASCADE")]
    Cascade,
    #[serde(rename = "SET NULL")]
    SetNull,
    #[serde(rename = "SET DEFAULT")]
    SetDefault,
}

impl FkAction {
    pub fn sql(self) -> &'static str {
        match self {
            FkAction::NoAction => "NO ACTION",
            FkAction::Restrict => "RESTRICT",
            FkAction::Cascade => "CASCADE",
            FkAction::SetNull => "SET NULL",
            FkAction::SetDefault => "SET DEFAULT",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub name: String,
    pub columns: Vec<String>,
    pub ref_table: ObjectName,
    /// Referenced columns; empty when the engine resolves them to the parent's primary key
    /// at run time and reports none (SQLite `REFERENCES parent` without a column list).
    pub ref_columns: Vec<String>,
    pub on_delete: FkAction,
    pub on_update: FkAction,
    /// `SIMPLE`, `FULL`, `PARTIAL` (Postgres) or `NONE` (SQLite).
    pub match_type: String,
    pub deferral: Deferral,
    pub validated: bool,
    /// The definition as `pg_get_constraintdef` prints it.
    pub definition: String,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckConstraint {
    pub name: String,
    /// The definition as the engine prints it (`CHECK ((a > 0))` on Postgres).
    pub definition: String,
    pub validated: bool,
    pub no_inherit: bool,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExclusionConstraint {
    pub name: String,
    pub definition: String,
    pub provenance: Provenance,
}

/// One key of an index: a column or an expression, with its ordering options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexKey {
    /// Column name, when the key is a plain column.
    pub column: Option<String>,
    /// The key as the engine prints it inside the index definition (`lower((name)::text)`,
    /// `id DESC`, `path gin_trgm_ops`).
    pub definition: String,
    pub descending: bool,
    /// SQLite's collation name for the key (`BINARY` unless declared).
    pub collation: Option<String>,
    /// Length prefix of a MySQL key part.
    pub sub_part: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub name: String,
    pub unique: bool,
    pub primary: bool,
    /// Access method (`btree`, `gin`, `gist`, `hash`, `brin`; `BTREE` on MySQL).
    pub method: String,
    pub keys: Vec<IndexKey>,
    /// Partial index predicate as the engine prints it.
    pub predicate: Option<String>,
    /// The full definition as the engine prints it (`pg_get_indexdef`, SQLite's stored SQL).
    pub definition: Option<String>,
    /// Name of the constraint the index backs (primary key or unique constraint).
    pub constraint: Option<String>,
    pub valid: bool,
    /// SQLite's origin: `c` (CREATE INDEX), `u` (UNIQUE constraint), `pk`.
    pub origin: Option<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    pub name: String,
    pub definition: String,
    /// Postgres `tgenabled` (`O` origin and local, `D` disabled, `R` replica, `A` always).
    pub enabled: String,
    pub provenance: Provenance,
}

/// An output column of a view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewColumn {
    pub name: String,
    /// Type as the engine prints it; empty when the engine reports none (SQLite expressions).
    pub ty: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct View {
    pub name: ObjectName,
    pub materialized: bool,
    pub columns: Vec<ViewColumn>,
    /// The view's query as written in the migration.
    pub query: String,
    /// The query as the engine prints it back (`pg_get_viewdef(oid, true)`, SQLite's stored
    /// SQL), when the replay reproduces it.
    pub definition: Option<String>,
    pub indexes: Vec<Index>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SequenceOwner {
    pub table: ObjectName,
    pub column: String,
    /// Whether the sequence backs an identity column (as opposed to `serial`/`OWNED BY`).
    pub identity: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sequence {
    pub name: ObjectName,
    pub data_type: String,
    pub start: i64,
    pub increment: i64,
    pub min: i64,
    pub max: i64,
    pub cache: i64,
    pub cycle: bool,
    pub owned_by: Option<SequenceOwner>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnumType {
    pub name: ObjectName,
    pub labels: Vec<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    pub name: ObjectName,
    pub base_type: String,
    pub not_null: bool,
    pub default: Option<String>,
    pub checks: Vec<CheckConstraint>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompositeAttribute {
    pub name: String,
    pub ty: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompositeType {
    pub name: ObjectName,
    pub attributes: Vec<CompositeAttribute>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extension {
    pub name: String,
    pub schema: String,
}

/// A function or procedure: kept by signature so later statements can resolve calls and
/// casts; bodies are not modelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Function {
    pub name: ObjectName,
    /// `function`, `procedure` or `aggregate`.
    pub kind: String,
    /// Argument types as `pg_get_function_identity_arguments` prints them.
    pub arguments: String,
    pub result: String,
    pub language: String,
    pub provenance: Provenance,
}

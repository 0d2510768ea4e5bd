//! Parity between tracks: which tables, columns, types, nullability, defaults, keys,
//! indexes, foreign keys and checks differ between the catalogs of one crate's engine tracks.
//!
//! [`check`] compares every track with every other and reports each difference once, with
//! the value and provenance (migration file:line) on every track. [`allow`] matches declared
//! exceptions against the differences; [`fix`] writes the SQL that adds a missing column in
//! a track's dialect. The build script and the CLI share all of it.

pub mod allow;
pub mod fix;
mod keys;
mod references;
mod tables;
pub mod types;

use crate::catalog::{Catalog, Location, ObjectName, Table};

pub use allow::{apply_allowances, Allowance, AllowanceSubject, AllowanceOutcome};
pub use keys::{signature as index_signature, unique_key};
pub use references::{check_signature, signature as foreign_key_signature};

/// One track's catalog, by track name.
#[derive(Debug, Clone, Copy)]
pub struct TrackCatalog<'a> {
    pub name: &'a str,
    pub catalog: &'a Catalog,
}

/// What differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DifferenceKind {
    /// A table exists on some tracks only.
    Table,
    /// A column exists on some tracks only.
    Column,
    /// A column's types are not compatible.
    ColumnType,
    /// A column is NOT NULL on some tracks and nullable on others.
    Nullability,
    /// A column gets a value when omitted from an INSERT on some tracks only.
    Default,
    /// The primary keys differ.
    PrimaryKey,
    /// A uniqueness guarantee (constraint or unique index) exists on some tracks only.
    Unique,
    /// An index exists on some tracks only (compared by table, keys, uniqueness and
    /// predicate; names may differ).
    Index,
    /// A foreign key exists on some tracks only (compared by columns, referenced table and
    /// columns, actions and deferral; names may differ).
    ForeignKey,
    /// A check constraint exists on some tracks of one engine only (compared by
    /// definition, between tracks of the same engine).
    Check,
}

impl DifferenceKind {
    /// The short name used in reports (`table`, `column`, `type`, `primary key`, ...).
    pub fn name(self) -> &'static str {
        match self {
            DifferenceKind::Table => "table",
            DifferenceKind::Column => "column",
            DifferenceKind::ColumnType => "type",
            DifferenceKind::Nullability => "nullability",
            DifferenceKind::Default => "default",
            DifferenceKind::PrimaryKey => "primary key",
            DifferenceKind::Unique => "unique",
            DifferenceKind::Index => "index",
            DifferenceKind::ForeignKey => "foreign key",
            DifferenceKind::Check => "check",
        }
    }
}

/// The tracks that share one value of the compared property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub tracks: Vec<String>,
    /// The value on these tracks, as shown to the user (`bigint`, `NOT NULL`, `missing`).
    pub value: String,
    /// Where the value comes from on the first of these tracks: the object's migration, or
    /// for a missing object the migration that created its table.
    pub location: Option<Location>,
}

/// One difference between tracks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// The table, as written in configuration (`name`, or `schema.name` outside the engine's
    /// default schema).
    pub table: String,
    /// The column, for column differences.
    pub column: Option<String>,
    /// What the difference is about beyond table and column (the key columns of a unique
    /// constraint, an index's signature).
    pub detail: Option<String>,
    /// One side per distinct value.
    pub sides: Vec<Side>,
}

impl Difference {
    /// Every track the difference involves.
    pub fn tracks(&self) -> impl Iterator<Item = &str> {
        self.sides.iter().flat_map(|s| s.tracks.iter().map(String::as_str))
    }

    /// The one-line summary (`column `t.c` exists on track `a` but not on `b``).
    pub fn headline(&self) -> String {
        let subject = match (&self.column, self.kind) {
            (Some(column), _) => format!("column `{}.{column}`", self.table),
            (None, DifferenceKind::Table) => format!("table `{}`", self.table),
            (None, DifferenceKind::PrimaryKey) => format!("the primary key of `{}`", self.table),
            (None, DifferenceKind::Unique) => format!(
                "unique constraint on `{}` ({})",
                self.table,
                self.detail.as_deref().unwrap_or_default()
            ),
            (None, DifferenceKind::ForeignKey) => {
                format!("foreign key on `{}` {}", self.table, self.detail.as_deref().unwrap_or_default())
            }
            (None, DifferenceKind::Check) => {
                format!("check constraint on `{}` {}", self.table, self.detail.as_deref().unwrap_or_default())
            }
            (None, _) => format!("index on `{}` {}", self.table, self.detail.as_deref().unwrap_or_default()),
        };
        match self.kind {
            DifferenceKind::Table
            | DifferenceKind::Column
            | DifferenceKind::Unique
            | DifferenceKind::Index
            | DifferenceKind::ForeignKey
            | DifferenceKind::Check => {
                let (present, missing) = self.presence();
                format!("{subject} exists on {} but not on {}", track_list(&present), track_list(&missing))
            }
            DifferenceKind::ColumnType => format!("{subject} has incompatible types across tracks"),
            DifferenceKind::Nullability => format!("{subject} differs in nullability across tracks"),
            DifferenceKind::Default => format!("{subject} has a default on some tracks only"),
            DifferenceKind::PrimaryKey => format!("{subject} differs across tracks"),
        }
    }

    /// Tracks where the object exists and where it is missing (for presence differences).
    fn presence(&self) -> (Vec<&str>, Vec<&str>) {
        let mut present = Vec::new();
        let mut missing = Vec::new();
        for side in &self.sides {
            let list = if side.value == MISSING { &mut missing } else { &mut present };
            list.extend(side.tracks.iter().map(String::as_str));
        }
        (present, missing)
    }
}

impl std::fmt::Display for Difference {
    /// The headline, then one line per side: ``track `a`: bigint (file:line:col)``.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.headline())?;
        for side in &self.sides {
            write!(f, "\n  {}: {}", track_list(&side.tracks.iter().map(String::as_str).collect::<Vec<_>>()), side.value)?;
            if let Some(location) = &side.location {
                let what = if side.value == MISSING { "table created at " } else { "" };
                write!(f, " ({what}{location})")?;
            }
        }
        Ok(())
    }
}

/// The value shown for an object that a track lacks.
pub const MISSING: &str = "missing";

/// ``track `a` `` or ``tracks `a`, `b` ``.
pub fn track_list(tracks: &[&str]) -> String {
    let quoted: Vec<String> = tracks.iter().map(|t| format!("`{t}`")).collect();
    match quoted.len() {
        1 => format!("track {}", quoted[0]),
        _ => format!("tracks {}", quoted.join(", ")),
    }
}

/// Compares every track with every other; each difference is reported once.
pub fn check(tracks: &[TrackCatalog<'_>]) -> Vec<Difference> {
    let mut out = Vec::new();
    if tracks.len() < 2 {
        return out;
    }
    for name in all_table_names(tracks) {
        let found: Vec<(&str, Option<&Table>)> =
            tracks.iter().map(|t| (t.name, find_table(t.catalog, &name))).collect();
        let present: Vec<(&str, &Table)> = found.iter().filter_map(|(t, table)| table.map(|x| (*t, x))).collect();
        if present.len() < tracks.len() {
            out.push(tables::table_presence(&name, &found));
        }
        if present.len() >= 2 {
            tables::compare_columns(&name, &present, &mut out);
            keys::compare_keys(&name, &present, &mut out);
            let in_catalogs: Vec<(&str, &Catalog, &Table)> = tracks
                .iter()
                .zip(&found)
                .filter_map(|(t, (_, table))| table.map(|table| (t.name, t.catalog, table)))
                .collect();
            references::compare_references(&name, &in_catalogs, &mut out);
        }
    }
    out
}

/// The name a table is known by across engines: bare in the engine's default schema,
/// `schema.name` elsewhere.
pub fn neutral_name(catalog: &Catalog, name: &ObjectName) -> String {
    if name.schema == catalog.engine.default_schema() {
        name.name.clone()
    } else {
        format!("{}.{}", name.schema, name.name)
    }
}

fn find_table<'c>(catalog: &'c Catalog, neutral: &str) -> Option<&'c Table> {
    catalog.find_table(neutral)
}

fn all_table_names(tracks: &[TrackCatalog<'_>]) -> Vec<String> {
    let mut names: Vec<String> = tracks
        .iter()
        .flat_map(|t| t.catalog.tables.keys().map(|n| neutral_name(t.catalog, n)))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Groups `(track, value, shown value, location)` entries into sides by equal value, in
/// the order values first appear.
fn group_sides<V: PartialEq>(entries: Vec<(&str, V, String, Option<Location>)>) -> Vec<Side> {
    let mut groups: Vec<(V, Side)> = Vec::new();
    for (track, value, shown, location) in entries {
        match groups.iter_mut().find(|(v, _)| *v == value) {
            Some((_, side)) => side.tracks.push(track.to_string()),
            None => groups.push((value, Side { tracks: vec![track.to_string()], value: shown, location })),
        }
    }
    groups.into_iter().map(|(_, side)| side).collect()
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Small catalogs built by hand for the parity tests.

    use crate::catalog::*;

    pub fn at(file: &str, line: u32) -> Location {
        Location { file: file.to_string(), line, column: 1 }
    }

    pub fn ty(engine: &str, logical: LogicalType) -> ColumnType {
        ColumnType { engine: engine.to_string(), logical, enforced: true }
    }

    pub fn int4() -> ColumnType {
        ty("integer", LogicalType::Integer { bytes: 4, unsigned: false })
    }

    pub fn text() -> ColumnType {
        ty("text", LogicalType::Text { max_len: None, fixed: false })
    }

    pub fn column(name: &str, ty: ColumnType, not_null: bool, file: &str, line: u32) -> Column {
        let mut c = Column::new(name, ty, &at(file, line));
        c.not_null = not_null;
        c
    }

    pub fn table(name: &str, file: &str, line: u32, columns: Vec<Column>) -> Table {
        let mut t = Table::new(ObjectName::new("public", name), &at(file, line));
        t.columns = columns;
        t
    }

    pub fn catalog(tables: Vec<Table>) -> Catalog {
        let mut c = Catalog::new(Engine::Postgres);
        for t in tables {
            c.tables.insert(t.name.clone(), t);
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn identical_tracks_have_no_differences() {
        let a = catalog(vec![table("t", "a.sql", 1, vec![column("id", int4(), true, "a.sql", 2)])]);
        let b = catalog(vec![table("t", "b.sql", 5, vec![column("id", int4(), true, "b.sql", 6)])]);
        let tracks = [TrackCatalog { name: "a", catalog: &a }, TrackCatalog { name: "b", catalog: &b }];
        assert_eq!(check(&tracks), vec![]);
        assert_eq!(check(&tracks[..1]), vec![]);
    }

    #[test]
    fn missing_table_is_reported_once_with_provenance() {
        let a = catalog(vec![table("t", "a.sql", 1, vec![]), table("u", "a.sql", 9, vec![])]);
        let b = catalog(vec![table("t", "b.sql", 1, vec![])]);
        let c = catalog(vec![table("t", "c.sql", 1, vec![])]);
        let tracks = [
            TrackCatalog { name: "a", catalog: &a },
            TrackCatalog { name: "b", catalog: &b },
            TrackCatalog { name: "c", catalog: &c },
        ];
        let diffs = check(&tracks);
        assert_eq!(diffs.len(), 1, "{diffs:?}");
        assert_eq!(diffs[0].kind, DifferenceKind::Table);
        assert_eq!(diffs[0].to_string(), "table `u` exists on track `a` but not on tracks `b`, `c`\n  track `a`: present (a.sql:9:1)\n  tracks `b`, `c`: missing");
    }
}

//! Running one introspection query and reading its rows without panicking, plus the SQL
//! fragments every query shares (which schemas and objects count as the user's).

use crate::catalog::{Location, Provenance};
use postgres::types::FromSql;
use postgres::{GenericClient, Row};

/// Schemas that hold user objects: not the system catalogs, `pg_toast` or temporary schemas.
/// Expects the namespace aliased as `n`.
pub(super) const USER_SCHEMA: &str = "n.nspname NOT IN ('pg_catalog', 'information_schema') \
     AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

/// The tables migration tools keep their own bookkeeping in.
pub(super) const BOOKKEEPING_TABLES: &str = "('__diesel_schema_migrations', '_sqlx_migrations')";

/// SQL condition: the object `objid` of catalog `class` is not owned by an extension.
pub(super) fn not_extension_owned(class: &str, objid: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep \
         WHERE dep.classid = '{class}'::regclass AND dep.objid = {objid} AND dep.deptype = 'e')"
    )
}

/// Why introspection failed.
#[derive(Debug)]
pub enum LiveError {
    /// A catalog query failed (lost connection, timeout, permissions).
    Query { what: String, source: postgres::Error },
    /// A query returned a value of an unexpected type or shape.
    Decode { what: String, message: String },
}

impl LiveError {
    pub(super) fn query(what: impl Into<String>, source: postgres::Error) -> LiveError {
        LiveError::Query { what: what.into(), source }
    }
}

impl std::fmt::Display for LiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LiveError::Query { what, source } => match source.as_db_error() {
                Some(db) => write!(f, "reading {what} failed: {}", db.message()),
                None => write!(f, "reading {what} failed: {source}"),
            },
            LiveError::Decode { what, message } => write!(f, "reading {what}: {message}"),
        }
    }
}

impl std::error::Error for LiveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LiveError::Query { source, .. } => Some(source),
            LiveError::Decode { .. } => None,
        }
    }
}

/// The rows of one catalog query; `what` names the kind of object in errors.
pub(super) fn rows(client: &mut impl GenericClient, what: &'static str, sql: &str) -> Result<Vec<Row>, LiveError> {
    client.query(sql, &[]).map_err(|e| LiveError::query(what, e))
}

/// Column `index` of `row`, decoded as `T`.
pub(super) fn get<'a, T: FromSql<'a>>(row: &'a Row, index: usize, what: &'static str) -> Result<T, LiveError> {
    row.try_get(index).map_err(|e| LiveError::Decode { what: what.to_string(), message: e.to_string() })
}

/// Where live objects come from: the database itself, not a migration file.
pub(super) fn live_location() -> Location {
    Location { file: "<database>".to_string(), line: 0, column: 0 }
}

pub(super) fn live_provenance() -> Provenance {
    Provenance::new(&live_location())
}

//! The schema catalog model and everything that can be computed from migration files alone.
//!
//! * [`catalog`]: the engine-neutral catalog (tables, columns, constraints, indexes, types,
//!   views) with provenance on every object.
//! * [`source`]: migration files, their ordering, and splitting them into statements with
//!   exact positions.
//! * [`replay`]: applying migration statements to a catalog with each engine's semantics.
//! * [`catalog_json`]: the catalog printed in the structure the real engines' introspection
//!   produces (`expected.json` of the corpus), so replay and engine can be diffed.
//! * [`query`]: resolving the tables and columns named by SQL queries, per engine track.
//! * [`risk`], [`fix_sql`], [`doc`]: risk classes of schema differences, the SQL that
//!   fixes them per dialect, and Markdown/Mermaid schema docs.
//! * `live` (feature `live`): introspection of a running Postgres database.
//!
//! Nothing here talks to a database unless the `live` feature is enabled.

pub mod catalog;
pub mod catalog_json;
pub mod doc;
pub mod error;
pub mod fix_sql;
#[cfg(feature = "live")]
pub mod live;
pub mod model;
pub mod parity;
pub mod query;
pub mod replay;
pub mod risk;
pub mod source;
mod sql_ast;

pub use catalog::{Catalog, Column, Engine, Index, Location, ObjectName, Provenance, Table};
pub use error::{ReplayError, ReplayReport, SkippedStatement};

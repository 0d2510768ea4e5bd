//! SQLite-only facts about tables and columns, kept beside the engine-neutral catalog.

use serde::{Deserialize, Serialize};

/// SQLite-only table facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SqliteTable {
    /// The `CREATE TABLE` text as `sqlite_master.sql` holds it (rewritten by renames).
    pub sql: Option<String>,
    pub without_rowid: bool,
    pub strict: bool,
    pub virtual_table: bool,
    pub autoincrement: bool,
}

/// SQLite-only column facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SqliteColumn {
    /// Position in the primary key, 1-based; 0 when not part of it.
    pub pk: u32,
    /// `hidden` of `pragma table_xinfo` (0 normal, 2/3 generated).
    pub hidden: u32,
    /// Whether the column is an `INTEGER PRIMARY KEY` alias of the rowid.
    pub rowid_alias: bool,
}

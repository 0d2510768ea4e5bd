//! MySQL/MariaDB-only facts about tables, columns and views, kept beside the engine-neutral
//! catalog.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// MySQL-only database facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MysqlSchema {
    /// Default character set and collation of the database (`CREATE DATABASE ... CHARACTER SET
    /// .. COLLATE ..`), inherited by tables that do not name theirs.
    pub charset: Option<String>,
    pub collation: Option<String>,
    /// Views by name: what information_schema.VIEWS and COLUMNS report for each (the
    /// engine-neutral part is in `Catalog::views`).
    #[serde(default)]
    pub views: BTreeMap<String, MysqlView>,
}

/// A MariaDB view: its stored query and options, and the output columns information_schema
/// reports while every table and column it reads exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MysqlView {
    /// The query as the server stores it: `*` expanded and every output column aliased.
    pub query: String,
    /// `ALGORITHM`: `UNDEFINED`, `MERGE` or `TEMPTABLE`.
    pub algorithm: String,
    /// `SECURITY_TYPE`: `DEFINER` or `INVOKER`.
    pub security: String,
    /// `CHECK_OPTION`: `NONE`, `CASCADED` or `LOCAL`.
    pub check_option: String,
    /// `CHARACTER_SET_CLIENT` and `COLLATION_CONNECTION` of the session that defined the view
    /// (string literals in the query take the connection's).
    pub client_charset: String,
    pub connection_collation: String,
    /// `IS_UPDATABLE`; `None` while the view is invalid (it reads a missing table or column).
    pub updatable: Option<bool>,
    /// Output columns; empty while the view is invalid.
    pub columns: Vec<MysqlViewColumn>,
}

/// One output column of a view as information_schema.COLUMNS reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MysqlViewColumn {
    pub name: String,
    /// `DATA_TYPE`; `None` when the replay cannot derive the expression's type.
    pub data_type: Option<String>,
    /// `COLUMN_TYPE`; empty when the replay cannot derive the expression's type.
    pub column_type: String,
    pub not_null: bool,
    /// `COLUMN_DEFAULT` as information_schema prints it (`NULL` is the text `NULL`).
    pub default: Option<String>,
    pub charset: Option<String>,
    pub collation: Option<String>,
}

/// MySQL-only table facts (kept, not compared across engines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MysqlTable {
    /// Storage engine as information_schema spells it (`InnoDB`).
    pub engine: Option<String>,
    pub charset: Option<String>,
    pub collation: Option<String>,
    /// `AUTO_INCREMENT=n` table option, when given.
    pub auto_increment: Option<u64>,
    /// Names of indexes the engine created by itself to back a foreign key; such an index is
    /// dropped silently when another index can serve the foreign key.
    pub generated_indexes: Vec<String>,
}

/// MySQL-only column facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MysqlColumn {
    /// `DATA_TYPE` of information_schema (`varchar`, `int`, ...).
    pub data_type: Option<String>,
    /// `EXTRA` of information_schema (`auto_increment`, `on update current_timestamp()`).
    pub extra: String,
    pub charset: Option<String>,
    /// `COLLATION_NAME` of information_schema (set for character columns).
    pub collation: Option<String>,
    pub auto_increment: bool,
}

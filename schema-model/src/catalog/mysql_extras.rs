//! MySQL/MariaDB-only facts about tables and columns, kept beside the engine-neutral catalog.

use serde::{Deserialize, Serialize};

/// MySQL-only database facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MysqlSchema {
    /// Default character set and collation of the database (`CREATE DATABASE ... CHARACTER SET
    /// .. COLLATE ..`), inherited by tables that do not name theirs.
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

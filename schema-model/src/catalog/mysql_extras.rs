//! MySQL/MariaDB-only facts about tables and columns, kept beside the engine-neutral catalog.

use serde::{Deserialize, Serialize};

/// MySQL-only table facts (kept, not compared across engines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MysqlTable {
    pub engine: Option<String>,
    pub charset: Option<String>,
    pub collation: Option<String>,
}

/// MySQL-only column facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MysqlColumn {
    /// `DATA_TYPE` of information_schema (`varchar`, `int`, ...).
    pub data_type: Option<String>,
    /// `EXTRA` of information_schema (`auto_increment`, `on update current_timestamp()`).
    pub extra: String,
    pub charset: Option<String>,
    pub auto_increment: bool,
}

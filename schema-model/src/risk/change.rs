//! The vocabulary of one schema difference between a *source* schema (A) and a *target*
//! schema (B), as the risk rules and the fix-it SQL generator consume it.
//!
//! A difference says what A has and what B has; it does not find differences (that is
//! [`crate::parity`]'s job). Every variant owns the objects it talks about, so a list of
//! changes can outlive the catalogs it came from and be serialized.

use crate::catalog::{CheckConstraint, Column, ForeignKey, Index, ObjectName, PrimaryKey, Table, UniqueConstraint};
use serde::{Deserialize, Serialize};

/// Which schema holds an object that the other lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Only the source (A) has it.
    Source,
    /// Only the target (B) has it.
    Target,
}

/// One difference between A and B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// A whole table exists on one side only.
    Table { side: Side, table: Table },
    /// A column exists on one side only; `table` is the table as that side has it.
    Column { side: Side, table: ObjectName, column: Column },
    /// The column exists on both sides with different types.
    ColumnType { table: ObjectName, source: Column, target: Column },
    /// The column is nullable on one side and NOT NULL on the other.
    Nullability { table: ObjectName, source: Column, target: Column },
    /// The column's default differs.
    Default { table: ObjectName, source: Column, target: Column },
    /// The same columns in a different order.
    ColumnOrder { table: ObjectName, source: Vec<String>, target: Vec<String> },
    /// The primary key differs (or exists on one side only).
    PrimaryKey { table: ObjectName, source: Option<PrimaryKey>, target: Option<PrimaryKey> },
    /// A unique constraint exists on one side only.
    Unique { side: Side, table: ObjectName, unique: UniqueConstraint },
    /// A foreign key exists on one side only.
    ForeignKey { side: Side, table: ObjectName, foreign_key: ForeignKey },
    /// A check constraint exists on one side only.
    Check { side: Side, table: ObjectName, check: CheckConstraint },
    /// An index exists on one side only (or differs, reported as one of each side).
    Index { side: Side, table: ObjectName, index: Index },
}

impl Change {
    /// The table the difference is about.
    pub fn table(&self) -> &ObjectName {
        match self {
            Change::Table { table, .. } => &table.name,
            Change::Column { table, .. }
            | Change::ColumnType { table, .. }
            | Change::Nullability { table, .. }
            | Change::Default { table, .. }
            | Change::ColumnOrder { table, .. }
            | Change::PrimaryKey { table, .. }
            | Change::Unique { table, .. }
            | Change::ForeignKey { table, .. }
            | Change::Check { table, .. }
            | Change::Index { table, .. } => table,
        }
    }
}

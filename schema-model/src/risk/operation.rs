//! The operation axis: what a schema change costs on the engine that runs it.
//!
//! On Postgres, `ALTER COLUMN ... TYPE` keeps the table in place only when the old values
//! are binary compatible with the new type and no length or precision check is needed
//! (`varchar(n)` to a wider `varchar` or to `text`, `numeric(p,s)` to a wider precision with
//! the same scale, `timestamp` to `timestamptz` under a UTC session); everything else
//! rewrites the whole table under an exclusive lock. SQLite cannot change a column's type,
//! nullability or default in place: the table is rebuilt (create, copy, drop, rename).

use crate::catalog::{ColumnType, Engine, LogicalType};
use serde::{Deserialize, Serialize};

/// How heavy a change is for the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OperationRisk {
    /// Nothing to do.
    None,
    /// A catalog-only change: no row is read or written.
    InPlace,
    /// Every row is read to validate the change (SET NOT NULL, a new foreign key or check).
    Scan,
    /// An index is built from every row.
    Build,
    /// Postgres/MySQL write a new copy of the whole table.
    Rewrite,
    /// SQLite: the table is recreated and its rows copied.
    Rebuild,
    /// The change fails when the table holds rows.
    FailsWithRows,
}

/// The operation axis verdict with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationVerdict {
    pub risk: OperationRisk,
    pub reason: String,
}

impl OperationVerdict {
    pub fn new(risk: OperationRisk, reason: impl Into<String>) -> OperationVerdict {
        OperationVerdict { risk, reason: reason.into() }
    }
}

/// What changing a column from type `from` to type `to` costs on `engine`.
pub fn alter_type_operation(engine: Engine, from: &ColumnType, to: &ColumnType) -> OperationVerdict {
    let change = format!("{} -> {}", from.engine, to.engine);
    if from.engine == to.engine {
        return OperationVerdict::new(OperationRisk::None, format!("{change}: same type"));
    }
    match engine {
        Engine::Sqlite => OperationVerdict::new(
            OperationRisk::Rebuild,
            format!("{change}: SQLite cannot change a column type; the table is rebuilt"),
        ),
        Engine::Mysql => OperationVerdict::new(OperationRisk::Rewrite, format!("{change}: MODIFY COLUMN copies the table")),
        Engine::Postgres => {
            if postgres_binary_compatible(&from.logical, &to.logical) {
                OperationVerdict::new(OperationRisk::InPlace, format!("{change}: catalog-only, the table is not rewritten"))
            } else {
                OperationVerdict::new(
                    OperationRisk::Rewrite,
                    format!("{change}: Postgres rewrites the table under an ACCESS EXCLUSIVE lock"),
                )
            }
        }
    }
}

/// Whether Postgres changes the type without touching the rows.
fn postgres_binary_compatible(from: &LogicalType, to: &LogicalType) -> bool {
    use LogicalType as L;
    match (from, to) {
        (L::Text { max_len: fl, fixed: false }, L::Text { max_len: tl, fixed: false }) => match (fl, tl) {
            (_, None) => true,
            (Some(f), Some(t)) => f <= t,
            (None, Some(_)) => false,
        },
        (L::Decimal { precision: fp, scale: fs }, L::Decimal { precision: tp, scale: ts }) => match (fp, tp) {
            (_, None) => true,
            (Some(f), Some(t)) => fs == ts && f <= t,
            (None, Some(_)) => false,
        },
        (L::Timestamp { .. }, L::Timestamp { .. }) => true,
        (L::Bytes { .. }, L::Bytes { .. }) => true,
        _ => from == to,
    }
}

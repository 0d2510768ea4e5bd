//! Risk classes of schema differences, on three axes:
//!
//! * **data**: what happens to rows of the source schema (A) when they are stored in the
//!   target schema (B): nothing ([`DataRisk::Safe`]), values lost ([`DataRisk::Loss`]),
//!   values altered or refused ([`DataRisk::Corruption`]), or it depends on intent
//!   ([`DataRisk::Ambiguous`]);
//! * **writes**: whether statements written against A keep working on B;
//! * **operation**: what making B match A costs on B's engine (catalog-only change, table
//!   scan, full table rewrite on Postgres, table rebuild on SQLite).
//!
//! The rules follow what the engines do (the `risk_rules` test applies every type rule to a
//! real Postgres table holding edge values and checks the verdict against the data and the
//! table's relfilenode). Time zone rules assume the session `TimeZone` is `UTC`, which is
//! what diesel and sqlx set on their connections.

mod change;
mod classify;
mod from_parity;
mod operation;
mod type_change;

pub use change::{Change, Side};
pub use classify::classify;
pub use from_parity::{changes_from_parity, Named};
pub use operation::{alter_type_operation, OperationRisk, OperationVerdict};
pub use type_change::type_change_data;

use serde::{Deserialize, Serialize};

/// The data axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataRisk {
    /// Every value of A fits B unchanged.
    Safe,
    /// Values of A have no place in B.
    Loss,
    /// Some values of A change, or are refused, when stored in B.
    Corruption,
    /// Whether data is at risk depends on intent (a column B has and A lacks: dropped on
    /// purpose, renamed, or forgotten).
    Ambiguous,
    /// The difference does not touch data (column order).
    Ignored,
}

/// How corrupted values show up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Corruption {
    /// The engine stores a different value without an error (19.99 becomes 20).
    Altered,
    /// The engine refuses values outside B's range with an error (the copy or the ALTER
    /// fails); in-range values are kept.
    Refused,
    /// Both: values in range are altered, values outside it are refused.
    AlteredAndRefused,
}

/// The data axis verdict with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataVerdict {
    pub risk: DataRisk,
    /// Set for [`DataRisk::Corruption`].
    pub corruption: Option<Corruption>,
    pub reason: String,
}

impl DataVerdict {
    pub fn safe(reason: impl Into<String>) -> DataVerdict {
        DataVerdict { risk: DataRisk::Safe, corruption: None, reason: reason.into() }
    }

    pub fn corrupt(corruption: Corruption, reason: impl Into<String>) -> DataVerdict {
        DataVerdict { risk: DataRisk::Corruption, corruption: Some(corruption), reason: reason.into() }
    }

    pub fn of(risk: DataRisk, reason: impl Into<String>) -> DataVerdict {
        DataVerdict { risk, corruption: None, reason: reason.into() }
    }
}

/// The writes axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WriteRisk {
    /// Writes that work on A work on B.
    Fine,
    /// Writes that A accepts store something else on B (another default).
    Differs,
    /// Some writes that A accepts fail on B.
    Fail,
}

/// The writes axis verdict with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteVerdict {
    pub risk: WriteRisk,
    pub reason: String,
}

impl WriteVerdict {
    pub fn new(risk: WriteRisk, reason: impl Into<String>) -> WriteVerdict {
        WriteVerdict { risk, reason: reason.into() }
    }
}

/// All three axes for one difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    pub data: DataVerdict,
    pub writes: WriteVerdict,
    pub operation: OperationVerdict,
}

//! The cross-engine type language: what a column's type *means*, independent of how one
//! engine spells it, so columns of different engines can be compared.

use serde::{Deserialize, Serialize};

/// The meaning of a column type across engines.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LogicalType {
    /// A signed (or unsigned) integer of `bytes` width.
    Integer { bytes: u8, unsigned: bool },
    /// Exact numeric; `None` precision means unconstrained.
    Decimal { precision: Option<u32>, scale: Option<u32> },
    /// Binary floating point of `bytes` width (4 or 8).
    Float { bytes: u8 },
    /// Character data; `max_len` in characters, `fixed` for blank-padded `char(n)`.
    Text { max_len: Option<u32>, fixed: bool },
    Boolean,
    Date,
    Time { tz: bool },
    Timestamp { tz: bool },
    Interval,
    Uuid,
    Json { binary: bool },
    Bytes { max_len: Option<u32> },
    /// A named enumeration, or an inline one (MySQL) with its labels.
    Enum { name: String, labels: Vec<String> },
    Array { element: Box<LogicalType> },
    /// Anything else, by the engine's type name.
    Other { name: String },
}

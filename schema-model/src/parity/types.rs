//! Whether two columns' types can hold the same values, across engines.
//!
//! Two enforced types are compatible when they mean the same thing ([`LogicalType`]
//! equality: `varchar(100)` and `text` differ, `int4` and `integer` do not). A type the
//! engine does not enforce (SQLite outside STRICT tables) only fixes an affinity, so it is
//! compatible with any type whose values it stores without loss.

use crate::catalog::{ColumnType, LogicalType};

/// Whether `a` and `b` hold the same values.
pub fn compatible(a: &ColumnType, b: &ColumnType) -> bool {
    if a.enforced && b.enforced {
        return same_meaning(&a.logical, &b.logical);
    }
    // At least one side only declares an affinity: the kinds of value must agree.
    match (affinity(&a.logical), affinity(&b.logical)) {
        (Some(x), Some(y)) => x == y || x == Affinity::Any || y == Affinity::Any,
        _ => same_meaning(&a.logical, &b.logical),
    }
}

fn same_meaning(a: &LogicalType, b: &LogicalType) -> bool {
    match (a, b) {
        (LogicalType::Other { name: x }, LogicalType::Other { name: y }) => x.eq_ignore_ascii_case(y),
        (LogicalType::Array { element: x }, LogicalType::Array { element: y }) => same_meaning(x, y),
        _ => a == b,
    }
}

/// The kind of value a loosely typed column stores a type's values as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Affinity {
    Integer,
    Real,
    Numeric,
    Text,
    Blob,
    /// Dates and times: stored as text, or as numbers (unix time, julian day).
    Temporal,
    /// Anything (SQLite's `ANY`, or no declared type).
    Any,
}

fn affinity(t: &LogicalType) -> Option<Affinity> {
    Some(match t {
        LogicalType::Integer { .. } | LogicalType::Boolean => Affinity::Integer,
        LogicalType::Float { .. } => Affinity::Real,
        LogicalType::Decimal { .. } => Affinity::Numeric,
        LogicalType::Text { .. } | LogicalType::Uuid | LogicalType::Json { .. } | LogicalType::Enum { .. } => {
            Affinity::Text
        }
        LogicalType::Bytes { .. } => Affinity::Blob,
        LogicalType::Date | LogicalType::Time { .. } | LogicalType::Timestamp { .. } | LogicalType::Interval => {
            Affinity::Temporal
        }
        LogicalType::Other { name } if name.is_empty() || name.eq_ignore_ascii_case("any") => Affinity::Any,
        LogicalType::Array { .. } | LogicalType::Other { .. } => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(logical: LogicalType, enforced: bool) -> ColumnType {
        ColumnType { engine: String::new(), logical, enforced }
    }

    #[test]
    fn enforced_types_must_mean_the_same() {
        let int4 = LogicalType::Integer { bytes: 4, unsigned: false };
        let int8 = LogicalType::Integer { bytes: 8, unsigned: false };
        assert!(compatible(&t(int4.clone(), true), &t(int4.clone(), true)));
        assert!(!compatible(&t(int4.clone(), true), &t(int8.clone(), true)));
        let money = LogicalType::Decimal { precision: Some(10), scale: Some(2) };
        assert!(!compatible(&t(money, true), &t(int4.clone(), true)));
        let varchar = LogicalType::Text { max_len: Some(100), fixed: false };
        let text = LogicalType::Text { max_len: None, fixed: false };
        assert!(!compatible(&t(varchar, true), &t(text.clone(), true)));
        let citext = LogicalType::Other { name: "citext".into() };
        assert!(compatible(&t(citext.clone(), true), &t(LogicalType::Other { name: "CITEXT".into() }, true)));
        assert!(!compatible(&t(citext, true), &t(text, true)));
    }

    #[test]
    fn affinity_types_compare_by_storage() {
        let int4 = LogicalType::Integer { bytes: 4, unsigned: false };
        let int8 = LogicalType::Integer { bytes: 8, unsigned: false };
        assert!(compatible(&t(int4.clone(), true), &t(int8.clone(), false)));
        assert!(compatible(&t(LogicalType::Boolean, true), &t(int8.clone(), false)));
        assert!(compatible(&t(LogicalType::Uuid, true), &t(LogicalType::Text { max_len: None, fixed: false }, false)));
        assert!(!compatible(&t(LogicalType::Float { bytes: 8 }, true), &t(int8.clone(), false)));
        assert!(!compatible(
            &t(LogicalType::Decimal { precision: Some(10), scale: Some(2) }, true),
            &t(int8.clone(), false)
        ));
        assert!(compatible(&t(LogicalType::Other { name: String::new() }, false), &t(int4, true)));
    }
}

//! SQLite column types: the declared type as SQLite reports it, its type affinity (the five
//! rules of SQLite's datatype documentation, section 3.1), and its meaning in the cross-engine
//! type language.
//!
//! The mapping to [`LogicalType`] follows the declared name when it is one that other engines
//! also use (`VARCHAR(40)`, `BOOLEAN`, `TIMESTAMP`, `UUID`), because that is what the
//! application means by it; any other name falls back to what its affinity stores. SQLite does
//! not enforce a declared type outside STRICT tables, which [`ColumnType::enforced`] records.

use crate::catalog::{ColumnType, LogicalType};

/// SQLite's type affinity of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affinity {
    Integer,
    Text,
    Blob,
    Real,
    Numeric,
}

/// The affinity of a declared type, by the rules of SQLite's datatype documentation, applied
/// in order: `INT` → INTEGER; `CHAR`, `CLOB`, `TEXT` → TEXT; `BLOB` or no type → BLOB;
/// `REAL`, `FLOA`, `DOUB` → REAL; anything else → NUMERIC.
pub fn affinity(declared: &str) -> Affinity {
    let upper = declared.to_ascii_uppercase();
    let has = |s: &str| upper.contains(s);
    if has("INT") {
        Affinity::Integer
    } else if has("CHAR") || has("CLOB") || has("TEXT") {
        Affinity::Text
    } else if has("BLOB") || upper.trim().is_empty() {
        Affinity::Blob
    } else if has("REAL") || has("FLOA") || has("DOUB") {
        Affinity::Real
    } else {
        Affinity::Numeric
    }
}

/// The type names a STRICT table accepts.
pub const STRICT_TYPES: &[&str] = &["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"];

/// SQLite's built-in type names, which it reports in upper case however they were written.
pub const STANDARD_TYPES: &[&str] = &["ANY", "BLOB", "INT", "INTEGER", "REAL", "TEXT"];

/// The column type of a column declared as `declared` (as SQLite reports it).
pub fn column_type(declared: &str, strict: bool) -> ColumnType {
    ColumnType {
        engine: declared.to_string(),
        logical: logical_type(declared),
        enforced: strict,
    }
}

/// The meaning of a declared type in the cross-engine type language.
pub fn logical_type(declared: &str) -> LogicalType {
    let (base, args) = split_arguments(declared);
    let len = args.first().copied();
    let named = match base.as_str() {
        "TINYINT" => Some(LogicalType::Integer {
            bytes: 1,
            unsigned: false,
        }),
        "SMALLINT" | "INT2" | "SMALLSERIAL" => Some(LogicalType::Integer {
            bytes: 2,
            unsigned: false,
        }),
        "MEDIUMINT" => Some(LogicalType::Integer {
            bytes: 3,
            unsigned: false,
        }),
        "INT4" | "SERIAL" | "SERIAL4" => Some(LogicalType::Integer {
            bytes: 4,
            unsigned: false,
        }),
        "INTEGER" | "INT" | "BIGINT" | "INT8" | "INT64" | "BIGSERIAL" | "SERIAL8" => {
            Some(LogicalType::Integer {
                bytes: 8,
                unsigned: false,
            })
        }
        "UNSIGNED BIG INT" | "UNSIGNED INTEGER" | "UNSIGNED INT" => Some(LogicalType::Integer {
            bytes: 8,
            unsigned: true,
        }),
        "BOOLEAN" | "BOOL" => Some(LogicalType::Boolean),
        "REAL" | "DOUBLE" | "DOUBLE PRECISION" | "FLOAT" | "FLOAT8" => {
            Some(LogicalType::Float { bytes: 8 })
        }
        "FLOAT4" => Some(LogicalType::Float { bytes: 4 }),
        "NUMERIC" | "DECIMAL" => Some(LogicalType::Decimal {
            precision: args.first().copied(),
            scale: args.get(1).copied(),
        }),
        "TEXT" | "CLOB" => Some(LogicalType::Text {
            max_len: None,
            fixed: false,
        }),
        "CHAR" | "CHARACTER" | "NCHAR" | "NATIVE CHARACTER" => Some(LogicalType::Text {
            max_len: len.or(Some(1)),
            fixed: true,
        }),
        "VARCHAR" | "NVARCHAR" | "VARYING CHARACTER" | "CHARACTER VARYING" => {
            Some(LogicalType::Text {
                max_len: len,
                fixed: false,
            })
        }
        "BLOB" | "BYTEA" => Some(LogicalType::Bytes { max_len: None }),
        "BINARY" | "VARBINARY" => Some(LogicalType::Bytes { max_len: len }),
        "DATE" => Some(LogicalType::Date),
        "DATETIME" | "TIMESTAMP" | "TIMESTAMP WITHOUT TIME ZONE" => {
            Some(LogicalType::Timestamp { tz: false })
        }
        "TIMESTAMPTZ" | "TIMESTAMP WITH TIME ZONE" => Some(LogicalType::Timestamp { tz: true }),
        "TIME" | "TIME WITHOUT TIME ZONE" => Some(LogicalType::Time { tz: false }),
        "TIMETZ" | "TIME WITH TIME ZONE" => Some(LogicalType::Time { tz: true }),
        "INTERVAL" => Some(LogicalType::Interval),
        "UUID" => Some(LogicalType::Uuid),
        "JSON" => Some(LogicalType::Json { binary: false }),
        "JSONB" => Some(LogicalType::Json { binary: true }),
        "" | "ANY" => Some(LogicalType::Other {
            name: "ANY".to_string(),
        }),
        _ => None,
    };
    named.unwrap_or_else(|| match affinity(declared) {
        Affinity::Integer => LogicalType::Integer {
            bytes: 8,
            unsigned: false,
        },
        Affinity::Text => LogicalType::Text {
            max_len: None,
            fixed: false,
        },
        Affinity::Blob => LogicalType::Bytes { max_len: None },
        Affinity::Real => LogicalType::Float { bytes: 8 },
        Affinity::Numeric => LogicalType::Other {
            name: declared.to_string(),
        },
    })
}

/// Splits `VARCHAR (40)` into (`VARCHAR`, [40]): the upper-cased name with single spaces,
/// and the numeric arguments.
fn split_arguments(declared: &str) -> (String, Vec<u32>) {
    let (name, args) = match declared.split_once('(') {
        Some((name, rest)) => (name, rest.trim_end().trim_end_matches(')')),
        None => (declared, ""),
    };
    let base = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase();
    let args = args
        .split(',')
        .filter_map(|a| a.trim().trim_start_matches('+').parse::<u32>().ok())
        .collect();
    (base, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use LogicalType as L;

    /// Declared type → affinity → logical type, including the examples of SQLite's datatype
    /// documentation (section 3.1.1) and the well-known surprises (`FLOATING POINT` is
    /// INTEGER, `STRING` is NUMERIC).
    #[test]
    fn mapping_table() {
        let text = |max_len, fixed| L::Text { max_len, fixed };
        let rows: Vec<(&str, Affinity, LogicalType)> = vec![
            (
                "INT",
                Affinity::Integer,
                L::Integer {
                    bytes: 8,
                    unsigned: false,
                },
            ),
            (
                "INTEGER",
                Affinity::Integer,
                L::Integer {
                    bytes: 8,
                    unsigned: false,
                },
            ),
            (
                "TINYINT",
                Affinity::Integer,
                L::Integer {
                    bytes: 1,
                    unsigned: false,
                },
            ),
            (
                "SMALLINT",
                Affinity::Integer,
                L::Integer {
                    bytes: 2,
                    unsigned: false,
                },
            ),
            (
                "MEDIUMINT",
                Affinity::Integer,
                L::Integer {
                    bytes: 3,
                    unsigned: false,
                },
            ),
            (
                "BIGINT",
                Affinity::Integer,
                L::Integer {
                    bytes: 8,
                    unsigned: false,
                },
            ),
            (
                "UNSIGNED BIG INT",
                Affinity::Integer,
                L::Integer {
                    bytes: 8,
                    unsigned: true,
                },
            ),
            (
                "INT2",
                Affinity::Integer,
                L::Integer {
                    bytes: 2,
                    unsigned: false,
                },
            ),
            (
                "INT8",
                Affinity::Integer,
                L::Integer {
                    bytes: 8,
                    unsigned: false,
                },
            ),
            (
                "bigserial",
                Affinity::Numeric,
                L::Integer {
                    bytes: 8,
                    unsigned: false,
                },
            ),
            ("CHARACTER(20)", Affinity::Text, text(Some(20), true)),
            ("VARCHAR(255)", Affinity::Text, text(Some(255), false)),
            (
                "VARYING CHARACTER(255)",
                Affinity::Text,
                text(Some(255), false),
            ),
            ("NCHAR(55)", Affinity::Text, text(Some(55), true)),
            ("NATIVE CHARACTER(70)", Affinity::Text, text(Some(70), true)),
            ("NVARCHAR(100)", Affinity::Text, text(Some(100), false)),
            ("CHAR(36)", Affinity::Text, text(Some(36), true)),
            ("TEXT", Affinity::Text, text(None, false)),
            ("CLOB", Affinity::Text, text(None, false)),
            ("BLOB", Affinity::Blob, L::Bytes { max_len: None }),
            ("", Affinity::Blob, L::Other { name: "ANY".into() }),
            ("REAL", Affinity::Real, L::Float { bytes: 8 }),
            ("DOUBLE", Affinity::Real, L::Float { bytes: 8 }),
            ("DOUBLE PRECISION", Affinity::Real, L::Float { bytes: 8 }),
            ("FLOAT", Affinity::Real, L::Float { bytes: 8 }),
            (
                "NUMERIC",
                Affinity::Numeric,
                L::Decimal {
                    precision: None,
                    scale: None,
                },
            ),
            (
                "DECIMAL(10,5)",
                Affinity::Numeric,
                L::Decimal {
                    precision: Some(10),
                    scale: Some(5),
                },
            ),
            ("BOOLEAN", Affinity::Numeric, L::Boolean),
            ("DATE", Affinity::Numeric, L::Date),
            ("DATETIME", Affinity::Numeric, L::Timestamp { tz: false }),
            ("timestamp", Affinity::Numeric, L::Timestamp { tz: false }),
            (
                "timestamp with time zone",
                Affinity::Numeric,
                L::Timestamp { tz: true },
            ),
            ("UUID", Affinity::Numeric, L::Uuid),
            ("JSON", Affinity::Numeric, L::Json { binary: false }),
            (
                "FLOATING POINT",
                Affinity::Integer,
                L::Integer {
                    bytes: 8,
                    unsigned: false,
                },
            ),
            (
                "STRING",
                Affinity::Numeric,
                L::Other {
                    name: "STRING".into(),
                },
            ),
            (
                "my_type",
                Affinity::Numeric,
                L::Other {
                    name: "my_type".into(),
                },
            ),
            ("ANY", Affinity::Numeric, L::Other { name: "ANY".into() }),
        ];
        for (declared, expected_affinity, expected_logical) in rows {
            assert_eq!(
                affinity(declared),
                expected_affinity,
                "affinity of {declared:?}"
            );
            assert_eq!(
                logical_type(declared),
                expected_logical,
                "logical type of {declared:?}"
            );
        }
    }

    #[test]
    fn enforcement_follows_strict() {
        assert!(!column_type("VARCHAR(10)", false).enforced);
        assert!(column_type("TEXT", true).enforced);
        assert_eq!(column_type("varchar( 10 )", false).engine, "varchar( 10 )");
    }
}

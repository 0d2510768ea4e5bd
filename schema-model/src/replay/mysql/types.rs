//! MariaDB column types: how a declared type is spelled by information_schema
//! (`COLUMN_TYPE`, `DATA_TYPE`), whether it stores characters (and so has a character set),
//! and what it means in the cross-engine [`LogicalType`] language.
//!
//! Decisions about meaning:
//! * MariaDB has no boolean type: `BOOLEAN`/`BOOL` is `tinyint(1)`, and `tinyint(1)` is what
//!   every MariaDB client library maps to a boolean, so `tinyint(1)` (signed) is
//!   [`LogicalType::Boolean`]; any other `tinyint` is a 1-byte integer.
//! * `datetime` is a timestamp without time zone; `timestamp` is stored in UTC and shown in the
//!   session time zone, so it is a timestamp *with* time zone.
//! * `json` is an alias of `longtext` with a `json_valid` check; it keeps the meaning JSON.

use crate::catalog::LogicalType;
use sqlparser::ast::{CharacterLength, DataType, EnumMember, ExactNumberInfo};

/// A resolved column type.
#[derive(Debug, Clone, PartialEq)]
pub struct MysqlType {
    /// `COLUMN_TYPE`: `int(11)`, `varchar(40)`, `decimal(10,2) unsigned`.
    pub column_type: String,
    /// `DATA_TYPE`: `int`, `varchar`, `decimal`.
    pub data_type: String,
    pub class: TypeClass,
    pub logical: LogicalType,
}

/// Families of types that share default-value and key rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeClass {
    Integer,
    Decimal { scale: u32 },
    Float,
    Bit,
    /// Character strings (`char`, `varchar`, `*text`); they carry a character set.
    Text,
    /// `json`: a `longtext` in `utf8mb4_bin` with a `json_valid` check.
    Json,
    /// `enum` and `set`: character columns restricted to labels.
    Labels,
    Binary,
    Date,
    Time,
    DateTime,
    Timestamp,
    Year,
    Uuid,
}

impl TypeClass {
    /// Whether the column has a character set and collation.
    pub fn has_charset(self) -> bool {
        matches!(self, TypeClass::Text | TypeClass::Json | TypeClass::Labels)
    }

    /// Whether `CURRENT_TIMESTAMP` is a valid default.
    pub fn takes_current_timestamp(self) -> bool {
        matches!(self, TypeClass::DateTime | TypeClass::Timestamp)
    }
}

/// One integer type: name, width in bytes, display width signed and unsigned.
struct IntegerRow {
    name: &'static str,
    bytes: u8,
    signed_width: u64,
    unsigned_width: u64,
}

const INTEGERS: &[IntegerRow] = &[
    IntegerRow { name: "tinyint", bytes: 1, signed_width: 4, unsigned_width: 3 },
    IntegerRow { name: "smallint", bytes: 2, signed_width: 6, unsigned_width: 5 },
    IntegerRow { name: "mediumint", bytes: 3, signed_width: 9, unsigned_width: 8 },
    IntegerRow { name: "int", bytes: 4, signed_width: 11, unsigned_width: 10 },
    IntegerRow { name: "bigint", bytes: 8, signed_width: 20, unsigned_width: 20 },
];

/// Resolves a declared type, or says why MariaDB would not accept it / it is not modelled.
pub fn resolve(data_type: &DataType) -> Result<MysqlType, String> {
    use DataType as D;
    Ok(match data_type {
        D::TinyInt(w) => integer("tinyint", *w, false),
        D::TinyIntUnsigned(w) => integer("tinyint", *w, true),
        D::SmallInt(w) | D::Int2(w) => integer("smallint", *w, false),
        D::SmallIntUnsigned(w) | D::Int2Unsigned(w) => integer("smallint", *w, true),
        D::MediumInt(w) => integer("mediumint", *w, false),
        D::MediumIntUnsigned(w) => integer("mediumint", *w, true),
        D::Int(w) | D::Integer(w) | D::Int4(w) => integer("int", *w, false),
        D::IntUnsigned(w) | D::IntegerUnsigned(w) | D::Int4Unsigned(w) => integer("int", *w, true),
        D::BigInt(w) | D::Int8(w) => integer("bigint", *w, false),
        D::BigIntUnsigned(w) | D::Int8Unsigned(w) => integer("bigint", *w, true),
        D::Bool | D::Boolean => integer("tinyint", Some(1), false),
        D::Decimal(info) | D::Numeric(info) | D::Dec(info) => decimal(info, false)?,
        D::DecimalUnsigned(info) | D::DecUnsigned(info) => decimal(info, true)?,
        D::Float(info) => float(info, false),
        D::FloatUnsigned(info) => float(info, true),
        D::Double(info) => double(info, false),
        D::DoubleUnsigned(info) => double(info, true),
        D::DoublePrecision | D::Real => double(&ExactNumberInfo::None, false),
        D::DoublePrecisionUnsigned | D::RealUnsigned => double(&ExactNumberInfo::None, true),
        D::Char(len) | D::Character(len) => {
            let n = char_length(len, 1)?;
            text(format!("char({n})"), "char", Some(n), true)
        }
        D::Varchar(len) | D::CharacterVarying(len) | D::CharVarying(len) | D::Nvarchar(len) => {
            let Some(len) = len else {
                return Err("VARCHAR needs a length".to_string());
            };
            let n = char_length(&Some(*len), 0)?;
            text(format!("varchar({n})"), "varchar", Some(n), false)
        }
        D::Text => text("text".into(), "text", None, false),
        D::TinyText => text("tinytext".into(), "tinytext", None, false),
        D::MediumText => text("mediumtext".into(), "mediumtext", None, false),
        D::LongText => text("longtext".into(), "longtext", None, false),
        D::Blob(None) => binary("blob".into(), "blob", None),
        D::TinyBlob => binary("tinyblob".into(), "tinyblob", None),
        D::MediumBlob => binary("mediumblob".into(), "mediumblob", None),
        D::LongBlob => binary("longblob".into(), "longblob", None),
        D::Binary(n) => {
            let n = n.unwrap_or(1);
            binary(format!("binary({n})"), "binary", Some(n as u32))
        }
        D::Varbinary(Some(sqlparser::ast::BinaryLength::IntegerLength { length })) => {
            binary(format!("varbinary({length})"), "varbinary", Some(*length as u32))
        }
        D::Date => simple("date", TypeClass::Date, LogicalType::Date),
        D::Time(precision, _) => temporal("time", *precision, TypeClass::Time, LogicalType::Time { tz: false }),
        D::Datetime(precision) => temporal(
            "datetime",
            *precision,
            TypeClass::DateTime,
            LogicalType::Timestamp { tz: false },
        ),
        D::Timestamp(precision, _) => temporal(
            "timestamp",
            *precision,
            TypeClass::Timestamp,
            LogicalType::Timestamp { tz: true },
        ),
        D::JSON => MysqlType {
            column_type: "longtext".into(),
            data_type: "longtext".into(),
            class: TypeClass::Json,
            logical: LogicalType::Json { binary: false },
        },
        D::Enum(members, _) => {
            let labels = enum_labels(members)?;
            MysqlType {
                column_type: format!("enum({})", quoted_list(&labels)),
                data_type: "enum".into(),
                class: TypeClass::Labels,
                logical: LogicalType::Enum { name: String::new(), labels },
            }
        }
        D::Set(labels) => MysqlType {
            column_type: format!("set({})", quoted_list(labels)),
            data_type: "set".into(),
            class: TypeClass::Labels,
            logical: LogicalType::Other { name: "set".into() },
        },
        D::Bit(n) => {
            let n = n.unwrap_or(1);
            MysqlType {
                column_type: format!("bit({n})"),
                data_type: "bit".into(),
                class: TypeClass::Bit,
                logical: LogicalType::Other { name: "bit".into() },
            }
        }
        D::Uuid => simple("uuid", TypeClass::Uuid, LogicalType::Uuid),
        D::Custom(name, args) if args.is_empty() && name.to_string().eq_ignore_ascii_case("year") => {
            MysqlType {
                column_type: "year(4)".into(),
                data_type: "year".into(),
                class: TypeClass::Year,
                logical: LogicalType::Other { name: "year".into() },
            }
        }
        other => return Err(format!("column type {other} is not modelled for MariaDB")),
    })
}

fn integer(name: &str, width: Option<u64>, unsigned: bool) -> MysqlType {
    let row = INTEGERS.iter().find(|r| r.name == name).expect("integer table has every name");
    let width = width.unwrap_or(if unsigned { row.unsigned_width } else { row.signed_width });
    let logical = if name == "tinyint" && width == 1 && !unsigned {
        LogicalType::Boolean
    } else {
        LogicalType::Integer { bytes: row.bytes, unsigned }
    };
    MysqlType {
        column_type: format!("{name}({width}){}", if unsigned { " unsigned" } else { "" }),
        data_type: name.to_string(),
        class: TypeClass::Integer,
        logical,
    }
}

fn unsigned_suffix(unsigned: bool) -> &'static str {
    if unsigned {
        " unsigned"
    } else {
        ""
    }
}

fn decimal(info: &ExactNumberInfo, unsigned: bool) -> Result<MysqlType, String> {
    let (precision, scale) = match info {
        ExactNumberInfo::None => (10, 0),
        ExactNumberInfo::Precision(p) => (*p, 0),
        ExactNumberInfo::PrecisionAndScale(p, s) => (*p, *s),
    };
    if precision > 65 {
        return Err("Too big precision specified for 'decimal'. Maximum is 65".to_string());
    }
    let scale = u32::try_from(scale).map_err(|_| "negative scale".to_string())?;
    Ok(MysqlType {
        column_type: format!("decimal({precision},{scale}){}", unsigned_suffix(unsigned)),
        data_type: "decimal".into(),
        class: TypeClass::Decimal { scale },
        logical: LogicalType::Decimal { precision: Some(precision as u32), scale: Some(scale) },
    })
}

fn float(info: &ExactNumberInfo, unsigned: bool) -> MysqlType {
    match info {
        ExactNumberInfo::Precision(p) if *p > 24 => double(&ExactNumberInfo::None, unsigned),
        ExactNumberInfo::PrecisionAndScale(p, s) => floating("float", format!("float({p},{s})"), 4, unsigned),
        _ => floating("float", "float".into(), 4, unsigned),
    }
}

fn double(info: &ExactNumberInfo, unsigned: bool) -> MysqlType {
    match info {
        ExactNumberInfo::PrecisionAndScale(p, s) => {
            floating("double", format!("double({p},{s})"), 8, unsigned)
        }
        _ => floating("double", "double".into(), 8, unsigned),
    }
}

fn floating(name: &str, spelled: String, bytes: u8, unsigned: bool) -> MysqlType {
    MysqlType {
        column_type: format!("{spelled}{}", unsigned_suffix(unsigned)),
        data_type: name.into(),
        class: TypeClass::Float,
        logical: LogicalType::Float { bytes },
    }
}

fn char_length(len: &Option<CharacterLength>, default: u64) -> Result<u64, String> {
    match len {
        None => Ok(default),
        Some(CharacterLength::IntegerLength { length, .. }) => Ok(*length),
        Some(CharacterLength::Max) => Err("character length MAX is not MariaDB syntax".into()),
    }
}

fn text(column_type: String, data_type: &str, max_len: Option<u64>, fixed: bool) -> MysqlType {
    MysqlType {
        column_type,
        data_type: data_type.into(),
        class: TypeClass::Text,
        logical: LogicalType::Text { max_len: max_len.map(|n| n as u32), fixed },
    }
}

fn binary(column_type: String, data_type: &str, max_len: Option<u32>) -> MysqlType {
    MysqlType {
        column_type,
        data_type: data_type.into(),
        class: TypeClass::Binary,
        logical: LogicalType::Bytes { max_len },
    }
}

fn simple(name: &str, class: TypeClass, logical: LogicalType) -> MysqlType {
    MysqlType { column_type: name.into(), data_type: name.into(), class, logical }
}

fn temporal(name: &str, precision: Option<u64>, class: TypeClass, logical: LogicalType) -> MysqlType {
    let column_type = match precision {
        Some(p) if p > 0 => format!("{name}({p})"),
        _ => name.to_string(),
    };
    MysqlType { column_type, data_type: name.into(), class, logical }
}

fn enum_labels(members: &[EnumMember]) -> Result<Vec<String>, String> {
    members
        .iter()
        .map(|m| match m {
            EnumMember::Name(name) => Ok(name.clone()),
            EnumMember::NamedValue(name, _) => Err(format!("ENUM member with a value ({name} = ...) is not MariaDB syntax")),
        })
        .collect()
}

/// `'a','b'`: labels as information_schema lists them (no space after the comma).
fn quoted_list(labels: &[String]) -> String {
    labels.iter().map(|l| format!("'{}'", l.replace('\'', "''"))).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::ast::Statement;
    use sqlparser::dialect::MySqlDialect;
    use sqlparser::parser::Parser;

    fn declared(sql_type: &str) -> DataType {
        let sql = format!("CREATE TABLE t (c {sql_type})");
        match Parser::parse_sql(&MySqlDialect {}, &sql).expect("parses").remove(0) {
            Statement::CreateTable(create) => create.columns[0].data_type.clone(),
            other => panic!("not a CREATE TABLE: {other}"),
        }
    }

    /// The MariaDB side of the type mapping: declared type, `COLUMN_TYPE`, `DATA_TYPE`,
    /// logical type. `COLUMN_TYPE`/`DATA_TYPE` values were read from MariaDB 10.11.
    #[test]
    fn type_mapping_table() {
        use LogicalType as L;
        let int = |bytes, unsigned| L::Integer { bytes, unsigned };
        let rows: Vec<(&str, &str, &str, LogicalType)> = vec![
            ("BOOLEAN", "tinyint(1)", "tinyint", L::Boolean),
            ("BOOL", "tinyint(1)", "tinyint", L::Boolean),
            ("TINYINT(1)", "tinyint(1)", "tinyint", L::Boolean),
            ("TINYINT", "tinyint(4)", "tinyint", int(1, false)),
            ("TINYINT UNSIGNED", "tinyint(3) unsigned", "tinyint", int(1, true)),
            ("SMALLINT", "smallint(6)", "smallint", int(2, false)),
            ("SMALLINT UNSIGNED", "smallint(5) unsigned", "smallint", int(2, true)),
            ("MEDIUMINT", "mediumint(9)", "mediumint", int(3, false)),
            ("MEDIUMINT UNSIGNED", "mediumint(8) unsigned", "mediumint", int(3, true)),
            ("INTEGER", "int(11)", "int", int(4, false)),
            ("INT", "int(11)", "int", int(4, false)),
            ("INT(5)", "int(5)", "int", int(4, false)),
            ("INT UNSIGNED", "int(10) unsigned", "int", int(4, true)),
            ("INT(11) UNSIGNED", "int(11) unsigned", "int", int(4, true)),
            ("BIGINT", "bigint(20)", "bigint", int(8, false)),
            ("BIGINT UNSIGNED", "bigint(20) unsigned", "bigint", int(8, true)),
            ("DECIMAL", "decimal(10,0)", "decimal", L::Decimal { precision: Some(10), scale: Some(0) }),
            ("DECIMAL(5)", "decimal(5,0)", "decimal", L::Decimal { precision: Some(5), scale: Some(0) }),
            ("NUMERIC(7,2)", "decimal(7,2)", "decimal", L::Decimal { precision: Some(7), scale: Some(2) }),
            ("FLOAT", "float", "float", L::Float { bytes: 4 }),
            ("FLOAT(10,2)", "float(10,2)", "float", L::Float { bytes: 4 }),
            ("DOUBLE", "double", "double", L::Float { bytes: 8 }),
            ("DOUBLE(10,2)", "double(10,2)", "double", L::Float { bytes: 8 }),
            ("REAL", "double", "double", L::Float { bytes: 8 }),
            ("DOUBLE PRECISION", "double", "double", L::Float { bytes: 8 }),
            ("CHAR", "char(1)", "char", L::Text { max_len: Some(1), fixed: true }),
            ("CHAR(36)", "char(36)", "char", L::Text { max_len: Some(36), fixed: true }),
            ("VARCHAR(255)", "varchar(255)", "varchar", L::Text { max_len: Some(255), fixed: false }),
            ("TEXT", "text", "text", L::Text { max_len: None, fixed: false }),
            ("TINYTEXT", "tinytext", "tinytext", L::Text { max_len: None, fixed: false }),
            ("MEDIUMTEXT", "mediumtext", "mediumtext", L::Text { max_len: None, fixed: false }),
            ("LONGTEXT", "longtext", "longtext", L::Text { max_len: None, fixed: false }),
            ("BLOB", "blob", "blob", L::Bytes { max_len: None }),
            ("TINYBLOB", "tinyblob", "tinyblob", L::Bytes { max_len: None }),
            ("MEDIUMBLOB", "mediumblob", "mediumblob", L::Bytes { max_len: None }),
            ("LONGBLOB", "longblob", "longblob", L::Bytes { max_len: None }),
            ("BINARY(16)", "binary(16)", "binary", L::Bytes { max_len: Some(16) }),
            ("VARBINARY(20)", "varbinary(20)", "varbinary", L::Bytes { max_len: Some(20) }),
            ("DATE", "date", "date", L::Date),
            ("TIME", "time", "time", L::Time { tz: false }),
            ("TIME(3)", "time(3)", "time", L::Time { tz: false }),
            ("DATETIME", "datetime", "datetime", L::Timestamp { tz: false }),
            ("DATETIME(6)", "datetime(6)", "datetime", L::Timestamp { tz: false }),
            ("TIMESTAMP", "timestamp", "timestamp", L::Timestamp { tz: true }),
            ("YEAR", "year(4)", "year", L::Other { name: "year".into() }),
            ("JSON", "longtext", "longtext", L::Json { binary: false }),
            (
                "ENUM('a','b')",
                "enum('a','b')",
                "enum",
                L::Enum { name: String::new(), labels: vec!["a".into(), "b".into()] },
            ),
            ("SET('x','y')", "set('x','y')", "set", L::Other { name: "set".into() }),
            ("BIT", "bit(1)", "bit", L::Other { name: "bit".into() }),
            ("BIT(8)", "bit(8)", "bit", L::Other { name: "bit".into() }),
            ("UUID", "uuid", "uuid", L::Uuid),
        ];
        for (sql_type, column_type, data_type, logical) in rows {
            let resolved = resolve(&declared(sql_type)).unwrap_or_else(|e| panic!("{sql_type}: {e}"));
            assert_eq!(resolved.column_type, column_type, "{sql_type}");
            assert_eq!(resolved.data_type, data_type, "{sql_type}");
            assert_eq!(resolved.logical, logical, "{sql_type}");
        }
    }

    #[test]
    fn unmodelled_types_are_errors() {
        assert!(resolve(&declared("POINT")).is_err());
        assert!(resolve(&declared("DECIMAL(70,2)")).is_err());
    }
}

//! What a field's Rust type can hold, and whether that fits a column's type.
//!
//! Only types this module recognises are checked: integers by width, floats, `bool`,
//! strings, byte vectors, arrays, and (behind the `uuid`, `chrono`, `time` and `json`
//! features) those crates' types, matched by path. Any other type (a newtype, a custom
//! enum, a decimal) is accepted, since its database mapping is not known here.

use schema_model::catalog::{ColumnType, Engine, LogicalType};
use syn::{GenericArgument, PathArguments, Type};

/// The recognised meaning of a Rust type. The variants of the optional crates' types are
/// only built when their feature is on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(all(feature = "uuid", feature = "chrono", feature = "time", feature = "json")), allow(dead_code))]
pub enum RustKind {
    Int { bytes: u8, signed: bool },
    Float { bytes: u8 },
    Bool,
    String,
    Bytes,
    Uuid,
    /// A point in time with a time zone or offset.
    TimestampTz,
    /// A date and time without zone.
    Timestamp,
    Date,
    Time,
    Json,
    Array(Box<RustKind>),
    /// Not recognised: not checked.
    Unknown,
}

/// A field's type: whether it is an `Option`, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldType {
    pub optional: bool,
    pub kind: RustKind,
}

/// Classifies `ty`.
pub fn field_type(ty: &Type) -> FieldType {
    match option_inner(ty) {
        Some(inner) => FieldType { optional: true, kind: kind(inner) },
        None => FieldType { optional: false, kind: kind(ty) },
    }
}

/// `T` of `Option<T>` (also `std::option::Option<T>`).
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    single_argument(&last.arguments)
}

fn single_argument(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else { return None };
    let mut types = args.args.iter().filter_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    });
    let first = types.next()?;
    types.next().is_none().then_some(first)
}

fn kind(ty: &Type) -> RustKind {
    match ty {
        Type::Reference(r) => match &*r.elem {
            Type::Path(p) if p.path.is_ident("str") => RustKind::String,
            Type::Slice(s) if is_u8(&s.elem) => RustKind::Bytes,
            _ => RustKind::Unknown,
        },
        Type::Group(g) => kind(&g.elem),
        Type::Paren(p) => kind(&p.elem),
        Type::Path(p) if p.qself.is_none() => path_kind(&p.path),
        _ => RustKind::Unknown,
    }
}

fn is_u8(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.path.is_ident("u8"))
}

/// The segments of a path as strings (`chrono::DateTime` -> ["chrono", "DateTime"]).
fn segments(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}

fn path_kind(path: &syn::Path) -> RustKind {
    let Some(last) = path.segments.last() else { return RustKind::Unknown };
    let names = segments(path);
    let prefix: Vec<&str> = names[..names.len() - 1].iter().map(String::as_str).collect();
    let name = last.ident.to_string();
    let std_path = prefix.is_empty() || matches!(prefix.first(), Some(&"std" | &"alloc" | &"core"));
    if std_path {
        let std_kind = match name.as_str() {
            "i8" => Some(RustKind::Int { bytes: 1, signed: true }),
            "i16" => Some(RustKind::Int { bytes: 2, signed: true }),
            "i32" => Some(RustKind::Int { bytes: 4, signed: true }),
            "i64" => Some(RustKind::Int { bytes: 8, signed: true }),
            "u8" => Some(RustKind::Int { bytes: 1, signed: false }),
            "u16" => Some(RustKind::Int { bytes: 2, signed: false }),
            "u32" => Some(RustKind::Int { bytes: 4, signed: false }),
            "u64" => Some(RustKind::Int { bytes: 8, signed: false }),
            "f32" => Some(RustKind::Float { bytes: 4 }),
            "f64" => Some(RustKind::Float { bytes: 8 }),
            "bool" => Some(RustKind::Bool),
            "String" => Some(RustKind::String),
            "Box" | "Rc" | "Arc" | "Cow" => match last_type_argument(&last.arguments) {
                Some(Type::Path(p)) if p.path.is_ident("str") => Some(RustKind::String),
                Some(Type::Slice(s)) if is_u8(&s.elem) => Some(RustKind::Bytes),
                _ => None,
            },
            "Vec" => match single_argument(&last.arguments) {
                Some(inner) if is_u8(inner) => Some(RustKind::Bytes),
                Some(inner) => match kind(inner) {
                    RustKind::Unknown => None,
                    element => Some(RustKind::Array(Box::new(element))),
                },
                None => None,
            },
            _ => None,
        };
        if let Some(kind) = std_kind {
            return kind;
        }
    }
    feature_kind(&prefix, &name, &last.arguments).unwrap_or(RustKind::Unknown)
}

/// The last type argument (`Cow<'a, str>` -> `str`).
fn last_type_argument(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else { return None };
    args.args.iter().rev().find_map(|a| match a {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// Types of the optional crates, by path: `Uuid`/`uuid::Uuid`, `DateTime<Utc>`,
/// `chrono::NaiveDateTime`, `time::OffsetDateTime`, `serde_json::Value`, ...
#[allow(unused_variables)]
fn feature_kind(prefix: &[&str], name: &str, arguments: &PathArguments) -> Option<RustKind> {
    let from = |krate: &str| prefix.is_empty() || prefix.first() == Some(&krate);
    #[cfg(feature = "uuid")]
    if name == "Uuid" && (from("uuid") || from("sqlx")) {
        return Some(RustKind::Uuid);
    }
    #[cfg(feature = "chrono")]
    if from("chrono") || from("sqlx") {
        match name {
            "DateTime" => return Some(RustKind::TimestampTz),
            "NaiveDateTime" => return Some(RustKind::Timestamp),
            "NaiveDate" => return Some(RustKind::Date),
            "NaiveTime" => return Some(RustKind::Time),
            _ => {}
        }
    }
    #[cfg(feature = "time")]
    {
        // `Date` and `Time` alone are too common a name; they count only as `time::Date`.
        let qualified = prefix.first() == Some(&"time");
        match name {
            "OffsetDateTime" if from("time") => return Some(RustKind::TimestampTz),
            "PrimitiveDateTime" if from("time") => return Some(RustKind::Timestamp),
            "Date" if qualified => return Some(RustKind::Date),
            "Time" if qualified => return Some(RustKind::Time),
            _ => {}
        }
    }
    #[cfg(feature = "json")]
    {
        if name == "Value" && prefix.first() == Some(&"serde_json") || name == "JsonValue" {
            return Some(RustKind::Json);
        }
        if name == "Json" && single_argument(arguments).is_some() {
            return Some(RustKind::Json);
        }
    }
    None
}

/// Whether a value of `kind` can be read from and written to a column of type `column`
/// on `engine`.
pub fn fits(kind: &RustKind, column: &ColumnType, engine: Engine) -> bool {
    let logical = &column.logical;
    if matches!(kind, RustKind::Unknown) || matches!(logical, LogicalType::Other { .. }) {
        return true;
    }
    if !column.enforced && fits_affinity(kind, logical) {
        return true;
    }
    match (kind, logical) {
        (RustKind::Int { bytes, signed }, LogicalType::Integer { bytes: b, unsigned }) => {
            // A 3-byte integer (MySQL `mediumint`) is read into the next wider Rust integer.
            let width = if *b == 3 { 4 } else { *b };
            *bytes == width && *signed != *unsigned
        }
        (RustKind::Float { bytes }, LogicalType::Float { bytes: b }) => bytes == b,
        (RustKind::Bool, LogicalType::Boolean) => true,
        // MySQL spells booleans `tinyint(1)`.
        (RustKind::Bool, LogicalType::Integer { bytes: 1, .. }) => engine == Engine::Mysql,
        (RustKind::String, LogicalType::Text { .. } | LogicalType::Enum { .. }) => true,
        (RustKind::Bytes, LogicalType::Bytes { .. }) => true,
        (RustKind::Uuid, LogicalType::Uuid) => true,
        // Engines without a uuid type store it as char(36) or binary(16).
        (RustKind::Uuid, LogicalType::Text { .. } | LogicalType::Bytes { .. }) => engine != Engine::Postgres,
        (RustKind::TimestampTz, LogicalType::Timestamp { tz }) => *tz,
        (RustKind::Timestamp, LogicalType::Timestamp { tz }) => !*tz,
        (RustKind::Date, LogicalType::Date) => true,
        (RustKind::Time, LogicalType::Time { tz: false }) => true,
        (RustKind::Json, LogicalType::Json { .. }) => true,
        (RustKind::Array(element), LogicalType::Array { element: e }) => {
            fits(element, &ColumnType { engine: String::new(), logical: (**e).clone(), enforced: column.enforced }, engine)
        }
        _ => false,
    }
}

/// Values a loosely typed column (SQLite outside STRICT tables) stores without loss.
fn fits_affinity(kind: &RustKind, logical: &LogicalType) -> bool {
    use LogicalType as L;
    let integer = matches!(logical, L::Integer { .. } | L::Boolean);
    let text = matches!(logical, L::Text { .. } | L::Uuid | L::Json { .. } | L::Enum { .. });
    let temporal = matches!(logical, L::Date | L::Time { .. } | L::Timestamp { .. } | L::Interval);
    match kind {
        RustKind::Int { .. } | RustKind::Bool => integer,
        RustKind::Float { .. } => matches!(logical, L::Float { .. } | L::Decimal { .. }),
        RustKind::String | RustKind::Json => text || temporal,
        RustKind::Uuid => text || matches!(logical, L::Bytes { .. }),
        RustKind::TimestampTz | RustKind::Timestamp | RustKind::Date | RustKind::Time => {
            temporal || text || integer || matches!(logical, L::Float { .. })
        }
        RustKind::Bytes | RustKind::Array(_) | RustKind::Unknown => false,
    }
}

/// A Rust type that fits `logical`, for `help: use ...`.
pub fn suggestion(logical: &LogicalType) -> Option<String> {
    Some(match logical {
        LogicalType::Integer { bytes, unsigned } => {
            let width = (*bytes as u32 * 8).next_power_of_two().max(8);
            format!("{}{width}", if *unsigned { "u" } else { "i" })
        }
        LogicalType::Float { bytes: 4 } => "f32".into(),
        LogicalType::Float { .. } => "f64".into(),
        LogicalType::Text { .. } | LogicalType::Enum { .. } => "String".into(),
        LogicalType::Boolean => "bool".into(),
        LogicalType::Bytes { .. } => "Vec<u8>".into(),
        LogicalType::Uuid => "uuid::Uuid".into(),
        LogicalType::Timestamp { tz: true } => "chrono::DateTime<chrono::Utc>".into(),
        LogicalType::Timestamp { tz: false } => "chrono::NaiveDateTime".into(),
        LogicalType::Date => "chrono::NaiveDate".into(),
        LogicalType::Time { .. } => "chrono::NaiveTime".into(),
        LogicalType::Json { .. } => "serde_json::Value".into(),
        LogicalType::Decimal { .. } => "a decimal type such as rust_decimal::Decimal".into(),
        LogicalType::Array { element } => format!("Vec<{}>", suggestion(element)?),
        LogicalType::Interval | LogicalType::Other { .. } => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(text: &str) -> FieldType {
        field_type(&syn::parse_str::<Type>(text).unwrap())
    }

    fn col(logical: LogicalType) -> ColumnType {
        ColumnType { engine: String::new(), logical, enforced: true }
    }

    #[test]
    fn classification() {
        assert_eq!(classify("Option<i64>"), FieldType { optional: true, kind: RustKind::Int { bytes: 8, signed: true } });
        assert_eq!(classify("std::option::Option<String>").kind, RustKind::String);
        assert_eq!(classify("&'a str").kind, RustKind::String);
        assert_eq!(classify("Cow<'a, str>").kind, RustKind::String);
        assert_eq!(classify("Vec<u8>").kind, RustKind::Bytes);
        assert_eq!(classify("&[u8]").kind, RustKind::Bytes);
        assert_eq!(classify("Vec<i32>").kind, RustKind::Array(Box::new(RustKind::Int { bytes: 4, signed: true })));
        assert_eq!(classify("Vec<MyType>").kind, RustKind::Unknown);
        assert_eq!(classify("my::i32").kind, RustKind::Unknown);
        assert_eq!(classify("Status").kind, RustKind::Unknown);
    }

    #[cfg(all(feature = "uuid", feature = "chrono", feature = "time", feature = "json"))]
    #[test]
    fn feature_types() {
        assert_eq!(classify("uuid::Uuid").kind, RustKind::Uuid);
        assert_eq!(classify("Uuid").kind, RustKind::Uuid);
        assert_eq!(classify("chrono::DateTime<chrono::Utc>").kind, RustKind::TimestampTz);
        assert_eq!(classify("NaiveDateTime").kind, RustKind::Timestamp);
        assert_eq!(classify("time::OffsetDateTime").kind, RustKind::TimestampTz);
        assert_eq!(classify("time::Date").kind, RustKind::Date);
        assert_eq!(classify("Date").kind, RustKind::Unknown);
        assert_eq!(classify("serde_json::Value").kind, RustKind::Json);
        assert_eq!(classify("other::Value").kind, RustKind::Unknown);
        assert!(fits(&RustKind::TimestampTz, &col(LogicalType::Timestamp { tz: true }), Engine::Postgres));
        assert!(!fits(&RustKind::Timestamp, &col(LogicalType::Timestamp { tz: true }), Engine::Postgres));
    }

    #[test]
    fn fitting() {
        let int4 = col(LogicalType::Integer { bytes: 4, unsigned: false });
        assert!(fits(&RustKind::Int { bytes: 4, signed: true }, &int4, Engine::Postgres));
        assert!(!fits(&RustKind::Int { bytes: 8, signed: true }, &int4, Engine::Postgres));
        assert!(!fits(&RustKind::Int { bytes: 4, signed: false }, &int4, Engine::Postgres));
        let money = col(LogicalType::Decimal { precision: Some(10), scale: Some(2) });
        assert!(!fits(&RustKind::Float { bytes: 8 }, &money, Engine::Postgres));
        assert!(fits(&RustKind::Unknown, &money, Engine::Postgres));
        let mut sqlite_int = col(LogicalType::Integer { bytes: 8, unsigned: false });
        sqlite_int.enforced = false;
        assert!(fits(&RustKind::Int { bytes: 4, signed: true }, &sqlite_int, Engine::Sqlite));
        assert!(fits(&RustKind::Bool, &sqlite_int, Engine::Sqlite));
        assert!(!fits(&RustKind::String, &sqlite_int, Engine::Sqlite));
        let tinyint1 = col(LogicalType::Integer { bytes: 1, unsigned: false });
        assert!(fits(&RustKind::Bool, &tinyint1, Engine::Mysql));
        assert!(!fits(&RustKind::Bool, &tinyint1, Engine::Postgres));
        let ints = col(LogicalType::Array { element: Box::new(LogicalType::Integer { bytes: 4, unsigned: false }) });
        assert!(fits(&RustKind::Array(Box::new(RustKind::Int { bytes: 4, signed: true })), &ints, Engine::Postgres));
        assert!(!fits(&RustKind::Array(Box::new(RustKind::String)), &ints, Engine::Postgres));
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggestion(&LogicalType::Integer { bytes: 2, unsigned: false }).as_deref(), Some("i16"));
        assert_eq!(suggestion(&LogicalType::Integer { bytes: 3, unsigned: true }).as_deref(), Some("u32"));
        assert_eq!(suggestion(&LogicalType::Integer { bytes: 8, unsigned: false }).as_deref(), Some("i64"));
        assert_eq!(suggestion(&LogicalType::Interval), None);
    }
}

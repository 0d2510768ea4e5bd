//! Postgres types: resolving a type as written in SQL (`varchar(255)`, `int4`, `serial`,
//! `timestamptz`, a user enum) to the type Postgres stores, printing it as `format_type`
//! does, and its cross-engine [`LogicalType`].

use super::names::quote_ident;
use super::state::PgState;
use crate::catalog::LogicalType;
use sqlparser::ast::{
    ArrayElemTypeDef, CharacterLength, DataType, ExactNumberInfo, ObjectName as SqlName,
    TimezoneInfo,
};

/// A type as Postgres stores it for a column: base type, type modifiers, array-ness.
/// Postgres does not keep array dimensions, so `int[][]` is `integer[]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgType {
    /// Schema of a user-defined type; `None` for built-in (`pg_catalog`) types.
    pub schema: Option<String>,
    /// Canonical name: `character varying`, `timestamp with time zone`, `integer`, `ltree`.
    pub name: String,
    /// Type modifiers: `(255)`, `(10,2)`, the precision of `timestamp(3)`.
    pub mods: Vec<u32>,
    pub array: bool,
}

/// How a type groups for implicit-cast resolution (Postgres's `typcategory`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Numeric,
    String,
    Boolean,
    DateTime,
    Timespan,
    Array,
    Enum,
    Unknown,
    Other,
}

/// `serial`, `bigserial`, `smallserial`: an integer column with an owned sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Serial;

impl PgType {
    /// A built-in type without modifiers.
    pub fn builtin(name: &str) -> PgType {
        PgType { schema: None, name: name.to_string(), mods: Vec::new(), array: false }
    }

    /// The type `unknown` of an undecorated string literal.
    pub fn unknown() -> PgType {
        PgType::builtin("unknown")
    }

    pub fn array_of(mut self) -> PgType {
        self.array = true;
        self
    }

    /// The element type of an array type (the type itself otherwise).
    pub fn element(&self) -> PgType {
        PgType { array: false, ..self.clone() }
    }

    /// The same type without modifiers (what expressions over a column produce).
    pub fn without_mods(&self) -> PgType {
        PgType { mods: Vec::new(), ..self.clone() }
    }

    pub fn is(&self, name: &str) -> bool {
        self.schema.is_none() && !self.array && self.name == name
    }

    /// The type as `format_type(type, typmod)` prints it.
    pub fn format(&self) -> String {
        let mut out = match &self.schema {
            Some(schema) if schema != "public" => format!("{}.{}", quote_ident(schema), quote_ident(&self.name)),
            Some(_) => quote_ident(&self.name),
            // `format_type(bpchar, -1)`: blank-padded char without a length
            None if self.name == "character" && self.mods.is_empty() => "bpchar".to_string(),
            None => self.name.clone(),
        };
        if !self.mods.is_empty() {
            let mods = format!(
                "({})",
                self.mods.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
            );
            match out.split_once(' ').filter(|(head, _)| *head == "timestamp" || *head == "time") {
                Some((head, tail)) => out = format!("{head}{mods} {tail}"),
                None => out.push_str(&mods),
            }
        }
        if self.array {
            out.push_str("[]");
        }
        out
    }

    /// Parses a type as `format_type` printed it (the form stored in the catalog).
    pub fn parse_formatted(text: &str) -> PgType {
        let (text, array) = match text.strip_suffix("[]") {
            Some(t) => (t, true),
            None => (text, false),
        };
        let mut mods = Vec::new();
        let mut name = text.to_string();
        if let (Some(open), Some(close)) = (text.find('('), text.find(')')) {
            if open < close {
                mods = text[open + 1..close].split(',').filter_map(|m| m.trim().parse().ok()).collect();
                name = format!("{}{}", &text[..open], &text[close + 1..]);
            }
        }
        if name == "bpchar" {
            name = "character".to_string();
        }
        let (schema, name) = if BUILTIN_NAMES.contains(&name.as_str()) || name == "\"char\"" {
            (None, name)
        } else {
            match split_qualified(&name) {
                (Some(schema), n) => (Some(schema), n),
                (None, n) => (Some("public".to_string()), n),
            }
        };
        PgType { schema, name, mods, array }
    }

    pub fn category(&self) -> Category {
        if self.array {
            return Category::Array;
        }
        if self.schema.is_some() {
            return Category::Other;
        }
        match self.name.as_str() {
            "smallint" | "integer" | "bigint" | "numeric" | "real" | "double precision" | "oid" => {
                Category::Numeric
            }
            "text" | "character varying" | "character" | "name" | "\"char\"" => Category::String,
            "boolean" => Category::Boolean,
            "date" | "time without time zone" | "time with time zone" | "timestamp without time zone"
            | "timestamp with time zone" => Category::DateTime,
            "interval" => Category::Timespan,
            "unknown" => Category::Unknown,
            _ => Category::Other,
        }
    }
}

/// Built-in type names as `format_type` prints them.
const BUILTIN_NAMES: &[&str] = &[
    "smallint", "integer", "bigint", "numeric", "real", "double precision", "boolean", "text",
    "character varying", "character", "name", "bytea", "date", "time without time zone",
    "time with time zone", "timestamp without time zone", "timestamp with time zone", "interval",
    "uuid", "json", "jsonb", "jsonpath", "xml", "inet", "cidr", "macaddr", "macaddr8", "money",
    "tsvector", "tsquery", "oid", "regclass", "regtype", "regconfig", "regproc", "point", "line", "lseg", "box",
    "path", "polygon", "circle", "bit", "bit varying", "int4range", "int8range", "numrange",
    "tsrange", "tstzrange", "daterange", "pg_lsn", "txid_snapshot", "unknown", "record", "void",
    "trigger", "anyelement", "anyarray",
];

/// Whether `name` is a built-in type as `format_type` prints it.
pub fn is_builtin_name(name: &str) -> bool {
    BUILTIN_NAMES.contains(&name)
}

/// Types that extensions create in the schema they are installed in.
const EXTENSION_TYPES: &[(&str, &[&str])] = &[
    ("ltree", &["ltree", "lquery", "ltxtquery"]),
    ("citext", &["citext"]),
    ("hstore", &["hstore"]),
    ("pg_trgm", &["gtrgm"]),
    ("vector", &["vector", "halfvec", "sparsevec"]),
    ("cube", &["cube"]),
    ("isn", &["isbn", "isbn13", "issn", "issn13", "ean13", "upc", "ismn", "ismn13"]),
];

fn split_qualified(name: &str) -> (Option<String>, String) {
    match name.split_once('.') {
        Some((schema, n)) => (Some(schema.trim_matches('"').to_string()), n.trim_matches('"').to_string()),
        None => (None, name.trim_matches('"').to_string()),
    }
}

/// The canonical built-in name for a type name written as a single word, with the
/// modifiers Postgres adds on its own (`char` is `character(1)`, `bit` is `bit(1)`).
fn builtin_alias(word: &str) -> Option<(&'static str, Option<Serial>)> {
    Some(match word {
        "int" | "int4" | "integer" => ("integer", None),
        "int2" | "smallint" => ("smallint", None),
        "int8" | "bigint" => ("bigint", None),
        "serial" | "serial4" => ("integer", Some(Serial)),
        "bigserial" | "serial8" => ("bigint", Some(Serial)),
        "smallserial" | "serial2" => ("smallint", Some(Serial)),
        "float4" | "real" => ("real", None),
        "float8" => ("double precision", None),
        "decimal" | "numeric" => ("numeric", None),
        "bool" | "boolean" => ("boolean", None),
        "varchar" => ("character varying", None),
        "char" | "bpchar" | "character" => ("character", None),
        "timestamptz" => ("timestamp with time zone", None),
        "timestamp" => ("timestamp without time zone", None),
        "timetz" => ("time with time zone", None),
        "time" => ("time without time zone", None),
        "varbit" => ("bit varying", None),
        other => return BUILTIN_NAMES.iter().find(|n| **n == other).map(|n| (*n, None)),
    })
}

/// Resolves a type as written in a statement to the stored type. Errors carry Postgres's
/// message (`type "x" does not exist`).
pub fn resolve(state: &PgState, data_type: &DataType) -> Result<(PgType, Option<Serial>), String> {
    let simple = |name: &str| Ok((PgType::builtin(name), None));
    let with_mods = |name: &str, mods: Vec<u32>| {
        Ok((PgType { schema: None, name: name.to_string(), mods, array: false }, None))
    };
    let char_len = |len: &Option<CharacterLength>| match len {
        Some(CharacterLength::IntegerLength { length, .. }) => vec![*length as u32],
        _ => Vec::new(),
    };
    let time_name = |base: &str, tz: &TimezoneInfo| match tz {
        TimezoneInfo::WithTimeZone | TimezoneInfo::Tz => format!("{base} with time zone"),
        _ => format!("{base} without time zone"),
    };
    match data_type {
        DataType::Int(_) | DataType::Int4(_) | DataType::Integer(_) => simple("integer"),
        DataType::SmallInt(_) | DataType::Int2(_) => simple("smallint"),
        DataType::BigInt(_) | DataType::Int8(_) => simple("bigint"),
        DataType::Real | DataType::Float4 => simple("real"),
        DataType::Float8 | DataType::DoublePrecision | DataType::Double(ExactNumberInfo::None) => {
            simple("double precision")
        }
        DataType::Float(info) => match info {
            ExactNumberInfo::Precision(p) if *p <= 24 => simple("real"),
            _ => simple("double precision"),
        },
        DataType::Numeric(info) | DataType::Decimal(info) | DataType::Dec(info) => match info {
            ExactNumberInfo::None => simple("numeric"),
            ExactNumberInfo::Precision(p) => with_mods("numeric", vec![*p as u32, 0]),
            ExactNumberInfo::PrecisionAndScale(p, s) => with_mods("numeric", vec![*p as u32, *s as u32]),
        },
        DataType::Bool | DataType::Boolean => simple("boolean"),
        DataType::Text => simple("text"),
        DataType::Varchar(len) | DataType::CharacterVarying(len) | DataType::CharVarying(len) => {
            with_mods("character varying", char_len(len))
        }
        DataType::Char(len) | DataType::Character(len) => {
            let mods = char_len(len);
            with_mods("character", if mods.is_empty() { vec![1] } else { mods })
        }
        DataType::Uuid => simple("uuid"),
        DataType::Bytea => simple("bytea"),
        DataType::Date => simple("date"),
        DataType::Time(p, tz) => with_mods(&time_name("time", tz), p.iter().map(|p| *p as u32).collect()),
        DataType::Timestamp(p, tz) => {
            with_mods(&time_name("timestamp", tz), p.iter().map(|p| *p as u32).collect())
        }
        DataType::Interval { fields: None, precision } => {
            with_mods("interval", precision.iter().map(|p| *p as u32).collect())
        }
        DataType::JSON => simple("json"),
        DataType::JSONB => simple("jsonb"),
        DataType::Regclass => simple("regclass"),
        DataType::TsVector => simple("tsvector"),
        DataType::TsQuery => simple("tsquery"),
        DataType::Bit(len) => with_mods("bit", vec![len.unwrap_or(1) as u32]),
        DataType::BitVarying(len) | DataType::VarBit(len) => {
            with_mods("bit varying", len.iter().map(|l| *l as u32).collect())
        }
        DataType::Trigger => simple("trigger"),
        DataType::Array(ArrayElemTypeDef::SquareBracket(inner, _))
        | DataType::Array(ArrayElemTypeDef::AngleBracket(inner))
        | DataType::Array(ArrayElemTypeDef::Parenthesis(inner))
        | DataType::Array(ArrayElemTypeDef::Qualified(inner, _)) => {
            let (element, serial) = resolve(state, inner)?;
            if serial.is_some() {
                return Err("array of serial is not implemented".to_string());
            }
            Ok((element.array_of(), None))
        }
        DataType::Custom(name, mods) => resolve_named(state, name, mods),
        other => Err(format!("type {other} is not supported by the Postgres replay")),
    }
}

/// Resolves a type written as a (possibly qualified) name: built-in aliases, extension
/// types, then user types through the search path.
fn resolve_named(state: &PgState, name: &SqlName, mods: &[String]) -> Result<(PgType, Option<Serial>), String> {
    let parts = state.name_parts(name);
    let mods: Vec<u32> = mods.iter().filter_map(|m| m.trim().parse().ok()).collect();
    let quoted = name.0.last().and_then(|p| p.as_ident()).is_some_and(|i| i.quote_style.is_some());
    if parts.len() == 1 || parts.first().map(String::as_str) == Some("pg_catalog") {
        let word = parts.last().map(String::as_str).unwrap_or("");
        if quoted && word == "char" {
            return Ok((PgType::builtin("\"char\""), None));
        }
        if let Some((canonical, serial)) = builtin_alias(word) {
            let mods = match (canonical, mods.is_empty()) {
                ("character", true) => vec![1],
                _ => mods,
            };
            return Ok((PgType { schema: None, name: canonical.to_string(), mods, array: false }, serial));
        }
    }
    let target = state.resolve_type_name(&parts).ok_or_else(|| {
        format!("type \"{}\" does not exist", parts.join("."))
    })?;
    Ok((PgType { schema: Some(target.schema), name: target.name, mods, array: false }, None))
}

/// Whether `name` is a type an installed extension provides in `schema`.
pub fn extension_provides(extensions: &[crate::catalog::Extension], schema: &str, name: &str) -> bool {
    extensions.iter().any(|e| {
        e.schema == schema
            && EXTENSION_TYPES.iter().any(|(ext, types)| *ext == e.name && types.contains(&name))
    })
}

/// The cross-engine meaning of a stored type (the mapping shared with live introspection).
pub fn logical(state: &PgState, ty: &PgType) -> LogicalType {
    crate::catalog::pg_types::logical_type(&ty.format(), &state.catalog)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::parser::Parser;

    fn format(sql_type: &str) -> String {
        let state = PgState::new();
        let mut parser = Parser::new(&PostgreSqlDialect {}).try_with_sql(sql_type).unwrap();
        let data_type = parser.parse_data_type().unwrap();
        resolve(&state, &data_type).map(|(t, _)| t.format()).unwrap_or_else(|e| e)
    }

    #[test]
    fn format_type_spellings() {
        assert_eq!(format("varchar(255)"), "character varying(255)");
        assert_eq!(format("VARCHAR"), "character varying");
        assert_eq!(format("timestamptz"), "timestamp with time zone");
        assert_eq!(format("timestamp(3) with time zone"), "timestamp(3) with time zone");
        assert_eq!(format("timestamp"), "timestamp without time zone");
        assert_eq!(format("text[]"), "text[]");
        assert_eq!(format("int[][]"), "integer[]");
        assert_eq!(format("numeric(10,2)"), "numeric(10,2)");
        assert_eq!(format("decimal(10)"), "numeric(10,0)");
        assert_eq!(format("char"), "character(1)");
        assert_eq!(format("char(36)"), "character(36)");
        assert_eq!(format("int4"), "integer");
        assert_eq!(format("int8"), "bigint");
        assert_eq!(format("serial"), "integer");
        assert_eq!(format("bigserial"), "bigint");
        assert_eq!(format("float"), "double precision");
        assert_eq!(format("float(10)"), "real");
        assert_eq!(format("bool"), "boolean");
        assert_eq!(format("\"char\""), "\"char\"");
        assert_eq!(format("jsonb"), "jsonb");
        assert_eq!(format("mood"), "type \"mood\" does not exist");
    }

    #[test]
    fn formatted_types_parse_back() {
        for text in ["character varying(255)", "timestamp(3) with time zone", "integer[]", "numeric(10,2)", "\"char\""] {
            assert_eq!(PgType::parse_formatted(text).format(), text);
        }
        assert_eq!(PgType::parse_formatted("mood").schema.as_deref(), Some("public"));
    }
}

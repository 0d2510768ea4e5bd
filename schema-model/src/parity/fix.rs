//! Fix-it SQL: the statement that adds a column some track lacks, in that track's dialect.
//!
//! Within one engine the column is copied exactly (type and default as the engine prints
//! them). Across engines the type is spelled from its [`LogicalType`] in the target dialect
//! and only literal defaults are carried over, since expressions differ between engines.

use crate::catalog::{Column, Engine, LogicalType};

/// `ALTER TABLE <table> ADD COLUMN <column> <type> [NOT NULL] [DEFAULT ...];` for `target`.
/// `column` comes from a track of engine `source`.
pub fn add_column_sql(target: Engine, table: &str, column: &Column, source: Engine) -> String {
    let mut sql = format!(
        "ALTER TABLE {} ADD COLUMN {} {}",
        qualified(target, table),
        quote_identifier(target, &column.name),
        if target == source { column.ty.engine.clone() } else { type_name(target, &column.ty.logical) }
    );
    if column.not_null {
        sql.push_str(" NOT NULL");
    }
    let default = column.default.as_deref().and_then(|d| if target == source { Some(d.to_string()) } else { literal(d) });
    if let Some(default) = default {
        sql.push_str(" DEFAULT ");
        sql.push_str(&default);
    }
    sql.push(';');
    sql
}

/// How `target` spells a type meaning `logical`.
pub fn type_name(target: Engine, logical: &LogicalType) -> String {
    match target {
        Engine::Postgres => postgres_type(logical),
        Engine::Sqlite => sqlite_type(logical).to_string(),
        Engine::Mysql => mysql_type(logical),
    }
}

fn postgres_type(logical: &LogicalType) -> String {
    match logical {
        LogicalType::Integer { bytes: 1 | 2, .. } => "smallint".into(),
        LogicalType::Integer { bytes: 3 | 4, unsigned: false } => "integer".into(),
        LogicalType::Integer { .. } => "bigint".into(),
        LogicalType::Decimal { precision: Some(p), scale } => format!("numeric({p},{})", scale.unwrap_or(0)),
        LogicalType::Decimal { precision: None, .. } => "numeric".into(),
        LogicalType::Float { bytes: 4 } => "real".into(),
        LogicalType::Float { .. } => "double precision".into(),
        LogicalType::Text { max_len: Some(n), fixed: true } => format!("character({n})"),
        LogicalType::Text { max_len: Some(n), fixed: false } => format!("character varying({n})"),
        LogicalType::Text { max_len: None, .. } => "text".into(),
        LogicalType::Boolean => "boolean".into(),
        LogicalType::Date => "date".into(),
        LogicalType::Time { tz: true } => "time with time zone".into(),
        LogicalType::Time { tz: false } => "time without time zone".into(),
        LogicalType::Timestamp { tz: true } => "timestamp with time zone".into(),
        LogicalType::Timestamp { tz: false } => "timestamp without time zone".into(),
        LogicalType::Interval => "interval".into(),
        LogicalType::Uuid => "uuid".into(),
        LogicalType::Json { binary: true } => "jsonb".into(),
        LogicalType::Json { binary: false } => "json".into(),
        LogicalType::Bytes { .. } => "bytea".into(),
        LogicalType::Enum { name, .. } if !name.is_empty() => name.clone(),
        LogicalType::Enum { .. } => "text".into(),
        LogicalType::Array { element } => format!("{}[]", postgres_type(element)),
        LogicalType::Other { name } => name.clone(),
    }
}

fn sqlite_type(logical: &LogicalType) -> &str {
    match logical {
        LogicalType::Integer { .. } | LogicalType::Boolean => "INTEGER",
        LogicalType::Float { .. } => "REAL",
        LogicalType::Decimal { .. } => "NUMERIC",
        LogicalType::Bytes { .. } => "BLOB",
        LogicalType::Other { name } => name,
        _ => "TEXT",
    }
}

fn mysql_type(logical: &LogicalType) -> String {
    let int = |name: &str, unsigned: bool| if unsigned { format!("{name} unsigned") } else { name.to_string() };
    match logical {
        LogicalType::Integer { bytes: 1, unsigned } => int("tinyint", *unsigned),
        LogicalType::Integer { bytes: 2, unsigned } => int("smallint", *unsigned),
        LogicalType::Integer { bytes: 3, unsigned } => int("mediumint", *unsigned),
        LogicalType::Integer { bytes: 4, unsigned } => int("int", *unsigned),
        LogicalType::Integer { unsigned, .. } => int("bigint", *unsigned),
        LogicalType::Decimal { precision: Some(p), scale } => format!("decimal({p},{})", scale.unwrap_or(0)),
        LogicalType::Decimal { precision: None, .. } => "decimal(65,30)".into(),
        LogicalType::Float { bytes: 4 } => "float".into(),
        LogicalType::Float { .. } => "double".into(),
        LogicalType::Text { max_len: Some(n), fixed: true } => format!("char({n})"),
        LogicalType::Text { max_len: Some(n), fixed: false } => format!("varchar({n})"),
        LogicalType::Text { max_len: None, .. } => "text".into(),
        LogicalType::Boolean => "tinyint(1)".into(),
        LogicalType::Date => "date".into(),
        LogicalType::Time { .. } => "time".into(),
        LogicalType::Timestamp { tz: true } => "timestamp".into(),
        LogicalType::Timestamp { tz: false } => "datetime".into(),
        LogicalType::Interval => "varchar(64)".into(),
        LogicalType::Uuid => "char(36)".into(),
        LogicalType::Json { .. } | LogicalType::Array { .. } => "json".into(),
        LogicalType::Bytes { max_len: Some(n) } => format!("varbinary({n})"),
        LogicalType::Bytes { max_len: None } => "blob".into(),
        LogicalType::Enum { labels, .. } if !labels.is_empty() => {
            let quoted: Vec<String> = labels.iter().map(|l| format!("'{}'", l.replace('\'', "''"))).collect();
            format!("enum({})", quoted.join(","))
        }
        LogicalType::Enum { .. } => "text".into(),
        LogicalType::Other { name } => name.clone(),
    }
}

/// The literal of a default printed by another engine (`'x'::text` -> `'x'`, `42`, `true`),
/// or `None` for an expression.
fn literal(default: &str) -> Option<String> {
    let text = default.trim();
    if let Some(rest) = text.strip_prefix('\'') {
        let end = closing_quote(rest)?;
        let cast = &rest[end + 1..];
        let plain_cast = cast.is_empty()
            || cast.strip_prefix("::").is_some_and(|t| t.chars().all(|c| c.is_ascii_alphanumeric() || " _".contains(c)));
        return plain_cast.then(|| format!("'{}'", &rest[..end]));
    }
    let text = text.split("::").next().unwrap_or(text).trim_matches(|c| c == '(' || c == ')');
    let numeric = text.parse::<f64>().is_ok();
    let keyword = matches!(text.to_ascii_lowercase().as_str(), "true" | "false" | "null");
    (numeric || keyword).then(|| text.to_string())
}

/// Byte offset of the quote ending a string literal whose opening quote was just consumed.
fn closing_quote(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A table name as the target dialect writes it (`schema.table` stays qualified).
fn qualified(target: Engine, table: &str) -> String {
    table.split('.').map(|part| quote_identifier(target, part)).collect::<Vec<_>>().join(".")
}

/// Quotes an identifier unless it is a plain lower-case name that no dialect reserves.
pub fn quote_identifier(target: Engine, name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !RESERVED.contains(&name);
    match (plain, target) {
        (true, _) => name.to_string(),
        (false, Engine::Mysql) => format!("`{}`", name.replace('`', "``")),
        (false, _) => format!("\"{}\"", name.replace('"', "\"\"")),
    }
}

/// Words reserved as column names in at least one of the engines.
const RESERVED: &[&str] = &[
    "all", "and", "any", "as", "asc", "between", "both", "by", "case", "check", "collate", "column", "constraint",
    "create", "cross", "current_date", "current_time", "current_timestamp", "current_user", "default", "desc",
    "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "full", "grant",
    "group", "having", "in", "index", "inner", "intersect", "into", "is", "join", "key", "left", "like", "limit",
    "natural", "not", "null", "offset", "on", "or", "order", "outer", "primary", "references", "right", "select",
    "table", "then", "to", "true", "union", "unique", "user", "using", "values", "when", "where", "with",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{ColumnType, Location};

    fn ttl() -> Column {
        let ty = ColumnType {
            engine: "integer".into(),
            logical: LogicalType::Integer { bytes: 4, unsigned: false },
            enforced: true,
        };
        let mut c = Column::new("token_ttl", ty, &Location::default());
        c.not_null = true;
        c.default = Some("3600".into());
        c
    }

    #[test]
    fn same_engine_copies_the_column() {
        assert_eq!(
            add_column_sql(Engine::Postgres, "oauth_clients", &ttl(), Engine::Postgres),
            "ALTER TABLE oauth_clients ADD COLUMN token_ttl integer NOT NULL DEFAULT 3600;"
        );
    }

    #[test]
    fn other_engines_get_their_own_spelling() {
        assert_eq!(
            add_column_sql(Engine::Sqlite, "oauth_clients", &ttl(), Engine::Postgres),
            "ALTER TABLE oauth_clients ADD COLUMN token_ttl INTEGER NOT NULL DEFAULT 3600;"
        );
        let mut name = ttl();
        name.name = "Order".into();
        name.ty = ColumnType {
            engine: "character varying(20)".into(),
            logical: LogicalType::Text { max_len: Some(20), fixed: false },
            enforced: true,
        };
        name.default = Some("'new'::character varying".into());
        assert_eq!(
            add_column_sql(Engine::Mysql, "app.orders", &name, Engine::Postgres),
            "ALTER TABLE app.orders ADD COLUMN `Order` varchar(20) NOT NULL DEFAULT 'new';"
        );
        name.default = Some("now()".into());
        assert_eq!(
            add_column_sql(Engine::Sqlite, "user", &name, Engine::Postgres),
            "ALTER TABLE \"user\" ADD COLUMN \"Order\" TEXT NOT NULL;"
        );
    }

    #[test]
    fn literals() {
        assert_eq!(literal("'a''b'::text").as_deref(), Some("'a''b'"));
        assert_eq!(literal("(-1)").as_deref(), Some("-1"));
        assert_eq!(literal("false").as_deref(), Some("false"));
        assert_eq!(literal("nextval('s'::regclass)"), None);
        assert_eq!(literal("'{}'::jsonb || x"), None);
    }
}

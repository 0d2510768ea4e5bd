//! Spelling SQL for one engine: identifiers, types, defaults and column definitions, with
//! types and defaults translated when the source schema belongs to another engine.

use crate::catalog::{Column, ColumnType, Engine, FkAction, ForeignKey, LogicalType, ObjectName};

/// Writes SQL for the target engine of a fix, knowing which engine the source objects
/// come from.
#[derive(Debug, Clone, Copy)]
pub struct Dialect {
    pub source: Engine,
    pub target: Engine,
}

/// Words that must be quoted as identifiers on at least one engine.
const RESERVED: &[&str] = &[
    "all", "and", "as", "asc", "between", "by", "case", "check", "column", "constraint", "create", "default", "delete",
    "desc", "distinct", "drop", "else", "end", "exists", "false", "foreign", "from", "group", "having", "in", "index",
    "insert", "into", "is", "join", "key", "like", "limit", "not", "null", "offset", "on", "or", "order", "primary",
    "references", "select", "set", "table", "then", "to", "true", "union", "unique", "update", "user", "using", "values",
    "when", "where", "with",
];

impl Dialect {
    /// An identifier, quoted when it is not a plain lower-case word.
    pub fn ident(&self, name: &str) -> String {
        let plain = name.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && !RESERVED.contains(&name);
        match (plain, self.target) {
            (true, _) => name.to_string(),
            (false, Engine::Mysql) => format!("`{}`", name.replace('`', "``")),
            (false, _) => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    /// A table name, schema-qualified only outside the engine's default schema.
    pub fn table(&self, name: &ObjectName) -> String {
        let default_schema = name.schema.is_empty() || name.schema == self.source.default_schema() || name.schema == self.target.default_schema();
        if default_schema {
            self.ident(&name.name)
        } else {
            format!("{}.{}", self.ident(&name.schema), self.ident(&name.name))
        }
    }

    /// A comma-separated list of identifiers.
    pub fn idents(&self, names: &[String]) -> String {
        names.iter().map(|n| self.ident(n)).collect::<Vec<_>>().join(", ")
    }

    /// The column type as the target engine spells it.
    pub fn column_type(&self, ty: &ColumnType) -> String {
        if self.source == self.target {
            return ty.engine.clone();
        }
        match self.target {
            Engine::Postgres => postgres_type(&ty.logical),
            Engine::Sqlite => sqlite_type(&ty.logical),
            Engine::Mysql => mysql_type(&ty.logical),
        }
    }

    /// The default expression for the target engine; `None` when it cannot be carried over
    /// (sequence defaults of another engine).
    pub fn default(&self, default: &str) -> Option<String> {
        if self.source == self.target {
            return Some(default.to_string());
        }
        let trimmed = default.trim();
        let lower = trimmed.to_ascii_lowercase();
        if lower.starts_with("nextval(") {
            return None;
        }
        if ["now()", "current_timestamp", "current_timestamp()", "localtimestamp"].contains(&lower.as_str()) {
            return Some("CURRENT_TIMESTAMP".to_string());
        }
        Some(strip_postgres_cast(trimmed).to_string())
    }

    /// `name type [NOT NULL] [DEFAULT x]` for a column.
    pub fn column_definition(&self, column: &Column) -> String {
        let mut sql = format!("{} {}", self.ident(&column.name), self.column_type(&column.ty));
        if let Some(default) = column.default.as_deref().and_then(|d| self.default(d)) {
            sql.push_str(&format!(" DEFAULT {default}"));
        }
        if column.not_null {
            sql.push_str(" NOT NULL");
        }
        sql
    }

    /// `FOREIGN KEY (..) REFERENCES t (..) ON DELETE .. ON UPDATE ..`.
    pub fn foreign_key(&self, fk: &ForeignKey) -> String {
        let mut sql = format!("FOREIGN KEY ({}) REFERENCES {}", self.idents(&fk.columns), self.table(&fk.ref_table));
        if !fk.ref_columns.is_empty() {
            sql.push_str(&format!(" ({})", self.idents(&fk.ref_columns)));
        }
        for (event, action) in [("DELETE", fk.on_delete), ("UPDATE", fk.on_update)] {
            if action != FkAction::NoAction {
                sql.push_str(&format!(" ON {event} {}", action.sql()));
            }
        }
        sql
    }
}

/// `'x'::text` -> `'x'`, `(0)::numeric` -> `(0)`: a Postgres cast on a literal.
fn strip_postgres_cast(expr: &str) -> &str {
    match expr.rfind("::") {
        Some(at) if expr.starts_with('\'') && expr[..at].ends_with('\'') => &expr[..at],
        Some(at) if expr[..at].trim_matches(|c| c == '(' || c == ')').parse::<f64>().is_ok() => &expr[..at],
        _ => expr,
    }
}

fn postgres_type(logical: &LogicalType) -> String {
    use LogicalType as L;
    match logical {
        L::Integer { bytes, unsigned } => match (bytes, unsigned) {
            (1 | 2, false) | (1, true) => "smallint".into(),
            (3 | 4, false) | (2 | 3, true) => "integer".into(),
            (4, true) | (8, false) => "bigint".into(),
            _ => "numeric(20,0)".into(),
        },
        L::Decimal { precision: Some(p), scale } => format!("numeric({p},{})", scale.unwrap_or(0)),
        L::Decimal { .. } => "numeric".into(),
        L::Float { bytes } => if *bytes <= 4 { "real" } else { "double precision" }.into(),
        L::Text { max_len: Some(n), fixed: true } => format!("character({n})"),
        L::Text { max_len: Some(n), fixed: false } => format!("character varying({n})"),
        L::Text { .. } | L::Enum { .. } => "text".into(),
        L::Boolean => "boolean".into(),
        L::Date => "date".into(),
        L::Time { tz } => if *tz { "time with time zone" } else { "time without time zone" }.into(),
        L::Timestamp { tz } => if *tz { "timestamp with time zone" } else { "timestamp without time zone" }.into(),
        L::Interval => "interval".into(),
        L::Uuid => "uuid".into(),
        L::Json { binary } => if *binary { "jsonb" } else { "json" }.into(),
        L::Bytes { .. } => "bytea".into(),
        L::Array { element } => format!("{}[]", postgres_type(element)),
        L::Other { name } => name.clone(),
    }
}

fn sqlite_type(logical: &LogicalType) -> String {
    use LogicalType as L;
    match logical {
        L::Integer { bytes: 8, .. } => "BIGINT".into(),
        L::Integer { bytes: 1 | 2, .. } => "SMALLINT".into(),
        L::Integer { .. } => "INTEGER".into(),
        L::Decimal { precision: Some(p), scale } => format!("DECIMAL({p},{})", scale.unwrap_or(0)),
        L::Decimal { .. } => "NUMERIC".into(),
        L::Float { bytes } => if *bytes <= 4 { "REAL" } else { "DOUBLE" }.into(),
        L::Text { max_len: Some(n), fixed: true } => format!("CHAR({n})"),
        L::Text { max_len: Some(n), fixed: false } => format!("VARCHAR({n})"),
        L::Text { .. } | L::Enum { .. } | L::Interval | L::Array { .. } => "TEXT".into(),
        L::Boolean => "BOOLEAN".into(),
        L::Date => "DATE".into(),
        L::Time { .. } => "TIME".into(),
        L::Timestamp { tz: false } => "TIMESTAMP".into(),
        L::Timestamp { tz: true } => "TIMESTAMPTZ".into(),
        L::Uuid => "UUID".into(),
        L::Json { .. } => "JSON".into(),
        L::Bytes { .. } => "BLOB".into(),
        L::Other { name } => name.to_ascii_uppercase(),
    }
}

fn mysql_type(logical: &LogicalType) -> String {
    use LogicalType as L;
    match logical {
        L::Integer { bytes, unsigned } => {
            let name = match bytes {
                1 => "tinyint",
                2 => "smallint",
                3 => "mediumint",
                4 => "int",
                _ => "bigint",
            };
            if *unsigned {
                format!("{name} unsigned")
            } else {
                name.into()
            }
        }
        L::Decimal { precision, scale } => format!("decimal({},{})", precision.unwrap_or(65), scale.unwrap_or(30).min(30)),
        L::Float { bytes } => if *bytes <= 4 { "float" } else { "double" }.into(),
        L::Text { max_len: Some(n), fixed: true } => format!("char({n})"),
        L::Text { max_len: Some(n), fixed: false } => format!("varchar({n})"),
        L::Text { .. } | L::Interval | L::Array { .. } => "text".into(),
        L::Boolean => "tinyint(1)".into(),
        L::Date => "date".into(),
        L::Time { .. } => "time".into(),
        L::Timestamp { .. } => "datetime(6)".into(),
        L::Uuid => "char(36)".into(),
        L::Json { .. } => "json".into(),
        L::Bytes { max_len: Some(n) } => format!("varbinary({n})"),
        L::Bytes { .. } => "blob".into(),
        L::Enum { labels, .. } => {
            format!("enum({})", labels.iter().map(|l| format!("'{}'", l.replace('\'', "''"))).collect::<Vec<_>>().join(","))
        }
        L::Other { name } => name.clone(),
    }
}

//! What differs between engines when names in a query are resolved: the parser dialect, how
//! identifiers are folded and compared, which lenient fallbacks the engine applies, and the
//! engine's own wording of each error.

use crate::catalog::Engine;
use sqlparser::ast::Ident;
use sqlparser::dialect::{Dialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect};

/// The name-resolution rules of one engine.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rules {
    pub engine: Engine,
}

/// Postgres system columns, present on every table (not on views or subqueries).
const POSTGRES_SYSTEM_COLUMNS: &[&str] = &["tableoid", "xmin", "cmin", "xmax", "cmax", "ctid"];
/// Keywords that denote a value wherever an expression (or, in Postgres, a FROM item) may
/// stand: never column or table names unless quoted.
const SQL_VALUE_KEYWORDS: &[&str] = &["default", "current_date", "current_time", "current_timestamp"];
const POSTGRES_VALUE_KEYWORDS: &[&str] = &[
    "default",
    "current_date",
    "current_time",
    "current_timestamp",
    "localtime",
    "localtimestamp",
    "user",
    "current_user",
    "session_user",
    "current_role",
    "current_catalog",
    "current_schema",
];
/// MySQL's aggregate functions, whose arguments HAVING resolves against the whole FROM clause.
const MYSQL_AGGREGATES: &[&str] = &[
    "avg", "bit_and", "bit_or", "bit_xor", "count", "group_concat", "json_arrayagg", "json_objectagg", "max", "min", "std",
    "stddev", "stddev_pop", "stddev_samp", "sum", "var_pop", "var_samp", "variance",
];
/// SQLite's implicit row id names, present on every table with a row id.
const SQLITE_ROWID_COLUMNS: &[&str] = &["rowid", "oid", "_rowid_"];

impl Rules {
    pub fn new(engine: Engine) -> Rules {
        Rules { engine }
    }

    /// The sqlparser dialect that parses this engine's SQL.
    pub fn dialect(self) -> Box<dyn Dialect> {
        match self.engine {
            Engine::Postgres => Box::new(PostgreSqlDialect {}),
            Engine::Sqlite => Box::new(SQLiteDialect {}),
            Engine::Mysql => Box::new(MySqlDialect {}),
        }
    }

    /// The name an identifier denotes: Postgres folds unquoted identifiers to lower case and
    /// keeps quoted ones; SQLite and MySQL keep the spelling and compare case-insensitively.
    pub fn ident_name(self, ident: &Ident) -> String {
        match (self.engine, ident.quote_style) {
            (Engine::Postgres, None) => ident.value.to_ascii_lowercase(),
            _ => ident.value.clone(),
        }
    }

    /// Whether the name `wanted` (already folded by [`Rules::ident_name`]) denotes the object
    /// named `name` in the catalog or in the query.
    pub fn same(self, wanted: &str, name: &str) -> bool {
        match self.engine {
            Engine::Postgres => wanted == name,
            Engine::Sqlite | Engine::Mysql => wanted.eq_ignore_ascii_case(name),
        }
    }

    /// Whether the table, view or alias name `wanted` denotes `name`. MySQL compares them
    /// case-sensitively, as MariaDB and MySQL do on Linux (`lower_case_table_names = 0`);
    /// column and CTE names always compare as [`Rules::same`] says.
    pub fn same_table(self, wanted: &str, name: &str) -> bool {
        match self.engine {
            Engine::Mysql => wanted == name,
            Engine::Postgres | Engine::Sqlite => self.same(wanted, name),
        }
    }

    /// Whether an unquoted name is a keyword standing for a value (`DEFAULT`, `CURRENT_USER`,
    /// `CURRENT_DATE`, ...) rather than a column or table.
    pub fn is_value_keyword(self, ident: &Ident) -> bool {
        if ident.quote_style.is_some() {
            return false;
        }
        let keywords: &[&str] = match self.engine {
            Engine::Postgres => POSTGRES_VALUE_KEYWORDS,
            Engine::Sqlite | Engine::Mysql => SQL_VALUE_KEYWORDS,
        };
        keywords.iter().any(|k| ident.value.eq_ignore_ascii_case(k))
    }

    /// Columns every table has without declaring them.
    pub fn implicit_table_columns(self, without_rowid: bool) -> &'static [&'static str] {
        match self.engine {
            Engine::Postgres => POSTGRES_SYSTEM_COLUMNS,
            Engine::Sqlite if !without_rowid => SQLITE_ROWID_COLUMNS,
            _ => &[],
        }
    }

    /// Postgres: a bare name matching a FROM item (and no column) is a whole-row reference.
    pub fn whole_row_references(self) -> bool {
        self.engine == Engine::Postgres
    }

    /// SQLite: a double-quoted identifier that names no column is a string literal.
    pub fn double_quoted_fallback_to_string(self) -> bool {
        self.engine == Engine::Sqlite
    }

    /// Whether bare names in WHERE may fall back to output-column aliases (SQLite).
    pub fn aliases_in_where(self) -> bool {
        self.engine == Engine::Sqlite
    }

    /// Whether names inside GROUP BY / HAVING / ORDER BY expressions (not only bare names)
    /// may fall back to output-column aliases (SQLite, MySQL).
    pub fn aliases_in_expressions(self) -> bool {
        matches!(self.engine, Engine::Sqlite | Engine::Mysql)
    }

    /// MySQL: names in GROUP BY, HAVING and ORDER BY are looked up in the select list first
    /// (two plain-column items of one name make it ambiguous), and HAVING sees, outside
    /// aggregates, only the columns the select list or GROUP BY names.
    pub fn select_list_scoping(self) -> bool {
        self.engine == Engine::Mysql
    }

    /// Whether a function (by its unqualified name) is one of MySQL's aggregates.
    pub fn is_aggregate(self, name: &sqlparser::ast::ObjectName) -> bool {
        let [part] = name.0.as_slice() else { return false };
        part.as_ident().is_some_and(|ident| MYSQL_AGGREGATES.iter().any(|a| ident.value.eq_ignore_ascii_case(a)))
    }

    /// Whether a subquery in FROM may only see sibling FROM items when marked LATERAL and ON
    /// conditions only the two sides of their join (Postgres, MySQL). SQLite's visibility is
    /// treated leniently.
    pub fn strict_from_visibility(self) -> bool {
        matches!(self.engine, Engine::Postgres | Engine::Mysql)
    }

    /// Whether a bare name in the ORDER BY of a set operation must name an output column
    /// (Postgres, MySQL).
    pub fn set_order_by_names_outputs(self) -> bool {
        matches!(self.engine, Engine::Postgres | Engine::Mysql)
    }

    /// The error for a USING column missing on one side of a join, where the engine reports
    /// it as an undefined column (Postgres, MySQL).
    pub fn missing_using_column(self, column: &str, side: &str) -> Option<String> {
        match self.engine {
            Engine::Postgres => Some(format!("column \"{column}\" specified in USING clause does not exist in {side} table")),
            Engine::Mysql => Some(format!("Unknown column '{column}' in 'from clause'")),
            Engine::Sqlite => None,
        }
    }

    /// MySQL: a table to delete from in a multi-table DELETE that names no table of its FROM.
    pub fn unknown_delete_target(self, name: &str) -> String {
        format!("Unknown table '{name}' in MULTI DELETE")
    }

    /// Whether a table name may be qualified by a schema or database the model does not
    /// describe (system catalogs, attached databases); such tables are not checked.
    pub fn is_unmodelled_schema(self, schema: &str) -> bool {
        match self.engine {
            Engine::Postgres => {
                let s = schema.to_ascii_lowercase();
                s == "pg_catalog" || s == "information_schema" || s.starts_with("pg_")
            }
            // `temp` tables are created at run time; attached databases are not modelled.
            Engine::Sqlite => !schema.eq_ignore_ascii_case("main"),
            Engine::Mysql => true,
        }
    }

    /// Whether an unqualified table name belongs to the engine's own catalog, which the
    /// model does not describe.
    pub fn is_system_table(self, name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        match self.engine {
            Engine::Postgres => lower.starts_with("pg_"),
            Engine::Sqlite => lower.starts_with("sqlite_") || lower.starts_with("pragma_"),
            Engine::Mysql => false,
        }
    }

    pub fn undefined_table(self, name: &str) -> String {
        match self.engine {
            Engine::Postgres => format!("relation \"{name}\" does not exist"),
            Engine::Sqlite => format!("no such table: {name}"),
            Engine::Mysql => format!("Table '{name}' doesn't exist"),
        }
    }

    /// A qualified column reference whose qualifier names no FROM item.
    pub fn missing_from_entry(self, qualifier: &str, column: &str) -> String {
        match self.engine {
            Engine::Postgres => format!("missing FROM-clause entry for table \"{qualifier}\""),
            _ => self.undefined_column(Some(qualifier), column),
        }
    }

    pub fn undefined_column(self, qualifier: Option<&str>, column: &str) -> String {
        match (self.engine, qualifier) {
            (Engine::Postgres, None) => format!("column \"{column}\" does not exist"),
            (Engine::Postgres, Some(q)) => format!("column {q}.{column} does not exist"),
            (Engine::Sqlite, None) => format!("no such column: {column}"),
            (Engine::Sqlite, Some(q)) => format!("no such column: {q}.{column}"),
            (Engine::Mysql, None) => format!("Unknown column '{column}'"),
            (Engine::Mysql, Some(q)) => format!("Unknown column '{q}.{column}'"),
        }
    }

    /// A column named as the target of INSERT or UPDATE that the table lacks.
    pub fn undefined_target_column(self, table: &str, column: &str, insert: bool) -> String {
        match self.engine {
            Engine::Postgres => format!("column \"{column}\" of relation \"{table}\" does not exist"),
            Engine::Sqlite if insert => format!("table {table} has no column named {column}"),
            Engine::Sqlite => format!("no such column: {column}"),
            Engine::Mysql => format!("Unknown column '{column}' in 'field list'"),
        }
    }

    pub fn ambiguous_column(self, column: &str) -> String {
        match self.engine {
            Engine::Postgres => format!("column reference \"{column}\" is ambiguous"),
            Engine::Sqlite => format!("ambiguous column name: {column}"),
            Engine::Mysql => format!("Column '{column}' in field list is ambiguous"),
        }
    }
}

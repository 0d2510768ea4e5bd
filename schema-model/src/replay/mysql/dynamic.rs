//! Evaluating the expressions of dynamic SQL (`SET @x = ...`, `PREPARE s FROM ...`) against
//! the replayed catalog, so migrations that look at information_schema before choosing a
//! statement are replayed with the outcome the real server would compute.
//!
//! Modelled: literals, user variables, `IF`, `CONCAT`, `DATABASE()`, comparisons, `AND`/`OR`/
//! `NOT`, `IS [NOT] NULL`, scalar subqueries, `EXISTS` and `COUNT(*)` over the
//! information_schema views `TABLES`, `COLUMNS`, `TABLE_CONSTRAINTS`, `KEY_COLUMN_USAGE`,
//! `REFERENTIAL_CONSTRAINTS` and `STATISTICS` (rows built from the catalog). Anything else is
//! an error: a guessed outcome would silently change the replayed schema.

use super::fail::{rejected, unsupported, Step};
use super::session::Session;
use crate::catalog::{Catalog, Table};
use sqlparser::ast::{
    BinaryOperator, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Query, SelectItem,
    SetExpr, TableFactor, UnaryOperator, Value as Literal,
};
use std::collections::HashMap;

/// A value of a dynamic SQL expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    /// The current database's name (`DATABASE()`, the schema columns of information_schema).
    CurrentSchema,
}

/// Evaluates `expr`.
pub fn evaluate(expr: &Expr, catalog: &Catalog, session: &Session, database: Option<&str>) -> Step<Value> {
    Evaluator { catalog, session, database }.eval(expr, None)
}

/// Evaluates `expr` to the text of a statement (`PREPARE s FROM @x`).
pub fn evaluate_text(expr: &Expr, catalog: &Catalog, session: &Session, database: Option<&str>) -> Step<String> {
    match evaluate(expr, catalog, session, database)? {
        Value::Text(text) => Ok(text),
        Value::Int(n) => Ok(n.to_string()),
        Value::Null => rejected("You have an error in your SQL syntax; the prepared statement text is NULL"),
        Value::CurrentSchema => unsupported("a statement made of the database name is not modelled"),
    }
}

type Row = HashMap<&'static str, Value>;

struct Evaluator<'a> {
    catalog: &'a Catalog,
    session: &'a Session,
    database: Option<&'a str>,
}

impl Evaluator<'_> {
    fn eval(&self, expr: &Expr, row: Option<&Row>) -> Step<Value> {
        Ok(match expr {
            Expr::Nested(inner) => self.eval(inner, row)?,
            Expr::Value(v) => match &v.value {
                Literal::Null => Value::Null,
                Literal::Boolean(b) => Value::Int(*b as i64),
                Literal::Number(n, _) => match n.parse::<i64>() {
                    Ok(i) => Value::Int(i),
                    Err(_) => return unsupported(format!("number {n} in dynamic SQL is not modelled")),
                },
                Literal::SingleQuotedString(s) | Literal::DoubleQuotedString(s) => Value::Text(s.clone()),
                other => return unsupported(format!("literal {other} in dynamic SQL is not modelled")),
            },
            Expr::Identifier(ident) if ident.value.starts_with('@') && !ident.value.starts_with("@@") => self
                .session
                .variables
                .get(&ident.value[1..].to_lowercase())
                .cloned()
                .unwrap_or(Value::Null),
            Expr::Identifier(ident) => match row {
                Some(row) => row
                    .get(ident.value.to_uppercase().as_str())
                    .cloned()
                    .map_or_else(|| rejected(format!("Unknown column '{}' in 'WHERE'", ident.value)), Ok)?,
                None => return rejected(format!("Unknown column '{}' in 'SELECT'", ident.value)),
            },
            Expr::BinaryOp { left, op, right } => self.binary(left, op, right, row)?,
            Expr::UnaryOp { op: UnaryOperator::Not, expr } => match truth(&self.eval(expr, row)?) {
                Some(b) => Value::Int(!b as i64),
                None => Value::Null,
            },
            Expr::IsNull(inner) => Value::Int((self.eval(inner, row)? == Value::Null) as i64),
            Expr::IsNotNull(inner) => Value::Int((self.eval(inner, row)? != Value::Null) as i64),
            Expr::Subquery(query) => {
                let mut values = self.select(query)?;
                match values.len() {
                    0 => Value::Null,
                    1 => values.remove(0),
                    _ => return rejected("Subquery returns more than 1 row"),
                }
            }
            Expr::Exists { subquery, negated } => {
                let found = !self.select(subquery)?.is_empty();
                Value::Int((found != *negated) as i64)
            }
            Expr::Function(f) => self.function(f, row)?,
            other => return unsupported(format!("`{other}` in dynamic SQL is not modelled")),
        })
    }

    fn function(&self, f: &sqlparser::ast::Function, row: Option<&Row>) -> Step<Value> {
        let name = f.name.to_string().to_lowercase();
        let args = self.args(f)?;
        Ok(match (name.as_str(), args.as_slice()) {
            ("database" | "schema", []) => Value::CurrentSchema,
            ("if", [condition, then, otherwise]) => {
                if truth(&self.eval(condition, row)?) == Some(true) {
                    self.eval(then, row)?
                } else {
                    self.eval(otherwise, row)?
                }
            }
            ("concat", parts) => {
                let mut text = String::new();
                for part in parts {
                    match self.eval(part, row)? {
                        Value::Null => return Ok(Value::Null),
                        Value::Int(n) => text.push_str(&n.to_string()),
                        Value::Text(t) => text.push_str(&t),
                        Value::CurrentSchema => text.push_str(self.schema_name()?),
                    }
                }
                Value::Text(text)
            }
            _ => return unsupported(format!("function `{}` in dynamic SQL is not modelled", f.name)),
        })
    }

    fn args<'e>(&self, f: &'e sqlparser::ast::Function) -> Step<Vec<&'e Expr>> {
        match &f.args {
            FunctionArguments::None => Ok(Vec::new()),
            FunctionArguments::List(list) => list
                .args
                .iter()
                .map(|a| match a {
                    FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Ok(e),
                    other => unsupported(format!("argument `{other}` in dynamic SQL is not modelled")),
                })
                .collect(),
            FunctionArguments::Subquery(_) => unsupported("subquery arguments in dynamic SQL are not modelled"),
        }
    }

    fn schema_name(&self) -> Step<&str> {
        self.database.map_or_else(
            || unsupported("comparing the database name with text needs the database name; it is not known to the replay"),
            Ok,
        )
    }

    fn binary(&self, left: &Expr, op: &BinaryOperator, right: &Expr, row: Option<&Row>) -> Step<Value> {
        let (l, r) = (self.eval(left, row)?, self.eval(right, row)?);
        Ok(match op {
            BinaryOperator::And => match (truth(&l), truth(&r)) {
                (Some(false), _) | (_, Some(false)) => Value::Int(0),
                (Some(true), Some(true)) => Value::Int(1),
                _ => Value::Null,
            },
            BinaryOperator::Or => match (truth(&l), truth(&r)) {
                (Some(true), _) | (_, Some(true)) => Value::Int(1),
                (Some(false), Some(false)) => Value::Int(0),
                _ => Value::Null,
            },
            BinaryOperator::Eq | BinaryOperator::NotEq | BinaryOperator::Gt | BinaryOperator::Lt
            | BinaryOperator::GtEq | BinaryOperator::LtEq => match self.compare(&l, &r)? {
                None => Value::Null,
                Some(ordering) => Value::Int(match op {
                    BinaryOperator::Eq => ordering.is_eq(),
                    BinaryOperator::NotEq => ordering.is_ne(),
                    BinaryOperator::Gt => ordering.is_gt(),
                    BinaryOperator::Lt => ordering.is_lt(),
                    BinaryOperator::GtEq => ordering.is_ge(),
                    _ => ordering.is_le(),
                } as i64),
            },
            other => return unsupported(format!("operator {other} in dynamic SQL is not modelled")),
        })
    }

    /// Compares like MariaDB: numbers numerically, text case-insensitively, NULL unknown.
    fn compare(&self, l: &Value, r: &Value) -> Step<Option<std::cmp::Ordering>> {
        let text = |v: &Value| -> Step<Option<String>> {
            Ok(match v {
                Value::Null => None,
                Value::Int(n) => Some(n.to_string()),
                Value::Text(t) => Some(t.clone()),
                Value::CurrentSchema => Some(self.schema_name()?.to_string()),
            })
        };
        Ok(match (l, r) {
            (Value::Null, _) | (_, Value::Null) => None,
            (Value::CurrentSchema, Value::CurrentSchema) => Some(std::cmp::Ordering::Equal),
            (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
            (Value::Int(a), Value::Text(t)) => Some(a.cmp(&t.trim().parse::<i64>().unwrap_or(0))),
            (Value::Text(t), Value::Int(b)) => Some(t.trim().parse::<i64>().unwrap_or(0).cmp(b)),
            _ => {
                let (a, b) = (text(l)?.unwrap_or_default(), text(r)?.unwrap_or_default());
                Some(a.to_lowercase().trim_end().cmp(b.to_lowercase().trim_end()))
            }
        })
    }

    /// Runs `SELECT <expr> FROM information_schema.<view> [WHERE ...]`: the selected values.
    fn select(&self, query: &Query) -> Step<Vec<Value>> {
        let SetExpr::Select(select) = query.body.as_ref() else {
            return unsupported("only a plain SELECT is modelled in dynamic SQL");
        };
        if query.with.is_some() || query.order_by.is_some() || query.limit_clause.is_some()
            || select.from.len() != 1 || !select.from[0].joins.is_empty()
            || select.having.is_some() || select.projection.len() != 1
        {
            return unsupported(format!("`{query}` is not modelled in dynamic SQL"));
        }
        let TableFactor::Table { name, .. } = &select.from[0].relation else {
            return unsupported(format!("`{query}` is not modelled in dynamic SQL"));
        };
        let parts: Vec<String> = name.0.iter().map(|p| p.to_string().trim_matches('`').to_lowercase()).collect();
        let view = match parts.as_slice() {
            [schema, view] if schema == "information_schema" => view.clone(),
            _ => return unsupported(format!("dynamic SQL reading {name} is not modelled (only information_schema)")),
        };
        let mut rows = Vec::new();
        for row in self.rows(&view)? {
            let keep = match &select.selection {
                Some(condition) => truth(&self.eval(condition, Some(&row))?) == Some(true),
                None => true,
            };
            if keep {
                rows.push(row);
            }
        }
        let projected = match &select.projection[0] {
            SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => e,
            other => return unsupported(format!("`{other}` is not modelled in dynamic SQL")),
        };
        if let Expr::Function(f) = projected {
            if f.name.to_string().eq_ignore_ascii_case("count") {
                return Ok(vec![Value::Int(rows.len() as i64)]);
            }
        }
        rows.iter().map(|row| self.eval(projected, Some(row))).collect()
    }

    /// The rows of an information_schema view, built from the catalog.
    fn rows(&self, view: &str) -> Step<Vec<Row>> {
        let mut rows = Vec::new();
        for table in self.catalog.tables.values() {
            match view {
                "tables" => rows.push(row(table, &[("TABLE_TYPE", text("BASE TABLE")), ("ENGINE", text("InnoDB"))])),
                "columns" => {
                    for (i, c) in table.columns.iter().enumerate() {
                        rows.push(row(table, &[
                            ("COLUMN_NAME", text(&c.name)),
                            ("ORDINAL_POSITION", Value::Int(i as i64 + 1)),
                            ("COLUMN_TYPE", text(&c.ty.engine)),
                            ("DATA_TYPE", text(c.mysql.data_type.as_deref().unwrap_or(""))),
                            ("IS_NULLABLE", text(if c.not_null { "NO" } else { "YES" })),
                        ]));
                    }
                }
                "table_constraints" => {
                    for (name, kind) in constraints(table) {
                        rows.push(row(table, &[
                            ("CONSTRAINT_NAME", text(&name)),
                            ("CONSTRAINT_TYPE", text(kind)),
                        ]));
                    }
                }
                "key_column_usage" => {
                    for index in table.indexes.iter().filter(|i| i.unique) {
                        for (i, k) in index.keys.iter().enumerate() {
                            rows.push(row(table, &[
                                ("CONSTRAINT_NAME", text(&index.name)),
                                ("COLUMN_NAME", text(k.column.as_deref().unwrap_or(""))),
                                ("ORDINAL_POSITION", Value::Int(i as i64 + 1)),
                                ("REFERENCED_TABLE_SCHEMA", Value::Null),
                                ("REFERENCED_TABLE_NAME", Value::Null),
                                ("REFERENCED_COLUMN_NAME", Value::Null),
                            ]));
                        }
                    }
                    for fk in &table.foreign_keys {
                        for (i, (c, r)) in fk.columns.iter().zip(&fk.ref_columns).enumerate() {
                            rows.push(row(table, &[
                                ("CONSTRAINT_NAME", text(&fk.name)),
                                ("COLUMN_NAME", text(c)),
                                ("ORDINAL_POSITION", Value::Int(i as i64 + 1)),
                                ("REFERENCED_TABLE_SCHEMA", Value::CurrentSchema),
                                ("REFERENCED_TABLE_NAME", text(&fk.ref_table.name)),
                                ("REFERENCED_COLUMN_NAME", text(r)),
                            ]));
                        }
                    }
                }
                "referential_constraints" => {
                    for fk in &table.foreign_keys {
                        rows.push(row(table, &[
                            ("CONSTRAINT_NAME", text(&fk.name)),
                            ("REFERENCED_TABLE_NAME", text(&fk.ref_table.name)),
                            ("UPDATE_RULE", text(fk.on_update.sql())),
                            ("DELETE_RULE", text(fk.on_delete.sql())),
                        ]));
                    }
                }
                "statistics" => {
                    for index in &table.indexes {
                        for (i, k) in index.keys.iter().enumerate() {
                            rows.push(row(table, &[
                                ("INDEX_NAME", text(&index.name)),
                                ("COLUMN_NAME", text(k.column.as_deref().unwrap_or(""))),
                                ("SEQ_IN_INDEX", Value::Int(i as i64 + 1)),
                                ("NON_UNIQUE", Value::Int(!index.unique as i64)),
                            ]));
                        }
                    }
                }
                other => return unsupported(format!("information_schema.{other} is not modelled in dynamic SQL")),
            }
        }
        Ok(rows)
    }
}

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

/// A row of `table` with the schema and table columns every view has.
fn row(table: &Table, columns: &[(&'static str, Value)]) -> Row {
    let mut row: Row = columns.iter().cloned().collect();
    row.insert("TABLE_CATALOG", text("def"));
    row.insert("CONSTRAINT_CATALOG", text("def"));
    row.insert("TABLE_SCHEMA", Value::CurrentSchema);
    row.insert("CONSTRAINT_SCHEMA", Value::CurrentSchema);
    row.insert("INDEX_SCHEMA", Value::CurrentSchema);
    row.insert("TABLE_NAME", text(&table.name.name));
    row
}

/// Every constraint of a table with its information_schema type.
fn constraints(table: &Table) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for index in table.indexes.iter().filter(|i| i.unique) {
        out.push((index.name.clone(), if index.primary { "PRIMARY KEY" } else { "UNIQUE" }));
    }
    out.extend(table.foreign_keys.iter().map(|fk| (fk.name.clone(), "FOREIGN KEY")));
    out.extend(table.checks.iter().map(|c| (c.name.clone(), "CHECK")));
    out
}

/// SQL truth of a value: `None` for NULL.
fn truth(value: &Value) -> Option<bool> {
    match value {
        Value::Null => None,
        Value::Int(n) => Some(*n != 0),
        Value::Text(t) => Some(t.trim().parse::<f64>().map(|n| n != 0.0).unwrap_or(false)),
        Value::CurrentSchema => Some(false),
    }
}

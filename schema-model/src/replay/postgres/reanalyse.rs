//! After ALTER COLUMN TYPE, Postgres rebuilds every index and CHECK constraint over the
//! column from its printed definition, so implicit casts appear or vanish with the new
//! type (`lower((name)::text)` becomes `lower(name)` once `name` is `text`). This module
//! does the same: it parses the printed expressions again and analyses them against the
//! table's new column types.

use super::constraints::table_scope;
use super::expr::{condition, expression, TExpr};
use super::state::{PgState, Stmt};
use crate::catalog::ObjectName;
use crate::error::ReplayError;
use sqlparser::ast::Expr;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;

/// Parses an expression printed by the deparser back into the SQL AST.
fn parse_printed(text: &str, stmt: &Stmt) -> Result<Expr, ReplayError> {
    Parser::new(&PostgreSqlDialect {})
        .try_with_sql(text)
        .and_then(|mut p| p.parse_expr())
        .map_err(|e| stmt.unsupported(format!("cannot re-read `{text}` after a type change: {e}")))
}

fn mentions(expr: &TExpr, column: &str) -> bool {
    expr.columns().iter().any(|c| c == column)
}

/// Re-analyses the indexes and CHECK constraints of `table` that use `column`.
pub fn after_type_change(state: &mut PgState, table: &ObjectName, column: &str, stmt: &Stmt) -> Result<(), ReplayError> {
    let scope = table_scope(&state.catalog.tables[table]);
    let checks: Vec<(String, TExpr)> = state
        .check_shapes
        .iter()
        .filter(|((t, _), shape)| t == table && mentions(&shape.expr, column))
        .map(|((_, name), shape)| (name.clone(), shape.expr.clone()))
        .collect();
    for (name, expr) in checks {
        let parsed = parse_printed(&super::expr::deparse(&expr), stmt)?;
        let fresh = condition(state, &scope, &parsed).map_err(|e| e.at(stmt))?;
        if let Some(shape) = state.check_shapes.get_mut(&(table.clone(), name)) {
            shape.expr = fresh;
        }
    }
    super::alter_table::refresh_checks(state, table);
    let index_keys: Vec<ObjectName> = state
        .index_shapes
        .iter()
        .filter(|(_, shape)| shape.table == *table)
        .map(|(key, _)| key.clone())
        .collect();
    for key in index_keys {
        let mut shape = state.index_shapes[&key].clone();
        for k in &mut shape.keys {
            if let Some(expr) = k.expr.as_ref().filter(|e| mentions(e, column)) {
                let parsed = parse_printed(&super::expr::deparse(expr), stmt)?;
                k.expr = Some(expression(state, &scope, &parsed).map_err(|e| e.at(stmt))?);
            }
        }
        if let Some(predicate) = shape.predicate.as_ref().filter(|p| mentions(p, column)) {
            let parsed = parse_printed(&super::expr::deparse(predicate), stmt)?;
            shape.predicate = Some(condition(state, &scope, &parsed).map_err(|e| e.at(stmt))?);
        }
        state.index_shapes.insert(key, shape);
    }
    super::index::refresh_definitions(state, table);
    Ok(())
}

//! Expressions as Postgres stores and prints them: analysis of sqlparser's `Expr` into a
//! typed tree ([`analyze`]), constants coerced through their types ([`literal`]), the
//! built-in functions and casts that decide implicit casts ([`builtins`]), and printing
//! in `ruleutils.c`'s non-pretty style ([`print`]).

mod analyze;
mod builtins;
mod literal;
mod print;
mod tree;

pub use analyze::{Analyzer, Scope};
pub use print::{deparse, deparse_pretty, quote_literal};
pub use tree::TExpr;

use super::state::{PgState, Stmt};
use super::types::PgType;
use crate::error::ReplayError;
use sqlparser::ast::Expr;

/// Why an expression could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprError {
    /// Postgres would reject it (message in Postgres's words).
    Rejected(String),
    /// The replay does not model this kind of expression.
    Unsupported(String),
}

impl ExprError {
    /// The error at the statement's position.
    pub fn at(self, stmt: &Stmt) -> ReplayError {
        match self {
            ExprError::Rejected(message) => stmt.reject(message),
            ExprError::Unsupported(message) => stmt.unsupported(message),
        }
    }
}

/// A column default as Postgres stores it, coerced to the column's type; `None` when
/// Postgres stores nothing (a bare `NULL` for a type without modifiers).
pub fn column_default(
    state: &PgState,
    column: &str,
    expr: &Expr,
    column_type: &PgType,
) -> Result<Option<TExpr>, ExprError> {
    let scope = Scope::default();
    let analyzer = Analyzer { state, scope: &scope };
    let analysed = analyzer.expr(expr).map_err(|e| match e {
        ExprError::Rejected(m) if m.starts_with("column ") => {
            ExprError::Rejected("cannot use column reference in DEFAULT expression".to_string())
        }
        other => other,
    })?;
    let source = analysed.ty();
    let coerced = analyzer.assign(analysed, column_type).map_err(|e| match e {
        ExprError::Rejected(m) if m.starts_with("cannot cast type") => ExprError::Rejected(format!(
            "column \"{column}\" is of type {} but default expression is of type {}",
            column_type.format(),
            source.format()
        )),
        other => other,
    })?;
    Ok(match &coerced {
        TExpr::Const { value: None, .. } => None,
        _ => Some(coerced),
    })
}

/// A boolean condition over `scope` (CHECK constraints, index predicates, trigger
/// conditions).
pub fn condition(state: &PgState, scope: &Scope, expr: &Expr) -> Result<TExpr, ExprError> {
    Analyzer { state, scope }.boolean(expr)
}

/// Any expression over `scope` (index keys, view columns).
pub fn expression(state: &PgState, scope: &Scope, expr: &Expr) -> Result<TExpr, ExprError> {
    Analyzer { state, scope }.expr(expr)
}

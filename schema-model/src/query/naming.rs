//! The names of a query's output columns, as the engine derives them, so that an outer query
//! can refer to a subquery's, a CTE's or a RETURNING list's columns.
//!
//! Postgres names an unaliased expression after its column, function or type cast
//! (`FigureColname`); SQLite names it after the expression text. Where the derived name is
//! uncertain the column set is marked open, so references to it are never reported.

use crate::catalog::Engine;
use super::rules::Rules;
use sqlparser::ast::{Expr, Function, SetExpr};

/// The derived name of an unaliased select-list expression, or `None` when uncertain.
pub(crate) fn expression_name(rules: Rules, expr: &Expr) -> Option<String> {
    match expr {
        Expr::Identifier(ident) => Some(rules.ident_name(ident)),
        Expr::CompoundIdentifier(idents) => idents.last().map(|i| rules.ident_name(i)),
        Expr::Nested(inner) if rules.engine == Engine::Postgres => expression_name(rules, inner),
        _ if rules.engine != Engine::Postgres => None,
        Expr::Cast { expr, .. } => expression_name(rules, expr),
        Expr::Function(Function { name, .. }) => name.0.last().and_then(|p| p.as_ident()).map(|i| rules.ident_name(i)),
        Expr::Case { .. } => Some("case".into()),
        Expr::Exists { .. } => Some("exists".into()),
        Expr::Array(_) => Some("array".into()),
        Expr::Subquery(query) => match query.body.as_ref() {
            SetExpr::Select(select) => select.projection.first().and_then(|item| match item {
                sqlparser::ast::SelectItem::ExprWithAlias { alias, .. } => Some(rules.ident_name(alias)),
                sqlparser::ast::SelectItem::UnnamedExpr(e) => expression_name(rules, e),
                _ => None,
            }),
            _ => None,
        },
        _ => None,
    }
}

//! A view's query as `pg_get_viewdef(view, true)` prints it (Postgres 15): the select
//! list one column per line, `FROM` with its joins, `WHERE` and `GROUP BY`, each on its
//! own indented line, column references qualified by their relation, expressions with
//! only the parentheses precedence needs. Queries with other clauses (CTEs, DISTINCT,
//! ORDER BY, LIMIT, set operations, subqueries) are not printed: the view's definition
//! stays unknown rather than approximated.

use super::constraints::relation_text;
use super::expr::{condition, deparse_pretty, expression, Scope, TExpr};
use super::names::quote_ident;
use super::state::PgState;
use crate::sql_ast::join_constraint;
use crate::catalog::ObjectName;
use sqlparser::ast::{GroupByExpr, JoinConstraint, JoinOperator, Query, Select, SetExpr};

/// One output column: its analysed expression and name.
pub struct Target {
    pub expr: TExpr,
    pub name: String,
}

/// The printed definition, or `None` when the query has clauses it does not print.
pub fn view_definition(
    state: &PgState,
    query: &Query,
    scope: &Scope,
    relations: &[(ObjectName, Option<String>)],
    targets: &[Target],
) -> Option<String> {
    let SetExpr::Select(select) = query.body.as_ref() else { return None };
    if query.with.is_some() || query.order_by.is_some() || query.limit_clause.is_some() || query.fetch.is_some() {
        return None;
    }
    if !plain_select(select) {
        return None;
    }
    let mut out = String::from(" SELECT ");
    let items: Vec<String> = targets.iter().map(target_text).collect();
    out.push_str(&items.join(",\n    "));
    let mut relation = relations.iter();
    let mut from_items = Vec::new();
    for from in &select.from {
        let mut text = relation_item(relation.next()?);
        for join in &from.joins {
            let keyword = match &join.join_operator {
                JoinOperator::Join(_) | JoinOperator::Inner(_) => "JOIN",
                JoinOperator::Left(_) | JoinOperator::LeftOuter(_) => "LEFT JOIN",
                JoinOperator::Right(_) | JoinOperator::RightOuter(_) => "RIGHT JOIN",
                JoinOperator::FullOuter(_) => "FULL JOIN",
                JoinOperator::CrossJoin(_) => "CROSS JOIN",
                _ => return None,
            };
            let item = relation_item(relation.next()?);
            text.push_str(&format!("\n     {keyword} {item}"));
            match join_constraint(&join.join_operator) {
                Some(JoinConstraint::On(on)) => {
                    let analysed = condition(state, scope, on).ok()?;
                    text.push_str(&format!(" ON {}", deparse_pretty(&analysed)));
                }
                Some(JoinConstraint::None) | None => {}
                Some(_) => return None,
            }
        }
        from_items.push(text);
    }
    if !from_items.is_empty() {
        out.push_str("\n   FROM ");
        out.push_str(&from_items.join(", "));
    }
    if let Some(selection) = &select.selection {
        let analysed = condition(state, scope, selection).ok()?;
        out.push_str(&format!("\n  WHERE {}", deparse_pretty(&analysed)));
    }
    match &select.group_by {
        GroupByExpr::Expressions(exprs, modifiers) if modifiers.is_empty() => {
            if !exprs.is_empty() {
                let printed: Option<Vec<String>> =
                    exprs.iter().map(|e| expression(state, scope, e).ok().map(|t| deparse_pretty(&t))).collect();
                out.push_str(&format!("\n  GROUP BY {}", printed?.join(", ")));
            }
        }
        _ => return None,
    }
    if let Some(having) = &select.having {
        let analysed = condition(state, scope, having).ok()?;
        out.push_str(&format!("\n HAVING {}", deparse_pretty(&analysed)));
    }
    out.push(';');
    Some(out)
}

/// A select without the clauses this printer leaves to the server.
fn plain_select(select: &Select) -> bool {
    select.distinct.is_none()
        && select.top.is_none()
        && select.into.is_none()
        && select.lateral_views.is_empty()
        && select.named_window.is_empty()
        && select.qualify.is_none()
        && select.sort_by.is_empty()
}

/// A FROM item: the relation, and its alias when it has one.
fn relation_item((name, alias): &(ObjectName, Option<String>)) -> String {
    match alias {
        Some(alias) => format!("{} {}", relation_text(name), quote_ident(alias)),
        None => relation_text(name),
    }
}

/// A select-list item: `AS name` unless it is a column of that very name.
fn target_text(target: &Target) -> String {
    let text = deparse_pretty(&target.expr);
    match &target.expr {
        TExpr::Var { name, .. } if *name == target.name => text,
        _ => format!("{text} AS {}", quote_ident(&target.name)),
    }
}

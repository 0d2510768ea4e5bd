//! MySQL's rules that tie GROUP BY, HAVING and ORDER BY to the select list.
//!
//! * A bare name in those clauses that two select items carry (by alias or column name) is
//!   ambiguous when the items are plain columns of different tables or columns
//!   (`SELECT u.name, d.name ... ORDER BY name`); the same column twice, or an expression
//!   item, is not.
//! * Outside aggregate arguments, HAVING sees only the columns the select list or GROUP BY
//!   names as plain columns (all of a table under `*` / `t.*`), besides output aliases and
//!   enclosing queries' columns.

use super::diagnostic::QueryErrorKind;
use super::resolve::Resolver;
use super::scope::{ColumnSet, Relation, Scope};
use sqlparser::ast::{Expr, GroupByExpr, Ident, Query, SelectItem, SelectItemQualifiedWildcardKind, Visit, Visitor};
use std::ops::ControlFlow;

/// A select item that is a plain column: its output name and the column it reads, as the
/// index of its relation in the scope and the column name (`None` when not known for sure).
struct ColumnItem {
    name: String,
    column: Option<(usize, String)>,
}

impl Resolver<'_> {
    /// Reports bare names in `expr` (a GROUP BY, HAVING or ORDER BY expression, outside its
    /// subqueries) that two plain-column select items carry for different columns.
    pub(crate) fn ambiguous_select_names(&mut self, expr: &Expr, projection: &[SelectItem], scope: &Scope<'_>) {
        let items = self.column_items(projection, scope);
        for ident in bare_names(expr) {
            let name = self.rules.ident_name(&ident);
            let mut columns: Vec<Option<(usize, String)>> =
                items.iter().filter(|item| self.rules.same(&name, &item.name)).map(|item| item.column.clone()).collect();
            columns.sort();
            columns.dedup();
            if columns.len() > 1 && columns.iter().all(Option::is_some) {
                let message = self.rules.ambiguous_column(&ident.value);
                self.report(QueryErrorKind::AmbiguousColumn, message, ident.value.clone(), ident.span, Vec::new());
            }
        }
    }

    fn column_items(&self, projection: &[SelectItem], scope: &Scope<'_>) -> Vec<ColumnItem> {
        let mut items = Vec::new();
        for item in projection {
            let (expr, alias) = match item {
                SelectItem::UnnamedExpr(expr) => (expr, None),
                SelectItem::ExprWithAlias { expr, alias } => (expr, Some(alias)),
                _ => continue,
            };
            let Some((qualifier, column)) = column_parts(expr) else { continue };
            let name = self.rules.ident_name(alias.unwrap_or(column));
            items.push(ColumnItem { name, column: self.column_of(qualifier, column, scope) });
        }
        items
    }

    /// The relation (index in the scope's own level) and column a plain column reference
    /// reads, when exactly one qualifiable relation has it.
    fn column_of(&self, qualifier: Option<&Ident>, column: &Ident, scope: &Scope<'_>) -> Option<(usize, String)> {
        let rules = self.rules;
        let column_name = rules.ident_name(column);
        let mut candidates = scope.relations.iter().enumerate().filter(|(_, r)| match qualifier {
            Some(q) => r.is_named(rules, &rules.ident_name(q)),
            None => r.unqualified && r.column_count(rules, &column_name) > 0,
        });
        let (index, relation) = candidates.next()?;
        let certain = candidates.next().is_none() && relation.qualifiable && relation.columns.is_complete();
        certain.then(|| (index, column_name.to_ascii_lowercase()))
    }

    /// MySQL HAVING: this level's relations with only the columns HAVING may name outside
    /// aggregates.
    pub(crate) fn having_relations(&self, scope: &Scope<'_>, projection: &[SelectItem], group_by: &GroupByExpr) -> Vec<Relation> {
        let rules = self.rules;
        let group_exprs: &[Expr] = match group_by {
            GroupByExpr::Expressions(exprs, _) => exprs,
            GroupByExpr::All(_) => &[],
        };
        let mut named: Vec<&Expr> = group_exprs.iter().collect();
        let mut whole: Vec<String> = Vec::new();
        for item in projection {
            match item {
                SelectItem::UnnamedExpr(expr) | SelectItem::ExprWithAlias { expr, .. } => named.push(expr),
                SelectItem::Wildcard(_) => return scope.relations.clone(),
                SelectItem::QualifiedWildcard(SelectItemQualifiedWildcardKind::ObjectName(name), _) => {
                    whole.extend(name.0.last().and_then(|p| p.as_ident()).map(|i| rules.ident_name(i)));
                }
                SelectItem::QualifiedWildcard(..) | SelectItem::ExprWithAliases { .. } => return scope.relations.clone(),
            }
        }
        let columns: Vec<(Option<&Ident>, &Ident)> = named.into_iter().filter_map(column_parts).collect();
        scope
            .relations
            .iter()
            .map(|relation| {
                if !relation.columns.is_complete() || whole.iter().any(|w| relation.is_named(rules, w)) {
                    return relation.clone();
                }
                let visible = |column: &String| {
                    columns.iter().any(|(qualifier, ident)| {
                        rules.same(&rules.ident_name(ident), column)
                            && match qualifier {
                                Some(q) => relation.is_named(rules, &rules.ident_name(q)),
                                None => relation.unqualified,
                            }
                    })
                };
                let mut restricted = relation.clone();
                restricted.columns = ColumnSet::known(relation.columns.names.iter().filter(|c| visible(c)).cloned().collect());
                restricted
            })
            .collect()
    }
}

/// `col` or `t.col` (or `s.t.col`): the qualifier and the column.
fn column_parts(expr: &Expr) -> Option<(Option<&Ident>, &Ident)> {
    match expr {
        Expr::Identifier(column) => Some((None, column)),
        Expr::CompoundIdentifier(idents) => match idents.as_slice() {
            [.., qualifier, column] => Some((Some(qualifier), column)),
            _ => None,
        },
        _ => None,
    }
}

/// The bare names in an expression, outside its subqueries.
fn bare_names(expr: &Expr) -> Vec<Ident> {
    struct Names {
        depth: usize,
        found: Vec<Ident>,
    }
    impl Visitor for Names {
        type Break = ();
        fn pre_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
            self.depth += 1;
            ControlFlow::Continue(())
        }
        fn post_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
            self.depth -= 1;
            ControlFlow::Continue(())
        }
        fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
            if let (0, Expr::Identifier(ident)) = (self.depth, expr) {
                self.found.push(ident.clone());
            }
            ControlFlow::Continue(())
        }
    }
    let mut names = Names { depth: 0, found: Vec::new() };
    let _ = expr.visit(&mut names);
    names.found
}

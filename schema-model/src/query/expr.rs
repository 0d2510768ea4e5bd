//! Column references inside expressions.
//!
//! An expression is walked with sqlparser's [`Visitor`]: every identifier or compound
//! identifier is resolved against the scope, and every nested query (scalar subquery,
//! `EXISTS`, `IN (SELECT ...)`, `ARRAY(SELECT ...)`) is resolved as a query of its own whose
//! outer scope is the current one (correlated references), then skipped by the walk.

use super::diagnostic::QueryErrorKind;
use super::resolve::{Env, Resolver};
use super::scope::{Lookup, Scope};
use sqlparser::ast::{AccessExpr, Expr, FunctionArg, FunctionArguments, Ident, Query, Visit, Visitor};
use std::ops::ControlFlow;

/// Output-column aliases that bare names may fall back to in the clause being walked.
pub(crate) type Aliases<'a> = &'a [String];

/// Walks one expression (or any AST node holding expressions) in a scope.
pub(crate) struct ExprWalker<'r, 'c, 's> {
    resolver: &'r mut Resolver<'c>,
    env: Env<'s>,
    aliases: Aliases<'s>,
    /// The node whose subtree was already handled and is being skipped by the visitor.
    skipping_query: Option<*const Query>,
    skipping_expr: Option<*const Expr>,
    /// Names of named function arguments (`make_interval(days => n)`), not column references.
    argument_names: Vec<*const Expr>,
    /// The scope aggregate functions' arguments see, when it differs from `env` (MySQL
    /// HAVING).
    aggregate_env: Option<Env<'s>>,
}

impl<'r, 'c, 's> ExprWalker<'r, 'c, 's> {
    /// Resolves every column reference in `node`.
    pub fn walk<V: Visit>(resolver: &'r mut Resolver<'c>, node: &V, env: Env<'s>, aliases: Aliases<'s>) {
        Self::walk_with_aggregates(resolver, node, env, None, aliases);
    }

    /// Resolves every column reference in `node`, those in aggregate functions' arguments in
    /// `aggregate_env` when given.
    pub fn walk_with_aggregates<V: Visit>(
        resolver: &'r mut Resolver<'c>,
        node: &V,
        env: Env<'s>,
        aggregate_env: Option<Env<'s>>,
        aliases: Aliases<'s>,
    ) {
        let mut walker =
            ExprWalker { resolver, env, aliases, skipping_query: None, skipping_expr: None, argument_names: Vec::new(), aggregate_env };
        let _ = node.visit(&mut walker);
    }

    fn skipping(&self) -> bool {
        self.skipping_query.is_some() || self.skipping_expr.is_some()
    }

    /// Walks a child node with the same scope (used for parts of a node handled by hand).
    fn walk_child<V: Visit>(&mut self, node: &V) {
        ExprWalker::walk(self.resolver, node, self.env, self.aliases);
    }
}

impl Visitor for ExprWalker<'_, '_, '_> {
    type Break = ();

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        if !self.skipping() {
            self.resolver.query(query, self.env);
            self.skipping_query = Some(query as *const Query);
        }
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        if self.skipping_query == Some(query as *const Query) {
            self.skipping_query = None;
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
        if self.skipping() {
            return ControlFlow::Continue(());
        }
        if self.argument_names.contains(&(expr as *const Expr)) {
            self.skipping_expr = Some(expr as *const Expr);
            return ControlFlow::Continue(());
        }
        match expr {
            Expr::Function(function) if function.over.is_none() && self.aggregate_env.is_some() && self.resolver.rules.is_aggregate(&function.name) => {
                if let Some(env) = self.aggregate_env {
                    ExprWalker::walk(self.resolver, &function.args, env, self.aliases);
                }
                self.skipping_expr = Some(expr as *const Expr);
            }
            Expr::Function(function) => {
                if let FunctionArguments::List(list) = &function.args {
                    for arg in &list.args {
                        if let FunctionArg::ExprNamed { name, .. } = arg {
                            self.argument_names.push(name as *const Expr);
                        }
                    }
                }
            }
            Expr::Identifier(ident) => {
                if let Some(scope) = self.env.scope {
                    self.resolver.column_reference(std::slice::from_ref(ident), scope, self.aliases);
                }
            }
            Expr::CompoundIdentifier(idents) => {
                if let Some(scope) = self.env.scope {
                    self.resolver.column_reference(idents, scope, self.aliases);
                }
            }
            Expr::CompoundFieldAccess { root, access_chain } => {
                // `(t.c).field`, `a[1]`: the root and the subscripts are expressions, field
                // names after a dot are not column references.
                self.walk_child(root.as_ref());
                for access in access_chain {
                    match access {
                        AccessExpr::Subscript(subscript) => self.walk_child(subscript),
                        AccessExpr::Dot(Expr::Identifier(_) | Expr::CompoundIdentifier(_)) => {}
                        AccessExpr::Dot(other) => self.walk_child(other),
                    }
                }
                self.skipping_expr = Some(expr as *const Expr);
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, expr: &Expr) -> ControlFlow<()> {
        if self.skipping_expr == Some(expr as *const Expr) {
            self.skipping_expr = None;
        }
        ControlFlow::Continue(())
    }
}

impl Resolver<'_> {
    /// Resolves `x`, `t.x`, `s.t.x` (or longer) against the scope and reports what the engine
    /// would report.
    pub(crate) fn column_reference(&mut self, idents: &[Ident], scope: &Scope<'_>, aliases: Aliases<'_>) {
        match idents {
            [column] => self.unqualified_column(column, scope, aliases),
            [qualifier, column] => self.qualified_column(None, qualifier, column, scope),
            [schema, table, column] => {
                // `schema.table.column`, or `table.column.field` on a composite column.
                let schema_name = self.rules.ident_name(schema);
                let table_name = self.rules.ident_name(table);
                if scope.relation(self.rules, Some(&schema_name), &table_name).is_some() {
                    self.qualified_column(Some(schema), table, column, scope);
                }
            }
            _ => {}
        }
    }

    fn unqualified_column(&mut self, ident: &Ident, scope: &Scope<'_>, aliases: Aliases<'_>) {
        let rules = self.rules;
        // `DEFAULT` in VALUES and SET, `CURRENT_USER`: keywords, not columns.
        if rules.is_value_keyword(ident) {
            return;
        }
        let name = rules.ident_name(ident);
        match scope.column(rules, &name) {
            Lookup::Found | Lookup::Unknown => return,
            Lookup::Ambiguous => {
                let message = rules.ambiguous_column(&ident.value);
                self.report(QueryErrorKind::AmbiguousColumn, message, ident.value.clone(), ident.span, Vec::new());
                return;
            }
            Lookup::Missing => {}
        }
        let whole_row = rules.whole_row_references() && scope.relation(rules, None, &name).is_some();
        let string_literal = rules.double_quoted_fallback_to_string() && ident.quote_style == Some('"');
        let output_alias = aliases.iter().any(|a| rules.same(&name, a));
        if whole_row || string_literal || output_alias {
            return;
        }
        let suggestions = super::diagnostic::closest_names(&name, scope.visible_columns());
        let message = rules.undefined_column(None, &ident.value);
        self.report(QueryErrorKind::UndefinedColumn, message, ident.value.clone(), ident.span, suggestions);
    }

    fn qualified_column(&mut self, schema: Option<&Ident>, qualifier: &Ident, column: &Ident, scope: &Scope<'_>) {
        let rules = self.rules;
        let schema_name = schema.map(|s| rules.ident_name(s));
        let qualifier_name = rules.ident_name(qualifier);
        let column_name = rules.ident_name(column);
        let written = match schema {
            Some(s) => format!("{}.{}.{}", s.value, qualifier.value, column.value),
            None => format!("{}.{}", qualifier.value, column.value),
        };
        match scope.relation(rules, schema_name.as_deref(), &qualifier_name) {
            Some(relation) => {
                match relation.column_count(rules, &column_name) {
                    0 if relation.columns.is_complete() => {}
                    0 | 1 => return,
                    _ => {
                        let message = rules.ambiguous_column(&column.value);
                        self.report(QueryErrorKind::AmbiguousColumn, message, written, qualifier.span, Vec::new());
                        return;
                    }
                }
                let suggestions =
                    super::diagnostic::closest_names(&column_name, relation.columns.names.iter().map(String::as_str));
                let message = rules.undefined_column(Some(&qualifier.value), &column.value);
                self.report(QueryErrorKind::UndefinedColumn, message, written, qualifier.span, suggestions);
            }
            None => {
                // `c.field` on a composite column `c` is not a table reference.
                if scope.column(rules, &qualifier_name) != Lookup::Missing {
                    return;
                }
                let kind = match rules.engine {
                    crate::catalog::Engine::Postgres => QueryErrorKind::UndefinedTable,
                    _ => QueryErrorKind::UndefinedColumn,
                };
                let suggestions = super::diagnostic::closest_names(&qualifier_name, scope.visible_relations());
                let message = rules.missing_from_entry(&qualifier.value, &column.value);
                self.report(kind, message, written, qualifier.span, suggestions);
            }
        }
    }
}

//! The resolver: walks a parsed statement clause by clause, builds the scope each clause sees
//! and collects a diagnostic for every name the engine would reject.
//!
//! Queries are resolved here (WITH, set operations, SELECT and its clauses, output columns);
//! FROM clauses live in `from`, INSERT/UPDATE/DELETE in `dml`, expressions in `expr`.

use super::diagnostic::{QueryDiagnostic, QueryErrorKind};
use super::expr::{Aliases, ExprWalker};
use super::naming::expression_name;
use super::rules::Rules;
use super::scope::{ColumnSet, Ctes, Scope};
use crate::catalog::{Catalog, Engine};
use sqlparser::ast::{
    Distinct, Expr, GroupByExpr, OrderBy, OrderByExpr, OrderByKind, Query, Select, SelectItem,
    SelectItemQualifiedWildcardKind, SetExpr, Statement, Visit, With,
};
use sqlparser::tokenizer::Span;

/// The scope and common table expressions a query or clause is resolved in.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Env<'s> {
    pub scope: Option<&'s Scope<'s>>,
    pub ctes: Option<&'s Ctes<'s>>,
}

impl<'s> Env<'s> {
    pub fn with_scope(self, scope: &'s Scope<'s>) -> Env<'s> {
        Env { scope: Some(scope), ctes: self.ctes }
    }
}

/// Collects the diagnostics of the statements of one SQL text against one catalog.
pub(crate) struct Resolver<'c> {
    pub catalog: &'c Catalog,
    pub rules: Rules,
    pub diagnostics: Vec<QueryDiagnostic>,
}

const NO_ALIASES: Aliases<'static> = &[];

impl<'c> Resolver<'c> {
    pub fn new(catalog: &'c Catalog) -> Resolver<'c> {
        Resolver { catalog, rules: Rules::new(catalog.engine), diagnostics: Vec::new() }
    }

    pub fn report(&mut self, kind: QueryErrorKind, message: String, name: String, span: Span, suggestions: Vec<String>) {
        let mut diagnostic = QueryDiagnostic::at(kind, message, name, span);
        diagnostic.suggestions = suggestions;
        if !self.diagnostics.contains(&diagnostic) {
            self.diagnostics.push(diagnostic);
        }
    }

    /// Resolves every column reference inside `node` (an expression or a node holding some).
    pub fn walk<V: Visit>(&mut self, node: &V, env: Env<'_>, aliases: Aliases<'_>) {
        ExprWalker::walk(self, node, env, aliases);
    }

    pub fn statement(&mut self, statement: &Statement) {
        let env = Env::default();
        match statement {
            Statement::Query(query) => {
                self.query(query, env);
            }
            Statement::Explain { statement, .. } => self.statement(statement),
            other => {
                self.data_change(other, env);
            }
        }
    }

    /// Resolves a query and returns its output columns.
    pub fn query(&mut self, query: &Query, env: Env<'_>) -> ColumnSet {
        match &query.with {
            Some(with) => {
                let ctes = self.with_clause(with, env);
                self.query_body(query, Env { scope: env.scope, ctes: Some(&ctes) })
            }
            None => self.query_body(query, env),
        }
    }

    fn query_body(&mut self, query: &Query, env: Env<'_>) -> ColumnSet {
        let order_by = order_by_items(query.order_by.as_ref());
        match query.body.as_ref() {
            SetExpr::Select(select) => self.select(select, order_by, env),
            body => {
                let columns = self.set_expr(body, env);
                self.set_operation_order_by(order_by, &columns);
                columns
            }
        }
    }

    fn set_expr(&mut self, body: &SetExpr, env: Env<'_>) -> ColumnSet {
        match body {
            SetExpr::Select(select) => self.select(select, &[], env),
            SetExpr::Query(query) => self.query(query, env),
            SetExpr::SetOperation { left, right, .. } => {
                let columns = self.set_expr(left, env);
                self.set_expr(right, env);
                columns
            }
            SetExpr::Values(values) => {
                self.walk(values, env, NO_ALIASES);
                let width = values.rows.first().map_or(0, |row| row.len());
                let names = (1..=width).map(|i| format!("column{i}")).collect();
                ColumnSet { names, open: self.rules.engine == Engine::Mysql }
            }
            SetExpr::Insert(statement) | SetExpr::Update(statement) | SetExpr::Delete(statement) => {
                self.data_change(statement, env)
            }
            SetExpr::Table(_) | SetExpr::Merge(_) => ColumnSet::open(Vec::new()),
        }
    }

    /// ORDER BY of a set operation or VALUES: only output column names can be referred to.
    fn set_operation_order_by(&mut self, items: &[OrderByExpr], columns: &ColumnSet) {
        if !self.rules.set_order_by_names_outputs() || !columns.is_complete() {
            return;
        }
        for item in items {
            if let Expr::Identifier(ident) = &item.expr {
                let name = self.rules.ident_name(ident);
                if columns.count(self.rules, &name) == 0 {
                    let suggestions = super::diagnostic::closest_names(&name, columns.names.iter().map(String::as_str));
                    let message = self.rules.undefined_column(None, &ident.value);
                    self.report(QueryErrorKind::UndefinedColumn, message, ident.value.clone(), ident.span, suggestions);
                }
            }
        }
    }

    /// Resolves a WITH clause: each CTE sees the ones before it; under RECURSIVE every CTE is
    /// visible everywhere, and a self-reference sees the columns of the non-recursive term.
    fn with_clause<'s>(&mut self, with: &With, env: Env<'s>) -> Ctes<'s> {
        let rules = self.rules;
        let mut ctes = Ctes { entries: Vec::new(), parent: env.ctes };
        let alias_columns = |cte: &sqlparser::ast::Cte| -> Vec<String> {
            cte.alias.columns.iter().map(|c| rules.ident_name(&c.name)).collect()
        };
        if with.recursive {
            for cte in &with.cte_tables {
                ctes.entries.push((rules.ident_name(&cte.alias.name), ColumnSet::open(alias_columns(cte))));
            }
        }
        for (index, cte) in with.cte_tables.iter().enumerate() {
            let columns = match cte.query.body.as_ref() {
                SetExpr::SetOperation { left, right, .. } if with.recursive && cte.query.with.is_none() => {
                    let initial = self.set_expr(left, Env { scope: env.scope, ctes: Some(&ctes) });
                    ctes.entries[index].1 = initial.clone().rename(alias_columns(cte));
                    self.set_expr(right, Env { scope: env.scope, ctes: Some(&ctes) });
                    self.set_operation_order_by(order_by_items(cte.query.order_by.as_ref()), &initial);
                    initial
                }
                _ => self.query(&cte.query, Env { scope: env.scope, ctes: Some(&ctes) }),
            };
            let columns = columns.rename(alias_columns(cte));
            if with.recursive {
                ctes.entries[index].1 = columns;
            } else {
                ctes.entries.push((rules.ident_name(&cte.alias.name), columns));
            }
        }
        ctes
    }

    fn select(&mut self, select: &Select, order_by: &[OrderByExpr], env: Env<'_>) -> ColumnSet {
        let relations = self.resolve_from(&select.from, env);
        let scope = Scope::new(relations, env.scope);
        let env = env.with_scope(&scope);
        let columns = self.projection(&select.projection, env);
        let aliases = &columns.names;
        let where_aliases = if self.rules.aliases_in_where() { aliases.as_slice() } else { NO_ALIASES };
        let expression_aliases = if self.rules.aliases_in_expressions() { aliases.as_slice() } else { NO_ALIASES };
        if let Some(selection) = &select.selection {
            self.walk(selection, env, where_aliases);
        }
        let select_list_scoping = self.rules.select_list_scoping();
        if let GroupByExpr::Expressions(exprs, _) = &select.group_by {
            for expr in exprs {
                self.output_name_expr(expr, env, aliases);
                if select_list_scoping {
                    self.ambiguous_select_names(expr, &select.projection, &scope);
                }
            }
        }
        if let Some(having) = &select.having {
            if select_list_scoping {
                let visible = Scope::new(self.having_relations(&scope, &select.projection, &select.group_by), scope.parent);
                ExprWalker::walk_with_aggregates(self, having, env.with_scope(&visible), Some(env), expression_aliases);
                self.ambiguous_select_names(having, &select.projection, &scope);
            } else {
                self.walk(having, env, expression_aliases);
            }
        }
        for window in &select.named_window {
            self.walk(window, env, NO_ALIASES);
        }
        if let Some(Distinct::On(exprs)) = &select.distinct {
            for expr in exprs {
                self.output_name_expr(expr, env, aliases);
            }
        }
        if let Some(qualify) = &select.qualify {
            self.walk(qualify, env, NO_ALIASES);
        }
        for item in order_by {
            self.output_name_expr(&item.expr, env, aliases);
            if select_list_scoping {
                self.ambiguous_select_names(&item.expr, &select.projection, &scope);
            }
        }
        columns
    }

    /// A GROUP BY, ORDER BY or DISTINCT ON item: a bare name may name an output column;
    /// anything else resolves against the input (with alias fallback where the engine has it).
    fn output_name_expr(&mut self, expr: &Expr, env: Env<'_>, aliases: &[String]) {
        if let Expr::Identifier(ident) = expr {
            let name = self.rules.ident_name(ident);
            if aliases.iter().any(|a| self.rules.same(&name, a)) {
                return;
            }
        }
        let fallback = if self.rules.aliases_in_expressions() { aliases } else { NO_ALIASES };
        self.walk(expr, env, fallback);
    }

    /// Resolves a select list (or RETURNING list) and returns the output columns.
    pub fn projection(&mut self, items: &[SelectItem], env: Env<'_>) -> ColumnSet {
        let mut columns = ColumnSet::default();
        for item in items {
            match item {
                SelectItem::UnnamedExpr(expr) => {
                    self.walk(expr, env, NO_ALIASES);
                    match expression_name(self.rules, expr) {
                        Some(name) => columns.names.push(name),
                        None => columns.names.push(String::new()),
                    }
                }
                SelectItem::ExprWithAlias { expr, alias } => {
                    self.walk(expr, env, NO_ALIASES);
                    columns.names.push(self.rules.ident_name(alias));
                }
                SelectItem::ExprWithAliases { expr, aliases } => {
                    self.walk(expr, env, NO_ALIASES);
                    columns.names.extend(aliases.iter().map(|a| self.rules.ident_name(a)));
                }
                SelectItem::Wildcard(_) => {
                    let relations = env.scope.map_or(&[][..], |s| &s.relations[..]);
                    for relation in relations.iter().filter(|r| r.unqualified) {
                        columns.names.extend(relation.columns.names.iter().cloned());
                        columns.open |= relation.columns.open;
                    }
                }
                SelectItem::QualifiedWildcard(SelectItemQualifiedWildcardKind::ObjectName(name), _) => {
                    match env.scope.and_then(|scope| self.wildcard_relation(name, scope)) {
                        Some(relation_columns) => {
                            columns.names.extend(relation_columns.names);
                            columns.open |= relation_columns.open;
                        }
                        None => columns.open = true,
                    }
                }
                SelectItem::QualifiedWildcard(SelectItemQualifiedWildcardKind::Expr(expr), _) => {
                    self.walk(expr, env, NO_ALIASES);
                    columns.open = true;
                }
            }
        }
        columns
    }

    /// The columns behind `t.*`, reporting `t` when no FROM item has that name.
    fn wildcard_relation(&mut self, name: &sqlparser::ast::ObjectName, scope: &Scope<'_>) -> Option<ColumnSet> {
        let idents: Vec<_> = name.0.iter().filter_map(|p| p.as_ident()).collect();
        let (schema, table) = match idents.as_slice() {
            [table] => (None, *table),
            [schema, table] => (Some(self.rules.ident_name(schema)), *table),
            _ => return None,
        };
        let table_name = self.rules.ident_name(table);
        if let Some(relation) = scope.relation(self.rules, schema.as_deref(), &table_name) {
            return Some(relation.columns.clone());
        }
        if scope.column(self.rules, &table_name) != super::scope::Lookup::Missing {
            return None; // `c.*` on a composite column
        }
        let suggestions = super::diagnostic::closest_names(&table_name, scope.visible_relations());
        let message = match self.rules.engine {
            Engine::Postgres => format!("missing FROM-clause entry for table \"{}\"", table.value),
            _ => self.rules.undefined_table(&name.to_string()),
        };
        self.report(QueryErrorKind::UndefinedTable, message, name.to_string(), table.span, suggestions);
        None
    }
}

/// The expressions of an ORDER BY clause (none for `ORDER BY ALL`).
fn order_by_items(order_by: Option<&OrderBy>) -> &[OrderByExpr] {
    match order_by {
        Some(OrderBy { kind: OrderByKind::Expressions(items), .. }) => items,
        _ => &[],
    }
}

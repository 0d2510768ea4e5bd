//! FROM clauses: the relations each item brings into scope, joins with their USING/NATURAL
//! column merging, LATERAL visibility, and tables looked up in the catalog (or among CTEs).

use super::diagnostic::{closest_names, QueryErrorKind};
use super::resolve::{Env, Resolver};
use super::rules::Rules;
use super::scope::{ColumnSet, Relation, Scope};
use crate::sql_ast::join_constraint;
use crate::catalog::Engine;
use sqlparser::ast::{
    Ident, JoinConstraint, ObjectName, TableAlias, TableFactor, TableWithJoins,
};

/// Relations visible to a LATERAL item: earlier FROM items, then the left side of its join.
type Lateral<'a> = [&'a [Relation]; 2];

impl Resolver<'_> {
    /// Resolves a FROM clause and returns its namespace.
    pub fn resolve_from(&mut self, from: &[TableWithJoins], env: Env<'_>) -> Vec<Relation> {
        let mut relations = Vec::new();
        for item in from {
            let item_relations = self.table_with_joins(item, &relations, env);
            relations.extend(item_relations);
        }
        relations
    }

    fn table_with_joins(&mut self, item: &TableWithJoins, siblings: &[Relation], env: Env<'_>) -> Vec<Relation> {
        let mut left = self.table_factor(&item.relation, [siblings, &[]], env);
        for join in &item.joins {
            let right = self.table_factor(&join.relation, [siblings, &left], env);
            left = self.join(left, right, join_constraint(&join.join_operator), siblings, env);
        }
        left
    }

    /// Combines the two sides of a join, resolving its ON condition or USING list.
    fn join(
        &mut self,
        left: Vec<Relation>,
        right: Vec<Relation>,
        constraint: Option<&JoinConstraint>,
        siblings: &[Relation],
        env: Env<'_>,
    ) -> Vec<Relation> {
        match constraint {
            Some(JoinConstraint::On(condition)) => {
                // Postgres: an ON condition sees only the two sides of its join.
                let mut visible = Vec::new();
                if !self.rules.strict_from_visibility() {
                    visible.extend_from_slice(siblings);
                }
                visible.extend_from_slice(&left);
                visible.extend_from_slice(&right);
                let scope = Scope::new(visible, env.scope);
                self.walk(condition, env.with_scope(&scope), &[]);
                concat(left, right)
            }
            Some(JoinConstraint::Using(names)) => {
                let using: Vec<&Ident> = names.iter().filter_map(|n| n.0.last().and_then(|p| p.as_ident())).collect();
                self.check_using_columns(&using, &left, &right);
                let using: Vec<String> = using.iter().map(|i| self.rules.ident_name(i)).collect();
                merge_join(self.rules, left, right, using)
            }
            Some(JoinConstraint::Natural) => {
                let (left_columns, right_columns) = (visible_columns(&left), visible_columns(&right));
                let common: Vec<String> = left_columns
                    .names
                    .iter()
                    .filter(|c| right_columns.count(self.rules, c) > 0)
                    .cloned()
                    .collect();
                merge_join(self.rules, left, right, common)
            }
            Some(JoinConstraint::None) | None => concat(left, right),
        }
    }

    /// Postgres, MySQL: every USING column must exist on both sides.
    fn check_using_columns(&mut self, using: &[&Ident], left: &[Relation], right: &[Relation]) {
        for (side, relations) in [("left", left), ("right", right)] {
            let columns = visible_columns(relations);
            if !columns.is_complete() {
                continue;
            }
            for ident in using {
                let name = self.rules.ident_name(ident);
                if columns.count(self.rules, &name) == 0 {
                    let Some(message) = self.rules.missing_using_column(&ident.value, side) else { return };
                    let suggestions = closest_names(&name, columns.names.iter().map(String::as_str));
                    self.report(QueryErrorKind::UndefinedColumn, message, ident.value.clone(), ident.span, suggestions);
                }
            }
        }
    }

    fn table_factor(&mut self, factor: &TableFactor, lateral: Lateral<'_>, env: Env<'_>) -> Vec<Relation> {
        match factor {
            TableFactor::Table { name, alias, args: None, .. } => vec![self.named_relation(name, alias.as_ref(), env, true)],
            TableFactor::Table { name, alias, args: Some(args), .. } => {
                let scope = lateral_scope(lateral, env);
                self.walk(args, env.with_scope(&scope), &[]);
                vec![function_relation(self, name, alias.as_ref())]
            }
            TableFactor::Function { name, args, alias, .. } => {
                let scope = lateral_scope(lateral, env);
                self.walk(args, env.with_scope(&scope), &[]);
                vec![function_relation(self, name, alias.as_ref())]
            }
            TableFactor::UNNEST { alias, array_exprs, .. } => {
                let scope = lateral_scope(lateral, env);
                self.walk(array_exprs, env.with_scope(&scope), &[]);
                vec![Relation::new(alias.as_ref().map(|a| self.rules.ident_name(&a.name)), self.alias_columns(alias.as_ref(), ColumnSet::open(Vec::new())))]
            }
            TableFactor::Derived { lateral: is_lateral, subquery, alias, .. } => {
                let columns = if *is_lateral || !self.rules.strict_from_visibility() {
                    let scope = lateral_scope(lateral, env);
                    self.query(subquery, env.with_scope(&scope))
                } else {
                    self.query(subquery, env)
                };
                let name = alias.as_ref().map(|a| self.rules.ident_name(&a.name));
                vec![Relation::new(name, self.alias_columns(alias.as_ref(), columns))]
            }
            TableFactor::NestedJoin { table_with_joins, alias } => {
                let relations = self.table_with_joins(table_with_joins, lateral[0], env);
                match alias {
                    None => relations,
                    Some(alias) => {
                        let columns = self.alias_columns(Some(alias), visible_columns(&relations));
                        vec![Relation::new(Some(self.rules.ident_name(&alias.name)), columns)]
                    }
                }
            }
            other => {
                // Table-valued constructs the model cannot see into: accepted, columns open.
                let alias = table_factor_alias(other);
                vec![Relation::new(alias.map(|a| self.rules.ident_name(&a.name)), ColumnSet::open(Vec::new()))]
            }
        }
    }

    /// Applies `AS alias(a, b, ...)` column names to a relation's columns.
    fn alias_columns(&self, alias: Option<&TableAlias>, columns: ColumnSet) -> ColumnSet {
        match alias {
            Some(alias) if !alias.columns.is_empty() => {
                columns.rename(alias.columns.iter().map(|c| self.rules.ident_name(&c.name)).collect())
            }
            _ => columns,
        }
    }

    /// A table, view or CTE named in FROM (`with_ctes`) or as the target of a data change.
    /// A missing table is reported and stands in with open columns so that it causes no
    /// further errors.
    pub fn named_relation(&mut self, name: &ObjectName, alias: Option<&TableAlias>, env: Env<'_>, with_ctes: bool) -> Relation {
        let rules = self.rules;
        let idents: Vec<&Ident> = name.0.iter().filter_map(|p| p.as_ident()).collect();
        let Some((table, qualifiers)) = idents.split_last() else {
            return Relation::new(alias.map(|a| rules.ident_name(&a.name)), ColumnSet::open(Vec::new()));
        };
        let schema = qualifiers.last().map(|s| rules.ident_name(s));
        let table_name = rules.ident_name(table);
        let alias_name = alias.map(|a| rules.ident_name(&a.name));
        let open = |relation_name: String| Relation::new(Some(alias_name.clone().unwrap_or(relation_name)), ColumnSet::open(Vec::new()));

        // Postgres: `FROM user`, `FROM current_date` call the SQL value function.
        if qualifiers.is_empty() && rules.engine == Engine::Postgres && rules.is_value_keyword(table) {
            return open(table_name);
        }
        if schema.is_none() && with_ctes {
            if let Some(columns) = env.ctes.and_then(|ctes| ctes.find(rules, &table_name)) {
                let columns = self.alias_columns(alias, columns.clone());
                return Relation::new(Some(alias_name.unwrap_or(table_name)), columns);
            }
        }
        if schema.as_deref().is_some_and(|s| rules.is_unmodelled_schema(s)) || qualifiers.len() > 1 {
            return open(table_name);
        }
        let schema_name = schema.clone().unwrap_or_else(|| self.catalog.engine.default_schema().to_string());
        let Some((columns, implicit)) = self.catalog_relation(&schema_name, &table_name) else {
            if schema.is_none() && rules.is_system_table(&table_name) {
                return open(table_name);
            }
            let written = idents.iter().map(|i| i.value.as_str()).collect::<Vec<_>>().join(".");
            let mut candidates: Vec<&str> = self.catalog.tables.keys().chain(self.catalog.views.keys()).map(|n| n.name.as_str()).collect();
            if let Some(ctes) = env.ctes.filter(|_| with_ctes) {
                candidates.extend(ctes.names());
            }
            let suggestions = closest_names(&table_name, candidates.into_iter());
            self.report(QueryErrorKind::UndefinedTable, rules.undefined_table(&written), written, table.span, suggestions);
            return open(table_name);
        };
        let columns = self.alias_columns(alias, columns);
        let mut relation = Relation::new(Some(alias_name.clone().unwrap_or(table_name)), columns);
        relation.implicit = implicit;
        if alias_name.is_none() {
            relation.schema = Some(schema_name);
        }
        relation
    }

    /// Columns of a catalog table or view, and the implicit columns it has.
    fn catalog_relation(&self, schema: &str, name: &str) -> Option<(ColumnSet, &'static [&'static str])> {
        let rules = self.rules;
        let matches = |object: &crate::catalog::ObjectName| rules.same_table(schema, &object.schema) && rules.same_table(name, &object.name);
        // Postgres and MySQL compare table names exactly, so the map finds the table; SQLite
        // folds case.
        let table = match rules.engine {
            Engine::Postgres | Engine::Mysql => self.catalog.tables.get(&crate::catalog::ObjectName::new(schema, name)),
            Engine::Sqlite => self.catalog.tables.values().find(|t| matches(&t.name)),
        };
        if let Some(table) = table {
            let columns = ColumnSet::known(table.columns.iter().map(|c| c.name.clone()).collect());
            return Some((columns, rules.implicit_table_columns(table.sqlite.without_rowid)));
        }
        let view = self.catalog.views.values().find(|v| matches(&v.name))?;
        let names: Vec<String> = view.columns.iter().map(|c| c.name.clone()).collect();
        let columns = if names.is_empty() { ColumnSet::open(names) } else { ColumnSet::known(names) };
        Some((columns, &[]))
    }
}

/// A set-returning function in FROM: named by its alias (or the function), columns open
/// unless listed in the alias.
fn function_relation(resolver: &Resolver<'_>, name: &ObjectName, alias: Option<&TableAlias>) -> Relation {
    let rules = resolver.rules;
    let relation_name = match alias {
        Some(alias) => Some(rules.ident_name(&alias.name)),
        None => name.0.last().and_then(|p| p.as_ident()).map(|i| rules.ident_name(i)),
    };
    let columns = alias.map_or_else(Vec::new, |a| a.columns.iter().map(|c| rules.ident_name(&c.name)).collect());
    Relation::new(relation_name, ColumnSet::open(columns))
}

/// The scope a LATERAL item (or a function in FROM) sees.
fn lateral_scope<'s>(lateral: Lateral<'_>, env: Env<'s>) -> Scope<'s> {
    Scope::new(lateral.concat(), env.scope)
}

/// The columns that unqualified names reach in a list of relations, in order.
fn visible_columns(relations: &[Relation]) -> ColumnSet {
    let mut columns = ColumnSet::default();
    for relation in relations.iter().filter(|r| r.unqualified) {
        columns.names.extend(relation.columns.names.iter().cloned());
        columns.open |= relation.columns.open;
    }
    columns
}

fn concat(mut left: Vec<Relation>, right: Vec<Relation>) -> Vec<Relation> {
    left.extend(right);
    left
}

/// A USING or NATURAL join: the merged columns once, then the remaining columns of each side,
/// reachable unqualified only through the join; each side stays reachable by its name.
fn merge_join(rules: Rules, left: Vec<Relation>, right: Vec<Relation>, merged: Vec<String>) -> Vec<Relation> {
    let (left_columns, right_columns) = (visible_columns(&left), visible_columns(&right));
    let mut names = merged.clone();
    for name in left_columns.names.into_iter().chain(right_columns.names) {
        if !merged.iter().any(|m| rules.same(m, &name)) {
            names.push(name);
        }
    }
    let mut join = Relation::new(None, ColumnSet { names, open: left_columns.open || right_columns.open });
    join.qualifiable = false;
    let mut relations: Vec<Relation> = concat(left, right)
        .into_iter()
        .map(|mut r| {
            r.unqualified = false;
            r
        })
        .collect();
    relations.push(join);
    relations
}


/// The alias of a table factor the resolver does not look into.
fn table_factor_alias(factor: &TableFactor) -> Option<&TableAlias> {
    match factor {
        TableFactor::JsonTable { alias, .. }
        | TableFactor::OpenJsonTable { alias, .. }
        | TableFactor::Pivot { alias, .. }
        | TableFactor::Unpivot { alias, .. }
        | TableFactor::MatchRecognize { alias, .. }
        | TableFactor::XmlTable { alias, .. }
        | TableFactor::SemanticView { alias, .. }
        | TableFactor::TableFunction { alias, .. } => alias.as_ref(),
        _ => None,
    }
}

//! Views that depend on a relation or on one column of a table (Postgres records both in
//! `pg_depend`), and dropping views with everything that depends on them, as
//! `DROP ... CASCADE` does. A view uses a column when its query names it (qualified by the
//! table or its alias, or unqualified and found first in that table) or selects `*` from
//! the table.

use super::state::PgState;
use crate::catalog::ObjectName;
use sqlparser::ast::{visit_expressions, Expr, Query, SelectItem, SetExpr, TableFactor};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use std::ops::ControlFlow;

/// Views reading `relation` directly.
pub fn views_reading(state: &PgState, relation: &ObjectName) -> Vec<ObjectName> {
    state
        .view_dependencies
        .iter()
        .filter(|(view, deps)| *view != relation && deps.contains(relation))
        .map(|(view, _)| view.clone())
        .collect()
}

/// Views whose query uses `column` of `table`.
pub fn views_using_column(state: &PgState, table: &ObjectName, column: &str) -> Vec<ObjectName> {
    views_reading(state, table)
        .into_iter()
        .filter(|view| {
            let Some(query) = state.catalog.views.get(view).and_then(|v| parse_query(&v.query)) else {
                return true;
            };
            query_uses_column(state, &query, table, column)
        })
        .collect()
}

fn parse_query(text: &str) -> Option<Query> {
    Parser::new(&PostgreSqlDialect {}).try_with_sql(text).and_then(|mut p| p.parse_query()).ok().map(|q| *q)
}

/// The FROM relations of a plain SELECT: resolved name and the label columns qualify by.
fn from_relations(state: &PgState, query: &Query) -> Vec<(ObjectName, String)> {
    let SetExpr::Select(select) = query.body.as_ref() else { return Vec::new() };
    let factors = select.from.iter().flat_map(|f| std::iter::once(&f.relation).chain(f.joins.iter().map(|j| &j.relation)));
    factors
        .filter_map(|factor| {
            let TableFactor::Table { name, alias, .. } = factor else { return None };
            let (found, _) = state.lookup_relation(&state.name_parts(name))?;
            let label = alias.as_ref().map(|a| PgState::ident(&a.name)).unwrap_or_else(|| found.name.clone());
            Some((found, label))
        })
        .collect()
}

fn relation_has_column(state: &PgState, relation: &ObjectName, column: &str) -> bool {
    match state.catalog.tables.get(relation) {
        Some(table) => table.column(column).is_some(),
        None => state.catalog.views.get(relation).is_some_and(|v| v.columns.iter().any(|c| c.name == column)),
    }
}

fn query_uses_column(state: &PgState, query: &Query, table: &ObjectName, column: &str) -> bool {
    let relations = from_relations(state, query);
    let labels: Vec<&str> = relations.iter().filter(|(r, _)| r == table).map(|(_, l)| l.as_str()).collect();
    if let SetExpr::Select(select) = query.body.as_ref() {
        let star = select.projection.iter().any(|item| match item {
            SelectItem::Wildcard(_) => true,
            SelectItem::QualifiedWildcard(kind, _) => {
                let text = kind.to_string();
                labels.iter().any(|l| text.trim_end_matches(".*").rsplit('.').next() == Some(*l))
            }
            _ => false,
        });
        if star {
            return true;
        }
    }
    let first_owner = relations.iter().find(|(r, _)| relation_has_column(state, r, column)).map(|(r, _)| r);
    let used = visit_expressions(query, |expr| {
        let uses = match expr {
            Expr::Identifier(ident) => PgState::ident(ident) == column && first_owner == Some(table),
            Expr::CompoundIdentifier(parts) => match parts.as_slice() {
                [.., qualifier, name] => {
                    PgState::ident(name) == column && labels.contains(&PgState::ident(qualifier).as_str())
                }
                _ => false,
            },
            _ => false,
        };
        if uses {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    used.is_break()
}

/// Drops `views` and, transitively, every view reading them.
/// After a table or view was renamed: the dependency records follow the new name.
pub fn relation_renamed(state: &mut PgState, old: &ObjectName, new: &ObjectName) {
    if let Some(dependencies) = state.view_dependencies.remove(old) {
        state.view_dependencies.insert(new.clone(), dependencies);
    }
    for dependencies in state.view_dependencies.values_mut() {
        dependencies.iter_mut().filter(|d| *d == old).for_each(|d| *d = new.clone());
    }
}

pub fn drop_views_cascade(state: &mut PgState, views: Vec<ObjectName>) {
    let mut pending = views;
    while let Some(view) = pending.pop() {
        if state.catalog.views.remove(&view).is_none() {
            continue;
        }
        pending.extend(views_reading(state, &view));
        state.view_dependencies.remove(&view);
        state.index_shapes.retain(|_, s| s.table != view);
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use super::super::tests::replay_catalog as replay;

    fn view_names(catalog: &Catalog) -> Vec<&str> {
        catalog.views.keys().map(|k| k.name.as_str()).collect()
    }

    #[test]
    fn dropping_a_used_column_needs_cascade() {
        let error = replay("CREATE TABLE t (id integer, a integer);\nCREATE VIEW v AS SELECT a FROM t;\nALTER TABLE t DROP COLUMN a;")
            .unwrap_err();
        assert_eq!(error.message, "cannot drop column a of table t because other objects depend on it");
        assert_eq!(error.location.line, 3);
        let catalog = replay(
            "CREATE TABLE t (id integer, a integer);\nCREATE VIEW v AS SELECT x.a FROM t AS x;\n\
             CREATE VIEW w AS SELECT a FROM v;\nCREATE VIEW keep AS SELECT id FROM t;\nALTER TABLE t DROP COLUMN a CASCADE;",
        )
        .unwrap();
        assert_eq!(view_names(&catalog), ["keep"]);
    }

    #[test]
    fn unused_columns_drop_freely_and_star_uses_all() {
        let catalog = replay("CREATE TABLE t (id integer, a integer);\nCREATE VIEW v AS SELECT id FROM t;\nALTER TABLE t DROP COLUMN a;")
            .unwrap();
        assert_eq!(view_names(&catalog), ["v"]);
        assert!(replay("CREATE TABLE t (id integer, a integer);\nCREATE VIEW v AS SELECT * FROM t;\nALTER TABLE t DROP COLUMN a;").is_err());
    }

    #[test]
    fn drop_table_cascade_drops_dependent_views() {
        let catalog = replay(
            "CREATE TABLE p (id integer PRIMARY KEY);\nCREATE TABLE c (p_id integer REFERENCES p (id));\n\
             CREATE VIEW v AS SELECT id FROM p;\nCREATE VIEW w AS SELECT id FROM v;\nDROP TABLE p CASCADE;",
        )
        .unwrap();
        assert!(view_names(&catalog).is_empty());
        assert_eq!(catalog.tables.len(), 1);
    }
}

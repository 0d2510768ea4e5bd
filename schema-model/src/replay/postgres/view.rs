//! CREATE / DROP VIEW and MATERIALIZED VIEW: output columns (names and types) resolved
//! from the query's select list against the tables it reads, as Postgres derives them;
//! renaming a view or one of its columns.

use super::expr::{expression, Scope, TExpr};
use super::state::{PgState, Relation, Stmt};
use super::types::PgType;
use super::viewdef::{view_definition, Target};
use crate::catalog::{ObjectName, Provenance, View, ViewColumn};
use crate::error::ReplayError;
use sqlparser::ast::{CreateView, Expr, Query, SelectItem, SetExpr, TableFactor};

/// The output columns of a view as an expression scope (for indexes on materialized views).
pub fn view_scope(view: &View) -> Scope {
    Scope::single(
        &view.name.name,
        view.columns.iter().map(|c| (c.name.clone(), PgType::parse_formatted(&c.ty))).collect(),
    )
}

/// Columns of a relation the query reads, with their full types.
fn relation_columns(state: &PgState, name: &ObjectName) -> Vec<(String, PgType)> {
    match state.catalog.tables.get(name) {
        Some(table) => table.columns.iter().map(|c| (c.name.clone(), PgType::parse_formatted(&c.ty.engine))).collect(),
        None => state.catalog.views.get(name).map(|v| view_scope(v).relations.remove(0).1).unwrap_or_default(),
    }
}

/// `FigureColname`: the name Postgres gives an unaliased output column.
fn figure_name(expr: &Expr) -> String {
    match expr {
        Expr::Identifier(ident) => PgState::ident(ident),
        Expr::CompoundIdentifier(parts) => parts.last().map(PgState::ident).unwrap_or_default(),
        Expr::Function(f) => f.name.0.last().and_then(|p| p.as_ident()).map(PgState::ident).unwrap_or_default(),
        Expr::Cast { expr, .. } | Expr::Nested(expr) => match figure_name(expr).as_str() {
            "?column?" => "?column?".to_string(),
            name => name.to_string(),
        },
        _ => "?column?".to_string(),
    }
}

pub fn create_view(state: &mut PgState, create: &CreateView, stmt: &Stmt) -> Result<(), ReplayError> {
    let name = state.creation_name(&create.name, stmt)?;
    if let Some(existing) = state.relation_in(&name.schema, &name.name) {
        let replaceable = create.or_replace && existing == Relation::View && !create.materialized;
        if create.if_not_exists {
            return Ok(());
        }
        if !replaceable {
            return Err(stmt.reject(format!("relation \"{}\" already exists", name.name)));
        }
    }
    let mut resolved = resolve_query(state, &create.query, stmt)?;
    for ((column, target), alias) in resolved.columns.iter_mut().zip(resolved.targets.iter_mut()).zip(&create.columns) {
        column.name = PgState::ident(&alias.name);
        target.name = column.name.clone();
    }
    let definition = view_definition(state, &create.query, &resolved.scope, &resolved.from_relations, &resolved.targets);
    state.view_dependencies.insert(name.clone(), resolved.dependencies);
    state.catalog.views.insert(
        name.clone(),
        View {
            name,
            materialized: create.materialized,
            columns: resolved.columns,
            query: create.query.to_string(),
            definition,
            indexes: Vec::new(),
            provenance: Provenance::new(stmt.at),
        },
    );
    Ok(())
}

/// A SELECT's output columns resolved against the relations it reads.
pub struct ResolvedQuery {
    pub columns: Vec<ViewColumn>,
    targets: Vec<Target>,
    scope: Scope,
    from_relations: Vec<(ObjectName, Option<String>)>,
    dependencies: Vec<ObjectName>,
}

/// Resolves the output columns of a view's (or `CREATE TABLE ... AS`) query.
pub fn resolve_query(state: &PgState, query: &Query, stmt: &Stmt) -> Result<ResolvedQuery, ReplayError> {
    let SetExpr::Select(select) = query.body.as_ref() else {
        return Err(stmt.unsupported("queries with set operations are not modelled by the Postgres replay in views and CREATE TABLE AS"));
    };
    let mut scope = Scope { relations: Vec::new(), qualify: true };
    let mut dependencies = Vec::new();
    let mut from_relations = Vec::new();
    for from in &select.from {
        for factor in std::iter::once(&from.relation).chain(from.joins.iter().map(|j| &j.relation)) {
            let TableFactor::Table { name: table_name, alias, .. } = factor else {
                return Err(stmt.unsupported("views reading subqueries or functions are not modelled by the Postgres replay"));
            };
            let parts = state.name_parts(table_name);
            let Some((found, _)) = state.lookup_relation(&parts) else {
                return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join("."))));
            };
            let alias = alias.as_ref().map(|a| PgState::ident(&a.name));
            let label = alias.clone().unwrap_or_else(|| found.name.clone());
            scope.relations.push((label, relation_columns(state, &found)));
            from_relations.push((found.clone(), alias));
            dependencies.push(found);
        }
    }
    let mut columns = Vec::new();
    let mut targets = Vec::new();
    for item in &select.projection {
        match item {
            SelectItem::Wildcard(_) => {
                for (relation, relation_columns) in &scope.relations {
                    for (name, ty) in relation_columns {
                        columns.push(ViewColumn { name: name.clone(), ty: ty.format() });
                        let expr = TExpr::Var { qualifier: Some(relation.clone()), name: name.clone(), ty: ty.without_mods() };
                        targets.push(Target { expr, name: name.clone() });
                    }
                }
            }
            SelectItem::UnnamedExpr(expr) => {
                let (column, target) = output_column(state, &scope, expr, figure_name(expr), stmt)?;
                columns.push(column);
                targets.push(target);
            }
            SelectItem::ExprWithAlias { expr, alias } => {
                let (column, target) = output_column(state, &scope, expr, PgState::ident(alias), stmt)?;
                columns.push(column);
                targets.push(target);
            }
            other => return Err(stmt.unsupported(format!("select item `{other}` is not modelled by the Postgres replay"))),
        }
    }
    Ok(ResolvedQuery { columns, targets, scope, from_relations, dependencies })
}

/// One output column: a plain column keeps its declared type (with modifiers).
fn output_column(
    state: &PgState,
    scope: &Scope,
    expr: &Expr,
    name: String,
    stmt: &Stmt,
) -> Result<(ViewColumn, Target), ReplayError> {
    let analysed = expression(state, scope, expr).map_err(|e| e.at(stmt))?;
    let ty = match &analysed {
        TExpr::Var { qualifier, name: column, .. } => scope
            .relations
            .iter()
            .filter(|(r, _)| qualifier.as_ref().is_none_or(|q| q == r))
            .find_map(|(_, cols)| cols.iter().find(|(c, _)| c == column).map(|(_, t)| t.clone()))
            .unwrap_or_else(|| analysed.ty()),
        other => other.ty(),
    };
    // An output column of a still-unknown type (a string literal) is resolved to text.
    let ty = if ty.category() == super::types::Category::Unknown { PgType::builtin("text") } else { ty };
    Ok((ViewColumn { name: name.clone(), ty: ty.format() }, Target { expr: analysed, name }))
}

pub fn drop_view(
    state: &mut PgState,
    parts: &[String],
    materialized: bool,
    if_exists: bool,
    cascade: bool,
    stmt: &Stmt,
) -> Result<bool, ReplayError> {
    let kind = if materialized { "materialized view" } else { "view" };
    let expected = if materialized { Relation::MaterializedView } else { Relation::View };
    let name = match state.lookup_relation(parts) {
        Some((name, relation)) if relation == expected => name,
        Some(_) => return Err(stmt.reject(format!("\"{}\" is not a {kind}", parts.join(".")))),
        None if if_exists => return Ok(false),
        None => return Err(stmt.reject(format!("{kind} \"{}\" does not exist", parts.join(".")))),
    };
    let used = state.view_dependencies.iter().any(|(v, deps)| *v != name && deps.contains(&name));
    if used && !cascade {
        return Err(stmt.reject(format!("cannot drop {kind} {} because other objects depend on it", name.name)));
    }
    super::view_dependents::drop_views_cascade(state, vec![name]);
    Ok(true)
}

/// The view or materialized view `parts` names, for ALTER [MATERIALIZED] VIEW (`None`:
/// it does not exist).
pub fn resolve_view(state: &PgState, parts: &[String], materialized: bool, stmt: &Stmt) -> Result<Option<ObjectName>, ReplayError> {
    let expected = if materialized { Relation::MaterializedView } else { Relation::View };
    match state.lookup_relation(parts) {
        Some((name, relation)) if relation == expected => Ok(Some(name)),
        Some(_) => Err(stmt.reject(format!("\"{}\" is not a {}", parts.join("."), if materialized { "materialized view" } else { "view" }))),
        None => Ok(None),
    }
}

/// ALTER [MATERIALIZED] VIEW ... RENAME TO (or ALTER TABLE on a view).
pub fn rename_view(state: &mut PgState, old: &ObjectName, new_name: &str, stmt: &Stmt) -> Result<(), ReplayError> {
    let new = ObjectName::new(old.schema.clone(), new_name.to_string());
    if state.relation_in(&new.schema, &new.name).is_some() {
        return Err(stmt.reject(format!("relation \"{new_name}\" already exists")));
    }
    let mut view = state.catalog.views.remove(old).expect("resolved view");
    view.name = new.clone();
    view.provenance.touch(stmt.at);
    for index in &mut view.indexes {
        if let Some(shape) = state.index_shapes.get_mut(&ObjectName::new(new.schema.clone(), index.name.clone())) {
            shape.table = new.clone();
            index.definition = Some(shape.definition(&index.name));
        }
    }
    state.catalog.views.insert(new.clone(), view);
    super::view_dependents::relation_renamed(state, old, &new);
    Ok(())
}

/// ALTER [MATERIALIZED] VIEW ... RENAME [COLUMN] a TO b. The stored query text is not
/// reprinted, so the printed definition becomes unknown.
pub fn rename_view_column(state: &mut PgState, view: &ObjectName, old: &str, new: &str, stmt: &Stmt) -> Result<(), ReplayError> {
    let entry = state.catalog.views.get_mut(view).expect("resolved view");
    if entry.columns.iter().any(|c| c.name == new) {
        return Err(stmt.reject(format!("column \"{new}\" of relation \"{}\" already exists", view.name)));
    }
    let Some(column) = entry.columns.iter_mut().find(|c| c.name == old) else {
        return Err(stmt.reject(format!("column \"{old}\" does not exist")));
    };
    column.name = new.to_string();
    entry.definition = None;
    entry.provenance.touch(stmt.at);
    Ok(())
}

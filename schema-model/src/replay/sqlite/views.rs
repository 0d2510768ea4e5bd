//! Views: the text SQLite stores (`CREATE VIEW ` and the statement from the name on) and the
//! output columns `pragma table_info` reports for a view, computed from its query against the
//! current schema (names as SQLite derives them, declared types of the columns they come from).

use super::messages;
use super::statement::Statement;
use super::table_def::DefError;
use super::tokens::{byte_offset, Tokens};
use super::types::{affinity, Affinity};
use super::SqliteReplay;
use crate::sql_ast::join_constraint;
use crate::catalog::{Catalog, ViewColumn};
use sqlparser::ast::{
    Expr, JoinConstraint, ObjectName as SqlName, Query, Select, SelectItem,
    SelectItemQualifiedWildcardKind, SetExpr, Spanned, Statement as SqlStatement, TableFactor,
};
use sqlparser::dialect::SQLiteDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;
use std::ops::Range;

/// A `CREATE VIEW` statement's name and stored text.
pub struct ViewDef {
    pub name: String,
    pub schema: Option<String>,
    pub name_range: Range<usize>,
    pub if_not_exists: bool,
    pub sql: String,
}

/// Reads a `CREATE VIEW` statement.
pub fn parse_view(st: &Statement) -> Result<ViewDef, DefError> {
    let parsed = Parser::parse_sql(&SQLiteDialect {}, st.text()).map_err(|e| DefError {
        message: e.to_string(),
        offset: 0,
    })?;
    let Some(SqlStatement::CreateView(view)) = parsed.first() else {
        return Err(DefError {
            message: "expected CREATE VIEW".to_string(),
            offset: 0,
        });
    };
    let parts = name_parts(&view.name);
    let last = view
        .name
        .0
        .last()
        .map(|p| p.span())
        .unwrap_or_else(|| view.name.span());
    let start = byte_offset(st.text(), last.start.line, last.start.column);
    let end = byte_offset(st.text(), last.end.line, last.end.column);
    let end_of_text = st.toks.toks.last().map_or(st.text().len(), |t| t.end);
    Ok(ViewDef {
        name: parts.last().cloned().unwrap_or_default(),
        schema: (parts.len() > 1).then(|| parts[0].clone()),
        name_range: start..end,
        if_not_exists: view.if_not_exists,
        sql: format!("CREATE VIEW {}", st.text()[start..end_of_text].trim_end()),
    })
}

fn name_parts(name: &SqlName) -> Vec<String> {
    name.0
        .iter()
        .filter_map(|p| p.as_ident().map(|i| i.value.clone()))
        .collect()
}

/// The output columns of the view stored as `sql`, resolved against `catalog`.
pub fn view_columns(catalog: &Catalog, sql: &str) -> Result<Vec<ViewColumn>, String> {
    statement_output(catalog, sql)
}

/// The output columns of the query of a `CREATE VIEW` or `CREATE TABLE ... AS SELECT`
/// statement, named as SQLite names them (explicit view column names first).
pub fn statement_output(catalog: &Catalog, sql: &str) -> Result<Vec<ViewColumn>, String> {
    let parsed = Parser::parse_sql(&SQLiteDialect {}, sql).map_err(|e| e.to_string())?;
    let (query, names): (&Query, Vec<String>) = match parsed.first() {
        Some(SqlStatement::CreateView(view)) => (
            &view.query,
            view.columns.iter().map(|c| c.name.value.clone()).collect(),
        ),
        Some(SqlStatement::CreateTable(table)) if table.query.is_some() => (
            table.query.as_deref().ok_or("expected a query")?,
            Vec::new(),
        ),
        _ => return Err("expected CREATE VIEW or CREATE TABLE ... AS SELECT".to_string()),
    };
    let items = select_item_texts(sql);
    let scope = Scope {
        catalog,
        ctes: Vec::new(),
    };
    let mut columns = query_columns(&scope, query, sql, &items)?;
    for (column, name) in columns.iter_mut().zip(names) {
        column.name = name;
    }
    Ok(unique_names(columns))
}

impl SqliteReplay {
    /// Recomputes every view's columns after a schema change, as `pragma table_info` would.
    pub(super) fn refresh_views(&mut self) {
        let updates: Vec<_> = self
            .catalog
            .views
            .iter()
            .filter_map(|(key, view)| {
                let sql = view.definition.as_deref()?;
                view_columns(&self.catalog, sql)
                    .ok()
                    .map(|columns| (key.clone(), columns))
            })
            .collect();
        for (key, columns) in updates {
            if let Some(view) = self.catalog.views.get_mut(&key) {
                view.columns = columns;
            }
        }
    }
}

/// A source of a FROM clause: the name it is referred to by and its columns.
#[derive(Clone)]
struct Source {
    name: String,
    columns: Vec<ViewColumn>,
    /// Columns merged into an earlier source by `USING` or `NATURAL`, which an unqualified
    /// `*` lists only once.
    joined: Vec<String>,
}

/// What names in a query can refer to: the schema and the common table expressions in scope.
#[derive(Clone)]
struct Scope<'a> {
    catalog: &'a Catalog,
    ctes: Vec<Source>,
}

/// `items` are the texts of the outermost select list, which SQLite uses to name expression
/// columns; nested selects (derived tables) pass none.
fn query_columns(
    scope: &Scope,
    query: &Query,
    sql: &str,
    items: &[String],
) -> Result<Vec<ViewColumn>, String> {
    let Some(with) = &query.with else {
        return set_columns(scope, &query.body, sql, items);
    };
    let mut inner = scope.clone();
    for cte in &with.cte_tables {
        let mut columns = query_columns(&inner, &cte.query, sql, &[])?;
        for (column, alias) in columns.iter_mut().zip(&cte.alias.columns) {
            column.name = alias.name.value.clone();
        }
        inner.ctes.push(Source {
            name: cte.alias.name.value.clone(),
            columns,
            joined: Vec::new(),
        });
    }
    set_columns(&inner, &query.body, sql, items)
}

fn set_columns(
    scope: &Scope,
    body: &SetExpr,
    sql: &str,
    items: &[String],
) -> Result<Vec<ViewColumn>, String> {
    match body {
        SetExpr::Select(select) => select_columns(scope, select, sql, items),
        SetExpr::Query(query) => query_columns(scope, query, sql, items),
        SetExpr::SetOperation { left, .. } => set_columns(scope, left, sql, items),
        SetExpr::Values(values) => Ok((1..=values.rows.first().map_or(0, |r| r.len()))
            .map(|i| ViewColumn {
                name: format!("column{i}"),
                ty: String::new(),
            })
            .collect()),
        _ => Err("this view query is not modelled".to_string()),
    }
}

fn sources(scope: &Scope, select: &Select, sql: &str) -> Result<Vec<Source>, String> {
    let mut out: Vec<Source> = Vec::new();
    for from in &select.from {
        let factors = std::iter::once((&from.relation, None)).chain(
            from.joins
                .iter()
                .map(|j| (&j.relation, join_constraint(&j.join_operator))),
        );
        for (factor, constraint) in factors {
            let mut source = match factor {
                TableFactor::Table { name, alias, .. } => {
                    let parts = name_parts(name);
                    let table_name = parts.last().cloned().unwrap_or_default();
                    let columns = relation_columns(scope, &table_name)
                        .ok_or_else(|| messages::no_such_table(&parts.join(".")))?;
                    let name = alias.as_ref().map_or(table_name, |a| a.name.value.clone());
                    Source {
                        name,
                        columns,
                        joined: Vec::new(),
                    }
                }
                TableFactor::Derived {
                    subquery, alias, ..
                } => {
                    let columns = query_columns(scope, subquery, sql, &[])?;
                    let name = alias
                        .as_ref()
                        .map_or_else(String::new, |a| a.name.value.clone());
                    Source {
                        name,
                        columns,
                        joined: Vec::new(),
                    }
                }
                _ => return Err("this view source is not modelled".to_string()),
            };
            source.joined = match constraint {
                Some(JoinConstraint::Using(names)) => names.iter().flat_map(name_parts).collect(),
                Some(JoinConstraint::Natural) => source
                    .columns
                    .iter()
                    .filter(|c| {
                        out.iter().any(|s| {
                            s.columns
                                .iter()
                                .any(|o| o.name.eq_ignore_ascii_case(&c.name))
                        })
                    })
                    .map(|c| c.name.clone())
                    .collect(),
                _ => Vec::new(),
            };
            out.push(source);
        }
    }
    Ok(out)
}

/// Columns of a common table expression, table (declared types) or view, by name.
fn relation_columns(scope: &Scope, name: &str) -> Option<Vec<ViewColumn>> {
    if let Some(cte) = scope
        .ctes
        .iter()
        .rev()
        .find(|c| c.name.eq_ignore_ascii_case(name))
    {
        return Some(cte.columns.clone());
    }
    let catalog = scope.catalog;
    if let Some(table) = catalog
        .tables
        .values()
        .find(|t| t.name.name.eq_ignore_ascii_case(name))
    {
        return Some(
            table
                .columns
                .iter()
                .map(|c| {
                    // A column declared without a type has BLOB affinity, which is reported.
                    let ty = if c.ty.engine.is_empty() {
                        "BLOB".to_string()
                    } else {
                        c.ty.engine.clone()
                    };
                    ViewColumn {
                        name: c.name.clone(),
                        ty,
                    }
                })
                .collect(),
        );
    }
    catalog
        .views
        .values()
        .find(|v| v.name.name.eq_ignore_ascii_case(name))
        .map(|v| v.columns.clone())
}

fn select_columns(
    scope: &Scope,
    select: &Select,
    sql: &str,
    items: &[String],
) -> Result<Vec<ViewColumn>, String> {
    let sources = sources(scope, select, sql)?;
    let mut out = Vec::new();
    for (position, item) in select.projection.iter().enumerate() {
        match item {
            SelectItem::UnnamedExpr(expr) => {
                let origin = resolve(&sources, expr)?;
                let ty = reported_type(origin.as_ref(), expr);
                let name = match origin {
                    Some(column) => column.name,
                    None => items
                        .get(position)
                        .cloned()
                        .unwrap_or_else(|| expr.to_string()),
                };
                out.push(ViewColumn { name, ty });
            }
            SelectItem::ExprWithAlias { expr, alias } => {
                let origin = resolve(&sources, expr)?;
                out.push(ViewColumn {
                    name: alias.value.clone(),
                    ty: reported_type(origin.as_ref(), expr),
                });
            }
            SelectItem::Wildcard(_) => {
                if sources.is_empty() {
                    return Err("no tables specified".to_string());
                }
                out.extend(sources.iter().flat_map(|s| {
                    s.columns
                        .iter()
                        .filter(|c| !s.joined.iter().any(|j| j.eq_ignore_ascii_case(&c.name)))
                        .cloned()
                }));
            }
            SelectItem::QualifiedWildcard(SelectItemQualifiedWildcardKind::ObjectName(name), _) => {
                let parts = name_parts(name);
                let wanted = parts.last().cloned().unwrap_or_default();
                let source = sources
                    .iter()
                    .find(|s| s.name.eq_ignore_ascii_case(&wanted))
                    .ok_or_else(|| messages::no_such_table(&parts.join(".")))?;
                out.extend(source.columns.iter().cloned());
            }
            _ => return Err("this select list item is not modelled".to_string()),
        }
    }
    Ok(out)
}

/// The column an expression refers to directly, if it is a column reference; an unknown
/// column is SQLite's "no such column".
fn resolve(sources: &[Source], expr: &Expr) -> Result<Option<ViewColumn>, String> {
    let (qualifier, name) = match expr {
        Expr::Identifier(ident) => (None, ident.value.clone()),
        Expr::CompoundIdentifier(parts) if parts.len() >= 2 => (
            Some(parts[parts.len() - 2].value.clone()),
            parts[parts.len() - 1].value.clone(),
        ),
        Expr::Nested(inner) => return resolve(sources, inner),
        _ => return Ok(None),
    };
    let found = sources
        .iter()
        .filter(|s| {
            qualifier
                .as_ref()
                .is_none_or(|q| s.name.eq_ignore_ascii_case(q))
        })
        .flat_map(|s| s.columns.iter())
        .find(|c| c.name.eq_ignore_ascii_case(&name))
        .cloned();
    match found {
        Some(column) => Ok(Some(column)),
        None if qualifier.is_none()
            && matches!(expr, Expr::Identifier(i) if i.quote_style == Some('"')) =>
        {
            Ok(None)
        }
        None => {
            let shown = qualifier.map_or(name.clone(), |q| format!("{q}.{name}"));
            Err(messages::no_such_column(&shown))
        }
    }
}

/// The type `pragma table_info` reports for a view column: the declared type of the column it
/// reads; for a CAST, the built-in type name of the cast's affinity; otherwise none.
fn reported_type(origin: Option<&ViewColumn>, expr: &Expr) -> String {
    if let Some(column) = origin {
        return column.ty.clone();
    }
    match expr {
        Expr::Nested(inner) => reported_type(None, inner),
        Expr::Cast { data_type, .. } => affinity_type_name(&data_type.to_string()).to_string(),
        _ => String::new(),
    }
}

/// The first built-in type name SQLite lists for an affinity (`NUM` for NUMERIC).
fn affinity_type_name(declared: &str) -> &'static str {
    match affinity(declared) {
        Affinity::Integer => "INT",
        Affinity::Text => "TEXT",
        Affinity::Blob => "BLOB",
        Affinity::Real => "REAL",
        Affinity::Numeric => "NUM",
    }
}

/// The texts of the items of the outermost select list of a `CREATE VIEW` text, as written.
fn select_item_texts(sql: &str) -> Vec<String> {
    let Ok(toks) = Tokens::new(sql) else {
        return Vec::new();
    };
    let mut depth = 0usize;
    let mut start = None;
    for (i, t) in toks.toks.iter().enumerate() {
        match t.token {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            _ if depth == 0 && t.is_kw("SELECT") => {
                start = Some(i + 1);
                break;
            }
            _ => {}
        }
    }
    let Some(mut i) = start else {
        return Vec::new();
    };
    if toks.kw(i, "DISTINCT") || toks.kw(i, "ALL") {
        i += 1;
    }
    const ENDS: &[&str] = &[
        "FROM",
        "WHERE",
        "GROUP",
        "HAVING",
        "WINDOW",
        "ORDER",
        "LIMIT",
        "UNION",
        "EXCEPT",
        "INTERSECT",
    ];
    let mut items = Vec::new();
    let mut item_start = i;
    let mut depth = 0usize;
    while i <= toks.len() {
        let at_end = i == toks.len() || (depth == 0 && ENDS.iter().any(|k| toks.kw(i, k)));
        if at_end || (depth == 0 && toks.is(i, &Token::Comma)) {
            if i > item_start {
                items.push(sql[toks.toks[item_start].start..toks.toks[i - 1].end].to_string());
            }
            if at_end {
                break;
            }
            item_start = i + 1;
        } else if toks.is(i, &Token::LParen) {
            depth += 1;
        } else if toks.is(i, &Token::RParen) {
            depth = depth.saturating_sub(1);
        }
        i += 1;
    }
    items
}

/// SQLite makes output names unique by appending `:1`, `:2`, ... (case-insensitively).
fn unique_names(columns: Vec<ViewColumn>) -> Vec<ViewColumn> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for mut column in columns {
        let mut count = 0;
        let base = column.name.clone();
        while seen.iter().any(|s| s.eq_ignore_ascii_case(&column.name)) {
            count += 1;
            column.name = format!("{base}:{count}");
        }
        seen.push(column.name.clone());
        out.push(column);
    }
    out
}

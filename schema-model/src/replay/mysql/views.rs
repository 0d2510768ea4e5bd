//! Views: `CREATE [OR REPLACE] VIEW`, `ALTER VIEW` and `DROP VIEW` with MariaDB's checks and
//! messages. A view keeps its query as the server stores it (`*` expanded, every output column
//! aliased); its output columns are derived again after every statement ([`refresh`]), so a
//! view whose table or column went away stays listed but has no columns, as information_schema
//! then shows it, and comes back when the name does.

use super::charset::Charset;
use super::fail::{rejected, Fail, Step};
use super::parse::ViewOptions;
use super::view_columns::{is_aggregate, Deriver, Output, Underivable};
use super::{key, table_name, Ctx};
use crate::catalog::mysql_extras::{MysqlView, MysqlViewColumn};
use crate::catalog::{Catalog, Provenance, View, ViewColumn};
use crate::query::{QueryDiagnostic, QueryErrorKind};
use sqlparser::ast::{
    Expr, GroupByExpr, Ident, ObjectName, OrderByKind, Query, SelectItem, SetExpr, Spanned, TableFactor, Visit, Visitor,
};
use sqlparser::dialect::MySqlDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Location, Span, Token, Tokenizer};
use std::ops::ControlFlow;

/// A `CREATE VIEW` or `ALTER VIEW` statement.
pub struct ViewStatement<'a> {
    pub name: &'a ObjectName,
    pub columns: Vec<String>,
    pub query: &'a Query,
    pub options: &'a ViewOptions,
    pub or_replace: bool,
    pub alter: bool,
    /// The statement's text, which unaliased expressions are named after.
    pub text: &'a str,
}

/// The session facts a view records.
pub struct SessionCharsets<'a> {
    pub client: &'a str,
    pub connection: &'a Charset,
}

/// Creates or replaces a view.
pub fn define_view(ctx: &Ctx, catalog: &mut Catalog, session: &SessionCharsets, view: &ViewStatement) -> Step<()> {
    let name = table_name(view.name)?;
    if catalog.tables.contains_key(&key(&name)) {
        return if view.or_replace || view.alter {
            rejected(format!("'{}' is not of type 'VIEW'", ctx.qualified(&name)))
        } else {
            rejected(format!("Table '{name}' already exists"))
        };
    }
    let existing = catalog.mysql.views.get(&name);
    match existing {
        None if view.alter => return rejected(format!("Table '{}' doesn't exist", ctx.qualified(&name))),
        Some(_) if !view.alter && !view.or_replace => return rejected(format!("Table '{name}' already exists")),
        _ => {}
    }
    if reads_view(catalog, view.query, &name, 0) {
        // The server cannot open a view that reads itself, and says so in these words.
        return rejected(format!("Table '{}' doesn't exist", ctx.qualified(&name)));
    }
    if let Some(diagnostic) = crate::query::check_parsed_query(catalog, view.query).first() {
        return rejected(engine_message(ctx, diagnostic, view.query));
    }
    let deriver = Deriver { catalog, connection: session.connection, depth: 0 };
    let outputs = deriver.query(view.query).map_err(|why| match why {
        Underivable::Missing => Fail::Unsupported("the view reads a name the replay cannot resolve".into()),
        Underivable::Unsupported(message) => Fail::Unsupported(message),
    })?;
    let names = output_names(view, &outputs)?;
    // ALTER VIEW keeps the algorithm and security it does not name.
    let kept = existing.filter(|_| view.alter);
    let algorithm = view.options.algorithm.clone().or_else(|| kept.map(|v| v.algorithm.clone())).unwrap_or_else(|| "UNDEFINED".into());
    let security = view.options.security.clone().or_else(|| kept.map(|v| v.security.clone())).unwrap_or_else(|| "DEFINER".into());
    let mut stored = view.query.clone();
    alias_outputs(&mut stored.body, &outputs, &names);
    let updatable = is_updatable(catalog, &stored, &algorithm);
    if view.options.check_option.is_some() && !updatable {
        let db = ctx.database.map(|d| format!("`{d}`.")).unwrap_or_default();
        return rejected(format!("CHECK OPTION on non-updatable view {db}`{name}`"));
    }
    let provenance = match catalog.views.get(&key(&name)) {
        Some(old) => {
            let mut provenance = old.provenance.clone();
            provenance.touch(ctx.at);
            provenance
        }
        None => Provenance::new(ctx.at),
    };
    let record = MysqlView {
        query: stored.to_string(),
        algorithm,
        security,
        check_option: view.options.check_option.clone().unwrap_or_else(|| "NONE".into()),
        client_charset: session.client.to_string(),
        connection_collation: session.connection.collation.clone(),
        updatable: None,
        columns: Vec::new(),
    };
    catalog.mysql.views.insert(name.clone(), record);
    catalog.views.insert(
        key(&name),
        View {
            name: key(&name),
            materialized: false,
            columns: Vec::new(),
            query: stored.to_string(),
            definition: None,
            indexes: Vec::new(),
            provenance,
        },
    );
    refresh(catalog);
    Ok(())
}

/// `DROP VIEW [IF EXISTS] a, b`: drops every view named, then reports the names that are not
/// views (as MariaDB does, one message listing them).
pub fn drop_views(ctx: &Ctx, catalog: &mut Catalog, names: &[ObjectName], if_exists: bool) -> Step<()> {
    let mut missing = Vec::new();
    for name in names {
        let name = table_name(name)?;
        if catalog.mysql.views.remove(&name).is_some() {
            catalog.views.remove(&key(&name));
        } else {
            missing.push(ctx.qualified(&name));
        }
    }
    refresh(catalog);
    if missing.is_empty() || if_exists {
        return Ok(());
    }
    rejected(format!("Unknown VIEW: '{}'", missing.join(",")))
}

/// `RENAME TABLE old TO new` on a view.
pub fn rename_view(catalog: &mut Catalog, old: &str, new: &str, ctx: &Ctx) {
    if let Some(record) = catalog.mysql.views.remove(old) {
        catalog.mysql.views.insert(new.to_string(), record);
    }
    if let Some(mut view) = catalog.views.remove(&key(old)) {
        view.name = key(new);
        view.provenance.touch(ctx.at);
        catalog.views.insert(key(new), view);
    }
}

/// Derives every view's columns again against the current tables and views.
pub fn refresh(catalog: &mut Catalog) {
    let derived: Vec<(String, Option<(Vec<MysqlViewColumn>, bool)>)> = catalog
        .mysql
        .views
        .iter()
        .map(|(name, view)| (name.clone(), derive_stored(catalog, view)))
        .collect();
    for (name, result) in derived {
        let (columns, updatable) = match result {
            Some((columns, updatable)) => (columns, Some(updatable)),
            None => (Vec::new(), None),
        };
        if let Some(view) = catalog.views.get_mut(&key(&name)) {
            view.columns = columns.iter().map(|c| ViewColumn { name: c.name.clone(), ty: c.column_type.clone() }).collect();
        }
        if let Some(record) = catalog.mysql.views.get_mut(&name) {
            record.columns = columns;
            record.updatable = updatable;
        }
    }
}

/// A stored view's columns and updatability, `None` while it is invalid.
fn derive_stored(catalog: &Catalog, view: &MysqlView) -> Option<(Vec<MysqlViewColumn>, bool)> {
    let query = parse_stored_query(&view.query).ok()?;
    let connection = super::charset::by_collation(&view.connection_collation).ok()?;
    let deriver = Deriver { catalog, connection: &connection, depth: 0 };
    let outputs = deriver.query(&query).ok()?;
    Some((outputs.into_iter().map(|o| o.column).collect(), is_updatable(catalog, &query, &view.algorithm)))
}

/// Whether `query` reads the view `name`, directly or through other views.
fn reads_view(catalog: &Catalog, query: &Query, name: &str, depth: usize) -> bool {
    let mut found = false;
    let _ = sqlparser::ast::visit_relations(query, |relation| {
        let read = relation.to_string().replace('`', "");
        found |= read == name
            || (depth < 32
                && catalog.mysql.views.get(&read).and_then(|v| parse_stored_query(&v.query).ok()).is_some_and(|q| reads_view(catalog, &q, name, depth + 1)));
        ControlFlow::<()>::Continue(())
    });
    found
}

/// Parses a query stored by [`define_view`].
pub fn parse_stored_query(text: &str) -> Result<Query, String> {
    let mut parser = Parser::new(&MySqlDialect {}).try_with_sql(text).map_err(|e| e.to_string())?;
    parser.parse_query().map(|q| *q).map_err(|e| e.to_string())
}

/// The output column names: the view's column list, or each item's alias, column name, or
/// text as written; with MariaDB's checks of count and uniqueness.
fn output_names(view: &ViewStatement, outputs: &[Output]) -> Step<Vec<String>> {
    let names: Vec<String> = if view.columns.is_empty() {
        let items = first_select(&view.query.body).map(|s| s.projection.as_slice()).unwrap_or_default();
        let written = select_item_texts(view.text);
        outputs
            .iter()
            .map(|output| match (items.get(output.item), written.get(output.item)) {
                (Some(SelectItem::UnnamedExpr(Expr::Identifier(_) | Expr::CompoundIdentifier(_) | Expr::Value(_))), _) => {
                    output.column.name.clone()
                }
                (Some(SelectItem::UnnamedExpr(_)), Some(text)) if written.len() == items.len() => text.clone(),
                _ => output.column.name.clone(),
            })
            .collect()
    } else {
        if view.columns.len() != outputs.len() {
            return rejected("View's SELECT and view's field list have different column counts");
        }
        view.columns.clone()
    };
    for (i, name) in names.iter().enumerate() {
        if names[..i].iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return rejected(format!("Duplicate column name '{name}'"));
        }
    }
    Ok(names)
}

/// The first SELECT of a query body (the one that names a set operation's columns).
fn first_select(body: &SetExpr) -> Option<&sqlparser::ast::Select> {
    match body {
        SetExpr::Select(select) => Some(select),
        SetExpr::Query(query) => first_select(&query.body),
        SetExpr::SetOperation { left, .. } => first_select(left),
        _ => None,
    }
}

/// Replaces the first SELECT's list by the expanded outputs, each aliased with its name.
fn alias_outputs(body: &mut SetExpr, outputs: &[Output], names: &[String]) {
    match body {
        SetExpr::Select(select) => {
            select.projection = outputs
                .iter()
                .zip(names)
                .map(|(output, name)| SelectItem::ExprWithAlias { expr: output.expr.clone(), alias: Ident::with_quote('`', name) })
                .collect();
        }
        SetExpr::Query(query) => alias_outputs(&mut query.body, outputs, names),
        SetExpr::SetOperation { left, .. } => alias_outputs(left, outputs, names),
        _ => {}
    }
}

/// `IS_UPDATABLE`: a plain SELECT over tables, updatable views or updatable derived tables,
/// with at least one plain column in its select list, without aggregates, DISTINCT, GROUP BY,
/// HAVING, set operations, subqueries in the select list or LIMIT, and not
/// `ALGORITHM=TEMPTABLE`.
fn is_updatable(catalog: &Catalog, query: &Query, algorithm: &str) -> bool {
    is_updatable_at(catalog, query, algorithm, 0)
}

fn is_updatable_at(catalog: &Catalog, query: &Query, algorithm: &str, depth: usize) -> bool {
    let SetExpr::Select(select) = query.body.as_ref() else { return false };
    if depth > 32 {
        return false;
    }
    let grouped = !matches!(&select.group_by, GroupByExpr::Expressions(e, _) if e.is_empty());
    let aggregate_or_subquery = select.projection.iter().any(|item| {
        let mut found = false;
        let _ = sqlparser::ast::visit_expressions(item, |e| {
            found |= matches!(e, Expr::Subquery(_)) || matches!(e, Expr::Function(f) if is_aggregate(&f.name.to_string()));
            ControlFlow::<()>::Continue(())
        });
        found
    });
    let plain_column = select.projection.iter().any(|item| {
        matches!(item, SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(..))
            || matches!(item, SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } if matches!(e, Expr::Identifier(_) | Expr::CompoundIdentifier(_)))
    });
    let factors = select.from.iter().flat_map(|f| std::iter::once(&f.relation).chain(f.joins.iter().map(|j| &j.relation)));
    let sources_updatable = factors.into_iter().all(|factor| match factor {
        TableFactor::Table { name, .. } => {
            let name = name.to_string().replace('`', "");
            match catalog.mysql.views.get(&name) {
                None => true,
                Some(view) => parse_stored_query(&view.query).is_ok_and(|q| is_updatable_at(catalog, &q, &view.algorithm, depth + 1)),
            }
        }
        TableFactor::Derived { subquery, .. } => is_updatable_at(catalog, subquery, "UNDEFINED", depth + 1),
        _ => false,
    });
    algorithm != "TEMPTABLE"
        && !select.from.is_empty()
        && plain_column
        && select.distinct.is_none()
        && !grouped
        && select.having.is_none()
        && query.limit_clause.is_none()
        && !aggregate_or_subquery
        && sources_updatable
}

/// A name error of the view's query in MariaDB's words, naming the clause it sits in.
fn engine_message(ctx: &Ctx, diagnostic: &QueryDiagnostic, query: &Query) -> String {
    match diagnostic.kind {
        QueryErrorKind::UndefinedTable => format!("Table '{}' doesn't exist", ctx.qualified(&diagnostic.name)),
        QueryErrorKind::UndefinedColumn => match diagnostic.message.strip_suffix(" in 'from clause'") {
            Some(base) => format!("{base} in 'FROM'"),
            None => format!("{} in '{}'", diagnostic.message, clause_at(query, diagnostic)),
        },
        QueryErrorKind::AmbiguousColumn => diagnostic.message.replace("in field list", &format!("in {}", clause_at(query, diagnostic))),
        QueryErrorKind::Syntax => diagnostic.message.clone(),
    }
}

/// The clause (`SELECT`, `WHERE`, `ON`, `GROUP BY`, `HAVING`, `ORDER BY`) holding the
/// diagnostic's position: the smallest clause span around it.
fn clause_at(query: &Query, diagnostic: &QueryDiagnostic) -> &'static str {
    struct Clauses(Vec<(Span, &'static str)>);
    impl Visitor for Clauses {
        type Break = ();
        fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
            if let Some(order_by) = &query.order_by {
                if let OrderByKind::Expressions(items) = &order_by.kind {
                    self.0.extend(items.iter().map(|i| (i.expr.span(), "ORDER BY")));
                }
            }
            let mut bodies = vec![query.body.as_ref()];
            while let Some(body) = bodies.pop() {
                match body {
                    SetExpr::Select(select) => {
                        self.0.extend(select.projection.iter().map(|i| (i.span(), "SELECT")));
                        self.0.extend(select.selection.iter().map(|e| (e.span(), "WHERE")));
                        self.0.extend(select.having.iter().map(|e| (e.span(), "HAVING")));
                        if let GroupByExpr::Expressions(exprs, _) = &select.group_by {
                            self.0.extend(exprs.iter().map(|e| (e.span(), "GROUP BY")));
                        }
                        for join in select.from.iter().flat_map(|f| &f.joins) {
                            if let Some(sqlparser::ast::JoinConstraint::On(on)) = crate::sql_ast::join_constraint(&join.join_operator) {
                                self.0.push((on.span(), "ON"));
                            }
                        }
                    }
                    SetExpr::SetOperation { left, right, .. } => bodies.extend([left.as_ref(), right.as_ref()]),
                    _ => {}
                }
            }
            ControlFlow::Continue(())
        }
    }
    let mut clauses = Clauses(Vec::new());
    let _ = query.visit(&mut clauses);
    let at = Location::new(u64::from(diagnostic.line), u64::from(diagnostic.column));
    clauses
        .0
        .iter()
        .filter(|(span, _)| span.start <= at && at <= span.end)
        .min_by_key(|(span, _)| (span.end.line.saturating_sub(span.start.line), span.end.column.abs_diff(span.start.column)))
        .map_or("SELECT", |(_, clause)| clause)
}

/// The texts of the items of the statement's first top-level select list, as written.
fn select_item_texts(text: &str) -> Vec<String> {
    let Ok(tokens) = Tokenizer::new(&MySqlDialect {}, text).tokenize() else { return Vec::new() };
    const ENDS: &[&str] = &["FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "INTO"];
    let is_word = |t: &Token, words: &[&str]| matches!(t, Token::Word(w) if w.quote_style.is_none() && words.iter().any(|k| w.value.eq_ignore_ascii_case(k)));
    let mut depth = 0usize;
    let mut start = None;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            t if depth == 0 && is_word(t, &["SELECT"]) => {
                start = Some(i + 1);
                break;
            }
            _ => {}
        }
    }
    let Some(mut i) = start else { return Vec::new() };
    while tokens.get(i).is_some_and(|t| matches!(t, Token::Whitespace(_)) || is_word(t, &["DISTINCT", "ALL", "DISTINCTROW"])) {
        i += 1;
    }
    let mut items = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    while let Some(token) = tokens.get(i) {
        let at_end = depth == 0 && is_word(token, ENDS);
        if at_end || (depth == 0 && *token == Token::Comma) {
            items.push(current.trim().to_string());
            current.clear();
            if at_end {
                break;
            }
        } else {
            match token {
                Token::LParen => depth += 1,
                Token::RParen => depth = depth.saturating_sub(1),
                _ => {}
            }
            current.push_str(&token.to_string());
        }
        i += 1;
    }
    if !current.trim().is_empty() {
        items.push(current.trim().to_string());
    }
    items
}

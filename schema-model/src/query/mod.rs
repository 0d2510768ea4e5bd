//! Checking SQL queries against the schema model: every table and column a statement names
//! is resolved with the scoping rules of the track's engine, and each name the engine would
//! reject becomes a [`QueryDiagnostic`] worded as the engine words it.
//!
//! Resolution covers SELECT (joins with aliases, USING and NATURAL, schema-qualified names,
//! CTEs including recursive ones, subqueries in every clause with correlation, set
//! operations, LATERAL, output-column aliases where the engine allows them, `*` and `t.*`,
//! views), INSERT (column list, VALUES or SELECT, ON CONFLICT with `EXCLUDED`, RETURNING),
//! UPDATE (SET, FROM, RETURNING) and DELETE (USING, RETURNING), and MySQL's own forms:
//! multi-table UPDATE and DELETE, ON DUPLICATE KEY UPDATE, and the select-list rules of
//! GROUP BY, HAVING and ORDER BY (`select_list`). Functions, operators, casts
//! and parameters are never errors. Whenever the model cannot know for sure (a function's
//! result columns, an unmodelled schema), the name is accepted: a query the engine accepts
//! must never be reported.

mod diagnostic;
mod dml;
mod expr;
mod from;
mod naming;
mod resolve;
mod rules;
mod scope;
mod select_list;
#[cfg(test)]
mod tests;

pub use diagnostic::{QueryDiagnostic, QueryErrorKind, TrackDiagnostics};

use crate::catalog::{Catalog, Engine};
use crate::model::SchemaModel;
use rules::Rules;
use sqlparser::ast::Statement;
use sqlparser::parser::{Parser, ParserError};

/// Checks every statement of `sql` against one catalog, with the catalog engine's dialect
/// and scoping rules. An empty result means every name resolves.
pub fn check_query(catalog: &Catalog, sql: &str) -> Vec<QueryDiagnostic> {
    resolve_parsed(catalog, &parse(catalog.engine, sql), sql)
}

/// `sql` parsed with the dialect of `engine`.
fn parse(engine: Engine, sql: &str) -> Result<Vec<Statement>, ParserError> {
    Parser::parse_sql(&*Rules::new(engine).dialect(), sql)
}

/// The diagnostics of statements parsed from `sql` (or of its syntax error) on `catalog`.
fn resolve_parsed(catalog: &Catalog, parsed: &Result<Vec<Statement>, ParserError>, sql: &str) -> Vec<QueryDiagnostic> {
    match parsed {
        Ok(statements) => {
            let mut resolver = resolve::Resolver::new(catalog);
            for statement in statements {
                resolver.statement(statement);
            }
            resolver.diagnostics
        }
        Err(error) => vec![diagnostic::syntax_error(error, sql)],
    }
}

/// Checks one parsed query (a view's) against `catalog`; positions are those of the text it
/// was parsed from.
pub(crate) fn check_parsed_query(catalog: &Catalog, query: &sqlparser::ast::Query) -> Vec<QueryDiagnostic> {
    let mut resolver = resolve::Resolver::new(catalog);
    resolver.query(query, resolve::Env::default());
    resolver.diagnostics
}

/// Checks `sql` on every track of the model. Each diagnostic about a missing table or column
/// lists, in `defined_on`, the tracks on which that same name resolves. The text is parsed
/// once per engine, however many tracks share it.
pub fn check_query_tracks(model: &SchemaModel, sql: &str) -> Vec<TrackDiagnostics> {
    let mut parsed: Vec<(Engine, Result<Vec<Statement>, ParserError>)> = Vec::new();
    let mut results: Vec<TrackDiagnostics> = Vec::with_capacity(model.tracks.len());
    for track in &model.tracks {
        let engine = track.catalog.engine;
        let index = match parsed.iter().position(|(parsed_for, _)| *parsed_for == engine) {
            Some(index) => index,
            None => {
                parsed.push((engine, parse(engine, sql)));
                parsed.len() - 1
            }
        };
        let diagnostics = resolve_parsed(&track.catalog, &parsed[index].1, sql);
        results.push(TrackDiagnostics { track: track.name.clone(), engine: track.engine, diagnostics });
    }
    let snapshot = results.clone();
    for result in &mut results {
        for diagnostic in &mut result.diagnostics {
            if diagnostic.kind == QueryErrorKind::Syntax {
                continue;
            }
            diagnostic.defined_on = snapshot
                .iter()
                .filter(|other| other.track != result.track)
                .filter(|other| {
                    other.diagnostics.iter().all(|d| d.kind != QueryErrorKind::Syntax && d.name != diagnostic.name)
                })
                .map(|other| other.track.clone())
                .collect();
        }
    }
    results
}

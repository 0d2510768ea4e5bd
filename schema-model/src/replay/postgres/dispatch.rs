//! One statement at a time: parse it with sqlparser's Postgres dialect (or the fallback
//! for forms it does not accept), then apply it to the catalog or record why it was
//! skipped. Statements that cannot change the table catalog are listed in the report;
//! anything else that is not modelled is an error at the statement's position.

use super::alter_forms;
use super::alter_table::{alter_table, drop_table};
use super::create_table::create_table;
use super::fallback::{self, Fallback};
use super::index::{create_index, drop_index, rename_index};
use super::objects;
use super::routines::{self, Routine};
use super::sequence;
use super::state::{PgState, Stmt};
use super::view;
use crate::catalog::Location;
use crate::error::{ReplayError, ReplayErrorKind, ReplayReport, SkippedStatement};
use crate::source::SourceStatement;
use sqlparser::ast::{AlterIndexOperation, ObjectType, Set, Statement};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::{Parser, ParserError};

/// Applies one source statement.
pub fn apply(state: &mut PgState, source: &SourceStatement, report: &mut ReplayReport) -> Result<(), ReplayError> {
    let stmt = Stmt { at: &source.location, text: &source.text };
    match Parser::parse_sql(&PostgreSqlDialect {}, &source.text) {
        Ok(statements) => {
            for statement in &statements {
                apply_parsed(state, statement, &stmt, report)?;
            }
            Ok(())
        }
        Err(error) => match fallback::recognise(&source.text) {
            Some(Fallback::Skip(what)) => {
                skip(report, &stmt, what);
                Ok(())
            }
            Some(Fallback::Reparsed(statements)) => {
                for statement in &statements {
                    apply_parsed(state, statement, &stmt, report)?;
                }
                Ok(())
            }
            Some(Fallback::Apply(action)) => {
                fallback::apply(state, action, &stmt, report)?;
                report.applied += 1;
                Ok(())
            }
            None => match alter_forms::apply(state, &source.text, &stmt, report) {
                Some(result) => result.map(|()| report.applied += 1),
                None => Err(parse_error(&source.location, &error, &source.text)),
            },
        },
    }
}

/// A parser error at its position in the file.
fn parse_error(at: &Location, error: &ParserError, text: &str) -> ReplayError {
    let message = error.to_string();
    let mut location = at.clone();
    if let Some((line, column)) = position_in(&message) {
        if line > 1 {
            location.line = at.line + line - 1;
            location.column = column;
        } else {
            location.column = at.column + column - 1;
        }
    }
    let message = message.trim_start_matches("sql parser error: ").to_string();
    ReplayError::new(ReplayErrorKind::Parse, location, message, text)
}

/// `Line: L, Column: C` from a parser message.
fn position_in(message: &str) -> Option<(u32, u32)> {
    let line_at = message.rfind("Line: ")?;
    let rest = &message[line_at + 6..];
    let (line, rest) = rest.split_once(", Column: ")?;
    let column: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

pub fn skip(report: &mut ReplayReport, stmt: &Stmt, what: impl Into<String>) {
    report.skipped.push(SkippedStatement { location: stmt.at.clone(), what: what.into() });
}

/// Replays statements derived from `stmt` (partitions, `CREATE TABLE ... AS`): same
/// position, same report, the same analysis as written statements.
pub(super) fn replay_derived(state: &mut PgState, sql: &[String], stmt: &Stmt, report: &mut ReplayReport) -> Result<(), ReplayError> {
    for text in sql {
        let statements = Parser::parse_sql(&PostgreSqlDialect {}, text)
            .map_err(|e| stmt.unsupported(format!("the derived statement `{text}` does not parse: {e}")))?;
        for statement in &statements {
            apply_parsed(state, statement, stmt, report)?;
        }
    }
    Ok(())
}

pub(super) fn apply_parsed(
    state: &mut PgState,
    statement: &Statement,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    match statement {
        Statement::CreateTable(create) => create_table(state, create, stmt, report)?,
        Statement::AlterTable(alter) => alter_table(state, alter, stmt, report)?,
        Statement::CreateIndex(create) => create_index(state, create, stmt, report)?,
        Statement::AlterIndex { name, operation: AlterIndexOperation::RenameIndex { index_name } } => {
            let parts = state.name_parts(name);
            let new_name = state.name_parts(index_name).last().cloned().unwrap_or_default();
            rename_index(state, &parts, &new_name, false, stmt)?;
        }
        Statement::Drop { object_type, if_exists, names, cascade, .. } => {
            drop(state, *object_type, *if_exists, names, *cascade, stmt, report)?
        }
        Statement::CreateView(create) => view::create_view(state, create, stmt)?,
        Statement::CreateType { name, representation } => objects::create_type(state, name, representation, stmt)?,
        Statement::AlterType(alter) => objects::alter_type(state, alter, stmt)?,
        Statement::CreateDomain(domain) => objects::create_domain(state, domain, stmt)?,
        Statement::DropDomain(drop) => super::domain::drop_domain(state, drop, stmt, report)?,
        Statement::CreateSchema { schema_name, if_not_exists, .. } => {
            objects::create_schema(state, schema_name, *if_not_exists, stmt)?
        }
        Statement::CreateExtension(extension) => objects::create_extension(
            state,
            &PgState::ident(&extension.name),
            extension.schema.as_ref().map(PgState::ident),
            extension.if_not_exists,
            stmt,
        )?,
        Statement::DropExtension(drop) => {
            for name in &drop.names {
                objects::drop_extension(state, &PgState::ident(name), drop.if_exists, stmt)?;
            }
        }
        Statement::CreateFunction(function) => routines::create_routine(state, function, Routine::Function, stmt)?,
        Statement::DropFunction(drop) => routines::drop_routines(state, &drop.func_desc, drop.if_exists, Routine::Function, stmt)?,
        Statement::DropProcedure { if_exists, proc_desc, .. } => {
            routines::drop_routines(state, proc_desc, *if_exists, Routine::Procedure, stmt)?
        }
        Statement::CreateTrigger(trigger) => objects::create_trigger(state, trigger, stmt)?,
        Statement::DropTrigger(drop) => objects::drop_trigger(state, drop, stmt)?,
        Statement::Comment { object_type, object_name, comment, if_exists } => {
            if !objects::comment(state, *object_type, object_name, comment.as_deref(), *if_exists, stmt)? {
                skip(report, stmt, format!("COMMENT ON {object_type}"));
                return Ok(());
            }
        }
        Statement::CreateSequence { name, if_not_exists, sequence_options, data_type, owned_by, .. } => {
            let mut clauses = sequence::clauses(sequence_options, stmt)?;
            if let Some(owner) = owned_by {
                let parts = state.name_parts(owner);
                clauses.push(sequence::SequenceClause::OwnedBy((parts != ["none"]).then_some(parts)));
            }
            sequence::create_sequence(state, name, *if_not_exists, data_type.as_ref(), &clauses, stmt)?
        }
        Statement::Set(Set::SingleAssignment { variable, values, .. })
            if variable.to_string().eq_ignore_ascii_case("search_path") =>
        {
            objects::set_search_path(state, values);
        }
        Statement::Set(Set::SetTimeZone { .. }) => skip(report, stmt, "SET TIME ZONE"),
        Statement::Set(_) => skip(report, stmt, "SET"),
        other => {
            return match skipped_kind(other) {
                Some(what) => {
                    skip(report, stmt, what);
                    Ok(())
                }
                None => Err(stmt.unsupported(format!(
                    "`{}` is not modelled by the Postgres replay",
                    first_words(&other.to_string())
                ))),
            }
        }
    }
    report.applied += 1;
    Ok(())
}

/// The first few words of a statement, to name it in messages.
fn first_words(text: &str) -> String {
    text.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
}

/// Statements that cannot change the table catalog, named for the report.
fn skipped_kind(statement: &Statement) -> Option<&'static str> {
    Some(match statement {
        Statement::Query(_) => "SELECT",
        Statement::Insert(_) => "INSERT",
        Statement::Update(_) => "UPDATE",
        Statement::Delete(_) => "DELETE",
        Statement::Truncate(_) => "TRUNCATE",
        Statement::Grant(_) => "GRANT",
        Statement::Revoke(_) => "REVOKE",
        Statement::StartTransaction { .. } => "BEGIN",
        Statement::Commit { .. } => "COMMIT",
        Statement::Rollback { .. } => "ROLLBACK",
        Statement::Savepoint { .. } => "SAVEPOINT",
        Statement::ReleaseSavepoint { .. } => "RELEASE SAVEPOINT",
        Statement::Analyze(_) => "ANALYZE",
        Statement::Vacuum(_) => "VACUUM",
        Statement::Lock(_) | Statement::LockTables { .. } => "LOCK",
        Statement::NOTIFY { .. } => "NOTIFY",
        Statement::LISTEN { .. } => "LISTEN",
        Statement::Copy { .. } => "COPY",
        Statement::Call(_) => "CALL",
        Statement::Discard { .. } => "DISCARD",
        Statement::Reset(_) => "RESET",
        Statement::Prepare { .. } => "PREPARE",
        Statement::Execute { .. } => "EXECUTE",
        Statement::Deallocate { .. } => "DEALLOCATE",
        Statement::CreateRole(_) => "CREATE ROLE",
        Statement::AlterRole { .. } => "ALTER ROLE",
        Statement::CreatePolicy(_) => "CREATE POLICY",
        Statement::DropPolicy(_) => "DROP POLICY",
        Statement::AlterPolicy(_) => "ALTER POLICY",
        _ => return None,
    })
}

#[allow(clippy::too_many_arguments)]
fn drop(
    state: &mut PgState,
    object_type: ObjectType,
    if_exists: bool,
    names: &[sqlparser::ast::ObjectName],
    cascade: bool,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    for name in names {
        let parts = state.name_parts(name);
        let dropped = match object_type {
            ObjectType::Table => drop_table(state, &parts, if_exists, cascade, stmt)?,
            ObjectType::Index => drop_index(state, &parts, if_exists, stmt)?,
            ObjectType::View | ObjectType::MaterializedView => {
                view::drop_view(state, &parts, object_type == ObjectType::MaterializedView, if_exists, cascade, stmt)?
            }
            ObjectType::Sequence => sequence::drop_sequence(state, &parts, if_exists, stmt)?,
            ObjectType::Type => objects::drop_type(state, &parts, if_exists, cascade, stmt)?,
            ObjectType::Schema => objects::drop_schema(state, &parts, if_exists, cascade, stmt)?,
            other => return Err(stmt.unsupported(format!("DROP {other} is not modelled by the Postgres replay"))),
        };
        if !dropped {
            skip(report, stmt, format!("DROP {object_type} IF EXISTS ({} does not exist)", parts.join(".")));
        }
    }
    Ok(())
}

//! Statements the parser does not accept, recognised from their tokens and applied by the
//! module that owns the object: CREATE / ALTER DOMAIN ([`domain`]), `ALTER SEQUENCE ...
//! RENAME TO` and `ALTER TYPE ... SET SCHEMA` ([`schema_move`]), `ALTER TYPE ... ADD / RENAME ATTRIBUTE`
//! ([`composite`]) and `ALTER TABLE ... ALTER COLUMN ... SET GENERATED / DROP IDENTITY /
//! DROP EXPRESSION` ([`identity`]). A statement matching none of these forms exactly is left
//! to the parse error.
//!
//! [`schema_move`]: super::schema_move
//! [`identity`]: super::identity
//! [`composite`]: super::composite
//! [`domain`]: super::domain

use super::composite::{add_attribute, rename_attribute};
use super::dispatch::skip;
use super::domain::{alter_domain, create_domain_rewritten};
use super::fallback::Words;
use super::identity::{drop_expression, drop_identity, set_generated};
use super::schema_move::{rename_sequence, set_type_schema};
use super::state::{PgState, Relation, Stmt};
use crate::catalog::{Identity, ObjectName};
use crate::error::{ReplayError, ReplayReport};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::ast::DataType;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;

/// Applies `text` when it is one of the forms above; `None` when it is not.
pub fn apply(state: &mut PgState, text: &str, stmt: &Stmt, report: &mut ReplayReport) -> Option<Result<(), ReplayError>> {
    let mut words = Words::of(text)?;
    if words.eat(&["ALTER", "SEQUENCE"]) {
        let if_exists = words.eat(&["IF", "EXISTS"]);
        let parts = words.name()?;
        words.eat(&["RENAME", "TO"]).then_some(())?;
        let new_name = words.name().filter(|p| p.len() == 1)?.pop()?;
        return words.done().then(|| {
            rename_sequence(state, &parts, &new_name, if_exists, stmt).map(|done| {
                if !done {
                    skip(report, stmt, format!("ALTER SEQUENCE IF EXISTS ({} does not exist)", parts.join(".")));
                }
            })
        });
    }
    if words.eat(&["CREATE", "DOMAIN"]) {
        return create_domain_rewritten(state, &mut words, stmt);
    }
    if words.eat(&["ALTER", "DOMAIN"]) {
        return alter_domain(state, &mut words, stmt);
    }
    if words.eat(&["ALTER", "TYPE"]) {
        let parts = words.name()?;
        if words.eat(&["SET", "SCHEMA"]) {
            let schema = words.name().filter(|p| p.len() == 1)?.pop()?;
            return words.done().then(|| set_type_schema(state, &parts, &schema, stmt));
        }
        if words.eat(&["RENAME", "ATTRIBUTE"]) {
            let old = words.name().filter(|p| p.len() == 1)?.pop()?;
            words.eat(&["TO"]).then_some(())?;
            let new = words.name().filter(|p| p.len() == 1)?.pop()?;
            words.eat(&["CASCADE"]);
            return words.done().then(|| rename_attribute(state, &parts, &old, &new, stmt));
        }
        if words.eat(&["ADD", "ATTRIBUTE"]) {
            let attribute = words.name().filter(|p| p.len() == 1)?.pop()?;
            let end = words.tokens.iter().rposition(|t| *t != Token::SemiColon).map_or(0, |last| last + 1);
            let at = words.at;
            if end > at + 1 && words.keyword(end - 1 - at).as_deref() == Some("CASCADE") {
                words.tokens.truncate(end - 1);
            }
            let data_type = data_type_at_end(&words)?;
            return Some(add_attribute(state, &parts, &attribute, &data_type, stmt));
        }
        return None;
    }
    if words.eat(&["ALTER", "TABLE"]) {
        let if_exists = words.eat(&["IF", "EXISTS"]);
        words.eat(&["ONLY"]);
        let parts = words.name()?;
        let action = table_action(&mut words)?;
        return Some(apply_table_action(state, &parts, if_exists, action, stmt, report));
    }
    None
}

/// The data type that makes up the rest of the statement.
fn data_type_at_end(words: &Words) -> Option<DataType> {
    let rest: Vec<String> = words.tokens[words.at..].iter().map(ToString::to_string).collect();
    let mut parser = Parser::new(&PostgreSqlDialect {}).try_with_sql(&rest.join(" ")).ok()?;
    let data_type = parser.parse_data_type().ok()?;
    let _semicolon = parser.consume_token(&Token::SemiColon);
    (parser.peek_token().token == Token::EOF).then_some(data_type)
}

/// The single ALTER TABLE action of a recognised form.
enum TableAction {
    SetGenerated(String, Identity),
    DropIdentity(String, bool),
    DropExpression(String, bool),
}

fn table_action(words: &mut Words) -> Option<TableAction> {
    let action = if words.eat(&["ALTER"]) {
        words.eat(&["COLUMN"]);
        let column = words.name().filter(|p| p.len() == 1)?.pop()?;
        if words.eat(&["SET", "GENERATED", "ALWAYS"]) {
            TableAction::SetGenerated(column, Identity::Always)
        } else if words.eat(&["SET", "GENERATED", "BY", "DEFAULT"]) {
            TableAction::SetGenerated(column, Identity::ByDefault)
        } else if words.eat(&["DROP", "IDENTITY"]) {
            TableAction::DropIdentity(column, words.eat(&["IF", "EXISTS"]))
        } else if words.eat(&["DROP", "EXPRESSION"]) {
            TableAction::DropExpression(column, words.eat(&["IF", "EXISTS"]))
        } else {
            return None;
        }
    } else {
        return None;
    };
    words.done().then_some(action)
}

fn apply_table_action(
    state: &mut PgState,
    parts: &[String],
    if_exists: bool,
    action: TableAction,
    stmt: &Stmt,
    report: &mut ReplayReport,
) -> Result<(), ReplayError> {
    let missing = |report: &mut ReplayReport| {
        skip(report, stmt, format!("ALTER TABLE IF EXISTS (relation \"{}\" does not exist)", parts.join(".")))
    };
    match action {
        TableAction::SetGenerated(column, identity) => {
            let Some(table) = resolve_table(state, parts, if_exists, stmt)? else { return Ok(missing(report)) };
            set_generated(state, &table, &column, identity, stmt)?;
        }
        TableAction::DropExpression(column, column_if_exists) => {
            let Some(table) = resolve_table(state, parts, if_exists, stmt)? else { return Ok(missing(report)) };
            if !drop_expression(state, &table, &column, column_if_exists, stmt)? {
                skip(report, stmt, format!("DROP EXPRESSION IF EXISTS (column \"{column}\" is not generated)"));
            }
        }
        TableAction::DropIdentity(column, column_if_exists) => {
            let Some(table) = resolve_table(state, parts, if_exists, stmt)? else { return Ok(missing(report)) };
            if !drop_identity(state, &table, &column, column_if_exists, stmt)? {
                skip(report, stmt, format!("DROP IDENTITY IF EXISTS (column \"{column}\" is not an identity column)"));
            }
        }
    }
    Ok(())
}

/// The table an ALTER TABLE names; `None` when it is missing under `IF EXISTS`.
fn resolve_table(state: &PgState, parts: &[String], if_exists: bool, stmt: &Stmt) -> Result<Option<ObjectName>, ReplayError> {
    match state.lookup_relation(parts) {
        Some((found, Relation::Table)) => Ok(Some(found)),
        Some(_) => Err(stmt.reject(format!("\"{}\" is not a table", parts.join(".")))),
        None if if_exists => Ok(None),
        None => Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    }
}

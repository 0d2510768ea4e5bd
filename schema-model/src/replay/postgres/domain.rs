//! Domain statements the parser does not accept. CREATE DOMAIN with `NOT NULL` / `NULL`
//! among the domain's constraints, or without `AS`, is read again without them (with
//! `AS`), applied as usual, and the domain then marked NOT NULL. ALTER DOMAIN: ADD / DROP /
//! RENAME CONSTRAINT, SET / DROP DEFAULT, SET / DROP NOT NULL; and DROP DOMAIN, with
//! Postgres's messages.

use super::fallback::Words;
use super::dispatch::skip;
use super::objects::{create_domain, domain_check, drop_type};
use super::types::PgType;
use crate::catalog::ObjectName;
use super::state::{PgState, Stmt};
use crate::error::{ReplayError, ReplayReport};
use sqlparser::ast::{DropBehavior, DropDomain, Expr, Statement};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;

/// Applies a CREATE DOMAIN (whose words start at `words`, after `CREATE DOMAIN`) that only
/// parses once rewritten; `None` when it does not parse either way.
pub fn create_domain_rewritten(state: &mut PgState, words: &mut Words, stmt: &Stmt) -> Option<Result<(), ReplayError>> {
    words.name()?;
    let mut tokens: Vec<Token> = words.tokens[..words.at].to_vec();
    tokens.push(Token::make_keyword("AS"));
    words.eat(&["AS"]);
    let (rest, not_null) = without_null_constraints(&words.tokens[words.at..]);
    tokens.extend(rest);
    let text: Vec<String> = tokens.iter().map(ToString::to_string).collect();
    let statements = Parser::parse_sql(&PostgreSqlDialect {}, &text.join(" ")).ok()?;
    let [Statement::CreateDomain(domain)] = statements.as_slice() else { return None };
    Some(create_domain(state, domain, stmt).and_then(|()| {
        let name = state.creation_name(&domain.name, stmt)?;
        if let Some(created) = state.catalog.domains.get_mut(&name) {
            created.not_null = not_null;
        }
        Ok(())
    }))
}

/// The tokens without top-level `[CONSTRAINT name] NOT NULL` and `NULL` (a `NULL` right
/// after `DEFAULT` is the default and stays), and whether the last of them said NOT NULL.
fn without_null_constraints(tokens: &[Token]) -> (Vec<Token>, bool) {
    let is = |i: usize, word: &str| {
        matches!(tokens.get(i), Some(Token::Word(w)) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(word))
    };
    let mut kept: Vec<Token> = Vec::new();
    let mut not_null = false;
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            _ => {}
        }
        let after_default = i > 0 && is(i - 1, "DEFAULT");
        if depth == 0 && is(i, "NOT") && is(i + 1, "NULL") {
            not_null = true;
            i += 2;
        } else if depth == 0 && is(i, "NULL") && !after_default {
            not_null = false;
            i += 1;
        } else if depth == 0 && is(i, "CONSTRAINT") && (is(i + 2, "NULL") || (is(i + 2, "NOT") && is(i + 3, "NULL"))) {
            i += 2;
        } else {
            kept.push(tokens[i].clone());
            i += 1;
        }
    }
    (kept, not_null)
}

/// One ALTER DOMAIN action.
enum DomainAction {
    AddCheck { name: Option<String>, expr: Expr },
    DropConstraint { name: String, if_exists: bool },
    RenameConstraint { old: String, new: String },
    SetDefault(Expr),
    DropDefault,
    NotNull(bool),
}

/// An expression making up the rest of the statement (before a trailing `;`).
fn expr_to_end(words: &Words) -> Option<Expr> {
    let rest: Vec<String> = words.tokens[words.at..].iter().map(ToString::to_string).collect();
    let mut parser = Parser::new(&PostgreSqlDialect {}).try_with_sql(&rest.join(" ")).ok()?;
    let expr = parser.parse_expr().ok()?;
    let _semicolon = parser.consume_token(&Token::SemiColon);
    (parser.peek_token().token == Token::EOF).then_some(expr)
}

fn single_name(words: &mut Words) -> Option<String> {
    words.name().filter(|p| p.len() == 1)?.pop()
}

fn domain_action(words: &mut Words) -> Option<DomainAction> {
    if words.eat(&["ADD"]) {
        let name = if words.eat(&["CONSTRAINT"]) { Some(single_name(words)?) } else { None };
        words.eat(&["CHECK"]).then_some(())?;
        return Some(DomainAction::AddCheck { name, expr: expr_to_end(words)? });
    }
    if words.eat(&["SET", "DEFAULT"]) {
        return Some(DomainAction::SetDefault(expr_to_end(words)?));
    }
    let action = if words.eat(&["DROP", "CONSTRAINT"]) {
        let if_exists = words.eat(&["IF", "EXISTS"]);
        let name = single_name(words)?;
        if !words.eat(&["RESTRICT"]) {
            words.eat(&["CASCADE"]);
        }
        DomainAction::DropConstraint { name, if_exists }
    } else if words.eat(&["RENAME", "CONSTRAINT"]) {
        let old = single_name(words)?;
        words.eat(&["TO"]).then_some(())?;
        DomainAction::RenameConstraint { old, new: single_name(words)? }
    } else if words.eat(&["DROP", "DEFAULT"]) {
        DomainAction::DropDefault
    } else if words.eat(&["SET", "NOT", "NULL"]) {
        DomainAction::NotNull(true)
    } else if words.eat(&["DROP", "NOT", "NULL"]) {
        DomainAction::NotNull(false)
    } else {
        return None;
    };
    words.done().then_some(action)
}

/// ALTER DOMAIN (its words start at `words`, after `ALTER DOMAIN`); `None` when the
/// action is not one of the forms above.
pub fn alter_domain(state: &mut PgState, words: &mut Words, stmt: &Stmt) -> Option<Result<(), ReplayError>> {
    let parts = words.name()?;
    let action = domain_action(words)?;
    Some(apply_domain_action(state, &parts, action, stmt))
}

fn apply_domain_action(state: &mut PgState, parts: &[String], action: DomainAction, stmt: &Stmt) -> Result<(), ReplayError> {
    let name = state
        .resolve_type_name(parts)
        .filter(|n| state.catalog.domains.contains_key(n))
        .ok_or_else(|| stmt.reject(format!("type \"{}\" does not exist", parts.join("."))))?;
    let base = PgType::parse_formatted(&state.catalog.domains[&name].base_type);
    let missing = |constraint: &str, domain: &ObjectName| {
        stmt.reject(format!("constraint \"{constraint}\" of domain \"{}\" does not exist", domain.name))
    };
    match action {
        DomainAction::AddCheck { name: check_name, expr } => {
            if let Some(taken) = check_name.as_ref().filter(|n| state.constraint_exists(&name.schema, n)) {
                return Err(stmt.reject(format!("constraint \"{taken}\" for domain \"{}\" already exists", name.name)));
            }
            let existing = state.catalog.domains[&name].checks.clone();
            let check = domain_check(state, &name, &base, check_name, &expr, &existing, stmt)?;
            domain_mut(state, &name).checks.push(check);
        }
        DomainAction::DropConstraint { name: constraint, if_exists } => {
            let domain = domain_mut(state, &name);
            let before = domain.checks.len();
            domain.checks.retain(|c| c.name != constraint);
            if domain.checks.len() == before && !if_exists {
                return Err(missing(&constraint, &name));
            }
        }
        DomainAction::RenameConstraint { old, new } => {
            if state.constraint_exists(&name.schema, &new) {
                return Err(stmt.reject(format!("constraint \"{new}\" for domain \"{}\" already exists", name.name)));
            }
            match domain_mut(state, &name).checks.iter_mut().find(|c| c.name == old) {
                Some(check) => check.name = new,
                None => return Err(missing(&old, &name)),
            }
        }
        DomainAction::SetDefault(expr) => {
            let default = super::expr::column_default(state, "value", &expr, &base).map_err(|e| e.at(stmt))?;
            domain_mut(state, &name).default = default.as_ref().map(super::expr::deparse);
        }
        DomainAction::DropDefault => domain_mut(state, &name).default = None,
        DomainAction::NotNull(not_null) => domain_mut(state, &name).not_null = not_null,
    }
    domain_mut(state, &name).provenance.touch(stmt.at);
    Ok(())
}

/// DROP DOMAIN: like DROP TYPE, for domains only.
pub fn drop_domain(state: &mut PgState, drop: &DropDomain, stmt: &Stmt, report: &mut ReplayReport) -> Result<(), ReplayError> {
    let parts = state.name_parts(&drop.name);
    if let Some(found) = state.resolve_type_name(&parts) {
        if !state.catalog.domains.contains_key(&found) {
            return Err(stmt.reject(format!("\"{}\" is not a domain", parts.join("."))));
        }
    }
    let cascade = drop.drop_behavior == Some(DropBehavior::Cascade);
    if !drop_type(state, &parts, drop.if_exists, cascade, stmt)? {
        skip(report, stmt, format!("DROP DOMAIN IF EXISTS ({} does not exist)", parts.join(".")));
    }
    Ok(())
}

fn domain_mut<'a>(state: &'a mut PgState, name: &ObjectName) -> &'a mut crate::catalog::Domain {
    state.catalog.domains.get_mut(name).expect("resolved domain exists")
}

#[cfg(test)]
mod tests {
    use crate::catalog::ObjectName;
    use super::super::tests::replay_catalog as replay;

    #[test]
    fn not_null_and_missing_as() {
        let catalog = replay(
            "CREATE DOMAIN email AS text NOT NULL CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');\n\
             CREATE DOMAIN code varchar(8) DEFAULT NULL NULL;",
        )
        .unwrap();
        let email = &catalog.domains[&ObjectName::new("public", "email")];
        assert!(email.not_null);
        assert_eq!(email.checks[0].name, "email_has_at");
        let code = &catalog.domains[&ObjectName::new("public", "code")];
        assert_eq!((code.not_null, code.base_type.as_str()), (false, "character varying(8)"));
    }

    #[test]
    fn alter_domain_actions() {
        let catalog = replay(
            "CREATE DOMAIN amount AS numeric(10, 2);\nCREATE DOMAIN label AS text DEFAULT 'x' NOT NULL;\n\
             ALTER DOMAIN amount ADD CONSTRAINT amount_positive CHECK (VALUE > 0);\n\
             ALTER DOMAIN amount ADD CHECK (VALUE < 1000000);\nALTER DOMAIN amount SET NOT NULL;\n\
             ALTER DOMAIN label DROP DEFAULT;\nALTER DOMAIN label DROP NOT NULL;\n\
             ALTER DOMAIN amount RENAME CONSTRAINT amount_positive TO amount_above_zero;",
        )
        .unwrap();
        let amount = &catalog.domains[&ObjectName::new("public", "amount")];
        let names: Vec<&str> = amount.checks.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["amount_above_zero", "amount_check"]);
        assert!(amount.not_null);
        let label = &catalog.domains[&ObjectName::new("public", "label")];
        assert_eq!((label.not_null, label.default.as_deref()), (false, None));
        let catalog = replay("CREATE DOMAIN gone AS int;\nDROP DOMAIN gone;\nDROP DOMAIN IF EXISTS never;").unwrap();
        assert!(catalog.domains.is_empty());
        let error = replay("CREATE TYPE e AS ENUM ('a');\nDROP DOMAIN e;").unwrap_err();
        assert_eq!(error.message, "\"e\" is not a domain");
        let error = replay("CREATE DOMAIN d AS int;\nALTER DOMAIN d DROP CONSTRAINT nope;").unwrap_err();
        assert_eq!(error.message, "constraint \"nope\" of domain \"d\" does not exist");
    }
}

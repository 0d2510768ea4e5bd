//! CREATE DOMAIN in the forms the parser does not accept: `NOT NULL` / `NULL` among the
//! domain's constraints, and `AS` left out. The statement is read again without them
//! (with `AS`), applied as usual, and the domain then marked NOT NULL.

use super::fallback::Words;
use super::objects::create_domain;
use super::state::{PgState, Stmt};
use crate::error::ReplayError;
use sqlparser::ast::Statement;
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

#[cfg(test)]
mod tests {
    use crate::catalog::{Catalog, Engine, ObjectName};
    use crate::error::ReplayError;
    use crate::replay::replay_files;
    use crate::source::MigrationFile;

    fn replay(sql: &str) -> Result<Catalog, ReplayError> {
        let file = MigrationFile { name: "m.sql".into(), text: sql.into() };
        replay_files(Engine::Postgres, &[file]).map(|r| r.catalog)
    }

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
}

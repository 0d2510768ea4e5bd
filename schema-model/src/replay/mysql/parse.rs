//! Parsing one MariaDB statement with sqlparser's `MySqlDialect`, plus the pieces of MariaDB
//! syntax the parser lacks: `ALTER TABLE ... DROP KEY k` (a synonym of `DROP INDEX k`,
//! rewritten at the token level so positions stay exact), `PREPARE name FROM expr`, and the
//! view options `ALGORITHM=`, `DEFINER=`, `SQL SECURITY` and `WITH [CASCADED | LOCAL] CHECK
//! OPTION` of `CREATE VIEW` / `ALTER VIEW` (read off the tokens, then blanked).

use super::fail::{Fail, Step};
use sqlparser::ast::{Expr, Statement};
use sqlparser::dialect::MySqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer, Whitespace, Word};

/// One parsed statement.
#[derive(Debug, Clone)]
pub enum Parsed {
    Statement(Box<Statement>),
    /// `PREPARE name FROM source`.
    Prepare { name: String, source: Box<Expr> },
    /// `CREATE VIEW` or `ALTER VIEW`, with the options sqlparser does not read.
    View { statement: Box<Statement>, options: ViewOptions },
}

/// Options of `CREATE VIEW` / `ALTER VIEW`, upper-case as information_schema spells them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewOptions {
    pub algorithm: Option<String>,
    pub security: Option<String>,
    /// `CASCADED` or `LOCAL` when `WITH [..] CHECK OPTION` is given.
    pub check_option: Option<String>,
}

/// Parses the text of one statement.
pub fn parse(text: &str) -> Step<Parsed> {
    let dialect = MySqlDialect {};
    let mut tokens = Tokenizer::new(&dialect, text)
        .tokenize_with_location()
        .map_err(|e| Fail::Parse(e.to_string()))?;
    let words = leading_keywords(&tokens, 1);
    if words.first() == Some(&Keyword::PREPARE) {
        return parse_prepare(tokens);
    }
    if leading_keywords(&tokens, 2) == [Keyword::ALTER, Keyword::TABLE] {
        rewrite_drop_key(&mut tokens);
    }
    let view_options = take_view_options(&mut tokens);
    let mut parser = Parser::new(&dialect).with_tokens_with_locations(tokens);
    let mut statements = parser.parse_statements().map_err(|e| Fail::Parse(e.to_string()))?;
    let statement = match statements.len() {
        1 => Box::new(statements.remove(0)),
        n => return Err(Fail::Parse(format!("expected one statement, found {n}"))),
    };
    Ok(match view_options {
        Some(options) => Parsed::View { statement, options },
        None => Parsed::Statement(statement),
    })
}

/// Reads and blanks the view options of a `CREATE [OR REPLACE] ... VIEW` or `ALTER ... VIEW`
/// statement; `None` for any other statement (tokens untouched).
fn take_view_options(tokens: &mut [TokenWithSpan]) -> Option<ViewOptions> {
    let significant = significant_positions(tokens);
    let keyword = |tokens: &[TokenWithSpan], at: usize| match significant.get(at).map(|&i| &tokens[i].token) {
        Some(Token::Word(w)) if w.quote_style.is_none() => w.keyword,
        _ => Keyword::NoKeyword,
    };
    let word = |tokens: &[TokenWithSpan], at: usize| match significant.get(at).map(|&i| &tokens[i].token) {
        Some(Token::Word(w)) => w.value.to_uppercase(),
        _ => String::new(),
    };
    let mut at = match keyword(tokens, 0) {
        Keyword::CREATE if keyword(tokens, 1) == Keyword::OR && keyword(tokens, 2) == Keyword::REPLACE => 3,
        Keyword::CREATE | Keyword::ALTER => 1,
        _ => return None,
    };
    let mut options = ViewOptions::default();
    let mut blank = Vec::new();
    loop {
        match keyword(tokens, at) {
            Keyword::VIEW => break,
            Keyword::ALGORITHM => {
                options.algorithm = Some(word(tokens, at + 2));
                blank.extend(at..at + 3);
                at += 3;
            }
            Keyword::SQL if keyword(tokens, at + 1) == Keyword::SECURITY => {
                options.security = Some(word(tokens, at + 2));
                blank.extend(at..at + 3);
                at += 3;
            }
            Keyword::DEFINER => {
                let start = at;
                at += 1;
                while at < significant.len() && !matches!(keyword(tokens, at), Keyword::SQL | Keyword::VIEW) {
                    at += 1;
                }
                blank.extend(start..at);
            }
            _ => return None,
        }
    }
    let end = significant.len();
    let option_at = (end >= 3 && keyword(tokens, end - 1) == Keyword::OPTION && keyword(tokens, end - 2) == Keyword::CHECK)
        .then_some(end - 2);
    if let Some(check) = option_at {
        let (with, level) = match keyword(tokens, check - 1) {
            Keyword::CASCADED | Keyword::LOCAL => (check.saturating_sub(2), word(tokens, check - 1)),
            _ => (check - 1, "CASCADED".to_string()),
        };
        if keyword(tokens, with) == Keyword::WITH {
            options.check_option = Some(level);
            blank.extend(with..end);
        }
    }
    for position in blank {
        tokens[significant[position]].token = Token::Whitespace(Whitespace::Space);
    }
    Some(options)
}

/// The keywords of the first `n` non-whitespace tokens.
fn leading_keywords(tokens: &[TokenWithSpan], n: usize) -> Vec<Keyword> {
    tokens
        .iter()
        .filter(|t| !matches!(t.token, Token::Whitespace(_)))
        .take(n)
        .map(|t| match &t.token {
            Token::Word(Word { keyword, .. }) => *keyword,
            _ => Keyword::NoKeyword,
        })
        .collect()
}

/// The positions of the tokens that are not whitespace.
fn significant_positions(tokens: &[TokenWithSpan]) -> Vec<usize> {
    tokens.iter().enumerate().filter(|(_, t)| !matches!(t.token, Token::Whitespace(_))).map(|(i, _)| i).collect()
}

/// `DROP KEY` becomes `DROP INDEX` (same meaning in MariaDB's grammar).
fn rewrite_drop_key(tokens: &mut [TokenWithSpan]) {
    let significant = significant_positions(tokens);
    for pair in significant.windows(2) {
        let is_drop = matches!(&tokens[pair[0]].token, Token::Word(w) if w.keyword == Keyword::DROP);
        let is_key = matches!(&tokens[pair[1]].token, Token::Word(w) if w.keyword == Keyword::KEY && w.quote_style.is_none());
        if is_drop && is_key {
            tokens[pair[1]].token = Token::Word(Word {
                value: "INDEX".to_string(),
                quote_style: None,
                keyword: Keyword::INDEX,
            });
        }
    }
}

fn parse_prepare(tokens: Vec<TokenWithSpan>) -> Step<Parsed> {
    let dialect = MySqlDialect {};
    let mut parser = Parser::new(&dialect).with_tokens_with_locations(tokens);
    let parse = |parser: &mut Parser| -> Result<Parsed, sqlparser::parser::ParserError> {
        parser.expect_keyword(Keyword::PREPARE)?;
        let name = parser.parse_identifier()?.value;
        parser.expect_keyword(Keyword::FROM)?;
        let source = Box::new(parser.parse_expr()?);
        parser.expect_token(&Token::EOF)?;
        Ok(Parsed::Prepare { name, source })
    };
    parse(&mut parser).map_err(|e| Fail::Parse(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_key_and_prepare() {
        let Parsed::Statement(s) = parse("ALTER TABLE t DROP KEY k, DROP COLUMN `key`").unwrap_or_else(|e| panic!("{e:?}"))
        else {
            panic!("not a statement")
        };
        assert!(s.to_string().contains("DROP INDEX k, DROP COLUMN `key`"), "{s}");
        match parse("PREPARE stmt FROM @x").unwrap() {
            Parsed::Prepare { name, source } => {
                assert_eq!(name, "stmt");
                assert_eq!(source.to_string(), "@x");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse("PREPARE stmt FROM"), Err(Fail::Parse(_))));
        assert!(matches!(parse("CREATE TABLE ("), Err(Fail::Parse(_))));
    }
}

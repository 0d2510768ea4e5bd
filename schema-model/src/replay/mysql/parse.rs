//! Parsing one MariaDB statement with sqlparser's `MySqlDialect`, plus the two pieces of
//! MariaDB syntax the parser lacks: `ALTER TABLE ... DROP KEY k` (a synonym of `DROP INDEX k`,
//! rewritten at the token level so positions stay exact) and `PREPARE name FROM expr`.

use super::fail::{Fail, Step};
use sqlparser::ast::{Expr, Statement};
use sqlparser::dialect::MySqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer, Word};

/// One parsed statement.
#[derive(Debug, Clone)]
pub enum Parsed {
    Statement(Box<Statement>),
    /// `PREPARE name FROM source`.
    Prepare { name: String, source: Box<Expr> },
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
    let mut parser = Parser::new(&dialect).with_tokens_with_locations(tokens);
    let mut statements = parser.parse_statements().map_err(|e| Fail::Parse(e.to_string()))?;
    match statements.len() {
        1 => Ok(Parsed::Statement(Box::new(statements.remove(0)))),
        n => Err(Fail::Parse(format!("expected one statement, found {n}"))),
    }
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

/// `DROP KEY` becomes `DROP INDEX` (same meaning in MariaDB's grammar).
fn rewrite_drop_key(tokens: &mut [TokenWithSpan]) {
    let significant: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| !matches!(t.token, Token::Whitespace(_)))
        .map(|(i, _)| i)
        .collect();
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

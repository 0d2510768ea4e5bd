//! SQL text as SQLite's tokenizer sees it: sqlparser's tokens with the byte range each one
//! covers, and SQLite's keyword classes (which keywords may stand for an identifier).
//!
//! SQLite keeps the text of every schema object and edits it in place on `ALTER TABLE`, so the
//! replay needs exact byte positions of names, types and defaults, not just an AST.

use sqlparser::dialect::SQLiteDialect;
use sqlparser::tokenizer::{Token, Tokenizer};
use std::ops::Range;

/// One token of code (whitespace and comments are not tokens here) and the bytes it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    pub token: Token,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    /// Whether the token is the unquoted keyword `keyword` (any case).
    pub fn is_kw(&self, keyword: &str) -> bool {
        matches!(&self.token, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(keyword))
    }

    pub fn is(&self, token: &Token) -> bool {
        &self.token == token
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the token starts with a quote character (a quoted identifier or a string).
    pub fn is_quoted(&self) -> bool {
        match &self.token {
            Token::Word(w) => w.quote_style.is_some(),
            Token::SingleQuotedString(_) => true,
            _ => false,
        }
    }

    /// The name the token stands for where SQLite expects an identifier (`nm`): an unquoted
    /// word that is not a reserved keyword, a quoted identifier, or a string literal.
    pub fn name(&self) -> Option<String> {
        match &self.token {
            Token::Word(w) if w.quote_style.is_some() => Some(w.value.clone()),
            Token::Word(w) if is_identifier_word(&w.value) || is_join_keyword(&w.value) => {
                Some(w.value.clone())
            }
            Token::SingleQuotedString(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// Whether SQLite's grammar accepts the token inside a type name (`ids`: an identifier,
    /// a keyword that falls back to one, or a string).
    pub fn is_type_word(&self) -> bool {
        match &self.token {
            Token::Word(w) => w.quote_style.is_some() || is_identifier_word(&w.value),
            Token::SingleQuotedString(_) => true,
            _ => false,
        }
    }
}

/// The code tokens of one SQL text, with their byte ranges.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub toks: Vec<Tok>,
}

/// A tokenizer failure, with the byte offset where it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenError {
    pub message: String,
    pub offset: usize,
}

impl Tokens {
    /// Tokenizes `text` with sqlparser's SQLite dialect.
    pub fn new(text: &str) -> Result<Tokens, TokenError> {
        let dialect = SQLiteDialect {};
        let lines = LineIndex::new(text);
        let spanned = Tokenizer::new(&dialect, text)
            .tokenize_with_location()
            .map_err(|e| TokenError {
                offset: lines.offset(text, e.location.line, e.location.column),
                message: e.message,
            })?;
        let starts: Vec<usize> = spanned
            .iter()
            .map(|t| lines.offset(text, t.span.start.line, t.span.start.column))
            .collect();
        let mut toks = Vec::new();
        for (i, t) in spanned.into_iter().enumerate() {
            if matches!(t.token, Token::Whitespace(_) | Token::EOF) {
                continue;
            }
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            toks.push(Tok {
                token: t.token,
                start: starts[i],
                end,
            });
        }
        Ok(Tokens { toks })
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Whether token `i` is the keyword `keyword`.
    pub fn kw(&self, i: usize, keyword: &str) -> bool {
        self.get(i).is_some_and(|t| t.is_kw(keyword))
    }

    /// Whether token `i` is `token`.
    pub fn is(&self, i: usize, token: &Token) -> bool {
        self.get(i).is_some_and(|t| t.is(token))
    }

    /// Index of the parenthesis closing the one opened at `open`, if the text has it.
    pub fn matching_paren(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for (i, t) in self.toks.iter().enumerate().skip(open) {
            match t.token {
                Token::LParen => depth += 1,
                Token::RParen => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Index of the first token at or after `from` that is `token` at parenthesis depth 0,
    /// stopping (with `None`) at an unbalanced `)`.
    pub fn find_at_depth0(&self, from: usize, until: usize, token: &Token) -> Option<usize> {
        let mut depth = 0usize;
        for i in from..until.min(self.len()) {
            let t = &self.toks[i].token;
            if depth == 0 && t == token {
                return Some(i);
            }
            match t {
                Token::LParen => depth += 1,
                Token::RParen if depth == 0 => return None,
                Token::RParen => depth -= 1,
                _ => {}
            }
        }
        None
    }
}

/// The byte offset of sqlparser's 1-based `line` and character `column` in `text`.
pub fn byte_offset(text: &str, line: u64, column: u64) -> usize {
    LineIndex::new(text).offset(text, line, column)
}

/// Turns sqlparser's 1-based line and character column into byte offsets.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        LineIndex { starts }
    }

    fn offset(&self, text: &str, line: u64, column: u64) -> usize {
        let Some(start) = (line as usize)
            .checked_sub(1)
            .and_then(|l| self.starts.get(l))
        else {
            return text.len();
        };
        let rest = &text[*start..];
        let chars = (column as usize).saturating_sub(1);
        start
            + rest
                .char_indices()
                .nth(chars)
                .map_or(rest.len(), |(i, _)| i)
    }
}

/// Whether an unquoted word can stand for an identifier in SQLite: it is not a keyword, or
/// it is one of the keywords SQLite's grammar lets fall back to an identifier.
pub fn is_identifier_word(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    !RESERVED.contains(&upper.as_str())
}

/// `CROSS`, `FULL`, `INNER`, ... are keywords that SQLite still accepts as a name (`nm`).
fn is_join_keyword(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    [
        "CROSS", "FULL", "INNER", "LEFT", "NATURAL", "OUTER", "RIGHT",
    ]
    .contains(&upper.as_str())
}

/// SQLite's `identPut`: the name as is when it is a plain identifier that is not a keyword,
/// otherwise double-quoted.
pub fn quote_identifier(name: &str) -> String {
    let plain = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(name));
    if plain {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// Every SQLite keyword (lang_keywords).
const KEYWORDS: &[&str] = &[
    "ABORT",
    "ACTION",
    "ADD",
    "AFTER",
    "ALL",
    "ALTER",
    "ALWAYS",
    "ANALYZE",
    "AND",
    "AS",
    "ASC",
    "ATTACH",
    "AUTOINCREMENT",
    "BEFORE",
    "BEGIN",
    "BETWEEN",
    "BY",
    "CASCADE",
    "CASE",
    "CAST",
    "CHECK",
    "COLLATE",
    "COLUMN",
    "COMMIT",
    "CONFLICT",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "CURRENT",
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "DATABASE",
    "DEFAULT",
    "DEFERRABLE",
    "DEFERRED",
    "DELETE",
    "DESC",
    "DETACH",
    "DISTINCT",
    "DO",
    "DROP",
    "EACH",
    "ELSE",
    "END",
    "ESCAPE",
    "EXCEPT",
    "EXCLUDE",
    "EXCLUSIVE",
    "EXISTS",
    "EXPLAIN",
    "FAIL",
    "FILTER",
    "FIRST",
    "FOLLOWING",
    "FOR",
    "FOREIGN",
    "FROM",
    "FULL",
    "GENERATED",
    "GLOB",
    "GROUP",
    "GROUPS",
    "HAVING",
    "IF",
    "IGNORE",
    "IMMEDIATE",
    "IN",
    "INDEX",
    "INDEXED",
    "INITIALLY",
    "INNER",
    "INSERT",
    "INSTEAD",
    "INTERSECT",
    "INTO",
    "IS",
    "ISNULL",
    "JOIN",
    "KEY",
    "LAST",
    "LEFT",
    "LIKE",
    "LIMIT",
    "MATCH",
    "MATERIALIZED",
    "NATURAL",
    "NO",
    "NOT",
    "NOTHING",
    "NOTNULL",
    "NULL",
    "NULLS",
    "OF",
    "OFFSET",
    "ON",
    "OR",
    "ORDER",
    "OTHERS",
    "OUTER",
    "OVER",
    "PARTITION",
    "PLAN",
    "PRAGMA",
    "PRECEDING",
    "PRIMARY",
    "QUERY",
    "RAISE",
    "RANGE",
    "RECURSIVE",
    "REFERENCES",
    "REGEXP",
    "REINDEX",
    "RELEASE",
    "RENAME",
    "REPLACE",
    "RESTRICT",
    "RETURNING",
    "RIGHT",
    "ROLLBACK",
    "ROW",
    "ROWS",
    "SAVEPOINT",
    "SELECT",
    "SET",
    "TABLE",
    "TEMP",
    "TEMPORARY",
    "THEN",
    "TIES",
    "TO",
    "TRANSACTION",
    "TRIGGER",
    "UNBOUNDED",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VACUUM",
    "VALUES",
    "VIEW",
    "VIRTUAL",
    "WHEN",
    "WHERE",
    "WINDOW",
    "WITH",
    "WITHOUT",
];

/// SQLite keywords that do *not* fall back to an identifier (parse.y's `%fallback ID` list
/// removed from the keyword list).
const RESERVED: &[&str] = &[
    "ADD",
    "ALL",
    "ALTER",
    "AND",
    "AS",
    "AUTOINCREMENT",
    "BETWEEN",
    "CASE",
    "CHECK",
    "COLLATE",
    "COMMIT",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "DEFAULT",
    "DEFERRABLE",
    "DELETE",
    "DISTINCT",
    "DROP",
    "ELSE",
    "ESCAPE",
    "EXCEPT",
    "EXISTS",
    "FILTER",
    "FOREIGN",
    "FROM",
    "FULL",
    "GROUP",
    "HAVING",
    "IN",
    "INDEX",
    "INDEXED",
    "INNER",
    "INSERT",
    "INTERSECT",
    "INTO",
    "IS",
    "ISNULL",
    "JOIN",
    "LEFT",
    "LIMIT",
    "NATURAL",
    "NOT",
    "NOTHING",
    "NOTNULL",
    "NULL",
    "ON",
    "OR",
    "ORDER",
    "OUTER",
    "OVER",
    "PRIMARY",
    "REFERENCES",
    "RETURNING",
    "RIGHT",
    "SELECT",
    "SET",
    "TABLE",
    "THEN",
    "TO",
    "TRANSACTION",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VALUES",
    "WHEN",
    "WHERE",
    "WINDOW",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_ranges_cover_tokens_exactly() {
        let text = "CREATE TABLE \"é x\" (a -- c\n  TEXT)";
        let toks = Tokens::new(text).unwrap();
        let words: Vec<&str> = toks.toks.iter().map(|t| &text[t.range()]).collect();
        assert_eq!(
            words,
            vec!["CREATE", "TABLE", "\"é x\"", "(", "a", "TEXT", ")"]
        );
        assert_eq!(toks.get(2).unwrap().name().as_deref(), Some("é x"));
    }

    #[test]
    fn keyword_classes_follow_sqlite() {
        assert!(is_identifier_word("key"));
        assert!(is_identifier_word("replace"));
        assert!(!is_identifier_word("primary"));
        assert!(!is_identifier_word("Default"));
    }

    #[test]
    fn unterminated_input_is_an_error_not_a_panic() {
        assert!(Tokens::new("CREATE TABLE 'x").is_err());
        assert!(Tokens::new("").unwrap().is_empty());
    }
}

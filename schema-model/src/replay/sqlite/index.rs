//! `CREATE INDEX` as SQLite reads it from its stored text: name, table, key columns or
//! expressions with their collation and order, the partial-index predicate, and the byte
//! positions of every name so renames can rewrite the text.

use super::expr_refs::column_refs;
use super::messages;
use super::table_build::{find_column, BINARY};
use super::table_def::DefError;
use super::tokens::Tokens;
use crate::catalog::{Index, IndexKey, Location, Provenance, Table};
use sqlparser::tokenizer::Token;
use std::ops::Range;

/// A parsed `CREATE INDEX` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDef {
    pub unique: bool,
    pub if_not_exists: bool,
    pub schema: Option<String>,
    pub name: String,
    pub name_range: Range<usize>,
    pub table: String,
    /// Token index of the table name.
    pub table_token: usize,
    pub keys: Vec<IndexKeyDef>,
    pub predicate: Option<String>,
    /// Token range of the key list and predicate, where column names may appear.
    pub body_tokens: Range<usize>,
    pub end: usize,
}

/// One key of an index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexKeyDef {
    /// The column, when the key is a plain column name.
    pub column: Option<String>,
    pub text: String,
    pub descending: bool,
    pub collation: Option<String>,
    pub at: usize,
}

/// Parses `CREATE [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table (keys) [WHERE expr]`.
pub fn parse_create_index(sql: &str, toks: &Tokens) -> Result<IndexDef, DefError> {
    let syntax = |i: usize| match toks.get(i) {
        Some(t) => DefError {
            message: messages::syntax_error_near(&sql[t.range()]),
            offset: t.start,
        },
        None => DefError {
            message: messages::incomplete_input(),
            offset: sql.len(),
        },
    };
    let mut i = 0;
    if !toks.kw(i, "CREATE") {
        return Err(syntax(i));
    }
    i += 1;
    let unique = toks.kw(i, "UNIQUE");
    if unique {
        i += 1;
    }
    if !toks.kw(i, "INDEX") {
        return Err(syntax(i));
    }
    i += 1;
    let if_not_exists = toks.kw(i, "IF") && toks.kw(i + 1, "NOT") && toks.kw(i + 2, "EXISTS");
    if if_not_exists {
        i += 3;
    }
    let mut name_token = i;
    let mut schema = None;
    if toks.is(i + 1, &Token::Period) {
        schema = toks.get(i).and_then(|t| t.name());
        name_token = i + 2;
    }
    let name = toks
        .get(name_token)
        .and_then(|t| t.name())
        .ok_or_else(|| syntax(name_token))?;
    i = name_token + 1;
    if !toks.kw(i, "ON") {
        return Err(syntax(i));
    }
    let table_token = i + 1;
    let table = toks
        .get(table_token)
        .and_then(|t| t.name())
        .ok_or_else(|| syntax(table_token))?;
    let open = table_token + 1;
    if !toks.is(open, &Token::LParen) {
        return Err(syntax(open));
    }
    let close = toks
        .matching_paren(open)
        .ok_or_else(|| syntax(toks.len()))?;
    let mut keys = Vec::new();
    let mut start = open + 1;
    while start < close {
        let end = toks
            .find_at_depth0(start, close, &Token::Comma)
            .unwrap_or(close);
        if end == start {
            return Err(syntax(start));
        }
        keys.push(key_def(sql, toks, start, end));
        start = end + 1;
    }
    let mut end_token = close + 1;
    let mut predicate = None;
    if toks.kw(end_token, "WHERE") {
        let first = end_token + 1;
        if first >= toks.len() {
            return Err(syntax(first));
        }
        predicate = Some(sql[toks.toks[first].start..toks.toks[toks.len() - 1].end].to_string());
        end_token = toks.len();
    }
    if end_token < toks.len() {
        return Err(syntax(end_token));
    }
    Ok(IndexDef {
        unique,
        if_not_exists,
        schema,
        name,
        name_range: toks.toks[name_token].range(),
        table,
        table_token,
        keys,
        predicate,
        body_tokens: open + 1..toks.len(),
        end: toks.toks[toks.len() - 1].end,
    })
}

/// One key: `expr [COLLATE name] [ASC|DESC]` between tokens `start..end`.
fn key_def(sql: &str, toks: &Tokens, start: usize, end: usize) -> IndexKeyDef {
    let mut last = end;
    let mut descending = false;
    if last > start + 1 && (toks.kw(last - 1, "DESC") || toks.kw(last - 1, "ASC")) {
        descending = toks.kw(last - 1, "DESC");
        last -= 1;
    }
    let mut collation = None;
    if last > start + 2 && toks.kw(last - 2, "COLLATE") {
        collation = toks.get(last - 1).and_then(|t| t.name());
        last -= 2;
    }
    let column = if last == start + 1 {
        toks.get(start)
            .filter(|t| !matches!(t.token, Token::SingleQuotedString(_)))
            .and_then(|t| t.name())
    } else {
        None
    };
    let text = sql[toks.toks[start].start..toks.toks[last - 1].end].to_string();
    IndexKeyDef {
        column,
        text,
        descending,
        collation,
        at: toks.toks[start].start,
    }
}

/// Builds the catalog index of `def` on `table`, checking every name it uses.
pub fn index_from_def(
    def: &IndexDef,
    sql: &str,
    toks: &Tokens,
    table: &Table,
    at: &Location,
) -> Result<Index, DefError> {
    for reference in column_refs(toks, def.body_tokens.start, def.body_tokens.end) {
        if reference.qualifier.is_none() && find_column(table, &reference.name).is_none() {
            return Err(DefError {
                message: messages::no_such_column(&reference.name),
                offset: toks.toks[reference.token].start,
            });
        }
    }
    let keys = def
        .keys
        .iter()
        .map(|key| {
            let column = key
                .column
                .as_ref()
                .and_then(|c| find_column(table, c))
                .map(|(_, c)| c);
            let collation = key
                .collation
                .clone()
                .or_else(|| column.and_then(|c| c.collation.clone()))
                .unwrap_or_else(|| BINARY.to_string());
            IndexKey {
                column: column.map(|c| c.name.clone()),
                definition: key.text.clone(),
                descending: key.descending,
                collation: Some(collation),
                sub_part: None,
            }
        })
        .collect();
    Ok(Index {
        name: def.name.clone(),
        unique: def.unique,
        primary: false,
        method: "btree".to_string(),
        keys,
        predicate: def.predicate.clone(),
        definition: Some(sql.to_string()),
        constraint: None,
        valid: true,
        origin: Some("c".to_string()),
        provenance: Provenance::new(at),
    })
}

/// Reads an index from its stored text.
pub fn index_from_sql(sql: &str, table: &Table, at: &Location) -> Result<Index, DefError> {
    let toks = Tokens::new(sql).map_err(|e| DefError {
        message: e.message,
        offset: e.offset,
    })?;
    let def = parse_create_index(sql, &toks)?;
    index_from_def(&def, sql, &toks, table, at)
}

/// The text SQLite stores for an index: `CREATE [UNIQUE] INDEX ` and the statement from the
/// index name on.
pub fn stored_sql(statement: &str, def: &IndexDef) -> String {
    let keyword = if def.unique {
        "CREATE UNIQUE INDEX "
    } else {
        "CREATE INDEX "
    };
    format!("{keyword}{}", &statement[def.name_range.start..def.end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::sqlite::table_build::table_from_sql;

    #[test]
    fn keys_predicates_and_stored_text() {
        let sql = "create unique index if not exists main.i on t(lower(b), a collate nocase desc, b)\nwhere a is not null";
        let toks = Tokens::new(sql).unwrap();
        let def = parse_create_index(sql, &toks).unwrap();
        assert_eq!(
            stored_sql(sql, &def),
            "CREATE UNIQUE INDEX i on t(lower(b), a collate nocase desc, b)\nwhere a is not null"
        );
        let (table, _) = table_from_sql("CREATE TABLE t(a, b)", &Location::default()).unwrap();
        let index = index_from_def(&def, sql, &toks, &table, &Location::default()).unwrap();
        assert_eq!(index.keys[0].column, None);
        assert_eq!(index.keys[1].collation.as_deref(), Some("nocase"));
        assert!(index.keys[1].descending);
        assert_eq!(index.predicate.as_deref(), Some("a is not null"));
        let bad = "create index j on t(c)";
        let toks = Tokens::new(bad).unwrap();
        let def = parse_create_index(bad, &toks).unwrap();
        assert_eq!(
            index_from_def(&def, bad, &toks, &table, &Location::default())
                .unwrap_err()
                .message,
            "no such column: c"
        );
    }
}

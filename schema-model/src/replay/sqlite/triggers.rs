//! `CREATE TRIGGER` as SQLite stores it: the trigger's name, its table, and the text
//! `CREATE TRIGGER ` followed by the statement from the name to the final `END`.

use super::messages;
use super::table_def::DefError;
use super::tokens::Tokens;
use sqlparser::tokenizer::Token;
use std::ops::Range;

/// The parts of a trigger statement the catalog needs.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerHead {
    pub name: String,
    pub schema: Option<String>,
    pub name_range: Range<usize>,
    pub if_not_exists: bool,
    pub table: String,
    /// Byte offset of the table name, and its token index.
    pub table_at: usize,
    pub table_token: usize,
    /// The text SQLite stores.
    pub sql: String,
    /// Bytes between `BEGIN` and the final `END`: the trigger's statements.
    pub body: Range<usize>,
}

/// Reads the head of `CREATE TRIGGER [IF NOT EXISTS] [schema.]name ... ON table ...`.
pub fn parse_trigger_head(text: &str, toks: &Tokens) -> Result<TriggerHead, DefError> {
    let syntax = |i: usize| match toks.get(i) {
        Some(t) => DefError {
            message: messages::syntax_error_near(&text[t.range()]),
            offset: t.start,
        },
        None => DefError {
            message: messages::incomplete_input(),
            offset: text.len(),
        },
    };
    let mut i = 2;
    if !(toks.kw(0, "CREATE") && toks.kw(1, "TRIGGER")) {
        return Err(syntax(0));
    }
    let if_not_exists = toks.kw(i, "IF") && toks.kw(i + 1, "NOT") && toks.kw(i + 2, "EXISTS");
    if if_not_exists {
        i += 3;
    }
    let mut schema = None;
    if toks.is(i + 1, &Token::Period) {
        schema = toks.get(i).and_then(|t| t.name());
        i += 2;
    }
    let name_token = i;
    let name = toks
        .get(i)
        .and_then(|t| t.name())
        .ok_or_else(|| syntax(i))?;
    let on = (i + 1..toks.len())
        .take_while(|j| !toks.kw(*j, "BEGIN"))
        .find(|j| toks.kw(*j, "ON"))
        .ok_or_else(|| syntax(toks.len()))?;
    let table_token = on + 1;
    let table = toks
        .get(table_token)
        .and_then(|t| t.name())
        .ok_or_else(|| syntax(table_token))?;
    let last = toks.toks.last().ok_or_else(|| syntax(0))?;
    let begin = (table_token..toks.len())
        .find(|j| toks.kw(*j, "BEGIN"))
        .ok_or_else(|| syntax(toks.len()))?;
    if !last.is_kw("END") || begin + 1 >= toks.len() {
        return Err(syntax(toks.len()));
    }
    let name_range = toks.toks[name_token].range();
    Ok(TriggerHead {
        sql: format!("CREATE TRIGGER {}", &text[name_range.start..last.end]),
        name,
        schema,
        name_range,
        if_not_exists,
        table,
        table_at: toks.toks[table_token].start,
        table_token,
        body: toks.toks[begin].end..last.start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_and_stored_text() {
        let text = "create trigger if not exists main.tr after update of a on t begin update u set x = 1; end";
        let head = parse_trigger_head(text, &Tokens::new(text).unwrap()).unwrap();
        assert_eq!(head.name, "tr");
        assert_eq!(head.table, "t");
        assert_eq!(
            head.sql,
            "CREATE TRIGGER tr after update of a on t begin update u set x = 1; end"
        );
        assert!(
            parse_trigger_head("create trigger", &Tokens::new("create trigger").unwrap()).is_err()
        );
    }
}

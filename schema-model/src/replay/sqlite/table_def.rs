//! Reading a `CREATE TABLE` text with SQLite's own grammar for column definitions and
//! table constraints (lang_createtable), on sqlparser's tokens.
//!
//! sqlparser's CREATE TABLE grammar is narrower than SQLite's (SQLite accepts any words as a
//! type name, `ON CONFLICT` clauses, several table options), and SQLite reports several
//! facts as raw text slices (the declared type, the default, the place where `ADD COLUMN`
//! inserts). So the definition is read from the tokens, keeping byte positions, exactly as
//! SQLite's parser reads it each time it loads the schema.

use super::messages;
use super::tokens::{Tok, Tokens};
use super::types::STANDARD_TYPES;
use crate::catalog::FkAction;
use sqlparser::tokenizer::Token;
use std::ops::Range;

/// A parsed `CREATE TABLE` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct TableDef {
    pub name: String,
    pub schema: Option<String>,
    /// Bytes of the table name token (after any schema prefix).
    pub name_range: Range<usize>,
    pub if_not_exists: bool,
    pub temporary: bool,
    pub columns: Vec<ColumnDef>,
    /// PRIMARY KEY and UNIQUE constraints in the order they appear, column ones included.
    pub keys: Vec<KeyDef>,
    /// Foreign keys in the order they appear.
    pub foreign_keys: Vec<ForeignKeyDef>,
    /// CHECK constraints (their expression text) in the order they appear.
    pub checks: Vec<String>,
    /// Token ranges of CHECK and generated-column expressions, where column names appear.
    pub expressions: Vec<Range<usize>>,
    /// Where `ALTER TABLE ADD COLUMN` inserts: the comma before the first table constraint,
    /// or the closing parenthesis.
    pub add_column_offset: usize,
    pub without_rowid: bool,
    pub strict: bool,
    /// End of the statement's last token.
    pub end: usize,
    /// `CREATE TABLE ... AS SELECT`: the byte offset of `AS`.
    pub as_select: Option<usize>,
}

/// One column definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnDef {
    pub name: String,
    pub name_range: Range<usize>,
    /// Bytes from the column name to the end of its last token.
    pub range: Range<usize>,
    /// The type as SQLite reports it (standard names upper-cased, quotes removed).
    pub declared_type: String,
    pub not_null: bool,
    pub default: Option<String>,
    pub collation: Option<String>,
    /// Expression of a generated column and whether it is STORED.
    pub generated: Option<(String, bool)>,
    pub primary_key: bool,
    pub unique: bool,
    pub references: bool,
}

/// A PRIMARY KEY or UNIQUE constraint.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyDef {
    pub primary: bool,
    pub columns: Vec<KeyColumn>,
    /// Declared as a column constraint (the column's sort order then comes from `ASC/DESC`
    /// after `PRIMARY KEY`).
    pub column_constraint: bool,
    pub descending: bool,
    pub autoincrement: bool,
    /// The constraint's first token, for error positions.
    pub at: usize,
}

/// A column of a key constraint.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyColumn {
    pub name: String,
    pub range: Range<usize>,
    pub collation: Option<String>,
    pub descending: bool,
}

/// A foreign key.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignKeyDef {
    pub columns: Vec<String>,
    /// Bytes of each child column name written in a `FOREIGN KEY (...)` list.
    pub column_ranges: Vec<Range<usize>>,
    pub ref_table: String,
    pub ref_table_range: Range<usize>,
    pub ref_columns: Vec<String>,
    pub ref_column_ranges: Vec<Range<usize>>,
    pub on_delete: FkAction,
    pub on_update: FkAction,
    pub match_name: Option<String>,
    pub at: usize,
}

/// A problem with the text, with the byte offset SQLite would point at.
#[derive(Debug, Clone, PartialEq)]
pub struct DefError {
    pub message: String,
    pub offset: usize,
}

type Result<T> = std::result::Result<T, DefError>;

/// Parses a complete `CREATE [TEMP] TABLE` statement.
pub fn parse_create_table(sql: &str, toks: &Tokens) -> Result<TableDef> {
    let mut p = Cursor { toks, sql, pos: 0 };
    p.expect_kw("CREATE")?;
    let temporary = p.eat_kw("TEMP") || p.eat_kw("TEMPORARY");
    p.expect_kw("TABLE")?;
    let if_not_exists = p.eat_kws(&["IF", "NOT", "EXISTS"]);
    let (schema, name, name_range) = p.qualified_name()?;
    let mut def = TableDef {
        name,
        schema,
        name_range,
        if_not_exists,
        temporary,
        columns: Vec::new(),
        keys: Vec::new(),
        foreign_keys: Vec::new(),
        checks: Vec::new(),
        expressions: Vec::new(),
        add_column_offset: 0,
        without_rowid: false,
        strict: false,
        end: 0,
        as_select: None,
    };
    if p.peek_kw("AS") {
        def.as_select = Some(p.here_start());
        def.end = toks.toks.last().map_or(sql.len(), |t| t.end);
        return Ok(def);
    }
    p.expect(&Token::LParen)?;
    let mut in_constraints = false;
    loop {
        if !in_constraints && !p.at_table_constraint() {
            let column = p.column_def(&mut def)?;
            def.columns.push(column);
        } else {
            if !in_constraints {
                in_constraints = true;
                def.add_column_offset = p.prev_comma_offset();
            }
            p.table_constraint(&mut def)?;
        }
        if p.eat(&Token::Comma) {
            continue;
        }
        if p.peek(&Token::RParen) {
            if !in_constraints {
                def.add_column_offset = p.here_start();
            }
            p.pos += 1;
            break;
        }
        if in_constraints && p.at_table_constraint() {
            // SQLite allows table constraints without a separating comma.
            continue;
        }
        return Err(p.syntax_error());
    }
    def.end = p.prev_end();
    loop {
        if p.eat_kws(&["WITHOUT", "ROWID"]) {
            def.without_rowid = true;
        } else if p.eat_kw("STRICT") {
            def.strict = true;
        } else if p.at_end() {
            break;
        } else {
            return Err(p.error_here(|t| format!("unknown table option: {t}")));
        }
        def.end = p.prev_end();
        if !p.eat(&Token::Comma) {
            break;
        }
    }
    if !p.at_end() {
        return Err(p.syntax_error());
    }
    Ok(def)
}

/// Parses one column definition as written after `ALTER TABLE ... ADD [COLUMN]`, starting at
/// token `from`; returns the column and its text range.
pub fn parse_column_def(sql: &str, toks: &Tokens, from: usize) -> Result<(ColumnDef, TableDef)> {
    let mut def = TableDef {
        name: String::new(),
        schema: None,
        name_range: 0..0,
        if_not_exists: false,
        temporary: false,
        columns: Vec::new(),
        keys: Vec::new(),
        foreign_keys: Vec::new(),
        checks: Vec::new(),
        expressions: Vec::new(),
        add_column_offset: 0,
        without_rowid: false,
        strict: false,
        end: 0,
        as_select: None,
    };
    let mut p = Cursor {
        toks,
        sql,
        pos: from,
    };
    let column = p.column_def(&mut def)?;
    if !p.at_end() {
        return Err(p.syntax_error());
    }
    Ok((column, def))
}

/// A position in the token list with SQLite grammar helpers.
struct Cursor<'a> {
    toks: &'a Tokens,
    sql: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn tok(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn here_start(&self) -> usize {
        self.tok().map_or(self.sql.len(), |t| t.start)
    }

    fn prev_end(&self) -> usize {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(0, |t| t.end)
    }

    /// Offset of the comma just before the current token (the separator before the first
    /// table constraint), or the current token when there is none.
    fn prev_comma_offset(&self) -> usize {
        match self.pos.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some(t) if t.is(&Token::Comma) => t.start,
            _ => self.here_start(),
        }
    }

    fn peek(&self, token: &Token) -> bool {
        self.toks.is(self.pos, token)
    }

    fn peek_kw(&self, keyword: &str) -> bool {
        self.toks.kw(self.pos, keyword)
    }

    fn eat(&mut self, token: &Token) -> bool {
        let hit = self.peek(token);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn eat_kw(&mut self, keyword: &str) -> bool {
        let hit = self.peek_kw(keyword);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn eat_kws(&mut self, keywords: &[&str]) -> bool {
        let hit = keywords
            .iter()
            .enumerate()
            .all(|(k, kw)| self.toks.kw(self.pos + k, kw));
        if hit {
            self.pos += keywords.len();
        }
        hit
    }

    fn expect(&mut self, token: &Token) -> Result<()> {
        if self.eat(token) {
            Ok(())
        } else {
            Err(self.syntax_error())
        }
    }

    fn expect_kw(&mut self, keyword: &str) -> Result<()> {
        if self.eat_kw(keyword) {
            Ok(())
        } else {
            Err(self.syntax_error())
        }
    }

    /// SQLite's `near "X": syntax error` for the current token.
    fn syntax_error(&self) -> DefError {
        match self.tok() {
            Some(t) => DefError {
                message: messages::syntax_error_near(&self.sql[t.range()]),
                offset: t.start,
            },
            None => DefError {
                message: messages::incomplete_input(),
                offset: self.sql.len(),
            },
        }
    }

    fn error_here(&self, message: impl Fn(&str) -> String) -> DefError {
        match self.tok() {
            Some(t) => DefError {
                message: message(&self.sql[t.range()]),
                offset: t.start,
            },
            None => self.syntax_error(),
        }
    }

    /// A name (`nm`), returning its value and byte range.
    fn name(&mut self) -> Result<(String, Range<usize>)> {
        match self.tok().and_then(|t| t.name().map(|n| (n, t.range()))) {
            Some(found) => {
                self.pos += 1;
                Ok(found)
            }
            None => Err(self.syntax_error()),
        }
    }

    /// `[schema .] name`.
    fn qualified_name(&mut self) -> Result<(Option<String>, String, Range<usize>)> {
        let (first, range) = self.name()?;
        if self.eat(&Token::Period) {
            let (second, range) = self.name()?;
            return Ok((Some(first), second, range));
        }
        Ok((None, first, range))
    }

    fn at_table_constraint(&self) -> bool {
        ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"]
            .iter()
            .any(|k| self.peek_kw(k))
    }

    /// Index just past the parenthesised group opening at the current token; returns the
    /// text inside (trimmed) and moves past the `)`.
    fn paren_group(&mut self) -> Result<String> {
        self.paren_group_tokens().map(|(text, _)| text)
    }

    /// Like [`Self::paren_group`], also returning the token range inside the parentheses.
    fn paren_group_tokens(&mut self) -> Result<(String, Range<usize>)> {
        let open = self.pos;
        if !self.peek(&Token::LParen) {
            return Err(self.syntax_error());
        }
        let close = self.toks.matching_paren(open).ok_or_else(|| DefError {
            message: messages::incomplete_input(),
            offset: self.sql.len(),
        })?;
        let inner = self.sql[self.toks.toks[open].end..self.toks.toks[close].start]
            .trim()
            .to_string();
        self.pos = close + 1;
        Ok((inner, open + 1..close))
    }

    fn column_def(&mut self, def: &mut TableDef) -> Result<ColumnDef> {
        let (name, name_range) = self.name()?;
        let declared_type = self.type_name()?;
        let mut column = ColumnDef {
            name,
            name_range: name_range.clone(),
            range: name_range.clone(),
            declared_type,
            not_null: false,
            default: None,
            collation: None,
            generated: None,
            primary_key: false,
            unique: false,
            references: false,
        };
        loop {
            let at = self.pos;
            if self.eat_kw("CONSTRAINT") {
                self.name()?;
            } else if self.eat_kw("DEFAULT") {
                column.default = Some(self.default_value()?);
            } else if self.eat_kw("NULL") {
                self.on_conflict()?;
            } else if self.eat_kws(&["NOT", "NULL"]) {
                column.not_null = true;
                self.on_conflict()?;
            } else if self.eat_kws(&["PRIMARY", "KEY"]) {
                let descending = self.sort_order();
                self.on_conflict()?;
                let autoincrement = self.eat_kw("AUTOINCREMENT");
                column.primary_key = true;
                def.keys.push(KeyDef {
                    primary: true,
                    columns: vec![KeyColumn {
                        name: column.name.clone(),
                        range: name_range.clone(),
                        collation: None,
                        descending: false,
                    }],
                    column_constraint: true,
                    descending,
                    autoincrement,
                    at: self.toks.toks[at].start,
                });
            } else if self.eat_kw("UNIQUE") {
                self.on_conflict()?;
                column.unique = true;
                def.keys.push(KeyDef {
                    primary: false,
                    columns: vec![KeyColumn {
                        name: column.name.clone(),
                        range: name_range.clone(),
                        collation: None,
                        descending: false,
                    }],
                    column_constraint: true,
                    descending: false,
                    autoincrement: false,
                    at: self.toks.toks[at].start,
                });
            } else if self.eat_kw("CHECK") {
                let (expr, tokens) = self.paren_group_tokens()?;
                def.checks.push(expr);
                def.expressions.push(tokens);
            } else if self.eat_kw("REFERENCES") {
                let fk = self.references(
                    vec![column.name.clone()],
                    Vec::new(),
                    self.toks.toks[at].start,
                )?;
                column.references = true;
                def.foreign_keys.push(fk);
            } else if self.deferrable() {
            } else if self.eat_kw("COLLATE") {
                let (collation, _) = self.name()?;
                column.collation = Some(collation);
            } else if self.eat_kws(&["GENERATED", "ALWAYS", "AS"]) || self.eat_kw("AS") {
                let (expr, tokens) = self.paren_group_tokens()?;
                def.expressions.push(tokens);
                let stored = if self.eat_kw("STORED") {
                    true
                } else {
                    self.eat_kw("VIRTUAL");
                    false
                };
                column.generated = Some((expr, stored));
            } else {
                break;
            }
        }
        column.range = name_range.start..self.prev_end();
        Ok(column)
    }

    /// `typetoken`: words, then an optional `(n)` or `(n, m)`. Returns the type as SQLite
    /// reports it.
    fn type_name(&mut self) -> Result<String> {
        let first = self.pos;
        while self.tok().is_some_and(Tok::is_type_word) {
            self.pos += 1;
        }
        if self.pos == first {
            return Ok(String::new());
        }
        if self.peek(&Token::LParen) {
            let close = self
                .toks
                .matching_paren(self.pos)
                .ok_or_else(|| self.syntax_error())?;
            self.pos = close + 1;
        }
        let start = self.toks.toks[first].start;
        let mut text = &self.sql[start..self.prev_end()];
        text = strip_generated_always(text);
        Ok(report_type(text))
    }

    /// The text of a DEFAULT value, as SQLite keeps it for `pragma table_info`.
    fn default_value(&mut self) -> Result<String> {
        if self.peek(&Token::LParen) {
            return self.paren_group();
        }
        let start = self.here_start();
        if self.eat(&Token::Plus) || self.eat(&Token::Minus) {
            if self.at_end() {
                return Err(self.syntax_error());
            }
            self.pos += 1;
            return Ok(self.sql[start..self.prev_end()].to_string());
        }
        match self.tok() {
            Some(t) if is_default_term(t) => {
                self.pos += 1;
                Ok(self.sql[start..self.prev_end()].to_string())
            }
            _ => Err(self.syntax_error()),
        }
    }

    fn on_conflict(&mut self) -> Result<()> {
        if self.eat_kws(&["ON", "CONFLICT"]) {
            let ok = ["ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE"]
                .iter()
                .any(|k| self.eat_kw(k));
            if !ok {
                return Err(self.syntax_error());
            }
        }
        Ok(())
    }

    fn sort_order(&mut self) -> bool {
        if self.eat_kw("DESC") {
            return true;
        }
        self.eat_kw("ASC");
        false
    }

    /// `[NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]`.
    fn deferrable(&mut self) -> bool {
        if self.eat_kw("DEFERRABLE") || self.eat_kws(&["NOT", "DEFERRABLE"]) {
            if self.eat_kw("INITIALLY") && !self.eat_kw("DEFERRED") {
                self.eat_kw("IMMEDIATE");
            }
            return true;
        }
        false
    }

    /// `REFERENCES nm [(cols)] refargs`, the keyword already read.
    fn references(
        &mut self,
        columns: Vec<String>,
        column_ranges: Vec<Range<usize>>,
        at: usize,
    ) -> Result<ForeignKeyDef> {
        let (ref_table, ref_table_range) = self.name()?;
        let refs = if self.peek(&Token::LParen) {
            self.name_list()?
        } else {
            Vec::new()
        };
        let mut fk = ForeignKeyDef {
            columns,
            column_ranges,
            ref_table,
            ref_table_range,
            ref_columns: refs.iter().map(|(n, _)| n.clone()).collect(),
            ref_column_ranges: refs.into_iter().map(|(_, r)| r).collect(),
            on_delete: FkAction::NoAction,
            on_update: FkAction::NoAction,
            match_name: None,
            at,
        };
        loop {
            if self.eat_kw("MATCH") {
                fk.match_name = Some(self.name()?.0);
            } else if self.eat_kws(&["ON", "DELETE"]) {
                fk.on_delete = self.fk_action()?;
            } else if self.eat_kws(&["ON", "UPDATE"]) {
                fk.on_update = self.fk_action()?;
            } else if self.eat_kws(&["ON", "INSERT"]) {
                self.fk_action()?;
            } else {
                break;
            }
        }
        Ok(fk)
    }

    fn fk_action(&mut self) -> Result<FkAction> {
        if self.eat_kws(&["SET", "NULL"]) {
            Ok(FkAction::SetNull)
        } else if self.eat_kws(&["SET", "DEFAULT"]) {
            Ok(FkAction::SetDefault)
        } else if self.eat_kw("CASCADE") {
            Ok(FkAction::Cascade)
        } else if self.eat_kw("RESTRICT") {
            Ok(FkAction::Restrict)
        } else if self.eat_kws(&["NO", "ACTION"]) {
            Ok(FkAction::NoAction)
        } else {
            Err(self.syntax_error())
        }
    }

    /// `( nm [COLLATE x] [ASC|DESC], ... )` as names and their byte ranges.
    fn name_list(&mut self) -> Result<Vec<(String, Range<usize>)>> {
        let names = self
            .key_list(false)?
            .into_iter()
            .map(|c| (c.name, c.range))
            .collect();
        self.expect(&Token::RParen)?;
        Ok(names)
    }

    /// `( column [COLLATE x] [ASC|DESC], ... )`; with `keys`, an expression is SQLite's
    /// "expressions prohibited" error.
    fn key_list(&mut self, keys: bool) -> Result<Vec<KeyColumn>> {
        self.expect(&Token::LParen)?;
        let mut out = Vec::new();
        loop {
            let start = self.pos;
            let (name, range) = self.name()?;
            let mut collation = None;
            if self.eat_kw("COLLATE") {
                collation = Some(self.name()?.0);
            }
            let descending = self.sort_order();
            if keys
                && !(self.peek(&Token::Comma)
                    || self.peek(&Token::RParen)
                    || self.peek_kw("AUTOINCREMENT"))
            {
                return Err(DefError {
                    message: messages::expressions_prohibited(),
                    offset: self.toks.toks[start].start,
                });
            }
            out.push(KeyColumn {
                name,
                range,
                collation,
                descending,
            });
            if self.eat(&Token::Comma) {
                continue;
            }
            break;
        }
        Ok(out)
    }

    fn table_constraint(&mut self, def: &mut TableDef) -> Result<()> {
        let at = self.here_start();
        if self.eat_kw("CONSTRAINT") {
            self.name()?;
        }
        if self.eat_kws(&["PRIMARY", "KEY"]) {
            let columns = self.key_list(true)?;
            let autoincrement = self.eat_kw("AUTOINCREMENT");
            self.expect(&Token::RParen)?;
            self.on_conflict()?;
            def.keys.push(KeyDef {
                primary: true,
                columns,
                column_constraint: false,
                descending: false,
                autoincrement,
                at,
            });
        } else if self.eat_kw("UNIQUE") {
            let columns = self.key_list(true)?;
            self.expect(&Token::RParen)?;
            self.on_conflict()?;
            def.keys.push(KeyDef {
                primary: false,
                columns,
                column_constraint: false,
                descending: false,
                autoincrement: false,
                at,
            });
        } else if self.eat_kw("CHECK") {
            let (expr, tokens) = self.paren_group_tokens()?;
            self.on_conflict()?;
            def.checks.push(expr);
            def.expressions.push(tokens);
        } else if self.eat_kws(&["FOREIGN", "KEY"]) {
            let (columns, ranges) = self.name_list()?.into_iter().unzip();
            self.expect_kw("REFERENCES")?;
            let fk = self.references(columns, ranges, at)?;
            self.deferrable();
            def.foreign_keys.push(fk);
        } else {
            return Err(self.syntax_error());
        }
        Ok(())
    }
}

/// Whether a token can be a DEFAULT `term` or `id` (a literal, NULL, CURRENT_*, a name).
fn is_default_term(t: &Tok) -> bool {
    match &t.token {
        Token::Number(..) | Token::SingleQuotedString(_) | Token::HexStringLiteral(_) => true,
        Token::Word(w) => {
            w.quote_style.is_some()
                || ![
                    "CONSTRAINT",
                    "PRIMARY",
                    "NOT",
                    "UNIQUE",
                    "CHECK",
                    "REFERENCES",
                    "COLLATE",
                    "DEFAULT",
                    "AS",
                ]
                .iter()
                .any(|k| w.value.eq_ignore_ascii_case(k))
        }
        _ => false,
    }
}

/// SQLite drops a trailing `GENERATED ALWAYS` that its grammar read as part of the type name.
fn strip_generated_always(text: &str) -> &str {
    let ends_with = |s: &str, suffix: &str| {
        s.len() >= suffix.len() && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    if text.len() < 16 || !ends_with(text, "always") {
        return text;
    }
    let rest = text[..text.len() - 6].trim_end();
    if rest.len() >= 9 && ends_with(rest, "generated") {
        return rest[..rest.len() - 9].trim_end();
    }
    rest
}

/// The declared type as `pragma table_info` reports it: a standard type name upper-cased,
/// anything else as written with one level of quotes removed.
fn report_type(text: &str) -> String {
    let unquoted = dequote(text);
    if text.len() >= 3 {
        if let Some(standard) = STANDARD_TYPES
            .iter()
            .find(|s| s.eq_ignore_ascii_case(&unquoted))
        {
            return standard.to_string();
        }
    }
    unquoted
}

/// SQLite's `sqlite3Dequote`: removes surrounding quotes when the text starts with one.
pub fn dequote(text: &str) -> String {
    let mut chars = text.chars();
    let close = match chars.next() {
        Some('"') => '"',
        Some('\'') => '\'',
        Some('`') => '`',
        Some('[') => ']',
        _ => return text.to_string(),
    };
    let mut out = String::new();
    let mut rest = chars.peekable();
    while let Some(c) = rest.next() {
        if c == close {
            if close != ']' && rest.peek() == Some(&close) {
                out.push(c);
                rest.next();
                continue;
            }
            break;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(sql: &str) -> TableDef {
        parse_create_table(sql, &Tokens::new(sql).unwrap()).unwrap()
    }

    #[test]
    fn types_defaults_and_offsets_as_sqlite_reports_them() {
        let sql = "CREATE TABLE t (\n  a integer primary key autoincrement,\n  b timestamp with time zone default null,\n  c varchar( 10 ) not null default (strftime('%s', 'now')),\n  d text default -1, e \"my type\", f,\n  unique (b, c)\n)";
        let def = parse(sql);
        let types: Vec<&str> = def
            .columns
            .iter()
            .map(|c| c.declared_type.as_str())
            .collect();
        assert_eq!(
            types,
            vec![
                "INTEGER",
                "timestamp with time zone",
                "varchar( 10 )",
                "TEXT",
                "my type",
                ""
            ]
        );
        let defaults: Vec<Option<&str>> =
            def.columns.iter().map(|c| c.default.as_deref()).collect();
        assert_eq!(
            defaults,
            vec![
                None,
                Some("null"),
                Some("strftime('%s', 'now')"),
                Some("-1"),
                None,
                None
            ]
        );
        assert_eq!(
            &sql[def.add_column_offset..def.add_column_offset + 3],
            ",\n "
        );
        assert_eq!(def.keys.len(), 2);
        assert!(def.keys[0].autoincrement && def.keys[0].primary);
        assert_eq!(
            &sql[def.columns[2].range.clone()],
            "c varchar( 10 ) not null default (strftime('%s', 'now'))"
        );
    }

    #[test]
    fn table_options_and_constraints() {
        let def = parse("create table t(a int, b text, primary key (a desc, b collate nocase) on conflict ignore, foreign key (b) references p on delete cascade) without rowid, strict");
        assert!(def.without_rowid && def.strict);
        assert_eq!(def.keys[0].columns[1].collation.as_deref(), Some("nocase"));
        assert_eq!(def.foreign_keys[0].on_delete, FkAction::Cascade);
        assert!(def.foreign_keys[0].ref_columns.is_empty());
    }

    #[test]
    fn generated_always_is_not_part_of_the_type() {
        let def = parse("create table t(a int, b integer generated always as (a + 1) stored)");
        assert_eq!(def.columns[1].declared_type, "INTEGER");
        assert_eq!(def.columns[1].generated, Some(("a + 1".to_string(), true)));
    }

    #[test]
    fn bad_input_is_an_error() {
        for sql in [
            "create table t(",
            "create table t(a,",
            "create table (a)",
            "create table t(a) bogus",
            "create table t(a, unique(a+1))",
        ] {
            let toks = Tokens::new(sql).unwrap();
            assert!(parse_create_table(sql, &toks).is_err(), "{sql}");
        }
    }
}

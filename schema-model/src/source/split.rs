//! Splitting SQL text into statements, with each engine's lexical rules.
//!
//! A statement ends at a `;` outside of strings, quoted identifiers, comments, dollar quotes
//! (Postgres), trigger bodies (SQLite `CREATE TRIGGER ... BEGIN ... END`) and `BEGIN ATOMIC`
//! bodies (Postgres), or at a custom `DELIMITER` (MySQL client syntax). Each statement keeps
//! the 1-based line and column of its first character, so every later message can point at
//! the file position. Unterminated strings, comments and dollar quotes are errors that name
//! where they started.

use crate::catalog::{Engine, Location};

/// One statement of a migration file, without its terminating delimiter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStatement {
    pub text: String,
    /// Position of the statement's first character.
    pub location: Location,
    /// Byte offset of the statement's first character in the file.
    pub offset: usize,
}

/// A lexical error that prevents splitting a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    pub location: Location,
    pub message: String,
}

impl std::fmt::Display for SplitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

impl std::error::Error for SplitError {}

/// Splits `text` (the contents of `file`) into statements using `engine`'s lexical rules.
/// Statements that hold only whitespace and comments are dropped.
pub fn split_statements(
    engine: Engine,
    file: &str,
    text: &str,
) -> Result<Vec<SourceStatement>, SplitError> {
    Splitter::new(engine, file, text).run()
}

struct Splitter<'a> {
    engine: Engine,
    file: &'a str,
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Whether the current statement holds anything but whitespace and comments.
    has_code: bool,
    /// Start of the first code token of the current statement.
    code_start: usize,
    /// Words seen at the start of the current statement (upper-cased), to recognise
    /// `CREATE TRIGGER` and `BEGIN ATOMIC` bodies.
    words: Vec<String>,
    /// Nesting of `BEGIN ... END` / `CASE ... END` inside a body whose semicolons do not end
    /// the statement.
    body_depth: u32,
    delimiter: String,
    /// Byte offsets where lines start, for turning offsets into line and column.
    line_starts: Vec<usize>,
    out: Vec<SourceStatement>,
}

impl<'a> Splitter<'a> {
    fn new(engine: Engine, file: &'a str, text: &'a str) -> Splitter<'a> {
        Splitter {
            engine,
            file,
            text,
            bytes: text.as_bytes(),
            pos: 0,
            has_code: false,
            code_start: 0,
            words: Vec::new(),
            body_depth: 0,
            delimiter: ";".to_string(),
            line_starts: std::iter::once(0)
                .chain(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1))
                .collect(),
            out: Vec::new(),
        }
    }

    fn run(mut self) -> Result<Vec<SourceStatement>, SplitError> {
        while self.pos < self.bytes.len() {
            if self.engine == Engine::Mysql && self.at_line_start() && self.try_delimiter_command() {
                continue;
            }
            if self.body_depth == 0 && self.bytes[self.pos..].starts_with(self.delimiter.as_bytes())
            {
                self.finish(self.pos);
                self.pos += self.delimiter.len();
                continue;
            }
            let b = self.bytes[self.pos];
            match b {
                b'-' if self.peek(1) == Some(b'-') && self.dash_comment_allowed() => {
                    self.skip_line()
                }
                b'#' if self.engine == Engine::Mysql => self.skip_line(),
                b'/' if self.peek(1) == Some(b'*') => self.skip_block_comment()?,
                b'\'' => {
                    let backslash = self.backslash_escapes();
                    self.mark_code();
                    self.skip_quoted(b'\'', backslash, "string literal")?
                }
                b'"' => {
                    self.mark_code();
                    let backslash = self.engine == Engine::Mysql;
                    self.skip_quoted(b'"', backslash, "quoted identifier")?
                }
                b'`' if self.engine != Engine::Postgres => {
                    self.mark_code();
                    self.skip_quoted(b'`', false, "quoted identifier")?
                }
                b'[' if self.engine == Engine::Sqlite => {
                    self.mark_code();
                    self.skip_until_byte(b']', "bracketed identifier")?
                }
                b'$' if self.engine == Engine::Postgres && self.dollar_tag().is_some() => {
                    self.mark_code();
                    self.skip_dollar_quote()?
                }
                _ if is_word_start(b) => self.word(),
                _ if b.is_ascii_whitespace() => self.pos += 1,
                _ => {
                    self.mark_code();
                    self.pos += utf8_len(b);
                }
            }
        }
        if self.body_depth > 0 && self.has_code {
            return Err(self.error_at(self.code_start, "statement body is missing its END"));
        }
        self.finish(self.bytes.len());
        Ok(self.out)
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn at_line_start(&self) -> bool {
        self.text[..self.pos].bytes().rev().take_while(|b| *b != b'\n').all(|b| b == b' ' || b == b'\t')
    }

    /// MySQL needs whitespace after `--` for it to start a comment.
    fn dash_comment_allowed(&self) -> bool {
        self.engine != Engine::Mysql
            || self.peek(2).map_or(true, |b| b.is_ascii_whitespace())
    }

    /// Whether a `'` string at the current position treats backslash as an escape.
    fn backslash_escapes(&self) -> bool {
        match self.engine {
            Engine::Mysql => true,
            Engine::Sqlite => false,
            Engine::Postgres => {
                // E'...' (or e'...') not preceded by an identifier character.
                self.pos >= 1
                    && matches!(self.bytes[self.pos - 1], b'E' | b'e')
                    && (self.pos < 2 || !is_word_char(self.bytes[self.pos - 2]))
            }
        }
    }

    fn mark_code(&mut self) {
        if !self.has_code {
            self.has_code = true;
            self.code_start = self.pos;
        }
    }

    fn skip_line(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos] != b'\n' {
            self.pos += 1;
        }
    }

    fn skip_block_comment(&mut self) -> Result<(), SplitError> {
        let begin = self.pos;
        let nested = self.engine == Engine::Postgres;
        let mut depth = 0u32;
        while self.pos < self.bytes.len() {
            if self.bytes[self.pos..].starts_with(b"/*") && (nested || depth == 0) {
                depth += 1;
                self.pos += 2;
            } else if self.bytes[self.pos..].starts_with(b"*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return Ok(());
                }
            } else {
                self.pos += 1;
            }
        }
        Err(self.error_at(begin, "unterminated /* comment"))
    }

    fn skip_quoted(&mut self, quote: u8, backslash: bool, what: &str) -> Result<(), SplitError> {
        let begin = self.pos;
        self.pos += 1;
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            if backslash && b == b'\\' {
                self.pos += 2;
            } else if b == quote {
                if self.peek(1) == Some(quote) {
                    self.pos += 2;
                } else {
                    self.pos += 1;
                    return Ok(());
                }
            } else {
                self.pos += 1;
            }
        }
        Err(self.error_at(begin, &format!("unterminated {what}")))
    }

    fn skip_until_byte(&mut self, end: u8, what: &str) -> Result<(), SplitError> {
        let begin = self.pos;
        match self.bytes[self.pos + 1..].iter().position(|b| *b == end) {
            Some(i) => {
                self.pos += i + 2;
                Ok(())
            }
            None => Err(self.error_at(begin, &format!("unterminated {what}"))),
        }
    }

    /// The `$tag$` opening a dollar quote at the current position, if any.
    fn dollar_tag(&self) -> Option<&'a str> {
        if self.pos > 0 && is_word_char(self.bytes[self.pos - 1]) {
            return None;
        }
        let rest = &self.bytes[self.pos + 1..];
        let len = rest.iter().position(|b| !is_word_char(*b) || *b == b'$')?;
        if rest[len] != b'$' || rest.first().is_some_and(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(&self.text[self.pos..self.pos + len + 2])
    }

    fn skip_dollar_quote(&mut self) -> Result<(), SplitError> {
        let begin = self.pos;
        let tag = self.dollar_tag().unwrap_or("$$");
        let body = self.pos + tag.len();
        match self.text[body..].find(tag) {
            Some(i) => {
                self.pos = body + i + tag.len();
                Ok(())
            }
            None => Err(self.error_at(begin, &format!("unterminated dollar-quoted string {tag}"))),
        }
    }

    /// Consumes a keyword or identifier and tracks statement bodies that contain `;`.
    fn word(&mut self) {
        self.mark_code();
        let begin = self.pos;
        while self.pos < self.bytes.len() && is_word_char(self.bytes[self.pos]) {
            self.pos += 1;
        }
        let word = self.text[begin..self.pos].to_ascii_uppercase();
        if self.words.len() < 8 {
            self.words.push(word.clone());
        }
        match word.as_str() {
            "BEGIN" if self.opens_body() => self.body_depth += 1,
            "CASE" if self.body_depth > 0 => self.body_depth += 1,
            "END" if self.body_depth > 0 => self.body_depth -= 1,
            _ => {}
        }
    }

    /// Whether a `BEGIN` just read opens a body whose semicolons belong to the statement.
    fn opens_body(&self) -> bool {
        if self.body_depth > 0 {
            return true;
        }
        let w: Vec<&str> = self.words.iter().map(String::as_str).collect();
        let creates = |kind: &str| {
            w.first() == Some(&"CREATE")
                && w.iter().take(6).any(|x| *x == kind)
        };
        match self.engine {
            Engine::Sqlite => creates("TRIGGER"),
            Engine::Postgres => {
                (creates("FUNCTION") || creates("PROCEDURE")) && self.next_word_is("ATOMIC")
            }
            // MySQL bodies need a DELIMITER change, as in the mysql client.
            Engine::Mysql => false,
        }
    }

    fn next_word_is(&self, expected: &str) -> bool {
        let rest = self.text[self.pos..].trim_start();
        rest.len() >= expected.len()
            && rest[..expected.len()].eq_ignore_ascii_case(expected)
            && rest.as_bytes().get(expected.len()).is_none_or(|b| !is_word_char(*b))
    }

    /// Handles a MySQL client `DELIMITER xx` line.
    fn try_delimiter_command(&mut self) -> bool {
        let line_end = self.text[self.pos..].find('\n').map_or(self.bytes.len(), |i| self.pos + i);
        let line = self.text[self.pos..line_end].trim();
        if !line.get(..10).is_some_and(|w| w.eq_ignore_ascii_case("DELIMITER ")) {
            return false;
        }
        let delimiter = line[10..].trim();
        if delimiter.is_empty() {
            return false;
        }
        self.finish(self.pos);
        self.delimiter = delimiter.to_string();
        self.pos = line_end;
        true
    }

    fn finish(&mut self, end: usize) {
        if self.has_code {
            let text = self.text[self.code_start..end].trim_end().to_string();
            self.out.push(SourceStatement {
                text,
                location: self.location(self.code_start),
                offset: self.code_start,
            });
        }
        self.has_code = false;
        self.words.clear();
        self.body_depth = 0;
    }

    fn location(&self, offset: usize) -> Location {
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.text[line_start..offset].chars().count() as u32 + 1;
        Location { file: self.file.to_string(), line: line as u32, column }
    }

    fn error_at(&self, offset: usize, message: &str) -> SplitError {
        SplitError { location: self.location(offset), message: message.to_string() }
    }
}

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_word_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(engine: Engine, sql: &str) -> Vec<String> {
        split_statements(engine, "f.sql", sql).unwrap().into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_on_semicolons_outside_quotes_and_comments() {
        let sql = "CREATE TABLE a (x text DEFAULT ';'); -- c;\n/* ; /* nested; */ */ SELECT \"a;b\";";
        assert_eq!(
            texts(Engine::Postgres, sql),
            vec!["CREATE TABLE a (x text DEFAULT ';')", "SELECT \"a;b\""]
        );
    }

    #[test]
    fn dollar_quotes_and_escape_strings() {
        let sql = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $x$ $body$ LANGUAGE sql;\nSELECT E'it\\'s; fine', $1;";
        let out = texts(Engine::Postgres, sql);
        assert_eq!(out.len(), 2);
        assert!(out[0].ends_with("LANGUAGE sql"));
        assert_eq!(out[1], "SELECT E'it\\'s; fine', $1");
    }

    #[test]
    fn positions_are_one_based_line_and_column() {
        let out = split_statements(Engine::Postgres, "f.sql", "\n\n  SELECT 1;\nSELECT 2").unwrap();
        assert_eq!((out[0].location.line, out[0].location.column), (3, 3));
        assert_eq!((out[1].location.line, out[1].location.column), (4, 1));
    }

    #[test]
    fn sqlite_trigger_bodies_keep_their_semicolons() {
        let sql = "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = CASE WHEN 1 THEN 2 END; DELETE FROM b; END; CREATE TABLE c (x);";
        let out = texts(Engine::Sqlite, sql);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out[0].ends_with("END"));
    }

    #[test]
    fn mysql_delimiter_and_comments() {
        let sql = "# hash comment;\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT 'a\\'b;';";
        let out = texts(Engine::Mysql, sql);
        assert_eq!(out, vec!["CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 'a\\'b;'"]);
    }

    #[test]
    fn unterminated_constructs_are_errors_at_their_start() {
        for (sql, what) in [
            ("SELECT 1;\n  SELECT 'abc", "string literal"),
            ("SELECT 1;\n  /* open", "comment"),
            ("SELECT 1;\n  SELECT $q$ body", "dollar-quoted"),
        ] {
            let err = split_statements(Engine::Postgres, "f.sql", sql).unwrap_err();
            assert_eq!(err.location.line, 2, "{sql}");
            assert!(err.message.contains(what), "{}", err.message);
        }
    }

    #[test]
    fn comment_only_text_has_no_statements() {
        assert!(texts(Engine::Postgres, "-- nothing\n/* here */\n").is_empty());
        assert!(texts(Engine::Postgres, "").is_empty());
    }
}

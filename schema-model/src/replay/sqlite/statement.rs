//! One statement being replayed: its source, its tokens, and the errors it can raise, each
//! pointing at a file:line:column inside the statement.

use super::table_def::DefError;
use super::tokens::Tokens;
use crate::catalog::Location;
use crate::error::{ReplayError, ReplayErrorKind};
use crate::source::SourceStatement;

/// A statement with its tokens.
pub struct Statement<'a> {
    pub source: &'a SourceStatement,
    pub toks: Tokens,
}

impl<'a> Statement<'a> {
    pub fn new(source: &'a SourceStatement) -> Result<Statement<'a>, ReplayError> {
        let toks = Tokens::new(&source.text).map_err(|e| {
            ReplayError::new(
                ReplayErrorKind::Parse,
                location_in(source, e.offset),
                e.message,
                &source.text,
            )
        })?;
        Ok(Statement { source, toks })
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// Where the statement starts.
    pub fn at(&self) -> &Location {
        &self.source.location
    }

    /// The file position of byte `offset` of the statement text.
    pub fn location(&self, offset: usize) -> Location {
        location_in(self.source, offset)
    }

    /// The engine would reject the statement with `message` (pointing at `offset`).
    pub fn rejected(&self, offset: usize, message: impl Into<String>) -> ReplayError {
        ReplayError::new(
            ReplayErrorKind::Rejected,
            self.location(offset),
            message,
            &self.source.text,
        )
    }

    /// The engine would reject the statement; SQLite reports it at the statement.
    pub fn rejected_here(&self, message: impl Into<String>) -> ReplayError {
        self.rejected(0, message)
    }

    /// A syntax error, or a semantic rejection, found while reading the statement text.
    pub fn definition_error(&self, error: DefError) -> ReplayError {
        let kind = if error.message.ends_with("syntax error") || error.message == "incomplete input"
        {
            ReplayErrorKind::Parse
        } else {
            ReplayErrorKind::Rejected
        };
        ReplayError::new(
            kind,
            self.location(error.offset),
            error.message,
            &self.source.text,
        )
    }

    /// sqlparser could not parse the statement.
    pub fn parse_error(&self, message: impl std::fmt::Display) -> ReplayError {
        ReplayError::new(
            ReplayErrorKind::Parse,
            self.location(0),
            message.to_string(),
            &self.source.text,
        )
    }

    /// The statement parses but is not modelled by the replay.
    pub fn unsupported(&self, message: impl Into<String>) -> ReplayError {
        ReplayError::new(
            ReplayErrorKind::Unsupported,
            self.location(0),
            message,
            &self.source.text,
        )
    }
}

/// The file position of byte `offset` inside a statement.
fn location_in(source: &SourceStatement, offset: usize) -> Location {
    let before = source
        .text
        .get(..offset.min(source.text.len()))
        .unwrap_or("");
    let newlines = before.matches('\n').count() as u32;
    let last_line = before.rsplit('\n').next().unwrap_or("");
    let column = last_line.chars().count() as u32;
    Location {
        file: source.location.file.clone(),
        line: source.location.line + newlines,
        column: if newlines == 0 {
            source.location.column + column
        } else {
            column + 1
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_file_positions() {
        let source = SourceStatement {
            text: "CREATE TABLE t (\n  a b c)".to_string(),
            location: Location {
                file: "f.sql".into(),
                line: 3,
                column: 5,
            },
            offset: 0,
        };
        assert_eq!(
            location_in(&source, 7),
            Location {
                file: "f.sql".into(),
                line: 3,
                column: 12
            }
        );
        assert_eq!(
            location_in(&source, 19),
            Location {
                file: "f.sql".into(),
                line: 4,
                column: 3
            }
        );
        assert_eq!(location_in(&source, 999).line, 4);
    }
}

//! Why a statement cannot be applied, before it is placed at a file position: MariaDB would
//! reject it (with the engine's own message), or it is outside what the replay models.

use crate::catalog::Location;
use crate::error::{ReplayError, ReplayErrorKind};

/// A failed statement, not yet tied to its file position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fail {
    /// MariaDB rejects the statement with this message.
    Rejected(String),
    /// The statement is valid but changes the catalog in a way that is not modelled.
    Unsupported(String),
    /// The SQL parser rejected the statement.
    Parse(String),
}

/// The result type of every step of the MariaDB replay.
pub type Step<T> = Result<T, Fail>;

impl Fail {
    /// Ties the failure to the statement at `location`; a parse error points at the token
    /// the parser stopped at.
    pub fn at(self, location: &Location, statement: &str) -> ReplayError {
        let (kind, message, location) = match self {
            Fail::Rejected(m) => (ReplayErrorKind::Rejected, m, location.clone()),
            Fail::Unsupported(m) => (ReplayErrorKind::Unsupported, m, location.clone()),
            Fail::Parse(m) => {
                let at = parser_position(&m).map_or_else(|| location.clone(), |(line, column)| inside(location, line, column));
                (ReplayErrorKind::Parse, m, at)
            }
        };
        ReplayError::new(kind, location, message, statement)
    }
}

/// `Err(Fail::Rejected(..))` with MariaDB's message.
pub fn rejected<T>(message: impl Into<String>) -> Step<T> {
    Err(Fail::Rejected(message.into()))
}

/// `Err(Fail::Unsupported(..))`.
pub fn unsupported<T>(message: impl Into<String>) -> Step<T> {
    Err(Fail::Unsupported(message.into()))
}

/// The `Line: L, Column: C` position in a sqlparser message (1-based, within the statement).
fn parser_position(message: &str) -> Option<(u32, u32)> {
    let rest = &message[message.rfind("Line: ")? + "Line: ".len()..];
    let (line, rest) = rest.split_once(", Column: ")?;
    let column: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

/// The file position of line `line`, column `column` of a statement starting at `start`.
fn inside(start: &Location, line: u32, column: u32) -> Location {
    if line == 0 || column == 0 {
        return start.clone();
    }
    Location {
        file: start.file.clone(),
        line: start.line + line - 1,
        column: if line == 1 { start.column + column - 1 } else { column },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_point_into_the_file() {
        let start = Location { file: "m.sql".into(), line: 10, column: 5 };
        let e = Fail::Parse("sql parser error: Expected: x, found: y at Line: 1, Column: 38".into()).at(&start, "");
        assert_eq!((e.location.line, e.location.column), (10, 42));
        let e = Fail::Parse("sql parser error: Expected: x, found: y at Line: 3, Column: 7".into()).at(&start, "");
        assert_eq!((e.location.line, e.location.column), (12, 7));
        let e = Fail::Parse("sql parser error: no position".into()).at(&start, "");
        assert_eq!(e.location, start);
    }
}

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
    /// Ties the failure to the statement at `location`.
    pub fn at(self, location: &Location, statement: &str) -> ReplayError {
        let (kind, message) = match self {
            Fail::Rejected(m) => (ReplayErrorKind::Rejected, m),
            Fail::Unsupported(m) => (ReplayErrorKind::Unsupported, m),
            Fail::Parse(m) => (ReplayErrorKind::Parse, m),
        };
        ReplayError::new(kind, location.clone(), message, statement)
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

//! Replay outcomes: the error that stops a replay, and the report of statements that were
//! skipped because they cannot change the table catalog.

use crate::catalog::Location;
use serde::{Deserialize, Serialize};

/// Why a replay stopped. Always names the file, line and column of the statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplayError {
    pub location: Location,
    /// What went wrong, in the engine's words where the engine would reject the statement
    /// (`relation "users" does not exist`).
    pub message: String,
    /// The statement text (shortened for display when very long).
    pub statement: String,
    pub kind: ReplayErrorKind,
}

/// The class of a replay failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplayErrorKind {
    /// The source could not be read or split (I/O, invalid UTF-8, unterminated quote).
    Source,
    /// The SQL parser rejected the statement.
    Parse,
    /// The statement parses but changes the catalog in a way that is not modelled.
    Unsupported,
    /// The real engine would reject the statement (missing table, duplicate column, ...).
    Rejected,
}

impl ReplayError {
    pub fn new(
        kind: ReplayErrorKind,
        location: Location,
        message: impl Into<String>,
        statement: &str,
    ) -> ReplayError {
        ReplayError { location, message: message.into(), statement: shorten(statement), kind }
    }
}

impl std::fmt::Display for ReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

impl std::error::Error for ReplayError {}

/// Keeps the first 400 characters of a statement for display.
fn shorten(statement: &str) -> String {
    const LIMIT: usize = 400;
    let trimmed = statement.trim();
    match trimmed.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{} ...", &trimmed[..cut]),
        None => trimmed.to_string(),
    }
}

/// A statement that was skipped because it cannot change the table catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedStatement {
    pub location: Location,
    /// What kind of statement it was (`CREATE FUNCTION`, `COMMENT ON`, `INSERT`, `PRAGMA`).
    pub what: String,
}

/// What a successful replay did not apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ReplayReport {
    pub skipped: Vec<SkippedStatement>,
    /// Number of statements applied to the catalog.
    pub applied: usize,
}

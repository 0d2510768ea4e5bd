//! Applying migration files to a real Postgres database the way migration tools do, as the
//! corpus README describes: each file in its own session (after the set's `session`
//! statements), inside one transaction unless the file is marked `"transaction": false`,
//! statement by statement as `psql` sends them; diesel sets get diesel's bookkeeping table
//! first.

use crate::corpus::CorpusSet;
use crate::pg::Database;
use schema_model::catalog::{Engine, Location};
use schema_model::source::{split_statements, MigrationFile};
use serde_json::Value;

/// diesel's own DDL for its bookkeeping table, created before the first migration.
const DIESEL_MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (
       version VARCHAR(50) PRIMARY KEY NOT NULL,
       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)";

/// A statement the server rejected.
#[derive(Debug, Clone)]
pub struct StatementFailure {
    /// Where the failing statement starts.
    pub location: Location,
    /// The server's primary message (`relation "x" does not exist`).
    pub message: String,
    pub statement: String,
}

impl std::fmt::Display for StatementFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// How one migration file is run.
pub struct FileRun<'a> {
    pub file: &'a MigrationFile,
    /// Whether the whole file runs in one transaction.
    pub transaction: bool,
    /// Statements run first in the file's session.
    pub session: &'a [String],
}

/// Applies every file of a corpus set in order; stops at the first failing file.
pub fn apply_corpus_set(db: &Database, set: &CorpusSet) -> Result<(), StatementFailure> {
    if set.set["harness"].as_str() == Some("diesel") {
        db.connect()
            .batch_execute(DIESEL_MIGRATIONS_TABLE)
            .unwrap_or_else(|e| panic!("cannot create diesel's bookkeeping table: {}", crate::pg::describe(&e)));
    }
    let session: Vec<String> = set.set["session"]
        .as_array()
        .map(|statements| statements.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    let flags = set.set["files"].as_array().expect("set.json lists files");
    for (file, entry) in set.migrations().iter().zip(flags) {
        let transaction = entry["transaction"].as_bool().unwrap_or(true);
        apply_file(db, &FileRun { file, transaction, session: &session })?;
    }
    Ok(())
}

/// Runs one migration file in a new session. A failing statement rolls the file's
/// transaction back (when it has one) and is returned with its position.
pub fn apply_file(db: &Database, run: &FileRun) -> Result<(), StatementFailure> {
    let statements = split_statements(Engine::Postgres, &run.file.name, &run.file.text)
        .unwrap_or_else(|e| panic!("cannot split {}: {e}", run.file.name));
    let mut client = db.connect();
    for statement in run.session {
        client.batch_execute(statement).unwrap_or_else(|e| panic!("session statement `{statement}` failed: {}", crate::pg::describe(&e)));
    }
    if run.transaction {
        client.batch_execute("BEGIN").expect("BEGIN");
    }
    for statement in &statements {
        if let Err(e) = client.batch_execute(&statement.text) {
            return Err(StatementFailure {
                location: statement.location.clone(),
                message: server_message(&e),
                statement: statement.text.clone(),
            });
        }
    }
    if run.transaction {
        client.batch_execute("COMMIT").map_err(|e| StatementFailure {
            location: Location { file: run.file.name.clone(), line: 0, column: 0 },
            message: server_message(&e),
            statement: "COMMIT".to_string(),
        })?;
    }
    Ok(())
}

/// The server's primary message of `error`, or the client error's text when the server sent
/// none.
pub fn server_message(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => db.message().to_string(),
        None => error.to_string(),
    }
}

//! Replaying migrations: every statement of every file, in order, applied to a [`Catalog`]
//! with the semantics of the track's engine.
//!
//! Each engine has its own replayer (`postgres`, `sqlite`, `mysql`) behind [`EngineReplay`].
//! The contract they share: a statement that cannot change the table catalog (functions,
//! triggers, grants, comments, data changes) is recorded in [`ReplayReport::skipped`]; any
//! other statement that cannot be parsed or is not modelled is a [`ReplayError`] with the
//! statement's file, line and column; a statement the real engine would reject is an error
//! with the engine's own message.

pub mod postgres;
pub mod sqlite;
pub mod mysql;

use crate::catalog::{Catalog, Engine};
use crate::error::{ReplayError, ReplayErrorKind, ReplayReport};
use crate::source::{split_statements, MigrationFile, SourceStatement};

/// One engine's statement-by-statement replay.
pub trait EngineReplay {
    /// Applies one statement to the catalog, or records it as skipped in `report`.
    fn apply(&mut self, statement: &SourceStatement, report: &mut ReplayReport)
        -> Result<(), ReplayError>;

    /// The catalog after every statement applied so far.
    fn catalog(&self) -> &Catalog;

    /// Ends the replay and hands over the catalog.
    fn into_catalog(self: Box<Self>) -> Catalog;
}

/// A finished replay: the catalog and what was skipped on the way.
#[derive(Debug, Clone)]
pub struct Replayed {
    pub catalog: Catalog,
    pub report: ReplayReport,
}

/// A fresh replayer for `engine`, starting from an empty database.
pub fn replayer(engine: Engine) -> Box<dyn EngineReplay> {
    match engine {
        Engine::Postgres => Box::new(postgres::PostgresReplay::new()),
        Engine::Sqlite => Box::new(sqlite::SqliteReplay::new()),
        Engine::Mysql => Box::new(mysql::MysqlReplay::new()),
    }
}

/// Replays `files` in order on an empty database of `engine`.
pub fn replay_files(engine: Engine, files: &[MigrationFile]) -> Result<Replayed, ReplayError> {
    let mut replay = replayer(engine);
    let mut report = ReplayReport::default();
    for file in files {
        for statement in split_file(engine, file)? {
            replay.apply(&statement, &mut report)?;
        }
    }
    Ok(Replayed { catalog: replay.into_catalog(), report })
}

/// Splits one file into statements, turning lexical errors into replay errors.
pub fn split_file(engine: Engine, file: &MigrationFile) -> Result<Vec<SourceStatement>, ReplayError> {
    split_statements(engine, &file.name, &file.text).map_err(|e| {
        let line_text = file.text.lines().nth(e.location.line as usize - 1).unwrap_or("");
        ReplayError::new(ReplayErrorKind::Source, e.location, e.message, line_text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> MigrationFile {
        MigrationFile { name: "m.sql".to_string(), text: text.to_string() }
    }

    #[test]
    fn empty_and_comment_only_files_change_nothing() {
        for engine in [Engine::Postgres, Engine::Sqlite, Engine::Mysql] {
            let replayed = replay_files(engine, &[file(""), file("-- nothing\n")]).unwrap();
            assert!(replayed.catalog.tables.is_empty());
            assert_eq!(replayed.report.applied, 0);
        }
    }

    #[test]
    fn a_ten_megabyte_statement_is_listed_not_lost() {
        let values: Vec<String> = (0..600_000).map(|i| format!("({i})")).collect();
        let text = format!("CREATE TABLE t (x integer);\nINSERT INTO t VALUES {};\n", values.join(","));
        assert!(text.len() > 5_000_000);
        let replayed = replay_files(Engine::Postgres, &[file(&text)]).unwrap();
        assert!(replayed.catalog.find_table("t").is_some());
        assert_eq!(replayed.report.skipped.len(), 1);
        assert_eq!(replayed.report.skipped[0].location.line, 2);
    }

    #[test]
    fn an_unterminated_dollar_quote_is_an_error_at_its_start() {
        let err = replay_files(Engine::Postgres, &[file("SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1;")])
            .unwrap_err();
        assert_eq!(err.kind, ReplayErrorKind::Source);
        assert_eq!((err.location.line, err.location.column), (2, 36));
    }
}

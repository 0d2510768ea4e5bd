//! SQLite replay: applies SQLite migration statements to a catalog with SQLite's semantics.
//!
//! SQLite keeps every schema object as the text of its `CREATE` statement in `sqlite_master`
//! and rebuilds its in-memory schema from that text; `ALTER TABLE` edits the text. The replay
//! does the same: each table, index, view and trigger keeps its stored text (exactly as SQLite
//! would store it), `ALTER TABLE` edits it with SQLite's rules, and the catalog facts are read
//! back from the text. Statements are tokenized with sqlparser's SQLite dialect; statements
//! whose grammar sqlparser covers exactly (indexes, views, triggers, data changes) are also
//! checked by its parser, while table definitions are read with SQLite's own, wider grammar
//! (any words as a type name, `ON CONFLICT`, table options).
//!
//! Module map: [`statement`] (one statement and its errors), [`tokens`], [`table_def`] and
//! [`table_build`] (table text → catalog table), [`types`] (declared type → affinity →
//! logical type), [`index`], [`create`], [`alter`], [`rename`], [`drop`], [`views`],
//! [`triggers`], [`skipped`] (PRAGMA, transactions, data changes), [`messages`] (SQLite's
//! error texts).

mod alter;
mod create;
mod drop;
mod expr_refs;
mod index;
mod messages;
mod rename;
mod schema;
mod skipped;
mod statement;
mod table_build;
mod table_def;
mod text_edit;
mod tokens;
mod triggers;
pub mod types;
mod views;

use crate::catalog::{Catalog, Engine};
use crate::error::{ReplayError, ReplayReport};
use crate::replay::EngineReplay;
use crate::source::SourceStatement;
use statement::Statement;
use std::collections::BTreeSet;

/// Replays SQLite migrations statement by statement.
pub struct SqliteReplay {
    catalog: Catalog,
    /// `PRAGMA foreign_keys`, which changes what `ALTER TABLE ADD COLUMN` accepts.
    foreign_keys: bool,
    /// `PRAGMA legacy_alter_table`, under which renames follow older rules (not modelled).
    legacy_alter_table: bool,
    /// Tables (lower-cased names) that may hold rows: SQLite checks some `ADD COLUMN`
    /// restrictions only when the table is not empty.
    tables_with_rows: BTreeSet<String>,
}

impl SqliteReplay {
    pub fn new() -> SqliteReplay {
        SqliteReplay {
            catalog: Catalog::new(Engine::Sqlite),
            foreign_keys: false,
            legacy_alter_table: false,
            tables_with_rows: BTreeSet::new(),
        }
    }

    fn dispatch(&mut self, st: &Statement, report: &mut ReplayReport) -> Result<(), ReplayError> {
        let t = &st.toks;
        let mut i = 1;
        if t.kw(0, "CREATE") {
            if t.kw(i, "TEMP") || t.kw(i, "TEMPORARY") {
                return Err(st.unsupported(
                    "temporary objects live only for one connection and are not modelled",
                ));
            }
            if t.kw(i, "UNIQUE") {
                i += 1;
            }
            return if t.kw(i, "TABLE") {
                self.create_table(st)
            } else if t.kw(i, "INDEX") {
                self.create_index(st)
            } else if t.kw(i, "VIEW") {
                self.create_view(st)
            } else if t.kw(i, "TRIGGER") {
                self.create_trigger(st)
            } else if t.kw(i, "VIRTUAL") {
                Err(st.unsupported("virtual tables are not modelled"))
            } else {
                Err(st.parse_error(parse_failure(st.text())))
            };
        }
        if t.kw(0, "ALTER") && t.kw(1, "TABLE") {
            return self.alter_table(st);
        }
        if t.kw(0, "DROP") {
            return self.drop(st);
        }
        self.skip(st, report)
    }
}

impl Default for SqliteReplay {
    fn default() -> Self {
        Self::new()
    }
}

impl EngineReplay for SqliteReplay {
    fn apply(
        &mut self,
        statement: &SourceStatement,
        report: &mut ReplayReport,
    ) -> Result<(), ReplayError> {
        let st = Statement::new(statement)?;
        if st.toks.is_empty() {
            return Ok(());
        }
        let applied_before = report.skipped.len();
        self.dispatch(&st, report)?;
        if report.skipped.len() == applied_before {
            report.applied += 1;
            self.refresh_views();
        }
        Ok(())
    }

    fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    fn into_catalog(self: Box<Self>) -> Catalog {
        self.catalog
    }
}

/// sqlparser's message for a statement it cannot parse.
fn parse_failure(sql: &str) -> String {
    match sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::SQLiteDialect {}, sql) {
        Err(e) => e.to_string(),
        Ok(_) => "statement is not a SQLite schema statement".to_string(),
    }
}

#[cfg(test)]
mod tests;

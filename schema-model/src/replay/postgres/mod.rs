//! Postgres replay: applies Postgres migration statements to a catalog with Postgres's
//! semantics, printing every type, default and definition the way the server prints it
//! (`format_type`, `pg_get_expr`, `pg_get_constraintdef`, `pg_get_indexdef`).
//!
//! Layout:
//! * [`dispatch`]: parses one statement and routes it to the module that applies it, or
//!   records it as skipped;
//! * [`fallback`]: the few Postgres statement forms the SQL parser does not accept;
//! * [`state`]: the replay's view of the catalog (name resolution through `search_path`,
//!   relation look-ups) and the error helpers;
//! * [`create_table`], [`alter_table`], [`constraints`], [`index`], [`objects`], [`view`]:
//!   the statements themselves;
//! * [`alter_forms`]: ALTER forms the parser does not accept, applied by [`schema_move`]
//!   (ALTER TYPE SET SCHEMA, ALTER SEQUENCE RENAME TO), [`identity`] (identity columns
//!   added, changed or dropped), [`composite`] (attributes of composite types) and
//!   [`domain`] (ALTER DOMAIN, CREATE DOMAIN with NOT NULL or without AS);
//! * [`reparse`]: statements the parser reads once rewritten (identity options in its
//!   order, `CREATE INDEX ... ON ONLY`);
//! * [`view_dependents`]: which views depend on a relation or a column, and cascading
//!   drops of views;
//! * [`types`]: type names as `format_type` prints them, and their logical meaning;
//! * [`expr`]: a type-aware deparser printing expressions as `pg_get_expr` does;
//! * [`names`]: the names Postgres generates for unnamed constraints, indexes and sequences.

mod alter_forms;
mod alter_table;
mod composite;
mod constraints;
mod create_table;
mod dispatch;
mod domain;
mod expr;
mod fallback;
mod identity;
mod index;
mod names;
mod objects;
mod partition;
mod reanalyse;
mod reparse;
mod routines;
mod schema_move;
mod sequence;
mod state;
mod types;
mod view;
mod view_dependents;
mod viewdef;

use crate::catalog::Catalog;
use crate::error::{ReplayError, ReplayReport};
use crate::replay::EngineReplay;
use crate::source::SourceStatement;

pub use state::PgState;

/// Replays Postgres migrations statement by statement.
pub struct PostgresReplay {
    state: PgState,
}

impl PostgresReplay {
    pub fn new() -> PostgresReplay {
        PostgresReplay { state: PgState::new() }
    }
}

impl Default for PostgresReplay {
    fn default() -> Self {
        Self::new()
    }
}

impl EngineReplay for PostgresReplay {
    fn apply(&mut self, statement: &SourceStatement, report: &mut ReplayReport) -> Result<(), ReplayError> {
        dispatch::apply(&mut self.state, statement, report)
    }

    fn catalog(&self) -> &Catalog {
        &self.state.catalog
    }

    fn into_catalog(self: Box<Self>) -> Catalog {
        self.state.catalog
    }
}

#[cfg(test)]
mod tests;

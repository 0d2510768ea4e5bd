//! Postgres replay: applies Postgres migration statements to a catalog with Postgres's semantics.

use crate::catalog::{Catalog, Engine};
use crate::error::{ReplayError, ReplayErrorKind, ReplayReport};
use crate::replay::EngineReplay;
use crate::source::SourceStatement;

/// Replays Postgres migrations statement by statement.
pub struct PostgresReplay {
    catalog: Catalog,
}

impl PostgresReplay {
    pub fn new() -> PostgresReplay {
        PostgresReplay { catalog: Catalog::new(Engine::Postgres) }
    }
}

impl Default for PostgresReplay {
    fn default() -> Self {
        Self::new()
    }
}

impl EngineReplay for PostgresReplay {
    fn apply(&mut self, statement: &SourceStatement, _report: &mut ReplayReport) -> Result<(), ReplayError> {
        Err(ReplayError::new(
            ReplayErrorKind::Unsupported,
            statement.location.clone(),
            "postgres replay is not available yet",
            &statement.text,
        ))
    }

    fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    fn into_catalog(self: Box<Self>) -> Catalog {
        self.catalog
    }
}

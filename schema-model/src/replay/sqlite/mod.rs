//! Sqlite replay: applies Sqlite migration statements to a catalog with Sqlite's semantics.

use crate::catalog::{Catalog, Engine};
use crate::error::{ReplayError, ReplayErrorKind, ReplayReport};
use crate::replay::EngineReplay;
use crate::source::SourceStatement;

/// Replays Sqlite migrations statement by statement.
pub struct SqliteReplay {
    catalog: Catalog,
}

impl SqliteReplay {
    pub fn new() -> SqliteReplay {
        SqliteReplay { catalog: Catalog::new(Engine::Sqlite) }
    }
}

impl Default for SqliteReplay {
    fn default() -> Self {
        Self::new()
    }
}

impl EngineReplay for SqliteReplay {
    fn apply(&mut self, statement: &SourceStatement, _report: &mut ReplayReport) -> Result<(), ReplayError> {
        Err(ReplayError::new(
            ReplayErrorKind::Unsupported,
            statement.location.clone(),
            "sqlite replay is not available yet",
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

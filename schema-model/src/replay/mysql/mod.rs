//! Mysql replay: applies Mysql migration statements to a catalog with Mysql's semantics.

use crate::catalog::{Catalog, Engine};
use crate::error::{ReplayError, ReplayErrorKind, ReplayReport};
use crate::replay::EngineReplay;
use crate::source::SourceStatement;

/// Replays Mysql migrations statement by statement.
pub struct MysqlReplay {
    catalog: Catalog,
}

impl MysqlReplay {
    pub fn new() -> MysqlReplay {
        MysqlReplay { catalog: Catalog::new(Engine::Mysql) }
    }
}

impl Default for MysqlReplay {
    fn default() -> Self {
        Self::new()
    }
}

impl EngineReplay for MysqlReplay {
    fn apply(&mut self, statement: &SourceStatement, _report: &mut ReplayReport) -> Result<(), ReplayError> {
        Err(ReplayError::new(
            ReplayErrorKind::Unsupported,
            statement.location.clone(),
            "mysql replay is not available yet",
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

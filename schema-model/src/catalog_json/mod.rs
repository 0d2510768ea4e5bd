//! The catalog printed in the structure of each engine's introspection (the corpus's
//! `expected.json`), so that a replayed catalog and a real engine's can be diffed directly.

pub mod mysql;
pub mod postgres;
pub mod sqlite;

use crate::catalog::{Catalog, Engine};
use serde_json::Value;

/// Renders `catalog` in its engine's introspection structure.
pub fn render(catalog: &Catalog) -> Value {
    match catalog.engine {
        Engine::Postgres => postgres::render(catalog),
        Engine::Sqlite => sqlite::render(catalog),
        Engine::Mysql => mysql::render(catalog),
    }
}

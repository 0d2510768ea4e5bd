//! The schema model handed from the build script to the macros and the CLI: every track's
//! replayed catalog, written as JSON to `OUT_DIR` and found through the `SCHEMA_MODEL_PATH`
//! environment variable at compile time.

use crate::catalog::{Catalog, Engine};
use serde::{Deserialize, Serialize};

/// The environment variable (set with `cargo:rustc-env`) holding the model file's path.
pub const MODEL_PATH_ENV: &str = "SCHEMA_MODEL_PATH";

/// One engine track's replayed schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackModel {
    pub name: String,
    pub engine: Engine,
    pub catalog: Catalog,
}

/// Every track of a crate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchemaModel {
    pub tracks: Vec<TrackModel>,
}

impl SchemaModel {
    pub fn track(&self, name: &str) -> Option<&TrackModel> {
        self.tracks.iter().find(|t| t.name == name)
    }
}

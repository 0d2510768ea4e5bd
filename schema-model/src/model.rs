//! The schema model handed from the build script to the macros and the CLI: every track's
//! replayed catalog, written as JSON to `OUT_DIR` and found through the `SCHEMA_MODEL_PATH`
//! environment variable at compile time. Beside it the build script writes the macros' own
//! smaller copy ([`compact`], at [`compact_path`]) and a stamp ([`stamp_path`]).

pub mod compact;

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

/// The macros' model ([`compact::CompactModel`]) written beside the model at `model_path`
/// (`schema-model.json` -> `schema-model.macros.json`).
pub fn compact_path(model_path: &std::path::Path) -> std::path::PathBuf {
    model_path.with_extension("macros.json")
}

/// The stamp file written beside the model at `model_path`: a few bytes that change
/// whenever the model does. Macros include it (`include_str!`) so the compiler records the
/// model as an input of every crate that uses them, without embedding the model itself.
pub fn stamp_path(model_path: &std::path::Path) -> std::path::PathBuf {
    let mut name = model_path.as_os_str().to_owned();
    name.push(".stamp");
    std::path::PathBuf::from(name)
}

//! Writing the model file the macros read, with its stamp (see
//! [`schema_model::model::stamp_path`]).

use schema_model::model::{stamp_path, SchemaModel};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The file name of the model inside `OUT_DIR`.
pub const MODEL_FILE: &str = "schema-model.json";

/// Writes `model` as `dir/schema-model.json` plus its stamp; returns the model's path.
pub fn write_model(model: &SchemaModel, dir: &Path) -> std::io::Result<PathBuf> {
    let json = serde_json::to_string(model).map_err(std::io::Error::other)?;
    let path = dir.join(MODEL_FILE);
    std::fs::write(&path, &json)?;
    let mut hasher = DefaultHasher::new();
    json.hash(&mut hasher);
    std::fs::write(stamp_path(&path), format!("{:016x}", hasher.finish()))?;
    Ok(path)
}

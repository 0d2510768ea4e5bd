//! Writing the model files: the full model, the macros' compact copy (see
//! [`schema_model::model::compact`]) and the stamp (see [`schema_model::model::stamp_path`]).

use schema_model::model::compact::CompactModel;
use schema_model::model::{compact_path, stamp_path, SchemaModel};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The file name of the model inside `OUT_DIR`.
pub const MODEL_FILE: &str = "schema-model.json";

/// Writes `model` as `dir/schema-model.json`, its compact copy and its stamp; returns the
/// model's path.
pub fn write_model(model: &SchemaModel, dir: &Path) -> std::io::Result<PathBuf> {
    let json = serde_json::to_string(model).map_err(std::io::Error::other)?;
    let path = dir.join(MODEL_FILE);
    std::fs::write(&path, &json)?;
    let compact = serde_json::to_string(&CompactModel::from_model(model)).map_err(std::io::Error::other)?;
    std::fs::write(compact_path(&path), compact)?;
    let mut hasher = DefaultHasher::new();
    json.hash(&mut hasher);
    std::fs::write(stamp_path(&path), format!("{:016x}", hasher.finish()))?;
    Ok(path)
}

//! Loading the schema model the build script wrote, once per compiler process.
//!
//! The model's path comes from `SCHEMA_MODEL_PATH` (set by the build script through
//! `cargo:rustc-env`). Parsed models are cached by path, file modification time and size,
//! so a long-lived proc-macro server (rust-analyzer) parses a model again only after the
//! build script rewrote it.

use schema_model::model::{stamp_path, SchemaModel, MODEL_PATH_ENV};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// Why no model is available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// `SCHEMA_MODEL_PATH` is not set: the crate has no schema build script.
    NotConfigured,
    /// The file cannot be read.
    Unreadable { path: String, reason: String },
    /// The file is not a model (written by another version of the build script?).
    Invalid { path: String, reason: String },
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::NotConfigured => write!(
                f,
                "no schema model: {MODEL_PATH_ENV} is not set, so this crate has no schema build script\n\
                 = help: add `schema-build` to [build-dependencies] and a build.rs containing `fn main() {{ schema_build::run() }}`\n\
                 = help: declare the tracks in Cargo.toml: [package.metadata.schema] tracks = [{{ name = \"postgres\", engine = \"postgres\", migrations = \"migrations\" }}]"
            ),
            ModelError::Unreadable { path, reason } => {
                write!(f, "cannot read the schema model {path}: {reason}\n= help: run `cargo build` again so the build script rewrites it")
            }
            ModelError::Invalid { path, reason } => write!(
                f,
                "the schema model {path} is not valid: {reason}\n= help: the build script and the macros must be the same version of schema-build and schema-macros"
            ),
        }
    }
}

/// A loaded model and the stamp file that changes with it, when the build script wrote one.
#[derive(Clone)]
pub struct Loaded {
    pub model: Arc<SchemaModel>,
    pub stamp: Option<PathBuf>,
}

impl Loaded {
    /// `const _: &str = include_str!("<stamp>");`: makes the compiler record the model as an
    /// input of the crate, so a changed model recompiles it.
    pub fn tracking_item(&self) -> proc_macro2::TokenStream {
        match &self.stamp {
            Some(stamp) => {
                let stamp = stamp.display().to_string();
                quote::quote!(const _: &str = include_str!(#stamp);)
            }
            None => proc_macro2::TokenStream::new(),
        }
    }
}

struct Entry {
    path: PathBuf,
    modified: Option<SystemTime>,
    len: u64,
    loaded: Loaded,
}

static CACHE: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

/// The model named by `SCHEMA_MODEL_PATH`.
pub fn load_from_env() -> Result<Loaded, ModelError> {
    match std::env::var_os(MODEL_PATH_ENV) {
        Some(path) if !path.is_empty() => load(Path::new(&path)),
        _ => Err(ModelError::NotConfigured),
    }
}

/// The model at `path`, parsed at most once per version of the file.
pub fn load(path: &Path) -> Result<Loaded, ModelError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| ModelError::Unreadable { path: shown.clone(), reason: e.to_string() })?;
    let modified = meta.modified().ok();
    let len = meta.len();
    // A poisoned lock only means another expansion panicked; the entries are still whole.
    let mut cache = CACHE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(entry) = cache.iter().find(|e| e.path == path) {
        if entry.modified == modified && entry.len == len && modified.is_some() {
            return Ok(entry.loaded.clone());
        }
    }
    let bytes = std::fs::read(path).map_err(|e| ModelError::Unreadable { path: shown.clone(), reason: e.to_string() })?;
    let model: SchemaModel =
        serde_json::from_slice(&bytes).map_err(|e| ModelError::Invalid { path: shown, reason: e.to_string() })?;
    let stamp = Some(stamp_path(path)).filter(|stamp| stamp.is_file());
    let loaded = Loaded { model: Arc::new(model), stamp };
    cache.retain(|e| e.path != path);
    cache.push(Entry { path: path.to_path_buf(), modified, len, loaded: loaded.clone() });
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use schema_model::catalog::{Catalog, Engine};
    use schema_model::model::TrackModel;

    fn write_model(path: &Path, tracks: &[&str]) {
        let model = SchemaModel {
            tracks: tracks
                .iter()
                .map(|t| TrackModel { name: t.to_string(), engine: Engine::Postgres, catalog: Catalog::new(Engine::Postgres) })
                .collect(),
        };
        std::fs::write(path, serde_json::to_string(&model).unwrap()).unwrap();
    }

    #[test]
    fn parsed_once_per_file_version() {
        let path = std::env::temp_dir().join(format!("schema-macros-cache-{}.json", std::process::id()));
        write_model(&path, &["a"]);
        let first = load(&path).unwrap();
        let again = load(&path).unwrap();
        assert!(Arc::ptr_eq(&first.model, &again.model));
        assert!(first.stamp.is_none());
        assert!(first.tracking_item().is_empty());
        write_model(&path, &["a", "b"]);
        std::fs::write(stamp_path(&path), "1").unwrap();
        let changed = load(&path).unwrap();
        assert_eq!(changed.model.tracks.len(), 2);
        assert!(changed.tracking_item().to_string().contains("include_str"));
        std::fs::remove_file(stamp_path(&path)).unwrap();
        std::fs::write(&path, "{").unwrap();
        assert!(matches!(load(&path), Err(ModelError::Invalid { .. })));
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(load(&path), Err(ModelError::Unreadable { .. })));
    }
}

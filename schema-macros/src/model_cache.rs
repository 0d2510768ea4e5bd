//! Loading the schema model the build script wrote, once per compiler process.
//!
//! The model's path comes from `SCHEMA_MODEL_PATH` (set by the build script through
//! `cargo:rustc-env`); the macros read the compact copy written beside it
//! ([`schema_model::model::compact`]), which holds only what they check. Parsed models are
//! cached by path, file modification time and size, so a long-lived proc-macro server
//! (rust-analyzer) parses a model again only after the build script rewrote it. With each
//! model come the queries known to pass on it ([`PassedQueries`]).

use crate::passed_queries::PassedQueries;
use schema_model::model::compact::CompactModel;
use schema_model::model::{compact_path, stamp_path, SchemaModel, MODEL_PATH_ENV};
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
    /// Where the stamp of the model is, if the build script wrote one.
    pub stamp: Option<PathBuf>,
}

impl Loaded {
    /// `const _: &str = include_str!("<stamp>");`: makes the compiler record the model as an
    /// input of the crate, so a changed model recompiles it. A compiler process builds one
    /// crate and one inclusion records the file, so only the first call of the process for
    /// a stamp returns the item; later calls return nothing.
    pub fn tracking_item(&self) -> proc_macro2::TokenStream {
        let Some(stamp) = &self.stamp else { return proc_macro2::TokenStream::new() };
        // A poisoned lock only means another expansion panicked; the list is still whole.
        let mut tracked = TRACKED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if tracked.contains(stamp) || !stamp.is_file() {
            return proc_macro2::TokenStream::new();
        }
        tracked.push(stamp.clone());
        let stamp = stamp.display().to_string();
        quote::quote!(const _: &str = include_str!(#stamp);)
    }
}

/// One version of a compact model file: its bytes, parsed when a check first needs them.
struct Entry {
    path: PathBuf,
    modified: Option<SystemTime>,
    len: u64,
    bytes: Vec<u8>,
    model: Option<Arc<SchemaModel>>,
    passed: Arc<PassedQueries>,
}

impl Entry {
    fn model(&mut self) -> Result<Arc<SchemaModel>, ModelError> {
        if let Some(model) = &self.model {
            return Ok(model.clone());
        }
        let model = CompactModel::read_json(&self.bytes)
            .map_err(|e| ModelError::Invalid { path: self.path.display().to_string(), reason: e.to_string() })?;
        let model = Arc::new(model);
        self.model = Some(model.clone());
        Ok(model)
    }
}

/// The model named by `SCHEMA_MODEL_PATH`.
pub fn load_from_env() -> Result<Loaded, ModelError> {
    load(&model_path_from_env()?)
}

/// The queries known to pass on the model named by `SCHEMA_MODEL_PATH`, found without
/// parsing the model; `None` when there is no readable model (loading it says why).
pub fn passed_from_env() -> Option<Arc<PassedQueries>> {
    let path = model_path_from_env().ok()?;
    with_entry(&compact_path(&path), |entry| Ok(entry.passed.clone())).ok()
}

fn model_path_from_env() -> Result<PathBuf, ModelError> {
    match std::env::var_os(MODEL_PATH_ENV) {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => Err(ModelError::NotConfigured),
    }
}

static CACHE: Mutex<Vec<Entry>> = Mutex::new(Vec::new());
/// The stamps already included by an expansion of this process.
static TRACKED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The model whose full form is at `model_path`, read from its compact copy, parsed at most
/// once per version of the file.
pub fn load(model_path: &Path) -> Result<Loaded, ModelError> {
    let model = with_entry(&compact_path(model_path), Entry::model)?;
    Ok(Loaded { model, stamp: Some(stamp_path(model_path)) })
}

/// Runs `use_entry` on the cached entry of the compact model at `path`, reading the file
/// again when it changed.
fn with_entry<T>(path: &Path, use_entry: impl FnOnce(&mut Entry) -> Result<T, ModelError>) -> Result<T, ModelError> {
    let unreadable = |e: std::io::Error| ModelError::Unreadable { path: path.display().to_string(), reason: e.to_string() };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    let modified = meta.modified().ok();
    let len = meta.len();
    // A poisoned lock only means another expansion panicked; the entries are still whole.
    let mut cache = CACHE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let current = cache.iter().position(|e| e.path == path && e.modified == modified && e.len == len && modified.is_some());
    let index = match current {
        Some(index) => index,
        None => {
            let bytes = std::fs::read(path).map_err(unreadable)?;
            let passed = Arc::new(PassedQueries::open(path, &bytes));
            cache.retain(|e| e.path != path);
            cache.push(Entry { path: path.to_path_buf(), modified, len, bytes, model: None, passed });
            cache.len() - 1
        }
    };
    use_entry(&mut cache[index])
}

#[cfg(test)]
mod tests {
    use super::*;
    use schema_model::catalog::{Catalog, Engine};
    use schema_model::model::TrackModel;

    /// Writes the compact copy of a model with `tracks` where the build script would.
    fn write_model(path: &Path, tracks: &[&str]) {
        let model = SchemaModel {
            tracks: tracks
                .iter()
                .map(|t| TrackModel { name: t.to_string(), engine: Engine::Postgres, catalog: Catalog::new(Engine::Postgres) })
                .collect(),
        };
        std::fs::write(compact_path(path), serde_json::to_string(&CompactModel::from_model(&model)).unwrap()).unwrap();
    }

    #[test]
    fn parsed_once_per_file_version_and_tracked_once_per_process() {
        let path = std::env::temp_dir().join(format!("schema-macros-cache-{}.json", std::process::id()));
        write_model(&path, &["a"]);
        let first = load(&path).unwrap();
        let again = load(&path).unwrap();
        assert!(Arc::ptr_eq(&first.model, &again.model));
        assert!(first.tracking_item().is_empty(), "no stamp, nothing to include");
        write_model(&path, &["a", "b"]);
        std::fs::write(stamp_path(&path), "1").unwrap();
        let changed = load(&path).unwrap();
        assert_eq!(changed.model.tracks.len(), 2);
        assert!(changed.tracking_item().to_string().contains("include_str"));
        assert!(load(&path).unwrap().tracking_item().is_empty(), "the stamp is included once per process");
        std::fs::remove_file(stamp_path(&path)).unwrap();
        std::fs::write(compact_path(&path), "{").unwrap();
        assert!(matches!(load(&path), Err(ModelError::Invalid { .. })));
        std::fs::remove_file(compact_path(&path)).unwrap();
        assert!(matches!(load(&path), Err(ModelError::Unreadable { .. })));
    }
}

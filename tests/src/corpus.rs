//! Locating `../shared/corpus/` and reading its migration sets.
//!
//! The corpus sits beside the repository (or wherever `SCHEMA_CORPUS_DIR` points). When it
//! is absent, tests that need it say loudly that they were skipped, except under `CI`, where
//! they fail: a CI run must never pass vacuously.

use schema_model::catalog::Engine;
use schema_model::error::{ReplayError, ReplayReport};
use schema_model::replay::{replayer, split_file, Replayed};
use schema_model::source::MigrationFile;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The corpus folder, or `None` (after a loud notice) when it is absent outside CI.
/// Panics under `CI` when the corpus is missing.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("SCHEMA_CORPUS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    };
    if dir.join("README.md").is_file() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("corpus not found at {} (set SCHEMA_CORPUS_DIR); CI must not skip corpus tests", dir.display());
    }
    eprintln!("\n*** SKIPPED: corpus not found at {} (set SCHEMA_CORPUS_DIR to run corpus tests) ***\n", dir.display());
    None
}

/// One migration set of the corpus.
pub struct CorpusSet {
    pub name: String,
    pub engine: Engine,
    pub dir: PathBuf,
    pub set: Value,
}

impl CorpusSet {
    /// Loads the set named `name` (e.g. `cratesio-pg`) from the corpus folder.
    pub fn load(corpus: &Path, name: &str) -> CorpusSet {
        let dir = corpus.join(name);
        let set: Value = read_json(&dir.join("set.json"));
        let engine_name = set["engine"].as_str().unwrap_or_default();
        let engine = Engine::parse(engine_name).unwrap_or_else(|| panic!("{name}: unknown engine {engine_name}"));
        CorpusSet { name: name.to_string(), engine, dir, set }
    }

    /// The migration files in apply order, named relative to the corpus folder.
    pub fn migrations(&self) -> Vec<MigrationFile> {
        let files = self.set["files"].as_array().expect("set.json has files");
        files
            .iter()
            .map(|f| {
                let file = f["file"].as_str().expect("file name");
                let path = self.dir.join("migrations").join(file);
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                MigrationFile { name: format!("{}/migrations/{file}", self.name), text }
            })
            .collect()
    }

    /// The `session` statements of set.json, which ran at the start of every file's session,
    /// as one pseudo-file named `<set>/set.json (session)`.
    pub fn session(&self) -> MigrationFile {
        let statements: Vec<&str> = self.set["session"]
            .as_array()
            .map(|list| list.iter().filter_map(|s| s.as_str()).collect())
            .unwrap_or_default();
        MigrationFile {
            name: format!("{}/set.json (session)", self.name),
            text: statements.iter().map(|s| format!("{s};\n")).collect(),
        }
    }

    /// Replays the set as the corpus harness applied it: each file in order, each preceded by
    /// the session statements.
    pub fn replay(&self) -> Result<Replayed, ReplayError> {
        let mut replay = replayer(self.engine);
        let mut report = ReplayReport::default();
        let session = split_file(self.engine, &self.session())?;
        for file in self.migrations() {
            for statement in session.iter().chain(&split_file(self.engine, &file)?) {
                replay.apply(statement, &mut report)?;
            }
        }
        Ok(Replayed { catalog: replay.into_catalog(), report })
    }

    /// The real engine's catalog after applying every file.
    pub fn expected(&self) -> Value {
        read_json(&self.dir.join("expected.json"))
    }
}

/// Names of every set in the corpus for `engine`.
pub fn sets_for(corpus: &Path, engine: Engine) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus)
        .expect("corpus folder is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("set.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| CorpusSet::load(corpus, name).engine == engine)
        .collect();
    names.sort();
    names
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

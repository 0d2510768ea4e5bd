//! The queries that passed on every track of one model, remembered so that checking a crate
//! again (every `cargo check` expands every macro anew) does not parse and resolve each
//! unchanged query again.
//!
//! Only passes are remembered: a query with errors is always checked, so its diagnostics are
//! always fresh. A pass is valid for exactly one model and one build of this crate, so the
//! remembered set lives in a file named by both (a hash of the model bytes the check read,
//! and the identity of the loaded macro library: its path, size and modification time);
//! a changed model or a rebuilt macro starts an empty file, and files of other models are
//! removed then. Entries are 128-bit hashes of the SQL text, appended as 16-byte records;
//! a file with a torn record is started again. Without a way to tell the
//! library's identity (outside Linux), passes are remembered for the process only.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// Folder, beside the model, holding one file of passes per model and macro build.
const FOLDER: &str = "schema-query-passes";
const RECORD: usize = 16;

/// The passes of one model.
pub struct PassedQueries {
    /// The file the passes are appended to; `None` when kept in memory only.
    file: Option<PathBuf>,
    known: Mutex<HashSet<u128>>,
}

impl PassedQueries {
    /// Passes kept for this process only.
    pub fn in_memory() -> PassedQueries {
        PassedQueries { file: None, known: Mutex::new(HashSet::new()) }
    }

    /// The passes remembered for the model at `model_path` whose checked bytes are
    /// `model_bytes`, read from disk when the macro library can be identified.
    pub fn open(model_path: &Path, model_bytes: &[u8]) -> PassedQueries {
        match (library_identity(), model_path.parent()) {
            (Some(identity), Some(dir)) => Self::open_in(&dir.join(FOLDER), hash64(model_bytes), identity),
            _ => Self::in_memory(),
        }
    }

    /// The passes file for `model_hash` and `identity` in `dir`, creating the folder and
    /// removing the files of other models or builds when this one is new.
    fn open_in(dir: &Path, model_hash: u64, identity: u64) -> PassedQueries {
        let file = dir.join(format!("{model_hash:016x}-{identity:016x}.bin"));
        let known = match std::fs::read(&file) {
            Ok(bytes) if bytes.len() % RECORD == 0 => {
                bytes.chunks_exact(RECORD).map(|r| u128::from_le_bytes(r.try_into().unwrap_or([0; RECORD]))).collect()
            }
            // A torn record (a process stopped inside a write): start again.
            Ok(_) => {
                let _ = std::fs::remove_file(&file);
                HashSet::new()
            }
            Err(_) => {
                remove_other_files(dir, &file);
                if std::fs::create_dir_all(dir).is_err() {
                    return Self::in_memory();
                }
                HashSet::new()
            }
        };
        PassedQueries { file: Some(file), known: Mutex::new(known) }
    }

    /// Whether `sql` passed on every track of this model before.
    pub fn contains(&self, sql: &str) -> bool {
        self.lock().contains(&hash128(sql))
    }

    /// Remembers that `sql` passed on every track. A write that fails loses only the
    /// saving of time.
    pub fn record(&self, sql: &str) {
        let key = hash128(sql);
        if !self.lock().insert(key) {
            return;
        }
        if let Some(path) = &self.file {
            let appended = std::fs::OpenOptions::new().create(true).append(true).open(path);
            // One write per record: appends of other processes never interleave inside it.
            let _ = appended.and_then(|mut file| file.write_all(&key.to_le_bytes()));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<u128>> {
        // A poisoned lock only means another expansion panicked; the set is still whole.
        self.known.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Removes the files in `dir` other than `keep` (another process may be creating it).
fn remove_other_files(dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten().filter(|entry| entry.path() != keep) {
        let _ = std::fs::remove_file(entry.path());
    }
}

fn hash64(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

fn hash128(sql: &str) -> u128 {
    let half = |seed: u8| {
        let mut hasher = DefaultHasher::new();
        seed.hash(&mut hasher);
        sql.hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// The identity of the macro library this code runs in: a hash of the crate version and
/// the path, size and modification time of the shared object mapped at this function's
/// address (from `/proc/self/maps`). `None` where that cannot be read.
fn library_identity() -> Option<u64> {
    static IDENTITY: OnceLock<Option<u64>> = OnceLock::new();
    *IDENTITY.get_or_init(|| {
        let address = library_identity as *const () as usize;
        let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
        let path = mapped_object(&maps, address)?;
        let meta = std::fs::metadata(&path).ok()?;
        let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        let mut hasher = DefaultHasher::new();
        (env!("CARGO_PKG_VERSION"), &path, meta.len(), modified.as_nanos()).hash(&mut hasher);
        Some(hasher.finish())
    })
}

/// The file mapped at `address` in a `/proc/<pid>/maps` listing
/// (`start-end perms offset dev inode path`).
fn mapped_object(maps: &str, address: usize) -> Option<PathBuf> {
    maps.lines().find_map(|line| {
        let mut parts = line.split_whitespace();
        let (start, end) = parts.next()?.split_once('-')?;
        let (start, end) = (usize::from_str_radix(start, 16).ok()?, usize::from_str_radix(end, 16).ok()?);
        let path = parts.nth(4)?;
        (start <= address && address < end && path.starts_with('/')).then(|| PathBuf::from(path))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("schema-macros-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn passes_persist_per_model_and_build() {
        let dir = temp_dir("passes");
        let first = PassedQueries::open_in(&dir, 1, 7);
        assert!(!first.contains("SELECT 1"));
        first.record("SELECT 1");
        first.record("SELECT 1");
        assert!(first.contains("SELECT 1"));
        assert!(!first.contains("SELECT 1 "), "the key is the exact text");
        let reopened = PassedQueries::open_in(&dir, 1, 7);
        assert!(reopened.contains("SELECT 1"), "a later compiler process sees the pass");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        assert_eq!(std::fs::metadata(reopened.file.as_ref().unwrap()).unwrap().len(), RECORD as u64, "recorded once");
        assert!(!PassedQueries::open_in(&dir, 1, 8).contains("SELECT 1"), "another macro build starts empty");
        let other_model = PassedQueries::open_in(&dir, 2, 7);
        assert!(!other_model.contains("SELECT 1"), "another model starts empty");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "files of other models are removed");
        other_model.record("SELECT 2");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_torn_record_is_never_a_pass() {
        let dir = temp_dir("torn");
        let passes = PassedQueries::open_in(&dir, 1, 1);
        passes.record("SELECT a");
        let path = passes.file.clone().unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.truncate(RECORD - 3);
        std::fs::write(&path, &bytes).unwrap();
        let reopened = PassedQueries::open_in(&dir, 1, 1);
        assert!(!reopened.contains("SELECT a"));
        reopened.record("SELECT b");
        let healed = PassedQueries::open_in(&dir, 1, 1);
        assert!(healed.contains("SELECT b") && !healed.contains("SELECT a"), "the file was started again");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_library_is_found_in_the_memory_map() {
        let maps = "00400000-00452000 r-xp 00000000 08:02 173521 /usr/bin/rustc\n\
                    7f0000000000-7f0000100000 r-xp 00000000 08:02 42 /target/debug/deps/libschema_macros.so\n\
                    7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]\n";
        assert_eq!(mapped_object(maps, 0x7f0000000010), Some(PathBuf::from("/target/debug/deps/libschema_macros.so")));
        assert_eq!(mapped_object(maps, 0x7ffd00000010), None, "not a file");
        assert_eq!(mapped_object(maps, 0x10), None);
        if cfg!(target_os = "linux") {
            assert!(library_identity().is_some(), "the test binary is mapped from a file");
        }
    }
}

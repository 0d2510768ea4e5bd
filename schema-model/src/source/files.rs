//! Reading migration files and folders in the order migration tools apply them.
//!
//! A folder holds migrations in one of the common layouts, and may mix them:
//! * diesel: one directory per migration, `<version>_<name>/up.sql` (`down.sql` ignored),
//!   where the version is the directory name up to the first `_` with every `-` removed;
//! * sqlx / refinery / golang-migrate / dbmate: `<version>_<name>.sql` or
//!   `<version>_<name>.up.sql` (`*.down.sql` ignored);
//! * plain files: `*.sql` without a numeric version, applied after the versioned ones in
//!   name order.
//!
//! Versioned migrations are ordered by their version as a number. Two migrations with the
//! same version are an error, since tools disagree on their order. Anything else in the
//! folder (READMEs, `metadata.toml`, `.keep`) is not a migration and is ignored; the rule is
//! documented in the README.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One migration file's contents, with the name used in every message about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationFile {
    /// The path as given (relative paths stay relative), used in file:line messages.
    pub name: String,
    pub text: String,
}

/// A migration source that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub path: String,
    /// 1-based line of the problem, when it is inside a file.
    pub line: Option<u32>,
    pub message: String,
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for SourceError {}

/// Loads every path in order: each a single file or a migrations folder.
pub fn load_paths(paths: &[PathBuf]) -> Result<Vec<MigrationFile>, SourceError> {
    let mut files = Vec::new();
    for path in paths {
        files.extend(load_path(path)?);
    }
    Ok(files)
}

/// Loads one path: a single SQL file, or a folder of migrations in apply order.
pub fn load_path(path: &Path) -> Result<Vec<MigrationFile>, SourceError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if meta.is_file() {
        return Ok(vec![read_file(path)?]);
    }
    let mut found: Vec<(OrderKey, PathBuf)> = Vec::new();
    for entry in read_dir_sorted(path)? {
        let file_name = entry.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if entry.is_dir() {
            let up = entry.join("up.sql");
            if up.is_file() {
                found.push((order_key(&file_name), up));
            }
        } else if file_name.ends_with(".sql") && !file_name.ends_with(".down.sql") {
            found.push((order_key(&file_name), entry));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    for pair in found.windows(2) {
        if let (Some(v), Some(w)) = (pair[0].0.version, pair[1].0.version) {
            if v == w {
                return Err(SourceError {
                    path: display(path),
                    line: None,
                    message: format!(
                        "two migrations have version {v}: `{}` and `{}`; their order is ambiguous, give one a new version",
                        display(&pair[0].1),
                        display(&pair[1].1)
                    ),
                });
            }
        }
    }
    found.into_iter().map(|(_, p)| read_file(&p)).collect()
}

/// How a migration's file or directory name sorts: versioned ones first, by number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OrderKey {
    unversioned: bool,
    version: Option<u128>,
    name: String,
}

/// The ordering key of a migration named `name` (a diesel directory or a file name).
pub fn order_key(name: &str) -> OrderKey {
    let head = name.split(['_', '.']).next().unwrap_or("");
    let digits: String = head.chars().filter(|c| *c != '-').collect();
    let version = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse::<u128>().ok()
    } else {
        None
    };
    OrderKey { unversioned: version.is_none(), version, name: name.to_string() }
}

fn read_file(path: &Path) -> Result<MigrationFile, SourceError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(MigrationFile { name: display(path), text }),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..valid].iter().filter(|b| **b == b'\n').count() as u32 + 1;
            Err(SourceError {
                path: display(path),
                line: Some(line),
                message: format!("file is not valid UTF-8 (invalid byte at offset {valid})"),
            })
        }
    }
}

fn read_dir_sorted(path: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| io_error(path, &e))? {
        entries.push(entry.map_err(|e| io_error(path, &e))?.path());
    }
    entries.sort();
    Ok(entries)
}

fn io_error(path: &Path, e: &std::io::Error) -> SourceError {
    SourceError { path: display(path), line: None, message: e.to_string() }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diesel_and_sqlx_versions_order_numerically() {
        let mut names = vec![
            "2017-08-31-230457_y",
            "20140924113530_x",
            "10_later.sql",
            "9_first.up.sql",
            "schema.sql",
        ];
        names.sort_by_key(|n| order_key(n));
        assert_eq!(
            names,
            vec!["9_first.up.sql", "10_later.sql", "20140924113530_x", "2017-08-31-230457_y", "schema.sql"]
        );
    }

    #[test]
    fn folder_layouts_and_errors() {
        let dir = std::env::temp_dir().join(format!("schema-model-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("2020-01-01-000000_init")).unwrap();
        std::fs::write(dir.join("2020-01-01-000000_init/up.sql"), "CREATE TABLE a (x int);").unwrap();
        std::fs::write(dir.join("2020-01-01-000000_init/down.sql"), "DROP TABLE a;").unwrap();
        std::fs::write(dir.join("20210101000000_b.up.sql"), "CREATE TABLE b (x int);").unwrap();
        std::fs::write(dir.join("20210101000000_b.down.sql"), "DROP TABLE b;").unwrap();
        std::fs::write(dir.join("README.md"), "not a migration").unwrap();
        let files = load_path(&dir).unwrap();
        assert_eq!(files.len(), 2);
        assert!(files[0].name.ends_with("init/up.sql"));
        assert!(files[1].name.ends_with("20210101000000_b.up.sql"));

        std::fs::write(dir.join("20210101000000_c.sql"), "SELECT 1;").unwrap();
        let err = load_path(&dir).unwrap_err();
        assert!(err.message.contains("two migrations have version 20210101000000"), "{err}");
        std::fs::remove_file(dir.join("20210101000000_c.sql")).unwrap();

        std::fs::write(dir.join("30000000000000_bad.sql"), b"SELECT 1;\n\xff\xfe").unwrap();
        let err = load_path(&dir).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("not valid UTF-8"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

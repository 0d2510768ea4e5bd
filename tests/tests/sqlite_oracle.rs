//! Real SQLite as the oracle of the SQLite replay.
//!
//! * The introspection itself is checked first: every SQLite set of the corpus, applied to
//!   the bundled SQLite library the way the corpus harness applied it, must yield its
//!   `expected.json`.
//! * Then every script of `tests/oracle/sqlite/` runs on a fresh in-memory database, statement
//!   by statement, and through the replay; the two schemas must be equal. A script whose
//!   header holds `-- expect-error` must make SQLite fail, and the replay must fail at the
//!   same statement with the same message (and hold the same schema up to that point).

use schema_model::catalog::Engine;
use schema_model::catalog_json;
use schema_model::error::{ReplayErrorKind, ReplayReport};
use schema_model::replay::{replayer, split_file};
use schema_model::source::MigrationFile;
use schema_tests::corpus::{corpus_dir, sets_for, CorpusSet};
use schema_tests::json_diff::json_diff;
use schema_tests::sqlite_engine::{apply_files, introspect, run_statements};
use std::path::{Path, PathBuf};

const MINIMUM_SCRIPTS: usize = 40;

#[test]
fn corpus_sets_applied_to_real_sqlite_yield_expected_json() {
    let Some(corpus) = corpus_dir() else { return };
    let mut failures = Vec::new();
    for name in sets_for(&corpus, Engine::Sqlite) {
        let set = CorpusSet::load(&corpus, &name);
        let session: Vec<String> = set.set["session"]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let flags = set.set["files"].as_array().cloned().unwrap_or_default();
        let files: Vec<(MigrationFile, bool)> = set
            .migrations()
            .into_iter()
            .zip(flags)
            .map(|(file, flag)| (file, flag["transaction"].as_bool().unwrap_or(true)))
            .collect();
        let path = std::env::temp_dir().join(format!(
            "schema-sqlite-oracle-{}-{name}.db",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        let outcome = apply_files(&path, &session, &files).and_then(|()| {
            let conn = rusqlite::Connection::open(&path).map_err(|e| e.to_string())?;
            introspect(&conn).map_err(|e| e.to_string())
        });
        let _ = std::fs::remove_file(&path);
        match outcome {
            Ok(actual) => {
                let diffs = json_diff(&set.expected(), &actual, &[]);
                if !diffs.is_empty() {
                    failures.push(format!(
                        "{name}: {} differences:\n  {}",
                        diffs.len(),
                        diffs.join("\n  ")
                    ));
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn replay_matches_real_sqlite_on_every_oracle_script() {
    let scripts = scripts();
    assert!(
        scripts.len() >= MINIMUM_SCRIPTS,
        "expected at least {MINIMUM_SCRIPTS} oracle scripts, found {}",
        scripts.len()
    );
    let failures: Vec<String> = scripts
        .iter()
        .filter_map(|path| check_script(path).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} scripts differ:\n\n{}",
        failures.len(),
        scripts.len(),
        failures.join("\n\n")
    );
}

fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("oracle/sqlite");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    paths.sort();
    paths
}

/// Whether the script's leading comment block holds `-- expect-error`.
fn expects_error(text: &str) -> bool {
    text.lines()
        .take_while(|l| l.trim_start().starts_with("--"))
        .any(|l| l.trim() == "-- expect-error")
}

fn check_script(path: &Path) -> Result<(), String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    let file = MigrationFile {
        name: name.clone(),
        text: text.clone(),
    };

    let conn = rusqlite::Connection::open_in_memory().map_err(|e| e.to_string())?;
    let engine_outcome = run_statements(&conn, &file);
    let engine_schema =
        introspect(&conn).map_err(|e| format!("{name}: introspection failed: {e}"))?;

    let mut replay = replayer(Engine::Sqlite);
    let mut report = ReplayReport::default();
    let statements = split_file(Engine::Sqlite, &file).map_err(|e| format!("{name}: {e}"))?;
    let mut replay_outcome = Ok(());
    for statement in &statements {
        if let Err(e) = replay.apply(statement, &mut report) {
            replay_outcome = Err(e);
            break;
        }
    }
    let replay_schema = catalog_json::render(replay.catalog());

    match (&engine_outcome, &replay_outcome, expects_error(&text)) {
        (Ok(()), _, true) => {
            return Err(format!(
                "{name}: marked expect-error, but SQLite accepted every statement"
            ))
        }
        (Err(e), _, false) => {
            return Err(format!(
                "{name}: SQLite rejected line {}: {}",
                e.line, e.message
            ))
        }
        (Ok(()), Err(e), false) => {
            return Err(format!("{name}: replay failed where SQLite succeeded: {e}"))
        }
        (Err(engine), Ok(()), true) => {
            return Err(format!(
                "{name}: SQLite failed at line {} ({}), the replay accepted it",
                engine.line, engine.message
            ))
        }
        (Err(engine), Err(replayed), true) => {
            // The replay points at the offending token, which lies inside the statement
            // SQLite rejected.
            let statement_lines = statements
                .iter()
                .find(|s| s.location.line == engine.line)
                .map(|s| s.location.line..=s.location.line + s.text.matches('\n').count() as u32);
            let inside =
                statement_lines.is_some_and(|lines| lines.contains(&replayed.location.line));
            if !inside || replayed.message != engine.message {
                return Err(format!(
                    "{name}: SQLite failed at line {}: {}\n  replay failed at {}: {}",
                    engine.line, engine.message, replayed.location, replayed.message
                ));
            }
            if !matches!(
                replayed.kind,
                ReplayErrorKind::Rejected | ReplayErrorKind::Parse
            ) {
                return Err(format!(
                    "{name}: replay error kind {:?} for an engine rejection",
                    replayed.kind
                ));
            }
        }
        (Ok(()), Ok(()), false) => {}
    }
    let diffs = json_diff(&engine_schema, &replay_schema, &[]);
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{name}: {} differences:\n  {}",
            diffs.len(),
            diffs.join("\n  ")
        ))
    }
}

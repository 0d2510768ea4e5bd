//! The MariaDB replay against the real engine.
//!
//! * The introspection (`schema_tests::mariadb_introspect`) is validated first: the corpus set
//!   `vaultwarden-mysql` applied to a real server must read back exactly as its
//!   `expected.json`.
//! * Then every script of `tests/oracle/mysql/*.sql` runs on a fresh database of the real
//!   server and through the replay. A script must end the same way on both: applied, with
//!   equal catalogs; or failed (header `-- expect-error`) at the same statement with the same
//!   message, with equal catalogs of what ran before.
//! * Fix-it SQL for MySQL: see [`fix_sql_makes_b_match_a_on_mariadb`].

use schema_model::catalog_json;
use schema_model::error::{ReplayError, ReplayErrorKind, ReplayReport};
use schema_model::replay::mysql::MysqlReplay;
use schema_model::replay::EngineReplay;
use schema_model::source::{split_statements, MigrationFile};
use schema_model::Engine;
use schema_tests::corpus::{corpus_dir, CorpusSet};
use schema_tests::json_diff::json_diff;
use schema_tests::fix_round_trip::{differences, fix_script_between};
use schema_tests::mariadb::{server, ScriptError, Server};
use schema_tests::mariadb_introspect::introspect;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The server's version string is not something a replay can know.
const IGNORED: &[&str] = &["server_version"];

#[test]
fn introspection_reads_the_corpus_set_back_as_expected_json() {
    let Some(corpus) = corpus_dir() else { return };
    let Some(server) = server() else { return };
    let set = CorpusSet::load(&corpus, "vaultwarden-mysql");
    let db = server.fresh_database("corpus");
    server.apply_corpus_set(&db, &set).unwrap_or_else(|e| panic!("{e}"));
    let diffs = json_diff(&set.expected(), &introspect(server, &db), &[]);
    assert!(diffs.is_empty(), "introspection differs from expected.json:\n  {}", diffs.join("\n  "));
}

#[test]
fn hand_written_scripts_match_the_engine() {
    let Some(server) = server() else { return };
    let scripts = scripts();
    if std::env::var_os("SCHEMA_ORACLE_SCRIPT").is_none() {
        assert!(scripts.len() >= 40, "only {} oracle scripts", scripts.len());
    }
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = scripts
            .chunks(scripts.len().div_ceil(4))
            .map(|chunk| scope.spawn(move || chunk.iter().filter_map(|path| check_script(server, path).err()).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("script checker panicked")).collect()
    });
    assert!(failures.is_empty(), "{} of {} scripts differ:\n\n{}", failures.len(), scripts.len(), failures.join("\n\n"));
}

/// The scripts to check: all of them, or those whose name contains `SCHEMA_ORACLE_SCRIPT`.
fn scripts() -> Vec<PathBuf> {
    let only = std::env::var("SCHEMA_ORACLE_SCRIPT").unwrap_or_default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("oracle/mysql");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .filter(|p| p.to_string_lossy().contains(&only))
        .collect();
    scripts.sort();
    scripts
}

/// The replay of `files` on database `db`: the catalog (after the last statement that ran)
/// and the error that stopped it, if any.
fn replay(db: &str, files: &[MigrationFile]) -> (schema_model::Catalog, Option<ReplayError>) {
    let mut replay = MysqlReplay::new().with_database(db);
    let mut report = ReplayReport::default();
    for file in files {
        let statements = split_statements(Engine::Mysql, &file.name, &file.text).unwrap_or_else(|e| panic!("{e}"));
        if let Some(error) = statements.iter().find_map(|s| replay.apply(s, &mut report).err()) {
            return (replay.catalog().clone(), Some(error));
        }
    }
    (replay.catalog().clone(), None)
}

/// The catalog of `db` on the server and the replay's catalog must be equal.
fn engine_agrees(server: &Server, db: &str, replayed: &schema_model::Catalog) -> Result<(), String> {
    let expected: Value = introspect(server, db);
    if std::env::var_os("SCHEMA_ORACLE_SCRIPT").is_some() {
        eprintln!("engine {expected:#}\nreplay {:#}", catalog_json::render(replayed));
    }
    let diffs = json_diff(&expected, &catalog_json::render(replayed), IGNORED);
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(format!("{} differences:\n  {}", diffs.len(), diffs.join("\n  ")))
    }
}

/// `cargo schema diff --sql` on MariaDB: for pairs of schemas taken from the corpus (a prefix
/// of the migrations and the whole set, both ways round), a database holding B runs the
/// printed statements (with foreign key checks on), its catalog then equals the replay of B's
/// files plus the fix, and that replay has no parity difference from A.
#[test]
fn fix_sql_makes_b_match_a_on_mariadb() {
    let Some(corpus) = corpus_dir() else { return };
    let Some(server) = server() else { return };
    let set = CorpusSet::load(&corpus, "vaultwarden-mysql");
    let mut files = vec![set.session()];
    files.extend(set.migrations());
    let total = files.len();
    let failures: Vec<String> = [(total, 20), (20, total), (total, 40), (40, 30)]
        .into_iter()
        .filter_map(|(a_count, b_count)| {
            let pair = format!("A = {} files, B = {} files", a_count - 1, b_count - 1);
            let db = server.fresh_database("fix");
            let (a, _) = replay(&db, &files[..a_count]);
            let (b, _) = replay(&db, &files[..b_count]);
            let script = fix_script_between(&a, &b).unwrap_or_else(|| panic!("{pair}: the schemas must differ"));
            server.apply_corpus_prefix(&db, &set, b_count - 1).unwrap_or_else(|e| panic!("{pair}: {e}"));
            if let Err(e) = server.run(Some(&db), &script) {
                return Some(format!("{pair}: MariaDB refused the fix at line {}: {}\n{script}", e.line, e.message));
            }
            let mut fixed_files = files[..b_count].to_vec();
            fixed_files.push(MigrationFile { name: "fix.sql".into(), text: script.clone() });
            let (fixed, error) = replay(&db, &fixed_files);
            if let Some(error) = error {
                return Some(format!("{pair}: the replay refused the fix: {error}\n{script}"));
            }
            if let Err(why) = engine_agrees(server, &db, &fixed) {
                return Some(format!("{pair}: the server and the replay differ after the fix: {why}\n{script}"));
            }
            let remaining = differences(&a, &fixed);
            (!remaining.is_empty()).then(|| format!("{pair}: left after the fix:\n{}\n--- script:\n{script}", remaining.join("\n")))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn check_script(server: &'static Server, path: &Path) -> Result<(), String> {
    let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let sql = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    let expect_error = sql.lines().next().is_some_and(|l| l.trim() == "-- expect-error");
    // A neutral database name: InnoDB mistakes a database name holding `_ibfk_` for part of a
    // generated foreign key name.
    let db = server.fresh_database("script");
    let engine = server.run(Some(&db), &sql);
    let (catalog, replay_error) = replay(&db, &[MigrationFile { name: name.clone(), text: sql }]);
    match (&engine, &replay_error, expect_error) {
        (Ok(_), None, false) => {}
        (Err(e), Some(r), true) => same_failure(e, r).map_err(|why| format!("{name}: {why}"))?,
        (Ok(_), _, true) => return Err(format!("{name}: marked expect-error, but MariaDB applied it")),
        (Err(e), _, false) => return Err(format!("{name}: MariaDB failed at line {}: {}", e.line, e.message)),
        (Ok(_), Some(r), false) => return Err(format!("{name}: MariaDB applied it, the replay failed: {r} ({:?})", r.kind)),
        (Err(e), None, true) => {
            return Err(format!("{name}: MariaDB failed at line {}: {}; the replay applied it", e.line, e.message))
        }
    }
    engine_agrees(server, &db, &catalog).map_err(|why| format!("{name}: {why}"))
}

/// The engine and the replay failed at the same statement, in the same words (a syntax error
/// on the engine is a parse error of the replay).
fn same_failure(engine: &ScriptError, replay: &ReplayError) -> Result<(), String> {
    // The client reports the line a statement starts on; a parse error points inside it.
    let statement_lines = replay.statement.lines().count().max(1) as u32;
    let same_statement = match replay.kind {
        ReplayErrorKind::Parse => (engine.line..engine.line + statement_lines).contains(&replay.location.line),
        _ => replay.location.line == engine.line,
    };
    if !same_statement {
        return Err(format!(
            "MariaDB failed at line {} ({}), the replay at line {} ({})",
            engine.line, engine.message, replay.location.line, replay.message
        ));
    }
    let syntax = engine.message.starts_with("You have an error in your SQL syntax");
    if syntax && replay.kind == ReplayErrorKind::Parse {
        return Ok(());
    }
    if replay.kind == ReplayErrorKind::Rejected && replay.message == engine.message {
        return Ok(());
    }
    Err(format!("MariaDB said `{}`, the replay said `{}` ({:?})", engine.message, replay.message, replay.kind))
}

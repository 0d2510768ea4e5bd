//! The Postgres oracle: every hand-written script in `tests/oracle/postgres/` is run on a
//! fresh database of a real server, statement by statement, and replayed offline; the two
//! must agree.
//!
//! * A script that Postgres accepts: the server's catalog (introspected and rendered) must
//!   equal the replay's rendered catalog.
//! * A script headed `-- expect-error: <message>`: Postgres must reject one of its
//!   statements with exactly that primary message (this checks the script itself), and the
//!   replay must fail at the same statement (same line) with a message that contains it.
//!
//! Every script's outcome is printed (`agree` / `differ`), and the test fails listing every
//! disagreement.

use schema_model::catalog::Engine;
use schema_model::catalog_json;
use schema_model::live::introspect;
use schema_model::replay::replay_files;
use schema_model::source::MigrationFile;
use schema_tests::json_diff::json_diff;
use schema_tests::pg::{cluster, Cluster};
use schema_tests::pg_apply::{apply_file, FileRun, StatementFailure};
use std::path::{Path, PathBuf};

/// Header line of a script that Postgres must reject.
const EXPECT_ERROR: &str = "-- expect-error:";

fn oracle_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("oracle/postgres")
}

/// The scripts in name order, named relative to the tests crate.
fn scripts() -> Vec<MigrationFile> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(oracle_dir())
        .expect("tests/oracle/postgres is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| MigrationFile {
            name: format!("oracle/postgres/{}", path.file_name().unwrap_or_default().to_string_lossy()),
            text: std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        })
        .collect()
}

/// The primary message a script expects Postgres to reject it with, from its header.
fn expected_error(script: &MigrationFile) -> Option<String> {
    script
        .text
        .lines()
        .take_while(|line| line.starts_with("--"))
        .find_map(|line| line.strip_prefix(EXPECT_ERROR))
        .map(|message| message.trim().to_string())
}

/// Runs one script on the server and through the replay; `Err` describes a disagreement.
fn check_script(pg: &'static Cluster, script: &MigrationFile) -> Result<(), String> {
    let db = pg.fresh_database();
    let applied = apply_file(&db, &FileRun { file: script, transaction: false, session: &[] });
    let replayed = replay_files(Engine::Postgres, std::slice::from_ref(script));
    match (expected_error(script), applied) {
        (None, Err(failure)) => Err(format!("the script is wrong: Postgres rejected it at {failure}")),
        (Some(expected), Ok(())) => {
            Err(format!("the script is wrong: Postgres accepted it, expected `{expected}`"))
        }
        (Some(expected), Err(failure)) if failure.message != expected => Err(format!(
            "the script is wrong: Postgres rejected it at {failure}, expected `{expected}`"
        )),
        (Some(_), Err(failure)) => same_rejection(&failure, replayed.map(|_| ())),
        (None, Ok(())) => {
            let replayed = replayed.map_err(|e| format!("replay failed at {e}\n      {}", e.statement))?;
            let mut client = db.connect();
            let live = introspect(&mut client).map_err(|e| format!("introspection failed: {e}"))?;
            let diffs = json_diff(&catalog_json::render(&live), &catalog_json::render(&replayed.catalog), &[]);
            if diffs.is_empty() {
                Ok(())
            } else {
                Err(format!("catalogs differ (expected = Postgres, got = replay):\n      {}", diffs.join("\n      ")))
            }
        }
    }
}

/// Whether the replay failed like the server: at the same line, with the server's message.
fn same_rejection(
    server: &StatementFailure,
    replay: Result<(), schema_model::ReplayError>,
) -> Result<(), String> {
    match replay {
        Ok(()) => Err(format!("Postgres rejected {server}, the replay accepted the script")),
        Err(e) if e.location.line != server.location.line => Err(format!(
            "Postgres rejected line {} ({}), the replay failed at {e}",
            server.location.line, server.message
        )),
        Err(e) if !e.message.contains(&server.message) => Err(format!(
            "at line {} Postgres says `{}`, the replay says `{}`",
            server.location.line, server.message, e.message
        )),
        Err(_) => Ok(()),
    }
}

/// Scripts on which the replay is known to disagree with Postgres, each with the reason, from
/// `tests/oracle/postgres/known-gaps.txt` (`<script file name>  # reason`). The README lists
/// them as limits. A listed script that starts agreeing fails the test, so the list only
/// shrinks.
fn known_gaps() -> Vec<(String, String)> {
    let path = oracle_dir().join("known-gaps.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| match line.split_once('#') {
            Some((name, reason)) => (name.trim().to_string(), reason.trim().to_string()),
            None => (line.to_string(), String::new()),
        })
        .collect()
}

#[test]
fn replay_agrees_with_postgres_on_every_oracle_script() {
    let Some(pg) = cluster() else { return };
    let scripts = scripts();
    assert!(scripts.len() >= 60, "expected at least 60 oracle scripts, found {}", scripts.len());
    let gaps = known_gaps();
    for (name, reason) in &gaps {
        assert!(!reason.is_empty(), "known gap `{name}` needs a reason after `#`");
        assert!(scripts.iter().any(|s| s.name.ends_with(name.as_str())), "known gap `{name}` names no oracle script");
    }
    let is_known_gap = |script: &MigrationFile| gaps.iter().any(|(name, _)| script.name.ends_with(name.as_str()));
    let mut disagreements = Vec::new();
    let mut fixed_gaps = Vec::new();
    let mut known = 0;
    for script in &scripts {
        match (check_script(pg, script), is_known_gap(script)) {
            (Ok(()), false) => eprintln!("agree   {}", script.name),
            (Ok(()), true) => fixed_gaps.push(script.name.clone()),
            (Err(why), true) => {
                known += 1;
                eprintln!("known   {}: {why}", script.name);
            }
            (Err(why), false) => {
                eprintln!("differ  {}", script.name);
                disagreements.push(format!("{}: {why}", script.name));
            }
        }
    }
    eprintln!(
        "{} of {} oracle scripts agree, {} known gaps",
        scripts.len() - disagreements.len() - known,
        scripts.len(),
        known
    );
    assert!(
        disagreements.is_empty(),
        "{} of {} oracle scripts disagree:\n\n{}",
        disagreements.len(),
        scripts.len(),
        disagreements.join("\n\n")
    );
    assert!(fixed_gaps.is_empty(), "known gaps now agree, remove them from known-gaps.txt: {fixed_gaps:?}");
}

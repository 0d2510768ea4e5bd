//! Fix-it SQL for SQLite, including the table rebuild: for pairs of schemas taken from the
//! corpus (a migration set and a prefix of it, both ways round, and vaultwarden's Postgres
//! schema as the source for its SQLite database), real SQLite runs B's
//! migrations and then the printed statements without error and with no foreign key
//! violation, and the replay of the same files plus the fix has no parity difference from A.

use rusqlite::Connection;
use schema_model::catalog::{Catalog, Engine};
use schema_model::replay::replay_files;
use schema_model::source::MigrationFile;
use schema_tests::corpus::{corpus_dir, CorpusSet};
use schema_tests::fix_round_trip::{differences, fix_script_between};
use serde_json::Value;

fn replay(files: &[MigrationFile]) -> Catalog {
    replay_files(Engine::Sqlite, files).unwrap_or_else(|e| panic!("replay: {e}")).catalog
}

/// Runs one pair and returns the fix script.
fn round_trip(set: &CorpusSet, a_count: usize, b_count: usize) -> String {
    let files = set.migrations();
    let a = replay(&files[..a_count]);
    fix_towards(&a, set, b_count)
}

/// Makes a SQLite database holding the first `b_count` migrations of `set` match `a`.
fn fix_towards(a: &Catalog, set: &CorpusSet, b_count: usize) -> String {
    let a_tables = a.tables.len();
    let files = set.migrations();
    let b = replay(&files[..b_count]);
    let script = fix_script_between(a, &b)
        .unwrap_or_else(|| panic!("{} A ({a_tables} tables) vs {b_count} migrations: the schemas must differ", set.name));

    let sqlite = Connection::open_in_memory().expect("sqlite");
    for statement in set.set["session"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        sqlite.execute_batch(statement).expect("session statement");
    }
    for file in &files[..b_count] {
        sqlite.execute_batch(&file.text).unwrap_or_else(|e| panic!("{}: {e}", file.name));
    }
    sqlite.execute_batch(&script).unwrap_or_else(|e| panic!("{} A ({a_tables} tables) vs {b_count} migrations: SQLite refused the fix: {e}\n{script}", set.name));
    let violations: i64 = sqlite.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).expect("fk check");
    assert_eq!(violations, 0, "{script}");

    let mut fixed_files = files[..b_count].to_vec();
    fixed_files.push(MigrationFile { name: "fix.sql".to_string(), text: script.clone() });
    let fixed = replay(&fixed_files);
    let remaining = differences(a, &fixed);
    assert!(remaining.is_empty(), "{} A ({a_tables} tables) vs {b_count} migrations: left after the fix:\n{}\n--- script:\n{script}", set.name, remaining.join("\n"));
    script
}

#[test]
fn sqlite_fix_with_table_rebuilds_makes_b_match_a() {
    let Some(corpus) = corpus_dir() else { return };
    let mut rebuilds = 0;
    for (name, pairs) in [("vaultwarden-sqlite", [(56, 30), (30, 56), (56, 45)]), ("atuin-server-sqlite", [(7, 3), (3, 7), (7, 5)])] {
        let set = CorpusSet::load(&corpus, name);
        let total = set.migrations().len();
        for (a, b) in pairs {
            rebuilds += round_trip(&set, a.min(total), b.min(total)).matches("__rebuild RENAME TO").count();
        }
    }
    let postgres = CorpusSet::load(&corpus, "vaultwarden-pg");
    let a = replay_files(Engine::Postgres, &postgres.migrations()).expect("postgres replay").catalog;
    let sqlite = CorpusSet::load(&corpus, "vaultwarden-sqlite");
    rebuilds += fix_towards(&a, &sqlite, sqlite.migrations().len()).matches("__rebuild RENAME TO").count();
    assert!(rebuilds > 0, "the pairs must exercise the table rebuild");
}

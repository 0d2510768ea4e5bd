//! `cargo schema diff --sql` round trips on real Postgres: for pairs of schemas taken from
//! the corpus (a migration set and a prefix of it, both ways round), a database holding B
//! gets the printed statements, and its catalog then has no difference from a database
//! holding A (the engine is the oracle for both sides, so replay fidelity does not enter).
//! A hand-written pair covers foreign keys and checks that change on tables both sides have.

use schema_model::live::introspect;
use schema_tests::cli::run;
use schema_tests::corpus::{corpus_dir, CorpusSet};
use schema_tests::fix_round_trip::{differences, fix_script_between};
use schema_tests::pg::{cluster, Database};
use schema_tests::pg_apply::{apply_file, server_message, FileRun};
use serde_json::Value;
use std::time::Duration;

/// A database holding the first `count` migrations of `set`, applied as the tool applies them.
fn database_with(set: &CorpusSet, count: usize) -> Database {
    let cluster = cluster().expect("cluster");
    let db = cluster.fresh_database();
    let session: Vec<String> =
        set.set["session"].as_array().map(|s| s.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default();
    let flags = set.set["files"].as_array().cloned().unwrap_or_default();
    for (file, entry) in set.migrations().iter().zip(&flags).take(count) {
        let transaction = entry["transaction"].as_bool().unwrap_or(true);
        apply_file(&db, &FileRun { file, transaction, session: &session }).unwrap_or_else(|e| panic!("{}: {e}", set.name));
    }
    db
}

/// Makes a database holding `b_count` migrations match one holding `a_count` migrations.
fn round_trip(set: &CorpusSet, a_count: usize, b_count: usize) {
    align(&database_with(set, a_count), &database_with(set, b_count), &format!("{} {a_count} vs {b_count}", set.name));
}

/// Applies the fix script for the differences from A to B on B, then demands that B's
/// catalog has no difference left from A's.
fn align(a: &Database, b: &Database, label: &str) {
    let a = introspect(&mut a.connect()).expect("introspect A");
    let mut client = b.connect();
    let b = introspect(&mut client).expect("introspect B");
    let script = fix_script_between(&a, &b).unwrap_or_else(|| panic!("{label}: the schemas must differ"));
    client.batch_execute(&script).unwrap_or_else(|e| panic!("{label}: the fix failed: {}\n{script}", server_message(&e)));
    let after = introspect(&mut client).expect("introspect fixed B");
    let remaining = differences(&a, &after);
    assert!(remaining.is_empty(), "{label}: differences left after the fix:\n{}\n--- script:\n{script}", remaining.join("\n"));
}

/// A fresh database holding `sql`.
fn database_from(sql: &str) -> Database {
    let db = cluster().expect("cluster").fresh_database();
    db.connect().batch_execute(sql).unwrap_or_else(|e| panic!("cannot set up {sql}: {}", server_message(&e)));
    db
}

fn corpus_set(name: &str) -> Option<CorpusSet> {
    let Some(corpus) = corpus_dir() else {
        assert!(std::env::var_os("CI").is_none(), "the corpus is missing under CI");
        eprintln!("*** SKIPPED: the corpus is not available ***");
        return None;
    };
    Some(CorpusSet::load(&corpus, name))
}

#[test]
fn fix_sql_makes_b_match_a_on_real_postgres() {
    if cluster().is_none() {
        return;
    }
    for (name, pairs) in [("vaultwarden-pg", [(46, 20), (20, 46), (46, 35)]), ("atuin-server-pg", [(20, 8), (8, 20), (20, 14)])] {
        let Some(set) = corpus_set(name) else { return };
        let total = set.migrations().len();
        for (a, b) in pairs {
            round_trip(&set, a.min(total), b.min(total));
        }
    }
}

#[test]
fn fix_sql_aligns_foreign_keys_and_checks() {
    if cluster().is_none() {
        return;
    }
    let first = "CREATE TABLE orgs (id bigint PRIMARY KEY, code text UNIQUE);
         CREATE TABLE users (id bigint PRIMARY KEY, org_id bigint, org_code text, age int,
             CONSTRAINT users_age_check CHECK (age >= 0));
         ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE;
         ALTER TABLE users ADD CONSTRAINT users_org_code_fkey FOREIGN KEY (org_code) REFERENCES orgs (code) DEFERRABLE INITIALLY DEFERRED;";
    let second = "CREATE TABLE orgs (id bigint PRIMARY KEY, code text UNIQUE);
         CREATE TABLE users (id bigint PRIMARY KEY, org_id bigint REFERENCES orgs (id) MATCH FULL, org_code text, age int,
             CONSTRAINT users_age_check CHECK (age > 0), CONSTRAINT users_code_check CHECK (org_code <> ''));";
    align(&database_from(first), &database_from(second), "foreign keys and checks, first -> second");
    align(&database_from(second), &database_from(first), "foreign keys and checks, second -> first");
}

#[test]
fn diff_command_prints_the_fix_and_the_risks() {
    if cluster().is_none() {
        return;
    }
    let Some(set) = corpus_set("atuin-server-pg") else { return };
    let cluster = cluster().expect("cluster");
    let full = database_with(&set, set.migrations().len());
    let db = database_with(&set, 8);
    cluster.create_password_role("diff_reader", "d1ff-pw");
    let url = db.tcp_url("diff_reader", "d1ff-pw");
    let a_url = full.tcp_url("diff_reader", "d1ff-pw");
    let a = a_url.as_str();

    let migrations = set.dir.join("migrations");
    let replayed = run(&["diff", migrations.to_str().unwrap_or_default(), &url, "--engine", "postgres", "--table", "records"], Duration::from_secs(60));
    assert_eq!(replayed.status, Some(1), "{}", replayed.all_output());
    assert!(replayed.stdout.contains("1 difference(s)") && replayed.stdout.contains("data:      loss"), "{}", replayed.stdout);

    let report = run(&["diff", a, &url], Duration::from_secs(60));
    assert_eq!(report.status, Some(1), "{}", report.all_output());
    assert!(report.stdout.contains("data:"), "{}", report.stdout);
    assert!(report.stdout.contains("operation:"), "{}", report.stdout);
    assert!(!report.all_output().contains("d1ff-pw"));

    let sql = run(&["diff", a, &url, "--sql"], Duration::from_secs(60));
    assert_eq!(sql.status, Some(1), "{}", sql.all_output());
    db.connect().batch_execute(&sql.stdout).unwrap_or_else(|e| panic!("the printed fix failed: {}\n{}", server_message(&e), sql.stdout));
    let again = run(&["diff", a, &url], Duration::from_secs(60));
    assert_eq!(again.status, Some(0), "{}", again.all_output());
    assert!(again.stdout.contains("0 difference(s)"), "{}", again.stdout);
}

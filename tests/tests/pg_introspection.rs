//! Live introspection is the oracle: every Postgres set of the corpus, applied to a fresh
//! database of a real server the way its migration tool applies it, introspected and
//! rendered, must equal the corpus's `expected.json` exactly. Also checks the harness's
//! password logins over TCP and the read-only session drift checks run in.

use schema_model::catalog::Engine;
use schema_model::catalog_json;
use schema_model::live::{introspect, read_only_session};
use schema_tests::corpus::{corpus_dir, sets_for, CorpusSet};
use schema_tests::json_diff::json_diff;
use schema_tests::pg::{cluster, Database};
use schema_tests::pg_apply::apply_corpus_set;
use std::time::Duration;

fn introspect_rendered(db: &Database) -> serde_json::Value {
    let mut client = db.connect();
    let catalog = introspect(&mut client).unwrap_or_else(|e| panic!("introspection failed: {e}"));
    catalog_json::render(&catalog)
}

#[test]
fn introspection_of_every_postgres_set_equals_expected_json() {
    let Some(corpus) = corpus_dir() else { return };
    let Some(pg) = cluster() else { return };
    let sets = sets_for(&corpus, Engine::Postgres);
    assert!(!sets.is_empty(), "no postgres sets in the corpus");
    let mut failures = Vec::new();
    for name in &sets {
        let set = CorpusSet::load(&corpus, name);
        let db = pg.fresh_database();
        if let Err(failure) = apply_corpus_set(&db, &set) {
            failures.push(format!("{name}: applying failed at {failure}\n    {}", failure.statement));
            continue;
        }
        let diffs = json_diff(&set.expected(), &introspect_rendered(&db), &[]);
        if diffs.is_empty() {
            eprintln!("{name}: introspection equals expected.json");
        } else {
            let shown = diffs.iter().take(60).cloned().collect::<Vec<_>>().join("\n  ");
            failures.push(format!("{name}: {} differences:\n  {shown}", diffs.len()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn password_role_connects_over_tcp_and_read_only_session_refuses_writes() {
    let Some(pg) = cluster() else { return };
    let db = pg.fresh_database();
    db.connect().batch_execute("CREATE TABLE t (id integer PRIMARY KEY)").expect("create table");
    pg.create_password_role("drift_reader", "s3cret:/@pass");
    db.connect().batch_execute("GRANT SELECT ON t TO drift_reader").expect("grant");

    let url = db.tcp_url("drift_reader", "s3cret:/@pass");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("TCP connection with password");
    let wrong = db.tcp_url("drift_reader", "wrong");
    assert!(postgres::Client::connect(&wrong, postgres::NoTls).is_err(), "a wrong password must be refused");

    let mut session = read_only_session(&mut client, Duration::from_millis(1500)).expect("read-only session");
    let timeout: String = session.query_one("SHOW statement_timeout", &[]).expect("show").get(0);
    assert_eq!(timeout, "1500ms");
    let catalog = introspect(&mut session).expect("introspection in a read-only session");
    assert_eq!(catalog.find_table("t").map(|t| t.columns.len()), Some(1));
    let write = session.batch_execute("INSERT INTO t VALUES (1)").expect_err("writes must fail");
    assert_eq!(
        write.as_db_error().map(|e| e.message()),
        Some("cannot execute INSERT in a read-only transaction")
    );
}

#[test]
fn index_keys_are_spelled_as_in_the_index_definition() {
    let Some(pg) = cluster() else { return };
    let db = pg.fresh_database();
    db.connect()
        .batch_execute(
            "CREATE EXTENSION pg_trgm;
             CREATE TABLE t (a integer, b text, c varchar(20), d jsonb);
             CREATE INDEX t_mixed ON t (a DESC, lower(b), (a + 1) NULLS FIRST, c varchar_pattern_ops DESC NULLS LAST);
             CREATE INDEX t_trgm ON t USING gin (b gin_trgm_ops);
             CREATE INDEX t_path ON t USING gin (d jsonb_path_ops);
             CREATE UNIQUE INDEX t_incl ON t (a) INCLUDE (b) WHERE a > 0;",
        )
        .expect("schema");
    let catalog = introspect(&mut db.connect()).expect("introspection");
    let table = catalog.find_table("t").expect("table t");
    assert_eq!(table.indexes.len(), 4);
    for index in &table.indexes {
        let keys: Vec<&str> = index.keys.iter().map(|k| k.definition.as_str()).collect();
        let spelled = format!("USING {} ({})", index.method, keys.join(", "));
        let definition = index.definition.as_deref().unwrap_or_default();
        assert!(definition.contains(&spelled), "{definition} does not contain {spelled}");
    }
    let mixed = table.indexes.iter().find(|i| i.name == "t_mixed").expect("t_mixed");
    let columns: Vec<Option<&str>> = mixed.keys.iter().map(|k| k.column.as_deref()).collect();
    assert_eq!(columns, [Some("a"), None, None, Some("c")]);
    let descending: Vec<bool> = mixed.keys.iter().map(|k| k.descending).collect();
    assert_eq!(descending, [true, false, false, true]);
    let partial = table.indexes.iter().find(|i| i.name == "t_incl").expect("t_incl");
    assert_eq!(partial.predicate.as_deref(), Some("(a > 0)"));
}

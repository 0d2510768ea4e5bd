//! `cargo schema query`: one verdict per statement of a query file, checked on every track,
//! with JSON lines for tools and exit codes 0 (all pass), 1 (any fails), 2 (no schema).

use schema_tests::cli::run;
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(120);

const MANIFEST: &str = r#"[package]
name = "query-tracks"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
path = "lib.rs"

[package.metadata.schema]
tracks = [
  { name = "postgres", engine = "postgres", migrations = "migrations/postgres" },
  { name = "pglite", engine = "postgres", migrations = ["schema/pglite.sql"] },
]
parity = "off"

[workspace]
"#;

/// A crate whose production track has `oauth_clients.token_ttl` and whose test track lacks it.
fn two_track_crate(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("schema-cli-query-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("migrations/postgres")).unwrap();
    std::fs::create_dir_all(dir.join("schema")).unwrap();
    std::fs::write(dir.join("Cargo.toml"), MANIFEST).unwrap();
    std::fs::write(dir.join("lib.rs"), "").unwrap();
    std::fs::write(
        dir.join("migrations/postgres/0001_clients.sql"),
        "CREATE TABLE oauth_clients (id bigserial PRIMARY KEY, name text NOT NULL);\n\
         CREATE TABLE oauth_tokens (id bigserial PRIMARY KEY, client_id bigint REFERENCES oauth_clients, name text);\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("migrations/postgres/0002_ttl.sql"),
        "ALTER TABLE oauth_clients ADD COLUMN token_ttl integer;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("schema/pglite.sql"),
        "CREATE TABLE oauth_clients (id bigserial PRIMARY KEY, name text NOT NULL);\n\
         CREATE TABLE oauth_tokens (id bigserial PRIMARY KEY, client_id bigint REFERENCES oauth_clients, name text);\n",
    )
    .unwrap();
    dir
}

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn one_verdict_per_statement_on_every_track() {
    let dir = two_track_crate("verdicts");
    let queries = dir.join("queries.sql");
    std::fs::write(
        &queries,
        "SELECT c.id, c.name FROM oauth_clients c;\n\
         SELECT id, token_ttl\n  FROM oauth_clients;\n\
         SELECT name FROM oauth_clients JOIN oauth_tokens ON oauth_tokens.client_id = oauth_clients.id;\n\
         SELECT * FROM oauth_client;\n",
    )
    .unwrap();
    let manifest = dir.join("Cargo.toml");
    let out = run(
        &["query", "--manifest-path", manifest.to_str().unwrap(), "--format", "json", queries.to_str().unwrap()],
        LIMIT,
    );
    assert_eq!(out.status, Some(1), "{}", out.all_output());
    let verdicts = json_lines(&out.stdout);
    assert_eq!(verdicts.len(), 4, "{}", out.stdout);
    assert_eq!(verdicts[0]["ok"], true);
    assert_eq!(verdicts[0]["errors"].as_array().unwrap().len(), 0);

    // token_ttl exists only on the production track: one error, on `pglite`, at the column's
    // position in the file, naming where it exists.
    assert_eq!(verdicts[1]["ok"], false);
    let errors = verdicts[1]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["track"], "pglite");
    assert_eq!(errors[0]["kind"], "undefined_column");
    assert_eq!(errors[0]["message"], "column \"token_ttl\" does not exist");
    assert_eq!((errors[0]["line"].as_u64(), errors[0]["column"].as_u64()), (Some(2), Some(12)));
    assert_eq!(errors[0]["defined_on"], serde_json::json!(["postgres"]));

    // `name` is in both joined tables: ambiguous on both tracks, as Postgres says.
    let errors = verdicts[2]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().all(|e| e["kind"] == "ambiguous_column"));

    // A missing table, with the closest name suggested.
    let errors = verdicts[3]["errors"].as_array().unwrap();
    assert!(errors.iter().all(|e| e["kind"] == "undefined_table"), "{errors:?}");
    assert!(errors.iter().all(|e| e["suggestions"][0] == "oauth_clients"), "{errors:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_clean_file_exits_zero_and_a_broken_schema_exits_two() {
    let dir = two_track_crate("exits");
    let queries = dir.join("clean.sql");
    std::fs::write(&queries, "SELECT id FROM oauth_clients WHERE name = $1;\nDELETE FROM oauth_tokens RETURNING id;\n")
        .unwrap();
    let manifest = dir.join("Cargo.toml");
    let out = run(&["query", "--manifest-path", manifest.to_str().unwrap(), queries.to_str().unwrap()], LIMIT);
    assert_eq!(out.status, Some(0), "{}", out.all_output());
    assert!(out.stderr.contains("2 statement(s) checked on 2 track(s): 0 failed"), "{}", out.stderr);

    // One track selected with --track: the production-only column passes there.
    std::fs::write(&queries, "SELECT token_ttl FROM oauth_clients;\n").unwrap();
    let out = run(
        &["query", "--manifest-path", manifest.to_str().unwrap(), "--track", "postgres", queries.to_str().unwrap()],
        LIMIT,
    );
    assert_eq!(out.status, Some(0), "{}", out.all_output());

    let broken = dir.join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("0001_x.sql"), "ALTER TABLE missing ADD COLUMN x int;\n").unwrap();
    let out = run(
        &["query", "--engine", "postgres", "--migrations", broken.to_str().unwrap(), queries.to_str().unwrap()],
        LIMIT,
    );
    assert_eq!(out.status, Some(2), "{}", out.all_output());
    assert!(out.stderr.contains("relation \"missing\" does not exist"), "{}", out.stderr);
    assert!(out.stderr.contains("0001_x.sql:1:1"), "{}", out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

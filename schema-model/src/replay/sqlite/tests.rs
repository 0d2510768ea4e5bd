//! Replay-level tests of the SQLite replayer: statement flows, SQLite's rejections with their
//! positions, and bad input that must produce errors rather than panics.

use super::SqliteReplay;
use crate::catalog::Catalog;
use crate::error::{ReplayError, ReplayErrorKind, ReplayReport};
use crate::replay::{split_file, EngineReplay};
use crate::source::MigrationFile;
use crate::Engine;

fn run(sql: &str) -> Result<(Catalog, ReplayReport), ReplayError> {
    let file = MigrationFile {
        name: "m.sql".to_string(),
        text: sql.to_string(),
    };
    let mut replay = SqliteReplay::new();
    let mut report = ReplayReport::default();
    for statement in split_file(Engine::Sqlite, &file)? {
        replay.apply(&statement, &mut report)?;
    }
    Ok((replay.catalog, report))
}

fn sql_of(catalog: &Catalog, table: &str) -> String {
    catalog
        .find_table(table)
        .and_then(|t| t.sqlite.sql.clone())
        .unwrap_or_default()
}

#[test]
fn add_rename_and_drop_column_edit_the_stored_text() {
    let (catalog, _) = run(
        "CREATE TABLE t (\n  a TEXT NOT NULL,\n  key TEXT,\n  b INT,\n  UNIQUE (a)\n);\n\
         ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 0; -- trailing\n\
         ALTER TABLE t RENAME COLUMN key TO akey;\n\
         ALTER TABLE t DROP COLUMN b;",
    )
    .unwrap();
    assert_eq!(sql_of(&catalog, "t"), "CREATE TABLE t (\n  a TEXT NOT NULL,\n  akey TEXT,\n  c INTEGER NOT NULL DEFAULT 0,\n  UNIQUE (a)\n)");
    let t = catalog.find_table("t").unwrap();
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["a", "akey", "c"]);
    assert_eq!(t.columns[2].default.as_deref(), Some("0"));
    // `key` was created by the CREATE TABLE on line 1 and renamed on line 8.
    assert_eq!(t.columns[1].provenance.created.line, 1);
    assert_eq!(t.columns[1].provenance.changed.line, 8);
    // `c` was added on line 7.
    assert_eq!(t.columns[2].provenance.created.line, 7);
}

#[test]
fn rename_table_rewrites_references_and_auto_indexes() {
    let (catalog, _) = run("CREATE TABLE p (id TEXT PRIMARY KEY);\n\
         CREATE TABLE c (p_id TEXT REFERENCES p (id));\n\
         CREATE INDEX i ON p (id);\n\
         ALTER TABLE p RENAME TO q;")
    .unwrap();
    assert_eq!(
        sql_of(&catalog, "q"),
        "CREATE TABLE \"q\" (id TEXT PRIMARY KEY)"
    );
    assert_eq!(
        sql_of(&catalog, "c"),
        "CREATE TABLE c (p_id TEXT REFERENCES \"q\" (id))"
    );
    let q = catalog.find_table("q").unwrap();
    let names: Vec<&str> = q.indexes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["sqlite_autoindex_q_1", "i"]);
    assert_eq!(
        q.indexes[1].definition.as_deref(),
        Some("CREATE INDEX i ON \"q\" (id)")
    );
}

#[test]
fn rejections_carry_sqlite_messages_and_positions() {
    let cases = [
        (
            "CREATE TABLE t (a);\nCREATE TABLE t (b);",
            "table t already exists",
            2,
        ),
        ("ALTER TABLE nope ADD COLUMN x;", "no such table: nope", 1),
        (
            "CREATE TABLE t (a);\n\nALTER TABLE t ADD COLUMN a;",
            "duplicate column name: a",
            3,
        ),
        ("CREATE INDEX i ON nope (a);", "no such table: main.nope", 1),
        (
            "CREATE TABLE t (a);\nALTER TABLE t DROP COLUMN x;",
            "no such column: \"x\"",
            2,
        ),
        (
            "CREATE TABLE t (a PRIMARY KEY, b);\nALTER TABLE t DROP COLUMN a;",
            "cannot drop PRIMARY KEY column: \"a\"",
            2,
        ),
        (
            "CREATE TABLE t (a, b);\nCREATE INDEX i ON t (a);\nALTER TABLE t DROP COLUMN a;",
            "error in index i after drop column: no such column: a",
            3,
        ),
        ("DROP TABLE nope;", "no such table: nope", 1),
        ("INSERT INTO nope VALUES (1);", "no such table: nope", 1),
    ];
    for (sql, message, line) in cases {
        let error = run(sql).unwrap_err();
        assert_eq!(error.message, message, "{sql}");
        assert_eq!(error.kind, ReplayErrorKind::Rejected, "{sql}");
        assert_eq!(error.location.line, line, "{sql}");
    }
}

#[test]
fn non_schema_statements_are_listed_as_skipped() {
    let (_, report) = run("PRAGMA foreign_keys = ON;\nBEGIN;\nCREATE TABLE t (a);\nINSERT INTO t VALUES (1);\nCOMMIT;").unwrap();
    let what: Vec<&str> = report.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(
        what,
        vec!["PRAGMA foreign_keys", "BEGIN", "INSERT", "COMMIT"]
    );
    assert_eq!(report.applied, 1);
}

#[test]
fn bad_input_never_panics() {
    let inputs = [
        "CREATE",
        "CREATE TABLE",
        "CREATE TABLE t (",
        "CREATE TABLE t (a,",
        "ALTER TABLE",
        "ALTER TABLE t",
        "ALTER TABLE t RENAME",
        "ALTER TABLE t ADD",
        "DROP",
        "DROP TABLE",
        "CREATE INDEX i ON",
        "CREATE INDEX i ON t (",
        "CREATE VIEW v AS",
        "CREATE TRIGGER t",
        "CREATE TABLE t (a) WITHOUT",
        "CREATE TABLE \"t",
        "ALTER TABLE t DROP COLUMN",
        "CREATE TABLE t (a DEFAULT)",
        "CREATE TABLE t (a REFERENCES)",
        "CREATE UNIQUE INDEX",
        "x",
        "(",
        ")",
        ";;;",
        "CREATE TABLE t (a CHECK (a >",
        "CREATE TABLE t (a); ALTER TABLE t RENAME COLUMN a TO",
        "\u{feff}CREATE TABLE é (ü)",
    ];
    for input in inputs {
        let _ = run(input);
        let _ = run(&format!("CREATE TABLE t (a, b);\n{input}"));
    }
}

/// Every prefix of a set of real statements (cut at each character) is replayed on top of a
/// small schema: the replay may reject it, but must never panic.
#[test]
fn truncated_statements_never_panic() {
    let base = "CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT UNIQUE);\n\
                CREATE TABLE t (a TEXT, b INTEGER REFERENCES p (id), spare TEXT, CHECK (b > 0));\n\
                CREATE INDEX ti ON t (lower(a)) WHERE b IS NOT NULL;\n\
                CREATE VIEW v AS SELECT a, b FROM t;\n\
                CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET b = 1 WHERE a = new.a; END;\n";
    let statements = [
        "CREATE TABLE n (id INTEGER PRIMARY KEY, a TEXT COLLATE NOCASE DEFAULT 'x' NOT NULL, UNIQUE (a) ON CONFLICT IGNORE) WITHOUT ROWID, STRICT",
        "ALTER TABLE t ADD COLUMN c TEXT GENERATED ALWAYS AS (upper(a)) VIRTUAL",
        "ALTER TABLE t RENAME COLUMN a TO \"a a\"",
        "ALTER TABLE p RENAME TO q",
        "ALTER TABLE t DROP COLUMN spare",
        "CREATE UNIQUE INDEX IF NOT EXISTS main.u ON t (a COLLATE NOCASE DESC, b)",
        "CREATE VIEW w (x, y) AS WITH c AS (SELECT a FROM t) SELECT c.a, count(*) FROM c GROUP BY 1",
        "CREATE TABLE s AS SELECT a, CAST(b AS REAL) FROM t",
        "INSERT INTO t (a, b) SELECT name, id FROM p WHERE id > 0",
        "DROP TRIGGER IF EXISTS tr",
    ];
    for statement in statements {
        for (cut, _) in statement.char_indices() {
            let _ = run(&format!("{base}{};", &statement[..cut]));
        }
        run(&format!("{base}{statement};")).unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
}

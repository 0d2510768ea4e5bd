//! Unit tests of the MariaDB replay: statement forms, engine messages, skipped statements,
//! dynamic SQL, and bad input that must fail without panicking.

use super::MysqlReplay;
use crate::catalog::Catalog;
use crate::error::{ReplayError, ReplayErrorKind, ReplayReport};
use crate::replay::EngineReplay;
use crate::source::split_statements;
use crate::Engine;

fn run(sql: &str) -> (Result<(), ReplayError>, Catalog, ReplayReport) {
    let mut replay = MysqlReplay::new().with_database("db");
    let mut report = ReplayReport::default();
    let result = match split_statements(Engine::Mysql, "m.sql", sql) {
        Ok(statements) => statements.iter().try_for_each(|s| replay.apply(s, &mut report)),
        Err(e) => Err(ReplayError::new(ReplayErrorKind::Source, e.location, e.message, sql)),
    };
    (result, replay.catalog().clone(), report)
}

fn ok(sql: &str) -> Catalog {
    let (result, catalog, _) = run(sql);
    result.unwrap_or_else(|e| panic!("{e}"));
    catalog
}

fn error(sql: &str) -> ReplayError {
    run(sql).0.expect_err("the statement fails")
}

#[test]
fn foreign_keys_get_generated_names_and_indexes() {
    let catalog = ok("SET FOREIGN_KEY_CHECKS = 0;
        CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p (id), q int, FOREIGN KEY (q) REFERENCES p (id), KEY k (q, id));");
    let c = catalog.find_table("c").unwrap();
    let names: Vec<&str> = c.foreign_keys.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["c_ibfk_1", "c_ibfk_2"]);
    let indexes: Vec<&str> = c.indexes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(indexes, ["PRIMARY", "p", "k"], "the generated index on q is served by k");
    assert_eq!(c.columns[1].default.as_deref(), Some("NULL"));
    assert_eq!(c.columns[0].default, None);
    assert!(c.columns[0].not_null);
}

#[test]
fn rename_renames_generated_foreign_key_names_and_references() {
    let catalog = ok("CREATE TABLE p (id int PRIMARY KEY);
        CREATE TABLE c (x int REFERENCES p (id));
        ALTER TABLE c RENAME TO c2; RENAME TABLE p TO p2;");
    let c2 = catalog.find_table("c2").unwrap();
    assert_eq!(c2.foreign_keys[0].name, "c2_ibfk_1");
    assert_eq!(c2.foreign_keys[0].ref_table.name, "p2");
}

#[test]
fn engine_messages() {
    assert_eq!(error("ALTER TABLE nope ADD x int").message, "Table 'db.nope' doesn't exist");
    assert_eq!(error("CREATE TABLE t (a int, a int)").message, "Duplicate column name 'a'");
    assert_eq!(error("CREATE TABLE t (a int); CREATE TABLE t (b int)").message, "Table 't' already exists");
    assert_eq!(error("DROP TABLE nope").message, "Unknown table 'db.nope'");
    assert_eq!(error("CREATE TABLE t (a int, KEY (b))").message, "Key column 'b' doesn't exist in table");
    assert_eq!(
        error("CREATE TABLE t (a int REFERENCES nope (id))").message,
        "Can't create table `db`.`t` (errno: 150 \"Foreign key constraint is incorrectly formed\")"
    );
    let e = error("CREATE TABLE t (a int);\nALTER TABLE t DROP FOREIGN KEY f");
    assert_eq!(e.message, "Can't DROP FOREIGN KEY `f`; check that it exists");
    assert_eq!((e.location.line, e.location.column, e.kind), (2, 1, ReplayErrorKind::Rejected));
}

#[test]
fn dynamic_sql_drops_a_foreign_key_only_when_it_exists() {
    let script = |table_sql: &str| {
        format!(
            "{table_sql}
            SET @x = IF((SELECT true FROM information_schema.TABLE_CONSTRAINTS WHERE
                CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'c' AND
                CONSTRAINT_NAME = 'c_ibfk_1' AND CONSTRAINT_TYPE = 'FOREIGN KEY') = true,
                'ALTER TABLE c DROP FOREIGN KEY c_ibfk_1', 'SELECT 1');
            PREPARE stmt FROM @x; EXECUTE stmt; DEALLOCATE PREPARE stmt;"
        )
    };
    let (result, catalog, report) = run(&script("CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (x int REFERENCES p (id));"));
    result.unwrap();
    assert!(catalog.find_table("c").unwrap().foreign_keys.is_empty());
    assert!(report.skipped.iter().any(|s| s.what == "PREPARE"));
    let (result, _, report) = run(&script("CREATE TABLE c (x int);"));
    result.unwrap();
    assert!(report.skipped.iter().any(|s| s.what == "SELECT"), "the SELECT 1 branch ran");
    let e = error("SET @x = (SELECT 1 FROM mysql.user); PREPARE s FROM @x;");
    assert_eq!(e.kind, ReplayErrorKind::Unsupported);
}

#[test]
fn data_statements_are_listed_as_skipped() {
    let (result, _, report) = run("CREATE TABLE t (a int); INSERT INTO t VALUES (1); UPDATE t SET a = 2; DELETE FROM t; SET NAMES utf8mb4;");
    result.unwrap();
    let what: Vec<&str> = report.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(what, ["INSERT", "UPDATE", "DELETE", "SET NAMES"]);
    assert_eq!(report.applied, 1);
    let (result, _, report) = run("CREATE TABLE t (a int);\nDELIMITER //\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END//\nDELIMITER ;\nDROP TRIGGER IF EXISTS tr;");
    result.unwrap();
    let what: Vec<&str> = report.skipped.iter().map(|s| s.what.as_str()).collect();
    assert_eq!(what, ["CREATE TRIGGER", "DROP TRIGGER"]);
    let e = error("DELIMITER //\nCREATE TRIGGER tr BEFORE INSERT ON nope FOR EACH ROW BEGIN SET NEW.a = 1; END//");
    assert_eq!(e.message, "Table 'db.nope' doesn't exist");
}

#[test]
fn unmodelled_statements_are_errors() {
    assert_eq!(error("CREATE MATERIALIZED VIEW v AS SELECT 1").kind, ReplayErrorKind::Unsupported);
    assert_eq!(error("CREATE TABLE t (a int); CREATE VIEW v AS WITH c AS (SELECT a FROM t) SELECT a FROM c").kind, ReplayErrorKind::Unsupported);
    assert_eq!(error("CREATE TABLE t (a int) ENGINE=MyISAM").kind, ReplayErrorKind::Unsupported);
    assert_eq!(error("CREATE TABLE t (a geometry)").kind, ReplayErrorKind::Unsupported);
}

#[test]
fn bad_input_never_panics() {
    let corpus = "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, a varchar(10) DEFAULT 'x', \
        b decimal(5,2) DEFAULT 1.5, c timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE now(), \
        d int REFERENCES t (id) ON DELETE CASCADE, UNIQUE KEY u (a(5)), CHECK (b > 0)) ENGINE=InnoDB; \
        ALTER TABLE t ADD COLUMN e int AFTER a, DROP KEY u, MODIFY a text, CHANGE b bb int FIRST; \
        SET @x = IF((SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_NAME = 't') > 0, 'DROP TABLE t', 'SELECT 1'); \
        PREPARE s FROM @x; EXECUTE s; \
        CREATE OR REPLACE ALGORITHM = MERGE DEFINER = `a`@`b` SQL SECURITY INVOKER VIEW v (x, y) AS \
        SELECT id, concat(a, 'x') FROM t LEFT JOIN t u USING (id) WHERE id > 1 WITH LOCAL CHECK OPTION; \
        ALTER VIEW v AS SELECT count(*), sum(e) FROM v; RENAME TABLE v TO w; DROP VIEW IF EXISTS w, z;";
    // Every prefix of a valid script, cut at any character, must fail or succeed cleanly.
    let chars: Vec<char> = corpus.chars().collect();
    for cut in 0..chars.len() {
        let prefix: String = chars[..cut].iter().collect();
        let _ = run(&prefix);
    }
    for garbage in ["ALTER", "ALTER TABLE", "CREATE TABLE t ()", "EXECUTE nope", "PREPARE s FROM NULL",
        "DEALLOCATE PREPARE s", "SET @x = (SELECT a, b FROM information_schema.TABLES)", "RENAME TABLE a TO b",
        "CREATE TABLE t (a int DEFAULT (SELECT 1))", "CREATE INDEX i ON nope (a)", "DROP INDEX i ON nope",
        "CREATE TABLE t (a decimal(99,1))", "CREATE TABLE t (a int AUTO_INCREMENT)", "\u{0}\u{ffff}'",
        "CREATE VIEW", "CREATE VIEW v AS", "ALTER ALGORITHM VIEW v AS SELECT 1", "CREATE VIEW v AS SELECT 1 WITH CHECK OPTION",
        "CREATE DEFINER = VIEW v", "DROP VIEW v"] {
        assert!(run(garbage).0.is_err(), "{garbage}");
    }
}

#[test]
fn views_are_tables_to_the_query_checker_and_go_invalid_with_their_table() {
    let catalog = ok("CREATE TABLE t (id int NOT NULL, name varchar(20));
        CREATE VIEW v (ident, label) AS SELECT id, name FROM t;
        CREATE VIEW w AS SELECT count(*) FROM v;");
    let view = &catalog.mysql.views["v"];
    let types: Vec<(&str, &str, bool)> = view.columns.iter().map(|c| (c.name.as_str(), c.column_type.as_str(), c.not_null)).collect();
    assert_eq!(types, [("ident", "int(11)", true), ("label", "varchar(20)", false)]);
    assert_eq!(catalog.mysql.views["w"].columns[0].name, "count(*)");
    assert!(crate::query::check_query(&catalog, "SELECT ident, label FROM v JOIN w").is_empty());
    let missing = crate::query::check_query(&catalog, "SELECT name FROM v");
    assert_eq!(missing[0].kind, crate::query::QueryErrorKind::UndefinedColumn);

    let catalog = ok("CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t; DROP TABLE t;");
    assert_eq!(catalog.mysql.views["v"].updatable, None, "the view stays, invalid");
    assert!(catalog.views[&super::key("v")].columns.is_empty());
    assert!(crate::query::check_query(&catalog, "SELECT anything FROM v").is_empty(), "an invalid view's columns are unknown");
}

#[test]
fn view_errors_use_the_engine_words() {
    assert_eq!(error("CREATE TABLE t (a int); CREATE VIEW v AS SELECT b FROM t").message, "Unknown column 'b' in 'SELECT'");
    assert_eq!(error("CREATE VIEW v AS SELECT 1 FROM nope").message, "Table 'db.nope' doesn't exist");
    assert_eq!(error("CREATE TABLE t (a int); DROP VIEW t").message, "Unknown VIEW: 'db.t'");
    assert_eq!(error("CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; DROP TABLE v").message, "'db.v' is a view");
}

//! The query checker against the real engines, query by query.
//!
//! Every file `tests/queries/<set>.sql` holds hand-written queries over the schema of the
//! corpus set `<set>`. The set's migrations are replayed (the catalog the macros see) and
//! also applied to the real engine; a set whose replay fails is reported and fails the test,
//! after the other sets were compared; then each query is prepared by the engine (Postgres
//! `Parse`, SQLite `prepare`, MariaDB `PREPARE ... FROM`) and checked by [`check_query`]:
//!
//! * a query the engine accepts must produce no diagnostic (a *false error* otherwise);
//! * a query the engine rejects for an undefined table, undefined column or ambiguous column
//!   (SQLSTATE 42P01 / 42703 / 42702; SQLite `no such table`, `no such column`,
//!   `has no column named`, `ambiguous column name`; MariaDB errors 1146 / 1051 / 1109,
//!   1054, 1052) must produce a diagnostic of that class (a *miss* when it produces none).
//!
//! A statement the engine accepts but the track's sqlparser dialect cannot parse is reported
//! by the checker as a syntax error by design (it cannot be checked); such *parser gaps* are
//! listed apart from false errors and pinned to the known ones. Queries the engine rejects for
//! any other reason make the test fail: the corpus must only hold queries that say something
//! about name resolution.

use schema_model::catalog::{Catalog, Engine};
use schema_model::query::{check_query, QueryErrorKind};
use schema_tests::corpus::{corpus_dir, CorpusSet};
use schema_tests::{mariadb, pg, pg_apply};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Misses allowed per engine: rejections the checker does not predict. The checker accepts
/// whenever the model cannot be sure (function results, unmodelled schemas), but none of the
/// corpus queries falls in such a gap, so any miss is a regression.
const MAX_MISSED_POSTGRES: usize = 0;
const MAX_MISSED_SQLITE: usize = 0;
const MAX_MISSED_MYSQL: usize = 0;

/// Statements the engine accepts that sqlparser 0.63 cannot parse, kept in the query files
/// (after a `-- parser gaps` comment) to document them: Postgres `FROM ONLY t alias` and
/// `SET array[i] = ...`; SQLite `INDEXED BY`, `NOT INDEXED`, postfix `ISNULL`/`NOTNULL` and
/// `AS MATERIALIZED`; MySQL `LOCK IN SHARE MODE` and `UPDATE a, b SET ...`.
const MAX_PARSER_GAPS_POSTGRES: usize = 2;
const MAX_PARSER_GAPS_SQLITE: usize = 4;
const MAX_PARSER_GAPS_MYSQL: usize = 2;

/// One query of a query file, with the line it starts on.
struct CorpusQuery {
    file: String,
    line: usize,
    sql: String,
}

/// What the engine said about a query.
enum Verdict {
    Accepted,
    Rejected(QueryErrorKind, String),
    /// Rejected for a reason outside name resolution (a mistake in the query file).
    Unusable(String),
}

/// Running counts of one engine's comparison.
#[derive(Default)]
struct Tally {
    accepted: usize,
    rejected: usize,
    agree: usize,
    false_errors: Vec<String>,
    parser_gaps: Vec<String>,
    missed: Vec<String>,
    wrong_class: Vec<String>,
    unusable: Vec<String>,
    replay_failures: Vec<String>,
}

impl Tally {
    fn record(&mut self, query: &CorpusQuery, verdict: Verdict, catalog: &Catalog) {
        let diagnostics = check_query(catalog, &query.sql);
        let at = format!("{}:{}", query.file, query.line);
        let ours: Vec<String> = diagnostics.iter().map(|d| format!("{:?}: {}", d.kind, d.message)).collect();
        match verdict {
            Verdict::Accepted => {
                self.accepted += 1;
                if diagnostics.is_empty() {
                    self.agree += 1;
                } else if diagnostics.iter().all(|d| d.kind == QueryErrorKind::Syntax) {
                    self.parser_gaps.push(format!("{at}: engine accepts, the parser says {ours:?}\n    {}", query.sql));
                } else {
                    self.false_errors.push(format!("{at}: engine accepts, checker says {ours:?}\n    {}", query.sql));
                }
            }
            Verdict::Rejected(kind, message) => {
                self.rejected += 1;
                if diagnostics.iter().any(|d| d.kind == kind) {
                    self.agree += 1;
                } else if diagnostics.is_empty() {
                    self.missed.push(format!("{at}: engine says `{message}`, checker accepts\n    {}", query.sql));
                } else {
                    self.wrong_class.push(format!("{at}: engine says `{message}`, checker says {ours:?}\n    {}", query.sql));
                }
            }
            Verdict::Unusable(message) => self.unusable.push(format!("{at}: {message}\n    {}", query.sql)),
        }
    }

    /// The catalog the macros would see for `set`: its migrations replayed. `None` (recorded
    /// as a failure) when the replay fails.
    fn replayed_catalog(&mut self, set: &CorpusSet) -> Option<Catalog> {
        match set.replay() {
            Ok(replayed) => Some(replayed.catalog),
            Err(e) => {
                self.replay_failures.push(format!("{}: {e}", set.name));
                None
            }
        }
    }

    fn report_and_assert(&self, engine: &str, max_missed: usize, max_parser_gaps: usize) {
        let total = self.accepted + self.rejected + self.unusable.len();
        println!(
            "{engine}: {total} queries ({} accepted, {} rejected by the engine): agree {}, false errors {}, missed {}, wrong class {}, parser gaps {}, unusable {}",
            self.accepted,
            self.rejected,
            self.agree,
            self.false_errors.len(),
            self.missed.len(),
            self.wrong_class.len(),
            self.parser_gaps.len(),
            self.unusable.len()
        );
        for (title, list) in [
            ("FALSE ERROR", &self.false_errors),
            ("MISSED", &self.missed),
            ("WRONG CLASS", &self.wrong_class),
            ("PARSER GAP", &self.parser_gaps),
            ("UNUSABLE QUERY", &self.unusable),
            ("REPLAY FAILED", &self.replay_failures),
        ] {
            for line in list {
                println!("{title} {line}");
            }
        }
        assert!(self.replay_failures.is_empty(), "{engine}: replay failed for {} sets", self.replay_failures.len());
        assert!(total > 0, "{engine}: no queries were compared");
        assert!(self.false_errors.is_empty(), "{engine}: {} false errors", self.false_errors.len());
        assert!(self.wrong_class.is_empty(), "{engine}: {} diagnostics of the wrong class", self.wrong_class.len());
        assert!(self.unusable.is_empty(), "{engine}: {} queries rejected for reasons outside name resolution", self.unusable.len());
        assert!(
            self.parser_gaps.len() <= max_parser_gaps,
            "{engine}: {} statements the parser cannot read (at most {max_parser_gaps} known)",
            self.parser_gaps.len()
        );
        assert!(self.missed.len() <= max_missed, "{engine}: {} missed rejections (at most {max_missed} expected)", self.missed.len());
    }
}

/// Compares every query file whose corpus set runs on `engine`: `load` applies a set to a
/// fresh database of the real engine and returns the function asking that database about one
/// query.
fn compare_engine<V: FnMut(&str) -> Verdict>(
    corpus: &Path,
    engine: Engine,
    max_missed: usize,
    max_parser_gaps: usize,
    mut load: impl FnMut(&CorpusSet) -> V,
) {
    let mut tally = Tally::default();
    for (set, path) in query_files(corpus, engine) {
        let Some(catalog) = tally.replayed_catalog(&set) else { continue };
        let mut verdict = load(&set);
        for query in read_queries(&path) {
            let verdict = verdict(&query.sql);
            tally.record(&query, verdict, &catalog);
        }
    }
    tally.report_and_assert(engine.name(), max_missed, max_parser_gaps);
}

/// The query files whose corpus set runs on `engine`, with the set.
fn query_files(corpus: &Path, engine: Engine) -> Vec<(CorpusSet, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let set_name = path.file_stem().and_then(|s| s.to_str()).expect("query file name").to_string();
            (CorpusSet::load(corpus, &set_name), path)
        })
        .filter(|(set, _)| set.engine == engine)
        .collect()
}

/// Splits a query file: each query ends with a line ending in `;`; comment lines before a
/// query are skipped.
fn read_queries(path: &Path) -> Vec<CorpusQuery> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = format!("tests/queries/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or_default());
    let mut queries = Vec::new();
    let mut current: Option<CorpusQuery> = None;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if current.is_none() && (trimmed.is_empty() || trimmed.starts_with("--")) {
            continue;
        }
        let query = current.get_or_insert_with(|| CorpusQuery { file: file.clone(), line: index + 1, sql: String::new() });
        if !query.sql.is_empty() {
            query.sql.push('\n');
        }
        query.sql.push_str(line);
        if trimmed.ends_with(';') {
            let mut query = current.take().expect("query in progress");
            query.sql = query.sql.trim_end().trim_end_matches(';').to_string();
            queries.push(query);
        }
    }
    assert!(current.is_none(), "{file}: the last query has no closing `;`");
    queries
}

fn postgres_verdict(client: &mut postgres::Client, sql: &str) -> Verdict {
    let error = match client.prepare(sql) {
        Ok(_) => return Verdict::Accepted,
        Err(error) => error,
    };
    let message = pg_apply::server_message(&error);
    match error.code().map(|code| code.code()) {
        Some("42P01") => Verdict::Rejected(QueryErrorKind::UndefinedTable, message),
        Some("42703") => Verdict::Rejected(QueryErrorKind::UndefinedColumn, message),
        Some("42702") => Verdict::Rejected(QueryErrorKind::AmbiguousColumn, message),
        code => Verdict::Unusable(format!("{} ({})", message, code.unwrap_or("no SQLSTATE"))),
    }
}

fn sqlite_verdict(connection: &rusqlite::Connection, sql: &str) -> Verdict {
    let message = match connection.prepare(sql) {
        Ok(_) => return Verdict::Accepted,
        Err(error) => error.to_string(),
    };
    if message.starts_with("no such table") {
        Verdict::Rejected(QueryErrorKind::UndefinedTable, message)
    } else if message.starts_with("no such column") || message.contains(" has no column named ") {
        Verdict::Rejected(QueryErrorKind::UndefinedColumn, message)
    } else if message.starts_with("ambiguous column name") {
        Verdict::Rejected(QueryErrorKind::AmbiguousColumn, message)
    } else {
        Verdict::Unusable(message)
    }
}

/// MariaDB's verdict on a query: `PREPARE` resolves the names of most clauses; the rest (the
/// ORDER BY of a DELETE) are resolved when the statement runs, so an accepted statement is
/// also executed, with every parameter NULL, inside a transaction that is rolled back. Errors
/// of the execution other than name errors (a NULL in a NOT NULL column) do not count.
fn mysql_verdict(server: &mariadb::Server, database: &str, sql: &str) -> Verdict {
    let literal = sql.replace('\\', "\\\\").replace('\'', "\\'");
    let parameters = vec!["@null"; placeholder_count(sql)].join(", ");
    let using = if parameters.is_empty() { String::new() } else { format!(" USING {parameters}") };
    let script = format!("PREPARE checked FROM '{literal}';\nSTART TRANSACTION;\nEXECUTE checked{using};\nROLLBACK;");
    let error = match server.run(Some(database), &script) {
        Ok(_) => return Verdict::Accepted,
        Err(error) => error,
    };
    let prepared = error.line > 1;
    match error.code {
        // ER_NO_SUCH_TABLE; ER_BAD_TABLE_ERROR (`t.*` without `t`); ER_UNKNOWN_TABLE (a
        // multi-table DELETE target that is not in FROM).
        1146 | 1051 | 1109 => Verdict::Rejected(QueryErrorKind::UndefinedTable, error.message),
        1054 => Verdict::Rejected(QueryErrorKind::UndefinedColumn, error.message),
        1052 => Verdict::Rejected(QueryErrorKind::AmbiguousColumn, error.message),
        _ if prepared => Verdict::Accepted,
        code => Verdict::Unusable(format!("{} (error {code})", error.message)),
    }
}

/// How many `?` parameters a MySQL statement has (those outside quotes).
fn placeholder_count(sql: &str) -> usize {
    let mut quote: Option<char> = None;
    let mut count = 0;
    for c in sql.chars() {
        match (quote, c) {
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '?') => count += 1,
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    count
}

/// A fresh in-memory SQLite database holding the set's schema, applied file by file as the
/// migration tools do (the set's session statements first, each file in a transaction
/// unless marked otherwise).
fn sqlite_database(set: &CorpusSet) -> rusqlite::Connection {
    let connection = rusqlite::Connection::open_in_memory().expect("in-memory SQLite database");
    for statement in set.set["session"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        connection.execute_batch(statement).unwrap_or_else(|e| panic!("{}: `{statement}`: {e}", set.name));
    }
    let flags = set.set["files"].as_array().expect("set.json lists files");
    for (file, entry) in set.migrations().iter().zip(flags) {
        let batch = if entry["transaction"].as_bool().unwrap_or(true) {
            format!("BEGIN;\n{}\n;COMMIT;", file.text)
        } else {
            file.text.clone()
        };
        connection.execute_batch(&batch).unwrap_or_else(|e| panic!("{}: {e}", file.name));
    }
    connection
}

#[test]
fn postgres_rejects_exactly_the_names_the_checker_rejects() {
    let Some(corpus) = corpus_dir() else { return };
    let Some(cluster) = pg::cluster() else { return };
    compare_engine(&corpus, Engine::Postgres, MAX_MISSED_POSTGRES, MAX_PARSER_GAPS_POSTGRES, |set| {
        let database = cluster.fresh_database();
        pg_apply::apply_corpus_set(&database, set).unwrap_or_else(|e| panic!("{}: {e}", set.name));
        let mut client = database.connect();
        move |sql: &str| {
            let _database = &database;
            postgres_verdict(&mut client, sql)
        }
    });
}

#[test]
fn sqlite_rejects_exactly_the_names_the_checker_rejects() {
    let Some(corpus) = corpus_dir() else { return };
    compare_engine(&corpus, Engine::Sqlite, MAX_MISSED_SQLITE, MAX_PARSER_GAPS_SQLITE, |set| {
        let connection = sqlite_database(set);
        move |sql: &str| sqlite_verdict(&connection, sql)
    });
}

#[test]
fn mysql_rejects_exactly_the_names_the_checker_rejects() {
    let Some(corpus) = corpus_dir() else { return };
    let Some(server) = mariadb::server() else { return };
    compare_engine(&corpus, Engine::Mysql, MAX_MISSED_MYSQL, MAX_PARSER_GAPS_MYSQL, |set| {
        let database = server.fresh_database("queries");
        server.apply_corpus_set(&database, set).unwrap_or_else(|e| panic!("{}: {e}", set.name));
        move |sql: &str| mysql_verdict(server, &database, sql)
    });
}

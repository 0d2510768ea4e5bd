//! Real SQLite (the library bundled by `rusqlite`) as an oracle: applying migrations to a
//! database and introspecting it into exactly the structure of the corpus `expected.json`
//! (`sqlite_master`, `pragma table_list`, `table_xinfo`, `index_list`, `index_xinfo`,
//! `foreign_key_list`, `table_info` of views).

use rusqlite::{params, Connection};
use schema_model::catalog::Engine;
use schema_model::source::{split_statements, MigrationFile};
use serde_json::{json, Value};

/// A row of `pragma table_xinfo`: cid, name, type, notnull, dflt_value, pk, hidden.
type ColumnRow = (i64, String, String, bool, Option<String>, i64, i64);
/// A row of `pragma foreign_key_list`: id, table, from, to, on_update, on_delete, match.
type ForeignKeyRow = (i64, String, String, Option<String>, String, String, String);
/// A foreign key being assembled: id, its JSON object, child columns, parent columns.
type ForeignKeyGroup = (i64, Value, Vec<String>, Vec<Option<String>>);

/// Bookkeeping tables of migration tools, left out of the introspection like the corpus does.
const BOOKKEEPING: &[&str] = &["__diesel_schema_migrations", "_sqlx_migrations"];

/// The message SQLite gave for a failed statement.
pub fn error_message(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    }
}

/// A statement that SQLite rejected while a script ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineFailure {
    /// 1-based line of the statement's first character.
    pub line: u32,
    pub message: String,
}

/// Runs `file` on `conn` statement by statement (split like the replay splits it), stopping
/// at the first statement SQLite rejects.
pub fn run_statements(conn: &Connection, file: &MigrationFile) -> Result<(), EngineFailure> {
    let statements =
        split_statements(Engine::Sqlite, &file.name, &file.text).map_err(|e| EngineFailure {
            line: e.location.line,
            message: e.message,
        })?;
    for statement in statements {
        conn.execute_batch(&statement.text)
            .map_err(|e| EngineFailure {
                line: statement.location.line,
                message: error_message(&e),
            })?;
    }
    Ok(())
}

/// Applies migration files the way the corpus was built: each file in its own connection to
/// the database at `path`, after the `session` statements, inside one transaction when
/// `transaction` is set.
pub fn apply_files(
    path: &std::path::Path,
    session: &[String],
    files: &[(MigrationFile, bool)],
) -> Result<(), String> {
    for (file, transaction) in files {
        let conn = Connection::open(path).map_err(|e| e.to_string())?;
        for statement in session {
            conn.execute_batch(statement)
                .map_err(|e| format!("session `{statement}`: {e}"))?;
        }
        let text = if *transaction {
            format!("BEGIN;\n{}\n;COMMIT;", file.text)
        } else {
            file.text.clone()
        };
        conn.execute_batch(&text)
            .map_err(|e| format!("{}: {}", file.name, error_message(&e)))?;
    }
    Ok(())
}

/// The database's schema in the structure of the corpus `expected.json`.
pub fn introspect(conn: &Connection) -> rusqlite::Result<Value> {
    let mut tables = Vec::new();
    for (name, sql) in master(conn, "table")? {
        if name.starts_with("sqlite_") || BOOKKEEPING.contains(&name.as_str()) {
            continue;
        }
        tables.push(table(conn, &name, sql)?);
    }
    let mut views = Vec::new();
    for (name, sql) in master(conn, "view")? {
        let mut stmt = conn.prepare("SELECT name, type FROM pragma_table_info(?1)")?;
        let columns: Vec<Value> = stmt
            .query_map(params![name], |r| {
                Ok(json!({ "name": r.get::<_, String>(0)?, "type": r.get::<_, String>(1)? }))
            })?
            .collect::<rusqlite::Result<_>>()?;
        views.push(json!({ "name": name, "sql": sql, "columns": columns }));
    }
    Ok(json!({ "engine": "sqlite", "tables": tables, "views": views }))
}

/// `(name, sql)` of every `sqlite_master` row of `kind`, by name.
fn master(conn: &Connection, kind: &str) -> rusqlite::Result<Vec<(String, Option<String>)>> {
    let mut stmt =
        conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = ?1 ORDER BY name")?;
    let rows = stmt.query_map(params![kind], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

fn table(conn: &Connection, name: &str, sql: Option<String>) -> rusqlite::Result<Value> {
    let (without_rowid, strict): (bool, bool) = conn.query_row(
        "SELECT wr, strict FROM pragma_table_list WHERE schema = 'main' AND name = ?1",
        params![name],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = conn.prepare(
        "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1)",
    )?;
    let columns: Vec<ColumnRow> = stmt
        .query_map(params![name], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut primary_key: Vec<(i64, String)> = columns
        .iter()
        .filter(|c| c.5 > 0)
        .map(|c| (c.5, c.1.clone()))
        .collect();
    primary_key.sort();
    let columns: Vec<Value> = columns
        .into_iter()
        .map(|(cid, name, ty, not_null, default, pk, hidden)| {
            json!({ "cid": cid, "name": name, "type": ty, "not_null": not_null, "default": default, "pk": pk, "hidden": hidden })
        })
        .collect();
    let virtual_table = sql
        .as_deref()
        .is_some_and(|s| s.to_ascii_uppercase().starts_with("CREATE VIRTUAL"));
    Ok(json!({
        "name": name,
        "sql": sql,
        "virtual": virtual_table,
        "without_rowid": without_rowid,
        "strict": strict,
        "columns": columns,
        "primary_key": primary_key.into_iter().map(|(_, n)| n).collect::<Vec<_>>(),
        "indexes": indexes(conn, name)?,
        "foreign_keys": foreign_keys(conn, name)?,
        "triggers": triggers(conn, name)?,
    }))
}

fn indexes(conn: &Connection, table: &str) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = conn.prepare(
        "SELECT il.name, il.\"unique\", il.origin, il.partial, m.sql FROM pragma_index_list(?1) il \
         LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = il.name ORDER BY il.name",
    )?;
    let list: Vec<(String, bool, String, bool, Option<String>)> = stmt
        .query_map(params![table], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (name, unique, origin, partial, sql) in list {
        let mut stmt = conn.prepare("SELECT seqno, cid, name, \"desc\", coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno")?;
        let columns: Vec<Value> = stmt
            .query_map(params![name], |r| {
                Ok(json!({
                    "seqno": r.get::<_, i64>(0)?,
                    "cid": r.get::<_, i64>(1)?,
                    "name": r.get::<_, Option<String>>(2)?,
                    "desc": r.get::<_, bool>(3)?,
                    "collation": r.get::<_, Option<String>>(4)?,
                }))
            })?
            .collect::<rusqlite::Result<_>>()?;
        out.push(json!({ "name": name, "unique": unique, "origin": origin, "partial": partial, "sql": sql, "columns": columns }));
    }
    Ok(out)
}

fn foreign_keys(conn: &Connection, table: &str) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = conn.prepare(
        "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
    )?;
    let rows: Vec<ForeignKeyRow> = stmt
        .query_map(params![table], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out: Vec<Value> = Vec::new();
    let mut current: Option<ForeignKeyGroup> = None;
    let finish = |out: &mut Vec<Value>, group: Option<ForeignKeyGroup>| {
        if let Some((_, mut fk, columns, refs)) = group {
            fk["columns"] = json!(columns);
            fk["ref_columns"] = if refs.iter().all(Option::is_none) {
                Value::Null
            } else {
                json!(refs)
            };
            out.push(fk);
        }
    };
    for (id, ref_table, from, to, on_update, on_delete, matching) in rows {
        if current.as_ref().is_none_or(|c| c.0 != id) {
            finish(&mut out, current.take());
            let fk = json!({ "id": id, "ref_table": ref_table, "on_update": on_update, "on_delete": on_delete, "match": matching });
            current = Some((id, fk, Vec::new(), Vec::new()));
        }
        if let Some(group) = current.as_mut() {
            group.2.push(from);
            group.3.push(to);
        }
    }
    finish(&mut out, current);
    Ok(out)
}

fn triggers(conn: &Connection, table: &str) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 ORDER BY name")?;
    let rows = stmt.query_map(params![table], |r| {
        Ok(json!({ "name": r.get::<_, String>(0)?, "sql": r.get::<_, Option<String>>(1)? }))
    })?;
    rows.collect()
}

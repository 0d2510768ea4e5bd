//! Reading a MariaDB database's catalog from information_schema into the JSON structure of the
//! corpus's `expected.json` for MySQL sets (see the corpus README): the same keys, the values
//! exactly as information_schema spells them, arrays in the order of the queries' `ORDER BY`
//! (names in information_schema's `utf8mb3_general_ci` order).
//!
//! Every query returns one `JSON_ARRAY(...)` per row, so SQL `NULL` and the text `'NULL'` stay
//! distinct.

use crate::mariadb::Server;
use serde_json::{json, Map, Value};

/// The catalog of `database` on `server`.
pub fn introspect(server: &Server, database: &str) -> Value {
    let db = database.replace('\'', "''");
    let rows = |sql: String| -> Vec<Vec<Value>> {
        let out = server.run(Some(database), &format!("SET SESSION group_concat_max_len = 1073741824; {sql}"))
            .unwrap_or_else(|e| panic!("introspection query failed: {}\n{sql}", e.message));
        out.lines()
            .filter(|l| !l.is_empty())
            .map(|l| match serde_json::from_str::<Value>(l) {
                Ok(Value::Array(items)) => items,
                other => panic!("introspection row is not a JSON array: {l} ({other:?})"),
            })
            .collect()
    };
    let schema = rows(format!(
        "SELECT JSON_ARRAY(DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME, VERSION()) \
         FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{db}'"
    ));
    let [charset, collation, version] = <[Value; 3]>::try_from(schema[0].clone()).expect("three schema values");
    let mut tables: Vec<(String, Map<String, Value>)> = rows(format!(
        "SELECT JSON_ARRAY(TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT) FROM information_schema.TABLES \
         WHERE TABLE_SCHEMA = '{db}' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"
    ))
    .into_iter()
    .map(|r| {
        let name = r[0].as_str().unwrap_or_default().to_string();
        let mut table = Map::new();
        for (key, value) in [("name", r[0].clone()), ("engine", r[1].clone()), ("collation", r[2].clone()), ("comment", r[3].clone())] {
            table.insert(key.into(), value);
        }
        for key in ["columns", "primary_key", "unique_constraints", "foreign_keys", "check_constraints", "indexes", "triggers"] {
            table.insert(key.into(), json!([]));
        }
        (name, table)
    })
    .collect();
    for r in rows(format!(
        "SELECT JSON_ARRAY(TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE = 'NO', COLUMN_DEFAULT, EXTRA, \
         CHARACTER_SET_NAME, COLLATION_NAME, GENERATION_EXPRESSION, COLUMN_COMMENT) FROM information_schema.COLUMNS \
         WHERE TABLE_SCHEMA = '{db}' ORDER BY TABLE_NAME, ORDINAL_POSITION"
    )) {
        push(&mut tables, text(&r[0]), "columns", json!({
            "name": r[1], "data_type": r[2], "column_type": r[3], "not_null": flag(&r[4]),
            "default": r[5], "extra": r[6], "charset": r[7], "collation": r[8],
            "generation_expression": r[9], "comment": r[10],
        }));
    }
    let mut constraints: Vec<Constraint> = Vec::new();
    for r in rows(format!(
        "SELECT JSON_ARRAY(tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, \
         k.REFERENCED_COLUMN_NAME) FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.KEY_COLUMN_USAGE k \
         ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME \
         AND (tc.CONSTRAINT_TYPE = 'FOREIGN KEY') = (k.REFERENCED_TABLE_NAME IS NOT NULL) \
         WHERE tc.TABLE_SCHEMA = '{db}' ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION"
    )) {
        let (table, name, kind) = (text(&r[0]).to_string(), text(&r[1]).to_string(), text(&r[2]).to_string());
        match constraints.last_mut() {
            Some(last) if last.table == table && last.name == name && last.kind == kind => {
                last.columns.push(r[3].clone());
                last.ref_columns.push(r[5].clone());
            }
            _ => constraints.push(Constraint { table, name, kind, columns: vec![r[3].clone()], ref_columns: vec![r[5].clone()] }),
        }
    }
    let rules: Vec<Vec<Value>> = rows(format!(
        "SELECT JSON_ARRAY(TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME) \
         FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '{db}'"
    ));
    for Constraint { table, name, kind, columns, ref_columns } in constraints {
        match kind.as_str() {
            "PRIMARY KEY" => {
                if let Some((_, t)) = tables.iter_mut().find(|(n, _)| *n == table) {
                    t.insert("primary_key".into(), Value::Array(columns));
                }
            }
            "UNIQUE" => push(&mut tables, &table, "unique_constraints", json!({ "name": name, "columns": columns })),
            "FOREIGN KEY" => {
                let rule = rules.iter().find(|r| text(&r[0]) == table && text(&r[1]) == name).cloned().unwrap_or_default();
                push(&mut tables, &table, "foreign_keys", json!({
                    "name": name, "columns": columns, "ref_table": rule.get(4), "ref_columns": ref_columns,
                    "on_update": rule.get(2), "on_delete": rule.get(3),
                }));
            }
            _ => {}
        }
    }
    for r in rows(format!(
        "SELECT JSON_ARRAY(TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE) FROM information_schema.CHECK_CONSTRAINTS \
         WHERE CONSTRAINT_SCHEMA = '{db}' ORDER BY TABLE_NAME, CONSTRAINT_NAME"
    )) {
        push(&mut tables, text(&r[0]), "check_constraints", json!({ "name": r[1], "clause": r[2] }));
    }
    let mut indexes: Vec<(String, String, Value)> = Vec::new();
    for r in rows(format!(
        "SELECT JSON_ARRAY(TABLE_NAME, INDEX_NAME, NON_UNIQUE = 0, INDEX_TYPE, COLUMN_NAME, SUB_PART, COLLATION) \
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '{db}' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"
    )) {
        let column = json!({ "name": r[4], "sub_part": r[5], "order": r[6] });
        match indexes.last_mut() {
            Some((table, name, index)) if table == text(&r[0]) && name == text(&r[1]) => {
                index["columns"].as_array_mut().expect("array").push(column);
            }
            _ => indexes.push((text(&r[0]).into(), text(&r[1]).into(), json!({
                "name": r[1], "unique": flag(&r[2]), "type": r[3], "columns": [column],
            }))),
        }
    }
    for (table, _, index) in indexes {
        push(&mut tables, &table, "indexes", index);
    }
    for r in rows(format!(
        "SELECT JSON_ARRAY(EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT) \
         FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '{db}' ORDER BY EVENT_OBJECT_TABLE, TRIGGER_NAME"
    )) {
        push(&mut tables, text(&r[0]), "triggers", json!({ "name": r[1], "timing": r[2], "event": r[3], "statement": r[4] }));
    }
    let mut views: Vec<(String, Map<String, Value>)> = rows(format!(
        "SELECT JSON_ARRAY(TABLE_NAME, ALGORITHM, SECURITY_TYPE, CHECK_OPTION, IS_UPDATABLE, CHARACTER_SET_CLIENT, \
         COLLATION_CONNECTION) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '{db}' ORDER BY TABLE_NAME"
    ))
    .into_iter()
    .map(|r| {
        let keys = ["name", "algorithm", "security_type", "check_option", "is_updatable", "character_set_client", "collation_connection"];
        let mut view: Map<String, Value> = keys.iter().zip(&r).map(|(k, v)| (k.to_string(), v.clone())).collect();
        view.insert("columns".into(), json!([]));
        (text(&r[0]).to_string(), view)
    })
    .collect();
    // COLUMNS lists a view's columns only while every table and column it reads exists.
    for r in rows(format!(
        "SELECT JSON_ARRAY(c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE, c.IS_NULLABLE = 'NO', c.COLUMN_DEFAULT, \
         c.CHARACTER_SET_NAME, c.COLLATION_NAME) FROM information_schema.COLUMNS c JOIN information_schema.VIEWS v \
         ON v.TABLE_SCHEMA = c.TABLE_SCHEMA AND v.TABLE_NAME = c.TABLE_NAME \
         WHERE c.TABLE_SCHEMA = '{db}' ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION"
    )) {
        push(&mut views, text(&r[0]), "columns", json!({
            "name": r[1], "data_type": r[2], "column_type": r[3], "not_null": flag(&r[4]),
            "default": r[5], "charset": r[6], "collation": r[7],
        }));
    }
    json!({
        "engine": "mysql",
        "server_version": version,
        "schema_charset": charset,
        "schema_collation": collation,
        "tables": tables.into_iter().map(|(_, t)| Value::Object(t)).collect::<Vec<_>>(),
        "views": views.into_iter().map(|(_, v)| Value::Object(v)).collect::<Vec<_>>(),
    })
}

/// A constraint with its key columns, gathered from TABLE_CONSTRAINTS and KEY_COLUMN_USAGE.
struct Constraint {
    table: String,
    name: String,
    kind: String,
    columns: Vec<Value>,
    ref_columns: Vec<Value>,
}

/// Appends `value` to the array `key` of table `table`.
fn push(tables: &mut [(String, Map<String, Value>)], table: &str, key: &str, value: Value) {
    if let Some((_, t)) = tables.iter_mut().find(|(n, _)| n == table) {
        t[key].as_array_mut().expect("array").push(value);
    }
}

/// A boolean SQL expression as `JSON_ARRAY` gives it back (`true` or `1`).
fn flag(value: &Value) -> bool {
    value.as_bool().unwrap_or(false) || value.as_i64() == Some(1)
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

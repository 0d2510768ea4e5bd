//! The catalog in the JSON structure of the SQLite introspection used for the corpus
//! (`expected.json`): tables sorted by name with `sqlite_master.sql`, `pragma table_xinfo`
//! columns, the primary key by position, `pragma index_list` + `index_xinfo` key columns,
//! `pragma foreign_key_list` grouped by id, triggers; views with their output columns.

use crate::catalog::{Catalog, Index, Table, View};
use serde_json::{json, Value};

/// Renders `catalog` as the SQLite introspection would.
pub fn render(catalog: &Catalog) -> Value {
    let mut tables: Vec<&Table> = catalog.tables.values().collect();
    tables.sort_by(|a, b| a.name.name.cmp(&b.name.name));
    let mut views: Vec<&View> = catalog.views.values().collect();
    views.sort_by(|a, b| a.name.name.cmp(&b.name.name));
    json!({
        "engine": catalog.engine.name(),
        "tables": tables.into_iter().map(table).collect::<Vec<_>>(),
        "views": views.into_iter().map(view).collect::<Vec<_>>(),
    })
}

fn table(table: &Table) -> Value {
    let columns: Vec<Value> = table
        .columns
        .iter()
        .enumerate()
        .map(|(cid, c)| {
            json!({
                "cid": cid,
                "name": c.name,
                "type": c.ty.engine,
                "not_null": c.not_null,
                "default": c.default,
                "pk": c.sqlite.pk,
                "hidden": c.sqlite.hidden,
            })
        })
        .collect();
    let mut primary_key: Vec<(u32, &str)> = table
        .columns
        .iter()
        .filter(|c| c.sqlite.pk > 0)
        .map(|c| (c.sqlite.pk, c.name.as_str()))
        .collect();
    primary_key.sort();
    let mut indexes: Vec<&Index> = table.indexes.iter().collect();
    indexes.sort_by(|a, b| a.name.cmp(&b.name));
    let foreign_keys: Vec<Value> = table
        .foreign_keys
        .iter()
        .enumerate()
        .map(|(id, fk)| {
            json!({
                "id": id,
                "ref_table": fk.ref_table.name,
                "columns": fk.columns,
                "ref_columns": if fk.ref_columns.is_empty() { Value::Null } else { json!(fk.ref_columns) },
                "on_update": fk.on_update.sql(),
                "on_delete": fk.on_delete.sql(),
                "match": fk.match_type,
            })
        })
        .collect();
    let mut triggers: Vec<Value> = table
        .triggers
        .iter()
        .map(|t| json!({ "name": t.name, "sql": t.definition }))
        .collect();
    triggers.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    json!({
        "name": table.name.name,
        "sql": table.sqlite.sql,
        "virtual": table.sqlite.virtual_table,
        "without_rowid": table.sqlite.without_rowid,
        "strict": table.sqlite.strict,
        "columns": columns,
        "primary_key": primary_key.into_iter().map(|(_, n)| n).collect::<Vec<_>>(),
        "indexes": indexes.into_iter().map(|i| index(table, i)).collect::<Vec<_>>(),
        "foreign_keys": foreign_keys,
        "triggers": triggers,
    })
}

fn index(table: &Table, index: &Index) -> Value {
    let columns: Vec<Value> = index
        .keys
        .iter()
        .enumerate()
        .map(|(seqno, key)| {
            let cid = key
                .column
                .as_ref()
                .and_then(|name| table.columns.iter().position(|c| &c.name == name))
                .map_or(-2, |p| p as i64);
            json!({
                "seqno": seqno,
                "cid": cid,
                "name": if cid >= 0 { json!(key.column) } else { Value::Null },
                "desc": key.descending,
                "collation": key.collation.as_deref().unwrap_or("BINARY"),
            })
        })
        .collect();
    json!({
        "name": index.name,
        "unique": index.unique,
        "origin": index.origin.as_deref().unwrap_or("c"),
        "partial": index.predicate.is_some(),
        "sql": index.definition,
        "columns": columns,
    })
}

fn view(view: &View) -> Value {
    json!({
        "name": view.name.name,
        "sql": view.definition,
        "columns": view.columns.iter().map(|c| json!({ "name": c.name, "type": c.ty })).collect::<Vec<_>>(),
    })
}

//! The catalog in the JSON structure of the MariaDB introspection used for the corpus
//! (`expected.json`), so a replay can be compared with the real engine key by key.
//!
//! Values are information_schema's: `COLUMN_TYPE`, `DATA_TYPE`, `COLUMN_DEFAULT`, `EXTRA`,
//! charset and collation per column, constraints and indexes by name. Arrays are in the order
//! the introspection's `ORDER BY` gives them: names compare as information_schema's
//! `utf8mb3_general_ci` collation does (case-insensitively), columns by position.
//! `server_version` is a fact about a server, not about migrations, and is not rendered.

use crate::catalog::mysql_extras::MysqlView;
use crate::catalog::{Catalog, Index, Table};
use serde_json::{json, Value};

/// Renders `catalog` as the MariaDB introspection would.
pub fn render(catalog: &Catalog) -> Value {
    let mut tables: Vec<&Table> = catalog.tables.values().collect();
    tables.sort_by_key(|t| general_ci(&t.name.name));
    json!({
        "engine": catalog.engine.name(),
        "schema_charset": catalog.mysql.charset,
        "schema_collation": catalog.mysql.collation,
        "tables": tables.into_iter().map(table).collect::<Vec<_>>(),
        "views": views(catalog),
    })
}

/// Views sorted by name, with information_schema.VIEWS' options and COLUMNS' output columns
/// (none while a view reads a missing table or column). The server's reprint of the query
/// (`VIEW_DEFINITION`) is not rendered.
fn views(catalog: &Catalog) -> Vec<Value> {
    let mut views: Vec<(&String, &MysqlView)> = catalog.mysql.views.iter().collect();
    views.sort_by_key(|(name, _)| general_ci(name));
    views
        .into_iter()
        .map(|(name, view)| json!({
            "name": name,
            "algorithm": view.algorithm,
            "security_type": view.security,
            "check_option": view.check_option,
            "is_updatable": match view.updatable { Some(true) => "YES", Some(false) => "NO", None => "" },
            "character_set_client": view.client_charset,
            "collation_connection": view.connection_collation,
            "columns": view.columns.iter().map(|c| json!({
                "name": c.name,
                "data_type": c.data_type,
                "column_type": c.column_type,
                "not_null": c.not_null,
                "default": c.default,
                "charset": c.charset,
                "collation": c.collation,
            })).collect::<Vec<_>>(),
        }))
        .collect()
}

/// The sort key of a name under `utf8mb3_general_ci`: case-folded, trailing spaces ignored.
fn general_ci(name: &str) -> String {
    name.trim_end_matches(' ').to_uppercase()
}

fn sorted<T>(items: &[T], name: impl Fn(&T) -> &str) -> Vec<&T> {
    let mut out: Vec<&T> = items.iter().collect();
    out.sort_by_key(|item| general_ci(name(item)));
    out
}

fn table(table: &Table) -> Value {
    json!({
        "name": table.name.name,
        "engine": table.mysql.engine,
        "collation": table.mysql.collation,
        "comment": table.comment.clone().unwrap_or_default(),
        "columns": table.columns.iter().map(|c| json!({
            "name": c.name,
            "data_type": c.mysql.data_type,
            "column_type": c.ty.engine,
            "not_null": c.not_null,
            "default": c.default,
            "extra": c.mysql.extra,
            "charset": c.mysql.charset,
            "collation": c.mysql.collation,
            "generation_expression": c.generated,
            "comment": c.comment.clone().unwrap_or_default(),
        })).collect::<Vec<_>>(),
        "primary_key": table.primary_key.as_ref().map(|pk| pk.columns.clone()).unwrap_or_default(),
        "unique_constraints": sorted(&table.uniques, |u| &u.name).into_iter().map(|u| json!({
            "name": u.name,
            "columns": u.columns,
        })).collect::<Vec<_>>(),
        "foreign_keys": sorted(&table.foreign_keys, |f| &f.name).into_iter().map(|fk| json!({
            "name": fk.name,
            "columns": fk.columns,
            "ref_table": fk.ref_table.name,
            "ref_columns": fk.ref_columns,
            "on_delete": fk.on_delete.sql(),
            "on_update": fk.on_update.sql(),
        })).collect::<Vec<_>>(),
        "check_constraints": sorted(&table.checks, |c| &c.name).into_iter().map(|c| json!({
            "name": c.name,
            "clause": c.definition,
        })).collect::<Vec<_>>(),
        "indexes": sorted(&table.indexes, |i| &i.name).into_iter().map(index).collect::<Vec<_>>(),
        "triggers": [],
    })
}

fn index(index: &Index) -> Value {
    let fulltext = index.method == "FULLTEXT";
    json!({
        "name": index.name,
        "unique": index.unique,
        "type": index.method,
        "columns": index.keys.iter().map(|k| json!({
            "name": k.column,
            "sub_part": k.sub_part,
            "order": if fulltext { None } else if k.descending { Some("D") } else { Some("A") },
        })).collect::<Vec<_>>(),
    })
}

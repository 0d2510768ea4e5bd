//! The catalog in the JSON structure of the Postgres introspection used for the corpus
//! (`expected.json`): `pg_catalog` facts with types from `format_type`, defaults from
//! `pg_get_expr`, definitions from `pg_get_constraintdef` / `pg_get_indexdef`. Arrays of
//! named objects are sorted by name (schema first), columns keep their order.

use crate::catalog::{
    Catalog, Column, ForeignKey, Index, ObjectName, Sequence, Table, TableKind, Trigger, View,
};
use serde_json::{json, Value};

/// Renders `catalog` as the Postgres introspection would.
pub fn render(catalog: &Catalog) -> Value {
    let mut schemas: Vec<&str> = std::iter::once("public")
        .chain(catalog.schemas.iter().map(String::as_str))
        .collect();
    schemas.sort_unstable();
    schemas.dedup();
    let mut extensions: Vec<Value> = catalog
        .extensions
        .iter()
        .map(|e| json!({ "name": e.name, "schema": e.schema }))
        .collect();
    extensions.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    let mut functions: Vec<&crate::catalog::Function> = catalog.functions.iter().collect();
    functions.sort_by(|a, b| (&a.name, &a.arguments).cmp(&(&b.name, &b.arguments)));
    json!({
        "engine": "postgresql",
        "schemas": schemas,
        "extensions": extensions,
        "tables": catalog.tables.values().map(table).collect::<Vec<_>>(),
        "views": catalog.views.values().map(view).collect::<Vec<_>>(),
        "sequences": catalog.sequences.values().map(sequence).collect::<Vec<_>>(),
        "enums": catalog.enums.values().map(|e| json!({
            "schema": e.name.schema, "name": e.name.name, "labels": e.labels,
        })).collect::<Vec<_>>(),
        "domains": catalog.domains.values().map(|d| json!({
            "schema": d.name.schema,
            "name": d.name.name,
            "base_type": d.base_type,
            "not_null": d.not_null,
            "default": d.default,
            "checks": d.checks.iter().map(|c| json!({ "name": c.name, "definition": c.definition })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "composite_types": catalog.composite_types.values().map(|c| json!({
            "schema": c.name.schema,
            "name": c.name.name,
            "attributes": c.attributes.iter().map(|a| json!({ "name": a.name, "type": a.ty })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "functions": functions.iter().map(|f| json!({
            "schema": f.name.schema,
            "name": f.name.name,
            "kind": f.kind,
            "arguments": f.arguments,
            "result": f.result,
            "language": f.language,
        })).collect::<Vec<_>>(),
    })
}

fn table(t: &Table) -> Value {
    json!({
        "schema": t.name.schema,
        "name": t.name.name,
        "kind": match t.kind { TableKind::Table => "table", TableKind::PartitionedTable => "partitioned table" },
        "comment": t.comment,
        "columns": t.columns.iter().map(column).collect::<Vec<_>>(),
        "primary_key": t.primary_key.as_ref().map(|pk| json!({ "name": pk.name, "columns": pk.columns })),
        "unique_constraints": sorted_by_name(t.uniques.iter().map(|u| json!({
            "name": u.name,
            "columns": u.columns,
            "definition": u.definition,
            "deferrable": u.deferral.deferrable,
            "initially_deferred": u.deferral.initially_deferred,
        }))),
        "foreign_keys": sorted_by_name(t.foreign_keys.iter().map(foreign_key)),
        "check_constraints": sorted_by_name(t.checks.iter().map(|c| json!({
            "name": c.name,
            "definition": c.definition,
            "validated": c.validated,
            "no_inherit": c.no_inherit,
        }))),
        "exclusion_constraints": sorted_by_name(t.exclusions.iter().map(|x| json!({
            "name": x.name,
            "definition": x.definition,
        }))),
        "indexes": sorted_by_name(t.indexes.iter().map(index)),
        "triggers": sorted_by_name(t.triggers.iter().map(trigger)),
    })
}

fn column(c: &Column) -> Value {
    json!({
        "name": c.name,
        "type": c.ty.engine,
        "not_null": c.not_null,
        "default": if c.generated.is_some() { None } else { c.default.clone() },
        "identity": c.identity,
        "generated": c.generated,
        "collation": c.collation,
        "comment": c.comment,
    })
}

fn foreign_key(fk: &ForeignKey) -> Value {
    json!({
        "name": fk.name,
        "columns": fk.columns,
        "ref_schema": fk.ref_table.schema,
        "ref_table": fk.ref_table.name,
        "ref_columns": fk.ref_columns,
        "on_delete": fk.on_delete,
        "on_update": fk.on_update,
        "match": fk.match_type,
        "deferrable": fk.deferral.deferrable,
        "initially_deferred": fk.deferral.initially_deferred,
        "validated": fk.validated,
        "definition": fk.definition,
    })
}

fn index(i: &Index) -> Value {
    json!({
        "name": i.name,
        "definition": i.definition,
        "unique": i.unique,
        "primary": i.primary,
        "valid": i.valid,
        "constraint": i.constraint,
    })
}

fn trigger(t: &Trigger) -> Value {
    json!({ "name": t.name, "definition": t.definition, "enabled": t.enabled })
}

fn view(v: &View) -> Value {
    json!({
        "schema": v.name.schema,
        "name": v.name.name,
        "materialized": v.materialized,
        "columns": v.columns.iter().map(|c| json!({ "name": c.name, "type": c.ty })).collect::<Vec<_>>(),
        "definition": v.definition,
        "indexes": sorted_by_name(v.indexes.iter().map(|i| json!({
            "name": i.name,
            "definition": i.definition,
            "unique": i.unique,
        }))),
        "triggers": Vec::<Value>::new(),
    })
}

fn sequence(s: &Sequence) -> Value {
    let owner = |table: &ObjectName, column: &str, identity: bool| {
        json!({ "schema": table.schema, "table": table.name, "column": column, "identity": identity })
    };
    json!({
        "schema": s.name.schema,
        "name": s.name.name,
        "data_type": s.data_type,
        "start": s.start,
        "increment": s.increment,
        "min": s.min,
        "max": s.max,
        "cache": s.cache,
        "cycle": s.cycle,
        "owned_by": s.owned_by.as_ref().map(|o| owner(&o.table, &o.column, o.identity)),
    })
}

fn sorted_by_name(items: impl Iterator<Item = Value>) -> Vec<Value> {
    let mut items: Vec<Value> = items.collect();
    items.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    items
}

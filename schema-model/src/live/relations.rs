//! Tables, views, materialized views and composite types, with their columns: one query for
//! the relations and one for every column of all of them.

use super::query::{get, live_location, live_provenance, not_extension_owned, rows, LiveError, BOOKKEEPING_TABLES, USER_SCHEMA};
use crate::catalog::{
    Column, ColumnType, CompositeAttribute, CompositeType, Identity, LogicalType, ObjectName, Table,
    TableKind, View, ViewColumn,
};
use postgres::GenericClient;
use std::collections::HashMap;

/// Every user relation, keyed by its oid so constraints and indexes can be attached.
#[derive(Default)]
pub(super) struct Relations {
    pub tables: HashMap<u32, Table>,
    pub views: HashMap<u32, View>,
    pub composite_types: HashMap<u32, CompositeType>,
}

/// Reads the relations and their columns.
pub(super) fn read(client: &mut impl GenericClient) -> Result<Relations, LiveError> {
    let mut relations = Relations::default();
    let sql = format!(
        "SELECT c.oid, n.nspname::text, c.relname::text, c.relkind::text, \
                pg_catalog.obj_description(c.oid, 'pg_class'), \
                CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END \
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE c.relkind IN ('r', 'p', 'v', 'm', 'c') AND {USER_SCHEMA} \
           AND NOT (c.relkind IN ('r', 'p') AND c.relname IN {BOOKKEEPING_TABLES}) \
           AND {} AND {}",
        not_extension_owned("pg_catalog.pg_class", "c.oid"),
        not_extension_owned("pg_catalog.pg_type", "c.reltype"),
    );
    const WHAT: &str = "relations";
    for row in rows(client, WHAT, &sql)? {
        let oid: u32 = get(&row, 0, WHAT)?;
        let name = ObjectName::new(get::<String>(&row, 1, WHAT)?, get::<String>(&row, 2, WHAT)?);
        let kind: String = get(&row, 3, WHAT)?;
        let comment: Option<String> = get(&row, 4, WHAT)?;
        let definition: Option<String> = get(&row, 5, WHAT)?;
        match kind.as_str() {
            "r" | "p" => {
                let mut table = Table::new(name, &live_location());
                table.kind = if kind == "p" { TableKind::PartitionedTable } else { TableKind::Table };
                table.comment = comment;
                relations.tables.insert(oid, table);
            }
            "v" | "m" => {
                let view = View {
                    name,
                    materialized: kind == "m",
                    columns: Vec::new(),
                    query: definition.clone().unwrap_or_default(),
                    definition,
                    indexes: Vec::new(),
                    provenance: live_provenance(),
                };
                relations.views.insert(oid, view);
            }
            _ => {
                let composite = CompositeType { name, attributes: Vec::new(), provenance: live_provenance() };
                relations.composite_types.insert(oid, composite);
            }
        }
    }
    read_columns(client, &mut relations)?;
    Ok(relations)
}

/// Reads every column of every user relation, in `attnum` order, into its relation.
fn read_columns(client: &mut impl GenericClient, relations: &mut Relations) -> Result<(), LiveError> {
    let sql = format!(
        "SELECT a.attrelid, a.attname::text, pg_catalog.format_type(a.atttypid, a.atttypmod), \
                a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), \
                a.attidentity::text, a.attgenerated::text, \
                CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END, \
                pg_catalog.col_description(a.attrelid, a.attnum) \
         FROM pg_catalog.pg_attribute a \
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         JOIN pg_catalog.pg_type t ON t.oid = a.atttypid \
         LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum \
         LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation \
         WHERE a.attnum > 0 AND NOT a.attisdropped \
           AND c.relkind IN ('r', 'p', 'v', 'm', 'c') AND {USER_SCHEMA} \
         ORDER BY a.attrelid, a.attnum"
    );
    const WHAT: &str = "columns";
    for row in rows(client, WHAT, &sql)? {
        let relation: u32 = get(&row, 0, WHAT)?;
        let name: String = get(&row, 1, WHAT)?;
        let ty: String = get(&row, 2, WHAT)?;
        if let Some(table) = relations.tables.get_mut(&relation) {
            let expression: Option<String> = get(&row, 4, WHAT)?;
            let identity: String = get(&row, 5, WHAT)?;
            let generated: String = get(&row, 6, WHAT)?;
            // The meaning needs the catalog's enums and domains: `introspect` fills it in.
            let logical = LogicalType::Other { name: ty.clone() };
            let mut column = Column::new(name, ColumnType { engine: ty, logical, enforced: true }, &live_location());
            column.not_null = get(&row, 3, WHAT)?;
            column.identity = match identity.as_str() {
                "a" => Some(Identity::Always),
                "d" => Some(Identity::ByDefault),
                _ => None,
            };
            if generated.is_empty() {
                column.default = expression;
            } else {
                column.generated = expression;
            }
            column.collation = get(&row, 7, WHAT)?;
            column.comment = get(&row, 8, WHAT)?;
            table.columns.push(column);
        } else if let Some(view) = relations.views.get_mut(&relation) {
            view.columns.push(ViewColumn { name, ty });
        } else if let Some(composite) = relations.composite_types.get_mut(&relation) {
            composite.attributes.push(CompositeAttribute { name, ty });
        }
    }
    Ok(())
}

//! Declarative partitioning. `CREATE TABLE ... PARTITION BY` makes a partitioned table,
//! whose indexes `pg_get_indexdef` prints `ON ONLY`. `CREATE TABLE ... PARTITION OF` makes
//! a partition holding what Postgres gives it from the parent: the columns (with NOT NULL,
//! defaults and collations), the checks (same names), the primary key, uniques and foreign
//! keys, and every index (the partition's own index names chosen as Postgres chooses them).
//! The partition is built by replaying that shape as SQL, so it goes through the same
//! analysis as any table.
//!
//! Through the parent, Postgres changes every partition too: columns added, dropped,
//! renamed or altered and indexes created are applied to each partition here. The columns
//! of a partition belong to its parent and cannot be dropped, renamed or retyped on the
//! partition alone. Other changes to a partitioned table that has partitions (constraints,
//! ATTACH / DETACH) are reported as not modelled rather than applied to the parent alone.

use super::dispatch::replay_derived;
use super::names::quote_ident;
use super::state::{PgState, Relation, Stmt};
use crate::catalog::{ObjectName, TableKind};
use crate::error::{ReplayError, ReplayReport};
use sqlparser::ast::{AlterColumnOperation, AlterTableOperation, CreateTable};

/// The partitions of `parent`, in creation order.
pub fn partitions_of(state: &PgState, parent: &ObjectName) -> Vec<ObjectName> {
    state.partitions.iter().filter(|(p, _)| p == parent).map(|(_, child)| child.clone()).collect()
}

pub fn has_partitions(state: &PgState, table: &ObjectName) -> bool {
    state.partitions.iter().any(|(parent, _)| parent == table)
}

fn is_partition(state: &PgState, table: &ObjectName) -> bool {
    state.partitions.iter().any(|(_, child)| child == table)
}

/// Marks `table` partitioned and prints its indexes `ON ONLY`.
pub fn mark_partitioned(state: &mut PgState, table: &ObjectName) {
    let Some(entry) = state.catalog.tables.get_mut(table) else { return };
    entry.kind = TableKind::PartitionedTable;
    for index in &entry.indexes {
        if let Some(shape) = state.index_shapes.get_mut(&ObjectName::new(table.schema.clone(), index.name.clone())) {
            shape.partitioned = true;
        }
    }
    super::index::refresh_definitions(state, table);
}

fn is_partitioned(state: &PgState, table: &ObjectName) -> bool {
    state.catalog.tables.get(table).is_some_and(|t| t.kind == TableKind::PartitionedTable)
}

/// CREATE TABLE child PARTITION OF parent ...: the child as Postgres derives it.
pub fn create_partition(state: &mut PgState, create: &CreateTable, stmt: &Stmt, report: &mut ReplayReport) -> Result<(), ReplayError> {
    let Some(parent_name) = &create.partition_of else { return Ok(()) };
    let parts = state.name_parts(parent_name);
    let parent = match state.lookup_relation(&parts) {
        Some((name, Relation::Table)) if is_partitioned(state, &name) => name,
        Some((_, Relation::Table)) => return Err(stmt.reject(format!("\"{}\" is not partitioned", parts.join(".")))),
        Some((_, other)) => return Err(stmt.reject(format!("\"{}\" is not a {}", parts.join("."), other.noun()))),
        None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    if !create.columns.is_empty() || !create.constraints.is_empty() {
        return Err(stmt.unsupported("column and constraint options of a partition are not modelled by the Postgres replay"));
    }
    let child = state.creation_name(&create.name, stmt)?;
    if state.relation_in(&child.schema, &child.name).is_some() {
        if create.if_not_exists {
            report.skipped.push(crate::error::SkippedStatement {
                location: stmt.at.clone(),
                what: format!("CREATE TABLE IF NOT EXISTS (relation \"{}\" already exists)", child.name),
            });
            return Ok(());
        }
        return Err(stmt.reject(format!("relation \"{}\" already exists", child.name)));
    }
    let mut sql = vec![table_sql(state, &parent, &child, stmt)?];
    sql.extend(index_sql(state, &parent, &child, None));
    replay_derived(state, &sql, stmt, report)?;
    state.partitions.push((parent, child.clone()));
    if create.partition_by.is_some() {
        mark_partitioned(state, &child);
    }
    Ok(())
}

/// `CREATE TABLE child (...)` with the parent's columns, checks and keys.
fn table_sql(state: &PgState, parent: &ObjectName, child: &ObjectName, stmt: &Stmt) -> Result<String, ReplayError> {
    let table = &state.catalog.tables[parent];
    let mut items = Vec::new();
    for column in &table.columns {
        if column.identity.is_some() {
            return Err(stmt.unsupported("partitions of a table with an identity column are not modelled by the Postgres replay"));
        }
        let mut item = format!("{} {}", quote_ident(&column.name), column.ty.engine);
        if let Some(collation) = &column.collation {
            item.push_str(&format!(" COLLATE {}", quote_ident(collation)));
        }
        if column.not_null {
            item.push_str(" NOT NULL");
        }
        match (&column.generated, &column.default) {
            (Some(generated), _) => item.push_str(&format!(" GENERATED ALWAYS AS ({generated}) STORED")),
            (None, Some(default)) => item.push_str(&format!(" DEFAULT {default}")),
            (None, None) => {}
        }
        items.push(item);
    }
    for check in table.checks.iter().filter(|c| !c.no_inherit) {
        items.push(format!("CONSTRAINT {} {}", quote_ident(&check.name), check.definition));
    }
    if let Some(key) = &table.primary_key {
        items.push(format!("PRIMARY KEY ({})", column_list(&key.columns)));
    }
    for unique in &table.uniques {
        items.push(format!("UNIQUE ({})", column_list(&unique.columns)));
    }
    for fk in &table.foreign_keys {
        items.push(format!("CONSTRAINT {} {}", quote_ident(&fk.name), fk.definition));
    }
    Ok(format!("CREATE TABLE {} ({})", qualified(child), items.join(", ")))
}

/// `CREATE [UNIQUE] INDEX ON child USING ...` for the parent's indexes that back no
/// constraint (all of them, or the one named `only`).
fn index_sql(state: &PgState, parent: &ObjectName, child: &ObjectName, only: Option<&str>) -> Vec<String> {
    state.catalog.tables[parent]
        .indexes
        .iter()
        .filter(|i| i.constraint.is_none() && !i.primary && only.is_none_or(|name| i.name == name))
        .filter_map(|i| {
            let definition = i.definition.as_deref()?;
            let (_, using) = definition.split_once(" USING ")?;
            let unique = if i.unique { "UNIQUE " } else { "" };
            Some(format!("CREATE {unique}INDEX ON {} USING {using}", qualified(child)))
        })
        .collect()
}

/// After CREATE INDEX on `table`: on a partitioned table, the same index on every partition.
pub fn index_created(state: &mut PgState, table: &ObjectName, index: &str, stmt: &Stmt, report: &mut ReplayReport) -> Result<(), ReplayError> {
    if !is_partitioned(state, table) {
        return Ok(());
    }
    mark_partitioned(state, table);
    for child in partitions_of(state, table) {
        let sql = index_sql(state, table, &child, Some(index));
        replay_derived(state, &sql, stmt, report)?;
    }
    Ok(())
}

/// Whether an ALTER TABLE operation on `table` is allowed with partitioning, and the
/// partitions it must also be applied to.
pub fn operation_reach(state: &PgState, table: &ObjectName, operation: &AlterTableOperation, stmt: &Stmt) -> Result<Vec<ObjectName>, ReplayError> {
    let inherited_column = match operation {
        AlterTableOperation::DropColumn { column_names, .. } => column_names.first().map(|c| ("drop", PgState::ident(c))),
        AlterTableOperation::RenameColumn { old_column_name, .. } => Some(("rename", PgState::ident(old_column_name))),
        AlterTableOperation::AlterColumn { column_name, op: AlterColumnOperation::SetDataType { .. } } => {
            Some(("alter", PgState::ident(column_name)))
        }
        _ => None,
    };
    if let Some((verb, column)) = inherited_column.filter(|_| is_partition(state, table)) {
        return Err(stmt.reject(format!("cannot {verb} inherited column \"{column}\"")));
    }
    if !has_partitions(state, table) {
        return Ok(Vec::new());
    }
    match operation {
        AlterTableOperation::AddColumn { .. }
        | AlterTableOperation::DropColumn { .. }
        | AlterTableOperation::RenameColumn { .. }
        | AlterTableOperation::AlterColumn { .. } => Ok(partitions_of(state, table)),
        AlterTableOperation::RenameTable { .. } => Ok(Vec::new()),
        _ => Err(stmt.unsupported(format!("`{operation}` on a partitioned table with partitions is not modelled by the Postgres replay"))),
    }
}

/// After `old` was renamed to `new`: the partition links follow.
pub fn table_renamed(state: &mut PgState, old: &ObjectName, new: &ObjectName) {
    for (parent, child) in &mut state.partitions {
        if parent == old {
            *parent = new.clone();
        }
        if child == old {
            *child = new.clone();
        }
    }
}

pub fn qualified(name: &ObjectName) -> String {
    format!("{}.{}", quote_ident(&name.schema), quote_ident(&name.name))
}

fn column_list(columns: &[String]) -> String {
    columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ")
}

//! SQLite fixes: `ALTER TABLE ... ADD/DROP COLUMN` and `CREATE/DROP INDEX` where SQLite can
//! do them, and otherwise the table rebuild from SQLite's documentation ("Making Other Kinds
//! Of Table Schema Changes"): create the new table under a temporary name, copy the rows of
//! the columns both shapes share, drop the old table, rename the new one, recreate indexes,
//! all in one transaction with foreign key enforcement off and checked before commit.

use super::statements::{create_index, create_table_sql, drop_index};
use super::Dialect;
use crate::catalog::{Catalog, Column, Engine, ObjectName, Table};
use crate::risk::{Change, Side};
use std::collections::BTreeMap;

/// Statements making the SQLite catalog `target` match the source of `changes`.
pub fn sqlite_statements(d: &Dialect, changes: &[Change], target: &Catalog) -> Vec<String> {
    let mut by_table: BTreeMap<&ObjectName, Vec<&Change>> = BTreeMap::new();
    for change in changes {
        by_table.entry(change.table()).or_default().push(change);
    }
    let native = Dialect { source: Engine::Sqlite, target: Engine::Sqlite };
    let mut statements = Vec::new();
    let mut rebuilt = false;
    for (name, changes) in by_table {
        let current = target.tables.get(name);
        match current {
            Some(table) if !changes.iter().all(|c| in_place(c, table)) => {
                statements.extend(rebuild(d, &native, table, &changes));
                rebuilt = true;
            }
            _ => statements.extend(changes.iter().flat_map(|c| in_place_statements(d, c))),
        }
    }
    if rebuilt {
        statements.insert(0, "PRAGMA foreign_keys = OFF".to_string());
        statements.insert(1, "BEGIN".to_string());
        statements.extend(["PRAGMA foreign_key_check".to_string(), "COMMIT".to_string(), "PRAGMA foreign_keys = ON".to_string()]);
    }
    statements
}

/// Whether SQLite's ALTER TABLE / CREATE INDEX can make the change on `table`.
fn in_place(change: &Change, table: &Table) -> bool {
    match change {
        Change::Table { .. } | Change::ColumnOrder { .. } => true,
        Change::Index { index, .. } => index.origin.as_deref().is_none_or(|o| o == "c"),
        Change::Column { side: Side::Source, column, .. } => can_add_column(column),
        Change::Column { side: Side::Target, column, .. } => can_drop_column(table, &column.name),
        _ => false,
    }
}

/// SQLite's ADD COLUMN rules: no primary key or UNIQUE, no NOT NULL without a default, no
/// non-constant default, no stored generated column.
fn can_add_column(column: &Column) -> bool {
    let default_is_constant = column.default.as_deref().is_none_or(|d| {
        let upper = d.trim().to_ascii_uppercase();
        !upper.starts_with('(') && !upper.starts_with("CURRENT_") && !upper.contains("NOW()") && !upper.starts_with("NEXTVAL")
    });
    column.sqlite.pk == 0 && !column.required_on_insert() && column.generated.is_none() && default_is_constant
}

/// SQLite's DROP COLUMN rules: not part of a key, index, unique or foreign key constraint.
fn can_drop_column(table: &Table, column: &str) -> bool {
    let named = |columns: &[String]| columns.iter().any(|c| c == column);
    !table.primary_key.as_ref().is_some_and(|k| named(&k.columns))
        && !table.uniques.iter().any(|u| named(&u.columns))
        && !table.foreign_keys.iter().any(|f| named(&f.columns))
        && !table.indexes.iter().any(|i| i.keys.iter().any(|k| k.column.as_deref() == Some(column)))
}

fn in_place_statements(d: &Dialect, change: &Change) -> Vec<String> {
    match change {
        Change::Table { side: Side::Source, table } => {
            let create = match (&table.sqlite.sql, d.source) {
                (Some(original), Engine::Sqlite) => original.clone(),
                _ => create_table_sql(d, table, &table.name, true),
            };
            let mut out = vec![create];
            out.extend(
                table.indexes.iter().filter(|i| i.origin.as_deref().is_none_or(|o| o == "c") && i.constraint.is_none() && !i.primary).map(|i| create_index(d, &table.name, i)),
            );
            out
        }
        Change::Table { side: Side::Target, table } => vec![format!("DROP TABLE {}", d.table(&table.name))],
        Change::Column { side: Side::Source, table, column } => {
            vec![format!("ALTER TABLE {} ADD COLUMN {}", d.table(table), d.column_definition(column))]
        }
        Change::Column { side: Side::Target, table, column } => {
            vec![format!("ALTER TABLE {} DROP COLUMN {}", d.table(table), d.ident(&column.name))]
        }
        Change::Index { side: Side::Source, table, index } => vec![create_index(d, table, index)],
        Change::Index { side: Side::Target, table, index } => vec![drop_index(d, table, index)],
        _ => Vec::new(),
    }
}

/// A's column spelled for SQLite.
fn translated(d: &Dialect, column: &Column) -> Column {
    let mut column = column.clone();
    column.ty.engine = d.column_type(&column.ty);
    column.default = column.default.as_deref().and_then(|x| d.default(x));
    column
}

/// The table as it must look after `changes`.
fn desired_table(d: &Dialect, current: &Table, changes: &[&Change]) -> Table {
    let mut table = current.clone();
    for change in changes {
        match change {
            Change::Column { side: Side::Source, column, .. } => table.columns.push(translated(d, column)),
            Change::Column { side: Side::Target, column, .. } => table.columns.retain(|c| c.name != column.name),
            Change::ColumnType { source, .. } | Change::Nullability { source, .. } | Change::Default { source, .. } => {
                let wanted = translated(d, source);
                if let Some(column) = table.column_mut(&source.name) {
                    match change {
                        Change::ColumnType { .. } => column.ty = wanted.ty,
                        Change::Nullability { .. } => column.not_null = wanted.not_null,
                        _ => column.default = wanted.default,
                    }
                }
            }
            Change::PrimaryKey { source, .. } => table.primary_key = source.clone(),
            Change::Unique { side: Side::Source, unique, .. } => table.uniques.push(unique.clone()),
            Change::Unique { side: Side::Target, unique, .. } => table.uniques.retain(|u| u.columns != unique.columns),
            Change::ForeignKey { side: Side::Source, foreign_key, .. } => table.foreign_keys.push(foreign_key.clone()),
            Change::ForeignKey { side: Side::Target, foreign_key, .. } => {
                table.foreign_keys.retain(|f| f.columns != foreign_key.columns || f.ref_table != foreign_key.ref_table)
            }
            Change::Check { side: Side::Source, check, .. } => table.checks.push(check.clone()),
            Change::Check { side: Side::Target, check, .. } => table.checks.retain(|c| c.definition != check.definition),
            Change::Index { side: Side::Source, index, .. } => {
                let mut index = index.clone();
                if d.source != d.target {
                    index.definition = None;
                }
                table.indexes.push(index)
            }
            Change::Index { side: Side::Target, index, .. } => table.indexes.retain(|i| i.name != index.name),
            Change::Table { .. } | Change::ColumnOrder { .. } => {}
        }
    }
    table
}

/// The rebuild sequence for one table (inside the caller's transaction).
fn rebuild(d: &Dialect, native: &Dialect, current: &Table, changes: &[&Change]) -> Vec<String> {
    let desired = desired_table(d, current, changes);
    let temporary = ObjectName::new(current.name.schema.clone(), format!("{}__rebuild", current.name.name));
    let shared: Vec<String> = desired
        .columns
        .iter()
        .filter(|c| current.column(&c.name).is_some() && c.generated.is_none())
        .map(|c| c.name.clone())
        .collect();
    let columns = native.idents(&shared);
    let mut out = vec![
        create_table_sql(native, &desired, &temporary, true),
        format!("INSERT INTO {} ({columns}) SELECT {columns} FROM {}", native.table(&temporary), native.table(&current.name)),
        format!("DROP TABLE {}", native.table(&current.name)),
        format!("ALTER TABLE {} RENAME TO {}", native.table(&temporary), native.ident(&current.name.name)),
    ];
    out.extend(
        desired
            .indexes
            .iter()
            .filter(|i| i.origin.as_deref().is_none_or(|o| o == "c") && i.constraint.is_none() && !i.primary)
            .map(|i| create_index(native, &current.name, i)),
    );
    out
}

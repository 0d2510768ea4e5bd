//! One change as `ALTER TABLE` / `CREATE` / `DROP` statements on engines that can alter
//! tables in place (Postgres, MySQL), each tagged with the phase it must run in.

use super::Dialect;
use crate::catalog::{Engine, Index, LogicalType, ObjectName, Table};
use crate::risk::{Change, Side};

/// Phases: drop references, drop keys and indexes (before the columns they cover), drop
/// columns and tables, create sequences, create tables, change columns, hand sequences to
/// their columns, add keys and indexes, add references.
const DROP_REFERENCES: u8 = 0;
const DROP_KEYS: u8 = 1;
const DROP_OBJECTS: u8 = 2;
pub const CREATE_SEQUENCES: u8 = 3;
const CREATE_TABLES: u8 = 4;
const CHANGE_COLUMNS: u8 = 5;
pub const OWN_SEQUENCES: u8 = 6;
const ADD_KEYS: u8 = 7;
const ADD_REFERENCES: u8 = 8;

/// The statements for one change, with their phases.
pub fn alter_statements(d: &Dialect, change: &Change) -> Vec<(u8, String)> {
    let alter = |table: &ObjectName| format!("ALTER TABLE {}", d.table(table));
    match change {
        Change::Table { side: Side::Source, table } => create_table(d, table),
        Change::Table { side: Side::Target, table } => {
            // Its references go first, so that dropping the tables it refers to cannot fail.
            let mut out: Vec<(u8, String)> = table
                .foreign_keys
                .iter()
                .filter(|fk| !fk.name.is_empty())
                .map(|fk| (DROP_REFERENCES, drop_constraint(d, &table.name, &fk.name, "FOREIGN KEY")))
                .collect();
            out.push((DROP_OBJECTS, format!("DROP TABLE {}", d.table(&table.name))));
            out
        }
        Change::Column { side: Side::Source, table, column } => {
            vec![(CHANGE_COLUMNS, format!("{} ADD COLUMN {}", alter(table), d.column_definition(column)))]
        }
        Change::Column { side: Side::Target, table, column } => {
            vec![(DROP_OBJECTS, format!("{} DROP COLUMN {}", alter(table), d.ident(&column.name)))]
        }
        Change::ColumnType { table, source, target } => {
            let column = &source.name;
            let ty = d.column_type(&source.ty);
            let sql = match d.target {
                Engine::Mysql => return modify_column(d, change),
                _ if std::mem::discriminant(&source.ty.logical) != std::mem::discriminant(&target.ty.logical)
                    || matches!(source.ty.logical, LogicalType::Other { .. } | LogicalType::Enum { .. }) =>
                {
                    let name = d.ident(column);
                    format!("{} ALTER COLUMN {name} TYPE {ty} USING {name}::{ty}", alter(table))
                }
                _ => format!("{} ALTER COLUMN {} TYPE {ty}", alter(table), d.ident(column)),
            };
            vec![(CHANGE_COLUMNS, sql)]
        }
        Change::Nullability { table, source, .. } => {
            if d.target == Engine::Mysql {
                return modify_column(d, change);
            }
            let action = if source.not_null { "SET NOT NULL" } else { "DROP NOT NULL" };
            vec![(CHANGE_COLUMNS, format!("{} ALTER COLUMN {} {action}", alter(table), d.ident(&source.name)))]
        }
        Change::Default { table, source, .. } => {
            let action = match source.default.as_deref().and_then(|x| d.default(x)) {
                Some(default) => format!("SET DEFAULT {default}"),
                None => "DROP DEFAULT".to_string(),
            };
            vec![(CHANGE_COLUMNS, format!("{} ALTER COLUMN {} {action}", alter(table), d.ident(&source.name)))]
        }
        Change::ColumnOrder { .. } => Vec::new(),
        Change::PrimaryKey { table, source, target } => {
            let mut out = Vec::new();
            if let Some(key) = target {
                let drop = match d.target {
                    Engine::Mysql => "DROP PRIMARY KEY".to_string(),
                    _ => format!("DROP CONSTRAINT {}", d.ident(&key.name)),
                };
                out.push((DROP_KEYS, format!("{} {drop}", alter(table))));
            }
            if let Some(key) = source {
                out.push((ADD_KEYS, format!("{} ADD {}PRIMARY KEY ({})", alter(table), d.primary_key_name(&key.name), d.idents(&key.columns))));
            }
            out
        }
        Change::Unique { side: Side::Source, table, unique } => vec![(
            ADD_KEYS,
            format!("{} ADD {}UNIQUE ({})", alter(table), d.constraint_name(&unique.name), d.idents(&unique.columns)),
        )],
        Change::Unique { side: Side::Target, table, unique } => vec![(DROP_KEYS, drop_constraint(d, table, &unique.name, "INDEX"))],
        Change::ForeignKey { side: Side::Source, table, foreign_key } => vec![(
            ADD_REFERENCES,
            format!("{} ADD {}{}", alter(table), d.constraint_name(&foreign_key.name), d.foreign_key(foreign_key)),
        )],
        Change::ForeignKey { side: Side::Target, table, foreign_key } => {
            vec![(DROP_REFERENCES, drop_constraint(d, table, &foreign_key.name, "FOREIGN KEY"))]
        }
        Change::Check { side: Side::Source, table, check } => {
            vec![(ADD_KEYS, format!("{} ADD {}{}", alter(table), d.constraint_name(&check.name), check.definition))]
        }
        Change::Check { side: Side::Target, table, check } => vec![(DROP_KEYS, drop_constraint(d, table, &check.name, "CHECK"))],
        Change::Index { index, .. } if index.constraint.is_some() => Vec::new(),
        Change::Index { side: Side::Source, table, index } => vec![(ADD_KEYS, create_index(d, table, index))],
        Change::Index { side: Side::Target, table, index } => vec![(DROP_KEYS, drop_index(d, table, index))],
    }
}

/// `ALTER TABLE t DROP CONSTRAINT name`, or MySQL's `DROP <kind> name`.
fn drop_constraint(d: &Dialect, table: &ObjectName, name: &str, mysql_kind: &str) -> String {
    let kind = if d.target == Engine::Mysql { mysql_kind } else { "CONSTRAINT" };
    format!("ALTER TABLE {} DROP {kind} {}", d.table(table), d.ident(name))
}

/// MySQL changes type, nullability and default together: `MODIFY COLUMN` with A's column.
fn modify_column(d: &Dialect, change: &Change) -> Vec<(u8, String)> {
    match change {
        Change::ColumnType { table, source, .. } | Change::Nullability { table, source, .. } => {
            vec![(CHANGE_COLUMNS, format!("ALTER TABLE {} MODIFY COLUMN {}", d.table(table), d.column_definition(source)))]
        }
        _ => Vec::new(),
    }
}

/// `CREATE TABLE` with columns and keys, then its indexes; foreign keys are added last.
pub fn create_table(d: &Dialect, table: &Table) -> Vec<(u8, String)> {
    let mut out = vec![(CREATE_TABLES, create_table_sql(d, table, &table.name, false))];
    for index in table.indexes.iter().filter(|i| i.constraint.is_none() && !i.primary && i.origin.as_deref().is_none_or(|o| o == "c")) {
        out.push((ADD_KEYS, create_index(d, &table.name, index)));
    }
    for fk in &table.foreign_keys {
        out.push((ADD_REFERENCES, format!("ALTER TABLE {} ADD {}{}", d.table(&table.name), d.constraint_name(&fk.name), d.foreign_key(fk))));
    }
    out
}

/// The `CREATE TABLE name (...)` statement for `table` under the name `name`; foreign keys
/// inline only when `inline_foreign_keys` (SQLite, which cannot add them later).
pub fn create_table_sql(d: &Dialect, table: &Table, name: &ObjectName, inline_foreign_keys: bool) -> String {
    let mut parts: Vec<String> = table.columns.iter().map(|c| d.column_definition(c)).collect();
    if let Some(key) = &table.primary_key {
        parts.push(format!("{}PRIMARY KEY ({})", d.primary_key_name(&key.name), d.idents(&key.columns)));
    }
    for unique in &table.uniques {
        parts.push(format!("{}UNIQUE ({})", d.constraint_name(&unique.name), d.idents(&unique.columns)));
    }
    if d.source == d.target {
        for check in &table.checks {
            parts.push(format!("{}{}", d.constraint_name(&check.name), check.definition));
        }
    }
    if inline_foreign_keys {
        for fk in &table.foreign_keys {
            parts.push(format!("{}{}", d.constraint_name(&fk.name), d.foreign_key(fk)));
        }
    }
    format!("CREATE TABLE {} (\n    {}\n)", d.table(name), parts.join(",\n    "))
}

/// `CREATE [UNIQUE] INDEX`: the engine's own definition when both sides share the engine,
/// otherwise built from the keys.
pub fn create_index(d: &Dialect, table: &ObjectName, index: &Index) -> String {
    if d.source == d.target {
        if let Some(definition) = index.definition.as_deref().filter(|def| def.to_ascii_uppercase().starts_with("CREATE")) {
            return definition.to_string();
        }
    }
    let keys: Vec<String> = index
        .keys
        .iter()
        .map(|k| {
            let key = k.column.as_deref().map(|c| d.ident(c)).unwrap_or_else(|| format!("({})", k.definition));
            if k.descending {
                format!("{key} DESC")
            } else {
                key
            }
        })
        .collect();
    let unique = if index.unique { "UNIQUE " } else { "" };
    let mut sql = format!("CREATE {unique}INDEX {} ON {} ({})", d.ident(&index.name), d.table(table), keys.join(", "));
    if let Some(predicate) = index.predicate.as_deref().filter(|_| d.source == d.target) {
        sql.push_str(&format!(" WHERE {predicate}"));
    }
    sql
}

/// `DROP INDEX` in the target's spelling.
pub fn drop_index(d: &Dialect, table: &ObjectName, index: &Index) -> String {
    match d.target {
        Engine::Mysql => format!("DROP INDEX {} ON {}", d.ident(&index.name), d.table(table)),
        _ => format!("DROP INDEX {}", d.table(&ObjectName::new(table.schema.clone(), index.name.clone()))),
    }
}

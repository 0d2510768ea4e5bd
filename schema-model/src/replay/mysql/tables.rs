//! Whole-table statements: `DROP TABLE`, `RENAME TABLE` (which also renames the table's
//! generated foreign key names and re-points other tables' foreign keys, as InnoDB does),
//! `CREATE INDEX` and `DROP INDEX ... ON`.

use super::alter::Alteration;
use super::constraints::key_part;
use super::fail::{rejected, unsupported, Step};
use super::keys::{KeyDraft, KeyKind};
use super::{key, table_name, Ctx};
use crate::catalog::{Catalog, Provenance};
use sqlparser::ast::{CreateIndex, ObjectName};

/// `DROP TABLE [IF EXISTS] a, b`: drops, in order, every name that is a table no other table
/// references (with foreign key checks on), then reports what it could not drop as MariaDB
/// does: a view or a referenced table first, else the unknown names (unless `IF EXISTS`).
pub fn drop_tables(ctx: &Ctx, catalog: &mut Catalog, names: &[ObjectName], if_exists: bool) -> Step<()> {
    let names = names.iter().map(table_name).collect::<Step<Vec<_>>>()?;
    let mut unknown = Vec::new();
    let mut failure: Option<String> = None;
    for name in &names {
        if catalog.mysql.views.contains_key(name) {
            if !if_exists {
                failure.get_or_insert_with(|| format!("'{}' is a view", ctx.qualified(name)));
            }
            continue;
        }
        if !catalog.tables.contains_key(&key(name)) {
            unknown.push(ctx.qualified(name));
            continue;
        }
        let referenced = ctx.foreign_key_checks
            && catalog
                .tables
                .values()
                .filter(|t| !names.contains(&t.name.name))
                .any(|t| t.foreign_keys.iter().any(|fk| fk.ref_table.name == *name));
        if referenced {
            failure.get_or_insert_with(|| "Cannot delete or update a parent row: a foreign key constraint fails".into());
            continue;
        }
        catalog.tables.remove(&key(name));
    }
    match failure {
        Some(message) => rejected(message),
        None if !unknown.is_empty() && !if_exists => rejected(format!("Unknown table '{}'", unknown.join(","))),
        None => Ok(()),
    }
}

/// `RENAME TABLE old TO new` / `ALTER TABLE old RENAME TO new`.
pub fn rename_table(ctx: &Ctx, catalog: &mut Catalog, old: &str, new: &str) -> Step<()> {
    if catalog.tables.contains_key(&key(new)) && old != new {
        return rejected(format!("Table '{new}' already exists"));
    }
    let Some(mut table) = catalog.tables.remove(&key(old)) else {
        return rejected(format!("Table '{}' doesn't exist", ctx.qualified(old)));
    };
    table.name = key(new);
    table.provenance.touch(ctx.at);
    let old_prefix = format!("{old}_ibfk_");
    for fk in &mut table.foreign_keys {
        if let Some(number) = fk.name.strip_prefix(&old_prefix).filter(|n| n.parse::<u32>().is_ok()) {
            fk.name = format!("{new}_ibfk_{number}");
        }
        if fk.ref_table.name == old {
            fk.ref_table = key(new);
        }
    }
    for other in catalog.tables.values_mut() {
        for fk in &mut other.foreign_keys {
            if fk.ref_table.name == old {
                fk.ref_table = key(new);
            }
        }
    }
    catalog.tables.insert(key(new), table);
    Ok(())
}

/// `CREATE [UNIQUE] INDEX name ON table (...)`.
pub fn create_index(ctx: &Ctx, catalog: &mut Catalog, index: &CreateIndex) -> Step<()> {
    if index.predicate.is_some() || !index.include.is_empty() || index.concurrently {
        return unsupported("this form of CREATE INDEX is not MariaDB syntax");
    }
    let Some(name) = &index.name else {
        return rejected("You have an error in your SQL syntax; CREATE INDEX needs a name");
    };
    let table = table_name(&index.table_name)?;
    let mut work = Alteration::begin(ctx, catalog, &table)?;
    work.additions.keys.push(KeyDraft {
        name: Some(table_name(name)?),
        kind: if index.unique { KeyKind::Unique } else { KeyKind::Multiple },
        parts: index.columns.iter().map(key_part).collect::<Step<Vec<_>>>()?,
        generated: false,
        provenance: Provenance::new(ctx.at),
    });
    work.finish(ctx, catalog)
}

/// `DROP INDEX name ON table`.
pub fn drop_index(ctx: &Ctx, catalog: &mut Catalog, names: &[ObjectName], table: &ObjectName) -> Step<()> {
    let table = table_name(table)?;
    let mut work = Alteration::begin(ctx, catalog, &table)?;
    for name in names {
        work.drop_key(ctx, &table_name(name)?)?;
    }
    work.finish(ctx, catalog)
}

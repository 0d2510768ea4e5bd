//! Turns a parity [`Difference`] between a source and a target catalog into the [`Change`]s
//! it stands for, by looking the compared objects up in both catalogs.

use super::{Change, Side};
use crate::catalog::{Catalog, Table};
use crate::parity::{self, Difference, DifferenceKind, MISSING};

/// One schema in a comparison: its name in the parity report and its catalog.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    pub name: &'a str,
    pub catalog: &'a Catalog,
}

/// The changes behind `difference`, found between `source` (A) and `target` (B). Empty when
/// the difference does not involve both, or its objects cannot be found.
pub fn changes_from_parity(difference: &Difference, source: Named<'_>, target: Named<'_>) -> Vec<Change> {
    let table_a = source.catalog.find_table(&difference.table);
    let table_b = target.catalog.find_table(&difference.table);
    let has = |named: Named<'_>| {
        difference.sides.iter().find(|s| s.tracks.iter().any(|t| t == named.name)).is_some_and(|s| s.value != MISSING)
    };
    let (side, present) = if has(source) { (Side::Source, table_a) } else { (Side::Target, table_b) };
    let column = |table: Option<&Table>| difference.column.as_deref().and_then(|c| table.and_then(|t| t.column(c))).cloned();
    let change = match difference.kind {
        DifferenceKind::Table => present.map(|table| Change::Table { side, table: table.clone() }),
        DifferenceKind::Column => present
            .zip(column(present))
            .map(|(table, column)| Change::Column { side, table: table.name.clone(), column }),
        DifferenceKind::ColumnType | DifferenceKind::Nullability | DifferenceKind::Default => {
            column(table_a).zip(column(table_b)).zip(table_b).map(|((source, target), table_b)| {
                let table = table_b.name.clone();
                match difference.kind {
                    DifferenceKind::ColumnType => Change::ColumnType { table, source, target },
                    DifferenceKind::Nullability => Change::Nullability { table, source, target },
                    _ => Change::Default { table, source, target },
                }
            })
        }
        DifferenceKind::PrimaryKey => table_a.zip(table_b).map(|(a, b)| Change::PrimaryKey {
            table: b.name.clone(),
            source: a.primary_key.clone(),
            target: b.primary_key.clone(),
        }),
        DifferenceKind::Unique => present.and_then(|table| unique_change(table, side, difference.detail.as_deref()?)),
        DifferenceKind::ForeignKey => present.and_then(|table| {
            let detail = difference.detail.as_deref()?;
            let catalog = if side == Side::Source { source.catalog } else { target.catalog };
            let foreign_key = table.foreign_keys.iter().find(|fk| parity::foreign_key_signature(catalog, fk) == detail)?;
            Some(Change::ForeignKey { side, table: table.name.clone(), foreign_key: foreign_key.clone() })
        }),
        DifferenceKind::Check => present.and_then(|table| {
            let detail = difference.detail.as_deref()?;
            let check = table.checks.iter().find(|c| parity::check_signature(c) == detail)?;
            Some(Change::Check { side, table: table.name.clone(), check: check.clone() })
        }),
        DifferenceKind::Index => present.and_then(|table| {
            let detail = difference.detail.as_deref()?;
            let index = table.indexes.iter().find(|i| parity::index_signature(i) == detail)?;
            Some(Change::Index { side, table: table.name.clone(), index: index.clone() })
        }),
    };
    change.into_iter().collect()
}

/// The unique constraint, or else the unique index, guaranteeing the column set `detail`.
fn unique_change(table: &Table, side: Side, detail: &str) -> Option<Change> {
    if let Some(unique) = table.uniques.iter().find(|u| parity::unique_key(&u.columns) == detail) {
        return Some(Change::Unique { side, table: table.name.clone(), unique: unique.clone() });
    }
    let index = table.indexes.iter().find(|i| {
        i.unique
            && i.predicate.is_none()
            && i.keys.iter().map(|k| k.column.clone()).collect::<Option<Vec<String>>>().is_some_and(|c| parity::unique_key(&c) == detail)
    })?;
    Some(Change::Index { side, table: table.name.clone(), index: index.clone() })
}

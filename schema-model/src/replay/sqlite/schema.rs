//! Looking schema objects up by name the way SQLite does: names are case-insensitive, tables,
//! views, indexes and triggers each have their own namespace for `DROP`, but tables, views and
//! indexes share one namespace for creation.

use crate::catalog::{Catalog, ObjectName};

/// The schema every object of a replayed SQLite database lives in.
pub const MAIN: &str = "main";

/// What already holds a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    Table(ObjectName),
    View(ObjectName),
    /// An index, with the table it belongs to and its position there.
    Index(ObjectName, usize),
}

pub fn table_key(catalog: &Catalog, name: &str) -> Option<ObjectName> {
    catalog
        .tables
        .keys()
        .find(|k| k.name.eq_ignore_ascii_case(name))
        .cloned()
}

pub fn view_key(catalog: &Catalog, name: &str) -> Option<ObjectName> {
    catalog
        .views
        .keys()
        .find(|k| k.name.eq_ignore_ascii_case(name))
        .cloned()
}

/// The table owning index `name`, and the index's position in it.
pub fn index_position(catalog: &Catalog, name: &str) -> Option<(ObjectName, usize)> {
    catalog.tables.iter().find_map(|(key, table)| {
        table
            .indexes
            .iter()
            .position(|i| i.name.eq_ignore_ascii_case(name))
            .map(|p| (key.clone(), p))
    })
}

/// The table owning trigger `name`, and the trigger's position in it.
pub fn trigger_position(catalog: &Catalog, name: &str) -> Option<(ObjectName, usize)> {
    catalog.tables.iter().find_map(|(key, table)| {
        table
            .triggers
            .iter()
            .position(|t| t.name.eq_ignore_ascii_case(name))
            .map(|p| (key.clone(), p))
    })
}

/// What holds `name` among tables, views and indexes.
pub fn holder(catalog: &Catalog, name: &str) -> Option<Holder> {
    if let Some(key) = table_key(catalog, name) {
        return Some(Holder::Table(key));
    }
    if let Some(key) = view_key(catalog, name) {
        return Some(Holder::View(key));
    }
    index_position(catalog, name).map(|(key, position)| Holder::Index(key, position))
}

/// Whether a name is reserved for SQLite's own objects.
pub fn is_reserved(name: &str) -> bool {
    name.len() >= 7 && name[..7].eq_ignore_ascii_case("sqlite_")
}

/// Checks a schema qualifier: only `main` is modelled.
pub fn check_schema(schema: Option<&str>) -> Result<(), String> {
    match schema {
        None => Ok(()),
        Some(s) if s.eq_ignore_ascii_case(MAIN) => Ok(()),
        Some(s) => Err(format!("unknown database {s}")),
    }
}

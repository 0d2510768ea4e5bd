//! Sequences behind `nextval(...)` defaults: a column or table copied from the source whose
//! default draws from a sequence the target lacks needs that sequence created first (with
//! the source's parameters) and owned by the column afterwards, as `serial` would have done.

use super::Dialect;
use crate::catalog::{Catalog, ObjectName, Sequence};
use crate::risk::{Change, Side};

/// `CREATE SEQUENCE` statements (run before the tables) and `ALTER SEQUENCE ... OWNED BY`
/// statements (run after the columns exist) for every source sequence the changes need.
pub fn missing_sequences(d: &Dialect, changes: &[Change], source: &Catalog, target: &Catalog) -> (Vec<String>, Vec<String>) {
    let mut create = Vec::new();
    let mut own = Vec::new();
    let mut seen: Vec<ObjectName> = Vec::new();
    for default in changes.iter().flat_map(copied_defaults) {
        let Some(name) = sequence_of(default, source) else { continue };
        if seen.contains(&name) || target.sequences.contains_key(&name) {
            continue;
        }
        let Some(sequence) = source.sequences.get(&name) else { continue };
        create.push(create_sequence(d, sequence));
        if let Some(owner) = &sequence.owned_by {
            own.push(format!(
                "ALTER SEQUENCE {} OWNED BY {}.{}",
                d.table(&sequence.name),
                d.table(&owner.table),
                d.ident(&owner.column)
            ));
        }
        seen.push(name);
    }
    (create, own)
}

/// Defaults the changes copy from the source onto the target.
fn copied_defaults(change: &Change) -> Vec<&str> {
    match change {
        Change::Table { side: Side::Source, table } => table.columns.iter().filter_map(|c| c.default.as_deref()).collect(),
        Change::Column { side: Side::Source, column, .. } | Change::Default { source: column, .. } => {
            column.default.as_deref().into_iter().collect()
        }
        _ => Vec::new(),
    }
}

/// The sequence named by `nextval('name'::regclass)`, resolved like Postgres resolves it.
fn sequence_of(default: &str, catalog: &Catalog) -> Option<ObjectName> {
    let inner = default.trim().strip_prefix("nextval('")?;
    let literal = &inner[..inner.find('\'')?];
    let parts: Vec<String> = literal.split('.').map(|p| p.trim_matches('"').to_string()).collect();
    match parts.as_slice() {
        [schema, name] => Some(ObjectName::new(schema.clone(), name.clone())),
        [name] => Some(ObjectName::new(catalog.engine.default_schema(), name.clone())),
        _ => None,
    }
}

fn create_sequence(d: &Dialect, sequence: &Sequence) -> String {
    format!(
        "CREATE SEQUENCE {} AS {} INCREMENT BY {} MINVALUE {} MAXVALUE {} START WITH {} CACHE {}{}",
        d.table(&sequence.name),
        sequence.data_type,
        sequence.increment,
        sequence.min,
        sequence.max,
        sequence.start,
        sequence.cache,
        if sequence.cycle { " CYCLE" } else { "" }
    )
}

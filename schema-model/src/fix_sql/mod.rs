//! Fix-it SQL: the statements that make a target schema (B) match a source schema (A), in
//! B's dialect, from the list of [`Change`]s between them. Nothing is executed here.
//!
//! Statements come out in an order that works: foreign keys and constraints are dropped
//! first, then tables, columns and indexes are changed, and new foreign keys come last so
//! their referenced tables and keys exist. SQLite cannot alter a column's type, nullability,
//! default or constraints, so tables needing such changes are rebuilt with the sequence from
//! SQLite's documentation ([`sqlite_rebuild`]). Sequences that copied `nextval` defaults
//! need are created from the source's definition ([`sequences`]).

mod dialect;
mod sequences;
mod sqlite_rebuild;
mod statements;

pub use dialect::Dialect;

use crate::catalog::Catalog;
use crate::risk::Change;

/// Statements (each without the trailing `;`) making `target` match `source`, given the
/// changes between them.
pub fn fix_statements(changes: &[Change], source: &Catalog, target: &Catalog) -> Vec<String> {
    let dialect = Dialect { source: source.engine, target: target.engine };
    if target.engine == crate::catalog::Engine::Sqlite {
        return sqlite_rebuild::sqlite_statements(&dialect, changes, target);
    }
    let mut phased: Vec<(u8, String)> = changes
        .iter()
        .flat_map(|change| statements::alter_statements(&dialect, change))
        .collect();
    if source.engine == target.engine && target.engine == crate::catalog::Engine::Postgres {
        let (create, own) = sequences::missing_sequences(&dialect, changes, source, target);
        phased.extend(create.into_iter().map(|sql| (statements::CREATE_SEQUENCES, sql)));
        phased.extend(own.into_iter().map(|sql| (statements::OWN_SEQUENCES, sql)));
    }
    phased.sort_by_key(|(phase, _)| *phase);
    phased.into_iter().map(|(_, sql)| sql).collect()
}

/// The statements as one script, each ending with `;`.
pub fn fix_script(changes: &[Change], source: &Catalog, target: &Catalog) -> String {
    fix_statements(changes, source, target).iter().map(|s| format!("{s};\n")).collect()
}

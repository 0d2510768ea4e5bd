//! Objects moved or renamed by statements the parser does not accept: `ALTER TYPE ...
//! SET SCHEMA` (an enum, composite type or domain; columns of the type print its new
//! qualified name) and `ALTER SEQUENCE ... RENAME TO` (defaults calling `nextval` on the
//! sequence print its new name).

use super::create_table::regclass_text;
use super::objects::retype_columns;
use super::state::{PgState, Relation, Stmt};
use crate::catalog::ObjectName;
use crate::error::ReplayError;

/// Moves the type `parts` (enum, composite type or domain) to `schema`; columns of the
/// type print its new qualified name.
pub fn set_type_schema(state: &mut PgState, parts: &[String], schema: &str, stmt: &Stmt) -> Result<(), ReplayError> {
    let Some(old) = state.resolve_type_name(parts) else {
        return Err(stmt.reject(format!("type \"{}\" does not exist", parts.join("."))));
    };
    if !state.schema_exists(schema) {
        return Err(stmt.reject(format!("schema \"{schema}\" does not exist")));
    }
    let new = ObjectName::new(schema, old.name.clone());
    if new == old {
        return Ok(());
    }
    if state.type_exists(schema, &old.name) {
        return Err(stmt.reject(format!("type \"{}\" already exists in schema \"{schema}\"", old.name)));
    }
    let catalog = &mut state.catalog;
    if let Some(mut e) = catalog.enums.remove(&old) {
        e.name = new.clone();
        e.provenance.touch(stmt.at);
        catalog.enums.insert(new.clone(), e);
    } else if let Some(mut c) = catalog.composite_types.remove(&old) {
        c.name = new.clone();
        c.provenance.touch(stmt.at);
        catalog.composite_types.insert(new.clone(), c);
    } else if let Some(mut d) = catalog.domains.remove(&old) {
        d.name = new.clone();
        d.provenance.touch(stmt.at);
        catalog.domains.insert(new.clone(), d);
    } else {
        return Err(stmt.reject(format!("\"{}\" is a table's row type", parts.join("."))));
    }
    retype_columns(state, &old, &new);
    Ok(())
}

/// `ALTER SEQUENCE ... RENAME TO`; `false` when missing under `IF EXISTS`.
pub fn rename_sequence(state: &mut PgState, parts: &[String], new_name: &str, if_exists: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    let old = match state.lookup_relation(parts) {
        Some((key, Relation::Sequence)) => key,
        Some(_) => return Err(stmt.reject(format!("\"{}\" is not a sequence", parts.join(".")))),
        None if if_exists => return Ok(false),
        None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    if state.relation_in(&old.schema, new_name).is_some() {
        return Err(stmt.reject(format!("relation \"{new_name}\" already exists")));
    }
    relocate_sequence(state, &old, &ObjectName::new(old.schema.clone(), new_name), stmt);
    Ok(true)
}

/// Renames or moves a sequence; defaults calling `nextval` on it print the new name.
pub fn relocate_sequence(state: &mut PgState, old: &ObjectName, new: &ObjectName, stmt: &Stmt) {
    let Some(mut sequence) = state.catalog.sequences.remove(old) else { return };
    sequence.name = new.clone();
    sequence.provenance.touch(stmt.at);
    state.catalog.sequences.insert(new.clone(), sequence);
    let call = |name: &ObjectName| format!("nextval({}::regclass)", super::expr::quote_literal(&regclass_text(name)));
    let (old_call, new_call) = (call(old), call(new));
    for table in state.catalog.tables.values_mut() {
        for column in &mut table.columns {
            if let Some(default) = column.default.as_mut().filter(|d| d.contains(&old_call)) {
                *default = default.replace(&old_call, &new_call);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::ObjectName;
    use super::super::tests::replay_catalog as replay;

    #[test]
    fn type_moves_and_columns_follow() {
        let catalog = replay(
            "CREATE TYPE moved AS ENUM ('a');\nCREATE SCHEMA lib;\nCREATE TABLE p (m moved);\nALTER TYPE moved SET SCHEMA lib;",
        )
        .unwrap();
        assert!(catalog.enums.contains_key(&ObjectName::new("lib", "moved")));
        assert_eq!(catalog.tables[&ObjectName::new("public", "p")].columns[0].ty.engine, "lib.moved");
    }

    #[test]
    fn missing_schema_is_rejected() {
        let error = replay("CREATE TYPE e AS ENUM ('a');\nALTER TYPE e SET SCHEMA nope;").unwrap_err();
        assert_eq!(error.message, "schema \"nope\" does not exist");
    }

    #[test]
    fn sequence_rename_follows_into_defaults() {
        let catalog = replay("CREATE TABLE t (id serial);\nALTER SEQUENCE t_id_seq RENAME TO u_seq;").unwrap();
        let column = &catalog.tables[&ObjectName::new("public", "t")].columns[0];
        assert_eq!(column.default.as_deref(), Some("nextval('u_seq'::regclass)"));
        assert!(catalog.sequences.contains_key(&ObjectName::new("public", "u_seq")));
    }
}

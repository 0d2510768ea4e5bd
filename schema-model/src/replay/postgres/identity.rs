//! Identity and generated columns changed after creation: `ALTER COLUMN ... ADD GENERATED
//! ... AS IDENTITY` (which creates the owned sequence), `SET GENERATED { ALWAYS | BY
//! DEFAULT }`, `DROP IDENTITY [IF EXISTS]` (which drops it) and `DROP EXPRESSION [IF
//! EXISTS]` (a stored generated column becomes a plain one), with Postgres's checks and
//! messages.

use super::create_table::{is_integer_type, owned_sequence};
use super::state::{PgState, Stmt};
use super::types::PgType;
use crate::catalog::{Identity, ObjectName};
use crate::error::ReplayError;
use sqlparser::ast::{GeneratedAs, SequenceOptions};

/// The column `name` of `table`, or Postgres's message when it is missing.
fn column_checked<'a>(
    state: &'a PgState,
    table: &ObjectName,
    name: &str,
    stmt: &Stmt,
) -> Result<&'a crate::catalog::Column, ReplayError> {
    state.catalog.tables[table]
        .column(name)
        .ok_or_else(|| stmt.reject(format!("column \"{name}\" of relation \"{}\" does not exist", table.name)))
}

/// `ADD GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [ ( options ) ]`.
pub fn add_identity(
    state: &mut PgState,
    table: &ObjectName,
    name: &str,
    generated_as: Option<&GeneratedAs>,
    options: Option<&[SequenceOptions]>,
    stmt: &Stmt,
) -> Result<(), ReplayError> {
    let identity = match generated_as {
        Some(GeneratedAs::Always) => Identity::Always,
        Some(GeneratedAs::ByDefault) => Identity::ByDefault,
        _ => return Err(stmt.reject("syntax error at or near \"AS\"")),
    };
    let column = column_checked(state, table, name, stmt)?;
    let ty = PgType::parse_formatted(&column.ty.engine);
    if !is_integer_type(&ty) {
        return Err(stmt.reject("identity column type must be smallint, integer, or bigint"));
    }
    let relation = &table.name;
    if !column.not_null {
        return Err(stmt.reject(format!(
            "column \"{name}\" of relation \"{relation}\" must be declared NOT NULL before identity can be added"
        )));
    }
    if column.identity.is_some() {
        return Err(stmt.reject(format!("column \"{name}\" of relation \"{relation}\" is already an identity column")));
    }
    if column.default.is_some() {
        return Err(stmt.reject(format!("column \"{name}\" of relation \"{relation}\" already has a default value")));
    }
    owned_sequence(state, table, name, &ty, true, options.unwrap_or(&[]), stmt.at, stmt)?;
    set_identity(state, table, name, Some(identity), stmt);
    Ok(())
}

/// `SET GENERATED { ALWAYS | BY DEFAULT }` on an identity column.
pub fn set_generated(state: &mut PgState, table: &ObjectName, name: &str, identity: Identity, stmt: &Stmt) -> Result<(), ReplayError> {
    if column_checked(state, table, name, stmt)?.identity.is_none() {
        return Err(stmt.reject(format!("column \"{name}\" of relation \"{}\" is not an identity column", table.name)));
    }
    set_identity(state, table, name, Some(identity), stmt);
    Ok(())
}

/// `DROP IDENTITY [IF EXISTS]`: the column keeps NOT NULL, its sequence is dropped.
/// `false` when the column is not an identity column and `IF EXISTS` was written.
pub fn drop_identity(state: &mut PgState, table: &ObjectName, name: &str, if_exists: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    if column_checked(state, table, name, stmt)?.identity.is_none() {
        if if_exists {
            return Ok(false);
        }
        return Err(stmt.reject(format!("column \"{name}\" of relation \"{}\" is not an identity column", table.name)));
    }
    state
        .catalog
        .sequences
        .retain(|_, s| !s.owned_by.as_ref().is_some_and(|o| o.identity && o.table == *table && o.column == name));
    set_identity(state, table, name, None, stmt);
    Ok(true)
}

/// `DROP EXPRESSION [IF EXISTS]`; `false` when the column is not generated and `IF EXISTS`
/// was written.
pub fn drop_expression(state: &mut PgState, table: &ObjectName, name: &str, if_exists: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    if column_checked(state, table, name, stmt)?.generated.is_none() {
        if if_exists {
            return Ok(false);
        }
        return Err(stmt.reject(format!(
            "column \"{name}\" of relation \"{}\" is not a stored generated column",
            table.name
        )));
    }
    let entry = state.table_mut(table);
    if let Some(column) = entry.column_mut(name) {
        column.generated = None;
        column.provenance.touch(stmt.at);
    }
    entry.provenance.touch(stmt.at);
    Ok(true)
}

fn set_identity(state: &mut PgState, table: &ObjectName, name: &str, identity: Option<Identity>, stmt: &Stmt) {
    let entry = state.table_mut(table);
    if let Some(column) = entry.column_mut(name) {
        column.identity = identity;
        column.provenance.touch(stmt.at);
    }
    entry.provenance.touch(stmt.at);
}

#[cfg(test)]
mod tests {
    use crate::catalog::{Identity, ObjectName};
    use super::super::tests::replay_catalog as replay;

    #[test]
    fn identity_added_changed_and_dropped() {
        let catalog = replay(
            "CREATE TABLE t (a integer NOT NULL, b bigint NOT NULL);\n\
             ALTER TABLE t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (START WITH 7);\n\
             ALTER TABLE t ALTER COLUMN b ADD GENERATED BY DEFAULT AS IDENTITY;\n\
             ALTER TABLE t ALTER COLUMN a SET GENERATED BY DEFAULT;\n\
             ALTER TABLE t ALTER COLUMN b DROP IDENTITY;\n\
             ALTER TABLE t ALTER COLUMN b DROP IDENTITY IF EXISTS;",
        )
        .unwrap();
        let table = &catalog.tables[&ObjectName::new("public", "t")];
        assert_eq!(table.columns[0].identity, Some(Identity::ByDefault));
        assert_eq!(table.columns[1].identity, None);
        assert!(table.columns[1].not_null);
        let names: Vec<&str> = catalog.sequences.keys().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["t_a_seq"]);
        let sequence = &catalog.sequences[&ObjectName::new("public", "t_a_seq")];
        assert_eq!((sequence.start, sequence.data_type.as_str()), (7, "integer"));
    }

    #[test]
    fn generated_expression_dropped() {
        let catalog = replay(
            "CREATE TABLE g (a int, d int GENERATED ALWAYS AS (a * 2) STORED);\n\
             ALTER TABLE g ALTER COLUMN d DROP EXPRESSION;\nALTER TABLE g ALTER COLUMN d DROP EXPRESSION IF EXISTS;",
        )
        .unwrap();
        assert_eq!(catalog.tables[&ObjectName::new("public", "g")].columns[1].generated, None);
        let error = replay("CREATE TABLE g (a int);\nALTER TABLE g ALTER COLUMN a DROP EXPRESSION;").unwrap_err();
        assert_eq!(error.message, "column \"a\" of relation \"g\" is not a stored generated column");
    }

    #[test]
    fn identity_rejections_use_postgres_messages() {
        let error = replay("CREATE TABLE t (a integer);\nALTER TABLE t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY;").unwrap_err();
        assert_eq!(error.message, "column \"a\" of relation \"t\" must be declared NOT NULL before identity can be added");
        let error = replay("CREATE TABLE t (a text NOT NULL);\nALTER TABLE t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY;").unwrap_err();
        assert_eq!(error.message, "identity column type must be smallint, integer, or bigint");
        let error = replay("CREATE TABLE t (id text GENERATED ALWAYS AS IDENTITY);").unwrap_err();
        assert_eq!(error.message, "identity column type must be smallint, integer, or bigint");
        let error = replay("CREATE TABLE t (a int NOT NULL);\nALTER TABLE t ALTER COLUMN a DROP IDENTITY;").unwrap_err();
        assert_eq!(error.message, "column \"a\" of relation \"t\" is not an identity column");
        assert_eq!(error.location.line, 2);
    }
}

//! `ALTER SEQUENCE ... AS type`: the sequence's data type changes, and bounds that were the
//! old type's limits become the new type's, as Postgres's `init_params` does.

use super::create_table::is_integer_type;
use super::sequence::new_sequence;
use super::state::{PgState, Relation, Stmt};
use super::types::{resolve, PgType};
use crate::error::ReplayError;
use sqlparser::ast::DataType;

/// Changes the type of the sequence `parts`; `false` when missing under `IF EXISTS`.
pub fn retype_sequence(state: &mut PgState, parts: &[String], data_type: &DataType, if_exists: bool, stmt: &Stmt) -> Result<bool, ReplayError> {
    let key = match state.lookup_relation(parts) {
        Some((key, Relation::Sequence)) => key,
        Some(_) => return Err(stmt.reject(format!("\"{}\" is not a sequence", parts.join(".")))),
        None if if_exists => return Ok(false),
        None => return Err(stmt.reject(format!("relation \"{}\" does not exist", parts.join(".")))),
    };
    let (ty, _) = resolve(state, data_type).map_err(|m| stmt.reject(m))?;
    if !is_integer_type(&ty) {
        return Err(stmt.reject("sequence type must be smallint, integer, or bigint"));
    }
    let sequence = state.catalog.sequences.get_mut(&key).expect("resolved sequence exists");
    let old_max = new_sequence(key.clone(), &PgType::parse_formatted(&sequence.data_type), stmt.at).max;
    let new_max = new_sequence(key.clone(), &ty, stmt.at).max;
    if sequence.max == old_max {
        sequence.max = new_max;
    }
    if sequence.min == -old_max - 1 {
        sequence.min = -new_max - 1;
    }
    sequence.data_type = ty.format();
    sequence.provenance.touch(stmt.at);
    Ok(true)
}

#[cfg(test)]
mod tests {
    use crate::catalog::{Catalog, Engine, ObjectName};
    use crate::error::ReplayError;
    use crate::replay::replay_files;
    use crate::source::MigrationFile;

    fn replay(sql: &str) -> Result<Catalog, ReplayError> {
        let file = MigrationFile { name: "m.sql".into(), text: sql.into() };
        replay_files(Engine::Postgres, &[file]).map(|r| r.catalog)
    }

    #[test]
    fn bounds_follow_the_new_type() {
        let catalog = replay(
            "CREATE TABLE t (id serial, other serial);\nALTER TABLE t ALTER COLUMN other TYPE bigint;\n\
             ALTER SEQUENCE t_other_seq AS bigint;\nCREATE SEQUENCE s AS integer MAXVALUE 10;\nALTER SEQUENCE s AS smallint;",
        )
        .unwrap();
        let other = &catalog.sequences[&ObjectName::new("public", "t_other_seq")];
        assert_eq!((other.data_type.as_str(), other.max), ("bigint", i64::MAX));
        assert_eq!(catalog.sequences[&ObjectName::new("public", "t_id_seq")].data_type, "integer");
        let s = &catalog.sequences[&ObjectName::new("public", "s")];
        assert_eq!((s.data_type.as_str(), s.max), ("smallint", 10));
        let error = replay("CREATE SEQUENCE s;\nALTER SEQUENCE s AS text;").unwrap_err();
        assert_eq!(error.message, "sequence type must be smallint, integer, or bigint");
    }
}

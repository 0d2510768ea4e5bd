//! `ALTER TYPE ... ADD ATTRIBUTE` and `RENAME ATTRIBUTE` on composite types, with
//! Postgres's messages for a missing type, a missing or duplicate attribute.

use super::state::{PgState, Stmt};
use super::types::resolve;
use crate::catalog::{CompositeAttribute, CompositeType};
use crate::error::ReplayError;
use sqlparser::ast::DataType;

/// The composite type `parts`, or Postgres's message.
fn composite_mut<'a>(state: &'a mut PgState, parts: &[String], stmt: &Stmt) -> Result<&'a mut CompositeType, ReplayError> {
    let Some(name) = state.resolve_type_name(parts) else {
        return Err(stmt.reject(format!("type \"{}\" does not exist", parts.join("."))));
    };
    state
        .catalog
        .composite_types
        .get_mut(&name)
        .ok_or_else(|| stmt.reject(format!("\"{}\" is not a composite type", parts.join("."))))
}

/// `ADD ATTRIBUTE name type`.
pub fn add_attribute(state: &mut PgState, parts: &[String], attribute: &str, data_type: &DataType, stmt: &Stmt) -> Result<(), ReplayError> {
    let (ty, _) = resolve(state, data_type).map_err(|m| stmt.reject(m))?;
    let composite = composite_mut(state, parts, stmt)?;
    if composite.attributes.iter().any(|a| a.name == attribute) {
        return Err(stmt.reject(format!(
            "column \"{attribute}\" of relation \"{}\" already exists",
            composite.name.name
        )));
    }
    composite.attributes.push(CompositeAttribute { name: attribute.to_string(), ty: ty.format() });
    composite.provenance.touch(stmt.at);
    Ok(())
}

/// `RENAME ATTRIBUTE old TO new`.
pub fn rename_attribute(state: &mut PgState, parts: &[String], old: &str, new: &str, stmt: &Stmt) -> Result<(), ReplayError> {
    let composite = composite_mut(state, parts, stmt)?;
    if composite.attributes.iter().any(|a| a.name == new) {
        return Err(stmt.reject(format!("column \"{new}\" of relation \"{}\" already exists", composite.name.name)));
    }
    let Some(attribute) = composite.attributes.iter_mut().find(|a| a.name == old) else {
        return Err(stmt.reject(format!("column \"{old}\" does not exist")));
    };
    attribute.name = new.to_string();
    composite.provenance.touch(stmt.at);
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::catalog::ObjectName;
    use super::super::tests::replay_catalog as replay;

    #[test]
    fn attributes_added_and_renamed() {
        let catalog = replay(
            "CREATE TYPE address AS (street text, zip char(5));\n\
             ALTER TYPE address ADD ATTRIBUTE country varchar(2);\nALTER TYPE address RENAME ATTRIBUTE zip TO postcode;",
        )
        .unwrap();
        let attributes: Vec<(String, String)> = catalog.composite_types[&ObjectName::new("public", "address")]
            .attributes
            .iter()
            .map(|a| (a.name.clone(), a.ty.clone()))
            .collect();
        assert_eq!(
            attributes,
            [
                ("street".to_string(), "text".to_string()),
                ("postcode".to_string(), "character(5)".to_string()),
                ("country".to_string(), "character varying(2)".to_string())
            ]
        );
        let error = replay("CREATE TYPE a AS (x int);\nALTER TYPE a ADD ATTRIBUTE x int;").unwrap_err();
        assert_eq!(error.message, "column \"x\" of relation \"a\" already exists");
    }
}

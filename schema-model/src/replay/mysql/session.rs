//! Session state of a migration connection: `FOREIGN_KEY_CHECKS`, user variables (`@x`) and
//! prepared statements, with the `SET` statements that change them. Other system variables
//! (`time_zone`, `character_set_*`, `sql_mode`, `NAMES`) cannot change the table catalog and
//! are listed as skipped.

use super::dynamic::{self, Value};
use super::fail::{rejected, unsupported, Step};
use crate::catalog::Catalog;
use sqlparser::ast::{Expr, ObjectName, Set};
use std::collections::HashMap;

/// The session of the connection migrations run on.
#[derive(Debug, Clone)]
pub struct Session {
    /// `FOREIGN_KEY_CHECKS` (on unless the migrations turn it off).
    pub foreign_key_checks: bool,
    /// User variables by lower-case name without the `@`.
    pub variables: HashMap<String, Value>,
    /// Prepared statement texts by lower-case name.
    pub prepared: HashMap<String, String>,
}

impl Default for Session {
    fn default() -> Session {
        Session { foreign_key_checks: true, variables: HashMap::new(), prepared: HashMap::new() }
    }
}

/// Applies a `SET` statement; returns what to list it as in the report.
pub fn set(session: &mut Session, set: &Set, catalog: &Catalog, database: Option<&str>) -> Step<&'static str> {
    match set {
        Set::SingleAssignment { variable, values, .. } if values.len() == 1 => {
            assign(session, variable, &values[0], catalog, database)
        }
        Set::MultipleAssignments { assignments } => {
            for a in assignments {
                assign(session, &a.name, &a.value, catalog, database)?;
            }
            Ok("SET")
        }
        Set::SetNames { .. } | Set::SetNamesDefault {} => Ok("SET NAMES"),
        Set::SetTimeZone { .. } => Ok("SET"),
        other => unsupported(format!("`{other}` is not modelled for MariaDB")),
    }
}

fn assign(session: &mut Session, variable: &ObjectName, value: &Expr, catalog: &Catalog, database: Option<&str>) -> Step<&'static str> {
    let name = variable.to_string();
    if let Some(user) = name.strip_prefix('@').filter(|n| !n.starts_with('@')) {
        let value = dynamic::evaluate(value, catalog, session, database)?;
        session.variables.insert(user.to_lowercase(), value);
        return Ok("SET");
    }
    let system = name.to_lowercase();
    let system = system.trim_start_matches("@@").trim_start_matches("session.").trim_start_matches("local.");
    if system == "foreign_key_checks" {
        session.foreign_key_checks = match value.to_string().to_lowercase().trim_matches('\'') {
            "0" | "off" | "false" => false,
            "1" | "on" | "true" => true,
            other => return rejected(format!("Variable 'foreign_key_checks' can't be set to the value of '{other}'")),
        };
    } else if system.starts_with("global.") {
        return unsupported(format!("`SET {name}` changes the server, not the migration session"));
    }
    Ok("SET")
}

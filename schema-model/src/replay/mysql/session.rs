//! Session state of a migration connection: `FOREIGN_KEY_CHECKS`, the client and connection
//! character sets (which views record and string literals in views take), user variables
//! (`@x`) and prepared statements, with the `SET` statements that change them. Other system
//! variables (`time_zone`, `sql_mode`) cannot change the catalog and are listed as skipped.

use super::charset::{self, Charset};
use super::dynamic::{self, Value};
use super::fail::{rejected, unsupported, Fail, Step};
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
    /// `character_set_client`.
    pub client_charset: String,
    /// `character_set_connection` and `collation_connection`.
    pub connection: Charset,
}

impl Default for Session {
    /// A session as client libraries and the `mariadb` command-line client open it on a
    /// `utf8mb4` server setup (`utf8mb4`, `utf8mb4_general_ci`).
    fn default() -> Session {
        Session {
            foreign_key_checks: true,
            variables: HashMap::new(),
            prepared: HashMap::new(),
            client_charset: "utf8mb4".into(),
            connection: Charset { charset: "utf8mb4".into(), collation: "utf8mb4_general_ci".into() },
        }
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
        Set::SetNames { charset_name, collation_name } => {
            let settled = match collation_name {
                Some(collation) => charset::by_collation(collation),
                None => charset::by_charset(&charset_name.value),
            }
            .map_err(Fail::Rejected)?;
            session.client_charset = settled.charset.clone();
            session.connection = settled;
            Ok("SET NAMES")
        }
        Set::SetNamesDefault {} => Ok("SET NAMES"),
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
    let text = || value.to_string().trim_matches('\'').to_string();
    if matches!(system, "character_set_client" | "character_set_connection" | "collation_connection") {
        let settled = match system {
            "collation_connection" => charset::by_collation(&text()),
            _ => charset::by_charset(&text()),
        }
        .map_err(Fail::Rejected)?;
        match system {
            "character_set_client" => session.client_charset = settled.charset,
            _ => session.connection = settled,
        }
    } else if system == "foreign_key_checks" {
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

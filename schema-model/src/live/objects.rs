//! Schemas, extensions and functions: one query each.

use super::query::{get, live_provenance, not_extension_owned, rows, LiveError, USER_SCHEMA};
use crate::catalog::{Extension, Function, ObjectName};
use postgres::GenericClient;

/// User schemas other than `public`, in creation order.
pub(super) fn schemas(client: &mut impl GenericClient) -> Result<Vec<String>, LiveError> {
    let sql = format!(
        "SELECT n.nspname::text FROM pg_catalog.pg_namespace n \
         WHERE {USER_SCHEMA} AND n.nspname <> 'public' AND {} ORDER BY n.oid",
        not_extension_owned("pg_catalog.pg_namespace", "n.oid"),
    );
    const WHAT: &str = "schemas";
    rows(client, WHAT, &sql)?.iter().map(|row| get(row, 0, WHAT)).collect()
}

/// Installed extensions except `plpgsql`, which every database has.
pub(super) fn extensions(client: &mut impl GenericClient) -> Result<Vec<Extension>, LiveError> {
    let sql = "SELECT e.extname::text, n.nspname::text FROM pg_catalog.pg_extension e \
         JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace \
         WHERE e.extname <> 'plpgsql' ORDER BY e.extname";
    const WHAT: &str = "extensions";
    rows(client, WHAT, sql)?
        .iter()
        .map(|row| Ok(Extension { name: get(row, 0, WHAT)?, schema: get(row, 1, WHAT)? }))
        .collect()
}

/// User functions, procedures and aggregates by signature (bodies are not read).
pub(super) fn functions(client: &mut impl GenericClient) -> Result<Vec<Function>, LiveError> {
    let sql = format!(
        "SELECT n.nspname::text, p.proname::text, p.prokind::text, \
                pg_catalog.pg_get_function_identity_arguments(p.oid), \
                coalesce(pg_catalog.pg_get_function_result(p.oid), ''), l.lanname::text \
         FROM pg_catalog.pg_proc p \
         JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
         JOIN pg_catalog.pg_language l ON l.oid = p.prolang \
         WHERE {USER_SCHEMA} AND {} \
         ORDER BY n.nspname, p.proname, 4",
        not_extension_owned("pg_catalog.pg_proc", "p.oid"),
    );
    const WHAT: &str = "functions";
    rows(client, WHAT, &sql)?
        .iter()
        .map(|row| {
            let kind: String = get(row, 2, WHAT)?;
            Ok(Function {
                name: ObjectName::new(get::<String>(row, 0, WHAT)?, get::<String>(row, 1, WHAT)?),
                kind: match kind.as_str() {
                    "p" => "procedure",
                    "a" => "aggregate",
                    "w" => "window",
                    _ => "function",
                }
                .to_string(),
                arguments: get(row, 3, WHAT)?,
                result: get(row, 4, WHAT)?,
                language: get(row, 5, WHAT)?,
                provenance: live_provenance(),
            })
        })
        .collect()
}

//! Live introspection of a running Postgres database into a [`Catalog`].
//!
//! [`introspect`] reads `pg_catalog` with a fixed number of queries (one per kind of object,
//! never one per table), and stores every value as the server prints it: types from
//! `format_type`, defaults and expressions from `pg_get_expr`, definitions from
//! `pg_get_constraintdef`, `pg_get_indexdef`, `pg_get_triggerdef` and
//! `pg_get_viewdef(oid, true)`, function signatures from
//! `pg_get_function_identity_arguments`. Rendered with [`crate::catalog_json::postgres`], the
//! result has exactly the structure of the corpus's `expected.json`.
//!
//! What is left out, as in the corpus: the `pg_catalog`, `information_schema` and `pg_toast`
//! (and temporary) schemas, the migration tools' bookkeeping tables
//! (`__diesel_schema_migrations`, `_sqlx_migrations`), every object owned by an extension,
//! and the `plpgsql` extension itself.
//!
//! Expressions are printed relative to the session's `search_path`; a fresh session (default
//! `"$user", public`) prints names in `public` unqualified, as the corpus does.
//!
//! The caller owns the connection and the transaction: [`read_only_session`] starts the
//! read-only transaction with a statement timeout that drift checks run in.

mod constraints;
pub mod health;
mod objects;
mod query;
mod relations;
mod types;

use crate::catalog::pg_types::logical_type;
use crate::catalog::{Catalog, Engine, LogicalType};
use postgres::{GenericClient, Transaction};
use std::time::Duration;

pub use health::{check_live, HealthReport};
pub use query::LiveError;

/// Reads the whole user schema of the connected database.
pub fn introspect(client: &mut impl GenericClient) -> Result<Catalog, LiveError> {
    let mut catalog = Catalog::new(Engine::Postgres);
    catalog.schemas = objects::schemas(client)?;
    catalog.extensions = objects::extensions(client)?;
    catalog.functions = objects::functions(client)?;
    catalog.enums = types::enums(client)?;
    let mut relations = relations::read(client)?;
    let domain_checks = constraints::attach(client, &mut relations)?;
    catalog.domains = types::domains(client, &domain_checks)?;
    catalog.sequences = types::sequences(client)?;
    catalog.tables = relations.tables.into_values().map(|t| (t.name.clone(), t)).collect();
    catalog.views = relations.views.into_values().map(|v| (v.name.clone(), v)).collect();
    catalog.composite_types =
        relations.composite_types.into_values().map(|c| (c.name.clone(), c)).collect();
    assign_logical_types(&mut catalog);
    Ok(catalog)
}

/// Gives every column its cross-engine meaning, once the enums and domains it may name are
/// known (the same mapping the Postgres replay uses).
fn assign_logical_types(catalog: &mut Catalog) {
    let logical: Vec<Vec<LogicalType>> = catalog
        .tables
        .values()
        .map(|t| t.columns.iter().map(|c| logical_type(&c.ty.engine, catalog)).collect())
        .collect();
    for (table, types) in catalog.tables.values_mut().zip(logical) {
        for (column, logical) in table.columns.iter_mut().zip(types) {
            column.ty.logical = logical;
        }
    }
}

/// Starts a read-only transaction whose statements are cancelled after `statement_timeout`
/// (`BEGIN READ ONLY` + `SET LOCAL statement_timeout`). Dropping the transaction rolls it back.
pub fn read_only_session(
    client: &mut postgres::Client,
    statement_timeout: Duration,
) -> Result<Transaction<'_>, LiveError> {
    let mut transaction = client
        .build_transaction()
        .read_only(true)
        .start()
        .map_err(|e| LiveError::query("BEGIN READ ONLY", e))?;
    let millis = statement_timeout.as_millis().max(1);
    transaction
        .batch_execute(&format!("SET LOCAL statement_timeout = {millis}"))
        .map_err(|e| LiveError::query("SET LOCAL statement_timeout", e))?;
    Ok(transaction)
}

//! The oauth-pglite service's code, unchanged, built against the drifted PGLite schema.

#[path = "../../oauth-pglite/src/tables.rs"]
mod tables;
#[path = "../../oauth-pglite/src/queries.rs"]
mod queries;

fn main() {
    println!("{}", queries::live_clients());
}

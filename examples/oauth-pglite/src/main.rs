//! An OAuth service's storage layer whose Rust code is checked against two schema tracks at
//! compile time: production Postgres (`migrations/postgres`) and the PGLite schema the unit
//! tests use (`schema/pglite.sql`). No database is needed to build or run it.

mod queries;
mod tables;

use tables::{NewOauthClient, OauthClient, RequestLogEntry};

fn main() {
    println!("Checked at compile time against tracks `postgres` and `pglite`:\n");
    for (name, table, columns) in [
        ("OauthClient", OauthClient::TABLE, OauthClient::COLUMNS),
        ("NewOauthClient (insert)", NewOauthClient::TABLE, NewOauthClient::COLUMNS),
        ("RequestLogEntry", RequestLogEntry::TABLE, RequestLogEntry::COLUMNS),
    ] {
        println!("  {name:<24} -> {table} ({})", columns.join(", "));
    }
    println!("\nQueries built from checked names:\n");
    for sql in [queries::live_clients(), queries::register_client(), queries::recent_requests()] {
        println!("  {sql}");
    }
}

//! The rows this service reads and writes, each checked at compile time against both
//! schema tracks (production Postgres and the PGLite test schema). Their fields are filled
//! by the database driver, which this example leaves out, so nothing here reads them.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use schema_macros::table;

/// A registered OAuth client.
#[table("oauth_clients")]
#[derive(Debug, Clone)]
pub struct OauthClient {
    pub id: i64,
    pub client_id: String,
    #[column("client_name")]
    pub name: String,
    pub redirect_uris: Vec<String>,
    pub token_ttl: i32,
    pub deleted_at: Option<DateTime<Utc>>,
    /// Computed by the service, not stored.
    #[column(skip)]
    pub active_tokens: usize,
}

/// What registering a client inserts: every column without a default.
#[table("oauth_clients", insert)]
#[derive(Debug, Clone)]
pub struct NewOauthClient {
    pub client_id: String,
    pub client_name: String,
}

/// One logged MCP request.
#[table("mcp_request_log")]
#[derive(Debug, Clone)]
pub struct RequestLogEntry {
    pub id: i64,
    pub client_id: i64,
    pub method: String,
    pub status_code: i32,
    pub duration_ms: Option<i32>,
    pub requested_at: DateTime<Utc>,
}

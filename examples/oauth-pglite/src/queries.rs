//! SQL text assembled only from names the compiler checked against every track.

use crate::tables::{NewOauthClient, OauthClient, RequestLogEntry};
use schema_macros::{column, table_name};

/// Placeholders `$1, $2, ...` for `count` parameters.
fn placeholders(count: usize) -> String {
    (1..=count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Clients that are not soft-deleted.
pub fn live_clients() -> String {
    format!(
        "SELECT {} FROM {} WHERE {} IS NULL",
        OauthClient::COLUMNS.join(", "),
        OauthClient::TABLE,
        column!(oauth_clients.deleted_at)
    )
}

/// Registers a client.
pub fn register_client() -> String {
    format!(
        "INSERT INTO {} ({}) VALUES ({}) RETURNING {}",
        NewOauthClient::TABLE,
        NewOauthClient::COLUMNS.join(", "),
        placeholders(NewOauthClient::COLUMNS.len()),
        column!(oauth_clients.token_ttl)
    )
}

/// The latest requests of one client.
pub fn recent_requests() -> String {
    format!(
        "SELECT {} FROM {} WHERE {} = $1 ORDER BY {} DESC LIMIT 50",
        RequestLogEntry::COLUMNS.join(", "),
        table_name!(mcp_request_log),
        column!(mcp_request_log.client_id),
        column!(mcp_request_log.requested_at)
    )
}

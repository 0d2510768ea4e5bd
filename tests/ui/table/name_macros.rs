use schema_macros::{column, table_name};

fn main() {
    let _ = column!(oauth_clients.token_ttl);
    let _ = column!(oauth_clients.client_nam);
    let _ = table_name!(sessions);
    let _ = column!(oauth_clients);
}

use schema_macros::query;

fn main() {
    let _ = query!("SELECT id, token_ttl FROM oauth_clients WHERE deleted_at IS NULL");
}

use schema_macros::query;

fn main() {
    let _ = query!("SELECT id FROM oauth_clients c JOIN oauth_tokens t ON t.client_id = c.id");
}

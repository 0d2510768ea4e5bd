use schema_macros::query;

const FIND: &str = query!("SELECT c.id, c.name FROM oauth_clients c JOIN oauth_tokens t ON t.client_id = c.id WHERE t.token = $1");

fn main() {
    let raw: &'static str = query!(r#"SELECT "name", token_type FROM oauth_clients WHERE id = $1"#);
    assert!(FIND.starts_with("SELECT c.id"));
    assert!(raw.contains("token_type"));
}

use schema_macros::table;

#[table("oauth_clients")]
struct OauthClient {
    id: i32,
    client_name: Vec<u8>,
    token_type: Option<bool>,
}

fn main() {}

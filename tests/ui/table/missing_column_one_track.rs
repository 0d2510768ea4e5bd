use schema_macros::table;

#[table("oauth_clients")]
struct OauthClient {
    id: i64,
    client_name: String,
    token_ttl: i32,
}

fn main() {}

use schema_macros::table;

#[table("oauth_clients")]
struct OauthClient {
    id: i64,
    token_type: String,
}

fn main() {}

use schema_macros::table;

#[table("oauth_clients")]
struct OauthClient {
    id: i64,
    refresh_token: String,
}

fn main() {}

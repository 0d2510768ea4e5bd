use schema_macros::table;

#[table("oauth_client")]
struct OauthClient {
    id: i64,
}

#[table("oauth_clients")]
struct Named {
    id: i64,
    #[column("client_nme")]
    name: String,
}

fn main() {}

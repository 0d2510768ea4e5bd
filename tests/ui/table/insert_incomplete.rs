use schema_macros::table;

#[table("oauth_clients", insert)]
struct NewOauthClient {
    client_id: String,
}

fn main() {}

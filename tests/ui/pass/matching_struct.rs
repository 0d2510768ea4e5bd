use schema_macros::{column, table, table_name};

/// Every column on both tracks, with fitting types.
#[table("oauth_clients")]
struct OauthClient {
    id: i64,
    client_id: String,
    #[column("client_name")]
    name: String,
    token_type: Option<String>,
    #[column(skip)]
    cached: bool,
}

#[table("oauth_clients", schema = "public")]
struct NewOauthClient<'a> {
    client_id: &'a str,
    client_name: &'a str,
}

fn main() {
    assert_eq!(OauthClient::TABLE, "oauth_clients");
    assert_eq!(OauthClient::COLUMNS, &["id", "client_id", "client_name", "token_type"]);
    assert_eq!(NewOauthClient::TABLE, "public.oauth_clients");
    assert_eq!(column!(oauth_clients.client_id), "client_id");
    assert_eq!(table_name!(oauth_clients), "oauth_clients");
    let _ = OauthClient { id: 1, client_id: String::new(), name: String::new(), token_type: None, cached: false };
    let _ = NewOauthClient { client_id: "a", client_name: "b" };
}

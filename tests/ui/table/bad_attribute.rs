use schema_macros::table;

#[table(oauth_clients)]
struct Unquoted {
    id: i64,
}

#[table("oauth_clients", update)]
struct UnknownArgument {
    id: i64,
}

#[table("oauth_clients")]
struct BadColumn {
    #[column(rename = "id")]
    key: i64,
    #[column]
    name: String,
}

#[table("oauth_clients")]
struct Tuple(i64, String);

fn main() {}

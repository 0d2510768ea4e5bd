use schema_macros::table;

#[table("sessions")]
struct Session {
    id: i64,
}

#[table("api_keys")]
struct ApiKey {
    id: i64,
    key_hash: String,
}

fn main() {}

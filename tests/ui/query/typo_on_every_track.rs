use schema_macros::query;

fn main() {
    let _ = query!(
        r#"
        SELECT c.nme
        FROM oauth_client c
        "#
    );
}

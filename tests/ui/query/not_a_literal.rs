use schema_macros::query;

fn main() {
    let sql = "SELECT 1";
    let _ = query!(sql);
}

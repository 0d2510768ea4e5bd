//! The exact compile errors of `query!`, pinned with trybuild: `tests/ui/query/*.rs` must
//! fail with the `.stderr` next to them, `tests/ui/query/pass/*.rs` must compile.
//!
//! The macros read the model named by `SCHEMA_MODEL_PATH`; this test writes a two-track model
//! (production Postgres with `token_ttl`, a SQLite unit-test schema without it) and points
//! the variable at it for the compiler processes trybuild starts.

use schema_model::catalog::{Catalog, Column, ColumnType, Engine, Location, LogicalType, ObjectName, Table};
use schema_model::model::{SchemaModel, TrackModel, MODEL_PATH_ENV};

fn track(name: &str, engine: Engine, columns: &[&str]) -> TrackModel {
    let at = Location { file: format!("{name}/0001_init.sql"), line: 1, column: 1 };
    let mut catalog = Catalog::new(engine);
    for (table_name, table_columns) in [("oauth_clients", columns), ("oauth_tokens", &["id", "client_id", "token"][..])] {
        let name = ObjectName::new(engine.default_schema(), table_name);
        let mut table = Table::new(name.clone(), &at);
        for column in table_columns {
            let ty = ColumnType { engine: "text".into(), logical: LogicalType::Text { max_len: None, fixed: false }, enforced: true };
            table.columns.push(Column::new(*column, ty, &at));
        }
        catalog.tables.insert(name, table);
    }
    TrackModel { name: name.into(), engine, catalog }
}

#[test]
fn query_macro_errors() {
    let model = SchemaModel {
        tracks: vec![
            track("postgres", Engine::Postgres, &["id", "name", "token_type", "token_ttl", "deleted_at"]),
            track("unit-tests", Engine::Sqlite, &["id", "name", "token_type"]),
        ],
    };
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("query-ui-model");
    std::fs::create_dir_all(&dir).expect("create the model directory");
    let path = schema_build::write_model(&model, &dir).expect("write the model");
    std::env::set_var(MODEL_PATH_ENV, &path);
    let cases = trybuild::TestCases::new();
    cases.pass("ui/query/pass/*.rs");
    cases.compile_fail("ui/query/*.rs");
}

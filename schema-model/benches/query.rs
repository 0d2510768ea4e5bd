//! Time to check one query (parse + resolve) against a schema the size of a real application's
//! (crates.io's 35 tables), for the `query!` macro's per-invocation cost. Goal: under 100 µs.

use criterion::{criterion_group, criterion_main, Criterion};
use schema_model::catalog::{Catalog, Column, ColumnType, Engine, Location, LogicalType, ObjectName, Table};
use schema_model::query::check_query;
use std::hint::black_box;

/// Tables of the benchmark schema with their columns (modelled on crates.io).
const TABLES: &[(&str, &[&str])] = &[
    ("api_tokens", &["id", "user_id", "token", "name", "created_at", "last_used_at", "revoked", "crate_scopes", "endpoint_scopes", "expired_at"]),
    ("background_jobs", &["id", "job_type", "data", "retries", "last_retry", "created_at", "priority"]),
    ("categories", &["id", "category", "slug", "description", "crates_cnt", "created_at", "path"]),
    ("crate_downloads", &["crate_id", "downloads"]),
    ("crate_owners", &["crate_id", "owner_id", "created_at", "created_by", "deleted", "updated_at", "owner_kind", "email_notifications"]),
    ("crates", &["id", "name", "updated_at", "created_at", "description", "homepage", "documentation", "readme", "textsearchable_index_col", "repository", "max_upload_size", "max_features"]),
    ("crates_categories", &["crate_id", "category_id"]),
    ("crates_keywords", &["crate_id", "keyword_id"]),
    ("default_versions", &["crate_id", "version_id", "num_versions"]),
    ("dependencies", &["id", "version_id", "crate_id", "req", "optional", "default_features", "features", "target", "kind", "explicit_name"]),
    ("emails", &["id", "user_id", "email", "verified", "token", "token_generated_at"]),
    ("follows", &["user_id", "crate_id"]),
    ("keywords", &["id", "keyword", "crates_cnt", "created_at"]),
    ("teams", &["id", "login", "github_id", "name", "avatar", "org_id"]),
    ("users", &["id", "gh_login", "name", "gh_id", "account_lock_reason", "account_lock_until", "is_admin", "publish_notifications", "username", "created_at"]),
    ("version_downloads", &["version_id", "downloads", "counted", "date", "processed"]),
    ("versions", &["id", "crate_id", "num", "updated_at", "created_at", "downloads", "features", "yanked", "license", "crate_size", "published_by", "links", "rust_version", "has_lib", "bin_names", "yank_message", "edition", "description", "homepage", "documentation", "repository", "categories", "keywords"]),
];

/// Padding tables so the catalog holds as many tables as crates.io's.
const EXTRA_TABLES: usize = 18;

const QUERIES: &[(&str, &str)] = &[
    ("simple", "SELECT id, name, description FROM crates WHERE name = $1"),
    ("join", "SELECT c.name, v.num, u.gh_login FROM crates c JOIN versions v ON v.crate_id = c.id LEFT JOIN users u ON u.id = v.published_by WHERE c.id = $1 ORDER BY v.created_at DESC"),
    ("aggregate", "SELECT v.crate_id, sum(vd.downloads) AS total FROM version_downloads vd JOIN versions v ON v.id = vd.version_id WHERE vd.date > CURRENT_DATE - 90 GROUP BY v.crate_id HAVING sum(vd.downloads) > 100 ORDER BY total DESC LIMIT 10"),
    ("cte_lateral", "WITH top AS (SELECT crate_id, downloads FROM crate_downloads ORDER BY downloads DESC LIMIT 10) SELECT c.name, top.downloads, latest.num FROM top JOIN crates c ON c.id = top.crate_id, LATERAL (SELECT num FROM versions v WHERE v.crate_id = c.id ORDER BY v.created_at DESC LIMIT 1) latest"),
    ("subqueries", "SELECT name, (SELECT count(*) FROM versions WHERE versions.crate_id = crates.id) AS n FROM crates WHERE EXISTS (SELECT 1 FROM follows f WHERE f.crate_id = crates.id AND f.user_id = $1) AND id IN (SELECT crate_id FROM crates_keywords WHERE keyword_id = $2)"),
    ("upsert", "INSERT INTO crate_downloads (crate_id, downloads) VALUES ($1, $2) ON CONFLICT (crate_id) DO UPDATE SET downloads = crate_downloads.downloads + excluded.downloads RETURNING crate_id, downloads"),
    ("update_from", "UPDATE versions v SET downloads = v.downloads + vd.downloads FROM version_downloads vd WHERE vd.version_id = v.id AND NOT vd.processed RETURNING v.id, vd.date"),
    ("undefined_column", "SELECT c.nam, v.numb FROM crates c JOIN versions v ON v.crate_id = c.id"),
];

fn catalog() -> Catalog {
    let at = Location::default();
    let mut catalog = Catalog::new(Engine::Postgres);
    let extra: Vec<(String, Vec<&str>)> = (0..EXTRA_TABLES)
        .map(|i| (format!("extra_table_{i}"), vec!["id", "created_at", "updated_at", "name", "data", "owner_id"]))
        .collect();
    let tables = TABLES
        .iter()
        .map(|(name, columns)| (name.to_string(), columns.to_vec()))
        .chain(extra);
    for (name, columns) in tables {
        let name = ObjectName::new("public", name);
        let mut table = Table::new(name.clone(), &at);
        for column in columns {
            let ty = ColumnType { engine: "text".into(), logical: LogicalType::Text { max_len: None, fixed: false }, enforced: true };
            table.columns.push(Column::new(column, ty, &at));
        }
        catalog.tables.insert(name, table);
    }
    catalog
}

fn check_queries(c: &mut Criterion) {
    let catalog = catalog();
    let mut group = c.benchmark_group("check_query");
    for (name, sql) in QUERIES {
        let expect_errors = name.starts_with("undefined");
        assert_eq!(!check_query(&catalog, sql).is_empty(), expect_errors, "{name}");
        group.bench_function(*name, |b| b.iter(|| check_query(black_box(&catalog), black_box(sql))));
    }
    group.finish();
}

criterion_group!(benches, check_queries);
criterion_main!(benches);

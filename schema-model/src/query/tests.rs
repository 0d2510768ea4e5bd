//! Unit tests of name resolution, one rule at a time, over small hand-built catalogs.

use super::{check_query, check_query_tracks, QueryErrorKind};
use crate::catalog::{Catalog, Column, ColumnType, Engine, Location, LogicalType, ObjectName, Table, View, ViewColumn};
use crate::model::{SchemaModel, TrackModel};

/// A catalog of `engine` holding `tables`, each given as (name, column names); a name
/// `schema.table` puts the table in that schema.
fn catalog(engine: Engine, tables: &[(&str, &[&str])]) -> Catalog {
    let at = Location::default();
    let mut catalog = Catalog::new(engine);
    for (name, columns) in tables {
        let name = match name.split_once('.') {
            Some((schema, table)) => ObjectName::new(schema, table),
            None => ObjectName::new(engine.default_schema(), *name),
        };
        let mut table = Table::new(name.clone(), &at);
        for column in *columns {
            let ty = ColumnType { engine: "text".into(), logical: LogicalType::Text { max_len: None, fixed: false }, enforced: true };
            table.columns.push(Column::new(*column, ty, &at));
        }
        catalog.tables.insert(name, table);
    }
    catalog
}

/// The schema most tests run against: users, posts with a foreign key to users, tags.
fn blog(engine: Engine) -> Catalog {
    let mut catalog = catalog(
        engine,
        &[
            ("users", &["id", "name", "email", "created_at"]),
            ("posts", &["id", "user_id", "title", "body", "created_at"]),
            ("tags", &["post_id", "tag"]),
            ("audit.events", &["id", "payload"]),
        ],
    );
    let view = ObjectName::new(engine.default_schema(), "recent_posts");
    catalog.views.insert(
        view.clone(),
        View {
            name: view,
            materialized: false,
            columns: ["id", "title"].iter().map(|c| ViewColumn { name: c.to_string(), ty: "text".into() }).collect(),
            query: String::new(),
            definition: None,
            indexes: Vec::new(),
            provenance: Default::default(),
        },
    );
    catalog
}

fn pg() -> Catalog {
    blog(Engine::Postgres)
}

fn sqlite() -> Catalog {
    blog(Engine::Sqlite)
}

/// The messages of every diagnostic.
fn messages(catalog: &Catalog, sql: &str) -> Vec<String> {
    check_query(catalog, sql).into_iter().map(|d| d.message).collect()
}

#[track_caller]
fn ok(catalog: &Catalog, sql: &str) {
    let diagnostics = check_query(catalog, sql);
    assert!(diagnostics.is_empty(), "expected no diagnostics for `{sql}`, got {diagnostics:#?}");
}

#[track_caller]
fn fails(catalog: &Catalog, sql: &str, expected: &[&str]) {
    assert_eq!(messages(catalog, sql), expected, "for `{sql}`");
}

#[test]
fn plain_select_resolves_columns_and_tables() {
    ok(&pg(), "SELECT id, name FROM users WHERE email = $1");
    fails(&pg(), "SELECT id, nme FROM users", &[r#"column "nme" does not exist"#]);
    fails(&pg(), "SELECT * FROM userz", &[r#"relation "userz" does not exist"#]);
}

#[test]
fn aliases_qualify_and_hide_the_table_name() {
    ok(&pg(), "SELECT u.id, u.name FROM users u JOIN posts AS p ON p.user_id = u.id");
    fails(&pg(), "SELECT u.nam FROM users u", &["column u.nam does not exist"]);
    fails(&pg(), "SELECT users.id FROM users u", &[r#"missing FROM-clause entry for table "users""#]);
    fails(&sqlite(), "SELECT users.id FROM users u", &["no such column: users.id"]);
}

#[test]
fn unqualified_names_in_two_from_items_are_ambiguous() {
    fails(&pg(), "SELECT id FROM users, posts", &[r#"column reference "id" is ambiguous"#]);
    fails(&sqlite(), "SELECT created_at FROM users JOIN posts ON posts.user_id = users.id", &["ambiguous column name: created_at"]);
    ok(&pg(), "SELECT users.id, title FROM users, posts");
}

#[test]
fn using_and_natural_merge_the_join_columns() {
    ok(&pg(), "SELECT id, name, title FROM users JOIN posts USING (id)");
    ok(&pg(), "SELECT users.id, posts.id FROM users JOIN posts USING (id)");
    fails(&pg(), "SELECT created_at FROM users JOIN posts USING (id)", &[r#"column reference "created_at" is ambiguous"#]);
    ok(&pg(), "SELECT id, created_at FROM users NATURAL JOIN posts");
    ok(&sqlite(), "SELECT id, created_at FROM users NATURAL JOIN posts");
    fails(
        &pg(),
        "SELECT 1 FROM users JOIN tags USING (post_id)",
        &[r#"column "post_id" specified in USING clause does not exist in left table"#],
    );
    ok(&pg(), "SELECT j.id FROM (users JOIN posts USING (id)) AS j");
    fails(&pg(), "SELECT users.id FROM (users JOIN posts USING (id)) AS j", &[r#"missing FROM-clause entry for table "users""#]);
}

#[test]
fn on_conditions_see_only_their_join_in_postgres() {
    fails(
        &pg(),
        "SELECT 1 FROM users u, posts p JOIN tags t ON t.post_id = u.id",
        &[r#"missing FROM-clause entry for table "u""#],
    );
    ok(&sqlite(), "SELECT 1 FROM users u, posts p JOIN tags t ON t.post_id = u.id");
}

#[test]
fn schema_qualified_names_follow_the_search_path() {
    ok(&pg(), "SELECT id, payload FROM audit.events");
    ok(&pg(), "SELECT public.users.id FROM public.users");
    ok(&pg(), "SELECT audit.events.payload FROM audit.events");
    fails(&pg(), "SELECT * FROM events", &[r#"relation "events" does not exist"#]);
    fails(&pg(), "SELECT * FROM audit.users", &[r#"relation "audit.users" does not exist"#]);
    ok(&pg(), "SELECT relname FROM pg_catalog.pg_class");
    ok(&pg(), "SELECT relname FROM pg_class");
    ok(&pg(), "SELECT table_name FROM information_schema.tables");
}

#[test]
fn ctes_including_recursive_ones() {
    ok(&pg(), "WITH recent AS (SELECT id, title FROM posts) SELECT r.title FROM recent r");
    fails(&pg(), "WITH recent AS (SELECT id FROM posts) SELECT title FROM recent", &[r#"column "title" does not exist"#]);
    ok(&pg(), "WITH a AS (SELECT id FROM users), b AS (SELECT id FROM a) SELECT id FROM b");
    ok(&pg(), "WITH c(x) AS (SELECT id FROM users) SELECT x FROM c");
    ok(
        &pg(),
        "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n FROM t",
    );
    ok(
        &pg(),
        "WITH RECURSIVE chain AS (SELECT id, user_id FROM posts WHERE id = $1 \
         UNION ALL SELECT p.id, p.user_id FROM posts p JOIN chain c ON p.id = c.user_id) SELECT id FROM chain",
    );
    fails(
        &pg(),
        "WITH RECURSIVE chain AS (SELECT id FROM posts UNION ALL SELECT c.user_id FROM chain c) SELECT 1",
        &["column c.user_id does not exist"],
    );
}

#[test]
fn subqueries_expose_their_output_columns_and_see_outer_scopes() {
    ok(&pg(), "SELECT s.n FROM (SELECT count(*) AS n FROM posts) s");
    ok(&pg(), "SELECT s.count FROM (SELECT count(*) FROM posts) s");
    fails(&pg(), "SELECT s.title FROM (SELECT id FROM posts) s", &["column s.title does not exist"]);
    ok(&pg(), "SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM posts p WHERE p.user_id = u.id)");
    ok(&pg(), "SELECT (SELECT max(created_at) FROM posts WHERE user_id = users.id) AS last FROM users");
    ok(&pg(), "SELECT id FROM users WHERE id IN (SELECT user_id FROM posts WHERE title = name)");
    fails(&pg(), "SELECT id FROM users WHERE id IN (SELECT user_id FROM posts WHERE titel = 'x')", &[r#"column "titel" does not exist"#]);
    ok(&pg(), "SELECT x.a FROM (SELECT id, name FROM users) AS x(a, b)");
}

#[test]
fn lateral_sees_earlier_from_items_and_plain_subqueries_do_not() {
    ok(&pg(), "SELECT u.id, l.title FROM users u, LATERAL (SELECT title FROM posts p WHERE p.user_id = u.id LIMIT 1) l");
    ok(&pg(), "SELECT u.id, l.title FROM users u LEFT JOIN LATERAL (SELECT title FROM posts WHERE user_id = u.id) l ON true");
    fails(
        &pg(),
        "SELECT 1 FROM users u, (SELECT title FROM posts p WHERE p.user_id = u.id) l",
        &[r#"missing FROM-clause entry for table "u""#],
    );
    ok(&pg(), "SELECT g FROM users u, generate_series(1, u.id) g");
    ok(&pg(), "SELECT e.value FROM users u, jsonb_each(u.name::jsonb) e");
}

#[test]
fn set_operations_take_the_left_names() {
    ok(&pg(), "SELECT id FROM users UNION SELECT user_id FROM posts ORDER BY id");
    fails(&pg(), "SELECT id FROM users UNION SELECT user_id FROM posts ORDER BY user_id", &[r#"column "user_id" does not exist"#]);
    ok(&pg(), "SELECT u.x FROM (SELECT id AS x FROM users EXCEPT SELECT post_id FROM tags) u");
}

#[test]
fn output_aliases_are_visible_where_the_engine_allows_them() {
    ok(&pg(), "SELECT name AS n FROM users ORDER BY n");
    ok(&pg(), "SELECT name AS n, count(*) FROM users GROUP BY n");
    fails(&pg(), "SELECT name AS n FROM users WHERE n = 'x'", &[r#"column "n" does not exist"#]);
    fails(&pg(), "SELECT name AS n FROM users ORDER BY n || 'x'", &[r#"column "n" does not exist"#]);
    ok(&sqlite(), "SELECT name AS n FROM users WHERE n = 'x'");
    ok(&sqlite(), "SELECT name AS n FROM users ORDER BY n || 'x'");
    ok(&pg(), "SELECT DISTINCT ON (n) name AS n FROM users ORDER BY n");
}

#[test]
fn whole_row_references_and_string_fallbacks() {
    ok(&pg(), "SELECT row_to_json(u) FROM users u");
    fails(&sqlite(), "SELECT u FROM users u", &["no such column: u"]);
    ok(&sqlite(), r#"SELECT "not a column" FROM users"#);
    fails(&pg(), r#"SELECT "not a column" FROM users"#, &[r#"column "not a column" does not exist"#]);
}

#[test]
fn wildcards() {
    ok(&pg(), "SELECT s.name FROM (SELECT * FROM users) s");
    ok(&pg(), "SELECT s.title FROM (SELECT u.*, p.title FROM users u JOIN posts p ON p.user_id = u.id) s");
    fails(&pg(), "SELECT x.* FROM users u", &[r#"missing FROM-clause entry for table "x""#]);
    fails(&pg(), "SELECT s.title FROM (SELECT u.* FROM users u) s", &["column s.title does not exist"]);
    fails(&pg(), "SELECT s.id FROM (SELECT * FROM users JOIN posts ON true) s", &[r#"column reference "id" is ambiguous"#]);
}

#[test]
fn views_are_tables_with_their_columns() {
    ok(&pg(), "SELECT id, title FROM recent_posts");
    fails(&pg(), "SELECT body FROM recent_posts", &[r#"column "body" does not exist"#]);
}

#[test]
fn case_folding_follows_the_engine() {
    ok(&pg(), "SELECT ID, Name FROM USERS");
    fails(&pg(), r#"SELECT "ID" FROM users"#, &[r#"column "ID" does not exist"#]);
    ok(&sqlite(), r#"SELECT "ID", Name FROM USERS"#);
}

#[test]
fn system_columns_and_row_ids() {
    ok(&pg(), "SELECT ctid, xmin, u.tableoid FROM users u");
    ok(&sqlite(), "SELECT rowid, u.oid, _rowid_ FROM users u");
    fails(&pg(), "SELECT rowid FROM users", &[r#"column "rowid" does not exist"#]);
}

#[test]
fn insert_targets_on_conflict_and_returning() {
    ok(&pg(), "INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name RETURNING id, created_at");
    fails(&pg(), "INSERT INTO users (id, nam) VALUES (1, 'a')", &[r#"column "nam" of relation "users" does not exist"#]);
    fails(&sqlite(), "INSERT INTO users (id, nam) VALUES (1, 'a')", &["table users has no column named nam"]);
    fails(&pg(), "INSERT INTO userz (id) VALUES (1)", &[r#"relation "userz" does not exist"#]);
    fails(&pg(), "INSERT INTO users (id) VALUES (1) ON CONFLICT (idd) DO NOTHING", &[r#"column "idd" does not exist"#]);
    fails(
        &pg(),
        "INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET name = excluded.nme",
        &["column excluded.nme does not exist"],
    );
    fails(&pg(), "INSERT INTO users (id) VALUES (1) RETURNING title", &[r#"column "title" does not exist"#]);
    ok(&pg(), "INSERT INTO tags (post_id, tag) SELECT id, title FROM posts WHERE user_id = $1");
    ok(&pg(), "INSERT INTO users AS u (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET name = u.name || excluded.name WHERE u.id > 0");
    ok(&pg(), "INSERT INTO users (id, name) VALUES (DEFAULT, 'x')");
    ok(&sqlite(), "INSERT INTO users (id, name) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET name = excluded.name");
    ok(&sqlite(), "INSERT OR REPLACE INTO tags (post_id, tag) VALUES (:post, :tag)");
}

#[test]
fn update_set_from_and_returning() {
    ok(&pg(), "UPDATE posts p SET title = u.name FROM users u WHERE u.id = p.user_id RETURNING p.id, u.email");
    fails(&pg(), "UPDATE posts SET titel = 'x'", &[r#"column "titel" of relation "posts" does not exist"#]);
    fails(&sqlite(), "UPDATE posts SET titel = 'x'", &["no such column: titel"]);
    fails(&pg(), "UPDATE posts SET title = nme", &[r#"column "nme" does not exist"#]);
    ok(&pg(), "UPDATE posts SET (title, body) = ($1, $2) WHERE id = $3");
}

#[test]
fn delete_using_and_returning() {
    ok(&pg(), "DELETE FROM tags t USING posts p WHERE p.id = t.post_id AND p.user_id = $1 RETURNING t.tag");
    fails(&pg(), "DELETE FROM tags WHERE post = 1", &[r#"column "post" does not exist"#]);
    fails(&sqlite(), "DELETE FROM tagz", &["no such table: tagz"]);
}

#[test]
fn data_modifying_ctes_expose_returning_columns() {
    ok(&pg(), "WITH d AS (DELETE FROM posts WHERE user_id = $1 RETURNING id) DELETE FROM tags WHERE post_id IN (SELECT id FROM d)");
    fails(&pg(), "WITH d AS (DELETE FROM posts RETURNING id) SELECT title FROM d", &[r#"column "title" does not exist"#]);
}

#[test]
fn functions_operators_casts_and_parameters_are_never_errors() {
    ok(&pg(), "SELECT my_func(id)::my_type, name ->> 'a', name #>> '{a,b}', COALESCE(email, '') FROM users WHERE id = ANY($1::int[])");
    ok(&pg(), "SELECT count(*) FILTER (WHERE name IS NOT NULL), row_number() OVER (PARTITION BY name ORDER BY id) FROM users");
    ok(&pg(), "SELECT EXTRACT(epoch FROM created_at), now() - interval '1 day', current_timestamp FROM users");
    ok(&pg(), "SELECT (u.name).x, arr[1] FROM users u, (SELECT ARRAY[1,2] AS arr) a");
    ok(&sqlite(), "SELECT json_extract(name, '$.a'), datetime('now') FROM users WHERE id = :id AND email = @e");
}

#[test]
fn window_clauses_resolve_against_the_input() {
    ok(&pg(), "SELECT sum(id) OVER w FROM posts WINDOW w AS (PARTITION BY user_id ORDER BY created_at)");
    fails(&pg(), "SELECT sum(id) OVER w FROM posts WINDOW w AS (PARTITION BY usr)", &[r#"column "usr" does not exist"#]);
}

#[test]
fn diagnostics_carry_positions_and_suggestions() {
    let sql = "SELECT id,\n       u.emial\nFROM users u";
    let diagnostics = check_query(&pg(), sql);
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!((d.kind, d.line, d.column), (QueryErrorKind::UndefinedColumn, 2, 8));
    assert_eq!(d.name, "u.emial");
    assert_eq!(d.suggestions, vec!["email".to_string()]);
    assert_eq!(&sql[d.byte_range(sql).unwrap()], "u.emial");

    let d = &check_query(&pg(), "SELECT * FROM postz")[0];
    assert_eq!((d.kind, d.line, d.column), (QueryErrorKind::UndefinedTable, 1, 15));
    assert_eq!(d.suggestions, vec!["posts".to_string()]);

    let d = &check_query(&pg(), "SELECT id FROM users, posts")[0];
    assert_eq!((d.kind, d.line, d.column), (QueryErrorKind::AmbiguousColumn, 1, 8));
}

#[test]
fn syntax_errors_are_reported_with_their_position() {
    let diagnostics = check_query(&pg(), "SELECT id FROM users WHERE");
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].kind, QueryErrorKind::Syntax);
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 27), "{:?}", diagnostics[0]);
    let d = &check_query(&pg(), "SELECT id\nFROM users WHERE )")[0];
    assert_eq!((d.kind, d.line, d.column), (QueryErrorKind::Syntax, 2, 18), "{d:?}");
    assert!(d.message.starts_with("Expected: an expression"), "{d:?}");
}

#[test]
fn diagnostics_serialize_for_tools() {
    let d = &check_query(&pg(), "SELECT nope FROM users")[0];
    let json = serde_json::to_value(d).unwrap();
    assert_eq!(json["kind"], "undefined_column");
    assert_eq!(json["message"], r#"column "nope" does not exist"#);
    assert_eq!(json["line"], 1);
    assert_eq!(json["column"], 8);
}

#[test]
fn multi_track_results_say_where_the_name_exists() {
    let production = catalog(Engine::Postgres, &[("oauth_clients", &["id", "token_ttl"])]);
    let tests = catalog(Engine::Sqlite, &[("oauth_clients", &["id"])]);
    let model = SchemaModel {
        tracks: vec![
            TrackModel { name: "production".into(), engine: Engine::Postgres, catalog: production },
            TrackModel { name: "unit-tests".into(), engine: Engine::Sqlite, catalog: tests },
        ],
    };
    let results = check_query_tracks(&model, "SELECT token_ttl FROM oauth_clients WHERE id = $1");
    assert_eq!(results.len(), 2);
    assert!(results[0].diagnostics.is_empty());
    assert_eq!(results[1].track, "unit-tests");
    let d = &results[1].diagnostics[0];
    assert_eq!(d.message, "no such column: token_ttl");
    assert_eq!(d.defined_on, vec!["production".to_string()]);
    assert!(d.help().unwrap().contains("exists on track production"));
}

#[test]
fn mysql_rules() {
    let mysql = blog(Engine::Mysql);
    ok(&mysql, "SELECT `id`, `name` FROM `users` WHERE email = \"a@b.c\"");
    ok(&mysql, "INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)");
    ok(&mysql, "SELECT user_id AS u, count(*) AS n FROM posts GROUP BY u HAVING n > 1 ORDER BY n + 1");
    fails(&mysql, "SELECT nme FROM users", &["Unknown column 'nme'"]);
    fails(&mysql, "SELECT id FROM users, posts", &["Column 'id' in field list is ambiguous"]);
    fails(&mysql, "SELECT * FROM userz", &["Table 'userz' doesn't exist"]);
}

#[test]
fn mysql_tables_joins_and_multi_table_statements() {
    let mysql = blog(Engine::Mysql);
    // Table names and aliases are case-sensitive, column and CTE names are not.
    fails(&mysql, "SELECT id FROM Users", &["Table 'Users' doesn't exist"]);
    fails(&mysql, "SELECT U.id FROM users u", &["Unknown column 'U.id'"]);
    ok(&mysql, "WITH T AS (SELECT ID FROM users) SELECT Id FROM t");
    // A derived table does not see its siblings; an ON condition sees only its join.
    fails(&mysql, "SELECT u.id FROM users u, (SELECT title FROM posts WHERE posts.user_id = u.id) p", &["Unknown column 'u.id'"]);
    fails(&mysql, "SELECT u.id FROM users u, posts p JOIN tags t ON t.post_id = u.id", &["Unknown column 'u.id'"]);
    fails(&mysql, "SELECT tag FROM posts JOIN tags USING (post_id)", &["Unknown column 'post_id' in 'from clause'"]);
    fails(&mysql, "SELECT id FROM users UNION SELECT id FROM posts ORDER BY title", &["Unknown column 'title'"]);
    // Multi-table UPDATE sets columns of any of its tables; `t.col` targets are checked.
    ok(&mysql, "UPDATE posts p JOIN tags t ON t.post_id = p.id SET tag = ?, p.title = ?");
    fails(&mysql, "UPDATE posts p JOIN users u ON u.id = p.user_id SET created_at = NOW()", &["Column 'created_at' in field list is ambiguous"]);
    fails(&mysql, "UPDATE posts p SET p.titel = ?", &["Unknown column 'p.titel'"]);
    // Multi-table DELETE targets name the tables of its FROM (or USING) clause.
    ok(&mysql, "DELETE t FROM tags t JOIN posts p ON p.id = t.post_id WHERE p.user_id = ?");
    ok(&mysql, "DELETE FROM t USING tags AS t JOIN posts p ON p.id = t.post_id");
    fails(&mysql, "DELETE x FROM tags t WHERE t.tag = ?", &["Unknown table 'x' in MULTI DELETE"]);
    // Names two plain-column select items carry for different columns are ambiguous.
    fails(&mysql, "SELECT u.name, p.title AS name FROM users u JOIN posts p ON p.user_id = u.id ORDER BY name", &["Column 'name' in field list is ambiguous"]);
    ok(&mysql, "SELECT name, users.name FROM users ORDER BY name");
    ok(&mysql, "SELECT UPPER(name) AS x, LOWER(name) AS x FROM users ORDER BY x");
    // HAVING sees selected and grouped columns; aggregates see the whole FROM clause.
    fails(&mysql, "SELECT user_id FROM posts GROUP BY user_id HAVING title > ''", &["Unknown column 'title'"]);
    ok(&mysql, "SELECT user_id FROM posts GROUP BY user_id HAVING MAX(title) > '' AND user_id > 0");
    ok(&mysql, "SELECT * FROM posts GROUP BY user_id HAVING title > ''");
    // ON DUPLICATE KEY UPDATE of an INSERT ... SELECT sees the SELECT's tables.
    ok(&mysql, "INSERT INTO tags (post_id, tag) SELECT p.id, p.title FROM posts p ON DUPLICATE KEY UPDATE tag = p.title");
}

//! Behaviour of the Postgres replay on small migrations: generated names, printed forms,
//! rejected statements with Postgres's messages, skipped statements, error positions.
//! The expected texts are what Postgres 15 itself prints for the same statements.

use crate::catalog::{Catalog, Engine, ObjectName, Table};
use crate::error::{ReplayError, ReplayErrorKind};
use crate::replay::{replay_files, Replayed};
use crate::source::MigrationFile;

fn replay(sql: &str) -> Result<Replayed, ReplayError> {
    replay_files(Engine::Postgres, &[MigrationFile { name: "m.sql".to_string(), text: sql.to_string() }])
}

/// The catalog after replaying `sql` as one file `m.sql` (shared by the modules' own tests).
pub(super) fn replay_catalog(sql: &str) -> Result<Catalog, ReplayError> {
    replay(sql).map(|r| r.catalog)
}

fn replayed(sql: &str) -> Replayed {
    replay(sql).unwrap_or_else(|e| panic!("{e}\n{}", e.statement))
}

fn table<'a>(r: &'a Replayed, name: &str) -> &'a Table {
    r.catalog.tables.get(&ObjectName::new("public", name)).unwrap_or_else(|| panic!("no table {name}"))
}

fn rejected(sql: &str) -> String {
    let error = replay(sql).expect_err("the statement must be rejected");
    assert_eq!(error.kind, ReplayErrorKind::Rejected, "{error}");
    error.message
}

fn default_of(r: &Replayed, table_name: &str, column: &str) -> Option<String> {
    table(r, table_name).column(column).unwrap().default.clone()
}

#[test]
fn unnamed_constraints_get_postgres_names() {
    let r = replayed(
        "CREATE TABLE orgs (id serial PRIMARY KEY);
         CREATE TABLE users (
             id bigserial PRIMARY KEY,
             email varchar(255) NOT NULL UNIQUE,
             org_id int REFERENCES orgs,
             name text CHECK (name <> ''),
             a int, b int, CHECK (a < b)
         );",
    );
    let users = table(&r, "users");
    assert_eq!(users.primary_key.as_ref().unwrap().name, "users_pkey");
    assert_eq!(users.uniques[0].name, "users_email_key");
    assert_eq!(users.foreign_keys[0].name, "users_org_id_fkey");
    assert_eq!(users.foreign_keys[0].definition, "FOREIGN KEY (org_id) REFERENCES orgs(id)");
    let checks: Vec<&str> = users.checks.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(checks, ["users_name_check", "users_check"]);
    assert_eq!(users.checks[0].definition, "CHECK ((name <> ''::text))");
    assert_eq!(users.checks[1].definition, "CHECK ((a < b))");
    let seq = &r.catalog.sequences[&ObjectName::new("public", "users_id_seq")];
    assert_eq!(seq.data_type, "bigint");
    assert_eq!(seq.owned_by.as_ref().unwrap().column, "id");
    assert_eq!(default_of(&r, "users", "id").as_deref(), Some("nextval('users_id_seq'::regclass)"));
    assert!(users.column("id").unwrap().not_null);
}

#[test]
fn generated_names_avoid_collisions_and_truncate() {
    let r = replayed(
        "CREATE TABLE t (a int);
         CREATE INDEX t_a_key ON t (a);
         ALTER TABLE t ADD UNIQUE (a);
         ALTER TABLE t ADD UNIQUE (a);
         CREATE INDEX ON t (a);
         CREATE INDEX ON t (a);
         CREATE INDEX ON t (lower(a::text));",
    );
    let names: Vec<&str> = table(&r, "t").indexes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["t_a_key", "t_a_key1", "t_a_key2", "t_a_idx", "t_a_idx1", "t_lower_idx"]);
    let long = "x".repeat(60);
    let r = replayed(&format!("CREATE TABLE {long} (id int PRIMARY KEY, {long} int UNIQUE);"));
    let t = table(&r, &long);
    assert_eq!(t.primary_key.as_ref().unwrap().name, format!("{}_pkey", "x".repeat(58)));
    assert_eq!(t.uniques[0].name, format!("{}_{}_key", "x".repeat(29), "x".repeat(29)));
}

#[test]
fn defaults_print_like_pg_get_expr() {
    let r = replayed(
        "CREATE TABLE d (
            a varchar(10) DEFAULT '',
            b text DEFAULT 'index',
            c timestamptz DEFAULT '1970-01-01',
            d timestamp DEFAULT 'epoch',
            e bigint DEFAULT 0,
            f timestamp NOT NULL DEFAULT now(),
            g timestamptz DEFAULT current_timestamp,
            h bigint DEFAULT 0::bigint,
            i jsonb DEFAULT '{}',
            j text[] DEFAULT array[]::text[],
            k text DEFAULT NULL,
            l varchar(10) DEFAULT NULL,
            m boolean DEFAULT 'f',
            n int DEFAULT -1,
            o numeric(10,2) DEFAULT 1.5,
            p date DEFAULT current_date
        );",
    );
    let expected = [
        ("a", Some("''::character varying")),
        ("b", Some("'index'::text")),
        ("c", Some("'1970-01-01 00:00:00+00'::timestamp with time zone")),
        ("d", Some("'1970-01-01 00:00:00'::timestamp without time zone")),
        ("e", Some("0")),
        ("f", Some("now()")),
        ("g", Some("CURRENT_TIMESTAMP")),
        ("h", Some("(0)::bigint")),
        ("i", Some("'{}'::jsonb")),
        ("j", Some("ARRAY[]::text[]")),
        ("k", None),
        ("l", Some("NULL::character varying")),
        ("m", Some("false")),
        ("n", Some("'-1'::integer")),
        ("o", Some("1.5")),
        ("p", Some("CURRENT_DATE")),
    ];
    for (column, default) in expected {
        assert_eq!(default_of(&r, "d", column).as_deref(), default, "column {column}");
    }
    let types: Vec<&str> = table(&r, "d").columns.iter().map(|c| c.ty.engine.as_str()).collect();
    assert_eq!(types[..4], ["character varying(10)", "text", "timestamp with time zone", "timestamp without time zone"]);
}

#[test]
fn constraint_and_index_definitions_show_implicit_casts() {
    let r = replayed(
        "CREATE TABLE teams (id serial PRIMARY KEY, login varchar NOT NULL, gh_id int, deleted bool, path text);
         ALTER TABLE teams ADD CONSTRAINT teams_login_lowercase_ck CHECK (login = lower(login));
         CREATE UNIQUE INDEX lower_login ON teams (lower(login));
         CREATE INDEX positive ON teams (gh_id DESC, id) WHERE gh_id > 0;
         CREATE INDEX live ON teams USING gin (path gin_trgm_ops) WHERE NOT deleted;
         CREATE INDEX brin_ids ON teams USING brin (id) WITH (pages_per_range = 1);
         CREATE INDEX ins ON teams (id) WHERE login IN ('a', 'b');",
    );
    let teams = table(&r, "teams");
    assert_eq!(teams.checks[0].definition, "CHECK (((login)::text = lower((login)::text)))");
    let defs: Vec<&str> = teams.indexes.iter().filter_map(|i| i.definition.as_deref()).collect();
    assert_eq!(
        defs,
        [
            "CREATE UNIQUE INDEX teams_pkey ON public.teams USING btree (id)",
            "CREATE UNIQUE INDEX lower_login ON public.teams USING btree (lower((login)::text))",
            "CREATE INDEX positive ON public.teams USING btree (gh_id DESC, id) WHERE (gh_id > 0)",
            "CREATE INDEX live ON public.teams USING gin (path gin_trgm_ops) WHERE (NOT deleted)",
            "CREATE INDEX brin_ids ON public.teams USING brin (id) WITH (pages_per_range='1')",
            "CREATE INDEX ins ON public.teams USING btree (id) WHERE ((login)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))",
        ]
    );
}

#[test]
fn renames_and_type_changes_reprint_definitions() {
    let r = replayed(
        "CREATE TABLE users (id serial PRIMARY KEY, name varchar(40));
         CREATE TABLE posts (id serial PRIMARY KEY, author int REFERENCES users (id));
         CREATE INDEX users_name ON users (lower(name));
         ALTER TABLE users RENAME COLUMN id TO user_id;
         ALTER TABLE users RENAME TO people;
         ALTER TABLE people ALTER COLUMN name TYPE text;
         ALTER TABLE people RENAME CONSTRAINT users_pkey TO people_pkey;",
    );
    let people = table(&r, "people");
    assert_eq!(people.primary_key.as_ref().unwrap().columns, ["user_id"]);
    let defs: Vec<&str> = people.indexes.iter().filter_map(|i| i.definition.as_deref()).collect();
    assert_eq!(
        defs,
        [
            "CREATE UNIQUE INDEX people_pkey ON public.people USING btree (user_id)",
            "CREATE INDEX users_name ON public.people USING btree (lower(name))",
        ]
    );
    assert_eq!(table(&r, "posts").foreign_keys[0].definition, "FOREIGN KEY (author) REFERENCES people(user_id)");
    let seq = &r.catalog.sequences[&ObjectName::new("public", "users_id_seq")];
    assert_eq!(seq.owned_by.as_ref().unwrap().table.name, "people");
    assert_eq!(seq.owned_by.as_ref().unwrap().column, "user_id");
}

#[test]
fn rejected_statements_carry_postgres_messages() {
    assert_eq!(rejected("ALTER TABLE users ADD COLUMN x int;"), "relation \"users\" does not exist");
    assert_eq!(
        rejected("CREATE TABLE t (x int); ALTER TABLE t ADD COLUMN x int;"),
        "column \"x\" of relation \"t\" already exists"
    );
    assert_eq!(
        rejected("CREATE TABLE t (x int); ALTER TABLE t DROP CONSTRAINT c;"),
        "constraint \"c\" of relation \"t\" does not exist"
    );
    assert_eq!(rejected("CREATE TABLE t (x int); CREATE TABLE t (y int);"), "relation \"t\" already exists");
    assert_eq!(
        rejected("CREATE TABLE t (x int); ALTER TABLE t DROP COLUMN y;"),
        "column \"y\" of relation \"t\" does not exist"
    );
    assert_eq!(rejected("DROP TABLE nope;"), "table \"nope\" does not exist");
    assert_eq!(rejected("CREATE TABLE t (x mood);"), "type \"mood\" does not exist");
    assert_eq!(rejected("CREATE TABLE t (x int, x text);"), "column \"x\" specified more than once");
    assert_eq!(
        rejected("CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (a_id int REFERENCES a); DROP TABLE a;"),
        "cannot drop table a because other objects depend on it"
    );
    assert_eq!(
        rejected("CREATE TABLE t (id int PRIMARY KEY); ALTER TABLE t ALTER COLUMN id DROP NOT NULL;"),
        "column \"id\" is in a primary key"
    );
    assert_eq!(rejected("CREATE TABLE t (n int DEFAULT 'x');"), "invalid input syntax for type integer: \"x\"");
    assert_eq!(
        rejected("CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE t (m mood DEFAULT 'sad');"),
        "invalid input value for enum mood: \"sad\""
    );
    assert_eq!(
        rejected("CREATE TABLE t (id int); CREATE INDEX i ON t (nope);"),
        "column \"nope\" does not exist"
    );
}

#[test]
fn if_exists_forms_are_no_ops_and_listed() {
    let r = replayed(
        "CREATE TABLE t (x int);
         ALTER TABLE IF EXISTS missing ADD COLUMN y int;
         DROP TABLE IF EXISTS missing;
         DROP INDEX IF EXISTS missing_idx;
         CREATE TABLE IF NOT EXISTS t (y int);
         ALTER TABLE t ADD COLUMN IF NOT EXISTS x int;",
    );
    assert_eq!(r.report.skipped.len(), 5, "{:?}", r.report.skipped);
    assert_eq!(table(&r, "t").columns.len(), 1);
}

#[test]
fn statements_without_catalog_effect_are_skipped_with_location() {
    let r = replayed(
        "CREATE TABLE t (x int);\nINSERT INTO t VALUES (1);\nDO $$ BEGIN PERFORM 1; END $$;\n\
         GRANT SELECT ON t TO public;\nSET statement_timeout = 0;\nCOMMENT ON CONSTRAINT c ON t IS 'x';\n\
         REFRESH MATERIALIZED VIEW v;\nSELECT 1;",
    );
    let skipped: Vec<(u32, &str)> = r.report.skipped.iter().map(|s| (s.location.line, s.what.as_str())).collect();
    assert_eq!(
        skipped,
        [
            (2, "INSERT"),
            (3, "DO"),
            (4, "GRANT"),
            (5, "SET"),
            (6, "COMMENT ON CONSTRAINT"),
            (7, "REFRESH MATERIALIZED VIEW"),
            (8, "SELECT")
        ]
    );
}

#[test]
fn parse_errors_point_into_the_file() {
    let error = replay("CREATE TABLE t (x int);\n\nCREATE TABLE u (\n  x int,\n  y int y int\n);").unwrap_err();
    assert_eq!(error.kind, ReplayErrorKind::Parse);
    assert_eq!(error.location.file, "m.sql");
    assert_eq!(error.location.line, 5, "{error}");
}

#[test]
fn functions_triggers_comments_and_enums_are_recorded() {
    let r = replayed(
        "CREATE TYPE event_type AS ENUM ('create', 'delete');
         ALTER TYPE event_type ADD VALUE 'update' BEFORE 'delete';
         CREATE TABLE history (id bigserial PRIMARY KEY, kind event_type NOT NULL DEFAULT 'create', n int);
         CREATE FUNCTION bump() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql COST 100;
         CREATE FUNCTION twice(x integer[]) RETURNS TABLE(a integer, b bigint) LANGUAGE sql AS 'SELECT 1, 2';
         CREATE TRIGGER tg BEFORE UPDATE OF n OR INSERT ON history FOR EACH ROW
             WHEN (old.n IS DISTINCT FROM new.n) EXECUTE PROCEDURE bump();
         COMMENT ON TABLE history IS 'all events';
         COMMENT ON COLUMN history.n IS 'count';",
    );
    let labels = &r.catalog.enums[&ObjectName::new("public", "event_type")].labels;
    assert_eq!(labels, &["create", "update", "delete"]);
    let history = table(&r, "history");
    assert_eq!(default_of(&r, "history", "kind").as_deref(), Some("'create'::event_type"));
    assert_eq!(
        history.triggers[0].definition,
        "CREATE TRIGGER tg BEFORE INSERT OR UPDATE OF n ON public.history FOR EACH ROW WHEN ((old.n IS DISTINCT FROM new.n)) EXECUTE FUNCTION bump()"
    );
    assert_eq!(history.comment.as_deref(), Some("all events"));
    assert_eq!(history.column("n").unwrap().comment.as_deref(), Some("count"));
    let functions: Vec<(&str, &str, &str, &str)> = r
        .catalog
        .functions
        .iter()
        .map(|f| (f.name.name.as_str(), f.arguments.as_str(), f.result.as_str(), f.language.as_str()))
        .collect();
    assert_eq!(
        functions,
        [
            ("bump", "", "trigger", "plpgsql"),
            ("twice", "x integer[]", "TABLE(a integer, b bigint)", "sql")
        ]
    );
}

#[test]
fn views_resolve_output_columns() {
    let r = replayed(
        "CREATE TABLE v (id int PRIMARY KEY, crate_id int, downloads int, date date);
         CREATE MATERIALIZED VIEW recent AS SELECT v.crate_id, sum(v.downloads) AS downloads, count(*)
             FROM v WHERE v.date > date(CURRENT_TIMESTAMP - INTERVAL '90 days') GROUP BY v.crate_id;",
    );
    let view = &r.catalog.views[&ObjectName::new("public", "recent")];
    let columns: Vec<(&str, &str)> = view.columns.iter().map(|c| (c.name.as_str(), c.ty.as_str())).collect();
    assert_eq!(columns, [("crate_id", "integer"), ("downloads", "bigint"), ("count", "bigint")]);
    assert_eq!(
        view.definition.as_deref(),
        Some(
            " SELECT v.crate_id,\n    sum(v.downloads) AS downloads,\n    count(*) AS count\n   FROM v\n  WHERE v.date > date(CURRENT_TIMESTAMP - '90 days'::interval)\n  GROUP BY v.crate_id;"
        )
    );
}

#[test]
fn search_path_and_schemas_place_objects() {
    let r = replayed(
        "CREATE SCHEMA app;
         SET search_path TO app, public;
         CREATE TABLE accounts (id int PRIMARY KEY);
         CREATE TABLE public.notes (account int REFERENCES accounts);",
    );
    assert!(r.catalog.tables.contains_key(&ObjectName::new("app", "accounts")));
    let notes = table(&r, "notes");
    assert_eq!(notes.foreign_keys[0].definition, "FOREIGN KEY (account) REFERENCES app.accounts(id)");
    let index = &r.catalog.tables[&ObjectName::new("app", "accounts")].indexes[0];
    assert_eq!(index.definition.as_deref(), Some("CREATE UNIQUE INDEX accounts_pkey ON app.accounts USING btree (id)"));
}

#[test]
fn unmodelled_statements_are_errors() {
    let error = replay("CREATE TABLE a (x int); CREATE TABLE b (LIKE a);").unwrap_err();
    assert_eq!(error.kind, ReplayErrorKind::Unsupported);
    let error = replay("CREATE TABLE t (x int DEFAULT no_such_function());").unwrap_err();
    assert_eq!(error.kind, ReplayErrorKind::Unsupported, "{error}");
}

#[test]
fn pg_dump_style_sequences_and_schema_moves() {
    let r = replayed(
        "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" SCHEMA public;
         CREATE TABLE public.t (id integer NOT NULL, token uuid DEFAULT uuid_generate_v4());
         CREATE SEQUENCE public.t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
         ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
         ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);
         CREATE SEQUENCE down INCREMENT BY -2;
         ALTER SEQUENCE t_id_seq RESTART WITH 100;",
    );
    let seq = &r.catalog.sequences[&ObjectName::new("public", "t_id_seq")];
    assert_eq!((seq.data_type.as_str(), seq.start, seq.max), ("integer", 1, i32::MAX as i64));
    assert_eq!(seq.owned_by.as_ref().unwrap().table.name, "t");
    let down = &r.catalog.sequences[&ObjectName::new("public", "down")];
    assert_eq!((down.start, down.min, down.max, down.increment), (-1, i64::MIN, -1, -2));
    assert_eq!(default_of(&r, "t", "id").as_deref(), Some("nextval('t_id_seq'::regclass)"));
    assert_eq!(default_of(&r, "t", "token").as_deref(), Some("uuid_generate_v4()"));

    let r = replayed(
        "CREATE SCHEMA archive; CREATE TABLE logs (id serial PRIMARY KEY); ALTER TABLE logs SET SCHEMA archive;",
    );
    let logs = &r.catalog.tables[&ObjectName::new("archive", "logs")];
    assert_eq!(logs.column("id").unwrap().default.as_deref(), Some("nextval('archive.logs_id_seq'::regclass)"));
    assert_eq!(
        logs.indexes[0].definition.as_deref(),
        Some("CREATE UNIQUE INDEX logs_pkey ON archive.logs USING btree (id)")
    );
    assert!(r.catalog.sequences.contains_key(&ObjectName::new("archive", "logs_id_seq")));
}

#[test]
fn functions_of_missing_extensions_are_not_found() {
    let error = replay("CREATE TABLE t (id uuid DEFAULT uuid_generate_v4());").unwrap_err();
    assert_eq!(error.kind, ReplayErrorKind::Unsupported, "{error}");
}

#[test]
fn views_renamed_with_alter_view_and_alter_table() {
    let r = replayed(
        "CREATE TABLE t (a integer, b text);\nCREATE VIEW v AS SELECT a, b FROM t;\nCREATE MATERIALIZED VIEW m AS SELECT b FROM t;\n\
         CREATE INDEX m_b ON m (b);\nALTER VIEW v RENAME TO v2;\nALTER VIEW v2 RENAME COLUMN b TO label;\n\
         ALTER TABLE v2 RENAME TO v3;\nALTER MATERIALIZED VIEW IF EXISTS m RENAME TO m2;\nALTER VIEW IF EXISTS gone RENAME TO g;",
    );
    let v3 = &r.catalog.views[&ObjectName::new("public", "v3")];
    let names: Vec<&str> = v3.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["a", "label"]);
    assert_eq!(v3.definition, None, "the stored query is not reprinted after a column rename");
    let m2 = &r.catalog.views[&ObjectName::new("public", "m2")];
    assert_eq!(m2.indexes[0].definition.as_deref(), Some("CREATE INDEX m_b ON public.m2 USING btree (b)"));
    assert_eq!(r.catalog.views.len(), 2);
    let error = replay("CREATE TABLE t (a integer);\nALTER VIEW t RENAME TO u;").unwrap_err();
    assert_eq!(error.message, "\"t\" is not a view");
}

//! The risk rules for column type changes, checked against real Postgres: every rule is
//! applied with `ALTER TABLE ... ALTER COLUMN ... TYPE` to a table holding edge values
//! (19.99, the largest integers, long strings, timestamps at daylight-saving changes), and
//! the rule's verdicts must match what happened:
//!
//! * data `safe`: the ALTER succeeds and every value converts back to the original exactly;
//! * data `corruption` / `altered`: the ALTER succeeds and some value does not come back;
//! * data `corruption` / `refused`: values within range come back, and a value outside the
//!   range makes the ALTER fail with a data exception (SQLSTATE class 22);
//! * operation `in_place` / `rewrite`: the table's relfilenode stays / changes.
//!
//! Types are read back from the server's own catalog (live introspection), so the rules see
//! exactly what `format_type` says.

use postgres::Client;
use schema_model::catalog::{ColumnType, Engine};
use schema_model::live::introspect;
use schema_model::risk::{alter_type_operation, type_change_data, Corruption, DataRisk, OperationRisk};
use schema_tests::pg::cluster;

/// One type change with the values it is tried on: `values` lie within the target's range
/// (they show whether values are kept or altered), `out_of_range` do not (they show whether
/// the engine refuses them).
struct Case {
    from: &'static str,
    to: &'static str,
    values: &'static [&'static str],
    out_of_range: &'static [&'static str],
}

const fn case(from: &'static str, to: &'static str, values: &'static [&'static str], out_of_range: &'static [&'static str]) -> Case {
    Case { from, to, values, out_of_range }
}

const CASES: &[Case] = &[
    case("numeric(10,2)", "integer", &["19.99", "-0.50", "12345678.99"], &[]),
    case("numeric(12,2)", "integer", &["19.99"], &["9999999999.99"]),
    case("text", "varchar(5)", &["short", ""], &["much longer than five"]),
    case("bigint", "integer", &["2147483647", "-2147483648"], &["9223372036854775807"]),
    case("integer", "smallint", &["32767", "-32768"], &["40000"]),
    case("timestamptz", "date", &["2021-03-14 02:30:00+00", "2021-11-07 01:30:00-04"], &[]),
    case("timestamp", "date", &["2021-03-14 02:30:00"], &[]),
    case("smallint", "integer", &["32767", "-32768"], &[]),
    case("integer", "bigint", &["2147483647", "-2147483648"], &[]),
    case("integer", "numeric", &["2147483647", "-2147483648"], &[]),
    case("integer", "numeric(5,0)", &["99999", "-1"], &["2147483647"]),
    case("varchar(10)", "varchar(20)", &["0123456789", ""], &[]),
    case("varchar(10)", "text", &["0123456789", "ünïcödé"], &[]),
    case("varchar(20)", "varchar(10)", &["0123456789"], &["01234567890123456789"]),
    case("date", "timestamp", &["2021-03-14", "0001-01-01", "9999-12-31"], &[]),
    case("timestamp", "timestamptz", &["2021-03-14 02:30:00", "2021-11-07 01:30:00", "1970-01-01 00:00:00"], &[]),
    case("timestamptz", "timestamp", &["2021-03-14 07:30:00+00", "2021-11-07 05:30:00+00"], &[]),
    case("numeric(10,2)", "numeric(12,2)", &["19.99", "99999999.99"], &[]),
    case("numeric(10,2)", "numeric(10,1)", &["19.99"], &[]),
    case("numeric(10,2)", "numeric(8,2)", &["19.99", "999999.99"], &["99999999.99"]),
    case("numeric(10,2)", "numeric", &["19.99", "-99999999.99"], &[]),
    case("numeric", "numeric(10,2)", &["19.999"], &["123456789012"]),
    case("double precision", "real", &["0.1", "1e30"], &["1e300"]),
    case("real", "double precision", &["0.1", "3.4e38"], &[]),
    case("integer", "real", &["16777217", "1"], &[]),
    case("integer", "double precision", &["2147483647", "-2147483648"], &[]),
    case("bigint", "double precision", &["9007199254740993"], &[]),
    case("double precision", "integer", &["19.5", "-0.4"], &["1e10"]),
    case("json", "jsonb", &[r#"{"b": 1, "a": 2, "a": 3}"#], &[]),
    case("jsonb", "json", &[r#"{"b": 1, "a": [1, 2]}"#], &[]),
    case("char(5)", "text", &["ab", "abcde"], &[]),
    case("text", "char(5)", &["ab "], &[]),
    case("integer", "text", &["2147483647", "-1"], &[]),
];

fn column_types(client: &mut Client, table: &str) -> (ColumnType, ColumnType) {
    let catalog = introspect(client).expect("introspection");
    let probe = catalog.find_table(table).expect("probe table");
    (probe.columns[0].ty.clone(), probe.columns[1].ty.clone())
}

fn relfilenode(client: &mut Client, table: &str) -> i64 {
    client.query_one("SELECT relfilenode::int8 FROM pg_class WHERE oid = $1::text::regclass", &[&table]).expect("relfilenode").get(0)
}

fn texts(client: &mut Client, sql: &str) -> Vec<Option<String>> {
    client.query(sql, &[]).expect(sql).iter().map(|r| r.get(0)).collect()
}

#[test]
fn type_change_rules_match_real_postgres() {
    let Some(cluster) = cluster() else { return };
    let db = cluster.fresh_database();
    let mut client = db.connect();
    let mut checked = 0;
    for (i, case) in CASES.iter().enumerate() {
        let label = format!("{} -> {}", case.from, case.to);
        client
            .batch_execute(&format!("CREATE TABLE probe_{i} (a {}, b {}); CREATE TABLE empty_{i} (v {}); CREATE TABLE data_{i} (id serial, v {})", case.from, case.to, case.from, case.from))
            .expect("create tables");
        let (from, to) = column_types(&mut client, &format!("probe_{i}"));
        let data = type_change_data(&from, &to);
        let operation = alter_type_operation(Engine::Postgres, &from, &to);

        // Operation: does ALTER rewrite the (empty) table?
        let before = relfilenode(&mut client, &format!("empty_{i}"));
        client.batch_execute(&format!("ALTER TABLE empty_{i} ALTER COLUMN v TYPE {}", case.to)).expect(&label);
        let rewritten = relfilenode(&mut client, &format!("empty_{i}")) != before;
        match operation.risk {
            OperationRisk::InPlace => assert!(!rewritten, "{label}: rule says in place, Postgres rewrote the table"),
            OperationRisk::Rewrite => assert!(rewritten, "{label}: rule says rewrite, Postgres kept the table in place"),
            other => panic!("{label}: unexpected operation {other:?}"),
        }

        // Data: values in range are kept or altered; values out of range are refused.
        let insert = |client: &mut Client, table: &str, value: &str| {
            client
                .execute(&format!("INSERT INTO {table} (v) VALUES ($1::text::{})", case.from), &[&value])
                .unwrap_or_else(|e| panic!("{label}: insert {value}: {e}"));
        };
        for value in case.values {
            insert(&mut client, &format!("data_{i}"), value);
        }
        let original = texts(&mut client, &format!("SELECT v::text FROM data_{i} ORDER BY id"));
        client
            .batch_execute(&format!("ALTER TABLE data_{i} ALTER COLUMN v TYPE {}", case.to))
            .unwrap_or_else(|e| panic!("{label}: Postgres refused values within range: {e}"));
        let back = texts(&mut client, &format!("SELECT v::{}::text FROM data_{i} ORDER BY id", case.from));
        let expect_altered = matches!(data.corruption, Some(Corruption::Altered | Corruption::AlteredAndRefused));
        if expect_altered {
            assert_ne!(back, original, "{label}: rule says values are altered ({}), all came back", data.reason);
        } else {
            assert_eq!(back, original, "{label}: rule says values are kept ({}), they changed", data.reason);
        }
        let expect_refused = matches!(data.corruption, Some(Corruption::Refused | Corruption::AlteredAndRefused));
        assert_eq!(expect_refused, !case.out_of_range.is_empty(), "{label}: out-of-range values must be given exactly for refusing rules ({})", data.reason);
        for value in case.out_of_range {
            client.batch_execute(&format!("CREATE TABLE wide_{i} (v {})", case.from)).expect("create");
            insert(&mut client, &format!("wide_{i}"), value);
            let error = client
                .batch_execute(&format!("ALTER TABLE wide_{i} ALTER COLUMN v TYPE {}", case.to))
                .expect_err(&format!("{label}: rule says {value} is refused, Postgres accepted it"));
            let code = error.code().map(|c| c.code().to_string()).unwrap_or_default();
            assert!(code.starts_with("22"), "{label}: expected a data exception for {value}, got {code}: {error}");
            client.batch_execute(&format!("DROP TABLE wide_{i}")).expect("drop");
        }
        assert!(matches!(data.risk, DataRisk::Safe | DataRisk::Corruption), "{label}: unverifiable verdict {:?}", data.risk);
        checked += 1;
    }
    assert_eq!(checked, CASES.len());
}

/// The rules assume a UTC session; in a zone with daylight saving the same change shifts a
/// local time that falls in the spring-forward gap, which is why the assumption is stated.
#[test]
fn timestamp_rule_depends_on_the_session_zone() {
    let Some(cluster) = cluster() else { return };
    let db = cluster.fresh_database();
    let mut client = db.connect();
    client
        .batch_execute(
            "SET TimeZone = 'America/New_York';
             CREATE TABLE t (v timestamp); INSERT INTO t VALUES ('2021-03-14 02:30:00');
             ALTER TABLE t ALTER COLUMN v TYPE timestamptz",
        )
        .expect("alter in New York");
    let back: String = client.query_one("SELECT v::timestamp::text FROM t", &[]).expect("read").get(0);
    assert_eq!(back, "2021-03-14 03:30:00", "the gap time moves by an hour outside UTC");
}

//! `cargo schema verify`: the fixture crate's migrations applied to a scratch database on a
//! given server (created with a random name and dropped afterwards), and to a throwaway local
//! cluster when no server is given; both agree with the replay.

use schema_tests::cli::{fixture, run};
use schema_tests::pg::cluster;
use std::time::Duration;

#[test]
fn verify_on_a_server_and_on_a_local_cluster() {
    let Some(cluster) = cluster() else { return };
    let manifest = fixture("oauth-service").join("Cargo.toml");
    let manifest = manifest.to_str().unwrap_or_default();
    let db = cluster.fresh_database();
    cluster.create_password_role("verifier", "v3rify-pw");
    cluster.admin().batch_execute("ALTER ROLE verifier CREATEDB").expect("createdb");
    let url = db.tcp_url("verifier", "v3rify-pw");

    let on_server = run(&["verify", "--track", "postgres", "--database-url", &url, "--manifest-path", manifest], Duration::from_secs(120));
    assert_eq!(on_server.status, Some(0), "{}", on_server.all_output());
    assert!(on_server.stdout.contains("matches what the server built (2 tables)"), "{}", on_server.stdout);
    assert!(!on_server.all_output().contains("v3rify-pw"));
    let left: i64 = cluster
        .admin()
        .query_one("SELECT count(*) FROM pg_database WHERE datname LIKE 'schema_verify_%'", &[])
        .expect("count")
        .get(0);
    assert_eq!(left, 0, "the scratch database must be dropped");

    let local = run(&["verify", "--track", "postgres", "--manifest-path", manifest], Duration::from_secs(180));
    assert_eq!(local.status, Some(0), "{}", local.all_output());
    assert!(local.stdout.contains("matches what the server built"), "{}", local.stdout);
}

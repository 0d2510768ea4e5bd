//! `cargo schema verify`: the fixture crate's migrations applied to a scratch database on a
//! given server (created with a random name and dropped afterwards), and to a throwaway local
//! cluster when no server is given; both agree with the replay. A migration the server
//! rejects (though the replay accepts it) is reported with its file:line and the server's
//! message, and the scratch database is dropped all the same.

use schema_tests::cli::{fixture, run, Run};
use schema_tests::pg::{cluster, Cluster};
use std::path::Path;
use std::time::Duration;

/// A role that may create databases, and a URL reaching the cluster as that role.
fn verifier_url(cluster: &'static Cluster, role: &str) -> String {
    cluster.create_password_role(role, "v3rify-pw");
    cluster.admin().batch_execute(&format!("ALTER ROLE {role} CREATEDB")).expect("createdb");
    cluster.fresh_database().tcp_url(role, "v3rify-pw")
}

/// Runs `verify` on the server and checks that the scratch database it names is gone.
fn verify_on_server(cluster: &'static Cluster, url: &str, manifest: &Path) -> Run {
    let manifest = manifest.to_str().unwrap_or_default();
    let out = run(&["verify", "--track", "postgres", "--database-url", url, "--manifest-path", manifest], Duration::from_secs(120));
    assert!(!out.all_output().contains("v3rify-pw"), "{}", out.all_output());
    let scratch = out
        .stdout
        .split_once("in scratch database ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("verify names no scratch database:\n{}", out.all_output()))
        .to_string();
    let left: i64 = cluster
        .admin()
        .query_one("SELECT count(*) FROM pg_database WHERE datname = $1", &[&scratch])
        .expect("count")
        .get(0);
    assert_eq!(left, 0, "the scratch database {scratch} must be dropped");
    out
}

#[test]
fn verify_on_a_server_and_on_a_local_cluster() {
    let Some(cluster) = cluster() else { return };
    let manifest = fixture("oauth-service").join("Cargo.toml");
    let url = verifier_url(cluster, "verifier");

    let on_server = verify_on_server(cluster, &url, &manifest);
    assert_eq!(on_server.status, Some(0), "{}", on_server.all_output());
    assert!(on_server.stdout.contains("matches what the server built (2 tables)"), "{}", on_server.stdout);

    let manifest = manifest.to_str().unwrap_or_default();
    let local = run(&["verify", "--track", "postgres", "--manifest-path", manifest], Duration::from_secs(180));
    assert_eq!(local.status, Some(0), "{}", local.all_output());
    assert!(local.stdout.contains("matches what the server built"), "{}", local.stdout);
}

#[test]
fn verify_reports_a_migration_the_server_rejects() {
    let Some(cluster) = cluster() else { return };
    // The fixture crate plus a data migration naming a column no migration created: the
    // replay skips data changes, the server refuses it.
    let dir = std::env::temp_dir().join(format!("schema-verify-rejected-{}", std::process::id()));
    let fixture = fixture("oauth-service");
    std::fs::create_dir_all(dir.join("migrations")).expect("crate folder");
    for file in ["Cargo.toml", "lib.rs", "migrations/20240101000000_oauth_clients.sql", "migrations/20240201000000_oauth_tokens.sql"] {
        std::fs::copy(fixture.join(file), dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let backfill = "-- Name the clients that have none.\nUPDATE oauth_clients\n   SET display_name = client_id\n WHERE name = '';\n";
    std::fs::write(dir.join("migrations/20240301000000_backfill.sql"), backfill).expect("migration");

    let url = verifier_url(cluster, "verifier_rejected");
    let out = verify_on_server(cluster, &url, &dir.join("Cargo.toml"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status, Some(1), "{}", out.all_output());
    assert!(
        out.stdout.contains("20240301000000_backfill.sql:3: column \"display_name\" of relation \"oauth_clients\" does not exist"),
        "{}",
        out.all_output()
    );
}

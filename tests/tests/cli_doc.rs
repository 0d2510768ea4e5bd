//! `cargo schema doc`: writes a Markdown page with a Mermaid ER diagram per track, and
//! `--check` fails when a committed page is missing or stale.

use schema_tests::cli::{fixture, run};
use std::time::Duration;

#[test]
fn doc_pages_are_written_and_checked() {
    let manifest = fixture("oauth-service").join("Cargo.toml");
    let manifest = manifest.to_str().unwrap_or_default();
    let out = std::env::temp_dir().join(format!("schema-doc-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let out_dir = out.to_str().unwrap_or_default();
    let limit = Duration::from_secs(60);

    let missing = run(&["doc", "--check", "--manifest-path", manifest, "--out-dir", out_dir], limit);
    assert_eq!(missing.status, Some(1), "{}", missing.all_output());

    let written = run(&["doc", "--manifest-path", manifest, "--out-dir", out_dir], limit);
    assert_eq!(written.status, Some(0), "{}", written.all_output());
    let page = std::fs::read_to_string(out.join("postgres.md")).expect("page");
    assert!(page.contains("```mermaid\nerDiagram\n"), "{page}");
    assert!(page.contains("    oauth_tokens }o--|| oauth_clients : \"client_id\"\n"), "{page}");
    assert!(page.contains("| scope | `character varying(200)` | NOT NULL | `''::character varying` | migrations/20240201000000_oauth_tokens.sql:1 |"), "{page}");
    assert!(page.contains("* index `oauth_clients_created_at_idx` btree (created_at) at migrations/20240101000000_oauth_clients.sql:10"), "{page}");

    let fresh = run(&["doc", "--check", "--manifest-path", manifest, "--out-dir", out_dir], limit);
    assert_eq!(fresh.status, Some(0), "{}", fresh.all_output());

    std::fs::write(out.join("postgres.md"), page.replace("oauth_tokens", "tokens")).expect("edit");
    let stale = run(&["doc", "--check", "--manifest-path", manifest, "--out-dir", out_dir], limit);
    assert_eq!(stale.status, Some(1), "{}", stale.all_output());
    assert!(stale.stderr.contains("postgres.md is missing or stale"), "{}", stale.stderr);
    let _ = std::fs::remove_dir_all(&out);
}

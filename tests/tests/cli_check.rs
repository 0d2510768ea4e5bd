//! `cargo schema check` on a crate declaring vaultwarden's three migration lists (Postgres,
//! SQLite, MySQL from the corpus) as tracks: the parity report is pinned in
//! `tests/pinned/vaultwarden-check.txt` (rewrite it with `SCHEMA_PIN=overwrite` after a
//! reviewed change), and the JSON and GitHub formats agree with it.

use schema_tests::cli::run;
use schema_tests::corpus::corpus_dir;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

const MANIFEST: &str = r#"[package]
name = "vaultwarden-tracks"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
path = "lib.rs"

[package.metadata.schema]
tracks = [
  { name = "postgresql", engine = "postgres", migrations = ["session/postgresql.sql", "migrations/postgresql"] },
  { name = "sqlite", engine = "sqlite", migrations = ["session/sqlite.sql", "migrations/sqlite"] },
  { name = "mysql", engine = "mysql", migrations = ["session/mysql.sql", "migrations/mysql"] },
]

[workspace]
"#;

/// A throwaway crate whose track folders link to the corpus sets (read, never copied). Each
/// track starts with the set's session statements (what vaultwarden runs on connecting,
/// e.g. MySQL's `SET FOREIGN_KEY_CHECKS = 0`), as a first migration file.
fn vaultwarden_crate(corpus: &Path) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("schema-check-vaultwarden-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("migrations")).expect("crate dir");
    std::fs::create_dir_all(dir.join("session")).expect("session dir");
    std::fs::write(dir.join("Cargo.toml"), MANIFEST).expect("manifest");
    std::fs::write(dir.join("lib.rs"), "").expect("lib.rs");
    for (track, set) in [("postgresql", "vaultwarden-pg"), ("sqlite", "vaultwarden-sqlite"), ("mysql", "vaultwarden-mysql")] {
        std::os::unix::fs::symlink(corpus.join(set).join("migrations"), dir.join("migrations").join(track)).expect("link");
        let set_json: Value = serde_json::from_str(&std::fs::read_to_string(corpus.join(set).join("set.json")).expect("set.json")).expect("json");
        let session: String = set_json["session"].as_array().into_iter().flatten().filter_map(Value::as_str).map(|s| format!("{s};\n")).collect();
        std::fs::write(dir.join("session").join(format!("{track}.sql")), session).expect("session file");
    }
    dir
}

#[test]
fn vaultwarden_tracks_parity_report_is_pinned() {
    let Some(corpus) = corpus_dir() else {
        assert!(std::env::var_os("CI").is_none(), "the corpus is missing under CI");
        eprintln!("*** SKIPPED: the corpus is not available ***");
        return;
    };
    let dir = vaultwarden_crate(&corpus);
    let manifest = dir.join("Cargo.toml");
    let manifest = manifest.to_str().unwrap_or_default();
    let limit = Duration::from_secs(120);

    let human = run(&["check", "--manifest-path", manifest], limit);
    assert_eq!(human.status, Some(1), "{}", human.all_output());
    let pinned_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("pinned/vaultwarden-check.txt");
    if std::env::var("SCHEMA_PIN").as_deref() == Ok("overwrite") {
        std::fs::write(&pinned_path, &human.stdout).expect("write pinned report");
    }
    let pinned = std::fs::read_to_string(&pinned_path).expect("pinned report");
    assert_eq!(human.stdout, pinned, "the report changed; review it and rerun with SCHEMA_PIN=overwrite");

    let json = run(&["check", "--manifest-path", manifest, "--format", "json"], limit);
    assert_eq!(json.status, Some(1));
    let report: Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(report["clean"], false);
    let pairs = report["crates"][0]["pairs"].as_array().cloned().unwrap_or_default();
    assert_eq!(pairs.len(), 3, "three tracks make three pairs");
    let reported: usize = pairs.iter().map(|p| p["differences"].as_array().map_or(0, Vec::len)).sum();
    let human_rows = human.stdout.lines().filter(|l| l.starts_with("  x ")).count();
    assert_eq!(reported, human_rows, "json and human report the same differences");

    let github = run(&["check", "--manifest-path", manifest, "--format", "github"], limit);
    assert_eq!(github.status, Some(1));
    let annotations: Vec<&str> = github.stdout.lines().collect();
    assert!(!annotations.is_empty());
    for line in annotations {
        assert!(line.starts_with("::error"), "{line}");
        if line.starts_with("::error file=") {
            assert!(line.starts_with("::error file=migrations/"), "{line}");
            assert!(line.contains(",line="), "{line}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

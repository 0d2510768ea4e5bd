//! End to end: real `cargo build`s of crates whose build script is `schema_build::run()`.
//!
//! * A temporary crate with two Postgres tracks (`parity = "warn"`) and a struct field whose
//!   column exists on one track only: the build fails with an error at the field naming the
//!   column, the table, the lacking track and the migration that added it; after a new
//!   migration file adds the column to the other track, the next build passes without any
//!   Rust file touched.
//! * The drift demo `examples/oauth-pglite-drift` fails with the `token_ttl` error.
//!
//! The builds share one target directory (and the workspace's Cargo.lock) so dependencies
//! compile once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The target directory shared by every build of this test.
fn shared_target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-e2e-target")
}

/// `cargo build` of the crate at `manifest`, without network access.
fn cargo_build(manifest: &Path) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .args(["build", "--offline", "--manifest-path"])
        .arg(manifest)
        .env("CARGO_TARGET_DIR", shared_target_dir())
        .env_remove("SCHEMA_MODEL_PATH")
        .output()
        .expect("cargo runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A crate written into a fresh directory, removed at the end.
struct TempCrate {
    dir: PathBuf,
}

impl TempCrate {
    fn new(name: &str) -> TempCrate {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the crate directory");
        // Same dependency versions as the workspace, so the shared target dir is reused.
        std::fs::copy(workspace_root().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
        TempCrate { dir }
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.dir.join(path);
        std::fs::create_dir_all(path.parent().expect("file in a directory")).expect("create directories");
        std::fs::write(path, text).expect("write file");
    }

    fn manifest(&self) -> PathBuf {
        self.dir.join("Cargo.toml")
    }
}

impl Drop for TempCrate {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const MAIN_RS: &str = r#"use schema_macros::table;

#[table("oauth_clients")]
pub struct OauthClient {
    pub id: i64,
    pub client_name: String,
    pub token_ttl: i32,
}

fn main() {
    println!("{}", OauthClient::COLUMNS.join(", "));
}
"#;

#[test]
fn a_new_migration_fixes_the_build_without_touching_rust_code() {
    let root = workspace_root();
    let krate = TempCrate::new("e2e-two-tracks");
    krate.write(
        "Cargo.toml",
        &format!(
            r#"[package]
name = "e2e-two-tracks"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[package.metadata.schema]
tracks = [
  {{ name = "primary", engine = "postgres", migrations = "migrations/primary" }},
  {{ name = "replica", engine = "postgres", migrations = "migrations/replica" }},
]
parity = "warn"

[dependencies]
schema-macros = {{ path = "{macros}" }}

[build-dependencies]
schema-build = {{ path = "{build}" }}
"#,
            macros = root.join("schema-macros").display(),
            build = root.join("schema-build").display(),
        ),
    );
    krate.write("build.rs", "fn main() {\n    schema_build::run()\n}\n");
    krate.write("src/main.rs", MAIN_RS);
    let create = "CREATE TABLE oauth_clients (\n    id bigint PRIMARY KEY,\n    client_name text NOT NULL\n);\n";
    krate.write("migrations/primary/0001_init.sql", create);
    krate.write(
        "migrations/primary/0002_token_ttl.sql",
        "ALTER TABLE oauth_clients ADD COLUMN token_ttl integer NOT NULL DEFAULT 3600;\n",
    );
    krate.write("migrations/replica/0001_init.sql", create);

    let first = cargo_build(&krate.manifest());
    let text = stderr(&first);
    assert!(!first.status.success(), "the build must fail:\n{text}");
    assert!(
        text.contains("column `token_ttl` of table `oauth_clients` is missing on track `replica`"),
        "names column, table and lacking track:\n{text}"
    );
    assert!(
        text.contains("`oauth_clients.token_ttl` exists on track `primary`, added at migrations/primary/0002_token_ttl.sql:1:1"),
        "names the migration that added it:\n{text}"
    );
    assert!(text.contains("src/main.rs:7:9"), "points at the field:\n{text}");
    assert!(
        text.contains("warning: e2e-two-tracks@0.1.0: column `oauth_clients.token_ttl` exists on track `primary` but not on track `replica`"),
        "parity = \"warn\" reports the drift as a warning:\n{text}"
    );

    krate.write(
        "migrations/replica/0002_token_ttl.sql",
        "ALTER TABLE oauth_clients ADD COLUMN token_ttl integer NOT NULL DEFAULT 3600;\n",
    );
    let second = cargo_build(&krate.manifest());
    assert!(second.status.success(), "the new migration fixes the build:\n{}", stderr(&second));
}

#[test]
fn the_drift_demo_fails_with_the_token_ttl_error() {
    let demo = workspace_root().join("examples/oauth-pglite-drift");
    // The demo is its own workspace; its (ignored) lock file starts as the repository's.
    if !demo.join("Cargo.lock").exists() {
        std::fs::copy(workspace_root().join("Cargo.lock"), demo.join("Cargo.lock")).expect("copy Cargo.lock");
    }
    let output = cargo_build(&demo.join("Cargo.toml"));
    let text = stderr(&output);
    assert!(!output.status.success(), "the drift demo must not build:\n{text}");
    assert!(
        text.contains("column `token_ttl` of table `oauth_clients` is missing on track `pglite`"),
        "{text}"
    );
    assert!(
        text.contains("ALTER TABLE oauth_clients ADD COLUMN token_ttl integer NOT NULL DEFAULT 3600;"),
        "{text}"
    );
}

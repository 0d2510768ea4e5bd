//! Running the `cargo-schema` binary in tests: built once per test process by the same cargo
//! and into the same target directory as the tests, so it is never stale.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// What one run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    /// The exit status; `None` when the process was killed for running too long.
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Run {
    /// Standard output and standard error together, for "appears nowhere" checks.
    pub fn all_output(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// A fixture crate under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

/// The path of the freshly built `cargo-schema` binary.
pub fn cargo_schema() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .args(["build", "-p", "schema-cli", "--bin", "cargo-schema", "--message-format=json"])
            .current_dir(workspace_root())
            .stderr(Stdio::inherit())
            .output()
            .expect("cannot run cargo to build cargo-schema");
        assert!(output.status.success(), "building cargo-schema failed");
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|message| message["target"]["name"] == "cargo-schema")
            .find_map(|message| message["executable"].as_str().map(PathBuf::from))
            .expect("cargo did not report the cargo-schema executable")
    })
}

/// Runs `cargo-schema args...` (as `cargo schema` would, with `schema` first), killing it
/// after `limit`.
pub fn run(args: &[&str], limit: Duration) -> Run {
    let binary = cargo_schema();
    let started = Instant::now();
    let mut child = Command::new(binary)
        .arg("schema")
        .args(args)
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start cargo-schema");
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for cargo-schema") {
            break status.code();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run { status, stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default(), elapsed: started.elapsed() }
}

/// Reads a pipe to its end on another thread, so a chatty child never blocks.
fn read_in_background(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    })
}

//! A throwaway MariaDB server for tests that need the real engine.
//!
//! One server per test binary, started on first use by [`server`]: `mariadb-install-db` into a
//! fresh temporary folder, then `mariadbd` on a unix socket in that folder (no networking)
//! under a small supervising shell whose standard input is a pipe held by the test process.
//! When the test process ends, for whatever reason, the pipe closes and the supervisor shuts
//! the server down and removes the folder, so no server outlives its tests (a `static` is
//! never dropped, so the pipe, not `Drop`, is what ends it). As root the server runs as the
//! `mysql` OS user.
//!
//! Scripts are run with the `mariadb` command-line client over the socket, the way a person
//! would run a migration file: one session per script, stopping at the first error. Each test
//! uses its own database, created with `utf8mb4` / `utf8mb4_unicode_ci`.
//!
//! When the server binaries are missing the tests print a loud `*** SKIPPED` line and pass,
//! except when the environment variable `CI` is set: then they fail.

use crate::corpus::CorpusSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The OS user that runs the server when the tests run as root.
const SERVER_OS_USER: &str = "mysql";

/// How long the server may take to accept connections after it was started.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

/// Starts the server, then shuts it down and removes the folder once standard input closes.
/// Arguments: mariadbd binary, data folder, server folder (socket, pid and log).
const SUPERVISOR_SCRIPT: &str = r#"
"$1" --no-defaults --datadir="$2" --socket="$3/sock" --pid-file="$3/pid" \
    --log-error="$3/server.log" --skip-networking \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=0 \
    $4 >/dev/null 2>&1 &
server=$!
read _unused
kill -TERM "$server"
wait "$server"
rm -rf "$3"
"#;

/// A running throwaway server.
pub struct Server {
    dir: PathBuf,
    /// The supervisor; closing its standard input stops the server.
    supervisor: Mutex<Child>,
    next_database: AtomicU32,
}

/// Why a script failed on the server: MariaDB's error number (0 when the client did not
/// report one), the line the client reported and MariaDB's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    pub code: u32,
    pub line: u32,
    pub message: String,
}

/// The server of this test binary, started on first call. `None` (after a loud notice) when
/// MariaDB cannot be started outside CI; panics under `CI`.
pub fn server() -> Option<&'static Server> {
    static SERVER: OnceLock<Option<Server>> = OnceLock::new();
    SERVER
        .get_or_init(|| match Server::start() {
            Ok(server) => Some(server),
            Err(reason) => {
                if std::env::var_os("CI").is_some() {
                    panic!("cannot start MariaDB: {reason}; CI must not skip real-engine tests");
                }
                eprintln!("\n*** SKIPPED: MariaDB tests: cannot start MariaDB: {reason} ***\n");
                None
            }
        })
        .as_ref()
}

fn find_binary(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    dirs.extend(["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"].map(PathBuf::from));
    names.iter().find_map(|name| dirs.iter().map(|d| d.join(name)).find(|p| p.is_file()))
}

fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

impl Server {
    fn start() -> Result<Server, String> {
        let daemon = find_binary(&["mariadbd", "mysqld"]).ok_or("`mariadbd` not found (install mariadb-server)")?;
        let install = find_binary(&["mariadb-install-db", "mysql_install_db"]).ok_or("`mariadb-install-db` not found")?;
        find_binary(&["mariadb", "mysql"]).ok_or("the `mariadb` client is not installed")?;
        let as_root = running_as_root();
        let dir = std::env::temp_dir().join(format!("schema-mariadb-{}-{}", std::process::id(), std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)));
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let user_args: Vec<String> = if as_root {
            let chown = Command::new("chown").arg(format!("{SERVER_OS_USER}:{SERVER_OS_USER}")).arg(&dir).status();
            if !chown.map(|s| s.success()).unwrap_or(false) {
                let _ = std::fs::remove_dir_all(&dir);
                return Err(format!("cannot hand {} to the `{SERVER_OS_USER}` user", dir.display()));
            }
            vec![format!("--user={SERVER_OS_USER}")]
        } else {
            Vec::new()
        };
        let data = dir.join("data");
        let installed = Command::new(&install)
            .arg("--no-defaults")
            .arg(format!("--datadir={}", data.display()))
            .args(&user_args)
            .args(["--auth-root-authentication-method=normal", "--skip-test-db"])
            .output()
            .map_err(|e| format!("cannot run {}: {e}", install.display()))?;
        if !installed.status.success() {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(format!("mariadb-install-db failed: {}", String::from_utf8_lossy(&installed.stderr).trim()));
        }
        let supervisor = Command::new("sh")
            .args(["-c", SUPERVISOR_SCRIPT, "sh"])
            .arg(&daemon)
            .arg(&data)
            .arg(&dir)
            .arg(user_args.join(" "))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let server = Server { dir, supervisor: Mutex::new(supervisor), next_database: AtomicU32::new(1) };
        server.wait_until_ready()?;
        Ok(server)
    }

    fn wait_until_ready(&self) -> Result<(), String> {
        let started = Instant::now();
        loop {
            match self.run(None, "SELECT 1") {
                Ok(_) => return Ok(()),
                Err(e) if started.elapsed() > STARTUP_TIMEOUT => {
                    let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
                    return Err(format!("server did not accept connections: {}\nserver log:\n{log}", e.message));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }

    /// A new, empty database created as the corpus's were, `utf8mb4` / `utf8mb4_unicode_ci`.
    pub fn fresh_database(&self, prefix: &str) -> String {
        let name = format!("{prefix}_{}", self.next_database.fetch_add(1, Ordering::Relaxed));
        self.run(None, &format!("CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
            .unwrap_or_else(|e| panic!("cannot create database {name}: {}", e.message));
        name
    }

    /// Runs `sql` in one client session on `database`, stopping at the first error. Returns the
    /// client's output (tab-separated rows, no headers).
    pub fn run(&self, database: Option<&str>, sql: &str) -> Result<String, ScriptError> {
        let client = find_binary(&["mariadb", "mysql"]).ok_or_else(|| ScriptError { code: 0, line: 0, message: "no client".into() })?;
        let mut command = Command::new(client);
        command
            .args(["--no-defaults", "--user=root", "--batch", "--raw", "--skip-column-names"])
            .args(["--default-character-set=utf8mb4", "--max-allowed-packet=256M"])
            .arg(format!("--socket={}", self.socket().display()));
        if let Some(db) = database {
            command.arg(db);
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| ScriptError { code: 0, line: 0, message: format!("cannot run the client: {e}") })?;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let input = sql.to_string();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let output = child.wait_with_output().map_err(|e| ScriptError { code: 0, line: 0, message: e.to_string() })?;
        let _ = writer.join();
        if output.status.success() {
            return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
        }
        Err(parse_client_error(&String::from_utf8_lossy(&output.stderr)))
    }

    /// Applies a corpus set to `database` as the corpus harness did: each file in a session of
    /// its own, preceded by the set's session statements. The error names the failing file.
    pub fn apply_corpus_set(&self, database: &str, set: &CorpusSet) -> Result<(), String> {
        self.apply_corpus_prefix(database, set, usize::MAX)
    }

    /// Applies the first `count` migrations of a corpus set, as [`Server::apply_corpus_set`].
    pub fn apply_corpus_prefix(&self, database: &str, set: &CorpusSet, count: usize) -> Result<(), String> {
        let session = set.session().text;
        for file in set.migrations().into_iter().take(count) {
            self.run(Some(database), &format!("{session}{}", file.text))
                .map_err(|e| format!("{}: line {}: {}", file.name, e.line, e.message))?;
        }
        Ok(())
    }

    fn socket(&self) -> PathBuf {
        self.dir.join("sock")
    }

    /// The folder holding the socket, pid file and server log.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(mut supervisor) = self.supervisor.lock() {
            drop(supervisor.stdin.take());
            let _ = supervisor.wait();
        }
    }
}

/// `ERROR 1146 (42S02) at line 3: Table 'x' doesn't exist` -> error 1146, line 3 and the
/// message.
fn parse_client_error(stderr: &str) -> ScriptError {
    let text = stderr.trim();
    let first = text.lines().find(|l| l.starts_with("ERROR")).unwrap_or(text);
    let code = first
        .strip_prefix("ERROR ")
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok())
        .unwrap_or(0);
    let (line, message) = match first.split_once(" at line ") {
        Some((_, rest)) => match rest.split_once(": ") {
            Some((n, message)) => (n.trim().parse().unwrap_or(0), message.to_string()),
            None => (0, rest.to_string()),
        },
        None => (0, first.split_once(": ").map_or(first, |(_, m)| m).to_string()),
    };
    // The message continues on the following lines when it holds newlines.
    let rest: Vec<&str> = text.lines().skip_while(|l| *l != first).skip(1).collect();
    let message = if rest.is_empty() { message } else { format!("{message}\n{}", rest.join("\n")) };
    ScriptError { code, line, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_errors_are_parsed() {
        let e = parse_client_error("ERROR 1146 (42S02) at line 3: Table 'x.nope' doesn't exist\n");
        assert_eq!(e, ScriptError { code: 1146, line: 3, message: "Table 'x.nope' doesn't exist".into() });
    }
}

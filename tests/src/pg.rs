//! A throwaway PostgreSQL cluster for tests that need the real engine.
//!
//! One cluster per test binary, started on first use by [`cluster`]: `initdb` into a fresh
//! temporary folder, then the server under a small supervising shell whose standard input is
//! a pipe held by the test process. When the test process ends, for whatever reason, the pipe
//! closes and the supervisor stops the server and removes the folder, so no cluster outlives
//! its tests. Postgres refuses to run as root, so as root every server command runs as the
//! `postgres` OS user (through `runuser`).
//!
//! The server listens on a unix socket in the temporary folder (superuser `postgres`, trust
//! authentication) and on `127.0.0.1` with a free port, where only password (SCRAM)
//! authentication is accepted: [`Cluster::create_password_role`] and
//! [`Database::tcp_url`] give tests a real `postgres://user:password@host:port/db` URL.
//!
//! When the server binaries are missing the tests print a loud `*** SKIPPED` line and pass,
//! except when the environment variable `CI` is set: then they fail.

use postgres::error::SqlState;
use postgres::{Client, NoTls};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Where the server binaries are looked for unless `SCHEMA_PG_BIN` says otherwise.
pub const DEFAULT_BIN_DIR: &str = "/usr/lib/postgresql/15/bin";

/// The OS user that runs the server when the tests run as root.
const SERVER_OS_USER: &str = "postgres";

/// The superuser created by `initdb`.
pub const SUPERUSER: &str = "postgres";

/// Session settings of every connection, as diesel and sqlx set them on their migration
/// connections (`client_encoding` is always UTF8 with the `postgres` crate).
const SESSION_OPTIONS: &str = "-c TimeZone=UTC -c DateStyle=ISO,MDY";

/// How long database creation waits for other sessions to leave `template1`.
const TEMPLATE_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// How long the server may take to accept connections after it was started.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

/// Stops the server and removes the cluster folder once standard input closes, that is when
/// the test process that holds the other end of the pipe exits.
/// Arguments: postgres binary, data folder, cluster folder (socket and log), port.
const SUPERVISOR_SCRIPT: &str = r#"
"$1" -D "$2" -k "$3" -p "$4" -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off \
    >"$3/server.log" 2>&1 &
server=$!
read _unused
kill -INT "$server"
wait "$server"
rm -rf "$3"
"#;

/// A running throwaway cluster.
pub struct Cluster {
    dir: PathBuf,
    port: u16,
    /// The supervisor; its standard input is the pipe whose closing stops the server.
    _supervisor: Mutex<Child>,
    next_database: AtomicU32,
}

/// The cluster of this test binary, started on first call. `None` (after a loud notice)
/// when Postgres cannot be started outside CI; panics under `CI`.
pub fn cluster() -> Option<&'static Cluster> {
    static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();
    CLUSTER
        .get_or_init(|| match Cluster::start() {
            Ok(cluster) => Some(cluster),
            Err(reason) => {
                if std::env::var_os("CI").is_some() {
                    panic!("cannot start PostgreSQL: {reason}; CI must not skip real-engine tests");
                }
                eprintln!("\n*** SKIPPED: PostgreSQL tests: cannot start PostgreSQL: {reason} ***\n");
                None
            }
        })
        .as_ref()
}

impl Cluster {
    fn start() -> Result<Cluster, String> {
        let bin = bin_dir();
        for tool in ["initdb", "postgres"] {
            if !bin.join(tool).is_file() {
                return Err(format!(
                    "`{tool}` not found in {} (install PostgreSQL 15 or set SCHEMA_PG_BIN)",
                    bin.display()
                ));
            }
        }
        let as_server_user = running_as_root();
        let dir = make_cluster_dir(as_server_user)?;
        let data = dir.join("data");
        let initdb = server_command(as_server_user, &bin.join("initdb"))
            .arg("-D")
            .arg(&data)
            .args(["-U", SUPERUSER, "--auth-local=trust", "--auth-host=scram-sha-256"])
            .args(["--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"])
            .output()
            .map_err(|e| format!("cannot run initdb: {e}"))?;
        if !initdb.status.success() {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(format!("initdb failed: {}", String::from_utf8_lossy(&initdb.stderr).trim()));
        }
        let port = free_port()?;
        let supervisor = server_command(as_server_user, Path::new("sh"))
            .args(["-c", SUPERVISOR_SCRIPT, "sh"])
            .arg(bin.join("postgres"))
            .arg(&data)
            .arg(&dir)
            .arg(port.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let cluster = Cluster {
            dir,
            port,
            _supervisor: Mutex::new(supervisor),
            next_database: AtomicU32::new(1),
        };
        cluster.wait_until_ready()?;
        Ok(cluster)
    }

    fn wait_until_ready(&self) -> Result<(), String> {
        let started = Instant::now();
        loop {
            match self.config("postgres").connect(NoTls) {
                Ok(_) => return Ok(()),
                Err(e) if started.elapsed() > STARTUP_TIMEOUT => {
                    let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
                    return Err(format!("server did not accept connections: {e}\nserver log:\n{log}"));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    /// Connection settings for the superuser over the unix socket.
    fn config(&self, database: &str) -> postgres::Config {
        let mut config = postgres::Config::new();
        config
            .host_path(&self.dir)
            .port(self.port)
            .user(SUPERUSER)
            .dbname(database)
            .options(SESSION_OPTIONS);
        config
    }

    /// A superuser session on the maintenance database `postgres`.
    pub fn admin(&self) -> Client {
        self.connect_as_superuser("postgres")
    }

    fn connect_as_superuser(&self, database: &str) -> Client {
        self.config(database)
            .connect(NoTls)
            .unwrap_or_else(|e| panic!("cannot connect to the test cluster database {database}: {}", describe(&e)))
    }

    /// A new, empty database (a copy of `template1`, so it holds only `plpgsql`).
    ///
    /// Postgres refuses to copy a template while any other session is connected to it
    /// (SQLSTATE 55006). Autovacuum is off in this cluster and no test connects to
    /// `template1`, but the refusal is retried for a while rather than failing a test on it.
    pub fn fresh_database(&'static self) -> Database {
        let name = format!("test_{}", self.next_database.fetch_add(1, Ordering::Relaxed));
        let sql = format!("CREATE DATABASE {name} STRATEGY = FILE_COPY");
        let started = Instant::now();
        let mut admin = self.admin();
        loop {
            match admin.batch_execute(&sql) {
                Ok(()) => return Database { cluster: self, name },
                Err(e) if e.code() == Some(&SqlState::OBJECT_IN_USE) && started.elapsed() < TEMPLATE_BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => panic!("cannot create database {name}: {}", describe(&e)),
            }
        }
    }

    /// Creates a login role that authenticates with `password` (SCRAM), for tests that need a
    /// TCP connection URL with credentials.
    pub fn create_password_role(&self, role: &str, password: &str) {
        let sql = format!(
            "CREATE ROLE {} LOGIN PASSWORD {}",
            quote_identifier(role),
            quote_literal(password)
        );
        self.admin()
            .batch_execute(&sql)
            .unwrap_or_else(|e| panic!("cannot create role {role}: {}", describe(&e)));
    }

    /// The TCP port the server listens on (on `127.0.0.1`).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's `server_version` (e.g. `15.18 (Debian 15.18-0+deb12u1)`).
    pub fn server_version(&self) -> String {
        self.admin()
            .query_one("SHOW server_version", &[])
            .map(|row| row.get(0))
            .unwrap_or_else(|e| panic!("cannot read server_version: {}", describe(&e)))
    }
}

/// One database of the test cluster.
pub struct Database {
    cluster: &'static Cluster,
    name: String,
}

impl Database {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A new superuser session on this database (over the unix socket), with the session
    /// settings of migration tools: TimeZone=UTC, client_encoding=UTF8, DateStyle=ISO,MDY.
    pub fn connect(&self) -> Client {
        self.cluster.connect_as_superuser(&self.name)
    }

    /// A `postgres://` URL reaching this database over TCP as `role` with `password`
    /// (see [`Cluster::create_password_role`]).
    pub fn tcp_url(&self, role: &str, password: &str) -> String {
        format!(
            "postgres://{}:{}@127.0.0.1:{}/{}",
            percent_encode(role),
            percent_encode(password),
            self.cluster.port,
            self.name
        )
    }
}

/// The server's whole message (with detail) for a database error; `postgres::Error`'s own
/// `Display` says only "db error".
pub fn describe(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail}) [SQLSTATE {}]", db.message(), db.code().code()),
            None => format!("{} [SQLSTATE {}]", db.message(), db.code().code()),
        },
        None => error.to_string(),
    }
}

fn bin_dir() -> PathBuf {
    std::env::var_os("SCHEMA_PG_BIN").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(DEFAULT_BIN_DIR))
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}

/// `program` run directly, or as the server's OS user when the tests run as root.
fn server_command(as_server_user: bool, program: &Path) -> Command {
    if as_server_user {
        let mut command = Command::new("runuser");
        command.args(["-u", SERVER_OS_USER, "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

/// A new private folder for the cluster, owned by the user that runs the server.
fn make_cluster_dir(as_server_user: bool) -> Result<PathBuf, String> {
    // As root the folder must be reachable by the server user: /tmp always is.
    let parent = if as_server_user { PathBuf::from("/tmp") } else { std::env::temp_dir() };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let dir = parent.join(format!("schema-pg-{}-{nanos}", std::process::id()));
    std::fs::create_dir(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if as_server_user {
        let chown = Command::new("chown")
            .arg(format!("{SERVER_OS_USER}:"))
            .arg(&dir)
            .output()
            .map_err(|e| format!("cannot run chown: {e}"))?;
        if !chown.status.success() {
            let _ = std::fs::remove_dir(&dir);
            return Err(format!(
                "cannot hand {} to the `{SERVER_OS_USER}` OS user (Postgres does not run as root): {}",
                dir.display(),
                String::from_utf8_lossy(&chown.stderr).trim()
            ));
        }
    }
    Ok(dir)
}

/// A TCP port that is free on 127.0.0.1 right now.
fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| format!("no free TCP port: {e}"))
}

/// `name` as a double-quoted SQL identifier.
pub fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `text` as a single-quoted SQL string literal.
pub fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Percent-encodes everything but unreserved URL characters.
fn percent_encode(text: &str) -> String {
    let mut out = Vec::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    String::from_utf8(out).expect("percent-encoded text is ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_unreserved_characters() {
        assert_eq!(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(percent_encode("p@ss:w/rd"), "p%40ss%3Aw%2Frd");
    }

    #[test]
    fn quoting_doubles_quote_characters() {
        assert_eq!(quote_identifier("we\"ird"), "\"we\"\"ird\"");
        assert_eq!(quote_literal("it's"), "'it''s'");
    }
}

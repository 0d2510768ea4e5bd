//! Scratch Postgres databases for `verify`: a randomly named database created through a
//! given server (dropped again when done), or a throwaway local cluster started from the
//! installed server binaries when no server is given (stopped and removed when done).

use crate::database::{error_chain, DatabaseUrl};
use postgres::Client;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A random lower-case suffix for scratch names.
pub fn random_suffix() -> String {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// A database created for one run, dropped on drop.
pub struct ScratchDatabase {
    admin: Client,
    pub name: String,
    url: DatabaseUrl,
}

impl ScratchDatabase {
    /// Creates `schema_verify_<random>` on the server of `url`.
    pub fn create(url: &DatabaseUrl, timeout: Duration) -> Result<ScratchDatabase, String> {
        let mut admin = url.connect(timeout, None)?;
        let name = format!("schema_verify_{}", random_suffix());
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .map_err(|e| url.redact(&format!("cannot create scratch database {name} on {url}: {}", error_chain(&e))))?;
        Ok(ScratchDatabase { admin, name, url: url.clone() })
    }

    /// A new session on the scratch database.
    pub fn connect(&self, timeout: Duration) -> Result<Client, String> {
        self.url.connect(timeout, Some(&self.name))
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        if let Err(e) = self.admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)) {
            eprintln!("warning: could not drop scratch database {}: {}", self.name, self.url.redact(&error_chain(&e)));
        }
    }
}

/// A throwaway cluster in a temporary directory, on a unix socket only.
pub struct LocalCluster {
    dir: PathBuf,
    bin: PathBuf,
    as_postgres: bool,
    pub url: DatabaseUrl,
}

impl LocalCluster {
    /// Starts a cluster with the installed Postgres binaries; `Ok(None)` when there are none.
    pub fn start() -> Result<Option<LocalCluster>, String> {
        let Some(bin) = find_bindir() else { return Ok(None) };
        let dir = std::env::temp_dir().join(format!("cargo-schema-verify-{}", random_suffix()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let as_postgres = running_as_root();
        if as_postgres {
            run(Command::new("chown").arg("-R").arg("postgres").arg(&dir))?;
        }
        let port = free_port()?;
        let data = dir.join("data");
        let cluster = LocalCluster {
            url: DatabaseUrl::new(&format!("host={} port={port} user=postgres dbname=postgres", dir.display())),
            dir: dir.clone(),
            bin,
            as_postgres,
        };
        cluster.pg(&["initdb", "-D", &data.to_string_lossy(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--locale=C"])?;
        let options = format!("-p {port} -k {} -c listen_addresses= -c fsync=off", dir.display());
        let log = dir.join("server.log");
        cluster.pg(&["pg_ctl", "-D", &data.to_string_lossy(), "-o", &options, "-l", &log.to_string_lossy(), "-w", "start"])?;
        Ok(Some(cluster))
    }

    /// Runs a server program, as the `postgres` user when this process is root.
    fn pg(&self, args: &[&str]) -> Result<(), String> {
        let program = self.bin.join(args[0]);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        command.args(&args[1..]);
        run(&mut command)
    }
}

impl Drop for LocalCluster {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        if let Err(e) = self.pg(&["pg_ctl", "-D", &data.to_string_lossy(), "-m", "immediate", "-w", "stop"]) {
            eprintln!("warning: could not stop the scratch cluster: {e}");
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|e| format!("cannot run {:?}: {e}", command.get_program()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed: {}", command.get_program(), String::from_utf8_lossy(&output.stderr).trim()))
    }
}

/// The server binaries: `$PG_BINDIR`, `pg_config --bindir`, or the newest
/// `/usr/lib/postgresql/<version>/bin`.
fn find_bindir() -> Option<PathBuf> {
    let has_initdb = |dir: &Path| dir.join("initdb").is_file();
    if let Some(dir) = std::env::var_os("PG_BINDIR").map(PathBuf::from).filter(|d| has_initdb(d)) {
        return Some(dir);
    }
    if let Some(dir) = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .filter(|d| has_initdb(d))
    {
        return Some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin): &(u32, PathBuf)| has_initdb(bin))
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot find a free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| format!("cannot find a free port: {e}"))
}

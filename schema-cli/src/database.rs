//! Connecting to a live Postgres given a `postgres://` URL (or a `key=value` connection
//! string): TLS as `sslmode` asks, an overall connect timeout that also covers servers that
//! accept the connection and never answer, and a [`DatabaseUrl`] that never lets the
//! password reach any output.
//!
//! `sslmode` follows libpq: `disable`; `prefer` and `require` encrypt without verifying the
//! server certificate; `verify-ca` verifies the certificate chain; `verify-full` also the
//! host name.

use native_tls::TlsConnector;
use postgres::config::SslMode;
use postgres::{Client, Config};
use postgres_native_tls::MakeTlsConnector;
use std::str::FromStr;
use std::sync::mpsc;
use std::time::Duration;

/// What replaces a password in any text shown to the user.
const MASK: &str = "********";

/// A connection string that prints, and redacts errors, without its password.
#[derive(Clone)]
pub struct DatabaseUrl {
    text: String,
    /// Every spelling of the password that may appear in text (as written in the URL,
    /// percent-decoded).
    secrets: Vec<String>,
}

impl DatabaseUrl {
    pub fn new(text: &str) -> DatabaseUrl {
        let mut secrets = Vec::new();
        if let Some(raw) = url_password(text) {
            secrets.push(percent_decode(&raw));
            secrets.push(raw);
        }
        if let Some(password) = Config::from_str(&without_sslmode(text).0).ok().and_then(|c| c.get_password().map(|p| String::from_utf8_lossy(p).into_owned())) {
            secrets.push(password);
        }
        secrets.retain(|s| !s.is_empty());
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        DatabaseUrl { text: text.to_string(), secrets }
    }

    /// `text` with every occurrence of the password masked.
    pub fn redact(&self, text: &str) -> String {
        self.secrets.iter().fold(text.to_string(), |acc, secret| acc.replace(secret.as_str(), MASK))
    }

    /// The URL with its password masked, for messages.
    pub fn shown(&self) -> String {
        self.redact(&self.text)
    }

    /// Connects (to database `dbname` instead of the URL's when given), failing after
    /// `timeout` whatever the server does.
    pub fn connect(&self, timeout: Duration, dbname: Option<&str>) -> Result<Client, String> {
        let (text, mode) = without_sslmode(&self.text);
        let mut config = Config::from_str(&text).map_err(|e| self.redact(&format!("invalid connection string {}: {e}", self.shown())))?;
        if let Some(dbname) = dbname {
            config.dbname(dbname);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(timeout);
        }
        if config.get_application_name().is_none() {
            config.application_name("cargo-schema");
        }
        let tls = tls_connector(mode.as_deref()).map_err(|e| self.redact(&e))?;
        config.ssl_mode(match mode.as_deref() {
            None | Some("prefer") => SslMode::Prefer,
            Some("disable") => SslMode::Disable,
            Some(_) => SslMode::Require,
        });
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            // The receiver is gone when the caller timed out; nothing left to report then.
            let _ = sender.send(config.connect(tls));
        });
        match receiver.recv_timeout(timeout) {
            Ok(Ok(client)) => Ok(client),
            Ok(Err(e)) => Err(self.redact(&format!("cannot connect to {}: {}", self.shown(), error_chain(&e)))),
            Err(_) => Err(self.redact(&format!(
                "cannot connect to {}: no answer from a Postgres server within {} s",
                self.shown(),
                timeout.as_secs_f32()
            ))),
        }
    }
}

impl std::fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown())
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseUrl({})", self.shown())
    }
}

/// An error with its sources, which carry the server's or the socket's own words.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        let inner_text = inner.to_string();
        if !text.contains(&inner_text) {
            text.push_str(&format!(": {inner_text}"));
        }
        source = inner.source();
    }
    text
}

/// The TLS connector for an `sslmode`.
fn tls_connector(mode: Option<&str>) -> Result<MakeTlsConnector, String> {
    let mut builder = TlsConnector::builder();
    match mode {
        Some("verify-full") => {}
        Some("verify-ca") => {
            builder.danger_accept_invalid_hostnames(true);
        }
        None | Some("disable" | "allow" | "prefer" | "require") => {
            builder.danger_accept_invalid_certs(true).danger_accept_invalid_hostnames(true);
        }
        Some(other) => {
            return Err(format!(
                "invalid sslmode `{other}`; expected disable, allow, prefer, require, verify-ca or verify-full"
            ))
        }
    }
    let connector = builder.build().map_err(|e| format!("cannot set up TLS: {e}"))?;
    Ok(MakeTlsConnector::new(connector))
}

/// The connection string without its `sslmode` (handled here, since the driver only knows
/// some modes), and that mode.
fn without_sslmode(text: &str) -> (String, Option<String>) {
    if text.starts_with("postgres://") || text.starts_with("postgresql://") {
        let Some((base, query)) = text.split_once('?') else {
            return (text.to_string(), None);
        };
        let mut mode = None;
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| match pair.strip_prefix("sslmode=") {
                Some(value) => {
                    mode = Some(value.to_string());
                    false
                }
                None => true,
            })
            .collect();
        let rebuilt = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
        (rebuilt, mode)
    } else {
        let mut mode = None;
        let kept: Vec<&str> = text
            .split_whitespace()
            .filter(|pair| match pair.strip_prefix("sslmode=") {
                Some(value) => {
                    mode = Some(value.to_string());
                    false
                }
                None => true,
            })
            .collect();
        (kept.join(" "), mode)
    }
}

/// The password of a `postgres://user:password@host` URL, as written.
fn url_password(text: &str) -> Option<String> {
    let rest = text.strip_prefix("postgres://").or_else(|| text.strip_prefix("postgresql://"))?;
    let authority = rest.split(['/', '?']).next()?;
    let userinfo = authority.rsplit_once('@')?.0;
    Some(userinfo.split_once(':')?.1.to_string())
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_masked_in_every_spelling() {
        let url = DatabaseUrl::new("postgres://app:s%40cret-pw@db.example:5432/prod?sslmode=require");
        assert_eq!(url.shown(), "postgres://app:********@db.example:5432/prod?sslmode=require");
        assert_eq!(url.redact("auth failed for s@cret-pw and s%40cret-pw"), "auth failed for ******** and ********");
        let kv = DatabaseUrl::new("host=localhost user=app password=hunter22 dbname=x");
        assert_eq!(kv.shown(), "host=localhost user=app password=******** dbname=x");
    }

    #[test]
    fn sslmode_is_taken_out_of_the_url() {
        let (text, mode) = without_sslmode("postgres://a@h/db?sslmode=verify-full&application_name=x");
        assert_eq!(text, "postgres://a@h/db?application_name=x");
        assert_eq!(mode.as_deref(), Some("verify-full"));
        assert!(tls_connector(Some("bogus")).is_err());
    }

    #[test]
    fn invalid_url_errors_do_not_show_the_password() {
        let url = DatabaseUrl::new("postgres://app:topsecret@host:notaport/db");
        let error = url.connect(Duration::from_secs(1), None).err().unwrap_or_default();
        assert!(!error.is_empty());
        assert!(!error.contains("topsecret"), "{error}");
    }
}

//! A minimal service that reports whether its database still matches its migrations.
//!
//! The schema model is the one the build script wrote (`SCHEMA_MODEL_PATH`), embedded at
//! compile time. `GET /health/schema` connects to the database, runs
//! [`schema_model::live::check_live`] (read-only, with a statement timeout) and answers with
//! the [`HealthReport`] as JSON: `200` when healthy, `503` otherwise. Everything else is `404`.
//! The HTTP side is deliberately tiny (std only, one request per connection).

use schema_model::live::{check_live, HealthReport};
use schema_model::model::SchemaModel;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

/// The model written by this crate's build script.
pub fn embedded_model() -> Result<SchemaModel, String> {
    serde_json::from_str(include_str!(env!("SCHEMA_MODEL_PATH"))).map_err(|e| format!("the embedded schema model is invalid: {e}"))
}

/// What the service needs to answer.
pub struct Service {
    pub model: SchemaModel,
    pub track: String,
    /// A `postgres` connection string (`host=... user=...` or `postgres://...`).
    pub database_url: String,
}

impl Service {
    /// The health of the database, as reported at `/health/schema`.
    pub fn health(&self) -> HealthReport {
        match postgres::Client::connect(&self.database_url, postgres::NoTls) {
            Ok(mut client) => check_live(&mut client, &self.model, &self.track),
            Err(e) => HealthReport {
                track: self.track.clone(),
                healthy: false,
                differences: Vec::new(),
                error: Some(format!("cannot connect to the database: {e}")),
            },
        }
    }

    /// Status line and JSON body for a request line such as `GET /health/schema HTTP/1.1`.
    pub fn respond(&self, request_line: &str) -> (&'static str, String) {
        let mut parts = request_line.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some("GET"), Some("/health/schema")) => {
                let report = self.health();
                let status = if report.healthy { "200 OK" } else { "503 Service Unavailable" };
                (status, serde_json::to_string(&report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")))
            }
            _ => ("404 Not Found", "{\"error\":\"not found\"}".to_string()),
        }
    }

    /// Answers connections on `listener` until it fails.
    pub fn serve(&self, listener: TcpListener) -> std::io::Result<()> {
        for stream in listener.incoming() {
            if let Err(e) = self.answer(stream?) {
                eprintln!("health-service: {e}");
            }
        }
        Ok(())
    }

    fn answer(&self, mut stream: TcpStream) -> std::io::Result<()> {
        let mut request_line = String::new();
        BufReader::new(&stream).read_line(&mut request_line)?;
        let (status, body) = self.respond(&request_line);
        write!(
            stream,
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    }
}

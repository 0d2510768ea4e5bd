//! `health-service`: serves `GET /health/schema` on `HEALTH_ADDR` (default `127.0.0.1:8080`)
//! for the database at `DATABASE_URL`, checked against the `postgres` track.

use health_service::{embedded_model, Service};
use std::net::TcpListener;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Ok(database_url) = std::env::var("DATABASE_URL") else {
        eprintln!("error: set DATABASE_URL to the database to check");
        return ExitCode::from(2);
    };
    let model = match embedded_model() {
        Ok(model) => model,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let address = std::env::var("HEALTH_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".to_string());
    let listener = match TcpListener::bind(&address) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("error: cannot listen on {address}: {e}");
            return ExitCode::from(2);
        }
    };
    eprintln!("health-service: GET http://{address}/health/schema");
    let service = Service { model, track: "postgres".to_string(), database_url };
    match service.serve(listener) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

//! `GET /health/schema` against a real Postgres: healthy after the migrations ran, 503 with
//! the drifted column named after a manual change, and the check never writes.

use health_service::{embedded_model, Service};
use schema_tests::pg::cluster;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};

fn get(address: std::net::SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(address).expect("connect to the service");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    response
}

#[test]
fn health_endpoint_reports_drift() {
    let Some(cluster) = cluster() else { return };
    let db = cluster.fresh_database();
    let mut admin = db.connect();
    for file in ["migrations/0001_accounts.sql", "migrations/0002_sessions.sql"] {
        let sql = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect(file);
        admin.batch_execute(&sql).expect(file);
    }
    cluster.create_password_role("health_app", "pw-health-1");
    admin.batch_execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO health_app").expect("grant");
    let service = Service {
        model: embedded_model().expect("model"),
        track: "postgres".to_string(),
        database_url: db.tcp_url("health_app", "pw-health-1"),
    };
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || service.serve(listener));

    let healthy = get(address, "/health/schema");
    assert!(healthy.starts_with("HTTP/1.1 200 OK"), "{healthy}");
    assert!(healthy.contains("\"healthy\":true"), "{healthy}");

    admin.batch_execute("ALTER TABLE accounts ADD COLUMN token_ttl integer").expect("hotfix");
    let drifted = get(address, "/health/schema");
    assert!(drifted.starts_with("HTTP/1.1 503"), "{drifted}");
    let body = drifted.split("\r\n\r\n").nth(1).unwrap_or_default();
    let report: serde_json::Value = serde_json::from_str(body).expect("json body");
    assert_eq!(report["healthy"], false);
    assert_eq!(report["differences"][0]["column"], "token_ttl");
    assert_eq!(report["differences"][0]["actual"], "present");
    assert!(report["differences"][0]["migration"].is_null(), "{report}");

    assert!(get(address, "/nope").starts_with("HTTP/1.1 404"));
}

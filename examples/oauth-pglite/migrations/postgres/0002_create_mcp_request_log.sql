CREATE TABLE mcp_request_log (
    id           bigserial PRIMARY KEY,
    client_id    bigint NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    method       text NOT NULL,
    status_code  integer NOT NULL,
    duration_ms  integer,
    requested_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX mcp_request_log_client_time_idx ON mcp_request_log (client_id, requested_at DESC);

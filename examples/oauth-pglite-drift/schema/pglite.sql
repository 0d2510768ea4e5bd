-- The PGLite test schema as it was when the incident happened: written before
-- migration 0003 added `token_ttl` and `deleted_at` to production.

CREATE TABLE oauth_clients (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id     text NOT NULL UNIQUE,
    client_name   text NOT NULL,
    redirect_uris text[] NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mcp_request_log (
    id           bigserial PRIMARY KEY,
    client_id    bigint NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    method       text NOT NULL,
    status_code  integer NOT NULL,
    duration_ms  integer,
    requested_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX request_log_by_client ON mcp_request_log (client_id, requested_at DESC);

-- The schema the unit tests load into PGLite: one file, kept in parity with
-- migrations/postgres by the build (see [package.metadata.schema] in Cargo.toml).

CREATE TABLE oauth_clients (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id     text NOT NULL UNIQUE,
    client_name   text NOT NULL,
    redirect_uris text[] NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    token_ttl     integer NOT NULL DEFAULT 3600,
    deleted_at    timestamptz
);

CREATE INDEX live_clients ON oauth_clients (client_id) WHERE deleted_at IS NULL;

CREATE TABLE mcp_request_log (
    id           bigserial PRIMARY KEY,
    client_id    bigint NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    method       text NOT NULL,
    status_code  integer NOT NULL,
    duration_ms  integer,
    requested_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX request_log_by_client ON mcp_request_log (client_id, requested_at DESC);

-- Tokens get a per-client lifetime; clients are soft-deleted.
ALTER TABLE oauth_clients ADD COLUMN token_ttl integer NOT NULL DEFAULT 3600;
ALTER TABLE oauth_clients ADD COLUMN deleted_at timestamptz;

CREATE INDEX oauth_clients_live_idx ON oauth_clients (client_id) WHERE deleted_at IS NULL;

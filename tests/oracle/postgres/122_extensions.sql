-- CREATE EXTENSION [IF NOT EXISTS] [WITH SCHEMA]; the extension's own types, functions
-- and operator classes are usable and are not listed as user objects.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION pg_trgm;
CREATE SCHEMA ext;
CREATE EXTENSION ltree WITH SCHEMA ext;
CREATE TABLE pages (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    path ext.ltree
);
CREATE INDEX pages_title_trgm ON pages USING gin (title gin_trgm_ops);
CREATE INDEX pages_path ON pages USING gist (path);
CREATE EXTENSION citext;
ALTER TABLE pages ADD COLUMN slug citext UNIQUE;
DROP EXTENSION IF EXISTS hstore;

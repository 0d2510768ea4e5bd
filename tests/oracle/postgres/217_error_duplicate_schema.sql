-- expect-error: schema "app" already exists
-- CREATE SCHEMA of an existing schema without IF NOT EXISTS.
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS app;
CREATE SCHEMA app;

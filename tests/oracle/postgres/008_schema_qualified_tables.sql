-- Tables in a non-public schema, referenced across schemas.
CREATE SCHEMA app;
CREATE TABLE app.accounts (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.sessions (
    id uuid PRIMARY KEY,
    account_id integer NOT NULL REFERENCES app.accounts (id)
);
CREATE TABLE app.tokens (
    id bigserial PRIMARY KEY,
    session_id uuid REFERENCES sessions ON DELETE CASCADE
);
CREATE INDEX tokens_session ON app.tokens (session_id);

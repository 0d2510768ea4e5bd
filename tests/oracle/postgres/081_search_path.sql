-- SET search_path decides where unqualified names are created and looked up; printed
-- definitions qualify names outside the default search path.
CREATE SCHEMA app;
SET search_path TO app, public;
CREATE TABLE users (id serial PRIMARY KEY, name text);
CREATE TABLE public.settings (key text PRIMARY KEY, user_id integer REFERENCES users);
CREATE INDEX users_name ON users (name);
CREATE TYPE level AS ENUM ('low', 'high');
ALTER TABLE users ADD COLUMN level level DEFAULT 'low';
SET search_path = public;
CREATE TABLE users (id integer);
RESET search_path;
CREATE TABLE plain (id integer);

-- CREATE TABLE IF NOT EXISTS on an existing table is a no-op (with a notice), even when
-- the new definition differs.
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS users (id bigint, email text);
CREATE TABLE IF NOT EXISTS accounts (id integer);

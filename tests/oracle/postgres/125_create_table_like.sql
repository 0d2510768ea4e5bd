-- CREATE TABLE ... (LIKE other INCLUDING ...).
CREATE TABLE base (id integer PRIMARY KEY, name text NOT NULL DEFAULT 'n', n integer CHECK (n > 0));
CREATE INDEX base_name ON base (name);
CREATE TABLE copy_plain (LIKE base);
CREATE TABLE copy_all (LIKE base INCLUDING ALL, extra boolean);
CREATE TABLE copy_defaults (LIKE base INCLUDING DEFAULTS INCLUDING CONSTRAINTS);

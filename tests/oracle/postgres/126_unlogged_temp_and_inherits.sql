-- UNLOGGED tables, temporary tables (not part of the schema), table inheritance.
CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v bytea);
CREATE TEMPORARY TABLE scratch (id integer);
CREATE TEMP TABLE scratch2 (id integer);
CREATE TABLE animals (id integer, name text);
CREATE TABLE dogs (breed text) INHERITS (animals);

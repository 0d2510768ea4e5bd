-- DROP TABLE of one or several tables, IF EXISTS on a missing table (notice only); the
-- serial sequence of a dropped table goes with it.
CREATE TABLE a (id serial PRIMARY KEY);
CREATE TABLE b (id integer);
CREATE TABLE c (id integer);
CREATE TABLE keep (id integer);
DROP TABLE a;
DROP TABLE IF EXISTS missing;
DROP TABLE IF EXISTS b, missing_too;
DROP TABLE c RESTRICT;

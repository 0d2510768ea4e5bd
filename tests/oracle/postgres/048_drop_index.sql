-- DROP INDEX [IF EXISTS], several at once, CONCURRENTLY, schema-qualified.
CREATE SCHEMA other;
CREATE TABLE t (a integer, b integer, c integer);
CREATE TABLE other.u (a integer);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b);
CREATE INDEX t_c ON t (c);
CREATE INDEX u_a ON other.u (a);
DROP INDEX t_a;
DROP INDEX IF EXISTS t_b, missing_index;
DROP INDEX CONCURRENTLY t_c;
DROP INDEX other.u_a;

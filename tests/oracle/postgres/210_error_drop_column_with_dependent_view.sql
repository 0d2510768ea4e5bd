-- expect-error: cannot drop column a of table t because other objects depend on it
-- DROP COLUMN without CASCADE when a view uses the column.
CREATE TABLE t (id integer, a integer);
CREATE VIEW v AS SELECT a FROM t;
ALTER TABLE t DROP COLUMN a;

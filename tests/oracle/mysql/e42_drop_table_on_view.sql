-- expect-error
-- DROP TABLE on a view.
CREATE TABLE t (a INT);
CREATE VIEW v AS SELECT a FROM t;
DROP TABLE v;

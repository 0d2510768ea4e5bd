-- expect-error
CREATE TABLE t (a);
CREATE VIEW v AS SELECT a FROM t;
DROP TABLE v;

-- expect-error
CREATE TABLE t (a);
CREATE VIEW v AS SELECT a FROM t;
CREATE INDEX vi ON v (a);

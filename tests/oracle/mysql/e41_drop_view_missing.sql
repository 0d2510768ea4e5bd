-- expect-error
-- DROP VIEW drops the views it finds, then reports the others.
CREATE TABLE t (a INT);
CREATE VIEW v AS SELECT a FROM t;
CREATE VIEW w AS SELECT a FROM t;
DROP VIEW v, t, missing;

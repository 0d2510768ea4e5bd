-- expect-error
-- A view naming an unknown column in WHERE.
CREATE TABLE t (a INT);
CREATE VIEW v AS SELECT a FROM t WHERE nope = 1;

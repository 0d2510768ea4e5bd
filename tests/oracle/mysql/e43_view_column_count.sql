-- expect-error
-- A view list longer than the select list.
CREATE TABLE t (a INT, b INT);
CREATE VIEW v (x, y, z) AS SELECT a, b FROM t;

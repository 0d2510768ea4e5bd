-- Views can be dropped and recreated.
CREATE TABLE t (a INTEGER);
CREATE VIEW v AS SELECT a FROM t;
DROP VIEW v;
DROP VIEW IF EXISTS v;
CREATE VIEW v AS SELECT a, a + 1 AS b FROM t;

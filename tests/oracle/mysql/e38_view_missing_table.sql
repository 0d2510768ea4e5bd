-- expect-error
-- A view on a missing table.
CREATE TABLE t (a INT);
CREATE VIEW v AS SELECT a FROM t JOIN missing ON 1 = 1;

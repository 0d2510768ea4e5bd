-- expect-error
-- A view may not read itself, even through another view.
CREATE TABLE t (a INT);
CREATE VIEW r1 AS SELECT a FROM t;
CREATE VIEW r2 AS SELECT a FROM r1;
CREATE OR REPLACE VIEW r1 AS SELECT a FROM r2;

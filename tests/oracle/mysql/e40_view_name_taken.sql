-- expect-error
-- A view named like a table.
CREATE TABLE t (a INT);
CREATE VIEW t AS SELECT 1;

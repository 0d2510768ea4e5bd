-- expect-error: column "nope" does not exist
-- A view selecting a column the table does not have.
CREATE TABLE t (a integer);
CREATE VIEW v AS SELECT a, nope FROM t;

-- expect-error: column "nope" does not exist
-- RENAME COLUMN of a column that does not exist.
CREATE TABLE t (id integer);
ALTER TABLE t RENAME COLUMN nope TO other;

-- expect-error: column "b" of relation "t" already exists
-- RENAME COLUMN to the name of another column.
CREATE TABLE t (a integer, b integer);
ALTER TABLE t RENAME COLUMN a TO b;

-- expect-error: column "nope" named in key does not exist
-- A unique constraint over a column the table does not have.
CREATE TABLE t (a integer);
ALTER TABLE t ADD UNIQUE (nope);

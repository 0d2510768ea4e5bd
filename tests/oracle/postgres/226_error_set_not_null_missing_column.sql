-- expect-error: column "nope" of relation "t" does not exist
-- ALTER COLUMN SET NOT NULL on a column that does not exist.
CREATE TABLE t (a integer);
ALTER TABLE t ALTER COLUMN nope SET NOT NULL;

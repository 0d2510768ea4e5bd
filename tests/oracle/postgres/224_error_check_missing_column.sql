-- expect-error: column "b" does not exist
-- A check constraint over a column the table does not have.
CREATE TABLE t (a integer);
ALTER TABLE t ADD CONSTRAINT t_b CHECK (b > 0);

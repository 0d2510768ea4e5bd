-- expect-error: constraint "t_positive" for relation "t" already exists
-- ADD CONSTRAINT with the name of an existing check constraint.
CREATE TABLE t (a integer, b integer);
ALTER TABLE t ADD CONSTRAINT t_positive CHECK (a > 0);
ALTER TABLE t ADD CONSTRAINT t_positive CHECK (b > 0);

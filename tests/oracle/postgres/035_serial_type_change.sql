-- Changing the type of a serial column to bigint leaves its sequence an integer sequence;
-- ALTER SEQUENCE AS changes it.
CREATE TABLE t (id serial PRIMARY KEY, other serial);
ALTER TABLE t ALTER COLUMN id TYPE bigint;
ALTER TABLE t ALTER COLUMN other TYPE bigint;
ALTER SEQUENCE t_other_seq AS bigint;

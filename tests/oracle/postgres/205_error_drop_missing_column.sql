-- expect-error: column "nope" of relation "t" does not exist
-- DROP COLUMN without IF EXISTS of a missing column.
CREATE TABLE t (id integer, a text);
ALTER TABLE t DROP COLUMN IF EXISTS nope;
ALTER TABLE t DROP COLUMN nope;

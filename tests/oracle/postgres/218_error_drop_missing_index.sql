-- expect-error: index "nope" does not exist
-- DROP INDEX without IF EXISTS of a missing index.
CREATE TABLE t (a integer);
DROP INDEX IF EXISTS nope;
DROP INDEX nope;

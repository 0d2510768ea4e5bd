-- expect-error: table "missing" does not exist
-- DROP TABLE without IF EXISTS of a missing table.
CREATE TABLE t (id integer);
DROP TABLE IF EXISTS missing;
DROP TABLE t, missing;

-- expect-error: constraint "t_nope" of relation "t" does not exist
-- DROP CONSTRAINT without IF EXISTS of a constraint that does not exist.
CREATE TABLE t (id integer PRIMARY KEY);
ALTER TABLE t DROP CONSTRAINT IF EXISTS t_nope;
ALTER TABLE t DROP CONSTRAINT t_nope;

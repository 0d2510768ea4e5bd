-- Dropping indexes, with and without IF EXISTS.
CREATE TABLE t (a, b);
CREATE INDEX ta ON t (a);
CREATE INDEX tb ON t (b);
DROP INDEX ta;
drop index if exists ta;
DROP INDEX IF EXISTS never_created;

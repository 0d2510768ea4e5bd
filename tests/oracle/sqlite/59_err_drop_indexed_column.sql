-- expect-error
CREATE TABLE t (a TEXT, b TEXT);
CREATE INDEX ta ON t (a);
ALTER TABLE t DROP COLUMN a;

-- expect-error
CREATE TABLE t (a);
ALTER TABLE t DROP COLUMN a;
